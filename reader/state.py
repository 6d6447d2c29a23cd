"""A tiny persistent store for the app's state: the reading position and the jump list per document.

The state is one JSON object in ``state.json`` in the state folder:

- ``$READER_STATE_DIR`` when set (tests use it), else
- the platform's user state folder from ``platformdirs``: ``$XDG_STATE_HOME/reader`` when ``XDG_STATE_HOME`` is
  an absolute path, else ``~/.local/state/reader`` on Linux; ``~/Library/Application Support/reader`` on macOS.

Shape (version 1)::

    {"version": 1,
     "positions": {"<document key>": {"offset": 1234, "used": "2026-11-30T01:45:00Z", "jumps": [0, 880]}, ...}}

``jumps`` (optional) is the document's jump list, oldest first (ctrl+o walks it back after a reopen, as vim's
viminfo keeps it), at most ``MAX_JUMPS`` offsets. ``positions`` is kept in least-recently-used-first order and capped at ``MAX_POSITIONS`` entries. A document's
key is a hash of its text (``document_key``), so a position survives renaming or moving the file and never
applies to a text that changed. Later sections (search history, a library) go beside ``positions``; unknown
top-level keys are kept as they are.

The store never raises on bad state: a missing file is an empty state; a corrupt, unreadable or wrongly shaped
file is renamed aside to ``state.json.corrupt-<UTC timestamp>`` and a one-line message is appended to
``StateStore.warnings``; a failed save (read-only folder, full disk) leaves the previous file intact and appends a
warning too. Something that is not a regular file in its place (a FIFO, a device, a symlink loop) is never opened
for a blocking read: it is set aside like a corrupt file. Lone surrogates (``"\ud800"`` in the JSON) become
U+FFFD on reading, so they can never make a save fail.

Saving is atomic: a temporary file in the same folder, flushed and fsynced, then ``os.replace``. Every change
(``set_position``, ``forget_position``) re-reads the file and writes it back while holding an ``fcntl`` lock on
``state.json.lock``, so two readers quitting at the same moment both keep their positions; temporary files left by
a process killed during a save are removed by the next save (under the lock; without it, only old ones).

Pure standard library; no Textual import (the UI shows ``warnings`` as notifications).
"""

from __future__ import annotations

import copy
import hashlib
import json
import os
import stat
import tempfile
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

try:
    import fcntl
except ImportError:  # Windows: saves are still atomic, only the cross-process lock is missing
    fcntl = None  # type: ignore[assignment]

__all__ = ["MAX_JUMPS", "MAX_POSITIONS", "STATE_FILE_NAME", "StateStore", "default_state_path", "document_key"]

STATE_FILE_NAME = "state.json"
STATE_VERSION = 1
MAX_POSITIONS = 500
MAX_JUMPS = 100  # per document, as the jump list keeps them
MAX_STATE_BYTES = 8 * 1024 * 1024  # far above 500 positions; a bigger file is not ours (or is damaged)
_KEY_HEX = 16
APP_NAME = "reader"
LOCK_WAIT_SECONDS = 5.0  # a reader that hangs while holding the lock cannot stop another from saving
STALE_TEMP_SECONDS = 3600.0  # without the lock, only temporary files this old are surely abandoned


def default_state_path() -> Path:
    """Where the state file lives (see the module docstring for the order of precedence)."""
    override = os.environ.get("READER_STATE_DIR")
    if override:
        return Path(override).expanduser() / STATE_FILE_NAME
    xdg = os.environ.get("XDG_STATE_HOME")
    if xdg and not os.path.isabs(xdg):  # the XDG spec says relative paths are invalid and must be ignored
        os.environ.pop("XDG_STATE_HOME")
        try:
            return _platform_state_folder() / STATE_FILE_NAME
        finally:
            os.environ["XDG_STATE_HOME"] = xdg
    return _platform_state_folder() / STATE_FILE_NAME


def _platform_state_folder() -> Path:
    import platformdirs

    return platformdirs.user_state_path(APP_NAME, appauthor=False)


