"""A mixed-methods research environment for territorial entrepreneurship studies.

Loaders turn interview transcripts, minutes and edition tables into a corpus;
coding helpers, agreement statistics, institutional-work profiles and network views
analyse it; parameterised chapter notebooks write every result into ``outputs/``.

Examples
--------
>>> import research
>>> callable(research.open_project)
True
"""

from importlib import import_module
from typing import TYPE_CHECKING

from research._version import __version__
from research.errors import InputError, Problem, ResearchError, ValidationFailed

# The public names load their module on first use, so that `import research` (and
# every `research` command, even `--help`) does not pay for pandas up front.
_LAZY = {
    "Actors": "research.editions",
    "Codebook": "research.codebook",
    "load_codebook": "research.codebook",
    "CodingSession": "research.coding",
    "code_document": "research.coding_widget",
    "load_codings": "research.coding",
    "retrieve": "research.coding",
    "Corpus": "research.corpus",
    "load_corpus": "research.corpus",
    "read_corpus": "research.corpus",
    "Editions": "research.editions",
    "Project": "research.project",
    "open_project": "research.project",
    "load_tables": "research.editions",
}

if TYPE_CHECKING:
    from research.codebook import Codebook, load_codebook
    from research.coding import CodingSession, load_codings, retrieve
    from research.coding_widget import code_document
    from research.corpus import Corpus, load_corpus, read_corpus
    from research.editions import Actors, Editions, load_tables
    from research.project import Project, open_project


def __getattr__(name: str):
    try:
        module = _LAZY[name]
    except KeyError:
        raise AttributeError(f"module 'research' has no attribute {name!r}") from None
    value = getattr(import_module(module), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *_LAZY})


__all__ = [
    "Actors",
    "Codebook",
    "CodingSession",
    "Corpus",
    "Editions",
    "InputError",
    "Problem",
    "Project",
    "ResearchError",
    "ValidationFailed",
    "__version__",
    "code_document",
    "load_codebook",
    "load_codings",
    "load_corpus",
    "load_tables",
    "open_project",
    "read_corpus",
    "retrieve",
]
