"""``claimdesk compare A B``: would matching call two stored claims one claim, a conflict or
two claims, and why (matching.pair_why)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cli import db_access


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("compare", parents=[common],
                       help="say whether matching finds two stored claims the same claim, a "
                       "conflict or two claims, and why")
    p.add_argument("first", type=int, help="a claim id (claimdesk search prints them)")
    p.add_argument("second", type=int, help="another claim id")
    p.set_defaults(func=run_compare)


def run_compare(args: argparse.Namespace) -> int:
    from matching.pair_why import UnknownClaim, compare_stored

    if args.first == args.second:
        print("claimdesk compare: give two different claim ids", file=sys.stderr)
        return 2
    db = db_access.open_db(args)
    try:
        try:
            found = compare_stored(db, args.first, args.second)
        except UnknownClaim as exc:
            print(f"claimdesk compare: {exc}", file=sys.stderr)
            return 1
        print(found.text())
        return 0
    finally:
        db.dispose()
