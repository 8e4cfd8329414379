"""The agreement report of the command line: the table, and the disagreement page."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from os import PathLike
from typing import TYPE_CHECKING

import pandas as pd

from research.agreement._agreement_table import agreement_table
from research.agreement._agreement_units import Unit
from research.agreement._disagreement_page import write_disagreements_html
from research.agreement._disagreements import disagreements
from research.agreement._maxqda import Criterion
from research.agreement._scope import DocumentsCoded
from research.errors import AgreementError

if TYPE_CHECKING:
    from research.codebook import Codebook

__all__ = ["agreement_report"]


def agreement_report(
    codings: pd.DataFrame,
    segments: pd.DataFrame | None,
    texts: Mapping[str, str] | None,
    *,
    coders: Sequence[str],
    unit: Unit = "segment",
    codes: str | Sequence[str] | None = None,
    html_path: str | PathLike | None = None,
    documents_coded: DocumentsCoded = None,
    infer_documents: bool = False,
    min_overlap: int = 1,
    n_boot: int = 1000,
    seed: int = 0,
    alpha_min: float = 0.8,
    codebook: Codebook | None = None,
    include_children: bool = False,
    maxqda: Criterion | None = None,
    min_share: float = 0.9,
) -> pd.DataFrame:
    """The agreement table, and optionally the disagreement page, for the CLI.

    ``texts`` maps ``doc_id`` to the stored text (needed for the character level).
    With ``html_path``, the segments where two coders differ are written as a
    self-contained HTML page for the consensus meeting (exactly two coders), its
    codes named by their labels in ``codebook`` when it is given.
    ``include_children``, ``maxqda`` and ``min_share`` are passed to
    :func:`agreement_table`.
    """
    lengths = None if texts is None else {str(d): len(t) for d, t in texts.items()}
    if html_path is not None and len(coders) != 2:
        raise AgreementError("the disagreement page compares exactly two coders")
    table = agreement_table(
        codings,
        coders=coders,
        unit=unit,
        codes=codes,
        segments=segments,
        lengths=lengths,
        documents_coded=documents_coded,
        infer_documents=infer_documents,
        min_overlap=min_overlap,
        n_boot=n_boot,
        seed=seed,
        alpha_min=alpha_min,
        include_children=include_children,
        maxqda=maxqda,
        min_share=min_share,
    )
    if html_path is not None:
        if segments is None:
            raise AgreementError("the disagreement page needs the segments table")
        found = disagreements(
            codings,
            segments,
            coders=coders,
            codes=codes,
            documents_coded=documents_coded,
            infer_documents=infer_documents,
            min_overlap=min_overlap,
        )
        write_disagreements_html(found, html_path, codebook=codebook)
        table.attrs.update(html_path=str(html_path), n_disagreements=len(found))
    return table
