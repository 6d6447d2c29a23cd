"""The analyses the side-pane workers run, through the analysis cache: the one place the UI reads and fills it.

A pane's worker calls ``analysis_runner(app).people(...)`` / ``.summary(...)`` instead of the stage functions of
``reader.nlp.analysis``. With a cache (the app's, from ``reader.cache``) a reopened document adopts its cached
sentence spans (War and Peace is not split again) and gets its people and default-length summary from disk;
what had to be computed is stored for the next time. Without one (tests, snapshots) the stages just run.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from reader.cache import AnalysisCache
from reader.document.model import Document, Span
from reader.nlp import analysis
from reader.nlp.analysis import ShouldStop, SummaryOptions, never
from reader.nlp.results import Person, Summary

if TYPE_CHECKING:  # importing reader.nlp.people loads the name lists: only for the annotations
    from reader.nlp.people.corrections import Correction

__all__ = ["AnalysisRunner", "analysis_runner"]


class AnalysisRunner:
    """Runs the people and summary stages, reading and filling ``cache`` (None: no cache)."""

    def __init__(self, cache: AnalysisCache | None = None) -> None:
        self.cache = cache

    def people(self, document: Document, should_stop: ShouldStop = never,
               corrections: Sequence[Correction] = ()) -> list[Person]:
        """The people found (cached as found) with the reader's ``corrections`` applied on top."""
        cache = self.cache
        if cache is None:
            return analysis.people_stage(document, should_stop, corrections)
        found = cache.get_people(document)  # first: a hit needs no sentences (another tab may be splitting)
        if found is None:
            adopted = cache.adopt_sentences(document)
            found = analysis.people_stage(document, should_stop)
            cache.put_people(document, found)
            if not adopted:
                cache.put_sentences(document)
        return analysis.with_corrections(document, found, corrections)

    def summary(self, document: Document, options: SummaryOptions = SummaryOptions(),
                should_stop: ShouldStop = never) -> Summary:
        cache = self.cache
        if cache is None or options.count is not None:  # a length picked with +/- is not cached
            return analysis.summary_stage(document, options, should_stop)
        found = cache.get_summary(document, options.algorithm, options.sentences)  # spans included: no split
        if found is not None:
            return found
        adopted = cache.adopt_sentences(document)
        summary = analysis.summary_stage(document, options, should_stop)
        cache.put_summary(document, summary, options.sentences)
        if not adopted:
            cache.put_sentences(document)
        return summary


    def sentences(self, document: Document) -> tuple[Span, ...]:
        """``document.sentences``, adopted from the cache when it has them (War and Peace: not split again)."""
        cache = self.cache
        if cache is None or cache.adopt_sentences(document):
            return document.sentences
        sentences = document.sentences
        cache.put_sentences(document)
        return sentences


_UNCACHED = AnalysisRunner()


def analysis_runner(app: object) -> AnalysisRunner:
    """The app's runner (``ReaderApp.analysis``), or one without a cache for an app that has none."""
    runner = getattr(app, "analysis", None)
    return runner if isinstance(runner, AnalysisRunner) else _UNCACHED
