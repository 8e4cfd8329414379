"""Tests of research.files: zip limits, zip slip, damaged files, hostile XML."""

from __future__ import annotations

import functools
import io
import struct
import tracemalloc
import zipfile
from pathlib import Path

import pytest

from research.errors import InputError, UnsafeInputError
from research.files import Limits, check_xml_members, check_zip, parse_xml, read_member, zip_problem
from research.files import _archives as safety

DATA = Path(__file__).parent / "data" / "loaders"
DOCX = DATA / "compte-rendu.docx"


def make_zip(path: Path, members: dict[str, bytes], *, method: int = zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=method) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def info(name: str = "a.xml", *, size: int = 0, compressed: int = 0) -> zipfile.ZipInfo:
    item = zipfile.ZipInfo(name)
    item.file_size, item.compress_size = size, compressed
    return item


# -- zip_problem: the decisions, on hand-made indexes --------------------------------


@pytest.mark.parametrize(
    ("infos", "options", "expected"),
    [
        ([info(size=1000, compressed=10)], Limits(), None),  # ratio 100
        ([info(size=1000, compressed=5)], Limits(), None),  # ratio 200: at the limit
        ([info(size=1000, compressed=4)], Limits(), "max_zip_ratio"),  # 250
        ([info(size=0, compressed=0)], Limits(max_zip_ratio=1), None),  # empty member
        ([info(size=10, compressed=0)], Limits(max_zip_ratio=5), "max_zip_ratio"),
        (
            [info("a", size=60), info("b", size=41)],
            Limits(max_unzipped_bytes=100, max_zip_ratio=1e9),
            "max_unzipped_bytes",
        ),
        (
            [info("a", size=60), info("b", size=40)],
            Limits(max_unzipped_bytes=100, max_zip_ratio=1e9),
            None,
        ),
        ([info(str(i)) for i in range(4)], Limits(max_zip_members=3), "max_zip_members"),
        ([info(str(i)) for i in range(3)], Limits(max_zip_members=3), None),
    ],
)
def test_zip_problem_limits(infos, options, expected):
    assert zip_problem(infos, options) == expected


@pytest.mark.parametrize(
    "name",
    [
        "../evil.txt",
        "word/../../evil.txt",
        "/etc/cron.d/x",
        "C:/Windows/x",
        "C:\\x",
        "..\\evil",
        "a/..",
    ],
)
def test_zip_problem_refuses_names_leaving_the_container(name):
    assert zip_problem([info(name)], Limits()) == "unsafe_name"


@pytest.mark.parametrize(
    "name", ["word/document.xml", "a/..b/c.xml", "..hidden", "Pictures/x..png"]
)
def test_zip_problem_accepts_names_with_dots(name):
    assert zip_problem([info(name)], Limits()) is None


# -- check_zip on real files ----------------------------------------------------------


def test_check_zip_opens_a_valid_container():
    with check_zip(DOCX, Limits()) as archive:
        assert "word/document.xml" in archive.namelist()


@pytest.fixture
def forbid_extraction(monkeypatch):
    """Call it to make any later attempt to read a member fail loudly."""

    def refuse(*args, **kwargs):
        raise AssertionError("a member was read before the index was checked")

    def forbid() -> None:
        monkeypatch.setattr(zipfile.ZipFile, "open", refuse)
        monkeypatch.setattr(zipfile.ZipFile, "read", refuse)

    return forbid


def test_zip_bomb_refused_from_the_index(tmp_path, forbid_extraction):
    zeros = b"\0" * 20_000_000  # about 20 KB once deflated: a ratio near 1000
    bomb = make_zip(tmp_path / "bombe.docx", {"word/document.xml": zeros})
    assert bomb.stat().st_size < 100_000
    forbid_extraction()
    with pytest.raises(UnsafeInputError) as caught:
        check_zip(bomb, Limits())
    message = str(caught.value)
    assert "bombe.docx" in message
    assert "word/document.xml" in message
    assert "max_zip_ratio" in message
    assert "research.yaml" in message


def test_zip_ratio_limit_can_be_raised(tmp_path):
    bomb = make_zip(tmp_path / "zeros.qdpx", {"project.qde": b"\0" * 1_000_000})
    with pytest.raises(UnsafeInputError, match=r"max_zip_ratio"):
        check_zip(bomb, Limits())
    with check_zip(bomb, Limits(max_zip_ratio=100_000)) as archive:
        assert archive.namelist() == ["project.qde"]


