"""Run a sumy summarizer on our own sentence spans and map its picks back to sentence indices.

sumy's ``Tokenizer`` needs nltk's punkt data, so sumy gets our tokenizer object instead (``words`` from
``reader.nlp.tokens``, filtered like sumy's own tokenizer: see ``features.sumy_words``). The sumy document is built by hand: one sumy Paragraph per document paragraph,
headings as heading Sentences. sumy's ``Sentence`` compares and hashes by text, so picks are mapped back by
object identity, which keeps duplicate sentences at the positions sumy actually chose.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from reader.document.model import Document
from reader.nlp.summary.features import Features, Stemmer, stem, stop_words, sumy_words

# Hedging and filler words: Edmundson's "stigma" cue words lower a sentence's score.
STIGMA_WORDS = (
    "perhaps", "maybe", "possibly", "probably", "apparently", "seemingly", "supposedly", "allegedly",
    "reportedly", "arguably", "somewhat", "somehow", "anyway", "basically", "actually", "really",
    "literally", "hardly", "guess", "suppose", "hopefully", "frankly", "honestly", "stuff", "whatever",
)
BONUS_FREQUENT = 10  # Edmundson bonus words: heading/title words plus this many most frequent content stems
SURFACE_SAMPLE = 50  # occurrences of a frequent stem read to choose its usual surface form
MAX_HEADING_BONUS = 20  # title words, then the most common heading words (a book may have hundreds of headings)


class WordTokenizer:
    """The two-method protocol sumy expects of a tokenizer, without nltk data (words: ``sumy_words``)."""

    language = "english"

    @staticmethod
    def to_sentences(paragraph: str) -> tuple[str, ...]:
        return (paragraph,)  # never called: sentences come from our spans

    @staticmethod
    def to_words(sentence: str) -> list[str]:
        return sumy_words(sentence)


def build_document(
    doc: Document, feats: Features, chosen: Sequence[int], headings: Sequence[str] = ()
) -> tuple[Any, list[Any]]:
    """A sumy ``ObjectDocumentModel`` of the candidate sentences at positions ``chosen`` (into
    ``feats.candidates``), grouped by their paragraphs, with the document's heading paragraphs.

    Returns the model and the list of its non-heading sumy Sentences, parallel to ``chosen``.
    ``headings`` are extra heading texts (e.g. the title) attached to the first paragraph.
    """
    from sumy.models.dom import ObjectDocumentModel, Paragraph, Sentence

    tokenizer = WordTokenizer()
    text = doc.text
    spans = doc.sentences
    groups: dict[int, list[Any]] = {}
    for sentence_index, paragraph in enumerate(feats.paragraph_of):
        if doc.paragraphs[paragraph].kind == "heading":
            span = spans[sentence_index]
            groups.setdefault(paragraph, []).append(Sentence(text[span.start : span.end], tokenizer, True))
    picked: list[Any] = []
    for position in chosen:
        sentence_index = feats.candidates[position]
        span = spans[sentence_index]
        sentence = Sentence(text[span.start : span.end], tokenizer)
        picked.append(sentence)
        groups.setdefault(feats.paragraph_of[sentence_index], []).append(sentence)
    ordered = [groups[p] for p in sorted(groups)]
    if headings:
        extra = [Sentence(h, tokenizer, True) for h in headings if h.strip()]
        ordered = [extra + ordered[0], *ordered[1:]] if ordered else [extra]
    return ObjectDocumentModel(Paragraph(group) for group in ordered), picked


def make_summarizer(algorithm: str, stemmer: Stemmer, bonus_words: Sequence[str] = ()) -> Callable[..., Any]:
    """A sumy summarizer configured like sumy's CLI: English stemmer and stop words."""
    from sumy.summarizers import edmundson, kl, lex_rank, reduction, sum_basic, text_rank

    classes = {
        "lexrank": lex_rank.LexRankSummarizer,
        "textrank": text_rank.TextRankSummarizer,
        "lsa": _sorted_lsa(),
        "luhn": _set_luhn(),
        "sumbasic": sum_basic.SumBasicSummarizer,
        "kl": kl.KLSummarizer,
        "reduction": reduction.ReductionSummarizer,
    }
    stops = stop_words()
    if algorithm == "edmundson":
        cue_weight = 1.0 if bonus_words else 0.0  # sumy refuses an empty bonus list; then drop the cue method
        summarizer = edmundson.EdmundsonSummarizer(stemmer, cue_weight=cue_weight)
        if bonus_words:
            summarizer.bonus_words = bonus_words
        summarizer.stigma_words = STIGMA_WORDS
        summarizer.null_words = stops
        return summarizer
    summarizer = classes[algorithm](stemmer)
    summarizer.stop_words = stops  # KL keeps it as given: already lower-case
    return summarizer


