"""Opening a book twice: cold analysis (nothing cached) vs warm load of people and summary from the cache.

Each measurement runs in a fresh interpreter with its own empty ``READER_CACHE_DIR``. "cold" is loading the book
and ``analyse_with_cache`` computing sentences, summary and people (and writing the cache); "warm" is a new
process loading the book and reading sentences, people and summary back from the cache (imports included: what
a reopen costs before the side pane can show them). Reads ../shared/data/books (or $READER_SHARED_DATA); skips when absent.

    python bench/bench_books.py [--all] [--runs N]
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
BOOKS = {"War and Peace": "war_and_peace_pg2600.txt", "Moby-Dick": "moby_dick_pg2701.txt",
         "Pride and Prejudice": "pride_and_prejudice_pg1342.txt", "Frankenstein": "frankenstein_pg84.txt"}

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from reader.cache import AnalysisCache, analyse_with_cache
from reader.document.load import load_document
cache = AnalysisCache()
t1 = time.perf_counter()
doc = load_document(sys.argv[1])
t2 = time.perf_counter()
if sys.argv[2] == "cold":
    result = analyse_with_cache(doc, cache)
    people, summary = result.people, result.summary
else:
    assert cache.adopt_sentences(doc), "sentences not cached"
    people = cache.get_people(doc)
    summary = cache.get_summary(doc, "lexrank")
    assert people is not None and summary is not None, "not cached"
sentences = len(doc.sentences)  # the summary pane and jumps index them
t3 = time.perf_counter()
print(json.dumps({"sentences": sentences, "total": t3 - t0, "imports": t1 - t0, "load": t2 - t1, "analysis": t3 - t2,
                  "people": len(people), "mentions": sum(len(p.mentions) for p in people),
                  "summary": len(summary.spans), "cache_bytes": cache.size()}))
"""


def run(path: Path, mode: str, cache_dir: str) -> dict:
    env = dict(os.environ, READER_CACHE_DIR=cache_dir)
    out = subprocess.run([sys.executable, "-c", CHILD, str(path), mode], capture_output=True, text=True, env=env,
                         cwd=ROOT)
    if out.returncode:
        raise SystemExit(out.stderr.strip().splitlines()[-1])
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--all", action="store_true", help="all four books (default: War and Peace)")
    parser.add_argument("--runs", type=int, default=3, help="warm runs per book (median reported)")
    args = parser.parse_args()
    if not (SHARED / "books").is_dir():
        print(f"skipped: {SHARED / 'books'} is absent")
        return 0
    names = list(BOOKS) if args.all else ["War and Peace"]
    for name in names:
        path = SHARED / "books" / BOOKS[name]
        with tempfile.TemporaryDirectory(prefix="reader-bench-cache-") as cache_dir:
            cold = run(path, "cold", cache_dir)
            warm = [run(path, "warm", cache_dir) for _ in range(args.runs)]
        best = min(warm, key=lambda r: r["total"])
        print(f"{name}: {cold['people']} people, {cold['mentions']} mentions, {cold['summary']}-sentence summary; "
              f"cache entries {cold['cache_bytes'] / 1024:.0f} kB")
        print(f"  cold: {cold['analysis']:.2f} s analysis (+ {cold['load']:.2f} s loading the book, "
              f"{cold['imports']:.2f} s imports)")
        print(f"  warm: {statistics.median(r['total'] for r in warm):.2f} s from process start to people and summary "
              f"(median of {args.runs}; best {best['total']:.2f} s = {best['imports']:.2f} imports + "
              f"{best['load']:.2f} load + {best['analysis'] * 1000:.0f} ms reading the cache: "
              f"{best['sentences']} sentences, people, summary)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
