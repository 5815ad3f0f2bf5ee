"""``claimdesk measures``, ``claimdesk timeline`` and ``claimdesk reference``: measures over time
and their reference figures from the command line (storage.measures, storage.measure_edits)."""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from cli import db_access
from storage.errors import StorageError
from storage.measures import MeasureInputError, Reference, value_text
from storage.printable import printable


def add_parsers(sub: Any, common: argparse.ArgumentParser) -> None:
    """Register ``measures``, ``timeline`` and ``reference`` on the ``claimdesk`` subcommands."""
    p = sub.add_parser("measures", parents=[common],
                       help="list the measures: what claims state values of, over time")
    p.add_argument("--json", action="store_true", help="one JSON object per measure")
    p.add_argument("--all", action="store_true",
                   help="also the measures stated once (by a single claim), as the window's "
                        "“Stated once too”")
    p.add_argument("--recompute", action="store_true",
                   help="work out every claim's measures again (your decisions are kept)")
    p.set_defaults(func=run_measures)

    p = sub.add_parser("timeline", parents=[common],
                       help="write one measure's values over time (CSV; PNG or SVG chart)")
    p.add_argument("measure", type=int, metavar="MEASURE_ID")
    p.add_argument("--out", required=True, metavar="FILE", help="FILE.csv, FILE.png or FILE.svg")
    p.set_defaults(func=run_timeline)

    p = sub.add_parser("reference",
                       help="record or list reference figures (authoritative values of a measure)")
    rsub = p.add_subparsers(dest="reference_command", metavar="{add,list}")
    rsub.required = True
    a = rsub.add_parser("add", parents=[common], help="record a reference figure for a measure")
    a.add_argument("measure", type=int, metavar="MEASURE_ID")
    a.add_argument("--value", help="the value (a number; for a date measure YYYY-MM-DD)")
    a.add_argument("--low", help="low end of the value's interval")
    a.add_argument("--high", help="high end of the value's interval")
    a.add_argument("--as-of", required=True, dest="as_of", metavar="YYYY-MM-DD",
                   help="the date the value holds for")
    a.add_argument("--source-url", required=True, dest="source_url", metavar="URL")
    a.add_argument("--source-title", required=True, dest="source_title", metavar="TITLE")
    a.add_argument("--publisher", help="who published the source")
    a.add_argument("--quote", help="the passage of the source that gives the value")
    a.add_argument("--captured-on", dest="captured_on", metavar="YYYY-MM-DD",
                   help="when the source was read (default: today)")
    a.add_argument("--reviewer", metavar="NAME", help="who enters it (default: your user name)")
    a.set_defaults(func=run_reference_add)
    l_ = rsub.add_parser("list", parents=[common], help="list the reference figures")
    l_.add_argument("--measure", type=int, metavar="MEASURE_ID", help="only this measure's")
    l_.add_argument("--json", action="store_true", help="one JSON object per reference figure")
    l_.set_defaults(func=run_reference_list)


def _fail(command: str, message: str) -> int:
    print(f"claimdesk {command}: {message}", file=sys.stderr)
    return 1


def _interval(low: float | None, high: float | None, unit: str) -> str:
    if low is None or high is None:
        return "-"
    a, b = value_text(low, unit), value_text(high, unit)
    return a if a == b else f"{a} – {b}"


def run_measures(args: argparse.Namespace) -> int:
    from storage.measures import list_measures
    from workflows.measuring import remeasure_all, update_measures

    db = db_access.open_db(args)
    try:
        # Claims stored before measures existed (or by an older version) are scanned first.
        (remeasure_all if args.recompute else update_measures)(db)
        # Read every measure once: those stated once are listed with --all, else counted.
        every = list_measures(db, min_claims=1)
    except (StorageError, MeasureInputError) as exc:
        return _fail("measures", str(exc))
    finally:
        db.dispose()
    rows = every if args.all else [r for r in every if r.claims >= 2]
    once_hidden = len(every) - len(rows)
    for r in rows:
        if args.json:
            print(json.dumps({
                "id": r.id, "name": r.name, "key": r.key, "unit": r.unit, "claims": r.claims,
                "outlets": r.outlets, "low": r.low, "high": r.high,
                "low_text": value_text(r.low, r.unit), "high_text": value_text(r.high, r.unit),
                "latest_value": r.latest_value,
                "latest_text": value_text(r.latest_value, r.unit),
                "latest_date": r.latest_date.isoformat() if r.latest_date else None,
                "renamed": r.renamed, "references": r.references}, ensure_ascii=False))
        else:
            latest = value_text(r.latest_value, r.unit) or "-"
            when = f" ({r.latest_date.isoformat()})" if r.latest_date else ""
            print(printable(f"{r.id:>5}  {r.name}: {_count(r.claims, 'claim')}, "
                            f"{_count(r.outlets, 'outlet')}, "
                            f"{_interval(r.low, r.high, r.unit)}; latest {latest}{when}"))
    if args.json:
        return 0
    if once_hidden:
        hidden = ("1 measure stated by a single claim is" if once_hidden == 1
                  else f"{once_hidden:,} measures stated by a single claim are")
        print(f"{'No measure is stated by two claims or more yet; ' if not rows else ''}"
              f"{hidden} not listed: --all lists them.")
    elif not rows:
        print("No measures yet: import articles whose claims state figures.")
    return 0


