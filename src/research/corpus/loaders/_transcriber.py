"""Transcriber ``.trs`` files as transcripts in the turn grammar.

Transcriber (and TranscriberAG) saves a transcription as XML::

    <Trans audio_filename="entretien-03" scribe="…">
      <Speakers><Speaker id="spk1" name="Enquêtrice"/>…</Speakers>
      <Topics><Topic id="to1" desc="Parcours"/></Topics>
      <Episode>
        <Section type="report" topic="to1" startTime="0" endTime="61.2">
          <Turn speaker="spk1" startTime="0" endTime="4.5">
            <Sync time="0"/>Bonjour…<Sync time="2.1"/>…
          </Turn>
          <Turn speaker="spk1 spk2" startTime="4.5" endTime="6">
            <Sync time="4.5"/><Who nb="1"/>oui<Who nb="2"/>d'accord
          </Turn>

The loader renders it as speaker turns, one per paragraph (``[hh:mm:ss.mmm] Label :
text``, see :mod:`research.corpus.loaders`), so the shared segmenter gives one
segment per turn with its speaker and time.

Rules
-----
- Each ``<Turn>`` gives one turn; its text is the text between its ``<Sync>`` marks
  joined with spaces, and its time is the ``<Sync>`` (or ``startTime``) in force
  where its text begins. Consecutive ``<Turn>`` elements are not merged.
- Overlapping speech (``speaker="spk1 spk2"`` with ``<Who nb="1"/>``,
  ``<Who nb="2"/>``) gives one turn per ``<Who>`` block, in the file's order, each
  for the speaker named by its number.
- Speaker labels are the speakers' ``name`` attributes made into labels of the turn
  grammar (1 to 4 words starting with a capital letter; a warning names every name
  that had to change, and two speakers with one name get distinct labels). Turns
  without a speaker, or text outside the ``<Who>`` blocks of a shared turn, get the
  label ``Inconnu``.
- ``<Event desc="rire"/>`` is kept in the text in Transcriber's own notation:
  ``[rire]``, or ``[rire-]`` and ``[-rire]`` for the beginning and end of an event
  that spans words (an event without description shows its type, ``[noise]``).
  ``<Comment desc="…"/>`` is kept as ``{…}``. Both take the place
  of the element, with the white space the file has around it. ``<Background>``
  marks are dropped.
- When the file uses topics, every section starts with a ``# topic`` heading (``#
  Sans thème`` for a section without a topic), so segments carry their topic as
  ``section``.
- The encoding declared in the XML prolog (often ISO-8859-1) is honoured; a file
  without a declaration is read as UTF-8, else Windows-1252 with a warning. The
  ``<!DOCTYPE Trans SYSTEM "trans-14.dtd">`` line is accepted (the DTD is never
  loaded); entity declarations are refused (:func:`research.files.parse_xml`).
- ``audio_filename`` and ``scribe`` become the attributes ``audio`` and ``scribe``.

Examples
--------
>>> trs = (b'<Trans><Speakers><Speaker id="s1" name="Marie"/></Speakers><Episode>'
...        b'<Section type="report"><Turn speaker="s1" startTime="2.5">'
...        b'<Sync time="2.5"/>Bonjour <Event desc="rire"/> !</Turn></Section>'
...        b'</Episode></Trans>')
>>> turns, meta, problems = trs_turns(parse_xml(trs, path="a.trs"), path="a.trs")
>>> print(render_turns(turns), end="")
[00:00:02.500] Marie : Bonjour [rire] !
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Any

from lxml import etree

from research.corpus.loaders import Limits, LoadedDocument, register
from research.corpus.loaders._subtitles import (
    UNKNOWN_SPEAKER,
    SpeakerLabels,
    Turn,
    collapse_spaces,
    declared_speakers,
    render_turns,
)
from research.errors import InputError, Problem
from research.files import decode_bytes, parse_xml, read_limited

__all__ = ["load_trs", "prepare_encoding", "trs_turns"]

_DECLARED = re.compile(rb"""^\s*<\?xml[^>]*?encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
_LATIN = {"iso-8859-1", "iso8859-1", "latin-1", "latin1", "iso-8859-15", "windows-1252", "cp1252"}
_BOMS = (b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")
_NO_TOPIC = "Sans thème"
_ATTRIBUTES = {"audio_filename": "audio", "scribe": "scribe"}


def prepare_encoding(
    data: bytes, *, path: str | os.PathLike | None = None
) -> tuple[bytes, list[Problem]]:
    """Make XML bytes parse with the right encoding, with warnings.

    A byte-order mark or a declared encoding is left to the XML parser. Without
    either, bytes that are not UTF-8 are decoded as Windows-1252 (with a warning)
    and re-encoded as UTF-8. A file declaring ISO-8859-1 whose bytes look like UTF-8
    gets a warning, as its accents would come out wrong.

    Examples
    --------
    >>> prepare_encoding(b"<Trans>\\xe9t\\xe9</Trans>")[0]
    b'<Trans>\\xc3\\xa9t\\xc3\\xa9</Trans>'
    >>> data = '<?xml version="1.0" encoding="ISO-8859-1"?><a>été</a>'.encode()
    >>> prepare_encoding(data)[1][0].message
    'the file declares ISO-8859-1 but its accents are written in UTF-8; they will read wrong'
    """
    if data.startswith(_BOMS):
        return data, []
    declared = _DECLARED.match(data[:200])
    if declared:
        encoding = declared.group(1).decode("ascii").lower()
        if encoding in _LATIN and not data.isascii() and _is_utf8(data):
            return data, [
                Problem(
                    "warning",
                    f"the file declares {declared.group(1).decode('ascii')} but its accents "
                    "are written in UTF-8; they will read wrong",
                    path=None if path is None else str(path),
                    line=1,
                    hint='change the first line to <?xml version="1.0" encoding="UTF-8"?>',
                )
            ]
        return data, []
    if _is_utf8(data):
        return data, []
    text, problems = decode_bytes(data, path=path)
    return text.encode("utf-8"), problems


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _time(element: etree._Element, attribute: str, path) -> float | None:
    value = element.get(attribute)
    if value is None or not value.strip():
        return None
    try:
        return float(value)
    except ValueError:
        raise InputError(
            f"<{element.tag} {attribute}={value!r}> is not a time in seconds",
            path=path,
            line=element.sourceline,
            hint="write times as numbers of seconds, e.g. 12.5",
        ) from None


def _event(element: etree._Element) -> str:
    desc = collapse_spaces(element.get("desc") or element.get("type") or "")
    if not desc:
        return ""
    extent = element.get("extent")
    if extent == "begin":
        return f"[{desc}-]"
    if extent == "end":
        return f"[-{desc}]"
    return f"[{desc}]"


class _Run:
    """Text of one speaker inside a turn, with the time where it starts."""

    def __init__(self, who: int | None, time: float | None) -> None:
        self.who = who
        self.time = time
        self.parts: list[str] = []
        self.started = False

    def add(self, text: str | None, time: float | None) -> None:
        if not text:
            return
        if not self.started and text.strip():
            self.time = time
            self.started = True
        self.parts.append(text)

    @property
    def text(self) -> str:
        return collapse_spaces("".join(self.parts))


def _runs(turn: etree._Element, path) -> list[_Run]:
    """Split a ``<Turn>`` into runs at its ``<Who>`` marks, following ``<Sync>`` times."""
    time = _time(turn, "startTime", path)
    runs = [_Run(None, time)]
    runs[-1].add(turn.text, time)
    for child in turn:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "Sync":
            time = _time(child, "time", path)
        elif tag == "Who":
            try:
                who = int(child.get("nb", ""))
            except ValueError:
                raise InputError(
                    f"<Who nb={child.get('nb')!r}> is not a speaker number",
                    path=path,
                    line=child.sourceline,
                    hint='number the speakers of the turn from 1: <Who nb="1"/>',
                ) from None
            runs.append(_Run(who, time))
        elif tag == "Event":
            runs[-1].add(_event(child), time)
        elif tag == "Comment":
            desc = collapse_spaces(child.get("desc") or "")
            runs[-1].add(f"{{{desc}}}" if desc else "", time)
        runs[-1].add(child.tail, time)
    return [run for run in runs if run.text]


def _speaker_of(run: _Run, ids: list[str], turn: etree._Element, path) -> str | None:
    if run.who is None:
        return ids[0] if len(ids) == 1 else None
    if 1 <= run.who <= len(ids):
        return ids[run.who - 1]
    raise InputError(
        f'<Who nb="{run.who}"> but the turn has {len(ids)} speaker(s) ({" ".join(ids) or "none"})',
        path=path,
        line=turn.sourceline,
        hint="list every speaker of an overlapping turn in its speaker attribute",
    )


def trs_turns(
    root: etree._Element, *, path: str | os.PathLike | None = None
) -> tuple[list[Turn], dict[str, Any], list[Problem]]:
    """Turns, attributes and warnings of a parsed Transcriber document.

    Parameters
    ----------
    root : lxml element
        The ``<Trans>`` element (from :func:`research.files.parse_xml`).
    path : path-like, optional
        Named in errors and warnings.

    Returns
    -------
    turns : list of Turn
    metadata : dict
        ``audio`` and ``scribe`` when given, ``segmentation: turns`` and every
        label in ``speakers`` (no actor yet).
    problems : list of Problem

    Raises
    ------
    InputError
        When the root is not ``<Trans>``, a time is not a number, or a ``<Who>``
        number has no speaker.
    """
    if root.tag != "Trans":
        raise InputError(
            f"not a Transcriber file: the root element is <{root.tag}>, expected <Trans>",
            path=path,
            line=root.sourceline,
            hint="export the transcription from Transcriber as .trs",
        )
    names = {s.get("id"): s.get("name") for s in root.iter("Speaker") if s.get("id")}
    topics = {t.get("id"): t.get("desc") or "" for t in root.iter("Topic") if t.get("id")}
    use_topics = any(s.get("topic") in topics for s in root.iter("Section"))
    labels = SpeakerLabels(path)
    problems: list[Problem] = []
    turns: list[Turn] = []
    for section in root.iter("Section"):
        heading = None
        if use_topics:
            heading = collapse_spaces(topics.get(section.get("topic"), "")) or _NO_TOPIC
        for turn in section.iter("Turn"):
            ids = (turn.get("speaker") or "").split()
            for run in _runs(turn, path):
                key = _speaker_of(run, ids, turn, path)
                if key is not None and key not in names:
                    problems.append(_unknown_speaker(key, turn, path))
                    names[key] = key
                label = UNKNOWN_SPEAKER if key is None else labels.label(key, names[key] or key)
                turns.append(Turn(run.time, label, run.text, heading))
    metadata: dict[str, Any] = {
        name: root.get(attr).strip()
        for attr, name in _ATTRIBUTES.items()
        if (root.get(attr) or "").strip()
    }
    metadata["segmentation"] = "turns"
    metadata["speakers"] = declared_speakers(turns)
    return turns, metadata, problems + labels.problems


def _unknown_speaker(key: str, turn: etree._Element, path) -> Problem:
    return Problem(
        "warning",
        f"speaker {key!r} is not declared in <Speakers>; its id is used as label",
        path=None if path is None else str(path),
        line=turn.sourceline,
        hint=f'add <Speaker id="{key}" name="…"/> to <Speakers>',
    )


@register(".trs")
def load_trs(path: Path, options: Limits) -> LoadedDocument:
    """Load a Transcriber ``.trs`` file as a transcript of speaker turns.

    Raises
    ------
    UnsafeInputError
        When the XML declares entities (billion laughs, external entities).
    InputError
        Malformed XML (with line and column), not a ``<Trans>`` document, a bad
        time, or no text in any turn.
    """
    path = Path(path)
    data = read_limited(path, max_bytes=options.max_file_bytes)
    data, problems = prepare_encoding(data, path=path)
    root = parse_xml(data, path=path)
    turns, metadata, more = trs_turns(root, path=path)
    if not turns:
        raise InputError(
            "the transcription has no text in any <Turn>",
            path=path,
            hint="check that the file was saved after transcribing",
        )
    return LoadedDocument(render_turns(turns), metadata, problems + more)
