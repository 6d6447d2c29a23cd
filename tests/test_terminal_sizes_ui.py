"""The reading screen at the sizes users have: 80x24 and 40x8 show every tab, every footer key and a one-row status
line in full; below 64 columns the text and the side pane take turns. Driven with keys as a reader would."""

from __future__ import annotations

import threading

import pytest
from textual.widgets import Tab, Tabs
from textual.widgets._footer import FooterKey, FooterLabel

from reader.nlp import analysis
from reader.ui.app import ReaderApp
from reader.ui.panes import PANES
from reader.ui.side_tabs import fitting_labels, row_width

from .conftest import settle

RELEASE_AFTER = 30  # seconds: a blocked worker gives up then (a safety net, never an assertion)


@pytest.fixture(autouse=True)
def no_saved_corrections(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))


def status(app: ReaderApp) -> str:
    return str(app.reader.query_one("#status").render())


def footer_entries(app: ReaderApp) -> list[str]:
    """What the footer shows, left to right, with the entries cut off at the screen's edge left out."""
    width = app.screen.size.width
    shown = []
    for widget in app.screen.query("Footer *"):
        if isinstance(widget, (FooterKey, FooterLabel)) and widget.region.width and widget.region.right <= width:
            shown.append(widget.description if isinstance(widget, FooterKey) and widget.description
                         else str(widget.render()) if isinstance(widget, FooterLabel) else widget.key_display)
    return shown


def cut_footer_entries(app: ReaderApp) -> list[object]:
    """Footer entries that do not fit on the screen (partly or wholly past its right edge)."""
    width = app.screen.size.width
    return [w for w in app.screen.query("Footer *") if isinstance(w, (FooterKey, FooterLabel))
            and (w.region.right > width or (w.display and not w.region.width))]


def visible_tab_labels(app: ReaderApp) -> list[str]:
    """The labels of the side pane's tabs that are on screen whole."""
    tabs = app.reader.side_pane.query_one(Tabs)
    area = tabs.region
    return [tab.label_text for tab in tabs.query(Tab)
            if tab.region.width and area.x <= tab.region.x and tab.region.right <= area.right]


def test_labels_are_shortened_longest_first_and_only_as_far_as_needed() -> None:
    labels = [(p.TAB_LABEL, p.SHORT_LABEL or p.TAB_LABEL) for p in PANES]
    full = [full for full, _ in labels]
    assert fitting_labels(labels, 200) == full
    for width in range(10, 60):
        chosen = fitting_labels(labels, width)
        assert all(label in pair for label, pair in zip(chosen, labels))
        shortest = [short for _, short in labels]
        if row_width(shortest) <= width:
            assert row_width(chosen) <= width, width
        assert row_width(chosen) <= row_width(fitting_labels(labels, width + 1)), "more room, never shorter labels"
    assert fitting_labels([("Contents", "TOC"), ("People", "Ppl")], 16) == ["TOC", "People"]


@pytest.mark.parametrize("size", [(80, 24), (40, 8), (64, 20)])
async def test_every_tab_is_on_screen_and_readable(seed_document, size) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for pane in PANES:
            await pilot.press(pane.KEY)
            await pilot.pause()
            assert app.reader.side_pane.display and app.reader.side_pane.active == pane.TAB_ID
            shown = visible_tab_labels(app)
            assert len(shown) == len(PANES), (pane.TAB_ID, shown)
            assert all(label in (p.TAB_LABEL, p.SHORT_LABEL) for label, p in zip(shown, PANES)), shown


