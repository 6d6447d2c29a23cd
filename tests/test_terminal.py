"""The real ``reader`` in a pseudo-terminal: a URL loads after the first paint, a load error is one line and
exit status 2, a crash of the UI exits non-zero with the reading position saved, and SIGTERM or the terminal
closing (SIGHUP) end it as q does: position saved, screen restored, status 128 + signal."""

from __future__ import annotations

import fcntl
import json
import os
import re
import select
import signal
import struct
import subprocess
import sys
import termios
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_articles" / "trump_foreign_policy.txt"
DEADLINE = 60.0  # seconds before a stuck child is killed (a safety net, never an assertion)


class Terminal:
    """A child process on a pseudo-terminal of ``columns`` x ``rows``; ``expect`` reads its screen output."""

    def __init__(self, code: str, *args: str, env: dict[str, str], columns: int = 100, rows: int = 30) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
        # a session of its own whose controlling terminal is the pty: closing the master hangs it up (SIGHUP),
        # as closing a terminal window does
        self.process = subprocess.Popen([sys.executable, "-c", code, *args], stdin=slave, stdout=slave, stderr=slave,
                                        cwd=ROOT, env=env, start_new_session=True,
                                        preexec_fn=lambda: fcntl.ioctl(0, termios.TIOCSCTTY, 0))
        os.close(slave)
        self.output = b""

    def _read(self, timeout: float) -> bool:
        ready, _, _ = select.select([self.master], [], [], timeout)
        if not ready:
            return False
        try:
            chunk = os.read(self.master, 65536)
        except OSError:  # the child closed the terminal
            return False
        self.output += chunk
        return bool(chunk)

    def expect(self, text: str) -> None:
        import time

        end = time.monotonic() + DEADLINE
        while text.encode() not in self.output and time.monotonic() < end:
            if not self._read(0.2) and self.process.poll() is not None:
                break
        assert text.encode() in self.output, self.output[-2000:]

    def send(self, keys: str) -> None:
        os.write(self.master, keys.encode())

    def hang_up(self) -> int:
        """Close the terminal, as closing its window does; the exit status."""
        os.close(self.master)
        try:
            return self.process.wait(timeout=DEADLINE)
        finally:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)

    def wait(self) -> int:
        try:
            while self._read(0.2) or self.process.poll() is None:
                pass
            self.modes_after = termios.tcgetattr(self.master)  # the terminal's modes as the child left them
            return self.process.wait(timeout=DEADLINE)
        finally:
            if self.process.poll() is None:
                os.killpg(self.process.pid, signal.SIGKILL)
            os.close(self.master)


@pytest.fixture
def env(tmp_path: Path) -> dict[str, str]:
    return {**os.environ, "READER_STATE_DIR": str(tmp_path / "state"), "TERM": "xterm-256color",
            "PYTHONIOENCODING": "utf-8"}


def saved_offsets(env: dict[str, str]) -> list[int]:
    files = list(Path(env["READER_STATE_DIR"]).rglob("*.json"))
    assert files, "no state file"
    data = json.loads(files[0].read_text("utf-8"))
    return [entry["offset"] for entry in data["positions"].values()]


MAIN = "import sys; from reader.cli.main import main; sys.exit(main(sys.argv[1:]))"

# A UI bug, simulated: ctrl+d raises inside a key handler.
CRASHING = """
import sys
from reader.ui.article_view import ArticleView
def broken(self, direction):
    raise RuntimeError("a bug in the UI")
ArticleView.action_half_page = broken
from reader.cli.main import main
sys.exit(main(sys.argv[1:]))
"""


def test_a_url_opens_after_the_first_paint(http_server, env) -> None:
    terminal = Terminal(MAIN, http_server.url("/article.html"), env=env)
    terminal.expect("Ocean Currents")  # loaded in the app's worker, then shown
    terminal.expect("Summary")
    terminal.send("q")
    assert terminal.wait() == 0


def test_a_url_that_fails_to_load_is_one_line_and_status_2(env) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    terminal = Terminal(MAIN, f"http://127.0.0.1:{port}/article.html", env=env)
    status = terminal.wait()
    assert status == 2
    after_the_ui = terminal.output.rsplit(b"\x1b[?1049l", 1)[-1].decode("utf-8", "replace")  # alternate screen left
    shown = re.sub(r"\x1b\[[0-9;?<>=]*[A-Za-z]", "", after_the_ui).replace("\r", "")  # mode resets, not text
    lines = [line for line in shown.split("\n") if line.strip()]
    assert len(lines) == 1, shown
    assert lines[-1].startswith("reader: ") and f"127.0.0.1:{port}" in lines[-1], after_the_ui


def test_a_crash_of_the_ui_exits_non_zero_and_keeps_the_reading_position(env) -> None:
    terminal = Terminal(CRASHING, str(SEED), env=env)
    terminal.expect("Summary")
    terminal.send("  ")  # two pages down
    terminal.expect("%")
    terminal.send("\x04")  # ctrl+d: the simulated bug
    status = terminal.wait()
    assert status != 0, "a crashed UI must not report success"
    assert b"a bug in the UI" in terminal.output
    assert saved_offsets(env) and saved_offsets(env)[0] > 0


def read_to_the_end(terminal: Terminal) -> None:
    """Open the seed article and go to its end (G): the header says 100% once the view is there."""
    terminal.expect("Summary")
    terminal.send("G")
    terminal.expect("100%")


def test_sigterm_saves_the_position_restores_the_screen_and_exits_143(env) -> None:
    terminal = Terminal(MAIN, str(SEED), env=env)
    read_to_the_end(terminal)
    terminal.process.send_signal(signal.SIGTERM)
    status = terminal.wait()
    assert status == 128 + signal.SIGTERM, terminal.output[-2000:]
    after_the_ui = terminal.output.rsplit(b"\x1b[?1049h", 1)[-1]
    assert b"\x1b[?1049l" in after_the_ui and b"\x1b[?25h" in after_the_ui  # alternate screen left, cursor shown
    assert terminal.modes_after[3] & termios.ECHO and terminal.modes_after[3] & termios.ICANON  # line mode again
    assert saved_offsets(env)[0] > 0


def test_closing_the_terminal_saves_the_position_and_exits_129(env) -> None:
    terminal = Terminal(MAIN, str(SEED), env=env)
    read_to_the_end(terminal)
    status = terminal.hang_up()
    assert status == 128 + signal.SIGHUP
    assert saved_offsets(env)[0] > 0


def test_sigterm_while_a_big_file_loads_exits_143(env, tmp_path) -> None:
    """The load runs on in a thread nobody waits for: quitting is not held up until a huge file is read."""
    big = tmp_path / "big.txt"
    big.write_text("A line of a long text, written again and again.\n\n" * 40_000, "utf-8")  # over 1 MB: loads in app
    terminal = Terminal(MAIN, str(big), env=env)
    terminal.expect("big.txt")
    terminal.process.send_signal(signal.SIGTERM)
    assert terminal.wait() == 128 + signal.SIGTERM
