"""Chapters found in the four Gutenberg books: count per level, first and last titles (reads ../shared/data/books).

    python bench/eval_chapters.py
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

# ../shared/data next to the repository; READER_SHARED_DATA points elsewhere (a git worktree has no ../shared)
SHARED = Path(os.environ.get("READER_SHARED_DATA") or Path(__file__).resolve().parents[1].parent / "shared" / "data")
BOOKS = SHARED / "books"
NAMES = ["pride_and_prejudice_pg1342.txt", "moby_dick_pg2701.txt", "frankenstein_pg84.txt",
         "war_and_peace_pg2600.txt"]


def main() -> int:
    if not BOOKS.is_dir():
        print(f"skipped: {BOOKS} is absent")
        return 0
    from reader.document.load import load_document

    for name in NAMES:
        path = BOOKS / name
        if not path.is_file():
            print(f"{name}: absent, skipped")
            continue
        document = load_document(str(path))
        began = time.perf_counter()
        chapters = document.chapters
        elapsed = time.perf_counter() - began
        parts = [c for c in chapters if c.level == 1]
        inner = [c for c in chapters if c.level == 2]
        print(f"{name}: {len(parts)} parts, {len(inner)} chapters ({elapsed * 1000:.0f} ms)")
        if parts:
            print(f"  parts:    {parts[0].title!r} ... {parts[-1].title!r}")
        if inner:
            print(f"  chapters: {inner[0].title!r}, {inner[1].title!r} ... {inner[-2].title!r}, {inner[-1].title!r}")
            print(f"  first chapter starts at {inner[0].start} of {len(document.text)}: "
                  f"{document.text[inner[0].start : inner[0].start + 60]!r}")
        if "-v" in sys.argv:
            for chapter in chapters:
                print("   " * chapter.level, chapter.title, chapter.start, chapter.end)
    return 0


if __name__ == "__main__":
    sys.exit(main())