def test_total_size_limit(tmp_path, forbid_extraction):
    forbid_extraction()
    with pytest.raises(UnsafeInputError) as caught:
        check_zip(DOCX, Limits(max_unzipped_bytes=1000))
    assert "compte-rendu.docx" in str(caught.value)
    assert "max_unzipped_bytes" in str(caught.value)


def test_member_count_limit(tmp_path, forbid_extraction):
    many = make_zip(tmp_path / "many.odt", {f"m{i}.xml": b"<a/>" for i in range(5)})
    forbid_extraction()
    with pytest.raises(UnsafeInputError, match=r"5 members.*max_zip_members") as caught:
        check_zip(many, Limits(max_zip_members=4))
    assert "many.odt" in str(caught.value)


def test_file_size_limit(tmp_path):
    with pytest.raises(UnsafeInputError, match=r"max_file_bytes") as caught:
        check_zip(DOCX, Limits(max_file_bytes=100))
    assert "compte-rendu.docx" in str(caught.value)


@pytest.mark.parametrize("name", ["../../../outside/evil.sh", "/etc/passwd"])
def test_zip_slip_refused(tmp_path, name, forbid_extraction):
    slip = make_zip(tmp_path / "slip.docx", {"word/document.xml": b"<a/>", name: b"x"})
    forbid_extraction()
    with pytest.raises(UnsafeInputError) as caught:
        check_zip(slip, Limits())
    assert "slip.docx" in str(caught.value)
    assert repr(name) in str(caught.value)


def test_random_bytes_are_not_a_container(tmp_path):
    junk = tmp_path / "abime.docx"
    junk.write_bytes(bytes(range(256)) * 8)
    with pytest.raises(InputError) as caught:
        check_zip(junk, Limits())
    assert not isinstance(caught.value, UnsafeInputError)
    message = str(caught.value)
    assert "abime.docx" in message
    assert "not a valid .docx: the file is damaged or truncated" in message
    assert "re-save it from the word processor" in message


def test_truncated_container(tmp_path):
    data = DOCX.read_bytes()
    cut = tmp_path / "coupe.docx"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(InputError, match=r"damaged or truncated") as caught:
        check_zip(cut, Limits())
    assert "coupe.docx" in str(caught.value)


def test_empty_file_is_not_a_container(tmp_path):
    empty = tmp_path / "vide.odt"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match=r"vide.odt: not a valid .odt"):
        check_zip(empty, Limits())


def test_encrypted_member(tmp_path):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("content.xml", b"<a/>")
        archive.infolist()[0].flag_bits |= 0x1  # written into the central directory
    with pytest.raises(InputError, match=r"password") as caught:
        check_zip("secret.odt", Limits(), data=buffer.getvalue())
    assert "secret.odt" in str(caught.value)


def test_read_member_missing_and_corrupt(tmp_path):
    text = "Le marché de producteurs aura lieu le samedi. " * 50
    good = make_zip(tmp_path / "a.odt", {"content.xml": text.encode()})
    with check_zip(good, Limits()) as archive:
        assert read_member(archive, "content.xml", path=good).decode() == text
        with pytest.raises(InputError, match=r"'styles.xml' is missing") as caught:
            read_member(archive, "styles.xml", path=good)
        assert "a.odt" in str(caught.value)
    data = bytearray(good.read_bytes())
    start = data.index(b"content.xml") + len("content.xml")  # first: the local header
    for i in range(start + 5, start + 25):
        data[i] ^= 0xFF  # damage the compressed bytes, keep the index
    with pytest.raises(InputError, match=r"b.odt: not a valid .odt.*'content.xml'"):
        check_zip("b.odt", Limits(), data=bytes(data))  # every member is inflated once


