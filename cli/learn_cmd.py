"""``claimdesk learn [--undo]``: refit matching on this database's match decisions (matching.learn),
print the before/after precision and recall, or go back to the shipped weights."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cli import db_access
from matching.learn import LearnCancelled, NotEnoughDecisions, forget, learn, learned_state


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("learn", parents=[common],
                       help="learn matching from the Confirm / Not the same / Split / Merge "
                       "decisions stored in the database (used by its later matching)")
    p.add_argument("--undo", action="store_true",
                   help="forget the learned weights: matching uses the shipped ones again")
    p.set_defaults(func=run_learn)


def run_learn(args: argparse.Namespace) -> int:
    db = db_access.open_db(args)
    try:
        if args.undo:
            removed = forget(db, actor=db_access.actor())
            print("Matching on this database uses the shipped weights again." if removed
                  else "No learned weights to forget: matching uses the shipped weights.")
            return 0
        try:
            result = learn(db, actor=db_access.actor())
        except NotEnoughDecisions as exc:
            print(f"claimdesk learn: {exc}", file=sys.stderr)
            return 1
        except (LearnCancelled, KeyboardInterrupt):
            print("claimdesk learn: interrupted; the weights in use are unchanged.",
                  file=sys.stderr)
            return 1
        print(result.summary())
        print(learned_state(db).text())
        return 0
    finally:
        db.dispose()
