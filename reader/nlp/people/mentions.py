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
from collections.abc import Callable

from reader.nlp.people import lexicon as lx
from reader.nlp.people.candidates import Candidate, is_date_context
from reader.nlp.people.linking import Choice

Found = tuple[int, int, str]
"""A located mention: (start, end, surface form as written)."""

_WINDOW_SENTENCES = 2
_CLAUSE_END = re.compile(r"[.;:!?\"“”()\n]|\s[A-Z]")
_PRONOUN = re.compile(r"\b(he|his|himself|she|herself|and her)\b")


def _title_gender(title: str | None) -> str | None:
    if not title:
        return None
    head = lx.norm(title.split()[-1])
    if head in lx.MALE_TITLES:
        return "m"
    if head in lx.FEMALE_TITLES:
        return "f"
    return None


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
    genders: list[str | None],
    lowercase_seen: dict[str, int],
    capitalised: dict[str, int],
    sentence_of: Callable[[int], int],
    paragraph_of: Callable[[int], int],
) -> tuple[list[list[Found]], list[dict[str, int]]]:
    """Per person: mentions as (start, end, surface form) in document order, and title phrase counts."""
    n_people = len(genders)
    maxlen = max((len(k) for k in alias), default=1)
    mentions: list[list[Found]] = [[] for _ in range(n_people)]
    titles: list[dict[str, int]] = [{} for _ in range(n_people)]
    places = lx.places()
    last_seen: dict[int, tuple[int, int]] = {}  # person -> (sentence, paragraph) of the last unambiguous mention
    genders = list(_pronoun_genders(text, candidates, alias, choices, genders))

    others: dict[tuple[str, str], int] = {}

    def other_bearer(gender: str, surname: str) -> int:
        pid = others.get((gender, surname))
        if pid is None:
            pid = others[(gender, surname)] = len(mentions)
            mentions.append([])
            titles.append({})
            genders.append(gender)
        return pid

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
        if len(options) == 1 or (choice.surname and not titled):
            return options[0]  # a bare shared surname is the most prominent bearer's ("Trump")
        sentence, paragraph = sentence_of(end), paragraph_of(end)
        best, best_sentence = None, -1
        for p in options:
            seen = last_seen.get(p)
            if seen is not None and (seen[1] == paragraph or sentence - seen[0] <= _WINDOW_SENTENCES):
                if seen[0] > best_sentence:
                    best, best_sentence = p, seen[0]
        return options[0] if best is None else best

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
                if choice is not None:
                    pid = resolve(choice, cand, i, end)
                elif length == 1 and i == 0 and cand.title is not None and genders[pid] is not None and (
                    _title_gender(cand.title) not in (None, genders[pid])
                ):
                    pid = other_bearer(_title_gender(cand.title), form[0])  # "Mr. Halloran" beside Margaret only
                else:
                    last_seen[pid] = (sentence_of(start), paragraph_of(start))
                surface = " ".join(cand.surface[i : i + length])
                mentions[pid].append((start, end, surface))
                if i == 0 and length == n and cand.title:
                    titles[pid][cand.title] = titles[pid].get(cand.title, 0) + 1
                i += length
                break
            else:
                i += 1
    return mentions, titles
