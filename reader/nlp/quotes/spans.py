"""Finding quotations: quote marks paired inside paragraphs, quotes over several paragraphs, nested quotes, and
quotes interrupted by their attribution merged (steps 1 and 2 of the package docstring)."""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.document.model import Paragraph, Span
from reader.nlp.quotes.cues import ATTRIBUTION_WORDS, QUOTE_VERBS, WORD
from reader.nlp.quotes.polling import POLL_EVERY, never, poll
from reader.nlp.results import Quote


OPENERS = "“«"


CLOSERS = "”»"


STRAIGHT = '"'


SINGLE_OPEN = "‘"


SINGLE_CLOSE = "’"


SINGLE_STRAIGHT = "'"


@dataclass
class Raw:
    parts: list[tuple[int, int]]
    paragraph: int  # index of the paragraph of the first part
    last_paragraph: int
    nested: list[tuple[int, int]] = field(default_factory=list)


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _straight_role(text: str, i: int, start: int, end: int, inside: bool) -> str:
    """"open" or "close" for a straight double quote, from its neighbours (inside/outside as the tie-break)."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if before.isspace() or before in "([{—–-/" + OPENERS + SINGLE_OPEN:
        if not after.isspace():
            return "open"
    if after.isspace() or after in ".,;:!?)]}—–-" or i + 1 >= end:
        if not before.isspace():
            return "close"
    return "close" if inside else "open"


def _quote_style(text: str) -> str:
    """"double", or "single" for a text whose dialogue is in ‘...’ (few double marks, many single openers)."""
    doubles = text.count("“") + text.count('"') + text.count("«")
    singles = text.count("‘")
    if singles <= 10 or doubles * 4 >= singles:  # too few ‘ to be the dialogue marks (skips the slow count below)
        return "double"
    single_openers = len(re.findall(r"(?:^|[\s(—])‘\w", text))
    return "single" if single_openers > 10 and doubles * 4 < single_openers else "double"


def _short_tail_end(text: str, start: int, stop: int) -> int | None:
    """In an unclosed quote reopened at ``stop``: the end of its last sentence, when what follows is a short
    attribution ("... Rocket Man? Trump continued. “Remember"); None when there is no such tail."""
    segment = text[start:stop].rstrip()
    for match in reversed(list(re.finditer(r"[.!?,](?=\s)", segment))):
        tail = segment[match.end() :]
        words = WORD.findall(tail)
        if 1 <= len(words) <= 6 and any(w.casefold() in QUOTE_VERBS for w in words):
            return start + match.end()
        break
    return None


_NESTED_MARKS: dict[tuple[str, str, str], re.Pattern[str]] = {}


def _nested_quotes(text: str, start: int, end: int, opener: str, closer: str, straight: str) -> list[tuple[int, int]]:
    """Quotes in single marks inside ``text[start:end]`` (exclusive of the outer marks); apostrophes skipped."""
    found = []
    open_at = None
    marks = _NESTED_MARKS.get((opener, closer, straight))
    if marks is None:
        marks = _NESTED_MARKS[(opener, closer, straight)] = re.compile("[" + re.escape(opener + closer + straight) + "]")
    for match in marks.finditer(text, start, end):
        i = match.start()
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if _is_letter(before) and _is_letter(after):
            continue  # it's, There's
        can_open = ch != closer and not _is_letter(before) and (after.isalnum() or after in "¿¡")
        can_close = ch != opener and not before.isspace() and not _is_letter(after)
        if open_at is None and can_open:
            open_at = i
        elif open_at is not None and can_close:
            found.append((open_at, i + 1))
            open_at = None
    return found


def locate_quotes(text: str, paragraphs: Sequence[Paragraph]) -> list[Quote]:
    """Every quotation, unattributed, in document order (see the module docstring for the rules)."""
    return [to_quote(raw) for raw in merge_interrupted(text, locate(text, paragraphs))]


def locate(text: str, paragraphs: Sequence[Paragraph], should_stop: Callable[[], bool] = never) -> list[Raw]:
    if _quote_style(text) == "single":
        openers, closers, straight = SINGLE_OPEN, SINGLE_CLOSE, SINGLE_STRAIGHT
        inner = ("“", "”", '"')
    else:
        openers, closers, straight = OPENERS, CLOSERS, STRAIGHT
        inner = (SINGLE_OPEN, SINGLE_CLOSE, SINGLE_STRAIGHT)
    marks = re.compile("[" + re.escape(openers + closers + straight) + "]")
    out: list[Raw] = []
    carried: Raw | None = None  # a quote running on from the previous paragraph
    for index, para in enumerate(paragraphs):
        if index % POLL_EVERY == 0:
            poll(should_stop)
        if para.kind in ("code", "table"):
            carried = None
            continue
        start, end = para.start, para.end
        open_at: int | None = None
        for match in marks.finditer(text, start, end):
            i = match.start()
            ch = text[i]
            if single_style := (openers == SINGLE_OPEN):
                before = text[i - 1] if i > start else " "
                after = text[i + 1] if i + 1 < end else " "
                if _is_letter(before) and _is_letter(after):
                    continue  # an apostrophe inside a word: don't, o'clock
                if ch != SINGLE_OPEN and open_at is None and not (ch == "'" and after.isalnum()):
                    continue  # a closing mark with nothing open: an apostrophe (Rostovs’, ’90s)
            if ch in openers:
                # a misused opener glued to the word before and followed by a space closes (decision.“ However)
                glued = i > start and not text[i - 1].isspace() and (i + 1 >= end or text[i + 1].isspace())
                role = "close" if glued and open_at is not None else "open"
            elif ch in closers:
                role = "close"
            else:
                role = _straight_role(text, i, start, end, open_at is not None)
            if single_style and role == "close":
                after = text[i + 1] if i + 1 < end else " "
                if _is_letter(after):
                    continue
                if _plural_possessive(text, i, end, marks):
                    continue  # ‘Come to the Smiths’ house,’: the quote closes later
            if role == "open":
                if open_at is not None:  # reopened before it closed: close it first
                    stop = _short_tail_end(text, open_at, i) or rstrip(text, open_at, i)
                    _add_part(out, carried, open_at, stop, index, text)
                    carried = None
                open_at = i
            elif open_at is not None:
                _add_part(out, carried, open_at, i + 1, index, text)
                carried = None
                open_at = None
        if open_at is not None:
            stop = rstrip(text, open_at, end)
            current = _add_part(out, carried, open_at, stop, index, text)
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            carried = current if following is not None and _opens_with_quote(text, following, openers + straight) else None
        else:
            carried = None
    _drop_if_empty(text, out)
    for n, raw in enumerate(out):
        if n % POLL_EVERY == 0:
            poll(should_stop)
        for s, e in raw.parts:
            raw.nested.extend(_nested_quotes(text, s + 1, e - 1, *inner))
    return out


def _plural_possessive(text: str, i: int, end: int, marks: re.Pattern[str]) -> bool:
    """’ after a letter, before a lowercase word, with the next mark of the paragraph a closing one: Smiths’ house."""
    if not (i > 0 and text[i - 1].isalpha() and text.startswith(" ", i + 1) and i + 2 < end and text[i + 2].islower()):
        return False
    following = marks.search(text, i + 1, end)
    if following is None:
        return False
    j = following.start()
    return text[j] != SINGLE_OPEN and not (j + 1 < end and text[j + 1].isalnum())


def rstrip(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _opens_with_quote(text: str, para: Paragraph, openers: str) -> bool:
    head = text[para.start : para.start + 4].lstrip()
    return bool(head) and head[0] in openers


_WORD_CHAR = re.compile(r"[^\W_]")


def _has_words(text: str, raw: Raw) -> bool:
    """Whether a quote holds a letter or digit between its marks: “”, “ “ or “...” (a run of marks, stray
    openers) is no quotation."""
    return any(_WORD_CHAR.search(text, s + 1, e) for s, e in raw.parts)


def _drop_if_empty(text: str, out: list[Raw]) -> None:
    """Drop the last quote found when it is finished and holds no words (so a run of a million marks keeps no
    million empty quotes in memory)."""
    if out and not _has_words(text, out[-1]):
        out.pop()


def _add_part(out: list[Raw], carried: Raw | None, start: int, end: int, index: int, text: str) -> Raw:
    if carried is not None:  # the first quote of a paragraph continuing the previous paragraph's quote
        carried.parts.append((start, end))
        carried.last_paragraph = index
        return carried
    _drop_if_empty(text, out)  # the quote before is finished: nothing can continue it now
    raw = Raw([(start, end)], index, index)
    out.append(raw)
    return raw


def merge_interrupted(text: str, raws: list[Raw]) -> list[Raw]:
    """Join “We won,” she said, “and we will again.” into one quote of two parts (rule in the module docstring)."""
    merged: list[Raw] = []
    for raw in raws:
        prev = merged[-1] if merged else None
        if prev is not None and prev.last_paragraph == raw.paragraph and _interrupts(text, prev, raw):
            prev.parts.extend(raw.parts)
            prev.nested.extend(raw.nested)
            prev.last_paragraph = raw.last_paragraph
            continue
        merged.append(raw)
    return merged


def _interrupts(text: str, first: Raw, second: Raw) -> bool:
    end = first.parts[-1][1]
    start = second.parts[0][0]
    inside_end = text[first.parts[-1][0] : end - 1].rstrip()
    if not inside_end or inside_end[-1] in ".!?":
        return False
    gap = text[end:start]
    words = WORD.findall(gap)
    if not 1 <= len(words) <= ATTRIBUTION_WORDS or "\n" in gap:
        return False
    if not any(w.casefold() in QUOTE_VERBS for w in words):
        return False
    stripped_gap = gap.rstrip()
    if not stripped_gap or stripped_gap[-1] not in ",;—–:-":
        return False
    body = text[start + 1 : second.parts[0][1]].lstrip(" _*'‘")
    return bool(body) and body[0].islower()


def to_quote(raw: Raw, speaker: str | None = None, how: str | None = None) -> Quote:
    parts = tuple(Span(s, e) for s, e in raw.parts)
    return Quote(Span(parts[0].start, parts[-1].end), parts, speaker, how, tuple(Span(s, e) for s, e in raw.nested))
