"""The shape of the clause before a quote: its subject, an opening adverbial, a verb after a name."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from reader.nlp.quotes.cues import QUOTE_VERBS, WORD

if TYPE_CHECKING:
    from reader.nlp.quotes.tags import Attributor


_ADVERBIAL_OPENING = re.compile(r"^(?:[^,.;:!?“”\"]{1,80}),\s+$")  # "During Prime Minister's Questions Wednesday, "


COLON_SUBJECT_WORDS = 25


_APPOSITIVE = re.compile(r",(?: [\w.'’\-]+){1,8}, ")  # the most words from the subject to the colon


def sentence_subject(att: Attributor, lo: int, hi: int) -> tuple[int, int] | None:
    """(person, end of the mention) when a person opens ``text[lo:hi]`` as its subject, after at most a short
    opening adverbial ("During the debate, Sunak ..."); None for a possessive ("Raman's aide") or a later name."""
    text = att.text
    mentions = [m for m in att.mentions.between(lo, hi) if not att.in_quote(m[0])]
    if not mentions:
        return None
    s, e, pid = mentions[0]
    if att.possessive_after(e) or len(WORD.findall(text, e, hi)) > COLON_SUBJECT_WORDS:
        return None
    opening = text[lo:s]
    titles = WORD.findall(opening)
    if opening.strip() and not (_ADVERBIAL_OPENING.match(opening) and len(titles) <= 8) and not (
            len(titles) <= 3 and all(w[0].isupper() for w in titles) and not re.search(r"[,;:“”\"]", opening)):
        return None  # neither "During the debate, " nor a title ("U.S. Senator ")
    appositive = _APPOSITIVE.match(text, e, hi)  # "John Cornyn, Republican from Texas, issued"
    return pid, (appositive.end() - 1 if appositive else e)


def leads_clause(text: str, lo: int, pos: int) -> bool:
    """``pos`` opens the sentence starting at ``lo``, after at most a short opening ending in a comma."""
    opening = text[lo:pos]
    return not opening.strip() or bool(_ADVERBIAL_OPENING.match(opening) and len(WORD.findall(opening)) <= 8)


def verb_after(text: str, e: int) -> bool:
    """A lowercase finite-looking verb right after a mention ("Sunak defended", "Raman says", "Kowalczyk had")."""
    verb = WORD.match(text, e + 1) if text[e : e + 1] == " " else None
    if not verb or not verb.group().islower():
        return False
    word = verb.group()
    return word.endswith(("ed", "s")) or word in QUOTE_VERBS or word in _FINITE_IRREGULAR


# common finite verbs that end neither in -ed nor in -s ("Kowalczyk had a message:", "Berg did not hold back:")
_FINITE_IRREGULAR = frozenset("""had did could would will can may might must shall should made gave took put kept
left got went came spoke struck set sent held drew brought stood sat ran""".split())
