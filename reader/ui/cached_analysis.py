"""The analyses the side-pane workers run, through the analysis cache: the one place the UI reads and fills it.

A pane's worker calls ``analysis_runner(app).people(...)`` / ``.summary(...)`` / ``.quotes(...)`` instead of the
stage functions of ``reader.nlp.analysis``. With a cache (the app's, from ``reader.cache``) a reopened document
adopts its cached sentence spans (War and Peace is not split again) and gets its people, default-length summary
and quotes from disk; what had to be computed is stored for the next time. Quotes are cached per people list
(corrections applied): a correction never shows the quotes of the list before it.

With ``processes`` (``reader.ui.analysis_processes``, the app run from the command line) what has to be computed
runs in worker processes, on both cores and away from the UI's GIL; the document adopts the sentence spans they
split. Without a cache and processes (tests, snapshots) the stages just run in the calling thread.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, TypeVar

from reader.cache import AnalysisCache
from reader.document.model import Document, Span
from reader.nlp import analysis
from reader.nlp.analysis import ShouldStop, SummaryOptions, never
from reader.nlp.results import Person, Quote, Summary

from reader.ui.analysis_processes import AnalysisProcesses, ProcessesUnavailable

if TYPE_CHECKING:  # importing reader.nlp.people loads the name lists: only for the annotations
    from reader.nlp.people.corrections import Correction

T = TypeVar("T")

__all__ = ["AnalysisRunner", "analysis_runner"]


class AnalysisRunner:
    """Runs the people, summary and quotes stages, reading and filling ``cache`` (None: no cache), computing in
    ``processes`` (None: in the calling thread)."""

    def __init__(self, cache: AnalysisCache | None = None, processes: AnalysisProcesses | None = None) -> None:
        self.cache = cache
        self.processes = processes
        # documents whose sentence spans the cache holds and the document has adopted (by id, dropped with the
        # document): the next stage takes them from the document instead of reading the entry again (~30 ms)
        self._sentences_cached: dict[int, weakref.ref[Document]] = {}

    def people(self, document: Document, should_stop: ShouldStop = never,
               corrections: Sequence[Correction] = ()) -> list[Person]:
        """The people found (cached as found) with the reader's ``corrections`` applied on top."""
        cache = self.cache
        found = cache.get_people(document) if cache is not None else None  # a hit needs no sentences
        if found is None:
            known = self._known_sentences(document)
            found = self._compute(lambda processes: processes.people(document, should_stop, known),
                                  lambda: analysis.people_stage(document, should_stop))
            self._store(document, known, lambda c: c.put_people(document, found))
        return analysis.with_corrections(document, found, corrections)

    def summary(self, document: Document, options: SummaryOptions = SummaryOptions(),
                should_stop: ShouldStop = never) -> Summary:
        cache = self.cache
        cached = cache is not None and options.count is None  # a length picked with +/- is not cached
        if cached:
            found = cache.get_summary(document, options.algorithm, options.sentences)  # spans included: no split
            if found is not None:
                return found
        known = self._known_sentences(document)
        summary = self._compute(lambda processes: processes.summary(document, options, should_stop, known),
                                lambda: analysis.summary_stage(document, options, should_stop))
        if cached:
            self._store(document, known, lambda c: c.put_summary(document, summary, options.sentences))
        return summary

    def quotes(self, document: Document, people: Sequence[Person], should_stop: ShouldStop = never) -> list[Quote]:
        """The quotations attributed to ``people`` (the list shown, corrections applied)."""
        people = list(people)
        cache = self.cache
        found = cache.get_quotes(document, people) if cache is not None else None
        if found is None:
            known = self._known_sentences(document)
            found = self._compute(lambda processes: processes.quotes(document, people, should_stop, known),
                                  lambda: analysis.quotes_stage(document, people, should_stop))
            self._store(document, known, lambda c: c.put_quotes(document, people, found))
        return found

    def sentences(self, document: Document, should_stop: ShouldStop = never) -> tuple[Span, ...]:
        """``document.sentences``, adopted from the cache when it has them (War and Peace: not split again), else
        split in a process (and kept there for the summary)."""
        known = self._known_sentences(document)
        if known is not None:
            return known
        sentences = self._compute(lambda processes: processes.sentences(document, should_stop),
                                  lambda: document.sentences)
        self._put_sentences(document)
        return sentences

    # ------------------------------------------------------------------ helpers
    def _compute(self, in_a_process: Callable[[AnalysisProcesses], T], here: Callable[[], T]) -> T:
        """A stage in the worker processes, or in this thread without them (or where none can start)."""
        processes = self.processes
        if processes is not None:
            try:
                return in_a_process(processes)
            except ProcessesUnavailable:
                self.processes = None  # from now on in threads, as the tests run
        return here()

    def _known_sentences(self, document: Document) -> tuple[Span, ...] | None:
        """The sentence spans from the cache, adopted by ``document`` (None: not cached, to be split).

        The entry is read once per document: after a hit, or after this runner stored the spans, the document
        holds them and the runner knows the cache does.
        """
        if self.cache is None:
            return None
        if self._knows_sentences_cached(document):
            return document.sentences
        if self.cache.adopt_sentences(document):
            self._note_sentences_cached(document)
            return document.sentences
        return None

    def _knows_sentences_cached(self, document: Document) -> bool:
        known = self._sentences_cached.get(id(document))
        return known is not None and known() is document

    def _note_sentences_cached(self, document: Document) -> None:
        key = id(document)
        self._sentences_cached[key] = weakref.ref(document, lambda _: self._sentences_cached.pop(key, None))

    def _put_sentences(self, document: Document) -> None:
        """Cache the spans ``document`` holds (split here or in a lane), remembering that the cache has them."""
        if self.cache is not None and self.cache.put_sentences(document):
            self._note_sentences_cached(document)

    def _store(self, document: Document, known: tuple[Span, ...] | None, put: Callable[[AnalysisCache], bool]) -> None:
        """Cache a result just computed, and the sentences it split (which ``document`` holds by now)."""
        cache = self.cache
        if cache is None:
            return
        put(cache)
        if known is None and not self._knows_sentences_cached(document):
            self._put_sentences(document)


_UNCACHED = AnalysisRunner()


def analysis_runner(app: object) -> AnalysisRunner:
    """The app's runner (``ReaderApp.analysis``), or one without a cache for an app that has none."""
    runner = getattr(app, "analysis", None)
    return runner if isinstance(runner, AnalysisRunner) else _UNCACHED
