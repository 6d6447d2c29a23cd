"""A book's title and author when its Project Gutenberg header does not name them: the header's first line, or the
title page (as in the shared Moby-Dick, whose header is only the START line, and Pride and Prejudice, which has none)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.document.build import document_from_plain_text
from reader.document.title_page import title_page

BOOKS = Path(os.environ.get("READER_SHARED_DATA", Path(__file__).resolve().parents[2] / "shared" / "data")) / "books"
STORY = "\n\n".join(["CHAPTER 1. Loomings.", "Call me Ishmael. Some years ago I went to sea."] * 3)


def metadata(text: str) -> tuple[str | None, str | None]:
    document = document_from_plain_text(text, "book.txt")
    return document.title, document.meta.author


def test_a_header_of_only_the_start_line_takes_the_title_page() -> None:
    text = ("*** START OF THE PROJECT GUTENBERG EBOOK 2701 ***\n\n\n\nMOBY-DICK;\n\nor, THE WHALE.\n\n"
            "By Herman Melville\n\n\n\nCONTENTS\n\n" + STORY + "\n\n*** END OF THE PROJECT GUTENBERG EBOOK 2701 ***\n")
    assert metadata(text) == ("Moby-Dick; or, The Whale", "Herman Melville")


def test_a_text_without_header_takes_the_title_page_past_its_illustrations() -> None:
    text = ("                            [Illustration:\n\n                 GEORGE ALLEN\n                   PUBLISHER\n\n"
            "                   RUSKIN HOUSE\n                      ]\n\n"
            "                                PRIDE.\n                                  and\n"
            "                               PREJUDICE\n\n                                  by\n"
            "                             Jane Austen,\n\n                           with a Preface by\n"
            "                           George Saintsbury\n\n" + STORY)
    assert metadata(text) == ("Pride and Prejudice", "Jane Austen")


def test_an_older_header_names_the_book_in_its_first_line() -> None:
    text = ("The Project Gutenberg EBook of Emma, by Jane Austen\r\n\r\nThis eBook is for the use of anyone.\r\n\r\n"
            "*** START OF THIS PROJECT GUTENBERG EBOOK EMMA ***\r\n\r\n" + STORY)
    assert metadata(text) == ("Emma", "Jane Austen")


def test_header_fields_go_on_over_indented_lines_and_win_over_the_title_page() -> None:
    text = ("The Project Gutenberg eBook of Frankenstein\n\nTitle: Frankenstein;\n       Or, The Modern Prometheus\n\n"
            "Author: Mary Wollstonecraft Shelley\n\n*** START OF THE PROJECT GUTENBERG EBOOK FRANKENSTEIN ***\n\n"
            "FRANKENSTEIN\n\nby Somebody Else\n\n" + STORY)
    assert metadata(text) == ("Frankenstein; Or, The Modern Prometheus", "Mary Wollstonecraft Shelley")


@pytest.mark.parametrize("blocks, expected", [
    (["THE TIME MACHINE", "AN INVENTION", "by H. G. Wells"], ("The Time Machine: An Invention", "H. G. Wells")),
    (["WAR AND PEACE", "By Leo Tolstoy"], ("War and Peace", "Leo Tolstoy")),
    (["Harbour chief speaks", "By Rosa Lindqvist, Staff Reporter", "Text."], ("Harbour chief speaks", "Rosa Lindqvist")),
    (["A headline of a story", "By Monday, the council had voted to close the pool.", "Text."], (None, None)),
    (["by the way, this is not a title page"], (None, None)),
    (["One line.", "Two.", "Three.", "Four.", "By Someone"], (None, None)),  # a title page is short
    ([" ".join(["word"] * 40), "By Someone"], (None, None)),
])
def test_title_page(blocks, expected) -> None:
    assert title_page(blocks) == expected


@pytest.mark.skipif(not BOOKS.is_dir(), reason="the shared books are not present")
@pytest.mark.parametrize("name, expected", [
    ("pride_and_prejudice_pg1342.txt", ("Pride and Prejudice", "Jane Austen")),
    ("moby_dick_pg2701.txt", ("Moby-Dick; or, The Whale", "Herman Melville")),
    ("frankenstein_pg84.txt", ("Frankenstein; Or, The Modern Prometheus", "Mary Wollstonecraft Shelley")),
])
def test_the_shared_books_are_named(name, expected) -> None:
    from reader.document.load import load_document

    document = load_document(str(BOOKS / name))
    assert (document.title, document.meta.author) == expected


def test_only_the_ends_of_a_long_block_are_read() -> None:
    """A one-line file of 30 MB is one block: the title page reads its start and end, not all of it (splitting it
    whole cost 13x the file in memory); a long illustration caption still ends at its "]"."""

    class Endless(str):
        def split(self, *args):  # the whole block split into words is what cost the memory
            raise AssertionError("the whole block was split")

    assert title_page([Endless("word " * 100_000)]) == (None, None)
    caption = "[Illustration: " + "a long caption " * 200 + "]"
    assert title_page([caption, "THE LONG VOYAGE", "by Ann Lee"]) == ("The Long Voyage", "Ann Lee")
