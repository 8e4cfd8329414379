"""Loaders: one module per file format, chosen by the file's suffix.

A loader turns a file into a :class:`LoadedDocument`: the stored text (decoded,
``\\n`` newlines, NFC), its metadata and any warnings. Segmentation is shared by
every format (:mod:`research.corpus`), so a document imported from ``.docx``
or ``.vtt`` into Markdown keeps the same segments and offsets.

New formats plug in with :func:`register`::

    @register(".rtf")
    def load_rtf(path, options): ...

A format may name the kind its documents usually are (``register(".eml",
kind="email")``): an import that finds no speaker turns records that kind. A
file that holds several documents (a mailbox) registers a collection loader
with :func:`register_collection`; it returns one :class:`LoadedDocument` per
document, each with its own ``id``. Collections are split at import
(``research import``); the corpus itself holds one document per file.

Examples
--------
>>> {".md", ".txt"} <= set(registered_suffixes())
True
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import KW_ONLY, InitVar, dataclass, field
from pathlib import Path, PurePath
from typing import Any

from research.corpus._segmenting import Segment, segment_text
from research.errors import InputError, Problem
from research.files import Limits
from research.text import normalise

__all__ = [
    "LoadedDocument",
    "collection_suffixes",
    "load_collection",
    "load_document",
    "loader_for",
    "register",
    "register_collection",
    "registered_suffixes",
    "segments_for",
    "split_front_matter",
    "usual_kind",
]


@dataclass
class LoadedDocument:
    """What a loader returns: stored text, metadata and warnings.

    The text is normalised (:func:`research.text.normalise`) unless the loader says,
    with ``normalised=True``, that it already is.
    """

    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)
    _: KW_ONLY
    normalised: InitVar[bool] = False

    def __post_init__(self, normalised: bool) -> None:
        if not normalised:
            self.text = normalise(self.text)

    @property
    def sha256(self) -> str:
        """SHA-256 of the stored text encoded as UTF-8."""
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


Loader = Callable[[Path, Limits], LoadedDocument]
CollectionLoader = Callable[[Path, Limits], list[LoadedDocument]]
_REGISTRY: dict[str, Loader] = {}
_COLLECTIONS: dict[str, CollectionLoader] = {}
_KINDS: dict[str, str] = {}


def register(*suffixes: str, kind: str | None = None) -> Callable[[Loader], Loader]:
    """Register a loader function for one or more file suffixes (``".md"``).

    ``kind`` is the kind its documents usually are (see :func:`usual_kind`).
    """

    def decorator(func: Loader) -> Loader:
        for suffix in suffixes:
            _REGISTRY[suffix.lower()] = func
            if kind:
                _KINDS[suffix.lower()] = kind
        return func

    return decorator


def register_collection(
    *suffixes: str, kind: str | None = None
) -> Callable[[CollectionLoader], CollectionLoader]:
    """Register a loader of files that hold several documents (``".mbox"``)."""

    def decorator(func: CollectionLoader) -> CollectionLoader:
        for suffix in suffixes:
            _COLLECTIONS[suffix.lower()] = func
            if kind:
                _KINDS[suffix.lower()] = kind
        return func

    return decorator


def registered_suffixes() -> list[str]:
    """The suffixes that have a loader."""
    return sorted(_REGISTRY)


def collection_suffixes() -> list[str]:
    """The suffixes of files that hold several documents, split at import."""
    return sorted(_COLLECTIONS)


def usual_kind(path: str | Path) -> str | None:
    """The kind the documents of a file's format usually are (``None``: no usual kind).

    Examples
    --------
    >>> usual_kind("rapport.pdf"), usual_kind("notes.txt")
    ('document', None)
    """
    return _KINDS.get(PurePath(path).suffix.lower())


def loader_for(path: str | Path) -> Loader:
    """The loader of a file, from its suffix.

    Raises
    ------
    InputError
        When no loader handles the suffix.
    """
    suffix = (path if isinstance(path, PurePath) else PurePath(path)).suffix.lower()
    try:
        return _REGISTRY[suffix]
    except KeyError:
        if suffix in _COLLECTIONS:
            raise InputError(
                f"a {suffix} file holds several documents",
                path=path,
                hint="import it with 'research import', which makes one document of each",
            ) from None
        raise InputError(
            f"no loader for files ending in {suffix or '(no suffix)'!r}",
            path=path,
            hint=f"convert it to one of {', '.join(registered_suffixes())}",
        ) from None


def load_document(path: str | Path, *, options: Limits | None = None) -> LoadedDocument:
    """Load one file with the loader registered for its suffix.

    Raises
    ------
    InputError
        For every problem a user can fix: unknown suffix, bad encoding, invalid
        front matter, empty document, corrupt or unsafe container.
    """
    if not isinstance(path, Path):
        path = Path(path)
    return loader_for(path)(path, options or Limits())


def load_collection(path: str | Path, *, options: Limits | None = None) -> list[LoadedDocument]:
    """Load every document of a file: several for a collection (a mailbox), else one.

    Raises
    ------
    InputError
        As :func:`load_document`.
    """
    if not isinstance(path, Path):
        path = Path(path)
    collection = _COLLECTIONS.get(path.suffix.lower())
    if collection is None:
        return [load_document(path, options=options)]
    return collection(path, options or Limits())


def segments_for(doc: LoadedDocument) -> list[Segment]:
    """Segment a loaded document as its metadata says.

    ``segmentation`` (``turns`` or ``paragraphs``) wins; otherwise interviews are
    cut into turns and everything else into paragraphs. When the metadata maps
    ``speakers``, only those labels start turns.
    """
    meta = doc.metadata
    mode = meta.get("segmentation") or (
        "turns" if meta.get("kind") == "interview" else "paragraphs"
    )
    speakers = meta.get("speakers")
    labels = list(speakers) if isinstance(speakers, dict | list) and speakers else None
    return segment_text(doc.text, mode, speakers=labels)


# Built-in formats register themselves on import.
from research.corpus.loaders import (  # noqa: E402, F401
    _email,
    _html,
    _markdown,
    _office,
    _pdf,
    _subtitles,
    _transcriber,
)
from research.corpus.loaders._markdown import split_front_matter  # noqa: E402
