"""Opening zip containers and XML files that may be hostile or damaged.

Office documents (``.docx``, ``.odt``), REFI-QDA projects (``.qdpx``) and
Transcriber files (``.trs``) are parsed from files that people receive by e-mail or
download: a crafted file must not exhaust memory or read other files, and a damaged
one must give a clear message rather than a traceback from deep inside a library.

- :func:`check_zip` reads the zip index (never the members) and refuses, before
  anything is extracted, a container whose total uncompressed size, member count or
  compression ratio is over the limits of :class:`~research.files.Limits`
  (a "zip bomb"), or whose member names are absolute or contain ``..`` (a "zip
  slip"). A file that is not a zip at all, or is truncated, is an
  :class:`~research.errors.InputError`.
- :func:`parse_xml` parses XML with entity expansion, DTD loading, network access
  and huge trees all turned off, and refuses any entity declaration (the "billion
  laughs" expansion and external entities such as ``SYSTEM "file:///etc/passwd"``).
  A ``<!DOCTYPE … SYSTEM "trans-14.dtd">`` line is normal and accepted: the DTD is
  never loaded.

The sizes in a zip index are written by whoever made the file: a member can
declare 1,000 bytes and inflate to gigabytes. :mod:`zipfile` then inflates the
whole member in memory before failing on its CRC, so :func:`check_zip` also
inflates every member as a stream, counting the real bytes against the limits
(the declared size, ``max_unzipped_bytes`` and ``max_zip_ratio``) without keeping
them, before any library reads the container; :func:`read_member` reads the same
way. Memory never holds more than one member as large as its header declares.

Examples
--------
>>> root = parse_xml(b"<Trans><Turn>Bonjour</Turn></Trans>", path="a.trs")
>>> root.find("Turn").text
'Bonjour'
>>> parse_xml(b'<!DOCTYPE t [<!ENTITY e "x">]><t>&e;</t>', path="a.trs")
Traceback (most recent call last):
...
research.errors.UnsafeInputError: a.trs: the XML declares entities ...

References
----------
.. [1] D. Fifield, "A better zip bomb", 13th USENIX Workshop on Offensive
   Technologies (WOOT), 2019.
.. [2] OWASP, "XML External Entity Prevention Cheat Sheet", OWASP Cheat Sheet
   Series.
"""

from __future__ import annotations

import io
import os
import re
import struct
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from lxml import etree

from research.errors import InputError, UnsafeInputError
from research.files._atomic import read_limited
from research.files._limits import Limits

__all__ = ["check_xml_members", "check_zip", "parse_xml", "read_member", "zip_problem"]

