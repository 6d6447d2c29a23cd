"""Time and peak memory of reader.nlp.people.find_people on the seed article and on War and Peace.

Run: ``python bench/bench_people.py`` from the repository root (``READER_SHARED_DATA=/path/to/shared/data``
from a git worktree).

``--per-input [--repeat N]``: the seconds of ``reader.nlp.analysis.people_stage`` for each book in
../shared/data/books and each news article (sample_articles/ and the Wikinews samples), sentences already
split, best and median of N runs (default 3) with the CPU time of the best run. ``--first-call``: in a fresh
interpreter, what the first call costs: importing the people package, loading the name lists, loading the
CRF model, then a first and a second people stage on the seed article.

Without flags: War and Peace is read from
../shared/data/books (skipped with a message when absent). Times are after imports and after the name lists
are loaded (their one-off load time is reported separately); sentence splitting (a Document property the UI
computes anyway) is timed on its own. find_people is given as wall time and CPU time of this process: on a
loaded machine the CPU time is the figure to compare.
"""

from __future__ import annotations

import os
import statistics
import subprocess
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

SHARED = Path(os.environ.get("READER_SHARED_DATA") or shared_data())
SEED = ROOT / "sample_articles" / "trump_foreign_policy.txt"
WAR_AND_PEACE = SHARED / "books" / "war_and_peace_pg2600.txt"


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


def stage_inputs() -> list[tuple[str, Path]]:
    """(kind, path) of the four books and every news article that exists."""
    books = [("book", p) for p in sorted((SHARED / "books").glob("*.txt")) if not p.name.startswith("LICENSE")]
    articles = [p for p in sorted((ROOT / "sample_articles").iterdir()) if p.is_file() and p.name != "README.md"]
    articles += sorted((SHARED / "samples").glob("wikinews_*.txt"))
    return books + [("article", p) for p in articles]


def per_input(repeat: int) -> None:
    """people_stage seconds per input: best and median of ``repeat`` runs, CPU seconds of the best one."""
    from reader.document.load import load_document
    from reader.nlp.analysis import people_stage

    print(f"people_stage, sentences already split, {repeat} runs each (wall s: best / median; CPU s of the best)")
    print("| input | kind | words | best | median | CPU | people |")
    print("|---|---|---|---|---|---|---|")
    people_stage(load_document(str(SEED)))  # name lists and model loaded: not part of any figure below
    totals = {"book": 0.0, "article": 0.0}
    for kind, path in stage_inputs():
        doc = load_document(str(path))
        doc.sentences
        runs: list[tuple[float, float]] = []
        for _ in range(repeat):
            started, cpu = time.perf_counter(), time.process_time()
            people = people_stage(doc)
            runs.append((time.perf_counter() - started, time.process_time() - cpu))
        best = min(runs)
        totals[kind] += best[0]
        median = statistics.median(r[0] for r in runs)
        print(f"| {path.name} | {kind} | {doc.word_count:,} | {best[0]:.3f} | {median:.3f} | {best[1]:.3f} | {len(people)} |")
    print(f"sum of best times: books {totals['book']:.2f} s, articles {totals['article']:.3f} s")


_FIRST_CALL = """
import time
t0 = time.perf_counter()
import reader.nlp.people
t1 = time.perf_counter()
from reader.nlp.people import lexicon as lx
lx.given_names(), lx.given_name_ranks(), lx.surnames(), lx.ordinary_words(), lx.nationalities(), lx.places()
t2 = time.perf_counter()
from reader.nlp.people import tagger
tagger.model_available()
t3 = time.perf_counter()
from reader.document.load import load_document
from reader.nlp.analysis import people_stage
doc = load_document({seed!r})
doc.sentences
t4 = time.perf_counter()
people_stage(doc)
t5 = time.perf_counter()
people_stage(doc)
t6 = time.perf_counter()
print(f"import reader.nlp.people {{t1 - t0:.3f}} s; name lists {{t2 - t1:.3f}} s; CRF model {{t3 - t2:.3f}} s; "
      f"first people_stage (seed article) {{t5 - t4:.3f}} s; second {{t6 - t5:.3f}} s")
"""


def first_call() -> None:
    """The one-off costs, in a fresh interpreter (nothing imported or cached yet)."""
    code = _FIRST_CALL.format(seed=str(SEED))
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True)


def main() -> int:
    if "--first-call" in sys.argv:
        first_call()
        return 0
    if "--per-input" in sys.argv:
        repeat = int(sys.argv[sys.argv.index("--repeat") + 1]) if "--repeat" in sys.argv else 3
        per_input(repeat)
        return 0
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
