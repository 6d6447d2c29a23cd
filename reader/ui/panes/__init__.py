"""The side-pane tabs. A new tab: a module here defining a ``SidePane`` subclass as ``PANE``, and its name below."""

from __future__ import annotations

from importlib import import_module

from reader.ui.panes.base import SidePane
from reader.ui.panes.contents import ContentsPane
from reader.ui.panes.people import PeoplePane
from reader.ui.panes.summary import SummaryPane

TAB_MODULES = (  # in tab order
    "summary",
    "people",
    "contents",
    "quotes",
    "info",
)


def _pane_of(module: str) -> type[SidePane]:
    pane = getattr(import_module(f"{__name__}.{module}"), "PANE", None)
    if not (isinstance(pane, type) and issubclass(pane, SidePane)):
        raise TypeError(f"{__name__}.{module}.PANE must be a SidePane subclass")
    return pane


PANES: tuple[type[SidePane], ...] = tuple(_pane_of(module) for module in TAB_MODULES)

__all__ = ["PANES", "ContentsPane", "PeoplePane", "SidePane", "SummaryPane"]
