"""Shared word features for the summarizers: sumy's English stop words, a memoised Snowball stemmer,
and the stemmed content words of every summarizable sentence of a Document (cached per document).

Everything here is data-free (no nltk_data) and deterministic.
"""

from __future__ import annotations

import re
import threading
import weakref
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

from reader.document.model import Document
from reader.nlp.tokens import words

SUMMARIZABLE_KINDS = frozenset({"text", "quote", "item"})  # headings guide Edmundson; code and table rows are never picked
MAX_WORD_CHARS = 48  # longer "words" (a 5 MB run of letters) are noise; matching them costs seconds and 700 MB
# sumy's Tokenizer._is_word (a letter, then letters, apostrophes, hyphens), with the typographic apostrophe:
# drops numbers, punctuation, acronyms with dots and the split-off possessive "’s".
_SUMY_WORD = re.compile(r"[^\W\d_](?:[^\W\d_]|['’-])*")


class SummaryCancelled(Exception):
    """``should_stop()`` returned True: the caller no longer wants this summary."""


def sumy_words(text: str) -> list[str]:
    """The words sumy sees in a sentence: ``reader.nlp.tokens.words`` filtered like sumy's tokenizer,
    with ’ written as ' (so "don’t" meets the stop word "don't")."""
    return [w.replace("’", "'") for w in words(text) if len(w) <= MAX_WORD_CHARS and _SUMY_WORD.fullmatch(w)]


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    """sumy's English stop-word list (shipped inside the sumy wheel; 580 words)."""
    from sumy.utils import get_stop_words

    return frozenset(get_stop_words("english"))


@lru_cache(maxsize=1)
def _snowball() -> Callable[[str], str]:
    from sumy.nlp.stemmers import Stemmer

    return Stemmer("english")  # nltk's Snowball EnglishStemmer: pure code, no data


@lru_cache(maxsize=262_144)
def stem(word: str) -> str:
    """sumy's ``stem_word``: lower-case, then Snowball (memoised; a book has only ~20k distinct words)."""
    return _snowball()(word.lower())


class Stemmer:
    """The callable handed to sumy: memoised stems, and a cancel check every 4,096 words."""

    def __init__(self, should_stop: Callable[[], bool] | None = None) -> None:
        self._should_stop = should_stop
        self._calls = 0

    def __call__(self, word: str) -> str:
        if self._should_stop is not None:
            self._calls += 1
            if not self._calls & 4095 and self._should_stop():
                raise SummaryCancelled()
        return stem(word)


def check(should_stop: Callable[[], bool] | None) -> None:
    """Raise SummaryCancelled when the caller asked to stop."""
    if should_stop is not None and should_stop():
        raise SummaryCancelled()


@dataclass(frozen=True)
class Features:
    """What every algorithm needs from a document, computed once per document.

    ``candidates``: indices into ``doc.sentences`` that a summary may pick (not headings or code), ascending.
    ``paragraph_of``: for each sentence of ``doc.sentences``, the index of its paragraph.
    ``stems``: per candidate, its stemmed non-stop words in order (what sumy's LexRank/TextRank use).
    ``word_counts``: per candidate, its number of words as sumy sees them (``sumy_words``).
    """

    candidates: tuple[int, ...]
    paragraph_of: tuple[int, ...]
    stems: tuple[tuple[str, ...], ...]
    word_counts: tuple[int, ...]


_CACHE: "weakref.WeakKeyDictionary[Document, Features]" = weakref.WeakKeyDictionary()
_CACHE_LOCK = threading.Lock()


def features_of(doc: Document, should_stop: Callable[[], bool] | None = None) -> Features:
    """The (cached) Features of ``doc``."""
    with _CACHE_LOCK:
        cached = _CACHE.get(doc)
    if cached is not None:
        return cached
    result = _compute(doc, should_stop)
    with _CACHE_LOCK:
        _CACHE[doc] = result
    return result


def _compute(doc: Document, should_stop: Callable[[], bool] | None) -> Features:
    stops = stop_words()
    text = doc.text
    paragraphs = doc.paragraphs
    candidates: list[int] = []
    paragraph_of: list[int] = []
    stems: list[tuple[str, ...]] = []
    counts: list[int] = []
    p = 0
    for i, span in enumerate(doc.sentences):
        while p + 1 < len(paragraphs) and paragraphs[p].end <= span.start:
            p += 1
        paragraph_of.append(p)
        if paragraphs[p].kind not in SUMMARIZABLE_KINDS:
            continue
        if not i & 1023:
            check(should_stop)
        tokens = sumy_words(text[span.start : span.end])
        candidates.append(i)
        counts.append(len(tokens))
        lowered = (t.lower() for t in tokens)
        stems.append(tuple(stem(t) for t in lowered if t not in stops))
    return Features(tuple(candidates), tuple(paragraph_of), tuple(stems), tuple(counts))
