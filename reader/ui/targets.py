"""What ``n`` / ``N`` move through: the selected person's mentions or the search hits (no Textual import)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from dataclasses import dataclass

from reader.document.model import Span


@dataclass
class Targets:
    """An ordered list of spans with a cursor; ``label`` names them in the status line ("Vladimir Putin")."""

    label: str
    spans: Sequence[Span]
    index: int = -1  # -1 = no current target yet

    @property
    def current(self) -> Span | None:
        return self.spans[self.index] if 0 <= self.index < len(self.spans) else None

    def status(self) -> str:
        if not self.spans:
            return f"{self.label}  no matches"
        position = self.index + 1 if self.index >= 0 else 0
        return f"{self.label}  {position}/{len(self.spans)}"

    def first_from(self, offset: int) -> Span | None:
        """Make the first span at or after ``offset`` current (wrapping to the first)."""
        if not self.spans:
            return None
        starts = [s.start for s in self.spans]
        index = bisect_left(starts, offset)
        self.index = index if index < len(self.spans) else 0
        return self.current

    def step(self, direction: int, offset: int | None = None) -> tuple[Span | None, bool]:
        """Move to the next (+1) or previous (-1) span. Returns the span and whether the move wrapped.

        Without a current span, start from ``offset`` (the reading position).
        """
        if not self.spans:
            return None, False
        count = len(self.spans)
        if self.index < 0:
            starts = [s.start for s in self.spans]
            base = offset or 0
            if direction > 0:
                index = bisect_left(starts, base)
                wrapped = index >= count
                self.index = 0 if wrapped else index
            else:
                index = bisect_right(starts, base) - 1
                wrapped = index < 0
                self.index = count - 1 if wrapped else index
            return self.current, wrapped
        index = self.index + direction
        wrapped = not 0 <= index < count
        self.index = index % count
        return self.current, wrapped

    def jump_to(self, index: int) -> Span | None:
        if 0 <= index < len(self.spans):
            self.index = index
        return self.current
