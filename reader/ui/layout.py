"""Wrap a Document into screen rows, keeping each row's character offsets (no Textual import).

The article view renders only the rows on screen (Line API), so the whole layout of a book is just these
arrays: one regex pass per paragraph, about 0.1 s for War and Peace.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_right
from dataclasses import dataclass
from functools import lru_cache

from rich.cells import cell_len

from reader.document.model import Document

QUOTE_PREFIX = "│ "
# Characters that may take two terminal cells: everything from U+1100 on except the narrow punctuation, symbol
# and arrow blocks U+2000-U+22FF (curly quotes, dashes: common in books). A paragraph with any of them is measured
# exactly (rich's cell_len) and, when wider than its length, wrapped by cells instead of characters.
_MAYBE_WIDE = re.compile("[\u1100-\u1fff\u2300-\U0010ffff]")
_WORD = re.compile(r"\S+")


@lru_cache(maxsize=8)
def _row_pattern(width: int) -> re.Pattern[str]:
    # Up to `width` characters ending before a space (or at the end), else a hard break of `width` characters.
    return re.compile(rf"\S.{{0,{width - 1}}}(?!\S)|\S{{1,{width}}}")


@dataclass(frozen=True, slots=True)
class Layout:
    """Rows of the wrapped text. Row ``i`` shows ``text[starts[i]:ends[i]]``; paragraph ``paras[i]`` (-1 = blank)."""

    width: int
    starts: array[int]  # machine integers, not lists of int objects: 8 bytes a row instead of ~36 (a 200 MB
    ends: array[int]  # text has 3.6 million rows)
    paras: array[int]

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
    starts: array[int] = array("q")
    ends: array[int] = array("q")
    paras: array[int] = array("q")
    for index, para in enumerate(doc.paragraphs):
        if index:
            starts.append(para.start)
            ends.append(para.start)
            paras.append(-1)
        wide = _has_wide(text, para.start, para.end)
        if para.kind == "code":
            line_start = para.start
            for line in text[para.start : para.end].split("\n"):
                line_end = line_start + len(line)
                for row_start, row_end in _cut(text, line_start, line_end, width, wide):
                    starts.append(row_start)
                    ends.append(row_end)
                    paras.append(index)
                line_start = line_end + 1
            continue
        if not wide and para.end - para.start <= width:
            starts.append(para.start)
            ends.append(para.end)
            paras.append(index)
            continue
        row_width = width - len(QUOTE_PREFIX) if para.kind == "quote" else width
        if wide:
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
        if cells > width:  # a word wider than a row: all its rows but the last are full
            pieces = _cut(text, word_start, word_end, width, True)
            rows.extend(pieces[:-1])
            word_start = pieces[-1][0]
            cells = cell_len(text[word_start:word_end])
        row_start, row_end, used = word_start, word_end, cells
    if row_start >= 0 and row_end > row_start:
        rows.append((row_start, row_end))
    return rows or [(start, end)]


def _has_wide(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` takes more terminal cells than it has characters."""
    return _MAYBE_WIDE.search(text, start, end) is not None and cell_len(text[start:end]) > end - start


def _cut(text: str, start: int, end: int, width: int, by_cells: bool) -> list[tuple[int, int]]:
    """``text[start:end]`` cut into rows of at most ``width`` characters (or cells); an empty line is one row."""
    if not by_cells:
        return [(cut, min(cut + width, end)) for cut in range(start, end, width)] or [(start, end)]
    rows: list[tuple[int, int]] = []
    row_start, used = start, 0
    for position in range(start, end):
        cells = cell_len(text[position])
        if used + cells > width and position > row_start:
            rows.append((row_start, position))
            row_start, used = position, 0
        used += cells
    rows.append((row_start, end))
    return rows
