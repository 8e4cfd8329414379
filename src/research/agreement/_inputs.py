"""The inputs of the agreement statistics: reliability data, paired values, weights.

Two conventions hold for every statistic of the package:

* **Missing values** (``None``, ``NaN``, ``pd.NA``) are allowed. The two-coder
  statistics drop a unit when either value is missing; Krippendorff's alpha ignores
  units with fewer than two values, as the method prescribes.
* **Reliability data are coders × units**: each row holds one coder's values, each
  column one unit (Krippendorff 2011). A matrix with more rows than columns usually
  means the table was given with one *column* per coder, so it is rejected with a
  message instead of giving a wrong number; pass ``layout="units_coders"`` to have it
  transposed, or ``layout="coders_units"`` if there really are more coders than units.

A statistic is ``nan`` when it is undefined because the data show no variation (only
one category was ever used: chance agreement is then 1 and the ratio is 0/0). Data
that cannot give a statistic at all (no unit with two values, one coder, wrong shape)
raise :class:`~research.errors.AgreementError`.

``sample_weight`` (the number of identical units a column stands for) lets long,
repetitive unit sequences such as the characters of a document be given as a few
distinct patterns with their counts.

References
----------
.. [1] Krippendorff, K. (2011). *Computing Krippendorff's alpha-reliability*.
   Annenberg School for Communication, University of Pennsylvania.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Literal

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from research.errors import AgreementError

__all__ = ["Layout", "Level"]


Level = Literal["nominal", "ordinal", "interval", "ratio"]
Layout = Literal["coders_units", "units_coders"]


def _weights(sample_weight: ArrayLike | None, n: int) -> np.ndarray:
    if sample_weight is None:
        return np.ones(n)
    w = np.asarray(sample_weight, dtype=float)
    if w.shape != (n,):
        raise AgreementError(
            f"sample_weight has shape {w.shape} but there are {n} units; "
            "give one non-negative weight per unit"
        )
    if not np.all(np.isfinite(w)) or np.any(w < 0):
        raise AgreementError("sample_weight must be finite and non-negative")
    return w


def _encode(values: np.ndarray, domain: Sequence[Any] | None) -> tuple[np.ndarray, np.ndarray]:
    """Integer codes (-1 = missing) of ``values`` and the ordered value domain."""
    flat = values.ravel()
    if domain is None:
        if flat.dtype == object and pd.api.types.infer_dtype(flat, skipna=True) in (
            "mixed",
            "mixed-integer",
        ):
            raise AgreementError(
                "the values mix types (for example the number 1 and the text '1'); "
                "use one type for all values, or give the categories explicitly"
            )
        try:
            codes, uniques = pd.factorize(flat, sort=True)
        except TypeError as exc:
            raise AgreementError(
                "the values mix types that cannot be ordered (for example numbers and "
                "text); use one type, or give the categories explicitly"
            ) from exc
        return codes.reshape(values.shape), np.asarray(uniques, dtype=object)
    index = pd.Index(list(domain))
    if not index.is_unique:
        raise AgreementError("the list of categories/values contains duplicates")
    codes = index.get_indexer(flat)
    unknown = (codes < 0) & ~pd.isna(flat)
    if unknown.any():
        pos = int(np.flatnonzero(unknown)[0])
        where = (
            f"unit {pos}"
            if values.ndim == 1
            else (f"coder row {pos // values.shape[1]}, unit column {pos % values.shape[1]}")
        )
        raise AgreementError(
            f"value {flat[pos]!r} ({where}) is not in the given categories "
            f"{list(domain)!r}; add it to the list or correct the data"
        )
    return codes.reshape(values.shape), np.asarray(list(domain), dtype=object)


def _as_1d(x: ArrayLike, name: str) -> np.ndarray:
    arr = np.asarray(x, dtype=object) if not isinstance(x, np.ndarray) else x
    if arr.ndim != 1:
        raise AgreementError(
            f"{name} must be a 1-D sequence of one coder's values, got {arr.ndim}-D"
        )
    return arr


def _paired(
    a: ArrayLike, b: ArrayLike, categories: Sequence[Any] | None, sample_weight: ArrayLike | None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Codes of the units both coders valued, their weights and the domain."""
    a_arr, b_arr = _as_1d(a, "a"), _as_1d(b, "b")
    if len(a_arr) != len(b_arr):
        raise AgreementError(
            f"the two coders have {len(a_arr)} and {len(b_arr)} values; "
            "give one value (or None) per unit for each coder"
        )
    w = _weights(sample_weight, len(a_arr))
    both = np.concatenate([a_arr.astype(object), b_arr.astype(object)])
    codes, domain = _encode(both, categories)
    ca, cb = codes[: len(a_arr)], codes[len(a_arr) :]
    keep = (ca >= 0) & (cb >= 0) & (w > 0)
    if not keep.any():
        raise AgreementError(
            "no unit has a value from both coders: there is nothing to compare "
            "(check that the two sequences refer to the same units)"
        )
    return ca[keep], cb[keep], w[keep], domain


def _reliability_data(data: ArrayLike, layout: Layout | None) -> np.ndarray:
    if layout not in (None, "coders_units", "units_coders"):
        raise AgreementError(f"layout must be 'coders_units' or 'units_coders', not {layout!r}")
    if isinstance(data, pd.DataFrame):
        arr = data.to_numpy(dtype=object)
    else:
        try:
            arr = np.asarray(data)
            if arr.dtype.kind not in "biuf":
                arr = np.asarray(data, dtype=object)
        except ValueError as exc:
            raise AgreementError(
                "the coders' rows have different lengths; give every coder one value "
                "(or None) per unit"
            ) from exc
    if arr.ndim != 2:
        raise AgreementError(
            f"reliability data must be a 2-D coders × units matrix, got {arr.ndim}-D; "
            "for two coders pass [values_of_a, values_of_b]"
        )
    if layout == "units_coders":
        arr = arr.T
    elif layout is None and arr.shape[0] > arr.shape[1]:
        raise AgreementError(
            f"the data have {arr.shape[0]} rows and {arr.shape[1]} columns, but rows must be "
            "coders and columns units; this looks transposed (one column per coder). "
            "Pass data.T, or layout='units_coders'; if there really are more coders than "
            "units, pass layout='coders_units'"
        )
    if arr.shape[0] < 2:
        raise AgreementError(
            f"agreement needs at least two coders, the data have {arr.shape[0]} row(s); "
            "rows must be coders"
        )
    return arr
