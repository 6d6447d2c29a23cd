"""Chapters and parts of a book, found in its paragraphs (pure: no NLP, no IO).

A heading is a paragraph that is one short line reading "CHAPTER II.", "Chapter 1. Loomings.", "BOOK ONE: 1805",
"PART 2", "VOLUME III", "FIRST EPILOGUE", "Letter 4", a bare Roman numeral ("XIV.") when the book uses them
for its chapters, or -- in Markdown and HTML documents -- a heading block. Parts (BOOK, PART, VOLUME, and an
EPILOGUE in a book that has parts or holds chapters) are level 1; chapters are level 2.

A table of contents printed at the front is not a second set of chapters: a run of three or more headings with
(almost) no text between them is a list of headings, and it is dropped up to the place where its first entry
appears again; if it never does, only its empty entries go.

Offsets are indices into ``Document.text``: a chapter runs from the start of its heading to the start of the
next heading of the same or a higher level (a part to the next part), the last one to the end of the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from reader.document.model import Chapter, Document, Paragraph

__all__ = ["BOOK_WORDS", "Chapter", "chapter_at", "is_book", "chapter_label", "chapter_labels", "chapter_trail", "find_chapters", "leaf_chapters",
           "next_chapter", "previous_chapter"]

MAX_HEADING_CHARS = 120
TOC_MIN_RUN = 3  # this many headings in a row with nothing between them are a table of contents
EMPTY_BODY_CHARS = 40  # a heading followed by fewer non-space characters than this is "empty" (a contents entry)

_UNITS = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
          "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty"]
_ORDINALS = ["zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth",
             "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
             "eighteenth", "nineteenth", "twentieth"]
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80,
         "ninety": 90}
_NUMBER_WORDS = {word: n for n, word in enumerate(_UNITS)} | {word: n for n, word in enumerate(_ORDINALS)} | _TENS

_ROMAN = r"(?=[MDCLXVI])M{0,4}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})"
_WORD_NUMBER = r"(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)[- ])?(?:%s)" % "|".join(
    sorted(set(_UNITS + _ORDINALS + list(_TENS)), key=len, reverse=True))
_NUMBER = rf"(?:\d{{1,4}}|{_ROMAN}|(?i:{_WORD_NUMBER}))"
# After the number: nothing, or punctuation and a title, or a capitalised title ("Chapter 3 was ..." is prose).
_TAIL = r"(?:\s*[.:\-—–]\s*(?P<title>.*?)|\s+(?P<title2>[A-Z“\"'(\[].*?))?"

_PART = re.compile(rf"(?P<kind>BOOK|PART|VOLUME|Book|Part|Volume)\s+(?P<number>{_NUMBER}){_TAIL}")
_ORDINAL_PART = re.compile(rf"(?P<number>(?i:{_WORD_NUMBER}))\s+(?P<kind>BOOK|PART|VOLUME|Book|Part|Volume){_TAIL}")
_CHAPTER = re.compile(rf"(?P<kind>CHAPTER|Chapter|CHAP\.|Chap\.|LETTER|Letter)\s+(?P<number>{_NUMBER}){_TAIL}")
_EPILOGUE = re.compile(r"(?:(?P<number>(?i:first|second|third|fourth|last))\s+)?"
                       r"(?P<kind>EPILOGUE|Epilogue|PROLOGUE|Prologue)(?:\s*[.:\-—–]\s*(?P<title>.*?))?")
_BARE_ROMAN = re.compile(rf"(?P<number>{_ROMAN})\.?")
_DECORATION = " \t_*#[]"  # illustration brackets and emphasis markers around a heading ("Chapter I.]")


@dataclass(frozen=True, slots=True)
class _Heading:
    start: int
    title: str
    level: int  # 1 part, 2 chapter; 0: an epilogue or prologue whose level depends on the book
    key: tuple[str, object]  # what identifies it across a contents list and the text: ("chapter", 1)


def find_chapters(document: Document) -> tuple[Chapter, ...]:
    """Parts and chapters of ``document`` in text order (a part comes before its first chapter)."""
    headings = _headings(document)
    headings = _drop_contents_lists(headings, document)
    headings = _resolve_epilogue_levels(headings)
    return _with_ends(headings, len(document.text))


BOOK_WORDS = 15_000  # about an hour of reading: past this a text is read in sittings


def is_book(document: Document) -> bool:
    """A book, not an article: an hour's reading or more, or a plain text with three or more chapters (in Markdown
    and HTML a chapter can be a section heading, which every long article has)."""
    if document.word_count >= BOOK_WORDS:
        return True
    return document.meta.format == "text" and sum(1 for c in document.chapters if c.level == 2) >= 3


def chapter_at(chapters: Sequence[Chapter], offset: int) -> Chapter | None:
    """The innermost chapter (or part) containing ``offset``, or None before the first one."""
    index = bisect_right(chapters, offset, key=lambda chapter: chapter.start) - 1
    while index >= 0:
        chapter = chapters[index]
        if chapter.start <= offset < chapter.end:
            return chapter
        index -= 1
    return None


def chapter_trail(chapters: Sequence[Chapter], offset: int) -> tuple[Chapter, ...]:
    """The part and chapter containing ``offset``, outermost first: (BOOK TWO, CHAPTER IV), (CHAPTER 3,) or ()."""
    inner = chapter_at(chapters, offset)
    if inner is None:
        return ()
    if inner.level == 1:
        return (inner,)
    part = next((c for c in reversed(chapters[: _index_of(chapters, inner)]) if c.level == 1 and c.end > offset), None)
    return (part, inner) if part is not None else (inner,)


def chapter_labels(chapters: Sequence[Chapter]) -> tuple[str, ...]:
    """A short label per chapter, for rows and the header (one pass: compute once per document).

    "ch. 12"; in a book with parts "ch. 3.12" (part 3, its chapter 12) and "pt. 3" for a part itself.
    """
    labels = []
    part_number = chapter_number = 0
    for chapter in chapters:
        if chapter.level == 1:
            part_number += 1
            chapter_number = 0
            labels.append(f"pt. {part_number}")
        else:
            chapter_number += 1
            labels.append(f"ch. {part_number}.{chapter_number}" if part_number else f"ch. {chapter_number}")
    return tuple(labels)


def chapter_label(chapters: Sequence[Chapter], offset: int) -> str | None:
    """The label (see ``chapter_labels``) of the innermost chapter at ``offset``; None before the first one.
    For many rows, compute ``chapter_labels`` once and index it with ``chapter_at``'s position instead."""
    inner = chapter_at(chapters, offset)
    return None if inner is None else chapter_labels(chapters)[_index_of(chapters, inner)]


