"""Subtitle files (WebVTT ``.vtt``, SubRip ``.srt``) as transcripts in the turn grammar.

Videoconference software and automatic transcription tools export recordings as
subtitles: a list of *cues*, each a time span and one or a few lines of text. The
loader turns them into a stored text made of speaker turns, one turn per paragraph
(see ``docs/formats.md``)::

    [00:00:01.000] Marie : Bonjour à tous.

    [00:00:04.200] Paul : Bonjour !

so that the shared segmenter gives one segment per turn, with its speaker and its
start time in seconds, and a document imported into Markdown keeps the same
segments and offsets.

Rules
-----
- The speaker of a cue is given by a WebVTT voice tag (``<v Marie>``, also
  ``<v.loud Marie>``) or, when the cue has none, by a line starting with a label
  and a colon (``Marie: …``, ``Marie Dupont : …``, as Zoom writes them). A cue
  with several voices or labelled lines gives one run of text per speaker.
- Consecutive cues of the same speaker merge into one turn, whose time is the start
  of its first cue; the cues' texts are joined with a space.
- **Cues without a speaker** are kept, each as its own turn with the label
  ``Inconnu`` (unknown) and its start time: a label is needed for a line to be a
  turn and keep its time, and inventing a speaker would be less faithful. Unknown
  cues are never merged, since nothing says they come from one person.
- Inline markup is removed (``<i>``, ``<b>``, ``<c.x>``, ``<lang fr>``, ``<ruby>``,
  timestamp tags ``<00:00:01.500>``, SubRip ``<font …>`` and ``{\\an8}``), then HTML
  entities are decoded (``&amp;``, ``&lt;``, ``&nbsp;`` → U+00A0, numeric ones).
- The lines of a cue are joined with a space; runs of ordinary white space become
  one space, while no-break spaces (U+00A0, U+202F) and other fixed-width spaces
  are kept as they are.
- The ``WEBVTT`` header and ``NOTE``, ``STYLE`` and ``REGION`` blocks are ignored;
  cue identifiers and SubRip cue numbers are ignored; cue settings after the end
  time are ignored. A text block without a timing line is added to the cue before
  it, with a warning.
- Speaker names become labels of the turn grammar (1 to 4 words, starting with a
  capital letter, at most 40 characters): other characters are dropped and a
  warning names every name that had to change.

The turn rendering (:class:`Turn`, :func:`render_turns`, :func:`speaker_label`) is
shared with the Transcriber loader.

Examples
--------
>>> vtt = "WEBVTT\\n\\n00:01.000 --> 00:03.000\\n<v Marie>Bonjour.\\n\\n00:03.500 --> 00:05.000\\n<v Marie>Ça va ?\\n"
>>> print(render_turns(cues_to_turns(parse_cues(vtt, path="a.vtt"))[0]), end="")
[00:00:01.000] Marie : Bonjour. Ça va ?
"""

from __future__ import annotations

import functools
import html
import os
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path
from typing import NamedTuple

from research.corpus._segmenting import segment_turns
from research.corpus.loaders import Limits, LoadedDocument, register
from research.errors import InputError, Problem
from research.files import decode_bytes, read_limited
from research.text import normalise

__all__ = [
    "UNKNOWN_SPEAKER",
    "Cue",
    "SpeakerLabels",
    "Turn",
    "clean_cue_text",
    "collapse_spaces",
    "cues_to_turns",
    "declared_speakers",
    "format_timestamp",
    "load_subtitles",
    "parse_cues",
    "render_turns",
    "speaker_label",
]

UNKNOWN_SPEAKER = "Inconnu"
"""The label of turns whose speaker the file does not give."""

