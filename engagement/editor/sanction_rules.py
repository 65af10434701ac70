"""Which sentences of an engagementsverklaring tie a sanction to it. Pure functions over Dutch text.

The declaration is not enforceable: no sanction may follow from it. A sanction is a pattern, not a
word: a threat ("mag niet mee", "verliest", "wordt uitgeschreven") together with what it takes away
(a school activity, the schooltoeslag, the enrolment, the pupil's place in class). Sentences are
normalised first (lowercase, diacritics folded, punctuation to spaces), so "beëindigd" and
"beeindigd" are one word and "uitsluitend" never matches "uitsluit(ing)".
"""

import re
import unicodedata
from dataclasses import dataclass

# The rules, most specific first: a sentence about a definitive exclusion is about the enrolment.
ENROLMENT = "enrolment"
ALLOWANCE = "allowance"
ACTIVITY = "activity"
RIGHT_TO_LEARN = "right_to_learn"
FINE = "fine"

SENTENCE_END = re.compile(r"(?<=[.!?])\s+|\n+")


def normalise(sentence: str) -> str:
    """Lowercase, without diacritics, punctuation as spaces, one space between words."""
    folded = unicodedata.normalize("NFKD", sentence.casefold())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    return " ".join(re.sub(r"[^\w']+", " ", plain).split())


def split_sentences(text: str) -> list[str]:
    """The sentences of a text as written (list bullets stripped), for quoting."""
    return [sentence.strip(" -*\t") for sentence in SENTENCE_END.split(text) if sentence.strip(" -*\t")]


def _any(*patterns: str) -> re.Pattern[str]:
    return re.compile("|".join(rf"\b(?:{pattern})\b" for pattern in patterns))


# A promise that nobody is excluded is the opposite of a threat ("nooit meer" is still a threat).
GUARANTEE = _any(r"geen enkele? (?:kind|leerling|gezin)", r"niemand", r"nooit(?! meer)", r"altijd mee")

ACTIVITY_WORDS = (
    r"(?:leer|school|klas)?uitstap\w*",
    r"schoolreis\w*",
    r"excursie\w*",
    r"(?:bos|zee|sneeuw|boerderij|openlucht|ski|plattelands|stads)klas\w*",
    r"(?:school|klas|eindejaars|sint|kerst|carnavals|paas|lente|sinterklaas)?feest\w*",
    r"(?:kerst|paas|sint|sinterklaas|eindejaars)?viering\w*",
    r"carnaval\w*",
    r"sinterklaas\w*",
    r"sportdag\w*",
    r"(?:school|zomer|sport|speel)?kamp\w*",
    r"meerdaagse\w*",
    r"(?:extra[ -]?muros|schoolse? )?activiteit\w*",
    r"(?:school)?voorstelling\w*",
    r"musical",
    r"receptie",
)
ACTIVITY_OBJECT = _any(*ACTIVITY_WORDS)
# A sentence that opens with its verb ("Gaat uw kind niet mee …, dan …") is a condition, not a threat:
# the lookbehind asks for a word before the verb.
ACTIVITY_THREAT = _any(
    r"(?:mag|mogen|zal|zullen) (?:\w+ ){0,6}niet (?:meer )?(?:mee|deelnemen|meedoen|meegaan)",
    # "mag niet op zeeklas", bound to the activity: "mag niet op de speelplaats tijdens de receptie" is no threat.
    rf"(?:mag|mogen) (?:\w+ ){{0,6}}niet (?:meer )?(?:op|naar) (?:\w+ ){{0,2}}(?:{'|'.join(ACTIVITY_WORDS)})\b",
    r"(?<=\w )(?:gaat|gaan|kan|kunnen) (?:\w+ ){0,6}niet (?:meer )?mee",
    rf"zonder (?:\w+ ){{1,4}}geen (?:{'|'.join(ACTIVITY_WORDS)})\b",  # "zonder uw hulp geen geslaagd feest" asks
    r"deelname (?:\w+ ){0,6}niet (?:meer )?(?:mogelijk|toegestaan|toegelaten)",
    r"niet (?:meer )?toegelaten (?:tot|op|bij)",
    r"niet (?:meer )?(?:mee|deel) (?:mag|mogen)",
    r"(?:kan|kunnen) (?:\w+ ){0,6}niet (?:meer )?(?:deelnemen|meedoen)",
    r"niet (?:meer )?(?:deelnemen|meedoen) (?:mag|mogen|kan|kunnen)",
    r"uitgesloten (?:\w+ ){0,2}van",
    r"(?:uitsluiten|uitsluiting) van",
    r"sluiten (?:\w+ ){1,6}uit van",
    r"geen deelname",
    r"ontzeg\w*",
    r"(?:verliest|verliezen) (?:\w+ ){0,3}recht",
    r"(?:blijft|blijven) (?:\w+ ){0,4}(?:thuis|op school)",
)

