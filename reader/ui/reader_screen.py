"""The reading screen: one Document, its article view, the side-pane tabs, search, jump targets, status line.

Any Document can be given; the app opens another one by replacing this screen. The screen owns what the tabs
share: the highlight layers, what n / N move through, and the reading position (saved when it goes away).
"""

from __future__ import annotations

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import Footer, Input, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState, get_current_worker

from reader.document.model import Document, Span
from reader.nlp.analysis import Cancelled, SummaryOptions, analysis_refusal
from reader.nlp.results import Person, Quote, Summary
from reader.state import StateStore, document_key
from reader.ui import search
from reader.ui.article_view import ArticleView
from reader.ui.header import ArticleHeader
from reader.ui.help_screen import HelpScreen, help_sections
from reader.ui.messages import PeopleReady, SearchFinished, SummaryReady, WorkFailed
from reader.ui.panes import PANES, PeoplePane, SidePane, SummaryPane
from reader.ui.panes.quotes import QuotesPane, quote_counts, quoted_spans
from reader.ui.targets import Targets
from reader.wording import count_of


class SearchBar(Input):
    """The one-line search prompt above the status line."""


class StatusLine(Static):
    """The bottom line: what n / N move through, the analysis results, or a warning."""


def _tab_bindings() -> list[BindingType]:
    return [Binding(pane.KEY, f"show_tab('{pane.TAB_ID}')", pane.TAB_LABEL, show=pane.KEY_IN_FOOTER,
                    id=f"pane.{pane.TAB_ID}") for pane in PANES]


