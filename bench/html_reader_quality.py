"""Article-body extraction from saved web pages: our reader against trafilatura and readability-lxml.

Usage: python bench/html_reader_quality.py [--pages DIR ...]
Each page NAME.html has its hand-written article text in NAME.expected.txt (one paragraph a
line). The default pages are tests/ingest/pages (written for the project in the shape of real
news sites: English, Ukrainian, Russian); $CLAIMDESK_HTML_PAGES adds a folder of saved real
pages laid out the same way. Scores are word-level precision, recall and F1 (bags of words).
"""

from __future__ import annotations

import argparse
import os
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import lxml.html  # noqa: E402

from ingest import html_reader  # noqa: E402
from ingest.encoding import decode_text  # noqa: E402

PAGES = ROOT / "tests" / "ingest" / "pages"
_WORD = re.compile(r"[^\W_]+")


def _source(data: bytes) -> str:
    return decode_text(data, declared=html_reader._declared_charset(data)).text


def ours(data: bytes) -> str:
    return html_reader.own_article_text(_source(data))


def trafilatura_text(data: bytes) -> str:
    return html_reader.library_article_text(_source(data)) or ""


def readability_text(data: bytes) -> str:
    from readability import Document

    summary = Document(_source(data)).summary(html_partial=True)
    return html_reader._block_text(lxml.html.fragment_fromstring(summary, create_parent="div"))


def shipped(data: bytes) -> str:
    return html_reader.read_html(data).text


READERS: dict[str, Callable[[bytes], str]] = {
    "ours": ours, "trafilatura": trafilatura_text, "readability": readability_text, "shipped": shipped,
}


def scores(got: str, expected: str) -> tuple[float, float, float]:
    g, e = Counter(_WORD.findall(got.lower())), Counter(_WORD.findall(expected.lower()))
    common = sum((g & e).values())
    p = common / sum(g.values()) if g else 0.0
    r = common / sum(e.values()) if e else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    extra = os.environ.get("CLAIMDESK_HTML_PAGES")
    ap.add_argument("--pages", type=Path, nargs="+", default=[PAGES] + ([Path(extra)] if extra else []))
    args = ap.parse_args(argv)
    pages = sorted(p for d in args.pages for p in d.glob("*.html") if p.with_suffix(".expected.txt").is_file())
    if not pages:
        print("no pages with an .expected.txt found", file=sys.stderr)
        return 2
    totals = {name: [0.0, 0.0, 0.0, 0.0] for name in READERS}
    print(f"{'page':22} " + " ".join(f"{name:>20}" for name in READERS))
    for page in pages:
        data, expected = page.read_bytes(), page.with_suffix(".expected.txt").read_text(encoding="utf-8")
        cells = []
        for name, reader in READERS.items():
            t0 = time.perf_counter()
            p, r, f = scores(reader(data), expected)
            totals[name][0] += p
            totals[name][1] += r
            totals[name][2] += f
            totals[name][3] += time.perf_counter() - t0
            cells.append(f"P{p:.2f} R{r:.2f} F{f:.2f}")
        print(f"{page.stem:22} " + " ".join(f"{c:>20}" for c in cells))
    n = len(pages)
    print(f"{'mean':22} " + " ".join(f"P{t[0]/n:.2f} R{t[1]/n:.2f} F{t[2]/n:.2f}".rjust(20) for t in totals.values()))
    print(f"{'ms per page':22} " + " ".join(f"{1000 * t[3] / n:20.1f}" for t in totals.values()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
