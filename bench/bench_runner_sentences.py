"""How often, and for how long, the UI's AnalysisRunner reads a book's cached sentence entry on a reopen.

A reopened book asks for its sentence spans in several stages that the cache does not answer (the Info tab, a
summary length picked with + / -, the quotes of a corrected people list). The runner reads the entry once and then
knows the document holds them; reading it for every stage (as before) costs one decode per stage. Prints the
reads counted and the seconds taken, against the same asks made straight on the cache (one read each).
Reads ../shared/data/books (or $READER_SHARED_DATA); skips cleanly when absent.

    python bench/bench_runner_sentences.py [--book war_and_peace_pg2600.txt]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.shared_data import shared_data  # noqa: E402
from reader.cache import AnalysisCache  # noqa: E402
from reader.document.load import load_document  # noqa: E402
from reader.nlp.analysis import SummaryOptions  # noqa: E402
from reader.ui.cached_analysis import AnalysisRunner  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--book", default="war_and_peace_pg2600.txt")
    args = parser.parse_args()
    folder = Path(os.environ.get("READER_SHARED_DATA") or shared_data()) / "books"
    path = folder / args.book
    if not path.exists():
        print(f"skipped: {path} not found")
        return
    cache = AnalysisCache(tempfile.mkdtemp(prefix="reader-bench-"))
    cache.put_sentences(load_document(str(path)))  # as after a first open
    reads: list[float] = []
    read = cache.get_sentences

    def timed(document):
        start = time.perf_counter()
        try:
            return read(document)
        finally:
            reads.append(time.perf_counter() - start)

    cache.get_sentences = timed  # type: ignore[method-assign]
    document = load_document(str(path))
    runner = AnalysisRunner(cache)
    start = time.perf_counter()
    runner.sentences(document)  # the Info tab
    for count in (3, 4, 5):  # lengths picked with + / -: not cached, so each stage asks for the sentences
        runner.summary(document, SummaryOptions(count=count))
    total = time.perf_counter() - start
    print(f"{args.book}: 4 stages on a reopen, {len(reads)} read(s) of the sentence entry taking "
          f"{sum(reads):.2f} s (4 stages in all: {total:.2f} s)")
    reads.clear()
    for _ in range(4):
        cache.adopt_sentences(load_document(str(path)))
    print(f"one read per stage, as before: {len(reads)} reads taking {sum(reads):.2f} s")


if __name__ == "__main__":
    main()
