"""Evidence that a candidate name form denotes a person, aggregated over all its occurrences.

A form (normalised token tuple) is accepted when its score reaches ``ACCEPT`` (2). Points (every weight is in the
:class:`Weights` table; a new occurrence rule is one function added to :data:`OCCURRENCE_RULES`, a new form
rule one added to :data:`FORM_RULES`):

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
- context, round 4: +2 addressed in dialogue, never after an article ("Go it, Pip!", "All ready there,
  Fedallah?"; :func:`vocative`), counted as person context; a kinship noun "of" the name counts as a role noun
  ("the father of Safie"); -2.5 when the possessive of a lone name heads a place or firm name at every use
  ("Walter's Mill", "Harold's Limited"); a speech verb after a comma is nobody's when a preposition comes just
  before the name ("Mary Owusu, a nurse from Kumasi, said"); a first word used as the given name of an
  accepted full name scores as a given name in the text's other pairs ("Takoda Marwick" ... "Takoda
  Wolfhart"); a given name of the world list (:func:`lexicon.world_given_names`) scores +1 alone, never the
  "never lowercase" point (it may be a place: "Lima"), and never makes a pair fused ("Harry Macey").
- full name of a lone person: +1 for a two- or three-token run whose surname ("Barack Obama" / "Obama said"),
  or for two tokens surname first whose first token ("Xi Jinping" / "Xi said"), is used alone with person
  context of its own (:func:`full_name_of_person`); for two or more tokens a person's act after the name
  ("Barack Obama spoke", "met", "visited", "arrived", "warned") counts as a speech verb.
- round 6: "according to" a run of two or more tokens, and a speech verb after an appositive naming a one-person
  role or an age ("Tarrago, the Panama coach, said"), count as a speech verb; a place before a one-person
  role noun is no place-in-place evidence ("Vargas, Panama captain"); a common given name that is a title
  scores as a given name in a pair the candidates kept ("Dean Kamen"); a lone cue word that is a common
  surname is no organisation when an accepted full name ends in it ("Damon Hill ... Hill's";
  :func:`surnames_that_are_cue_words`); an outlet that "reported" or "quoted X as saying" is a firm.
- context penalties: -2.5 when at least half of the occurrences follow an article and are not attributive
  ("the Kremlin said", "Save the Children told"; not "the Biden administration"); -2.5 when at least half of
  the occurrences follow a place preposition ("in Adelaide"; possessives excepted: "in Putin's Russia"),
  precede ", <known place>" ("Salem, New Jersey") or follow a thing noun ("the band Gigi", "the town of Coleman");
  -2 when, as the subject of a verb, the form is followed by "its" more often than by a personal pronoun
  ("Microsoft has launched an aggressive campaign ... its").
- hard rejects: an organisation/place/work cue word ("Institute", "House", "Day"; but a given name followed by
  a cue word that is a common surname is scored: "Doris Day", "Kanye West"), a place name (country, US state,
  world city), a month or weekday, a nationality, a title alone, a token with digits, a form starting with a
  foreign article ("Le Parisien", "La Masia"; "Marine Le Pen" is unaffected), a well-known organisation that
  "says" things in news (agencies, companies, clubs: "Reuters", "Xinhua", "Microsoft", "Juventus"; hand
  list ``organisation_names.txt`` without common surnames or given names).
- fused names: a pair seen at most twice whose second token is a given name used alone far more often is
  two people side by side ("Natásha Pierre grew animated"), not one; unless the pair starts with a given name
  never used alone and its second token never starts a name ("Bill Clinton" ... "Clinton said").
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from reader.nlp.people import lexicon as lx
from reader.nlp.people.candidates import Candidate
from reader.nlp.people.context import Form, PeopleContext

ACCEPT = 2.0


@dataclass(frozen=True, slots=True)
class Weights:
    """Every scoring weight, in one table (see the module docstring for what each point means)."""

    # context, counted once per form when seen at least once per ``CUE_RATE`` occurrences
    title: float = 2.0  # "King | Charles"
    role: float = 2.0  # "journalist Ivan Gershkovich"
    speech: float = 2.0  # "X said", "said X", "X was born"
    appositive: float = 1.5  # ", a policy adviser", ", 45,", "(1770–1827)", "(D-N.Y.)", "who"
    listed: float = 2.0  # a member of a list with an accepted person
    byline: float = 2.0  # "By Clara Voss", "— Priya Raman, chair of ..."
    vocative: float = 2.0  # "Go it, Pip!", "All ready there, Fedallah?" inside a quotation
    full_of_person: float = 1.0  # "Barack Obama" beside "Obama said"
    determiner: float = -2.5  # names do not take an article: "the Kremlin", "the Royal Household"
    pron_thing: float = -2.0  # "Microsoft has launched ... its campaign"
    place_prep: float = -2.5  # "in Adelaide", "at Forbes Field": where things happen, not who
    # two or more tokens
    multi_base: float = 1.0  # a capitalised run that survived cleaning
    given_first: float = 1.5  # a known given name first
    surname_last: float = 0.5  # a census surname last
    middle_initial: float = 1.0  # "George W. Bush"
    leading_initial: float = 1.0  # "S. Fleming": an initial before a census surname
    syllabic_given: float = 1.5  # "Cheng Chung-tai", "Kim Jong-un": a romanised two-syllable given name
    all_ordinary: float = -3.0  # "Little Rocket Man", "Truth Social"
    no_ordinary: float = 0.5  # "Romelu Lukaku", "Maxime Bernier" mid-sentence
    # one token
    lone_given: float = 1.0  # a known given name
    lone_given_never_lowercase: float = 1.0  # ... used alone mid-sentence, never lowercase ("Hayley")
    lone_ordinary: float = -2.0  # an ordinary English word
    lone_ordinary_lowercase: float = -3.0  # ... also written in lowercase in the document
    lone_without_evidence: float = -1.0  # the whole score of a lone word seen only at sentence starts, no context


WEIGHTS = Weights()
ORGANISATION_NAMES = lx.word_list("organisation_names")  # news agencies, companies, clubs
NAME_USE_RATE = 10  # a word capitalised mid-sentence this many times as often as written lowercase is used as a name
CUE_RATE = 20  # a cue must be seen at least once per 20 occurrences: one odd context does not make a place a person

_PREV_WORDS = re.compile(r"([^\W\d_][\w'’\-]*)[^\w]*$")
_NEXT = re.compile(r"\s*(,)?\s*([^\W\d_][\w'’\-]*)?(?:\s+([^\W\d_][\w'’\-]*))?")
_LIFE = re.compile(r"\s*,?\s*\(\s*(?:born\b|b\.|c\.\s*)?\s*(?:\d{1,2}\s+\w+\s+|\w+\s+\d{1,2}\s*,\s*)?\d{3,4}\s*(?:[-–)\];,]|in\b)")
_NEXT_WORD = re.compile(r"[ \t]+([a-z][\w'’\-]*)")
_COMMA_PLACE = re.compile(r"\s*,\s*((?:[A-Z][\w.\-]*)(?: [A-Z][\w.\-]*){0,2})(?=\s*[,.;:)]|\s*$|\s+[a-z])")
_THING_OF = re.compile(
    r"\b(?:town|city|village|county|province|state|district|municipality|region|island|port|kingdom|republic|duchy"
    r"|principality|parish|commune|township|borough|hamlet|suburbs?|outskirts|capital|valley|prairie|plateau|plains"
    r"|battle|siege|(?:north|south)(?:east|west)?|east|west)\s+of\s*$",
    re.I,
)
_PRONOUN = re.compile(r"\b(its|he|she|his|her|him)\b")
_POSS = re.compile(r"['’]")
_INITIALS_KEY = re.compile(r"[a-z](?:\.[a-z]){1,2}")  # "t.s" of "T.S. Eliot"
_SYLLABIC = re.compile(r"^[A-Z][a-z]{1,5}-[a-z]{1,5}$")
_AGE = re.compile(r"\s*,\s*\d{1,3}\s*,")
_CLAUSE = re.compile(r"[^,.;:!?()“”\"]*")
_WORDS = re.compile(r"[^\W\d_][\w'’\-]*")
_PARTY = re.compile(r"\s*\((?:D|R|I|Dem|Rep|Ind)[.-]\s?[A-Z]")
_ROLE_OF = re.compile(r"\b([a-z][\w-]*)\s+(?:of|at|for)\s+(?:the\s+)?(?:[A-Z][\w&.'’-]*,?\s+){0,4}[A-Z][\w&.'’-]*,\s*\Z")
_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|&|/)\s*$")


@dataclass(slots=True)
class FormStats:
    """Evidence for one name form, aggregated over all its occurrences (counts of occurrences with each cue)."""

    key: Form
    count: int = 0
    first: int = -1  # start of the first occurrence
    last: int = -1  # start of the last occurrence
    noninitial: int = 0  # occurrences not at a sentence start
    title: int = 0
    role: int = 0
    speech: int = 0
    appositive: int = 0
    listed: bool = False
    titles: dict[str, int] = field(default_factory=dict)  # title phrase as written -> count
    surface_last: str | None = None  # the last token as first written
    place_prep: int = 0
    determiner: int = 0
    pron_person: int = 0
    pron_thing: int = 0
    byline: int = 0
    possessive_place: int = 0  # "Rankin's Mill": the possessive heads a place or firm name
    firm_use: int = 0  # "Caloi was founded in 1898", "Caloi manufactures", "Caloi's voting shares"
    learned_given: bool = False  # its first word is the given name of a full name accepted in this text
    vocative: int = 0  # addressed in dialogue: "Go it, Pip!", "All ready there, Fedallah?"
    full_of_person: bool = False  # "Barack Obama" where "Obama" alone is a person by context

    def cue(self, n: int) -> bool:
        """A cue seen ``n`` times is evidence (at least once per ``CUE_RATE`` occurrences)."""
        return n >= max(1, self.count // CUE_RATE)


# --- detection: from candidates to accepted forms ------------------------------------------------------


def detect(ctx: PeopleContext) -> None:
    """Fill ``ctx.stats``, ``ctx.rejected`` and ``ctx.accepted`` from ``ctx.candidates`` (the form-level rules,
    in order; a new form-level rule is one more function in :data:`FORM_RULES`)."""
    collect_stats(ctx)
    for rule in FORM_RULES:
        rule(ctx)


def collect_stats(ctx: PeopleContext) -> None:
    """One :class:`FormStats` per form, with the context evidence of every occurrence (:data:`OCCURRENCE_RULES`)."""
    stats, rejected = ctx.stats, ctx.rejected
    for cand in ctx.candidates:
        key = cand.key
        st = stats.get(key)
        if st is None:
            st = stats[key] = FormStats(key, first=cand.start, surface_last=cand.surface[-1])
            if cand.org or never_a_person(key):
                rejected.add(key)
        st.count += 1
        st.last = cand.start
        if not cand.initial:
            st.noninitial += 1
        if key not in rejected:
            context_of(ctx.text, cand, st, ctx.lowercase_seen)


def reject_fused_pairs(ctx: PeopleContext) -> None:
    """A rare pair ending in a given name that is far more frequent alone: two people side by side
    ("Natásha Pierre grew animated", "Malvíntseva Nicholas"), not one name. Not when the pair starts with a
    given name never used alone and its second word never starts a name in the text: that word is a surname
    ("Bill Clinton" ... "Clinton said", "Tony Blair" ... "Blair"; but "Natásha" is used alone, and "Pierre"
    starts "Pierre Bezúkhov"). Never when the first word is an initial ("R. Walton") or the second is used as a
    surname after "Mr."/"Mrs."/"Miss" ("Jane Bennet", "Georgiana Darcy")."""
    given, world = lx.given_names(), lx.world_given_names()
    first_tokens = {k[0] for k in ctx.stats if len(k) >= 2}
    for key, st in ctx.stats.items():
        if len(key) != 2 or st.count > 2 or key[1] not in given or len(key[0]) == 1:
            continue  # "R. Walton": an initial is never a person of its own
        if key[1] in world:
            continue  # "Harry Macey": a given name of the world lists may well be a surname
        if key[0] in given and key[1] not in first_tokens and (key[0],) not in ctx.stats:
            continue  # "Bill Clinton ... Clinton said": the lone word is a surname, never a first name here
        alone = ctx.stats.get((key[1],))
        if alone is not None and _surname_by_title(alone):
            continue  # "Jane Bennet" where "Mr./Mrs./Miss Bennet" is the family's name
        if alone is not None and alone.count >= 3 and alone.count > 2 * st.count:
            ctx.rejected.add(key)


_SURNAME_TITLES = frozenset({"mr", "mrs", "miss", "ms"})


def _surname_by_title(alone: FormStats) -> bool:
    """A word written alone after "Mr.", "Mrs." or "Miss" in at least a quarter of its uses is a surname
    ("Mr. Bennet", "Miss Darcy"; not "Pierre", whose "Monsieur Pierre" is rare)."""
    titled = sum(n for t, n in alone.titles.items() if lx.family_title(t) in _SURNAME_TITLES)
    return 4 * titled >= alone.count


def _list_neighbours(ctx: PeopleContext, same_line: bool = False):
    """Pairs of neighbouring candidates joined as list members (", ", " and ", " or ", "&", "/")."""
    text, cands = ctx.text, ctx.candidates
    for a, b in zip(cands, cands[1:]):
        if b.ctx_start - a.ctx_end <= 8 and _LIST_GAP.match(text, a.ctx_end, b.ctx_start):
            if same_line and text[a.ctx_end : b.ctx_start].count("\n"):
                continue
            yield a, b


def places_in_place_lists(ctx: PeopleContext) -> None:
    """List members of places are places: "New South Wales, Victoria, South Australia and Queensland"; not a
    name before a place and a role noun of one person ("Vargas, Panama captain, said": his team)."""
    places = lx.places()
    for a, b in _list_neighbours(ctx):
        for x, y in ((a, b), (b, a)):
            if " ".join(x.key) in places and " ".join(y.key) not in places:
                if x is b and _role_after(ctx.text, b):
                    continue
                ctx.stats[y.key].place_prep += 1


def _role_after(text: str, cand: Candidate) -> bool:
    """A role noun of one person right after the candidate ("Panama coach")."""
    nxt = _NEXT_WORD.match(text, cand.ctx_end)
    return nxt is not None and cand.ctx_end == cand.end and _one_persons_role(nxt.group(1))


def full_names_of_people(ctx: PeopleContext) -> None:
    """Full names of people named alone by context: "Barack Obama ... Obama said", "Xi Jinping ... Xi said"."""
    accepted = accepted_forms(ctx)
    for key, st in ctx.stats.items():
        if full_name_of_person(key, ctx.stats, accepted, ctx.rejected, ctx.lowercase_seen):
            st.full_of_person = True
    ctx.accepted = unfused(ctx, accepted_forms(ctx))


def list_members(ctx: PeopleContext) -> None:
    """Members of a list with an accepted person are people: "presidents Bill Clinton, George W. Bush and
    Barack Obama" (two passes, so a chain of three is reached)."""
    for _ in range(2):
        changed = False
        for a, b in _list_neighbours(ctx, same_line=True):
            for x, y in ((a, b), (b, a)):
                if x.key in ctx.accepted and y.key not in ctx.accepted and len(y.key) >= 2 and y.key not in ctx.rejected:
                    ctx.stats[y.key].listed = True
                    changed = True
        if not changed:
            break
        ctx.accepted = unfused(ctx, accepted_forms(ctx))


