"""The unitizing alphas of a project's codings, per code and overall, with intervals.

:func:`unitizing_table` gives, for each code, its binary ``|cuα`` (where the code
applies) and its ``(k)uα`` (which code, among the code's domain, the stretches both
coders coded were given), each with observed and expected disagreement and a
bootstrap interval; :func:`unitizing_summary` gives ``uα`` and ``|uα`` over all
codes, ``cuα`` within each domain and ``Cuα`` across domains. The documents that
every compared coder has coded are the continua (see :mod:`research.agreement._scope`).

The bootstrap resamples **documents** (Efron & Tibshirani 1993): characters, and
even the units of one document, are not independent, so an interval that resamples
them is too narrow. All the sums of the alphas add up over documents, so a resample
costs one matrix product.

References
----------
.. [1] Krippendorff, K., Mathet, Y., Bouvry, S., & Widlöcher, A. (2016). On the
   reliability of unitizing textual continua: Further developments. *Quality &
   Quantity*, 50(6), 2347–2364.
.. [2] Efron, B., & Tibshirani, R. J. (1993). *An introduction to the bootstrap*.
   Chapman & Hall.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from research.agreement._agreement_units import _document_lengths
from research.agreement._bootstrap import _order_statistics
from research.agreement._hierarchy import roll_up_codings
from research.agreement._scope import DocumentsCoded, _scope
from research.agreement._sections import GAP, _section_stats, _Stats
from research.agreement._unitizing import (
    Domains,
    _alpha,
    _binary_parts,
    _cu_parts,
    _divide,
    _domain_of,
    _k_parts,
)
from research.errors import AgreementError

__all__ = ["unitizing_summary", "unitizing_table"]

ALL_CODES = "(all codes)"


@dataclass(frozen=True)
class _Project:
    """The scoped codings as arrays: documents, coders, codes and their domains."""

    coders: list[str]
    docs: list[str]
    codes: list[str]
    domains: list[str]  # domain of each code
    doc_len: np.ndarray
    doc: np.ndarray  # per coding
    coder: np.ndarray
    code: np.ndarray
    start: np.ndarray
    end: np.ndarray


def _project(
    codings, lengths, coders, codes, documents_coded, infer_documents, include_children, domains
) -> _Project:
    if include_children:
        codings = roll_up_codings(codings)
    cod, names, docs, chosen = _scope(codings, coders, codes, documents_coded, infer_documents)
    doc_len = _document_lengths(lengths, docs, cod)
    domain = _domain_of(domains)
    return _Project(
        names,
        docs,
        chosen,
        [str(domain(c)) for c in chosen],
        doc_len,
        pd.Index(docs).get_indexer(cod["doc_id"]),
        pd.Index(names).get_indexer(cod["coder"]),
        pd.Index(chosen).get_indexer(cod["code"]),
        cod["start"].to_numpy(np.int64),
        cod["end"].to_numpy(np.int64),
    )


def _stats(p: _Project, group: np.ndarray, n_groups: int, value: np.ndarray, names) -> _Stats:
    return _section_stats(
        group,
        p.coder,
        value,
        p.start,
        p.end,
        lengths=np.tile(p.doc_len, n_groups),
        n_coders=len(p.coders),
        names=[GAP, *names],
    )


def _weights(n_docs: int, n_boot: int, seed: int) -> np.ndarray:
    """Row 0: the data; the other rows: how often each document is drawn."""
    if int(n_boot) < 0:
        raise AgreementError(f"n_boot must be 0 (no interval) or more, not {n_boot!r}")
    rng = np.random.default_rng(seed)
    draws = rng.multinomial(n_docs, np.full(n_docs, 1.0 / n_docs), size=int(n_boot))
    return np.vstack([np.ones((1, n_docs)), draws]).astype(float)


def _interval(estimates: np.ndarray, confidence: float) -> tuple[np.ndarray, np.ndarray]:
    """Percentile bounds of each column of ``estimates`` (resamples × coefficients)."""
    low = np.full(estimates.shape[1:], np.nan)
    high = np.full(estimates.shape[1:], np.nan)
    for idx in np.ndindex(*estimates.shape[1:]):
        column = estimates[(slice(None), *idx)]
        column = np.sort(column[~np.isnan(column)])
        if len(column) >= 2:
            low[idx], high[idx] = _order_statistics(column, confidence)
    return low, high


def _check(n_boot: int, confidence: float) -> None:
    if int(n_boot) < 0:
        raise AgreementError(f"n_boot must be 0 (no interval) or more, not {n_boot!r}")
    if not 0 < confidence < 1:
        raise AgreementError(f"confidence must lie between 0 and 1, not {confidence!r}")


def _by_doc(stats: _Stats, n_blocks: int, n_docs: int) -> dict[str, np.ndarray]:
    """The per-continuum sums reshaped to (blocks, documents, values)."""
    stats = stats.dense()
    shape = (n_blocks, n_docs, -1)
    return {
        "total": stats.total.reshape(n_blocks, n_docs),
        "diag": stats.diag.reshape(shape),
        "margin": stats.margin.reshape(shape),
        "with_gap": stats.with_gap.reshape(shape),
        "units_sq": stats.units_sq.reshape(shape),
        "cu_sq": stats.cu_sq.reshape(shape),
    }


def _resample(weights: np.ndarray, columns: np.ndarray) -> np.ndarray:
    """``columns`` (documents, …) summed with each row of ``weights``: (rows, …)."""
    flat = columns.reshape(columns.shape[0], -1)
    return (weights @ flat).reshape((weights.shape[0], *columns.shape[1:]))


def _binary_columns(p: _Project) -> tuple[np.ndarray, np.ndarray]:
    """Per document and code, the seven sums of the binary alpha; and the coded lengths."""
    k, d = len(p.codes), len(p.docs)
    stats = _stats(p, p.code * d + p.doc, k, np.ones(len(p.doc), np.int64), ["+"])
    s = _by_doc(stats, k, d)
    coded = s["margin"][..., 1] - s["with_gap"][..., 1]
    columns = np.stack(
        [
            s["total"],
            s["diag"][..., 0],
            coded,
            s["margin"][..., 0],
            s["margin"][..., 1],
            s["units_sq"][..., 0],
            s["units_sq"][..., 1],
        ],
        axis=-1,
    )  # (codes, documents, 7)
    return np.moveaxis(columns, 1, 0), s["margin"][..., 1].sum(axis=1)


def _coding_columns(p: _Project) -> tuple[np.ndarray, list[str]]:
    """Per document, the sums of ``(k)uα`` of each code within its domain.

    Returns (documents, codes, 5): the code's paired matter, diagonal and ``S*``,
    and its domain's paired matter and ``S*``.
    """
    domains = sorted(set(p.domains))
    code_domain = pd.Index(domains).get_indexer(p.domains)
    n_dom, d = len(domains), len(p.docs)
    stats = _stats(p, code_domain[p.code] * d + p.doc, n_dom, p.code + 1, p.codes)
    s = _by_doc(stats, n_dom, d)
    paired = s["margin"][..., 1:] - s["with_gap"][..., 1:]  # (domains, docs, values)
    cu_sq = s["cu_sq"][..., 1:]
    rows = code_domain
    cols = np.arange(len(p.codes))
    columns = np.stack(
        [
            paired[rows, :, cols],
            s["diag"][..., 1:][rows, :, cols],
            cu_sq[rows, :, cols],
            paired.sum(axis=-1)[rows],
            cu_sq.sum(axis=-1)[rows],
        ],
        axis=-1,
    )  # (codes, documents, 5)
    return np.moveaxis(columns, 1, 0), domains


def unitizing_table(
    codings: pd.DataFrame,
    lengths: Mapping[str, int] | pd.Series,
    *,
    coders: Sequence[str],
    codes: str | Sequence[str] | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
    include_children: bool = False,
    domains: Domains = None,
    n_boot: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """The unitizing alphas of each code, with bootstrap intervals over documents.

    For each code: ``alpha_binary`` (``|cuα``, agreement on where the code applies,
    every other stretch a gap) and ``alpha_coding`` (``(k)uα``: of the stretches
    given this code that another coder coded too, the agreement on giving them this
    code rather than another of its domain; ``coverage_coding`` is that share of
    the code's matter), each with ``observed_*`` and ``expected_*`` disagreement and
    the bounds ``low_*``/``high_*`` of a bootstrap interval that resamples
    documents. ``coded`` is the number of characters coded with the code, summed
    over coders. Rows are sorted weakest ``alpha_binary`` first.

    Parameters
    ----------
    codings : pandas.DataFrame
        The codings table (``coder``, ``doc_id``, ``start``, ``end``, ``code``).
    lengths : mapping or Series
        ``doc_id -> length of the stored text`` in code points.
    coders : sequence of str
        Two or more coders.
    codes : str or sequence of str, optional
        Codes compared (ids or fnmatch patterns; default all those coded).
    documents_coded, infer_documents
        Which documents count, as in :func:`agreement_table`.
    include_children : bool
        Roll each coding up to the ancestors of its code (:func:`roll_up_codings`).
    domains : mapping or callable, optional
        Each code's domain, the codes it excludes (default: its parent code).
    n_boot : int
        Bootstrap resamples of the documents (0: no interval).
    seed : int
        Seed of the resampling.
    confidence : float
        Level of the intervals.

    Examples
    --------
    >>> import pandas as pd
    >>> codings = pd.DataFrame({"coder": list("AABB"), "doc_id": ["D", "E", "D", "E"],
    ...                         "start": [0, 10, 2, 10], "end": [20, 30, 20, 25],
    ...                         "code": ["x"] * 4})
    >>> table = unitizing_table(codings, {"D": 50, "E": 40}, coders=["A", "B"],
    ...                         infer_documents=True, n_boot=0)
    >>> table[["code", "coded", "alpha_binary"]].round(4).values.tolist()
    [['x', 73, 0.8459]]

    References
    ----------
    .. [1] Krippendorff, K., Mathet, Y., Bouvry, S., & Widlöcher, A. (2016). On the
       reliability of unitizing textual continua: Further developments. *Quality &
       Quantity*, 50(6), 2347–2364.
    """
    _check(n_boot, confidence)
    p = _project(
        codings, lengths, coders, codes, documents_coded, infer_documents, include_children, domains
    )
    weights = _weights(len(p.docs), n_boot, seed)
    binary, coded = _binary_columns(p)
    b = _resample(weights, binary)  # (rows, codes, 7)
    do_b, de_b = _binary_parts(*(b[..., i] for i in range(7)))
    alpha_b = _alpha(do_b, de_b)
    coding, _ = _coding_columns(p)
    c = _resample(weights, coding)  # (rows, codes, 5)
    do_c, de_c = _k_parts(*(c[..., i] for i in range(5)))
    alpha_c = _alpha(do_c, de_c)
    low_b, high_b = _interval(alpha_b[1:], confidence)
    low_c, high_c = _interval(alpha_c[1:], confidence)
    table = pd.DataFrame(
        {
            "code": p.codes,
            "domain": p.domains,
            "coded": np.round(coded).astype(np.int64),
            "alpha_binary": alpha_b[0],
            "observed_binary": do_b[0],
            "expected_binary": de_b[0],
            "low_binary": low_b,
            "high_binary": high_b,
            "alpha_coding": alpha_c[0],
            "observed_coding": do_c[0],
            "expected_coding": de_c[0],
            "low_coding": low_c,
            "high_coding": high_c,
            "coverage_coding": _divide(c[0, :, 0], coded),
        }
    )
    table = table.sort_values(["alpha_binary", "code"], na_position="last", kind="stable")
    table = table.reset_index(drop=True)
    table.attrs.update(
        coders=p.coders,
        documents=p.docs,
        n_boot=int(n_boot),
        seed=seed,
        confidence=confidence,
        include_children=include_children,
    )
    return table


def _summary_rows(p: _Project, weights: np.ndarray) -> list[tuple]:
    d = len(p.docs)
    rows = []
    # uα and |uα over all codes, one continuum per document; the many combinations
    # of codes stay sparse: only the squares of the margins need every value
    stats = _stats(p, p.doc, 1, p.code + 1, p.codes)

    def column_sum(matrix, first: int = 0) -> np.ndarray:
        return np.asarray(matrix[:, first:].sum(axis=1)).ravel()

    def column(matrix, j: int) -> np.ndarray:
        return matrix[:, j].toarray().ravel()

    linear = np.column_stack(
        [
            stats.total,
            column_sum(stats.diag),
            column_sum(stats.units_sq),
            column(stats.diag, 0),
            column_sum(stats.margin, 1) - column_sum(stats.with_gap, 1),
            column(stats.margin, 0),
            column_sum(stats.margin, 1),
            column(stats.units_sq, 0),
            column_sum(stats.units_sq, 1),
        ]
    )
    r = weights @ linear
    margins = np.asarray((stats.margin.T @ weights.T).T)  # (rows, values)
    total, diag_sum, self_pairs = r[:, 0], r[:, 1], r[:, 2]
    squares = (margins**2).sum(axis=1)
    e_diag = _divide(total * (squares - self_pairs), total**2 - self_pairs)
    u = (_divide(total - diag_sum, total), _divide(total - e_diag, total))
    rows.append(("uα", ALL_CODES, *u, np.ones(len(weights))))
    binary = _binary_parts(total, *(r[:, i] for i in range(3, 9)))
    rows.append(("|uα", ALL_CODES, *binary, np.ones(len(weights))))
    # cuα within each domain of two codes or more
    domains = sorted(set(p.domains))
    code_domain = pd.Index(domains).get_indexer(p.domains)
    stats = _stats(p, code_domain[p.code] * d + p.doc, len(domains), p.code + 1, p.codes)
    s = _by_doc(stats, len(domains), d)
    for i, domain in enumerate(domains):
        if (code_domain == i).sum() < 2:
            continue
        paired = _resample(weights, (s["margin"][i] - s["with_gap"][i])[:, 1:])
        diag = _resample(weights, s["diag"][i][:, 1:].sum(axis=-1))
        cu = _cu_parts(paired, diag, _resample(weights, s["cu_sq"][i][:, 1:]))
        total = _resample(weights, s["total"][i])
        rows.append(("cuα", domain, *cu, _divide(paired.sum(axis=-1), total)))
    # Cuα: the domains as values
    names = sorted(set(p.domains))
    value = pd.Index(names).get_indexer(np.asarray(p.domains, dtype=object)[p.code]) + 1
    stats = _stats(p, p.doc, 1, value.astype(np.int64), names)
    s = {key: value[0] for key, value in _by_doc(stats, 1, d).items()}
    paired = _resample(weights, (s["margin"] - s["with_gap"])[:, 1:])
    diag = _resample(weights, s["diag"][:, 1:].sum(axis=-1))
    cu = _cu_parts(paired, diag, _resample(weights, s["cu_sq"][:, 1:]))
    total = _resample(weights, s["total"])
    rows.append(("Cuα", ALL_CODES, *cu, _divide(paired.sum(axis=-1), total)))
    return rows


def unitizing_summary(
    codings: pd.DataFrame,
    lengths: Mapping[str, int] | pd.Series,
    *,
    coders: Sequence[str],
    codes: str | Sequence[str] | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
    include_children: bool = False,
    domains: Domains = None,
    n_boot: int = 1000,
    seed: int = 0,
    confidence: float = 0.95,
) -> pd.DataFrame:
    """The unitizing alphas of all codes together: ``uα``, ``|uα``, ``cuα``, ``Cuα``.

    One row per coefficient: ``coefficient``, ``scope`` (``"(all codes)"`` or the
    domain of a ``cuα``), ``alpha``, ``observed`` and ``expected`` disagreement,
    ``low``/``high`` (bootstrap over documents) and ``coverage`` (the share of the
    matter a ``cuα`` or ``Cuα`` rests on). ``cuα`` is given for each domain of two
    codes or more. Where a coder gave two codes to the same characters, those
    characters carry the combination as one value (``"a + b"``). Arguments as in
    :func:`unitizing_table`.

    Examples
    --------
    >>> import pandas as pd
    >>> codings = pd.DataFrame({"coder": list("AABB"), "doc_id": ["D"] * 4,
    ...                         "start": [0, 10, 0, 10], "end": [5, 15, 5, 15],
    ...                         "code": ["f.a", "f.b", "f.a", "f.a"]})
    >>> summary = unitizing_summary(codings, {"D": 30}, coders=["A", "B"],
    ...                             infer_documents=True, n_boot=0)
    >>> summary[["coefficient", "scope", "alpha"]].round(4).values.tolist()
    [['uα', '(all codes)', 0.6705], ['|uα', '(all codes)', 1.0], ['cuα', 'f', 0.0], ['Cuα', '(all codes)', nan]]
    """
    _check(n_boot, confidence)
    p = _project(
        codings, lengths, coders, codes, documents_coded, infer_documents, include_children, domains
    )
    weights = _weights(len(p.docs), n_boot, seed)
    records = []
    for coefficient, scope, do, de, coverage in _summary_rows(p, weights):
        alpha = _alpha(do, de)
        low, high = _interval(alpha[1:, None], confidence)
        records.append(
            {
                "coefficient": coefficient,
                "scope": scope,
                "alpha": float(alpha[0]),
                "observed": float(do[0]),
                "expected": float(de[0]),
                "low": float(low[0]),
                "high": float(high[0]),
                "coverage": float(coverage[0]),
            }
        )
    table = pd.DataFrame(records)
    table.attrs.update(
        coders=p.coders,
        documents=p.docs,
        n_boot=int(n_boot),
        seed=seed,
        confidence=confidence,
        include_children=include_children,
    )
    return table
