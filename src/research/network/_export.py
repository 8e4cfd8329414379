"""Exports of the actor-network to the tools network analysts use.

* GEXF 1.3 (Gephi): :func:`write_gexf` writes the editions as one dynamic
  graph whose nodes and edges carry the editions' dates as time stamps (or
  intervals), so that Gephi's timeline plays the network edition by edition;
  per-edition measures become dynamic attributes, positions and category
  colours go to the ``viz`` module. networkx only writes GEXF 1.2draft, so the
  file is written here with lxml, following the gexf.net 1.3 schema.
* GraphML (yEd, Cytoscape, igraph, R): :func:`write_graphml`.
* Pajek ``.net``: :func:`write_pajek`, with the two-mode header
  ``*Vertices n n1`` (the ``n1`` actors first) for two-mode graphs.
* CSV node and edge lists (spreadsheets, R, Gephi's data laboratory):
  :func:`node_table`, :func:`edge_table`, :func:`write_csv`.

List attributes are written as ``;``-joined text everywhere; missing values are
left out. Every writer is deterministic: the same graphs give the same bytes.
"""

from __future__ import annotations

import itertools
from collections.abc import Mapping
from datetime import date, timedelta
from os import PathLike
from pathlib import Path
from typing import Any, Literal

import networkx as nx
import numpy as np
import pandas as pd
from lxml import etree

from research.errors import ExportError
from research.files import csv_text
from research.network._matrices import is_two_mode
from research.network._views import category_colors

__all__ = [
    "GEXF_NAMESPACE",
    "edge_table",
    "gexf_document",
    "node_table",
    "write_csv",
    "write_gexf",
    "write_graphml",
    "write_pajek",
]

#: XML namespace of GEXF 1.3 and of its visualisation module.
GEXF_NAMESPACE = "http://gexf.net/1.3"
VIZ_NAMESPACE = "http://gexf.net/1.3/viz"

PathType = str | PathLike


# --------------------------------------------------------------------------- helpers


def _plain(value: Any) -> Any:
    """A value fit for a file: lists joined by ';', numpy scalars unwrapped, NaN → None."""
    if isinstance(value, list | tuple | set):
        items = sorted(value, key=str) if isinstance(value, set) else value
        return ";".join(str(v) for v in items)
    if isinstance(value, np.generic):
        value = value.item()
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and not np.isfinite(value):
        return None
    return value


def _write_bytes(path: PathType, data: bytes) -> Path:
    """Write atomically (see :func:`research.files.atomic_write_bytes`)."""
    from research.files import atomic_write_bytes

    target = Path(path)
    if not target.parent.is_dir():
        raise ExportError(
            f"cannot write {target}: the folder {target.parent} does not exist "
            "(hint: create it first, or write under outputs/)"
        )
    try:
        atomic_write_bytes(target, data)
    except OSError as err:
        raise ExportError(f"cannot write {target}: {err.strerror or err}") from err
    return target


def _as_editions(graphs: nx.Graph | Mapping[str, nx.Graph]) -> dict[str, nx.Graph]:
    if isinstance(graphs, nx.Graph):
        return {str(graphs.graph.get("edition") or "graph"): graphs}
    if not graphs:
        raise ExportError("no graph to export (hint: pass a graph or a non-empty mapping)")
    return dict(graphs)


# --------------------------------------------------------------------------- CSV


def node_table(G: nx.Graph) -> pd.DataFrame:
    """Nodes of ``G`` as a table: ``id`` then one column per attribute.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_node("P01", label="Claire Vautrin", editions=["SUT2016", "SUT2017"])
    >>> node_table(G).to_dict("records")
    [{'id': 'P01', 'label': 'Claire Vautrin', 'editions': 'SUT2016;SUT2017'}]
    """
    first = ["label", "kind", "category", "bipartite", "edition", "editions"]
    keys = {k for _, d in G.nodes(data=True) for k in d}
    columns = [k for k in first if k in keys] + sorted(keys - set(first))
    rows = [{"id": v, **{k: _plain(d.get(k)) for k in columns}} for v, d in G.nodes(data=True)]
    return pd.DataFrame(rows, columns=["id", *columns])


