"""What a figure measures, from the words around it, however the words are accented, and a
settlement word that names where rather than what is counted (#15). Sentences written for
the test."""

from __future__ import annotations

from extraction import parse_figures
from matching.figures import quantities
from matching.frames import claim_frames
from matching.measure_words import fold_marks, measure_of_word


def frames_of(text, published=None):
    figs = [f.to_json_dict() for f in parse_figures(text)]
    return claim_frames(text, quantities(figs), published)


def test_accents_do_not_hide_a_stem():
    assert fold_marks("Refugiați") == "refugiati"
    # A stem spelled with its accents and a word typed without them, and the other way round.
    assert measure_of_word("refugiați") == "refugees"
    assert measure_of_word("refugies") == "refugees"
    assert measure_of_word("getotet") == "killed"
    # ... but a short accented stem does not fold into the start of other words.
    assert measure_of_word("nine") is None and measure_of_word("ninety") is None
    assert measure_of_word("december") is None


def test_accented_people_noun_names_the_measure():
    (f,) = frames_of("Două milioane de refugiați au ajuns în țările din jur, spune agenția.")
    assert f.measure == "refugees"


def test_internally_displaced_in_russian_and_ukrainian():
    (f,) = frames_of("По оценке агентства, 3,2 миллиона человек стали внутренне перемещёнными.")
    assert f.measure == "displaced"
    (g,) = frames_of("За оцінкою агентства, 3,2 мільйона людей стали внутрішньо переміщеними.")
    assert g.measure == "displaced"


def test_lives_lost_in_greek():
    (f,) = frames_of("Επτά άνθρωποι έχασαν τη ζωή τους στην πλημμύρα, λένε οι αρχές.")
    assert f.measure == "killed"


def test_a_town_after_an_article_is_where_not_what_is_counted():
    (f,) = frames_of("Reporters found the toll was at least in the hundreds in the town of Ridgeford.")
    assert f.measure != "settlements"
    # A settlement word right after the figure still counts settlements.
    (g,) = frames_of("The army says it retook 17 villages in the region this month.")
    assert g.measure == "settlements"


def test_small_toll_next_to_its_verb_is_a_count_of_people():
    # Small bare numbers are wording ("the two sides"), unless a toll verb says what they count.
    killed, wounded = frames_of("The storm killed four and injured 11 along the coast, officials said.")
    assert (killed.measure, killed.low, killed.high) == ("killed", 3.5, 4.5)
    assert (wounded.measure, wounded.low, wounded.high) == ("wounded", 10.5, 11.5)
    (f,) = frames_of("Three were killed when the roof of the market fell in.")
    assert f.measure == "killed"
    (g,) = frames_of("У суботу загинули троє, повідомила поліція області.")
    assert g.measure == "killed"
    assert frames_of("The two delegations met again in Vienna this week.") == ()


def test_suspects_and_bodies_are_people():
    (f,) = frames_of("Nine suspects were held after the raid on the warehouse.")
    assert (f.measure, f.low, f.high) == ("suspects", 8.5, 9.5)
    (g,) = frames_of("Divers recovered 11 bodies from the lake on Tuesday.")
    assert g.measure == "killed"


def test_prisoners_killed_is_a_toll_either_way_it_is_said():
    a = frames_of("The shelling of the camp killed 31 prisoners of war, officials said.")
    b = frames_of("Officials said 31 prisoners of war died when the camp was shelled.")
    assert a[0].measure == b[0].measure == "killed"
    # A swap of prisoners is no toll, though bodies come back with them.
    c = frames_of("The two sides swapped 95 prisoners and 12 bodies on Monday.")
    assert c[0].measure == "prisoners"


def test_power_is_no_prisoner_of_war():
    from matching.measure_words import measure_of_word

    assert measure_of_word("power") is None and measure_of_word("powerful") is None
    assert measure_of_word("POWs") == "prisoners" and measure_of_word("pow") == "prisoners"
