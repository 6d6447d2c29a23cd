"""What may never be a summary sentence, and what may only follow its antecedent.

Pure text rules, case-free where they must also hold on the lower-cased training text (``tools/train_ranker.py``
applies the same ``is_eligible`` to CNN/DailyMail sentences, so the ranker learns on the sentences it may pick):

- fewer than MIN_WORDS words, or ending open (, ; : or a dash): a fragment;
- a heading or chapter title ("CHAPTER IV.", "BOOK ONE: 1805", a line without a lower-case letter);
- an illustration caption ("[Illustration: ...]") or a bracketed editorial note;
- front/back matter: a Project Gutenberg or licence line, and everything from a footer ("Sources", "---",
  "Source: Wikinews", "License:") near the end of the text (``footer_start``);
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
                          r"|related news|licen[cs]e\s*:)", re.I)
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
    if _OPEN_END.search(stripped):
        return False
    if _ILLUSTRATION.search(stripped) or _BRACKETED.match(stripped):
        return False
    if _CHAPTER.match(stripped) or _BOILERPLATE.search(stripped):
        return False
    letters = [ch for ch in stripped if ch.isalpha()]
    if letters and not any(ch.islower() for ch in letters):
        return False  # all capitals: a heading or a title line (the training text is lower-case: never hit there)
    return True


def is_footer_line(text: str) -> bool:
    """A line that starts a footer: "Sources", "---", "License:", "References", ..."""
    return bool(_FOOTER_LINE.match(text))


def footer_start(paragraph_texts: Sequence[str]) -> int:
    """Index of the first paragraph of a trailing footer (len(paragraph_texts) when there is none)."""
    n = len(paragraph_texts)
    first_allowed = int(n * (1 - FOOTER_ZONE))
    for index in range(max(1, first_allowed), n):
        if is_footer_line(paragraph_texts[index]):
            return index
    return n


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
