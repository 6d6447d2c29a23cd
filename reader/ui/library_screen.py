"""The library screen: the articles and books of a folder (or the recently opened files), and who they name.

``reader FOLDER`` opens it, and ``reader`` alone once something has been read (the recently opened list). The
Books tab is a table (title, author, length, reading time, progress, last opened, top people): ``o`` changes
the sort, ``/`` filters, Enter opens the row in the reading screen (``app.open_document``), from which Escape
comes back here. The People tab is the people index across the library (from the cached analyses): pick a
person, see every article that names them, Enter opens one at that person's first mention. The scan runs in a
worker (every file is loaded) and again when the reader comes back, for fresh progress.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Input, OptionList, Static, TabbedContent, TabPane
from textual.widgets.option_list import Option
from textual.worker import Worker, WorkerState

from reader.document.load import display_name
from reader.document.model import Document, Span
from reader.library import (ANALYSABLE_SUFFIXES, Library, LibraryEntry, SortKey, filter_entries, people_index,
                            remember_opened, scan_files, scan_library, sort_entries)
from reader.ui.footer import FittingFooter
from reader.ui.messages import WorkFailed
from reader.wording import count_of

if TYPE_CHECKING:
    from reader.cache import AnalysisCache
    from reader.state import StateStore

__all__ = ["LibraryScreen", "LibrarySource", "note_opened"]

SORTS: tuple[SortKey, ...] = ("title", "author", "length", "progress", "last_opened")
SORT_NAMES = {"title": "title", "author": "author", "length": "length", "progress": "progress",
              "last_opened": "last opened"}
SCAN_GROUP = "library-scan"
OPEN_GROUP = "library-open"
INDEX_GROUP = "library-people"
TITLE_MIN_CELLS = 20  # below this the title's column gives way: the least useful other column is dropped


@dataclass(frozen=True)
class Column:
    """A column of the books table: its label, the cells its text takes at most, and how useful it is (the
    columns that do not fit are dropped, the least useful first)."""

    key: str
    label: str
    most: int
    rank: int  # 0: the most useful (the title, never dropped)


COLUMNS = (Column("title", "Title", 60, 0), Column("author", "Author", 22, 2), Column("words", "Words", 17, 3),
           Column("time", "Time", 11, 4), Column("read", "Read", 4, 1), Column("last opened", "Last opened", 16, 5),
           Column("people", "People", 30, 6))


def fitting_columns(widths: dict[str, int], room: int, padding: int = 2) -> dict[str, int]:
    """The columns shown in ``room`` cells, in table order, with their widths: each as wide as its widest text
    (``widths``), the title taking what is left; while the title would get fewer than TITLE_MIN_CELLS (or its
    widest, if shorter) the least useful other column is dropped. ``padding``: cells around each column."""
    shown = list(COLUMNS)
    while True:
        others = sum(widths[c.key] + padding for c in shown if c.key != "title")
        title = room - padding - others
        if title >= min(TITLE_MIN_CELLS, widths["title"]) or len(shown) == 1:
            break
        shown.remove(max(shown, key=lambda c: c.rank))
    return {c.key: (max(1, min(title, widths["title"])) if c.key == "title" else widths[c.key]) for c in shown}


@dataclass(frozen=True)
class LibrarySource:
    """What the library shows: the files under ``folder``, or (no folder) the ``files`` given, in order."""

    folder: Path | None = None
    files: tuple[Path, ...] = ()

    @property
    def name(self) -> str:
        return display_name(str(self.folder)) if self.folder is not None else "Recently opened"  # escapes removed


def note_opened(state: StateStore | None, document: Document) -> None:
    """Put a document read from a file first in the recently opened list (``reader`` alone shows it)."""
    if state is None or "://" in document.source or not os.path.isfile(document.source):
        return
    from reader.state import document_key

    remember_opened(state, os.path.abspath(document.source), document_key(document))


class _NothingSaved:
    """The state of an app that remembers nothing (tests): no positions."""

    def load(self) -> dict[str, object]:
        return {}


class _NothingCached:
    """The cache of an app that has none: nothing is cached."""

    def get_people(self, document: Document) -> None:
        return None


class LibraryTitle(Static):
    """The folder and what the table shows."""


class LibraryTable(DataTable[Text]):
    """One row per article or book."""


class PersonList(OptionList):
    """Everyone named in the library, in most articles first."""


class PersonArticles(OptionList):
    """The articles that name the highlighted person."""


class FilterBar(Input):
    """``/``: keep the rows whose title, author, file name or people contain every word."""


class LibraryScreen(Screen[None]):
    AUTO_FOCUS = "LibraryTable"  # not the tab row: the table is what the reader works in
    DEFAULT_CSS = """
    LibraryTitle { text-wrap: nowrap; text-overflow: ellipsis; }  /* two rows: each line cut, never wrapped away */
    #library-tabs { height: 1fr; }
    #library-tabs TabPane { height: 1fr; padding: 0; }
    LibraryTable { height: 1fr; }
    #library-empty { height: auto; padding: 1 2; }
    #people-index-info { height: auto; padding: 0 1; }
    PersonList { height: 2fr; }
    PersonArticles { height: 1fr; }
    FilterBar { dock: bottom; margin-bottom: 1; }
    """
    BINDINGS = [
        Binding("q", "app.quit", "Quit", id="app.quit"),
        Binding("f1,h", "help", "Help", id="app.help"),
        Binding("slash", "filter", "Filter", id="library.filter"),
        Binding("o", "sort", "Sort", id="library.sort"),
        Binding("O", "reverse", "Reverse sort", show=False, id="library.reverse"),
        Binding("b", "show_tab('books')", "Books", id="library.books"),
        Binding("p", "show_tab('people-index')", "People index", id="library.people"),
        Binding("escape", "escape", "Clear filter", show=False, id="library.escape"),
    ]

    def __init__(self, source: LibrarySource, state: StateStore | None = None,
                 cache: AnalysisCache | None = None) -> None:
        super().__init__()
        self.source = source
        self.state = state if state is not None else _NothingSaved()
        self.cache = cache if cache is not None else _NothingCached()
        self.library: Library | None = None
        self.sort: SortKey = "last_opened" if source.folder is None else "title"
        self.reverse = source.folder is None  # recent files: the most recent first
        self.query_text = ""
        self.shown: list[LibraryEntry] = []
        self.index: list[tuple[str, list[tuple[LibraryEntry, int]]]] | None = None
        self.columns: dict[str, int] = {}  # the columns shown and their widths (``fitting_columns``)
        self._measured: Library | None = None  # the scan the cells and widths below were made for
        self._cells: dict[Path, dict[str, Text]] = {}  # every entry's cells, uncut
        self._widths: dict[str, int] = {}  # each column's widest cell (capped)
        self._rows: dict[Path, tuple[Text, ...]] = {}  # every entry's cells cut to the columns shown

    def compose(self) -> ComposeResult:
        yield LibraryTitle("", id="header")
        with TabbedContent(id="library-tabs", initial="books"):
            with TabPane("Books", id="books"):
                yield Static("", id="library-empty")
                yield LibraryTable(id="library-table", cursor_type="row", zebra_stripes=True)
            with TabPane("People index", id="people-index"):
                yield Static("", id="people-index-info")
                yield PersonList(id="person-list")
                yield PersonArticles(id="person-articles")
        yield FilterBar(placeholder="Filter: title, author, file or person (Enter: keep, Escape: clear)",
                        id="library-filter")
        yield FittingFooter()

    def on_mount(self) -> None:
        self.query_one(FilterBar).display = False
        self.query_one("#library-empty").display = False

    def on_resize(self) -> None:
        self.show_rows()  # the columns that fit the new width

    def on_screen_resume(self) -> None:
        self.rescan()

    # ------------------------------------------------------------------ scanning
    def rescan(self) -> None:
        """Scan the folder (or the recent files) in a worker: fresh progress and last opened."""
        self.query_one(LibraryTable).loading = self.library is None
        source, state, cache = self.source, self.state, self.cache

        def scan() -> Library:
            if source.folder is not None:
                return scan_library(source.folder, state=state, cache=cache)
            return scan_files(source.files, state=state, cache=cache)

        self.run_worker(scan, thread=True, exclusive=True, group=SCAN_GROUP, exit_on_error=False,
                        description=f"scan {source.name}")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if event.state == WorkerState.ERROR and worker.error is not None:
            self.query_one(LibraryTable).loading = False
            self.post_message(WorkFailed(worker.description, worker.error, None))
        elif event.state != WorkerState.SUCCESS:
            return
        elif worker.group == SCAN_GROUP and isinstance(worker.result, Library):
            self.library = worker.result
            self.index = None
            self.query_one(LibraryTable).loading = False
            self.show_rows()
            for problem in worker.result.problems:
                self.app.notify(problem, severity="warning", timeout=6)
            if self.query_one(TabbedContent).active == "people-index":
                self.build_index()
        elif worker.group == OPEN_GROUP and isinstance(worker.result, tuple):
            document, span = worker.result
            screen = self.app.open_document(document)  # type: ignore[attr-defined]
            if span is not None:
                screen.open_at(span)
        elif worker.group == INDEX_GROUP and isinstance(worker.result, dict):
            self.index = list(worker.result.items())
            self.show_index()

    # ------------------------------------------------------------------ the table
    def show_rows(self) -> None:
        if self.library is None:
            return
        entries = filter_entries(self.library.entries, self.query_text) if self.query_text else self.library.entries
        self.shown = sort_entries(entries, self.sort, reverse=self.reverse)
        table = self.query_one(LibraryTable)
        keep = table.cursor_row
        self._fit_columns()
        table.clear()
        for entry in self.shown:
            table.add_row(*self._row(entry), key=str(entry.path))
        if self.shown:
            table.move_cursor(row=min(keep, len(self.shown) - 1))
        self._update_title()
        self._show_empty_note()

    def _row(self, entry: LibraryEntry) -> tuple[Text, ...]:
        """The entry's cells in the columns shown, cut to their widths (made once per scan and set of columns)."""
        row = self._rows.get(entry.path)
        if row is None:
            cells = self._cells.get(entry.path) or _cells(entry)
            row = tuple(_clipped_cell(cells[key], width) for key, width in self.columns.items())
            self._rows[entry.path] = row
        return row

    def _measure(self, library: Library | None) -> None:
        """Every entry's cells and each column's widest one, once per scan (not on every filter key)."""
        self._measured = library
        self._rows = {}
        entries = library.entries if library is not None else ()
        self._cells = {entry.path: _cells(entry) for entry in entries}
        self._widths = {column.key: min(column.most, max([len(column.label)] + [cells[column.key].cell_len
                                                                                for cells in self._cells.values()]))
                        for column in COLUMNS}

    def _fit_columns(self) -> None:
        """The columns that fit the table's width without scrolling sideways (room kept for its scrollbar)."""
        table = self.query_one(LibraryTable)
        room = (table.size.width or self.size.width) - table.styles.scrollbar_size_vertical
        if self._measured is not self.library:  # a new scan: measured once, not on every filter key
            self._measure(self.library)
        columns = fitting_columns(self._widths, room, padding=2 * table.cell_padding)
        if columns != self.columns:
            self.columns = columns
            self._rows = {}
            table.clear(columns=True)
            labels = {column.key: column.label for column in COLUMNS}
            for key, width in columns.items():
                table.add_column(labels[key], key=key, width=width)

    def _show_empty_note(self) -> None:
        """An empty table says why and what to do: no texts in the folder, or none matching the filter."""
        note = self.query_one("#library-empty", Static)
        total = len(self.library.entries) if self.library else 0
        if self.library is None or self.shown:
            note.display = False
            return
        if total:
            message = f"No text matches “{self.query_text}”. Escape clears the filter."
        elif self.source.folder is not None:
            kinds = ", ".join(ANALYSABLE_SUFFIXES)
            message = (f"No articles or books in {self.source.name}: the library lists the {kinds} files in the "
                       "folder and its subfolders. Put some there and run reader on the folder again, or read one file "
                       "with `reader FILE`.")
        else:
            message = "None of the recently opened files can be read now. Read one with `reader FILE`."
        note.update(Text(message, style="bold" if not total else ""))
        note.display = True

    def _update_title(self) -> None:
        total = len(self.library.entries) if self.library else 0
        count = count_of(total, "text")
        if self.query_text:
            count = f"{len(self.shown)} of {total} texts matching “{self.query_text}”"
        order = SORT_NAMES[self.sort] + (" ↓" if self.reverse else " ↑")
        title = Text.assemble((f"Library: {self.source.name}", "bold"), "\n",
                              (f"{count} · sorted by {order} (o / O) · / filter · Enter read · p people index", "dim"))
        self.query_one(LibraryTitle).update(title)

    def action_help(self) -> None:
        from reader.ui.help_screen import LIBRARY_EXTRA_KEYS, LIBRARY_INTRO, HelpScreen, help_sections

        self.app.push_screen(HelpScreen(help_sections(self.active_bindings, LIBRARY_EXTRA_KEYS), LIBRARY_INTRO))

    def action_sort(self) -> None:
        self.sort = SORTS[(SORTS.index(self.sort) + 1) % len(SORTS)]
        self.show_rows()

    def action_reverse(self) -> None:
        self.reverse = not self.reverse
        self.show_rows()

    def action_filter(self) -> None:
        bar = self.query_one(FilterBar)
        bar.display = True
        bar.value = self.query_text
        bar.focus()

    @on(Input.Changed, "FilterBar")
    def _filter_changed(self, event: Input.Changed) -> None:
        self.query_text = event.value.strip()
        self.show_rows()

    @on(Input.Submitted, "FilterBar")
    def _filter_submitted(self, event: Input.Submitted) -> None:
        self.query_one(FilterBar).display = False
        self.query_one(LibraryTable).focus()

    def action_escape(self) -> None:
        bar = self.query_one(FilterBar)
        if bar.display or self.query_text:
            bar.display = False
            bar.value = ""
            self.query_text = ""
            self.show_rows()
            self.query_one(LibraryTable).focus()

    @on(DataTable.RowSelected, "LibraryTable")
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        if 0 <= event.cursor_row < len(self.shown):
            self.open_entry(self.shown[event.cursor_row])

    def open_entry(self, entry: LibraryEntry, first_mention: Span | None = None) -> None:
        """Load the entry's file in a worker and read it (at ``first_mention`` when given)."""
        from reader.document.load import load_document

        def load() -> tuple[Document, Span | None]:
            return load_document(str(entry.path)), first_mention

        self.run_worker(load, thread=True, exclusive=True, group=OPEN_GROUP, exit_on_error=False,
                        description=f"open {display_name(entry.path.name)}")

    # ------------------------------------------------------------------ the people index
    def action_show_tab(self, tab: str) -> None:
        self.query_one(TabbedContent).active = tab
        if tab == "people-index":
            if self.index is None:
                self.build_index()
            self.call_after_refresh(self.query_one(PersonList).focus)  # once the tab is shown
        else:
            self.call_after_refresh(self.query_one(LibraryTable).focus)

    BOOKS_ACTIONS = ("filter", "sort", "reverse")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Filter and sort act on the Books table: not in the footer (nor run) while the People index is shown."""
        if action in self.BOOKS_ACTIONS and self.is_mounted:
            return self.query_one(TabbedContent).active != "people-index"
        return True

    @on(TabbedContent.TabActivated)
    def _tab_activated(self, event: TabbedContent.TabActivated) -> None:
        self.refresh_bindings()
        if event.pane.id == "people-index" and self.index is None:
            self.build_index()

    def build_index(self) -> None:
        if self.library is None:
            return
        self.query_one(PersonList).loading = True
        entries, cache = self.library.entries, self.cache
        self.run_worker(lambda: people_index(entries, cache=cache), thread=True, exclusive=True, group=INDEX_GROUP,
                        exit_on_error=False, description="index the people of the library")

    def show_index(self) -> None:
        persons = self.query_one(PersonList)
        persons.loading = False
        persons.clear_options()
        index = self.index or []
        persons.add_options(Option(Text.assemble((name, "bold"), (f"  {count_of(len(found), 'text')}", "cyan")))
                            for name, found in index)
        info = (f"{count_of(len(index), 'person', 'people')} named in the analysed texts · Enter: open at the first "
                "mention" if index else "No analysed text yet: open a text once to index its people.")
        self.query_one("#people-index-info", Static).update(Text(info, style="dim"))
        if index:
            persons.highlighted = 0
            self._show_articles(0)
        if self.query_one(TabbedContent).active == "people-index":
            persons.focus()  # it could not take the focus while loading

    @on(OptionList.OptionHighlighted, "PersonList")
    def _person_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_articles(event.option_index)

    def _show_articles(self, index: int) -> None:
        articles = self.query_one(PersonArticles)
        articles.clear_options()
        if self.index is None or not 0 <= index < len(self.index):
            return
        for entry, first in self.index[index][1]:
            articles.add_option(Option(Text.assemble((entry.title, "bold"), (f"  {entry.author or ''}", "dim"))))

    @on(OptionList.OptionSelected, "PersonList")
    def _person_selected(self, event: OptionList.OptionSelected) -> None:
        self._show_articles(event.option_index)
        articles = self.query_one(PersonArticles)
        if articles.option_count:
            articles.highlighted = 0
            articles.focus()

    @on(OptionList.OptionSelected, "PersonArticles")
    def _article_selected(self, event: OptionList.OptionSelected) -> None:
        person = self.query_one(PersonList).highlighted
        if self.index is None or person is None:
            return
        name, found = self.index[person]
        entry, first = found[event.option_index]
        self.open_entry(entry, Span(first, first + len(name.split()[0])))


def _cells(entry: LibraryEntry) -> dict[str, Text]:
    """The entry's text in every column (by column key), uncut."""
    progress = "–" if entry.progress is None else f"{round(entry.progress * 100)}%"
    opened = "never" if entry.last_opened is None else entry.last_opened.replace("T", " ")[:16]
    length = f"{entry.words:,}" + (f" · {entry.chapters} ch." if entry.chapters else "")
    return {"title": Text(entry.title, style="bold"), "author": Text(entry.author or "", style="italic"),
            "words": Text(length, justify="right"), "time": Text(entry.reading_time),
            "read": Text(progress, justify="right"), "last opened": Text(opened, style="dim"),
            "people": _people_cell(entry)}


NOT_ANALYSED = "not analysed yet"
"""The People cell of a text never opened: its people are found (and cached) when it is first read."""


def _people_cell(entry: LibraryEntry) -> Text:
    if not entry.analysed:
        return Text(NOT_ANALYSED, style="dim italic")
    return Text(", ".join(entry.top_people[:2]) or "nobody named", style="cyan" if entry.top_people else "dim")


def _clipped_cell(cell: Text, cells: int) -> Text:
    """``cell`` on one line of at most ``cells`` cells, cut with an ellipsis."""
    line = Text(" ".join(cell.plain.split()), style=cell.style, justify=cell.justify)
    if line.cell_len > cells:
        line.truncate(cells - 1)
        line.rstrip()
        line.append("…")
    return line

