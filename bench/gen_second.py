"""A second generator, written apart from the matcher: aid, energy, grain, border crossings,
air defence and front-line distances; other units (MW, tonnes, km/miles, dollars, %), other
actors (agencies, ministries, governments) and other places than bench/gen_base.py."""

from __future__ import annotations

import datetime as dt
import random
from typing import Any

from bench.generated_sets import number, record, spoken_date

SHAPE = "6 relations x 3 wordings, 24 places, 14 actors, unit conversions, precise figures"

PLACES = ["Zaporizhzhia", "Izmail", "Chornomorsk", "Pivdennyi", "Uman", "Kremenchuk",
          "Kryvyi Rih", "Khmelnytskyi", "Lutsk", "Kropyvnytskyi", "Bila Tserkva", "Burshtyn",
          "Ladyzhyn", "Trypillia", "Dobrotvir", "Kaniv", "Pervomaisk", "Nikopol", "Marhanets",
          "Pavlohrad", "Konotop", "Shostka", "Okhtyrka", "Brovary"]
COUNTRIES = ["Poland", "Moldova", "Romania", "Slovakia", "Hungary"]
ACTORS = ["the IAEA", "UNHCR", "the World Food Programme", "the European Commission",
          "NATO officials", "Ukrenergo", "the Pentagon", "the Kremlin", "the regional governor",
          "the energy ministry", "the infrastructure ministry", "the Red Cross",
          "the World Bank", "the state emergency service"]

MILE = 1.609344


def _grain(v: int, p: str, d: str, a: str, rng: random.Random) -> list[str]:
    tonnes = number(v * 1000, rng)
    return [f"Ships carrying {tonnes} tonnes of grain left the port of {p} on {d}, {a} said.",
            f"On {d}, {tonnes} tonnes of grain were shipped out of {p}, according to {a}.",
            f"{a.capitalize()} reported grain exports of {tonnes} tonnes from {p} on {d}."]


def _power(v: int, p: str, d: str, a: str, rng: random.Random) -> list[str]:
    mw = number(v, rng)
    return [f"Strikes on {d} knocked out {mw} megawatts of generating capacity at {p}, {a} said.",
            f"The {p} power plant lost {mw} MW of capacity after the attack on {d}.",
            f"According to {a}, {mw} megawatts went offline at {p} on {d}."]


def _front(v: int, p: str, d: str, a: str, rng: random.Random) -> list[str]:
    km, miles = number(v, rng), number(round(v / MILE), rng)
    return [f"The front line was {km} kilometres from {p} on {d}, {a} said.",
            f"As of {d}, Russian positions stood about {miles} miles from {p}.",
            f"{a.capitalize()} put the distance between the front and {p} at {km} km on {d}."]


def _aid(v: int, p: str, d: str, a: str, rng: random.Random) -> list[str]:
    return [f"{a.capitalize()} pledged ${v} million to rebuild {p} on {d}.",
            f"On {d}, ${v} million was promised for reconstruction in {p} by {a}.",
            f"Reconstruction of {p} will receive ${v} million, {a} announced on {d}."]


def _border(v: int, p: str, d: str, a: str, rng: random.Random) -> list[str]:
    people = number(v, rng)
    return [f"{people} people crossed from Ukraine into {p} on {d}, its border guard said.",
            f"{p}'s border service counted {people} arrivals from Ukraine on {d}.",
            f"On {d}, {people} refugees entered {p} from Ukraine, according to {a}."]


def _intercept(v: int, p: str, d: str, a: str, rng: random.Random) -> list[str]:
    return [f"Air defences shot down {v}% of the drones launched at {p} overnight on {d}.",
            f"{v} percent of the drones aimed at {p} on {d} were intercepted, {a} said.",
            f"On {d}, {v}% of the attacking drones over {p} were destroyed, said {a}."]


# (wordings, value range, places to draw from)
RELATIONS = [(_grain, (80, 4000), PLACES), (_power, (40, 2600), PLACES),
             (_front, (6, 140), PLACES), (_aid, (3, 900), PLACES),
             (_border, (900, 140000), COUNTRIES), (_intercept, (55, 99), PLACES)]


def generate(n: int, seed: int = 7) -> list[dict[str, Any]]:
    rng = random.Random(seed)
    claims: list[dict[str, Any]] = []
    start = dt.date(2022, 3, 1)
    seen: set[tuple[int, str, dt.date]] = set()
    while len(claims) < n:
        rel = rng.randrange(len(RELATIONS))
        words, (low, high), places = RELATIONS[rel]
        place = rng.choice(places)
        day = start + dt.timedelta(days=rng.randrange(1300))
        if (rel, place, day) in seen:  # one fact per relation, place and day
            continue
        seen.add((rel, place, day))
        value = rng.randint(low, high)
        group = f"s{len(seen)}"
        for _ in range(rng.randint(1, 6)):
            v, gold, of = value, group, None
            if rng.random() < 0.05:  # another figure for the same thing: a conflict
                v = max(low, min(high, round(value * rng.choice([0.6, 0.75, 1.4, 1.8]))))
                if v == value:
                    v = value + max(2, value // 3)
                gold, of = f"{group}c{v}", group
            text = rng.choice(words(v, place, spoken_date(day, rng), rng.choice(ACTORS), rng))
            record(claims, text, rng, day, gold, of)
            if len(claims) >= n:
                break
    return claims