def learned_given_names(ctx: PeopleContext) -> None:
    """A word the text uses as the given name of an accepted full name, though no list has it, is a given name
    in the other names of the text too: "Takoda Marwick" ... "Takoda Wolfhart" (two to three words, the last
    no ordinary word or place)."""
    given = lx.given_names()
    learned = {
        k[0]
        for k in ctx.accepted
        if len(k) >= 2 and len(k[0]) > 1 and k[0] not in given and not lx.is_ordinary(k[0]) and k[0] not in lx.NAME_PARTICLES
    }
    if not learned:
        return
    changed = False
    for key, st in ctx.stats.items():
        if (
            2 <= len(key) <= 3
            and key[0] in learned
            and key not in ctx.accepted
            and key not in ctx.rejected
            and not lx.is_ordinary(key[-1])
            and key[-1] not in lx.places()
        ):
            st.learned_given = changed = True
    if changed:
        ctx.accepted = unfused(ctx, accepted_forms(ctx))


_FAMILY_AFTER = re.compile(r"[ \t]+family\b")


def firms_by_use(ctx: PeopleContext) -> None:
    """A lone name used as a firm (:func:`firm_use_after`), or whose possessive names a place or firm at every
    use (:func:`possessive_place_after`), and never with a title is the firm, not the founder its full name
    names: "Caloi was founded in 1898 by Luigi Caloi", "Hale's Limited ... Anne Hale" (the lone name is nobody;
    the full name stays); its uses are marked as organisation names, so no person's surname is propagated onto them."""
    # "Goldman Sachs ... Goldman said": the first word of a firm the text names in full (no given name)
    heads = {k[0] for k in ctx.stats if len(k) >= 2 and " ".join(k) in ORGANISATION_NAMES}
    firms = {
        k
        for k, st in ctx.stats.items()
        if len(k) == 1
        and not st.title
        and (
            (st.firm_use and st.cue(st.firm_use))
            or st.possessive_place == st.count
            or (k[0] in heads and k[0] not in lx.given_names())
        )
    }
    if firms:
        ctx.rejected |= firms
        ctx.candidates = [
            replace(c, org=True) if c.key in firms and not _FAMILY_AFTER.match(ctx.text, c.end) else c
            for c in ctx.candidates
        ]  # "the Caloi family" still names the people


