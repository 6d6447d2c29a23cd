"""Time “About Natásha” and the quotes of War and Peace (people list computed first, as the UI has it).

Run: ``python bench/bench_about.py`` from the repository root; skips when ../shared/data is absent
(``READER_SHARED_DATA=/path/to/shared/data`` from a worktree).
"""

from __future__ import annotations

import os
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("READER_SHARED_DATA", ROOT.parent / "shared" / "data"))
sys.path.insert(0, str(ROOT))

from reader.document.load import load_document  # noqa: E402
from reader.nlp.about import about, find_person  # noqa: E402
from reader.nlp.people import find_people  # noqa: E402
from reader.nlp.quotes import find_quotes  # noqa: E402


def main() -> int:
    book = SHARED / "books" / "war_and_peace_pg2600.txt"
    if not book.exists():
        print(f"skip: {book} not found")
        return 0
    doc = load_document(str(book))
    doc.sentences  # noqa: B018 (split once, as the UI does before anything else)
    started = time.perf_counter()
    people = find_people(doc)
    print(f"people: {len(people)} in {time.perf_counter() - started:.2f} s")
    natasha = find_person(people, "Natásha")
    best = float("inf")
    for _ in range(3):
        started = time.perf_counter()
        spans = about(doc, people, natasha)
        best = min(best, time.perf_counter() - started)
    print(f"About {natasha.name} ({len(natasha.mentions)} mentions): {len(spans)} sentences in {best:.3f} s (best of 3)")
    started = time.perf_counter()
    quotes = find_quotes(doc, people)
    attributed = sum(q.speaker is not None for q in quotes)
    print(f"quotes: {len(quotes)} ({attributed} attributed) in {time.perf_counter() - started:.2f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
