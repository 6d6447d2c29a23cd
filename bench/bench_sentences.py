"""Sentence splitting: count, time and suspect breaks on the seed article and the books in ../shared/data/books/.

    .venv/bin/python bench/bench_sentences.py

"Suspect" counts breaks that are almost surely wrong, found without a gold standard:
- title: a sentence ending in Mr./Mrs./Ms./Dr./St. (or after an opening quote: “Mr.) while the next one starts
  with a capital ("“Mr. | Darcy is...");
- punct: a sentence with no letter or digit ("." or "!" alone);
- in-word: a sentence starting right after a non-space character ("?”|—he said").
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from reader.document.build import document_from_plain_text
from reader.document.sentences import split_text

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data next to the checkout (a git worktree under /work/wt/ has it one level further up)
SHARED = next((p / "shared" / "data" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "data").is_dir()),
              ROOT.parent / "shared" / "data")
BOOKS = SHARED / "books"
_TITLE_END = re.compile(r"(?:^|[\s“‘\"'])(?:Mr|Mrs|Ms|Dr|St)\.$")


def suspects(doc) -> tuple[int, int, int]:
    text = doc.text
    spans = doc.sentences
    title = punct = in_word = 0
    for before, after in zip(spans, spans[1:]):
        piece = text[after.start : after.end]
        if _TITLE_END.search(text[before.start : before.end]) and piece.lstrip("“‘\"'")[:1].isupper():
            title += 1
        if not any(ch.isalnum() for ch in piece):
            punct += 1
        if after.start > 0 and not text[after.start - 1].isspace():
            in_word += 1
    return title, punct, in_word


def main() -> None:
    split_text("Warm up. The parameters load once.")
    inputs = [ROOT / "sample_articles" / "trump_foreign_policy.txt"]
    inputs += sorted(BOOKS.glob("*_pg*.txt")) if BOOKS.exists() else []
    print("| input | words | sentences | build document | split sentences | suspect: title / punct / in-word |")
    print("|---|---|---|---|---|---|")
    for path in inputs:
        raw = path.read_text("utf-8-sig")
        t0 = time.perf_counter()
        doc = document_from_plain_text(raw, str(path))
        t1 = time.perf_counter()
        count = len(doc.sentences)
        t2 = time.perf_counter()
        title, punct, in_word = suspects(doc)
        print(f"| {path.name} | {doc.word_count:,} | {count:,} | {t1 - t0:.3f} s | {t2 - t1:.3f} s | "
              f"{title} / {punct} / {in_word} |")


if __name__ == "__main__":
    main()
