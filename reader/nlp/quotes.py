"""Quotations and who said them: pure, deterministic, one pass over the text (see docs/quotes.md).

1. **Locate** (:func:`locate_quotes`): double quotation marks (curly, straight, guillemets) paired inside each
   paragraph. A paragraph that ends inside a quote while the next one opens with a quote mark continues the same
   quote (the English convention for quotes over several paragraphs); otherwise an unclosed quote ends with its
   paragraph. A quote reopened before it was closed (“A ... Trump continued. “B”) is closed after its last
   sentence when a short attribution follows it, else just before the new mark. Stray closing marks are ignored.
   Single quotes inside a quote are nested quotes when they pair up; a single mark between letters, or one that
   never pairs, is an apostrophe (“it's”, “dogs' ”). A text whose dialogue is in single quotes (‘...’) is read
   with single quotes as the outer marks.
2. **Merge** (:func:`merge_interrupted`): “We won,” she said, “and we will again.” is one quote with two parts:
   the first part ends without a full stop, the gap is a short attribution ending in , ; or — and the second part
   starts in lowercase. With a capital after a full stop they stay two quotes (the second then gets the same
   speaker by the same-paragraph rule).
3. **Attribute** (:func:`attribute`), precision first: the clause right after the quote (“...,” X said / said X /
   he said / the senator said), else the clause before it in the same sentence (X said: “...”, X called it
   “...”, according to X), else the speaker of the quote before it in the same paragraph when no one else is
   named between, else a speaker named just before a quote-only paragraph (X said:), else turn-taking in a
   dialogue of quote-only paragraphs (the person the turn before addressed by name, then A, B, A, B). Also: the
   subject of a sentence ending in a colon (X defended it: “...”), the author of a statement issued in the
   sentence before, the subject of a reporting sentence just before (X also said the plan failed. “...”), and
   relatives ("said his wife": the one person of that role and surname). Pronouns and titles (also roles learnt
   from appositives: "X, a spokeswoman for ...") go to the most recent speaker of that gender / with that title,
   unless someone else of that gender began a sentence since. The person a quote addresses by name is never its
   speaker. No rule, no speaker. The rules, one by one, are in docs/quotes.md.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from itertools import islice
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from reader.document.model import Document, Paragraph, Span
from reader.nlp.results import Person, Quote

__all__ = ["find_quotes", "locate_quotes", "merge_interrupted", "attribute", "person_genders"]

OPENERS = "“«"
CLOSERS = "”»"
STRAIGHT = '"'
SINGLE_OPEN = "‘"
SINGLE_CLOSE = "’"
SINGLE_STRAIGHT = "'"

# Verbs that introduce or tag a quotation (“...,” she *said*; he *called* it “...”): reporting verbs (speech-act
# and communication verbs of news and fiction), as lemmas; :func:`_inflections` adds -s, -ed and -ing forms.
_QUOTE_VERB_LEMMAS = """acknowledge add admit affirm agree allege announce answer argue ask assert assure begin boast
brag call caution challenge characterise characterize chide cite claim comment complain concede conclude confess
confide confirm contend continue cry address believe express declare defend demand denounce deny describe detail dismiss dub echo emphasise
emphasize
enquire exclaim explain falter gasp groan grumble growl grunt hint implore inquire insist interject interrupt joke lament
laugh mention moan mumble murmur mutter note observe offer plead pledge point post predict proclaim
promise protest quip rant reassure recall recount reflect reiterate rejoin remark remind repeat reply
report respond resume retort return reveal roar scoff scold scream shout shriek sigh snap snarl sneer sob speculate
stammer state stress stutter suggest summarise summarize swear tease tell term testify thunder tweet urge vow warn
whisper wonder write yell""".split()
_IRREGULAR_FORMS = """say said says saying tell told tells telling write wrote writes writing written begin began
begins beginning think thought thinks swear swore sworn swears swearing""".split()
_DOUBLED_FINAL = frozenset("admit dub quip snap sob refer regret".split())  # admitted, dubbed, quipped


def _inflections(lemma: str) -> set[str]:
    """The lemma and its -s, -ed and -ing forms (regular spelling rules; irregular pasts are listed apart)."""
    if lemma in _DOUBLED_FINAL:
        stem = lemma + lemma[-1]
        return {lemma, lemma + "s", stem + "ed", stem + "ing"}
    if lemma.endswith("e"):
        return {lemma, lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        return {lemma, lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    plural = lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z", "o")) else "s")
    return {lemma, plural, lemma + "ed", lemma + "ing"}


QUOTE_VERBS = frozenset(_IRREGULAR_FORMS).union(*(_inflections(lemma) for lemma in _QUOTE_VERB_LEMMAS))
# Verbs of reported speech without quote marks ("Kellogg said he advises ..."): they make a person the current
# speaker, which a later "he said" may refer to.
REPORT_VERBS = frozenset("""said says told tells added adds explained argued argues replied answered asked insisted
warned claimed claims noted notes stated wrote writes denied denies admitted acknowledged recalled continued stressed
suggested predicted conceded agreed""".split())
# Reported speech whose complement may hold a quoted fragment far from the verb ("Whitmore told LA Weekly that on
# October 6, after ..., Montalvo “walked into the lobby”"; "Melania Trump detailed how ... “to this day.”")
# (not "asked": "Baird asked officials how documents ... stored in “approved security cabinets”" quotes a rule)
_DISTANT_VERBS = frozenset("""said says told tells added adds explained claimed claims stated wrote writes admitted
acknowledged insisted warned noted argued detailed details described describes""".split())
# one of REPORT_VERBS as a whole _WORD token (a C-speed scan of the whole text)
_REPORT_VERB = re.compile(r"(?<!\w)(?<!\w['’\-])(?:" + "|".join(sorted(REPORT_VERBS, key=len, reverse=True))
                          + r")(?!\w|['’\-]\w)")
DISTANT_GAP_WORDS = 40  # the most words from such a verb to its quote
_SKIPPABLE = frozenset("""also later then again has have had will would could may might once further simply only just
previously recently still quickly quietly softly firmly calmly coldly gravely earlier repeatedly reportedly
now often sometimes already thus presently instantly immediately""".split())
_HABITUAL = frozenset("likes liked loves loved used wants wanted began went".split())  # "X likes to say"
_COORDINATORS = frozenset({"and", "but", "then", "or"})
_CLAUSE_OPENERS = frozenset("while whereas although though because since whilst unless".split())
# A verb form after one of these is a noun ("the report", "his answer", "a comment"): not the quote's tag.
_DETERMINERS = frozenset("the a an his her its their our my your this that these those".split())
_PRONOUN_GENDER = {"he": "m", "she": "f"}
_POSSESSIVE_GENDER = {"his": "m", "her": "f"}
# "said his wife": the relative's gender, and whether the relative is named by title and surname alone
# (a spouse or parent: "Mrs. Bennet") or by given name and surname (a child or sibling: "Kitty Bennet").
_RELATIONS = {"wife": ("f", True), "lady": ("f", True), "husband": ("m", True), "mother": ("f", True),
              "father": ("m", True), "son": ("m", False), "daughter": ("f", False), "brother": ("m", False),
              "sister": ("f", False)}
# a person's organisation between the name and the verb: " of The Globe and Mail ", " from the Refugee Council "
_OF_ORGANISATION = re.compile(r" (?:of|from|at) (?:the |The )?(?:[A-Z][\w.&'’\-]*(?: | (?:and|of|for|&) ))*[A-Z][\w.&'’\-]*\s+$")
_QUOTED_AS_LEAD = re.compile(r"(?:\b(?:was|is|has been|were|are)\s+)?\bquoted\s+(?:(?P<object>[^,.;:!?“”\"]{1,60}?)\s+)?"
                             r"as\s+(?:saying|telling\s[^,.;:“”\"]{1,40}?)[,:]?\s*$")
_QUOTED_AS_TAIL = re.compile(r"[\s,]*([^\W\d][\w.'’\- ]{1,60}?)\s+(?:was|is|has been)\s+quoted\s+as\s+saying\b")
_MARRIED_TITLES = frozenset("mrs mme madame lady".split())
_TITLE_ADJECTIVES = frozenset("former new old young late acting interim deputy vice senior junior elder".split())
_TITLE_ABBREVIATIONS = {"sen": "senator", "rep": "representative", "gov": "governor", "dr": "doctor",
                        "prof": "professor", "gen": "general", "col": "colonel", "capt": "captain", "lt":
                        "lieutenant", "sgt": "sergeant", "supt": "superintendent", "insp": "inspector", "det":
                        "detective", "pres": "president", "amb": "ambassador", "cllr": "councillor",
                        "rev": "reverend", "fr": "father", "sec": "secretary"}
_ABBREVIATION_BEFORE_DOT = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Sen|Rep|Gov|Gen|Col|Capt|Lt|Sgt|Prof|Rev|Jr|Sr|"
                                      r"Mme|Mlle|No|Fr|Supt|Insp|Det)|\b[A-Z])$")
_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
_TERMINATOR = re.compile(r"[.!?;:](?=\s|$|[”\"’)])|\n")
_IN_WORDS = re.compile(r"\bin \w+()['’]s (?:own )?words,?\s*")  # "in Halvorsen’s words, “...”"
_DASH_BYLINE = re.compile(r"\s*[—–]\s*")  # '"..." — Priya Raman, chair of the committee'
LEAD_GAP_WORDS = 8  # "Fried said the dialogues were helpful in “...”": at most this many words from verb to quote
_STATEMENT_NOUNS = frozenset("statement letter tweet post memo message memoir".split())  # "Cornyn's statement added"
CONTEXT_CHARS = 600  # the most text read on either side of a quote for its attribution (keeps every rule linear)
_NON_SPACE = re.compile(r"\S")
MAX_EVENTS = 40  # the most earlier speakers / mentions a pronoun is checked against
PRONOUN_WINDOW_PARAGRAPHS = 8  # a pronoun or title reaches back this many paragraphs for its speaker
ATTRIBUTION_WORDS = 12  # the clause that tags a quote is at most this many words (before the speaker)


POLL_EVERY = 64  # paragraphs, quotes or reporting verbs between two polls of ``should_stop``


class _Stopped(Exception):
    """``should_stop`` returned True: the work is abandoned (find_quotes returns [])."""


def _never() -> bool:
    return False


def _poll(should_stop: Callable[[], bool]) -> None:
    if should_stop():
        raise _Stopped


# --------------------------------------------------------------------------------------------------- locate
@dataclass
class _Raw:
    parts: list[tuple[int, int]]
    paragraph: int  # index of the paragraph of the first part
    last_paragraph: int
    nested: list[tuple[int, int]] = field(default_factory=list)


def _is_letter(ch: str) -> bool:
    return ch.isalnum()


def _straight_role(text: str, i: int, start: int, end: int, inside: bool) -> str:
    """"open" or "close" for a straight double quote, from its neighbours (inside/outside as the tie-break)."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    if before.isspace() or before in "([{—–-/" + OPENERS + SINGLE_OPEN:
        if not after.isspace():
            return "open"
    if after.isspace() or after in ".,;:!?)]}—–-" or i + 1 >= end:
        if not before.isspace():
            return "close"
    return "close" if inside else "open"


def _quote_style(text: str) -> str:
    """"double", or "single" for a text whose dialogue is in ‘...’ (few double marks, many single openers)."""
    doubles = text.count("“") + text.count('"') + text.count("«")
    singles = text.count("‘")
    if singles <= 10 or doubles * 4 >= singles:  # too few ‘ to be the dialogue marks (skips the slow count below)
        return "double"
    single_openers = len(re.findall(r"(?:^|[\s(—])‘\w", text))
    return "single" if single_openers > 10 and doubles * 4 < single_openers else "double"


def _short_tail_end(text: str, start: int, stop: int) -> int | None:
    """In an unclosed quote reopened at ``stop``: the end of its last sentence, when what follows is a short
    attribution ("... Rocket Man? Trump continued. “Remember"); None when there is no such tail."""
    segment = text[start:stop].rstrip()
    for match in reversed(list(re.finditer(r"[.!?,](?=\s)", segment))):
        tail = segment[match.end() :]
        words = _WORD.findall(tail)
        if 1 <= len(words) <= 6 and any(w.casefold() in QUOTE_VERBS for w in words):
            return start + match.end()
        break
    return None


_NESTED_MARKS: dict[tuple[str, str, str], re.Pattern[str]] = {}


def _nested_quotes(text: str, start: int, end: int, opener: str, closer: str, straight: str) -> list[tuple[int, int]]:
    """Quotes in single marks inside ``text[start:end]`` (exclusive of the outer marks); apostrophes skipped."""
    found = []
    open_at = None
    marks = _NESTED_MARKS.get((opener, closer, straight))
    if marks is None:
        marks = _NESTED_MARKS[(opener, closer, straight)] = re.compile("[" + re.escape(opener + closer + straight) + "]")
    for match in marks.finditer(text, start, end):
        i = match.start()
        ch = text[i]
        before = text[i - 1] if i > start else " "
        after = text[i + 1] if i + 1 < end else " "
        if _is_letter(before) and _is_letter(after):
            continue  # it's, There's
        can_open = ch != closer and not _is_letter(before) and (after.isalnum() or after in "¿¡")
        can_close = ch != opener and not before.isspace() and not _is_letter(after)
        if open_at is None and can_open:
            open_at = i
        elif open_at is not None and can_close:
            found.append((open_at, i + 1))
            open_at = None
    return found


def locate_quotes(text: str, paragraphs: Sequence[Paragraph]) -> list[Quote]:
    """Every quotation, unattributed, in document order (see the module docstring for the rules)."""
    return [_to_quote(raw) for raw in merge_interrupted(text, _locate(text, paragraphs))]


def _locate(text: str, paragraphs: Sequence[Paragraph], should_stop: Callable[[], bool] = _never) -> list[_Raw]:
    if _quote_style(text) == "single":
        openers, closers, straight = SINGLE_OPEN, SINGLE_CLOSE, SINGLE_STRAIGHT
        inner = ("“", "”", '"')
    else:
        openers, closers, straight = OPENERS, CLOSERS, STRAIGHT
        inner = (SINGLE_OPEN, SINGLE_CLOSE, SINGLE_STRAIGHT)
    marks = re.compile("[" + re.escape(openers + closers + straight) + "]")
    out: list[_Raw] = []
    carried: _Raw | None = None  # a quote running on from the previous paragraph
    for index, para in enumerate(paragraphs):
        if index % POLL_EVERY == 0:
            _poll(should_stop)
        if para.kind in ("code", "table"):
            carried = None
            continue
        start, end = para.start, para.end
        open_at: int | None = None
        for match in marks.finditer(text, start, end):
            i = match.start()
            ch = text[i]
            if single_style := (openers == SINGLE_OPEN):
                before = text[i - 1] if i > start else " "
                after = text[i + 1] if i + 1 < end else " "
                if _is_letter(before) and _is_letter(after):
                    continue  # an apostrophe inside a word: don't, o'clock
                if ch != SINGLE_OPEN and open_at is None and not (ch == "'" and after.isalnum()):
                    continue  # a closing mark with nothing open: an apostrophe (Rostovs’, ’90s)
            if ch in openers:
                # a misused opener glued to the word before and followed by a space closes (decision.“ However)
                glued = i > start and not text[i - 1].isspace() and (i + 1 >= end or text[i + 1].isspace())
                role = "close" if glued and open_at is not None else "open"
            elif ch in closers:
                role = "close"
            else:
                role = _straight_role(text, i, start, end, open_at is not None)
            if single_style and role == "close":
                after = text[i + 1] if i + 1 < end else " "
                if _is_letter(after):
                    continue
                if _plural_possessive(text, i, end, marks):
                    continue  # ‘Come to the Smiths’ house,’: the quote closes later
            if role == "open":
                if open_at is not None:  # reopened before it closed: close it first
                    stop = _short_tail_end(text, open_at, i) or _rstrip(text, open_at, i)
                    _add_part(out, carried, open_at, stop, index)
                    carried = None
                open_at = i
            elif open_at is not None:
                _add_part(out, carried, open_at, i + 1, index)
                carried = None
                open_at = None
        if open_at is not None:
            stop = _rstrip(text, open_at, end)
            current = _add_part(out, carried, open_at, stop, index)
            following = paragraphs[index + 1] if index + 1 < len(paragraphs) else None
            carried = current if following is not None and _opens_with_quote(text, following, openers + straight) else None
        else:
            carried = None
    for n, raw in enumerate(out):
        if n % POLL_EVERY == 0:
            _poll(should_stop)
        for s, e in raw.parts:
            raw.nested.extend(_nested_quotes(text, s + 1, e - 1, *inner))
    return out


def _plural_possessive(text: str, i: int, end: int, marks: re.Pattern[str]) -> bool:
    """’ after a letter, before a lowercase word, with the next mark of the paragraph a closing one: Smiths’ house."""
    if not (i > 0 and text[i - 1].isalpha() and text.startswith(" ", i + 1) and i + 2 < end and text[i + 2].islower()):
        return False
    following = marks.search(text, i + 1, end)
    if following is None:
        return False
    j = following.start()
    return text[j] != SINGLE_OPEN and not (j + 1 < end and text[j + 1].isalnum())


def _rstrip(text: str, start: int, end: int) -> int:
    while end > start + 1 and text[end - 1].isspace():
        end -= 1
    return end


def _opens_with_quote(text: str, para: Paragraph, openers: str) -> bool:
    head = text[para.start : para.start + 4].lstrip()
    return bool(head) and head[0] in openers


def _add_part(out: list[_Raw], carried: _Raw | None, start: int, end: int, index: int) -> _Raw:
    if carried is not None:  # the first quote of a paragraph continuing the previous paragraph's quote
        carried.parts.append((start, end))
        carried.last_paragraph = index
        return carried
    raw = _Raw([(start, end)], index, index)
    out.append(raw)
    return raw


def merge_interrupted(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Join “We won,” she said, “and we will again.” into one quote of two parts (rule in the module docstring)."""
    merged: list[_Raw] = []
    for raw in raws:
        prev = merged[-1] if merged else None
        if prev is not None and prev.last_paragraph == raw.paragraph and _interrupts(text, prev, raw):
            prev.parts.extend(raw.parts)
            prev.nested.extend(raw.nested)
            prev.last_paragraph = raw.last_paragraph
            continue
        merged.append(raw)
    return merged


def _interrupts(text: str, first: _Raw, second: _Raw) -> bool:
    end = first.parts[-1][1]
    start = second.parts[0][0]
    inside_end = text[first.parts[-1][0] : end - 1].rstrip()
    if not inside_end or inside_end[-1] in ".!?":
        return False
    gap = text[end:start]
    words = _WORD.findall(gap)
    if not 1 <= len(words) <= ATTRIBUTION_WORDS or "\n" in gap:
        return False
    if not any(w.casefold() in QUOTE_VERBS for w in words):
        return False
    stripped_gap = gap.rstrip()
    if not stripped_gap or stripped_gap[-1] not in ",;—–:-":
        return False
    body = text[start + 1 : second.parts[0][1]].lstrip(" _*'‘")
    return bool(body) and body[0].islower()


def _to_quote(raw: _Raw, speaker: str | None = None, how: str | None = None) -> Quote:
    parts = tuple(Span(s, e) for s, e in raw.parts)
    return Quote(Span(parts[0].start, parts[-1].end), parts, speaker, how, tuple(Span(s, e) for s, e in raw.nested))


# ----------------------------------------------------------------------------------------------- attribute
_APPOSITIVE_ROLE = re.compile(r"(?:,|\s+(?:is|was|has been|became))\s+(?:(a|an|the|its|their)\s+)?((?:[\w.'’\-]+\s+){0,4}?)"
                              r"([a-z]{3,})(?=\s+(?:of|for|at|with|to|in)\b|[,.;])")
_NOT_ROLES = frozenset("""who which whose whom that and but also then when where while after before since because
though although with without who's there here now today yesterday last next""".split())


def _appositive_roles(text: str, people: Sequence[Person]) -> dict[int, str]:
    """The role the text gives a person in an appositive ("Maria Lopez, a spokeswoman for the council,"; "Hilary
    Braysmith, USI associate professor of art history,"), so that "the spokeswoman said" can refer to them; a role
    two people share is no one's (it would be ambiguous)."""
    holders: dict[str, set[int]] = {}
    for pid, person in enumerate(people):
        for mention in person.mentions[:30]:
            match = _APPOSITIVE_ROLE.match(text, mention.end, mention.end + 120)
            if match is None or "\n" in match.group():
                continue
            role = match.group(3)
            if role in _NOT_ROLES or role in QUOTE_VERBS or (match.group(1) is None and match.group(2).strip() == ""
                                                             and not text.startswith((" of", " for", " at"), match.end())):
                continue
            holders.setdefault(role, set()).add(pid)
    return {next(iter(pids)): role for role, pids in holders.items() if len(pids) == 1}


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
            cut = _TERMINATOR.search(window)
            window = window[: cut.start()] if cut else window
            for word in _WORD.findall(window):
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


@dataclass(frozen=True)
class _Ref:
    kind: str  # "person" | "pronoun" | "title"
    person: int = -1
    word: str = ""  # the pronoun or the title word


class _Mentions:
    """Mention spans of every person, searchable by position."""

    def __init__(self, people: Sequence[Person]) -> None:
        items = sorted((m.start, m.end, pid) for pid, p in enumerate(people) for m in p.mentions)
        self.starts = [s for s, _, _ in items]
        self.items = items
        self.by_end = {e: pid for _, e, pid in items}
        self.by_start = {s: (e, pid) for s, e, pid in items}

    def between(self, start: int, end: int) -> list[tuple[int, int, int]]:
        return self.items[bisect_left(self.starts, start) : bisect_left(self.starts, end)]


class _Attributor:
    def __init__(self, doc: Document, people: Sequence[Person]) -> None:
        self.doc = doc
        self.text = doc.text
        self.people = people
        self.mentions = _Mentions(people)
        self.genders = person_genders(doc.text, people)
        self.title_words = [self._title_words(p) for p in people]
        for pid, role in _appositive_roles(doc.text, people).items():
            self.title_words[pid].add(role)
        self.any_title_word: frozenset[str] = frozenset().union(*self.title_words)
        # (position, person, paragraph): every time a person is made the current speaker
        self.speaker_events: list[tuple[int, int, int]] = []
        self.dialogue = False  # the text has dialogue (a novel): set by attribute()
        self.quote_spans: list[tuple[int, int]] = []

    @staticmethod
    def _title_words(person: Person) -> set[str]:
        from reader.nlp.people.lexicon import norm

        words = set()
        for title in person.titles:
            for token in title.split():
                low = norm(token)
                words.add(_TITLE_ABBREVIATIONS.get(low, low))
        return words

    # --- small text helpers
    def _words_back(self, start: int, end: int) -> list[re.Match[str]]:
        return list(_WORD.finditer(self.text, start, end))

    def _possessive_after(self, pos: int) -> bool:
        return self.text.startswith(("'s", "’s", "'", "’"), pos)

    def _ref_ending_at(self, lo: int, pos: int) -> tuple[_Ref | None, int]:
        """The subject that ends at ``pos`` (skipping adverbs/auxiliaries back to ``lo``) and where it starts."""
        words = self._words_back(lo, pos)
        adverb = False  # "Pierre hastily interrupted": a -ly adverb is skipped before a name, not before he/she
        while words and "," not in self.text[words[-1].end() : pos]:
            low = words[-1].group().casefold()
            if low in _SKIPPABLE or (low.endswith("ly") and len(low) > 4 and words[-1].group().islower()):
                adverb = adverb or low not in _SKIPPABLE
                pos = words[-1].start()
                words.pop()
            elif low == "to" and len(words) >= 2 and words[-2].group().casefold() in _HABITUAL:
                pos = words[-2].start()
                del words[-2:]
            else:
                break
        gap = self.text[words[-1].end() : pos] if words else ""
        if not words or gap.strip():
            return self._appositive_subject(lo, pos), lo
        last = words[-1]
        end = last.end()
        if end in self.mentions.by_end:
            return _Ref("person", self.mentions.by_end[end]), last.start()
        of_org = _OF_ORGANISATION.search(self.text, max(lo, pos - 80), pos)  # "Tom Hale of the Daily Post said"
        if of_org and of_org.start() in self.mentions.by_end:
            pid = self.mentions.by_end[of_org.start()]
            return _Ref("person", pid), of_org.start()
        low = last.group().casefold()
        if low in _PRONOUN_GENDER:
            return (None, pos) if adverb else (_Ref("pronoun", word=low), last.start())
        if low == "who":  # "Tom Hale, who said “...”" / "according to Tom Hale, who said"
            comma = self.text.rfind(",", max(lo, last.start() - 3), last.start())
            pid = self.mentions.by_end.get(comma) if comma >= 0 and _blank(self.text, comma + 1, last.start()) else None
            if pid is not None:
                return _Ref("person", pid), last.start()
        if low in _STATEMENT_NOUNS and len(words) >= 2 and words[-2].group().endswith(("'s", "’s")):
            pid = self.mentions.by_end.get(words[-2].end() - 2)
            if pid is not None:
                return _Ref("person", pid), words[-2].start()
        if len(words) >= 2:
            title = self._title_phrase(words)
            if title:
                return title, words[-2].start()
        return None, pos

    def _title_phrase(self, words: list[re.Match[str]]) -> _Ref | None:
        """"the senator", "the former president" (lowercase, after "the")."""
        from reader.nlp.people.lexicon import norm

        head = words[-1].group()
        if not head.islower():
            return None
        i = len(words) - 2
        while i >= 0 and words[i].group().casefold() in _TITLE_ADJECTIVES:
            i -= 1
        if i < 0 or words[i].group().casefold() != "the":
            return None
        low = norm(head)
        if low in self.any_title_word:
            return _Ref("title", word=low)
        return None

    def _appositive_subject(self, lo: int, pos: int) -> _Ref | None:
        """"Keith Kellogg, a Trump adviser who ..., said": the mention before the comma that opens the appositive."""
        if not self.text[lo:pos].rstrip().endswith(","):
            return None
        segment_start = lo
        for s, e, pid in reversed(self.mentions.between(segment_start, pos)):
            after = self.text[e : e + 2]
            if after.startswith(","):
                between = self.text[e:pos]
                if re.search(r"[.!?;:”\"]", between) or len(_WORD.findall(between)) > 25:
                    return None
                return _Ref("person", pid)
        return None

    def _ref_starting_at(self, pos: int, hi: int) -> _Ref | None:
        """The speaker right after an inverted verb: "said Fried", "said Mr. Bennet", "cried he", "said the mayor"."""
        from reader.nlp.people.lexicon import FEMALE_TITLES, MALE_TITLES, norm

        words = list(islice(_WORD.finditer(self.text, pos, hi), 6))
        if not words or self.text[pos : words[0].start()].strip():
            return None
        first = words[0]
        low = first.group().casefold()
        if low in _PRONOUN_GENDER:
            return _Ref("pronoun", word=low)
        for k, word in enumerate(words[:4]):
            if word.start() in self.mentions.by_start:
                end, pid = self.mentions.by_start[word.start()]
                return None if self._possessive_after(end) else _Ref("person", pid)
            key = norm(word.group())
            titled = word.group()[0].isupper() and (
                key in MALE_TITLES or key in FEMALE_TITLES or key in _TITLE_ABBREVIATIONS
                or key in self.any_title_word)
            if not titled:
                break
        if low == "the" and len(words) >= 2:
            i = 1
            while i < len(words) - 1 and words[i].group().casefold() in _TITLE_ADJECTIVES:
                i += 1
            head = words[i].group()
            if head.islower() and norm(head) in self.any_title_word:
                return _Ref("title", word=norm(head))
        return None

    # --- resolving pronouns and titles
    def _resolve(self, ref: _Ref | None, pos: int, exclude: frozenset[int] | set[int] = frozenset()
                 ) -> tuple[int | None, str]:
        if ref is None:
            return None, ""
        if ref.kind == "person":
            return ref.person, "said-verb"
        paragraph = self.doc.paragraph_index_at(pos)
        if ref.kind == "pronoun" and self._pronoun_ambiguous(pos, _PRONOUN_GENDER[ref.word]):
            return None, ""
        events = self.speaker_events
        before = bisect_left(events, (pos, -1, -1))
        for event_pos, pid, para in (events[k] for k in range(before - 1, max(-1, before - 1 - MAX_EVENTS), -1)):
            if event_pos >= pos or pid in exclude:
                continue
            if paragraph - para > PRONOUN_WINDOW_PARAGRAPHS or pos - event_pos > 20 * CONTEXT_CHARS:
                break
            if ref.kind == "pronoun":
                gender = self.genders[pid]
                if gender is not None and gender != _PRONOUN_GENDER[ref.word]:
                    continue
                if gender is None and (event_pos, pid, para) != self._last_event_before(pos):
                    return None, ""
                rival = self._rival_since(pid, event_pos, pos, _PRONOUN_GENDER[ref.word])
                if rival is not None:  # someone else of that gender began a sentence since: them, if sure
                    return (rival, "pronoun") if self.genders[rival] is not None else (None, "")
                return pid, "pronoun"
            if ref.word in self.title_words[pid]:
                return pid, "title"
        if ref.kind == "title":
            return self._last_mentioned_with_title(ref.word, pos, paragraph)
        return self._recent_subject(_PRONOUN_GENDER[ref.word], pos, paragraph)

    def _recent_subject(self, gender: str, pos: int, paragraph: int) -> tuple[int | None, str]:
        """No speaker yet: the last person of that gender who began a sentence, in this or the previous paragraph
        ("Pike went straight to the tram. “I rode on one of these,” she said"), if no one else of it did since."""
        earliest = max(self.doc.paragraphs[max(0, paragraph - 1)].start, pos - 2 * CONTEXT_CHARS)
        for s, e, pid in reversed(self.mentions.between(earliest, pos)[-MAX_EVENTS:]):
            if self._in_quote(s) or self._possessive_after(e) or not self._starts_sentence(s):
                continue
            if self.genders[pid] == gender:
                return pid, "pronoun"
            if self.genders[pid] is None:
                return None, ""
        # "Anna Berg and Tom Hale met on Monday. “...,” he said": the one person of that gender named nearby (not
        # in fiction, where a "he" is as often someone the People list does not know: "a shopkeeper ...")
        if self.dialogue:
            return None, ""
        named = {pid for s, e, pid in self.mentions.between(earliest, pos)[-MAX_EVENTS:]
                 if not self._in_quote(s) and not self._possessive_after(e)}
        fitting = {pid for pid in named if self.genders[pid] in (gender, None)}
        if len(fitting) == 1 and self.genders[next(iter(fitting))] == gender:
            return fitting.pop(), "pronoun"
        return None, ""

    def _pronoun_ambiguous(self, pos: int, gender: str) -> bool:
        """The sentence of the pronoun names, before it and outside quotes, someone of that gender who is not its
        speaker ("On Miss Lucas’s persevering, she added", "Tom asked Bill, and he said"): leave it."""
        sentence_start = self.sentence_start(pos)
        first = bisect_left(self.speaker_events, (sentence_start, -1, -1))
        last = bisect_left(self.speaker_events, (pos, -1, -1))
        spoken = {pid for _, pid, _ in self.speaker_events[first:last]}
        for s, e, pid in self.mentions.between(sentence_start, pos):
            if self._in_quote(s) or self.genders[pid] not in (gender, None):
                continue
            if pid not in spoken or self._possessive_after(e):
                return True
        return False

    def _last_event_before(self, pos: int) -> tuple[int, int, int] | None:
        i = bisect_left(self.speaker_events, (pos, -1, -1))
        return self.speaker_events[i - 1] if i else None

    def _last_mentioned_with_title(self, word: str, pos: int, paragraph: int) -> tuple[int | None, str]:
        earliest = max(self.doc.paragraphs[max(0, paragraph - PRONOUN_WINDOW_PARAGRAPHS)].start, pos - 8 * CONTEXT_CHARS)
        for s, _e, pid in reversed(self.mentions.between(earliest, pos)):
            if word in self.title_words[pid]:
                return pid, "title"
        return None, ""

    def _rival_since(self, pid: int, since: int, pos: int, gender: str) -> int | None:
        """The last other person of that gender (or unknown gender) who began a sentence between ``since`` and
        ``pos``, if any."""
        for s, e, other in reversed(self.mentions.between(max(since + 1, pos - 4 * CONTEXT_CHARS), pos)):
            if other == pid or self.genders[other] not in (gender, None) or self._in_quote(s):
                continue
            if self._starts_sentence(s) and not self._possessive_after(e):
                return other
        return None

    def _starts_sentence(self, pos: int) -> bool:
        sentence = self.doc.sentences[self.doc.sentence_index_at(pos)]
        if pos - sentence.start > 120:
            return False
        head = self.text[sentence.start : pos]
        words = _WORD.findall(head)
        return all(w[0].isupper() for w in words) and len(words) <= 3 and not re.search(r"[”\"]", head)

    def _quote_within(self, lo: int, hi: int) -> bool:
        """Some quote overlaps ``text[lo:hi]`` (quotes are disjoint and sorted: the last one opening before ``hi``
        reaches furthest)."""
        i = bisect_left(self.quote_spans, (hi, -1)) - 1
        return i >= 0 and self.quote_spans[i][1] > lo

    def _in_quote(self, pos: int) -> bool:
        i = bisect_right(self.quote_spans, (pos, 10**12)) - 1
        return i >= 0 and self.quote_spans[i][0] <= pos < self.quote_spans[i][1]

    # --- the clauses around one quote
    def tail_speaker(self, end: int, limit: int, part_start: int | None = None) -> tuple[int | None, str]:
        """'“...,” X said' / 'said X' / 'he said' / 'the senator said' right after a quote part."""
        text = self.text
        limit = min(limit, end + CONTEXT_CHARS)
        cut = _TERMINATOR.search(text, end, limit)
        stop = cut.start() if cut else limit
        while cut and text[cut.start()] == "." and _ABBREVIATION_BEFORE_DOT.search(text, end, cut.start()):
            cut = _TERMINATOR.search(text, cut.end(), limit)
            stop = cut.start() if cut else limit
        head = text[end:stop]
        if head[:1].isalnum():
            return None, ""  # ”s or a word glued to the mark: not an attribution
        dash = _DASH_BYLINE.match(text, end, stop)
        if dash and dash.end() in self.mentions.by_start:
            return self.mentions.by_start[dash.end()][1], "dash"
        quoted = _QUOTED_AS_TAIL.match(text, end, stop)  # “...,” Tom Hale was quoted as saying
        if quoted and quoted.start(1) in self.mentions.by_start and self.mentions.by_start[quoted.start(1)][0] == quoted.end(1):
            return self.mentions.by_start[quoted.start(1)][1], "said-verb"
        words = list(islice(_WORD.finditer(text, end, stop), ATTRIBUTION_WORDS + 6))
        if words and words[0].group().casefold() in _CLAUSE_OPENERS:
            return None, ""  # “a disaster”, while Anna Berg thought it ...: a new clause, not this quote's tag
        for k, word in enumerate(words[:ATTRIBUTION_WORDS]):
            low = word.group().casefold()
            if low == "according" and k + 1 < len(words) and words[k + 1].group() == "to":
                ref = self._ref_starting_at(words[k + 1].end() + 1, stop)
                if k == 0 and ref is not None and ref.kind == "person":
                    return ref.person, "according-to"
                return None, ""
            if low not in QUOTE_VERBS or _after_determiner(text, words, k):
                continue
            if k <= 4:
                ref, _ = self._ref_ending_at(end, word.start())
                if ref is None and k == 0:  # inverted: “...,” said X
                    ref = self._ref_starting_at(word.end(), stop)
                if ref is None:  # “...,” said his wife / “...,” her father said
                    relation = self._relation_near(word, words, k, end, stop, part_start)
                    if relation is not None:
                        return relation
                addressed = {pid for _, _, pid in self.mentions.between(word.end(), stop)}
                if ref is not None and ref.kind != "person":  # "said she to Charlotte": not Charlotte
                    return self._resolve(ref, end, exclude=addressed)
                return self._resolve(ref, end)
            # “...,” Khaled Al-Maeena, editor at large at the Saudi Gazette, said / “...,” Tom Hale of the Harbour
            # Authority said: a name opening the tag, then its appositive or organisation
            first = self.mentions.between(end, word.start())[:1]
            if first and not self.text[end : first[0][0]].strip(" ,") and self.text.startswith((",", " of ", " from ", " at "), first[0][1]):
                ref, _ = self._ref_ending_at(end, word.start())
                if ref is not None and ref.kind == "person" and ref.person == first[0][2]:
                    return ref.person, "said-verb"
            return None, ""
        return None, ""

    def _relation_near(self, verb: re.Match[str], words: list[re.Match[str]], k: int, end: int, stop: int,
                       part_start: int | None = None) -> tuple[int | None, str] | None:
        """"said his wife" / "her father said": None when the tag names no relation; else the relative, when the
        possessor (the pronoun's person) and their surname pick out exactly one person, else (None, "")."""
        if k >= 2 and self.text[words[k - 2].end() : words[k - 1].start()] == " " and _blank(self.text, end, words[k - 2].start()):
            pair = words[k - 2], words[k - 1]
        elif k == 0 and len(words) >= 3 and self.text[verb.end() : words[1].start()] == " ":
            pair = words[1], words[2]
        else:
            return None
        owner, noun = pair[0].group().casefold(), pair[1].group().casefold()
        if owner not in _POSSESSIVE_GENDER or noun not in _RELATIONS:
            return None
        possessor, _ = self._resolve(_Ref("pronoun", word="he" if owner == "his" else "she"), pair[0].start())
        if possessor is None and part_start is not None:  # “My dear Mr. Bennet,” said his lady: the one addressed
            possessor = self._vocative_of_gender(part_start, end, _POSSESSIVE_GENDER[owner])
        if possessor is None:
            return None, ""
        relative = self._relative(possessor, *_RELATIONS[noun])
        return (relative, "relation") if relative is not None else (None, "")

    def _vocative_of_gender(self, start: int, end: int, gender: str) -> int | None:
        """The one person of that gender named in a vocative in ``text[start:end]`` ("My dear Mr. Bennet,")."""
        found = {pid for s, e, pid in self.mentions.between(start, end) if self.genders[pid] == gender
                 and _VOCATIVE_BEFORE.search(self.text, max(start, s - 24), s) and _VOCATIVE_AFTER.match(self.text, e)}
        return found.pop() if len(found) == 1 else None

    def _relative(self, possessor: int, gender: str, by_title: bool) -> int | None:
        """The one person of that gender who shares the possessor's surname: named "Mrs. Bennet" (title and
        surname only) for a spouse or parent, or by given name and surname for a child or sibling."""
        from reader.nlp.people.lexicon import norm

        surname = norm(self.people[possessor].name.split()[-1])
        found = []
        for pid, person in enumerate(self.people):
            tokens = person.name.split()
            if len(tokens) > 1 and tokens[0] in person.titles:  # "Mrs. Hale": a title is part of the name
                tokens = tokens[1:]
            if pid == possessor or self.genders[pid] != gender or not tokens or norm(tokens[-1]) != surname:
                continue
            if by_title == (len(tokens) == 1 and bool(person.titles)):
                found.append(pid)
        if len(found) > 1 and by_title and gender == "f":  # a wife or mother is Mrs. Bennet, not Miss Bennet
            found = [pid for pid in found if any(norm(t) in _MARRIED_TITLES for t in self.people[pid].titles)]
        return found[0] if len(found) == 1 else None

    def lead_speaker(self, start: int, lo: int, prev_speaker: int | None) -> tuple[int | None, str]:
        """'X said: “...' / 'X called it “...' / 'according to X, “...' / '... and said, “...' before a quote."""
        text = self.text
        words_of = _IN_WORDS.search(text, lo, start)
        if words_of and words_of.end() == start:
            pid = self.mentions.by_end.get(words_of.start(1))
            if pid is not None:
                return pid, "according-to"
        quoted = _QUOTED_AS_LEAD.search(text, lo, start)  # "The Times quoted X as saying “", "X was quoted as saying “"
        if quoted and _blank(text, quoted.end(), start):
            return self._quoted_as(quoted, lo)
        words = list(_WORD.finditer(text, lo, start))
        for k in range(len(words) - 1, -1, -1):
            word = words[k]
            low = word.group().casefold()
            if low == "according" and k + 1 < len(words) and words[k + 1].group() == "to":
                ref = self._ref_starting_at(words[k + 1].end() + 1, start)
                if ref is not None and ref.kind == "person":
                    return ref.person, "according-to"
                return None, ""
            if low not in QUOTE_VERBS or (word.group()[0].isupper() and k > 0) or _after_determiner(text, words, k):
                continue
            if low.endswith("ing") and k > 0:
                ref, _ = self._ref_ending_at(lo, word.start())
                if ref is not None and ref.kind == "person":  # "with Boswell stating: “...”"
                    return ref.person, "said-verb"
                # "he said, explaining that ... “...”": a participle continues the clause of the quote before
                return (prev_speaker, "said-verb") if prev_speaker is not None else (None, "")
            if len(words) - k - 1 > LEAD_GAP_WORDS:  # "X asked officials how ... stored in “...”": not its tag,
                return self._distant_report(word, start, lo)  # unless X said / told ... that ... “...”
            ref, ref_start = self._ref_ending_at(lo, word.start())
            if ref is None:
                before = words[k - 1].group().casefold() if k > 0 else ""
                if before in _COORDINATORS or text[lo : word.start()].strip() == "":
                    if prev_speaker is not None:
                        return prev_speaker, "said-verb"
                    return self._coordinated_subject(lo, words[k - 1].start() if k > 0 else word.start())
                return None, ""
            # a pronoun is read where it stands: "He described Montalvo as “...”" is not ambiguous by Montalvo;
            # never to the one spoken to ("she said to Mademoiselle Bourienne: “...”")
            if ref.kind == "pronoun":
                addressed = {pid for _, _, pid in self.mentions.between(word.end(), start)}
                return self._resolve(ref, ref_start, exclude=addressed)
            return self._resolve(ref, start)
        return None, ""

    def _quoted_as(self, quoted: re.Match[str], lo: int) -> tuple[int | None, str]:
        named = self.mentions.between(quoted.start("object"), quoted.end("object")) if quoted.group("object") else []
        if named:
            return (named[0][2], "said-verb") if len({pid for _, _, pid in named}) == 1 else (None, "")
        ref, _ = self._ref_ending_at(lo, quoted.start())  # passive: the subject before "was quoted"
        return (ref.person, "said-verb") if ref is not None and ref.kind == "person" else (None, "")

    def _distant_report(self, verb: re.Match[str], start: int, lo: int) -> tuple[int | None, str]:
        """A quoted fragment in the complement of "X said / told ... / detailed how ..." far from the verb: X, when
        X (or their pronoun) is the subject of the sentence, the verb is one of reported speech, and no one named
        between is the author of other words (a possessive, or a name followed by a speech verb)."""
        if verb.group() not in _DISTANT_VERBS or len(_WORD.findall(self.text, verb.end(), start)) > DISTANT_GAP_WORDS:
            return None, ""
        if re.search(r"[;:”\"]", self.text[verb.end() : start]):
            return None, ""
        ref, ref_start = self._ref_ending_at(lo, verb.start())
        if ref is None or ref.kind == "title":
            return None, ""
        if ref.kind == "person" and (_sentence_subject(self, lo, verb.start()) or (None,))[0] != ref.person:
            return None, ""
        if ref.kind == "pronoun" and not _leads_clause(self.text, lo, ref_start):
            return None, ""
        if any(self._speaks(s, e) for s, e, _ in self.mentions.between(verb.end(), start)):
            return None, ""
        return self._resolve(ref, verb.start())

    def _speaks(self, s: int, e: int) -> bool:
        """The mention at ``s:e`` is a possessive or the subject of a speech verb ("Berg's remark", "Berg told")."""
        if self._possessive_after(e):
            return True
        following = _WORD.findall(self.text, e, min(len(self.text), e + 40))[:3]
        return any(w.casefold() in QUOTE_VERBS for w in following)

    def _clause_subject(self, lo: int, pos: int) -> tuple[_Ref | None, int]:
        """The subject of the clause a coordinated verb shares ("she turned to him and said"): the nearest he/she
        before ``pos``, or the nearest person followed by a verb, whichever comes later; (None, pos) if none."""
        for word in reversed(list(_WORD.finditer(self.text, lo, pos))[-ATTRIBUTION_WORDS:]):
            low = word.group().casefold()
            if low in _PRONOUN_GENDER:
                return _Ref("pronoun", word=low), word.start()
            pid = self.mentions.by_end.get(word.end())
            if pid is not None and not self._in_quote(word.start()):
                return (_Ref("person", pid), word.start()) if _verb_after(self.text, word.end()) else (None, pos)
        return None, pos

    def _coordinated_subject(self, lo: int, pos: int) -> tuple[int | None, str]:
        """"Steven Cheung attacked ... and said “...”": the nearest person mention followed by a verb-like word."""
        for s, e, pid in reversed(self.mentions.between(lo, pos)):
            if self._in_quote(s) or self._possessive_after(e):
                continue
            nxt = _WORD.match(self.text, e + 1) if self.text[e : e + 1] == " " else None
            if nxt and nxt.group().islower() and (nxt.group().endswith(("ed", "s")) or nxt.group() in QUOTE_VERBS):
                return pid, "said-verb"
        return None, ""

    def sentence_start(self, pos: int) -> int:
        sentence = self.doc.sentences[self.doc.sentence_index_at(pos)]
        return max(sentence.start, pos - CONTEXT_CHARS) if sentence.start <= pos else pos

    def add_event(self, pos: int, pid: int) -> None:
        self.speaker_events.append((pos, pid, self.doc.paragraph_index_at(pos)))

    def reported_speech(self, start: int, end: int, should_stop: Callable[[], bool] = _never) -> list[tuple[int, int]]:
        """(position, person) for "X said ..." clauses without quote marks in ``text[start:end]``."""
        found = []
        for n, match in enumerate(_REPORT_VERB.finditer(self.text, start, end)):
            if n % POLL_EVERY == 0:
                _poll(should_stop)
            if self._in_quote(match.start()):
                continue
            lo = self.sentence_start(match.start())
            ref, _ = self._ref_ending_at(max(lo, match.start() - 200), match.start())
            if ref is not None and ref.kind == "person":
                found.append((match.start(), ref.person))
        return found


def attribute(doc: Document, raws: list[_Raw], people: Sequence[Person], should_stop: Callable[[], bool] = _never
              ) -> list[Quote]:
    """The speaker of each located quote (rules in the module docstring); unattributed when unsure. [] when
    ``should_stop`` returned True (polled as it works)."""
    try:
        return _attribute(doc, raws, people, should_stop)
    except _Stopped:
        return []


def _attribute(doc: Document, raws: list[_Raw], people: Sequence[Person], should_stop: Callable[[], bool]
               ) -> list[Quote]:
    if not raws:
        return []
    _poll(should_stop)
    att = _Attributor(doc, people)
    _poll(should_stop)
    text = doc.text
    att.quote_spans = [(r.parts[0][0], r.parts[-1][1]) for r in raws]
    paragraphs = doc.paragraphs
    reported = att.reported_speech(0, len(text), should_stop) if people else []
    dialogue = att.dialogue = _has_dialogue(text, raws, paragraphs)
    exchange = _Exchange(text, paragraphs, att)
    group_start = 0  # the first quote of the current paragraph
    r_index = 0
    speakers: list[int | None] = []
    hows: list[str] = []
    for qi, raw in enumerate(raws):
        if qi % POLL_EVERY == 0:
            _poll(should_stop)
        q_start, q_end = raw.parts[0][0], raw.parts[-1][1]
        while r_index < len(reported) and reported[r_index][0] < q_start:
            att.add_event(*reported[r_index])
            r_index += 1
        pid: int | None = None
        how = ""
        caption = raw.paragraph in exchange.captions
        if not qi or raws[qi - 1].paragraph != raw.paragraph:
            group_start = qi
            if not caption:
                exchange.begin(raw.paragraph)
        last_of_group = qi + 1 == len(raws) or raws[qi + 1].paragraph != raw.paragraph
        if people:
            para = paragraphs[raw.last_paragraph]
            next_start = raws[qi + 1].parts[0][0] if qi + 1 < len(raws) else len(text)
            # 1. the clause right after the first part (the gap of an interrupted quote), then after the end
            for s, e in raw.parts[:1] + raw.parts[-1:]:
                limit = min(para.end if e >= paragraphs[raw.paragraph].end else paragraphs[raw.paragraph].end,
                            next_start)
                if e == q_end:
                    limit = min(para.end, next_start)
                elif len(raw.parts) > 1:
                    limit = raw.parts[1][0]
                pid, how = att.tail_speaker(e, max(limit, e), s)
                if pid is not None:
                    break
            # 2. the clause before it, in the same sentence (after any earlier quote)
            if pid is None:
                prev_end = raws[qi - 1].parts[-1][1] if qi else 0
                lo = max(att.sentence_start(q_start), paragraphs[raw.paragraph].start, prev_end)
                same_sentence_prev = speakers[-1] if qi and prev_end > att.sentence_start(q_start) else None
                pid, how = att.lead_speaker(q_start, lo, same_sentence_prev)
            # 2b. "X: “...”" / "Sunak defended the record ...: “...”": the subject of the sentence the colon ends
            if pid is None and _sentence_like(text, raw):
                pid, how = _colon_subject(att, q_start, max(att.sentence_start(q_start), paragraphs[raw.paragraph].start))
            # 2c. the sentence after "X issued a statement ...": “...”
            if pid is None and _sentence_like(text, raw):
                pid, how = _statement_before(att, q_start, paragraphs[raw.paragraph])
            # 2d. the sentence after "X (also) said the council was wrong.": “...”
            if pid is None and _sentence_like(text, raw):
                pid, how = _reported_before(att, raw, paragraphs, dialogue)
            # rules 3 to 5 carry the speaker of the quote before, never against the quote's own "she said"
            carried_ok = qi and speakers[-1] is not None and _gender_fits(att.genders[speakers[-1]], _tag_gender(text, raw))
            # 3. the quote before it in the same paragraph, no one else named between
            if (pid is None and carried_ok and raws[qi - 1].last_paragraph == raw.paragraph
                    and _sentence_like(text, raw)):
                between = att.mentions.between(raws[qi - 1].parts[-1][1], q_start)
                if all(p == speakers[-1] for _, _, p in between):
                    pid, how = speakers[-1], "same-paragraph"
            # 3b. '“dangerous” and “ideological”': a term coordinated with the quote just before it
            if (pid is None and carried_ok and raws[qi - 1].last_paragraph == raw.paragraph
                    and _COORDINATED_GAP.fullmatch(text, raws[qi - 1].parts[-1][1], q_start)):
                pid, how = speakers[-1], "coordinated"
            # 3c. 'X said he was “shocked” by the decision and “saddened” by the vote': a later fragment of the
            # same sentence, with no one named and no other speech verb between
            if pid is None and carried_ok and raws[qi - 1].last_paragraph == raw.paragraph:
                gap_start = raws[qi - 1].parts[-1][1]
                gap = _WORD.findall(text, gap_start, q_start)
                if (gap_start > att.sentence_start(q_start) and len(gap) <= ATTRIBUTION_WORDS
                        and not att.mentions.between(gap_start, q_start)
                        and not any(w.casefold() in QUOTE_VERBS for w in gap)):
                    pid, how = speakers[-1], "same-sentence"
            # 4. a quote-only paragraph after "X said:"
            if pid is None and _untagged_turn(text, raw, paragraphs) and raw.paragraph > 0:
                pid, how = _lead_in_paragraph(att, paragraphs[raw.paragraph - 1])
                # 5. news: a quote-only paragraph goes on with the quote that ended the paragraph before
                if pid is None and not dialogue and carried_ok:
                    prev = raws[qi - 1]
                    prev_para = paragraphs[prev.last_paragraph]
                    after = att.mentions.between(prev.parts[-1][1], min(prev_para.end, prev.parts[-1][1] + CONTEXT_CHARS))
                    close = prev_para.end - prev.parts[-1][1] < CONTEXT_CHARS
                    if close and prev.last_paragraph == raw.paragraph - 1 and all(p == speakers[-1] for _, _, p in after):
                        pid, how = speakers[-1], "continuation"
            # 5b. news: a quote-only paragraph followed by "He added that ..." / "Tom Hale went on to say ..."
            if pid is None and not dialogue and _quote_only(text, raw, paragraphs):
                pid, how = _added_after(att, raw, paragraphs)
            # 5c. news: a quote-only paragraph after a paragraph about one person, who opens its last sentence
            if pid is None and not dialogue and _quote_only(text, raw, paragraphs) and raw.paragraph > 0:
                pid, how = _subject_of_paragraph_before(att, raw, paragraphs)
            # 6. an untagged turn of an exchange: the one the turn before was talking with
            if pid is None and not caption and group_start == qi and last_of_group and _untagged_turn(text, raw, paragraphs):
                pid = exchange.expect(raw)
                how = "turn-taking" if pid is not None else ""
        if pid is not None and how != "turn-taking" and _named_in_quote(att, raw, pid, vocative_only=how != "pronoun"):
            pid, how = None, ""  # “Dunyásha, you pack!”: not Dunyásha; “a letter from Prince Andrew,” he said: not him
        if pid is not None and how != "turn-taking":  # a turn given by place is too weak to anchor a later "he"
            att.add_event(q_start, pid)
        speakers.append(pid)
        hows.append(how)
        if last_of_group and not caption:
            exchange.end(raws[group_start : qi + 1], {p for p in speakers[group_start:] if p is not None})
    if people:
        _poll(should_stop)
        _turn_taking(text, raws, speakers, hows, paragraphs, att)
    return [
        _to_quote(raw, people[pid].key if pid is not None else None, hows[i] if pid is not None else None)
        for i, (raw, pid) in enumerate(zip(raws, speakers))
    ]


_COORDINATED_GAP = re.compile(r" ?(?:, ?)?(?:and |or )?")


_PRONOUN_TAG = re.compile(r"[\s,;:!?.\-—–]*(?:(he|she)\s+(\w+)|(\w+)\s+(he|she)\b)")


def _tag_gender(text: str, raw: _Raw) -> str | None:
    """"m" / "f" when a part of the quote is tagged with a pronoun (“...,” she said / said he), else None."""
    for _, end in raw.parts:
        match = _PRONOUN_TAG.match(text, end, end + 40)
        if match and (match.group(2) or match.group(3) or "").casefold() in QUOTE_VERBS:
            return _PRONOUN_GENDER[(match.group(1) or match.group(4)).casefold()]
    return None


def _gender_fits(gender: str | None, tag: str | None) -> bool:
    return tag is None or gender in (None, tag)


def _after_determiner(text: str, words: Sequence[re.Match[str]], k: int) -> bool:
    """Word ``k`` follows a determiner or a possessive ("the report", "Trump's answer"): a noun, not a verb."""
    if k == 0 or text[words[k - 1].end() : words[k].start()].strip():
        return False
    before = words[k - 1].group()
    return before.casefold() in _DETERMINERS or before.endswith(("'s", "’s"))


def _blank(text: str, start: int, end: int) -> bool:
    return _NON_SPACE.search(text, start, end) is None


_ADVERBIAL_OPENING = re.compile(r"^(?:[^,.;:!?“”\"]{1,80}),\s+$")  # "During Prime Minister's Questions Wednesday, "
COLON_SUBJECT_WORDS = 25
_APPOSITIVE = re.compile(r",(?: [\w.'’\-]+){1,8}, ")  # the most words from the subject to the colon


def _sentence_subject(att: _Attributor, lo: int, hi: int) -> tuple[int, int] | None:
    """(person, end of the mention) when a person opens ``text[lo:hi]`` as its subject, after at most a short
    opening adverbial ("During the debate, Sunak ..."); None for a possessive ("Raman's aide") or a later name."""
    text = att.text
    mentions = [m for m in att.mentions.between(lo, hi) if not att._in_quote(m[0])]
    if not mentions:
        return None
    s, e, pid = mentions[0]
    if att._possessive_after(e) or len(_WORD.findall(text, e, hi)) > COLON_SUBJECT_WORDS:
        return None
    opening = text[lo:s]
    titles = _WORD.findall(opening)
    if opening.strip() and not (_ADVERBIAL_OPENING.match(opening) and len(titles) <= 8) and not (
            len(titles) <= 3 and all(w[0].isupper() for w in titles) and not re.search(r"[,;:“”\"]", opening)):
        return None  # neither "During the debate, " nor a title ("U.S. Senator ")
    appositive = _APPOSITIVE.match(text, e, hi)  # "John Cornyn, Republican from Texas, issued"
    return pid, (appositive.end() - 1 if appositive else e)


def _leads_clause(text: str, lo: int, pos: int) -> bool:
    """``pos`` opens the sentence starting at ``lo``, after at most a short opening ending in a comma."""
    opening = text[lo:pos]
    return not opening.strip() or bool(_ADVERBIAL_OPENING.match(opening) and len(_WORD.findall(opening)) <= 8)


def _verb_after(text: str, e: int) -> bool:
    """A lowercase finite-looking verb right after a mention ("Sunak defended", "Raman says")."""
    verb = _WORD.match(text, e + 1) if text[e : e + 1] == " " else None
    return bool(verb and verb.group().islower() and (verb.group().endswith(("ed", "s")) or verb.group() in QUOTE_VERBS))


def _colon_subject(att: _Attributor, start: int, lo: int) -> tuple[int | None, str]:
    """The speaker of a quote right after a colon: "Priya Raman: “...”", or the person who is the subject of the
    sentence the colon ends ("Sunak defended the record: “...”")."""
    text = att.text
    colon = _rstrip(text, lo, start) if start > lo else lo
    if colon <= lo or text[colon - 1] != ":":
        return None, ""
    subject = _sentence_subject(att, lo, colon - 1)
    if subject is None:
        return None, ""
    pid, e = subject
    if _blank(text, e, colon - 1) or _verb_after(text, e):
        return pid, "colon"
    return None, ""


_ISSUED_STATEMENT = re.compile(r"\b(?:issued|released|published|posted|sent|put out|gave|wrote)\s+(?:\w+\s+){0,3}?"
                               r"(?:statement|letter|tweet|message|post|memo|note|response)\b")


def _statement_before(att: _Attributor, start: int, paragraph: Paragraph) -> tuple[int | None, str]:
    """A quote opening the sentence after "Cornyn ... issued a statement ...": the statement's author."""
    index = att.doc.sentence_index_at(start)
    sentence = att.doc.sentences[index]
    if index == 0 or not _blank(att.text, sentence.start, start):
        return None, ""
    before = att.doc.sentences[index - 1]
    if before.start < paragraph.start or not _blank(att.text, before.end, start):
        return None, ""
    subject = _sentence_subject(att, max(before.start, start - CONTEXT_CHARS), before.end)
    if subject is None or not _verb_after(att.text, subject[1]):
        return None, ""
    issued = _ISSUED_STATEMENT.search(att.text, subject[1], before.end)
    if issued is None or any(p != subject[0] for _, _, p in att.mentions.between(subject[1], issued.start())):
        return None, ""
    return subject[0], "statement"


def _reported_before(att: _Attributor, raw: _Raw, paragraphs: Sequence[Paragraph], dialogue: bool
                     ) -> tuple[int | None, str]:
    """A quote opening the sentence after one whose subject reports speech ("Wilkins also said Warhol was a
    businessman. “As a way to ...”"), in the same paragraph; in a text without dialogue also a quote-only
    paragraph after a paragraph ending so. The reporting sentence holds no quote, and no one named in it after
    the verb speaks (a possessive, or a name followed by a speech verb)."""
    text, doc = att.text, att.doc
    start = raw.parts[0][0]
    index = doc.sentence_index_at(start)
    sentence = doc.sentences[index]
    if index == 0 or not _blank(text, sentence.start, start):
        return None, ""
    before = doc.sentences[index - 1]
    para = paragraphs[raw.paragraph]
    if before.start < para.start:  # the reporting sentence ends the paragraph before
        if dialogue or raw.paragraph == 0 or not _quote_only(text, raw, paragraphs):
            return None, ""
        if before.start < paragraphs[raw.paragraph - 1].start or paragraphs[raw.paragraph - 1].kind != "text":
            return None, ""
    elif not _blank(text, before.end, start):
        return None, ""
    lo = max(before.start, before.end - CONTEXT_CHARS)
    if att._quote_within(lo, before.end):
        return None, ""
    words = list(islice(_WORD.finditer(text, lo, before.end), ATTRIBUTION_WORDS + 8))
    for k, word in enumerate(words):
        if word.group() not in REPORT_VERBS or _after_determiner(text, words, k):
            continue
        ref, ref_start = att._ref_ending_at(lo, word.start())
        if ref is None or ref.kind == "title" or not _leads_clause(text, lo, ref_start):
            if ref is None or ref.kind != "person" or (_sentence_subject(att, lo, word.start()) or (None,))[0] != ref.person:
                return None, ""
        if any(att._speaks(s, e) for s, e, _ in att.mentions.between(word.end(), before.end)):
            return None, ""
        pid, _how = att._resolve(ref, word.start())
        return (pid, "next-sentence") if pid is not None else (None, "")
    return None, ""


_GOES_ON = re.compile(r"\s*(?:(?:also|further|later)\s+)?(?:added|continued|went on)\b")


def _added_after(att: _Attributor, raw: _Raw, paragraphs: Sequence[Paragraph]) -> tuple[int | None, str]:
    """A quote-only paragraph whose next paragraph opens with its speaker going on: “...” ¶ "He added that the
    council would meet." / "Tom Hale also added ..." (news, where a quote is followed by the rest of the speech)."""
    index = raw.last_paragraph + 1
    if index >= len(paragraphs) or paragraphs[index].kind != "text":
        return None, ""
    text = att.text
    start = paragraphs[index].start
    first = _WORD.match(text, start)
    if first is None:
        return None, ""
    if first.group().casefold() in _PRONOUN_GENDER:
        ref, end = _Ref("pronoun", word=first.group().casefold()), first.end()
    else:
        mention = att.mentions.by_start.get(start)
        if mention is None:
            return None, ""
        end, pid = mention
        ref = _Ref("person", pid)
    if not _GOES_ON.match(text, end):
        return None, ""
    pid, _how = att._resolve(ref, raw.parts[0][0])  # "he" is whoever spoke before the quote
    return (pid, "goes-on") if pid is not None else (None, "")


def _subject_of_paragraph_before(att: _Attributor, raw: _Raw, paragraphs: Sequence[Paragraph]
                                 ) -> tuple[int | None, str]:
    """“Maria Lopez has run the harbour for ten years.” ¶ “It has never been this bad.”: the paragraph before
    names one person only, holds no quote, follows no quote, and its last sentence opens with them (or he/she)."""
    para = paragraphs[raw.paragraph - 1]
    if para.kind != "text" or att._quote_within(para.start, para.end):
        return None, ""
    if raw.paragraph > 1 and att._quote_within(paragraphs[raw.paragraph - 2].start, paragraphs[raw.paragraph - 2].end):
        return None, ""  # “...?” said Anna. ¶ Clara looked away. ¶ “...”: a conversation, whose turns are not known
    named = {pid for _, _, pid in att.mentions.between(para.start, para.end)}
    if len(named) != 1:
        return None, ""
    pid = named.pop()
    last = att.doc.sentences[att.doc.sentence_index_at(max(para.start, para.end - 1))]
    opening = _WORD.match(att.text, max(last.start, para.start))
    if opening is None:
        return None, ""
    word = opening.group().casefold()
    if word in _PRONOUN_GENDER:
        return (pid, "paragraph-before") if att.genders[pid] == _PRONOUN_GENDER[word] else (None, "")
    first = att.mentions.between(opening.start(), para.end)[:1]
    if first and first[0][2] == pid and att._starts_sentence(first[0][0]) and not att._possessive_after(first[0][1]):
        return pid, "paragraph-before"
    return None, ""


def _untagged_turn(text: str, raw: _Raw, paragraphs: Sequence[Paragraph]) -> bool:
    """A paragraph that is only this quote, with no tag between its parts ("“Ay,” cried her mother, “and ...”" has
    one, naming someone who is not on the People list: that turn is not anyone's by place)."""
    if not _quote_only(text, raw, paragraphs):
        return False
    return not any(w.casefold() in QUOTE_VERBS for a, b in zip(raw.parts, raw.parts[1:]) for w in _WORD.findall(text, a[1], b[0]))


def _quote_only(text: str, raw: _Raw, paragraphs: Sequence[Paragraph]) -> bool:
    first = paragraphs[raw.paragraph]
    last = paragraphs[raw.last_paragraph]
    return _blank(text, first.start, raw.parts[0][0]) and _blank(text, raw.parts[-1][1], last.end)


_LEAD_IN_END = re.compile(r"(?::|,|;)?\s*(?:--|—|–)?\s*$")
_BY_SPEAKER = re.compile(r"\bby\s+(?:[A-Z][\w.]*\s+){0,3}?$")


def _sentence_like(text: str, raw: _Raw) -> bool:
    """Speech rather than a term in quotes ('To “route out” in Scientology jargon'): a capital or five words."""
    start, end = raw.parts[0]
    body = text[start + 1 : end].lstrip(" .…'‘_*")
    return bool(body) and (body[0].isupper() or len(body.split()) >= 5)


def _opens_paragraph(text: str, raw: _Raw, paragraphs: Sequence[Paragraph]) -> bool:
    return _blank(text, paragraphs[raw.paragraph].start, raw.parts[0][0])


def _has_dialogue(text: str, raws: list[_Raw], paragraphs: Sequence[Paragraph]) -> bool:
    """Three adjacent paragraphs that are nothing but a quote: a text with dialogue (a novel), where a quote-only
    paragraph after a quote is the other speaker's turn, not the same speaker going on (as in news)."""
    run = 0
    last = -2
    for raw in raws:
        if raw.paragraph == last:
            continue
        if _quote_only(text, raw, paragraphs):
            run = run + 1 if raw.paragraph == last + 1 else 1
            if run >= 3:
                return True
        else:
            run = 0
        last = raw.last_paragraph
    return False


def _lead_in_paragraph(att: _Attributor, para: Paragraph) -> tuple[int | None, str]:
    """The speaker a paragraph ending in "X said:" / "X replied, with great intrepidity,--" introduces; also
    "... when thus accosted by Miss Bingley,--"; a paragraph ending in a colon that names one person only."""
    body = att.text[max(para.start, para.end - CONTEXT_CHARS) : para.end].rstrip()
    offset = max(para.start, para.end - CONTEXT_CHARS)
    tail = _LEAD_IN_END.search(body)
    marker = body[tail.start() :].strip() if tail else ""
    if not marker or marker == ";":
        return None, ""
    end = offset + tail.start()
    lo = max(att.sentence_start(end - 1), para.start)
    words = list(_WORD.finditer(att.text, lo, end))
    for k in range(len(words) - 1, -1, -1):
        match = words[k]
        if match.group().casefold() in QUOTE_VERBS and not _after_determiner(att.text, words, k):
            ref, ref_start = att._ref_ending_at(lo, match.start())
            if ref is None and k and words[k - 1].group() == "and":  # "..., she turned to him and said,--"
                ref, ref_start = att._clause_subject(lo, words[k - 1].start())
            pid, how = att._resolve(ref, ref_start if ref is not None and ref.kind == "pronoun" else end)
            return (pid, "lead-in") if pid is not None else (None, "")
    last = att.mentions.between(lo, end)
    if last and _BY_SPEAKER.search(att.text, lo, last[-1][0]) and att.text[last[-1][1] : end].strip(" ,") == "":
        return last[-1][2], "lead-in"  # "accosted by Miss Bingley,--"
    if marker.startswith(":"):
        people = {pid for _, _, pid in last}
        if len(people) == 1:
            return people.pop(), "lead-in"
    return None, ""


def _turn_taking(text: str, raws: list[_Raw], speakers: list[int | None], hows: list[str],
                 paragraphs: Sequence[Paragraph], att: _Attributor) -> None:
    """Quote-only paragraphs in a run of dialogue take turns: A, B, then A, B, ... (two speakers alternating)."""
    # one entry per paragraph that holds quotes: (paragraph, quote indices)
    by_paragraph: list[tuple[int, list[int]]] = []
    for i, raw in enumerate(raws):
        if not (by_paragraph and by_paragraph[-1][0] == raw.paragraph) and not _opens_paragraph(text, raw, paragraphs):
            continue  # a turn of dialogue opens its paragraph with the quote; narration with a quote is not one
        if by_paragraph and by_paragraph[-1][0] == raw.paragraph:
            by_paragraph[-1][1].append(i)
        else:
            by_paragraph.append((raw.paragraph, [i]))
    turn_speaker: list[int | None] = []
    for indices in (ix for _, ix in by_paragraph):
        own = {speakers[i] for i in indices}
        turn_speaker.append(own.pop() if len(own) == 1 else None)

    def adjacent(n: int, m: int) -> bool:  # turn m follows turn n directly (no narration between)
        return raws[by_paragraph[n][1][-1]].last_paragraph + 1 == by_paragraph[m][0]

    def fill(n: int, a_at: int, b_at: int) -> None:
        indices = by_paragraph[n][1]
        if turn_speaker[n] is not None or len(indices) != 1 or not _untagged_turn(text, raws[indices[0]], paragraphs):
            return
        if not (0 <= a_at < len(by_paragraph) and 0 <= b_at < len(by_paragraph)):
            return
        lo, hi = min(n, a_at, b_at), max(n, a_at, b_at)
        if not all(adjacent(k, k + 1) for k in range(lo, hi)):
            return
        a, b = turn_speaker[a_at], turn_speaker[b_at]
        if a is None or b is None or a == b:
            return
        beyond = a_at + (a_at - b_at)  # the turn before A, B (or after B, A): a third speaker makes it no pair
        if (0 <= beyond < len(by_paragraph) and adjacent(min(beyond, a_at), max(beyond, a_at))
                and turn_speaker[beyond] not in (None, a, b)):
            return
        q = raws[indices[0]]
        if any(pid == a for _, _, pid in att.mentions.between(q.parts[0][0], q.parts[-1][1])):
            return  # "Impossible, Mr. Bennet": the person addressed is not the one speaking
        speakers[indices[0]] = a
        hows[indices[0]] = "turn-taking"
        turn_speaker[n] = a

    _alternate_runs(text, raws, by_paragraph, turn_speaker, speakers, hows, paragraphs, att, adjacent)
    for n in range(len(by_paragraph)):  # A, B, [A]
        fill(n, n - 2, n - 1)
    for n in range(len(by_paragraph) - 1, -1, -1):  # [A], B, A
        fill(n, n + 2, n + 1)


_VOCATIVE_BEFORE = re.compile(r"(?:,|[“\"«‘'_])\s*(?:(?:[Mm]y\s+)?(?:[Dd]ear|[Dd]earest|[Gg]ood)\s+)?"
                              r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lady|Lord|Colonel|Captain)\.?\s+)?$")
_VOCATIVE_AFTER = re.compile(r"\s*[,!?.;]")


def _named_in_quote(att: _Attributor, raw: _Raw, pid: int, vocative_only: bool) -> bool:
    """The person is spoken to by name in the quote (a vocative), or, unless ``vocative_only``, named in it at all."""
    for s, e in raw.parts:
        for ms, me, other in att.mentions.between(s, e):
            if other != pid:
                continue
            if not vocative_only or (_VOCATIVE_BEFORE.search(att.text, max(s, ms - 24), ms)
                                     and _VOCATIVE_AFTER.match(att.text, me)):
                return True
    return False


def _addressee(text: str, raw: _Raw, speaker: int, att: _Attributor, para_end: int) -> int | None:
    """The one person a turn speaks to: named in a vocative inside the quote ("Did not you think, Mr. Darcy,
    that ...", "Mr. Bennet, how can you ...") or after the tag ("said she to Charlotte"); None if not one."""
    found = set()
    only_name = len(att.mentions.between(raw.parts[0][0], raw.parts[-1][1])) == 1 and sum(
        len(_WORD.findall(text, s, e)) for s, e in raw.parts) == 1  # “Bingley.”: an answer, nobody is spoken to
    for s, e in raw.parts:
        for ms, me, pid in att.mentions.between(s, e):
            if only_name:
                continue
            if _VOCATIVE_BEFORE.search(text, max(s, ms - 24), ms) and _VOCATIVE_AFTER.match(text, me):
                found.add(pid)
    gaps = [(a[1], b[0]) for a, b in zip(raw.parts, raw.parts[1:])] + [(raw.parts[-1][1], para_end)]
    for lo, hi in gaps:
        for ms, _me, pid in att.mentions.between(lo, min(hi, lo + 120)):
            if re.search(r"\bto\s+$", text[max(lo, ms - 4) : ms]) and not att._possessive_after(_me):
                found.add(pid)
    found.discard(speaker)
    return found.pop() if len(found) == 1 else None


class _Exchange:
    """An exchange of adjacent paragraphs, followed as the quotes are attributed: a quote-only paragraph whose
    speaker is not given answers the turn before it: the person that turn addressed by name, else the speaker
    before that one (A, B, A, ...). Between two turns may stand an illustration caption, a short narration naming
    no one ("This was invitation enough."), or one in which the person whose turn it was acts instead of speaking
    ("Mr. Darcy bowed.", "Mr. Bennet made no answer."; the other one then speaks again). Any other narration, or
    a quote whose speaker is unknown and narration around it, ends the exchange; a person named in the quote is
    not its speaker. Among three or more recent speakers only a turn addressed by name is followed."""

    def __init__(self, text: str, paragraphs: Sequence[Paragraph], att: _Attributor) -> None:
        self.text, self.paragraphs, self.att = text, paragraphs, att
        self.captions = _caption_paragraphs(text, paragraphs)
        self.last: int | None = None  # the speaker of the previous turn
        self.other: int | None = None  # the one that speaker is talking with
        self.addressed = False  # the previous turn named ``other``
        self.recent: list[int] = []  # the speakers of the exchange's last turns
        self.prev_para = -2

    def reset(self) -> None:
        self.last = self.other = None
        self.recent = []

    def begin(self, paragraph: int) -> None:
        """The first quote of ``paragraph``: carry the exchange over the paragraphs since the last turn, or end it."""
        between = [k for k in range(self.prev_para + 1, paragraph) if k not in self.captions]
        if self.prev_para < 0 or len(between) > 2:
            self.reset()
            return
        for k in between:
            self._narration(self.paragraphs[k])

    def _narration(self, para: Paragraph) -> None:
        if para.end - para.start > NARRATION_BRIDGE_CHARS or self.last is None or self.other is None:
            self.reset()
            return
        named = self.att.mentions.between(para.start, para.end)
        if not named:  # "They were silent for a while." / "The driver’s eyes sparkled": anyone may speak next
            self.reset()
            return
        s, e, pid = named[0]
        opens = self.att.doc.sentences[self.att.doc.sentence_index_at(s)].start <= para.start and self.att._starts_sentence(s)
        answers = _WORDLESS_ANSWER.search(self.text, e, para.end) is not None
        if (pid == self.other and all(p == pid for _, _, p in named) and opens and answers
                and not self.att._possessive_after(e)):
            self.last, self.other = self.other, self.last  # they took their turn without a word
        else:
            self.reset()

    def expect(self, raw: _Raw) -> int | None:
        """The speaker of an untagged quote-only turn, or None (which ends the exchange when it cannot go on)."""
        if self.last is None or self.other is None:
            return None
        if len(set(self.recent[-4:])) >= 3 and not self.addressed:
            return None  # "Ay, so it is," cried her mother (after Kitty and Elizabeth): not a conversation of two
        named = {pid for _, _, pid in self.att.mentions.between(raw.parts[0][0], raw.parts[-1][1])}
        if self.other in named:
            self.reset()
            return None
        return self.other

    def end(self, group: Sequence[_Raw], known: set[int]) -> None:
        """A paragraph's quotes are attributed (``known``: their speakers)."""
        para_end = self.paragraphs[group[-1].last_paragraph].end
        self.prev_para = group[-1].last_paragraph
        if len(known) != 1:
            self.reset()
            return
        speaker = next(iter(known))
        addressed = _addressee(self.text, group[-1], speaker, self.att, para_end)
        if speaker != self.last:
            self.other = self.last
        self.last = speaker
        self.recent.append(speaker)
        self.addressed = addressed is not None
        if addressed is not None:
            self.other = addressed


# what the one whose turn it was did instead ("made no answer", "replied that he had not", "bowed"); not any
# action ("Princess Mary again shook her head" may well go on to speak)
_WORDLESS_ANSWER = re.compile(r"\b(?:made no (?:answer|reply)|did not (?:answer|reply)|gave no (?:answer|reply)|"
                              r"replied|answered|bowed|nodded)\b")
NARRATION_BRIDGE_CHARS = 200  # the longest narration paragraph an exchange goes on over


def _caption_paragraphs(text: str, paragraphs: Sequence[Paragraph]) -> set[int]:
    """Paragraphs of "[Illustration: ... ]" blocks (Project Gutenberg captions), up to the one closing the bracket."""
    found: set[int] = set()
    k = 0
    while k < len(paragraphs):
        if text.startswith("[Illustration", paragraphs[k].start):
            for j in range(k, min(k + 6, len(paragraphs))):
                found.add(j)
                if text[paragraphs[j].start : paragraphs[j].end].rstrip().endswith("]"):
                    break
            k = max(found) + 1
        else:
            k += 1
    return found


def _alternate_runs(text: str, raws: list[_Raw], by_paragraph: list[tuple[int, list[int]]],
                    turn_speaker: list[int | None], speakers: list[int | None], hows: list[str],
                    paragraphs: Sequence[Paragraph], att: _Attributor, adjacent: Callable[[int, int], bool]) -> None:
    """A run of adjacent dialogue paragraphs whose known turns (at least three) all fit two speakers taking
    strict turns (S at even places, T at odd): its unknown quote-only turns get their speaker by place."""
    n = 0
    while n < len(by_paragraph):
        m = n
        while m + 1 < len(by_paragraph) and adjacent(m, m + 1):
            m += 1
        run = range(n, m + 1)
        known = {k: turn_speaker[k] for k in run if turn_speaker[k] is not None}
        by_parity: dict[int, set[int]] = {0: set(), 1: set()}
        for k, pid in known.items():
            by_parity[(k - n) % 2].add(pid)
        if (len(known) >= 3 and len(by_parity[0]) == 1 and len(by_parity[1]) == 1
                and by_parity[0] != by_parity[1]):
            for k in run:
                indices = by_paragraph[k][1]
                if turn_speaker[k] is not None or len(indices) != 1:
                    continue
                q = raws[indices[0]]
                if not _untagged_turn(text, q, paragraphs):
                    continue
                pid = next(iter(by_parity[(k - n) % 2]))
                if any(p == pid for _, _, p in att.mentions.between(q.parts[0][0], q.parts[-1][1])):
                    continue  # addressed by name: not the speaker
                speakers[indices[0]] = pid
                hows[indices[0]] = "turn-taking"
                turn_speaker[k] = pid
        n = m + 1


def find_quotes(doc: Document, people: Sequence[Person], should_stop: Callable[[], bool] = _never) -> list[Quote]:
    """Every quotation of ``doc`` in document order, each attributed to one of ``people`` when the text says.

    ``should_stop`` is polled while it works (every 64 paragraphs, quotes or tags); when it returns True
    the work gives up and returns [] (not a result: the caller checks ``should_stop`` again, as for people)."""
    try:
        return attribute(doc, merge_interrupted(doc.text, _locate(doc.text, doc.paragraphs, should_stop)), people,
                         should_stop)
    except _Stopped:
        return []
