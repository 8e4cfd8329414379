"""Tests of research.files: decoding, the YAML loader, the transactional writer."""

import codecs

import pytest

from research.errors import InputError
from research.files import decode_bytes

WORD = "Enquêtrice : « ça » ; l’été !"


# --------------------------------------------------------------------------- decoding


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (codecs.BOM_UTF8 + WORD.encode("utf-8"), WORD),
        (codecs.BOM_UTF16_LE + WORD.encode("utf-16-le"), WORD),
        (codecs.BOM_UTF16_BE + WORD.encode("utf-16-be"), WORD),
        (WORD.encode("utf-8"), WORD),
    ],
    ids=["utf8-bom", "utf16le-bom", "utf16be-bom", "utf8"],
)
def test_decode_unicode_without_warning(data, expected):
    text, problems = decode_bytes(data, path="f.txt")
    assert text == expected
    assert problems == []


def test_cp1252_fallback_warns_and_names_the_file():
    text, problems = decode_bytes("Enquêtrice à l’été".encode("cp1252"), path="notes/a.txt")
    assert text == "Enquêtrice à l’été"
    assert len(problems) == 1
    assert problems[0].severity == "warning"
    assert problems[0].path == "notes/a.txt"
    assert "cp1252" in problems[0].message


def test_undecodable_bytes_are_an_error_naming_file_and_line():
    with pytest.raises(InputError) as info:
        decode_bytes(b"ligne 1\nEnqu\x81trice", path="x.txt")
    message = str(info.value)
    assert "x.txt" in message and "line 2" in message and "UTF-8" in message


def test_a_bom_that_lies_is_an_error():
    with pytest.raises(InputError, match="byte-order mark"):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfd", path="y.txt")


def test_utf8_is_never_guessed_as_another_encoding():
    # "ê" in UTF-8 is C3 AA; read as cp1250 it would give "Ä»" or "ę"-like damage.
    text, _ = decode_bytes("Enquêtrice".encode())
    assert text == "Enquêtrice"


def test_decoding_hint_replaces_the_general_advice():
    _, problems = decode_bytes("é".encode("cp1252"), path="t.csv", hint="save as CSV UTF-8")
    assert problems[0].hint == "save as CSV UTF-8"
    with pytest.raises(InputError) as info:
        decode_bytes(b"\x81\x8d", path="t.csv", hint="save as CSV UTF-8")
    assert info.value.hint == "save as CSV UTF-8"


def test_text_no_longer_decodes():
    import research.text

    assert not hasattr(research.text, "decode_bytes")
