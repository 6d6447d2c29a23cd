"""Time from `reader FILE` starting to the first paint, and to the first painted article rows, for the seed article
and a whole book; with --huge, how long huge documents take to mount, jump and search (figures that used to be
wall-clock assertions in tests/test_hostile_ui.py).

Each startup run is a fresh Python process (interpreter start, imports, loading, wrapping, first paint of the
Textual app, headless). Like the CLI, a file over ``INSTANT_LOAD_BYTES`` loads in the app's worker after the first
paint (the loading screen); a smaller one loads before the app starts. The child prints the wall-clock times at
which anything, then the article view, was first painted; the parent subtracts the time just before it started
the child.

    python bench/bench_startup.py [--runs N] [--huge]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data" / "books"

CHILD = r"""
import os, sys, time
from reader.cli.main import INSTANT_LOAD_BYTES
from reader.document.load import load_document
from reader.ui.app import PendingDocument, ReaderApp
from reader.ui.article_view import ArticleView
from reader.ui.loading_screen import LoadingTitle

marks = {}
def marking(cls, name):
    original = cls.render_line if hasattr(cls, "render_line") and name == "article" else cls.render
    def wrapper(self, *args):
        marks.setdefault(name, time.time())
        return original(self, *args)
    setattr(cls, "render_line" if name == "article" else "render", wrapper)
marking(ArticleView, "article")
marking(LoadingTitle, "loading")

async def main():
    path = sys.argv[1]
    if os.path.getsize(path) > INSTANT_LOAD_BYTES:
        opening = PendingDocument(path, lambda: load_document(path))
    else:
        opening = load_document(path)
    app = ReaderApp(opening)
    async with app.run_test(size=(140, 45)) as pilot:
        while "article" not in marks:
            await pilot.pause(0.005)
        print(min(marks.values()), marks["article"])
        app.exit()
        for worker in app.workers:
            worker.cancel()

import asyncio
asyncio.run(main())
"""


def first_paint(path: Path) -> tuple[float, float]:
    start = time.time()
    out = subprocess.run([sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, check=True)
    painted, article = map(float, out.stdout.strip().splitlines()[-1].split())
    return painted - start, article - start


def startup(runs: int, book: Path) -> None:
    inputs = [("seed article (1.5k words)", ROOT / "sample_articles" / "trump_foreign_policy.txt")]
    if book.exists():
        inputs.append(("War and Peace (566k words)", book))
    else:
        print(f"(skipping War and Peace: {book} not found)")
    print("| input | median first paint | median article shown | min / max article | runs |\n|---|---|---|---|---|")
    for label, path in inputs:
        times = [first_paint(path) for _ in range(runs)]
        paint = statistics.median(t[0] for t in times)
        shown = [t[1] for t in times]
        print(f"| {label} | {paint:.3f} s | {statistics.median(shown):.3f} s | {min(shown):.3f} / {max(shown):.3f} s "
              f"| {runs} |")


async def huge() -> None:
    """Mount, G/g and search on the hostile documents of tests/test_hostile_ui.py (analysis switched off)."""
    from reader.document.build import document_from_plain_text
    from reader.ui.app import ReaderApp
    from reader.ui.panes import PeoplePane, SummaryPane

    SummaryPane.start = PeoplePane.start = lambda self: None  # the article view alone
    five_mb = "abcdefghijklmnopqrstuvwxyz0123456789" * 140_000
    inputs = [
        ("5 MB line without spaces", five_mb[:2_500_000] + "NEEDLE" + five_mb[2_500_000:], "needle"),
        ("100,000 tiny paragraphs", "\n\n".join(f"Para{i} word{7 * i + 3}." for i in range(100_000)), "word544442"),
    ]
    print("| input | build + mount | G then g | search (Enter to hits shown) |\n|---|---|---|---|")
    for label, text, query in inputs:
        started = time.perf_counter()
        app = ReaderApp(document_from_plain_text(text, "huge.txt"))
        async with app.run_test(size=(140, 40)) as pilot:
            await pilot.pause()
            mounted = time.perf_counter() - started
            started = time.perf_counter()
            await pilot.press("G", "g")
            await pilot.pause()
            jumped = time.perf_counter() - started
            await pilot.press("slash", *query)
            started = time.perf_counter()
            await pilot.press("enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            searched = time.perf_counter() - started
            assert app.reader is not None and app.reader.article.layer_spans("search")
        print(f"| {label} | {mounted:.2f} s | {jumped:.2f} s | {searched:.2f} s |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--huge", action="store_true", help="also time huge documents (mount, jump, search)")
    parser.add_argument("--book", type=Path, default=SHARED / "war_and_peace_pg2600.txt",
                        help="the whole book to open (default: ../shared/data/books/war_and_peace_pg2600.txt)")
    args = parser.parse_args()
    startup(args.runs, args.book)
    if args.huge:
        asyncio.run(huge())


if __name__ == "__main__":
    main()
