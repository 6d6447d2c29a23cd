"""The reading screen: one Document, its article view, the side-pane tabs, search, jump targets, status line.

Any Document can be given; the app opens another one by replacing this screen. The screen owns what the tabs
share: the highlight layers, what n / N move through, and the reading position (saved when it goes away).
"""

from __future__ import annotations

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.geometry import Size
from textual.widgets import Footer, Input, Select, Static, TabbedContent, TabPane, Tabs
from textual.widget import Widget
from textual.worker import Worker, WorkerState, get_current_worker

from reader.document.model import Document, Span
from reader.nlp.analysis import Cancelled, SummaryOptions, analysis_refusal
from reader.nlp.results import Person, Quote, Summary
from reader.state import StateStore, document_key
from reader.marks import MarkStore, marks_path_beside
from reader.ui import search
from reader.ui.analysis_progress import AnalysisProgress, CalmLoadingIndicator
from reader.ui.book_keys import BOOK_BINDINGS, BookKeys
from reader.ui.footer import FittingFooter
from reader.ui.article_view import ArticleView
from reader.ui.header import ArticleHeader
from reader.ui.help_screen import HelpScreen, help_sections
from reader.ui.messages import PeopleReady, SearchFinished, SummaryReady, WorkFailed
from reader.ui.panes import PANES, PeoplePane, SidePane, SummaryPane
from reader.ui.panes.base import type_ahead
from reader.ui.panes.quotes import QuotesPane, quote_counts, quoted_spans
from reader.ui.side_tabs import SideTabs
from reader.ui.sizes import NARROW_WIDTH, SHORT_HEIGHT
from reader.ui.spoiler_filter import SpoilerFilter, reading_offset
from reader.ui.targets import Targets
from reader.wording import count_of


HISTORY_GROUP = Binding.Group("History")


class SearchBar(Input):
    """The one-row search prompt above the status line (as vim's); up / down recall earlier searches. While it has
    focus the footer shows its keys only (the reading keys type into it)."""

    BINDINGS = [
        Binding("enter", "submit", "Find", id="search.submit"),
        Binding("escape", "screen.escape", "Cancel", id="search.cancel"),
        Binding("up", "history(-1)", "Earlier search", key_display="↑", id="search.earlier", group=HISTORY_GROUP),
        Binding("down", "history(1)", "Later search", key_display="↓", id="search.later", group=HISTORY_GROUP),
    ]

    def __init__(self, **kwargs) -> None:
        super().__init__(compact=True, **kwargs)
        self.history: list[str] = []
        self._recall = 0  # == len(history): the line being typed
        self.direction = 1

    def open(self, direction: int) -> None:
        """Show the bar for a forward (/) or backward (?) search."""
        self.direction = direction
        self._recall = len(self.history)
        self.placeholder = ("/ Search forward" if direction > 0 else "? Search backward") + \
            " (accents ignored; re: for a regular expression)"
        self.value = ""
        self.display = True
        self.focus()

    def on_focus(self) -> None:
        screen = self.screen
        if getattr(screen, "_typing_ahead", None) is self:
            screen._typing_ahead = None  # type: ignore[attr-defined]  # it has the focus: keys come here now

    def remember(self, query: str) -> None:
        if query in self.history:
            self.history.remove(query)
        self.history.append(query)
        del self.history[:-100]

    def action_history(self, step: int) -> None:
        if not self.history:
            return
        self._recall = max(0, min(len(self.history), self._recall + step))
        self.value = self.history[self._recall] if self._recall < len(self.history) else ""
        self.cursor_position = len(self.value)


class StatusLine(Static):
    """The bottom line: what n / N move through, the analysis results, or a warning."""


# the footer shows related keys together ("n N Next/previous"): every key readable in 80 columns
TARGETS_GROUP = Binding.Group("Next/prev")
TABS_GROUP = Binding.Group("Tabs")
LENGTH_GROUP = Binding.Group("Length")


def _tab_bindings() -> list[BindingType]:
    return [Binding(pane.KEY, f"show_tab('{pane.TAB_ID}')", pane.TAB_LABEL, show=pane.KEY_IN_FOOTER,
                    id=f"pane.{pane.TAB_ID}", group=TABS_GROUP) for pane in PANES]