def document_key(doc: Any) -> str:
    """A stable key for a Document's text: the first 16 hex digits of the SHA-256 of ``doc.text`` (UTF-8)."""
    text = doc.text if hasattr(doc, "text") else doc
    data = text.encode("utf-8", "surrogatepass")  # lone surrogates cannot make the key fail
    return hashlib.sha256(data).hexdigest()[:_KEY_HEX]


def _one_line(value: object) -> str:
    return " ".join(str(value).split())


def _utc_now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


class _BadState(Exception):
    """The state file exists but cannot be used: the reason, for the warning."""


class StateStore:
    """The app's persistent state in one JSON file; every failure becomes a line in ``warnings``."""

    def __init__(self, path: Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_state_path()
        self.warnings: list[str] = []
        self._data: dict[str, Any] | None = None
        self._touched: dict[str, None] = {}  # keys read since the last save, least recent first
        self._unsaved: list[Callable[[dict[str, Any]], object]] = []  # changes a failed save could not write
        self._lock = threading.RLock()
        self._locked = False  # this process holds the file lock (inside _update)

    # ------------------------------------------------------------------ file
    def load(self) -> dict[str, Any]:
        """The state on disk: ``{}`` when there is none; a bad file is set aside with a warning, never raised."""
        with self._lock:
            try:
                data = self._read()
            except _BadState as problem:
                self._set_aside(str(problem))
                data = {}
            self._data = data
            return _copy(data)

    def save(self, data: dict[str, Any]) -> bool:
        """Write ``data`` atomically (``positions`` capped). False, with a warning, when it cannot be written."""
        with self._lock:
            if not isinstance(data, dict):
                raise TypeError(f"state must be a dict, not {type(data).__name__}")
            data = _without_lone_surrogates(dict(data))
            data["version"] = STATE_VERSION
            positions = data.get("positions")
            if positions is not None and not isinstance(positions, dict):
                raise TypeError(f"state['positions'] must be a dict, not {type(positions).__name__}")
            if positions is not None and len(positions) > MAX_POSITIONS:
                data["positions"] = dict(list(positions.items())[-MAX_POSITIONS:])
            try:
                payload = json.dumps(data, ensure_ascii=False, indent=1, allow_nan=False) + "\n"
            except (TypeError, ValueError) as error:
                raise TypeError(f"state is not JSON-serialisable: {_one_line(error)}") from None
            try:
                self._write_atomically(payload.encode("utf-8"))
            except OSError as error:
                reason = error.strerror or _one_line(error) or type(error).__name__
                self._warn(f"could not save the reading state to {self.path}: {_one_line(reason)}")
                return False
            self._data = _copy(data)
            return True

    # ------------------------------------------------------------- positions
    def get_position(self, key: str) -> int | None:
        """The saved character offset for a document key, or None. Callers clamp it to the text they show."""
        with self._lock:
            positions, entry = self._saved_entry(key)
            if entry is None:
                return None
            positions[key] = positions.pop(key)  # most recently used last (saved with the next write)
            self._touched.pop(key, None)
            self._touched[key] = None
            return entry["offset"]

    def get_jumps(self, key: str) -> list[int]:
        """The saved jump list of a document key, oldest first (empty when none). Callers drop offsets past the
        end of the text they show."""
        with self._lock:
            _positions, entry = self._saved_entry(key)
            return list(entry.get("jumps", ())) if isinstance(entry, dict) else []

    def _saved_entry(self, key: str) -> tuple[dict, dict | None]:
        """The saved positions and the entry of ``key`` in them (None when none); call with the lock held."""
        if self._data is None:
            self.load()
        assert self._data is not None
        positions = self._data.get("positions")
        if not isinstance(positions, dict):
            return {}, None
        return positions, positions.get(key)

    def set_position(self, key: str, offset: int, *, jumps: Sequence[int] | None = None) -> bool:
        """Remember ``offset`` for ``key`` and save; False (with a warning) when the state cannot be written.

        ``jumps``: the document's jump list to keep with it (the newest ``MAX_JUMPS``); None keeps the saved one.

        The file is re-read and written back under the file lock, so two readers open at once do not drop each
        other's positions. When the
        save fails the position is still remembered in memory for this session.
        """
        if not isinstance(key, str) or not key:
            raise ValueError(f"a position key must be a non-empty string, not {key!r}")
        if isinstance(offset, bool) or not isinstance(offset, int) or offset < 0:
            raise ValueError(f"a position must be a character offset >= 0, not {offset!r}")
        if jumps is not None:
            jumps = list(jumps)[-MAX_JUMPS:]
            if not all(_is_offset(jump) for jump in jumps):
                raise ValueError(f"jumps must be character offsets >= 0, not {jumps!r}")

        def change(data: dict[str, Any]) -> None:
            positions = data.setdefault("positions", {})
            previous = positions.pop(key, None) or {}
            entry = {"offset": offset, "used": _utc_now()}
            kept = jumps if jumps is not None else previous.get("jumps")
            if kept:
                entry["jumps"] = kept
            positions[key] = entry

        return self._update(change)

    def forget_position(self, key: str) -> bool:
        """Drop the saved position of ``key`` (if any) and save."""
        return self._update(lambda data: data.get("positions", {}).pop(key, None))

    # -------------------------------------------------------------- helpers
    def _update(self, change: Callable[[dict[str, Any]], object]) -> bool:
        with self._lock, self._file_lock():
            # Merge with what other processes saved; the keys read since the last save count as recently used.
            data = self.load()
            disk = data.setdefault("positions", {})
            for key in self._touched:
                if key in disk:
                    disk[key] = disk.pop(key)
            self._unsaved.append(change)
            for pending in self._unsaved:
                pending(data)
            if self.save(data):
                self._touched.clear()
                self._unsaved.clear()
                return True
            self._data = data  # not on disk, but remembered for the rest of this session (and the next save)
            del self._unsaved[:-MAX_POSITIONS]
            return False

    @contextmanager
    def _file_lock(self) -> Iterator[None]:
        """Hold ``state.json.lock`` (an advisory ``fcntl`` lock) for one read-merge-write; best effort.

        Without a lock (no fcntl, an unwritable folder, or a holder that never lets go within
        LOCK_WAIT_SECONDS) the change is still saved atomically, only not serialised with other processes.
        """
        self._locked = False
        fd = self._open_lock_file()
        try:
            if fd is not None:
                deadline = time.monotonic() + LOCK_WAIT_SECONDS
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        self._locked = True
                        break
                    except BlockingIOError:
                        if time.monotonic() > deadline:
                            break
                        time.sleep(0.01)
                    except OSError:
                        break
            yield
        finally:
            self._locked = False
            if fd is not None:
                os.close(fd)  # closing releases the lock

    def _open_lock_file(self) -> int | None:
        if fcntl is None:
            return None
        lock_path = self.path.with_name(self.path.name + ".lock")
        try:
            self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd = os.open(lock_path, os.O_RDWR | os.O_CREAT | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC, 0o600)
        except OSError:
            return None
        try:
            if stat.S_ISREG(os.fstat(fd).st_mode):
                return fd
        except OSError:
            pass
        os.close(fd)
        return None

    def _read(self) -> dict[str, Any]:
        try:
            # O_NONBLOCK: a FIFO put in place of the file must not block the first paint forever
            fd = os.open(self.path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOCTTY | os.O_CLOEXEC)
        except FileNotFoundError:
            return {}
        except IsADirectoryError:
            raise _BadState("it is a directory") from None
        except OSError as error:
            raise _BadState(f"unreadable: {_one_line(error.strerror or error)}") from None
        try:
            mode = os.fstat(fd).st_mode
            if stat.S_ISDIR(mode):
                raise _BadState("it is a directory")
            if not stat.S_ISREG(mode):
                raise _BadState("not a regular file")
            with os.fdopen(fd, "rb") as handle:
                fd = -1
                raw = handle.read(MAX_STATE_BYTES + 1)
        except OSError as error:
            raise _BadState(f"unreadable: {_one_line(error.strerror or error)}") from None
        finally:
            if fd != -1:
                os.close(fd)
        if len(raw) > MAX_STATE_BYTES:
            raise _BadState(f"larger than {MAX_STATE_BYTES // (1024 * 1024)} MB")
        if not raw.strip():
            raise _BadState("empty")
        try:
            data = json.loads(raw.decode("utf-8"), parse_constant=_reject_constant)
        except UnicodeDecodeError:
            raise _BadState("not UTF-8") from None
        except (ValueError, RecursionError) as error:
            raise _BadState(f"not valid JSON ({_one_line(error)[:120]})") from None
        return _validated(_without_lone_surrogates(data))

    def _set_aside(self, reason: str) -> None:
        stamp = time.strftime("%Y%m%dT%H%M%SZ", time.gmtime())
        target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}")
        number = 1
        while target.exists() or target.is_symlink():
            target = self.path.with_name(f"{self.path.name}.corrupt-{stamp}-{number}")
            number += 1
        try:
            os.replace(self.path, target)
        except OSError as error:
            self._warn(f"the reading state {self.path} is {reason} and could not be moved aside "
                       f"({_one_line(error.strerror or error)}); starting with an empty state")
            return
        self._warn(f"the reading state {self.path} was {reason}; moved it to {target.name} and started afresh")

    def _warn(self, message: str) -> None:
        """Add a one-line warning once (a read-only folder fails every save the same way); the path in it comes
        from the environment, so it is made safe for the terminal like every other string from outside."""
        from reader.errors import terminal_safe

        message = terminal_safe(message)
        if message not in self.warnings:
            self.warnings.append(message)

    def _write_atomically(self, payload: bytes) -> None:
        folder = self.path.parent
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._remove_stale_temp_files()
        fd, temp_name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(payload)
                handle.flush()
                os.fsync(handle.fileno())
            os.replace(temp_name, self.path)
        except BaseException:
            try:
                os.unlink(temp_name)
            except OSError:
                pass
            raise
        _fsync_folder(folder)


    def _remove_stale_temp_files(self) -> None:
        """Temporary files of saves that never finished (a process killed mid-save); ours only, best effort.

        Under the lock every other writer is waiting, so any temporary file is abandoned; without it only old ones.
        """
        cutoff = time.time() - (0 if self._locked else STALE_TEMP_SECONDS)
        for leftover in self.path.parent.glob(f".{self.path.name}.*.tmp"):
            try:
                if leftover.lstat().st_mtime <= cutoff and not leftover.is_dir():
                    leftover.unlink()
            except OSError:
                pass


