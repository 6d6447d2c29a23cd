"""The library screen: `reader FOLDER` and `reader` alone (recently opened), the table, sort, filter, Enter reads
and Escape comes back, the people index opens a text at a person's first mention (pilot and snapshot tests)."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable

from reader.document.load import load_document
from reader.library import recently_opened
from reader.nlp.people import find_people
from reader.state import document_key
from reader.ui.app import ReaderApp
from reader.ui.article_view import ArticleView
from reader.ui.library_screen import LibraryScreen, LibrarySource
from reader.ui.reader_screen import ReaderScreen

from .book_texts import book_text
from .conftest import ROOT, SAMPLES, settle

SIZE = (120, 36)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    shelf = tmp_path / "shelf"
    shelf.mkdir()
    (shelf / "quiet_house.txt").write_text(book_text(), "utf-8")
    (shelf / "trump.txt").write_text((SAMPLES / "trump_foreign_policy.txt").read_text("utf-8"), "utf-8")
    (shelf / "budget.md").write_text((SAMPLES / "city_budget.md").read_text("utf-8"), "utf-8")
    return shelf


def titles(app: ReaderApp) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(row)[0]) for row in range(table.row_count)]


async def test_a_folder_lists_its_texts_enter_reads_and_escape_comes_back(folder, state, cache) -> None:
    app = ReaderApp(LibrarySource(folder=folder), state=state, cache=cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        assert sorted(titles(app)) == titles(app) and len(titles(app)) == 3
        assert "The Quiet House" in titles(app)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=titles(app).index("The Quiet House"))
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen) and app.screen.document.title == "The Quiet House"
        await pilot.press("space", "space")
        await pilot.press("escape")  # nothing to clear: back to the library
        await settle(pilot)
        assert isinstance(app.screen, LibraryScreen)
        row = app.screen.query_one(DataTable).get_row_at(titles(app).index("The Quiet House"))
        assert str(row[4]) != "–" and str(row[5]) != "never"  # progress and last opened, rescanned
        assert [Path(r.source).name for r in recently_opened(state)] == ["quiet_house.txt"]


async def test_sort_and_filter(folder, state, cache) -> None:
    app = ReaderApp(LibrarySource(folder=folder), state=state, cache=cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")  # by author: the one with an author first
        await pilot.press("o")  # by length: shortest first
        words = [load_document(str(folder / name)).word_count for name in ("quiet_house.txt", "trump.txt", "budget.md")]
        assert titles(app)[-1] == "The Quiet House" and max(words) == words[0]
        await pilot.press("slash", *"quiet")
        assert titles(app) == ["The Quiet House"]
        await pilot.press("escape")
        assert len(titles(app)) == 3


async def test_people_index_opens_a_text_at_the_first_mention(folder, state, cache) -> None:
    document = load_document(str(folder / "quiet_house.txt"))
    people = find_people(document)
    cache.put_people(document, people)  # analysed before: the index reads the cache only
    darcy = next(p for p in people if p.name == "Fitzwilliam Darcy")
    app = ReaderApp(LibrarySource(folder=folder), state=state, cache=cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        persons = app.screen.query_one("#person-list")
        names = [str(persons.get_option_at_index(i).prompt).split("  ")[0] for i in range(persons.option_count)]
        assert "Fitzwilliam Darcy" in names
        persons.highlighted = names.index("Fitzwilliam Darcy")
        await pilot.press("enter")  # his texts
        await pilot.press("enter")  # read the first at his first mention
        await settle(pilot)
        await pilot.pause(0.3)
        assert isinstance(app.screen, ReaderScreen)
        view = app.screen.query_one(ArticleView)
        assert view.layer_spans("current")[0].start == darcy.mentions[0].start
        assert view.is_offset_visible(darcy.mentions[0].start)


async def test_no_argument_after_a_first_read_opens_the_recent_files(folder, state, monkeypatch) -> None:
    from reader.cli import main as cli

    captured = {}

    def fake_run(self) -> None:  # the app itself is driven in the tests above
        captured["opening"] = self._opening

    monkeypatch.setattr(cli, "StateStore", lambda: state, raising=False)
    monkeypatch.setattr("reader.state.StateStore", lambda *a, **k: state)
    monkeypatch.setattr(ReaderApp, "run", fake_run)
    monkeypatch.setenv("READER_CACHE_DIR", str(folder.parent / "cache"))
    assert cli.main([]) == 0
    assert not isinstance(captured["opening"], LibrarySource)  # a first run: the bundled sample
    from reader.library import remember_opened

    remember_opened(state, str(folder / "trump.txt"), document_key(load_document(str(folder / "trump.txt"))))
    assert cli.main([]) == 0
    assert captured["opening"] == LibrarySource(files=(folder / "trump.txt",))
    assert cli.main([str(folder)]) == 0
    assert captured["opening"] == LibrarySource(folder=folder)


def test_library_snapshot(state, cache, snap_compare, monkeypatch) -> None:
    monkeypatch.chdir(ROOT)  # the header shows the folder as given: the same in every checkout
    app = ReaderApp(LibrarySource(folder=Path("sample_articles")), state=state, cache=cache)
    assert snap_compare(app, terminal_size=SIZE, run_before=settle)


LONG_TITLE = "The Remarkable and Entirely Unabridged Chronicle of a Quiet House by the Sea"


def column_labels(app: ReaderApp) -> list[str]:
    return [column.label.plain for column in app.screen.query_one(DataTable).columns.values()]


def assert_no_sideways_scroll(app: ReaderApp) -> None:
    table = app.screen.query_one(DataTable)
    assert table.virtual_size.width <= table.scrollable_content_region.width, (table.virtual_size,
                                                                               table.scrollable_content_region)
    assert table.max_scroll_x == 0


@pytest.mark.parametrize("size", [(80, 24), (40, 8), (140, 45)])
async def test_the_table_fits_the_terminal_and_never_scrolls_sideways(folder, state, cache, size) -> None:
    (folder / "long.txt").write_text(book_text().replace("The Quiet House", LONG_TITLE, 1), "utf-8")
    app = ReaderApp(LibrarySource(folder=folder), state=state, cache=cache)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        assert_no_sideways_scroll(app)
        labels = column_labels(app)
        assert labels[0] == "Title" and "Read" in labels, labels
        if size[0] >= 80:
            assert {"Author", "Words"} <= set(labels), labels
        if size[0] >= 140:
            assert labels == ["Title", "Author", "Words", "Time", "Read", "Last opened", "People"]
        long = next(title for title in titles(app) if title.startswith("The Remarkable"))
        assert long.endswith("…") and LONG_TITLE.startswith(long[:-1].rstrip()), long


async def test_the_columns_follow_a_resize(folder, state, cache) -> None:
    app = ReaderApp(LibrarySource(folder=folder), state=state, cache=cache)
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        assert "People" in column_labels(app)
        await pilot.resize_terminal(80, 24)
        await settle(pilot)
        assert_no_sideways_scroll(app)
        assert "People" not in column_labels(app)
        assert len(titles(app)) == 3


async def test_the_title_lines_end_with_an_ellipsis_in_a_narrow_terminal(folder, state, cache) -> None:
    app = ReaderApp(LibrarySource(folder=folder), state=state, cache=cache)
    async with app.run_test(size=(40, 8)) as pilot:
        await settle(pilot)
        header = app.screen.query_one("#header")
        rows = [header.render_line(y).text.rstrip() for y in range(header.size.height)]
        assert rows[0].strip().startswith("Library:") and rows[1].endswith("…"), rows


@pytest.mark.parametrize("size", [(80, 24), (40, 8)])
async def test_f1_shows_the_librarys_keys_and_the_footer_keeps_it(folder, state, cache, size) -> None:
    from textual.widgets._footer import FooterKey

    from reader.ui.help_screen import HelpScreen

    app = ReaderApp(LibrarySource(folder=folder), state=state, cache=cache)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        library = app.screen
        shown = [key.description for key in library.query(FooterKey) if key.display and key.region.width
                 and key.region.right <= size[0]]
        assert "Help" in shown, shown
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        rows = {label for _, entries in app.screen.sections for _, label in entries}
        assert {"Reverse sort", "Sort", "People index", "Clear filter"} <= rows, rows
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is library


async def test_the_people_index_footer_offers_no_sort_or_filter_of_the_hidden_table(folder, state, cache) -> None:
    from textual.widgets._footer import FooterKey

    app = ReaderApp(LibrarySource(folder=folder), state=state, cache=cache)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        library = app.screen

        def footer() -> set[str]:
            return {key.description for key in library.query(FooterKey) if key.display}

        assert {"Sort", "Filter"} <= footer()
        await pilot.press("p")
        await settle(pilot)
        assert not {"Sort", "Filter"} & footer(), footer()
        before = library.sort
        await pilot.press("o")  # does nothing here, rather than sort a table out of sight
        assert library.sort == before
        await pilot.press("b")
        await settle(pilot)
        assert {"Sort", "Filter"} <= footer()


def people_cells(app: ReaderApp) -> dict[str, str]:
    table = app.screen.query_one(DataTable)
    column = list(table.columns).index("people")
    return {title: str(table.get_row_at(row)[column]) for row, title in enumerate(titles(app))}


async def test_the_people_column_says_a_text_is_not_analysed_yet_rather_than_stay_blank(folder, state, cache) -> None:
    document = load_document(str(folder / "quiet_house.txt"))
    cache.put_people(document, find_people(document))
    app = ReaderApp(LibrarySource(folder=folder), state=state, cache=cache)
    async with app.run_test(size=(160, 36)) as pilot:
        await settle(pilot)
        cells = people_cells(app)
        assert "Elizabeth Bennet" in cells["The Quiet House"], cells
        others = [cell for title, cell in cells.items() if title != "The Quiet House"]
        assert others and all(cell == "not analysed yet" for cell in others), cells


async def test_an_empty_folder_says_so_and_what_to_do(tmp_path, state, cache) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    app = ReaderApp(LibrarySource(folder=empty), state=state, cache=cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        note = app.screen.query_one("#library-empty")
        assert note.display
        text = str(note.render())
        assert "No articles or books" in text and ".txt" in text and "reader FILE" in text


async def test_a_filter_matching_nothing_says_so(folder, state, cache) -> None:
    app = ReaderApp(LibrarySource(folder=folder), state=state, cache=cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        note = app.screen.query_one("#library-empty")
        assert not note.display
        await pilot.press("slash", *"zzzq")
        assert titles(app) == [] and note.display and "Escape clears the filter" in str(note.render())
        await pilot.press("escape")
        assert len(titles(app)) == 3 and not note.display


async def test_the_cells_are_measured_once_per_scan_not_on_every_filter_key(folder, state, cache,
                                                                            monkeypatch) -> None:
    """Typing a filter redraws the rows only: every entry's cells and the columns' widths come from the scan."""
    from reader.ui import library_screen

    made: list[str] = []
    real = library_screen._cells

    def counted(entry):
        made.append(entry.title)
        return real(entry)

    monkeypatch.setattr(library_screen, "_cells", counted)
    app = ReaderApp(LibrarySource(folder=folder), state=state, cache=cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert len(made) == len(set(made)) == len(titles(app)) == 3, "each entry's cells made once"
        made.clear()
        await pilot.press("slash", *"the q")
        assert titles(app) == ["The Quiet House"]
        await pilot.press("escape")
        assert made == [], "no entry measured again while filtering"
