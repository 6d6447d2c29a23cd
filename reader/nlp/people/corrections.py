"""The reader's corrections to a people list: merge a person into another, split an alias off, hide a person.

Pure and deterministic: :func:`apply_corrections` takes the list :func:`~reader.nlp.people.find_people` made,
the corrections in the order they were made, and the document text (to read the alias of each mention), and
returns the corrected list. Corrections refer to people by their stable ``key`` and to aliases by their text
(matched accent- and case-free), so they survive re-analysis of the same text; one whose person no longer
exists is skipped. A key saved before keys were made from the name without its display titles (round 7: "mr-collins"
for the person now keyed "collins" and shown "Mr. Collins") is the key of the display name: it still finds its
person (:func:`_legacy_keys`). Undo is dropping the last correction (:func:`undo`) and applying the rest again.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from typing import Literal

from reader.nlp.results import Person, person_key, unique_person_keys
from reader.nlp.text import fold

Op = Literal["merge", "split", "hide"]


@dataclass(frozen=True, slots=True)
class Correction:
    """``merge``: person ``key`` into person ``target``; ``split``: the mentions written ``alias`` off person
    ``key`` into a person of their own; ``hide``: person ``key`` is not a person."""

    op: Op
    key: str
    target: str = ""
    alias: str = ""

    def to_json(self) -> dict[str, str]:
        out = {"op": self.op, "key": self.key}
        if self.op == "merge":
            out["target"] = self.target
        if self.op == "split":
            out["alias"] = self.alias
        return out

    @classmethod
    def from_json(cls, data: object) -> Correction:
        """A correction from its JSON form; ValueError when it is not one."""
        if not isinstance(data, dict):
            raise ValueError(f"not a correction: {data!r}")
        op, key = data.get("op"), data.get("key")
        target, alias = data.get("target", ""), data.get("alias", "")
        if op not in ("merge", "split", "hide") or not isinstance(key, str) or not key:
            raise ValueError(f"not a correction: {data!r}")
        if not isinstance(target, str) or not isinstance(alias, str):
            raise ValueError(f"not a correction: {data!r}")
        if (op == "merge" and not target) or (op == "split" and not alias):
            raise ValueError(f"incomplete correction: {data!r}")
        return cls(op, key, target, alias)


def merge(key: str, target: str) -> Correction:
    return Correction("merge", key, target=target)


def split(key: str, alias: str) -> Correction:
    return Correction("split", key, alias=alias)


def hide(key: str) -> Correction:
    return Correction("hide", key)


def undo(corrections: Sequence[Correction]) -> list[Correction]:
    """The corrections without the last one."""
    return list(corrections[:-1])


def apply_corrections(people: Sequence[Person], corrections: Iterable[Correction], text: str) -> list[Person]:
    """The people list after every correction, in order (most mentioned first, ties: first mention)."""
    by_key: dict[str, Person] = {p.key: p for p in people}
    order = [p.key for p in people]
    hidden: set[str] = set()
    legacy = _legacy_keys(people)
    for c in corrections:
        c = replace(c, key=_current_key(c.key, by_key, legacy), target=_current_key(c.target, by_key, legacy))
        person = by_key.get(c.key)
        if person is None or c.key in hidden:
            continue
        if c.op == "hide":
            hidden.add(c.key)
        elif c.op == "merge":
            target = by_key.get(c.target)
            if target is None or c.target in hidden or c.target == c.key:
                continue
            by_key[c.target] = _merged(target, person, text)
            hidden.add(c.key)
        elif c.op == "split":
            kept, off = _split(person, c.alias, text)
            if off is None or kept is None:
                continue  # no mention written that way, or every mention is: nothing to split
            by_key[c.key] = kept
            new_key = _free_key(person_key(c.alias), by_key)
            by_key[new_key] = replace(off, key=new_key)
            order.append(new_key)
    out = [by_key[k] for k in order if k not in hidden]
    out.sort(key=lambda p: (-len(p.mentions), p.mentions[0].start if p.mentions else 0))
    return out


def _legacy_keys(people: Sequence[Person]) -> dict[str, str]:
    """The keys saved before round 7, made from the display name (namesakes numbered in order of first
    mention) -> the key of the person shown by that name now ("mr-collins" -> "collins")."""
    by_first = sorted(people, key=lambda p: p.mentions[0].start if p.mentions else 0)
    return {old: p.key for old, p in zip(unique_person_keys(p.name for p in by_first), by_first) if old != p.key}


def _current_key(key: str, by_key: dict[str, Person], legacy: dict[str, str]) -> str:
    """A saved key as the key of the same person now: a current key is itself, an older one is looked up."""
    return key if not key or key in by_key else legacy.get(key, key)


def _free_key(base: str, taken: dict[str, Person]) -> str:
    if base not in taken:
        return base
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"


def _aliases(person_mentions: Iterable, text: str) -> tuple[str, ...]:
    """Surface forms of the mentions, most frequent first (ties: first used)."""
    counts: dict[str, list[int]] = {}
    for m in person_mentions:
        surface = text[m.start : m.end]
        entry = counts.setdefault(surface, [0, m.start])
        entry[0] += 1
    return tuple(s for s, _ in sorted(counts.items(), key=lambda kv: (-kv[1][0], kv[1][1])))


def _merged(target: Person, source: Person, text: str) -> Person:
    mentions = tuple(sorted(set(target.mentions) | set(source.mentions)))
    titles = target.titles + tuple(t for t in source.titles if t not in target.titles)
    return replace(target, aliases=_aliases(mentions, text), titles=titles, mentions=mentions)


def _split(person: Person, alias: str, text: str) -> tuple[Person | None, Person | None]:
    wanted = fold(alias)
    off = tuple(m for m in person.mentions if fold(text[m.start : m.end]) == wanted)
    kept = tuple(m for m in person.mentions if fold(text[m.start : m.end]) != wanted)
    if not off or not kept:
        return None, None
    kept_aliases = _aliases(kept, text)
    name = person.name if fold(person.name) != wanted else max(kept_aliases, key=lambda a: len(a.split()))
    off_aliases = _aliases(off, text)
    return (
        replace(person, name=name, aliases=kept_aliases, mentions=kept),
        Person(name=off_aliases[0], aliases=off_aliases, titles=(), mentions=off, key=""),
    )
