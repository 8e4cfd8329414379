"""Start-Up de Territoire editions: workshops, who came, and what became of the ideas.

:class:`Editions` holds the four edition tables (``editions``, ``workshops``,
``participations``, ``projects``; see ``docs/formats.md``) and answers the
questions a researcher asks of them: how many ideas climbed each step of the
project ladder (:meth:`Editions.funnel`), who came for the first time and who
came back (:meth:`Editions.participants`), who sat in each workshop
(:meth:`Editions.workshop_composition`) and what each edition produced
(:meth:`Editions.summary`). Every method returns a new frame; the tables held by
the object are copies and are never modified.

The project ladder
------------------
``idea`` < ``working_group`` < ``prototype`` < ``launched`` < ``enterprise``. A
project at a later stage has passed the earlier ones, so the funnel counts, for
each stage, the projects that reached *at least* that stage. ``abandoned`` is off
the ladder: an abandoned project is counted apart, in the ``abandoned`` column;
with ``abandoned="reached"`` it is also counted on the ladder up to the stage it
had reached (column ``abandoned_at`` of the projects table; ``idea`` when empty).

Examples
--------
>>> import pandas as pd
>>> editions = Editions(
...     editions=pd.DataFrame({"edition_id": ["E1"], "year": [2016], "date": ["2016-11-17"]}),
...     workshops=pd.DataFrame({"workshop_id": ["W1", "W2"], "edition_id": ["E1", "E1"],
...                             "theme": ["food", "mobility"],
...                             "type": ["holder_with_idea", "problem_no_holder"],
...                             "holder_present": [True, False]}),
...     participations=pd.DataFrame({"actor_id": ["P1", "P2", "P3"],
...                                  "workshop_id": ["W1", "W1", "W2"],
...                                  "role": ["holder", "participant", "participant"]}),
...     projects=pd.DataFrame({"project_id": ["R1", "R2", "R3"], "edition_id": ["E1"] * 3,
...                            "workshop_id": ["W1", "W2", "W2"], "title": ["a", "b", "c"],
...                            "stage": ["enterprise", "idea", "abandoned"]}))
>>> editions.funnel()[["projects", "idea", "working_group", "enterprise", "abandoned"]]
            projects  idea  working_group  enterprise  abandoned
edition_id
E1                 3     2              1           1          1
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from os import PathLike
from typing import Literal

import pandas as pd

from research.contracts import require_columns
from research.editions._actors import Actors
from research.editions._loading import load_tables
from research.editions._reading import empty_table
from research.editions._schemas import ACTOR_CATEGORIES, LADDER, SCHEMAS
from research.errors import InputError
from research.vocabulary import COLUMN_LABELS

__all__ = [
    "Editions",
    "editions_in_order",
]

EDITION_TABLES = ("editions", "workshops", "participations", "projects")
_CATEGORY_ORDER = list(dict.fromkeys(c for cats in ACTOR_CATEGORIES.values() for c in cats))


def editions_in_order(editions: pd.DataFrame) -> list[str]:
    """Edition ids in time order: by date, then by id.

    An edition's date is its ``date``, or, when that cell is empty or not a date,
    1 January of its ``year``; editions with neither come last. Editions on the
    same date are ordered by id. The order never depends on how the ids sort:
    ``SUT-B`` held in 2016 comes before ``SUT-A`` held in 2019. :class:`Editions`
    and :mod:`research.network` both order editions with this function.

    Examples
    --------
    >>> import pandas as pd
    >>> editions = pd.DataFrame({"edition_id": ["SUT-A", "SUT-B", "SUT-C", "SUT-D"],
    ...                          "date": ["2019-11-21", "2016-11-17", None, None],
    ...                          "year": [2019, 2016, 2017, None]})
    >>> editions_in_order(editions)
    ['SUT-B', 'SUT-C', 'SUT-A', 'SUT-D']
    """
    require_columns(editions, ["edition_id"], table="editions")
    missing = pd.Series(None, index=editions.index, dtype=object)
    dates = pd.to_datetime(editions.get("date", missing).astype(object), errors="coerce")
    years = pd.to_numeric(editions.get("year", missing).astype(object), errors="coerce")
    starts = pd.to_datetime(
        years.map(lambda y: None if pd.isna(y) else f"{int(y):04d}-01-01"), errors="coerce"
    )
    frame = pd.DataFrame({"edition_id": editions["edition_id"].astype(str).to_numpy()})
    frame["when"] = dates.where(dates.notna(), starts).to_numpy()
    frame = frame.sort_values(["when", "edition_id"], na_position="last", kind="stable")
    return list(dict.fromkeys(frame["edition_id"]))


def _conform(frame: pd.DataFrame | None, name: str) -> pd.DataFrame:
    """A copy of ``frame`` with every column of the schema (absent optional ones empty)."""
    schema = SCHEMAS[name]
    if frame is None:
        return empty_table(schema)
    require_columns(frame, [c.name for c in schema.columns if c.required], table=name)
    data = frame.copy()
    for col in schema.columns:
        if col.name not in data.columns:
            data[col.name] = [[] for _ in range(len(data))] if col.dtype == "list" else None
    return data


class Editions:
    """The edition tables of a project, with the analyses made on them.

    Parameters
    ----------
    editions, workshops, participations, projects : pandas.DataFrame
        The four edition tables; columns as in ``docs/formats.md``. Absent optional
        columns are added empty. The frames are copied.
    actors : Actors or pandas.DataFrame, optional
        The actor registry; needed to count persons by category and to leave
        organisations and artefacts out of head counts.

    Raises
    ------
    SchemaError
        When a table lacks a required column.

    See Also
    --------
    research.editions.load_tables : reads and validates the tables of a folder.
    """

    def __init__(
        self,
        editions: pd.DataFrame | None = None,
        workshops: pd.DataFrame | None = None,
        participations: pd.DataFrame | None = None,
        projects: pd.DataFrame | None = None,
        *,
        actors: Actors | pd.DataFrame | None = None,
    ) -> None:
        self._tables = {
            name: _conform(frame, name)
            for name, frame in zip(
                EDITION_TABLES, (editions, workshops, participations, projects), strict=True
            )
        }
        self._actors = Actors(actors) if isinstance(actors, pd.DataFrame) else actors
        self._order = editions_in_order(self._tables["editions"])

    @classmethod
    def from_tables(cls, tables: Mapping[str, pd.DataFrame]) -> Editions:
        """Build from a mapping of table name to frame (as returned by ``load_tables``).

        Tables absent from the mapping are empty; an ``actors`` frame is used when present.

        Examples
        --------
        >>> import pandas as pd
        >>> editions = pd.DataFrame({"edition_id": ["SUT2016"], "year": [2016],
        ...                          "date": ["2016-11-17"], "participants": [310]})
        >>> Editions.from_tables({"editions": editions})
        <Editions: 1 editions, 0 workshops, 0 participations, 0 projects>
        """
        return cls(*(tables.get(name) for name in EDITION_TABLES), actors=tables.get("actors"))

    @classmethod
    def from_folder(cls, folder: str | PathLike) -> Editions:
        """Read, validate (strictly) and wrap the tables of a folder.

        Raises
        ------
        research.errors.ValidationFailed
            When any table has an error; every problem is listed.

        Examples
        --------
        >>> import pathlib, tempfile
        >>> folder = pathlib.Path(tempfile.mkdtemp())
        >>> _ = (folder / "editions.csv").write_text(
        ...     "edition_id,year,date,participants\\nSUT2017,2017,2017-11-23,350\\n")
        >>> Editions.from_folder(folder).attendance()["announced"].tolist()
        [350]
        """
        tables, _ = load_tables(folder, strict=True)
        return cls.from_tables(tables)

    # -- the tables --------------------------------------------------------------

    @property
    def editions(self) -> pd.DataFrame:
        """A copy of the editions table."""
        return self._tables["editions"].copy()

    @property
    def workshops(self) -> pd.DataFrame:
        """A copy of the workshops table."""
        return self._tables["workshops"].copy()

    @property
    def participations(self) -> pd.DataFrame:
        """A copy of the participations table."""
        return self._tables["participations"].copy()

    @property
    def projects(self) -> pd.DataFrame:
        """A copy of the projects table."""
        return self._tables["projects"].copy()

    @property
    def actors(self) -> Actors | None:
        """The actor registry, when one was given."""
        return self._actors

    def __repr__(self) -> str:
        sizes = ", ".join(f"{len(self._tables[n])} {n}" for n in EDITION_TABLES)
        return f"<Editions: {sizes}>"

    # -- helpers -----------------------------------------------------------------

    def _with_edition(self) -> pd.DataFrame:
        """Participations of persons with the edition of their workshop."""
        parts = self._tables["participations"][["actor_id", "workshop_id", "role"]]
        workshops = self._tables["workshops"][["workshop_id", "edition_id"]]
        merged = parts.merge(workshops, on="workshop_id", how="inner")
        if self._actors is not None:
            persons = set(self._actors.of_kind("person")["actor_id"])
            merged = merged[merged["actor_id"].isin(persons)]
        rank = {e: i for i, e in enumerate(self._order)}
        return merged.assign(edition_rank=merged["edition_id"].map(rank)).reset_index(drop=True)

    def _projects_with_workshops(self) -> pd.DataFrame:
        workshops = self._tables["workshops"][["workshop_id", "type", "holder_present"]]
        workshops = workshops.rename(columns={"type": "workshop_type"})
        return self._tables["projects"].merge(workshops, on="workshop_id", how="left")

    # -- analyses ----------------------------------------------------------------

    def funnel(
        self,
        *,
        by: str | Sequence[str] | None = "edition_id",
        abandoned: Literal["apart", "reached"] = "apart",
        normalize: bool = False,
    ) -> pd.DataFrame:
        """Count the projects that reached at least each stage of the ladder.

        Parameters
        ----------
        by : str, list of str or None
            Grouping columns: any column of the projects table, or
            ``workshop_type`` and ``holder_present`` (from the project's workshop).
            ``None`` gives one row, ``all``.
        abandoned : {"apart", "reached"}
            ``"apart"``: abandoned projects are only in the ``abandoned`` column.
            ``"reached"``: they are also counted on the ladder up to their
            ``abandoned_at`` stage (``idea`` when unknown).
        normalize : bool
            Give the stage columns and ``abandoned`` as shares of ``projects``.

        Returns
        -------
        pandas.DataFrame
            One row per group; columns ``projects``, the five ladder stages, and
            ``abandoned``. By edition, every edition has a row, in date order.

        Examples
        --------
        >>> import pandas as pd
        >>> e = Editions(projects=pd.DataFrame({
        ...     "project_id": ["R1", "R2", "R3"], "edition_id": ["E1"] * 3,
        ...     "title": ["a", "b", "c"], "stage": ["launched", "abandoned", "idea"],
        ...     "abandoned_at": [None, "prototype", None]}))
        >>> e.funnel(by=None, abandoned="reached")[["idea", "working_group", "prototype", "launched"]]
             idea  working_group  prototype  launched
        all     3              2          2         1
        """
        if abandoned not in ("apart", "reached"):
            raise InputError(f"abandoned={abandoned!r} is not an option",
                             hint="use 'apart' or 'reached'")  # fmt: skip
        frame = self._projects_with_workshops()
        keys = [] if by is None else [by] if isinstance(by, str) else list(by)
        for key in keys:
            if key not in frame.columns:
                raise InputError(f"cannot group projects by {key!r}",
                                 hint=f"use one of: {', '.join(frame.columns)}")  # fmt: skip
        rank = frame["stage"].map({s: i for i, s in enumerate(LADDER)})
        if abandoned == "reached":
            reached = frame["abandoned_at"].map({s: i for i, s in enumerate(LADDER)}).fillna(0)
            rank = rank.where(frame["stage"] != "abandoned", reached)
        counts = pd.DataFrame({"projects": 1}, index=frame.index)
        for i, stage in enumerate(LADDER):
            counts[stage] = (rank >= i).astype(int)
        counts["abandoned"] = (frame["stage"] == "abandoned").astype(int)
        if keys:
            result = counts.groupby([frame[k] for k in keys], dropna=False, sort=True).sum()
        else:
            result = counts.sum().to_frame("all").T
        if keys == ["edition_id"]:
            extra = [e for e in result.index if e not in self._order]
            result = result.reindex(self._order + extra, fill_value=0)
            result.index.name = "edition_id"
        if normalize:
            shares = result.drop(columns="projects").div(
                result["projects"].where(result["projects"] > 0), axis=0
            )
            result = pd.concat([result[["projects"]], shares], axis=1)
        return result

    def participants(self, edition: str | None = None) -> pd.DataFrame:
        """Persons who came to each edition, marking first-timers and those coming back.

        Parameters
        ----------
        edition : str, optional
            Keep one edition (``edition_id``); all by default.

        Returns
        -------
        pandas.DataFrame
            One row per person and edition: ``edition_id``, ``actor_id``,
            ``workshops`` (list), ``role`` (``;``-joined when several),
            ``first_edition``, ``returning`` (came to an earlier edition) and
            ``n_editions`` (over all editions). With a registry, only persons count.

        Examples
        --------
        >>> import pandas as pd
        >>> e = Editions(
        ...     editions=pd.DataFrame({"edition_id": ["E2", "E1"], "year": [2017, 2016],
        ...                            "date": ["2017-11-23", "2016-11-17"]}),
        ...     workshops=pd.DataFrame({"workshop_id": ["W1", "W2"], "edition_id": ["E1", "E2"],
        ...                             "theme": ["food"] * 2, "type": ["holder_with_idea"] * 2,
        ...                             "holder_present": [True, True]}),
        ...     participations=pd.DataFrame({"actor_id": ["P1", "P1", "P2"],
        ...                                  "workshop_id": ["W1", "W2", "W2"],
        ...                                  "role": ["participant", "holder", "participant"]}))
        >>> e.participants("E2")[["actor_id", "role", "returning", "n_editions"]]
          actor_id         role  returning  n_editions
        0       P1       holder       True           2
        1       P2  participant      False           1
        """
        if edition is not None and edition not in self._order:
            raise InputError(f"unknown edition {edition!r}",
                             hint=f"use one of: {', '.join(self._order)}")  # fmt: skip
        parts = self._with_edition()
        grouped = parts.groupby(["edition_rank", "edition_id", "actor_id"], sort=True).agg(
            workshops=("workshop_id", list),
            role=("role", lambda roles: ";".join(dict.fromkeys(roles))),
        )
        result = grouped.reset_index()
        first = result.groupby("actor_id")["edition_rank"].transform("min")
        result["first_edition"] = [self._order[int(i)] for i in first]
        result["returning"] = result["edition_rank"] > first
        result["n_editions"] = result.groupby("actor_id")["edition_id"].transform("nunique")
        result = result.drop(columns="edition_rank")
        if edition is not None:
            result = result[result["edition_id"] == edition].reset_index(drop=True)
        return result

    def attendance(self) -> pd.DataFrame:
        """Head counts per edition: announced, recorded, first-time and returning persons.

        ``not_recorded`` is the announced head count minus the persons named in
        the participations (people who came to the forum or the restitution only,
        or did not sign a workshop sheet).

        Examples
        --------
        >>> import pandas as pd
        >>> e = Editions(editions=pd.DataFrame({"edition_id": ["E1"], "year": [2016],
        ...                                     "date": ["2016-11-17"], "participants": [300]}))
        >>> e.attendance().loc["E1", ["announced", "persons", "not_recorded"]].tolist()
        [300, 0, 300]
        """
        people = self.participants()
        grouped = people.groupby("edition_id")
        editions = self._tables["editions"].set_index("edition_id")
        result = pd.DataFrame(index=pd.Index(self._order, name="edition_id"))
        result["date"] = editions["date"]
        result["announced"] = editions["participants"].astype("Int64")
        result["persons"] = grouped.size().reindex(self._order, fill_value=0)
        result["first_time"] = grouped["returning"].apply(lambda r: int((~r).sum()))
        result["returning"] = grouped["returning"].sum().astype(int)
        result[["first_time", "returning"]] = (
            result[["first_time", "returning"]].fillna(0).astype(int)
        )
        result["not_recorded"] = result["announced"] - result["persons"]
        return result

    def workshop_composition(self, *, by: Literal["category", "role"] = "category") -> pd.DataFrame:
        """Who sat in each workshop: counts by actor category (or role), holder presence.

        Parameters
        ----------
        by : {"category", "role"}
            Count participants by their registry ``category`` (needs the actor
            registry; unknown actors count as ``unknown``) or by their ``role``.

        Returns
        -------
        pandas.DataFrame
            One row per workshop: ``workshop_id``, ``edition_id``, ``theme``,
            ``type``, ``holder_present``, ``holder_in_room`` (the named holder has a
            participation in the workshop), ``n_participants``, then one count
            column per category or role met.

        Examples
        --------
        >>> import pandas as pd
        >>> e = Editions(
        ...     workshops=pd.DataFrame({"workshop_id": ["W1"], "edition_id": ["E1"],
        ...         "theme": ["food"], "type": ["holder_with_idea"], "holder_present": [True],
        ...         "holder": ["P1"]}),
        ...     participations=pd.DataFrame({"actor_id": ["P1", "P2", "P3"],
        ...         "workshop_id": ["W1"] * 3, "role": ["holder", "participant", "participant"]}))
        >>> e.workshop_composition(by="role")[["holder_in_room", "n_participants", "holder", "participant"]]
           holder_in_room  n_participants  holder  participant
        0            True               3       1            2
        """
        if by not in ("category", "role"):
            raise InputError(f"by={by!r} is not an option", hint="use 'category' or 'role'")
        parts = self._tables["participations"][["actor_id", "workshop_id", "role"]].copy()
        if by == "category":
            if self._actors is None:
                raise InputError("counting by category needs the actor registry",
                                 hint="pass actors=... or use by='role'")  # fmt: skip
            category = self._actors.frame.set_index("actor_id")["category"]
            parts["category"] = parts["actor_id"].map(category).fillna("unknown")
        counts = pd.crosstab(parts["workshop_id"], parts[by])
        order = (
            [*_CATEGORY_ORDER, "unknown"]
            if by == "category"
            else list(SCHEMAS["participations"].column("role").allowed or ())
        )
        counts = counts[
            [c for c in order if c in counts.columns]
            + [c for c in counts.columns if c not in order]
        ]
        counts.columns.name = None
        present = set(zip(parts["workshop_id"], parts["actor_id"], strict=True))
        workshops = self._tables["workshops"]
        result = workshops[
            ["workshop_id", "edition_id", "theme", "type", "holder_present"]
        ].reset_index(drop=True)
        result["holder_in_room"] = [
            isinstance(h, str) and (w, h) in present
            for w, h in zip(workshops["workshop_id"], workshops["holder"], strict=True)
        ]
        sizes = parts.groupby("workshop_id").size()
        result["n_participants"] = result["workshop_id"].map(sizes).fillna(0).astype(int)
        result = result.merge(counts, left_on="workshop_id", right_index=True, how="left")
        result[list(counts.columns)] = result[list(counts.columns)].fillna(0).astype(int)
        return result

    def summary(self) -> pd.DataFrame:
        """One row per edition: workshops, head counts, projects, started projects, jobs.

        ``started`` counts projects at ``launched`` or ``enterprise``; ``jobs``
        sums the jobs of the edition's projects.

        Examples
        --------
        >>> import pandas as pd
        >>> e = Editions(
        ...     editions=pd.DataFrame({"edition_id": ["E1"], "year": [2016], "date": ["2016-11-17"]}),
        ...     projects=pd.DataFrame({"project_id": ["R1", "R2"], "edition_id": ["E1"] * 2,
        ...         "title": ["a", "b"], "stage": ["launched", "idea"], "jobs": [2, None]}))
        >>> e.summary().loc["E1", ["projects", "started", "jobs"]].tolist()
        [2, 1, 2]
        """
        attendance = self.attendance()
        workshops = self._tables["workshops"].groupby("edition_id")
        projects = self._tables["projects"]
        by_edition = projects.groupby("edition_id")
        result = attendance[["date", "announced", "persons", "returning"]].copy()
        result.insert(1, "workshops", workshops.size().reindex(self._order, fill_value=0))
        table = self._tables["workshops"]
        flags = table["holder_present"].astype("boolean").fillna(False).astype(int)
        holder = flags.groupby(table["edition_id"]).sum()
        result.insert(2, "holder_workshops", holder.reindex(self._order, fill_value=0).astype(int))
        result["projects"] = by_edition.size().reindex(self._order, fill_value=0)
        started = (
            projects["stage"].isin(["launched", "enterprise"]).groupby(projects["edition_id"]).sum()
        )
        result["started"] = started.reindex(self._order, fill_value=0).astype(int)
        abandoned = (projects["stage"] == "abandoned").groupby(projects["edition_id"]).sum()
        result["abandoned"] = abandoned.reindex(self._order, fill_value=0).astype(int)
        jobs = (
            pd.to_numeric(projects["jobs"], errors="coerce")
            .fillna(0)
            .groupby(projects["edition_id"])
            .sum()
        )
        result["jobs"] = jobs.reindex(self._order, fill_value=0).astype(int)
        return result

    def _repr_html_(self) -> str:
        from research.pages import render_snippet, table_context

        n_persons = self._with_edition()["actor_id"].nunique()
        projects = self._tables["projects"]
        started = int(projects["stage"].isin(["launched", "enterprise"]).sum())
        notes = (
            []
            if self._actors is not None
            else ["Pas de registre des acteurs : les effectifs comptent tous les acteurs."]
        )
        return render_snippet(
            "table.html",
            heading=f"{len(self._order)} éditions",
            lead=f"{len(self._tables['workshops'])} ateliers, {n_persons} personnes nommées, "
            f"{len(projects)} projets dont {started} lancés.",
            data=table_context(self.summary(), index=True, headers=COLUMN_LABELS),
            notes=notes,
        )
