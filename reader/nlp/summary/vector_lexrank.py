"""LexRank with scipy.sparse: the same math as sumy's ``LexRankSummarizer``, linear in practice.

sumy: stemmed non-stop words -> tf = count / max count in the sentence, idf = log(N / (1 + df)) ->
idf-modified cosine of every pair -> edge when > 0.1 (self-loops included) -> rows divided by degree ->
power method (epsilon 0.1). Here the cosine is computed in row blocks and thresholded at once, so only the
0/1 graph is ever stored (as int32 column indices), never the dense N x N matrix sumy allocates.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from typing import NamedTuple

import numpy as np
from scipy import sparse

from reader.nlp.summary.features import check

THRESHOLD = 0.1  # sumy LexRankSummarizer.threshold
EPSILON = 0.1  # sumy LexRankSummarizer.epsilon
BLOCK_ROWS = 1024  # rows of the similarity matrix computed at once (bounds peak memory)
# Upper bound on the pairwise products (sum over sentences of the document frequencies of their terms), which
# bounds time and the graph's memory (4 bytes an edge). War and Peace needs 52 million; text made of near-identical
# lines ("Line 1 ok.", "Line 2 ok.", ...) would need N^2. Above the budget the most widespread terms, which
# carry the least information (lowest idf), are left out of the similarity until the work fits.
PRODUCT_BUDGET = 60_000_000  # graph at most 240 MB (x2 while it is joined)


def lexrank_scores(
    stems: Sequence[Sequence[str]],
    should_stop: Callable[[], bool] | None = None,
) -> np.ndarray:
    """LexRank centrality of each sentence, given each sentence's stemmed content words."""
    n = len(stems)
    if n == 0:
        return np.zeros(0)
    unit = _unit_tfidf(_within_budget(stems, PRODUCT_BUDGET))
    check(should_stop)
    graph = _similarity_graph(unit, should_stop)
    check(should_stop)
    return _power_method(graph)


def rank_order(scores: np.ndarray) -> np.ndarray:
    """Positions sorted by descending score, ties in document order (as sumy's stable sort)."""
    return np.argsort(-scores, kind="stable")


def _within_budget(stems: Sequence[Sequence[str]], budget: int) -> Sequence[Sequence[str]]:
    """``stems`` without the most widespread terms when comparing all pairs would exceed ``budget`` products."""
    df = Counter(term for sentence in stems for term in set(sentence))
    products = sum(count * count for count in df.values())  # = sum over sentences of their terms' df
    if products <= budget:
        return stems
    dropped: set[str] = set()
    for term, count in df.most_common():
        if products <= budget:
            break
        dropped.add(term)
        products -= count * count
    return [tuple(t for t in sentence if t not in dropped) for sentence in stems]


def _unit_tfidf(stems: Sequence[Sequence[str]]) -> sparse.csr_matrix:
    vocabulary: dict[str, int] = {}
    indptr = [0]
    indices: list[int] = []
    counts: list[int] = []
    for sentence in stems:
        for term, count in Counter(sentence).items():
            indices.append(vocabulary.setdefault(term, len(vocabulary)))
            counts.append(count)
        indptr.append(len(indices))
    n = len(stems)
    col = np.asarray(indices, dtype=np.int32)
    cnt = np.asarray(counts, dtype=np.float64)
    ptr = np.asarray(indptr, dtype=np.int64)
    lengths = np.diff(ptr)
    row_max = np.maximum.reduceat(cnt, ptr[:-1][lengths > 0]) if cnt.size else np.zeros(0)
    max_tf = np.ones(n)
    max_tf[lengths > 0] = row_max
    tf = cnt / np.repeat(max_tf, lengths)
    df = np.bincount(col, minlength=len(vocabulary)).astype(np.float64)
    idf = np.log(n / (1.0 + df))
    values = tf * idf[col]
    norms = np.sqrt(np.add.reduceat(values**2, ptr[:-1][lengths > 0])) if values.size else np.zeros(0)
    row_norm = np.ones(n)
    row_norm[lengths > 0] = norms
    row_norm[row_norm == 0] = 1.0  # all-zero vector (e.g. one term with idf 0): cosine 0, as sumy
    values = values / np.repeat(row_norm, lengths)
    return sparse.csr_matrix((values, col, ptr), shape=(n, max(1, len(vocabulary))))


class Graph(NamedTuple):
    """The 0/1 similarity graph in CSR form without a data array (4 bytes per edge): row i links to
    ``indices[indptr[i]:indptr[i + 1]]``."""

    indptr: np.ndarray
    indices: np.ndarray

    def degrees(self) -> np.ndarray:
        return np.diff(self.indptr)

    def transpose_times(self, vector: np.ndarray) -> np.ndarray:
        """``A.T @ vector``, in row blocks so the temporary arrays stay small."""
        n = self.indptr.size - 1
        result = np.zeros(n)
        for start in range(0, n, BLOCK_ROWS):
            stop = min(n, start + BLOCK_ROWS)
            lo, hi = self.indptr[start], self.indptr[stop]
            weights = np.repeat(vector[start:stop], np.diff(self.indptr[start : stop + 1]))
            result += np.bincount(self.indices[lo:hi], weights=weights, minlength=n)
        return result


def _similarity_graph(unit: sparse.csr_matrix, should_stop: Callable[[], bool] | None) -> Graph:
    n = unit.shape[0]
    transposed = unit.T.tocsr()
    pieces: list[np.ndarray] = []
    row_counts = np.zeros(n, dtype=np.int64)
    for start in range(0, n, BLOCK_ROWS):
        check(should_stop)
        block = unit[start : start + BLOCK_ROWS] @ transposed  # CSR, rows in order (columns need not be sorted)
        keep = block.data > THRESHOLD
        kept_before = np.concatenate(([0], np.cumsum(keep)))
        row_counts[start : start + block.shape[0]] = kept_before[block.indptr[1:]] - kept_before[block.indptr[:-1]]
        pieces.append(block.indices[keep].astype(np.int32))
        del block, keep, kept_before
    indices = np.concatenate(pieces) if pieces else np.zeros(0, dtype=np.int32)
    return Graph(np.concatenate(([0], np.cumsum(row_counts))), indices)


def _power_method(graph: Graph) -> np.ndarray:
    n = graph.indptr.size - 1
    degree = graph.degrees().astype(np.float64)
    degree[degree == 0] = 1.0
    p = np.full(n, 1.0 / n)
    change = 1.0
    while change > EPSILON:
        nxt = graph.transpose_times(p / degree)
        norm = np.linalg.norm(nxt)
        if norm == 0.0:  # no sentence has a content word: nothing is central
            return np.zeros(n)
        nxt /= norm
        change = np.linalg.norm(nxt - p)
        p = nxt
    return p
