"""Messages that carry results from worker threads and panes to the app."""

from __future__ import annotations

from typing import Any

from textual.message import Message


class SummaryReady(Message):
    """A summary was computed (``summary`` is a ``reader.nlp.summary.Summary``) for request number ``request``,
    which asked for ``requested`` sentences (None: the default length)."""

    def __init__(self, summary: Any, request: int, requested: int | None) -> None:
        super().__init__()
        self.summary = summary
        self.request = request
        self.requested = requested


class PeopleReady(Message):
    """The people list was computed (``people`` is a list of ``reader.nlp.people.Person``)."""

    def __init__(self, people: list[Any]) -> None:
        super().__init__()
        self.people = people
