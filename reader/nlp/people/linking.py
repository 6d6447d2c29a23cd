"""Link name forms into people.

Rules (each explained by a test in ``tests/test_people.py``):

1. Accepted forms of two or more tokens become people in order of first appearance. Two such forms are one
   person when their first and last tokens agree and their middles are compatible ("George W. Bush" /
   "George Bush"), or when the first tokens agree and the last tokens are spelling variants.
1b. A surname with particles used on its own joins the person ("Van der Wiel" -> "Gregory van der Wiel").
2. A lone token that is the last token (surname) of a person joins that person ("Putin" -> "Vladimir Putin").
3. Shared surnames: a lone surname carried by several people goes to the most prominent one, i.e. the one
   whose full forms occur most often; ties go to the one introduced first. ("Trump" -> Donald Trump, not
   Melania Trump, in the seed article.) Their full forms always stay theirs (longest match wins).
4. A lone token that is the first token of a person joins that person when it is a known given name or not an
   ordinary English word ("Pierre" -> "Pierre Bezúkhov", "Xi" -> "Xi Jinping"). A given name shared by several
   people joins one only if that one's full forms are at least twice as frequent as any other's; otherwise the
   lone given name stays a person of its own. It also stays its own person when it usually carries a title
   (at least 3 times and 10% of its uses) that the full name never has (W&P "Princess Mary" is not "Mary
   Hendríkhovna"; "Prince Harry" is not "Harry Kane").
5. A lone token that is a spelling variant of a person's surname joins that person: same metaphone key, both
   at least 6 letters, lengths within one, edit distance at most 2 ("Katulis" -> "Brian Cutulis",
   "Leavitt" -> "Levitt"); short names never merge this way (Obama/Osama, Bush/Buch).
6. Any other accepted lone token is a person of its own ("Biden").
"""

from __future__ import annotations

from dataclasses import dataclass, field

import jellyfish

from reader.nlp.people import lexicon as lx
from reader.nlp.people.candidates import PARTICLES
from reader.nlp.people.evidence import FormStats


@dataclass(slots=True)
class Entity:
    keys: list[tuple[str, ...]] = field(default_factory=list)
    first: int = 0
    full_count: int = 0

    @property
    def last_tokens(self) -> set[str]:
        # a regnal name ("Louis XVI", "Napoleon III") has no surname
        return {_surname(k) for k in self.keys if len([t for t in k if t not in lx.NAME_SUFFIXES]) >= 2}

    @property
    def first_tokens(self) -> set[str]:
        # "Napoleon III", "Donald Trump Jr.": a regnal number or suffix marks a different bearer of the name
        return {k[0] for k in self.keys if len(k) >= 2 and k[-1] not in lx.NAME_SUFFIXES}


def _surname(key: tuple[str, ...]) -> str:
    for tok in reversed(key):
        if tok not in lx.NAME_SUFFIXES and tok not in PARTICLES and len(tok) > 1:
            return tok
    return key[-1]


_META: dict[str, str] = {}


def _metaphone(word: str) -> str:
    m = _META.get(word)
    if m is None:
        m = _META[word] = jellyfish.metaphone(word)
    return m


