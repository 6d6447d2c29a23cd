"""Small wording helpers shared by the UI and the CLI (no imports)."""

from __future__ import annotations


def count_of(number: int, noun: str, plural: str | None = None) -> str:
    """``1 sentence``, ``2 sentences``, ``1,481 words``, ``3 people`` (with ``plural="people"``)."""
    return f"{number:,} {noun if number == 1 else plural or noun + 's'}"
