"""The Textual app: article view, side pane (Summary, People), search, status line, help.

It only renders and navigates: the Document comes from ``reader.document`` and every analysis from
``reader.nlp``, computed in worker threads whose results arrive as messages.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from rich.text import Text
from textual import on, work
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Footer, Input, Static, TabbedContent, TabPane
from textual.worker import Worker, WorkerState, get_current_worker

from reader.document.model import Document, Span
from reader.nlp.analysis import analysis_refusal
from reader.nlp.summarizers import ALGORITHMS
from reader.state import StateStore, document_key
from reader.ui.article_view import ArticleView
from reader.ui.header import ArticleHeader
from reader.ui.help_screen import HelpScreen
from reader.ui.messages import PeopleReady, SummaryReady
from reader.ui.people_pane import PeoplePane
from reader.ui.summary_pane import SummaryPane
from reader.ui.targets import Targets
from reader.wording import count_of


@contextmanager
def _unless_cancelled(worker: Worker) -> Iterator[None]:
    """Run a worker's body; a cancelled worker's result is dropped and its stop exception swallowed."""
    try:
        yield
    except Exception:
        if not worker.is_cancelled:
            raise


class ReaderApp(App[None]):
    """Read one Document."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("question_mark,f1", "help", "Help", id="app.help"),
        Binding("slash", "search", "Search", id="app.search"),
        Binding("n", "next_target", "Next", id="app.next"),
        Binding("N", "previous_target", "Previous", id="app.previous"),
        Binding("s", "show_tab('summary')", "Summary", id="app.summary"),
        Binding("p", "show_tab('people')", "People", id="app.people"),
        Binding("plus,equals_sign", "summary_length(1)", "Longer summary", key_display="+", id="app.summary-longer"),
        Binding("minus", "summary_length(-1)", "Shorter summary", key_display="-", id="app.summary-shorter"),
        Binding("t", "toggle_pane", "Toggle pane", show=False, id="app.toggle-pane"),
        Binding("w", "toggle_wide", "Wide/narrow pane", show=False, id="app.wide-pane"),
        Binding("escape", "escape", "Clear / back", show=False, id="app.escape"),
    ]

    def __init__(self, document: Document, *, algorithm: str = "lexrank", sentences: str | None = None,
                 state: StateStore | None = None) -> None:
        super().__init__()
        self.document = document
        self.state = state  # None: remember nothing (tests, snapshots)
        self.algorithm = algorithm
        self.summary_count: int | None = None  # None: the default length for this document
        self._sentences_spec = sentences
        self.summary: Any = None
        self.people: list[Any] = []
        self.targets: Targets | None = None
        self._summary_request = 0  # number of the latest summary request; older results are dropped
        self._summary_saturated = False  # the last summary already holds every sentence it could

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield ArticleHeader(self.document, id="header")
        with Horizontal(id="body"):
            yield ArticleView(self.document, id="article")
            with TabbedContent(id="side-pane", initial="summary"):
                with TabPane("Summary", id="summary"):
                    choices = [(info.label, name) for name, info in ALGORITHMS.items()]
                    yield SummaryPane(self.document, choices, self.algorithm, id="summary-pane")
                with TabPane("People", id="people"):
                    yield PeoplePane(self.document, id="people-pane")
        yield Input(placeholder="Search (Enter: find, Escape: cancel)", id="search-bar")
        yield Static(id="status")
        yield Footer()

    @property
    def article(self) -> ArticleView:
        return self.query_one("#article", ArticleView)

    def on_mount(self) -> None:
        self.query_one("#search-bar").display = False
        self.article.focus()
        refusal = analysis_refusal(self.document)
        if refusal:
            message = f"This text is {refusal}."
            self.query_one(SummaryPane).show_error(message)
            self.query_one(PeoplePane).show_error(message)
            self.set_status(Text(message, style="dim"))
        else:
            self.set_status(Text("Analysing…", style="dim"))
            self.request_summary(self.algorithm, None)
            self.compute_people()
        self._restore_position()

    # ------------------------------------------------------------------ reading position
    def _restore_position(self) -> None:
        """Reopening an article returns to where the reader left it."""
        if self.state is None:
            return
        offset = self.state.get_position(document_key(self.document))
        if offset and 0 < offset < len(self.document.text):
            self.article.scroll_to_offset(offset, top=True)
            self.notify("Back where you left off (g: top).", timeout=3)
        self._show_state_warnings()

    def _save_position(self) -> None:
        if self.state is not None:
            self.state.set_position(document_key(self.document), self.article.top_offset)

    def _show_state_warnings(self) -> None:
        if self.state is not None:
            for warning in self.state.warnings:
                self.notify(warning, severity="warning", timeout=6)
            self.state.warnings.clear()

    async def action_quit(self) -> None:
        self._save_position()
        self.exit()

    # ------------------------------------------------------------------ workers
    def request_summary(self, algorithm: str, count: int | None) -> None:
        """Ask for a summary; only the latest request's result is shown (older ones are cancelled or dropped)."""
        self._summary_request += 1
        spec = self._sentences_spec if count is None else None  # --sentences applies until the reader changes it
        self.compute_summary(self._summary_request, algorithm, count, spec)

    @work(thread=True, exclusive=True, group="summary", exit_on_error=False, description="summarise")
    def compute_summary(self, request: int, algorithm: str, count: int | None, spec: str | None) -> None:
        from reader.nlp.summary import parse_count, summarize

        worker = get_current_worker()
        if spec is not None:
            count = parse_count(spec, len(self.document.sentences))
        with _unless_cancelled(worker):
            summary = summarize(self.document, algorithm, count, should_stop=lambda: worker.is_cancelled)
            if not worker.is_cancelled:
                self.post_message(SummaryReady(summary, request, count))

    @work(thread=True, exclusive=True, group="people", exit_on_error=False, description="find people")
    def compute_people(self) -> None:
        from reader.nlp.people import find_people

        worker = get_current_worker()
        with _unless_cancelled(worker):
            people = find_people(self.document, should_stop=lambda: worker.is_cancelled)
            if not worker.is_cancelled:
                self.post_message(PeopleReady(people))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place worker failures are reported: a message in the pane, a notification, no crash."""
        if event.state != WorkerState.ERROR:
            return
        error = event.worker.error
        message = f"{event.worker.description} failed: {error}"
        if event.worker.group == "summary":
            self.query_one(SummaryPane).show_error(message)
        elif event.worker.group == "people":
            self.query_one(PeoplePane).show_error(message)
        self.notify(message, severity="error", timeout=8)

    def on_summary_ready(self, message: SummaryReady) -> None:
        if message.request != self._summary_request:
            return  # a newer request is on its way
        picked = len(message.summary.sentence_indices)
        self._summary_saturated = message.requested is not None and picked < message.requested
        self.summary = message.summary
        self.algorithm = message.summary.algorithm
        self.summary_count = len(message.summary.sentence_indices)
        self.query_one(SummaryPane).show_summary(message.summary)
        self.article.set_layer("summary", list(message.summary.spans))
        self._refresh_idle_status()

    def on_people_ready(self, message: PeopleReady) -> None:
        self.people = message.people
        self.query_one(PeoplePane).show_people(message.people)
        self._refresh_idle_status()

    # ------------------------------------------------------------------ status
    def set_status(self, text: str | Text) -> None:
        """Show ``text`` in the status line; a plain string is shown literally, never parsed as markup."""
        self.query_one("#status", Static).update(Text(text) if isinstance(text, str) else text)

    def notify(self, message: str, **kwargs: Any) -> None:  # type: ignore[override]
        """Notifications may quote the article (names, search text): never parse them as markup."""
        kwargs.setdefault("markup", False)
        super().notify(message, **kwargs)

    def _refresh_idle_status(self) -> None:
        if self.targets is not None:
            self.set_status(self.targets.status())
            return
        parts = []
        if self.summary is not None:
            parts.append(f"Summary: {count_of(len(self.summary.sentence_indices), 'sentence')} ({self.algorithm})")
        if self.people or self.summary is not None:
            parts.append(f"People: {len(self.people)}")
        self.set_status(Text("  ·  ".join(parts) + "    ? help", style="dim"))

    # ------------------------------------------------------------------ jumping
    def jump_to(self, span: Span) -> None:
        self.article.set_layer("current", [span])
        self.article.scroll_to_offset(span.start)

    def _set_targets(self, targets: Targets | None, person_index: int | None = None) -> None:
        """What n/N move through; the highlight layers and the mentions list follow it."""
        self.targets = targets
        for name in ("mention", "search"):
            self.article.set_layer(name, list(targets.spans) if targets and name == targets.kind else [])
        if targets is None:
            self.article.set_layer("current", [])
        self.query_one(PeoplePane).show_mentions(person_index)  # a person's list, or none
        self._refresh_idle_status()

    def _step(self, direction: int) -> None:
        if self.targets is None:
            self.notify("Nothing to move through: pick a person (p) or search (/) first.", timeout=3)
            return
        span, wrapped = self.targets.step(direction)
        if span is None:
            self.bell()
            self.set_status(self.targets.status())
            return
        if wrapped:
            self.bell()
            self.notify("Wrapped to the " + ("first" if direction > 0 else "last") + " one.", timeout=2)
        self.jump_to(span)
        self.set_status(self.targets.status())
        if self.targets.kind == "mention":
            self.query_one(PeoplePane).highlight_mention(self.targets.index)

    def action_next_target(self) -> None:
        self._step(+1)

    def action_previous_target(self) -> None:
        self._step(-1)

    @on(SummaryPane.SentenceChosen)
    def _summary_sentence_chosen(self, event: SummaryPane.SentenceChosen) -> None:
        self.jump_to(self.document.sentences[event.index])
        self.article.focus()  # picked: go on reading there (s returns to the list)

    @on(SummaryPane.AlgorithmChanged)
    def _algorithm_changed(self, event: SummaryPane.AlgorithmChanged) -> None:
        self.algorithm = event.algorithm
        self.query_one(SummaryPane).set_busy(True, f"Summarising with {event.algorithm}…")
        self.request_summary(event.algorithm, self.summary_count)

    @on(PeoplePane.PersonChosen)
    def _person_chosen(self, event: PeoplePane.PersonChosen) -> None:
        person = self.people[event.index]
        targets = Targets(person.name, person.mentions, kind="mention")
        self._set_targets(targets, event.index)
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
        bar = self.query_one("#search-bar", Input)
        bar.display = True
        bar.value = ""
        bar.focus()

    @on(Input.Submitted, "#search-bar")
    def _search_submitted(self, event: Input.Submitted) -> None:
        bar = self.query_one("#search-bar", Input)
        bar.display = False
        self.article.focus()
        query = event.value.strip()
        if not query:
            return
        self.search(query)

    def search(self, query: str) -> None:
        """Highlight every case-insensitive occurrence of ``query`` and jump to the first one after the view."""
        pattern = re.compile(re.escape(query), re.IGNORECASE)
        hits = [Span(m.start(), m.end()) for m in pattern.finditer(self.document.text)]
        targets = Targets(f"/{query}", hits, kind="search")
        self._set_targets(targets)
        if not hits:
            self.bell()
            self.set_status(Text(f"Pattern not found: {query}", style="red"))
            return
        span = targets.first_from(self.article.top_offset)
        if span is not None:
            self.jump_to(span)
        self.set_status(targets.status())

    # ------------------------------------------------------------------ pane
    def action_show_tab(self, tab: str) -> None:
        pane = self.query_one("#side-pane", TabbedContent)
        pane.display = True
        pane.active = tab
        target = "#summary-list" if tab == "summary" else "#people-list"
        self.query_one(target).focus()

    def action_toggle_pane(self) -> None:
        pane = self.query_one("#side-pane", TabbedContent)
        pane.display = not pane.display
        if not pane.display:
            self.article.focus()

    def action_toggle_wide(self) -> None:
        self.query_one("#side-pane").toggle_class("wide")

    def action_summary_length(self, delta: int) -> None:
        if self.summary is None:
            return
        total = len(self.document.sentences)
        current = self.summary_count or len(self.summary.sentence_indices)
        count = max(1, min(total, current + delta))
        if count == current or (delta > 0 and self._summary_saturated):
            self.bell()  # already the shortest, or already every sentence a summary may hold
            return
        self.summary_count = count
        self._summary_saturated = False
        self.query_one(SummaryPane).set_busy(True, f"Summarising: {count} sentences…")
        self.request_summary(self.algorithm, count)

    # ------------------------------------------------------------------ misc
    def action_help(self) -> None:
        self.push_screen(HelpScreen(self.key_groups()))

    def key_groups(self) -> list[tuple[str, list[Binding]]]:
        app_keys = {b.id: b for b in self.BINDINGS if isinstance(b, Binding)}
        pick = lambda *ids: [app_keys[i] for i in ids]  # noqa: E731
        return [
            ("Reading", [b for b in ArticleView.BINDINGS if isinstance(b, Binding)]),
            ("Search and jump", pick("app.search", "app.next", "app.previous", "app.escape")),
            ("Side pane", pick("app.summary", "app.people", "app.toggle-pane", "app.wide-pane")),
            ("Summary", pick("app.summary-longer", "app.summary-shorter")),
            ("App", pick("app.help", "app.quit")),
        ]

    def action_escape(self) -> None:
        """Escape ladder: close the search bar, then clear the selection, then return focus to the article."""
        bar = self.query_one("#search-bar", Input)
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
