"""Benchmark at the scale of a national comparison: thousands of documents, three coders.

Generates (once, under ``benchmarks/_data/scale/``) a project as a team comparing
many territories would have it: 5,000 documents of about 2,000 words each (about
10 million words: interviews in speaker turns, workshop minutes), 200,000 codings
by three coders (``camille`` codes every document, ``lea`` and ``sam`` half each,
agreeing with ``camille`` most of the time), 20 editions with their workshops,
participations, projects and actors, the demo's codebook, and ``coders.yaml``.
The smaller projects of the growth check hold the first quarter and half of the
documents (hard links) and their codings.

Measured, each in a fresh process as a user would run it:

- ``research validate``;
- ``open_project`` with its codings (corpus loaded and every coding checked);
- spaCy annotation of the whole corpus into the project's empty cache;
- chapters 01 and 03 (``research run corpus-overview coding-and-agreement``), which
  then find the annotations in the cache, as after a first annotation.

Two comparisons:

1. **growth**: every measure, serial, at 1,250, 2,500 and 5,000 documents, with
   the ratios of consecutive sizes (2.0 is linear growth: twice the documents,
   twice the time);
2. **cluster**: at 5,000 documents, serial against ``--scheduler local`` with two
   workers, in the same run (the times with the cluster include starting it).

Figures go to ``benchmarks/results/bench_scale.txt`` and ``.json``. The machine is
shared and noisy: read the ratios, which compare measures of the same run.

Run: ``python benchmarks/bench_scale.py [--scale 0.1] [--only growth|cluster]
[--skip annotate]``; ``--scale`` shrinks every size (0.1: 125 to 500 documents)
for a quick run. The data are generated once per scale and kept.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DATA = HERE / "_data" / "scale"
RESULTS = HERE / "results"
RESEARCH = Path(sys.executable).with_name("research")
FULL_DOCUMENTS = 5000
WORDS_PER_DOCUMENT = 2000
CODINGS_PER_DOCUMENT = 40  # 200,000 at full size: camille 20 per document, lea and sam 20 on half
EDITIONS = 20
SEED = 20240520
CHAPTERS = ["corpus-overview", "coding-and-agreement"]

# -- generated French text ------------------------------------------------------------------

SUBJECTS = [
    "on", "nous", "la coopérative", "le pôle", "les habitants", "l’association", "la mairie",
    "les élus", "le porteur de projet", "la Fabrique à Entreprendre", "les bénévoles",
    "le groupe de travail", "les partenaires", "la communauté de communes", "l’animatrice",
    "ma voisine", "les agriculteurs", "la banque", "le département", "les jeunes du village",
    "la chargée de mission", "les commerçants", "le réseau", "les citoyens", "l’incubateur",
]  # fmt: skip
VERBS = [
    "a accompagné", "ont lancé", "voulait créer", "cherchait", "a présenté", "avons monté",
    "ont rencontré", "finance", "soutient", "organise", "a animé", "ont imaginé", "réunit",
    "a financé", "a refusé", "porte", "ont rejoint", "a relancé", "défend", "a convaincu",
    "doit trouver", "aurait aimé ouvrir", "a repris", "partage", "a transformé",
]  # fmt: skip
OBJECTS = [
    "un atelier", "le projet de recyclerie", "une épicerie solidaire", "la soirée",
    "un tiers-lieu", "des emplois locaux", "le canevas", "une boutique de réparation",
    "la charte", "un marché de producteurs", "le local de la gare", "une cantine bio",
    "un service de covoiturage", "la ressourcerie", "une coopérative d’habitants",
    "le financement participatif", "un chantier d’insertion", "la maison de santé",
    "une crèche associative", "le festival", "un fournil collectif", "les circuits courts",
    "une société coopérative", "la salle des fêtes", "un garage solidaire",
]  # fmt: skip
COMPLEMENTS = [
    "dans le Jura", "à Lons-le-Saunier", "avec les habitants", "depuis trois ans",
    "sans vraiment de moyens", "pendant l’été", "au début", "grâce au réseau",
    "après la première édition", "avec l’appui de la région", "dans la vallée",
    "malgré les doutes", "pour les familles", "avant les élections", "tous les jeudis",
    "à côté de l’école", "entre deux réunions", "sur le plateau", "en 2019", "avec peu d’argent",
]  # fmt: skip
FILLERS = ["euh", "bon", "voilà", "en fait", "vous voyez", "c’est vrai que", "alors", "bref"]
LINKS = ["et puis", "mais", "parce que", "donc", "alors que", "même si", "quand"]
CATEGORIES = ["project_holder", "citizen", "elected", "support_org", "cluster_staff", "funder"]
THEMES = ["mobility", "food", "housing", "energy", "reuse", "local_services", "culture"]
TYPES = ["problem_no_holder", "holder_with_idea", "idea_seeking_holder"]
STAGES = ["idea", "working_group", "prototype", "launched", "enterprise", "abandoned"]


def _sentence(rng: random.Random) -> str:
    words = []
    if rng.random() < 0.3:
        words.append(rng.choice(FILLERS) + ",")
    words += [rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)]
    if rng.random() < 0.7:
        words.append(rng.choice(COMPLEMENTS))
    if rng.random() < 0.4:
        words += [rng.choice(LINKS), rng.choice(SUBJECTS), rng.choice(VERBS), rng.choice(OBJECTS)]
    text = " ".join(words)
    return text[0].upper() + text[1:] + rng.choice([".", ".", ".", " !", " ?", "…"])


def _paragraph(rng: random.Random, words: int) -> str:
    parts, count = [], 0
    while count < words:
        sentence = _sentence(rng)
        parts.append(sentence)
        count += sentence.count(" ") + 1
    return " ".join(parts)


def _interview(rng: random.Random, doc_id: str, edition: str, respondent: str) -> str:
    name = f"Répondant{int(doc_id[1:]) % 97}"
    front = (
        f"---\nid: {doc_id}\nkind: interview\ntitle: Entretien {doc_id}\n"
        f"date: {edition[3:]}-03-{1 + int(doc_id[1:]) % 28:02d}\n"
        f"edition: {edition}\nrespondent: {respondent}\n"
        f"respondent_category: {CATEGORIES[int(doc_id[1:]) % len(CATEGORIES)]}\n"
        f"speakers:\n  Enquêtrice: P01\n  {name}: {respondent}\n---\n"
    )
    turns, words, minute = [], 0, 0
    while words < WORDS_PER_DOCUMENT:
        minute += 1
        question = _paragraph(rng, rng.randint(8, 20))
        answer = _paragraph(rng, rng.randint(40, 140))
        turns.append(f"[00:{minute % 60:02d}:00] Enquêtrice : {question}")
        turns.append(f"{name} : {answer}")
        words += question.count(" ") + answer.count(" ") + 2
    return front + "\n\n".join(turns) + "\n"


def _minutes(rng: random.Random, doc_id: str, edition: str, workshop: str) -> str:
    front = (
        f"---\nid: {doc_id}\nkind: minutes\ntitle: Compte rendu {doc_id}\n"
        f"edition: {edition}\nworkshop: {workshop}\nmeeting: workshop\n---\n"
    )
    blocks, words, n = [], 0, 0
    while words < WORDS_PER_DOCUMENT:
        n += 1
        blocks.append(f"# Point {n}")
        text = _paragraph(rng, rng.randint(60, 160))
        blocks.append(text)
        items = [_paragraph(rng, rng.randint(8, 16)) for _ in range(3)]
        blocks.append("\n".join(f"- {item}" for item in items))
        words += text.count(" ") + sum(item.count(" ") for item in items) + 4
    return front + "\n\n".join(blocks) + "\n"


# -- tables ------------------------------------------------------------------------------------


def _csv(columns: list[str], rows: list[dict]) -> str:
    import io

    out = io.StringIO()
    writer = csv.DictWriter(out, columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def _tables(rng: random.Random, folder: Path) -> tuple[list[str], dict[str, list[str]]]:
    """The edition tables; returns the edition ids and the workshops of each edition."""
    editions = [f"SUT{2005 + i}" for i in range(EDITIONS)]
    actors = [
        {"actor_id": "P01", "label": "Camille Roussel", "kind": "person", "category": "researcher"},
        {"actor_id": "O01", "label": "Pôle coopératif", "kind": "organisation", "category": "cluster"},
        {"actor_id": "A01", "label": "Canevas", "kind": "artefact", "category": "tool"},
    ]  # fmt: skip
    citizens = [f"C{i:04d}" for i in range(1, 1201)]
    actors += [
        {"actor_id": c, "label": f"Personne {c}", "kind": "person",
         "category": "project_holder" if i % 5 == 0 else "citizen"}
        for i, c in enumerate(citizens)
    ]  # fmt: skip
    workshops, participations, projects = [], [], []
    by_edition: dict[str, list[str]] = {}
    for e, edition in enumerate(editions):
        for w in range(10):
            wid = f"W{e:02d}-{w + 1:02d}"
            by_edition.setdefault(edition, []).append(wid)
            people = rng.sample(citizens, 12)
            workshops.append(
                {"workshop_id": wid, "edition_id": edition, "title": f"Atelier {wid}",
                 "theme": rng.choice(THEMES), "type": rng.choice(TYPES),
                 "holder_present": "true", "holder": people[0], "facilitator": "P01",
                 "tools": "A01", "participants": 12}
            )  # fmt: skip
            participations += [
                {"actor_id": p, "workshop_id": wid, "role": "holder" if i == 0 else "participant"}
                for i, p in enumerate(people)
            ]
            for k in range(2):
                stage = rng.choice(STAGES)
                projects.append(
                    {"project_id": f"PR{e:02d}{w:02d}{k}", "edition_id": edition, "workshop_id": wid,
                     "title": f"Projet {wid}-{k}", "theme": rng.choice(THEMES), "holder": people[0],
                     "stage": stage, "abandoned_at": "idea" if stage == "abandoned" else "",
                     "jobs": rng.randint(0, 3) if stage in ("launched", "enterprise") else 0,
                     "year_started": 2005 + e, "support": "O01", "actants": "A01"}
                )  # fmt: skip
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "editions.csv").write_text(
        _csv(
            ["edition_id", "year", "date", "title", "place", "participants"],
            [
                {
                    "edition_id": ed,
                    "year": 2005 + i,
                    "date": f"{2005 + i}-11-17",
                    "title": f"Édition {i + 1}",
                    "place": "Lons-le-Saunier",
                    "participants": 300,
                }
                for i, ed in enumerate(editions)
            ],
        ),
        encoding="utf-8",
    )
    (folder / "actors.csv").write_text(
        _csv(["actor_id", "label", "kind", "category"], actors), encoding="utf-8"
    )
    (folder / "workshops.csv").write_text(
        _csv(
            [
                "workshop_id",
                "edition_id",
                "title",
                "theme",
                "type",
                "holder_present",
                "holder",
                "facilitator",
                "tools",
                "participants",
            ],
            workshops,
        ),
        encoding="utf-8",
    )
    (folder / "participations.csv").write_text(
        _csv(["actor_id", "workshop_id", "role"], participations), encoding="utf-8"
    )
    (folder / "projects.csv").write_text(
        _csv(
            [
                "project_id",
                "edition_id",
                "workshop_id",
                "title",
                "theme",
                "holder",
                "stage",
                "abandoned_at",
                "jobs",
                "year_started",
                "support",
                "actants",
            ],
            projects,
        ),
        encoding="utf-8",
    )
    return editions, by_edition


# -- codings -----------------------------------------------------------------------------------


def _spans(rng: random.Random, text: str, body: int, n: int) -> list[tuple[int, int]]:
    """``n`` passages of whole words in the document body (after the front matter)."""
    spans = []
    length = len(text)
    for _ in range(n):
        start = rng.randrange(body, max(body + 1, length - 400))
        while start < length and not text[start].isalnum():
            start += 1
        while start > body and text[start - 1].isalnum():
            start -= 1
        end = min(length, start + rng.randint(40, 300))
        while end < length and text[end - 1].isalnum() and text[end].isalnum():
            end += 1
        while end > start and not text[end - 1].isalnum():
            end -= 1
        if end > start and (start, end) not in spans:
            spans.append((start, end))
    return spans


def _coding_rows(rng, doc_id, stored, codes, coder, spans, drift) -> list[list]:
    rows = []
    for start, end in spans:
        code = codes[(start * 31 + end) % len(codes)]
        if drift and rng.random() < drift:  # another code, or borders a few words apart
            if rng.random() < 0.5:
                code = rng.choice(codes)
            else:
                end = min(len(stored), end + rng.randint(1, 30))
                while end < len(stored) and stored[end - 1].isalnum() and stored[end].isalnum():
                    end += 1
        quote = stored[start:end]
        rows.append([coder, doc_id, start, end, code, quote, "", "2024-05-20T10:00:00Z"])
    return rows


def build(scale: float) -> list[Path]:
    """Generate the projects of the growth check (kept between runs); smallest first."""
    sizes = [max(8, round(FULL_DOCUMENTS * scale * f)) for f in (0.25, 0.5, 1.0)]
    base = DATA / f"scale-{scale:g}"
    projects = [base / f"documents-{n}" for n in sizes]
    marker = base / ".built"
    if marker.is_file():
        return projects
    shutil.rmtree(base, ignore_errors=True)
    largest = projects[-1]
    done = subprocess.run([str(RESEARCH), "init", str(largest)], capture_output=True, text=True)
    if done.returncode:
        raise SystemExit(done.stderr)
    for name in ("institutional_work.yaml", "territory.yaml", "translation.yaml"):
        shutil.copy2(REPO / "codebook" / name, largest / "codebook" / name)
    (largest / "notebooks" / "chapters.yaml").write_text(
        "chapters:\n"
        "  - id: corpus-overview\n    notebook: 01-corpus-overview.ipynb\n"
        "    title: Le corpus de la recherche\n"
        "  - id: coding-and-agreement\n    notebook: 03-coding-and-agreement.ipynb\n"
        "    title: Codage et accord inter-codeurs\n",
        encoding="utf-8",
    )
    rng = random.Random(SEED)
    editions, workshops = _tables(rng, largest / "corpus" / "tables")
    sys.path.insert(0, str(REPO / "src"))
    from research.codebook import load_codebook
    from research.coding import codings_text

    book = load_codebook(largest / "codebook")
    codes = [c for c in book.ids if book.is_codable(c)]
    folder = largest / "corpus" / "documents"
    (folder / "interviews").mkdir(parents=True, exist_ok=True)
    (folder / "minutes").mkdir(parents=True, exist_ok=True)
    rows: dict[str, list[list]] = {"camille": [], "lea": [], "sam": []}
    per_coder = CODINGS_PER_DOCUMENT // 2
    for i in range(sizes[-1]):
        doc_id = f"D{i:05d}"
        edition = editions[i % EDITIONS]
        if i % 5 == 4:
            text = _minutes(rng, doc_id, edition, rng.choice(workshops[edition]))
            path = folder / "minutes" / f"{doc_id}.md"
        else:
            text = _interview(rng, doc_id, edition, f"C{1 + i % 1200:04d}")
            path = folder / "interviews" / f"{doc_id}.md"
        path.write_text(text, encoding="utf-8")
        stored = text.split("\n---\n", 1)[1]
        spans = _spans(rng, stored, 0, per_coder)
        rows["camille"] += _coding_rows(rng, doc_id, stored, codes, "camille", spans, 0.0)
        second = "lea" if i % 2 == 0 else "sam"
        rows[second] += _coding_rows(rng, doc_id, stored, codes, second, spans, 0.25)
    import pandas as pd

    columns = ["coder", "doc_id", "start", "end", "code", "quote", "memo", "created"]
    frames = {coder: pd.DataFrame(r, columns=columns) for coder, r in rows.items()}
    for project, n in zip(projects, sizes, strict=True):
        if project != largest:
            _subset(largest, project, n)
        keep = {f"D{i:05d}" for i in range(n)}
        codings = project / "corpus" / "codings"
        codings.mkdir(parents=True, exist_ok=True)
        for coder, frame in frames.items():
            part = frame[frame["doc_id"].isin(keep)]
            (codings / f"{coder}.csv").write_text(codings_text(part), encoding="utf-8")
        halves = {c: sorted(set(frames[c]["doc_id"]) & keep) for c in ("lea", "sam")}
        (codings / "coders.yaml").write_text(
            "camille:\n  documents: all\n"
            + "".join(f"{c}:\n  documents: [{', '.join(ids)}]\n" for c, ids in halves.items()),
            encoding="utf-8",
        )
    marker.write_text(f"{sizes}\n", encoding="utf-8")
    return projects


def _subset(largest: Path, target: Path, n: int) -> None:
    """A project with the first ``n`` documents of the largest (hard links)."""
    for name in ("codebook", "notebooks", "corpus/tables"):
        shutil.copytree(largest / name, target / name)
    for name in ("research.yaml", ".gitignore"):
        if (largest / name).is_file():
            shutil.copy2(largest / name, target / name)
    for sub in ("interviews", "minutes"):
        (target / "corpus" / "documents" / sub).mkdir(parents=True, exist_ok=True)
    for i in range(n):
        doc_id = f"D{i:05d}"
        sub = "minutes" if i % 5 == 4 else "interviews"
        os.link(
            largest / "corpus" / "documents" / sub / f"{doc_id}.md",
            target / "corpus" / "documents" / sub / f"{doc_id}.md",
        )


# -- measuring -----------------------------------------------------------------------------------

_OPEN = """
import sys, time
from research.project import open_project
start = time.perf_counter()
executor = None
if sys.argv[2] != "serial":
    from research.pipeline import dask_client
    context = dask_client("local", workers=2)
    client = context.__enter__()
    executor = client.get_executor(pure=False)