def edge_table(G: nx.Graph) -> pd.DataFrame:
    """Edges of ``G`` as a table: ``source``, ``target`` (``key`` for multigraphs)
    and one column per attribute.

    Examples
    --------
    >>> G = nx.Graph()
    >>> G.add_edge("P01", "P02", weight=2.0, count=2.0)
    >>> edge_table(G).to_dict("records")
    [{'source': 'P01', 'target': 'P02', 'weight': 2.0, 'count': 2.0}]
    """
    first = ["weight", "relation", "role", "edition"]
    keys = {k for *_, d in G.edges(data=True) for k in d}
    columns = [k for k in first if k in keys] + sorted(keys - set(first))
    rows = []
    if G.is_multigraph():
        for u, v, key, d in G.edges(keys=True, data=True):
            rows.append({"source": u, "target": v, "key": key, **_attrs(d, columns)})
        head = ["source", "target", "key"]
    else:
        rows = [{"source": u, "target": v, **_attrs(d, columns)} for u, v, d in G.edges(data=True)]
        head = ["source", "target"]
    return pd.DataFrame(rows, columns=[*head, *columns])


def _attrs(d: Mapping[str, Any], columns: list[str]) -> dict[str, Any]:
    return {k: _plain(d.get(k)) for k in columns}


def write_csv(G: nx.Graph, nodes_path: PathType, edges_path: PathType) -> tuple[Path, Path]:
    """Write the node list and the edge list of ``G`` as UTF-8 CSV files.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> _ = write_csv(nx.Graph([("a", "b")]), folder / "n.csv", folder / "e.csv")
    >>> (folder / "e.csv").read_text(encoding="utf-8")
    'source,target\\na,b\\n'
    """
    nodes = csv_text(node_table(G)).encode("utf-8")
    edges = csv_text(edge_table(G)).encode("utf-8")
    return _write_bytes(nodes_path, nodes), _write_bytes(edges_path, edges)


# --------------------------------------------------------------------------- GraphML


def _graphml_ready(G: nx.Graph) -> nx.Graph:
    H = G.__class__()
    H.graph.update({k: _plain(v) for k, v in G.graph.items() if _plain(v) is not None})
    for v, d in G.nodes(data=True):
        H.add_node(v, **{k: _plain(x) for k, x in d.items() if _plain(x) is not None})
    if G.is_multigraph():
        for u, v, key, d in G.edges(keys=True, data=True):
            H.add_edge(
                u, v, key=key, **{k: _plain(x) for k, x in d.items() if _plain(x) is not None}
            )
    else:
        for u, v, d in G.edges(data=True):
            H.add_edge(u, v, **{k: _plain(x) for k, x in d.items() if _plain(x) is not None})
    return H


def write_graphml(G: nx.Graph, path: PathType) -> Path:
    """Write ``G`` as GraphML (lists joined by ``;``, missing values left out).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> path = pathlib.Path(tempfile.mkdtemp()) / "g.graphml"
    >>> G = nx.Graph([("a", "b")])
    >>> G.nodes["a"]["editions"] = ["SUT2016", "SUT2017"]
    >>> _ = write_graphml(G, path)
    >>> nx.read_graphml(path).nodes["a"]["editions"]
    'SUT2016;SUT2017'
    """
    H = _graphml_ready(G)
    try:
        data = ("\n".join(nx.generate_graphml(H, prettyprint=True)) + "\n").encode("utf-8")
    except (nx.NetworkXError, TypeError, ValueError) as err:
        raise ExportError(f"cannot write GraphML to {path}: {err}") from err
    return _write_bytes(path, data)


# --------------------------------------------------------------------------- Pajek


def _pajek_label(text: Any) -> str:
    return '"' + str(text).replace('"', "'").replace("\n", " ") + '"'


