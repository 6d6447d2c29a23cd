"""One call that runs every analysis of a Document (used by ``reader analyze`` and tests)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from reader.document.model import Document
from reader.errors import ReaderError


@dataclass(frozen=True)
class Analysis:
    document: Document
    summary: Any | None  # reader.nlp.summary.Summary
    people: list[Any] | None  # list[reader.nlp.people.Person]


def analyse(document: Document, *, algorithm: str = "lexrank", sentences: str | None = None,
            summary: bool = True, people: bool = True) -> Analysis:
    """Sentences, then the summary and the people list as asked. Bad options raise ReaderError."""
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
