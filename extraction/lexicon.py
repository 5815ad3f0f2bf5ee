"""Word lists and weights behind sentence splitting, claim scoring and claimant detection (data only).

Category and opinion cues are (label, weight, terms) in the term syntax of cues.py, matched on
word tokens in English, Ukrainian and Russian; the label is what the GUI shows as the reason a
cue fired.  Tune weights here, not in the scoring code.
"""

from __future__ import annotations


def words(text: str) -> list[str]:
    """Whitespace-separated words of a string literal (keeps long word lists readable)."""
    return text.split()


# --- sentence splitting ---------------------------------------------------------------------

# Abbreviations after which a period never ends a sentence (titles are followed by names).
ABBREV_ALWAYS = frozenset(
    words("""mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm brig sen rep gov pres
    st mt ft jr sr rev hon messrs vs v e.g i.e cf approx est dept univ al fig ca
    """)
)
# Abbreviations that continue the sentence when a number follows ("Feb. 12", "No. 5").
ABBREV_BEFORE_NUMBER = frozenset(
    words("""jan feb mar apr jun jul aug sep sept oct nov dec no nos p pp vol art ch sec para
    tel ext""")
)
# Abbreviations that end a sentence only when a typical sentence opener follows.
ABBREV_SENTENCE_FINAL = frozenset(words("etc inc corp ltd co bros"))
# Ukrainian and Russian abbreviations after which a period ends a sentence only when a typical
# sentence opener follows: titles and ranks ("ген. Залужний"), scale and currency words
# ("5 тис. «Шахедів»"), the parts of "т. ч." / "т.е." / "т. д." and the like.
CYRILLIC_ABBREV = frozenset(
    words("""ген генерал-лейт полк підполк подполк капт проф акад доц д-р канд заст зам вул ул
    просп пл обл р-н с смт пос ім им див см т ч е д п пор напр тобто англ укр рос тис тыс млн
    млрд грн руб коп""")
)
# ... the same after a number ("2014 р. Росія", "12 дек. 2022"): years, months, numbers.
CYRILLIC_ABBREV_AFTER_NUMBER = frozenset(
    words("""р рр г гг ст січ лют бер квіт трав черв лип серп вер жовт лист груд янв фев мар апр
    июн июл авг сен сент окт нояб дек""")
)
CYRILLIC_SENTENCE_STARTERS = frozenset(
    words("""Це Цей Ця Ці Він Вона Вони Воно Ми Я Ви Але І Й А Та Тоді Потім Після Проте Однак
    Також Так Ні Тому Отже Водночас Зокрема Утім Втім Натомість Сьогодні Вчора Наразі Нині Там
    Тут Як Коли Хоча Якщо Щоб Що Хто Де Чому Це Это Этот Эта Эти Он Она Они Оно Мы Вы Но И Тогда
    Потом После Однако Также Нет Поэтому Итак Впрочем Сегодня Вчера Сейчас Там Здесь Как Когда
    Хотя Если Чтобы Что Кто Где Почему По За На У В З Із До От Из Для При Про Об Без Над Під Под""")
)
# Capitalised words that typically open a sentence; used to decide "U.S. The ..." vs
# "U.S. President ..." and "World War I. Not ..." vs "J. D. Vance".
SENTENCE_STARTERS = frozenset(
    words("""The A An In On At It He She They We I You This That These Those But And Or So Yet As
    After Before Meanwhile However Still Then There Here When While If Since Although Though
    Also For From To With Without By Of Its His Her Their Our My Not No Many Most Some All
    Both Each Every What Who Why How Where Which Earlier Later Last Next According Despite
    During Under Over Instead Moreover Furthermore Thus Therefore Indeed Now Today Yesterday
    Such Other Another Even Only Just Nor Once Until Unlike Like Among Officials""")
)

# --- claim categories -----------------------------------------------------------------------
# Cues are (label, weight, terms) in the term syntax of cues.py: "peace plan", "negotiat*"
# (prefix), "lost ? lives" (any one token), "=may" (case-sensitive).  "Strong" cues alone can
# establish a category, "weak" ones only support it; scoring.py applies the requirements.

