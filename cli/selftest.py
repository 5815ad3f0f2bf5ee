"""``claimdesk --self-test``: prove that an installed Claimdesk (above all a PyInstaller bundle) works.

Each step exercises something a bundle can lose without noticing at build time: the Alembic
migrations shipped as files, the sample corpus and fonts under resources/, the HTML/PDF parsing
worker (a second start of the bundle, see ingest/sandbox.py), lxml, pypdf, rapidfuzz, reportlab
and, last, the Qt platform, image-format and icon plugins. Everything happens in a temporary
folder: the person's own database, settings and data folder are never touched.
"""

from __future__ import annotations

import contextlib
import html
import os
import sys
import tempfile
import time
import traceback
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from appinfo import __version__

ACTOR = "claimdesk-self-test"
# One sample article as each kind of file, the PDF one in Ukrainian (Cyrillic through the
# DejaVu font, reportlab and pypdf); the three share claims about the front line, so matching
# has the same claim across outlets (and languages) to find.
TEXT_SAMPLE = "09_year-of-small-gains.txt"
HTML_SAMPLE = "11_timeline-minsk-to-istanbul.txt"
PDF_SAMPLE = "10_uk_vid-minska-do-stambula.txt"


class SelfTestFailed(Exception):
    """A step did not do what it must; the message is one sentence for the person."""


@contextlib.contextmanager
def _environment(**values: str) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, old in saved.items():
            if old is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = old


def _sample_document(name: str):  # noqa: ANN202  (ingest.ParsedDocument)
    from ingest.text_reader import read_text
    from resources import resource_path

    path = resource_path("sample", name)
    if not path.is_file():
        raise SelfTestFailed(f"the sample article {name} is missing from {path.parent}")
    return read_text(path.read_bytes(), source_format="txt")


def write_html_article(name: str, out: Path) -> Path:
    """A saved-web-page version of a sample article: metadata in <head>, text in <p>s."""
    doc = _sample_document(name)
    paragraphs = "\n".join(f"<p>{html.escape(p)}</p>" for p in doc.text.split("\n\n") if p.strip())
    page = f"""<!DOCTYPE html>
<html lang="{html.escape(doc.language or 'en')}"><head><meta charset="utf-8">
<title>{html.escape(doc.title or '')}</title>
<meta property="og:title" content="{html.escape(doc.title or '')}">
<meta property="og:site_name" content="{html.escape(doc.outlet or '')}">
<meta name="author" content="{html.escape(doc.author or '')}">
<meta property="article:published_time" content="{doc.published.isoformat() if doc.published else ''}">
<script>document.write("never run")</script>
</head><body><nav><a href="/">Home</a></nav><article>
<h1>{html.escape(doc.title or '')}</h1>
{paragraphs}
</article></body></html>
"""
    out.write_text(page, encoding="utf-8")
    return out


def write_pdf_article(name: str, out: Path) -> Path:
    """A PDF version of a sample article, set in DejaVu Sans with Title/Author in its info."""
    from xml.sax.saxutils import escape

    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from export.fonts import REGULAR, register_fonts

    doc = _sample_document(name)
    register_fonts()
    style = ParagraphStyle("body", fontName=REGULAR, fontSize=10, leading=13, spaceAfter=6)
    story = [Paragraph(escape(p), style) for p in doc.text.split("\n\n") if p.strip()]
    pdf = SimpleDocTemplate(str(out), title=doc.title or "", author=doc.author or "")
    pdf.build(story)
    return out


def _step_database(work: Path, state: dict) -> str:
    from storage.schema import current_revision, head_revision, open_database

    db = open_database(work / "self-test.sqlite")
    state["db"] = db
    with db.read() as session:
        revision = current_revision(session.connection())
    if revision != head_revision():
        raise SelfTestFailed(f"the new database is at schema {revision}, not {head_revision()}")
    return f"new database created at schema {revision}"


def _step_server_driver(work: Path, state: dict) -> str:
    """Team mode needs the PostgreSQL dialect and driver, which are loaded by name (a bundle
    built without them would only fail when someone opens a server address)."""
    from sqlalchemy.dialects import registry

    dialect = registry.load("postgresql.psycopg")
    import psycopg

    return f"the PostgreSQL driver loads ({dialect.__name__}, psycopg {psycopg.__version__})"


def _step_sandbox(work: Path, state: dict) -> str:
    from ingest.sandbox import Sandbox

    files = {"html": write_html_article(HTML_SAMPLE, work / "article.html"),
             "pdf": write_pdf_article(PDF_SAMPLE, work / "article.pdf")}
    state["files"] = files
    sandbox = Sandbox()
    try:
        for kind, path in files.items():
            doc = sandbox.parse(path.read_bytes(), kind)
            if not doc.title or len(doc.text) < 500:
                raise SelfTestFailed(f"the parsing worker read too little from the {kind.upper()} "
                                     f"article ({len(doc.text)} characters, title {doc.title!r})")
    finally:
        sandbox.close()
    return "the parsing worker read the HTML and the PDF article"


