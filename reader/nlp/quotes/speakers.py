"""Speaker resolution: the person, pronoun or title next to a reporting verb, and who a pronoun or title
refers to (the most recent speaker of that gender or title, unless a rival was named since)."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Callable, Sequence
from itertools import islice

from reader.nlp.quotes.clauses import leads_clause
from reader.nlp.quotes.context import QuoteContext
from reader.nlp.quotes.cues import (
    ACCORDING_TO, ROLE_STOP_WORDS, TITLE_APPOSITIVE, CONTEXT_CHARS, HABITUAL, MAX_EVENTS, NAME_PARTICLE_TAIL, OF_ORGANISATION, PRONOUN_GENDER, PRONOUN_WINDOW_PARAGRAPHS, REPORT_VERB,
    SKIPPABLE, STATEMENT_NOUNS, TITLE_ABBREVIATIONS, TITLE_ADJECTIVES, WORD, blank,
)
from reader.nlp.quotes.mentions import Ref
from reader.nlp.quotes.polling import POLL_EVERY, never, poll


def _acronym(word: str) -> bool:
    """A title written in capitals ("MP", "CEO")."""
    return 2 <= len(word) <= 4 and word.isupper() and word.isalpha()


class SpeakerResolver(QuoteContext):
    """Reads the reference next to a reporting verb and resolves pronouns and titles to people."""

    def ref_ending_at(self, lo: int, pos: int) -> tuple[Ref | None, int]:
        """The subject that ends at ``pos`` (skipping adverbs/auxiliaries back to ``lo``) and where it starts."""
        words = self.words_back(lo, pos)
        adverb = False  # "Pierre hastily interrupted": a -ly adverb is skipped before a name, not before he/she
        while words and "," not in self.text[words[-1].end() : pos]:
            low = words[-1].group().casefold()
            if low in SKIPPABLE or (low.endswith("ly") and len(low) > 4 and words[-1].group().islower()):
                adverb = adverb or low not in SKIPPABLE
                pos = words[-1].start()
                words.pop()
            elif low == "to" and len(words) >= 2 and words[-2].group().casefold() in HABITUAL:
                pos = words[-2].start()
                del words[-2:]
            else:
                break
        gap = self.text[words[-1].end() : pos] if words else ""
        if not words or gap.strip():
            return self._appositive_subject(lo, pos), lo
        last = words[-1]
        end = last.end()
        pid = self.person_ending_at(last.start(), end)
        if pid is None:
            pid = self.surname_alias(last.start(), end)  # "Mills later told reporters" (no mention found there)
        if pid is not None:
            mention_start = self.mentions.start_by_end.get(end, last.start())
            return (None, pos) if self.governed(mention_start) else (Ref("person", pid), last.start())
        of_org = OF_ORGANISATION.search(self.text, max(lo, pos - 80), pos)  # "Tom Hale of the Daily Post said"
        if of_org and of_org.start() in self.mentions.by_end:
            pid = self.mentions.by_end[of_org.start()]
            return Ref("person", pid), of_org.start()
        low = last.group().casefold()
        if low in PRONOUN_GENDER:
            return (None, pos) if adverb else (Ref("pronoun", word=low), last.start())
        if low == "who":  # "Tom Hale, who said “...”" / "according to Tom Hale, who said"
            comma = self.text.rfind(",", max(lo, last.start() - 3), last.start())
            pid = self.mentions.by_end.get(comma) if comma >= 0 and blank(self.text, comma + 1, last.start()) else None
            if pid is not None:
                return Ref("person", pid), last.start()
        if low in STATEMENT_NOUNS and len(words) >= 2 and words[-2].group().endswith(("'s", "’s")):
            pid = self.mentions.by_end.get(words[-2].end() - 2)
            if pid is not None:
                return Ref("person", pid), words[-2].start()
        if len(words) >= 2:
            title = self._title_phrase(words)
            if title:
                return title, words[-2].start()
        return None, pos

    def _title_phrase(self, words: list[re.Match[str]]) -> Ref | None:
        """"the senator", "the former president", "the prime minister" (lowercase, after "the")."""
        head = words[-1].group()
        if not (head.islower() or _acronym(head)):
            return None
        i = len(words) - 2
        while i >= 0 and words[i].group().casefold() != "the" and len(words) - 2 - i < 4:
            i -= 1
        if i < 0 or words[i].group().casefold() != "the":
            return None
        return self._title_ref([w.group() for w in words[i + 1 :]])

    def _title_ref(self, words: Sequence[str]) -> Ref | None:
        """The title the words after "the" name ("former", "acting" ... left out): at most two lowercase modifiers
        and a title word of someone on the list ("senator", "prime minister", "chief executive"); None otherwise."""
        from reader.nlp.people.lexicon import norm

        kept = [norm(w) for w in words if w.casefold() not in TITLE_ADJECTIVES]
        if not kept or len(kept) > 3 or not all(
                (w.islower() or (_acronym(w) and w is words[-1])) and w not in ROLE_STOP_WORDS for w in words):
            return None  # lowercase words, the last one may be an acronym ("the MP", "the local MP")
        if kept[-1] not in self.any_title_word:
            return None
        return Ref("title", word=" ".join(kept))

    def _appositive_subject(self, lo: int, pos: int) -> Ref | None:
        """"Keith Kellogg, a Trump adviser who ..., said": the mention before the comma that opens the appositive."""
        if not self.text[lo:pos].rstrip().endswith(","):
            return None
        segment_start = lo
        for s, e, pid in reversed(self.mentions.between(segment_start, pos)):
            tail = NAME_PARTICLE_TAIL.match(self.text, e, e + 40)  # "Suleiman al-Amr, in remarks to ..., said"
            e = tail.end() if tail is not None else e
            after = self.text[e : e + 2]
            if after.startswith(","):
                if self.governed(s):  # "A spokeswoman for Anna Berg, who ..., said" / "Darcy, drawing near Elizabeth,"
                    continue
                between = self.text[e:pos]
                if re.search(r"[.!?;:”\"]", between) or len(WORD.findall(between)) > 25:
                    return None
                return Ref("person", pid)
        return self._title_appositive(lo, pos)

    def _title_appositive(self, lo: int, pos: int) -> Ref | None:
        """"The minister, asked whether he would resign, said": a title word of someone on the list opening the
        clause, its appositive closed by the comma before the verb."""
        from reader.nlp.people.lexicon import norm

        match = TITLE_APPOSITIVE.search(self.text, lo, pos)
        if match is None or not leads_clause(self.text, lo, match.start()):
            return None
        title = self._title_ref([*match.group(1).split(), match.group(2)])
        if title is None:
            return None
        between = self.text[match.end() : pos]
        if re.search(r"[.!?;:”\"]", between) or len(WORD.findall(between)) > 25:
            return None
        return title

    def ref_starting_at(self, pos: int, hi: int) -> Ref | None:
        """The speaker right after an inverted verb: "said Fried", "said Mr. Bennet", "cried he", "said the mayor"."""
        from reader.nlp.people.lexicon import FEMALE_TITLES, MALE_TITLES, norm

        words = list(islice(WORD.finditer(self.text, pos, hi), 6))
        if not words or self.text[pos : words[0].start()].strip():
            return None
        first = words[0]
        low = first.group().casefold()
        if low in PRONOUN_GENDER:
            return Ref("pronoun", word=low)
        for k, word in enumerate(words[:4]):
            if word.start() in self.mentions.by_start:
                end, pid = self.mentions.by_start[word.start()]
                return None if self.possessive_after(end) else Ref("person", pid)
            if k == 0 and (alias := self.surname_alias(word.start(), word.end())) is not None:
                return Ref("person", alias)  # "said Mills." where the People list found no mention
            key = norm(word.group())
            titled = word.group()[0].isupper() and (
                key in MALE_TITLES or key in FEMALE_TITLES or key in TITLE_ABBREVIATIONS
                or key in self.any_title_word)
            if not titled:
                break
        role_holder = None if self.dialogue else self._after_role_words(words)  # (news only: in a novel, a
        if role_holder is not None:  # new speaker found so is too often taken for the next "he said")
            return role_holder
        if low == "the" and len(words) >= 2:  # "said the (former) (prime) minister"
            for j in range(min(len(words), 5) - 1, 0, -1):
                if not self.text[words[j].end() : words[j].end() + 1].isalnum():
                    title = self._title_ref([w.group() for w in words[1 : j + 1]])
                    if title is not None and all(self.text[a.end() : b.start()] == " " for a, b in zip(words, words[1 : j + 1])):
                        return title
        return None

    def _after_role_words(self, words: list[re.Match[str]]) -> Ref | None:
        """"said retired docker Bill Hanley" / "said the union leader Marcus Webb" / "said the union's leader, Marta
        Kowalczyk" / "said Rovers chairman Keith Morrow": at most two capitalised words of an organisation, one to
        three lowercase words of a role (no function word), then a name the People list knows (after a space or a
        comma), not a possessive."""
        i = 1 if words and words[0].group() == "the" else 0
        while (i < min(len(words), 3) and words[i].group()[0].isupper() and words[i].start() not in self.mentions.by_start
               and self.text[words[i].end() : words[i].end() + 1] == " "):
            i += 1  # "said Rovers chairman Keith Morrow" / "said White House spokesman ..." (an organisation)
        organisation = i > (1 if words and words[0].group() == "the" else 0)
        j = i
        while j < min(len(words), i + 3) and words[j].group().islower() and words[j].group() not in ROLE_STOP_WORDS:
            j += 1
        if not i < j < len(words) or any(self.text[a.end() : b.start()] != " " for a, b in zip(words, words[1:j])):
            return None
        if organisation and re.search(r"['’]", self.text[words[0].start() : words[j - 1].end()]):
            return None  # "according to the Afghan team's coach, X": the team's, not a role of X's organisation
        if self.text[words[j - 1].end() : words[j].start()] not in (" ", ", "):  # "said the union's leader, Marta Kowalczyk"
            return None
        found = self.mentions.by_start.get(words[j].start())
        if found is None or self.possessive_after(found[0]):
            return None
        return Ref("person", found[1])

    def resolve(self, ref: Ref | None, pos: int, exclude: frozenset[int] | set[int] = frozenset()
                 ) -> tuple[int | None, str]:
        if ref is None:
            return None, ""
        if ref.kind == "person":
            return ref.person, "said-verb"
        paragraph = self.doc.paragraph_index_at(pos)
        if ref.kind == "pronoun" and self._pronoun_ambiguous(pos, PRONOUN_GENDER[ref.word]):
            return None, ""
        events = self.speaker_events
        before = bisect_left(events, (pos, -1, -1))
        for event_pos, pid, para in (events[k] for k in range(before - 1, max(-1, before - 1 - MAX_EVENTS), -1)):
            if event_pos >= pos or pid in exclude:
                continue
            if paragraph - para > PRONOUN_WINDOW_PARAGRAPHS or pos - event_pos > 20 * CONTEXT_CHARS:
                break
            if ref.kind == "pronoun":
                gender = self.genders[pid]
                if gender is not None and gender != PRONOUN_GENDER[ref.word]:
                    continue
                if gender is None and (event_pos, pid, para) != self.last_event_before(pos) and not self._only_candidate(
                        pid, PRONOUN_GENDER[ref.word], event_pos, pos):
                    return None, ""
                rival = self._rival_since(pid, event_pos, pos, PRONOUN_GENDER[ref.word])
                if rival is not None:  # someone else of that gender began a sentence since: them, if sure
                    return (rival, "pronoun") if self.genders[rival] is not None else (None, "")
                return pid, "pronoun"
            if self.holds_title(pid, ref.word):
                return pid, "title"
        if ref.kind == "title":
            return self._last_mentioned_with_title(ref.word, pos, paragraph)
        return self._recent_subject(PRONOUN_GENDER[ref.word], pos, paragraph)

    def _recent_subject(self, gender: str, pos: int, paragraph: int) -> tuple[int | None, str]:
        """No speaker yet: the last person of that gender who began a sentence, in this or the previous paragraph
        ("Pike went straight to the tram. “I rode on one of these,” she said"), if no one else of it did since."""
        opened = self._start_of_quote_ending_at(pos)  # “...¶ “...,” he said: the paragraph before the quote's first
        if opened is not None:
            paragraph = self.doc.paragraph_index_at(opened)
        earliest = max(self.doc.paragraphs[max(0, paragraph - 1)].start, (opened or pos) - 2 * CONTEXT_CHARS)
        for s, e, pid in reversed(self.mentions.between(earliest, pos)[-MAX_EVENTS:]):
            if self.in_quote(s) or self.possessive_after(e) or not self.starts_sentence(s):
                continue
            if self.genders[pid] == gender:
                return pid, "pronoun"
            if self.genders[pid] is None:  # "Zorvath Kemel spoke. “...,” he said": unknown gender, but the only one
                return (pid, "pronoun") if self._only_candidate(pid, gender, earliest, pos) else (None, "")
        # "Anna Berg and Tom Hale met on Monday. “...,” he said": the one person of that gender named nearby (not
        # in fiction, where a "he" is as often someone the People list does not know: "a shopkeeper ...")
        if self.dialogue:
            return None, ""
        named = {pid for s, e, pid in self.mentions.between(earliest, pos)[-MAX_EVENTS:]
                 if not self.in_quote(s) and not self.possessive_after(e)}
        fitting = {pid for pid in named if self.genders[pid] in (gender, None)}
        if len(fitting) == 1:
            return fitting.pop(), "pronoun"
        return None, ""

    def _start_of_quote_ending_at(self, pos: int) -> int | None:
        """The start of the quote that ends right before ``pos`` (only a tag's punctuation between), if any."""
        i = bisect_left(self.quote_spans, (pos, -1)) - 1
        if i < 0 or not 0 <= pos - self.quote_spans[i][1] <= 3:
            return None
        return self.quote_spans[i][0]

    def _only_candidate(self, pid: int, gender: str, lo: int, pos: int) -> bool:
        """``pid`` (of unknown gender) is the only person named outside quotes in ``text[lo:pos]`` whom a pronoun of
        ``gender`` may mean: everyone else named there is of the other gender."""
        for s, e, other in self.mentions.between(lo, pos):
            if other != pid and not self.in_quote(s) and self.genders[other] in (gender, None):
                return False
        return True

    def _pronoun_ambiguous(self, pos: int, gender: str) -> bool:
        """The sentence of the pronoun names, before it and outside quotes, someone of that gender who is not its
        speaker ("On Miss Lucas’s persevering, she added", "Tom asked Bill, and he said"): leave it."""
        sentence_start = self.sentence_start(pos)
        first = bisect_left(self.speaker_events, (sentence_start, -1, -1))
        last = bisect_left(self.speaker_events, (pos, -1, -1))
        spoken = {pid for _, pid, _ in self.speaker_events[first:last]}
        for s, e, pid in self.mentions.between(sentence_start, pos):
            if self.in_quote(s) or self.genders[pid] not in (gender, None):
                continue
            if pid not in spoken or self.possessive_after(e):
                return True
        return False

    def _last_mentioned_with_title(self, word: str, pos: int, paragraph: int) -> tuple[int | None, str]:
        earliest = max(self.doc.paragraphs[max(0, paragraph - PRONOUN_WINDOW_PARAGRAPHS)].start, pos - 8 * CONTEXT_CHARS)
        for s, _e, pid in reversed(self.mentions.between(earliest, pos)):
            if self.holds_title(pid, word):
                return pid, "title"
        return None, ""

    def _rival_since(self, pid: int, since: int, pos: int, gender: str) -> int | None:
        """The last other person of that gender (or unknown gender) who began a sentence between ``since`` and
        ``pos``, if any."""
        for s, e, other in reversed(self.mentions.between(max(since + 1, pos - 4 * CONTEXT_CHARS), pos)):
            if other == pid or self.genders[other] not in (gender, None) or self.in_quote(s):
                continue
            if self.starts_sentence(s) and not self.possessive_after(e):
                return other
        return None

    def reported_speech(self, start: int, end: int, should_stop: Callable[[], bool] = never) -> list[tuple[int, int]]:
        """(position, person) for "X said ..." clauses without quote marks in ``text[start:end]``."""
        found = []
        for n, match in enumerate(REPORT_VERB.finditer(self.text, start, end)):
            if n % POLL_EVERY == 0:
                poll(should_stop)
            if self.in_quote(match.start()):
                continue
            lo = self.sentence_start(match.start())
            ref, _ = self.ref_ending_at(max(lo, match.start() - 200), match.start())
            if ref is not None and ref.kind == "person":
                found.append((match.start(), ref.person))
        for match in ACCORDING_TO.finditer(self.text, start, end):  # "According to Okoro, the depot will close."
            if not self.in_quote(match.start()):
                ref = self.ref_starting_at(match.end(), min(end, match.end() + 80))
                if ref is not None and ref.kind == "person":
                    found.append((match.start(), ref.person))
        return sorted(found)
