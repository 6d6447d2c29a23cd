"""What ``n`` / ``N`` move through: the selected person's mentions or the search hits (no Textual import)."""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from reader.document.model import Span


@dataclass
class Targets:
    """An ordered list of spans with a cursor; ``label`` names them in the status line ("Vladimir Putin")."""

    label: str
    spans: Sequence[Span]
    kind: Literal["mention", "search", "quote"] = "mention"
    index: int = -1  # -1 = no current target yet
    capped: bool = False  # there are more than ``spans``: only the first ones are kept (search hits)
    direction: int = 1  # -1 after a backward search (?): n goes back, N forward, as in less and vim

    @property
    def current(self) -> Span | None:
        return self.spans[self.index] if 0 <= self.index < len(self.spans) else None

    def status(self) -> str:
        if not self.spans:
            return f"{self.label}  no matches"
        position = self.index + 1 if self.index >= 0 else 0
        if self.capped:
            return f"{self.label}  {position}/{len(self.spans)}+  (only the first {len(self.spans):,} are shown)"
        return f"{self.label}  {position}/{len(self.spans)}"

    def first_from(self, offset: int) -> Span | None:
        """Make the first span at or after ``offset`` current (wrapping to the first)."""
        if not self.spans:
            return None
        starts = [s.start for s in self.spans]
        index = bisect_left(starts, offset)
        self.index = index if index < len(self.spans) else 0
        return self.current

    def step(self, direction: int) -> tuple[Span | None, bool]:
        """Move to the next (+1) or previous (-1) span. Returns the span and whether the move wrapped."""
        if not self.spans:
            return None, False
        if self.index < 0:  # nothing current yet: start at the first (or last) one
            self.index = 0 if direction > 0 else len(self.spans) - 1
            return self.current, False
        index = self.index + direction
        wrapped = not 0 <= index < len(self.spans)
        self.index = index % len(self.spans)
        return self.current, wrapped

    def step_from(self, offset: int, direction: int) -> tuple[Span | None, bool]:
        """Make the first span starting after ``offset`` (+1) or the last one before it (-1) current, wrapping
        around the end. Returns the span and whether the move wrapped."""
        if not self.spans:
            return None, False
        starts = [s.start for s in self.spans]
        if direction > 0:
            index = bisect_left(starts, offset)
            wrapped = index == len(self.spans)
            self.index = 0 if wrapped else index
        else:
            index = bisect_left(starts, offset) - 1
            wrapped = index < 0
            self.index = len(self.spans) - 1 if wrapped else index
        return self.current, wrapped

    def jump_to(self, index: int) -> Span | None:
        if 0 <= index < len(self.spans):
            self.index = index
        return self.current
