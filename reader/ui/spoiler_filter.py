"""No spoilers in the UI: whether it is on, the reading position, and the full results limited to it.

The reading screen holds one ``SpoilerFilter``. The panes keep the full results of their analysis and show them
through ``spoiler_filter_of(pane)``; when the reader scrolls (debounced) or presses ``z`` the screen calls
``refilter()`` on the panes. Only filtering (``reader.nlp.spoilers``), never a new analysis: cheap enough to
follow the reading position. "Read" is everything up to the last row on screen.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from textual.widget import Widget

from reader.document.model import Document, Span
from reader.nlp.results import Person, Summary
from reader.nlp.spoilers import hide_spoilers_by_default, people_up_to, spans_up_to, summary_up_to
from reader.ui.article_view import ArticleView

__all__ = ["DEBOUNCE_SECONDS", "SpoilerFilter", "reading_offset", "spoiler_filter_of"]

DEBOUNCE_SECONDS = 0.25
T = TypeVar("T")


class SpoilerFilter:
    """``hidden``: results are limited to ``offset`` (the reading position in ``text``); else they pass unchanged."""

    def __init__(self, text: str, hidden: bool, offset: int = 0) -> None:
        self.text = text
        self.hidden = hidden
        self.offset = offset

    @classmethod
    def for_document(cls, document: Document) -> SpoilerFilter:
        """On by default in books, off in short articles (``reader.nlp.spoilers.hide_spoilers_by_default``)."""
        return cls(document.text, hide_spoilers_by_default(document))

    def people(self, people: list[Person]) -> list[Person]:
        return people_up_to(people, self.offset, self.text) if self.hidden else list(people)

    def summary(self, summary: Summary) -> Summary:
        return summary_up_to(summary, self.offset) if self.hidden else summary

    def spans(self, items: Iterable[T], span_of: Callable[[T], Span] = lambda item: item) -> list[T]:
        """Quotes, search hits, anything with a span: those read so far."""
        return spans_up_to(items, self.offset, span_of) if self.hidden else list(items)


_HIDES_NOTHING = SpoilerFilter("", hidden=False)


def spoiler_filter_of(node: Widget) -> SpoilerFilter:
    """The filter of the screen ``node`` is on (one that hides nothing when that screen has none)."""
    found = getattr(node.screen, "spoilers", None) if node.is_attached else None
    return found if isinstance(found, SpoilerFilter) else _HIDES_NOTHING


def reading_offset(article: ArticleView) -> int:
    """The end of the last row on screen: what the reader has read."""
    layout = article.layout_rows
    if not len(layout):
        return 0
    top = int(article.scroll_offset.y)
    height = max(1, article.scrollable_content_region.height)
    return layout.ends[min(len(layout) - 1, top + height - 1)]
