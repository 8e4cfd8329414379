"""A research project on disk: the one place that knows every path.

A project is a folder with ``corpus/``, ``codebook/``, ``notebooks/`` and
``outputs/`` (see ``docs/formats.md``); an optional ``research.yaml`` at its root
overrides folders and loader limits. :func:`open_project` finds the root from any
folder inside it and gives lazy access to the corpus, codebook, codings, edition
tables and actor registry.

Examples
--------
>>> import tempfile, pathlib
>>> root = pathlib.Path(tempfile.mkdtemp())
>>> (root / "corpus").mkdir()
>>> project = open_project(root)
>>> project.paths.documents.relative_to(project.root).as_posix()
'corpus/documents'
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import TYPE_CHECKING, Any

from research.errors import InputError, Problem
from research.files import load_yaml

if TYPE_CHECKING:
    from concurrent.futures import Executor

    from research.corpus import Corpus
    from research.files import Limits
    from research.project._executor import ExecutorSetting

__all__ = ["SETTINGS_FILE", "Project", "ProjectPaths", "find_root", "open_project"]

SETTINGS_FILE = "research.yaml"
_FOLDER_KEYS = (
    "corpus",
    "documents",
    "tables",
    "codings",
    "codebook",
    "notebooks",
    "outputs",
    "private",
    "cache",
    "memos",
)


@dataclass(frozen=True)
class ProjectPaths:
    """Absolute paths of a project's folders."""

    root: Path
    corpus: Path
    documents: Path
    tables: Path
    codings: Path
    codebook: Path
    notebooks: Path
    outputs: Path
    private: Path
    cache: Path
    memos: Path

    @classmethod
    def from_settings(cls, root: Path, settings: dict[str, Any]) -> ProjectPaths:
        """Default layout, overridden by the folder keys of ``research.yaml``."""
        folders = settings.get("folders", {}) or {}
        lines = getattr(settings, "key_lines", {})
        if not isinstance(folders, dict):
            raise InputError(
                f"'folders' must be a mapping of 'name: folder' lines, not {folders!r}",
                path=root / SETTINGS_FILE,
                line=lines.get("folders"),
                hint="write for instance  folders: {outputs: resultats}, or remove the line",
            )
        unknown = set(folders) - set(_FOLDER_KEYS)
        if unknown:
            raise InputError(
                f"unknown folder key(s) {sorted(map(str, unknown))} under 'folders'",
                path=root / SETTINGS_FILE,
                line=getattr(folders, "key_lines", {}).get(min(unknown, key=str)),
                hint=f"known keys are {', '.join(_FOLDER_KEYS)}",
            )
        for key, value in folders.items():
            if value is not None and (not isinstance(value, str) or not value.strip()):
                raise InputError(
                    f"folders.{key} must be a folder path written as text, not {value!r}",
                    path=root / SETTINGS_FILE,
                    line=getattr(folders, "key_lines", {}).get(key),
                    hint=f"write for instance  {key}: {key}  (relative to research.yaml)",
                )

        def where(key: str, default: Path) -> Path:
            value = folders.get(key)
            return (root / value).resolve() if value else default

        corpus = where("corpus", root / "corpus")
        return cls(
            root=root,
            corpus=corpus,
            documents=where("documents", corpus / "documents"),
            tables=where("tables", corpus / "tables"),
            codings=where("codings", corpus / "codings"),
            codebook=where("codebook", root / "codebook"),
            notebooks=where("notebooks", root / "notebooks"),
            outputs=where("outputs", root / "outputs"),
            private=where("private", root / "private"),
            cache=where("cache", root / ".cache"),
            memos=where("memos", corpus / "memos"),
        )

    @property
    def lexicon(self) -> Path:
        """The project's lexicon (``lexicon.yaml`` in the codebook folder; see :mod:`research.nlp`)."""
        from research.nlp import LEXICON_FILE

        return self.codebook / LEXICON_FILE

    @property
    def dictionaries(self) -> Path:
        """The folder of dictionaries (``dictionaries/`` in the codebook folder; see
        :mod:`research.autocode`)."""
        from research.autocode import DICTIONARY_FOLDER

        return self.codebook / DICTIONARY_FOLDER

    def relative(self, path: str | Path) -> str:
        """``path`` relative to the root, with ``/`` separators (for tables and logs)."""
        path = Path(path)
        try:
            return path.resolve().relative_to(self.root).as_posix()
        except ValueError:
            return path.as_posix()


