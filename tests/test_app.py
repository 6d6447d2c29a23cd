"""Pilot tests: every key binding of the reader, driven as a user would."""

from __future__ import annotations

import io
import os
import signal

import pytest
from rich.console import Console
from textual import events
from textual.widgets import OptionList, Select, TabbedContent

from reader.document.build import document_from_plain_text
from reader.ui.app import ReaderApp
from reader.ui.article_view import ArticleView
from reader.ui.help_screen import HelpScreen
from reader.ui.panes import SummaryPane

from .conftest import settle

SIZE = (120, 36)


def status(app) -> str:
    return str(app.reader.query_one("#status").render())


@pytest.fixture
def seed_app(seed_document) -> ReaderApp:
    return ReaderApp(seed_document)


async def test_article_is_shown_with_title_and_stats(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        view = seed_app.reader.query_one(ArticleView)
        assert seed_app.focused is view
        assert view.virtual_size.height > 100
        header = str(seed_app.reader.query_one("#header").render())
        assert "trump_foreign_policy.txt" in header and "1,481 words" in header and "6 min" in header
        await settle(pilot)


async def test_scrolling_keys(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        view = seed_app.reader.query_one(ArticleView)
        await pilot.press("j", "j", "down")
        assert view.scroll_y == 3
        await pilot.press("k")
        assert view.scroll_y == 2
        await pilot.press("space")
        after_page = view.scroll_y
        assert after_page > 20
        await pilot.press("b")
        assert view.scroll_y == 2
        await pilot.press("pagedown")
        assert view.scroll_y == after_page
        await pilot.press("pageup", "ctrl+d")
        assert view.scroll_y == 2 + view.scrollable_content_region.height // 2
        await pilot.press("ctrl+u")
        assert view.scroll_y == 2
        await pilot.press("G")
        assert view.scroll_y == view.max_scroll_y > 0
        assert "100%" in str(seed_app.reader.query_one("#header").render())
        await pilot.press("g")
        assert view.scroll_y == 0
        await pilot.press("end")
        assert view.scroll_y == view.max_scroll_y
        await pilot.press("home")
        assert view.scroll_y == 0
        await settle(pilot)


async def test_mouse_wheel_scrolls(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        view = seed_app.reader.query_one(ArticleView)
        for _ in range(3):
            view.post_message(events.MouseScrollDown(view, 10, 10, 0, 1, 0, False, False, False))
        await pilot.pause()
        assert view.scroll_y > 0
        await settle(pilot)


async def test_help_opens_lists_keys_and_closes(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("h")
        assert isinstance(seed_app.screen, HelpScreen)
        console = Console(file=io.StringIO(), width=100)
        console.print(seed_app.screen.keys)
        keys = console.file.getvalue()
        for expected in ("Search", "Search backward", "Next", "Previous", "People", "Summary", "Quit", "pgdn",
                         "Longer summary", "ctrl+o", "Set mark", "Next summary algorithm"):
            assert expected in keys
        await pilot.press("escape")
        assert not isinstance(seed_app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(seed_app.screen, HelpScreen)
        await pilot.press("q")  # q closes help first, it does not quit
        assert not isinstance(seed_app.screen, HelpScreen)
        assert seed_app.is_running
        await settle(pilot)


async def test_q_quits(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert seed_app.return_code == 0


async def test_summary_tab_shows_sentences_and_length_keys(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        summary_list = seed_app.reader.query_one("#summary-list", OptionList)
        assert summary_list.option_count == 5
        assert len(seed_app.reader.query_one(ArticleView).layer_spans("summary")) == 5
        await pilot.press("plus")
        await settle(pilot)
        assert summary_list.option_count == 6
        await pilot.press("minus", "minus")
        await settle(pilot)
        assert seed_app.reader.query_one("#summary-list", OptionList).option_count == 4  # the latest request wins
        await pilot.press("minus")
        await settle(pilot)
        assert seed_app.reader.query_one("#summary-list", OptionList).option_count < 5


async def test_enter_on_second_summary_sentence_jumps_there(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("s")
        assert seed_app.focused.id == "summary-list"
        await pilot.press("down", "enter")
        await pilot.pause()
        index = seed_app.reader.query_one(SummaryPane).sentence_indices[1]
        span = seed_app.reader.document.sentences[index]
        view = seed_app.reader.query_one(ArticleView)
        assert view.layer_spans("current") == [span]
        assert view.is_offset_visible(span.start)
        if view.row_of(span.start) > view.scrollable_content_region.height:
            assert view.scroll_y > 0


async def test_switching_algorithm_changes_the_pane(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = seed_app.reader.query_one(SummaryPane).sentence_indices
        seed_app.reader.query_one("#algorithm", Select).value = "luhn"
        await pilot.pause()
        await settle(pilot)
        assert seed_app.reader.summary.algorithm == "luhn"
        after = seed_app.reader.query_one(SummaryPane).sentence_indices
        assert len(after) == len(before) == 5
        assert after != before


async def test_people_select_then_n_and_N_move_through_mentions(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        assert seed_app.reader.query_one("#side-pane", TabbedContent).active == "people"
        assert seed_app.focused.id == "people-list"
        await pilot.press("enter")
        await pilot.pause()
        top = seed_app.reader.people[0]
        total = len(top.mentions)
        assert top.name == "Donald Trump"
        assert status(seed_app).startswith(f"Donald Trump  1/{total}")
        view = seed_app.reader.query_one(ArticleView)
        assert len(view.layer_spans("mention")) == total
        await pilot.press("n", "n", "n")
        assert status(seed_app).startswith(f"Donald Trump  4/{total}")
        assert view.layer_spans("current") == [top.mentions[3]]
        assert view.is_offset_visible(top.mentions[3].start)
        await pilot.press("N")
        assert status(seed_app).startswith(f"Donald Trump  3/{total}")
        assert view.is_offset_visible(top.mentions[2].start)
        mentions = seed_app.reader.query_one("#mentions-list", OptionList)
        assert mentions.option_count == total and mentions.highlighted == 2
        await pilot.press("escape")  # the highlights go, the person stays: n goes on from the view
        assert view.layer_spans("mention") == [] and view.layer_spans("current") == []
        await pilot.press("n")
        assert len(view.layer_spans("mention")) == total


async def test_n_wraps_at_the_last_mention(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p", "enter", "N")
        total = len(seed_app.reader.people[0].mentions)
        assert status(seed_app).startswith(f"Donald Trump  {total}/{total}")
        await pilot.press("n")
        assert status(seed_app).startswith(f"Donald Trump  1/{total}")


async def test_enter_on_a_mention_line_jumps_there(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p", "enter")
        seed_app.reader.query_one("#mentions-list").focus()
        await pilot.press("end", "enter")
        await pilot.pause()
        last = seed_app.reader.people[0].mentions[-1]
        assert seed_app.reader.query_one(ArticleView).layer_spans("current") == [last]
        assert seed_app.reader.query_one(ArticleView).is_offset_visible(last.start)


async def test_search_highlights_and_n_moves(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash")
        assert seed_app.focused.id == "search-bar"
        await pilot.press(*"putin", "enter")
        await settle(pilot)
        view = seed_app.reader.query_one(ArticleView)
        hits = view.layer_spans("search")
        assert len(hits) == seed_app.reader.document.text.lower().count("putin")
        assert status(seed_app).startswith(f"/putin  1/{len(hits)}")
        await pilot.press("n")
        assert status(seed_app).startswith(f"/putin  2/{len(hits)}")
        assert view.is_offset_visible(hits[1].start)
        await pilot.press("slash", *"zzzz", "enter")
        await settle(pilot)
        assert "not found" in status(seed_app)


async def test_escape_closes_search_bar(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", "a", "escape")
        assert not seed_app.reader.query_one("#search-bar").display
        assert seed_app.focused is seed_app.reader.query_one(ArticleView)
        await settle(pilot)


async def test_pane_toggle_and_width(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        pane = seed_app.reader.query_one("#side-pane")
        view = seed_app.reader.query_one(ArticleView)
        narrow = pane.size.width
        await pilot.press("w")
        await pilot.pause()
        assert pane.size.width > narrow
        await pilot.press("t")
        await pilot.pause()
        assert not pane.display and view.size.width == SIZE[0]
        await pilot.press("t")
        await pilot.pause()
        assert pane.display
        await settle(pilot)


async def test_resize_keeps_the_reading_position(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        view = seed_app.reader.query_one(ArticleView)
        await pilot.press("space", "space")
        offset = view.top_offset
        await pilot.resize_terminal(90, 30)
        await pilot.pause()
        assert view.is_offset_visible(offset)
        await settle(pilot)


async def test_tab_cycles_focus(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        first = seed_app.focused
        await pilot.press("tab")
        assert seed_app.focused is not first
        await settle(pilot)


async def test_markup_in_the_article_is_shown_literally(settle) -> None:
    doc = document_from_plain_text("Look [bold]here[/] and [@click=app.quit]click[/] [link=x]y[/link].", "t")
    app = ReaderApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        view = app.reader.query_one(ArticleView)
        line = "".join(segment.text for segment in view.render_line(0))
        assert "[bold]here[/]" in line and "[@click=app.quit]" in line
        await settle(pilot)
        assert app.is_running


async def test_reopening_returns_to_the_reading_position(seed_document, tmp_path, settle) -> None:
    from reader.state import StateStore

    store_path = tmp_path / "state.json"
    app = ReaderApp(seed_document, state=StateStore(store_path))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("space", "space", "j")
        offset = app.reader.query_one(ArticleView).top_offset
        assert offset > 0
        await settle(pilot)
        await pilot.press("q")
    assert store_path.exists()
    again = ReaderApp(seed_document, state=StateStore(store_path))
    async with again.run_test(size=SIZE) as pilot:
        await pilot.pause()
        view = again.reader.query_one(ArticleView)
        assert view.top_offset == offset
        await settle(pilot)


async def test_search_after_a_person_leaves_the_mentions_list_alone(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p", "enter")
        await pilot.press("slash", *"the", "enter")
        await settle(pilot)
        await pilot.press("n", "n")
        assert seed_app.reader.query_one("#mentions-list", OptionList).option_count == 0
        assert status(seed_app).startswith("/the  ")
        view = seed_app.reader.query_one(ArticleView)
        assert view.layer_spans("mention") == [] and len(view.layer_spans("search")) > 10


async def test_sentences_option_survives_an_early_algorithm_change(seed_document, settle) -> None:
    app = ReaderApp(seed_document, sentences="12")
    async with app.run_test(size=SIZE) as pilot:
        app.reader.query_one("#algorithm", Select).value = "luhn"
        await pilot.pause()
        await settle(pilot)
        assert app.reader.summary.algorithm == "luhn"
        assert len(app.reader.summary.sentence_indices) == 12


async def test_only_the_latest_summary_request_is_shown(seed_app, settle) -> None:
    from reader.nlp.summary import summarize
    from reader.ui.messages import SummaryReady

    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("plus")
        await settle(pilot)
        assert len(seed_app.reader.summary.sentence_indices) == 6
        stale = summarize(seed_app.reader.document, "lexrank", 3)
        pane = seed_app.reader.query_one(SummaryPane)
        pane.post_message(SummaryReady(stale, pane.latest_request - 1, 3))  # a late, older result
        await pilot.pause()
        assert len(seed_app.reader.summary.sentence_indices) == 6
        assert seed_app.reader.query_one("#summary-list", OptionList).option_count == 6


async def test_plus_rings_the_bell_when_every_sentence_is_in_the_summary(settle) -> None:
    doc = document_from_plain_text("# Title\n\nOne sentence here. Two sentences now. Three of them.", "t")
    app = ReaderApp(doc)
    bells = []
    app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = len(app.reader.summary.sentence_indices)
        await pilot.press("plus")
        await settle(pilot)
        await pilot.press("plus")
        await settle(pilot)
        assert len(app.reader.summary.sentence_indices) == shown and bells


# ---------------------------------------------------------------------------------------- read like less and vim
ACCENTED = "\n\n".join(
    [f"Paragraph {i}. " + ("Natásha laughed. " if i % 10 == 3 else "") + "Filler words go here and on. " * 6
     for i in range(120)] + ["Then natasha came back. And NATASHA left."])


@pytest.fixture
def accented_app() -> ReaderApp:
    return ReaderApp(document_from_plain_text(ACCENTED, "accented.txt"))


async def search_for(pilot, key: str, query: str) -> None:
    await pilot.press(key, *query, "enter")
    await settle(pilot)


async def test_search_ignores_accents_and_uses_smart_case(accented_app, settle) -> None:
    async with accented_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = accented_app.reader.article
        await search_for(pilot, "slash", "natasha")
        text = accented_app.reader.document.text
        assert [text[s.start:s.end] for s in view.layer_spans("search")] == ["Natásha"] * 12 + ["natasha", "NATASHA"]
        await search_for(pilot, "slash", "Natasha")
        assert [text[s.start:s.end] for s in view.layer_spans("search")] == ["Natásha"] * 12
        assert status(accented_app).startswith("/Natasha  1/12")


async def test_search_starts_from_the_view_and_n_after_G_goes_on_from_there(accented_app, settle) -> None:
    async with accented_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = accented_app.reader.article
        await pilot.press("50", "percent_sign")
        middle = view.top_offset
        await search_for(pilot, "slash", "Natasha")
        current = view.layer_spans("current")[0]
        assert current.start >= middle and view.is_offset_visible(current.start)
        await pilot.press("G", "N")  # from the end of the text: the last hit, not the one before the old current
        hits = view.layer_spans("search")
        assert view.layer_spans("current") == [hits[-1]]
        await pilot.press("g", "n")
        assert view.layer_spans("current") == [hits[0]]


async def test_backward_search_and_wrapping_rings_the_bell(accented_app, settle) -> None:
    bells = []
    accented_app.bell = lambda: bells.append(1)  # type: ignore[method-assign]
    async with accented_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = accented_app.reader.article
        await pilot.press("G")
        await search_for(pilot, "question_mark", "Natasha")
        hits = view.layer_spans("search")
        assert view.layer_spans("current") == [hits[-1]] and status(accented_app).startswith("?Natasha  12/12")
        await pilot.press("n")  # after ?, n goes on backward
        assert view.layer_spans("current") == [hits[-2]]
        await pilot.press("N", "N")  # and N forward, wrapping at the end with the bell
        assert view.layer_spans("current") == [hits[0]] and bells
        assert status(accented_app).startswith("?Natasha  1/12")


async def test_counts_repeat_keys(accented_app, settle) -> None:
    async with accented_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = accented_app.reader.article
        await pilot.press("1", "0", "j")
        assert view.scroll_y == 10
        await pilot.press("3", "k")
        assert view.scroll_y == 7
        await pilot.press("g")
        await search_for(pilot, "slash", "Natasha")
        await pilot.press("5", "n")
        assert status(accented_app).startswith("/Natasha  6/12")
        await pilot.press("2", "5", "p")  # 25p: a quarter through the text, not the People tab
        assert accented_app.reader.side_pane.active == "summary"
        assert abs(view.top_offset - len(accented_app.reader.document.text) // 4) < 400


async def test_incremental_search_highlights_while_typing_and_escape_keeps_the_last_search(accented_app, settle) -> None:
    async with accented_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = accented_app.reader.article
        await search_for(pilot, "slash", "Natasha")
        await pilot.press("slash", *"filler")
        await settle(pilot)
        assert len(view.layer_spans("search")) > 100  # every hit of what is typed, before Enter
        await pilot.press("escape")
        assert not accented_app.reader.search_bar.display
        assert len(view.layer_spans("search")) == 12  # the last search is back
        await pilot.press("n")
        assert status(accented_app).startswith("/Natasha  ")


async def test_search_history_with_up_and_down(accented_app, settle) -> None:
    async with accented_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "slash", "natasha")
        await search_for(pilot, "slash", "filler")
        bar = accented_app.reader.search_bar
        await pilot.press("slash", "up")
        assert bar.value == "filler"
        await pilot.press("up")
        assert bar.value == "natasha"
        await pilot.press("down", "down")
        assert bar.value == ""
        await pilot.press("up", "enter")
        await settle(pilot)
        assert status(accented_app).startswith("/filler  ")


async def test_regex_search_and_a_bad_regex_is_one_line(accented_app, settle) -> None:
    async with accented_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await search_for(pilot, "slash", r"re:paragraph 1\d\.")
        assert status(accented_app).startswith(r"/re:paragraph 1\d\.  1/")
        assert len(accented_app.reader.article.layer_spans("search")) == 10  # paragraphs 10 to 19
        await search_for(pilot, "slash", "re:(unclosed")
        line = status(accented_app)
        assert "bad regular expression" in line and "\n" not in line
        assert accented_app.is_running


async def test_jump_list_back_forward_and_last_place(accented_app, settle) -> None:
    async with accented_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = accented_app.reader.article
        await pilot.press("1", "5", "j")
        start = view.top_offset
        await pilot.press("G")
        end = view.top_offset
        await pilot.press("ctrl+o")
        assert view.top_offset == start
        await pilot.press("ctrl+n")  # forward (ctrl+i where the terminal tells it from Tab)
        assert view.top_offset == end
        await pilot.press("backspace")
        assert view.top_offset == start
        await pilot.press("apostrophe", "apostrophe")  # '': back to the place before the latest jump
        assert view.top_offset == end
        await pilot.press("apostrophe", "apostrophe")
        assert view.top_offset == start


async def test_the_jump_list_survives_a_reopen(seed_document, tmp_path, settle) -> None:
    """As vim keeps its jumps in viminfo: ctrl+o after reopening goes back through the last session's jumps."""
    from reader.state import StateStore

    path = tmp_path / "state.json"
    app = ReaderApp(seed_document, state=StateStore(path))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.reader.article
        await pilot.press("2", "0", "j")
        before_search = view.top_offset
        await pilot.press("slash", *"Gershkovich", "enter")
        await settle(pilot)
        before_end = view.top_offset
        await pilot.press("G")
        end = view.top_offset
        assert len({before_search, before_end, end}) == 3
        await pilot.press("q")
    again = ReaderApp(seed_document, state=StateStore(path))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = again.reader.article
        assert view.top_offset == end
        await pilot.press("ctrl+o")
        assert view.top_offset == before_end
        await pilot.press("ctrl+o")
        assert view.top_offset == before_search
        await pilot.press("ctrl+n", "ctrl+n")
        assert view.top_offset == end


async def test_picking_a_person_goes_to_the_first_mention_after_the_view(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = seed_app.reader.article
        await pilot.press("5", "0", "percent_sign")
        before = view.top_offset
        await pilot.press("p", "enter")
        await pilot.pause()
        current = view.layer_spans("current")[0]
        assert current.start >= before and current != seed_app.reader.people[0].mentions[0]
        await pilot.press("ctrl+o")
        assert view.top_offset == before


async def test_marks_are_set_returned_to_and_saved(seed_document, tmp_path, settle) -> None:
    from reader.state import StateStore

    app = ReaderApp(seed_document, state=StateStore(tmp_path / "state.json"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.reader.article
        await pilot.press("2", "0", "j", "m", "a")
        marked = view.top_offset
        await pilot.press("G", "apostrophe", "a")
        assert view.top_offset == marked
        await pilot.press("apostrophe", "z")  # no such mark: the view stays
        assert view.top_offset == marked
        await pilot.press("q")
    again = ReaderApp(seed_document, state=StateStore(tmp_path / "state.json"))
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("g", "apostrophe", "a")
        assert again.reader.article.top_offset == marked


async def test_lists_move_with_j_k_g_G(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        people = seed_app.reader.query_one("#people-list", OptionList)
        await pilot.press("j", "j")
        assert people.highlighted == 2
        await pilot.press("k")
        assert people.highlighted == 1
        await pilot.press("G")
        assert people.highlighted == people.option_count - 1
        await pilot.press("g")
        assert people.highlighted == 0
        await pilot.press("space")
        assert people.highlighted > 1
        await pilot.press("b")
        assert people.highlighted == 0


async def test_a_key_changes_the_summary_algorithm(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert seed_app.reader.summary.algorithm == "auto"
        await pilot.press("a")
        await settle(pilot)
        assert seed_app.reader.summary.algorithm == "lexrank"
        assert seed_app.reader.query_one("#algorithm", Select).value == "lexrank"


async def test_tab_skips_the_tab_strip(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        from textual.widgets import Tabs

        for _ in range(6):
            await pilot.press("tab")
            assert not isinstance(seed_app.focused, Tabs)


async def test_ctrl_c_says_how_to_quit_without_markup(seed_app, settle) -> None:
    from .test_config import recorded_notifications

    messages = recorded_notifications(seed_app)
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+c")
        await pilot.pause()
        assert any("Press q" in m and "[b]" not in m for m in messages), messages


async def test_every_binding_is_a_palette_command_with_its_key(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        commands = {c.title: c.help for c in seed_app.get_system_commands(seed_app.reader)}
        assert commands["Search backward"] == "key: ?"
        assert commands["Next summary algorithm"] == "key: a"
        assert "ctrl+o" in commands["Back (jump list)"]
        await pilot.press("ctrl+p", *"next summary", "enter")
        await settle(pilot)
        assert seed_app.reader.summary.algorithm == "lexrank"


async def test_slash_in_a_list_filters_it_ignoring_accents(settle) -> None:
    text = "\n\n".join(["Natásha Rostóva spoke to Pierre Bezúkhov.", "Pierre Bezúkhov answered Natásha Rostóva.",
                        "Prince Andrew Bolkónski listened to Pierre Bezúkhov.", "Natásha Rostóva smiled."] * 3)
    app = ReaderApp(document_from_plain_text(text, "names.txt"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        people = app.reader.query_one("#people-list", OptionList)
        everyone = people.option_count
        assert everyone >= 2
        await pilot.press("slash", *"rostova")
        assert people.option_count == 1
        await pilot.press("enter")  # back to the list
        assert app.focused is people
        await pilot.press("enter")  # picks the one shown
        await pilot.pause()
        assert status(app).startswith("Natásha Rostóva  ")
        await pilot.press("p", "slash", "escape")  # Escape clears the filter
        assert people.option_count == everyone and app.focused is people


async def test_the_bars_follow_the_pane_width(seed_app, settle) -> None:
    async with seed_app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("p")
        people = seed_app.reader.query_one("#people-list", OptionList)

        def bar_width() -> int:
            return len(str(people.get_option_at_index(0).prompt).splitlines()[1])

        narrow = bar_width()
        await pilot.press("w")  # the wide pane
        await pilot.pause()
        await pilot.pause()
        assert bar_width() > narrow
        assert bar_width() <= people.scrollable_content_region.width


async def test_the_info_tab_takes_the_focus_so_no_key_goes_to_a_hidden_list(seed_app, settle) -> None:
    async with seed_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p", "i")
        await pilot.pause()
        info = seed_app.reader.query_one("#info-pane")
        assert seed_app.focused is not None and info in seed_app.focused.ancestors_with_self
        people_list = seed_app.reader.query_one("#people-list")
        highlighted = people_list.highlighted
        await pilot.press("j", "j")
        assert people_list.highlighted == highlighted, "j does not move the hidden People list"
        await pilot.press("escape")
        assert seed_app.focused is seed_app.reader.article


async def test_the_summary_opens_at_the_reading_position_and_keeps_its_sentence_when_it_grows(seed_app,
                                                                                               settle) -> None:
    async with seed_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        view, pane = seed_app.reader.article, seed_app.reader.query_one(SummaryPane)
        summary_list = seed_app.reader.query_one("#summary-list", OptionList)
        await pilot.press("3", "0", "percent_sign", "s")
        await settle(pilot)
        sentences = seed_app.reader.document.sentences
        starts = [sentences[i].start for i in pane.sentence_indices]
        expected = next(i for i, start in enumerate(starts) if start >= view.top_offset)
        assert expected > 0, "summary sentences above the middle of the seed article"
        assert summary_list.highlighted == expected
        chosen = pane.sentence_indices[expected]
        await pilot.press("plus")  # a longer summary: the cursor stays on its sentence
        await settle(pilot)
        assert pane.sentence_indices[summary_list.highlighted] == chosen


# ---------------------------------------------------------------------------------------------- lifecycle: signals
@pytest.mark.parametrize("number", [signal.SIGTERM, signal.SIGHUP])
async def test_a_signal_ends_the_app_as_q_does_with_the_reading_position(seed_document, tmp_path, number,
                                                                        settle) -> None:
    """SIGTERM (a shutdown) and SIGHUP (the terminal closed) once lost the reading position: only q saved it."""
    from reader.state import StateStore, document_key

    store = StateStore(tmp_path / "state.json")
    app = ReaderApp(seed_document, state=store)
    before = signal.getsignal(number)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("space", "space")
        offset = app.reader.article.top_offset
        assert offset > 0
        assert signal.getsignal(number) not in (signal.SIG_DFL, signal.SIG_IGN), "the app does not catch it"
        os.kill(os.getpid(), number)
        for _ in range(200):  # the handler runs on the next bytecode, the exit on the loop: wait for it
            if app.return_code is not None:
                break
            await pilot.pause(0.05)
    assert app.return_code == 128 + number and app.exit_signal == number
    assert StateStore(tmp_path / "state.json").get_position(document_key(seed_document)) == offset
    assert signal.getsignal(number) == before  # the handlers are put back when the app ends
