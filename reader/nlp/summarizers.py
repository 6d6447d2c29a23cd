"""The summary algorithms on offer: names, labels, descriptions and size limits.

A module of its own, free of numpy/sumy imports, so the CLI and the UI can list the algorithms without paying
for the summarisers' imports before the first paint. ``reader.nlp.summary`` re-exports it.
"""

from __future__ import annotations

from dataclasses import dataclass

@dataclass(frozen=True, slots=True)
class AlgorithmInfo:
    """One summarizer: its UI label, a one-line description, and the largest text sumy gets (words)."""

    name: str
    label: str
    description: str
    word_limit: int


def _info(name: str, label: str, description: str, word_limit: int) -> tuple[str, AlgorithmInfo]:
    return name, AlgorithmInfo(name, label, description, word_limit)


# Word limits keep sumy's own run under about a second on a 2-core machine (measured in the shared perf notes:
# LexRank 0.6 s at 5k words, TextRank/LSA/Reduction ~1 s at 10k, SumBasic 0.8 s at 20k, KL 12.5 s at 5k).
# "auto" is ours (reader.nlp.summary.auto): it never runs sumy, so it has no word limit.
ALGORITHMS: dict[str, AlgorithmInfo] = dict([
    _info("auto", "Auto", "learned ranker (position, centrality, overlap with the lead); books: spread over the text",
          2**62),
    _info("lexrank", "LexRank", "sentences most similar to many others (graph centrality)", 6_000),
    _info("textrank", "TextRank", "PageRank over shared-word links between sentences", 8_000),
    _info("lsa", "LSA", "sentences that best cover the main topics (singular value decomposition)", 10_000),
    _info("luhn", "Luhn", "clusters of frequent content words", 1_000_000),
    _info("edmundson", "Edmundson", "cue words, heading words and position", 1_000_000),
    _info("sumbasic", "SumBasic", "frequent words, avoiding repetition", 12_000),
    _info("kl", "KL-Sum", "keeps the summary's word distribution close to the text's", 2_000),
    _info("reduction", "Reduction", "sentences sharing most words with the rest", 6_000),
])
DEFAULT_ALGORITHM = "auto"