class ReaderScreen(BookKeys, Screen[None]):
    """Read one Document."""

    BINDINGS = [
        Binding("q", "quit", "Quit", id="app.quit"),
        Binding("f1,h", "help", "Help", id="app.help"),
        Binding("slash", "search(1)", "Search", id="search.find"),
        Binding("question_mark", "search(-1)", "Search backward", key_display="?", show=False, id="search.backward"),
        Binding("n", "next_target", "Next", id="search.next", group=TARGETS_GROUP),
        Binding("N", "previous_target", "Previous", id="search.previous", group=TARGETS_GROUP),
        Binding("percent_sign", "percent", "Go to N% (50%, 50p)", show=False, key_display="N%", id="jump.percent"),
        Binding("ctrl+o,backspace", "jump_back", "Back (jump list)", show=False, id="jump.back"),
        Binding("ctrl+n", "jump_forward", "Forward (jump list)", show=False, id="jump.forward"),
        # vim's ctrl+i too, where the terminal tells it from Tab (the kitty keyboard protocol: kitty, WezTerm,
        # foot, Ghostty); elsewhere ctrl+i *is* Tab, which moves the focus (Tab wins: it is checked first)
        Binding("ctrl+i", "jump_forward", "Forward too, where the terminal tells ctrl+i from Tab (kitty, WezTerm)",
                show=False, id="jump.forward-ctrl-i"),
        Binding("m", "prefix('m')", "Set mark (m + letter)", show=False, id="jump.mark"),
        Binding("apostrophe", "prefix(\"'\")", "Go to mark (' + letter; '' last place)", show=False,
                key_display="'", id="jump.to-mark"),
        Binding("a", "next_algorithm", "Next summary algorithm", show=False, id="summary.algorithm"),
        *_tab_bindings(),
        Binding("plus,equals_sign", "summary_length(1)", "Longer summary", key_display="+", id="summary.longer",
                group=LENGTH_GROUP),
        Binding("minus", "summary_length(-1)", "Shorter summary", key_display="-", id="summary.shorter",
                group=LENGTH_GROUP),
        Binding("t", "toggle_pane", "Toggle pane", show=False, id="pane.toggle"),
        Binding("w", "toggle_wide", "Wide/narrow pane", show=False, id="pane.wide"),
        Binding("escape", "escape", "Clear / back", show=False, id="search.escape"),
        *BOOK_BINDINGS,
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
        self.marks = MarkStore(marks_path_beside(state.path)) if state is not None else None
        self.search_regex = False  # every search a regex (a setting, set by the app); re: always is
        self._folded: search.FoldedText | None = None  # the text as searched: built once, in a worker
        self._prefix: str | None = None  # m or ' waiting for its letter
        self._mark_cache: dict[str, int] | None = None
        self._targets_hidden = False  # Escape hid the highlights; n / N bring them back
        self._people_found = False  # the people list arrived (it may be empty)
        self.spoilers = SpoilerFilter.for_document(document)

    # ------------------------------------------------------------------ layout
    def compose(self) -> ComposeResult:
        yield ArticleHeader(self.document, id="header")
        with Horizontal(id="body"):
            yield self._article
            labels = {pane.TAB_ID: (pane.TAB_LABEL, pane.SHORT_LABEL or pane.TAB_LABEL) for pane in PANES}
            with SideTabs(labels, id="side-pane", initial=PANES[0].TAB_ID):
                for pane in PANES:
                    with TabPane(pane.TAB_LABEL, id=pane.TAB_ID):
                        yield pane(self.document, self.options)
        yield SearchBar(placeholder="Search (Enter: find, Escape: cancel)", id="search-bar")
        yield AnalysisProgress()
        yield StatusLine(id="status")
        yield FittingFooter(compact=True)

    @property
    def article(self) -> ArticleView:
        return self._article

    @property
    def search_bar(self) -> SearchBar:
        return self.query_one(SearchBar)

    @property
    def side_pane(self) -> TabbedContent:
        return self.query_one(TabbedContent)

    SEARCH_BAR_ACTIONS = ("escape", "help")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """While a line is being typed (the search bar, a list's filter) keys type into it: the footer shows its
        keys, not the reading ones."""
        if action not in self.SEARCH_BAR_ACTIONS and isinstance(self.focused, Input):
            return False
        return True

    def _filling_pane(self) -> SidePane | None:
        """The side-pane tab on screen, while its list is still being filled (it cannot take Enter yet)."""
        if not self.is_mounted or not self.side_pane.display:
            return None
        active = self.side_pane.active
        return next((pane for pane in self.query(SidePane) if pane.TAB_ID == active and pane.still_filling), None)

    def _enter_while_filling(self) -> bool:
        """Enter meant for a list not there yet: say so (the list takes the focus once filled), never lose it
        silently. False: no list is being filled, Enter is not the screen's."""
        pane = self._filling_pane()
        if pane is None or self.focused not in (None, self.article):  # another widget's Enter is its own
            return False
        pane.take_focus()
        return True

    def on_side_pane_busy_changed(self, message: SidePane.BusyChanged) -> None:
        message.stop()
        self.query_one(AnalysisProgress).update_progress()

    def get_loading_widget(self) -> Widget:
        """The indicator of a busy pane: a calm one, so the UI leaves the cores to the analysis."""
        return CalmLoadingIndicator()

    def on_mount(self) -> None:
        self.search_bar.display = False
        config = getattr(self.app, "config", None)
        self.search_regex = bool(config is not None and config.search_regex)
        for tabs in self.query(Tabs):
            tabs.can_focus = False  # Tab goes from the article to the lists; s / p switch tabs
        self._fit_size(self.app.size)  # before the first paint: no frame of the wide layout in 40 columns
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
        self._show_document_warnings()
        self.start_book_features()

    # ------------------------------------------------------------------ reading position
    def _restore_position(self) -> None:
        """Reopening an article returns to where the reader left it."""
        if self.state is None:
            return
        key = document_key(self.document)
        offset = self.state.get_position(key)
        jumps = [jump for jump in self.state.get_jumps(key) if jump <= len(self.document.text)]
        self.article.jumps.restore(jumps)  # ctrl+o goes on where the last session left off, as in vim
        if offset and 0 < offset < len(self.document.text):
            self.article.scroll_to_offset(offset, top=True)
            self.app.notify("Back where you left off (g: top" + (", ctrl+o: back)." if jumps else ")."), timeout=3)
        self._show_state_warnings()

    def save_position(self) -> None:
        """Remember where the reader is (the first row on screen) and the jump list, if there is a state store."""
        if self.state is not None:
            self.state.set_position(document_key(self.document), self.article.top_offset,
                                    jumps=self.article.jumps.entries)

    def _show_document_warnings(self) -> None:
        """What the reader should know about how complete the text is (a download cut short, parts dropped), on
        open; the Info tab keeps listing them."""
        for warning in self.document.meta.warnings:
            self.app.notify(warning, title="Incomplete or altered text", severity="warning", timeout=10)

    def _show_state_warnings(self) -> None:
        for store in (self.state, self.marks):
            if store is not None:
                for warning in store.warnings:
                    self.app.notify(warning, severity="warning", timeout=6)
                store.warnings.clear()

    def on_unmount(self) -> None:
        self.save_position()

    def action_quit(self) -> None:
        self.app.exit()

    # ------------------------------------------------------------------ results from the tabs
    def on_summary_ready(self, message: SummaryReady) -> None:
        """A tab showed a new summary (stale ones never get here): highlight its sentences."""
        self.summary = message.summary
        remember = getattr(self.app, "remember", None)
        if remember is not None:
            remember(algorithm=message.summary.algorithm)
        self.article.set_layer("summary", list(self.spoilers.summary(message.summary).spans))
        self._refresh_idle_status()

    def on_people_ready(self, message: PeopleReady) -> None:
        self.people = message.people
        self._people_found = True
        self._refresh_idle_status()
        self.query_one(QuotesPane).find_quotes(message.people)

    # ------------------------------------------------------------------ status
    def set_status(self, text: str | Text) -> None:
        """Show ``text`` in the status line, on its one row (cut with an ellipsis); a plain string is shown
        literally, never parsed as markup."""
        line = Text(text) if isinstance(text, str) else text.copy()
        line.no_wrap, line.overflow = True, "ellipsis"
        self.query_one(StatusLine).update(line)

    def _refresh_idle_status(self) -> None:
        if self.targets is not None and not self._targets_hidden:
            self.set_status(self.targets.status())
            return
        parts = []
        narrow = self.narrow
        if self.summary is not None:
            count = count_of(len(self.summary.sentence_indices), "sentence")
            parts.append(f"Summary {len(self.summary.sentence_indices)} ({self.summary.algorithm})" if narrow
                         else f"Summary: {count} ({self.summary.algorithm})")
        if self._people_found:  # not "People: 0" while they are still being found
            parts.append(f"People{'' if narrow else ':'} {len(self.spoilers.people(self.people))}")
        if self.spoilers.hidden:
            parts.append("no spoilers (z)")
        parts.append("F1 help")
        self.set_status(Text((" · " if narrow else "  ·  ").join(parts), style="dim"))

    # ------------------------------------------------------------------ jumping
    def jump_to(self, span: Span, *, record: bool = False) -> None:
        """Show ``span`` as the current target; ``record``: a jump the jump list remembers (ctrl+o returns)."""
        self.article.set_layer("current", [span])
        if record:
            self.article.jump(span.start)
        else:
            self.article.scroll_to_offset(span.start)

    def action_jump_back(self) -> None:
        if not self.article.go_back():
            self.app.bell()

    def action_jump_forward(self) -> None:
        if not self.article.go_forward():
            self.app.bell()

    def action_percent(self) -> None:
        count = self.article.pending_count
        if count is None:
            self.app.bell()
            self.app.notify("Type a number first: 50% goes half way through the text.", timeout=3)
            return
        self.article.take_count()
        self.article.jump(len(self.document.text) * min(100, count) // 100, top=True)

    def action_prefix(self, key: str) -> None:
        self._prefix = key
        self.set_status(Text("mark: type a letter" if key == "m" else "go to mark: type a letter (' : last place)",
                             style="dim"))

    PREFIX_BINDINGS = {"jump.mark": "m", "jump.to-mark": "'"}
    SEARCH_BINDINGS = {"search.find": 1, "search.backward": -1}
    _typing_ahead: Input | None = None

    def on_key(self, event: events.Key) -> None:
        """m or ' and the letter after it (a mark); / or ? and what is typed right after; Enter while the tab shown
        is still filling its list.

        Both are taken here, in the order the keys reach the screen: were ``m`` left to its binding (run later, by
        the app) a fast ``ma`` would run ``a``'s binding before the mark prefix is set.
        """
        self._typing_ahead = type_ahead(self._typing_ahead, event)
        if self._typing_ahead is not None:  # the search bar is still waiting for the focus: the key was for it
            return
        if self._prefix is None and event.key == "enter" and self._enter_while_filling():
            event.stop()
            event.prevent_default()
            return
        if self._prefix is None:
            entry = self.active_bindings.get(event.key)
            binding_id = (entry.binding.id or "") if entry is not None else ""
            prefix = self.PREFIX_BINDINGS.get(binding_id)
            if prefix is not None:
                event.stop()
                event.prevent_default()
                self.action_prefix(prefix)
            elif binding_id in self.SEARCH_BINDINGS and entry is not None and entry.node is self and \
                    not isinstance(self.focused, Input):
                event.stop()
                event.prevent_default()
                self.action_search(self.SEARCH_BINDINGS[binding_id])
                self._typing_ahead = self.search_bar  # a fast "/putin" types "putin" into the bar
            return
        prefix, self._prefix = self._prefix, None
        event.stop()
        event.prevent_default()
        letter = event.character or ""
        if prefix == "'" and letter == "'":
            self._go_to_last_place()
        elif len(letter) == 1 and letter.isalpha() and letter.isascii():
            if prefix == "m":
                self._set_mark(letter)
            else:
                self._go_to_mark(letter)
        else:
            self.app.bell()
        self._refresh_idle_status()

    def _go_to_last_place(self) -> None:
        previous = self.article.jumps.previous
        if previous is None:
            self.app.bell()
            return
        self.article.jump(previous, top=True)

    def _marks(self) -> dict[str, int]:
        if self._mark_cache is None:
            self._mark_cache = self.marks.marks(document_key(self.document)) if self.marks is not None else {}
            self._show_state_warnings()
        return self._mark_cache

    def _set_mark(self, letter: str) -> None:
        offset = self.article.top_offset
        self._marks()[letter] = offset
        if self.marks is not None:
            self.marks.set_mark(document_key(self.document), letter, offset)
            self._show_state_warnings()
        self.app.notify(f"Mark {letter} set ('{letter} returns here).", timeout=2)

    def _go_to_mark(self, letter: str) -> None:
        offset = self._marks().get(letter)
        if offset is None or offset > len(self.document.text):
            self.app.bell()
            self.app.notify(f"No mark {letter} (m{letter} sets it).", timeout=3)
            return
        self.article.jump(offset, top=True)

    def _set_targets(self, targets: Targets | None, person: Person | None = None) -> None:
        """What n/N move through; the highlight layers and the mentions list follow it."""
        self.targets = targets
        self._show_target_layers(targets)
        self.query_one(PeoplePane).show_mentions(person)  # a person's list, or none
        self.query_one(QuotesPane).show_person(person)
        self.query_one(SummaryPane).show_about(person, self.people, self.quotes)
        self._refresh_idle_status()

    def _show_target_layers(self, targets: Targets | None) -> None:
        self._targets_hidden = False
        for name in ("mention", "search"):
            self.article.set_layer(name, list(targets.spans) if targets and name == targets.kind else [])
        if targets is None:
            self.article.set_layer("current", [])

    def _step(self, direction: int) -> None:
        """n / N: from the current target while it is on screen, else from the view, as in less."""
        if not self.article.display:  # a narrow terminal showing the pane: n / N move the text, so show it first
            self.read_on()
            self.call_after_refresh(self._step, direction)  # once it is laid out (the count stays typed)
            return
        count = self.article.take_count()
        targets = self.targets
        if targets is None:
            self.app.notify("Nothing to move through: pick a person (p) or search (/) first.", timeout=3)
            return
        if self._targets_hidden:
            self._show_target_layers(targets)
        direction *= targets.direction
        span, wrapped = None, False
        for repeat in range(count):
            current = targets.current
            if repeat or (current is not None and self.article.is_offset_visible(current.start)):
                span, wrapped_now = targets.step(direction)
            else:
                span, wrapped_now = targets.step_from(self.article.origin(direction), direction)
            wrapped = wrapped or wrapped_now
            if span is None:
                break
            self.article.set_layer("current", [span])
        if span is None:
            self.app.bell()
            self.set_status(targets.status())
            return
        if wrapped:
            self.app.bell()
            self.app.notify("Search hit BOTTOM, continuing at TOP" if direction > 0
                            else "Search hit TOP, continuing at BOTTOM", timeout=2)
        self.jump_to(span)
        self.set_status(targets.status())
        if targets.kind == "mention":
            self.query_one(PeoplePane).highlight_mention(targets.index)
        elif targets.kind == "quote":
            self.query_one(QuotesPane).highlight_quote(targets.index)

    def action_next_target(self) -> None:
        self._step(+1)

    def action_previous_target(self) -> None:
        self._step(-1)

    @on(SummaryPane.SentenceChosen)
    def _summary_sentence_chosen(self, event: SummaryPane.SentenceChosen) -> None:
        self.jump_to(self.document.sentences[event.index], record=True)
        self.read_on()  # picked: go on reading there (s returns to the list)

    @on(PeoplePane.PersonChosen)
    def _person_chosen(self, event: PeoplePane.PersonChosen) -> None:
        person = event.person
        targets = Targets(person.name, person.mentions, kind="mention")
        self._set_targets(targets, person)
        span, _ = targets.step_from(self.article.top_offset, +1)  # the first mention from the view on
        if span is not None:
            self.jump_to(span, record=True)
            self.query_one(PeoplePane).highlight_mention(targets.index)
        self.set_status(targets.status())
        self.read_on()  # n/N move through the mentions, p returns to the list

    @on(PeoplePane.MentionChosen)
    def _mention_chosen(self, event: PeoplePane.MentionChosen) -> None:
        if self.targets is None or self.targets.kind != "mention":
            return
        span = self.targets.jump_to(event.index)
        if span is not None:
            self.jump_to(span, record=True)
            self.set_status(self.targets.status())
            self.read_on()

    # ------------------------------------------------------------------ search
    def action_search(self, direction: int = 1) -> None:
        self.article.take_count()
        self.search_bar.open(direction)

    @on(Input.Changed, "SearchBar")
    def _search_typed(self, event: Input.Changed) -> None:
        """Incremental search: every hit of what is typed so far is highlighted (the view stays)."""
        query = event.value.strip()
        if query:
            self.search(query, self.search_bar.direction, final=False)
        else:
            self.workers.cancel_group(self, "search")
            self.article.set_layer("search", list(self.targets.spans) if self._last_search_shown() else [])

    def _last_search_shown(self) -> bool:
        return self.targets is not None and self.targets.kind == "search" and not self._targets_hidden

    @on(Input.Submitted, "SearchBar")
    def _search_submitted(self, event: Input.Submitted) -> None:
        bar = self.search_bar
        bar.display = False
        self.read_on()
        query = event.value.strip()
        if query:
            bar.remember(query)
            self.search(query, bar.direction)
        else:
            self._close_search_bar()

    def _close_search_bar(self) -> None:
        """Escape in the bar: the highlights of the last search come back (n still moves through it)."""
        self.workers.cancel_group(self, "search")
        self.search_bar.display = False
        self.read_on()
        if self.targets is not None and not self._targets_hidden:
            self._show_target_layers(self.targets)
        else:
            self.article.set_layer("search", [])
        self._refresh_idle_status()

    def search(self, query: str, direction: int = 1, *, final: bool = True) -> None:
        """Find every hit of ``query`` (accents ignored, smart case, ``re:`` a regex) in a worker, from the view.

        ``final``: Enter was pressed: the hits become what n / N move through and the first one from the view
        (the last one before it, searching backward) is jumped to; else they are only highlighted.
        """
        if final:
            self.set_status(Text(f"Searching for {query}…", style="dim"))
        origin = self.article.origin(direction)
        text = self.document.text
        regex = self.search_regex

        def work() -> None:
            worker = get_current_worker()
            try:
                if self._folded is None:
                    self._folded = search.FoldedText(text)
                hits = search.find_hits(self._folded, query, regex=regex, should_stop=lambda: worker.is_cancelled)
            except Cancelled:
                return
            except search.BadQuery as error:
                hits = error
            if not worker.is_cancelled:
                self.post_message(SearchFinished(hits, origin, direction, final))

        self.run_worker(work, thread=True, exclusive=True, group="search", exit_on_error=False, description="search")

    def on_search_finished(self, message: SearchFinished) -> None:
        hits = message.hits
        if isinstance(hits, search.BadQuery):
            self.set_status(Text(str(hits), style="red"))
            if message.final:
                self.app.bell()
            return
        if not message.final:
            if self.search_bar.display:  # still typing: show what it finds so far
                self.article.set_layer("search", list(hits.spans))
                self.set_status(Text(f"{len(hits.spans)}{'+' if hits.capped else ''} matches" if hits.spans
                                     else "no matches yet", style="dim"))
            return
        prefix = "/" if message.direction > 0 else "?"
        targets = Targets(f"{prefix}{hits.query}", hits.spans, kind="search", capped=hits.capped,
                          direction=message.direction)
        if not hits.spans:
            self.app.bell()
            self._show_target_layers(self.targets)  # the previous search (or person) stays
            self.set_status(Text(f"Pattern not found: {hits.query}", style="red"))
            return
        self._set_targets(targets)
        span, wrapped = targets.step_from(message.origin, message.direction)
        if wrapped:
            self.app.bell()
            self.app.notify("Search hit BOTTOM, continuing at TOP" if message.direction > 0
                            else "Search hit TOP, continuing at BOTTOM", timeout=2)
        if span is not None:
            self.jump_to(span, record=True)
        self.set_status(targets.status())

    def on_work_failed(self, message: WorkFailed) -> None:
        """A failed people list leaves the Quotes tab nothing to attribute: it says so rather than wait forever
        (the message goes on to the app, which reports it)."""
        if isinstance(message.where, PeoplePane):
            self.query_one(QuotesPane).show_error("No quotes: they need the people list, which failed.")

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.post_message(WorkFailed(event.worker.description, event.worker.error, None))

    # ------------------------------------------------------------------ pane
    def action_show_tab(self, tab: str) -> None:
        if tab == "people" and self.article.pending_count is not None:  # 50p: percent, as in less
            self.action_percent()
            return
        self.article.take_count()
        on_screen = Span(self.article.top_offset, max(self.article.top_offset + 1, reading_offset(self.article)))
        self.show_pane(True)
        self.side_pane.active = tab
        for side_pane in self.query(SidePane):
            if side_pane.TAB_ID == tab:
                side_pane.opened_at(on_screen)
                side_pane.take_focus()

    def action_toggle_pane(self) -> None:
        self.show_pane(not self.side_pane.display)

    def action_toggle_wide(self) -> None:
        if self.narrow:
            self.app.bell()
            self.app.notify("The pane takes the whole width here (t: back to the text).", timeout=3)
            return
        self.side_pane.toggle_class("wide")

    # ------------------------------------------------------------------ narrow terminals
    @property
    def narrow(self) -> bool:
        """Too narrow for the text and the pane side by side: they take turns at the full width."""
        return self.has_class("narrow")

    def show_pane(self, shown: bool) -> None:
        """Show or hide the side pane; in a narrow terminal the text hides while the pane is shown."""
        self.side_pane.display = shown
        self.article.display = not (shown and self.narrow)
        if not shown:
            self.article.focus()

    def read_on(self) -> None:
        """Back to the text after a pick, a search or Escape: focus it (and show it, in a narrow terminal)."""
        if self.narrow and self.side_pane.display:
            self.show_pane(False)
        for pane in self.query(SidePane):
            pane.forget_focus_request()
        self.article.focus()

    def on_resize(self, event: events.Resize) -> None:
        self._fit_size(event.size)

    def _fit_size(self, size: Size) -> None:
        """Narrow (text and pane in turn) below NARROW_WIDTH columns; short (no list borders, a one-row header and
        algorithm picker) below SHORT_HEIGHT rows. Crossing the width shows the text first, or both again."""
        self.set_class(size.height < SHORT_HEIGHT, "short")
        narrow = size.width < NARROW_WIDTH
        if narrow != self.narrow:
            self.set_class(narrow, "narrow")
            self.show_pane(not narrow)
            self.query_one(Footer).show_command_palette = not narrow  # ctrl+p still works: its room goes to keys
            if self.is_mounted:
                self._refresh_idle_status()  # its short or long wording
        self.query_one("#algorithm", Select).compact = self.has_class("short")

    def action_summary_length(self, delta: int) -> None:
        self.query_one(SummaryPane).change_length(delta)

    def action_next_algorithm(self) -> None:
        self.query_one(SummaryPane).next_algorithm()

    # ------------------------------------------------------------------ misc
    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(help_sections(self.active_bindings)))

    def action_escape(self) -> None:
        """Escape ladder: close the search bar, then clear the selection, then return focus to the article."""
        self.article.take_count()
        if self.search_bar.display:
            self._close_search_bar()
            return
        if (self.targets is not None and not self._targets_hidden) or self.article.layer_spans("current"):
            for name in ("mention", "search", "current"):  # hidden, not forgotten: n / N still move on
                self.article.set_layer(name, [])
            self._targets_hidden = True
            self._refresh_idle_status()
            return
        if self.article.has_focus and self.back_to_library():
            return
        self.read_on()

    def on_article_view_scrolled(self, event: ArticleView.Scrolled) -> None:
        self.query_one(ArticleHeader).progress = event.progress
        self.reading_moved()

    # ------------------------------------------------------------------ quotes (issue 15)
    def on_quotes_pane_ready(self, message: QuotesPane.Ready) -> None:
        """Quotes of the current people list: marked in the article, counted in the People tab."""
        self.quotes = message.quotes
        self.article.set_layer("quoted", quoted_spans(message.quotes))
        self.show_quote_counts()
        person = self.query_one(QuotesPane).person
        if person is not None:
            self.query_one(SummaryPane).show_about(person, self.people, self.quotes)

    def show_quote_counts(self) -> None:
        """Each person's number of quotes in the People tab: of those read so far when spoilers are hidden."""
        counts = dict(quote_counts(self.spoilers.spans(self.quotes, lambda quote: quote.span)))
        people = self.query_one(PeoplePane)
        if counts != people.quote_counts:
            people.show_quote_counts(counts)

    @on(QuotesPane.QuoteChosen)
    def _quote_chosen(self, event: QuotesPane.QuoteChosen) -> None:
        """Jump to the quote; n / N move through the listed ones, the status line names the speaker."""
        person = self.query_one(QuotesPane).person
        self._set_targets(event.targets, person)
        if event.targets.current is not None:
            self.jump_to(event.targets.current)
        self.query_one(QuotesPane).highlight_quote(event.targets.index)
        self.set_status(event.targets.status())
        self.read_on()
