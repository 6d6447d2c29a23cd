"""reader.state: the persistent store (reading positions) never loses the old state and never raises on bad files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import reader.state as state_module
from reader.document.build import document_from_plain_text
from reader.state import MAX_POSITIONS, StateStore, default_state_path, document_key


@pytest.fixture(autouse=True)
def _never_the_real_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Whatever a test does, the user's own state file is never touched."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg-state"))
    monkeypatch.delenv("READER_STATE_DIR", raising=False)


@pytest.fixture
def state_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "state"
    monkeypatch.setenv("READER_STATE_DIR", str(folder))
    return folder


def corrupt_files(folder: Path) -> list[Path]:
    return sorted(folder.glob("state.json.corrupt-*"))


def no_temp_files(folder: Path) -> bool:
    return not [p for p in folder.iterdir() if p.name.endswith(".tmp")]


# --- where the file lives ---------------------------------------------------------------------------------------


def test_reader_state_dir_overrides(state_dir: Path) -> None:
    assert default_state_path() == state_dir / "state.json"
    assert StateStore().path == state_dir / "state.json"


def test_xdg_state_home_and_default(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("READER_STATE_DIR", raising=False)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "xdg"))
    assert default_state_path() == tmp_path / "xdg" / "reader" / "state.json"
    monkeypatch.setenv("XDG_STATE_HOME", "relative/path")  # invalid per the XDG spec: ignored
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    assert default_state_path() == tmp_path / "home" / ".local" / "state" / "reader" / "state.json"
    monkeypatch.delenv("XDG_STATE_HOME")
    assert default_state_path() == tmp_path / "home" / ".local" / "state" / "reader" / "state.json"


# --- round trip -------------------------------------------------------------------------------------------------


def test_missing_file_is_empty_state_and_nothing_is_created(state_dir: Path) -> None:
    store = StateStore()
    assert store.load() == {}
    assert store.get_position("abc") is None
    assert store.warnings == []
    assert not state_dir.exists(), "reading must not create the folder"


def test_round_trip(state_dir: Path) -> None:
    store = StateStore()
    assert store.set_position("doc-a", 1234)
    assert store.set_position("doc-b", 0)
    assert store.get_position("doc-a") == 1234
    fresh = StateStore()
    assert fresh.get_position("doc-a") == 1234
    assert fresh.get_position("doc-b") == 0
    assert fresh.get_position("doc-c") is None
    data = json.loads((state_dir / "state.json").read_text("utf-8"))
    assert data["version"] == 1 and data["positions"]["doc-a"]["offset"] == 1234
    assert fresh.warnings == store.warnings == []
    assert no_temp_files(state_dir)


def test_save_and_load_keep_other_sections(state_dir: Path) -> None:
    store = StateStore()
    assert store.save({"history": ["putin", "trump"], "positions": {"k": {"offset": 3}}})
    store.set_position("other", 9)
    loaded = StateStore().load()
    assert loaded["history"] == ["putin", "trump"]
    assert loaded["positions"]["k"]["offset"] == 3 and loaded["positions"]["other"]["offset"] == 9


def test_load_returns_a_copy(state_dir: Path) -> None:
    store = StateStore()
    store.set_position("k", 5)
    data = store.load()
    data["positions"]["k"]["offset"] = 999
    assert store.get_position("k") == 5


def test_overwrite_position(state_dir: Path) -> None:
    store = StateStore()
    store.set_position("k", 5)
    store.set_position("k", 50)
    assert StateStore().get_position("k") == 50


def test_two_stores_do_not_drop_each_others_positions(state_dir: Path) -> None:
    first, second = StateStore(), StateStore()
    assert first.get_position("a") is None and second.get_position("b") is None  # both loaded the empty state
    first.set_position("a", 1)
    second.set_position("b", 2)
    fresh = StateStore()
    assert fresh.get_position("a") == 1 and fresh.get_position("b") == 2


def test_explicit_path(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "er" / "my-state.json"
    store = StateStore(path)
    assert store.set_position("k", 7)
    assert path.is_file()
    assert StateStore(path).get_position("k") == 7


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_state_file_is_private(state_dir: Path) -> None:
    StateStore().set_position("k", 1)
    assert (state_dir / "state.json").stat().st_mode & 0o077 == 0


@pytest.mark.parametrize("offset", [-1, 1.5, "10", None, True])
def test_bad_offsets_are_rejected(state_dir: Path, offset) -> None:
    with pytest.raises(ValueError):
        StateStore().set_position("k", offset)
    assert not (state_dir / "state.json").exists()


# --- document keys ----------------------------------------------------------------------------------------------


def test_document_key_follows_the_text_not_the_source() -> None:
    text = "First paragraph.\n\nSecond paragraph with more words."
    a = document_from_plain_text(text, "a.txt")
    b = document_from_plain_text(text, "renamed/b.txt")
    c = document_from_plain_text(text + " Changed.", "a.txt")
    assert document_key(a) == document_key(b)
    assert document_key(a) != document_key(c)
    assert len(document_key(a)) == 16 and all(ch in "0123456789abcdef" for ch in document_key(a))


def test_document_key_is_stable_across_processes() -> None:
    """A sha256, not hash(): the key must not change with PYTHONHASHSEED."""
    code = ("from reader.document.build import document_from_plain_text as d; from reader.state import document_key;"
            "print(document_key(d('Some text here.', 'x')))")
    keys = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout.strip() for seed in ("1", "2")}
    assert len(keys) == 1


def test_document_key_with_lone_surrogates() -> None:
    class Doc:
        text = "bad \udc80 surrogate"

    assert len(document_key(Doc())) == 16


def test_position_survives_rename(state_dir: Path, tmp_path: Path) -> None:
    text = "One paragraph.\n\nAnother paragraph."
    StateStore().set_position(document_key(document_from_plain_text(text, str(tmp_path / "old.txt"))), 17)
    doc = document_from_plain_text(text, str(tmp_path / "new.txt"))
    assert StateStore().get_position(document_key(doc)) == 17


# --- atomicity --------------------------------------------------------------------------------------------------


def test_crash_during_replace_leaves_the_old_file_intact(state_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = StateStore()
    store.set_position("k", 1)
    path = state_dir / "state.json"
    before = path.read_bytes()

    def crash(src, dst):
        raise OSError(5, "Input/output error (simulated crash)")

    with monkeypatch.context() as patch:
        patch.setattr(state_module.os, "replace", crash)
        assert store.set_position("k", 2) is False
    assert store.warnings and "could not save" in store.warnings[-1]
    assert "\n" not in store.warnings[-1]
    assert path.read_bytes() == before
    assert no_temp_files(state_dir), "the temporary file is cleaned up"
    assert StateStore().get_position("k") == 1


def test_crash_while_writing_leaves_the_old_file_intact(state_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = StateStore()
    store.set_position("k", 1)
    path = state_dir / "state.json"
    before = path.read_bytes()

    def crash(fd):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as patch:
        patch.setattr(state_module.os, "fsync", crash)
        assert store.set_position("k", 2) is False
    assert "No space left" in store.warnings[-1]
    assert path.read_bytes() == before
    assert no_temp_files(state_dir)


def test_save_writes_through_a_temporary_file_and_fsyncs(state_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, str]] = []
    real_replace, real_fsync = os.replace, os.fsync

    def replace(src, dst):
        calls.append(("replace", f"{Path(src).parent == Path(dst).parent}:{Path(dst).name}"))
        return real_replace(src, dst)

    def fsync(fd):
        calls.append(("fsync", ""))
        return real_fsync(fd)

    monkeypatch.setattr(state_module.os, "replace", replace)
    monkeypatch.setattr(state_module.os, "fsync", fsync)
    assert StateStore().save({"positions": {}})
    assert calls[0] == ("fsync", "")
    assert ("replace", "True:state.json") in calls
    assert calls.index(("fsync", "")) < calls.index(("replace", "True:state.json"))


def test_unserialisable_state_is_a_programming_error(state_dir: Path) -> None:
    with pytest.raises(TypeError):
        StateStore().save({"positions": {}, "bad": object()})
    with pytest.raises(TypeError):
        StateStore().save({"positions": ["not", "a", "dict"]})


# --- corrupt / unreadable files ---------------------------------------------------------------------------------


CORRUPT = {
    "bad json": b'{"positions": {"k": {"offset": 1}',
    "not utf-8": b'{"positions": "\xff\xfe"}',
    "nul bytes": b"\x00" * 64,
    "empty": b"",
    "a list": b"[1, 2, 3]",
    "a number": b"42",
    "positions not an object": b'{"version": 1, "positions": [1, 2]}',
    "bad version": b'{"version": "one", "positions": {}}',
    "NaN": b'{"positions": {"k": {"offset": NaN}}}',
    "deep nesting": b"[" * 100_000 + b"]" * 100_000,
}


@pytest.mark.parametrize("content", list(CORRUPT.values()), ids=list(CORRUPT))
def test_corrupt_file_is_set_aside_with_a_warning(state_dir: Path, content: bytes) -> None:
    state_dir.mkdir()
    path = state_dir / "state.json"
    path.write_bytes(content)
    store = StateStore()
    assert store.load() == {}
    assert len(store.warnings) == 1
    warning = store.warnings[0]
    assert "\n" not in warning and "Traceback" not in warning
    assert "state.json.corrupt-" in warning
    aside = corrupt_files(state_dir)
    assert len(aside) == 1 and aside[0].read_bytes() == content
    assert not path.exists()
    # the store is usable afterwards, and the warning is not repeated
    assert store.set_position("k", 3)
    assert StateStore().get_position("k") == 3
    assert len(store.warnings) == 1


def test_corrupt_twice_in_one_second_keeps_both(state_dir: Path) -> None:
    state_dir.mkdir()
    path = state_dir / "state.json"
    for content in (b"{one", b"{two"):
        path.write_bytes(content)
        StateStore().load()
    assert sorted(p.read_bytes() for p in corrupt_files(state_dir)) == [b"{one", b"{two"]


def test_bad_entries_are_dropped_not_the_whole_state(state_dir: Path) -> None:
    state_dir.mkdir()
    (state_dir / "state.json").write_text(json.dumps({"positions": {
        "good": {"offset": 10}, "negative": {"offset": -1}, "text": {"offset": "7"}, "bool": {"offset": True},
        "list": [1], "none": None,
    }}))
    store = StateStore()
    assert store.get_position("good") == 10
    for key in ("negative", "text", "bool", "list", "none"):
        assert store.get_position(key) is None
    assert store.warnings == [] and corrupt_files(state_dir) == []


def test_huge_file_is_set_aside(state_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(state_module, "MAX_STATE_BYTES", 1000)
    state_dir.mkdir()
    (state_dir / "state.json").write_text(json.dumps({"positions": {}, "junk": "x" * 5000}))
    store = StateStore()
    assert store.load() == {}
    assert len(store.warnings) == 1 and len(corrupt_files(state_dir)) == 1


def test_state_path_is_a_directory(state_dir: Path) -> None:
    (state_dir / "state.json").mkdir(parents=True)
    store = StateStore()
    assert store.load() == {}
    assert len(store.warnings) == 1
    assert store.set_position("k", 1)
    assert StateStore().get_position("k") == 1


def test_unreadable_file_is_set_aside(state_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    StateStore().set_position("k", 1)
    real_open = os.open

    def failing_open(path, *args, **kwargs):
        if Path(path) == state_dir / "state.json":
            raise PermissionError(13, "Permission denied")
        return real_open(path, *args, **kwargs)

    store = StateStore()
    with monkeypatch.context() as patch:
        patch.setattr(os, "open", failing_open)
        assert store.load() == {}
    assert len(store.warnings) == 1 and "Permission denied" in store.warnings[0]
    assert len(corrupt_files(state_dir)) == 1


# --- read-only folder -------------------------------------------------------------------------------------------


def test_read_only_folder_save_fails_with_a_warning(state_dir: Path) -> None:
    state_dir.mkdir()
    StateStore().set_position("k", 1)
    before = (state_dir / "state.json").read_bytes()
    os.chmod(state_dir, 0o500)
    try:
        probe = state_dir / "probe"
        try:
            probe.write_text("x")
        except OSError:
            pass
        else:
            probe.unlink()
            pytest.skip("running with privileges that ignore folder permissions (root)")
        store = StateStore()
        assert store.get_position("k") == 1
        assert store.set_position("k", 2) is False
        assert len(store.warnings) == 1 and "could not save" in store.warnings[0]
    finally:
        os.chmod(state_dir, 0o700)
    assert (state_dir / "state.json").read_bytes() == before


@pytest.mark.skipif(not Path("/proc/self").is_dir(), reason="needs Linux /proc")
def test_a_folder_nobody_can_write_even_root(monkeypatch: pytest.MonkeyPatch) -> None:
    """A real OS refusal that also holds for root: /proc takes no new files."""
    monkeypatch.setenv("READER_STATE_DIR", "/proc")
    store = StateStore()
    assert store.load() == {}
    assert store.set_position("k", 1) is False
    assert len(store.warnings) == 1 and store.warnings[0].startswith("could not save the reading state to /proc/")
    assert store.get_position("k") == 1
    assert not Path("/proc/state.json").exists()


def test_unwritable_folder_save_fails_with_a_warning(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The same as above without relying on permissions (tests may run as root)."""
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))
    StateStore().set_position("k", 1)
    before = (tmp_path / "state" / "state.json").read_bytes()

    def read_only(*args, **kwargs):
        raise OSError(30, "Read-only file system")

    store = StateStore()
    with monkeypatch.context() as patch:
        patch.setattr(state_module.tempfile, "mkstemp", read_only)
        assert store.set_position("k", 2) is False
        assert store.set_position("other", 5) is False
        assert store.get_position("k") == 2 and store.get_position("other") == 5, "remembered for this session"
    assert store.warnings == [f"could not save the reading state to {store.path}: Read-only file system"], \
        "one warning, not one per failed save"
    assert (tmp_path / "state" / "state.json").read_bytes() == before
    # once the folder is writable again, the next save writes what could not be saved before
    assert store.set_position("third", 7)
    fresh = StateStore()
    assert (fresh.get_position("k"), fresh.get_position("other"), fresh.get_position("third")) == (2, 5, 7)


