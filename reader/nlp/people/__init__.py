"""People named in a document, each with every mention located (an X-Ray-like people list).

Design: *detect, link, propagate*, pure Python and deterministic.

1. :mod:`.candidates` finds capitalised runs inside sentences and cleans them into name forms (titles,
   function words, nationalities peeled; repeats collapsed).
2. :mod:`.evidence` scores each distinct form over all its occurrences (given-name lists, titles, role nouns,
   speech verbs, appositives, list membership; organisation/place/ordinary-word penalties) and accepts forms.
3. :mod:`.linking` groups accepted forms into people and links lone surnames, given names and spelling
   variants to them.
4. :mod:`.mentions` locates every mention: longest matching form wins at each position.

Public API: :func:`find_people` and :class:`Person`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from reader.document.model import Document, Span
from reader.nlp.people import evidence as ev
from reader.nlp.people import lexicon as lx
from reader.nlp.people.lexicon import norm
from reader.nlp.people.candidates import (
    capitalised_counts,
    find_candidates,
    lowercase_words,
    name_links,
    sentence_starts,
    split_fused_relatives,
)
from reader.nlp.people.linking import link
from reader.nlp.people.mentions import propagate
from reader.nlp.results import Person, unique_person_keys

__all__ = ["Person", "find_people"]

_LIST_GAP = re.compile(r"\s*(?:,|,?\s+and|,?\s+or|&|/)\s*$")


def find_people(doc: Document, should_stop: Callable[[], bool] | None = None) -> list[Person]:
    """Everyone the document names, most-mentioned first (ties: first appearance).

    ``should_stop`` is polled now and then; when it returns True the work is abandoned and ``[]`` is returned.
    """
    text = doc.text
    starts = sentence_starts(text, doc.sentences)
    lowercase_seen = lowercase_words(text)
    candidates = find_candidates(text, starts, should_stop, lowercase_seen)
    if should_stop is not None and should_stop():
        return []

    stats: dict[tuple[str, ...], ev.FormStats] = {}
    rejected: set[tuple[str, ...]] = set()
    candidates = [c for c in candidates if not c.work]  # "Buddha for Mary": a title, not people
    candidates = split_fused_relatives(text, candidates)
    for cand in candidates:
        key = cand.key
        st = stats.get(key)
        if st is None:
            st = stats[key] = ev.FormStats(key, first=cand.start, surface_last=cand.surface[-1])
            if ev.rejected(key, cand.org):
                rejected.add(key)
        st.count += 1
        st.last = cand.start
        if not cand.initial:
            st.noninitial += 1
        if key not in rejected:
            ev.context_of(text, cand, st)

    for key, st in stats.items():
        if ev.fused_pair(key, st, stats):
            rejected.add(key)

    def accepted_forms() -> set[tuple[str, ...]]:
        return {k for k, st in stats.items() if k not in rejected and ev.score(st, lowercase_seen) >= ev.ACCEPT}

    def unfused(forms: set[tuple[str, ...]]) -> set[tuple[str, ...]]:
        # two full names run together ("Rhett Butler Hattie McDaniel"): not one name when either half is a name
        # used on its own; the halves are then found separately (longest match)
        out = set(forms)
        first_names_of: dict[str, set[str]] = {}  # surname -> first tokens of the full names ending with it
        for k in forms:
            if len(k) >= 2:
                first_names_of.setdefault(k[-1], set()).add(k[0])
        for key in forms:
            if len(key) >= 4 and any(key[:i] in forms or key[i:] in forms for i in range(2, len(key) - 1)):
                out.discard(key)
            elif (
                len(key) == 3
                and key[:2] in forms
                and (key[1],) in stats
                and first_names_of.get(key[2], set()) - {key[0]}
            ):
                # "Gianluigi Buffon Hart": a full name whose surname is also used alone ("Buffon"), then the
                # surname of someone else ("Joe Hart"); "Nicholas Andréevich Bolkónski" stays (no lone
                # "Andréevich")
                out.discard(key)
        return out

    # list members of places are places: "New South Wales, Victoria, South Australia and Queensland"
    places = lx.places()
    for a, b in zip(candidates, candidates[1:]):
        if b.ctx_start - a.ctx_end <= 8 and _LIST_GAP.match(text, a.ctx_end, b.ctx_start):
            for x, y in ((a, b), (b, a)):
                if " ".join(x.key) in places and " ".join(y.key) not in places:
                    stats[y.key].place_prep += 1
    # full names of people named alone by context: "Barack Obama ... Obama said", "Xi Jinping ... Xi said"
    accepted = accepted_forms()
    for key, st in stats.items():
        if ev.full_name_of_person(key, stats, accepted, rejected, lowercase_seen):
            st.full_of_person = True
    accepted = unfused(accepted_forms())
    # list members: "presidents Bill Clinton, George W. Bush and Barack Obama"
    for _ in range(2):
        changed = False
        for a, b in zip(candidates, candidates[1:]):
            if b.ctx_start - a.ctx_end > 8 or not _LIST_GAP.match(text, a.ctx_end, b.ctx_start):
                continue
            if text[a.ctx_end : b.ctx_start].count("\n"):
                continue
            for x, y in ((a, b), (b, a)):
                if x.key in accepted and y.key not in accepted and len(y.key) >= 2 and y.key not in rejected:
                    stats[y.key].listed = True
                    changed = True
        if not changed:
            break
        accepted = unfused(accepted_forms())
    if should_stop is not None and should_stop():
        return []

    context_singles = {
        k for k, st in stats.items()
        if len(k) == 1 and k not in rejected and k[0] not in lowercase_seen and ev.person_context(st)
    }
    entities, alias, choices = link(stats, accepted, rejected, name_links(text, candidates), context_singles)
    mentions, titles = propagate(
        text,
        candidates,
        alias,
        choices,
        [e.gender for e in entities],
        lowercase_seen,
        capitalised_counts(candidates),
        doc.sentence_index_at,
        doc.paragraph_index_at,
    )

    people: list[tuple[int, int, Person]] = []
    for pid, found in enumerate(mentions):
        if not found:
            continue
        forms: dict[str, list[int]] = {}  # surface -> [count, first, n_tokens]
        for start, _end, surface in found:
            entry = forms.get(surface)
            if entry is None:
                forms[surface] = [1, start, len(surface.split())]
            else:
                entry[0] += 1
        maiden = entities[pid].maiden if pid < len(entities) else set()
        name = max(
            forms.items(),
            # the fullest form, not a maiden name ("Dana Halloran", not "Dana Mercer"), most used, first used
            key=lambda kv: (kv[1][2], tuple(norm(t) for t in kv[0].split()) not in maiden, kv[1][0], -kv[1][1]),
        )[0]
        aliases = tuple(s for s, _ in sorted(forms.items(), key=lambda kv: (-kv[1][0], kv[1][1])))
        title_counts = titles[pid]
        title_first = {t: i for i, t in enumerate(title_counts)}
        person_titles = tuple(sorted(title_counts, key=lambda t: (-title_counts[t], title_first[t])))
        spans = tuple(sorted(Span(s, e) for s, e, _ in found))
        people.append((len(spans), spans[0].start, Person(name, aliases, person_titles, spans)))
    people.sort(key=lambda item: (-item[0], item[1]))
    return with_keys([p for _, _, p in people])


def with_keys(people: list[Person]) -> list[Person]:
    """The same people, each with its stable key (namesakes numbered in order of first mention)."""
    by_first = sorted(range(len(people)), key=lambda i: people[i].mentions[0].start)
    keys = unique_person_keys(people[i].name for i in by_first)
    key_of = dict(zip(by_first, keys))
    return [replace(person, key=key_of[i]) for i, person in enumerate(people)]
