"""The supervised sentence ranker behind "auto": the mean of a logistic regression and of 200 boosted trees of
depth 4 (``Forest``, walked in numpy) over cheap, case-free features.

Trained by ``tools/train_ranker.py`` on greedy-oracle labels of CNN/DailyMail training articles (lower-cased,
tokenized text); the weights, the feature means/scales, the trees and the stop-word list ship in
``reader/nlp/data/summary_ranker.json``. Inference applies the same normalisation as the training text
(``guards.words_of``: lower case, letter/digit tokens), so no feature needs capitals.

Everything here is linear in the text's length (centrality is each sentence's cosine to the sum of all the
others, not a pairwise graph) and pure Python except the centrality and the trees (numpy, already loaded by the
sentence splitter); never sumy.
"""

from __future__ import annotations

import json
import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from reader.nlp.summary.guards import opens_with_reference

if TYPE_CHECKING:
    import numpy as np

FEATURES = (
    "inverse_position", "is_first", "in_lead3", "relative_position", "log_position",
    "length", "log_length", "short", "centrality", "first_overlap", "numbers", "quote", "starts_with_quote",
    "word_frequency", "opens_with_reference", "question", "log_sentences",
    # a linear model cannot bend: the lead's shape, length bands and rank order as indicators
    "position_1", "position_2", "position_3", "position_4", "position_5_to_9", "position_x_log_sentences",
    "length_10_to_19", "length_20_to_29", "length_40_plus", "centrality_rank",
    # ROUGE-2-minded: a sentence sharing content bigrams ("prime minister", a name) with others; a long lede
    "log_repeated_bigrams", "first_x_length",
)
_QUOTE = re.compile(r"[\"“”«»]|(?:^|\s)['‘](?![sdmt]\b|re\b|ll\b|ve\b)")
_DIGIT = re.compile(r"\d")
MAX_LENGTH = 60  # words; longer sentences count as this long
SHORT = 10  # words: below this a sentence is rarely in a human summary (a linear length term cannot say so)
# An article's pick has at least this many words: shorter ones are 1.8% of the oracle's picks on CNN/DailyMail
# validation articles, and are often subheadings glued into a paragraph ("Some pitfalls of a state visit.").
NEWS_MIN_WORDS = 9


@dataclass(frozen=True)
class LeadPolicy:
    """How an article's summary leaves its lead (tuned by ``tools/train_ranker.py``, see ``choose``).

    ``lead_bonus`` is added to the scores of the lead (the first sentences that may be picked), and
    ``first_bonus`` once more to the first of them: a later sentence replaces a lead one only when the ranker
    prefers it by more than this margin (the lede, the sentence a news story is written around, by more).
    ``length_penalty`` is taken off every score per 10 words: the ranker scores sentences one by one, so it
    undervalues a summary's brevity (ROUGE F1 is against summaries shorter than three long sentences)."""

    lead_bonus: float = 0.0
    first_bonus: float = 0.0
    length_penalty: float = 0.0


@dataclass(frozen=True)
class Forest:
    """Boosted regression trees (trained by LightGBM in ``tools/train_ranker.py``), each stored as a complete
    binary tree of ``depth`` levels so that all trees walk at once in numpy: node k's children are 2k+1 (feature
    <= threshold) and 2k+2; a tree that stopped early repeats its leaf below it. ``features``/``thresholds``:
    one row of 2**depth - 1 nodes per tree; ``leaves``: one row of 2**depth values per tree."""

    depth: int
    features: "np.ndarray"
    thresholds: "np.ndarray"
    leaves: "np.ndarray"

    @classmethod
    def from_json(cls, raw: dict) -> "Forest":
        import numpy as np

        return cls(int(raw["depth"]), np.asarray(raw["features"], dtype=np.int64),
                   np.asarray(raw["thresholds"], dtype=np.float64), np.asarray(raw["leaves"], dtype=np.float64))

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        """The sum of the trees' leaves for each row."""
        import numpy as np

        x = np.asarray(rows, dtype=np.float64).reshape(len(rows), -1)
        trees = np.arange(self.features.shape[0])[None, :]
        sentences = np.arange(x.shape[0])[:, None]
        node = np.zeros((x.shape[0], self.features.shape[0]), dtype=np.int64)
        for _ in range(self.depth):
            node = 2 * node + 1 + (x[sentences, self.features[trees, node]] > self.thresholds[trees, node])
        return self.leaves[trees, node - self.features.shape[1]].sum(axis=1).tolist()