MINSK_STRONG = [
    ("Minsk agreement", 0.5, [
        "minsk i", "minsk ii", "minsk 1", "minsk 2", "minsk agreement*", "minsk accord*",
        "minsk deal*", "minsk protocol*", "minsk process", "minsk implementation", "minsk format",
        "minsk arrangement*", "minsk peace", "minsk memorandum", "minsk ceasefire",
        "signed in minsk", "reached in minsk", "concluded in minsk",
        "мінськ* угод*", "мінськ* домовленост*", "мінськ* протокол*", "мінськ 2", "мінськ 1",
        "минск* соглашени*", "минск* договор*", "минск* протокол*", "минск 2", "минск 1",
    ]),
    ("Normandy format", 0.5, [
        "normandy format", "normandy four", "normandy quartet", "normandy talks",
        "normandy summit", "normandy group", "нормандськ* формат*", "нормандськ* четв*",
        "нормандск* формат*", "нормандск* четв*",
    ]),
    ("Package of Measures", 0.5, ["package of measures"]),
]
# Alias-table keys whose mention makes a sentence a Minsk claim.
MINSK_ALIAS_KEYS = frozenset({"minsk_i", "minsk_ii", "minsk_agreements", "normandy_format"})

CASUALTIES_STRONG = [
    ("casualty word", 0.3, [
        "killed", "kill", "kills", "killing", "casualty", "casualties", "fatality", "fatalities",
        "death", "deaths", "dead", "died", "die", "dying", "wounded", "injured", "injuries", "kia",
        "massacre", "massacred", "massacres", "slaughtered", "executed", "perished", "losses",
        "death toll", "body count", "bodies",
    ]),
    ("casualty phrase", 0.35, [
        "burned alive", "burnt alive", "lost ? lives", "lost ? life", "loss of life",
        "loss of lives", "loss of human life", "loss of human lives", "lives lost",
        "lives were lost", "lives have been lost", "missing in action", "taken prisoner",
    ]),
    ("casualty word (uk/ru)", 0.3, [
        "загин*", "загибл*", "вбит*", "убит*", "погиб*", "поранен*", "ранен*", "втрат*",
        "потер*", "жертв*", "смерт*",
    ]),
]
CASUALTIES_EXCLUDE = ["dead end", "deadly serious"]

TERRITORY_STRONG = [
    ("territory word", 0.25, [
        "territory", "territories", "territorial", "land", "lands", "occupy", "occupied",
        "occupies", "occupying", "occupation", "capture", "captured", "captures", "capturing",
        "seize", "seized", "seizes", "seizing", "seizure", "annex*", "liberat*", "retake",
        "retaken", "retakes", "retaking", "retook", "recaptur*", "incursion", "salient",
    ]),
    ("control", 0.2, ["control", "controlled", "controls", "controlling"]),
    ("ground gained/lost", 0.3, [
        "gain* ground", "gain* more ground", "gain* land", "gain* territory", "lose ground",
        "losing ground", "lost ground", "lose more ground", "lost more ground", "give up ground",
        "giving up ground", "cede*", "ceding", "take back", "taken back", "taking back",
        "took back", "took control", "take control", "taking control", "took over",
    ]),
    ("advance", 0.25, ["advance", "advanced", "advances", "advancing"]),
    ("sovereignty change", 0.3, [
        "join russia", "joined russia", "joins russia", "joining russia",
        "join the russian federation", "joined the russian federation",
        "join russian federation", "joined russian federation", "declare independence",
        "declared independence", "declares independence", "declaring independence",
        "proclaim* independence", "secede*", "secession", "belong to russia",
        "belongs to russia", "belonged to russia", "belong to ukraine", "belongs to ukraine",
        "belonged to ukraine", "part of russia", "part of ukraine", "part of the russian federation",
    ]),
    ("territory word (uk/ru)", 0.25, [
        "окуп*", "оккуп*", "захоп*", "захва*", "звільн*", "освобо*", "контрол*", "територ*",
        "анекс*", "аннекс*", "просув*", "продвин*", "продвиж*", "відвоюв*", "отвоева*",
    ]),
]
TERRITORY_WEAK = [
    ("front line", 0.1, ["front", "frontline", "frontlines", "front line", "fronts", "line of contact", "lines of contact"]),
    ("withdrawal", 0.1, [
        "withdraw", "withdrawn", "withdraws", "withdrawing", "withdrawal", "withdrew", "retreat",
        "retreated", "retreats", "retreating", "pull out", "pulled out", "pull back", "pulled back",
    ]),
    ("region", 0.05, [
        "region", "regions", "oblast", "oblasts", "province", "provinces", "border", "borders",
        "town", "towns", "village", "villages", "city", "cities",
    ]),
    ("encirclement", 0.1, ["surround", "surrounded", "surrounding", "encircled", "encirclement", "encircling", "blockade", "isolated"]),
    ("hold", 0.05, ["hold", "holds", "held", "holding"]),
    ("offensive", 0.05, ["counteroffensive", "counter offensive", "offensive", "push"]),
    ("referendum", 0.1, ["referendum", "referendums", "referenda"]),
]
TERRITORY_EXCLUDE = [
    "in advance", "advance notice", "advance warning", "advance payment", "advanced weapon*",
    "advanced system*", "advanced missile*", "advanced technolog*", "advanced air",
    "control and verification", "control of the situation", "control of the narrative",
    "arms control", "in front of", "self control", "land mine*", "landmine*",
]

