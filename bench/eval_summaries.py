"""ROUGE of every summary algorithm against human summaries, as differences to Lead-3 with 95% intervals.

    .venv/bin/python bench/eval_summaries.py [--count 3] [--all-layouts] [--resamples 2000] [--systems auto,lexrank]
        [--datasets gum_wikinews]

Datasets (../shared/data/dev/summaries/, evaluation only, skipped cleanly when absent):
- gum_wikinews: 24 Wikinews articles; ``references_all`` = 1 GUM human summary + LLM-written ones (their
  "(model name)" label is stripped);
- cnndm_summeval: 100 CNN/DailyMail TEST articles (SummEval), 11 references each. Never train or tune on it.
Each summary is scored against every reference (rouge-score, use_stemmer=True; rougeLsum with the sentences
joined by "\\n"); an article's score is the max F1 over its references; the table shows the mean over articles
and, for each system, the mean paired difference to Lead-3 with a 95% paired bootstrap interval.
Lead-3 is the first ``count`` sentences as the app shows the article (a dateline counts); "Lead-3, no
dateline" is the first ``count`` sentences the guards accept (``guards.is_eligible``: a dateline or a one-line
teaser is skipped), the lead that "auto" starts from.

Layouts (robustness): "as given" is the dataset's text; "sentence/line" puts each sentence (our splitter) on a
line of its own; "paragraph/line" puts each paragraph on one line with no blank lines (a one-line CNN/DM
article is cut into paragraphs of three sentences first). Only Lead-3 and auto run on the re-laid texts
unless ``--all-layouts``. The last lines give the share of articles where auto's picks differ from the first
``count`` sentences, and from the first ``count`` eligible ones.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data next to the checkout (a git worktree under /work/wt/ has it one level further up)
SHARED = next((p / "shared" / "data" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "data").is_dir()),
              ROOT.parent / "shared" / "data")
DATA = SHARED / "dev" / "summaries"
DATASETS = {"gum_wikinews": "gum_wikinews_news.jsonl", "cnndm_summeval": "cnndm_test_summeval100.jsonl"}
METRICS = ("rouge1", "rouge2", "rougeLsum")
LAYOUTS = ("as given", "sentence/line", "paragraph/line")
_LABEL = re.compile(r"^\s*\([^)]*\)\s*")


def dev_rows(name: str) -> list[dict]:
    """The rows of one dev dataset (DATASETS), or [] when it is absent."""
    path = DATA / DATASETS[name]
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def references_of(row: dict) -> list[str]:
    """A row's reference summaries, model labels stripped, one sentence a line (what rougeLsum expects)."""
    from reader.document.build import document_from_plain_text

    return [_as_lines(document_from_plain_text, _LABEL.sub("", r)) for r in row["references_all"]]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=3, help="sentences per summary (default 3)")
    parser.add_argument("--all-layouts", action="store_true", help="run every algorithm on every layout")
    parser.add_argument("--resamples", type=int, default=2000, help="bootstrap resamples (default 2000)")
    parser.add_argument("--systems", help="comma-separated algorithms to run (default: all)")
    parser.add_argument("--datasets", help=f"comma-separated datasets (default: all of {', '.join(DATASETS)}); "
                                           "gum_wikinews alone leaves the test articles unread while tuning")
    args = parser.parse_args()
    if not DATA.is_dir():
        print(f"skipped: {DATA} is not available")
        return 0
    sys.path.insert(0, str(ROOT))
    from rouge_score import rouge_scorer

    from reader.document.build import document_from_plain_text
    from reader.nlp.summary import ALGORITHMS, summarize
    from reader.nlp.summary.guards import is_eligible

    def eligible_lead(doc) -> tuple[int, ...]:
        kept = [i for i, s in enumerate(doc.sentences) if is_eligible(doc.text[s.start : s.end])]
        return tuple(kept[: args.count])

    scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
    scores: dict[tuple[str, str, str], list[tuple[float, float, float]]] = {}
    differs: dict[tuple[str, str], list[bool]] = {}
    differs_eligible: dict[tuple[str, str], list[bool]] = {}
    seconds: dict[str, float] = {}
    sizes: dict[str, int] = {}
    for name, filename in DATASETS.items():
        if args.datasets and name not in args.datasets.split(","):
            continue
        rows = dev_rows(name)
        if not rows:
            print(f"skipped {name}: {DATA / filename} is missing")
            continue
        sizes[name] = len(rows)
        for row in rows:
            references = references_of(row)
            original = document_from_plain_text(row["article"], row["id"])
            for layout in LAYOUTS:
                doc = original if layout == "as given" else document_from_plain_text(
                    _relayout(original, layout), row["id"])
                systems = (["lead3", "lead3_eligible", *ALGORITHMS] if layout == "as given" or args.all_layouts
                           else ["lead3", "auto"])
                if args.systems:
                    systems = [s for s in systems if s.startswith("lead3") or s in args.systems.split(",")]
                for system in systems:
                    started = time.perf_counter()
                    if system == "lead3":
                        indices = tuple(range(min(args.count, len(doc.sentences))))
                    elif system == "lead3_eligible":
                        indices = eligible_lead(doc)
                    else:
                        indices = summarize(doc, system, args.count).sentence_indices
                    seconds[system] = seconds.get(system, 0.0) + time.perf_counter() - started
                    if system == "auto":
                        differs.setdefault((name, layout), []).append(indices != tuple(range(args.count)))
                        differs_eligible.setdefault((name, layout), []).append(indices != eligible_lead(doc))
                    prediction = "\n".join(doc.text[doc.sentences[i].start : doc.sentences[i].end] for i in indices)
                    per_reference = [scorer.score(ref, prediction) for ref in references]
                    scores.setdefault((name, layout, system), []).append(
                        tuple(max(s[m].fmeasure for s in per_reference) for m in METRICS))
    if not sizes:
        print("skipped: no dataset found")
        return 0
    print(f"\n### ROUGE F1 x 100 ({args.count} sentences, max over references, mean over articles); "
          f"Δ = system - Lead-3, [95% paired bootstrap interval]\n")
    print("| dataset | layout | system | ROUGE-1 | Δ R-1 | ROUGE-2 | Δ R-2 | ROUGE-Lsum | Δ R-Lsum |")
    print("|---|---|---|---|---|---|---|---|---|")
    for name, n in sizes.items():
        for layout in LAYOUTS:
            baseline = scores[(name, layout, "lead3")]
            for system in ["lead3", "lead3_eligible", *ALGORITHMS]:
                values = scores.get((name, layout, system))
                if values is None:
                    continue
                label = {"lead3": "Lead-3", "lead3_eligible": "Lead-3, no dateline"}.get(system)
                label = label or ALGORITHMS[system].label
                cells = []
                for k in range(len(METRICS)):
                    mean = 100 * statistics.fmean(v[k] for v in values)
                    if system == "lead3":
                        cells += [f"{mean:.1f}", ""]
                        continue
                    deltas = [100 * (v[k] - b[k]) for v, b in zip(values, baseline, strict=True)]
                    low, high = _bootstrap(deltas, args.resamples)
                    mark = "**" if low > 0 else ""
                    cells += [f"{mean:.1f}", f"{mark}{statistics.fmean(deltas):+.1f}{mark} [{low:+.1f}, {high:+.1f}]"]
                print(f"| {name} (n={n}) | {layout} | {label} | " + " | ".join(cells) + " |")
    print("\n**bold**: the whole interval is above Lead-3.\n")
    for (name, layout), flags in differs.items():
        print(f"- {name}, {layout}: auto differs from the first {args.count} sentences on "
              f"{sum(flags)}/{len(flags)} articles ({100 * sum(flags) / len(flags):.0f}%); from the first "
              f"{args.count} eligible ones on {100 * statistics.fmean(differs_eligible[(name, layout)]):.0f}%")
    print("\nSummarizing time per system (all articles and layouts): "
          + ", ".join(f"{s} {t:.1f} s" for s, t in seconds.items()))
    return 0


