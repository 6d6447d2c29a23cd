"""How many sentences a summary has: the default for a text, and the user's "N" / "N%" spec."""

from __future__ import annotations

import re

from reader.document.model import Document

NEWS_SENTENCES = 60  # up to this many sentences a text gets the news-length summary
NEWS_COUNT = 5
MAX_DEFAULT = 40  # a whole book: about a page and a half of sentences

_SPEC = re.compile(r"\s*(\d+(?:\.\d+)?)\s*(%?)\s*")


def default_count_for(n_sentences: int) -> int:
    """5 up to 60 sentences, then 5 x cube root of (n / 60), capped at 40, never more than n.

    e.g. 100 -> 6, 300 -> 9, 1,000 -> 13, 6,000 (a novel) -> 23, 33,000 (War and Peace) -> 40.
    """
    if n_sentences <= 0:
        return 0
    wanted = NEWS_COUNT if n_sentences <= NEWS_SENTENCES else round(NEWS_COUNT * (n_sentences / NEWS_SENTENCES) ** (1 / 3))
    return min(n_sentences, MAX_DEFAULT, wanted)


def default_sentence_count(doc: Document) -> int:
    """The summary length the app uses for ``doc`` when the user did not ask for one."""
    return default_count_for(len(doc.sentences))


def parse_count(spec: str, n_sentences: int) -> int:
    """Sentences wanted for a spec "N" (a count) or "N%" (a share of ``n_sentences``, at least 1).

    The result is clamped to ``n_sentences``. Raises ValueError with a one-line message for anything else.
    """
    match = _SPEC.fullmatch(spec) if isinstance(spec, str) else None
    if match is None:
        raise ValueError(f'summary length must be a number of sentences ("5") or a percentage ("10%"), not {spec!r}')
    number, percent = match.groups()
    if percent:
        share = float(number)
        if not 0 < share <= 100:
            raise ValueError(f"summary percentage must be more than 0% and at most 100%, not {spec.strip()}")
        wanted = max(1, round(n_sentences * share / 100))
    else:
        if "." in number:
            raise ValueError(f"summary length must be a whole number of sentences, not {spec.strip()}")
        wanted = int(number)
        if wanted < 1:
            raise ValueError("summary length must be at least 1 sentence")
    return max(0, min(wanted, n_sentences))
