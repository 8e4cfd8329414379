"""A disagreement of two coders, opened in the coding widget.

:func:`open_disagreement` shows the segment where two coders differ in the
coding widget (:mod:`research.coding_widget`) of one of them, with the other
coders' codings shown beside their own, so that the consensus meeting can look
at the passage in its document and recode it there.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from research.errors import AgreementError

__all__ = ["open_disagreement"]


def open_disagreement(
    project: Any, found: pd.DataFrame, which: int | str = 0, *, coder: str | None = None
):
    """Open one disagreement of :func:`disagreements` in the coding widget.

    Parameters
    ----------
    project : Project
        The project (``research.open_project()``).
    found : pandas.DataFrame
        The disagreements of two coders (:func:`research.agreement.disagreements`).
    which : int or str
        The row's position in ``found``, or its ``disagreement_id``
        (``code@doc_id#seg_id``).
    coder : str, optional
        Whose widget it is (who codes in it); default ``coder_a``.

    Returns
    -------
    research.coding.CodingWidget
        On the disagreement's document, scrolled to its segment, every coder's
        codings shown.

    Raises
    ------
    AgreementError
        When ``which`` names no disagreement of ``found``.
    """
    from research.coding import CodingSession

    if isinstance(which, str):
        rows = found[found["disagreement_id"] == which]
        if rows.empty:
            raise AgreementError(
                f"no disagreement {which!r} in this table (ids look like 'code@doc_id#seg_id')"
            )
        row = rows.iloc[0]
    else:
        if not -len(found) <= int(which) < len(found):
            raise AgreementError(f"there is no disagreement number {which} ({len(found)} in all)")
        row = found.iloc[int(which)]
    session = CodingSession(project, coder or str(row["coder_a"]))
    widget = session.widget(str(row["doc_id"]), others=True, blind=False)  # after coding
    widget.jump(row)
    return widget
