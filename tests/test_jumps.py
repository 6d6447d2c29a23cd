"""The jump list (vim's ctrl+o / ctrl+i / ''; ctrl+n here) as a pure object, and its keys in the app."""

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


def test_a_restored_list_starts_at_the_present() -> None:
    jumps = JumpList(limit=3)
    jumps.restore([5, 10, 20, 40])
    assert jumps.entries == [10, 20, 40]
    assert jumps.previous == 40  # '' goes to where the last jump left
    assert jumps.back(90) == 40
    assert jumps.back(40) == 20
    assert jumps.forward(20) == 40
    assert jumps.forward(40) == 90  # the place the reader reopened at


def test_the_jump_list_is_saved_with_the_position(tmp_path) -> None:
    from reader.state import MAX_JUMPS, StateStore

    path = tmp_path / "state.json"
    store = StateStore(path)
    assert store.get_jumps("doc") == []
    assert store.set_position("doc", 300, jumps=list(range(MAX_JUMPS + 20)))
    assert store.set_position("other", 7)
    again = StateStore(path)
    assert again.get_position("doc") == 300
    assert again.get_jumps("doc") == list(range(20, MAX_JUMPS + 20))  # the newest ones
    assert again.get_jumps("other") == []
    assert again.set_position("doc", 310)  # no jumps given: the saved ones stay
    assert StateStore(path).get_jumps("doc") == list(range(20, MAX_JUMPS + 20))


def test_bad_saved_jumps_are_dropped_and_the_position_kept(tmp_path) -> None:
    import json

    from reader.state import StateStore

    path = tmp_path / "state.json"
    path.write_text(json.dumps({"version": 1, "positions": {
        "a": {"offset": 5, "jumps": [1, -2, "x", True, 9]},
        "b": {"offset": 6, "jumps": "not a list"}}}))
    store = StateStore(path)
    assert store.get_jumps("a") == [1, 9] and store.get_jumps("b") == []
    assert store.get_position("b") == 6 and store.warnings == []


# ---------------------------------------------------------------------------------------------- in the app
async def test_forward_is_ctrl_n_and_tab_still_moves_the_focus(seed_document) -> None:
    """A terminal sends ctrl+i as Tab: Tab must keep moving the focus (never jump), ctrl+n goes forward, and the
    help says ctrl+i only for terminals that tell it from Tab."""
    import io

    from rich.console import Console

    from reader.ui.app import ReaderApp
    from reader.ui.help_screen import HelpScreen

    from .conftest import settle

    app = ReaderApp(seed_document)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        view = app.reader.article
        await pilot.press("G")
        end = view.top_offset
        await pilot.press("ctrl+o")
        assert view.top_offset == 0
        await pilot.press("tab")
        assert view.top_offset == 0 and not view.has_focus, "Tab moves the focus, it does not jump"
        view.focus()
        await pilot.press("ctrl+n")
        assert view.top_offset == end
        await pilot.press("ctrl+o", "ctrl+i")  # a kitty-protocol terminal: ctrl+i arrives as itself
        assert view.top_offset == end
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        console = Console(file=io.StringIO(), width=160)
        console.print(app.screen.keys)
        rows = console.file.getvalue().splitlines()
        forward = [row for row in rows if "Forward" in row]
        assert any(row.split()[0] == "ctrl+n" for row in forward), forward
        assert all("ctrl+n" not in row for row in forward if "ctrl+i" in row), "ctrl+i is not offered as ctrl+n's twin"
        assert any("ctrl+i" in row and "Tab" in row for row in forward), forward
