"""A research project on disk: its paths and settings, opening it, checking it, creating one."""

from research.project._contents import (
    FORMATS_DOC,
    ProjectContents,
    central_actor,
    coding_start_message,
    document_grouping,
    frequent_word,
    interviewer_of,
    missing_tables_message,
    project_contents,
    speech_by_group,
)
from research.project._executor import (
    ExecutorSetting,
    check_scheduler_address,
    read_executor_setting,
)
from research.project._merge import MergeReport, merge_coder
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
    check_lexicon,
    check_memos,
    check_references,
    check_speakers,
    check_tables,
    validate_project,
)

__all__ = [
    "CHECKS",
    "FORMATS_DOC",
    "SETTINGS_FILE",
    "ExecutorSetting",
    "MergeReport",
    "Project",
    "ProjectContents",
    "ProjectPaths",
    "central_actor",
    "check_codebook",
    "check_codings",
    "check_corpus",
    "check_lexicon",
    "check_memos",
    "check_references",
    "check_scheduler_address",
    "check_speakers",
    "check_tables",
    "coding_start_message",
    "document_grouping",
    "find_root",
    "format_totals",
    "frequent_word",
    "init_project",
    "interviewer_of",
    "merge_coder",
    "missing_tables_message",
    "open_project",
    "overview_tables",
    "project_contents",
    "project_totals",
    "read_executor_setting",
    "speech_by_group",
    "validate_project",
    "write_overview",
]
