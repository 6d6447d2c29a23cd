"""Attribution from the sentence before a quote: a colon's subject, a statement's author, a reporting sentence."""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import islice
from typing import TYPE_CHECKING

from reader.document.model import Paragraph
from reader.nlp.quotes.clauses import leads_clause, sentence_subject, verb_after
from reader.nlp.quotes.cues import ATTRIBUTION_WORDS, CONTEXT_CHARS, REPORT_VERBS, WORD, after_determiner, blank
from reader.nlp.quotes.shapes import quote_only
from reader.nlp.quotes.spans import rstrip

if TYPE_CHECKING:
    from reader.nlp.quotes.spans import Raw
    from reader.nlp.quotes.tags import Attributor


def colon_subject(att: Attributor, start: int, lo: int) -> tuple[int | None, str]:
    """The speaker of a quote right after a colon: "Priya Raman: “...”", or the person who is the subject of the
    sentence the colon ends ("Sunak defended the record: “...”")."""
    text = att.text
    colon = rstrip(text, lo, start) if start > lo else lo
    if colon <= lo or text[colon - 1] != ":":
        return None, ""
    subject = sentence_subject(att, lo, colon - 1)
    if subject is None:
        return None, ""
    pid, e = subject
    for s, e2, other in att.mentions.between(e, colon):  # "Berg had a letter from Tom Hale:": his words, maybe
        if other != pid and blank(text, e2, colon - 1) and re.search(r"\b(?:from|by)\s+$", text[max(e, s - 6) : s]):
            return None, ""
    if _PERCEIVED.search(text, e, colon):  # "Rostóv heard the command: “Charge!”": someone else's words
        return None, ""
    if blank(text, e, colon - 1) or verb_after(text, e):
        return pid, "colon"
    return None, ""


_PERCEIVED = re.compile(r"\b(?:heard|hear|hears|hearing|saw|see|sees|seeing|read|reads|noticed|overheard|watched)\b")


_ISSUED_STATEMENT = re.compile(r"\b(?:issued|released|published|posted|sent|put out|gave|wrote)\s+(?:\w+\s+){0,3}?"
                               r"(?:statement|letter|tweet|message|post|memo|note|response)\b")


def statement_before(att: Attributor, start: int, paragraph: Paragraph) -> tuple[int | None, str]:
    """A quote opening the sentence after "Cornyn ... issued a statement ...": the statement's author."""
    index = att.doc.sentence_index_at(start)
    sentence = att.doc.sentences[index]
    if index == 0 or not blank(att.text, sentence.start, start):
        return None, ""
    before = att.doc.sentences[index - 1]
    if before.start < paragraph.start or not blank(att.text, before.end, start):
        return None, ""
    subject = sentence_subject(att, max(before.start, start - CONTEXT_CHARS), before.end)
    if subject is None or not verb_after(att.text, subject[1]):
        return None, ""
    issued = _ISSUED_STATEMENT.search(att.text, subject[1], before.end)
    if issued is None or any(p != subject[0] for _, _, p in att.mentions.between(subject[1], issued.start())):
        return None, ""
    return subject[0], "statement"


def reported_before(att: Attributor, raw: Raw, paragraphs: Sequence[Paragraph], dialogue: bool
                     ) -> tuple[int | None, str]:
    """A quote opening the sentence after one whose subject reports speech ("Wilkins also said Warhol was a
    businessman. “As a way to ...”"), in the same paragraph; in a text without dialogue also a quote-only
    paragraph after a paragraph ending so. The reporting sentence holds no quote, and no one named in it after
    the verb speaks (a possessive, or a name followed by a speech verb)."""
    text, doc = att.text, att.doc
    start = raw.parts[0][0]
    index = doc.sentence_index_at(start)
    sentence = doc.sentences[index]
    if index == 0 or not blank(text, sentence.start, start):
        return None, ""
    before = doc.sentences[index - 1]
    para = paragraphs[raw.paragraph]
    if before.start < para.start:  # the reporting sentence ends the paragraph before
        if dialogue or raw.paragraph == 0 or not quote_only(text, raw, paragraphs):
            return None, ""
        if before.start < paragraphs[raw.paragraph - 1].start or paragraphs[raw.paragraph - 1].kind != "text":
            return None, ""
    elif not blank(text, before.end, start):
        return None, ""
    lo = max(before.start, before.end - CONTEXT_CHARS)
    if att.quote_within(lo, before.end):
        return None, ""
    words = list(islice(WORD.finditer(text, lo, before.end), ATTRIBUTION_WORDS + 8))
    for k, word in enumerate(words):
        if word.group() not in REPORT_VERBS or after_determiner(text, words, k):
            continue
        ref, ref_start = att.ref_ending_at(lo, word.start())
        if ref is None or ref.kind == "title" or not leads_clause(text, lo, ref_start):
            if ref is None or ref.kind != "person" or (sentence_subject(att, lo, word.start()) or (None,))[0] != ref.person:
                return None, ""
        if any(att.speaks(s, e) for s, e, _ in att.mentions.between(word.end(), before.end)):
            return None, ""
        pid, _how = att.resolve(ref, word.start())
        return (pid, "next-sentence") if pid is not None else (None, "")
    return None, ""
