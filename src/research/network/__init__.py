"""The territorial actor-network: graphs from the edition tables, measures, figures and exports."""

from research.network._actor_network import (
    RELATIONS,
    actor_network,
    add_edges,
    comention_edges,
    simple_graph,
)
from research.network._brokerage import (
    BROKERAGE_ROLES,
    brokerage_roles,
    burt_constraint,
    effective_size,
)
from research.network._centrality import betweenness, eigenvector
from research.network._communities import communities
from research.network._edition_graphs import edition_graphs, network_graph
from research.network._edition_tables import as_list, edition_dates, edition_order
from research.network._evolution import (
    ANIMATOR_CATEGORIES,
    animator_ids,
    animator_trajectory,
    core_over_time,
    evolution,
)
from research.network._export import (
    GEXF_NAMESPACE,
    edge_table,
    gexf_document,
    node_table,
    write_csv,
    write_gexf,
    write_graphml,
    write_pajek,
)
from research.network._graph_measures import degree_centralization, graph_measures
from research.network._matrices import is_two_mode
from research.network._node_measures import node_measures
from research.network._two_mode import (
    actor_projection,
    incidence_matrix,
    two_mode_graph,
    workshop_projection,
)
from research.network._views import (
    CATEGORY_COLORS,
    KIND_MARKERS,
    category_colors,
    draw_network,
    interactive_html,
    small_multiples,
    stable_layout,
)

__all__ = [
    "ANIMATOR_CATEGORIES",
    "BROKERAGE_ROLES",
    "CATEGORY_COLORS",
    "GEXF_NAMESPACE",
    "KIND_MARKERS",
    "RELATIONS",
    "actor_network",
    "actor_projection",
    "add_edges",
    "animator_ids",
    "animator_trajectory",
    "as_list",
    "betweenness",
    "brokerage_roles",
    "burt_constraint",
    "category_colors",
    "comention_edges",
    "communities",
    "core_over_time",
    "degree_centralization",
    "draw_network",
    "edge_table",
    "edition_dates",
    "edition_graphs",
    "edition_order",
    "effective_size",
    "eigenvector",
    "evolution",
    "gexf_document",
    "graph_measures",
    "incidence_matrix",
    "interactive_html",
    "is_two_mode",
    "network_graph",
    "node_measures",
    "node_table",
    "simple_graph",
    "small_multiples",
    "stable_layout",
    "two_mode_graph",
    "workshop_projection",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_pajek",
]
