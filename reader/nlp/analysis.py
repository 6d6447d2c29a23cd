"""One call that runs every analysis of a Document (used by ``reader analyze`` and tests)."""

from __future__ import annotations

from dataclasses import dataclass

from reader.document.model import Document
from reader.errors import ReaderError
from reader.nlp.results import Person, Summary


# About twice War and Peace (1.1 million words; the summary then peaks near 650 MB). Above it, splitting,
# summarising and finding people would take minutes and gigabytes; such a text can still be read and searched.
MAX_ANALYSIS_CHARS = 6_500_000


def analysis_refusal(document: Document) -> str | None:
    """Why ``document`` is too long to analyse, or None when it is not."""
    size = len(document.text)
    if size <= MAX_ANALYSIS_CHARS:
        return None
    return (f"too long to analyse ({size / 1e6:.1f} million characters; the limit is "
            f"{MAX_ANALYSIS_CHARS / 1e6:g} million): it can still be read and searched")


@dataclass(frozen=True)
class Analysis:
    document: Document
    summary: Summary | None
    people: list[Person] | None


def analyse(document: Document, *, algorithm: str = "lexrank", sentences: str | None = None,
            summary: bool = True, people: bool = True) -> Analysis:
    """Sentences, then the summary and the people list as asked. Bad options and too long texts raise ReaderError."""
    refusal = analysis_refusal(document)
    if refusal:
        raise ReaderError(f"{document.source}: {refusal}")
    from reader.nlp.summary import parse_count, summarize

    total = len(document.sentences)
    result_summary = None
    if summary:
        try:
            count = parse_count(sentences, total) if sentences is not None else None
            result_summary = summarize(document, algorithm, count)
        except ValueError as error:
            raise ReaderError(str(error)) from None
    result_people = None
    if people:
        from reader.nlp.people import find_people

        result_people = find_people(document)
    return Analysis(document, result_summary, result_people)
