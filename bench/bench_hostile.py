"""`reader analyze --json` on hostile and broken inputs: exit status, wall time, peak memory, the error line.

Generates the corpus in a temporary folder (nothing is read from ../shared), runs each input in a fresh process and
prints a Markdown table. Goal (issue 5): exit 0 with output or exit 2 with one line; a few seconds; bounded memory.

    python bench/bench_hostile.py
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
        "50 MB of text": write("big.txt", words * (50 * 1024 * 1024 // len(words))),
        "one 5 MB line, no spaces": write("line.txt", b"x" * (5 * 1024 * 1024)),
        "100k tiny paragraphs": write("paras.txt", b"".join(b"Line %d ok.\n" % i for i in range(100_000))),
        "10k-deep nested HTML": write("nested.html", b"<html><body>" + b"<div>" * 10_000 + words + b"</div>" * 10_000),
        "malformed HTML": write("broken.html", b"<html><body><p>Unclosed <b>bold <i>and <div>" + words * 30 + b"</td></tr>"),
        "HTML with no article": write("noarticle.html", b"<html><head><title>x</title></head><body><nav>Home</nav></body></html>"),
        "HTML with a 20 MB script": write("script.html", b"<html><body><script>" + b"var a=1;" * 2_500_000
                                           + b"</script><article><p>" + words * 20 + b"</p></article></body></html>"),
        "a directory": str(folder),
        "a missing file": str(folder / "missing.txt"),
    }
    return inputs


def run(source: str) -> tuple[int, float, float, str]:
    start = time.perf_counter()
    process = subprocess.Popen([sys.executable, "-m", "reader", "analyze", source, "--json"],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    stderr = process.stderr.read().decode("utf-8", "replace").strip() if process.stderr else ""
    return os.waitstatus_to_exitcode(status), elapsed, usage.ru_maxrss / 1024, stderr


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        print("| input | exit | time | peak RSS | stderr |\n|---|---|---|---|---|")
        for label, source in corpus(Path(tmp)).items():
            code, elapsed, rss, stderr = run(source)
            lines = stderr.count("\n") + 1 if stderr else 0
            shown = stderr.replace(tmp, "…").replace("|", "\\|")[:90]
            flag = "" if lines <= 1 and "Traceback" not in stderr else " **(not one line)**"
            print(f"| {label} | {code} | {elapsed:.2f} s | {rss:.0f} MB | {shown}{flag} |")


if __name__ == "__main__":
    main()
