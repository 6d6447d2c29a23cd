"""Messages that carry analysis results from worker threads to the panes and the reading screen.

A result message is posted to the pane that asked for it and bubbles up to the screen, so both see it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from textual.message import Message

from reader.nlp.results import Person, Summary
from reader.ui.search import BadQuery, SearchHits


class SummaryReady(Message):
    """A summary was computed for request number ``request``, which asked for ``requested`` sentences
    (None: the default length)."""

    def __init__(self, summary: Summary, request: int, requested: int | None) -> None:
        super().__init__()
        self.summary = summary
        self.request = request
        self.requested = requested


class PeopleReady(Message):
    """The people list was computed, most mentioned first."""

    def __init__(self, people: Sequence[Person]) -> None:
        super().__init__()
        self.people = list(people)


class SearchFinished(Message):
    """A search finished (``hits`` is BadQuery for a bad regex); ``origin`` is the offset at the top of the view
    when it was asked for, ``direction`` 1 forward (/) or -1 backward (?); ``final``: Enter was pressed (else the
    reader is still typing)."""

    def __init__(self, hits: SearchHits | BadQuery, origin: int, direction: int = 1, final: bool = True) -> None:
        super().__init__()
        self.hits = hits
        self.origin = origin
        self.direction = direction
        self.final = final


class ShowsErrors(Protocol):
    def show_error(self, message: str) -> None: ...


class WorkFailed(Message):
    """A worker raised ``error``; ``where`` shows it (None: a notification only). The app handles every one."""

    def __init__(self, description: str, error: BaseException, where: ShowsErrors | None) -> None:
        super().__init__()
        self.description = description
        self.error = error
        self.where = where
