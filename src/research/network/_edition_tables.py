"""The edition tables, read and checked once for every graph built from them.

The graphs of :mod:`research.network` come from the tables of ``docs/formats.md``:
``workshops`` and ``participations``, and optionally ``actors``, ``projects`` and
``editions``. This module reads their list cells (:func:`as_list`), the order and
dates of the editions (:func:`edition_order`, :func:`edition_dates`), and checks
every workshop, participation and project once, so that a wrong id is reported
with its file, row and column before any graph is built. The private helpers at
the end (editions covered, graph metadata, public node attributes) are shared by
the graph builders of :mod:`research.network._two_mode` and
:mod:`research.network._actor_network`.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd

from research.contracts import is_blank, require_columns, row_number
from research.editions import editions_in_order
from research.errors import InputError, SchemaError

__all__ = [
    "as_list",
    "edition_dates",
    "edition_order",
]

_REQUIRED = {
    "workshops": ("workshop_id", "edition_id"),
    "participations": ("actor_id", "workshop_id"),
    "actors": ("actor_id",),
    "projects": ("project_id",),
    "editions": ("edition_id",),
}


# --------------------------------------------------------------------------- tables


def as_list(value: Any) -> list[str]:
    """Return a list cell as a list of stripped, non-empty strings.

    List cells arrive as Python lists from the table loaders, but a
    ``;``-separated string (as written in the CSV files) is accepted too.

    Examples
    --------
    >>> as_list("A01; A02;")
    ['A01', 'A02']
    >>> as_list(["A01", " ", None])
    ['A01']
    >>> as_list(float("nan"))
    []
    """
    if value is None:
        return []
    if isinstance(value, str):
        items: Iterable[Any] = value.split(";")
    elif isinstance(value, Iterable):
        items = value
    else:
        items = [] if is_blank(value) else [value]
    return [str(x).strip() for x in items if not is_blank(x) and str(x).strip()]


def _cell(value: Any) -> Any:
    """A scalar cell without pandas' missing markers (``None`` instead)."""
    if isinstance(value, list | tuple):
        return list(value)
    if is_blank(value):
        return None
    if isinstance(value, np.generic):
        return value.item()
    return value


def _table(tables: Any, name: str, *, required: bool = True) -> pd.DataFrame | None:
    """One table of ``tables``: a mapping of frames, or an object with the tables as
    attributes (such as :class:`research.editions.Editions`)."""
    df = tables.get(name) if isinstance(tables, Mapping) else getattr(tables, name, None)
    if df is not None and not isinstance(df, pd.DataFrame):
        df = getattr(df, "frame", df)  # a registry object such as research.editions.Actors
    if df is None:
        if required:
            raise SchemaError(
                f"the {name!r} table is missing",
                hint=f"pass the edition tables as a mapping with a {name!r} key "
                f"(corpus/tables/{name}.csv)",
            )
        return None
    require_columns(
        df,
        _REQUIRED.get(name, ()),
        table=name,
        path=df.attrs.get("path") if isinstance(df, pd.DataFrame) else None,
    )
    return df


def _where(df: pd.DataFrame, name: str) -> str:
    return str(df.attrs.get("path", name))


def edition_order(tables: Any) -> list[str]:
    """Edition ids in time order (see :func:`research.editions.editions_in_order`).

    Without an ``editions`` table, the editions named in ``workshops`` are
    returned in sorted order.

    Examples
    --------
    >>> eds = pd.DataFrame({"edition_id": ["B", "A"], "date": ["2019-11-21", "2016-11-17"]})
    >>> edition_order({"editions": eds})
    ['A', 'B']
    """
    editions = _table(tables, "editions", required=False)
    if editions is None or editions.empty:
        workshops = _table(tables, "workshops")
        return sorted({str(e) for e in workshops["edition_id"].dropna()})
    return editions_in_order(editions)


def edition_dates(tables: Any) -> dict[str, str]:
    """ISO dates of the editions that have one (``date``, else ``year``-01-01).

    Examples
    --------
    >>> eds = pd.DataFrame({"edition_id": ["A", "B"], "date": ["2016-11-17", None],
    ...                     "year": [2016, 2019]})
    >>> edition_dates({"editions": eds})
    {'A': '2016-11-17', 'B': '2019-01-01'}
    """
    editions = _table(tables, "editions", required=False)
    if editions is None:
        return {}
    dates, years = _column_dates(editions), _column_years(editions)
    out: dict[str, str] = {}
    for i, edition in enumerate(editions["edition_id"].astype(str)):
        if not pd.isna(dates[i]):
            out[edition] = pd.Timestamp(dates[i]).date().isoformat()
        elif not pd.isna(years[i]):
            out[edition] = f"{int(years[i]):04d}-01-01"
    return out


