"""The code browser: the codebook with counts per coder, a code's passages, and a
document widget to open one of them.

:class:`CodeBrowser` shows the codebook as a tree with, for each code, how many
codings each coder made (a category counts its sub-codes'). Clicking a code lists
its passages with their context (:func:`research.coding.retrieve`), for every
coder or one; "Ouvrir" shows a passage in a :class:`CodingWidget` under the
browser, where the session's coder can code on.
"""

from __future__ import annotations

from typing import Any

import anywidget
import ipywidgets
import pandas as pd
import traitlets

from research.coding._table import CODING_COLUMNS
from research.coding._views import retrieve
from research.coding._widget import CodingWidget, widget_asset, widget_module
from research.coding._widget_data import code_tree, other_coders
from research.contracts import is_blank

__all__ = ["CodeBrowser"]

FALLBACK_NOTE = (
    "Navigateur de codes : vue figée (les widgets ne s’exécutent pas ici). Pour parcourir "
    "les passages, ouvrez le carnet dans JupyterLab et exécutez la cellule."
)


def _counts_by_coder(codebook, codings: pd.DataFrame, coders: list[str]) -> list[dict]:
    """The codebook in tree order, each code with its codings per coder (sub-codes included)."""
    table = (
        codings.groupby(["code", "coder"]).size().unstack(fill_value=0)
        if len(codings)
        else pd.DataFrame()
    )
    counts = {
        code: {
            c: int(table.at[code, c]) if code in table.index and c in table.columns else 0
            for c in coders
        }
        for code in codebook.codes["code"]
    }
    return code_tree(codebook, counts)


class CodeBrowser(anywidget.AnyWidget):
    """The codebook with counts per coder; a code's passages; open one to code on.

    Parameters
    ----------
    session : CodingSession
        The coder who codes in the document widget opened from the browser.
    context : int
        Characters of text shown before and after each passage.
    limit : int
        At most this many passages are listed (the count says how many there are).
    **options
        Options of the document widget (see :class:`CodingWidget`).

    Attributes
    ----------
    document : CodingWidget
        The document widget shown under the browser once a passage is opened.

    Examples
    --------
    >>> import pandas as pd
    >>> from research.corpus import Corpus
    >>> from research.codebook import Codebook
    >>> from research.coding import CodingSession
    >>> corpus = Corpus.from_texts({"D": "On a coopéré avec la fromagerie."})
    >>> book = Codebook.from_frame(pd.DataFrame({"code": ["sut", "sut.cooperation"],
    ...                                          "codable": [False, True]}))
    >>> session = CodingSession(None, "lea", corpus=corpus, codebook=book)
    >>> _ = session.code_text("D", "coopéré", "sut.cooperation")
    >>> browser = CodeBrowser(session)
    >>> [(c["code"], c["counts"]) for c in browser.codes]
    [('sut', {'lea': 1}), ('sut.cooperation', {'lea': 1})]
    >>> browser.receive({"type": "pick", "code": "sut"})
    >>> [(p["before"], p["quote"], p["after"]) for p in browser.passages]
    [('On a ', 'coopéré', ' avec la fromagerie.')]
    """

    view = traitlets.Unicode("browser").tag(sync=True)
    codes = traitlets.List().tag(sync=True)
    coders = traitlets.List().tag(sync=True)
    coder_filter = traitlets.Unicode("").tag(sync=True)
    chosen = traitlets.Unicode("").tag(sync=True)
    passages = traitlets.List().tag(sync=True)
    n_passages = traitlets.Int(0).tag(sync=True)
    acked = traitlets.Int(0).tag(sync=True)

    _esm = widget_module()
    _css = widget_asset("widget.css")

    def __init__(self, session: Any, *, context: int = 120, limit: int = 200, **options: Any):
        self.session = session
        self._context = int(context)
        self._limit = int(limit)
        self._rows = pd.DataFrame()
        codings = self._codings()
        coders = sorted(set(codings["coder"]) | {session.coder})
        super().__init__(coders=coders, codes=_counts_by_coder(session.codebook, codings, coders))
        self.document = CodingWidget(session, **options)
        self.document.layout.display = "none"
        self.document.observe(lambda _change: self._recount(), names="status")
        self._box = ipywidgets.VBox([self, self.document])
        self.on_msg(lambda _w, content, _b: self.receive(content))

    def __repr__(self) -> str:
        return (
            f"<CodeBrowser {self.session.coder!r}: {len(self.codes)} codes, coders {self.coders}>"
        )

    def _codings(self) -> pd.DataFrame:
        """Every coder's codings: the files of the others, and this session's own."""
        session = self.session
        session.refresh()
        others = other_coders(session.folder, session.coder)
        mine = session.codings[CODING_COLUMNS]
        return pd.concat([f for f in (others, mine) if len(f)] or [mine], ignore_index=True)

    def _recount(self) -> None:
        codings = self._codings()
        coders = sorted(set(codings["coder"]) | {self.session.coder})
        with self.hold_sync():
            self.coders = coders
            self.codes = _counts_by_coder(self.session.codebook, codings, coders)
            if self.chosen:
                self._list(codings)

    def _list(self, codings: pd.DataFrame) -> None:
        session = self.session
        found = retrieve(
            codings,
            session.corpus,
            session.codebook,
            self.chosen,
            context=self._context,
            coders=self.coder_filter or None,
        )
        self._rows = found
        shown = found.head(self._limit)
        self.n_passages = len(found)
        self.passages = [
            {
                "coder": r.coder,
                "doc_id": r.doc_id,
                "code": r.code,
                "quote": r.quote,
                "before": r.before or "",
                "after": r.after or "",
                "citation": r.citation,
                "memo": "" if is_blank(r.memo) else str(r.memo),
            }
            for r in shown.itertuples(index=False)
        ]

    def receive(self, content: dict) -> None:
        """Handle one message of the page: ``pick`` a code, ``filter`` by coder, ``open``
        a passage (its index in :attr:`passages`)."""
        kind = content.get("type")
        with self.hold_sync():
            if kind == "pick":
                self.chosen = self.session.codebook.check(str(content["code"]))
                self._list(self._codings())
            elif kind == "filter":
                self.coder_filter = str(content.get("coder") or "")
                if self.chosen:
                    self._list(self._codings())
            elif kind == "open":
                self.show_passage(int(content["index"]))
            self.acked = int(content.get("seq") or 0)

    def show_passage(self, index: int) -> CodingWidget:
        """Show passage ``index`` of the list in the document widget."""
        row = self._rows.iloc[index]
        self.document.layout.display = None
        self.document.jump(row)
        return self.document

    def _repr_mimebundle_(self, **kwargs: Any):
        """The browser and its document widget, and the codebook where widgets do not run."""
        from research.pages import render_snippet

        bundle = self._box._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, metadata = bundle if isinstance(bundle, tuple) else (bundle, {})
        note = render_snippet("message.html", message=FALLBACK_NOTE)
        data["text/html"] = note + self.session.codebook._repr_html_()
        return data, metadata
