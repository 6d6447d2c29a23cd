"""Time “About Natásha” and the quotes stage on War and Peace (people list computed first, as the UI has it), and
how soon the quotes stage stops once asked to.

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
from reader.nlp.analysis import Cancelled, quotes_stage  # noqa: E402


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
    runs = []
    for _ in range(3):
        started = time.perf_counter()
        quotes = quotes_stage(doc, people)
        runs.append(time.perf_counter() - started)
    attributed = sum(q.speaker is not None for q in quotes)
    print(f"quotes_stage: {len(quotes)} quotes ({attributed} attributed) in "
          f"{', '.join(f'{r:.2f}' for r in runs)} s (3 runs)")
    print(f"quotes_stage stopped {stop_latency(doc, people) * 1000:.0f} ms after should_stop turned True (0.2 s in)")
    return 0


def stop_latency(doc, people, after: float = 0.2) -> float:
    """How long quotes_stage runs on once its should_stop starts returning True, ``after`` seconds in."""
    started = time.perf_counter()
    try:
        quotes_stage(doc, people, lambda: time.perf_counter() - started >= after)
    except Cancelled:
        pass
    return time.perf_counter() - started - after

if __name__ == "__main__":
    sys.exit(main())
