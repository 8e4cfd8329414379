"""Replacing names inside the files a project keeps: YAML, CSV and XLSX.

Each file is changed where a name is and nowhere else, so that a pseudonymised
file differs from its original only by its names (and diffs well in git):

- YAML (front matter, codebooks, memos): the values are found with PyYAML's
  composer, which gives each scalar's place in the text; a name is replaced in
  the text of the scalar itself. Values that are ids (``id``, ``kind``,
  ``respondent``, ``actors``…) are never touched; under ``speakers`` the labels
  (the keys) are replaced and the actor ids kept. The new text is read back and
  must give the same values as replacing the names in the values read from the
  old text; a scalar whose written form resists (an escape, an elision across a
  line break) is written again as a double-quoted scalar.
- CSV: rows are read with :mod:`csv`; a row that changes is written again with
  the file's delimiter and line ending, the other lines are kept byte for byte.
- XLSX: the cells of text columns of every sheet are changed with openpyxl.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter
from collections.abc import Callable, Iterable
from typing import Any

import yaml

from research.errors import InputError
from research.privacy._matching import NameMatcher, Replaced, replace_names

__all__ = [
    "CODEBOOK_IDS",
    "FRONT_MATTER_IDS",
    "MEMO_IDS",
    "Replacer",
    "csv_delimiter",
    "rename_ids_in_yaml",
    "replace_in_csv",
    "replace_in_values",
    "replace_in_xlsx",
    "replace_in_yaml",
]

#: Front-matter keys whose values are ids, dates or settings, never names.
FRONT_MATTER_IDS = frozenset(
    {
        "id", "kind", "date", "edition", "respondent", "respondent_category",
        "organisation_type", "workshop", "meeting", "participants", "actors",
        "segmentation", "duration_min", "sha256", "language",
    }
)  # fmt: skip
#: Memo front-matter keys whose values are ids (links to codes, documents, memos, and
#: the ids of a linked coding; its ``quote`` is text, replaced like the coding's own).
MEMO_IDS = frozenset(
    {"id", "kind", "date", "created", "updated", "codes", "code", "documents", "document",
     "doc_id", "coder", "start", "end", "memos", "links", "segments"}
)  # fmt: skip
#: Codebook keys whose values are ids or settings.
CODEBOOK_IDS = frozenset({"id", "parent", "color", "colour", "codable", "level", "version"})
#: Keys whose mapping keys are speaker labels (replaced) and values actor ids (kept).
LABEL_KEYS = frozenset({"speakers"})

_STR = "tag:yaml.org,2002:str"


class Replacer:
    """Replace names with one matcher, counting what each form became.

    Examples
    --------
    >>> from research.privacy._matching import Form
    >>> replacer = Replacer(NameMatcher([Form("Hélène", "Agathe")]))
    >>> replacer("Bonjour Hélène"), dict(replacer.counts)
    ('Bonjour Agathe', {'Hélène': 1})
    """

    def __init__(self, matcher: NameMatcher) -> None:
        self.matcher = matcher
        self.counts: Counter[str] = Counter()

    def replaced(self, text: str) -> Replaced:
        result = replace_names(text, self.matcher)
        for match in result.matches:
            if match.form.replacement is not None:
                self.counts[match.form.text] += 1
        return result

    def __call__(self, text: str) -> str:
        return self.replaced(text).text

    def quietly(self, text: str) -> str:
        """The replaced text, not counted (for checks of work already counted)."""
        return replace_names(text, self.matcher).text


# -- YAML ---------------------------------------------------------------------------------


def replace_in_values(
    value: Any,
    replace: Callable[[str], str],
    *,
    ids: frozenset[str],
    labels: frozenset[str] = LABEL_KEYS,
) -> Any:
    """A copy of a YAML value with names replaced in its texts (the same rules as
    :func:`replace_in_yaml`, on values already read).

    Examples
    --------
    >>> replace_in_values({"title": "Hélène", "respondent": "Hélène", "speakers": {"Hélène": "P1"}},
    ...                   lambda s: s.replace("Hélène", "Agathe"), ids=frozenset({"respondent"}))
    {'title': 'Agathe', 'respondent': 'Hélène', 'speakers': {'Agathe': 'P1'}}
    """
    if isinstance(value, dict):
        out = {}
        for key, item in value.items():
            if key in ids:
                out[key] = item
            elif key in labels and isinstance(item, dict):
                out.update({key: {_text(k, replace): v for k, v in item.items()}})
            else:
                out[key] = replace_in_values(item, replace, ids=ids, labels=labels)
        return out
    if isinstance(value, list):
        return [replace_in_values(item, replace, ids=ids, labels=labels) for item in value]
    return _text(value, replace)


def _text(value: Any, replace: Callable[[str], str]) -> Any:
    return replace(value) if isinstance(value, str) else value


def _scalars(node: yaml.Node, ids: frozenset[str], labels: frozenset[str]):
    """The string scalars of a composed YAML tree whose names are to be replaced."""
    if isinstance(node, yaml.MappingNode):
        for key, item in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name in ids:
                continue
            if name in labels and isinstance(item, yaml.MappingNode):
                yield from (k for k, _ in item.value if _is_text(k))
                continue
            yield from _scalars(item, ids, labels)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _scalars(item, ids, labels)
    elif _is_text(node):
        yield node


def _is_text(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == _STR


def _quoted(value: str) -> str:
    dumped = yaml.safe_dump(value, default_style='"', allow_unicode=True, width=1 << 30)
    return dumped.removesuffix("\n...\n").removesuffix("\n")


def replace_in_yaml(
    text: str,
    replace: Replacer,
    *,
    ids: frozenset[str],
    labels: frozenset[str] = LABEL_KEYS,
    path: str | None = None,
) -> str:
    """Replace names in the text values of a YAML text, keeping everything else.

    Parameters
    ----------
    text : str
        A YAML document (a whole file, or the inside of a front matter).
    replace : Replacer
    ids : frozenset of str
        Keys whose values are never changed.
    labels : frozenset of str
        Keys whose mapping keys are replaced (speaker labels) and values kept.
    path : str, optional
        The file, for errors.

    Returns
    -------
    str
        The new text (``text`` itself when nothing changed).

    Raises
    ------
    InputError
        When the new text would not read back as the same values with the names
        replaced (it is then left for the researcher to change by hand).

    Examples
    --------
    >>> from research.privacy._matching import Form
    >>> replacer = Replacer(NameMatcher([Form("Hélène", "Agathe")]))
    >>> print(replace_in_yaml("id: Hélène  # Hélène\\ntitle: Chez Hélène\\nspeakers:\\n  Hélène: P12\\n",
    ...                       replacer, ids=frozenset({"id"})), end="")
    id: Hélène  # Agathe
    title: Chez Agathe
    speakers:
      Agathe: P12
    """
    if not text.strip():
        return text
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
        before = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML ({exc})", path=path) from None
    if root is None:
        return text
    edits = []
    for node in _scalars(root, ids, labels):
        start, end = node.start_mark.index, node.end_mark.index
        raw = text[start:end]
        new_raw = replace(raw)
        new_value = replace.quietly(node.value)
        if new_raw != raw or new_value != node.value:
            edits.append((start, end, new_raw, new_value))
    # Comments (and anything else between the values) lose their names too.
    spans = sorted((n.start_mark.index, n.end_mark.index) for n in _all_scalars(root))
    last = 0
    for start, end in [*spans, (len(text), len(text))]:
        if start > last:
            gap = text[last:start]
            new_gap = replace(gap)
            if new_gap != gap:
                edits.append((last, start, new_gap, None))
        last = max(last, end)
    if not edits:
        return text
    edits.sort()
    expected = replace_in_values(before, replace.quietly, ids=ids, labels=labels)
    for attempt in ("as written", "quoted", "values only"):
        pieces, last = [], 0
        for start, end, new_raw, new_value in edits:
            if new_value is None:  # between the values
                written = text[start:end] if attempt == "values only" else new_raw
            else:
                written = new_raw if attempt == "as written" else _quoted(new_value)
            pieces += [text[last:start], written]
            last = end
        pieces.append(text[last:])
        new_text = "".join(pieces)
        try:
            if yaml.safe_load(new_text) == expected:
                return new_text
        except yaml.YAMLError:
            pass
    raise InputError(
        "the names in this YAML cannot be replaced without changing its structure",
        path=path,
        hint="replace them by hand, then run the command again",
    )


def rename_ids_in_yaml(
    text: str,
    mapping: dict[str, str],
    *,
    keys: set[str] | None = None,
    path: str | None = None,
) -> str:
    """Replace scalars that are exactly an old id by the new one (document renames).

    Parameters
    ----------
    text : str
    mapping : dict
        Old id to new id.
    keys : set of str, optional
        Only the values of these keys (at any depth); default: every scalar value.

    Examples
    --------
    >>> print(rename_ids_in_yaml("camille:\\n  documents: [INT01, Entretien-Helene]\\n",
    ...                          {"Entretien-Helene": "Entretien-Maud"}), end="")
    camille:
      documents: [INT01, Entretien-Maud]
    """
    if not mapping or not text.strip():
        return text
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        raise InputError(f"not valid YAML ({exc})", path=path) from None
    if root is None:
        return text
    edits = []

    def walk(node: yaml.Node, inside: bool) -> None:
        if isinstance(node, yaml.MappingNode):
            for key, item in node.value:
                name = key.value if isinstance(key, yaml.ScalarNode) else None
                walk(item, inside or keys is None or name in keys)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                walk(item, inside)
        elif _is_text(node) and inside and node.value in mapping:
            new = mapping[node.value]
            written = new if node.style is None else _quoted(new)
            edits.append((node.start_mark.index, node.end_mark.index, written))

    walk(root, keys is None)
    pieces, last = [], 0
    for start, end, written in sorted(edits):
        pieces += [text[last:start], written]
        last = end
    pieces.append(text[last:])
    return "".join(pieces)


def _all_scalars(node: yaml.Node):
    if isinstance(node, yaml.MappingNode):
        for key, item in node.value:
            yield from _all_scalars(key)
            yield from _all_scalars(item)
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            yield from _all_scalars(item)
    elif isinstance(node, yaml.ScalarNode):
        yield node


# -- CSV ----------------------------------------------------------------------------------


def csv_delimiter(text: str) -> str:
    """The delimiter of a CSV text: the most frequent of ``,``, ``;`` and tab on its
    first line (the rule of the edition tables)."""
    header = text.split("\n", 1)[0]
    counts = {d: header.count(d) for d in (",", ";", "\t")}
    best = max(counts, key=lambda d: counts[d])
    return best if counts[best] else ","


def _rows_with_lines(text: str, delimiter: str) -> Iterable[tuple[list[str], str]]:
    """Each CSV row with the exact text of the lines it was read from."""
    lines = text.splitlines(keepends=True)
    reader = csv.reader(iter(lines), delimiter=delimiter)
    consumed = 0
    for row in reader:
        raw = "".join(lines[consumed : reader.line_num])
        consumed = reader.line_num
        yield row, raw


def replace_in_csv(
    text: str,
    transform: Callable[[list[str], list[str], int], list[str] | None],
    *,
    path: str | None = None,
    sort_key: Callable[[list[str], list[str]], tuple | None] | None = None,
) -> str:
    """Rewrite the rows of a CSV text that ``transform`` changes; keep the others.

    Parameters
    ----------
    text : str
    transform : callable
        ``transform(header, row, row_number)`` returns the new row, or ``None`` to
        leave the row out (the header is row 1, as a spreadsheet shows it).
    path : str, optional
        The file, for errors.
    sort_key : callable, optional
        ``sort_key(header, row)``: the order the rows of the file keep; when the new
        rows are out of that order they are sorted again (stably).

    Examples
    --------
    >>> print(replace_in_csv("a;b\\n1;Hélène\\n2;x\\n",
    ...       lambda h, r, n: [c.replace("Hélène", "A;B") for c in r]), end="")
    a;b
    1;"A;B"
    2;x
    """
    body = text.removeprefix("\ufeff")
    bom = text[: len(text) - len(body)]
    delimiter = csv_delimiter(body)
    head: list[str] = [bom]
    rows: list[tuple[list[str], str]] = []
    header: list[str] | None = None
    try:
        for number, (row, raw) in enumerate(_rows_with_lines(body, delimiter), 1):
            if header is None:
                header = row
                head.append(raw)
                continue
            new = transform(header, row, number)
            if new is None:
                continue
            if new == row:
                rows.append((new, raw))
                continue
            ending = raw[len(raw.rstrip("\r\n")) :] or "\n"
            buffer = io.StringIO()
            csv.writer(buffer, delimiter=delimiter, lineterminator=ending).writerow(new)
            rows.append((new, buffer.getvalue()))
    except csv.Error as exc:
        raise InputError(f"the CSV cannot be read ({exc})", path=path) from None
    if sort_key is not None and header is not None:
        keys = [sort_key(header, row) for row, _ in rows]
        if None not in keys and any(a > b for a, b in itertools.pairwise(keys)):
            order = sorted(range(len(rows)), key=keys.__getitem__)
            rows = [rows[i] for i in order]
            if rows and not rows[-1][1].endswith(("\n", "\r")):
                rows = [(r, raw if raw.endswith(("\n", "\r")) else raw + "\n") for r, raw in rows]
    return "".join(head) + "".join(raw for _, raw in rows)


# -- XLSX ---------------------------------------------------------------------------------


def replace_in_xlsx(
    data: bytes,
    replace: Callable[[str], str],
    *,
    keep: Callable[[str], bool],
    path: str | None = None,
) -> bytes | None:
    """Replace names in the text cells of every sheet of a workbook.

    Parameters
    ----------
    data : bytes
        The ``.xlsx`` file.
    replace : callable
    keep : callable
        ``keep(header)`` is true for the columns never changed (ids); the first
        row of each sheet holds the headers.

    Returns
    -------
    bytes or None
        The new workbook, or ``None`` when no cell changed.
    """
    import openpyxl

    try:
        book = openpyxl.load_workbook(io.BytesIO(data))
    except Exception as exc:  # openpyxl raises many unrelated types for a broken file
        raise InputError(f"the workbook cannot be opened ({exc})", path=path) from None
    changed = False
    for sheet in book.worksheets:
        headers: dict[int, str] = {}
        for row_index, row in enumerate(sheet.iter_rows(), 1):
            for cell in row:
                if row_index == 1:
                    headers[cell.column] = str(cell.value or "")
                    continue
                if not isinstance(cell.value, str) or keep(headers.get(cell.column, "")):
                    continue
                new = replace(cell.value)
                if new != cell.value:
                    cell.value = new
                    changed = True
    if not changed:
        return None
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
