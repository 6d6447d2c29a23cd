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
from functools import cache

from reader.nlp.people import lexicon as lx
from reader.nlp.people.candidates import Candidate
from reader.nlp.people.context import Form, PeopleContext
from reader.nlp.people.evidence import FormStats

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


def reject_places(ctx: PeopleContext) -> None:
    """Reject the places by context: they are not accepted and no lone-name rule links them to anyone."""
    found = places_by_context(ctx)
    ctx.rejected |= found
    ctx.accepted -= found
