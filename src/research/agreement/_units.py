"""Units of agreement built from codings, and the per-code agreement table.

Coding agreement is measured on units the field reports:

* **segment** (:func:`segment_units`): for each code, whether each coder applied it
  to each segment (presence/absence, the usual report); :func:`segment_values` gives
  the multi-valued nominal version, one value per segment (the set of codes applied).
* **character** (:func:`character_units`): for each code, whether each character of
  the documents is covered by each coder's codings, as NVivo and QualCoder report it.
* **document** (:func:`document_units`): whether each coder used the code anywhere in
  the document.

Only documents that every compared coder has coded count: a document one coder has
not done yet would otherwise show as a long run of false disagreements. Give each
coder's list of finished documents (``documents_coded``), or set
``infer_documents=True`` to take the documents where each coder has at least one
coding.

A coding counts for a segment when their character ranges share at least
``min_overlap`` characters (default 1: any intersection). A coding spanning two
segments counts in both.

The unit builders return a long frame: ``code``, ``doc_id``, ``seg_id`` (segment
level), ``weight`` (how many units the row stands for: characters at the character
level, else 1) and one 0/1 column per coder. :func:`agreement_table` turns it into
statistics per code, weakest first.

Examples
--------
>>> import pandas as pd
>>> segments = pd.DataFrame({"doc_id": ["D"] * 3, "seg_id": ["D:0", "D:1", "D:2"],
...                          "start": [0, 10, 20], "end": [9, 19, 29]})
>>> codings = pd.DataFrame({"coder": ["A", "A", "B"], "doc_id": ["D"] * 3,
...                         "start": [0, 12, 2], "end": [5, 25, 6],
...                         "code": ["x", "x", "x"]})
>>> units = segment_units(codings, segments, coders=["A", "B"], infer_documents=True)
>>> units[["seg_id", "A", "B"]].values.tolist()
[['D:0', 1, 1], ['D:1', 1, 0], ['D:2', 1, 0]]
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from os import PathLike
from pathlib import Path
from typing import Any, Literal

import numpy as np
import pandas as pd

from research.agreement._bootstrap import bootstrap_alpha
from research.agreement._kappas import cohen_kappa, fleiss_kappa
from research.agreement._krippendorff import krippendorff_alpha
from research.codebook import choose_codes
from research.contracts import check_offsets, require_columns
from research.errors import AgreementError, CodingError, InputError, SchemaError
from research.files import load_yaml

__all__ = [
    "CODERS_FILE",
    "Unit",
    "agreement_from_units",
    "agreement_scope",
    "agreement_table",
    "character_units",
    "document_units",
    "documents_in_common",
    "read_documents_coded",
    "segment_codings",
    "segment_units",
    "segment_values",
    "select_codes",
]

Unit = Literal["segment", "character", "document"]
DocumentsCoded = Mapping[str, Iterable[str]] | pd.DataFrame | None
_RESERVED = {"code", "doc_id", "seg_id", "start", "end", "weight"}
NO_CODE = "(none)"
ALL_CODES = "(all codes)"


# ------------------------------------------------------------------ checking


def _offsets(frame: pd.DataFrame, name: str, error: type[InputError]) -> pd.DataFrame:
    """A copy with integer ``start``/``end`` (checked) and string ids."""
    out = check_offsets(frame, table=name, error=error)
    for col in ("doc_id", "coder", "code", "seg_id"):
        if col in out.columns:
            out[col] = out[col].astype(str)
    return out


def _check_coders(coders: Sequence[str]) -> list[str]:
    if isinstance(coders, str) or len(coders) < 2:
        raise AgreementError(f"give at least two coders to compare, got {coders!r}")
    names = [str(c) for c in coders]
    if len(set(names)) != len(names):
        raise AgreementError(f"the coders {names} contain duplicates")
    clash = _RESERVED.intersection(names)
    if clash:
        raise AgreementError(f"a coder may not be called {sorted(clash)[0]!r} (a column name)")
    return names


def _coded_sets(
    codings: pd.DataFrame, coders: list[str], documents_coded: DocumentsCoded, infer: bool
) -> dict[str, set[str]]:
    if documents_coded is not None and infer:
        raise AgreementError("give documents_coded or infer_documents=True, not both")
    if documents_coded is None:
        if not infer:
            raise AgreementError(
                "say which documents each coder has finished: pass documents_coded "
                "(coder -> document ids), or infer_documents=True to take the documents "
                "where each coder has at least one coding"
            )
        return {c: set(codings.loc[codings["coder"] == c, "doc_id"]) for c in coders}
    if isinstance(documents_coded, pd.DataFrame):
        require_columns(documents_coded, ["coder", "doc_id"], table="documents coded")
        frame = documents_coded.astype({"coder": str, "doc_id": str})
        given = {c: set(g["doc_id"]) for c, g in frame.groupby("coder")}
    else:
        given = {str(c): {str(d) for d in docs} for c, docs in documents_coded.items()}
    missing = [c for c in coders if c not in given]
    if missing:
        raise AgreementError(
            f"documents_coded has no list for coder(s) {', '.join(missing)}; "
            f"it has {', '.join(sorted(given)) or 'none'}"
        )
    return {c: given[c] for c in coders}


CODERS_FILE = "coders.yaml"


def read_documents_coded(
    folder: str | PathLike, *, doc_ids: Iterable[str] = ()
) -> dict[str, set[str]] | None:
    """Which documents each coder has finished, from ``<codings>/coders.yaml``.

    The file maps each coder to ``documents:``, a list of document ids or the word
    ``all`` (every id of ``doc_ids``)::

        camille:
          documents: all
        second-coder:
          documents: [INT01, INT04, CR-W17-05]

    Returns ``None`` when the file does not exist.

    Raises
    ------
    AgreementError
        When the file is not a mapping of coders to ``documents`` lists, naming it.
    """
    path = Path(folder) / CODERS_FILE
    if not path.is_file():
        return None
    try:
        data = load_yaml(path.read_text(encoding="utf-8"), path=path) or {}
    except InputError as exc:
        raise AgreementError(str(exc)) from None
    if not isinstance(data, dict):
        raise AgreementError(f"{path}: expected a mapping 'coder: {{documents: [...]}}'")
    every = set(doc_ids)
    done: dict[str, set[str]] = {}
    for coder, entry in data.items():
        documents = entry.get("documents") if isinstance(entry, dict) else None
        if documents == "all":
            done[str(coder)] = set(every)
        elif isinstance(documents, list):
            done[str(coder)] = {str(d) for d in documents}
        else:
            raise AgreementError(
                f"{path}: coder {coder!r} needs 'documents:' as a list of ids or 'all'"
            )
    return done


def agreement_scope(
    folder: str | PathLike, *, coders: Sequence[str], doc_ids: Iterable[str] = ()
) -> dict[str, Any]:
    """The documents two or more coders are compared on, as options of the agreement functions.

    When ``<codings>/coders.yaml`` (see :func:`read_documents_coded`) lists every
    one of ``coders``, their finished documents are compared
    (``documents_coded``); otherwise, the documents where each coder has at least
    one coding (``infer_documents=True``).

    Returns
    -------
    dict
        ``{"documents_coded": {coder: ids}}`` or ``{"infer_documents": True}``, to
        pass to :func:`agreement_table` or :func:`disagreements` as ``**scope``.

    Raises
    ------
    AgreementError
        When ``coders.yaml`` exists but cannot be read (see :func:`read_documents_coded`).

    Examples
    --------
    >>> import pathlib, tempfile
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> agreement_scope(folder, coders=["camille", "lea"])
    {'infer_documents': True}
    >>> _ = (folder / CODERS_FILE).write_text(
    ...     "camille: {documents: all}\\nlea: {documents: [INT01]}\\n", encoding="utf-8")
    >>> scope = agreement_scope(folder, coders=["camille", "lea"], doc_ids=["INT01", "INT02"])
    >>> {coder: sorted(ids) for coder, ids in scope["documents_coded"].items()}
    {'camille': ['INT01', 'INT02'], 'lea': ['INT01']}
    >>> agreement_scope(folder, coders=["camille", "zoe"])
    {'infer_documents': True}
    """
    done = read_documents_coded(folder, doc_ids=doc_ids)
    names = [str(c) for c in coders]
    if done and all(name in done for name in names):
        return {"documents_coded": {name: set(done[name]) for name in names}}
    return {"infer_documents": True}


def documents_in_common(
    codings: pd.DataFrame,
    *,
    coders: Sequence[str],
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
) -> list[str]:
    """Documents that every one of ``coders`` has coded, sorted.

    Parameters
    ----------
    codings : pandas.DataFrame
        The codings table (``coder``, ``doc_id``, …).
    coders : sequence of str
        The coders compared.
    documents_coded : mapping or DataFrame, optional
        ``coder -> document ids`` each coder has finished, or a frame with columns
        ``coder`` and ``doc_id``.
    infer_documents : bool
        Take each coder's documents to be those with at least one of their codings.

    Examples
    --------
    >>> import pandas as pd
    >>> codings = pd.DataFrame({"coder": ["A", "B"], "doc_id": ["D1", "D2"]})
    >>> documents_in_common(codings, coders=["A", "B"],
    ...                     documents_coded={"A": ["D1", "D2"], "B": ["D2"]})
    ['D2']
    """
    names = _check_coders(coders)
    require_columns(codings, ["coder", "doc_id"], table="codings")
    codings = codings.astype({"coder": str, "doc_id": str})
    sets = _coded_sets(codings, names, documents_coded, infer_documents)
    common = set.intersection(*sets.values())
    if not common:
        counts = ", ".join(f"{c}: {len(s)}" for c, s in sets.items())
        raise AgreementError(
            f"no document has been coded by all of {', '.join(names)} (documents per "
            f"coder: {counts}); agreement needs documents every compared coder has coded"
        )
    return sorted(common)


def select_codes(available: Iterable[str], codes: str | Sequence[str] | None) -> list[str]:
    """Codes chosen by ids or fnmatch patterns (``'iw.*'`` selects a subtree), sorted.

    The rule of :func:`research.codebook.choose_codes`: a plain id is kept even when
    nobody used it (its agreement then shows that); a pattern must match at least
    one of the ``available`` codes.

    Examples
    --------
    >>> select_codes(["iw.creating.advocacy", "iw.maintaining", "ant.enrolment"], "iw.*")
    ['iw.creating.advocacy', 'iw.maintaining']
    >>> select_codes(["a", "b"], None)
    ['a', 'b']
    """
    pool = sorted({str(c) for c in available})
    if codes is None:
        return pool
    where = "used by the compared coders"
    return sorted(choose_codes(pool, codes, error=AgreementError, where=where))


def _scope(
    codings: pd.DataFrame,
    coders: Sequence[str],
    codes: str | Sequence[str] | None,
    documents_coded: DocumentsCoded,
    infer_documents: bool,
) -> tuple[pd.DataFrame, list[str], list[str], list[str]]:
    """Checked codings of the coders on their common documents, and the codes."""
    names = _check_coders(coders)
    require_columns(codings, ["coder", "doc_id", "start", "end", "code"], table="codings")
    cod = _offsets(codings, "codings", CodingError)
    docs = documents_in_common(
        cod, coders=names, documents_coded=documents_coded, infer_documents=infer_documents
    )
    cod = cod[cod["coder"].isin(names) & cod["doc_id"].isin(docs)]
    chosen = select_codes(cod["code"], codes)
    cod = cod[cod["code"].isin(chosen)].reset_index(drop=True)
    return cod, names, docs, chosen


# ------------------------------------------------------------ segment overlaps


def segment_codings(
    codings: pd.DataFrame, segments: pd.DataFrame, *, min_overlap: int = 1
) -> pd.DataFrame:
    """Pair each coding with every segment it overlaps by ``min_overlap`` characters.

    Returns the codings' columns plus ``seg_id``, ``seg_start``, ``seg_end`` and
    ``overlap`` (characters shared), one row per (coding, segment) pair, and the
    position of the coding in ``coding_row``. Vectorised: a sorted sweep over
    segment boundaries, not a loop.

    Examples
    --------
    >>> import pandas as pd
    >>> seg = pd.DataFrame({"doc_id": ["D", "D"], "seg_id": ["s0", "s1"],
    ...                     "start": [0, 10], "end": [8, 20]})
    >>> cod = pd.DataFrame({"doc_id": ["D"], "start": [5], "end": [12]})
    >>> segment_codings(cod, seg)[["seg_id", "overlap"]].values.tolist()
    [['s0', 3], ['s1', 2]]
    >>> segment_codings(cod, seg, min_overlap=3)["seg_id"].tolist()
    ['s0']
    """
    if int(min_overlap) < 1:
        raise AgreementError(f"min_overlap must be at least 1 character, not {min_overlap!r}")
    require_columns(segments, ["doc_id", "seg_id", "start", "end"], table="segments")
    seg = segments.reset_index(drop=True)
    s_start = seg["start"].to_numpy(np.int64)
    s_end = seg["end"].to_numpy(np.int64)
    docs = pd.Index(pd.unique(seg["doc_id"].astype(str)))
    s_doc = docs.get_indexer(seg["doc_id"].astype(str))
    c_doc = docs.get_indexer(codings["doc_id"].astype(str))
    c_start = codings["start"].to_numpy(np.int64)
    c_end = codings["end"].to_numpy(np.int64)
    span = int(max(s_end.max(initial=0), c_end.max(initial=0))) + 1
    s_key = s_doc * span + s_start
    order = np.argsort(s_key, kind="stable")
    sorted_start = s_key[order]
    reach = np.maximum.accumulate((s_doc * span + s_end)[order]) if len(order) else s_key
    lo = np.searchsorted(reach, c_doc * span + c_start, side="right")
    hi = np.searchsorted(sorted_start, c_doc * span + c_end, side="left")
    n = np.where(c_doc >= 0, np.clip(hi - lo, 0, None), 0)
    rows = np.repeat(np.arange(len(codings)), n)
    first = np.repeat(lo, n) + np.arange(n.sum()) - np.repeat(np.cumsum(n) - n, n)
    seg_rows = order[first]
    overlap = np.minimum(c_end[rows], s_end[seg_rows]) - np.maximum(
        c_start[rows], s_start[seg_rows]
    )
    keep = overlap >= int(min_overlap)
    rows, seg_rows, overlap = rows[keep], seg_rows[keep], overlap[keep]
    out = codings.iloc[rows].reset_index(drop=True)
    out["coding_row"] = rows
    out["seg_id"] = seg["seg_id"].astype(str).to_numpy()[seg_rows]
    out["seg_start"] = s_start[seg_rows]
    out["seg_end"] = s_end[seg_rows]
    out["overlap"] = overlap
    return out


def _segments_of(segments: pd.DataFrame, docs: list[str]) -> pd.DataFrame:
    require_columns(segments, ["doc_id", "seg_id", "start", "end"], table="segments")
    seg = _offsets(segments, "segments", SchemaError)
    seg = seg[seg["doc_id"].isin(docs)].sort_values(["doc_id", "start"], kind="stable")
    without = sorted(set(docs) - set(seg["doc_id"]))
    if without:
        raise AgreementError(
            f"document(s) {', '.join(without[:5])} coded by every coder have no segments; "
            "are the segments and the codings from the same corpus?"
        )
    return seg.reset_index(drop=True)


def _presence(
    codings: pd.DataFrame,
    segments: pd.DataFrame,
    coders: list[str],
    codes: list[str],
    min_overlap: int,
) -> np.ndarray:
    """Boolean array codes × segments × coders: coder applied the code to the segment."""
    pairs = segment_codings(codings, segments, min_overlap=min_overlap)
    seg_pos = pd.MultiIndex.from_arrays([segments["doc_id"], segments["seg_id"]])
    s = seg_pos.get_indexer(pd.MultiIndex.from_arrays([pairs["doc_id"], pairs["seg_id"]]))
    k = pd.Index(codes).get_indexer(pairs["code"])
    c = pd.Index(coders).get_indexer(pairs["coder"])
    present = np.zeros((len(codes), len(segments), len(coders)), dtype=np.int8)
    present[k, s, c] = 1
    return present


def _long(
    ids: dict[str, np.ndarray], present: np.ndarray, coders: list[str], weight
) -> pd.DataFrame:
    frame = pd.DataFrame(ids)
    frame["weight"] = weight
    for i, coder in enumerate(coders):
        frame[coder] = present[..., i].reshape(-1)
    return frame


def segment_units(
    codings: pd.DataFrame,
    segments: pd.DataFrame,
    *,
    coders: Sequence[str],
    codes: str | Sequence[str] | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
    min_overlap: int = 1,
) -> pd.DataFrame:
    """Presence/absence of each code in each segment, per coder.

    Returns one row per (code, segment) of the common documents: ``code``,
    ``doc_id``, ``seg_id``, ``start``, ``end``, ``weight`` (1) and a 0/1 column per
    coder. See the module notes for ``documents_coded`` and ``min_overlap``.
    """
    cod, names, docs, chosen = _scope(codings, coders, codes, documents_coded, infer_documents)
    seg = _segments_of(segments, docs)
    present = _presence(cod, seg, names, chosen, min_overlap)
    n_seg = len(seg)
    ids = {
        "code": np.repeat(np.asarray(chosen, dtype=object), n_seg),
        "doc_id": np.tile(seg["doc_id"].to_numpy(object), len(chosen)),
        "seg_id": np.tile(seg["seg_id"].to_numpy(object), len(chosen)),
        "start": np.tile(seg["start"].to_numpy(np.int64), len(chosen)),
        "end": np.tile(seg["end"].to_numpy(np.int64), len(chosen)),
    }
    return _long(ids, present, names, 1)


def segment_values(
    codings: pd.DataFrame,
    segments: pd.DataFrame,
    *,
    coders: Sequence[str],
    codes: str | Sequence[str] | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
    min_overlap: int = 1,
) -> pd.DataFrame:
    """One nominal value per segment and coder: the set of codes applied to it.

    The value is the sorted code ids joined by ``" + "``, or ``"(none)"``. Suited to
    mutually exclusive codes (a code family where one code per segment is expected):
    feed the coder columns to :func:`~research.agreement.krippendorff_alpha`.

    Examples
    --------
    >>> import pandas as pd
    >>> seg = pd.DataFrame({"doc_id": ["D", "D"], "seg_id": ["s0", "s1"],
    ...                     "start": [0, 10], "end": [8, 20]})
    >>> cod = pd.DataFrame({"coder": ["A", "A", "B"], "doc_id": ["D"] * 3,
    ...                     "start": [0, 11, 1], "end": [4, 15, 3], "code": ["x", "y", "x"]})
    >>> values = segment_values(cod, seg, coders=["A", "B"], infer_documents=True)
    >>> values[["seg_id", "A", "B"]].values.tolist()
    [['s0', 'x', 'x'], ['s1', 'y', '(none)']]
    """
    cod, names, docs, chosen = _scope(codings, coders, codes, documents_coded, infer_documents)
    seg = _segments_of(segments, docs)
    present = _presence(cod, seg, names, chosen, min_overlap).astype(bool)
    labels = np.asarray(chosen, dtype=object)
    out = seg[["doc_id", "seg_id", "start", "end"]].copy()
    for i, coder in enumerate(names):
        cells = present[:, :, i].T  # segments × codes
        out[coder] = [" + ".join(labels[row]) if row.any() else NO_CODE for row in cells]
    return out


# ------------------------------------------------------------- other levels


def character_units(
    codings: pd.DataFrame,
    lengths: Mapping[str, int] | pd.Series,
    *,
    coders: Sequence[str],
    codes: str | Sequence[str] | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
) -> pd.DataFrame:
    """Coverage of each character by each coder's codings, per code.

    Characters with the same coverage pattern are grouped: one row per (code,
    document, pattern) with ``weight`` the number of characters. Every character of
    the common documents counts, so characters nobody coded are agreements on
    absence. Computed with a sorted sweep over coding boundaries (cost grows with the
    number of codings, not of characters).

    Parameters
    ----------
    lengths : mapping or Series
        ``doc_id -> length of the stored text`` in code points.

    Examples
    --------
    >>> import pandas as pd
    >>> cod = pd.DataFrame({"coder": ["A", "B"], "doc_id": ["D", "D"],
    ...                     "start": [0, 5], "end": [10, 10], "code": ["x", "x"]})
    >>> units = character_units(cod, {"D": 20}, coders=["A", "B"], infer_documents=True)
    >>> units[["A", "B", "weight"]].values.tolist()
    [[0, 0, 10], [1, 0, 5], [1, 1, 5]]
    """
    cod, names, docs, chosen = _scope(codings, coders, codes, documents_coded, infer_documents)
    length = pd.Series(lengths, dtype="object").rename(index=str)
    missing = [d for d in docs if d not in length.index]
    if missing:
        raise AgreementError(
            f"no text length for document(s) {', '.join(missing[:5])}; give the length of "
            "every document the coders have in common"
        )
    doc_len = pd.to_numeric(length.loc[docs]).astype(np.int64).to_numpy()
    too_long = cod["end"].to_numpy() > doc_len[pd.Index(docs).get_indexer(cod["doc_id"])]
    if too_long.any():
        r = cod[too_long].iloc[0]
        raise CodingError(
            f"coding [{r['start']}, {r['end']}) of coder {r['coder']!r}, code {r['code']!r} "
            f"ends beyond the text of document {r['doc_id']!r}",
            hint="re-anchor the codings after the transcript was edited",
        )
    n_docs, n_cod = len(docs), len(names)
    group = pd.Index(chosen).get_indexer(cod["code"]) * n_docs + pd.Index(docs).get_indexer(
        cod["doc_id"]
    )
    n_groups = len(chosen) * n_docs
    g_len = np.tile(doc_len, len(chosen))
    coder_idx = pd.Index(names).get_indexer(cod["coder"])
    # events: +1 at start, -1 at end for the coding's coder; 0 at 0 and L of each group
    ev_group = np.concatenate([group, group, np.arange(n_groups), np.arange(n_groups)])
    ev_pos = np.concatenate(
        [cod["start"].to_numpy(), cod["end"].to_numpy(), np.zeros(n_groups, np.int64), g_len]
    )
    ev_coder = np.concatenate([coder_idx, coder_idx, np.zeros(2 * n_groups, np.int64)])
    ev_delta = np.concatenate(
        [np.ones(len(cod)), -np.ones(len(cod)), np.zeros(2 * n_groups)]
    ).astype(np.int64)
    order = np.lexsort((ev_pos, ev_group))
    deltas = np.zeros((len(order), n_cod), dtype=np.int64)
    deltas[np.arange(len(order)), ev_coder[order]] = ev_delta[order]
    covered = np.cumsum(deltas, axis=0) > 0
    pos, grp = ev_pos[order], ev_group[order]
    run = np.zeros(len(order), dtype=np.int64)
    run[:-1] = np.where(grp[1:] == grp[:-1], pos[1:] - pos[:-1], 0)
    pattern = covered.astype(np.int64) @ (1 << np.arange(n_cod, dtype=np.int64))
    key = grp * (1 << n_cod) + pattern
    keys, inverse = np.unique(key[run > 0], return_inverse=True)
    weight = np.bincount(inverse, weights=run[run > 0]).astype(np.int64)
    g, pat = keys // (1 << n_cod), keys % (1 << n_cod)
    bits = (pat[:, None] >> np.arange(n_cod)) & 1
    ids = {
        "code": np.asarray(chosen, dtype=object)[g // n_docs],
        "doc_id": np.asarray(docs, dtype=object)[g % n_docs],
    }
    return _long(ids, bits.astype(np.int8), names, weight)


def document_units(
    codings: pd.DataFrame,
    *,
    coders: Sequence[str],
    codes: str | Sequence[str] | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
) -> pd.DataFrame:
    """Whether each coder used each code anywhere in each common document.

    Examples
    --------
    >>> import pandas as pd
    >>> cod = pd.DataFrame({"coder": ["A", "B", "B"], "doc_id": ["D1", "D1", "D2"],
    ...                     "start": [0, 3, 0], "end": [5, 9, 4], "code": ["x", "x", "y"]})
    >>> units = document_units(cod, coders=["A", "B"],
    ...                        documents_coded={"A": ["D1", "D2"], "B": ["D1", "D2"]})
    >>> units[["code", "doc_id", "A", "B"]].values.tolist()
    [['x', 'D1', 1, 1], ['x', 'D2', 0, 0], ['y', 'D1', 0, 0], ['y', 'D2', 0, 1]]
    """
    cod, names, docs, chosen = _scope(codings, coders, codes, documents_coded, infer_documents)
    present = np.zeros((len(chosen), len(docs), len(names)), dtype=np.int8)
    present[
        pd.Index(chosen).get_indexer(cod["code"]),
        pd.Index(docs).get_indexer(cod["doc_id"]),
        pd.Index(names).get_indexer(cod["coder"]),
    ] = 1
    ids = {
        "code": np.repeat(np.asarray(chosen, dtype=object), len(docs)),
        "doc_id": np.tile(np.asarray(docs, dtype=object), len(chosen)),
    }
    return _long(ids, present, names, 1)


# ------------------------------------------------------------------- the table


def _code_statistics(
    x: np.ndarray,
    w: np.ndarray,
    *,
    n_boot: int,
    seed: int,
    confidence: float,
    alpha_min: float,
    method: Literal["krippendorff", "units"],
) -> dict[str, float | str]:
    """Statistics of one code: ``x`` is units × coders 0/1, ``w`` the unit weights."""
    n_coders = x.shape[1]
    total = w.sum()
    row: dict[str, float | str] = {
        "n_units": float(total),
        "n_coded": float(w[x.any(axis=1)].sum()),
        "prevalence": float((x * w[:, None]).sum() / (n_coders * total)),
    }
    present = x.sum(axis=1)
    agree = (present * (present - 1) + (n_coders - present) * (n_coders - present - 1)) / (
        n_coders - 1
    )
    p_o = float((w * agree).sum() / (n_coders * total))
    row["percent_agreement"] = p_o
    if n_coders == 2:
        row["kappa"] = cohen_kappa(x[:, 0], x[:, 1], sample_weight=w, categories=[0, 1])
        row["kappa_method"] = "cohen"
    else:
        counts = np.column_stack([n_coders - present, present])
        row["kappa"] = fleiss_kappa(counts, sample_weight=w)
        row["kappa_method"] = "fleiss"
    row["kappa_bp"] = 2 * p_o - 1  # Brennan & Prediger with q = 2 (present / absent)
    data = x.T.astype(float)
    if n_boot > 0:
        boot = bootstrap_alpha(
            data,
            n_boot=n_boot,
            seed=seed,
            confidence=confidence,
            method=method,
            layout="coders_units",
            sample_weight=w,
        )
        row.update(alpha=boot.alpha, alpha_low=boot.low, alpha_high=boot.high)
        row["p_alpha_below_min"] = boot.prob_below(alpha_min)
    else:
        row["alpha"] = krippendorff_alpha(data, layout="coders_units", sample_weight=w)
        row.update(alpha_low=np.nan, alpha_high=np.nan, p_alpha_below_min=np.nan)
    return row


def agreement_from_units(
    units: pd.DataFrame,
    *,
    coders: Sequence[str],
    n_boot: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    alpha_min: float = 0.8,
    method: Literal["krippendorff", "units"] = "krippendorff",
) -> pd.DataFrame:
    """Agreement per code and overall from a units frame of presence/absence.

    Columns: ``code``, ``n_units`` (characters at the character level),
    ``n_coded`` (units at least one coder coded), ``prevalence`` (share of units
    coded, averaged over coders), ``percent_agreement`` (mean pairwise agreement,
    the plain percent agreement for two coders), ``kappa`` (Cohen's for two coders,
    Fleiss' for more; ``kappa_method`` says which), ``kappa_bp`` (Brennan & Prediger,
    q = 2), ``alpha`` with its bootstrap interval ``alpha_low``/``alpha_high`` and
    ``p_alpha_below_min`` (probability that alpha is below ``alpha_min``). Rows are
    sorted weakest alpha first (undefined statistics last); the pooled
    ``"(all codes)"`` row comes last.
    """
    names = _check_coders(coders)
    require_columns(units, ["code", "weight", *names], table="units")
    if int(n_boot) < 0:
        raise AgreementError(f"n_boot must be 0 (no interval) or more, not {n_boot!r}")
    options = dict(
        n_boot=int(n_boot), seed=seed, confidence=confidence, alpha_min=alpha_min, method=method
    )
    x_all = units[names].to_numpy(dtype=np.int64)
    w_all = units["weight"].to_numpy(dtype=float)
    if not len(units) or w_all.sum() <= 0:
        raise AgreementError("there are no units to compare (no segment, character or document)")
    rows = []
    for code, idx in units.groupby("code", sort=True).indices.items():
        rows.append({"code": code, **_code_statistics(x_all[idx], w_all[idx], **options)})
    table = pd.DataFrame(rows).sort_values(
        ["alpha", "kappa", "percent_agreement"], na_position="last", kind="stable"
    )
    if len(rows) > 1:
        overall = {"code": ALL_CODES, **_code_statistics(x_all, w_all, **options)}
        table = pd.concat([table, pd.DataFrame([overall])], ignore_index=True)
    table = table.reset_index(drop=True)
    for col in ("n_units", "n_coded"):
        table[col] = table[col].round().astype(np.int64)
    table.attrs.update(coders=names, **options)
    return table


def agreement_table(
    codings: pd.DataFrame,
    *,
    coders: Sequence[str],
    unit: Unit = "segment",
    codes: str | Sequence[str] | None = None,
    segments: pd.DataFrame | None = None,
    lengths: Mapping[str, int] | pd.Series | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
    min_overlap: int = 1,
    n_boot: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
    alpha_min: float = 0.8,
    method: Literal["krippendorff", "units"] = "krippendorff",
) -> pd.DataFrame:
    """Agreement of ``coders`` per code and overall, weakest codes first.

    Builds the units (``unit="segment"`` needs ``segments``, ``"character"`` needs
    ``lengths``) and computes the statistics described in
    :func:`agreement_from_units`. ``table.attrs`` records the unit, the coders, the
    documents compared and the bootstrap settings.

    At the character level the bootstrap treats characters as independent units,
    which they are not (a coding covers a run of them): its intervals are far too
    narrow there. Report the interval of the segment level, or none.

    Examples
    --------
    >>> import pandas as pd
    >>> segments = pd.DataFrame({"doc_id": ["D"] * 4, "seg_id": list("abcd"),
    ...                          "start": [0, 10, 20, 30], "end": [9, 19, 29, 39]})
    >>> codings = pd.DataFrame({"coder": list("AAABB"), "doc_id": ["D"] * 5,
    ...                         "start": [0, 10, 30, 1, 12], "end": [5, 15, 35, 5, 18],
    ...                         "code": ["x", "x", "y", "x", "x"]})
    >>> table = agreement_table(codings, coders=["A", "B"], segments=segments,
    ...                         infer_documents=True, n_boot=200)
    >>> table[["code", "n_units", "percent_agreement", "kappa"]].round(4).values.tolist()
    [['y', 4, 0.75, 0.0], ['x', 4, 1.0, 1.0], ['(all codes)', 8, 0.875, 0.7143]]
    """
    if unit == "segment":
        if segments is None:
            raise AgreementError("unit='segment' needs the segments table (segments=...)")
        units = segment_units(
            codings,
            segments,
            coders=coders,
            codes=codes,
            documents_coded=documents_coded,
            infer_documents=infer_documents,
            min_overlap=min_overlap,
        )
    elif unit == "character":
        if lengths is None:
            raise AgreementError(
                "unit='character' needs the length of each document (lengths=doc_id -> int)"
            )
        units = character_units(
            codings,
            lengths,
            coders=coders,
            codes=codes,
            documents_coded=documents_coded,
            infer_documents=infer_documents,
        )
    elif unit == "document":
        units = document_units(
            codings,
            coders=coders,
            codes=codes,
            documents_coded=documents_coded,
            infer_documents=infer_documents,
        )
    else:
        raise AgreementError(f"unit must be 'segment', 'character' or 'document', not {unit!r}")
    table = agreement_from_units(
        units,
        coders=coders,
        n_boot=n_boot,
        seed=seed,
        confidence=confidence,
        alpha_min=alpha_min,
        method=method,
    )
    table.attrs.update(
        unit=unit,
        documents=sorted(units["doc_id"].unique()),
        min_overlap=min_overlap if unit == "segment" else None,
    )
    return table
