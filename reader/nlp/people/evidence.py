"""Evidence that a candidate name form denotes a person, aggregated over all its occurrences.

A form (normalised token tuple) is accepted when its score reaches ``ACCEPT`` (2). Points:

- base: +1 for a form of two or more tokens (a capitalised run that survived cleaning), 0 for one token.
- lexical, multi-token: +1.5 first token a known given name (census / Kantrowitz lists); +0.5 last token a
  census surname; +1 a middle initial ("George W. Bush"); +1.5 a romanised East Asian given name last
  ("Cheng Chung-tai", "Kim Jong-un"); +0.5 used mid-sentence with no ordinary English word in it ("Romelu
  Lukaku"); -3 every token an ordinary English word and none a given name ("Little Rocket Man", "Truth Social").
- lexical, one token: +1 a known given name, +1 more when it is used mid-sentence and never written in
  lowercase in the document ("Hayley"); -2 an ordinary English word, -3 more when also written in lowercase in
  the document; a lone word seen only at sentence starts and with no context evidence is rejected.
- context, each counted once per form and only if seen at least once per 20 occurrences of the form:
  +2 a title was peeled from it ("King | Charles"); +2 a role noun just before ("journalist Ivan Gershkovich",
  "his wife Sarah", "the team's coach, Alireza Mehraban"); +2 a speech verb ("X said", "said X") or "X was
  born/died/married"; +1.5 a relative "who", an appositive with a role noun or an age (", a policy adviser",
  ", 45,"), life dates ("(1770–1827)", "(born 1950)") or a party and state ("(D-N.Y.)"); a role noun "of"
  an organisation just before counts as a role noun ("Co-founder of Google, Sergey Brin"); +2 a member of a
  list with an accepted person ("Bill Clinton, George W. Bush and Barack Obama"); +2 a byline or attribution
  line, for two or more tokens ("By Clara Voss, Arts Correspondent", "— Priya Raman, chair of the finance
  committee").
- full name of a lone person: +1 for a two- or three-token run whose surname ("Barack Obama" / "Obama said"),
  or for two tokens surname first whose first token ("Xi Jinping" / "Xi said"), is used alone with person
  context of its own (:func:`full_name_of_person`); for two or more tokens a person's act after the name
  ("Barack Obama spoke", "met", "visited", "arrived", "warned") counts as a speech verb.
- context penalties: -2.5 when at least half of the occurrences follow an article and are not attributive
  ("the Kremlin said", "Save the Children told"; not "the Biden administration"); -2.5 when at least half of
  the occurrences follow a place preposition ("in Adelaide"; possessives excepted: "in Putin's Russia"),
  precede ", <known place>" ("Salem, New Jersey") or follow a thing noun ("the band Gigi", "the town of Coleman");
  -2 when, as the subject of a verb, the form is followed by "its" more often than by a personal pronoun
  ("Microsoft has launched an aggressive campaign ... its").
- hard rejects: an organisation/place/work cue word ("Institute", "House", "Day"; but a given name followed by
  a cue word that is a common surname is scored: "Doris Day", "Kanye West"), a place name (country, US state,
  world city), a month or weekday, a nationality, a title alone, a token with digits, a form starting with a
  foreign article ("Le Parisien", "La Masia"; "Marine Le Pen" is unaffected).
- fused names: a pair seen at most twice whose second token is a given name used alone far more often is
  two people side by side ("Natásha Pierre grew animated"), not one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from reader.nlp.people import lexicon as lx
from reader.nlp.people.candidates import Candidate

ACCEPT = 2.0
_PREV_WORDS = re.compile(r"([^\W\d_][\w'’\-]*)[^\w]*$")
_NEXT = re.compile(r"\s*(,)?\s*([^\W\d_][\w'’\-]*)?(?:\s+([^\W\d_][\w'’\-]*))?")
_LIFE = re.compile(r"\s*,?\s*\(\s*(?:born\b|b\.|c\.\s*)?\s*(?:\d{1,2}\s+\w+\s+|\w+\s+\d{1,2}\s*,\s*)?\d{3,4}\s*(?:[-–)\];,]|in\b)")
_NEXT_WORD = re.compile(r"[ \t]+([a-z][\w'’\-]*)")
_COMMA_PLACE = re.compile(r"\s*,\s*((?:[A-Z][\w.\-]*)(?: [A-Z][\w.\-]*){0,2})(?=\s*[,.;:)]|\s*$|\s+[a-z])")
_THING_OF = re.compile(r"\b(?:town|city|village|county|province|state|district|municipality|region|island|port|kingdom|republic|duchy|principality|parish|commune)\s+of\s*$", re.I)
_PRONOUN = re.compile(r"\b(its|he|she|his|her|him)\b")
_POSS = re.compile(r"['’]")
_SYLLABIC = re.compile(r"^[A-Z][a-z]{1,5}-[a-z]{1,5}$")
_AGE = re.compile(r"\s*,\s*\d{1,3}\s*,")
_CLAUSE = re.compile(r"[^,.;:!?()“”\"]*")
_WORDS = re.compile(r"[^\W\d_][\w'’\-]*")
_PARTY = re.compile(r"\s*\((?:D|R|I|Dem|Rep|Ind)[.-]\s?[A-Z]")
_ROLE_OF = re.compile(r"\b([a-z][\w-]*)\s+(?:of|at|for)\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*,?\s+){0,4}[A-Z][\w&.'’-]*,\s*\Z")


@dataclass(slots=True)
class FormStats:
    key: tuple[str, ...]
    count: int = 0
    first: int = -1
    last: int = -1  # start of the last occurrence
    noninitial: int = 0
    title: int = 0
    role: int = 0
    speech: int = 0
    appositive: int = 0
    listed: bool = False
    org: bool = False
    titles: dict[str, int] = field(default_factory=dict)
    surface_last: str | None = None
    place_prep: int = 0
    determiner: int = 0
    pron_person: int = 0
    pron_thing: int = 0
    byline: int = 0
    full_of_person: bool = False  # "Barack Obama" where "Obama" alone is a person by context


def person_context(stats: FormStats) -> bool:
    """A form with context evidence of its own that it is a person (title, role noun, speech verb, appositive),
    and no article/place/"its" penalty."""
    need = max(1, stats.count // 20)
    if not (stats.title >= need or stats.role >= need or stats.speech >= need or stats.appositive >= need):
        return False
    if stats.determiner * 2 >= stats.count or stats.pron_thing > stats.pron_person:
        return False
    return not (stats.place_prep and stats.place_prep * 2 >= stats.count)


def full_name_of_person(
    key: tuple[str, ...],
    stats: dict[tuple[str, ...], FormStats],
    accepted: set[tuple[str, ...]],
    rejected: set[tuple[str, ...]],
    lowercase_seen: dict[str, int],
) -> bool:
    """A two- or three-token run whose surname ("Barack Obama" -> "Obama"), or, for a surname-first East Asian
    name, whose first token ("Xi Jinping" -> "Xi"), is used alone as a person by context evidence: the run is
    that person's full name. Every token must be a non-word (no ordinary English word, place, nationality,
    month or title: "New Delhi", "White House", "Monday Obama" stay out); for the first-token case only the
    remaining tokens must be ("Xi" is also a Greek letter)."""
    if not 2 <= len(key) <= 3 or key in accepted or key in rejected or any(k in lx.NAME_PARTICLES for k in key):
        return False

    def plain(tokens: tuple[str, ...]) -> bool:
        places = lx.places()
        return all(
            len(k) > 1
            and not lx.is_ordinary(k)
            and k not in lx.nationalities()
            and k not in lx.MONTHS_DAYS
            and k not in places
            and k not in lx.ORG_CUES
            and not lx.is_title_head(k)
            and k not in lx.TITLE_MODIFIERS
            and k not in lx.ROLE_NOUNS
            for k in tokens
        )

    def person_alone(tok: str) -> bool:
        st = stats.get((tok,))
        if st is None or (tok,) in rejected or tok in lowercase_seen:
            return False
        return person_context(st) and ((tok,) in accepted or not st.org)

    if plain(key) and person_alone(key[-1]):
        return True
    # surname first ("Xi Jinping" / "Xi said"): the lone first token is not a given name (else the run is
    # scored as given name + surname already) and the rest look like a romanised given name
    # and the first token is not the surname of someone else named in full ("Andy Warhol" ... "Warhol Polaroid
    # exhibits") and the rest is never used alone ("the Polaroids")
    first = key[0]
    if (key[1:] in stats and key[1:] not in accepted) or any(
        len(k) >= 2 and k[-1] == first for k in accepted
    ):
        return False
    return (
        len(key) == 2
        and first not in lx.given_names()
        and plain(key[1:])
        and first not in lx.places()
        and first not in lx.nationalities()
        and first not in lx.MONTHS_DAYS
        and not lx.is_title_head(first)
        and person_alone(first)
    )


_BYLINE_BEFORE = re.compile(
    r"(?:\A|\n)[ \t]*(?:(?:[Bb]y|BY|(?:[Ww]ritten|[Rr]eported|[Rr]eporting|[Ww]ords|[Ss]tory|[Ii]nterview) by)"
    r"|[—–―]{1,2}|--)[ \t]*\Z"
)
_BYLINE_AFTER = re.compile(r"[ \t]*(?:\n|\Z|[,|·•/]|and\b|&|\(|[—–]|in\b|for\b)")


def _byline(text: str, cand: Candidate) -> bool:
    """"By Clara Voss, Arts Correspondent" at the start of a line, or a quotation's attribution line "— Priya
    Raman, chair of the finance committee": the name of the writer or speaker."""
    if len(cand.key) < 2 or not cand.first_in_run or cand.title is not None:
        return False
    if not _BYLINE_BEFORE.search(text, max(0, cand.ctx_start - 40), cand.ctx_start):
        return False
    line_end = text.find("\n", cand.ctx_end)
    line_end = len(text) if line_end < 0 else line_end
    return line_end - cand.ctx_end <= 80 and _BYLINE_AFTER.match(text, cand.ctx_end) is not None


