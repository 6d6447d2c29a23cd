"""Find every case-insensitive occurrence of a query in a text, in bounded steps (no Textual import).

The scan goes chunk by chunk so a worker thread can be cancelled between chunks and the UI thread gets the
interpreter between them (one regex call over 50 MB would hold it for the whole scan). At most ``limit`` hits
are kept: a search for "e" in a book must not build millions of highlights.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from reader.document.model import Span
from reader.nlp.analysis import Cancelled, ShouldStop, never

MAX_SEARCH_HITS = 10_000
CHUNK_CHARS = 1 << 18


@dataclass(frozen=True, slots=True)
class SearchHits:
    """The first ``limit`` occurrences, in text order; ``capped`` when there are more."""

    query: str
    spans: tuple[Span, ...]
    capped: bool


def find_hits(text: str, query: str, *, limit: int = MAX_SEARCH_HITS, should_stop: ShouldStop = never) -> SearchHits:
    """Every occurrence of ``query`` in ``text`` ignoring case, up to ``limit``. Raises Cancelled when told to stop."""
    pattern = re.compile(re.escape(query), re.IGNORECASE)
    reach = len(query) - 1  # a match is as long as the query: one that starts in a chunk ends at most this far out
    hits: list[Span] = []
    position = 0
    while position < len(text):
        if should_stop():
            raise Cancelled
        chunk_end = min(len(text), position + CHUNK_CHARS)
        for match in pattern.finditer(text, position, min(len(text), chunk_end + reach)):
            if match.start() >= chunk_end:
                break
            if len(hits) == limit:
                return SearchHits(query, tuple(hits), capped=True)
            hits.append(Span(match.start(), match.end()))
        position = max(chunk_end, hits[-1].end if hits else 0)  # matches never overlap, as in one finditer
    return SearchHits(query, tuple(hits), capped=False)
