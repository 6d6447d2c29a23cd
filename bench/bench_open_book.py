"""Open a book in the UI, cold and warm: seconds from the app's start until the People tab has its people.

Each run is a fresh interpreter driving the real ``ReaderApp`` headless (``App.run_test``) with an
``AnalysisCache`` in its own folder: "cold" starts with an empty cache (the UI analyses the book and fills the
cache), "warm" is a new process on the filled cache (a reopen). Timed: load the file, mount the reading screen,
until the People tab has received its people (``PeoplePane.found``; the rows shown depend on the no-spoiler
filter, so the bench turns it off with ``z`` and also reports the rows) and until the Summary tab shows its
summary. Reads ../shared/data/books (or $READER_SHARED_DATA); skips cleanly when absent.

    python bench/bench_open_book.py [--book war_and_peace_pg2600.txt] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("READER_SHARED_DATA") or ROOT.parent / "shared" / "data")
TIMEOUT = 600

CHILD = r"""
import asyncio, json, sys, time
t0 = time.perf_counter()
from reader.cache import AnalysisCache
from reader.document.load import load_document
from reader.ui.app import ReaderApp
from reader.ui.panes import PeoplePane, SummaryPane

async def main():
    doc = load_document(sys.argv[1])
    app = ReaderApp(doc, cache=AnalysisCache(sys.argv[2]))
    people = summary = None
    async with app.run_test(size=(140, 45)) as pilot:
        shown = time.perf_counter() - t0  # the text is on screen
        await pilot.press("z") if app.reader.spoilers.hidden else None
        while people is None or summary is None:
            await asyncio.sleep(0.02)
            now = time.perf_counter() - t0
            if people is None and app.reader.query_one(PeoplePane).found is not None:
                people = now
            if summary is None and app.reader.query_one(SummaryPane).summary is not None:
                summary = now
            if now > 600:
                raise SystemExit("timed out")
        rows = app.reader.query_one("#people-list").option_count
    print(json.dumps({"shown": shown, "people": people, "summary": summary, "rows": rows}))

asyncio.run(main())
"""


def run_once(book: Path, cache: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", CHILD, str(book), cache], capture_output=True, text=True,
                            cwd=ROOT, timeout=TIMEOUT)
    if result.returncode:
        raise SystemExit(f"bench child failed: {result.stderr.strip()[-400:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", default="war_and_peace_pg2600.txt")
    parser.add_argument("--runs", type=int, default=1, help="cold/warm pairs (default 1)")
    args = parser.parse_args()
    book = SHARED / "books" / args.book
    if not book.is_file():
        print(f"skipped: {book} not found (set READER_SHARED_DATA)")
        return 0
    cold, warm = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="reader-bench-cache-") as cache:
            cold.append(run_once(book, cache))
            warm.append(run_once(book, cache))
    print(f"{args.book}: seconds from start (imports, load, mount) until shown; {os.cpu_count()} cores, "
          f"{args.runs} run(s), median")
    for name, runs in (("cold (empty cache)", cold), ("warm (reopen)", warm)):
        shown, people, summary = (statistics.median(r[key] for r in runs) for key in ("shown", "people", "summary"))
        print(f"  {name:20} text {shown:5.2f} s   people {people:6.2f} s ({runs[0]['rows']} rows)   "
              f"summary {summary:6.2f} s   (people {people - shown:5.2f} s after the text)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
