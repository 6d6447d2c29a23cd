"""Messages that carry results from worker threads and panes to the app."""

from __future__ import annotations

from typing import Any

from textual.message import Message


class SummaryReady(Message):
    """A summary was computed (``summary`` is a ``reader.nlp.summary.Summary``)."""

    def __init__(self, summary: Any) -> None:
        super().__init__()
        self.summary = summary


class PeopleReady(Message):
    """The people list was computed (``people`` is a list of ``reader.nlp.people.Person``)."""

    def __init__(self, people: list[Any]) -> None:
        super().__init__()
        self.people = people


class JumpRequest(Message):
    """Scroll the article to a span and make it the current highlight."""

    def __init__(self, start: int, end: int) -> None:
        super().__init__()
        self.start = start
        self.end = end
