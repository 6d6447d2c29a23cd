"""Attribution of a quote-only paragraph from the paragraphs around it: a lead-in ("X said:"), the subject of the
paragraph before, or "He added ..." after it."""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.document.model import Paragraph
from reader.nlp.quotes.clauses import leads_clause
from reader.nlp.quotes.cues import CONTEXT_CHARS, PRONOUN_GENDER, QUOTE_VERBS, WORD, after_determiner
from reader.nlp.quotes.mentions import Ref

if TYPE_CHECKING:
    from reader.nlp.quotes.spans import Raw
    from reader.nlp.quotes.tags import Attributor


_GOES_ON = re.compile(r"\s*(?:(?:also|further|later)\s+)?(?:added|continued|went on)\b")


def added_after(att: Attributor, raw: Raw, paragraphs: Sequence[Paragraph]) -> tuple[int | None, str]:
    """A quote-only paragraph whose next paragraph opens with its speaker going on: “...” ¶ "He added that the
    council would meet." / "Tom Hale also added ..." (news, where a quote is followed by the rest of the speech)."""
    index = raw.last_paragraph + 1
    if index >= len(paragraphs) or paragraphs[index].kind != "text":
        return None, ""
    text = att.text
    start = paragraphs[index].start
    first = WORD.match(text, start)
    if first is None:
        return None, ""
    if first.group().casefold() in PRONOUN_GENDER:
        ref, end = Ref("pronoun", word=first.group().casefold()), first.end()
    else:
        mention = att.mentions.by_start.get(start)
        if mention is None:
            return None, ""
        end, pid = mention
        ref = Ref("person", pid)
    if not _GOES_ON.match(text, end):
        return None, ""
    pid, _how = att.resolve(ref, raw.parts[0][0])  # "he" is whoever spoke before the quote
    return (pid, "goes-on") if pid is not None else (None, "")


def subject_of_paragraph_before(att: Attributor, raw: Raw, paragraphs: Sequence[Paragraph]
                                 ) -> tuple[int | None, str]:
    """“Maria Lopez has run the harbour for ten years.” ¶ “It has never been this bad.”: the paragraph before
    names one person only, holds no quote, follows no quote, and its last sentence opens with them (or he/she)."""
    para = paragraphs[raw.paragraph - 1]
    if para.kind != "text" or att.quote_within(para.start, para.end):
        return None, ""
    named = {pid for _, _, pid in att.mentions.between(para.start, para.end)}
    if len(named) != 1:
        return None, ""
    pid = named.pop()
    if raw.paragraph > 1 and _quoted_other_than(att, paragraphs[raw.paragraph - 2], pid):
        return None, ""  # “...?” said Anna. ¶ Clara looked away. ¶ “...”: a conversation, whose turns are not known
    last = att.doc.sentences[att.doc.sentence_index_at(max(para.start, para.end - 1))]
    opening = WORD.match(att.text, max(last.start, para.start))
    if opening is None:
        return None, ""
    word = opening.group().casefold()
    if word in PRONOUN_GENDER:
        return (pid, "paragraph-before") if att.genders[pid] == PRONOUN_GENDER[word] else (None, "")
    first = att.mentions.between(opening.start(), para.end)[:1]
    if not first or first[0][2] != pid or att.possessive_after(first[0][1]):
        return None, ""
    # "Maria Lopez has run ...", or after a short opening: "Asked about the delay, Lopez was blunt."
    if att.starts_sentence(first[0][0]) or leads_clause(att.text, max(last.start, para.start), first[0][0]):
        return pid, "paragraph-before"
    return None, ""


def _quoted_other_than(att: Attributor, para: Paragraph, pid: int) -> bool:
    """The paragraph holds a quote that is not known to be ``pid``'s (a quote of theirs may come before: "Calloway
    ... defended her vote, saying it would “...”." ¶ "Calloway ... spoke for an hour." ¶ “...”)."""
    i = bisect_left(att.quote_spans, (para.start, -1))
    if i and att.quote_spans[i - 1][1] > para.start:
        return True  # a quote from the paragraph before reaches into it
    while i < len(att.quote_spans) and att.quote_spans[i][0] < para.end:
        if att.quote_speakers.get(att.quote_spans[i][0]) != pid:
            return True
        i += 1
    return False


