"""Codebooks: trees of codes written as YAML files, read, validated, written and exported."""

from research.codebook._export import (
    EXPORT_FORMATS,
    codebook_html,
    codebook_markdown,
    codebook_table,
    export_codebook,
)
from research.codebook._files import (
    codebook_files,
    codebook_texts,
    load_codebook,
    read_codebook,
    save_codebook,
)
from research.codebook._model import (
    CODE_COLUMNS,
    LEVELS,
    Codebook,
    add_code,
    choose_codes,
    validate_codes,
    with_codes_from,
)

__all__ = [
    "CODE_COLUMNS",
    "EXPORT_FORMATS",
    "LEVELS",
    "Codebook",
    "add_code",
    "choose_codes",
    "codebook_files",
    "codebook_html",
    "codebook_markdown",
    "codebook_table",
    "codebook_texts",
    "export_codebook",
    "load_codebook",
    "read_codebook",
    "save_codebook",
    "validate_codes",
    "with_codes_from",
]
