"""One section per claim group: its appearances, conflicting figures, evidence and verdict."""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Any

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from export import markup
from export.also_checked import also_checked_flowables
from export.data import Correction, GroupReport
from export.fonts import BOLD
from export.pdf_briefing.layout import (
    BOTTOM,
    CONFLICT_EDGE,
    CONFLICT_FILL,
    CONTENT_WIDTH,
    HEADER_ROW,
    NOT_FINAL,
    PAGE_HEIGHT,
    TOP,
    group_anchor,
    outlined,
    short_text,
)
from export.pdf_briefing.timeline_section import timeline_flowables, timeline_reference
from export.pdf_styles import RULE, badge_fill, badge_paragraph, format_date, styles
from export.ratings import rating_label
from export.wording import category_label, unit_label

# --- one section per claim group ----------------------------------------------------------


def _appearance_rows(g: GroupReport) -> list[list[Any]]:
    st = styles()
    rows: list[list[Any]] = [["Outlet", "Exact quote and source"]]
    for a in g.appearances:
        left = f"<b>{markup.text(a.outlet)}</b><br/>{markup.text(format_date(a.published))}"
        if a.article_title:
            left += f"<br/><i>{markup.text(a.article_title)}</i>"
        right = f"“{markup.text(a.sentence)}”"
        right += "<br/>" + (f"<font size=7>{markup.link(a.url)}</font>" if a.url
                            else '<font size=7 color="#5A5A5A">no URL recorded</font>')
        rows.append([Paragraph(left, st.cell), Paragraph(right, st.cell)])
    return rows


# An appearance longer than this may be taller than a page: only then may its row be split
# across two pages (otherwise a short row would be cut in two at the foot of a page).
_SPLIT_ROW_CHARS = 2500


def _appearance_table(rows: list[list[Any]]) -> Table:
    tall = any(len(cell.text) > _SPLIT_ROW_CHARS for row in rows[1:] for cell in row)
    table = Table(rows, colWidths=[48 * mm, CONTENT_WIDTH - 48 * mm], repeatRows=1,
                  splitInRow=1 if tall else 0)
    table.setStyle(TableStyle([
        *HEADER_ROW,
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 1), (-1, -1), 0.25, RULE),
    ]))
    return table


_FRAME_WIDTH = CONTENT_WIDTH - 12  # the page frame's default 6 pt padding on each side
_FRAME_HEIGHT = PAGE_HEIGHT - TOP - BOTTOM - 12


def _height(flowables: Sequence[Flowable]) -> float:
    """How tall ``flowables`` are one under the other in the page frame; at most a page (a
    page break before something taller than a page gains nothing). A flowable whose height
    is known without laying it out carries it as ``_known_height``."""
    total = 0.0
    for f in flowables:
        h = getattr(f, "_known_height", None)
        if h is None:
            h = f.wrap(_FRAME_WIDTH, _FRAME_HEIGHT)[1]
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return min(total, _FRAME_HEIGHT - 1)


@cache
def _header_height() -> float:
    """The appearances table's header row (the same in every section)."""
    return _appearance_table([["Outlet", "Exact quote and source"]]).wrap(_FRAME_WIDTH,
                                                                           _FRAME_HEIGHT)[1]


def _first_row_height(row: list[Any]) -> float:
    """One appearance's row: its taller cell and the table's 3 pt padding above and below
    (the cells' Paragraphs alone are laid out: a table around them costs far more)."""
    widths = (48 * mm, CONTENT_WIDTH - 48 * mm)
    return max(cell.wrap(width - 12, _FRAME_HEIGHT)[1]
               for cell, width in zip(row, widths, strict=True)) + 6


def _appearances_start(g: GroupReport, before: Sequence[Flowable]) -> list[Flowable]:
    """The "Appearances" label and table, after a page break when the page cannot take
    ``before`` (the section's heading, badge and facts), the label, the table's header and its
    first appearance: a heading is never left alone at the foot of a page. The label itself
    does not keep with the table, as that would carry a long table, and the heading before it,
    to the next page whole."""
    st = styles()
    label = Paragraph("Appearances", st.label_alone)
    if not g.appearances:
        rest: list[Flowable] = [label, Paragraph("No appearance recorded.", st.muted)]
        return [CondPageBreak(_height([*before, *rest])), *rest]
    rows = _appearance_rows(g)
    need = _height([*before, label]) + _header_height() + _first_row_height(rows[1])
    return [CondPageBreak(min(need, _FRAME_HEIGHT - 1)), label, _appearance_table(rows)]


