"""The coding widget: read a document in JupyterLab, select a passage, give it codes.

:class:`CodingWidget` (made by :meth:`CodingSession.widget` or
:func:`research.coding.code_document`) shows one document of a list with its
turns, headings and timestamps, the coder's codings as stripes in a margin, and
the codebook as a searchable tree. The coder selects a passage with the mouse or
with Shift and the arrow keys (the page snaps it to whole words) and gives it
codes by clicking in the tree, typing a few letters of a code's label, or a
digit for a recent code; creates a code or an in-vivo code on the spot; and, on a
coded passage, sees its codes, memo and other coders' codings, removes, recodes,
extends or shrinks it and writes its memo. Every change goes through the
:class:`CodingSession` and is saved at once through the coding store (atomic,
under the coder's lock); undo and redo work within the widget.

The page is a plain ES module (``research/coding/widget/*.js``, joined in order)
loaded by anywidget. Positions cross the boundary in UTF-16 code units (the
page's) and are converted to code points here (:mod:`research.coding._offsets`).
Where widgets cannot run (an exported HTML page), the output shows the static
coded document (:func:`research.coding.document_html`) and says so.
"""

from __future__ import annotations

import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from importlib import resources
from typing import Any

import anywidget
import pandas as pd
import traitlets

from research.coding._offsets import Utf16Offsets, whole_characters
from research.coding._table import empty_codings
from research.coding._views import document_html
from research.coding._widget_data import (
    codes_view,
    coding_key,
    codings_view,
    document_ids,
    document_view,
    documents_view,
    other_coders,
    spans_of,
)
from research.coding._widget_suggestions import (
    suggestion_rows,
    suggestion_table,
    suggestions_view,
)
from research.contracts import is_blank
from research.errors import CodingError, ResearchError

__all__ = ["CodingWidget", "widget_asset", "widget_module"]

_SCRIPTS = (
    "util.js",
    "text.js",
    "margin.js",
    "tree.js",
    "panel.js",
    "suggestions.js",
    "document.js",
    "browser.js",
    "main.js",
)
_RECENT = 9
FALLBACK_NOTE = (
    "Widget de codage : cette vue est figée (les widgets ne s’exécutent pas ici, par exemple "
    "dans une page HTML exportée). Pour coder, ouvrez le carnet dans JupyterLab et exécutez "
    "la cellule."
)


def widget_asset(name: str) -> str:
    """The text of a file of the page (``research/coding/widget/<name>``)."""
    return resources.files("research.coding").joinpath("widget", name).read_text("utf-8")


def widget_module() -> str:
    """The ES module of the coding widgets: the scripts of the page joined in order."""
    return "\n".join(widget_asset(name) for name in _SCRIPTS)


class _Refused(Exception):
    """An action the widget cannot do; its message is shown to the coder (in French)."""


@dataclass
class _Edit:
    """One change of the coder, as the rows it took away and the rows it put."""

    label: str
    doc_id: str
    before: pd.DataFrame
    after: pd.DataFrame
    suggested: pd.DataFrame | None = None  # an accepted suggestion, shown again on undo


def _french(exc: Exception) -> str:
    """What the coder reads when a change could not be made or saved."""
    text = str(exc)
    if "are being saved by" in text:
        return (
            "Un autre processus enregistre en ce moment les codages de ce codeur ; "
            "réessayez dans un instant (les changements restent en attente)."
        )
    if "the codebook changed since this session was opened" in text:
        return (
            "Le livre de codes a changé depuis l'ouverture de cette session (un code renommé, "
            "déplacé, fusionné ou supprimé) : les changements non enregistrés sont gardés à part "
            "(voir le détail) ; rouvrez le widget pour les coder à nouveau."
        )
    if isinstance(exc, ResearchError):
        return f"Impossible : {text}"
    return f"Erreur inattendue ({type(exc).__name__}) : {text}"


