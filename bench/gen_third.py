"""A third generator, written blind to the matcher: years of war reporting as outlets file it —
strike tolls (and their updates), nightly drone and missile counts, prisoner exchanges, power
outages, donor money in several currencies, polls by several pollsters, monthly front-line gains,
evacuations, talks and truces, UN running totals — in English, Ukrainian and Russian wordings.

Gold groups follow the truth-conditions rule of the real set: the same measure, as-of date or
period, place and actor with a compatible value is one claim. Running totals on other dates, other
measures of the same event (even with the same figure) and other pollsters or analysts are other
claims; a restatement of a claim with an incompatible figure is a conflict (``conflict_group_of``).
"""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from typing import Any

from bench.generated_sets import MONTHS, record, spoken_date

SHAPE = ("11 kinds of war facts x 4-8 wordings (en/uk/ru, passive, reported, headline), "
         "34 towns with transliterations, running totals, vague and rounded figures, "
         "shared figures across measures")

START = dt.date(2022, 3, 1)
SPAN_DAYS = 1380
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
UK_MONTHS_GEN = ["січня", "лютого", "березня", "квітня", "травня", "червня", "липня", "серпня",
                 "вересня", "жовтня", "листопада", "грудня"]
UK_MONTHS_LOC = ["січні", "лютому", "березні", "квітні", "травні", "червні", "липні", "серпні",
                 "вересні", "жовтні", "листопаді", "грудні"]
RU_MONTHS_GEN = ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа",
                 "сентября", "октября", "ноября", "декабря"]
RU_MONTHS_LOC = ["январе", "феврале", "марте", "апреле", "мае", "июне", "июле", "августе",
                 "сентябре", "октябре", "ноябре", "декабре"]
SMALL = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
         "eleven", "twelve"]

# oblast key -> (English spellings, Ukrainian locative, Russian prepositional)
OBLASTS = {
    "kharkiv": (["Kharkiv region", "Kharkiv oblast", "Kharkov region"], "Харківській області",
                "Харьковской области"),
    "odesa": (["Odesa region", "Odesa oblast", "Odessa region"], "Одеській області",
              "Одесской области"),
    "mykolaiv": (["Mykolaiv region", "Mykolaiv oblast", "Nikolaev region"],
                 "Миколаївській області", "Николаевской области"),
    "kyiv": (["Kyiv region", "Kyiv oblast", "Kiev region"], "Київській області",
             "Киевской области"),
    "dnipro": (["Dnipropetrovsk region", "Dnipropetrovsk oblast", "Dnepropetrovsk region"],
               "Дніпропетровській області", "Днепропетровской области"),
    "zaporizhzhia": (["Zaporizhzhia region", "Zaporizhzhia oblast", "Zaporozhye region"],
                     "Запорізькій області", "Запорожской области"),
    "kherson": (["Kherson region", "Kherson oblast"], "Херсонській області",
                "Херсонской области"),
    "sumy": (["Sumy region", "Sumy oblast"], "Сумській області", "Сумской области"),
    "chernihiv": (["Chernihiv region", "Chernihiv oblast", "Chernigov region"],
                  "Чернігівській області", "Черниговской области"),
    "donetsk": (["Donetsk region", "Donetsk oblast"], "Донецькій області",
                "Донецкой области"),
    "lviv": (["Lviv region", "Lviv oblast", "Lvov region"], "Львівській області",
             "Львовской области"),
    "poltava": (["Poltava region", "Poltava oblast"], "Полтавській області",
                "Полтавской области"),
    "vinnytsia": (["Vinnytsia region", "Vinnytsia oblast", "Vinnitsa region"],
                  "Вінницькій області", "Винницкой области"),
    "cherkasy": (["Cherkasy region", "Cherkasy oblast", "Cherkassy region"],
                 "Черкаській області", "Черкасской области"),
}

# (English spellings, Ukrainian, Russian, oblast key)
TOWNS = [
    (["Kharkiv", "Kharkov"], "Харків", "Харьков", "kharkiv"),
    (["Kupiansk", "Kupyansk"], "Куп'янськ", "Купянск", "kharkiv"),
    (["Izium", "Izyum"], "Ізюм", "Изюм", "kharkiv"),
    (["Chuhuiv", "Chuguev"], "Чугуїв", "Чугуев", "kharkiv"),
    (["Odesa", "Odessa"], "Одеса", "Одесса", "odesa"),
    (["Izmail"], "Ізмаїл", "Измаил", "odesa"),
    (["Bilhorod-Dnistrovskyi", "Belgorod-Dnestrovsky"], "Білгород-Дністровський",
     "Белгород-Днестровский", "odesa"),
    (["Mykolaiv", "Nikolaev", "Mykolayiv"], "Миколаїв", "Николаев", "mykolaiv"),
    (["Ochakiv", "Ochakov"], "Очаків", "Очаков", "mykolaiv"),
    (["Kyiv", "Kiev"], "Київ", "Киев", "kyiv"),
    (["Bila Tserkva", "Belaya Tserkov"], "Біла Церква", "Белая Церковь", "kyiv"),
    (["Brovary"], "Бровари", "Бровары", "kyiv"),
    (["Dnipro", "Dnepr"], "Дніпро", "Днепр", "dnipro"),
    (["Kryvyi Rih", "Krivoy Rog"], "Кривий Ріг", "Кривой Рог", "dnipro"),
    (["Nikopol"], "Нікополь", "Никополь", "dnipro"),
    (["Pavlohrad", "Pavlograd"], "Павлоград", "Павлоград", "dnipro"),
    (["Zaporizhzhia", "Zaporozhye", "Zaporizhia"], "Запоріжжя", "Запорожье", "zaporizhzhia"),
    (["Orikhiv", "Orekhov"], "Оріхів", "Орехов", "zaporizhzhia"),
    (["Kherson"], "Херсон", "Херсон", "kherson"),
    (["Beryslav", "Berislav"], "Берислав", "Берислав", "kherson"),
    (["Sumy"], "Суми", "Сумы", "sumy"),
    (["Okhtyrka", "Akhtyrka"], "Охтирка", "Ахтырка", "sumy"),
    (["Shostka"], "Шостка", "Шостка", "sumy"),
    (["Chernihiv", "Chernigov"], "Чернігів", "Чернигов", "chernihiv"),
    (["Kramatorsk"], "Краматорськ", "Краматорск", "donetsk"),
    (["Sloviansk", "Slavyansk"], "Слов'янськ", "Славянск", "donetsk"),
    (["Pokrovsk"], "Покровськ", "Покровск", "donetsk"),
    (["Kostiantynivka", "Konstantinovka"], "Костянтинівка", "Константиновка", "donetsk"),
    (["Lviv", "Lvov"], "Львів", "Львов", "lviv"),
    (["Poltava"], "Полтава", "Полтава", "poltava"),
    (["Kremenchuk", "Kremenchug"], "Кременчук", "Кременчуг", "poltava"),
    (["Vinnytsia", "Vinnitsa"], "Вінниця", "Винница", "vinnytsia"),
    (["Uman"], "Умань", "Умань", "cherkasy"),
    (["Cherkasy", "Cherkassy"], "Черкаси", "Черкассы", "cherkasy"),
]
FRONT_TOWNS = [t for t in TOWNS if t[3] in ("kharkiv", "donetsk", "zaporizhzhia", "kherson",
                                             "sumy")]


