"""Sentence splitting: count and time on the seed article and on the books in ../shared/data/books/.

    python bench/bench_sentences.py
"""

from __future__ import annotations

import time
from pathlib import Path

from reader.document.build import document_from_plain_text
from reader.document.sentences import split_text

ROOT = Path(__file__).resolve().parents[1]
BOOKS = ROOT.parent / "shared" / "data" / "books"


def main() -> None:
    split_text("Warm up. The parameters load once.")
    inputs = [ROOT / "sample_articles" / "trump_foreign_policy.txt"]
    inputs += sorted(BOOKS.glob("*.txt")) if BOOKS.exists() else []
    print("| input | words | sentences | build document | split sentences |\n|---|---|---|---|---|")
    for path in inputs:
        if path.name.startswith("LICENSE"):
            continue
        raw = path.read_text("utf-8-sig")
        t0 = time.perf_counter()
        doc = document_from_plain_text(raw, str(path))
        t1 = time.perf_counter()
        count = len(doc.sentences)
        t2 = time.perf_counter()
        print(f"| {path.name} | {doc.word_count:,} | {count:,} | {t1 - t0:.3f} s | {t2 - t1:.3f} s |")


if __name__ == "__main__":
    main()
