"""“About <person>”: the sentences that say the most about one person, in document order (see docs/quotes.md).

Candidates are the sentences that mention the person, and the sentence right after one of them when it opens
with a pronoun of the person's gender ("He was ...") and names no one else. Each candidate is scored, cheaply:

* **centrality**: the words it shares with the person's other sentences (a word counts by how many of those
  sentences use it, dampened), per content word, so the typical facts about the person rise;
* **informativeness**: a bonus for descriptive forms ("X was/is/became ...", "X, the ...", the full name);
* **penalties**: bare dialogue (a sentence that is mostly a quotation), very short lines (< 6 words) and
  long ones (> 40 words, growing); a bonus when the person is the subject (named in the first words).

The best are picked greedily, skipping a near-duplicate of one already picked (word overlap > 0.5), then
returned in document order. Linear in the number of candidate sentences; no heavy imports.
"""

from __future__ import annotations

import difflib
import math
import re
from bisect import bisect_left, bisect_right
from collections import Counter
from collections.abc import Sequence

from reader.document.model import Document, Span
from reader.nlp.results import Person
from reader.nlp.text import fold
from reader.nlp.tokens import words

__all__ = ["about", "default_count", "find_person", "closest_people"]

_STOPWORDS = frozenset("""a about above after again against all am an and any are as at be because been before being
below between both but by can could did do does doing down during each few for from further had has have having he
her here hers herself him himself his how i if in into is it its itself just me more most my myself no nor not now
of off on once only or other our ours out over own same she should so some such than that the their theirs them
themselves then there these they this those through to too under until up very was we were what when where which
while who whom why will with would you your yours yourself said says say one upon mr mrs miss""".split())
_PRONOUNS = {"m": ("he", "his", "him"), "f": ("she", "her", "hers")}
_DESCRIPTIVE = re.compile(r"^\W*(?:was|is|had been|has been|became|becomes|remained|seemed|looked|felt|loved|"
                          r"married|had|has|, (?:a|an|the|who|whose))\b")
_QUOTE_MARKS = re.compile(r"[“”\"«»]")


def _fold(text: str) -> str:
    """A typed name as the People list compares names (``fold``), with its spaces collapsed."""
    return " ".join(fold(text).split())


def find_person(people: Sequence[Person], name: str) -> Person | None:
    """The person ``name`` names: by key, display name or any alias, accents and case ignored. When an alias is
    shared ("Bennet"), the person whose display name it is wins, else the most mentioned; last, a word of a
    display name ("Lopez" for "Maria Lopez")."""
    wanted = _fold(name)
    if not wanted:
        return None
    for person in people:
        if wanted in (_fold(person.name), person.key):
            return person
    matches = [p for p in people if any(_fold(alias) == wanted for alias in p.aliases)]
    if not matches:  # a part of a full name never used alone ("Lopez" for "Maria Lopez")
        matches = [p for p in people if wanted in _fold(p.name).split()]
    return max(matches, key=lambda p: len(p.mentions)) if matches else None


def closest_people(people: Sequence[Person], name: str, n: int = 3) -> list[Person]:
    """Up to ``n`` people whose name or aliases look most like ``name`` (for "no such person" errors)."""
    forms: dict[str, Person] = {}
    for person in people:
        for form in (person.name, *person.aliases):
            forms.setdefault(_fold(form), person)
    out: list[Person] = []
    for form in difflib.get_close_matches(_fold(name), list(forms), n=n * 3, cutoff=0.5):
        if forms[form] not in out:
            out.append(forms[form])
    return out[:n]


