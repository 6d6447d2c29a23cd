"""The default summary, "auto": the learned ranker on articles, central sentences spread evenly on books.

- Candidates: sentences of text/quote/list paragraphs before any trailing footer, that ``guards.is_eligible``
  accepts (a book also drops bare quotations); list items only in a text with fewer than PROSE_FLOOR prose
  candidates (an item leans on the line that introduces it, "... in three main ways:", which is never picked).
- Up to LONG_TEXT candidates (news, essays, a chapter): ``ranker`` scores every sentence (logistic regression
  and boosted trees trained on CNN/DailyMail, see ``tools/train_ranker.py``), then ``ranker.choose`` keeps the lead unless a
  later sentence scores more than the model's ``LeadPolicy`` margin above it (a little less per word: shorter
  is better), and takes the best with trigram blocking and the antecedent rule (``ranker.select``).
- Longer texts (books): the ranker's position features mean nothing there, so each sentence's centrality (cosine
  to the rest of the text, linear time; less for a sentence under FULL_WORDS words) ranks it, and the text is
  cut into ``count`` equal stretches with one pick each, so the summary follows the book from start to end.
Never imports sumy (numpy only for the centrality; the sentence splitter has loaded it already).
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable

from reader.document.chapters import is_book
from reader.document.model import Document
from reader.nlp.summary.features import SUMMARIZABLE_KINDS, check
from reader.nlp.summary.guards import footer_start, front_matter_end, is_eligible, narration_flags, words_of
from reader.nlp.summary.ranker import centrality, choose, feature_rows, load_model, select

LONG_TEXT = 400  # candidate sentences; beyond this (or in a book with chapters) a text is summarized as a book
FULL_WORDS = 25  # in a book, a shorter sentence's centrality counts for less ("Pierre went out." says little)
PROSE_FLOOR = 5  # with at least this many candidate sentences outside lists (a news summary), list items are left out


def auto_summary(doc: Document, count: int, should_stop: Callable[[], bool] | None = None
                 ) -> tuple[list[int], str | None]:
    """Indices into ``doc.sentences`` (ascending) of the "auto" summary, and a note on any shortcut.

    Asked for at least as many sentences as the text's summarizable ones, it returns them all (as every
    algorithm does); otherwise only sentences the guards accept, maybe fewer than ``count``. A text without a
    single acceptable sentence ("Putin. Trump.") gets its first ``count`` sentences, with a note."""
    summarizable = _summarizable(doc)
    if count >= len(summarizable):
        n = len(summarizable)
        return summarizable, (f"the text has only {n} sentence{'s' if n != 1 else ''}: all are shown" if n
                              else "no sentences")
    texts, tokens, indices = _cached_candidates(doc, should_stop)
    if not indices:  # better the text's first sentences than an empty pane, as the other algorithms do
        return summarizable[:count], "no sentence is fit for a summary (all are fragments): the first ones are shown"
    if count >= len(indices):
        return indices, f"only {len(indices)} sentences are fit for a summary (the others are fragments or headings)"
    check(should_stop)
    if len(indices) <= LONG_TEXT and not is_book(doc):  # the ranker learnt news; a book is read through
        model = load_model()
        scores = model.scores(feature_rows(texts, tokens, model.stop_words))
        chosen = choose(scores, tokens, count, model.policy)
        return [indices[k] for k in chosen], None
    stop_words = load_model().stop_words
    scores = [c * min(1.0, len(words) / FULL_WORDS) ** 0.5 for c, words in zip(centrality(tokens, stop_words), tokens)]
    check(should_stop)
    groups = [i * count // len(indices) for i in range(len(indices))]
    note = f"central sentences, one from each of {count} equal stretches of the text"
    return [indices[i] for i in select(scores, tokens, count, groups)], note


def candidates(doc: Document) -> tuple[list[str], list[list[str]], list[int]]:
    """Text, ``guards.words_of`` tokens and ``doc.sentences`` index of each sentence "auto" may pick (cached
    per document; what ``tools/train_ranker.py`` scores on the dev articles)."""
    return _cached_candidates(doc, None)


def _paragraph_of(doc: Document) -> list[int]:
    """For each sentence of ``doc.sentences``, the index of its paragraph."""
    paragraphs = doc.paragraphs
    result = []
    p = 0
    for span in doc.sentences:
        while p + 1 < len(paragraphs) and paragraphs[p].end <= span.start:
            p += 1
        result.append(p)
    return result


def _summarizable(doc: Document) -> list[int]:
    """Indices of the sentences in text, quote or list paragraphs (not headings, code or tables)."""
    kinds = [p.kind for p in doc.paragraphs]
    return [i for i, p in enumerate(_paragraph_of(doc)) if kinds[p] in SUMMARIZABLE_KINDS]


_CACHE: "weakref.WeakKeyDictionary[Document, tuple[list[str], list[list[str]], list[int]]]" = (
    weakref.WeakKeyDictionary())
_CACHE_LOCK = threading.Lock()


def _cached_candidates(doc: Document, should_stop: Callable[[], bool] | None
                       ) -> tuple[list[str], list[list[str]], list[int]]:
    """``_candidates`` once per document (the user changing the summary length re-uses them)."""
    with _CACHE_LOCK:
        cached = _CACHE.get(doc)
    if cached is None:
        cached = _candidates(doc, should_stop)
        with _CACHE_LOCK:
            _CACHE[doc] = cached
    return cached


def _candidates(doc: Document, should_stop: Callable[[], bool] | None
                ) -> tuple[list[str], list[list[str]], list[int]]:
    """Text, tokens and ``doc.sentences`` index of each sentence a summary may pick."""
    text = doc.text
    paragraphs = doc.paragraphs
    paragraph_texts = [text[p.start : p.end] for p in paragraphs]
    end = footer_start(paragraph_texts)
    limit = paragraphs[end].start if end < len(paragraphs) else len(text)
    texts: list[str] = []
    tokens: list[list[str]] = []
    indices: list[int] = []
    in_list: list[bool] = []
    paragraph_of = _paragraph_of(doc)
    cased = text != text.lower()  # in a cased text a sentence starting in lower case is the tail of a broken one
    for i, span in enumerate(doc.sentences):
        if span.start >= limit:
            break
        if paragraphs[paragraph_of[i]].kind not in SUMMARIZABLE_KINDS:
            continue
        if not i & 1023:
            check(should_stop)
        sentence = text[span.start : span.end]
        words = words_of(sentence)
        if not is_eligible(sentence, words) or (cased and _starts_lowercase(sentence)):
            continue
        texts.append(sentence)
        tokens.append(words)
        indices.append(i)
        in_list.append(paragraphs[paragraph_of[i]].kind == "item")
    keep = _outside_lists(in_list)
    if len(keep) > LONG_TEXT:
        keep = [keep[k] for k in _book_candidates(doc, paragraph_texts, paragraph_of, [indices[k] for k in keep])]
    if len(keep) < len(indices):
        texts = [texts[k] for k in keep]
        tokens = [tokens[k] for k in keep]
        indices = [indices[k] for k in keep]
    return texts, tokens, indices


def _outside_lists(in_list: list[bool]) -> list[int]:
    """Positions of the candidates to keep: all, or those outside list items when PROSE_FLOOR of them are."""
    prose = [k for k, item in enumerate(in_list) if not item]
    return prose if len(prose) >= PROSE_FLOOR else list(range(len(in_list)))


def _starts_lowercase(sentence: str) -> bool:
    first = next((ch for ch in sentence if ch.isalnum()), "")
    return first.islower()


def _book_candidates(doc: Document, paragraph_texts: list[str], paragraph_of: list[int], indices: list[int]
                     ) -> list[int]:
    """Positions (into ``indices``) a book's summary may pick: after the front matter (preface, contents) and
    with narration (a bare quotation, without who says it, or a line in the middle of a speech, is no summary)."""
    paragraphs = doc.paragraphs
    first = paragraphs[front_matter_end(paragraph_texts)].start
    spans = doc.sentences
    narrated: dict[int, bool] = {}
    by_paragraph: dict[int, list[int]] = {}
    for i, p in enumerate(paragraph_of):  # the quote state runs through every sentence of a paragraph
        by_paragraph.setdefault(p, []).append(i)
    for p, members in by_paragraph.items():
        if '"' not in paragraph_texts[p] and "“" not in paragraph_texts[p]:
            narrated.update((i, True) for i in members)
            continue
        base = paragraphs[p].start
        flags = narration_flags(paragraph_texts[p], [(spans[i].start - base, spans[i].end - base) for i in members])
        narrated.update(zip(members, flags))
    return [k for k, i in enumerate(indices) if spans[i].start >= first and narrated[i]]
