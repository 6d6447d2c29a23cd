"""No spoilers: the analysis limited to the text a reader has read (pure; works on ``reader.nlp.results`` types).

"Read up to ``offset``" means: a span counts when it ends at or before ``offset`` (a name or sentence the reader
has seen whole). People keep their stable ``key``; with the document's text, a person's name, aliases and titles
are also limited to the forms used so far, so a name revealed later in the book does not leak into the list.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import TypeVar

from reader.document.chapters import is_book
from reader.document.model import Document, Span
from reader.nlp.results import Person, Summary

__all__ = ["hide_spoilers_by_default", "people_up_to", "person_up_to", "spans_up_to", "summary_up_to"]


T = TypeVar("T")


def hide_spoilers_by_default(document: Document) -> bool:
    """No spoilers is on by default in books (chapters, or an hour's reading or more), off in short articles."""
    return is_book(document)


def spans_up_to(items: Iterable[T], offset: int, span_of: Callable[[T], Span] = lambda item: item) -> list[T]:
    """The items (mentions, quotes, search hits...) whose span ends at or before ``offset``, in their order."""
    return [item for item in items if span_of(item).end <= offset]


def person_up_to(person: Person, offset: int, text: str | None = None) -> Person | None:
    """``person`` as known at ``offset``: only the mentions read so far; None when not met yet.

    With ``text`` (``Document.text``) the display name, aliases and titles are limited to the forms read so
    far: the fullest form seen becomes the name when the full name only comes later.
    """
    mentions = _mentions_before(person.mentions, offset)
    if not mentions:
        return None
    if len(mentions) == len(person.mentions):
        return person
    if text is None:
        return replace(person, mentions=mentions)
    counts: dict[str, list[int]] = {}  # surface form -> [count, first start]
    for mention in mentions:
        entry = counts.setdefault(text[mention.start : mention.end], [0, mention.start])
        entry[0] += 1
    aliases = tuple(alias for alias in person.aliases if alias in counts)
    name = person.name if person.name in counts else max(
        counts, key=lambda form: (len(form.split()), counts[form][0], -counts[form][1]))
    titles = tuple(title for title in person.titles if _title_seen(text, title, mentions))
    return replace(person, name=name, aliases=aliases or (name,), titles=titles, mentions=mentions)


def people_up_to(people: Sequence[Person], offset: int, text: str | None = None) -> list[Person]:
    """The people met up to ``offset``, most mentioned (so far) first; ties keep the original order."""
    known = [person for person in (person_up_to(p, offset, text) for p in people) if person is not None]
    return sorted(known, key=lambda person: -len(person.mentions))


def summary_up_to(summary: Summary, offset: int) -> Summary:
    """The summary sentences that end at or before ``offset`` (a recap of what has been read)."""
    kept = [index for index, span in enumerate(summary.spans) if span.end <= offset]
    if len(kept) == len(summary.spans):
        return summary
    return replace(summary, sentence_indices=tuple(summary.sentence_indices[i] for i in kept),
                   spans=tuple(summary.spans[i] for i in kept))


def _mentions_before(mentions: tuple[Span, ...], offset: int) -> tuple[Span, ...]:
    """Mentions are ascending: cut at the first one that ends after ``offset``."""
    return mentions[: bisect_right(mentions, offset, key=lambda mention: mention.end)]


def _title_seen(text: str, title: str, mentions: tuple[Span, ...]) -> bool:
    """Whether ``title`` stood directly before one of ``mentions`` ("President Obama")."""
    for mention in mentions:
        before = text[max(0, mention.start - len(title) - 2) : mention.start].rstrip()
        if before.casefold().endswith(title.casefold()):
            return True
    return False
