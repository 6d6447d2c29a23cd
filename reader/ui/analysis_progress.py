"""A progress bar above the status line while the side panes analyse the text (the first open of a book).

It follows the panes' busy state (``Widget.loading`` of their lists): one step per analysing tab, a label
naming what still runs, hidden as soon as nothing does (at once on a reopen, the results coming from the cache).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import ProgressBar, Static

from reader.ui.panes.base import SidePane

POLL_SECONDS = 0.2


class ProgressLabel(Static):
    """What is still running ("Analysing: People, Summary")."""


class AnalysisProgress(Horizontal):
    """Shown while any side pane that analyses is busy."""

    def compose(self) -> ComposeResult:
        yield ProgressLabel("")
        yield ProgressBar(total=1, show_eta=True, id="analysis-bar")

    def on_mount(self) -> None:
        self.display = False
        self._timer = self.set_interval(POLL_SECONDS, self.update_progress)
        self.call_after_refresh(self.update_progress)

    def update_progress(self) -> None:
        panes = [pane for pane in self.screen.query(SidePane) if pane.ANALYSES]
        busy = [pane for pane in panes if pane.busy_widget.loading]
        self.display = bool(busy)
        if not busy:
            return
        bar = self.query_one(ProgressBar)
        bar.update(total=len(panes), progress=len(panes) - len(busy))
        label = "Analysing: " + ", ".join(pane.TAB_LABEL for pane in busy) + "  "
        self.query_one(ProgressLabel).update(Text(label, style="dim"))
