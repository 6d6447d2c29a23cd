"""Summaries of one chapter and of the text read so far: offsets and indices refer to the whole document."""

from __future__ import annotations

from reader.document.build import document_from_plain_text
from reader.nlp.passages import passage, summarize_chapter, summarize_up_to

CHAPTER_ONE = ("Anna Petrova lived by the river in a small wooden house. She fished every morning at dawn. "
               "The villagers bought her fish at the market. Her nets were the best in the valley. "
               "One winter the river froze solid and the fish were gone. Anna waited for the spring thaw. ")
CHAPTER_TWO = ("Ivan Sokolov arrived in the village with a cart of books. He opened a library in the old mill. "
               "The children came every afternoon to read. Ivan taught them to write letters. "
               "The mill library became the heart of the village. Ivan and Anna became friends. ")
TEXT = "\n\n".join(["CHAPTER I.", CHAPTER_ONE * 3, "CHAPTER II.", CHAPTER_TWO * 3]) + "\n"


def test_a_chapter_summary_picks_sentences_of_that_chapter_only():
    doc = document_from_plain_text(TEXT, "book.txt")
    first, second = doc.chapters
    for chapter in (first, second):
        summary = summarize_chapter(doc, chapter, count=2)
        assert len(summary.spans) == 2
        for index, span in zip(summary.sentence_indices, summary.spans):
            assert chapter.start <= span.start < span.end <= chapter.end
            assert doc.sentences[index] == span  # indices refer to the whole document's sentences


def test_a_passage_keeps_the_text_and_its_offsets():
    doc = document_from_plain_text(TEXT, "book.txt")
    _, second = doc.chapters
    part = passage(doc, second.start, second.end)
    assert part.text is doc.text
    assert part.sentences == tuple(s for s in doc.sentences if second.start <= s.start < second.end)


def test_the_recap_never_uses_text_after_the_position():
    doc = document_from_plain_text(TEXT, "book.txt")
    _, second = doc.chapters
    offset = second.start + len("CHAPTER II.") + 40  # a little into chapter two: its paragraph is not read whole
    recap = summarize_up_to(doc, offset, count=3)
    assert recap.spans and all(span.end <= second.start for span in recap.spans)
    assert summarize_up_to(doc, 0).spans == ()
