"""No spoilers (z): on by default in a book, off in an article; the People list, counts, mentions and summary are
limited to the text read so far and follow the reading position (pilot and snapshot tests)."""

from __future__ import annotations

from reader.ui.app import ReaderApp
from reader.ui.article_view import ArticleView
from reader.ui.panes import PeoplePane, SummaryPane

from .book_texts import book
from .conftest import settle, wait_for_reading_position

SIZE = (120, 36)


def people_names(app: ReaderApp) -> list[str]:
    return [person.name for person in app.reader.query_one(PeoplePane).people]


def header(app: ReaderApp) -> str:
    return str(app.reader.query_one("#header").render())


async def test_a_book_hides_later_people_until_the_reader_gets_there() -> None:
    app = ReaderApp(book())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "no spoilers" in header(app) and "no spoilers" in str(app.reader.query_one("#status").render())
        assert "Fitzwilliam Darcy" not in people_names(app)  # he only comes in the last chapter
        assert "Elizabeth Bennet" in people_names(app)
        summary = app.reader.query_one(SummaryPane)
        view = app.reader.query_one(ArticleView)
        offset = app.reader.spoilers.offset
        assert all(span.end <= offset for span in summary.shown_spans)
        await pilot.press("G")  # read to the end: everyone, once scrolling pauses
        await wait_for_reading_position(pilot)
        assert "Fitzwilliam Darcy" in people_names(app)
        await pilot.press("g")
        await wait_for_reading_position(pilot)
        assert "Fitzwilliam Darcy" not in people_names(app)
        assert view.scroll_y == 0


async def test_counts_and_mentions_stop_at_the_reading_position() -> None:
    document = book()
    app = ReaderApp(document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        offset = app.reader.spoilers.offset
        pane = app.reader.query_one(PeoplePane)
        elizabeth = next(p for p in pane.people if p.name == "Elizabeth Bennet")
        everyone = next(p for p in pane.found if p.name == "Elizabeth Bennet")
        assert 0 < len(elizabeth.mentions) < len(everyone.mentions)
        assert all(mention.end <= offset for mention in elizabeth.mentions)
        await pilot.press("p", "enter")
        await pilot.pause()
        assert app.reader.query_one("#mentions-list").option_count == len(elizabeth.mentions)
        assert app.reader.targets is not None and len(app.reader.targets.spans) == len(elizabeth.mentions)


async def test_z_shows_everything_and_back() -> None:
    app = ReaderApp(book())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        summary = app.reader.query_one(SummaryPane)
        limited = len(summary.shown_spans)
        await pilot.press("z")
        assert "no spoilers" not in header(app)
        assert "Fitzwilliam Darcy" in people_names(app)
        assert len(summary.shown_spans) == len(summary.summary.spans) > limited
        await pilot.press("z")
        assert "no spoilers" in header(app)
        assert "Fitzwilliam Darcy" not in people_names(app)
        assert len(summary.shown_spans) == limited


async def test_an_article_shows_everything_by_default(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert "no spoilers" not in header(app)
        pane = app.reader.query_one(PeoplePane)
        assert pane.people == pane.found and pane.people


def test_spoiler_toggle_snapshot(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await wait_for_reading_position(pilot)  # the position followed once the layout settled
        await pilot.press("p")
        await pilot.pause()

    assert snap_compare(ReaderApp(book()), terminal_size=SIZE, run_before=run_before)


async def test_the_quotes_tab_and_the_quote_counts_stop_at_the_reading_position() -> None:
    from reader.document.build import document_from_plain_text
    from reader.ui.panes.quotes import QuotesPane

    from .book_texts import book_text

    text = book_text().replace("Elizabeth Bennet smiled.", "“We shall see the hills today,” said Elizabeth Bennet.")
    app = ReaderApp(document_from_plain_text(text, "quiet_house.txt"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        everyone = app.reader.quotes
        offset = app.reader.spoilers.offset
        read = [q for q in everyone if q.span.end <= offset]
        assert 0 < len(read) < len(everyone), "a quote read, later ones not"
        quotes_list = app.reader.query_one("#quotes-list")
        assert quotes_list.option_count == len(read)
        assert "so far" in str(app.reader.query_one(QuotesPane).info.render())
        elizabeth = next(p for p in app.reader.people if p.name == "Elizabeth Bennet")
        people = app.reader.query_one(PeoplePane)
        assert people.quote_counts[elizabeth.key] == len(read), "no count of the quotes still to come"
        await pilot.press("z")
        await pilot.pause()
        assert quotes_list.option_count == len(everyone)
        assert people.quote_counts[elizabeth.key] == len(everyone)
        await pilot.press("z")
        await pilot.pause()
        assert quotes_list.option_count == len(read)
        pane = app.reader.query_one(QuotesPane)
        for offset in (everyone[2].span.end, everyone[1].span.end, len(text)):  # reading on, back, to the end
            app.reader.spoilers.offset = offset
            pane.refilter()
            await pilot.pause()
            expected = [q for q in everyone if q.span.end <= offset]
            assert quotes_list.option_count == len(expected)
            rows = [quotes_list.get_option_at_index(i) for i in range(quotes_list.option_count)]
            assert [row.id for row in rows] == [f"quote-{i}" for i in range(len(expected))]
            assert all(str(row.prompt).startswith(f"{round(100 * q.span.start / len(text))}%")
                       for row, q in zip(rows, expected))


async def test_the_reading_position_follows_a_resize_of_the_text_alone() -> None:
    """Hiding the pane (or the pane laying itself out) changes the rows on screen but not the top row: what is
    read changes, and no spoilers follows it (it used to follow only a scroll or a terminal resize)."""
    from reader.ui.spoiler_filter import reading_offset

    app = ReaderApp(book())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await wait_for_reading_position(pilot)
        before = app.reader.spoilers.offset
        await pilot.press("t")
        await wait_for_reading_position(pilot)
        assert reading_offset(app.reader.article) != before, "a wider text shows more on the same rows"
        assert app.reader.spoilers.offset == reading_offset(app.reader.article)