def write_pajek(
    G: nx.Graph,
    path: PathType,
    *,
    label: Literal["id", "label"] = "id",
    pos: Mapping[Any, tuple[float, float]] | None = None,
) -> Path:
    """Write ``G`` in Pajek's ``.net`` format (UTF-8).

    A two-mode graph is written with Pajek's two-mode header
    ``*Vertices n n1``: the ``n1`` actors (first mode) are vertices 1…n1, the
    workshops follow. Edges go under ``*Edges`` (``*Arcs`` for a directed
    graph) as ``i j weight``; a multigraph gets one line per edge.

    Parameters
    ----------
    G : networkx.Graph
    path : str or path
    label : {"id", "label"}
        Vertex names: the node ids (default, unique) or their ``label``.
    pos : dict, optional
        Positions written as Pajek coordinates (rescaled into [0, 1]).

    References
    ----------
    .. [1] W. de Nooy, A. Mrvar and V. Batagelj, Exploratory Social Network
       Analysis with Pajek, 3rd ed., Cambridge University Press, 2018.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> G = nx.Graph([("a", "W1"), ("b", "W1")])
    >>> nx.set_node_attributes(G, {"a": 0, "b": 0, "W1": 1}, "bipartite")
    >>> path = write_pajek(G, pathlib.Path(tempfile.mkdtemp()) / "g.net")
    >>> print(path.read_text(encoding="utf-8"), end="")
    *Vertices 3 2
    1 "a"
    2 "b"
    3 "W1"
    *Edges
    1 3 1
    2 3 1
    """
    two_mode = is_two_mode(G)
    nodes = list(G.nodes)
    if two_mode:
        nodes = [v for v in nodes if G.nodes[v]["bipartite"] == 0] + [
            v for v in nodes if G.nodes[v]["bipartite"] == 1
        ]
    number = {v: i + 1 for i, v in enumerate(nodes)}
    first = sum(1 for v in nodes if two_mode and G.nodes[v]["bipartite"] == 0)
    lines = [f"*Vertices {len(nodes)} {first}" if two_mode else f"*Vertices {len(nodes)}"]
    scaled = _unit_positions(pos, nodes) if pos is not None else None
    for v in nodes:
        name = v if label == "id" else G.nodes[v].get("label", v)
        line = f"{number[v]} {_pajek_label(name)}"
        if scaled is not None:
            x, y = scaled[v]
            line += f" {x:.4f} {y:.4f} 0.5000"
        lines.append(line)
    lines.append("*Arcs" if G.is_directed() else "*Edges")
    rows = []
    for u, v, d in G.edges(data=True):
        i, j = number[u], number[v]
        if not G.is_directed() and i > j:
            i, j = j, i
        weight = _plain(d.get("weight", 1))
        rows.append((i, j, _format_number(weight if weight is not None else 1)))
    lines += [f"{i} {j} {w}" for i, j, w in sorted(rows, key=lambda r: (r[0], r[1]))]
    return _write_bytes(path, ("\n".join(lines) + "\n").encode("utf-8"))


def _format_number(value: Any) -> str:
    number = float(value)
    return str(int(number)) if number.is_integer() else f"{number:.6g}"


def _unit_positions(
    pos: Mapping[Any, tuple[float, float]], nodes: list[Any]
) -> dict[Any, tuple[float, float]]:
    missing = [v for v in nodes if v not in pos]
    if missing:
        raise ExportError(f"no position for node {missing[0]!r} (hint: lay out every graph)")
    xy = np.array([pos[v] for v in nodes], dtype=float)
    lo, hi = xy.min(axis=0), xy.max(axis=0)
    span = np.where(hi - lo > 0, hi - lo, 1.0)
    unit = 0.05 + 0.9 * (xy - lo) / span
    return {v: (float(x), float(1.0 - y)) for v, (x, y) in zip(nodes, unit, strict=True)}


# --------------------------------------------------------------------------- GEXF


def _gexf_type(values: list[Any]) -> str:
    kinds = {type(v) for v in values}
    if kinds <= {bool}:
        return "boolean"
    if kinds <= {int}:
        return "integer"
    if kinds <= {int, float}:
        return "double"
    return "string"


def _gexf_value(value: Any, kind: str) -> str:
    if kind == "boolean":
        return "true" if value else "false"
    if kind == "double":
        return repr(float(value))
    return str(value)


