"""The other fact-checks of the same claim a person linked (the library's "same claim"), as the
PDF briefing and the verdict card list them: "Also checked by …"."""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.platypus import Flowable, Paragraph

from export import markup
from export.pdf_styles import styles
from storage.factchecks import LibraryEntry


def also_checked_line(entries: Sequence[LibraryEntry]) -> str:
    """Plain text: "Also checked by Full Fact (False), PolitiFact (Pants on Fire)"."""
    parts = []
    for e in entries:
        who = e.publisher or "an unnamed publisher"
        parts.append(f"{who} ({e.rating_text})" if e.rating_text else who)
    return "Also checked by " + ", ".join(parts) if parts else ""


def also_checked_flowables(entries: Sequence[LibraryEntry]) -> list[Flowable]:
    """A labelled list: publisher, rating as published, date, the claim as they wrote it, and
    the link (http(s) only; every string escaped: these come from imported files)."""
    if not entries:
        return []
    st = styles()
    out: list[Flowable] = [Paragraph("Also checked by", st.label)]
    for e in entries:
        head = f"<b>{markup.text(e.publisher) or 'Unnamed publisher'}</b>"
        if e.rating_text:
            head += f": {markup.text(e.rating_text)}"
        if e.date:
            head += f" ({markup.text(e.date.isoformat())})"
        body = f"{head}<br/><i>“{markup.text(e.claim)}”</i>"
        if markup.safe_url(e.url):
            body += f"<br/><font size=7.5>{markup.link(e.url)}</font>"
        out.append(Paragraph(body, st.body))
    return out
