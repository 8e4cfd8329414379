"""What a project has: the facts a chapter checks before it analyses anything.

A chapter runs on any valid project, the demo's or a new one with three
documents and no tables. Instead of failing on what is absent, it asks
:func:`project_contents` what the project holds (documents, edition tables, the
actor registry, codebook codes, coders) and tells its reader, in French, what it
could not do and why. The choices a chapter makes when a parameter is left to
``None`` ("whatever this project has") are made here too: the coder with most
codings (:meth:`ProjectContents.main_coder`), the attribute that groups
documents (:func:`document_grouping`), how speakers are grouped
(:meth:`ProjectContents.speaker_grouping`).

Examples
--------
>>> import pandas as pd
>>> contents = ProjectContents(n_documents=3, kinds=("interview", "minutes"), tables=("actors",),
...                            coders=("lea", "tom"), codes=("terrain.origine", "iw.creating"))
>>> contents.main_coder(), contents.has_codes("iw.*"), contents.has_codes("ant.*")
('lea', True, False)
>>> contents.missing_tables(("editions", "workshops"))
('editions', 'workshops')
"""

from __future__ import annotations

import fnmatch
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

import pandas as pd

if TYPE_CHECKING:
    from research.corpus import Corpus
    from research.editions import Actors
    from research.project._project import Project

__all__ = [
    "FORMATS_DOC",
    "ProjectContents",
    "central_actor",
    "coding_start_message",
    "document_grouping",
    "frequent_word",
    "interviewer_of",
    "missing_tables_message",
    "project_contents",
    "speech_by_group",
]

FORMATS_DOC = "docs/formats.md"

# Columns every document has, or that say how it was made: never a way to group cases.
_BOOKKEEPING = {
    "doc_id",
    "kind",
    "title",
    "date",
    "path",
    "sha256",
    "n_chars",
    "n_words",
    "n_segments",
    "segmentation",
    "source",
    "audio",
    "created",
    "speakers",
}


@dataclass(frozen=True)
class ProjectContents:
    """What a project holds, as a chapter needs to know it.

    Attributes
    ----------
    n_documents : int
        Documents in ``corpus/documents/``.
    kinds : tuple of str
        Their kinds (``interview``, ``minutes``…), sorted.
    tables : tuple of str
        The tables of ``corpus/tables/`` (``editions``, ``actors``…), sorted.
    coders : tuple of str
        The coders with codings, the one with most codings first (ties by name).
    codes : tuple of str
        The codable codes of the codebook, in its order.
    """

    n_documents: int = 0
    kinds: tuple[str, ...] = ()
    tables: tuple[str, ...] = ()
    coders: tuple[str, ...] = ()
    codes: tuple[str, ...] = ()

    @property
    def has_documents(self) -> bool:
        """Whether the corpus has at least one document."""
        return self.n_documents > 0

    @property
    def has_actors(self) -> bool:
        """Whether the project has an actor registry (``corpus/tables/actors``)."""
        return "actors" in self.tables

    @property
    def has_codings(self) -> bool:
        """Whether any coder has coded anything."""
        return bool(self.coders)

    def main_coder(self, coder: str | None = None) -> str | None:
        """``coder`` when given, else the coder with most codings (``None`` without codings).

        Examples
        --------
        >>> ProjectContents(coders=("lea", "tom")).main_coder("tom")
        'tom'
        >>> ProjectContents().main_coder() is None
        True
        """
        if coder is not None:
            return coder
        return self.coders[0] if self.coders else None

    def has_codes(self, pattern: str) -> bool:
        """Whether a codable code of the codebook matches ``pattern`` (``fnmatch``)."""
        return any(fnmatch.fnmatchcase(code, pattern) for code in self.codes)

    def missing_tables(self, needed: Sequence[str]) -> tuple[str, ...]:
        """The tables of ``needed`` the project does not have, in that order."""
        return tuple(name for name in needed if name not in self.tables)

    def speaker_grouping(self) -> tuple[str, str]:
        """How speakers are grouped: the attribute and a French sentence saying why.

        With an actor registry, by the category of the actor each speaker stands
        for; without one, by the speaker's label as written in the transcripts.

        Examples
        --------
        >>> ProjectContents(tables=("actors",)).speaker_grouping()[0]
        'actor_category'
        >>> attribute, why = ProjectContents().speaker_grouping()
        >>> attribute, "actors.csv" in why
        ('speaker', True)
        """
        if self.has_actors:
            return "actor_category", (
                "Les locuteurs sont regroupés par la catégorie de l'acteur qu'ils "
                "représentent dans le registre des acteurs."
            )
        return "speaker", (
            "Le projet n'a pas de registre des acteurs (`corpus/tables/actors.csv`) : "
            "les locuteurs sont regroupés par leur nom tel qu'il est écrit dans les "
            f"transcriptions. Le registre (voir `{FORMATS_DOC}`) permet de les regrouper "
            "par catégorie d'acteur."
        )


