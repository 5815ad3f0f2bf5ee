"""Plain-text, Markdown and pasted articles: the header block, guessed metadata and the body offsets."""

from __future__ import annotations

import datetime
from pathlib import Path

import pytest

from ingest import ParsedDocument, RejectedFile, document_from_text, read_document

HEADER_ARTICLE = (
    "Title: Grain exports rose in March\n"
    "Outlet: Kyiv Ledger\n"
    "Author: Olena Petrenko\n"
    "Date: 2025-03-14\n"
    "URL: https://ledger.example/grain?id=7\n"
    "Language: en\n"
    "Sample: yes\n"
    "Sources: ministry statement\n"
    "  port authority data\n"
    "---\n"
    "\n"
    "Exports reached 4.1 million tonnes, the ministry said.\n"
)
HEADER_BODY = "Exports reached 4.1 million tonnes, the ministry said.\n"


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8", newline="")
    else:
        path.write_bytes(content)
    return path


def test_header_block_fills_every_field_and_the_body_starts_after_it(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "grain.txt", HEADER_ARTICLE))

    assert doc.title == "Grain exports rose in March"
    assert doc.outlet == "Kyiv Ledger"
    assert doc.author == "Olena Petrenko"
    assert doc.published == datetime.date(2025, 3, 14)
    assert doc.url == "https://ledger.example/grain?id=7"
    assert doc.language == "en"
    assert doc.extra == {"sample": "yes", "sources": "ministry statement\nport authority data"}
    assert doc.text == HEADER_BODY
    assert doc.source_format == "txt"
    assert doc.encoding == "utf-8"
    assert doc.warnings == []


def test_header_keys_are_case_insensitive_and_a_blank_line_ends_the_block(tmp_path: Path) -> None:
    text = "TITLE: Short one\ndate: 1 June 2025\nNOTE: checked twice\n\nBody sentence here.\n"
    doc = read_document(write(tmp_path, "a.txt", text))

    assert (doc.title, doc.published) == ("Short one", datetime.date(2025, 6, 1))
    assert doc.extra == {"note": "checked twice"}
    assert doc.text == "Body sentence here.\n"


def test_claim_offsets_point_into_the_body(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, "grain.txt", HEADER_ARTICLE.replace("\n", "\r\n")))

    start = doc.text.index("4.1 million")
    assert doc.text[start : start + 11] == "4.1 million"
    assert "\r" not in doc.text
    assert doc.text == HEADER_BODY


def test_first_sentence_with_a_colon_is_not_taken_for_a_header(tmp_path: Path) -> None:
    text = "Warning: the figures below are provisional.\nSecond line of the article.\n"
    doc = read_document(write(tmp_path, "a.txt", text))

    assert doc.text == text
    assert doc.extra == {}
    assert doc.title is None


def test_header_is_abandoned_when_a_plain_line_interrupts_it(tmp_path: Path) -> None:
    text = "Title: Looks like a header\nbut this line is article text, so it is not one.\n"
    doc = read_document(write(tmp_path, "a.txt", text))

    assert doc.text == text


def test_unsafe_url_and_unreadable_date_in_header_become_warnings(tmp_path: Path) -> None:
    text = "Title: T\nURL: javascript:alert(1)\nDate: sometime soon\n---\nBody text of it.\n"
    doc = read_document(write(tmp_path, "a.txt", text))

    assert doc.url is None
    assert doc.published is None
    assert any("javascript:alert(1)" in w and "http" in w for w in doc.warnings)
    assert any("sometime soon" in w for w in doc.warnings)


def test_header_without_body_is_rejected(tmp_path: Path) -> None:
    with pytest.raises(RejectedFile, match="no article text"):
        read_document(write(tmp_path, "a.txt", "Title: Nothing follows\n---\n\n"))


def test_markdown_title_comes_from_the_leading_heading(tmp_path: Path) -> None:
    text = "# Port traffic doubled\n\nShips arrived daily, officials said.\n"
    doc = read_document(write(tmp_path, "port.md", text))

    assert doc.title == "Port traffic doubled"
    assert doc.source_format == "md"
    assert doc.text == text


def test_markdown_front_matter_is_read_as_a_header(tmp_path: Path) -> None:
    text = '---\ntitle: "Quoted: title"\noutlet: Daily Example\n---\n# Heading\n\nBody.\n'
    doc = read_document(write(tmp_path, "fm.markdown", text))

    assert doc.title == "Quoted: title"
    assert doc.outlet == "Daily Example"
    assert doc.text == "# Heading\n\nBody.\n"


