"""The side pane's row of tabs: every tab readable at any width, the labels shortened only as far as needed.

Textual's ``Tabs`` scroll a row too wide for the pane (the first or last tabs drop out of sight). Here each tab has a
full and a short label (``SidePane.TAB_LABEL`` / ``SHORT_LABEL``); when the full ones do not fit, the longest are
shortened first, until the row fits.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.cells import cell_len
from textual.widgets import TabbedContent, Tabs

TAB_PADDING = 2  # a Tab's padding (0 1) around its label


def row_width(labels: Sequence[str]) -> int:
    """Cells the row of tabs takes with these labels."""
    return sum(cell_len(label) + TAB_PADDING for label in labels)


def fitting_labels(labels: Sequence[tuple[str, str]], width: int) -> list[str]:
    """For each (full, short) label the one to show in ``width`` cells: full ones unless the row would not fit,
    then the longest shortened first (ties: the rightmost), the short ones in the end even if they overflow."""
    chosen = [full for full, _ in labels]
    while row_width(chosen) > width:
        longer = [i for i, (full, short) in enumerate(labels) if chosen[i] == full and cell_len(short) < cell_len(full)]
        if not longer:
            break
        index = max(longer, key=lambda i: (cell_len(chosen[i]), i))
        chosen[index] = labels[index][1]
    return chosen


class SideTabs(TabbedContent):
    """The side pane: a TabbedContent whose tab labels follow its width (``labels``: pane id -> (full, short))."""

    def __init__(self, labels: dict[str, tuple[str, str]], **kwargs) -> None:
        super().__init__(**kwargs)
        self.labels = labels

    def on_resize(self) -> None:
        self.fit_labels()

    def fit_labels(self) -> None:
        width = self.query_one(Tabs).size.width or self.size.width
        if not width:
            return
        ids = list(self.labels)
        for pane_id, label in zip(ids, fitting_labels([self.labels[i] for i in ids], width)):
            tab = self.get_tab(pane_id)
            if tab.label_text != label:
                tab.label = label
