"""Every word list of people detection, in one place: the shipped name/word lists (loaded lazily, cached) and
the hand lists (``reader/nlp/data/<name>.txt``, one entry per line, loaded by :func:`word_list`).

To add a word to a list, edit its file; to add a list, add a file and one ``NAME = word_list("name")`` line.

Everything is keyed by :func:`norm`, the accent-free casefolded form of a token ("Orbán" -> "orban",
"Natásha" -> "natasha"), so spelling with or without accents matches.
"""

from __future__ import annotations

import gzip
from functools import cache, lru_cache
from importlib import resources

from reader.nlp.text import fold

_NORM_CACHE: dict[str, str] = {}


def is_title_head(key: str, roles: bool = False) -> bool:
    """A title word, singular or plural ("President", "presidents", "Generals"); with ``roles`` also a
    capitalised role noun in front of a name ("Administrator", "Photographer")."""
    if key in TITLE_HEADS or (key.endswith("s") and key[:-1] in TITLE_HEADS):
        return True
    return roles and key in ROLE_NOUNS and key not in NOT_TITLE_ROLES


def is_org_cue(key: str) -> bool:
    """An organisation/place/work cue word, singular or plural ("Guards", "Hills")."""
    if key in ORG_CUES or (key.endswith("s") and key[:-1] in ORG_CUES):
        return True
    if key.endswith("ies") and key[:-3] + "y" in ORG_CUES:
        return True
    return "-" in key and any(part in ORG_CUES for part in key.split("-"))


def norm(token: str) -> str:
    """Accent-free casefolded key of a token; the dot of an abbreviation is dropped ("Mr." -> "mr")."""
    cached = _NORM_CACHE.get(token)
    if cached is None:
        cached = fold(token).rstrip(".")
        if len(_NORM_CACHE) < 200_000:
            _NORM_CACHE[token] = cached
    return cached


def _data_lines(name: str) -> list[str]:
    ref = resources.files("reader.nlp").joinpath("data", name)
    raw = ref.read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    return raw.decode("utf-8").splitlines()


@cache
def given_names() -> dict[str, str]:
    """Known given names -> "m", "f" or "mf" (US Census 1990 + Kantrowitz names corpus, then
    :func:`world_given_names`)."""
    out: dict[str, str] = {}
    for line in _data_lines("given_names.txt.gz"):
        name, gender, _rank = line.split("\t")
        out[name] = gender
    for name, gender in world_given_names().items():
        out.setdefault(name, gender)
    return out


@cache
def world_given_names() -> dict[str, str]:
    """Given names of many countries that the census lists lack ("takuya", "nader", "kofi"; nomquamgender data,
    MIT) -> gender. Some are also places ("lima", "sahara"): alone, such a word needs context to be a person."""
    out: dict[str, str] = {}
    for line in _data_lines("given_names_world.txt.gz"):
        name, gender = line.split("\t")
        out[name] = gender
    return out


@cache
def given_name_ranks() -> dict[str, int]:
    """Census 1990 frequency rank of a given name (1 = most common; absent = not in the census lists)."""
    out: dict[str, int] = {}
    for line in _data_lines("given_names.txt.gz"):
        name, _gender, rank = line.split("\t")
        if rank != "0":
            out[name] = int(rank)
    return out


@cache
def _given_by_metaphone() -> dict[str, list[str]]:
    import jellyfish

    out: dict[str, list[str]] = {}
    for name in given_names():
        out.setdefault(jellyfish.metaphone(name), []).append(name)
    return out


@lru_cache(maxsize=4096)
def given_name_gender(token: str) -> str | None:
    """Gender of a known given name, or of a one-letter respelling of a common census given name that is not a
    surname itself ("viktor" -> "victor" -> "m")."""
    gender = given_names().get(token)
    if gender is not None or len(token) < 4:
        return gender
    import jellyfish

    if token in surnames() or len(token) < 5:
        return None
    ranks = given_name_ranks()
    found = {
        given_names()[name]
        for name in _given_by_metaphone().get(jellyfish.metaphone(token), ())
        if name[0] == token[0]
        and len(name) == len(token)
        and ranks.get(name, 10**6) <= 1000
        and jellyfish.hamming_distance(name, token) == 1
    }
    return found.pop() if len(found) == 1 else None


