"""What the app shows while a document loads (a URL, a big file): its name and Textual's loading indicator."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from rich.text import Text
from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer, Static

from reader.document.model import Document


@dataclass(frozen=True)
class PendingDocument:
    """A document still to be loaded: ``name`` for the screen, ``load`` runs in a worker thread and may raise
    ``ReaderError``."""

    name: str
    load: Callable[[], Document]


class LoadingTitle(Static):
    """"Opening NAME…" where the article's title will be."""


class LoadingBody(Static):
    """Where the article will be; covered by the loading indicator."""


class LoadingScreen(Screen[None]):
    """Shown from the first paint until the document is loaded."""

    def __init__(self, name: str) -> None:
        super().__init__()
        self.source_name = name

    def compose(self) -> ComposeResult:
        yield LoadingTitle(Text.assemble(("Opening ", "dim"), (self.source_name, "bold"), ("…", "dim")), id="header")
        yield LoadingBody()
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(LoadingBody).loading = True
