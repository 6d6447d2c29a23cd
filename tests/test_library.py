"""The library: a folder's articles and books with title, author, length, progress, last opened, top people."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reader.document.load import load_document
from reader.errors import ReaderError
from reader.library import (MAX_RECENT, filter_entries, people_index, recently_opened, remember_opened,
                            scan_library, sort_entries)
from reader.nlp.people import find_people
from reader.state import StateStore, document_key

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
BOOK = "\n\n".join(["The Long Walk", "CHAPTER I.", "Anna Petrova walked to the river and sat down. " * 30,
                    "CHAPTER II.", "Ivan Sokolov found Anna at the river. Anna smiled at Ivan. " * 30,
                    "CHAPTER III.", "They went home together before the rain. " * 30]) + "\n"


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    library = tmp_path / "library"
    (library / "books").mkdir(parents=True)
    shutil.copy(SAMPLES / "family_firm.txt", library / "family_firm.txt")
    shutil.copy(SAMPLES / "museum_reopening.html", library / "museum.html")
    (library / "books" / "walk.txt").write_text(BOOK, "utf-8")
    (library / "broken.txt").write_bytes(b"\x00\x01\x02binary")
    (library / "picture.png").write_bytes(b"\x89PNG")
    return library


def by_name(library, name: str):
    return next(entry for entry in library.entries if entry.path.name == name)


def test_every_article_and_book_with_its_facts(folder, state, cache):
    library = scan_library(folder, state=state, cache=cache)
    assert [e.path.name for e in library.entries] == ["walk.txt", "family_firm.txt", "museum.html"]
    assert len(library.problems) == 1 and "broken.txt" in library.problems[0]
    walk = by_name(library, "walk.txt")
    assert walk.title == "The Long Walk" and walk.chapters == 3
    document = load_document(str(folder / "books" / "walk.txt"))
    assert walk.words == document.word_count and walk.reading_time == document.reading_time
    assert walk.key == document_key(document)
    museum = by_name(library, "museum.html")
    assert museum.title.startswith("Ashbourne City Museum") and museum.author == "Clara Voss"
    assert museum.chapters == 1  # its one section heading (the <h1> is its title)
    assert all(e.progress is None and e.last_opened is None and e.top_people == () for e in library.entries)


def test_progress_and_last_opened_come_from_the_reading_positions(folder, state, cache):
    document = load_document(str(folder / "books" / "walk.txt"))
    state.set_position(document_key(document), len(document.text) // 2)
    walk = by_name(scan_library(folder, state=state, cache=cache), "walk.txt")
    assert walk.progress == pytest.approx(0.5, abs=0.01)
    assert walk.last_opened and walk.last_opened.endswith("Z")


def test_top_people_come_from_the_cache_only(folder, state, cache):
    document = load_document(str(folder / "books" / "walk.txt"))
    assert by_name(scan_library(folder, state=state, cache=cache), "walk.txt").top_people == ()
    people = find_people(document)
    cache.put_people(document, people)
    walk = by_name(scan_library(folder, state=state, cache=cache), "walk.txt")
    assert walk.top_people == tuple(p.name for p in people[:5])
    assert "Anna Petrova" in walk.top_people


def test_sort_and_filter(folder, state, cache):
    library = scan_library(folder, state=state, cache=cache)
    assert [e.words for e in sort_entries(library.entries, "length")] == sorted(e.words for e in library.entries)
    titles = [e.title.casefold() for e in sort_entries(library.entries, "title")]
    assert titles == sorted(titles)
    walk = by_name(library, "walk.txt")
    state.set_position(walk.key, 10)
    library = scan_library(folder, state=state, cache=cache)
    assert sort_entries(library.entries, "last_opened", reverse=True)[0].path.name == "walk.txt"
    assert sort_entries(library.entries, "progress")[0].path.name == "walk.txt"  # never opened ones last
    assert [e.path.name for e in filter_entries(library.entries, "LONG walk")] == ["walk.txt"]
    assert filter_entries(library.entries, "no such words") == []
    assert len(filter_entries(library.entries, "")) == len(library.entries)


def test_people_index_across_the_library(folder, state, cache, tmp_path):
    other = folder / "sequel.txt"
    other.write_text("Anna Petrova came back. Anna Petrova was older now. Petrova laughed.\n", "utf-8")
    for path in (folder / "books" / "walk.txt", other):
        document = load_document(str(path))
        cache.put_people(document, find_people(document))
    library = scan_library(folder, state=state, cache=cache)
    index = people_index(library.entries, cache=cache)
    anna = index["Anna Petrova"]
    assert sorted(entry.path.name for entry, _ in anna) == ["sequel.txt", "walk.txt"]
    for entry, first in anna:
        text = load_document(str(entry.path)).text
        assert text[first:].startswith(("Anna", "Petrova"))
    assert list(index)[0] == "Anna Petrova"  # named in the most entries first


def test_a_missing_folder_is_one_error(tmp_path, state, cache):
    with pytest.raises(ReaderError, match="not a folder"):
        scan_library(tmp_path / "nope", state=state, cache=cache)


def test_recently_opened_most_recent_first_without_repeats(state):
    assert recently_opened(state) == []
    remember_opened(state, "/books/a.txt", "k1")
    remember_opened(state, "/books/b.txt", "k2")
    remember_opened(state, "/books/a.txt", "k1")
    assert [r.source for r in recently_opened(state)] == ["/books/a.txt", "/books/b.txt"]
    state.set_position("k1", 42)  # the positions API keeps the list
    assert [r.source for r in recently_opened(StateStore(state.path))] == ["/books/a.txt", "/books/b.txt"]
    for i in range(MAX_RECENT + 5):
        remember_opened(state, f"/books/{i}.txt", f"key{i}")
    assert len(recently_opened(state)) == MAX_RECENT


def test_a_damaged_recent_list_is_ignored(state):
    data = state.load()
    data["recent"] = [{"source": 3}, "nonsense", {"source": "/a.txt", "key": "k", "opened": "2026-01-01T00:00:00Z"}]
    state.save(data)
    assert [r.source for r in recently_opened(state)] == ["/a.txt"]
    data["recent"] = "not a list"
    state.save(data)
    assert recently_opened(state) == []
