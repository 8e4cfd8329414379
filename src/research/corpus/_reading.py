"""Reading a corpus from its files: document listing, loading, and a process pool.

:func:`document_files` lists the candidate files of a documents folder;
:func:`read_corpus` loads and segments each of them (in a process pool for a large
corpus, or on a given executor) and collects every problem instead of stopping;
:func:`load_corpus` raises when any document has an error.
"""

from __future__ import annotations

import contextlib
import gc
import os
import re
from concurrent.futures import Executor, ProcessPoolExecutor
from dataclasses import replace
from pathlib import Path
from typing import Any

from research.corpus._model import Corpus, _CorpusBuilder
from research.corpus._parsing import ParsedDocument, SegmentColumns, _speaker_map, parse_document
from research.corpus.loaders import Limits, LoadedDocument, collection_suffixes, load_document
from research.errors import InputError, Problem, ValidationFailed
from research.files import outside_link, outside_link_problem
from research.text import word_counts

__all__ = ["document_files", "load_corpus", "read_corpus"]

_ID = re.compile(r"^[\w][\w.\-]*$")
_SKIPPED_NAMES = {"readme.md", "readme.txt"}


def document_files(folder: str | Path) -> list[Path]:
    """Every candidate document file under ``folder``, in a stable order.

    Hidden files and folders, names starting with ``_`` or ``~$`` (office lock
    files) and ``README`` files are skipped. The order is that of the paths' parts,
    compared name by name.
    """
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found: list[tuple[tuple[str, ...], str]] = []
    skipped = (".", "_", "~$")
    base = str(folder)
    for current, dirs, names in os.walk(base):
        dirs[:] = [d for d in dirs if not d.startswith(skipped)]
        rel = os.path.relpath(current, base)
        parts = () if rel == os.curdir else tuple(rel.split(os.sep))
        for name in names:
            if name.startswith(skipped) or name.lower() in _SKIPPED_NAMES:
                continue
            full = os.path.join(current, name)
            if os.path.isfile(full):
                found.append(((*parts, name), full))
    found.sort()
    return [Path(full) for _, full in found]


def _load_one(
    path: Path,
    root: Path,
    suffixes: frozenset[str],
    options: Limits | None,
) -> tuple[tuple[str, str, LoadedDocument] | None, list[Problem]]:
    """Load one file (not yet segmented); every user mistake becomes a problem.

    Returns ``((doc_id, relative path, loaded document), problems)``, or ``None``
    and the problems when the file cannot be used.
    """
    rel = _relative(path, root)
    if path.suffix.lower() not in suffixes:
        hint = f"convert it to one of {', '.join(sorted(suffixes))}"
        if path.suffix.lower() in collection_suffixes():
            hint = "it holds several documents: import it with 'research import'"
        what = path.suffix or "files without suffix"
        return None, [
            Problem("warning", f"no loader for {what}; file ignored", path=rel, hint=hint)
        ]
    try:
        doc = load_document(path, options=options)
    except InputError as exc:
        return None, [exc.to_problem()]
    except Exception as exc:  # a library failed on a damaged file
        message = f"could not read the file ({type(exc).__name__}: {exc})"
        hint = "open and re-save it in its application, or remove it"
        return None, [Problem("error", message, path=rel, hint=hint)]
    problems = [_with_path(problem, rel) for problem in doc.problems]
    doc_id = str(doc.metadata.get("id") or path.stem)
    if not _ID.match(doc_id):
        message = (
            f"document id {doc_id!r} has characters other than letters, digits, '.', '_' and '-'"
        )
        hint = "set a simple 'id:' in the front matter or rename the file"
        return None, [*problems, Problem("error", message, path=rel, hint=hint)]
    return (doc_id, rel, doc), problems


