"""The Quotes tab: who said what. The selected person's quotes, or every quote with its speaker; Enter jumps.

Quotes are found in a worker once the people list is known (``analysis.quotes_stage``, the stage ``reader
analyze`` runs too, through the app's ``AnalysisRunner``: cached per people list), and again whenever the list
changes (a correction in the People tab).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import TabbedContent
from textual.widgets.option_list import Option

from reader.document.model import Span
from reader.nlp import analysis
from reader.nlp.results import Person, Quote
from reader.ui.cached_analysis import analysis_runner
from reader.ui.panes.base import PaneInfo, PaneList, SidePane, matches, row_to_open
from reader.ui.snippets import clip
from reader.ui.spoiler_filter import spoiler_filter_of
from reader.ui.targets import Targets
from reader.wording import count_of

QUOTE_PROMPT_CHARS = 160  # about three rows of the pane
REFILTER_ROWS = 50  # more rows than this added or dropped at once: the list is built again
EAGER_ROWS = 500  # a longer list (War and Peace: 8,600 quotes, ~0.4 s of the UI thread) is built when first shown


class QuotesList(PaneList):
    """The quotes shown: one person's, or everyone's (Escape goes from one person's back to everyone's)."""

    BINDINGS = [Binding("escape", "everyone", "Everyone's quotes", id="quotes.everyone")]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape is this list's only while it shows one person's quotes; else it goes on to the screen."""
        if action == "everyone":
            pane = self.pane
            return pane is not None and pane.person is not None
        return super().check_action(action, parameters)

    @property
    def pane(self) -> QuotesPane | None:
        return next((a for a in self.ancestors if isinstance(a, QuotesPane)), None)

    def action_everyone(self) -> None:
        if self.pane is not None:
            self.pane.show_person(None)


@dataclass
class QuoteTargets(Targets):
    """n / N through the quotes listed; the status line names the current quote's speaker."""

    speakers: Sequence[str | None] = field(default_factory=tuple)

    def status(self) -> str:
        line = super().status()
        if self.current is None:
            return line
        speaker = self.speakers[self.index] if self.index < len(self.speakers) else None
        return f"{line}  · said by {speaker}" if speaker else f"{line}  · speaker not named"


def quote_counts(quotes: Sequence[Quote]) -> Counter[str]:
    """How many quotes each person (by key) is the speaker of."""
    return Counter(q.speaker for q in quotes if q.speaker)


def quote_at(quotes: Sequence[Quote], offset: int) -> Quote | None:
    """The quote whose span holds ``offset`` (quotes are in document order and do not overlap)."""
    index = bisect_right([q.span.start for q in quotes], offset) - 1
    if index >= 0 and offset < quotes[index].span.end:
        return quotes[index]
    return None


