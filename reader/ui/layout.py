"""Wrap a Document into screen rows, keeping each row's character offsets (no Textual import).

The article view renders only the rows on screen (Line API), so the whole layout of a book is just these
arrays: one regex pass per paragraph, about 0.1 s for War and Peace.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len

from reader.document.model import Document

QUOTE_PREFIX = "│ "
# Characters that take two terminal cells (CJK, Hangul, full-width forms, most emoji). Paragraphs without any
# are wrapped by a fast regex over characters; paragraphs with some are wrapped by cell width.
_WIDE = re.compile(
    "[\u1100-\u115f\u2e80-\u303e\u3041-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua000-\ua4cf\uac00-\ud7a3"
    "\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6\U0001f300-\U0001f64f\U0001f900-\U0001f9ff"
    "\U00020000-\U0003fffd]"
)
_WORD = re.compile(r"\S+")


@lru_cache(maxsize=8)
def _row_pattern(width: int) -> re.Pattern[str]:
    # Up to `width` characters ending before a space (or at the end), else a hard break of `width` characters.
    return re.compile(rf"\S.{{0,{width - 1}}}(?!\S)|\S{{1,{width}}}")


@dataclass(frozen=True, slots=True)
class Layout:
    """Rows of the wrapped text. Row ``i`` shows ``text[starts[i]:ends[i]]``; paragraph ``paras[i]`` (-1 = blank)."""

    width: int
    starts: list[int]
    ends: list[int]
    paras: list[int]

    def __len__(self) -> int:
        return len(self.starts)

    def row_at(self, offset: int) -> int:
        """The row showing character ``offset`` (or the nearest row before it)."""
        return max(0, bisect_right(self.starts, offset) - 1)


def wrap_document(doc: Document, width: int) -> Layout:
    """Wrap every paragraph to ``width`` columns with one blank row between paragraphs."""
    width = max(width, 8)
    pattern = _row_pattern(width)
    quote_pattern = _row_pattern(max(width - len(QUOTE_PREFIX), 4))
    text = doc.text
    starts: list[int] = []
    ends: list[int] = []
    paras: list[int] = []
    for index, para in enumerate(doc.paragraphs):
        if index:
            starts.append(para.start)
            ends.append(para.start)
            paras.append(-1)
        if para.kind == "code":
            line_start = para.start
            for line in text[para.start : para.end].split("\n"):
                line_end = line_start + len(line)
                cut = line_start
                while True:
                    starts.append(cut)
                    ends.append(min(cut + width, line_end))
                    paras.append(index)
                    cut += width
                    if cut >= line_end:
                        break
                line_start = line_end + 1
            continue
        if para.end - para.start <= width:
            starts.append(para.start)
            ends.append(para.end)
            paras.append(index)
            continue
        row_width = width - len(QUOTE_PREFIX) if para.kind == "quote" else width
        if _WIDE.search(text, para.start, para.end):
            for row_start, row_end in _wrap_cells(text, para.start, para.end, row_width):
                starts.append(row_start)
                ends.append(row_end)
                paras.append(index)
            continue
        matcher = quote_pattern if para.kind == "quote" else pattern
        for match in matcher.finditer(text, para.start, para.end):
            starts.append(match.start())
            ends.append(match.end())
            paras.append(index)
    return Layout(width, starts, ends, paras)


def _wrap_cells(text: str, start: int, end: int, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap of ``text[start:end]`` by terminal cells; a word wider than a row is cut by cells."""
    rows: list[tuple[int, int]] = []
    row_start = row_end = -1
    used = 0
    for match in _WORD.finditer(text, start, end):
        word_start, word_end = match.span()
        cells = cell_len(match.group())
        if row_start >= 0 and used + 1 + cells <= width:
            row_end, used = word_end, used + 1 + cells
            continue
        if row_start >= 0:
            rows.append((row_start, row_end))
        while cells > width:  # cut the word into rows of at most `width` cells
            cut, taken = word_start, 0
            while cut < word_end and taken + cell_len(text[cut]) <= width:
                taken += cell_len(text[cut])
                cut += 1
            cut = max(cut, word_start + 1)
            rows.append((word_start, cut))
            word_start = cut
            cells = cell_len(text[word_start:word_end])
        row_start, row_end, used = word_start, word_end, cells
    if row_start >= 0 and row_end > row_start:
        rows.append((row_start, row_end))
    return rows or [(start, end)]
