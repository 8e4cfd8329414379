"""Coding helpers in a session: dictionaries applied, suggestions made and reviewed.

The methods of :class:`research.coding.CodingSession` that call
:mod:`research.autocode` and :mod:`research.suggest` live here. Nothing enters a
coder's file without a person's decision: a dictionary is applied by the coder
who runs it (after a dry run to review its matches), a suggestion only when
accepted. Accepted suggestions and applied rules are codings of the session's
coder, added to the session like any other and written by
:meth:`~research.coding.CodingSession.save` (atomic, under the coder's lock),
each with a memo naming the model or the rule. A rejection is written at once
to the coder's file of decisions (``suggestions-<coder>-decisions.csv``, not a coder file),
under the same lock, so that it is never suggested again.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pandas as pd

from research.coding._lock import coder_lock
from research.errors import CodingError, InputError

if TYPE_CHECKING:
    from research.autocode import Dictionary
    from research.suggest import SuggestionModel

#: A :class:`research.coding.CodingSession` (not imported: the session imports this module).
CodingSession = Any

__all__ = [
    "accept_suggestions",
    "apply_dictionary",
    "reject_suggestions",
    "review_suggestions",
    "session_tokens",
    "suggestion_model",
    "suggestions",
]


def session_tokens(session: CodingSession) -> pd.DataFrame:
    """The corpus's normalised tokens: the project's annotation cache and lexicon."""
    from research.nlp import annotate, normalise_tokens, read_lexicon

    project = session.project
    if project is None:
        return normalise_tokens(annotate(session.corpus))
    tokens = annotate(session.corpus, cache_dir=project.paths.cache / "nlp")
    return normalise_tokens(tokens, read_lexicon(project.paths.lexicon))


def _lexicon(session: CodingSession):
    from research.nlp import read_lexicon

    return read_lexicon(session.project.paths.lexicon) if session.project is not None else None


def _actors(session: CodingSession) -> pd.DataFrame | None:
    """The project's actor registry, if it has one."""
    from research.editions import load_tables

    project = session.project
    if project is None or not project.paths.tables.is_dir():
        return None
    tables, _ = load_tables(project.paths.tables, strict=False, options=project.loader_options)
    return tables.get("actors")


# -- dictionaries ------------------------------------------------------------------------


def _dictionary(session: CodingSession, dictionary: Dictionary | str | Path) -> Dictionary:
    from research.autocode import DICTIONARY_FOLDER, Dictionary, find_dictionary, read_dictionary

    if isinstance(dictionary, Dictionary):
        return dictionary
    folder = (
        session.codebook_folder / DICTIONARY_FOLDER
        if session.codebook_folder is not None
        else Path(DICTIONARY_FOLDER)
    )
    return read_dictionary(find_dictionary(folder, dictionary))


def _rule_memo(dictionary: Dictionary, rules: Iterable[str], matched: Iterable[str]) -> str:
    from research.suggest import HELPER_MEMOS

    names = ", ".join(dict.fromkeys(rules))
    words = ", ".join(
        f"« {w} »" for w in list(dict.fromkeys(" ".join(m.split()) for m in matched))[:3]
    )
    which = "règle" if "," not in names else "règles"
    return f"{HELPER_MEMOS[1]}dictionnaire {dictionary.name}, {which} {names} ({words})"


