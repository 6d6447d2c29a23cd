"""“About <name>” in the Summary tab: with a person selected, the sentences that say the most about them
(``reader.nlp.about``), in document order, their quotes marked; Enter jumps to one like a summary sentence."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option
from textual.worker import get_current_worker

from reader.document.model import Document, Span
from reader.nlp.results import Person, Quote
from reader.ui.panes.base import PaneList
from reader.ui.snippets import MAX_PROMPT_CHARS
from reader.wording import count_of

QUOTE_STYLE = "italic magenta"


def marked_sentence(text: str, span: Span, quotes: Sequence[Quote]) -> Text:
    """The sentence on one line with the quoted stretches in it marked."""
    end = min(span.end, span.start + MAX_PROMPT_CHARS)
    line = Text(text[span.start : end].replace("\n", " "))
    starts = [q.span.start for q in quotes]
    first = max(0, bisect_left(starts, span.start) - 1)
    for quote in quotes[first:]:
        if quote.span.start >= end:
            break
        for part in quote.parts:
            lo, hi = max(part.start, span.start), min(part.end, end)
            if lo < hi:
                line.stylize(QUOTE_STYLE, lo - span.start, hi - span.start)
    return line


class AboutList(PaneList):
    """The sentences about the selected person."""


class AboutSection(Vertical):
    """Hidden until a person is selected; then "About NAME" and its sentences."""

    DEFAULT_CSS = """
    AboutSection { height: 1fr; display: none; }
    AboutSection #about-title { height: auto; padding: 0 1; margin-top: 1; }
    AboutSection AboutList { height: 1fr; }
    """

    class Found(Message):
        def __init__(self, key: str, spans: tuple[Span, ...]) -> None:
            super().__init__()
            self.key = key
            self.spans = spans

    class SentenceChosen(Message):
        """The reader picked About sentence ``index`` (an index into ``Document.sentences``)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, document: Document, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self.person: Person | None = None
        self.quotes: list[Quote] = []
        self.indices: list[int] = []
        self._spans: tuple[Span, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static("", id="about-title")
        yield AboutList(id="about-list")

    def show(self, person: Person | None, people: Sequence[Person], quotes: Sequence[Quote]) -> None:
        """About ``person`` (None: hide the section), computed in a worker (a book character takes a while)."""
        same = person is not None and self.person is not None and person == self.person
        self.person, self.quotes = person, list(quotes)
        self.display = person is not None
        if person is None:
            self.workers.cancel_group(self, "about")
            return
        if same:
            self._fill()  # the quotes may have changed, the sentences have not
            return
        self._spans = ()
        self.query_one("#about-title", Static).update(Text(f"About {person.name}…", style="bold"))
        self.query_one(AboutList).clear_options()
        doc, everyone = self.document, list(people)

        def work() -> None:
            from reader.nlp.about import about

            worker = get_current_worker()
            spans = about(doc, everyone, person)
            if not worker.is_cancelled:
                self.post_message(self.Found(person.key, spans))

        self.run_worker(work, thread=True, exclusive=True, group="about", exit_on_error=False,
                        description=f"about {person.name}")

    def on_about_section_found(self, message: Found) -> None:
        message.stop()
        if self.person is None or message.key != self.person.key:
            return
        self._spans = message.spans
        self._fill()

    def _fill(self) -> None:
        if self.person is None:
            return
        doc = self.document
        starts = [s.start for s in doc.sentences]
        self.indices = [bisect_left(starts, span.start) for span in self._spans]
        options = [Option(marked_sentence(doc.text, span, self.quotes), id=f"about-{i}")
                   for i, span in enumerate(self._spans)]
        about_list = self.query_one(AboutList)
        about_list.clear_options()
        about_list.add_options(options)
        if options:
            about_list.highlighted = 0
        title = Text(f"About {self.person.name}", style="bold")
        title.append(f"  {count_of(len(options), 'sentence')} · Tab: here · Enter: jump", style="dim")
        self.query_one("#about-title", Static).update(title)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()  # not a summary sentence: the Summary tab must not see it
        if event.option.id and event.option.id.startswith("about-"):
            self.post_message(self.SentenceChosen(self.indices[int(event.option.id.rsplit("-", 1)[1])]))
