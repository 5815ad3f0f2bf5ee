"""Word lists and weights behind sentence splitting, claim scoring and claimant detection (data only).

Patterns are regular-expression fragments matched case-insensitively against the sentence
(English, Ukrainian and Russian).  Each cue is (label, pattern, weight); the label is what the
GUI shows as the reason a cue fired.  Tune weights here, not in the scoring code.
"""

from __future__ import annotations

# --- sentence splitting ---------------------------------------------------------------------

# Abbreviations after which a period never ends a sentence (titles are followed by names).
ABBREV_ALWAYS = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt cmdr adm brig sen rep gov pres
    st mt ft jr sr rev hon messrs vs v e.g i.e cf approx est dept univ al fig ca
    """.split()
)
# Abbreviations that continue the sentence when a number follows ("Feb. 12", "No. 5").
ABBREV_BEFORE_NUMBER = frozenset(
    """jan feb mar apr jun jul aug sep sept oct nov dec no nos p pp vol art ch sec para
    tel ext""".split()
)
# Abbreviations that end a sentence only when a typical sentence opener follows.
ABBREV_SENTENCE_FINAL = frozenset("etc inc corp ltd co bros".split())
# Capitalised words that typically open a sentence; used to decide "U.S. The ..." vs
# "U.S. President ..." and "World War I. Not ..." vs "J. D. Vance".
SENTENCE_STARTERS = frozenset(
    """The A An In On At It He She They We I You This That These Those But And Or So Yet As
    After Before Meanwhile However Still Then There Here When While If Since Although Though
    Also For From To With Without By Of Its His Her Their Our My Not No Many Most Some All
    Both Each Every What Who Why How Where Which Earlier Later Last Next According Despite
    During Under Over Instead Moreover Furthermore Thus Therefore Indeed Now Today Yesterday
    Such Other Another Even Only Just Nor Once Until Unlike Like Among Officials""".split()
)

# --- claim categories -----------------------------------------------------------------------
# Cues are (label, regex, weight).  "strong" cues alone can establish a category, "weak" ones
# only support it.  Requirements per category are applied in scoring.py.

MINSK_STRONG = [
    ("Minsk agreement", r"\bminsk(?:[\s-]+(?:i{1,2}|[12])\b|\s+(?:agreements?|accords?|deals?|protocols?|process|implementation|format|arrangements?|peace\s+process|memorandum)\b)", 0.5),
    ("Minsk agreement", r"\b(?:agreements?|accords?|protocols?|ceasefire|deal)\s+(?:was\s+|were\s+|is\s+|are\s+)?(?:signed|reached|concluded)\s+in\s+minsk\b", 0.5),
    ("Normandy format", r"\bnormandy\s+(?:format|four|quartet|talks|summit|group)\b", 0.5),
    ("Package of Measures", r"\bpackage\s+of\s+measures\b", 0.5),
    ("Minsk agreement", r"\b(?:мінськ\w*|минск\w*)[\s-]*(?:1|2|i{1,2}|угод\w*|домовленост\w*|соглашени\w*|договор[её]нност\w*|протокол\w*)\b", 0.5),
    ("Minsk agreement", r"\b(?:мінськ\w+|минск\w+)\s+(?:угод\w*|домовленост\w*|соглашени\w*|договор[её]нност\w*)", 0.5),
    ("Normandy format", r"\bнормандськ\w*\s+(?:формат\w*|четв\w+)|нормандск\w*\s+(?:формат\w*|четв\w+)", 0.5),
]
# Alias-table keys whose mention makes a sentence a Minsk claim.
MINSK_ALIAS_KEYS = frozenset({"minsk_i", "minsk_ii", "minsk_agreements", "normandy_format"})

CASUALTIES_STRONG = [
    ("casualty word", r"\b(?:killed|kills?|killing|casualt(?:y|ies)|fatalit(?:y|ies)|deaths?|dead|died|die|dying|wounded|injured|injuries|kia|massacred?|massacres|slaughtered|executed|perished|losses|death\s+toll|body\s+count|bodies)\b", 0.3),
    ("casualty phrase", r"\b(?:burn(?:ed|t)\s+alive|lost\s+(?:their|his|her|\d[\d,]*|[a-z]+)\s+lives|loss(?:es)?\s+of\s+(?:human\s+)?li(?:fe|ves)|lives\s+(?:were\s+|have\s+been\s+)?lost|missing\s+in\s+action|taken\s+prisoner)\b", 0.35),
    ("casualty word (uk/ru)", r"\b(?:загин\w*|загибл\w*|вбит\w*|убит\w*|погиб\w*|поранен\w*|ранен\w*|втрат\w*|потер[ьи]\w*|жертв\w*|смерт\w*)", 0.3),
]

TERRITORY_STRONG = [
    ("territory word", r"\b(?:territor(?:y|ies|ial)|land|lands|occup(?:y|ied|ies|ying|ation)|captur(?:e|ed|es|ing)|seiz(?:e|ed|es|ing|ure)|annex(?:ed|es|ing|ation)?|liberat(?:e|ed|es|ing|ion)|retak(?:e|en|es|ing)|retook|recaptur(?:e|ed|es|ing)|incursion|salient)\b", 0.25),
    ("control", r"\b(?:control(?:led|s|ling)?)\b(?!\s+(?:and\s+verification|of\s+the\s+(?:situation|narrative)))", 0.2),
    ("ground gained/lost", r"\b(?:gain(?:ed|ing|s)?|los(?:e|t|ing)|giv(?:e|ing)\s+up|cede[ds]?|ceding)\s+(?:more\s+|some\s+|much\s+)?(?:ground|land|territory)\b|\btak(?:e|en|ing)\s+back\b|\btook\s+(?:control|over)\b", 0.3),
    ("advance", r"(?<!in\s)\badvanc(?:e|ed|es|ing)\b(?!\s+(?:notice|warning|payment))", 0.25),
    ("sovereignty change", r"\b(?:join(?:ed|s|ing)?\s+(?:the\s+)?russia(?:n\s+federation)?|(?:declare[ds]?|declaring|proclaim(?:ed|s)?)\s+independence|secede[ds]?|secession|belongs?\s+to\s+(?:russia|ukraine)|belonged\s+to\s+(?:russia|ukraine)|part\s+of\s+(?:russia|ukraine|the\s+russian\s+federation))\b", 0.3),
    ("territory word (uk/ru)", r"\b(?:окуп\w*|оккуп\w*|захоп\w*|захва\w*|звільн\w*|освобо\w*|контрол\w*|територ\w*|анекс\w*|аннекс\w*|просув\w*|продвин\w*|продвиж\w*|відвоюв\w*|отвоева\w*)", 0.25),
]
TERRITORY_WEAK = [
    ("front line", r"\b(?:front(?:line|\s+line|s)?|line\s+of\s+contact|lines\s+of\s+contact)\b", 0.1),
    ("withdrawal", r"\b(?:withdr(?:aw|awn|aws|awing|awal|ew)|retreat(?:ed|s|ing)?|pull(?:ed)?\s+(?:out|back))\b", 0.1),
    ("region", r"\b(?:regions?|oblasts?|provinces?|border|borders|town|towns|village|villages|city|cities)\b", 0.05),
    ("encirclement", r"\b(?:surround(?:ed|ing)?|encircl(?:ed|ement|ing)|blockade|isolated)\b", 0.1),
    ("hold", r"\b(?:hold|holds|held|holding)\b", 0.05),
    ("offensive", r"\b(?:counter-?offensive|offensive|push)\b", 0.05),
    ("referendum", r"\breferend(?:um|ums|a)\b", 0.1),
]

NEGOTIATIONS_STRONG = [
    ("talks", r"\b(?:talks|negotiat\w+|ceasefires?|cease-fires?|truces?|armistice|summit|delegations?|memorand(?:um|a)|envoys?|mediat\w+|communiqu[eé]s?|cessation|concessions?|ultimatum)\b", 0.3),
    ("proposal", r"\b(?:propos(?:al|als|e|ed|es|ing)|treat(?:y|ies)|pact|framework\s+agreement)\b", 0.25),
    ("meeting", r"\b(?:meetings?|met|meet|meets|(?:tele)?phone\s+(?:call|conversation)s?|call\s+between)\b", 0.25),
    ("peace deal", r"\bpeace(?:ful)?\s+(?:plan|deal|agreement|treaty|process|proposal|settlement|resolution|framework|formula|summit|initiative|negotiations?)\b", 0.3),
    ("security arrangement", r"\bsecurity\s+(?:guarantees?|arrangements?|architecture|assurances?|pact)\b", 0.25),
    ("talks (uk/ru)", r"\b(?:переговор\w*|перемир\w*|припинен\w+\s+вогню|прекращени\w+\s+огня|зустріч\w*|встреч\w*|саміт\w*|саммит\w*|делегац\w*|меморандум\w*|пропозиц\w*|предложени\w*)", 0.3),
]
NEGOTIATIONS_WEAK = [
    ("peace", r"\bpeace(?:ful)?\b", 0.1),
    ("agreement", r"\b(?:agreements?|deals?|agree[ds]?|agreeing|accords?)\b", 0.1),
    ("diplomacy", r"\b(?:dialogue|diplomat\w*|bilateral|contacts?|visit(?:ed|s|ing)?|discuss(?:ed|es|ing|ion|ions)?|demands?|conditions|deadline|end\s+(?:the|this)\s+(?:war|conflict)|hostilities|settlement)\b", 0.1),
    ("agreement (uk/ru)", r"\b(?:угод\w*|соглашени\w*|мирн\w*)", 0.1),
]

POLL_STRONG = [
    ("survey word", r"\b(?:polls?|polled|pollsters?|polling|surveys?|surveyed|respondents|sociolog\w+|levada|kiis|gallup|razumkov|vtsiom|rating\s+group)\b", 0.4),
    ("survey word (uk/ru)", r"\b(?:опитуван\w*|опитан\w*|опрос\w*|опрошен\w*|респондент\w*|соцопит\w*|соцопрос\w*)", 0.4),
]
# "18% of veterans said/support ..." reports a survey share even without the word "poll".
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
CATEGORY_PRIORITY = ("minsk", "poll", "casualties", "territory", "negotiations")
ENTITY_WEIGHT = 0.06      # per alias-table hit (person, place, agreement, organisation)
PROPER_NOUN_WEIGHT = 0.03  # per other capitalised word inside the sentence
ENTITY_CAP = 0.18
ATTRIBUTION_WEIGHT = 0.1
CONTEXT_WEIGHT = 0.3      # a short follow-up sentence inheriting the previous claim's category
NO_CATEGORY_PENALTY = -0.1

# Opinion and rhetoric (label, regex, weight<0).
OPINION_CUES = [
    ("first-person opinion", r"\b(?:i|we)\s+(?:think|believe|guess|hope|feel|suppose|reckon|doubt)\b|\bi(?:'|’)?m\s+(?:sure|convinced|certain)\b|\bi\s+am\s+(?:sure|convinced|certain)\b|\bin\s+my\s+(?:view|opinion)\b|\bone\s+could\s+argue\b|\bit\s+seems\b|\blet(?:'|’)s\b|\bwe\s+need\b", -0.25),
    ("hedge/modal", r"\b(?:might|may|could|should|must|ought|perhaps|possibly|probably|likely|unlikely|potentially|maybe|seemingly|apparently)\b", -0.08),
    ("conditional", r"\bwould\b", -0.04),
    ("prediction", r"\bwill\b|\b(?:won|wo)(?:'|’)t\b|\bgoing\s+to\b", -0.06),
    ("evaluative word", r"\b(?:bizarre\w*|witless|clueless|crazy|stubborn\w*|masterful\w*|skilful\w*|skillful\w*|delusional|unbelievabl\w*|appropriately|tellingly|surreal\w*|horrible|terrible|shameful|disgraceful|absurd|ridiculous|stupid|brilliant\w*|pathetic|outrageous|phony|pampered|hedonistic|maximalist|graciously|coyly|incredulously|defiantly|stunningly|inflated|unsurprisingly|obviously|of\s+course|surely|inevitabl\w*|existential|heroic|noble|legendary|intriguing|paramount|taboo|victim|villains?|mob|huge|wonderful|awful|disastrous|catastrophic|shocking|sadly|hopefully|cynical\w*|hypocri\w*|propaganda|puppets?|regime|sacred|evil|glorious|humiliat\w*|botched|embittered|bitterness|resentment)\b", -0.06),
    ("exhortation", r"^(?:please|imagine|remember|consider|see\s+what|let\s+us|let(?:'|’)s|bring\s+down)\b", -0.2),
]
OPINION_CAPS = {"hedge/modal": -0.2, "evaluative word": -0.24}
QUESTION_PENALTY = -0.3        # a question that opens with a question word or is short
EMBEDDED_QUESTION_PENALTY = -0.1
QUESTION_OPENERS = frozenset(
    """what who whom whose why how where when which can could is are was were do does did will
    would should shall may might has have had isn't aren't don't doesn't didn't won't""".split()
)
SHORT_SENTENCE_WORDS = 5       # fewer words than this: fragment, byline, caption
SHORT_PENALTY = -0.2
MEDIUM_SENTENCE_WORDS = 8
MEDIUM_PENALTY = -0.08
NO_TERMINAL_PENALTY = -0.12    # headline, byline or caption without final punctuation

# --- context (anaphora) -------------------------------------------------------------------------
# A short sentence opening like this continues the previous claim ("It fails to ...").
ANAPHORIC_OPENERS = r"^(?:it|this|that|they|these|those|the\s+(?:accord|agreement|deal|treaty|treaties|protocol|document|talks|ceasefire|truce|memorandum|plan|proposal|proposals|meeting|summit|pact))\b"
# ... or reacts to it ("The U.S. and U.K. object.").
REACTION_VERBS = r"\b(?:reject(?:s|ed)?|object(?:s|ed)?|accept(?:s|ed)?|endorse[sd]?|approve[sd]?|ratif(?:y|ies|ied)|sign(?:s|ed)?|welcome[sd]?|refuse[sd]?|den(?:y|ies|ied)|violat(?:e|es|ed)|fail(?:s|ed)?|collapse[sd]?|abandon(?:s|ed)?|implement(?:s|ed)?)\b"
CONTEXT_MAX_WORDS = 15
CONTEXT_CATEGORIES = frozenset({"minsk", "negotiations", "territory", "casualties"})

# --- claimant ---------------------------------------------------------------------------------
# Verbs of saying after (or before) the person making the claim.
ATTRIBUTION_VERBS = (
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
).split()
ATTRIBUTION_VERBS_CYR = (
    "заявив заявила заявили заявил заявила заявили сказав сказала сказали сказал "
    "повідомив повідомила повідомили сообщил сообщила сообщили зазначив зазначила отметил "
    "отметила наголосив подчеркнул підкреслив пояснив пояснил вважає считает"
).split()
# Words that cannot head a claimant phrase.
CLAIMANT_STOP = frozenset(
    """it this that there which what who whom these those one ones everyone nobody somebody
    someone anyone something nothing everything""".split()
)
PRONOUNS = frozenset("he she they we i you".split())
