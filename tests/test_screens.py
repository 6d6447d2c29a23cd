"""The app's structure, driven as a user would: a reading screen for any Document, loading after the first paint,
one worker-error policy, the help generated from the active bindings, search in a worker."""

from __future__ import annotations

import io
import threading

import pytest
from rich.console import Console
from textual.binding import Binding
from textual.widgets import Static

from reader.document.build import document_from_plain_text
from reader.errors import ReaderError
from reader.nlp import analysis
from reader.state import StateStore
from reader.ui import search
from reader.ui.app import PendingDocument, ReaderApp, ReaderScreen
from reader.ui.article_view import ArticleView
from reader.ui.help_screen import HelpScreen, display_key
from reader.ui.loading_screen import LoadingBody, LoadingScreen
from reader.ui.panes import PANES, PeoplePane

SIZE = (120, 36)
RELEASE_AFTER = 30  # seconds: a blocked test worker gives up then (a safety net, never an assertion)
OTHER = document_from_plain_text("# Second article\n\nMaria Lopez opened the harbour. Lopez said it was ready.", "b.md")


def help_text(app: ReaderApp) -> str:
    assert isinstance(app.screen, HelpScreen)
    console = Console(file=io.StringIO(), width=120)
    console.print(app.screen.keys)
    return console.file.getvalue()


async def test_open_document_replaces_the_reading_screen(seed_document, tmp_path, settle) -> None:
    store = StateStore(tmp_path / "state.json")
    app = ReaderApp(seed_document, state=store)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space", "space")
        first = app.reader
        offset = first.article.top_offset
        assert offset > 0
        second = app.open_document(OTHER)
        await settle(pilot)
        assert app.reader is second and app.screen is second and first is not second
        assert "b.md" in str(second.query_one("#header").render())
        assert second.article.top_offset == 0
        assert [p.name for p in second.people] == ["Maria Lopez"]
        assert second.summary is not None
        await pilot.press("p", "enter")
        assert str(second.query_one("#status").render()).startswith("Maria Lopez  1/2")
    again = StateStore(tmp_path / "state.json")
    from reader.state import document_key

    assert again.get_position(document_key(seed_document)) == offset, "the first document's place was saved"


async def test_a_pending_document_loads_after_the_first_paint(seed_document, settle) -> None:
    release = threading.Event()

    def load():
        release.wait(RELEASE_AFTER)
        return seed_document

    app = ReaderApp(PendingDocument("https://example.org/article", load))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, LoadingScreen)
        assert app.screen.query_one(LoadingBody).loading
        assert "https://example.org/article" in str(app.screen.query_one("#header").render())
        release.set()
        await settle(pilot)
        assert isinstance(app.screen, ReaderScreen)
        assert app.reader.document is seed_document
        assert app.reader.summary is not None and app.reader.people


async def test_a_load_error_exits_with_status_2_and_one_message(settle) -> None:
    def load():
        raise ReaderError("http://127.0.0.1:9/: connection refused")

    app = ReaderApp(PendingDocument("http://127.0.0.1:9/", load))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert app.return_code == 2
    assert str(app.load_error) == "http://127.0.0.1:9/: connection refused"


async def test_q_quits_while_loading() -> None:
    release = threading.Event()
    app = ReaderApp(PendingDocument("slow", lambda: release.wait(RELEASE_AFTER) and OTHER))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("q")
        await pilot.pause()
        assert app.return_code == 0
        release.set()


def _reader_bindings() -> list[Binding]:
    classes = (ArticleView, ReaderScreen, ReaderApp)
    return [binding for cls in classes for binding in cls.BINDINGS if isinstance(binding, Binding)]


def test_every_binding_has_an_id_for_the_help_and_keymaps() -> None:
    assert all(binding.id for binding in _reader_bindings())


async def test_the_help_lists_every_binding() -> None:
    app = ReaderApp(OTHER)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f1")
        shown = help_text(app)
        for binding in _reader_bindings():
            assert binding.description in shown, binding
            for key in binding.key.split(","):
                assert display_key(key) in shown, (key, binding)
        for pane in PANES:
            assert pane.TAB_LABEL in shown


async def test_the_help_follows_a_keymap(settle) -> None:
    app = ReaderApp(OTHER)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.set_keymap({"search.find": "ctrl+s", "pane.people": "ctrl+o"})
        await pilot.press("f1")
        rows = [line for line in help_text(app).splitlines() if "Search" in line or "People" in line]
        assert any("ctrl+s" in row and "Search" in row for row in rows), rows
        assert any("ctrl+o" in row and "People" in row for row in rows), rows
        await pilot.press("escape", "ctrl+s")
        assert app.focused is app.reader.search_bar


async def test_a_failed_analysis_shows_in_its_tab_and_the_app_goes_on(monkeypatch, settle) -> None:
    def broken(document, should_stop=analysis.never, corrections=()):
        raise RuntimeError("the people finder broke")

    monkeypatch.setattr(analysis, "people_stage", broken)
    app = ReaderApp(OTHER)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        info = str(app.reader.query_one(PeoplePane).info.render())
        assert "find people failed: the people finder broke" in info
        assert app.reader.summary is not None, "the other tab is not affected"
        quotes = app.reader.query_one("#quotes-pane")
        assert "need the people list" in str(quotes.info.render()), "the Quotes tab does not wait forever"
        assert not quotes.query_one("#quotes-list").loading
        assert not app.reader.query_one("AnalysisProgress").display, "no progress bar left running"
        await pilot.press("p", "j", "s", "enter")
        assert app.is_running and app.return_code is None


