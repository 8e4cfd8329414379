"""A coder's working session in a notebook: code passages, remove codings, save.

:class:`CodingSession` keeps a coder's changes in memory and writes them with
:meth:`CodingSession.save`, which re-reads the coder's file under its lock and
applies this session's additions and removals, so that two sessions (two
notebooks, a notebook and the command line) of one coder never lose each other's
work. A session also notices when the codebook was revised under it (a code
renamed, moved, merged or deleted by another command): see
:meth:`CodingSession.save`. Offsets are always computed from the text: by the words
(:meth:`~CodingSession.code_text`), a segment, or the matches of a pattern.

Examples
--------
>>> import tempfile, pathlib
>>> import pandas as pd
>>> from research.corpus import Corpus
>>> from research.codebook import Codebook
>>> corpus = Corpus.from_texts({"D": "Élodie : On a monté la coopérative ensemble."})
>>> book = Codebook.from_frame(pd.DataFrame({"code": ["sut", "sut.cooperation"],
...                                          "codable": [False, True]}))
>>> session = CodingSession(None, "lea", corpus=corpus, codebook=book,
...                         folder=pathlib.Path(tempfile.mkdtemp()))
>>> session.code_matches(["coopérative", "ensemble"], "sut.cooperation")["quote"].tolist()
['coopérative', 'ensemble']
>>> session.pending
2
"""

from __future__ import annotations

import contextlib
import hashlib
import re
import time
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

import pandas as pd

from research.coding._lock import coder_lock
from research.coding._reading import _read_file
from research.coding._store import save_codings
from research.coding._table import CODING_COLUMNS, _sorted, empty_codings, typed_codings
from research.coding._table import _check_coder as check_coder
from research.coding._views import HTMLView, document_html, retrieve
from research.contracts import CODING_KEY
from research.errors import CodingError, ValidationFailed
from research.files import atomic_write_text
from research.text import loose_pattern

if TYPE_CHECKING:
    from research.codebook import Codebook
    from research.corpus import Corpus

__all__ = ["CodingSession"]

_KEY = list(CODING_KEY)
_FILE_ORDER = ["doc_id", "start", "end", "code"]


def _keys_of(frame: pd.DataFrame) -> list[tuple]:
    return list(zip(*(frame[c].tolist() for c in _KEY), strict=True))


def _loose_pattern(words: str) -> re.Pattern:
    """A pattern finding ``words`` whatever the apostrophes and spaces used."""
    return re.compile(loose_pattern(words))


def _codebook_fingerprint(folder: Path | None) -> str | None:
    """A digest of the names and bytes of a codebook folder's files (``None``: no folder)."""
    from research.codebook import codebook_files

    if folder is None or not folder.is_dir():
        return None
    digest = hashlib.sha256()
    for path in codebook_files(folder):
        with contextlib.suppress(OSError):
            data = path.read_bytes()
            digest.update(f"{path.name}\0{len(data)}\0".encode())
            digest.update(data)
    return digest.hexdigest()


def _now() -> pd.Timestamp:
    """The time a coding is made (UTC, to the second)."""
    return pd.Timestamp.now(tz="UTC").floor("s")


def _slug(words: str, *, limit: int = 40) -> str:
    folded = unicodedata.normalize("NFKD", words)
    ascii_text = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    slug = re.sub(r"[^a-z0-9]+", "_", ascii_text).strip("_")[:limit].rstrip("_")
    return slug or "in_vivo"


