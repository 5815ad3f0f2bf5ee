"""Throughput of claim extraction on generated articles (articles per second).

Usage: python bench/bench_extraction.py [--articles N] [--seed S]
Articles are assembled from sentence templates written for this benchmark (no real articles),
mixing checkable claims, quotes, opinion, headlines and timelines at news-like proportions.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from extraction import extract_claims  # noqa: E402

PLACES = ["Kupiansk", "Pokrovsk", "Kharkiv", "Zaporizhzhia", "Kherson", "Sumy", "Toretsk", "Chasiv Yar",
          "Vuhledar", "Lyman", "Kurakhove", "Siversk", "the Donetsk region", "the Kursk region", "Odesa"]
PEOPLE = ["Peskov", "Zelensky", "Putin", "Lavrov", "Sybiha", "Witkoff", "Umerov", "Yermak", "Medinsky",
          "Rubio", "Macron", "Starmer", "Erdogan", "Kellogg", "Dmitriev"]
ROLES = ["a Kremlin spokesman", "the foreign minister", "a senior European diplomat", "the general staff",
         "an adviser to the president", "the regional governor", "a NATO official", "analysts at ISW"]
OUTLETS = ["Reuters", "the BBC", "Meduza", "Kyiv Independent", "Le Monde", "the Financial Times"]
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December"]

CLAIMS = [
    "Russian troops advanced about {n} square kilometres near {place} over the past week, {role} said.",
    "Ukrainian forces retook two villages east of {place} on {weekday}, according to {outlet}.",
    "Moscow now controls roughly {pct}% of Ukraine's territory, up from {pct2}% a year ago.",
    "At least {big} civilians have been killed in {place} since {year}, the UN monitoring mission reported.",
    "{person} said losses on both sides exceeded {big} soldiers in {month}.",
    "Shelling of {place} killed {small} people and wounded {small2} more overnight, officials said.",
    "The Minsk II agreement, signed on Feb. 12, 2015, was never fully implemented, {person} argued.",
    "Leaders of the Normandy format last met in Paris in December 2019.",
    "Delegations from both countries met in {city} on {month} {day} for talks on a {days}-day ceasefire.",
    "{person} told {outlet} that a memorandum on a truce would be ready within two weeks.",
    "{person} and {person2} spoke by phone for {hours} hours on {weekday}, the Kremlin said.",
    "A {pollster} poll found that {pct}% of Ukrainians oppose ceding land for peace.",
    "According to a survey published in {month} {year}, {pct}% of respondents trust the army.",
    "The EU approved a €{money} billion aid package for reconstruction in {year}.",
    "Grain exports through Odesa rose by {pct}% in {month}, the ministry said.",
    "{month} {day}, {year}: {person} visits {city} for a summit on security guarantees.",
]
OPINION = [
    "Few people in the capital believe that this round will be any different from the last, and the mood is weary.",
    "I think the West has run out of patience, and it shows in every speech its leaders give these days.",
    "Is anyone still listening to these promises, or have both sides simply stopped pretending to negotiate?",
    "That would be a disastrous mistake for everyone involved, and the people who live near the front would pay for it.",
    "Perhaps the real question is what comes after the war, when the soldiers return home to towns that have changed.",
    "The mood in the city is grim but determined, and queues outside the recruitment offices have not grown shorter.",
    "Nobody can say how long this will last, but shopkeepers near the station have started to board up their windows.",
    "It is a cynical game, and both sides know it, even if neither is willing to say so in public.",
    "Diplomats who attended the dinner describe the atmosphere as tense but polite, with little sign of a breakthrough.",
    "Critics call the plan naive, arguing that it rewards aggression and leaves the hardest questions for later.",
    "“We are not going anywhere,” one soldier said as he loaded supplies into a battered van outside the base.",
    "The streets were quiet on the morning after the strike, apart from the sound of glass being swept from the pavements.",
]
HEADLINES = ["{person} rejects truce terms as fighting rages near {place}",
             "Talks in {city} end without breakthrough",
             "Front line shifts around {place}"]
CITIES = ["Istanbul", "Riyadh", "Geneva", "Jeddah", "Abu Dhabi", "Minsk", "Paris"]
POLLSTERS = ["KIIS", "Levada", "Razumkov Centre", "Rating Group"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]


def make_article(rng: random.Random) -> tuple[str, date]:
    published = date(2022, 3, 1) + timedelta(days=rng.randrange(1200))

    def fill(template: str) -> str:
        p1, p2 = rng.sample(PEOPLE, 2)
        return template.format(
            n=rng.randrange(5, 400), place=rng.choice(PLACES), role=rng.choice(ROLES),
            weekday=rng.choice(WEEKDAYS), outlet=rng.choice(OUTLETS), pct=rng.randrange(2, 80),
            pct2=rng.randrange(2, 80), big=f"{rng.randrange(1, 90) * 1000:,}", year=rng.randrange(2014, 2026),
            person=p1, person2=p2, month=rng.choice(MONTHS), small=rng.randrange(2, 40),
            small2=rng.randrange(2, 90), city=rng.choice(CITIES), day=rng.randrange(1, 29),
            days=rng.choice([30, 60, 90]), hours=rng.choice(["two", "three", "five"]),
            pollster=rng.choice(POLLSTERS), money=rng.choice(["1.5", "2", "50"]),
        )

    parts = [fill(rng.choice(HEADLINES)), "", published.strftime("%B %d, %Y").replace(" 0", " "), ""]
    for _ in range(rng.randrange(6, 16)):
        paragraph = [fill(rng.choice(CLAIMS if rng.random() < 0.4 else OPINION)) for _ in range(rng.randrange(2, 6))]
        parts.append(" ".join(paragraph))
        parts.append("")
    return "\n".join(parts), published


def _reference_loop() -> float:
    """CPU seconds of a plain Python loop, to compare runs on machines of different speed."""
    c0 = time.process_time()
    total = 0
    for i in range(10_000_000):
        total += i
    return time.process_time() - c0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=3000)
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args(argv)
    rng = random.Random(args.seed)
    articles = [make_article(rng) for _ in range(args.articles)]
    words = sum(len(text.split()) for text, _ in articles)
    extract_claims(articles[0][0])  # load the alias table and compile patterns
    calibration_s = _reference_loop()
    t0, c0 = time.perf_counter(), time.process_time()
    claims = 0
    for text, published in articles:
        claims += len(extract_claims(text, published=published))
    wall, cpu = time.perf_counter() - t0, time.process_time() - c0
    print(f"{len(articles)} generated articles, {words} words, {claims} proposed claims")
    print(f"{len(articles) / wall:,.0f} articles/s (wall {wall:.2f} s, CPU {cpu:.2f} s)")
    print(f"{words / wall:,.0f} words/s; {cpu / words * 5000 * 1000:.1f} ms CPU per 5,000 words")
    print(f"(CPU reference: a 10-million-step Python loop took {calibration_s:.2f} s CPU here; "
          "scale the figures above by it when comparing machines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
