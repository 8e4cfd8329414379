"""Names that a pseudonym key may lack: spaCy's French entities, speakers, actors.

spaCy's French model (``fr_core_news_sm``, through :func:`research.nlp.annotate`
and its cache) marks persons (``PER``), organisations (``ORG``) and places
(``LOC``). :func:`entity_spans` joins the tokens of one entity into a span of the
stored text; :func:`entity_candidates` keeps the names the key does not know
(neither as a real form, a variant, a pseudonym nor a form kept as it is), for the
researcher to review. The model finds names, not only personal ones, and misses
some: its list is a help to reading, never a proof.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

import pandas as pd

from research.errors import InputError
from research.privacy._key import PseudonymKey
from research.privacy._matching import form_key

__all__ = [
    "ENTITY_KINDS_BY_LABEL",
    "Candidate",
    "entity_candidates",
    "entity_spans",
    "looks_like_name",
]

#: spaCy's French entity labels and the kind of key entry they suggest.
ENTITY_KINDS_BY_LABEL = {"PER": "person", "ORG": "organisation", "LOC": "place"}
_EDGE = " \t\n.,;:!?«»\"'’()[]{}-–—…*_"


@dataclass
class Candidate:
    """A name the key does not know: its form, kind, occurrences and where first seen."""

    form: str
    kind: str
    count: int = 0
    sources: set[str] = field(default_factory=set)
    variants: list[str] = field(default_factory=list)
    example: str | None = None
    path: str | None = None
    line: int | None = None

    @property
    def key(self) -> str:
        return form_key(self.form)


def looks_like_name(text: str) -> bool:
    """Whether an entity's text can be a name: a capital first letter, two letters
    or more, not only digits.

    Examples
    --------
    >>> looks_like_name("Hélène Cuenot"), looks_like_name("voilà"), looks_like_name("X")
    (True, False, False)
    """
    letters = [ch for ch in text if ch.isalpha()]
    return len(letters) >= 2 and text[:1].isupper()


def entity_spans(tokens: pd.DataFrame) -> pd.DataFrame:
    """The entities of annotated tokens, one row each.

    Consecutive tokens of one segment with the same entity label, separated by at
    most one character, make one entity.

    Parameters
    ----------
    tokens : DataFrame
        From :func:`research.nlp.annotate` (``doc_id``, ``seg_id``, ``start``,
        ``end``, ``text``, ``ent_type``).

    Returns
    -------
    DataFrame
        ``doc_id``, ``start``, ``end``, ``label`` (``PER``, ``ORG``, ``LOC``…).

    Examples
    --------
    >>> tokens = pd.DataFrame({"doc_id": ["D"] * 4, "seg_id": ["D:1"] * 4,
    ...     "start": [0, 5, 12, 19], "end": [4, 11, 18, 21],
    ...     "text": ["Chez", "Hélène", "Cuenot", "ok"], "ent_type": [None, "PER", "PER", None]})
    >>> entity_spans(tokens).values.tolist()
    [['D', 5, 18, 'PER']]
    """
    rows: list[tuple[str, int, int, str]] = []
    marked = tokens[tokens["ent_type"].notna()]
    current: list | None = None
    for doc_id, seg_id, start, end, label in marked[
        ["doc_id", "seg_id", "start", "end", "ent_type"]
    ].itertuples(index=False):
        if (
            current is not None
            and current[0] == doc_id
            and current[4] == seg_id
            and current[3] == label
            and start - current[2] <= 1
        ):
            current[2] = end
            continue
        if current is not None:
            rows.append((current[0], current[1], current[2], current[3]))
        current = [doc_id, int(start), int(end), label, seg_id]
    if current is not None:
        rows.append((current[0], current[1], current[2], current[3]))
    return pd.DataFrame(rows, columns=["doc_id", "start", "end", "label"])


def _trimmed(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return start, end


def document_lines(project, corpus) -> dict[str, tuple[str, int]]:
    """Each document's file (relative) and the lines before its stored text."""
    from research.corpus.loaders import split_front_matter
    from research.text import normalise

    lines = {}
    for doc_id, rel in zip(corpus.documents["doc_id"], corpus.documents["path"], strict=True):
        offset = 0
        path = project.root / rel
        if path.suffix.lower() in (".md", ".markdown", ".txt"):
            try:
                text = normalise(path.read_text(encoding="utf-8"))
                offset = split_front_matter(text)[2]
            except (OSError, UnicodeDecodeError, InputError):
                offset = 0  # a file that no longer reads: lines of the stored text
        lines[doc_id] = (str(rel), offset)
    return lines


