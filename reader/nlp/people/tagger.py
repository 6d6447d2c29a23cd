"""A learned person-name tagger: a linear-chain CRF (python-crfsuite) over word-type features.

The CRF marks each token ``P`` (part of a person's name) or ``O``. It is trained by ``tools/train_tagger.py``
on licence-clean data only (WikiGold, the Broad Twitter Corpus and GUM Wikinews person clusters; credits in
``reader/nlp/data/person_crf.CREDITS.txt``) and ships gzipped as ``reader/nlp/data/person_crf.crfsuite.gz``.

Features of a token (all binary):

- its word type: lowercase form, shape ("Xx", "X.", "XX", "d"), prefixes and suffixes, membership in the
  shipped lists (census given name with its rank band, census surname, ordinary English word, title, role
  noun, nationality, place, organisation cue, month/day, name particle);
- the same short description of the two tokens either side;
- where it stands: first of a sentence, first of a line, and what the line looks like (a list line that
  starts with a rank "1.", a line with digits and brackets like a results table, a line with no lowercase
  word, i.e. a headline or a table row);
- the heuristic detector's own decision (``H=acc`` in a candidate it accepts, ``H=cand`` in one it does not).

Speed: word-type features are computed once per distinct token and cached with their neighbour-prefixed
copies, and only the stretches of a sentence around capitalised tokens are tagged (a run of lowercase
words is never a mention in this pipeline), so a novel is tagged in seconds.
"""

from __future__ import annotations

import gzip
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Sequence
from functools import cache
from importlib import resources
from typing import NamedTuple

from reader.nlp.people import lexicon as lx
from reader.nlp.people.lexicon import norm

MODEL_NAME = "person_crf.crfsuite.gz"  # gzip of the crfsuite file, opened in memory
ENABLED = True  # False: the heuristic detector alone (bench/eval_ner.py --heuristic)
PERSON, OTHER = "P", "O"
_MARGIN = 2  # tokens kept either side of a capitalised token when a sentence is cut into stretches

# Words (letters, inner apostrophes/hyphens), a possessive as its own token, dotted abbreviations ("U.S.",
# "S."), numbers, any other single character.
_TOKEN = re.compile(
    r"(?:[^\W\d_]\.){2,}"  # U.S.
    r"|(?:Mr|Mrs|Ms|Mx|Dr|Prof|Sen|Rep|Gov|Gen|Lt|Col|Capt|Sgt|Adm|Rev|Hon|St|Jr|Sr|Maj|Cpl|Pvt|Mme|Mlle|Fr|Det|Insp)\."
    r"|[A-ZÀ-ÖØ-ÞА-Я]\.(?![^\W\d_])"  # an initial: S.
    r"|['’][sS]\b"
    r"|[^\W\d_](?:[^\W\d_]|['’](?![sS]\b)[^\W\d_]|-[^\W\d_])*"
    r"|[@#]\w+"
    r"|\d+(?:[.,:]\d+)*"
    r"|\S"
)
_RANK_START = re.compile(r"^\s*\d{1,3}[.)]\s")
_DIGIT = re.compile(r"\d")
_BRACKET_DIGIT = re.compile(r"\(\s*[^\W\d_]+.*?\)|\d+\s*\)")
_LOWER_WORD = re.compile(r"(?<![\w'’-])[a-z]{3,}\b")


class Token(NamedTuple):
    """One token with its offsets into the text (a named tuple: a novel's tagged sentences hold 140k of them)."""

    start: int
    end: int
    text: str


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    """Tokens of ``text[start:end]`` with offsets into ``text``."""
    return [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(text, start, len(text) if end is None else end)]


def _shape(tok: str) -> str:
    out = []
    for ch in tok[:12]:
        c = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not out or out[-1] != c:
            out.append(c)
    return "".join(out)


def _rank_band(rank: int) -> str:
    return "1" if rank <= 200 else "2" if rank <= 1000 else "3" if rank <= 5000 else "4"


@cache
def _lists():
    return lx.given_names(), lx.given_name_ranks(), lx.surnames(), lx.nationalities(), lx.places()


_TYPE_CACHE: dict[str, tuple[list[str], list[str], list[str], list[str], list[str]]] = {}


