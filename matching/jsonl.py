"""Reading the JSON-lines inputs of the matching commands, with errors a user can act on."""

from __future__ import annotations

import json
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, TextIO


class InputError(Exception):
    """A malformed input line; ``str(exc)`` names the file and line."""


def read_jsonl(path: Path | str, *, required: tuple[str, ...] = ("id", "text")) -> list[dict[str, Any]]:
    """All objects of a JSON-lines file ("-" for standard input); blank lines are skipped."""
    if str(path) == "-":
        return list(_parse(sys.stdin, "<stdin>", required))
    try:
        with open(path, encoding="utf-8") as fh:
            return list(_parse(fh, str(path), required))
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text") from exc


def _parse(fh: TextIO, name: str, required: tuple[str, ...]) -> Iterator[dict[str, Any]]:
    for lineno, line in enumerate(fh, 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(f"{name}:{lineno}: not valid JSON ({exc.msg})") from exc
        if not isinstance(obj, dict):
            raise InputError(f"{name}:{lineno}: expected a JSON object")
        missing = [k for k in required if k not in obj]
        if missing:
            raise InputError(f"{name}:{lineno}: missing {', '.join(missing)}")
        if not isinstance(obj["text"], str):
            raise InputError(f"{name}:{lineno}: 'text' must be a string")
        yield obj
