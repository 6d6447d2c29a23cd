"""The one object every stage of the people pipeline reads and fills in (:class:`PeopleContext`).

Stages run in this order (:func:`reader.nlp.people.find_people`): detection fills ``candidates``, ``stats``,
``rejected`` and ``accepted`` (:mod:`.candidates`, :mod:`.evidence`); linking turns accepted forms into people
(:mod:`.linking`); propagation locates every mention (:mod:`.mentions`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from reader.document.model import Document

if TYPE_CHECKING:
    from reader.nlp.people.candidates import Candidate
    from reader.nlp.people.evidence import FormStats

Form = tuple[str, ...]
"""A name form: its normalised tokens ("donald", "trump")."""


@dataclass(slots=True)
class PeopleContext:
    doc: Document
    text: str
    sentence_starts: set[int]  # offset of the first word of every sentence
    lowercase_seen: dict[str, int]  # normalised word -> times written in lowercase (evidence it is ordinary)
    should_stop: Callable[[], bool] | None = None
    candidates: list[Candidate] = field(default_factory=list)  # every candidate name segment, in text order
    stats: dict[Form, FormStats] = field(default_factory=dict)  # per form, in order of first appearance
    rejected: set[Form] = field(default_factory=set)  # forms never a person, whatever the context
    accepted: set[Form] = field(default_factory=set)  # forms accepted as names of people

    def stopped(self) -> bool:
        """The caller asked to abandon the work."""
        return self.should_stop is not None and self.should_stop()
