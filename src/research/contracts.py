"""The table contracts: what a cell, a row and an offset of the project's tables must be.

Every function that takes one of the tables of the data model (``documents``,
``segments``, ``codes``, ``codings``, edition tables) checks it through this module,
so that the same bad cell gets the same message everywhere.

Examples
--------
>>> is_blank(None), is_blank(float("nan")), is_blank(""), is_blank("x")
(True, True, True, False)
"""

from __future__ import annotations

from typing import Any

import pandas as pd

__all__ = ["is_blank"]


def is_blank(value: Any) -> bool:
    """Whether a cell is empty: None, NaN, NA or an empty text."""
    if value is None or value is pd.NA:
        return True
    if isinstance(value, float):
        return value != value
    return isinstance(value, str) and value == ""