async def test_search_runs_in_a_worker_and_the_ui_answers_meanwhile(monkeypatch, seed_document, settle) -> None:
    release = threading.Event()
    real = search.find_hits

    def slow(text, query, **kwargs):
        release.wait(RELEASE_AFTER)
        return real(text, query, **kwargs)

    monkeypatch.setattr(search, "find_hits", slow)
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.reader.article
        await pilot.press("slash", *"putin", "enter")
        assert str(app.reader.query_one("#status").render()).startswith("Searching for putin")
        await pilot.press("j", "j")
        assert view.scroll_y == 2, "keys work while the search runs"
        release.set()
        await settle(pilot)
        hits = view.layer_spans("search")
        assert len(hits) == seed_document.text.lower().count("putin")
        assert str(app.reader.query_one("#status").render()).startswith(f"/putin  1/{len(hits)}")


async def test_many_search_hits_are_capped_and_the_status_says_so(settle) -> None:
    doc = document_from_plain_text("\n\n".join(["Every letter e here, and there, and everywhere."] * 2_000), "e.txt")
    assert doc.text.count("e") > search.MAX_SEARCH_HITS
    app = ReaderApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", "e", "enter")
        await settle(pilot)
        assert len(app.reader.article.layer_spans("search")) == search.MAX_SEARCH_HITS
        status = str(app.reader.query_one("#status").render())
        assert status.startswith(f"/e  1/{search.MAX_SEARCH_HITS}+") and "only the first" in status, status
        await pilot.press("N")
        assert str(app.reader.query_one("#status").render()).startswith(f"/e  {search.MAX_SEARCH_HITS}/")


@pytest.mark.parametrize("query", ["aa", "é", "ß", "needle"])
def test_chunked_search_finds_what_one_scan_finds(monkeypatch, query) -> None:
    import re

    monkeypatch.setattr(search, "CHUNK_CHARS", 7)  # many chunk edges, matches across them
    text = ("aaa needle É é ß SS needLE " * 40) + "aa"
    folded = search.fold(text)  # accents never matter; here folding keeps every length
    assert len(folded) == len(text)
    expected = [(m.start(), m.end()) for m in re.finditer(re.escape(search.fold(query)), folded, re.IGNORECASE)]
    found = search.find_hits(text, query)
    assert [(s.start, s.end) for s in found.spans] == expected and not found.capped


def test_a_stopped_search_raises_cancelled() -> None:
    with pytest.raises(analysis.Cancelled):
        search.find_hits("some text " * 100_000, "text", should_stop=lambda: True)


async def test_the_info_tab_shows_the_document_stats(seed_document, settle) -> None:
    from reader.ui.panes.info import InfoPane

    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        assert app.reader.side_pane.active == "info"
        console = Console(file=io.StringIO(), width=60)
        console.print(app.reader.query_one(InfoPane).query_one("#info-stats", Static).content)
        shown = console.file.getvalue()
        assert "1,481" in shown and f"{len(seed_document.sentences):,}" in shown and "6 min" in shown
        assert "trump_foreign_policy.txt" in "".join(shown.split())  # a long path wraps


async def test_escape_in_the_people_list_clears_its_filter_before_going_back_to_the_text(seed_document,
                                                                                         settle) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        people = app.reader.query_one("#people-list")
        everyone = people.option_count
        await pilot.press("p", "slash", *"trump", "enter")  # filtered, back in the list
        assert 0 < people.option_count < everyone and people.has_focus
        await pilot.press("escape")
        assert people.option_count == everyone, "Escape cleared the filter"
        assert people.has_focus and not app.reader.query_one("ListFilter").display
        await pilot.press("escape")
        assert app.reader.article.has_focus, "the next Escape goes on to the screen's ladder"


async def test_p_and_enter_while_the_people_are_still_being_found_are_not_lost(held_people_stage, seed_document,
                                                                               settle) -> None:
    """Before the list is filled it cannot take the focus: the reader is told, and the list takes the focus (and
    so the next Enter) once it is filled."""
    from .test_config import recorded_notifications

    release = held_people_stage
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        messages = recorded_notifications(app)
        await pilot.pause()
        await pilot.press("p")
        await pilot.press("enter")
        still = [m for m in messages if m.startswith("Still finding people")]
        assert len(still) == 2, messages  # one for p, one for Enter
        release.set()
        await settle(pilot)
        people = app.reader.query_one("#people-list")
        assert people.has_focus, "the filled list took the focus the p asked for"
        await pilot.press("enter")
        assert app.reader.targets is not None and app.reader.targets.kind == "mention"


def send_fast(app: ReaderApp, text: str) -> None:
    """Keys as a fast typist (or a paste) sends them: all queued before the first is handled."""
    from textual import events

    for character in text:
        app.post_message(events.Key({"/": "slash", "?": "question_mark"}.get(character, character), character))


async def test_what_is_typed_fast_after_slash_goes_into_the_search_bar(seed_document, settle) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        send_fast(app, "/putin")
        await settle(pilot)
        bar = app.reader.search_bar
        assert bar.display and bar.value == "putin", "no key ran as a command before the bar had the focus"
        assert app.reader.side_pane.display, "t (toggle pane) did not run"


async def test_what_is_typed_fast_after_slash_in_the_people_list_goes_into_its_filter(seed_document, settle) -> None:
    from reader.ui.panes.base import ListFilter
    from reader.ui.people_corrections import PickFromList

    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        send_fast(app, "/trump")
        await settle(pilot)
        assert not isinstance(app.screen, PickFromList), "m (merge) did not run"
        line = next(f for f in app.reader.query(ListFilter) if f.display)
        assert line.value == "trump"
        shown = app.reader.query_one("#people-list")
        assert 0 < shown.option_count < len(app.reader.people)
