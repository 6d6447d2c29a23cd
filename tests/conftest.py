"""Shared fixtures: the seed article, a local HTTP server on 127.0.0.1 (tests never touch the internet), error checks."""

from __future__ import annotations

import gzip
import os
import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from textual.pilot import Pilot
from textual.worker import WorkerState

from reader.cache import AnalysisCache
from reader.document.build import document_from_plain_text
from reader.document.model import Document
from reader.errors import ReaderError
from reader.state import StateStore

ROOT = Path(__file__).resolve().parent.parent
RELEASE_AFTER = 30  # seconds: a blocked test worker gives up then (a safety net, never an assertion)
SAMPLES = ROOT / "sample_articles"
SEED_PATH = SAMPLES / "trump_foreign_policy.txt"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    """The project's seed article (plain text, 71 sentences)."""
    return SEED_PATH


@pytest.fixture
def seed_document(seed_path: Path) -> Document:
    """The seed article as a Document."""
    return document_from_plain_text(seed_path.read_text("utf-8"), str(seed_path))


async def settle(pilot: Pilot) -> None:
    """Wait until no worker is left (loading, analysis, search) and the messages they posted are handled.

    A finished worker may start others (a loaded document starts its analyses): wait until none is running.
    """
    app = pilot.app
    for _ in range(50):
        await app.workers.wait_for_complete()
        await pilot.pause()
        await pilot.pause()
        if not any(w.state in (WorkerState.PENDING, WorkerState.RUNNING) for w in app.workers):
            return
    raise AssertionError("workers kept starting")


async def wait_for_reading_position(pilot: Pilot) -> None:
    """Wait until no spoilers follows the position on screen (it follows once scrolling pauses: a debounce
    timer), then settle. Waits on the condition, not on a time: a slow machine only waits longer."""
    from reader.ui.spoiler_filter import reading_offset

    reader = pilot.app.reader
    for _ in range(1200):
        await pilot.pause(0.05)
        if reader.spoilers.offset == reading_offset(reader.article):
            await settle(pilot)
            return
    raise AssertionError("the reading position was never followed")