@dataclass(frozen=True)
class Model:
    """The learned ranker: the mean of a logistic regression, score = bias + sum(weight * (feature - mean) /
    scale), and of boosted trees (``forest``, when the weight file has one) over the same features, both in
    log-odds of "the oracle picks this sentence"; and its ``LeadPolicy``."""

    weights: tuple[float, ...]
    bias: float
    mean: tuple[float, ...]
    scale: tuple[float, ...]
    stop_words: frozenset[str]
    policy: LeadPolicy
    forest: Forest | None = None

    def linear_scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        coefficients = [w / s for w, s in zip(self.weights, self.scale, strict=True)]
        offset = self.bias - sum(c * m for c, m in zip(coefficients, self.mean, strict=True))
        return [offset + sum(c * x for c, x in zip(coefficients, row)) for row in rows]

    def scores(self, rows: Sequence[Sequence[float]]) -> list[float]:
        linear = self.linear_scores(rows)
        if self.forest is None or not rows:
            return linear
        return [(a + b) / 2 for a, b in zip(linear, self.forest.scores(rows), strict=True)]


@lru_cache(maxsize=1)
def load_model() -> Model:
    """The shipped model (``reader/nlp/data/summary_ranker.json``)."""
    raw = json.loads(resources.files("reader.nlp").joinpath("data/summary_ranker.json").read_text("utf-8"))
    if tuple(raw["features"]) != FEATURES:
        raise RuntimeError("summary_ranker.json was trained on other features: run tools/train_ranker.py")
    policy = LeadPolicy(**{name: float(value) for name, value in raw["policy"].items()})
    forest = Forest.from_json(raw["forest"]) if raw.get("forest") else None
    return Model(tuple(raw["weights"]), float(raw["bias"]), tuple(raw["mean"]), tuple(raw["scale"]),
                 frozenset(raw["stop_words"]), policy, forest)


def with_lead_bonus(scores: Sequence[float], count: int, bonus: float,
                    allowed: Sequence[bool] | None = None, first_bonus: float = 0.0) -> list[float]:
    """``scores`` with ``bonus`` added to the lead: the first ``count`` sentences that may be picked
    (``allowed``, default all), and ``first_bonus`` more to the first of them. A dateline or teaser line is no
    candidate, so the lead is the first real sentences."""
    result = list(scores)
    lead = [i for i in range(len(result)) if allowed is None or allowed[i]][:count]
    for rank, i in enumerate(lead):
        result[i] += bonus + (first_bonus if rank == 0 else 0.0)
    return result


def content_words(tokens: Sequence[str], stop_words: frozenset[str]) -> list[str]:
    """The tokens that carry content: not stop words, not bare numbers."""
    return [t for t in tokens if t not in stop_words and not t.isdigit()]


