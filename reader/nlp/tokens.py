"""Word tokens with character offsets (regex; no nltk data needed).

A word is a run of letters/digits, with inner apostrophes, hyphens and dots of initials/acronyms kept
("don't", "well-known", "U.S."); the possessive suffix 's / ’s is a separate token so "Trump's" yields
"Trump". Every other non-space character is a token of its own (punctuation).
"""

from __future__ import annotations

import re

WORD = re.compile(
    r"""
    (?:[^\W\d_]\.){2,}                 # dotted acronyms and initials: U.S. D.C. J.R.R.
  | [^\W\d_]\.(?=\s+[^\W\d_])          # a single initial: "W." in George W. Bush (followed by a word)
  | \w+(?:(?:['’](?![sS]\b)|[-–](?=\w))\w+)*   # words with inner apostrophes/hyphens, possessive split off
  | ['’][sS]\b                         # possessive suffix
  | [^\w\s]                            # any other symbol
    """,
    re.VERBOSE,
)


def words(text: str) -> list[str]:
    """The word tokens of ``text`` (letters or digits inside), without punctuation tokens."""
    return [m.group() for m in WORD.finditer(text) if any(ch.isalnum() for ch in m.group())]
