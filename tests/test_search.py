"""The pure search module: accent folding with exact offsets, smart case, regexes, caps and cancellation."""

from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reader.nlp.analysis import Cancelled
from reader.ui.search import BadQuery, FoldedText, find_hits, fold


def found(text: str, query: str, **options) -> list[str]:
    return [text[s.start:s.end] for s in find_hits(text, query, **options).spans]


def test_accents_never_matter_and_lowercase_ignores_case() -> None:
    text = "Natásha met natasha and NATASHA."
    assert found(text, "natasha") == ["Natásha", "natasha", "NATASHA"]
    assert found(text, "natásha") == ["Natásha", "natasha", "NATASHA"]


def test_smart_case_a_capital_matches_case_exactly() -> None:
    text = "Natásha met natasha and NATASHA."
    assert found(text, "Natasha") == ["Natásha"]
    assert found(text, "NATASHA") == ["NATASHA"]


def test_offsets_stay_exact_when_folding_changes_lengths() -> None:
    # decomposed accents (two characters each), a Hangul syllable (three jamo), a lone mark
    text = "Cafe\u0301 ... cafe\u0301 and 한국 then Nata\u0301sha\u0301 end"
    assert found(text, "cafe") == ["Cafe\u0301", "cafe\u0301"]
    assert found(text, "natasha") == ["Nata\u0301sha\u0301"]
    assert found(text, "end") == ["end"]
    assert found(text, "국") == ["국"]


def test_regex_with_prefix_or_setting() -> None:
    text = "Prince Andrew and Princess Mary; prince Vasíli."
    assert found(text, r"re:prince(ss)? \w+") == ["Prince Andrew", "Princess Mary", "prince Vasíli"]
    assert found(text, r"re:\bPrince\b") == ["Prince"]  # a capital outside the escapes: exact case
    assert found(text, r"\Sary", regex=True) == ["Mary"]  # \S is no capital: case ignored
    assert found("xaaxbxa", "re:a*") == ["aa", "a"]  # empty matches are skipped


def test_plain_query_is_literal() -> None:
    assert found("a.b axb (c)", "a.b") == ["a.b"]
    assert found("a.b axb (c)", "(c)") == ["(c)"]


@pytest.mark.parametrize("query", ["re:(", "re:[a-", "re:", "", "re:a{2,1}"])
def test_bad_query_is_one_line(query: str) -> None:
    with pytest.raises(BadQuery) as info:
        find_hits("text", query)
    assert str(info.value) and "\n" not in str(info.value)


def test_hits_are_capped() -> None:
    hits = find_hits("ab " * 50, "ab", limit=10)
    assert len(hits.spans) == 10 and hits.capped
    hits = find_hits("ab " * 10, "ab", limit=10)
    assert len(hits.spans) == 10 and not hits.capped


def test_hits_across_chunk_boundaries(monkeypatch) -> None:
    import reader.ui.search as search

    monkeypatch.setattr(search, "CHUNK_CHARS", 7)
    text = "xxxxxNatásha xxxxxxnatasha" * 3
    assert found(text, "natasha") == ["Natásha", "natasha"] * 3


def test_cancelled_between_chunks() -> None:
    with pytest.raises(Cancelled):
        find_hits("word " * 100_000, "word", should_stop=lambda: True)


def test_folded_text_can_be_reused() -> None:
    folded = FoldedText("Pierre Bezúkhov")
    assert fold("Bezúkhov") == "Bezukhov"
    assert [(s.start, s.end) for s in find_hits(folded, "bezukhov").spans] == [(7, 15)]


@given(st.text(alphabet=st.sampled_from("aeAE \u0301\u0308éÉ한ß"), max_size=40), st.sampled_from(["a", "e", "ae", "E"]))
def test_every_hit_folds_back_to_the_query(text: str, query: str) -> None:
    text = unicodedata.normalize("NFC", text)
    spans = find_hits(text, query).spans
    for span in spans:
        piece = fold(text[span.start:span.end])
        assert piece == query if query != query.lower() else piece.lower() == query
    assert all(a.end <= b.start for a, b in zip(spans, spans[1:]))
