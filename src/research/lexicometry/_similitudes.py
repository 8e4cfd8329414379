"""Similitude analysis: the graph of the forms that occur together in text segments.

Flament's similitude analysis, as IRaMuTeQ applies it to texts: the most
frequent active forms are the nodes; two forms are linked by an index of how
often they occur in the same text segments; the *maximum spanning tree* keeps,
of all these links, the tree of strongest links that joins every form (the
skeleton the map shows); communities of the tree group forms that belong
together.

The indices (``n_a``, ``n_b``: segments holding each form; ``n_ab``: both):

- ``cooccurrence``: ``n_ab``;
- ``jaccard``: ``n_ab / (n_a + n_b − n_ab)``;
- ``cosine`` (Ochiai): ``n_ab / √(n_a n_b)``.

References
----------
.. [1] Flament, C. (1962). L'analyse de similitude. *Cahiers du Centre de
   recherche opérationnelle*, 4, 63-97.
.. [2] Marchand, P. & Ratinaud, P. (2012). L'analyse de similitude appliquée
   aux corpus textuels : les primaires socialistes pour l'élection
   présidentielle française. *Actes des JADT 2012*, 687-699.
.. [3] Blondel, V. D., Guillaume, J.-L., Lambiotte, R. & Lefebvre, E. (2008).
   Fast unfolding of communities in large networks. *Journal of Statistical
   Mechanics*, P10008.

Examples
--------
>>> forms = pd.DataFrame({"ts_id": ["a", "a", "b", "b", "c", "c", "c"],
...                       "form": ["marché", "village", "marché", "village", "marché", "banque", "prêt"]})
>>> result = similitudes(forms["ts_id"].drop_duplicates().to_frame(), forms, min_frequency=1)
>>> sorted(result.tree.edges(data="weight"))
[('marché', 'banque', 1.0), ('marché', 'prêt', 1.0), ('marché', 'village', 2.0)]
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

import networkx as nx
import numpy as np
import pandas as pd

from research.errors import InputError
from research.lexicometry._tables import presence_matrix

__all__ = ["Similitudes", "similitudes"]

Index = Literal["cooccurrence", "jaccard", "cosine"]


@dataclass(frozen=True)
class Similitudes:
    """The results of :func:`similitudes`.

    Attributes
    ----------
    graph : networkx.Graph
        Every link between the forms kept (``weight``: the index;
        ``cooccurrences``: ``n_ab``); nodes have ``frequency`` (segments) and
        ``community``.
    tree : networkx.Graph
        The maximum spanning tree (a forest if the graph is not connected).
    communities : list of list of str
        The communities of the tree, largest first.
    nodes : pandas.DataFrame
        ``form``, ``frequency``, ``community``, ``degree`` (in the tree).
    edges : pandas.DataFrame
        ``form_a``, ``form_b``, ``cooccurrences``, ``index``, ``in_tree``,
        strongest first.
    index : str
    """

    graph: nx.Graph
    tree: nx.Graph
    communities: list[list[str]]
    nodes: pd.DataFrame
    edges: pd.DataFrame
    index: str


def similitudes(
    segments: pd.DataFrame,
    forms: pd.DataFrame,
    *,
    top: int = 100,
    index: Index = "cooccurrence",
    min_frequency: int = 3,
    seed: int = 0,
) -> Similitudes:
    """The similitude graph of the ``top`` most frequent forms (see the module notes).

    Parameters
    ----------
    segments : DataFrame
        The text segments (``ts_id``): the units of co-occurrence.
    forms : DataFrame
        Their active forms (:func:`research.lexicometry.segment_forms`).
    top : int
        Forms kept, those in most segments first.
    index : {"cooccurrence", "jaccard", "cosine"}
        The link between two forms.
    min_frequency : int
        Forms in fewer segments are left out.
    seed : int
        Seed of the community detection (Louvain).

    Returns
    -------
    Similitudes

    Raises
    ------
    InputError
        On an unknown index or a ``top`` below 2.
    """
    if index not in ("cooccurrence", "jaccard", "cosine"):
        raise InputError(
            f"unknown similitude index {index!r}", hint="use 'cooccurrence', 'jaccard' or 'cosine'"
        )
    if top < 2:
        raise InputError(f"top must be 2 forms or more, not {top}", hint="e.g. 100")
    matrix = presence_matrix(forms, segments, min_frequency=min_frequency)
    X = matrix.matrix[:, :top]
    names = list(matrix.forms[:top])
    together = (X.T @ X).toarray()
    frequency = np.diag(together).copy()
    np.fill_diagonal(together, 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        if index == "jaccard":
            weights = together / (frequency[:, None] + frequency[None, :] - together)
        elif index == "cosine":
            weights = together / np.sqrt(np.outer(frequency, frequency))
        else:
            weights = together.astype(float)
    graph = nx.Graph()
    for name, count in zip(names, frequency, strict=True):
        graph.add_node(name, frequency=int(count))
    a, b = np.nonzero(np.triu(together, 1))
    order = np.lexsort((b, a, -weights[a, b]))
    for i, j in zip(a[order], b[order], strict=True):
        graph.add_edge(
            names[i], names[j], weight=float(weights[i, j]), cooccurrences=int(together[i, j])
        )
    tree = nx.maximum_spanning_tree(graph, weight="weight", algorithm="kruskal")
    found = nx.community.louvain_communities(tree, weight="weight", seed=seed) if len(tree) else []
    rank = {name: i for i, name in enumerate(names)}
    communities = sorted(
        (sorted(c, key=rank.__getitem__) for c in found), key=lambda c: (-len(c), rank[c[0]])
    )
    membership = {form: k for k, members in enumerate(communities, 1) for form in members}
    nx.set_node_attributes(graph, membership, "community")
    nx.set_node_attributes(tree, membership, "community")
    nodes = pd.DataFrame(
        {
            "form": names,
            "frequency": frequency.astype(int),
            "community": [membership.get(f) for f in names],
            "degree": [tree.degree(f) if f in tree else 0 for f in names],
        }
    )
    edges = pd.DataFrame(
        [
            (u, v, d["cooccurrences"], d["weight"], tree.has_edge(u, v))
            for u, v, d in graph.edges(data=True)
        ],
        columns=["form_a", "form_b", "cooccurrences", "index", "in_tree"],
    )
    return Similitudes(graph, tree, communities, nodes, edges, index)
