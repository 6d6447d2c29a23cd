"""The line above the article: title, byline and date, length, reading time and progress."""

from __future__ import annotations

import os

from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from reader.document.model import Document


class ArticleHeader(Static):
    """Title on the first line; byline, date, words, reading time and progress on the second."""

    progress: reactive[float] = reactive(0.0)
    chapter: reactive[str] = reactive("")
    """Where the reader is: "ch. 3.12  BOOK THREE › CHAPTER XII" (empty outside chapters)."""
    no_spoilers: reactive[bool] = reactive(False)
    """Whether the side pane is limited to the text read so far (``z``)."""

    def __init__(self, document: Document, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.document = document

    def render(self) -> Text:
        doc = self.document
        title = doc.title or _source_name(doc.source)
        line = Text(title, style="bold", no_wrap=True, overflow="ellipsis", end="")
        if self.no_spoilers:
            line.append("   no spoilers (z)", style="bold yellow")
        if self.chapter:
            line.append("   " + self.chapter, style="cyan")
        details = [part for part in (doc.meta.author, doc.meta.date) if part]
        stats = f"{doc.word_count:,} words · {doc.reading_time} · {round(self.progress * 100)}%"
        second = Text(no_wrap=True, overflow="ellipsis", end="")
        if details:
            second.append(" · ".join(details) + "   ", style="italic")
        second.append(stats, style="dim")
        if self.size.height == 1:  # a short terminal: one row, the stats first (the title is on the tab too)
            return Text("  ", no_wrap=True, overflow="ellipsis", end="").join([second, line])
        return Text("\n", end="").join([line, second])


def _source_name(source: str) -> str:
    """A file's name without its folders; a URL or ``<stdin>`` as it is."""
    if "://" in source or source.startswith("<"):
        return source
    return os.path.basename(source.rstrip(os.sep)) or source
