"""Where the story is: front matter, back matter and chapter headings of a book (generic, no per-book rules).

- A chapter heading is a line of its own: "CHAPTER I", "Chapter 1.", "CHAPTER 83. Jonah Historically Regarded.",
  "Letter 4", "BOOK ONE: 1805", "Epilogue" (an illustration caption ending "Chapter I.]" counts too).
- When a text has chapter headings, the story starts at the first heading numbered one ("Chapter I", "Letter
  1", "Prologue") that is followed by prose (at least ``MIN_CHAPTER_CHARS`` characters before the next
  heading), else at the first heading followed by prose; so a preface, a list of illustrations, a table of
  contents (headings one after another), an etymology or extracts are front matter.
- The story ends at a licence or end marker ("*** END OF THE PROJECT GUTENBERG EBOOK", "End of the Project
  Gutenberg", "START: FULL LICENSE").
- Chapters are the scenes of :mod:`.mentions` (a lone name goes to someone mentioned earlier in the same chapter).

- Without chapter headings, the story starts after front matter told by its content (the Gutenberg header is
  gone already: :mod:`reader.document.build`): a block headed by a line of its own
  such as "PREFACE", "INTRODUCTION", "CONTENTS", "LIST OF ILLUSTRATIONS", "DEDICATION", "TRANSCRIBER'S NOTE"
  runs to the next line of its own in capitals that heads no such block ("THE GIFT OF THE MAGI"), where the
  story starts; with no such line after it the text is story from the start (nothing tells where it begins).
- Illustration blocks ("[Illustration: ... [_Copyright 1894 by George Allen._]]", brackets nested) are not
  story anywhere: captions and copyright lines name no one in the story.

A text without chapter headings or front matter (an article) is story from start to end marker.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

MIN_CHAPTER_CHARS = 400
_HEADING = re.compile(
    r"(?m)^[ \t]*(?:\[Illustration:[^\]\n]*?)?"
    r"(?:(?:CHAPTER|Chapter|LETTER|Letter|BOOK|Book|PART|Part|STAVE|Stave|VOLUME|Volume)[ \t]+"
    r"(?:[IVXLCDM]+|\d+|[A-Z][A-Za-z]+)\b[^\n]{0,80}"
    r"|(?:(?:FIRST|SECOND|THIRD)[ \t]+)?(?:EPILOGUE|Epilogue|PROLOGUE|Prologue)\b[^\n]{0,40})[ \t]*$"
)
_FIRST = re.compile(r"(?:\s(?:1|I|One|ONE|First|FIRST)\b|Prologue|PROLOGUE)")  # "CHAPTER 1.", "Letter 1", "BOOK ONE"
_FRONT_HEAD = re.compile(
    r"(?m)^[ \t]*(?:PREFACE|INTRODUCTION|FOREWORD|(?:TABLE OF )?CONTENTS|(?:LIST OF )?ILLUSTRATIONS|DEDICATION"
    r"|ACKNOWLEDG(?:E)?MENTS?|(?:TRANSCRIBER|EDITOR|PUBLISHER|TRANSLATOR)[’']S (?:NOTE|PREFACE)S?"
    r"|(?:BIOGRAPHICAL|INTRODUCTORY) NOTE|Preface|Introduction|Foreword|(?:Table of )?Contents"
    r"|(?:List of )?Illustrations|Dedication)\.?[ \t]*$"
)
_CAPS_LINE = re.compile(r"(?m)(?<=\n\n)[ \t]*[^\W\d_a-z][^a-z\n]{2,70}(?=\n\n)")  # a line of its own in capitals
_ILLUSTRATION = re.compile(r"\[Illustration")
_MAX_ILLUSTRATION = 2000
_END = re.compile(
    r"(?m)^[ \t]*(?:\*\*\*[ \t]*END OF (?:THE|THIS) PROJECT GUTENBERG|End of (?:the |this )?Project Gutenberg"
    r"|START: FULL LICENSE|THE FULL PROJECT GUTENBERG LICENSE)"
)


@dataclass(frozen=True, slots=True)
class Story:
    start: int  # first character of the story (after front matter)
    end: int  # end of the story (before back matter)
    heading_starts: tuple[int, ...]  # chapter heading lines inside the story, ascending
    heading_ends: tuple[int, ...]
    skipped_starts: tuple[int, ...] = ()  # illustration blocks, ascending
    skipped_ends: tuple[int, ...] = ()

    def contains(self, offset: int) -> bool:
        """Inside the story, not on a chapter heading line and not in an illustration block."""
        if not self.start <= offset < self.end:
            return False
        j = bisect_right(self.skipped_starts, offset) - 1
        if j >= 0 and offset < self.skipped_ends[j]:
            return False
        i = bisect_right(self.heading_starts, offset) - 1
        return i < 0 or offset >= self.heading_ends[i]

    def chapter_of(self, offset: int) -> int:
        """Index of the chapter an offset is in (-1 before the first heading, so always -1 without chapters)."""
        return bisect_right(self.heading_starts, offset) - 1


def find_story(text: str) -> Story:
    """The story part of ``text`` and its chapter headings."""
    end_marker = _END.search(text)
    end = end_marker.start() if end_marker else len(text)
    headings = [(m.start(), m.end()) for m in _HEADING.finditer(text, 0, end)]
    with_prose = [
        h for i, h in enumerate(headings) if (headings[i + 1][0] if i + 1 < len(headings) else end) - h[1] >= MIN_CHAPTER_CHARS
    ]
    first = [h for h in with_prose if _FIRST.search(text, h[0], h[1])]
    if first or with_prose:
        start = (first or with_prose)[0][0]
    else:
        start = story_start_by_content(text, end)
    inside = [h for h in headings if h[0] >= start]
    skipped = illustration_blocks(text, start, end)
    return Story(
        start,
        end,
        tuple(s for s, _ in inside),
        tuple(e for _, e in inside),
        tuple(s for s, _ in skipped),
        tuple(e for _, e in skipped),
    )


def story_start_by_content(text: str, end: int) -> int:
    """Where the story starts in a text without chapter headings: after the front-matter blocks (preface,
    contents, ...) at its front, at the first line of its own in capitals, heading no such block, that is
    followed by prose."""
    start = 0
    while (head := _FRONT_HEAD.search(text, start, end)) is not None and _only_front(text, start, head.start()):
        caps = [m.start() for m in _CAPS_LINE.finditer(text, head.end(), end) if not _FRONT_HEAD.fullmatch(m.group(0))]
        story = next(
            (c for c, nxt in zip(caps, [*caps[1:], end]) if nxt - c >= MIN_CHAPTER_CHARS and _prose(text, c, nxt)), None
        )
        if story is None:
            break  # nothing says where the story starts
        start = story
    return start


def _only_front(text: str, start: int, end: int) -> bool:
    """Nothing but short lines (a title page, other front matter) between ``start`` and ``end``."""
    return not _prose(text, start, end)


def _prose(text: str, start: int, end: int) -> bool:
    """A paragraph of prose between ``start`` and ``end``: a line of over 200 characters (an unwrapped
    paragraph) or three or more lines of over 50 characters in a row (a wrapped one)."""
    run = 0
    for line in text[start:end].splitlines():
        size = len(line.strip())
        run = run + 1 if size > 50 else 0
        if run >= 3 or size > 200:
            return True
    return False


def illustration_blocks(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The "[Illustration ...]" blocks between ``start`` and ``end``, nested brackets included."""
    out: list[tuple[int, int]] = []
    for m in _ILLUSTRATION.finditer(text, start, end):
        if out and m.start() < out[-1][1]:
            continue
        depth, i = 0, m.start()
        stop = min(end, i + _MAX_ILLUSTRATION)
        while i < stop:
            c = text[i]
            depth += c == "["
            depth -= c == "]"
            i += 1
            if depth == 0:
                out.append((m.start(), i))
                break
    return out
