"""Sentence spans from our own Punkt parameters (no nltk_data download needed).

The parameters in ``data/punkt_en.json`` were learned by ``tools/train_punkt.py`` from public-domain US
presidential speeches plus a hand list of news abbreviations; see ``docs/sentences.md`` for the choice and its
measured accuracy. Sentences never cross a paragraph boundary.
"""

from __future__ import annotations

import json
import re
import sys
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources

from reader.document.model import Paragraph, Span

# Punkt keeps "He moved to the U.S. Then he left." as one sentence because "u.s" is an abbreviation.
# An abbreviation made of dotted capitals followed by a capitalised function word that normally starts
# a sentence is split there.
_SENTENCE_START_AFTER_ACRONYM = re.compile(
    r"\b(?:[A-Z]\.){2,}(?=\s+(?:The|Then|This|That|These|Those|There|They|He|She|It|We|I|But|And|So|In|On|At|"
    r"After|Before|When|While|Officials|Her|His|Its|Our|Their|A|An)\b)"
)


# Punkt misses a title before a name when a quote mark is glued to it (“Mr. Darcy”): a piece ending in one of
# these titles is never a sentence of its own when a capitalised word follows.
_TITLE_AT_END = re.compile(r"(?:^|[\s\"'“‘(\[])(?:Mr|Mrs|Ms|Messrs|Mme|Mlle|Dr|St|Prof|Rev|Sr|Jr|Capt|Col|Gen|Lt|Sgt|Gov|Sen|Rep)\.$")
_TERMINAL = re.compile(r"[.!?…‽]")
_OPENING = re.compile(r"[\"'“‘(\[]*")


def import_punkt():
    """``nltk.tokenize.punkt``, with nltk's package imported without ``scipy.stats`` (0.4-0.8 s saved per process).

    Importing any nltk module runs nltk's whole ``__init__``, whose collocation measures do ``from scipy.stats
    import fisher_exact`` inside ``try/except ImportError`` (scipy is optional for nltk; we depend on it for sparse
    graphs, so the import would run: it is most of nltk's import time). While nltk is first imported,
    ``scipy.stats`` is marked absent (a ``None`` entry in ``sys.modules`` makes its import fail at once), then
    unmarked: only nltk's Fisher exact test, which nothing here uses, is lost; ``scipy.stats`` stays importable.
    """
    if "nltk" not in sys.modules and "scipy.stats" not in sys.modules:
        sys.modules["scipy.stats"] = None  # type: ignore[assignment]
        try:
            import nltk.tokenize.punkt  # noqa: F401
        finally:
            if "scipy.stats" in sys.modules and sys.modules["scipy.stats"] is None:
                del sys.modules["scipy.stats"]
    from nltk.tokenize import punkt

    return punkt


@lru_cache(maxsize=1)
def _tokenizer():
    punkt = import_punkt()
    PunktParameters, PunktSentenceTokenizer = punkt.PunktParameters, punkt.PunktSentenceTokenizer

    raw = json.loads(resources.files("reader.document").joinpath("data/punkt_en.json").read_text("utf-8"))
    params = PunktParameters()
    params.abbrev_types = set(raw["abbrev_types"])
    params.collocations = {tuple(c) for c in raw["collocations"]}
    params.sent_starters = set(raw["sent_starters"])
    params.ortho_context = defaultdict(int, raw["ortho_context"])
    language, token = _plain_regex_classes()

    class RememberingTokenizer(PunktSentenceTokenizer):
        """Punkt whose decision at each sentence-end candidate is remembered per context.

        Punkt decides every candidate ("Monday. The") by tokenising and annotating its short context
        (``text_contains_sentbreak``), a pure function of that string and the fixed parameters: ~60 us a call,
        the whole cost of a text dense with sentence ends ("The mayor spoke on Monday. " * 240,000 has 240k).
        Contexts repeat (prose too: "said. He"), so each distinct one is decided once; the spans are the same.
        What is remembered is bounded (``_REMEMBERED_CONTEXTS``) and forgotten when a document's split ends
        (``split_paragraphs``): a dense text repeats a handful of contexts, prose gains little from the rest.
        """

        def text_contains_sentbreak(self, text: str) -> bool:
            decided = _SENTBREAK_DECISIONS.get(text)
            if decided is None:
                decided = super().text_contains_sentbreak(text)
                if len(text) <= _REMEMBERED_CONTEXT_CHARS:
                    if len(_SENTBREAK_DECISIONS) >= _REMEMBERED_CONTEXTS:
                        _SENTBREAK_DECISIONS.clear()
                    _SENTBREAK_DECISIONS[text] = decided
            return decided

    return RememberingTokenizer(params, lang_vars=language(), token_cls=token)


