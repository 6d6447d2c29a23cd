"""What every side-pane tab shares: its tab label and key, an info line, busy state (Textual's ``Widget.loading``),
error display, an analysis worker with one cancellation protocol, and focus-within styling (reader.tcss).

A tab is a subclass in a module of its own (named ``PANE`` there), listed once in ``reader.ui.panes.TAB_MODULES``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, OptionList, Static
from textual.worker import Worker, WorkerState, get_current_worker

from reader.document.model import Document, Span
from reader.nlp.analysis import Cancelled, ShouldStop, SummaryOptions
from reader.ui.messages import WorkFailed
from reader.ui.search import fold

R = TypeVar("R")


class PaneList(OptionList):
    """An OptionList driven like less (j k g G space b) that survives a terminal too short to show any of its rows.

    Textual's page keys index its row cache, which stays empty while the list has no visible region (a 100x9
    terminal, Summary tab, PageDown: KeyError). With no room, a page is one row.
    """

    BINDINGS = [
        Binding("j", "cursor_down", "Down", show=False, id="list.down"),
        Binding("k", "cursor_up", "Up", show=False, id="list.up"),
        Binding("g", "first", "First", show=False, id="list.first"),
        Binding("G", "last", "Last", show=False, id="list.last"),
        Binding("space", "page_down", "Page down", show=False, id="list.page-down"),
        Binding("b", "page_up", "Page up", show=False, id="list.page-up"),
        Binding("slash", "filter", "Filter the list", show=False, id="list.filter"),
        Binding("escape", "clear_filter", "Clear the filter", id="list.clear-filter"),
    ]

    @property
    def pane(self) -> SidePane | None:
        return next((a for a in self.ancestors if isinstance(a, SidePane)), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape is the list's while its ``/`` filter hides rows (it clears it, as in the filter line); else it
        goes on to the screen's ladder."""
        if action == "clear_filter":
            pane = self.pane
            return pane is not None and pane.filtered_list is self and bool(pane.filter_text)
        return super().check_action(action, parameters)

    def action_clear_filter(self) -> None:
        pane = self.pane
        if pane is not None:
            pane.clear_filter()

    _typing_ahead: Input | None = None  # the filter line just opened, until it has the focus

    def on_key(self, event: events.Key) -> None:
        """``/`` opens the filter here, in the order the keys arrive, and the keys typed right after it go into the
        line (``type_ahead``): left to the binding, a fast ``/trump`` would run ``m`` (merge) first."""
        self._typing_ahead = type_ahead(self._typing_ahead, event)
        if self._typing_ahead is not None:  # the line is still waiting for the focus: the key was for it
            return
        entry = self.screen.active_bindings.get(event.key)
        if entry is not None and entry.binding.id == "list.filter" and entry.node is self:
            event.stop()
            event.prevent_default()
            self._typing_ahead = self.action_filter()

    def move_to(self, index: int) -> None:
        """Put the cursor on row ``index``, at the top of the view once the list is laid out (rows built while the
        tab was hidden, or just shown, have no height yet: Textual's own scrolling then misses the row)."""
        self.highlighted = index
        self.call_after_refresh(self.scroll_to_highlight, top=True)

    def action_filter(self) -> Input | None:
        pane = self.pane
        line = pane.open_filter(self) if pane is not None else None
        if line is None:
            self.app.bell()
        return line

    def action_page_down(self) -> None:
        if self.scrollable_content_region:
            super().action_page_down()
        else:
            self.action_cursor_down()

    def action_page_up(self) -> None:
        if self.scrollable_content_region:
            super().action_page_up()
        else:
            self.action_cursor_up()


