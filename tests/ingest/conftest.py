"""Fixtures for the ingest tests: real corpus folder, PDF builder (reportlab + DejaVu for Cyrillic)."""

from __future__ import annotations

import io
from collections.abc import Callable
from pathlib import Path

import pytest

from resources import resource_path

CORPUS = Path(__file__).resolve().parents[3] / "shared" / "corpus"


@pytest.fixture
def corpus() -> Path:
    if not CORPUS.is_dir():
        pytest.skip(f"real test articles not found at {CORPUS}")
    return CORPUS


@pytest.fixture(scope="session")
def dejavu() -> str:
    """Name of the registered DejaVu Sans font (reportlab's built-in fonts have no Cyrillic)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    pdfmetrics.registerFont(TTFont("DejaVuSans", str(resource_path("fonts", "DejaVuSans.ttf"))))
    return "DejaVuSans"


@pytest.fixture
def make_pdf(dejavu: str) -> Callable[..., bytes]:
    """Build a PDF: one list of text lines per page, optional Title/Author."""
    from reportlab.pdfgen import canvas

    def build(pages: list[list[str]], *, title: str | None = None, author: str | None = None) -> bytes:
        buffer = io.BytesIO()
        pdf = canvas.Canvas(buffer, invariant=1)
        if title:
            pdf.setTitle(title)
        if author:
            pdf.setAuthor(author)
        for lines in pages:
            pdf.setFont(dejavu, 12)
            for number, line in enumerate(lines):
                pdf.drawString(72, 720 - 18 * number, line)
            if not lines:
                pdf.rect(72, 500, 200, 100, fill=1)  # a page with graphics but no text
            pdf.showPage()
        pdf.save()
        return buffer.getvalue()

    return build
