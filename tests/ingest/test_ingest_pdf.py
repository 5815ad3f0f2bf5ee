"""PDF articles: the text layer and document info, and the PDFs that must be turned away with a reason."""

from __future__ import annotations

import datetime
import io
from collections.abc import Callable
from pathlib import Path

import pypdf
import pytest

from ingest import RejectedFile, read_document

MakePdf = Callable[..., bytes]


def write(tmp_path: Path, data: bytes, name: str = "article.pdf") -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def encrypt(data: bytes, *, user_password: str) -> bytes:
    writer = pypdf.PdfWriter(clone_from=pypdf.PdfReader(io.BytesIO(data)))
    writer.encrypt(user_password=user_password, owner_password="owner-secret")
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def test_text_layer_pages_and_info(tmp_path: Path, make_pdf: MakePdf) -> None:
    data = make_pdf(
        [["Київ заявив, що переговори тривають.", "Second line of page one."], ["Page two text."]],
        title="Переговори тривають",
        author="Іван Франко",
    )
    doc = read_document(write(tmp_path, data))

    assert doc.text == (
        "Київ заявив, що переговори тривають.\nSecond line of page one.\n\nPage two text."
    )
    assert doc.title == "Переговори тривають"
    assert doc.author == "Іван Франко"
    # reportlab's invariant mode stamps a fixed creation date into the document info.
    assert doc.published == datetime.date(2000, 1, 1)
    assert (doc.source_format, doc.encoding) == ("pdf", None)


def test_placeholder_info_title_is_ignored(tmp_path: Path, make_pdf: MakePdf) -> None:
    data = make_pdf([["Some text."]], title="Microsoft Word - draft3.docx")

    assert read_document(write(tmp_path, data)).title is None


def test_password_protected_pdf_is_rejected(tmp_path: Path, make_pdf: MakePdf) -> None:
    data = encrypt(make_pdf([["Secret text."]]), user_password="open-sesame")

    with pytest.raises(RejectedFile, match="^the PDF is encrypted$"):
        read_document(write(tmp_path, data))


def test_pdf_with_only_an_owner_password_is_read(tmp_path: Path, make_pdf: MakePdf) -> None:
    data = encrypt(make_pdf([["Readable but restricted."]]), user_password="")
    doc = read_document(write(tmp_path, data))

    assert doc.text == "Readable but restricted."
    assert any("encrypted" in w for w in doc.warnings)


@pytest.mark.parametrize("keep", [0.25, 0.6, 0.97])
def test_truncated_pdf_is_rejected_as_damaged(tmp_path: Path, make_pdf: MakePdf, keep: float) -> None:
    data = make_pdf([["Page one."], ["Page two."]])

    with pytest.raises(RejectedFile, match="^the PDF is damaged or unreadable: .+"):
        read_document(write(tmp_path, data[: int(len(data) * keep)]))


def test_garbage_after_pdf_header_is_rejected_as_damaged(tmp_path: Path) -> None:
    with pytest.raises(RejectedFile, match="^the PDF is damaged or unreadable"):
        read_document(write(tmp_path, b"%PDF-1.7\n" + b"this is not a PDF body\n" * 50))


def test_file_that_is_not_a_pdf_at_all(tmp_path: Path) -> None:
    with pytest.raises(RejectedFile, match="not a PDF file"):
        read_document(write(tmp_path, b"Plain text saved with a .pdf name.\n"))


def test_pdf_without_text_layer_is_rejected(tmp_path: Path, make_pdf: MakePdf) -> None:
    with pytest.raises(RejectedFile, match=r"^the PDF has no text layer \(scanned images\?\)$"):
        read_document(write(tmp_path, make_pdf([[]])))


def test_memory_error_inside_pypdf_becomes_a_rejection(
    tmp_path: Path, make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch
) -> None:
    def exhausted(*args: object, **kwargs: object) -> str:
        raise MemoryError

    monkeypatch.setattr(pypdf.PageObject, "extract_text", exhausted)
    with pytest.raises(RejectedFile, match="damaged or unreadable"):
        # In-process: the patch does not reach the sandbox worker.
        read_document(write(tmp_path, make_pdf([["Text."]])), sandboxed=False)


def test_keyboard_interrupt_is_not_swallowed(
    tmp_path: Path, make_pdf: MakePdf, monkeypatch: pytest.MonkeyPatch
) -> None:
    def interrupted(*args: object, **kwargs: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(pypdf.PageObject, "extract_text", interrupted)
    with pytest.raises(KeyboardInterrupt):
        read_document(write(tmp_path, make_pdf([["Text."]])), sandboxed=False)