@pytest.fixture
def held_people_stage(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """The people stage waits until the test sets the returned event (or RELEASE_AFTER seconds, a safety net), so
    a test sees the UI while the People list is still being found."""
    from reader.nlp import analysis

    release = threading.Event()
    real = analysis.people_stage

    def held(document, should_stop=analysis.never, corrections=()):
        release.wait(RELEASE_AFTER)
        return real(document, should_stop, corrections)

    monkeypatch.setattr(analysis, "people_stage", held)
    return release


@pytest.fixture(name="settle")
def settle_fixture() -> Callable[[Pilot], object]:
    """``await settle(pilot)``: every worker done and its results shown (see ``settle``)."""
    return settle


ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Ocean Currents Shift | The Daily Example</title>
<meta name="author" content="Jane Writer">
<meta property="article:published_time" content="2024-03-05T10:00:00Z">
<script>var tracking = "do not show this";</script>
<style>body { color: red }</style>
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li><li><a href="/sport">Sport</a></li></ul></nav>
<header><div class="logo">The Daily Example</div></header>
<article>
<h1>Ocean Currents Shift Faster Than Expected</h1>
<p>Scientists at the <b>National Oceanography Centre</b> said on Tuesday that the Atlantic currents are changing
faster than their models predicted. The finding, published in <a href="https://example.org">Nature</a>, surprised
many researchers.</p>
<h2>What the data show</h2>
<p>Measurements from a chain of moorings between Florida and the Canary Islands show the overturning circulation
weakened by about fifteen percent over two decades. "We did not expect this," said Dr. Alice Brown, who led the study.</p>
<p>Other researchers cautioned that the record is short and that natural variability could explain part of the
change. More data will come from new floats deployed next year.</p>
</article>
<footer><p>Copyright 2024 The Daily Example. All rights reserved.</p><a href="/privacy">Privacy policy</a></footer>
</body></html>
"""

PLAIN_TEXT = "First paragraph of the plain text page.\n\nSecond paragraph, with caf\u00e9 and \u201cquotes\u201d.\n"


class _Handler(BaseHTTPRequestHandler):
    server_version = "TestServer/1.0"
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - silence the access log
        pass

    def _send(self, status: int, body: bytes, content_type: str = "text/plain; charset=utf-8", **headers: str) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            self.send_header(name.replace("_", "-"), value)
        self.end_headers()
        self.wfile.write(body)

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def do_GET(self) -> None:  # noqa: C901 - one route table
        self.server.requests.append((self.path, dict(self.headers)))  # type: ignore[attr-defined]
        path = self.path.split("?", 1)[0]
        stop: threading.Event = self.server.stop  # type: ignore[attr-defined]
        if path == "/article.html":
            self._send(200, ARTICLE_HTML.encode("utf-8"), "text/html; charset=utf-8")
        elif path == "/plain.txt":
            self._send(200, PLAIN_TEXT.encode("utf-8"))
        elif path == "/latin1.txt":
            self._send(200, PLAIN_TEXT.encode("cp1252"), "text/plain; charset=windows-1252")
        elif path == "/notes":
            self._send(200, b"# Notes\n\nSome *markdown* text with a [link](http://x).\n", "text/markdown")
        elif path == "/untyped":
            self._send(200, ARTICLE_HTML.encode("utf-8"), "application/octet-stream")
        elif path == "/gzip":
            self._send(200, gzip.compress(PLAIN_TEXT.encode("utf-8")), Content_Encoding="gzip")
        elif path == "/image.png":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "image/png")
        elif path == "/png-as-text":
            self._send(200, b"\x89PNG\r\n\x1a\n" + bytes(100), "text/plain")
        elif path == "/empty":
            self._send(200, b"")
        elif path == "/auth":
            if self.headers.get("Authorization"):
                self._send(200, b"Secret page text for authorised readers.")
            else:
                self._send(401, b"no", WWW_Authenticate='Basic realm="x"')
        elif path == "/missing":
            self._send(404, b"not here")
        elif path == "/error":
            self._send(500, b"boom")
        elif path == "/redirect":
            self._redirect("/plain.txt")
        elif path == "/loop":
            self._redirect("/loop")
        elif path.startswith("/chain/"):
            self._redirect(f"/chain/{int(path.rsplit('/', 1)[1]) + 1}")
        elif path == "/to-ftp":
            self._redirect("ftp://127.0.0.1/file.txt")
        elif path == "/to-file":
            self._redirect("file:///etc/passwd")
        elif path == "/slow-headers":
            stop.wait(5)
            self._send(200, b"too late")
        elif path == "/slow-body":  # drips one byte every 0.1 s for up to 5 s: no single read times out
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "50")
            self.end_headers()
            for _ in range(50):
                if stop.wait(0.1):
                    break
                self.wfile.write(b"x")
                self.wfile.flush()
        elif path == "/huge-declared":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", str(10**12))
            self.end_headers()
            self.wfile.write(b"word " * 1000)
        elif path == "/endless":  # no Content-Length, streams until the client hangs up
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"endless text " * 5000
            sent = 0
            while not stop.is_set() and sent < 2 * 1024**3:
                self.wfile.write(chunk)
                sent += len(chunk)
            self.server.endless_sent.append(sent)  # type: ignore[attr-defined]
        else:
            self._send(404, b"unknown test route")


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False

    def handle_error(self, request, client_address) -> None:  # a client hanging up is expected here
        pass


@pytest.fixture(scope="session")
def http_server() -> Iterator[_Server]:
    """A local HTTP server; ``http_server.url(path)`` gives a URL on 127.0.0.1."""
    server = _Server(("127.0.0.1", 0), _Handler)
    server.requests = []  # type: ignore[attr-defined]
    server.endless_sent = []  # type: ignore[attr-defined]
    server.stop = threading.Event()  # type: ignore[attr-defined]
    server.url = lambda path: f"http://127.0.0.1:{server.server_address[1]}{path}"  # type: ignore[attr-defined]
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield server
    server.stop.set()  # type: ignore[attr-defined]
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="session")
def article_html() -> str:
    """A news page with navigation, header, footer, script and style around the article."""
    return ARTICLE_HTML


HANG_SECONDS = 60  # a hang detector for calls that must fail fast, not a speed limit


@pytest.fixture
def expect_error() -> Callable[..., str]:
    """``expect_error(call, *words)``: the call raises ReaderError with one clean line containing every word.

    A call that has not returned after ``HANG_SECONDS`` fails as a hang; how fast it returns is a figure for
    ``bench/``, never an assertion here."""

    def check(call: Callable[[], object], *words: str) -> str:
        outcome: list[BaseException | None] = []

        def run() -> None:
            try:
                call()
            except BaseException as error:  # handed to the test thread below
                outcome.append(error)
            else:
                outcome.append(None)

        worker = threading.Thread(target=run, daemon=True)
        worker.start()
        worker.join(HANG_SECONDS)
        assert outcome, f"the call did not return within {HANG_SECONDS} s: it hangs"
        error = outcome[0]
        assert isinstance(error, ReaderError), f"expected a ReaderError, got {error!r}"
        message = str(error)
        assert message == error.message
        assert message and "\n" not in message and "\r" not in message, message
        assert "Traceback" not in message and "Error(" not in message, message
        assert message.isprintable(), message
        for word in words:
            assert word.lower() in message.lower(), (word, message)
        return message

    return check


@pytest.fixture
def unchanged() -> Callable[[Path], Callable[[], None]]:
    """``check = unchanged(path)`` ... ``check()``: the file's bytes and mtime did not change."""

    def snapshot(path: Path) -> Callable[[], None]:
        before = (path.read_bytes(), os.stat(path).st_mtime_ns)

        def check() -> None:
            assert (path.read_bytes(), os.stat(path).st_mtime_ns) == before

        return check

    return snapshot


@pytest.fixture
def state(tmp_path: Path) -> StateStore:
    """A state file of this test's own (reading positions, the recent list)."""
    return StateStore(tmp_path / "state" / "state.json")


@pytest.fixture
def cache(tmp_path: Path) -> AnalysisCache:
    """An analysis cache of this test's own."""
    return AnalysisCache(tmp_path / "cache")
