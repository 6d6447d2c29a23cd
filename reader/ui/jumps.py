"""The jump list, as in vim: where the reader was before each jump (no Textual import).

Positions are character offsets into ``Document.text`` (the first character on screen). ``record`` is called
with the position a jump leaves; ``back`` (ctrl+o) and ``forward`` (ctrl+n; vim's ctrl+i only where the terminal
tells it from Tab) walk the list; ``previous`` is the position before the latest jump (``''`` returns there, and
the place it left becomes the previous one).
``entries`` is what is saved with the reading position; ``restore`` takes it back on a reopen (as vim's viminfo).
"""

from __future__ import annotations

MAX_JUMPS = 100


class JumpList:
    def __init__(self, limit: int = MAX_JUMPS) -> None:
        self.limit = limit
        self.entries: list[int] = []
        self.index = 0  # == len(entries): at the present, past the newest entry
        self.previous: int | None = None

    def restore(self, entries: list[int]) -> None:
        """Start from a saved jump list (oldest first), at the present: ctrl+o goes to its newest entry, '' too."""
        self.entries = list(entries)[-self.limit:]
        self.index = len(self.entries)
        self.previous = self.entries[-1] if self.entries else None

    def record(self, offset: int) -> None:
        """A jump leaves ``offset``: forget the forward part of the list, remember ``offset``."""
        del self.entries[self.index:]
        if not self.entries or self.entries[-1] != offset:
            self.entries.append(offset)
        del self.entries[: -self.limit]
        self.index = len(self.entries)
        self.previous = offset

    def back(self, current: int) -> int | None:
        """The position before ``current`` in the list (None at the oldest one)."""
        if self.index == len(self.entries):  # leaving the present: keep it so that forward returns here
            if self.entries and self.entries[-1] == current:
                self.index -= 1
            else:
                self.entries.append(current)
        if self.index == 0:
            return None
        self.index -= 1
        self.previous = current
        return self.entries[self.index]

    def forward(self, current: int) -> int | None:
        """The position after the current one (None at the newest one)."""
        if self.index + 1 >= len(self.entries):
            return None
        self.index += 1
        self.previous = current
        return self.entries[self.index]
