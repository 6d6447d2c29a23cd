"""What every side-pane tab shares: its tab label and key, an info line, busy state (Textual's ``Widget.loading``),
error display, an analysis worker with one cancellation protocol, and focus-within styling (reader.tcss).

A tab is a subclass in a module of its own (named ``PANE`` there), listed once in ``reader.ui.panes.TAB_MODULES``.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar, TypeVar

from rich.text import Text
from textual.containers import Vertical
from textual.message import Message
from textual.widget import Widget
from textual.widgets import OptionList, Static
from textual.worker import Worker, WorkerState, get_current_worker

from reader.document.model import Document
from reader.nlp.analysis import Cancelled, ShouldStop, SummaryOptions
from reader.ui.messages import WorkFailed

R = TypeVar("R")


class PaneList(OptionList):
    """An OptionList that survives a terminal too short to show any of its rows.

    Textual's page keys index its row cache, which stays empty while the list has no visible region (a 100x9
    terminal, Summary tab, PageDown: KeyError). With no room, a page is one row.
    """

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


class PaneInfo(Static):
    """The one-line state of a pane: what it shows, what it is doing, or what went wrong."""


class SidePane(Vertical):
    """One tab of the side pane, showing one Document."""

    TAB_ID: ClassVar[str]
    TAB_LABEL: ClassVar[str]
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

    # ------------------------------------------------------------------ state
    @property
    def busy_widget(self) -> Widget:
        """The widget covered by the loading indicator while the tab is busy (default: the whole tab)."""
        return self

    @property
    def info(self) -> PaneInfo:
        return self.query_one(PaneInfo)

    def set_busy(self, busy: bool, message: str | None = None) -> None:
        self.busy_widget.loading = busy
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
