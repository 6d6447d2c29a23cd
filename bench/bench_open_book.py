"""Open a book in the UI, cold and warm: seconds from the app's start until the People tab has its people.

Each run is a fresh interpreter driving the real ``ReaderApp`` headless (``App.run_test``) with an
``AnalysisCache`` in its own folder: "cold" starts with an empty cache (the UI analyses the book and fills the
cache), "warm" is a new process on the filled cache (a reopen). Timed: load the file, mount the reading screen,
until the People tab has received its people (``PeoplePane.found``; the rows shown depend on the no-spoiler
filter, so the bench turns it off with ``z`` and also reports the rows), until the Summary tab shows its summary
and until the Quotes tab has its quotes. The book opens as ``reader BOOK`` opens it (a ``PendingDocument``
loaded after the first paint) with the stages in worker processes (``--mode threads``: in the UI process, as the
tests run them). Each figure is given from the process start and after the text is shown.
Reads ../shared/data/books (or $READER_SHARED_DATA); skips cleanly when absent.

    python bench/bench_open_book.py [--book war_and_peace_pg2600.txt] [--runs N] [--mode processes|threads]
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
import asyncio, json, os, resource, sys, time
t0 = time.perf_counter()
from reader.cache import AnalysisCache
from reader.document.load import load_document
from reader.ui.app import ReaderApp
from reader.ui.loading_screen import PendingDocument
from reader.ui.panes import PeoplePane, SummaryPane
from reader.ui.panes.quotes import QuotesPane
from reader.ui.reader_screen import ReaderScreen

def cpu_seconds(pid):
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime

def failure(app):
    for pane in (PeoplePane, SummaryPane, QuotesPane):
        line = str(app.reader.query_one(pane).info.render())
        if "failed" in line:
            return line

async def main():
    book, cache, processes = sys.argv[1], sys.argv[2], sys.argv[3] == "processes"
    opening = PendingDocument(book, lambda: load_document(book))  # as `reader BOOK` opens a big file
    app = ReaderApp(opening, cache=AnalysisCache(cache), processes=processes)
    marks = {}
    mount = ReaderScreen.on_mount

    def on_mount(screen):  # the text is on screen after the refresh that follows the reading screen's mount
        mount(screen)
        screen.call_after_refresh(lambda: marks.setdefault("shown", time.perf_counter() - t0))

    ReaderScreen.on_mount = on_mount
    people = summary = quotes = None
    async with app.run_test(size=(140, 45)) as pilot:
        while people is None or summary is None or quotes is None:
            await asyncio.sleep(0.05)  # often enough for figures of seconds, rarely enough to cost the UI little
            now = time.perf_counter() - t0
            if "shown" not in marks:
                continue
            if app.reader.spoilers.hidden:
                await pilot.press("z")  # everyone in the list, not only those met at the top of the book
            if people is None and app.reader.query_one(PeoplePane).found is not None:
                people = now
            if summary is None and app.reader.query_one(SummaryPane).summary is not None:
                summary = now
            if quotes is None and app.reader.query_one(QuotesPane).quotes:
                quotes = now
            if failure(app) or now > 600:
                raise SystemExit(failure(app) or "timed out")
        await pilot.pause()
        rows = app.reader.query_one("#people-list").option_count
        pids = app.analysis.processes.pids() if app.analysis.processes is not None else []
        lanes_cpu = sum(cpu_seconds(pid) for pid in pids)
        ui_cpu = sum(resource.getrusage(resource.RUSAGE_SELF)[:2])
        quit_pressed = time.perf_counter()
        await pilot.press("q")
    quit = time.perf_counter() - quit_pressed
    left = [pid for pid in pids if os.path.exists(f"/proc/{pid}")]
    print(json.dumps({"shown": marks["shown"], "people": people, "summary": summary, "quotes": quotes, "rows": rows,
                      "quit": quit, "children": len(pids), "left": len(left), "ui_cpu": ui_cpu,
                      "lanes_cpu": lanes_cpu}))

asyncio.run(main())
"""


def run_once(book: Path, cache: str, mode: str) -> dict[str, float]:
    result = subprocess.run([sys.executable, "-c", CHILD, str(book), cache, mode], capture_output=True, text=True,
                            cwd=ROOT, timeout=TIMEOUT)
    if result.returncode:
        raise SystemExit(f"bench child failed: {result.stderr.strip()[-400:]}")
    return json.loads(result.stdout.strip().splitlines()[-1])



def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", default="war_and_peace_pg2600.txt")
    parser.add_argument("--runs", type=int, default=1, help="cold/warm pairs (default 1)")
    parser.add_argument("--mode", choices=("processes", "threads"), default="processes",
                        help="the stages in worker processes, as `reader` runs them (default), or in threads of the "
                             "UI process (as tests do, and as before)")
    args = parser.parse_args()
    book = SHARED / "books" / args.book
    if not book.is_file():
        print(f"skipped: {book} not found (set READER_SHARED_DATA)")
        return 0
    cold, warm = [], []
    for _ in range(args.runs):
        with tempfile.TemporaryDirectory(prefix="reader-bench-cache-") as cache:
            cold.append(run_once(book, cache, args.mode))
            warm.append(run_once(book, cache, args.mode))
    load = os.getloadavg()[0]
    print(f"{args.book}, stages in {args.mode}: seconds from the process start (imports, load, mount) until shown, "
          f"and after the text; {os.cpu_count()} cores, load average {load:.1f} at the end, {args.runs} run(s), median")
    for name, runs in (("cold (empty cache)", cold), ("warm (reopen)", warm)):
        shown, people, summary, quotes = (statistics.median(r[key] for r in runs)
                                          for key in ("shown", "people", "summary", "quotes"))
        print(f"  {name:19} text {shown:5.2f} s  people {people:6.2f} s ({runs[0]['rows']} rows)  summary "
              f"{summary:6.2f} s  quotes {quotes:6.2f} s   after the text: people {people - shown:5.2f} s, "
              f"summary {summary - shown:5.2f} s;  quit {max(r['quit'] for r in runs):4.2f} s, "
              f"{sum(r['left'] for r in runs)} of {runs[0]['children']} processes left")
        print(f"  {'':19} CPU: UI process {statistics.median(r['ui_cpu'] for r in runs):5.2f} s, lanes "
              f"{statistics.median(r['lanes_cpu'] for r in runs):5.2f} s (+ the forkserver's imports and warm-up)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