def _type_features(tok: str) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
    """Features of a word type: its own, and the short descriptions seen from one and two tokens away
    (left and right share the description, prefixed differently)."""
    cached = _TYPE_CACHE.get(tok)
    if cached is not None:
        return cached
    given, ranks, surnames, nationalities, places = _lists()
    key = norm(tok)
    shape = _shape(tok)
    own = [f"w={key}", f"s={shape}", f"p3={key[:3]}", f"x3={key[-3:]}", f"x2={key[-2:]}", f"x4={key[-4:]}"]
    brief = [f"s={shape}"]
    if tok[:1].isupper():
        own.append("cap")
    if tok.isupper() and len(tok) > 1:
        own.append("allcaps")
    if len(tok) == 1 or (len(tok) == 2 and tok.endswith(".")):
        own.append("short")
    flags: list[str] = []
    if key in given:
        flags.append("given")
        flags.append(f"given{_rank_band(ranks.get(key, 99999))}")
        flags.append(f"gender={given[key]}")
    if key in surnames:
        flags.append("surname")
        flags.append(f"surname{_rank_band(surnames[key] // 8)}")
    if lx.is_ordinary(key):
        flags.append("word")
    if lx.is_title_head(key):
        flags.append("title")
    elif lx.is_title_head(key, roles=True):
        flags.append("role")
    if key in lx.TITLE_MODIFIERS:
        flags.append("titlemod")
    if key in nationalities:
        flags.append("nat")
    if key in places:
        flags.append("place")
    if lx.is_org_cue(key):
        flags.append("org")
    if key in lx.MONTHS_DAYS:
        flags.append("date")
    if key in lx.STOP:
        flags.append("stop")
    if key in lx.SPEECH_VERBS:
        flags.append("speech")
    own += flags
    brief += flags
    brief.append(f"w={key}" if (key in lx.STOP or key in lx.SPEECH_VERBS or not tok[:1].isupper()) and len(key) < 16 else "w=?")
    cached = (
        own,
        ["-1" + f for f in brief],
        ["+1" + f for f in brief],
        ["-2" + f for f in brief[:1]] + ["-2" + brief[-1]],
        ["+2" + f for f in brief[:1]] + ["+2" + brief[-1]],
    )
    if len(_TYPE_CACHE) < 50_000:  # about 1 KB a word type
        _TYPE_CACHE[tok] = cached
    return cached


def _line_features(text: str, line_start: int, line_end: int) -> list[str]:
    line = text[line_start:line_end]
    out = []
    if _RANK_START.match(line):
        out.append("L=rank")
    if _DIGIT.search(line):
        out.append("L=digit")
        if _BRACKET_DIGIT.search(line):
            out.append("L=bracketdigit")
    if len(line) > 12 and not _LOWER_WORD.search(line):
        out.append("L=nolower")
    if line.count(",") >= 3:
        out.append("L=commas")
    return out


class Lines:
    """Line boundaries of a text and the features of each line, computed once."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self._features: dict[int, list[str]] = {}

    def start_of(self, offset: int) -> int:
        return self.starts[bisect_right(self.starts, offset) - 1]

    def features(self, line_start: int) -> list[str]:
        cached = self._features.get(line_start)
        if cached is None:
            i = bisect_right(self.starts, line_start)
            end = self.starts[i] - 1 if i < len(self.starts) else len(self.text)
            cached = self._features[line_start] = _line_features(self.text, line_start, end)
        return cached


def sequence_features(
    lines: Lines,
    tokens: Sequence[Token],
    marks: dict[int, str] | None = None,
    starts_sentence: bool = True,
    ends_sentence: bool = True,
) -> list[list[str]]:
    """Feature lists for ``tokens`` (a sentence or a stretch of one, in order); ``marks`` maps a token's start
    offset to the heuristic's decision for it ("acc" or "cand")."""
    text = lines.text
    types = [_type_features(t.text) for t in tokens]
    n = len(tokens)
    out: list[list[str]] = []
    for i, tok in enumerate(tokens):
        own, _, _, _, _ = types[i]
        feats = list(own)
        if i > 0:
            feats += types[i - 1][1]
            if i > 1:
                feats += types[i - 2][3]
        elif starts_sentence:
            feats.append("BOS")
        if i < n - 1:
            feats += types[i + 1][2]
            if i < n - 2:
                feats += types[i + 2][4]
        elif ends_sentence:
            feats.append("EOS")
        line_start = lines.start_of(tok.start)
        if tok.start - line_start < 8 and text[line_start : tok.start].strip() == "":
            feats.append("linestart")
        feats += lines.features(line_start)
        if marks:
            mark = marks.get(tok.start)
            if mark:
                feats.append("H=" + mark)
                if i > 0 and marks.get(tokens[i - 1].start):
                    feats.append("H-1=" + marks[tokens[i - 1].start])
        out.append(feats)
    return out