def run(summarizer: Callable[..., Any], model: Any, picked: Sequence[Any], count: int) -> list[int]:
    """Positions (into ``picked``) of the sentences sumy returns, ascending."""
    import numpy

    position_of = {id(sentence): i for i, sentence in enumerate(picked)}
    # sumy's LexRank divides by a zero norm when no word has a positive weight (all scores NaN, order kept);
    # that is not worth a warning on the user's terminal.
    with numpy.errstate(divide="ignore", invalid="ignore"):
        result = summarizer(model, count)
    return sorted(position_of[id(sentence)] for sentence in result)


def edmundson_bonus_words(doc: Document, feats: Features) -> list[str]:
    """Bonus words from the text itself: content words of headings and the title, then the surface form
    of each of the most frequent content stems (never sumy's Czech fallback list)."""
    stops = stop_words()
    stigma = {stem(w) for w in STIGMA_WORDS}
    heading_texts = [doc.text[p.start : p.end] for p in doc.paragraphs if p.kind == "heading"]
    heading_words: Counter[str] = Counter()
    for heading in heading_texts:
        heading_words.update(w.lower() for w in sumy_words(heading))
    title_words = [w.lower() for w in sumy_words(doc.title or "")]
    ranked_heading_words = sorted(heading_words, key=lambda w: (-heading_words[w], w))
    bonus: list[str] = []
    for lowered in [*title_words, *ranked_heading_words]:
        if len(bonus) >= MAX_HEADING_BONUS:
            break
        if lowered not in stops and _is_content(lowered) and stem(lowered) not in stigma and lowered not in bonus:
            bonus.append(lowered)
    stem_counts = Counter(s for sentence in feats.stems for s in sentence)
    ranked = sorted((s for s, c in stem_counts.items() if c > 1 and _is_content(s) and s not in stigma),
                    key=lambda s: (-stem_counts[s], s))
    frequent = ranked[:BONUS_FREQUENT]
    surface = _surface_forms(doc, feats, set(frequent))
    for s in frequent:
        if s in surface and surface[s] not in bonus:
            bonus.append(surface[s])
    return bonus


def _is_content(word: str) -> bool:
    return len(word) > 2 and any(ch.isalpha() for ch in word)


def _surface_forms(doc: Document, feats: Features, wanted: set[str]) -> dict[str, str]:
    """The most frequent lower-cased word for each wanted stem (ties: alphabetical), read from the start of
    the text until every stem was seen SURFACE_SAMPLE times."""
    stops = stop_words()
    counts: dict[str, Counter[str]] = {s: Counter() for s in wanted}
    for index in feats.candidates:
        span = doc.sentences[index]
        for word in sumy_words(doc.text[span.start : span.end]):
            lowered = word.lower()
            if lowered in stops:
                continue
            s = stem(lowered)
            if s in counts:
                counts[s][lowered] += 1
        if index % 64 == 0 and all(c.total() >= SURFACE_SAMPLE for c in counts.values()):
            break  # frequent stems show their usual form early: no need to read a whole book
    return {s: min(c.items(), key=lambda item: (-item[1], item[0]))[0] for s, c in counts.items() if c}


@lru_cache(maxsize=1)
def _sorted_lsa() -> type:
    """sumy's LSA with a sorted term dictionary (sumy builds it from a frozenset, so row order, and thus
    near-tie order, would depend on PYTHONHASHSEED), its cell-by-cell TF loop done by numpy, and without the
    warning sumy prints when a short text has fewer distinct words than sentences (LSA still works)."""

    from sumy.summarizers.lsa import LsaSummarizer

    class SortedLsa(LsaSummarizer):
        def _create_dictionary(self, document: Any) -> dict[str, int]:
            normalized = map(self.normalize_word, document.words)
            unique = sorted({self.stem_word(w) for w in normalized if w not in self._stop_words})
            return {w: i for i, w in enumerate(unique)}

        def _create_matrix(self, document: Any, dictionary: dict[str, int]) -> Any:
            import numpy

            sentences = document.sentences
            matrix = numpy.zeros((len(dictionary), len(sentences)))
            for col, sentence in enumerate(sentences):
                for word in map(self.stem_word, sentence.words):
                    row = dictionary.get(word)
                    if row is not None:
                        matrix[row, col] += 1
            return matrix

        def _compute_term_frequency(self, matrix: Any, smooth: float = 0.4) -> Any:
            import numpy

            max_frequencies = numpy.max(matrix, axis=0)
            columns = max_frequencies != 0
            matrix[:, columns] = smooth + (1.0 - smooth) * (matrix[:, columns] / max_frequencies[columns])
            return matrix

    return SortedLsa


@lru_cache(maxsize=1)
def _set_luhn() -> type:
    """sumy's Luhn with its significant words in a frozenset (sumy tests membership in a tuple)."""

    from sumy.summarizers.luhn import LuhnSummarizer

    class SetLuhn(LuhnSummarizer):
        def _get_significant_words(self, words: Any) -> frozenset[str]:
            return frozenset(super()._get_significant_words(words))

    return SetLuhn
