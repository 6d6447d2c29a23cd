"""Propagate people to every located mention.

Every candidate segment is matched left to right against the alias table, longest form first, so
"Melania Trump" is one mention of Melania Trump and never a mention of Donald Trump. Nothing inside an
organisation/place name is a mention ("the Clinton Foundation", "Trump Tower", as in CoNLL annotation);
lone-token matches are skipped for place names ("Washington") and for months and days, except a month that is
the given name of someone in the text used outside a date ("Ask June," is June Whitaker; "in June", "the
following June", "June 5" are dates); and at the start of a sentence when the word is written in lowercase in
the document more often than it is capitalised mid-sentence (an ordinary word there, "Young", not the surname).

Ambiguous short forms (a surname or given name several people share, :mod:`.linking` rule 9) are resolved per
occurrence:

1. gender: a gendered title ("Mr. Halloran", "Mrs. Halloran") or, without a title, a pronoun that follows in
   the same clause ("Trump and his allies", "Dana said she") keeps only the people of that gender (people of
   unknown gender always stay); a gendered title that fits none of them is another bearer of the surname, a
   person of their own ("Mr. Bennet" when every Bennet named is a woman). A person's gender comes from
   gendered titles, else a given name the census gives one gender, else the pronouns after their unambiguous
   mentions ("Dana ..., and her husband");
2. recency, for a given name or a titled surname: the candidate mentioned most recently by an unambiguous
   form, in the same paragraph or at most two sentences back ("Peter J. Halloran had been ordering stock ...
   Mr. Halloran (the cousin) said"). A bare surname skips this step: news style gives the secondary bearer
   of a shared surname a first name or a title ("Melania Trump ... Trump said" is Donald Trump);
3. otherwise the default: the plain namesake, else the most prominent person, else the one introduced first
   (or, for a given name no one dominates, the given name as a person of its own).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable

from reader.nlp.people import lexicon as lx
from reader.nlp.people.candidates import Candidate, is_date_context
from reader.nlp.people.linking import Choice, Entity

Found = tuple[int, int, str]
"""A located mention: (start, end, surface form as written)."""

_WINDOW_SENTENCES = 2
_INTRODUCED = 3  # full-name mentions that make a bearer count for the scene rules
_CLAUSE_END = re.compile(r"[.;:!?\"“”()\n]|\s[A-Z]")
_PRONOUN = re.compile(r"\b(he|his|himself|she|herself|and her)\b")


_OLD_BEFORE = re.compile(r"\b[Oo]ld\s+(?:[A-Z][\w]*\.?\s+)?\Z")  # "old Prince Nicholas Bolkónski"
_YOUNG_BEFORE = re.compile(r"\b(?:[Ll]ittle|[Yy]oung)\s+\Z")  # "little Nicholas", "young Nicholas Bolkónski"

_title_gender = lx.title_gender
_CLASS_GENDER = {"mr": "m", "sir": "m", "lord": "m", "mrs": "f", "miss": "f", "ms": "f", "lady": "f", "dame": "f"}


def _surname_form(form: tuple[str, ...]) -> bool:
    """A lone token, or a surname with particles ("de Bourgh")."""
    return len(form) == 1 or form[0] in lx.NAME_PARTICLES


def _given_form(form: tuple[str, ...], choice: Choice | None, given: set[str], surnames: set[str]) -> bool:
    """A lone form that is a given name or nickname of its person(s), not a surname ("Eliza" of Elizabeth
    Bennet; not "Bennet", not "Forster" of a person known by the surname alone)."""
    if choice is not None:
        return not choice.surname
    return len(form) == 1 and bool(given) and form[0] not in surnames


def _chapter_defaults(
    candidates: list[Candidate],
    choices: dict[tuple[str, ...], Choice],
    given: list[set[str]],
    surnames: list[set[str]],
    introduced: list[bool],
    chapter_of: Callable[[int], int],
) -> dict[str, int]:
    """For a lone name several people share ("Nicholas": Rostóv and the old prince Bolkónski; "Rostóv":
    Nicholas, Pétya and their father), the bearer the book usually means by it: the one whose other half of
    the name, used alone (the surname for a given name, the given name for a surname), shares at least twice
    as many chapters with the lone name as any other bearer's does. Given names are decided first; for a
    surname, a given name counts only for the bearer it usually means ("Nicholas" is Rostóv's, so the chapters of
    bare "Bolkónski" beside "Nicholas" say nothing for the old prince, and bare "Bolkónski" is Prince Andrew)."""
    chapters: dict[str, set[int]] = {}
    for cand in candidates:
        if len(cand.key) == 1 and cand.title is None and not cand.org:
            chapters.setdefault(cand.key[0], set()).add(chapter_of(cand.start))
    out: dict[str, int] = {}
    # given names first: a surname's bearer is then judged only by the given names that usually mean them
    for surname_pass in (False, True):
        for key, choice in choices.items():
            if len(key) != 1 or choice.surname != surname_pass:
                continue
            bearers = [p for p in choice.options if given[p] and introduced[p]]
            here = chapters.get(key[0], set())

            def halves(p: int) -> set[int]:
                tokens = [t for t in given[p] if out.get(t, p) == p] if choice.surname else surnames[p]
                return set().union(*(chapters.get(t, set()) for t in tokens))

            shared = sorted(((len(here & halves(p)), p) for p in bearers), reverse=True)
            if len(shared) >= 2 and shared[0][0] >= 2 * shared[1][0] and shared[0][0] >= 3:
                out[key[0]] = shared[0][1]
    return out


def _seniors(text: str, candidates: list[Candidate], alias: dict[tuple[str, ...], int]) -> dict[str, int]:
    """Given name -> the one person written "old" before a full name with it ("Old Prince Nicholas
    Bolkónski"): a "little"/"young" namesake of theirs is another person, the son or grandson named after them."""
    out: dict[str, int] = {}
    for cand in candidates:
        if len(cand.key) >= 2 and not cand.org and cand.key in alias:
            if _OLD_BEFORE.search(text, max(0, cand.start - 24), cand.start):
                pid = alias[cand.key]
                out[cand.key[0]] = pid if out.get(cand.key[0], pid) == pid else -1
    return {g: pid for g, pid in out.items() if pid >= 0}


_KIN_AFTER = re.compile(r",\s+(her|his)\s+(\w+)")  # "Madame Moritz, her mother"
_KIN_BEFORE = re.compile(r"\b(her|his)\s+(\w+),?\s+\Z")  # "her mother, Madame Moritz"
_KIN_REACH = 400  # characters back to the bearer the pronoun points to


def _kin_of_a_bearer(
    text: str, candidates: list[Candidate], alias: dict[tuple[str, ...], int], genders: list[str | None]
) -> dict[tuple[str, str], set[int]]:
    """(surname, identity title) -> people a titled surname is said to be the relative of: "Justine Moritz ...
    Madame Moritz, her mother" (or "her mother, Madame Moritz"), where the pronoun's person is a bearer of the
    surname named in full just before (at most a few lines back), of the pronoun's gender. The titled one is not
    that bearer ("Edmund Harrow ... Mrs. Harrow, his mother" says nothing about Margaret Harrow)."""
    kin = lx.KIN_FEMALE | lx.KIN_MALE
    out: dict[tuple[str, str], set[int]] = {}
    last_full: dict[str, tuple[int, int]] = {}  # surname -> (offset, person) of its last full-name mention
    for cand in candidates:
        if cand.org:
            continue
        if len(cand.key) >= 2 and cand.key in alias:
            last_full[cand.key[-1]] = (cand.start, alias[cand.key])
            continue
        cls = lx.family_title(cand.title)
        if cls is None or len(cand.key) != 1 or cand.key[0] not in last_full:
            continue
        at, pid = last_full[cand.key[0]]
        if cand.start - at > _KIN_REACH:
            continue
        m = _KIN_AFTER.match(text, cand.ctx_end) or _KIN_BEFORE.search(text, max(0, cand.ctx_start - 30), cand.ctx_start)
        if m is not None and lx.norm(m.group(2)) in kin and genders[pid] == ("f" if m.group(1) == "her" else "m"):
            out.setdefault((cand.key[0], cls), set()).add(pid)
    return out


def _bare_surname_genders(text: str, candidates: list[Candidate], alias: dict[tuple[str, ...], int]) -> dict[str, str]:
    """Shared surnames used bare (no title, no given name) whose following pronouns are of one gender at least
    three times in four: "Bingley ... he" (the brother, not Miss Bingley)."""
    votes: dict[str, list[int]] = {}
    for cand in candidates:
        if len(cand.key) == 1 and cand.title is None and cand.last_in_run and cand.key in alias:
            g = _pronoun_gender(text, cand.ctx_end)
            if g is not None:
                votes.setdefault(cand.key[0], [0, 0])[g == "f"] += 1
    return {s: ("m" if m > f else "f") for s, (m, f) in votes.items() if max(m, f) >= 3 * min(m, f) and m + f >= 3}


def _pronoun_gender(text: str, end: int) -> str | None:
    """The gender of the first he/his/she/... after ``end`` in the same clause, before any other name."""
    window = text[end : end + 80]
    stop = _CLAUSE_END.search(window)
    if stop:
        window = window[: stop.start()]
    m = _PRONOUN.search(window)
    if not m:
        return None
    return "f" if m.group(1) in ("she", "herself", "and her") else "m"


def _pronoun_genders(
    text: str,
    candidates: list[Candidate],
    alias: dict[tuple[str, ...], int],
    choices: dict[tuple[str, ...], Choice],
    genders: list[str | None],
) -> list[str | None]:
    """Genders still unknown for people who share a short form, from the pronouns after their unambiguous
    mentions ("Dana is the managing director, and her husband": she is a woman); a clear majority decides."""
    needed = {p for choice in choices.values() for p in choice.options if genders[p] is None}
    if not needed:
        return genders
    votes: dict[int, list[int]] = {p: [0, 0] for p in needed}
    for cand in candidates:
        if cand.org or not cand.last_in_run or cand.key in choices:
            continue
        pid = alias.get(cand.key)
        if pid in votes:
            g = _pronoun_gender(text, cand.ctx_end)
            if g is not None:
                votes[pid][g == "f"] += 1
    out = list(genders)
    for pid, (m, f) in votes.items():
        if m + f and max(m, f) >= 2 * min(m, f) + 1:
            out[pid] = "m" if m > f else "f"
    return out


def propagate(
    text: str,
    candidates: list[Candidate],
    alias: dict[tuple[str, ...], int],
    choices: dict[tuple[str, ...], Choice],
    entities: list[Entity],
    lowercase_seen: dict[str, int],
    capitalised: dict[str, int],
    sentence_of: Callable[[int], int],
    paragraph_of: Callable[[int], int],
    chapter_of: Callable[[int], int] | None = None,
) -> tuple[list[list[Found]], list[dict[str, int]]]:
    """Per person: mentions as (start, end, surface form) in document order, and title phrase counts; people
    beyond ``entities`` are other bearers of a surname found here ("Mrs. Bennet").

    ``chapter_of``: the chapter of an offset, for texts with chapters (the scene of a lone name; without
    chapters the scene is the paragraph)."""
    genders = [e.gender for e in entities]
    n_people = len(genders)
    maxlen = max((len(k) for k in alias), default=1)
    mentions: list[list[Found]] = [[] for _ in range(n_people)]
    titles: list[dict[str, int]] = [{} for _ in range(n_people)]
    places = lx.places()
    last_seen: dict[int, tuple[int, int]] = {}  # person -> (sentence, paragraph) of the last unambiguous mention
    last_full: dict[int, tuple[int, int]] = {}  # the same, of the last full name ("Thomas Harrow")
    genders = list(_pronoun_genders(text, candidates, alias, choices, genders))

    others: dict[tuple[str, str], int] = {}
    others_of: dict[str, list[int]] = {}  # surname -> other bearers made so far
    classes = [set(e.title_classes) for e in entities]
    wife_of: dict[str, int] = {}  # surname -> the woman who took it by marriage ("Mrs. Collins" is Charlotte)
    for pid, e in enumerate(entities):
        for surname in e.married:
            wife_of.setdefault(surname, pid)
    weight = [e.full_count + e.titled for e in entities]
    given = [e.first_tokens for e in entities]
    surnames = [e.last_tokens for e in entities]
    # named in full at least 3 times: a real character, not a one-off run ("Tarútino Kutúzov")
    introduced = [e.full_count >= _INTRODUCED for e in entities]
    last_alone: dict[str, tuple[int, int]] = {}  # lone token -> (scene, offset) of its last use
    last_named: dict[int, tuple[int, int]] = {}  # person -> (scene, offset) of the last full/titled/unambiguous mention
    scene_of = chapter_of or paragraph_of

    titled_uses: Counter[tuple[str, str | None]] = Counter(
        (c.key[-1], lx.family_title(c.title)) for c in candidates if c.title and _surname_form(c.key)
    )

    bare_gender = _bare_surname_genders(text, candidates, alias)
    kin_of = _kin_of_a_bearer(text, candidates, alias, genders)
    seniors = _seniors(text, candidates, alias) if chapter_of is not None else {}
    juniors: dict[int, int] = {}  # senior -> the namesake written "little"/"young"
    chapter_default = (
        _chapter_defaults(candidates, choices, given, surnames, introduced, chapter_of) if chapter_of is not None else {}
    )

    def named(pid: int, start: int) -> None:
        last_named[pid] = (scene_of(start), start)

    def nearest_in_scene(options: tuple[int, ...], start: int, token: str) -> int | None:
        """The candidate named last before ``start`` in the same scene (chapter, else paragraph), by any of
        their forms or by the other half of their name used alone: for "Rostóv", a "Nicholas" just before
        points to Nicholas Rostóv; for "Nicholas", a "Rostóv" does."""
        scene = scene_of(start)
        best, best_at = None, -1
        for p in options:
            seen = last_named.get(p)
            at = seen[1] if seen is not None and seen[0] == scene else -1
            for tok in (*given[p], *surnames[p]) if introduced[p] else ():
                alone = last_alone.get(tok)
                if tok != token and alone is not None and alone[0] == scene and alone[1] > at:
                    at = alone[1]
            if at > best_at:
                best, best_at = p, at
        return best

    def bare_surname(options: tuple[int, ...], surname: str, start: int) -> int:
        """A bare surname several people carry. In a text without chapters (news style) the most prominent
        ("Trump"). In a book, a man of that surname if there is one (a novel names a woman by title or given
        name, so bare "Fenwick" is Robert, not Elizabeth Fenwick; her pronouns after it say otherwise); then the
        one who dominates it (3 times the prominence of any other), else the book's usual bearer
        (:func:`_chapter_defaults`: "Rostóv" is Nicholas) unless another bearer was named in the same paragraph
        or two sentences back ("Pétya Rostóv ran in. Rostóv hugged him."), else the one named last in the same
        chapter ("Bingley" after "Mr. Bingley"), else the most prominent."""
        opts = tuple(dict.fromkeys((*options, *others_of.get(surname, ()))))
        told = bare_gender.get(surname)
        if told is not None and len(opts) > 1:
            opts = tuple(p for p in opts if genders[p] in (None, told)) or opts  # "Bingley ... he": the brother
        elif chapter_of is not None and len(opts) > 1 and any(genders[p] == "f" for p in opts):
            # a novel names a woman by title or given name: bare "Fenwick" is Robert, not Mrs. Fenwick
            opts = tuple(p for p in opts if genders[p] != "f") or opts
        if len(opts) == 1 or chapter_of is None:
            return opts[0] if len(opts) == 1 else options[0]  # news style: the most prominent ("Trump")
        ranked = sorted(opts, key=lambda p: -weight[p])
        if len(ranked) == 1 or weight[ranked[0]] >= 3 * weight[ranked[1]]:
            return ranked[0]
        usual = chapter_default.get(surname)
        if usual is not None:
            # the book's usual bearer ("Rostóv" is Nicholas) unless another was named just before
            recent = most_recent(opts, start)
            return usual if recent is None else recent
        nearest = nearest_in_scene(opts, start, surname)
        if nearest is None:
            nearest = chapter_default.get(surname)
        return nearest if nearest is not None else options[0]

    def other_bearer(gender: str, surname: str, cls: str | None = None) -> int:
        """Another bearer of the surname, one per identity title ("Mrs. Bennet") or else per gender."""
        ident = cls or gender
        pid = others.get((ident, surname))
        if pid is None:
            pid = others[(ident, surname)] = len(mentions)
            mentions.append([])
            titles.append({})
            genders.append(gender)
            classes.append({cls} if cls else set())
            weight.append(0)
            given.append(set())
            surnames.append({surname})
            introduced.append(False)
            others_of.setdefault(surname, []).append(pid)
        return pid

    def junior_of(senior: int) -> int:
        """The son or grandson named after ``senior`` ("little Nicholas" beside "old Prince Nicholas
        Bolkónski"), a person of their own."""
        pid = juniors.get(senior)
        if pid is None:
            pid = juniors[senior] = len(mentions)
            mentions.append([])
            titles.append({})
            genders.append(genders[senior])
            classes.append(set())
            weight.append(0)
            given.append(set(given[senior]))
            surnames.append(set(surnames[senior]))
            introduced.append(False)
        return pid

    def titled_bearer(cls: str, options: tuple[int, ...], cand: Candidate, surname: str, end: int) -> int:
        """Title is identity: "Mrs. Bennet" is a bearer of the surname who carries "Mrs.", else one of her
        gender who carries no other identity title ("Miss") and is named at least half as often as the titled
        form is used, unless the text also has a "Miss Bennet" (then Mrs. and Lady are the mother's); else a
        person of her own. Never one of the other gender, nor one known by the bare surname alone whose pronouns
        say so ("Madame Frankenstein" is not the "Frankenstein ... he" of the story). A woman the text says took the surname by marriage
        ("Charlotte, the wife of Mr. Collins") is its "Mrs."/"Lady" (:func:`.linking.take_married_names`). In a
        book only a full name makes a bearer the recent one ('"It is from Edmund," said Mr. Harrow' is the
        father, the bearer named first by default)."""
        gender = _CLASS_GENDER.get(cls) or _title_gender(cand.title)
        if cls in ("mrs", "lady") and surname in wife_of:
            return wife_of[surname]  # "Charlotte, the wife of Mr. Collins" ... "Mrs. Collins"
        not_them = kin_of.get((surname, cls), ())  # "Justine Moritz ... Madame Moritz, her mother": not Justine
        compatible = [
            p for p in options
            if (gender is None or genders[p] in (None, gender)) and p not in not_them
            and not (gender is not None and genders[p] is None and not given[p] and bare_gender.get(surname) not in (None, gender))
        ]  # nor one known by the bare surname, which the pronouns after it say is of the other gender
        if not_them and not any(cls in classes[p] for p in compatible):
            return other_bearer(gender or "", surname, cls)  # her relative, a person of her own (not "M. Moritz")
        # a "Miss Elizabeth (Bennet)" is a younger daughter: plain "Miss Bennet" is another (the eldest)
        explicit = tuple(
            p
            for p in compatible
            if (cls in classes[p] and (cls != "miss" or not given[p]))
            or (gender == "m" and not given[p] and classes[p] and not classes[p] & _CLASS_GENDER.keys())
        )  # "Mr. Dólokhov" is "Private Dólokhov"; "Mrs. Forster" is not "Colonel Forster"
        if not explicit:
            free = tuple(p for p in compatible if not classes[p])
            married_beside_miss = cls in ("mrs", "lady") and titled_uses[(surname, "miss")] > 0
            if not free or married_beside_miss or titled_uses[(surname, cls)] > 2 * max(weight[p] for p in free):
                # "Mrs. Bennet" and "Lady Lucas" where there are Miss Bennets and a Miss Lucas: the mothers
                return other_bearer(gender or "", surname, cls)
            explicit = free
        # in a book only a full name makes a bearer the recent one: '"It is from Edmund," said Mr. Harrow' is
        # the father, though the son was just named
        seen_at = last_full if chapter_of is not None else last_seen
        recent = most_recent(explicit, end, seen_at) if len(explicit) > 1 else None
        return explicit[0] if recent is None else recent

    def most_recent(options: tuple[int, ...], end: int, seen_at: dict[int, tuple[int, int]] = last_seen) -> int | None:
        """The candidate mentioned unambiguously most recently within the window (None when none is)."""
        sentence, paragraph = sentence_of(end), paragraph_of(end)
        best, best_sentence = None, -1
        for p in options:
            seen = seen_at.get(p)
            if seen is not None and (seen[1] == paragraph or sentence - seen[0] <= _WINDOW_SENTENCES):
                if seen[0] > best_sentence:
                    best, best_sentence = p, seen[0]
        return best

    def resolve(choice: Choice, cand: Candidate, i: int, end: int) -> int:
        options = choice.options
        titled = i == 0 and cand.title is not None
        gender = _title_gender(cand.title) if titled else None
        if gender is None and i + 1 == len(cand.key):
            gender = _pronoun_gender(text, cand.ctx_end if cand.last_in_run else end)
        if gender is not None:
            kept = tuple(p for p in options if genders[p] in (None, gender))
            if not kept and titled:
                return other_bearer(gender, cand.key[i])  # "Mr. Bennet" when every Bennet named is a woman
            options = kept or options
        if len(options) == 1:
            return options[0]
        if choice.surname and (not titled or (gender is None and chapter_of is not None)):
            # in a novel a rank tells no more than the bare surname: "Lieutenant Harrow" is the Harrow of the scene
            return bare_surname(options, cand.key[i], cand.offsets[i][0])
        recent = most_recent(options, end)
        if recent is None and chapter_of is not None and not titled:
            # bearers named in full 3+ times, not the lone name itself nor a one-off ("Julie Drubetskáya" twice)
            real = tuple(p for p in options if given[p] and introduced[p])
            recent = chapter_default.get(cand.key[i])  # the book's usual bearer ("Nicholas" is Rostóv) first
            if recent is None and len(real) > 1:
                recent = nearest_in_scene(real, cand.offsets[i][0], cand.key[i])
        return options[0] if recent is None else recent

    for cand in candidates:
        if cand.org:
            continue  # inside an organisation/place name ("Eberhard Faber GmbH", "Trump Tower") nothing is a person
        key = cand.key
        n = len(key)
        i = 0
        while i < n:
            for length in range(min(maxlen, n - i), 0, -1):
                form = key[i : i + length]
                pid = alias.get(form)
                if pid is None:
                    continue
                start, end = cand.offsets[i][0], cand.offsets[i + length - 1][1]
                if length == 1:
                    tok = form[0]
                    if tok in places:
                        continue
                    if tok in lx.MONTHS_DAYS and (is_date_context(text, start, end) or (i == 0 and cand.initial)):
                        continue
                    if i == 0 and cand.initial and lowercase_seen.get(tok, 0) > capitalised.get(tok, 0):
                        continue
                choice = choices.get(form)
                senior = seniors.get(form[0]) if i == 0 and cand.title is None else None
                young = (
                    senior is not None
                    and (length == 1 or alias.get(form) == senior)
                    and _YOUNG_BEFORE.search(text, max(0, start - 8), start) is not None
                )
                cls = lx.family_title(cand.title) if i == 0 and length == n and _surname_form(form) else None
                if cls is not None and _given_form(form, choice, given[pid], surnames[pid]):
                    cls = None  # "Miss Elizabeth", "Miss Eliza": her given name, not a surname with a title
                if young:
                    pid = junior_of(senior)  # "little Nicholas": not the old prince
                    named(pid, start)
                elif cls is not None:
                    pid = titled_bearer(cls, choice.options if choice is not None else (pid,), cand, form[-1], end)
                    named(pid, start)
                elif choice is not None:
                    pid = resolve(choice, cand, i, end)
                    named(pid, start)
                elif length == 1 and cand.title is None and others_of.get(form[0]):
                    pid = bare_surname((pid,), form[0], start)  # "Darcy" beside "Miss Darcy"
                elif length == 1 and i == 0 and cand.title is not None and genders[pid] is not None and (
                    _title_gender(cand.title) not in (None, genders[pid])
                ):
                    pid = other_bearer(_title_gender(cand.title), form[0])  # "Mr. Halloran" beside Margaret only
                else:
                    last_seen[pid] = (sentence_of(start), paragraph_of(start))
                    if length >= 2:
                        last_full[pid] = last_seen[pid]
                    named(pid, start)
                if length == 1 and cand.title is None:
                    last_alone[form[0]] = (scene_of(start), start)
                surface = " ".join(cand.surface[i : i + length])
                mentions[pid].append((start, end, surface))
                if pid >= n_people:
                    weight[pid] += 1
                if i == 0 and length == n and cand.title:
                    titles[pid][cand.title] = titles[pid].get(cand.title, 0) + 1
                i += length
                break
            else:
                i += 1
    return mentions, titles
