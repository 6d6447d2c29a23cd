"""Chapter labels for rows and the header ("ch. 12", "ch. 3.12"), computed once per document.

Every mention, summary and search row, the header and the Contents tab ask "which chapter is this offset in";
``chapter_index(document)`` answers in O(log n) from labels built once (``reader.document.chapters``).
"""

from __future__ import annotations

import weakref
from typing import TypeVar

from rich.text import Text

from reader.document.chapters import chapter_at, chapter_labels, chapter_trail
from reader.document.model import Chapter, Document

__all__ = ["ChapterIndex", "chapter_index"]

TITLE_CELLS = 40
T = TypeVar("T", str, Text)


class ChapterIndex:
    """The chapters of one document with their short labels (holds no reference to the document)."""

    def __init__(self, document: Document) -> None:
        self.chapters: tuple[Chapter, ...] = document.chapters
        self.labels: tuple[str, ...] = chapter_labels(self.chapters)
        self._position = {chapter: index for index, chapter in enumerate(self.chapters)}

    def index_at(self, offset: int) -> int | None:
        """Position in ``chapters`` of the innermost chapter holding ``offset`` (None before the first)."""
        chapter = chapter_at(self.chapters, offset)
        return None if chapter is None else self._position[chapter]

    def label_at(self, offset: int) -> str | None:
        index = self.index_at(offset)
        return None if index is None else self.labels[index]

    def prefixed(self, offset: int, text: T) -> T:
        """``text`` after the label of the chapter at ``offset`` ("ch. 12 · ..."); unchanged outside chapters."""
        label = self.label_at(offset)
        if label is None:
            return text
        if isinstance(text, Text):
            return Text.assemble((f"{label} · ", "dim cyan"), text)
        return f"{label} · {text}"

    def trail(self, offset: int) -> str:
        """Where ``offset`` is, for the header: "ch. 3.12 BOOK THREE › CHAPTER XII" ("" outside chapters)."""
        trail = chapter_trail(self.chapters, offset)
        if not trail:
            return ""
        titles = " › ".join(short_title(chapter.title) for chapter in trail)
        return f"{self.labels[self._position[trail[-1]]]}  {titles}"


def short_title(title: str, limit: int = TITLE_CELLS) -> str:
    """A heading on one line, at most ``limit`` characters."""
    line = " ".join(title.split())
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


_INDEXES: dict[int, tuple[weakref.ref[Document], ChapterIndex]] = {}


def chapter_index(document: Document) -> ChapterIndex:
    """The document's ChapterIndex, built on first use (by identity: a Document's hash would hash its text)."""
    found = _INDEXES.get(id(document))
    if found is not None and found[0]() is document:
        return found[1]
    index = ChapterIndex(document)
    key = id(document)
    _INDEXES[key] = (weakref.ref(document, lambda _ref: _INDEXES.pop(key, None)), index)
    return index