# what a person does as they start to speak ("began scolding one of her daughters", "turned to her and ...")
_SPEECH_ONSET = re.compile(r"\b(?:began (?:to )?(?:scold|speak|talk|cry|complain|reproach|exclaim)\w*|broke the silence|"
                           r"burst out|turned to (?:him|her|them)|addressed (?:him|her|them))\b")


def speaker_starting_in_narration(att: Attributor, raw: Raw, paragraphs: Sequence[Paragraph]) -> tuple[int | None, str]:
    """Dialogue: a quote-only turn after a narration paragraph about one person, who opens its last sentence and
    starts to speak in it ("Mrs. Bennet deigned not to make any reply; but ... began scolding one of her
    daughters." ¶ “Don’t keep coughing so, Kitty ...”)."""
    para = paragraphs[raw.paragraph - 1]
    if para.kind != "text" or att.quote_within(para.start, para.end):
        return None, ""
    named = att.mentions.between(para.start, para.end)
    if len({pid for _, _, pid in named}) != 1:
        return None, ""
    s, e, pid = named[0]
    last = att.doc.sentences[att.doc.sentence_index_at(max(para.start, para.end - 1))]
    if s < last.start or not att.starts_sentence(s) or att.possessive_after(e):
        return None, ""
    return (pid, "narration-before") if _SPEECH_ONSET.search(att.text, e, para.end) else (None, "")


_LEAD_IN_END = re.compile(r"(?::|,|;)?\s*(?:--|—|–)?\s*$")


_BY_SPEAKER = re.compile(r"\bby\s+(?:[A-Z][\w.]*\s+){0,3}?$")


_PRONOUN_ADVERB = re.compile(r"(?:he|she) [a-z]{3,}ly ")


def lead_in_paragraph(att: Attributor, para: Paragraph) -> tuple[int | None, str]:
    """The speaker a paragraph ending in "X said:" / "X replied, with great intrepidity,--" introduces; also
    "... when thus accosted by Miss Bingley,--"; a paragraph ending in a colon that names one person only."""
    body = att.text[max(para.start, para.end - CONTEXT_CHARS) : para.end].rstrip()
    offset = max(para.start, para.end - CONTEXT_CHARS)
    tail = _LEAD_IN_END.search(body)
    marker = body[tail.start() :].strip() if tail else ""
    if not marker or marker == ";":
        return None, ""
    end = offset + tail.start()
    lo = max(att.sentence_start(end - 1), para.start)
    words = list(WORD.finditer(att.text, lo, end))
    for k in range(len(words) - 1, -1, -1):
        match = words[k]
        if match.group().casefold() in QUOTE_VERBS and not after_determiner(att.text, words, k):
            ref, ref_start = att.ref_ending_at(lo, match.start())
            if ref is None and k and words[k - 1].group() == "and":  # "..., she turned to him and said,--"
                ref, ref_start = att.clause_subject(lo, words[k - 1].start())
            if ref is None and k >= 2 and _PRONOUN_ADVERB.fullmatch(att.text, words[k - 2].start(), match.start()):
                ref, ref_start = Ref("pronoun", word=words[k - 2].group().casefold()), words[k - 2].start()  # "he suddenly addressed her with,--"
            pid, how = att.resolve(ref, ref_start if ref is not None and ref.kind == "pronoun" else end)
            return (pid, "lead-in") if pid is not None else (None, "")
    last = att.mentions.between(lo, end)
    if last and _BY_SPEAKER.search(att.text, lo, last[-1][0]) and att.text[last[-1][1] : end].strip(" ,") == "":
        return last[-1][2], "lead-in"  # "accosted by Miss Bingley,--"
    if marker.startswith(":"):
        people = {pid for _, _, pid in last}
        if len(people) == 1:
            return people.pop(), "lead-in"
    return None, ""
