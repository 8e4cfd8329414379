"""Tables of citable verbatims: each coded passage with its quotation and its reference."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pandas as pd

from research.analysis._coding_attributes import speaker_of
from research.analysis._quotes import (
    NBSP,
    Cut,
    Style,
    _actor_table,
    _body,
    _passage_text,
    reference,
)
from research.contracts import require_columns
from research.errors import SchemaError

__all__ = ["quotes_table"]


def _with_documents(passages: pd.DataFrame, documents: pd.DataFrame | None) -> pd.DataFrame:
    if documents is None:
        return passages
    require_columns(documents, ("doc_id",), table="documents")
    wanted = [
        c
        for c in ("kind", "date", "year", "edition", "respondent", "respondent_category")
        if c in documents.columns and c not in passages.columns
    ]
    if not wanted:
        return passages
    attrs = documents.drop_duplicates("doc_id").set_index("doc_id")[wanted]
    return passages.join(attrs, on="doc_id")


def quotes_table(
    retrieved: pd.DataFrame,
    *,
    documents: pd.DataFrame | None = None,
    segments: pd.DataFrame | None = None,
    actors: Any = None,
    style: Style = "pseudonym",
    roles: Mapping[str, str] | None = None,
    max_chars: int | None = None,
    cut: Cut = "end",
    first_name: bool = True,
    nbsp: str = NBSP,
    cuts: bool = True,
) -> pd.DataFrame:
    """Format retrieved passages as citable verbatims, one row per passage.

    Parameters
    ----------
    retrieved : pandas.DataFrame
        Passages with ``doc_id`` and ``quote`` (or ``text``), such as codings or
        the output of ``research.coding.retrieve``. Other columns are kept.
    documents : pandas.DataFrame, optional
        The documents table, for ``kind``, ``date``, ``respondent`` and
        ``respondent_category`` when ``retrieved`` lacks them.
    segments : pandas.DataFrame, optional
        The segments table: when ``retrieved`` has no ``actor`` column, the
        speaker of the segment where each passage starts; when it has no ``page``
        column, the page of each passage of a paginated document (cited ``p. 12``).
    actors, style, roles, max_chars, cut, first_name, nbsp, cuts
        As in :func:`format_verbatim`.

    Returns
    -------
    pandas.DataFrame
        ``retrieved``'s columns plus ``verbatim`` (the passage in guillemets),
        ``reference`` and ``citation`` (both together), in the input order.

    Examples
    --------
    >>> import pandas as pd
    >>> passages = pd.DataFrame({"doc_id": ["INT03"], "start": [10], "end": [30],
    ...                          "code": ["ant.interessement"],
    ...                          "quote": ["C’est Julien qui m’a fait changer d’avis."]})
    >>> docs = pd.DataFrame({"doc_id": ["INT03"], "kind": ["interview"],
    ...                      "date": ["2019-12-16"], "respondent": ["P10"]})
    >>> reg = pd.DataFrame({"actor_id": ["P10"], "label": ["Élodie Fournier"],
    ...                     "kind": ["person"], "category": ["project_holder"],
    ...                     "gender": ["f"]})
    >>> table = quotes_table(passages, documents=docs, actors=reg)
    >>> print(table.loc[0, "citation"].replace(NBSP, " "))
    « C’est Julien qui m’a fait changer d’avis. » (Élodie, porteuse de projet, 2019)
    """
    if "doc_id" not in retrieved.columns:
        raise SchemaError(
            "the passages to quote have no 'doc_id' column",
            column="doc_id",
            hint="pass codings or retrieved passages",
        )
    if "quote" not in retrieved.columns and "text" not in retrieved.columns:
        raise SchemaError(
            "the passages to quote have neither a 'quote' nor a 'text' column",
            column="quote",
            hint="pass codings (quote) or segments (text)",
        )
    passages = _with_documents(retrieved.reset_index(drop=True), documents)
    if segments is not None and len(passages) and not {"actor", "page"} <= set(passages.columns):
        found = speaker_of(passages, segments)
        for column in ("actor", "page"):
            if column not in passages.columns and column in found.columns:
                passages = passages.assign(**{column: found[column].to_numpy()})
    table = _actor_table(actors)
    options = {"actors": table, "style": style, "roles": roles, "first_name": first_name}
    verbatims, references = [], []
    for record in passages.to_dict("records"):
        text = _passage_text(
            record, hint="re-anchor the codings (research.coding.reanchor) or drop empty quotes"
        )
        body = _body(text, nbsp=nbsp, max_chars=max_chars, cut=cut, cuts=cuts)
        verbatims.append(f"«{nbsp}{body}{nbsp}»")
        references.append(reference(record, **options))
    out = retrieved.reset_index(drop=True).copy()
    out["verbatim"] = pd.Series(verbatims, dtype=object)
    out["reference"] = pd.Series(references, dtype=object)
    out["citation"] = [f"{v} ({r})" for v, r in zip(verbatims, references, strict=True)]
    return out
