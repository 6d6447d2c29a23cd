"""A library: the articles and books in a folder, with what a library screen shows about each (no UI here).

``scan_library(folder)`` loads each .txt/.md/.html file (recursively, hidden ones skipped, in path order) and
gives a ``LibraryEntry``: title, author, length, reading time, chapters, reading progress and last opened (from
the reading positions in ``reader.state``), and the top people when the analysis cache has them (it never runs
an analysis). ``sort_entries`` and ``filter_entries`` are the library screen's sort and ``/`` filter;
``people_index`` lists, for each person named in the cached analyses, the entries that name them.

"Recently opened" is a list kept with the reading state (top-level key ``recent`` of the state file, beside
``positions``): ``remember_opened`` and ``recently_opened``. Files that cannot be read are reported in
``Library.problems`` (one line each), never raised.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from reader.errors import ReaderError

__all__ = ["ANALYSABLE_SUFFIXES", "Library", "LibraryEntry", "MAX_RECENT", "Recent", "analysable_files",
           "filter_entries", "people_index", "recently_opened", "remember_opened", "scan_files", "scan_library", "sort_entries"]

ANALYSABLE_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
MAX_RECENT = 50
RECENT_KEY = "recent"
TOP_PEOPLE = 5

SortKey = Literal["title", "author", "length", "progress", "last_opened", "path"]


@dataclass(frozen=True)
class LibraryEntry:
    path: Path
    key: str  # reader.state.document_key of the text: positions and the cache are stored under it
    title: str  # the document's title, else the file name without its suffix
    author: str | None
    words: int
    reading_time: str  # "6 min", "39 h 27 min"
    chapters: int  # chapters (level 2) found; 0 for an article
    progress: float | None  # 0.0-1.0 from the saved reading position; None when never opened
    last_opened: str | None  # UTC ISO time of the last saved position ("2026-11-30T01:45:00Z")
    top_people: tuple[str, ...] = ()  # most mentioned first, from the analysis cache when present
    analysed: bool = False  # the cache has its people (top_people may still be empty: nobody named)


@dataclass(frozen=True)
class Library:
    folder: Path
    entries: tuple[LibraryEntry, ...]
    problems: tuple[str, ...] = field(default=())  # one line per file that could not be read


@dataclass(frozen=True)
class Recent:
    source: str
    key: str
    opened: str  # UTC ISO time


def analysable_files(folder: Path | str) -> list[Path]:
    """The .txt, .md and .html files under ``folder`` (recursively; hidden files and folders skipped), sorted."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [name for name in dirs if not name.startswith(".")]
        found += [Path(root) / name for name in files
                  if not name.startswith(".") and name.lower().endswith(ANALYSABLE_SUFFIXES)]
    return sorted(found)


def scan_library(folder: Path | str, *, state: Any = None, cache: Any = None,
                 top_people: int = TOP_PEOPLE) -> Library:
    """Every analysable file under ``folder`` as a LibraryEntry (``state``: a StateStore; ``cache``: an
    AnalysisCache; None: the user's own)."""
    folder = Path(folder)
    if not folder.is_dir():
        raise ReaderError(f"{folder}: not a folder")
    return scan_files(analysable_files(folder), folder=folder, state=state, cache=cache, top_people=top_people)


def scan_files(paths: Iterable[Path | str], *, folder: Path | str = ".", state: Any = None, cache: Any = None,
               top_people: int = TOP_PEOPLE) -> Library:
    """Like ``scan_library``, for the files given (the recently opened ones), in their order."""
    from reader.cache import AnalysisCache
    from reader.state import StateStore

    state = state if state is not None else StateStore()
    cache = cache if cache is not None else AnalysisCache()
    positions = state.load().get("positions", {})
    entries, problems = [], []
    for path in paths:
        try:
            entries.append(_entry(Path(path), positions, cache, top_people))
        except ReaderError as error:
            problems.append(str(error))
    return Library(Path(folder), tuple(entries), tuple(problems))


