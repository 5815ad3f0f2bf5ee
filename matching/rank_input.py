"""The input of ``claimdesk rank QUERIES.jsonl TARGETS.jsonl``: (id, text) pairs read from JSONL,
with errors a user can act on (the command itself is ``cli.matching_commands``)."""

from __future__ import annotations

import json
from collections.abc import Hashable
from pathlib import Path


class InputError(Exception):
    """A problem with an input file, worded for the user (file, line and what is wrong)."""


def read_pairs(path: Path, *, unique: bool) -> list[tuple[Hashable, str]]:
    """(id, text) from a JSONL file of ``{"id": …, "text": …}`` objects; blank lines skipped.

    Ids are strings or integers and come back as given (so ``7`` and ``"7"`` are different).
    """
    pairs: list[tuple[Hashable, str]] = []
    seen: set[tuple[type, Hashable]] = set()
    try:
        # utf-8-sig: a byte-order mark from a Windows editor is not part of the first line.
        with open(path, encoding="utf-8-sig") as fh:
            for number, line in enumerate(fh, start=1):
                if not line.strip():
                    continue
                claim_id, text = _parse(line, f"{path}: line {number}")
                # Keyed with the type: 1, True and 1.0 hash alike, "1" and 1 are distinct ids.
                key = (type(claim_id), claim_id)
                if unique and key in seen:
                    raise InputError(f"{path}: line {number}: duplicate id {claim_id!r}")
                seen.add(key)
                pairs.append((claim_id, text))
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    return pairs


def _parse(line: str, where: str) -> tuple[Hashable, str]:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(f"{where}: not valid JSON ({exc.msg}, column {exc.colno})") from exc
    if not isinstance(obj, dict):
        raise InputError(f"{where}: expected an object with \"id\" and \"text\"")
    if "id" not in obj or "text" not in obj:
        missing = " and ".join(repr(k) for k in ("id", "text") if k not in obj)
        raise InputError(f"{where}: missing {missing}")
    claim_id, text = obj["id"], obj["text"]
    # bool is an int in Python, but true/false as an id is a mistake in the file.
    if isinstance(claim_id, bool) or not isinstance(claim_id, str | int):
        raise InputError(f"{where}: \"id\" must be a string or an integer, not {claim_id!r}")
    if not isinstance(text, str):
        raise InputError(f"{where}: \"text\" must be a string")
    return claim_id, text
