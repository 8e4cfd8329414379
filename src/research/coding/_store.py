"""The coding store: one CSV file per coder, written atomically under the coder's lock.

Each coder's codings live in ``corpus/codings/<coder>.csv`` with the columns of
:data:`CODING_COLUMNS` (the table and its text: :mod:`research.coding._table`;
reading and checking the files: :mod:`research.coding._reading`). ``start`` and
``end`` count code points of the stored document text (end exclusive) and
``quote`` is ``text[start:end]``, kept so that a coding can be found again after a
transcript is corrected (:func:`apply_reanchoring`).

Every write is atomic (temporary file, fsync, replace); two coders never write
the same file; two processes of one coder are serialised by a lock file
``.<coder>.lock`` next to the codings (see :func:`research.coding.coder_lock`).

Examples
--------
>>> import tempfile, pathlib
>>> from research.corpus import Corpus
>>> from research.codebook import Codebook
>>> from research.coding import CodingSession, load_codings
>>> corpus = Corpus.from_texts({"D": "Élodie : On a monté la coopérative ensemble."})
>>> book = Codebook.from_frame(pd.DataFrame({"code": ["sut", "sut.cooperation"],
...                                          "codable": [False, True]}))
>>> folder = pathlib.Path(tempfile.mkdtemp())
>>> session = CodingSession(None, "camille", corpus=corpus, codebook=book, folder=folder)
>>> session.code_text("D", "monté la coopérative", "sut.cooperation")[["start", "end"]].values.tolist()
[[14, 34]]
>>> _ = session.save()
>>> load_codings(folder)[["coder", "code", "quote"]].values.tolist()
[['camille', 'sut.cooperation', 'monté la coopérative']]
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from research.coding._anchoring import reanchor
from research.coding._lock import coder_lock
from research.coding._reading import _read_file, coding_files
from research.coding._table import CODING_COLUMNS, _check_coder, codings_text, empty_codings
from research.contracts import row_number
from research.errors import CodingError, ValidationFailed
from research.files import atomic_write_text

if TYPE_CHECKING:
    from research.corpus import Corpus

__all__ = ["apply_reanchoring", "save_codings"]


# -- writing --------------------------------------------------------------------------------


def save_codings(folder: str | Path, coder: str, frame: pd.DataFrame, *, lock: bool = True) -> Path:
    """Write one coder's codings to ``<folder>/<coder>.csv`` atomically.

    Parameters
    ----------
    folder : path-like
        The codings folder (created if needed).
    coder : str
        The coder; every row must be theirs.
    frame : pandas.DataFrame
        The coder's whole set of codings (the file is replaced).
    lock : bool
        Take the coder's lock file while writing (set false when the caller holds it).

    Raises
    ------
    CodingError
        When a row belongs to another coder or has a bad value.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> rows = pd.DataFrame({"coder": ["lea"], "doc_id": ["D"], "start": [0], "end": [2],
    ...                      "code": ["x"], "quote": ["Un"]})
    >>> save_codings(folder, "lea", rows).name
    'lea.csv'
    >>> save_codings(folder, "tom", rows)
    Traceback (most recent call last):
    ...
    research.errors.CodingError: row 1, column 'coder': a row of 'lea' cannot be saved in the file of 'tom' (hint: ...)
    """
    _check_coder(coder)
    folder = Path(folder)
    others = (
        frame["coder"].astype(str) != coder
        if "coder" in frame.columns
        else pd.Series([], dtype=bool)
    )
    if others.any():
        i = int(np.flatnonzero(others.to_numpy())[0])
        raise CodingError(
            f"a row of {frame['coder'].iloc[i]!r} cannot be saved in the file of {coder!r}",
            row=row_number(frame, i),
            column="coder",
            hint="two coders never write the same file; save each coder's rows separately",
        )
    text = codings_text(frame)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{coder}.csv"
    if lock:
        with coder_lock(folder, coder):
            atomic_write_text(path, text)
    else:
        atomic_write_text(path, text)
    return path


def apply_reanchoring(
    folder,
    corpus: Corpus,
    *,
    coders: list[str] | None = None,
    window: int = 1000,
    min_score: float = 85.0,
    dry_run: bool = False,
) -> pd.DataFrame:
    """Re-anchor the codings of a codings folder and write the coder files that changed.

    Each coder file is re-read and rewritten under its lock. Orphaned codings are
    left as they are and reported.

    Parameters
    ----------
    folder : path-like
        The codings folder.
    corpus : Corpus
        The corrected corpus.
    coders : list of str, optional
        Only these coders (default: all).
    dry_run : bool
        Report without writing.

    Returns
    -------
    pandas.DataFrame
        The report of :func:`reanchor`, for every coder.
    """
    folder = Path(folder)
    reports = []
    for path in coding_files(folder):
        coder = path.stem
        if coders is not None and coder not in coders:
            continue
        with coder_lock(folder, coder):
            frame, problems = _read_file(path, path.name)
            errors = [p for p in problems if p.severity == "error"]
            if errors:
                raise ValidationFailed(errors)
            new, report = reanchor(
                frame[CODING_COLUMNS], corpus, window=window, min_score=min_score
            )
            if len(report):
                reports.append(report)
            if not dry_run and (report["status"] == "moved").any():
                save_codings(folder, coder, new, lock=False)
    if not reports:
        return reanchor(empty_codings(), corpus)[1]
    return pd.concat(reports, ignore_index=True)
