"""``claimdesk verdict GROUP_ID``: rate, write, move along the workflow or show a verdict from
the command line, through the same storage rules and audit entries as the window."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from cli import db_access
from storage.verdicts import (
    RATING_LABELS,
    STATUS_LABELS,
    EvidenceItem,
    InvalidStatusChange,
    VerdictConflict,
    VerdictDraft,
    evidence_for,
    save_verdict,
    set_status,
    verdict_for_group,
)

STATUS_WORDS = {"draft": "draft", "review": "in_review", "in_review": "in_review",
                "approved": "approved", "published": "published"}


def add_parser(sub: Any, common: argparse.ArgumentParser) -> None:
    """Register ``verdict`` on the ``claimdesk`` subcommands."""
    p = sub.add_parser("verdict", parents=[common],
                       help="rate a claim group, change its verdict's status, or show it")
    p.add_argument("group", type=int, metavar="GROUP_ID")
    p.add_argument("--rating", help="true, mostly_true, half_true, misleading, mostly_false, "
                   "false or unverifiable (spaces or dashes also work)")
    p.add_argument("--summary", help="the short verdict")
    p.add_argument("--rationale", help="why this rating")
    p.add_argument("--evidence", nargs="+", metavar="URL", help="add evidence items (sources)")
    p.add_argument("--status", choices=["draft", "review", "approved", "published"],
                   help="move the verdict one step along draft → review → approved → published "
                   "(or back to draft)")
    p.add_argument("--reason", help="why a published verdict is corrected (required then)")
    p.add_argument("--reviewer", metavar="NAME",
                   help="who is acting, and the reviewer the verdict names (without it the "
                   "audit log records your user name, and the outputs say the reviewer is not "
                   "named); approval needs someone other than the author when two-person "
                   "review is on")
    p.add_argument("--show", action="store_true", help="print the verdict and its history")
    p.add_argument("--json", action="store_true", help="with --show: as one JSON object")
    p.set_defaults(func=run_verdict)


def _rating(text: str) -> str:
    key = "_".join(text.strip().lower().replace("-", " ").split())
    if key not in RATING_LABELS:
        names = ", ".join(RATING_LABELS)
        raise ValueError(f"{text!r} is not a rating; use one of {names}")
    return key


def _named(name: str | None) -> str | None:
    return " ".join(name.split()) if name and name.strip() else None


def _fail(message: str) -> int:
    print(f"claimdesk verdict: {message}", file=sys.stderr)
    return 1


def run_verdict(args: argparse.Namespace) -> int:
    actor = db_access.actor(args)
    edits = any(x is not None for x in (args.rating, args.summary, args.rationale, args.evidence))
    if not (edits or args.status or args.show):
        return _fail("say what to do: --rating/--summary/--rationale/--evidence to edit, "
                     "--status to move it along, or --show")
    try:
        rating = _rating(args.rating) if args.rating is not None else None
    except ValueError as exc:
        return _fail(str(exc))
    db = db_access.open_db(args)
    notes: list[str] = []
    try:
        if edits or args.status:
            with db.write() as session:
                from storage.models import ClaimGroup

                if session.get(ClaimGroup, args.group) is None:
                    return _fail(f"there is no claim group {args.group}")
                version = _edit(session, args, actor, rating) if edits else None
                if args.status:
                    current = verdict_for_group(session, args.group)
                    if current is None:
                        return _fail(f"claim group {args.group} has no verdict yet: give it a "
                                     "--rating first")
                    # Asking for the status it already has (a new verdict is a draft) is
                    # no step at all, not a refused one: the edits above still count.
                    if current.status != STATUS_WORDS[args.status]:
                        version = set_status(session, args.group, STATUS_WORDS[args.status],
                                             expected_version=current.version, actor=actor,
                                             reason=args.reason, notes=notes)
                    elif version is None:
                        version = current.version
            status = STATUS_WORDS[args.status] if args.status else None
            what = f"verdict {STATUS_LABELS[status].lower()}" if status else "verdict saved"
            print(f"claim group {args.group}: {what} (version {version})")
            if args.status:  # the verdict entered or left the library: Inbox markers follow
                from matching.checked import after_verdict_change

                after_verdict_change(db, args.group)
        for note in notes:
            print(f"note: {note}", file=sys.stderr)
        if args.show:
            with db.read() as session:
                return _show(session, args.group, as_json=args.json)
    except (InvalidStatusChange, VerdictConflict, LookupError) as exc:
        return _fail(str(exc).strip("'\""))
    finally:
        db.dispose()
    return 0


def _edit(session: Any, args: argparse.Namespace, actor: str, rating: str | None) -> int:
    current = verdict_for_group(session, args.group)
    evidence: list[EvidenceItem] = []
    if current is not None:
        evidence = [EvidenceItem(e.title, e.publisher, e.url, e.published, e.quote, e.note)
                    for e in evidence_for(session, current.id)]
    known = {e.url for e in evidence}
    evidence += [EvidenceItem(title=url, url=url) for url in args.evidence or () if url not in known]
    draft = VerdictDraft(
        rating=rating if args.rating is not None else (current.rating if current else None),
        summary=args.summary if args.summary is not None else (current.summary if current else ""),
        rationale=(args.rationale if args.rationale is not None
                   else (current.rationale if current else "")),
        # The reviewer printed on the outputs is a person someone named, never the computer's
        # user account (the audit log records that, as who acted on this machine).
        reviewer=(_named(args.reviewer) or (current.reviewer if current else None)),
        evidence=evidence)
    return save_verdict(session, args.group, draft,
                        expected_version=current.version if current else None, actor=actor,
                        reason=args.reason)


def verdict_record(session: Any, group_id: int) -> dict[str, Any] | None:
    """The group's verdict as it stands and every published version, as JSON values."""
    from storage.models import ClaimGroup
    from storage.publication import history
    from storage.verdict_rules import author_of

    group = session.get(ClaimGroup, group_id)
    if group is None:
        return None
    v = verdict_for_group(session, group_id)
    live = None
    if v is not None:
        live = {"rating": v.rating, "summary": v.summary, "rationale": v.rationale,
                "reviewer": v.reviewer, "author": author_of(session, v), "status": v.status,
                "version": v.version, "updated_at": v.updated_at.isoformat(),
                "evidence": [{"title": e.title, "url": e.url}
                             for e in evidence_for(session, v.id)]}
    versions = [{"number": h.number, "published_at": h.published_at.isoformat(),
                 "published_by": h.published_by, "reason": h.reason,
                 "rating": h.snapshot.get("rating"), "summary": h.snapshot.get("summary"),
                 "rationale": h.snapshot.get("rationale"),
                 "appearances": len(h.snapshot.get("appearances") or []),
                 "evidence": [e.get("url") or e.get("title")
                              for e in h.snapshot.get("evidence") or []]}
                for h in history(session, group_id)]
    return {"group": group_id, "claim": group.canonical_text, "verdict": live,
            "published_versions": versions}


