"""A progress bar above the status line while the side panes analyse the text (the first open of a book).

It follows the panes' busy state (``Widget.loading`` of their lists; ``ReaderScreen`` calls ``update_progress``
on each ``SidePane.BusyChanged``): one step per analysing tab, a label naming what still runs, hidden as soon as
nothing does (at once on a reopen, the results coming from the cache).
"""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.events import Mount
from textual.widgets import LoadingIndicator, ProgressBar, Static

from reader.ui.panes.base import SidePane

BUSY_FRAMES_PER_SECOND = 4  # Textual's indicator redraws 16 times a second: CPU the analysis processes need


class CalmLoadingIndicator(LoadingIndicator):
    """The busy panes' indicator (``ReaderScreen.get_loading_widget``), redrawn 4 times a second instead of 16."""

    def _on_mount(self, event: Mount) -> None:
        super()._on_mount(event)
        self.auto_refresh = 1 / BUSY_FRAMES_PER_SECOND


class ProgressLabel(Static):
    """What is still running ("Analysing: People, Summary")."""


class AnalysisProgress(Horizontal):
    """Shown while any side pane that analyses is busy."""

    def compose(self) -> ComposeResult:
        yield ProgressLabel("")
        yield ProgressBar(total=1, show_eta=True, id="analysis-bar")

    def on_mount(self) -> None:
        self._shown = ""
        self.display = False
        self.call_after_refresh(self.update_progress)

    def update_progress(self) -> None:
        panes = [pane for pane in self.screen.query(SidePane) if pane.ANALYSES]
        busy = [pane for pane in panes if pane.busy_widget.loading]
        self.display = bool(busy)
        if not busy:
            self._shown = ""
            return
        label = "Analysing: " + ", ".join(pane.TAB_LABEL for pane in busy) + "  "
        if label == self._shown:  # unchanged: no repaint (each update costs a layout pass of the screen)
            return
        self._shown = label
        self.query_one(ProgressBar).update(total=len(panes), progress=len(panes) - len(busy))
        self.query_one(ProgressLabel).update(Text(label, style="dim"))
