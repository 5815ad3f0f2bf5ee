"""Name normaliser: folding, the alias table and its user extensions."""

import pytest

from extraction import AliasTable, default_aliases, fold, normalise
from extraction.names import user_alias_paths
from resources import resource_path

SPELLINGS = {
    "kyiv": ["Kyiv", "Kiev", "Київ", "Киев", "Києва", "Києві", "Киева", "Киеве", "kyiv"],
    "zelensky": ["Zelensky", "Zelenskyy", "Zelenskiy", "Зеленський", "Зеленский", "Зеленського", "Зеленского", "Volodymyr Zelenskyy"],
    "donbas": ["Donbas", "Donbass", "Донбас", "Донбасс", "the Donbass"],
    "kharkiv": ["Kharkiv", "Kharkov", "Харків", "Харьков", "Харкова"],
    "luhansk": ["Luhansk", "Lugansk", "Луганськ", "Луганск"],
    "zaporizhzhia": ["Zaporizhzhia", "Zaporizhia", "Zaporozhye", "Запоріжжя", "Запорожье"],
    "podolyak": ["Podolyak", "Podolyok", "Podoliak", "Mykhailo Podolyak", "Подоляк"],
    "solovyov": ["Solovyov", "Soloviev", "Соловьёв", "Соловьев", "Соловйов"],
    "putin": ["Putin", "Vladimir Putin", "Путин", "Путін", "Путина", "Путіна", "Путину"],
    "odesa": ["Odesa", "Odessa", "Одеса", "Одесса"],
    "mykolaiv": ["Mykolaiv", "Nikolaev", "Миколаїв"],
    "donetsk": ["Donetsk", "Донецьк", "Донецк"],
    "crimea": ["Crimea", "Крим", "Крым"],
    "chernihiv": ["Chernihiv", "Chernigov"],
    "bakhmut": ["Bakhmut", "Artemovsk"],
    "avdiivka": ["Avdiivka", "Avdeyevka"],
    "dnipro": ["Dnipro", "Dnepr"],
    "lviv": ["Lviv", "Lvov", "Lwów"],
    "medinsky": ["Medinsky", "Medinskiy"],
    "erdogan": ["Erdogan", "Erdoğan", "Recep Tayyip Erdoğan"],
    "matviyenko": ["Matvienko", "Matviyenko"],
    "minsk_i": ["Minsk I", "Minsk-1", "Minsk Protocol", "first Minsk agreement"],
    "minsk_ii": ["Minsk II", "Minsk-2", "Minsk 2", "Package of Measures", "second Minsk agreement", "Минск-2", "Мінськ-2"],
    "normandy_format": ["Normandy format", "Normandy Four"],
    "istanbul_communique": ["Istanbul communiqué", "Istanbul communique"],
    "nato": ["NATO", "НАТО"],
    "osce": ["OSCE", "ОБСЕ"],
    "kremlin": ["Kremlin", "the Kremlin", "Кремль"],
    "united_states": ["U.S.", "US", "United States"],
}


@pytest.mark.parametrize(("key", "variants"), list(SPELLINGS.items()))
def test_every_spelling_maps_to_one_key(key, variants):
    table = default_aliases()
    assert {table.key(v) for v in variants} == {key}


@pytest.mark.parametrize(
    "name",
    ["Peskov", "Lavrov", "Ushakov", "Witkoff", "Trump", "Biden", "Macron", "Scholz", "Merkel", "Naryshkin",
     "Kadyrov", "Prigozhin", "Shoigu", "Gerasimov", "Umerov", "Yermak", "Kherson", "Pokrovsk", "Kursk",
     "Mariupol", "ISW", "Istanbul talks", "Minsk agreements"],
)
def test_required_names_are_in_the_table(name):
    assert name in default_aliases()


def test_canonical_display_name():
    table = default_aliases()
    assert table.canonical("Kiev") == "Kyiv"
    assert table.canonical("Zelenskiy") == "Zelensky"
    assert table.canonical("Minsk-2") == "Minsk II"
    assert table.canonical("Nobody Known") == "Nobody Known"
    assert table.type_of("Kharkov") == "place"
    assert table.type_of("Ushakov") == "person"


def test_fold_keeps_cyrillic_letters_and_strips_latin_diacritics():
    assert fold("Київ") == "київ"
    assert fold("Зеленський Йосип") == "зеленський йосип"
    assert fold("Соловьёв") == "соловьев"
    assert fold("Erdoğan’s «deal» — Łódź") == "erdogan's \"deal\" - lodz"
    assert fold("ﬁnal  ＡＢＣ１２") == "final abc12"


def test_normalise_replaces_aliases_and_number_words():
    assert normalise("Zelenskiy met Putin in Kiev five times") == "zelensky met putin in kyiv 5 times"
    assert normalise("Twenty-five thousand troops and 10,000 people") == "25000 troops and 10000 people"
    assert normalise("a fifth of the land, two-thirds of it") == "a fifth of the land, two-thirds of it"
    assert normalise("Президент Зеленський у Києві, Мінськ-2") == "президент zelensky у kyiv, minsk_ii"
    # "US" is matched case-sensitively: the pronoun stays.
    assert normalise("The US told us so") == "the united_states told us so"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("One of the soldiers said no one left", "one of the soldiers said no one left"),
        ("They blamed one another", "they blamed one another"),
        ("the one who signed", "the one who signed"),
        ("one percent of voters", "1 percent of voters"),
        ("one per cent", "1 per cent"),
        ("one million people", "1000000 people"),
        ("one hundred days", "100 days"),
        ("one soldier and one civilian", "1 soldier and 1 civilian"),
        ("one square mile", "1 square mile"),
        ("within one week", "within 1 week"),
        ("one in five residents", "1 in 5 residents"),
    ],
)
def test_normalise_writes_one_as_a_digit_only_before_a_counted_word(text, expected):
    assert normalise(text) == expected


def test_multiword_aliases_win_over_single_words():
    table = default_aliases()
    found = table.find("The Minsk II deal was signed in Minsk.")
    assert [k for _, _, k in found] == ["minsk_ii", "minsk"]


def test_user_file_extends_the_table(tmp_path, monkeypatch):
    extra = tmp_path / "mine.tsv"
    extra.write_text("# my additions\n# @type place\nKyiv\tKyjiw\nHostomel\tGostomel\tГостомель\n", encoding="utf-8")
    table = AliasTable.load(resource_path("aliases.tsv"), extra)
    assert table.key("Kyjiw") == "kyiv" and table.key("Kiev") == "kyiv"
    assert table.key("Gostomel") == "hostomel" and table.type_of("Гостомель") == "place"

    monkeypatch.setenv("CLAIMDESK_ALIASES", str(extra))
    default_aliases.cache_clear()
    try:
        assert extra in user_alias_paths()
        assert default_aliases().key("Kyjiw") == "kyiv"
    finally:
        monkeypatch.delenv("CLAIMDESK_ALIASES")
        default_aliases.cache_clear()
    assert default_aliases().key("Kyjiw") == "kyjiw"


def test_tsv_header_documents_the_format():
    head = resource_path("aliases.tsv").read_text(encoding="utf-8")[:2000]
    assert "canonical<TAB>variant1<TAB>variant2" in head
    assert all(line.startswith("#") for line in head.splitlines()[:10])