def leaf_chapters(chapters: Sequence[Chapter]) -> list[Chapter]:
    """What ]/[ move through: the chapters, and the parts that hold none (a part's heading and its first chapter's
    are a line apart: one stop, not two)."""
    leaves = []
    for index, chapter in enumerate(chapters):
        holds_chapters = index + 1 < len(chapters) and chapters[index + 1].level == 2 and chapter.level == 1
        if not holds_chapters:
            leaves.append(chapter)
    return leaves


def next_chapter(chapters: Sequence[Chapter], offset: int) -> Chapter | None:
    """The first chapter (leaf) that starts after ``offset``."""
    leaves = leaf_chapters(chapters)
    index = bisect_right(leaves, offset, key=lambda chapter: chapter.start)
    return leaves[index] if index < len(leaves) else None


def previous_chapter(chapters: Sequence[Chapter], offset: int) -> Chapter | None:
    """The last chapter (leaf) that starts before ``offset`` (from a chapter's first line: the one before)."""
    leaves = leaf_chapters(chapters)
    index = bisect_right(leaves, offset - 1, key=lambda chapter: chapter.start) - 1
    return leaves[index] if index >= 0 else None


def _index_of(chapters: Sequence[Chapter], chapter: Chapter) -> int:
    return bisect_right(chapters, chapter.start, key=lambda c: c.start) - 1


# ------------------------------------------------------------------------------------------------ headings
def _headings(document: Document) -> list[_Heading]:
    text = document.text
    structured = document.meta.format in ("markdown", "html")
    found: list[_Heading] = []
    bare_roman: list[_Heading] = []
    for paragraph in document.paragraphs:
        if paragraph.end - paragraph.start > MAX_HEADING_CHARS + 2 * len(_DECORATION):
            continue
        raw = text[paragraph.start : paragraph.end]
        if "\n" in raw.strip():
            continue
        line = raw.strip(_DECORATION + ".")
        if not line or len(line) > MAX_HEADING_CHARS:
            continue
        heading = _keyword_heading(paragraph, raw, line)
        if heading is not None:
            found.append(heading)
        elif (match := _BARE_ROMAN.fullmatch(line)) is not None:
            bare_roman.append(_Heading(paragraph.start, line, 2, ("chapter", _roman_value(match["number"]))))
        elif structured and paragraph.kind == "heading":
            found.append(_Heading(paragraph.start, line, -paragraph.level, ("heading", line.casefold())))
    if len(bare_roman) >= TOC_MIN_RUN and not any(h.level == 2 for h in found):
        found = sorted(found + bare_roman, key=lambda h: h.start)
    return _rank_markup_levels(found)


def _keyword_heading(paragraph: Paragraph, raw: str, line: str) -> _Heading | None:
    for pattern, level in ((_PART, 1), (_ORDINAL_PART, 1), (_CHAPTER, 2), (_EPILOGUE, 0)):
        match = pattern.fullmatch(line)
        if match is None:
            continue
        kind = match["kind"].rstrip(".").casefold()
        kind = "chapter" if kind == "chap" else kind
        number = match["number"]
        key = (kind, _number_value(number) if number else None)
        title = " ".join(line.split()).rstrip(".")
        return _Heading(paragraph.start + raw.find(line[0]), title, level, key)
    return None


