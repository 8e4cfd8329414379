"""Document attributes as REFI-QDA variables, written and read back.

Every attribute of the documents table but :data:`DERIVED_COLUMNS` becomes a
``Variable`` whose type fits all its values (``Boolean``, ``Integer``,
``Float``, ``Date``, ``Text``), or a ``Text`` variable of JSON values (marked by
:data:`JSON_VALUES` in its ``Description``) when none fits. Reading gives each
value its Python type again, from a source's ``VariableValue`` elements or from
the cases that name the source.
"""

from __future__ import annotations

import contextlib
import json
import math
import re
from decimal import Decimal
from typing import Any

import numpy as np
import pandas as pd
from lxml import etree

from research.errors import InputError
from research.exchange._notes import STRUCTURE_COLUMNS
from research.exchange._xml import _HINT, _child, _children, _guid, _local, _text_of

__all__ = ["DERIVED_COLUMNS"]


#: Document columns computed by the corpus, not exported as variables.
DERIVED_COLUMNS = ("doc_id", "path", "sha256", "n_chars", "n_words", "n_segments")

#: The ``Description`` of a variable whose values are written as JSON.
JSON_VALUES = "Values written as JSON (lists, mappings or mixed types)."
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


# -- variables -----------------------------------------------------------------------------


def _plain(value: Any) -> Any:
    """A document attribute as a plain Python value (``None`` when missing)."""
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return value


def _variable_type(values: list[Any]) -> str:
    """The REFI-QDA type of a variable's values, or ``"json"`` when none fits."""
    kinds = set()
    for value in values:
        if isinstance(value, bool):
            kinds.add("Boolean")
        elif isinstance(value, int):
            kinds.add("Integer")
        elif isinstance(value, float):
            kinds.add("Float" if math.isfinite(value) else "json")
        elif isinstance(value, str):
            kinds.add("Date" if _ISO_DATE.match(value) and _is_date(value) else "Text")
        else:
            kinds.add("json")
    if len(kinds) == 1:
        return kinds.pop()
    if kinds == {"Integer", "Float"}:
        return "Float"
    if kinds == {"Date", "Text"}:
        return "Text"
    return "json"


def _is_date(value: str) -> bool:
    try:
        pd.Timestamp(value)
    except ValueError:
        return False
    return True


def _value_text(value: Any, kind: str) -> str:
    if kind == "json":
        return json.dumps(value, ensure_ascii=False, sort_keys=False)
    if kind == "Boolean":
        return "true" if value else "false"
    if kind == "Float" and isinstance(value, float):
        return format(Decimal(repr(value)), "f")
    return str(value)


_VALUE_TAGS = {
    "Text": "TextValue",
    "json": "TextValue",
    "Boolean": "BooleanValue",
    "Integer": "IntegerValue",
    "Float": "FloatValue",
    "Date": "DateValue",
}


def _restore_ints(column: pd.Series) -> list[Any]:
    """Values of a column; integral floats of a column with gaps become ints again.

    pandas stores an integer attribute missing from some documents as floats
    with NaN; the front matter had integers.
    """
    values = [_plain(v) for v in column.tolist()]
    if column.dtype.kind == "f" and column.isna().any():
        values = [int(v) if isinstance(v, float) and v.is_integer() else v for v in values]
    return values


def _document_variables(documents: pd.DataFrame) -> dict[str, tuple[str, list[Any]]]:
    """Variable name → (type, value per document) for each exported attribute."""
    variables = {}
    for column in documents.columns:
        if column in DERIVED_COLUMNS or column in STRUCTURE_COLUMNS:
            continue
        values = _restore_ints(documents[column])
        present = [v for v in values if v is not None]
        if present:
            variables[str(column)] = (_variable_type(present), values)
    return variables


# -- variables and cases ----------------------------------------------------------------


def _variables(root: etree._Element) -> dict[str, tuple[str, str, bool]]:
    """Variable GUID → (name, type, values written as JSON)."""
    found = {}
    container = _child(root, "Variables")
    for variable in _children(container, "Variable") if container is not None else []:
        description = _text_of(_child(variable, "Description")).strip()
        found[_guid(variable.get("guid"))] = (
            (variable.get("name") or "").strip(),
            variable.get("typeOfVariable") or "Text",
            description == JSON_VALUES,
        )
    return found


def _value(element: etree._Element, variables: dict, path) -> tuple[str, Any] | None:
    ref = _child(element, "VariableRef")
    variable = variables.get(_guid(ref.get("targetGUID"))) if ref is not None else None
    if variable is None:
        raise InputError(
            "a VariableValue refers to no known Variable",
            path=path,
            line=element.sourceline,
            hint=_HINT,
        )
    name, _, as_json = variable
    for child in element:
        kind = _local(child)
        if kind in ("VariableRef", ""):
            continue
        text = _text_of(child).strip()
        if kind == "BooleanValue":
            return name, text.lower() in ("true", "1")
        if kind == "IntegerValue":
            return name, int(text)
        if kind == "FloatValue":
            return name, int(text) if re.fullmatch(r"[+-]?\d+", text) else float(text)
        if as_json:
            with contextlib.suppress(ValueError):
                return name, json.loads(text)
        return name, text
    return None


def _case_values(root: etree._Element, variables: dict, path) -> dict[str, dict[str, Any]]:
    """Source GUID → attributes, from the cases that name the source."""
    values: dict[str, dict[str, Any]] = {}
    container = _child(root, "Cases")
    for case in _children(container, "Case") if container is not None else []:
        pairs = [_value(v, variables, path) for v in _children(case, "VariableValue")]
        for ref in _children(case, "SourceRef"):
            target = values.setdefault(_guid(ref.get("targetGUID")), {})
            target.update(p for p in pairs if p is not None)
    return values
