"""Decoding article files: UTF-8/16/32 with and without BOM, Cyrillic code pages, and what gets rejected."""

from __future__ import annotations

import codecs
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ingest import MAX_FILE_BYTES, RejectedFile, read_document
from ingest.encoding import decode_text

RUSSIAN = (
    "Министр обороны заявил, что войска будут отведены от столицы.\n"
    "Это решение было принято после переговоров, сказал он журналистам в пятницу.\n"
)
UKRAINIAN = (
    "Міністр оборони заявив, що війська будуть відведені від столиці.\n"
    "Це рішення ухвалили після переговорів у Стамбулі, сказав він журналістам.\n"
    "Їхні позиції ще не відомі; ґрунтовної відповіді немає, є лише заява.\n"
)
ENGLISH = "The ministry said exports rose by 12% in March, the highest since 2021.\n"


def write(tmp_path: Path, data: bytes, name: str = "article.txt") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(
    ("text", "codec", "expected"),
    [
        (RUSSIAN, "cp1251", "windows-1251"),
        (UKRAINIAN, "cp1251", "windows-1251"),
        (RUSSIAN, "koi8_r", "koi8-r"),
        (UKRAINIAN, "koi8_u", "koi8-u"),
        ("Привет, мир! Это тест.\n", "koi8_r", "koi8-r"),  # too short for charset-normalizer alone
        ("Café au lait, naïve façade — déjà vu.\n", "cp1252", "windows-1252"),
        (RUSSIAN, "cp866", "cp866"),
    ],
)
def test_legacy_code_pages_decode_correctly(
    tmp_path: Path, text: str, codec: str, expected: str
) -> None:
    doc = read_document(write(tmp_path, text.encode(codec)))

    assert doc.text == text
    assert doc.encoding == expected
    assert f"decoded as {expected}" in doc.warnings


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (codecs.BOM_UTF8 + UKRAINIAN.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF16_LE + UKRAINIAN.encode("utf-16-le"), "utf-16-le"),
        (codecs.BOM_UTF16_BE + RUSSIAN.encode("utf-16-be"), "utf-16-be"),
        (codecs.BOM_UTF32_LE + ENGLISH.encode("utf-32-le"), "utf-32-le"),
        (UKRAINIAN.encode("utf-16-le"), "utf-16-le"),  # no BOM
        (ENGLISH.encode("utf-16-be"), "utf-16-be"),  # no BOM
    ],
)
def test_unicode_files_with_and_without_bom(tmp_path: Path, data: bytes, encoding: str) -> None:
    doc = read_document(write(tmp_path, data))

    assert not doc.text.startswith("\ufeff")
    assert doc.text in (UKRAINIAN, RUSSIAN, ENGLISH)
    assert doc.encoding == encoding
    assert (doc.warnings == []) == (encoding == "utf-8")


def test_crlf_and_cr_become_lf(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, b"one\r\ntwo\rthree\n"))

    assert doc.text == "one\ntwo\nthree\n"


def test_utf8_with_a_few_broken_bytes_stays_utf8(tmp_path: Path) -> None:
    data = UKRAINIAN.encode("utf-8") * 3 + b"\xff" + RUSSIAN.encode("utf-8")
    doc = read_document(write(tmp_path, data))

    assert doc.encoding == "utf-8"
    assert doc.text.count("\ufffd") == 1
    assert any("not valid UTF-8" in w for w in doc.warnings)


