"""Summaries of a part of a document: one chapter, or the text read so far (the no-spoiler recap).

The part is the same ``Document.text`` with only the paragraphs that start inside ``[start, end)``; sentences
are split per paragraph, so its sentences are exactly the document's sentences there and every offset still
indexes ``Document.text``. The returned ``Summary.sentence_indices`` index ``document.sentences``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from reader.document.model import Chapter, Document
from reader.nlp.results import Summary
from reader.nlp.summarizers import DEFAULT_ALGORITHM

__all__ = ["passage", "summarize_chapter", "summarize_passage", "summarize_up_to"]


def passage(document: Document, start: int, end: int) -> Document:
    """The document restricted to the paragraphs that start in ``[start, end)`` (same text, same offsets)."""
    paragraphs = tuple(p for p in document.paragraphs if start <= p.start < end)
    return Document(document.text, paragraphs, document.meta)


def summarize_passage(document: Document, start: int, end: int, algorithm: str = DEFAULT_ALGORITHM,
                      count: int | None = None, should_stop: Callable[[], bool] | None = None) -> Summary:
    """An extractive summary of ``[start, end)`` alone (default length: as for a text of that many sentences)."""
    from reader.nlp.summary import summarize

    summary = summarize(passage(document, start, end), algorithm, count, should_stop)
    indices = tuple(document.sentence_index_at(span.start) for span in summary.spans)
    return replace(summary, sentence_indices=indices)


def summarize_chapter(document: Document, chapter: Chapter, algorithm: str = DEFAULT_ALGORITHM, count: int | None = None,
                      should_stop: Callable[[], bool] | None = None) -> Summary:
    """The summary of one chapter (or part) of ``document``."""
    return summarize_passage(document, chapter.start, chapter.end, algorithm, count, should_stop)


def summarize_up_to(document: Document, offset: int, algorithm: str = DEFAULT_ALGORITHM, count: int | None = None,
                    should_stop: Callable[[], bool] | None = None) -> Summary:
    """A recap of the text before ``offset``: only whole paragraphs already read are summarised."""
    read = [p for p in document.paragraphs if p.end <= offset]
    end = read[-1].end if read else 0
    return summarize_passage(document, 0, end, algorithm, count, should_stop)
