"""Who codes what: ``coders.yaml``, the documents each coder finished or was given.

``<codings>/coders.yaml`` maps each coder to what is known of their work::

    camille:
      documents: all                  # finished: every document of the corpus
    sam:
      documents: [INT04]              # finished so far
      assigned: [CR-W17-05, INT01, INT04]   # given to sam before coding
      blind: true                     # coded without seeing the other coders' codings
      sample: {share: 0.2, seed: 7, by: kind, population: 15}  # how they were drawn

``documents`` (finished) is what agreement compares (see
:func:`research.agreement.agreement_scope`); ``assigned`` with ``blind`` is a
reliability sample given before coding: the agreement of the coders it was given
to is computed on exactly those documents, and the coding widget hides the other
coders' codings in them. A file with ``documents`` only (the older form) reads as
before; ``documents`` may be left out for a coder who was only given documents.

:func:`draw_sample` draws a reliability sample reproducibly (a share of the
documents, stratified by an attribute such as ``kind``), :func:`assign_documents`
records it and :func:`mark_finished` the documents a coder has finished; both
rewrite only the coder's own block of the file, so comments and the other coders'
lines stay as they were.

References
----------
.. [1] Krippendorff, K. (2004). *Content Analysis: An Introduction to Its
   Methodology* (2nd ed.), ch. 11 (reliability data: sampling units for
   reliability). Sage.
.. [2] O'Connor, C., & Joffe, H. (2020). Intercoder reliability in qualitative
   research: debates and practical guidelines. *International Journal of
   Qualitative Methods*, 19 (a share of 10 to 25 % of the data).
"""

from __future__ import annotations

import hashlib
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd
import yaml

from research.coding._lock import coder_lock
from research.coding._table import _check_coder
from research.contracts import is_blank
from research.errors import CodingError, InputError
from research.files import atomic_write_text, load_yaml

__all__ = [
    "CODERS_FILE",
    "CODER_KEYS",
    "CoderWork",
    "assign_documents",
    "draw_sample",
    "mark_finished",
    "read_coders_file",
]

CODERS_FILE = "coders.yaml"
#: The keys of a coder's entry (others are left to other tools; research validate
#: warns about them, in case of a typing mistake).
CODER_KEYS = ("documents", "assigned", "blind", "sample")
_HINT = (
    "write each coder as 'name: {documents: all}' or 'name: {documents: [INT01, INT04]}', "
    "and a sample given before coding as 'assigned: [INT01, INT04]' (see docs/formats.md)"
)


@dataclass(frozen=True)
class CoderWork:
    """What ``coders.yaml`` says of one coder.

    ``finished`` is ``"all"``, a set of document ids, or ``None`` when the coder
    has no ``documents:`` line; ``assigned`` is ``None`` unless documents were
    given to the coder; ``sample`` says how they were drawn.
    """

    coder: str
    finished: frozenset[str] | str | None = None
    assigned: tuple[str, ...] | None = None
    blind: bool = False
    sample: Mapping[str, Any] = field(default_factory=dict)

    def finished_documents(self, doc_ids: Iterable[str] = ()) -> set[str]:
        """The finished documents, ``all`` read as ``doc_ids``."""
        if self.finished == "all":
            return set(doc_ids)
        return set(self.finished or ())

    def blind_in(self, doc_id: str) -> bool:
        """Whether this coder codes ``doc_id`` without seeing the others' codings."""
        return self.blind and self.assigned is not None and doc_id in self.assigned


def _ids(value: Any, *, key: str, coder: str, path: Path, line: int | None) -> tuple[str, ...]:
    if not isinstance(value, list) or any(is_blank(v) or isinstance(v, dict | list) for v in value):
        raise CodingError(
            f"coder {coder!r} needs 'documents:' as a list of ids or 'all'"
            if key == "documents"
            else f"coder {coder!r}: '{key}:' must be a list of document ids",
            path=path,
            line=line,
            hint=_HINT,
        )
    return tuple(str(v) for v in value)


def _entry(coder: str, entry: Any, path: Path, line: int | None) -> CoderWork:
    if not isinstance(entry, dict):
        raise CodingError(
            f"coder {coder!r} needs 'documents:' as a list of ids or 'all'",
            path=path,
            line=line,
            hint=_HINT,
        )
    lines = getattr(entry, "key_lines", {})
    finished: frozenset[str] | str | None = None
    documents = entry.get("documents")
    if documents == "all":
        finished = "all"
    elif "documents" in entry:
        where = lines.get("documents", line)
        finished = frozenset(_ids(documents, key="documents", coder=coder, path=path, line=where))
    elif "assigned" not in entry:
        raise CodingError(
            f"coder {coder!r} needs 'documents:' as a list of ids or 'all'",
            path=path,
            line=line,
            hint=_HINT,
        )
    assigned = None
    if "assigned" in entry:
        where = lines.get("assigned", line)
        assigned = _ids(entry["assigned"], key="assigned", coder=coder, path=path, line=where)
    blind = entry.get("blind", False)
    if not isinstance(blind, bool):
        raise CodingError(
            f"coder {coder!r}: 'blind:' must be true or false, not {blind!r}",
            path=path,
            line=lines.get("blind", line),
        )
    sample = entry.get("sample") or {}
    if not isinstance(sample, dict):
        raise CodingError(
            f"coder {coder!r}: 'sample:' must be a mapping (share, seed, by)",
            path=path,
            line=lines.get("sample", line),
        )
    return CoderWork(coder, finished, assigned, blind, dict(sample))


