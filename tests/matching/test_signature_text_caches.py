"""What the per-text shortcuts of signature building rely on: the quick searches that rule a
sentence out (running totals, stances, leading sides) never rule out one the full reading
takes, and a sentence signed for several publication days (records keyed by day, the keys of
one text worked out one after the other) gets the signature it gets alone."""

from __future__ import annotations

import pytest

from extraction.names import default_aliases
from matching import frame_values, measure_words, predicates, records, roles, signature
from matching import slot as slot_module
from matching.claim_parts import parts_of, trigram_codes
from matching.predicates import lead_side, stance
from matching.records import _by_text, _signatures_worked_out, record_signatures
from matching.slot import _CUMULATIVE, cumulative

# Our own sentences: every running-total wording, stances and sides, and plain ones.
SENTENCES = [
    "Since the spring, 2,000 people have fled the town.",
    "So far 14 villages were cut off by the flood.",
    "To date, the fund has paid out 3 million euros.",
    "Over 900 families had now left the district, the mayor said.",
    "Half of them has left already.",
    "Desde enero, 300 familias salieron.",
    "Seit Kriegsbeginn sind 40 Schulen zerstört.",
    "Depuis le début, 12 ponts ont été touchés.",
    "Da quando è iniziata, 80 case sono crollate.",
    "Sinds maart zijn 60 mensen gevlucht.",
    "Sejak Mei, 25 desa dievakuasi.",
    "Od początku roku 70 szkół zamknięto.",
    "Mula noong Hunyo, 15 bayan ang binaha.",
    "Kể từ tháng Tư, 9 cây cầu bị hỏng.",
    "Bisher wurden 18 Brücken repariert.",
    "Hasta ahora 11 barcos llegaron.",
    "Até agora 30 aviões pousaram.",
    "Jusqu'ici 7 trains sont partis.",
    "С начала года 500 домов восстановили.",
    "З початку місяця 40 шкіл відкрили.",
    "SINCE MONDAY 45 BUSES HAVE LEFT.",
    "The council approved 12 new parks, the mayor's office said.",
    "The committee rejected the 5% levy on Friday.",
    "Kyiv accepted the plan that Moscow rejected.",
    "They agree to a 30-day pause.",
    "The clause was struck out of the 20-point draft.",
    "Рада схвалила 3 закони.",
    "Washington pledged $400 million to the reconstruction fund.",
    "A plan proposed by the U.S. names 28 points.",
    "The Kremlin said 16 drones were shot down.",
    "Зеленський назвав 5 умов.",
    "Four bridges reopened in the valley after 10 days of repairs.",
    "Leftovers from 2 markets were given away.",
]


def _stance_without_search(text: str) -> str | None:
    pos = neg = False
    for m in predicates._WORDS.finditer(text.casefold()):
        w = m.group(0)
        pos = pos or w.startswith(predicates._POSITIVE)
        neg = neg or w.startswith(predicates._NEGATIVE)
    return None if pos == neg else (predicates.POSITIVE if pos else predicates.NEGATIVE)


def _side_without_search(text: str) -> str | None:
    low = text.casefold()
    previous = ""
    for m in predicates._SIDE_WORDS.finditer(low):
        w = m.group(0)
        if previous not in ("by", "the") or (previous == "the"
                                             and not predicates._after_by(low, m.start())):
            for side, stems in predicates._SIDES:
                if w.startswith(stems):
                    return side
        previous = w
    return None


@pytest.mark.parametrize("text", SENTENCES)
def test_quick_searches_rule_out_only_what_the_full_reading_does(text):
    assert cumulative(text) == (_CUMULATIVE.search(text) is not None)
    assert stance(text) == _stance_without_search(text)
    assert lead_side(text) == _side_without_search(text)


def test_every_running_total_wording_is_read():
    assert all(cumulative(t) for t in SENTENCES[:21])
    assert not any(cumulative(t) for t in SENTENCES[21:])


def _fields(sig) -> tuple:
    parts = parts_of(sig)
    return (sig.tokens, sorted((k, sorted(v)) for k, v in sig.entities.items()),
            [(repr(q), tuple(sorted(q.role))) for q in sig.quantities], sig.category,
            repr(sig.frames), parts.masked, parts.trigrams.tolist(), parts.published,
            parts.stance, parts.lead_side, parts.cumulative, parts.places)