def centrality(tokens: Sequence[Sequence[str]], stop_words: frozenset[str] = frozenset()) -> list[float]:
    """Each sentence's tf-idf cosine to the sum of all the other sentences over its ``content_words``
    (linear time, numpy).

    idf = log((n + 1) / (df + 1)) + 1 within the text; a sentence without content words scores 0.
    """
    import numpy as np

    n = len(tokens)
    vocabulary: dict[str, int] = {}
    ids = [vocabulary.setdefault(term, len(vocabulary)) for words in tokens for term in words]
    if not ids:
        return [0.0] * n
    is_content = np.fromiter((t not in stop_words and not t.isdigit() for t in vocabulary), dtype=bool,
                             count=len(vocabulary))
    all_terms = np.asarray(ids, dtype=np.int64)
    lengths = np.fromiter((len(words) for words in tokens), dtype=np.int64, count=n)
    keep = is_content[all_terms]
    rows = np.repeat(np.arange(n), lengths)[keep]
    terms = all_terms[keep]
    if not terms.size:
        return [0.0] * n
    size = len(vocabulary)
    pairs, counts = np.unique(rows * size + terms, return_counts=True)  # one entry per (sentence, term)
    row, term = np.divmod(pairs, size)
    df = np.bincount(term, minlength=size)
    idf = np.log((n + 1) / (df + 1.0)) + 1.0
    weight = counts * idf[term]
    total = np.bincount(term, weights=weight, minlength=size)
    own_sq = np.bincount(row, weights=weight * weight, minlength=n)
    dot_total = np.bincount(row, weights=weight * total[term], minlength=n)
    rest_sq = float(total @ total) - 2 * dot_total + own_sq
    denominator = np.sqrt(own_sq * rest_sq)
    ok = (own_sq > 0) & (rest_sq > 1e-12)
    result = np.zeros(n)
    result[ok] = (dot_total[ok] - own_sq[ok]) / denominator[ok]
    return result.tolist()


def repeated_bigrams(tokens: Sequence[Sequence[str]], stop_words: frozenset[str]) -> list[int]:
    """For each sentence, how many of its distinct word bigrams (not two stop words) occur in another sentence."""
    bigrams = [{pair for pair in zip(words, words[1:]) if not (pair[0] in stop_words and pair[1] in stop_words)}
               for words in tokens]
    sentences_with: Counter[tuple[str, str]] = Counter(pair for pairs in bigrams for pair in pairs)
    return [sum(1 for pair in pairs if sentences_with[pair] > 1) for pairs in bigrams]


def feature_rows(texts: Sequence[str], tokens: Sequence[Sequence[str]], stop_words: frozenset[str]) -> list[list[float]]:
    """One row of FEATURES per sentence; ``texts`` are the sentences as written (or lower-cased),
    ``tokens`` their ``guards.words_of`` tokens, in document order (the sentences a summary may pick)."""
    n = len(tokens)
    content = [content_words(words, stop_words) for words in tokens]
    central = centrality(tokens, stop_words)
    frequency: Counter[str] = Counter()
    for words in content:
        frequency.update(words)
    total = sum(frequency.values()) or 1
    first = set(content[0]) if content else set()
    log_n = math.log(n) if n else 0.0
    by_centrality = sorted(range(n), key=lambda k: (-central[k], k))
    central_rank = [0.0] * n
    for rank, k in enumerate(by_centrality):
        central_rank[k] = rank / (n - 1) if n > 1 else 0.0
    rows = []
    repeated = repeated_bigrams(tokens, stop_words)
    for i, (text, words, terms) in enumerate(zip(texts, tokens, content, strict=True)):
        length = min(len(words), MAX_LENGTH)
        overlap = len(first.intersection(terms)) / len(set(terms)) if i and terms else 0.0
        mean_frequency = 100.0 * sum(frequency[t] for t in terms) / (len(terms) * total) if terms else 0.0
        stripped = text.lstrip()
        rows.append([
            1.0 / (i + 1), float(i == 0), float(i < 3), i / (n - 1) if n > 1 else 0.0, math.log1p(i),
            length / MAX_LENGTH, math.log(max(1, length)), float(length < SHORT), central[i], overlap,
            float(sum(1 for w in words if _DIGIT.search(w)) > 0),
            float(bool(_QUOTE.search(text))), float(bool(stripped) and stripped[0] in "\"“'‘«"),
            mean_frequency, float(opens_with_reference(words)), float("?" in text), log_n,
            float(i == 1), float(i == 2), float(i == 3), float(i == 4), float(5 <= i <= 9), math.log1p(i) * log_n,
            float(10 <= length < 20), float(20 <= length < 30), float(length >= 40), central_rank[i],
            math.log1p(repeated[i]), float(i == 0) * length / MAX_LENGTH,
        ])
    return rows