class ListFilter(Input):
    """Type to filter the list above which it opens; Enter goes back to the list, Escape clears the filter."""

    BINDINGS = [  # the footer shows these while the filter is typed (the reading keys type into it)
        Binding("enter", "submit", "To the list", id="list.filter-done"),
        Binding("escape", "clear", "Clear the filter", id="list.filter-clear"),
    ]

    def __init__(self, target: PaneList) -> None:
        super().__init__(placeholder="Type to filter", classes="list-filter")  # the footer shows its keys
        self.target = target

    def on_focus(self) -> None:
        self.target._typing_ahead = None  # it has the focus: the keys come here by themselves

    def action_clear(self) -> None:
        self.value = ""
        self.display = False
        self.target.focus()
        pane = self.target.pane
        if pane is not None and pane.filter_text:
            pane.apply_filter("")  # now, not once Input.Changed arrives: the list is whole when it takes the keys


def type_ahead(line: Input | None, event: events.Key) -> Input | None:
    """A key typed right after the key that opened ``line`` (before Textual has moved the focus to it: it does
    so once the keys already on their way are handled) goes into the line, not to the key's binding. Returns the
    line while it is still waiting for the focus, else None."""
    if line is None or line.has_focus or not line.display:
        return None
    if event.is_printable and event.character:
        line.insert_text_at_cursor(event.character)
        event.stop()
        event.prevent_default()
    return line


def matches(query: str, *fields: str) -> bool:
    """Whether any field contains ``query``, ignoring case and accents (an empty query matches everything)."""
    if not query:
        return True
    wanted = fold(query).casefold()
    return any(wanted in fold(field).casefold() for field in fields)


def row_to_open(starts: Sequence[int], on_screen: Span, current: int | None) -> int | None:
    """The row a list in document order (``starts``: where each row's text starts) opens at: the ``current`` row
    while its text is on screen, else the first row at or after the top of the screen (the last row when every
    one is above it); None for an empty list."""
    if not starts:
        return None
    if current is not None and 0 <= current < len(starts) and on_screen.start <= starts[current] < on_screen.end:
        return current
    return min(bisect_left(starts, on_screen.start), len(starts) - 1)


class PaneInfo(Static):
    """The one-line state of a pane: what it shows, what it is doing, or what went wrong."""


