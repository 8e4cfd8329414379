"""Citable verbatims: coded passages written the way French theses quote interviews.

A verbatim is the coded text between French guillemets, with no-break spaces inside
them, followed by its reference in parentheses::

    « Il m’a tendu un post-it vert. » (Élodie, porteuse de projet, 2019)

The reference names who speaks, their role and the year of the interview. Two
styles are offered:

``pseudonym``
    the speaker's pseudonym as it stands in the actor registry (its first name
    only, by default), then the role;
``code``
    an anonymous code (the interview's ``doc_id``, such as ``INT03``, when the
    respondent speaks; the speaker's ``actor_id`` otherwise), then the role.

Passages without a known speaker (minutes, logbook entries) are referred to by
the kind of document, its id and year: ``(compte rendu CR-W17-05, 2017)``. A
passage of a paginated document (a PDF) ends its reference with its page:
``(document RAPPORT-2019, 2019, p. 12)``, or ``p. 12-13`` over a page break.

The role is, in this order: an explicit ``roles`` mapping (``actor_id`` → text), a
``role`` column of the actor registry, or the French name of the actor's
``category``, feminine or masculine after a ``gender`` column (``f``/``m``) when the
registry has one, else after the first word of the actor's ``description``
(« Porteuse de… », « Chargée de… »), else masculine.

Typography (Imprimerie nationale rules): no-break spaces inside guillemets and
before ``: ; ! ?``, guillemets inside the passage turned into second-level
quotation marks “ ”, three dots into an ellipsis, and ``[…]`` wherever the passage
is cut. The passage is never otherwise rewritten.

References
----------
.. [1] Imprimerie nationale (2002). *Lexique des règles typographiques en usage à
   l'Imprimerie nationale* (5e éd.). Paris : Imprimerie nationale.

Examples
--------
>>> import pandas as pd
>>> actors = pd.DataFrame({"actor_id": ["P10"], "label": ["Élodie Fournier"],
...                        "kind": ["person"], "category": ["project_holder"],
...                        "description": ["Porteuse de l’épicerie vrac itinérante"]})
>>> row = {"doc_id": "INT03", "kind": "interview", "date": "2019-12-16",
...        "respondent": "P10", "actor": "P10",
...        "quote": "Il m’a dit : « Vous voulez le porter ? »"}
>>> print(format_verbatim(row, actors=actors).replace("\\u00a0", "~"))
«~Il m’a dit~: “Vous voulez le porter~?”~» (Élodie, porteuse de projet, 2019)
>>> print(format_verbatim(row, actors=actors, style="code").replace("\\u00a0", "~"))
«~Il m’a dit~: “Vous voulez le porter~?”~» (INT03, porteuse de projet, 2019)
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any, Literal

import pandas as pd

from research.contracts import is_blank, require_columns
from research.corpus import without_page_markers
from research.errors import InputError, SchemaError
from research.vocabulary import CATEGORY_ROLES, KIND_LABELS

__all__ = [
    "CATEGORY_ROLES",
    "KIND_LABELS",
    "NBSP",
    "format_verbatim",
    "french_typography",
    "mark_cuts",
    "reference",
    "role_label",
    "shorten",
]

Style = Literal["pseudonym", "code"]
Cut = Literal["end", "middle"]

#: The no-break space used inside guillemets and before ``: ; ! ?``.
NBSP = "\u00a0"
#: The mark of a cut in a quotation.
CUT = "[…]"

_FEMININE_WORD = re.compile(
    r"^(?:\w+(?:trice|euse|ère|ée|ienne|ante|ente|esse)|cheffe|élue)$", re.I
)
_SPACE_BEFORE = re.compile(r"[ \t\u202f\u00a0]+([:;!?»])")
_SPACE_AFTER = re.compile(r"(«)[ \t\u202f\u00a0]+")
_INNER_OPEN = re.compile(r"«[\s\u202f]*")
_INNER_CLOSE = re.compile(r"[\s\u202f]*»")
_WHITESPACE = re.compile(r"[ \t\r\n]+")


def french_typography(text: str, *, nbsp: str = NBSP, inner_quotes: bool = True) -> str:
    """French spacing and punctuation of a passage, without changing its words.

    White-space runs (newlines included) become one space; the space before
    ``: ; ! ?`` and inside guillemets becomes ``nbsp``; guillemets inside the
    passage become “ ” when ``inner_quotes`` (second-level quotation marks); three
    dots become an ellipsis.

    Parameters
    ----------
    text : str
        The passage as coded.
    nbsp : str
        The no-break space to use (``"\\u202f"`` for a narrow one).
    inner_quotes : bool
        Turn « » inside the passage into “ ”.

    References
    ----------
    .. [1] Imprimerie nationale (2002). *Lexique des règles typographiques en usage à
       l'Imprimerie nationale*.

    Examples
    --------
    >>> french_typography("Oui ! Il a dit :\\n« non »...").replace(NBSP, "~")
    'Oui~! Il a dit~: “non”…'
    >>> french_typography("« Là ? »", inner_quotes=False).replace(NBSP, "~")
    '«~Là~?~»'
    """
    out = _WHITESPACE.sub(" ", text).strip().replace("...", "…")
    if inner_quotes:
        out = _INNER_CLOSE.sub("”", _INNER_OPEN.sub("“", out))
    out = _SPACE_BEFORE.sub(lambda m: nbsp + m.group(1), out)
    return _SPACE_AFTER.sub(lambda m: m.group(1) + nbsp, out)


def _cut_point(text: str, limit: int, *, from_end: bool = False) -> int:
    """An index near ``limit`` characters from one end that falls between words."""
    if from_end:
        tail = text[len(text) - limit :]
        space = tail.find(" ")
        return len(text) - limit + (space + 1 if space >= 0 else limit)
    head = text[: limit + 1]
    space = head.rfind(" ")
    return space if space > 0 else limit


def shorten(text: str, max_chars: int, *, cut: Cut = "end") -> str:
    """Shorten a passage to about ``max_chars`` characters, marking the cut with ``[…]``.

    The cut falls between words. ``cut="end"`` keeps the beginning; ``"middle"``
    keeps the beginning and the end (for long verbatims whose conclusion matters).
    Text at most ``max_chars`` long is returned unchanged.

    Examples
    --------
    >>> shorten("On ne parle pas du camion, on parle des gens.", 20)
    'On ne parle pas du […]'
    >>> shorten("On ne parle pas du camion, on parle des gens.", 24, cut="middle")
    'On ne parle […] des gens.'
    >>> shorten("Court.", 20)
    'Court.'
    """
    if max_chars < 1:
        raise InputError(f"max_chars must be a positive number of characters, not {max_chars}")
    text = text.strip()
    if len(text) <= max_chars:
        return text
    if cut == "end":
        keep = _cut_point(text, max_chars)
        return f"{text[:keep].rstrip(' ,;:')} {CUT}"
    if cut != "middle":
        raise InputError(f"cut must be 'end' or 'middle', not {cut!r}")
    half = max(1, max_chars // 2)
    head = text[: _cut_point(text, half)].rstrip(" ,;:")
    tail = text[_cut_point(text, max_chars - half, from_end=True) :].lstrip()
    return f"{head} {CUT} {tail}"


_ENDINGS = frozenset(".!?…»”\"')]")


def mark_cuts(text: str) -> str:
    """Mark a passage that starts or stops inside a sentence with ``[…]``.

    A passage starting with a lower-case letter gets ``[…]`` before it; one that
    does not end with a final punctuation mark (``. ! ? …``, a closing quotation
    mark or bracket) gets ``[…]`` after it, a trailing comma, colon or
    semicolon being dropped.

    Examples
    --------
    >>> mark_cuts("a proposé d’animer des ateliers,")
    '[…] a proposé d’animer des ateliers […]'
    >>> mark_cuts("Il a dit non.")
    'Il a dit non.'
    """
    out = text.strip()
    if not out:
        return out
    if out[0].islower():
        out = f"{CUT} {out}"
    if out[-1] not in _ENDINGS:
        out = f"{out.rstrip(' ,;:')} {CUT}"
    return out


def _actor_table(actors: Any) -> pd.DataFrame | None:
    if actors is None:
        return None
    frame = getattr(actors, "frame", actors)
    if not isinstance(frame, pd.DataFrame):
        raise InputError(
            "actors must be the actor registry (research.editions.Actors or its DataFrame)"
        )
    require_columns(frame, ("actor_id",), table="actors")
    return frame.set_index("actor_id", drop=False)


def _feminine(record: Mapping[str, Any]) -> bool:
    gender = record.get("gender")
    if not is_blank(gender):
        return str(gender).strip().lower() in {"f", "femme", "female", "w", "woman"}
    description = record.get("description")
    if is_blank(description):
        return False
    first = re.split(r"[\s,;(]", str(description).strip(), maxsplit=1)[0]
    return bool(_FEMININE_WORD.match(first.split("-")[-1]))


def role_label(
    actor_id: str | None,
    *,
    actors: Any = None,
    roles: Mapping[str, str] | None = None,
    category: str | None = None,
) -> str | None:
    """The role written after a speaker's name in a reference.

    Parameters
    ----------
    actor_id : str or None
        The speaker.
    actors : Actors or pandas.DataFrame, optional
        The actor registry (``category``; optional ``role``, ``gender``,
        ``description``).
    roles : mapping, optional
        ``actor_id`` → role text; wins over everything else.
    category : str, optional
        The category to use when the actor is not in the registry (a document's
        ``respondent_category``).

    Examples
    --------
    >>> import pandas as pd
    >>> reg = pd.DataFrame({"actor_id": ["P01", "P05"], "category": ["cluster_staff", "elected"],
    ...                     "description": ["Directrice du pôle", "Vice-président d'ECLA"]})
    >>> role_label("P01", actors=reg), role_label("P05", actors=reg)
    ('salariée du pôle', 'élu')
    >>> role_label("P01", actors=reg, roles={"P01": "directrice du pôle"})
    'directrice du pôle'
    >>> role_label(None, category="funder")
    'chargé de mission d’un financeur'
    """
    if roles and actor_id in roles:
        return roles[actor_id]
    table = _actor_table(actors)
    record: Mapping[str, Any] = {}
    if table is not None and actor_id is not None and actor_id in table.index:
        record = table.loc[actor_id].to_dict()
        if not is_blank(record.get("role")):
            return str(record["role"])
        if not is_blank(record.get("category")):
            category = str(record["category"])
    if is_blank(category):
        return None
    forms = CATEGORY_ROLES.get(str(category))
    if forms is None:
        return str(category).replace("_", " ")
    return forms[1] if _feminine(record) else forms[0]


def _year(row: Mapping[str, Any]) -> str | None:
    for key in ("year", "date"):
        value = row.get(key)
        if is_blank(value):
            continue
        if hasattr(value, "year"):
            return str(value.year)
        found = re.search(r"\b(\d{4})\b", str(value))
        if found:
            return found.group(1)
    return None


def _speaker(row: Mapping[str, Any]) -> str | None:
    for key in ("actor", "respondent"):
        value = row.get(key)
        if not is_blank(value) and not isinstance(value, list):
            return str(value)
    return None


def _name(actor_id: str, table: pd.DataFrame | None, *, first_name: bool) -> str:
    if table is None or actor_id not in table.index:
        return actor_id
    record = table.loc[actor_id]
    label = record.get("label")
    if is_blank(label):
        return actor_id
    label = str(label).strip()
    if first_name and record.get("kind", "person") == "person" and " " in label:
        return label.split(" ", 1)[0]
    return label


def reference(
    row: Mapping[str, Any] | pd.Series,
    *,
    actors: Any = None,
    style: Style = "pseudonym",
    roles: Mapping[str, str] | None = None,
    first_name: bool = True,
) -> str:
    """The reference of a passage, without parentheses: who, role, year.

    ``row`` needs ``doc_id`` and may have ``actor`` (the speaker of the passage),
    ``respondent``, ``respondent_category``, ``kind``, ``date`` or ``year``, and
    ``page``. See the module description for the rules.

    Examples
    --------
    >>> reference({"doc_id": "CR-W17-05", "kind": "minutes", "date": "2017-11-23"})
    'compte rendu CR-W17-05, 2017'
    >>> reference({"doc_id": "INT13", "respondent": "P27", "respondent_category": "funder",
    ...            "date": "2020-02-20"}, style="code")
    'INT13, chargé de mission d’un financeur, 2020'
    >>> reference({"doc_id": "RAPPORT", "kind": "document", "date": "2019-06-01",
    ...            "page": "12"}).replace(NBSP, " ")
    'document RAPPORT, 2019, p. 12'
    """
    if style not in ("pseudonym", "code"):
        raise InputError(f"style must be 'pseudonym' or 'code', not {style!r}")
    row = dict(row)
    if is_blank(row.get("doc_id")):
        raise SchemaError(
            "a passage to quote has no doc_id", column="doc_id", hint="quote retrieved codings"
        )
    doc_id = str(row["doc_id"])
    table = _actor_table(actors)
    speaker = _speaker(row)
    year = _year(row)
    if speaker is None:
        kind = row.get("kind")
        what = KIND_LABELS.get(str(kind), "document") if not is_blank(kind) else "document"
        parts = [f"{what} {doc_id}"]
    else:
        respondent = row.get("respondent")
        is_respondent = not is_blank(respondent) and str(respondent) == speaker
        category = row.get("respondent_category") if is_respondent else None
        if style == "code":
            who = doc_id if is_respondent else speaker
        else:
            who = _name(speaker, table, first_name=first_name)
        role = role_label(speaker, actors=table, roles=roles, category=category)
        parts = [who] + ([role] if role else [])
    if year:
        parts.append(year)
    page = row.get("page")
    if not is_blank(page):
        parts.append(f"p.{NBSP}{page}")
    return ", ".join(parts)


def _body(text: str, *, nbsp: str, max_chars: int | None, cut: Cut, cuts: bool) -> str:
    body = french_typography(text, nbsp=nbsp)
    if max_chars is not None:
        body = shorten(body, max_chars, cut=cut)
    return mark_cuts(body) if cuts else body


def _passage_text(row: Mapping[str, Any], *, hint: str) -> str:
    """The words of a passage: its ``quote`` (codings) or else its ``text`` (segments)."""
    text = row.get("quote")
    if is_blank(text):
        text = row.get("text")
    if is_blank(text):
        raise SchemaError(
            f"the passage of {row.get('doc_id')!r} at {row.get('start')} has no text to quote",
            column="quote",
            hint=hint,
        )
    return without_page_markers(str(text))


def format_verbatim(
    row: Mapping[str, Any] | pd.Series,
    *,
    actors: Any = None,
    style: Style = "pseudonym",
    roles: Mapping[str, str] | None = None,
    max_chars: int | None = None,
    cut: Cut = "end",
    first_name: bool = True,
    nbsp: str = NBSP,
    cuts: bool = True,
) -> str:
    """A coded passage as a citable verbatim: « text » (reference).

    Parameters
    ----------
    row : mapping or pandas.Series
        A retrieved passage: ``quote`` (or ``text``) and ``doc_id``, plus the
        attributes :func:`reference` uses.
    actors : Actors or pandas.DataFrame, optional
        The actor registry, for pseudonyms and roles.
    style : {"pseudonym", "code"}
        Name the speaker by pseudonym, or by an anonymous code.
    roles : mapping, optional
        ``actor_id`` → role text, to override the category's name.
    max_chars : int, optional
        Shorten longer passages, marking the cut with ``[…]``.
    cut : {"end", "middle"}
        Where to cut (see :func:`shorten`).
    first_name : bool
        Give only the first name of a person's pseudonym.
    nbsp : str
        The no-break space inside guillemets and before ``: ; ! ?``.
    cuts : bool
        Mark a passage that starts or stops inside a sentence (:func:`mark_cuts`).

    Returns
    -------
    str

    References
    ----------
    .. [1] Imprimerie nationale (2002). *Lexique des règles typographiques en usage à
       l'Imprimerie nationale*.

    Examples
    --------
    >>> row = {"doc_id": "INT08", "kind": "interview", "date": "2020-02-26",
    ...        "respondent": "P17", "respondent_category": "citizen",
    ...        "quote": "J’y suis allé une fois, et puis l’année d’après je n’étais plus là."}
    >>> print(format_verbatim(row, max_chars=30).replace(NBSP, " "))
    « J’y suis allé une fois, et […] » (P17, citoyen, 2020)
    """
    row = dict(row)
    text = _passage_text(row, hint="pass rows with a 'quote' (codings) or 'text' (segments) column")
    body = _body(text, nbsp=nbsp, max_chars=max_chars, cut=cut, cuts=cuts)
    ref = reference(row, actors=actors, style=style, roles=roles, first_name=first_name)
    return f"«{nbsp}{body}{nbsp}» ({ref})"
