"""The real cross-outlet set replicated to any size with noise, read from ../shared at run time
(its sentences never enter the project): number formats, spelling variants (Kyiv/Kiev),
clause order, attribution added, another outlet and publication date; cluster ids are kept,
and ``source`` names the real sentence a claim copies (bench.generated_errors reads it)."""

from __future__ import annotations

import datetime as dt
import json
import random
import re
from pathlib import Path
from typing import Any

from bench.generated_sets import OUTLETS

SHAPE = "311 real sentences (22 languages) x noise; gold groups of hundreds of claims"

ROOT = Path(__file__).resolve().parents[1]
# ../shared beside the repository (a worktree sits one level further down).
REAL_SET = next((p / "shared" / "benchmarks" / "cross-outlet-real" for p in ROOT.parents
                 if (p / "shared" / "benchmarks" / "cross-outlet-real").is_dir()),
                ROOT.parent / "shared" / "benchmarks" / "cross-outlet-real")

# Both spellings occur in real reporting (the alias table knows them).
SPELLINGS = [("Kyiv", "Kiev"), ("Kharkiv", "Kharkov"), ("Odesa", "Odessa"),
             ("Luhansk", "Lugansk"), ("Zaporizhzhia", "Zaporozhye"), ("Mykolaiv", "Nikolaev"),
             ("Chernihiv", "Chernigov"), ("kilometres", "kilometers"), ("percent", "per cent")]
ATTRIBUTIONS = ["Reports said", "Officials said", "It was reported that", "Sources said"]
_THOUSANDS = re.compile(r"\b(\d{1,3})(?:,(\d{3}))+\b")
_PERCENT = re.compile(r"(\d)\s?%")


def real_records() -> tuple[list[dict[str, Any]], dict[str, str]]:
    """The real claims and, per cluster, the cluster it conflicts with (conflicts.tsv)."""
    path = REAL_SET / "claims.jsonl"
    if not path.is_file():
        raise FileNotFoundError(f"{path} is missing: the real-replicated set needs ../shared")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    conflicts: dict[str, str] = {}
    for line in (REAL_SET / "conflicts.tsv").read_text(encoding="utf-8").splitlines():
        if line.startswith("#") or not line.strip():
            continue
        a, b = line.split("\t")[:2]
        conflicts.setdefault(a, b)
        conflicts.setdefault(b, a)
    return rows, conflicts


def _swap_spelling(text: str, rng: random.Random) -> str:
    for a, b in SPELLINGS:
        if rng.random() < 0.5:
            text = text.replace(a, b) if a in text else text.replace(b, a)
    return text


def _numbers(text: str, rng: random.Random) -> str:
    if rng.random() < 0.5:
        text = _THOUSANDS.sub(lambda m: m.group(0).replace(",", ""), text)
    if rng.random() < 0.5:
        text = _PERCENT.sub(lambda m: f"{m.group(1)} percent", text)
    return text


def _order(text: str, rng: random.Random) -> str:
    """Move a trailing attribution or clause to the front ("A, B." -> "B, A.")."""
    body = text.rstrip(". ")
    head, sep, tail = body.rpartition(", ")
    if sep and len(head.split()) >= 4 and len(tail.split()) >= 3 and rng.random() < 0.5:
        return f"{tail[0].upper()}{tail[1:]}, {head[0].lower()}{head[1:]}."
    if rng.random() < 0.3:
        return f"{rng.choice(ATTRIBUTIONS)} {body[0].lower()}{body[1:]}."
    return text


def _noisy(text: str, rng: random.Random) -> str:
    return _order(_numbers(_swap_spelling(text, rng), rng), rng)


def _shifted(date: str | None, rng: random.Random) -> str | None:
    if not date:
        return None
    try:
        day = dt.date.fromisoformat(date[:10])
    except ValueError:
        return date
    return (day + dt.timedelta(days=rng.randint(0, 3))).isoformat()


def generate(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` claims: every real sentence in turn (the first copy unchanged), each later copy
    with noise; ``group`` is the real cluster."""
    rows, conflicts = real_records()
    rng = random.Random(seed)
    order = list(range(len(rows)))
    claims: list[dict[str, Any]] = []
    copy = 0
    while len(claims) < n:
        rng.shuffle(order)
        for k in order:
            if len(claims) >= n:
                break
            src = rows[k]
            text = src["text"] if copy == 0 else _noisy(src["text"], rng)
            row: dict[str, Any] = {
                "id": len(claims), "text": text,
                "outlet": src.get("outlet") if copy == 0 else rng.choice(OUTLETS),
                "date": src.get("date") if copy == 0 else _shifted(src.get("date"), rng),
                "group": src["cluster"], "source": src.get("id"),
            }
            if src["cluster"] in conflicts:
                row["conflict_group_of"] = conflicts[src["cluster"]]
            claims.append(row)
        copy += 1
    return claims
