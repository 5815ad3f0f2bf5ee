"""Digits of other scripts (Arabic-Indic, Persian, Devanagari, Bengali, Thai, full-width ...)
read as ASCII digits, one character for one so every offset still applies."""

from __future__ import annotations

import re

# The zero of each run of ten decimal digits (Unicode category Nd) that news text uses.
_ZEROS = (0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66,
          0x0CE6, 0x0D66, 0x0DE6, 0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810,
          0xFF10)
_TABLE: dict[int, str] = {zero + d: str(d) for zero in _ZEROS for d in range(10)}
_OTHER = re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(_TABLE)) + "]")
# The Arabic percent sign and decimal and thousands separators ("٣٫٥٪", "١٬٠٠٠"), used with
# numbers only.
_TABLE.update({0x066A: "%", 0x066B: ".", 0x066C: ","})


def has_other_digits(text: str) -> bool:
    """Whether ``text`` holds a digit of another script."""
    return not text.isascii() and _OTHER.search(text) is not None


def ascii_digits(text: str) -> str:
    """``text`` with digits of other scripts as ASCII digits; the same length."""
    return text.translate(_TABLE) if has_other_digits(text) else text
