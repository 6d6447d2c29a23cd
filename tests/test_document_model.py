"""The Document: paragraphs, normalisation, metadata, sanitising; every span round-trips."""

from __future__ import annotations

import dataclasses

import pytest

from reader.document.build import Block, build_document, document_from_plain_text
from reader.document.model import Metadata
from reader.sanitize import sanitise, sanitise_line
from reader.errors import ReaderError


def test_one_paragraph_per_line_without_blank_lines() -> None:
    doc = document_from_plain_text("First para.\nSecond para.\r\nThird.", "t")
    assert [doc.text[p.start : p.end] for p in doc.paragraphs] == ["First para.", "Second para.", "Third."]
    assert doc.text == "First para.\n\nSecond para.\n\nThird."


def test_hard_wrapped_paragraphs_are_unwrapped() -> None:
    text = "A long line that was\nwrapped by hand.\n\nNext paragraph\nalso wrapped.\n"
    doc = document_from_plain_text(text, "t")
    assert [doc.text[p.start : p.end] for p in doc.paragraphs] == [
        "A long line that was wrapped by hand.", "Next paragraph also wrapped."]


def test_short_capitalised_line_is_a_heading() -> None:
    doc = document_from_plain_text("CHAPTER IV\n\nIt was a dark night. Rain fell.", "t")
    assert [p.kind for p in doc.paragraphs] == ["heading", "text"]


def test_gutenberg_header_and_footer_are_dropped() -> None:
    text = ("The Project Gutenberg eBook of Tiny\n\nTitle: Tiny Book\n\nAuthor: A. Writer\n\n"
            "*** START OF THE PROJECT GUTENBERG EBOOK TINY ***\n\nOnce upon a time.\n\n"
            "*** END OF THE PROJECT GUTENBERG EBOOK TINY ***\n\nLicence text.")
    doc = document_from_plain_text(text, "t")
    assert doc.text == "Once upon a time."
    assert doc.title == "Tiny Book" and doc.meta.author == "A. Writer"


def test_empty_and_whitespace_only_input_is_an_error() -> None:
    for text in ("", "   \n\n \t \n"):
        with pytest.raises(ReaderError, match="no readable text"):
            document_from_plain_text(text, "empty.txt")


def test_document_is_immutable(seed_document) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        seed_document.text = "changed"  # type: ignore[misc]


def test_stats(seed_document) -> None:
    assert seed_document.word_count == len(seed_document.text.split())
    assert seed_document.reading_minutes == round(seed_document.word_count / 238, 1)


def test_offset_lookups(seed_document) -> None:
    doc = seed_document
    third = doc.sentences[3]
    assert doc.sentence_index_at(third.start + 1) == 3
    assert doc.paragraphs[doc.paragraph_index_at(third.start)].start <= third.start


def test_blocks_keep_kinds_and_code_lines() -> None:
    doc = build_document([Block("Title", "heading", 1), Block("x = 1\n  y = 2\n", "code"), Block("Body text.")],
                         Metadata(source="t"))
    assert [p.kind for p in doc.paragraphs] == ["heading", "code", "text"]
    code = doc.paragraphs[1]
    assert doc.text[code.start : code.end] == "x = 1\n  y = 2"


@pytest.mark.parametrize("hostile,expected", [
    ("a\x1b]0;pwned\x07b", "ab"),                    # OSC: set window title
    ("a\x1b]52;c;aGVsbG8=\x07b", "ab"),              # OSC 52: write the clipboard
    ("a\x1b[2J\x1b[Hb", "ab"),                       # CSI: clear screen, move cursor
    ("a\x9b31mb", "ab"),                             # 8-bit CSI
    ("a\u202eb\u2066c", "abc"),                      # bidi override / isolate
    ("a\x00b\x07c\x7fd", "abcd"),                    # NUL, BEL, DEL
    ("[bold]x[/] [@click=app.quit]", "[bold]x[/] [@click=app.quit]"),  # markup is plain text here
])
def test_sanitise_removes_terminal_control(hostile: str, expected: str) -> None:
    assert sanitise(hostile) == expected


def test_sanitised_metadata_is_one_line() -> None:
    doc = build_document([Block("Body.")], Metadata(source="t", title="Evil\x1b]0;x\x07\nTitle", author="  A  B "))
    assert doc.title == "Evil Title" and doc.meta.author == "A B"
    assert sanitise_line("x" * 1000, limit=10) == "x" * 9 + "…"


def test_a_headline_first_line_becomes_the_title() -> None:
    doc = document_from_plain_text("Harbour chief wants a flood grant\nBy A. Reporter\nThe harbour is old. It floods.", "t")
    assert doc.title == "Harbour chief wants a flood grant"
    assert doc.paragraphs[0].kind == "heading"
    not_headline = document_from_plain_text("Washington – Trump spoke today.\nMore text.\nEven more.", "t")
    assert not_headline.title is None and not_headline.paragraphs[0].kind == "text"


def test_decomposed_accents_are_composed() -> None:
    doc = document_from_plain_text("Rene\u0301e Zellweger spoke. Chloe\u0308 agreed.", "t")
    assert "Renée Zellweger" in doc.text and "Chloë" in doc.text


def test_word_count_equals_split_across_chunk_boundaries() -> None:
    from reader.document.model import count_words

    text = ("word\u3000" * 300_001 + "a" * 1_500_000 + " tail\n\u2003end ") * 2
    assert count_words(text) == len(text.split())
    assert count_words("") == 0 and count_words("   ") == 0 and count_words("one") == 1
