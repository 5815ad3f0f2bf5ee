"""CSV of claim groups, their appearances and verdicts, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from export.data import GroupReport
from export.paths import atomic_output

COLUMNS: tuple[str, ...] = (
    "group_id", "canonical_claim", "category", "rating", "rating_label", "verdict_status",
    "summary", "rationale", "reviewer", "verdict_updated", "verdict_published", "evidence_count",
    "claim_id", "outlet", "published", "article_title", "url", "sentence", "claimant", "figures",
    "conflicting_figures", "conflicting_groups",
)

# A cell starting with one of these is read as a formula (or a formula continuation) by Excel,
# LibreOffice or Google Sheets: "=HYPERLINK(...)" from an article would run on the editor's
# machine. Prefixing a quote makes the spreadsheet show it as text.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\x00")


# Full-width forms a spreadsheet may fold to the ASCII ones (＝ ＋ － ＠).
_WIDE_FORMULA_STARTS = ("\uff1d", "\uff0b", "\uff0d", "\uff20")
# What a spreadsheet may skip before it looks for a formula: spaces and line breaks of every
# kind, zero-width characters, the byte-order mark.
_INVISIBLE_LEAD = (" \t\r\n\x0b\x0c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005"
                   "\u2006\u2007\u2008\u2009\u200a\u200b\u200c\u200d\u2028\u2029\u202f"
                   "\u205f\u2060\u3000\ufeff")


def neutralise(cell: str) -> str:
    """The cell as a spreadsheet will show it as text, never evaluate it (also when the
    formula hides behind invisible characters or uses the full-width signs)."""
    bare = cell.lstrip(_INVISIBLE_LEAD)
    if cell.startswith(_FORMULA_STARTS) or bare.startswith(_FORMULA_STARTS + _WIDE_FORMULA_STARTS):
        cell = "'" + cell
    return cell.replace("\x00", "")  # NUL breaks many CSV readers, and means nothing in text


@dataclass(frozen=True)
class CsvResult:
    path: Path
    rows: int
    groups: int


def _figures(figures: Sequence[dict]) -> str:
    return "; ".join(str(f.get("text") or f.get("value")) for f in figures)


def csv_rows(groups: Sequence[GroupReport]) -> Iterator[list[str]]:
    """One row per appearance (a group with none still gets one row), as plain strings,
    before neutralising."""
    for g in groups:
        v = g.verdict
        disputed = "; ".join(
            f"{f.text} ({f.outlet})" for c in g.conflicts for f in c.figures if f.disputed
        )
        contradicted = "; ".join(f"#{c.group_id}" for c in g.conflicting_groups)
        head = [
            str(g.id), g.canonical_text, g.category or "", g.rating or "", g.rating_label,
            v.status if v else "", v.summary if v else "", v.rationale if v else "",
            (v.reviewer or "") if v else "", v.updated_at.date().isoformat() if v else "",
            v.published_at.date().isoformat() if v and v.published_at else "",
            str(len(v.evidence)) if v else "0",
        ]
        if not g.appearances:
            yield head + [""] * 8 + [disputed, contradicted]
        for a in g.appearances:
            yield head + [
                str(a.claim_id), a.outlet, a.published.isoformat() if a.published else "",
                a.article_title or "", a.url or "", a.sentence, a.claimant or "",
                _figures(a.figures), disputed, contradicted,
            ]


def write_csv(groups: Sequence[GroupReport], path: Path) -> CsvResult:
    """RFC 4180 CSV (CRLF, quoted where needed) in UTF-8 with a byte-order mark, which is what
    makes Excel read Cyrillic correctly; formula-like cells are neutralised."""
    count = 0
    with atomic_output(path, "w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.writer(fh, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")
        writer.writerow(COLUMNS)
        for row in csv_rows(groups):
            writer.writerow([neutralise(cell) for cell in row])
            count += 1
    return CsvResult(path=Path(path).expanduser().resolve(), rows=count, groups=len(groups))