@cache
def surnames() -> dict[str, int]:
    """Census 1990 surnames -> frequency rank (1 = Smith)."""
    out: dict[str, int] = {}
    for line in _data_lines("surnames.txt.gz"):
        name, _, rank = line.partition("\t")
        out[name] = int(rank)
    return out


@cache
def ordinary_words() -> frozenset[str]:
    """Lowercase entries of the Unix words list: ordinary English words ("trump", "fried", "remember")."""
    return frozenset(_data_lines("words.txt.gz"))


@lru_cache(maxsize=131072)
def is_ordinary(key: str) -> bool:
    """An ordinary English word, or a regular inflection of one ("critics", "exploring", "negotiated")."""
    words = ordinary_words()
    if key in words:
        return True
    if len(key) < 4:
        return False
    for suffix, repl in (("s", ""), ("es", ""), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("ly", "")):
        if key.endswith(suffix) and key[: -len(suffix)] + repl in words and len(key) - len(suffix) >= 3:
            return True
    return False


@cache
def _nicknames() -> tuple[dict[str, frozenset[str]], dict[str, frozenset[str]]]:
    """(nickname -> the full given names it is short for, full name -> its nicknames), from the ``nicknames``
    package (a curated English list, Apache-2.0)."""
    from nicknames import NickNamer

    full_of: dict[str, set[str]] = {}
    nicks_of: dict[str, set[str]] = {}
    for name, nicks in NickNamer().nickname_lookup.items():
        for nick in nicks:
            full_of.setdefault(norm(nick), set()).add(norm(name))
            nicks_of.setdefault(norm(name), set()).add(norm(nick))
    freeze = lambda d: {k: frozenset(v) for k, v in d.items()}  # noqa: E731
    return freeze(full_of), freeze(nicks_of)


def full_names_of(nickname: str) -> frozenset[str]:
    """The given names a nickname is short for ("lizzy" -> {"elizabeth"}; "louisa" is no nickname of "eliza")."""
    return _nicknames()[0].get(nickname, frozenset())


def nickname_relatives(token: str) -> frozenset[str]:
    """Given names that are a nickname of ``token`` or that it is a nickname of."""
    full_of, nicks_of = _nicknames()
    return full_of.get(token, frozenset()) | nicks_of.get(token, frozenset())


_DIMINUTIVE_ENDINGS = ("ka", "sha", "ya", "ie", "y", "ette")


def diminutive_of(a: str, b: str) -> bool:
    """Two given names of one person: a nickname pair from the list ("lizzy"/"elizabeth"), or, for names the
    list lacks (transliterated ones), the same first three letters with one ending like a diminutive ("vaska"
    / "vasili", "petya" / "peter") when not both are known given names ("mary" / "margaret" are two names)."""
    if a == b:
        return True
    if b in nickname_relatives(a):
        return True
    if len(a) < 3 or len(b) < 3 or a[:3] != b[:3]:
        return False
    if not (a.endswith(_DIMINUTIVE_ENDINGS) or b.endswith(_DIMINUTIVE_ENDINGS)):
        return False
    return not (a in given_names() and b in given_names())


@cache
def nationalities() -> frozenset[str]:
    """Nationality adjectives and demonyms, normalised, with simple plurals ("russian", "russians", "frenchmen")."""
    base = {norm(line) for line in _data_lines("nationalities.txt") if line.strip()}
    base |= EXTRA_NATIONALITIES
    out = set(base)
    for word in base:
        out.add(word + "s")
        if word.endswith("man"):
            out.add(word[:-3] + "men")
    return frozenset(out)


