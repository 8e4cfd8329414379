"""Displays of codes across documents: the code × document matrix and a document's portrait.

:func:`code_document_matrix` counts each code's codings in each document, the
documents grouped by kind and edition (as MAXQDA's code matrix browser shows
them) and :func:`plot_code_document_matrix` draws it as a heatmap with the
groups marked. :func:`document_portrait` lays a document's codings out in text
order, one lane per overlap, and :func:`plot_document_portrait` draws them as a
coloured strip, each code in its codebook colour (MAXQDA's "document portrait").

Examples
--------
>>> import pandas as pd
>>> docs = pd.DataFrame({"doc_id": ["I1", "I2", "M1"], "kind": ["interview", "interview", "minutes"],
...                      "edition": ["E2", "E1", None], "date": ["2020-01-01", "2019-01-01", "2018-01-01"]})
>>> cods = pd.DataFrame({"doc_id": ["I1", "I2", "I2", "M1"], "start": [0, 0, 5, 0],
...                      "end": [4, 4, 9, 4], "code": ["x", "x", "y", "y"]})
>>> matrix = code_document_matrix(cods, docs)
>>> matrix.columns.tolist(), matrix.values.tolist()
(['I2', 'I1', 'M1'], [[1, 1, 0], [1, 0, 1]])
>>> [(g["label"], g["documents"]) for g in matrix.attrs["groups"]]
[('entretien — E1', ['I2']), ('entretien — E2', ['I1']), ('compte rendu — (sans édition)', ['M1'])]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Literal

import numpy as np
import pandas as pd

from research.analysis._coding_attributes import Codes, _expand, select_codings
from research.contracts import is_blank, require_columns
from research.errors import InputError, UnknownIdError
from research.vocabulary import KIND_LABELS

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = [
    "NO_EDITION",
    "code_document_matrix",
    "document_groups",
    "document_portrait",
    "plot_code_document_matrix",
    "plot_document_portrait",
]

#: The group of documents tied to no edition.
NO_EDITION = "(sans édition)"


def _edition_order(documents: pd.DataFrame, editions: pd.DataFrame | None) -> list[str]:
    if editions is not None and len(editions):
        from research.editions import editions_in_order

        return editions_in_order(editions)
    present = documents.dropna(subset=["edition"]) if "edition" in documents else documents.iloc[:0]
    if not len(present):
        return []
    first = present.assign(_date=present["date"].astype(str) if "date" in present else "")
    first = first.groupby(first["edition"].astype(str))["_date"].min()
    return first.sort_values(kind="stable").index.tolist()


def document_groups(
    documents: pd.DataFrame,
    *,
    by: Sequence[str] = ("kind", "edition"),
    editions: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """The documents in groups (kind, then edition), in the order a reader expects.

    Kinds come in the order interview, minutes, logbook, note, document, then
    others by name; editions in time order (``editions``, else the date of
    their first document), documents of no edition last; within a group,
    documents by date then id. An attribute the documents do not have is left out.

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``group`` (a French label: « entretien — SUT2016 ») and
        ``order``, sorted.
    """
    require_columns(documents, ("doc_id",), table="documents")
    docs = documents.drop_duplicates("doc_id").reset_index(drop=True)
    keys = [k for k in by if k in docs.columns and docs[k].notna().any()]
    kinds = list(KIND_LABELS)
    parts, sort = [], []
    for key in keys:
        values = docs[key].map(lambda v: "" if is_blank(v) else str(v)).astype(object)
        if key == "kind":
            rank = {k: i for i, k in enumerate(kinds)}
            others = sorted(set(values) - set(rank) - {""})
            rank.update({k: len(kinds) + i for i, k in enumerate(others)})
            sort.append(values.map(lambda v, rank=rank: rank.get(v, len(rank))))
            parts.append(values.map(lambda v: KIND_LABELS.get(v, v) if v else "(sans type)"))
        elif key == "edition":
            order = _edition_order(docs, editions)
            rank = {e: i for i, e in enumerate(order)}
            sort.append(values.map(lambda v, rank=rank: rank.get(v, len(rank) + (0 if v else 1))))
            parts.append(values.map(lambda v: v if v else NO_EDITION))
        else:
            sort.append(values.map(lambda v: v or "\uffff"))
            parts.append(values.map(lambda v: v or "(non renseigné)"))
    label = (
        pd.concat(parts, axis=1).agg(" — ".join, axis=1)
        if parts
        else pd.Series("documents", index=docs.index)
    )
    frame = pd.DataFrame({"doc_id": docs["doc_id"].astype(str), "group": label})
    for i, values in enumerate(sort):
        frame[f"_k{i}"] = values.to_numpy()
    frame["_date"] = docs["date"].astype(str).to_numpy() if "date" in docs else ""
    frame = frame.sort_values(
        [*(f"_k{i}" for i in range(len(sort))), "_date", "doc_id"], kind="stable"
    )
    frame = frame[["doc_id", "group"]].reset_index(drop=True)
    frame["order"] = np.arange(len(frame))
    return frame


def code_document_matrix(
    codings: pd.DataFrame,
    documents: pd.DataFrame,
    *,
    codes: Codes = None,
    include_children: bool = False,
    coder: str | None = None,
    by: Sequence[str] = ("kind", "edition"),
    editions: pd.DataFrame | None = None,
    coded_only: bool = True,
) -> pd.DataFrame:
    """Codings of each code in each document, documents grouped by kind and edition.

    Parameters
    ----------
    codings : pandas.DataFrame
        The codings (one coder, or choose with ``coder``).
    documents : pandas.DataFrame
        The documents table.
    codes : str or list of str, optional
        Ids or patterns; rows keep this order (else sorted ids).
    include_children : bool
        A coding also counts for its code's ancestors.
    by : sequence of str
        The attributes that group the documents (see :func:`document_groups`).
    editions : pandas.DataFrame, optional
        The editions table, for their time order.
    coded_only : bool
        Keep only the documents with at least one coding.

    Returns
    -------
    pandas.DataFrame
        Codes × documents (counts); ``attrs["groups"]`` lists the groups in
        order, each ``{"label": …, "documents": [...]}``.
    """
    selected, chosen = _expand(select_codings(codings, coder=coder), codes, include_children)
    groups = document_groups(documents, by=by, editions=editions)
    if coded_only:
        groups = groups[groups["doc_id"].isin(set(selected["doc_id"].astype(str)))]
    doc_ids = groups["doc_id"].tolist()
    counts = (
        selected.assign(doc_id=selected["doc_id"].astype(str))
        .groupby(["code", "doc_id"]).size()
    )  # fmt: skip
    matrix = (
        counts.unstack(fill_value=0).reindex(index=chosen, columns=doc_ids, fill_value=0)
        if len(counts)
        else pd.DataFrame(0, index=chosen, columns=doc_ids)
    )
    matrix = matrix.astype("int64")
    matrix.index.name, matrix.columns.name = "code", None
    matrix.attrs["groups"] = [
        {"label": label, "documents": list(part["doc_id"])}
        for label, part in groups.groupby("group", sort=False)
    ]
    return matrix


#: Documents up to which each column of the heatmap is drawn and named.
_NAMED_DOCUMENTS = 150
_WIDE_INCHES = 24.0


def plot_code_document_matrix(
    matrix: pd.DataFrame,
    *,
    labels: Mapping[str, str] | None = None,
    title: str | None = None,
    cmap: str = "Blues",
) -> Figure:
    """A heatmap of a code × document matrix, with the groups of documents marked above.

    Up to :data:`_NAMED_DOCUMENTS` documents, each column is named; beyond, the
    figure keeps a readable width (the columns are drawn smoothed to it) and only
    the groups are named: a figure a fifth of an inch per document would be metres
    wide for a corpus of thousands.

    Examples
    --------
    >>> m = pd.DataFrame([[1, 0], [2, 3]], index=["a", "b"], columns=["D1", "D2"])
    >>> m.attrs["groups"] = [{"label": "entretien", "documents": ["D1", "D2"]}]
    >>> fig = plot_code_document_matrix(m, labels={"a": "Plaidoyer"})
    >>> [t.get_text() for t in fig.axes[0].get_yticklabels()]
    ['Plaidoyer', 'b']
    """
    from matplotlib.figure import Figure

    n_codes, n_docs = matrix.shape
    named = n_docs <= _NAMED_DOCUMENTS
    width = 0.22 * n_docs + 4.0 if named else _WIDE_INCHES
    fig = Figure(figsize=(max(6.0, width), max(3.0, 0.24 * n_codes + 2.2)), layout="constrained")
    ax = fig.add_subplot()
    values = matrix.to_numpy(dtype=float)
    image = ax.imshow(np.ma.masked_equal(values, 0), cmap=cmap, vmin=0, aspect="auto",
                      interpolation="nearest" if named else "antialiased")  # fmt: skip
    names = [(labels or {}).get(c, c) for c in matrix.index]
    ax.set_yticks(range(n_codes), names, fontsize=7)
    if named:
        ax.set_xticks(range(n_docs), matrix.columns, rotation=90, fontsize=6)
    else:
        ax.set_xticks([])
        ax.set_xlabel(f"{n_docs} documents", fontsize=7)
    ax.set_facecolor("#fbfbfb")
    start, centers, names_ = 0, [], []
    for group in matrix.attrs.get("groups", []):
        size = len(group["documents"])
        if start:
            ax.axvline(start - 0.5, color="#444444", linewidth=0.8)
        centers.append(start + size / 2 - 0.5)
        names_.append(group["label"])
        start += size
    if centers:
        top = ax.secondary_xaxis("top")
        top.set_xticks(centers, names_, rotation=35, ha="left", fontsize=7)
        top.tick_params(length=0)
    fig.colorbar(image, ax=ax, shrink=0.6, label="codages")
    if title:
        fig.suptitle(title)
    return fig


def document_portrait(
    codings: pd.DataFrame,
    doc_id: str,
    *,
    colors: Mapping[str, str] | None = None,
    labels: Mapping[str, str] | None = None,
    codes: Codes = None,
    coder: str | None = None,
) -> pd.DataFrame:
    """A document's codings in text order, each in a lane so that overlapping ones do not hide.

    Parameters
    ----------
    codings : pandas.DataFrame
        The codings (one coder, or choose with ``coder``).
    doc_id : str
        The document.
    colors, labels : mapping, optional
        Each code's colour and label (``codebook.colors()``, the codebook's labels).
    codes : str or list of str, optional
        Only these codes.

    Returns
    -------
    pandas.DataFrame
        ``doc_id``, ``start``, ``end``, ``code``, ``label``, ``color``, ``lane``
        (0 for the first lane), sorted by start.

    Raises
    ------
    UnknownIdError
        When the document has no codings of this coder.

    Examples
    --------
    >>> cods = pd.DataFrame({"doc_id": ["D"] * 3, "start": [0, 2, 10], "end": [6, 4, 12],
    ...                      "code": ["a", "b", "a"]})
    >>> document_portrait(cods, "D")[["start", "code", "lane"]].values.tolist()
    [[0, 'a', 0], [2, 'b', 1], [10, 'a', 0]]
    """
    chosen = select_codings(codings, coder=coder, codes=codes)
    mine = chosen[chosen["doc_id"].astype(str) == str(doc_id)]
    if not len(mine):
        raise UnknownIdError("document with codings", str(doc_id),
                             chosen["doc_id"].astype(str).unique())  # fmt: skip
    mine = mine.sort_values(["start", "end", "code"], kind="stable").reset_index(drop=True)
    ends: list[int] = []
    lanes = []
    for start, end in zip(mine["start"], mine["end"], strict=True):
        lane = next((i for i, last in enumerate(ends) if last <= start), len(ends))
        if lane == len(ends):
            ends.append(end)
        else:
            ends[lane] = end
        lanes.append(lane)
    codes_ = mine["code"].astype(str)
    return pd.DataFrame({
        "doc_id": str(doc_id), "start": mine["start"].to_numpy(), "end": mine["end"].to_numpy(),
        "code": codes_.to_numpy(), "label": codes_.map(lambda c: (labels or {}).get(c, c)).to_numpy(),
        "color": codes_.map(lambda c: (colors or {}).get(c, "#888888")).to_numpy(),
        "lane": np.asarray(lanes, dtype=np.int64),
    })  # fmt: skip


def plot_document_portrait(
    portrait: pd.DataFrame,
    *,
    length: int | None = None,
    title: str | None = None,
    unit: Literal["characters"] = "characters",
    max_legend: int = 20,
) -> Figure:
    """A document's codes in text order as a coloured strip (one row per lane).

    Parameters
    ----------
    portrait : pandas.DataFrame
        :func:`document_portrait`.
    length : int, optional
        The document's length in characters (default: the end of its last coding).
    title : str, optional
    max_legend : int
        Most codes named in the legend (the most used first).

    Examples
    --------
    >>> cods = pd.DataFrame({"doc_id": ["D"] * 2, "start": [0, 10], "end": [6, 12],
    ...                      "code": ["a", "b"]})
    >>> fig = plot_document_portrait(document_portrait(cods, "D"), length=20)
    >>> fig.axes[0].get_xlabel()
    'position dans le texte (caractères)'
    """
    from matplotlib.figure import Figure
    from matplotlib.patches import Patch, Rectangle

    if unit != "characters":
        raise InputError("the portrait is drawn over characters")
    lanes = int(portrait["lane"].max()) + 1 if len(portrait) else 1
    total = length or (int(portrait["end"].max()) if len(portrait) else 1)
    named = portrait.groupby(["code", "label", "color"]).size()
    legend_rows = min(len(named), max_legend)
    legend_rows = (legend_rows + 1) // 2 if legend_rows > 10 else legend_rows
    fig = Figure(
        figsize=(10, max(1.5 + 0.28 * lanes, 0.19 * legend_rows + 0.7)), layout="constrained"
    )
    ax = fig.add_subplot()
    ax.add_patch(
        Rectangle((0, -0.5), total, lanes, facecolor="#f3f3f3", edgecolor="none", zorder=0)
    )
    for row in portrait.itertuples(index=False):
        ax.barh(row.lane, row.end - row.start, left=row.start, height=0.85, color=row.color,
                edgecolor="none")  # fmt: skip
    ax.set_xlim(0, total)
    ax.set_ylim(lanes - 0.5, -0.5)
    ax.set_yticks([])
    ax.set_xlabel("position dans le texte (caractères)")
    counts = named.sort_values(ascending=False, kind="stable")
    handles = [Patch(color=color, label=label) for (_, label, color) in counts.index[:max_legend]]
    if handles:
        ax.legend(handles=handles, fontsize=7, frameon=False, loc="upper left",
                  bbox_to_anchor=(1.01, 1.0), ncols=1 if len(handles) <= 10 else 2)  # fmt: skip
    if title:
        ax.set_title(title)
    return fig