_SENTBREAK_DECISIONS: dict[str, bool] = {}
# cleared when full: at most ~3 MB (~9 MB for contexts of 4-byte characters); War and Peace decides 19k distinct
# contexts (20k decisions with this cap), a text of one repeated sentence 1
_REMEMBERED_CONTEXTS = 16_384
_REMEMBERED_CONTEXT_CHARS = 120


@lru_cache(maxsize=1)
def _plain_regex_classes():
    """Punkt's language variables and token class with the same patterns compiled by the standard ``re``.

    nltk 3.10 runs every Punkt pattern through ``nltk.redos`` (the ``regex`` engine plus a wall-clock timeout per
    call), which makes splitting War and Peace 2.4x slower (1.43 s -> 0.60 s for Punkt alone, the same spans on
    the four books). The guard is not needed here: Punkt's patterns are fixed (no caller-supplied pattern) and
    linear, and every Punkt call gets at most ``CHUNK_LIMIT`` characters (``bounded_chunks``).
    """
    punkt = import_punkt()
    PunktLanguageVars, PunktToken = punkt.PunktLanguageVars, punkt.PunktToken

    flags = re.UNICODE | re.VERBOSE

    class PlainLanguageVars(PunktLanguageVars):
        __slots__ = ()
        re_boundary_realignment = re.compile(PunktLanguageVars.re_boundary_realignment.pattern, re.MULTILINE)

        def _word_tokenizer_re(self):
            try:
                return self._re_word_tokenizer
            except AttributeError:
                self._re_word_tokenizer = re.compile(self._word_tokenize_fmt % {
                    "NonWord": self._re_non_word_chars, "MultiChar": self._re_multi_char_punct,
                    "WordStart": self._re_word_start}, flags)
                return self._re_word_tokenizer

        def period_context_re(self):
            try:
                return self._re_period_context
            except AttributeError:
                self._re_period_context = re.compile(self._period_context_fmt % {
                    "NonWord": self._re_non_word_chars, "SentEndChars": self._re_sent_end_chars}, flags)
                return self._re_period_context

    non_punct = re.compile(r"[^\W\d]")

    class PlainToken(PunktToken):
        _RE_ELLIPSIS = re.compile(r"\.\.+$")
        _RE_NUMERIC = re.compile(r"^-?[\.,]?\d[\d,\.-]*\.?$")
        _RE_INITIAL = re.compile(r"[^\W\d]\.$")
        _RE_ALPHA = re.compile(r"[^\W\d]+$")

        @property
        def is_non_punct(self):
            return non_punct.search(self.type)

    return PlainLanguageVars, PlainToken