class ReaderScreen(Screen[None]):
    """Read one Document."""

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("slash", "search", "Search", id="search.find"),
        Binding("n", "next_target", "Next", id="search.next"),
        Binding("N", "previous_target", "Previous", id="search.previous"),
        *_tab_bindings(),
        Binding("plus,equals_sign", "summary_length(1)", "Longer summary", key_display="+", id="summary.longer"),
        Binding("minus", "summary_length(-1)", "Shorter summary", key_display="-", id="summary.shorter"),
        Binding("t", "toggle_pane", "Toggle pane", show=False, id="pane.toggle"),
        Binding("w", "toggle_wide", "Wide/narrow pane", show=False, id="pane.wide"),
        Binding("escape", "escape", "Clear / back", show=False, id="search.escape"),
    ]

    def __init__(self, document: Document, options: SummaryOptions = SummaryOptions(),
                 state: StateStore | None = None) -> None:
        super().__init__()
        self.document = document
        self.options = options
        self.state = state  # None: remember nothing (tests, snapshots)
        self.summary: Summary | None = None
        self.people: list[Person] = []
        self.quotes: list[Quote] = []
        self.targets: Targets | None = None
        self._article = ArticleView(document, id="article")  # kept: the position is saved after unmounting

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield ArticleHeader(self.document, id="header")
        with Horizontal(id="body"):
            yield self._article
            with TabbedContent(id="side-pane", initial=PANES[0].TAB_ID):
                for pane in PANES:
                    with TabPane(pane.TAB_LABEL, id=pane.TAB_ID):
                        yield pane(self.document, self.options)
        yield SearchBar(placeholder="Search (Enter: find, Escape: cancel)", id="search-bar")
        yield StatusLine(id="status")
        yield Footer()

    @property
    def article(self) -> ArticleView:
        return self._article

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def side_pane(self) -> TabbedContent:
        return self.query_one(TabbedContent)

    def on_mount(self) -> None:
        self.search_bar.display = False
        self.article.focus()
        refusal = analysis_refusal(self.document)
        if refusal:
            message = f"This text is {refusal}."
            for pane in self.query(SidePane):
                if pane.ANALYSES:
                    pane.refuse(message)
            self.set_status(Text(message, style="dim"))
        else:
            self.set_status(Text("Analysing…", style="dim"))
            for pane in self.query(SidePane):
                pane.start()
        self._restore_position()

    # ------------------------------------------------------------------ reading position
    def _restore_position(self) -> None:
        """Reopening an article returns to where the reader left it."""
        if self.state is None:
            return
        offset = self.state.get_position(document_key(self.document))
        if offset and 0 < offset < len(self.document.text):
            self.article.scroll_to_offset(offset, top=True)
            self.app.notify("Back where you left off (g: top).", timeout=3)
        self._show_state_warnings()

    def save_position(self) -> None:
        """Remember where the reader is (the first row on screen), if there is a state store."""
        if self.state is not None:
            self.state.set_position(document_key(self.document), self.article.top_offset)

    def _show_state_warnings(self) -> None:
        if self.state is not None:
            for warning in self.state.warnings:
                self.app.notify(warning, severity="warning", timeout=6)
            self.state.warnings.clear()

    def on_unmount(self) -> None:
        self.save_position()

    def action_quit(self) -> None:
        self.app.exit()

    # ------------------------------------------------------------------ results from the tabs
    def on_summary_ready(self, message: SummaryReady) -> None:
        """A tab showed a new summary (stale ones never get here): highlight its sentences."""
        self.summary = message.summary
        self.article.set_layer("summary", list(message.summary.spans))
        self._refresh_idle_status()

    def on_people_ready(self, message: PeopleReady) -> None:
        self.people = message.people
        self._refresh_idle_status()
        self.query_one(QuotesPane).find_quotes(message.people)

    # ------------------------------------------------------------------ status
    def set_status(self, text: str | Text) -> None:
        """Show ``text`` in the status line; a plain string is shown literally, never parsed as markup."""
        self.query_one(StatusLine).update(Text(text) if isinstance(text, str) else text)

    def _refresh_idle_status(self) -> None:
        if self.targets is not None:
            self.set_status(self.targets.status())
            return
        parts = []
        if self.summary is not None:
            count = count_of(len(self.summary.sentence_indices), "sentence")
            parts.append(f"Summary: {count} ({self.summary.algorithm})")
        if self.people or self.summary is not None:
            parts.append(f"People: {len(self.people)}")
        self.set_status(Text("  ·  ".join(parts) + "    ? help", style="dim"))

    # ------------------------------------------------------------------ jumping
    def jump_to(self, span: Span) -> None:
        self.article.set_layer("current", [span])
        self.article.scroll_to_offset(span.start)

    def _set_targets(self, targets: Targets | None, person: Person | None = None) -> None:
        """What n/N move through; the highlight layers and the mentions list follow it."""
        self.targets = targets
        for name in ("mention", "search"):
            self.article.set_layer(name, list(targets.spans) if targets and name == targets.kind else [])
        if targets is None:
            self.article.set_layer("current", [])
        self.query_one(PeoplePane).show_mentions(person)  # a person's list, or none
        self.query_one(QuotesPane).show_person(person)
        self.query_one(SummaryPane).show_about(person, self.people, self.quotes)
        self._refresh_idle_status()

    def _step(self, direction: int) -> None:
        if self.targets is None:
            self.app.notify("Nothing to move through: pick a person (p) or search (/) first.", timeout=3)
            return
        span, wrapped = self.targets.step(direction)
        if span is None:
            self.app.bell()
            self.set_status(self.targets.status())
            return
        if wrapped:
            self.app.bell()
            self.app.notify("Wrapped to the " + ("first" if direction > 0 else "last") + " one.", timeout=2)
        self.jump_to(span)
        self.set_status(self.targets.status())
        if self.targets.kind == "mention":
            self.query_one(PeoplePane).highlight_mention(self.targets.index)
        elif self.targets.kind == "quote":
            self.query_one(QuotesPane).highlight_quote(self.targets.index)

    def action_next_target(self) -> None:
        self._step(+1)

    def action_previous_target(self) -> None:
        self._step(-1)

    @on(SummaryPane.SentenceChosen)
    def _summary_sentence_chosen(self, event: SummaryPane.SentenceChosen) -> None:
        self.jump_to(self.document.sentences[event.index])
        self.article.focus()  # picked: go on reading there (s returns to the list)

    @on(PeoplePane.PersonChosen)
    def _person_chosen(self, event: PeoplePane.PersonChosen) -> None:
        person = event.person
        targets = Targets(person.name, person.mentions, kind="mention")
        self._set_targets(targets, person)
        span = targets.jump_to(0)
        if span is not None:
            self.jump_to(span)
            self.query_one(PeoplePane).highlight_mention(0)
        self.set_status(targets.status())
        self.article.focus()  # read on; n/N move through the mentions, p returns to the list

    @on(PeoplePane.MentionChosen)
    def _mention_chosen(self, event: PeoplePane.MentionChosen) -> None:
        if self.targets is None or self.targets.kind != "mention":
            return
        span = self.targets.jump_to(event.index)
        if span is not None:
            self.jump_to(span)
            self.set_status(self.targets.status())
            self.article.focus()

    # ------------------------------------------------------------------ search
    def action_search(self) -> None:
        bar = self.search_bar
        bar.display = True
        bar.value = ""
        bar.focus()

    @on(Input.Submitted, "SearchBar")
    def _search_submitted(self, event: Input.Submitted) -> None:
        self.search_bar.display = False
        self.article.focus()
        query = event.value.strip()
        if query:
            self.search(query)

    def search(self, query: str) -> None:
        """Find every case-insensitive occurrence of ``query`` in a worker (a book takes a while); the hits are
        highlighted and the first one after the view is jumped to when it is done."""
        self.set_status(Text(f"Searching for {query}…", style="dim"))
        origin = self.article.top_offset
        text = self.document.text

        def work() -> None:
            worker = get_current_worker()
            try:
                hits = search.find_hits(text, query, should_stop=lambda: worker.is_cancelled)
            except Cancelled:
                return
            if not worker.is_cancelled:
                self.post_message(SearchFinished(hits, origin))

        self.run_worker(work, thread=True, exclusive=True, group="search", exit_on_error=False, description="search")

    def on_search_finished(self, message: SearchFinished) -> None:
        hits = message.hits
        targets = Targets(f"/{hits.query}", hits.spans, kind="search", capped=hits.capped)
        self._set_targets(targets)
        if not hits.spans:
            self.app.bell()
            self.set_status(Text(f"Pattern not found: {hits.query}", style="red"))
            return
        span = targets.first_from(message.origin)
        if span is not None:
            self.jump_to(span)
        self.set_status(targets.status())

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.post_message(WorkFailed(event.worker.description, event.worker.error, None))

    # ------------------------------------------------------------------ pane
    def action_show_tab(self, tab: str) -> None:
        pane = self.side_pane
        pane.display = True
        pane.active = tab
        for side_pane in self.query(SidePane):
            if side_pane.TAB_ID == tab:
                side_pane.focus_main()

    def action_toggle_pane(self) -> None:
        pane = self.side_pane
        pane.display = not pane.display
        if not pane.display:
            self.article.focus()

    def action_toggle_wide(self) -> None:
        self.side_pane.toggle_class("wide")

    def action_summary_length(self, delta: int) -> None:
        self.query_one(SummaryPane).change_length(delta)

    # ------------------------------------------------------------------ misc
    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(help_sections(self.active_bindings)))

    def action_escape(self) -> None:
        """Escape ladder: close the search bar, then clear the selection, then return focus to the article."""
        bar = self.search_bar
        if bar.display:
            bar.display = False
            self.article.focus()
            return
        if self.targets is not None or self.article.layer_spans("current"):
            self._set_targets(None)
            return
        self.article.focus()

    def on_article_view_scrolled(self, event: ArticleView.Scrolled) -> None:
        self.query_one(ArticleHeader).progress = event.progress

    # ------------------------------------------------------------------ quotes (issue 15)
    def on_quotes_pane_ready(self, message: QuotesPane.Ready) -> None:
        """Quotes of the current people list: marked in the article, counted in the People tab."""
        self.quotes = message.quotes
        self.article.set_layer("quoted", quoted_spans(message.quotes))
        self.query_one(PeoplePane).show_quote_counts(dict(quote_counts(message.quotes)))
        person = self.query_one(QuotesPane).person
        if person is not None:
            self.query_one(SummaryPane).show_about(person, self.people, self.quotes)

    @on(QuotesPane.QuoteChosen)
    def _quote_chosen(self, event: QuotesPane.QuoteChosen) -> None:
        """Jump to the quote; n / N move through the listed ones, the status line names the speaker."""
        person = self.query_one(QuotesPane).person
        self._set_targets(event.targets, person)
        if event.targets.current is not None:
            self.jump_to(event.targets.current)
        self.query_one(QuotesPane).highlight_quote(event.targets.index)
        self.set_status(event.targets.status())
        self.article.focus()
