"""No spoilers: people, mentions, summary sentences and quotes limited to the text read so far."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from reader.document.build import document_from_plain_text
from reader.document.model import Span
from reader.nlp.results import Person, Summary
from reader.nlp.spoilers import people_up_to, person_up_to, spans_up_to, summary_up_to

TEXT = ("Count Rostov met Natasha in the garden. Natasha laughed. Later Pierre arrived. "
        "Natasha Rostova danced with Pierre Bezukhov, and the Prince watched. Prince Andrew smiled.")


def span_of(text: str, needle: str, nth: int = 0) -> Span:
    start = -1
    for _ in range(nth + 1):
        start = TEXT.index(needle, start + 1)
    return Span(start, start + len(needle))


NATASHA = Person("Natasha Rostova", ("Natasha", "Natasha Rostova"), (),
                 (span_of(TEXT, "Natasha"), span_of(TEXT, "Natasha", 1), span_of(TEXT, "Natasha Rostova")),
                 key="natasha-rostova")
PIERRE = Person("Pierre Bezukhov", ("Pierre", "Pierre Bezukhov"), (),
                (span_of(TEXT, "Pierre"), span_of(TEXT, "Pierre Bezukhov")), key="pierre-bezukhov")
ANDREW = Person("Andrew", ("Andrew",), ("Prince",), (span_of(TEXT, "Andrew"),), key="andrew")
PEOPLE = [NATASHA, PIERRE, ANDREW]


def test_people_not_met_yet_are_left_out_and_counts_are_limited():
    offset = TEXT.index("Later")
    people = people_up_to(PEOPLE, offset)
    assert [p.key for p in people] == ["natasha-rostova"]
    assert len(people[0].mentions) == 2
    assert all(m.end <= offset for m in people[0].mentions)


def test_order_follows_the_counts_so_far():
    # just after "Pierre Bezukhov": Natasha 3, Pierre 2; before "Natasha Rostova": Natasha 2, Pierre 1
    assert [p.key for p in people_up_to(PEOPLE, TEXT.index("danced"))] == ["natasha-rostova", "pierre-bezukhov"]
    offset = TEXT.index("Prince Andrew") + len("Prince Andrew")
    people = people_up_to(PEOPLE, offset)
    assert [len(p.mentions) for p in people] == [3, 2, 1]
    assert people[0] is NATASHA  # everything read: the person as found


def test_a_mention_counts_only_once_read_whole():
    mention = PIERRE.mentions[0]
    assert person_up_to(PIERRE, mention.end - 1) is None
    assert person_up_to(PIERRE, mention.end).mentions == (mention,)


def test_a_full_name_revealed_later_does_not_leak():
    offset = TEXT.index("Later")
    natasha = person_up_to(NATASHA, offset, TEXT)
    assert natasha.name == "Natasha" and natasha.aliases == ("Natasha",)
    assert natasha.key == "natasha-rostova"  # the key stays stable, for jumps and caches
    assert person_up_to(NATASHA, offset).name == "Natasha Rostova"  # without the text only counts are limited


def test_titles_are_kept_only_once_seen():
    andrew = person_up_to(ANDREW, len(TEXT), TEXT)
    assert andrew.titles == ("Prince",)
    renamed = Person("Andrew", ("Andrew",), ("Prince", "General"), ANDREW.mentions + (Span(len(TEXT), len(TEXT)),))
    assert person_up_to(renamed, len(TEXT) - 1, TEXT).titles == ("Prince",)


def test_summary_keeps_only_sentences_read():
    summary = Summary("lexrank", (0, 3, 7), (Span(0, 40), Span(100, 140), Span(300, 350)), note="n")
    recap = summary_up_to(summary, 140)
    assert recap.sentence_indices == (0, 3) and recap.spans == (Span(0, 40), Span(100, 140))
    assert recap.algorithm == "lexrank" and recap.note == "n"
    assert summary_up_to(summary, 0).spans == ()
    assert summary_up_to(summary, 10_000) is summary


@dataclass(frozen=True)
class Quote:  # any result with a span: quotes, search hits
    speaker: str
    span: Span


def test_quotes_and_other_spans():
    quotes = [Quote("a", Span(0, 10)), Quote("b", Span(20, 30)), Quote("c", Span(5, 12))]
    assert spans_up_to(quotes, 12, lambda q: q.span) == [quotes[0], quotes[2]]
    assert spans_up_to([Span(0, 3), Span(4, 9)], 8) == [Span(0, 3)]


@pytest.mark.parametrize("fraction", [0.0, 0.3, 0.6, 1.0])
def test_on_the_people_found_in_the_seed_article(seed_document, fraction):
    from reader.nlp.people import find_people

    people = find_people(seed_document)
    offset = int(len(seed_document.text) * fraction)
    limited = people_up_to(people, offset, seed_document.text)
    keys = {p.key for p in people}
    for person in limited:
        assert person.key in keys and person.mentions
        assert all(m.end <= offset for m in person.mentions)
        assert person.name in {seed_document.text[m.start : m.end] for m in person.mentions} | {
            next(p.name for p in people if p.key == person.key)}
    expected = {p.key for p in people if any(m.end <= offset for m in p.mentions)}
    assert {p.key for p in limited} == expected
    counts = [len(p.mentions) for p in limited]
    assert counts == sorted(counts, reverse=True)


def test_on_by_default_in_books_off_in_articles(seed_document):
    from reader.nlp.spoilers import hide_spoilers_by_default

    assert not hide_spoilers_by_default(seed_document)
    chapters = "\n\n".join(f"CHAPTER {n}.\n\n{TEXT}" for n in range(1, 4))
    assert hide_spoilers_by_default(document_from_plain_text(chapters, "novella.txt"))
    long_text = "\n\n".join([TEXT] * 800)  # about 17,000 words, no chapters
    assert hide_spoilers_by_default(document_from_plain_text(long_text, "long.txt"))
