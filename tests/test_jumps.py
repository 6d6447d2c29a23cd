"""The jump list (vim's ctrl+o / ctrl+i / '') as a pure object."""

from __future__ import annotations

from reader.ui.jumps import JumpList


def test_back_and_forward_walk_the_jumps() -> None:
    jumps = JumpList()
    jumps.record(0)  # jump from 0 to 100
    jumps.record(100)  # jump from 100 to 500
    assert jumps.back(500) == 100
    assert jumps.back(100) == 0
    assert jumps.back(0) is None
    assert jumps.forward(0) == 100
    assert jumps.forward(0) == 500
    assert jumps.forward(0) is None


def test_a_new_jump_forgets_the_forward_part() -> None:
    jumps = JumpList()
    jumps.record(0)
    jumps.record(100)
    assert jumps.back(500) == 100
    jumps.record(100)  # from 100 to 900
    assert jumps.forward(0) is None
    assert jumps.back(900) == 100
    assert jumps.back(100) == 0


def test_previous_is_the_position_before_the_latest_jump() -> None:
    jumps = JumpList()
    assert jumps.previous is None
    jumps.record(40)
    assert jumps.previous == 40


def test_the_list_is_bounded() -> None:
    jumps = JumpList(limit=3)
    for offset in range(10):
        jumps.record(offset)
    assert jumps.entries == [7, 8, 9]


def test_marks_are_saved_per_document(tmp_path) -> None:
    from reader.marks import MarkStore

    path = tmp_path / "marks.json"
    store = MarkStore(path)
    assert store.marks("doc1") == {}
    assert store.set_mark("doc1", "a", 120) and store.set_mark("doc1", "b", 7) and store.set_mark("doc2", "a", 5)
    again = MarkStore(path)
    assert again.marks("doc1") == {"a": 120, "b": 7} and again.marks("doc2") == {"a": 5}


def test_a_corrupt_marks_file_is_a_warning(tmp_path) -> None:
    from reader.marks import MarkStore

    path = tmp_path / "marks.json"
    path.write_text("{not json")
    store = MarkStore(path)
    assert store.marks("doc") == {}
    assert len(store.warnings) == 1
    assert store.set_mark("doc", "a", 1) and MarkStore(path).marks("doc") == {"a": 1}
