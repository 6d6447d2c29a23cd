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
   ordinary English word ("Pierre" -> "Pierre Bezúkhov"), or when it is a word but used alone with person
   context and never written in lowercase ("Xi said" -> "Xi Jinping"). A given name shared by several
   people joins one only if that one's full forms are at least twice as frequent as any other's; otherwise the
   lone given name stays a person of its own. It also stays its own person when it usually carries a title
   (at least 3 times and 10% of its uses) that the full name never has (W&P "Princess Mary" is not "Mary
   Hendríkhovna"; "Prince Harry" is not "Harry Kane"), unless exactly one other bearer's full forms carry that
   title: then it is that one's ("Princess Mary" is "Princess Mary Bolkónskaya").
5. A lone token that is a spelling variant of a person's surname joins that person: same metaphone key, both
   at least 6 letters, lengths within one, edit distance at most 2 ("Katulis" -> "Brian Cutulis",
   "Leavitt" -> "Levitt"); short names never merge this way (Obama/Osama, Bush/Buch).
6. Any other accepted lone token is a person of its own ("Biden").
7. Namesakes: two full forms with the same given name and surname are two people when one carries a
   distinguishing middle name/initial the other lacks and both were introduced as such: each is used at least
   twice, the plain form first, and the plain form is used again after the marked one appears ("Peter
   Halloran ... Peter J. Halloran, the cousin ... Peter Halloran likes to say"). Otherwise the marked form is
   the same person written more fully ("George W. Bush" ... "George Bush"); given name and patronymic are
   the full name without its surname ("Anna Pávlovna" = "Anna Pávlovna Schérer"). Two different middles ("George
   H. W. Bush" / "George W. Bush") are always two people.
8. Maiden and married names: "Dana Halloran, née Mercer" / "Dana Halloran (born Dana Mercer)" make "Dana
   Mercer" and a lone "Mercer" hers; "Peter married Dana Mercer" joins "Dana Mercer" to a "Dana Halloran"
   when Halloran is the surname of Peter's person (and Dana is the only such pair).
8b. A surname taken by marriage, learnt from the text: "Charlotte, the wife of Mr. Collins", "Julie (now
   Princess Drubetskáya)", "Charlotte, now Mrs. Collins". The person named first (a lone given name: its most
   often named bearer) takes the surname: a full form with it ("Julie Drubetskáya") joins her, and "Mrs."/"Lady"
   with it ("Mrs. Collins") is her (:mod:`.mentions`).
9. Ambiguous short forms: a lone surname or given name shared by several people is resolved per occurrence
   (:mod:`.mentions`); here each gets its candidates in order of preference: the default first (rules 3 and
   4, where a namesake without the distinguishing mark is preferred to the one with it: bare "Peter" is
   "Peter Halloran", not "Peter J. Halloran"), then the others.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import NamedTuple

import jellyfish

from reader.nlp.people import lexicon as lx
from reader.nlp.people.context import Form
from reader.nlp.people.evidence import FormStats


@dataclass(slots=True)
class Entity:
    keys: list[tuple[str, ...]] = field(default_factory=list)
    first: int = 0
    full_count: int = 0
    extra_last: set[str] = field(default_factory=set)  # a maiden name known only from "née Mercer"
    maiden: set[tuple[str, ...]] = field(default_factory=set)  # forms with the maiden name: not the display name
    gender: str | None = None  # "m" / "f" from the given name or a gendered title, None when unknown
    titled: int = 0  # mentions of the surname alone with a title of the person's gender ("Mr. Bingley")
    title_classes: set[str] = field(default_factory=set)  # identity titles the person carries ("miss")
    married: set[str] = field(default_factory=set)  # surnames taken by marriage ("Charlotte, the wife of Mr. Collins")

    @property
    def last_tokens(self) -> set[str]:
        # a regnal name ("Louis XVI", "Napoleon III") has no surname
        out = {_surname(k) for k in self.keys if len([t for t in k if t not in lx.NAME_SUFFIXES]) >= 2}
        return out | self.extra_last

    @property
    def plain(self) -> bool:
        """Some full form is just given name + surname (no middle name/initial, no suffix)."""
        return any(len(_middles(k)) == 0 and k[-1] not in lx.NAME_SUFFIXES for k in self.keys if len(k) >= 2)

    @property
    def first_tokens(self) -> set[str]:
        # "Napoleon III", "Donald Trump Jr.": a regnal number or suffix marks a different bearer of the name
        return {k[0] for k in self.keys if len(k) >= 2 and k[-1] not in lx.NAME_SUFFIXES}


def _surname(key: tuple[str, ...]) -> str:
    for tok in reversed(key):
        if tok not in lx.NAME_SUFFIXES and tok not in lx.NAME_PARTICLES and len(tok) > 1:
            return tok
    return key[-1]


class Choice(NamedTuple):
    """An ambiguous short form: candidate people, default first; ``surname`` when it is their surname."""

    options: tuple[int, ...]
    surname: bool


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


def _middles(key: tuple[str, ...]) -> list[str]:
    end = len(key) - 1
    while end > 1 and key[end] in lx.NAME_SUFFIXES:
        end -= 1
    return [t for t in key[1:end] if t not in lx.NAME_PARTICLES]


def _same_middle(x: str, y: str) -> bool:
    return x == y or (len(x) == 1 and y.startswith(x)) or (len(y) == 1 and x.startswith(y))


_PATRONYMIC = re.compile(r"\w{3,}(?:ovich|evich|ich|ovna|evna|ichna)\Z")


def _given_and_patronymic_of(short: tuple[str, ...], full: tuple[str, ...]) -> bool:
    """"Anna Pávlovna" is "Anna Pávlovna Schérer": given name and patronymic, the full name without the surname."""
    return len(short) == 2 and len(full) == 3 and full[:2] == short and _PATRONYMIC.match(short[1]) is not None


def _same_given(x: str, y: str) -> bool:
    """Two ways of writing one given name: an initial of it ("R." / "Robert") or a nickname or diminutive
    ("Eliza" / "Elizabeth")."""
    if len(x) == 1 or len(y) == 1:
        return len(x) != len(y) and (x.startswith(y) or y.startswith(x))
    return lx.diminutive_of(x, y)


def _compatible(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Same person written with or without middle names/initials, with an initial for the given name ("R.
    Walton" / "Robert Walton"), or with a nickname or diminutive of the given name ("Eliza Bennet" /
    "Elizabeth Bennet", "Váska Denísov" / "Vasíli Dmítrich Denísov")."""
    if a[0] != b[0] and not _same_given(a[0], b[0]):
        return False
    if _given_and_patronymic_of(a, b) or _given_and_patronymic_of(b, a):
        return True
    la, lb = _surname(a), _surname(b)
    if la != lb and not spelling_variants(la, lb):
        return False
    if (a[-1] in lx.NAME_SUFFIXES) != (b[-1] in lx.NAME_SUFFIXES):
        return False  # Donald Trump Jr. is not Donald Trump
    ma, mb = _middles(a), _middles(b)
    if ma and mb:
        # both written with middles: they must agree one to one ("George H. W. Bush" is not "George W. Bush")
        return len(ma) == len(mb) and all(_same_middle(x, y) for x, y in zip(ma, mb))
    return True


def _namesakes(plain: FormStats, marked: FormStats) -> bool:
    """Rule 7: "Peter Halloran" and "Peter J. Halloran" both introduced as such, the plain form first and used
    again after the marked one appears: two people."""
    return (
        plain.count >= 2
        and marked.count >= 2
        and plain.first < marked.first < plain.last
    )


def _same_person(a: tuple[str, ...], b: tuple[str, ...], stats: dict[tuple[str, ...], FormStats]) -> bool:
    if not _compatible(a, b):
        return False
    ma, mb = _middles(a), _middles(b)
    if bool(ma) != bool(mb):
        plain, marked = (a, b) if not ma else (b, a)
        if _namesakes(stats[plain], stats[marked]):
            return False
    return True


def _demoted(ids: list[int], entities: list[Entity]) -> set[int]:
    """Candidates with a distinguishing mark beside a plain namesake ("Peter J. Halloran" beside "Peter
    Halloran"): a short form is the plain one's unless the context says otherwise."""
    out: set[int] = set()
    for i in ids:
        if entities[i].plain:
            continue
        for j in ids:
            if j != i and entities[j].plain and entities[i].first_tokens & entities[j].first_tokens and (
                entities[i].last_tokens & entities[j].last_tokens
            ):
                out.add(i)
                break
    return out


def _ranked(ids: list[int], entities: list[Entity]) -> list[int]:
    """Candidates in order of preference: plain namesakes first, then most full forms and titled surname
    mentions of their gender ("Mr. Bingley" makes bare "Bingley" Charles's, not his sister's), then first
    introduced."""
    demoted = _demoted(sorted(set(ids)), entities)
    return sorted(
        set(ids), key=lambda i: (i in demoted, -(entities[i].full_count + entities[i].titled), entities[i].first)
    )


def _pick(ids: list[int], entities: list[Entity]) -> int:
    return _ranked(ids, entities)[0]


def _dominant(ids: list[int], entities: list[Entity]) -> int | None:
    """The one person of several sharing a given name whose full forms are at least twice as frequent (or the
    plain namesake of the others)."""
    ranked = _ranked(ids, entities)
    if len(ranked) == 1 or entities[ranked[0]].full_count >= 2 * entities[ranked[1]].full_count:
        return ranked[0]
    demoted = _demoted(ranked, entities)
    if all(i in demoted for i in ranked[1:]):
        return ranked[0]
    return None


def _gender(ent: Entity, stats: dict[tuple[str, ...], FormStats]) -> str | None:
    """"m"/"f" from gendered titles seen with the person's forms, else from the given name of the full forms. A
    person known only by a surname takes no gender from a title written on under a tenth of its uses (the one
    "Madame Frankenstein", the mother, beside 23 bare "Frankenstein", the son)."""
    votes = {"m": 0, "f": 0}
    for key in ent.keys if not _rarely_titled(ent, stats) else ():
        for title, n in stats[key].titles.items():
            head = _title_head(title)
            if head in lx.MALE_TITLES:
                votes["m"] += n
            elif head in lx.FEMALE_TITLES:
                votes["f"] += n
    if votes["m"] != votes["f"]:
        return "m" if votes["m"] > votes["f"] else "f"
    given = lx.given_names()
    genders = {given.get(k[0]) for k in ent.keys if len(k) >= 2}
    if len(genders) == 1 and (g := genders.pop()) in ("m", "f"):
        return g
    return None


_RARE_TITLE_SHARE = 10  # a title on fewer than one use in ten of a surname-only person says nothing of them


def _rarely_titled(ent: Entity, stats: dict[tuple[str, ...], FormStats]) -> bool:
    """A person known only by a surname whose forms carry a title on fewer than one use in ten."""
    if not ent.keys or any(len(k) > 1 for k in ent.keys):
        return False
    uses = sum(stats[k].count for k in ent.keys)
    titled = sum(n for k in ent.keys for n in stats[k].titles.values())
    return 0 < titled and _RARE_TITLE_SHARE * titled < uses


def _merge(src: int, dst: int, entities: list[Entity], alias: dict[tuple[str, ...], int]) -> None:
    if src == dst or not entities[src].keys:
        return
    for key in entities[src].keys:
        entities[dst].keys.append(key)
        alias[key] = dst
    entities[dst].full_count += entities[src].full_count
    entities[dst].first = min(entities[dst].first, entities[src].first)
    entities[dst].extra_last |= entities[src].extra_last
    entities[dst].maiden |= entities[src].maiden
    entities[src].keys = []
    entities[src].full_count = 0


def _title_head(title: str) -> str:
    return lx.norm(title.split()[-1])


def _usual_title(single: FormStats) -> str | None:
    """The title head a lone name usually carries (at least 3 times and 10% of its uses), if any."""
    heads: dict[str, int] = {}
    for title, n in single.titles.items():
        head = _title_head(title)
        heads[head] = heads.get(head, 0) + n
    if not heads:
        return None
    top, n = max(heads.items(), key=lambda kv: (kv[1], kv[0]))
    return top if n >= max(3, single.count // 10) else None


def _title_heads(ent: Entity, stats: dict[tuple[str, ...], FormStats]) -> set[str]:
    return {_title_head(t) for k in ent.keys for t in stats[k].titles}


def _title_conflict(single: FormStats, ent: Entity, stats: dict[tuple[str, ...], FormStats]) -> bool:
    """The lone given name usually carries a title its candidate full name never has: another person
    ("Princess Mary" is not "Mary Hendríkhovna"; "Prince Harry" is not "Harry Kane")."""
    top = _usual_title(single)
    return top is not None and top not in _title_heads(ent, stats)


def _title_bearer(single: FormStats, ids: list[int], entities: list[Entity], stats: dict[Form, FormStats]) -> int | None:
    """The one bearer of a lone given name whose full forms carry the title the lone name usually has: "Princess
    Mary" is "Princess Mary Bolkónskaya", not the more often named "Mary Hendríkhovna"."""
    top = _usual_title(single)
    if top is None:
        return None
    bearers = [i for i in ids if top in _title_heads(entities[i], stats)]
    return bearers[0] if len(bearers) == 1 else None


@dataclass(slots=True)
class Linker:
    """What the linking rules read and fill in: people as groups of forms, the alias table and the ambiguous
    short forms."""

    stats: dict[Form, FormStats]
    accepted: set[Form]
    rejected: set[Form]
    context_singles: set[Form] | frozenset[Form]
    lone_uses: dict[str, list[tuple[int, int]]] | None = None  # in a book: token -> (offset, chapter) used alone
    entities: list[Entity] = field(default_factory=list)
    alias: dict[Form, int] = field(default_factory=dict)  # form -> person index
    choices: dict[Form, Choice] = field(default_factory=dict)  # ambiguous short form -> candidates, default first
    by_last: dict[str, list[int]] = field(default_factory=dict)  # surname -> people
    by_first: dict[str, list[int]] = field(default_factory=dict)  # given name -> people
    by_meta: dict[str, list[str]] = field(default_factory=dict)  # metaphone key -> surnames of 6+ letters
    new_singles: list[tuple[Form, FormStats, list[int]]] = field(default_factory=list)  # lone forms, own people

    def ambiguous(self, key: Form, ranked: list[int], surname: bool) -> None:
        """Rule 9: a short form several people share is resolved per occurrence, default first."""
        if len(ranked) > 1:
            self.choices[key] = Choice(tuple(ranked), surname)


def link(
    stats: dict[Form, FormStats],
    accepted: set[Form],
    rejected: set[Form],
    name_links: list[tuple[str, Form, Form]] = (),
    context_singles: set[Form] | frozenset[Form] = frozenset(),
    wife_links: list[tuple[Form, str]] = (),
    lone_uses: dict[str, list[tuple[int, int]]] | None = None,
    given_ties: list[tuple[Form, str]] = (),
) -> tuple[list[Entity], dict[Form, int], dict[Form, Choice]]:
    """People (as groups of name forms), the alias table (normalised form -> person index) and the ambiguous
    short forms (form -> candidate people, default first).

    ``name_links`` are ``("nee", person form, maiden form)`` and ``("married", form, form)`` pairs seen in the
    text (rule 8); ``wife_links`` are ``(form, surname)`` pairs from :func:`married_name_links` (rule 8b).
    ``context_singles`` are lone forms with person context of their own, never written in
    lowercase ("Xi said"): rule 4 links them even when they are also English words. ``lone_uses``: in a
    book (a text with chapters), each token used alone as a name -> its (offset, chapter) in text order; the
    rules for novels apply (:func:`surname_used_before_its_bearers`). ``given_ties``: ``((given,), surname)``
    from :func:`given_names_of_married_titles` ("Louisa (Mrs. Hurst)").
    """
    lk = Linker(stats, accepted, rejected, context_singles, lone_uses)
    group_full_forms(lk)
    join_titled_patronymics(lk)
    join_particle_surnames(lk)
    _link_names(name_links, lk.entities, lk.alias)
    take_married_names(lk, wife_links)
    index_people(lk)
    for key, st in stats.items():
        if len(key) == 1:
            any(rule(lk, key, st) for rule in LONE_FORM_RULES)
    surnames_seen_only_in_runs(lk)
    for key, st, others in lk.new_singles:
        lk.alias[key] = len(lk.entities)
        if others:
            lk.choices[key] = Choice((len(lk.entities), *others), False)
        lk.entities.append(Entity([key], st.first, st.count))
    take_married_names_of_singles(lk, given_ties)
    title_classes(lk)
    return lk.entities, lk.alias, lk.choices


def title_classes(lk: Linker) -> None:
    """The identity titles each person carries ("Miss Elizabeth", "Miss Elizabeth Bennet": "miss"), from their
    full forms and given names; a person known only by a surname carries the title it is most often written
    with, the whole title phrase counted ("Colonel Forster": "colonel", so "Mrs. Forster" is someone else)."""
    for key, pid in lk.alias.items():
        ent = lk.entities[pid]
        st = lk.stats.get(key)
        if st is None or not st.titles:
            continue
        if len(key) >= 2 or key[0] not in ent.last_tokens:
            if any(len(k) >= 2 for k in ent.keys):
                ent.title_classes.update(c for t in st.titles if (c := lx.family_title(t)) is not None)
    for ent in lk.entities:
        if ent.keys and all(len(k) == 1 for k in ent.keys) and not _rarely_titled(ent, lk.stats):
            heads: dict[str, int] = {}
            for k in ent.keys:
                for title, n in lk.stats[k].titles.items():
                    cls = lx.family_title(title) or _title_head(title)
                    heads[cls] = heads.get(cls, 0) + n
            if heads:
                ent.title_classes = {max(heads.items(), key=lambda kv: (kv[1], kv[0]))[0]}


def group_full_forms(lk: Linker) -> None:
    """Rules 1 and 7: accepted forms of two or more tokens, in order of first appearance, are people; a form
    that is the same person as a form of an earlier person joins it."""
    for key, st in lk.stats.items():  # insertion order = first appearance
        if len(key) < 2 or key not in lk.accepted:
            continue
        for i, ent in enumerate(lk.entities):
            if any(_same_person(key, other, lk.stats) for other in ent.keys):
                ent.keys.append(key)
                ent.full_count += st.count
                lk.alias[key] = i
                break
        else:
            lk.alias[key] = len(lk.entities)
            lk.entities.append(Entity([key], st.first, st.count))


def join_titled_patronymics(lk: Linker) -> None:
    """Rule 1c: a person named only by given name and patronymic, with a title ("Prince Vasíli Sergéevich"), is
    the one person with that given name and a surname whose full forms carry the same title ("Prince Vasíli
    Kurágin"), when the text never writes all three together: so the lone "Prince Vasíli" has one titled
    bearer to go to."""
    with_surname: dict[str, set[int]] = {}  # given name -> people named with it and a surname
    for j, other in enumerate(lk.entities):
        for k in other.keys:
            if not _PATRONYMIC.match(k[-1]):
                with_surname.setdefault(k[0], set()).add(j)
    for i, ent in enumerate(lk.entities):
        if not ent.keys or not all(len(k) == 2 and _PATRONYMIC.match(k[1]) for k in ent.keys):
            continue
        heads = _title_heads(ent, lk.stats)
        if not heads:
            continue
        bearers = set().union(*(with_surname.get(k[0], set()) for k in ent.keys)) - {i}
        owners = [j for j in sorted(bearers) if lk.entities[j].keys and heads & _title_heads(lk.entities[j], lk.stats)]
        if len(owners) == 1:
            _merge(i, owners[0], lk.entities, lk.alias)


def join_particle_surnames(lk: Linker) -> None:
    """Rule 1b: a surname with particles used alone ("Van der Wiel" after "Gregory van der Wiel") is that person."""
    tails: dict[Form, int] = {}
    for i, ent in enumerate(lk.entities):
        for key in ent.keys:
            for j in range(1, len(key) - 1):
                if key[j] in lx.NAME_PARTICLES and key[j - 1] not in lx.NAME_PARTICLES:
                    tails.setdefault(key[j:], i)
                    break
    for i, ent in enumerate(lk.entities):
        owner = tails.get(ent.keys[0]) if len(ent.keys) == 1 else None
        if owner is not None and owner != i:
            _merge(i, owner, lk.entities, lk.alias)
    for tail, owner in tails.items():
        if tail in lk.stats and tail not in lk.rejected:
            lk.alias.setdefault(tail, owner)


def index_people(lk: Linker) -> None:
    """Each person's gender, and the people by surname, by given name and surnames by metaphone key. A surname
    a woman took by marriage is not hers used alone while someone else bears it: bare "Wickham" stays George's
    after "Lydia Wickham" joins Lydia Bennet."""
    bearers: dict[str, int] = {}
    for ent in lk.entities:
        for tok in ent.last_tokens if ent.keys else ():
            bearers[tok] = bearers.get(tok, 0) + 1
    for i, ent in enumerate(lk.entities):
        if not ent.keys:
            continue
        ent.gender = _gender(ent, lk.stats)
        for tok in ent.last_tokens:
            if tok in ent.married and bearers[tok] > 1:
                continue
            lk.by_last.setdefault(tok, []).append(i)
        for tok in ent.first_tokens:
            if tok not in lx.NAME_PARTICLES and len(tok) > 1:
                lk.by_first.setdefault(tok, []).append(i)
    for tok, ids in lk.by_last.items():
        if len(tok) >= 6:
            lk.by_meta.setdefault(_metaphone(tok), []).append(tok)
        lone = lk.stats.get((tok,))
        for title, n in (lone.titles.items() if lone is not None else ()):
            for i in ids:
                if lk.entities[i].gender is not None and lx.title_gender(title) == lk.entities[i].gender:
                    lk.entities[i].titled += n


# --- lone forms: the first rule of LONE_FORM_RULES that returns True decides -----------------------------


def skip_rejected(lk: Linker, key: Form, st: FormStats) -> bool:
    """A rejected lone form is nobody, except a month that is someone's given name ("June Whitaker"): it may
    still be a mention of her."""
    tok = key[0]
    return key in lk.rejected and not (tok in lx.MONTHS_DAYS and tok in lk.by_first and tok in lx.given_names())


_FEW_NAMINGS = 3  # full and titled mentions below which a bearer has not been introduced (as in :mod:`.mentions`)


def surname_used_before_its_bearers(lk: Linker, key: Form, st: FormStats) -> bool:
    """In a book, a family name: a lone surname that is also written with a title of the other gender than its
    bearers' ("Madame Frankenstein" beside Alphonse Frankenstein: the family has other members), used on its own
    at least three times in at least two chapters before any full form with it, and three times as often as all
    of them, whose bearers are each named (in full, or the surname with a title) fewer than three times, is the
    name the book uses for someone else of the family: a person of its own. Frankenstein's bare "Frankenstein"
    (the narrator, from the first chapters on) is not the father, whose full name "Alphonse Frankenstein" is
    written once, at the end of a letter. "Darcy" is "Fitzwilliam Darcy" (named once too) because "Mr. Darcy"
    names him again and again; W&P's "Speránski", in two chapters before "Michael Mikháylovich Speránski" is
    written once, is his: no other Speránski is in sight; "Kutúzov", used twice in the chapter before "Michael
    Kutúzov", is Kutúzov."""
    tok = key[0]
    bearers = lk.by_last.get(tok)
    if lk.lone_uses is None or not bearers or key not in lk.accepted or key in lk.rejected:
        return False
    people = [lk.entities[i] for i in bearers]
    titled = sum(
        n for title, n in st.titles.items() if any(e.gender in (None, lx.title_gender(title)) for e in people)
    )  # "Mr. Darcy", whatever is known of the bearer's gender
    if titled + max(e.full_count for e in people) >= _FEW_NAMINGS:
        return False
    if st.count < 3 * sum(e.full_count for e in people):
        return False
    if not any(
        (g := lx.title_gender(title)) is not None and all(e.gender not in (None, g) for e in people) for title in st.titles
    ):
        return False  # no other bearer of the family name is in sight ("Speránski" is Michael Mikháylovich's)
    introduced_at = min(e.first for e in people)
    before = [chapter for at, chapter in lk.lone_uses.get(tok, ()) if at < introduced_at]
    if len(before) < 3 or len(set(before)) < 2:
        return False
    lk.new_singles.append((key, st, []))
    return True


def surname_of_a_person(lk: Linker, key: Form, st: FormStats) -> bool:
    """Rules 2 and 3: a surname joins its person ("Putin"); one several people share goes to the most
    prominent ("Trump" -> Donald Trump), the others are candidates per occurrence."""
    tok = key[0]
    if tok not in lk.by_last or tok in lx.MONTHS_DAYS:
        return False
    ranked = _ranked(lk.by_last[tok], lk.entities)
    lk.alias[key] = ranked[0]
    lk.ambiguous(key, ranked, surname=True)
    return True


def given_name_of_a_person(lk: Linker, key: Form, st: FormStats) -> bool:
    """Rule 4: a given name (or a non-word, or a word with person context: "Xi") joins the only or dominant
    person with it, unless it usually carries a title the full name never has; otherwise it is a person of its
    own (with the namesakes as candidates when no one dominates)."""
    tok = key[0]
    if tok not in lk.by_first or not (
        tok in lx.given_names() or tok not in lx.ordinary_words() or key in lk.context_singles
    ):
        return False
    ranked = _ranked(lk.by_first[tok], lk.entities)
    dominant = _dominant(lk.by_first[tok], lk.entities)
    owner = dominant
    if owner is None or _title_conflict(st, lk.entities[owner], lk.stats):
        owner = _title_bearer(st, ranked, lk.entities, lk.stats)
        if owner is not None:
            ranked = [owner, *(i for i in ranked if i != owner)]
    if owner is not None:
        lk.alias[key] = owner
        lk.ambiguous(key, ranked, surname=False)
    elif key in lk.accepted and key not in lk.rejected:
        lk.new_singles.append((key, st, ranked if dominant is None else []))
    return True


def nickname_of_a_given_name(lk: Linker, key: Form, st: FormStats) -> bool:
    """A nickname or diminutive joins the one person whose given name it shortens ("Lizzy", "Eliza" ->
    Elizabeth Bennet), or the dominant one of several."""
    tok = key[0]
    if key in lk.rejected or tok in lk.by_first:
        return False
    ids = sorted({i for full in lx.full_names_of(tok) for i in lk.by_first.get(full, ())})
    if not ids:
        return False
    owner = _dominant(ids, lk.entities)
    if owner is None or _title_conflict(st, lk.entities[owner], lk.stats):
        return False
    lk.alias[key] = owner
    lk.ambiguous(key, _ranked(ids, lk.entities), surname=False)
    return True


def skip_other_rejected(lk: Linker, key: Form, st: FormStats) -> bool:
    """A rejected form that is no one's given name (the month exception of :func:`skip_rejected`)."""
    return key in lk.rejected


def spelling_variant_of_a_surname(lk: Linker, key: Form, st: FormStats) -> bool:
    """Rule 5: "Katulis" -> "Brian Cutulis" (same metaphone, 6+ letters, edit distance at most 2)."""
    tok = key[0]
    if len(tok) < 6:
        return False
    variants = [o for o in lk.by_meta.get(_metaphone(tok), ()) if spelling_variants(tok, o)]
    if not variants:
        return False
    lk.alias[key] = _pick([i for o in variants for i in lk.by_last[o]], lk.entities)
    return True


def own_person(lk: Linker, key: Form, st: FormStats) -> bool:
    """Rule 6: any other accepted lone form is a person of its own ("Biden")."""
    if key in lk.accepted:
        lk.new_singles.append((key, st, []))
    return True


LONE_FORM_RULES: tuple[Callable[[Linker, Form, FormStats], bool], ...] = (
    skip_rejected,
    surname_used_before_its_bearers,
    surname_of_a_person,
    given_name_of_a_person,
    nickname_of_a_given_name,
    skip_other_rejected,
    spelling_variant_of_a_surname,
    own_person,
)
"""How a lone form is linked: the first rule that returns True decides. A new rule is one function here."""


def surnames_seen_only_in_runs(lk: Linker) -> None:
    """A surname seen only inside a longer run ("Gianluigi Buffon Hart") still maps to its people."""
    for tok, ids in lk.by_last.items():
        if (tok,) not in lk.alias:
            ranked = _ranked(ids, lk.entities)
            lk.alias[(tok,)] = ranked[0]
            lk.ambiguous((tok,), ranked, surname=True)


def _link_names(
    name_links: list[tuple[str, tuple[str, ...], tuple[str, ...]]],
    entities: list[Entity],
    alias: dict[tuple[str, ...], int],
) -> None:
    """Rule 8: maiden and married names of one person."""
    for kind, a, b in name_links:
        if kind == "nee":
            owner = alias.get(a)
            if owner is None or not entities[owner].keys:
                continue
            maiden = b if len(b) >= 2 else (a[0], b[-1])
            other = alias.get(maiden)
            if other is not None and other != owner:
                if a[0] == maiden[0]:
                    entities[owner].maiden.update(entities[other].keys)
                    _merge(other, owner, entities, alias)
            elif other is None:
                entities[owner].extra_last.add(maiden[-1])
            continue
        # "Peter married Dana Mercer": Dana Mercer is the Dana Halloran of the text when Peter is a Halloran
        for p, q in ((a, b), (b, a)):
            q_owner = alias.get(q)
            if len(q) < 2 or q_owner is None:
                continue
            if len(p) >= 2:
                p_people = {alias[p]} if p in alias else set()
            else:
                p_people = {
                    i for i, e in enumerate(entities) if e.keys and (p[0] in e.first_tokens or p[0] in e.last_tokens)
                }
            surnames = {t for i in p_people for t in entities[i].last_tokens}
            if len(surnames) != 1:
                continue
            targets = [
                i
                for i, e in enumerate(entities)
                if e.keys and i != q_owner and i not in p_people and q[0] in e.first_tokens and e.last_tokens & surnames
            ]
            if len(targets) == 1 and not (entities[q_owner].last_tokens & surnames):
                entities[targets[0]].maiden.update(entities[q_owner].keys)
                _merge(q_owner, targets[0], entities, alias)


_WIFE_GAP = re.compile(r"\s*(?:,\s*(?:now\s+|the\s+(?:wife|widow)\s+of\s+)|\(\s*now\s+)\Z")


_WIFE_BEFORE = re.compile(r"\b(?:his|the|a)\s+wife,?\s+\Z", re.IGNORECASE)
_MARRIAGE = re.compile(r"\b(?:marr(?:y|ies|ied|iage|ying)|wedd(?:ing|ed)|wife|husband|bride)\b", re.IGNORECASE)
_MARRIAGE_REACH = 200  # characters between a lone given name and the surname it took


def married_name_links(text: str, candidates) -> list[tuple[Form, str]]:
    """Rule 8b cues: ``(form, surname)`` for "Charlotte, the wife of Mr. Collins" (a man's title or none after
    "wife of"), "Charlotte, now Mrs. Collins" and "Julie (now Princess Drubetskáya)" (a woman's title after
    "now"); "his wife, Margaret Harrow" (she is the "Mrs." of her own surname); and a full name "Lydia Wickham"
    whose given name and surname are written near a word of marriage ("Wickham ... married ... Lydia"): her
    married name."""
    out: list[tuple[Form, str]] = []
    for b in candidates:
        if len(b.key) >= 2 and b.first_in_run and lx.title_gender(b.title or "") != "m":
            if _WIFE_BEFORE.search(text, max(0, b.ctx_start - 12), b.ctx_start):
                out.append((b.key, b.key[-1]))
    out.extend(_married_full_names(text, candidates))
    for a, b in zip(candidates, candidates[1:]):
        if not (a.last_in_run and b.first_in_run) or a.ctx_end != a.end or b.ctx_start - a.ctx_end > 20:
            continue
        gap = _WIFE_GAP.match(text, a.ctx_end, b.ctx_start)
        if gap is None or b.title is None:
            continue
        gender = lx.title_gender(b.title)
        wife_of = "wife" in gap.group(0) or "widow" in gap.group(0)
        if gender == ("m" if wife_of else "f"):
            out.append((a.key, b.key[-1]))
    return out


_MARRIED_CLASSES = ("mrs",)
_PARA = "\n\n"
_VOCATIVE = re.compile(r"(?:\A“|,\s+)([A-Z][a-z]+)[,.!?]")  # "“Louisa, you ..." / "She did indeed, Louisa."
_INTRODUCES = re.compile(r"[,:][-—–]*\s*\Z")  # "Mrs. Hurst thought the same, and added,--"


def given_names_of_married_titles(text: str, candidates) -> list[tuple[Form, str]]:
    """``((given,), surname)`` when the text ties a lone given name to a married woman's title with a surname:
    "Louisa (Mrs. Hurst)", "Mrs. Hurst (Louisa)", or a reply that addresses her by her given name: "Mrs. Hurst
    thought the same, and added,-- / “She has nothing ...” / “She did indeed, Louisa.”" (the speaker named
    last, outside quotation marks, in the paragraph that gives her words; the next paragraph, a quotation,
    addresses her). A given name tied to two different surnames is dropped."""
    ties: dict[str, set[str]] = {}
    marks = _ParagraphMarks(text)
    for i, c in enumerate(candidates):
        if len(c.key) != 1 or lx.family_title(c.title) not in _MARRIED_CLASSES or c.org:
            continue
        surname = c.key[0]
        before = text[max(0, c.ctx_start - 40) : c.ctx_start]
        after = text[c.ctx_end : c.ctx_end + 40]
        paren = re.search(r"([A-Z][a-z]+)\s*\(\s*\Z", before)
        if paren and after.lstrip().startswith(")"):
            ties.setdefault(paren.group(1).lower(), set()).add(surname)  # "Louisa (Mrs. Hurst)"
            continue
        paren = re.match(r"\s*\(\s*([A-Z][a-z]+)\s*\)", after)
        if paren:
            ties.setdefault(paren.group(1).lower(), set()).add(surname)  # "Mrs. Hurst (Louisa)"
            continue
        given = _addressed_in_reply(text, c, candidates[i + 1] if i + 1 < len(candidates) else None, marks)
        if given is not None:
            ties.setdefault(given.lower(), set()).add(surname)
    return [((lx.norm(g),), next(iter(s))) for g, s in sorted(ties.items()) if len(s) == 1]


def _addressed_in_reply(text: str, cand, following, marks: _ParagraphMarks) -> str | None:
    """The given name the reply to ``cand``'s words addresses, if she speaks last in her paragraph. ``marks``
    (of ``text``) finds paragraph bounds and counts quotation marks without reading the paragraph: a paragraph
    of many "Mrs. X" was read once per mention."""
    para_start, para_end = marks.paragraph_start(cand.start), marks.paragraph_end(cand.end)
    para_end = len(text) if para_end < 0 else para_end
    if not marks.balanced(para_start, cand.ctx_start):
        return None  # named inside a quotation
    if following is not None and following.start < para_end and marks.balanced(cand.ctx_end, following.start):
        return None  # someone else is named after her outside quotation marks
    if marks.opens_between(cand.ctx_end, para_end):
        reply_at = para_end + 2  # her words are in her own paragraph
    elif marks.introduces(cand.ctx_end, para_end):
        words_end = marks.paragraph_end(para_end + 2)  # her words are the next paragraph
        if words_end < 0 or not text.startswith("“", para_end + 2):
            return None
        reply_at = words_end + 2
    else:
        return None
    return marks.vocative_of_reply(reply_at)


class _ParagraphMarks:
    """Paragraph breaks ("\\n\\n", overlapping ones too) and curly quotation marks of a text, found once (on first
    use), so that each question :func:`_addressed_in_reply` asks costs a binary search, not a read of the
    paragraph; what it asks of a paragraph's end or of a reply is remembered."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._found: tuple[array, array, array] | None = None
        self._introducing_at: dict[int, int] = {}  # paragraph end -> where a closing "[,:]--" would be
        self._vocatives: dict[int, str | None] = {}

    def _marks(self) -> tuple[array, array, array]:
        if self._found is None:
            text = self.text
            self._found = tuple(array("q", (m.start() for m in re.finditer(pattern, text)))
                                for pattern in ("(?=\n\n)", "“", "”"))  # type: ignore[assignment]
        return self._found  # type: ignore[return-value]

    def paragraph_start(self, pos: int) -> int:
        """Where the paragraph holding ``pos`` starts: after the last break that ends by ``pos``, else 0."""
        breaks = self._marks()[0]
        i = bisect_right(breaks, pos - len(_PARA)) - 1
        return breaks[i] + len(_PARA) if i >= 0 else 0

    def paragraph_end(self, pos: int) -> int:
        """The first break at or after ``pos`` (``text.find(_PARA, pos)``): -1 when none."""
        breaks = self._marks()[0]
        i = bisect_left(breaks, pos)
        return breaks[i] if i < len(breaks) else -1

    def _count(self, marks: array, lo: int, hi: int) -> int:
        return bisect_left(marks, hi) - bisect_left(marks, lo) if lo < hi else 0

    def balanced(self, lo: int, hi: int) -> bool:
        """As many opening as closing curly quotation marks in ``text[lo:hi]``."""
        _, opens, closes = self._marks()
        return self._count(opens, lo, hi) == self._count(closes, lo, hi)

    def opens_between(self, lo: int, hi: int) -> bool:
        return self._count(self._marks()[1], lo, hi) > 0

    def introduces(self, lo: int, para_end: int) -> bool:
        """``text[lo:para_end]`` ends as words that introduce a quotation do (``_INTRODUCES``: "and added,--")."""
        if para_end not in self._introducing_at:
            i = para_end
            while i > 0 and self.text[i - 1].isspace():
                i -= 1
            while i > 0 and self.text[i - 1] in "-—–":
                i -= 1
            self._introducing_at[para_end] = i - 1
        at = self._introducing_at[para_end]
        return at >= lo and _INTRODUCES.match(self.text, at, para_end) is not None

    def vocative_of_reply(self, reply_at: int) -> str | None:
        """The name the paragraph at ``reply_at`` addresses in its first quotation, when it opens with one."""
        if reply_at not in self._vocatives:
            text = self.text
            reply_end = self.paragraph_end(reply_at)
            reply = text[reply_at : len(text) if reply_end < 0 else reply_end] if text.startswith("“", reply_at) else ""
            quote = reply[: (reply.find("”") + 1) or len(reply)]
            m = _VOCATIVE.search(quote) if quote else None
            self._vocatives[reply_at] = m.group(1) if m else None
        return self._vocatives[reply_at]


def _married_full_names(text: str, candidates) -> list[tuple[Form, str]]:
    """``((given,), surname)`` for a two-word full name ("Lydia Wickham") of a woman also named in full with
    another surname ("Lydia Bennet"), the surname a man's named in full ("George Wickham"), when her given name,
    used alone, and that surname are written within a few lines of each other and of a word of marriage."""
    names = lx.given_names()
    pairs = {c.key for c in candidates if len(c.key) == 2 and c.key[0] not in lx.NAME_PARTICLES}
    men = {sname for g, sname in pairs if names.get(g) == "m"}  # surnames of men named in full ("George Wickham")
    surname_of: dict[str, set[str]] = {}
    for g, sname in pairs:
        surname_of.setdefault(g, set()).add(sname)
    # a woman's given name, named in full with two surnames, one of them a man's: "Lydia Bennet", "Lydia Wickham"
    # (or with a nickname: "Catherine Carver", "Kate Ashby")
    women = [g for g in surname_of if names.get(g) == "f"]
    married = [g for g in women if surname_of[g] & men]
    given = set()
    for g in married:
        others = set().union(*(surname_of[h] for h in women if h == g or _called(g, h) or _called(h, g)))
        if len(others) >= 2:
            given.add(g)
    if not given:
        return []
    surname_of = {g: surname_of[g] & men for g in given}
    out: set[tuple[Form, str]] = set()
    lone = [c for c in candidates if len(c.key) == 1 and c.key[0] in given]
    by_surname = [c for c in candidates if c.key[-1] in {sname for g in given for sname in surname_of[g]}]
    j = 0
    for a in lone:
        while j < len(by_surname) and by_surname[j].end < a.start - _MARRIAGE_REACH:
            j += 1
        k = j
        while k < len(by_surname) and by_surname[k].start <= a.end + _MARRIAGE_REACH:
            b = by_surname[k]
            k += 1
            if b.key[-1] not in surname_of[a.key[0]] or b.key == (a.key[0], b.key[-1]):
                continue
            lo, hi = min(a.start, b.start), max(a.end, b.end)
            if _MARRIAGE.search(text, max(0, lo - 60), hi + 30):  # "... Lionel Ashby were married"
                out.add(((a.key[0],), b.key[-1]))
    return sorted(out)


def _called(name: str, given: str) -> bool:
    """``name`` is ``given`` or a nickname of it, also of a spelling variant of it ("Kate" is "Katherine" in the
    nickname list, so also "Catherine")."""
    return name == given or lx.diminutive_of(name, given) or any(
        spelling_variants(full, given) for full in lx.full_names_of(name) if full[0] != given[0]
    )


def take_married_names(lk: Linker, wife_links: list[tuple[Form, str]]) -> None:
    """Rule 8b: the person a cue names takes the surname; her full form with it joins her. A wife named with
    her own surname ("his wife, Margaret Harrow") is its "Mrs." (:mod:`.mentions`)."""
    for form, surname in wife_links:
        if len(form) >= 2:
            owner = lk.alias.get(form)
        else:
            bearers = [
                i for i, e in enumerate(lk.entities) if e.keys and any(_called(form[0], g) for g in e.first_tokens)
            ]
            maiden = [i for i in bearers if surname not in lk.entities[i].last_tokens]  # "Catherine Carver"
            owner = max(maiden or bearers, key=lambda i: lk.entities[i].full_count, default=None)
        if owner is None:
            continue
        if surname in lk.entities[owner].last_tokens:
            if len(form) >= 2:
                lk.entities[owner].married.add(surname)
            continue
        lk.entities[owner].married.add(surname)
        other = lk.alias.get((form[0], surname))
        if other is not None and other != owner:
            _merge(other, owner, lk.entities, lk.alias)


def take_married_names_of_singles(lk: Linker, ties: list[tuple[Form, str]]) -> None:
    """Rule 8b for a woman named only by her given name ("Louisa"): a cue that ties it to a married title
    ("Louisa (Mrs. Hurst)", a reply addressing Mrs. Hurst as "Louisa") makes that "Mrs." hers, when the given
    name is a person of its own and a woman's given name (not "Queequeg", whom a reply to Mrs. Hussey
    addresses), and no one is named in full with that surname and given
    name."""
    names = lx.given_names()
    for form, surname in ties:
        if len(form) != 1 or names.get(form[0]) != "f":
            continue
        pid = lk.alias.get(form)
        if pid is None or any(len(k) >= 2 for k in lk.entities[pid].keys):
            continue
        if any(form[0] in lk.entities[i].first_tokens for i in lk.by_last.get(surname, ())):
            continue
        lk.entities[pid].married.add(surname)
