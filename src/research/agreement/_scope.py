"""What an agreement compares: the coders, the documents they have all coded, the codes.

Only documents that every compared coder has coded count: a document one coder has
not done yet would otherwise show as a long run of false disagreements. Give each
coder's list of finished documents (``documents_coded``), or set
``infer_documents=True`` to take the documents where each coder has at least one
coding.

:func:`read_documents_coded` reads the finished documents from
``<codings>/coders.yaml``, :func:`agreement_scope` turns them into options of the
agreement functions, :func:`documents_in_common` gives the documents compared and
:func:`select_codes` the codes. The private helpers (the checks of coders and
codings, and ``_scope``, the checked codings of the coders on their common
documents) are shared by the unit builders and the disagreement finder.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from os import PathLike
from typing import Any

import pandas as pd

from research.codebook import choose_codes
from research.coding import CODERS_FILE, read_coders_file
from research.contracts import check_offsets, require_columns
from research.errors import AgreementError, CodingError, InputError

__all__ = [
    "CODERS_FILE",
    "agreement_scope",
    "documents_in_common",
    "read_documents_coded",
    "scope_message",
    "select_codes",
]

DocumentsCoded = Mapping[str, Iterable[str]] | pd.DataFrame | None
_RESERVED = {"code", "doc_id", "seg_id", "start", "end", "weight"}


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

    (see :func:`research.coding.read_coders_file` for the documents given to a
    coder before coding). A coder who was given documents but has no
    ``documents:`` line has finished none.

    Returns ``None`` when the file does not exist.

    Raises
    ------
    AgreementError
        When the file is not a mapping of coders to ``documents`` lists, naming it.
    """
    try:
        work = read_coders_file(folder)
    except CodingError as exc:
        raise AgreementError(str(exc)) from None
    if work is None:
        return None
    every = list(doc_ids)
    return {coder: entry.finished_documents(every) for coder, entry in work.items()}


def _sample(work: Mapping[str, Any] | None, names: Sequence[str]) -> set[str] | None:
    """The documents given to the compared coders before coding (those every one
    of them who was given documents was given), or ``None``."""
    given = [set(work[n].assigned) for n in names if work and n in work and work[n].assigned]
    return set.intersection(*given) if given else None


def agreement_scope(
    folder: str | PathLike, *, coders: Sequence[str], doc_ids: Iterable[str] = ()
) -> dict[str, Any]:
    """The documents two or more coders are compared on, as options of the agreement functions.

    When ``<codings>/coders.yaml`` (see :func:`read_documents_coded`) lists every
    one of ``coders``, their finished documents are compared
    (``documents_coded``); and when some of them were given a reliability sample
    before coding (``assigned:``), exactly the documents of that sample that
    they have finished. Otherwise, the documents where each coder has at least
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
    >>> _ = (folder / CODERS_FILE).write_text("camille: {documents: all}\\n"
    ...     "lea: {documents: [INT01, INT02], assigned: [INT02, INT03]}\\n", encoding="utf-8")
    >>> scope = agreement_scope(folder, coders=["camille", "lea"], doc_ids=["INT01", "INT02"])
    >>> {coder: sorted(ids) for coder, ids in scope["documents_coded"].items()}
    {'camille': ['INT02'], 'lea': ['INT02']}
    """
    done = read_documents_coded(folder, doc_ids=doc_ids)
    names = [str(c) for c in coders]
    if done and all(name in done for name in names):
        sample = _sample(read_coders_file(folder), names)
        if sample is not None:
            return {"documents_coded": {name: set(done[name]) & sample for name in names}}
        return {"documents_coded": {name: set(done[name]) for name in names}}
    return {"infer_documents": True}


def scope_message(
    folder: str | PathLike, *, coders: Sequence[str], doc_ids: Iterable[str] = ()
) -> str:
    """What :func:`agreement_scope` compares, in French, for a chapter's readers.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> scope_message(pathlib.Path(tempfile.mkdtemp()), coders=["camille", "lea"])
    'Documents comparés : ceux où chaque codeur a au moins un codage.'
    """
    ids = list(doc_ids)
    scope = agreement_scope(folder, coders=coders, doc_ids=ids)
    if "documents_coded" not in scope:
        return "Documents comparés : ceux où chaque codeur a au moins un codage."
    names = [str(c) for c in coders]
    work = read_coders_file(folder) or {}
    sample = _sample(work, names)
    if sample is None:
        return (
            f"Documents comparés : ceux que `{CODERS_FILE}` déclare finis par {' et '.join(names)}."
        )
    given = [n for n in names if work[n].assigned]
    drawn = next((work[n].sample for n in given if work[n].sample), {})
    how = ""
    if drawn:
        share = float(drawn.get("share", 0))
        by = drawn.get("by")
        how = (
            f" ({share:.0%} des documents".replace("%", " %")
            + (f", stratifiés par « {by} »" if by else "")
            + f", tirés avec la graine {drawn.get('seed')})"
        )
    common = set.intersection(*map(set, scope["documents_coded"].values()))
    return (
        f"Documents comparés : l'échantillon de fiabilité donné à {', '.join(given)} avant le "
        f"codage{how}, soit {len(sample)} documents, dont {len(common)} déclarés finis par "
        f"{' et '.join(names)} dans `{CODERS_FILE}`."
    )


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
