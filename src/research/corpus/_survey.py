"""Survey spreadsheets: one document per respondent, open answers as text, the rest as attributes.

A questionnaire exported as a spreadsheet (CSV, TSV or XLSX: one row per
respondent, one column per question) is the core material of mixed methods: the
closed answers describe the respondents, the open answers are text to code.
:func:`read_survey` makes of each row a document:

- its **text** holds the respondent's open answers, each under its question as a
  ``#`` heading, so that every answer is a segment whose ``section`` is the
  question (an answer of several paragraphs is several segments of that
  question); line breaks inside a cell are kept;
- its **attributes** are the other columns, named by their headers and typed per
  column: whole numbers, decimal numbers (``3,5`` too), yes/no answers
  (``oui``/``non``, ``vrai``/``faux``, ``true``/``false``, ``yes``/``no``), dates
  (``2019-11-22``, ``22/11/2019`` or a date cell, kept as ISO text), the rest as
  categories (text); an empty cell gives no attribute. A column whose header is
  a key the corpus already uses (``id``, ``kind``, ``title``…) is kept as
  ``<header>_questionnaire``, except a ``date`` (or ``Date``) column of dates,
  which is the document's date; ``survey_row`` is the respondent's row in the spreadsheet;
- its **id** is the file name and the respondent's id, made into an id
  (``reponses-17``): the id column is the one given (``--id``), else a column named
  like an id (``id``, ``identifiant``, ``n°``, ``numéro``, ``répondant``…) whose
  cells are all filled and different, else the row number.

The open-answer columns are the ones given (``--open``, by header, the start of a
header, or column letter), else those that hold long free text: a cell with a line
break, or mostly different answers of six words or more. A respondent who gave no
open answer has no text and is left out (the summary says which rows).

Examples
--------
>>> import io
>>> csv = ("id;Commune;Âge;Qu'avez-vous retenu de la soirée ?\\n"
...        "17;Lons;34;Les gens se parlent enfin entre villages voisins.\\n")
>>> survey = read_survey(io.StringIO(csv), name="reponses.csv")
>>> doc = survey.documents[0]
>>> doc.metadata
{'id': 'reponses-17', 'id_questionnaire': 17, 'Commune': 'Lons', 'Âge': 34, 'survey_row': 2}
>>> print(doc.text, end="")
# Qu'avez-vous retenu de la soirée ?
<BLANKLINE>
Les gens se parlent enfin entre villages voisins.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
import statistics
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path, PurePath
from typing import IO, Any

from research.corpus._ids import document_id
from research.corpus.loaders import LoadedDocument
from research.errors import InputError, Problem, closest
from research.files import Limits, read_rows

__all__ = ["Survey", "SurveyOptions", "read_survey"]

_RESERVED = frozenset(
    ("id", "kind", "title", "date", "edition", "path", "sha256", "n_chars", "n_words",
     "n_segments", "doc_id", "source", "segmentation", "speakers", "respondent",
     "respondent_category", "participants", "actors", "survey_row")
)  # fmt: skip
_ID_NAMES = frozenset(
    ("id", "identifiant", "n", "no", "num", "numero", "n°", "repondant", "respondent",
     "respondent id", "participant", "code", "matricule", "ref", "reference")
)  # fmt: skip
_INT = re.compile(r"^[+-]?(?:0|[1-9]\d*)$")
_FLOAT = re.compile(r"^[+-]?\d+(?:[.,]\d+)?$")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}(?:[ T]\d{2}:\d{2}(?::\d{2})?)?$")
_FRENCH_DATE = re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})$")
_TRUE = frozenset({"oui", "vrai", "true", "yes"})
_FALSE = frozenset({"non", "faux", "false", "no"})
_SPACES = re.compile(r"[ \t\r\n]+")
_OPEN_WORDS = 6


@dataclass(frozen=True)
class SurveyOptions:
    """What the user said about a survey: its id column and its open-answer columns
    (``None``: found from the file)."""

    id_column: str | None = None
    open_columns: tuple[str, ...] | None = None


@dataclass
class Survey:
    """The documents made from a survey spreadsheet, and how its columns were read."""

    documents: list[LoadedDocument]
    id_column: str | None
    open_columns: list[str]
    attributes: dict[str, str]
    detected: bool
    left_out: list[int] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def summary(self) -> list[str]:
        """What was read, in a few lines for the command line."""
        how = "detected as long free text" if self.detected else "given with --open"
        lines = [
            f"open answers ({how}): " + "; ".join(repr(c) for c in self.open_columns),
            "respondent id: "
            + (f"column {self.id_column!r}" if self.id_column else "the row number"),
        ]
        if self.attributes:
            lines.append(
                "attributes: "
                + ", ".join(f"{name} ({kind})" for name, kind in self.attributes.items())
            )
        if self.left_out:
            rows = ", ".join(map(str, self.left_out[:20])) + (
                ", …" if len(self.left_out) > 20 else ""
            )
            lines.append(
                f"left out (no open answer): row{'s' if len(self.left_out) > 1 else ''} {rows}"
            )
        return lines


# -- columns --------------------------------------------------------------------------


def _clean(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _letters(index: int) -> str:
    """The spreadsheet letter of a column (0 → ``A``, 26 → ``AA``)."""
    out = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        out = chr(65 + rest) + out
    return out


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).strip(" .:#")


def _headers(row: list[str], width: int) -> list[str]:
    """Column names: headers with spaces collapsed, ``colonne C`` when empty, repeats numbered."""
    names: list[str] = []
    for i in range(width):
        name = _clean(row[i]) if i < len(row) else ""
        name = name or f"colonne {_letters(i)}"
        base, n = name, 2
        while name in names:
            name, n = f"{base} ({n})", n + 1
        names.append(name)
    return names


def _choose(given: str, names: list[str], where: str | None) -> int:
    """The column a user named: by header, column letter, or the start of one header."""
    folded = [name.casefold() for name in names]
    key = _clean(given).casefold()
    if key in folded:
        return folded.index(key)
    if re.fullmatch(r"[a-z]{1,3}", key):
        letters = [_letters(i).casefold() for i in range(len(names))]
        if key in letters:
            return letters.index(key)
    starting = [i for i, name in enumerate(folded) if name.startswith(key)]
    if len(starting) == 1:
        return starting[0]
    what = "several columns start with" if starting else "no column named"
    shown = [
        f"{_letters(i)}: {name[:40]}{'…' if len(name) > 40 else ''}" for i, name in enumerate(names)
    ]
    hint = closest(given, names) or (
        "give a header as written in the first row, its start, or a column letter; the "
        "columns are " + "; ".join(shown[:30]) + ("; …" if len(shown) > 30 else "")
    )
    raise InputError(f"{what} {given!r}", path=where, hint=hint)


# -- typing ---------------------------------------------------------------------------


def _date(text: str) -> str | None:
    if _ISO_DATE.match(text):
        with contextlib.suppress(ValueError):
            moment = dt.datetime.fromisoformat(text.replace(" ", "T"))
            return moment.date().isoformat() if len(text) == 10 else moment.isoformat()
        return None
    french = _FRENCH_DATE.match(text)
    if french:
        day, month, year = (int(g) for g in french.groups())
        with contextlib.suppress(ValueError):
            return dt.date(year, month, day).isoformat()
    return None


def _column_type(values: list[str]) -> str:
    """``integer``, ``number``, ``yes/no``, ``date`` or ``category`` for a column's cells."""
    filled = [v for v in values if v]
    if not filled:
        return "category"
    if all(_INT.match(v) for v in filled):
        return "integer"
    if all(_FLOAT.match(v) for v in filled):
        return "number"
    if all(v.casefold() in _TRUE | _FALSE for v in filled):
        return "yes/no"
    if all(_date(v) for v in filled):
        return "date"
    return "category"


