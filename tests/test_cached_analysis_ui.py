"""The UI's AnalysisRunner reads a document's cached sentence spans once, not once per stage, with the same results."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cache import AnalysisCache
from reader.document.build import document_from_plain_text
from reader.document.model import Document
from reader.nlp import analysis
from reader.nlp.analysis import SummaryOptions
from reader.ui.cached_analysis import AnalysisRunner


def reopened(path: Path) -> Document:
    """The same text loaded again: a new Document, as after quitting and reopening."""
    return document_from_plain_text(path.read_text("utf-8"), str(path))


@pytest.fixture
def cache(tmp_path) -> AnalysisCache:
    return AnalysisCache(tmp_path / "cache")


def count_sentence_reads(cache: AnalysisCache, monkeypatch) -> list[Document]:
    reads: list[Document] = []
    read = cache.get_sentences

    def counted(document):
        reads.append(document)
        return read(document)

    monkeypatch.setattr(cache, "get_sentences", counted)
    return reads


def test_a_first_open_reads_the_sentence_entry_only_before_it_is_stored(cache, seed_path, monkeypatch) -> None:
    document = reopened(seed_path)
    reads = count_sentence_reads(cache, monkeypatch)
    runner = AnalysisRunner(cache)
    people = runner.people(document)
    summary = runner.summary(document, SummaryOptions(count=4))
    quotes = runner.quotes(document, people)
    assert len(reads) == 1  # the people stage's miss; the spans it split were stored and are known from then on
    fresh = reopened(seed_path)
    assert people == analysis.people_stage(fresh)
    assert summary == analysis.summary_stage(fresh, SummaryOptions(count=4))
    assert quotes == analysis.quotes_stage(fresh, people)
    assert cache.get_sentences(fresh) == fresh.sentences


def test_a_reopened_document_reads_its_cached_sentences_once_for_every_stage(cache, seed_path, monkeypatch) -> None:
    first = reopened(seed_path)
    AnalysisRunner(cache).people(first)  # caches the people and the sentence spans
    document = reopened(seed_path)
    reads = count_sentence_reads(cache, monkeypatch)
    runner = AnalysisRunner(cache)
    sentences = runner.sentences(document)  # the Info tab
    longer = runner.summary(document, SummaryOptions(count=6))  # a length picked with +: not cached
    shorter = runner.summary(document, SummaryOptions(count=2))
    people = runner.people(document)
    fewer = people[1:]  # as if the reader hid the first person: quotes not cached for that list
    quotes = runner.quotes(document, fewer)
    assert reads == [document]
    assert sentences == first.sentences
    assert longer == analysis.summary_stage(first, SummaryOptions(count=6))
    assert shorter == analysis.summary_stage(first, SummaryOptions(count=2))
    assert quotes == analysis.quotes_stage(first, fewer)


def test_another_document_is_read_from_the_cache_again(cache, seed_path, monkeypatch) -> None:
    AnalysisRunner(cache).people(reopened(seed_path))
    runner = AnalysisRunner(cache)
    reads = count_sentence_reads(cache, monkeypatch)
    one, two = reopened(seed_path), reopened(seed_path)
    runner.summary(one, SummaryOptions(count=3))
    runner.summary(two, SummaryOptions(count=3))
    runner.summary(one, SummaryOptions(count=4))
    assert reads == [one, two]
