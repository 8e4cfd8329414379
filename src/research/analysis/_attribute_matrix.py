"""Code × attribute matrices: codes as rows, the values of an attribute as columns.

:func:`code_attribute_matrix` is the wide form of :func:`code_frequencies` for one
attribute (edition, kind of document, category of the speaking actor…), with a
``total`` column and the number of units of each column for the table header.

References
----------
.. [1] Miles, M. B., Huberman, A. M. & Saldaña, J. (2014). *Qualitative Data
   Analysis: A Methods Sourcebook* (3rd ed.), ch. 6. Sage.
"""

from __future__ import annotations

from typing import Any, Literal

import pandas as pd

from research.analysis._coding_attributes import Codes, Unit
from research.analysis._frequencies import code_frequencies
from research.errors import InputError

__all__ = [
    "code_attribute_matrix",
]


def code_attribute_matrix(
    codings: pd.DataFrame,
    documents: pd.DataFrame,
    attribute: str,
    *,
    value: Literal["n", "share"] = "n",
    unit: Unit = "coding",
    codes: Codes = None,
    include_children: bool = False,
    coder: str | None = None,
    segments: pd.DataFrame | None = None,
    actors: Any = None,
    total: bool = True,
) -> pd.DataFrame:
    """A code × attribute matrix: codes as rows, the attribute's values as columns.

    Parameters are those of :func:`code_frequencies`; ``value`` chooses counts or
    shares of the column's units. With ``total``, a last column ``total`` gives
    the same figure for the whole corpus. ``matrix.attrs["n_units"]`` maps each
    column to its number of units (the "n =" of a table header).

    References
    ----------
    .. [1] Miles, M. B., Huberman, A. M. & Saldaña, J. (2014). *Qualitative Data
       Analysis: A Methods Sourcebook* (3rd ed.), ch. 6. Sage.

    Examples
    --------
    >>> import pandas as pd
    >>> cods = pd.DataFrame({"doc_id": ["A", "A", "B"], "start": [0, 5, 0], "end": [4, 9, 3],
    ...                      "code": ["x", "y", "x"]})
    >>> docs = pd.DataFrame({"doc_id": ["A", "B"], "edition": ["SUT2016", "SUT2017"]})
    >>> code_attribute_matrix(cods, docs, "edition").to_dict("index")
    {'x': {'SUT2016': 1, 'SUT2017': 1, 'total': 2}, 'y': {'SUT2016': 1, 'SUT2017': 0, 'total': 1}}
    """
    if value not in ("n", "share"):
        raise InputError(f"value must be 'n' or 'share', not {value!r}")
    options = {"unit": unit, "codes": codes, "include_children": include_children,
               "coder": coder, "segments": segments, "actors": actors}  # fmt: skip
    long = code_frequencies(codings, documents, by=attribute, **options)
    order = list(dict.fromkeys(long["code"]))
    matrix = long.pivot(index="code", columns=attribute, values=value).reindex(order)
    n_units = long.drop_duplicates(attribute).set_index(attribute)["n_units"].to_dict()
    if total:
        overall = code_frequencies(codings, documents, by=None, **options).set_index("code")
        matrix["total"] = overall[value].reindex(order)
        n_units["total"] = int(overall["n_units"].iloc[0]) if len(overall) else 0
    matrix.columns.name = None
    matrix.attrs.update(n_units=n_units, unit=unit, value=value, attribute=attribute)
    return matrix
