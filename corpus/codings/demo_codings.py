"""The demo codings of the two coders, written as (document, words, code[, memo]).

Each entry names the exact words of the stored text (straight or curly
apostrophes alike) and the code chosen for them; offsets are computed from the
text by :meth:`research.coding.CodingSession.code_text`, never typed.
``camille`` is the researcher (P04); ``second-coder`` coded a quarter of the
same documents on her own, from the codebook alone, for the agreement chapter.

Run from the project root to rewrite ``camille.csv``, ``second-coder.csv`` and
``coders.yaml`` (the ``created`` times are fixed per document so reruns give the
same files)::

    python corpus/codings/demo_codings.py
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import yaml

from research.coding import CodingSession, save_codings
from research.project import open_project

sys.path.insert(0, str(Path(__file__).resolve().parent))
from demo_camille import CAMILLE
from demo_second_coder import SECOND_CODER

#: When each coder coded each kind of document (UTC), one minute apart per document.
SCHEDULE = {
    "camille": {
        "interview": "2020-02-03T09:00:00Z",
        "minutes": "2020-03-02T09:00:00Z",
        "logbook": "2020-03-23T09:00:00Z",
    },
    "second-coder": {
        "interview": "2020-04-14T13:00:00Z",
        "minutes": "2020-04-21T13:00:00Z",
        "logbook": "2020-04-28T13:00:00Z",
    },
}


def code_all(project, coder: str, entries: dict[str, list[tuple]]) -> pd.DataFrame:
    """Code every entry for ``coder`` and return the codings with fixed times."""
    session = CodingSession(project, coder, folder=project.root / "_unused")
    kinds = project.corpus.documents.set_index("doc_id")["kind"]
    for doc_id, items in entries.items():
        for item in items:
            words, code, *rest = item
            session.code_text(doc_id, words, code, rest[0] if rest else None)
    frame = session.codings.copy()
    order = {doc_id: i for i, doc_id in enumerate(entries)}
    starts = frame["doc_id"].map(lambda d: pd.Timestamp(SCHEDULE[coder][kinds[d]]))
    frame["created"] = starts + pd.to_timedelta(frame["doc_id"].map(order), unit="min")
    return frame


def main() -> None:
    project = open_project(Path(__file__).resolve().parents[2])
    folder = project.paths.codings
    done = {}
    for coder, entries in (("camille", CAMILLE), ("second-coder", SECOND_CODER)):
        frame = code_all(project, coder, entries)
        save_codings(folder, coder, frame)
        done[coder] = {"documents": sorted(entries)}
        print(f"{coder}: {len(frame)} codings in {frame['doc_id'].nunique()} documents")
    done["camille"] = {"documents": "all"}
    header = "# Which documents each coder has finished (read by the agreement chapter).\n"
    text = header + yaml.safe_dump(done, allow_unicode=True, sort_keys=False, width=88)
    (folder / "coders.yaml").write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