def _show(session: Any, group_id: int, *, as_json: bool) -> int:
    record = verdict_record(session, group_id)
    if record is None:
        return _fail(f"there is no claim group {group_id}")
    if as_json:
        print(json.dumps(record, ensure_ascii=False, indent=2))
        return 0
    print(f"claim group {group_id}: {record['claim']}")
    v = record["verdict"]
    if v is None:
        print("no verdict yet")
    else:
        label = RATING_LABELS.get(v["rating"], "not rated") if v["rating"] else "not rated"
        print(f"verdict:   {label} · {STATUS_LABELS[v['status']].lower()} · version "
              f"{v['version']} · written by {v['author'] or 'unknown'}")
        for name in ("summary", "rationale"):
            if v[name]:
                print(f"{name + ':':<10} {v[name]}")
        for n, e in enumerate(v["evidence"], start=1):
            print(f"evidence {n}: {e['title']}" + (f" <{e['url']}>" if e["url"] and
                                                    e["url"] != e["title"] else ""))
    if not record["published_versions"]:
        print("never published")
    for h in record["published_versions"]:
        kind = "published" if h["number"] == 1 else "corrected"
        line = (f"{kind} {h['published_at'][:16].replace('T', ' ')} UTC by {h['published_by']}: "
                f"version {h['number']}, {RATING_LABELS.get(h['rating'], h['rating'])}")
        print(line + (f" — reason: {h['reason']}" if h["reason"] else ""))
    return 0
