"""The Contents tab: chapters listed, Enter jumps, ]/[ move between chapters, the chapter in the header and in
the rows, a summary per chapter (pilot and snapshot tests)."""

from __future__ import annotations

from reader.ui.app import ReaderApp
from reader.ui.article_view import ArticleView
from reader.ui.panes import ContentsPane, SummaryPane
from reader.ui.panes.contents import ChapterList, ChapterSummaryList

from .book_texts import book
from .conftest import settle

SIZE = (120, 36)


def header(app: ReaderApp) -> str:
    return str(app.reader.query_one("#header").render())


def top_chapter(app: ReaderApp) -> str | None:
    view = app.reader.query_one(ArticleView)
    chapter = app.reader.document.chapter_at(view.top_offset)
    return chapter.title if chapter else None


async def test_contents_lists_chapters_and_enter_jumps_there() -> None:
    app = ReaderApp(book())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        chapters = app.reader.query_one(ChapterList)
        assert app.focused is chapters
        prompts = [str(chapters.get_option_at_index(i).prompt) for i in range(chapters.option_count)]
        assert [p.strip().split("  ")[0] for p in prompts[::2]] == ["CHAPTER I", "CHAPTER II", "CHAPTER III",
                                                                    "CHAPTER IV"]
        assert [p.strip() for p in prompts[1::2]] == ["≡ summary"] * 4
        chapters.highlighted = 4  # CHAPTER III
        await pilot.press("enter")
        await pilot.pause()
        assert top_chapter(app) == "CHAPTER III"
        assert app.focused is app.reader.query_one(ArticleView)
        await pilot.pause(0.4)  # the header follows the position once scrolling pauses
        assert "ch. 3  CHAPTER III" in header(app)


async def test_brackets_move_between_chapters_and_stop_at_the_ends() -> None:
    app = ReaderApp(book())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("right_square_bracket")
        assert top_chapter(app) == "CHAPTER I"
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert top_chapter(app) == "CHAPTER III"
        await pilot.press("left_square_bracket")
        assert top_chapter(app) == "CHAPTER II"
        await pilot.press("right_square_bracket", "right_square_bracket", "right_square_bracket")
        assert top_chapter(app) == "CHAPTER IV"  # no chapter after the last: stays, with the bell


async def test_summary_rows_and_mentions_name_their_chapter() -> None:
    app = ReaderApp(book(), )
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("z")  # spoilers shown: the whole book's results
        await settle(pilot)
        summary = app.reader.query_one(SummaryPane).query_one("#summary-list")
        rows = [str(summary.get_option_at_index(i).prompt) for i in range(summary.option_count)]
        assert rows and all(row.startswith("ch. ") for row in rows), rows
        await pilot.press("p", "enter")
        await pilot.pause()
        mentions = app.reader.query_one("#mentions-list")
        labels = {str(mentions.get_option_at_index(i).prompt).split(" · ")[0] for i in range(mentions.option_count)}
        assert labels == {"ch. 1", "ch. 2", "ch. 3", "ch. 4"}  # Elizabeth Bennet is in every chapter