def _without_lone_surrogates(value: Any) -> Any:
    """``value`` with every lone surrogate in its strings (keys too) replaced by U+FFFD."""
    if isinstance(value, str):
        return value.encode("utf-8", "surrogatepass").decode("utf-8", "replace") if _has_surrogate(value) else value
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_lone_surrogates(item) for item in value]
    return value


def _has_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _fsync_folder(folder: Path) -> None:
    """Make the rename itself durable (best effort: not every platform can open a folder)."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _is_offset(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _reject_constant(name: str) -> None:
    raise ValueError(f"{name} is not allowed")


def _validated(data: object) -> dict[str, Any]:
    """The state if its shape is right; bad position entries are dropped, a wrong shape is _BadState."""
    if not isinstance(data, dict):
        raise _BadState(f"not a JSON object (found {type(data).__name__})")
    version = data.get("version", STATE_VERSION)
    if isinstance(version, bool) or not isinstance(version, int):
        raise _BadState("of an unknown format (bad version)")
    positions = data.get("positions", {})
    if not isinstance(positions, dict):
        raise _BadState("wrongly shaped (positions is not an object)")
    clean: dict[str, dict[str, Any]] = {}
    for key, entry in positions.items():
        if not isinstance(entry, dict):
            continue
        offset = entry.get("offset")
        if not _is_offset(offset):
            continue
        clean[key] = {"offset": offset, "used": entry.get("used") if isinstance(entry.get("used"), str) else None}
        jumps = entry.get("jumps")
        if isinstance(jumps, list):  # anything else in its place: no jump list, the position kept
            kept = [jump for jump in jumps if _is_offset(jump)][-MAX_JUMPS:]
            if kept:
                clean[key]["jumps"] = kept
    out = dict(data)
    out["positions"] = dict(list(clean.items())[-MAX_POSITIONS:])
    return out


def _copy(data: dict[str, Any]) -> dict[str, Any]:
    """A deep copy: callers cannot change the store's state by accident (the state is small)."""
    return copy.deepcopy(data)
