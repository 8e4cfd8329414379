"""``outputs/index.html``: the page a supervisor opens first.

One static page, readable from the file system without a server: relative links
only, inline CSS, no script and no external address. It has one section per
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

import html
import os
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from research.pipeline._provenance import read_provenance

if TYPE_CHECKING:
    from research.project import Project

__all__ = ["INDEX_FILE", "collect_runs", "format_parameters", "index_html", "write_index"]

INDEX_FILE = "index.html"
_CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:2rem auto;
max-width:75rem;padding:0 1rem;color:#222;line-height:1.4}
h1{font-size:1.6rem}h2{font-size:1.25rem;margin-top:2.2rem;border-bottom:1px solid #ccc}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{border:1px solid #ddd;padding:.35rem .5rem;vertical-align:top;text-align:left}
th{background:#f4f4f4}code{font-size:.85rem}
.ok{color:#1a7f37;font-weight:600}.failed{color:#b42318;font-weight:600}
.thumbs img{max-width:140px;max-height:100px;border:1px solid #ddd;margin:2px}
.muted{color:#666;font-size:.85rem}.error{color:#b42318;font-size:.85rem}
ul.files{margin:0;padding-left:1rem}
"""


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


def _files_cell(chapter: str, folder: str, record: Mapping[str, Any], kind: str) -> str:
    items = [o for o in record.get("outputs") or [] if o.get("kind") == kind]
    if not items:
        return ""
    if kind == "figure":
        thumbs = []
        for item in items:
            paths = [f["path"] for f in item.get("files", [])]
            png = next((p for p in paths if p.endswith(".png")), None)
            target = next((p for p in paths if p.endswith(".svg")), png)
            if png is None or target is None:
                continue
            title = html.escape(item.get("caption") or item.get("name", ""))
            thumbs.append(
                f'<a href="{_href(chapter, folder, target)}" title="{title}">'
                f'<img src="{_href(chapter, folder, png)}" alt="{title}"></a>'
            )
        return f'<div class="thumbs">{"".join(thumbs)}</div>'
    lines = []
    for item in items:
        links = " ".join(
            f'<a href="{_href(chapter, folder, f["path"])}">{html.escape(_link_text(f["path"], kind))}</a>'
            for f in item.get("files", [])
        )
        title = f' title="{html.escape(item["caption"])}"' if item.get("caption") else ""
        lines.append(f"<li><span{title}>{html.escape(item.get('name', ''))}</span> {links}</li>")
    return f'<ul class="files">{"".join(lines)}</ul>'


def _link_text(path: str, kind: str) -> str:
    """The suffix for a saved table or quote (several formats of one name), else the file name."""
    return Path(path).suffix[1:] if kind in ("table", "quote") else Path(path).name


def _run_row(chapter: str, record: Mapping[str, Any]) -> str:
    folder = record["_folder"]
    status = record.get("status", "?")
    seconds = (record.get("timings") or {}).get("total_s")
    links = []
    if record.get("html"):
        links.append(f'<a href="{_href(chapter, folder, record["html"])}">HTML</a>')
    if record.get("notebook_output"):
        links.append(f'<a href="{_href(chapter, folder, record["notebook_output"])}">ipynb</a>')
    links.append(f'<a href="{_href(chapter, folder, "provenance.json")}">provenance</a>')
    error = (record.get("error") or {}).get("message")
    status_cell = f'<span class="{html.escape(status)}">{html.escape(status)}</span>'
    if error:
        status_cell += f'<div class="error">{html.escape(error)}</div>'
    git = record.get("git") or {}
    commit = (git.get("commit") or "")[:10] + (" (modifié)" if git.get("dirty") else "")
    details = (
        f'<div class="muted">entrées <code>{html.escape((record.get("inputs_sha256") or "")[:12])}</code>'
        f"{' · codebook <code>' + html.escape(record['codebook_version']) + '</code>' if record.get('codebook_version') else ''}"
        f"{' · commit <code>' + html.escape(commit) + '</code>' if commit else ''}"
        f" · {html.escape(record.get('finished') or '')}</div>"
    )
    return (
        "<tr>"
        f"<td><b>{html.escape(folder)}</b>{details}</td>"
        f"<td><code>{html.escape(format_parameters(record.get('parameters') or {}))}</code></td>"
        f"<td>{status_cell}</td>"
        f"<td>{'' if seconds is None else f'{seconds:.1f} s'}</td>"
        f"<td>{' · '.join(links)}</td>"
        f"<td>{_files_cell(chapter, folder, record, 'figure')}</td>"
        f"<td>{''.join(_files_cell(chapter, folder, record, kind) for kind in ('table', 'quote', 'file'))}</td>"
        "</tr>"
    )


def index_html(
    runs: Mapping[str, list[dict[str, Any]]],
    *,
    titles: Mapping[str, str] | None = None,
    project_name: str = "",
) -> str:
    """The index page for the runs of :func:`collect_runs`.

    Examples
    --------
    >>> page = index_html({"review": [{"_folder": "all", "status": "ok", "parameters": {}}]},
    ...                   titles={"review": "Bilan"})
    >>> "<h2" in page and "https://" not in page and "http://" not in page
    True
    """
    titles = titles or {}
    sections = []
    for chapter, records in runs.items():
        title = titles.get(chapter) or (records[0].get("title") if records else None) or chapter
        failed = sum(r.get("status") == "failed" for r in records)
        summary = f"{len(records)} exécution(s)" + (f", {failed} en échec" if failed else "")
        head = (
            "<tr><th>exécution</th><th>paramètres</th><th>statut</th><th>durée</th>"
            "<th>notebook</th><th>figures</th><th>tableaux, citations et fichiers</th></tr>"
        )
        rows = "".join(_run_row(chapter, r) for r in records)
        sections.append(
            f'<section id="{html.escape(chapter)}"><h2>{html.escape(title)} '
            f'<span class="muted">({html.escape(chapter)} — {summary})</span></h2>'
            f"<table>{head}{rows}</table></section>"
        )
    contents = "".join(
        f'<li><a href="#{html.escape(c)}">{html.escape(titles.get(c) or c)}</a></li>' for c in runs
    )
    body = (
        "".join(sections)
        or "<p>Aucune exécution pour l’instant : lancez <code>research run</code>.</p>"
    )
    name = html.escape(project_name)
    return (
        '<!DOCTYPE html>\n<html lang="fr"><head><meta charset="utf-8">'
        f"<title>Chapitres — {name}</title><style>{_CSS}</style></head><body>"
        f"<h1>Chapitres de la thèse <span class='muted'>{name}</span></h1>"
        "<p>Chaque exécution d’un notebook de chapitre, avec ses paramètres, ses figures, "
        "ses tableaux et sa provenance (empreintes des fichiers d’entrée, versions, commit). "
        "Régénérer : <code>research run</code>.</p>"
        f"<ul>{contents}</ul>{body}</body></html>\n"
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
    page = index_html(collect_runs(outputs, order), titles=titles, project_name=project.root.name)
    path = outputs / INDEX_FILE
    atomic_write_text(path, page)
    return path
