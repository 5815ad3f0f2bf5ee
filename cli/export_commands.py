"""``claimdesk report`` and ``claimdesk export``: read the selection, write the file, say so."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from export.data import Selection, select_group_ids
from export.paths import OutputError
from export.publisher import SET_IT_UP, Publisher
from storage.database import Database
from storage.settings import Organisation, organisation


def _open_db(args: argparse.Namespace) -> Database:
    from workflows.samples import open_chosen_database

    db_path = getattr(args, "db", None)
    return open_chosen_database(db_path or None)


def _select(args: argparse.Namespace, status: str, command: str) -> tuple[Selection | None, Organisation]:
    """The selection (with notes on stderr about asked-for groups left out; None after an
    error message when a requested group does not exist) and the desk's stored settings."""
    db = _open_db(args)
    try:
        with db.read() as session:
            selection = select_group_ids(session, status, getattr(args, "group", None))
            stored = organisation(session)
        if command == "report":  # #19: the measure timelines the briefing draws
            from export.measure_timelines import with_timelines

            selection.groups = with_timelines(db, selection.groups, status)
    finally:
        db.dispose()
    if selection.missing:
        ids = ", ".join(str(i) for i in selection.missing)
        print(f"claimdesk {command}: no claim group with id {ids}", file=sys.stderr)
        return None, stored
    for gid, reason in selection.skipped.items():
        print(f"claimdesk {command}: claim group {gid} left out: {reason} "
              f"(--status {status}; use --status all to include it)", file=sys.stderr)
    return selection, stored


def _publisher(args: argparse.Namespace, stored: Organisation, command: str) -> Publisher:
    publisher = Publisher.resolve(getattr(args, "organisation", None), getattr(args, "author", None),
                                  getattr(args, "corrections", None), getattr(args, "base_url", None),
                                  stored=stored)
    if not publisher.organisation_set:
        print(f"claimdesk {command}: note: the organisation is not set, so the output names "
              f"none; {SET_IT_UP}.", file=sys.stderr)
    return publisher


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _size(n: int) -> str:
    return f"{n / 1024:.0f} KiB" if n >= 1024 else f"{n} bytes"


def run_report(args: argparse.Namespace) -> int:
    """``claimdesk report``: the PDF briefing, or with --card a one-page verdict card."""
    from export.pdf_briefing import write_briefing
    from export.verdict_card import write_verdict_card

    groups = getattr(args, "group", None) or []
    card = getattr(args, "card", False)
    if card and len(set(groups)) != 1:
        print("claimdesk report: --card needs exactly one --group ID", file=sys.stderr)
        return 2
    selection, stored = _select(args, args.status, "report")
    if selection is None:
        return 1
    publisher = _publisher(args, stored, "report")
    out = Path(args.out)
    try:
        if card:
            if not selection.groups:
                return 1  # the reason was printed by _select
            result = write_verdict_card(selection.groups[0], out, publisher=publisher)
            print(f"verdict card written: {result.path} (claim group {selection.groups[0].id}, "
                  f"1 page, {_size(result.size)})")
            return 0
        if not selection.groups:
            print("claimdesk report: no claim group matches; the briefing says so", file=sys.stderr)
        briefing = write_briefing(selection.groups, out, publisher=publisher,
                                  title=getattr(args, "title", None), status=args.status)
    except OutputError as exc:
        print(f"claimdesk report: {exc}", file=sys.stderr)
        return 1
    print(f"briefing written: {briefing.path} ({_count(briefing.groups, 'claim group')}, "
          f"{_count(briefing.pages, 'page')}, {_size(briefing.size)})")
    return 0


def run_export(args: argparse.Namespace) -> int:
    """``claimdesk export --format claimreview|csv``."""
    from export.claimreview import write_claimreview
    from export.csv_export import write_csv

    status = getattr(args, "status", None) or ("published" if args.format == "claimreview" else "all")
    selection, stored = _select(args, status, "export")
    if selection is None:
        return 1
    out = Path(args.out)
    try:
        if args.format == "claimreview":
            publisher = _publisher(args, stored, "export")
            if publisher.placeholder_url and not getattr(args, "allow_placeholder_url", False):
                print("claimdesk export: the published-checks base URL is not set, so every "
                      f"ClaimReview url would be the placeholder {publisher.base_url}/…, which "
                      f"search engines reject; {SET_IT_UP}, pass --base-url URL, or add "
                      "--allow-placeholder-url to write it anyway.", file=sys.stderr)
                return 1
            result = write_claimreview(selection.groups, out, publisher=publisher)
            note = (f"; {_count(len(result.unrated), 'unrated claim group')} left out"
                    if result.unrated else "")
            print(f"ClaimReview written: {result.path} ({_count(result.items, 'verdict')}{note})")
        else:
            csv_result = write_csv(selection.groups, out)
            print(f"CSV written: {csv_result.path} ({_count(csv_result.rows, 'row')}, "
                  f"{_count(csv_result.groups, 'claim group')})")
    except OutputError as exc:
        print(f"claimdesk export: {exc}", file=sys.stderr)
        return 1
    return 0
