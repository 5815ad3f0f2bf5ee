"""sentence_category is score_sentence's category, computed without the rest of the score."""

from __future__ import annotations

import json
from pathlib import Path

from extraction import default_aliases, parse_figures, score_sentence, split_sentences
from extraction.cues import Tokens
from extraction.scoring import sentence_category
from resources import resource_path

HERE = Path(__file__).resolve().parent


def _sentences() -> list[str]:
    out: list[str] = []
    for path in sorted(Path(resource_path("sample")).glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        out += [text[s:e] for s, e in split_sentences(text)]
    domain = HERE.parent / "matching" / "data" / "domain_claims.jsonl"
    out += [json.loads(line)["text"] for line in domain.read_text(encoding="utf-8").splitlines()]
    return out


def test_category_matches_score_sentence_on_the_sample_corpus_and_domain_claims():
    sentences = _sentences()
    assert len(sentences) > 300
    categories = set()
    for sentence in sentences:
        figures = parse_figures(sentence)
        expected = score_sentence(sentence, figures, explain=False)[1]
        assert sentence_category(sentence, figures) == expected, sentence
        assert sentence_category(sentence) == expected, sentence  # figures parsed inside
        tokens = Tokens.of(sentence)
        mentions = default_aliases().find(sentence, tokens)
        got = sentence_category(sentence, figures, tokens=tokens, mentions=mentions)
        assert got == expected, sentence
        categories.add(expected)
    # The sentences exercise every branch worth checking: several categories and none.
    assert {"territory", "casualties", "minsk", "negotiations", "poll", None} <= categories


def test_figures_parsed_with_the_sentence_tokens_are_the_figures_parsed_without():
    # matching.records tokenises each sentence once and hands the tokens to the parser.
    with_figures = 0
    for sentence in _sentences():
        plain = [f.to_json_dict() for f in parse_figures(sentence)]
        given = [f.to_json_dict() for f in parse_figures(sentence, tokens=Tokens.of(sentence))]
        assert given == plain, sentence
        with_figures += bool(plain)
    assert with_figures > 100


def test_number_words_pre_check_changes_nothing(monkeypatch):
    from extraction import names

    crafted = ["sıx soldiers", "ſeven people", "TWENTY-FIVE tanks", "Five", "a hundred",
               "İn one hundred days", "no numbers here", "someone done", "one of them",
               "one soldier", "two-thirds", "\u212a", "nineteen hundred", "a dozen shells"]
    texts = crafted + _sentences()
    texts += [t.casefold() for t in texts]
    fast = [names._digits_for_words(t) for t in texts]
    fast_norm = [names.normalise(t) for t in texts]
    monkeypatch.setattr(names, "_NUMBER_STEMS", __import__("re").compile(""))  # always "maybe"
    assert fast == [names._digits_for_words(t) for t in texts]
    assert fast_norm == [names.normalise(t) for t in texts]
    assert sum(a != b for a, b in zip(fast, texts, strict=True)) > 10  # words really replaced
