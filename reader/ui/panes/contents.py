"""The Contents tab: the parts and chapters of a book; Enter jumps to one, Enter on its summary line summarises it.

Each chapter is a row (parts unindented, chapters indented, where in the book it starts); every chapter (a leaf:
what ]/[ move through) has a dim "summary" line below it. Picking that line summarises the chapter alone in a
worker (``reader.nlp.passages.summarize_chapter``) and lists its sentences below; Enter on one jumps there.
The row of the chapter being read is marked as the reader scrolls.
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static
from textual.widgets.option_list import Option

from reader.document.chapters import leaf_chapters
from reader.document.model import Chapter, Document, Span
from reader.nlp.analysis import Cancelled, ShouldStop, SummaryOptions, analysis_refusal
from reader.nlp.results import Summary
from reader.ui.chapter_index import chapter_index, short_title
from reader.ui.panes.base import PaneInfo, PaneList, SidePane, matches
from reader.ui.snippets import clip
from reader.ui.spoiler_filter import spoiler_filter_of
from reader.wording import count_of

__all__ = ["ChapterList", "ChapterSummaryList", "ContentsPane"]


class ChapterList(PaneList):
    """Parts and chapters, each chapter followed by its summary line."""


class ChapterSummaryTitle(Static):
    """"Summary of ch. 12 (5 sentences)" above the chapter summary."""


class ChapterSummaryList(PaneList):
    """The sentences of one chapter's summary."""


