"""The words and patterns that tag a quotation (reporting verbs, pronouns, titles, relations) and the limits
every rule reads within; small word-level predicates shared by the rules."""

from __future__ import annotations

import re
from collections.abc import Sequence


# Verbs that introduce or tag a quotation (“...,” she *said*; he *called* it “...”): reporting verbs (speech-act
# and communication verbs of news and fiction), as lemmas; :func:`_inflections` adds -s, -ed and -ing forms.
_QUOTE_VERB_LEMMAS = """acknowledge add admit affirm agree allege announce answer argue ask assert assure begin boast
brag call caution challenge characterise characterize chide cite claim comment complain concede conclude confess
confide confirm contend continue cry address believe express declare defend demand denounce deny describe detail dismiss dub echo emphasise
emphasize
enquire exclaim explain falter gasp groan grumble growl grunt hint implore inquire insist interject interrupt joke lament
laugh mention moan mumble murmur mutter note observe offer plead pledge point post predict proclaim
promise protest quip rant reassure recall recount reflect reiterate rejoin remark remind repeat reply
report respond resume retort return reveal roar scoff scold scream shout shriek sigh snap snarl sneer sob speculate
stammer state stress stutter suggest summarise summarize swear tease tell term testify thunder tweet urge vow warn
whisper wonder write yell""".split()


_IRREGULAR_FORMS = """say said says saying tell told tells telling write wrote writes writing written begin began
begins beginning think thought thinks swear swore sworn swears swearing""".split()


_DOUBLED_FINAL = frozenset("admit dub quip snap sob refer regret".split())  # admitted, dubbed, quipped


def _inflections(lemma: str) -> set[str]:
    """The lemma and its -s, -ed and -ing forms (regular spelling rules; irregular pasts are listed apart)."""
    if lemma in _DOUBLED_FINAL:
        stem = lemma + lemma[-1]
        return {lemma, lemma + "s", stem + "ed", stem + "ing"}
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
    return {lemma, plural, lemma + "ed", lemma + "ing"}


QUOTE_VERBS = frozenset(_IRREGULAR_FORMS).union(*(_inflections(lemma) for lemma in _QUOTE_VERB_LEMMAS))


# Verbs of reported speech without quote marks ("Kellogg said he advises ..."): they make a person the current
# speaker, which a later "he said" may refer to.
REPORT_VERBS = frozenset("""said says told tells added adds explained argued argues replied answered asked insisted
warned claimed claims noted notes stated wrote writes denied denies admitted acknowledged recalled continued stressed
suggested predicted conceded agreed""".split())


# Reported speech whose complement may hold a quoted fragment far from the verb ("Whitmore told LA Weekly that on
# October 6, after ..., Montalvo “walked into the lobby”"; "Melania Trump detailed how ... “to this day.”")
# (not "asked": "Baird asked officials how documents ... stored in “approved security cabinets”" quotes a rule)
DISTANT_VERBS = frozenset("""said says told tells added adds explained claimed claims stated wrote writes admitted
acknowledged insisted warned noted argued detailed details described describes""".split())


# one of REPORT_VERBS as a whole WORD token (a C-speed scan of the whole text)
REPORT_VERB = re.compile(r"(?<!\w)(?<!\w['’\-])(?:" + "|".join(sorted(REPORT_VERBS, key=len, reverse=True))
                          + r")(?!\w|['’\-]\w)")


DISTANT_GAP_WORDS = 40  # the most words from such a verb to its quote


SKIPPABLE = frozenset("""also later then again has have had will would could may might once further simply only just
previously recently still quickly quietly softly firmly calmly coldly gravely earlier repeatedly reportedly
now often sometimes already thus presently instantly immediately""".split())


HABITUAL = frozenset("likes liked loves loved used wants wanted began went".split())  # "X likes to say"


COORDINATORS = frozenset({"and", "but", "then", "or"})


CLAUSE_OPENERS = frozenset("while whereas although though because since whilst unless".split())


# A verb form after one of these is a noun ("the report", "his answer", "a comment"): not the quote's tag.
_DETERMINERS = frozenset("the a an his her its their our my your this that these those".split())


PRONOUN_GENDER = {"he": "m", "she": "f"}


POSSESSIVE_GENDER = {"his": "m", "her": "f"}


# "said his wife": the relative's gender, and whether the relative is named by title and surname alone
# (a spouse or parent: "Mrs. Bennet") or by given name and surname (a child or sibling: "Kitty Bennet").
RELATIONS = {"wife": ("f", True), "lady": ("f", True), "husband": ("m", True), "mother": ("f", True),
              "father": ("m", True), "son": ("m", False), "daughter": ("f", False), "brother": ("m", False),
              "sister": ("f", False)}


# a person's organisation between the name and the verb: " of The Globe and Mail ", " from the Refugee Council "
OF_ORGANISATION = re.compile(r" (?:of|from|at) (?:the |The )?(?:[A-Z][\w.&'’\-]*(?: | (?:and|of|for|&) ))*[A-Z][\w.&'’\-]*\s+$")


QUOTED_AS_LEAD = re.compile(r"(?:\b(?:was|is|has been|were|are)\s+)?\bquoted\s+(?:(?P<object>[^,.;:!?“”\"]{1,60}?)\s+)?"
                             r"as\s+(?:saying|telling\s[^,.;:“”\"]{1,40}?)[,:]?\s*$")


QUOTED_AS_TAIL = re.compile(r"[\s,]*([^\W\d][\w.'’\- ]{1,60}?)\s+(?:was|is|has been)\s+quoted\s+as\s+saying\b")


MARRIED_TITLES = frozenset("mrs mme madame lady".split())


