"""The side-pane tabs, in tab order. A new tab: a ``SidePane`` subclass in a module here, and one line below."""

from __future__ import annotations

from reader.ui.panes.base import SidePane
from reader.ui.panes.contents import ContentsPane
from reader.ui.panes.people import PeoplePane
from reader.ui.panes.summary import SummaryPane

PANES: tuple[type[SidePane], ...] = (
    SummaryPane,
    PeoplePane,
    ContentsPane,
)

__all__ = ["PANES", "ContentsPane", "PeoplePane", "SidePane", "SummaryPane"]