def stretches(tokens: Sequence[Token], first_is_sentence_start: bool = True) -> list[tuple[int, int]]:
    """Index ranges of ``tokens`` worth tagging: capitalised tokens with ``_MARGIN`` tokens either side,
    overlapping ranges merged. The first range of a sentence starts at its first token, so "BOS" keeps
    its meaning."""
    out: list[tuple[int, int]] = []
    n = len(tokens)
    for i, tok in enumerate(tokens):
        if not tok.text[:1].isupper():
            continue
        lo, hi = max(0, i - _MARGIN), min(n, i + _MARGIN + 1)
        if lo <= _MARGIN and first_is_sentence_start:
            lo = 0
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], hi)
        else:
            out.append((lo, hi))
    return out


_MODEL_OVERRIDE: list[str] = []
_MODEL_BYTES: list[bytes] = []


def use_model(path: str | None) -> None:
    """Tag with the model file at ``path`` instead of the shipped one (None: the shipped one again); for
    training and evaluation scripts."""
    _MODEL_OVERRIDE[:] = [path] if path else []
    _tagger.cache_clear()


@cache
def _tagger():
    import pycrfsuite

    tagger = pycrfsuite.Tagger()
    if _MODEL_OVERRIDE:
        tagger.open(_MODEL_OVERRIDE[0])
        return tagger
    model = gzip.decompress(resources.files("reader.nlp").joinpath("data", MODEL_NAME).read_bytes())
    _MODEL_BYTES[:] = [model]  # crfsuite reads the buffer in place: it must outlive the tagger
    tagger.open_inmemory(model)
    return tagger


def model_available() -> bool:
    """True when the shipped model file and python-crfsuite are both present."""
    try:
        _tagger()
    except (ImportError, OSError, FileNotFoundError):
        return False
    return True


def tag_person_spans(
    text: str,
    sentences: Iterable[tuple[int, int]],
    marks: dict[int, str] | None = None,
) -> list[tuple[int, int]]:
    """Character spans the CRF tags as person names, in order: maximal runs of ``P`` tokens inside a sentence
    (a possessive "'s" is never part of a name)."""
    tagger = _tagger()
    lines = Lines(text)
    spans: list[tuple[int, int]] = []
    for s_start, s_end in sentences:
        tokens = tokenize(text, s_start, s_end)
        for lo, hi in stretches(tokens):
            part = tokens[lo:hi]
            feats = sequence_features(lines, part, marks, lo == 0, hi == len(tokens))
            spans += runs_of(part, tagger.tag(feats))
    return spans


def person_probabilities(
    text: str, sentences: Iterable[tuple[int, int]], wanted: set[int], marks: dict[int, str] | None = None
) -> dict[int, float]:
    """The CRF's marginal probability that a token is part of a person's name, for the tokens starting at the
    offsets in ``wanted`` (only the stretches holding such tokens are tagged).

    A sentence is tokenized only in the pieces that hold a wanted offset (:func:`sentence_pieces`): the
    stretches, and so the probabilities, are exactly those of the whole sentence."""
    tagger = _tagger()
    lines = Lines(text)
    out: dict[int, float] = {}
    offsets = sorted(wanted)
    for s_start, s_end in sentences:
        for start, end, first, last in sentence_pieces(text, s_start, s_end, offsets):
            tokens = tokenize(text, start, end)
            for lo, hi in stretches(tokens, first):
                part = tokens[lo:hi]
                if not any(t.start in wanted for t in part):
                    continue
                tagger.set(sequence_features(lines, part, marks, first and lo == 0, last and hi == len(tokens)))
                for i, tok in enumerate(part):
                    if tok.start in wanted:
                        out[tok.start] = tagger.marginal(PERSON, i)
    return out