def _times(
    editions: Mapping[str, nx.Graph], representation: str
) -> tuple[str, dict[str, dict[str, str]]]:
    """Time format and, per edition, the XML time attributes of its spells."""
    dates = {e: G.graph.get("date") for e, G in editions.items()}
    if all(dates.values()):
        days = [date.fromisoformat(str(dates[e])) for e in editions]
        fmt = "date"
        if representation == "timestamp":
            return fmt, {
                e: {"timestamp": d.isoformat()} for e, d in zip(editions, days, strict=True)
            }
        gaps = [(b - a).days for a, b in itertools.pairwise(days)]
        last_gap = int(np.median(gaps)) if gaps else 365
        ends = [b - timedelta(days=1) for b in days[1:]] + [days[-1] + timedelta(days=last_gap - 1)]
        return fmt, {
            e: {"start": d.isoformat(), "end": max(end, d).isoformat()}
            for e, d, end in zip(editions, days, ends, strict=True)
        }
    ranks = {e: str(i + 1) for i, e in enumerate(editions)}
    if representation == "timestamp":
        return "integer", {e: {"timestamp": r} for e, r in ranks.items()}
    return "integer", {e: {"start": r, "end": r} for e, r in ranks.items()}


def _edge_key(G: nx.Graph, u: Any, v: Any, key: Any) -> tuple:
    if not G.is_directed():
        u, v = sorted((u, v), key=str)
    return (u, v, key)


def _collect_edges(editions: Mapping[str, nx.Graph]) -> dict[tuple, dict[str, Any]]:
    """Union of the editions' edges: static attributes, weights and editions."""
    edges: dict[tuple, dict[str, Any]] = {}
    for edition, G in editions.items():
        items = (
            G.edges(keys=True, data=True)
            if G.is_multigraph()
            else ((u, v, None, d) for u, v, d in G.edges(data=True))
        )
        for u, v, key, d in items:
            entry = edges.setdefault(_edge_key(G, u, v, key), {"attrs": {}, "weights": {}})
            entry["weights"][edition] = float(_plain(d.get("weight", 1.0)) or 0.0)
            for name, value in d.items():
                if name not in ("weight", "edition") and _plain(value) is not None:
                    entry["attrs"][name] = _plain(value)
    return dict(sorted(edges.items(), key=lambda item: tuple(map(str, item[0]))))


def _declare(parent: etree._Element, cls: str, columns: Mapping[str, str]) -> None:
    block = etree.SubElement(parent, f"{{{GEXF_NAMESPACE}}}attributes", {"class": cls})
    for name, kind in columns.items():
        etree.SubElement(
            block, f"{{{GEXF_NAMESPACE}}}attribute", {"id": name, "title": name, "type": kind}
        )


