"""ROUGE of every summary algorithm against human reference summaries, next to a Lead-3 baseline.

    /work/venv/bin/python bench/eval_summaries.py [--count 3]

Datasets (in ../shared/data/dev/summaries/, skipped cleanly when absent):
- gum_wikinews_news.jsonl: 24 Wikinews articles; ``references_all`` = 1 GUM human summary + LLM-written ones
  (their "(model name)" label is stripped before scoring);
- cnndm_test_summeval100.jsonl: 100 CNN/DailyMail test articles (SummEval), 11 references each
  (the original highlights + 10 crowd-written).
Each summary is scored against every reference separately (rouge-score, use_stemmer=True; rougeLsum with one
sentence per line); per article we keep the MAX F1 over its references (also the MEAN, in a second table), then
average over articles. Documents are built with ``document_from_plain_text`` so the app's sentence splitter is used.
"""

from __future__ import annotations

import argparse
import json
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "dev" / "summaries"
DATASETS = {"gum_wikinews": "gum_wikinews_news.jsonl", "cnndm_summeval": "cnndm_test_summeval100.jsonl"}
METRICS = ("rouge1", "rouge2", "rougeLsum")
_LABEL = re.compile(r"^\s*\([^)]*\)\s*")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3, help="sentences per summary (default 3)")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is not available")
        return 0
    sys.path.insert(0, str(ROOT))
    from rouge_score import rouge_scorer

    from reader.document.build import document_from_plain_text
    from reader.nlp.summary import ALGORITHMS, default_sentence_count, summarize

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    systems = ["lead3", *ALGORITHMS]
    tables: dict[str, dict[tuple[str, str], list[float]]] = {"max": {}, "mean": {}}
    defaults: dict[str, list[int]] = {}
    seconds: dict[str, float] = {s: 0.0 for s in systems}
    for name, filename in DATASETS.items():
        path = DATA / filename
        if not path.exists():
            print(f"skipped {name}: {path} is missing")
            continue
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        defaults[name] = []
        for row in rows:
            doc = document_from_plain_text(row["article"], row.get("id", name))
            defaults[name].append(default_sentence_count(doc))
            references = [_as_lines(document_from_plain_text, _LABEL.sub("", r)) for r in row["references_all"]]
            for system in systems:
                started = time.perf_counter()
                if system == "lead3":
                    spans = doc.sentences[: args.count]  # the article as the app shows it (a dateline counts)
                else:
                    spans = summarize(doc, system, args.count).spans
                seconds[system] += time.perf_counter() - started
                prediction = "\n".join(doc.text[s.start : s.end] for s in spans)
                scores = [scorer.score(ref, prediction) for ref in references]
                for metric in METRICS:
                    f1 = [s[metric].fmeasure for s in scores]
                    tables["max"].setdefault((name, system, metric), []).append(max(f1))
                    tables["mean"].setdefault((name, system, metric), []).append(statistics.fmean(f1))
    if not defaults:
        print("skipped: no dataset found")
        return 0
    for how, title in (("max", "max over references"), ("mean", "mean over references")):
        print(f"\n### ROUGE F1 x 100, {args.count} sentences, {title} (mean over articles)\n")
        print("| dataset | system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum |")
        print("|---|---|---|---|---|")
        for name in defaults:
            for system in systems:
                cells = [100 * statistics.fmean(tables[how][(name, system, m)]) for m in METRICS]
                label = "Lead-3" if system == "lead3" else ALGORITHMS[system].label
                print(f"| {name} (n={len(defaults[name])}) | {label} | " + " | ".join(f"{c:.1f}" for c in cells) + " |")
    print("\nDefault summary length the app would use (default_sentence_count):")
    for name, counts in defaults.items():
        print(f"- {name}: mean {statistics.fmean(counts):.1f}, min {min(counts)}, max {max(counts)}")
    print("\nSummarizing time per system (all articles): "
          + ", ".join(f"{s} {seconds[s]:.1f} s" for s in systems))
    return 0


def _as_lines(build, text: str) -> str:
    """A reference summary with one sentence per line (what rougeLsum expects)."""
    doc = build(text, "reference")
    return "\n".join(doc.text[s.start : s.end] for s in doc.sentences)


if __name__ == "__main__":
    raise SystemExit(main())
