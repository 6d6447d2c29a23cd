"""Text helpers shared by every layer that compares names (light: standard library only)."""

from __future__ import annotations

import unicodedata


def fold(text: str) -> str:
    """Accent- and case-free form for matching: "Natásha" -> "natasha", "ORBÁN" -> "orban", "’" -> "'".

    Use it on both sides of every comparison a user makes (a typed filter, a search) and the people list uses it
    for name forms, so a plain "Natasha" matches "Natásha"."""
    decomposed = unicodedata.normalize("NFKD", text.replace("’", "'"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()
