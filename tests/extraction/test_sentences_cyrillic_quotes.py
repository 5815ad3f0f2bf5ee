"""Sentence splitting of issue #21: Cyrillic initials and abbreviations, quotations, lone "…"."""

import pytest

from extraction import split_sentences


def sentences(text: str) -> list[str]:
    return [text[s:e] for s, e in split_sentences(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Initials stay with the surname, so the speaker stays with the claim.
        ("Як заявив В. Зеленський, обмін відбувся 5 березня. Інших деталей немає.",
         ["Як заявив В. Зеленський, обмін відбувся 5 березня.", "Інших деталей немає."]),
        ("По словам В. В. Путина, переговоры продлились 3 часа. Итогов нет.",
         ["По словам В. В. Путина, переговоры продлились 3 часа.", "Итогов нет."]),
        # р. / г. after a year, ген., дек., т. ч., т.е., тис./тыс.
        ("У 2014 р. Росія окупувала Крим, повідомив ген. Залужний. Далі було гірше.",
         ["У 2014 р. Росія окупувала Крим, повідомив ген. Залужний.", "Далі було гірше."]),
        ("В 2022 г. Россия начала вторжение. Это признают все.",
         ["В 2022 г. Россия начала вторжение.", "Это признают все."]),
        ("Переговоры прошли 12 дек. 2022 в Стамбуле. Делегации разъехались.",
         ["Переговоры прошли 12 дек. 2022 в Стамбуле.", "Делегации разъехались."]),
        ("Загинули 40 осіб, в т. ч. 5 дітей. Рятувальники працюють.",
         ["Загинули 40 осіб, в т. ч. 5 дітей.", "Рятувальники працюють."]),
        ("Погибли 40 человек, т.е. Россия солгала. Так сказал он.",
         ["Погибли 40 человек, т.е. Россия солгала.", "Так сказал он."]),
        ("Росія випустила 5 тис. «Шахедів» за рік. Це рекорд.",
         ["Росія випустила 5 тис. «Шахедів» за рік.", "Це рекорд."]),
        ("Армия потеряла 3 тыс. Т-72 за год. Это много.",
         ["Армия потеряла 3 тыс. Т-72 за год.", "Это много."]),
    ],
)
def test_cyrillic_initials_and_abbreviations_do_not_end_a_sentence(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Asked about the talks, the president said: “Within two weeks. We will know by then.” "
         "Nobody replied.",
         ["Asked about the talks, the president said: “Within two weeks. We will know by then.”",
          "Nobody replied."]),
        ("“This is a pause, nothing more. Our aim is peace,” the aide said on May 3. Talks resumed.",
         ["“This is a pause, nothing more. Our aim is peace,” the aide said on May 3.", "Talks resumed."]),
        ('He said: "We agreed. The exchange is on Friday." The delegation left.',
         ['He said: "We agreed. The exchange is on Friday."', "The delegation left."]),
        ("Він сказав: «Обмін відбудеться. Списки узгоджено». Потім пішов.",
         ["Він сказав: «Обмін відбудеться. Списки узгоджено».", "Потім пішов."]),
        # A quotation that never closes on its line does not swallow the paragraph.
        ("The agency ran a story headlined “Leaders agree to meet. Officials left. Then talks began.",
         ["The agency ran a story headlined “Leaders agree to meet.", "Officials left.", "Then talks began."]),
    ],
)
def test_no_split_inside_a_quotation(text, expected):
    assert sentences(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks ended. … The next round is in June.", ["The talks ended.", "… The next round is in June."]),
        ("Переговори завершились. … Наступний раунд у червні.",
         ["Переговори завершились.", "… Наступний раунд у червні."]),
        ("It is over. …", ["It is over. …"]),
        ("Victory is close […] It is not hyperbole.", ["Victory is close […]", "It is not hyperbole."]),
        ("Victory is close. […] It is not hyperbole.", ["Victory is close.", "[…] It is not hyperbole."]),
    ],
)
def test_no_one_character_ellipsis_fragments(text, expected):
    got = sentences(text)
    assert all(len(s.strip("…[]. ")) > 0 for s in got), got
    assert got == expected