def test_folder_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    store = StateStore(blocker / "sub" / "state.json")
    assert store.load() == {}
    assert store.get_position("k") is None
    assert store.set_position("k", 1) is False
    assert store.warnings and all("\n" not in w for w in store.warnings)
    assert blocker.read_text() == "not a folder"


# --- the cap ----------------------------------------------------------------------------------------------------


def test_at_most_500_positions_least_recently_used_dropped(state_dir: Path) -> None:
    store = StateStore()
    data = {"positions": {f"k{i}": {"offset": i} for i in range(MAX_POSITIONS)}}
    assert store.save(data)
    store = StateStore()
    assert store.get_position("k0") == 0  # k0 is now the most recently used
    assert store.set_position("new", 1)
    assert store.set_position("newer", 2)
    positions = StateStore().load()["positions"]
    assert len(positions) == MAX_POSITIONS == 500
    assert "k0" in positions and "new" in positions and "newer" in positions
    assert "k1" not in positions and "k2" not in positions, "the least recently used are dropped"
    assert "k3" in positions
    assert list(positions)[-1] == "newer"


def test_cap_applies_to_save_and_to_loading_a_big_file(state_dir: Path) -> None:
    store = StateStore()
    assert store.save({"positions": {f"k{i}": {"offset": i} for i in range(MAX_POSITIONS + 100)}})
    on_disk = json.loads((state_dir / "state.json").read_text("utf-8"))["positions"]
    assert len(on_disk) == MAX_POSITIONS and "k0" not in on_disk and f"k{MAX_POSITIONS + 99}" in on_disk
    (state_dir / "state.json").write_text(json.dumps({"positions": {f"k{i}": {"offset": i} for i in range(900)}}))
    loaded = StateStore().load()["positions"]
    assert len(loaded) == MAX_POSITIONS and "k899" in loaded and "k399" not in loaded


