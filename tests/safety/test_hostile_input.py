"""Hostile and broken files give a one-sentence rejection (or a clean import) within time and memory bounds."""

from __future__ import annotations

import io
import time
import zlib
from pathlib import Path

import pytest

from ingest.document import ParsedDocument, RejectedFile
from ingest.pipeline import Outcome
from ingest.readers import read_document
from ingest.sandbox import Sandbox
from workflows.importing import import_paths

GOOD_TEXT = (
    "Title: A good article\n---\n"
    "Russian forces occupied 4,168 square kilometres of Ukrainian territory in 2024, "
    "according to the analysts.\n"
)
TIME_BOUND_S = 30


def _billion_laughs() -> bytes:
    entities = ['<!ENTITY lol "lol">'] + [
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10)
    ]
    return (
        '<?xml version="1.0"?>\n<!DOCTYPE html [\n' + "\n".join(entities) + "\n]>\n"
        "<html><body><p>&lol9;</p><p>Russia claimed 5 villages near Pokrovsk on Monday, "
        "the ministry said in its daily report.</p></body></html>"
    ).encode()


def _nested_divs(depth: int = 50_000) -> bytes:
    return (
        "<html><body>" + "<div>" * depth
        + "Ukraine said 45 drones were shot down overnight, the air force reported."
        + "</div>" * depth + "</body></html>"
    ).encode()


def _remote_resources() -> bytes:
    return b"""<html><head><title>Remote</title>
<link rel="stylesheet" href="http://tracker.example/style.css">
<script src="https://tracker.example/spy.js"></script></head>
<body><img src="http://tracker.example/pixel.gif"><iframe src="https://tracker.example/frame"></iframe>
<p>Russian forces occupied 3,600 square kilometres of Ukraine in 2024, analysts said.</p>
<object data="http://tracker.example/x.swf"></object>
<svg><image href="http://tracker.example/i.svg"/></svg></body></html>"""


def _pdf_bomb(inflated: int = 120 * 1024 * 1024) -> bytes:
    """A one-page PDF whose content stream inflates to ``inflated`` bytes."""
    stream = zlib.compress(b" " * inflated, 9)
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        b"<< /Length %d /Filter /FlateDecode >>\nstream\n" % len(stream) + stream + b"\nendstream",
    ]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % number + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1))
    for offset in offsets:
        out.write(b"%010d 00000 n \n" % offset)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref))
    return out.getvalue()


def _encrypted_pdf(make_pdf) -> bytes:  # noqa: ANN001
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(make_pdf([["Secret article text about 5 villages."]])))
    writer = pypdf.PdfWriter(clone_from=reader)
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="RC4-128")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


