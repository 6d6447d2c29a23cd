"""The state one attribution pass shares: the document, the people, their mentions, genders and titles, the
quotes' spans and the speaker events so far; small position helpers."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Sequence

from reader.document.model import Document
from reader.nlp.quotes.cues import (
    ABBREVIATION_BEFORE_DOT, CONTEXT_CHARS, GOVERNED_BY_PREPOSITION, NAME_PARTICLE_TAIL, QUOTE_VERBS, ROLE_STOP_WORDS,
    TITLE_ABBREVIATIONS, WORD,
)
from reader.nlp.quotes.mentions import Mentions
from reader.nlp.quotes.traits import appositive_roles, person_genders
from reader.nlp.results import Person


# a capitalised word or two, then one or two lowercase role words, before a name opening a sentence ("Rovers
# manager ", "Opposition health spokesman ")
_ROLE_BEFORE_NAME = re.compile(r"(?:[A-Z][\w'’.\-]* ){1,2}(?:[a-z][a-z\-]{2,}(?<!ed)(?<!ly) ){1,2}")
_CAPITALISED_BEFORE = re.compile(r"(?<![\w.'’])[A-Z][\w'’\-]*\.? $")  # a capitalised word or title (Mr.), then a space


class QuoteContext:
    """What one attribution pass knows and has found so far (the base of :class:`~.tags.Attributor`)."""

    def __init__(self, doc: Document, people: Sequence[Person]) -> None:
        self.doc = doc
        self.text = doc.text
        self.people = people
        self.mentions = Mentions(people)
        self.genders = person_genders(doc.text, people)
        self.title_words = [self._title_words(p) for p in people]
        self.title_modifiers: list[set[str]] = [set() for _ in people]  # "chief" of "Ashby, chief executive of ..."
        for pid, role in appositive_roles(doc.text, people).items():
            *modifiers, head = role.split()
            self.title_words[pid].add(head)
            self.title_modifiers[pid].update(modifiers)
        self.any_title_word: frozenset[str] = frozenset().union(*self.title_words)
        # (position, person, paragraph): every time a person is made the current speaker
        self.speaker_events: list[tuple[int, int, int]] = []
        self.dialogue = False  # the text has dialogue (a novel): set by attribute()
        self.quote_spans: list[tuple[int, int]] = []
        self._surnames: dict[str, tuple[int, bool]] | None = None  # surname -> its one holder (see surname_alias)
        self.quote_speakers: dict[int, int] = {}
        self._relatives: dict[tuple[int, str, bool], int | None] = {}  # (possessor, gender, by title) -> relative  # the speaker found so far of each quote, by the quote's start

    @staticmethod
    def _title_words(person: Person) -> set[str]:
        from reader.nlp.people.lexicon import norm

        words = set()
        for title in person.titles:
            for token in title.split():
                low = norm(token)
                words.add(TITLE_ABBREVIATIONS.get(low, low))
        return words

    def holds_title(self, pid: int, phrase: str) -> bool:
        """The person holds the title ``phrase`` ("minister", "foreign minister", "chief executive"): its last word
        is a title word of theirs, and every word before it a title word or a modifier of their role."""
        *modifiers, head = phrase.split()
        words = self.title_words[pid]
        return head in words and all(w in words or w in self.title_modifiers[pid] for w in modifiers)

    # --- small text helpers
    def governed(self, mention_start: int) -> bool:
        """The mention starting here is the object of a preposition ("a spokeswoman for Anna Berg")."""
        return GOVERNED_BY_PREPOSITION.search(self.text, max(0, mention_start - 12), mention_start) is not None

    def person_ending_at(self, start: int, end: int) -> int | None:
        """The person whose mention ends at ``end``, or whose mention is followed by the particles and surname the
        People list left out ("Suleiman" in "Suleiman al-Amr"), up to ``end`` (``start``: where the last word of the
        name starts); None otherwise."""
        pid = self.mentions.by_end.get(end)
        if pid is not None or not self.text[start : start + 1].isupper():
            return pid
        for _s, e, other in reversed(self.mentions.between(end - 40, end)):
            if NAME_PARTICLE_TAIL.fullmatch(self.text, e, end):
                return other
        return None

    def surname_alias(self, start: int, end: int) -> int | None:
        """The one person on the list whose surname is the capitalised word ``text[start:end]`` where the People
        list found no mention ("Mills later told reporters" after "Sandra Mills"); None when the word belongs to a
        longer name (a capitalised word right before it), is a mention already, or names no one or several."""
        word = self.text[start:end]
        if self.dialogue:  # news only: a novel's list is thorough, and its names are given names, not surnames
            return None
        if not word[:1].isupper() or start in self.mentions.by_start or self.text[end : end + 1] in ("'", "’", "-"):
            return None
        before = _CAPITALISED_BEFORE.search(self.text, max(0, start - 40), start)
        title_gender = None
        if before is not None:
            title_gender = self._gendered_title(before.group().strip())
            if title_gender is None and not self._sentence_end(before.group().strip()):
                return None  # "Hartford Mills said": another name ("Boston. Mills said" ends a sentence)
        if self._surnames is None:
            self._surnames = self._surname_holders()
        from reader.nlp.people.lexicon import norm

        pid, given_name = self._surnames.get(norm(word), (None, False))
        if title_gender is None:
            return None if given_name else pid  # "New Zealand Tom": "Tom" is no surname
        if pid is None or self.genders[pid] != title_gender:
            return None  # "Mr. Mills" is not Sandra Mills (her husband, maybe); "Mrs. Harlow" is Jane Harlow
        return pid

    def _surname_holders(self) -> dict[str, tuple[int, bool]]:
        """Surname -> (its one holder on the list, whether the word is also a given name)."""
        from reader.nlp.people.lexicon import given_names, norm

        given = given_names()
        owners: dict[str, set[int]] = {}
        for pid, person in enumerate(self.people):
            tokens = person.name.split()
            if len(tokens) >= 2 and tokens[0] not in person.titles:
                owners.setdefault(norm(tokens[-1]), set()).add(pid)
        return {name: (next(iter(pids)), name in given) for name, pids in owners.items() if len(pids) == 1}

    @staticmethod
    def _gendered_title(word: str) -> str | None:
        """"m" / "f" for a gendered title right before a surname ("Mr.", "Mrs.", "Ms."), else None."""
        from reader.nlp.people.lexicon import FEMALE_TITLES, MALE_TITLES, norm

        key = norm(word.rstrip("."))
        return "m" if key in MALE_TITLES else "f" if key in FEMALE_TITLES else None

    @staticmethod
    def _sentence_end(word: str) -> bool:
        """A capitalised word with a full stop that is no abbreviation, title or initial ("Boston." before "Mills
        said"): the end of the sentence before, not a part of the name."""
        from reader.nlp.people.lexicon import norm

        bare = word[:-1] if word.endswith(".") else ""
        return (len(bare) > 1 and ABBREVIATION_BEFORE_DOT.search(bare) is None and norm(bare) not in TITLE_ABBREVIATIONS)

    def words_back(self, start: int, end: int) -> list[re.Match[str]]:
        return list(WORD.finditer(self.text, start, end))

    def possessive_after(self, pos: int) -> bool:
        return self.text.startswith(("'s", "’s", "'", "’"), pos)

    def starts_sentence(self, pos: int) -> bool:
        sentence = self.doc.sentences[self.doc.sentence_index_at(pos)]
        if pos - sentence.start > 120:
            return False
        head = self.text[sentence.start : pos]
        words = WORD.findall(head)
        if re.search(r"[”\"]", head):
            return False
        if all(w[0].isupper() for w in words) and len(words) <= 3:
            return True
        return not self.dialogue and _ROLE_BEFORE_NAME.fullmatch(head) is not None and not any(
            w in ROLE_STOP_WORDS or w in QUOTE_VERBS for w in words)  # news: "Castleton coach Marta Silvestri was"

    def quote_within(self, lo: int, hi: int) -> bool:
        """Some quote overlaps ``text[lo:hi]`` (quotes are disjoint and sorted: the last one opening before ``hi``
        reaches furthest)."""
        i = bisect_left(self.quote_spans, (hi, -1)) - 1
        return i >= 0 and self.quote_spans[i][1] > lo

    def in_quote(self, pos: int) -> bool:
        i = bisect_right(self.quote_spans, (pos, 10**12)) - 1
        return i >= 0 and self.quote_spans[i][0] <= pos < self.quote_spans[i][1]

    def sentence_start(self, pos: int) -> int:
        sentence = self.doc.sentences[self.doc.sentence_index_at(pos)]
        return max(sentence.start, pos - CONTEXT_CHARS) if sentence.start <= pos else pos

    def add_event(self, pos: int, pid: int) -> None:
        self.speaker_events.append((pos, pid, self.doc.paragraph_index_at(pos)))

    def last_event_before(self, pos: int) -> tuple[int, int, int] | None:
        i = bisect_left(self.speaker_events, (pos, -1, -1))
        return self.speaker_events[i - 1] if i else None
