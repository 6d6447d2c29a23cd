"""The Summary tab: algorithm picker, the picked sentences in document order, Enter jumps to one, +/- length."""

from __future__ import annotations

from dataclasses import replace

from rich.text import Text
from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Select
from textual.widgets.option_list import Option

from reader.document.model import Document, Span
from reader.nlp import analysis
from reader.nlp.results import Person, Quote, Summary
from reader.nlp.summarizers import ALGORITHMS
from reader.ui.about_section import AboutSection
from reader.ui.cached_analysis import analysis_runner
from reader.ui.chapter_index import chapter_index
from reader.ui.messages import SummaryReady
from reader.ui.panes.base import PaneInfo, PaneList, SidePane, matches, row_to_open
from reader.ui.snippets import clip
from reader.ui.spoiler_filter import spoiler_filter_of
from reader.wording import count_of


class SummaryPane(SidePane):
    """Shows the latest summary asked for; only the latest request's result is shown."""

    TAB_ID = "summary"
    TAB_LABEL = "Summary"
    SHORT_LABEL = "Sum"
    KEY = "s"

    class SentenceChosen(Message):
        """The reader picked summary sentence ``index`` (an index into ``Document.sentences``)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, document: Document, options: analysis.SummaryOptions) -> None:
        super().__init__(document, options)
        self._indices: list[int] = []
        self._request = 0  # number of the latest request; older results are dropped
        self._saturated = False  # the last summary already holds every sentence it could
        self.shown_spans: list[Span] = []
        self.row_spans: list[Span] = []  # the sentence of each row of the list (those matching the filter)
        self.summary: Summary | None = None

    def compose(self) -> ComposeResult:
        choices = [(info.label, name) for name, info in ALGORITHMS.items()]
        yield Select(choices, value=self.options.algorithm, allow_blank=False, id="algorithm",
                     tooltip="Summary algorithm (sumy)")
        yield PaneInfo("Summarising…")
        yield PaneList(id="summary-list")
        yield AboutSection(self.document, id="about")

    @property
    def busy_widget(self) -> Widget:
        return self.query_one(PaneList)

    def focus_main(self) -> None:
        self.query_one(PaneList).focus()

    @property
    def sentence_indices(self) -> list[int]:
        return list(self._indices)

    @property
    def latest_request(self) -> int:
        """The number of the latest summary request (a result for an older one is dropped)."""
        return self._request

    # ------------------------------------------------------------------ requests
    def start(self) -> None:
        self.request(self.options)

    def request(self, options: analysis.SummaryOptions, message: str | None = None) -> None:
        """Ask for a summary; only the latest request's result is shown (older ones are cancelled or dropped)."""
        self._request += 1
        request = self._request
        self.options = options
        self.set_busy(True, message)
        runner = analysis_runner(self.app)
        self.run_stage(
            analysis.STAGES["summary"].label,
            lambda should_stop: runner.summary(self.document, options, should_stop),
            lambda summary: SummaryReady(summary, request, options.resolved_count(self.document)),
        )

    def change_length(self, delta: int) -> None:
        """One sentence more (+1) or fewer (-1); the bell when the summary cannot grow or shrink."""
        if self.summary is None:
            return
        total = len(self.document.sentences)
        current = self.options.count or len(self.summary.sentence_indices)  # a pending request counts
        count = max(1, min(total, current + delta))
        if count == current or (delta > 0 and self._saturated):
            self.app.bell()  # already the shortest, or already every sentence a summary may hold
            return
        self._saturated = False
        # an explicit count replaces --sentences from now on
        self.request(replace(self.options, count=count, sentences=None), f"Summarising: {count} sentences…")

    def next_algorithm(self) -> None:
        """Summarise with the next algorithm in the picker's order (the key ``a``)."""
        names = list(ALGORITHMS)
        current = self.options.algorithm
        following = names[(names.index(current) + 1) % len(names)] if current in names else names[0]
        self.query_one(Select).value = following  # Select.Changed asks for the summary

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value != self.options.algorithm and isinstance(event.value, str):
            self.request(replace(self.options, algorithm=event.value), f"Summarising with {event.value}…")

    # ------------------------------------------------------------------ results
    def on_summary_ready(self, message: SummaryReady) -> None:
        if message.request != self._request:
            message.stop()  # a newer request is on its way
            return
        summary = message.summary
        picked = len(summary.sentence_indices)
        self._saturated = message.requested is not None and picked < message.requested
        self.summary = summary
        count = picked if self.options.count is not None else None  # what + and - start from
        self.options = replace(self.options, algorithm=summary.algorithm, count=count)
        self._show(spoiler_filter_of(self).summary(summary))  # the message goes on to the screen: highlights, status

    def refilter(self) -> None:
        """Show the summary again through the spoiler filter (the reading position moved, or the toggle)."""
        if self.summary is not None:
            shown = spoiler_filter_of(self).summary(self.summary)
            if shown.spans != tuple(self.shown_spans):
                self._show(shown)

    def _show(self, summary: Summary) -> None:
        self._indices = list(summary.sentence_indices)
        self.shown_spans = list(summary.spans)  # a cached summary paints without splitting the sentences
        self._fill()
        info = f"{count_of(len(self._indices), 'sentence')} picked"
        if self.summary is not None and len(self._indices) < len(self.summary.spans):
            total = len(self.summary.spans)  # the spoiler filter's word is enough: the note would fill the pane
            info = (f"{len(self._indices)} of {total} sentences, those read so far (z: all)" if self._indices else
                    f"Nothing read yet: the recap grows as you read (z: all {total})")
        elif summary.note:
            info += f" · {summary.note}"
        self.set_busy(False)
        self.show_info(info)
        select = self.query_one(Select)
        if select.value != summary.algorithm:
            with self.prevent(Select.Changed):
                select.value = summary.algorithm

    @property
    def filtered_list(self) -> PaneList:
        return self.query_one("#summary-list", PaneList)

    def apply_filter(self, text: str) -> None:
        self.filter_text = text
        self._fill()

    def _fill(self) -> None:
        """The picked sentences that match the filter, in document order; the cursor stays on its sentence (or
        the next one, if that one left the list)."""
        doc = self.document
        summary_list = self.query_one(PaneList)
        index = summary_list.highlighted
        kept = self.row_spans[index].start if index is not None and index < len(self.row_spans) else 0
        self.row_spans = []
        options = []
        total = max(1, len(doc.text))
        chapters = chapter_index(doc)
        for index, span in zip(self._indices, self.shown_spans):
            if not matches(self.filter_text, doc.text[span.start:span.end]):
                continue
            paragraph = doc.paragraph_index_at(span.start) + 1
            where = chapters.prefixed(span.start, f"¶{paragraph} · {round(100 * span.start / total)}%")
            prompt = Text.assemble((where, "dim"), "\n", clip(doc.text, span.start, span.end))
            options.append(Option(prompt, id=f"sentence-{index}"))
            self.row_spans.append(span)
        summary_list.clear_options()
        summary_list.add_options(options)
        self._highlight_near(Span(kept, kept + 1), None)

    def opened_at(self, on_screen: Span) -> None:
        """Opened: the cursor on the first sentence from the top of the screen (it stays on one in view)."""
        self._highlight_near(on_screen, self.query_one(PaneList).highlighted)

    def _highlight_near(self, on_screen: Span, current: int | None) -> None:
        row = row_to_open([span.start for span in self.row_spans], on_screen, current)
        if row is not None:
            self.query_one(PaneList).move_to(row)

    def on_option_list_option_selected(self, event: PaneList.OptionSelected) -> None:
        event.stop()
        self.post_message(self.SentenceChosen(int(event.option.id.rsplit("-", 1)[1])))

    # ------------------------------------------------------------------ about a person (issue 15)
    def show_about(self, person: Person | None, people: list[Person], quotes: list[Quote]) -> None:
        """Offer "About NAME" below the summary while ``person`` is selected (None: hide it)."""
        self.query_one(AboutSection).show(person, people, quotes)

    def on_about_section_sentence_chosen(self, message: AboutSection.SentenceChosen) -> None:
        message.stop()
        self.post_message(self.SentenceChosen(message.index))  # jumps like a summary sentence


PANE = SummaryPane