def read_coders_file(folder: str | Path) -> dict[str, CoderWork] | None:
    """What ``<folder>/coders.yaml`` says of each coder; ``None`` when there is no file.

    Raises
    ------
    CodingError
        For a malformed file, naming its line and how to write it.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (folder / CODERS_FILE).write_text(
    ...     "camille: {documents: all}\\nsam: {assigned: [INT01], blind: true}\\n")
    >>> work = read_coders_file(folder)
    >>> work["camille"].finished, work["sam"].assigned, work["sam"].blind_in("INT01")
    ('all', ('INT01',), True)
    """
    path = Path(folder) / CODERS_FILE
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise CodingError(
            "the file is not UTF-8 text", path=path, hint="save it again as UTF-8"
        ) from None
    try:
        data = load_yaml(text, path=path, lines=True) or {}
    except InputError as exc:
        raise CodingError(exc.message, path=exc.path, line=exc.line, hint=exc.hint) from None
    if not isinstance(data, dict):
        raise CodingError(
            "expected a mapping 'coder: {documents: [...]}'", path=path, line=1, hint=_HINT
        )
    lines = getattr(data, "key_lines", {})
    return {str(c): _entry(str(c), e, path, lines.get(c)) for c, e in data.items()}


# -- drawing a reliability sample -----------------------------------------------------------


def _rank(seed: int, doc_id: str) -> str:
    return hashlib.sha256(f"{seed}\0{doc_id}".encode()).hexdigest()


def draw_sample(
    documents: pd.DataFrame,
    *,
    share: float,
    seed: int,
    by: str | None = "kind",
) -> list[str]:
    """A reliability sample of documents, drawn reproducibly, stratified by ``by``.

    Each stratum (documents with one value of ``by``; all documents when ``by``
    is None) gives ``share`` of its documents, rounded so that the strata add up
    to ``share`` of all documents (largest remainders first), and at least one.
    Within a stratum the documents are ranked by the SHA-256 of the seed and their
    id: the same seed gives the same sample on any machine and with any library
    version, and a document added later does not change which of the others are
    drawn.

    Parameters
    ----------
    documents : pandas.DataFrame
        The documents table (``doc_id`` and the ``by`` column).
    share : float
        Share of the documents to draw, in (0, 1].
    seed : int
    by : str, optional
        The attribute to stratify by (``kind``, ``edition``…); empty values form
        their own stratum.

    Returns
    -------
    list of str
        The document ids drawn, sorted.

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": [f"INT{i:02d}" for i in range(8)] + ["CR1", "CR2"],
    ...                      "kind": ["interview"] * 8 + ["minutes"] * 2})
    >>> drawn = draw_sample(docs, share=0.3, seed=7)
    >>> len(drawn), sum(d.startswith("CR") for d in drawn)
    (3, 1)
    >>> draw_sample(docs, share=0.3, seed=7) == drawn
    True
    """
    if not 0 < share <= 1:
        raise CodingError(
            f"the share of documents to draw must be above 0 and at most 1, not {share}",
            hint="write for instance --share 0.2 for a fifth of the documents",
        )
    if by is not None and by not in documents.columns:
        known = ", ".join(c for c in documents.columns if c not in ("path", "sha256", "text"))
        raise CodingError(
            f"the documents have no attribute {by!r} to stratify by",
            hint=f"choose one of {known}, or draw without strata",
        )
    ids = documents["doc_id"].astype(str)
    strata = (
        pd.Series("", index=documents.index)
        if by is None
        else documents[by].map(lambda v: "" if is_blank(v) else str(v))
    )
    groups = {name: sorted(ids[strata == name], key=lambda d: _rank(seed, d))
              for name in sorted(set(strata))}  # fmt: skip
    target = round(share * len(ids))
    quotas = {name: share * len(members) for name, members in groups.items()}
    counts = {name: max(1, math.floor(q)) for name, q in quotas.items() if groups[name]}
    left = target - sum(counts.values())
    for name in sorted(counts, key=lambda n: (-(quotas[n] - math.floor(quotas[n])), n)):
        if left <= 0:
            break
        if counts[name] < len(groups[name]):
            counts[name] += 1
            left -= 1
    return sorted(d for name, n in counts.items() for d in groups[name][:n])