NEGOTIATIONS_STRONG = [
    ("talks", 0.3, [
        "talks", "negotiat*", "ceasefire", "ceasefires", "cease fire", "cease fires", "truce",
        "truces", "armistice", "summit", "delegation", "delegations", "memorandum", "memoranda",
        "envoy", "envoys", "mediat*", "communique", "communiques", "communiqué", "communiqués",
        "cessation", "concession", "concessions", "ultimatum", "prisoner exchange",
        "prisoner exchanges", "prisoner swap", "prisoner swaps", "exchange of prisoners", "peace talks",
    ]),
    ("proposal", 0.25, [
        "proposal", "proposals", "propose", "proposed", "proposes", "proposing", "treaty",
        "treaties", "pact", "framework agreement",
    ]),
    ("meeting", 0.25, [
        "meeting", "meetings", "met", "meet", "meets", "phone call", "phone calls",
        "telephone call", "phone conversation", "telephone conversation", "call between",
    ]),
    ("peace deal", 0.3, [
        "peace plan", "peace deal", "peace agreement", "peace treaty", "peace process",
        "peace proposal", "peace settlement", "peace resolution", "peace framework",
        "peace formula", "peace summit", "peace initiative", "peace negotiat*",
        "peaceful resolution", "peaceful settlement",
    ]),
    ("security arrangement", 0.25, [
        "security guarantee*", "security arrangement*", "security architecture",
        "security assurance*", "security pact",
    ]),
    ("talks (uk/ru)", 0.3, [
        "переговор*", "перемир*", "припинення вогню", "прекращени* огня", "зустріч*", "встреч*",
        "саміт*", "саммит*", "делегац*", "меморандум*", "пропозиц*", "предложени*",
        "обмін полонен*", "обмен пленн*", "обміну полонен*", "обмена пленн*",
    ]),
]
NEGOTIATIONS_WEAK = [
    ("peace", 0.1, ["peace", "peaceful"]),
    ("agreement", 0.1, ["agreement", "agreements", "deal", "deals", "agree", "agreed", "agrees", "agreeing", "accord", "accords"]),
    ("diplomacy", 0.1, [
        "dialogue", "diplomat*", "bilateral", "contact", "contacts", "visit", "visited", "visits",
        "visiting", "discuss", "discussed", "discusses", "discussing", "discussion", "discussions",
        "demand", "demands", "conditions", "deadline", "end the war", "end this war",
        "end the conflict", "end this conflict", "hostilities", "settlement",
        "appeal", "request", "surrender", "lay down their arms", "lay down arms", "de-escalation",
        "military presence", "goodwill", "gesture of goodwill", "guarantee", "guarantees",
    ]),
    ("agreement (uk/ru)", 0.1, ["угод*", "соглашени*", "мирн*"]),
]
NEGOTIATIONS_EXCLUDE = ["warsaw pact", "peace of mind", "met with criticism", "met with frustration", "been met"]

