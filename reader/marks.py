"""Marks (``m`` + letter), saved per document in ``marks.json`` beside the reading state (no Textual import).

The file is kept by a ``StateStore`` of its own (its public ``load``/``save``), so it gets the same atomic
saves and the same handling of a corrupt or unwritable file: a one-line warning, never a crash. Shape::

    {"version": 1, "marks": {"<document key>": {"a": 1234, "b": 99}, ...}}

At most ``MAX_DOCUMENTS`` documents are kept, the least recently marked dropped first.
"""

from __future__ import annotations

from pathlib import Path

from reader.state import StateStore, default_state_path

MARKS_FILE_NAME = "marks.json"
MAX_DOCUMENTS = 500


def marks_path_beside(state_path: Path | None = None) -> Path:
    return (state_path or default_state_path()).with_name(MARKS_FILE_NAME)


class MarkStore:
    def __init__(self, path: Path | None = None) -> None:
        self._store = StateStore(path if path is not None else marks_path_beside())
        self.path = self._store.path

    @property
    def warnings(self) -> list[str]:
        return self._store.warnings

    def marks(self, key: str) -> dict[str, int]:
        """The marks of the document ``key``: letter -> character offset."""
        entry = self._all(self._store.load()).get(key)
        if not isinstance(entry, dict):
            return {}
        return {letter: offset for letter, offset in entry.items()
                if isinstance(letter, str) and len(letter) == 1 and isinstance(offset, int)
                and not isinstance(offset, bool) and offset >= 0}

    def set_mark(self, key: str, letter: str, offset: int) -> bool:
        """Remember mark ``letter`` at ``offset`` in document ``key`` and save; False (with a warning) on failure."""
        data = self._store.load()
        everything = self._all(data)
        marks = self.marks(key)
        everything.pop(key, None)
        marks[letter] = offset
        everything[key] = marks
        data["marks"] = dict(list(everything.items())[-MAX_DOCUMENTS:])
        return self._store.save(data)

    @staticmethod
    def _all(data: dict[str, object]) -> dict[str, object]:
        marks = data.get("marks")
        return dict(marks) if isinstance(marks, dict) else {}