class SidePane(Vertical):
    """One tab of the side pane, showing one Document."""

    class BusyChanged(Message):
        """The tab started or finished analysing (the screen's progress bar follows at once, no polling)."""

    TAB_ID: ClassVar[str]
    TAB_LABEL: ClassVar[str]
    SHORT_LABEL: ClassVar[str | None] = None
    """The label when the full ones do not fit the pane (an 80-column terminal); None: the full one."""
    KEY: ClassVar[str]
    """The key that shows this tab (bound by the reader screen)."""
    KEY_IN_FOOTER: ClassVar[bool] = True
    """Whether the footer lists that key (the help always does)."""
    ANALYSES: ClassVar[bool] = True
    """Whether the tab runs an analysis (then a text too long to analyse shows the reason instead)."""

    def __init__(self, document: Document, options: SummaryOptions) -> None:
        super().__init__(id=f"{self.TAB_ID}-pane")
        self.document = document
        self.options = options

    # ------------------------------------------------------------------ lifecycle
    def start(self) -> None:
        """Begin the tab's analysis (called once, when the text may be analysed)."""

    def refuse(self, reason: str) -> None:
        """The text is not analysed: say why instead."""
        self.show_error(reason)

    def focus_main(self) -> None:
        """Focus the part of the tab the reader works in (its list)."""
        self.focus()

    BUSY_NOTE: ClassVar[str] = "Still working on this tab"
    """What a key pressed while the tab's list is being filled is told (``take_focus``)."""
    _focus_when_filled = False

    @property
    def still_filling(self) -> bool:
        """The list is being filled: it cannot take the focus (nor Enter) yet."""
        return bool(self.busy_widget.loading)

    @property
    def busy_message(self) -> str:
        return f"{self.BUSY_NOTE}: the list takes the keys once it is filled."

    def take_focus(self) -> None:
        """The tab's key was pressed: focus its list; while the list is still being filled it takes the focus once
        it is (``set_busy``), and the reader is told, rather than the key being lost."""
        if self.still_filling:
            self._focus_when_filled = True
            self.app.notify(self.busy_message, timeout=3)
        self.focus_main()

    def forget_focus_request(self) -> None:
        """The reader went back to the text meanwhile: the filled list does not take the focus."""
        self._focus_when_filled = False

    def _shown(self) -> bool:
        """This tab is on screen (its tab is the active one and the side pane is shown)."""
        return all(node.display for node in (self, *self.ancestors) if isinstance(node, Widget))

    def opened_at(self, on_screen: Span) -> None:
        """The reader opened this tab (its key) with ``on_screen`` of the text in view: a list in document order
        moves its cursor there (``row_to_open``); others ignore it."""

    # ------------------------------------------------------------------ type to filter
    filter_text = ""

    @property
    def filtered_list(self) -> PaneList | None:
        """The list ``/`` filters, whichever of the tab's lists it is pressed in (None: nothing to filter). A tab
        that sets it shows only the rows that match in ``apply_filter``."""
        return None

    def apply_filter(self, text: str) -> None:
        """Show only the entries of ``filtered_list`` that match ``text`` (``matches``)."""

    def on_mount(self) -> None:
        """The filter line is there from the start, hidden: the keys typed right after ``/`` can go into it."""
        target = self.filtered_list
        if target is not None:
            line = ListFilter(target)
            line.display = False
            self.mount(line, before=target)

    def open_filter(self, pressed_in: PaneList) -> ListFilter | None:
        """Open the filter line above the tab's filtered list (``/`` in any of its lists); None when this tab has
        nothing to filter."""
        target = self.filtered_list
        if target is None:
            return None
        line = next(f for f in self.query(ListFilter) if f.target is target)
        line.display = True
        line.focus()
        return line

    def clear_filter(self) -> None:
        """Escape: the filter line cleared and closed, every row listed again."""
        for line in self.query(ListFilter):
            line.action_clear()

    def on_input_changed(self, event: Input.Changed) -> None:
        if isinstance(event.input, ListFilter):
            event.stop()
            if event.value.strip() != self.filter_text:  # Escape applied the cleared filter already
                self.apply_filter(event.value.strip())
            event.input.target.refresh_bindings()  # Escape clears the filter from the list too (footer)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if isinstance(event.input, ListFilter):
            event.stop()
            event.input.target.focus()

    # ------------------------------------------------------------------ state
    @property
    def busy_widget(self) -> Widget:
        """The widget covered by the loading indicator while the tab is busy (default: the whole tab)."""
        return self

    @property
    def info(self) -> PaneInfo:
        return self.query_one(PaneInfo)

    def set_busy(self, busy: bool, message: str | None = None) -> None:
        if self.busy_widget.loading != busy:
            self.busy_widget.loading = busy
            self.post_message(self.BusyChanged())
        if not busy and self._focus_when_filled:
            self._focus_when_filled = False
            if self._shown() and not isinstance(self.screen.focused, Input):
                self.focus_main()
        if message is not None:
            self.info.update(Text(message))

    def show_info(self, message: str) -> None:
        self.info.update(Text(message, style="dim"))

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.info.update(Text(message, style="red"))

    # ------------------------------------------------------------------ analysis
    def run_stage(self, description: str, stage: Callable[[ShouldStop], R], deliver: Callable[[R], Message]) -> None:
        """Run ``stage`` in a thread; post ``deliver(result)`` to this pane unless the worker was cancelled.

        One worker per tab: a new request cancels the previous one, whose result is dropped.
        """

        def work() -> None:
            worker = get_current_worker()
            try:
                result = stage(lambda: worker.is_cancelled)
            except Cancelled:
                return
            if not worker.is_cancelled:
                self.post_message(deliver(result))

        self.run_worker(work, thread=True, exclusive=True, group=self.TAB_ID, exit_on_error=False,
                        description=description)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.post_message(WorkFailed(event.worker.description, event.worker.error, self))