def corpus_entities(project, corpus) -> pd.DataFrame:
    """The entities of every document (spaCy's model, annotations cached)."""
    from research.nlp import annotate

    tokens = annotate(corpus, task="entities", cache_dir=project.paths.cache / "nlp")
    if not len(tokens):
        return pd.DataFrame(columns=["doc_id", "start", "end", "label", "text"])
    spans = entity_spans(tokens)
    texts = []
    starts, ends = [], []
    for doc_id, start, end in spans[["doc_id", "start", "end"]].itertuples(index=False):
        text = corpus.text(doc_id)
        a, b = _trimmed(text, int(start), int(end))
        starts.append(a)
        ends.append(b)
        texts.append(text[a:b])
    spans = spans.assign(start=starts, end=ends, text=texts)
    return spans[spans["text"].map(looks_like_name)].reset_index(drop=True)


def _unknown(key: PseudonymKey) -> Callable[[str], bool]:
    known = key.known()
    words = key.known_words()

    def unknown(text: str) -> bool:
        folded = form_key(text)
        return folded not in known and not set(folded.split()) <= words

    return unknown


def entity_candidates(project, key: PseudonymKey, *, corpus=None) -> list[Candidate]:
    """The persons, organisations and places of the documents that ``key`` does not know.

    One candidate per name (accents, case and spaces aside), with its number of
    occurrences and its first place (file and line), most frequent first.
    """
    corpus = corpus if corpus is not None else project.corpus
    spans = corpus_entities(project, corpus)
    lines = document_lines(project, corpus)
    unknown = _unknown(key)
    found: dict[str, Candidate] = {}
    kinds: dict[str, Counter] = {}
    rows = spans[["doc_id", "start", "label", "text"]].itertuples(index=False)
    for doc_id, start, label, text in rows:
        kind = ENTITY_KINDS_BY_LABEL.get(label)
        if kind is None or not unknown(text):
            continue
        candidate = found.get(form_key(text))
        if candidate is None:
            rel, offset = lines.get(doc_id, (doc_id, 0))
            line = offset + corpus.text(doc_id).count("\n", 0, int(start)) + 1
            candidate = found[form_key(text)] = Candidate(text, kind, path=rel, line=line)
            candidate.sources.add("entities")
        candidate.count += 1
        kinds.setdefault(candidate.key, Counter())[kind] += 1
    for candidate in found.values():
        candidate.kind = _most_common(kinds[candidate.key])
    return sorted(found.values(), key=lambda c: (-c.count, c.key))


def _most_common(kinds: Counter) -> str:
    """The kind the model gave most often (ties: person, organisation, place)."""
    order = list(ENTITY_KINDS_BY_LABEL.values())
    return min(kinds, key=lambda k: (-kinds[k], order.index(k) if k in order else len(order)))


def merge_candidates(candidates: Iterable[Candidate]) -> dict[str, Candidate]:
    """Candidates of one name (by :func:`form_key`) made one, sources and variants joined."""
    merged: dict[str, Candidate] = {}
    kinds: dict[str, Counter] = {}
    for candidate in candidates:
        kinds.setdefault(candidate.key, Counter())[candidate.kind] += 1
        other = merged.get(candidate.key)
        if other is None:
            merged[candidate.key] = candidate
            continue
        other.sources |= candidate.sources
        other.count += candidate.count
        for variant in candidate.variants:
            if form_key(variant) not in {form_key(v) for v in other.variants}:
                other.variants.append(variant)
        if "actor registry" in candidate.sources:
            other.kind = candidate.kind
    for key, candidate in merged.items():
        if "actor registry" not in candidate.sources:
            candidate.kind = _most_common(kinds[key])
    return merged
