"""Dialogue in novels, as it is read: who a turn addresses, and the exchange of two speakers taking turns."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice
from typing import TYPE_CHECKING

from reader.document.model import Paragraph
from reader.nlp.quotes.shapes import quote_only
from reader.nlp.quotes.cues import QUOTE_VERBS, KIN_VOCATIVE, KIN_VOCATIVE_BEFORE, KIN_VOCATIVE_RELATION, VOCATIVE_AFTER, VOCATIVE_BEFORE, WORD

if TYPE_CHECKING:
    from reader.nlp.quotes.spans import Raw
    from reader.nlp.quotes.tags import Attributor


def named_in_quote(att: Attributor, raw: Raw, pid: int, vocative_only: bool) -> bool:
    """The person is spoken to by name in the quote (a vocative), or, unless ``vocative_only``, named in it at all."""
    for s, e in raw.parts:
        for ms, me, other in att.mentions.between(s, e):
            if other != pid:
                continue
            if not vocative_only or (VOCATIVE_BEFORE.search(att.text, max(s, ms - 24), ms)
                                     and VOCATIVE_AFTER.match(att.text, me)):
                return True
    return False


def _addressee(text: str, raw: Raw, speaker: int | None, att: Attributor, para_end: int) -> int | None:
    """The one person a turn speaks to: named in a vocative inside the quote ("Did not you think, Mr. Darcy,
    that ...", "Mr. Bennet, how can you ...") or after the tag ("said she to Charlotte"); None if not one."""
    found = set()
    only_name = len(att.mentions.between(raw.parts[0][0], raw.parts[-1][1])) == 1 and sum(
        len(WORD.findall(text, s, e)) for s, e in raw.parts) == 1  # “Bingley.”: an answer, nobody is spoken to
    for s, e in raw.parts:
        for ms, me, pid in att.mentions.between(s, e):
            if only_name:
                continue
            if VOCATIVE_BEFORE.search(text, max(s, ms - 24), ms) and VOCATIVE_AFTER.match(text, me):
                found.add(pid)
        for kin in KIN_VOCATIVE.finditer(text, s, e) if speaker is not None else ():  # “But you forget, mamma,”
            if not KIN_VOCATIVE_BEFORE.search(text, max(s, kin.start() - 12), kin.start()):  # the speaker's mother
                continue
            parent = att.relative(speaker, *KIN_VOCATIVE_RELATION[kin.group(1).casefold()])
            if parent is not None:
                found.add(parent)
    gaps = [(a[1], b[0]) for a, b in zip(raw.parts, raw.parts[1:])] + [(raw.parts[-1][1], para_end)]
    for lo, hi in gaps:
        for ms, _me, pid in att.mentions.between(lo, min(hi, lo + 120)):
            if re.search(r"\bto\s+$", text[max(lo, ms - 4) : ms]) and not att.possessive_after(_me):
                found.add(pid)
    found.discard(speaker)
    return found.pop() if len(found) == 1 else None


class Exchange:
    """An exchange of adjacent paragraphs, followed as the quotes are attributed: a quote-only paragraph whose
    speaker is not given answers the turn before it: the person that turn addressed by name, else the speaker
    before that one (A, B, A, ...). Between two turns may stand an illustration caption, a short narration naming
    no one ("This was invitation enough."), or one in which the person whose turn it was acts instead of speaking
    ("Mr. Darcy bowed.", "Mr. Bennet made no answer."; the other one then speaks again). Any other narration, or
    a quote whose speaker is unknown and narration around it, ends the exchange; a person named in the quote is
    not its speaker. Among three or more recent speakers only a turn addressed by name is followed."""

    def __init__(self, text: str, paragraphs: Sequence[Paragraph], att: Attributor) -> None:
        self.text, self.paragraphs, self.att = text, paragraphs, att
        self.captions = _caption_paragraphs(text, paragraphs)
        self.last: int | None = None  # the speaker of the previous turn
        self.other: int | None = None  # the one that speaker is talking with
        self.addressed = False  # the previous turn named ``other``
        self.recent: list[int] = []  # the speakers of the exchange's last turns
        self.prev_para = -2
        # the last turn that spoke to someone by name: (its last paragraph, its quote, speaker, addressee); kept over
        # narration (see reply_of_gender)
        self.last_address: tuple[int, Raw, int, int] | None = None

    def reset(self, keep_address: bool = False) -> None:
        """End the exchange; the last turn spoken to someone by name is kept only over narration (``keep_address``:
        see reply_of_gender), never over a turn whose speaker is unknown or another exchange."""
        self.last = self.other = None
        self.recent = []
        if not keep_address:
            self.last_address = None

    def begin(self, paragraph: int) -> None:
        """The first quote of ``paragraph``: carry the exchange over the paragraphs since the last turn, or end it."""
        between = [k for k in range(self.prev_para + 1, paragraph) if k not in self.captions]
        if self.prev_para < 0 or len(between) > 2:
            self.reset()
            return
        for k in between:
            self._narration(self.paragraphs[k])

    def _narration(self, para: Paragraph) -> None:
        if para.end - para.start > NARRATION_BRIDGE_CHARS or self.last is None or self.other is None:
            self.reset(keep_address=True)
            return
        named = self.att.mentions.between(para.start, para.end)
        if not named:  # "They were silent for a while." / "The driver’s eyes sparkled": anyone may speak next
            self.reset(keep_address=True)
            return
        s, e, pid = named[0]
        opens = self.att.doc.sentences[self.att.doc.sentence_index_at(s)].start <= para.start and self.att.starts_sentence(s)
        answers = _WORDLESS_ANSWER.search(self.text, e, para.end) is not None
        if (pid == self.other and all(p == pid for _, _, p in named) and opens and answers
                and not self.att.possessive_after(e)):
            self.last, self.other = self.other, self.last  # they took their turn without a word
        else:
            self.reset(keep_address=True)

    def expect(self, raw: Raw) -> int | None:
        """The speaker of an untagged quote-only turn, or None (which ends the exchange when it cannot go on)."""
        if self.other is None or (self.last is None and not self.addressed):
            return None
        if len(set(self.recent[-4:])) >= 3 and not self.addressed:
            return None  # "Ay, so it is," cried her mother (after Kitty and Elizabeth): not a conversation of two
        named = {pid for _, _, pid in self.att.mentions.between(raw.parts[0][0], raw.parts[-1][1])}
        if self.other in named:
            self.reset()
            return None
        return self.other

    def answer_of_gender(self, raw: Raw, gender: str) -> int | None:
        """The one answering in an exchange of two, for a turn tagged with a pronoun of ``gender`` (“...,” replied
        he): the one the last speaker was talking with, when they are of that gender and the last speaker is not."""
        if self.last is None or self.other is None or len(set(self.recent[-4:])) >= 3:
            return None
        genders = self.att.genders
        if genders[self.other] != gender or genders[self.last] in (gender, None):
            return None
        named = {pid for _, _, pid in self.att.mentions.between(raw.parts[0][0], raw.parts[-1][1])}
        return None if self.other in named else self.other

    def end(self, group: Sequence[Raw], known: set[int]) -> None:
        """A paragraph's quotes are attributed (``known``: their speakers)."""
        para_end = self.paragraphs[group[-1].last_paragraph].end
        self.prev_para = group[-1].last_paragraph
        if len(known) != 1:  # the turn spoken to by name is kept over a turn whose speaker is only not told
            self.reset(keep_address=not known and not any(_tagged(self.text, raw, para_end) for raw in group))
            if not known and len(group) == 1 and quote_only(self.text, group[0], self.paragraphs):
                # “Impossible, Mr. Bennet, ...” (speaker not known) ¶ “I honour your circumspection.”: Mr. Bennet
                addressed = _addressee(self.text, group[0], None, self.att, para_end)
                if addressed is not None and _called_at_an_end(self.text, group[0], addressed, self.att):
                    addressed = self._addressee_in_scene(group[0], addressed)
                else:
                    addressed = None
                if addressed is not None:
                    self.other, self.addressed = addressed, True
            return
        speaker = next(iter(known))
        addressed = _addressee(self.text, group[-1], speaker, self.att, para_end)
        if speaker != self.last:
            self.other = self.last
        self.last = speaker
        self.recent.append(speaker)
        self.addressed = addressed is not None
        self.last_address = (self.prev_para, group[-1], speaker, addressed) if addressed is not None else None
        if addressed is not None:
            self.other = addressed

    def reply_of_gender(self, raw: Raw, gender: str) -> int | None:
        """The one a turn spoke to by name, for the next turn tagged with a pronoun of their gender (“..., Miss
        Bennet, ...?” ¶ She smiled, but made no answer. ¶ “Oh,” said she): when the one who spoke is of the other
        gender, at most two paragraphs of narration stand between, and they name no one."""
        if self.last_address is None:
            return None
        paragraph, turn, speaker, addressee = self.last_address
        genders = self.att.genders
        if raw.paragraph - paragraph > 3 or genders[addressee] != gender or genders[speaker] in (gender, None):
            return None
        if self.att.mentions.between(turn.parts[-1][1], raw.parts[0][0]):
            return None  # someone else was named since: they may be the one answering
        addressee = self._addressee_in_scene(turn, addressee)  # "Miss Bennet": "Mr. Darcy, drawing near Elizabeth,"
        if addressee is None:
            return None
        named = {pid for _, _, pid in self.att.mentions.between(raw.parts[0][0], raw.parts[-1][1])}
        return None if addressee in named else addressee

    def _addressee_in_scene(self, turn: Raw, addressee: int) -> int | None:
        """The one a turn speaks to: ``addressee``, unless the turn calls them by a title and surname others of their
        gender share ("Miss Bennet"); then the one of those the scene names, or None."""
        sharers = self._title_name_sharers(turn, addressee)
        return self._one_named_in_scene(turn, sharers | {addressee}) if sharers else addressee

    def _one_named_in_scene(self, turn: Raw, candidates: set[int]) -> int | None:
        """The one of ``candidates`` named outside quotes in the turn's paragraph or the one before it (at most
        SCENE_CHARS back), or None when none or several are."""
        att = self.att
        first = max(0, att.doc.paragraph_index_at(turn.parts[0][0]) - 1)
        lo = max(self.paragraphs[first].start, turn.parts[0][0] - SCENE_CHARS)
        named = {pid for s, _e, pid in att.mentions.between(lo, turn.parts[0][0])
                 if pid in candidates and not att.in_quote(s)}
        return named.pop() if len(named) == 1 else None

    def _title_name_sharers(self, turn: Raw, addressee: int) -> set[int]:
        """When the turn calls the addressee only by title and surname, the others of their gender who have that
        surname ("Miss Bennet": Jane, or Elizabeth spoken to politely); else the empty set."""
        from reader.nlp.people.lexicon import norm

        att = self.att
        forms = set()
        for ps, pe in turn.parts:
            for s, e, pid in att.mentions.between(ps, pe):
                if pid == addressee:  # the title may be part of the mention or stand right before it
                    title = _TITLE_BEFORE.search(att.text, max(ps, s - 12), s)
                    forms.add(((title.group(1) + " ") if title else "") + att.text[s:e])
        if not forms or any(len(form.split()) != 2 or form.split()[0].rstrip(".") not in _TITLES for form in forms):
            return set()
        surnames = {norm(form.split()[1]) for form in forms}
        return {pid for pid, person in enumerate(att.people) if pid != addressee
                and att.genders[pid] == att.genders[addressee] and norm(person.name.split()[-1]) in surnames}


_TITLES = frozenset("Mr Mrs Ms Miss Dr Sir Lady Lord Colonel Captain Madame Mademoiselle Monsieur".split())
_TITLE_BEFORE = re.compile(r"\b(" + "|".join(sorted(_TITLES)) + r")\.?\s+$")


# what the one whose turn it was did instead ("made no answer", "replied that he had not", "bowed"); not any
# action ("Princess Mary again shook her head" may well go on to speak)
_WORDLESS_ANSWER = re.compile(r"\b(?:made no (?:answer|reply)|did not (?:answer|reply)|gave no (?:answer|reply)|"
                              r"replied|answered|bowed|nodded)\b")


def _called_at_an_end(text: str, raw: Raw, pid: int, att: Attributor) -> bool:
    """The quote calls the person by name set off by commas in its first words (“Impossible, Mr. Bennet,
    impossible”, “Lizzy, when you ...”, “Did not you think, Mr. Darcy, that”), or last, after a comma (“..., Mr.
    Darcy?”), where a name is spoken to; not elsewhere (“... of her mother, Lady Catherine. How ...” names her)."""
    s, e = raw.parts[0][0], raw.parts[-1][1]
    for ms, me, other in att.mentions.between(s, e):
        if other != pid:
            continue
        title = _TITLE_BEFORE.search(text, max(s, ms - 12), ms)
        ms = title.start() if title else ms
        after_comma = text[ms - 2 : ms] == ", " or len(WORD.findall(text, s, ms)) == 0
        if (after_comma and len(WORD.findall(text, s, ms)) <= 6 and text.startswith(",", me)) or (
                after_comma and re.fullmatch(r"[?!.]?[”\"]", text[me:e])):
            return True  # (“Dearest Jane! who could ...” names her)
    return False


def _tagged(text: str, raw: Raw, para_end: int) -> bool:
    """A speech verb within the first words after a part of the quote: someone spoke it (“Nonsense!” cried a
    voice), though not anyone on the People list."""
    ends = [e for _, e in raw.parts]
    limits = [s for s, _ in raw.parts[1:]] + [para_end]
    return any(w.group().casefold() in QUOTE_VERBS
               for e, hi in zip(ends, limits) for w in islice(WORD.finditer(text, e, hi), 4))  # not the whole paragraph


NARRATION_BRIDGE_CHARS = 200  # the longest narration paragraph an exchange goes on over
SCENE_CHARS = 1000  # how far back the scene of a turn is read for the one a polite "Miss Bennet" means


def _caption_paragraphs(text: str, paragraphs: Sequence[Paragraph]) -> set[int]:
    """Paragraphs of "[Illustration: ... ]" blocks (Project Gutenberg captions), up to the one closing the bracket."""
    found: set[int] = set()
    k = 0
    while k < len(paragraphs):
        if text.startswith("[Illustration", paragraphs[k].start):
            for j in range(k, min(k + 6, len(paragraphs))):
                found.add(j)
                if text[paragraphs[j].start : paragraphs[j].end].rstrip().endswith("]"):
                    break
            k = max(found) + 1
        else:
            k += 1
    return found
