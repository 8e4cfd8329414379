"""Tables and figures of a large project keep a size that grows with it, not faster.

Found by ``benchmarks/bench_scale.py``: what an analysis attaches to its table
(``attrs``, such as the documents of each group) was copied deeply at every
column the writers took, so a code × document table of thousands of documents
took minutes; and the code × document heatmap was a fifth of an inch per
document wide.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from research.analysis import plot_code_document_matrix
from research.pipeline import table_bytes
from research.vocabulary import readers_table


def _matrix(n_docs: int) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    documents = [f"D{i:04d}" for i in range(n_docs)]
    matrix = pd.DataFrame(
        rng.integers(0, 3, size=(5, n_docs)), index=[f"c{i}" for i in range(5)], columns=documents
    )
    matrix.attrs["groups"] = [{"label": "entretien", "documents": documents}]
    return matrix


def test_attributes_of_a_table_are_not_written_nor_copied_per_column():
    matrix = _matrix(300)
    bare = matrix.copy()
    bare.attrs = {}
    for fmt in ("csv", "xlsx", "tex"):
        assert table_bytes(matrix, fmt) == table_bytes(bare, fmt)
    assert readers_table(matrix).attrs == {}
    assert matrix.attrs["groups"][0]["label"] == "entretien"  # the caller's table is untouched


def test_the_heatmap_of_many_documents_keeps_a_readable_width():
    few = plot_code_document_matrix(_matrix(40))
    assert len(few.axes[0].get_xticklabels()) == 40
    many = plot_code_document_matrix(_matrix(2000))
    width, _ = many.get_size_inches()
    assert width <= 24 and many.axes[0].get_xticks().size == 0
    assert many.axes[0].get_xlabel() == "2000 documents"