POLL_STRONG = [
    ("survey word", 0.4, [
        "poll", "polls", "polled", "pollster", "pollsters", "polling", "survey", "surveys",
        "surveyed", "respondents", "sociolog*", "levada", "kiis", "gallup", "razumkov", "vtsiom",
        "rating group", "опитуван*", "опитан*", "опрос*", "опрошен*", "респондент*", "соцопит*",
        "соцопрос*",
    ]),
]
# "18% of veterans said/support ..." reports a survey share even without the word "poll";
# checked only in sentences with a percentage.
POLL_SHARE = (
    "share of a group saying/supporting",
    r"\d(?:[\d.,]*)\s*(?:%|percent|per\s+cent)\s+of\s+(?:[\w’'-]+\s+){0,6}?(?:said|say|says|believe[sd]?|think|thought|support(?:ed|s)?|oppose[sd]?|would|want(?:ed|s)?|back(?:ed|s)?|favou?r(?:ed|s)?|trust(?:ed|s)?|approve[sd]?|disapprove[sd]?|consider(?:ed|s)?|agree[sd]?|disagree[sd]?|expect(?:ed|s)?|feel|felt)\b",
    0.35,
)

# --- scoring weights --------------------------------------------------------------------------

BASE_SCORE = 0.1
# Weight of each figure kind; the largest counts fully, the rest at half weight, capped.
FIGURE_WEIGHTS = {
    "percent": 0.3, "fraction": 0.25, "area": 0.35, "distance": 0.2, "money": 0.25,
    "range": 0.25, "count_people": 0.25, "count_large": 0.2, "count_small": 0.08,
    "duration": 0.12, "date_day": 0.18, "date_month": 0.14, "date_relative": 0.08,
}
FIGURE_CAP = 0.45
# Cap of each category's cue weight; the winning category's capped weight is added.
CATEGORY_CAPS = {
    "minsk": 0.5, "casualties": 0.4, "territory": 0.4, "negotiations": 0.35, "poll": 0.4,
}
# When categories tie, the more specific one wins.
# An area figure ("110 square miles") alone makes a territory claim and adds this weight.
TERRITORY_AREA_WEIGHT = 0.25
CATEGORY_PRIORITY = ("minsk", "poll", "casualties", "territory", "negotiations")
ENTITY_WEIGHT = 0.06      # per alias-table hit (person, place, agreement, organisation)
PROPER_NOUN_WEIGHT = 0.03  # per other capitalised word inside the sentence
ENTITY_CAP = 0.18
ATTRIBUTION_WEIGHT = 0.1
# A dated event: a date with a year, month or day and a named actor in a full sentence.
DATED_EVENT_WEIGHT = 0.1
DATED_EVENT_MIN_WORDS = 6
# A timeline entry: the sentence opens with a date and a colon ("Feb. 12, 2015: ...").
TIMELINE_WEIGHT = 0.1
# A photo caption ends with ", <date>." and makes no claim of its own.
CAPTION_PENALTY = -0.15
CONTEXT_WEIGHT = 0.3      # a short follow-up sentence inheriting the previous claim's category
NO_CATEGORY_PENALTY = -0.1
# A claim needs a checkable core: a figure (not a small bare count), a date, a named agreement,
# or a named actor with a verb of a verifiable event ("met", "signed", "proposed", "rejected").
NO_CORE_PENALTY = -0.1
# ... and an opinion without one is not a claim at all.
OPINION_WITHOUT_CORE_PENALTY = -0.15
EVENT_VERBS = frozenset(
    words("""met signed agreed agree agrees endorsed proposed offered rejected refused accepted approved
    ratified adopted announced declared visited flew travelled traveled arrived hosted held attended
    exchanged released freed returned withdrew withdrawn launched began started ended suspended resumed
    stalled collapsed broke violated imposed lifted captured capturing seized seizing retook recaptured
    occupied annexed invaded recognized recognised voted elected killed died wounded injured shelled
    struck fired attacked downed destroyed advancing advanced isolated encircled surrounded spoke talked
    discussed phoned urged demanded warned threatened accused admitted admits confirmed denied described
    told said stated expected reported ordered appointed dismissed sent delivered supplied received
    overruled deferred allowed established founded created absorbed signs agreeing proposes rejects
    meets visits reject rejects object objects objected downplayed addressed stressed emphasized
    emphasised insisted acknowledged pledged promised guaranteed gave""")
)
# The same for Ukrainian and Russian (past-tense stems, matched as prefixes of a token).
EVENT_VERB_STEMS_CYR = (
    "зустрі", "встрети", "встреча", "підписа", "подписа", "погоди", "соглас", "запропонува", "предложи",
    "відхили", "отклони", "відмови", "отказа", "ухвали", "принял", "прийня", "оголоси", "объяви",
    "заяви", "відвіда", "посети", "прибу", "прибы", "провели", "провів", "провел", "обміня", "обменя",
    "звільни", "освободи", "поверну", "верну", "вивів", "вивели", "вывел", "почал", "розпоча", "начал",
    "заверши", "заверши", "призупини", "приостанови", "віднови", "возобнови", "захопи", "захвати",
    "окупува", "оккупирова", "загину", "погиб", "вбил", "убил", "поранен", "ранен", "обстріля",
    "обстреля", "атакува", "атакова", "розмовля", "разговарива", "обговори", "обсуди", "говори",
    "сказа", "повідоми", "сообщи", "підтверди", "подтверди", "запереч", "отрица", "вимага", "требова",
)

