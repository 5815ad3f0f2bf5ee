"""Property tests: any text splits, parses and scores without errors and with consistent offsets."""

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from extraction import extract_claims, normalise, parse_figures, split_sentences
from extraction.cues import Tokens

PIECES = st.sampled_from([
    "Feb. 12, 2015", " ", "  ", "\n", "\n\n", ".", "?", "!", "…", "“", "”", "’s", "U.S.", "Dr.", "1.",
    "- ", "• ", "0.6%", "110 square miles", "more than 10,000 people", "a fifth", "Minsk II", "Київ",
    "killed", "talks", "said", "according to", "last month", "on Tuesday", "2014", "Su-25", "$1.5bn",
    "Zelenskiy", "territory", "I think", "10 to 12 minutes", ",", ":", "\u00a0", "(", ")", "two-thirds",
    "one and a half", "half a", "0,6 %", "18,5 відсотка", "близько", "п’ята частина", "тис.", "10\u00a0000",
    "1 1/2", "six tenths of one percent", "March 3, 2024", "soldiers",
])
TEXTS = st.one_of(st.text(max_size=300), st.lists(PIECES, max_size=60).map("".join))


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_sentence_spans_are_ordered_stripped_and_in_bounds(text):
    last_end = 0
    for start, end in split_sentences(text):
        assert last_end <= start < end <= len(text)
        assert text[start:end] == text[start:end].strip()
        last_end = end


@settings(max_examples=150, deadline=None)
@given(TEXTS, st.integers(min_value=0, max_value=1000))
def test_figure_spans_match_their_text(text, offset):
    for f in parse_figures(text, published=date(2025, 6, 4), offset=offset):
        assert text[f.start - offset : f.end - offset] == f.text
        assert f.kind in {"percent", "fraction", "area", "distance", "count", "money", "duration", "range", "date"}


@settings(max_examples=150, deadline=None)
@given(TEXTS)
def test_figures_are_the_same_with_the_callers_tokens(text):
    published = date(2025, 6, 4)
    assert parse_figures(text, published=published, tokens=Tokens.of(text)) == parse_figures(text, published=published)


@settings(max_examples=100, deadline=None)
@given(TEXTS)
def test_extract_claims_never_fails_and_points_at_its_sentences(text):
    for c in extract_claims(text, threshold=0):
        assert text[c.start : c.end] == c.sentence
        assert 0.0 <= c.score <= 1.0
    normalise(text)
