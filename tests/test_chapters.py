"""Chapters and parts found in plain-text, Markdown and HTML books (reader.document.chapters)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from reader.document.build import document_from_plain_text
from reader.document.chapters import chapter_label, chapter_labels, chapter_trail, next_chapter, previous_chapter
from reader.document.html import html_document
from reader.document.markdown import markdown_document
from reader.document.model import Chapter, Document

BODY = ("It was a bright cold day, and the clocks were striking thirteen while everyone in the town "
        "went about their business without a care. ")


def body(words: str = "") -> str:
    return (words + " " + BODY * 2).strip()


def plain(*blocks: str) -> Document:
    return document_from_plain_text("\n\n".join(blocks) + "\n", "book.txt")


def titles(document: Document, level: int | None = None) -> list[str]:
    return [c.title for c in document.chapters if level is None or c.level == level]


def test_roman_numbered_chapters_with_their_spans():
    doc = plain("My Novel", "CHAPTER I.", body("One."), "CHAPTER II.", body("Two."), "CHAPTER III.", body("Three."))
    assert titles(doc) == ["CHAPTER I", "CHAPTER II", "CHAPTER III"]
    first, second, third = doc.chapters
    assert doc.text[first.start : first.start + 10] == "CHAPTER I."
    assert first.end == second.start and second.end == third.start and third.end == len(doc.text)
    assert all(c.level == 2 for c in doc.chapters)
    assert "One." in doc.text[first.start : first.end] and "Two." not in doc.text[first.start : first.end]


def test_numbered_chapters_with_titles_keep_the_title():
    doc = plain("CHAPTER 1. Loomings.", body("Call me Ishmael."), "CHAPTER 2. The Carpet-Bag.", body(),
                "Chapter 3: The Spouter-Inn", body(), "Chapter Four", body())
    assert titles(doc) == ["CHAPTER 1. Loomings", "CHAPTER 2. The Carpet-Bag", "Chapter 3: The Spouter-Inn",
                           "Chapter Four"]


def test_prose_that_starts_with_chapter_is_not_a_heading():
    doc = plain("Chapter 3 was the best part of the book, she said.", body(), "CHAPTER 1", body())
    assert titles(doc) == ["CHAPTER 1"]


def test_books_are_parts_that_hold_their_chapters():
    doc = plain("BOOK ONE: 1805", "CHAPTER I", body(), "CHAPTER II", body(),
                "BOOK TWO: 1805", "CHAPTER I", body(), "FIRST EPILOGUE: 1813 - 20", "CHAPTER I", body())
    assert [(c.title, c.level) for c in doc.chapters] == [
        ("BOOK ONE: 1805", 1), ("CHAPTER I", 2), ("CHAPTER II", 2),
        ("BOOK TWO: 1805", 1), ("CHAPTER I", 2), ("FIRST EPILOGUE: 1813 - 20", 1), ("CHAPTER I", 2)]
    book_one, _, chapter_two, book_two, *_ = doc.chapters
    assert book_one.end == book_two.start  # a part ends where the next part begins
    assert chapter_two.end == book_two.start  # a chapter ends at the next heading of any level


def test_part_and_volume_headings():
    doc = plain("VOLUME I", "PART 1", "Chapter 1", body(), "PART TWO", "Chapter 2", body())
    assert [(c.title, c.level) for c in doc.chapters] == [
        ("VOLUME I", 1), ("PART 1", 1), ("Chapter 1", 2), ("PART TWO", 1), ("Chapter 2", 2)]


def test_an_epilogue_without_parts_is_a_chapter():
    doc = plain("CHAPTER 1. Start.", body(), "CHAPTER 2. End.", body(), "Epilogue", body())
    assert [(c.title, c.level) for c in doc.chapters][-1] == ("Epilogue", 2)


def test_letters_are_chapters():
    doc = plain("Letter 1", body("Dear sister."), "Letter 2", body(), "Chapter 1", body())
    assert titles(doc) == ["Letter 1", "Letter 2", "Chapter 1"]


def test_bare_roman_numerals_when_the_book_numbers_chapters_that_way():
    doc = plain("I.", body(), "II.", body(), "III.", body(), "IV.", body())
    assert titles(doc) == ["I", "II", "III", "IV"]
    # one stray "I." in an article is not a chapter
    assert plain("Intro text here.", "I.", body()).chapters == ()


def test_an_article_without_headings_has_no_chapters():
    doc = plain(body(), body(), body())
    assert doc.chapters == ()
    assert doc.chapter_at(10) is None


def test_a_contents_list_at_the_front_is_not_a_second_set_of_chapters():
    contents = ["CHAPTER 1. Loomings.", "CHAPTER 2. The Carpet-Bag.", "CHAPTER 3. The Spouter-Inn.", "Epilogue"]
    doc = plain("MOBY-DICK", "CONTENTS", *contents, "ETYMOLOGY.", body("Whale."),
                "CHAPTER 1. Loomings.", body(), "CHAPTER 2. The Carpet-Bag.", body(),
                "CHAPTER 3. The Spouter-Inn.", body(), "Epilogue", body())
    assert titles(doc) == ["CHAPTER 1. Loomings", "CHAPTER 2. The Carpet-Bag", "CHAPTER 3. The Spouter-Inn",
                           "Epilogue"]
    assert doc.chapters[0].start == doc.text.index("Loomings.\n\nIt was") - len("CHAPTER 1. ")


def test_a_contents_list_that_runs_straight_into_the_text():
    contents = ["BOOK ONE: 1805", "CHAPTER I", "CHAPTER II", "BOOK TWO: 1805", "CHAPTER I"]
    doc = plain("Contents", *contents, *contents[:2], body(), "CHAPTER II", body(), "BOOK TWO: 1805",
                "CHAPTER I", body())
    assert [(c.title, c.level) for c in doc.chapters] == [
        ("BOOK ONE: 1805", 1), ("CHAPTER I", 2), ("CHAPTER II", 2), ("BOOK TWO: 1805", 1), ("CHAPTER I", 2)]
    assert doc.chapters[0].start > doc.text.index("CHAPTER II")  # the real Book One, after the contents


def test_a_contents_list_whose_titles_never_come_back_is_dropped():
    doc = plain("Contents", "Chapter 1", "Chapter 2", "Chapter 3", "Chapter 4", "Preface", body(),
                "Letter 1", body(), "Letter 2", body())
    assert titles(doc)[-2:] == ["Letter 1", "Letter 2"]
    assert not {"Chapter 1", "Chapter 2", "Chapter 3"} & set(titles(doc))


def test_markdown_headings_are_chapters_and_a_lone_title_is_not():
    md = "\n\n".join(["# The Book", "## Getting started", body(), "## Going further", body()]) + "\n"
    doc = markdown_document(md, "book.md")
    assert [(c.title, c.level) for c in doc.chapters] == [("Getting started", 2), ("Going further", 2)]


def test_markdown_sections_and_subsections_below_a_title():
    md = "\n\n".join(["# The Book", "## Getting started", body(), "### A detail", body(), "#### Too deep",
                      body(), "## Going further", body()]) + "\n"
    doc = markdown_document(md, "book.md")
    assert [(c.title, c.level) for c in doc.chapters] == [
        ("Getting started", 1), ("A detail", 2), ("Going further", 1)]


def test_a_document_whose_only_heading_is_its_title_has_no_chapters():
    doc = markdown_document("# Sample articles\n\n" + body() + "\n\n" + body() + "\n", "README.md")
    assert doc.chapters == ()


def test_markdown_parts_and_chapters():
    md = "\n\n".join(["# Part One", "## First steps", body(), "## More steps", body(), "# Part Two",
                      "## Last steps", body()]) + "\n"
    doc = markdown_document(md, "book.md")
    assert [(c.title, c.level) for c in doc.chapters] == [
        ("Part One", 1), ("First steps", 2), ("More steps", 2), ("Part Two", 1), ("Last steps", 2)]


def test_html_headings_are_chapters():
    page = ("<html><head><title>A book</title></head><body><article><h1>A book</h1>"
            f"<h2>Chapter 1</h2><p>{body()}</p><h2>Chapter 2</h2><p>{body()}</p>"
            f"<p>{body()}</p></article></body></html>")
    doc = html_document(page, "book.html")
    assert titles(doc) == ["Chapter 1", "Chapter 2"]


def test_chapter_at_gives_the_innermost_chapter():
    doc = plain("Preface text that comes first, before any chapter at all.", "BOOK ONE", "CHAPTER I", body(),
                "CHAPTER II", body())
    book, first, second = doc.chapters
    assert doc.chapter_at(0) is None
    assert doc.chapter_at(book.start) == book  # on the part's heading, before its first chapter
    assert doc.chapter_at(first.start + 5) == first
    assert doc.chapter_at(second.end - 1) == second
    assert doc.chapter_at(len(doc.text) + 10) is None


def test_chapters_are_a_light_value():
    chapter = Chapter("CHAPTER I", 0, 10, 2)
    assert chapter == Chapter("CHAPTER I", 0, 10)

BLOCKS = st.sampled_from(["CHAPTER I.", "CHAPTER II", "Chapter 3. A title", "BOOK ONE", "PART 2", "Epilogue",
                          "IV.", "Contents", body(), "Short line.", "Letter 1"])


@settings(max_examples=60, deadline=None)
@given(st.lists(BLOCKS, max_size=25))
def test_chapters_are_ordered_nested_spans_of_the_text(blocks):
    doc = plain(*blocks) if blocks else plain("x")
    previous = -1
    for chapter in doc.chapters:
        assert 0 <= chapter.start < chapter.end <= len(doc.text) and chapter.level in (1, 2)
        assert chapter.start > previous
        previous = chapter.start
        assert doc.text[chapter.start :].startswith(chapter.title[:5])
        if chapter.level == 2:
            assert doc.chapter_at(chapter.start) == chapter
    for part in (c for c in doc.chapters if c.level == 1):
        inside = [c for c in doc.chapters if part.start < c.start < part.end]
        assert all(c.level == 2 and c.end <= part.end for c in inside)


def war_and_peace_like() -> Document:
    return plain("Preface text that comes first, before any chapter at all.", "BOOK ONE: 1805", "CHAPTER I", body(),
                 "CHAPTER II", body(), "BOOK TWO: 1805", "CHAPTER I", body(), "CHAPTER II", body(),
                 "CHAPTER III", body())


def test_labels_and_trails_for_rows_and_the_header():
    doc = war_and_peace_like()
    book_one, ch1, ch2, book_two, ch2_1, ch2_2, ch2_3 = doc.chapters
    assert chapter_trail(doc.chapters, ch2_2.start + 3) == (book_two, ch2_2)
    assert chapter_label(doc.chapters, ch2_2.start + 3) == "ch. 2.2"
    assert chapter_label(doc.chapters, ch1.start) == "ch. 1.1"
    assert chapter_label(doc.chapters, book_two.start) == "pt. 2"
    assert chapter_label(doc.chapters, 0) is None and chapter_trail(doc.chapters, 0) == ()
    assert chapter_labels(doc.chapters) == ("pt. 1", "ch. 1.1", "ch. 1.2", "pt. 2", "ch. 2.1", "ch. 2.2", "ch. 2.3")
    flat = plain("CHAPTER 1.", body(), "CHAPTER 2.", body(), "CHAPTER 3.", body())
    assert [chapter_label(flat.chapters, c.start + 1) for c in flat.chapters] == ["ch. 1", "ch. 2", "ch. 3"]
    assert chapter_trail(flat.chapters, flat.chapters[1].start) == (flat.chapters[1],)


def test_next_and_previous_chapter_skip_a_part_heading_right_before_its_chapter():
    doc = war_and_peace_like()
    book_one, ch1, ch2, book_two, ch2_1, ch2_2, ch2_3 = doc.chapters
    assert next_chapter(doc.chapters, 0) == ch1
    assert next_chapter(doc.chapters, ch2.start) == ch2_1  # not BOOK TWO's heading, a line above it
    assert next_chapter(doc.chapters, ch2_3.start) is None
    assert previous_chapter(doc.chapters, ch2_1.start) == ch2
    assert previous_chapter(doc.chapters, ch2_1.start + 10) == ch2_1  # back to the start of this chapter
    assert previous_chapter(doc.chapters, ch1.start) is None
    epilogue = plain("BOOK ONE", "CHAPTER I", body(), "EPILOGUE", body())  # a part with no chapters is a stop
    assert next_chapter(epilogue.chapters, epilogue.chapters[1].start) == epilogue.chapters[2]
