"""`reader analyze --json` on hostile and broken inputs: exit status, wall time, peak memory, the error line.

Generates the corpus in a temporary folder (nothing is read from ../shared), runs each input in a fresh process and
prints a Markdown table. Goal (issues 5 and 9): exit 0 with output or exit 2 with one line (plus at most one
warning line); a few seconds; peak RSS under 4x the file size for big inputs.

Two ratios are printed for each input over 10 MB: "x file" is the whole process's peak RSS over the file size (what
the user's machine must have: the goal), "x file - base" leaves out the baseline, the peak RSS of the interpreter
with the same imports loading a tiny file of the same kind ("base" column; for HTML the same path: trafilatura's
imports only when the page is small enough for trafilatura; for an input that was analysed, not refused as too long,
``reader analyze`` of that tiny file, whose analysis imports take ~110 MB). The second ratio is the per-byte cost of the copies
the loader makes, which is what a change to the loader moves; the first also holds the ~40-70 MB of imports, which
matter only for the smaller inputs (40 MB).

A second table opens each input over 10 MB in the app (headless, 120x40): the time until the article is painted
and the layout done, and the peak RSS of that process ("TUI x file"). Inputs served over HTTP (gzip bodies, a
gzip bomb) come from a local server in this process.

    python bench/bench_hostile.py            # everything (a quarter of an hour: 200 MB files, 1M-element pages)
    python bench/bench_hostile.py --quick    # without the inputs over 20 MB
    python bench/bench_hostile.py --only WORD   # the inputs whose label contains WORD (WORD,WORD: either)
    python bench/bench_hostile.py --punkt       # memory of Punkt's remembered decisions, old cap and current
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

PNG = b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4
ELF = b"\x7fELF\x02\x01\x01" + b"\x00" * 200


def corpus(folder: Path) -> dict[str, str]:
    def write(name: str, data: bytes) -> str:
        path = folder / name
        path.write_bytes(data)
        return str(path)

    def repeat(name: str, unit: bytes, count: int, head: bytes = b"", tail: bytes = b"") -> str:
        """A big file written a block at a time: this process stays small, so a child's peak RSS is its own
        (Linux counts the parent's peak at exec in the child's ru_maxrss)."""
        path = folder / name
        per_block = max(1, (1 << 20) // len(unit))
        with open(path, "wb") as handle:
            handle.write(head)
            for done in range(0, count, per_block):
                handle.write(unit * min(per_block, count - done))
            handle.write(tail)
        return str(path)

    words = b"Anna Smith met Bob Jones in Paris. Smith said the talks went well. "
    inputs = {
        "empty file": write("empty.txt", b""),
        "only whitespace": write("blank.txt", b" \n\t\n  \n"),
        "PNG image": write("image.txt", PNG),
        "gzip archive": write("archive.txt", gzip.compress(words * 100)),
        "ELF binary": write("program.txt", ELF),
        "invalid UTF-8": write("bad.txt", words + b"\xff\xfe\xc3\x28 more text. " + words),
        "UTF-16 with BOM": write("u16.txt", "\ufeff".encode("utf-16-le") + (words * 20).decode().encode("utf-16-le")),
        "UTF-16 without BOM": write("u16nobom.txt", (words * 20).decode().encode("utf-16-le")),
        "mixed line endings": write("mixed.txt", words + b"\r\n" + words + b"\r" + words + b"\n" + words),
        "NUL bytes in text": write("nul.txt", words.replace(b" ", b"\x00 ", 3) * 10),
        "escapes and markup": write("inject.txt", b"[bold]x[/] [@click=app.quit]y \x1b]0;pwned\x07 \x1b]52;c;aGk=\x07"
                                               b" \x1b[2J \xe2\x80\xae evil. " + words),
        "50 MB of text": repeat("big.txt", words, 50 * 1024 * 1024 // len(words)),
        "one 5 MB line, no spaces": repeat("line.txt", b"x", 5 * 1024 * 1024),
        "100k tiny paragraphs": write("paras.txt", b"".join(b"Line %d ok.\n" % i for i in range(100_000))),
        "10k-deep nested HTML": write("nested.html", b"<html><body>" + b"<div>" * 10_000 + words + b"</div>" * 10_000),
        "malformed HTML": write("broken.html", b"<html><body><p>Unclosed <b>bold <i>and <div>" + words * 30 + b"</td></tr>"),
        "HTML with no article": write("noarticle.html", b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>"),
        "HTML with a 20 MB script": repeat("script.html", b"var a=1;", 2_500_000, b"<html><body><script>",
                                            b"</script><article><p>" + words * 20 + b"</p></article></body></html>"),
        "a directory of 10,000 tiny files": _many_files(folder / "many", 10_000, words),
        "a missing file": str(folder / "missing.txt"),
        # issue 9
        "base letter + 150k combining marks": write("zalgo.txt", ("a" + "\u0301\u0316" * 75_000 + " end.\n").encode()),
        "'Dr. ' x 500k, one paragraph": repeat("dr.txt", b"Dr. ", 500_000),
        "'The mayor spoke on Monday. ' x 240k": repeat("mayor.txt", b"The mayor spoke on Monday. ", 240_000),
        "meta charset=rot13": write("rot13.html", b'<meta charset="rot13"><p>Caf\xe9 ' + words * 20 + b"</p>"),
        "meta charset=utf-7 (lone surrogates)": write("utf7.html", b'<meta charset="utf-7"><p>+2D+- \xe9 ' + words * 20 + b"</p>"),
        "<br> x 1M": repeat("br.html", b"<br>", 1_000_000, b"<html><body><p>" + words, b"</p></body></html>"),
        "1M links": repeat("links.html", b'<a href="/x">y</a> ', 1_000_000, b"<html><body><p>" + words,
                           b"</p></body></html>"),
        "text inside 400 nested <span>": write("deep.html", b"<html><body>" + b"<span>" * 400 + words + b"</span>" * 400),
        "Markdown list 40 levels deep": write("deep.md", "".join("  " * i + f"- level {i}\n" for i in range(40)).encode()),
        "zero-width and tag characters": write("zw.txt", "Jane D\u200boe\U000e0041 met Bob.\n".encode() + words),
        "file name with OSC 52": write("name\x1b]52;c;aGk=\x07.txt", words),
        "file name with 8-bit CSI": write("name\u009b2J.txt".encode().decode("latin-1"), words),
        "a directory named like a file": _mkdir(folder / "folder.txt"),
        "a symlink loop": _symlink_loop(folder / "loop.txt"),
        "/dev/zero": "/dev/zero",
        "a FIFO": _fifo(folder / "pipe.txt"),
        "20 million short paragraphs (100 MB)": repeat("paras100.txt", b"Hi.\n\n", 20_000_000),
        "40 MB Markdown": repeat("big.md", b"- " + words * 3 + b"\n\n" + words * 4 + b"\n\n", 85_000),
        "209 MB text (near the 200 MiB cap)": repeat("big209.txt", words * 5 + b"\n\n", 612_000),
        # round three: every format near the cap, and text as books are (curly quotes, CRLF, hard-wrapped)
        "190 MB book-like text (curly quotes, CRLF, wrapped)": repeat("book190.txt", BOOKISH, 190 * 2**20 // len(BOOKISH)),
        "190 MB Markdown": repeat("big190.md", b"## Part\n\n- " + words * 2 + b"\n- " + words + b"\n\n" + words * 4
                                  + b"\n\n", 190 * 2**20 // 500),
        "190 MB HTML": repeat("big190.html", b"<p>" + words * 4 + b"</p>\n", 190 * 2**20 // 280,
                              b"<html><head><title>Big</title></head><body>", b"</body></html>"),
        "one 100 MB line (one paragraph)": repeat("line100.txt", words, 100 * 2**20 // len(words)),
        "900k tiny paragraphs (near the paragraph cap)": repeat("paras900k.txt", b"Hi there.\n\n", 900_000),
        "ASCII text with one emoji (100 MB)": repeat("emoji.txt", words * 5 + b"\n\n", 100 * 2**20 // 340,
                                                     "\U0001f600 ".encode()),
        "NUL bytes every 1 KB (50 MB)": repeat("nul50.txt", words * 15 + b"\x00\n\n", 50 * 2**20 // 1008),
        # round three: escapes in metadata and names, dense sentence ends
        "escapes in <title>, meta author, headings": write("meta.html", HOSTILE_META_PAGE),
        "escapes in a Markdown heading": write("heading.md", b"# Title \x1b]2;pwned\x07 \x1b[?1049h\n\n" + words * 5),
        "'Why? ' x 400k": repeat("why.txt", b"Why? ", 400_000),
        "'Wait... ' x 250k": repeat("wait.txt", b"Wait... ", 250_000),
        "'1. 2. 3. ...' to 300k": write("numbers.txt", b"".join(b"%d. " % i for i in range(300_000))),
        "'A. B. C. ' x 220k": repeat("initials.txt", b"A. B. C. ", 220_000),
        "'. ' x 1M": repeat("dots.txt", b". ", 1_000_000),
        "'The cat sat. ' x 500k (6.5 MB)": repeat("cat.txt", b"The cat sat. ", 500_000),
        # round five: dense sentence ends that are prose-like, one element with a million attributes, deep quotes
        "'Mr. Smith. ' x 300k": repeat("mrsmith.txt", b"Mr. Smith. ", 300_000),
        "'A. ' x 500k": repeat("a_dot.txt", b"A. ", 500_000),
        "<p> with 1M attributes (11 MB)": write("attributes.html", b"<html><body><p " + b" ".join(
            b'a%d="x"' % i for i in range(1_000_000)) + b">Anna Smith met Bob Jones in Paris.</p></body></html>"),
        "Markdown: 100k nested blockquotes": write("quotes.md", b"> " * 100_000 + b"deep text\n\nAfter it.\n"),
        "Markdown table of 100k columns (4 MB)": write("table.md", b"|" + b"a|" * 100_000 + b"\n|" + b"-|" * 100_000
                                                       + b"\n" + (b"|" + b"b|" * 100_000 + b"\n") * 20),
        "Markdown: '*a ' x 500k": repeat("emphasis.md", b"*a ", 500_000),
        # round seven: repeated patterns aimed at each analysis stage (people, quotes, About, summary, chapters)
        "'De <distinct word> spoke. ' x 8000": write("particles.txt", b"".join(
            b"De %sx spoke. " % _distinct_word(i) for i in range(8_000))),
        "'Mrs. Hurst smiled and sat down. ' x 20k, one paragraph": repeat("hurst.txt",
                                                                          b"Mrs. Hurst smiled and sat down. ", 20_000),
        "'Mrs. Hurst said,-- / quote / reply' x 12k (--about)": repeat("hurst_replies.txt", HURST_REPLIES, 12_000),
        "'Mrs. X said, \u201cHi.\u201d ' x 50k": repeat("mrs_hi50.txt", "Mrs. X said, \u201cHi.\u201d ".encode(), 50_000),
        "'Mrs. X said, \u201cHi.\u201d ' x 100k": repeat("mrs_hi.txt", "Mrs. X said, \u201cHi.\u201d ".encode(), 100_000),
        "'\u201c' x 1M": repeat("open_quotes.txt", "\u201c".encode(), 1_000_000),
        "'\u201c \u201d ' x 500k, one paragraph": repeat("empty_quotes.txt", "\u201c \u201d ".encode(), 500_000),
        "'\u201ca\u201d ' x 100k, one paragraph": repeat("tiny_quotes.txt", "\u201ca\u201d ".encode(), 100_000),
        "'\u201ca\u201d ' x 200k, one paragraph": repeat("tiny_quotes2.txt", "\u201ca\u201d ".encode(), 200_000),
        "'CHAPTER I.\\n' x 100k": repeat("chapters.txt", b"CHAPTER I.\n", 100_000),
        "'\"a,\" he said, \"b\" ' x 100k": repeat("he_said.txt", b'"a," he said, "b" ', 100_000),
        "capitalised words, one 1.2 MB run": repeat("capitals.txt", b"Alpha Beta Gamma Delta Epsilon ", 40_000),
        "'Mr. ' x 500k": repeat("mr.txt", b"Mr. ", 500_000),
        "one name, many aliases x 50k": repeat("aliases.txt", b"Anna Smith met her. Smith left. Anna said so. "
                                                b"Ms. Smith smiled. A. Smith agreed. Annie Smith sat. ", 50_000),
        "dialogue paragraphs x 100k": repeat("dialogue.txt", "\u201cHello,\u201d said Anna. \u201cBye,\u201d "
                                             "said Bob.\n\n".encode(), 100_000),
    }
    return inputs


# extra arguments of ``reader analyze`` for an input (the About stage runs only when asked)
EXTRA_ARGS = {"'Mrs. Hurst said,-- / quote / reply' x 12k (--about)": ["--about", "Hurst"]}
HURST_REPLIES = "Mrs. Hurst said,--\n\n\u201cShe is nice.\u201d\n\n\u201cIndeed, Louisa.\u201d\n\n".encode()


def _distinct_word(number: int) -> bytes:
    """A capitalised word of letters for each number (0 -> "A", 12 -> "Bc")."""
    digits = str(number)
    return (chr(65 + int(digits[0])) + "".join(chr(97 + int(d)) for d in digits[1:])).encode()


BOOKISH = ("\u201cAnna Smith met Bob Jones in Paris,\u201d she said. Smith said the talks went well, and\r\n"
           "that the mayor\u2019s office would answer on Monday.\r\n" * 3 + "\r\n").encode()  # 390 bytes a paragraph
HOSTILE_META_PAGE = (b"<html><head><title>T\x1b]2;pwned\x07itle \x1b]52;c;aGk=\x07</title>"
                     b'<meta name="author" content="Ann \x1b[2J\xc2\x9b2JSmith \xe2\x80\xae"></head><body><article>'
                     b"<h1>Head\x1b]0;x\x07ing</h1><p>" + b"Anna Smith met Bob Jones in Paris. " * 30
                     + b"</p></article></body></html>")


def _many_files(folder: Path, count: int, text: bytes) -> str:
    folder.mkdir()
    for number in range(count):
        (folder / f"{number:05d}.txt").write_bytes(b"Note %d. " % number + text)
    return str(folder)


SERVED_WORDS = b"Anna Smith met Bob Jones in Paris. Smith said the talks went well.\n\n"


def gzip_bodies(folder: Path) -> None:
    """The gzip bodies ``served`` sends: near the 20 MB download cap, a bomb, a gzip inside a gzip."""

    def gzip_file(name: str, unit: bytes, count: int) -> None:
        per_block = max(1, (1 << 20) // len(unit))
        with gzip.open(folder / name, "wb", compresslevel=6) as handle:
            for done in range(0, count, per_block):
                handle.write(unit * min(per_block, count - done))

    gzip_file("near.gz", SERVED_WORDS, 19 * 2**20 // len(SERVED_WORDS))
    gzip_file("bomb.gz", b"\0" * 1024, 2**20)  # 1 GB of zeros, ~1 MB compressed
    (folder / "nested.gz").write_bytes(gzip.compress(gzip.compress(SERVED_WORDS * 10_000)))


def served(folder: Path) -> tuple[dict[str, str], "ThreadingHTTPServer"]:
    """Inputs served by a local HTTP server (files made by ``gzip_bodies``): gzip bodies, a bomb, a nested gzip,
    a truncated body and an escape in a redirect target."""
    words = SERVED_WORDS
    bodies: dict[str, tuple[bytes, list[tuple[str, str]]]] = {}
    near_cap, bomb, nested = folder / "near.gz", folder / "bomb.gz", folder / "nested.gz"
    files = {"/near": (near_cap, [("Content-Type", "text/plain"), ("Content-Encoding", "gzip")]),
             "/bomb": (bomb, [("Content-Type", "text/plain"), ("Content-Encoding", "gzip")]),
             "/nested": (nested, [("Content-Type", "text/plain"), ("Content-Encoding", "gzip")])}
    bodies["/short"] = (words * 100, [("Content-Type", "text/plain"), ("Content-Length", str(len(words) * 300))])
    bodies["/redirect"] = (b"", [("Location", "/x\x1b]2;pwned\x07/\x1b[2J")])

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            if self.path in files:
                path, headers = files[self.path]
                self.send_response(200)
                for name, value in headers:
                    self.send_header(name, value)
                self.send_header("Content-Length", str(path.stat().st_size))
                self.end_headers()
                with open(path, "rb") as handle:
                    while block := handle.read(1 << 16):
                        self.wfile.write(block)
            elif self.path in bodies:
                body, headers = bodies[self.path]
                self.send_response(302 if self.path == "/redirect" else 200)
                for name, value in headers:
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)
            else:
                self.send_error(404)

        def log_message(self, *args: object) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    return {"gzip body, 19 MB unpacked (near the download cap)": base + "/near",
            "gzip bomb (1 GB of zeros)": base + "/bomb",
            "gzip inside gzip": base + "/nested",
            "body shorter than Content-Length": base + "/short",
            "redirect to a URL with escapes": base + "/redirect"}, server


def _mkdir(path: Path) -> str:
    path.mkdir()
    return str(path)


def _symlink_loop(path: Path) -> str:
    path.symlink_to(path)
    return str(path)


def _fifo(path: Path) -> str:
    os.mkfifo(path)
    return str(path)


def run(source: str, extra: tuple[str, ...] = ()) -> tuple[int, float, float, str]:
    return measured([sys.executable, "-m", "reader", "analyze", source, "--json", *extra])


# The interpreter with what `reader analyze` imports before it reads an input, loading a tiny file of one kind.
BASELINE_CHILD = r"""
import sys
import reader.cli.main, reader.cli.report, reader.cli.quotes_report, reader.cli.batch
from reader.document.load import load_document
load_document(sys.argv[1])
"""
_baselines: dict[tuple[str, bool], float] = {}


def baseline(path: Path, folder: Path, analysed: bool) -> float:
    """Peak RSS (MB) of the interpreter and the imports that ``path``'s run used: loading only (BASELINE_CHILD)
    when the text was refused as too long to analyse, else ``reader analyze`` of a tiny file of the same kind (the
    analysis imports nltk, numpy, scipy and the CRF: ~110 MB)."""
    suffix = path.suffix.lower() if path.suffix.lower() in (".md", ".html") else ".txt"
    extractor = suffix == ".html" and _tag_count(path) <= 50_000  # html.MAX_ELEMENTS: trafilatura's imports too
    key = (suffix, extractor, analysed)
    if key not in _baselines:
        tiny = folder / f"baseline-{int(extractor)}{int(analysed)}{suffix}"
        body = (b"<br>" * 50_001 if not extractor else b"") + b"<p>Anna Smith met Bob Jones in Paris.</p>" * 20
        tiny.write_bytes(b"<html><body>" + body + b"</body></html>" if suffix == ".html"
                         else b"# Anna\n\n- Anna Smith met Bob Jones in Paris.\n\nShe said so.\n" * 3)
        command = ["-m", "reader", "analyze", str(tiny), "--json"] if analysed else ["-c", BASELINE_CHILD, str(tiny)]
        _baselines[key] = measured([sys.executable, *command])[2]
    return _baselines[key]


def _tag_count(path: Path) -> int:
    count = 0
    with open(path, "rb") as handle:
        while block := handle.read(1 << 20):
            count += block.count(b"<")
    return count


def measured(command: list[str], stdout: int = subprocess.DEVNULL) -> tuple[int, float, float, str]:
    """Exit status, wall time, peak RSS (MB) and stderr of ``command`` run in a fresh process."""
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors, tempfile.TemporaryDirectory() as home:
        env = {**os.environ, "READER_STATE_DIR": home, "READER_CACHE_DIR": home, "READER_DATA_DIR": home,
               "READER_CONFIG_DIR": home}
        process = subprocess.Popen(command, stdout=stdout, stderr=errors, stdin=subprocess.DEVNULL, env=env)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace").strip()
    return os.waitstatus_to_exitcode(status), elapsed, usage.ru_maxrss / 1024, stderr


# The app, headless, on one input: seconds until the article view has painted with its layout, and the peak RSS.
TUI_CHILD = r"""
import asyncio, os, resource, sys, time
from reader.document.load import load_document
from reader.ui.app import PendingDocument, ReaderApp
from reader.ui.article_view import ArticleView

