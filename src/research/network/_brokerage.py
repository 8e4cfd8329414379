"""Brokerage: Burt's structural holes and Gould & Fernandez's roles.

Burt's constraint and effective size measure how redundant a node's contacts
are; Gould & Fernandez's five roles count the open two-paths a node brokers,
by the groups of the three nodes.
"""

from __future__ import annotations

import networkx as nx
import numpy as np
import pandas as pd
import scipy.sparse as sp

from research.network._matrices import _Matrices, _matrices, _series

__all__ = ["BROKERAGE_ROLES", "brokerage_roles", "burt_constraint", "effective_size"]

#: Gould & Fernandez roles, in the order of the columns of :func:`brokerage_roles`.
BROKERAGE_ROLES = ("coordinator", "itinerant", "gatekeeper", "representative", "liaison")


# --------------------------------------------------------------------------- structural holes


def _proportions(M: _Matrices) -> sp.csr_matrix:
    """Burt's proportional tie strengths: each row of the strengths over its sum."""
    totals = np.asarray(M.strength.sum(axis=1)).ravel()
    inverse = np.divide(1.0, totals, out=np.zeros_like(totals), where=totals > 0)
    return sp.csr_matrix(sp.diags(inverse) @ M.strength)


def burt_constraint(G: nx.Graph, *, weight: str | None = "weight") -> pd.Series:
    """Burt's constraint: how much a node's contacts are tied to each other.

    :math:`c_i = \\sum_{j \\in N(i)} (p_{ij} + \\sum_{q} p_{iq} p_{qj})^2`
    with :math:`p_{ij}` the share of ``i``'s (mutual) tie strength invested in
    ``j``. Isolates get NaN. Computed as ``(P + P²)`` on the ties, squared.

    References
    ----------
    .. [1] R. S. Burt, Structural Holes: The Social Structure of Competition,
       Harvard University Press, 1992.

    Examples
    --------
    A star with three leaves: the hub's contacts are unconnected (1/3), each
    leaf depends on the hub alone (1).

    >>> burt_constraint(nx.star_graph(3)).round(4).tolist()
    [0.3333, 1.0, 1.0, 1.0]
    """
    return _constraint(_matrices(G, weight=weight))


def _constraint(M: _Matrices, P: sp.csr_matrix | None = None) -> pd.Series:
    P = _proportions(M) if P is None else P
    local = sp.csr_matrix((P + P @ P).multiply(M.ties))
    values = np.asarray(local.multiply(local).sum(axis=1)).ravel()
    degree = np.diff(M.ties.indptr)
    return _series(M.nodes, np.where(degree > 0, values, np.nan), "constraint")


def effective_size(G: nx.Graph, *, weight: str | None = "weight") -> pd.Series:
    """Burt's effective size: the non-redundant part of a node's contacts.

    :math:`e_i = \\sum_{j \\in N(i)} (1 - \\sum_{q} p_{iq} m_{jq})` with
    :math:`m_{jq}` the strength of ``j``'s tie to ``q`` divided by ``j``'s
    strongest tie; for unweighted graphs it is Borgatti's ``n − 2t/n``
    (``t`` ties among the ``n`` contacts). Isolates get NaN.

    References
    ----------
    .. [1] R. S. Burt, Structural Holes: The Social Structure of Competition,
       Harvard University Press, 1992.
    .. [2] S. P. Borgatti, "Structural holes: unpacking Burt's redundancy
       measures", Connections 20 (1997) 35–38.

    Examples
    --------
    A triangle with a pendant: node 0 has contacts 1, 2, 3 and one tie among
    them (1–2), so 3 − 2·1/3.

    >>> G = nx.Graph([(0, 1), (0, 2), (1, 2), (0, 3)])
    >>> effective_size(G).round(4).tolist()
    [2.3333, 1.0, 1.0, 1.0]
    """
    return _effective_size(_matrices(G, weight=weight))


def _effective_size(M: _Matrices, P: sp.csr_matrix | None = None) -> pd.Series:
    P = _proportions(M) if P is None else P
    S = M.strength
    strongest = S.max(axis=1).toarray().ravel()
    inverse = np.divide(1.0, strongest, out=np.zeros_like(strongest), where=strongest > 0)
    marginal = sp.csr_matrix(sp.diags(inverse) @ S)
    redundancy = np.asarray((P @ marginal.T).multiply(M.ties).sum(axis=1)).ravel()
    degree = np.diff(M.ties.indptr)
    return _series(M.nodes, np.where(degree > 0, degree - redundancy, np.nan), "effective_size")


# --------------------------------------------------------------------------- brokerage


def _masked_sums(paths: sp.csr_matrix, into: sp.csr_matrix) -> np.ndarray:
    """Per broker ``b``: sum over ``a`` with ``into[a, b]`` of ``paths[b, a]``.

    With ``paths = Y @ Zᵀ`` this counts the (a, c) with ``a → b`` (an arc of
    ``into``), ``b → c`` (of ``Y``) and ``a → c`` (of ``Z``).
    """
    return np.asarray(sp.csr_matrix(paths).multiply(into.T).sum(axis=1)).ravel()