def test_many_set_positions_stay_capped(state_dir: Path) -> None:
    store = StateStore()
    for i in range(MAX_POSITIONS + 20):
        store.save({"positions": {**store.load().get("positions", {}), f"k{i}": {"offset": i}}})
    store.set_position("last", 1)
    positions = StateStore().load()["positions"]
    assert len(positions) == MAX_POSITIONS and "last" in positions and "k0" not in positions


def test_no_textual_import() -> None:
    code = "import sys, reader.state; assert 'textual' not in sys.modules; assert 'reader.ui' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True)


# --- hostile state files (issue 9) ---------------------------------------------------------------------------

HANG_GUARD = 60  # seconds: a hang detector only


def in_thread(call):
    """Run ``call`` in a thread and return its result; a call that blocks forever fails the test instead."""
    import threading

    outcome: dict[str, object] = {}

    def run() -> None:
        try:
            outcome["value"] = call()
        except BaseException as error:  # noqa: BLE001 - re-raised below
            outcome["error"] = error

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    thread.join(HANG_GUARD)
    assert not thread.is_alive(), "the state store hung"
    if "error" in outcome:
        raise outcome["error"]  # type: ignore[misc]
    return outcome.get("value")


@pytest.mark.parametrize("where", ["key", "used", "section"])
def test_a_lone_surrogate_in_the_file_never_breaks_a_save(state_dir: Path, where: str) -> None:
    state_dir.mkdir()
    entry = {"offset": 3, "used": "\\ud800" if where == "used" else "2026-01-01T00:00:00Z"}
    positions = {("k\\ud800" if where == "key" else "kept"): entry}
    extra = ', "notes": {"a\\udfff": "b\\ud800"}' if where == "section" else ""
    (state_dir / "state.json").write_text('{"version": 1, "positions": ' + json.dumps(positions).replace("\\\\", "\\")
                                          + extra + "}", encoding="ascii")
    store = StateStore()
    assert store.set_position("new", 7) is True, store.warnings
    raw = (state_dir / "state.json").read_bytes()
    raw.decode("utf-8")
    assert b"\\ud8" not in raw.lower() and b"\\udf" not in raw.lower()
    assert StateStore().get_position("new") == 7