_NUMBER_AFTER = re.compile(r"[ \t]+\d")


def surnames_that_are_cue_words(ctx: PeopleContext) -> None:
    """"Damon Hill ... Hill's team mate", "Doris Day ... Day said": a lone organisation/place cue word that is
    a common surname ("hill", "day") is the surname of an accepted full name that ends in it, not a place or
    firm: its uses are no longer organisation names, so linking and propagation give them to the person."""
    surnames = {k[-1] for k in ctx.accepted if len(k) >= 2 and lx.is_surname_cue(k)}
    lone = {(k,) for k in surnames if (k,) in ctx.rejected and not never_a_person((k,))}
    if not lone:
        return
    ctx.candidates = [
        replace(c, org=False)
        if c.key in lone and c.org and c.title is None and not _NUMBER_AFTER.match(ctx.text, c.end)
        else c
        for c in ctx.candidates
    ]  # "Day 3", "Hill 60": a numbered day or hill stays a thing; "Mr. Mills" beside "Sandra Mills" is not hers
    freed = {c.key for c in ctx.candidates if c.key in lone and not c.org}
    ctx.rejected -= freed
    for cand in ctx.candidates:
        if cand.key in freed and not cand.org:
            context_of(ctx.text, cand, ctx.stats[cand.key], ctx.lowercase_seen)


