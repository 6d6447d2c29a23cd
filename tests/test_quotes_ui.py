"""Issue 15 in the UI: the Quotes tab, quotes marked in the article, the speaker in the status line, quote counts
in the People tab, "About <name>" in the Summary tab. Driven with keys as a reader would."""

from __future__ import annotations

import pytest

from reader.nlp import analysis
from reader.nlp.about import about
from reader.ui.app import ReaderApp
from reader.ui.panes.quotes import QuotesPane

from .conftest import settle

SIZE = (120, 36)


@pytest.fixture(autouse=True)
def no_saved_corrections(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))


def status(app: ReaderApp) -> str:
    return str(app.reader.query_one("#status").render())


def option_texts(app: ReaderApp, selector: str) -> list[str]:
    options = app.reader.query_one(selector)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_quotes_are_found_after_the_people_and_marked_in_the_article(seed_document) -> None:
    expected = analysis.quotes_stage(seed_document)
    assert expected, "the seed article has quotations"
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.reader.quotes == expected
        marked = app.reader.article.layer_spans("quoted")
        assert marked == sorted(part for q in expected for part in q.parts)
        rows = option_texts(app, "#quotes-list")
        assert len(rows) == len(expected)
        names = {p.key: p.name for p in app.reader.people}
        for row, quote in zip(rows, expected):
            assert (names[quote.speaker] if quote.speaker else "speaker not named") in row