def find_root(start: str | Path = ".") -> Path:
    """The project root: the nearest folder at or above ``start`` with
    ``research.yaml`` or a ``corpus/`` folder.

    Raises
    ------
    InputError
        When no folder above ``start`` looks like a project.
    """
    start = Path(start).resolve()
    for folder in (start, *start.parents):
        if (folder / SETTINGS_FILE).is_file() or (folder / "corpus").is_dir():
            return folder
    raise InputError(
        "not inside a research project (no research.yaml or corpus/ folder here or above)",
        path=start,
        hint="run 'research init' to create one, or pass the project's folder",
    )


def _read_settings(root: Path) -> dict[str, Any]:
    path = root / SETTINGS_FILE
    if not path.is_file():
        return {}
    settings = load_yaml(path.read_text(encoding="utf-8"), path=path, lines=True) or {}
    if not isinstance(settings, dict):
        raise InputError("settings must be a mapping of 'key: value' lines", path=path)
    return settings


class Project:
    """A research project: paths, settings, and lazily loaded data.

    Use :func:`open_project` rather than the constructor. Attributes load on first
    use and are cached; call :meth:`reload` after editing files.

    ``executor`` (a :class:`concurrent.futures.Executor`, such as a Dask client's
    ``get_executor()``) loads the corpus in batches of documents on it.
    """

    def __init__(self, root: str | Path, *, executor: Executor | None = None) -> None:
        self.root = Path(root).resolve()
        self.settings = _read_settings(self.root)
        self.paths = ProjectPaths.from_settings(self.root, self.settings)
        #: Where the corpus is loaded (None: this machine, see :func:`research.corpus.read_corpus`).
        self.executor = executor
        #: What :func:`open_project` found of changes interrupted by a kill (see
        #: :func:`research.files.recover`): a warning per change finished or undone,
        #: an error per change it could not recover.
        self.recovered: list[Problem] = []
        self.loader_options  # noqa: B018  (a wrong limit is named here, not per document)
        self.executor_setting  # noqa: B018  (so is a malformed executor setting)

    def __repr__(self) -> str:
        return f"Project({str(self.root)!r})"

    @property
    def title(self) -> str:
        """The project's name for readers: ``title`` in ``research.yaml``, else its folder's name.

        Raises
        ------
        InputError
            When ``title`` is not a text, naming ``research.yaml``.
        """
        title = self.settings.get("title")
        if title is None:
            return self.root.name
        if not isinstance(title, str) or not title.strip():
            raise InputError(
                f"'title' must be a text, not {title!r}",
                path=self.root / SETTINGS_FILE,
                hint="write for instance  title: Ma thèse",
            )
        return title.strip()

    @cached_property
    def loader_options(self) -> Limits:
        """Loader limits from ``research.yaml`` (``limits:``)."""
        from research.files import Limits

        return Limits.from_settings(
            self.settings.get("limits"),
            path=self.root / SETTINGS_FILE,
            line=getattr(self.settings, "key_lines", {}).get("limits"),
        )

    @cached_property
    def executor_setting(self) -> ExecutorSetting:
        """Where heavy work runs, from ``research.yaml`` (``executor:``)."""
        from research.project._executor import read_executor_setting

        return read_executor_setting(self.settings, path=self.root / SETTINGS_FILE)

    @cached_property
    def pseudonym_key(self) -> Path:
        """Where the pseudonym key is: ``privacy: {key: …}`` in ``research.yaml``
        (relative to it, ``~`` allowed), else ``pseudonyms.yaml`` in the private folder.

        :mod:`research.privacy` refuses a key inside the shared folders or one git
        would commit.

        Raises
        ------
        InputError
            When ``privacy`` is not a mapping, has an unknown key, or ``key`` is not
            a path written as text, naming the line of ``research.yaml``.
        """
        path = self.root / SETTINGS_FILE
        privacy = self.settings.get("privacy")
        if privacy is None:
            return self.paths.private / "pseudonyms.yaml"
        line = getattr(self.settings, "key_lines", {}).get("privacy")
        if not isinstance(privacy, dict):
            raise InputError(
                f"'privacy' must be a mapping of 'name: value' lines, not {privacy!r}",
                path=path,
                line=line,
                hint="write for instance  privacy: {key: private/pseudonyms.yaml}",
            )
        lines = getattr(privacy, "key_lines", {})
        unknown = sorted(map(str, set(privacy) - {"key"}))
        if unknown:
            raise InputError(
                f"unknown key(s) {unknown} under 'privacy'",
                path=path,
                line=lines.get(unknown[0], line),
                hint="the only key is 'key', the path of the pseudonym key",
            )
        value = privacy.get("key")
        if value is None:
            return self.paths.private / "pseudonyms.yaml"
        if not isinstance(value, str) or not value.strip():
            raise InputError(
                f"privacy.key must be a file path written as text, not {value!r}",
                path=path,
                line=lines.get("key", line),
                hint="write for instance  key: private/pseudonyms.yaml  (relative to research.yaml)",
            )
        return (self.root / Path(value.strip()).expanduser()).resolve()

    def _refuse_outside_links(self, folder: Path) -> None:
        """Raise for the first entry of ``folder`` that a link takes out of the project."""
        from research.files import outside_link_error, outside_links

        for link, target in outside_links(folder, root=self.root):
            raise outside_link_error(link, target, root=self.root)

    @cached_property
    def corpus(self) -> Corpus:
        """The documents and segments; raises if any document has an error."""
        from research.corpus import load_corpus

        return load_corpus(
            self.paths.documents,
            root=self.root,
            options=self.loader_options,
            executor=self.executor,
        )

    @cached_property
    def tables(self) -> dict:
        """The edition tables and the actor registry as DataFrames, checked."""
        from research.editions import load_tables

        self._refuse_outside_links(self.paths.tables)
        return load_tables(self.paths.tables, strict=True, options=self.loader_options)[0]

    @cached_property
    def editions(self):
        """The edition tables (:class:`research.editions.Editions`)."""
        from research.editions import Editions

        return Editions.from_tables(self.tables)

    @cached_property
    def actors(self):
        """The actor registry (:class:`research.editions.Actors`)."""
        from research.editions import Actors

        return Actors(self.tables["actors"])

    @cached_property
    def codebook(self):
        """The merged codebook of ``codebook/``."""
        from research.codebook import load_codebook

        self._refuse_outside_links(self.paths.codebook)
        return load_codebook(self.paths.codebook)

    @cached_property
    def codings(self):
        """Every coder's codings, checked against the corpus and codebook.

        A coding whose document or code does not exist, or whose quote is no longer
        found in the text, is an error; one whose text only moved is a warning
        (``research anchor --apply`` records its new place).
        """
        from research.coding import load_codings

        self._refuse_outside_links(self.paths.codings)
        return load_codings(self.paths.codings, corpus=self.corpus, codebook=self.codebook)

    @property
    def memo_kinds(self) -> dict[str, str]:
        """The project's own kinds of memo and their French names (``research.yaml``).

        ``memos: {kinds: {terrain: notes de terrain}}``, or a list of names
        (``memos: {kinds: [terrain]}``) whose names are their labels.

        Raises
        ------
        InputError
            When ``memos`` or its ``kinds`` has another shape, naming ``research.yaml``.
        """
        section = self.settings.get("memos") or {}
        kinds = section.get("kinds") if isinstance(section, dict) else None
        where = {"path": self.root / SETTINGS_FILE,
                 "line": getattr(self.settings, "key_lines", {}).get("memos")}  # fmt: skip
        if not isinstance(section, dict) or not isinstance(kinds, dict | list | type(None)):
            raise InputError(
                "'memos' must be a mapping such as  memos: {kinds: {terrain: notes de terrain}}",
                hint="list the project's own kinds of memo under 'kinds'",
                **where,
            )
        if isinstance(kinds, list):
            return {str(k): str(k) for k in kinds}
        return {str(k): str(v if v is not None else k) for k, v in (kinds or {}).items()}

    @property
    def memo_author(self) -> str | None:
        """The author of new memos set in ``research.yaml`` (``memos: {author: camille}``)."""
        section = self.settings.get("memos")
        author = section.get("author") if isinstance(section, dict) else None
        return str(author) if author else None

    @cached_property
    def memos(self):
        """The memos: the files of ``corpus/memos/`` and the memos of the codings.

        The table has the columns of :data:`research.memos.MEMO_COLUMNS`; coding
        memos (the ``memo`` column of the coder files) have the kind ``coding``.

        Raises
        ------
        ValidationFailed
            When a memo file has errors (``research validate`` lists them).
        """
        import pandas as pd

        from research.coding import coding_files
        from research.memos import coding_memos, load_memos

        self._refuse_outside_links(self.paths.memos)
        files = load_memos(
            self.paths.memos, root=self.root, kinds=self.memo_kinds, options=self.loader_options
        )
        parts = [files]
        if coding_files(self.paths.codings):
            folder = self.paths.relative(self.paths.codings)
            parts.append(coding_memos(self.codings, folder=folder))
        parts = [p for p in parts if len(p)]
        return pd.concat(parts, ignore_index=True) if len(parts) > 1 else (parts or [files])[0]

    def reload(self) -> Project:
        """Forget every loaded attribute so the next access reads the files again."""
        for name in ("corpus", "tables", "editions", "actors", "codebook", "codings", "memos"):
            self.__dict__.pop(name, None)
        return self

    def validate(self) -> list[Problem]:
        """Check the whole project and return every problem found (never stops early)."""
        from research.project._validate import validate_project

        return validate_project(self)

    def _repr_html_(self) -> str:
        import pandas as pd

        from research.pages import render_snippet, table_context

        folders = pd.DataFrame(
            {
                "dossier": list(_FOLDER_KEYS),
                "chemin": [self.paths.relative(getattr(self.paths, k)) for k in _FOLDER_KEYS],
            }
        )
        return render_snippet(
            "table.html",
            heading="Projet de recherche",
            lead=str(self.root),
            data=table_context(folders),
        )


def open_project(path: str | Path = ".", *, executor: Executor | None = None) -> Project:
    """Open the research project that contains ``path``.

    Parameters
    ----------
    path : path-like
        The project root or any folder inside it.
    executor : concurrent.futures.Executor, optional
        Load the corpus in batches of documents on this executor (a Dask
        client's ``get_executor()``, for instance) instead of on this machine.

    Returns
    -------
    Project

    Examples
    --------
    >>> import tempfile, pathlib
    >>> root = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (root / "research.yaml").write_text("folders: {outputs: build}\\n")
    >>> open_project(root).paths.outputs.name
    'build'

    A multi-file change killed midway (an import, a codebook revision) is
    finished or undone first; :attr:`Project.recovered` says what was done.
    """
    from research.files import recover

    project = Project(find_root(path), executor=executor)
    project.recovered = recover(project.root)
    return project
