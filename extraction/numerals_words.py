"""Number words of more languages of the reporting (Spanish, Portuguese, Italian, French,
German, Dutch, Polish, Czech, Serbo-Croatian, Bulgarian, Romanian, the Nordic languages,
Finnish, Hungarian, Greek, Turkish, Arabic, Indonesian): "cinco milhões", "Τρεις άνθρωποι",
"åtte millioner", "seis millones y medio"."""

from __future__ import annotations

import re

_WORDS = {
    1: "yksi",
    2: """dois duas zwei twee dwa dwie dwóch dva dvě dvije doi două två kaksi δύο iki
        kettő két dua اثنان اثنين""",
    3: """tres três tre trois drei drie trzy trzech tři tri trei kolme τρία τρεις üç tiga
        három ثلاثة ثلاث""",
    4: """cuatro quatro quattro quatre vier cztery czterech čtyři četiri patru fyra fyre
        neljä τέσσερα τέσσερις dört empat négy четири أربعة أربع""",
    5: """cinco cinque cinq fünf vijf pięć pięciu pět cinci viisi πέντε beş öt пет خمسة خمس""",
    6: """seis sechs zes sześć sześciu šest șase şase kuusi έξι altı enam шест ستة""",
    7: """siete sete sette sieben zeven siedem siedmiu sedm sedam șapte şapte sju syv
        seitsemän επτά εφτά yedi tujuh седем седам سبعة سبع""",
    8: """ocho oito huit acht osiem ośmiu osm osam åtte åtta otte kahdeksan nyolc οκτώ οχτώ
        sekiz delapan осем осам ثمانية ثماني opt""",
    9: """nueve nove negen dziewięć devět devet nio yhdeksän εννέα εννιά dokuz kilenc
        sembilan девет تسعة تسع""",
    10: """diez dez dieci dix zehn tien dziesięć deset zece kymmenen δέκα sepuluh tíz десет
        عشرة""",
    11: "undici onze elva έντεκα",
    12: "doze dodici douze zwölf twaalf dwanaście dvanáct dvanaest tolv δώδεκα",
    13: "trece treze tredici treize dreizehn",
    14: "catorce catorze quattordici quatorze vierzehn",
    15: "quince quinze quindici fünfzehn",
    20: """veinte vinte venti vingt zwanzig twintig dwadzieścia dvacet dvadeset douăzeci
        tjugo tjue tyve είκοσι yirmi húsz""",
    30: "treinta trinta trenta trente dreißig dertig trzydzieści trideset otuz τριάντα",
    40: "cuarenta quarenta quaranta quarante vierzig veertig czterdzieści četrdeset kırk σαράντα",
    50: "cincuenta cinquenta cinquanta cinquante fünfzig vijftig pięćdziesiąt pedeset elli πενήντα",
    100: "cien ciento cento hundert honderd hundra hundre εκατό",
}
# Words that are also common words of some language ("un" and "en" articles, "to", "on",
# "fire", "once", "due", "sei"): numbers only right before a scale word ("un milion",
# "to millioner", "bir milyon").
_AMBIGUOUS = {
    1: """un una uno um uma une ein eine eins een en ett et ένα μία μια bir egy satu jeden
        unu""",
    2: "dos to",
    6: "sei seks sex hat",
    7: "sept hét",
    9: "neuf ni nouă",
    10: "ti tio on",
    11: "elf once",
    12: "doce",
    16: "seize",
    4: "fire",
    8: "otto",
    100: "cent cem sto yüz",
    1000: "mille",
    5: "pet fem lima",
}
NUMBER_WORDS = {w: float(v) for v, ws in _WORDS.items() for w in ws.split()}
AMBIGUOUS_WORDS = {w: float(v) for v, ws in _AMBIGUOUS.items() for w in ws.split()}
# "y medio", "e meio", "e mezzo", "et demi", "und halb", "i pół", "și jumătate", "og en halv".
HALF_TAIL = (r"\s+(?:y|e|et|și|şi|si|i|og|och|en|und|ja|és|ve)\s+(?:en\s+)?"
             r"(?:medio|media|meio|meia|mezzo|demi|demie|halb|halv|half|pół|jumătate|puoli|fél|buçuk)"
             r"(?![\w'’ʼ])")
HALF_TAIL_RE = re.compile(HALF_TAIL, re.IGNORECASE)