def context_of(text: str, cand: Candidate, stats: FormStats) -> None:
    """Add the left/right context evidence of one occurrence to ``stats``."""
    if _byline(text, cand):
        stats.byline += 1
    if cand.title is not None:
        stats.title += 1
        stats.titles[cand.title] = stats.titles.get(cand.title, 0) + 1
    if cand.first_in_run:
        left = text[max(0, cand.ctx_start - 30) : cand.ctx_start]
        m = _PREV_WORDS.search(left)
        if m:
            prev = m.group(1)
            low = lx.norm(prev)
            gap = left[m.end(1) :]
            if prev[0].islower() or prev[0] in "\"“'‘":
                if low in lx.DETERMINERS and gap.strip() == "" and cand.title is None:
                    nxt = _NEXT_WORD.match(text, cand.ctx_end)
                    # "the Biden administration" is a name used attributively; "the Kremlin said" is not a name
                    if not nxt or nxt.group(1).casefold() in lx.SPEECH_VERBS:
                        stats.determiner += 1
                if low in lx.PLACE_PREPOSITIONS and gap.strip() == "" and not _POSS.match(text, cand.end):
                    stats.place_prep += 1
                elif low in lx.THING_NOUNS and gap.strip() == "":
                    stats.place_prep += 1  # "the band Gigi", "the brand Caloi"
                elif low == "of" and _THING_OF.search(left):
                    stats.place_prep += 1  # "the town of Coleman"
                elif (low in lx.ROLE_NOUNS or low[:-1] in lx.ROLE_NOUNS) and gap.strip() in ("", ","):
                    stats.role += 1
                elif low in lx.SPEECH_VERBS and gap.strip() in ("", ","):
                    stats.speech += 1
    if cand.last_in_run:
        nxt = _NEXT_WORD.match(text, cand.ctx_end)
        if nxt and nxt.group(1) in lx.SUBJECT_VERBS and cand.ctx_end == cand.end:
            # the name is the subject ("Microsoft has launched ... its campaign"): which pronoun follows?
            window = text[cand.ctx_end : cand.ctx_end + 90]
            m = _PRONOUN.search(window)
            if m and not any(ch in window[: m.start()] for ch in ".;!?“”\""):
                if m.group(1) == "its":
                    stats.pron_thing += 1
                else:
                    stats.pron_person += 1
        place = _COMMA_PLACE.match(text, cand.ctx_end, cand.ctx_end + 40)
        if place and " ".join(lx.norm(t) for t in place.group(1).split()) in lx.places():
            stats.place_prep += 1  # "Salem, New Jersey", "Coleman , Florida": a place in a place
        m = _NEXT.match(text, cand.ctx_end, cand.ctx_end + 40)
        word = m.group(2)
        if word and word[0].islower():
            low = word.casefold()
            if low in lx.SPEECH_VERBS_AFTER:
                stats.speech += 1
            elif low in lx.PERSON_VERBS_AFTER_FULL and len(cand.key) >= 2 and cand.title is None:
                stats.speech += 1  # "Barack Obama spoke", "Xi Jinping met": a person's act, for a full name
            elif low in ("was", "is", "has", "had") and (m.group(3) or "").casefold() in lx.PERSON_PARTICIPLES:
                stats.speech += 1
            elif m.group(1) and low in ("who", "whose"):
                stats.appositive += 1
            elif m.group(1):
                clause = _CLAUSE.match(text, m.start(2), m.start(2) + 80).group()
                ws = [w.casefold() for w in _WORDS.findall(clause)][:7]
                if ws and (ws[0] in lx.APPOSITIVE_STARTS or ws[0] in lx.ROLE_NOUNS) and any(w in lx.ROLE_NOUNS for w in ws):
                    stats.appositive += 1
        elif m.group(1) and _AGE.match(text, cand.ctx_end):
            stats.appositive += 1
        elif _LIFE.match(text, cand.ctx_end):
            stats.appositive += 1  # "Ludwig van Beethoven (1770–1827)", "(born 1950)"
        elif _PARTY.match(text, cand.ctx_end):
            stats.appositive += 1  # "Chuck Schumer (D-N.Y.)", "(R-Texas)": a legislator
    if cand.first_in_run and cand.title is None and "," in text[max(0, cand.ctx_start - 3) : cand.ctx_start]:
        m = _ROLE_OF.search(text, max(0, cand.ctx_start - 90), cand.ctx_start)
        if m and lx.norm(m.group(1)) in lx.ROLE_NOUNS:
            stats.role += 1  # "the chief executive of Northgate Dredging Inc., James T. Whitfield"