def apply_dictionary(
    session: CodingSession,
    dictionary: Dictionary | str | Path,
    *,
    dry_run: bool = False,
    tokens: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """Find a dictionary's matches and (unless ``dry_run``) code them in the session.

    Returns the review table of :func:`research.autocode.match_dictionary` with a
    column ``status``: ``new`` (coded now, or to be coded), ``already coded``
    (this coder already has that coding: never coded twice), ``excluded`` (an
    exclusion rule fired).
    """
    from research.autocode import match_dictionary

    found = _dictionary(session, dictionary)
    for code in found.codes:
        session._check_code(code)
    matches = match_dictionary(
        found,
        session.corpus,
        tokens if tokens is not None else session_tokens(session),
        actors=_actors(session) if any(r.categories for r in found.rules) else None,
        lexicon=_lexicon(session),
    )
    existing = {(r.doc_id, int(r.start), int(r.end), r.code)
                for r in session.codings.itertuples(index=False)}  # fmt: skip
    kept = matches["excluded_by"].eq("")
    keys = list(
        zip(matches["doc_id"], matches["start"], matches["end"], matches["code"], strict=True)
    )
    status = ["excluded" if not k else ("already coded" if key in existing else "new")
              for k, key in zip(kept, keys, strict=True)]  # fmt: skip
    matches = matches.assign(status=status)
    if dry_run:
        return matches
    new = matches[matches["status"] == "new"]
    for (doc_id, start, end, code), group in new.groupby(
        ["doc_id", "start", "end", "code"], sort=False
    ):
        memo = _rule_memo(found, group["rule"], group["matched"])
        session.code_span(doc_id, int(start), int(end), code, memo)
    return matches


# -- suggestions -------------------------------------------------------------------------


def _codebook_version(session: CodingSession) -> str | None:
    """The digest of the codebook files the session works with (first 12 digits)."""
    version = getattr(session, "_fingerprint", None)
    return version[:12] if version else None


def suggestion_model(
    session: CodingSession,
    codes: str | Iterable[str] | None = None,
    *,
    coder: str | None = None,
    documents: Iterable[str] | None = None,
    lemmas: bool = True,
    n_jobs: int = 1,
    **parameters: Any,
) -> SuggestionModel:
    """The suggestion model of a coder's codings (see :func:`research.suggest.train_suggestions`).

    The same request on the same codings gives the model trained before in this
    session, not a new one.
    """
    from research.suggest import SuggestionParameters, read_rejections, train_suggestions

    coder = coder or session.coder
    codings = session.codings if coder == session.coder else session.project.codings
    settings = SuggestionParameters(**parameters)
    rejected = read_rejections(session.folder, session.coder) if session.folder else None
    key = (
        coder,
        codes if isinstance(codes, str | type(None)) else tuple(codes),
        None if documents is None else tuple(sorted(documents)),
        lemmas,
        settings,
        len(codings),
        int(
            pd.util.hash_pandas_object(
                codings[["doc_id", "start", "end", "code"]], index=False
            ).sum()
        ),
        0 if rejected is None else len(rejected),
    )
    cache = session.__dict__.setdefault("_suggestion_models", {})
    if key not in cache:
        cache.clear()
        cache[key] = train_suggestions(
            session.corpus,
            codings,
            coder=coder,
            tokens=session_tokens(session) if lemmas else None,
            codes=codes,
            documents=documents,
            rejected=rejected,
            codebook=session.codebook,
            codebook_version=_codebook_version(session),
            parameters=settings,
            n_jobs=n_jobs,
        )
    return cache[key]


def suggestions(
    session: CodingSession,
    codes: str | Iterable[str] | None = None,
    *,
    order: str = "probability",
    limit: int | None = None,
    **options: Any,
) -> pd.DataFrame:
    """The uncoded segments most likely to carry each code, to review (see
    :meth:`research.suggest.SuggestionModel.suggest`); the cross-validated report
    and the provenance are in the table's ``attrs``."""
    from research.suggest import read_rejections

    model = suggestion_model(session, codes, **options)
    rejected = read_rejections(session.folder, session.coder) if session.folder else None
    table = model.suggest(order=order, limit=limit, rejected=rejected)
    table.attrs["report"] = model.report
    table.attrs["provenance"] = model.provenance
    return table


def _rows(rows: pd.DataFrame) -> pd.DataFrame:
    from research.contracts import require_columns

    require_columns(
        rows, ["doc_id", "start", "end", "code"], table="suggestions", error=CodingError
    )
    return rows


def _check_text(session: CodingSession, row: Any, number: Any) -> None:
    """Refuse a suggestion whose passage no longer reads as it did (the text was edited)."""
    quote = getattr(row, "quote", None)
    if not isinstance(quote, str) or not quote:
        return
    text = session.corpus.text(str(row.doc_id))[int(row.start) : int(row.end)]
    if text != quote and not (quote.startswith("'") and text == quote[1:]):  # csv_text's '
        raise CodingError(
            f"the passage {row.doc_id} {row.start}-{row.end} no longer reads as when it was "
            "suggested (the document was edited since)",
            row=number,
            hint="make the suggestions again with 'research suggest'",
        )


def _memo(row: Any, coder: str) -> str:
    from research.suggest import HELPER_MEMOS

    model = getattr(row, "model", None) or "?"
    probability = getattr(row, "probability", None)
    shown = ""
    if probability is not None and probability == probability:
        shown = f", probabilité {float(probability):.2f}".replace(".", ",")
    return f"{HELPER_MEMOS[0]}{model}{shown}, acceptée par {coder}"


def accept_suggestions(session: CodingSession, rows: pd.DataFrame) -> pd.DataFrame:
    """Code the suggested passages of ``rows`` for the session's coder (saved by ``save()``),
    each with a memo naming the model; returns the codings made."""
    rows = _checked(session, rows)
    made = []
    for row in rows.itertuples(index=False):
        memo = _memo(row, session.coder)
        made.append(
            session.code_span(str(row.doc_id), int(row.start), int(row.end), str(row.code), memo)
        )
    if not made:
        from research.coding._table import empty_codings

        return empty_codings()
    return pd.concat(made, ignore_index=True)


def _checked(session: CodingSession, rows: pd.DataFrame) -> pd.DataFrame:
    """``rows``, once every one is known to point at its passage and at a codable code."""
    rows = _rows(rows)
    for number, row in zip(_numbers(rows), rows.itertuples(index=False), strict=True):
        try:
            session._check_code(str(row.code))
        except CodingError as exc:
            raise CodingError(exc.message, row=number, column="code", hint=exc.hint) from None
        text = session.corpus.text(str(row.doc_id))
        if not 0 <= int(row.start) < int(row.end) <= len(text):
            raise CodingError(
                f"span {row.start}-{row.end} is not inside {row.doc_id} (0-{len(text)})",
                row=number,
                hint="keep the offsets the suggestions were written with",
            )
        _check_text(session, row, number)
    return rows


def _numbers(rows: pd.DataFrame) -> list[Any]:
    if rows.index.name == "row":
        return list(rows.index)
    return list(range(1, len(rows) + 1))


def reject_suggestions(session: CodingSession, rows: pd.DataFrame) -> int:
    """Remember that the session's coder rejected these suggestions (written at once,
    atomically, under the coder's lock); returns how many were new."""
    from research.files import atomic_write_text
    from research.suggest import decisions_path, decisions_text, read_decisions

    if session.folder is None:
        raise CodingError("this session has no codings folder to keep rejections in")
    rows = _checked(session, rows)
    now = pd.Timestamp.now(tz="UTC").strftime("%Y-%m-%dT%H:%M:%SZ")
    new = []
    for row in rows.itertuples(index=False):
        text = session.corpus.text(str(row.doc_id))
        start, end = int(row.start), int(row.end)
        new.append({"doc_id": str(row.doc_id), "start": start, "end": end, "code": str(row.code),
                    "quote": text[start:end], "decision": "reject",
                    "model": str(getattr(row, "model", "") or ""), "decided": now})  # fmt: skip
    if not new:
        return 0
    session.folder.mkdir(parents=True, exist_ok=True)
    with coder_lock(session.folder, session.coder):
        before = read_decisions(session.folder, session.coder)
        rejected = before[before["decision"] == "reject"]
        seen = set(zip(rejected["doc_id"], rejected["code"], rejected["quote"], strict=True))
        added = [r for r in new if (r["doc_id"], r["code"], r["quote"]) not in seen]
        if added:
            frame = pd.concat([before, pd.DataFrame(added)], ignore_index=True)
            path = decisions_path(session.folder, session.coder)
            atomic_write_text(path, decisions_text(frame))
    return len(added)


def review_suggestions(session: CodingSession, rows: pd.DataFrame) -> dict[str, int]:
    """Apply the ``decision`` column of a table of suggestions: accept, reject, or leave.

    Returns the counts ``accepted``, ``rejected`` and ``undecided``. Accepted
    suggestions are saved by ``save()``; rejections are written at once.
    """
    from research.suggest import decision_of

    if "decision" not in rows.columns:
        raise InputError(
            "the suggestions have no 'decision' column",
            hint="fill it with accept or reject (oui or non) for each row",
        )
    decisions = [
        decision_of(value, row=number)
        for number, value in zip(_numbers(rows), rows["decision"], strict=True)
    ]
    chosen = pd.Series(decisions, index=rows.index, dtype=object)
    accepted = _checked(session, rows[chosen.eq("accept").to_numpy()])
    rejected = _checked(session, rows[chosen.eq("reject").to_numpy()])
    accept_suggestions(session, accepted)
    reject_suggestions(session, rejected)
    return {
        "accepted": len(accepted),
        "rejected": len(rejected),
        "undecided": int(chosen.isna().sum()),
    }
