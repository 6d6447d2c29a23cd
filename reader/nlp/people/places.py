"""Places told by their context: names the text uses where places go, never as someone.

Runs after detection (:func:`reader.nlp.people.detection.detect_people`) and before linking. A form is a place
when, over all its occurrences, at least two and at least half follow a place word of
``data/place_context_words.txt`` (an article may sit between: "in Kent", "came into Kent", "to leave Kent",
"at Tarútino", "to the Túla road"; not "according to"; never a month or day: "in June"), and no occurrence says it is a person: no title
("Mr. Kent"), no verb or speech after it ("Kent said", "Kent was"; any "-ed" word counts), no possessive ("Kent's"),
no speech verb before it ("said Kent"), and the form has no context evidence of a person at all (speech, role
noun, appositive, a person's pronoun after it). A form that starts with a known given name ("Elizabeth Bennet")
is never a place. A rarely used pair whose first word is such a place ("Tarútino Kutúzov": two of them at most)
(a place that is not also a given name) is a place and a person side by side, not a name: the person's own forms inside it are still mentions.

Found places are rejected (never a person: no lone-name rule links them) and no longer accepted.

A lone name written before a family noun of ``data/family_nouns.txt`` ("the Rostóv family", "the fine ancestral
Rostóv house", "the Bennet girls") names a family or its home, not one person: in a book (a text with chapter
headings) :func:`family_uses` drops those candidates before mentions are located (they still counted as
evidence for the name). Not in news, whose annotation counts "the Kennedy family" as a person mention.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace
from functools import cache

from reader.nlp.people import lexicon as lx
from reader.nlp.people.candidates import Candidate
from reader.nlp.people.context import Form, PeopleContext
from reader.nlp.people.evidence import NAME_USE_RATE, FormStats

_PREV = re.compile(r"(\w+)(?:[ \t\n]+(?:the|The))?[ \t\n]+\Z")
_NEXT = re.compile(r"\A(?:['’]s\b|[ \t\n]+(\w+))")
_LOOKBACK = 32
_MAX_PAIR_USES = 2
_MAX_PERSON_SHARE = 10  # a stray use that reads like a person's is allowed per ten place uses


@cache
def place_words() -> frozenset[str]:
    return lx.word_list("place_context_words")


@cache
def place_nouns() -> frozenset[str]:
    return lx.word_list("place_nouns")


def _word_before(text: str, end: int) -> str:
    m = _PREV.search(text, max(0, end - _LOOKBACK), end)
    return m.group(1).lower() if m else ""


@cache
def person_words_after() -> frozenset[str]:
    return lx.SUBJECT_VERBS | lx.SPEECH_VERBS_AFTER | lx.PERSON_VERBS_AFTER_FULL


def places_by_context(ctx: PeopleContext) -> set[Form]:
    """The forms of ``ctx`` that are places by their context (see the module docstring)."""
    text = ctx.text
    uses: Counter[Form] = Counter()
    at_place: Counter[Form] = Counter()
    as_person: Counter[Form] = Counter()
    places, nouns, after = place_words(), place_nouns(), person_words_after()
    eligible = {key: _may_be_place(key, st) for key, st in ctx.stats.items()}
    for cand in ctx.candidates:
        key = cand.key
        if cand.org or not cand.first_in_run or not eligible.get(key):
            continue
        uses[key] += 1
        if cand.title is not None:
            as_person[key] += 1
            continue
        prev = _PREV.search(text, max(0, cand.ctx_start - _LOOKBACK), cand.ctx_start)
        before = prev.group(1).lower() if prev else ""
        nxt = _NEXT.match(text[cand.end : cand.end + 24]) if cand.last_in_run else None
        word = nxt.group(1) if nxt else ""
        if nxt and not word:
            as_person[key] += 1  # "Kent's"
        elif before in places and not (before == "to" and text[prev.start() - 10 : prev.start()].endswith("according ")):
            at_place[key] += 1  # "in Kent", "came into Kent" (also "the time she passed in Kent had made")
        elif before == "of" and _word_before(text, prev.start()) in nouns or word in nouns:
            at_place[key] += 1  # "the battle of Tarútino", "the Tarútino camp"
        elif word in after or (word.islower() and word.endswith("ed")) or before in lx.SPEECH_VERBS:
            as_person[key] += 1  # "Kent said", "Kent smiled", "said Kent"
    given = lx.given_names()
    out: set[Form] = set()
    for key, n in uses.items():
        st = ctx.stats.get(key)
        if st is None or _MAX_PERSON_SHARE * as_person[key] > at_place[key] or at_place[key] < 2 or 2 * at_place[key] < n:
            continue
        if len(key) >= 2 and key[0] in given and (at_place[key] < n or key[-1:] in ctx.stats):
            continue  # "Elizabeth Bennet went to Kent"; but every "Gretna Green" is where they go
        out.add(key)
    lone = {k[0] for k in out if len(k) == 1 and k[0] not in given}
    out |= {k for k, st in ctx.stats.items() if len(k) == 2 and k[0] in lone and st.count <= _MAX_PAIR_USES}
    return out


def _may_be_place(key: Form, st: FormStats) -> bool:
    """No context evidence of a person (speech, role noun, appositive, a person's pronoun, a title), used at
    least twice, and not a month or day ("in June" is a date)."""
    return (
        st.count >= 2
        and not (st.speech or st.role or st.appositive or st.pron_person or st.title)
        and key[0] not in lx.MONTHS_DAYS
    )


@cache
def family_nouns() -> frozenset[str]:
    return lx.word_list("family_nouns")


def family_uses(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """``candidates`` without the lone names used for a family or its home ("the Rostóv household")."""
    nouns = family_nouns()
    out = []
    for cand in candidates:
        if len(cand.key) == 1 and cand.title is None and cand.last_in_run and cand.ctx_end == cand.end:
            nxt = _NEXT.match(text[cand.end : cand.end + 24])
            if nxt and nxt.group(1) in nouns:
                continue
        out.append(cand)
    return out


_DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "every", "each", "another", "no"})
_NOUN_PHRASE_BEFORE = tuple(
    re.compile(r"\b([A-Za-z]+)[ \t\n]+" + r"[a-z][\w’'\-]*[ \t\n]+" * n + r"\Z") for n in range(3)
)  # an article, then 0, 1 or 2 lowercase words: "the Rachel", "the devious-cruising Rachel"
_LIST_BEFORE = re.compile(r"([^\W\d_][\w’'\-]*),?[ \t\n]+(?:and|or)[ \t\n]+\Z")  # not an appositive: "a Cossack, Shapoválov"
_LIST_AFTER = re.compile(r"\A,?[ \t\n]+(?:and|or)[ \t\n]+([^\W\d_][\w’'\-]*)")
_DEMONYM = re.compile(r"(\w{3,}?)(i?an|ese|ean)s?\Z")
_DEMONYM_STEM_ENDINGS = ("", "a", "e", "i", "o", "y", "as", "ia")


def _lone_person_forms(ctx: PeopleContext) -> dict[str, FormStats]:
    """Accepted lone forms with no title ever (a title says a person: "Mr. Man") and not a word of an accepted
    name of two or more tokens ("Susan Rice" keeps "Rice")."""
    in_names = {t for k in ctx.accepted if len(k) >= 2 for t in k}
    return {
        k[0]: st for k in ctx.accepted if len(k) == 1 and (st := ctx.stats.get(k)) is not None
        and not st.title and k[0] not in in_names
    }


def common_words_as_names(ctx: PeopleContext, lone: dict[str, FormStats]) -> set[Form]:
    """A lone word, not a known given name, that the text writes in lowercase more often than it capitalises it
    mid-sentence is the word, not a name: "Man the capstan!", "the Rights of Man" beside 600 "man"; "Arthur's
    Seat" beside "seat" (Moby-Dick's "Flask", 104 to 3, stays). A known given name only when the lowercase word
    is ten times as frequent ("Man"; a "Will" or a "Rose" stays a character)."""
    given = lx.given_names()
    return {
        (tok,) for tok, st in lone.items()
        if ctx.lowercase_seen.get(tok, 0) > max(1, st.noninitial) * (NAME_USE_RATE if tok in given else 1)
    }


def _after_an_article(text: str, cand: Candidate) -> bool:
    """The name is written after an article or demonstrative, directly or through up to two lowercase words that
    are not function words ("the Rachel", "the children-seeking Rachel", "an Ismail bullet"; not "the sword of
    Frederick": that article is the sword's)."""
    for pattern in _NOUN_PHRASE_BEFORE:
        m = pattern.search(text, max(0, cand.start - 48), cand.start)
        if m is None or any(w in lx.STOP for w in text[m.end(1) : m.end()].split()):
            continue
        if m.group(1).lower() in _DETERMINERS:
            return True
    return False


def article_uses(ctx: PeopleContext, tokens: set[str] | dict[str, FormStats]) -> Counter[str]:
    """Each of ``tokens`` used alone -> how many times it is written after an article (:func:`_after_an_article`)."""
    out: Counter[str] = Counter()
    for cand in ctx.candidates:
        if len(cand.key) == 1 and cand.key[0] in tokens and cand.title is None and _after_an_article(ctx.text, cand):
            out[cand.key[0]] += 1
    return out


def nouns_after_articles(ctx: PeopleContext, lone: dict[str, FormStats]) -> set[Form]:
    """A lone capitalised word written after an article at least half of the times (at least twice) is a noun:
    a kind of person, a ship or an adjective ("the Lakeman", "a Lakeman", "the Rachel", "the children-seeking
    Rachel", "a Roman nose", "an Ismail bullet"); names of people do not take one."""
    return {(tok,) for tok, n in article_uses(ctx, lone).items() if n >= 2 and 2 * n >= lone[tok].count}


def epithet_pairs(ctx: PeopleContext) -> set[Form]:
    """A pair used at most twice whose first word is used alone only after an article ("an Ahasuerus to behold")
    and whose second is a person used alone ("Daggoo"): an epithet beside a name ("this imperial negro,
    Ahasuerus Daggoo"), not a full name; the person's own form inside it is still a mention."""
    pairs = {
        k: st for k in ctx.accepted
        if len(k) == 2 and (st := ctx.stats.get(k)) is not None and st.count <= _MAX_PAIR_USES and (k[1],) in ctx.accepted
        and (k[0],) in ctx.stats and k[0] not in lx.given_names()
    }
    firsts = {k[0] for k in pairs}
    after = article_uses(ctx, firsts)
    alone = Counter(c.key[0] for c in ctx.candidates if len(c.key) == 1 and c.key[0] in firsts and c.title is None)
    return {k for k in pairs if alone[k[0]] and after[k[0]] == alone[k[0]]}


def peoples(ctx: PeopleContext, lone: dict[str, FormStats]) -> set[Form]:
    """Names of peoples: a lone word, not a known given name, listed beside a nationality ("Bangladeshis and
    Rohingya"), or the demonym of a place named in the text or a known place ("Texans" of Texas, "Tahitian"
    of Tahiti, "Roman" of Rome; the place named in the text is rejected too: "for Tahiti"). A word listed
    beside a nationality is not one when it has person evidence of its own (speech, role noun): "the British and
    Johnson agreed"."""
    text, given, nationalities = ctx.text, lx.given_names(), lx.nationalities()
    out: set[Form] = set()
    for cand in ctx.candidates:
        tok = cand.key[0] if len(cand.key) == 1 else None
        if tok is None or tok not in lone or tok in given or lone[tok].speech or lone[tok].role:
            continue
        before = _LIST_BEFORE.search(text, max(0, cand.ctx_start - 40), cand.ctx_start) if cand.first_in_run else None
        nxt = _LIST_AFTER.match(text[cand.end : cand.end + 40]) if cand.last_in_run else None
        if any(m is not None and lx.norm(m.group(1)) in nationalities for m in (before, nxt)):
            out.add(cand.key)
    for tok, st in lone.items():
        m = _DEMONYM.match(tok)
        if m is None or tok in given:
            continue
        for ending in _DEMONYM_STEM_ENDINGS:
            place = m.group(1) + ending
            if place in given or place == tok:
                continue
            if place in lx.places() or place in lone:
                out.add((tok,))
                if place in lone:
                    out.add((place,))
                break
    return out


def not_people_by_use(ctx: PeopleContext, book: bool) -> set[Form]:
    """Accepted lone forms the text uses as words, nouns or peoples, not as names of people (nouns after
    articles only in a ``book``: news writes "the Biden administration")."""
    lone = _lone_person_forms(ctx)
    found = common_words_as_names(ctx, lone) | peoples(ctx, lone)
    return found | nouns_after_articles(ctx, lone) | epithet_pairs(ctx) if book else found


_WORD_JUST_BEFORE = re.compile(r"([A-Z][\w’'\-]*)[ \t]+\Z")


def places_fused_to_names(ctx: PeopleContext) -> None:
    """A name of three or more words whose first word, not a given name, comes right after a known place at
    every use is the end of a place's name fused to a person's: "University of Texas Arlington Amneh Jafari"
    is "Amneh Jafari". Its candidates are cut to the name and the name accepted in place of the run."""
    text, given = ctx.text, lx.given_names()
    uses: dict[Form, list[int]] = {}
    for i, cand in enumerate(ctx.candidates):
        if len(cand.key) >= 3 and cand.key in ctx.accepted and cand.title is None and cand.key[0] not in given:
            uses.setdefault(cand.key, []).append(i)
    for key, idx in uses.items():
        if len(idx) != ctx.stats[key].count or not all(_after_a_known_place(text, ctx.candidates[i]) for i in idx):
            continue
        tail = key[1:]
        for i in idx:
            cand = ctx.candidates[i]
            ctx.candidates[i] = replace(
                cand, start=cand.offsets[1][0], key=tail, surface=cand.surface[1:], offsets=cand.offsets[1:]
            )
        st = ctx.stats[key]
        ctx.stats.setdefault(tail, replace(st, key=tail, surface_last=st.surface_last))
        ctx.accepted.discard(key)
        ctx.rejected.add(key)
        ctx.accepted.add(tail)


def _after_a_known_place(text: str, cand: Candidate) -> bool:
    m = _WORD_JUST_BEFORE.search(text, max(0, cand.start - 32), cand.start)
    return m is not None and lx.norm(m.group(1)) in lx.places()


def reject_places(ctx: PeopleContext, book: bool = False) -> None:
    """Reject the places by context, and the lone words used as nouns or names of peoples
    (:func:`not_people_by_use`; ``book``: the text has chapter headings): they are not accepted and no
    lone-name rule links them to anyone."""
    places_fused_to_names(ctx)
    found = places_by_context(ctx) | not_people_by_use(ctx, book)
    ctx.rejected |= found
    ctx.accepted -= found