_MAX_HOURS = 100  # the turn grammar's timestamps have at most two digits of hours
_BREAKING = re.compile(r"[ \t\n\r\x0b\x0c\x1c-\x1f\x85\u2028\u2029]+")
_NAME_WORD = re.compile(r"[\w.'’-]+")
_FALLBACK_PREFIX = "Locuteur"
_TIMESTAMP = r"(?:(\d+):)?(\d{1,2}):(\d{2})(?:[.,](\d{1,3}))?"
_TIMING = re.compile(rf"^[ \t]*{_TIMESTAMP}[ \t]*-->[ \t]*{_TIMESTAMP}(?:[ \t].*)?$")
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:[ \t]+([^>]*))?>")
_TAG = re.compile(r"</?[A-Za-z][^<>]*>|<\d{1,2}:[\d:.]+>")
_ASS = re.compile(r"\{\\[^{}]*\}")
_SPACES = "[ \\t\\u00a0\\u202f]"
_PREFIX = re.compile(
    rf"^{_SPACES}*(?P<name>[^\W\d_][\w.'’-]*(?: [\w.'’-]+){{0,3}}){_SPACES}*:(?:{_SPACES}+|$)"
)
_SKIPPED_BLOCKS = ("WEBVTT", "NOTE", "STYLE", "REGION")


class Turn(NamedTuple):
    """One speaker turn to render: start time (s), label, text, and section."""

    time: float | None
    speaker: str
    text: str
    section: str | None = None


class Cue(NamedTuple):
    """One run of text of a subtitle cue, with its speaker's name when given."""

    start: float
    end: float
    speaker: str | None
    text: str
    line: int


def collapse_spaces(text: str) -> str:
    """Turn runs of breaking white space into one space and strip the ends.

    No-break spaces (U+00A0, U+202F) and other fixed-width spaces are kept.

    Examples
    --------
    >>> collapse_spaces("  Bonjour\\n  à\\u202ftous\\u00a0!\\t")
    'Bonjour à\\u202ftous\\xa0!'
    """
    return _BREAKING.sub(" ", text).strip()


def format_timestamp(seconds: float) -> str:
    """Format seconds as ``hh:mm:ss.mmm``, the timestamps of the turn grammar.

    Examples
    --------
    >>> format_timestamp(62.5)
    '00:01:02.500'
    >>> format_timestamp(3723.0004)
    '01:02:03.000'
    """
    millis = round(seconds * 1000)
    hours, millis = divmod(millis, 3_600_000)
    minutes, millis = divmod(millis, 60_000)
    secs, millis = divmod(millis, 1000)
    return f"{hours:02d}:{minutes:02d}:{secs:02d}.{millis:03d}"


@functools.lru_cache(maxsize=4096)
def _is_label(label: str) -> bool:
    """Whether the shared segmenter reads ``label`` back from a rendered turn."""
    segments = segment_turns(f"[00:00:00.000] {label} : x\n" * 2)  # a label must recur
    return len(segments) == 2 and all(s.speaker == label and s.time == 0.0 for s in segments)


def speaker_label(name: str) -> str | None:
    """The label of the turn grammar closest to a speaker's name.

    Characters other than letters, digits, ``.``, ``'``, ``’`` and ``-`` become word
    breaks, only the first 4 words are kept (within 40 characters) and a leading
    lower-case letter is capitalised.

    Returns
    -------
    str or None
        ``None`` when no label can be made (no letters, or a first letter the
        grammar does not accept as a capital).

    Examples
    --------
    >>> speaker_label("Mme Dupont (élue)")
    'Mme Dupont élue'
    >>> speaker_label("élodie")
    'Élodie'
    >>> speaker_label("Jean-Pierre de la Fontaine Martin")
    'Jean-Pierre de la Fontaine'
    >>> speaker_label("??") is None
    True
    """
    words = _NAME_WORD.findall(unicodedata.normalize("NFC", name))[:4]
    while words and len(" ".join(words)) > 40:
        words.pop()
    if not words:
        return None
    label = " ".join(words)
    if label[0].islower():
        label = label[0].upper() + label[1:]
    return label if _is_label(label) else None