# ---------------------------------------------------------------- how figures and names are written

def _pick(names: list[str], rng: random.Random) -> str:
    """The usual spelling most of the time, a variant (transliteration, older form) otherwise."""
    return names[0] if len(names) == 1 or rng.random() < 0.7 else rng.choice(names[1:])


def _town(t: tuple, rng: random.Random) -> str:
    return _pick(t[0], rng)


def _oblast(key: str, rng: random.Random) -> str:
    name = _pick(OBLASTS[key][0], rng)
    return name if rng.random() < 0.6 else "the " + name


def _cap(text: str) -> str:
    """First letter up, the rest untouched ("the European Union" -> "The European Union")."""
    return text[:1].upper() + text[1:]


def _big(v: int) -> str:
    """A round figure as written: 40, 1,500, 2 million."""
    return f"{v / 1_000_000:g} million" if v >= 1_000_000 and v % 100_000 == 0 else f"{v:,}"


def _int(v: int, rng: random.Random) -> str:
    """1,234 / 1234 as outlets print them; small counts sometimes in words."""
    if v <= 12 and rng.random() < 0.35:
        return SMALL[v]
    if v >= 10_000 or rng.random() < 0.75:
        return f"{v:,}"
    return str(v)


def _int_slav(v: int, rng: random.Random) -> str:
    """Thousands with a (narrow) space or nothing, as Ukrainian and Russian outlets write them."""
    if v >= 1000 and rng.random() < 0.7:
        return f"{v:,}".replace(",", " ")
    return str(v)


def _millions(v: int, rng: random.Random) -> str:
    """An exact large figure: 1,187,000 or 1.187 million."""
    if v >= 1_000_000 and v % 1000 == 0 and rng.random() < 0.5:
        return f"{v / 1_000_000:.3f}".rstrip("0").rstrip(".") + " million"
    return f"{v:,}"


