"""Extractive summaries of a Document: our "auto" ranker (the default) and sumy's offline summarizers, safe on
whole books.

Public API: ``ALGORITHMS`` (UI order, default "auto"), ``summarize``, ``Summary``,
``default_sentence_count``, ``parse_count``, ``SummaryCancelled``.

"auto" (``reader.nlp.summary.auto``) runs without sumy or numpy. How each sumy algorithm runs (``word_limit`` = words of the text sumy is given at most):
- text within the algorithm's word limit: sumy's own summarizer on the whole text;
- "lexrank" above its limit: a vectorized LexRank (scipy.sparse, same math and same picks as sumy) on the
  whole text;
- any other algorithm above its limit: sumy on a candidate pool, the highest-ranked sentences by the
  vectorized LexRank up to the word limit, kept in document order; ``Summary.note`` says so.
Results are sentence indices into ``doc.sentences`` in ascending (document) order. Never imports textual.
"""

from __future__ import annotations

import operator
import threading
import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from reader.document.model import Document
from reader.nlp.summary.features import Features, Stemmer, SummaryCancelled, check, features_of
from reader.nlp.results import Summary
from reader.nlp.summarizers import ALGORITHMS, DEFAULT_ALGORITHM, AlgorithmInfo
from reader.nlp.summary.length import default_count_for, default_sentence_count, parse_count

if TYPE_CHECKING:
    import numpy as np

__all__ = [
    "ALGORITHMS", "AlgorithmInfo", "Summary", "SummaryCancelled", "DEFAULT_ALGORITHM",
    "default_count_for", "default_sentence_count", "parse_count", "summarize",
]


POOL_MIN_FACTOR = 2  # a candidate pool has at least this many times the requested sentences
POOL_MAX_OVERRUN = 3  # ... unless that makes it this many times the word limit: then LexRank decides alone


def summarize(
    doc: Document,
    algorithm: str = DEFAULT_ALGORITHM,
    count: int | None = None,
    should_stop: Callable[[], bool] | None = None,
) -> Summary:
    """Summarize ``doc`` with ``algorithm`` in ``count`` sentences (default: ``default_sentence_count``).

    ``should_stop`` is polled between stages (and every few thousand words inside sumy); when it returns
    True, ``SummaryCancelled`` is raised.
    """
    info = ALGORITHMS.get(algorithm)
    if info is None:
        raise ValueError(f"unknown summary algorithm {algorithm!r}; choose one of: {', '.join(ALGORITHMS)}")
    count = default_sentence_count(doc) if count is None else _positive(count)
    check(should_stop)
    if algorithm == "auto":
        from reader.nlp.summary.auto import auto_summary

        indices, note = auto_summary(doc, count, should_stop)
        return Summary(algorithm, tuple(indices), tuple(doc.sentences[i] for i in indices), note)
    feats = features_of(doc, should_stop)
    n = len(feats.candidates)
    if count >= n:
        note = f"the text has only {n} sentence{'s' if n != 1 else ''}: all are shown" if n else "no sentences"
        return _summary(doc, algorithm, feats, range(n), note)
    if not any(feats.stems):
        return _summary(doc, algorithm, feats, range(count), "no content words: the first sentences are shown")
    total_words = sum(feats.word_counts)
    if total_words <= info.word_limit:
        picked = _run_sumy(doc, feats, algorithm, list(range(n)), count, should_stop)
        return _summary(doc, algorithm, feats, _fill(picked, count, range(n)), None)
    order = _ranked_positions(doc, feats, should_stop)
    if algorithm == "lexrank":
        note = f"vectorized LexRank (sumy's method) on all {n:,} sentences"
        return _summary(doc, algorithm, feats, order[:count].tolist(), note)
    pool = _pool(feats, order, count, info.word_limit)
    if pool is None:
        note = (f"{count:,} sentences is too many for {info.label} on a text this long; "
                f"ranked by vectorized LexRank instead")
        return _summary(doc, algorithm, feats, order[:count].tolist(), note)
    picked = _run_sumy(doc, feats, algorithm, pool, count, should_stop)
    note = f"{info.label} ran on the {len(pool):,} highest-ranked sentences (LexRank) of {n:,}"
    return _summary(doc, algorithm, feats, _fill(picked, count, order.tolist()), note)


def _positive(count: object) -> int:
    try:
        value = operator.index(count)  # type: ignore[arg-type]
    except TypeError:
        value = 0
    if isinstance(count, bool) or value < 1:
        raise ValueError(f"summary length must be a positive number of sentences, not {count!r}")
    return value


def _run_sumy(doc: Document, feats: Features, algorithm: str, positions: list[int], count: int,
              should_stop: Callable[[], bool] | None) -> list[int]:
    """Candidate positions sumy picks among ``positions`` (ascending)."""
    from reader.nlp.summary import sumy_adapter

    check(should_stop)
    bonus: list[str] = []
    headings: list[str] = []
    if algorithm == "edmundson":
        bonus = sumy_adapter.edmundson_bonus_words(doc, feats)
        if doc.title:
            headings.append(doc.title)
    model, sentences = sumy_adapter.build_document(doc, feats, positions, headings)
    summarizer = sumy_adapter.make_summarizer(algorithm, Stemmer(should_stop), bonus)
    check(should_stop)
    chosen = sumy_adapter.run(summarizer, model, sentences, count)
    check(should_stop)
    return [positions[i] for i in chosen]


def _pool(feats: Features, order: "np.ndarray", count: int, word_limit: int) -> list[int] | None:
    """Top-ranked candidate positions up to ``word_limit`` words (at least POOL_MIN_FACTOR x count), ascending."""
    pool: list[int] = []
    words = 0
    minimum = POOL_MIN_FACTOR * count
    for position in order.tolist():
        size = feats.word_counts[position]
        if words + size > word_limit and len(pool) >= minimum:
            break
        pool.append(position)
        words += size
    if words > POOL_MAX_OVERRUN * word_limit:
        return None
    return sorted(pool)


def _fill(picked: list[int], count: int, preference: Iterable[int]) -> list[int]:
    """``picked``, topped up to ``count`` from ``preference`` when a summarizer returned fewer."""
    chosen = list(dict.fromkeys(picked))
    taken = set(chosen)
    for position in preference:
        if len(chosen) >= count:
            break
        if position not in taken:
            chosen.append(position)
            taken.add(position)
    return chosen


def _summary(doc: Document, algorithm: str, feats: Features, positions: Iterable[int], note: str | None) -> Summary:
    indices = tuple(sorted(feats.candidates[p] for p in positions))
    spans = doc.sentences
    return Summary(algorithm, indices, tuple(spans[i] for i in indices), note)


_RANKS: "weakref.WeakKeyDictionary[Document, np.ndarray]" = weakref.WeakKeyDictionary()
_RANKS_LOCK = threading.Lock()


def _ranked_positions(doc: Document, feats: Features | None = None,
                      should_stop: Callable[[], bool] | None = None) -> "np.ndarray":
    """Candidate positions by descending vectorized LexRank score (cached per document)."""
    with _RANKS_LOCK:
        cached = _RANKS.get(doc)
    if cached is not None:
        return cached
    from reader.nlp.summary.vector_lexrank import lexrank_scores, rank_order

    feats = feats or features_of(doc, should_stop)
    order = rank_order(lexrank_scores(feats.stems, should_stop))
    order.setflags(write=False)
    with _RANKS_LOCK:
        _RANKS[doc] = order
    return order
