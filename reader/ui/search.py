"""Search a text as less and vim users expect, with exact offsets into it (no Textual import).

- Accents never matter: the text and the query are compared with their combining marks removed (NFD), so
  ``natasha`` finds "Natásha". Removing marks changes lengths ("e" + U+0301 is two characters, Hangul syllables
  decompose into several jamo), so ``FoldedText`` keeps, for every folded character, the offset of the
  character it came from, and every hit is a span of the original text.
- Smart case: a query without capitals ignores case; one with a capital matches case exactly (``Natasha`` finds
  "Natásha", not "natasha").
- ``re:`` before the query (or ``regex=True``, a setting) makes it a regular expression, matched against the
  folded text; a bad one raises ``BadQuery`` with a one-line reason.

The scan goes chunk by chunk (plain queries) or match by match (regexes) so a worker thread can be cancelled
and the UI thread gets the interpreter between steps. At most ``limit`` hits are kept: a search for "e" in a book
must not build millions of highlights.
"""

from __future__ import annotations

import re
import unicodedata
from array import array
from dataclasses import dataclass
from functools import lru_cache

from reader.document.model import Span
from reader.nlp.analysis import Cancelled, ShouldStop, never

MAX_SEARCH_HITS = 10_000
CHUNK_CHARS = 1 << 18
REGEX_PREFIX = "re:"
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
_ESCAPE = re.compile(r"\\.")


class BadQuery(ValueError):
    """The query cannot be searched for (a bad regular expression): ``str()`` is one line for the status bar."""


@dataclass(frozen=True, slots=True)
class SearchHits:
    """The first ``limit`` occurrences, in text order; ``capped`` when there are more."""

    query: str
    spans: tuple[Span, ...]
    capped: bool


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", char) if not unicodedata.combining(c))


def fold(text: str) -> str:
    """``text`` without accents (combining marks), case kept: "Natásha" -> "Natasha"."""
    if text.isascii():
        return text
    return _NON_ASCII.sub(lambda m: "".join(_fold_char(c) for c in m.group()), text)


class FoldedText:
    """``fold(text)`` and the way back: ``span_in_original`` turns a span of the folded text into one of ``text``."""

    def __init__(self, text: str) -> None:
        self.original_length = len(text)
        pieces: list[str] = []
        origin: array[int] | None = None  # folded index -> original index; None while they are the same
        position = 0
        for match in _NON_ASCII.finditer(text):
            run = match.group()
            folded = [_fold_char(c) for c in run]
            if origin is None and any(len(f) != 1 for f in folded):
                origin = array("q", range(position))  # identity so far
            pieces.append(text[position : match.start()])
            if origin is not None:
                origin.extend(range(position, match.start()))
                for index, piece in enumerate(folded):
                    origin.extend([match.start() + index] * len(piece))
            pieces.append("".join(folded))
            position = match.end()
        pieces.append(text[position:])
        if origin is not None:
            origin.extend(range(position, len(text)))
        self.text = "".join(pieces)
        self._origin = origin

    def span_in_original(self, start: int, end: int) -> Span:
        """The original span that folded to ``folded[start:end]`` (marks right after it included)."""
        origin = self._origin
        if origin is None:
            return Span(start, end)
        original_start = origin[start] if start < len(origin) else self.original_length
        original_end = origin[end] if end < len(origin) else self.original_length
        return Span(original_start, max(original_end, original_start + 1 if end > start else original_start))


def has_capitals(query: str, *, regex: bool) -> bool:
    """Smart case: whether the query asks for exact case (a capital letter; in a regex, not in an escape like \\S)."""
    visible = _ESCAPE.sub("", query) if regex else query
    return any(c.isupper() for c in visible)


def compile_query(query: str, *, regex: bool = False) -> re.Pattern[str]:
    """The pattern to run on folded text for ``query`` (``re:`` prefix or ``regex``: a regular expression)."""
    if query.startswith(REGEX_PREFIX):
        query, regex = query[len(REGEX_PREFIX):], True
    if not query:
        raise BadQuery("empty search")
    flags = 0 if has_capitals(query, regex=regex) else re.IGNORECASE
    if not regex:
        return re.compile(re.escape(fold(query)), flags)
    try:
        return re.compile(fold(query), flags)
    except re.error as error:
        raise BadQuery(f"bad regular expression: {error}") from None
    except (RecursionError, OverflowError, MemoryError):
        raise BadQuery("bad regular expression: too complex") from None


def find_hits(text: str | FoldedText, query: str, *, regex: bool = False, limit: int = MAX_SEARCH_HITS,
              should_stop: ShouldStop = never) -> SearchHits:
    """Every occurrence of ``query`` in ``text`` (see the module docstring), up to ``limit``, as spans of the
    original text. Raises ``BadQuery`` for a bad regex, ``Cancelled`` when told to stop."""
    pattern = compile_query(query, regex=regex)
    folded = text if isinstance(text, FoldedText) else FoldedText(text)
    is_regex = regex or query.startswith(REGEX_PREFIX)
    spans = _regex_hits(folded.text, pattern, limit, should_stop) if is_regex else \
        _literal_hits(folded.text, pattern, limit, should_stop)
    capped = len(spans) > limit
    return SearchHits(query, tuple(folded.span_in_original(s, e) for s, e in spans[:limit]), capped)


def _literal_hits(text: str, pattern: re.Pattern[str], limit: int, should_stop: ShouldStop) -> list[tuple[int, int]]:
    """At most ``limit + 1`` matches of a literal pattern, chunk by chunk (a match is as long as the pattern)."""
    reach = max(0, len(pattern.pattern) - 1)  # escaping only lengthens the pattern: a safe overlap
    hits: list[tuple[int, int]] = []
    position = 0
    while position < len(text):
        if should_stop():
            raise Cancelled
        chunk_end = min(len(text), position + CHUNK_CHARS)
        for match in pattern.finditer(text, position, min(len(text), chunk_end + reach)):
            if match.start() >= chunk_end:
                break
            hits.append(match.span())
            if len(hits) > limit:
                return hits
        position = max(chunk_end, hits[-1][1] if hits else 0)  # matches never overlap, as in one finditer
    return hits


def _regex_hits(text: str, pattern: re.Pattern[str], limit: int, should_stop: ShouldStop) -> list[tuple[int, int]]:
    """At most ``limit + 1`` non-empty matches of a regex over the whole text (a match may be any length)."""
    hits: list[tuple[int, int]] = []
    for number, match in enumerate(pattern.finditer(text)):
        if number % 256 == 0 and should_stop():
            raise Cancelled
        if match.end() > match.start():
            hits.append(match.span())
            if len(hits) > limit:
                break
    return hits
