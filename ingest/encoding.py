"""Turning file bytes into text: BOMs, UTF-8, legacy Cyrillic/Western code pages, binary rejection."""

from __future__ import annotations

import codecs
import re
import unicodedata
from typing import NamedTuple

import charset_normalizer

from ingest.document import RejectedFile, normalize_newlines

# Longest BOMs first: the UTF-32-LE BOM starts with the UTF-16-LE one.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)

# C0 controls that never occur in text files (tab, LF, VT, FF, CR and the DOS end-of-file
# mark ^Z are left out on purpose: old text files do contain them).
_CONTROL_BYTES = bytes(b for b in range(0x20) if b not in b"\t\n\x0b\x0c\r\x1a") + b"\x7f"
_TEXT_CONTROLS = frozenset("\t\n\x0b\x0c\r\x1a")
# Above this share of control characters a file is treated as binary.
_MAX_CONTROL_SHARE = 0.01

# Code pages tried for files that are not UTF-8, in order of preference when two decode a
# sample equally well. Claimdesk's articles are English, Ukrainian and Russian, so these are
# the legacy encodings such files actually come in; charset-normalizer's guess is added too.
_LEGACY_CANDIDATES = ("windows-1252", "windows-1251", "koi8-r", "koi8-u", "cp866")
_SCORE_SAMPLE_BYTES = 32 * 1024
_DETECTOR_SAMPLE_BYTES = 256 * 1024
# Real prose scores about 0.9 or more; mojibake and random bytes stay well below this.
_MIN_PLAUSIBILITY = 0.6

# WHATWG treats these labels as windows-1252, and so do the browsers that saved the pages.
_WINDOWS_1252_LABELS = frozenset({"ascii", "iso8859-1"})

_LETTER_RUN = re.compile(r"[^\W\d_]+")
# Non-ASCII symbols normal in news text, so not a sign of a wrong decoding.
_USUAL_SYMBOLS = frozenset("№°©®™€£¥₴₽§±×·•…–—«»„“”‘’‚‹›")


class DecodedText(NamedTuple):
    """Text decoded from a file's bytes (BOM dropped, line endings LF) and how it was decoded."""

    text: str
    encoding: str
    warnings: list[str]


def decode_text(data: bytes, *, declared: str | None = None) -> DecodedText:
    """Decode ``data`` as text, or raise RejectedFile saying why it is not a text file.

    ``declared`` is a charset the file names itself (an HTML ``<meta charset>``); it is used
    when the bytes really decode with it, otherwise detection proceeds as for plain text.
    """
    if not data.strip():
        raise RejectedFile("the file is empty")
    decoded = (
        _decode_with_bom(data)
        or _decode_declared(data, declared)
        or _decode_utf16_without_bom(data)
    )
    if decoded is None:
        if b"\x00" in data or _control_share(data) > _MAX_CONTROL_SHARE:
            raise RejectedFile("not a text file (binary content)")
        decoded = _decode_utf8(data) or _decode_legacy(data)
    text = decoded.text
    if text.startswith("\ufeff"):
        text = text[1:]
    if not text.strip():
        raise RejectedFile("the file is empty")
    if _looks_binary(text):
        raise RejectedFile("not a text file (binary content)")
    return DecodedText(normalize_newlines(text), decoded.encoding, decoded.warnings)


def display_name(codec: str) -> str:
    """The usual name of an encoding (``windows-1251`` rather than Python's ``cp1251``)."""
    try:
        name = codecs.lookup(codec).name
    except LookupError:
        return codec
    if re.fullmatch(r"cp125\d", name):
        return "windows-" + name[2:]
    return name


def _decode_with_bom(data: bytes) -> DecodedText | None:
    for bom, codec in _BOMS:
        if not data.startswith(bom):
            continue
        body = data[len(bom):]
        if codec == "utf-8":
            decoded = _decode_utf8(body)
            if decoded is None:
                raise RejectedFile("the file starts like UTF-8 text but cannot be decoded as UTF-8")
            return decoded
        try:
            text = body.decode(codec)
        except UnicodeDecodeError:
            raise RejectedFile(
                f"the file starts like {codec[:6].upper()} text but is damaged or binary"
            ) from None
        return _checked_wide(text, codec)
    return None


def _decode_declared(data: bytes, declared: str | None) -> DecodedText | None:
    if not declared:
        return None
    try:
        codec = codecs.lookup(declared.strip()).name
    except LookupError:
        return None
    if codec in _WINDOWS_1252_LABELS:
        codec = "cp1252"
    # A UTF-16/32 label without a BOM is a mistake in the page (browsers ignore it too), and
    # a declared code page is no excuse to accept NUL-ridden binary data.
    if codec.startswith(("utf-16", "utf-32")) or b"\x00" in data:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    name = display_name(codec)
    warnings = [] if name == "utf-8" else [f"decoded as {name}"]
    return DecodedText(text, name, warnings)


def _decode_utf16_without_bom(data: bytes) -> DecodedText | None:
    # UTF-16 text has a NUL in the high byte of every ASCII character, all on one side of the
    # byte pairs; binary files have NULs scattered over both sides.
    if len(data) < 4 or len(data) % 2 or b"\x00" not in data:
        return None
    pairs = len(data) // 2
    even_nuls = data[0::2].count(0)
    odd_nuls = data[1::2].count(0)
    if odd_nuls >= 0.1 * pairs and even_nuls <= 0.01 * pairs:
        codec = "utf-16-le"
    elif even_nuls >= 0.1 * pairs and odd_nuls <= 0.01 * pairs:
        codec = "utf-16-be"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return _checked_wide(text, codec)