def rejected(key: tuple[str, ...], org: bool) -> bool:
    """Forms that are never a person whatever the context."""
    if org:
        return True
    if any(ch.isdigit() for k in key for ch in k):
        return True
    joined = " ".join(key)
    if joined in lx.places():
        return True
    if key[0].startswith(("l'", "l’")) and len(key[0]) > 3:
        return True  # "L'Equipe", "L'Oréal"
    if key[0] in lx.FOREIGN_ARTICLES and len(key) >= 2:
        return True  # "Le Parisien", "La Masia", "El Niño": a title or place, not a person
    if len(key) == 1:
        k = key[0]
        if k in lx.MONTHS_DAYS or k in lx.nationalities() or k in lx.STOP or lx.is_title_head(k):
            return True
        if k in lx.TITLE_MODIFIERS:
            return True
    elif all(k in lx.nationalities() or k in lx.MONTHS_DAYS for k in key):
        return True
    return False


def fused_pair(key: tuple[str, ...], st: FormStats, stats: dict[tuple[str, ...], FormStats]) -> bool:
    """A rare pair ending in a given name that is far more frequent alone: two people side by side
    ("Natásha Pierre grew animated", "Malvíntseva Nicholas"), not one name."""
    if len(key) != 2 or st.count > 2:
        return False
    if key[1] not in lx.given_names():
        return False
    alone = stats.get((key[1],))
    return alone is not None and alone.count >= 3 and alone.count > 2 * st.count


