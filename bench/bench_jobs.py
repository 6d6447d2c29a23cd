"""Throughput of `reader analyze FOLDER --json --jobs N` on 1,000 generated articles, with 1 and 2 jobs.

The articles are variations of the ones in sample_articles/ (paragraphs reordered after the first, people's
names swapped for others, a byline added), written to a temporary folder. Each run is the real command in a
fresh process, output to /dev/null; the time includes start-up and imports (what a user waits for).

    python bench/bench_jobs.py [--articles 1000] [--jobs 1 2]
"""

from __future__ import annotations

import argparse
import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "sample_articles"
GIVEN = ["Maria", "James", "Aisha", "Chen", "Olga", "Pedro", "Fatima", "Lars", "Yuki", "Amara", "Tomas", "Ines"]
FAMILY = ["Okafor", "Lindqvist", "Moreau", "Haddad", "Novak", "Tanaka", "Silva", "Kowalski", "Ferreira", "Berg"]
NAME = re.compile(r"\b([A-Z][a-z]+) ([A-Z][a-z]{2,})\b")


def vary(text: str, rng: random.Random, suffix: str) -> str:
    blocks = [b for b in re.split(r"\n\s*\n", text) if b.strip()]
    if suffix != ".html" and len(blocks) > 3:
        middle = blocks[1:-1]
        rng.shuffle(middle)
        blocks = [blocks[0], *middle, blocks[-1]]
    swaps: dict[str, str] = {}

    def swap(match: re.Match[str]) -> str:
        if match.group(0) not in swaps and rng.random() < 0.5:
            swaps[match.group(0)] = f"{rng.choice(GIVEN)} {rng.choice(FAMILY)}"
        return swaps.get(match.group(0), match.group(0))

    varied = NAME.sub(swap, "\n\n".join(blocks))
    if suffix != ".html":
        varied += f"\n\nReporting by {rng.choice(GIVEN)} {rng.choice(FAMILY)}.\n"
    return varied


def generate(folder: Path, count: int) -> None:
    samples = sorted(p for p in SAMPLES.iterdir() if p.suffix in (".txt", ".md", ".html") and p.name != "README.md")
    rng = random.Random(20261201)
    for index in range(count):
        sample = samples[index % len(samples)]
        text = vary(sample.read_text("utf-8"), rng, sample.suffix)
        (folder / f"article_{index:05d}{sample.suffix}").write_text(text, "utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2])
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reader-bench-jobs-") as temp:
        folder = Path(temp)
        generate(folder, args.articles)
        size = sum(p.stat().st_size for p in folder.iterdir())
        print(f"{args.articles} articles, {size / 1e6:.1f} MB, in {folder}")
        for jobs in args.jobs:
            began = time.perf_counter()
            done = subprocess.run([sys.executable, "-m", "reader", "analyze", str(folder), "--json", "--jobs",
                                   str(jobs)], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
            elapsed = time.perf_counter() - began
            failed = len(done.stderr.splitlines())
            print(f"--jobs {jobs}: {elapsed:.1f} s, {args.articles / elapsed:.1f} articles/s"
                  f" (exit {done.returncode}, {failed} error lines)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
