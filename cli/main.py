"""The ``claimdesk`` command: opens the window, or runs one headless task (import, extract, …)."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from appinfo import __version__
from storage.errors import StorageError
from storage.printable import printable

# The frozen bundle's hidden entry for the HTML/PDF parsing worker (ingest/sandbox.py): a
# bundle has no ``python -m``, so the worker is the application started with this argument.
SANDBOX_WORKER_ARG = "--sandbox-worker"


def app_version() -> str:
    return __version__


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(f"not a date in the form YYYY-MM-DD: {value!r}") from exc


def _open_db(args: argparse.Namespace):  # noqa: ANN202
    from workflows.samples import open_chosen_database

    return open_chosen_database(args.db or None)


def _actor() -> str:
    from storage.audit import default_actor

    return default_actor()


def cmd_gui(args: argparse.Namespace) -> int:
    from cli.guards import display_problem

    problem = display_problem()
    if problem:
        print(f"claimdesk: {problem}", file=sys.stderr)
        return 1
    from desktop.app import run_app

    return run_app(args.db or None)


def cmd_import(args: argparse.Namespace) -> int:
    from ingest.pipeline import ImportDefaults, Outcome
    from workflows.importing import import_paths

    db = _open_db(args)
    defaults = ImportDefaults(outlet=args.outlet, author=args.author)
    tally: Counter[Outcome] = Counter()
    claims = 0
    try:
        for result in import_paths(db, [Path(p) for p in args.paths], actor=_actor(),
                                   defaults=defaults):
            print(printable(result.line()), flush=True)  # a file name may hold a newline
            tally[result.outcome] += 1
            claims += result.claims
    finally:
        db.dispose()
    total = sum(tally.values())
    print(
        f"{total} files: {tally[Outcome.IMPORTED]} imported ({claims} proposed claims), "
        f"{tally[Outcome.DUPLICATE]} duplicate, {tally[Outcome.REJECTED]} rejected"
        + (f", {tally[Outcome.SKIPPED]} skipped" if tally[Outcome.SKIPPED] else "")
    )
    if total == 0:
        print("No importable files found (.txt, .md, .html, .pdf).", file=sys.stderr)
        return 1
    return 1 if tally[Outcome.REJECTED] else 0


def cmd_extract(args: argparse.Namespace) -> int:
    from extraction import DEFAULT_THRESHOLD, extract_claims
    from ingest.document import RejectedFile
    from ingest.readers import read_document

    try:
        doc = read_document(Path(args.file))
    except (RejectedFile, OSError) as exc:
        print(f"claimdesk extract: {args.file}: {exc}", file=sys.stderr)
        return 1
    published = args.date or doc.published
    threshold = DEFAULT_THRESHOLD if args.threshold is None else args.threshold
    shift = doc.body_offset  # offsets are reported into the file's text as read
    for claim in extract_claims(doc.text, published=published, threshold=threshold):
        if args.json:
            row = claim.to_json_dict()
            row["start"] += shift
            row["end"] += shift
            for fig in row.get("figures", []):
                if "start" in fig:
                    fig["start"] += shift
                    fig["end"] += shift
            print(json.dumps(row, ensure_ascii=False))
        else:
            figures = ", ".join(f.text for f in claim.figures)
            print(f"[{claim.category or '-'} {claim.score:.2f}] {claim.sentence}")
            if figures or claim.claimant:
                print(f"    figures: {figures or '-'}; claimant: {claim.claimant or '-'}")
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    from storage.models import Claim
    from storage.search import search_claim_ids

    db = _open_db(args)
    try:
        with db.read() as session:
            ids = search_claim_ids(session, " ".join(args.query), limit=args.limit)
            for cid in ids:
                claim = session.get(Claim, cid)
                assert claim is not None
                print(f"{cid}\t{claim.category or '-'}\t{claim.sentence}")
    finally:
        db.dispose()
    if not ids:
        print(f"no matches for “{' '.join(args.query)}”", file=sys.stderr)
    return 0 if ids else 1


def cmd_info(args: argparse.Namespace) -> int:
    from storage.articles import counts
    from storage.schema import current_revision

    db = _open_db(args)
    try:
        with db.read() as session:
            numbers = counts(session)
            revision = current_revision(session.connection())
    finally:
        db.dispose()
    print(f"database: {db.location}")
    print(f"schema:   {revision}")
    for name, n in numbers.items():
        print(f"{name + ':':<9} {n}")
    return 0


def _refuse_on_server(args: argparse.Namespace, what: str) -> None:
    from storage.database import display_url, is_server_url
    from storage.errors import NotOnServer

    if is_server_url(args.db):
        raise NotOnServer(display_url(args.db), what)


def cmd_backup(args: argparse.Namespace) -> int:
    from storage.backup import backup_keep, list_backups, make_backup

    _refuse_on_server(args, "backing it up")
    if args.list:
        path = _db_path(args)
        backups = list_backups(path)
        for backup in backups:
            print(f"{dt.datetime.fromtimestamp(backup.stat().st_mtime):%Y-%m-%d %H:%M}  {backup}")
        if not backups:
            print(f"no backups of {path}")
        return 0
    db = _open_db(args)
    db.dispose()
    dest = make_backup(db.path, "manual")
    print(f"backup written and checked: {dest}")
    print(f"(the newest {backup_keep()} backups are kept; set CLAIMDESK_BACKUP_KEEP to change it)")
    return 0


def _db_path(args: argparse.Namespace) -> Path:
    from storage.paths import default_database_path

    return Path(args.db).expanduser().resolve() if args.db else default_database_path().resolve()


def cmd_check(args: argparse.Namespace) -> int:
    from storage.database import is_server_url
    from storage.integrity import check_database, check_server

    report = check_server(args.db) if is_server_url(args.db) else check_database(_db_path(args))
    for line in report.lines():
        print(line)
    return 0 if report.ok else 1


def cmd_restore(args: argparse.Namespace) -> int:
    from storage.backup import restore_backup
    from storage.integrity import check_database

    _refuse_on_server(args, "restoring a backup over it")
    target = Path(args.to).expanduser().absolute()  # a link is refused, not followed
    current = _db_path(args)
    if target.resolve() == current and not args.force:
        print(f"claimdesk restore: {target} is the database in use; restore into a new file, "
              "or add --force to replace it (it is backed up first).", file=sys.stderr)
        return 1
    restore_backup(Path(args.backup).expanduser().resolve(), target, force=args.force)
    report = check_database(target)
    print(f"restored {args.backup} into {target}: {report.schema}, "
          f"{'checked: sound' if report.ok else 'CHECK FAILED'}")
    return 0 if report.ok else 1


def cmd_recover(args: argparse.Namespace) -> int:
    from storage.recover import recover_database

    damaged = Path(args.damaged).expanduser().absolute()
    report = recover_database(damaged, Path(args.to).expanduser().absolute())
    for line in report.lines():
        print(printable(line))
    return 0


def cmd_copy(args: argparse.Namespace) -> int:
    from storage.schema import open_location
    from workflows.copy_in import copy_in, open_source

    source = open_source(args.source)  # first: a missing source creates no destination file
    try:
        dest = open_location(args.dest)
        try:
            for line in copy_in(source, dest, actor=_actor()).lines():
                print(line)
        finally:
            dest.dispose()
    finally:
        source.dispose()
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from cli.export_commands import run_report

    return run_report(args)


def cmd_export(args: argparse.Namespace) -> int:
    from cli.export_commands import run_export

    return run_export(args)


def cmd_import_claimreview(args: argparse.Namespace) -> int:
    from export.claimreview import ClaimReviewError, import_claimreview

    db = _open_db(args)
    try:
        report = import_claimreview(db, Path(args.file), actor=_actor())
    except (ClaimReviewError, OSError) as exc:
        print(f"claimdesk import-claimreview: {exc}", file=sys.stderr)
        return 1
    finally:
        db.dispose()
    for line in (*report.conflicts, *report.skipped):
        print(f"note: {line}")
    print(report.line())
    return 0


def cmd_cluster(args: argparse.Namespace) -> int:
    from cli.matching_commands import run_cluster

    return run_cluster(args)


def cmd_match(args: argparse.Namespace) -> int:
    from storage.backup import make_backup
    from storage.models import Claim, ClaimGroup
    from workflows.measuring import match_and_measure

    db = _open_db(args)
    try:
        # Matching may create or change many memberships at once: keep a copy from before.
        if db.path is not None:  # a server database's backups are the server's business
            make_backup(db.path, "before-match")
        report = match_and_measure(db, actor=_actor(), progress=None)  # #19: also measures
        with db.read() as session:
            for claim_id, group_id in report.joined:
                claim = session.get(Claim, claim_id)
                group = session.get(ClaimGroup, group_id)
                print(f"joined    claim {claim_id} -> group {group_id}: {claim.sentence[:90]!r}"
                      f" ~ {group.canonical_text[:60]!r}")
            for a, b in report.conflicts:
                ga, gb = session.get(ClaimGroup, a), session.get(ClaimGroup, b)
                print(f"conflict  group {a} vs group {b}: {ga.canonical_text[:70]!r} / "
                      f"{gb.canonical_text[:70]!r}")
    finally:
        db.dispose()
    for line in report.lines():
        print(line)
    return 0


def cmd_rank(args: argparse.Namespace) -> int:
    from cli.matching_commands import run_rank

    return run_rank(args)


def build_parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument(
        "--db", metavar="FILE|URL", default=argparse.SUPPRESS,
        help="database file, or a PostgreSQL server database as postgresql://user@host/dbname "
        "(default: claimdesk.sqlite in your data folder, with sample data)",
    )
    parser = argparse.ArgumentParser(
        prog="claimdesk",
        description="Claimdesk: find, match and judge the claims that outlets repeat. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--db", metavar="FILE|URL", default=None, help=common._actions[0].help)
    parser.add_argument("--version", action="version", version=f"claimdesk {app_version()}")
    parser.add_argument(
        "--self-test", action="store_true",
        help="check this installation (temporary database, import, matching, PDF, window) "
        "and exit: 0 if everything works",
    )
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = sub.add_parser("gui", parents=[common], help="open the window (the default)")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("import", parents=[common], help="import articles (.txt .md .html .pdf, folders)")
    p.add_argument("paths", nargs="+", metavar="PATH")
    p.add_argument("--outlet", help="outlet for files that do not name one themselves")
    p.add_argument("--author", help="author for files that do not name one themselves")
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("extract", help="print the proposed claims of one file (no database)")
    p.add_argument("file", metavar="FILE")
    p.add_argument("--date", type=_date, help="the article's date, to resolve 'last month' etc.")
    p.add_argument("--json", action="store_true", help="one JSON object per claim and line")
    p.add_argument("--threshold", type=float, help="minimum check-worthiness score (0-1)")
    p.set_defaults(func=cmd_extract)

    p = sub.add_parser("cluster", help="group claims given as JSON lines (no database)")
    p.add_argument("file", metavar="FILE.jsonl", help='objects with "id", "text", optional '
                   '"outlet", "date"; "-" reads standard input')
    p.set_defaults(func=cmd_cluster)

    p = sub.add_parser("rank", help="rank target claims for each query claim (JSON lines)")
    p.add_argument("queries", metavar="QUERIES.jsonl")
    p.add_argument("targets", metavar="TARGETS.jsonl")
    p.add_argument("--top", type=int, default=5)
    p.set_defaults(func=cmd_rank)

    p = sub.add_parser("match", parents=[common],
                       help="match ungrouped claims against the database and print what changed")
    p.set_defaults(func=cmd_match)

    p = sub.add_parser("search", parents=[common], help="full-text search over claims")
    p.add_argument("query", nargs="+")
    p.add_argument("--limit", type=int, default=50)
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("info", parents=[common], help="database path, schema and counts")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("report", parents=[common], help="write a PDF verdict briefing")
    p.add_argument("--out", required=True, metavar="FILE.pdf")
    p.add_argument("--status", choices=["published", "approved", "all"], default="published",
                   help="which claim groups: published verdicts (default), approved and "
                   "published, or all groups including those not yet rated")
    p.add_argument("--group", type=int, action="append", metavar="ID",
                   help="only these claim groups (repeatable)")
    p.add_argument("--card", action="store_true",
                   help="a one-page verdict card for a single --group instead of a briefing")
    p.add_argument("--title", help="briefing title")
    p.add_argument("--organisation", help="publishing organisation shown on the cover")
    p.add_argument("--author", help="author shown on the cover")
    p.set_defaults(func=cmd_report)

    p = sub.add_parser("export", parents=[common], help="export ClaimReview JSON-LD or CSV")
    p.add_argument("--format", required=True, choices=["claimreview", "csv"])
    p.add_argument("--out", required=True, metavar="FILE")
    p.add_argument("--status", choices=["published", "approved", "all"], default=None,
                   help="which verdicts (default: published for claimreview, all for csv)")
    p.add_argument("--group", type=int, action="append", metavar="ID")
    p.add_argument("--organisation", help="the reviewing organisation (ClaimReview author)")
    p.add_argument("--base-url", help="address of the published checks (overrides the setting)")
    p.add_argument("--allow-placeholder-url", action="store_true",
                   help="write ClaimReview with the placeholder address when none is set")
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import-claimreview", parents=[common],
                       help="merge a ClaimReview JSON-LD file from another Claimdesk")
    p.add_argument("file", metavar="FILE.json")
    p.set_defaults(func=cmd_import_claimreview)

    from cli.checks_cmd import add_commands as add_check_commands

    add_check_commands(sub, common)

    p = sub.add_parser(
        "copy", help="copy articles, claims, groups and verdicts from one database into another, "
        "merging by content (running it twice adds nothing)")
    p.add_argument("--from", dest="source", required=True, metavar="FILE|URL",
                   help="the database to copy from (only read)")
    p.add_argument("--to", dest="dest", required=True, metavar="FILE|URL",
                   help="the database to copy into (a new file is created)")
    p.set_defaults(func=cmd_copy)

    p = sub.add_parser("backup", parents=[common], help="write a backup copy of the database")
    p.add_argument("--list", action="store_true", help="list the backups instead, newest first")
    p.set_defaults(func=cmd_backup)

    p = sub.add_parser("check", parents=[common],
                       help="check the database for damage (read-only); exit 1 if damaged")
    p.set_defaults(func=cmd_check)

    p = sub.add_parser("restore", parents=[common],
                       help="restore a backup into a new database file")
    p.add_argument("backup", metavar="BACKUP")
    p.add_argument("--to", required=True, metavar="NEW_FILE")
    p.add_argument("--force", action="store_true",
                   help="replace an existing file (it is backed up first)")
    p.set_defaults(func=cmd_restore)

    p = sub.add_parser("recover", help="rescue what a damaged database file still holds into "
                       "a new file (the damaged one is only read)")
    p.add_argument("damaged", metavar="DAMAGED_FILE")
    p.add_argument("--to", required=True, metavar="NEW_FILE")
    p.set_defaults(func=cmd_recover)

    from cli import article_cmd, config_cmd, measures_cmd, verdict_cmd  # #17, #19

    verdict_cmd.add_parser(sub, common)
    config_cmd.add_parser(sub, common)
    article_cmd.add_parser(sub, common)
    from cli import compare_cmd, learn_cmd  # #15: learn from my decisions; why two claims

    learn_cmd.add_parser(sub, common)
    compare_cmd.add_parser(sub, common)
    measures_cmd.add_parsers(sub, common)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    if argv[:1] == [SANDBOX_WORKER_ARG]:
        from ingest.sandbox import worker_main

        return worker_main(argv[1:])
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.self_test:
        from cli.selftest import run_self_test

        return run_self_test()
    func = getattr(args, "func", cmd_gui)
    from cli.guards import missing_database, quiet_on_closed_pipe
    from storage.temp_folders import clean_temp_folders

    clean_temp_folders()  # what a killed copy or check left in the temporary folder

    if (missing := missing_database(args)) is not None:
        print(f"claimdesk {args.command}: {missing}", file=sys.stderr)
        return 1
    try:
        return quiet_on_closed_pipe(lambda: func(args))
    except StorageError as exc:
        print(f"claimdesk: {printable(str(exc))}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("claimdesk: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
