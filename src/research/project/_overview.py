"""The overview of a project: what the corpus and the edition tables hold.

Examples
--------
>>> from research.corpus import Corpus
>>> c = Corpus.from_texts({"A": "un deux"}, metadata={"A": {"kind": "note"}})
>>> project_totals(c, {})["documents"]
1
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pandas as pd

from research.corpus import Corpus

__all__ = ["format_totals", "overview_tables", "project_totals", "write_overview"]

STAGES = ["idea", "working_group", "prototype", "launched", "enterprise", "abandoned"]


def project_totals(corpus: Corpus, tables: dict[str, pd.DataFrame]) -> dict[str, Any]:
    """Headline counts: documents by kind, words, segments, workshops, participations,
    persons, projects by stage and jobs."""
    docs = corpus.documents
    totals: dict[str, Any] = {
        "documents": len(docs),
        "words": int(docs["n_words"].sum()) if len(docs) else 0,
        "segments": len(corpus.segments),
    }
    if len(docs):
        totals["documents_by_kind"] = docs["kind"].value_counts().sort_index().to_dict()
    if "editions" in tables:
        totals["editions"] = len(tables["editions"])
    if "workshops" in tables:
        totals["workshops"] = len(tables["workshops"])
    if "participations" in tables:
        part = tables["participations"]
        totals["participations"] = len(part)
        totals["persons_participating"] = int(part["actor_id"].nunique())
    if "actors" in tables:
        totals["actors_by_kind"] = tables["actors"]["kind"].value_counts().sort_index().to_dict()
    if "projects" in tables:
        projects = tables["projects"]
        counts = projects["stage"].value_counts()
        totals["projects"] = len(projects)
        totals["projects_by_stage"] = {s: int(counts.get(s, 0)) for s in STAGES}
        totals["jobs"] = int(pd.to_numeric(projects["jobs"], errors="coerce").fillna(0).sum())
    return totals


def format_totals(totals: dict[str, Any]) -> str:
    """Totals as indented lines for a terminal.

    Examples
    --------
    >>> print(format_totals({"documents": 2, "documents_by_kind": {"note": 2}}))
    documents: 2
    documents_by_kind:
      note: 2
    """
    lines = []
    for key, value in totals.items():
        if isinstance(value, dict):
            lines.append(f"{key}:")
            lines.extend(f"  {k}: {v:,}" for k, v in value.items())
        else:
            lines.append(f"{key}: {value:,}")
    return "\n".join(lines)


def overview_tables(corpus: Corpus) -> dict[str, pd.DataFrame]:
    """Summary tables of the corpus: by kind, by edition, by respondent category,
    and the document list."""
    tables = {"by_kind": corpus.summary("kind")}
    docs = corpus.documents
    if "edition" in docs.columns and docs["edition"].notna().any():
        tables["by_edition"] = corpus.summary("edition")
    if "respondent_category" in docs.columns:
        interviews = corpus.where(kind="interview")
        if len(interviews):
            tables["interviews_by_category"] = interviews.summary("respondent_category")
    keep = [
        c
        for c in ("doc_id", "kind", "title", "date", "edition", "n_words", "n_segments", "path")
        if c in docs
    ]
    tables["documents"] = docs[keep].sort_values("doc_id").reset_index(drop=True)
    return tables


def write_overview(
    corpus: Corpus, tables: dict[str, pd.DataFrame], folder: str | Path
) -> dict[str, Any]:
    """Write the overview tables as CSV and the totals as text into ``folder``."""
    from research.files import atomic_write_text, csv_text

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    for name, table in overview_tables(corpus).items():
        atomic_write_text(folder / f"{name}.csv", csv_text(table))
    totals = project_totals(corpus, tables)
    atomic_write_text(folder / "totals.txt", format_totals(totals) + "\n")
    return totals
