"""Figures in article text: percentages, areas, counts, money, durations, ranges and dates.

A figure keeps its exact source span; ``value``/``unit`` say what it is in the article's terms and
``si_value``/``si_unit`` in a canonical unit so matching can compare "110 square miles" with
"285 km²".

Kinds and units
---------------
=========  ==============================================  ==========================
kind       unit                                            si_unit
=========  ==============================================  ==========================
percent    'percent', 'pp' (percentage points)             same as unit
fraction   'percent' ("a fifth" -> 20)                     'percent'
area       'km2', 'mi2', 'm2', 'ha', 'acre'                'km2'
distance   'km', 'mi', 'm'                                 'km'
count      'people' (followed by a word for people), None  same as unit
money      'usd', 'eur', 'gbp', 'rub', 'uah'               same as unit (no FX rates)
duration   'second' ... 'day', 'week', 'month', 'year',    'day'
           'decade', 'century'
range      the unit of the ends (any of the above)         as for that unit
date       'date'; value None, ``date`` = ISO 'YYYY-MM-DD', None
           'YYYY-MM' or 'YYYY' (None when relative and
           the article date is unknown)
=========  ==============================================  ==========================

``qualifier`` is one of 'more than', 'at least', 'nearly', 'about', 'up to', 'less than',
'hundreds of' (and 'tens of', 'thousands of', 'dozens of', ...), 'several', 'a few', a change
word ('drop', 'rise', ...) after a percentage, 'decade' for "the 1990s", 'range' for
"March-April 2022", or 'early'/'mid'/'late' for dates.  Ukrainian and Russian qualifiers map to
the same ("близько"/"около" -> 'about', "понад"/"більше ніж"/"более" -> 'more than', "майже" ->
'nearly', "менше ніж"/"менее" -> 'less than').

Numbers
-------
Digits take thousands separators (comma; thin, narrow or no-break space; a plain space before
a percent sign or a Cyrillic word: "10 000 осіб") and a decimal point, or a decimal comma in
Ukrainian/Russian style ("0,6 %", "18,5 відсотка").  Words and digits take a half or a quarter
("one and a half percent", "two and a half million", "1 1/2", "1½"; "a percent and a half",
"a year and a half") and a scale ("5 million", "5 тис.", "2,5 млн", "1 млрд").

A fraction of a quantity multiplies it: "six tenths of one percent" is 0.6 percent, "half a
million people" 500,000 people, "half an hour" 0.5 hour, "half of 1 percent" 0.5 percent; a
fraction of a group ("half of 10,000 troops") stays a fraction and a count.  Ukrainian and
Russian fractions are fractions: "п'ята частина"/"пятая часть" 20, "чверть"/"четверть" 25,
"половина" 50, "третина"/"треть" 33.33, "дві третини" 66.67.

Speed: a figure can only start at a digit, a currency sign or one of a few hundred words, so
those are found first (with str/bytes operations, not a regex pass over every token) and only
the patterns that what follows makes possible are tried there (see _triggers).
"""

from .model import Figure
from .parsing import parse_figures
from .patterns import CANONICAL_QUALIFIERS

__all__ = ["CANONICAL_QUALIFIERS", "Figure", "parse_figures"]
