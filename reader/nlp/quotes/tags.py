"""The attribution tags around one quote: the clause right after it ("...," X said) and the clause before it
(X said: "..."; according to X), with relatives ("said his wife") and distant reported speech."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterator
from itertools import islice

from reader.nlp.quotes.clauses import leads_clause, sentence_subject, verb_after
from reader.nlp.quotes.cues import (
    ABBREVIATION_BEFORE_DOT, ATTRIBUTION_WORDS, CLAUSE_OPENERS, CONTEXT_CHARS, COORDINATORS, DASH_BYLINE,
    DISTANT_GAP_WORDS, DISTANT_VERBS, IN_POSSESSIVE_WORDS, IN_THE_WORDS_OF, IN_THE_WORDS_OF_ROLE, LEAD_GAP_WORDS, MARRIED_TITLES, POSSESSIVE_GENDER, PRONOUN_GENDER,
    QUOTED_AS_LEAD, QUOTED_AS_TAIL, QUOTE_VERBS, RELATIONS, ROLE_STOP_WORDS, TERMINATOR, VOCATIVE_AFTER, VOCATIVE_BEFORE, WORD,
    after_determiner, blank,
)
from reader.nlp.quotes.mentions import Ref
from reader.nlp.quotes.speakers import SpeakerResolver


class Attributor(SpeakerResolver):
    """Reads the tags around each quote; one per :func:`~.attribution.attribute` call."""

    def tail_speaker(self, end: int, limit: int, part_start: int | None = None) -> tuple[int | None, str]:
        """'“...,” X said' / 'said X' / 'he said' / 'the senator said' right after a quote part."""
        text = self.text
        limit = min(limit, end + CONTEXT_CHARS)
        cut = TERMINATOR.search(text, end, limit)
        stop = cut.start() if cut else limit
        while cut and text[cut.start()] == "." and ABBREVIATION_BEFORE_DOT.search(text, end, cut.start()):
            cut = TERMINATOR.search(text, cut.end(), limit)
            stop = cut.start() if cut else limit
        head = text[end:stop]
        if head[:1].isalnum():
            return None, ""  # ”s or a word glued to the mark: not an attribution
        dash = DASH_BYLINE.match(text, end, stop)
        if dash and dash.end() in self.mentions.by_start:
            return self.mentions.by_start[dash.end()][1], "dash"
        quoted = QUOTED_AS_TAIL.match(text, end, stop)  # “...,” Tom Hale was quoted as saying
        if quoted and quoted.start(1) in self.mentions.by_start and self.mentions.by_start[quoted.start(1)][0] == quoted.end(1):
            return self.mentions.by_start[quoted.start(1)][1], "said-verb"
        words = list(islice(WORD.finditer(text, end, stop), ATTRIBUTION_WORDS + 6))
        if words and words[0].group().casefold() in CLAUSE_OPENERS:
            return None, ""  # “a disaster”, while Anna Berg thought it ...: a new clause, not this quote's tag
        for k, word in enumerate(words[:ATTRIBUTION_WORDS]):
            low = word.group().casefold()
            if low == "according" and k + 1 < len(words) and words[k + 1].group() == "to":
                ref = self.ref_starting_at(words[k + 1].end() + 1, stop)
                if k == 0 and ref is not None and ref.kind == "person":
                    return ref.person, "according-to"
                return None, ""
            if low not in QUOTE_VERBS or after_determiner(text, words, k):
                continue
            if k <= 4:
                ref, _ = self.ref_ending_at(end, word.start())
                if ref is None and k == 0:  # inverted: “...,” said X
                    ref = self.ref_starting_at(word.end(), stop)
                if ref is None:  # “...,” said his wife / “...,” her father said
                    relation = self._relation_near(word, words, k, end, stop, part_start)
                    if relation is not None:
                        return relation
                addressed = {pid for _, _, pid in self.mentions.between(word.end(), stop)}
                if ref is not None and ref.kind != "person":  # "said she to Charlotte": not Charlotte
                    return self.resolve(ref, end, exclude=addressed)
                return self.resolve(ref, end)
            role_named = self._role_then_name(end, word.start())  # “...,” company chief executive Derek Ashby said
            if role_named is not None:
                return role_named, "said-verb"
            # “...,” Khaled Al-Maeena, editor at large at the Saudi Gazette, said / “...,” Tom Hale of the Harbour
            # Authority said: a name opening the tag, then its appositive or organisation
            first = self.mentions.between(end, word.start())[:1]
            if first and not self.text[end : first[0][0]].strip(" ,") and self.text.startswith((",", " of ", " from ", " at "), first[0][1]):
                ref, _ = self.ref_ending_at(end, word.start())
                if ref is not None and ref.kind == "person" and ref.person == first[0][2]:
                    return ref.person, "said-verb"
            return None, ""
        return None, ""

    def _role_then_name(self, end: int, verb_start: int) -> int | None:
        """The person of '“...,” company chief executive Derek Ashby told': at most four lowercase role words (no
        function word), then a People-list name right before the verb (not a possessive, not after a preposition)."""
        ref, ref_start = self.ref_ending_at(end, verb_start)
        if ref is None or ref.kind != "person":
            return None
        named = [m for m in self.mentions.between(end, verb_start) if m[2] == ref.person]
        gap = self.text[end : named[-1][0] if named else ref_start]
        role = WORD.findall(gap)
        if not role or len(role) > 4 or not re.fullmatch(r"[\s,]*(?:[a-z][\w'’\-]*\s+)+", gap):
            return None
        return None if any(w in ROLE_STOP_WORDS for w in role) else ref.person

    def _relation_near(self, verb: re.Match[str], words: list[re.Match[str]], k: int, end: int, stop: int,
                       part_start: int | None = None) -> tuple[int | None, str] | None:
        """"said his wife" / "her father said": None when the tag names no relation; else the relative, when the
        possessor (the pronoun's person) and their surname pick out exactly one person, else (None, "")."""
        if k >= 2 and self.text[words[k - 2].end() : words[k - 1].start()] == " " and blank(self.text, end, words[k - 2].start()):
            pair = words[k - 2], words[k - 1]
        elif k == 0 and len(words) >= 3 and self.text[verb.end() : words[1].start()] == " ":
            pair = words[1], words[2]
        else:
            return None
        owner, noun = pair[0].group().casefold(), pair[1].group().casefold()
        if owner not in POSSESSIVE_GENDER or noun not in RELATIONS:
            return None
        gender = POSSESSIVE_GENDER[owner]
        for possessor in self._possessors(pair[0].start(), gender, end, part_start):
            relative = self.relative(possessor, *RELATIONS[noun])
            if relative is not None:
                return relative, "relation"
        return None, ""

    def _possessors(self, pos: int, gender: str, end: int, part_start: int | None) -> Iterator[int]:
        """Whom the "his" / "her" of "said her mother" may mean, likeliest first: the pronoun's person; the one of
        that gender the quote addresses (“My dear Mr. Bennet,” said his lady); in a dialogue, the one the turn
        before addressed (“..., Lizzy.” ¶ “...,” said her mother), or who spoke it (“To-morrow fortnight.” ¶
        “Ay, so it is,” cried her mother). The first that has exactly one relative of that role is taken."""
        possessor, _ = self.resolve(Ref("pronoun", word="he" if gender == "m" else "she"), pos)
        if possessor is not None:
            yield possessor
        if part_start is None:
            return
        vocative = self._vocative_of_gender(part_start, end, gender)
        if vocative is not None:
            yield vocative
        before = self._turn_before(part_start)
        if before is not None:
            addressed = self._vocative_of_gender(*before, gender)
            if addressed is not None:
                yield addressed
            spoke = self.quote_speakers.get(before[0])
            if spoke is not None and self.genders[spoke] == gender:
                yield spoke

    def _turn_before(self, start: int) -> tuple[int, int] | None:
        """The span of the quote that opens and ends the paragraph right before the one of ``start``: the turn
        before in a dialogue; None if that paragraph is not one quote."""
        i = bisect_left(self.quote_spans, (start, -1)) - 1
        if i < 0:
            return None
        qs, qe = self.quote_spans[i]
        paragraph = self.doc.paragraph_index_at(start)
        before = self.doc.paragraphs[paragraph - 1] if paragraph > 0 else None
        if before is None or not (blank(self.text, before.start, qs) and blank(self.text, qe, before.end)) or qs < before.start:
            return None
        return qs, qe

    def _vocative_of_gender(self, start: int, end: int, gender: str) -> int | None:
        """The one person of that gender named in a vocative in ``text[start:end]`` ("My dear Mr. Bennet,")."""
        found = {pid for s, e, pid in self.mentions.between(start, end) if self.genders[pid] == gender
                 and VOCATIVE_BEFORE.search(self.text, max(start, s - 24), s) and VOCATIVE_AFTER.match(self.text, e)}
        return found.pop() if len(found) == 1 else None

    def relative(self, possessor: int, gender: str, by_title: bool) -> int | None:
        """The one person of that gender who shares the possessor's surname: named "Mrs. Bennet" (title and
        surname only) for a spouse or parent, or by given name and surname for a child or sibling (remembered:
        dialogue asks for the same few relatives again and again)."""
        key = (possessor, gender, by_title)
        if key not in self._relatives:
            self._relatives[key] = self._find_relative(possessor, gender, by_title)
        return self._relatives[key]

    def _find_relative(self, possessor: int, gender: str, by_title: bool) -> int | None:
        from reader.nlp.people.lexicon import norm

        surname = norm(self.people[possessor].name.split()[-1])
        found = []
        for pid, person in enumerate(self.people):
            tokens = person.name.split()
            if len(tokens) > 1 and tokens[0] in person.titles:  # "Mrs. Hale": a title is part of the name
                tokens = tokens[1:]
            if pid == possessor or self.genders[pid] != gender or not tokens or norm(tokens[-1]) != surname:
                continue
            if by_title == (len(tokens) == 1 and bool(person.titles)):
                found.append(pid)
        if len(found) > 1 and by_title and gender == "f":  # a wife or mother is Mrs. Bennet, not Miss Bennet
            found = [pid for pid in found if any(norm(t) in MARRIED_TITLES for t in self.people[pid].titles)]
        return found[0] if len(found) == 1 else None

    def lead_speaker(self, start: int, lo: int, prev_speaker: int | None) -> tuple[int | None, str]:
        """'X said: “...' / 'X called it “...' / 'according to X, “...' / '... and said, “...' before a quote."""
        text = self.text
        in_words = self._in_words_of(start, lo)
        if in_words is not None:
            return in_words, "according-to"
        quoted = QUOTED_AS_LEAD.search(text, lo, start)  # "The Times quoted X as saying “", "X was quoted as saying “"
        if quoted and blank(text, quoted.end(), start):
            return self._quoted_as(quoted, lo)
        words = list(WORD.finditer(text, lo, start))
        for k in range(len(words) - 1, -1, -1):
            word = words[k]
            low = word.group().casefold()
            if low == "according" and k + 1 < len(words) and words[k + 1].group() == "to":
                ref = self.ref_starting_at(words[k + 1].end() + 1, start)
                if ref is not None and ref.kind == "person":
                    return ref.person, "according-to"
                return None, ""
            if low not in QUOTE_VERBS or (word.group()[0].isupper() and k > 0) or after_determiner(text, words, k):
                continue
            if low.endswith("ing") and k > 0:
                ref, _ = self.ref_ending_at(lo, word.start())
                if ref is None and k >= 2 and words[k - 1].group() == "by" and words[k - 2].group().islower():
                    ref, _ = self.ref_ending_at(lo, words[k - 2].start())  # "X responded by saying “...”"
                if ref is not None and ref.kind == "person":  # "with Boswell stating: “...”"
                    return ref.person, "said-verb"
                # "he said, explaining that ... “...”": a participle continues the clause of the quote before
                if prev_speaker is not None:
                    return prev_speaker, "said-verb"
                return self._participle_subject(word, lo)
            if len(words) - k - 1 > LEAD_GAP_WORDS:  # "X asked officials how ... stored in “...”": not its tag,
                return self._distant_report(word, start, lo)  # unless X said / told ... that ... “...”
            ref, ref_start = self.ref_ending_at(lo, word.start())
            if ref is None:
                before = words[k - 1].group().casefold() if k > 0 else ""
                if before in COORDINATORS or text[lo : word.start()].strip() == "":
                    if prev_speaker is not None:
                        return prev_speaker, "said-verb"
                    return self._coordinated_subject(lo, words[k - 1].start() if k > 0 else word.start())
                return None, ""
            # a pronoun is read where it stands: "He described Montalvo as “...”" is not ambiguous by Montalvo;
            # never to the one spoken to ("she said to Mademoiselle Bourienne: “...”")
            if ref.kind == "pronoun":
                addressed = {pid for _, _, pid in self.mentions.between(word.end(), start)}
                return self.resolve(ref, ref_start, exclude=addressed)
            return self.resolve(ref, start)
        return None, ""

    def _participle_subject(self, participle: re.Match[str], lo: int) -> tuple[int | None, str]:
        """"Senator Ruth Calloway on Thursday defended her vote ..., saying it would “...”": the person opening the
        sentence as its subject, when a comma stands before the participle and no one else is named between."""
        if not self.text[lo : participle.start()].rstrip().endswith(","):
            return None, ""
        sentence = self.sentence_start(participle.start())
        subject = sentence_subject(self, max(lo, sentence), participle.start())
        if subject is None:
            return None, ""
        pid, subject_end = subject
        if not verb_after(self.text, subject_end) and not re.match(r" [a-z]", self.text[subject_end : subject_end + 2]):
            return None, ""
        if any(other != pid for s, _e, other in self.mentions.between(subject_end, participle.start()) if not self.in_quote(s)):
            return None, ""  # "Calloway praised Hoskins, saying ...": either may be meant
        return pid, "said-verb"

    def _in_words_of(self, start: int, lo: int) -> int | None:
        """The person of "in Anna Berg’s words, “...”" / "in the words of Anna Berg, “...”" right before a quote."""
        text = self.text
        if "words" not in text[max(lo, start - 60) : start]:
            return self._in_the_words_of_role(start, lo)
        possessive = IN_POSSESSIVE_WORDS.search(text, max(lo, start - 20), start)
        if possessive is not None:
            s = self.mentions.start_by_end.get(possessive.start())
            if s is not None and re.search(r"\b[Ii]n\s+$", text[max(lo, s - 4) : s]):
                return self.mentions.by_end[possessive.start()]
            return None
        named = [m for m in self.mentions.between(lo, start) if re.fullmatch(r"[,:]?\s*", text[m[1] : start])]
        if named and IN_THE_WORDS_OF.search(text, max(lo, named[-1][0] - 24), named[-1][0]):
            return named[-1][2]
        return self._in_the_words_of_role(start, lo)

    def _in_the_words_of_role(self, start: int, lo: int) -> int | None:
        """"In the words of the harbour master, Gwen Aldous, the port is “...”": the name after the role, set off by
        commas, opening the sentence of the quote (at most LEAD_GAP_WORDS words from the name to it, no quote
        between)."""
        phrase = IN_THE_WORDS_OF_ROLE.search(self.text, lo, start)
        if phrase is None or not leads_clause(self.text, lo, phrase.start()):
            return None
        named = self.mentions.by_start.get(phrase.end())
        if named is None or not self.text.startswith(",", named[0]) or self.quote_within(named[0], start):
            return None
        return named[1] if len(WORD.findall(self.text, named[0], start)) <= LEAD_GAP_WORDS else None

    def _quoted_as(self, quoted: re.Match[str], lo: int) -> tuple[int | None, str]:
        named = self.mentions.between(quoted.start("object"), quoted.end("object")) if quoted.group("object") else []
        if named:
            return (named[0][2], "said-verb") if len({pid for _, _, pid in named}) == 1 else (None, "")
        ref, _ = self.ref_ending_at(lo, quoted.start())  # passive: the subject before "was quoted"
        return (ref.person, "said-verb") if ref is not None and ref.kind == "person" else (None, "")

    def _distant_report(self, verb: re.Match[str], start: int, lo: int) -> tuple[int | None, str]:
        """A quoted fragment in the complement of "X said / told ... / detailed how ..." far from the verb: X, when
        X (or their pronoun) is the subject of the sentence, the verb is one of reported speech, and no one named
        between is the author of other words (a possessive, or a name followed by a speech verb)."""
        if verb.group() not in DISTANT_VERBS or len(WORD.findall(self.text, verb.end(), start)) > DISTANT_GAP_WORDS:
            return None, ""
        if re.search(r"[;:”\"]", self.text[verb.end() : start]):
            return None, ""
        ref, ref_start = self.ref_ending_at(lo, verb.start())
        if ref is None or ref.kind == "title":
            return None, ""
        if ref.kind == "person" and (sentence_subject(self, lo, verb.start()) or (None,))[0] != ref.person:
            return None, ""
        if ref.kind == "pronoun" and not leads_clause(self.text, lo, ref_start):
            return None, ""
        if any(self.speaks(s, e) for s, e, _ in self.mentions.between(verb.end(), start)):
            return None, ""
        return self.resolve(ref, verb.start())

    def speaks(self, s: int, e: int) -> bool:
        """The mention at ``s:e`` is a possessive or the subject of a speech verb ("Berg's remark", "Berg told")."""
        if self.possessive_after(e):
            return True
        following = WORD.findall(self.text, e, min(len(self.text), e + 40))[:3]
        return any(w.casefold() in QUOTE_VERBS for w in following)

    def clause_subject(self, lo: int, pos: int) -> tuple[Ref | None, int]:
        """The subject of the clause a coordinated verb shares ("she turned to him and said"): the nearest he/she
        before ``pos``, or the nearest person followed by a verb, whichever comes later; (None, pos) if none."""
        for word in reversed(list(WORD.finditer(self.text, lo, pos))[-ATTRIBUTION_WORDS:]):
            low = word.group().casefold()
            if low in PRONOUN_GENDER:
                return Ref("pronoun", word=low), word.start()
            pid = self.mentions.by_end.get(word.end())
            if pid is not None and not self.in_quote(word.start()):
                return (Ref("person", pid), word.start()) if verb_after(self.text, word.end()) else (None, pos)
        return None, pos

    def _coordinated_subject(self, lo: int, pos: int) -> tuple[int | None, str]:
        """"Steven Cheung attacked ... and said “...”": the nearest person mention followed by a verb-like word."""
        for s, e, pid in reversed(self.mentions.between(lo, pos)):
            if self.in_quote(s) or self.possessive_after(e):
                continue
            nxt = WORD.match(self.text, e + 1) if self.text[e : e + 1] == " " else None
            if nxt and nxt.group().islower() and (nxt.group().endswith(("ed", "s")) or nxt.group() in QUOTE_VERBS):
                return pid, "said-verb"
        return None, ""
