"""Candidate name spans: maximal capitalised runs inside a sentence, cleaned the way a reader would.

Rules, in order (each explained by a test in ``tests/test_people.py``):

1. A run is a sequence of capitalised tokens separated by spaces (never punctuation or a line break), with
   lowercase name particles allowed between them ("Mohammed bin Salman", "Ludwig van Beethoven"). Initials
   ("George W. Bush", "Forrest J Ackerman"), regnal numbers ("Louis XVI") and abbreviated titles ("Mr.",
   "Gen.") belong to the run; a possessive 's ends it; a web address ("Philly.com") is no run.
2. A capitalised function word ("The", "Some", "But"), a pronoun contraction ("I'll"), a sentence-initial
   modal ("Will Papa come?") and an all-capitals acronym ("U.S.", "FBI") split the run.
3. A sentence-initial ordinary English word that is not a known given name (or is a rare one the text also
   writes in lowercase: "Soon Starbuck", "See Stubb") is dropped from the front of a run ("Remember Little
   Rocket Man" -> "Little Rocket Man"); a lone sentence-initial word stays a candidate and
   is judged by evidence. Kept: a short word (up to 4 letters) the text never writes in lowercase, also used
   on its own capitalised, before one non-word token ("Xi Jinping spoke. Xi said": a surname first). A leading month or weekday is dropped ("In May Napoleon" -> "Napoleon").
4. Titles are peeled: everything up to the last title word, when a name follows ("Palestinian Authority
   President | Mahmoud Abbas", "Saudi Crown Prince | Mohammed bin Salman"); a capitalised role noun after
   given names only is a middle name ("James Clerk Maxwell"; "Natásha Prince Andrew" is still split). A run
   that is only a title ("Former Prime Minister") is not a name; "John Major" (given name first) is.
5. Leading nationality words are peeled ("British Keir Starmer" -> "Keir Starmer"), and so is an
   organisation name in front of a given name + surname ("Islamic Relations Alia Salem"), a known place in
   front of any name ("Washington Chris Gregoire", "in Petersburg Pierre met"), or a descriptive word
   ("Queenslander Mitchell Rawlins").
6. A run inside a short title-case quotation ("Buddha for Mary", "The Kill") names a work: that occurrence is
   neither evidence nor a mention.
7. A repeated token is collapsed ("Andrej Duda Duda" -> key "andrej duda"; the mention still covers both).
7b. A name joined by "&" to an organisation word, or two lone non-given names joined by "&", are a firm
   ("Halloran & Sons", "Procter & Gamble"): neither evidence nor a mention. ("Clive Owen & Juliette Binoche",
   "Will & Kate" are people.)
8. Two names fused after a kinship noun are split ("his wife Sarah Viktor Orbán" -> "Sarah" + "Viktor
   Orbán"): three tokens after a gendered kinship noun, the first a given name of that gender, the second a
   given name (or a one-letter respelling of one, "Viktor") of the other gender only, and the surname (or the
   second name + surname) used elsewhere in the text. ("his wife Sarah Jessica Parker", "her husband John
   Paul Jones", "his wife Hillary Rodham Clinton" stay whole.)
8b. After the runs (round 6): two initials without dots before a surname join it ("JK Rowling",
   :func:`bare_initials_joined`); a quoted nickname between a given name and a surname is inside the name
   ('William "Cowboy" Cowley', :func:`nicknames_joined`); a lone surname after its lowercase particle takes the
   particle when the text writes the full name ("F.W. de Klerk ... de Klerk", :func:`particle_surnames_joined`);
   a sentence-initial surname particle is not dropped as an ordinary word ("De Klerk said").
9. Name links (see :mod:`.linking` rule 8): "Dana Halloran, née Mercer", "Dana Halloran (born Dana Mercer)",
   "Peter married Dana Mercer".
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from reader.nlp.people import lexicon as lx
from reader.nlp.people.lexicon import norm


def _char_class(predicate) -> str:
    ranges = [(0x41, 0x24F), (0x370, 0x3FF), (0x400, 0x52F), (0x1E00, 0x1EFF)]
    chars = [chr(c) for lo, hi in ranges for c in range(lo, hi + 1) if predicate(chr(c))]
    return "".join(re.escape(c) for c in chars)


UPPER = _char_class(str.isupper)
LOWER = _char_class(str.islower)
_L = r"[^\W\d_]"
_ABBREV = "(?:" + "|".join(sorted(lx.TITLE_ABBREVIATIONS, key=len, reverse=True)) + r")\."
_DOTTED = rf"(?:[{UPPER}]\.){{2,}}"
_INITIAL = rf"[{UPPER}]\.(?=[ \t]+[{UPPER}])"
_WORD = rf"[{UPPER}]{_L}*(?:['’](?![sS]\b){_L}+|-{_L}+)*(?![\w]|-\w|['’](?![sS]\b)\w|\.[a-z]{{2,}})"
_TOK = rf"(?:{_ABBREV}|{_DOTTED}|{_INITIAL}|{_WORD})"
# an Arabic article joined to the name by a hyphen, inside a run ("Suleiman al-Amr", "Abdel Fattah el-Sisi")
_ARTICLE_JOINED = r"(?:al|el|ad|ar|as|ash|at|az|an|ud|ul|ur)-"
_ARTICLE_NAME = re.compile(rf"{_ARTICLE_JOINED}[{UPPER}]")
_NEXT_TOK = rf"(?:{_ARTICLE_JOINED}(?=[{UPPER}]))?{_TOK}"
PARTICLES = lx.NAME_PARTICLES
_PART = "(?:" + "|".join(sorted(PARTICLES, key=len, reverse=True)) + ")"
RUN = re.compile(
    rf"(?=[{UPPER}]|{_ARTICLE_JOINED}[{UPPER}])(?<![\w'’\-.]){_NEXT_TOK}(?:[ \t]+(?:{_PART}[ \t]+){{0,2}}{_NEXT_TOK})*"
)
_SPACE_TOKENS = re.compile(r"\S+")
_POSSESSIVE = re.compile(r"['’][sS]\b|(?<=s)['’](?!\w)")
LOWER_WORD = re.compile(rf"(?<![\w\-'’])[{LOWER}]{_L}*(?:['’]{_L}+)?")
_CONTRACTED = lx.STOP | {"i", "let", "that", "there", "here", "what", "who", "it", "he", "she", "they", "we", "you"}
_ROMAN = re.compile(r"^(?:II|III|IV|V|VI|VII|VIII|IX|X|XI|XII|XIII|XIV|XV|XVI|XVII|XVIII)$")
MAX_RUN = 12  # tokens; the longest real names seen ("Carl Heinrich Georg von Heyden") have about 6
_OPENERS = frozenset("“\"‘'(:[—–")


@dataclass(slots=True)
class Candidate:
    """One name-like segment of a capitalised run."""

    start: int  # first character of the name part
    end: int  # end of the name part (a collapsed repeat is inside)
    key: tuple[str, ...]  # normalised tokens, repeats collapsed
    surface: tuple[str, ...]  # the tokens as written (repeats collapsed)
    offsets: tuple[tuple[int, int], ...]  # (start, end) of each token in ``key``
    title: str | None  # the peeled title phrase, as written
    initial: bool  # capitalised because it starts a sentence (or a quotation)
    first_in_run: bool  # nothing of the run precedes it except its title
    last_in_run: bool
    ctx_start: int  # where the run (with its title) starts, for left context
    ctx_end: int  # where the run ends, after a possessive, for right context
    org: bool  # contains an organisation/place cue word
    work: bool = False  # inside a title-case quotation: the name of a work, not a mention
    nationality: bool = False  # a nationality word was peeled from its front ("Croatian | Goran Ivanisevic")


def capitalised_token(tok: str) -> bool:
    """A name word: capitalised, or an Arabic article joined to a capitalised name ("al-Amr")."""
    return tok[0].isupper() or _ARTICLE_NAME.match(tok) is not None


def _plain_given(key: str) -> bool:
    """A known given name that is no title, title modifier or nationality ("James", not "Prime", "Russian")."""
    return (
        key in lx.given_names()
        and not lx.is_title_head(key, roles=True)
        and key not in lx.TITLE_MODIFIERS
        and key not in lx.nationalities()
    )


def sentence_starts(text: str, sentences) -> set[int]:
    """Offsets of the first word of every sentence."""
    out: set[int] = set()
    for span in sentences:
        i = span.start
        end = min(span.end, i + 12)
        while i < end and not text[i].isalnum():
            i += 1
        out.add(i)
    return out


def _is_initial_position(text: str, start: int, starts: set[int]) -> bool:
    if start in starts:
        return True
    j = start - 1
    while j >= 0 and text[j] == " ":
        j -= 1
    return j < 0 or text[j] in _OPENERS or text[j] == "\n"


def _is_acronym(tok: str) -> bool:
    if tok.endswith("s") and len(tok) >= 3 and tok[:-1].isupper():
        tok = tok[:-1]  # "MPs", "CEOs"
    if not tok.isupper():
        return False
    return sum(1 for c in tok if c.isalpha()) >= 2


Token = tuple[int, int, str]  # (start, end, as written)


@dataclass(slots=True)
class Scan:
    """What the candidate rules know about the whole document."""

    text: str
    starts: set[int]  # sentence starts
    lowercase_seen: dict[str, int]
    lone_caps: dict[str, bool] = field(default_factory=dict)  # cache of :meth:`used_alone_capitalised`
    particle_names: dict[tuple[str, str], bool] = field(default_factory=dict)  # :meth:`written_after_particle`
    particle_pairs: set[tuple[str, str]] | None = None  # :func:`surname_particle_pairs`, made on first use
    runs: list[re.Match] = field(default_factory=list)  # every capitalised run (:data:`RUN`) of the text
    pairs_inside: set[tuple[str, str]] | None = None  # :meth:`pair_written_inside`, built on first use

    def written_after_particle(self, particle: str, word: str) -> bool:
        """The text writes a full name ending in the lowercase particle and the word ("F.W. de Klerk", "Vincent
        van Gogh"): a sentence-initial "De Klerk" is that surname (not "Ten Americans", "Da Nang", "Del Monte").

        A surname particle and a plain word are looked up in the pairs one pass over the text found; any other
        pair is searched for (each search reads the whole text: a text with many distinct "De X" was quadratic)."""
        if particle in SURNAME_PARTICLES and _PLAIN_WORD.fullmatch(word):
            if self.particle_pairs is None:
                self.particle_pairs = surname_particle_pairs(self.text)
            return (particle, word) in self.particle_pairs
        key = (particle, word)
        if key not in self.particle_names:
            pattern = rf"[{UPPER}][\w.'’\-]*[ \t]+{re.escape(particle)}[ \t]+{re.escape(word)}(?![\w'’\-])"
            self.particle_names[key] = re.search(pattern, self.text) is not None
        return self.particle_names[key]

    def pair_written_inside(self, first: str, second: str) -> bool:
        """The two capitalised words start a run that is not at a sentence start too ("Bowling Green
        finished" beside "the Bowling Green Falcons", "Radio Disney added" beside "the Radio Disney chart"):
        one proper name, whose first word is no ordinary word there."""
        if self.pairs_inside is None:
            self.pairs_inside = set()
            for m in self.runs:
                words = m.group().split(None, 2)
                if len(words) >= 2 and not _is_initial_position(self.text, m.start(), self.starts):
                    self.pairs_inside.add((words[0], words[1]))
        return (first, second) in self.pairs_inside

    def rare_given_word(self, k: str) -> bool:
        """"Soon Starbuck", "See Stubb": a rare given name that the text uses as an ordinary lowercase word."""
        return lx.given_name_ranks().get(k, 10**6) > 1000 and self.lowercase_seen.get(k, 0) >= 2

    def used_alone_capitalised(self, k: str) -> bool:
        """The word is written capitalised on its own somewhere (not before another capitalised word)."""
        if k not in self.lone_caps:
            word = re.escape(k.capitalize())
            self.lone_caps[k] = len(re.findall(rf"(?<![\w'’-]){word}(?![\w'’-])(?!\s+[A-Z])", self.text)) >= 1
        return self.lone_caps[k]

    def surname_first(self, k0: str, rest: list[Token]) -> bool:
        """"Xi Jinping spoke. Xi said": a short word never written in lowercase in the text, used on its own
        capitalised elsewhere, before one token that is no word and no given name: an East Asian surname."""
        if len(k0) > 4 or k0 in self.lowercase_seen or len(rest) != 1 or not rest[0][2][0].isupper():
            return False
        k1 = norm(rest[0][2])
        if lx.is_ordinary(k1) or k1 in lx.given_names() or k1 in lx.places() or k1 in lx.nationalities():
            return False
        return self.used_alone_capitalised(k0)


@dataclass(slots=True)
class Segment:
    """A segment of a run being cleaned: its tokens, their normalised keys, and what the rules found."""

    toks: list[Token]
    keys: list[str]
    initial: bool  # capitalised because it starts a sentence (or a quotation)
    title: str | None = None  # the peeled title phrase, as written
    nationality: bool = False  # a nationality word was peeled from the front

    def drop(self, n: int) -> None:
        """Drop ``n`` tokens from the front: what remains is no longer at a sentence start."""
        self.toks, self.keys = self.toks[n:], self.keys[n:]
        self.initial = False

    def strip_lowercase(self) -> None:
        """Drop lowercase particles left at the front."""
        while self.toks and not capitalised_token(self.toks[0][2]):
            self.toks, self.keys = self.toks[1:], self.keys[1:]

    def capitalised(self, i: int) -> bool:
        return capitalised_token(self.toks[i][2])


# particles that start a surname used alone ("de Klerk", "van Gogh", "bin Laden"); not the articles and words
# that also start titles, places and sentences ("Le Monde", "La Paz", "Der Spiegel", "Do", "Das Kapital")
SURNAME_PARTICLES = frozenset({"de", "van", "von", "da", "di", "du", "del", "della", "ter", "bin", "ibn"})


_PLAIN_WORD = re.compile(r"[\w'’\-]+")
_PREFIX_CHAR = re.compile(r"[\w.'’\-]")
_UPPER_CHAR = re.compile(rf"[{UPPER}]")
_SURNAME_PARTICLE_AND_WORD = re.compile(
    r"(?<=[ \t])(" + "|".join(sorted(SURNAME_PARTICLES)) + r")(?=[ \t]+([\w'’\-]+))"
)


def surname_particle_pairs(text: str) -> set[tuple[str, str]]:
    """Every ``(particle, word)`` the text writes after a capitalised token ("F.W. de Klerk": ("de", "Klerk")),
    in one pass: what :meth:`Scan.written_after_particle` searched for, one search per pair, each over the whole
    text (the word is all of the word characters after the particle, as that search's lookahead required)."""
    pairs: set[tuple[str, str]] = set()
    for m in _SURNAME_PARTICLE_AND_WORD.finditer(text):
        if (m.group(1), m.group(2)) not in pairs and _capitalised_token_before(text, m.start()):
            pairs.add((m.group(1), m.group(2)))
    return pairs


def _capitalised_token_before(text: str, at: int) -> bool:
    """Spaces or tabs end at ``at``, and the run of word characters, dots, apostrophes and hyphens before them
    holds a capital (a token that ``[UPPER][\\w.'’\\-]*`` ends)."""
    i = at
    while i > 0 and text[i - 1] in " \t":
        i -= 1
    while i > 0 and _PREFIX_CHAR.match(text, i - 1):
        i -= 1
        if _UPPER_CHAR.match(text, i):
            return True
    return False


def drop_initial_ordinary_word(scan: Scan, seg: Segment) -> bool:
    """Rule 3: a sentence-initial ordinary word in front of a longer run ("Remember Little Rocket Man"; also a
    rare given name the text writes in lowercase: "Soon Starbuck"); kept: a surname first ("Xi Jinping"), and
    a word never written in lowercase before one more word and a bracketed country in a results line
    ("round : Goran Ivanisevic ( Croatia ) beat": "goran" is in the word list, but here it is a name)."""
    if not (seg.initial and len(seg.toks) >= 2):
        return True
    if _INITIAL_TOKEN.match(seg.toks[0][2]):
        return True  # "S. Fleming" at a line start: an initial, not the word "s"
    k0 = seg.keys[0]
    if k0 in SURNAME_PARTICLES and seg.capitalised(1) and scan.written_after_particle(k0, seg.toks[1][2]):
        return True  # "De Klerk said" beside "F.W. de Klerk": a surname's particle, capitalised at a sentence start
    if (
        lx.is_ordinary(k0)
        and (k0 not in lx.given_names() or scan.rare_given_word(k0))
        and k0 not in lx.TITLE_HEADS
        and k0 not in lx.TITLE_MODIFIERS
        and not scan.surname_first(k0, seg.toks[1:])
        and not _athlete_before_country(scan, seg)
        and not scan.pair_written_inside(seg.toks[0][2], seg.toks[1][2])
    ):
        seg.drop(1)
        seg.strip_lowercase()
        return bool(seg.toks)
    return True


_INITIAL_TOKEN = re.compile(r"^[^\W\d_]\.$")
_BRACKET_AFTER = re.compile(r"[ \t]*\([ \t]*([^()\n]{2,30}?)[ \t]*\)")
_CODE = re.compile(r"^(?:[A-Z]{2,3}|(?:[A-Z]\.){2,3})$")


def country_like(inside: str) -> bool:
    """What a results line brackets after an athlete: a country, a nationality or a code ("USA", "U.S.")."""
    key = norm(inside)
    return key in lx.places() or key in lx.nationalities() or bool(_CODE.match(inside.strip()))


def _athlete_before_country(scan: Scan, seg: Segment) -> bool:
    """"Goran Ivanisevic ( Croatia )": two tokens, the first never written in lowercase in the text, then a
    bracketed country, nationality or country code (a results line)."""
    if len(seg.toks) != 2 or seg.keys[0] in scan.lowercase_seen or lx.is_ordinary(seg.keys[1]):
        return False
    m = _BRACKET_AFTER.match(scan.text, seg.toks[-1][1])
    return bool(m) and country_like(m.group(1))


def drop_leading_date(scan: Scan, seg: Segment) -> bool:
    """A leading month or weekday is a date, not a name ("In May Napoleon", "August Prince"); but a month that
    is also a given name, not after a date word, followed by a surname is a name ("June Whitaker")."""
    while len(seg.toks) >= 2 and (seg.keys[0] in lx.MONTHS_DAYS or seg.keys[0].rstrip("s") in lx.MONTHS_DAYS):
        if month_is_given_name(scan.text, seg.toks[0][0], seg.keys):
            break
        seg.drop(1)
    return True


def _title_head_index(seg: Segment) -> int:
    """The last title word that a capitalised name token follows (-1 when none); a role noun after given names
    only is a middle name ("James Clerk Maxwell")."""
    keys = seg.keys
    for i in range(len(keys) - 1, -1, -1):
        if lx.is_title_head(keys[i], roles=True) and any(
            seg.capitalised(j) and keys[j] not in lx.NAME_SUFFIXES for j in range(i + 1, len(keys))
        ):
            if 0 < i and not lx.is_title_head(keys[i]) and all(_plain_given(k) for k in keys[:i]):
                continue
            return i
    return -1


def given_name_title(scan: Scan, seg: Segment) -> bool:
    """"Dean Jones", "Earl Warren": a title word that is also a common given name (census rank <= 200), first
    of a two-token run before a census surname, is the given name when the text never writes the word in
    lowercase ("the dean said" keeps "Dean Smith" a dean)."""
    k0 = seg.keys[0]
    return (
        len(seg.keys) == 2
        and lx.given_name_ranks().get(k0, 10**6) <= 200
        and k0 not in scan.lowercase_seen
        and seg.keys[1] in lx.surnames()
        and seg.capitalised(1)
        and not lx.is_title_head(seg.keys[1], roles=True)
    )


def peel_title(scan: Scan, seg: Segment) -> bool:
    """Rule 4: everything up to the last title word is the title ("Palestinian Authority President | Mahmoud
    Abbas"); a run that is only a title is no name ("Former Prime Minister"; "John Major" is)."""
    keys = seg.keys
    head = _title_head_index(seg)
    if head == 0 and given_name_title(scan, seg):
        return True
    if head < 0:
        if all(lx.is_title_head(k) or k in lx.TITLE_MODIFIERS or k in lx.nationalities() for k in keys):
            return len(keys) >= 2 and keys[0] in lx.given_names() and keys[0] not in lx.TITLE_HEADS
        return True
    first = 0  # the title phrase starts at its first title-like word ("Petersburg | Prince")
    for j in range(head, -1, -1):
        kj = keys[j]
        if not (
            lx.is_title_head(kj, roles=True)
            or kj in lx.TITLE_MODIFIERS
            or kj in lx.nationalities()
            or lx.is_org_cue(kj)
            or not seg.capitalised(j)
        ):
            first = j + 1
            break
    while first < head and keys[first] in lx.TITLE_DESCRIPTIVE:
        first += 1  # "Old Mrs. Halloran": "Old" describes her, the title is "Mrs."
    seg.title = scan.text[seg.toks[first][0] : seg.toks[head][1]]
    seg.drop(head + 1)
    seg.strip_lowercase()
    return True


def peel_place_or_organisation(scan: Scan, seg: Segment) -> bool:
    """Rule 5a: an organisation or place name in front of a person's name ("Council on American-Islamic
    Relations Alia Salem", "Governor of Washington Chris Gregoire", "in Petersburg Pierre met"): after a known
    place the rest is the name; after an organisation cue word, a given name + surname. A place that is also a
    common given name stays ("Paris Hilton")."""
    keys = seg.keys
    for i in range(len(keys) - 2, -1, -1):
        head = " ".join(keys[: i + 1])
        place = head in lx.places() and lx.given_name_ranks().get(head, 10**6) > 1500
        org = i < len(keys) - 2 and keys[i + 1] in lx.given_names() and lx.is_org_cue(keys[i])
        if (place or org) and seg.capitalised(i + 1):
            seg.drop(i + 1)
            break
    return True


def peel_descriptive_word(scan: Scan, seg: Segment) -> bool:
    """Rule 5b: a descriptive word in front of a given name ("Queenslander Mitchell Rawlins", "Senior Kory
    Lichtensteiger"): not a given name itself nor an initial ("L. Ron Hubbard"), ordinary or demonym-like, and
    a name of 2+ tokens follows."""
    keys, given = seg.keys, lx.given_names()
    if (
        len(keys) >= 3
        and seg.title is None
        and keys[1] in given
        and seg.capitalised(1)
        and keys[0] not in given
        and not _INITIAL_TOKEN.match(seg.toks[0][2])  # "L. Ron Hubbard": an initial describes no one
        and (lx.is_ordinary(keys[0]) or keys[0].endswith(("an", "er", "ers", "ese", "ish", "ans")))
    ):
        seg.drop(1)
    return True


def peel_nationality_and_age(scan: Scan, seg: Segment) -> bool:
    """Rule 5: leading nationality words and age/status adjectives ("British Keir Starmer", "Old", "Former")."""
    nats = lx.nationalities()
    while len(seg.toks) >= 2 and (seg.keys[0] in nats or seg.keys[0] in lx.NAME_ADJECTIVES):
        seg.nationality = seg.nationality or seg.keys[0] in nats
        seg.drop(1)
    seg.strip_lowercase()
    return bool(seg.toks)


_URL = re.compile(r"\S*://\S*|www\.\S*")
_LONG_LOWER_WORD = re.compile(r"(?<![\w'’\-])[a-z]{4,}(?![\w'’\-])")


def _thing_word(key: str) -> bool:
    """An ordinary English word that is no census surname and no given name ("suspended", "becomes")."""
    return lx.is_ordinary(key) and key not in lx.surnames() and key not in lx.given_names()


def _title_case_line(text: str, pos: int) -> bool:
    """The line holding ``pos`` writes no word of four or more letters in lowercase (links aside): a
    title-case or all-caps headline."""
    lo, hi = max(0, pos - 300), min(len(text), pos + 300)  # a longer line is no headline: look no further
    start = text.rfind("\n", lo, pos) + 1
    end = text.find("\n", pos, hi)
    if (start == 0 and lo > 0) or (end < 0 and hi < len(text)):
        return False
    line = text[start : end if end >= 0 else hi]
    return len(line) <= 300 and not _LONG_LOWER_WORD.search(_URL.sub(" ", line))


def trim_headline_words(scan: Scan, seg: Segment) -> bool:
    """Rule 5c: in a title-case headline the words after a name are capitalised too ("Alex Rodriguez
    Suspended Through 2014", "Hosni Mubarak Flown Out of Prison"): a given name or a word that is no ordinary
    word, a second word that is no such ordinary word, then only ordinary words that are no surname or given
    name; those words are cut."""
    keys = seg.keys
    if len(keys) < 3 or not (_plain_given(keys[0]) or not lx.is_ordinary(keys[0])) or _thing_word(keys[1]):
        return True
    j = len(keys)
    while j > 2 and _thing_word(keys[j - 1]):
        j -= 1
    if j < len(keys) and _title_case_line(scan.text, seg.toks[0][0]):
        seg.toks, seg.keys = seg.toks[:j], seg.keys[:j]
    return True


SEGMENT_RULES: tuple[Callable[[Scan, Segment], bool], ...] = (
    drop_initial_ordinary_word,
    drop_leading_date,
    peel_title,
    peel_place_or_organisation,
    peel_descriptive_word,
    peel_nationality_and_age,
    trim_headline_words,
)
"""The cleaning rules, in order: each may change the segment; one returning False drops it (no name left).
A new cleaning rule is one function added here."""


def find_candidates(
    text: str,
    starts: set[int],
    should_stop: Callable[[], bool] | None = None,
    lowercase_seen: dict[str, int] | None = None,
) -> list[Candidate]:
    """Every candidate name segment of ``text`` in order (``lowercase_seen``: :func:`lowercase_words`)."""
    scan = Scan(text, starts, lowercase_seen or {}, runs=list(RUN.finditer(text)))
    out: list[Candidate] = []
    quotes = title_quotes(text)
    quote_starts = [q[0] for q in quotes]
    splits: dict[tuple[str, bool], PreparedRun | None] = {}  # per distinct run and initial flag
    for n, match in enumerate(scan.runs):
        if should_stop is not None and n % 4096 == 0 and should_stop():
            return []
        rs, re_ = match.span()
        prepared = _prepared_run(splits, match.group(), _is_initial_position(text, rs, starts))
        if prepared is None:
            continue  # "The", "He", "But": no name in the run
        n_segments, first_start, last_end, segments = prepared
        q = bisect_right(quote_starts, rs) - 1
        in_title = q >= 0 and quotes[q][0] <= rs and re_ <= quotes[q][1]
        possessive = _POSSESSIVE.match(text, re_)
        ctx_end = possessive.end() if possessive else re_
        for idx, initial, rel_toks, keys in segments:
            toks = [(s + rs, e + rs, tok) for s, e, tok in rel_toks]
            seg_start = toks[0][0]
            seg = Segment(toks, list(keys), initial)
            for rule in SEGMENT_RULES:
                if not rule(scan, seg):
                    break
            else:
                last = idx == n_segments - 1 and seg.toks[-1][1] == last_end + rs
                first_in_run = seg_start == rs or (idx == 0 and seg_start == first_start + rs)
                out.append(_candidate(text, seg, rs, re_, ctx_end, seg_start == rs, first_in_run, last, in_title))
    return written_surnames_only(particle_surnames_joined(text, nicknames_joined(text, bare_initials_joined(text, starts, out))))


_PARTICLE_BEFORE = re.compile(r"(?<![\w'’\-.])([a-z]+)[ \t]+\Z")


def particle_surnames_joined(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A lone surname after its lowercase particle is the surname with the particle ("F.W. de Klerk ... later
    de Klerk said", "Vincent van Gogh ... by van Gogh"), when the text writes a full name ending in that particle
    and surname (so "Paris de Gaulle" joins nothing unless "Charles de Gaulle" is written)."""
    ends = {k[-2:] for c in candidates if len(k := c.key) >= 3 and k[-2] in SURNAME_PARTICLES}
    if not ends:
        return candidates
    out = []
    for c in candidates:
        m = None
        if len(c.key) == 1 and c.title is None:  # ("Later de Klerk": "Later" was dropped from the run)
            m = _PARTICLE_BEFORE.search(text, max(0, c.start - 8), c.start)
        if m is None or (m.group(1), c.key[0]) not in ends:
            out.append(c)
            continue
        out.append(
            replace(
                c,
                start=m.start(1),
                key=(m.group(1), c.key[0]),
                surface=(m.group(1), *c.surface),
                offsets=((m.start(1), m.end(1)), *c.offsets),
                ctx_start=min(c.ctx_start, m.start(1)),
                initial=False,
            )
        )
    return out


_NICKNAME_BETWEEN = re.compile(
    r"[ \t]*([\"“‘'])[ \t]*[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,2}[ \t]*([\"”’'])[ \t]*"
)
_CLOSING_QUOTE = {'"': '"', "“": "”", "‘": "’", "'": "'"}


def nicknames_joined(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """A nickname in quotation marks between a given name and a surname is inside the name: 'William "Cowboy"
    Cowley', 'Harold "Junior" Theriault', 'Dwayne "The Rock" Johnson' are one mention (the key leaves the
    nickname out, so a later "Cowley" is his surname). The first part starts with a known given name or has two
    words; the second has one or two words and ends in no place and no ordinary word that is not a surname."""
    out: list[Candidate] = []
    i = 0
    given, world = lx.given_names(), lx.world_given_names()
    while i < len(candidates):
        a = candidates[i]
        merged = None
        if a.last_in_run and a.ctx_end == a.end and not a.org and (len(a.key) >= 2 or a.key[0] in given or a.key[0] in world):
            m = _NICKNAME_BETWEEN.match(text, a.end, a.end + 50)
            if m and _CLOSING_QUOTE[m.group(1)] == m.group(2):
                j = i + 1
                while j < len(candidates) and candidates[j].start < m.end():
                    j += 1  # the nickname's own candidates
                b = candidates[j] if j < len(candidates) else None
                if b is not None and b.start == m.end() and b.first_in_run and _surname_part(b):
                    merged = (j, b)
        if merged is None:
            out.append(a)
            i += 1
            continue
        j, b = merged
        out.append(
            replace(
                a,
                end=b.end,
                key=a.key + b.key,
                surface=a.surface + b.surface,
                offsets=a.offsets + b.offsets,
                last_in_run=b.last_in_run,
                ctx_end=b.ctx_end,
                org=a.org or b.org,
                work=a.work and b.work,
            )
        )
        i = j + 1
    return out


def _surname_part(b: Candidate) -> bool:
    """One or two words after a nickname that end a name: no title, organisation word or place, and the last no
    ordinary English word unless it is a census surname."""
    if len(b.key) > 2 or b.title is not None or b.org or " ".join(b.key) in lx.places() or b.key[-1] in lx.places():
        return False
    return not lx.is_ordinary(b.key[-1]) or b.key[-1] in lx.surnames()


_BARE_INITIALS = re.compile(r"([A-Z]{2})[ \t]+\Z")
# two capitals that are a country, union, club prefix, office or trade before a name, not someone's initials
BARE_INITIALS_ACRONYMS = frozenset(
    {"us", "uk", "un", "eu", "au", "nz", "sa", "ny", "la", "dc", "ac", "fc", "sc", "ss", "sv", "pm", "mp",
     "dj", "mc", "tv", "pr", "hr", "it", "ai", "ap", "bp", "ge", "gm", "hp", "lg", "pc", "uc", "vw", "is",
     "id", "ok", "er", "ep", "cd", "mi", "gp", "md", "ms", "mr", "dr", "st", "jr", "sr", "no", "vs", "oh", "ad",
     "bc", "ff", "rt", "pa", "ca", "tx", "fl", "ga", "nj", "ma", "va", "wa", "or", "co", "az", "nc", "mo", "mn", "wi", "in"}
)


def bare_initials_joined(text: str, starts: set[int], candidates: list[Candidate]) -> list[Candidate]:
    """Two initials written without dots before a surname ("JK Rowling", "GW Bush", "a paper by AS Heagle")
    belong to the name: the run split them off as an acronym. Not a country, union, club prefix or office
    (:data:`BARE_INITIALS_ACRONYMS`: "US Steel", "AC Milan", "PM Johnson"), and only before one word that is
    no place, nationality, month or ordinary English word (a census surname may be one: "Bush")."""
    out = []
    for c in candidates:
        m = None
        if len(c.key) == 1 and c.title is None and not c.org and c.first_in_run and c.ctx_start < c.start:
            m = _BARE_INITIALS.search(text, c.ctx_start, c.start)
        if m is None or m.start() != c.ctx_start or m.group(1).casefold() in BARE_INITIALS_ACRONYMS:
            out.append(c)
            continue
        k = c.key[0]
        if c.surface[0].isupper() or k in lx.places() or k in lx.nationalities() or k in lx.MONTHS_DAYS:
            out.append(c)
            continue
        if lx.is_ordinary(k) and k not in lx.surnames():
            out.append(c)
            continue
        letters = m.group(1)
        out.append(
            replace(
                c,
                start=m.start(1),
                key=(".".join(letters.casefold()), k),
                surface=(letters, *c.surface),
                offsets=((m.start(1), m.end(1)), *c.offsets),
                initial=_is_initial_position(text, m.start(1), starts),
            )
        )
    return out


def written_surnames_only(candidates: list[Candidate]) -> list[Candidate]:
    """A lone name written with a lowercase Arabic article ("al-Amr said") is a candidate only as the surname
    of a full name the text writes ("Suleiman al-Amr"): "al-Qaeda said", "al-Jazeera reported" are none."""
    surnames = {c.key[-1] for c in candidates if len(c.key) >= 2}
    return [
        c
        for c in candidates
        if c.surface[0][0].isupper() or c.surface[0] in SURNAME_PARTICLES or (len(c.key) == 1 and c.key[0] in surnames)
    ]


PreparedRun = tuple[int, int, int, list[tuple[int, bool, tuple[Token, ...], tuple[str, ...]]]]
"""A run split and trimmed, offsets relative to its start: the number of segments, the start of the first
token and the end of the last, and per segment left to clean (index, initial, tokens, normalised keys)."""


def _prepared_run(splits: dict[tuple[str, bool], PreparedRun | None], run: str, run_initial: bool) -> PreparedRun | None:
    """:func:`split_run` of ``run``, each segment trimmed of lower-case particles at both ends, too long or empty
    ones left out (None: nothing left). Computed once per distinct run and initial flag: a novel has 54k runs
    but 4k distinct ones, and none of this depends on more than the run's own characters."""
    key = (run, run_initial)
    if key in splits:
        return splits[key]
    segments, seg_initial = split_run(run, 0, len(run), run_initial)
    kept: list[tuple[int, bool, tuple[Token, ...], tuple[str, ...]]] = []
    for idx, (raw, initial) in enumerate(zip(segments, seg_initial)):
        if len(raw) > MAX_RUN:
            continue  # title-case prose or a list of headings, not a name (and bounds the work per run)
        toks = list(raw)
        while toks and not capitalised_token(toks[0][2]):
            toks = toks[1:]
        while toks and not capitalised_token(toks[-1][2]):
            toks = toks[:-1]
        if toks:
            kept.append((idx, initial, tuple(toks), tuple(norm(t[2]) for t in toks)))
    prepared = (len(segments), segments[0][0][0], segments[-1][-1][1], kept) if kept else None
    splits[key] = prepared
    return prepared


_DOTTED_INITIALS = re.compile(r"(?:[A-Z]\.){2,3}")
# dotted capitals that are places, unions or club prefixes, not a person's initials ("U.S. President", "A.C. Milan")
_DOTTED_ACRONYMS = frozenset(
    {"u.s", "u.k", "u.n", "e.u", "u.a.e", "u.s.a", "d.c", "a.c", "a.s", "s.s", "f.c", "s.c", "s.a", "n.v", "b.v"}
)


def dotted_initials(tok: str) -> bool:
    """"O.J.", "F.W.", "J.R.R.": two or three initials written together (not "U.S.", "A.C.")."""
    return _DOTTED_INITIALS.fullmatch(tok) is not None and tok.lower().rstrip(".") not in _DOTTED_ACRONYMS


def split_run(text: str, rs: int, re_: int, run_initial: bool) -> tuple[list[list[Token]], list[bool]]:
    """Rule 2: the run's segments, split at capitalised function words, pronoun contractions, a sentence-initial
    modal and acronyms; with, per segment, whether it starts the sentence. A segment longer than MAX_RUN tokens
    keeps its first MAX_RUN and its last token only (it is no name, and "Dr. " * 500,000 is one run)."""
    segments: list[list[Token]] = []
    current: list[Token] = []
    seg_initial: list[bool] = []
    initial_here = run_initial
    for tm in _SPACE_TOKENS.finditer(text, rs, re_):
        tok = tm.group()
        if tok[0].isupper() and _splits_run(tok, bool(current), initial_here and not current):
            if current:
                segments.append(current)
                seg_initial.append(initial_here)
            current = []
            initial_here = False
            continue
        if len(current) <= MAX_RUN:
            current.append((tm.start(), tm.end(), tok))
        else:
            current[-1] = (tm.start(), tm.end(), tok)
    if current:
        segments.append(current)
        seg_initial.append(initial_here)
    return segments, seg_initial


@lru_cache(maxsize=1 << 16)
def _splits_run(tok: str, inside_segment: bool, sentence_initial_first: bool) -> bool:
    """Whether the capitalised token ``tok`` splits a run (:func:`split_run`): a function word, a pronoun
    contraction ("I'll"), a modal first in a sentence ("Will Papa come?"), a lone letter or an acronym; not an
    initial, a regnal number or a bare initial inside a segment ("Louis XVI", "Forrest J Ackerman")."""
    key = norm(tok)
    if "'" in key and key.split("'", 1)[0] in _CONTRACTED:
        key = "i"  # I'll, I'm, He's, We're: a pronoun
    if sentence_initial_first and key in lx.MODALS:
        key = "i"  # "Will Papa come?": a sentence-initial modal verb
    initial_letter = (tok.endswith(".") and len(key) == 1) or dotted_initials(tok)
    roman = inside_segment and _ROMAN.match(tok) is not None
    bare_initial = inside_segment and len(tok) == 1 and tok not in "IA"  # "Forrest J Ackerman"
    return not (initial_letter or roman or bare_initial) and (key in lx.STOP or len(key) == 1 or _is_acronym(tok))


def _candidate(
    text: str,
    seg: Segment,
    rs: int,
    re_: int,
    ctx_end: int,
    first_seg: bool,
    first_in_run: bool,
    last: bool,
    in_title: bool,
) -> Candidate:
    """Rule 7 (a repeated token collapsed: "Andrej Duda Duda") and rule 7b (a firm joined by "&"), then the
    candidate."""
    toks: list[Token] = []
    kk: list[str] = []
    for t, k in zip(seg.toks, seg.keys):
        if kk and kk[-1] == k and t[2][0].isupper():
            toks[-1] = (toks[-1][0], t[1], toks[-1][2])
            continue
        toks.append(t)
        kk.append(k)
    org = any(lx.is_org_cue(k) for k in kk) and not lx.is_surname_cue(tuple(kk)) and not _korean_name(toks)
    if len(kk) >= 2 and _place_after_words(kk):
        org = True  # "Statistics Canada", "Royal Ascot": an agency or an event ("Jack London", "Kathy Ireland" stay)
    if len(kk) >= 2 and kk[-1] in lx.nationalities() and kk[-1] not in lx.surnames():
        org = True  # "a Roman Catholic school", "the Odessa American": an adjective or a paper ("Dawn French" stays)
    if (last and _firm_after(text, re_, kk)) or (first_seg and _firm_before(text, rs, kk)):
        org = True  # "Halloran & Sons", "Procter & Gamble": a firm, not a person
    before = text[max(rs, toks[0][0] - 8) : toks[0][0]] if seg.title is None else ""
    if "St" in before and _SAINT_BEFORE.match(before):
        org = True  # "the St. Louis Eagles", "St. Kilda": a saint's name names a place, a church or a club
    if seg.title is None and _MOUNT_OR_FORT_BEFORE.search(text, max(0, toks[0][0] - 5), toks[0][0]):
        org = True  # "Mt. Kenyon", "Ft. Hood", "Mt. Gox": an abbreviated "Mount"/"Fort" names a place (or a firm)
    if seg.title is None and (_named_place_or_storm(text, toks[0][0]) or (len(kk) >= 2 and kk[0] in STORM_WORDS)):
        org = True  # "Hurricane Gonzalo", "the San Antonio Spurs", "in Santa Clara": a storm, a place, a club
    return Candidate(
        start=toks[0][0],
        end=toks[-1][1],
        key=tuple(kk),
        surface=tuple(t[2] for t in toks),
        offsets=tuple((t[0], t[1]) for t in toks),
        title=seg.title,
        initial=seg.initial,
        first_in_run=first_in_run,
        last_in_run=last,
        ctx_start=rs,
        ctx_end=ctx_end if last else toks[-1][1],
        org=org,
        work=in_title,
        nationality=seg.nationality,
    )


def _place_after_words(key: list[str]) -> bool:
    """The last word is a place and no word before it is a given name or an initial ("Statistics Canada",
    "Royal Ascot"): an agency, event or place named after the place, not a person with a place for a surname."""
    given, world = lx.given_names(), lx.world_given_names()
    return key[-1] in lx.places() and not any(k in given or k in world or len(k) == 1 for k in key[:-1])


_SYLLABIC_GIVEN = re.compile(r"[A-Z][a-z]{1,4}-[A-Za-z][a-z]{1,4}")


def _korean_name(toks: list[Token]) -> bool:
    """"Park Joo-ho", "Park Ji-Sung": a surname that is also an organisation word ("park") before a romanised
    two-syllable given name is a person's name, not a park."""
    return len(toks) == 2 and _SYLLABIC_GIVEN.fullmatch(toks[1][2]) is not None


_SAINT_BEFORE = re.compile(r"^.*(?<![\w.])(?:St|Ste)\.[ \t]+$")
STORM_WORDS = frozenset({"hurricane", "typhoon", "cyclone", "storm"})  # "Storm Arthur", "Hurricane Katrina"
_STORM_OR_SAINT_BEFORE = re.compile(
    r"(?<![\w'’\-])(?:Hurricane|Typhoon|Cyclone|Storm|Tornado|San|Santa|Santo|São|Sao)[ \t]+\Z"
)


def _named_place_or_storm(text: str, start: int) -> bool:
    """The name follows a capitalised storm word or a saint's word ("Hurricane Gonzalo", "Tropical Storm
    Arthur", "the San Antonio Spurs", "São Paulo"): a storm or a place (or its club), not a person."""
    return _STORM_OR_SAINT_BEFORE.search(text, max(0, start - 12), start) is not None
_MOUNT_OR_FORT_BEFORE = re.compile(r"(?<![\w.])(?:Mt|Ft)\.[ \t]+\Z")
_AMPERSAND_AFTER = re.compile(r"[ \t]*&[ \t]*([A-Z][\w'’\-]*)([ \t]+[A-Z])?")
_AMPERSAND_BEFORE = re.compile(r"(?<![\w'’\-.])([A-Z][\w'’\-]*)[ \t]*&[ \t]*\Z")
_CAPITALISED_BEFORE = re.compile(r"[A-Z][\w'’\-.]*[ \t]+\Z")


def _firm_after(text: str, end: int, key: list[str]) -> bool:
    """"Halloran & Sons", "Baker & McKenzie": a name joined by "&" to an organisation word, or two lone
    surnames joined by "&" (people joined by "&" have full names or given names: "Clive Owen & Juliette
    Binoche", "Will & Kate")."""
    if "&" not in text[end : end + 3]:
        return False
    m = _AMPERSAND_AFTER.match(text, end, end + 60)
    if not m:
        return False
    other = norm(m.group(1))
    if lx.is_org_cue(other):
        return True
    given = lx.given_names()
    return len(key) == 1 and m.group(2) is None and key[0] not in given and other not in given


def _firm_before(text: str, start: int, key: list[str]) -> bool:
    if "&" not in text[max(0, start - 3) : start]:
        return False
    m = _AMPERSAND_BEFORE.search(text, max(0, start - 60), start)
    if not m or _CAPITALISED_BEFORE.search(text, max(0, m.start() - 40), m.start()):
        return False
    given = lx.given_names()
    return len(key) == 1 and key[0] not in given and norm(m.group(1)) not in given
_SHORT_QUOTE = re.compile(r"[\"“]([^\"“”\n]{1,80})[\"”]")


_PREV_WORD = re.compile(r"([^\W\d_][\w'’\-]*)[^\w\n]*$")
_NEXT_TOKEN = re.compile(r"[ \t]*(\S+)")


def previous_word(text: str, pos: int) -> str:
    """The word just before ``pos`` on the same line, casefolded ("" when none)."""
    m = _PREV_WORD.search(text, max(0, pos - 30), pos)
    return m.group(1).casefold() if m else ""


def is_date_context(text: str, start: int, end: int) -> bool:
    """A month/day word used as a date: after a date word ("in June", "the following June", "last May") or
    before a number ("June 5", "May 2020")."""
    if previous_word(text, start) in lx.DATE_WORDS:
        return True
    nxt = _NEXT_TOKEN.match(text, end)
    return bool(nxt and nxt.group(1)[0].isdigit())


def month_is_given_name(text: str, start: int, keys: list[str]) -> bool:
    """"June Whitaker, who managed the shop": a month word that is a known given name, not in a date context,
    followed by a census surname that is not itself a title, month or place ("In May Napoleon", "August
    Prince" stay dates)."""
    return (
        len(keys) == 2
        and keys[0] in lx.given_names()
        and keys[1] in lx.surnames()
        and keys[1] not in lx.MONTHS_DAYS
        and not lx.is_title_head(keys[1], roles=True)
        and " ".join(keys[1:]) not in lx.places()
        and previous_word(text, start) not in lx.DATE_WORDS
    )


_AFTER_QUOTE = re.compile(r"[^.!?\n\"“”]{0,50}")


def _speech_follows(text: str, end: int) -> bool:
    """A speech verb follows the closing quotation mark in the same sentence ("...," Peter likes to say)."""
    rest = _AFTER_QUOTE.match(text, end).group()
    return any(w.casefold() in lx.SPEECH_VERBS for w in re.findall(r"[a-z]+", rest))


_QUOTE_WORD = re.compile(r"[^\W\d_][\w'’\-]*")


def title_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of short quotations written in title case ("War", "Buddha for Mary", "The Kill"): names of works.

    A quotation qualifies when it has two to eight words, no inner punctuation, and every word is capitalised
    except small function words, and it is not followed by a speech verb after a comma ('"Ask June," Peter
    likes to say'), so quoted speech ("“Others are easier to manage,” he said") and vocatives in
    dialogue ("“Natásha!”", "“Pierre, Pierre”") never do.
    """
    out: list[tuple[int, int]] = []
    for m in _SHORT_QUOTE.finditer(text):
        inner = m.group(1).rstrip(",. ")
        if any(ch in inner for ch in "!?,;:"):
            continue  # dialogue ("“Natásha!”", "“Pierre, come”") is no title
        words = _QUOTE_WORD.findall(inner)
        if len(words) < 2 or len(words) > 8:
            continue  # one word proves nothing; a longer quotation is a sentence
        if m.group(1).rstrip().endswith(",") and _speech_follows(text, m.end()):
            continue  # '"Ask June," Peter likes to say': dialogue, not a title
        if all(w[0].isupper() or w.casefold() in lx.QUOTE_SMALL_WORDS for w in words) and words[0][0].isupper():
            out.append(m.span(1))
    return out


def lowercase_words(text: str) -> dict[str, int]:
    """Normalised words written in lowercase in the text, with counts (evidence that a word is ordinary)."""
    out: dict[str, int] = {}
    for word, n in Counter(LOWER_WORD.findall(text)).items():
        key = norm(word)
        out[key] = out.get(key, 0) + n
    return out


def capitalised_counts(candidates: list[Candidate]) -> dict[str, int]:
    """How often each normalised token is written capitalised where capitals are not forced (mid-sentence)."""
    out: dict[str, int] = {}
    for cand in candidates:
        for i, key in enumerate(cand.key):
            if i or not cand.initial:
                out[key] = out.get(key, 0) + 1
    return out


def split_fused_relatives(text: str, candidates: list[Candidate]) -> list[Candidate]:
    """Rule 8: "his wife Sarah Viktor Orbán" is two people, "Sarah" and "Viktor Orbán"."""
    fused = [
        i
        for i, c in enumerate(candidates)
        if len(c.key) == 3
        and c.first_in_run
        and c.title is None
        and previous_word(text, c.ctx_start) in lx.KIN_FEMALE | lx.KIN_MALE
    ]
    if not fused:
        return candidates
    forms = Counter(c.key for c in candidates)
    given = lx.given_names()
    out = list(candidates)
    for i in reversed(fused):
        c = candidates[i]
        kin = previous_word(text, c.ctx_start)
        gender = "f" if kin in lx.KIN_FEMALE else "m"
        other = "m" if gender == "f" else "f"
        g1, g2, surname = c.key
        if given.get(g1) != gender or lx.given_name_gender(g2) != other:
            continue
        if not (forms[(surname,)] or forms[(g2, surname)]):
            continue
        (s0, e0), (s1, _e1), (_s2, e2) = c.offsets
        first = Candidate(
            s0, e0, (g1,), c.surface[:1], c.offsets[:1], None, c.initial, True, False, c.ctx_start, e0, False
        )
        second = Candidate(
            s1, e2, (g2, surname), c.surface[1:], c.offsets[1:], None, False, False, c.last_in_run, s1, c.ctx_end,
            False,
        )
        out[i : i + 1] = [first, second]
    return out


_MARRIED = re.compile(
    r"\s+(?:(?:has|had|was|is|later|then|soon|eventually)\s+)?(?:married|marries|wed|weds)(?:\s+to)?\s+$"
)
_MAIDEN = re.compile(r"\s*[,(]\s*(née|nee|born|formerly)\s+$", re.I)


def name_links(text: str, candidates: list[Candidate]) -> list[tuple[str, tuple[str, ...], tuple[str, ...]]]:
    """Rule 9: ("nee", "dana halloran", "mercer") for "Dana Halloran, née Mercer" / "(born Dana Mercer)", and
    ("married", "peter", "dana mercer") for "Peter married Dana Mercer"."""
    out: list[tuple[str, tuple[str, ...], tuple[str, ...]]] = []
    for a, b in zip(candidates, candidates[1:]):
        if not (a.last_in_run and b.first_in_run and b.title is None) or b.ctx_start - a.ctx_end > 40:
            continue
        gap = text[a.ctx_end : b.ctx_start]
        if a.ctx_end != a.end:
            continue  # a possessive: "Peter's wife"
        if any(k in lx.MONTHS_DAYS for k in b.key):
            continue
        m = _MAIDEN.match(gap)
        if m and len(a.key) >= 2:
            if m.group(1).casefold() in ("née", "nee") or (len(b.key) >= 2 and b.key[0] == a.key[0]):
                out.append(("nee", a.key, b.key))
            continue
        if a.title is None and _MARRIED.match(gap):
            out.append(("married", a.key, b.key))
    return out
