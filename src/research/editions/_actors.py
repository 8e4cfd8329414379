"""The actor registry: persons, organisations and non-human actants.

Actor-network theory treats humans and non-humans symmetrically as *actants*
(Callon 1986; Latour 2005): a canvas, a charter or a funding call can be enrolled
in a network as much as a mayor. The registry (``corpus/tables/actors.csv``) gives
each of them a stable ``actor_id``, a pseudonymous ``label``, a ``kind``
(``person``, ``organisation``, ``artefact``) and a ``category``; documents and
tables refer to actors by id, and :meth:`Actors.resolve` finds the id behind a
name as it is written in a text.

References
----------
.. [1] Callon, M. (1986). Some elements of a sociology of translation:
   domestication of the scallops and the fishermen of St Brieuc Bay. In J. Law
   (Ed.), *Power, Action and Belief* (pp. 196-233). Routledge.
.. [2] Latour, B. (2005). *Reassembling the Social: An Introduction to
   Actor-Network-Theory*. Oxford University Press.

Examples
--------
>>> import pandas as pd
>>> actors = Actors(pd.DataFrame({
...     "actor_id": ["P10", "A01"],
...     "label": ["Élodie Fournier", "Business Model Canvas"],
...     "kind": ["person", "artefact"],
...     "category": ["project_holder", "tool"],
...     "aliases": [["Élodie"], ["le BMC"]],
... }))
>>> actors.resolve("elodie"), actors.label("A01")
('P10', 'Business Model Canvas')
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterator
from os import PathLike
from pathlib import Path

import pandas as pd

from research.contracts import require_columns
from research.editions._reading import read_table
from research.editions._schemas import ACTOR_CATEGORIES, ACTOR_KINDS, SCHEMAS
from research.errors import InputError, SchemaError, ValidationFailed

__all__ = ["Actors", "normalise_name"]

_APOSTROPHES = str.maketrans({"’": "'", "ʼ": "'", "‘": "'", "-": " ", "‐": " ", "–": " "})
_WHITESPACE = re.compile(r"\s+")


def normalise_name(name: str) -> str:
    """The form of a name used for matching: no accents, no case, one kind of apostrophe.

    Hyphens count as spaces and runs of white space (no-break spaces included)
    become one space.

    Examples
    --------
    >>> normalise_name("  Hélène\u00a0CUENOT ")
    'helene cuenot'
    >>> normalise_name("Pierre-Yves") == normalise_name("pierre yves")
    True
    >>> normalise_name("l’Adie")
    "l'adie"
    """
    decomposed = unicodedata.normalize("NFKD", name.translate(_APOSTROPHES))
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _WHITESPACE.sub(" ", bare).strip().casefold()


def _as_list(value: object) -> list[str]:
    if isinstance(value, list | tuple):
        return [str(v) for v in value]
    if isinstance(value, str) and value.strip():
        return [v.strip() for v in value.split(";") if v.strip()]
    return []


_KIND_NAMES = {"person": "personnes", "organisation": "organisations", "artefact": "artefacts"}


class Actors:
    """The actor registry, with look-ups by id, label and alias.

    Parameters
    ----------
    frame : pandas.DataFrame
        The ``actors`` table (columns ``actor_id``, ``label``, ``kind``,
        ``category``; optional ``organisation``, ``aliases`` as lists or
        ``;``-separated text, ``description``). It is copied, never modified.

    Raises
    ------
    SchemaError
        When a required column is missing or an ``actor_id`` appears twice.

    Examples
    --------
    >>> import pandas as pd
    >>> actors = Actors(pd.DataFrame({
    ...     "actor_id": ["P01", "O04", "O09"],
    ...     "label": ["Claire Vautrin", "BGE", "Adie"],
    ...     "kind": ["person", "organisation", "organisation"],
    ...     "category": ["cluster_staff", "support_org", "support_org"],
    ... }))
    >>> len(actors), "O04" in actors
    (3, True)
    >>> list(actors.of_category("support_org")["actor_id"])
    ['O04', 'O09']
    """

    def __init__(self, frame: pd.DataFrame) -> None:
        required = [c.name for c in SCHEMAS["actors"].columns if c.required]
        require_columns(frame, required, table="actors")
        data = frame.copy()
        for name in ("organisation", "description"):
            if name not in data:
                data[name] = None
        aliases = data["aliases"] if "aliases" in data else [None] * len(data)
        data["aliases"] = [_as_list(v) for v in aliases]
        duplicated = data["actor_id"][data["actor_id"].duplicated()]
        if len(duplicated):
            raise SchemaError(f"actor_id {duplicated.iloc[0]!r} appears twice in the actors table",
                              column="actor_id", hint="give every actor its own id")  # fmt: skip
        self._frame = data
        self._labels = dict(zip(data["actor_id"], data["label"], strict=True))
        self._names = self._name_index(data)

    @staticmethod
    def _name_index(data: pd.DataFrame) -> dict[str, set[str]]:
        index: dict[str, set[str]] = {}
        for actor_id, label, aliases in zip(
            data["actor_id"], data["label"], data["aliases"], strict=True
        ):
            for name in (actor_id, label, *aliases):
                if isinstance(name, str) and name.strip():
                    index.setdefault(normalise_name(name), set()).add(actor_id)
        return index

    @classmethod
    def from_folder(cls, folder: str | PathLike) -> Actors:
        """Read ``actors.csv`` (or ``actors.xlsx``) from a tables folder.

        Raises
        ------
        InputError
            When the folder has no actors table.
        ValidationFailed
            When the table has errors (every problem is listed).

        Examples
        --------
        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "actors.csv").write_text(
        ...     "actor_id,label,kind,category,aliases\\nO09,Adie,organisation,support_org,l'Adie\\n",
        ...     encoding="utf-8")
        >>> Actors.from_folder(folder).resolve("l’ADIE")
        'O09'
        """
        folder = Path(folder)
        files = [folder / n for n in ("actors.csv", "actors.xlsx") if (folder / n).is_file()]
        if not files:
            raise InputError("no actors table in this folder", path=folder,
                             hint="create actors.csv with the columns actor_id,label,kind,category")  # fmt: skip
        frame, problems = read_table(files[0], SCHEMAS["actors"])
        if any(p.severity == "error" for p in problems):
            raise ValidationFailed(problems)
        return cls(frame)

    @property
    def frame(self) -> pd.DataFrame:
        """A copy of the registry as a frame."""
        return self._frame.copy()

    def __len__(self) -> int:
        return len(self._frame)

    def __contains__(self, actor_id: object) -> bool:
        return actor_id in self._labels

    def __iter__(self) -> Iterator[str]:
        return iter(self._labels)

    def __repr__(self) -> str:
        counts = self._frame["kind"].value_counts()
        parts = ", ".join(f"{counts.get(k, 0)} {k}s" for k in ACTOR_KINDS)
        return f"<Actors: {len(self)} actors ({parts})>"

    def label(self, actor_id: str) -> str:
        """The label (pseudonym) of an actor.

        Raises
        ------
        InputError
            When ``actor_id`` is not in the registry.

        Examples
        --------
        >>> import pandas as pd
        >>> Actors(pd.DataFrame({"actor_id": ["O21"], "label": ["Commune de Revigny"],
        ...        "kind": ["organisation"], "category": ["public_body"]})).label("O21")
        'Commune de Revigny'
        """
        try:
            return self._labels[actor_id]
        except KeyError:
            raise InputError(f"unknown actor_id {actor_id!r}", column="actor_id",
                             hint=f"add it to actors.csv{self._suggest(actor_id)}") from None  # fmt: skip

    def _suggest(self, name: str) -> str:
        known = list(self._names)
        close = difflib.get_close_matches(normalise_name(name), known, n=3, cutoff=0.6)
        ids = sorted({i for c in close for i in self._names[c]})
        return f"; close: {', '.join(f'{i} {self._labels[i]}' for i in ids)}" if ids else ""

    def resolve(self, name: str) -> str:
        """The actor_id of an id, label or alias, ignoring accents, case and apostrophes.

        Raises
        ------
        InputError
            When no actor matches (close names are suggested) or when several do
            (every candidate is listed).

        Examples
        --------
        >>> import pandas as pd
        >>> actors = Actors(pd.DataFrame({
        ...     "actor_id": ["P13", "P08", "C0001"],
        ...     "label": ["Pierre-Yves Grappe", "Aurélie Mathiot", "Aurélie T."],
        ...     "kind": ["person"] * 3, "category": ["project_holder", "facilitator", "citizen"],
        ...     "aliases": ["Pierre-Yves;P.-Y.", "Aurélie", "Aurélie"]}))
        >>> actors.resolve("pierre yves grappe"), actors.resolve("p13")
        ('P13', 'P13')
        >>> actors.resolve("Aurelie")
        Traceback (most recent call last):
        ...
        research.errors.InputError: 'Aurelie' matches 2 actors: C0001 (Aurélie T.), P08 (Aurélie Mathiot) (hint: write the actor_id or the full label)
        """
        ids = self._names.get(normalise_name(name), set())
        if len(ids) == 1:
            return next(iter(ids))
        if not ids:
            raise InputError(f"no actor is called {name!r}",
                             hint=f"add it to actors.csv as a label or an alias{self._suggest(name)}")  # fmt: skip
        listed = ", ".join(f"{i} ({self._labels[i]})" for i in sorted(ids))
        raise InputError(f"{name!r} matches {len(ids)} actors: {listed}",
                         hint="write the actor_id or the full label")  # fmt: skip

    def of_kind(self, *kinds: str) -> pd.DataFrame:
        """The actors of the given kinds (``person``, ``organisation``, ``artefact``).

        Examples
        --------
        >>> import pandas as pd
        >>> actors = Actors(pd.DataFrame({"actor_id": ["A01", "P01"], "label": ["BMC", "Claire"],
        ...     "kind": ["artefact", "person"], "category": ["tool", "cluster_staff"]}))
        >>> list(actors.of_kind("artefact")["label"])
        ['BMC']
        """
        self._check_values(kinds, ACTOR_KINDS, "kind")
        return self._frame[self._frame["kind"].isin(kinds)].copy()

    def of_category(self, *categories: str) -> pd.DataFrame:
        """The actors of the given categories (see ``ACTOR_CATEGORIES``).

        Examples
        --------
        >>> import pandas as pd
        >>> actors = Actors(pd.DataFrame({"actor_id": ["P05", "O03"], "label": ["Bernard", "ECLA"],
        ...     "kind": ["person", "organisation"], "category": ["elected", "public_body"]}))
        >>> list(actors.of_category("elected", "public_body")["actor_id"])
        ['P05', 'O03']
        """
        allowed = tuple(dict.fromkeys(c for cats in ACTOR_CATEGORIES.values() for c in cats))
        self._check_values(categories, allowed, "category")
        return self._frame[self._frame["category"].isin(categories)].copy()

    def category_of(self, actor_ids: pd.Series, *, missing: str = "non renseignée") -> pd.Series:
        """The category of each actor of ``actor_ids``, on the same index.

        Ids that are missing or not in the registry (a speaker not linked to an
        actor) get ``missing``.

        Examples
        --------
        >>> import pandas as pd
        >>> actors = Actors(pd.DataFrame({"actor_id": ["P05", "O03"], "label": ["Bernard", "ECLA"],
        ...     "kind": ["person", "organisation"], "category": ["elected", "public_body"]}))
        >>> actors.category_of(pd.Series(["O03", None, "P99"]), missing="non rattaché").tolist()
        ['public_body', 'non rattaché', 'non rattaché']
        """
        categories = self._frame.set_index("actor_id")["category"]
        found = pd.Series(actor_ids, copy=True).map(categories)
        return found.where(found.notna(), missing).rename("category")

    @staticmethod
    def _check_values(values: tuple[str, ...], allowed: tuple[str, ...], what: str) -> None:
        for value in values:
            if value not in allowed:
                raise InputError(f"{value!r} is not an actor {what}",
                                 hint=f"use one of: {', '.join(allowed)}")  # fmt: skip

    def _repr_html_(self) -> str:
        from research.pages import render_snippet, table_context

        table = self._frame.groupby(["kind", "category"]).size().rename("actors").to_frame()
        counts = self._frame["kind"].value_counts()
        kinds = ", ".join(f"{counts.get(k, 0)} {_KIND_NAMES.get(k, k)}" for k in ACTOR_KINDS)
        return render_snippet(
            "table.html",
            heading="Registre des acteurs",
            lead=f"{len(self)} acteurs ({kinds})",
            data=table_context(
                table,
                index=True,
                headers={"kind": "nature", "category": "catégorie", "actors": "acteurs"},
            ),
        )
