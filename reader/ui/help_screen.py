"""The help screen (``?`` / F1): every key, read from the bindings themselves so it cannot drift."""

from __future__ import annotations

from collections.abc import Iterable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Static

INTRO = (
    "reader shows the article on the left and a side pane on the right: the Summary (sentences picked by an "
    "extractive algorithm) and the People the article names. Pick a summary sentence or a person with Enter "
    "to jump there; then n / N move through that person's mentions (or the search hits)."
)

EXTRA_KEYS = [
    ("Side pane", "tab / shift+tab", "Move focus between the article and the side pane"),
    ("Side pane", "↑ ↓ / Enter", "Move in a list / pick the highlighted entry"),
    ("Reading", "mouse wheel", "Scroll the article"),
]


def display_key(key: str) -> str:
    """``ctrl+f`` -> ``ctrl+f``, ``question_mark`` -> ``?``, ``G`` -> ``G``."""
    *modifiers, name = key.split("+")
    return "+".join([*modifiers, format_key(name)])


def key_table(groups: Iterable[tuple[str, Iterable[Binding]]]) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("key", style="bold cyan", no_wrap=True, width=20)
    table.add_column("action")
    rows: dict[str, list[tuple[str, str]]] = {}
    for group, bindings in groups:
        for binding in bindings:
            keys = " / ".join(display_key(key) for key in binding.key.split(","))
            rows.setdefault(group, []).append((keys, binding.description))
    for group, key, description in EXTRA_KEYS:
        rows.setdefault(group, []).append((key, description))
    for group, entries in rows.items():
        table.add_row(Text(group, style="bold underline"), "")
        for keys, description in entries:
            table.add_row(keys, description)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """A modal over the reader; Escape, q, ? or F1 close it."""

    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
        Binding("space,pagedown", "scroll('page_down')", "Page down", show=False),
        Binding("b,pageup", "scroll('page_up')", "Page up", show=False),
    ]

    def __init__(self, groups: list[tuple[str, list[Binding]]]) -> None:
        super().__init__()
        self.keys = key_table(groups)

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text.assemble(("reader: keys", "bold"), ("    Escape, q, ? or F1 closes this help", "dim")),
                         id="help-title")
            yield Static(INTRO, id="help-intro")
            yield Static(self.keys, id="help-keys")

    def action_scroll(self, how: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        {"down": body.scroll_down, "up": body.scroll_up, "page_down": body.scroll_page_down,
         "page_up": body.scroll_page_up}[how](animate=False)
