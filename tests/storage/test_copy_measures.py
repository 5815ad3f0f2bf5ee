"""#19: copying carries a person's measure work (names, merges, splits, claim decisions,
reference figures) into the other database, once, without overriding the destination's own."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select

from ingest import document_from_text
from storage.measure_edits import add_reference, merge_measures, rename_measure, split_measure
from storage.measure_models import Measure, MeasureMember, ReferenceFigure
from storage.measures import list_measures, references, timeline_points
from tests.storage.test_copy import pair  # noqa: F401  (the two databases, per direction)
from workflows.copy_in import copy_in
from workflows.importing import store_document

# Our own sentences: three values of the share held, one monthly gain, one of them off.
TEXTS = [
    ("North Ledger", "2024-11-20", "Russia holds about 18% of Ukraine's territory, maps show."),
    ("South Courier", "2025-03-12", "By March, Russia controlled roughly 19% of Ukraine."),
    ("East Gazette", "2025-03-22", "Russia now occupies about a third of Ukraine."),
    ("West Review", "2024-12-01", "In November 2024 Russian forces seized 725 square "
                                  "kilometres of Ukrainian land."),
]


def _fill(db) -> None:
    for outlet, day, text in TEXTS:
        doc = document_from_text(text, outlet=outlet, title=outlet, published=day)
        assert store_document(db, doc, source=outlet, actor="Ana").outcome == "imported"


def _named(db, words: str):
    return next(r for r in list_measures(db, min_claims=1) if words in r.name)


def _claim_of(db, measure_id: int, outlet: str) -> int:
    return next(p.claim_id for p in timeline_points(db, measure_id) if p.outlet == outlet)


def _counts(db) -> tuple[int, ...]:
    with db.read() as s:
        return tuple(s.execute(select(func.count()).select_from(m)).scalar_one()
                     for m in (Measure, MeasureMember, ReferenceFigure))


def test_copy_carries_names_merges_splits_decisions_and_reference_figures(pair):  # noqa: F811
    src, dest = pair
    _fill(src)
    share = _named(src, "Share of Ukraine held by Russia")
    gain = _named(src, "gained by Russia")
    rename_measure(src, share.id, "Russia's share of Ukraine", actor="Ana")
    split_measure(src, share.id, [_claim_of(src, share.id, "East Gazette")], actor="Ana",
                  name="Outliers")
    add_reference(src, share.id, value=19, low=18.5, high=19.5, as_of="2025-03-01",
                  source_title="Our map desk", url="https://example.org/maps", actor="Ana")
    renamed_gain = "Monthly gain (km²)"
    rename_measure(src, gain.id, renamed_gain, actor="Ana")
    # A stray measure the person merged into the gain measure.
    with src.write() as s:
        now = dt.datetime.now(dt.UTC)
        stray = Measure(key="area|gain|russia|ukraine||year", name="x", unit="area",
                        created_at=now, updated_at=now)
        s.add(stray)
        s.flush()
        stray_id = stray.id
    merge_measures(src, gain.id, stray_id, actor="Ana")

    result = copy_in(src, dest, actor="Bo")
    assert result.copied.measures.references == 1 and result.copied.measures.decisions >= 2
    mine = _named(dest, "Russia's share of Ukraine")
    assert mine.claims == 2 and mine.references == 1
    [ref] = references(dest, mine.id)
    assert (ref.value, ref.low, ref.high, ref.as_of, ref.url) == (
        19, 18.5, 19.5, dt.date(2025, 3, 1), "https://example.org/maps")
    outliers = _named(dest, "Outliers")
    assert [p.outlet for p in timeline_points(dest, outliers.id)] == ["East Gazette"]
    assert _named(dest, renamed_gain).claims == 1
    with dest.read() as s:
        moved = s.execute(select(Measure).where(Measure.key == "area|gain|russia|ukraine||year")
                          ).scalar_one()
        assert moved.merged_into == _named(dest, renamed_gain).id

    before = _counts(dest)
    again = copy_in(src, dest, actor="Bo")
    assert not again.copied.changed and _counts(dest) == before
