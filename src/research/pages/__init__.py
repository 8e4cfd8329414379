"""Pages and notebook snippets drawn from templates, with one shared stylesheet.

Every generated page (the chapter index, a coded document, the consensus meeting
page, the codebook export, the network view) extends ``base.html``, so they all
look alike and every value they show is escaped by Jinja2's autoescaping: text
from documents is shown as text, never inserted as HTML. Snippets shown in
notebooks (``_repr_html_``) use the same stylesheet, scoped to an element of
class ``research``, without the full page.
"""

from research.pages._render import (
    STYLESHEET_MARKER,
    render_page,
    render_snippet,
    stylesheet,
    table_context,
)

__all__ = ["STYLESHEET_MARKER", "render_page", "render_snippet", "stylesheet", "table_context"]
