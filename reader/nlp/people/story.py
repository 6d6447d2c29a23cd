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

A text without chapter headings (an article) is story from start to end marker.
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

    def contains(self, offset: int) -> bool:
        """Inside the story and not on a chapter heading line."""
        if not self.start <= offset < self.end:
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
    start = (first or with_prose or [(0, 0)])[0][0]
    inside = [h for h in headings if h[0] >= start]
    return Story(start, end, tuple(s for s, _ in inside), tuple(e for _, e in inside))
