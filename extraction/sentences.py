"""Rule-based sentence splitter that keeps exact character offsets into the article."""

from __future__ import annotations

import re

from .lexicon import (
    ABBREV_ALWAYS,
    ABBREV_BEFORE_NUMBER,
    ABBREV_SENTENCE_FINAL,
    CYRILLIC_ABBREV,
    CYRILLIC_ABBREV_AFTER_NUMBER,
    CYRILLIC_SENTENCE_STARTERS,
    SENTENCE_STARTERS,
)

# A line that starts with a list marker: "1.", "  2)", "(3)", "a)", "-", "•", "*", "–".
_LIST_MARKER = re.compile(r"[ \t\u00a0]*(?:\(?\d{1,3}[.)]|\(?[a-zA-Z]\)|[-•*▪●◦·‣–—])[ \t\u00a0]+(?=\S)")
# An inline enumerator after a colon or sentence end: "...three points: 1) The above".
_INLINE_ENUM = re.compile(r"(?<=[:;.!?”\"])\s+\(?\d{1,2}\)\s+(?=[A-Z\u0400-\u042f“\"‘'(])")
# Candidate boundary: terminators, optional closing quotes/brackets, whitespace.
_BOUNDARY = re.compile(r"(?:[.!?…]+|\.\.\.)(?P<close>[”\"’'»)\]]*)(?P<ws>\s+)")
_OPENERS = "“\"‘'«([…"
_INITIAL = re.compile(r"^\(?[A-ZА-ЯЁІЇЄҐ]$")
_NUMBER_BEFORE = re.compile(r"\d[\d.,]*\s+$")
_INITIAL_NEXT = re.compile(r"[A-ZА-ЯЁІЇЄҐ]\.")
# Quotation marks that open and close a quotation (straight double quotes do both).
_OPEN_QUOTES = "“«„"
_CLOSE_QUOTES = "”»"
_ACRONYM = re.compile(r"^\(?(?:[A-Za-z]\.)+[A-Za-z]$")  # "U.S", "C.I.A", "a.m"

_ENUM_AT = re.compile(r"\(?\d{1,2}\)\s+")
_DECIMAL_START = re.compile(r"[ \t\u00a0]*\d+\.\d")
_NEXT_WORD = re.compile(r"[“\"‘'(]*([\w’'-]+)")


