"""Two days conflict only for one event (matching.date_events), and the day someone explained
something dates a statement (matching.slot.report_date). Sentences written for this test."""

from __future__ import annotations

from matching.date_events import events_differ, events_named
from matching.frames import compare_frames
from matching.pair_model import _frame_conflicts
from matching.signature import signature
from matching.slot import event_contradictions, report_date


def _clash(a_text: str, b_text: str, date: str = "2026-05-12"):
    a, b = signature(1, a_text, date=date), signature(2, b_text, date=date)
    clash = _frame_conflicts(compare_frames(a.frames, b.frames))
    assert clash and all(x.measure == "date" for x, _ in clash)
    return clash


def test_events_named_in_three_languages():
    assert events_named("On 3 June 2031 the two states signed the river treaty.") == {"signing"}
    assert "invasion" in events_named("Ще 4 червня 2031 року почалося вторгнення.")
    assert "capture" in events_named("5 июня 2031 года войска захватили мост.")
    assert events_named("On 3 June 2031 it rained in the valley.") == frozenset()


def test_two_days_of_two_events_are_no_conflict():
    recognised = "12 April 2031: the island council recognises the two breakaway villages."
    invaded = "15 April 2031: the mainland army launches its invasion of the island."
    assert events_differ(recognised, invaded) == ("recognition", "invasion")
    clash = _clash(recognised, invaded)
    assert event_contradictions(recognised, invaded, clash) == ()
    assert event_contradictions(invaded, recognised, [(y, x) for x, y in clash]) == ()


def test_two_days_of_one_event_still_clash():
    one = "The island council signed the fishing accord on 12 April 2031."
    other = "The fishing accord was signed on 14 April 2031 by the island council."
    assert events_differ(one, other) is None
    clash = _clash(one, other)
    assert event_contradictions(one, other, clash) == tuple(clash)
    # A side that names no event we know leaves the pair to the model.
    vague = "12 April 2031 is the day that changed the island."
    assert events_differ(vague, other) is None
    clash = _clash(vague, other)
    assert event_contradictions(vague, other, clash) == tuple(clash)


def test_a_shared_event_keeps_the_clash_whatever_else_is_named():
    seized = "On 4 May 2031 the rebels seized the dam, days after their invasion began."
    control = "The rebels took control of the dam on 1 May 2031."
    assert events_differ(seized, control) is None
    clash = _clash(seized, control)
    assert event_contradictions(seized, control, clash) == tuple(clash)


def test_the_day_someone_explained_something_dates_a_statement():
    explained = ("The minister quoted that figure on 9 March 2031, as she explained why the "
                 "bridge would stay shut.")
    event = "On 10 March 2031, the bridge was shut."
    clash = _clash(explained, event)
    assert all(report_date(explained, x) for x, _ in clash)
    assert event_contradictions(explained, event, clash) == ()
