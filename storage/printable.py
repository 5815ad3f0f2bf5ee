"""Names from files made safe to print: control and bidirectional characters shown escaped."""

from __future__ import annotations

import unicodedata

# Bidirectional controls reorder what follows them ("invoice\u202Efdp.exe" reads as
# "invoiceexe.pdf"); these are not all in category Cc.
_BIDI = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _escape(char: str) -> str:
    code = ord(char)
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


def printable(text: str) -> str:
    """``text`` with every control character (newline, tab, escape …), line or paragraph
    separator and bidi control written as ``\\xNN``/``\\uNNNN``, so a file name cannot forge a
    line of a report or disguise itself. Other characters, Cyrillic included, are kept."""
    return "".join(
        _escape(c) if c in _BIDI or unicodedata.category(c) in ("Cc", "Zl", "Zp") else c
        for c in text
    )
