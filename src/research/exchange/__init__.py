"""Files other software reads and writes: REFI-QDA projects (``.qdpx``) and codebooks (``.qdc``),
IRaMuTeQ corpora, and a chapter's results for the thesis, as Word or LaTeX (:func:`write_thesis`)."""

from research.exchange._descriptions import code_description, parse_code_description
from research.exchange._export_codebook import export_qdc, qdc_bytes
from research.exchange._export_project import (
    export_project,
    export_qdpx,
    project_description,
    qde_bytes,
    qdpx_bytes,
)
from research.exchange._imported import QdaImport, word_boundary_share
from research.exchange._iramuteq import (
    VARIABLE_NAMES,
    export_iramuteq,
    iramuteq_corpus,
    iramuteq_value,
)
from research.exchange._positions import from_units, origin_units, to_units, unit_boundaries
from research.exchange._read_qdc import read_qdc
from research.exchange._read_qdpx import read_qdpx
from research.exchange._taguette import read_taguette_csv
from research.exchange._thesis import (
    Bullets,
    FigureBlock,
    Heading,
    Paragraph,
    QuoteBlock,
    TableBlock,
    ThesisDocument,
    french_number,
    markdown_blocks,
    table_cells,
)
from research.exchange._thesis_docx import thesis_docx
from research.exchange._thesis_files import write_thesis
from research.exchange._thesis_latex import latex_escape, thesis_latex
from research.exchange._variables import DERIVED_COLUMNS
from research.exchange._write_import import import_refiqda, write_import
from research.exchange._xml import CODEBOOK_NS, GUID_NAMESPACE, ORIGIN, PROJECT_NS, stable_guid

__all__ = [
    "CODEBOOK_NS",
    "DERIVED_COLUMNS",
    "GUID_NAMESPACE",
    "ORIGIN",
    "PROJECT_NS",
    "VARIABLE_NAMES",
    "Bullets",
    "FigureBlock",
    "Heading",
    "Paragraph",
    "QdaImport",
    "QuoteBlock",
    "TableBlock",
    "ThesisDocument",
    "code_description",
    "export_iramuteq",
    "export_project",
    "export_qdc",
    "export_qdpx",
    "french_number",
    "from_units",
    "import_refiqda",
    "iramuteq_corpus",
    "iramuteq_value",
    "latex_escape",
    "markdown_blocks",
    "origin_units",
    "parse_code_description",
    "project_description",
    "qdc_bytes",
    "qde_bytes",
    "qdpx_bytes",
    "read_qdc",
    "read_qdpx",
    "read_taguette_csv",
    "stable_guid",
    "table_cells",
    "thesis_docx",
    "thesis_latex",
    "to_units",
    "unit_boundaries",
    "word_boundary_share",
    "write_import",
    "write_thesis",
]
