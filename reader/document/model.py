"""The immutable document every feature refers to.

``Document.text`` is the exact text the reader shows. Paragraph and sentence spans, summary sentences,
mentions and search hits are all ``(start, end)`` Python string indices into that one text, so a jump
is always exact.
"""

from __future__ import annotations

import re
import threading
from array import array
from bisect import bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Literal, overload

_WHITESPACE = re.compile(r"\s")
_WORD_COUNT_CHUNK = 1 << 20

WORDS_PER_MINUTE = 238  # average silent reading speed for non-fiction (Brysbaert 2019)

BlockKind = Literal["text", "heading", "quote", "item", "code", "table"]  # table: one row of cells
BLOCK_KINDS: tuple[BlockKind, ...] = ("text", "heading", "quote", "item", "code", "table")
_KIND_CODES = {kind: code for code, kind in enumerate(BLOCK_KINDS)}


@dataclass(frozen=True, slots=True, order=True)
class Span:
    """A half-open character range ``[start, end)`` of ``Document.text``."""

    start: int
    end: int

    def __len__(self) -> int:
        return self.end - self.start


@dataclass(frozen=True, slots=True)
class Paragraph:
    """A block of the text: its span, and what kind of block it is (headings are styled and skipped by summaries)."""

    start: int
    end: int
    kind: BlockKind = "text"
    level: int = 0  # heading level (1-6) for headings, else 0

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)


