"""The Summary tab: algorithm picker, the picked sentences in document order, Enter jumps to one."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import LoadingIndicator, OptionList, Select, Static
from textual.widgets.option_list import Option

from reader.document.model import Document
from reader.ui.snippets import clip
from reader.wording import count_of


class SummaryPane(Vertical):
    """Shows one summary; asks the app for another when the algorithm changes."""

    class AlgorithmChanged(Message):
        def __init__(self, algorithm: str) -> None:
            super().__init__()
            self.algorithm = algorithm

    class SentenceChosen(Message):
        """The reader picked summary sentence ``index`` (an index into ``Document.sentences``)."""

        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, document: Document, algorithms: Sequence[tuple[str, str]], algorithm: str,
                 *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document
        self._algorithms = list(algorithms)
        self._algorithm = algorithm
        self._indices: list[int] = []

    def compose(self) -> ComposeResult:
        yield Select(self._algorithms, value=self._algorithm, allow_blank=False, id="algorithm",
                     tooltip="Summary algorithm (sumy)")
        yield Static("Summarising…", id="summary-info")
        yield LoadingIndicator(id="summary-loading")
        yield OptionList(id="summary-list")

    @property
    def sentence_indices(self) -> list[int]:
        return list(self._indices)

    def set_busy(self, busy: bool, message: str = "Summarising…") -> None:
        self.query_one("#summary-loading").display = busy
        if busy:
            self.query_one("#summary-info", Static).update(Text(message))

    def show_error(self, message: str) -> None:
        self.set_busy(False)
        self.query_one("#summary-info", Static).update(Text(message, style="red"))

    def show_summary(self, summary: Any) -> None:
        doc = self.document
        self._indices = list(summary.sentence_indices)
        options = []
        total = max(1, len(doc.text))
        for index in self._indices:
            span = doc.sentences[index]
            paragraph = doc.paragraph_index_at(span.start) + 1
            where = f"¶{paragraph} · {round(100 * span.start / total)}%"
            prompt = Text.assemble((where, "dim"), "\n", clip(doc.text, span.start, span.end))
            options.append(Option(prompt, id=f"sentence-{index}"))
        summary_list = self.query_one("#summary-list", OptionList)
        summary_list.clear_options()
        summary_list.add_options(options)
        if options:
            summary_list.highlighted = 0
        info = f"{count_of(len(self._indices), 'sentence')} picked"
        if summary.note:
            info += f" · {summary.note}"
        self.query_one("#summary-info", Static).update(Text(info, style="dim"))
        self.set_busy(False)
        if summary.algorithm != self._algorithm:
            self._algorithm = summary.algorithm
            with self.prevent(Select.Changed):
                self.query_one("#algorithm", Select).value = summary.algorithm

    def on_select_changed(self, event: Select.Changed) -> None:
        event.stop()
        if event.value != self._algorithm and isinstance(event.value, str):
            self._algorithm = event.value
            self.post_message(self.AlgorithmChanged(event.value))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id != "summary-list":
            return
        event.stop()
        self.post_message(self.SentenceChosen(self._indices[event.option_index]))