def _column_dates(df: pd.DataFrame) -> np.ndarray:
    if "date" not in df.columns:
        return np.full(len(df), np.datetime64("NaT"), dtype="datetime64[ns]")
    return pd.to_datetime(df["date"], errors="coerce").to_numpy()


def _column_years(df: pd.DataFrame) -> np.ndarray:
    if "year" not in df.columns:
        return np.full(len(df), np.nan)
    return pd.to_numeric(df["year"], errors="coerce").to_numpy(dtype=float)


def _actor_attributes(tables: Any) -> dict[str, dict[str, Any]]:
    actors = _table(tables, "actors", required=False)
    if actors is None:
        return {}
    out: dict[str, dict[str, Any]] = {}
    for row in actors.to_dict("records"):
        actor_id = str(row["actor_id"]).strip()
        out[actor_id] = {
            "label": _cell(row.get("label")) or actor_id,
            "kind": _cell(row.get("kind")) or "unknown",
            "category": _cell(row.get("category")) or "unknown",
            "organisation": _cell(row.get("organisation")),
        }
    return out


def _unknown_actor(actor_id: str) -> dict[str, Any]:
    return {"label": actor_id, "kind": "unknown", "category": "unknown"}


def _check_actor(
    actor_id: str, known: Mapping[str, Any], df: pd.DataFrame, name: str, row: int, column: str
) -> None:
    if known and actor_id not in known:
        raise SchemaError(
            f"actor {actor_id!r} is not in the actor registry",
            path=_where(df, name),
            row=row_number(df, row),
            column=column,
            hint="add the actor to corpus/tables/actors.csv or correct the id",
        )


def _workshop_attributes(row: Mapping[str, Any]) -> dict[str, Any]:
    return {
        "label": _cell(row.get("title")) or str(row["workshop_id"]).strip(),
        "kind": "workshop",
        "category": "workshop",
        "edition": str(row["edition_id"]).strip(),
        "theme": _cell(row.get("theme")),
        "type": _cell(row.get("type")),
        "holder_present": _cell(row.get("holder_present")),
    }


Edge = tuple[str, str, str, dict[str, Any]]


@dataclass(frozen=True)
class _Prepared:
    """The edition tables read and checked once, for every graph built from them."""

    known: dict[str, dict[str, Any]]
    workshops: dict[str, dict[str, Any]]
    tools: dict[str, list[str]]
    triples: list[tuple[str, str, str | None]]
    projects: dict[str, dict[str, Any]]
    project_edges: list[Edge]
    order: list[str]
    dates: dict[str, str]


def _read_workshops(
    tables: Any, known: Mapping[str, Any]
) -> tuple[dict[str, dict[str, Any]], dict[str, list[str]]]:
    workshops = _table(tables, "workshops")
    nodes: dict[str, dict[str, Any]] = {}
    tools: dict[str, list[str]] = {}
    for i, row in enumerate(workshops.to_dict("records")):
        if is_blank(row["workshop_id"]) or is_blank(row["edition_id"]):
            raise SchemaError(
                "a workshop lacks its workshop_id or edition_id",
                path=_where(workshops, "workshops"),
                row=row_number(workshops, i),
                hint="fill both cells or delete the row",
            )
        w = str(row["workshop_id"]).strip()
        if w in nodes:
            raise SchemaError(
                f"workshop {w!r} appears twice",
                path=_where(workshops, "workshops"),
                row=row_number(workshops, i),
                column="workshop_id",
                hint="each workshop_id must be unique",
            )
        nodes[w] = _workshop_attributes(row)
        tools[w] = as_list(row.get("tools"))
        for tool in tools[w]:
            _check_actor(tool, known, workshops, "workshops", i, "tools")
    return nodes, tools


