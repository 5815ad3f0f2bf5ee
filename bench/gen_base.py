"""The first generator (the one blocking was tuned on): 4 relations, 47 places, precise figures."""

from __future__ import annotations

import random
from typing import Any

from bench.generated_sets import MONTHS, OUTLETS

SHAPE = "4 relations x 3 wordings, 47 places, precise figures, dates to the day"

PLACES = ["Bakhmut", "Avdiivka", "Pokrovsk", "Kupiansk", "Vuhledar", "Toretsk", "Chasiv Yar",
          "Robotyne", "Sudzha", "Vovchansk", "Izium", "Kharkiv", "Odesa", "Mykolaiv", "Donetsk",
          "Luhansk", "Kherson", "Chernihiv", "Kursk", "Mariupol", "Dnipro", "Lviv", "Sumy",
          "Irpin", "Bucha", "Kramatorsk", "Sloviansk", "Sievierodonetsk", "Lysychansk",
          "Melitopol", "Berdiansk", "Nova Kakhovka", "Enerhodar", "Soledar", "Belgorod",
          "Bryansk", "Sevastopol", "Simferopol", "Kerch", "Poltava", "Zhytomyr", "Vinnytsia",
          "Cherkasy", "Uzhhorod", "Chernivtsi", "Ternopil", "Rivne"]

# Each relation has several wordings of the same claim: {p} place, {v} value, {d} date.
RELATIONS = [
    ["Russian forces captured {v} square miles near {p} in {d}.",
     "In {d}, Russia's army seized about {v} square miles around {p}.",
     "Moscow gained {v} sq mi of territory in the {p} area during {d}, analysts said."],
    ["Ukraine says {v} Russian soldiers were killed near {p} in {d}.",
     "Kyiv reported that {v} Russian troops died around {p} during {d}.",
     "According to Ukraine's general staff, Russia lost {v} soldiers killed near {p} in {d}."],
    ["A poll in {d} found that {v}% of residents of {p} support negotiations.",
     "{v} percent of people in {p} back peace talks, a survey from {d} showed.",
     "In {d}, {v}% of {p} respondents told pollsters they favour negotiations."],
    ["Shelling damaged {v} buildings in {p} in {d}, local officials said.",
     "Local authorities in {p} counted {v} buildings damaged by shelling in {d}.",
     "In {d}, {v} houses in {p} were hit by artillery, according to city officials."],
]


def generate(n: int, seed: int = 7) -> list[dict[str, Any]]:
    """``n`` claims; ``fact`` (int, negative for a conflicting figure) is kept for old callers,
    ``group``/``conflict_group_of`` are the labels every generator gives."""
    rng = random.Random(seed)
    claims: list[dict[str, Any]] = []
    while len(claims) < n:
        rel = rng.randrange(len(RELATIONS))
        place = rng.choice(PLACES)  # 47 places x 4 relations x ~1,300 days: facts rarely repeat
        date = f"{rng.choice(MONTHS)} {rng.randint(1, 28)}, {rng.randint(2022, 2025)}"
        value = rng.randint(12, 9000) if rel != 2 else rng.randint(5, 95)
        fact = len(claims)
        for _ in range(rng.randint(1, 6)):  # outlets repeating the claim
            v, gold = value, fact
            if rng.random() < 0.05:  # an outlet with another figure: a conflict
                v = int(value * rng.choice([0.5, 1.6, 2.0])) or value + 1
                gold = -fact - 1
            text = rng.choice(RELATIONS[rel]).format(p=place, v=f"{v:,}", d=date)
            row = {"id": len(claims), "text": text, "outlet": rng.choice(OUTLETS),
                   "fact": gold, "group": f"b{gold}"}
            if gold < 0:
                row["conflict_group_of"] = f"b{fact}"
            claims.append(row)
            if len(claims) >= n:
                break
    return claims
