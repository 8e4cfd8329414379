"""A thesis document as a LaTeX fragment: sections, ``booktabs`` tables, figures, quotations.

The fragment is meant to be ``\\input`` in a thesis compiled with ``babel``
(``french``), ``booktabs`` and ``graphicx``; it says so in its first lines. Text
is escaped (``& % $ # _ { } ~ ^ \\``); a no-break space becomes ``~``, a narrow
one (between thousands) ``\\,``. Figures are included from their files, by a
path relative to the fragment's folder (a PDF when the run has one, else the PNG).

Examples
--------
>>> import pandas as pd
>>> from research.exchange._thesis import Heading, TableBlock, ThesisDocument
>>> document = ThesisDocument("Essai", (Heading(2, "Effectifs & parts"),
...     TableBlock(pd.DataFrame({"code": ["a_b"], "n": [1234]}), caption="Effectifs")))
>>> text = thesis_latex(document)
>>> "\\\\subsection{Effectifs \\\\& parts}" in text, "a\\\\_b & 1\\\\,234 \\\\\\\\" in text
(True, True)
>>> "\\\\toprule" in text and "\\\\caption{Effectifs}" in text
True
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from research.exchange._thesis import (
    Bullets,
    FigureBlock,
    Heading,
    Paragraph,
    QuoteBlock,
    TableBlock,
    ThesisDocument,
    table_cells,
)

__all__ = ["latex_escape", "thesis_latex"]

_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "\u00a0": "~",
    "\u202f": r"\,",
    "\u2212": r"\textminus{}",
}
_PATTERN = re.compile("|".join(re.escape(k) for k in _SPECIAL))
_SECTIONS = {1: "section", 2: "subsection", 3: "subsubsection", 4: "paragraph"}


def latex_escape(text: str) -> str:
    """Text with LaTeX's special characters escaped.

    Examples
    --------
    >>> latex_escape("50 % & 3_4 {x}")
    '50 \\\\% \\\\& 3\\\\_4 \\\\{x\\\\}'
    """
    return _PATTERN.sub(lambda m: _SPECIAL[m.group(0)], text)


def _runs(runs: tuple) -> str:
    out = []
    for text, style in runs:
        body = latex_escape(text).replace("\n", r"\\ ")
        if style == "code":
            body = rf"\texttt{{{body}}}"
        if "i" in style:
            body = rf"\emph{{{body}}}"
        if "b" in style:
            body = rf"\textbf{{{body}}}"
        out.append(body)
    return "".join(out)


def _label(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9:-]", "-", name)


def _table(block: TableBlock) -> list[str]:
    headers, rows, numeric = table_cells(block.frame)
    longest = [
        max([len(h), *(len(r[i]) for r in rows)]) if headers else 0 for i, h in enumerate(headers)
    ]
    spec = "".join(
        "r" if num else ("p{5cm}" if width > 40 else "l")
        for num, width in zip(numeric, longest, strict=True)
    )
    lines = [r"\begin{table}[htbp]", r"\centering", r"\small"]
    if block.caption:
        lines.append(rf"\caption{{{latex_escape(block.caption)}}}")
    if block.name:
        lines.append(rf"\label{{tab:{_label(block.name)}}}")
    wide = len(headers) > 8
    if wide:
        lines.append(r"\resizebox{\linewidth}{!}{%")
    lines += [rf"\begin{{tabular}}{{{spec}}}", r"\toprule"]
    lines.append(" & ".join(rf"\textbf{{{latex_escape(h)}}}" for h in headers) + r" \\")
    lines.append(r"\midrule")
    lines += [" & ".join(latex_escape(c) for c in row) + r" \\" for row in rows]
    lines += [r"\bottomrule", r"\end{tabular}" + ("}" if wide else "")]
    if block.note:
        lines.append(rf"\par\footnotesize\emph{{{latex_escape(block.note)}}}")
    lines.append(r"\end{table}")
    return lines


def _figure(block: FigureBlock, base: Path | None) -> list[str]:
    chosen = (
        block.vector if block.vector is not None and block.vector.suffix == ".pdf" else block.path
    )
    where = chosen.as_posix()
    if base is not None:
        with contextlib.suppress(ValueError):  # another drive (Windows): keep the whole path
            where = Path(os.path.relpath(chosen, base)).as_posix()
    lines = [r"\begin{figure}[htbp]", r"\centering",
             rf"\includegraphics[width=\linewidth,height=0.85\textheight,keepaspectratio]{{{where}}}"]  # fmt: skip
    if block.caption:
        lines.append(rf"\caption{{{latex_escape(block.caption)}}}")
    if block.name:
        lines.append(rf"\label{{fig:{_label(block.name)}}}")
    lines.append(r"\end{figure}")
    return lines


def thesis_latex(document: ThesisDocument, *, base: str | os.PathLike | None = None) -> str:
    """The LaTeX fragment of a thesis document (see the module notes).

    Parameters
    ----------
    document : ThesisDocument
    base : path-like, optional
        The folder of the fragment: figure paths are written relative to it.
    """
    folder = Path(base).resolve() if base is not None else None
    lines = [
        f"% {document.title}" + (f" ({document.date})" if document.date else ""),
        r"% Fragment produced by research export chapter; needs \usepackage[french]{babel},",
        r"% \usepackage{booktabs} and \usepackage{graphicx}.",
        "",
    ]
    for block in document.blocks:
        if isinstance(block, Heading):
            command = _SECTIONS.get(block.level, "paragraph")
            lines += [rf"\{command}{{{latex_escape(block.text)}}}", ""]
        elif isinstance(block, Paragraph):
            text = _runs(block.runs)
            if block.style == "code":
                text = r"\begin{verbatim}" + "\n" + block.text + "\n" + r"\end{verbatim}"
            elif block.style == "note":
                text = rf"{{\small\emph{{{text}}}}}"
            lines += [text, ""]
        elif isinstance(block, Bullets):
            env = "enumerate" if block.ordered else "itemize"
            lines += [rf"\begin{{{env}}}", *(rf"\item {_runs(item)}" for item in block.items),
                      rf"\end{{{env}}}", ""]  # fmt: skip
        elif isinstance(block, QuoteBlock):
            source = f" ({latex_escape(block.source)})" if block.source else ""
            lines += [r"\begin{quote}", latex_escape(block.text) + source, r"\end{quote}", ""]
        elif isinstance(block, TableBlock):
            lines += [*_table(block), ""]
        elif isinstance(block, FigureBlock):
            lines += [*_figure(block, folder), ""]
    return "\n".join(lines).rstrip("\n") + "\n"
