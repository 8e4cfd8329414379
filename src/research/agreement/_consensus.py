"""Consensus after a meeting: the decisions file, and consensus codings from it.

The workflow after an agreement report:

1. :func:`~research.agreement.disagreements` lists, for each code, every segment where the two coders
   differ: one applied the code and the other did not (``only_a``/``only_b``), or
   both applied it with different spans (``spans_differ``). Each row has a stable
   ``disagreement_id`` (``code@doc_id#seg_id``), both coders' spans and the text.
2. :func:`~research.agreement.write_disagreements_html` writes a self-contained page for the meeting,
   both coders' spans highlighted in the segment text.
3. The coders record one decision per disagreement in
   ``corpus/codings/consensus-decisions.csv`` (:func:`decisions_template`,
   :func:`write_decisions`, :func:`read_decisions`): ``keep_a``, ``keep_b``,
   ``both``, ``neither`` or ``edit`` (with the agreed ``start``/``end``; several
   rows for several spans).
4. :func:`apply_consensus` turns the codings and decisions into the codings of a
   ``consensus`` coder, and an audit table joining each disagreement, its decision
   and the result. The decisions file stays as the audit trail.

Codings not involved in any disagreement are kept (identical ones once). Dropping a
coder's coding from a segment removes only that segment's range from it: the parts
of a long coding that lie in other segments stay.

Examples
--------
>>> import pandas as pd
>>> from research.agreement import disagreements
>>> segments = pd.DataFrame({"doc_id": ["D", "D"], "seg_id": ["D:0", "D:1"],
...                          "start": [0, 13], "end": [12, 27],
...                          "text": ["La SCIC agit", "Les élus aussi"]})
>>> codings = pd.DataFrame({"coder": ["A", "B", "A"], "doc_id": ["D"] * 3,
...                         "start": [0, 0, 13], "end": [7, 7, 21],
...                         "code": ["ant.actor"] * 3})
>>> found = disagreements(codings, segments, coders=["A", "B"], infer_documents=True)
>>> found[["disagreement_id", "kind"]].values.tolist()
[['ant.actor@D#D:1', 'only_a']]
>>> decisions = pd.DataFrame({"disagreement_id": ["ant.actor@D#D:1"], "decision": ["keep_b"]})
>>> consensus, audit = apply_consensus(codings, found, decisions)
>>> consensus[["coder", "start", "end"]].values.tolist()
[['consensus', 0, 7]]
"""

from __future__ import annotations

import io
import re
from collections import defaultdict
from collections.abc import Sequence
from os import PathLike
from pathlib import Path

import numpy as np
import pandas as pd

from research import contracts
from research.agreement._disagreements import Span
from research.agreement._scope import _offsets
from research.contracts import is_blank, require_columns, row_number
from research.errors import AgreementError, CodingError, InputError
from research.files import atomic_write_text

__all__ = [
    "DECISIONS",
    "DECISION_COLUMNS",
    "apply_consensus",
    "decisions_template",
    "read_decisions",
    "write_consensus_codings",
    "write_decisions",
]

DECISIONS = ("keep_a", "keep_b", "both", "neither", "edit")
DECISION_COLUMNS = [
    "disagreement_id",
    "code",
    "doc_id",
    "seg_id",
    "kind",
    "decision",
    "start",
    "end",
    "memo",
    "decided_by",
    "decided_at",
]
CODING_COLUMNS = list(contracts.CODING_COLUMNS)
CONSENSUS = "consensus"


# ----------------------------------------------------------------- decisions


def decisions_template(disagreements: pd.DataFrame) -> pd.DataFrame:
    """An empty decisions table, one row per disagreement, to fill in.

    Examples
    --------
    >>> import pandas as pd
    >>> d = pd.DataFrame({"disagreement_id": ["x@D#s0"], "code": ["x"], "doc_id": ["D"],
    ...                   "seg_id": ["s0"], "kind": ["only_a"]})
    >>> decisions_template(d).columns.tolist()[:6]
    ['disagreement_id', 'code', 'doc_id', 'seg_id', 'kind', 'decision']
    """
    out = pd.DataFrame({c: disagreements[c] for c in DECISION_COLUMNS[:5]})
    for col in DECISION_COLUMNS[5:]:
        out[col] = ""
    return out.reset_index(drop=True)


def _csv_text(frame: pd.DataFrame) -> str:
    buffer = io.StringIO()
    frame.to_csv(buffer, index=False, lineterminator="\n")
    return buffer.getvalue()


