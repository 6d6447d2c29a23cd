"""Attribution of every located quote, precision first: the rules in order (see the package docstring)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader.document.model import Document
from reader.nlp.quotes.cues import ATTRIBUTION_WORDS, CONTEXT_CHARS, PRONOUN_GENDER, QUOTE_VERBS, WORD
from reader.nlp.quotes.dialogue import Exchange, named_in_quote
from reader.nlp.quotes.nearby_paragraphs import (
    added_after, lead_in_paragraph, speaker_starting_in_narration, subject_of_paragraph_before,
)
from reader.nlp.quotes.nearby_sentences import colon_subject, reported_before, statement_before
from reader.nlp.quotes.polling import POLL_EVERY, Stopped, never, poll
from reader.nlp.quotes.shapes import has_dialogue, opens_paragraph, quote_only, sentence_like, untagged_turn
from reader.nlp.quotes.spans import to_quote
from reader.nlp.quotes.tags import Attributor
from reader.nlp.quotes.turns import turn_taking
from reader.nlp.results import Person, Quote

if TYPE_CHECKING:
    from reader.nlp.quotes.spans import Raw


def attribute(doc: Document, raws: list[Raw], people: Sequence[Person], should_stop: Callable[[], bool] = never
              ) -> list[Quote]:
    """The speaker of each located quote (rules in the module docstring); unattributed when unsure. [] when
    ``should_stop`` returned True (polled as it works)."""
    try:
        return _attribute(doc, raws, people, should_stop)
    except Stopped:
        return []


def _attribute(doc: Document, raws: list[Raw], people: Sequence[Person], should_stop: Callable[[], bool]
               ) -> list[Quote]:
    if not raws:
        return []
    poll(should_stop)
    att = Attributor(doc, people)
    poll(should_stop)
    text = doc.text
    att.quote_spans = [(r.parts[0][0], r.parts[-1][1]) for r in raws]
    paragraphs = doc.paragraphs
    dialogue = att.dialogue = has_dialogue(text, raws, paragraphs)
    reported = att.reported_speech(0, len(text), should_stop) if people else []
    exchange = Exchange(text, paragraphs, att)
    group_start = 0  # the first quote of the current paragraph
    r_index = 0
    speakers: list[int | None] = []
    hows: list[str] = []
    for qi, raw in enumerate(raws):
        if qi % POLL_EVERY == 0:
            poll(should_stop)
        q_start, q_end = raw.parts[0][0], raw.parts[-1][1]
        while r_index < len(reported) and reported[r_index][0] < q_start:
            att.add_event(*reported[r_index])
            r_index += 1
        pid: int | None = None
        how = ""
        caption = raw.paragraph in exchange.captions
        if not qi or raws[qi - 1].paragraph != raw.paragraph:
            group_start = qi
            if not caption:
                exchange.begin(raw.paragraph)
        last_of_group = qi + 1 == len(raws) or raws[qi + 1].paragraph != raw.paragraph
        if people:
            para = paragraphs[raw.last_paragraph]
            next_start = raws[qi + 1].parts[0][0] if qi + 1 < len(raws) else len(text)
            # 1. the clause right after the first part (the gap of an interrupted quote), then after the end
            for s, e in raw.parts[:1] + raw.parts[-1:]:
                limit = min(para.end if e >= paragraphs[raw.paragraph].end else paragraphs[raw.paragraph].end,
                            next_start)
                if e == q_end:
                    limit = min(para.end, next_start)
                elif len(raw.parts) > 1:
                    limit = raw.parts[1][0]
                pid, how = att.tail_speaker(e, max(limit, e), s)
                if pid is not None:
                    break
            # 1b. dialogue: '“..., Miss Bennet, ...?” ¶ She smiled. ¶ “Oh,” said she': the one that turn spoke to
            if how == "pronoun" and dialogue and group_start == qi and opens_paragraph(text, raw, paragraphs):
                tag = _tag_gender(text, raw)
                reply = exchange.reply_of_gender(raw, tag) if tag is not None else None
                if reply is not None:
                    pid = reply
            # 2. the clause before it, in the same sentence (after any earlier quote)
            if pid is None:
                prev_end = raws[qi - 1].parts[-1][1] if qi else 0
                lo = max(att.sentence_start(q_start), paragraphs[raw.paragraph].start, prev_end)
                same_sentence_prev = speakers[-1] if qi and prev_end > att.sentence_start(q_start) else None
                pid, how = att.lead_speaker(q_start, lo, same_sentence_prev)
            # 2b. "X: “...”" / "Sunak defended the record ...: “...”": the subject of the sentence the colon ends
            if pid is None and sentence_like(text, raw):
                pid, how = colon_subject(att, q_start, max(att.sentence_start(q_start), paragraphs[raw.paragraph].start))
            # 2c. the sentence after "X issued a statement ...": “...”
            if pid is None and sentence_like(text, raw):
                pid, how = statement_before(att, q_start, paragraphs[raw.paragraph])
            # 2d. the sentence after "X (also) said the council was wrong.": “...”
            if pid is None and sentence_like(text, raw):
                pid, how = reported_before(att, raw, paragraphs, dialogue)
            # rules 3 to 5 carry the speaker of the quote before, never against the quote's own "she said"
            carried_ok = qi and speakers[-1] is not None and _gender_fits(att.genders[speakers[-1]], _tag_gender(text, raw))
            # 3. the quote before it in the same paragraph, no one else named between
            if (pid is None and carried_ok and raws[qi - 1].last_paragraph == raw.paragraph
                    and sentence_like(text, raw)):
                between = att.mentions.between(raws[qi - 1].parts[-1][1], q_start)
                if all(p == speakers[-1] for _, _, p in between):
                    pid, how = speakers[-1], "same-paragraph"
            # 3b. '“dangerous” and “ideological”': a term coordinated with the quote just before it
            if (pid is None and carried_ok and raws[qi - 1].last_paragraph == raw.paragraph
                    and _COORDINATED_GAP.fullmatch(text, raws[qi - 1].parts[-1][1], q_start)):
                pid, how = speakers[-1], "coordinated"
            # 3c. 'X said he was “shocked” by the decision and “saddened” by the vote': a later fragment of the
            # same sentence, with no one named and no other speech verb between
            if pid is None and carried_ok and raws[qi - 1].last_paragraph == raw.paragraph:
                gap_start = raws[qi - 1].parts[-1][1]
                gap = WORD.findall(text, gap_start, q_start)
                if (gap_start > att.sentence_start(q_start) and len(gap) <= ATTRIBUTION_WORDS
                        and not att.mentions.between(gap_start, q_start)
                        and not any(w.casefold() in QUOTE_VERBS for w in gap)):
                    pid, how = speakers[-1], "same-sentence"
            # 4. a quote-only paragraph after "X said:"
            if pid is None and untagged_turn(text, raw, paragraphs) and raw.paragraph > 0:
                pid, how = lead_in_paragraph(att, paragraphs[raw.paragraph - 1])
                # 5. news: a quote-only paragraph goes on with the quote that ended the paragraph before
                if pid is None and not dialogue and carried_ok:
                    prev = raws[qi - 1]
                    prev_para = paragraphs[prev.last_paragraph]
                    after = att.mentions.between(prev.parts[-1][1], min(prev_para.end, prev.parts[-1][1] + CONTEXT_CHARS))
                    close = prev_para.end - prev.parts[-1][1] < CONTEXT_CHARS
                    if close and prev.last_paragraph == raw.paragraph - 1 and all(p == speakers[-1] for _, _, p in after):
                        pid, how = speakers[-1], "continuation"
            # 5b. news: a quote-only paragraph followed by "He added that ..." / "Tom Hale went on to say ..."
            if pid is None and not dialogue and quote_only(text, raw, paragraphs):
                pid, how = added_after(att, raw, paragraphs)
            # 5c. news: a quote-only paragraph after a paragraph about one person, who opens its last sentence
            if pid is None and not dialogue and quote_only(text, raw, paragraphs) and raw.paragraph > 0:
                pid, how = subject_of_paragraph_before(att, raw, paragraphs)
            # 5d. dialogue: a quote-only turn after narration in which one person starts to speak
            if pid is None and dialogue and untagged_turn(text, raw, paragraphs) and raw.paragraph > 0:
                pid, how = speaker_starting_in_narration(att, raw, paragraphs)
            # 6. an untagged turn of an exchange: the one the turn before was talking with
            if pid is None and not caption and group_start == qi and last_of_group and untagged_turn(text, raw, paragraphs):
                pid = exchange.expect(raw)
                how = "turn-taking" if pid is not None else ""
            # 6b. a turn of an exchange of two tagged only "replied he": the one answering, when the pronoun fits them
            # and not the one who spoke last
            if pid is None and not caption and group_start == qi and opens_paragraph(text, raw, paragraphs):
                tag = _tag_gender(text, raw)
                pid = exchange.answer_of_gender(raw, tag) if tag is not None else None
                how = "pronoun" if pid is not None else ""
        if pid is not None and how != "turn-taking" and named_in_quote(att, raw, pid, vocative_only=how != "pronoun"):
            pid, how = None, ""  # “Dunyásha, you pack!”: not Dunyásha; “a letter from Prince Andrew,” he said: not him
        if pid is not None and how != "turn-taking":  # a turn given by place is too weak to anchor a later "he"
            att.add_event(q_start, pid)
        speakers.append(pid)
        hows.append(how)
        if pid is not None:
            att.quote_speakers[q_start] = pid
        if last_of_group and not caption:
            exchange.end(raws[group_start : qi + 1], {p for p in speakers[group_start:] if p is not None})
    if people:
        poll(should_stop)
        turn_taking(text, raws, speakers, hows, paragraphs, att)
    return [
        to_quote(raw, people[pid].key if pid is not None else None, hows[i] if pid is not None else None)
        for i, (raw, pid) in enumerate(zip(raws, speakers))
    ]


_COORDINATED_GAP = re.compile(r" ?(?:, ?)?(?:and |or )?")


_PRONOUN_TAG = re.compile(r"[\s,;:!?.\-—–]*(?:(he|she)\s+(\w+)|(\w+)\s+(he|she)\b)")


def _tag_gender(text: str, raw: Raw) -> str | None:
    """"m" / "f" when a part of the quote is tagged with a pronoun (“...,” she said / said he), else None."""
    for _, end in raw.parts:
        match = _PRONOUN_TAG.match(text, end, end + 40)
        if match and (match.group(2) or match.group(3) or "").casefold() in QUOTE_VERBS:
            return PRONOUN_GENDER[(match.group(1) or match.group(4)).casefold()]
    return None


def _gender_fits(gender: str | None, tag: str | None) -> bool:
    return tag is None or gender in (None, tag)