def project_contents(project: Project) -> ProjectContents:
    """What ``project`` holds: documents, tables, codebook codes and coders.

    Only what exists is read: a project without tables, codebook or codings is
    described as such, never an error.

    Raises
    ------
    ValidationFailed
        When a file that exists has errors (``research validate`` lists them).
    """
    paths = project.paths
    documents = project.corpus.documents if paths.documents.is_dir() else pd.DataFrame()
    kinds = ()
    if "kind" in documents:
        kinds = tuple(sorted(documents["kind"].dropna().astype(str).unique()))
    tables = tuple(sorted(project.tables)) if paths.tables.is_dir() else ()
    codes: tuple[str, ...] = ()
    from research.codebook import codebook_files

    if codebook_files(paths.codebook):
        book = project.codebook.codes
        codable = book["codable"] if "codable" in book else pd.Series(True, index=book.index)
        codes = tuple(book.loc[codable.fillna(True).astype(bool), "code"].astype(str))
    coders: tuple[str, ...] = ()
    if codes and paths.codings.is_dir():
        codings = project.codings
        if len(codings):
            counts = codings["coder"].astype(str).value_counts()
            coders = tuple(sorted(counts.index, key=lambda c: (-counts[c], c)))
    return ProjectContents(
        n_documents=len(documents), kinds=kinds, tables=tables, coders=coders, codes=codes
    )


def document_grouping(
    documents: pd.DataFrame, *, preferred: str | None = "respondent_category"
) -> tuple[str, str]:
    """The attribute that groups ``documents`` into cases, and a French sentence saying why.

    ``preferred`` when the documents have it; else the first attribute of their
    front matter (in column order) that every document fills and that some
    documents share; else the document itself (``doc_id``).

    Examples
    --------
    >>> docs = pd.DataFrame({"doc_id": ["A", "B", "C"], "kind": ["interview"] * 3,
    ...                      "site": ["Lons", "Lons", "Dole"], "scribe": ["X", None, None]})
    >>> document_grouping(docs)[0]
    'site'
    >>> document_grouping(docs.assign(respondent_category=["elected", None, "citizen"]))[0]
    'respondent_category'
    >>> attribute, why = document_grouping(docs[["doc_id", "kind"]])
    >>> attribute, "par document" in why
    ('doc_id', True)
    """
    if preferred and preferred in documents and documents[preferred].notna().any():
        return preferred, f"Les documents sont regroupés par leur attribut `{preferred}`."
    absent = (
        f"Les documents n'ont pas d'attribut `{preferred}` dans leur en-tête"
        if preferred
        else "Aucun attribut n'a été demandé"
    )
    for column in documents.columns:
        if column in _BOOKKEEPING or column == preferred:
            continue
        values = documents[column]
        if values.map(lambda v: isinstance(v, list | dict)).any():
            continue
        if len(values) and values.notna().all() and values.nunique() < len(values):
            return column, (
                f"{absent} : ils sont regroupés par leur attribut `{column}`, le premier "
                "que tous renseignent. Ajoutez l'attribut voulu à l'en-tête des documents "
                "pour choisir d'autres groupes."
            )
    return "doc_id", (
        f"{absent}, ni d'autre attribut que tous renseignent : les résultats sont "
        f"donnés par document. Un attribut commun dans l'en-tête des documents (par "
        f"exemple `respondent_category: elected`, voir `{FORMATS_DOC}`) permet de les regrouper."
    )


def missing_tables_message(
    missing: Sequence[str], *, purpose: str, then: str = "Le chapitre s'arrête ici."
) -> str:
    """A French Markdown paragraph: which tables ``purpose`` needs and where they are described.

    ``then`` says what the chapter does without them.

    Examples
    --------
    >>> print(missing_tables_message(["editions", "workshops"], purpose="Le bilan des éditions"))
    Le bilan des éditions a besoin des tables `editions`, `workshops` dans `corpus/tables/` (en CSV ou XLSX), que ce projet n'a pas ; leurs colonnes sont décrites dans `docs/formats.md`. Le chapitre s'arrête ici.
    """
    names = ", ".join(f"`{name}`" for name in missing)
    word = "des tables" if len(missing) > 1 else "de la table"
    return (
        f"{purpose} a besoin {word} {names} dans `corpus/tables/` (en CSV ou XLSX), que ce "
        f"projet n'a pas ; leurs colonnes sont décrites dans `{FORMATS_DOC}`. {then}"
    )


