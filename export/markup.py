"""The one way untrusted text reaches reportlab Paragraph markup: escaped, and links built by us.

Paragraph text is live markup: unescaped, ``<font size=40>`` renders, ``<a href>`` makes a
link, ``<img src="/local/file">`` embeds a local file, ``AT&T`` turns into ``AT&T;`` and
``a<b`` raises. Every string from the database goes through :func:`text` (or one of the
helpers built on it); the only tags in our markup are the ones this module and the layout
code write themselves. Long words and URLs are left to the styles' ``splitLongWords``.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit
from xml.sax.saxutils import escape, quoteattr

LINK_COLOUR = "#1F4E99"

# C0/C1 controls (except tab and newline) are not valid in the XML-ish paragraph markup and
# have no business in a printed briefing; U+FFFE/FFFF neither.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]")


def clean(value: str | None) -> str:
    """Plain text with line endings normalised and control characters removed."""
    if not value:
        return ""
    return _CONTROL.sub("", value.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(value: str | None) -> str:
    """Plain text on one line (outline entries, metadata, table cells that must not break)."""
    return " ".join(clean(value).split())


def text(value: str | None) -> str:
    """Untrusted text made safe for Paragraph markup: prints exactly as typed, never acts."""
    return escape(one_line(value))


def multiline(value: str | None) -> str:
    """Like :func:`text`, keeping the writer's line breaks (rationale, notes)."""
    lines = [" ".join(line.split()) for line in clean(value).split("\n")]
    while lines and not lines[-1]:
        lines.pop()
    return "<br/>".join(escape(line) for line in lines)


def safe_url(url: str | None) -> str | None:
    """The URL if it is an absolute http(s) URL we may turn into a link, else None.

    javascript:, file:, data: and relative URLs never become links: they are printed as text.
    """
    candidate = (url or "").strip()
    if not candidate or _CONTROL.search(candidate) or any(c.isspace() for c in candidate):
        return None
    try:
        parts = urlsplit(candidate)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return candidate


def link(url: str | None, label: str | None = None) -> str:
    """Markup for a clickable URL (http/https only); anything else is printed as plain text."""
    shown = text(label if label is not None else url)
    target = safe_url(url)
    if target is None:
        return shown
    return f'<a href={quoteattr(target)} color="{LINK_COLOUR}">{shown}</a>'


def internal_link(anchor: str, label_markup: str, colour: str = LINK_COLOUR) -> str:
    """A link to a named destination in the same PDF. ``anchor`` is built by our code only;
    ``label_markup`` must already be escaped."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", anchor) or not re.fullmatch(r"#[0-9A-Fa-f]{6}", colour):
        raise ValueError(f"not an anchor or colour we make: {anchor!r} {colour!r}")
    return f'<a href="#{anchor}" color="{colour}">{label_markup}</a>'


def anchor(name: str) -> str:
    """Markup for a named destination (see :func:`internal_link`)."""
    if not re.fullmatch(r"[A-Za-z][A-Za-z0-9_-]*", name):
        raise ValueError(f"not an anchor name we make: {name!r}")
    return f'<a name="{name}"/>'
