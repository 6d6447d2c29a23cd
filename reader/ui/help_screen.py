"""The help screen (F1 / ``h``): every key, read from the bindings themselves so it cannot drift."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.table import Table
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import ActiveBinding, Binding
from textual.containers import VerticalScroll
from textual.dom import DOMNode
from textual.keys import format_key
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.sizes import SHORT_HEIGHT

INTRO = (
    "reader shows the text on the left and a side pane on the right: the Summary (sentences picked from the text), "
    "the People it names, its Contents (chapters), the Quotes and who said them, and Info. Pick an entry with "
    "Enter to jump there; then n / N move through that person's mentions, the quotes or the search hits. In a "
    "narrow terminal the text and the pane take turns (t switches)."
)

LIBRARY_INTRO = (
    "The library lists the articles and books of a folder (or the files read last). Enter reads the highlighted "
    "one; Escape there, with nothing else to clear, comes back here. The People index lists everyone named in the "
    "texts analysed so far (a text is analysed when it is first read): Enter shows the texts that name a person, "
    "Enter on one opens it at their first mention."
)

ExtraKey = tuple[str, str, str, tuple[str, ...]]
"""A help row no binding of the screen makes: (section, keys, what they do, the binding ids that make the row
already when they are active: it is left out then, as when the help is opened in a list)."""

READER_EXTRA_KEYS: list[ExtraKey] = [
    ("Side pane", "tab / shift+tab", "Move focus between the article and the side pane", ()),
    ("Side pane", "j k g G space b / Enter", "Move in a list / pick the highlighted entry", ("list.down",)),
    ("Side pane", "/ (in a list)", "Filter the list (Enter: back to it, Escape: clear the filter)", ("list.filter",)),
    ("Side pane", "Enter on ≡ summary", "Contents: summarise that chapter, its sentences listed below", ()),
    ("Side pane", "Escape (Quotes)", "Everyone's quotes again, after one person's", ("quotes.everyone",)),
    ("People", "m x d u (People list)", "Merge the person into another, split a name off, hide, undo (saved)",
     ("people.merge",)),
    ("Search and jump", "10j 5n 50% 50p", "A number before a key repeats it; N% or Np goes N percent through", ()),
    ("Search and jump", "re:PATTERN", "A regular expression; accents never matter, capitals only if typed", ()),
    ("App", "ctrl+p", "Every command, with its key", ()),
    ("Reading", "mouse wheel", "Scroll the article", ()),
]

LIBRARY_EXTRA_KEYS: list[ExtraKey] = [
    ("Library", "↑ ↓ pgup pgdn home end", "Move in the table or a list", ()),
    ("Library", "Enter", "Read the highlighted text (Escape there comes back here); People index: its texts", ()),
    ("App", "ctrl+p", "Every command, with its key", ()),
]


def display_key(key: str) -> str:
    """``ctrl+f`` -> ``ctrl+f``, ``question_mark`` -> ``?``, ``G`` -> ``G``."""
    *modifiers, name = key.split("+")
    return "+".join([*modifiers, format_key(name)])


SECTIONS = {"article": "Reading", "search": "Search and jump", "jump": "Search and jump", "pane": "Side pane",
            "list": "Side pane", "summary": "Summary", "app": "App"}
"""Help section of a binding, by the first part of its id ("search.next"); an unknown part is its own section."""

Sections = list[tuple[str, list[tuple[str, str]]]]


def _declared(binding_id: str, node: DOMNode) -> tuple[int, list[str]]:
    """Where the class of ``node`` declares the binding ``binding_id``, and its keys in declared order (the help
    lists bindings and keys so, rather than in Textual's merged order)."""
    for cls in type(node).__mro__:
        for index, declared in enumerate(getattr(cls, "BINDINGS", ())):
            if isinstance(declared, Binding) and declared.id == binding_id:
                return index, declared.key.split(",")
    return len(getattr(type(node), "BINDINGS", ())), []


def help_sections(active: Mapping[str, ActiveBinding], extra: Sequence[ExtraKey] = READER_EXTRA_KEYS) -> Sections:
    """Every active binding that has an id, keys of one binding on one row, grouped into SECTIONS, and the
    ``extra`` rows not made by an active binding already.

    ``active`` is a screen's ``active_bindings``, so the help shows the keys as they are bound right now (a keymap
    included); Textual's own bindings have no id and are left to the ``extra`` lines.
    """
    keys: dict[str, list[str]] = {}
    found: dict[str, ActiveBinding] = {}
    nodes: list[DOMNode] = []
    for key, entry in active.items():
        binding_id = entry.binding.id
        if binding_id is None or entry.binding.system:
            continue
        keys.setdefault(binding_id, []).append(key)
        found.setdefault(binding_id, entry)
        if entry.node not in nodes:
            nodes.append(entry.node)
    declared = {binding_id: _declared(binding_id, entry.node) for binding_id, entry in found.items()}
    in_order = sorted(found, key=lambda i: (nodes.index(found[i].node), declared[i][0]))
    sections: dict[str, list[tuple[str, str]]] = {title: [] for title in SECTIONS.values()}
    for binding_id in in_order:
        order = declared[binding_id][1]
        ordered = sorted(keys[binding_id], key=lambda k: order.index(k) if k in order else len(order))
        prefix = binding_id.split(".", 1)[0]
        title = SECTIONS.get(prefix, prefix.capitalize())
        row = (" / ".join(display_key(k) for k in ordered), found[binding_id].binding.description)
        sections.setdefault(title, []).append(row)
    for group, key, description, made_by in extra:
        if not any(binding_id in found for binding_id in made_by):
            sections.setdefault(group, []).append((key, description))
    return [(title, rows) for title, rows in sections.items() if rows]


def key_table(sections: Sections) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 2, 0, 0), expand=True)
    table.add_column("key", style="bold cyan", no_wrap=True, width=24)
    table.add_column("action")
    for group, entries in sections:
        table.add_row(Text(group, style="bold underline"), "")
        for keys, description in entries:
            table.add_row(keys, description)
        table.add_row("", "")
    return table


class HelpScreen(ModalScreen[None]):
    """A modal over the reader; Escape, q, h or F1 close it."""

    BINDINGS = [
        Binding("escape,q,h,f1", "dismiss", "Close help", id="help.close"),
        Binding("j,down", "scroll('down')", "Down", show=False),
        Binding("k,up", "scroll('up')", "Up", show=False),
        Binding("space,pagedown", "scroll('page_down')", "Page down", show=False),
        Binding("b,pageup", "scroll('page_up')", "Page up", show=False),
    ]

    def __init__(self, sections: Sections, intro: str = INTRO) -> None:
        super().__init__()
        self.sections = sections
        self.intro = intro
        self.keys = key_table(sections)

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.height < SHORT_HEIGHT, "short")  # every row for the keys

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help-body"):
            yield Static(Text.assemble(("reader: keys", "bold"), ("    Escape, q, h or F1 closes this help", "dim")),
                         id="help-title")
            yield Static(self.intro, id="help-intro")
            yield Static(self.keys, id="help-keys")

    def action_scroll(self, how: str) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        {"down": body.scroll_down, "up": body.scroll_up, "page_down": body.scroll_page_down,
         "page_up": body.scroll_page_up}[how](animate=False)
