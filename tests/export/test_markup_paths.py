"""The escaping helper and safe output paths."""

from __future__ import annotations

import os
import re

import pypdf
import pytest
from reportlab.platypus import Paragraph, SimpleDocTemplate

from export import markup
from export.paths import OutputError, atomic_output, output_path, path_in_folder, safe_filename
from export.pdf_styles import styles

HOSTILE = ['<font size=40>big</font>', '<a href="javascript:alert(1)">x</a>', '<img src="/etc/passwd"/>',
           "AT&T", "a<b and x<y", "&nbsp; &amp; &#60;", "<para>", "</b>", '"quoted" \'single\'']


def test_escaped_text_prints_as_typed_and_never_acts(tmp_path):
    out = tmp_path / "hostile.pdf"
    body = styles().body
    story = [Paragraph(markup.text(v), body) for v in HOSTILE]
    story.append(Paragraph(markup.link("https://example.org/?a=1&b=2", "<a>safe link</a>"), body))
    SimpleDocTemplate(str(out)).build(story)
    page = pypdf.PdfReader(out).pages[0]
    lines = page.extract_text().splitlines()
    assert lines[: len(HOSTILE)] == HOSTILE
    assert lines[len(HOSTILE)] == "<a>safe link</a>"
    annots = [a.get_object() for a in page.get("/Annots") or []]
    assert [a["/A"]["/URI"] for a in annots] == ["https://example.org/?a=1&b=2"]
    sizes = set(re.findall(rb"/F\S+ ([\d.]+) Tf", page.get_contents().get_data()))
    assert b"9.5" in sizes and b"40" not in sizes  # <font size=40> did not act


def test_control_characters_are_dropped_and_lines_kept():
    assert markup.text("a\x00b\x1bc\r\nd") == "abc d"
    assert markup.multiline("one\r\ntwo <x>\n\n") == "one<br/>two &lt;x&gt;"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "JAVASCRIPT:alert(1)", "file:///etc/passwd",
                                 "data:text/html,x", "/relative", "https://", "https://a b.org",
                                 "http://x.org/\x00", "vbscript:x", ""])
def test_only_web_urls_become_links(url):
    assert markup.safe_url(url) is None
    assert "<a " not in markup.link(url)


def test_web_link_markup_quotes_the_url():
    out = markup.link('https://example.org/?a=1&b="2"<x>')
    assert out.startswith("<a href='https://example.org/?a=1&amp;b=\"2\"&lt;x&gt;'")
    assert markup.link("https://example.org", "<b>label</b>").endswith(">&lt;b&gt;label&lt;/b&gt;</a>")
    with pytest.raises(ValueError):
        markup.internal_link('x" onclick="y', "label")


@pytest.mark.parametrize(("title", "expected"), [
    ("Київ: 30 днів / тиші?", "Київ_ 30 днів _ тиші"),
    ("../../etc/passwd", "etc_passwd"),
    ("CON", "export_CON"),
    ("", "export"),
    ("." * 10, "export"),
    ("a" * 200, "a" * 80),
])
def test_safe_filename(title, expected):
    assert safe_filename(title) == expected
    assert "/" not in safe_filename(title) and "\\" not in safe_filename(title)


def test_path_in_folder_never_leaves_the_folder(tmp_path):
    inside = path_in_folder(tmp_path, "../../../etc/passwd", suffix=".pdf")
    assert inside.parent == tmp_path.resolve() and inside.name == "etc_passwd.pdf"
    os.symlink("/etc", tmp_path / "link")  # a name that is a symlink out of the folder
    with pytest.raises(OutputError, match="outside"):
        path_in_folder(tmp_path, "link", suffix="")
    with pytest.raises(OutputError):
        path_in_folder(tmp_path / "missing", "x", suffix=".pdf")


def test_output_path_refuses_folders_and_missing_parents(tmp_path):
    with pytest.raises(OutputError, match="is a folder"):
        output_path(tmp_path)
    with pytest.raises(OutputError, match="does not exist"):
        output_path(tmp_path / "nope" / "x.pdf")


def test_atomic_output_replaces_only_on_success(tmp_path):
    target = tmp_path / "out.csv"
    with atomic_output(target, "w", encoding="utf-8") as fh:
        fh.write("first")
    assert target.read_text() == "first"
    with pytest.raises(ZeroDivisionError), atomic_output(target, "w", encoding="utf-8") as fh:
        fh.write("half")
        1 / 0  # noqa: B018
    assert target.read_text() == "first"
    assert [p.name for p in tmp_path.iterdir()] == ["out.csv"]