FORM_RULES: tuple[Callable[[PeopleContext], None], ...] = (
    firms_by_use,
    reject_fused_pairs,
    places_in_place_lists,
    full_names_of_people,
    surnames_that_are_cue_words,
    learned_given_names,
    list_members,
)


def accepted_forms(ctx: PeopleContext) -> set[Form]:
    """Forms not rejected whose score reaches ``ACCEPT``."""
    return {
        k for k, st in ctx.stats.items() if k not in ctx.rejected and score(st, ctx.lowercase_seen) >= ACCEPT
    }


def unfused(ctx: PeopleContext, forms: set[Form]) -> set[Form]:
    """Two full names run together ("Rhett Butler Hattie McDaniel") are not one name when either half is a
    name used on its own; the halves are then found separately (longest match)."""
    out = set(forms)
    first_names_of: dict[str, set[str]] = {}  # surname -> first tokens of the full names ending with it
    for k in forms:
        if len(k) >= 2:
            first_names_of.setdefault(k[-1], set()).add(k[0])
    for key in forms:
        if len(key) >= 4 and any(key[:i] in forms or key[i:] in forms for i in range(2, len(key) - 1)):
            out.discard(key)
        elif (
            len(key) == 3
            and key[:2] in forms
            and (key[1],) in ctx.stats
            and first_names_of.get(key[2], set()) - {key[0]}
        ):
            # "Gianluigi Buffon Hart": a full name whose surname is also used alone ("Buffon"), then the
            # surname of someone else ("Joe Hart"); "Nicholas Andréevich Bolkónski" stays (no lone "Andréevich")
            out.discard(key)
    return out


def context_singles(ctx: PeopleContext) -> set[Form]:
    """Lone forms with person context of their own, never written in lowercase ("Xi said")."""
    return {
        k
        for k, st in ctx.stats.items()
        if len(k) == 1 and k not in ctx.rejected and k[0] not in ctx.lowercase_seen and person_context(st)
    }


def addressed(stats: FormStats) -> bool:
    """Addressed in dialogue (:func:`vocative`) and never after an article ("the Nantucketer", "the
    Tahitian" are what someone is, not their name)."""
    return stats.cue(stats.vocative) and stats.determiner == 0


def person_context(stats: FormStats) -> bool:
    """A form with context evidence of its own that it is a person (title, role noun, speech verb, appositive),
    and no article/place/"its" penalty."""
    if not (
        stats.cue(stats.title)
        or stats.cue(stats.role)
        or stats.cue(stats.speech)
        or stats.cue(stats.appositive)
        or addressed(stats)
    ):
        return False
    if stats.determiner * 2 >= stats.count or stats.pron_thing > stats.pron_person:
        return False
    return not (stats.place_prep and stats.place_prep * 2 >= stats.count)


def full_name_of_person(
    key: Form,
    stats: dict[Form, FormStats],
    accepted: set[Form],
    rejected: set[Form],
    lowercase_seen: dict[str, int],
) -> bool:
    """A two- or three-token run whose surname ("Barack Obama" -> "Obama"), or, for a surname-first East Asian
    name, whose first token ("Xi Jinping" -> "Xi"), is used alone as a person by context evidence: the run is
    that person's full name. Every token must be a non-word (no ordinary English word, place, nationality,
    month or title: "New Delhi", "White House", "Monday Obama" stay out); for the first-token case only the
    remaining tokens must be ("Xi" is also a Greek letter)."""
    if not 2 <= len(key) <= 3 or key in accepted or key in rejected or any(k in lx.NAME_PARTICLES for k in key):
        return False

    def plain(tokens: Form) -> bool:
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
        return person_context(st)

    if plain(key) and person_alone(key[-1]):
        return True
    # surname first ("Xi Jinping" / "Xi said"): the lone first token is not a given name (else the run is
    # scored as given name + surname already), the rest looks like a romanised given name and is never used
    # alone ("the Polaroids"; "Steelkilt Charlemagne" beside a lone "Charlemagne"), and the first token is not the surname of someone else named in full ("Andy
    # Warhol" ... "Warhol Polaroid exhibits")
    first = key[0]
    if key[1:] in stats or any(len(k) >= 2 and k[-1] == first for k in accepted):
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


# --- context evidence of one occurrence ----------------------------------------------------------------


@dataclass(slots=True)
class Occurrence:
    """One occurrence of a form, the thing every occurrence rule looks at."""

    text: str
    cand: Candidate
    stats: FormStats
    lowercase_seen: dict[str, int] = field(default_factory=dict)  # word -> times written in lowercase


@dataclass(slots=True)
class PrevWord:
    """The word just before a run (within 30 characters) and what lies between it and the run."""

    word: str  # as written
    low: str  # normalised
    gap: str  # stripped text between the word and the run
    left: str  # the 30 characters before the run


def context_of(text: str, cand: Candidate, stats: FormStats, lowercase_seen: dict[str, int] | None = None) -> None:
    """Add the left/right context evidence of one occurrence to ``stats`` (every rule in :data:`OCCURRENCE_RULES`)."""
    occ = Occurrence(text, cand, stats, lowercase_seen if lowercase_seen is not None else {})
    for rule in OCCURRENCE_RULES:
        rule(occ)


_BYLINE_BEFORE = re.compile(
    r"(?:\A|\n)[ \t]*(?:(?:[Bb]y|BY|(?:[Ww]ritten|[Rr]eported|[Rr]eporting|[Ww]ords|[Ss]tory|[Ii]nterview) by)"
    r"|[—–―]{1,2}|--)[ \t]*\Z"
)
_BYLINE_AFTER = re.compile(r"[ \t]*(?:\n|\Z|[,|·•/]|and\b|&|\(|[—–]|in\b|for\b)")


def byline(occ: Occurrence) -> None:
    """"By Clara Voss, Arts Correspondent" at the start of a line, or a quotation's attribution line "— Priya
    Raman, chair of the finance committee": the name of the writer or speaker."""
    text, cand = occ.text, occ.cand
    if len(cand.key) < 2 or not cand.first_in_run or cand.title is not None:
        return
    if not _BYLINE_BEFORE.search(text, max(0, cand.ctx_start - 40), cand.ctx_start):
        return
    line_end = text.find("\n", cand.ctx_end)
    line_end = len(text) if line_end < 0 else line_end
    if line_end - cand.ctx_end <= 80 and _BYLINE_AFTER.match(text, cand.ctx_end) is not None:
        occ.stats.byline += 1