def _vague(v: int, rng: random.Random, *, noun: bool) -> str | None:
    """A looser restatement that stays true of ``v``: nearly 50, more than 40, about 1.2 million,
    dozens of (only where a noun follows: ``noun``)."""
    opts: list[str] = []
    mag = 10 ** max(1, len(str(v)) - 1)
    up, down = -(-v // mag) * mag, v // mag * mag
    if up != v and up - v <= 0.12 * up:
        opts.append(f"{rng.choice(['nearly', 'almost', 'close to', 'just under'])} {_big(up)}")
    if down and down != v and v - down <= 0.3 * v:
        opts.append(f"{rng.choice(['more than', 'over', 'upwards of'])} {_big(down)}")
    if v >= 1_000_000:
        opts.append(f"{rng.choice(['about ', 'some ', 'around ', ''])}{v / 1_000_000:.1f} million")
    elif v >= 100:
        sig = 10 ** (len(str(v)) - 2)
        r = round(v / sig) * sig
        if r != v and abs(r - v) <= 0.05 * v:
            opts.append(f"{rng.choice(['about', 'some', 'around', 'roughly'])} {r:,}")
    if noun and 30 <= v <= 99:
        opts.append("dozens of")
    if noun and 200 <= v <= 999:
        opts.append("hundreds of")
    if 1001 <= v <= 1999:
        opts.append("more than a thousand")
    if noun and 2000 <= v <= 9999:
        opts.append("thousands of")
    return rng.choice(opts) if opts else None


def _count(v: int, rng: random.Random, exact: bool, *, noun: bool = True) -> str:
    """A count as a claim states it: exact ("37", "at least 37") or, when allowed, looser."""
    if not exact and rng.random() < 0.45:
        loose = _vague(v, rng, noun=noun)
        if loose:
            return loose
    text = _millions(v, rng) if v >= 1_000_000 else _int(v, rng)
    return f"at least {text}" if rng.random() < 0.15 else text


def _uk_pl(n: int, one: str, few: str, many: str) -> str:
    if n % 10 == 1 and n % 100 != 11:
        return one
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return few
    return many


def _uk_date(d: dt.date) -> str:
    return f"{d.day} {UK_MONTHS_GEN[d.month - 1]} {d.year} року"


def _ru_date(d: dt.date) -> str:
    return f"{d.day} {RU_MONTHS_GEN[d.month - 1]} {d.year} года"


def _date(d: dt.date, rng: random.Random) -> str:
    """A full date in one of the styles outlets use, or "on Tuesday" for a fresh event."""
    return spoken_date(d, rng)


def _weekday(d: dt.date) -> str:
    return WEEKDAYS[d.weekday()]


def _other(v: int, rng: random.Random) -> int:
    """A figure for the same thing that cannot be the same within rounding (a misreport)."""
    for _ in range(20):
        style = rng.random()
        if style < 0.3 and v >= 10 and str(v)[::-1] != str(v):
            w = int(str(v)[::-1].lstrip("0") or "0")  # digits swapped: 41 -> 14
        elif v < 8:
            w = v + rng.choice([3, 4, 6])
        else:
            w = round(v * rng.choice([0.5, 0.6, 0.7, 1.4, 1.6, 2.0]))
        if w >= 1 and abs(w - v) >= 0.25 * max(v, w):
            return w
    return v * 2 + 3


# ---------------------------------------------------------------- facts

class Fact:
    """One claim slot: its gold key, the day it speaks of, its value and how outlets word it."""

    def __init__(self, key: tuple, day: dt.date, value: Any,
                 say: Callable[[random.Random, Any, bool], str],
                 other: Callable[[random.Random, Any], Any] | None = None,
                 near: list[tuple] | None = None) -> None:
        self.key, self.day, self.value, self.say = key, day, value, say
        self.other = other or (lambda rng, v: _other(v, rng))
        # slots too close to this one to hold another fact (a misreported date must not name
        # another real meeting)
        self.near = near or [key]


def _strike(rng: random.Random, day: dt.date) -> list[Fact]:
    t = rng.choice(TOWNS)
    weapon = rng.choice(["missile", "ballistic missile", "drone", "glide bomb", "missile and drone"])
    band = rng.random()
    killed = (rng.randint(2, 12) if band < 0.65 else rng.randint(13, 50) if band < 0.97
              else rng.randint(51, 70))
    if weapon == "glide bomb" and t not in FRONT_TOWNS:  # glide bombs reach only the front
        weapon = "drone"
    gov = f"the head of the {OBLASTS[t[3]][0][0]} military administration"
    actors = [gov, "the State Emergency Service", "the national police", "regional officials",
              f"{_town(t, rng)}'s mayor", "the regional governor"]
    uk_actors = ["голова ОВА", "ДСНС", "Нацполіція", "міський голова"]
    ru_actors = ["глава областной военной администрации", "ГСЧС Украины", "Нацполиция"]
    key = ("strike", t[2], day)

    def killed_say(rng: random.Random, v: int, exact: bool) -> str:
        d, a, tw = _date(day, rng), rng.choice(actors), _town(t, rng)
        n = _count(v, rng, exact)
        forms = [
            f"A Russian {weapon} strike on {tw} on {d} killed {n} people, {a} said.",
            f"{_cap(n)} people were killed when a Russian {weapon} hit {tw} on {d}.",
            f"{_cap(a)} said {n} civilians died in the {weapon} attack on {tw}, "
            f"{_oblast(t[3], rng)}, on {d}.",
            f"The Russian attack on {tw} on {_weekday(day)} left {n} people dead, "
            f"according to {a}.",
            f"{_weekday(day)} {weapon} strike on {tw} kills {_count(v, rng, exact, noun=False)}",
            f"According to {a}, the death toll of the {d} strike on {tw} stood at "
            f"{_count(v, rng, exact, noun=False)}.",
        ]
        if exact:
            forms += [f"Унаслідок удару по місту {t[1]} {_uk_date(day)} загинули {v} "
                      f"{_uk_pl(v, 'людина', 'людини', 'людей')}, повідомляє "
                      f"{rng.choice(uk_actors)}.",
                      f"В результате удара по городу {t[2]} {_ru_date(day)} погибли {v} "
                      f"{_uk_pl(v, 'человек', 'человека', 'человек')}, сообщает "
                      f"{rng.choice(ru_actors)}."]
        return rng.choice(forms)

    facts = [Fact(key + ("killed", day), day, killed, killed_say)]
    injured = killed if rng.random() < 0.12 else max(2, round(killed * rng.uniform(0.8, 5)))

    def injured_say(rng: random.Random, v: int, exact: bool) -> str:
        d, a, tw = _date(day, rng), rng.choice(actors), _town(t, rng)
        n = _count(v, rng, exact)
        forms = [
            f"{_cap(n)} people were injured in the Russian {weapon} attack on {tw} "
            f"on {d}, {a} said.",
            f"The {weapon} strike on {tw} on {d} wounded {n} people, according to {a}.",
            f"{_cap(a)} reported {n} people hurt after Russia struck {tw} on "
            f"{_weekday(day)}.",
        ]
        if exact:
            forms.append(f"Внаслідок атаки на {t[1]} {_uk_date(day)} поранено {v} "
                         f"{_uk_pl(v, 'людину', 'людини', 'людей')}.")
        return rng.choice(forms)

    facts.append(Fact(key + ("injured", day), day, injured, injured_say))
    if killed >= 3 and rng.random() < 0.4:
        kids = rng.randint(1, min(killed, 9))

        def kids_say(rng: random.Random, v: int, exact: bool) -> str:
            tw, d = _town(t, rng), _date(day, rng)
            n = _int(v, rng)
            kid = "child" if v == 1 else "children"
            were = "was" if v == 1 else "were"
            return rng.choice([
                f"{_cap(n)} {kid} {were} among those killed in {tw} on {d}, "
                f"{rng.choice(actors)} said.",
                f"The dead in the {d} strike on {tw} include {n} {kid}.",
                f"Russia's {weapon} attack on {tw} on {_weekday(day)} killed {n} {kid}, "
                "officials said.",
            ])

        facts.append(Fact(key + ("children_killed", day), day, kids, kids_say))
    if rng.random() < 0.3:
        missing = killed if rng.random() < 0.15 else rng.randint(2, 30)

        def missing_say(rng: random.Random, v: int, exact: bool) -> str:
            tw, d = _town(t, rng), _date(day, rng)
            n = _count(v, rng, exact)
            return rng.choice([
                f"{_cap(n)} people were still missing under the rubble in {tw} after "
                f"the strike on {d}, the State Emergency Service said.",
                f"Rescuers in {tw} were searching for {n} people reported missing after the "
                f"{d} attack.",
            ])

        facts.append(Fact(key + ("missing", day), day, missing, missing_say))
    if rng.random() < 0.2:
        rescued = rng.randint(5, 120)

        def rescued_say(rng: random.Random, v: int, exact: bool) -> str:
            tw, d = _town(t, rng), _date(day, rng)
            n = _count(v, rng, exact)
            return rng.choice([
                f"Emergency workers pulled {n} people alive from the debris in {tw} after "
                f"the {d} strike.",
                f"{_cap(n)} people were rescued from the damaged building in {tw} on "
                f"{d}, the emergency service said.",
            ])

        facts.append(Fact(key + ("rescued", day), day, rescued, rescued_say))
    total = killed
    for step in range(rng.choice([0, 0, 0, 1, 1, 2, 3])):  # the toll rises day by day
        asof = day + dt.timedelta(days=step + 1)
        total += max(1, round(total * rng.uniform(0.05, 0.4)))

        def update_say(rng: random.Random, v: int, exact: bool, asof: dt.date = asof) -> str:
            tw, a = _town(t, rng), rng.choice(actors)
            n = _count(v, rng, exact, noun=False)
            forms = [
                f"The death toll from the {_date(day, rng)} strike on {tw} rose to {n} on "
                f"{_date(asof, rng)}, {a} said.",
                f"By {_date(asof, rng)}, the number of people killed in Russia's "
                f"{_date(day, rng)} attack on {tw} had climbed to {n}.",
                f"{_cap(a)} said on {_date(asof, rng)} that {n} people had now died "
                f"as a result of the {_date(day, rng)} strike on {tw}.",
            ]
            if exact:
                forms.append(f"Кількість загиблих унаслідок удару по місту {t[1]} "
                             f"{_uk_date(day)} зросла до {v} станом на {_uk_date(asof)}.")
            return rng.choice(forms)

        facts.append(Fact(key + ("killed", asof), asof, total, update_say))
    return facts


def _night(rng: random.Random, day: dt.date) -> list[Fact]:
    year_scale = 1 + (day - START).days / 250  # attacks grew over the years
    drones = max(8, round(rng.uniform(10, 120) * year_scale))
    missiles = 0 if rng.random() < 0.45 else rng.randint(1, 60)
    key = ("night", day)

    def night(rng: random.Random) -> str:
        eve = day - dt.timedelta(days=1)
        span = (f"on the night of {MONTHS[eve.month - 1]} {eve.day}-{day.day}, {day.year}"
                if eve.month == day.month else
                f"on the night of {_date(eve, rng)} to {_date(day, rng)}")
        return rng.choice([f"overnight into {_weekday(day)}", span,
                           f"overnight into {_date(day, rng)}"])

    def launched_say(rng: random.Random, v: tuple[int, int], exact: bool) -> str:
        dr, mi = v
        af = rng.choice(["the air force said", "Ukraine's air force reported",
                         "according to the Ukrainian air force"])
        nd = _count(dr, rng, exact)
        if mi == 0:
            return rng.choice([
                f"Russia launched {nd} attack drones at Ukraine {night(rng)}, {af}.",
                f"{_cap(nd)} Shahed-type drones were sent against Ukraine "
                f"{night(rng)}, {af}.",
                f"Russia attacked Ukraine with {_int(dr, rng)} drones {night(rng)}.",
                f"Вночі на {_uk_date(day)} росіяни атакували Україну {dr} ударними "
                "БпЛА, повідомили Повітряні сили.",
            ])
        both = dr + mi
        return rng.choice([
            f"Russia fired {nd} drones and {_int(mi, rng)} missiles at Ukraine {night(rng)}, "
            f"{af}.",
            f"The air force said Russia used {_int(both, rng)} aerial weapons "
            f"{night(rng)}: {_int(dr, rng)} drones and {_int(mi, rng)} missiles.",
            f"Russia launches {_int(dr, rng)} drones, {_int(mi, rng)} missiles at Ukraine "
            f"{night(rng)}",
            f"A combined {_int(both, rng)} drones and missiles were launched at Ukraine "
            f"{night(rng)}, {af}.",
            f"В ночь на {_ru_date(day)} Россия выпустила по Украине {dr} "
            f"{_uk_pl(dr, 'беспилотник', 'беспилотника', 'беспилотников')} и {mi} "
            f"{_uk_pl(mi, 'ракету', 'ракеты', 'ракет')}, сообщили ВСУ.",
        ])

    def launched_other(rng: random.Random, v: tuple[int, int]) -> tuple[int, int]:
        return (_other(v[0], rng), v[1])

    facts = [Fact(key + ("launched",), day, (drones, missiles), launched_say, launched_other)]
    downed = min(drones, max(1, round(drones * rng.uniform(0.55, 0.97))))

    def downed_say(rng: random.Random, v: int, exact: bool) -> str:
        n = _count(v, rng, exact)
        return rng.choice([
            f"Ukrainian air defences shot down {n} drones {night(rng)}, the air force said.",
            f"{_cap(n)} Russian drones were downed or jammed {night(rng)}, "
            "according to the air force.",
            f"The air force said it had destroyed {_count(v, rng, exact, noun=False)} of the "
            f"drones launched {night(rng)}.",
            f"Сили ППО знешкодили {v} "
            f"{_uk_pl(v, 'ворожий дрон', 'ворожі дрони', 'ворожих дронів')} у ніч на "
            f"{_uk_date(day)}.",
        ])

    facts.append(Fact(key + ("downed",), day, downed, downed_say))
    if rng.random() < 0.5:
        ru = drones if rng.random() < 0.1 else rng.randint(5, 180)
        regions = rng.choice(["Belgorod, Kursk and Bryansk regions", "the Bryansk region",
                              "several Russian regions", "the Moscow region and Crimea"])

        def ru_say(rng: random.Random, v: int, exact: bool) -> str:
            n = _count(v, rng, exact)
            return rng.choice([
                f"Russia's defence ministry said its air defences destroyed {n} Ukrainian "
                f"drones over {regions} {night(rng)}.",
                f"Moscow said {n} Ukrainian drones were intercepted over {regions} "
                f"{night(rng)}.",
                f"Минобороны России сообщило, что в ночь на {_ru_date(day)} над российскими "
                f"регионами сбиты {v} украинских "
                f"{_uk_pl(v, 'беспилотник', 'беспилотника', 'беспилотников')}.",
            ])

        facts.append(Fact(key + ("ru_downed",), day, ru, ru_say))
    return facts


def _swap(rng: random.Random, day: dt.date) -> list[Fact]:
    ours = rng.choice([rng.randint(2, 15) * 5, rng.randint(20, 400)])
    theirs = ours if rng.random() < 0.7 else rng.randint(20, 400)
    via = rng.choice(["the United Arab Emirates", "Qatar", "Turkey", "Saudi Arabia",
                      "the Vatican"])

    def ours_say(rng: random.Random, v: int, exact: bool) -> str:
        d = _date(day, rng)
        n = _count(v, rng, exact)
        return rng.choice([
            f"{_cap(n)} Ukrainian prisoners of war came home on {d} in an exchange "
            f"mediated by {via}, Zelensky said.",
            f"Ukraine brought back {n} of its soldiers from Russian captivity on {d}, "
            "the coordination headquarters for prisoners of war said.",
            f"In a swap brokered by {via}, Kyiv secured the release of {n} servicemen on {d}.",
            f"{_weekday(day)}'s exchange returned {n} Ukrainian defenders, Zelensky said.",
            f"{d}: {_int(v, rng)} Ukrainians freed in prisoner exchange",
            f"Із російського полону {_uk_date(day)} повернулися {v} українських захисників, "
            "повідомив Зеленський.",
        ])

    def theirs_say(rng: random.Random, v: int, exact: bool) -> str:
        d = _date(day, rng)
        n = _count(v, rng, exact)
        return rng.choice([
            f"Russia's defence ministry said {n} Russian servicemen were returned from "
            f"Ukrainian-held territory on {d}.",
            f"Moscow got back {n} of its troops in the {d} exchange, the defence ministry "
            "said.",
            f"{_ru_date(day)}: {v} российских военнослужащих возвращены с "
            "подконтрольной Киеву территории, сообщило Минобороны РФ.",
        ])

    facts = [Fact(("swap", day, "ukrainians"), day, ours, ours_say),
             Fact(("swap", day, "russians"), day, theirs, theirs_say)]
    if rng.random() < 0.4:
        total = 300 + round(4.1 * (day - START).days) + rng.randint(0, 3)

        def total_say(rng: random.Random, v: int, exact: bool) -> str:
            d = _date(day, rng)
            n = _count(v, rng, exact)
            return rng.choice([
                f"With the {d} swap, {n} Ukrainians have been freed from Russian captivity "
                "since the full-scale invasion began, Zelensky said.",
                f"As of {d}, Ukraine has brought home {n} prisoners since February 2022, "
                "the coordination headquarters said.",
            ])

        facts.append(Fact(("swap_total", day), day, total, total_say))
    return facts


def _power(rng: random.Random, day: dt.date) -> list[Fact]:
    ob = rng.choice(sorted(OBLASTS))
    band = rng.random()
    off = (rng.randint(50, 900) * 100 if band < 0.6 else rng.randint(900, 1800) * 1000
           if band < 0.85 else rng.randint(3000, 15000) * 10)
    who = rng.choice(["DTEK", "the regional power company", "the regional governor",
                      "Ukraine's energy ministry", "Ukrenergo"])

    def off_say(rng: random.Random, v: int, exact: bool) -> str:
        d, o = _date(day, rng), _oblast(ob, rng)
        n = _count(v, rng, exact)
        forms = [
            f"{_cap(n)} households in {o} were left without electricity after Russian "
            f"strikes on {d}, {who} said.",
            f"Russian attacks on {d} cut power to {n} homes in {o}, according to {who}.",
            f"{_cap(who)} said {n} consumers in {o} lost power on {d} after the "
            "strikes.",
            f"{_cap(n)} households without power in {o} after {_weekday(day)} attack",
        ]
        if exact:
            forms += [f"Унаслідок атаки {_uk_date(day)} без світла залишилися "
                      f"{_int_slav(v, rng)} "
                      f"{_uk_pl(v, 'домогосподарство', 'домогосподарства', 'домогосподарств')}"
                      f" у {OBLASTS[ob][1]}.",
                      f"После удара {_ru_date(day)} без электричества остались "
                      f"{_int_slav(v, rng)} "
                      f"{_uk_pl(v, 'домохозяйство', 'домохозяйства', 'домохозяйств')} в "
                      f"{OBLASTS[ob][2]}."]
        return rng.choice(forms)

    facts = [Fact(("power", ob, day, "off"), day, off, off_say)]
    if rng.random() < 0.4:
        back = (off if rng.random() < 0.2
                else max(100, int(round(off * rng.uniform(0.3, 0.9), -2))))

        def back_say(rng: random.Random, v: int, exact: bool) -> str:
            d, o = _date(day, rng), _oblast(ob, rng)
            n = _count(v, rng, exact)
            return rng.choice([
                f"Power was restored to {n} households in {o} by the evening of {d}, "
                f"{who} said.",
                f"Repair crews reconnected {n} homes in {o} on {d}.",
            ])

        facts.append(Fact(("power", ob, day, "restored"), day, back, back_say))
    return facts


DONORS = [("Germany", "EUR"), ("the European Union", "EUR"), ("the European Investment Bank",
          "EUR"), ("France", "EUR"), ("the Netherlands", "EUR"), ("Japan", "USD"),
          ("the United States", "USD"), ("the World Bank", "USD"), ("the IMF", "USD"),
          ("the United Kingdom", "GBP"), ("Norway", "NOK"), ("Canada", "CAD"),
          ("Sweden", "SEK"), ("Switzerland", "CHF")]
TO_USD = {"EUR": 1.08, "USD": 1.0, "GBP": 1.26, "NOK": 0.094, "CAD": 0.74, "SEK": 0.095,
          "CHF": 1.12}
CURRENCY_WORDS = {"EUR": ("€", "euros", "EUR"), "USD": ("$", "dollars", "USD"),
                  "GBP": ("£", "pounds", "GBP"), "NOK": ("NOK ", "Norwegian kroner", "NOK"),
                  "CAD": ("C$", "Canadian dollars", "CAD"), "SEK": ("SEK ", "Swedish kronor", "SEK"),
                  "CHF": ("CHF ", "Swiss francs", "CHF")}
UK_DONORS = {"Germany": "у Німеччині", "the European Union": "в ЄС",
             "the European Investment Bank": "у Європейському інвестиційному банку",
             "France": "у Франції", "the Netherlands": "у Нідерландах", "Japan": "в Японії",
             "the United States": "у США", "the World Bank": "у Світовому банку",
             "the IMF": "у МВФ", "the United Kingdom": "у Великій Британії",
             "Norway": "у Норвегії", "Canada": "у Канаді", "Sweden": "у Швеції",
             "Switzerland": "у Швейцарії"}
UK_CUR = {"EUR": "євро", "USD": "доларів", "GBP": "фунтів", "NOK": "норвезьких крон",
          "CAD": "канадських доларів", "SEK": "шведських крон", "CHF": "швейцарських франків"}


def _amount(m: int, cur: str, rng: random.Random) -> str:
    """An amount given in millions of ``cur``: €1.5 billion, 1,500 million euros, EUR 250m."""
    sym, word, code = CURRENCY_WORDS[cur]
    if m >= 1000 and (m % 10 == 0 or rng.random() < 0.5):
        fig, scale = f"{m / 1000:.3f}".rstrip("0").rstrip("."), "billion"
    else:
        fig, scale = f"{m:,}", "million"
    style = rng.random()
    if style < 0.5:
        return f"{sym}{fig} {scale}"
    if style < 0.8:
        return f"{fig} {scale} {word}"
    return f"{code} {fig}{'bn' if scale == 'billion' else 'm'}"


def _money(rng: random.Random, day: dt.date) -> list[Fact]:
    donor, cur = rng.choice(DONORS)
    scale = {"NOK": 10, "SEK": 10}.get(cur, 1)
    purpose = rng.choice(["for air defence", "to repair the energy grid", "in humanitarian aid",
                          "for reconstruction", "in budget support", "for demining"])
    uk_purpose = {"for air defence": "на ППО", "to repair the energy grid": "на енергетику",
                  "in humanitarian aid": "гуманітарної допомоги",
                  "for reconstruction": "на відбудову", "in budget support": "бюджетної підтримки",
                  "for demining": "на розмінування"}[purpose]
    facts = []
    for measure in ["pledged"] + (["disbursed"] if rng.random() < 0.3 else []):
        m = rng.choice([rng.randint(1, 40) * 50, rng.randint(20, 3000)]) * scale

        def say(rng: random.Random, v: int, exact: bool, measure: str = measure) -> str:
            d = _date(day, rng)
            amt = _amount(v, cur, rng)
            if not exact and rng.random() < 0.4:
                loose = _vague(v, rng, noun=False)
                if loose and "million" not in loose and "thousand" not in loose:
                    qual, _, fig = loose.rpartition(" ")
                    amt = f"{qual} {_amount(int(fig.replace(',', '')), cur, rng)}"
            if cur != "USD" and rng.random() < 0.3:
                usd = TO_USD[cur] * v
                sig = 10 ** max(0, len(str(int(usd))) - 2)
                amt += f" (about {_amount(int(round(usd / sig) * sig), 'USD', rng)})"
            if measure == "disbursed":
                return rng.choice([
                    f"{_cap(donor)} transferred {amt} to Ukraine {purpose} on {d}, "
                    "the finance ministry said.",
                    f"Ukraine received {amt} from {donor} {purpose} on {d}.",
                    f"On {d}, {amt} from {donor} reached Ukraine's budget {purpose}.",
                ])
            forms = [
                f"{_cap(donor)} pledged {amt} {purpose} for Ukraine on {d}.",
                f"On {d}, {donor} promised Ukraine a further package of {amt} {purpose}.",
                f"A new package of {amt} {purpose} was announced by {donor} on {d}.",
                f"{_cap(donor)} to give Ukraine {amt} {purpose}",
            ]
            if exact and v < 1000:
                forms.append(f"{_uk_date(day)} {UK_DONORS[donor]} оголосили про виділення "
                             f"Україні {v} млн "
                             f"{UK_CUR[cur]} {uk_purpose}.")
            return rng.choice(forms)

        facts.append(Fact(("money", donor, day, measure), day, m, say))
    return facts


POLLSTERS = ["KIIS", "the Rating Group", "the Razumkov Centre", "Gallup",
             "the Democratic Initiatives Foundation", "Info Sapiens"]
QUESTIONS = [  # (key, yes wording, no wording, Ukrainian yes wording, base share)
    ("concessions", "were ready to give up some territory for peace",
     "rejected any territorial concessions", "готові до територіальних поступок заради миру", 25),
    ("trust", "trusted President Zelensky", "did not trust Zelensky",
     "довіряють президентові Зеленському", 62),
    ("victory", "believed Ukraine would win the war", "doubted Ukraine would win",
     "вірять у перемогу України", 80),
    ("talks", "backed negotiations with Russia", "opposed talks with Moscow",
     "підтримують переговори з Росією", 40),
    ("eu", "supported joining the European Union", "were against EU membership",
     "підтримують вступ до Євросоюзу", 78),
]


def _share_words(v: int, rng: random.Random) -> str | None:
    bands = [(19, 21, "one in five"), (24, 26, "about a quarter of"), (31, 35, "about a third of"),
             (45, 49, "nearly half of"), (51, 58, "more than half of"), (51, 70, "a majority of"),
             (62, 66, "nearly two-thirds of"), (73, 77, "three in four"), (80, 89, "more than 80% of")]
    opts = [w for lo, hi, w in bands if lo <= v <= hi]
    return rng.choice(opts) if opts else None


def _polls(rng: random.Random, day: dt.date) -> list[Fact]:
    q, yes_w, no_w, yes_uk, base = rng.choice(QUESTIONS)
    month = dt.date(day.year, day.month, 1)
    true_share = max(5, min(92, base + rng.randint(-12, 12)))
    facts = []
    for pollster in rng.sample(POLLSTERS, rng.randint(1, 3)):  # several pollsters, one month
        yes = max(3, min(95, true_share + rng.randint(-3, 3)))
        no = 100 - yes - rng.randint(3, 15)
        published = month + dt.timedelta(days=rng.randint(33, 45))

        def say(rng: random.Random, v: tuple[int, int], exact: bool,
                pollster: str = pollster) -> str:
            y, n = v
            when = f"{MONTHS[month.month - 1]} {month.year}"
            lead = _share_words(y, rng) if not exact and rng.random() < 0.5 else None
            if lead:
                return (f"{_cap(lead)} Ukrainians {yes_w}, according to {pollster}'s "
                        f"{when} survey.")
            pct = rng.choice([f"{y}%", f"{y} percent", f"{y} per cent"])
            forms = [
                f"{_cap(pollster)}'s {when} poll found {pct} of Ukrainians {yes_w}.",
                f"{pct} of respondents {yes_w}, according to a survey conducted by {pollster} "
                f"in {when}.",
                f"In {pollster}'s {when} survey, {pct} {yes_w} while {n}% {no_w}.",
                f"{n}% of Ukrainians {no_w} in {when}, {pollster} found.",
                f"У {UK_MONTHS_LOC[month.month - 1]} {month.year} року {y}% українців "
                f"{yes_uk}, свідчить опитування {pollster.removeprefix('the ')}.",
            ]
            return rng.choice(forms)

        def other(rng: random.Random, v: tuple[int, int]) -> tuple[int, int]:
            shift = rng.choice([-1, 1]) * rng.randint(7, 15)
            y = max(2, min(97, v[0] + shift))
            if abs(y - v[0]) < 7:
                y = v[0] + 9 if v[0] < 85 else v[0] - 9
            return (y, max(1, 100 - y - (100 - v[0] - v[1])))

        facts.append(Fact(("poll", pollster, month, q), published, (yes, no), say, other))
    return facts


ANALYSTS = ["DeepState", "the Institute for the Study of War", "Black Bird Group"]
DIRECTIONS = ["Pokrovsk", "Kupiansk", "Kurakhove", "Lyman", "Siversk", "Huliaipole",
              "Kostiantynivka", "Toretsk"]


def _front(rng: random.Random, day: dt.date) -> list[Fact]:
    month = dt.date(day.year, day.month, 1)
    analyst = rng.choice(ANALYSTS)
    scope = rng.choice([None, None, rng.choice(DIRECTIONS)])
    km2 = rng.randint(60, 720) if scope is None else rng.randint(8, 260)
    published = (month + dt.timedelta(days=32)).replace(day=rng.randint(1, 4))
    when = f"{MONTHS[month.month - 1]} {month.year}"
    where = "" if scope is None else f" in the {scope} direction"

    def say(rng: random.Random, v: int, exact: bool) -> str:
        sqmi = round(v / 2.58999)
        n = _count(v, rng, exact, noun=False)
        forms = [
            f"Russian forces captured {n} square kilometres of Ukrainian territory{where} in "
            f"{when}, according to {analyst}.",
            f"In {when}, Russia occupied {n} sq km{where}, {analyst} said.",
            f"{analyst}: Russian troops took {_int(v, rng)} km²{where} in {when}",
            f"Russian gains{where} in {when} amounted to about {sqmi:,} square miles, "
            f"{analyst} estimated.",
            f"Russia seized {_int(v, rng)} square kilometers ({sqmi:,} square miles){where} "
            f"during {when}, per {analyst}.",
        ]
        if exact and analyst == "DeepState":
            forms.append(f"У {UK_MONTHS_LOC[month.month - 1]} {month.year} року росіяни "
                         f"окупували {v} кв. км"
                         f"{'' if scope is None else ' на ' + scope + 'ському напрямку'}"
                         ", — DeepState.")
        return rng.choice(forms)

    return [Fact(("front", analyst, month, scope), published, km2, say)]


def _evacuation(rng: random.Random, day: dt.date) -> list[Fact]:
    t = rng.choice(FRONT_TOWNS)
    start = day
    facts = []
    total = 0
    for step in range(rng.randint(1, 4)):  # a running total, reported every few days
        asof = start + dt.timedelta(days=3 + step * rng.randint(3, 8))
        total += rng.randint(150, 2500)
        kids = rng.randint(10, max(11, total // 5))

        def say(rng: random.Random, v: int, exact: bool, asof: dt.date = asof,
                kids: int = kids) -> str:
            tw = _town(t, rng)
            n = _count(v, rng, exact)
            forms = [
                f"Since the mandatory evacuation of {tw} was announced on "
                f"{_date(start, rng)}, {n} residents have left, the regional administration "
                f"said on {_date(asof, rng)}.",
                f"As of {_date(asof, rng)}, {n} people, including {_int(kids, rng)} children, "
                f"had been evacuated from the {tw} area since {_date(start, rng)}.",
                f"{_cap(n)} civilians evacuated from {tw} since the {_date(start, rng)} "
                f"order, officials said on {_date(asof, rng)}.",
            ]
            if exact:
                forms.append(f"Станом на {_uk_date(asof)} з міста {t[1]} евакуйовано "
                             f"{_int_slav(v, rng)} "
                             f"{_uk_pl(v, 'особу', 'особи', 'осіб')} з "
                             f"{_uk_date(start)}.")
            return rng.choice(forms)

        facts.append(Fact(("evac", t[2], start, asof), asof, total, say))
    return facts


HOSTS = [("Istanbul", "Стамбуле"), ("Geneva", "Женеве"), ("Riyadh", "Эр-Рияде"),
         ("Jeddah", "Джидде"), ("Abu Dhabi", "Абу-Даби"), ("Doha", "Дохе")]
ANNOUNCERS = [("the Kremlin's spokesman", "пресс-секретарь Кремля"),
              ("Ukraine's presidential office", "Офис президента Украины"),
              ("the host country's foreign ministry", "МИД страны-хозяйки"),
              ("the White House", "Белый дом")]


def _talks(rng: random.Random, day: dt.date) -> list[Fact]:
    host, host_ru = rng.choice(HOSTS)
    who, who_ru = rng.choice(ANNOUNCERS)
    meet = day + dt.timedelta(days=rng.randint(2, 21))

    def say(rng: random.Random, v: dt.date, exact: bool) -> str:
        return rng.choice([
            f"{_cap(who)} said on {_date(day, rng)} that Russian and Ukrainian "
            f"delegations would meet in {host} on {_date(v, rng)}.",
            f"The next round of talks in {host} is set for {_date(v, rng)}, {who} said.",
            f"Talks in {host} will take place on {_date(v, rng)}, according to {who}.",
            f"Peace talks to resume in {host} on {MONTHS[v.month - 1]} {v.day}",
            f"Следующий раунд переговоров в {host_ru} пройдет {_ru_date(v)}, сообщил "
            f"{who_ru}.",
        ])

    def other(rng: random.Random, v: dt.date) -> dt.date:
        return v + dt.timedelta(days=rng.choice([-3, -2, -1, 1, 2, 7]))

    near = [("talks", host, meet + dt.timedelta(days=k)) for k in range(-8, 9)]
    facts = [Fact(("talks", host, meet), day, meet, say, other, near)]
    if rng.random() < 0.35:
        hours = rng.choice([(30, "hour"), (72, "hour"), (24, "hour"), (30, "day"), (3, "day")])
        what = rng.choice(["a truce", "a ceasefire", "a pause in strikes on energy facilities"])

        def truce_say(rng: random.Random, v: int, exact: bool) -> str:
            unit = hours[1]
            return rng.choice([
                f"{_cap(who)} announced {what} of {v} {unit}s starting on "
                f"{_date(day, rng)}.",
                f"A {v}-{unit} {what.removeprefix('a ')} was to begin on {_date(day, rng)}, "
                f"{who} said.",
                f"{_cap(what)} lasting {v} {unit}s from {_date(day, rng)} was "
                f"announced by {who}.",
            ])

        def truce_other(rng: random.Random, v: int) -> int:
            return rng.choice([w for w in (3, 12, 24, 30, 36, 48, 72, 90) if
                               abs(w - v) >= 0.25 * max(w, v)])

        facts.append(Fact(("truce", who, day), day, hours[0], truce_say,
                          truce_other))
    return facts


def _un_totals(rng: random.Random, day: dt.date) -> list[Fact]:
    asof = day.replace(day=1) - dt.timedelta(days=1)  # the mission reports as of a month's end
    days = (asof - START).days
    killed = 3400 + round(7.6 * days) + rng.randint(0, 5)
    injured = round(killed * rng.uniform(1.6, 2.4))
    facts = []
    for measure, value in (("killed", killed), ("injured", injured)):

        def say(rng: random.Random, v: int, exact: bool, measure: str = measure) -> str:
            d = _date(asof, rng)
            n = _count(v, rng, exact)
            word = "killed" if measure == "killed" else "injured"
            forms = [
                f"The UN human rights monitoring mission has verified {n} civilians {word} in "
                f"Ukraine since February 24, 2022, as of {d}.",
                f"As of {d}, the UN had recorded {n} civilians {word} since the full-scale "
                "invasion, adding that the real figure is likely higher.",
                f"{_cap(n)} civilians have been {word} in Ukraine since the invasion, "
                f"according to UN figures to {d}.",
            ]
            if exact and measure == "killed":
                forms.append(f"За даними ООН, станом на {_uk_date(asof)} в Україні загинули "
                             f"{_int_slav(v, rng)} цивільних.")
            return rng.choice(forms)

        facts.append(Fact(("un", measure, asof), asof + dt.timedelta(days=rng.randint(5, 12)),
                          value, say))
    return facts


# (builder, weight, what may not repeat within the window of days)
KINDS: list[tuple[Callable[[random.Random, dt.date], list[Fact]], float]] = [
    (_strike, 3.0), (_night, 2.0), (_swap, 0.8), (_power, 1.5), (_money, 1.2),
    (_polls, 0.8), (_front, 0.8), (_evacuation, 0.8), (_talks, 0.5), (_un_totals, 0.4),
]


def _copies(rng: random.Random) -> int:
    """How many outlets report one fact: often one or two, sometimes many."""
    return rng.choice([1, 1, 2, 2, 3, 3, 4, 5, 6, 8])


def generate(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` labelled claims (see module docstring); deterministic for ``seed``."""
    rng = random.Random(seed)
    claims: list[dict[str, Any]] = []
    seen: set[tuple] = set()
    groups = 0
    weights = [w for _, w in KINDS]
    while len(claims) < n:
        build = rng.choices([b for b, _ in KINDS], weights)[0]
        day = START + dt.timedelta(days=rng.randrange(SPAN_DAYS))
        facts = build(rng, day)
        # one fact per slot: a slot seen before (same measure, place, actor, date) is skipped
        # whole with its event, so no two gold groups ever share a slot
        if any(k in seen for f in facts for k in f.near):
            continue
        seen.update(k for f in facts for k in f.near)
        for fact in facts:
            groups += 1
            gold = f"t{groups}"
            others: dict[Any, str] = {}
            for _ in range(_copies(rng)):
                value, label, of = fact.value, gold, None
                if rng.random() < 0.05:  # the same claim restated with a figure that disagrees
                    value = fact.other(rng, fact.value)
                    label = others.setdefault(value, f"{gold}c{len(others)}")
                    of = gold
                text = fact.say(rng, value, of is not None)
                record(claims, text, rng, fact.day, label, of)
                if len(claims) >= n:
                    return claims
    return claims