painted = []
original = ArticleView.render_line
def render_line(self, y):
    painted.append(time.perf_counter())
    return original(self, y)
ArticleView.render_line = render_line

async def main():
    path = sys.argv[1]
    start = time.perf_counter()
    if os.path.isdir(path):  # reader FOLDER: the library screen, done when its scan is
        from pathlib import Path
        from reader.ui.library_screen import LibrarySource
        app = ReaderApp(LibrarySource(folder=Path(path)))
    else:
        app = ReaderApp(PendingDocument(path, lambda: load_document(path)))
    async with app.run_test(size=(120, 40)) as pilot:
        if os.path.isdir(path):
            await asyncio.sleep(0.5)
            await app.workers.wait_for_complete()
            await asyncio.sleep(0.1)
        while not os.path.isdir(path) and not painted and app.load_error is None and time.perf_counter() - start < 600:
            await asyncio.sleep(0.05)  # not pilot.pause: its wait for the screen times out on a busy machine
        elapsed = time.perf_counter() - start
        await asyncio.sleep(2)  # the panes start their work (a refusal for a text too long to analyse)
        app.exit()
        for worker in app.workers:
            worker.cancel()
    if app.load_error is not None:
        print(f"reader: {app.load_error}", file=sys.stderr)
    print(elapsed)

asyncio.run(main())
"""


def tui_row(label: str, source: str, size: int) -> str:
    start = time.perf_counter()
    with tempfile.TemporaryFile() as out:
        code, _, rss, stderr = measured([sys.executable, "-c", TUI_CHILD, source], stdout=out.fileno())
        out.seek(0)
        printed = out.read().decode().split()
    painted = f"{float(printed[-1]):.1f} s" if printed else f"(failed after {time.perf_counter() - start:.0f} s)"
    shown = clean(stderr.splitlines()[-1] if stderr else "", "")
    ratio = f"{rss * 2**20 / size:.1f}" if size > 1 else ""
    return f"| {label} | {size / 1e6:.1f} MB | {code} | {painted} | {rss:.0f} MB | {ratio} | {shown} |"


def clean(stderr: str, tmp: str) -> str:
    shown = stderr.replace(tmp, "…").replace("|", "\\|") if tmp else stderr.replace("|", "\\|")
    return "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in shown)[:110]


def punkt_memory() -> None:
    """``--punkt``: Punkt's remembered decisions (``sentences._SENTBREAK_DECISIONS``) with the old cap and the
    current one: decisions paid, the most contexts held and their size, the split's time (War and Peace, the
    mayor text, 200k distinct contexts in one paragraph)."""
    import random

    from nltk.tokenize.punkt import PunktSentenceTokenizer

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

    from bench.shared_data import shared_data
    from reader.document import sentences
    from reader.document.build import document_from_plain_text

    books = Path(os.environ.get("READER_SHARED_DATA") or shared_data()) / "books"
    war = (books / "war_and_peace_pg2600.txt").read_text("utf-8")
    rng, words = random.Random(1), [w for w in war.split() if w.isalpha()][:50_000]
    texts = {"War and Peace": war, "'The mayor spoke on Monday. ' x 240k": "The mayor spoke on Monday. " * 240_000,
             "200k distinct contexts, one paragraph": " ".join(
                 f"{rng.choice(words)} {rng.choice(words)}. {rng.choice(words).capitalize()}" for _ in range(200_000))}
    decide, held = PunktSentenceTokenizer.text_contains_sentbreak, [0, 0, 0]

    def counted(self, text):
        held[0] += 1
        remembered = sentences._SENTBREAK_DECISIONS
        if len(remembered) > held[1]:
            held[1] = len(remembered)
            if len(remembered) % 1024 == 0:  # the size, measured every 1,024 more contexts
                held[2] = sys.getsizeof(remembered) + sum(sys.getsizeof(k) for k in remembered)
        return decide(self, text)

    PunktSentenceTokenizer.text_contains_sentbreak = counted
    sentences._tokenizer()
    print("| text | cap | Punkt decisions | most contexts held | their size | split |\n|---|---|---|---|---|---|")
    for cap in (200_000, sentences._REMEMBERED_CONTEXTS):
        sentences._REMEMBERED_CONTEXTS = cap
        for label, text in texts.items():
            held[:] = [0, 0, 0]
            doc = document_from_plain_text(text, "x.txt")
            start = time.perf_counter()
            len(doc.sentences)
            elapsed = time.perf_counter() - start
            print(f"| {label} | {cap:,} | {held[0]:,} | {held[1]:,} | {held[2] / 1e6:.1f} MB | {elapsed:.1f} s |",
                  flush=True)


def main() -> None:
    known = {"--punkt", "--make", "--quick", "--only"}
    flags = [arg for arg in sys.argv[1:] if arg.startswith("-")]
    if any(flag not in known for flag in flags):  # --help, or a typo: say how to run it instead of running it all
        print(__doc__.strip())
        sys.exit(0 if set(flags) & {"-h", "--help"} else 2)
    if sys.argv[1:2] == ["--punkt"]:
        punkt_memory()
        return
    if sys.argv[1:2] == ["--make"]:
        folder = Path(sys.argv[2])
        gzip_bodies(folder)
        print(json.dumps(corpus(folder)))
        return
    quick = "--quick" in sys.argv[1:]
    only = sys.argv[sys.argv.index("--only") + 1].lower().split(",") if "--only" in sys.argv[1:] else []
    big: list[tuple[str, str, int]] = []
    with tempfile.TemporaryDirectory() as tmp:
        # made by a child process: building the inputs takes ~60 MB, and a child's ru_maxrss starts from the
        # peak of the process it was forked from
        made = subprocess.run([sys.executable, __file__, "--make", tmp], capture_output=True, text=True, check=True)
        inputs = json.loads(made.stdout)
        urls, server = served(Path(tmp))
        inputs.update(urls)
        print("| input | size | exit | time | peak RSS | base | x file | x file - base | stderr |\n"
              "|---|---|---|---|---|---|---|---|---|")
        for label, source in inputs.items():
            if only and not any(word in label.lower() for word in only):
                continue
            path = Path(source)
            size = path.stat().st_size if path.is_file() and not path.is_symlink() else 0
            if quick and size > 20_000_000:
                continue
            code, elapsed, rss, stderr = run(source, tuple(EXTRA_ARGS.get(label, ())))
            lines = stderr.count("\n") + 1 if stderr else 0
            flag = "" if lines <= 2 and "Traceback" not in stderr else " **(not one line)**"
            if any(ch in stderr for ch in "\x1b\x07\x9b\x9d"):
                flag += " **(escape on stderr)**"
            if lines > 2 and "Traceback" not in stderr:
                flag = f" ({lines} lines: one per bad file)" if path.is_dir() else flag
            base = ratio = beyond = ""
            if size > 10_000_000:
                base_mb = baseline(path, Path(tmp), analysed=code == 0)
                base, ratio = f"{base_mb:.0f} MB", f"{rss * 2**20 / size:.1f}"
                beyond = f"{(rss - base_mb) * 2**20 / size:.1f}"
            shown = clean(stderr.splitlines()[0] if stderr else "", tmp)
            print(f"| {label} | {size / 1e6:.1f} MB | {code} | {elapsed:.2f} s | {rss:.0f} MB | {base} | {ratio} | "
                  f"{beyond} | {shown}{flag} |", flush=True)
            if size > 10_000_000 or path.is_dir():
                big.append((label, source, size))
        if big:
            print("\n| in the app | size | exit | painted | peak RSS | TUI x file | stderr |\n|---|---|---|---|---|---|---|")
            for label, source, size in big:
                print(tui_row(label, source, size or 1).replace(tmp, "…"), flush=True)
        server.shutdown()


if __name__ == "__main__":
    main()