# -- writing coders.yaml ------------------------------------------------------------------------


def _block(coder: str, entry: dict[str, Any]) -> str:
    return yaml.safe_dump(
        {coder: entry}, sort_keys=False, allow_unicode=True, default_flow_style=None, width=88
    )


def _with_block(text: str, coder: str, entry: dict[str, Any]) -> str:
    """``text`` with the coder's block replaced by ``entry`` (or added at the end).

    Other lines (comments, the other coders) are kept as they are; a file whose
    layout does not allow it (a flow mapping) is written again whole.
    """
    data = (load_yaml(text, path=CODERS_FILE, lines=True) or {}) if text.strip() else {}
    block = _block(coder, entry)
    lines = text.splitlines(keepends=True)
    starts = sorted(getattr(data, "key_lines", {}).items(), key=lambda item: item[1])
    if coder in data:
        first = data.key_lines[coder] - 1
        after = [line - 1 for _, line in starts if line - 1 > first]
        end = after[0] if after else len(lines)
        while end - 1 > first and (not lines[end - 1].strip() or lines[end - 1].startswith("#")):
            end -= 1
        new = "".join([*lines[:first], block, *lines[end:]])
    else:
        new = text + ("" if not text or text.endswith("\n") else "\n") + block
    check = load_yaml(new, path=CODERS_FILE) or {}
    others = {k: v for k, v in (data or {}).items() if k != coder}
    if {k: v for k, v in check.items() if k != coder} != others or check.get(coder) != entry:
        whole = {**{str(k): v for k, v in (data or {}).items()}, coder: entry}
        new = yaml.safe_dump(whole, sort_keys=False, allow_unicode=True, default_flow_style=None)
    return new


def _plain(work: CoderWork | None) -> dict[str, Any]:
    """A coder's entry as YAML values, in the order of the documentation."""
    entry: dict[str, Any] = {"documents": []}
    if work is None:
        return entry
    if work.finished == "all":
        entry["documents"] = "all"
    elif work.finished is not None:
        entry["documents"] = sorted(work.finished)
    if work.assigned is not None:
        entry["assigned"] = list(work.assigned)
        entry["blind"] = work.blind
    if work.sample:
        entry["sample"] = dict(work.sample)
    return entry


def _update(folder: Path, coder: str, change) -> Path:
    _check_coder(coder)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / CODERS_FILE
    with coder_lock(folder, CODERS_FILE):
        work = read_coders_file(folder) or {}
        text = path.read_text(encoding="utf-8") if path.is_file() else ""
        entry = change(_plain(work.get(coder)))
        atomic_write_text(path, _with_block(text, coder, entry))
    return path


def assign_documents(
    folder: str | Path,
    coder: str,
    doc_ids: Iterable[str],
    *,
    blind: bool = True,
    sample: Mapping[str, Any] | None = None,
    force: bool = False,
) -> Path:
    """Give documents to a coder before coding, in ``coders.yaml``.

    Parameters
    ----------
    folder : path-like
        The codings folder.
    coder : str
    doc_ids : iterable of str
        The documents given (sorted in the file).
    blind : bool
        The coder codes them without seeing the other coders' codings.
    sample : mapping, optional
        How they were drawn (``share``, ``seed``, ``by``, ``population``), kept
        so anyone can draw the same sample again.
    force : bool
        Replace documents already given to the coder.

    Raises
    ------
    CodingError
        When the coder was already given other documents and ``force`` is false.
    """
    wanted = sorted(set(map(str, doc_ids)))

    def change(entry: dict[str, Any]) -> dict[str, Any]:
        if "assigned" in entry and entry["assigned"] != wanted and not force:
            raise CodingError(
                f"coder {coder!r} was already given {len(entry['assigned'])} document(s)",
                path=Path(folder) / CODERS_FILE,
                hint="use --force to give them this sample instead",
            )
        entry["assigned"], entry["blind"] = wanted, bool(blind)
        if sample:
            entry["sample"] = dict(sample)
        else:
            entry.pop("sample", None)
        return entry

    return _update(Path(folder), coder, change)


def mark_finished(folder: str | Path, coder: str, doc_ids: Iterable[str] | str) -> Path:
    """Record documents as finished by a coder (``"all"``: every document)."""

    def change(entry: dict[str, Any]) -> dict[str, Any]:
        if doc_ids == "all" or entry["documents"] == "all":
            entry["documents"] = "all"
        else:
            entry["documents"] = sorted(set(entry["documents"]) | set(map(str, doc_ids)))
        return entry

    return _update(Path(folder), coder, change)
