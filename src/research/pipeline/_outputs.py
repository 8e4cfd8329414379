"""Saving a chapter's tables, figures and quotes, reproducibly and with provenance.

Chapter notebooks call these functions instead of writing files themselves:

- :func:`save_table` writes a DataFrame as CSV (floats with a fixed number of
  significant digits), XLSX and LaTeX under ``tables/``: the CSV with the
  project's ids, for code to read again, the XLSX and the LaTeX (and the
  notebook's view) in the reader's version, French headers and labels
  (:func:`research.vocabulary.readers_table`);
- :func:`save_figure` writes a matplotlib figure as PNG and SVG under
  ``figures/``, without dates or software versions inside and with a fixed SVG
  id salt, so the same figure gives the same bytes;
- :func:`save_quotes` writes quotations as CSV and Markdown under ``quotes/``;
- :func:`save_page` writes a self-contained HTML page (an interactive view)
  under ``pages/``;
- :func:`record_input` hashes an input file the notebook read outside
  ``corpus/`` and ``codebook/`` (which the pipeline hashes anyway), so the run's
  ``provenance.json`` lists it and the cache notices when it changes.

Where files go
    When the pipeline runs a notebook (``research run``), the folder of the run,
    ``outputs/<chapter>/<run>/``, reaches the kernel in the environment variable
    ``RESEARCH_OUTPUT_DIR``. In JupyterLab, without that variable, files go to
    ``outputs/<chapter>/interactive/``, where ``<chapter>`` is the id that
    ``notebooks/chapters.yaml`` gives the open notebook (found from Jupyter's
    ``JPY_SESSION_NAME``), else the notebook's name, else ``scratch``. Call
    :func:`set_output_dir` to choose another folder.

Every save appends a line to the folder's ``.manifest.jsonl``; the pipeline turns
it into the ``outputs`` and ``recorded_inputs`` of ``provenance.json``.

Examples
--------
>>> import tempfile, pandas as pd
>>> folder = set_output_dir(tempfile.mkdtemp())
>>> saved = save_table(pd.DataFrame({"edition": ["SUT2016"], "share": [1 / 3]}), "shares",
...                    formats=("csv",))
>>> print(saved.paths[0].read_text(), end="")
edition,share
SUT2016,0.333333
>>> _ = set_output_dir(None)
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

import pandas as pd

from research.contracts import is_blank
from research.errors import InputError
from research.files import csv_text, stable_zip, xlsx_bytes
from research.vocabulary import readers_table

__all__ = [
    "Saved",
    "figure_bytes",
    "output_dir",
    "record_input",
    "save_figure",
    "save_page",
    "save_quotes",
    "save_table",
    "set_output_dir",
    "table_bytes",
]

ENV_OUTPUT_DIR = "RESEARCH_OUTPUT_DIR"
MANIFEST_FILE = ".manifest.jsonl"
#: Rows of a table shown in a notebook; the files always hold every row.
SHOWN_ROWS = 200
TableFormat = Literal["csv", "xlsx", "tex"]
FigureFormat = Literal["png", "svg", "pdf"]
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$")
_SVG_SALT = "research"
_chosen: Path | None = None


# -- where files go ------------------------------------------------------------------------


def set_output_dir(path: str | os.PathLike | None) -> Path | None:
    """Choose the folder outputs go to in this session (``None``: back to the default)."""
    global _chosen
    _chosen = None if path is None else Path(path).resolve()
    if _chosen is not None:
        _chosen.mkdir(parents=True, exist_ok=True)
    return _chosen


def _interactive_chapter(project: Any) -> str:
    session = os.environ.get("JPY_SESSION_NAME", "")
    name = Path(session).name if session else ""
    if not name.endswith(".ipynb"):
        return "scratch"
    try:
        from research.pipeline._chapters import CHAPTERS_FILE, read_chapters

        for chapter in read_chapters(project.paths.notebooks / CHAPTERS_FILE):
            if chapter.notebook.name == name:
                return chapter.id
    except Exception:  # an unreadable chapter list must not stop a save
        pass
    return Path(name).stem


def output_dir() -> Path:
    """The folder of the current run (created if needed); see the module notes.

    Examples
    --------
    >>> import tempfile
    >>> folder = set_output_dir(tempfile.mkdtemp())
    >>> output_dir() == folder
    True
    >>> _ = set_output_dir(None)
    """
    if _chosen is not None:
        folder = _chosen
    elif os.environ.get(ENV_OUTPUT_DIR):
        folder = Path(os.environ[ENV_OUTPUT_DIR])
    else:
        from research.project import open_project

        project = open_project()
        folder = project.paths.outputs / _interactive_chapter(project) / "interactive"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _target(kind: str, name: str) -> Path:
    if not isinstance(name, str) or not _NAME.match(name):
        raise InputError(
            f"{name!r} cannot name a saved {kind}",
            hint="use letters, digits, '.', '_' and '-' (no spaces or slashes), e.g. 'funnel_by_edition'",
        )
    folder = output_dir() / f"{kind}s"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / name


def _note(item: dict[str, Any]) -> None:
    with open(output_dir() / MANIFEST_FILE, "a", encoding="utf-8") as handle:
        handle.write(json.dumps(item, ensure_ascii=False, sort_keys=True) + "\n")


@dataclass(frozen=True)
class Saved:
    """What a save wrote: the files, the table as written in CSV, and the reader's version.

    A notebook shows the reader's version (``readers``, else ``frame``) whole:
    every column, in a container that scrolls sideways, and the first
    :data:`SHOWN_ROWS` rows, with a note saying how many the files hold.
    """

    kind: str
    name: str
    paths: list[Path]
    frame: pd.DataFrame | None = field(default=None, repr=False)
    caption: str | None = None
    readers: pd.DataFrame | None = field(default=None, repr=False)

    def _files(self) -> str:
        base = output_dir()
        names = []
        for path in self.paths:
            try:
                names.append(path.relative_to(base).as_posix())
            except ValueError:
                names.append(path.name)
        return ", ".join(names)

    def __repr__(self) -> str:
        return f"<saved {self.kind} {self.name!r}: {self._files()}>"

    def _repr_html_(self) -> str:
        from research.pages import render_snippet, table_context

        shown = self.readers if self.readers is not None else self.frame
        notes = []
        if shown is not None and len(shown) > SHOWN_ROWS:
            notes.append(
                f"Seules les {SHOWN_ROWS} premières lignes sur {len(shown)} sont affichées ; "
                f"les fichiers enregistrés contiennent le tableau entier."
            )
            shown = shown.head(SHOWN_ROWS)
        return render_snippet(
            "table.html",
            heading=self.caption or "",
            lead=f"enregistré : {self._files()}",
            data=table_context(shown) if shown is not None else None,
            notes=notes,
            scroll=True,
        )


# -- tables ----------------------------------------------------------------------------------


def _flat(value: Any) -> Any:
    if isinstance(value, list | tuple):
        return ";".join(map(str, value))
    if isinstance(value, set | frozenset):
        return ";".join(sorted(map(str, value)))
    return value


def _as_written(table: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """A copy of ``table`` with its meaningful index as columns and lists joined by ``;``.

    An index is meaningful when it is named or holds labels (not integers); an
    unnamed integer index (row numbers, perhaps reordered by a sort) is dropped.
    """
    frame = table.to_frame() if isinstance(table, pd.Series) else table.copy()
    # What an analysis attached to its table (the documents of each group, say) is not
    # written, and pandas would copy it deeply at every column taken: thousands of
    # columns times thousands of documents.
    frame.attrs = {}
    named = any(name is not None for name in frame.index.names)
    labelled = isinstance(frame.index, pd.MultiIndex) or not pd.api.types.is_integer_dtype(
        frame.index.dtype
    )
    frame = frame.reset_index(drop=not (named or labelled))
    frame.columns = [
        "_".join(map(str, c)) if isinstance(c, tuple) else str(c) for c in frame.columns
    ]
    for column in frame.columns:
        if frame[column].dtype == object:
            frame[column] = frame[column].map(_flat)
    return frame


def _csv_bytes(frame: pd.DataFrame, precision: int) -> bytes:
    return csv_text(frame, float_format=f"%.{precision}g").encode("utf-8")


def _xlsx_bytes(frame: pd.DataFrame, name: str) -> bytes:
    return stable_zip(xlsx_bytes(frame, sheet=name))


def _tex_bytes(frame: pd.DataFrame, name: str, caption: str | None, precision: int) -> bytes:
    text = frame.to_latex(
        index=False,
        caption=caption,
        label=f"tab:{name}",
        escape=True,
        na_rep="",
        float_format=lambda x: f"{x:.{precision}g}",
    )
    return text.encode("utf-8")


def table_bytes(
    table: pd.DataFrame | pd.Series,
    fmt: TableFormat,
    *,
    name: str = "table",
    caption: str | None = None,
    precision: int = 6,
    codebook: Any = None,
    values: Mapping[str, Mapping[str, str]] | None = None,
) -> bytes:
    """The bytes :func:`save_table` writes for one format (nothing is written).

    CSV holds the project's ids; XLSX and LaTeX hold the reader's version
    (:func:`research.vocabulary.readers_table`, with ``codebook`` for the labels
    of code ids and ``values`` for those of other columns).

    Examples
    --------
    >>> frame = pd.DataFrame({"a": [0.1 + 0.2]})
    >>> table_bytes(frame, "csv")
    b'a\\n0.3\\n'
    >>> table_bytes(frame, "xlsx") == table_bytes(frame.copy(), "xlsx")
    True
    """
    frame = _as_written(table)
    if fmt == "csv":
        return _csv_bytes(frame, precision)
    if fmt == "xlsx":
        return _xlsx_bytes(readers_table(frame, codebook=codebook, values=values), name)
    if fmt == "tex":
        readers = readers_table(frame, codebook=codebook, values=values)
        return _tex_bytes(readers, name, caption, precision)
    raise InputError(f"unknown table format {fmt!r}", hint="use 'csv', 'xlsx' or 'tex'")


def save_table(
    table: pd.DataFrame | pd.Series,
    name: str,
    *,
    formats: Sequence[TableFormat] = ("csv", "xlsx", "tex"),
    caption: str | None = None,
    precision: int = 6,
    codebook: Any = None,
    values: Mapping[str, Mapping[str, str]] | None = None,
) -> Saved:
    """Write a table as CSV, XLSX and LaTeX under ``tables/`` of the run folder.

    Two versions of one table. The CSV keeps the project's ids (column names
    such as ``persons``, values such as ``working_group``, code ids), for code
    that reads it again. The XLSX, the LaTeX and the view in a notebook are the
    reader's version: French headers, French labels for the values of known
    kinds (stages, categories, workshop types…) and, when ``codebook`` is
    given, the codes' labels for code ids (as columns, index or ``code``
    values); see :func:`research.vocabulary.readers_table`. Names without a
    label stay as they are. A notebook shows every column (the table scrolls
    sideways) and the first :data:`SHOWN_ROWS` rows, saying so when there are more.

    A named or labelled index becomes columns (row numbers are dropped, even
    after a sort); list cells are joined with
    ``;``; floats are written with ``precision`` significant digits (CSV and
    LaTeX), so sums computed in another order give the same file. Rows keep the
    order of ``table``: sort it in the analysis, not here.

    Parameters
    ----------
    table : DataFrame or Series
    name : str
        File name without suffix (letters, digits, ``.``, ``_``, ``-``).
    formats : sequence of {"csv", "xlsx", "tex"}
    caption : str, optional
        Kept in the LaTeX table, the provenance and the index page.
    precision : int
        Significant digits of floats.
    codebook : Codebook or mapping of code to label, optional
        Where the labels of code ids come from (pass the project's codebook
        for tables of codes).
    values : mapping of column name to a mapping of value to label, optional
        Labels of the cells of columns the vocabulary does not know (the forms
        of institutional work, say).

    Returns
    -------
    Saved
        Its paths, the table as written in CSV (``frame``) and the reader's
        version (``readers``, displayed in a notebook).

    Examples
    --------
    >>> import tempfile
    >>> _ = set_output_dir(tempfile.mkdtemp())
    >>> saved = save_table(pd.Series({"SUT2016": 3}, name="projects").rename_axis("edition"),
    ...                    "projects", formats=("csv", "tex"))
    >>> [p.name for p in saved.paths]
    ['projects.csv', 'projects.tex']
    >>> saved.frame.columns.tolist(), saved.readers.columns.tolist()
    (['edition', 'projects'], ['édition', 'projets'])
    >>> _ = set_output_dir(None)
    """
    target = _target("table", name)
    frame = _as_written(table)
    readers = readers_table(frame, codebook=codebook, values=values)
    paths = []
    for fmt in formats:
        data = table_bytes(
            frame,
            fmt,
            name=name,
            caption=caption,
            precision=precision,
            codebook=codebook,
            values=values,
        )
        path = target.with_suffix(f".{fmt}")
        _write(path, data)
        paths.append(path)
    _note(_manifest_item("table", name, paths, caption))
    return Saved("table", name, paths, frame, caption, readers)


def _write(path: Path, data: bytes) -> None:
    from research.files import atomic_write_bytes

    atomic_write_bytes(path, data)


def _current_cell() -> int | None:
    """The execution count of the notebook cell running now (``None`` outside IPython).

    Kept with each saved item, so that a chapter's results can be put back in
    the order of its notebook (``research export chapter``). It is read from the
    input history, which holds the running cell (the shell's own counter is
    already the next cell's while a cell runs).
    """
    try:
        from IPython import get_ipython
    except ImportError:  # pragma: no cover
        return None
    shell = get_ipython()
    history = getattr(shell, "user_ns", {}).get("In") if shell is not None else None
    return len(history) - 1 if isinstance(history, list) and len(history) > 1 else None


def _manifest_item(kind: str, name: str, paths: list[Path], caption: str | None) -> dict:
    base = output_dir()
    files = []
    for path in paths:
        try:
            files.append(path.relative_to(base).as_posix())
        except ValueError:
            files.append(path.as_posix())
    return {"kind": kind, "name": name, "caption": caption, "files": files, "cell": _current_cell()}


# -- figures ---------------------------------------------------------------------------------


def figure_bytes(fig: Any, fmt: FigureFormat, *, dpi: int = 150) -> bytes:
    """The bytes :func:`save_figure` writes for one format (nothing is written).

    No date and no software version inside, SVG element ids from a fixed salt:
    the same figure gives the same bytes. For commands that write a figure to
    a file the user names (``research codebook gioia --out``).

    Examples
    --------
    >>> from matplotlib.figure import Figure
    >>> fig = Figure(); _ = fig.add_subplot().plot([1, 2])
    >>> figure_bytes(fig, "svg") == figure_bytes(fig, "svg")
    True
    """
    import matplotlib

    figure = getattr(fig, "figure", fig)
    if not hasattr(figure, "savefig"):
        raise InputError(
            f"a figure must be a matplotlib figure, not {type(fig).__name__}",
            hint="pass the Figure (fig, ax = plt.subplots()) or an Axes",
        )
    if fmt not in ("png", "svg", "pdf"):
        raise InputError(f"unknown figure format {fmt!r}", hint="use 'png', 'svg' or 'pdf'")
    metadata = {"png": {"Software": None}, "svg": {"Date": None}, "pdf": {"CreationDate": None}}
    buffer = io.BytesIO()
    with matplotlib.rc_context({"svg.hashsalt": _SVG_SALT}):
        figure.savefig(buffer, format=fmt, dpi=dpi, metadata=metadata[fmt], bbox_inches="tight")
    return buffer.getvalue()


def save_figure(
    fig: Any,
    name: str,
    *,
    formats: Sequence[FigureFormat] = ("png", "svg"),
    caption: str | None = None,
    dpi: int = 150,
) -> Saved:
    """Write a matplotlib figure as PNG and SVG under ``figures/`` of the run folder.

    The files hold no date and no software version, and SVG element ids come
    from a fixed salt, so the same figure gives the same bytes on every run. The
    figure stays open (a notebook still shows it).

    Parameters
    ----------
    fig : matplotlib.figure.Figure
        A figure, or anything with a ``figure`` attribute (an Axes, a seaborn grid).
    name : str
        File name without suffix.
    formats : sequence of {"png", "svg", "pdf"}
    caption : str, optional
        Kept in the provenance and the index page.
    dpi : int
        Resolution of the PNG.

    Examples
    --------
    >>> import tempfile, matplotlib
    >>> matplotlib.use("Agg")
    >>> import matplotlib.pyplot as plt
    >>> _ = set_output_dir(tempfile.mkdtemp())
    >>> fig, ax = plt.subplots()
    >>> _ = ax.bar(["a", "b"], [1, 2])
    >>> first = save_figure(fig, "bars", formats=("svg",)).paths[0].read_bytes()
    >>> first == save_figure(fig, "bars", formats=("svg",)).paths[0].read_bytes()
    True
    >>> plt.close(fig); _ = set_output_dir(None)
    """
    figure = getattr(fig, "figure", fig)
    if not hasattr(figure, "savefig"):
        raise InputError(
            f"save_figure needs a matplotlib figure, not {type(fig).__name__}",
            hint="pass the Figure (fig, ax = plt.subplots()) or an Axes",
        )
    target = _target("figure", name)
    paths = []
    for fmt in formats:
        path = target.with_suffix(f".{fmt}")
        _write(path, figure_bytes(figure, fmt, dpi=dpi))
        paths.append(path)
    _note(_manifest_item("figure", name, paths, caption))
    return Saved("figure", name, paths, None, caption)


# -- quotes ----------------------------------------------------------------------------------


def _quote_markdown(frame: pd.DataFrame, caption: str | None) -> str:
    text_column = "quote" if "quote" in frame.columns else "text"
    lines = [f"# {caption}", ""] if caption else []
    for row in frame.to_dict("records"):
        text = str(row.get(text_column) or "").strip()
        lines.extend(f"> {line}" if line else ">" for line in text.splitlines())
        source = [
            str(row[c]) for c in ("doc_id", "speaker", "seg_id", "code") if not is_blank(row.get(c))
        ]
        if source:
            lines.append(">")
            lines.append(f"> — {', '.join(source)}")
        lines.append("")
    return "\n".join(lines)


def save_quotes(quotes: pd.DataFrame, name: str, *, caption: str | None = None) -> Saved:
    """Write quotations as CSV and Markdown under ``quotes/`` of the run folder.

    Parameters
    ----------
    quotes : DataFrame
        One row per quotation, with a ``quote`` or ``text`` column and, when
        present, ``doc_id``, ``speaker``, ``seg_id`` and ``code`` (shown as the
        source under each quotation in the Markdown file).
    name : str
        File name without suffix.
    caption : str, optional
        Title of the Markdown file.

    Examples
    --------
    >>> import tempfile
    >>> _ = set_output_dir(tempfile.mkdtemp())
    >>> saved = save_quotes(pd.DataFrame({"doc_id": ["INT01"], "speaker": ["Claire"],
    ...                                   "text": ["On a créé le pôle en 2014."]}), "origines")
    >>> print(saved.paths[1].read_text(encoding="utf-8"))
    > On a créé le pôle en 2014.
    >
    > — INT01, Claire
    <BLANKLINE>
    >>> _ = set_output_dir(None)
    """
    if "quote" not in quotes.columns and "text" not in quotes.columns:
        raise InputError(
            "save_quotes needs a 'quote' or 'text' column",
            hint=f"the table has: {', '.join(map(str, quotes.columns))}",
        )
    target = _target("quote", name)
    frame = _as_written(quotes)
    csv_path, md_path = target.with_suffix(".csv"), target.with_suffix(".md")
    _write(csv_path, _csv_bytes(frame, 6))
    _write(md_path, _quote_markdown(frame, caption).encode("utf-8"))
    paths = [csv_path, md_path]
    _note(_manifest_item("quote", name, paths, caption))
    return Saved("quote", name, paths, frame, caption)


# -- pages -----------------------------------------------------------------------------------


def save_page(page: str, name: str, *, caption: str | None = None) -> Saved:
    """Write a self-contained HTML page under ``pages/`` of the run folder.

    For views a reader opens in a browser, such as the interactive network of
    :func:`research.network.interactive_html`. The page is written atomically as
    UTF-8, byte for byte as given, and recorded in the run's provenance like the
    tables and figures.

    Parameters
    ----------
    page : str
        The whole HTML document.
    name : str
        File name without suffix (letters, digits, ``.``, ``_``, ``-``); a final
        ``.html`` is allowed and not doubled.
    caption : str, optional
        Kept in the provenance and the index page.

    Returns
    -------
    Saved
        Its path (``pages/<name>.html``).

    Raises
    ------
    InputError
        When ``page`` is not a string or ``name`` cannot name a file.

    Examples
    --------
    >>> import tempfile
    >>> _ = set_output_dir(tempfile.mkdtemp())
    >>> saved = save_page("<!DOCTYPE html><title>Réseau</title>", "network",
    ...                   caption="Réseau d'acteurs")
    >>> saved
    <saved page 'network': pages/network.html>
    >>> saved.paths[0].read_text(encoding="utf-8")
    '<!DOCTYPE html><title>Réseau</title>'
    >>> _ = set_output_dir(None)
    """
    if not isinstance(page, str):
        raise InputError(
            f"save_page needs the page as a string of HTML, not {type(page).__name__}",
            hint="pass the text of the page, e.g. research.network.interactive_html(...)",
        )
    stem = name[: -len(".html")] if isinstance(name, str) and name.endswith(".html") else name
    target = _target("page", stem)
    path = target.parent / f"{stem}.html"
    _write(path, page.encode("utf-8"))
    _note(_manifest_item("page", stem, [path], caption))
    return Saved("page", stem, [path], None, caption)


# -- inputs ----------------------------------------------------------------------------------


def record_input(path: str | os.PathLike) -> str:
    """Hash a file the notebook reads and record it in the run's provenance.

    Files under ``corpus/`` and ``codebook/`` are hashed by the pipeline before
    each run; record the others (a file under ``private/``, a downloaded table)
    so that the cache reruns the chapter when they change.

    Returns
    -------
    str
        The file's SHA-256.

    Raises
    ------
    InputError
        When the file does not exist.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> _ = set_output_dir(tempfile.mkdtemp())
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "x.txt"
    >>> _ = path.write_bytes(b"abc")
    >>> record_input(path)[:12]
    'ba7816bf8f01'
    >>> _ = set_output_dir(None)
    """
    source = Path(path)
    if not source.is_file():
        raise InputError("cannot record an input that does not exist", path=source)
    digest = hashlib.sha256(source.read_bytes()).hexdigest()
    shown = source.resolve()
    root = os.environ.get("RESEARCH_PROJECT")
    try:
        from research.project import find_root

        base = Path(root) if root else find_root(Path.cwd())
        shown_text = shown.relative_to(base.resolve()).as_posix()
    except (ValueError, InputError):
        shown_text = shown.as_posix()
    _note({"kind": "input", "path": shown_text, "sha256": digest})
    return digest