class SpeakerLabels:
    """Labels for the speakers of one file: stable, valid and distinct.

    Parameters
    ----------
    path : path-like, optional
        Named in the warnings.

    Attributes
    ----------
    problems : list of Problem
        A warning for every name that had to change to become a label.

    Examples
    --------
    >>> labels = SpeakerLabels()
    >>> labels.label("spk1", "Marie (animatrice)"), labels.label("spk2", "Marie animatrice")
    ('Marie animatrice', 'Marie animatrice 2')
    >>> labels.label("spk3", None)
    'Inconnu'
    >>> len(labels.problems)
    2
    """

    def __init__(self, path: str | os.PathLike | None = None) -> None:
        self.path = None if path is None else str(path)
        self.problems: list[Problem] = []
        self._by_key: dict[str, str] = {}
        self._taken: set[str] = set()

    def label(self, key: str, name: str | None) -> str:
        """The label of the speaker ``key`` (an id, or the name itself) called ``name``."""
        if key in self._by_key:
            return self._by_key[key]
        if name is None or not name.strip():
            return UNKNOWN_SPEAKER
        label = self._make(name)
        self._by_key[key] = label
        self._taken.add(label)
        if label != collapse_spaces(name):
            self.problems.append(
                Problem(
                    "warning",
                    f"speaker {name!r} is written {label!r} in the text, as speaker "
                    "labels are 1 to 4 words starting with a capital letter",
                    path=self.path,
                    hint="map the label to an actor with 'speakers:' if needed",
                )
            )
        return label

    def _make(self, name: str) -> str:
        label = speaker_label(name)
        if label is None:
            candidate = " ".join([_FALLBACK_PREFIX, *_NAME_WORD.findall(name)[:3]])
            if candidate != _FALLBACK_PREFIX and speaker_label(candidate) == candidate:
                label = candidate
        if label is not None and label not in self._taken:
            return label
        bases = (
            [_FALLBACK_PREFIX] if label is None else [" ".join(label.split()[:3]), _FALLBACK_PREFIX]
        )
        for base in bases:
            for number in range(2 if base != _FALLBACK_PREFIX else 1, len(self._taken) + 3):
                candidate = speaker_label(f"{base} {number}")
                if candidate == f"{base} {number}" and candidate not in self._taken:
                    return candidate
        raise AssertionError("unreachable: 'Locuteur N' labels are always free")


def render_turns(turns: Iterable[Turn]) -> str:
    """Render turns as a stored text in the turn grammar, one turn per paragraph.

    A turn whose ``section`` differs from the previous one is preceded by a
    ``# section`` heading line. Times of 100 hours or more are left out (the turn
    grammar has two digits of hours).

    Examples
    --------
    >>> print(render_turns([Turn(1.5, "Marie", "Bonjour."), Turn(None, "Paul", "Oui.")]), end="")
    [00:00:01.500] Marie : Bonjour.
    <BLANKLINE>
    Paul : Oui.
    """
    blocks: list[str] = []
    section: str | None = None
    for turn in turns:
        if turn.section is not None and turn.section != section:
            section = turn.section
            blocks.append(f"# {collapse_spaces(section)}")
        stamp = ""
        if turn.time is not None and 0 <= turn.time < _MAX_HOURS * 3600:
            stamp = f"[{format_timestamp(turn.time)}] "
        blocks.append(f"{stamp}{turn.speaker} : {turn.text}")
    return "\n\n".join(blocks) + "\n" if blocks else ""


def declared_speakers(turns: Iterable[Turn]) -> dict[str, None]:
    """The ``speakers:`` metadata of rendered turns: every label, in order, no actor yet.

    Declared, a label starts a turn even when the speaker speaks once (an undeclared
    label must recur, see :func:`research.corpus.segment_turns`); imported into
    Markdown, the mapping is ready for the actor ids.

    Examples
    --------
    >>> declared_speakers([Turn(None, "Marie", "Oui."), Turn(None, "Paul", "Non."),
    ...                    Turn(None, "Marie", "Si.")])
    {'Marie': None, 'Paul': None}
    """
    return dict.fromkeys(turn.speaker for turn in turns)