def gexf_document(
    graphs: nx.Graph | Mapping[str, nx.Graph],
    *,
    measures: pd.DataFrame | None = None,
    pos: Mapping[Any, tuple[float, float]] | None = None,
    timerepresentation: Literal["timestamp", "interval"] = "timestamp",
    description: str | None = None,
) -> etree._ElementTree:
    """The GEXF 1.3 document of :func:`write_gexf`, as an lxml tree."""
    editions = _as_editions(graphs)
    dynamic = not isinstance(graphs, nx.Graph)
    if timerepresentation not in ("timestamp", "interval"):
        raise ExportError(
            f"unknown time representation {timerepresentation!r} "
            "(hint: choose 'timestamp' or 'interval')"
        )
    nodes: dict[Any, dict[str, Any]] = {}
    presence: dict[Any, list[str]] = {}
    for edition, G in editions.items():
        for v, d in G.nodes(data=True):
            nodes.setdefault(v, {}).update({k: _plain(x) for k, x in d.items()})
            presence.setdefault(v, []).append(edition)
    if dynamic:
        for v, seen in presence.items():
            nodes[v]["editions"] = ";".join(seen)
    order = sorted(nodes, key=str)
    edges = _collect_edges(editions)
    directed = any(G.is_directed() for G in editions.values())
    multigraph = any(G.is_multigraph() for G in editions.values())
    fmt, spell_of = _times(editions, timerepresentation)

    static_columns: dict[str, str] = {}
    skip = {"label"}
    for name in sorted({k for d in nodes.values() for k in d} - skip):
        values = [d[name] for d in nodes.values() if d.get(name) is not None]
        if values:
            static_columns[name] = _gexf_type(values)
    measure_columns: dict[str, str] = {}
    if measures is not None:
        numeric = measures.select_dtypes(include=["number", "bool"]).columns
        measure_columns = {f"m_{c}": "double" for c in numeric}
    edge_columns: dict[str, str] = {"weight": "double"} if dynamic else {}
    for name in sorted({k for e in edges.values() for k in e["attrs"]}):
        edge_columns[name] = _gexf_type(
            [e["attrs"][name] for e in edges.values() if name in e["attrs"]]
        )

    nsmap = {None: GEXF_NAMESPACE, "viz": VIZ_NAMESPACE}
    root = etree.Element(f"{{{GEXF_NAMESPACE}}}gexf", nsmap=nsmap, version="1.3")
    meta = etree.SubElement(root, f"{{{GEXF_NAMESPACE}}}meta")
    etree.SubElement(meta, f"{{{GEXF_NAMESPACE}}}creator").text = "research.network"
    etree.SubElement(meta, f"{{{GEXF_NAMESPACE}}}description").text = description or (
        "Actor-network of the editions " + ", ".join(editions)
    )
    graph_attrs = {"defaultedgetype": "directed" if directed else "undirected"}
    if dynamic:
        graph_attrs.update(mode="dynamic", timeformat=fmt, timerepresentation=timerepresentation)
    else:
        graph_attrs["mode"] = "static"
    graph = etree.SubElement(root, f"{{{GEXF_NAMESPACE}}}graph", graph_attrs)
    _declare(graph, "node", {**static_columns, **measure_columns})
    if edge_columns:
        _declare(graph, "edge", edge_columns)

    colours = category_colors([str(nodes[v].get("category", "unknown")) for v in order])
    scaled = _unit_positions(pos, order) if pos is not None else None
    node_block = etree.SubElement(graph, f"{{{GEXF_NAMESPACE}}}nodes", count=str(len(order)))
    for v in order:
        attrs = nodes[v]
        element = etree.SubElement(
            node_block, f"{{{GEXF_NAMESPACE}}}node", id=str(v), label=str(attrs.get("label") or v)
        )
        values = etree.SubElement(element, f"{{{GEXF_NAMESPACE}}}attvalues")
        for name, kind in static_columns.items():
            if attrs.get(name) is not None:
                etree.SubElement(
                    values,
                    f"{{{GEXF_NAMESPACE}}}attvalue",
                    {"for": name, "value": _gexf_value(attrs[name], kind)},
                )
        if measures is not None:
            _measure_values(values, measures, v, presence[v], measure_columns, spell_of, dynamic)
        if dynamic:
            spells = etree.SubElement(element, f"{{{GEXF_NAMESPACE}}}spells")
            for edition in presence[v]:
                etree.SubElement(spells, f"{{{GEXF_NAMESPACE}}}spell", spell_of[edition])
        colour = colours[str(attrs.get("category", "unknown"))]
        r, g, b = (int(colour[i : i + 2], 16) for i in (1, 3, 5))
        etree.SubElement(element, f"{{{VIZ_NAMESPACE}}}color", r=str(r), g=str(g), b=str(b))
        if scaled is not None:
            x, y = scaled[v]
            etree.SubElement(
                element,
                f"{{{VIZ_NAMESPACE}}}position",
                x=f"{1000 * x:.2f}",
                y=f"{1000 * (1 - y):.2f}",
                z="0.0",
            )
    edge_block = etree.SubElement(graph, f"{{{GEXF_NAMESPACE}}}edges", count=str(len(edges)))
    for i, ((u, v, key), entry) in enumerate(edges.items()):
        weights = entry["weights"]
        latest = weights[[e for e in editions if e in weights][-1]]
        element = etree.SubElement(
            edge_block,
            f"{{{GEXF_NAMESPACE}}}edge",
            id=f"e{i}",
            source=str(u),
            target=str(v),
            weight=repr(latest),
        )
        if multigraph and key is not None:
            element.set("kind", str(key))
        values = etree.SubElement(element, f"{{{GEXF_NAMESPACE}}}attvalues")
        for name, kind in edge_columns.items():
            if name in entry["attrs"]:
                etree.SubElement(
                    values,
                    f"{{{GEXF_NAMESPACE}}}attvalue",
                    {"for": name, "value": _gexf_value(entry["attrs"][name], kind)},
                )
        if dynamic:
            for edition in (e for e in editions if e in weights):
                etree.SubElement(
                    values,
                    f"{{{GEXF_NAMESPACE}}}attvalue",
                    {"for": "weight", "value": repr(weights[edition]), **spell_of[edition]},
                )
            spells = etree.SubElement(element, f"{{{GEXF_NAMESPACE}}}spells")
            for edition in (e for e in editions if e in weights):
                etree.SubElement(spells, f"{{{GEXF_NAMESPACE}}}spell", spell_of[edition])
        if len(values) == 0:
            element.remove(values)
    return etree.ElementTree(root)


