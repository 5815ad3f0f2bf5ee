"""Declined Ukrainian and Russian place names of issue #21 ("Росію", "Білоруссю")."""

import pytest

from extraction import normalise
from extraction.names import cyrillic_forms


@pytest.mark.parametrize(
    ("word", "key"),
    [
        ("Росію", "russia"), ("Росією", "russia"), ("Росії", "russia"),
        ("Россию", "russia"), ("Россией", "russia"), ("России", "russia"),
        ("Білоруссю", "belarus"), ("Білорусі", "belarus"), ("Беларусью", "belarus"),
        ("Запоріжжям", "zaporizhzhia"), ("Запорожьем", "zaporizhzhia"),
    ],
)
def test_declined_country_names_are_recognised(word, key):
    assert normalise(word) == key


def test_soft_stem_forms_are_regular():
    forms = cyrillic_forms("росія")
    assert {"росії", "росію", "росією"} <= forms
    assert "росіу" not in forms and "росіы" not in forms
    assert {"россии", "россию", "россией"} <= cyrillic_forms("россия")
    assert {"білоруссю", "білорусі"} <= cyrillic_forms("білорусь")