def peeled_title(occ: Occurrence) -> None:
    """A title was peeled from the run ("King | Charles"); the title phrase is kept."""
    title = occ.cand.title
    if title is not None:
        occ.stats.title += 1
        occ.stats.titles[title] = occ.stats.titles.get(title, 0) + 1


def peeled_nationality(occ: Occurrence) -> None:
    """"Croatian Goran Ivanisevic", "Swede Thomas Enqvist": a nationality before a full name of two or more
    tokens says what a person is, like a role noun, when the run ends there in a word that is no ordinary word,
    place or nationality ("British Petroleum" leaves one token, "Dutch East Indies" ends in a word: no
    evidence)."""
    cand = occ.cand
    key = cand.key
    if not (cand.nationality and cand.title is None and len(key) >= 2 and not cand.org and cand.last_in_run):
        return
    if not lx.is_ordinary(key[-1]) and key[-1] not in lx.places() and key[-1] not in lx.nationalities():
        occ.stats.role += 1


def word_before(occ: Occurrence) -> None:
    """The lowercase word (or opening quote) just before the run: an article, then the first of
    :data:`WORD_BEFORE_RULES` that applies."""
    cand = occ.cand
    if not cand.first_in_run:
        return
    left = occ.text[max(0, cand.ctx_start - 30) : cand.ctx_start]
    m = _last_word(left)
    if not m:
        return
    prev = m.group(1)
    if not (prev[0].islower() or prev[0] in "\"“'‘"):
        return
    before = PrevWord(prev, lx.norm(prev), left[m.end(1) :].strip(), left)
    article_before(occ, before)
    for rule in WORD_BEFORE_RULES:
        if rule(occ, before):
            break


def _last_word(left: str) -> re.Match[str] | None:
    """``_PREV_WORDS.search(left)``, searched only from the last space before the last word character (the
    match cannot start earlier: it must reach every word character after it); 4x fewer attempts."""
    j = len(left) - 1
    while j >= 0 and not (left[j].isalnum() or left[j] == "_"):  # the \w of re: isalnum() or "_"
        j -= 1
    if j < 0:
        return None
    return _PREV_WORDS.search(left, left.rfind(" ", 0, j) + 1)


def article_before(occ: Occurrence, before: PrevWord) -> None:
    """"the Kremlin said" is not a name; "the Biden administration" is a name used attributively."""
    if before.low in lx.DETERMINERS and before.gap == "" and occ.cand.title is None:
        nxt = _NEXT_WORD.match(occ.text, occ.cand.ctx_end)
        if not nxt or nxt.group(1).casefold() in lx.SPEECH_VERBS:
            occ.stats.determiner += 1


def place_preposition_before(occ: Occurrence, before: PrevWord) -> bool:
    """"in Adelaide" (not a possessive: "in Putin's Russia")."""
    if before.low in lx.PLACE_PREPOSITIONS and before.gap == "" and not _POSS.match(occ.text, occ.cand.end):
        occ.stats.place_prep += 1
        return True
    return False


def thing_noun_before(occ: Occurrence, before: PrevWord) -> bool:
    """"the band Gigi", "the brand Caloi"."""
    if before.low in lx.THING_NOUNS and before.gap == "":
        occ.stats.place_prep += 1
        return True
    return False


def place_of_before(occ: Occurrence, before: PrevWord) -> bool:
    """"the town of Coleman"."""
    if before.low == "of" and _THING_OF.search(before.left):
        occ.stats.place_prep += 1
        return True
    return False


def role_noun_before(occ: Occurrence, before: PrevWord) -> bool:
    """"journalist Ivan Gershkovich", "athletes Vitas Gerulaitis", "the team's coach, Alireza Mehraban"."""
    if (before.low in lx.ROLE_NOUNS or before.low[:-1] in lx.ROLE_NOUNS) and before.gap in ("", ","):
        occ.stats.role += 1
        return True
    return False


def speech_verb_before(occ: Occurrence, before: PrevWord) -> bool:
    """"said Keir Starmer"."""
    if before.low in lx.SPEECH_VERBS and before.gap in ("", ","):
        occ.stats.speech += 1
        return True
    return False


_ACCORDING_TO = re.compile(r"\baccording[ \t]+to[ \t]*$", re.I)


def according_to_before(occ: Occurrence, before: PrevWord) -> bool:
    """"according to Marta Okonjo, a lawyer": the source of a report, a person when the run has two or more
    tokens (a lone word after "according to" is as often a paper, firm or agency: "according to Haaretz",
    "according to Nielsen"; the determiner rule keeps out "according to the ministry")."""
    if before.low == "to" and before.gap == "" and len(occ.cand.key) >= 2 and _ACCORDING_TO.search(before.left):
        occ.stats.speech += 1
        return True
    return False


_KIN_OF = re.compile(r"\b([a-z]+)\s+of\s*$")


def kin_of_before(occ: Occurrence, before: PrevWord) -> bool:
    """"the father of Safie", "the wife of Fedallah": a kinship noun "of" the name (counted as a role)."""
    if before.low == "of" and before.gap == "":
        m = _KIN_OF.search(before.left)
        if m and (m.group(1) in lx.KIN_MALE or m.group(1) in lx.KIN_FEMALE):
            occ.stats.role += 1
            return True
    return False


WORD_BEFORE_RULES: tuple[Callable[[Occurrence, PrevWord], bool], ...] = (
    place_preposition_before,
    thing_noun_before,
    place_of_before,
    kin_of_before,
    role_noun_before,
    speech_verb_before,
    according_to_before,
)


def pronoun_after_subject(occ: Occurrence) -> None:
    """The name is the subject ("Microsoft has launched ... its campaign"): which pronoun follows?"""
    text, cand = occ.text, occ.cand
    if not cand.last_in_run:
        return
    nxt = _NEXT_WORD.match(text, cand.ctx_end)
    if not (nxt and nxt.group(1) in lx.SUBJECT_VERBS and cand.ctx_end == cand.end):
        return
    window = text[cand.ctx_end : cand.ctx_end + 90]
    m = _PRONOUN.search(window)
    if m and not any(ch in window[: m.start()] for ch in ".;!?“”\""):
        if m.group(1) == "its":
            occ.stats.pron_thing += 1
        else:
            occ.stats.pron_person += 1


