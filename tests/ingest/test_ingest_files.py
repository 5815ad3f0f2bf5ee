"""Choosing files to import (folders, hidden files, symlinks), dispatch by type, and the content hash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from ingest import (
    MAX_FILE_BYTES,
    SUPPORTED_SUFFIXES,
    RejectedFile,
    content_hash,
    iter_importable,
    read_document,
)


def touch(path: Path, text: str = "Some article text.\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_supported_suffixes() -> None:
    assert {".txt", ".md", ".markdown", ".html", ".htm", ".pdf"} == SUPPORTED_SUFFIXES
    assert MAX_FILE_BYTES == 50 * 1024 * 1024


def test_folders_are_walked_recursively_in_a_stable_order(tmp_path: Path) -> None:
    root = tmp_path / "picked"
    for name in ["b.txt", "A.md", "sub/z.html", "sub/deeper/c.PDF", "sub/a.htm", "notes.docx",
                 "image.png", ".hidden.txt", ".git/config.txt", "sub/.cache/x.txt", "c.markdown"]:
        touch(root / name)

    found = [p.relative_to(root).as_posix() for p in iter_importable([root])]

    # Every file gets a line in the report (#17.13): the unsupported ones are rejected by name.
    assert found == ["A.md", "b.txt", "c.markdown", "image.png", "notes.docx", "sub/a.htm",
                     "sub/deeper/c.PDF", "sub/z.html"]


def test_symlinked_folders_are_skipped_and_each_file_comes_once(tmp_path: Path) -> None:
    root = tmp_path / "picked"
    real = touch(root / "real.txt")
    outside = touch(tmp_path / "elsewhere" / "outside.txt")
    (root / "link-to-elsewhere").symlink_to(outside.parent, target_is_directory=True)
    (root / "loop").symlink_to(root, target_is_directory=True)

    found = list(iter_importable([root, real, root]))

    assert found == [real]


def test_explicit_files_are_yielded_even_when_unsupported_or_hidden(tmp_path: Path) -> None:
    docx = touch(tmp_path / "report.docx")
    hidden = touch(tmp_path / ".draft.txt")
    missing = tmp_path / "gone.txt"

    assert list(iter_importable([docx, hidden, missing])) == [docx, hidden, missing]
    with pytest.raises(RejectedFile, match=r"^unsupported file type '\.docx'"):
        read_document(docx)
    with pytest.raises(RejectedFile, match="does not exist"):
        read_document(missing)


def test_folder_and_special_files_are_rejected(tmp_path: Path) -> None:
    with pytest.raises(RejectedFile, match="folder"):
        read_document(tmp_path)
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(RejectedFile, match="not a regular file"):
        read_document(fifo)


def test_suffix_is_case_insensitive(tmp_path: Path) -> None:
    doc = read_document(touch(tmp_path / "UPPER.TXT", "Text in a shouting file name.\n"))

    assert doc.source_format == "txt"


def test_content_hash_ignores_line_endings_spacing_and_normal_form() -> None:
    base = content_hash("Café  opened\non 1 June.\n")

    assert base == content_hash("Café opened\r\non 1 June.")
    assert base == content_hash("  Cafe\u0301 opened on\t1 June.  \r\n\r\n")
    assert base != content_hash("Café opened on 2 June.")
    assert len(base) == 64 and int(base, 16) >= 0


def test_same_article_saved_twice_hashes_equal(tmp_path: Path) -> None:
    text = "Title: Same\n---\nLine one.\nLine two.\n"
    unix = read_document(touch(tmp_path / "unix.txt", text))
    (tmp_path / "dos.txt").write_bytes(b"\xef\xbb\xbf" + text.replace("\n", "\r\n").encode())
    dos = read_document(tmp_path / "dos.txt")

    assert content_hash(unix.text) == content_hash(dos.text)