def write_decisions(decisions: pd.DataFrame, path: str | PathLike) -> Path:
    """Write the decisions as CSV (UTF-8) atomically: temporary file, fsync, replace."""
    require_columns(decisions, ["disagreement_id", "decision"], table="decisions")
    path = Path(path)
    extra = [c for c in decisions.columns if c not in DECISION_COLUMNS]
    ordered = [c for c in DECISION_COLUMNS if c in decisions.columns] + extra
    atomic_write_text(path, _csv_text(decisions[ordered]))
    return path


def read_decisions(path: str | PathLike) -> pd.DataFrame:
    """Read a decisions CSV; every cell is text, empty cells are ``""``.

    Files saved by a spreadsheet are accepted: a UTF-8 byte-order mark, and ``;`` as
    the separator (the French default of Excel and LibreOffice). The path is kept in
    ``attrs["path"]`` so errors can name the file and line.
    """
    path = Path(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError as exc:
        raise InputError(
            "the decisions file does not exist",
            path=path,
            hint="write one with write_decisions(decisions_template(disagreements), path)",
        ) from exc
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(
            "the decisions file is not UTF-8 text",
            path=path,
            hint="save it again as 'CSV UTF-8' from the spreadsheet",
        ) from exc
    header = text.split("\n", 1)[0]
    sep = ";" if header.count(";") > header.count(",") else ","
    try:
        frame = pd.read_csv(io.StringIO(text), sep=sep, dtype=str, keep_default_na=False)
    except (pd.errors.ParserError, pd.errors.EmptyDataError) as exc:
        raise InputError(f"cannot read the decisions file: {exc}", path=path) from exc
    if "disagreement_id" not in frame.columns or "decision" not in frame.columns:
        raise InputError(
            "the decisions file needs the columns disagreement_id and decision",
            path=path,
            line=1,
            hint="start from decisions_template(disagreements)",
        )
    frame.attrs["path"] = str(path)
    return frame


def _where(decisions: pd.DataFrame, i: int) -> dict:
    path = decisions.attrs.get("path")
    return {"path": path, "line": i + 2} if path else {"row": row_number(decisions, i)}


def _int_cell(value, decisions: pd.DataFrame, i: int, column: str) -> int | None:
    if is_blank(value):
        return None
    try:
        number = float(str(value).strip())
    except ValueError:
        number = float("nan")
    if not np.isfinite(number) or number != int(number):
        raise InputError(
            f"{column} {value!r} is not a whole number", column=column, **_where(decisions, i)
        )
    return int(number)


def _checked_decisions(
    decisions: pd.DataFrame, known: pd.DataFrame
) -> tuple[dict[str, str], dict[str, list[Span]], dict[str, dict]]:
    """Decision per disagreement id, edit spans, and the decision rows' notes."""
    require_columns(decisions, ["disagreement_id", "decision"], table="decisions")
    by_id = known.set_index("disagreement_id")
    chosen: dict[str, str] = {}
    edits: dict[str, list[Span]] = defaultdict(list)
    notes: dict[str, dict] = {}
    first_row: dict[str, int] = {}
    for i, row in enumerate(decisions.to_dict("records")):
        raw = row.get("decision")
        raw = "" if is_blank(raw) else str(raw)
        value = re.sub(r"[\s\-]+", "_", raw.strip().lower())
        did = str(row["disagreement_id"]).strip()
        if not value:
            continue  # not decided yet
        if value not in DECISIONS:
            raise InputError(
                f"unknown decision {raw!r} for disagreement {did!r}",
                column="decision",
                hint=f"use one of {', '.join(DECISIONS)}",
                **_where(decisions, i),
            )
        if did not in by_id.index:
            raise InputError(
                f"decision for unknown disagreement {did!r}",
                column="disagreement_id",
                hint="the disagreements changed since the decisions were written (new "
                "codings or segments?); compare with a fresh list",
                **_where(decisions, i),
            )
        if did in chosen and not (value == "edit" and chosen[did] == "edit"):
            other = _where(decisions, first_row[did])
            raise InputError(
                f"disagreement {did!r} has a second decision (first at "
                f"{'line ' + str(other['line']) if 'line' in other else 'row ' + str(other['row'])}); "
                "only 'edit' may take several rows, one per span",
                **_where(decisions, i),
            )
        start = _int_cell(row.get("start"), decisions, i, "start")
        end = _int_cell(row.get("end"), decisions, i, "end")
        if value == "edit":
            seg0, seg1 = int(by_id.at[did, "seg_start"]), int(by_id.at[did, "seg_end"])
            if start is None or end is None or not seg0 <= start < end <= seg1:
                raise InputError(
                    f"'edit' for {did!r} needs the agreed span as start and end inside the "
                    f"segment [{seg0}, {seg1}), got start={start}, end={end}",
                    **_where(decisions, i),
                )
            edits[did].append((start, end))
        elif start is not None or end is not None:
            raise InputError(
                f"start/end given with decision {value!r} for {did!r}; only 'edit' takes a span",
                **_where(decisions, i),
            )
        chosen[did] = value
        first_row.setdefault(did, i)
        notes.setdefault(did, {k: row.get(k, "") for k in ("memo", "decided_by", "decided_at")})
    return chosen, dict(edits), notes


def _subtract(start: int, end: int, cuts: list[Span]) -> list[Span]:
    pieces = [(start, end)]
    for cs, ce in sorted(cuts):
        nxt = []
        for s, e in pieces:
            if ce <= s or cs >= e:
                nxt.append((s, e))
                continue
            if s < cs:
                nxt.append((s, cs))
            if ce < e:
                nxt.append((ce, e))
        pieces = nxt
    return pieces


def _piece(row: dict, s: int, e: int) -> dict | None:
    """The part [s, e) of a coding, its quote sliced and edge white space trimmed."""
    quote = row.get("quote")
    if isinstance(quote, str) and len(quote) == row["end"] - row["start"]:
        part = quote[s - row["start"] : e - row["start"]]
        lead = len(part) - len(part.lstrip())
        trail = len(part) - len(part.rstrip())
        s, e = s + lead, e - trail
        part = part.strip()
        if s >= e:
            return None
    else:
        part = ""
    return {**row, "start": s, "end": e, "quote": part}


def _scope_of(d: pd.DataFrame, coders, documents, codes) -> tuple[list[str], list[str], list[str]]:
    coders = coders or d.attrs.get("coders")
    if not coders and len(d):
        coders = [d["coder_a"].iloc[0], d["coder_b"].iloc[0]]
    documents = documents if documents is not None else d.attrs.get("documents")
    codes = codes if codes is not None else d.attrs.get("codes")
    if not coders or documents is None or codes is None:
        raise AgreementError(
            "cannot tell which coders, documents and codes the disagreements cover; pass "
            "coders=, documents= and codes= (or the frame returned by disagreements())"
        )
    if len(coders) != 2:
        raise AgreementError(f"consensus is between two coders, got {coders!r}")
    return [str(c) for c in coders], [str(x) for x in documents], [str(x) for x in codes]


def apply_consensus(
    codings: pd.DataFrame,
    disagreements: pd.DataFrame,
    decisions: pd.DataFrame,
    *,
    undecided: str | None = None,
    coders: Sequence[str] | None = None,
    documents: Sequence[str] | None = None,
    codes: Sequence[str] | None = None,
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Consensus codings from two coders' codings and the decisions taken.

    For each disagreement: ``keep_a`` keeps coder A's spans in the segment and
    removes B's, ``keep_b`` the reverse, ``both`` keeps both, ``neither`` removes
    both, ``edit`` removes both and adds the agreed spans. Removing a coding from a
    segment cuts out that segment's range only (white space left at the edges of
    what remains is trimmed when the coding's quote is known). Codings not involved
    in any disagreement are kept; identical codings of the two coders appear once.

    Parameters
    ----------
    codings : pandas.DataFrame
        The codings table (both coders; others are ignored).
    disagreements : pandas.DataFrame
        As returned by :func:`disagreements` (its ``attrs`` give the coders,
        documents and codes covered, unless passed explicitly).
    decisions : pandas.DataFrame
        ``disagreement_id``, ``decision`` and, for ``edit``, ``start``/``end``;
        optional ``memo``, ``decided_by``, ``decided_at``.
    undecided : str, optional
        Decision applied to disagreements without one (for example ``"both"``);
        by default an undecided disagreement is an error.

    Returns
    -------
    consensus : pandas.DataFrame
        Codings with ``coder = "consensus"`` and the codings columns.
    audit : pandas.DataFrame
        One row per disagreement: its spans, the decision, who took it, and the
        consensus spans that result in the segment.
    """
    names, docs, chosen_codes = _scope_of(disagreements, coders, documents, codes)
    chosen, edits, notes = _checked_decisions(decisions, disagreements)
    open_ids = [d for d in disagreements["disagreement_id"] if d not in chosen]
    if open_ids:
        if undecided is None:
            raise AgreementError(
                f"{len(open_ids)} disagreement(s) have no decision yet, for example "
                f"{', '.join(open_ids[:3])}; decide them, or pass undecided='both' (or "
                "another decision) to apply one to all of them"
            )
        if undecided not in DECISIONS or undecided == "edit":
            raise AgreementError(
                f"undecided must be one of keep_a, keep_b, both, neither, not {undecided!r}"
            )
        chosen.update(dict.fromkeys(open_ids, undecided))
    require_columns(codings, ["coder", "doc_id", "start", "end", "code"], table="codings")
    cod = _offsets(codings, "codings", CodingError)
    cod = cod[cod["coder"].isin(names) & cod["doc_id"].isin(docs) & cod["code"].isin(chosen_codes)]
    for col in ("quote", "memo", "created"):
        if col not in cod.columns:
            cod[col] = ""
    cuts: dict[tuple, list[Span]] = defaultdict(list)
    added = []
    a, b = names
    for r in disagreements.itertuples(index=False):
        decision = chosen[r.disagreement_id]
        segment = (int(r.seg_start), int(r.seg_end))
        for coder, spans, dropped in (
            (a, r.a_spans, decision in ("keep_b", "neither", "edit")),
            (b, r.b_spans, decision in ("keep_a", "neither", "edit")),
        ):
            if dropped:
                for s, e in spans:
                    cuts[(coder, r.doc_id, r.code, int(s), int(e))].append(segment)
        for s, e in edits.get(r.disagreement_id, []):
            text = r.text if isinstance(r.text, str) else ""
            quote = (
                text[s - segment[0] : e - segment[0]]
                if len(text) == segment[1] - segment[0]
                else ""
            )
            note = notes.get(r.disagreement_id, {})
            added.append(
                {
                    "coder": CONSENSUS,
                    "doc_id": r.doc_id,
                    "start": s,
                    "end": e,
                    "code": r.code,
                    "quote": quote,
                    "memo": note.get("memo", ""),
                    "created": note.get("decided_at", ""),
                }
            )
    kept = []
    for row in cod[CODING_COLUMNS].to_dict("records"):
        key = (row["coder"], row["doc_id"], row["code"], row["start"], row["end"])
        for s, e in _subtract(row["start"], row["end"], cuts.get(key, [])):
            piece = _piece(row, s, e) if key in cuts else row
            if piece is not None:
                kept.append(piece)
    out = pd.DataFrame(kept + added, columns=CODING_COLUMNS)
    out["coder"] = CONSENSUS
    out = out.drop_duplicates(["doc_id", "code", "start", "end"], keep="first")
    out = out.sort_values(["doc_id", "start", "end", "code"], kind="stable").reset_index(drop=True)
    return out, _audit(disagreements, chosen, edits, notes, out)


def _audit(
    d: pd.DataFrame, chosen: dict, edits: dict, notes: dict, out: pd.DataFrame
) -> pd.DataFrame:
    rows = []
    for r in d.itertuples(index=False):
        mine = out[
            (out["doc_id"] == r.doc_id)
            & (out["code"] == r.code)
            & (out["start"] < r.seg_end)
            & (out["end"] > r.seg_start)
        ]
        note = notes.get(r.disagreement_id, {})
        rows.append(
            {
                "disagreement_id": r.disagreement_id,
                "code": r.code,
                "doc_id": r.doc_id,
                "seg_id": r.seg_id,
                "kind": r.kind,
                "coder_a": r.coder_a,
                "coder_b": r.coder_b,
                "a_spans": r.a_spans,
                "b_spans": r.b_spans,
                "decision": chosen[r.disagreement_id],
                "decided": r.disagreement_id in notes,
                "edit_spans": edits.get(r.disagreement_id, []),
                "memo": note.get("memo", ""),
                "decided_by": note.get("decided_by", ""),
                "decided_at": note.get("decided_at", ""),
                "consensus_spans": sorted(
                    zip(mine["start"].tolist(), mine["end"].tolist(), strict=True)
                ),
            }
        )
    return pd.DataFrame(rows)


def write_consensus_codings(consensus: pd.DataFrame, folder: str | PathLike) -> Path:
    """Save consensus codings as the coder file ``<folder>/consensus.csv``.

    The file is written like every coder file (:func:`research.coding.save_codings`:
    atomically, under the coder's lock), so it loads with the other codings.
    """
    from research.coding import save_codings

    require_columns(consensus, CODING_COLUMNS, table="codings")
    return save_codings(folder, CONSENSUS, consensus[CODING_COLUMNS])
