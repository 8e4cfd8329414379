"""Checking a whole project: every problem found, never only the first.

:func:`validate_project` runs each check of :data:`CHECKS` on a project and
returns their problems; ``research validate`` prints them and exits non-zero when
any is an error. Temporary files that killed writes left behind (``.*.tmp``, older
than a day) are removed first. A check is a function ``(project, state) -> list[Problem]``;
``state`` carries what earlier checks loaded (the corpus, the tables) so that no
file is read twice.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from research.contracts import is_blank
from research.errors import Problem, ResearchError, ValidationFailed

__all__ = [
    "CHECKS",
    "check_codebook",
    "check_coders_file",
    "check_codings",
    "check_corpus",
    "check_dictionaries",
    "check_journals",
    "check_lexicon",
    "check_links",
    "check_memos",
    "check_references",
    "check_tables",
    "validate_project",
]

Check = Callable[[Any, dict[str, Any]], list[Problem]]


def check_links(project, state: dict[str, Any]) -> list[Problem]:
    """Symbolic links among the tables, the codebook and the codings that lead out of
    the project (those among the documents are found when the corpus is read)."""
    from research.files import outside_link_problem, outside_links

    paths = project.paths
    return [
        outside_link_problem(link, target, root=project.root)
        for folder in (paths.tables, paths.codebook, paths.codings)
        for link, target in outside_links(folder, root=project.root)
    ]


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
        project.paths.documents,
        root=project.root,
        options=project.loader_options,
        executor=getattr(project, "executor", None),
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
    if not isinstance(value, str) and is_blank(value):
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


_TEXT_SUFFIXES = (".md", ".markdown", ".txt")


def _declared(value: Any) -> bool:
    return isinstance(value, dict | list) and bool(value)


def _in_turns(doc) -> bool:
    mode = doc.get("segmentation")
    if isinstance(mode, str) and mode:
        return mode == "turns"
    return doc.get("kind") == "interview"


def _body_line(path) -> int:
    """How many lines of a Markdown or text file precede its stored text."""
    from research.corpus.loaders import split_front_matter
    from research.files import decode_bytes
    from research.text import normalise

    try:
        text, _ = decode_bytes(path.read_bytes(), path=path)
        return split_front_matter(normalise(text), path=path)[2]
    except (OSError, ValueError, ResearchError):
        return 0


def _paragraph(text: str, line: int) -> int:
    """The paragraph (blocks separated by blank lines, from 1) of a line of ``text``."""
    count, blank = 0, True
    for this in text.split("\n")[:line]:
        if this.strip():
            count += blank
            blank = False
        else:
            blank = True
    return count


def check_speakers(project, state: dict[str, Any]) -> list[Problem]:
    """Warn about labels that start only one line of a transcript without ``speakers:``.

    Such a label (``Date : 12 mars 2024``, or a speaker who speaks once) does not
    start a turn: the line is read as text. Each warning names the document, the
    line (of the file for Markdown and text, the paragraph otherwise) and the label.
    """
    from research.corpus import lone_speakers

    corpus = state.get("corpus")
    if corpus is None or not len(corpus.documents):
        return []
    problems: list[Problem] = []
    for doc in corpus.documents.to_dict("records"):
        if not _in_turns(doc) or _declared(doc.get("speakers")):
            continue
        text = corpus.text(doc["doc_id"])
        lone = lone_speakers(text)
        if not lone:
            continue
        rel = str(doc["path"])
        as_text = rel.lower().endswith(_TEXT_SUFFIXES)
        offset = _body_line(project.root / rel) if as_text else 0
        for line, label in lone:
            where = "" if as_text else f" (paragraph {_paragraph(text, line)})"
            problems.append(
                Problem(
                    "warning",
                    f"speaker label {label!r} starts no other line{where}, so this line is "
                    "read as text, not as a turn",
                    path=rel,
                    line=offset + line if as_text else None,
                    hint=f"if {label} is a speaker, declare it under 'speakers:' in the "
                    "front matter; otherwise it is treated as text",
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


def check_coders_file(project, state: dict[str, Any]) -> list[Problem]:
    """Check ``coders.yaml`` (which documents each coder finished or was given), if there
    is one: its form, and that the documents it names are in the corpus."""
    from research.coding import CODER_KEYS, CODERS_FILE, read_coders_file
    from research.errors import CodingError
    from research.files import load_yaml

    path = project.paths.codings / CODERS_FILE
    if not path.is_file():
        return []
    shown = project.paths.relative(path)
    try:
        work = read_coders_file(project.paths.codings)
    except CodingError as exc:
        return [replace(exc.to_problem(), path=shown)]
    lines = load_yaml(path.read_text(encoding="utf-8"), path=shown, lines=True) or {}
    problems = []
    for coder, block in lines.items():
        where = getattr(block, "key_lines", {})
        for key in where:
            if key not in CODER_KEYS:
                problems.append(
                    Problem(
                        "warning",
                        f"coder {coder!r}: unknown key {key!r} (ignored)",
                        path=shown,
                        line=where[key],
                        hint=f"the keys of a coder are {', '.join(CODER_KEYS)}",
                    )
                )
    corpus = state.get("corpus")
    if corpus is None or not work:
        return problems
    known = set(corpus.doc_ids)
    for coder, entry in work.items():
        where = getattr(lines.get(coder), "key_lines", {})
        named = {
            "documents": set() if entry.finished in (None, "all") else set(entry.finished),
            "assigned": set(entry.assigned or ()),
        }
        for key, ids in named.items():
            missing = sorted(ids - known)
            if missing:
                listed = ", ".join(missing[:5]) + (" …" if len(missing) > 5 else "")
                problems.append(
                    Problem(
                        "warning",
                        f"coder {coder!r}: {key} names document(s) not in the corpus: {listed}",
                        path=shown,
                        line=where.get(key, lines.key_lines.get(coder)),
                        hint="correct the ids, or restore the documents",
                    )
                )
    return problems


def check_memos(project, state: dict[str, Any]) -> list[Problem]:
    """Check the memo files: front matter, kinds, dates, and every link (codes,
    documents, codings, other memos), each problem with the memo file and line."""
    from research.coding import read_codings
    from research.errors import InputError
    from research.files import outside_link_problem, outside_links
    from research.memos import check_memo_links, read_memos

    folder = project.paths.memos
    if not folder.is_dir():
        return []
    away = outside_links(folder, root=project.root)
    if away:
        return [outside_link_problem(link, target, root=project.root) for link, target in away]
    try:
        kinds = project.memo_kinds
    except InputError as exc:
        return [exc.to_problem()]
    memos, problems = read_memos(
        folder, root=project.root, kinds=kinds, options=project.loader_options
    )
    corpus, codebook = state.get("corpus"), state.get("codebook")
    codings = None
    if project.paths.codings.is_dir():
        codings, _ = read_codings(project.paths.codings, root=project.root)  # checked above
    return problems + check_memo_links(
        memos,
        codes=None if codebook is None else codebook.ids,
        documents=None if corpus is None else corpus.documents["doc_id"].astype(str),
        codings=codings,
    )


def check_lexicon(project, state: dict[str, Any]) -> list[Problem]:
    """Check the project's lexicon (``codebook/lexicon.yaml``), if there is one."""
    from research.nlp import check_lexicon as lexicon_problems

    return lexicon_problems(project.paths.lexicon, root=project.root)


