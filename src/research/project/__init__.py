"""A research project on disk: its paths and settings, opening it, checking it, creating one."""

from research.project._overview import (
    format_totals,
    overview_tables,
    project_totals,
    write_overview,
)
from research.project._project import SETTINGS_FILE, Project, ProjectPaths, find_root, open_project
from research.project._scaffold import init_project
from research.project._validate import (
    CHECKS,
    check_codebook,
    check_codings,
    check_corpus,
    check_references,
    check_speakers,
    check_tables,
    validate_project,
)

__all__ = [
    "CHECKS",
    "SETTINGS_FILE",
    "Project",
    "ProjectPaths",
    "check_codebook",
    "check_codings",
    "check_corpus",
    "check_references",
    "check_speakers",
    "check_tables",
    "find_root",
    "format_totals",
    "init_project",
    "open_project",
    "overview_tables",
    "project_totals",
    "validate_project",
    "write_overview",
]