@pytest.mark.parametrize(
    "data",
    [
        b"\x7fELF\x02\x01\x01\x00" + bytes(range(256)) * 4,
        b"PK\x03\x04\x14\x00\x06\x00" + b"word/document.xml" + b"\x00" * 40,
        ENGLISH.encode() + b"\x00" + ENGLISH.encode(),
        b"".join(bytes([c]) + b"abc" for c in b"\x01\x02\x03\x04\x05\x06\x07\x08" * 8),
        codecs.BOM_UTF16_LE + random.Random(7).randbytes(2000),
        codecs.BOM_UTF16_LE + "".join(map(chr, random.Random(8).sample(range(0x3400, 0xD000), 900))).encode("utf-16-le"),
    ],
    ids=["elf", "zip", "nul-in-text", "control-chars", "random-after-utf16-bom", "random-bmp-utf16"],
)
def test_binary_content_is_rejected(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(RejectedFile, match="binary"):
        read_document(write(tmp_path, data))


@pytest.mark.parametrize(
    "data", [b"", b"   \n\t\r\n ", codecs.BOM_UTF8, codecs.BOM_UTF16_LE + " \n".encode("utf-16-le")]
)
def test_empty_files_are_rejected(tmp_path: Path, data: bytes) -> None:
    with pytest.raises(RejectedFile, match="^the file is empty$"):
        read_document(write(tmp_path, data))


def test_undecodable_bytes_are_rejected(tmp_path: Path) -> None:
    rng = random.Random(3)
    data = bytes(rng.randrange(0x80, 0x100) if rng.random() < 0.85 else 0x20 for _ in range(4000))

    with pytest.raises(RejectedFile, match="encoding could not be recognised"):
        read_document(write(tmp_path, data))


def test_oversize_file_is_rejected_before_it_is_read(tmp_path: Path, monkeypatch) -> None:
    """Without a clock: the refusal comes from the file's size alone; the file is never
    opened, so not one byte of it is read."""
    path = tmp_path / "huge.txt"
    with path.open("wb") as file:
        file.truncate(MAX_FILE_BYTES + 1)  # sparse: no 50 MiB actually written or read
    opened: list[Path] = []
    real_open = Path.open

    def spy(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        opened.append(Path(self))
        return real_open(self, *args, **kwargs)

    import builtins

    real_builtin_open = builtins.open

    def builtin_spy(file, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if isinstance(file, str | Path):
            opened.append(Path(file))
        return real_builtin_open(file, *args, **kwargs)

    monkeypatch.setattr(Path, "open", spy)
    monkeypatch.setattr(builtins, "open", builtin_spy)
    with pytest.raises(RejectedFile, match="^the file is larger than 50 MiB$"):
        read_document(path)
    assert path not in opened


def test_a_file_that_grows_past_the_limit_is_read_one_byte_past_it_at_most(
        tmp_path: Path, monkeypatch) -> None:
    """The size is read once before opening; a file grown since is read to the limit plus one
    byte and refused, never read whole."""
    path = write(tmp_path, b"x" * 2048)
    asked: list[int] = []
    real_open = Path.open

    class Counting:
        def __init__(self, file) -> None:  # noqa: ANN001
            self._file = file

        def __enter__(self):  # noqa: ANN204
            return self

        def __exit__(self, *exc) -> None:  # noqa: ANN002
            self._file.close()

        def read(self, size: int = -1) -> bytes:
            asked.append(size)
            return self._file.read(size)

    def grown_open(self, mode="r", *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        if Path(self) == path and "b" in mode:
            with real_open(self, "ab") as grow:  # it grows between stat() and open()
                grow.write(b"y" * 4096)
            return Counting(real_open(self, mode, *args, **kwargs))
        return real_open(self, mode, *args, **kwargs)

    monkeypatch.setattr(Path, "open", grown_open)
    with pytest.raises(RejectedFile, match="^the file is larger than 3 KiB$"):
        read_document(path, max_bytes=3072)
    assert asked == [3073]


def test_custom_size_limit(tmp_path: Path) -> None:
    path = write(tmp_path, b"x" * 2048)

    with pytest.raises(RejectedFile, match="^the file is larger than 1 KiB$"):
        read_document(path, max_bytes=1024)
    assert read_document(path, max_bytes=2048).text == "x" * 2048


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=300))
def test_arbitrary_bytes_decode_or_are_rejected_never_crash(data: bytes) -> None:
    try:
        decoded = decode_text(data)
    except RejectedFile as exc:
        assert str(exc)
    else:
        assert decoded.text.strip()
        assert "\r" not in decoded.text


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=200))
def test_any_utf8_text_round_trips(text: str) -> None:
    if not text.strip():
        return
    decoded = decode_text(text.encode("utf-8"))

    assert decoded.encoding == "utf-8"
    assert decoded.text == text.removeprefix("\ufeff")
