"""Quotations and who said them: pure, deterministic, one pass over the text (see docs/quotes.md).

1. **Locate** (:func:`locate_quotes`): double quotation marks (curly, straight, guillemets) paired inside each
   paragraph. A paragraph that ends inside a quote while the next one opens with a quote mark continues the same
   quote (the English convention for quotes over several paragraphs); otherwise an unclosed quote ends with its
   paragraph. A quote reopened before it was closed (“A ... Trump continued. “B”) is closed after its last
   sentence when a short attribution follows it, else just before the new mark. Stray closing marks are ignored,
   and a quote with no letter or digit between its marks (“”, “...”, a run of “““) is no quote.
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

The modules: :mod:`.spans` (1, 2), :mod:`.attribution` (3, the rules in order), :mod:`.tags` (the clauses right
before and after a quote), :mod:`.speakers` (pronouns and titles to people), :mod:`.nearby_sentences` and
:mod:`.nearby_paragraphs` (the sentence or paragraph before or after), :mod:`.dialogue` and :mod:`.turns`
(turn-taking in novels), with :mod:`.cues` (the words), :mod:`.traits` (genders, roles), :mod:`.mentions`,
:mod:`.clauses`, :mod:`.shapes`, :mod:`.context` and :mod:`.polling` under them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.document.model import Document
from reader.nlp.quotes.attribution import attribute
from reader.nlp.quotes.polling import Stopped, never
from reader.nlp.quotes.spans import locate, locate_quotes, merge_interrupted
from reader.nlp.quotes.traits import person_genders
from reader.nlp.results import Person, Quote

__all__ = ["find_quotes", "locate_quotes", "merge_interrupted", "attribute", "person_genders"]


def find_quotes(doc: Document, people: Sequence[Person], should_stop: Callable[[], bool] = never) -> list[Quote]:
    """Every quotation of ``doc`` in document order, each attributed to one of ``people`` when the text says.

    ``should_stop`` is polled while it works (every 64 paragraphs, quotes or tags); when it returns True
    the work gives up and returns [] (not a result: the caller checks ``should_stop`` again, as for people)."""
    try:
        return attribute(doc, merge_interrupted(doc.text, locate(doc.text, doc.paragraphs, should_stop)), people,
                         should_stop)
    except Stopped:
        return []
