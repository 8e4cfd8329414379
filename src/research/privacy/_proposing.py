"""Proposing the entries of a pseudonym key (``research pseudonymise --propose``).

Candidates come from four places: the persons, organisations and places spaCy's
French model finds in the documents (:mod:`research.privacy._entities`); the
speaker labels of transcripts (their ``speakers:`` and the labels of their
turns, role labels such as ``Enquêtrice`` left out); the labels and aliases of
the actor registry (persons and organisations); and the documents' metadata (its
personal keys such as ``author``, and the names spaCy finds in the other texts of
the front matter, such as a title). A one-word person (``Hélène``) that is the
first or last word of exactly one longer person (``Hélène Cuenot``) becomes its
variant. Forms the key already knows (real forms, variants, pseudonyms, forms kept
as they are) are not proposed again.

Each candidate gets its number of occurrences in the documents and an example
line, and is appended to the key with an empty pseudonym: nothing is replaced
until the researcher fills in the pseudonyms and runs ``--apply``.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

import yaml

from research.corpus import PERSONAL_METADATA
from research.privacy._entities import (
    ENTITY_KINDS_BY_LABEL,
    Candidate,
    corpus_entities,
    document_lines,
    looks_like_name,
    merge_candidates,
)
from research.privacy._key import PseudonymKey
from research.privacy._location import read_project_key, write_key_text
from research.privacy._matching import Form, NameMatcher, form_key
from research.privacy._rewrite import FRONT_MATTER_IDS

__all__ = ["KEY_HEADER", "ROLE_LABELS", "proposal_text", "propose_candidates", "write_proposals"]

#: Speaker labels that name a role, not a person (folded).
ROLE_LABELS = frozenset(
    {"enqueteur", "enquetrice", "enqueteurs", "enquetrices", "intervieweur", "intervieweuse",
     "interviewer", "interviewee", "chercheur", "chercheuse", "animateur", "animatrice",
     "moderateur", "moderatrice", "facilitateur", "facilitatrice", "participant",
     "participante", "participants", "inconnu", "inconnue", "speaker", "locuteur",
     "locutrice", "question", "reponse", "moi", "voix", "homme", "femme", "public", "salle",
     "tous", "plusieurs", "narrateur", "narratrice", "journaliste", "president",
     "presidente", "secretaire", "elu", "elue", "maire", "directeur", "directrice"}
)  # fmt: skip

KEY_HEADER = """\
# Pseudonym key of this project: the real names and what replaces them.
# GDPR art. 4(5): pseudonymised data stay personal data while this key exists;
# keep it apart (never in corpus/ or outputs/, never committed) and safe.
#
# One entry per person, organisation or place:
#   - real: Hélène Cuenot                  # the name as the documents write it
#     pseudonym: Agathe Morel              # what replaces it everywhere
#     kind: person                         # person, organisation, place or other
#     variants: [Hélène, Mme Cuenot, H. C.]   # each becomes the matching part of the pseudonym
#   - real: Lons-le-Saunier
#     kind: place
#     keep: true                           # not to replace; never proposed again
# Capitals, missing accents, d’/qu’ and ’s forms are found without being listed.
# A variant whose pseudonym cannot be told from the words is written  - Léna: Aga
# A name that is also a common word (Rose, Pierre) gets  case_sensitive: true
"""


def _role(label: str) -> bool:
    folded = form_key(label)
    return (
        folded in ROLE_LABELS
        or len([ch for ch in label if ch.isalpha()]) < 2
        or any(ch.isdigit() for ch in label)
    )


def _speaker_candidates(corpus) -> list[Candidate]:
    found = []
    labels: set[str] = set()
    if "speakers" in corpus.documents.columns:
        for speakers in corpus.documents["speakers"]:
            if isinstance(speakers, dict):
                labels.update(str(k) for k in speakers)
    if "speaker" in corpus.segments.columns:
        labels.update(str(s) for s in corpus.segments["speaker"].dropna().unique())
    for label in sorted(labels):
        if not _role(label) and looks_like_name(label):
            found.append(Candidate(label, "person", sources={"speaker labels"}))
    return found


def _registry_candidates(project) -> list[Candidate]:
    from research.editions import load_tables

    path = project.paths.tables
    if not (path / "actors.csv").is_file() and not (path / "actors.xlsx").is_file():
        return []
    tables, _ = load_tables(path, strict=False, options=project.loader_options)
    actors = tables.get("actors")
    if actors is None or not len(actors):
        return []
    found = []
    for label, kind, aliases in actors[["label", "kind", "aliases"]].itertuples(index=False):
        if kind not in ("person", "organisation") or not isinstance(label, str):
            continue
        variants = [a for a in (aliases or []) if isinstance(a, str) and looks_like_name(a)]
        found.append(Candidate(label, kind, sources={"actor registry"}, variants=variants))
    return found


def _metadata_candidates(project, corpus, *, entities: bool) -> list[Candidate]:
    found = []
    texts: list[str] = []
    personal = {k.casefold() for k in PERSONAL_METADATA}
    for row in corpus.documents.to_dict("records"):
        for name, value in row.items():
            if name in FRONT_MATTER_IDS or name in (
                "doc_id",
                "path",
                "sha256",
                "words",
                "speakers",
            ):
                continue
            if not isinstance(value, str) or not value.strip():
                continue
            if str(name).casefold() in personal and looks_like_name(value):
                found.append(Candidate(value.strip(), "person", sources={"metadata"}))
            else:
                texts.append(value)
    if entities and texts:
        from research.nlp import load_model

        nlp = load_model()
        for doc in nlp.pipe(sorted(set(texts))):
            for ent in doc.ents:
                kind = ENTITY_KINDS_BY_LABEL.get(ent.label_)
                text = ent.text.strip(" .,;:«»\"'’()")
                if kind and looks_like_name(text):
                    found.append(Candidate(text, kind, sources={"metadata"}))
    return found


def _as_variants(candidates: dict[str, Candidate]) -> dict[str, Candidate]:
    """One-word persons that are the first or last word of one longer person: its variants."""
    longer: dict[str, list[Candidate]] = {}
    for candidate in candidates.values():
        words = candidate.key.split()
        if candidate.kind == "person" and len(words) > 1:
            for word in {words[0], words[-1]}:
                longer.setdefault(word, []).append(candidate)
    kept = {}
    for key, candidate in candidates.items():
        owners = longer.get(key, []) if candidate.kind == "person" and " " not in key else []
        if len(owners) == 1:
            owner = owners[0]
            if key not in {form_key(v) for v in owner.variants}:
                owner.variants.append(candidate.form)
            owner.sources |= candidate.sources
            continue
        kept[key] = candidate
    return kept


def propose_candidates(project, key: PseudonymKey, *, entities: bool = True) -> list[Candidate]:
    """The names the key lacks, with their occurrences and an example (see the module).

    Parameters
    ----------
    project : research.project.Project
    key : PseudonymKey
        The current key: what it knows is not proposed again.
    entities : bool
        Use spaCy's French model (slower; without it only speaker labels, the actor
        registry and personal metadata are proposed).
    """
    corpus = project.corpus
    found: list[Candidate] = []
    if entities:
        spans = corpus_entities(project, corpus)
        for text, label in spans[["text", "label"]].itertuples(index=False):
            kind = ENTITY_KINDS_BY_LABEL.get(label)
            if kind:
                found.append(Candidate(text, kind, sources={"entities"}))
    found += _speaker_candidates(corpus)
    found += _registry_candidates(project)
    found += _metadata_candidates(project, corpus, entities=entities)
    for candidate in found:
        candidate.count = 0
    known = key.known()
    merged = {k: c for k, c in merge_candidates(found).items() if k not in known}
    for candidate in merged.values():
        candidate.variants = [v for v in candidate.variants if form_key(v) not in known]
    merged = _as_variants(merged)
    _count(project, corpus, list(merged.values()))
    return sorted(merged.values(), key=lambda c: (c.kind, -c.count, c.key))


def _count(project, corpus, candidates: list[Candidate]) -> None:
    """Occurrences of each candidate (and its variants) in the documents, first example."""
    forms = [Form(c.form, None, i) for i, c in enumerate(candidates)]
    forms += [Form(v, None, i) for i, c in enumerate(candidates) for v in c.variants]
    matcher = NameMatcher(forms)
    lines = document_lines(project, corpus)
    for doc_id in corpus.doc_ids:
        text = corpus.text(doc_id)
        for match in matcher.find(text):
            candidate = candidates[match.form.entry]
            candidate.count += 1
            if candidate.example is None:
                rel, offset = lines.get(doc_id, (doc_id, 0))
                start = text.rfind("\n", 0, match.start) + 1
                end = text.find("\n", match.end)
                line = text[start : end if end >= 0 else len(text)]
                context = _context(line, match.start - start, match.end - start)
                candidate.path = rel
                candidate.line = offset + text.count("\n", 0, match.start) + 1
                candidate.example = f"{rel}, line {candidate.line}: « {context} »"


def _context(line: str, start: int, end: int, width: int = 40) -> str:
    left = max(0, start - width)
    right = min(len(line), end + width)
    text = ("…" if left else "") + line[left:right] + ("…" if right < len(line) else "")
    return re.sub(r"\s+", " ", text).strip()


def _flow(values: list[str]) -> str:
    return yaml.safe_dump(
        values, allow_unicode=True, default_flow_style=True, width=1 << 20
    ).strip()


def _scalar(value: str) -> str:
    dumped = yaml.safe_dump(value, allow_unicode=True, width=1 << 20)
    return dumped.removesuffix("\n...\n").strip()


def proposal_text(candidates: list[Candidate], *, when: dt.date | None = None) -> str:
    """The YAML entries to append to the key for ``candidates`` (empty pseudonyms).

    Examples
    --------
    >>> print(proposal_text([Candidate("Hélène Cuenot", "person", 3, {"entities"}, ["Hélène"],
    ...       "INT05.md, line 9: « … »")], when=dt.date(2024, 5, 2)), end="")
    <BLANKLINE>
    # Proposed on 2024-05-02 by research pseudonymise --propose: write each pseudonym
    # (or keep: true to leave a name as it is, or delete the entry), then run
    # research pseudonymise --apply.
    - real: Hélène Cuenot
      pseudonym:
      kind: person
      variants: [Hélène]
      # 3 occurrence(s) (entities); INT05.md, line 9: « … »
    """
    when = when or dt.date.today()
    lines = [
        "",
        f"# Proposed on {when.isoformat()} by research pseudonymise --propose: write each pseudonym",
        "# (or keep: true to leave a name as it is, or delete the entry), then run",
        "# research pseudonymise --apply.",
    ]
    for c in candidates:
        lines += [f"- real: {_scalar(c.form)}", "  pseudonym:", f"  kind: {c.kind}"]
        if c.variants:
            lines.append(f"  variants: {_flow(c.variants)}")
        where = f"; {c.example}" if c.example else "; not found in the documents"
        comment = f"  # {c.count} occurrence(s) ({', '.join(sorted(c.sources))}){where}"
        lines.append(comment.replace("\n", " "))
    return "\n".join(lines) + "\n"


def write_proposals(project, *, entities: bool = True) -> tuple[Path, list[Candidate]]:
    """Append the candidates of :func:`propose_candidates` to the project's key.

    The key is created with a header explaining its format when it does not exist;
    what it holds is kept as it is (the proposals are added at its end). It is
    written atomically, after its place is checked.

    Returns
    -------
    path : Path
        The key file.
    candidates : list of Candidate
        What was proposed (nothing is written when empty).
    """
    key = read_project_key(project)
    candidates = propose_candidates(project, key, entities=entities)
    path = Path(project.pseudonym_key)
    if not candidates:
        return path, []
    current = path.read_text(encoding="utf-8") if path.is_file() else KEY_HEADER
    if current and not current.endswith("\n"):
        current += "\n"
    write_key_text(project, current + proposal_text(candidates))
    return path, candidates