async def test_enter_on_a_quote_jumps_and_the_status_line_names_its_speaker(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        quotes = app.reader.quotes
        names = {p.key: p.name for p in app.reader.people}
        index = next(i for i, q in enumerate(quotes) if q.speaker and i > 3)  # one below the first screen of rows
        await pilot.press("quotation_mark", *["down"] * index, "enter")
        await pilot.pause()
        view = app.reader.article
        assert view.layer_spans("current") == [quotes[index].span]
        assert view.is_offset_visible(quotes[index].span.start)
        assert app.focused is view
        assert f"{index + 1}/{len(quotes)}" in status(app)
        assert f"said by {names[quotes[index].speaker]}" in status(app)
        await pilot.press("n")
        following = quotes[index + 1]
        assert view.layer_spans("current") == [following.span]
        expected = f"said by {names[following.speaker]}" if following.speaker else "speaker not named"
        assert expected in status(app)
        assert app.reader.query_one("#quotes-list").highlighted == index + 1, "the list follows n"


async def test_a_chosen_person_lists_only_their_quotes_and_the_people_tab_counts_them(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        people, quotes = app.reader.people, app.reader.quotes
        top = people[0]
        theirs = [q for q in quotes if q.speaker == top.key]
        assert theirs, "the most mentioned person of the seed article is quoted"
        rows = option_texts(app, "#people-list")
        for person, row in zip(people, rows):
            count = sum(1 for q in quotes if q.speaker == person.key)
            assert (f"❝{count}" in row) == bool(count), (person.name, row)
        await pilot.press("p", "enter")
        await pilot.pause()
        pane = app.reader.query_one(QuotesPane)
        assert pane.query_one("#quotes-list").option_count == len(theirs)
        assert f"{top.name}: {len(theirs)} quote" in str(pane.info.render())
        await pilot.press("escape")
        await pilot.pause()
        # Escape hides the highlights but keeps the person chosen, as it keeps a search (n / N go on)
        assert pane.query_one("#quotes-list").option_count == len(theirs)
        assert app.reader.article.layer_spans("mention") == []


def footer_keys(app: ReaderApp) -> dict[str, str]:
    from textual.widgets._footer import FooterKey

    return {key.description: key.key_display for key in app.screen.query(FooterKey)}


async def test_escape_in_one_persons_quotes_lists_everyones_again(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        quotes, top = app.reader.quotes, app.reader.people[0]
        theirs = [q for q in quotes if q.speaker == top.key]
        await pilot.press("p", "enter", "quotation_mark")
        await pilot.pause()
        quotes_list = app.reader.query_one("#quotes-list")
        assert quotes_list.option_count == len(theirs)
        assert app.focused is quotes_list
        assert footer_keys(app).get("Everyone's quotes") == "esc"
        await pilot.press("down", "escape")
        await pilot.pause()
        assert quotes_list.option_count == len(quotes)
        assert quotes[quotes_list.highlighted] == theirs[1], "the quote the cursor was on stays under it"
        assert "Everyone's quotes" not in footer_keys(app)
        assert app.focused is quotes_list
        await pilot.press("escape", "escape")  # nothing left to widen: the screen's Escape ladder (the mention
        await pilot.pause()                     # highlights hidden, then back to the article)
        assert quotes_list.option_count == len(quotes)
        assert app.reader.article.layer_spans("mention") == []
        assert app.focused is app.reader.article


async def test_the_keymap_can_rebind_everyones_quotes_and_the_people_corrections(seed_document, tmp_path) -> None:
    from reader.config import load_config

    path = tmp_path / "config.toml"
    path.write_text('[keys]\n"quotes.everyone" = "E"\n"people.hide" = "ctrl+h"\n')
    config = load_config(path)
    app = ReaderApp(seed_document, config=config)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert config.warnings == []  # every id is known: no "unknown binding id" notice
        top = app.reader.people[0]
        await pilot.press("p", "enter", "quotation_mark", "E")
        await pilot.pause()
        assert app.reader.query_one("#quotes-list").option_count == len(app.reader.quotes)
        await pilot.press("p", "ctrl+h")
        await settle(pilot)
        assert top.key not in {p.key for p in app.reader.people}


async def test_about_a_chosen_person_lists_sentences_that_mention_them_and_jumps(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        about_section = app.reader.query_one("#about")
        assert not about_section.display, "no person chosen: no About"
        await pilot.press("p", "down", "enter")  # the second person
        await settle(pilot)
        person = app.reader.people[1]
        assert about_section.display
        assert f"About {person.name}" in str(about_section.query_one("#about-title").render())
        expected = about(seed_document, app.reader.people, person)
        rows = option_texts(app, "#about-list")
        assert expected and len(rows) == len(expected)
        text = seed_document.text
        starts = [s.start for s in expected]
        assert starts == sorted(starts), "document order"
        for span in expected:
            assert any(m.start >= span.start and m.end <= span.end for m in person.mentions) or \
                text[span.start:span.end].split()[0].lower() in ("he", "she", "his", "her"), text[span.start:span.end]
        await pilot.press("s", "tab", "down", "enter")
        await pilot.pause()
        assert app.reader.article.layer_spans("current") == [expected[1]]


def _quotes_tab(pilot_keys: tuple[str, ...]):
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press(*pilot_keys)
        await pilot.pause()

    return run_before


def test_snapshot_quotes_tab(snap_compare, seed_path) -> None:
    from reader.document.load import load_document

    app = ReaderApp(load_document(str(seed_path)))
    assert snap_compare(app, terminal_size=SIZE, run_before=_quotes_tab(("quotation_mark", "down", "down", "enter")))


def test_snapshot_people_tab_with_quote_counts(snap_compare, seed_path) -> None:
    from reader.document.load import load_document

    app = ReaderApp(load_document(str(seed_path)))
    assert snap_compare(app, terminal_size=SIZE, run_before=_quotes_tab(("p",)))


async def test_slash_filters_the_quotes_by_their_words_or_speaker(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        text, quotes = seed_document.text, app.reader.quotes
        names = {p.key: p.name for p in app.reader.people}
        await pilot.press("quotation_mark", "slash", *"korea")
        await pilot.pause()
        quotes_list = app.reader.query_one("#quotes-list")
        korea = [q for q in quotes if "korea" in text[q.span.start:q.span.end].lower()]
        assert korea and quotes_list.option_count == len(korea)
        await pilot.press("enter", "enter")  # Enter: back to the list, then pick its first quote
        await pilot.pause()
        assert app.reader.article.layer_spans("current") == [korea[0].span]
        await pilot.press("quotation_mark", "slash", "escape")  # Escape clears the filter
        await pilot.pause()
        assert quotes_list.option_count == len(quotes)
        speaker = quotes[0].speaker
        await pilot.press("slash", *names[speaker].split()[-1].lower())
        await pilot.pause()
        assert quotes_list.option_count >= sum(1 for q in quotes if q.speaker == speaker)


@pytest.mark.parametrize("eager_rows", [500, 0])  # 0: the rows are built when the tab is first shown (a novel's)
async def test_the_quotes_open_at_the_first_quote_from_the_reading_position(seed_document, eager_rows,
                                                                           monkeypatch) -> None:
    from reader.ui.panes import quotes as quotes_module

    monkeypatch.setattr(quotes_module, "EAGER_ROWS", eager_rows)
    app = ReaderApp(seed_document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        quotes, view = app.reader.quotes, app.reader.article
        await pilot.press("5", "0", "percent_sign", "quotation_mark")
        await settle(pilot)
        quotes_list = app.reader.query_one("#quotes-list")
        expected = next(i for i, q in enumerate(quotes) if q.span.start >= view.top_offset)
        assert expected > 0, "the seed article has quotes before its middle"
        assert quotes_list.highlighted == expected
        top = quotes_list._index_to_line[expected]  # Textual's row -> line map: the cursor's row is in view
        assert quotes_list.scroll_y <= top < quotes_list.scroll_y + quotes_list.scrollable_content_region.height
        await pilot.press("down", "enter")  # picked: the text shows it; back in the list, the cursor is still on it
        await settle(pilot)
        await pilot.press("quotation_mark")
        await settle(pilot)
        assert quotes_list.highlighted == expected + 1


async def test_the_highlighted_quote_stays_when_the_list_is_refreshed(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        quotes, people = app.reader.quotes, app.reader.people
        await pilot.press("quotation_mark", "j", "j", "j")
        quotes_list = app.reader.query_one("#quotes-list")
        chosen = quotes[quotes_list.highlighted].span
        speakers = {q.speaker for q in quotes}
        unquoted = next(i for i, p in enumerate(people) if p.key not in speakers)
        await pilot.press("p", "g", *["j"] * unquoted, "d")  # a correction: people, then quotes, found again
        await settle(pilot)
        assert people[unquoted].key not in {p.key for p in app.reader.people}
        assert app.reader.quotes[quotes_list.highlighted].span == chosen
