"""Choosing the codings a chapter analyses: one coder, some codes, and what to say about them.

The chapters on coding and on institutional work start the same way: they take
the codings of one coder (and of some codes), note which coders have codings at
all, and either tell the reader what is analysed or explain why the chapter stops
there. :func:`coder_selection` does this once for every chapter.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from research.analysis._coding_attributes import Codes, select_codings
from research.analysis._institutional_work import iw_codings

__all__ = ["CoderSelection", "coder_selection"]


@dataclass(frozen=True)
class CoderSelection:
    """The codings of one coder chosen for a chapter, and what to tell its reader.

    Attributes
    ----------
    coder : str
        The coder asked for.
    codes : str or sequence of str or None
        The codes asked for (ids or ``fnmatch`` patterns; ``None``: every code).
    coders : tuple of str
        Every coder with at least one coding, sorted.
    codings : DataFrame
        The chosen codings (empty when the coder has none).
    n_documents : int or None
        The number of documents of the corpus, when it was given.
    subject : str
        What the codings are, in French, for the message (``"de travail
        institutionnel"``; empty for any coding).
    """

    coder: str
    codes: Codes
    coders: tuple[str, ...]
    codings: pd.DataFrame = field(repr=False)
    n_documents: int | None = None
    subject: str = ""

    @property
    def ready(self) -> bool:
        """Whether there is anything to analyse."""
        return len(self.codings) > 0

    @property
    def message(self) -> str:
        """A French Markdown paragraph: what is analysed, or why the chapter stops."""
        codes = "tous les codes" if self.codes is None else f"`{_codes_text(self.codes)}`"
        present = ", ".join(self.coders) or "aucun"
        if not self.ready:
            return (
                f"Aucun codage {self.subject + ' ' if self.subject else ''}de **{self.coder}** "
                f"({codes}) dans `corpus/codings/` (codeurs présents : {present}). "
                "Le chapitre s'arrête ici : codez des documents, ou choisissez un autre "
                "codeur avec `-p coder=...`."
            )
        n, documents = len(self.codings), self.codings["doc_id"].nunique()
        what = " ".join(filter(None, [_plural(n, "codage"), self.subject]))
        out_of = f" sur {self.n_documents}" if self.n_documents is not None else ""
        return (
            f"**{n}** {what} de **{self.coder}** ({codes}) dans **{documents}** "
            f"{_plural(documents, 'document')}{out_of} ; codeurs présents : {present}."
        )

    def _repr_markdown_(self) -> str:
        return self.message


def _plural(n: int, word: str) -> str:
    return word if n < 2 else f"{word}s"


def _codes_text(codes: str | object) -> str:
    return codes if isinstance(codes, str) else ", ".join(map(str, codes))  # type: ignore[arg-type]


def coder_selection(
    codings: pd.DataFrame,
    *,
    coder: str,
    codes: Codes = None,
    institutional_work: bool = False,
    documents: pd.DataFrame | None = None,
) -> CoderSelection:
    """The codings of one coder that a chapter analyses, with a message for its reader.

    A coder without codings is not an error here: the selection is then empty,
    and its :attr:`~CoderSelection.message` says which coders have codings and
    how to choose one, so that the chapter can say so and stop. Displayed in a
    notebook, the selection shows its message.

    Parameters
    ----------
    codings : DataFrame
        The codings of every coder (``Project.codings``).
    coder : str
        The coder whose codings are analysed.
    codes : str or sequence of str, optional
        Code ids or ``fnmatch`` patterns (``"iw.*"``); every code when ``None``.
    institutional_work : bool
        Keep only the codings of institutional-work codes, with their ``pillar``
        and ``form`` (:func:`iw_codings`).
    documents : DataFrame, optional
        The corpus documents; their number is given in the message.

    Returns
    -------
    CoderSelection

    Raises
    ------
    CodingError
        When the codings lack a column, or a pattern of ``codes`` matches no code
        of this coder (a typing mistake such as ``"iv.*"``).

    Examples
    --------
    >>> import pandas as pd
    >>> codings = pd.DataFrame({"coder": ["camille", "camille", "lea"],
    ...                         "doc_id": ["INT01", "INT02", "INT01"], "start": [0, 0, 0],
    ...                         "end": [9, 9, 9],
    ...                         "code": ["iw.creating.advocacy", "ant.enrolment", "ant.enrolment"]})
    >>> chosen = coder_selection(codings, coder="camille", codes="iw.*")
    >>> chosen.ready, len(chosen.codings), chosen.coders
    (True, 1, ('camille', 'lea'))
    >>> print(chosen.message)
    **1** codage de **camille** (`iw.*`) dans **1** document ; codeurs présents : camille, lea.
    >>> coder_selection(codings, coder="zoe").ready
    False
    """
    coders: tuple[str, ...] = ()
    if "coder" in codings.columns:
        coders = tuple(sorted(codings["coder"].dropna().astype(str).unique()))
    if coder in coders:
        chosen = select_codings(codings, coder=coder, codes=codes)
        if institutional_work:
            chosen = iw_codings(chosen)
    else:
        chosen = codings.iloc[0:0].copy()
    return CoderSelection(
        coder=coder,
        codes=codes,
        coders=coders,
        codings=chosen,
        n_documents=None if documents is None else len(documents),
        subject="de travail institutionnel" if institutional_work else "",
    )