def check_dictionaries(project, state: dict[str, Any]) -> list[Problem]:
    """Check the dictionaries of ``codebook/dictionaries/`` (keys, terms, spaCy patterns)
    and that their codes are codable codes of the codebook."""
    from research.autocode import check_dictionaries as dictionary_problems

    return dictionary_problems(
        project.paths.dictionaries, codebook=state.get("codebook"), root=project.root
    )


CHECKS: list[Check] = [
    check_journals,
    check_links,
    check_corpus,
    check_speakers,
    check_tables,
    check_references,
    check_codebook,
    check_lexicon,
    check_dictionaries,
    check_codings,
    check_coders_file,
    check_memos,
]


def _remove_stale_temporaries(project) -> None:
    """Remove what killed atomic writes left in the project's folders (``.*.tmp``)."""
    import os

    from research.files import remove_stale_temporaries

    paths = project.paths
    for folder in (paths.root, paths.tables, paths.codings, paths.codebook, paths.private):
        remove_stale_temporaries(folder)
    for top in (paths.documents, paths.outputs, paths.memos):
        for current, dirs, _ in os.walk(top):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            remove_stale_temporaries(current)


def validate_project(project, *, strict: bool = False) -> list[Problem]:
    """Run every check of :data:`CHECKS` and return all problems found.

    Parameters
    ----------
    project : research.project.Project
    strict : bool
        Raise :class:`ValidationFailed` when any problem is an error.
    """
    _remove_stale_temporaries(project)
    state: dict[str, Any] = {}
    problems: list[Problem] = []
    for check in CHECKS:
        problems.extend(check(project, state))
    if strict and any(p.severity == "error" for p in problems):
        raise ValidationFailed([p for p in problems if p.severity == "error"])
    return problems