def choose(scores: Sequence[float], tokens: Sequence[Sequence[str]], count: int, policy: LeadPolicy) -> list[int]:
    """An article's summary (positions, in document order) from the ranker's ``scores``: sentences of at least
    NEWS_MIN_WORDS words (unless too few are), less ``policy.length_penalty`` per 10 words, the lead favoured by
    ``policy``'s bonuses, then ``select``. The same function runs in the app and in the training script."""
    allowed: list[bool] | None = [len(words) >= NEWS_MIN_WORDS for words in tokens]
    if sum(allowed) < count:
        allowed = None
    penalty = policy.length_penalty / 10.0
    shorter = [s - penalty * min(len(words), MAX_LENGTH) for s, words in zip(scores, tokens, strict=True)]
    favoured = with_lead_bonus(shorter, count, policy.lead_bonus, allowed, policy.first_bonus)
    return select(favoured, tokens, count, allowed=allowed)


def trigrams(tokens: Sequence[str]) -> set[tuple[str, str, str]]:
    return {(tokens[i], tokens[i + 1], tokens[i + 2]) for i in range(len(tokens) - 2)}


def select(scores: Sequence[float], tokens: Sequence[Sequence[str]], count: int,
           groups: Sequence[int] | None = None, allowed: Sequence[bool] | None = None) -> list[int]:
    """Positions of the ``count`` best-scored sentences, in document order, picked greedily: each step takes the
    best sentence that shares no word trigram with one already picked (trigram blocking) and, when it opens with
    a pronoun or connective, directly follows a picked sentence (the antecedent rule). When the rules leave too
    few, they are relaxed in that order: antecedent, then trigrams.

    ``groups`` (optional, one per sentence): at most one pick per group, used to spread a book's summary.
    ``allowed`` (optional, one per sentence): only these may be picked; they still count as antecedents.
    """
    order = sorted((i for i in range(len(scores)) if allowed is None or allowed[i]), key=lambda i: (-scores[i], i))
    wanted = min(count, len(order))
    for strict_reference, strict_trigrams in ((True, True), (False, True), (False, False)):
        picked = _greedy(order, tokens, wanted, groups, strict_reference, strict_trigrams)
        if len(picked) >= wanted:
            break
    return sorted(picked)


def _greedy(order: Sequence[int], tokens: Sequence[Sequence[str]], count: int, groups: Sequence[int] | None,
            strict_reference: bool, strict_trigrams: bool) -> list[int]:
    picked: list[int] = []
    chosen: set[int] = set()
    seen: set[tuple[str, str, str]] = set()
    used_groups: set[int] = set()
    waiting: list[int] = []  # skipped for want of an antecedent only: may become eligible after a later pick

    def blocked(i: int) -> bool:  # blocked for good (the picked set only grows)
        if groups is not None and groups[i] in used_groups:
            return True
        return strict_trigrams and not seen.isdisjoint(trigrams(tokens[i]))

    def orphan(i: int) -> bool:
        return strict_reference and opens_with_reference(tokens[i]) and i - 1 not in chosen

    rank = {i: r for r, i in enumerate(order)}
    cursor = 0
    while len(picked) < count:
        waiting = [i for i in waiting if not blocked(i)]
        ready = next((i for i in waiting if not orphan(i)), None)
        candidate = None
        while cursor < len(order):
            i = order[cursor]
            if blocked(i):
                cursor += 1
            elif orphan(i):
                waiting.append(i)
                cursor += 1
            else:
                candidate = i
                break
        if ready is not None and (candidate is None or rank[ready] < rank[candidate]):
            candidate = ready
            waiting.remove(ready)
        elif candidate is not None:
            cursor += 1
        if candidate is None:
            break
        picked.append(candidate)
        chosen.add(candidate)
        if strict_trigrams:
            seen |= trigrams(tokens[candidate])
        if groups is not None:
            used_groups.add(groups[candidate])
    return picked