# Opinion and rhetoric (label, weight < 0, terms).
OPINION_CUES = [
    ("first-person opinion", -0.25, [
        "i think", "we think", "i believe", "we believe", "i guess", "i hope", "we hope",
        "i feel", "i suppose", "i reckon", "i doubt", "i don't think", "i do not think",
        "we don't think", "i don't believe", "i really think", "i'm sure", "i am sure",
        "i'm convinced", "i am convinced", "i am absolutely convinced", "i'm absolutely convinced",
        "i am certain", "i would like to", "we would like to", "i'd like to",
        "i would first like to", "in my view", "in my opinion", "one could argue", "it seems",
        "let's", "we need",
    ]),
    ("hedge/modal", -0.08, [
        "might", "=may", "could", "should", "must", "ought", "perhaps", "possibly", "probably",
        "likely", "unlikely", "potentially", "maybe", "seemingly", "apparently", "need to",
        "needs to", "have to", "has to",
    ]),
    ("generic you", -0.1, ["you", "your"]),
    ("conditional", -0.04, ["would"]),
    ("prediction", -0.06, ["will", "won't", "going to"]),
    ("evaluative word", -0.08, [
        "bizarre*", "witless", "clueless", "crazy", "stubborn*", "masterful*", "skilful*",
        "skillful*", "delusional", "unbelievabl*", "appropriately", "tellingly", "surreal*",
        "horrible", "terrible", "shameful", "disgraceful", "absurd", "ridiculous", "stupid",
        "brilliant*", "pathetic", "outrageous", "phony", "pampered", "hedonistic", "maximalist",
        "graciously", "coyly", "incredulously", "defiantly", "stunningly", "inflated",
        "unsurprisingly", "obviously", "of course", "surely", "inevitabl*", "existential",
        "heroic", "noble", "legendary", "intriguing", "paramount", "taboo", "victim", "villain",
        "villains", "mob", "huge", "wonderful", "awful", "disastrous", "catastrophic", "shocking",
        "sadly", "hopefully", "cynical*", "hypocri*", "propaganda", "puppet", "puppets", "regime",
        "sacred", "evil", "glorious", "humiliat*", "botched", "embittered", "bitterness",
        "resentment", "mistake", "wrong", "notable", "remarkabl*",
    ]),
]
# "As you know" and "thank you" address the audience; they are not generic "you".
OPINION_EXCLUDE = ["as you know", "you know", "thank you"]
# Only at the start of a sentence.
EXHORTATION_CUES = [
    ("exhortation", -0.2, ["please", "imagine", "remember", "consider", "see what", "let us", "let's", "bring down"]),
]
OPINION_CAPS = {"hedge/modal": -0.2, "evaluative word": -0.24, "generic you": -0.1}
QUESTION_PENALTY = -0.3        # a question that opens with a question word or is short
EMBEDDED_QUESTION_PENALTY = -0.1
QUESTION_OPENERS = frozenset(
    words("""what who whom whose why how where when which can could is are was were do does did will
    would should shall may might has have had isn't aren't don't doesn't didn't won't""")
)
SHORT_SENTENCE_WORDS = 5       # fewer words than this: fragment, byline, caption
SHORT_PENALTY = -0.2
MEDIUM_SENTENCE_WORDS = 8
MEDIUM_PENALTY = -0.08
NO_TERMINAL_PENALTY = -0.2     # headline, byline or caption without final punctuation

