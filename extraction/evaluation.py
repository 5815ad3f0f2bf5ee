"""Precision and recall of extract_claims against a hand-annotated gold set (tests and bench).

Gold format (see tests/extraction/gold_corpus.json): for each file name, the article date and
the annotated claims {start, end, category, required, figures (optional)}; an optional "scope",
a list of [start, end) ranges, says which parts of the file were labelled (proposals starting
elsewhere are left out).  A proposed claim matches a gold
claim when their spans overlap by at least half of the shorter span.  Required claims count for
recall; a proposal that overlaps only optional (borderline) claims counts neither way.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from .claims import CATEGORIES, DEFAULT_THRESHOLD, ProposedClaim, extract_claims

OVERLAP = 0.5


def read_article(path: str | Path) -> str:
    """Article text as the CLI sees a plain .txt: UTF-8, CRLF -> LF."""
    return Path(path).read_bytes().decode("utf-8").replace("\r\n", "\n")


def overlaps(a_start: int, a_end: int, b_start: int, b_end: int, ratio: float = OVERLAP) -> bool:
    inter = min(a_end, b_end) - max(a_start, b_start)
    shorter = min(a_end - a_start, b_end - b_start)
    return shorter > 0 and inter >= ratio * shorter


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    gold: int = 0
    found: int = 0

    @property
    def precision(self) -> float | None:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else None

    @property
    def recall(self) -> float | None:
        return self.found / self.gold if self.gold else None


@dataclass
class Report:
    per_category: dict[str, Counts] = field(default_factory=lambda: {c: Counts() for c in CATEGORIES})
    overall_span: Counts = field(default_factory=Counts)      # is it a checkable claim at all
    overall_strict: Counts = field(default_factory=Counts)    # ... with the right category
    figures_gold: int = 0
    figures_found: int = 0
    dates_gold: int = 0
    dates_right: int = 0
    misses: list[tuple[str, dict]] = field(default_factory=list)
    false_positives: list[tuple[str, ProposedClaim]] = field(default_factory=list)
    # Every sentence's score and whether it is a required gold claim (True), no claim (False);
    # sentences overlapping only optional claims are left out.  For the ranking figures.
    ranked: list[tuple[float, bool]] = field(default_factory=list)

    def average_precision(self) -> float | None:
        """Average precision of all sentences sorted by score: 1.0 when every real claim
        sorts above every non-claim (how well the Inbox's order puts real claims first)."""
        order = sorted(self.ranked, key=lambda t: -t[0])
        hits, total = 0, 0.0
        for k, (_, real) in enumerate(order, 1):
            if real:
                hits += 1
                total += hits / k
        return total / hits if hits else None
    wrong_category: list[tuple[str, ProposedClaim, str]] = field(default_factory=list)


def load_gold(path: str | Path) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def evaluate(gold: dict, corpus_dir: str | Path, threshold: float = DEFAULT_THRESHOLD) -> Report:
    report = Report()
    for name, entry in gold["files"].items():
        text = read_article(Path(corpus_dir) / name)
        published = date.fromisoformat(entry["published"]) if entry.get("published") else None
        predicted = extract_claims(text, published=published, threshold=threshold)
        every = extract_claims(text, published=published, threshold=0)
        if entry.get("scope"):
            predicted = [p for p in predicted if any(a <= p.start < b for a, b in entry["scope"])]
            every = [p for p in every if any(a <= p.start < b for a, b in entry["scope"])]
        _score_file(report, name, entry["claims"], predicted)
        _rank_file(report, entry["claims"], every)
    return report


def _score_file(report: Report, name: str, claims: list[dict], predicted: list[ProposedClaim]) -> None:
    required = [g for g in claims if g["required"]]
    optional = [g for g in claims if not g["required"]]

    def hit(p: ProposedClaim, g: dict) -> bool:
        return overlaps(p.start, p.end, g["start"], g["end"])

    for g in required:
        cat_counts = report.per_category.get(g["category"])
        any_match = [p for p in predicted if hit(p, g)]
        same = [p for p in any_match if p.category == g["category"]]
        report.overall_span.gold += 1
        report.overall_strict.gold += 1
        if any_match:
            report.overall_span.found += 1
        else:
            report.misses.append((name, g))
        if same:
            report.overall_strict.found += 1
        if cat_counts is not None:
            cat_counts.gold += 1
            if same:
                cat_counts.found += 1
            else:
                cat_counts.fn += 1
        _score_figures(report, g, any_match)

    for p in predicted:
        req = [g for g in required if hit(p, g)]
        opt = [g for g in optional if hit(p, g)]
        same = [g for g in req if g["category"] == p.category]
        # Category-agnostic: is the proposal a checkable claim at all?
        if req:
            report.overall_span.tp += 1
        elif not opt:
            report.overall_span.fp += 1
            report.false_positives.append((name, p))
        # Category-strict.
        if same:
            report.overall_strict.tp += 1
        elif req or not opt:
            report.overall_strict.fp += 1
            if req:
                report.wrong_category.append((name, p, req[0]["category"]))
        cat_counts = report.per_category.get(p.category or "")
        if cat_counts is not None:
            if same:
                cat_counts.tp += 1
            elif req or not opt:
                cat_counts.fp += 1


def _rank_file(report: Report, claims: list[dict], every: list[ProposedClaim]) -> None:
    for p in every:
        hit = [g for g in claims if overlaps(p.start, p.end, g["start"], g["end"])]
        if any(g["required"] for g in hit):
            report.ranked.append((p.score, True))
        elif not hit:
            report.ranked.append((p.score, False))


def _score_figures(report: Report, g: dict, matches: list[ProposedClaim]) -> None:
    figures = [f for p in matches for f in p.figures]
    for gf in g.get("figures", ()):
        report.figures_gold += 1
        found = None
        for f in figures:
            if not overlaps(f.start, f.end, gf["start"], gf["end"], 0.3) or f.kind != gf["kind"]:
                continue
            if gf["value"] is not None and (f.value is None or abs(f.value - gf["value"]) > 0.01 * abs(gf["value"]) + 1e-9):
                continue
            found = f
            break
        if found is not None:
            report.figures_found += 1
        if gf.get("date"):
            report.dates_gold += 1
            if found is not None and found.date == gf["date"]:
                report.dates_right += 1


def format_report(report: Report, verbose: bool = False) -> str:
    def pct(x: float | None) -> str:
        return "   -  " if x is None else f"{x:6.3f}"

    lines = [
        f"{'category':15} {'gold':>5} {'found':>5} {'recall':>7} {'tp':>4} {'fp':>4} {'precision':>9}",
    ]
    for cat in CATEGORIES:
        c = report.per_category[cat]
        lines.append(f"{cat:15} {c.gold:5d} {c.found:5d} {pct(c.recall):>7} {c.tp:4d} {c.fp:4d} {pct(c.precision):>9}")
    for label, c in (("overall (any)", report.overall_span), ("overall (cat.)", report.overall_strict)):
        lines.append(f"{label:15} {c.gold:5d} {c.found:5d} {pct(c.recall):>7} {c.tp:4d} {c.fp:4d} {pct(c.precision):>9}")
    fr = report.figures_found / report.figures_gold if report.figures_gold else 0.0
    dr = report.dates_right / report.dates_gold if report.dates_gold else 0.0
    if report.figures_gold:  # (a gold set without figures, such as the held-out one, skips these)
        lines.append(f"figures of required claims found with kind and value: {report.figures_found}/{report.figures_gold} ({fr:.3f})")
        lines.append(f"ISO dates right: {report.dates_right}/{report.dates_gold} ({dr:.3f})")
    ap = report.average_precision()
    if ap is not None:
        lines.append(f"ranking of all sentences by score: average precision {ap:.3f}")
    if verbose:
        lines.append("\nmissed required claims:")
        for name, g in report.misses:
            lines.append(f"  {name} [{g['start']}:{g['end']}] {g['category']}")
        lines.append("\nproposals matching no gold claim:")
        for name, p in report.false_positives:
            lines.append(f"  {name} [{p.start}:{p.end}] {p.category} {p.score:.2f} {p.sentence[:80]!r}")
        lines.append("\nproposals with another category than the gold claim:")
        for name, p, gcat in report.wrong_category:
            lines.append(f"  {name} [{p.start}:{p.end}] {p.category} (gold {gcat}) {p.score:.2f} {p.sentence[:70]!r}")
    return "\n".join(lines)
