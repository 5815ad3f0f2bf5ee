"""What ``claimdesk cluster FILE.jsonl`` computes: claims given as records, grouped; a stable contract.

Input objects: ``id``, ``text``, optional ``outlet`` and ``date`` (YYYY-MM-DD, resolves
"last month" in the text). Output, one line per input claim in input order:
``{"id": ..., "cluster": <id of the group's first claim>, "conflicts_with": [cluster ids]}``.
Deterministic: the same input gives the same output. The command itself (reading the file,
printing) is ``cli.matching_commands``.
"""

from __future__ import annotations

import datetime as dt
import os
from concurrent.futures import ProcessPoolExecutor
from dataclasses import replace
from typing import Any

from extraction import default_aliases, parse_figures
from extraction.cues import Tokens
from extraction.figures.parsing import compile_all_patterns
from extraction.names import AliasTable
from extraction.scoring import sentence_category
from matching.claim_parts import claim_frame_keys, parts_of, share_with_copy
from matching.gc_pause import gc_paused
from matching.grouping import Clustering
from matching.parallel import die_with_parent
from matching.signature import ClaimSig, signature, work_out_lazy_parts


def _published(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


# text -> (name table, its stamp, the tokens, the name mentions): up to 1,024 recent sentences'
# (_words_and_names; emptied when full).
_WORDS_AND_NAMES: dict[str, tuple[AliasTable, int, Tokens, list[tuple[int, int, str]]]] = {}


def _words_and_names(text: str, aliases: AliasTable) -> tuple[Tokens, list[tuple[int, int, str]]]:
    """The sentence's word tokens and name mentions (read only by their users), kept for the
    last few sentences: a sentence published on several days is keyed once per day
    (_text_key), and the keys of one text are parsed one after the other (_by_text)."""
    known = _WORDS_AND_NAMES.get(text)
    if known is not None and known[0] is aliases and known[1] == aliases.stamp:
        return known[2], known[3]
    tokens = Tokens.of(text)
    mentions = aliases.find(text, tokens)
    if len(_WORDS_AND_NAMES) >= 1024:
        _WORDS_AND_NAMES.clear()
    _WORDS_AND_NAMES[text] = (aliases, aliases.stamp, tokens, mentions)
    return tokens, mentions


def record_signature(index: int, record: dict[str, Any]) -> ClaimSig:
    text = record["text"]
    # The sentence's words and names, found once for the figures, the category and the
    # signature.
    aliases = default_aliases()
    tokens, mentions = _words_and_names(text, aliases)
    parsed = parse_figures(text, published=_published(record.get("date")), tokens=tokens)
    # The category the extractor would give the sentence (a given one wins).
    category = record.get("category") or sentence_category(
        text, parsed, aliases=aliases, tokens=tokens, mentions=mentions)
    return signature(index, text, figures=[f.to_json_dict() for f in parsed],
                     category=category, outlet=record.get("outlet"),
                     date=record.get("date") if isinstance(record.get("date"), str) else None,
                     aliases=aliases, mentions=mentions)


PARALLEL_FROM = 5000  # below this, starting worker processes costs more than it saves

# Our own sentence with a figure of most kinds, for _warm_up.
_WARM_UP = {"text": "About 1,200 civilians fled Kupiansk on 5 May 2024, and 12% of the 110 sq km "
                    "held since March cost $3 million in the tenth blackout.", "date": "2024-05-07"}


def _warm_up() -> None:
    """Compile the figure patterns and load the name, concept and role tables here, before
    the signature workers fork: once for all of them instead of once in each (~1 s CPU)."""
    compile_all_patterns()
    sig = work_out_lazy_parts(record_signature(0, _WARM_UP))
    parts_of(sig)
    claim_frame_keys(sig)


def _signatures_of(chunk: list[tuple[int, dict[str, Any]]]) -> list[ClaimSig]:
    return [record_signature(i, r) for i, r in chunk]


def _signatures_worked_out(chunk: list[tuple[int, dict[str, Any]]]) -> list[ClaimSig]:
    """In a worker: signatures with their frames, frame keys, figure roles and the parts pair
    scoring reads worked out (sent back with them; see signature.work_out_lazy_parts and
    matching.claim_parts): once per sentence, on every core."""
    out = []
    with gc_paused():  # (they make no cycles: collecting would only walk them)
        for i, r in chunk:
            sig = work_out_lazy_parts(record_signature(i, r))
            parts_of(sig)
            claim_frame_keys(sig)  # frame_idf reads them for every claim
            out.append(sig)
    return out


def _text_key(record: dict[str, Any]) -> tuple[Any, ...]:
    """What a signature's content depends on: the text, the publication date (it resolves
    "last month") and a given category. Outlet, id and the date string are per record."""
    return (record["text"], _published(record.get("date")), record.get("category") or None)


def _by_text(unique: list[tuple[int, dict[str, Any]]]) -> list[int]:
    """Positions in ``unique`` with the keys of one text together (in order of first
    appearance): a text published on several days has one key per day, and what depends on
    the text alone (words, names, roles, parts) is then worked out once, in one worker, and
    found in its caches for the other days."""
    of_text: dict[str, list[int]] = {}
    for k, (_i, r) in enumerate(unique):
        of_text.setdefault(r["text"], []).append(k)
    return [k for ks in of_text.values() for k in ks]


def record_signatures(records: list[dict[str, Any]]) -> list[ClaimSig]:
    """Signatures of many records, parsed on every core (parsing figures is the slow part).

    The same sentence is parsed once: wire copy and syndication repeat sentences word for
    word across outlets, and each repeat only needs its own id, outlet and date.
    """
    # Building signatures, and unpickling the workers' ones, makes no cycles (see gc_paused).
    with gc_paused():
        return _record_signatures(records)


def _record_signatures(records: list[dict[str, Any]]) -> list[ClaimSig]:
    first_of: dict[tuple[Any, ...], int] = {}
    unique: list[tuple[int, dict[str, Any]]] = []
    for i, r in enumerate(records):
        key = _text_key(r)
        if key not in first_of:
            first_of[key] = len(unique)
            unique.append((i, r))
    workers = os.cpu_count() or 1
    parsed: list[Any]
    if len(unique) < PARALLEL_FROM or workers < 2:
        parsed = _signatures_of(unique)
    else:
        order = _by_text(unique)
        ordered = [unique[k] for k in order]
        size = max(500, len(unique) // (workers * 4))
        chunks = [ordered[k : k + size] for k in range(0, len(ordered), size)]
        _warm_up()
        # Workers die with this process (a killed `claimdesk cluster` leaves none behind).
        with ProcessPoolExecutor(max_workers=workers, initializer=die_with_parent,
                                 initargs=(os.getpid(),)) as pool:
            parsed = [None] * len(unique)
            done = (sig for part in pool.map(_signatures_worked_out, chunks) for sig in part)
            for k, sig in zip(order, done, strict=True):
                parsed[k] = sig
    out: list[ClaimSig] = []
    for i, r in enumerate(records):
        sig = parsed[first_of[_text_key(r)]]
        if sig.id != i:
            date = r.get("date")
            copy = replace(sig, id=i, outlet=r.get("outlet"),
                           date=date if isinstance(date, str) else None)
            if copy.date == sig.date:
                # The same sentence, figures and date: what was worked out for it holds.
                share_with_copy(sig, copy, parts="_parts" in sig.__dict__)
            sig = copy
        out.append(sig)
    return out


def cluster_output(records: list[dict[str, Any]], result: Clustering) -> list[dict[str, Any]]:
    ids = [r["id"] for r in records]
    rows = []
    for i, label in enumerate(result.labels):
        conflicts = sorted(result.conflicts.get(label, ()))
        rows.append({"id": ids[i], "cluster": ids[label],
                     "conflicts_with": [ids[c] for c in conflicts]})
    return rows