_MIN_CUT_CHARS = 100  # a shorter sentence is tokenized whole


# where a gap chunk's characters come from: Latin, Greek, Cyrillic, Latin/Greek extended, dashes and quotes
_GAP_RANGES = ((0x21, 0x52F), (0x1E00, 0x1FFF), (0x2010, 0x205E))


@cache
def _lowercase_gap() -> re.Pattern[str]:
    """Six or more chunks (whitespace-separated) with no upper-case character, each followed by whitespace:
    groups 1 and 3 are the first two and the last two chunks, group 2 the rest. A chunk holds only characters
    of ``_GAP_RANGES`` that are neither upper case nor whitespace (anything else might be upper case)."""
    runs: list[list[int]] = []
    for c in (c for lo, hi in _GAP_RANGES for c in range(lo, hi + 1)):
        if not chr(c).isupper() and not chr(c).isspace():
            if runs and runs[-1][1] == c - 1:
                runs[-1][1] = c
            else:
                runs.append([c, c])
    allowed = "".join(re.escape(chr(a)) + (f"-{re.escape(chr(b))}" if b > a else "") for a, b in runs)
    chunk = rf"[{allowed}]+\s+"
    return re.compile(rf"(?<!\S)((?:{chunk}){{2}})((?:{chunk}){{2,}})((?:{chunk}){{2}})")


def sentence_pieces(
    text: str, s_start: int, s_end: int, offsets: Sequence[int]
) -> list[tuple[int, int, bool, bool]]:
    """The parts of the sentence ``text[s_start:s_end]`` that hold one of the sorted ``offsets``, as (start,
    end, is the first piece, is the last piece). The sentence is cut inside runs of six or more chunks
    with no upper-case letter (:func:`_lowercase_gap`), two chunks kept either side: no capitalised token is
    there, so no stretch reaches across (they reach two tokens from a capitalised one and merge across at
    most four), a piece's tokens are the sentence's (cuts follow whitespace, which no token holds) and its
    stretches are the sentence's. A cut that would drop a wanted offset is not made."""
    lo = bisect_left(offsets, s_start)
    if lo == len(offsets) or offsets[lo] >= s_end:
        return []
    if s_end - s_start < _MIN_CUT_CHARS:
        return [(s_start, s_end, True, True)]
    pieces: list[tuple[int, int, bool, bool]] = []
    start = s_start
    for gap in _lowercase_gap().finditer(text, s_start, s_end):
        cut_start, cut_end = gap.end(1), gap.start(3)
        i = bisect_left(offsets, cut_start)
        if i < len(offsets) and offsets[i] < cut_end:
            continue  # a wanted token in the gap (a lower-case particle): keep the sentence whole there
        pieces.append((start, cut_start, start == s_start, False))
        start = cut_end
    pieces.append((start, s_end, start == s_start, True))
    return [p for p in pieces if bisect_left(offsets, p[0]) < len(offsets) and offsets[bisect_left(offsets, p[0])] < p[1]]


def surely_tagged(text: str, offset: int, s_start: int, s_end: int) -> bool:
    """True when :func:`person_probabilities`, asked for ``offset`` in the sentence ``text[s_start:s_end]``,
    surely gives it a probability: a capitalised token starts there (after whitespace or at the sentence
    start, where no token can begin earlier), and every capitalised token is in a tagged stretch."""
    if not s_start <= offset < s_end or (offset > s_start and not text[offset - 1].isspace()):
        return False
    m = _TOKEN.match(text, offset, s_end)
    return m is not None and m.group()[:1].isupper()


def runs_of(tokens: Sequence[Token], labels: Sequence[str]) -> list[tuple[int, int]]:
    """Character spans of the maximal runs of ``P`` labels (a possessive "'s" ends a run)."""
    spans: list[tuple[int, int]] = []
    run_start = run_end = -1
    for tok, label in zip(tokens, labels):
        if label == PERSON and not tok.text.startswith(("'", "’")):
            if run_start < 0:
                run_start = tok.start
            run_end = tok.end
        elif run_start >= 0:
            spans.append((run_start, run_end))
            run_start = -1
    if run_start >= 0:
        spans.append((run_start, run_end))
    return spans
