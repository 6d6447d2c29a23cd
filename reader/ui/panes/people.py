"""The People tab: everyone named, most-mentioned first, with where they appear; then one person's mentions."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Static, TabbedContent
from textual.widgets.option_list import Option

from reader.document.model import Span
from reader.nlp import analysis
from reader.nlp.results import Person
from reader.ui.cached_analysis import analysis_runner
from reader.ui.chapter_index import chapter_index
from reader.ui.messages import PeopleReady
from reader.ui.panes.base import PaneInfo, PaneList, SidePane, matches
from reader.ui.people_corrections import CorrectableList, CorrectsPeople, person_details
from reader.ui.spoiler_filter import spoiler_filter_of
from reader.ui.snippets import clip, keyword_in_context
from reader.wording import count_of

BAR_CELLS = 28
BAR_LEVELS = "▁▂▃▄▅▆▇█"
MAX_MENTION_ROWS = 5000
TAB_CHROME = 8  # columns of the tabs around a list row: borders, padding, scrollbar


def distribution_bar(mentions: Sequence[Span], length: int, cells: int = BAR_CELLS) -> str:
    """Where in the text the mentions fall, one cell per 1/cells of the text (like Kindle X-Ray's bar)."""
    counts = [0] * cells
    for span in mentions:
        counts[min(cells - 1, span.start * cells // max(1, length))] += 1
    peak = max(counts) or 1
    return "".join(" " if c == 0 else BAR_LEVELS[min(7, (c * 8 - 1) // peak)] for c in counts)


class PeopleList(CorrectableList):
    """Everyone named."""


class MentionsList(PaneList):
    """One person's mentions, keyword in context."""


class MentionsTitle(Static):
    """"Mentions of NAME (N)" above the mentions list."""


class PeoplePane(CorrectsPeople, SidePane):
    """People list on top, the selected person's mentions (keyword in context) below."""

    TAB_ID = "people"
    TAB_LABEL = "People"
    SHORT_LABEL = "Ppl"
    KEY = "p"
    BUSY_NOTE = "Still finding people"

    class PersonChosen(Message):
        def __init__(self, person: Person) -> None:
            super().__init__()
            self.person = person

    class MentionChosen(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    people: list[Person]

    def compose(self) -> ComposeResult:
        self.people = []
        self.found: list[Person] | None = None  # everyone found, before the spoiler filter
        self.shown = False
        self._person: Person | None = None
        self._cells = 0
        self._mention_width = 0
        yield PaneInfo("Finding people…")
        yield PeopleList(id="people-list")
        yield PersonDetails("", id="person-details")
        yield MentionsTitle("", id="mentions-title")
        yield MentionsList(id="mentions-list")

    def on_mount(self) -> None:
        self.show_mentions(None)

    @property
    def busy_widget(self) -> Widget:
        return self.query_one(PeopleList)

    def focus_main(self) -> None:
        self.query_one(PeopleList).focus()

    def start(self) -> None:
        self.set_busy(True)
        runner = analysis_runner(self.app)
        self.load_corrections()
        self.run_stage(analysis.STAGES["people"].label,
                       lambda should_stop: runner.people(self.document, should_stop, self.corrections), PeopleReady)

    # ------------------------------------------------------------------ results
    def on_people_ready(self, message: PeopleReady) -> None:
        """Show the list; the message goes on to the screen (jump targets, status line)."""
        self.found = list(message.people)
        self.show_people(spoiler_filter_of(self).people(self.found))

    def refilter(self) -> None:
        """Show the people found again through the spoiler filter (the reading position moved, or the toggle)."""
        if self.found is not None:
            self.show_people(spoiler_filter_of(self).people(self.found))

    def show_people(self, people: list[Person]) -> None:
        """Show ``people`` (all the people found, or those met so far) in the list."""
        if [(p.key, len(p.mentions)) for p in people] == [(p.key, len(p.mentions)) for p in self.people] and self.shown:
            return
        self.shown = True
        self.people = people
        self._fill_people()
        self.set_busy(False)
        count = len(self.people)
        so_far = " so far" if len(people) < len(self.found or ()) else ""
        nobody = "Nobody met yet (no spoilers; z shows everyone)." if self.found else "No people found."
        self.show_info(f"{count_of(count, 'person', 'people')}{so_far} · / filters" if count else nobody)

    def _fill_people(self) -> None:
        """The people matching the filter, their bars as wide as the list is now; the highlighted one kept."""
        people_list = self.query_one(PeopleList)
        kept = people_list.highlighted_option.id if people_list.highlighted_option is not None else None
        self._cells = cells = self._bar_cells()
        length = len(self.document.text)
        options = []
        for index, person in enumerate(self.people):
            if not matches(self.filter_text, person.name, *person.aliases):
                continue
            prompt = Text(clip(person.name, 0, len(person.name), 80), style="bold")
            prompt.append(f"  {len(person.mentions)}", style="cyan")
            prompt.append(self.quotes_note(person))
            room = cells - prompt.cell_len - 2  # titles only on the name's row: one row of text, one of bar
            if person.titles and room >= 6:
                titles = ", ".join(person.titles[:2])
                prompt.append("  " + (titles if len(titles) <= room else titles[: room - 1] + "…"), style="italic dim")
            prompt.append("\n" + distribution_bar(person.mentions, length, cells), style="green")
            options.append(Option(prompt, id=f"person-{index}"))
        people_list.clear_options()
        people_list.add_options(options)
        if options:
            ids = [option.id for option in options]
            people_list.highlighted = ids.index(kept) if kept in ids else 0

    @property
    def filtered_list(self) -> PeopleList:
        return self.query_one(PeopleList)

    def apply_filter(self, text: str) -> None:
        self.filter_text = text
        self._fill_people()

    def on_resize(self) -> None:
        """Bars and the mentions' context follow the pane's width."""
        if self.people and self._bar_cells() != self._cells:
            self._fill_people()
        mentions_list = self.query_one(MentionsList)
        if self._person is not None and self._bar_cells() != self._mention_width:
            highlighted = mentions_list.highlighted
            self.show_mentions(self._person)
            if highlighted is not None:
                self.highlight_mention(highlighted)

    def _bar_cells(self) -> int:
        """Bar length that fits a list row. The People tab may be hidden (width 0): measure the tabs."""
        width = self.query_one(PeopleList).scrollable_content_region.width
        if not width:
            tabs = next((a for a in self.ancestors if isinstance(a, TabbedContent)), None)
            width = tabs.size.width - TAB_CHROME if tabs is not None else 0
        return max(10, min(40, width - 3)) if width > 0 else BAR_CELLS

    # ------------------------------------------------------------------ one person
    def show_mentions(self, person: Person | None) -> None:
        """Show ``person``'s mentions below the list, or hide the mentions list (None)."""
        self._person = person
        mentions_list = self.query_one(MentionsList)
        title = self.query_one(MentionsTitle)
        mentions_list.clear_options()
        if person is None:
            title.update("")
            title.display = mentions_list.display = False  # the list gets the whole pane until a pick
            return
        title.display = mentions_list.display = True
        spans = person.mentions[:MAX_MENTION_ROWS]
        self._mention_width = width = self._bar_cells()  # a row of the list, as the bars
        title.update(Text(f"{person.name}: {count_of(len(person.mentions), 'mention')}", style="bold", no_wrap=True,
                          overflow="ellipsis"))
        chapters = chapter_index(self.document)

        def row(span: Span) -> Text:
            """One row, never wrapped: "ch. 3 · …left NAME right…", the context as wide as the room left."""
            label = chapters.label_at(span.start)
            room = width - 4 - len(person.name) - (len(label) + 3 if label else 0)
            line = chapters.prefixed(span.start, keyword_in_context(self.document.text, span, max(1, room // 2)))
            line.truncate(width + 1, overflow="ellipsis")
            return line

        mentions_list.add_options(Option(row(span), id=f"mention-{i}") for i, span in enumerate(spans))

    def highlight_mention(self, index: int) -> None:
        mentions_list = self.query_one(MentionsList)
        if 0 <= index < mentions_list.option_count:
            mentions_list.highlighted = index

    def on_option_list_option_selected(self, event: PaneList.OptionSelected) -> None:
        event.stop()
        if isinstance(event.option_list, MentionsList):
            self.post_message(self.MentionChosen(event.option_index))
        elif isinstance(event.option_list, PeopleList):
            self.post_message(self.PersonChosen(self.people[int(event.option.id.rsplit("-", 1)[1])]))

    # ------------------------------------------------------------------ quotes and details (issues 11, 15)
    quote_counts: dict[str, int] = {}

    def quotes_note(self, person: Person) -> Text:
        """The person's number of quotes on their row (nothing until quotes are found, or when none)."""
        count = self.quote_counts.get(person.key, 0)
        return Text(f"  ❝{count}", style="magenta") if count else Text("")

    def show_quote_counts(self, counts: dict[str, int]) -> None:
        """Quotes per person (by key) arrived: show them on the rows, keeping the highlighted row."""
        self.quote_counts = counts
        self._fill_people()  # the same people, their rows drawn again (the highlighted one kept)

    def highlighted_person(self) -> Person | None:
        option = self.query_one(PeopleList).highlighted_option
        if option is None or not option.id or not option.id.startswith("person-"):
            return None
        return self.people[int(option.id.rsplit("-", 1)[1])]

    def select_person(self, index: int) -> None:
        """Move the People list's cursor to ``self.people[index]`` (when the filter shows them)."""
        people_list = self.query_one(PeopleList)
        for row in range(people_list.option_count):
            if people_list.get_option_at_index(row).id == f"person-{index}":
                people_list.highlighted = row

    def on_option_list_option_highlighted(self, event: PaneList.OptionHighlighted) -> None:
        if isinstance(event.option_list, PeopleList):
            person = self.highlighted_person()
            details = self.query_one(PersonDetails)
            details.show(person_details(person, self.quote_counts.get(person.key)) if person else Text())


class PersonDetails(Static):
    """Every name form of the highlighted person (so a wrong merge can be seen), titles, number of quotes: at most
    MAX_ROWS rows, the last one ending with an ellipsis when the rest is cut (never a word cut at the edge)."""

    MAX_ROWS = 3
    DEFAULT_CSS = "PersonDetails { height: auto; padding: 0 1; color: $text-muted; }"

    details = Text()

    def show(self, details: Text) -> None:
        self.details = details
        self.update(details)

    def render(self) -> Text:
        width = self.content_region.width or self.size.width
        if not width or not self.details:
            return self.details
        rows = self.details.wrap(self.app.console, width)
        if len(rows) <= self.MAX_ROWS:
            return self.details
        kept = rows[: self.MAX_ROWS]
        last = kept[-1]
        last.rstrip()
        if last.cell_len > width - 1:
            last.truncate(width - 1)
        last.append("…")
        return Text("\n").join(kept)


PANE = PeoplePane
