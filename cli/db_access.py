"""What the editorial commands share: opening the chosen database and naming the actor."""

from __future__ import annotations

import argparse

from storage.database import Database


def open_db(args: argparse.Namespace) -> Database:
    from workflows.samples import open_chosen_database

    return open_chosen_database(getattr(args, "db", None) or None)


def actor(args: argparse.Namespace | None = None) -> str:
    """``--reviewer`` when given, else the operating-system user."""
    from storage.audit import default_actor

    given = getattr(args, "reviewer", None) if args is not None else None
    return " ".join(given.split()) if given and given.strip() else default_actor()