project = open_project(sys.argv[1], executor=executor)
n = len(project.codings)
seconds = time.perf_counter() - start
if executor is not None:
    context.__exit__(None, None, None)
print(seconds, n)
"""

_ANNOTATE = """
import inspect, sys, time
from research.project import open_project
from research import nlp
project = open_project(sys.argv[1])
corpus = project.corpus
options = {"cache_dir": project.paths.cache / "nlp"}
accepted = inspect.signature(nlp.annotate).parameters
if sys.argv[2] != "serial" and "executor" not in accepted:
    print("nan no executor")  # this version of research.nlp runs in one process only
    sys.exit(0)
start = time.perf_counter()
if sys.argv[2] != "serial":
    from research.pipeline import dask_client
    context = dask_client("local", workers=2)
    client = context.__enter__()
    options["executor"] = client.get_executor(pure=False)
tokens = nlp.annotate(corpus, **options)
seconds = time.perf_counter() - start
if sys.argv[2] != "serial":
    context.__exit__(None, None, None)
print(seconds, len(tokens))
"""


def _python(script: str, *args: str) -> tuple[float, str]:
    done = subprocess.run(
        [sys.executable, "-c", script, *args], capture_output=True, text=True, env=_env()
    )
    if done.returncode:
        raise SystemExit(f"failed ({done.returncode}):\n{done.stderr[-3000:]}")
    seconds, detail = done.stdout.strip().splitlines()[-1].split(" ", 1)
    return float(seconds), detail


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(REPO / "src")}


def _command(*args: str) -> float:
    start = time.perf_counter()
    done = subprocess.run([str(RESEARCH), *args], capture_output=True, text=True, env=_env())
    seconds = time.perf_counter() - start
    if done.returncode not in (0,):
        raise SystemExit(f"research {' '.join(args)} failed:\n{done.stderr[-3000:]}")
    return seconds


def measure(
    project: Path, mode: str, skip: set[str], chapters: list[str] = CHAPTERS
) -> dict[str, float]:
    """Seconds of each measure on ``project``; ``mode`` is ``serial`` or ``cluster``.

    The chapters run after the annotation, which they find in the cache.
    """
    scheduler = [] if mode == "serial" else ["--scheduler", "local"]
    jobs = ["--jobs", "1"] if mode == "serial" else ["--jobs", "2"]
    found: dict[str, float] = {}
    if "validate" not in skip:
        found["validate"] = _command("validate", "-C", str(project), *scheduler)
    if "open" not in skip:
        found["open_project"], _ = _python(_OPEN, str(project), mode)
    if "annotate" not in skip:  # into an empty cache, which the chapters then read
        shutil.rmtree(project / ".cache" / "nlp", ignore_errors=True)
        found["annotate"], _ = _python(_ANNOTATE, str(project), mode)
    if "chapters" not in skip:
        annotated = found.get("annotate")
        lemmas = "corpus-overview" in chapters  # chapter 01 counts lemmas
        if lemmas and (annotated is None or annotated != annotated):  # skipped, or not here
            _python(_ANNOTATE, str(project), "serial")  # untimed: the chapters find it cached
        shutil.rmtree(project / "outputs", ignore_errors=True)
        found["chapters"] = _command(
            "run", *chapters, "--force", "-C", str(project), *jobs, *scheduler
        )
        for chapter in chapters:
            record = json.loads(
                (project / "outputs" / chapter / "default" / "provenance.json").read_text()
            )
            if record["status"] != "ok":
                raise SystemExit(f"{chapter} failed: {record['error']}")
            found[f"run {chapter}"] = record["timings"]["total_s"]
    return found


def _documents(project: Path) -> int:
    return int(project.name.rsplit("-", 1)[1])


def _words(project: Path) -> int:
    total = 0
    for path in (project / "corpus" / "documents").rglob("*.md"):
        total += path.read_text(encoding="utf-8").split("\n---\n", 1)[1].count(" ")
    return total


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=float, default=1.0, help="share of the full sizes")
    parser.add_argument("--only", choices=["growth", "cluster"], default=None)
    parser.add_argument(
        "--skip", action="append", default=[], choices=["validate", "open", "chapters", "annotate"]
    )
    parser.add_argument(
        "--chapter", action="append", choices=CHAPTERS, help="only these chapters (default: both)"
    )
    args = parser.parse_args()
    started = time.perf_counter()
    projects = build(args.scale)
    skip = set(args.skip)
    lines = [
        f"bench_scale: scale {args.scale:g}, {platform.node()}, {os.cpu_count()} cores, "
        f"load {os.getloadavg()[0]:.1f} at the start",
    ]
    results: dict = {"scale": args.scale, "projects": {}}
    for project in projects:
        codings = sum(
            sum(1 for _ in csv.reader(p.open(encoding="utf-8", newline=""))) - 1
            for p in (project / "corpus" / "codings").glob("*.csv")
        )
        results["projects"][project.name] = {
            "documents": _documents(project), "words": _words(project), "codings": codings,
        }  # fmt: skip
        lines.append(f"{project.name}: {results['projects'][project.name]}")
    if args.only in (None, "growth"):
        chosen = args.chapter or CHAPTERS
        growth = {p.name: measure(p, "serial", skip, chosen) for p in projects}
        results["growth"] = growth
        lines.append("")
        lines.append("growth (serial): seconds at each size, and the ratio to the size before")
        names = [p.name for p in projects]
        for key in growth[names[-1]]:
            cells = []
            for k, name in enumerate(names):
                value = growth[name][key]
                ratio = f" (×{value / growth[names[k - 1]][key]:.2f})" if k else ""
                cells.append(f"{_documents(projects[k])}: {value:8.1f} s{ratio}")
            lines.append(f"  {key:<28} " + "   ".join(cells))
        lines.append("  (documents double at each step: ×2.00 is linear growth)")
    if args.only in (None, "cluster"):
        largest = projects[-1]
        chosen = args.chapter or CHAPTERS
        serial = results.get("growth", {}).get(largest.name) or measure(
            largest, "serial", skip, chosen
        )
        cluster = measure(largest, "cluster", skip, chosen)
        results["cluster"] = {"serial": serial, "local cluster of 2 workers": cluster}
        lines.append("")
        lines.append(
            f"serial against --scheduler local (2 workers), {_documents(largest)} documents:"
        )
        for key, value in serial.items():
            other = cluster.get(key)
            if other is not None:
                lines.append(
                    f"  {key:<28} serial {value:8.1f} s   cluster {other:8.1f} s   "
                    f"ratio {other / value:.2f}"
                )
    lines.append(f"load {os.getloadavg()[0]:.1f} at the end; {time.perf_counter() - started:.0f} s")
    RESULTS.mkdir(parents=True, exist_ok=True)
    stem = "bench_scale" if args.scale == 1 else f"bench_scale-{args.scale:g}"
    (RESULTS / f"{stem}.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    (RESULTS / f"{stem}.json").write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
