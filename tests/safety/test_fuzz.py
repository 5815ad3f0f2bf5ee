"""Random bytes through every reader and random text through the figure parser: only RejectedFile, never a crash."""

from __future__ import annotations

import contextlib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from extraction import parse_figures
from ingest.document import ParsedDocument, RejectedFile
from ingest.readers import read_document

CORPUS = Path(__file__).resolve().parent / "corpus"
SUFFIXES = [".txt", ".md", ".html", ".htm", ".pdf"]
_settings = settings(max_examples=60, deadline=None,
                     suppress_health_check=[HealthCheck.function_scoped_fixture])


@pytest.mark.parametrize("suffix", SUFFIXES)
@_settings
@given(data=st.binary(max_size=4096))
@example(data=b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj trailer << /Root 1 0 R >>")
@example(data=b"<html><body><div>" * 200)
@example(data=b"\xef\xbb\xbf\x00\x00")
def test_read_document_on_random_bytes(tmp_path_factory, suffix, data):
    path = tmp_path_factory.mktemp("fuzz") / f"random{suffix}"
    path.write_bytes(data)
    try:
        doc = read_document(path, sandboxed=False)
    except RejectedFile as exc:
        assert str(exc)
    else:
        assert isinstance(doc, ParsedDocument) and doc.text.strip()


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.*")), ids=lambda p: p.name)
def test_saved_regression_cases(path):
    with contextlib.suppress(RejectedFile):
        read_document(path, sandboxed=False)


_news_alphabet = st.sampled_from(list("0123456789 ,.%–-$€₴~ кмkm") + [
    " km ", " square kilometres ", " per cent ", " percent ", " million ", " billion ",
    " villages ", " drones ", " 2024 ", " February ", " last month ", " on Tuesday ", "Feb. 12, ",
    " тисяч ", " відсотків ", " 1/3 ", " half ", " about ", " up to ", " between ", " and ",
])


@settings(max_examples=100, deadline=None)
@given(text=st.one_of(st.text(max_size=300), st.lists(_news_alphabet, max_size=60).map("".join)))
def test_parse_figures_on_random_text(text):
    figures = parse_figures(text)
    for figure in figures:
        assert 0 <= figure.start <= figure.end <= len(text)