def test_a_fifo_in_place_of_the_state_file_does_not_hang(state_dir: Path) -> None:
    state_dir.mkdir()
    os.mkfifo(state_dir / "state.json")
    store = StateStore()
    assert in_thread(lambda: store.get_position("x")) is None
    assert store.warnings and "not a regular file" in store.warnings[0]
    assert in_thread(lambda: store.set_position("x", 4)) is True
    assert StateStore().get_position("x") == 4


@pytest.mark.parametrize("target", ["/dev/zero", "/dev/urandom"])
def test_a_device_in_place_of_the_state_file_is_set_aside(state_dir: Path, target: str) -> None:
    state_dir.mkdir()
    (state_dir / "state.json").symlink_to(target)
    store = StateStore()
    assert in_thread(lambda: store.get_position("x")) is None
    assert store.warnings
    assert in_thread(lambda: store.set_position("x", 4)) is True


def test_a_symlink_loop_in_place_of_the_state_file(state_dir: Path) -> None:
    state_dir.mkdir()
    (state_dir / "state.json").symlink_to(state_dir / "state.json")
    store = StateStore()
    assert in_thread(lambda: store.get_position("x")) is None
    assert in_thread(lambda: store.set_position("x", 4)) is True
    assert StateStore().get_position("x") == 4