def _measure_values(
    parent: etree._Element,
    measures: pd.DataFrame,
    node: Any,
    editions: list[str],
    columns: Mapping[str, str],
    spell_of: Mapping[str, Mapping[str, str]],
    dynamic: bool,
) -> None:
    multi = isinstance(measures.index, pd.MultiIndex)
    for edition in editions:
        key = (edition, node) if multi else node
        if key not in measures.index:
            continue
        row = measures.loc[key]
        for name in columns:
            value = _plain(row[name[2:]])
            if value is None:
                continue
            attrs = {"for": name, "value": repr(float(value))}
            if dynamic:
                attrs.update(spell_of[edition])
            etree.SubElement(parent, f"{{{GEXF_NAMESPACE}}}attvalue", attrs)
        if not dynamic:
            break


def write_gexf(
    graphs: nx.Graph | Mapping[str, nx.Graph],
    path: PathType,
    *,
    measures: pd.DataFrame | None = None,
    pos: Mapping[Any, tuple[float, float]] | None = None,
    timerepresentation: Literal["timestamp", "interval"] = "timestamp",
    description: str | None = None,
) -> Path:
    """Write the editions as one dynamic GEXF 1.3 graph for Gephi's timeline.

    Each node and edge gets one spell per edition where it is present: the
    edition's date as a time stamp (``timerepresentation="timestamp"``), or
    an interval from the edition's date to the day before the next one (the
    last lasts as long as the usual gap). Editions without a date in
    ``G.graph["date"]`` fall back to integer times 1, 2, 3… Edge weights are
    dynamic (the reserved attribute title ``weight``); the edge's ``weight``
    is the one of its latest edition. With ``measures`` (from
    :func:`research.network.node_measures` on the same graphs) each
    numeric measure becomes a dynamic node attribute ``m_<measure>``. Node
    colours follow the categories; ``pos`` adds positions. A single graph is
    written as a static GEXF.

    Parameters
    ----------
    graphs : networkx.Graph or mapping of edition id to graph
        The output of :func:`research.network.edition_graphs`.
    path : str or path
    measures : DataFrame, optional
    pos : dict, optional
        Positions, e.g. :func:`research.network.stable_layout`.
    timerepresentation : {"timestamp", "interval"}
    description : str, optional
        Text of the file's ``<meta><description>``.

    Returns
    -------
    pathlib.Path

    References
    ----------
    .. [1] GEXF Working Group, GEXF 1.3 specification and primer,
       gexf.net (2022).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> e1, e2 = nx.Graph([("a", "b")]), nx.Graph([("a", "c")])
    >>> e1.graph["date"], e2.graph["date"] = "2016-11-17", "2017-11-23"
    >>> path = write_gexf({"E1": e1, "E2": e2}, pathlib.Path(tempfile.mkdtemp()) / "g.gexf")
    >>> tree = etree.parse(str(path))
    >>> ns = {"g": GEXF_NAMESPACE}
    >>> [s.get("timestamp") for s in tree.findall(".//g:node[@id='a']/g:spells/g:spell", ns)]
    ['2016-11-17', '2017-11-23']
    """
    tree = gexf_document(
        graphs,
        measures=measures,
        pos=pos,
        timerepresentation=timerepresentation,
        description=description,
    )
    data = etree.tostring(tree, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return _write_bytes(path, data)