# -- parse_xml ------------------------------------------------------------------------

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE Trans [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
 <!ENTITY lol5 "&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;&lol4;">
 <!ENTITY lol6 "&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;&lol5;">
 <!ENTITY lol7 "&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;&lol6;">
 <!ENTITY lol8 "&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;&lol7;">
 <!ENTITY lol9 "&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;&lol8;">
]>
<Trans><Episode><Section><Turn>&lol9;</Turn></Section></Episode></Trans>"""

EXTERNAL = b"""<?xml version="1.0"?>
<!DOCTYPE Trans [ <!ENTITY secret SYSTEM "file:///etc/passwd"> ]>
<Trans>&secret;</Trans>"""

PARAMETER = b"""<?xml version="1.0"?>
<!DOCTYPE Trans [ <!ENTITY % remote SYSTEM "http://example.org/evil.dtd"> %remote; ]>
<Trans/>"""

HOSTILE = {"billion-laughs": BILLION_LAUGHS, "external": EXTERNAL, "parameter": PARAMETER}


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_entity_declarations_refused(name):
    with pytest.raises(UnsafeInputError) as caught:
        parse_xml(HOSTILE[name], path=f"{name}.trs")
    message = str(caught.value)
    assert f"{name}.trs" in message
    assert "<!ENTITY" in message
    assert "root:" not in message  # nothing of /etc/passwd


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_entity_declarations_refused_before_parsing(name, monkeypatch):
    def explode(*args, **kwargs):
        raise AssertionError("the hostile document reached the parser")

    monkeypatch.setattr(safety.etree, "fromstring", explode)
    with pytest.raises(UnsafeInputError):
        parse_xml(HOSTILE[name], path=f"{name}.trs")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_entity_declarations_refused_after_parsing_too(name, monkeypatch):
    """The check on the parsed DTD works even when the byte scan is bypassed."""
    monkeypatch.setattr(safety, "_ENTITY_MARKERS", ())
    with pytest.raises(UnsafeInputError, match=f"{name}.trs"):
        parse_xml(HOSTILE[name], path=f"{name}.trs")


def test_entity_declaration_in_utf16_refused():
    data = EXTERNAL.replace(b'<?xml version="1.0"?>', b'<?xml version="1.0" encoding="UTF-16"?>')
    with pytest.raises(UnsafeInputError):
        parse_xml(data.decode("ascii").encode("utf-16"), path="x.trs")


def test_external_dtd_accepted_and_not_loaded(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "trans-14.dtd").write_text("<!ENTITY injected 'x'>")  # must never be read
    data = (
        b'<?xml version="1.0" encoding="ISO-8859-1"?>\n'
        b'<!DOCTYPE Trans SYSTEM "trans-14.dtd">\n'
        b"<Trans>Caf\xe9 \xab\xa0cr\xe8me\xa0\xbb &#8217; &amp;</Trans>"
    )
    root = parse_xml(data, path="a.trs")
    assert root.text == "Café «\u00a0crème\u00a0» ’ &"
    docinfo = root.getroottree().docinfo
    assert docinfo.system_url == "trans-14.dtd"
    assert list(docinfo.internalDTD.iterentities()) == []


def test_internal_subset_without_entities_accepted():
    data = b'<!DOCTYPE a [ <!ELEMENT a (#PCDATA)> <!ATTLIST a x CDATA "1"> ]><a>ok</a>'
    assert parse_xml(data, path="a.xml").text == "ok"


@pytest.mark.parametrize(
    ("data", "line", "column"),
    [
        (b"<Trans>\n<Turn>\n</Trans>", 3, 9),  # just after the mismatched tag
        (b"<Trans>\n\n<Turn a=1/></Trans>", 3, 9),
        (b"<a>texte</a>\n<b/>", 2, 1),
    ],
)
def test_malformed_xml_names_line_and_column(data, line, column):
    with pytest.raises(InputError) as caught:
        parse_xml(data, path="casse.trs")
    error = caught.value
    assert not isinstance(error, UnsafeInputError)
    assert error.path == "casse.trs"
    assert error.line == line
    assert f"line {line}, column {column}" in str(error)
    assert str(error).startswith(f"casse.trs, line {line}: malformed XML")


def test_malformed_member_names_the_part():
    with pytest.raises(
        InputError, match=r"a.docx, line 1: malformed XML in part 'word/document.xml'"
    ):
        parse_xml(b"<w:document>", path="a.docx", member="word/document.xml")


@pytest.mark.parametrize("data", [b"", b"  \n "])
def test_empty_xml(data):
    with pytest.raises(InputError, match=r"vide.trs: the XML is empty"):
        parse_xml(data, path="vide.trs")


def test_deep_nesting_refused_without_huge_tree():
    depth = 5000
    data = b"<a>" * depth + b"</a>" * depth
    with pytest.raises(InputError, match=r"deep.xml"):
        parse_xml(data, path="deep.xml")


def test_check_xml_members_refuses_a_hostile_part(tmp_path):
    hostile = make_zip(
        tmp_path / "piege.docx",
        {
            "[Content_Types].xml": b"<Types/>",
            "word/document.xml": EXTERNAL,
            "media/a.png": b"\x89PNG",
        },
    )
    with (
        check_zip(hostile, Limits()) as archive,
        pytest.raises(UnsafeInputError, match=r"piege.docx.*'word/document.xml'"),
    ):
        check_xml_members(archive, path=hostile)


def test_check_xml_members_parses_only_xml_parts(tmp_path):
    mixed = make_zip(
        tmp_path / "a.odt", {"content.xml": b"<a>x</a>", "Pictures/p.png": b"<not xml"}
    )
    with check_zip(mixed, Limits()) as archive:
        roots = check_xml_members(archive, path=mixed)
    assert list(roots) == ["content.xml"]


# -- members whose header lies about their size ---------------------------------------


def lying_zip(name: str, content: bytes, declared: int) -> bytes:
    """A zip whose one member declares ``declared`` bytes (local and central headers)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, content)
    data = bytearray(buffer.getvalue())
    real = struct.pack("<L", len(content))
    local = data.index(b"PK\x03\x04")
    assert data[local + 22 : local + 26] == real  # uncompressed size, local header
    data[local + 22 : local + 26] = struct.pack("<L", declared)
    central = data.index(b"PK\x01\x02")
    assert data[central + 24 : central + 28] == real  # uncompressed size, central header
    data[central + 24 : central + 28] = struct.pack("<L", declared)
    return bytes(data)


