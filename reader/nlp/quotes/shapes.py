"""The shape of a quote in its paragraph: quote-only, an untagged turn, sentence-like speech, dialogue texts."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.document.model import Paragraph
from reader.nlp.quotes.cues import QUOTE_VERBS, WORD, blank

if TYPE_CHECKING:
    from reader.nlp.quotes.spans import Raw


def untagged_turn(text: str, raw: Raw, paragraphs: Sequence[Paragraph]) -> bool:
    """A paragraph that is only this quote, with no tag between its parts ("“Ay,” cried her mother, “and ...”" has
    one, naming someone who is not on the People list: that turn is not anyone's by place)."""
    if not quote_only(text, raw, paragraphs):
        return False
    return not any(w.casefold() in QUOTE_VERBS for a, b in zip(raw.parts, raw.parts[1:]) for w in WORD.findall(text, a[1], b[0]))


def quote_only(text: str, raw: Raw, paragraphs: Sequence[Paragraph]) -> bool:
    first = paragraphs[raw.paragraph]
    last = paragraphs[raw.last_paragraph]
    return blank(text, first.start, raw.parts[0][0]) and blank(text, raw.parts[-1][1], last.end)


def sentence_like(text: str, raw: Raw) -> bool:
    """Speech rather than a term in quotes ('To “route out” in Scientology jargon'): a capital or five words."""
    start, end = raw.parts[0]
    body = text[start + 1 : end].lstrip(" .…'‘_*")
    return bool(body) and (body[0].isupper() or len(body.split()) >= 5)


def opens_paragraph(text: str, raw: Raw, paragraphs: Sequence[Paragraph]) -> bool:
    return blank(text, paragraphs[raw.paragraph].start, raw.parts[0][0])


def has_dialogue(text: str, raws: list[Raw], paragraphs: Sequence[Paragraph]) -> bool:
    """Three adjacent paragraphs that are nothing but a quote: a text with dialogue (a novel), where a quote-only
    paragraph after a quote is the other speaker's turn, not the same speaker going on (as in news)."""
    run = 0
    last = -2
    for raw in raws:
        if raw.paragraph == last:
            continue
        if quote_only(text, raw, paragraphs):
            run = run + 1 if raw.paragraph == last + 1 else 1
            if run >= 3:
                return True
        else:
            run = 0
        last = raw.last_paragraph
    return False