_ENTITY_MARKERS = tuple(
    "<!ENTITY".encode(encoding) for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
_ENTITY_TROUBLE = re.compile(
    r"amplification|entity reference loop|entity.*(?:loop|recursion)", re.I
)
_RESAVE = {
    ".docx": "re-save it from the word processor",
    ".odt": "re-save it from the word processor",
    ".qdpx": "export the project again from the qualitative analysis software",
    ".xlsx": "save the workbook again as .xlsx, or export the sheet as CSV UTF-8",
}


def _kind(path: str | os.PathLike | None, kind: str | None) -> str:
    if kind:
        return kind
    suffix = Path(path).suffix.lower() if path is not None else ""
    return suffix or "zip file"


def _damaged(path, kind: str, detail: str = "") -> InputError:
    fix = _RESAVE.get(kind, "re-export it from the software that made it")
    more = f" ({detail})" if detail else ""
    return InputError(
        f"not a valid {kind}: the file is damaged or truncated{more}",
        path=path,
        hint=fix,
    )


def _limit_hint(limit: str) -> str:
    return f"if the file is genuine, raise limits.{limit} in research.yaml"


def zip_problem(infos: list[zipfile.ZipInfo], options: Limits) -> str | None:
    """The first unsafe feature of a zip index, or ``None`` when it is within limits.

    Parameters
    ----------
    infos : list of zipfile.ZipInfo
        The index of the container (``ZipFile.infolist()``).
    options : Limits
        ``max_zip_members``, ``max_unzipped_bytes`` and ``max_zip_ratio`` are used.

    Returns
    -------
    str or None
        The name of the limit that is exceeded (``"max_zip_members"``, …), or
        ``"unsafe_name"`` for an absolute or ``..`` member name.

    Examples
    --------
    >>> info = zipfile.ZipInfo("../evil.txt")
    >>> zip_problem([info], Limits())
    'unsafe_name'
    >>> zip_problem([zipfile.ZipInfo("word/document.xml")], Limits()) is None
    True
    """
    if len(infos) > options.max_zip_members:
        return "max_zip_members"
    if any(_unsafe_name(info.filename) for info in infos):
        return "unsafe_name"
    if sum(info.file_size for info in infos) > options.max_unzipped_bytes:
        return "max_unzipped_bytes"
    if any(_ratio(info) > options.max_zip_ratio for info in infos):
        return "max_zip_ratio"
    return None


def _unsafe_name(name: str) -> bool:
    """Whether a member name is absolute or climbs out of the container."""
    unified = name.replace("\\", "/")
    if unified.startswith("/") or (len(unified) > 1 and unified[1] == ":"):
        return True
    return ".." in PurePosixPath(unified).parts


def _ratio(info: zipfile.ZipInfo) -> float:
    if info.file_size == 0:
        return 0.0
    return info.file_size / max(info.compress_size, 1)


def _refuse(path, kind: str, infos: list[zipfile.ZipInfo], options: Limits) -> None:
    problem = zip_problem(infos, options)
    if problem is None:
        return
    if problem == "max_zip_members":
        raise UnsafeInputError(
            f"the {kind} container holds {len(infos):,} members, over the limit of "
            f"{options.max_zip_members:,} (max_zip_members); nothing was extracted",
            path=path,
            hint=_limit_hint("max_zip_members"),
        )
    if problem == "unsafe_name":
        name = next(info.filename for info in infos if _unsafe_name(info.filename))
        raise UnsafeInputError(
            f"the {kind} container has a member named {name!r}, which points outside "
            "the container; nothing was extracted",
            path=path,
            hint="the file was crafted or damaged: ask for a copy re-saved by its application",
        )
    if problem == "max_unzipped_bytes":
        total = sum(info.file_size for info in infos)
        raise UnsafeInputError(
            f"the {kind} container would unpack to {total:,} bytes, over the limit of "
            f"{options.max_unzipped_bytes:,} (max_unzipped_bytes); nothing was extracted",
            path=path,
            hint=_limit_hint("max_unzipped_bytes"),
        )
    info = max(infos, key=_ratio)
    raise UnsafeInputError(
        f"member {info.filename!r} of the {kind} container is compressed "
        f"{_ratio(info):,.0f} times, over the limit of {options.max_zip_ratio:,g} "
        "(max_zip_ratio), as in a zip bomb; nothing was extracted",
        path=path,
        hint=_limit_hint("max_zip_ratio"),
    )


_CHUNK = 1 << 16


class _CheckedZip(zipfile.ZipFile):
    """A zip container whose index passed the limits; it keeps them for reading."""

    limits: Limits = Limits()


def _data_offset(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> int:
    """Where the compressed bytes of ``info`` start, after its local header."""
    archive.fp.seek(info.header_offset)
    header = archive.fp.read(zipfile.sizeFileHeader)
    if len(header) != zipfile.sizeFileHeader or header[:4] != zipfile.stringFileHeader:
        raise zipfile.BadZipFile(f"bad local header for {info.filename!r}")
    fields = struct.unpack(zipfile.structFileHeader, header)
    name_length, extra_length = fields[10], fields[11]  # the header's last two fields
    return info.header_offset + zipfile.sizeFileHeader + name_length + extra_length


def _chunks(archive: zipfile.ZipFile, info: zipfile.ZipInfo, cap: int):
    """The inflated bytes of ``info`` in chunks, stopping once more than ``cap`` came."""
    if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
        with archive.open(info) as stream:  # zipfile stops at the declared size
            while chunk := stream.read(_CHUNK):
                yield chunk
        return
    archive.fp.seek(_data_offset(archive, info))
    left = info.compress_size
    inflater = zlib.decompressobj(-zlib.MAX_WBITS)
    produced = 0
    while left > 0 and produced <= cap:
        raw = archive.fp.read(min(_CHUNK, left))
        if not raw:
            raise EOFError("the member's compressed data is truncated")
        left -= len(raw)
        if info.compress_type == zipfile.ZIP_STORED:
            produced += len(raw)
            yield raw
            continue
        while raw and produced <= cap:
            chunk = inflater.decompress(raw, _CHUNK)
            raw = inflater.unconsumed_tail
            produced += len(chunk)
            yield chunk
    if info.compress_type == zipfile.ZIP_DEFLATED and produced <= cap:
        yield inflater.flush()


def _inflated(
    archive: zipfile.ZipFile,
    info: zipfile.ZipInfo,
    *,
    path,
    kind: str,
    options: Limits,
    keep: bool,
) -> bytes:
    """Inflate one member as a stream, refusing it once its real size breaks a limit.

    Its real size is held to its declared size (which the index check held to
    ``max_unzipped_bytes`` and ``max_zip_ratio``) and to ``max_unzipped_bytes``.
    """
    budget = options.max_unzipped_bytes
    cap = min(info.file_size, budget)
    parts: list[bytes] = []
    size = 0
    crc = 0
    for chunk in _chunks(archive, info, max(cap, 0)):
        size += len(chunk)
        if size > info.file_size:
            raise UnsafeInputError(
                f"member {info.filename!r} of the {kind} container inflates to more than "
                f"the {info.file_size:,} bytes its header declares, as in a zip bomb; "
                "it was not read further",
                path=path,
                hint="the file was crafted or damaged: ask for a copy re-saved by its application",
            )
        if size > budget:
            raise UnsafeInputError(
                f"member {info.filename!r} of the {kind} container inflates to more than "
                f"{budget:,} bytes, over the limit (max_unzipped_bytes); it was not read further",
                path=path,
                hint=_limit_hint("max_unzipped_bytes"),
            )
        crc = zlib.crc32(chunk, crc)
        if keep:
            parts.append(chunk)
    if size != info.file_size or crc != info.CRC:
        raise zipfile.BadZipFile(
            f"{size:,} bytes instead of {info.file_size:,}" if size != info.file_size else "bad CRC"
        )
    return b"".join(parts)


#: What reading a damaged or truncated zip member raises, from zipfile and zlib.
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError, NotImplementedError)


def _read_all_members(archive: zipfile.ZipFile, *, path, kind: str, options: Limits) -> None:
    """Inflate every member without keeping it, counting real sizes against the limits."""
    for info in archive.infolist():
        if info.is_dir():
            continue
        try:
            _inflated(archive, info, path=path, kind=kind, options=options, keep=False)
        except _READ_ERRORS as exc:
            raise _damaged(path, kind, f"cannot read the part {info.filename!r}: {exc}") from None


def check_zip(
    path: str | os.PathLike,
    options: Limits,
    *,
    data: bytes | None = None,
    kind: str | None = None,
) -> zipfile.ZipFile:
    """Open a zip container after checking its index against the limits.

    Parameters
    ----------
    path : path-like
        The file; named in every error.
    options : Limits
        The limits (``max_file_bytes``, ``max_unzipped_bytes``, ``max_zip_ratio``,
        ``max_zip_members``), set in ``research.yaml`` under ``limits``.
    data : bytes, optional
        The file's content when already read (it is then not read again).
    kind : str, optional
        What the file should be, for messages (default: its suffix, ``".docx"``).

    Returns
    -------
    zipfile.ZipFile
        Open on an in-memory copy of the file; use it as a context manager.

    Raises
    ------
    InputError
        When the file is not a zip container or is truncated, or a member is damaged.
    UnsafeInputError
        When the file or its index is over a limit, or a member name is absolute
        or contains ``..`` (nothing has been extracted then); or when a member
        inflates to more than its header declares or than the limits allow (every
        member is inflated as a stream and counted, nothing kept).

    Examples
    --------
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w") as archive:
    ...     archive.writestr("content.xml", "<a/>")
    >>> with check_zip("a.odt", Limits(), data=buffer.getvalue()) as archive:
    ...     archive.namelist()
    ['content.xml']
    >>> check_zip("a.docx", Limits(), data=b"not a zip")
    Traceback (most recent call last):
    ...
    research.errors.InputError: a.docx: not a valid .docx: the file is damaged or truncated ...
    """
    kind = _kind(path, kind)
    if data is None:
        data = read_limited(path, max_bytes=options.max_file_bytes)
    try:
        archive = _CheckedZip(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, OSError, ValueError) as exc:
        raise _damaged(path, kind, str(exc) if data else "the file is empty") from None
    try:
        infos = archive.infolist()
        _refuse(path, kind, infos, options)
        encrypted = [info.filename for info in infos if info.flag_bits & 0x1]
        if encrypted:
            raise InputError(
                f"the {kind} is protected by a password (member {encrypted[0]!r} is encrypted)",
                path=path,
                hint="open it in its application and save a copy without a password",
            )
        archive.limits = options
        _read_all_members(archive, path=path, kind=kind, options=options)
    except BaseException:
        archive.close()
        raise
    return archive


def read_member(
    archive: zipfile.ZipFile,
    name: str,
    *,
    path: str | os.PathLike,
    kind: str | None = None,
) -> bytes:
    """Read one member of a checked container, turning failures into ``InputError``.

    The member is inflated as a stream and its real size counted against its
    declared size and the limits the container was checked with (see
    :func:`check_zip`), so a lying header cannot fill memory.

    Raises
    ------
    UnsafeInputError
        When the member inflates to more than its header declares or the limits allow.
    InputError
        When the member is missing or damaged.

    Examples
    --------
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w") as archive:
    ...     archive.writestr("mimetype", "application/vnd.oasis.opendocument.text")
    >>> with check_zip("a.odt", Limits(), data=buffer.getvalue()) as archive:
    ...     read_member(archive, "mimetype", path="a.odt")[:11]
    b'application'
    """
    kind = _kind(path, kind)
    options = getattr(archive, "limits", None) or Limits()
    try:
        info = archive.getinfo(name)
        return _inflated(archive, info, path=path, kind=kind, options=options, keep=True)
    except KeyError:
        raise _damaged(path, kind, f"the part {name!r} is missing") from None
    except _READ_ERRORS as exc:
        raise _damaged(path, kind, f"cannot read the part {name!r}: {exc}") from None


def _parser() -> etree.XMLParser:
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        huge_tree=False,
        remove_comments=False,
    )


