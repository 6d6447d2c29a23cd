"""Wrapping into rows (the article view's whole layout) and n/N target stepping: pure logic."""

from __future__ import annotations

from hypothesis import given, settings
from rich.cells import cell_len
from hypothesis import strategies as st

from reader.document.build import Block, build_document, document_from_plain_text
from reader.document.model import Metadata, Span
from reader.errors import ReaderError
from reader.ui.layout import wrap_document
from reader.ui.targets import Targets


def test_rows_fit_the_width_and_cover_every_word(seed_document) -> None:
    layout = wrap_document(seed_document, 60)
    text = seed_document.text
    rebuilt = []
    for start, end, para in zip(layout.starts, layout.ends, layout.paras):
        assert cell_len(text[start:end]) <= 60
        if para >= 0:
            rebuilt.append(text[start:end])
    assert " ".join(rebuilt).split() == text.split()


def test_blank_row_between_paragraphs() -> None:
    doc = document_from_plain_text("One.\nTwo.", "t")
    layout = wrap_document(doc, 40)
    assert list(layout.paras) == [0, -1, 1]


def test_long_word_is_broken_at_the_width() -> None:
    doc = document_from_plain_text("x" * 25, "t")
    layout = wrap_document(doc, 10)
    assert [e - s for s, e in zip(layout.starts, layout.ends)] == [10, 10, 5]


def test_code_lines_are_kept() -> None:
    doc = build_document([Block("a = 1\nbb = 2", "code")], Metadata(source="t"))
    layout = wrap_document(doc, 40)
    assert [doc.text[s:e] for s, e in zip(layout.starts, layout.ends)] == ["a = 1", "bb = 2"]


def test_row_at_maps_offsets_to_rows(seed_document) -> None:
    layout = wrap_document(seed_document, 50)
    for row in (0, 5, len(layout) // 2, len(layout) - 1):
        if layout.paras[row] >= 0:
            assert layout.row_at(layout.starts[row]) == row


@settings(max_examples=60, deadline=None)
@given(st.text(st.characters(codec="utf-8"), min_size=1, max_size=400), st.integers(8, 100))
def test_wrap_never_loses_text(text: str, width: int) -> None:
    try:
        doc = document_from_plain_text(text, "t")
    except ReaderError:
        return  # empty after sanitising: covered elsewhere
    layout = wrap_document(doc, width)
    words = [w for s, e, p in zip(layout.starts, layout.ends, layout.paras) if p >= 0 for w in doc.text[s:e].split()]
    assert "".join(words) == "".join(doc.text.split())


def test_targets_step_and_wrap() -> None:
    spans = [Span(i * 10, i * 10 + 3) for i in range(4)]
    targets = Targets("Anna", spans)
    assert targets.jump_to(0) == spans[0]
    assert targets.step(+1) == (spans[1], False)
    assert targets.step(+1) == (spans[2], False)
    assert targets.status() == "Anna  3/4"
    assert targets.step(-1) == (spans[1], False)
    targets.jump_to(3)
    assert targets.step(+1) == (spans[0], True)
    assert targets.step(-1) == (spans[3], True)


def test_targets_first_from_the_reading_position() -> None:
    spans = [Span(0, 1), Span(100, 101), Span(200, 201)]
    assert Targets("x", spans).first_from(150) == spans[2]
    assert Targets("x", spans).first_from(250) == spans[0]  # past the last one: wrap to the first
    assert Targets("x", []).step(+1) == (None, False)
    assert Targets("x", []).status() == "x  no matches"


def test_wide_characters_are_wrapped_by_cells() -> None:
    text = "中文段落" * 12 + "尾 ✅⌚⏰ " + "emoji ✅ " * 8
    doc = document_from_plain_text(text, "t")
    layout = wrap_document(doc, 20)
    rows = [doc.text[s:e] for s, e in zip(layout.starts, layout.ends)]
    assert all(cell_len(row) <= 20 for row in rows)
    assert "".join(rows).replace(" ", "") == doc.text.replace(" ", "")
    code = build_document([Block("代码" * 15, "code")], Metadata(source="t"))
    code_layout = wrap_document(code, 20)
    assert [cell_len(code.text[s:e]) for s, e in zip(code_layout.starts, code_layout.ends)] == [20, 20, 20]
