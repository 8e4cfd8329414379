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

from research.actors import Actors
from research.codebook import Codebook, load_codebook
from research.coding import CodingSession, load_codings, retrieve
from research.corpus import Corpus, load_corpus, read_corpus
from research.editions import Editions
from research.errors import InputError, Problem, ResearchError, ValidationFailed
from research.project import Project, open_project
from research.tables import load_tables

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
    "load_codebook",
    "load_codings",
    "load_corpus",
    "load_tables",
    "open_project",
    "read_corpus",
    "retrieve",
]

__version__ = "0.1.0"