def coding_start_message(contents: ProjectContents) -> str:
    """A French Markdown paragraph explaining how to start coding this project.

    Examples
    --------
    >>> "research code text" in coding_start_message(ProjectContents(n_documents=2))
    True
    """
    steps = []
    if not contents.has_documents:
        steps.append("importez des documents (`research import FICHIERS --kind interview`)")
    if not contents.codes:
        steps.append("écrivez un livre de codes en YAML dans `codebook/` (voir `docs/formats.md`)")
    steps.append(
        'codez des passages : `research code text DOCUMENT "les mots du texte" CODE '
        "--coder VOTRE_NOM`, ou dans un notebook avec `research.CodingSession(projet, "
        '"VOTRE_NOM")` et sa méthode `code_text`'
    )
    return (
        "Ce projet n'a encore aucun codage dans `corpus/codings/`. Pour commencer : "
        + " ; puis ".join(steps)
        + ". Le chapitre s'arrête ici ; relancez-le avec `research run` une fois des "
        "passages codés."
    )


def speech_by_group(corpus: Corpus, actors: Actors | None = None) -> pd.DataFrame:
    """Turns and words of speech by group of speakers, the most words first.

    With ``actors`` (the registry), a group is the category of the actor each
    speaker stands for (``"non rattaché"`` for a speaker the registry does not
    know); without it, the speaker's label as written in the transcripts.

    Returns
    -------
    DataFrame
        Columns ``group``, ``turns``, ``words``; empty without any speaker.

    Examples
    --------
    >>> from research.corpus import Corpus
    >>> speakers = pd.DataFrame({"doc_id": ["A", "A", "B"], "speaker": ["Léa", "Tom", "Léa"],
    ...                          "actor": [None] * 3, "turns": [2, 1, 1], "words": [10, 30, 5]})
    >>> class Fake:  # only what the function reads of a corpus
    ...     def speakers(self):
    ...         return speakers
    >>> speech_by_group(Fake()).to_dict("records")
    [{'group': 'Tom', 'turns': 1, 'words': 30}, {'group': 'Léa', 'turns': 3, 'words': 15}]
    """
    speakers = corpus.speakers()
    if actors is not None:
        groups = actors.category_of(speakers["actor"], missing="non rattaché")
    else:
        groups = speakers["speaker"]
    table = (
        speakers.assign(group=list(groups))
        .groupby("group", as_index=False)[["turns", "words"]]
        .sum()
    )
    return table.sort_values(["words", "group"], ascending=[False, True]).reset_index(drop=True)


def interviewer_of(project: Project) -> tuple[tuple[str, ...] | None, tuple[str, ...]]:
    """Who the interviewer of ``project`` is, for the analyses that leave their words out.

    Returns the speaker labels its lexicon names (``interviewer:`` in
    ``codebook/lexicon.yaml``; ``None``: the usual labels, see
    :data:`research.lexicometry.INTERVIEWER_LABELS`) and the actors of category
    ``researcher`` of its registry (none without a registry).
    """
    from research.nlp import read_lexicon

    labels = read_lexicon(project.paths.lexicon).interviewer
    actors: tuple[str, ...] = ()
    registry = project.tables.get("actors") if project.paths.tables.is_dir() else None
    if registry is not None and {"actor_id", "category"} <= set(registry.columns):
        actors = tuple(registry.loc[registry["category"] == "researcher", "actor_id"].astype(str))
    return labels, actors


def frequent_word(corpus: Corpus, *, min_letters: int = 6) -> str | None:
    """The most frequent word of at least ``min_letters`` letters in the corpus, lowercased.

    Ties go to the word met first. ``None`` for a corpus without such a word.

    Examples
    --------
    >>> class Fake:  # only what the function reads of a corpus
    ...     segments = pd.DataFrame({"text": ["Le marché du samedi", "Un marché couvert, samedi"]})
    >>> frequent_word(Fake())
    'marché'
    """
    counts: Counter[str] = Counter()
    pattern = re.compile(rf"[^\W\d_]{{{min_letters},}}")
    for text in corpus.segments.get("text", ()):
        counts.update(word.lower() for word in pattern.findall(str(text)))
    return counts.most_common(1)[0][0] if counts else None


def central_actor(measures: pd.DataFrame) -> str | None:
    """The node with the highest betweenness summed over the editions of ``measures``.

    An actor absent from an edition counts for nothing there, so the actor who
    is an intermediary edition after edition comes first.

    ``measures`` is :func:`research.network.node_measures` (index ``edition``,
    ``node``). ``None`` when it is empty.

    Examples
    --------
    >>> index = pd.MultiIndex.from_tuples([("E1", "A"), ("E1", "B"), ("E2", "B")],
    ...                                   names=["edition", "node"])
    >>> central_actor(pd.DataFrame({"betweenness": [0.9, 0.1, 0.9]}, index=index))
    'B'
    """
    if measures.empty:
        return None
    totals = measures.groupby(level="node", sort=False)["betweenness"].sum()
    return str(totals.sort_values(ascending=False, kind="stable").index[0])