def split_text(text: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Sentence spans of ``text[start:end]``, as offsets into ``text``, trimmed of surrounding whitespace."""
    end = len(text) if end is None else end
    chunk = text[start:end]
    spans: list[Span] = []
    for s, e in _tokenizer().span_tokenize(chunk):
        for a, b in _split_after_acronyms(chunk, s, e):
            if spans and _continues_previous(chunk, spans[-1].start - start, a, b):
                spans[-1] = Span(spans[-1].start, start + b)
            else:
                spans.append(Span(start + a, start + b))
    return spans


def _continues_previous(chunk: str, previous_start: int, a: int, b: int) -> bool:
    """Whether the piece ``chunk[a:b]`` is no sentence of its own but the end of the one before it:

    - it starts in lowercase: “How can he?” thought Pierre. (Punkt always splits after ? and !);
    - it starts inside a word, right after a non-space character (“Who are you?”—he said);
    - it has no letter or digit ("!", "." or a closing quote cut off from "! ! !");
    - the piece before ends with a title and this one starts with a capital: “Mr. | Darcy is...”.
    """
    if _starts_lowercase(chunk, a) or (a > 0 and not chunk[a - 1].isspace()):
        return True
    if _ALNUM.search(chunk, a, b) is None:
        return True
    first = _OPENING.match(chunk, a).end()  # type: ignore[union-attr]  # always matches (maybe empty)
    return first < b and chunk[first].isupper() and _ends_with_title(chunk, previous_start, a)


_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum accepts: a letter or a digit of any script


def _ends_with_title(chunk: str, start: int, end: int) -> bool:
    """Whether ``chunk[start:end]``, trailing whitespace left out, ends with a title (``_TITLE_AT_END``). Only its
    last 12 characters are read: the longest title with the character before it is 8, so a sentence's length
    does not count (a text of 240k sentences asks this 240k times)."""
    while end > start and chunk[end - 1].isspace():
        end -= 1
    return _TITLE_AT_END.search(chunk[max(start, end - 12) : end]) is not None


def _starts_lowercase(chunk: str, position: int) -> bool:
    first = _OPENING.match(chunk, position).end()  # type: ignore[union-attr]  # always matches (maybe empty)
    return first < len(chunk) and chunk[first].islower()


def _split_after_acronyms(chunk: str, s: int, e: int) -> Iterable[tuple[int, int]]:
    cut = s
    for match in _SENTENCE_START_AFTER_ACRONYM.finditer(chunk, s, e):
        yield cut, match.end()
        cut = match.end()
        while cut < e and chunk[cut].isspace():
            cut += 1
    if cut < e:
        yield cut, e


def split_paragraphs(text: str, paragraphs: Iterable[Paragraph]) -> tuple[Span, ...]:
    """Sentence spans of every paragraph. A heading, code block or table row is one "sentence". The Punkt
    decisions remembered meanwhile are forgotten at the end (they are kept for one document only)."""
    try:
        return _split_paragraphs(text, paragraphs)
    finally:
        _SENTBREAK_DECISIONS.clear()


def _split_paragraphs(text: str, paragraphs: Iterable[Paragraph]) -> tuple[Span, ...]:
    spans: list[Span] = []
    for paragraph in paragraphs:
        if paragraph.end <= paragraph.start:
            continue
        if paragraph.kind in ("heading", "code", "table"):
            spans.append(Span(paragraph.start, paragraph.end))
        elif not _TERMINAL.search(text, paragraph.start, paragraph.end - 1):
            # No sentence-ending mark before the last character: Punkt could not split it (a fast path for
            # dialogue lines and short paragraphs, which are most of a novel).
            spans.append(Span(paragraph.start, paragraph.end))
        else:
            for start, end in bounded_chunks(text, paragraph.start, paragraph.end):
                if is_dense(text, start, end):
                    spans.extend(_dense_sentences(text, start, end))
                else:
                    spans.extend(split_text(text, start, end))
    return tuple(spans)


# Prose has at most one sentence-end mark (a run of . ! ? …) every ~17 characters over a stretch of a few thousand
# (the densest stretch of the four novels: a Moby-Dick list of provisions). "Dr. " * 500,000 has one every 4, and
# Punkt pays ~50 us for each (minutes for a few MB), then later stages get thousands of tiny or huge "sentences".
DENSE_MIN_CHARS = 2_000
DENSE_CHARS_PER_END = 10
DENSE_SENTENCE_CHARS = 400
_END_RUN = re.compile(r"[.!?…‽]+")


def is_dense(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has too many sentence ends to be prose (a long stretch, an end every few
    characters): it is cut by ``_dense_sentences`` instead of Punkt."""
    if end - start < DENSE_MIN_CHARS:
        return False
    limit = (end - start) // DENSE_CHARS_PER_END
    for count, _ in enumerate(_END_RUN.finditer(text, start, end), 1):
        if count > limit:
            return True
    return False


def _dense_sentences(text: str, start: int, end: int) -> Iterable[Span]:
    """Pieces of about DENSE_SENTENCE_CHARS / 2 to DENSE_SENTENCE_CHARS characters, cut at a sentence end where
    there is one (``bounded_chunks``): linear, and a bounded number of bounded sentences for the later stages."""
    for a, b in bounded_chunks(text, start, end, DENSE_SENTENCE_CHARS):
        while b > a and text[b - 1].isspace():
            b -= 1
        while a < b and text[a].isspace():
            a += 1
        if a < b:
            yield Span(a, b)


CHUNK_LIMIT = 10_000  # characters per Punkt call: far above any real sentence, far below nltk's regex time guard
_CHUNK_CUT = re.compile(r"[.!?…‽][\"'”’)\]]*\s+(?=[\"'“‘(\[]*[A-Z0-9])")


def bounded_chunks(text: str, start: int, end: int, limit: int = CHUNK_LIMIT) -> Iterable[tuple[int, int]]:
    """``text[start:end]`` as consecutive ranges of at most ``limit`` characters, for Punkt one at a time.

    A paragraph with hundreds of thousands of sentence ends ("Dr. " * 500,000) makes one Punkt scan run past
    nltk's regex time guard (TimeoutError). Each cut is at the last sentence end followed by a capital in the
    second half of the window, else at the last space, else (one huge word) at the limit; the ranges cover the
    paragraph exactly, so every span stays an offset into ``text``.
    """
    while end - start > limit:
        low, high = start + limit // 2, start + limit
        cut = -1
        for match in _CHUNK_CUT.finditer(text, low, high):
            cut = match.end()
        if cut == -1:
            space = text.rfind(" ", low, high)
            cut = space + 1 if space != -1 else high
        yield start, cut
        start = cut
    yield start, end