def _read_participations(
    tables: Any,
    workshops: Mapping[str, Any],
    known: Mapping[str, Any],
    *,
    workshop_roles: bool,
) -> list[tuple[str, str, str | None]]:
    """Sorted (actor, workshop, role) triples of every edition, checked."""
    parts = _table(tables, "participations")
    roles = parts["role"].tolist() if "role" in parts.columns else [None] * len(parts)
    triples: dict[tuple[str, str], str | None] = {}
    for i, (actor, workshop, role) in enumerate(
        zip(parts["actor_id"].tolist(), parts["workshop_id"].tolist(), roles, strict=True)
    ):
        if is_blank(actor) or is_blank(workshop):
            raise SchemaError(
                "a participation lacks its actor_id or workshop_id",
                path=_where(parts, "participations"),
                row=row_number(parts, i),
                hint="fill both keys or delete the row",
            )
        actor, workshop = str(actor).strip(), str(workshop).strip()
        if workshop not in workshops:
            raise SchemaError(
                f"workshop {workshop!r} is not in the workshops table",
                path=_where(parts, "participations"),
                row=row_number(parts, i),
                column="workshop_id",
                hint="add the workshop to workshops.csv or correct the id",
            )
        _check_actor(actor, known, parts, "participations", i, "actor_id")
        triples.setdefault((actor, workshop), _cell(role))
    if workshop_roles:
        table = _table(tables, "workshops")
        for i, row in enumerate(table.to_dict("records")):
            for column in ("holder", "facilitator"):
                for actor in as_list(row.get(column)):
                    _check_actor(actor, known, table, "workshops", i, column)
                    triples.setdefault((actor, str(row["workshop_id"]).strip()), column)
    return [(a, w, r) for (a, w), r in sorted(triples.items())]


def _read_projects(
    tables: Any, workshops: Mapping[str, Mapping[str, Any]], known: Mapping[str, Any]
) -> tuple[dict[str, dict[str, Any]], list[Edge]]:
    projects = _table(tables, "projects", required=False)
    if projects is None:
        return {}, []
    nodes: dict[str, dict[str, Any]] = {}
    edges: list[Edge] = []
    for i, row in enumerate(projects.to_dict("records")):
        p = str(row["project_id"]).strip()
        workshop = _cell(row.get("workshop_id"))
        workshop = None if workshop is None else str(workshop).strip()
        if workshop is not None and workshop not in workshops:
            raise SchemaError(
                f"workshop {workshop!r} is not in the workshops table",
                path=_where(projects, "projects"),
                row=row_number(projects, i),
                column="workshop_id",
                hint="add the workshop to workshops.csv or leave the cell empty",
            )
        edition = _cell(row.get("edition_id"))
        if edition is None and workshop is not None:
            edition = workshops[workshop]["edition"]
        edition = None if edition is None else str(edition).strip()
        nodes[p] = {
            "label": _cell(row.get("title")) or p,
            "kind": "project",
            "category": "project",
            "edition": edition,
            "theme": _cell(row.get("theme")),
            "stage": _cell(row.get("stage")),
            "jobs": _cell(row.get("jobs")),
        }
        base = {"edition": edition}
        for holder in as_list(row.get("holder")):
            _check_actor(holder, known, projects, "projects", i, "holder")
            edges.append((holder, p, "carries", base))
        for actor in as_list(row.get("support")):
            _check_actor(actor, known, projects, "projects", i, "support")
            edges.append((actor, p, "supports", base))
        for actor in as_list(row.get("actants")):
            _check_actor(actor, known, projects, "projects", i, "actants")
            edges.append((p, actor, "mobilises", base))
        if workshop is not None:
            edges.append((p, workshop, "emerges_from", base))
    return nodes, edges


def _prepare(tables: Any, *, workshop_roles: bool = True) -> _Prepared:
    known = _actor_attributes(tables)
    workshops, tools = _read_workshops(tables, known)
    triples = _read_participations(tables, workshops, known, workshop_roles=workshop_roles)
    projects, project_edges = _read_projects(tables, workshops, known)
    order = edition_order(tables)
    for attrs in workshops.values():
        if attrs["edition"] not in order:
            order.append(attrs["edition"])
    return _Prepared(
        known, workshops, tools, triples, projects, project_edges, order, edition_dates(tables)
    )


def _covered(prep: _Prepared, editions: Sequence[str] | None) -> list[str]:
    if editions is None:
        return list(prep.order)
    if isinstance(editions, str):
        editions = [editions]
    unknown = [str(e) for e in editions if str(e) not in prep.order]
    if unknown:
        raise InputError(
            f"unknown edition(s) {', '.join(map(repr, unknown))}",
            hint=f"choose among {', '.join(prep.order) or '(no edition in the tables)'}",
        )
    return [e for e in prep.order if e in {str(x) for x in editions}]


def _graph_meta(prep: _Prepared, covered: list[str], graph_type: str) -> dict[str, Any]:
    single = covered[0] if len(covered) == 1 else None
    return {
        "graph_type": graph_type,
        "edition": single,
        "editions": covered,
        "date": None if single is None else prep.dates.get(single),
    }


def _public(attrs: Mapping[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in attrs.items() if k != "organisation"}
