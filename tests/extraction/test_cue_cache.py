"""The cue index remembers the candidates of every word it has seen: a sentence looks up its
own words in that memory, it never walks it (it holds the whole vocabulary of a corpus)."""

from __future__ import annotations

from extraction.cues import CueIndex, CueSet, Tokens


class _NoWalking(dict):
    def __iter__(self):
        raise AssertionError("the cache was walked")

    def keys(self):
        raise AssertionError("the cache was walked")


def test_hot_words_are_found_without_walking_the_cache():
    index = CueIndex({"truce": CueSet([("truce", 1.0, ["ceasefire", "halt to the fighting"])]),
                      "loss": CueSet([("loss", 1.0, ["killed", "wound*"])])})
    index._cache = _NoWalking()
    first = Tokens.of("A ceasefire was agreed after 12 were killed and 40 wounded.")
    assert index.hot_indices(first) == [1, 7, 10]
    again = Tokens.of("Killed, wounded; then a halt to the fighting, and the ceasefire held.")
    assert index.hot_indices(again) == [0, 1, 4, 10]
    assert {"ceasefire", "killed", "wounded", "halt", "agreed"} <= set(dict.keys(index._cache))