def place_after_comma(occ: Occurrence) -> None:
    """"Salem, New Jersey", "Coleman , Florida": a place in a place; not a place before a role noun of one
    person, which says whose team or country the person serves ("Vargas, Panama captain, said", "Ruiz,
    Mexico coach")."""
    cand = occ.cand
    if not cand.last_in_run:
        return
    place = _COMMA_PLACE.match(occ.text, cand.ctx_end, cand.ctx_end + 40)
    if place and " ".join(lx.norm(t) for t in place.group(1).split()) in lx.places():
        nxt = _NEXT_WORD.match(occ.text, place.end(1))
        if nxt and _one_persons_role(nxt.group(1)):
            return
        occ.stats.place_prep += 1


def _one_persons_role(word: str) -> bool:
    """A role noun in the singular ("captain", "coach", "minister"; not "officials", "police")."""
    low = word.casefold()
    return low in lx.ROLE_NOUNS and (not low.endswith("s") or low.endswith("ss"))


_APPOSITIVE_THEN_SPEECH = re.compile(r"[ \t]*,[ \t]*([^,.;:!?()\[\]“”\"\n]{1,70}?)[ \t]*,[ \t]*([a-z]+)\b")
_AGE_ONLY = re.compile(r"\d{1,3}")


def speech_verb_after_appositive(occ: Occurrence) -> None:
    """"Hernan Dario Gomez, Panama coach, said", "Vargas, the team's captain, told reporters", "Ilse Brandvold,
    45, added": a speech verb after an appositive that names a role of one person (or an age) has the run
    before it as its subject (not after a preposition: "a nurse from Kumasi, the regional capital, said")."""
    cand = occ.cand
    if not cand.last_in_run or cand.ctx_end != cand.end:
        return
    m = _APPOSITIVE_THEN_SPEECH.match(occ.text, cand.end, cand.end + 90)
    if m is None or m.group(2) not in lx.SPEECH_VERBS_AFTER:
        return
    clause = m.group(1).strip()
    words = _WORDS.findall(clause)
    if not (_AGE_ONLY.fullmatch(clause) or (len(words) <= 8 and any(_one_persons_role(w) for w in words))):
        return
    if not _preposition_before(occ):
        occ.stats.speech += 1


_POSSESSIVE_NAME_OF = re.compile(r"[ \t]*['’][ \t]*s[ \t]+((?:[A-Z][\w\-]*[ \t]+){0,2}[A-Z][\w\-]*)")
_POSSESSIVE_ALONE = re.compile(r"[ \t]*['’][ \t]*s(?=[ \t]*(?:[-–—,;:)]|\n|\Z|(?:and|or)[ \t]+[a-z]))")


def possessive_place_after(occ: Occurrence) -> None:
    """"Rankin's Mill", "Perley's Mills", "Halvorsen's Limited", "Hale's Broadcasting Service": a lone name
    whose possessive heads a place or firm name (an organisation/place cue word among the three capitalised
    words after the "'s"), or stands for one with no noun after it ("bought Hale's and sold it", "Milepost 3:
    Hale's - spur"), at every use names that place or firm, not a person (one such use beside others is no
    evidence: "Obama's Cabinet met. Obama said")."""
    cand = occ.cand
    if len(cand.key) != 1 or not cand.last_in_run:
        return
    m = _POSSESSIVE_NAME_OF.match(occ.text, cand.end, cand.end + 60)
    if m and any(lx.is_org_cue(lx.norm(w)) for w in m.group(1).split()):
        occ.stats.possessive_place += 1
    elif m is None and _POSSESSIVE_ALONE.match(occ.text, cand.end, cand.end + 20):
        occ.stats.possessive_place += 1


_FIRM_USE_AFTER = re.compile(
    r"[ \t]+(?:(?:was|were|is|has[ \t]+been|had[ \t]+been)[ \t]+(?:founded|established|incorporated|headquartered"
    r"|liquidated|floated|privatised|privatized|nationalised|nationalized)"
    r"|(?:currently[ \t]+)?manufactures)\b"
    r"|[ \t]*['’][ \t]*s[ \t]+(?:[a-z]+[ \t]+)?(?:shares|shareholders|subsidiary|subsidiaries|factory|factories"
    r"|customers|workforce|products|reporters?|correspondents?|website|editors?|newsroom|readers|viewers)\b"
    # a news outlet: "Bloomberg reported", "Interfax quoted him as saying", "Haaretz's correspondent"
    # (not "X reports on", "X reported from Kabul": a reporter)
    r"|[ \t]+(?:reported(?![ \t]+from\b)|quoted[ \t]+(?:[\w'’.-]+[ \t]+){1,5}?as[ \t]+saying)\b"
)


def firm_use_after(occ: Occurrence) -> None:
    """"Caloi was founded in 1898", "Caloi currently manufactures", "Caloi's voting shares": what only a firm
    is or has (a person is born, not founded; "acquired" and "listed" are said of players too); and what a
    news outlet does or has: "Bloomberg reported", "Interfax quoted him as saying", "Haaretz's correspondent"."""
    cand = occ.cand
    if len(cand.key) == 1 and cand.last_in_run and _FIRM_USE_AFTER.match(occ.text, cand.end, cand.end + 60):
        occ.stats.firm_use += 1


def words_after(occ: Occurrence) -> None:
    """What follows the run: a lowercase word (the first of :data:`WORD_AFTER_RULES` that applies), else the
    first of :data:`MARK_AFTER_RULES` (an age, life dates, a party and state)."""
    cand = occ.cand
    if not cand.last_in_run:
        return
    m = _NEXT.match(occ.text, cand.ctx_end, cand.ctx_end + 40)
    word = m.group(2)
    rules = WORD_AFTER_RULES if word and word[0].islower() else MARK_AFTER_RULES
    for rule in rules:
        if rule(occ, m):
            return


def speech_verb_after(occ: Occurrence, m: re.Match[str]) -> bool:
    """"Keir Starmer said", "Zelensky told", "X died"; not when a preposition comes just before the name: "Ama
    Owusu, a nurse from Kumasi, said" closes an appositive, the speaker is Ama Owusu; "a serf who had come from
    Bórovsk said" is the serf speaking."""
    if m.group(2).casefold() in lx.SPEECH_VERBS_AFTER:
        if _preposition_before(occ):
            return True
        occ.stats.speech += 1
        return True
    return False


