"""What the signature speed-ups rely on: building signatures makes no reference cycles (so the
cycle collector is paused while they are built and unpickled, matching.gc_pause), and the
collector is back as it was afterwards."""

from __future__ import annotations

import gc
import pickle
from pathlib import Path

from matching.claim_parts import parts_of
from matching.gc_pause import gc_paused
from matching.jsonl import read_jsonl
from matching.records import _signatures_worked_out, record_signatures

DATA_DIR = Path(__file__).parent / "data"


# Our own sentences, in the three languages of the corpus and with every kind of figure.
OWN = [
    "Around 1,200 civilians fled Kupiansk in the past week, the governor said on Tuesday.",
    "Turnout reached 43.9% in the March 2024 vote, down from nearly half in 2019.",
    "Russian troops advanced 11 kilometres into the Kursk region over three days.",
    "The exchange on 5 May freed 205 prisoners of war from each side.",
    "Аграрії зібрали 22 мільйони тонн зерна у 2023 році.",
    "Опрос показал, что 54% россиян поддерживают переговоры.",
    "A ceasefire of 30 days was proposed at the Jeddah talks.",
    "No figures here, only talks about talks.",
]


def _records() -> list[dict]:
    written = [dict(r, date=r.get("date")) for r in read_jsonl(DATA_DIR / "domain_claims.jsonl")]
    own = [{"id": f"own{k}", "text": t, "date": "2025-04-02"} for k, t in enumerate(OWN)]
    return written + own


def test_signatures_and_their_unpickling_make_no_reference_cycles():
    records = _records()
    _signatures_worked_out(list(enumerate(records[:3])))  # caches and patterns first
    gc.collect()
    was = gc.isenabled()
    gc.disable()
    try:
        sigs = _signatures_worked_out(list(enumerate(records)))
        assert all(parts_of(s) is s.__dict__["_parts"] for s in sigs)
        copies = pickle.loads(pickle.dumps(sigs, protocol=pickle.HIGHEST_PROTOCOL))
        del sigs, copies
        assert gc.collect() == 0  # nothing was left for the cycle collector
    finally:
        if was:
            gc.enable()


def test_the_collector_is_restored_as_it_was():
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
    record_signatures([{"id": 1, "text": "Russia took 0.6% more."}])
    assert gc.isenabled()


def test_token_starts_are_those_of_the_token_pattern():
    from extraction.cues import TOKEN_RE, Tokens

    texts = [*OWN, "", "___", "a a aa a_a", "aa_a a", "İstanbul İS is", "x—x–x 5,000 5 000",
             "Слов'янськ, Слов’янськ і 12-й", "ß ẞ ﬁ fi ﬁ", "a\u0301a a\u0301"]
    for text in texts:
        toks = Tokens.of(text)
        assert toks.orig == TOKEN_RE.findall(text)
        assert toks.starts == [m.start() for m in TOKEN_RE.finditer(text)]
        assert toks.lower == [t.lower() for t in toks.orig]


def test_parts_survive_pickling_with_their_trigram_codes():
    sigs = _signatures_worked_out(list(enumerate(_records())))
    for sig, copy in zip(sigs, pickle.loads(pickle.dumps(sigs)), strict=True):
        a, b = parts_of(sig), copy.__dict__["_parts"]
        assert b.trigrams.dtype == a.trigrams.dtype and b.trigrams.tolist() == a.trigrams.tolist()
        assert b.trigrams.flags.writeable
        assert b == a  # every compared field


def test_measure_windows_are_the_words_the_scan_of_all_words_chose(monkeypatch):
    import matching.measure_words as mw

    chosen: list[list[int]] = []
    real = mw._not_places

    def record(indices, words):
        chosen.append(list(indices))
        return real(indices, words)

    monkeypatch.setattr(mw, "_not_places", record)
    for text in OWN:
        words = mw.words_with_offsets(text)
        bounds = sorted({0, len(text), *(s for s, _e, _w in words), *(e for _s, e, _w in words)})
        for start in bounds:
            for end in (b for b in bounds if b >= start):
                chosen.clear()
                near = mw.measures_near(text, start, end, words)
                assert chosen[:2] == [
                    [i for i, (s, _e, _w) in enumerate(words) if s >= end][:mw.WINDOW_AFTER],
                    [i for i, (_s, e, _w) in enumerate(words) if e <= start][-mw.WINDOW_BEFORE:]]
                assert near == mw.measures_near(text, start, end, words)
                stop = mw._CLAUSE_END.search(text, end)
                right = stop.start() if stop else len(text)
                left = max((m.end() for m in mw._CLAUSE_END.finditer(text, 0, start)), default=0)
                chosen.clear()
                mw.measures_far(text, start, end, words)
                assert chosen == [
                    [i for i, (s, e, _w) in enumerate(words) if s >= end and e <= right][:mw.FAR_WINDOW],
                    [i for i, (s, e, _w) in enumerate(words)
                     if e <= start and s >= left][-mw.FAR_WINDOW:]]


def test_event_ordinals_and_languages_skip_nothing_they_would_find():
    from matching.language import language_of
    from matching.ordinals import event_ordinals

    assert event_ordinals("The TENTH BLACKOUT hit the city") == [(10, "TENTH BLACKOUT")]
    assert event_ordinals("for the 9th Time since spring") == [(9, "9th Time")]
    assert event_ordinals("the eleventh power  cuts") == [(11, "eleventh power  cuts")]
    # Letters that fold into ASCII ones under IGNORECASE: the regex still runs.
    assert event_ordinals("the tenth tİme") == [(10, "tenth tİme")]
    assert event_ordinals("the tenth loſſes") == [(10, "tenth loſſes")]
    assert event_ordinals("Russia took 12 villages in the second week") == []
    assert language_of("The army took 12 villages in the east.") == "en"
    assert language_of("Армія звільнила 12 сіл на сході.") == "uk"
    assert language_of("Армия освободила 12 сел, и это на востоке.") == "ru"
    assert language_of("Die Armee befreite 12 Dörfer im Osten.") == "other"
    assert language_of("ЗСУ: 12 villages and the east") == "en"


def test_warm_up_compiles_every_figure_pattern_before_workers_fork():
    from extraction.figures import parsing
    from matching import records

    records._warm_up()
    assert set(parsing._PATTERN_TABLE) == set(parsing._ALL_PATTERNS)
    # The warm-up sentence reads as our figures say (it exercises most kinds of figure).
    kinds = {f.kind for f in parsing.parse_figures(records._WARM_UP["text"])}
    assert {"count", "date", "percent", "area", "money"} <= kinds


def test_measure_of_a_word_is_its_first_stem_in_the_stem_order():
    import matching.measure_words as mw

    def scanned(word: str) -> str | None:
        w = word.casefold()
        if len(w) < 3 or w.startswith(mw.NOT_MEASURE_WORDS) or w == "die":
            return None
        folded = mw.fold_marks(w)
        for form in (w, folded) if folded != w else (w,):
            for stem, measure in mw._stem_index():
                if form.startswith(stem):
                    return measure
        return None

    stems = [s for s, _m in mw._stem_index()]
    words = [*stems, *(s + "ers" for s in stems), *(s[:-1] for s in stems),
             *(w for t in OWN for w in t.split()), "Killed", "ВБИТО", "deadline", "die", "ab"]
    for word in words:
        assert mw.measure_of_word.__wrapped__(word) == scanned(word), word