class ContentsPane(SidePane):
    TAB_ID = "contents"
    TAB_LABEL = "Contents"
    SHORT_LABEL = "TOC"
    KEY = "c"
    ANALYSES = False  # the chapters are always shown; only a chapter summary is analysed, on request

    class ChapterChosen(Message):
        """Jump to the start of ``chapter``."""

        def __init__(self, chapter: Chapter) -> None:
            super().__init__()
            self.chapter = chapter

    class PassageChosen(Message):
        """Jump to a sentence of a chapter summary."""

        def __init__(self, span: Span) -> None:
            super().__init__()
            self.span = span

    class ChapterSummaryReady(Message):
        def __init__(self, chapter: Chapter, summary: Summary) -> None:
            super().__init__()
            self.chapter = chapter
            self.summary = summary

    def __init__(self, document: Document, options: SummaryOptions) -> None:
        super().__init__(document, options)
        self.rows: list[tuple[str, int]] = []  # per option: ("chapter" | "summary", index into chapters)
        self.summary_spans: list[Span] = []
        self.current: int | None = None  # index of the chapter being read
        self.chapter_summary: tuple[Chapter, Summary] | None = None  # the last one asked for, before the filter

    def compose(self) -> ComposeResult:
        yield PaneInfo("")
        yield ChapterList(id="contents-list")
        yield ChapterSummaryTitle("", id="chapter-summary-title")
        yield ChapterSummaryList(id="chapter-summary-list")

    @property
    def busy_widget(self) -> Widget:
        return self.query_one(ChapterSummaryList)

    def focus_main(self) -> None:
        self.query_one(ChapterList).focus()

    def on_mount(self) -> None:
        self._show_summary_area(False)
        index = chapter_index(self.document)
        chapters = index.chapters
        if not chapters:
            self.show_info("No chapters found in this text.")
            return
        self._fill_chapters()
        parts = sum(1 for chapter in chapters if chapter.level == 1)
        counts = [count_of(len(chapters) - parts, "chapter")] + ([count_of(parts, "part")] if parts else [])
        self.show_info(" · ".join(counts) + " · Enter: jump (on ≡: summarise) · / filters · ]/[: next/previous")

    def _fill_chapters(self) -> None:
        """The rows of the chapters whose title matches the filter (with the part they are in), each leaf followed
        by its summary line; the cursor on the chapter being read, when listed."""
        index = chapter_index(self.document)
        chapters = index.chapters
        leaves = set(leaf_chapters(chapters))
        total = max(1, len(self.document.text))
        shown = self._matching_chapters()
        options = []
        self.rows = []
        for number in shown:
            chapter = chapters[number]
            indent = "" if chapter.level == 1 else "  "
            # the title, not the label: "ch. 5" beside "Chapter 1" (after four letters) would only confuse
            prompt = Text.assemble(indent, (short_title(chapter.title, 60), "bold"),
                                   (f"  {round(100 * chapter.start / total)}%", "dim"), no_wrap=True,
                                   overflow="ellipsis")
            options.append(Option(prompt, id=f"chapter-{number}"))
            self.rows.append(("chapter", number))
            if chapter in leaves:
                # below its chapter's row: no label ("ch. 8.22" wrapped the row in an 80-column terminal)
                options.append(Option(Text(f"{indent}  ≡ summary", style="dim italic", no_wrap=True),
                                      id=f"chapter-summary-{number}"))
                self.rows.append(("summary", number))
        chapter_list = self.query_one(ChapterList)
        chapter_list.clear_options()
        chapter_list.add_options(options)
        if ("chapter", self.current) in self.rows:
            chapter_list.highlighted = self.rows.index(("chapter", self.current))
        elif options and self.filter_text:  # Enter picks the first match (unfiltered, the cursor starts unset)
            chapter_list.highlighted = 0

    def _matching_chapters(self) -> list[int]:
        """The numbers of the chapters to list: those whose title or label matches the filter, and the part
        (level 1) each of them is in."""
        index = chapter_index(self.document)
        shown: list[int] = []
        part: int | None = None
        for number, (chapter, label) in enumerate(zip(index.chapters, index.labels)):
            if chapter.level == 1:
                part = number
            if matches(self.filter_text, chapter.title, label):
                if part is not None and part not in shown and part != number:
                    shown.append(part)
                shown.append(number)
        return shown

    @property
    def filtered_list(self) -> ChapterList:
        return self.query_one(ChapterList)

    def apply_filter(self, text: str) -> None:
        self.filter_text = text
        if chapter_index(self.document).chapters:
            self._fill_chapters()

    # ------------------------------------------------------------------ the chapter being read
    def opened_at(self, on_screen: Span) -> None:
        """Opened: the cursor on the chapter at the top of the screen (unless it is on that chapter's rows), even
        before the marking follows a move (it waits for scrolling to pause)."""
        index = chapter_index(self.document).index_at(on_screen.start)
        chapter_list = self.query_one(ChapterList)
        row = chapter_list.highlighted
        if ("chapter", index) in self.rows and (row is None or self.rows[row][1] != index):
            chapter_list.move_to(self.rows.index(("chapter", index)))

    def mark_current(self, offset: int) -> None:
        """Highlight the row of the chapter holding ``offset`` (the list keeps its own cursor while focused)."""
        index = chapter_index(self.document).index_at(offset)
        if index == self.current:
            return
        self.current = index
        chapter_list = self.query_one(ChapterList)
        if ("chapter", index) in self.rows and not chapter_list.has_focus:
            chapter_list.move_to(self.rows.index(("chapter", index)))

    # ------------------------------------------------------------------ picking
    def on_option_list_option_selected(self, event: PaneList.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option_list, ChapterSummaryList):
            self.post_message(self.PassageChosen(self.summary_spans[event.option_index]))
            return
        kind, number = self.rows[event.option_index]
        chapter = chapter_index(self.document).chapters[number]
        if kind == "chapter":
            self.post_message(self.ChapterChosen(chapter))
        else:
            self.summarise(chapter)

    def summarise(self, chapter: Chapter) -> None:
        """Summarise ``chapter`` alone in a worker (a newer request replaces an older one)."""
        from reader.nlp.passages import summarize_chapter

        label = chapter_index(self.document).label_at(chapter.start) or "chapter"
        self._show_summary_area(True)
        self.query_one(ChapterSummaryTitle).update(Text(f"Summarising {label}…", style="dim"))
        self.query_one(ChapterSummaryList).clear_options()
        self.chapter_summary = None
        self.summary_spans = []
        refusal = analysis_refusal(self.document)
        if refusal:
            self.show_error(f"This text is {refusal}.")
            return
        self.set_busy(True)
        algorithm = self.options.algorithm

        def stage(should_stop: ShouldStop) -> Summary:
            from reader.nlp.summary import SummaryCancelled

            try:
                return summarize_chapter(self.document, chapter, algorithm, should_stop=should_stop)
            except SummaryCancelled:
                raise Cancelled from None

        self.run_stage(f"summarise {label}", stage, lambda summary: self.ChapterSummaryReady(chapter, summary))

    def on_contents_pane_chapter_summary_ready(self, message: ContentsPane.ChapterSummaryReady) -> None:
        message.stop()
        self.set_busy(False)
        self.chapter_summary = (message.chapter, message.summary)
        self._show_chapter_summary(message.chapter, message.summary, focus=True)

    def refilter(self) -> None:
        """Show the chapter summary again through the spoiler filter (the position moved, or the toggle)."""
        if self.chapter_summary is not None:
            chapter, summary = self.chapter_summary
            if spoiler_filter_of(self).summary(summary).spans != tuple(self.summary_spans):
                self._show_chapter_summary(chapter, summary, focus=False)

    def _show_chapter_summary(self, chapter: Chapter, full: Summary, focus: bool) -> None:
        summary = spoiler_filter_of(self).summary(full)
        label = chapter_index(self.document).label_at(chapter.start) or "chapter"
        hidden = len(full.spans) - len(summary.spans)
        title = f"Summary of {label} ({count_of(len(summary.spans), 'sentence')})"
        if hidden:
            title += f" · {hidden} not read yet (z: show)"
        self.query_one(ChapterSummaryTitle).update(Text(title, style="bold"))
        self.summary_spans = list(summary.spans)
        text = self.document.text
        summary_list = self.query_one(ChapterSummaryList)
        summary_list.clear_options()
        summary_list.add_options(Option(clip(text, span.start, span.end), id=f"passage-{i}")
                                 for i, span in enumerate(summary.spans))
        if summary.spans:
            summary_list.highlighted = 0
            if focus:
                summary_list.focus()

    def _show_summary_area(self, shown: bool) -> None:
        self.query_one(ChapterSummaryTitle).display = shown
        self.query_one(ChapterSummaryList).display = shown
PANE = ContentsPane
