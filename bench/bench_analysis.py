"""Whole analysis (sentences, default summary, people) of the seed article, after imports, in a fresh process.

Each run is a new interpreter: imports and data loading (nltk, sumy, Punkt parameters, name lists) are timed
apart, then ``reader.nlp.analysis.analyse`` on a freshly loaded Document (nothing cached for it).

    python bench/bench_analysis.py [--runs N]
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
t0 = time.perf_counter()
from reader.document.load import load_document
from reader.document.sentences import split_text
from reader.nlp.analysis import analyse
import reader.nlp.summary.sumy_adapter, sumy.summarizers.lex_rank
from reader.nlp.people import lexicon
split_text("Warm up. Parameters load once.")
lexicon.given_names(); lexicon.surnames(); lexicon.ordinary_words()
t1 = time.perf_counter()
doc = load_document(sys.argv[1])
result = analyse(doc)
t2 = time.perf_counter()
print(json.dumps({"imports": t1 - t0, "analyse": t2 - t1, "sentences": len(doc.sentences),
                  "people": len(result.people), "summary": len(result.summary.spans)}))
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    seed = ROOT / "sample_articles" / "trump_foreign_policy.txt"
    runs = []
    for _ in range(args.runs):
        out = subprocess.run([sys.executable, "-c", CHILD, str(seed)], capture_output=True, text=True, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    imports = statistics.median(r["imports"] for r in runs)
    analyse = [r["analyse"] for r in runs]
    last = runs[-1]
    print(f"seed article: {last['sentences']} sentences, {last['summary']}-sentence summary, {last['people']} people")
    print(f"imports and data loading: median {imports:.2f} s")
    print(f"analyse after imports: median {statistics.median(analyse):.3f} s "
          f"(min {min(analyse):.3f} s, max {max(analyse):.3f} s, {args.runs} fresh processes)")


if __name__ == "__main__":
    main()
