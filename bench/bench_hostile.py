"""`reader analyze --json` on hostile and broken inputs: exit status, wall time, peak memory, the error line.

Generates the corpus in a temporary folder (nothing is read from ../shared), runs each input in a fresh process and
prints a Markdown table. Goal (issues 5 and 9): exit 0 with output or exit 2 with one line (plus at most one
warning line); a few seconds; peak RSS under 4x the file size (the "x file" column) for big inputs.

    python bench/bench_hostile.py            # everything (several minutes: a 209 MB file, 1M-element pages)
    python bench/bench_hostile.py --quick    # without the inputs over 20 MB
"""

from __future__ import annotations

import gzip
import os
import subprocess
import sys
import tempfile
import time
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
        "a directory": str(folder),
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
    }
    return inputs


def _mkdir(path: Path) -> str:
    path.mkdir()
    return str(path)


def _symlink_loop(path: Path) -> str:
    path.symlink_to(path)
    return str(path)


def _fifo(path: Path) -> str:
    os.mkfifo(path)
    return str(path)


def run(source: str) -> tuple[int, float, float, str]:
    start = time.perf_counter()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen([sys.executable, "-m", "reader", "analyze", source, "--json"],
                                   stdout=subprocess.DEVNULL, stderr=errors, stdin=subprocess.DEVNULL)
        _, status, usage = os.wait4(process.pid, 0)
        elapsed = time.perf_counter() - start
        errors.seek(0)
        stderr = errors.read().decode("utf-8", "replace").strip()
    return os.waitstatus_to_exitcode(status), elapsed, usage.ru_maxrss / 1024, stderr


def main() -> None:
    quick = "--quick" in sys.argv[1:]
    with tempfile.TemporaryDirectory() as tmp:
        print("| input | size | exit | time | peak RSS | x file | stderr |\n|---|---|---|---|---|---|---|")
        for label, source in corpus(Path(tmp)).items():
            path = Path(source)
            size = path.stat().st_size if path.is_file() and not path.is_symlink() else 0
            if quick and size > 20_000_000:
                continue
            code, elapsed, rss, stderr = run(source)
            lines = stderr.count("\n") + 1 if stderr else 0
            shown = stderr.replace(tmp, "…").replace("|", "\\|")
            shown = "".join(ch if ch.isprintable() else f"\\x{ord(ch):02x}" for ch in shown)[:110]
            flag = "" if lines <= 2 and "Traceback" not in stderr else " **(not one line)**"
            if any(ch in stderr for ch in "\x1b\x07\x9b\x9d"):
                flag += " **(escape on stderr)**"
            ratio = f"{rss * 1024 * 1024 / size:.1f}" if size > 10_000_000 else ""
            print(f"| {label} | {size / 1e6:.1f} MB | {code} | {elapsed:.2f} s | {rss:.0f} MB | {ratio} | {shown}{flag} |",
                  flush=True)


if __name__ == "__main__":
    main()
