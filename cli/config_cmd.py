"""``claimdesk config``: the desk's settings stored in the database (organisation, corrections
contact, published-checks base URL, two-person review), shown or set."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cli import db_access
from storage import settings


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("config", parents=[common],
                       help="show or set the organisation, corrections contact, published-checks "
                       "address and two-person review (stored in the database)")
    p.add_argument("--organisation", help="who publishes the checks (cover, card, ClaimReview)")
    p.add_argument("--corrections", metavar="CONTACT",
                   help="where readers send corrections (an address or e-mail; every footer)")
    p.add_argument("--base-url", metavar="URL",
                   help="public address of the published checks (ClaimReview urls)")
    p.add_argument("--two-person-review", choices=["on", "off"],
                   help="approval needs a reviewer other than the author (default: on for a "
                   "server database, off for a file)")
    p.set_defaults(func=run_config)


_OPTIONS = (("organisation", settings.ORGANISATION), ("corrections", settings.CORRECTIONS),
            ("base_url", settings.BASE_URL), ("two_person_review", settings.TWO_PERSON_REVIEW))


def run_config(args: argparse.Namespace) -> int:
    changes = {key: getattr(args, attr) for attr, key in _OPTIONS
               if getattr(args, attr, None) is not None}
    db = db_access.open_db(args)
    try:
        if changes:
            try:
                with db.write() as session:
                    for key, value in changes.items():
                        settings.set_setting(session, key, value, actor=db_access.actor())
            except settings.SettingError as exc:
                print(f"claimdesk config: {exc}", file=sys.stderr)
                return 1
        with db.read() as session:
            stored = settings.all_settings(session)
            two = settings.two_person_review(session)
            team = settings.is_team_database(session)
    finally:
        db.dispose()
    for key, label in settings.KNOWN.items():
        if key == settings.TWO_PERSON_REVIEW:
            default = "" if key in stored else f" (default for a {'server' if team else 'file'})"
            value = ("on" if two else "off") + default
        else:
            value = stored.get(key) or "not set"
        print(f"{label + ':':<28} {value}")
    return 0
