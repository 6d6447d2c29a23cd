"""Snapshot tests of the main screens (pytest-textual-snapshot). Update with: pytest --snapshot-update."""

from __future__ import annotations

from reader.document.load import load_document
from reader.ui.app import ReaderApp

from .conftest import SAMPLES, settle

SIZE = (120, 36)
_analysed = settle


def _app(name: str) -> ReaderApp:
    return ReaderApp(load_document(str(SAMPLES / name)))


def test_main_screen_with_summary(snap_compare) -> None:
    assert snap_compare(_app("trump_foreign_policy.txt"), terminal_size=SIZE, run_before=_analysed)


def test_people_tab_with_a_person_selected(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await _analysed(pilot)
        await pilot.press("p", "enter", "n", "n")
        await pilot.pause()

    assert snap_compare(_app("trump_foreign_policy.txt"), terminal_size=SIZE, run_before=run_before)


def test_help_screen(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await _analysed(pilot)
        await pilot.press("f1")
        await pilot.pause()

    assert snap_compare(_app("trump_foreign_policy.txt"), terminal_size=SIZE, run_before=run_before)


def test_markdown_article_with_headings(snap_compare) -> None:
    assert snap_compare(_app("city_budget.md"), terminal_size=SIZE, run_before=_analysed)


def test_search_hits(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await _analysed(pilot)
        await pilot.press("slash", *"putin", "enter")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(_app("trump_foreign_policy.txt"), terminal_size=SIZE, run_before=run_before)


SMALL = (80, 24)
LARGE = (160, 50)


def test_small_terminal_people_with_a_person_selected(snap_compare) -> None:
    """80x24: the people info is one row, the bars fit the narrow pane."""

    async def run_before(pilot) -> None:
        await _analysed(pilot)
        await pilot.press("p", "enter", "n")
        await pilot.pause()

    assert snap_compare(_app("trump_foreign_policy.txt"), terminal_size=SMALL, run_before=run_before)


def test_small_terminal_incremental_search(snap_compare) -> None:
    """80x24: the search bar open, every hit of what is typed so far highlighted."""

    async def run_before(pilot) -> None:
        await _analysed(pilot)
        pilot.app.reader.search_bar.cursor_blink = False  # a blinking cursor would make the snapshot flaky
        await pilot.press("slash", *"trump")
        await settle(pilot)

    assert snap_compare(_app("trump_foreign_policy.txt"), terminal_size=SMALL, run_before=run_before)


def test_large_terminal_search_with_the_current_hit(snap_compare) -> None:
    """160x50: the current hit solid, the other hits tinted; the status line shows i/N."""

    async def run_before(pilot) -> None:
        await _analysed(pilot)
        await pilot.press("slash", *"russia", "enter")
        await settle(pilot)
        await pilot.press("n")
        await pilot.pause()

    assert snap_compare(_app("trump_foreign_policy.txt"), terminal_size=LARGE, run_before=run_before)


def test_large_terminal_filtered_people_list(snap_compare) -> None:
    """160x50: the People list filtered by typing after /."""

    async def run_before(pilot) -> None:
        await _analysed(pilot)
        await pilot.press("p", "slash")
        await pilot.pause()
        pilot.app.focused.cursor_blink = False  # the filter line: a blinking cursor would make the snapshot flaky
        await pilot.press(*"pu")
        await pilot.pause()

    assert snap_compare(_app("trump_foreign_policy.txt"), terminal_size=LARGE, run_before=run_before)


TINY = (40, 8)


def test_small_terminal_quotes_of_one_person(snap_compare) -> None:
    """80x24: every tab label on screen (the long ones shortened), one person's quotes, Escape in the footer."""

    async def run_before(pilot) -> None:
        await _analysed(pilot)
        await pilot.press("p", "enter", "quotation_mark")
        await pilot.pause()

    assert snap_compare(_app("trump_foreign_policy.txt"), terminal_size=SMALL, run_before=run_before)


def test_tiny_terminal_reading(snap_compare) -> None:
    """40x8: the text gets the whole width, a one-row header, a status line cut to fit."""
    assert snap_compare(_app("trump_foreign_policy.txt"), terminal_size=TINY, run_before=_analysed)


def test_tiny_terminal_people_tab(snap_compare) -> None:
    """40x8: the pane in place of the text, every tab readable, a person and their bar on screen."""

    async def run_before(pilot) -> None:
        await _analysed(pilot)
        await pilot.press("p")
        await pilot.pause()

    assert snap_compare(_app("trump_foreign_policy.txt"), terminal_size=TINY, run_before=run_before)
