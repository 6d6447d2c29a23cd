"""The library screen with many entries: milliseconds per filter keystroke, and for the columns' widths.

Drives the real ``ReaderApp`` headless (``App.run_test``) on a library of N synthetic entries (no files are read:
the entries are given to the screen as a scan would), types a filter word one letter at a time and times the
screen's redraw of the table for each letter (``LibraryScreen.show_rows``) and, within it, the fitting of the
columns (``LibraryScreen._fit_columns``). No shared data needed.

    python bench/bench_library.py [--entries 5000] [--word bennet]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path


def entries(count: int):
    from reader.library import LibraryEntry

    people = ("Elizabeth Bennet", "Fitzwilliam Darcy", "Jane Bennet", "Natasha Rostova", "Pierre Bezukhov")
    return tuple(LibraryEntry(path=Path(f"/shelf/book_{i:05d}.txt"), key=f"k{i}", title=f"A Title Number {i} of Many",
                              author=f"Author {i % 97}", words=1000 + 37 * i, reading_time=f"{1 + i % 300} min",
                              chapters=i % 60, progress=(i % 100) / 100 if i % 3 else None,
                              last_opened="2026-11-30T01:45:00Z" if i % 2 else None,
                              top_people=people[i % 5:] + people[:i % 5]) for i in range(count))


async def run(count: int, word: str) -> dict[str, float]:
    from reader.library import Library
    from reader.ui.app import ReaderApp
    from reader.ui.library_screen import LibraryScreen, LibrarySource

    with tempfile.TemporaryDirectory() as folder:
        app = ReaderApp(LibrarySource(folder=Path(folder)))
        async with app.run_test(size=(140, 45)) as pilot:
            await app.workers.wait_for_complete()
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, LibraryScreen)
            fit_times: list[float] = []
            real_fit = screen._fit_columns

            def timed_fit() -> None:
                start = time.perf_counter()
                real_fit()
                fit_times.append(time.perf_counter() - start)

            screen._fit_columns = timed_fit  # type: ignore[method-assign]
            start = time.perf_counter()
            screen.library = Library(Path(folder), entries(count))
            screen.show_rows()
            first = time.perf_counter() - start
            fit_times.clear()
            keys: list[float] = []
            for end in range(1, len(word) + 1):
                screen.query_text = word[:end]
                start = time.perf_counter()
                screen.show_rows()
                keys.append(time.perf_counter() - start)
            return {"first show (ms)": first * 1000, "per filter key (ms)": statistics.mean(keys) * 1000,
                    "columns fit per filter key (ms)": statistics.mean(fit_times) * 1000 if fit_times else 0.0}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--entries", type=int, default=5000)
    parser.add_argument("--word", default="bennet")
    args = parser.parse_args()
    results = asyncio.run(run(args.entries, args.word))
    print(f"library of {args.entries} entries, filter typed: {args.word!r}")
    for name, value in results.items():
        print(f"  {name:34} {value:8.1f}")


if __name__ == "__main__":
    main()