@pytest.fixture
def hostile_files(tmp_path: Path, make_pdf) -> dict[str, Path]:  # noqa: ANN001
    folder = tmp_path / "inbox"
    folder.mkdir()
    files: dict[str, Path] = {}

    def put(name: str, data: bytes) -> None:
        files[name] = folder / name
        files[name].write_bytes(data)

    put("good.txt", GOOD_TEXT.encode())
    put("good.pdf", make_pdf([["Ukraine said 45 drones were shot down overnight."]]))
    put("billion-laughs.html", _billion_laughs())
    put("nested-divs.html", _nested_divs())
    put("remote.html", _remote_resources())
    put("bomb.pdf", _pdf_bomb())
    put("encrypted.pdf", _encrypted_pdf(make_pdf))
    whole = make_pdf([["A whole page of text about 12 villages."]] * 3)
    put("truncated.pdf", whole[: len(whole) // 2])
    put("empty.txt", b"")
    put("empty.html", b"")
    put("empty.pdf", b"")
    put("invalid-utf8.txt", "Київ заявив про 45 дронів. ".encode() * 20 + b"\xff\xfe\xc3\x28" + b"caf\xe9 ")
    put("mixed.txt", "Росія заявила ".encode("cp1251") + "про 5 сіл".encode("koi8-u") + " naïve".encode())
    put("\u202eevil\u2215..\u2215txt.exe.txt", GOOD_TEXT.replace("4,168", "4,200").encode())
    put("cafe\u0301 report.md", GOOD_TEXT.replace("4,168", "3,900").encode())
    huge = folder / "huge.txt"
    with open(huge, "wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: nothing is written to disk
    files["huge.txt"] = huge
    (folder / "sub").mkdir()
    files["dotdot.txt"] = folder / "sub" / ".." / "good.txt"
    return files


EXPECTED_REJECTION = {
    "bomb.pdf": "PDF",
    "encrypted.pdf": "encrypted",
    "truncated.pdf": "PDF",
    "empty.txt": "empty",
    "empty.html": "empty",
    "empty.pdf": "empty",
    "huge.txt": "larger than",
}


@pytest.mark.parametrize("sandboxed", [True, False], ids=["sandbox", "in-process"])
def test_each_hostile_file_is_read_or_rejected_with_a_sentence(hostile_files, sandboxed, no_network):
    outcomes = {}
    for name, path in hostile_files.items():
        started = time.monotonic()
        try:
            doc = read_document(path, sandboxed=sandboxed)
            outcomes[name] = doc
            assert isinstance(doc, ParsedDocument) and doc.text.strip()
        except RejectedFile as exc:
            outcomes[name] = exc
            message = str(exc)
            assert message and "\n" not in message and "Traceback" not in message
        assert time.monotonic() - started < TIME_BOUND_S, name
    for name, word in EXPECTED_REJECTION.items():
        assert isinstance(outcomes[name], RejectedFile), name
        assert word in str(outcomes[name]), (name, str(outcomes[name]))
    for name in ("good.txt", "good.pdf", "remote.html", "billion-laughs.html", "dotdot.txt"):
        assert isinstance(outcomes[name], ParsedDocument), (name, outcomes[name])
    assert "tracker" not in outcomes["remote.html"].text
    assert "lollol" not in outcomes["billion-laughs.html"].text
    assert no_network == []


def test_folder_with_hostile_files_still_imports_the_good_ones(hostile_files, db):
    folder = hostile_files["good.txt"].parent
    results = list(import_paths(db, [folder], actor="test"))
    by_name = {Path(r.source).name: r for r in results}
    assert by_name["good.txt"].outcome is Outcome.IMPORTED
    assert by_name["good.pdf"].outcome is Outcome.IMPORTED
    assert by_name["remote.html"].outcome is Outcome.IMPORTED
    assert by_name["\u202eevil\u2215..\u2215txt.exe.txt"].outcome is Outcome.IMPORTED
    assert by_name["huge.txt"].outcome is Outcome.REJECTED
    assert by_name["bomb.pdf"].outcome is Outcome.REJECTED
    for result in results:
        assert "Traceback" not in result.message and "\n" not in result.message


def test_sandbox_turns_a_crash_a_hang_and_a_memory_hog_into_sentences():
    # A loaded machine may take seconds to start a worker: only the hang gets the short limit
    # (its sentence comes from the limit cutting it off, so no clock is needed to prove it).
    box = Sandbox(timeout=30, memory_bytes=400 * 1024 * 1024, test_hooks=True)
    try:
        with pytest.raises(RejectedFile, match=r"^the reader crashed \(signal 11\)$"):
            box.parse(b"x", "test-crash")
        box.timeout = 2
        with pytest.raises(RejectedFile, match=r"^parsing took longer than 2 s$"):
            box.parse(b"x", "test-sleep")
        box.timeout = 30  # a loaded machine may take seconds to start the worker and fill memory
        with pytest.raises(RejectedFile, match="needs more memory than allowed"):
            box.parse(b"x", "test-hog")
        # After all that, the next file is read by a fresh worker.
        doc = box.parse(b"<html><body><p>Still working: 5 villages.</p></body></html>", "html")
        assert "Still working" in doc.text
    finally:
        box.close()
