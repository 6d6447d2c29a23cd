"""What may never be a summary sentence, and what may only follow its antecedent.

Pure text rules, case-free where they must also hold on the lower-cased training text (``tools/train_ranker.py``
applies the same ``is_eligible`` to CNN/DailyMail sentences, so the ranker learns on the sentences it may pick):

- fewer than MIN_WORDS words, or ending open (, ; : or a dash): a fragment;
- a heading or chapter title ("CHAPTER IV.", "BOOK ONE: 1805", a line without a lower-case letter);
- an illustration caption ("[Illustration: ...]") or a bracketed editorial note;
- front/back matter: a Project Gutenberg or licence line, and everything from a footer ("Sources", "---",
  "Source: Wikinews", "License:", "Categories:") near the end of the text (``footer_start``);
- a source attribution: a line that only credits a source and a date (``"Title" — CBC.ca, August 15, 2008``,
  ``is_attribution``), anywhere, and a run of them near the end starts the footer;
- in a novel, a bare quotation with no narration (``is_bare_quotation``);
- ``opens_with_reference``: a sentence starting with a pronoun or connective ("He said...", "But..."), which
  the selection only takes right after its antecedent sentence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

MIN_WORDS = 6
_WORD = re.compile(r"[^\W_]+")
_OPEN_END = re.compile(r"(?:[,;:\-–—]|--)[\"'”’)\]\s]*$")
_CHAPTER = re.compile(
    r"^\W*(?:chapter|book|part|volume|vol\.|canto|act|scene|letter|epilogue|prologue|preface|contents|appendix)"
    r"\b[\s\w.:-]{0,40}$",
    re.I,
)
_BRACKETED = re.compile(r"^\s*[\[{(].*[\]})]\W*$", re.S)
_ILLUSTRATION = re.compile(r"\[\s*illustration", re.I)
_BOILERPLATE = re.compile(
    r"project gutenberg|gutenberg-tm|gutenberg\.org|creative commons|all rights reserved|©|click here to",
    re.I,
)
_FOOTER_LINE = re.compile(r"^\s*(?:-{3,}|_{3,}|\*{3,}|sources?\s*:?|references|external links|see also"
                          r"|related news|licen[cs]e\s*:|categories\s*:)", re.I)
_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
_DATE = rf"(?:\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
# " — Publisher, <date>" closing the line: a dash, a short source name (no sentence inside), a comma, a date
_ATTRIBUTION = re.compile(rf"(?:^|\s)(?:[—–]|--?)\s*[^\s—–.!?][^—–!?]{{0,60}}?,\s*{_DATE}[\s.)\]]*$", re.I)
_FIRST_CHAPTER = re.compile(r"\W*(?:chapter|letter|book|part)\s+(?:1|i|one)\b", re.I)
FRONT_ZONE = 0.25  # a book's first chapter starts within its first quarter (after preface, contents, ...)
STORY_WORDS = 40  # ... and is followed within three paragraphs by one of at least this many words
FOOTER_ZONE = 0.3  # a footer line counts only in the last 30% of the text (a "Sources" word early on is content)
# Pronouns and connectives that need the sentence before them ("He said...", "But the plan...").
REFERENCE_OPENERS = frozenset(
    "he she it they them his her hers its their theirs him this these those that such there "
    "but and or so yet also however meanwhile moreover furthermore therefore thus then still instead "
    "besides nevertheless nonetheless otherwise hence consequently additionally likewise similarly "
    "later afterwards afterward another other others both".split()
)
_QUOTES_OPEN = "\"“„«'‘"
_QUOTES_CLOSE = "\"”»'’"


def words_of(text: str) -> list[str]:
    """Lower-cased word tokens (letters/digits runs): the normalisation shared with the training text."""
    return _WORD.findall(text.lower())


def is_eligible(text: str, tokens: Sequence[str] | None = None) -> bool:
    """False for a sentence that may never be picked (see the module docstring; context-free rules only)."""
    tokens = words_of(text) if tokens is None else tokens
    if len(tokens) < MIN_WORDS:
        return False
    stripped = text.strip()
    if _OPEN_END.search(stripped[-8:]):
        return False
    if stripped[0] in "[{(" and _BRACKETED.match(stripped):
        return False
    lowered = stripped.lower()
    if "illustration" in lowered and _ILLUSTRATION.search(lowered):
        return False
    if _CHAPTER.match(stripped) or (_may_be_boilerplate(lowered) and _BOILERPLATE.search(lowered)):
        return False
    if is_attribution(stripped):
        return False
    if stripped == stripped.upper() and stripped != lowered:
        return False  # letters, all capitals: a heading or a title line (never so in the lower-cased training text)
    return True


def _may_be_boilerplate(lowered: str) -> bool:
    return "gutenberg" in lowered or "commons" in lowered or "reserved" in lowered or "©" in lowered or "click" in lowered


def is_footer_line(text: str) -> bool:
    """A line that starts a footer: "Sources", "---", "License:", "References", "Categories:", or a source
    attribution (``is_attribution``)."""
    return bool(_FOOTER_LINE.match(text)) or is_attribution(text)


def is_attribution(text: str) -> bool:
    """A line that credits a source and a date, as a news footer cites its sources:
    ``"Sensitive document found on street" — CBC.ca, August 15, 2008``, ``— Reuters, 3 May 2019``."""
    tail = text.rstrip(" \t\n.)]")[-100:]
    return tail[-4:].isdigit() and bool(_ATTRIBUTION.search(tail))  # it ends with a year


def footer_start(paragraph_texts: Sequence[str]) -> int:
    """Index of the first paragraph of a trailing footer (len(paragraph_texts) when there is none)."""
    n = len(paragraph_texts)
    first_allowed = int(n * (1 - FOOTER_ZONE))
    for index in range(max(1, first_allowed), n):
        if is_footer_line(paragraph_texts[index]):
            return index
    return n


def front_matter_end(paragraph_texts: Sequence[str]) -> int:
    """Index of a book's first chapter heading ("CHAPTER I", "Letter 1", "BOOK ONE") when it is followed by
    prose, within the first quarter: what comes before (preface, contents, list of illustrations) is front
    matter. 0 when there is no such heading. A table of contents is skipped: its "CHAPTER I" is followed by
    more short lines, not by prose."""
    n = len(paragraph_texts)
    for index in range(int(n * FRONT_ZONE)):
        if _FIRST_CHAPTER.match(paragraph_texts[index]) and len(paragraph_texts[index]) < 80:
            following = paragraph_texts[index + 1 : index + 4]
            if any(len(text.split()) >= STORY_WORDS for text in following):
                return index
    return 0


def narration_flags(paragraph: str, sentences: Sequence[tuple[int, int]]) -> list[bool]:
    """For each sentence (offsets into ``paragraph``, in order), whether it is narrated: it starts outside
    double quotation marks and has a letter outside them, counting quotes opened in earlier sentences of the
    paragraph. "“Come, we are brother and sister, you know. | I take no leave of you,” said she." gives
    False (a bare quotation), False (starts inside the speech)."""
    marks = [(m.start(), m.group()) for m in _QUOTE_MARK.finditer(paragraph)]
    inside = False
    k = 0
    flags = []
    for start, end in sentences:
        while k < len(marks) and marks[k][0] < start:
            inside = _after_mark(marks[k][1], inside)
            k += 1
        narrated = not inside
        cursor = start
        has_letter_outside = False
        while k < len(marks) and marks[k][0] < end:
            position, mark = marks[k]
            if not inside and _LETTER.search(paragraph, cursor, position):
                has_letter_outside = True
            inside = _after_mark(mark, inside)
            cursor = position + 1
            k += 1
        if not inside and _LETTER.search(paragraph, cursor, end):
            has_letter_outside = True
        flags.append(narrated and has_letter_outside)
    return flags


_QUOTE_MARK = re.compile(r"[“”\"]")
_LETTER = re.compile(r"[^\W\d_]")


def _after_mark(mark: str, inside: bool) -> bool:
    if mark == "“":
        return True
    if mark == "”":
        return False
    return not inside  # a straight quote toggles


def opens_with_reference(tokens: Sequence[str]) -> bool:
    """The sentence starts with a pronoun or connective that points at the sentence before it."""
    return bool(tokens) and tokens[0] in REFERENCE_OPENERS


def is_bare_quotation(text: str) -> bool:
    """Only a quotation: opens with a quote mark, closes with one, and no narration outside the quotes
    ("“I am quite sure of it,” said he." has narration; "“Oh! my dear, I am sure of it.”" has none)."""
    stripped = text.strip()
    if len(stripped) < 2 or stripped[0] not in _QUOTES_OPEN or stripped[-1] not in _QUOTES_CLOSE:
        return False
    inner = stripped[1:-1]
    closes = sum(inner.count(q) for q in "\"”»")
    return closes == 0  # a closing mark inside means the quote ended and narration followed