def _seconds(groups: tuple[str | None, ...]) -> float:
    hours, minutes, seconds, fraction = groups
    value = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
    return value + (float(f"0.{fraction}") if fraction else 0.0)


def clean_cue_text(text: str) -> str:
    """Remove inline markup, decode HTML entities and collapse white space.

    Examples
    --------
    >>> clean_cue_text("<i>L’atelier</i> &amp; <c.jaune>la<00:00:02.000> navette</c>&nbsp;!")
    'L’atelier & la navette\\xa0!'
    >>> clean_cue_text("{\\\\an8}<font color='red'>Oui</font>\\nbien sûr")
    'Oui bien sûr'
    """
    return collapse_spaces(html.unescape(_strip_markup(text)))


def _strip_markup(text: str) -> str:
    return _ASS.sub("", _TAG.sub("", text))


def _voice_runs(payload: str) -> list[tuple[str | None, str]]:
    """Split a cue's payload at its voice tags into ``(name, raw text)`` runs."""
    matches = list(_VOICE.finditer(payload))
    if not matches:
        return _prefix_runs(payload)
    runs: list[tuple[str | None, str]] = []
    if payload[: matches[0].start()].strip():
        runs.append((None, payload[: matches[0].start()]))
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(payload)
        name = html.unescape(match.group(1) or "").strip() or None
        runs.append((name, payload[match.end() : end]))
    return runs


def _prefix_runs(payload: str) -> list[tuple[str | None, str]]:
    """Split a cue's payload at lines that start with ``Label:``."""
    runs: list[tuple[str | None, list[str]]] = []
    for line in payload.split("\n"):
        stripped = _strip_markup(line)
        match = _PREFIX.match(stripped)
        if match:
            runs.append((match.group("name"), [stripped[match.end() :]]))
        elif runs:
            runs[-1][1].append(line)
        else:
            runs.append((None, [line]))
    return [(name, "\n".join(lines)) for name, lines in runs]


def _blocks(text: str) -> list[tuple[int, list[str]]]:
    """Blocks of non-blank lines with the line number (1-based) of their first line."""
    blocks: list[tuple[int, list[str]]] = []
    current: list[str] = []
    first = 0
    for number, line in enumerate(text.split("\n"), start=1):
        if line.strip():
            if not current:
                first = number
            current.append(line)
        elif current:
            blocks.append((first, current))
            current = []
    if current:
        blocks.append((first, current))
    return blocks


def _skipped(lines: list[str]) -> bool:
    head = lines[0].strip()
    return any(
        head == word or head.startswith((word + " ", word + "\t")) for word in _SKIPPED_BLOCKS
    )


def parse_cues(
    text: str,
    *,
    path: str | os.PathLike | None = None,
    problems: list[Problem] | None = None,
) -> list[Cue]:
    """Parse WebVTT or SubRip text into cue runs (one per speaker within a cue).

    Parameters
    ----------
    text : str
        The decoded, normalised file content.
    path : path-like, optional
        Named in errors and warnings.
    problems : list of Problem, optional
        Receives warnings (a text block without timing line).

    Returns
    -------
    list of Cue
        Runs with empty text are dropped.

    Raises
    ------
    InputError
        When a timing line cannot be read (with its line number).

    Examples
    --------
    >>> srt = "1\\n00:00:01,000 --> 00:00:02,500\\nMarie : Bonjour.\\nPaul : Salut.\\n"
    >>> [(c.start, c.speaker, c.text) for c in parse_cues(srt)]
    [(1.0, 'Marie', 'Bonjour.'), (1.0, 'Paul', 'Salut.')]
    """
    cues: list[Cue] = []
    for first, lines in _blocks(text):
        timing_at = next((i for i, line in enumerate(lines[:2]) if "-->" in line), None)
        if timing_at is None:
            if _skipped(lines):
                continue
            _orphan(cues, first, lines, path, problems)
            continue
        timing = _TIMING.match(lines[timing_at])
        if timing is None:
            raise InputError(
                f"cannot read the cue timing {lines[timing_at].strip()!r}",
                path=path,
                line=first + timing_at,
                hint="write it as 'hh:mm:ss.mmm --> hh:mm:ss.mmm' (',' before the "
                "milliseconds in .srt)",
            )
        start, end = _seconds(timing.groups()[:4]), _seconds(timing.groups()[4:])
        payload = "\n".join(lines[timing_at + 1 :])
        for name, raw in _voice_runs(payload):
            cleaned = clean_cue_text(raw)
            if cleaned:
                cues.append(Cue(start, end, name, cleaned, first + timing_at + 1))
    return cues