def brokerage_roles(G: nx.Graph, *, group: str = "category") -> pd.DataFrame:
    """Gould & Fernandez brokerage roles of every node.

    Node ``b`` brokers the ordered pair ``(a, c)`` when ``a → b → c`` and not
    ``a → c`` (``a ≠ c``). With ``g`` the node attribute ``group``:

    ============== ================================ ===========
    role           groups                           two-path
    ============== ================================ ===========
    coordinator    g(a) = g(b) = g(c)               A → A → A
    itinerant      g(a) = g(c) ≠ g(b) (consultant)  A → B → A
    gatekeeper     g(a) ≠ g(b) = g(c)               A → B → B
    representative g(a) = g(b) ≠ g(c)               A → A → B
    liaison        all three different              A → B → C
    ============== ================================ ===========

    Directed graphs are used as they are. An undirected graph counts as the
    directed graph with both arcs of each edge (as UCINET and R's
    ``sna::brokerage`` on a symmetric matrix): each open pair is counted once
    in each direction, so coordinator, itinerant and liaison counts are twice
    the number of unordered pairs, and gatekeeper equals representative.
    Multigraphs are collapsed to undirected graphs first. Nodes without the
    attribute form the group ``"(none)"``. Computed for all brokers at once
    from sparse products: all two-paths by group, minus the closed ones.

    Returns
    -------
    pandas.DataFrame
        One row per node (graph order), one column per role and ``brokerage``
        (their sum).

    References
    ----------
    .. [1] R. V. Gould and R. M. Fernandez, "Structures of mediation: a formal
       approach to brokerage in transaction networks", Sociological
       Methodology 19 (1989) 89–126.

    Examples
    --------
    A citizen and a funder reached through a staff member: in both directions
    the staff member links two groups that are not hers.

    >>> G = nx.path_graph(["cit", "staff", "fund"])
    >>> nx.set_node_attributes(G, {"cit": "citizen", "staff": "cluster_staff",
    ...                            "fund": "funder"}, "category")
    >>> brokerage_roles(G).loc["staff"].to_dict()  # doctest: +NORMALIZE_WHITESPACE
    {'coordinator': 0, 'itinerant': 0, 'gatekeeper': 0, 'representative': 0,
     'liaison': 2, 'brokerage': 2}
    """
    return _brokerage(_matrices(G, weight=None), group=group)


def _brokerage(M: _Matrices, *, group: str) -> pd.DataFrame:
    n = len(M.nodes)
    if n == 0:
        empty = pd.DataFrame(columns=[*BROKERAGE_ROLES, "brokerage"], dtype=int)
        return empty.rename_axis("node")
    labels = np.array([str(M.graph.nodes[v].get(group, "(none)")) for v in M.nodes])
    codes = np.unique(labels, return_inverse=True)[1].ravel()
    A = M.arcs
    coo = A.tocoo()
    same_mask = codes[coo.row] == codes[coo.col]

    def part(mask: np.ndarray) -> sp.csr_matrix:
        return sp.csr_matrix((coo.data[mask], (coo.row[mask], coo.col[mask])), shape=(n, n))

    same, diff = part(same_mask), part(~same_mask)
    onehot = sp.csr_matrix((np.ones(n), (np.arange(n), codes)), shape=(n, int(codes.max()) + 1))
    into = (A.T @ onehot).toarray()  # into[b, x]: predecessors of b in group x
    out = (A @ onehot).toarray()  # out[b, x]: successors of b in group x
    in_same, out_same = into[np.arange(n), codes], out[np.arange(n), codes]
    in_other, out_other = into.sum(axis=1) - in_same, out.sum(axis=1) - out_same
    itinerant_all = (into * out).sum(axis=1) - in_same * out_same
    mutual = A.multiply(A.T)
    mutual_same = np.asarray(mutual.multiply(same).sum(axis=1)).ravel()
    mutual_other = np.asarray(mutual.sum(axis=1)).ravel() - mutual_same
    # Closed two-paths a → b → c with a → c, by the groups of a and c (three products).
    from_same, from_diff, to_same = same @ A.T, diff @ A.T, diff @ same.T
    closed = {
        "coordinator": _masked_sums(from_same, same),
        "gatekeeper": _masked_sums(from_same, diff),
        "representative": _masked_sums(from_diff, same),
        "itinerant": _masked_sums(to_same, diff),
    }
    closed["liaison"] = _masked_sums(from_diff, diff) - closed["itinerant"]
    roles = {
        "coordinator": in_same * out_same - mutual_same - closed["coordinator"],
        "itinerant": itinerant_all - mutual_other - closed["itinerant"],
        "gatekeeper": in_other * out_same - closed["gatekeeper"],
        "representative": in_same * out_other - closed["representative"],
        "liaison": in_other * out_other - itinerant_all - closed["liaison"],
    }
    frame = pd.DataFrame(
        {r: np.rint(v).astype(int) for r, v in roles.items()},
        index=pd.Index(M.nodes, name="node"),
    )
    frame["brokerage"] = frame.sum(axis=1)
    return frame
