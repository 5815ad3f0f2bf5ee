"""The adversarial shape: few templates, a dozen place names everywhere, round figures
("20%", "1,000") shared by thousands of claims, and dates from a three-year window. Claims
differ by place and day; the figure alone says almost nothing."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from bench.generated_sets import record, spoken_date

SHAPE = "4 relations x 2 wordings, 12 places, round figures, ~15% undated ('on Tuesday')"

PLACES = ["Donetsk", "Kharkiv", "Kherson", "Zaporizhzhia", "Bakhmut", "Avdiivka", "Pokrovsk",
          "Kupiansk", "Sumy", "Odesa", "Dnipro", "Mykolaiv"]
ROUND_COUNTS = [100, 200, 300, 500, 1000, 2000, 5000, 10000]
ROUND_SHARES = [10, 20, 25, 30, 40, 50]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]

# {v} figure, {p} place, {d} "on <date>" or "on <weekday>"
RELATIONS = [
    (["Russian forces fired {v} shells at {p} {d}.",
      "{D}, {p} came under fire from {v} Russian shells."], ROUND_COUNTS),
    (["{v}% of {p} residents have left the city, officials said {d}.",
      "Officials in {p} said {d} that {v} percent of residents had left."], ROUND_SHARES),
    (["Ukraine says {v} Russian soldiers were killed near {p} {d}.",
      "Near {p}, {v} Russian troops were killed {d}, Kyiv said."], ROUND_COUNTS),
    (["{v} civilians were evacuated from {p} {d}.",
      "{D}, authorities evacuated {v} civilians from {p}."], ROUND_COUNTS),
]


def _figure(v: int, rng: random.Random) -> str:
    return f"{v:,}" if v >= 10_000 or rng.random() < 0.6 else str(v)


def generate(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    start = dt.date(2022, 1, 1)
    facts = [(r, p, d) for r in range(len(RELATIONS)) for p in range(len(PLACES))
             for d in range(1096)]
    rng.shuffle(facts)
    claims: list[dict[str, Any]] = []
    for k, (rel, p, d) in enumerate(facts):
        if len(claims) >= n:
            break
        wordings, values = RELATIONS[rel]
        day = start + dt.timedelta(days=d)
        value = rng.choice(values)
        group = f"r{k}"
        for _ in range(rng.randint(1, 4)):
            v, gold, of = value, group, None
            if rng.random() < 0.05:  # an outlet with another round figure: a conflict
                v = rng.choice([x for x in values if x != value])
                gold, of = f"{group}c{v}", group
            if rng.random() < 0.15:  # "on Tuesday": the publication date says which day
                when = f"on {WEEKDAYS[day.weekday()]}"
                published = day
            else:
                when = f"on {spoken_date(day, rng)}"
                published = None
            text = rng.choice(wordings).format(v=_figure(v, rng), p=PLACES[p], d=when,
                                               D=when[0].upper() + when[1:])
            record(claims, text, rng, day, gold, of)
            if published is not None:
                claims[-1]["date"] = published.isoformat()
            if len(claims) >= n:
                break
    return claims
