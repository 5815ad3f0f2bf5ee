"""A longer fuzz run than the test suite's: mutated and random files through every reader, and
random and mutated text through the figure parser and the claim extractor.

A reader may only answer with a document or RejectedFile; the extractor may only answer with
claims whose offsets lie inside the text. Any other outcome is a crash: its input is saved in
tests/safety/corpus/ (replayed by tests/safety/test_fuzz.py on every run) and the run exits 1.

    python -m bench.fuzz_campaign [--iterations 2000] [--seed 1]
"""

from __future__ import annotations

import argparse
import io
import logging
import random
import sys
import tempfile
import time
import traceback
from pathlib import Path

from extraction import extract_claims, parse_figures
from ingest.document import RejectedFile
from ingest.readers import read_document

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "tests" / "safety" / "corpus"
SAMPLES = ROOT / "resources" / "sample"
SUFFIXES = (".txt", ".md", ".html", ".pdf")


def seed_files() -> dict[str, list[bytes]]:
    """Valid inputs of each kind to mutate: the sample articles, an HTML page, a small PDF."""
    texts = [p.read_bytes() for p in sorted(SAMPLES.glob("*.txt"))]
    html = [b"<html><head><title>T</title><script>x()</script></head><body><article><h1>"
            b"Headline</h1><p>" + t[:3000] + b"</p></article></body></html>" for t in texts[:4]]
    pdfs = []
    try:
        from reportlab.pdfgen import canvas

        for t in texts[:3]:
            buffer = io.BytesIO()
            pdf = canvas.Canvas(buffer, invariant=1)
            for n, line in enumerate(t.decode("utf-8", "replace").splitlines()[:40]):
                pdf.drawString(72, 760 - 16 * n, line[:90].encode("latin-1", "replace")
                               .decode("latin-1"))
            pdf.showPage()
            pdf.save()
            pdfs.append(buffer.getvalue())
    except ImportError:
        pass
    return {".txt": texts, ".md": texts, ".html": html, ".pdf": pdfs or [b"%PDF-1.4\n%%EOF"]}


def mutate(data: bytes, rng: random.Random) -> bytes:
    """One of: flip bytes, truncate, splice a chunk elsewhere, insert junk, repeat a chunk."""
    if not data:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
    b = bytearray(data)
    for _ in range(rng.randrange(1, 4)):
        kind = rng.randrange(5)
        i = rng.randrange(len(b)) if b else 0
        if kind == 0 and b:
            for _ in range(rng.randrange(1, 16)):
                b[rng.randrange(len(b))] = rng.randrange(256)
        elif kind == 1:
            del b[i:]
        elif kind == 2 and b:
            j = rng.randrange(len(b))
            b[j:j] = b[i:i + rng.randrange(1, 512)]
        elif kind == 3:
            b[i:i] = bytes(rng.randrange(256) for _ in range(rng.randrange(1, 64)))
        else:
            b[i:i] = b[i:i + rng.randrange(1, 64)] * rng.randrange(2, 50)
    return bytes(b[:2_000_000])


def random_text(rng: random.Random) -> str:
    pieces = ["0", "1", "5", "18", "0.6", "1,5", "½", " ", ",", ".", "%", " per cent", " percent",
              " km²", " square miles", " million", " тисяч", " відсотків", "Київ", " Kiev",
              " about ", " between ", " and ", " up to ", " less than ", "Minsk II", " 2015",
              " February", " last year", " on Tuesday", "\u200b", "\ufeff", "\U0001f600", "\n",
              "—", "–", "-", "(", ")", "\"", "«", "»", "ISW said", " Russia holds ", " a fifth "]
    if rng.random() < 0.3:
        return "".join(chr(rng.randrange(0x20, 0x2FFF)) for _ in range(rng.randrange(0, 400)))
    return "".join(rng.choice(pieces) for _ in range(rng.randrange(0, 120)))


def check_text(text: str) -> None:
    for f in parse_figures(text):
        assert 0 <= f.start <= f.end <= len(text), f
    for claim in extract_claims(text):
        assert 0 <= claim.start <= claim.end <= len(text), claim
        assert text[claim.start:claim.end] == claim.sentence, claim


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--iterations", type=int, default=2000,
                        help="files per kind and texts (default 2000)")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    logging.getLogger("pypdf").setLevel(logging.ERROR)  # broken PDFs are the point here
    rng = random.Random(args.seed)
    seeds = seed_files()
    crashes: list[str] = []
    started = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        for suffix in SUFFIXES:
            documents = rejected = 0
            t0 = time.perf_counter()
            for n in range(args.iterations):
                data = (mutate(rng.choice(seeds[suffix]), rng) if rng.random() < 0.8
                        else bytes(rng.randrange(256) for _ in range(rng.randrange(0, 4096))))
                path = Path(tmp) / f"f{n}{suffix}"
                path.write_bytes(data)
                try:
                    read_document(path, sandboxed=False)
                    documents += 1
                except RejectedFile:
                    rejected += 1
                except Exception:  # noqa: BLE001 - anything else is the finding
                    keep = CORPUS / f"crash-{args.seed}-{n}{suffix}"
                    keep.write_bytes(data)
                    crashes.append(f"{keep.name}: {traceback.format_exc(limit=3)}")
                finally:
                    path.unlink(missing_ok=True)
            print(f"{suffix:6} {args.iterations:6} files  {documents:6} read  {rejected:6} "
                  f"rejected  {time.perf_counter() - t0:6.1f} s")
        t0 = time.perf_counter()
        for n in range(args.iterations):
            text = (random_text(rng) if rng.random() < 0.7 else mutate(
                rng.choice(seeds[".txt"])[:4000], rng).decode("utf-8", "replace"))
            try:
                check_text(text)
            except Exception:  # noqa: BLE001
                keep = CORPUS / f"crash-text-{args.seed}-{n}.txt"
                keep.write_text(text, encoding="utf-8", errors="surrogatepass")
                crashes.append(f"{keep.name}: {traceback.format_exc(limit=3)}")
        print(f"text   {args.iterations:6} texts through parse_figures and extract_claims  "
              f"{time.perf_counter() - t0:6.1f} s")
    total = args.iterations * (len(SUFFIXES) + 1)
    print(f"iterations: {total}  crashes: {len(crashes)}  time: "
          f"{time.perf_counter() - started:.1f} s")
    for crash in crashes[:10]:
        print(crash, file=sys.stderr)
    return 1 if crashes else 0


if __name__ == "__main__":
    raise SystemExit(main())