def _step_import(work: Path, state: dict) -> str:
    from ingest.pipeline import Outcome
    from resources import resource_path
    from workflows.importing import import_file

    paths = [resource_path("sample", TEXT_SAMPLE), state["files"]["html"], state["files"]["pdf"]]
    claims = 0
    for path in paths:
        result = import_file(state["db"], path, actor=ACTOR)
        if result.outcome != Outcome.IMPORTED or not result.claims:
            raise SelfTestFailed(f"importing {path.name} gave {result.outcome}: {result.message}")
        claims += result.claims
    return f"3 articles imported (text, HTML, PDF), {claims} claims proposed"


def _step_match(work: Path, state: dict) -> str:
    from sqlalchemy import distinct, func, select

    from matching.incremental import run_matching
    from storage.models import Claim, ClaimGroupMember

    db = state["db"]
    run_matching(db, actor=ACTOR, progress=None)
    with db.read() as session:
        spans = session.execute(
            select(ClaimGroupMember.group_id, func.count(distinct(Claim.article_id)))
            .join(Claim, Claim.id == ClaimGroupMember.claim_id)
            .group_by(ClaimGroupMember.group_id)
        ).all()
    across = sorted(gid for gid, articles in spans if articles >= 2)
    if not across:
        raise SelfTestFailed(f"matching found no claim shared by two of the articles "
                             f"({len(spans)} groups, each within one article)")
    state["groups"] = across
    return f"{len(spans)} claim groups, {len(across)} with appearances in two or more articles"


def _step_fact_checks(work: Path, state: dict) -> str:
    import json

    import ijson

    from ingest.factcheck_import import import_check_files
    from matching.checked import after_import, library_for

    feed = work / "fact-checks.json"
    feed.write_text(json.dumps({"@type": "DataFeed", "dataFeedElement": [
        {"@type": "ClaimReview", "claimReviewed": f"Self-test claim number {n} about ferries",
         "url": f"https://self-test.invalid/{n}", "author": {"name": "Self-test"},
         "reviewRating": {"alternateName": "False"}} for n in range(3)]}), encoding="utf-8")
    results = list(import_check_files(state["db"], [feed], actor=ACTOR))
    after_import(state["db"])
    hits = library_for(state["db"]).search("claim number 2 about ferries")
    if results[0].imported != 3 or not hits or not hits[0].entry.url.endswith("/2"):
        raise SelfTestFailed(f"the fact-check library did not take a feed back "
                             f"({results[0].summary()})")
    return f"3 fact-checks imported and found again (JSON reader: ijson {ijson.backend})"


def _step_report(work: Path, state: dict) -> str:
    import pypdf

    from export.data import load_selection
    from export.pdf_briefing import write_briefing
    from export.publisher import Publisher

    selection = load_selection(state["db"], "all", state["groups"])
    out = work / "briefing.pdf"
    publisher = Publisher.resolve("Claimdesk self-test", "Claimdesk self-test")
    briefing = write_briefing(selection.groups, out, publisher=publisher, status="all")
    reader = pypdf.PdfReader(str(out))
    text = "\n".join(page.extract_text() or "" for page in reader.pages)
    if len(reader.pages) < 1 or "Claimdesk self-test" not in text:
        raise SelfTestFailed("the PDF briefing was written but does not read back")
    return f"PDF briefing written: {briefing.pages} pages, {out.stat().st_size // 1024} KiB"


def _step_window(work: Path, state: dict) -> str:
    if sys.platform.startswith("linux") and not (os.environ.get("DISPLAY")
                                                 or os.environ.get("WAYLAND_DISPLAY")):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.self_check import show_window_once

    return show_window_once(state["db"], work)


STEPS: list[tuple[str, Callable[[Path, dict], str]]] = [
    ("database", _step_database),
    ("parsing worker", _step_sandbox),
    ("import", _step_import),
    ("matching", _step_match),
    ("fact-check library", _step_fact_checks),
    ("PDF briefing", _step_report),
    ("window", _step_window),
    ("server driver", _step_server_driver),
]


def run_self_test(out: TextIO | None = None, err: TextIO | None = None) -> int:
    """Run every step in a temporary folder; 0 if all passed, 1 (and a sentence) otherwise."""
    out = out or sys.stdout
    err = err or sys.stderr
    started = time.perf_counter()
    print(f"Claimdesk {__version__} self-test", file=out)
    state: dict = {}
    with tempfile.TemporaryDirectory(prefix="claimdesk-self-test-") as tmp:
        work = Path(tmp)
        env = {"CLAIMDESK_DATA_DIR": str(work / "data"), "CLAIMDESK_SANDBOX": "1",
               "CLAIMDESK_BACKUP_KEEP": "2"}
        with _environment(**env):
            try:
                for name, step in STEPS:
                    t0 = time.perf_counter()
                    try:
                        line = step(work, state)
                    except SelfTestFailed as exc:
                        print(f"claimdesk self-test FAILED at '{name}': {exc}.", file=err)
                        return 1
                    except Exception as exc:  # anything else is a broken installation too
                        print(f"claimdesk self-test FAILED at '{name}': "
                              f"{type(exc).__name__}: {exc}", file=err)
                        traceback.print_exc(file=err)
                        return 1
                    print(f"  ok  {name}: {line} ({time.perf_counter() - t0:.1f} s)",
                          file=out, flush=True)
            finally:
                if "db" in state:
                    state["db"].dispose()
    print(f"self-test passed in {time.perf_counter() - started:.1f} s", file=out)
    return 0