def _count(n: int, noun: str) -> str:
    return f"{n:,} {noun}" if n == 1 else f"{n:,} {noun}s"


def run_timeline(args: argparse.Namespace) -> int:
    from storage.measures import (
        compare_with_reference,
        measure_row,
        references,
        resolve,
        timeline_points,
    )

    out = Path(args.out)
    kind = out.suffix.lower().lstrip(".")
    if kind not in ("csv", "png", "svg"):
        return _fail("timeline", f"the output file must end in .csv, .png or .svg, not "
                     f"{out.name!r}")
    db = db_access.open_db(args)
    try:
        measure_id = resolve(db, args.measure)
        points = timeline_points(db, measure_id)
        comparisons = compare_with_reference(db, measure_id=measure_id)
        row = measure_row(db, measure_id)
        refs = references(db, measure_id)
    except (StorageError, MeasureInputError) as exc:
        return _fail("timeline", str(exc))
    finally:
        db.dispose()
    if measure_id != args.measure:
        print(f"measure {args.measure} was merged into measure {measure_id}: writing that one")
    title = row.name if row is not None else f"Measure {measure_id}"
    unit = row.unit if row is not None else ""
    from export.paths import OutputError

    try:
        if kind == "csv":
            from export.timeline_csv import write_timeline_csv

            n = write_timeline_csv(points, out, comparisons)
        else:
            # The same layout as the window's chart and the briefing's (export.timeline_plot).
            from export.timeline_chart import write_timeline_chart

            n = write_timeline_chart(title, points, out, comparisons, references=refs, unit=unit)
    except OutputError as exc:
        return _fail("timeline", str(exc))
    print(printable(f"wrote {_count(n, 'point')} of measure {measure_id} to {out}"))
    return 0


def run_reference_add(args: argparse.Namespace) -> int:
    from storage.measure_edits import add_reference
    from storage.measures import CONSISTENT, CONTRADICTS, compare_with_reference, resolve

    db = db_access.open_db(args)
    try:
        if resolve(db, args.measure) != args.measure:
            return _fail("reference add", f"measure {args.measure} was merged into measure "
                         f"{resolve(db, args.measure)}; add the reference there")
        ref = add_reference(db, args.measure, as_of=args.as_of, source_title=args.source_title,
                            value=args.value, low=args.low, high=args.high,
                            url=args.source_url, publisher=args.publisher, quote=args.quote,
                            captured_on=args.captured_on, actor=db_access.actor(args))
        tally = Counter(c.kind for c in compare_with_reference(db, measure_id=args.measure))
    except (StorageError, MeasureInputError) as exc:
        return _fail("reference add", str(exc))
    finally:
        db.dispose()
    print(printable(f"reference figure {ref.id} for measure {ref.measure_id}: "
                    f"{_reference_value(ref)} as of {ref.as_of.isoformat()} "
                    f"({ref.source_title})"))
    print(f"claims of measure {ref.measure_id}: {tally[CONSISTENT]} consistent, "
          f"{tally[CONTRADICTS]} contradict, {sum(tally.values()) - tally[CONSISTENT] - tally[CONTRADICTS]}"
          " with no reference for their date (suggestions only: no rating was changed)")
    return 0


def _reference_value(ref: Reference) -> str:
    if ref.value is not None and ref.low == ref.high:
        return f"{ref.value:g}"
    value = f"{ref.value:g} " if ref.value is not None else ""
    return f"{value}[{ref.low:g}, {ref.high:g}]"


def run_reference_list(args: argparse.Namespace) -> int:
    from storage.measures import references

    db = db_access.open_db(args)
    try:
        refs = references(db, args.measure)
    except (StorageError, MeasureInputError) as exc:
        return _fail("reference list", str(exc))
    finally:
        db.dispose()
    for r in refs:
        if args.json:
            print(json.dumps({
                "id": r.id, "measure_id": r.measure_id, "value": r.value, "low": r.low,
                "high": r.high, "as_of": r.as_of.isoformat(), "source_title": r.source_title,
                "publisher": r.publisher, "url": r.url, "quote": r.quote,
                "captured_on": r.captured_on.isoformat() if r.captured_on else None,
                "entered_by": r.entered_by, "created": r.created.isoformat()},
                ensure_ascii=False))
        else:
            print(printable(f"{r.id:>5}  measure {r.measure_id}: {_reference_value(r)} as of "
                            f"{r.as_of.isoformat()} — {r.source_title}"
                            f"{' (' + r.publisher + ')' if r.publisher else ''}"
                            f"{' ' + r.url if r.url else ''}; entered by {r.entered_by}"))
    if not refs and not args.json:
        print("No reference figures yet: add one with 'claimdesk reference add MEASURE_ID …'.")
    return 0
