"""Rendering templates with Jinja2, autoescaping on, and the shared stylesheet.

Examples
--------
>>> page = render_page("message.html", title="Essai & co", message="<b>gras</b>")
>>> page.startswith("<!DOCTYPE html>") and STYLESHEET_MARKER in page
True
>>> "&lt;b&gt;gras&lt;/b&gt;" in page and "<b>gras</b>" not in page
True
>>> snippet = render_snippet("message.html", message="x < y")
>>> snippet.startswith('<div class="research">') and "x &lt; y" in snippet
True
"""

from __future__ import annotations

import functools
import json
import math
from collections.abc import Mapping
from importlib import resources
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import jinja2
    import pandas as pd

__all__ = ["STYLESHEET_MARKER", "render_page", "render_snippet", "stylesheet", "table_context"]

STYLESHEET_MARKER = "/* research: feuille de style commune */"


@functools.cache
def _environment() -> jinja2.Environment:
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.PackageLoader("research.pages", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["json_script"] = _json_script
    return env


def _json_script(value: Any) -> Any:
    """JSON for a ``<script type="application/json">`` element: ``<``, ``>``, ``&`` escaped."""
    from markupsafe import Markup

    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return Markup(text)


@functools.cache
def stylesheet() -> str:
    """The text of the shared stylesheet (``templates/style.css``).

    Examples
    --------
    >>> stylesheet().startswith(STYLESHEET_MARKER)
    True
    """
    return resources.files("research.pages").joinpath("templates/style.css").read_text("utf-8")


def _render(template: str, context: Mapping[str, Any]) -> str:
    from markupsafe import Markup

    return _environment().get_template(template).render(**context, stylesheet=Markup(stylesheet()))


def render_page(template: str, /, **context: Any) -> str:
    """A whole HTML page: ``template`` (which extends ``base.html``) with ``context``.

    Every value is escaped unless it is already :class:`markupsafe.Markup`; the
    page carries the shared stylesheet inline, so it opens offline and alone.

    Parameters
    ----------
    template : str
        The name of a template of ``research/pages/templates``.
    **context
        The template's variables; ``title`` names the page.

    Returns
    -------
    str
        The page, ending with a newline.
    """
    context.setdefault("snippet", False)
    return _render(template, context)


def render_snippet(template: str, /, **context: Any) -> str:
    """A piece of HTML for a notebook: the page's content without the page around it.

    The same templates as :func:`render_page` render with ``snippet`` true: their
    content sits in a ``<div class="research">`` that starts with the shared
    stylesheet (every rule of which is scoped to that class).
    """
    context["snippet"] = True
    context.setdefault("title", "")
    return _render(template, context).strip()


def _cell(value: Any) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if isinstance(value, float):
        return f"{value:.4g}" if not value.is_integer() or abs(value) >= 1e15 else f"{value:.0f}"
    if isinstance(value, bool):
        return "oui" if value else "non"
    try:
        import pandas as pd

        if value is pd.NA or value is pd.NaT:
            return ""
    except ImportError:  # pragma: no cover
        pass
    return str(value)


def table_context(
    frame: pd.DataFrame,
    *,
    headers: Mapping[str, str] | None = None,
    index: bool = False,
) -> dict[str, Any]:
    """A table for the ``table`` macro: header texts, and rows of cell texts.

    Parameters
    ----------
    frame : pandas.DataFrame
        The table shown; it is not changed.
    headers : mapping, optional
        French header for a column name (others keep their name).
    index : bool
        Show the index (its levels) as the first columns.

    Examples
    --------
    >>> import pandas as pd
    >>> table_context(pd.DataFrame({"n": [1, 2], "p": [0.5, None]}), headers={"n": "nombre"})
    {'headers': ['nombre', 'p'], 'numeric': [True, True], 'rows': [['1', '0.5'], ['2', '']]}
    """
    import pandas as pd

    shown = frame.reset_index() if index else frame
    headers = headers or {}
    names = [headers.get(str(c), str(c)) for c in shown.columns]
    numeric = [pd.api.types.is_numeric_dtype(dtype) for dtype in shown.dtypes]
    rows = [[_cell(v) for v in row] for row in shown.itertuples(index=False, name=None)]
    return {"headers": names, "numeric": numeric, "rows": rows}
