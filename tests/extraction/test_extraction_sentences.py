"""Sentence splitting: abbreviations, quotes, timelines and lists, with exact offsets."""

import pytest

from extraction import split_sentences


def sentences(text: str) -> list[str]:
    spans = split_sentences(text)
    for start, end in spans:
        piece = text[start:end]
        assert piece == piece.strip(), f"span {start}:{end} keeps surrounding whitespace"
    return [text[s:e] for s, e in spans]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. officials met Gen. Smith on Feb. 12 in St. Petersburg. The talks lasted five hours.",
            ["U.S. officials met Gen. Smith on Feb. 12 in St. Petersburg.", "The talks lasted five hours."],
        ),
        ("J. D. Vance met Dr. Ivanova. They spoke for an hour.", ["J. D. Vance met Dr. Ivanova.", "They spoke for an hour."]),
        ("Mr. and Mrs. Kovalenko left Lt. Col. Petrenko behind. He stayed.", ["Mr. and Mrs. Kovalenko left Lt. Col. Petrenko behind.", "He stayed."]),
        ("Russia holds 18.2% of Ukraine. That figure is disputed.", ["Russia holds 18.2% of Ukraine.", "That figure is disputed."]),
        (
            "“We will not retreat,” he said. “Never.” Officials disagreed.",
            ["“We will not retreat,” he said.", "“Never.”", "Officials disagreed."],
        ),
        ("He called it “a ceasefire.” Nobody agreed.", ["He called it “a ceasefire.”", "Nobody agreed."]),
        ("Aid came from the U.S. The EU followed.", ["Aid came from the U.S.", "The EU followed."]),
        ("The U.N. Security Council met. It adjourned.", ["The U.N. Security Council met.", "It adjourned."]),
        ("It began in World War I. Not everyone agreed.", ["It began in World War I.", "Not everyone agreed."]),
        ("The vote was 52 vs. 48, e.g. a narrow one. It passed.", ["The vote was 52 vs. 48, e.g. a narrow one.", "It passed."]),
        ("Delegates met at No. 10 Downing St. yesterday. No. They did not.", ["Delegates met at No. 10 Downing St. yesterday.", "No.", "They did not."]),
        ("He paused... then continued. The end…", ["He paused... then continued.", "The end…"]),
        ("Is it true? Yes! It is.", ["Is it true?", "Yes!", "It is."]),
        ("In July,\u00a0officials met.\u00a0They left.", ["In July,\u00a0officials met.", "They left."]),
        ("Three points stand out: 1) Russia advanced. 2) Kyiv held.", ["Three points stand out:", "Russia advanced.", "Kyiv held."]),
    ],
)
def test_abbreviations_quotes_and_punctuation(text, expected):
    assert sentences(text) == expected


def test_timeline_lines_are_one_sentence_each_and_keep_their_date():
    text = (
        "Sept. 5, 2014: First Minsk agreement is signed in Minsk. It fails to stop the war.\n"
        "Feb. 12, 2015: Minsk II is signed in Belarus.\n"
        "March 2022: Talks stall"
    )
    assert sentences(text) == [
        "Sept. 5, 2014: First Minsk agreement is signed in Minsk.",
        "It fails to stop the war.",
        "Feb. 12, 2015: Minsk II is signed in Belarus.",
        "March 2022: Talks stall",
    ]


def test_list_markers_start_sentences_and_are_excluded():
    text = "Key points:\n  1. Russia gained 110 square miles.\n  2) Talks resumed in March\n- Casualties rose.\n• Aid was delayed.\n1.5 million people fled."
    assert sentences(text) == [
        "Key points:",
        "Russia gained 110 square miles.",
        "Talks resumed in March",
        "Casualties rose.",
        "Aid was delayed.",
        "1.5 million people fled.",
    ]


def test_newlines_and_blank_lines_always_end_a_sentence():
    text = "A headline without a full stop\n\nBody text starts here and\ncontinues on a new line."
    assert sentences(text) == ["A headline without a full stop", "Body text starts here and", "continues on a new line."]


def test_offsets_index_the_original_text():
    text = "  First one.   Second one?\r\n\tThird one!  "
    spans = split_sentences(text)
    assert [text[s:e] for s, e in spans] == ["First one.", "Second one?", "Third one!"]
    assert spans[0] == (2, 12)


def test_empty_and_whitespace_only_text():
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []
