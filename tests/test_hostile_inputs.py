"""Hostile inputs (issue 5, loading): each one gives a sanitised Document or one clean ReaderError line, fast.

Inputs are generated in tmp_path or served by the local test server; nothing here touches the internet.
"""

from __future__ import annotations

import builtins
import gzip
import io
import json
import os
import random
import re
from collections.abc import Callable
from pathlib import Path

import pytest

from reader.document import Document, load_document
from reader.document.build import document_from_plain_text
from reader.errors import ReaderError

SENTENCE_CHECK_LIMIT = 6_000_000  # splitting sentences of 50 MB would take ~15 s; bigger texts check paragraphs only
# What must never reach the terminal: C0 controls except LF, DEL, C1 controls, bidi embeddings/overrides/isolates.
FORBIDDEN = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\ufeff]")
NOISE = random.Random(5).randbytes(300)  # deterministic, so test ids agree across pytest-xdist workers
PARA = "The council met on Monday. It approved the budget after a long debate, and the mayor spoke."


def outcome(call: Callable[[], Document]) -> Document | str:
    """Run a load: a Document whose text is safe and whose spans round-trip, or the one-line error message."""
    try:
        doc = call()
    except ReaderError as error:
        message = str(error)
        assert message and "\n" not in message and "Traceback" not in message and message.isprintable(), message
        return message
    assert isinstance(doc, Document)
    assert_safe(doc)
    return doc


def assert_safe(doc: Document) -> None:
    text = doc.text
    assert text and FORBIDDEN.search(text) is None
    assert "\x1b" not in text and "\r" not in text
    for field in (doc.meta.title, doc.meta.author, doc.meta.date, doc.meta.source):
        assert field is None or FORBIDDEN.search(field) is None
    previous_end = -1
    for para in doc.paragraphs:
        assert previous_end < para.start < para.end <= len(text) or (previous_end == -1 and para.start == 0)
        assert text[para.start : para.end].strip()
        previous_end = para.end
    if len(text) <= SENTENCE_CHECK_LIMIT:
        sentences = doc.sentences
        assert sentences
        for span in sentences:
            assert 0 <= span.start < span.end <= len(text)
            assert text[span.start : span.end].strip()


def load_bytes(tmp_path: Path, name: str, data: bytes, **kwargs) -> Document | str:
    path = tmp_path / name
    path.write_bytes(data)
    before = os.stat(path).st_mtime_ns
    result = outcome(lambda: load_document(str(path), **kwargs))
    assert os.stat(path).st_mtime_ns == before and path.read_bytes() == data
    return result


def is_error(result: Document | str, *words: str) -> bool:
    return isinstance(result, str) and all(word.lower() in result.lower() for word in words)


# --- files -----------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("name", "data", "words"),
    [
        ("empty.txt", b"", ("empty.txt", "empty")),
        ("blank.txt", b" \n\t\n  \r\n\xc2\xa0", ("blank.txt", "no readable text")),
        ("image.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + NOISE, ("binary file (PNG image)",)),
        ("notes.txt.gz", gzip.compress(PARA.encode() * 20), ("binary file (gzip archive)",)),
        ("program", b"\x7fELF\x02\x01\x01" + bytes(57) + NOISE, ("binary file (ELF executable)",)),
        ("nul_heavy.txt", b"a\x00\x00\x00b\x00\x01\x02" * 500, ("binary file",)),
        ("random.bin", bytes(range(256)) * 40, ("binary file",)),
        ("doc.pdf.txt", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", ("PDF document",)),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_rejected_files(tmp_path: Path, name: str, data: bytes, words: tuple[str, ...]) -> None:
    result = load_bytes(tmp_path, name, data)
    assert is_error(result, *words), result


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("invalid_utf8.txt", b"Valid start. " + b"\xff\xfe\xfd\x80\x81 broken \xc3\x28 bytes \xed\xa0\x80. End."),
        ("high_bytes.txt", bytes(range(0x80, 0x100)) * 40),
        ("utf16_bom.txt", (PARA + "\n\n" + PARA).encode("utf-16")),
        ("utf16le.txt", (PARA + "\n\n" + PARA).encode("utf-16-le")),
        ("utf16be.txt", (PARA + "\n\n" + PARA).encode("utf-16-be")),
        ("mixed_endings.txt", f"{PARA}\r\n\r\n{PARA}\r\r{PARA}\n\n{PARA}\u2029{PARA}".encode()),
        ("nul_inside.txt", f"{PARA}\x00 more\x00 text.\n\n{PARA}".encode()),
        ("lone_surrogate_utf8.txt", b"Text with an encoded surrogate \xed\xb3\x80 inside. " + PARA.encode()),
    ],
    ids=lambda value: value if isinstance(value, str) else "",
)
def test_odd_but_readable_files(tmp_path: Path, name: str, data: bytes) -> None:
    result = load_bytes(tmp_path, name, data)
    if name == "high_bytes.txt":  # any honest outcome is fine: decoded as a legacy codec or refused
        assert isinstance(result, Document) or is_error(result, "high_bytes.txt"), result
        return
    assert isinstance(result, Document), result
    if name.startswith(("utf16", "mixed", "nul")):
        assert "The council met on Monday." in result.text
    if name == "mixed_endings.txt":
        assert len(result.paragraphs) == 4 and "\r" not in result.text
    if name == "nul_inside.txt":
        assert "\x00" not in result.text and "more text." in result.text


def test_fifty_megabyte_text_file(tmp_path: Path) -> None:
    chunk = (f"{PARA} {PARA}\n{PARA} {PARA}\n{PARA} {PARA}\nthe last line of a hard-wrapped paragraph.\n\n").encode()
    data = chunk * (50 * 1024 * 1024 // len(chunk) + 1)
    result = load_bytes(tmp_path, "big.txt", data)
    assert isinstance(result, Document), result
    assert len(result.paragraphs) == data.count(b"\n\n")


def test_single_five_megabyte_line_without_spaces(tmp_path: Path) -> None:
    result = load_bytes(tmp_path, "line.txt", b"x" * (5 * 1024 * 1024))
    assert isinstance(result, Document) and len(result.paragraphs) == 1 and len(result.text) == 5 * 1024 * 1024


def test_hundred_thousand_tiny_paragraphs(tmp_path: Path) -> None:
    data = b"".join(b"P%d.\n\n" % i for i in range(100_000))
    result = load_bytes(tmp_path, "tiny.txt", data)
    assert isinstance(result, Document) and len(result.paragraphs) == 100_000


@pytest.mark.parametrize(
    "source",
    [
        "> " * 10_000 + "deep quote",
        "- " * 10_000 + "deep list",
        "[" * 50_000 + "brackets",
        "*a _b " * 20_000,
        "<div>" * 20_000 + "html",
        "---\n" + "key: value\n" * 50_000 + "---\n\n# T\n\ntext",
    ],
    ids=["nested-quotes", "nested-lists", "brackets", "emphasis", "html-blocks", "huge-front-matter"],
)
def test_pathological_markdown(tmp_path: Path, source: str) -> None:
    result = load_bytes(tmp_path, "evil.md", source.encode())
    assert isinstance(result, Document), result


def test_file_limit(tmp_path: Path) -> None:
    result = load_bytes(tmp_path, "big.txt", b"word " * 300, max_bytes=1000)
    assert is_error(result, "big.txt", "too large"), result


# --- HTML ------------------------------------------------------------------------------------------------

def test_deeply_nested_html(tmp_path: Path) -> None:
    page = ("<html><body>" + "<div>" * 10_000 + f"<p>{PARA}</p>" + "</div>" * 10_000 + "</body></html>").encode()
    result = load_bytes(tmp_path, "deep.html", page)
    assert isinstance(result, Document) and "The council met on Monday." in result.text


def test_deeply_nested_inline_html_without_closing_tags(tmp_path: Path) -> None:
    result = load_bytes(tmp_path, "deep_inline.html", ("<p>" + "<b><i>" * 20_000 + PARA).encode())
    assert isinstance(result, Document) or is_error(result, "no article text"), result


def test_malformed_html(tmp_path: Path) -> None:
    page = (
        "<html><body><p>Unclosed <b>bold <i>italic <p>" + PARA + "</b> text</i> <div><span>stuff</p></table></td>"
        "<a href='x' <a <a <<<< >>> &bogus; &#xffffffff; &#0; <p/>\x1b[31mred\x1b[0m"
    ) * 200
    result = load_bytes(tmp_path, "broken.html", page.encode())
    assert isinstance(result, Document) and "The council met on Monday." in result.text


def test_pathological_unclosed_tags(tmp_path: Path) -> None:
    result = load_bytes(tmp_path, "lt.html", ("<html><body>" + "<a " * 200_000).encode())
    assert isinstance(result, Document) or is_error(result, "no article text"), result


def test_html_with_no_article(tmp_path: Path) -> None:
    page = b"<html><head><title>Menu</title><style>p{}</style></head><body><nav><a href='/'>Home</a></nav></body></html>"
    result = load_bytes(tmp_path, "menu.html", page)
    assert isinstance(result, Document) or is_error(result, "menu.html", "no article text"), result
    bare = load_bytes(tmp_path, "bare.html", b"<html><head><script>let x = 1;</script></head><body>  </body></html>")
    assert is_error(bare, "bare.html", "no article text"), bare


def test_huge_script(tmp_path: Path) -> None:
    script = "if (a < b && c > d) { x = '<p>not article</p>'; }\n" * (20 * 1024 * 1024 // 50)
    page = f"<html><head><script>{script}</script></head><body><article><h1>Title</h1><p>{PARA}</p></article></body></html>"
    result = load_bytes(tmp_path, "script.html", page.encode())
    assert isinstance(result, Document) and "The council met on Monday." in result.text
    assert "not article" not in result.text


def test_unterminated_script_and_comment(tmp_path: Path) -> None:
    page = f"<html><body><p>{PARA}</p><!-- never closed <p>hidden</p>".encode()
    result = load_bytes(tmp_path, "comment.html", page)
    assert isinstance(result, Document) and "hidden" not in result.text
    page = f"<html><body><p>{PARA}</p><script>var s = '".encode() + b"x" * 1_000_000
    result = load_bytes(tmp_path, "script_open.html", page)
    assert isinstance(result, Document) and "xxxx" not in result.text


def test_trafilatura_prints_nothing(tmp_path: Path, capfd) -> None:
    load_bytes(tmp_path, "deep.html", ("<html><body>" + "<div>" * 10_000 + f"<p>{PARA}</p>").encode())
    load_bytes(tmp_path, "menu.html", b"<html><body><nav>Home</nav></body></html>")
    captured = capfd.readouterr()
    assert captured.out == "" and captured.err == ""


# --- paths -----------------------------------------------------------------------------------------------

def test_directory_missing_and_not_a_directory(tmp_path: Path) -> None:
    assert is_error(outcome(lambda: load_document(str(tmp_path))), "directory")
    assert is_error(outcome(lambda: load_document(str(tmp_path / "missing.txt"))), "missing.txt", "no such file")
    (tmp_path / "file").write_text("x")
    assert is_error(outcome(lambda: load_document(str(tmp_path / "file" / "child"))), "no such file")


def test_unreadable_file(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "secret.txt"
    path.write_text("secret text")
    if os.geteuid() != 0:
        path.chmod(0)
        try:
            assert is_error(outcome(lambda: load_document(str(path))), "secret.txt", "permission denied")
        finally:
            path.chmod(0o600)
    # as root (CI containers) chmod 000 does not stop reads: simulate the kernel's refusal instead
    real_open = os.open

    def refusing_open(file, *args, **kwargs):
        if str(file) == str(path):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing_open)
    assert is_error(outcome(lambda: load_document(str(path))), "secret.txt", "permission denied")


def test_fifo_does_not_block(tmp_path: Path) -> None:
    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    assert is_error(outcome(lambda: load_document(str(fifo))), "not a regular file")


def test_device_is_refused() -> None:
    assert is_error(outcome(lambda: load_document("/dev/zero")), "/dev/zero", "not a regular file")


def test_endless_stdin_stops_at_the_cap() -> None:
    class Endless(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer) -> int:
            buffer[:] = b"a" * len(buffer)
            return len(buffer)

    result = outcome(lambda: load_document("-", stdin=io.BufferedReader(Endless()), max_bytes=2_000_000))
    assert is_error(result, "<stdin>", "too large"), result


# --- URLs (local server) ---------------------------------------------------------------------------------

@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/slow-headers", ("timed out",)),
        ("/slow-body", ("timed out",)),
        ("/loop", ("too many redirects",)),
        ("/missing", ("404",)),
        ("/error", ("500",)),
        ("/endless", ("too large",)),
        ("/huge-declared", ("too large",)),
    ],
)
def test_hostile_servers(http_server, path: str, words: tuple[str, ...]) -> None:
    url = http_server.url(path)
    result = outcome(lambda: load_document(url, timeout=1.0, max_download_bytes=2 * 1024 * 1024))
    assert is_error(result, url, *words), result


# --- markup and escape injection -------------------------------------------------------------------------

INJECTION = (
    "Rich markup [bold]x[/] and [@click=app.quit]click[/] and [link=file:///etc]l[/link] stay literal. "
    "Title \x1b]0;pwned title\x07 set. Clipboard \x1b]52;c;ZXZpbA==\x07 write. "
    "Cursor \x1b[2J\x1b[H\x1b[10;10H moves. C1 \x9b31m csi. Bidi \u202etxt.exe\u202c override. "
    "Bell \x07 backspace \x08 delete \x7f done."
)


@pytest.mark.parametrize("suffix", [".txt", ".md", ".html"])
def test_markup_and_escape_injection(tmp_path: Path, suffix: str) -> None:
    body = INJECTION
    if suffix == ".html":
        body = f"<html><head><title>T\x1b[31m</title></head><body><article><p>{INJECTION}</p><p>{PARA}</p></article></body></html>"
    result = load_bytes(tmp_path, "inject" + suffix, body.encode("utf-8"))
    assert isinstance(result, Document), result
    text = result.text
    assert "[bold]x[/]" in text and "[@click=app.quit]click[/]" in text
    for gone in ("pwned", "ZXZpbA", "\u202e", "\x9b", "\x1b", "\x07", "\x08", "\x7f"):
        assert gone not in text
    assert "Cursor moves." in text.replace("  ", " ")


def test_injection_in_metadata(tmp_path: Path) -> None:
    md = "---\ntitle: \"Evil \x1b]0;t\x07 \u202etitle\"\nauthor: \"A\x9b2J\"\n---\n\n# Heading\n\ntext\n"
    result = load_bytes(tmp_path, "meta.md", md.encode())
    assert isinstance(result, Document), result
    assert result.title == "Evil title" and result.meta.author == "A"


def test_injection_in_the_file_name_and_url(tmp_path: Path) -> None:
    result = outcome(lambda: load_document(str(tmp_path / "x\x1b]0;t\x07\u202e.txt")))
    assert is_error(result, "no such file") and "\x1b" not in result and "\u202e" not in result
    result = outcome(lambda: load_document("ftp://user:pw@host/\x1b[2J"))
    assert is_error(result, "unsupported URL scheme") and "pw@" not in result and "\x1b" not in result


# === round two (issue 9): nothing from outside reaches the terminal, nothing hangs ============================

import socket  # noqa: E402
import subprocess  # noqa: E402
import sys  # noqa: E402
import threading  # noqa: E402
import unicodedata  # noqa: E402
from contextlib import contextmanager  # noqa: E402

from reader.sanitize import sanitise  # noqa: E402

HANG_GUARD = 60  # seconds: only a hang detector; speed figures are in bench/bench_hostile.py
ROOT = Path(__file__).resolve().parent.parent
TERMINAL_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")


@contextmanager
def raw_server(responses: dict[str, bytes], lifetime: float = 30.0):
    """A bounded HTTP server on 127.0.0.1 that answers ``GET path`` with the exact bytes given (headers too).

    It stops by itself after ``lifetime`` seconds, so a test that goes wrong cannot leave it running.
    """
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.settimeout(0.2)
    port = listener.getsockname()[1]
    stop = threading.Event()

    def serve() -> None:
        deadline = threading.Event()
        timer = threading.Timer(lifetime, deadline.set)
        timer.daemon = True
        timer.start()
        while not stop.is_set() and not deadline.is_set():
            try:
                conn, _ = listener.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(2)
                try:
                    request = conn.recv(65536).decode("latin-1")
                    path = request.split(" ", 2)[1] if request.count(" ") >= 2 else "/"
                    conn.sendall(responses.get(path, b"HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\n\r\n"))
                except OSError:
                    pass
        timer.cancel()

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def reader_process(*args: str, env: dict[str, str] | None = None, **kwargs) -> subprocess.CompletedProcess[bytes]:
    """``python -m reader ARGS`` with bytes out, a hang guard, and the user's state never touched."""
    full_env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1", **(env or {})}
    kwargs.setdefault("stdout", subprocess.PIPE)
    kwargs.setdefault("stderr", subprocess.PIPE)
    kwargs.setdefault("stdin", subprocess.DEVNULL)
    return subprocess.run([sys.executable, "-m", "reader", *args], cwd=ROOT, env=full_env,
                          timeout=HANG_GUARD, **kwargs)


def assert_one_clean_line(stderr: bytes, *words: str) -> str:
    text = stderr.decode("utf-8")
    lines = text.splitlines()
    assert len(lines) == 1, text
    assert TERMINAL_CONTROL.search(lines[0]) is None, repr(lines[0])
    assert lines[0].startswith("reader: ") and "Traceback" not in text, text
    for word in words:
        assert word.lower() in lines[0].lower(), (word, lines[0])
    return lines[0]


def http_response(body: bytes, *headers: bytes, status: bytes = b"200 OK") -> bytes:
    head = [b"HTTP/1.1 " + status, b"Connection: close", *headers]
    if not any(h.lower().startswith(b"content-length:") for h in headers):
        head.append(b"Content-Length: %d" % len(body))
    return b"\r\n".join(head) + b"\r\n\r\n" + body


# Escape sequences a terminal acts on: OSC title/clipboard with BEL or ST, DCS, APC, PM, SOS, CSI, and the
# 8-bit C1 forms of the introducers (as UTF-8: U+009B CSI, U+009D OSC, U+0090 DCS, U+009F APC).
ESCAPES = [
    "\x1b]2;pwned\x07", "\x1b]52;c;aGVsbG8=\x07", "\x1b]0;title\x1b\\", "\x1bP1$r q\x1b\\", "\x1b_apc\x1b\\",
    "\x1b^pm\x1b\\", "\x1bXsos\x1b\\", "\x1b[?1049h", "\x1b[2J", "\x9b2J", "\x9d2;pwned\x07", "\x90q\x9c", "\x9fapc\x9c",
    "\x1b]8;;http://evil/\x1b\\link\x1b]8;;\x1b\\",
]


@pytest.mark.parametrize("escape", ESCAPES, ids=range(len(ESCAPES)))
def test_a_server_header_is_never_echoed_raw(escape: str) -> None:
    """``reader analyze URL`` with an escape in Content-Encoding: one clean line, exit 2 (issue 9 repro)."""
    value = ("x" + escape).encode("utf-8")
    with raw_server({"/": http_response(b"hello", b"Content-Type: text/plain", b"Content-Encoding: " + value)}) as url:
        result = reader_process("analyze", url + "/")
    assert result.returncode == 2
    assert_one_clean_line(result.stderr, "content encoding")
    assert result.stdout == b""


@pytest.mark.parametrize("header", [b"Content-Type: text/pl\x1b]2;pwned\x07ain; charset=utf-8",
                                    b"Content-Type: text/html; charset=\x1b]2;pwned\x07"])
def test_other_server_headers_never_reach_the_terminal(header: bytes) -> None:
    with raw_server({"/": http_response(b"<html><body><p>Some page text here for the reader.</p></body></html>",
                                        header)}) as url:
        result = reader_process("analyze", url + "/")
    assert b"\x1b" not in result.stdout + result.stderr and b"\x07" not in result.stdout + result.stderr
    assert result.returncode in (0, 2), result.stderr


def test_an_http_reason_phrase_is_sanitised() -> None:
    with raw_server({"/": http_response(b"no", status=b"500 Oops\x1b]52;c;aGk=\x07\x9b2J")}) as url:
        result = reader_process("analyze", url + "/")
    assert result.returncode == 2
    assert_one_clean_line(result.stderr, "500")


def test_a_redirect_target_is_sanitised() -> None:
    location = b"Location: ft\x1b]2;pwned\x07p://x/"
    with raw_server({"/": http_response(b"", location, status=b"302 Found")}) as url:
        result = reader_process("analyze", url + "/")
    assert result.returncode == 2
    assert_one_clean_line(result.stderr)


@pytest.mark.parametrize("escape", ESCAPES[:8], ids=range(8))
def test_argv_and_file_names_are_sanitised(escape: str, tmp_path: Path) -> None:
    bad_option = reader_process("analyze", f"--x{escape}y", "sample_articles/trump_foreign_policy.txt", "--no-people")
    assert bad_option.returncode == 2
    assert_one_clean_line(bad_option.stderr)
    missing = reader_process("analyze", str(tmp_path / f"no{escape}file.txt"))
    assert missing.returncode == 2
    assert_one_clean_line(missing.stderr, "no such file")


def test_exception_text_is_sanitised() -> None:
    error = ReaderError("x\x1b]2;pwned\x07 and\nsecond line \x9b2J\u202eevil \u200btail")
    assert TERMINAL_CONTROL.search(str(error)) is None and "\n" not in str(error)
    assert "\u202e" not in str(error) and "\u200b" not in str(error)
    assert "x" in str(error) and "second line" in str(error)


# --- invisible characters ----------------------------------------------------------------------------------

@pytest.mark.parametrize("invisible", ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\U000e0041", "\U000e0001",
                                       "\U000e007f", "\u2061", "\u2064", "\u180e"])
def test_zero_width_and_tag_characters_are_removed(invisible: str) -> None:
    assert sanitise(f"Jane D{invisible}oe met Bob.") == "Jane Doe met Bob."


def test_names_split_by_zero_width_characters_are_found(tmp_path: Path) -> None:
    doc = load_bytes(tmp_path, "zw.txt", "Jane D\u200boe arrived. Later Jane Doe\U000e0041 spoke.\n".encode())
    assert isinstance(doc, Document) and doc.text.count("Jane Doe") == 2


# --- quadratic Unicode --------------------------------------------------------------------------------------

COMBINING_CAP = 30  # the Stream-Safe Text Format (UAX #15): at most 30 non-starters in a row


def longest_combining_run(text: str) -> int:
    best = run = 0
    for ch in text:
        run = run + 1 if unicodedata.combining(ch) else 0
        best = max(best, run)
    return best


@pytest.mark.parametrize("marks", ["\u0301", "\u0301\u0316", "\u0316\u0301\u0325\u0300"], ids=["one", "two", "four"])
def test_runs_of_combining_marks_are_capped_before_normalising(marks: str, tmp_path: Path) -> None:
    data = ("Intro line. a" + marks * (150_000 // len(marks)) + " after.\n").encode()
    doc = load_bytes(tmp_path, "zalgo.txt", data)
    assert isinstance(doc, Document)
    assert longest_combining_run(doc.text) <= COMBINING_CAP
    assert doc.text.startswith("Intro line. ") and doc.text.endswith(" after.")
    assert unicodedata.is_normalized("NFC", doc.text)


def test_ordinary_accents_are_untouched() -> None:
    text = "Rene\u0301e, Ti\u1ebfng Vi\u1ec7t, \u0915\u094d\u0937, a\u0308\u0301\u0323."
    assert sanitise(text) == unicodedata.normalize("NFC", text)


# --- many sentence ends in one paragraph --------------------------------------------------------------------

# "Dr. " * 300,000 is past the size at which nltk's guard fires (about 250,000 on this machine); the others
# exercise each kind of cut (sentence end, space, a word longer than a chunk). bench_hostile.py runs the full sizes.
@pytest.mark.parametrize("paragraph", ["Dr. " * 300_000, "The mayor spoke on Monday. " * 20_000,
                                       "A.B. " * 50_000, "Hi! " * 30_000 + "x" * 25_000 + " the end."],
                         ids=["dr", "mayor", "initials", "bangs-then-word"])
def test_one_paragraph_with_many_sentence_ends_splits_without_nltk_timeout(paragraph: str) -> None:
    from reader.document.sentences import split_paragraphs
    from reader.document.model import Paragraph

    text = "Intro.\n\n" + paragraph.strip()
    paragraphs = (Paragraph(0, 6), Paragraph(8, len(text)))
    spans = split_paragraphs(text, paragraphs)  # nltk raises TimeoutError after 5 s of one regex scan
    assert spans[0].start == 0 and spans[0].end == 6
    previous = 6
    for span in spans[1:]:
        assert previous <= span.start < span.end <= len(text)
        assert text[span.start : span.end] == text[span.start : span.end].strip()
        assert text[previous : span.start].strip() == ""  # nothing between two sentences but spaces
        previous = span.end
    assert previous == len(text)


# --- declared charsets that are not text codecs ----------------------------------------------------------------

NOT_TEXT_CODECS = ["rot13", "rot_13", "hex", "base64", "zlib", "bz2", "uu", "quopri", "idna", "punycode", "utf-7",
                   "unicode_escape", "raw_unicode_escape", "undefined", "charmap", "palmos", "x\x1b]2;p\x07"]
# Latin-1 bytes (not UTF-8), so the declared charset is consulted; "+2D+-" is a lone surrogate in UTF-7.
LATIN_BODY = "<p>Caf\u00e9 society met on Monday. The mayor spoke +2D+- at length.</p>".encode("cp1252")


@pytest.mark.parametrize("charset", NOT_TEXT_CODECS)
def test_a_meta_charset_that_is_not_a_text_codec_is_ignored(charset: str, tmp_path: Path) -> None:
    page = b'<html><head><meta charset="' + charset.encode("latin-1") + b'"></head><body>' + LATIN_BODY * 5 + b"</body></html>"
    doc = load_bytes(tmp_path, "page.html", page)
    assert isinstance(doc, Document), doc
    assert "Caf\u00e9 society" in doc.text
    doc.text.encode("utf-8")  # no lone surrogate


@pytest.mark.parametrize("charset", NOT_TEXT_CODECS[:12])
def test_an_http_charset_that_is_not_a_text_codec_is_ignored(charset: str) -> None:
    header = b"Content-Type: text/plain; charset=" + charset.encode("latin-1")
    with raw_server({"/": http_response(LATIN_BODY * 5, header)}) as url:
        doc = outcome(lambda: load_document(url + "/", timeout=10))
    assert isinstance(doc, Document), doc
    assert "Caf\u00e9 society" in doc.text


def test_lone_surrogates_never_reach_text_json_or_state(tmp_path: Path) -> None:
    page = tmp_path / "u7.html"
    page.write_bytes(b'<html><head><meta charset="utf-7"></head><body>' + LATIN_BODY * 5 + b"</body></html>")
    result = reader_process("analyze", str(page), "--json", "--no-people", "--no-summary")
    assert result.returncode == 0, result.stderr
    text = json.loads(result.stdout)["text"]
    assert re.search("[\ud800-\udfff]", text) is None and "Caf\u00e9" in text


def test_a_multi_file_run_continues_past_a_bad_charset(tmp_path: Path) -> None:
    bad = tmp_path / "rot.html"
    bad.write_bytes(b'<meta charset="rot13"><p>' + LATIN_BODY + b"</p>")
    good = tmp_path / "good.txt"
    good.write_text("A plain page of text. It has two sentences.\n")
    result = reader_process("analyze", str(bad), str(good), "--json", "--no-people", "--no-summary")
    assert result.returncode == 0, result.stderr
    assert len(result.stdout.splitlines()) == 2


# --- output that cannot be written ---------------------------------------------------------------------------

POLISH = "\u0141\u00f3d\u017a is a city in Poland. Its mayor, Hanna Zdanowska, spoke on Monday.\n"


@pytest.mark.parametrize("json_flag", [(), ("--json",)], ids=["report", "json"])
@pytest.mark.parametrize("how", ["closed", "full", "latin-1"])
def test_output_that_cannot_be_written_is_one_line_and_exit_2(how: str, json_flag: tuple[str, ...],
                                                              tmp_path: Path) -> None:
    article = tmp_path / "lodz.txt"
    article.write_text(POLISH * 3, encoding="utf-8")
    args = ["analyze", str(article), "--no-people", *json_flag]
    if how == "closed":
        result = reader_process(*args, stdout=None, preexec_fn=lambda: os.close(1))
    elif how == "full":
        with open("/dev/full", "wb") as full:
            result = reader_process(*args, stdout=full)
    else:
        result = reader_process(*args, env={"PYTHONIOENCODING": "iso-8859-1"})
    assert result.returncode == 2, result.stderr
    assert_one_clean_line(result.stderr, "output")


def test_an_error_with_stderr_closed_too_still_exits_2(tmp_path: Path) -> None:
    result = reader_process("analyze", str(tmp_path / "missing.txt"), stdout=None, stderr=None,
                            preexec_fn=lambda: (os.close(1), os.close(2)))
    assert result.returncode == 2


# --- unbounded HTML work and deep nesting --------------------------------------------------------------------

WORDS_HTML = "<p>Anna Smith met Bob Jones in Paris. Smith said the talks went well.</p>"
SHALLOW = "<p>Shallow text is here too, a long enough paragraph to count for the extractor.</p>"


@pytest.mark.parametrize("name, page", [
    ("breaks", "<html><body><p>" + WORDS_HTML + "<br>" * 1_000_000 + "</p></body></html>"),
    ("links", "<html><body><p>" + WORDS_HTML + '<a href="/x">y</a> ' * 1_000_000 + "</p></body></html>"),
    ("empty spans", "<html><body>" + WORDS_HTML + "<span></span>" * 600_000 + "</body></html>"),
    ("unclosed", "<html><body>" + WORDS_HTML + "<i>" * 600_000 + "</body></html>"),
], ids=["breaks", "links", "spans", "unclosed"])
def test_pages_with_a_million_elements_fall_back_to_a_linear_scan(name: str, page: str, tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_text(page)
    result = reader_process("analyze", str(path), "--json", "--no-people", "--no-summary")
    assert result.returncode == 0, result.stderr[-500:]
    doc = json.loads(result.stdout)
    assert "Anna Smith met Bob Jones in Paris." in doc["text"]
    assert_one_clean_line(result.stderr, "warning", "elements")


@pytest.mark.parametrize("tag", ["div", "span", "b", "section", "blockquote"])
@pytest.mark.parametrize("depth", [260, 400, 3000])
def test_text_inside_deeply_nested_tags_is_kept(tag: str, depth: int, tmp_path: Path) -> None:
    page = ("<html><body>" + SHALLOW + f"<{tag}>" * depth + WORDS_HTML + f"</{tag}>" * depth
            + "<p>And the text after the deep part stays too, in its place.</p></body></html>")
    doc = load_bytes(tmp_path, "deep.html", page.encode())
    assert isinstance(doc, Document), doc
    assert "Anna Smith met Bob Jones in Paris." in doc.text
    assert doc.text.index("Shallow text") < doc.text.index("Anna Smith") < doc.text.index("And the text after")
    assert doc.meta.warnings


@pytest.mark.parametrize("depth", [10, 12, 40, 200])
def test_markdown_lists_and_quotes_of_any_depth_keep_their_text(depth: int, tmp_path: Path) -> None:
    lists = "".join("  " * i + f"- level {i}\n" for i in range(depth))
    quotes = "".join(">" * (i + 1) + f" quote {i}\n\n" for i in range(depth))
    doc = load_bytes(tmp_path, "deep.md", f"# Deep\n\n{lists}\nMiddle paragraph.\n\n{quotes}The end.\n".encode())
    assert isinstance(doc, Document), doc
    for i in range(depth):
        assert f"level {i}" in doc.text and f"quote {i}" in doc.text, i
    assert doc.text.index("level 0") < doc.text.index("Middle paragraph") < doc.text.index("quote 0")
    assert doc.text.rstrip().endswith("The end.")


def test_ordinary_pages_have_no_warning(tmp_path: Path) -> None:
    doc = load_bytes(tmp_path, "ok.html", ("<html><body><article>" + WORDS_HTML * 40 + "</article></body></html>").encode())
    assert isinstance(doc, Document) and doc.meta.warnings == ()


# --- truncated downloads ----------------------------------------------------------------------------------------

def test_a_short_body_is_shown_with_a_warning() -> None:
    body = b"The first half of an article. The rest never arrived"
    response = http_response(body, b"Content-Type: text/plain", b"Content-Length: %d" % (len(body) + 5000))
    with raw_server({"/": response}) as url:
        doc = outcome(lambda: load_document(url + "/", timeout=10))
        cli = reader_process("analyze", url + "/", "--no-people", "--no-summary")
    assert isinstance(doc, Document), doc
    assert doc.text.startswith("The first half") and any("incomplete" in w for w in doc.meta.warnings)
    assert cli.returncode == 0
    assert_one_clean_line(cli.stderr, "warning", "incomplete")


def test_a_truncated_gzip_body_is_shown_with_a_warning() -> None:
    packed = gzip.compress(("A long article about the council. " * 400).encode())
    cut = packed[: len(packed) // 2]
    response = http_response(cut, b"Content-Type: text/plain", b"Content-Encoding: gzip")
    with raw_server({"/": response}) as url:
        doc = outcome(lambda: load_document(url + "/", timeout=10))
    assert isinstance(doc, Document), doc
    assert doc.text.startswith("A long article") and any("incomplete" in w for w in doc.meta.warnings)


def test_a_complete_download_has_no_warning() -> None:
    with raw_server({"/": http_response(b"All of the article arrived safely.", b"Content-Type: text/plain")}) as url:
        doc = outcome(lambda: load_document(url + "/", timeout=10))
    assert isinstance(doc, Document) and doc.meta.warnings == ()


# --- memory --------------------------------------------------------------------------------------------------

PEAK_RSS = (
    "import resource, sys\n"
    "from reader.document import load_document\n"
    "doc = load_document(sys.argv[1])\n"
    "assert doc.word_count > 0 and doc.reading_time\n"
    "print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024)\n"
)


def peak_rss_of_loading(path: Path) -> int:
    result = subprocess.run([sys.executable, "-c", PEAK_RSS, str(path)], capture_output=True, text=True,
                            cwd=ROOT, timeout=HANG_GUARD * 3)
    assert result.returncode == 0, result.stderr[-2000:]
    return int(result.stdout)


BOOKISH = ("\u201cAnna Smith met Bob Jones in Paris,\u201d she said. Smith said the talks went well, and\r\n"
           "that the mayor\u2019s office would answer on Monday.\r\n\r\n")


@pytest.mark.parametrize("shape", ["one line of words", "paragraphs", "hard-wrapped", "html", "book-like", "markdown",
                                   "markdown with curly quotes"])
def test_loading_peak_memory_stays_under_four_times_the_file(shape: str, tmp_path: Path) -> None:
    """Peak RSS above the interpreter's own (a tiny file of the same kind) stays under 4x the file size.

    "book-like" is text as books are: curly quotes (so the text takes 2 bytes a character), CRLF, hard-wrapped;
    it took 8x (a copy for CRLF, one for sanitising, every paragraph as a str, then their join)."""
    sentence = "Anna Smith met Bob Jones in Paris. Smith said the talks went well. "
    size = 30_000_000
    unit = {"one line of words": sentence, "paragraphs": sentence * 4 + "\n\n",
            "hard-wrapped": (sentence * 4).replace(". ", ".\n") + "\n", "html": "<p>" + sentence * 3 + "</p>\n",
            "book-like": BOOKISH, "markdown": "## Part\n\n- " + sentence * 2 + "\n- " + sentence + "\n\n" + sentence * 4
            + "\n\n", "markdown with curly quotes": "- " + BOOKISH.replace("\r", "")}[shape]
    suffix = {"html": ".html", "markdown": ".md", "markdown with curly quotes": ".md"}.get(shape, ".txt")
    big, tiny = tmp_path / f"big{suffix}", tmp_path / f"tiny{suffix}"
    with open(big, "w", encoding="utf-8", newline="") as handle:
        for _ in range(size // len(unit) // 1000):
            handle.write(unit * 1000)
    tiny.write_text(unit, encoding="utf-8", newline="")
    grown = peak_rss_of_loading(big) - peak_rss_of_loading(tiny)
    assert grown < 4 * big.stat().st_size, (grown / big.stat().st_size)


# --- variants not in the issue ---------------------------------------------------------------------------------

@pytest.mark.parametrize("response, words", [
    (http_response(b"x", b"X-Big: " + b"a" * 100_000), ("bad http response",)),
    (http_response(b"x", *[b"X-H%d: v" % i for i in range(150)]), ("bad http response",)),
    (http_response(b"x", b"Content-Encoding: " + b"\x1b]2;p\x07" * 6000), ("content encoding",)),
    (b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\n\x1b]0;x\x07" + b"\x1b[2J" * 10, ()),
    (b"\x1b]2;pwned\x07 garbage status line\r\n\r\n", ("bad http response",)),
], ids=["huge header line", "150 headers", "60 KB hostile header", "escapes in a short body", "garbage status"])
def test_hostile_http_responses_give_one_bounded_clean_line(response: bytes, words: tuple[str, ...]) -> None:
    with raw_server({"/": response}) as url:
        result = reader_process("analyze", url + "/", "--no-people", "--no-summary")
    assert b"\x1b" not in result.stdout + result.stderr and b"\x07" not in result.stdout + result.stderr
    if result.returncode == 2:
        line = assert_one_clean_line(result.stderr.splitlines()[-1], *words)
        assert len(line) <= 2100
    else:
        assert result.returncode == 0 and not words, result.stderr


def test_a_redirect_chain_of_hostile_locations_stops(tmp_path: Path) -> None:
    responses = {f"/{i}": http_response(b"", f"Location: /{i + 1}\x1b]2;x\x07".encode("latin-1"), status=b"302 Found")
                 for i in range(30)}
    with raw_server(responses) as url:
        result = reader_process("analyze", url + "/0")
    assert result.returncode == 2
    assert_one_clean_line(result.stderr)


@pytest.mark.parametrize("make, words", [
    (lambda p: p.symlink_to(p), ("symbolic links",)),
    (lambda p: p.mkdir(), ("folder",)),
    (lambda p: os.mkfifo(p), ("named pipe",)),
    (lambda p: p.symlink_to("/dev/zero"), ("character device",)),
], ids=["symlink loop", "directory named like a file", "fifo", "/dev/zero"])
def test_file_system_oddities_are_one_line(make, words: tuple[str, ...], tmp_path: Path) -> None:
    target = tmp_path / "article.txt"
    make(target)
    result = reader_process("analyze", str(target))
    assert result.returncode == 2
    assert_one_clean_line(result.stderr, *words)


def test_a_url_typed_with_escapes_is_shown_clean() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    result = reader_process("analyze", f"http://127.0.0.1:{port}/\x1b]52;c;aGk=\x07\u009b2J")
    assert result.returncode == 2
    assert_one_clean_line(result.stderr, "connection refused")


def test_a_file_name_that_is_not_utf8_is_shown_clean(tmp_path: Path) -> None:
    name = os.fsencode(str(tmp_path)) + b"/bad\xff\x1b]2;x\x07name.txt"
    result = subprocess.run([sys.executable, "-m", "reader", "analyze", name], cwd=ROOT, capture_output=True,
                            timeout=HANG_GUARD, env={**os.environ, "PYTHONIOENCODING": "utf-8"})
    assert result.returncode == 2
    assert_one_clean_line(result.stderr, "no such file")


# === round three (issue 9): variants ===========================================================================

def test_an_unexpected_exception_is_one_clean_line_not_a_traceback(tmp_path: Path, monkeypatch, capsys) -> None:
    """A bug or a broken install (a dependency missing) used to print a traceback with exit status 1."""
    from reader.cli import main as cli
    from reader.cli import report

    def broken(*_args, **_options):
        raise ModuleNotFoundError("No module named 'nicknames' \x1b]2;pwned\x07")

    monkeypatch.setattr(report, "analyse", broken)
    monkeypatch.delenv("READER_DEBUG", raising=False)
    path = tmp_path / "a.txt"
    path.write_text(PARA)
    assert cli.main(["analyze", str(path)]) == 1
    captured = capsys.readouterr()
    line = assert_one_clean_line(captured.err.encode(), "internal error", "ModuleNotFoundError", "nicknames")
    assert "pwned" not in line and "\x1b" not in line and "Traceback" not in captured.err


def test_an_existing_file_named_with_escapes_is_shown_clean_on_stdout(tmp_path: Path) -> None:
    name = tmp_path / "report\x1b]2;pwned\x07\x1b[?1049h\u202e.txt"
    name.write_text(PARA)
    for extra in ((), ("--json",)):
        result = reader_process("analyze", str(name), "--no-people", "--no-summary", *extra)
        assert result.returncode == 0 and result.stderr == b""
        out = result.stdout.decode("utf-8")
        assert "report" in out and TERMINAL_CONTROL.search(out.replace("\n", "")) is None and "\u202e" not in out


@pytest.mark.parametrize("source, field", [
    ("# Title \x1b]2;pwned\x07 \x1b[?1049h\u202e\n\nSome text here. And more text.\n", "title"),
    ("<html><head><title>T\x1b]2;pwned\x07itle \x1b]52;c;aGk=\x07</title><meta name='author' content='Ann \x1b[2J\x9b2J"
     "Smith'></head><body><article><h1>Head\x1b]0;x\x07ing</h1><p>" + PARA * 5 + "</p></article></body></html>", "author"),
], ids=["markdown heading", "html title and author"])
def test_escapes_in_headings_titles_and_authors_never_reach_the_output(source: str, field: str, tmp_path: Path) -> None:
    path = tmp_path / ("page.md" if source.startswith("#") else "page.html")
    path.write_text(source)
    result = reader_process("analyze", str(path), "--json", "--no-people", "--no-summary")
    assert result.returncode == 0, result.stderr
    out = json.loads(result.stdout)
    assert out[field]
    for value in (out["title"], out["author"] or "", out["text"]):
        assert TERMINAL_CONTROL.search(value.replace("\n", "")) is None and "pwned" not in value and "\u202e" not in value


def test_nul_bytes_throughout_a_text_are_dropped(tmp_path: Path) -> None:
    doc = load_bytes(tmp_path, "nul.txt", ("\x00" + PARA.replace("Monday", "Mon\x00day") + "\x00\n\n").encode() * 50)
    assert isinstance(doc, Document), doc
    assert "\x00" not in doc.text and len(doc.paragraphs) == 50 and "The council met on Monday." in doc.text
    assert len(doc.sentences) == 100


@pytest.mark.parametrize("paragraph", ["Dr. " * 60_000, "Why? " * 50_000, "No! " * 50_000, "Wait... " * 30_000,
                                       "".join(f"{i}. " for i in range(40_000)), "A. B. C. " * 25_000, ". " * 100_000],
                         ids=["titles", "questions", "bangs", "ellipses", "numbers", "initials", "dots"])
def test_a_paragraph_dense_with_sentence_ends_gives_bounded_sentences(paragraph: str) -> None:
    """Not prose: it is cut without Punkt (which paid ~50 us a sentence end: minutes for a few MB) into sentences
    of bounded size and number, so the summary, people and quotes stages get neither 10,000-character sentences
    ('Dr. ' * N was one per Punkt chunk) nor hundreds of thousands of three-letter ones."""
    doc = document_from_plain_text("Intro text.\n\n" + paragraph.strip(), "dense.txt")
    spans = doc.sentences
    assert doc.text[spans[0].start : spans[0].end] == "Intro text."
    body = spans[1:]
    assert max(len(span) for span in body) <= 1_000
    assert len(body) <= len(paragraph) // 100
    previous = spans[0].end
    for span in body:
        assert doc.text[previous : span.start].strip() == "" and doc.text[span.start : span.end].strip()
        previous = span.end
    assert previous == len(doc.text)


def test_ordinary_prose_with_short_sentences_still_goes_to_punkt() -> None:
    """The density rule leaves real text alone: short quoted exchanges keep their own sentences."""
    paragraph = " ".join(["\u201cYes!\u201d said Anna. \u201cNo,\u201d said Mr. Jones. Why? Because it rained."] * 100)
    doc = document_from_plain_text(paragraph, "talk.txt")
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert texts[:4] == ["\u201cYes!\u201d said Anna.", "\u201cNo,\u201d said Mr. Jones.", "Why?", "Because it rained."]


# --- round four: what a format decodes after the text was sanitised ----------------------------------------

INVISIBLE = re.compile("[\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\u2028\u2029\U000e0000-\U000e007f\x00-\x09\x0b-\x1f\x7f-\x9f]")


INVISIBLE_REFERENCES = ["&#x202e;", "&#8238;", "&#x2067;", "&#x200b;", "&#xE0041;", "&ZeroWidthSpace;", "&rlm;",
                        "&shy;"]


@pytest.mark.parametrize("reference", [*INVISIBLE_REFERENCES, "&#x2028;", "&#x9b;", "&#x1b;", "&#x85;"])
@pytest.mark.parametrize("where", ["heading", "paragraph", "list item", "table cell", "html block", "inline html"])
def test_character_references_in_markdown_are_sanitised_once_decoded(reference: str, where: str,
                                                                      tmp_path: Path) -> None:
    """markdown-it decodes "&#x202e;" after the source was sanitised: a bidi override, zero-width or tag character
    written as a reference reached the Document (and the terminal), and split names ("Jane D&#x200b;oe")."""
    name = f"Jane D{reference}oe"
    body = {"heading": f"# {name}\n", "paragraph": f"{name} spoke.\n", "list item": f"- {name} spoke.\n",
            "table cell": f"| a | b |\n|---|---|\n| {name} | x |\n", "html block": f"<div>{name} spoke.</div>\n",
            "inline html": f"She met <b>{name}</b> there.\n"}[where]
    doc = load_bytes(tmp_path, "refs.md", f"Intro text here.\n\n{body}\nThe end of it.\n".encode())
    assert isinstance(doc, Document)
    assert INVISIBLE.search(doc.text) is None, repr(doc.text)
    if reference in INVISIBLE_REFERENCES:  # removed; a control becomes U+FFFD and a line separator a space
        assert "Jane Doe" in doc.text, repr(doc.text)


def test_combining_marks_written_as_references_in_markdown_are_capped(tmp_path: Path) -> None:
    doc = load_bytes(tmp_path, "zalgo.md", ("Intro. a" + "&#x301;" * 20_000 + " after.\n").encode())
    assert isinstance(doc, Document) and longest_combining_run(doc.text) <= COMBINING_CAP
    assert unicodedata.is_normalized("NFC", doc.text)


SWAPPED_AFTER_STAT = (
    "import os, sys\n"
    "from reader.document import load_document\n"
    "from reader.errors import ReaderError\n"
    "path, regular = sys.argv[1], sys.argv[2]\n"
    "real_stat = os.stat\n"
    "os.stat = lambda p, *a, **k: real_stat(regular) if p == path else real_stat(p, *a, **k)\n"
    "try:\n"
    "    load_document(path)\n"
    "except ReaderError as error:\n"
    "    print(error)\n"
)


@pytest.mark.parametrize("make", [os.mkfifo, os.mkdir], ids=["fifo", "directory"])
def test_a_file_replaced_after_its_check_is_refused_without_blocking(make, tmp_path: Path) -> None:
    """The name checked as a regular file is made a FIFO (or a folder) before it is opened: the blocking open
    waited for a writer forever."""
    regular, swapped = tmp_path / "article.txt", tmp_path / "swapped.txt"
    regular.write_text("Just an article. It has two sentences.")
    make(swapped)
    result = subprocess.run([sys.executable, "-c", SWAPPED_AFTER_STAT, str(swapped), str(regular)],
                            capture_output=True, text=True, cwd=ROOT, timeout=HANG_GUARD)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "swapped.txt" in result.stdout and ("not a regular file" in result.stdout or "directory" in result.stdout)


# --- round five: dense sentence ends at the speed of prose (work counted, not timed) -----------------------


def test_punkt_decides_each_distinct_sentence_end_once(monkeypatch) -> None:
    """"The mayor spoke on Monday. " * 240,000 paid Punkt's full decision (~60 us) at each of its 240k ends;
    a repeated context is decided once, the spans are those of plain Punkt (the same parameters, nothing
    remembered), and what was remembered is forgotten when the document is split (round 7: it was kept for the
    life of the process, up to 200k contexts)."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from reader.document import sentences

    remembering = sentences._tokenizer()
    plain = PunktSentenceTokenizer(remembering._params, lang_vars=remembering._lang_vars,
                                   token_cls=remembering._Token)
    varied = "Then Dr. Smith left. He met Mr. Jones in the U.S. Then it ended. Was it 5 p.m. Monday? No. "
    chunk = "The mayor spoke on Monday. " * 100 + varied * 30
    expected = list(plain.span_tokenize(chunk))
    assert len(expected) > 200
    sentences._SENTBREAK_DECISIONS.clear()
    assert list(remembering.span_tokenize(chunk)) == expected  # deciding, remembering
    assert list(remembering.span_tokenize(chunk)) == expected  # from what was remembered

    paragraph = "The mayor spoke on Monday. " * 2_000 + "Then Dr. Smith left."
    sentences._SENTBREAK_DECISIONS.clear()
    calls = []
    decide = PunktSentenceTokenizer.text_contains_sentbreak
    monkeypatch.setattr(PunktSentenceTokenizer, "text_contains_sentbreak",
                        lambda self, text: calls.append(text) or decide(self, text))
    doc = document_from_plain_text(paragraph, "mayor.txt")
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert len(texts) == 2_001 and set(texts[:2_000]) == {"The mayor spoke on Monday."}
    assert texts[-1] == "Then Dr. Smith left."
    assert len(calls) <= 10, len(calls)
    assert sentences._SENTBREAK_DECISIONS == {}  # nothing is kept once the document is split


def test_the_remembered_punkt_decisions_are_bounded(monkeypatch) -> None:
    """Within one document the remembered contexts are capped (cleared when full), and the spans stay Punkt's."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    from reader.document import sentences

    monkeypatch.setattr(sentences, "_REMEMBERED_CONTEXTS", 50)
    remembering = sentences._tokenizer()
    plain = PunktSentenceTokenizer(remembering._params, lang_vars=remembering._lang_vars,
                                   token_cls=remembering._Token)
    chunk = "".join(f"It cost {n} dollars. W{n} came. " for n in range(300))  # 300+ distinct contexts
    expected = list(plain.span_tokenize(chunk))
    sizes = []
    decide = PunktSentenceTokenizer.text_contains_sentbreak
    monkeypatch.setattr(PunktSentenceTokenizer, "text_contains_sentbreak",
                        lambda self, text: sizes.append(len(sentences._SENTBREAK_DECISIONS)) or decide(self, text))
    assert list(remembering.span_tokenize(chunk)) == expected
    assert len(sizes) > 250 and max(sizes) <= 50  # many more distinct contexts than the cap
    sentences._SENTBREAK_DECISIONS.clear()


def test_a_run_of_titles_keeps_a_bounded_segment() -> None:
    """'Dr. ' * 500,000 is one capitalised run: its one segment kept all 500k tokens (then was dropped as too
    long for a name); it keeps MAX_RUN and its last token, so where it ends is still known."""
    from reader.nlp.people.candidates import MAX_RUN, split_run

    run = "Dr. " * 5_000 + "Smith"
    segments, initial = split_run(run, 0, len(run), True)
    assert len(segments) == 1 and initial == [True]
    assert len(segments[0]) == MAX_RUN + 1
    assert segments[0][0] == (0, 3, "Dr.") and segments[0][-1] == (len(run) - 5, len(run), "Smith")
    short = "Anna Smith The Bob Jones"
    assert [[t[2] for t in s] for s in split_run(short, 0, len(short), True)[0]] == [["Anna", "Smith"], ["Bob", "Jones"]]


MARKDOWN_UNIT = "## Part\n\n- Anna Smith met Bob.\n- She left.\n\nSmith said the talks went well.\n\n"


def test_markdown_with_too_many_blocks_is_refused_before_the_parse(tmp_path: Path, monkeypatch) -> None:
    """A 190 MB Markdown file was refused for its paragraph count only after ~60% of it was parsed (a minute):
    the count of block starts is estimated first, and the same one-line refusal comes before any parse."""
    from reader.document import build, markdown

    monkeypatch.setattr(build, "MAX_PARAGRAPHS", 300)
    parsed = []
    monkeypatch.setattr(markdown, "_parser", lambda: parsed.append(1) or pytest.fail("parsed before the refusal"))
    message = load_bytes(tmp_path, "big.md", (MARKDOWN_UNIT * 120).encode())
    assert isinstance(message, str) and message.endswith("too many paragraphs (more than 300) to read as an "
                                                         "article or a book") and "big.md" in message
    assert parsed == []


class _SpiedPattern:
    """A compiled pattern whose ``finditer`` calls are recorded (to see that the block count was reached)."""

    def __init__(self, pattern: re.Pattern[str], calls: list[int]) -> None:
        self.pattern, self.calls = pattern, calls

    def finditer(self, *args):
        self.calls.append(1)
        return self.pattern.finditer(*args)


@pytest.mark.parametrize("body, refused", [
    ("Para.\n\n\n" * 300, False),  # 300 blocks, 900 newlines: counted, not refused
    ("Para.\n\n\n" * 302, True),  # 302: the estimate refuses, and so does the build
    ("- item\n" * 900, False),  # 900 items, no blank line: not estimated, the build's count refuses it
    ("- a\n\n- b\n\n" * 200, True),  # a loose list: each item is a block
    ("    code\n\n" * 400, False),  # indented code: its blank lines are inside one block
    ("1. step\n\n" * 400, False),  # an ordered item starts with a digit: not counted (a lower bound)
    ("> quoted\n\n" * 400, False),  # a quotation mark is not counted either
    ("Word\n\n---\n\n" * 200, False),  # a rule is no block start; a "Word" line then "---" is a heading
    ("---\ntitle: T\n" + "key: v\n\n" * 100 + "---\n\n" + "Para.\n\n\n" * 250, False),  # front matter
], ids=["300 blocks", "302 blocks", "one long list", "loose list", "indented code", "ordered list", "quotes",
        "rules", "front matter"])
def test_the_markdown_block_estimate_never_refuses_what_the_build_accepts(body: str, refused: bool,
                                                                           monkeypatch) -> None:
    """The estimate is a lower bound: whatever it refuses, the build's own count (the estimate switched off)
    refuses too. Every case gets past the quick checks to the count of block starts."""
    from reader.document import build, markdown

    monkeypatch.setattr(build, "MAX_PARAGRAPHS", 300)
    counted: list[int] = []
    monkeypatch.setattr(markdown, "_BLOCK_START", _SpiedPattern(markdown._BLOCK_START, counted))
    estimate = markdown.surely_too_many_blocks(body)
    assert counted, "the block starts were not counted"
    assert estimate is refused
    monkeypatch.setattr(markdown, "surely_too_many_blocks", lambda text: False)
    try:
        blocks = len(markdown.markdown_document(body, "x.md").paragraphs)
    except ReaderError:
        blocks = 301
    assert not estimate or blocks > 300, blocks


def _attributes(count: int, shape: str) -> str:
    return " ".join({"valued": f'a{i}="x"', "bare": f"a{i}", "quoted >": f'a{i}="x>y"',
                     "repeated": "a=1"}[shape] for i in range(count))


@pytest.mark.parametrize("shape", ["valued", "bare", "quoted >", "repeated"])
def test_an_element_with_too_many_attributes_falls_back_to_a_linear_scan(shape: str, tmp_path: Path) -> None:
    """lxml's parse of one element is quadratic in its attributes: 40k took 2 s, a page with one <p> of 1M
    attributes (11 MB) never finished. Past MAX_ATTRIBUTES the page gets the linear scan, with its warning."""
    from reader.document.html import MAX_ATTRIBUTES

    page = f"<html><body><p {_attributes(MAX_ATTRIBUTES + 50, shape)}>{WORDS_HTML}</p></body></html>"
    doc = load_bytes(tmp_path, "attributes.html", page.encode())
    assert isinstance(doc, Document), doc
    assert "Anna Smith met Bob Jones in Paris." in doc.text
    assert any("attributes" in warning for warning in doc.meta.warnings), doc.meta.warnings


def test_elements_with_a_few_attributes_and_long_text_keep_the_extractor(tmp_path: Path) -> None:
    page = ('<html><body><article><p class="lede" id="a" data-x="1" title="' + "t " * 5_000 + '">'
            + "Long paragraph text. " * 3_000 + "</p>" + WORDS_HTML * 20 + "</article></body></html>")
    doc = load_bytes(tmp_path, "ok.html", page.encode())
    assert isinstance(doc, Document) and doc.meta.warnings == ()


@pytest.mark.parametrize("body", [
    "| a | b |\n|---|---|\n" + "| cell one | cell two |\n" * 400,  # a table: three tokens a cell
    "- item of a list\n" * 400,  # a list without blank lines: six tokens a line
    "*a " * 3_000 + "end\n",  # an emphasis run: markdown-it's delimiter stack
], ids=["table", "list", "emphasis"])
def test_markdown_too_dense_to_parse_in_one_piece_is_plain_text(body: str, tmp_path: Path, monkeypatch) -> None:
    """A section that cannot be cut at a blank line and is dense with markup made markdown-it's tokens take
    hundreds of times its size (a 4.4 MB table: 2.7 GB and 40 s). Past MAX_SECTION_TOKENS (estimated by counting)
    the section is plain text, every word kept, with a warning; the sections around it are still Markdown."""
    from reader.document import markdown

    monkeypatch.setattr(markdown, "MAX_SECTION_TOKENS", 2_000)
    monkeypatch.setattr(markdown, "SECTION_CHARS", 2_000)
    doc = load_bytes(tmp_path, "dense.md", ("# Title\n\n" + "A paragraph. " * 200 + "\n\n" + body
                                            + "\n\nThe end.\n").encode())
    assert isinstance(doc, Document), doc
    assert any("too dense" in warning for warning in doc.meta.warnings), doc.meta.warnings
    words = re.findall(r"[a-z]+", body)
    assert re.findall(r"[a-z]+", doc.text).count(words[0]) >= words.count(words[0])
    assert doc.paragraphs[0].kind == "heading" and doc.text.rstrip().endswith("The end.")


def test_ordinary_markdown_is_not_too_dense(tmp_path: Path) -> None:
    from reader.document import markdown

    for path in sorted((ROOT / "docs").glob("*.md")) + [ROOT / "README.md"]:
        text = path.read_text()
        assert all(markdown.estimated_tokens(text[a:b]) < markdown.MAX_SECTION_TOKENS // 10
                   for a, b in markdown._sections(text)), path


@pytest.mark.parametrize("encoding", [b"gzip", b"deflate"])
def test_a_corrupt_compressed_body_says_so(encoding: bytes) -> None:
    """A body that is not the compressed data its Content-Encoding announces was "could not download (error)"."""
    response = http_response(b"\x1b]2;pwned\x07 not compressed at all", b"Content-Type: text/plain",
                             b"Content-Encoding: " + encoding)
    with raw_server({"/": response}) as url:
        result = reader_process("analyze", url + "/", "--no-people")
    assert result.returncode == 2
    assert_one_clean_line(result.stderr, encoding.decode(), "corrupt")


@pytest.mark.parametrize("header", [
    b'Content-Disposition: attachment; filename="a\x1b]2;pwned\x07\x9b2J.txt"',
    b"Content-Type: application/x\x1b]2;pwned\x07\x9b2J",
    b"Content-Type: text/plain; charset=\xe2\x80\xaeutf-8\x9d2;x\x07",
    b"Content-Language: \x1b]52;c;aGk=\x07",
], ids=["content-disposition", "unknown content type", "bidi and OSC in charset", "content-language"])
def test_escapes_in_headers_the_reader_does_not_use_never_reach_the_output(header: bytes) -> None:
    body = b"Plain article text from the server. It has two sentences."
    with raw_server({"/": http_response(body, header)}) as url:
        for json_flag in ((), ("--json",)):
            result = reader_process("analyze", url + "/", "--no-people", *json_flag)
            shown = (result.stdout + result.stderr).decode("utf-8")
            assert result.returncode == 0, shown
            assert TERMINAL_CONTROL.search(shown.replace("\n", "")) is None and "\u202e" not in shown, repr(shown)
            assert "Plain article text" in shown


@pytest.mark.parametrize("location", ["http://127.0.0.1:1/\x9b2J\x9d2;x\x07", "http://127.0.0.1:1/\u202eevil\u2066",
                                      "file:///etc/passwd\x1b[2J", "/" + "\x1b]2;x\x07" * 3000])
def test_hostile_redirect_targets_are_one_clean_line(location: str) -> None:
    response = http_response(b"", b"Location: " + location.encode("utf-8"), status=b"302 Found")
    with raw_server({"/": response}) as url:
        result = reader_process("analyze", url + "/")
    assert result.returncode == 2
    line = assert_one_clean_line(result.stderr)
    assert "\u202e" not in line and "\u2066" not in line and len(line) < 600


@pytest.mark.parametrize("escape", ["\x9b2J", "\u202e", "\u2066", "\x9d2;pwned\x07", "\u200b"])
def test_c1_controls_and_bidi_in_argv_and_file_names_are_removed(escape: str, tmp_path: Path) -> None:
    for args in (("analyze", f"--x{escape}y", "README.md"), ("analyze", str(tmp_path / f"no{escape}file.txt")),
                 (f"--x{escape}y",), (str(tmp_path / f"no{escape}file.txt"),)):
        result = reader_process(*args)
        assert result.returncode == 2, args
        line = assert_one_clean_line(result.stderr)
        assert escape not in line and "\u202e" not in line and "\u2066" not in line, repr(line)


@pytest.mark.parametrize("layers", [1, 2])
def test_a_gzip_bomb_stops_at_the_download_cap(layers: int) -> None:
    """30 MB of zeros in 30 KB of gzip (and a gzip inside it): refused at the 20 MB cap in one line, never
    unpacked whole."""
    body = b"\0" * 30_000_000
    for _ in range(layers):
        body = gzip.compress(body)
    response = http_response(body, b"Content-Type: text/plain", b"Content-Encoding: gzip")
    with raw_server({"/": response}) as url:
        result = reader_process("analyze", url + "/", "--no-people")
    assert result.returncode == 2
    assert_one_clean_line(result.stderr, "too large" if layers == 1 else "")


# --- round seven: the people stage reads the text a bounded number of times, however it repeats ------------


class _ReadCounting(str):
    """A text that counts the characters its slices and ``find``/``rfind``/``count`` calls read."""

    read = 0

    def __getitem__(self, key):
        piece = str.__getitem__(self, key)
        type(self).read += len(piece) if isinstance(key, slice) else 1
        return piece

    def _span(self, start=None, end=None) -> None:
        lo, hi, _ = slice(start, end).indices(len(self))
        type(self).read += max(0, hi - lo)

    def find(self, sub, start=None, end=None):
        self._span(start, end)
        return str.find(self, sub, start, end)

    def rfind(self, sub, start=None, end=None):
        self._span(start, end)
        return str.rfind(self, sub, start, end)

    def count(self, sub, start=None, end=None):
        self._span(start, end)
        return str.count(self, sub, start, end)


def test_a_paragraph_of_many_married_titles_is_read_a_bounded_number_of_times() -> None:
    """"Mrs. Hurst smiled and sat down. " * 20,000 as one paragraph took ~10 s: for each "Mrs. X" the reply rule
    sliced and searched its whole paragraph (quadratic). It now finds paragraph bounds and quotation marks once."""
    from reader.nlp.people.candidates import find_candidates
    from reader.nlp.people.linking import given_names_of_married_titles

    plain = "Mrs. Hurst smiled and sat down. " * 400
    candidates = find_candidates(plain, set())
    assert len(candidates) == 400 and all(c.key == ("hurst",) and c.title == "Mrs." for c in candidates)
    _ReadCounting.read = 0
    assert given_names_of_married_titles(_ReadCounting(plain), candidates) == []
    assert _ReadCounting.read <= 3 * len(plain), _ReadCounting.read  # was ~400 paragraph reads: ~100x the text


def _married_ties(text: str) -> list:
    from reader.nlp.people.candidates import find_candidates
    from reader.nlp.people.linking import given_names_of_married_titles

    return given_names_of_married_titles(text, find_candidates(text, set()))


def test_a_married_title_in_a_quotation_that_opens_the_text_is_inside_it() -> None:
    """The paragraph of a mention with no paragraph break before it started at character 1, not 0: a quotation
    mark opening the text was not seen, so a "Mrs. Hurst" inside that quotation counted as its speaker."""
    reply = "\n\n\u201cShe did indeed, Louisa.\u201d"
    inside = "\u201cAsk Mrs. Hurst; she will tell you.\u201d \u201cYes?\u201d" + reply
    outside = "Mrs. Hurst thought so. \u201cYes?\u201d" + reply
    assert _married_ties(inside) == []
    assert _married_ties(outside) == [(("louisa",), "hurst")]
    assert _married_ties("Jane came.\n\n" + inside) == []  # the same quotation after a paragraph break


def test_a_sentence_initial_particle_is_checked_in_one_pass_over_the_text(monkeypatch) -> None:
    """"De <word> spoke. " * 8,000, each word different, took ~26 s: each distinct "De X" compiled a pattern and
    searched the whole text for "... de X". The pairs the text writes are found in one pass; the answers are the
    same as that search's."""
    from reader.nlp.people import candidates as cand

    def searched(particle: str, word: str, text: str) -> bool:  # the rule as it was: one search per pair
        return re.search(rf"[{cand.UPPER}][\w.'’\-]*[ \t]+{re.escape(particle)}[ \t]+{re.escape(word)}(?![\w'’\-])",
                         text) is not None

    text = ("F.W. de Klerk spoke. Vincent van Gogh\tvan Gogh painted. the de Niro ran. Anna de  Lune-Noire’s "
            "X. della Robbia, Li di\nMarco; Bo du Pont-Aven. Ed de Klerks. É de Él. ") * 3
    words = set(re.findall(r"[\w'’\-]+", text)) | {"Gogh.", "Robbia,", "Lune-Noire’s", "Klerk"}
    reads = []
    real_search = re.search
    monkeypatch.setattr(cand, "re", type("Re", (), {"search": staticmethod(
        lambda pattern, string, *a: reads.append(1) or real_search(pattern, string, *a)),
        "escape": staticmethod(re.escape)}))
    scan = cand.Scan(text, set(), {})
    plain = sorted(w for w in words if re.fullmatch(r"[\w'’\-]+", w))
    for particle in sorted(cand.SURNAME_PARTICLES):
        for word in plain:
            assert scan.written_after_particle(particle, word) == searched(particle, word, text), (particle, word)
    assert reads == []  # one pass for every plain word; before: one whole-text search per pair
    assert scan.written_after_particle("de", "Gogh.") == searched("de", "Gogh.", text) and len(reads) == 1


class _IterationCounting(tuple):
    """A tuple that counts how many times it is read whole (iterated)."""

    iterations = 0

    def __iter__(self):
        type(self).iterations += 1
        return super().__iter__()


def test_about_reads_a_persons_mentions_a_bounded_number_of_times() -> None:
    """About a person with many mentions, each followed by a "She ..." sentence, listed all her mentions again for
    each such sentence (quadratic: 'Mrs. Hurst said,-- / “She is nice.” ...' x 12,000 took ~50 s). The sentences
    it picks are unchanged."""
    from dataclasses import replace

    from reader.nlp.about import about
    from reader.nlp.analysis import people_stage

    text = "Anna Smith spoke at length today. She left the room quietly. " * 300 + "Bob Jones came in at last."
    doc = document_from_plain_text(text, "a.txt")
    people = people_stage(doc)
    anna = next(p for p in people if p.name == "Anna Smith")
    others = [p for p in people if p is not anna]
    expected = about(doc, [anna, *others], anna, gender="f")
    assert len(anna.mentions) == 300 and others and expected
    counted = replace(anna, mentions=_IterationCounting(anna.mentions))
    _IterationCounting.iterations = 0
    assert about(doc, [counted, *others], counted, gender="f") == expected
    assert _IterationCounting.iterations <= 10, _IterationCounting.iterations  # was one per "She" sentence


# ------------------------------------------------------------------ quotes: runs of marks, many quotes in a paragraph


@pytest.mark.parametrize("unit", ["\u201c", "\u201d\u201c", '"', '" ', "\u00ab", "\u00ab\u00bb ", "\u201c \u201d ",
                                  "\u201c...\u201d ", "\u201c\u2014 "],
                         ids=["openers", "closer-opener", "straight", "straight-space", "guillemets", "guillemet-pairs",
                              "empty-pairs", "ellipsis-pairs", "dash-openers"])
def test_a_run_of_quotation_marks_is_no_quote(unit: str) -> None:
    """'“' x 1M (3 MB) made a million empty quotations (1.5 GB, minutes): a quote holding no letter or digit is
    no quote, and the real quote after the run is still found."""
    from reader.nlp.quotes import find_quotes

    doc = document_from_plain_text(unit * 5_000 + "\n\nAnna Smith said, \u201cWe won.\u201d\n", "marks.txt")
    quotes = find_quotes(doc, [])
    assert [doc.text[q.span.start : q.span.end] for q in quotes] == ["\u201cWe won.\u201d"]


def test_a_run_of_quotation_marks_keeps_no_quote_in_memory() -> None:
    """The empty quotations were kept until the end (one object each): the memory the quotes stage allocates for
    a run of marks does not grow with the run."""
    import tracemalloc

    from reader.nlp.quotes import find_quotes

    def peak(count: int) -> int:
        doc = document_from_plain_text("\u201c" * count, "marks.txt")
        tracemalloc.start()
        try:
            find_quotes(doc, [])
            return tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()

    small, large = peak(2_000), peak(20_000)
    assert large < small + 200_000, (small, large)  # was ~600 bytes a mark: +10 MB


class _CountingWords:
    """A stand-in for the ``WORD`` pattern that counts the words it hands out (findall and finditer)."""

    def __init__(self, pattern: re.Pattern[str]) -> None:
        self.pattern, self.words = pattern, 0

    def findall(self, *args: object) -> list[str]:
        found = self.pattern.findall(*args)
        self.words += len(found)
        return found

    def finditer(self, *args: object):
        for match in self.pattern.finditer(*args):
            self.words += 1
            yield match


def test_many_quotes_in_one_paragraph_read_a_bounded_number_of_words_each() -> None:
    """Looking for a speech verb after each quote of a dialogue turn read every word to the end of the paragraph
    (quadratic in the quotes of one paragraph: '“a“a“a...' x 10k took seconds per 10k). It reads the first few;
    the quotes and speakers are unchanged."""
    from reader.nlp.quotes import dialogue, find_quotes

    text = "Anna Smith came in.\n\n" + "\u201cNo\u201d \u201cyes\u201d " * 500 + "\u201cFine,\u201d cried a voice.\n"
    doc = document_from_plain_text(text, "turns.txt")
    expected = find_quotes(doc, [])
    counting = _CountingWords(dialogue.WORD)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(dialogue, "WORD", counting)
        assert find_quotes(doc, []) == expected
    assert len(expected) == 1_001
    assert counting.words <= 20 * len(expected), counting.words  # was ~500,000 (each quote: all the words after it)