def _preposition_before(occ: Occurrence) -> bool:
    """The word just before the run is a place preposition, "from" or "of" ("from Kumasi", "of Ghana")."""
    cand = occ.cand
    left = occ.text[max(0, cand.ctx_start - 30) : cand.ctx_start]
    w = _last_word(left)
    if not w or left[w.end(1) :].strip():
        return False
    low = lx.norm(w.group(1))
    return low in ("of", "from") or low in lx.PLACE_PREPOSITIONS


def person_verb_after_full_name(occ: Occurrence, m: re.Match[str]) -> bool:
    """"Barack Obama spoke", "Xi Jinping met": a person's act, for an untitled name of two or more tokens."""
    if m.group(2).casefold() in lx.PERSON_VERBS_AFTER_FULL and len(occ.cand.key) >= 2 and occ.cand.title is None:
        occ.stats.speech += 1
        return True
    return False


def participle_after(occ: Occurrence, m: re.Match[str]) -> bool:
    """"X was born", "X has died", "X is married"."""
    if m.group(2).casefold() in ("was", "is", "has", "had") and (m.group(3) or "").casefold() in lx.PERSON_PARTICIPLES:
        occ.stats.speech += 1
        return True
    return False


def relative_who_after(occ: Occurrence, m: re.Match[str]) -> bool:
    """", who ...", ", whose ..."."""
    if m.group(1) and m.group(2).casefold() in ("who", "whose"):
        occ.stats.appositive += 1
        return True
    return False


def role_appositive_after(occ: Occurrence, m: re.Match[str]) -> bool:
    """", a foreign policy adviser,": an appositive clause starting with a determiner or role noun and naming
    a role."""
    if not m.group(1):
        return False
    clause = _CLAUSE.match(occ.text, m.start(2), m.start(2) + 80).group()
    ws = [w.casefold() for w in _WORDS.findall(clause)][:7]
    if ws and (ws[0] in lx.APPOSITIVE_STARTS or ws[0] in lx.ROLE_NOUNS) and any(w in lx.ROLE_NOUNS for w in ws):
        occ.stats.appositive += 1
        return True
    return False


def age_after(occ: Occurrence, m: re.Match[str]) -> bool:
    """", 45,"."""
    if m.group(1) and _AGE.match(occ.text, occ.cand.ctx_end):
        occ.stats.appositive += 1
        return True
    return False


def life_dates_after(occ: Occurrence, m: re.Match[str]) -> bool:
    """"Ludwig van Beethoven (1770–1827)", "(born 1950)"."""
    if _LIFE.match(occ.text, occ.cand.ctx_end):
        occ.stats.appositive += 1
        return True
    return False


def party_after(occ: Occurrence, m: re.Match[str]) -> bool:
    """"Chuck Schumer (D-N.Y.)", "(R-Texas)": a legislator."""
    if _PARTY.match(occ.text, occ.cand.ctx_end):
        occ.stats.appositive += 1
        return True
    return False


WORD_AFTER_RULES: tuple[Callable[[Occurrence, re.Match[str]], bool], ...] = (
    speech_verb_after,
    person_verb_after_full_name,
    participle_after,
    relative_who_after,
    role_appositive_after,
)
MARK_AFTER_RULES: tuple[Callable[[Occurrence, re.Match[str]], bool], ...] = (age_after, life_dates_after, party_after)


def role_of_organisation_before(occ: Occurrence) -> None:
    """"the chief executive of Northgate Dredging Inc., James T. Whitfield", "the co-founder of Google, Sergey
    Brin": a role noun "of" an organisation just before counts as a role noun."""
    text, cand = occ.text, occ.cand
    if cand.first_in_run and cand.title is None and "," in text[max(0, cand.ctx_start - 3) : cand.ctx_start]:
        m = _ROLE_OF.search(text, max(0, cand.ctx_start - 90), cand.ctx_start)
        if m and lx.norm(m.group(1)) in lx.ROLE_NOUNS:
            occ.stats.role += 1


_VOCATIVE_BEFORE = re.compile(r"(?:[,!“\"‘]|\b(?:thou|O))[ \t]*\Z")
_VOCATIVE_AFTER = re.compile(r"[ \t]*(?:[!?]|[,;](?=[ \t]+(?!and\b|or\b)[a-z]))")


def _in_quotation(text: str, pos: int) -> bool:
    """An opening quotation mark before ``pos`` on its line (within 400 characters) is still open."""
    lo = max(text.rfind("\n", max(0, pos - 400), pos) + 1, pos - 400, 0)
    left = text[lo:pos]
    opened, closed = left.rfind("“"), left.rfind("”")
    if opened >= 0 or closed >= 0:
        return opened > closed
    return left.count('"') % 2 == 1


def vocative(occ: Occurrence) -> None:
    """Addressed in dialogue: a name of one or two words, no hyphen, no ordinary word the text also writes in
    lowercase, not at a sentence start, inside a quotation after a comma, "!" or "thou", and before "!" or "?"
    (or a comma or semicolon and a lowercase word: "Hold up thy hoop, Pip, till I jump"): "Go it, Pip!", "All
    ready there, Fedallah?"."""
    text, cand = occ.text, occ.cand
    if len(cand.key) > 2 or cand.title is not None or cand.initial or not (cand.first_in_run and cand.last_in_run):
        return  # at a sentence start: "“Hm!”", "“Bonjour!”"
    if any("-" in k or (lx.is_ordinary(k) and k in occ.lowercase_seen) for k in cand.key):
        return  # "Ha-ha-ha!", "Mother?" (also written "mother"): exclamations and words of address
    if cand.ctx_end != cand.end or not _VOCATIVE_AFTER.match(text, cand.end):
        return
    if _VOCATIVE_BEFORE.search(text, max(0, cand.start - 8), cand.start) and _in_quotation(text, cand.start):
        occ.stats.vocative += 1


OCCURRENCE_RULES: tuple[Callable[[Occurrence], None], ...] = (
    byline,
    vocative,
    peeled_title,
    peeled_nationality,
    word_before,
    pronoun_after_subject,
    place_after_comma,
    possessive_place_after,
    firm_use_after,
    words_after,
    speech_verb_after_appositive,
    role_of_organisation_before,
)
"""Every occurrence rule, in order; a new piece of context evidence is one more function here (and, if it
needs a new count, one more :class:`FormStats` field and :class:`Weights` entry)."""


