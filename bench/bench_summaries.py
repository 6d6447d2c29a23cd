"""Time and peak memory of every summary algorithm on the seed article and on War and Peace, and the
wall time of a first `reader analyze` of the seed article as a process with "auto" and with "lexrank".

    .venv/bin/python bench/bench_summaries.py [--runs 3] [--algorithms auto,lexrank]

Each (text, algorithm) runs in a fresh process, so nothing is cached between algorithms: "summarize (cold)"
includes tokenizing + stemming the text and, where used, the vectorized LexRank ranking; "again" is a second
call with a different length (the per-document caches are warm, as when the user changes the length).
Sentence splitting (``Document.sentences``, done once per document by the app) is timed separately.
Peak RSS is ``resource.getrusage(RUSAGE_SELF).ru_maxrss`` of the child; Δ is the peak minus the RSS just
before summarizing. "imports" are the summary package's imports (sumy's for its algorithms only: "auto" never
imports sumy, and the child checks it). War and Peace is skipped cleanly when ../shared is absent.
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data next to the checkout (a git worktree under /work/wt/ has it one level further up)
SHARED = next((p / "shared" / "data" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "data").is_dir()),
              ROOT.parent / "shared" / "data")
SEED = ROOT / "sample_articles" / "trump_foreign_policy.txt"
TEXTS = {"seed article": SEED, "War and Peace": SHARED / "books" / "war_and_peace_pg2600.txt"}


def child(path: str, algorithm: str) -> dict[str, object]:
    """Measure one algorithm on one text (runs inside a fresh interpreter)."""
    sys.path.insert(0, str(ROOT))
    started = time.perf_counter()
    import reader.nlp.summary as summary_module  # noqa: F401  (sumy/nltk are imported lazily below)
    from reader.document.build import document_from_plain_text
    from reader.nlp.summary import features as _features  # noqa: F401

    if algorithm == "auto":
        import reader.nlp.summary.auto  # noqa: F401  imported on the first summary (its regexes compile then)
        from reader.nlp.summary.ranker import load_model

        load_model()  # the weight file is read once per process, like an import
    else:
        import sumy.summarizers.lsa  # noqa: F401  import cost (~1.6 s) is not the algorithm's
    imports = time.perf_counter() - started
    started = time.perf_counter()
    doc = document_from_plain_text(open(path, encoding="utf-8-sig").read(), path)
    load = time.perf_counter() - started
    started = time.perf_counter()
    n_sentences = len(doc.sentences)
    split = time.perf_counter() - started
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    started = time.perf_counter()
    result = summary_module.summarize(doc, algorithm)
    cold = time.perf_counter() - started
    started = time.perf_counter()
    summary_module.summarize(doc, algorithm, max(1, len(result.sentence_indices) - 1))
    warm = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    if algorithm == "auto" and any(name.split(".")[0] == "sumy" for name in sys.modules):
        raise SystemExit("auto imported sumy")
    return {
        "words": doc.word_count, "sentences": n_sentences, "imports": imports, "load": load, "split": split,
        "cold": cold, "warm": warm, "count": len(result.sentence_indices), "note": result.note,
        "peak_mb": peak / 1024, "delta_mb": (peak - rss_before) / 1024,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child", nargs=2, metavar=("PATH", "ALGORITHM"), help=argparse.SUPPRESS)
    parser.add_argument("--runs", type=int, default=3, help="processes per `reader analyze` timing (median)")
    parser.add_argument("--algorithms", help="comma-separated algorithms (default: all)")
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child(*args.child)))
        return 0
    sys.path.insert(0, str(ROOT))
    from reader.nlp.summary import ALGORITHMS

    print("| text | algorithm | sentences picked | summarize (cold) | again (warm) | peak RSS | Δ RSS | how |")
    print("|---|---|---|---|---|---|---|---|")
    context: list[str] = []
    for label, path in TEXTS.items():
        if not path.exists():
            print(f"| {label} | skipped: {path} is not available | | | | | | |")
            continue
        for algorithm in args.algorithms.split(",") if args.algorithms else ALGORITHMS:
            done = subprocess.run([sys.executable, __file__, "--child", str(path), algorithm],
                                  capture_output=True, text=True, timeout=600)
            if done.returncode != 0:
                print(f"| {label} | {algorithm} | FAILED: {done.stderr.strip().splitlines()[-1]} | | | | | |")
                continue
            r = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"| {label} | {algorithm} | {r['count']} | {_duration(r['cold'])} | {_duration(r['warm'])} | "
                  f"{r['peak_mb']:.0f} MB | +{r['delta_mb']:.0f} MB | "
                  f"{r['note'] or ('ranker' if algorithm == 'auto' else 'sumy on the whole text')} |",
                  flush=True)
        context.append(f"- {label}: {r['words']:,} words, {r['sentences']:,} sentences; imports {r['imports']:.2f} s, "
                       f"load {r['load']:.2f} s, sentence split {r['split']:.2f} s (not included above)")
    print("\n" + "\n".join(context))
    print("\n| `reader analyze --json --no-people` of the seed article, one process | median wall time |\n|---|---|")
    for algorithm in ("auto", "lexrank"):
        times = []
        for _ in range(args.runs):
            started = time.perf_counter()
            subprocess.run([sys.executable, "-m", "reader.cli.main", "analyze", "--json", "--no-people", "-a",
                            algorithm, str(SEED)], capture_output=True, check=True, cwd=ROOT)
            times.append(time.perf_counter() - started)
        print(f"| -a {algorithm} | {sorted(times)[len(times) // 2]:.2f} s |")
    return 0


def _duration(seconds: float) -> str:
    return f"{seconds * 1000:.1f} ms" if seconds < 1 else f"{seconds:.2f} s"


if __name__ == "__main__":
    raise SystemExit(main())