def _bootstrap(deltas: list[float], resamples: int, seed: int = 0) -> tuple[float, float]:
    """95% percentile interval of the mean of ``deltas`` (paired: one value per article)."""
    rng = random.Random(seed)
    n = len(deltas)
    means = sorted(sum(deltas[rng.randrange(n)] for _ in range(n)) / n for _ in range(resamples))
    return means[int(0.025 * resamples)], means[min(resamples - 1, int(0.975 * resamples))]


def _relayout(doc, layout: str) -> str:
    """The article's text with one sentence, or one paragraph, per line (no blank lines)."""
    text = doc.text
    if layout == "sentence/line":
        return "\n".join(text[s.start : s.end] for s in doc.sentences)
    lines = []
    for paragraph in doc.paragraphs:
        inside = [s for s in doc.sentences if paragraph.start <= s.start < paragraph.end]
        if len(doc.paragraphs) > 2 or len(inside) <= 3:
            lines.append(text[paragraph.start : paragraph.end])
        else:  # a one-paragraph article: cut into paragraphs of three sentences
            lines += [" ".join(text[s.start : s.end] for s in inside[i : i + 3]) for i in range(0, len(inside), 3)]
    return "\n".join(lines)


def _as_lines(build, text: str) -> str:
    """A reference summary with one sentence per line (what rougeLsum expects)."""
    doc = build(text, "reference")
    return "\n".join(doc.text[s.start : s.end] for s in doc.sentences)


if __name__ == "__main__":
    raise SystemExit(main())
