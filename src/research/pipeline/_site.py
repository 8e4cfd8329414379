"""``outputs/index.html``: the page a supervisor opens first.

One static page, readable from the file system without a server: relative links
only, the shared stylesheet inline (``research.pages``), no script and no external
address. It has one section per
chapter (in the order of ``notebooks/chapters.yaml``) and, for each chapter, a
table of its runs read from their ``provenance.json``: parameters, status,
duration, the hash of the inputs, links to the notebook's HTML and to the
executed notebook, figure thumbnails (linking to the SVG) and links to the
tables and quotes in each format.

Examples
--------
>>> format_parameters({"edition": None, "seed": 3})
'edition=None, seed=3'
"""

from __future__ import annotations

import os
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from research.pipeline._provenance import read_provenance

if TYPE_CHECKING:
    from research.project import Project

__all__ = [
    "INDEX_FILE",
    "MEMO_INDEX",
    "collect_runs",
    "format_parameters",
    "index_html",
    "write_index",
]

INDEX_FILE = "index.html"
#: The memo index page (``research memo index``), linked from the index when it exists.
MEMO_INDEX = "memos/index.html"


def format_parameters(parameters: Mapping[str, Any]) -> str:
    """Parameters as ``key=value`` text, sorted by key."""
    return ", ".join(f"{key}={value}" for key, value in sorted(parameters.items()))


def _href(*parts: str) -> str:
    return "/".join(quote(part) for part in parts)


def collect_runs(
    outputs: str | os.PathLike, order: Mapping[str, list[str]] | None = None
) -> dict[str, list[dict[str, Any]]]:
    """The provenance records of every run folder under ``outputs``, by chapter.

    Chapters and runs named in ``order`` come first, in that order; others follow
    sorted by name. Folders without a ``provenance.json`` (interactive sessions)
    are left out.
    """
    outputs = Path(outputs)
    found: dict[str, dict[str, dict]] = {}
    if outputs.is_dir():
        for chapter_dir in sorted(p for p in outputs.iterdir() if p.is_dir()):
            for run_dir in sorted(p for p in chapter_dir.iterdir() if p.is_dir()):
                record = read_provenance(run_dir)
                if record is not None:
                    found.setdefault(chapter_dir.name, {})[run_dir.name] = record
    order = order or {}
    chapters = [c for c in order if c in found] + sorted(c for c in found if c not in order)
    result = {}
    for chapter in chapters:
        runs = found[chapter]
        wanted = order.get(chapter, [])
        names = [r for r in wanted if r in runs] + sorted(r for r in runs if r not in wanted)
        result[chapter] = [runs[r] | {"_folder": r} for r in names]
    return result


def _figures(chapter: str, folder: str, record: Mapping[str, Any]) -> list[dict[str, str]]:
    """Thumbnail (PNG) and link target (SVG, else the PNG) of each saved figure."""
    thumbs = []
    for item in record.get("outputs") or []:
        if item.get("kind") != "figure":
            continue
        paths = [f["path"] for f in item.get("files", [])]
        png = next((p for p in paths if p.endswith(".png")), None)
        target = next((p for p in paths if p.endswith(".svg")), png)
        if png is None or target is None:
            continue
        thumbs.append(
            {
                "href": _href(chapter, folder, target),
                "src": _href(chapter, folder, png),
                "title": item.get("caption") or item.get("name", ""),
            }
        )
    return thumbs