@pytest.mark.parametrize(
    ("top", "title", "published", "outlet", "author"),
    [
        ("Ceasefire Talks Stall Again\n\n", "Ceasefire Talks Stall Again", None, None, None),
        ("Talks stall.\n\n", None, None, None, None),  # a sentence, not a headline
        ("lower-case start is no headline\n\n", None, None, None, None),
        ("March 3, 2025 - 10:15 am\n\n", None, datetime.date(2025, 3, 3), None, None),
        ("Harbor Weekly, 3/14/25\n\n", None, datetime.date(2025, 3, 14), "Harbor Weekly", None),
        ("Headline Here\nFeb. 12, 2015\n\n", "Headline Here", datetime.date(2015, 2, 12), None, None),
        ("Tuesday, 1 June 2021\n\n", None, datetime.date(2021, 6, 1), None, None),
        ("KYIV, 14.03.2025\n\n", None, datetime.date(2025, 3, 14), None, None),
        ("By Anna Kovalenko, Harbor Weekly, 2024-11-05\n\n",
         None, datetime.date(2024, 11, 5), "Harbor Weekly", "Anna Kovalenko"),
        ("The war began on February 24, 2022\n\n", None, None, None, None),
        ("June 1, 2025 | Harbor Weekly\n\n", None, None, None, None),  # not understood: left empty
        ("In Kyiv, June 1, 2025\n\n", None, None, None, None),
        ("Talks on June 1, 2025 Ended Early\n\n", "Talks on June 1, 2025 Ended Early", None, None, None),
    ],
)
def test_headerless_text_metadata_is_guessed_conservatively(
    top: str,
    title: str | None,
    published: datetime.date | None,
    outlet: str | None,
    author: str | None,
) -> None:
    text = top + "The body paragraph follows, and it is long enough to be body text.\n"
    doc = document_from_text(text)

    assert (doc.title, doc.published, doc.outlet, doc.author) == (title, published, outlet, author)
    assert doc.text == text  # headerless: nothing is cut, offsets stay valid


def test_a_date_below_the_first_paragraph_is_not_the_publication_date() -> None:
    long_paragraph = "Officials met again to discuss the route of the new pipeline. " * 5
    doc = document_from_text(f"Pipeline Talks\n\n{long_paragraph}\n\nJune 1, 2025\n\nMore.\n")

    assert doc.title == "Pipeline Talks"
    assert doc.published is None


def test_paste_reads_a_header_but_the_dialog_fields_win() -> None:
    doc = document_from_text(
        "Title: From the header\nOutlet: Header Outlet\nDate: 2024-01-02\n---\nPasted body.",
        title="Typed by the user",
        published="5 May 2024",
        url="https://typed.example/x",
    )

    assert isinstance(doc, ParsedDocument)
    assert doc.title == "Typed by the user"
    assert doc.outlet == "Header Outlet"
    assert doc.published == datetime.date(2024, 5, 5)
    assert doc.url == "https://typed.example/x"
    assert doc.text == "Pasted body."
    assert (doc.source_format, doc.encoding) == ("paste", None)


def test_paste_normalises_line_endings_and_drops_a_bom() -> None:
    doc = document_from_text("\ufeffFirst line\r\nsecond line\rthird line")

    assert doc.text == "First line\nsecond line\nthird line"


def test_paste_rejects_a_file_url_and_an_empty_paste() -> None:
    doc = document_from_text("Some pasted text.", url="file:///etc/passwd", published=datetime.date(2020, 1, 2))

    assert doc.url is None
    assert doc.published == datetime.date(2020, 1, 2)
    assert any("file:///etc/passwd" in w for w in doc.warnings)
    with pytest.raises(RejectedFile, match="empty"):
        document_from_text(" \n\t\n")


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Київ заявив, що переговори тривають. Їхні делегації зустрінуться знову в понеділок.", "uk"),
        ("Москва заявила, что переговоры продолжаются. Это было объявлено в субботу вечером.", "ru"),
        ("The ministry said that the talks would continue in the spring, and it was confident.", "en"),
        ("Die Regierung hat gestern erklärt, dass die Gespräche im Frühjahr weitergehen werden.", None),
        ("Ok 12 34", None),
    ],
)
def test_language_guess(text: str, language: str | None) -> None:
    assert document_from_text(text).language == language


def test_declared_language_is_normalised() -> None:
    assert document_from_text("Some short text in a paste.", language="uk-UA").language == "uk"
    doc = document_from_text("Title: T\nLanguage: Russian\n---\nТекст.")
    assert doc.language == "ru"