def _rank_markup_levels(headings: list[_Heading]) -> list[_Heading]:
    """Markdown/HTML headings (stored with level -n for <hn>) become parts and chapters.

    A lone top-level heading that opens the document is its title, not a part. The two shallowest remaining
    heading levels are parts and chapters when both are used, else the one level is chapters; deeper ones
    (sections inside a chapter) are left out.
    """
    markup = [h for h in headings if h.level < 0]
    if not markup:
        return headings
    levels = sorted({-h.level for h in markup})
    top = [h for h in markup if -h.level == levels[0]]
    dropped: set[int] = set()
    if len(top) == 1 and top[0] is headings[0]:
        dropped.add(top[0].start)
        levels = levels[1:]
        if not levels:
            return [h for h in headings if h.level >= 0]
    has_keyword_chapters = any(h.level == 2 for h in headings)
    rank = {levels[0]: 2} if len(levels) == 1 or has_keyword_chapters else {levels[0]: 1, levels[1]: 2}
    out = []
    for heading in headings:
        if heading.level >= 0:
            out.append(heading)
        elif heading.start not in dropped and -heading.level in rank:
            out.append(_Heading(heading.start, heading.title, rank[-heading.level], heading.key))
    return out


# ------------------------------------------------------------------------------------------ contents lists
def _drop_contents_lists(headings: list[_Heading], document: Document) -> list[_Heading]:
    """Drop each run of TOC_MIN_RUN+ headings with empty bodies, up to where its first entry appears again."""
    text = document.text
    empty = [_is_empty_body(text, h.start, headings[i + 1].start if i + 1 < len(headings) else len(text))
             for i, h in enumerate(headings)]
    openings: dict[tuple[object, ...], list[int]] = {}  # TOC_MIN_RUN keys in a row -> where they start
    for position in range(len(headings)):
        openings.setdefault(tuple(h.key for h in headings[position : position + TOC_MIN_RUN]), []).append(position)
    kept: list[_Heading] = []
    index = 0
    while index < len(headings):
        run_end = index
        while run_end < len(headings) and empty[run_end]:
            run_end += 1
        if run_end - index < TOC_MIN_RUN:
            kept.append(headings[index])
            index += 1
            continue
        same = openings[tuple(h.key for h in headings[index : index + TOC_MIN_RUN])]
        later = bisect_right(same, index)
        again = same[later] if later < len(same) else None
        if again is not None and again >= run_end - 1:
            index = again  # the contents list, and anything between it and the text, is not chapters
        else:
            index = run_end  # titles that never come back: drop only the empty entries
    return kept


def _is_empty_body(text: str, start: int, next_start: int) -> bool:
    line_end = text.find("\n", start, next_start)
    body = text[line_end if line_end >= 0 else next_start : next_start]
    if len(body) > 4 * EMPTY_BODY_CHARS + 100:
        body = body[: 4 * EMPTY_BODY_CHARS + 100]
    return len("".join(body.split())) < EMPTY_BODY_CHARS


# ------------------------------------------------------------------------------------------------- levels
def _resolve_epilogue_levels(headings: list[_Heading]) -> list[_Heading]:
    """An epilogue is a part when the book has parts or the epilogue holds chapters, else a chapter."""
    has_parts = any(h.level == 1 for h in headings)
    out = []
    for index, heading in enumerate(headings):
        if heading.level == 0:
            holds_chapters = index + 1 < len(headings) and headings[index + 1].level == 2
            level = 1 if has_parts or holds_chapters else 2
            heading = _Heading(heading.start, heading.title, level, heading.key)
        out.append(heading)
    return out


def _with_ends(headings: list[_Heading], text_end: int) -> tuple[Chapter, ...]:
    """Each heading runs to the next one of the same or a higher level (one pass from the end)."""
    next_start_by_level = {1: text_end, 2: text_end}  # where the next heading of level <= key starts
    chapters = []
    for heading in reversed(headings):
        chapters.append(Chapter(heading.title, heading.start, next_start_by_level[heading.level], heading.level))
        for level in next_start_by_level:
            if heading.level <= level:
                next_start_by_level[level] = heading.start
    return tuple(reversed(chapters))


# ------------------------------------------------------------------------------------------------ numbers
def _number_value(number: str) -> int | str:
    if number.isdigit():
        return int(number)
    words = re.split(r"[- ]", number.casefold())
    if all(word in _NUMBER_WORDS for word in words):
        return sum(_NUMBER_WORDS[word] for word in words)
    value = _roman_value(number)
    return value if value else number.casefold()


def _roman_value(numeral: str) -> int:
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100, "D": 500, "M": 1000}
    total = 0
    for index, char in enumerate(numeral):
        value = values.get(char, 0)
        following = values.get(numeral[index + 1], 0) if index + 1 < len(numeral) else 0
        total += -value if value < following else value
    return total
