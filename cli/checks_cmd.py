"""``claimdesk import-checks`` and ``claimdesk checked``: the fact-check library from the command line."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO


def _actor() -> str:
    from storage.audit import default_actor

    return default_actor()


def cmd_import_checks(args: argparse.Namespace) -> int:
    from ingest.factcheck_import import import_check_files
    from matching.checked import CLOSE, after_import
    from workflows.samples import open_chosen_database

    db = open_chosen_database(args.db or None)
    imported = dup = bad = refused = 0
    try:
        for result in import_check_files(db, [Path(p) for p in args.files], actor=_actor()):
            for line in result.lines():
                print(line, flush=True)
            imported += result.imported
            dup += result.duplicates
            bad += result.bad_count
            refused += result.error is not None
        close = after_import(db) if imported else None
    finally:
        db.dispose()
    print(f"{len(args.files)} files: {imported} fact-checks imported, {dup} already there, "
          f"{bad} left out, {refused} files rejected")
    if close:
        print(f"{close} claims in the Inbox are close to a published fact-check "
              f"(closeness >= {CLOSE})")
    return 1 if bad or refused else 0


def _open_existing(location: str | None):  # noqa: ANN202
    """The named (or default) database, never creating one: a look-up only reads."""
    from storage.database import is_server_url
    from storage.paths import default_database_path
    from storage.schema import open_database, open_server_database

    if is_server_url(location):
        return open_server_database(str(location))
    path = Path(location).expanduser() if location else default_database_path()
    if not path.is_file():
        return None
    return open_database(path, daily_backup=False)


def read_queries(path: str) -> list[tuple[object, str]]:
    from matching.rank_input import read_pairs

    return list(read_pairs(Path(path), unique=False))


def cmd_checked(args: argparse.Namespace, out: TextIO | None = None) -> int:
    from matching.checked import library_for
    from matching.rank_input import InputError

    out = out or sys.stdout
    if args.top < 1:
        print(f"claimdesk checked: --top must be at least 1, not {args.top}", file=sys.stderr)
        return 1
    if bool(args.queries) == bool(args.text):
        print("claimdesk checked: give the claim as TEXT or a --queries FILE.jsonl (not both)",
              file=sys.stderr)
        return 1
    try:
        queries = read_queries(args.queries) if args.queries else [(None, " ".join(args.text))]
    except InputError as exc:
        print(f"claimdesk checked: {exc}", file=sys.stderr)
        return 1
    location = getattr(args, "db", None)
    db = _open_existing(location)
    if db is None:
        print(f"claimdesk checked: there is no database at {location or 'the default place'}; "
              "this command only reads one (import fact-checks with claimdesk import-checks)",
              file=sys.stderr)
        return 1
    try:
        results = library_for(db).search_many([text for _, text in queries], args.top)
    finally:
        db.dispose()
    if args.queries or args.json:
        for (query_id, _), hits in zip(queries, results, strict=True):
            row = {"query": query_id, "checked": [h.to_json() for h in hits]}
            if not args.queries:
                row.pop("query")
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
        out.flush()
        return 0
    hits = results[0]
    if not hits:
        print("No published fact-check in the library shares words with this claim.", file=out)
        return 1
    for n, hit in enumerate(hits, start=1):
        e = hit.entry
        rating = e.rating_text or e.rating or "no rating"
        when = e.date.isoformat() if e.date else "undated"
        print(f"{n}. [{rating}] {e.claim}", file=out)
        print(f"   {e.publisher or 'unknown publisher'}, {when}; score {hit.score:.3f}"
              f"{', ' + e.url if e.url else ''}", file=out)
    return 0


def add_commands(sub: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser("import-checks", parents=[common],
                       help="import published fact-checks (ClaimReview JSON-LD, Google Fact "
                       "Check JSON, saved HTML pages, CSV) into the library")
    p.add_argument("files", nargs="+", metavar="FILE")
    p.set_defaults(func=cmd_import_checks)

    p = sub.add_parser("checked", parents=[common],
                       help="has this claim been fact-checked already? (looks it up in the "
                       "library; read-only)")
    p.add_argument("text", nargs="*", metavar="TEXT")
    p.add_argument("--queries", metavar="FILE.jsonl",
                   help='one {"id", "text"} object per line; prints one JSON line per query')
    p.add_argument("--top", type=int, default=5)
    p.add_argument("--json", action="store_true", help="one JSON object instead of text")
    p.set_defaults(func=cmd_checked)