def _blank(ch: str) -> bool:
    return ch.isspace() or ch == "\ufeff"  # a byte-order mark is not text either


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text`` as (start, end) offsets, whitespace and list markers excluded.

    Newlines always end a sentence (headlines, captions, timeline entries stay separate);
    abbreviations, initials, decimals and dates ("Feb. 12", "U.S. officials", "J. D. Vance")
    do not.
    """
    spans: list[tuple[int, int]] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        line_end = n if nl < 0 else nl
        _split_line(text, pos, line_end, spans)
        if nl < 0:
            break
        pos = nl + 1
    return spans


def _split_line(text: str, start: int, end: int, out: list[tuple[int, int]]) -> None:
    m = _LIST_MARKER.match(text, start, end)
    if m and not _looks_like_number_start(text, start, end):
        start = m.end()
    line = text[start:end]
    if not line.strip().strip("\ufeff"):
        return
    cuts = [0]
    for b in _BOUNDARY.finditer(line):
        next_start = b.end()
        if next_start >= len(line):
            continue
        if _is_boundary(line, b.start(), next_start):
            cuts.append(next_start)
    for e in _INLINE_ENUM.finditer(line):
        cuts.append(e.start())
    cuts = _merge_punctuation_only(line, _outside_quotations(line, sorted(set(cuts))))
    cuts = cuts + [len(line)]
    for a, b in zip(cuts, cuts[1:], strict=False):
        seg_start, seg_end = start + a, start + b
        # Strip whitespace and an inline enumerator ("2) ") from the front.
        while seg_start < seg_end and _blank(text[seg_start]):
            seg_start += 1
        em = _ENUM_AT.match(text, seg_start, seg_end)
        if em and a != 0:
            seg_start = em.end()
        while seg_end > seg_start and _blank(text[seg_end - 1]):
            seg_end -= 1
        if seg_end > seg_start:
            out.append((seg_start, seg_end))


def _quotations(line: str) -> list[tuple[int, int]]:
    """(opening mark, closing mark) positions of the quotations closed on ``line``.

    An opening mark that is never closed on the line is left out, so a stray or unbalanced
    mark (a headline quoted without its closing mark) cannot swallow the paragraph.
    """
    opens: list[int] = []
    spans: list[tuple[int, int]] = []
    straight: int | None = None
    for i, ch in enumerate(line):
        if ch in _OPEN_QUOTES:
            opens.append(i)
        elif ch in _CLOSE_QUOTES:
            if opens:
                spans.append((opens.pop(), i))
        elif ch == '"':
            if straight is None:
                straight = i
            else:
                spans.append((straight, i))
                straight = None
    return spans


def _outside_quotations(line: str, cuts: list[int]) -> list[int]:
    """The cuts that do not fall inside a quotation closed later on the same line."""
    if len(cuts) < 2 or not any(q in line for q in _OPEN_QUOTES + '"'):
        return cuts
    spans = _quotations(line)
    return [c for c in cuts if c == 0 or not any(a < c <= b for a, b in spans)]


def _merge_punctuation_only(line: str, cuts: list[int]) -> list[int]:
    """Join a piece that is only punctuation ("…", "[…]") to the piece after it (or before)."""
    bounds = cuts + [len(line)]
    keep = list(cuts)
    for a, b in zip(bounds, bounds[1:], strict=False):
        if any(ch.isalnum() for ch in line[a:b]):
            continue
        if a in keep and a != 0:
            # Drop the cut after this piece when one follows, else the cut before it.
            if b < len(line) and b in keep:
                keep.remove(b)
            else:
                keep.remove(a)
    return keep


def _looks_like_number_start(text: str, start: int, end: int) -> bool:
    """'1.5 million people were...' or '2. 5%' is not a list item; '1. In the past' is."""
    return _DECIMAL_START.match(text, start, end) is not None


def _is_boundary(line: str, term_start: int, next_start: int) -> bool:
    nxt = line[next_start]
    if nxt.islower():
        return False
    if not (nxt.isupper() or nxt.isdigit() or nxt in _OPENERS or not nxt.isalnum()):
        return False
    terminator = line[term_start]
    if terminator != ".":
        return True  # "?", "!", "…" followed by a capital or a quote
    if line[term_start : term_start + 3] == "...":
        return True
    i = term_start
    while i > 0 and not line[i - 1].isspace():
        i -= 1
    if i == term_start:
        return True
    word = line[i:term_start].lstrip("(“\"‘'[")
    bare = word.rstrip(".")
    lower = bare.lower()
    next_word = _NEXT_WORD.match(line, next_start)
    next_token = next_word.group(1) if next_word else ""
    if lower in ABBREV_ALWAYS:
        return False
    last = lower.rsplit(".", 1)[-1]
    starts_sentence = next_token in SENTENCE_STARTERS or next_token in CYRILLIC_SENTENCE_STARTERS
    if last in CYRILLIC_ABBREV_AFTER_NUMBER and (nxt.isdigit() or _NUMBER_BEFORE.search(line, 0, i)):
        # "у 2014 р. Росія", "12 дек. 2022"; but "... у 2014 р. Це ..." ends.
        return not nxt.isdigit() and starts_sentence
    if last in CYRILLIC_ABBREV and all(p in CYRILLIC_ABBREV for p in lower.split(".") if p):
        return starts_sentence
    if lower in ABBREV_BEFORE_NUMBER:
        # "Feb. 12", "No. 5"; but "... in Feb. The next day" ends the sentence.
        return not nxt.isdigit()
    if _ACRONYM.match(bare) or lower in ABBREV_SENTENCE_FINAL:
        # "U.S. officials" / "U.S. President" continue; "... the U.S. The next day" ends.
        return next_token in SENTENCE_STARTERS
    if _INITIAL.match(bare):
        # "J. D. Vance", "George W. Bush", "В. В. Путін"; but "World War I. Not only" ends.
        if _INITIAL_NEXT.match(line, next_start):
            return False
        return starts_sentence
    return True