def default_count(candidates: int) -> int:
    """How many sentences to show: 5 for a news article, growing slowly for a book character (at most 15)."""
    return max(1, min(candidates, 15, 5 + candidates // 100))


def _candidates(doc: Document, person: Person, gender: str | None, others: Sequence[Span]) -> list[int]:
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    mentioned = sorted({bisect_right(starts, m.start) - 1 for m in person.mentions})
    chosen = set(i for i in mentioned if i >= 0)
    if gender in _PRONOUNS:
        other_starts = [s.start for s in others]
        mention_starts = [m.start for m in person.mentions]
        for i in mentioned:
            j = i + 1
            if j >= len(sentences) or j in chosen:
                continue
            span = sentences[j]
            head = doc.text[span.start : span.start + 12].lstrip("“”\"' ").split(maxsplit=1)
            if not head or head[0].casefold() not in _PRONOUNS[gender]:
                continue
            previous = sentences[i]
            k = bisect_right(other_starts, previous.start)
            if k < len(other_starts) and other_starts[k] < _first_mention_in(mention_starts, previous):
                continue  # someone else is named first in the sentence before: the pronoun may be theirs
            chosen.add(j)
    return sorted(chosen)


def _first_mention_in(starts: Sequence[int], span: Span) -> int:
    """The first of the (sorted) mention ``starts`` inside ``span``, else its end."""
    k = bisect_left(starts, span.start)
    return starts[k] if k < len(starts) else span.end


def _content(text: str) -> list[str]:
    return [w.casefold() for w in words(text) if len(w) > 2 and w.casefold() not in _STOPWORDS and not w.isdigit()]


def about(doc: Document, people: Sequence[Person], person: Person, count: int | None = None,
          gender: str | None = None) -> tuple[Span, ...]:
    """The sentences that say the most about ``person`` (one of ``people``), in document order.

    ``gender`` ("m"/"f") lets a following "He ..."/"She ..." sentence count; by default it is inferred.
    """
    if gender is None:
        from reader.nlp.quotes import person_genders

        gender = person_genders(doc.text, [person])[0]
    others = sorted(m for p in people if p.key != person.key for m in p.mentions)
    indices = _candidates(doc, person, gender, others)
    if not indices:
        return ()
    text = doc.text
    sentences = doc.sentences
    bags = [_content(text[sentences[i].start : sentences[i].end]) for i in indices]
    own_words = {w for form in (person.name, *person.aliases) for w in _fold(form).split()}
    df: Counter[str] = Counter()
    for bag in bags:
        df.update(set(bag) - own_words)
    mention_starts = [m.start for m in person.mentions]
    full_name = _fold(person.name)
    scores = []
    for n, (i, bag) in enumerate(zip(indices, bags)):
        span = sentences[i]
        sentence = text[span.start : span.end]
        distinct = set(bag) - own_words
        length = len(sentence.split())
        score = sum(math.log1p(df[w] - 1) for w in distinct) / (len(distinct) + 3) ** 0.75
        first = bisect_left(mention_starts, span.start)
        last = bisect_left(mention_starts, span.end)
        if any(_DESCRIPTIVE.match(text, person.mentions[k].end, min(span.end, person.mentions[k].end + 40))
               for k in range(first, last)):
            score += 1.0
        if first < last and len(text[span.start : person.mentions[first].start].split()) <= 3:
            score += 0.5  # the person is the subject: the sentence is about them
        if full_name in _fold(sentence):
            score += 0.3
        quoted = sum(len(q) for q in _quoted_stretches(sentence))
        if quoted > 0.5 * len(sentence):
            score -= 1.5  # bare dialogue: what they say, not what the text says about them
        if length < 6:
            score -= 1.5
        elif length > 40:
            score -= 0.5 * (length - 40) / 20
        scores.append((score, -n))
    limit = default_count(len(indices)) if count is None else max(0, count)
    picked: list[int] = []
    picked_sets: list[set[str]] = []
    for _score, neg in sorted(scores, reverse=True):
        n = -neg
        if len(picked) >= limit:
            break
        bag = set(bags[n])
        if any(len(bag & other) > 0.5 * max(1, min(len(bag), len(other))) for other in picked_sets if other):
            continue
        picked.append(n)
        picked_sets.append(bag)
    return tuple(sentences[indices[n]] for n in sorted(picked))


def _quoted_stretches(sentence: str) -> list[str]:
    marks = [m.start() for m in _QUOTE_MARKS.finditer(sentence)]
    return [sentence[a:b] for a, b in zip(marks[::2], marks[1::2])]
