"""Time from `reader FILE` starting to the first painted article rows, for the seed article and a whole book.

Each run is a fresh Python process (interpreter start, imports, loading, wrapping, first paint of the Textual
app, headless). The child prints the wall-clock time at which the article view rendered its first row; the parent
subtracts the time just before it started the child.

    python bench/bench_startup.py [--runs N]
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "books"

CHILD = r"""
import sys, time
from reader.document.load import load_document
from reader.ui.app import ReaderApp
from reader.ui.article_view import ArticleView

painted = {}
original = ArticleView.render_line
def render_line(self, y):
    if "t" not in painted:
        painted["t"] = time.time()
    return original(self, y)
ArticleView.render_line = render_line

async def main():
    app = ReaderApp(load_document(sys.argv[1]))
    async with app.run_test(size=(140, 45)) as pilot:
        while "t" not in painted:
            await pilot.pause(0.005)
        print(painted["t"])
        app.exit()
        for worker in app.workers:
            worker.cancel()

import asyncio
asyncio.run(main())
"""


def first_paint(path: Path) -> float:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
    return float(out.stdout.strip().splitlines()[-1]) - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    inputs = [("seed article (1.5k words)", ROOT / "sample_articles" / "trump_foreign_policy.txt")]
    book = SHARED / "war_and_peace_pg2600.txt"
    if book.exists():
        inputs.append(("War and Peace (566k words)", book))
    else:
        print(f"(skipping War and Peace: {book} not found)")
    print(f"| input | median first paint | min | max | runs |\n|---|---|---|---|---|")
    for label, path in inputs:
        times = [first_paint(path) for _ in range(args.runs)]
        print(f"| {label} | {statistics.median(times):.3f} s | {min(times):.3f} s | {max(times):.3f} s | {args.runs} |")


if __name__ == "__main__":
    main()
