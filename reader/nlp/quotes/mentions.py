"""Every person's mention spans, searchable by position, and the reference a tag makes (a person, pronoun or
title)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from reader.nlp.results import Person


@dataclass(frozen=True)
class Ref:
    kind: str  # "person" | "pronoun" | "title"
    person: int = -1
    word: str = ""  # the pronoun or the title word


class Mentions:
    """Mention spans of every person, searchable by position."""

    def __init__(self, people: Sequence[Person]) -> None:
        items = sorted((m.start, m.end, pid) for pid, p in enumerate(people) for m in p.mentions)
        self.starts = [s for s, _, _ in items]
        self.items = items
        self.by_end = {e: pid for _, e, pid in items}
        self.by_start = {s: (e, pid) for s, e, pid in items}
        self.start_by_end = {e: s for s, e, _ in items}

    def between(self, start: int, end: int) -> list[tuple[int, int, int]]:
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]