def spelling_variants(a: str, b: str) -> bool:
    """True for obvious spelling variants of one name ("cutulis"/"katulis"), never for short names."""
    if a == b:
        return True
    if min(len(a), len(b)) < 6 or abs(len(a) - len(b)) > 1:
        return False
    if a + "a" == b or b + "a" == a:
        return False  # gendered surname forms are relatives, not variants (Rostóv / Rostóva)
    if _metaphone(a) != _metaphone(b):
        return False
    return jellyfish.levenshtein_distance(a, b) <= 2


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same person written with or without middle names/initials."""
    if a[0] != b[0]:
        return False
    la, lb = _surname(a), _surname(b)
    if la != lb and not spelling_variants(la, lb):
        return False
    if (a[-1] in lx.NAME_SUFFIXES) != (b[-1] in lx.NAME_SUFFIXES):
        return False  # Donald Trump Jr. is not Donald Trump
    ma = [t for t in a[1:-1] if t not in PARTICLES]
    mb = [t for t in b[1:-1] if t not in PARTICLES]
    short, long_ = (ma, mb) if len(ma) <= len(mb) else (mb, ma)
    for tok in short:
        if not any(tok == t or (len(tok) == 1 and t.startswith(tok)) or (len(t) == 1 and tok.startswith(t)) for t in long_):
            return False
    return True


def _pick(ids: list[int], entities: list[Entity]) -> int:
    return min(set(ids), key=lambda i: (-entities[i].full_count, entities[i].first))


def _dominant(ids: list[int], entities: list[Entity]) -> int | None:
    """The one person of several sharing a given name whose full forms are at least twice as frequent."""
    ids = sorted(set(ids), key=lambda i: (-entities[i].full_count, entities[i].first))
    if len(ids) == 1 or entities[ids[0]].full_count >= 2 * entities[ids[1]].full_count:
        return ids[0]
    return None


def _title_head(title: str) -> str:
    return lx.norm(title.split()[-1])


def _title_conflict(single: FormStats, ent: Entity, stats: dict[tuple[str, ...], FormStats]) -> bool:
    """The lone given name usually carries a title its candidate full name never has: another person
    ("Princess Mary" is not "Mary Hendríkhovna"; "Prince Harry" is not "Harry Kane")."""
    heads: dict[str, int] = {}
    for title, n in single.titles.items():
        head = _title_head(title)
        heads[head] = heads.get(head, 0) + n
    if not heads:
        return False
    top, n = max(heads.items(), key=lambda kv: (kv[1], kv[0]))
    if n < max(3, single.count // 10):
        return False
    ent_heads = {_title_head(t) for k in ent.keys for t in stats[k].titles}
    return top not in ent_heads


def link(
    stats: dict[tuple[str, ...], FormStats],
    accepted: set[tuple[str, ...]],
    rejected: set[tuple[str, ...]],
) -> tuple[list[Entity], dict[tuple[str, ...], int]]:
    """People (as groups of name forms) and the alias table: normalised form -> person index."""
    entities: list[Entity] = []
    alias: dict[tuple[str, ...], int] = {}
    # rule 1
    for key, st in stats.items():  # insertion order = first appearance
        if len(key) < 2 or key not in accepted:
            continue
        for i, ent in enumerate(entities):
            if any(_compatible(key, other) for other in ent.keys):
                ent.keys.append(key)
                ent.full_count += st.count
                alias[key] = i
                break
        else:
            alias[key] = len(entities)
            entities.append(Entity([key], st.first, st.count))
    # rule 1b: a surname with particles used alone ("Van der Wiel" after "Gregory van der Wiel") is that person
    tails: dict[tuple[str, ...], int] = {}
    for i, ent in enumerate(entities):
        for key in ent.keys:
            for j in range(1, len(key) - 1):
                if key[j] in PARTICLES and key[j - 1] not in PARTICLES:
                    tails.setdefault(key[j:], i)
                    break
    for i, ent in enumerate(entities):
        owner = tails.get(ent.keys[0]) if len(ent.keys) == 1 else None
        if owner is not None and owner != i:
            entities[owner].full_count += ent.full_count
            entities[owner].keys.append(ent.keys[0])
            alias[ent.keys[0]] = owner
            ent.keys = []
    for tail, owner in tails.items():
        if tail in stats and tail not in rejected:
            alias.setdefault(tail, owner)
    by_last: dict[str, list[int]] = {}
    by_first: dict[str, list[int]] = {}
    for i, ent in enumerate(entities):
        for tok in ent.last_tokens:
            by_last.setdefault(tok, []).append(i)
        for tok in ent.first_tokens:
            if tok not in PARTICLES and len(tok) > 1:
                by_first.setdefault(tok, []).append(i)
    given = lx.given_names()
    words = lx.ordinary_words()
    by_meta: dict[str, list[str]] = {}
    for tok in by_last:
        if len(tok) >= 6:
            by_meta.setdefault(_metaphone(tok), []).append(tok)
    singles_new: list[tuple[tuple[str, ...], FormStats]] = []
    for key, st in stats.items():
        if len(key) != 1 or key in rejected:
            continue
        tok = key[0]
        if tok in by_last:  # rules 2, 3
            alias[key] = _pick(by_last[tok], entities)
        elif (
            tok in by_first
            and (tok in given or tok not in words)
            and (owner := _dominant(by_first[tok], entities)) is not None
            and not _title_conflict(st, entities[owner], stats)
        ):
            alias[key] = owner  # rule 4
        elif len(tok) >= 6 and any(spelling_variants(tok, o) for o in by_meta.get(_metaphone(tok), ())):  # rule 5
            ids = [i for o in by_meta[_metaphone(tok)] if spelling_variants(tok, o) for i in by_last[o]]
            alias[key] = _pick(ids, entities)
        elif key in accepted:  # rule 6
            singles_new.append((key, st))
    for tok, ids in by_last.items():  # a surname seen only inside a longer run ("Gianluigi Buffon Hart")
        alias.setdefault((tok,), _pick(ids, entities))
    for key, st in singles_new:
        alias[key] = len(entities)
        entities.append(Entity([key], st.first, st.count))
    return entities, alias
