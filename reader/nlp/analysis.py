"""Every analysis of a Document, stage by stage: the one path used by ``reader analyze`` and by the UI's workers.

A stage is a function ``(document, options, should_stop) -> result`` registered in ``STAGES``. Every stage
follows one cancellation protocol: it polls ``should_stop`` and, when that returns True, raises ``Cancelled``
(never a partial or empty result). ``analyse`` runs the stages asked for, in order, for the CLI; the UI runs one
stage per worker. A new analysis is one function here and one entry in ``STAGES``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from reader.document.model import Document
from reader.errors import ReaderError
from reader.nlp.results import Person, Quote, Summary
from reader.nlp.summarizers import DEFAULT_ALGORITHM

if TYPE_CHECKING:  # importing reader.nlp.people loads the name lists: only for the annotations
    from reader.nlp.people.corrections import Correction

__all__ = ["Analysis", "Cancelled", "STAGES", "ShouldStop", "Stage", "SummaryOptions", "analyse",
           "analysis_refusal", "never", "people_stage", "quotes_stage", "summary_stage", "with_corrections"]

# About twice War and Peace (1.1 million words; the summary then peaks near 650 MB). Above it, splitting,
# summarising and finding people would take minutes and gigabytes; such a text can still be read and searched.
MAX_ANALYSIS_CHARS = 6_500_000

ShouldStop = Callable[[], bool]


class Cancelled(Exception):
    """A stage stopped because its ``should_stop`` returned True; there is no result."""


def never() -> bool:
    """The ``should_stop`` of work nobody cancels (the CLI)."""
    return False


@dataclass(frozen=True)
class SummaryOptions:
    """Which summary to make: the algorithm, and its length as ``count`` sentences or as a ``--sentences`` spec
    ("12" or "10%", resolved against the document). Neither: the default length for the document."""

    algorithm: str = DEFAULT_ALGORITHM
    sentences: str | None = None
    count: int | None = None

    def resolved_count(self, document: Document) -> int | None:
        """The number of sentences asked for (None: the default). A bad spec raises ReaderError."""
        if self.count is not None or self.sentences is None:
            return self.count
        from reader.nlp.summary import parse_count

        try:
            return parse_count(self.sentences, len(document.sentences))
        except ValueError as error:
            raise ReaderError(str(error)) from None


def analysis_refusal(document: Document) -> str | None:
    """Why ``document`` is too long to analyse, or None when it is not."""
    size = len(document.text)
    if size <= MAX_ANALYSIS_CHARS:
        return None
    return (f"too long to analyse ({size / 1e6:.1f} million characters; the limit is "
            f"{MAX_ANALYSIS_CHARS / 1e6:g} million): it can still be read and searched")


# ---------------------------------------------------------------------------------------------------- stages


def summary_stage(document: Document, options: SummaryOptions = SummaryOptions(),
                  should_stop: ShouldStop = never) -> Summary:
    """The extractive summary asked for by ``options``."""
    from reader.nlp.summary import SummaryCancelled, summarize

    count = options.resolved_count(document)
    try:
        summary = summarize(document, options.algorithm, count, should_stop=should_stop)
    except SummaryCancelled:
        raise Cancelled from None
    except ValueError as error:  # an unknown algorithm or count that slipped past the option checks
        raise ReaderError(str(error)) from None
    return summary


def people_stage(document: Document, should_stop: ShouldStop = never,
                 corrections: Sequence[Correction] = ()) -> list[Person]:
    """Everyone the text names, most mentioned first, with the reader's ``corrections`` (merges, splits, hides)
    applied. Reading the saved corrections is the caller's (``reader.corrections.load_corrections``): this layer
    touches no file."""
    from reader.nlp.people import find_people

    people = find_people(document, should_stop=should_stop)
    if should_stop():  # find_people gives up with [] when asked to stop: not a result
        raise Cancelled
    return with_corrections(document, people, corrections)


def with_corrections(document: Document, people: Sequence[Person], corrections: Sequence[Correction]) -> list[Person]:
    """``people`` as the reader corrected them (the same list when there are no corrections)."""
    if not corrections:
        return list(people)
    from reader.nlp.people.corrections import apply_corrections

    return apply_corrections(people, corrections, document.text)


def quotes_stage(document: Document, people: Sequence[Person] | None = None,
                 should_stop: ShouldStop = never) -> list[Quote]:
    """Every quotation, attributed to one of ``people`` (None: the people stage's list) when the text says who.

    ``find_quotes`` polls ``should_stop`` as it works and gives up with [] when asked to stop: not a result."""
    from reader.nlp.quotes import find_quotes

    if people is None:
        people = people_stage(document, should_stop)
    if should_stop():
        raise Cancelled
    quotes = find_quotes(document, people, should_stop)
    if should_stop():
        raise Cancelled
    return quotes


@dataclass(frozen=True)
class Stage:
    """One registered analysis: ``name`` (CLI flag and JSON key), ``label`` (what the UI says while it runs)."""

    name: str
    label: str
    run: Callable[[Document, SummaryOptions, ShouldStop], object] = field(repr=False)


# The stage functions are looked up when called, so the CLI and the UI always run the same ones.
STAGES: dict[str, Stage] = {
    "summary": Stage("summary", "summarise", lambda document, options, should_stop: summary_stage(
        document, options, should_stop)),
    "people": Stage("people", "find people", lambda document, _options, should_stop: people_stage(
        document, should_stop)),
    "quotes": Stage("quotes", "find quotes", lambda document, _options, should_stop: quotes_stage(
        document, None, should_stop)),
}


# ---------------------------------------------------------------------------------------------------- all at once


@dataclass(frozen=True)
class Analysis:
    document: Document
    summary: Summary | None
    people: list[Person] | None
    quotes: list[Quote] | None = None


def analyse(document: Document, *, algorithm: str = DEFAULT_ALGORITHM, sentences: str | None = None,
            summary: bool = True, people: bool = True, should_stop: ShouldStop = never,
            corrections: Sequence[Correction] = ()) -> Analysis:
    """The stages asked for, in order (quotes come with the people, whose list they are attributed to).

    Bad options and too long texts raise ReaderError; a stop raises Cancelled."""
    refusal = analysis_refusal(document)
    if refusal:
        raise ReaderError(f"{document.source}: {refusal}")
    options = SummaryOptions(algorithm, sentences)
    skipped = {name for name, wanted in (("summary", summary), ("people", people)) if not wanted} | {"quotes"}
    results = {name: stage.run(document, options, should_stop) for name, stage in STAGES.items()
               if name not in skipped}
    found = cast("list[Person] | None", results.get("people"))
    if found is not None:
        found = with_corrections(document, found, corrections)
    quotes = quotes_stage(document, found, should_stop) if found is not None else None
    return Analysis(document, cast("Summary | None", results.get("summary")), found, quotes)