def _conflicts(g: GroupReport, included: frozenset[int]) -> list[Flowable]:
    """Inside the group: one small table per quantity, a row per appearance with the figures
    it gives, so the disagreeing ones (bold, marked ≠) can be read side by side. Then the other
    claim groups that matching found contradicting this one."""
    st = styles()
    out: list[Flowable] = [Paragraph("Conflicting figures", st.label)]
    if g.conflicts:
        out += [Paragraph("The appearances give different figures for the same quantity; "
                          "figures that no other appearance supports are marked ≠.", st.muted),
                Spacer(1, 2)]
    outlets = {a.claim_id: a for a in g.appearances}
    for c in g.conflicts:
        what = " · ".join(x for x in (c.kind, unit_label(c.unit)) if x) or "figure"
        rows: list[list[Any]] = [[Paragraph(f"<b>{markup.text(what)}</b>", st.cell), "", ""]]
        by_claim: dict[int, list[str]] = {}
        for f in c.figures:
            shown = markup.text(f.text)
            by_claim.setdefault(f.claim_id, []).append(f"<b>≠ {shown}</b>" if f.disputed else shown)
        for claim_id, figures in by_claim.items():
            a = outlets.get(claim_id)
            rows.append([Paragraph(", ".join(figures), st.cell),
                         Paragraph(markup.text(a.outlet if a else ""), st.cell),
                         Paragraph(markup.text(format_date(a.published if a else None)), st.cell)])
        table = Table(rows, colWidths=[70 * mm, 64 * mm, CONTENT_WIDTH - 134 * mm], splitInRow=1)
        table.setStyle(TableStyle([
            ("SPAN", (0, 0), (-1, 0)),
            ("BACKGROUND", (0, 0), (-1, -1), CONFLICT_FILL),
            ("BOX", (0, 0), (-1, -1), 0.6, CONFLICT_EDGE),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ]))
        out += [table, Spacer(1, 3)]
    for other in g.conflicting_groups:
        name = f"claim group #{other.group_id}"
        if other.group_id in included:  # a link only to a section this briefing has
            name = markup.internal_link(f"group-{other.group_id}", name)
        text = (f"Contradicted by {name} ({markup.text(rating_label(other.rating).lower())}): "
                f"“{markup.text(other.canonical_text)}”")
        if other.outlets:
            text += f" — {markup.text(', '.join(other.outlets))}"
        if other.differing:
            pairs = "; ".join(f"<b>{markup.text(a)}</b> ≠ <b>{markup.text(b)}</b>"
                              for a, b in other.differing)
            text += f"<br/>Figures that differ: {pairs}"
        out.append(_Boxed(Paragraph(text, st.cell)))
    return out


class _Boxed(Table):
    """A paragraph in the orange conflict box."""

    def __init__(self, content: Flowable) -> None:
        super().__init__([[content]], colWidths=[CONTENT_WIDTH])
        self.setStyle(TableStyle([
            ("BACKGROUND", (0, 0), (-1, -1), CONFLICT_FILL),
            ("BOX", (0, 0), (-1, -1), 0.6, CONFLICT_EDGE),
        ]))
        self.spaceAfter = 3


def _evidence(g: GroupReport) -> list[Flowable]:
    st = styles()
    assert g.verdict is not None
    out: list[Flowable] = [Paragraph("Evidence", st.label)]
    for n, e in enumerate(g.verdict.evidence, start=1):
        parts = [f"<b>{markup.text(e.title) or 'Untitled source'}</b>"]
        source = ", ".join(x for x in (markup.text(e.publisher), markup.text(
            format_date(e.published)) if e.published else "") if x)
        if source:
            parts.append(f" — {source}.")
        if e.url:
            parts.append(f"<br/><font size=7.5>{markup.link(e.url)}</font>")
        if e.quote:
            parts.append(f"<br/><i>“{markup.text(e.quote)}”</i>")
        if e.note:
            parts.append(f"<br/>{markup.multiline(e.note)}")
        out.append(Paragraph(f"[{n}]&nbsp;&nbsp;" + "".join(parts), st.numbered))
    return out


NO_REVIEWER = "Reviewer not named"


def _reviewed_line(g: GroupReport) -> str:
    """Who reviewed the verdict and when it changed (a group with a verdict only)."""
    v = g.verdict
    assert v is not None
    # A reviewer is a person someone named (Preferences, --reviewer), never a user account:
    # without one the briefing says so rather than inventing a name.
    bits = [f"Reviewed by {markup.text(v.reviewer)}" if v.reviewer else NO_REVIEWER,
            f"verdict opened {markup.text(format_date(v.created_at))}",
            f"last changed {markup.text(format_date(v.updated_at))}"]
    if v.published_at:
        bits.append(f"published {markup.text(format_date(v.published_at))}")
    bits.append(f"status: {markup.text(g.status_label)} (version {v.version})")
    return " · ".join(bits)