def _orphan(cues, first, lines, path, problems) -> None:
    """A text block without timing line: added to the previous cue, with a warning."""
    cleaned = clean_cue_text("\n".join(lines))
    if problems is not None:
        what = "added to the cue before it" if cues else "ignored (no cue before it)"
        problems.append(
            Problem(
                "warning",
                f"text block without a timing line; {what}",
                path=None if path is None else str(path),
                line=first,
                hint="remove the blank line inside the cue, or add a timing line",
            )
        )
    if cues and cleaned:
        cues[-1] = cues[-1]._replace(text=f"{cues[-1].text} {cleaned}")


def cues_to_turns(
    cues: Iterable[Cue], *, path: str | os.PathLike | None = None
) -> tuple[list[Turn], list[Problem]]:
    """Merge cue runs into turns: consecutive runs of one named speaker join.

    Returns
    -------
    turns : list of Turn
    problems : list of Problem
        Warnings for speaker names changed to fit the label grammar.

    Examples
    --------
    >>> cues = [Cue(1, 2, "Marie", "Oui.", 3), Cue(2, 3, "Marie", "Bien.", 6),
    ...         Cue(4, 5, None, "Applaudissements.", 9)]
    >>> cues_to_turns(cues)[0]
    [Turn(time=1, speaker='Marie', text='Oui. Bien.', section=None), Turn(time=4, speaker='Inconnu', text='Applaudissements.', section=None)]
    """
    labels = SpeakerLabels(path)
    groups: list[tuple[float, str, list[str]]] = []
    for cue in cues:
        label = labels.label(cue.speaker or "", cue.speaker)
        if groups and cue.speaker and groups[-1][1] == label:
            groups[-1][2].append(cue.text)
        else:
            groups.append((cue.start, label, [cue.text]))
    turns = [Turn(start, label, " ".join(texts)) for start, label, texts in groups]
    return turns, labels.problems


@register(".vtt", ".srt")
def load_subtitles(path: Path, options: Limits) -> LoadedDocument:
    """Load a WebVTT or SubRip file as a transcript of speaker turns.

    The metadata sets ``segmentation: turns`` and declares every label in
    ``speakers`` (see :func:`declared_speakers`).

    Raises
    ------
    InputError
        Bad encoding, an unreadable timing line, or a file without any cue text.
    """
    path = Path(path)
    data = read_limited(path, max_bytes=options.max_file_bytes)
    text, problems = decode_bytes(data, path=path)
    text = normalise(text)
    if path.suffix.lower() == ".vtt" and text.strip() and not text.lstrip().startswith("WEBVTT"):
        problems.append(
            Problem(
                "warning",
                "a WebVTT file should start with the line 'WEBVTT'; read anyway",
                path=str(path),
                line=1,
                hint="check that the file is really WebVTT",
            )
        )
    cues = parse_cues(text, path=path, problems=problems)
    if not cues:
        raise InputError(
            "the subtitle file has no cue with text",
            path=path,
            hint="a cue is a timing line 'hh:mm:ss.mmm --> hh:mm:ss.mmm' followed by "
            "its text, and cues are separated by blank lines",
        )
    turns, label_problems = cues_to_turns(cues, path=path)
    metadata = {"segmentation": "turns", "speakers": declared_speakers(turns)}
    return LoadedDocument(render_turns(turns), metadata, problems + label_problems)
