"""Sentence splitting with the shipped Punkt parameters: hard cases from news text."""

from __future__ import annotations

import pytest

from reader.document.build import document_from_plain_text
from reader.document.sentences import split_text

HARD_CASES = [
    ("Sen. Elizabeth Warren spoke first. Then Gov. Gavin Newsom replied.",
     ["Sen. Elizabeth Warren spoke first.", "Then Gov. Gavin Newsom replied."]),
    ("He moved to the U.S. Then he left.", ["He moved to the U.S.", "Then he left."]),
    ("She was born in Washington, D.C. She later moved.", ["She was born in Washington, D.C.", "She later moved."]),
    ("President George W. Bush met Mr. Putin. They talked.",
     ["President George W. Bush met Mr. Putin.", "They talked."]),
    ("Dr. Smith arrived at 5 p.m. on Jan. 5. The meeting began.",
     ["Dr. Smith arrived at 5 p.m. on Jan. 5.", "The meeting began."]),
    ("The company, Acme Inc., grew. It hired 50 people.", ["The company, Acme Inc., grew.", "It hired 50 people."]),
    ('"I will win," he said. "You will see."', ['"I will win," he said.', '"You will see."']),
    ("Lt. Gen. Michael Flynn resigned. Rep. Adam Schiff spoke.",
     ["Lt. Gen. Michael Flynn resigned.", "Rep. Adam Schiff spoke."]),
    ("Prices rose in the U.K. and the U.S. last year. Analysts were surprised.",
     ["Prices rose in the U.K. and the U.S. last year.", "Analysts were surprised."]),
    ("He works for Apple Inc. The firm is big.", ["He works for Apple Inc.", "The firm is big."]),
    ("It was No. 2 on the list. Really.", ["It was No. 2 on the list.", "Really."]),
    ("They met at St. Paul's cathedral. Ms. Jones sang.", ["They met at St. Paul's cathedral.", "Ms. Jones sang."]),
    ("He said: “The more difficult they were, the better I did.” Others agreed.",
     ["He said: “The more difficult they were, the better I did.”", "Others agreed."]),
    ("J. R. R. Tolkien wrote books. He died in 1973.", ["J. R. R. Tolkien wrote books.", "He died in 1973."]),
]


@pytest.mark.parametrize("text,expected", HARD_CASES, ids=[c[0][:30] for c in HARD_CASES])
def test_hard_cases(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_text(text)] == expected


def test_spans_are_offsets_into_the_whole_text() -> None:
    text = "Intro line.\n\nFirst one. Second one.\n\nLast paragraph here."
    doc = document_from_plain_text(text, "t")
    got = [doc.text[s.start : s.end] for s in doc.sentences]
    assert got == ["Intro line.", "First one.", "Second one.", "Last paragraph here."]


def test_sentences_never_cross_paragraphs() -> None:
    doc = document_from_plain_text("no final stop here\nNext paragraph. Two", "t")
    for span in doc.sentences:
        assert "\n" not in doc.text[span.start : span.end]
    assert len(doc.sentences) == 3


def test_seed_article_sentence_count(seed_path) -> None:
    doc = document_from_plain_text(seed_path.read_text("utf-8"), str(seed_path))
    assert 70 <= len(doc.sentences) <= 76
    for span in doc.sentences:
        piece = doc.text[span.start : span.end]
        assert piece and piece == piece.strip()


@pytest.mark.parametrize("text,expected", [
    ("“How can he talk like that?” thought Pierre. “Is it true?” asked Anna.",
     ["“How can he talk like that?” thought Pierre.", "“Is it true?” asked Anna."]),
    ("“Stop!” cried Rostóv. Émile left at once.", ["“Stop!” cried Rostóv.", "Émile left at once."]),
    ("Wow! Really? Yes.", ["Wow!", "Really?", "Yes."]),
])
def test_a_sentence_does_not_start_in_lowercase(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_text(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("“Mr. Darcy is not so well worth listening to,” said she. He left.",
     ["“Mr. Darcy is not so well worth listening to,” said she.", "He left."]),
    ("He said “Mrs. Long told me so.” Then he left.", ["He said “Mrs. Long told me so.”", "Then he left."]),
    ("‘Dr. Watson is here,’ she said. He came in.", ["‘Dr. Watson is here,’ she said.", "He came in."]),
    ("They walked to St. Paul’s. Ms. Smith followed.", ["They walked to St. Paul’s.", "Ms. Smith followed."]),
    ("Ask Mr. Smith. He knows.", ["Ask Mr. Smith.", "He knows."]),  # a title at a real sentence end
])
def test_no_break_after_a_title_before_a_name(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_text(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("He stopped. . And then he went on.", ["He stopped. .", "And then he went on."]),
    ("This b***h is pimpin now ! ! ! ' She also attached a photo.",
     ["This b***h is pimpin now ! ! ! '", "She also attached a photo."]),
])
def test_no_sentence_of_punctuation_alone(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_text(text)] == expected


@pytest.mark.parametrize("text,expected", [
    ("What the sh** is this? Nobody knew.", ["What the sh** is this?", "Nobody knew."]),
    ("He said it was sh**. Then he left.", ["He said it was sh**.", "Then he left."]),
    ("“Who are you?”—he at last said. Then he slept.", ["“Who are you?”—he at last said.", "Then he slept."]),
    ("“Queequeg!”—but his only answer was a snore. Morning came.",
     ["“Queequeg!”—but his only answer was a snore.", "Morning came."]),
])
def test_no_break_inside_a_word(text: str, expected: list[str]) -> None:
    assert [text[s.start : s.end] for s in split_text(text)] == expected
