"""What the reading screen does for books: ]/[ between chapters, the chapter in the header, the Contents tab's
jumps, the no-spoilers toggle (z) following the reading position, and Escape back to the library.

A mixin of ``ReaderScreen`` (kept apart so the screen's module stays about reading); it uses the screen's
``document``, ``article``, ``spoilers`` and ``jump_to``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.timer import Timer

from reader.document.chapters import next_chapter, previous_chapter
from reader.document.model import Chapter, Span
from reader.ui.chapter_index import chapter_index
from reader.ui.header import ArticleHeader
from reader.ui.panes.contents import ContentsPane
from reader.ui.panes.people import PeoplePane
from reader.ui.panes.quotes import QuotesPane
from reader.ui.panes.summary import SummaryPane
from reader.ui.spoiler_filter import DEBOUNCE_SECONDS, reading_offset

if TYPE_CHECKING:
    from reader.ui.reader_screen import ReaderScreen

__all__ = ["BOOK_BINDINGS", "BookKeys"]

BOOK_BINDINGS = [
    Binding("right_square_bracket", "next_chapter", "Next chapter", key_display="]", show=False, id="book.next-chapter"),
    Binding("left_square_bracket", "previous_chapter", "Previous chapter", key_display="[", show=False,
            id="book.previous-chapter"),
    Binding("z", "toggle_spoilers", "No spoilers on/off", show=False, id="book.spoilers"),  # the header says it
]


class BookKeys:
    """Mixed into ReaderScreen."""

    _reading_timer: Timer | None = None
    _first_jump: Span | None = None

    def start_book_features(self: ReaderScreen) -> None:  # type: ignore[misc]
        """On mount: the header shows the chapter and the spoiler state; the filter starts at the position (again
        once the article is laid out: until then nothing is on screen)."""
        self._update_reading_position()
        self.call_after_refresh(self._update_reading_position)

    def on_resize(self: ReaderScreen) -> None:  # type: ignore[misc]
        self.reading_moved()  # more or fewer rows on screen: more or less read

    # ------------------------------------------------------------------ chapters
    def action_next_chapter(self: ReaderScreen) -> None:  # type: ignore[misc]
        self._go_to_chapter(next_chapter(self.document.chapters, self.article.top_offset), "last")

    def action_previous_chapter(self: ReaderScreen) -> None:  # type: ignore[misc]
        self._go_to_chapter(previous_chapter(self.document.chapters, self.article.top_offset), "first")

    def _go_to_chapter(self: ReaderScreen, chapter: Chapter | None, end: str) -> None:  # type: ignore[misc]
        if chapter is None:
            self.app.bell()
            message = "No chapters in this text." if not self.document.chapters else f"This is the {end} chapter."
            self.app.notify(message, timeout=2)
            return
        self.article.scroll_to_offset(chapter.start, top=True)
        self.read_on()

    def on_contents_pane_chapter_chosen(self: ReaderScreen, message: ContentsPane.ChapterChosen) -> None:  # type: ignore[misc]
        self._go_to_chapter(message.chapter, "last")

    def on_contents_pane_passage_chosen(self: ReaderScreen, message: ContentsPane.PassageChosen) -> None:  # type: ignore[misc]
        self.jump_to(message.span)
        self.read_on()

    # ------------------------------------------------------------------ no spoilers
    def action_toggle_spoilers(self: ReaderScreen) -> None:  # type: ignore[misc]
        self.spoilers.hidden = not self.spoilers.hidden
        self._update_reading_position(toggled=True)
        state = "on: the side pane shows only what you have read" if self.spoilers.hidden else "off: everything shown"
        self.app.notify(f"No spoilers {state}.", timeout=3)

    def reading_moved(self: ReaderScreen) -> None:  # type: ignore[misc]
        """The reader scrolled: follow the position once scrolling pauses (a held key moves many rows)."""
        if self._reading_timer is not None:
            self._reading_timer.stop()
        self._reading_timer = self.set_timer(DEBOUNCE_SECONDS, self._update_reading_position)

    def _update_reading_position(self: ReaderScreen, toggled: bool = False) -> None:  # type: ignore[misc]
        offset = reading_offset(self.article) if self.article.size.height else self.article.top_offset
        self.spoilers.offset = offset
        header = self.query_one(ArticleHeader)
        header.no_spoilers = self.spoilers.hidden
        header.chapter = chapter_index(self.document).trail(self.article.top_offset)
        contents = self.query_one(ContentsPane)
        contents.mark_current(self.article.top_offset)
        contents.refilter()
        self.query_one(PeoplePane).refilter()
        self.query_one(QuotesPane).refilter()
        self.show_quote_counts()
        summary_pane = self.query_one(SummaryPane)
        summary_pane.refilter()
        if self.summary is not None:
            self.article.set_layer("summary", list(self.spoilers.summary(self.summary).spans))
        if self.targets is None and (self.spoilers.hidden or toggled):  # never over a search or mention status
            self._refresh_idle_status()

    # ------------------------------------------------------------------ library
    def back_to_library(self: ReaderScreen) -> bool:  # type: ignore[misc]
        """Escape with nothing else to undo: back to the library this book was opened from (False: none)."""
        from reader.ui.library_screen import LibraryScreen

        if not any(isinstance(screen, LibraryScreen) for screen in self.app.screen_stack[:-1]):
            return False
        self.save_position()  # before the library rescans for its progress column
        self.app.pop_screen()
        return True

    def open_at(self: ReaderScreen, span: Span) -> None:  # type: ignore[misc]
        """Jump to ``span`` once the screen is shown (after the saved position is restored)."""
        self._first_jump = span

    def on_screen_resume(self: ReaderScreen) -> None:  # type: ignore[misc]
        span, self._first_jump = self._first_jump, None
        if span is not None:
            self.call_after_refresh(self.jump_to, span)