def test_a_sentence_of_several_days_is_signed_as_alone(monkeypatch):
    texts = SENTENCES[:6]
    days = ("2025-03-01", "2025-03-09", "2025-04-20")
    recs = [{"id": f"{k}-{d}", "text": t, "date": d} for d in days for k, t in enumerate(texts)]
    together = _signatures_worked_out([(i, recs[i]) for i in _by_text(list(enumerate(recs)))])
    for sig in together:
        _forget_every_text_cache()
        alone = _signatures_worked_out([(sig.id, recs[sig.id])])[0]
        assert _fields(sig) == _fields(alone)
    # And through record_signatures, in worker processes, against one by one.
    monkeypatch.setattr(records, "PARALLEL_FROM", 2)
    for sig, rec in zip(record_signatures(recs), recs, strict=True):
        assert _fields(sig) == _fields(_signatures_worked_out([(sig.id, rec)])[0])


def _forget_every_text_cache() -> None:
    records._WORDS_AND_NAMES.clear()
    for cached in (signature._masked_tokens, roles._role_words_of_text, trigram_codes,
                   measure_words.words_with_offsets, slot_module.cumulative,
                   frame_values._stated_digits, predicates.stance, predicates.lead_side):
        cached.cache_clear()


def test_a_name_added_to_the_table_is_seen_by_the_next_signature(monkeypatch):
    """The per-text memories key on the name table's state, not only on the sentence."""
    text = "Zorvangrad airport was shelled on Monday, 12 people were wounded."
    rec = {"id": "z", "text": text, "date": "2025-03-01"}
    before = _signatures_worked_out([(0, rec)])[0]
    assert "place" not in before.entities
    table = default_aliases()
    monkeypatch.setattr(table, "names", dict(table.names))
    monkeypatch.setattr(table, "types", dict(table.types))
    monkeypatch.setattr(table, "_folded", dict(table._folded))
    monkeypatch.setattr(table, "_lengths", dict(table._lengths))
    stamp = table.stamp
    monkeypatch.setattr(table, "stamp", stamp)  # the table as it was, once the test is over
    table.add("Zorvanhrad", ["Zorvangrad"], type_="place")
    assert table.stamp != stamp
    after = _signatures_worked_out([(0, rec)])[0]
    assert after.entities.get("place") == {"zorvanhrad"}
    assert "zorvanhrad" in after.tokens and "zorvangrad" not in after.tokens


def test_cached_trigram_codes_cannot_be_written_to():
    codes = trigram_codes("The bridge reopened after 40 days.")
    with pytest.raises(ValueError):
        codes[0] = 0
    assert not trigram_codes("ab").flags.writeable


def test_keys_of_one_text_come_together_in_first_seen_order():
    unique = [(0, {"text": "a"}), (1, {"text": "b"}), (2, {"text": "a"}), (3, {"text": "c"}),
              (4, {"text": "b"})]
    assert _by_text(unique) == [0, 2, 1, 4, 3]


def _top_level_alternatives(pattern: str) -> list[str]:
    out, depth, start = [], 0, 0
    for k, ch in enumerate(pattern):
        if ch == "(" and pattern[k - 1 : k] != "\\":
            depth += 1
        elif ch == ")" and pattern[k - 1 : k] != "\\":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(pattern[start:k])
            start = k + 1
    return [*out, pattern[start:]]


def test_every_ascii_running_total_wording_has_a_word_of_the_quick_search():
    """A wording added to _CUMULATIVE alone would never match ASCII text (the quick search
    rules the sentence out first): each ASCII alternative must carry one of its words."""
    needs = slot_module._CUMULATIVE_NEEDS.pattern.replace("\\", "").split("|")
    for alternative in _top_level_alternatives(_CUMULATIVE.pattern):
        if not alternative.isascii():
            continue
        readable = alternative.replace(r"\b", "").replace(r"\s+", " ")
        assert any(word in readable for word in needs), alternative