def test_temporary_files_left_by_a_killed_save_are_cleaned(state_dir: Path) -> None:
    state_dir.mkdir()
    leftovers = [state_dir / f".state.json.{name}.tmp" for name in ("a1b2c3", "zz9_x")]
    for path in leftovers:
        path.write_bytes(b'{"version": 1, "positi')  # what kill -9 in the middle of a write leaves
        os.utime(path, (1_000_000_000, 1_000_000_000))
    other = state_dir / "notes.tmp"
    other.write_text("not ours")
    assert StateStore().set_position("k", 1) is True
    assert not any(path.exists() for path in leftovers)
    assert other.exists()


def test_a_killed_save_in_another_process_leaves_no_temp_file_behind(state_dir: Path) -> None:
    script = (
        "import os, reader.state as s\n"
        "real = os.fsync\n"
        "def die(fd):\n"
        "    os.kill(os.getpid(), 9)\n"
        "os.fsync = die\n"
        "s.StateStore().set_position('k', 1)\n"
    )
    subprocess.run([sys.executable, "-c", script], env={**os.environ}, timeout=HANG_GUARD)
    assert not no_temp_files(state_dir)  # the killed process left one
    assert StateStore().set_position("other", 2) is True
    assert no_temp_files(state_dir)


def test_many_instances_quitting_together_lose_no_position(state_dir: Path) -> None:
    """Eight processes save positions at the same moment; every one of them is in the file afterwards."""
    go = state_dir.parent / "go"
    script = (
        "import os, sys, time\n"
        "from reader.state import StateStore\n"
        f"while not os.path.exists({str(go)!r}): time.sleep(0.005)\n"
        "store = StateStore()\n"
        "for i in range(15):\n"
        "    assert store.set_position(f'{sys.argv[1]}-{i}', i), store.warnings\n"
    )
    processes = [subprocess.Popen([sys.executable, "-c", script, f"p{n}"]) for n in range(8)]
    go.touch()
    assert all(process.wait(timeout=HANG_GUARD) == 0 for process in processes)
    data = StateStore().load()
    missing = [f"p{n}-{i}" for n in range(8) for i in range(15) if f"p{n}-{i}" not in data["positions"]]
    assert not missing, missing


def test_warnings_never_carry_escape_sequences_from_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    folder = tmp_path / "st\x1b]2;pwned\x07ate\u009b2J"
    folder.mkdir()
    (folder / "state.json").write_text("{not json")
    monkeypatch.setenv("READER_STATE_DIR", str(folder))
    store = StateStore()
    store.load()
    assert store.warnings
    for warning in store.warnings:
        assert "\x1b" not in warning and "\x07" not in warning and "\x9b" not in warning and "\n" not in warning