class Paragraphs(Sequence[Paragraph]):
    """A Document's paragraphs as columns of machine integers (18 bytes a paragraph instead of ~140 as a tuple of
    Paragraph objects and their ints: a 200 MB text has up to a million); a ``Paragraph`` is made when one is read.

    It reads like the tuple it replaces: ``len``, indexing, slicing (a ``Paragraphs``), iteration, and equality with
    any sequence of the same paragraphs. Immutable once made (``Document`` turns any sequence into one)."""

    __slots__ = ("_starts", "_ends", "_kinds", "_levels", "_hash")

    def __init__(self, paragraphs: Iterable[Paragraph] = ()) -> None:
        starts, ends, kinds, levels = array("q"), array("q"), bytearray(), bytearray()
        for paragraph in paragraphs:
            starts.append(paragraph.start)
            ends.append(paragraph.end)
            kinds.append(kind_code(paragraph.kind))
            levels.append(paragraph.level)
        self._set(starts, ends, bytes(kinds), bytes(levels))

    @classmethod
    def from_columns(cls, starts: array, ends: array, kinds: bytes | bytearray, levels: bytes | bytearray) -> Paragraphs:
        """Paragraphs from their columns (``kind_code`` of each kind), as a loader gathers them; the arrays are
        taken over, not copied."""
        if not len(starts) == len(ends) == len(kinds) == len(levels):
            raise ValueError("paragraph columns of different lengths")
        made = cls.__new__(cls)
        made._set(starts, ends, bytes(kinds), bytes(levels))
        return made

    def _set(self, starts: array, ends: array, kinds: bytes, levels: bytes) -> None:
        self._starts, self._ends, self._kinds, self._levels = starts, ends, kinds, levels
        self._hash: int | None = None

    @property
    def starts(self) -> Sequence[int]:
        """Every paragraph's start, in order (for ``bisect``; do not modify)."""
        return self._starts

    def __len__(self) -> int:
        return len(self._starts)

    @overload
    def __getitem__(self, index: int) -> Paragraph: ...
    @overload
    def __getitem__(self, index: slice) -> Paragraphs: ...
    def __getitem__(self, index: int | slice) -> Paragraph | Paragraphs:
        if isinstance(index, slice):
            return Paragraphs.from_columns(self._starts[index], self._ends[index], self._kinds[index],
                                           self._levels[index])
        return Paragraph(self._starts[index], self._ends[index], BLOCK_KINDS[self._kinds[index]], self._levels[index])

    def __iter__(self) -> Iterator[Paragraph]:
        for start, end, kind, level in zip(self._starts, self._ends, self._kinds, self._levels):
            yield Paragraph(start, end, BLOCK_KINDS[kind], level)

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Paragraphs):
            return (self._starts == other._starts and self._ends == other._ends and self._kinds == other._kinds
                    and self._levels == other._levels)
        if isinstance(other, (tuple, list)):
            return len(self) == len(other) and all(mine == theirs for mine, theirs in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:  # as the tuple of the same paragraphs (Documents are keys of weak caches)
        if self._hash is None:
            self._hash = hash(tuple(self))
        return self._hash

    def __repr__(self) -> str:
        return f"Paragraphs({list(self)!r})"

    def __reduce__(self):  # pickled as its columns (the analysis processes receive a Document's paragraphs)
        return (Paragraphs.from_columns, (self._starts, self._ends, self._kinds, self._levels))


def kind_code(kind: str) -> int:
    """The byte that stands for a block kind in ``Paragraphs``."""
    try:
        return _KIND_CODES[kind]
    except KeyError:
        raise ValueError(f"not a block kind: {kind!r} (one of {', '.join(BLOCK_KINDS)})") from None


@dataclass(frozen=True, slots=True)
class Metadata:
    """What the source says about itself, already sanitised for the terminal."""

    source: str
    title: str | None = None
    author: str | None = None
    date: str | None = None
    format: str = "text"  # text | markdown | html
    # what the reader should know about how complete the text is ("the download is incomplete ..."), one line each
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Chapter:
    """A part (level 1) or chapter (level 2) of a book: its heading as written and its span ``[start, end)``."""

    title: str
    start: int
    end: int
    level: int = 2


@dataclass(frozen=True)
class Document:
    """Normalised text plus paragraph spans; sentence spans are computed once, on first use.

    Sentence splitting of a whole book takes about a second, so it is deferred: the UI paints the text
    at once and asks for ``sentences`` from a worker thread.
    """

    text: str
    paragraphs: Paragraphs  # any sequence of Paragraph given is turned into Paragraphs
    meta: Metadata
    _lock: threading.Lock = field(default_factory=threading.Lock, repr=False, compare=False)

    def __post_init__(self) -> None:
        if not isinstance(self.paragraphs, Paragraphs):
            object.__setattr__(self, "paragraphs", Paragraphs(self.paragraphs))

    def with_warnings(self, *warnings: str) -> Document:
        """The same document with more (sanitised) warnings in its metadata."""
        from dataclasses import replace

        from reader.sanitize import sanitise_line

        extra = tuple(line for line in (sanitise_line(w, limit=500) for w in warnings) if line)
        return replace(self, meta=replace(self.meta, warnings=self.meta.warnings + extra)) if extra else self

    @property
    def source(self) -> str:
        return self.meta.source

    @property
    def title(self) -> str | None:
        return self.meta.title

    @property
    def sentences(self) -> tuple[Span, ...]:
        """Sentence spans in document order, never crossing a paragraph boundary (computed once, thread-safe)."""
        cached = self.__dict__.get("_sentences")
        if cached is None:
            with self._lock:
                cached = self.__dict__.get("_sentences")
                if cached is None:
                    from reader.document.sentences import split_paragraphs

                    cached = split_paragraphs(self.text, self.paragraphs)
                    self.__dict__["_sentences"] = cached
        return cached

    def adopt_sentences(self, spans: tuple[Span, ...]) -> None:
        """Use sentence spans split earlier from this same text (the analysis cache) unless already split."""
        with self._lock:
            self.__dict__.setdefault("_sentences", tuple(spans))

    @cached_property
    def chapters(self) -> tuple[Chapter, ...]:
        """Parts and chapters in text order (``reader.document.chapters``; empty for an article without any)."""
        from reader.document.chapters import find_chapters

        return find_chapters(self)

    def chapter_at(self, offset: int) -> Chapter | None:
        """The innermost chapter or part containing ``offset``; None before the first one."""
        from reader.document.chapters import chapter_at

        return chapter_at(self.chapters, offset)

    @cached_property
    def word_count(self) -> int:
        return count_words(self.text)

    @property
    def reading_minutes(self) -> float:
        return round(self.word_count / WORDS_PER_MINUTE, 1)

    @property
    def reading_time(self) -> str:
        """The reading time for people: "< 1 min", "6 min", "39 h 27 min"."""
        minutes = self.word_count / WORDS_PER_MINUTE
        if minutes < 1:
            return "< 1 min"
        if minutes < 60:
            return f"{round(minutes)} min"
        hours, rest = divmod(round(minutes), 60)
        return f"{hours} h {rest:02d} min"

    def paragraph_index_at(self, offset: int) -> int:
        """Index of the paragraph containing (or preceding) ``offset``."""
        return max(0, bisect_right(self._paragraph_starts, offset) - 1)

    def sentence_index_at(self, offset: int) -> int:
        """Index of the sentence containing (or preceding) ``offset``."""
        return max(0, bisect_right(self._sentence_starts, offset) - 1)

    @property
    def _paragraph_starts(self) -> Sequence[int]:
        return self.paragraphs.starts

    @cached_property
    def _sentence_starts(self) -> list[int]:
        return [s.start for s in self.sentences]


def count_words(text: str) -> int:
    """``len(text.split())`` without building the list (a 200 MB text has 35 million words: 2 GB of strings)."""
    total = start = 0
    while start < len(text):
        end = start + _WORD_COUNT_CHUNK
        if end < len(text):  # move the cut to a whitespace character, so no word is counted twice
            space = _WHITESPACE.search(text, end)
            end = space.start() if space else len(text)
        total += len(text[start:end].split())
        start = end
    return total
