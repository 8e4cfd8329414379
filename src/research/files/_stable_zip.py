"""Zip containers (XLSX, DOCX) rewritten so that equal content gives equal bytes.

Office files are zip archives whose members carry the time they were written,
and whose ``docProps/core.xml`` holds a creation and a modification date.
:func:`stable_zip` rewrites such an archive with one fixed time on every
member and the dates of ``core.xml`` set to the one given, so that a table or a
document made twice from the same data is the same file.

Examples
--------
>>> import io, zipfile
>>> def made():
...     buffer = io.BytesIO()
...     with zipfile.ZipFile(buffer, "w") as archive:
...         archive.writestr("a.txt", "x")
...     return buffer.getvalue()
>>> stable_zip(made()) == stable_zip(made())
True
"""

from __future__ import annotations

import io
import re
import zipfile

__all__ = ["FIXED_ZIP_TIME", "stable_zip"]

#: The time written on every member (the earliest a zip archive can hold).
FIXED_ZIP_TIME = (1980, 1, 1, 0, 0, 0)
_STAMP = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def stable_zip(data: bytes, *, core_date: str = "2000-01-01T00:00:00Z") -> bytes:
    """Rewrite a zip archive with fixed member times and ``core.xml`` dates.

    Parameters
    ----------
    data : bytes
        The archive.
    core_date : str
        The W3CDTF time given to ``dcterms:created`` and ``dcterms:modified``
        in ``docProps/core.xml``, when the archive has one.
    """
    stamp = rb"\g<1>" + core_date.encode("ascii") + rb"\g<3>"
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            content = source.read(info.filename)
            if info.filename == "docProps/core.xml":
                content = _STAMP.sub(stamp, content)
            entry = zipfile.ZipInfo(info.filename, date_time=FIXED_ZIP_TIME)
            entry.compress_type = zipfile.ZIP_DEFLATED
            entry.external_attr = 0o600 << 16
            target.writestr(entry, content)
    return out.getvalue()
