"""Property tests (hypothesis) over the document and NLP layers.

For any text — full Unicode with controls, terminal escapes, Rich markup brackets, CR/CRLF/NUL, bidi characters,
lone surrogates; and "news-like" text with names, titles, abbreviations and quotes — building a Document either
fails with one clean ReaderError (nothing readable) or gives a Document whose spans are sane and whose text is safe
for a terminal; the summary and the people list never raise, stay inside the text and are deterministic.
"""

from __future__ import annotations

import os
import re

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.document.build import PARAGRAPH_SEPARATOR, document_from_plain_text
from reader.document.model import Document
from reader.errors import ReaderError
from reader.nlp.people import find_people
from reader.nlp.summary import ALGORITHMS, summarize

# What must never reach the terminal: C0 controls except LF (tab is expanded), DEL, C1 controls, bidi
# embeddings/overrides/isolates/marks, and the BOM inside text.
# ... plus (issue 9) zero-width characters, word joiner and invisible operators, soft hyphen, Unicode tags, surrogates
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff"
                       "\u200b-\u200d\u2060-\u2064\u00ad\U000e0000-\U000e007f\ud800-\udfff]")

# Modest by default (the file runs in well under a minute); READER_HYPOTHESIS_SCALE=20 for a long bug hunt.
SCALE = max(1, int(os.environ.get("READER_HYPOTHESIS_SCALE", "1")))
FAST = settings(max_examples=60 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=15 * SCALE, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# --- strategies -------------------------------------------------------------------------------------------------

HOSTILE_PIECES = [
    "\x1b[31m", "\x1b[0m", "\x1b[2J\x1b[H", "\x1b]0;pwned\x07", "\x1b]8;;file:///etc/passwd\x1b\\link\x1b]8;;\x1b\\",
    "\x1b]52;c;ZWNobyBoaQ==\x07", "\x1bP1$t\x1b\\", "\x1b", "\x1b[", "\x1b]", "\x9b2J", "\x9d0;title\x9c", "\x90", "\x9f",
    "[bold]", "[/]", "[/bold]", "[@click=app.quit]", "[link=file:///etc/passwd]x[/link]", "[", "]", "\\[", "[red on blue]",
    "\n", "\n\n", "\n \n", "\r", "\r\n", "\r\r", "\x00", "\t", "\x0b", "\x0c", "\x7f", "\x85", "\u2028", "\u2029",
    "\u202e", "\u202d", "\u202a", "\u2066", "\u2067", "\u2069", "\u200e", "\u200f", "\u061c", "\ufeff", "\u00a0",
    "\u200b", "\u0301", "\U0001f600", "\u4e2d\u6587", "\u0627\u0644", " ", "  ", ".", "Mr.", "U.S.", "“", "”",
    "\udc80", "\ud83d", "\u200c", "\u200d", "\u2060", "\U000e0041", "\U000e007f", "\u00ad", "\x1b_apc\x1b\\",
    "\x1b^pm\x1b\\", "\x1bXsos\x1b\\", "\u0301" * 40, "\u0316\u0301" * 20,
]

# every code point (hypothesis' default leaves out surrogates), with controls, format and separator characters boosted
any_char = st.one_of(st.characters(), st.characters(categories=["Cc", "Cf", "Cs", "Zl", "Zp", "Zs", "Mn"]))
full_unicode_text = st.lists(
    st.one_of(any_char, any_char, st.sampled_from(HOSTILE_PIECES), st.text(max_size=8)),
    max_size=80,
).map("".join)

GIVEN = ["Donald", "Vladimir", "Alice", "Joe", "Mary", "Xi", "Angela", "Bob", "Keir", "Amara", "Jean-Luc", "Sarah"]
FAMILY = ["Trump", "Putin", "Walker", "Biden", "O'Neil", "McDonald", "Jinping", "Merkel", "Okafor", "Smith",
          "van der Berg", "bin Salman", "Halloran"]
TITLES = ["Mr.", "Mrs.", "Ms.", "Dr.", "President", "Sen.", "Gov.", "Prime Minister", "Former President", "King",
          "Judge", "Rep.", "Gen.", "the Rev."]
CAPITALISED = ["The", "White House", "Kremlin", "U.S.", "U.K.", "Monday", "June", "Paris", "Washington", "NATO",
               "Russian", "Chinese", "Street", "Inc.", "Co.", "Jan.", "St.", "He", "She", "But", "In", "I"]
LOWER = ["said", "met", "with", "the", "a", "and", "of", "to", "in", "on", "told", "reporters", "talks", "would",
         "not", "that", "after", "budget", "president", "war", "3", "p.m.", "a.m.", "e.g.", "vs.", "no.", "percent"]
PUNCT = [".", ",", "?", "!", ";", ":", "—", "-", "…", "'s", "’s", "(", ")", "..."]
QUOTES = ['"', "“", "”", "'", "‘", "’", "«", "»", "„"]
SEPARATORS = [" ", " ", " ", " ", "", "\n", "\n\n", "  ", "\r\n", "\r\n\r\n"]

name = st.one_of(
    st.sampled_from(GIVEN),
    st.sampled_from(FAMILY),
    st.tuples(st.sampled_from(GIVEN), st.sampled_from(FAMILY)).map(" ".join),
    st.tuples(st.sampled_from(TITLES), st.sampled_from(FAMILY)).map(" ".join),
    st.tuples(st.sampled_from(TITLES), st.sampled_from(GIVEN), st.sampled_from(FAMILY)).map(" ".join),
    st.tuples(st.sampled_from(GIVEN), st.sampled_from("ABCDEJ"), st.sampled_from(FAMILY)).map(
        lambda t: f"{t[0]} {t[1]}. {t[2]}"),
)
news_token = st.one_of(
    name, name,
    st.sampled_from(CAPITALISED), st.sampled_from(LOWER), st.sampled_from(LOWER),
    st.sampled_from(PUNCT), st.sampled_from(QUOTES),
)
news_text = st.lists(st.tuples(news_token, st.sampled_from(SEPARATORS)), min_size=1, max_size=120).map(
    lambda pairs: "".join(token + sep for token, sep in pairs))
# News-like text with hostile pieces sprinkled in (names next to escapes, markup inside quotes ...).
mixed_text = st.lists(
    st.one_of(news_token, news_token, news_token, st.sampled_from(HOSTILE_PIECES), st.sampled_from(SEPARATORS)),
    min_size=1, max_size=120,
).map(lambda tokens: " ".join(tokens))
# Well-formed articles: paragraphs of sentences, enough for the summarizers to really choose.
news_sentence = st.lists(news_token, min_size=2, max_size=18).map(
    lambda tokens: " ".join(tokens)[:1].upper() + " ".join(tokens)[1:] + ".")
news_article = st.lists(st.lists(news_sentence, min_size=1, max_size=5).map(" ".join), min_size=1, max_size=6).map(
    "\n\n".join)
any_text = st.one_of(full_unicode_text, news_text, mixed_text, news_article)

# --- helpers ----------------------------------------------------------------------------------------------------


def build(text: str) -> Document | None:
    """A Document, or None when building rightly fails with one clean line (nothing readable)."""
    try:
        return document_from_plain_text(text, "generated.txt")
    except ReaderError as error:
        message = str(error)
        assert message and "\n" not in message and message.isprintable(), message
        assert not text.strip() or not FORBIDDEN.sub("", text).strip() or _only_unreadable(text), repr(text)
        return None


def _only_unreadable(text: str) -> bool:
    """After sanitising, nothing but whitespace is left (escape sequences can swallow visible characters)."""
    from reader.sanitize import sanitise

    return not sanitise(text).strip()


def assert_valid_document(doc: Document) -> None:
    text = doc.text
    assert text and text == text.strip()
    assert FORBIDDEN.search(text) is None, repr(text)
    assert "\x1b" not in text and "\r" not in text
    for field in (doc.meta.title, doc.meta.author, doc.meta.date):
        assert field is None or FORBIDDEN.search(field) is None
    # paragraphs: in bounds, ordered, non-overlapping, non-empty, and together they are the whole text
    assert doc.paragraphs
    previous_end = None
    for para in doc.paragraphs:
        assert 0 <= para.start < para.end <= len(text)
        chunk = text[para.start : para.end]
        assert chunk.strip() and chunk == chunk.strip(), repr(chunk)
        if para.kind != "code":
            assert "\n" not in chunk
        if previous_end is not None:
            assert text[previous_end : para.start] == PARAGRAPH_SEPARATOR
        previous_end = para.end
    assert PARAGRAPH_SEPARATOR.join(text[p.start : p.end] for p in doc.paragraphs) == text
    # sentences: in bounds, ordered, non-overlapping, non-empty, inside one paragraph
    sentences = doc.sentences
    assert sentences
    previous_end = 0
    para_index = 0
    for span in sentences:
        assert previous_end <= span.start < span.end <= len(text), (span, previous_end)
        assert text[span.start : span.end].strip()
        previous_end = span.end
        while doc.paragraphs[para_index].end <= span.start:
            para_index += 1
        para = doc.paragraphs[para_index]
        assert para.start <= span.start and span.end <= para.end, (span, para)
    # every paragraph holds at least one sentence: nothing the reader shows is out of every sentence
    covered = {doc.paragraph_index_at(s.start) for s in sentences}
    assert covered == set(range(len(doc.paragraphs)))
    # lookups agree with the spans
    for index, span in enumerate(sentences):
        assert doc.sentence_index_at(span.start) == index


# --- document ---------------------------------------------------------------------------------------------------


@FAST
@given(any_text)
@example("")
@example("\x1b[31m\x1b]0;t\x07\r\n\u202e")
@example("[bold]Hi[/] \x00there.\r\rNew\u2028line.")
@example("\x1b]8;;http://x\x07unterminated OSC eats nothing after it")
@example("Mr. Smith went to the U.S. Then he left.\n\n\n“Quote,” said Dr. Jones.")
def test_document_from_any_text(text: str) -> None:
    doc = build(text)
    if doc is None:
        return
    assert_valid_document(doc)


@FAST
@given(any_text)
@example('Donald\r\n\r\nU.S.\n" ')  # a hard-wrapped capitals paragraph was a heading only once unwrapped
@example("Rene\u0301e Zellweger\n\nspoke.")
@example("\u0300\x1f\u05ad")  # NFC after removing controls: the marks meet only then
@example("A\x1b[31m")  # a heading is decided on the shown text, not on the raw line with its escape sequence
def test_building_is_idempotent(text: str) -> None:
    """The shown text, read again as plain text, is the same Document (sanitising and paragraphing are fixpoints)."""
    doc = build(text)
    if doc is None:
        return
    again = document_from_plain_text(doc.text, "again.txt")
    assert again.text == doc.text
    assert [(p.start, p.end) for p in again.paragraphs] == [(p.start, p.end) for p in doc.paragraphs]
    assert [p.kind for p in again.paragraphs] == [p.kind for p in doc.paragraphs]
    assert again.title == doc.title
    assert again.sentences == doc.sentences


def test_headline_detection_is_idempotent() -> None:
    text = "Donald Donald\nDonald\n\nDonald went home.\n\nDonald slept."
    doc = document_from_plain_text(text, "wrapped.txt")
    again = document_from_plain_text(doc.text, "again.txt")
    assert (again.title, again.paragraphs[0].kind) == (doc.title, doc.paragraphs[0].kind)


@FAST
@given(st.lists(st.sampled_from(HOSTILE_PIECES), max_size=40).map("".join))
def test_only_hostile_pieces(text: str) -> None:
    doc = build(text)
    if doc is not None:
        assert_valid_document(doc)


# --- summary ----------------------------------------------------------------------------------------------------


def assert_valid_summary(doc: Document, algorithm: str, count: int | None) -> tuple:
    summary = summarize(doc, algorithm, count)
    assert summary.algorithm == algorithm
    indices = summary.sentence_indices
    assert list(indices) == sorted(set(indices)), "document order, no repeats"
    assert all(0 <= i < len(doc.sentences) for i in indices)
    assert summary.spans == tuple(doc.sentences[i] for i in indices)
    if count is not None:
        assert len(indices) <= count
    if count is not None and any(p.kind != "heading" for p in doc.paragraphs):
        assert indices, "a text with a paragraph that is not a heading always gets a summary sentence"
    return summary.algorithm, indices, summary.spans, summary.note


@SLOW
@given(text=st.one_of(news_article, news_article, news_text, mixed_text, full_unicode_text), count=st.one_of(st.none(), st.integers(1, 6)))
def test_summarize_every_algorithm(text: str, count: int | None) -> None:
    doc = build(text)
    if doc is None:
        return
    for algorithm in ALGORITHMS:
        first = assert_valid_summary(doc, algorithm, count)
        fresh = document_from_plain_text(text, "generated.txt")
        assert assert_valid_summary(fresh, algorithm, count) == first, f"{algorithm} is not deterministic"


# --- people -----------------------------------------------------------------------------------------------------


def people_of(doc: Document) -> list[tuple]:
    people = find_people(doc)
    text = doc.text
    all_mentions = []
    for person in people:
        assert person.name and person.name == person.name.strip()
        assert FORBIDDEN.search(person.name) is None
        assert person.mentions, person
        previous_end = 0
        for span in person.mentions:
            assert 0 <= span.start < span.end <= len(text), span
            mention = text[span.start : span.end]
            assert mention.strip() and mention == mention.strip(), repr(mention)
            assert span.start >= previous_end, "mentions ascending and disjoint"
            previous_end = span.end
            all_mentions.append(span)
    counts = [len(p.mentions) for p in people]
    assert counts == sorted(counts, reverse=True), "most-mentioned first"
    all_mentions.sort()
    for before, after in zip(all_mentions, all_mentions[1:]):
        assert before.end <= after.start, ("two people claim overlapping text", before, after)
    return [(p.name, p.aliases, p.titles, p.mentions) for p in people]


@FAST
@given(st.one_of(news_article, news_text, mixed_text, full_unicode_text))
@example("Donald Trump met Vladimir Putin. Trump said Putin was strong. Melania Trump smiled.")
@example("Mr. [bold]Smith[/] met Dr. \x1b[31mJones\x1b[0m. Smith said \u202eJones\u202c left.")
def test_find_people(text: str) -> None:
    doc = build(text)
    if doc is None:
        return
    first = people_of(doc)
    assert people_of(doc) == first, "same Document, same people"
    assert people_of(document_from_plain_text(text, "generated.txt")) == first, "same text, same people"


def test_find_people_on_a_long_generated_text() -> None:
    """One bigger text (a few thousand words) through the same checks, outside hypothesis."""
    import random

    rng = random.Random(7)
    tokens = []
    for _ in range(4000):
        pick = rng.random()
        if pick < 0.15:
            tokens.append(rng.choice([f"{rng.choice(TITLES)} {rng.choice(FAMILY)}", f"{rng.choice(GIVEN)} "
                                      f"{rng.choice(FAMILY)}", rng.choice(FAMILY)]))
        elif pick < 0.25:
            tokens.append(rng.choice(CAPITALISED))
        elif pick < 0.32:
            tokens.append(rng.choice(PUNCT + QUOTES))
        elif pick < 0.34:
            tokens.append(rng.choice(HOSTILE_PIECES))
        else:
            tokens.append(rng.choice(LOWER))
    text = " ".join(tokens)
    doc = build(text)
    assert doc is not None
    assert_valid_document(doc)
    first = people_of(doc)
    assert first
    assert people_of(document_from_plain_text(text, "x")) == first
    for algorithm in ALGORITHMS:
        assert_valid_summary(doc, algorithm, 5)


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_summary_on_a_one_word_document(algorithm: str) -> None:
    doc = document_from_plain_text("\x1b[1mHello\x1b[0m", "one.txt")
    assert doc.text == "Hello"
    assert assert_valid_summary(doc, algorithm, None)[1] == (0,)


# --- issue 9: error lines, combining runs, bounded chunks ------------------------------------------------------

@given(full_unicode_text)
@FAST
def test_an_error_message_is_always_one_printable_line(text: str) -> None:
    message = str(ReaderError(text))
    assert message and "\n" not in message and FORBIDDEN.search(message) is None  # unassigned code points are not printable() but harmless
    assert len(message) <= 2000


@given(full_unicode_text)
@FAST
def test_no_run_of_combining_marks_longer_than_30_survives(text: str) -> None:
    import unicodedata

    from reader.sanitize import sanitise

    run = 0
    for ch in sanitise(text):
        run = run + 1 if unicodedata.combining(ch) else 0
        assert run <= 30


@given(st.lists(st.sampled_from(["Dr. ", "The end. ", "x" * 30, " ", "Hi! ", "A.B. ", "wait", "\u00e9. "]),
                max_size=120).map("".join), st.integers(8, 120))
@FAST
def test_bounded_chunks_cover_the_range_exactly(text: str, limit: int) -> None:
    from reader.document.sentences import bounded_chunks

    position = 0
    for start, end in bounded_chunks(text, 0, len(text), limit):
        assert start == position and start <= end and end - start <= limit
        position = end
    assert position == len(text)