async def test_enter_on_a_summary_line_summarises_that_chapter_alone() -> None:
    document = book()
    app = ReaderApp(document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        chapters = app.reader.query_one(ChapterList)
        chapters.highlighted = 3  # the summary line of CHAPTER II
        await pilot.press("enter")
        await settle(pilot)
        sentences = app.reader.query_one(ChapterSummaryList)
        title = str(app.reader.query_one("#chapter-summary-title").render())
        assert sentences.option_count == 0 and "not read yet" in title  # a book: no spoilers by default
        await pilot.press("z")
        assert sentences.option_count > 0  # the same summary, no longer limited
        chapter = document.chapters[1]
        sentences.focus()
        pane = app.reader.query_one(ContentsPane)
        assert all(chapter.start <= span.start < chapter.end for span in pane.summary_spans)
        await pilot.press("enter")
        view = app.reader.query_one(ArticleView)
        assert view.layer_spans("current") == [pane.summary_spans[0]]


async def test_an_article_without_chapters_says_so() -> None:
    from reader.document.build import document_from_plain_text

    app = ReaderApp(document_from_plain_text("A short note.\n\nWith two paragraphs about Anna Smith.", "note.txt"))
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("c")
        assert "No chapters" in str(app.reader.query_one(ContentsPane).info.render())
        await pilot.press("right_square_bracket")  # nothing to move to: no crash, the article stays at the top
        assert app.reader.query_one(ArticleView).scroll_y == 0


def test_contents_tab_snapshot(snap_compare) -> None:
    async def run_before(pilot) -> None:
        await settle(pilot)
        await pilot.press("c", "down", "down", "down", "down", "down", "enter")
        await pilot.pause(0.4)
        await pilot.press("c")
        await settle(pilot)

    assert snap_compare(ReaderApp(book()), terminal_size=SIZE, run_before=run_before)


async def test_slash_filters_the_chapters_by_title_and_enter_jumps_to_one() -> None:
    app = ReaderApp(book(chapters=6))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c", "slash", *"iv")
        await pilot.pause()
        chapters = app.reader.query_one(ChapterList)
        prompts = [str(chapters.get_option_at_index(i).prompt).strip() for i in range(chapters.option_count)]
        assert prompts[0].startswith("CHAPTER IV") and prompts[1] == "≡ summary", prompts
        assert len(prompts) == 2, prompts
        await pilot.press("enter", "enter")  # Enter: back to the list, then jump to its first row
        await pilot.pause()
        assert top_chapter(app) == "CHAPTER IV"
        await pilot.press("c", "slash", "escape")  # Escape clears the filter: every chapter again
        await pilot.pause()
        assert chapters.option_count == 12
        await pilot.press("right_square_bracket")  # the chapter being read is marked as the reader moves on
        await pilot.pause(0.4)
        await pilot.press("c")
        await settle(pilot)
        assert chapters.highlighted is not None


async def test_slash_in_a_chapter_summary_filters_the_chapters() -> None:
    app = ReaderApp(book(chapters=6))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("z", "c", "down", "down", "enter")  # spoilers shown, the summary of CHAPTER I
        await settle(pilot)
        assert app.focused is app.reader.query_one(ChapterSummaryList)
        await pilot.press("slash", *"vi")
        await pilot.pause()
        chapters = app.reader.query_one(ChapterList)
        prompts = [str(chapters.get_option_at_index(i).prompt).strip() for i in range(chapters.option_count)]
        assert len(prompts) == 2 and prompts[0].startswith("CHAPTER VI"), prompts


async def test_the_contents_open_at_the_chapter_being_read() -> None:
    app = ReaderApp(book(chapters=6))
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press(*["right_square_bracket"] * 5, "c")  # at once: before the marking follows the move
        chapters = app.reader.query_one(ChapterList)
        pane = app.reader.query_one(ContentsPane)
        assert top_chapter(app) == "CHAPTER V"
        assert pane.rows[chapters.highlighted] == ("chapter", 4)
        await settle(pilot)
        top = chapters._index_to_line[chapters.highlighted]  # Textual's row -> line map: the row is in view
        assert chapters.scroll_y <= top < chapters.scroll_y + chapters.scrollable_content_region.height


def long_book():
    """Two books of fourteen chapters: labels as long as "ch. 2.14", rows indented under their part."""
    from reader.document.build import document_from_plain_text

    from .book_texts import FILLER

    numerals = ["I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII", "XIV"]
    parts = ["A Long Book\n\nby Jane Example"]
    for number, name in enumerate(["ONE", "TWO"]):
        parts.append(f"BOOK {name}: 180{number}")
        for numeral in numerals:
            parts += [f"CHAPTER {numeral}", FILLER * 3]
    return document_from_plain_text("\n\n".join(parts) + "\n", "long_book.txt")


async def test_every_contents_row_is_one_line_at_80_columns() -> None:
    app = ReaderApp(long_book())
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("c")
        await settle(pilot)
        chapters = app.reader.query_one(ChapterList)
        room = chapters.scrollable_content_region.width - 2  # an option's padding
        widths = [chapters.get_option_at_index(i).prompt.cell_len for i in range(chapters.option_count)]
        assert chapters.option_count == 58 and max(widths) <= room, (max(widths), room)
