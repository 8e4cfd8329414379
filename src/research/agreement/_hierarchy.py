"""Agreement with the code hierarchy: a parent's codings rolled up from its children.

Code ids are dotted paths (``iw.creating.advocacy`` is a child of ``iw.creating``,
itself a child of ``iw``). A coder who coded a passage ``iw.creating.advocacy`` also
said it is ``iw.creating`` work: :func:`roll_up_codings` gives every coding to its
code and to each ancestor, so that agreement on a parent counts its children's
codings (NVivo's and MAXQDA's "include subcodes"). A coder's overlapping codings of
one code are merged by the unit builders, so a passage coded with two children
counts once for the parent.
"""

from __future__ import annotations

import pandas as pd

from research.contracts import require_columns

__all__ = ["roll_up_codings"]


def _lineage(code: str) -> list[str]:
    parts = code.split(".")
    return [".".join(parts[:i]) for i in range(len(parts), 0, -1)]


def roll_up_codings(codings: pd.DataFrame) -> pd.DataFrame:
    """Each coding once for its code and once for each of the code's ancestors.

    Returns a new frame with the same columns; ``code`` holds the code or the
    ancestor. The input is not changed.

    Examples
    --------
    >>> import pandas as pd
    >>> codings = pd.DataFrame({"coder": ["A", "B"], "doc_id": ["D", "D"],
    ...                         "start": [0, 0], "end": [5, 5],
    ...                         "code": ["iw.creating.advocacy", "iw.maintaining"]})
    >>> sorted(roll_up_codings(codings)["code"].tolist())
    ['iw', 'iw', 'iw.creating', 'iw.creating.advocacy', 'iw.maintaining']
    """
    require_columns(codings, ["code"], table="codings")
    lineage = codings["code"].astype(str).map(_lineage)
    return codings.assign(code=lineage).explode("code", ignore_index=True)
