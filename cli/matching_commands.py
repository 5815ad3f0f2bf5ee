"""``claimdesk cluster`` and ``claimdesk rank``: read the JSON lines, run matching, print JSON lines."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TextIO

from matching.grouping import cluster
from matching.jsonl import InputError, read_jsonl
from matching.rank import rank
from matching.rank_input import InputError as RankInputError
from matching.rank_input import read_pairs
from matching.records import cluster_output, record_signatures


def run_cluster(args: argparse.Namespace) -> int:
    try:
        records = read_jsonl(args.file)
    except InputError as exc:
        print(f"claimdesk cluster: {exc}", file=sys.stderr)
        return 1
    sigs = record_signatures(records)
    result = cluster(sigs, explain_links=False)  # the output names no explanation
    out = sys.stdout
    for row in cluster_output(records, result):
        out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return 0


def run_rank(args: argparse.Namespace, out: TextIO | None = None) -> int:
    """Read ``args.queries`` and ``args.targets``, write one ranking per query to stdout."""
    out = out or sys.stdout
    top = getattr(args, "top", 5)
    if top < 1:
        print(f"claimdesk rank: --top must be at least 1, not {top}", file=sys.stderr)
        return 1
    try:
        # Both files are read in full first: a bad line stops the run before any output.
        queries = read_pairs(Path(args.queries), unique=False)
        targets = read_pairs(Path(args.targets), unique=True)
    except RankInputError as exc:
        print(f"claimdesk rank: {exc}", file=sys.stderr)
        return 1
    for result in rank(queries, targets, top):
        out.write(json.dumps(result, ensure_ascii=False) + "\n")
    out.flush()
    return 0