class QuotesPane(SidePane):
    """Every quotation, or the chosen person's; Enter jumps to it, n / N then move through the listed ones."""

    TAB_ID = "quotes"
    TAB_LABEL = "Quotes"
    SHORT_LABEL = "Quo"
    KEY = "quotation_mark"

    class Ready(Message):
        """Quotes were found for the people list ``people``."""

        def __init__(self, quotes: Sequence[Quote], people: Sequence[Person]) -> None:
            super().__init__()
            self.quotes = list(quotes)
            self.people = list(people)

    class QuoteChosen(Message):
        """The reader picked the ``index``-th listed quote; ``targets`` move through the listed ones."""

        def __init__(self, targets: QuoteTargets) -> None:
            super().__init__()
            self.targets = targets

    def compose(self) -> ComposeResult:
        self.quotes: list[Quote] = []
        self.names: dict[str, str] = {}
        self.person: Person | None = None
        self.shown: list[Quote] = []
        self.rows: list[Quote] = []  # the quotes the list's rows show (``shown`` once they are built)
        self._rows_stale = False
        self._open_at: Span | None = None  # the text on screen when the tab was opened, until the rows are built
        yield PaneInfo("Waiting for the people list…")
        yield QuotesList(id="quotes-list")

    @property
    def busy_widget(self) -> Widget:
        return self.query_one(QuotesList)

    def focus_main(self) -> None:
        self.query_one(QuotesList).focus()

    def start(self) -> None:
        self.set_busy(True)

    def find_quotes(self, people: Sequence[Person]) -> None:
        """Find the quotes of ``people`` (the latest list wins)."""
        people = list(people)
        self.set_busy(True, "Finding quotes…")
        runner = analysis_runner(self.app)
        self.run_stage(analysis.STAGES["quotes"].label,
                       lambda should_stop: runner.quotes(self.document, people, should_stop),
                       lambda quotes: self.Ready(quotes, people))

    # ------------------------------------------------------------------ results
    def on_quotes_pane_ready(self, message: Ready) -> None:
        """Show them; the message goes on to the screen (the article's marks, the People tab's counts)."""
        self.quotes = message.quotes
        self.names = {p.key: p.name for p in message.people}
        keys = {p.key for p in message.people}
        if self.person is not None and self.person.key not in keys:
            self.person = None  # merged away or hidden
        self.set_busy(False)
        self._fill()

    def show_person(self, person: Person | None) -> None:
        """List ``person``'s quotes, or everyone's (None); the highlighted quote stays highlighted if still listed."""
        if person == self.person:
            return
        self.person = person
        self._fill()
        self.query_one(QuotesList).refresh_bindings()  # Escape (everyone's) in the footer, or not

    def _listed(self) -> list[Quote]:
        """The quotes to list: the person's (or everyone's) that match the filter (/: words of the quote or the
        speaker's name), those read so far when spoilers are hidden."""
        person, wanted, text = self.person, self.filter_text, self.document.text
        quotes = [q for q in self.quotes if (person is None or q.speaker == person.key)
                  and matches(wanted, self.names.get(q.speaker or "", ""), *(text[p.start:p.end] for p in q.parts))]
        return spoiler_filter_of(self).spans(quotes, lambda quote: quote.span)

    @property
    def filtered_list(self) -> QuotesList:
        return self.query_one(QuotesList)

    def apply_filter(self, text: str) -> None:
        self.filter_text = text
        self._fill()

    def _fill(self) -> None:
        self.shown = self._listed()
        self._rows_stale = True
        if len(self.shown) <= EAGER_ROWS or self._on_screen():
            self._build_rows()
        self._show_counts()

    def refilter(self) -> None:
        """The reading position moved (or ``z``): list the quotes read so far, adding or dropping rows at the end
        (a few at a time while reading; the whole list when the change is large)."""
        shown, before = self._listed(), self.shown
        if len(shown) == len(before):  # both are the same list cut at a position: the same length is the same list
            return
        self.shown = shown
        if self._rows_stale or abs(len(shown) - len(before)) > REFILTER_ROWS:
            self._rows_stale = True
            if len(shown) <= EAGER_ROWS or self._on_screen():
                self._build_rows()
        else:
            quotes_list = self.query_one(QuotesList)
            self.rows = shown
            if len(shown) > len(before):
                quotes_list.add_options(self._row(index, shown[index]) for index in range(len(before), len(shown)))
            else:
                for index in range(len(before) - 1, len(shown) - 1, -1):
                    quotes_list.remove_option_at_index(index)
        self._show_counts()

    def _on_screen(self) -> bool:
        tabs = next((a for a in self.ancestors if isinstance(a, TabbedContent)), None)
        return tabs is None or (tabs.active == self.TAB_ID and tabs.display)

    def on_show(self) -> None:
        if self._rows_stale:
            self._build_rows()

    def opened_at(self, on_screen: Span) -> None:
        """Opened: the cursor on the first quote from the top of the screen (it stays on a quote in view)."""
        if self._rows_stale:
            self._open_at = on_screen  # the rows are built once shown
            return
        quotes_list = self.query_one(QuotesList)
        index = row_to_open([q.span.start for q in self.rows], on_screen, quotes_list.highlighted)
        if index is not None:
            quotes_list.move_to(index)

    def _build_rows(self) -> None:
        """The rows of the quotes listed (``shown``); the cursor stays on the quote it was on (or the first one
        after it, if that one left the list), or goes to the reading position when the tab was just opened."""
        self._rows_stale = False
        quotes_list = self.query_one(QuotesList)
        index = quotes_list.highlighted
        kept = self.rows[index].span if index is not None and index < len(self.rows) else None
        self.rows = self.shown
        options = [self._row(index, quote) for index, quote in enumerate(self.shown)]
        quotes_list.clear_options()
        quotes_list.add_options(options)
        starts = [q.span.start for q in self.shown]
        on_screen, self._open_at = self._open_at, None
        if on_screen is None:
            on_screen = Span(kept.start, kept.start + 1) if kept is not None else Span(0, 1)
        opened = row_to_open(starts, on_screen, None)
        if opened is not None:
            quotes_list.move_to(opened)

    def _row(self, index: int, quote: Quote) -> Option:
        """The list row of the ``index``-th listed quote: where, who (when everyone's are listed), what."""
        text = self.document.text
        head = Text(f"{round(100 * quote.span.start / max(1, len(text)))}%", style="dim")
        if self.person is None:
            name = self.names.get(quote.speaker or "")
            head.append("  " + (name or "speaker not named"), style="bold" if name else "dim italic")
        body = " … ".join(clip(text, part.start, part.end, QUOTE_PROMPT_CHARS) for part in quote.parts)
        return Option(Text.assemble(head, "\n", clip(body, 0, len(body), QUOTE_PROMPT_CHARS)), id=f"quote-{index}")

    def _show_counts(self) -> None:
        person = self.person
        so_far = " so far" if spoiler_filter_of(self).hidden else ""
        if person is not None and not self.shown:
            info = f"No quotation{so_far} is attributed to {person.name}"  # the footer shows the key to everyone's
        elif person is not None:
            info = f"{person.name}: {count_of(len(self.shown), 'quote')}{so_far}"
        elif self.shown:
            attributed = sum(1 for q in self.shown if q.speaker)
            info = f"{count_of(len(self.shown), 'quote')}{so_far}, {attributed:,} with a named speaker"
        elif self.quotes:
            info = "No quotations read yet (z: all)."
        else:
            info = "No quotations found in this text."
        self.show_info(info)

    def targets(self, index: int) -> QuoteTargets:
        """n / N through the listed quotes, at the ``index``-th."""
        label = f"Quotes of {self.person.name}" if self.person is not None else "Quote"
        targets = QuoteTargets(label, [q.span for q in self.shown], kind="quote",
                               speakers=[self.names.get(q.speaker or "") for q in self.shown])
        targets.jump_to(index)
        return targets

    def highlight_quote(self, index: int) -> None:
        quotes_list = self.query_one(QuotesList)
        if 0 <= index < quotes_list.option_count:
            quotes_list.highlighted = index

    def on_option_list_option_selected(self, event: PaneList.OptionSelected) -> None:
        event.stop()
        if event.option.id and event.option.id.startswith("quote-"):
            self.post_message(self.QuoteChosen(self.targets(int(event.option.id.rsplit("-", 1)[1]))))


def quoted_spans(quotes: Sequence[Quote]) -> list[Span]:
    """The quoted stretches to mark in the article (each part; the attribution between parts stays plain)."""
    return [part for q in quotes for part in q.parts]


PANE = QuotesPane
