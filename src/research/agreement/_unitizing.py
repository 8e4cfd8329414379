"""Krippendorff's unitizing alphas: agreement on where passages start and end.

Coders of qualitative material do not code given units: each marks the passages
they find relevant, of their own lengths, and gives them values (codes). The
unitizing alphas measure agreement on such data, on one continuum (a document's
characters, or any sequence of positions) or on several put end to end:

* ``uα`` (:func:`unitizing_alpha`): on where units are and which code each has,
  gaps (stretches nobody coded) included;
* ``|cuα`` (:func:`unitizing_alpha` with ``code=``): the binary alpha of one code,
  where it was applied and where not;
* ``|uα`` (:func:`binary_unitizing_alpha`): relevant (any code) versus irrelevant
  matter;
* ``cuα`` (:func:`coding_unitizing_alpha`): the codes given to the stretches that
  two coders both coded, setting aside where units begin and end; with ``code=``,
  ``(k)uα``, the part of one code in it;
* ``Cuα`` (:func:`domain_unitizing_alpha`): ``cuα`` with the codes replaced by their
  domains (by default their parent codes), as ATLAS.ti reports it for semantic
  domains.

Each is ``1 - D_o / D_e`` with observed and expected disagreement from coincidence
matrices of section lengths (Krippendorff et al. 2016): the observed coincidence of
values ``c`` and ``k`` is the length of the intersections of a section valued ``c``
by one coder and a section valued ``k`` by another, over ordered pairs of coders,
divided by ``m - 1``; the expected coincidences pair all the matter by chance,
except a unit with itself (a gap's characters pair one by one). Any number of
coders; a coder who coded nothing has one gap as long as the continuum. The
results carry ``observed`` and ``expected`` disagreement beside ``alpha``.

The first unitizing alpha (Krippendorff 1995, 2004), which measures disagreement by
squared differences of where units begin and end, is
:func:`~research.agreement.classic_unitizing_alpha`.

Examples
--------
Two coders mark passages of a 20-character continuum with codes ``x`` and ``y``:

>>> import pandas as pd
>>> units = pd.DataFrame({"coder": ["A", "A", "B", "B"], "start": [0, 10, 1, 10],
...                       "end": [5, 15, 5, 16], "code": ["x", "y", "x", "y"]})
>>> result = unitizing_alpha(units, length=20)
>>> round(result.alpha, 4), round(result.observed, 4), round(result.expected, 4)
(0.8519, 0.1, 0.6752)
>>> round(unitizing_alpha(units, length=20, code="y").alpha, 4)
0.8817

References
----------
.. [1] Krippendorff, K., Mathet, Y., Bouvry, S., & Widlöcher, A. (2016). On the
   reliability of unitizing textual continua: Further developments. *Quality &
   Quantity*, 50(6), 2347–2364.
.. [2] Krippendorff, K. (2019). *Content analysis: An introduction to its
   methodology* (4th ed.). Sage, section 12.6.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from research.agreement._sections import GAP, _section_stats, _Stats
from research.contracts import check_offsets, require_columns, row_number
from research.errors import AgreementError, CodingError

__all__ = [
    "UnitizingAlpha",
    "binary_unitizing_alpha",
    "coding_unitizing_alpha",
    "domain_unitizing_alpha",
    "unitizing_alpha",
]

Domains = Mapping[str, str] | Callable[[str], str] | None


@dataclass(frozen=True)
class UnitizingAlpha:
    """One unitizing alpha with its observed and expected disagreement.

    Attributes
    ----------
    coefficient : str
        ``"uα"``, ``"|cuα"``, ``"|uα"``, ``"cuα"``, ``"(k)uα"``, ``"Cuα"`` or
        ``"uα 1995"`` (:func:`~research.agreement.classic_unitizing_alpha`).
    alpha : float
        ``1 - observed / expected``; ``nan`` when the data show no variation.
    observed, expected : float
        Observed and expected disagreement ``D_o`` and ``D_e``.
    value : str or None
        The code (or domain) of a one-value coefficient (``|cuα``, ``(k)uα``).
    n_coders : int
        Coders compared.
    length : int
        Length of the continuum (all documents together).
    coverage : float
        Share of the matter the coefficient is computed on: 1 for ``uα`` and
        ``|uα``; for ``cuα`` and ``Cuα`` the share of all pairings that pair two
        coded sections; for ``(k)uα`` the share of the code's matter that another
        coder also coded.
    low, high : float
        Bounds of a bootstrap confidence interval, when one was computed.
    """

    coefficient: str
    alpha: float
    observed: float
    expected: float
    value: str | None = None
    n_coders: int = 0
    length: int = 0
    coverage: float = 1.0
    low: float = float("nan")
    high: float = float("nan")

    def __float__(self) -> float:
        return float(self.alpha)


# ------------------------------------------------------------------ the alphas


def _divide(num, den):
    num, den = np.asarray(num, dtype=float), np.asarray(den, dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        return np.where(np.abs(den) > 1e-12, num / np.where(den == 0, 1.0, den), np.nan)


def _alpha(do, de):
    """``1 - D_o / D_e``; undefined (``nan``) without expected disagreement."""
    de = np.asarray(de, dtype=float)
    return np.where(de > 1e-12, 1.0 - _divide(do, de), np.nan)


def _u_parts(total, diag_sum, margin, units_sq):
    """``uα``: observed and expected disagreement (Krippendorff et al. 2016, uα)."""
    self_pairs = units_sq.sum(axis=-1)
    e_diag = _divide(total[..., None] * (margin**2 - units_sq), (total**2 - self_pairs)[..., None])
    return _divide(total - diag_sum, total), _divide(total - e_diag.sum(axis=-1), total)


def _binary_parts(total, gap_gap, coded_coded, gap_margin, coded_margin, gap_sq, coded_sq):
    """``|uα``: all values taken together against the gaps."""
    pairs = total**2 - gap_sq - coded_sq
    e_gap = _divide(total * (gap_margin**2 - gap_sq), pairs)
    e_coded = _divide(total * (coded_margin**2 - coded_sq), pairs)
    observed = _divide(total - gap_gap - coded_coded, total)
    return observed, _divide(total - e_gap - e_coded, total)


def _cu_parts(paired, diag_sum, cu_sq):
    """``cuα`` from ``paired`` (``l_c. - l_c∅`` per value), the diagonal and ``S*``."""
    total = paired.sum(axis=-1)
    e_diag = _divide(
        total[..., None] * (paired**2 - cu_sq), (total**2 - cu_sq.sum(axis=-1))[..., None]
    )
    return _divide(total - diag_sum, total), _divide(total - e_diag.sum(axis=-1), total)


def _k_parts(paired_k, diag_k, cu_sq_k, paired_total, cu_sq_total):
    """``(k)uα``: the disagreements that involve value ``k`` (eq. 13 of the 2016 paper)."""
    pairs = paired_total**2 - cu_sq_total
    e_row = _divide(paired_total * (paired_k * paired_total - cu_sq_k), pairs)
    e_kk = _divide(paired_total * (paired_k**2 - cu_sq_k), pairs)
    return _divide(paired_k - diag_k, paired_k), _divide(e_row - e_kk, e_row)


def _u_from(stats: _Stats):
    return _u_parts(stats.total, stats.diag.sum(axis=-1), stats.margin, stats.units_sq)


def _binary_from(stats: _Stats):
    coded = stats.margin[..., 1:] - stats.with_gap[..., 1:]
    return _binary_parts(
        stats.total,
        stats.diag[..., 0],
        coded.sum(axis=-1),
        stats.margin[..., 0],
        stats.margin[..., 1:].sum(axis=-1),
        stats.units_sq[..., 0],
        stats.units_sq[..., 1:].sum(axis=-1),
    )


def _cu_from(stats: _Stats):
    paired = stats.margin[..., 1:] - stats.with_gap[..., 1:]
    return _cu_parts(paired, stats.diag[..., 1:].sum(axis=-1), stats.cu_sq[..., 1:])


def _k_from(stats: _Stats, k: int):
    paired = stats.margin[..., 1:] - stats.with_gap[..., 1:]
    paired_k = stats.margin[..., k] - stats.with_gap[..., k]
    return _k_parts(
        paired_k,
        stats.diag[..., k],
        stats.cu_sq[..., k],
        paired.sum(axis=-1),
        stats.cu_sq[..., 1:].sum(axis=-1),
    )


# ------------------------------------------------------------ one continuum


def _continuum(
    units: pd.DataFrame, begin: int, length: int | None, coders: Sequence[str] | None
) -> tuple[pd.DataFrame, list[str], int]:
    """Checked units on ``[begin, begin + length)``: offsets from 0, coder names."""
    require_columns(units, ["coder", "start", "end", "code"], table="units", error=CodingError)
    frame = check_offsets(units, table="units", error=CodingError)
    frame = frame.astype({"coder": str, "code": str})
    names = sorted(frame["coder"].unique()) if coders is None else [str(c) for c in coders]
    if len(names) < 2 or len(set(names)) != len(names):
        raise AgreementError(
            f"give two or more distinct coders (found {names}); a coder who coded nothing "
            "must be named in coders= so that their continuum counts as one gap"
        )
    unknown = ~frame["coder"].isin(names)
    if unknown.any():
        i = int(np.flatnonzero(unknown.to_numpy())[0])
        raise AgreementError(
            f"row {row_number(units, i)}: coder {frame['coder'].iloc[i]!r} is not among "
            f"the coders compared ({', '.join(names)})"
        )
    begin = int(begin)
    if length is None:
        if not len(frame):
            raise AgreementError("no units and no length: give the length of the continuum")
        length = int(frame["end"].max()) - begin
    length = int(length)
    if length <= 0:
        raise AgreementError(f"the continuum must have a positive length, not {length}")
    outside = (frame["start"] < begin) | (frame["end"] > begin + length)
    if outside.any():
        i = int(np.flatnonzero(outside.to_numpy())[0])
        r = frame.iloc[i]
        raise AgreementError(
            f"row {row_number(units, i)}: unit [{r['start']}, {r['end']}) of coder "
            f"{r['coder']!r} lies outside the continuum [{begin}, {begin + length})"
        )
    frame["start"] -= begin
    frame["end"] -= begin
    return frame.reset_index(drop=True), names, length


def _stats_of(frame: pd.DataFrame, names: list[str], length: int, values: pd.Series) -> _Stats:
    """Sums of one continuum where each unit has the value ``values`` (aligned with frame)."""
    labels = sorted(values.unique())
    index = pd.Index(labels).get_indexer(values) + 1
    stats = _section_stats(
        np.zeros(len(frame), dtype=np.int64),
        pd.Index(names).get_indexer(frame["coder"]),
        index.astype(np.int64),
        frame["start"].to_numpy(np.int64),
        frame["end"].to_numpy(np.int64),
        lengths=np.array([length]),
        n_coders=len(names),
        names=[GAP, *labels],
    )
    return stats.dense()


def _result(coefficient, parts, *, value=None, n_coders, length, coverage=1.0) -> UnitizingAlpha:
    do, de = (float(np.ravel(p)[0]) for p in parts)
    return UnitizingAlpha(
        coefficient,
        float(_alpha(do, de)),
        do,
        de,
        value=value,
        n_coders=n_coders,
        length=length,
        coverage=float(coverage),
    )


def unitizing_alpha(
    units: pd.DataFrame,
    *,
    begin: int = 0,
    length: int | None = None,
    code: str | None = None,
    coders: Sequence[str] | None = None,
) -> UnitizingAlpha:
    """Krippendorff's ``uα`` over all codes, or the binary ``|cuα`` of one ``code``.

    ``uα`` measures agreement on where units are and which code each has, gaps
    included: the observed disagreement is the share of the pairable matter where
    two coders' sections differ in value (a code against another, or against a
    gap); the expected one is the same share when all sections are paired by
    chance, a unit never with itself (Krippendorff et al. 2016, section 5.1). With
    ``code``, every other code counts as a gap: ``|cuα`` is the agreement on where
    that code applies.

    Parameters
    ----------
    units : pandas.DataFrame
        ``coder``, ``start``, ``end`` (exclusive) and ``code`` of each coded unit.
    begin, length : int
        The continuum ``[begin, begin + length)``; ``length`` defaults to the last
        end minus ``begin``.
    code : str, optional
        Compute the binary alpha of this code.
    coders : sequence of str, optional
        The coders compared (default: those in ``units``); name here a coder who
        coded nothing.

    Returns
    -------
    UnitizingAlpha
        ``alpha``, ``observed`` and ``expected`` disagreement.

    Examples
    --------
    >>> import pandas as pd
    >>> units = pd.DataFrame({"coder": ["A", "B"], "start": [2, 3], "end": [8, 8],
    ...                       "code": ["x", "x"]})
    >>> result = unitizing_alpha(units, length=10)
    >>> result.coefficient, round(result.alpha, 4)
    ('uα', 0.8333)

    References
    ----------
    .. [1] Krippendorff, K., Mathet, Y., Bouvry, S., & Widlöcher, A. (2016). On the
       reliability of unitizing textual continua: Further developments. *Quality &
       Quantity*, 50(6), 2347–2364.
    """
    frame, names, length = _continuum(units, begin, length, coders)
    if code is None:
        stats = _stats_of(frame, names, length, frame["code"])
        return _result("uα", _u_from(stats), n_coders=len(names), length=length)
    mine = frame[frame["code"] == str(code)].reset_index(drop=True)
    stats = _stats_of(mine, names, length, mine["code"])
    return _result("|cuα", _binary_from(stats), value=str(code), n_coders=len(names), length=length)


def binary_unitizing_alpha(
    units: pd.DataFrame,
    *,
    begin: int = 0,
    length: int | None = None,
    coders: Sequence[str] | None = None,
) -> UnitizingAlpha:
    """Krippendorff's ``|uα``: agreement on relevant (coded) against irrelevant matter.

    All codes are taken together against the gaps, each unit keeping its own
    extent: the reliability of the total amount of matter found relevant
    (Krippendorff et al. 2016, section 5.2).

    Examples
    --------
    >>> import pandas as pd
    >>> units = pd.DataFrame({"coder": ["A", "B"], "start": [0, 0], "end": [5, 5],
    ...                       "code": ["x", "y"]})
    >>> round(binary_unitizing_alpha(units, length=10).alpha, 4)
    1.0
    """
    frame, names, length = _continuum(units, begin, length, coders)
    stats = _stats_of(frame, names, length, frame["code"])
    return _result("|uα", _binary_from(stats), n_coders=len(names), length=length)


def coding_unitizing_alpha(
    units: pd.DataFrame,
    *,
    begin: int = 0,
    length: int | None = None,
    code: str | None = None,
    coders: Sequence[str] | None = None,
) -> UnitizingAlpha:
    """Krippendorff's ``cuα`` (codes given the units), or ``(k)uα`` of one ``code``.

    Only the stretches that two coders both coded count: ``cuα`` measures whether
    they gave them the same codes, setting aside where the units begin and end
    (Krippendorff et al. 2016, section 5.3). With ``code``, ``(k)uα`` is the
    agreement on that code within them: of the code's matter that another coder
    coded too, the share given another code, against that share by chance (their
    equation 13). ``coverage`` says how much of the matter the coefficient rests on.

    Examples
    --------
    >>> import pandas as pd
    >>> units = pd.DataFrame({"coder": list("AAABBB"), "start": [0, 10, 20, 0, 10, 20],
    ...                       "end": [5, 15, 25, 5, 15, 25], "code": list("xyxxyy")})
    >>> round(coding_unitizing_alpha(units).alpha, 4)
    0.4444
    >>> round(coding_unitizing_alpha(units, code="x").alpha, 4)
    0.4444
    """
    frame, names, length = _continuum(units, begin, length, coders)
    stats = _stats_of(frame, names, length, frame["code"])
    n = len(names)
    paired = stats.margin[0, 1:] - stats.with_gap[0, 1:]
    if code is None:
        coverage = paired.sum() / stats.total[0]
        return _result("cuα", _cu_from(stats), n_coders=n, length=length, coverage=coverage)
    if str(code) not in stats.values:
        raise AgreementError(
            f"code {code!r} has no unit; the codes coded are {', '.join(stats.values[1:])}"
        )
    k = stats.values.index(str(code))
    coverage = float(_divide(paired[k - 1], stats.margin[0, k]))
    return _result(
        "(k)uα", _k_from(stats, k), value=str(code), n_coders=n, length=length, coverage=coverage
    )


def parent_code(code: str) -> str:
    """A code's domain by default: its parent code (the id before the last dot).

    >>> parent_code("iw.creating.advocacy"), parent_code("ant")
    ('iw.creating', '')
    """
    return code.rsplit(".", 1)[0] if "." in code else ""


def _domain_of(domains: Domains) -> Callable[[str], str]:
    if domains is None:
        return parent_code
    if callable(domains):
        return domains
    mapping = {str(k): str(v) for k, v in domains.items()}

    def lookup(code: str) -> str:
        if code not in mapping:
            raise AgreementError(
                f"code {code!r} has no domain in the domains given; map every code "
                "to its domain (for example its parent code)"
            )
        return mapping[code]

    return lookup


def domain_unitizing_alpha(
    units: pd.DataFrame,
    *,
    begin: int = 0,
    length: int | None = None,
    domains: Domains = None,
    coders: Sequence[str] | None = None,
) -> UnitizingAlpha:
    """``Cuα``: ``cuα`` with each code replaced by its domain.

    A domain is a set of codes meant to exclude one another (ATLAS.ti's *semantic
    domains*); ``Cuα`` measures whether coders give the stretches they both coded
    the same domains. ``domains`` maps each code to its domain (a mapping or a
    function); by default a code's domain is its parent code.

    Examples
    --------
    >>> import pandas as pd
    >>> units = pd.DataFrame({"coder": list("AABB"), "start": [0, 10, 0, 10],
    ...                       "end": [5, 15, 5, 15],
    ...                       "code": ["iw.a", "ant.x", "iw.b", "ant.x"]})
    >>> round(domain_unitizing_alpha(units).alpha, 4)
    1.0
    >>> round(coding_unitizing_alpha(units).alpha, 4)
    0.4
    """
    frame, names, length = _continuum(units, begin, length, coders)
    domain = _domain_of(domains)
    stats = _stats_of(frame, names, length, frame["code"].map(domain))
    paired = stats.margin[0, 1:] - stats.with_gap[0, 1:]
    return _result(
        "Cuα",
        _cu_from(stats),
        n_coders=len(names),
        length=length,
        coverage=paired.sum() / stats.total[0],
    )