class CodingWidget(anywidget.AnyWidget):
    """A document to read and code with the mouse and keyboard, in JupyterLab.

    Parameters
    ----------
    session : CodingSession
        The coder's session: every change goes through it and is saved at once.
    documents : str, list of str or Corpus, optional
        The documents to move through (default: every document).
    where : mapping, optional
        Only documents whose attributes match (see :meth:`Corpus.where`).
    blind : bool, optional
        Blind mode for a reliability sample: other coders' codings are neither
        shown nor sent to the page, and the widget says so. By default, as
        ``coders.yaml`` says: blind in the documents of a sample given to this coder
        with ``blind: true`` (``research assign``), not elsewhere. ``True`` or
        ``False`` decides for every document.
    others : bool
        Show other coders' codings from the start (they can be shown or hidden
        on the page, unless ``blind``); hidden by default.
    new_codes_under : str, optional
        The code under which new and in-vivo codes go (changeable on the page;
        default: the first tree of the codebook).
    suggestions : DataFrame, optional
        Suggestions to review (:meth:`CodingSession.suggestions`), shown as dashed
        stripes to accept or reject (default documents: those they are in).

    Notes
    -----
    The widget saves the session after every change, so changes made in the
    session by code and not yet saved are saved with the first change made on
    the page.

    Examples
    --------
    >>> import pandas as pd, pathlib, tempfile
    >>> from research.corpus import Corpus
    >>> from research.codebook import Codebook
    >>> from research.coding import CodingSession
    >>> corpus = Corpus.from_texts({"D": "Élodie : On a coopéré 🤝 avec la fromagerie."})
    >>> book = Codebook.from_frame(pd.DataFrame({"code": ["sut", "sut.cooperation"],
    ...                                          "codable": [False, True]}))
    >>> session = CodingSession(None, "lea", corpus=corpus, codebook=book,
    ...                         folder=pathlib.Path(tempfile.mkdtemp()))
    >>> widget = session.widget("D")
    >>> widget.receive({"type": "code", "start": 14, "end": 43, "codes": ["sut.cooperation"]})
    >>> session.codings[["start", "end", "quote"]].values.tolist()  # code points
    [[14, 42, 'coopéré 🤝 avec la fromagerie']]
    >>> widget.status["state"]
    'saved'
    """

    view = traitlets.Unicode("document").tag(sync=True)
    coder = traitlets.Unicode("").tag(sync=True)
    doc = traitlets.Dict().tag(sync=True)
    codings = traitlets.List().tag(sync=True)
    others = traitlets.List().tag(sync=True)
    others_info = traitlets.Dict().tag(sync=True)
    show_others = traitlets.Bool(False).tag(sync=True)
    codes = traitlets.List().tag(sync=True)
    documents = traitlets.List().tag(sync=True)
    position = traitlets.Int(0).tag(sync=True)
    status = traitlets.Dict().tag(sync=True)
    history = traitlets.Dict().tag(sync=True)
    recent = traitlets.List().tag(sync=True)
    new_parent = traitlets.Unicode("").tag(sync=True)
    spot = traitlets.Dict().tag(sync=True)
    suggestions = traitlets.List().tag(sync=True)

    _esm = widget_module()
    _css = widget_asset("widget.css")

    def __init__(
        self,
        session: Any,
        documents: str | Sequence[str] | Any | None = None,
        *,
        where: Mapping[str, Any] | None = None,
        blind: bool | None = None,
        others: bool = False,
        new_codes_under: str | None = None,
        suggestions: pd.DataFrame | None = None,
    ) -> None:
        self.session = session
        self._suggested = suggestion_table(suggestions, self._rejected(suggestions))
        if documents is None and len(self._suggested):
            documents = list(dict.fromkeys(self._suggested["doc_id"]))
        self._doc_ids = document_ids(session.corpus, documents, where)
        self._blind = None if blind is None else bool(blind)
        self._work = _coder_work(session) if blind is None else None
        self._undo: list[_Edit] = []
        self._redo: list[_Edit] = []
        self._recent: list[str] = []
        self._focus_seq = 0
        if new_codes_under is not None:
            session.codebook.check(new_codes_under)
        roots = session.codebook.roots()
        parent = new_codes_under or (roots[0] if roots else "")
        state = self._document_state(0, show_others=bool(others))
        super().__init__(
            coder=session.coder,
            new_parent=parent,
            status={"state": "idle", "message": ""},
            history={"undo": "", "redo": ""},
            **state,
        )
        self.on_msg(self._on_message)
        self.observe(self._on_show_others, names="show_others")

    def __repr__(self) -> str:
        return f"<CodingWidget {self.coder!r}: {self.doc_id} ({self.position + 1}/{len(self._doc_ids)})>"

    # -- what is shown ------------------------------------------------------------------
    @property
    def doc_id(self) -> str:
        """The document shown."""
        return self._doc_ids[self.position]

    @property
    def doc_ids(self) -> list[str]:
        """The documents the widget moves through."""
        return list(self._doc_ids)

    def _blind_in(self, doc_id: str) -> bool:
        """Whether the others' codings of ``doc_id`` stay hidden from this coder."""
        if self._blind is not None:
            return self._blind
        return self._work is not None and self._work.blind_in(doc_id)

    def _document_state(self, position: int, *, show_others: bool) -> dict[str, Any]:
        session = self.session
        session.refresh()  # another session of this coder may have saved since
        doc_id = self._doc_ids[position]
        blind = self._blind_in(doc_id)
        show_others = show_others and not blind
        self._offsets = Utf16Offsets(session.corpus.text(doc_id))
        self._others = other_coders(session.folder, session.coder, doc_id=doc_id)
        mine = session.codings
        counts = self._others["coder"].value_counts().sort_index() if len(self._others) else {}
        return {
            "position": position,
            "doc": document_view(session.corpus, doc_id, self._offsets),
            "codings": codings_view(mine[mine["doc_id"] == doc_id], self._offsets),
            "codes": codes_view(session.codebook, mine, doc_id),
            "documents": documents_view(session.corpus, self._doc_ids, mine),
            "others_info": {
                "coders": [{"coder": c, "n": int(n)} for c, n in dict(counts).items()],
                "blind": blind,
            },
            "show_others": show_others,
            "others": self._others_view() if show_others else [],
            "spot": {},
            "suggestions": self._suggestions_view(doc_id),
        }

    def _suggestions_view(self, doc_id: str) -> list[dict]:
        mine = self.session.codings
        coded = set(zip(mine["doc_id"], mine["start"], mine["end"], mine["code"], strict=True))
        return suggestions_view(self._suggested, doc_id, self._offsets, coded)

    def _rejected(self, table: pd.DataFrame | None) -> pd.DataFrame | None:
        """The suggestions this coder rejected before (none to read without a table)."""
        from research.suggest import read_rejections

        if table is None or self.session.folder is None:
            return None
        return read_rejections(self.session.folder, self.session.coder)

    def show_suggestions(self, table: pd.DataFrame | None) -> None:
        """Show suggestions to review (``None``: none), as dashed stripes to accept or reject;
        those this coder rejected before are left out."""
        self._suggested = suggestion_table(table, self._rejected(table))
        self.suggestions = self._suggestions_view(self.doc_id)

    def _others_view(self) -> list[dict]:
        return codings_view(self._others, self._offsets, coder=True)

    def _on_show_others(self, change: dict) -> None:
        if change["new"] and self._blind_in(self.doc_id):
            self.show_others = False
            return
        self.others = self._others_view() if change["new"] else []

    def _refresh(self, status: dict | None = None) -> None:
        """Send the coder's codings, counts, history and a status to the page."""
        session = self.session
        mine = session.codings
        with self.hold_sync():
            self.codings = codings_view(mine[mine["doc_id"] == self.doc_id], self._offsets)
            self.codes = codes_view(session.codebook, mine, self.doc_id)
            self.documents = documents_view(session.corpus, self._doc_ids, mine)
            self.suggestions = self._suggestions_view(self.doc_id)
            self.history = {
                "undo": self._undo[-1].label if self._undo else "",
                "redo": self._redo[-1].label if self._redo else "",
            }
            self.recent = [c for c in self._recent if c in session.codebook]
            if status is not None:
                self.status = status

    # -- moving --------------------------------------------------------------------------
    def _show(
        self, position: int, *, focus: dict | None = None, show_others: bool | None = None
    ) -> None:
        show = self.show_others if show_others is None else show_others
        state = self._document_state(position, show_others=show)
        if focus:
            self._focus_seq += 1
            state["spot"] = {**focus, "seq": self._focus_seq}
        with self.hold_sync():
            for name, value in state.items():
                setattr(self, name, value)

    def goto(self, doc_id: str) -> None:
        """Show a document (added to the widget's list when not in it)."""
        self.session.corpus.text(doc_id)
        if doc_id not in self._doc_ids:
            self._doc_ids.append(doc_id)
        self._show(self._doc_ids.index(doc_id))

    def next(self) -> None:
        """Show the next document of the list."""
        self._show(min(self.position + 1, len(self._doc_ids) - 1))

    def previous(self) -> None:
        """Show the previous document of the list."""
        self._show(max(self.position - 1, 0))

    def jump(self, target: Any, start: int | None = None, end: int | None = None) -> None:
        """Show a passage: a row of :func:`retrieve`, of the codings, or of the
        disagreements of two coders, or a document id with ``start`` and ``end``
        (code points). The page scrolls to it and marks it; when the row is
        another coder's, their codings are shown (unless in blind mode).

        Examples
        --------
        >>> import pandas as pd
        >>> from research.corpus import Corpus
        >>> from research.codebook import Codebook
        >>> from research.coding import CodingSession
        >>> corpus = Corpus.from_texts({"A": "Un.", "B": "Deux 😀 trois."})
        >>> book = Codebook.from_frame(pd.DataFrame({"code": ["x"]}))
        >>> widget = CodingSession(None, "lea", corpus=corpus, codebook=book).widget("A")
        >>> widget.jump("B", 7, 12)
        >>> widget.doc_id, widget.spot["start"], widget.spot["end"]  # UTF-16 in the page
        ('B', 8, 13)
        """
        coder = None
        if isinstance(target, pd.DataFrame):
            if len(target) != 1:
                raise CodingError(
                    f"jump() shows one passage, not {len(target)}", hint="pass one row"
                )
            target = target.iloc[0]
        if isinstance(target, str):
            doc_id = target
        else:
            row = dict(target)
            doc_id = str(row["doc_id"])
            if start is None:
                start = row.get("start", row.get("seg_start"))
                end = row.get("end", row.get("seg_end"))
            coder = row.get("coder")
            if "coder_a" in row or (isinstance(coder, str) and coder != self.session.coder):
                coder = "other"
        self.session.corpus.text(doc_id)
        if doc_id not in self._doc_ids:
            self._doc_ids.append(doc_id)
        show = self.show_others or coder == "other"  # unless blind there (see _document_state)
        focus = None
        if not (start is None or end is None or is_blank(start) or is_blank(end)):
            start, end = int(start), int(end)
            offsets = Utf16Offsets(self.session.corpus.text(doc_id))
            focus = {"start": offsets.to_utf16(start), "end": offsets.to_utf16(end)}
            mine = self.session.codings
            mine = mine[
                (mine["doc_id"] == doc_id) & (mine["start"] == start) & (mine["end"] == end)
            ]
            if len(mine):
                focus["key"] = coding_key(start, end, mine["code"].iloc[0])
        self._show(self._doc_ids.index(doc_id), focus=focus, show_others=show)

    # -- messages from the page ------------------------------------------------------------
    def receive(self, content: Mapping[str, Any]) -> None:
        """Handle one message of the page (``{"type": "code", ...}``): make the change,
        save it, and answer with the new state and a status.

        The page sends the messages; tests and scripts may too.
        """
        self._on_message(self, dict(content), [])

    def _on_message(self, _widget: Any, content: dict, _buffers: list) -> None:
        handler = _HANDLERS.get(content.get("type"))
        if handler is None:
            return
        seq = content.get("seq")
        try:
            handler(self, content)
        except _Refused as exc:
            self._refresh({"state": "error", "message": str(exc), "seq": seq})
            return
        except Exception as exc:  # every failure is answered, so the page never waits
            if not isinstance(exc, ResearchError):
                self.log.exception("the coding widget could not handle %r", content.get("type"))
            self._refresh(
                {"state": "error", "message": _french(exc), "detail": str(exc), "seq": seq}
            )
            return
        if content.get("type") == "goto":
            self._refresh({**self.status, "seq": seq, "active": None})

    def _span(self, content: Mapping[str, Any]) -> tuple[int, int]:
        """The selection of a message, in code points, whole characters."""
        text = self._offsets.text
        start = self._offsets.to_code_points(content["start"])
        end = self._offsets.to_code_points(content["end"])
        start, end = whole_characters(text, start, end)
        if not text[start:end].strip():
            raise _Refused("La sélection est vide : sélectionnez des mots du texte.")
        return start, end

    def _rows(self, keys: Sequence[str]) -> pd.DataFrame:
        mine = self.session.codings
        mine = mine[mine["doc_id"] == self.doc_id]
        wanted = set(spans_of(keys))
        found = mine[
            [
                (s, e, c) in wanted
                for s, e, c in zip(mine["start"], mine["end"], mine["code"], strict=True)
            ]
        ].reset_index(drop=True)
        if len(found) != len(wanted):
            raise _Refused("Ce codage n'existe plus (retiré ailleurs ?) : la vue est mise à jour.")
        return found

    def _label(self, code: str) -> str:
        book = self.session.codebook
        return book.label(code) if code in book else code

    def _used(self, codes: Sequence[str]) -> None:
        for code in codes:
            if code in self._recent:
                self._recent.remove(code)
            self._recent.insert(0, code)
        del self._recent[_RECENT:]

    def _commit(
        self, edit: _Edit | None, seq: Any, *, active: str | None = None, message: str = ""
    ) -> None:
        """Keep a change in the history, save it, and tell the page."""
        if edit is not None:
            self._undo.append(edit)
            self._redo.clear()
        self._save(seq, active=active, message=message)

    def _save(self, seq: Any, *, active: str | None = None, message: str = "") -> None:
        self.session.save()
        self._refresh(
            {
                "state": "saved",
                "time": time.strftime("%H:%M:%S"),
                "message": message,
                "seq": seq,
                "active": active,
            }
        )

    # the changes
    def _code(self, content: dict) -> None:
        start, end = self._span(content)
        codes = [str(c) for c in content.get("codes") or []]
        if not codes:
            raise _Refused("Choisissez un code.")
        before = {c["key"] for c in self.codings}  # what the page shows
        made = [self.session.code_span(self.doc_id, start, end, code) for code in codes]
        frame = pd.concat(made, ignore_index=True)
        new = frame[[coding_key(s, e, c) not in before for s, e, c in self._keys_of(frame)]]
        self._used(codes)
        if not len(new):
            self._save(content.get("seq"), message="ce passage avait déjà ce code")
            return
        labels = ", ".join(f"« {self._label(c)} »" for c in codes)
        edit = _Edit(f"codage {labels}", self.doc_id, empty_codings(), new.reset_index(drop=True))
        self._commit(edit, content.get("seq"))

    def _new_code(self, content: dict) -> None:
        parent = content.get("parent") or None
        code = self.session.new_code(parent, str(content.get("label") or ""))
        message = f"code « {self._label(code)} » créé"
        if content.get("start") is None:
            self._commit(None, content.get("seq"), message=message)
            return
        start, end = self._span(content)
        made = self.session.code_span(self.doc_id, start, end, code)
        self._used([code])
        edit = _Edit(f"codage « {self._label(code)} »", self.doc_id, empty_codings(), made)
        self._commit(edit, content.get("seq"), message=message)

    def _in_vivo(self, content: dict) -> None:
        parent = content.get("parent") or None
        if parent is None:
            raise _Refused("Choisissez sous quel code ranger le code in vivo (liste « sous »).")
        start, end = self._span(content)
        made = self.session.code_in_vivo(self.doc_id, start, end, parent)
        code = made["code"].iloc[0]
        self._used([code])
        edit = _Edit(f"code in vivo « {self._label(code)} »", self.doc_id, empty_codings(), made)
        self._commit(edit, content.get("seq"), message=f"code in vivo « {self._label(code)} » créé")

    def _remove(self, content: dict) -> None:
        rows = self._rows(content.get("keys") or [])
        self.session.remove(rows)
        labels = ", ".join(f"« {self._label(c)} »" for c in rows["code"])
        self._commit(
            _Edit(f"retrait de {labels}", self.doc_id, rows, empty_codings()), content.get("seq")
        )

    def _recode(self, content: dict) -> None:
        rows = self._rows([content["key"]])
        code = str(content["code"])
        new = self.session.recode(rows, code)
        self._used([code])
        edit = _Edit(f"recodage en « {self._label(code)} »", self.doc_id, rows, new)
        key = coding_key(new["start"].iloc[0], new["end"].iloc[0], code)
        self._commit(edit, content.get("seq"), active=key)

    def _resize(self, content: dict) -> None:
        rows = self._rows([content["key"]])
        start, end = self._span(content)
        new = self.session.resize(rows, start, end)
        code = rows["code"].iloc[0]
        edit = _Edit(f"ajustement de « {self._label(code)} »", self.doc_id, rows, new)
        self._commit(edit, content.get("seq"), active=coding_key(start, end, code))

    def _memo(self, content: dict) -> None:
        rows = self._rows([content["key"]])
        memo = str(content.get("memo") or "")
        self.session.set_memo(rows, memo)
        code = rows["code"].iloc[0]
        edit = _Edit(f"note de « {self._label(code)} »", self.doc_id, rows, rows.assign(memo=memo))
        self._commit(edit, content.get("seq"), active=content["key"], message="note enregistrée")

    def _travel(self, content: dict, *, back: bool) -> None:
        stack, other = (self._undo, self._redo) if back else (self._redo, self._undo)
        if not stack:
            raise _Refused("Rien à annuler." if back else "Rien à rétablir.")
        edit = stack.pop()
        gone, put = (edit.after, edit.before) if back else (edit.before, edit.after)
        if len(gone):
            self.session.remove(gone)
        if len(put):
            self.session.restore(put)
        if edit.suggested is not None:  # an accepted suggestion: a suggestion again, or not
            self._suggested = self._suggested.drop(edit.suggested.index, errors="ignore")
            if back:
                self._suggested = pd.concat([self._suggested, edit.suggested]).sort_index()
        other.append(edit)
        if edit.doc_id != self.doc_id:
            self._show(self._doc_ids.index(edit.doc_id) if edit.doc_id in self._doc_ids else 0)
        active = None
        if len(put):
            row = put.iloc[0]
            active = coding_key(row["start"], row["end"], row["code"])
        verb = "annulé" if back else "rétabli"
        self._save(content.get("seq"), active=active, message=f"{edit.label} : {verb}")

    def _suggestion(self, content: dict) -> pd.DataFrame:
        rows = suggestion_rows(self._suggested, self.doc_id, [str(content.get("key"))])
        if not len(rows):
            raise _Refused("Cette suggestion n'est plus à revoir : la vue est mise à jour.")
        return rows

    def _accept(self, content: dict) -> None:
        rows = self._suggestion(content)
        made = self.session.accept(rows)
        self._suggested = self._suggested.drop(rows.index)
        label = f"suggestion « {self._label(made['code'].iloc[0])} » acceptée"
        edit = _Edit(label, self.doc_id, empty_codings(), made, suggested=rows)
        self._commit(edit, content.get("seq"), message=label)  # the page shows the next one

    def _reject(self, content: dict) -> None:
        rows = self._suggestion(content)
        self.session.reject(rows)
        self._suggested = self._suggested.drop(rows.index)
        label = self._label(rows["code"].iloc[0])
        self._save(
            content.get("seq"),
            message=f"suggestion « {label} » rejetée : elle ne sera plus proposée",
        )

    def _goto(self, content: dict) -> None:
        if content.get("doc_id"):
            self.goto(str(content["doc_id"]))
        else:
            step = int(content.get("step") or 0)
            self._show(min(max(self.position + step, 0), len(self._doc_ids) - 1))

    @staticmethod
    def _keys_of(frame: pd.DataFrame) -> list[tuple[int, int, str]]:
        return list(
            zip(frame["start"].astype(int), frame["end"].astype(int), frame["code"], strict=True)
        )

    # -- outside JupyterLab ------------------------------------------------------------------
    def _repr_mimebundle_(self, **kwargs: Any):
        """The widget, and the static coded document for where widgets do not run."""
        bundle = super()._repr_mimebundle_(**kwargs)
        if bundle is None:
            return None
        data, metadata = bundle
        session = self.session
        data["text/html"] = str(
            document_html(
                session.corpus,
                session.codings,
                session.codebook,
                self.doc_id,
                coder=session.coder,
                note=FALLBACK_NOTE,
            )
        )
        return data, metadata


_HANDLERS = {
    "code": CodingWidget._code,
    "new_code": CodingWidget._new_code,
    "in_vivo": CodingWidget._in_vivo,
    "remove": CodingWidget._remove,
    "recode": CodingWidget._recode,
    "resize": CodingWidget._resize,
    "memo": CodingWidget._memo,
    "undo": lambda widget, content: widget._travel(content, back=True),
    "redo": lambda widget, content: widget._travel(content, back=False),
    "goto": CodingWidget._goto,
    "accept": CodingWidget._accept,
    "reject": CodingWidget._reject,
}


def _coder_work(session: Any) -> Any:
    """What ``coders.yaml`` says of the session's coder (``None``: nothing, or no file)."""
    from research.coding._assignments import read_coders_file

    if session.folder is None:
        return None
    work = read_coders_file(session.folder)
    return None if work is None else work.get(session.coder)