ALLOWANCE_WORDS = (
    r"(?:schooltoeslag|groeipakket|kinderbijslag|studietoelage|schooltoelage)\w*|studiefinanciering|kindergeld"
)
ALLOWANCE_OBJECT = _any(ALLOWANCE_WORDS)
ALLOWANCE_THREAT = _any(
    r"verlies\w*",
    r"verliez\w*",
    r"verloren",
    r"kwijt\w*",
    r"ingehouden",
    r"inhoud(?:en|ing)",
    r"stopgezet",
    r"stopzet\w*",
    r"geschrapt",
    r"ingetrokken",
    r"intrekk\w*",
    r"teruggevorderd",
    r"terugvorder\w*",
    r"terugbetalen",
    r"afgenomen",
    r"(?<!niet )verminder\w*",
    r"wegval\w*",
    # Bound to the allowance itself: "de schoolrekening valt weg" and "geen uitstappen meer" are no threat.
    rf"(?:valt|vallen) (?:\w+ ){{0,2}}(?:{ALLOWANCE_WORDS}) weg",
    rf"(?:krijgt|krijgen|ontvangt|ontvangen) (?:\w+ ){{0,2}}geen (?:\w+ )?(?:{ALLOWANCE_WORDS}) meer",
    r"(?:melden|meldt|gemeld|signaleren|doorgeven|geven door) (?:\w+ ){0,10}(?:zodat|waardoor|met als gevolg)",
)

ENROLMENT_THREAT = _any(
    r"uitschrijv\w*",
    r"uitgeschreven",
    r"schrijven (?:\w+ ){1,6}uit",
    r"schrijft (?:\w+ ){1,6}uit",
    r"(?:her)?inschrijving (?:\w+ ){0,4}(?:stopgezet|stopzetten|beeindig\w*|geweigerd|weigeren|ontbonden|ingetrokken|"
    r"opgezegd|vervalt|verliest)",
    r"(?:weiger\w*|stopzetten|stopt|stoppen|beeindig\w*|opzeggen|intrekken) (?:\w+ ){0,4}(?:her)?inschrijving",
    r"(?:zetten|zet) (?:\w+ ){0,4}inschrijving (?:\w+ ){0,2}stop",
    r"niet (?:meer )?(?:ingeschreven|inschrijven|herinschrijven)",
    r"(?:schrijven|schrijft) (?:\w+ ){0,6}niet (?:meer )?in",
    r"definitief uitgesloten",
    r"definitieve uitsluiting",
    r"(?:van|de) school (?:wordt )?(?:gestuurd|verwijderd|verlaten)",
    r"(?:andere|nieuwe) school (?:\w+ ){0,2}zoeken",
    r"niet meer welkom",
    r"(?:mag|mogen|kan|kunnen) (?:\w+ ){0,4}niet meer naar (?:\w+ )?school",
)

RIGHT_TO_LEARN_THREAT = _any(
    r"geschorst",
    r"schorsing\w*",
    r"schorsen",
    r"schorst",
    r"uitsluiting\w*",
    r"uitgesloten",
    r"uit te sluiten",
    r"sluit(?:en)? (?:we|wij|de school) \w+ uit",
    r"buiten (?:de )?(?:klas|les) gezet",
    r"(?:niet (?:meer )?toegelaten|geweigerd) (?:\w+ ){0,2}(?:les|lessen|klas|school)",
)

FINE_THREAT = _any(
    r"(?:geld)?boetes?", r"strafgeld", r"financiele sancties?", r"betalen als straf", r"moet \w+ betalen als"
)


@dataclass(frozen=True)
class SanctionRule:
    code: str
    threat: re.Pattern[str]
    object: re.Pattern[str] | None = None  # None: the threat names what it takes away


RULES = (
    SanctionRule(ENROLMENT, ENROLMENT_THREAT),
    SanctionRule(ALLOWANCE, ALLOWANCE_THREAT, ALLOWANCE_OBJECT),
    SanctionRule(ACTIVITY, ACTIVITY_THREAT, ACTIVITY_OBJECT),
    SanctionRule(RIGHT_TO_LEARN, RIGHT_TO_LEARN_THREAT),
    SanctionRule(FINE, FINE_THREAT),
)
# A sentence that threatens with the enrolment or an activity is not also a second, general exclusion.
COVERED_BY_SPECIFIC = {RIGHT_TO_LEARN: (ENROLMENT, ACTIVITY)}


def _applies(rule: SanctionRule, sentence: str) -> bool:
    if GUARANTEE.search(sentence):  # "geen enkel kind wordt …" is a promise, not a threat
        return False
    if rule.threat.search(sentence) is None:
        return False
    return rule.object is None or rule.object.search(sentence) is not None


def sanction_rules_of(sentence: str) -> list[str]:
    """The rules a sentence breaks, most specific first; [] for a sentence that threatens nothing.

    A question ("Kan uw kind niet mee op bosklassen?") asks; it announces nothing.
    """
    if sentence.rstrip().endswith("?"):
        return []
    plain = normalise(sentence)
    found = [rule.code for rule in RULES if _applies(rule, plain)]
    return [code for code in found if not any(specific in found for specific in COVERED_BY_SPECIFIC.get(code, ()))]