# --- context (anaphora) -------------------------------------------------------------------------
# A short sentence opening like this continues the previous claim ("It fails to ...").
ANAPHORIC_OPENERS = r"^(?:it|this|that|they|these|those|the\s+(?:accord|agreement|deal|treaty|treaties|protocol|document|talks|ceasefire|truce|memorandum|plan|proposal|proposals|meeting|summit|pact))\b"
# ... or reacts to it ("The U.S. and U.K. object.").
REACTION_VERBS = r"\b(?:reject(?:s|ed)?|object(?:s|ed)?|accept(?:s|ed)?|endorse[sd]?|approve[sd]?|ratif(?:y|ies|ied)|sign(?:s|ed)?|welcome[sd]?|refuse[sd]?|den(?:y|ies|ied)|violat(?:e|es|ed)|fail(?:s|ed)?|collapse[sd]?|abandon(?:s|ed)?|implement(?:s|ed)?)\b"
CONTEXT_MAX_WORDS = 15
# Copular comments ("That is a notable fact.") do not continue a claim.
CONTEXT_EXCLUDED_OPENERS = r"^(?:it|this|that)\s+(?:is|was|'s|’s|seems|means)\b"
CONTEXT_CATEGORIES = frozenset({"minsk", "negotiations", "territory", "casualties"})

# --- claimant ---------------------------------------------------------------------------------
# Verbs of saying after (or before) the person making the claim.
ATTRIBUTION_VERBS = words(
    "said says say told tells stated states claimed claims claim announced announces deemed "
    "deems noted notes warned warns argued argues insisted insists stressed stresses emphasized "
    "emphasised emphasizes emphasises added adds confirmed confirms denied denies admitted admits "
    "acknowledged acknowledges explained explains wrote writes reported reports believes believe "
    "believed estimated estimates estimate informed informs declared declares predicted predicts "
    "revealed reveals confessed confesses suggested suggests urged urges continued alleged alleges "
    "described describes speculated speculating assured assures promised promises proposed "
    "indicated indicate indicates showed show shows concluded concludes tweeted posted "
    "countered replied responded complained recalled asserted asserts maintained maintains "
    "contended contends observed observes remarked"
)
ATTRIBUTION_VERBS_CYR = words(
    "заявив заявила заявили заявил заявила заявили сказав сказала сказали сказал "
    "повідомив повідомила повідомили сообщил сообщила сообщили зазначив зазначила отметил "
    "отметила наголосив подчеркнул підкреслив пояснив пояснил вважає считает"
)
# Words that cannot head a claimant phrase.
CLAIMANT_STOP = frozenset(
    words("""it this that there which what who whom these those one ones everyone nobody somebody
    someone anyone something nothing everything""")
)
PRONOUNS = frozenset(words("he she they we i you"))
# A claimant of one generic word names nobody a fact-checker could ask ("Reports indicated ...",
# "Media reported ..."); "Russian officials" or "Meduza's sources" still name someone.
GENERIC_CLAIMANTS = frozenset(
    words("""reports report media news stories story articles article headlines many some others most
    people officials sources analysts experts observers critics commentators insiders witnesses
    residents everybody""")
)
