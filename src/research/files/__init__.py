"""Reading outside files safely and writing the project's own files atomically.

One set of limits (:class:`Limits`) for every reader; one encoding policy
(:func:`decode_bytes`); one YAML loader (:func:`load_yaml`); zip containers and
XML are opened with checks against hostile input; human-made files are written
through a temporary file, flushed, synced and renamed, and files that change
together through one :func:`transaction`.
"""

from research.files._archives import (
    check_xml_members,
    check_zip,
    parse_xml,
    read_member,
    zip_problem,
)
from research.files._atomic import (
    atomic_write_bytes,
    atomic_write_text,
    is_temporary,
    read_limited,
    remove_stale_temporaries,
)
from research.files._decoding import decode_bytes
from research.files._limits import Limits
from research.files._links import (
    outside_link,
    outside_link_error,
    outside_link_problem,
    outside_links,
)
from research.files._listing import folder_files
from research.files._processes import pid_alive
from research.files._rows import read_rows
from research.files._spreadsheet import csv_text, spreadsheet_cell, spreadsheet_safe, xlsx_bytes
from research.files._stable_zip import FIXED_ZIP_TIME, stable_zip
from research.files._transaction import JOURNAL_PREFIX, Transaction, recover, transaction
from research.files._yaml import MAX_ALIAS_NODES, YamlMapping, load_yaml

__all__ = [
    "FIXED_ZIP_TIME",
    "JOURNAL_PREFIX",
    "MAX_ALIAS_NODES",
    "Limits",
    "Transaction",
    "YamlMapping",
    "atomic_write_bytes",
    "atomic_write_text",
    "check_xml_members",
    "check_zip",
    "csv_text",
    "decode_bytes",
    "folder_files",
    "is_temporary",
    "load_yaml",
    "outside_link",
    "outside_link_error",
    "outside_link_problem",
    "outside_links",
    "parse_xml",
    "pid_alive",
    "read_limited",
    "read_member",
    "read_rows",
    "recover",
    "remove_stale_temporaries",
    "spreadsheet_cell",
    "spreadsheet_safe",
    "stable_zip",
    "transaction",
    "xlsx_bytes",
    "zip_problem",
]