def group_section(g: GroupReport, number: int, included: frozenset[int] = frozenset(),
                  charts: dict[int, Any] | None = None) -> list[Flowable]:
    """The flowables of one claim group's section; ``included`` are the ids of the groups the
    document has sections for (links go only there). ``charts``, the measure timelines drawn
    in earlier sections by measure id, is filled in: a chart already drawn is referred to in
    one line rather than drawn again."""
    st = styles()
    anchor = group_anchor(g)
    heading = outlined(
        Paragraph(f"{markup.anchor(anchor)}{number}.&nbsp; {markup.text(g.canonical_text)}",
                  st.claim),
        f"{number}. {rating_label(g.rating)}: {short_text(g.canonical_text, 90)}", anchor, 1,
    )
    facts = [f"Claim group #{g.id}"]
    if g.category:
        facts.append(f"category: {markup.text(category_label(g.category))}")
    n_out = len(g.outlets)
    facts.append(f"{len(g.appearances)} appearance{'s' if len(g.appearances) != 1 else ''} "
                 f"in {n_out} outlet{'s' if n_out != 1 else ''}")
    top: list[Flowable] = [
        _Rule() if number > 1 else Spacer(1, 1),
        heading,
        _badge_row(g),
        Spacer(1, 3),
        Paragraph(" · ".join(facts), st.muted),
        *correction_notes(g),
    ]
    v = g.verdict
    if v and v.summary.strip():
        top.append(_labelled("Summary", markup.multiline(v.summary)))
    more: list[Flowable] = []
    if v and v.rationale.strip():
        paragraphs = [p for p in markup.clean(v.rationale).split("\n\n") if p.strip()]
        top.append(_labelled("Rationale", markup.multiline(paragraphs[0])))
        more = [Paragraph(markup.multiline(p), st.body) for p in paragraphs[1:]]
    if more:  # a long rationale: the heading needs only its first paragraph on its page
        story = [CondPageBreak(_height(top)), *top, *more, *_appearances_start(g, [])]
    else:
        page_break, *appearances = _appearances_start(g, top)
        story = [page_break, *top, *appearances]
    if g.timeline is not None:  # #19: the measure its claims state, over time
        t = g.timeline
        if charts is None:
            story += timeline_flowables(t)
        elif t.measure_id not in charts:
            charts[t.measure_id] = t
            story += timeline_flowables(t, referable=True)
        elif charts[t.measure_id] == t:
            story += timeline_reference(t)
        else:  # the same measure drawn from other values: its own chart
            story += timeline_flowables(t)
    if g.has_conflicts:
        story += _conflicts(g, included)
    if v and v.evidence:
        story += _evidence(g)
    story += also_checked_flowables(g.also_checked)
    if v is not None:  # without one, the badge row already says "No verdict yet"
        story = _keep_with_previous(story, [Spacer(1, 4), Paragraph(_reviewed_line(g), st.muted)])
    story.append(Spacer(1, 4 * mm))
    return story


def _keep_with_previous(story: list[Flowable], closing: list[Flowable]) -> list[Flowable]:
    """``story`` followed by ``closing`` (the "Reviewed by" line), which is never left alone at
    the top of a page: it keeps with the last flowable before it (the spacers after that too)."""
    i = len(story) - 1
    while i >= 0 and isinstance(story[i], (Spacer, CondPageBreak)):
        i -= 1
    if i < 0:
        return [*story, *closing]
    return [*story[:i], _WithLastLines(story[i], [*story[i + 1 :], *closing])]


class _WithLastLines(KeepTogether):
    """A flowable and the short ones after it, on one page. When they do not all fit, the
    flowable is split one line (or table row) short so its end goes on with them; the whole
    moves on only when it cannot be split. A flowable taller than the space left splits as it
    would anyway, and its last part keeps with what follows."""

    def __init__(self, last: Flowable, after: list[Flowable]) -> None:
        super().__init__([last, *after])
        self._last, self._after = last, after

    def split(self, aW: float, aH: float) -> list[Flowable]:  # noqa: N803 (reportlab's names)
        if getattr(self, "_wrapInfo", None) != (aW, aH):
            self.wrap(aW, aH)
        if aH >= self._H:
            return [self._last, *self._after]
        last_height = self._H0
        if last_height > aH:  # it splits anyway: its last part keeps with what follows
            parts = self._last.split(aW, aH)
            if len(parts) < 2:
                return []  # not splittable here: the next frame
            return [*parts[:-1], _WithLastLines(parts[-1], self._after)]
        parts = self._last.split(aW, last_height - 1)
        if len(parts) == 2:
            return [parts[0], KeepTogether([parts[1], *self._after])]
        return super().split(aW, aH)


