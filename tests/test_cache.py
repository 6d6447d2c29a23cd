"""The analysis cache: per-content entries, versioned, atomic, corrupt entries rebuilt, LRU size cap."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from reader.cache import AnalysisCache, analyse_with_cache, default_cache_dir
from reader.document.build import document_from_plain_text
from reader.document.model import Span
from reader.nlp.results import Person, Summary

TEXT = "Anna Karenina met Count Vronsky at the station. Anna smiled. Vronsky bowed to Anna.\n"


@pytest.fixture
def doc():
    return document_from_plain_text(TEXT, "a.txt")


ANNA = Person("Anna Karenina", ("Anna", "Anna Karenina"), ("Madame",),
              (Span(0, 13), Span(48, 52), Span(79, 83)), key="anna-karenina")
VRONSKY = Person("Count Vronsky", ("Vronsky",), (), (Span(24, 31), Span(61, 68)), key="vronsky")
SUMMARY = Summary("lexrank", (0, 2), (Span(0, 47), Span(61, 83)), note="a note")


def entries(cache: AnalysisCache) -> list[Path]:
    return sorted(cache.folder.glob("*.entry"))


def test_people_and_summary_round_trip(cache, doc):
    assert cache.get_people(doc) is None and cache.get_summary(doc, "lexrank") is None
    assert cache.put_people(doc, [ANNA, VRONSKY]) and cache.put_summary(doc, SUMMARY)
    assert cache.get_people(doc) == [ANNA, VRONSKY]
    assert cache.get_summary(doc, "lexrank") == SUMMARY
    assert AnalysisCache(cache.folder).get_people(doc) == [ANNA, VRONSKY]  # another process, same folder


def test_an_entry_belongs_to_the_text_and_the_options(cache, doc):
    cache.put_summary(doc, SUMMARY, sentences="2")
    assert cache.get_summary(doc, "lexrank", "2") == SUMMARY
    assert cache.get_summary(doc, "lexrank") is None  # other length
    assert cache.get_summary(doc, "textrank", "2") is None  # other algorithm
    cache.put_people(doc, [ANNA])
    changed = document_from_plain_text(TEXT.replace("bowed", "waved"), "a.txt")
    assert cache.get_people(changed) is None
    renamed = document_from_plain_text(TEXT, "elsewhere/b.txt")
    assert cache.get_people(renamed) == [ANNA]  # the content decides, not the file name


def test_a_newer_analysis_version_does_not_read_old_entries(cache, doc, monkeypatch):
    cache.put_people(doc, [ANNA])
    monkeypatch.setattr("reader.cache.ANALYSIS_VERSION", 10_000)
    assert cache.get_people(doc) is None


def test_entries_made_by_other_analysis_code_are_not_read(cache, doc, monkeypatch):
    cache.put_people(doc, [ANNA])
    monkeypatch.setattr("reader.cache.analysis_code_digest", lambda: "another rule set")
    assert cache.get_people(doc) is None


def test_the_code_digest_follows_the_analysis_code_and_data_only(tmp_path):
    from reader.cache import code_digest

    (tmp_path / "nlp" / "data").mkdir(parents=True)
    (tmp_path / "document").mkdir()
    (tmp_path / "ui").mkdir()
    (tmp_path / "nlp" / "rules.py").write_text("RULES = 1\n")
    (tmp_path / "nlp" / "data" / "names.txt").write_text("Anna\n")
    (tmp_path / "document" / "load.py").write_text("")
    (tmp_path / "sanitize.py").write_text("")
    before = code_digest(tmp_path)
    (tmp_path / "ui" / "app.py").write_text("# the UI does not change results\n")
    (tmp_path / "nlp" / "__pycache__").mkdir()
    (tmp_path / "nlp" / "__pycache__" / "rules.cpython-311.pyc").write_bytes(b"compiled")
    assert code_digest(tmp_path) == before
    (tmp_path / "nlp" / "data" / "names.txt").write_text("Anna\nVronsky\n")  # a word list grows
    after_list = code_digest(tmp_path)
    assert after_list != before
    (tmp_path / "sanitize.py").write_text("# changed\n")
    assert code_digest(tmp_path) not in (before, after_list)


@pytest.mark.parametrize("damage", [
    lambda raw: raw[: len(raw) // 2],  # a partial write
    lambda raw: b"",
    lambda raw: raw[:-3] + bytes(b ^ 0xFF for b in raw[-3:]),  # flipped bits
    lambda raw: b"not a cache entry at all",
])
def test_a_damaged_entry_is_ignored_and_rebuilt(cache, doc, damage):
    cache.put_people(doc, [ANNA])
    (path,) = entries(cache)
    path.write_bytes(damage(path.read_bytes()))
    assert cache.get_people(doc) is None
    assert cache.put_people(doc, [ANNA, VRONSKY])
    assert cache.get_people(doc) == [ANNA, VRONSKY]


def test_a_well_formed_entry_with_a_wrong_shape_is_ignored(cache, doc):
    from reader.cache import _pack

    cache.put_people(doc, [ANNA])
    (path,) = entries(cache)
    for value in ({"people": [{"n": 1}]}, [1, 2], {"people": [{"n": "A", "k": "a", "a": [], "t": [],
                                                               "m": [0, 10_000]}]}):
        path.write_bytes(_pack(value))
        assert cache.get_people(doc) is None


def test_writes_leave_no_temporary_files(cache, doc):
    cache.put_people(doc, [ANNA])
    cache.put_summary(doc, SUMMARY)
    assert sorted(p.suffix for p in cache.folder.iterdir()) == [".entry", ".entry"]


def test_an_unwritable_folder_is_not_an_error(tmp_path, doc):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    cache = AnalysisCache(blocker / "cache")
    assert cache.put_people(doc, [ANNA]) is False
    assert cache.get_people(doc) is None


def test_least_recently_used_entries_go_first_when_over_the_cap(tmp_path):
    docs = [document_from_plain_text(f"{TEXT} Text number {i}.", f"{i}.txt") for i in range(4)]
    cache = AnalysisCache(tmp_path / "c")
    cache.put_people(docs[0], [ANNA])
    one_entry = cache.size()
    cache.max_bytes = int(one_entry * 3.5)
    past = time.time() - 1000
    for i, d in enumerate(docs[1:3], start=1):
        cache.put_people(d, [ANNA])
    for i, path in enumerate(sorted(entries(cache), key=os.path.getmtime)):
        os.utime(path, (past + i, past + i))  # distinct times, whatever the file system's resolution
    assert cache.get_people(docs[0]) is not None  # a hit makes docs[0] the most recently used
    cache.put_people(docs[3], [ANNA])  # over the cap: the least recently used goes
    alive = [cache.get_people(d) is not None for d in docs]
    assert alive.count(True) == 3 and alive[0] and alive[3]
    assert cache.size() <= cache.max_bytes


def test_the_cache_folder_honours_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("READER_CACHE_DIR", str(tmp_path / "mine"))
    assert default_cache_dir() == tmp_path / "mine"
    monkeypatch.delenv("READER_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert default_cache_dir() == tmp_path / "xdg" / "reader"


def test_analyse_with_cache_computes_once_then_reads(cache, seed_document, monkeypatch):
    first = analyse_with_cache(seed_document, cache)
    assert first.people and first.summary is not None

    def fail(*args, **kwargs):
        raise AssertionError("analysed again")

    monkeypatch.setattr("reader.nlp.analysis.analyse", fail)
    again = analyse_with_cache(seed_document, cache)
    assert again.people == first.people and again.summary == first.summary


def test_sentences_are_cached_and_adopted(cache, seed_document):
    from reader.document.build import document_from_plain_text

    assert cache.adopt_sentences(seed_document) is False
    assert cache.put_sentences(seed_document)
    reopened = document_from_plain_text(seed_document.text, "again.txt")
    assert cache.adopt_sentences(reopened)
    assert reopened.sentences == seed_document.sentences
    assert document_from_plain_text(seed_document.text, "x").sentences == seed_document.sentences  # same split


def test_a_reopened_document_is_not_split_again(cache, seed_document, monkeypatch):
    from reader.document.build import document_from_plain_text

    analyse_with_cache(seed_document, cache)
    reopened = document_from_plain_text(seed_document.text, "again.txt")

    def fail(*args, **kwargs):
        raise AssertionError("split again")

    monkeypatch.setattr("reader.document.sentences.split_paragraphs", fail)
    result = analyse_with_cache(reopened, cache)
    assert result.people and len(reopened.sentences) == len(seed_document.sentences)


def test_quotes_round_trip_per_people_list(cache, seed_document):
    from reader.nlp import analysis

    people = analysis.people_stage(seed_document)
    quotes = analysis.quotes_stage(seed_document, people)
    assert any(q.nested for q in quotes) or any(len(q.parts) > 1 for q in quotes), "a quote with parts or nesting"
    assert cache.get_quotes(seed_document, people) is None
    assert cache.put_quotes(seed_document, people, quotes)
    assert AnalysisCache(cache.folder).get_quotes(seed_document, people) == quotes
    merged = analysis.with_corrections(seed_document, people, [_merge_first_two(people)])
    assert cache.get_quotes(seed_document, merged) is None  # a corrected list is another entry


def _merge_first_two(people):
    from reader.nlp.people.corrections import merge

    return merge(people[1].key, people[0].key)


def test_a_quote_entry_with_a_wrong_shape_is_ignored(cache, doc):
    from reader.cache import _pack

    cache.put_quotes(doc, [ANNA], [])
    (path,) = entries(cache)
    for value in ({"quotes": [{"s": [0, 10_000], "p": [], "w": None, "h": None, "n": []}]},
                  {"quotes": [{"s": [0, 5], "p": [0, 5], "w": 3, "h": None, "n": []}]}, {"quotes": 1}):
        path.write_bytes(_pack(value))
        assert cache.get_quotes(doc, [ANNA]) is None
