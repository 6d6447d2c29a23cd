"""The result types of every analysis: light (stdlib and the document model only), so the UI, the CLI and the
state store can name them without importing numpy, sumy or jellyfish.

Every offset is an index into ``Document.text``. A ``Person.key`` is stable: the same text analysed again gives
the same keys, so corrections, quotes and caches can refer to a person by it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from reader.document.model import Span
from reader.nlp.text import fold

__all__ = ["Mention", "Person", "Quote", "Summary", "person_key", "unique_person_keys"]

Mention = Span  # a mention of a person: the span of the name as written


@dataclass(frozen=True, slots=True)
class Summary:
    """The sentences picked for a summary, in document order; ``note`` explains any shortcut taken."""

    algorithm: str
    sentence_indices: tuple[int, ...]
    spans: tuple[Span, ...]
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Person:
    """One person: display name, the name forms used, titles seen, and every mention (ascending spans).

    ``name`` is the fullest form used in the text ("Donald Trump"); ``aliases`` are the surface forms of the
    mentions, most frequent first (ties: first used); ``titles`` the title phrases seen directly before the
    name ("Former President", "Russian President"), most frequent first. ``key`` is a stable identifier
    derived from the name ("donald-trump"; namesakes get "-2", "-3" in order of first mention).
    """

    name: str
    aliases: tuple[str, ...]
    titles: tuple[str, ...]
    mentions: tuple[Mention, ...]
    key: str = ""


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: where it is, who said it (a ``Person.key``, or None when the text does not say clearly).

    ``parts`` are the quoted stretches, quote marks included, in order: one for a plain quote, two for a quote
    interrupted by its attribution (“We won,” she said, “and we will again.”), one per paragraph for a quote
    that runs over several paragraphs. ``span`` runs from the first part's start to the last part's end.
    ``nested`` are quotations inside it ('...' within "..."). ``how`` names the rule that found the speaker
    ("said-verb", "according-to", "pronoun", "title", "lead-in", "same-paragraph", "turn-taking"; None when
    unattributed), for debugging and evaluation.
    """

    span: Span
    parts: tuple[Span, ...]
    speaker: str | None = None
    how: str | None = None
    nested: tuple[Span, ...] = ()

    def texts(self, text: str) -> tuple[str, ...]:
        """The text of each part (quote marks included)."""
        return tuple(text[part.start : part.end] for part in self.parts)


_NON_WORD = re.compile(r"[^0-9a-z]+")


def person_key(name: str) -> str:
    """A readable, accent- and case-free slug of a display name: "Natásha Rostóva" -> "natasha-rostova"."""
    return _NON_WORD.sub("-", fold(name)).strip("-") or "person"


def unique_person_keys(names: Iterable[str]) -> list[str]:
    """One key per name, in order; a repeated slug gets "-2", "-3"... (namesakes stay apart)."""
    seen: dict[str, int] = {}
    keys = []
    for name in names:
        base = person_key(name)
        seen[base] = seen.get(base, 0) + 1
        keys.append(base if seen[base] == 1 else f"{base}-{seen[base]}")
    return keys
