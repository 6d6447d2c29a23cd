"""The people pipeline behind :func:`reader.nlp.people.find_people`: detect, reject places, link, propagate."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

from reader.document.model import Document, Span
from reader.nlp.people import evidence
from reader.nlp.people import lexicon as lx
from reader.nlp.people.context import Form, PeopleContext
from reader.nlp.people.evidence import NAME_USE_RATE
from reader.nlp.people.candidates import Candidate, capitalised_counts, name_links
from reader.nlp.people.detection import detect_people
from reader.nlp.people.lexicon import norm
from reader.nlp.people.linking import Entity, given_names_of_married_titles, link, married_name_links
from reader.nlp.people.mentions import Found, propagate
from reader.nlp.people.places import family_uses, reject_places
from reader.nlp.people.story import find_story
from reader.nlp.results import Person, unique_person_keys

__all__ = ["Person", "find_people"]


def find_people(doc: Document, should_stop: Callable[[], bool] | None = None) -> list[Person]:
    """Everyone the document names, most-mentioned first (ties: first appearance).

    ``should_stop`` is polled now and then; when it returns True the work is abandoned and ``[]`` is returned.
    """
    text = doc.text
    story = find_story(text)
    ctx = detect_people(doc, should_stop, story)
    if ctx is None:
        return []
    reject_places(ctx, book=bool(story.heading_starts))
    if story.heading_starts:
        ctx.accepted |= names_in_dialogue(ctx)
    entities, alias, choices = link(
        ctx.stats,
        ctx.accepted,
        ctx.rejected,
        name_links(text, ctx.candidates),
        evidence.context_singles(ctx),
        married_name_links(text, ctx.candidates),
        lone_uses(ctx.candidates, story.chapter_of) if story.heading_starts else None,
        given_names_of_married_titles(text, ctx.candidates),
    )
    mentions, titles = propagate(
        text,
        family_uses(text, ctx.candidates) if story.heading_starts else ctx.candidates,
        alias,
        choices,
        entities,
        ctx.lowercase_seen,
        capitalised_counts(ctx.candidates),
        doc.sentence_index_at,
        doc.paragraph_index_at,
        story.chapter_of if story.heading_starts else None,
    )
    found_ids = [pid for pid, found in enumerate(mentions) if found]
    people = [person_of(mentions[pid], titles[pid], entities[pid] if pid < len(entities) else None) for pid in found_ids]
    other_bearers = [pid >= len(entities) for pid in found_ids]
    key_names = [identity_name(p, other) for p, other in zip(people, other_bearers)]
    people = with_keys(people, key_names)
    people = with_identity_titles(people, other_bearers)
    if story.heading_starts:
        people = [with_usual_title(p, titles[pid]) for p, pid in zip(people, found_ids)]
    people.sort(key=lambda p: (-len(p.mentions), p.mentions[0].start))
    return people


_TAG_BEFORE = re.compile(r"[”\"],?[ \t]+(\w+)[ \t]+\Z")  # "“Well done,” said | Fleece"
_TAG_AFTER = re.compile(r"[ \t]+(\w+)\b")  # "“Come,” Fleece | said"
_QUOTE_CLOSE_BEFORE = re.compile(r"[”\"][ \t]*\Z")
_DIALOGUE_TAGS = 2  # dialogue tags that make a lone word a name


def names_in_dialogue(ctx: PeopleContext) -> set[Form]:
    """In a book, a lone word the text uses as a speaker's name at least twice, in a dialogue tag just after a
    quotation ("“Didn't say dat t'all,” said Fleece", "“We'll try to,” replied Berg", "“Come,” Fleece
    said"): a person, though it is also an English word ("fleece", "berg"), provided the text writes it
    capitalised mid-sentence at least ten times as often as in lowercase, mostly without an article, and it
    is no title or role noun, place, month, nationality or form rejected outright. (Addressed forms alone,
    "“Bulkington!", are not enough: interjections stand there too, "“Holloa!", "“Adieu,".)"""
    text = ctx.text
    tags: Counter[Form] = Counter()
    for cand in ctx.candidates:
        if len(cand.key) != 1 or cand.title is not None or cand.org or not cand.first_in_run or not cand.last_in_run:
            continue
        before = text[max(0, cand.ctx_start - 24) : cand.ctx_start]
        tag = _TAG_BEFORE.search(before)
        if tag is None and _QUOTE_CLOSE_BEFORE.search(before):
            tag = _TAG_AFTER.match(text, cand.ctx_end)
        if tag is not None and lx.norm(tag.group(1)) in lx.SPEECH_VERBS:
            tags[cand.key] += 1
    out: set[Form] = set()
    for key, n in tags.items():
        tok = key[0]
        st = ctx.stats.get(key)
        if n < _DIALOGUE_TAGS or st is None or key in ctx.rejected or key in ctx.accepted:
            continue
        if lx.is_title_head(tok, roles=True) or tok in lx.places() or tok in lx.nationalities() or tok in lx.MONTHS_DAYS:
            continue
        if st.noninitial < NAME_USE_RATE * ctx.lowercase_seen.get(tok, 0) or st.determiner * 2 >= st.count:
            continue
        out.add(key)
    return out


def lone_uses(candidates: list[Candidate], chapter_of: Callable[[int], int]) -> dict[str, list[tuple[int, int]]]:
    """Each token used alone as a name (no title, not inside a firm or place name) -> its (offset, chapter),
    in text order."""
    out: dict[str, list[tuple[int, int]]] = {}
    for cand in candidates:
        if len(cand.key) == 1 and cand.title is None and not cand.org:
            out.setdefault(cand.key[0], []).append((cand.start, chapter_of(cand.start)))
    return out


def person_of(found: list[Found], title_counts: dict[str, int], entity: Entity | None) -> Person:
    """One person from their located mentions: named by the fullest form (most words; not a maiden name: "Dana
    Halloran", not "Dana Mercer"; words rather than initials; not in capitals when the text also writes it
    properly: "Caroline Bingley", not "CAROLINE BINGLEY"), then the most used, then the first used; aliases most used first (ties: first used);
    titles most used first (ties: first seen)."""
    forms: dict[str, list[int]] = {}  # surface -> [count, first, n_tokens]
    for start, _end, surface in found:
        entry = forms.get(surface)
        if entry is None:
            forms[surface] = [1, start, len(surface.split())]
        else:
            entry[0] += 1
    maiden = entity.maiden if entity is not None else set()
    name = max(
        forms.items(),
        key=lambda kv: (
            kv[1][2],
            tuple(norm(t) for t in kv[0].split()) not in maiden,
            sum(len(norm(t)) > 1 for t in kv[0].split()),  # "Robert Walton", not "R. Walton"
            not kv[0].isupper(),  # "Caroline Bingley", not the heading's "CAROLINE BINGLEY"
            kv[1][0],
            -kv[1][1],
        ),
    )[0]
    if name.isupper():
        name = properly_cased(name, forms)
    aliases = tuple(s for s, _ in sorted(forms.items(), key=lambda kv: (-kv[1][0], kv[1][1])))
    title_first = {t: i for i, t in enumerate(title_counts)}
    titles = tuple(sorted(title_counts, key=lambda t: (-title_counts[t], title_first[t])))
    spans = tuple(sorted(Span(s, e) for s, e, _ in found))
    return Person(name, aliases, titles, spans)


def properly_cased(name: str, surfaces: dict[str, list[int]]) -> str:
    """An all-capitals name ("ELIZABETH BENNET", from a heading) written as the text writes its words elsewhere
    ("Elizabeth Bennet"), else capitalised word by word."""
    cased: dict[str, str] = {}
    for surface in surfaces:
        if not surface.isupper():
            for tok in surface.split():
                cased.setdefault(norm(tok), tok)
    return " ".join(cased.get(norm(t)) or t.title() for t in name.split())


def with_identity_titles(people: list[Person], other_bearers: list[bool]) -> list[Person]:
    """People who share a one-word name are told apart by their most used title: "Mr. Bennet" and "Mrs.
    Bennet", "Colonel Forster" and "Mrs. Forster"; another bearer of a surname found by its title ("Mrs.
    Bennet" beside Elizabeth Bennet) always shows it."""
    names = Counter(p.name for p in people if " " not in p.name)
    out = []
    for person, other in zip(people, other_bearers):
        titled = bool(person.titles) and (other or names[person.name] > 1)
        out.append(replace(person, name=f"{person.titles[0]} {person.name}") if titled else person)
    return out


def with_usual_title(person: Person, title_counts: dict[str, int]) -> Person:
    """In a book, a person named by one word only, written with the same title at least half the times, is
    named with it: the fullest form the text uses ("Mr. Collins", "Mrs. Reynolds", "Captain Túshin"; not
    "Captain Ahab" for an Ahab mostly written bare)."""
    if " " in person.name or not person.titles:
        return person
    top = person.titles[0]
    if " " in top or 2 * title_counts.get(top, 0) < len(person.mentions):  # not "Polish Count Golukhovski"
        return person
    return replace(person, name=f"{top} {person.name}")


def identity_name(person: Person, other_bearer: bool) -> str:
    """The name a person's key is made from: the name without the titles added for display ("Collins" for "Mr.
    Collins", "Anna Pávlovna Schérer"), except for another bearer of a surname found by its title alone, whose
    title is who they are ("Mrs. Bennet" beside Elizabeth Bennet)."""
    return f"{person.titles[0]} {person.name}" if other_bearer and person.titles else person.name


def with_keys(people: list[Person], key_names: list[str]) -> list[Person]:
    """The same people, each with its stable key made from ``key_names`` (namesakes numbered in order of first
    mention): a key does not move when only the display name does, so the reader's saved corrections, which
    name people by key, keep applying."""
    by_first = sorted(range(len(people)), key=lambda i: people[i].mentions[0].start)
    keys = unique_person_keys(key_names[i] for i in by_first)
    key_of = dict(zip(by_first, keys))
    return [replace(person, key=key_of[i]) for i, person in enumerate(people)]