@functools.cache
def fifty_megabytes_declared_as_1000() -> bytes:
    content = b"<a>" + b"x" * 50_000_000 + b"</a>"  # 50 MB, about 50 KB deflated
    return lying_zip("project.qde", content, declared=1_000)


@pytest.mark.parametrize("kind", [".qdpx", ".docx", ".odt", ".xlsx"])
def test_a_member_that_under_declares_its_size_is_stopped_early(kind):
    data = fifty_megabytes_declared_as_1000()
    assert len(data) < 200_000
    options = Limits(max_unzipped_bytes=5_000_000, max_zip_ratio=100)
    tracemalloc.start()
    try:
        with pytest.raises(UnsafeInputError) as caught:
            check_zip(f"bombe{kind}", options, data=data).close()
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    message = str(caught.value)
    assert f"bombe{kind}" in message and "'project.qde'" in message
    assert "1,000 bytes its header declares" in message
    assert peak < 2_000_000  # a few chunks, never the 50 MB


def test_read_member_counts_the_real_bytes(monkeypatch):
    content = b"<a>" + b"x" * 5_000_000 + b"</a>"
    data = lying_zip("content.xml", content, declared=1_000)
    monkeypatch.setattr("research.files._archives._read_all_members", lambda *a, **k: None)
    with (
        check_zip("a.odt", Limits(), data=data) as archive,
        pytest.raises(UnsafeInputError, match=r"a.odt: member 'content.xml'.*1,000 bytes"),
    ):
        read_member(archive, "content.xml", path="a.odt")


def test_honest_members_read_as_before(tmp_path):
    text = ("Réunion du comité. " * 10_000).encode()
    good = make_zip(tmp_path / "a.odt", {"content.xml": text, "stored": b"abc"})
    with check_zip(good, Limits(max_zip_ratio=10_000)) as archive:
        assert read_member(archive, "content.xml", path=good) == text
    stored = make_zip(tmp_path / "b.odt", {"content.xml": text}, method=zipfile.ZIP_STORED)
    with check_zip(stored, Limits(max_zip_ratio=10_000)) as archive:
        assert read_member(archive, "content.xml", path=stored) == text
    packed = make_zip(tmp_path / "c.odt", {"content.xml": text}, method=zipfile.ZIP_BZIP2)
    with check_zip(packed, Limits(max_zip_ratio=10_000)) as archive:
        assert read_member(archive, "content.xml", path=packed) == text