# --- corrections (#17.2: an open corrections policy) ---------------------------------------


def correction_line(c: Correction) -> str:
    """"Corrected on 6 December 2026: reason" as markup."""
    return (f"<b>Corrected on {markup.text(format_date(c.at))}</b>: "
            f"{markup.text(c.reason or 'no reason recorded')}")


def _rating_change(c: Correction) -> str:
    if c.rating == c.previous_rating:
        return f"(rating unchanged: {rating_label(c.rating)})"
    return f"(rating {rating_label(c.previous_rating)} → {rating_label(c.rating)})"


def correction_notes(g: GroupReport) -> list[Flowable]:
    """The corrections of one group's verdict, under its badge."""
    v = g.verdict
    if v is None or not v.corrections:
        return []
    st = styles()
    return [Spacer(1, 2), *(Paragraph(correction_line(c), st.small) for c in v.corrections)]


def corrections_section(groups: Sequence[GroupReport]) -> list[Flowable]:
    """A "Corrections" section listing every correction of the briefing's verdicts, newest
    first, each with its reason and the rating it gave; nothing when there are none."""
    found = [(c, n, g) for n, g in enumerate(groups, start=1) if g.verdict
             for c in g.verdict.corrections]
    if not found:
        return []
    st = styles()
    story: list[Flowable] = [
        outlined(Paragraph(markup.anchor("corrections") + "Corrections", st.h1),
                  "Corrections", "corrections", 0),
        Paragraph("Verdicts changed after they were published. The earlier versions are kept "
                  "and can be read in Claimdesk (claimdesk verdict ID --show).", st.muted),
        Spacer(1, 3 * mm),
    ]
    for c, n, g in sorted(found, key=lambda item: item[0].at, reverse=True):
        link = markup.internal_link(group_anchor(g), f"{n}. claim group #{g.id}")
        story.append(Paragraph(
            f"{link} — “{markup.text(short_text(g.canonical_text, 120))}”<br/>"
            f"{correction_line(c)} {markup.text(_rating_change(c))}",
            st.body))
        story.append(Spacer(1, 2 * mm))
    story.append(PageBreak())
    return story


def _labelled(label: str, body_markup: str) -> Paragraph:
    """A grey label line and its text in one paragraph (half the paragraphs to lay out)."""
    return Paragraph(f'<font name="{BOLD}" size="8.5" color="#5A5A5A">{label}</font><br/>'
                     f"{body_markup}", styles().labelled)


def not_final_note(g: GroupReport) -> str | None:
    """"draft", "in review", "approved" for a rating that is not published yet, else None."""
    if g.verdict is None or g.rating is None or g.verdict.status == "published":
        return None
    return g.status_label.lower()


def _badge_row(g: GroupReport) -> Table:
    """The badge, and beside it whether the verdict is final: a draft rating handed to a
    minister must not look like a published one."""
    st = styles()
    v = g.verdict
    if v is None:
        note = "No verdict yet"
    elif v.status == "published":
        note = "Published verdict"
    else:
        note = f'<font color="{NOT_FINAL}"><b>{markup.text(g.status_label)}: not final</b></font>'
    # One flat table (badge cell filled with the rating colour): a nested badge table per
    # group costs a second layout pass for every section of a 500-group briefing.
    row = Table([[badge_paragraph(g.rating, 10), Paragraph(note, st.small)]],
                colWidths=[42 * mm, CONTENT_WIDTH - 42 * mm], hAlign="LEFT")
    row._known_height = _BADGE_ROW_HEIGHT  # type: ignore[attr-defined]  # one line, always
    row.setStyle(TableStyle([
        ("BACKGROUND", (0, 0), (0, 0), badge_fill(g.rating)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (0, 0), 4.5),
        ("BOTTOMPADDING", (0, 0), (0, 0), 4.5),
        ("LEFTPADDING", (1, 0), (1, 0), 8),
    ]))
    return row


# The badge row: a 10 pt badge line and 4.5 pt padding above and below (measured).
_BADGE_ROW_HEIGHT = 10 * 1.25 + 9


class _Rule(Flowable):
    """A thin line between claim sections."""

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        self._width = avail_width
        return avail_width, 5 * mm

    def draw(self) -> None:
        frame = getattr(self, "_frame", None)
        if frame is not None and getattr(frame, "_atTop", 0):
            return  # a separator at the top of a page separates nothing
        self.canv.setStrokeColor(RULE)
        self.canv.setLineWidth(0.5)
        self.canv.line(0, 4 * mm, self._width, 4 * mm)