# words before a title that leave its holder the same ("the new minister", "the acting director"); "former",
# "deputy", "vice", "senior", "junior", "assistant" name another office: they must be part of the person's title
TITLE_ADJECTIVES = frozenset("new old young late acting interim elder".split())


TITLE_ABBREVIATIONS = {"sen": "senator", "rep": "representative", "gov": "governor", "dr": "doctor",
                        "prof": "professor", "gen": "general", "col": "colonel", "capt": "captain", "lt":
                        "lieutenant", "sgt": "sergeant", "supt": "superintendent", "insp": "inspector", "det":
                        "detective", "pres": "president", "amb": "ambassador", "cllr": "councillor",
                        "rev": "reverend", "fr": "father", "sec": "secretary"}


ABBREVIATION_BEFORE_DOT = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Prof|Rev|Jr|Sr|"
                                      r"Mme|Mlle|No|Fr|Supt|Insp|Det)|\b[A-Z])$")


WORD = re.compile(r"\w+(?:['’\-]\w+)*")


TERMINATOR = re.compile(r"[.!?;:](?=\s|$|[”\"’)])|\n")


# "in Halvorsen’s words, “...”" / "in Anna Berg’s own words: “...”" / "in the words of Anna Berg, “...”": the name
# ends where the first pattern starts, or the second one ends where the name starts
IN_POSSESSIVE_WORDS = re.compile(r"['’]s (?:own )?words[,:]?\s*$")
IN_THE_WORDS_OF = re.compile(r"\b[Ii]n the (?:very )?words of\s+$")
# "In the words of the harbour master, Gwen Aldous, ...": a role in lowercase, then a comma and the name
IN_THE_WORDS_OF_ROLE = re.compile(r"\b[Ii]n the (?:very )?words of (?:the|a|an|its|their) (?:[a-z][\w'’\-]* ){0,4}[a-z][\w'’\-]*, ")
# "According to Okoro, the depot will close": Okoro speaks (a literal prefix: a fast scan of a whole book)
ACCORDING_TO = re.compile(r"ccording to\s+(?<=(?<!\w)[Aa]ccording to\s)")
# "The minister, asked whether he would resign, said": a title opening the clause, then an appositive
TITLE_APPOSITIVE = re.compile(r"[Tt]he\s+((?:[a-z]+\s+){0,2}?)([a-z]+),")
# a parent spoken to as such, in a quote: “But you forget, mamma,” (the speaker's mother answers next)
KIN_VOCATIVE = re.compile(r"\b([Mm]amma|[Mm]ama|[Pp]apa)(?=\s*[,!?.;”\"’])")
KIN_VOCATIVE_BEFORE = re.compile(r"(?:^|[,“\"‘!?.]\s*|\b[Mm]y\s+(?:dear\s+)?)$")  # ends where the kin word starts
KIN_VOCATIVE_RELATION = {"mamma": ("f", True), "mama": ("f", True), "papa": ("m", True)}
# words that cannot be part of a role before a name ("said retired docker Bill Hanley", not "said to Bill Hanley")
ROLE_STOP_WORDS = frozenset("""to of in at on with that and but as for by from into about after before than his her
their its our my your a an this these those who which when while if so then there here not""".split())
# a name right after one of these is the object of a preposition, not a subject: "a spokeswoman for Anna Berg
# said", "an aide to Berg told", "the family of Tom Hale said" (none of them is Berg or Hale speaking; not "with": "with Boswell stating")
GOVERNED_BY_PREPOSITION = re.compile(r"\b(?:for|to|of|from|by|near|about|against|behalf of)\s+$")
# the rest of a name the People list knows only in part: "Suleiman" of "Suleiman al-Amr", "Jan" of "Jan van Dijk"
NAME_PARTICLE_TAIL = re.compile(r"(?:\s(?:al|el|bin|ibn|abu|van|von|de|da|di|du|del|der|dos|bint|ben)[\s\-]"
                                r"[A-Z][\w'’]*)+")


DASH_BYLINE = re.compile(r"\s*[—–]\s*")  # '"..." — Priya Raman, chair of the committee'


LEAD_GAP_WORDS = 8  # "Fried said the dialogues were helpful in “...”": at most this many words from verb to quote


STATEMENT_NOUNS = frozenset("statement letter tweet post memo message memoir".split())  # "Cornyn's statement added"


CONTEXT_CHARS = 600  # the most text read on either side of a quote for its attribution (keeps every rule linear)


_NON_SPACE = re.compile(r"\S")


MAX_EVENTS = 40  # the most earlier speakers / mentions a pronoun is checked against


PRONOUN_WINDOW_PARAGRAPHS = 8  # a pronoun or title reaches back this many paragraphs for its speaker


ATTRIBUTION_WORDS = 12  # the clause that tags a quote is at most this many words (before the speaker)


VOCATIVE_BEFORE = re.compile(r"(?:,|[“\"«‘'_])\s*(?:(?:[Mm]y\s+)?(?:[Dd]ear|[Dd]earest|[Gg]ood)\s+)?"
                              r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Colonel|Captain)\.?\s+)?$")


VOCATIVE_AFTER = re.compile(r"\s*[,!?.;]")


def after_determiner(text: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Word ``k`` follows a determiner or a possessive ("the report", "Trump's answer"): a noun, not a verb."""
    if k == 0 or text[words[k - 1].end() : words[k].start()].strip():
        return False
    before = words[k - 1].group()
    return before.casefold() in _DETERMINERS or before.endswith(("'s", "’s"))


def blank(text: str, start: int, end: int) -> bool:
    return _NON_SPACE.search(text, start, end) is None
