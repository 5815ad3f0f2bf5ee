"""What a figure measures, from the words around it: a small vocabulary of measure stems in
English, Ukrainian and Russian (plus a few stems of other languages for the commonest measures)."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from operator import itemgetter

_WORD = re.compile(r"\w+", re.UNICODE)

# measure -> stems (lower case; a word matches when it starts with a stem). Kept to measures
# that recur in reporting on wars, elections and polls; order does not matter.
MEASURE_STEMS: dict[str, tuple[str, ...]] = {
    "killed": ("kill", "dead", "death", "died", "die", "toll", "fatalit", "lives", "perish",
               "загин", "вбит", "убит", "погиб", "смерт", "жертв", "morti", "muert", "mort",
               "tote", "getötet", "zabit", "ofiar", "doden", "mortos", "uccis", "muertos",
               "drown", "ζωή", "bodies", "corpses", "corpi", "cuerpos", "corpos", "leichen", "гибел", "загибл", "zgin", "hukku", "hukkun", "θαν", "νεκρ",
        "قتل", "مقتل", "ölü", "öldü", "tewas", "meninggal", "meghalt", "áldozat", "kuoli", "kuoll", "död", "omkom", "omgekom", "tué", "décè", "décéd", "fallec", "víctim", "vítim", "vittim", "σκοτώ", "zemřel", "pogin", "ubijen", "morț", "uciș", "ucis", "decedat"),
    "wounded": ("wound", "injur", "hurt", "поран", "ранен", "травм", "feriti", "herid",
                "verletz", "ranny", "feridos", "gewond",
        "blessé", "sårad", "såret", "haavoittu", "τραυματ", "yaralı", "جرح", "جريح", "zraněn", "ranjen", "rănit", "feriment"),
    "settlements": ("settlement", "village", "town", "localit", "hamlet", "населен", "насел",
                    "сіл", "сел", "громад", "località", "localidad", "ortschaft", "dorf",
                    "miejscowo", "plaats", "aldeia", "naselen", "населб", "siedlung",
        "pueblo", "aldea", "villaggi", "wsi", "wieś", "kylä", "χωρι", "köy", "قرية", "قرى", "obcí", "sela"),
    "children": ("child", "kid", "minor", "неповнолітн", "несовершеннолетн", "дит", "діт", "дет", "ребен", "bambin", "niñ",
                 "kinder", "dzieci", "crianç", "kinderen", "copii", "bērn",
                 "παιδι", "bambini",
        "enfant", "barn", "lapsi", "lasta", "çocuk", "أطفال", "djec", "djet", "gyerek"),
    "refugees": ("refugee", "fled", "flee", "left ukraine", "біжен", "бежен", "rifugiat",
                 "refugiad", "flücht", "uchodź", "vluchteling", "refugiat", "πρόσφυγ", "wakimbizi",
                  "border crossing",
        "pakolai", "flykting", "flyktning", "réfugi", "mülteci", "لاجئ", "menekült", "izbjegl", "uprchl"),
    "displaced": ("displac", "idp", "переселен", "перемещ", "переміщ", "vertrieb", "desplazad", "sfollat",
                  "deslocad", "przesiedl",
        "fordrev", "déplac", "pengungsi", "نازح", "εκτοπισ", "raseljen", "strămuta", "siirtym", "yerinden"),
    "drones": ("drone", "uav", "shahed", "дрон", "бпла", "беспилот", "безпілот", "droni",
               "drones", "drohne", "dron"),
    "missiles": ("missile", "rocket", "ракет", "missil", "rakete", "rakiet", "raket",
                 "míssei", "misil",
        "πύραυλ", "füze", "صاروخ", "ракет"),
    "prisoners": ("prisoner", "pow", "captive", "полон", "плен", "prigion", "prisioner",
                  "gefangen", "jeńc", "jenc",
        "prisonnier", "fanger", "fangar", "jeniec", "αιχμάλωτ", "esir", "أسير", "أسرى", "zarobljen", "zajat"),
    "troops": ("troop", "soldier", "army", "armed forces", "personnel", "military",
               "військов", "военн", "армі", "арми", "militar", "truppe", "soldat", "wojsk",
               "esercit", "ejército"),
    "votes": ("vote", "voted", "ballot", "голос", "votaz", "votac"),
    "turnout": ("turnout", "явк", "affluenza", "participación", "wahlbeteiligung"),
    "respondents": ("respondent", "ukrainians", "russians", "americans", "poll", "survey",
                    "support", "want", "favor", "favour", "believ", "oppos", "say",
                    "опитан", "опрошен", "респондент", "українц", "россиян", "sondag",
                    "encuesta", "umfrage", "sondaż", "pesquisa", "peiling",
        "sondage", "enquête", "ankiet", "kysely", "δημοσκόπ", "anket", "استطلاع", "průzkum", "anketa"),
    # A scale word ("million", "млрд") is no money word: "4 million refugees" is a count of people.
    "money": ("dollar", "euro", "aid", "fund", "assets", "budget", "loan", "grant", "доллар",
              "долар", "євро", "евро", "допомог", "помощ", "dólar", "ayuda", "aiut", "hilfe",
              "finanz"),
    "suspects": ("suspect", "detain", "arrest", "затрим", "задерж", "подозр", "підозр",
                 "arrestat", "detenid", "festgenommen",
        "sospech", "sospett", "verdächtig", "podejrzan", "osumnjič", "ύποπτ", "şüpheli", "mistenk", "misstänk"),
    "sentences": ("sentenc", "life", "prison term", "convict", "засуд", "осужд", "приговор",
                  "вирок", "condann", "conden", "verurteil",
        "doživot", "dożywoc", "ισόβι", "müebbet", "livstid", "elinkautis"),
    "points": ("point", "clause", "provision", "пункт", "punti", "puntos", "punkte"),
    "camps": ("camp", "facilit", "табор", "лагер", "campi", "campos", "lager"),
    "sheltering": ("shelter", "hiding", "укрива", "укрыва", "rifugi", "refugiaba"),
    # Other outcomes of one attack than the dead and the wounded: whom it left missing, and
    # whom rescuers saved.
    "missing": ("missing", "unaccounted", "зникл", "безвісти", "пропавш", "пропал", "vermisst",
                "desaparecid", "dispersi"),
    "rescued": ("rescu", "alive", "врятува", "врятов", "спасен", "спасл", "gerettet", "rescat"),
}

# How far from the figure (in words) its measure is looked for.
WINDOW_AFTER = 4
WINDOW_BEFORE = 3


def fold_marks(word: str) -> str:
    """Lower case without accents and other combining marks, so a stem matches however a
    writer or a keyboard put the diacritics ("refugiați" / "refugiati", "décès" / "deces")."""
    decomposed = unicodedata.normalize("NFKD", word.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


# A stem folded shorter than this keeps only its accented spelling: folded, "niñ" would be
# the start of "nine" and "décè" of "december".
FOLDED_STEM_MIN = 5


@lru_cache(maxsize=1)
def _stem_index() -> tuple[tuple[str, str], ...]:
    """(stem, measure) longest stems first, so 'settlement' beats 'sett...' if ever both;
    with each accented stem also folded (fold_marks) when that leaves it long enough."""
    pairs = {(s, m) for m, stems in MEASURE_STEMS.items() for s in stems if " " not in s}
    pairs |= {(fold_marks(s), m) for s, m in list(pairs)
              if fold_marks(s) != s and len(fold_marks(s)) >= FOLDED_STEM_MIN}
    return tuple(sorted(pairs, key=lambda p: (-len(p[0]), p[0])))


_SHORTEST_STEM = 3


@lru_cache(maxsize=1)
def _stem_lookup() -> dict[str, str]:
    """_stem_index as a dict: stem -> the measure of its first entry there."""
    out: dict[str, str] = {}
    for stem, measure in _stem_index():
        assert len(stem) >= _SHORTEST_STEM
        out.setdefault(stem, measure)
    return out


# Words that start like a measure stem and are no such word ("deadline" is not "dead",
# "diesel" not "die", "mortar" not "mort", "aide" not "aid", "pointed" not "point").
NOT_MEASURE_WORDS = ("deadline", "deadlock", "diesel", "diet", "mortar", "mortgage", "aide",
                     "pointed", "pointing", "campaign", "lifetime", "power", "powder", "powiat")


@lru_cache(maxsize=1)
def _two_word_measures() -> dict[str, str]:
    """Stems of two words ("border crossing"), looked for right after the figure."""
    return {s: m for m, stems in MEASURE_STEMS.items() for s in stems if s.count(" ") == 1}


# Money named without a currency sign the extractor knows ("EUR 138 billion", "138 billion in
# aid"): a count in the billions next to one of these is an amount of money.
MONEY_MARKS = frozenset(("eur", "usd", "uah", "gbp", "rub", "dollars", "euros", "aid", "assets",
                         "funding", "budget", "loans", "grants", "доларів", "долларов", "євро",
                         "евро", "гривень", "рублей"))


def names_money(words: list[tuple[int, int, str]]) -> bool:
    return any(w.casefold() in MONEY_MARKS for _s, _e, w in words)


@lru_cache(maxsize=1 << 16)
def measure_of_word(word: str) -> str | None:
    w = word.casefold()
    if len(w) < 3 or w.startswith(NOT_MEASURE_WORDS) or w == "die":
        return None
    folded = fold_marks(w)
    stems = _stem_lookup()
    for word in (w, folded) if folded != w else (w,):
        # The first of _stem_index that starts the word: its longest prefix that is a stem.
        for n in range(len(word), _SHORTEST_STEM - 1, -1):
            measure = stems.get(word[:n])
            if measure is not None:
                return measure
    return None


_START = itemgetter(0)  # of a (start, end, word) of words_with_offsets
_END = itemgetter(1)


@lru_cache(maxsize=1024)
def words_with_offsets(text: str) -> list[tuple[int, int, str]]:
    """The words of ``text`` with their offsets (read only: kept for the sentence's next
    publication day)."""
    return [(m.start(), m.end(), m.group(0)) for m in _WORD.finditer(text)]


# "in the town of Oleshky", "near a village": a settlement word after an article names where,
# not what a figure counts ("41 settlements", "300 villages" take no article between).
_PLACE_ARTICLES = frozenset(("the", "a", "this", "that"))


def _not_places(indices: list[int], words: list[tuple[int, int, str]]) -> list[str]:
    """The words at these indices, without settlement words that name a place."""
    return [words[i][2] for i in indices
            if not (i > 0 and words[i - 1][2].casefold() in _PLACE_ARTICLES
                    and measure_of_word(words[i][2]) == "settlements")]


_AND = frozenset(("and", "or", "і", "й", "та", "и", "или", "або", "und", "et", "y", "e", "i", "og",
                  "och", "ve", "și", "si", "oraz", "en"))


def _total_of_two(after: list[str]) -> str | None:
    """"550 drones and missiles": one figure right before two measures joined by "and" is their
    total, a measure of its own ("drones+missiles"), not a count of the first ("539 drones and 11
    missiles" has a figure between them)."""
    if len(after) < 3 or after[1].casefold() not in _AND:
        return None
    a, b = measure_of_word(after[0]), measure_of_word(after[2])
    if a is None or b is None or a == b:
        return None
    return "+".join(sorted((a, b)))


def measures_near(text: str, start: int, end: int,
                   words: list[tuple[int, int, str]]) -> list[str]:
    """The measures named right after the figure (what it counts), then right before it,
    nearest first."""
    # The figure's own words first: the extractor often takes the noun in ("5,100 children",
    # "around 300 dead").
    # (``words`` are in order and apart, so their starts and ends both ascend: bisect.)
    inside = []
    for k in range(bisect_left(words, start, key=_START), len(words)):
        _s, e, w = words[k]
        if e > end:
            break
        if not w[:1].isdigit():
            inside.append(w)
    first_after = bisect_left(words, end, key=_START)
    after = _not_places(list(range(first_after, min(first_after + WINDOW_AFTER, len(words)))),
                        words)
    last_before = bisect_right(words, start, key=_END)
    before = _not_places(list(range(max(0, last_before - WINDOW_BEFORE), last_before)), words)
    total = _total_of_two(after)
    if total is not None:
        return [total]
    after_pairs = [f"{a} {b}".casefold() for a, b in zip(after, after[1:], strict=False)]
    # "armed forces to 600,000": a two-word measure right before the figure too.
    after_pairs += [f"{a} {b}".casefold() for a, b in zip(before, before[1:], strict=False)]
    found: list[str] = [m for pair in after_pairs for stem, m in _two_word_measures().items()
                        if pair.startswith(stem)][:1]
    # "killed four and wounded 12": a measure word right before the figure, with none right
    # after it, is what the figure counts (the next figure's word comes after).
    adjacent = (before and measure_of_word(before[-1]) is not None
                and not (after and measure_of_word(after[0]) is not None))
    order = (*inside, before[-1], *after, *reversed(before[:-1])) if adjacent else (
        *inside, *after, *reversed(before))
    for w in order:
        m = measure_of_word(w)
        if m is not None and m not in found:
            found.append(m)
    # Soldiers and prisoners are who was counted, the killing what the figure measures:
    # "43,000 Ukrainian soldiers had been killed", "53 prisoners of war died" are tolls (for
    # prisoners only when the killing is said in the figure's clause: "swapped 95 prisoners
    # and 12 bodies" is an exchange).
    if "prisoners" in found and "troops" not in found:
        stop = _CLAUSE_END.search(text, end)
        clause = text[end : stop.start() if stop else len(text)]
        said = [*_WORD.findall(clause), *before[-1:]]  # "killed 53 prisoners of war" too
        if not any(measure_of_word(w) in ("killed", "wounded") for w in said):
            return found
    if "troops" in found or "prisoners" in found:
        events = [m for m in found if m in ("killed", "wounded")]
        if events:
            found = events + [m for m in found if m not in events]
    return found




# Farther than the window, within the figure's clause: "the death toll had risen to 29 people",
# "cinco milhões de ucranianos foram registrados como refugiados".
FAR_WINDOW = 8
_CLAUSE_END = re.compile(r"[,;:!?()\[\]\"“”«»—]|\.\s|\d")


def measures_far(text: str, start: int, end: int,
                 words: list[tuple[int, int, str]],
                 dates: Sequence[tuple[int, int]] = ()) -> list[str]:
    """The measures named in the figure's clause (up to FAR_WINDOW words either side, no
    punctuation or other figure in between), nearest first after, then before: for a figure
    whose near words name none. ``dates`` (spans in ``text``) are the dates of the claim: a date
    inside the clause ("killed in the June 1, 2023 attack had climbed to 8") neither ends it
    nor takes up its window."""
    if dates:
        masked = list(text)
        for s, e in dates:
            masked[s:e] = "x" * (e - s)
        text = "".join(masked)
    stop = _CLAUSE_END.search(text, end)
    right = stop.start() if stop else len(text)
    left = 0
    for m in _CLAUSE_END.finditer(text, 0, start):
        left = m.end()

    def undated(ks: range) -> list[int]:
        return [k for k in ks if not any(s <= words[k][0] < e for s, e in dates)]

    first_after = bisect_left(words, end, key=_START)
    after = _not_places(undated(range(first_after, bisect_right(words, right, key=_END)))
                        [:FAR_WINDOW], words)
    first_before = bisect_left(words, left, key=_START)
    last_before = bisect_right(words, start, key=_END)
    before = _not_places(undated(range(first_before, last_before))[-FAR_WINDOW:], words)
    found: list[str] = []
    for w in (*after, *reversed(before)):
        m = measure_of_word(w)
        if m is not None and m not in found:
            found.append(m)
    return found
