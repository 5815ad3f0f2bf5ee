"""``claimdesk article ID``: show or correct an article's title, outlet, author, date and URL
(one audit entry; the window's Articles view uses the same storage function, with undo)."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from cli import db_access
from storage.articles import ArticleEditError, article_metadata, edit_article

_LABELS = {"title": "title", "outlet": "outlet", "author": "author", "published": "date",
           "url": "URL"}


def _date(value: str) -> dt.date | None:
    if not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from exc


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("article", parents=[common],
                       help="show or correct an article's title, outlet, author, date and URL")
    p.add_argument("article", type=int, metavar="ID")
    p.add_argument("--outlet", help="the outlet that published it (created if new)")
    p.add_argument("--title")
    p.add_argument("--author", help='the author ("" clears it)')
    p.add_argument("--date", type=_date, default=argparse.SUPPRESS,
                   help='publication date, YYYY-MM-DD ("" clears it)')
    p.add_argument("--url", help='the article\'s address ("" clears it)')
    p.set_defaults(func=run_article)


def _show(value: Any) -> str:
    return "—" if value in (None, "") else str(value)


def run_article(args: argparse.Namespace) -> int:
    changes = {name: getattr(args, name) for name in ("title", "outlet", "author", "url")
               if getattr(args, name) is not None}
    if hasattr(args, "date"):
        changes["published"] = args.date
    db = db_access.open_db(args)
    try:
        if changes:
            with db.write() as session:
                edit = edit_article(session, args.article, changes, actor=db_access.actor())
            for name, new in edit.after.items():
                print(f"article {args.article}: {_LABELS[name]} {_show(edit.before[name])!r} → "
                      f"{_show(new)!r}")
            if not edit.after:
                print(f"article {args.article}: nothing changed")
        else:
            with db.read() as session:
                for name, value in article_metadata(session, args.article).items():
                    print(f"{_LABELS[name] + ':':<8} {_show(value)}")
    except ArticleEditError as exc:
        print(f"claimdesk article: {exc}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    return 0
