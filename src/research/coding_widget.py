"""Coding in JupyterLab: read a document, select a passage with the mouse, give it codes.

The public face of the coding widgets, which live in :mod:`research.coding` (a
coding session opens them)::

    import research
    research.code_document(research.open_project(), coder="camille", doc_id="INT03")

- :func:`code_document` and :meth:`research.CodingSession.widget`: a document
  with its codings as stripes in a margin and the codebook as a searchable tree;
  select a passage (mouse, or Shift and the arrows), click a code, type a few
  letters of its label or a digit; every change is saved at once in the coder's
  file (:class:`CodingWidget`).
- :func:`code_browser`: the codebook with counts per coder, each code's passages
  in context, and a document widget to open them (:class:`CodeBrowser`).
- :class:`Utf16Offsets`: the conversion between the page's UTF-16 positions and
  the project's code points, done at the widget's boundary only.

Examples
--------
>>> from research.coding_widget import code_document, CodeBrowser
>>> code_document.__module__
'research.coding._notebook'
"""

from research.coding import (
    CodeBrowser,
    CodingWidget,
    Utf16Offsets,
    code_browser,
    code_document,
)

__all__ = ["CodeBrowser", "CodingWidget", "Utf16Offsets", "code_browser", "code_document"]