def _entities_refused(path, member: str | None) -> UnsafeInputError:
    where = f" (part {member!r})" if member else ""
    return UnsafeInputError(
        f"the XML declares entities (<!ENTITY …>){where}, which can expand without "
        "bound or read other files; it was not parsed",
        path=path,
        hint="remove the <!ENTITY …> declarations from its DOCTYPE: Transcriber, "
        "office and REFI-QDA files never need them",
    )


def parse_xml(
    data: bytes,
    *,
    path: str | os.PathLike | None,
    member: str | None = None,
) -> etree._Element:
    """Parse XML bytes with every dangerous feature of the parser turned off.

    The encoding declared in the XML prolog (or a byte-order mark) is honoured.

    Parameters
    ----------
    data : bytes
        The XML document.
    path : path-like or None
        The file, named in errors.
    member : str, optional
        The part of a container the XML comes from (``"word/document.xml"``).

    Returns
    -------
    lxml.etree._Element
        The root element.

    Raises
    ------
    UnsafeInputError
        When the document declares entities (internal or external).
    InputError
        When the document is empty or malformed (with its line and column).

    Examples
    --------
    >>> parse_xml(b'<?xml version="1.0" encoding="ISO-8859-1"?><a>\\xe9t\\xe9</a>', path="x.trs").text
    'été'
    >>> parse_xml(b"<a>\\n<b></a>", path="x.trs")
    Traceback (most recent call last):
    ...
    research.errors.InputError: x.trs, line 2: malformed XML at line 2, column 8: ...
    """
    where = f" in part {member!r}" if member else ""
    if not data.strip():
        raise InputError(
            f"the XML{where} is empty",
            path=path,
            hint="the file was not saved completely; re-export it",
        )
    if any(marker in data for marker in _ENTITY_MARKERS):
        raise _entities_refused(path, member)
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        if _ENTITY_TROUBLE.search(exc.msg or ""):
            raise _entities_refused(path, member) from None
        line, column = exc.position if exc.position else (exc.lineno, None)
        at = f"at line {line}, column {column}" if column else f"at line {line}"
        raise InputError(
            f"malformed XML{where} {at}: {exc.msg}",
            path=path,
            line=line,
            hint="the file is damaged or was edited by hand: fix the XML at that place "
            "or export the file again",
        ) from None
    dtd = root.getroottree().docinfo.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise _entities_refused(path, member)
    return root


def check_xml_members(
    archive: zipfile.ZipFile,
    *,
    path: str | os.PathLike,
    kind: str | None = None,
    suffixes: tuple[str, ...] = (".xml", ".rels"),
) -> dict[str, etree._Element]:
    """Parse every XML member of a checked container with :func:`parse_xml`.

    Libraries that parse the members themselves (python-docx, odfpy) are then only
    given XML known to be well formed and free of entity declarations.

    Returns
    -------
    dict
        Member name to root element.

    Examples
    --------
    >>> buffer = io.BytesIO()
    >>> with zipfile.ZipFile(buffer, "w") as archive:
    ...     archive.writestr("content.xml", "<a>texte</a>")
    >>> with check_zip("a.odt", Limits(), data=buffer.getvalue()) as archive:
    ...     check_xml_members(archive, path="a.odt")["content.xml"].text
    'texte'
    """
    roots = {}
    for name in archive.namelist():
        if name.lower().endswith(suffixes):
            data = read_member(archive, name, path=path, kind=kind)
            roots[name] = parse_xml(data, path=path, member=name)
    return roots