def _parsed(doc_id: str, rel: str, doc: LoadedDocument, plain: bool) -> ParsedDocument:
    """Segment a loaded document; with ``plain``, segments come as columns."""
    parsed = parse_document(doc_id, rel, doc, count_words=False)
    if plain:
        columns = SegmentColumns.of(parsed.segments, _speaker_map(parsed.metadata))
        parsed = replace(parsed, segments=columns)
    return parsed


@contextlib.contextmanager
def _gc_paused():
    """Pause the cyclic garbage collector while a corpus is built.

    Loading creates hundreds of thousands of small objects and no reference cycles;
    left running, the collector walks all of them again and again (a third of the
    loading time on a large corpus). Its previous state is restored on exit.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _read_batch(
    paths: list[Path], *, plain: bool = False, **kwargs: Any
) -> list[tuple[ParsedDocument | None, list[Problem]]]:
    """Load and segment several files (one task of a process pool or of a given
    executor, or one chunk of a serial load); every user mistake becomes a problem.

    Every file is loaded before any is segmented: running one stage over many
    files keeps its code warm in the processor's caches, which is measurably faster
    than taking each file through every stage in turn. With ``plain`` (in another
    process), segments are returned as :class:`SegmentColumns`, which cross process
    boundaries several times faster than a list of named tuples, and the words of
    every document are counted here, in one pass.
    """
    with _gc_paused():
        loaded = [_load_one(path, **kwargs) for path in paths]
        results = [
            (None if item is None else _parsed(*item, plain), problems) for item, problems in loaded
        ]
        if plain:
            done = [i for i, (parsed, _) in enumerate(results) if parsed is not None]
            counts = word_counts([results[i][0].text for i in done])
            for i, n_words in zip(done, counts, strict=True):
                parsed, problems = results[i]
                results[i] = (replace(parsed, n_words=n_words), problems)
        return results


#: Files loaded as one chunk in a single process (bounds the memory of a chunk).
_CHUNK = 500


_CONTAINERS = frozenset({".docx", ".odt", ".pdf"})  # slow to parse: worth a process pool


def _default_jobs(files: list[Path]) -> int:
    """Processes worth starting for these files.

    Measured on two cores (``benchmarks/bench_corpus.py``): 200 ``.docx`` files load
    1.6 times faster with two processes, their parsing costs far more than sending
    the result back; Markdown files load faster in one process up to a few hundred
    (250: 0.18 s against 0.19 s, medians), evenly at 500, and with a median about 7%
    lower in two from 1,000 (the best times stay alike). ``jobs=`` overrides this.
    """
    heavy = sum(path.suffix.lower() in _CONTAINERS for path in files)
    if len(files) >= 500 or heavy >= 50:
        return max(1, min(os.cpu_count() or 1, 8))
    return 1


#: Tasks a corpus is cut into on a given executor (a Dask cluster's workers take
#: them as they come free); each holds at most :data:`_CHUNK` files.
_EXECUTOR_TASKS = 16


def _executor_batches(files: list[Path]) -> list[list[Path]]:
    """Files in consecutive batches: one task of a given executor each."""
    size = min(_CHUNK, max(1, -(-len(files) // _EXECUTOR_TASKS)))
    return [files[i : i + size] for i in range(0, len(files), size)]


def read_corpus(
    folder: str | Path,
    *,
    root: str | Path | None = None,
    options: Limits | None = None,
    jobs: int | None = None,
    executor: Executor | None = None,
) -> tuple[Corpus, list[Problem]]:
    """Load every document under ``folder``, collecting problems instead of stopping.

    Documents with an error are left out of the corpus; their problems, and the
    warnings of the others, are returned.

    Parameters
    ----------
    folder : path-like
        The documents folder (searched recursively).
    root : path-like, optional
        Paths in the tables and problems are relative to it (default: ``folder``).
    options : Limits, optional
        Loader limits.
    jobs : int, optional
        Processes for a local pool (default: see :func:`_default_jobs`).
    executor : concurrent.futures.Executor, optional
        Run the loading on this executor instead (a Dask client's
        ``get_executor()``, for instance), in coarse tasks of consecutive files:
        each task loads and segments its files and sends back their texts and
        segments as columns, not one object per segment.

    Returns
    -------
    corpus : Corpus
    problems : list of Problem
    """
    from functools import partial

    from research.corpus.loaders import registered_suffixes

    given = Path(folder)
    folder = given.resolve()
    root = Path(root).resolve() if root is not None else folder
    away = outside_link(given, root=root) if root != folder else None
    if away is not None:  # the documents folder itself is a link out of the project
        return _CorpusBuilder().build(), [outside_link_problem(given, away, root=root)]
    files = document_files(folder)
    problems: list[Problem] = []
    if root != folder:  # documents linked from outside the project are not read
        outside = {p: t for p in files if os.path.islink(p) and (t := outside_link(p, root=root))}
        problems += [outside_link_problem(p, t, root=root) for p, t in outside.items()]
        files = [p for p in files if p not in outside]
    suffixes = frozenset(registered_suffixes())
    jobs = _default_jobs(files) if jobs is None else jobs
    builder = _CorpusBuilder()
    seen: dict[str, str] = {}

    def take(parsed: ParsedDocument | None, found: list[Problem]) -> None:
        problems.extend(found)
        if parsed is None:
            return
        if parsed.doc_id in seen:
            message = (
                f"duplicate document id {parsed.doc_id!r} (also used by "
                f"{seen[parsed.doc_id]}); this file was left out"
            )
            hint = "give one of them another 'id:' in its front matter"
            problems.append(Problem("error", message, path=parsed.path, hint=hint))
            return
        seen[parsed.doc_id] = parsed.path
        builder.add(parsed)

    with _gc_paused():
        if executor is not None:
            batch = partial(_read_batch, root=root, suffixes=suffixes, options=options, plain=True)
            for done in executor.map(batch, _executor_batches(files)):
                for item in done:
                    take(*item)
        elif jobs > 1:
            size = max(1, -(-len(files) // (4 * jobs)))
            batches = [files[i : i + size] for i in range(0, len(files), size)]
            batch = partial(_read_batch, root=root, suffixes=suffixes, options=options, plain=True)
            word_counts(["fork"])  # build the lookup table once, before the workers fork
            with ProcessPoolExecutor(max_workers=jobs) as pool:
                for done in pool.map(batch, batches):
                    for item in done:
                        take(*item)
        else:
            for first in range(0, len(files), _CHUNK):
                chunk = files[first : first + _CHUNK]
                for item in _read_batch(chunk, root=root, suffixes=suffixes, options=options):
                    take(*item)
        return builder.build(), problems


def load_corpus(
    folder: str | Path,
    *,
    root: str | Path | None = None,
    options: Limits | None = None,
    executor: Executor | None = None,
) -> Corpus:
    """Load every document under ``folder``; raise if any has an error.

    Warnings (such as a cp1252 fallback) are emitted with :mod:`warnings`;
    ``executor`` is passed to :func:`read_corpus`.

    Raises
    ------
    ValidationFailed
        Listing every document error found.
    """
    import warnings

    corpus, problems = read_corpus(folder, root=root, options=options, executor=executor)
    errors = [p for p in problems if p.severity == "error"]
    if errors:
        raise ValidationFailed(errors)
    for problem in problems:
        warnings.warn(problem.format(), stacklevel=2)
    return corpus


def _relative(path: Path, root: Path) -> str:
    """``path`` relative to ``root`` (both already absolute), with ``/`` separators."""
    text, base = str(path), str(root)
    if text.startswith(base) and text[len(base) : len(base) + 1] == os.sep:
        return text[len(base) + 1 :].replace(os.sep, "/")
    return path.as_posix()


def _with_path(problem: Problem, path: str) -> Problem:
    from dataclasses import replace

    return replace(problem, path=path)
