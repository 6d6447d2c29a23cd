"""Names in results tables, scorer lists and all-caps headlines: lines with no context words.

1. **Results lines** ("1. Takuya Takagi (Japan) 2:05.3", "Pete Sampras (U.S.) beat Michael Chang (U.S.)
   6-4"): a name of two to four tokens, no title, no organisation/place word, not all ordinary words,
   directly followed by a bracketed country, nationality or short code ("(Japan)", "( USA )", "(U.S.)"),
   then a result (digits, "beat", "bt", "v", a comma or the end of the line); or by a bracketed club or
   anything capitalised when digits follow the bracket on the same line.
2. **Scorer lists** ("Bologna 2 (Kennet Andersson 31, Igor Kolyvanov 70 pen) Lazio 1 (Casiraghi 55)"):
   inside a bracket that follows a score ("<Club> 2 ("), every entry is a name and a minute; those names
   are people, a lone surname included. A name's last word is no organisation word and no ordinary English
   word unless a census surname ("Windows 95 (Microsoft Office 97, Internet Explorer 4)" is no list).
3. **Cricket scorecards**: a batting line ("M. Atherton c Moin Khan b Wasim Akram 31", "N. Hussain not out
   12") names the batsman at its start and the fielder and bowler after "c", "st" and "b"; a bowling line
   ("Wasim Akram 25-5-70-3") names the bowler at its start. A lone surname counts ("b Lara").
4. **Line-ups** ("Leeds: Martyn; Kelly, Wetherall, Palmer, Harte; Ford, Bowyer, Wallace (Rush 70); Yeboah."):
   a team and a colon or dash (at a line start or after a sentence end), then at least seven entries split by commas and at least one semicolon
   (the formation), each one to three capitalised words (a substitute in brackets with his minute), no
   entry a place, and at least half of them ending in a census surname: every entry names a player, and
   the team before it is no person ("Aston Villa: Bosnich; ...").
5. **All-caps headlines** ("CAMPESE TO PLAY"): a word of an all-caps line that is a token of a name the body
   accepts is a mention candidate (it adds no evidence; linking and propagation decide whose it is).

Rules 1 to 4 accept a form outright: they are meant to have precision near 1.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from reader.nlp.people import lexicon as lx
from reader.nlp.people.candidates import Candidate, country_like
from reader.nlp.people.lexicon import norm

Form = tuple[str, ...]

_BRACKET_AFTER = re.compile(r"[ \t]*\([ \t]*([^()\n]{1,40}?)[ \t]*\)([^\n]{0,24})")
_RESULT_AFTER = re.compile(r"^[ \t]*(?:[\d:.,+\-]|(?:beat|bt|v|vs|def)\b|,|;|$)")
# "\b\d{1,2}[ \t]*\(...\)" written digit first (the lookbehind is the \b), so the scan skips to digits: 3x faster
_SCORE_BRACKET = re.compile(r"\d(?<!\w\d)\d?[ \t]*\(([^()\n]{3,400})\)")
_SCORER = re.compile(
    r"^[ \t]*(?P<name>[^\W\d_][^\d,;()]{1,60}?)[ \t]+\d{1,3}(?:st|nd|rd|th)?(?:[ \t]*\+[ \t]*\d{1,2})?"
    r"(?:[ \t]*(?:pen|penalty|og|o\.g\.)\.?)?[ \t]*$"
)


def _plain_name(cand: Candidate) -> bool:
    """Two to four tokens that could be a person's name: no title, organisation or place word, not all
    ordinary words, not all capitals."""
    if cand.title or cand.org or not 2 <= len(cand.key) <= 4:
        return False
    places, nationalities = lx.places(), lx.nationalities()
    if " ".join(cand.key) in places:
        return False
    for tok, surface in zip(cand.key, cand.surface):
        if tok in places or tok in nationalities or lx.is_org_cue(tok) or lx.is_title_head(tok):
            return False
        if surface.isupper() and len(surface) > 2:
            return False
    return not all(lx.is_ordinary(t) for t in cand.key)


def results_line_forms(text: str, candidates: Iterable[Candidate]) -> set[Form]:
    """Forms named in results lines (rule 1)."""
    out: set[Form] = set()
    for cand in candidates:
        if not _plain_name(cand):
            continue
        m = _BRACKET_AFTER.match(text, cand.ctx_end)
        if not m:
            continue
        inside, after = m.group(1), m.group(2)
        if not inside[:1].isupper():
            continue
        if country_like(inside) and _RESULT_AFTER.match(after):
            out.add(cand.key)
        elif re.match(r"^[ \t]*\d", after):
            out.add(cand.key)
    return out


def scorer_forms(text: str, candidates: list[Candidate]) -> set[Form]:
    """Forms named as scorers in a bracket after a score (rule 2)."""
    spans: list[tuple[int, int]] = []
    for m in _SCORE_BRACKET.finditer(text):
        entries = [_SCORER.match(e) for e in re.split(r"[,;]", m.group(1))]
        if entries and all(e is not None and _name_like(e.group("name")) for e in entries):
            spans.append((m.start(1), m.end(1)))
    if not spans:
        return set()
    out: set[Form] = set()
    places = lx.places()
    for cand in candidates:
        if cand.org or cand.title or not 1 <= len(cand.key) <= 4 or " ".join(cand.key) in places:
            continue
        if any(s <= cand.start and cand.end <= e for s, e in spans):
            out.add(cand.key)
    return out


_LINE = re.compile(r"^[^\n]*$", re.M)
_CAP_WORD = r"[A-Z][\w'’.\-]*"
_NAME_PART = rf"{_CAP_WORD}(?:[ \t]+{_CAP_WORD}){{0,3}}"
_SCORECARD_WORD = rf"(?:{_CAP_WORD}|c|b|st|&|and|lbw|run|not|out|retired|hurt|hit|wicket|sub|[()])"
_BATTING = re.compile(  # the batsman, a dismissal, names and dismissal words only, then runs (balls, minutes)
    rf"^[ \t]*(?:\d{{1,2}}[.)]?[ \t]+)?{_NAME_PART}[ \t]+(?:c|st|b|lbw|run[ \t]+out|not[ \t]+out|retired|hit[ \t]+wicket)"
    rf"(?:[ \t]+{_SCORECARD_WORD})*[ \t]+\d{{1,3}}\*?(?:[ \t]+\d{{1,3}}){{0,3}}[ \t]*$"
)
_BOWLING = re.compile(rf"^[ \t]*{_NAME_PART}[ \t]+\d{{1,2}}(?:\.\d)?-\d{{1,2}}-\d{{1,3}}-\d{{1,2}}\b")
_DISMISSAL_WORD = re.compile(r"(?:^|[ \t])(?:c|st|b|&)[ \t]+$")


def scorecard_forms(text: str, candidates: list[Candidate]) -> set[Form]:
    """Forms named in cricket batting and bowling lines (rule 3)."""
    lines = [(m.start(), m.end()) for m in _LINE.finditer(text) if _BATTING.match(m.group()) or _BOWLING.match(m.group())]
    if not lines:
        return set()
    starts = [s for s, _ in lines]
    out: set[Form] = set()
    places = lx.places()
    for cand in candidates:
        i = bisect_right(starts, cand.start) - 1
        if i < 0 or cand.end > lines[i][1]:
            continue
        if cand.org or cand.title or not 1 <= len(cand.key) <= 4 or " ".join(cand.key) in places:
            continue
        before = text[lines[i][0] : cand.start]
        if before.strip(" \t0123456789.)") == "" or _DISMISSAL_WORD.search(before):
            out.add(cand.key)
    return out


def _name_like(name: str) -> bool:
    """A scorer entry's name: capitalised words, the last no ordinary English word unless a census surname
    ("Andersson", "Di Matteo"; not "Internet Explorer", "Microsoft Office")."""
    words = name.split()
    if not words or not all(w[:1].isupper() or w.lower() in lx.NAME_PARTICLES for w in words):
        return False
    last = norm(words[-1])
    return not lx.is_org_cue(last) and (last in lx.surnames() or not lx.is_ordinary(last))


_LINEUP_HEAD = re.compile(r"^[ \t]*[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,3}[ \t]*(?::|[ \t]-)[ \t]+")
_LINEUP_ENTRY = re.compile(
    r"^[ \t]*(?P<name>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,2})"
    r"(?:[ \t]*\([ \t]*(?P<sub>[A-Z][\w'’.\-]*(?:[ \t]+[A-Z][\w'’.\-]*){0,2})[ \t]+\d{1,3}(?:th)?[ \t]*\))?[ \t]*\.?[ \t]*$"
)
_MIN_LINEUP = 7
# the colon or dash after a team, then a name and a semicolon soon after: where a line-up may start
_LINEUP_START = re.compile(r"[:\-][ \t]+[A-Z][^;:\n]{0,40};")
_SENTENCE_END = re.compile(r"\.[ \t]+(?=[A-Z])")


def _piece_around(text: str, pos: int) -> tuple[int, int]:
    """The line holding ``pos``, or the piece of it between sentence ends (plain text joins a team's line-up
    lines into one paragraph: "... on Saturday. Leeds: Martyn; Kelly, ...; Yeboah. Everton: ...")."""
    line_start = text.rfind("\n", 0, pos) + 1
    line_end = text.find("\n", pos)
    line_end = len(text) if line_end < 0 else line_end
    start = max(line_start, text.rfind(". ", max(line_start, pos - 60), pos) + 2)
    m = _SENTENCE_END.search(text, pos, line_end)
    return start, (m.start() + 1 if m else line_end)


def _lineup_span(line: str) -> tuple[int, int] | None:
    """Where the entries of a line-up start and end (relative to its line or piece), or None (rule 4)."""
    head = _LINEUP_HEAD.match(line)
    if not head or ";" not in line[head.end() :]:
        return None
    body = line[head.end() :]
    entries = [_LINEUP_ENTRY.match(e) for e in re.split(r"[,;]", body)]
    if len(entries) < _MIN_LINEUP or not all(entries):
        return None
    names = [m.group("name") for m in entries] + [m.group("sub") for m in entries if m.group("sub")]
    places, surnames = lx.places(), lx.surnames()
    if any(norm(n) in places or norm(n.split()[-1]) in places for n in names):
        return None
    if 2 * sum(norm(n.split()[-1]) in surnames for n in names) < len(names):
        return None
    return head.end(), len(line)


@lru_cache(maxsize=2)
def _lineup_spans(text: str) -> tuple[tuple[int, int, int], ...]:
    """(head start, entries start, end) of every line-up in ``text`` (rule 4)."""
    if ";" not in text:
        return ()
    spans: list[tuple[int, int, int]] = []
    for m in _LINEUP_START.finditer(text):
        start, end = _piece_around(text, m.start())
        if spans and start < spans[-1][2]:
            continue
        if span := _lineup_span(text[start:end]):
            spans.append((start, start + span[0], start + span[1]))
    return tuple(spans)


def _forms_inside(spans: list[tuple[int, int]], candidates: list[Candidate]) -> set[Form]:
    """The forms of the candidates that lie inside one of the (start, end) ``spans``, in order."""
    starts = [s for s, _ in spans]
    out: set[Form] = set()
    for cand in candidates:
        i = bisect_right(starts, cand.start) - 1
        if i >= 0 and cand.end <= spans[i][1] and not cand.org and not cand.title and 1 <= len(cand.key) <= 3:
            out.add(cand.key)
    return out


def lineup_forms(text: str, candidates: list[Candidate]) -> set[Form]:
    """Forms named in the entries of line-up lines (rule 4)."""
    spans = _lineup_spans(text)
    return _forms_inside([(b, e) for _, b, e in spans], candidates) if spans else set()


def lineup_teams(text: str, candidates: list[Candidate]) -> set[Form]:
    """Forms written as the team before a line-up ("Aston Villa: Bosnich; ..."): clubs, not people."""
    spans = _lineup_spans(text)
    return _forms_inside([(h, b) for h, b, _ in spans], candidates) if spans else set()


def list_line_forms(text: str, candidates: list[Candidate]) -> set[Form]:
    """Forms that results lines, scorer lists, scorecards and line-ups name (rules 1 to 4)."""
    return (
        results_line_forms(text, candidates)
        | scorer_forms(text, candidates)
        | scorecard_forms(text, candidates)
        | lineup_forms(text, candidates)
    )


_CAPS_LINE = re.compile(r"^[^\n]*$", re.M)
_CAPS_WORD = re.compile(r"(?<![\w'’])[^\W\d_][^\W\d_'’\-]*(?:[-'’][^\W\d_]+)*")


def headline_candidates(text: str, accepted: set[Form]) -> list[Candidate]:
    """Candidates for the words of all-caps lines that are tokens of accepted names (rule 5)."""
    tokens_of_names = {t for form in accepted for t in form if len(t) > 1}
    if not tokens_of_names:
        return []
    out: list[Candidate] = []
    for line in _CAPS_LINE.finditer(text):
        s = line.group()
        if len(s) > 200 or not any(c.isalpha() for c in s) or any(c.islower() for c in s):
            continue
        words = list(_CAPS_WORD.finditer(text, line.start(), line.end()))
        if len(words) < 2:
            continue
        run: list[re.Match] = []
        for w in [*words, None]:
            if w is not None and norm(w.group()) in tokens_of_names and (not run or w.start() - run[-1].end() <= 2):
                run.append(w)
                continue
            if run:
                out.append(_candidate(run))
                run = []
            if w is not None and norm(w.group()) in tokens_of_names:
                run = [w]
    return out


def _candidate(words: list[re.Match]) -> Candidate:
    start, end = words[0].start(), words[-1].end()
    return Candidate(
        start=start,
        end=end,
        key=tuple(norm(w.group()) for w in words),
        surface=tuple(w.group() for w in words),
        offsets=tuple((w.start(), w.end()) for w in words),
        title=None,
        initial=True,
        first_in_run=True,
        last_in_run=True,
        ctx_start=start,
        ctx_end=end,
        org=False,
    )
