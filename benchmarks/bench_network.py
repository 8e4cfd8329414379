"""Benchmark of research.network: every graph and every measure on synthetic editions.

Builds synthetic edition tables of the issue's size (3 editions × 1,000
participants × 100 workshops by default), then times, for each edition and for
the cumulative network: the two-mode graph, both one-mode projections and the
actor-network; every node measure (:func:`node_measures`), the graph measures,
the evolution across editions and the animator's trajectory. The exact
betweenness is compared with the sampled estimate (``--sample``) and, as a
baseline measured in the same run, with networkx's own betweenness on the
cumulative actor projection (estimated from a sample of its sources).

Run::

    python benchmarks/bench_network.py                 # the issue's size
    python benchmarks/bench_network.py --participants 5000 --workshops 400 --sample 300

Writes ``benchmarks/results/network.txt``.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd

from research.network import (
    actor_projection,
    animator_trajectory,
    betweenness,
    edition_graphs,
    evolution,
    graph_measures,
    network_graph,
    node_measures,
    stable_layout,
    two_mode_graph,
)

RESULTS = Path(__file__).resolve().parent / "results" / "network.txt"


def synthetic_tables(
    *, editions: int = 3, participants: int = 1000, workshops: int = 100, seed: int = 0
) -> dict[str, pd.DataFrame]:
    """Edition tables of the given size with realistic returning participants."""
    rng = np.random.default_rng(seed)
    pool = int(participants * 2.5)
    categories = rng.choice(
        ["citizen", "project_holder", "facilitator", "support_org", "elected", "business"],
        size=pool,
        p=[0.82, 0.06, 0.03, 0.04, 0.02, 0.03],
    )
    actors = [
        {"actor_id": f"P{i:05d}", "label": f"Personne {i}", "kind": "person",
         "category": str(c), "organisation": None}
        for i, c in enumerate(categories)
    ]  # fmt: skip
    staff = [f"S{i}" for i in range(4)]
    actors += [
        {"actor_id": s, "label": f"Salarié·e {s}", "kind": "person",
         "category": "cluster_staff", "organisation": "O01"}
        for s in staff
    ]  # fmt: skip
    actors += [
        {"actor_id": "O01", "label": "Pôle", "kind": "organisation", "category": "cluster",
         "organisation": None},
        {"actor_id": "A01", "label": "BMC", "kind": "artefact", "category": "tool",
         "organisation": None},
        {"actor_id": "A02", "label": "VPC", "kind": "artefact", "category": "tool",
         "organisation": None},
        {"actor_id": "A06", "label": "Soirée", "kind": "artefact", "category": "event",
         "organisation": None},
    ]  # fmt: skip
    facilitators = [a["actor_id"] for a in actors if a["category"] == "facilitator"]
    holders = [a["actor_id"] for a in actors if a["category"] == "project_holder"]
    edition_rows, workshop_rows, participation_rows, project_rows = [], [], [], []
    previous: np.ndarray = np.array([], dtype=int)
    for e in range(editions):
        edition = f"SUT{2016 + e}"
        edition_rows.append({"edition_id": edition, "year": 2016 + e, "date": f"{2016 + e}-11-17"})
        returning = rng.choice(previous, size=min(len(previous), participants // 4), replace=False)
        others = np.setdiff1d(np.arange(pool), returning)
        fresh = rng.choice(others, size=participants - len(returning), replace=False)
        present = np.concatenate([returning, fresh])
        previous = present
        ids = [f"W{e}-{k:03d}" for k in range(workshops)]
        for k, w in enumerate(ids):
            holder = holders[rng.integers(len(holders))] if k % 3 == 0 else None
            workshop_rows.append(
                {"workshop_id": w, "edition_id": edition, "title": f"Atelier {w}",
                 "theme": "food", "type": "holder_with_idea" if holder else "problem_no_holder",
                 "holder_present": holder is not None, "holder": holder,
                 "facilitator": facilitators[rng.integers(len(facilitators))],
                 "tools": ["A01"] if k % 2 else ["A01", "A02"]}
            )  # fmt: skip
            participation_rows.append(
                {"actor_id": staff[k % len(staff)], "workshop_id": w, "role": "staff"}
            )
        for person in present:
            for w in rng.choice(workshops, size=1 + rng.binomial(2, 0.2), replace=False):
                participation_rows.append(
                    {"actor_id": f"P{person:05d}", "workshop_id": ids[w], "role": "participant"}
                )
        for k in range(0, workshops, 5):
            project_rows.append(
                {"project_id": f"PR{e}-{k:03d}", "edition_id": edition, "workshop_id": ids[k],
                 "title": f"Projet {k}", "holder": holders[rng.integers(len(holders))],
                 "stage": "working_group", "jobs": 0, "support": ["O01"], "actants": ["A01"]}
            )  # fmt: skip
    participations = pd.DataFrame(participation_rows).drop_duplicates(
        subset=["actor_id", "workshop_id"]
    )
    return {
        "editions": pd.DataFrame(edition_rows),
        "workshops": pd.DataFrame(workshop_rows),
        "participations": participations.reset_index(drop=True),
        "projects": pd.DataFrame(project_rows),
        "actors": pd.DataFrame(actors),
    }


def timed(label: str, fn: Callable[[], Any], lines: list[str]) -> Any:
    """Run ``fn``, append its wall-clock and CPU times to ``lines``."""
    wall, cpu = time.perf_counter(), time.process_time()
    out = fn()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    lines.append(f"{label:<44} {wall:7.3f} s wall {cpu:7.3f} s CPU")
    print(lines[-1], flush=True)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--editions", type=int, default=3)
    parser.add_argument("--participants", type=int, default=1000)
    parser.add_argument("--workshops", type=int, default=100)
    parser.add_argument("--sample", type=int, default=None,
                        help="sampled betweenness: number of source nodes")  # fmt: skip
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--output", type=Path, default=RESULTS, help="where to write the figures")
    parser.add_argument("--skip-layout", action="store_true", help="do not time the layout")
    args = parser.parse_args()
    lines = [
        f"research.network benchmark: {args.editions} editions × {args.participants} "
        f"participants × {args.workshops} workshops, betweenness "
        + ("exact" if args.sample is None else f"sampled from {args.sample} sources"),
        "",
    ]
    tables = synthetic_tables(
        editions=args.editions, participants=args.participants, workshops=args.workshops,
        seed=args.seed,
    )  # fmt: skip
    lines.append(f"participations: {len(tables['participations'])}")
    load = os.getloadavg()[0]
    kinds = ("two_mode", "actors", "workshops", "actor_network")
    total, total_cpu = time.perf_counter(), time.process_time()
    graphs: dict[str, dict[str, nx.Graph]] = {}
    for kind in kinds:
        graphs[kind] = timed(
            f"build {kind} per edition",
            lambda kind=kind: edition_graphs(tables, kind=kind, evening="A06"),
            lines,
        )
        graphs[f"{kind} cumulative"] = timed(
            f"build {kind} cumulative",
            lambda kind=kind: {"all": network_graph(tables, kind=kind, evening="A06")},
            lines,
        )
    build = time.perf_counter() - total
    measures = {}
    for name, by_edition in graphs.items():
        last = list(by_edition.values())[-1]
        sizes = f"{last.number_of_nodes()} nodes, {last.number_of_edges()} edges"
        measures[name] = timed(
            f"node measures {name}",
            lambda g=by_edition: node_measures(g, betweenness_sample=args.sample),
            lines,
        )
        lines[-1] += f"   [{sizes}]"
        timed(f"graph measures {name}", lambda g=by_edition: graph_measures(g), lines)
    timed("evolution (actors, per edition)", lambda: evolution(graphs["actors"]), lines)
    timed(
        "animator trajectory (actors)",
        lambda: animator_trajectory(graphs["actors"], measures=measures["actors"]),
        lines,
    )
    elapsed, elapsed_cpu = time.perf_counter() - total, time.process_time() - total_cpu
    issue_size = (args.editions, args.participants, args.workshops) == (3, 1000, 100)
    target = " (target: under 10 s)" if issue_size else ""
    lines += [
        "",
        f"graphs built in {build:.2f} s; every graph and every measure in {elapsed:.2f} s "
        f"wall, {elapsed_cpu:.2f} s CPU{target}; load average before the run {load:.1f} "
        f"on {os.cpu_count()} cores",
    ]
    if not args.skip_layout:
        pos = timed(
            "layout of every edition (spring, actor-network)",
            lambda: stable_layout(graphs["actor_network"]),
            lines,
        )
        lines[-1] += f"   [{len(pos)} nodes; not part of the target]"
    # Baseline in the same run: networkx's betweenness on the cumulative actor projection.
    projection = actor_projection(two_mode_graph(tables))
    n = projection.number_of_nodes()
    k = min(n, 100)
    start = time.perf_counter()
    nx.betweenness_centrality(projection, k=k, seed=1)
    networkx_full = (time.perf_counter() - start) * n / k
    start = time.perf_counter()
    betweenness(projection)
    ours = time.perf_counter() - start
    lines += [
        f"exact betweenness, cumulative actor projection ({n} nodes, "
        f"{projection.number_of_edges()} edges): {ours:.2f} s; networkx (extrapolated from "
        f"{k} sources): {networkx_full:.1f} s; ratio {networkx_full / ours:.1f}×",
    ]
    for sample in (100, 300):
        if sample < n:
            start = time.perf_counter()
            betweenness(projection, sample=sample, seed=0)
            t = time.perf_counter() - start
            lines.append(
                f"sampled betweenness ({sample} sources): {t:.2f} s, {ours / t:.1f}× faster"
            )
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print("\n".join(lines[-4:]))
    print(f"written to {args.output}")


if __name__ == "__main__":
    main()