def _entry(path: Path, positions: dict[str, Any], cache: Any, top_people: int) -> LibraryEntry:
    from reader.document.load import display_name, load_document
    from reader.state import document_key

    document = load_document(str(path))
    key = document_key(document)
    saved = positions.get(key) or {}
    offset = saved.get("offset")
    progress = min(1.0, offset / len(document.text)) if isinstance(offset, int) and document.text else None
    people = cache.get_people(document) if top_people else None
    return LibraryEntry(
        path=path, key=key, title=document.title or display_name(path.stem), author=document.meta.author,
        words=document.word_count, reading_time=document.reading_time,
        chapters=sum(1 for chapter in document.chapters if chapter.level == 2),
        progress=progress, last_opened=saved.get("used"),
        top_people=tuple(person.name for person in (people or [])[:top_people]), analysed=people is not None,
    )


# ------------------------------------------------------------------------------------ sort and filter
def sort_entries(entries: Iterable[LibraryEntry], by: SortKey = "title", *, reverse: bool = False
                 ) -> list[LibraryEntry]:
    """Entries sorted by title/author/path (A-Z), length (shortest first), progress (least read first) or
    last opened (oldest first; never opened ones last, whatever the direction)."""
    entries = list(entries)
    if by in ("progress", "last_opened"):
        known = [e for e in entries if getattr(e, by) is not None]
        unknown = [e for e in entries if getattr(e, by) is None]
        return sorted(known, key=lambda e: getattr(e, by), reverse=reverse) + unknown
    keys = {
        "title": lambda e: (e.title.casefold(), str(e.path)),
        "author": lambda e: ((e.author or "\uffff").casefold(), e.title.casefold()),
        "length": lambda e: e.words,
        "path": lambda e: str(e.path),
    }
    return sorted(entries, key=keys[by], reverse=reverse)


def filter_entries(entries: Iterable[LibraryEntry], query: str) -> list[LibraryEntry]:
    """Entries whose title, author, file name or top people contain every word of ``query`` (any case)."""
    words = query.casefold().split()
    out = []
    for entry in entries:
        haystack = " ".join([entry.title, entry.author or "", entry.path.name, *entry.top_people]).casefold()
        if all(word in haystack for word in words):
            out.append(entry)
    return out


def people_index(entries: Sequence[LibraryEntry], *, cache: Any = None) -> dict[str, list[tuple[LibraryEntry, int]]]:
    """Person name -> the entries that name them, with the offset of the first mention (cached analyses only).

    People are merged across entries by their stable key (the accent- and case-free name: "Natásha" =
    "Natasha"); the name shown is the one used by the entry that mentions them most.
    """
    from reader.cache import AnalysisCache
    from reader.document.load import load_document
    from reader.nlp.results import person_key

    cache = cache if cache is not None else AnalysisCache()
    by_key: dict[str, list[tuple[int, str, LibraryEntry, int]]] = {}
    for entry in entries:
        try:
            people = cache.get_people(load_document(str(entry.path)))
        except ReaderError:
            continue
        for person in people or []:
            by_key.setdefault(person_key(person.name), []).append((len(person.mentions), person.name, entry, person.mentions[0].start))
    index = {}
    for found in by_key.values():
        name = max(found, key=lambda item: item[0])[1]
        index[name] = [(entry, first) for _, _, entry, first in found]
    return dict(sorted(index.items(), key=lambda item: (-len(item[1]), item[0].casefold())))


# -------------------------------------------------------------------------------------- recently opened
def remember_opened(state: Any, source: str, key: str) -> bool:
    """Put ``source`` first in the recently opened list of the state file; False when it cannot be saved."""
    data = state.load()
    recent = [item for item in _recent_items(data) if item["source"] != source]
    recent.insert(0, {"source": source, "key": key, "opened": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())})
    data[RECENT_KEY] = recent[:MAX_RECENT]
    return state.save(data)


def recently_opened(state: Any) -> list[Recent]:
    """The recently opened sources, most recent first (entries of a wrong shape are skipped)."""
    return [Recent(item["source"], item["key"], item["opened"]) for item in _recent_items(state.load())]


def _recent_items(data: dict[str, Any]) -> list[dict[str, str]]:
    items = data.get(RECENT_KEY)
    if not isinstance(items, list):
        return []
    return [item for item in items if isinstance(item, dict)
            and all(isinstance(item.get(name), str) for name in ("source", "key", "opened"))]
