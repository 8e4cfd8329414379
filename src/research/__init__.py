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

from research.corpus import Corpus, load_corpus, read_corpus
from research.errors import InputError, Problem, ResearchError, ValidationFailed
from research.project import Project, open_project

__all__ = [
    "Corpus",
    "InputError",
    "Problem",
    "Project",
    "ResearchError",
    "ValidationFailed",
    "__version__",
    "load_corpus",
    "open_project",
    "read_corpus",
]

__version__ = "0.1.0"