def score(stats: FormStats, lowercase_seen: dict[str, int]) -> float:
    key = stats.key
    given = lx.given_names()
    context = 0.0
    # a cue must be seen at least once per 20 occurrences: a place seen 50 times with one odd context is no person
    need = max(1, stats.count // 20)
    if stats.title >= need:
        context += 2
    if stats.role >= need:
        context += 2
    if stats.speech >= need:
        context += 2
    if stats.appositive >= need:
        context += 1.5
    if stats.listed:
        context += 2
    if stats.byline:
        context += 2  # "By Clara Voss", "— Priya Raman, chair of ..."
    if stats.full_of_person:
        context += 1  # "Barack Obama" beside "Obama said"
    if stats.determiner * 2 >= stats.count:
        context -= 2.5  # names do not take an article: "the Kremlin", "the Royal Household"
    if stats.pron_thing > stats.pron_person:
        context -= 2  # "Microsoft has launched ... its campaign": the next pronoun is "its"
    if stats.place_prep * 2 >= stats.count and stats.place_prep:
        context -= 2.5  # "in Adelaide", "at Forbes Field": where things happen, not who
    if len(key) >= 2:
        s = 1.0
        if key[0] in given and key[0] not in lx.TITLE_HEADS and not stats.org:
            s += 1.5
        if key[-1] in lx.surnames():
            s += 0.5
        if any(len(k) == 1 for k in key[1:-1]):
            s += 1
        if len(key) <= 3 and _SYLLABIC.match(stats.surface_last or ""):
            s += 1.5  # "Cheng Chung-tai", "Kim Jong-un": a romanised two-syllable given name
        names = [k for k in key if k not in lx.NAME_PARTICLES]
        if all(lx.is_ordinary(k) for k in names) and not any(k in given for k in names):
            s -= 3
        elif stats.noninitial and not any(
            lx.is_ordinary(k) or k in lowercase_seen or k in lx.TITLE_MODIFIERS for k in names
        ):
            s += 0.5  # no ordinary word at all, capitalised mid-sentence: "Romelu Lukaku", "Maxime Bernier"
        return s + context
    k = key[0]
    s = 0.0
    if k in given:
        s += 1
        if stats.noninitial and k not in lowercase_seen:
            s += 1  # a known given name used on its own mid-sentence ("Hayley", "Francine")
    elif lx.is_ordinary(k):
        s -= 2
        if k in lowercase_seen:
            s -= 3
    if stats.noninitial == 0 and context == 0:
        return -1.0
    return s + context

