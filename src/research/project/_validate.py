"""Checking a whole project: every problem found, never only the first.

:func:`validate_project` runs each check of :data:`CHECKS` on a project and
returns their problems; ``research validate`` prints them and exits non-zero when
any is an error. A check is a function ``(project, state) -> list[Problem]``;
``state`` carries what earlier checks loaded (the corpus, the tables) so that no
file is read twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from research.errors import Problem, ValidationFailed

__all__ = [
    "CHECKS",
    "check_codebook",
    "check_codings",
    "check_corpus",
    "check_journals",
    "check_references",
    "check_tables",
    "validate_project",
]

Check = Callable[[Any, dict[str, Any]], list[Problem]]


def check_journals(project, state: dict[str, Any]) -> list[Problem]:
    """Changes interrupted by a kill: those recovered when the project was opened
    (warnings), and those that cannot be recovered (errors naming the journal)."""
    from research.files import recover

    problems = list(getattr(project, "recovered", []))
    for problem in recover(project.root):
        if problem not in problems:
            problems.append(problem)
    return problems


def check_corpus(project, state: dict[str, Any]) -> list[Problem]:
    """Load every document, keeping the corpus for later checks."""
    from research.corpus import read_corpus

    corpus, problems = read_corpus(
        project.paths.documents, root=project.root, options=project.loader_options
    )
    state["corpus"] = corpus
    return problems


def check_tables(project, state: dict[str, Any]) -> list[Problem]:
    """Check the edition tables and the actor registry against their schemas."""
    from research.editions import load_tables

    if not project.paths.tables.is_dir():
        return []
    tables, problems = load_tables(
        project.paths.tables, strict=False, options=project.loader_options
    )
    state["tables"] = tables
    return problems


_ACTOR_KEYS = ("respondent", "facilitator", "participants", "actors")


def _as_list(value: Any) -> list:
    if value is None or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, list):
        return value
    if isinstance(value, dict):
        return list(value.values())
    return [value]


def check_references(project, state: dict[str, Any]) -> list[Problem]:
    """Every actor, workshop and edition a document names exists in the tables."""
    corpus = state.get("corpus")
    tables = state.get("tables") or {}
    if corpus is None or not len(corpus.documents):
        return []
    known = {
        "actors": ("actor_id", "actors"),
        "workshop": ("workshop_id", "workshops"),
        "edition": ("edition_id", "editions"),
    }
    ids = {
        key: set(tables[table][column].dropna().astype(str))
        for key, (column, table) in known.items()
        if table in tables and column in tables[table]
    }
    problems: list[Problem] = []
    docs = corpus.documents
    for _, doc in docs.iterrows():
        checks: list[tuple[str, str, list]] = []
        if "actors" in ids:
            for key in (*_ACTOR_KEYS, "speakers"):
                if key in docs.columns:
                    checks.append((key, "actors", _as_list(doc[key])))
        for key in ("workshop", "edition"):
            if key in ids and key in docs.columns:
                checks.append((key, key, _as_list(doc[key])))
        for key, kind, values in checks:
            for value in values:
                if value is None or str(value) in ids[kind]:
                    continue
                table = known[kind][1]
                problems.append(
                    Problem(
                        "error",
                        f"front matter '{key}' names {value!r}, which is not in {table}",
                        path=doc["path"],
                        hint=f"add it to corpus/tables/{table}.csv or correct the id",
                    )
                )
    return problems


def check_codebook(project, state: dict[str, Any]) -> list[Problem]:
    """Check the codebook files (ids, parents, cycles, colours, levels), keeping the codebook."""
    from research.codebook import read_codebook

    if not project.paths.codebook.is_dir():
        return []
    codebook, problems = read_codebook(project.paths.codebook, root=project.root)
    state["codebook"] = codebook
    return problems


def check_codings(project, state: dict[str, Any]) -> list[Problem]:
    """Check the coder files, and every coding against the codebook and the corpus.

    Unknown codes and documents and orphaned codings are errors; codings whose
    text moved after a correction are warnings until ``research anchor --apply``.
    """
    from research.coding import validate_codings

    if not project.paths.codings.is_dir():
        return []
    return validate_codings(
        project.paths.codings,
        root=project.root,
        corpus=state.get("corpus"),
        codebook=state.get("codebook"),
    )


CHECKS: list[Check] = [
    check_journals,
    check_corpus,
    check_tables,
    check_references,
    check_codebook,
    check_codings,
]


def validate_project(project, *, strict: bool = False) -> list[Problem]:
    """Run every check of :data:`CHECKS` and return all problems found.

    Parameters
    ----------
    project : research.project.Project
    strict : bool
        Raise :class:`ValidationFailed` when any problem is an error.
    """
    state: dict[str, Any] = {}
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(project, state))
    if strict and any(p.severity == "error" for p in problems):
        raise ValidationFailed([p for p in problems if p.severity == "error"])
    return problems
