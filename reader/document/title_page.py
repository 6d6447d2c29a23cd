"""The title and author of a book from its title page, for a text whose Project Gutenberg header does not name them
(Moby-Dick's header is only the START line, Pride and Prejudice has none): the first lines of the text, past any
illustration, read "MOBY-DICK; / or, THE WHALE. / By Herman Melville". Pure functions on the first blocks' text.
"""

from __future__ import annotations

import re

TITLE_PAGE_BLOCKS = 12  # the first blocks looked at: two illustrations before the title still fit
_MAX_TITLE_BLOCKS = 3
_MAX_TITLE_CHARS = 120
_MAX_AUTHOR_WORDS = 6
_READ_CHARS = 8 * _MAX_TITLE_CHARS  # of each end of a block
_BY = re.compile(r"^by\b[ ,:]*(.*)$", re.I)
_NAME_PARTICLES = frozenset({"de", "da", "del", "der", "van", "von", "la", "le", "du", "and", "&"})
_SMALL_WORDS = frozenset({"a", "an", "and", "as", "at", "but", "by", "for", "in", "of", "on", "or", "the", "to"})
_ROMAN_NUMERAL = re.compile(r"^[IVXLCDM]+\W*$")
_CAPS_WORD_END = re.compile(r"(?<=[A-Z])\.(?= [a-z])")  # "PRIDE. and PREJUDICE": the full stop ends a typeset line


def title_page(blocks: list[str]) -> tuple[str | None, str | None]:
    """(title, author) from a title page at the start of ``blocks``: one to three short lines, then "by NAME"
    (or "by" and NAME on the next line). (None, None) when the text does not start that way."""
    # a block longer than a title line is no title page line: only its ends are read (a one-line file of 30 MB is
    # one block, and splitting it all cost 13x the file in memory)
    lines = _past_illustrations([" ".join(_ends_of(block).split()) for block in blocks[:TITLE_PAGE_BLOCKS]])
    for at, line in enumerate(lines[: _MAX_TITLE_BLOCKS + 1]):
        byline = _BY.match(line)
        if byline:
            name = byline.group(1) or (lines[at + 1] if at + 1 < len(lines) else "")
            title = _joined(lines[:at])
            if 0 < at and len(title) <= _MAX_TITLE_CHARS and _is_name(name):
                author = name.split(",")[0].rstrip(".;: ")  # "Jane Austen,", "Rosa Lindqvist, Staff Reporter"
                return _book_case(_CAPS_WORD_END.sub("", title).rstrip(".,;:")), _book_case(author)
            return None, None
        if not line or len(line) > _MAX_TITLE_CHARS:
            return None, None
    return None, None


def _ends_of(block: str) -> str:
    """The block, or for a long one its start and its end (which tells an illustration's "]")."""
    if len(block) <= 2 * _READ_CHARS:
        return block
    return block[:_READ_CHARS] + " " + block[-_READ_CHARS:]


def _joined(lines: list[str]) -> str:
    """Title lines as one: a line that ends unpunctuated before a capital starts a subtitle ("THE TIME MACHINE /
    AN INVENTION" -> "THE TIME MACHINE: AN INVENTION"); others run on ("MOBY-DICK; / or, THE WHALE.")."""
    title = lines[0] if lines else ""
    for line in lines[1:]:
        runs_on = title.endswith((",", ";", ":", ".", "-", "—")) or not line[:1].isupper()
        title += (" " if runs_on else ": ") + line
    return title


def _past_illustrations(lines: list[str]) -> list[str]:
    """The lines without "[Illustration: ...]" (one may span several blocks) and empty ones."""
    kept, inside = [], False
    for line in lines:
        if line.startswith("[Illustration") or inside:
            inside = not line.endswith("]")
        elif line:
            kept.append(line)
    return kept


def _is_name(text: str) -> bool:
    """A person's name as a title page prints it: a few words, each capitalised (or a particle: "van", "de")."""
    words = text.rstrip(".,;:").split()
    return 0 < len(words) <= _MAX_AUTHOR_WORDS and all(
        word.lower() in _NAME_PARTICLES or word.lstrip("(\"'“")[:1].isupper() for word in words)


def _book_case(text: str) -> str:
    """Capitals as a catalogue shows them: words set in capitals ("MOBY-DICK; or, THE WHALE") get only their first
    letter capital, small words lower-case inside a clause ("War and Peace"); other words are kept as printed."""
    words = text.split(" ")
    for at, word in enumerate(words):
        letters = [c for c in word if c.isalpha()]
        if len(letters) < 2 or not all(c.isupper() for c in letters) or _ROMAN_NUMERAL.match(word):
            continue
        clause_start = at == 0 or words[at - 1].endswith((",", ";", ":", "."))
        if word.lower() in _SMALL_WORDS and not clause_start:
            words[at] = word.lower()
        else:
            words[at] = "-".join(part.capitalize() for part in word.split("-"))
    return " ".join(words)