# --- forms that are never people; the score ----------------------------------------------------------------


_NUMBER_WORD = re.compile(
    r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-(?:one|two|three|four|five|six|seven|eight|nine)"
    r"(?:-(?:hundred|thousand))?|(?:one|two|three|four|five|six|seven|eight|nine|ten)-(?:hundred|thousand)"
)


def never_a_person(key: Form) -> bool:
    """Forms that are never a person whatever the context (organisation cue words are judged per candidate)."""
    if any(ch.isdigit() for k in key for ch in k) or any(_NUMBER_WORD.fullmatch(k) for k in key):
        return True  # "Twenty-three soldiers": a number, written in digits or words
    if " ".join(key) in lx.places() or " ".join(key) in ORGANISATION_NAMES:
        return True  # "Reuters said", "Juventus beat": a place or a well-known organisation
    if key[0].startswith(("l'", "l’")) and len(key[0]) > 3:
        return True  # "L'Equipe", "L'Oréal"
    if _plural_of_a_name(key):
        return True  # "the Rochester Jeffersons": a team or a family, not a person
    if key[0] in lx.FOREIGN_ARTICLES and len(key) >= 2:
        return True  # "Le Parisien", "La Masia", "El Niño": a title or place, not a person
    if len(key) == 1:
        k = key[0]
        return (
            k in lx.MONTHS_DAYS
            or k in lx.nationalities()
            or k in lx.STOP
            or lx.is_title_head(k)
            or k in lx.TITLE_MODIFIERS
        )
    return all(k in lx.nationalities() or k in lx.MONTHS_DAYS for k in key)


def _plural_of_a_name(key: Form) -> bool:
    """A run ending in the plural of a surname or given name that is no name itself: a team or a family
    ("the Rochester Jeffersons"; "Nicholas Peters", "Pete Sampras" stay)."""
    last = key[-1]
    if len(key) < 2 or len(last) < 4 or not last.endswith("s") or last.endswith("ss"):
        return False
    if last in lx.surnames() or last in lx.given_names() or last in lx.world_given_names():
        return False
    return last[:-1] in lx.surnames()


def context_score(stats: FormStats, w: Weights = WEIGHTS) -> float:
    """Points from the context of a form's occurrences (each cue counted once)."""
    s = 0.0
    if stats.cue(stats.title):
        s += w.title
    if stats.cue(stats.role):
        s += w.role
    if stats.cue(stats.speech):
        s += w.speech
    if stats.cue(stats.appositive):
        s += w.appositive
    if stats.listed:
        s += w.listed
    if stats.byline:
        s += w.byline
    if addressed(stats):
        s += w.vocative
    if stats.full_of_person:
        s += w.full_of_person
    if stats.determiner * 2 >= stats.count:
        s += w.determiner
    if stats.pron_thing > stats.pron_person:
        s += w.pron_thing
    if stats.place_prep * 2 >= stats.count and stats.place_prep:
        s += w.place_prep
    elif stats.possessive_place == stats.count:
        s += w.place_prep  # "Rankin's Mill" at every use
    return s


def syllabic_given_name(stats: FormStats) -> bool:
    """A romanised East Asian two-syllable given name last ("Cheng Chung-tai", "Kim Jong-un")."""
    return len(stats.key) <= 3 and bool(_SYLLABIC.match(stats.surface_last or ""))


def multi_token_score(stats: FormStats, lowercase_seen: dict[str, int], w: Weights = WEIGHTS) -> float:
    """Points from the tokens of a form of two or more tokens."""
    key = stats.key
    given = lx.given_names()
    s = w.multi_base
    if (key[0] in given and (key[0] not in lx.TITLE_HEADS or _given_name_as_title(key, lowercase_seen))) or stats.learned_given:
        s += w.given_first
    if key[-1] in lx.surnames():
        s += w.surname_last
    if any(len(k) == 1 for k in key[1:-1]):
        s += w.middle_initial
    elif len(key) == 2 and len(key[0]) == 1 and key[-1] in lx.surnames():
        s += w.leading_initial
    elif _INITIALS_KEY.fullmatch(key[0]) and not lx.is_ordinary(key[-1]) and key[-1] not in lx.places():
        # "T.S. Eliot", "O.J. Simpson": two or three initials written together before a surname
        s += w.leading_initial
    if syllabic_given_name(stats):
        s += w.syllabic_given
    names = [k for k in key if k not in lx.NAME_PARTICLES]
    if all(lx.is_ordinary(k) for k in names) and not any(k in given for k in names):
        s += w.all_ordinary
    elif stats.noninitial and not any(lx.is_ordinary(k) or k in lowercase_seen or k in lx.TITLE_MODIFIERS for k in names):
        s += w.no_ordinary
    return s


def _given_name_as_title(key: Form, lowercase_seen: dict[str, int]) -> bool:
    """"Dean Kamen", "Earl Warren": a title word that is a common given name (census rank <= 200) left in a pair
    by the candidates (:func:`.candidates.given_name_title`) is the given name when the text never writes it in
    lowercase ("the dean said" keeps "Dean Kamen" a dean)."""
    return len(key) == 2 and lx.given_name_ranks().get(key[0], 10**6) <= 200 and key[0] not in lowercase_seen


def lone_token_score(stats: FormStats, lowercase_seen: dict[str, int], w: Weights = WEIGHTS) -> float:
    """Points from the one token of a lone form."""
    k = stats.key[0]
    s = 0.0
    if k in lx.given_names():
        s += w.lone_given
        if stats.noninitial and k not in lowercase_seen and k not in lx.world_given_names():
            s += w.lone_given_never_lowercase  # (a world given name may be a place: "Lima", "Sahara")
    elif lx.is_ordinary(k):
        s += w.lone_ordinary
        if k in lowercase_seen and stats.noninitial < NAME_USE_RATE * lowercase_seen[k]:
            s += w.lone_ordinary_lowercase  # (not "Flask": capitalised mid-sentence 30 times as often as "flask")
    return s


def score(stats: FormStats, lowercase_seen: dict[str, int]) -> float:
    """The evidence score of a form; accepted at ``ACCEPT`` or more."""
    context = context_score(stats)
    if len(stats.key) >= 2:
        return multi_token_score(stats, lowercase_seen) + context
    if stats.noninitial == 0 and context == 0:
        return WEIGHTS.lone_without_evidence
    return lone_token_score(stats, lowercase_seen) + context
