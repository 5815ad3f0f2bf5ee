"""The events a dated claim names (invasion, recognition, signing, capture ...): two days are a conflict only for one event."""

from __future__ import annotations

import re
from functools import lru_cache

# Kinds of event a date is given for, each with the word stems that name it (English,
# Ukrainian, Russian). A stem matches the start of a word; a phrase matches as written.
EVENT_STEMS: dict[str, tuple[str, ...]] = {
    "invasion": ("invasion", "invade", "invading", "вторгнен", "вторгл", "вторжен",
                 "вторгся"),
    "recognition": ("recognis", "recogniz", "recognition", "визнав", "визнала", "визнали",
                    "визнання", "визнати", "признал", "признани", "признать"),
    "signing": ("signed", "signing", "signs", "signature", "підписа", "подписа"),
    "withdrawal": ("withdraw", "withdrew", "withdrawal", "pulled out", "pull out", "retreat",
                   "вивед", "вивід", "відвед", "отвод", "вывод", "вывел", "отступ", "відступ"),
    "capture": ("seize", "seized", "seizure", "captur", "took control", "taken control",
                "take control", "taking control", "full control", "occupied", "захоп",
                "захват", "захвати", "взяли", "взят", "під контроль", "под контроль"),
    "warrant": ("warrant", "ордер"),
    "attack": ("attack", "strike", "struck", "bombard", "shelling", "атак", "удар", "обстріл",
               "обстрел"),
    "talks": ("talks", "summit", "negotiat", "переговор", "саміт", "саммит", "зустріч",
              "встреч"),
    "deadline": ("deadline", "ultimatum", "дедлайн", "ультиматум"),
    "ceasefire": ("ceasefire", "cease-fire", "truce", "перемир"),
    "vote": ("vote", "voted", "referendum", "election", "ballot", "голосуван", "голосован",
             "референдум", "вибор", "выбор"),
    "exchange": ("exchange", "swap", "обмін", "обмен"),
    "explosion": ("blast", "explosion", "exploded", "вибух", "взрыв"),
    "surrender": ("surrender", "laid down their arms", "lay down their arms", "капітул",
                  "капитул", "здали", "сдали", "сдались", "здались"),
}

_WORD = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)


@lru_cache(maxsize=1 << 14)
def events_named(text: str) -> frozenset[str]:
    """The kinds of event (keys of EVENT_STEMS) the sentence names anywhere."""
    lowered = text.casefold()
    words = _WORD.findall(lowered)
    found = set()
    for kind, stems in EVENT_STEMS.items():
        for stem in stems:
            if (" " in stem and stem in lowered) or (
                    " " not in stem and any(w.startswith(stem) for w in words)):
                found.add(kind)
                break
    return frozenset(found)


def events_differ(text_a: str, text_b: str) -> tuple[str, str] | None:
    """Both sentences name the event they date, and no event is named by both ("Feb. 21-22:
    Putin recognises the republics" / "Feb. 24: Russia launches its invasion"): two days of
    two events, never a date conflict. None when either names no event we know (then the
    model decides) or they share one."""
    ea, eb = events_named(text_a), events_named(text_b)
    if not ea or not eb or ea & eb:
        return None
    return ", ".join(sorted(ea)), ", ".join(sorted(eb))