async def test_the_full_labels_come_back_when_the_pane_is_wide(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert visible_tab_labels(app) != [p.TAB_LABEL for p in PANES]
        await pilot.press("w")
        await pilot.pause()
        await pilot.pause()
        assert visible_tab_labels(app) == [p.TAB_LABEL for p in PANES]


@pytest.mark.parametrize("size", [(80, 24), (40, 8)])
async def test_the_footer_shows_whole_entries_only_and_the_key_ones_fit(seed_document, size) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        entries = footer_entries(app)
        assert {"Quit", "Help", "Search"} <= set(entries), entries
        if size[0] >= 80:
            assert {"Next/prev", "Tabs", "Length"} <= set(entries), entries
            assert not cut_footer_entries(app)


async def test_a_narrow_terminal_shows_the_text_and_the_pane_in_turn(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=(40, 8)) as pilot:
        await settle(pilot)
        screen = app.reader
        view, pane = screen.article, screen.side_pane
        assert view.display and not pane.display, "the text first"
        assert view.size.width >= 38, "the text gets the whole width"
        await pilot.press("p")
        await pilot.pause()
        assert pane.display and not view.display and pane.size.width == 40
        assert app.focused is screen.query_one("#people-list")
        await pilot.press("enter")  # the first person: back to the text, at the first mention
        await pilot.pause()
        assert view.display and not pane.display and app.focused is view
        first = screen.people[0].mentions
        assert view.layer_spans("current") == [first[0]]
        assert view.is_offset_visible(first[0].start)
        await pilot.press("p", "n")  # n from the list: the text is shown at the next mention
        await settle(pilot)
        assert view.display and not pane.display
        assert view.layer_spans("current") == [first[1]] and view.is_offset_visible(first[1].start)
        await pilot.press("s", "escape", "escape")  # Escape from the pane: back to the text
        await pilot.pause()
        assert view.display and not pane.display and app.focused is view
        await pilot.press("t", "w")  # w in a narrow terminal: a bell and a word, nothing breaks
        await pilot.pause()
        assert pane.display and pane.size.width == 40
        await pilot.press("t")
        assert view.display and not pane.display


async def test_growing_past_the_narrow_width_shows_both_again(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=(40, 8)) as pilot:
        await settle(pilot)
        await pilot.press("j", "j", "j")
        offset = app.reader.article.top_offset
        await pilot.resize_terminal(120, 36)
        await pilot.pause()
        await pilot.pause()
        assert app.reader.article.display and app.reader.side_pane.display
        assert app.reader.article.top_offset <= offset  # the reading position is kept (a wider row starts earlier)
        assert app.reader.article.is_offset_visible(offset)


async def test_a_short_terminal_gives_its_rows_to_the_lists(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=(40, 8)) as pilot:
        await settle(pilot)
        assert app.reader.query_one("#header").size.height == 1
        header = str(app.reader.query_one("#header").render())
        assert "1,481 words" in header and "trump" in header
        await pilot.press("s")
        await pilot.pause()
        summary_list = app.reader.query_one("#summary-list")
        assert summary_list.scrollable_content_region.height >= 1, "a summary sentence is on screen"
        await pilot.press("p")
        await pilot.pause()
        assert app.reader.query_one("#people-list").scrollable_content_region.height >= 2, "a person and their bar"


async def test_typing_a_search_shows_the_search_keys_not_the_reading_ones(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *"Put+")
        await pilot.pause()
        assert app.reader.search_bar.value == "Put+"
        assert app.reader.search_bar.size.height == 1
        entries = footer_entries(app)
        assert {"Find", "Cancel", "History"} <= set(entries), entries
        assert not {"Length", "Tabs", "Quit", "Next/prev"} & set(entries), entries
        await pilot.press("escape")
        await pilot.pause()
        assert not app.reader.search_bar.display and app.focused is app.reader.article
        assert "Length" in footer_entries(app)


async def test_the_status_line_says_nothing_of_people_until_they_are_found(seed_document, monkeypatch) -> None:
    release = threading.Event()
    real = analysis.people_stage

    def slow(document, should_stop=analysis.never, corrections=()):
        release.wait(RELEASE_AFTER)
        return real(document, should_stop)

    monkeypatch.setattr(analysis, "people_stage", slow)
    app = ReaderApp(seed_document)
    async with app.run_test(size=(120, 36)) as pilot:
        while app.reader.summary is None:
            await pilot.pause()
        assert "Summary: 5 sentences" in status(app)
        assert "People" not in status(app), status(app)
        release.set()
        await settle(pilot)
        assert f"People: {len(app.reader.people)}" in status(app)


async def test_a_long_message_is_cut_on_the_status_line_not_wrapped(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=(40, 8)) as pilot:
        await settle(pilot)
        await pilot.press("slash", *("nowhere" * 8), "enter")
        await settle(pilot)
        line = app.reader.query_one("#status")
        assert line.size.height == 1
        shown = line.render_line(0).text
        assert shown.strip().startswith("Pattern not found: nowhere") and shown.rstrip().endswith("…"), shown


async def test_every_mention_is_one_row_of_the_list_at_80_columns(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        people = app.reader.people
        longest = max(range(len(people)), key=lambda i: len(people[i].name))
        for index in (0, longest):
            await pilot.press("p", "g", *["j"] * index, "enter")
            await settle(pilot)
            mentions = app.reader.query_one("#mentions-list")
            room = mentions.scrollable_content_region.width - 2  # an option's padding
            widths = [mentions.get_option_at_index(i).prompt.cell_len for i in range(mentions.option_count)]
            assert widths and max(widths) <= room, (people[index].name, max(widths), room)


async def test_the_help_uses_the_whole_of_a_short_terminal(seed_document) -> None:
    from reader.ui.help_screen import HelpScreen

    app = ReaderApp(seed_document)
    async with app.run_test(size=(40, 8)) as pilot:
        await settle(pilot)
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        body = app.screen.query_one("#help-body")
        assert body.size.height == 8 and body.scrollable_content_region.height == 8, "no box or padding rows"
        await pilot.press("escape")
        assert app.screen is app.reader


async def test_typing_a_list_filter_shows_its_keys_not_the_reading_ones(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p", "slash", *"pu")
        await pilot.pause()
        entries = footer_entries(app)
        assert {"To the list", "Clear the filter"} <= set(entries), entries
        assert not {"Length", "Tabs", "Merge/split/hide/undo"} & set(entries), entries
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is app.reader.query_one("#people-list")
        assert "Merge/split/hide/undo" in footer_entries(app)


def shown_footer_actions(app: ReaderApp) -> set[str]:
    """The actions of the footer keys on screen whole."""
    width = app.screen.size.width
    return {w.action for w in app.screen.query(FooterKey) if w.region.width and w.region.right <= width}


@pytest.mark.parametrize("size", [(80, 24), (40, 8), (140, 45)])
async def test_in_every_list_the_footer_cuts_no_key_and_keeps_help(seed_document, size) -> None:
    """The People list's corrections and one person's quotes (Escape) add keys: the footer drops the last ones
    whole (F1 lists them all), never shows one cut at the edge."""
    app = ReaderApp(seed_document)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for keys in (["p"], ["p", "enter", "quotation_mark"], ["s"], ["c"], ["i"], ["escape", "escape"]):
            await pilot.press(*keys)
            await settle(pilot)
            assert not cut_footer_entries(app), (keys, footer_entries(app))
            assert "help" in shown_footer_actions(app), (keys, footer_entries(app))
        if size[0] >= 140:
            await pilot.press("p")
            await settle(pilot)
            assert {"Merge/split/hide/undo", "Quit", "Help", "Next/prev", "Tabs", "Length"} <= set(
                footer_entries(app)), "a wide terminal shows them all"


async def test_at_40x8_every_list_of_a_book_keeps_a_row_on_screen() -> None:
    """A long info line (the Contents' keys, the Summary's spoiler note) is cut on its one row, not wrapped over
    the list below it."""
    from .book_texts import book

    app = ReaderApp(book(chapters=6))
    async with app.run_test(size=(40, 8)) as pilot:
        await settle(pilot)
        for key, selector in (("s", "#summary-list"), ("p", "#people-list"), ("c", "#contents-list")):
            await pilot.press(key)
            await settle(pilot)
            shown = app.reader.query_one(selector)
            assert shown.scrollable_content_region.height >= 1, (key, shown.size)
            info = app.reader.side_pane.query_one(f"#{app.reader.side_pane.active}-pane").info
            assert info.size.height == 1, key


async def test_the_footer_under_the_help_cuts_no_key(seed_document) -> None:
    """The help opened from the People list: the reader's footer, recomposed under it, still fits."""
    app = ReaderApp(seed_document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        await pilot.press("f1")
        await settle(pilot)
        assert app.screen is not app.reader
        width = app.reader.size.width
        cut = [w for w in app.reader.query("Footer *") if isinstance(w, (FooterKey, FooterLabel))
               and w.display and w.parent.display and (w.region.right > width or not w.region.width)]
        assert not cut, cut


@pytest.mark.parametrize("size", [(80, 24), (40, 8)])
async def test_a_list_filters_prompt_fits_its_line(seed_document, size) -> None:
    from reader.ui.panes.base import ListFilter

    app = ReaderApp(seed_document)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        await pilot.press("p", "slash")
        await settle(pilot)
        line = next(f for f in app.reader.query(ListFilter) if f.display)  # every tab has one, hidden until /
        assert len(line.placeholder) <= line.content_region.width, (line.placeholder, line.content_region)


async def test_the_status_line_takes_the_wording_of_the_new_width(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=(40, 8)) as pilot:
        await settle(pilot)
        assert "Summary 5 (auto)" in status(app)
        await pilot.resize_terminal(120, 36)
        await settle(pilot)
        assert "Summary: 5 sentences (auto)" in status(app), status(app)
        await pilot.resize_terminal(40, 8)
        await settle(pilot)
        assert "Summary 5 (auto)" in status(app), status(app)
