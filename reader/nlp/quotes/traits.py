"""What the text says about each person that pronouns and titles need: gender, and roles from appositives."""

from __future__ import annotations

import re
from collections.abc import Sequence

from reader.nlp.quotes.cues import QUOTE_VERBS, TERMINATOR, WORD
from reader.nlp.results import Person


_APPOSITIVE_ROLE = re.compile(r"(?:,|\s+(?:is|was|has been|became))\s+(?:(a|an|the|its|their)\s+)?((?:[\w.'’\-]+\s+){0,4}?)"
                              r"([a-z]{3,})(?=\s+(?:of|for|at|with|to|in)\b|[,.;])")


# "The local MP, Harriet Greene," / "The health minister, Priya Nair,": the role before the name, set off by commas,
# opening the sentence (not "from the old count, the countess, Pétya, Véra", a list); the name is followed by a
# lowercase word (see appositive_roles)
_ROLE_BEFORE_NAME = re.compile(r"(?:(?<=[.!?]\s)|(?<=\n)|^)(?:(The|Its|Their)\s+)((?:[a-z][\w'’\-]*\s+){0,3}?)([a-z]{3,}|[A-Z]{2,4}),\s+$")


_CLAUSE_WORDS = frozenset("the a an had has have is was were will would".split())
_NOT_ROLES = frozenset("""who which whose whom that and but also then when where while after before since because
though although with without who's there here now today yesterday last next""".split())


def appositive_roles(text: str, people: Sequence[Person]) -> dict[int, str]:
    """The role the text gives a person in an appositive ("Maria Lopez, a spokeswoman for the council,"; "Hilary
    Braysmith, USI associate professor of art history,"), so that "the spokeswoman said" can refer to them; a role
    two people share is no one's (it would be ambiguous). The role comes with the lowercase words before it
    ("chief executive", "associate professor"), so that "the chief executive said" can refer to them too."""
    holders: dict[str, set[int]] = {}
    modifiers: dict[tuple[int, str], set[str]] = {}
    for pid, person in enumerate(people):
        for mention in person.mentions[:30]:
            match = _APPOSITIVE_ROLE.match(text, mention.end, mention.end + 120)
            if match is None or "\n" in match.group():
                match = _ROLE_BEFORE_NAME.search(text, max(0, mention.start - 80), mention.start)
                if match is None or "\n" in match.group() or not re.match(r", [a-z]", text[mention.end : mention.end + 3]):
                    continue
            role = match.group(3).casefold() if match.group(3).isupper() else match.group(3)
            if any(w.casefold() in _NOT_ROLES or w.casefold() in _CLAUSE_WORDS for w in match.group(2).split()):
                continue  # "Helen Okafor, who proposed the levy,": a clause, not a role
            if role in _NOT_ROLES or role in QUOTE_VERBS or (match.group(1) is None and match.group(2).strip() == ""
                                                             and not text.startswith((" of", " for", " at"), match.end())):
                continue
            holders.setdefault(role, set()).add(pid)
            modifiers.setdefault((pid, role), set()).update(
                w for w in match.group(2).split() if w.isalpha() and w.islower() and w not in _NOT_ROLES)
    roles = {}
    for role, pids in holders.items():
        if len(pids) == 1:
            pid = next(iter(pids))
            roles[pid] = " ".join([*sorted(modifiers[(pid, role)]), role])
    return roles


def person_genders(text: str, people: Sequence[Person]) -> list[str | None]:
    """"m" / "f" / None per person: the most frequent gendered title (Mr., Mrs., King), else the given name, else the pronouns
    (he/his, she/her) that follow their mentions at a sentence start."""
    from reader.nlp.people.lexicon import FEMALE_TITLES, MALE_TITLES, given_names, norm

    given = given_names()
    out: list[str | None] = []
    for person in people:
        votes = {"m": 0, "f": 0}
        title_gender = None
        for title in person.titles:  # most frequent first: the first gendered one decides ("Mr." over a stray "Miss")
            head = norm(title.split()[-1]) if title.split() else ""
            if head in MALE_TITLES or head in FEMALE_TITLES:
                title_gender = "m" if head in MALE_TITLES else "f"
                break
        if title_gender is not None:
            out.append(title_gender)
            continue
        tokens = person.name.split()
        gender = given.get(norm(tokens[0])) if tokens else None
        if gender in ("m", "f") and (len(tokens) >= 2 or not person.titles):
            out.append(gender)
            continue
        for mention in person.mentions[:50]:
            window = text[mention.end : mention.end + 80]
            cut = TERMINATOR.search(window)
            window = window[: cut.start()] if cut else window
            for word in WORD.findall(window):
                low = word.casefold()
                if low in ("he", "his", "him", "himself"):
                    votes["m"] += 1
                    break
                if low in ("she", "her", "hers", "herself"):
                    votes["f"] += 1
                    break
        if votes["m"] >= 2 * votes["f"] + 1:
            out.append("m")
        elif votes["f"] >= 2 * votes["m"] + 1:
            out.append("f")
        else:
            out.append(None)
    return out