def _checked_wide(text: str, codec: str) -> DecodedText:
    # Almost any even-length byte string decodes as UTF-16, so a binary file that happens to
    # start like a UTF-16 BOM would pass as text full of random CJK: check it reads as words.
    if text.strip() and _plausibility(text[:_SCORE_SAMPLE_BYTES]) < _MIN_PLAUSIBILITY:
        raise RejectedFile("not a text file (binary content)")
    return DecodedText(text, codec, [f"decoded as {codec}"])


def _decode_utf8(data: bytes) -> DecodedText | None:
    try:
        return DecodedText(data.decode("utf-8"), "utf-8", [])
    except UnicodeDecodeError:
        pass
    # A UTF-8 file with a few broken bytes (a bad copy, two files pasted together) is still
    # UTF-8: many good multi-byte characters and a handful of bad ones. A file in a legacy
    # code page has almost no valid multi-byte sequences, so it does not pass this test.
    repaired = data.decode("utf-8", "replace")
    bad = repaired.count("\ufffd")
    non_ascii = len(repaired) - len(repaired.encode("ascii", "ignore")) - bad
    if bad and non_ascii >= 20 * bad:
        return DecodedText(
            repaired,
            "utf-8",
            [f"the file is not valid UTF-8: {bad} damaged character(s) replaced with \ufffd"],
        )
    return None


def _decode_legacy(data: bytes) -> DecodedText:
    candidates = list(_LEGACY_CANDIDATES)
    guess = _detector_guess(data)
    if guess and guess not in candidates:
        candidates.append(guess)
    sample = data[:_SCORE_SAMPLE_BYTES]
    scored: list[tuple[float, int, str]] = []
    for order, codec in enumerate(candidates):
        try:
            # An incremental decoder, because the sample may end inside a multi-byte character.
            text = codecs.getincrementaldecoder(codec)().decode(sample, final=False)
        except (UnicodeDecodeError, LookupError):
            continue
        scored.append((_plausibility(text), -order, codec))
    for score, _order, codec in sorted(scored, reverse=True):
        if score < _MIN_PLAUSIBILITY:
            break
        try:
            text = data.decode(codec)
        except UnicodeDecodeError:
            continue
        return DecodedText(text, codec, [f"decoded as {codec}"])
    raise RejectedFile("the text encoding could not be recognised")


def _detector_guess(data: bytes) -> str | None:
    match = charset_normalizer.from_bytes(data[:_DETECTOR_SAMPLE_BYTES]).best()
    if match is None:
        return None
    return display_name(match.encoding)


def _control_share(data: bytes) -> float:
    controls = len(data) - len(data.translate(None, _CONTROL_BYTES))
    return controls / len(data)


def _looks_binary(text: str) -> bool:
    sample = text[:_SCORE_SAMPLE_BYTES]
    if "\x00" in text:
        return True
    controls = sum(
        1 for c in sample if c not in _TEXT_CONTROLS and unicodedata.category(c) == "Cc"
    )
    return controls > _MAX_CONTROL_SHARE * len(sample)


def _plausibility(text: str) -> float:
    """How much ``text`` looks like prose: near 1 for a right decoding, low for mojibake.

    A wrong code page shows as words mixing scripts or cases (KOI8-R read as windows-1251 turns
    "привет" into "ПРИВЕТ" and "Привет" into "пРИВЕТ"), Cyrillic read as windows-1252 turns into
    words made only of accented Latin letters, and box-drawing or other symbols appear where
    letters should be.
    """
    words = _LETTER_RUN.findall(text)
    word_score = sum(_word_score(w) for w in words) / len(words) if words else 0.0
    odd = sum(1 for c in text if ord(c) > 0x7F and _is_odd_symbol(c))
    visible = len(text) - sum(1 for c in text if c.isspace()) or 1
    return word_score - 5 * odd / visible


def _word_score(word: str) -> float:
    scripts = {_script(c) for c in word}
    if len(scripts) > 1:
        return 0.0
    if scripts == {"latin"} and len(word) >= 3 and all(ord(c) > 0x7F for c in word):
        return 0.0
    if word.islower() or word.istitle():
        return 1.0
    if word.isupper():
        # Whole words in capitals are rare in prose but are what lower-case Cyrillic turns
        # into under the wrong one of windows-1251 / KOI8-R.
        return 0.5
    if not any(c.islower() or c.isupper() for c in word):
        return 1.0  # scripts without letter case
    return 0.0


def _script(char: str) -> str:
    code = ord(char)
    if code < 0x250 or 0x1E00 <= code < 0x1F00:
        return "latin"
    if 0x370 <= code < 0x400:
        return "greek"
    if 0x400 <= code < 0x530:
        return "cyrillic"
    if 0x3040 <= code < 0x3100 or 0x3400 <= code < 0xA000:
        return "cjk"
    return f"block-{code >> 7}"


def _is_odd_symbol(char: str) -> bool:
    if char in _USUAL_SYMBOLS:
        return False
    category = unicodedata.category(char)
    return category[0] not in "LZP" and category != "Nd"
