"""The Info tab: what the document is (source, format, author, date), how long (words, sentences, time), and what
the reader should know about how complete it is (``Metadata.warnings``: a download cut short, parts dropped, caps)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.widgets import Static

from reader.document.model import Document
from reader.ui.cached_analysis import analysis_runner
from reader.ui.panes.base import PaneInfo, SidePane


class InfoStats(VerticalScroll):
    """The statistics and warnings, focused when the tab is shown (so j / k scroll them, and no key is lost to a
    list in a hidden tab)."""

    BINDINGS = [
        Binding("j", "scroll_down", "Down", show=False, id="info.down"),
        Binding("k", "scroll_up", "Up", show=False, id="info.up"),
    ]


class InfoPane(SidePane):
    """Document statistics; the sentence count comes from a worker (splitting a book takes a while)."""

    TAB_ID = "info"
    TAB_LABEL = "Info"
    KEY = "i"
    KEY_IN_FOOTER = False

    class Counted(Message):
        def __init__(self, sentences: int) -> None:
            super().__init__()
            self.sentences = sentences

    def compose(self) -> ComposeResult:
        yield PaneInfo("Counting sentences…")
        with InfoStats():
            yield Static(stats_table(self.document, None), id="info-stats")

    def focus_main(self) -> None:
        self.query_one(InfoStats).focus()

    def start(self) -> None:
        runner = analysis_runner(self.app)  # cached sentence spans when the book was opened before
        self.run_stage("count sentences", lambda _should_stop: len(runner.sentences(self.document)), self.Counted)

    def on_info_pane_counted(self, message: Counted) -> None:
        self.query_one("#info-stats", Static).update(stats_table(self.document, message.sentences))
        self.info.display = False  # nothing to say once counted


def stats_table(doc: Document, sentences: int | None) -> Table:
    table = Table(box=None, show_header=False, padding=(0, 1))
    table.add_column(style="bold")
    table.add_column(overflow="fold")  # a long path or URL wraps rather than losing its end
    rows = [("Source", doc.source), ("Format", doc.meta.format), ("Author", doc.meta.author),
            ("Date", doc.meta.date), ("Words", f"{doc.word_count:,}"),
            ("Sentences", "…" if sentences is None else f"{sentences:,}"),
            ("Paragraphs", f"{len(doc.paragraphs):,}"), ("Reading time", doc.reading_time)]
    for label, value in rows:
        if value:
            table.add_row(label, value)
    for number, warning in enumerate(doc.meta.warnings):  # sanitised one-liners (Metadata)
        table.add_row(Text("Warning" if number == 0 else "", style="bold yellow"), Text(warning, style="yellow"))
    return table


PANE = InfoPane