@cache
def places() -> frozenset[str]:
    """Country names (ISO list), US states and a few world cities/regions, as normalised space-joined keys."""
    out = {norm(line) for line in _data_lines("countries.txt") if line.strip() and "," not in line}
    out |= {norm(p) for p in PLACES}
    return frozenset(out)


# --- hand lists: one file per list in reader/nlp/data/, "#" lines are comments ----------------------------


@cache
def word_list(name: str) -> frozenset[str]:
    """The entries of ``reader/nlp/data/<name>.txt`` (one per line; blank and ``#`` lines skipped)."""
    return frozenset(line.strip() for line in _data_lines(f"{name}.txt") if line.strip() and not line.startswith("#"))


@cache
def word_classes(name: str) -> dict[str, str]:
    """``reader/nlp/data/<name>.txt`` as word -> class: each line is a class name followed by its words."""
    out: dict[str, str] = {}
    for line in _data_lines(f"{name}.txt"):
        words = line.split()
        if words and not line.startswith("#"):
            for word in words:
                out[word] = words[0]
    return out


FAMILY_TITLES = word_classes("family_titles")  # "madame" -> "mrs": titles that are part of identity
EXTRA_NATIONALITIES = word_list("extra_nationalities")
PLACES = word_list("places")
MONTHS_DAYS = word_list("months_days")
DATE_WORDS = word_list("date_words")
STOP = word_list("stop_words")
TITLE_HEADS = word_list("title_heads")
TITLE_MODIFIERS = word_list("title_modifiers")
TITLE_DESCRIPTIVE = word_list("title_descriptive")
MALE_TITLES = word_list("male_titles")
FEMALE_TITLES = word_list("female_titles")
TITLE_ABBREVIATIONS = word_list("title_abbreviations")
NAME_ADJECTIVES = word_list("name_adjectives")
NAME_SUFFIXES = word_list("name_suffixes")
NAME_PARTICLES = word_list("name_particles")
MODALS = word_list("modals")
ROLE_NOUNS = word_list("role_nouns")
NOT_TITLE_ROLES = word_list("not_title_roles")
SPEECH_VERBS = word_list("speech_verbs")
SPEECH_VERBS_AFTER = word_list("speech_verbs_after")
PERSON_VERBS_AFTER_FULL = word_list("person_verbs_after_full")
PERSON_PARTICIPLES = word_list("person_participles")
SUBJECT_VERBS = word_list("subject_verbs")
SURNAME_CUES = word_list("surname_cues")
ORG_CUES = word_list("org_cues")
THING_NOUNS = word_list("thing_nouns")
QUOTE_SMALL_WORDS = word_list("quote_small_words")
KIN_FEMALE = word_list("kin_female")
KIN_MALE = word_list("kin_male")
FOREIGN_ARTICLES = word_list("foreign_articles")
DETERMINERS = word_list("determiners")
PLACE_PREPOSITIONS = word_list("place_prepositions")
APPOSITIVE_STARTS = word_list("appositive_starts")

def family_title(title: str | None) -> str | None:
    """The identity class of a title phrase ("Mrs." -> "mrs", "Mademoiselle" -> "miss"; "Colonel" -> None)."""
    if not title:
        return None
    return FAMILY_TITLES.get(norm(title.split()[-1]))


def title_gender(title: str | None) -> str | None:
    """"m" / "f" for a gendered title phrase ("Mr.", "Princess"), else None."""
    if not title:
        return None
    head = norm(title.split()[-1])
    return "m" if head in MALE_TITLES else "f" if head in FEMALE_TITLES else None


def is_surname_cue(key: tuple[str, ...]) -> bool:
    """"Doris Day", "Stuart Hall": a given name, then a cue word that is also a common surname; not a place
    that is a rare given name first ("Houston Post", "Denver Post": a paper)."""
    return (
        len(key) >= 2
        and key[0] in given_names()
        and not (key[0] in places() and given_name_ranks().get(key[0], 10**6) > 200)
        and key[-1] in SURNAME_CUES
        and not any(is_org_cue(k) for k in key[:-1])
    )
