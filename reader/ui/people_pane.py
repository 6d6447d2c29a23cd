"""The People tab: everyone named, most-mentioned first, with where they appear; then one person's mentions."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import LoadingIndicator, OptionList, Static
from textual.widgets.option_list import Option

from reader.document.model import Document, Span
from reader.ui.snippets import clip, keyword_in_context
from reader.wording import count_of

BAR_CELLS = 28
BAR_LEVELS = "▁▂▃▄▅▆▇█"
MAX_MENTION_ROWS = 5000


def distribution_bar(mentions: Sequence[Span], length: int, cells: int = BAR_CELLS) -> str:
    """Where in the text the mentions fall, one cell per 1/cells of the text (like Kindle X-Ray's bar)."""
    counts = [0] * cells
    for span in mentions:
        counts[min(cells - 1, span.start * cells // max(1, length))] += 1
    peak = max(counts) or 1
    return "".join(" " if c == 0 else BAR_LEVELS[min(7, (c * 8 - 1) // peak)] for c in counts)


class PeoplePane(Vertical):
    """People list on top, the selected person's mentions (keyword in context) below."""

    class PersonChosen(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    class MentionChosen(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, document: Document, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self.people: list[Any] = []

    def compose(self) -> ComposeResult:
        yield Static("Finding people…", id="people-info")
        yield LoadingIndicator(id="people-loading")
        yield OptionList(id="people-list")
        yield Static("", id="mentions-title")
        yield OptionList(id="mentions-list")

    def on_mount(self) -> None:
        self.show_mentions(None)

    def show_error(self, message: str) -> None:
        self.query_one("#people-loading").display = False
        self.query_one("#people-info", Static).update(Text(message, style="red"))

    def show_people(self, people: list[Any]) -> None:
        self.people = people
        doc = self.document
        options = []
        people_list = self.query_one("#people-list", OptionList)
        cells = self._bar_cells()
        for index, person in enumerate(people):
            prompt = Text(clip(person.name, 0, len(person.name), 80), style="bold")
            prompt.append(f"  {len(person.mentions)}", style="cyan")
            if person.titles:
                prompt.append("  " + ", ".join(person.titles[:2]), style="italic dim")
            prompt.append("\n" + distribution_bar(person.mentions, len(doc.text), cells), style="green")
            options.append(Option(prompt, id=f"person-{index}"))
        people_list.clear_options()
        people_list.add_options(options)
        if options:
            people_list.highlighted = 0
        self.query_one("#people-loading").display = False
        count = len(people)
        self.query_one("#people-info", Static).update(
            Text(f"{count_of(count, 'person', 'people')} · Enter: highlight and jump · n/N: next/previous",
                 style="dim") if count else Text("No people found in this text.", style="dim"))

    def _bar_cells(self) -> int:
        """Bar length that fits a list row. The People tab may be hidden (width 0): measure the side pane."""
        width = self.query_one("#people-list", OptionList).scrollable_content_region.width
        if not width and self.parent is not None:
            pane = next((a for a in self.ancestors if a.id == "side-pane"), None)
            width = pane.size.width - 8 if pane is not None else 0  # border, list border, padding, scrollbar
        return max(10, min(40, width - 3)) if width > 0 else BAR_CELLS

    def show_mentions(self, person_index: int | None) -> None:
        mentions_list = self.query_one("#mentions-list", OptionList)
        title = self.query_one("#mentions-title", Static)
        mentions_list.clear_options()
        if person_index is None:
            title.update("")
            title.display = mentions_list.display = False  # the list gets the whole pane until a pick
            return
        title.display = mentions_list.display = True
        person = self.people[person_index]
        spans = person.mentions[:MAX_MENTION_ROWS]
        width = mentions_list.scrollable_content_region.width or 40
        side = max(8, (width - 4 - len(person.name)) // 2)
        title.update(Text(f"Mentions of {person.name} ({len(person.mentions)})", style="bold"))
        mentions_list.add_options(
            Option(keyword_in_context(self.document.text, span, side), id=f"mention-{i}") for i, span in enumerate(spans)
        )

    def highlight_mention(self, index: int) -> None:
        mentions_list = self.query_one("#mentions-list", OptionList)
        if 0 <= index < mentions_list.option_count:
            mentions_list.highlighted = index

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option_list.id == "people-list":
            self.post_message(self.PersonChosen(event.option_index))
        elif event.option_list.id == "mentions-list":
            self.post_message(self.MentionChosen(event.option_index))
