"""Time and peak memory of reader.nlp.people.find_people on the seed article and on War and Peace.

Run: ``python bench/bench_people.py`` from the repository root. War and Peace is read from
../shared/data/books (skipped with a message when absent). Times are after imports and after the name lists
are loaded (their one-off load time is reported separately); sentence splitting (a Document property the UI
computes anyway) is timed on its own. find_people is given as wall time and CPU time of this process: on a
loaded machine the CPU time is the figure to compare.
"""

from __future__ import annotations

import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reader.document.build import document_from_plain_text  # noqa: E402
from reader.nlp.people import find_people  # noqa: E402
from reader.nlp.people import lexicon  # noqa: E402
from bench.shared_data import shared_data  # noqa: E402

SEED = ROOT / "sample_articles" / "trump_foreign_policy.txt"
WAR_AND_PEACE = shared_data() / "books" / "war_and_peace_pg2600.txt"


def measure(path: Path) -> str:
    doc = document_from_plain_text(path.read_text("utf-8-sig"), str(path))
    started = time.perf_counter()
    doc.sentences
    split = time.perf_counter() - started
    tracemalloc.start()
    started = time.perf_counter()
    people = find_people(doc)
    elapsed = time.perf_counter() - started
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    started, cpu = time.perf_counter(), time.process_time()
    find_people(doc)
    untraced, untraced_cpu = time.perf_counter() - started, time.process_time() - cpu
    top = ", ".join(f"{p.name} ({len(p.mentions)})" for p in people[:8])
    return (
        f"| {path.name} | {doc.word_count:,} | {split:.2f} s | {untraced:.2f} s ({untraced_cpu:.2f} s CPU) | {elapsed:.2f} s | "
        f"{peak / 2**20:.0f} MB | {len(people)} | {top} |"
    )


def measure_title_case_run() -> str:
    """A hostile input: 12,000 capitalised words in one run (was a test's wall-clock bound of 2 s)."""
    text = " ".join(["Alpha Beta Gamma Delta"] * 3000) + ". Then Vladimir Putin said no."
    doc = document_from_plain_text(text, "title-case run")
    doc.sentences
    started = time.perf_counter()
    people = find_people(doc)
    elapsed = time.perf_counter() - started
    return f"| 12,000-word title-case run | {doc.word_count:,} | | {elapsed:.2f} s | | | {len(people)} | |"


def main() -> int:
    started = time.perf_counter()
    lexicon.given_names(), lexicon.surnames(), lexicon.ordinary_words(), lexicon.nationalities(), lexicon.places()
    print(f"name lists loaded in {time.perf_counter() - started:.2f} s")
    print("| text | words | sentences (doc) | find_people | find_people under tracemalloc | peak traced memory | people | top |")
    print("|---|---|---|---|---|---|---|---|")
    print(measure(SEED))
    print(measure_title_case_run())
    if WAR_AND_PEACE.exists():
        print(measure(WAR_AND_PEACE))
    else:
        print(f"War and Peace skipped: {WAR_AND_PEACE} is not available")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