def _files(chapter: str, folder: str, record: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The saved pages, tables, quotes and files, each with a link per format."""
    items = []
    for kind in ("page", "table", "quote", "file"):
        for item in record.get("outputs") or []:
            if item.get("kind") != kind:
                continue
            links = [
                {"href": _href(chapter, folder, f["path"]), "text": _link_text(f["path"], kind)}
                for f in item.get("files", [])
            ]
            items.append(
                {"name": item.get("name", ""), "caption": item.get("caption") or "", "links": links}
            )
    return items


def _link_text(path: str, kind: str) -> str:
    """The suffix for a saved table or quote (several formats of one name), else the file name."""
    return Path(path).suffix[1:] if kind in ("table", "quote") else Path(path).name


def _run(chapter: str, record: Mapping[str, Any]) -> dict[str, Any]:
    """What the index shows of one run."""
    folder = record["_folder"]
    seconds = (record.get("timings") or {}).get("total_s")
    links = []
    if record.get("html"):
        links.append({"href": _href(chapter, folder, record["html"]), "text": "HTML"})
    if record.get("notebook_output"):
        links.append({"href": _href(chapter, folder, record["notebook_output"]), "text": "ipynb"})
    links.append({"href": _href(chapter, folder, "provenance.json"), "text": "provenance"})
    git = record.get("git") or {}
    commit = (git.get("commit") or "")[:10] + (" (modifié)" if git.get("dirty") else "")
    return {
        "folder": folder,
        "inputs": (record.get("inputs_sha256") or "")[:12],
        "codebook_version": record.get("codebook_version") or "",
        "commit": commit,
        "finished": record.get("finished") or "",
        "parameters": format_parameters(record.get("parameters") or {}),
        "status": record.get("status", "?"),
        "error": (record.get("error") or {}).get("message") or "",
        "duration": "" if seconds is None else f"{seconds:.1f} s",
        "links": links,
        "figures": _figures(chapter, folder, record),
        "files": _files(chapter, folder, record),
    }


def index_html(
    runs: Mapping[str, list[dict[str, Any]]],
    *,
    titles: Mapping[str, str] | None = None,
    project_name: str = "",
    pages: Sequence[Mapping[str, str]] = (),
) -> str:
    """The index page for the runs of :func:`collect_runs`; ``pages`` are other pages
    of the outputs folder to link (``href`` relative to it, ``text``).

    Examples
    --------
    >>> page = index_html({"review": [{"_folder": "all", "status": "ok", "parameters": {}}]},
    ...                   titles={"review": "Bilan"})
    >>> "<h2" in page and "https://" not in page and "http://" not in page
    True
    """
    from research.pages import render_page

    titles = titles or {}
    sections = []
    for chapter, records in runs.items():
        title = titles.get(chapter) or (records[0].get("title") if records else None) or chapter
        failed = sum(r.get("status") == "failed" for r in records)
        sections.append(
            {
                "id": chapter,
                "title": title,
                "summary": f"{len(records)} exécution(s)"
                + (f", {failed} en échec" if failed else ""),
                "runs": [_run(chapter, r) for r in records],
            }
        )
    contents = [{"id": c, "title": titles.get(c) or c} for c in runs]
    return render_page(
        "index.html",
        title=f"Chapitres — {project_name}" if project_name else "Chapitres",
        project_name=project_name,
        contents=contents,
        sections=sections,
        pages=list(pages),
    )


def write_index(project: Project, *, chapters_file: str | os.PathLike | None = None) -> Path:
    """Write ``outputs/index.html`` for every run found under the outputs folder.

    The chapter list gives the order and titles; a missing or broken list only
    loses that order.
    """
    from research.errors import InputError
    from research.files import atomic_write_text
    from research.pipeline._chapters import CHAPTERS_FILE, read_chapters

    order: dict[str, list[str]] = {}
    titles: dict[str, str] = {}
    try:
        for chapter in read_chapters(chapters_file or project.paths.notebooks / CHAPTERS_FILE):
            order[chapter.id] = [r.id for r in chapter.runs]
            titles[chapter.id] = chapter.title
    except InputError:
        pass
    outputs = project.paths.outputs
    outputs.mkdir(parents=True, exist_ok=True)
    pages = []
    if (outputs / MEMO_INDEX).is_file():
        pages.append({"href": MEMO_INDEX, "text": "Mémos du projet"})
    page = index_html(
        collect_runs(outputs, order), titles=titles, project_name=project.title, pages=pages
    )
    path = outputs / INDEX_FILE
    atomic_write_text(path, page)
    return path