def _typed(value: str, kind: str) -> Any:
    if kind == "integer":
        return int(value)
    if kind == "number":
        return float(value.replace(",", "."))
    if kind == "yes/no":
        return value.casefold() in _TRUE
    if kind == "date":
        return _date(value)
    return value


def _is_open(values: list[str]) -> bool:
    """Whether a column holds long free text (see the module notes)."""
    filled = [v for v in values if v]
    if not filled or _column_type(filled) != "category":
        return False
    if any("\n" in v for v in filled):
        return True
    words = statistics.median(len(v.split()) for v in filled)
    return words >= _OPEN_WORDS and len(set(filled)) >= 0.7 * len(filled)


def _id_column(names: list[str], columns: list[list[str]]) -> int | None:
    for i, name in enumerate(names):
        folded = _fold(name)
        if folded in _ID_NAMES or folded.startswith(("id ", "identifiant", "numero", "n° ")):
            values = columns[i]
            if all(values) and len(set(values)) == len(values):
                return i
    return None


def _attribute_name(name: str, kind: str) -> str:
    if name.casefold() == "date" and kind == "date":
        return "date"
    if name in _RESERVED:
        return f"{name}_questionnaire"
    return name


# -- reading --------------------------------------------------------------------------


def _answer(text: str) -> str:
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def read_survey(
    source: str | PathLike | IO[str] | IO[bytes],
    *,
    id_column: str | None = None,
    open_columns: Sequence[str] | None = None,
    options: Limits | None = None,
    name: str | None = None,
) -> Survey:
    """Read a survey spreadsheet into one document per respondent (see the module notes).

    Parameters
    ----------
    source : path or file object
        A ``.csv``, ``.tsv`` or ``.xlsx`` file (its first sheet; the first row holds
        the questions), or an open CSV stream.
    id_column : str, optional
        The column of the respondents' ids (header, start of a header, or letter).
    open_columns : sequence of str, optional
        The columns of open answers; default: those holding long free text.
    options : Limits, optional
        Limits on the file's size and on a workbook's zip container.
    name : str, optional
        The file name, for ids and messages, when ``source`` is a stream.

    Raises
    ------
    InputError
        A file that cannot be read, an unknown column, ids that repeat or are
        missing, or no open answer found.
    """
    path = Path(source) if isinstance(source, str | PathLike) else None
    where = str(path) if path else name
    stem = PurePath(path.name if path else (name or "questionnaire")).stem
    problems: list[Problem] = []
    numbered = [
        (number, row)
        for number, row in enumerate(
            read_rows(source, path=where, options=options, problems=problems), start=1
        )
        if any(cell.strip() for cell in row)
    ]
    rows = [row for _, row in numbered]
    if len(rows) < 2:
        raise InputError(
            "the survey has no answers: a first row of questions, then one row per respondent",
            path=where,
            hint="check that the answers are on the first sheet",
        )
    width = max(len(r) for r in rows)
    names = _headers(rows[0], width)
    numbers = [number for number, _ in numbered[1:]]  # as a spreadsheet shows them
    columns = [
        [(r[i] if i < len(r) else "").strip("\ufeff") for r in rows[1:]] for i in range(width)
    ]
    cleaned = [[_answer(v) if "\n" in v else v.strip() for v in col] for col in columns]
    keep = [i for i in range(width) if any(cleaned[i]) or not names[i].startswith("colonne ")]

    id_index = _choose(id_column, names, where) if id_column else _id_column(names, cleaned)
    if id_index is not None:
        _check_ids(cleaned[id_index], numbers, names[id_index], where)
    if open_columns:
        chosen = [_choose(c, names, where) for c in open_columns]
        open_index = list(dict.fromkeys(chosen))
    else:
        open_index = [i for i in keep if i != id_index and _is_open(cleaned[i])]
    if not open_index:
        raise InputError(
            "no column of open answers found (long free text)",
            path=where,
            hint="name them with --open, e.g. --open 'Qu'avez-vous retenu' --open F",
        )
    if id_index in open_index:
        raise InputError(
            f"column {names[id_index]!r} cannot be both the respondents' id and open answers",
            path=where,
            hint="give another --id or other --open columns",
        )
    kinds = {i: _column_type(cleaned[i]) for i in keep if i not in open_index}
    if id_index is not None:
        kinds[id_index] = _column_type(cleaned[id_index])
    attributes = {_attribute_name(names[i], kinds[i]): kinds[i] for i in keep if i in kinds}
    documents, left_out = [], []
    for r, number in enumerate(numbers):
        text = _text([(names[i], cleaned[i][r]) for i in open_index])
        if not text:
            left_out.append(number)
            continue
        respondent = cleaned[id_index][r] if id_index is not None else f"{number:03d}"
        meta: dict[str, Any] = {"id": document_id(f"{stem}-{respondent}")}
        for i in (i for i in keep if i in kinds):
            if cleaned[i][r]:
                meta[_attribute_name(names[i], kinds[i])] = _typed(cleaned[i][r], kinds[i])
        meta["survey_row"] = number
        documents.append(LoadedDocument(text, meta))
    if not documents:
        raise InputError(
            "no respondent gave an open answer", path=where, hint="check the --open columns"
        )
    return Survey(
        documents,
        names[id_index] if id_index is not None else None,
        [names[i] for i in open_index],
        attributes,
        detected=not open_columns,
        left_out=left_out,
        problems=problems,
    )


def _check_ids(values: list[str], numbers: list[int], name: str, where: str | None) -> None:
    seen: dict[str, int] = {}
    for value, number in zip(values, numbers, strict=True):
        if not value:
            raise InputError(
                f"row {number} has no respondent id in column {name!r}",
                path=where,
                hint="fill it in, or leave --id out to number respondents by their row",
            )
        if value in seen:
            raise InputError(
                f"rows {seen[value]} and {number} have the same respondent id {value!r}",
                path=where,
                hint=f"give every respondent an id of their own in column {name!r}",
            )
        seen[value] = number


def _text(answers: list[tuple[str, str]]) -> str:
    blocks = [f"# {question}\n\n{answer}" for question, answer in answers if answer]
    return "\n\n".join(blocks) + "\n" if blocks else ""