class CodingSession:
    """A coder's working session: code, remove and look at codings, then save.

    Parameters
    ----------
    project : research.project.Project or None
        Gives the corpus, codebook and folders; ``None`` when they are passed.
    coder : str
        The coder's name (their file is ``<coder>.csv``).
    corpus, codebook : optional
        Override the project's.
    folder : path-like, optional
        The codings folder (default: the project's).
    codebook_folder : path-like, optional
        Where in-vivo codes are saved (default: the project's codebook folder).

    Notes
    -----
    Changes stay in memory until :meth:`save`, which re-reads the coder's file
    under its lock and applies this session's additions and removals, so two
    sessions of the same coder do not overwrite each other's work.
    """

    def __init__(
        self,
        project: Any,
        coder: str,
        *,
        corpus: Corpus | None = None,
        codebook: Codebook | None = None,
        folder: str | Path | None = None,
        codebook_folder: str | Path | None = None,
    ) -> None:
        self.coder = check_coder(coder)
        self.project = project
        self.corpus = corpus if corpus is not None else project.corpus
        self.codebook = codebook if codebook is not None else project.codebook
        self.folder = (
            Path(folder) if folder is not None else (project.paths.codings if project else None)
        )
        if codebook_folder is not None:
            self.codebook_folder = Path(codebook_folder)
        else:
            self.codebook_folder = project.paths.codebook if project is not None else None
        self._fingerprint = _codebook_fingerprint(self.codebook_folder)
        self._stamp = self._file_stamp()
        self._set_base(self._read_own())
        self._added: dict[tuple, dict] = {}
        self._removed: set[tuple] = set()
        self._memos: dict[tuple, str] = {}  # saved codings whose memo this session changed
        self._new_codes: list[str] = []

    def __repr__(self) -> str:
        return f"<CodingSession {self.coder!r}: {len(self.codings)} codings, {self.pending} unsaved changes>"

    def _set_base(self, frame: pd.DataFrame) -> None:
        self._base = frame
        self._base_keys = set(_keys_of(frame))

    def _read_own(self) -> pd.DataFrame:
        if self.folder is None or not (self.folder / f"{self.coder}.csv").is_file():
            return empty_codings()
        frame, problems = _read_file(self.folder / f"{self.coder}.csv", f"{self.coder}.csv")
        errors = [p for p in problems if p.severity == "error"]
        if errors:
            raise ValidationFailed(errors)
        return frame[CODING_COLUMNS].reset_index(drop=True)

    def _file_stamp(self) -> tuple[int, int, int] | None:
        """When and how big the coder's file was last written (``None``: no file)."""
        try:
            stat = (self.folder / f"{self.coder}.csv").stat()
        except (OSError, TypeError):
            return None
        return stat.st_ino, stat.st_mtime_ns, stat.st_size

    def refresh(self) -> None:
        """Read again the coder's saved codings if another session saved since;
        this session's unsaved changes are kept."""
        stamp = self._file_stamp()
        if stamp is None or stamp != self._stamp:
            self._set_base(self._read_own())
            self._stamp = stamp

    @property
    def pending(self) -> int:
        """Changes not yet saved."""
        return len(self._added) + len(self._removed) + len(self._memos)

    def pending_codings(self) -> pd.DataFrame:
        """The changes not yet saved, as codings with a column ``change``.

        ``change`` is ``"added"`` for a coding made in this session,
        ``"removed"`` for a saved coding this session removes and ``"memo"``
        for a saved coding whose memo it changed (with the new memo). This is
        how the work of a session whose save was refused is found again.

        Examples
        --------
        >>> from research.corpus import Corpus
        >>> from research.codebook import Codebook
        >>> book = Codebook.from_frame(pd.DataFrame({"code": ["x"]}))
        >>> session = CodingSession(None, "lea", corpus=Corpus.from_texts({"D": "Oui."}),
        ...                         codebook=book)
        >>> _ = session.code_span("D", 0, 3, "x")
        >>> session.pending_codings()[["code", "quote", "change"]].values.tolist()
        [['x', 'Oui', 'added']]
        """
        added = self._result(list(self._added.values())).assign(change="added")
        base = self._base
        removed = base[[k in self._removed for k in _keys_of(base)]].assign(change="removed")
        memos = self._with_memos(base[[k in self._memos for k in _keys_of(base)]])
        frames = [f for f in (added, removed, memos.assign(change="memo")) if len(f)]
        if not frames:
            return added
        return pd.concat(frames, ignore_index=True)

    @property
    def codings(self) -> pd.DataFrame:
        """This coder's codings, saved and unsaved, sorted."""
        base = self._with_memos(self._base)
        if self._removed:
            base = base[[k not in self._removed for k in _keys_of(base)]]
        if self._added:
            added = typed_codings(pd.DataFrame(list(self._added.values()), columns=CODING_COLUMNS))
            base = pd.concat([base, added], ignore_index=True) if len(base) else added
        return _sorted(base)

    def _with_memos(self, frame: pd.DataFrame) -> pd.DataFrame:
        """``frame`` with the memos this session changed."""
        if not self._memos or not len(frame):
            return frame
        memos = [self._memos.get(k) for k in _keys_of(frame)]
        new = [
            old if m is None else m for old, m in zip(frame["memo"].tolist(), memos, strict=True)
        ]
        return frame.assign(memo=new)

    # -- coding --------------------------------------------------------------------------
    def _check_code(self, code: str) -> None:
        self.codebook.check(code)
        if not self.codebook.is_codable(code):
            kids = ", ".join(self.codebook.children(code)[:6])
            raise CodingError(
                f"code {code!r} is a category, not used for coding",
                hint=f"choose one of its children ({kids})" if kids else "mark it codable: true",
            )

    def _add(self, doc_id: str, start: int, end: int, code: str, memo: str | None) -> dict:
        text = self.corpus.text(doc_id)
        start, end = int(start), int(end)
        if not 0 <= start < end <= len(text):
            raise CodingError(
                f"span {start}-{end} is not inside {doc_id} (0-{len(text)}) or is empty",
                hint="start < end, both counting characters of the stored text",
            )
        row = {
            "coder": self.coder,
            "doc_id": doc_id,
            "start": start,
            "end": end,
            "code": code,
            "quote": text[start:end],
            "memo": memo or "",
            "created": _now(),
        }
        key = (self.coder, doc_id, start, end, code)
        if key in self._removed:
            self._removed.discard(key)
        elif key not in self._base_keys and key not in self._added:
            self._added[key] = row
        return row

    def _result(self, rows: list[dict]) -> pd.DataFrame:
        if not rows:
            return empty_codings()
        return _sorted(typed_codings(pd.DataFrame(rows, columns=CODING_COLUMNS)))

    def code_span(
        self, doc_id: str, start: int, end: int, code: str, memo: str | None = None
    ) -> pd.DataFrame:
        """Code the characters ``start`` to ``end`` (exclusive) of a document.

        Returns
        -------
        pandas.DataFrame
            The coding (one row); coding the same span twice adds nothing.
        """
        self._check_code(code)
        return self._result([self._add(doc_id, start, end, code, memo)])

    def code_text(
        self,
        doc_id: str,
        words: str,
        code: str,
        memo: str | None = None,
        *,
        occurrence: int | None = None,
    ) -> pd.DataFrame:
        """Code the passage of a document that reads ``words``.

        The words are found in the stored text whatever apostrophes (``'``, ``’``)
        and spaces are used, so offsets are never typed by hand.

        Parameters
        ----------
        occurrence : int, optional
            Which occurrence (from 1) when the words appear more than once.

        Raises
        ------
        CodingError
            When the words are not found, or found several times without
            ``occurrence``.
        """
        self._check_code(code)
        text = self.corpus.text(doc_id)
        if not words.strip():
            raise CodingError(
                "no words to code were given",
                hint="quote the passage as it reads in the text",
            )
        matches = list(_loose_pattern(words).finditer(text))
        if not matches:
            raise CodingError(
                f"the words {words[:60]!r} are not in {doc_id}",
                hint="copy them from corpus.text(doc_id) (check hyphens and « » quotes)",
            )
        if occurrence is None and len(matches) > 1:
            raise CodingError(
                f"the words {words[:60]!r} appear {len(matches)} times in {doc_id}",
                hint=f"say which one with occurrence=1…{len(matches)} "
                f"(--occurrence on the command line), or quote more words",
            )
        index = (occurrence or 1) - 1
        if not 0 <= index < len(matches):
            raise CodingError(
                f"there is no occurrence {occurrence} of the words {words[:60]!r} in {doc_id}: "
                f"they appear {len(matches)} time(s)",
                hint=f"choose an occurrence from 1 to {len(matches)}",
            )
        found = matches[index]
        return self._result([self._add(doc_id, found.start(), found.end(), code, memo)])

    def code_segment(self, seg_id: str, code: str, memo: str | None = None) -> pd.DataFrame:
        """Code a whole segment (a speaker turn, a paragraph, a list item)."""
        self._check_code(code)
        seg = self.corpus.segment(seg_id)
        return self._result([self._add(seg["doc_id"], seg["start"], seg["end"], code, memo)])

    def code_matches(
        self,
        pattern: str | Sequence[str],
        code: str,
        *,
        regex: bool = False,
        speaker: str | Iterable[str] | None = None,
        section: str | None = None,
        where: Mapping[str, Any] | None = None,
        unit: Literal["match", "segment"] = "match",
        ignore_case: bool = True,
        ignore_accents: bool = False,
        memo: str | None = None,
    ) -> pd.DataFrame:
        """Code every match of a regular expression or of a list of phrases.

        Parameters
        ----------
        pattern : str or sequence of str
            A phrase, a list of phrases, or (``regex=True``) a regular expression.
        code : str
        speaker : str or iterable of str, optional
            Only in turns of these speakers (label as written, or actor id).
        section : str, optional
            Only in segments whose section matches this ``fnmatch`` pattern.
        where : mapping, optional
            Only in documents whose attributes match (see :meth:`Corpus.where`).
        unit : {"match", "segment"}
            Code the matched words, or the whole segment that holds them.
        ignore_case, ignore_accents : bool
            How to match (offsets always refer to the stored text).

        Returns
        -------
        pandas.DataFrame
            The codings made (already existing ones included).
        """
        import fnmatch

        self._check_code(code)
        if not isinstance(pattern, str):
            phrases = sorted({p for p in pattern if p}, key=len, reverse=True)
            if not phrases:
                raise CodingError("an empty list of phrases matches nothing")
            source = "|".join(re.escape(p) if not regex else f"(?:{p})" for p in phrases)
            regex = True
        else:
            source = pattern
        corpus = self.corpus.where(**where) if where else self.corpus
        hits = corpus.kwic(
            source, regex=regex, ignore_case=ignore_case, ignore_accents=ignore_accents, window=0
        )
        segs = self.corpus.segments.set_index("seg_id")
        if speaker is not None:
            wanted = {speaker} if isinstance(speaker, str) else set(speaker)
            actors = hits["seg_id"].map(
                lambda s: segs.at[s, "actor"] if isinstance(s, str) else None
            )
            hits = hits[hits["speaker"].isin(wanted) | actors.isin(wanted)]
        if section is not None:
            hits = hits[
                hits["section"].map(
                    lambda s: isinstance(s, str) and fnmatch.fnmatchcase(s, section)
                )
            ]
        rows = []
        for hit in hits.itertuples(index=False):
            if unit == "segment":
                if not isinstance(hit.seg_id, str):
                    continue
                start, end = int(segs.at[hit.seg_id, "start"]), int(segs.at[hit.seg_id, "end"])
            else:
                start, end = int(hit.start), int(hit.end)
            rows.append(self._add(hit.doc_id, start, end, code, memo))
        result = self._result(rows)
        return result.drop_duplicates(_KEY).reset_index(drop=True)

    def code_in_vivo(
        self,
        doc_id: str,
        start: int,
        end: int,
        parent: str,
        *,
        label: str | None = None,
        memo: str | None = None,
    ) -> pd.DataFrame:
        """Create a code named after the selected words, under ``parent``, and code them.

        The new code's id is the words in lower-case ASCII (``parent.on_se_serre_les_coudes``);
        its label is the words themselves. It is saved in the parent's codebook file
        with :meth:`save`.

        References
        ----------
        .. [1] Saldaña, J. (2021). *The Coding Manual for Qualitative Researchers*
           (4th ed.), ch. 4 "In Vivo Coding". SAGE.
        """
        from research.codebook import add_code

        self.codebook.check(parent)
        text = self.corpus.text(doc_id)
        words = " ".join(text[int(start) : int(end)].split())
        if not words:
            raise CodingError("in-vivo coding needs some words selected", hint="widen the span")
        code = self._free_id(f"{parent}.{_slug(words)}")
        self.codebook = add_code(
            self.codebook,
            code,
            label=label or words[:80],
            definition=f"Code in vivo : « {words} » ({doc_id}).",
        )
        self._new_codes.append(code)
        return self._result([self._add(doc_id, start, end, code, memo)])

    def _free_id(self, base: str) -> str:
        code, n = base, 2
        while code in self.codebook:
            code, n = f"{base}_{n}", n + 1
        return code

    def new_code(
        self,
        parent: str | None,
        label: str,
        *,
        code: str | None = None,
        definition: str | None = None,
        color: str | None = None,
    ) -> str:
        """Create a code in the codebook, to be written to its file by :meth:`save`.

        Parameters
        ----------
        parent : str or None
            The code it goes under (``None``: a new tree, in its own file).
        label : str
            Its label, as readers see it.
        code : str, optional
            Its last id part (default: the label in lower-case ASCII, with
            ``_2``, ``_3``… added when taken).

        Returns
        -------
        str
            The new code's id (``parent.label_in_ascii``).

        Examples
        --------
        >>> from research.corpus import Corpus
        >>> from research.codebook import Codebook
        >>> session = CodingSession(None, "lea", corpus=Corpus.from_texts({"D": "Oui."}),
        ...     codebook=Codebook.from_frame(pd.DataFrame({"code": ["sut"], "codable": [False]})))
        >>> session.new_code("sut", "Confiance envers l’élu")
        'sut.confiance_envers_l_elu'
        >>> session.codebook.label("sut.confiance_envers_l_elu")
        'Confiance envers l’élu'
        """
        from research.codebook import add_code

        label = " ".join(str(label).split())
        if not label:
            raise CodingError("a new code needs a label", hint="type the code's label")
        if parent is not None:
            self.codebook.check(parent)
        name = code if code is not None else _slug(label, limit=40)
        new = self._free_id(f"{parent}.{name}" if parent else name)
        self.codebook = add_code(
            self.codebook, new, label=label, definition=definition, color=color
        )
        self._new_codes.append(new)
        return new

    def recode(self, rows: pd.DataFrame, code: str) -> pd.DataFrame:
        """Give other codings of this coder a new code (to split a code by hand)."""
        self._check_code(code)
        self.remove(rows)
        return self._result(
            [
                self._add(r.doc_id, r.start, r.end, code, r.memo or None)
                for r in rows.itertuples(index=False)
            ]
        )

    def remove(
        self,
        rows: pd.DataFrame | None = None,
        *,
        doc_id: str | None = None,
        start: int | None = None,
        end: int | None = None,
        code: str | None = None,
    ) -> int:
        """Remove codings of this coder: the given rows, or those matching every criterion.

        Returns
        -------
        int
            How many codings were removed.
        """
        if rows is not None:
            wanted = set(_keys_of(typed_codings(rows)))
            if any(k[0] != self.coder for k in wanted):
                raise CodingError(f"only codings of {self.coder!r} can be removed in this session")
        else:
            if all(v is None for v in (doc_id, start, end, code)):
                raise CodingError("remove() needs rows or at least one criterion")
            current = self.codings
            mask = pd.Series(True, index=current.index)
            for column, value in (
                ("doc_id", doc_id),
                ("start", start),
                ("end", end),
                ("code", code),
            ):
                if value is not None:
                    mask &= current[column] == value
            wanted = set(_keys_of(current[mask]))
        removed = 0
        for key in wanted:
            self._memos.pop(key, None)
            if key in self._added:
                del self._added[key]
                removed += 1
            elif key in self._base_keys and key not in self._removed:
                self._removed.add(key)
                removed += 1
        return removed

    def _own_rows(self, rows: pd.DataFrame) -> pd.DataFrame:
        frame = typed_codings(rows)
        others = sorted(set(frame["coder"]) - {self.coder})
        if others:
            raise CodingError(
                f"only codings of {self.coder!r} can be changed in this session, not of "
                + ", ".join(map(repr, others))
            )
        return frame

    def set_memo(self, rows: pd.DataFrame, memo: str | None) -> int:
        """Write, replace or clear (``None`` or ``""``) the memo of codings of this coder.

        Returns
        -------
        int
            How many codings were changed.

        Examples
        --------
        >>> from research.corpus import Corpus
        >>> from research.codebook import Codebook
        >>> session = CodingSession(None, "lea", corpus=Corpus.from_texts({"D": "Oui."}),
        ...                         codebook=Codebook.from_frame(pd.DataFrame({"code": ["x"]})))
        >>> made = session.code_span("D", 0, 3, "x")
        >>> session.set_memo(made, "dit en riant")
        1
        >>> session.codings["memo"].tolist()
        ['dit en riant']
        """
        memo = memo or ""
        saved = dict(zip(_keys_of(self._base), self._base["memo"].tolist(), strict=True))
        changed = 0
        for key in _keys_of(self._own_rows(rows)):
            if key in self._added:
                self._added[key] = {**self._added[key], "memo": memo}
            elif key in self._base_keys and key not in self._removed:
                if saved[key] == memo:
                    self._memos.pop(key, None)
                else:
                    self._memos[key] = memo
            else:
                continue
            changed += 1
        return changed

    def restore(self, rows: pd.DataFrame) -> pd.DataFrame:
        """Put codings of this coder back as they were, memo and time of creation kept.

        Undoes :meth:`remove` (or a recoding), also after a save.

        Examples
        --------
        >>> from research.corpus import Corpus
        >>> from research.codebook import Codebook
        >>> session = CodingSession(None, "lea", corpus=Corpus.from_texts({"D": "Oui."}),
        ...                         codebook=Codebook.from_frame(pd.DataFrame({"code": ["x"]})))
        >>> made = session.code_span("D", 0, 3, "x", memo="net")
        >>> session.remove(made), len(session.codings)
        (1, 0)
        >>> session.restore(made)[["quote", "memo"]].values.tolist()
        [['Oui', 'net']]
        """
        frame = self._own_rows(rows)
        saved = dict(zip(_keys_of(self._base), self._base["memo"].tolist(), strict=True))
        for key, row in zip(_keys_of(frame), frame[CODING_COLUMNS].to_dict("records"), strict=True):
            text = self.corpus.text(row["doc_id"])
            if not 0 <= row["start"] < row["end"] <= len(text):
                raise CodingError(
                    f"span {row['start']}-{row['end']} is not inside {row['doc_id']} (0-{len(text)})"
                )
            row["created"] = None if pd.isna(row["created"]) else row["created"]
            if key in self._base_keys:
                self._removed.discard(key)
                if saved[key] != row["memo"]:
                    self._memos[key] = row["memo"]
                else:
                    self._memos.pop(key, None)
            else:
                self._added[key] = row
        return self._result(frame[CODING_COLUMNS].to_dict("records"))

    def resize(self, row: pd.DataFrame | pd.Series, start: int, end: int) -> pd.DataFrame:
        """Extend or shrink one coding of this coder: a new span, same code, memo and time.

        Returns
        -------
        pandas.DataFrame
            The coding with its new span (one row).

        Examples
        --------
        >>> from research.corpus import Corpus
        >>> from research.codebook import Codebook
        >>> session = CodingSession(None, "lea", corpus=Corpus.from_texts({"D": "Oui, bien sûr."}),
        ...                         codebook=Codebook.from_frame(pd.DataFrame({"code": ["x"]})))
        >>> made = session.code_span("D", 0, 3, "x")
        >>> session.resize(made, 0, 13)["quote"].tolist()
        ['Oui, bien sûr']
        >>> session.codings["quote"].tolist()
        ['Oui, bien sûr']
        """
        frame = self._own_rows(row.to_frame().T if isinstance(row, pd.Series) else row)
        if len(frame) != 1:
            raise CodingError(f"resize() changes one coding at a time, not {len(frame)}")
        old = frame[CODING_COLUMNS].iloc[0].to_dict()
        text = self.corpus.text(old["doc_id"])
        start, end = int(start), int(end)
        if not 0 <= start < end <= len(text):
            raise CodingError(
                f"span {start}-{end} is not inside {old['doc_id']} (0-{len(text)}) or is empty",
                hint="start < end, both counting characters of the stored text",
            )
        if self.remove(frame) != 1:
            raise CodingError(
                f"no coding of {old['code']!r} at {old['start']}-{old['end']} in {old['doc_id']} "
                f"for {self.coder!r}"
            )
        new = {**old, "start": start, "end": end, "quote": text[start:end]}
        return self.restore(pd.DataFrame([new], columns=CODING_COLUMNS))

    def widget(
        self,
        documents: str | Sequence[str] | Corpus | None = None,
        *,
        where: Mapping[str, Any] | None = None,
        **options: Any,
    ):
        """A widget to read documents and code them with the mouse in JupyterLab.

        Parameters
        ----------
        documents : str, list of str or Corpus, optional
            One document, the documents to move through (next/previous), or a
            sub-corpus (``corpus.where(kind="interview")``); default every document.
        where : mapping, optional
            Only documents whose attributes match (see :meth:`Corpus.where`).
        **options
            See :class:`research.coding.CodingWidget` (``blind``, ``others``,
            ``new_codes_under``, ``suggestions`` to review).

        Returns
        -------
        research.coding.CodingWidget
            Shown by the notebook; every change is saved at once with :meth:`save`.
        """
        from research.coding._widget import CodingWidget

        return CodingWidget(self, documents, where=where, **options)

    # -- looking ---------------------------------------------------------------------------
    def retrieve(
        self, code: str, *, include_children: bool = True, context: int | str = 0
    ) -> pd.DataFrame:
        """This coder's passages of a code (see :func:`research.coding.retrieve`)."""
        return retrieve(
            self.codings,
            self.corpus,
            self.codebook,
            code,
            include_children=include_children,
            context=context,
        )

    def show(self, doc_id: str) -> HTMLView:
        """The document with this coder's codings highlighted (a notebook display)."""
        return document_html(self.corpus, self.codings, self.codebook, doc_id, coder=self.coder)

    # -- coding helpers (research.coding._assist) -------------------------------------------
    def autocode(
        self, dictionary: Any, *, dry_run: bool = False, tokens: pd.DataFrame | None = None
    ) -> pd.DataFrame:
        """Code the matches of a dictionary (``codebook/dictionaries/<name>.yaml``, by name
        or path); with ``dry_run``, only the review table. Saved by :meth:`save`.

        Returns the matches (:func:`research.autocode.match_dictionary`) with a
        ``status``: ``new``, ``already coded`` (never coded twice) or ``excluded``.
        ``tokens`` are the corpus's normalised tokens when already at hand (by
        default, the project's annotation cache and lexicon).
        """
        from research.coding._assist import apply_dictionary

        return apply_dictionary(self, dictionary, dry_run=dry_run, tokens=tokens)

    def suggestions(self, codes: Any = None, **options: Any) -> pd.DataFrame:
        """Uncoded segments likely to carry each code, learnt from this coder's codings.

        Options: ``order`` (``"probability"``, or ``"uncertainty"`` for the least
        sure first), ``limit`` per code, ``threshold``, ``min_examples``, ``seed``,
        ``documents`` (those finished), ``lemmas``, ``coder`` (learn from another
        coder's codings). The cross-validated report is in ``.attrs["report"]``;
        see :mod:`research.suggest`. Review with :meth:`accept`, :meth:`reject`
        or :meth:`review`.
        """
        from research.coding._assist import suggestions

        return suggestions(self, codes, **options)

    def accept(self, rows: pd.DataFrame) -> pd.DataFrame:
        """Code accepted suggestions for this coder, with a memo naming the model (saved by :meth:`save`)."""
        from research.coding._assist import accept_suggestions

        return accept_suggestions(self, rows)

    def reject(self, rows: pd.DataFrame) -> int:
        """Remember rejected suggestions (at once), so they are not suggested again."""
        from research.coding._assist import reject_suggestions

        return reject_suggestions(self, rows)

    def review(self, rows: pd.DataFrame) -> dict[str, int]:
        """Accept and reject suggestions as their ``decision`` column says."""
        from research.coding._assist import review_suggestions

        return review_suggestions(self, rows)

    # -- saving ------------------------------------------------------------------------------
    def save(self) -> Path | None:
        """Write the changes: in-vivo codes to the codebook, codings to ``<coder>.csv``.

        The coder's file is re-read under its lock and this session's changes are
        applied to it, so the work of another session of the same coder is kept.

        The codebook may have been revised since the session was opened (``research
        codebook rename``, a move, a merge, a deletion: they rewrite the codebook
        and the coders' files together). Under the codebook's lock, the save
        compares the codebook files with those the session started from. When they
        changed and every code this session's changes use is still in the
        codebook, the save goes on and the session follows the new codebook (the
        saved codings it re-reads already carry the new ids). When a code it uses
        is gone, the save is refused rather than writing codings of a code that no
        longer exists: renames are not followed silently, since the session cannot
        tell a rename from a deletion or a split, and the coder should see what
        became of the code. Nothing is written to the coder's file then; the
        unsaved changes stay in the session (:meth:`pending_codings`) and are also
        written to ``_unsaved-<coder>-<time>.csv`` in the codings folder (not a
        coder file), to be coded again in a new session.

        Returns
        -------
        Path or None
            The coder file (``None`` when the session has no folder).

        Raises
        ------
        CodingError
            When the codebook changed under the session and a code of its
            unsaved changes is no longer in it; the message names the codes and
            the file holding the unsaved changes.
        """
        if self.folder is None:
            raise CodingError("this session has no codings folder to save into")
        book_dir = self.codebook_folder
        self.folder.mkdir(parents=True, exist_ok=True)
        with contextlib.ExitStack() as locks:
            if book_dir is not None and book_dir.is_dir():  # the order apply_change takes them
                locks.enter_context(coder_lock(book_dir, "codebook"))
            revised = self._follow_codebook()
            if self._new_codes and book_dir is not None:
                self._save_new_codes(lock=False)
            with coder_lock(self.folder, self.coder):
                # the file as this session last read or wrote it, unless another wrote since
                same = self._stamp is not None and self._file_stamp() == self._stamp
                disk = self._base if same else self._read_own()
                keys = _keys_of(disk)
                kept = disk[[k not in self._removed for k in keys]] if self._removed else disk
                kept = self._with_memos(kept)
                present = set(keys)
                new = [row for key, row in self._added.items() if key not in present]
                if new:
                    added = typed_codings(pd.DataFrame(new, columns=CODING_COLUMNS))
                    frame = pd.concat([kept, added], ignore_index=True) if len(kept) else added
                else:
                    frame = kept
                path = save_codings(self.folder, self.coder, frame, lock=False)
                # what the file now holds, in its order (as reading it again would give)
                written = frame[CODING_COLUMNS].sort_values(_FILE_ORDER, kind="stable")
                self._set_base(written.reset_index(drop=True))
                self._stamp = self._file_stamp()
            if revised or self._new_codes:
                self._fingerprint = _codebook_fingerprint(book_dir)
        self._added, self._removed, self._new_codes = {}, set(), []
        self._memos = {}
        return path

    def _follow_codebook(self) -> bool:
        """Check the codebook against the one the session started from (see :meth:`save`);
        return whether it was revised (the session then uses the new one)."""
        from research.codebook import load_codebook

        now = _codebook_fingerprint(self.codebook_folder)
        if now is None or now == self._fingerprint:
            return False
        disk = load_codebook(self.codebook_folder)
        new_codes = set(self._new_codes)
        used = {row["code"] for row in self._added.values()}
        used |= {k[4] for k in self._removed} | {k[4] for k in self._memos}
        used -= new_codes
        parents = {
            parent
            for code in new_codes
            if code in self.codebook
            for parent in self.codebook.ancestors(code)[:1]
        }
        gone = sorted(c for c in (used | parents) - new_codes if c not in disk)
        if gone:
            side = self._keep_pending()
            names = ", ".join(repr(c) for c in gone)
            raise CodingError(
                f"the codebook changed since this session was opened (a code renamed, moved, "
                f"merged or deleted): {names} no longer in it, so the {self.pending} unsaved "
                f"change(s) of {self.coder!r} were not saved",
                path=self.codebook_folder,
                hint=f"open a new session (CodingSession(project, {self.coder!r})) and code them "
                f"again with the new codes; they are in session.pending_codings() and in "
                f"{side}",
            )
        if new_codes:
            mine = self.codebook.codes
            extra = mine[mine["code"].isin(new_codes) & ~mine["code"].isin(set(disk.ids))]
            from research.codebook import Codebook

            disk = Codebook.from_frame(
                pd.concat([disk.codes, extra], ignore_index=True), headers=disk.headers
            )
        self.codebook = disk
        return True

    def _keep_pending(self) -> Path:
        """Write the unsaved changes beside the coder files, under a name no coder file has."""
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        path = self.folder / f"_unsaved-{self.coder}-{stamp}.csv"
        pending = self.pending_codings()
        pending = pending.assign(
            created=pending["created"].map(
                lambda t: "" if pd.isna(t) else t.strftime("%Y-%m-%dT%H:%M:%SZ")
            )
        )
        atomic_write_text(path, pending.to_csv(index=False, lineterminator="\n"))
        return path

    def _save_new_codes(self, *, lock: bool = True) -> None:
        from research.codebook import Codebook, read_codebook, save_codebook

        folder = self.codebook_folder
        folder.mkdir(parents=True, exist_ok=True)
        with coder_lock(folder, "codebook") if lock else contextlib.nullcontext():
            disk, _ = read_codebook(folder)
            frame = disk.codes
            mine = self.codebook.codes
            new = mine[mine["code"].isin(self._new_codes) & ~mine["code"].isin(set(disk.ids))]
            merged = Codebook.from_frame(
                pd.concat([frame, new], ignore_index=True), headers=disk.headers
            )
            save_codebook(folder, merged)
