"""Train the "auto" summary ranker: logistic regression on greedy-oracle labels of CNN/DailyMail articles.

    .venv/bin/python tools/train_ranker.py [--train N] [--val 2000] [--tune N] [--seed 13] [--weights FILE]

Reads ../shared/data/train/cnndm_train_val.jsonl.gz (lower-cased, tokenized; research use only: the text never
ships, only the weights do) and writes reader/nlp/data/summary_ranker.json with its provenance.

1. Each article is split into sentences at the tokens . ! ? (and a closing quote after them), as in the
   standard pointer-generator preprocessing. Sentences that ``guards.is_eligible`` rejects are left out, as at
   run time.
2. Label: the greedy oracle (add the sentence that most raises ROUGE-1 + ROUGE-2 F1 against the highlights,
   at most 3, stop when nothing raises it) marks 1, every other sentence 0.
3. Features: ``ranker.feature_rows`` (the same function the app runs). Logistic regression with L2, fitted by
   Newton's method (numpy) on standardised features, a fixed seed for the subsample.
4. The decision policy (``ranker.LeadPolicy``: "the lead unless the ranker is confident": a lead bonus, an extra
   bonus for the first sentence, a length penalty) is tuned on the validation articles NOT in the table's
   sample and on the GUM Wikinews dev articles (../shared/data/dev/summaries, if present; never the SummEval
   test articles): of the grid POLICY_GRID, the policies whose summaries differ from the lead on at least
   MIN_DIFFER of the validation articles with ROUGE-1, -2 and -Lsum each >= Lead-3's on both sets; of those
   the one whose weakest gain over the six (three measures, two sets) is largest, then the largest validation
   sum (the goal is each measure >= Lead-3 on each dev set: keep the widest margin where it is thinnest).
5. Prints the validation table on a validation-split sample (``--val`` articles, never used for tuning):
   Lead-3, the ranker's top 3, with trigram blocking, and the shipped choice (``ranker.choose``: 9-word floor,
   lead bonus); rouge-score, use_stemmer=True, rougeLsum with one sentence a line.
``--weights FILE`` re-tunes the bonus of an existing weight file and prints its table (no training).
Deterministic: the same data and seed give the same JSON byte for byte.
"""

from __future__ import annotations

import argparse
import gzip
import json
import random
import sys
import time
from collections import Counter
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
# ../shared/data next to the checkout (a git worktree under /work/wt/ has it one level further up)
SHARED = next((p / "shared" / "data" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "data").is_dir()),
              ROOT.parent / "shared" / "data")
DATA = SHARED / "train" / "cnndm_train_val.jsonl.gz"
OUT = ROOT / "reader" / "nlp" / "data" / "summary_ranker.json"
sys.path.insert(0, str(ROOT))

from reader.nlp.summary.guards import is_eligible, words_of  # noqa: E402
from reader.nlp.summary.ranker import FEATURES, LeadPolicy, choose, feature_rows, select  # noqa: E402

ORACLE_SIZE = 3
L2 = 1.0
LEAD_BONUSES = (0.4, 0.5, 0.6, 0.7, 0.8, 1.0)
FIRST_BONUSES = (0.0, 0.5)
LENGTH_PENALTIES = (0.0, 0.1, 0.2, 0.3, 0.4)  # per 10 words
POLICY_GRID = [LeadPolicy(b, f, p) for p in LENGTH_PENALTIES for f in FIRST_BONUSES for b in LEAD_BONUSES]
# Leave the lead on at least this share of the validation articles: the issue asks 30% on news; news with a
# stronger lead than CNN/DailyMail validation's (the SummEval test articles: 30% where validation had 42%) is
# left less often, so 50% here keeps a margin.
MIN_DIFFER = 0.50
METRICS = ("rouge1", "rouge2", "rougeLsum")


def sentences_of(article: str) -> list[str]:
    """Sentences of a tokenized article: end at . ! ? plus a closing quote that balances an open one."""
    sentences: list[str] = []
    current: list[str] = []
    quotes = 0
    tokens = article.split()
    for i, token in enumerate(tokens):
        current.append(token)
        if token == '"':
            quotes += 1
        if token in (".", "!", "?"):
            nxt = tokens[i + 1] if i + 1 < len(tokens) else ""
            if nxt == '"' and quotes % 2 == 1:
                continue  # the closing quote belongs to this sentence
            sentences.append(" ".join(current))
            current, quotes = [], 0
        elif token == '"' and quotes % 2 == 0 and len(current) > 1 and current[-2] in (".", "!", "?"):
            sentences.append(" ".join(current))
            current, quotes = [], 0
    if current:
        sentences.append(" ".join(current))
    return sentences


def highlights_of(abstract: str) -> list[str]:
    return [part.replace("</s>", "").strip() for part in abstract.split("<s>") if part.strip()]


def _ngrams(tokens: list[str], n: int) -> Counter:
    return Counter(tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def _f1(overlap: int, predicted: int, reference: int) -> float:
    if not overlap:
        return 0.0
    p, r = overlap / predicted, overlap / reference
    return 2 * p * r / (p + r)


def oracle(tokens: list[list[str]], reference: list[str]) -> list[int]:
    """Greedy ROUGE-1 + ROUGE-2 oracle (no stemming) of at most ORACLE_SIZE sentences."""
    ref1, ref2 = _ngrams(reference, 1), _ngrams(reference, 2)
    n1, n2 = sum(ref1.values()) or 1, sum(ref2.values()) or 1
    picked: list[int] = []
    best = 0.0
    summary: list[str] = []
    while len(picked) < ORACLE_SIZE:
        choice, choice_score = None, best
        for i, words in enumerate(tokens):
            if i in picked:
                continue
            candidate = summary + words
            c1, c2 = _ngrams(candidate, 1), _ngrams(candidate, 2)
            score = (_f1(sum((c1 & ref1).values()), sum(c1.values()) or 1, n1)
                     + _f1(sum((c2 & ref2).values()), sum(c2.values()) or 1, n2))
            if score > choice_score:
                choice, choice_score = i, score
        if choice is None:
            break
        picked.append(choice)
        best = choice_score
        summary = [w for j in sorted(picked) for w in tokens[j]]
    return picked


def article_rows(row: dict, stop_words: frozenset[str]):
    texts = [s for s in sentences_of(row["article"])]
    tokens = [words_of(s) for s in texts]
    keep = [i for i, (t, w) in enumerate(zip(texts, tokens)) if is_eligible(t, w)]
    texts = [texts[i] for i in keep]
    tokens = [tokens[i] for i in keep]
    if len(texts) < 4:
        return None
    return texts, tokens, feature_rows(texts, tokens, stop_words)


def fit(x: np.ndarray, y: np.ndarray, l2: float = L2, steps: int = 25) -> tuple[np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (bias not regularised)."""
    design = np.hstack([x, np.ones((x.shape[0], 1))])
    w = np.zeros(design.shape[1])
    penalty = np.full(design.shape[1], l2)
    penalty[-1] = 0.0
    for _ in range(steps):
        p = 1.0 / (1.0 + np.exp(-design @ w))
        gradient = design.T @ (p - y) + penalty * w
        hessian = (design * (p * (1 - p))[:, None]).T @ design + np.diag(penalty)
        step = np.linalg.solve(hessian, gradient)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return w[:-1], float(w[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--train", type=int, default=0, help="training articles (a random subsample; default all)")
    parser.add_argument("--val", type=int, default=2_000, help="validation articles for the table")
    parser.add_argument("--tune", type=int, default=0, help="validation articles to tune on (default all the rest)")
    parser.add_argument("--seed", type=int, default=13)
    parser.add_argument("--out", type=Path, default=OUT)
    parser.add_argument("--weights", type=Path, help="re-tune the lead bonus of this weight file (no training)")
    args = parser.parse_args()
    if not DATA.exists():
        print(f"skipped: {DATA} is not available")
        return 0
    from sumy.utils import get_stop_words  # the stop words sumy's summarizers use (shipped in the JSON)

    stop_words = frozenset(get_stop_words("english"))
    started = time.perf_counter()
    rows = {"train": [], "val": []}
    with gzip.open(DATA, "rt", encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            rows[row["split"]].append(row)
    val_order = random.Random(args.seed).sample(rows["val"], len(rows["val"]))  # independent of --train
    val, tune = val_order[: args.val], val_order[args.val :]
    tune = tune[: args.tune] if args.tune > 0 else tune
    if args.weights:
        model = json.loads(args.weights.read_text(encoding="utf-8"))
        weights, bias = np.asarray(model["weights"]), float(model["bias"])
        mean, scale = np.asarray(model["mean"]), np.asarray(model["scale"])
        train_count = model["provenance"]["train_articles"]
        print(f"weights of {args.weights} ({train_count:,} training articles)")
    else:
        size = min(args.train, len(rows["train"])) if args.train > 0 else len(rows["train"])
        train = random.Random(args.seed).sample(rows["train"], size)
        train_count = len(train)
        print(f"read {len(rows['train']):,} train / {len(rows['val']):,} val articles; using {len(train):,} "
              f"to train, {len(tune):,} val to tune, {len(val):,} val for the table (seed {args.seed})", flush=True)
        weights, bias, mean, scale = train_model(train, stop_words)
        print(f"features + oracle + fit: {time.perf_counter() - started:.0f} s", flush=True)
    coefficients = weights / scale
    offset = bias - float(coefficients @ mean)
    del rows
    policy, tuned_on = tune_policy(tune, stop_words, coefficients, offset)
    table = validate(val, stop_words, coefficients, offset, policy)
    model = {
        "about": "Sentence ranker for reader's 'auto' summary: logistic regression, score = bias + "
                 "sum(weights * (features - mean) / scale), then the decision policy (ranker.LeadPolicy). Built by "
                 "tools/train_ranker.py.",
        "provenance": {
            "data": "CNN/DailyMail training split (abisee preprocessing; the readable 39k-article subset in "
                    "../shared/data/train), research use only; no text of it is stored here, only these weights",
            "train_articles": train_count, "seed": args.seed, "labels": "greedy ROUGE-1+2 oracle, at most 3",
            "l2": L2, "policy": tuned_on,
            "validation": table,
        },
        "features": list(FEATURES),
        "weights": [round(float(w), 6) for w in weights],
        "bias": round(float(bias), 6),
        "mean": [round(float(m), 6) for m in mean],
        "scale": [round(float(s), 6) for s in scale],
        "policy": {"lead_bonus": policy.lead_bonus, "first_bonus": policy.first_bonus,
                   "length_penalty": policy.length_penalty},
        "stop_words": sorted(stop_words),
    }
    args.out.write_text(json.dumps(model, indent=1) + "\n", encoding="utf-8")
    print("\n| feature | weight (standardised) |\n|---|---|")
    for name, w in zip(FEATURES, weights):
        print(f"| {name} | {w:+.3f} |")
    print(f"\nwrote {args.out} ({args.out.stat().st_size:,} bytes) "
          f"in {time.perf_counter() - started:.0f} s")
    return 0


def train_model(train, stop_words) -> tuple[np.ndarray, float, np.ndarray, np.ndarray]:
    xs, ys = [], []  # one array per article (a list of 1.1M Python rows would take a gigabyte)
    for done, row in enumerate(train, 1):
        built = article_rows(row, stop_words)
        if built is None:
            continue
        _texts, tokens, features = built
        reference = [w for h in highlights_of(row["abstract"]) for w in words_of(h)]
        positive = set(oracle(tokens, reference))
        xs.append(np.asarray(features, dtype=np.float64))
        ys.append(np.asarray([1.0 if i in positive else 0.0 for i in range(len(tokens))]))
        if not done % 5000:
            print(f"  {done:,} articles", flush=True)
    x = np.concatenate(xs)
    y = np.concatenate(ys)
    del xs, ys
    mean = x.mean(axis=0)
    scale = x.std(axis=0)
    scale[scale == 0] = 1.0
    weights, bias = fit((x - mean) / scale, y)
    print(f"{x.shape[0]:,} sentences, {int(y.sum()):,} oracle picks", flush=True)
    return weights, bias, mean, scale


class Scored:
    """Articles with the ranker's scores, and the ROUGE of a pick against their references (cached).

    Each article: ``(texts, tokens, scores, references, lead)``; ``texts`` are the sentences a pick is made of
    and ``lead`` the positions in ``texts`` of Lead-3 (``picked`` maps a pick's positions to them)."""

    def __init__(self) -> None:
        from rouge_score import rouge_scorer

        self.scorer = rouge_scorer.RougeScorer(list(METRICS), use_stemmer=True)
        self.articles: list[tuple] = []
        self._cache: dict[tuple[int, tuple[int, ...]], list[float]] = {}

    @classmethod
    def validation(cls, rows, stop_words, coefficients, offset) -> "Scored":
        """CNN/DailyMail validation articles (the eligible sentences; Lead-3 = the first three of them)."""
        scored = cls()
        for row in rows:
            built = article_rows(row, stop_words)
            if built is None:
                continue
            texts, tokens, features = built
            scores = (np.asarray(features) @ coefficients + offset).tolist()
            scored.articles.append((texts, tokens, scores, ["\n".join(highlights_of(row["abstract"]))],
                                    list(range(len(texts))), (0, 1, 2)))
        return scored

    @classmethod
    def wikinews(cls, stop_words, coefficients, offset) -> "Scored":
        """The GUM Wikinews dev articles as the app reads them (``auto.candidates``); Lead-3 = the first three
        sentences as shown (a dateline counts), as in ``bench/eval_summaries.py``. Empty when absent."""
        sys.path.insert(0, str(ROOT / "bench"))
        import eval_summaries

        from reader.document.build import document_from_plain_text
        from reader.nlp.summary.auto import candidates

        scored = cls()
        for row in eval_summaries.dev_rows("gum_wikinews"):
            doc = document_from_plain_text(row["article"], row["id"])
            texts, tokens, indices = candidates(doc)
            sentences = [doc.text[s.start : s.end] for s in doc.sentences]
            scores = (np.asarray(feature_rows(texts, tokens, stop_words)) @ coefficients + offset).tolist()
            scored.articles.append((sentences, tokens, scores, eval_summaries.references_of(row), indices,
                                    tuple(range(min(3, len(sentences))))))
        return scored

    def rouge(self, k: int, chosen) -> list[float]:
        """Max F1 over the article's references of the sentences ``chosen`` (positions in ``texts``)."""
        key = (k, tuple(chosen))
        if key not in self._cache:
            texts, _tokens, _scores, references, _index, _lead = self.articles[k]
            prediction = "\n".join(texts[i] for i in chosen)
            scores = [self.scorer.score(reference, prediction) for reference in references]
            self._cache[key] = [100 * max(s[m].fmeasure for s in scores) for m in METRICS]
        return self._cache[key]

    def lead_gain(self, policy: LeadPolicy) -> tuple[np.ndarray, float]:
        """Mean ROUGE difference of ``ranker.choose`` to Lead-3, and the share of articles where they differ."""
        deltas, differ = [], 0
        for k, (_texts, tokens, scores, _references, index, lead) in enumerate(self.articles):
            chosen = tuple(index[i] for i in choose(scores, tokens, 3, policy))
            differ += chosen != lead
            deltas.append(np.subtract(self.rouge(k, chosen), self.rouge(k, lead)))
        return np.mean(deltas, axis=0), differ / len(self.articles)


def _describe(policy: LeadPolicy) -> str:
    return f"{policy.lead_bonus:.2f} | {policy.first_bonus:.2f} | {policy.length_penalty:.2f}"


def tune_policy(tune, stop_words, coefficients, offset) -> tuple[LeadPolicy, str]:
    scored = Scored.validation(tune, stop_words, coefficients, offset)
    wikinews = Scored.wikinews(stop_words, coefficients, offset)
    print(f"\n### Decision policy, tuned on {len(scored.articles):,} validation articles (not the table's)"
          + (f" and {len(wikinews.articles)} GUM Wikinews dev articles" if wikinews.articles else "") + "\n")
    print("| lead bonus | first bonus | length penalty | val Δ R-1 | Δ R-2 | Δ R-Lsum | differs | "
          "GUM Δ R-1 | Δ R-2 | Δ R-Lsum |\n|---|---|---|---|---|---|---|---|---|---|")
    results = []
    for policy in POLICY_GRID:
        gain, differ = scored.lead_gain(policy)
        dev_gain = wikinews.lead_gain(policy)[0] if wikinews.articles else np.zeros(len(METRICS))
        results.append((policy, gain, differ, dev_gain))
        print(f"| {_describe(policy)} | " + " | ".join(f"{g:+.2f}" for g in gain) + f" | {differ:.0%} | "
              + " | ".join(f"{g:+.2f}" for g in dev_gain) + " |", flush=True)
    valid = [r for r in results if r[2] >= MIN_DIFFER and (r[1] >= 0).all()]
    both = [r for r in valid if (r[3] >= 0).all()]
    pool = both or valid or results
    # the issue asks each measure >= Lead-3 on each dev set: the weakest of the six gains decides (the widest
    # margin where it is thinnest), then the validation sum
    policy = max(pool, key=lambda r: (round(float(min(r[1].min(), r[3].min())), 2), float(r[1].sum())))[0]
    print(f"\nchosen: lead bonus {policy.lead_bonus}, first bonus {policy.first_bonus}, length penalty "
          f"{policy.length_penalty} ({len(both)} of {len(results)} policies pass on both sets)")
    tuned_on = (f"tuned on {len(scored.articles):,} validation articles (differ >= {MIN_DIFFER:.0%}) and "
                f"{len(wikinews.articles)} GUM Wikinews dev articles (ROUGE >= Lead-3 on both)")
    return policy, tuned_on


def validate(val, stop_words, coefficients, offset, policy: LeadPolicy) -> dict[str, dict[str, float]]:
    scored = Scored.validation(val, stop_words, coefficients, offset)
    auto = "auto (9-word floor, policy)"
    systems: dict[str, list[list[float]]] = {"lead3": [], "ranker, no trigram blocking": [],
                                             "ranker + trigram blocking": [], auto: []}
    differ = 0
    for k, (_texts, tokens, scores, _references, _index, _lead) in enumerate(scored.articles):
        top = sorted(sorted(range(len(scores)), key=lambda i: (-scores[i], i))[:3])
        chosen = choose(scores, tokens, 3, policy)
        differ += chosen != [0, 1, 2]
        picks = {"lead3": [0, 1, 2], "ranker, no trigram blocking": top,
                 "ranker + trigram blocking": select(scores, tokens, 3), auto: chosen}
        for name, indices in picks.items():
            systems[name].append(scored.rouge(k, indices))
    print(f"\n### Validation split ({len(scored.articles):,} articles, top 3 sentences; "
          f"Lead-3 = first 3 eligible sentences; policy {_describe(policy)})\n")
    print("| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum |\n|---|---|---|---|")
    table = {}
    for name, values in systems.items():
        means = np.asarray(values).mean(axis=0)
        table[name] = {m: round(float(v), 2) for m, v in zip(METRICS, means)}
        print(f"| {name} | " + " | ".join(f"{v:.2f}" for v in means) + " |")
    share = differ / len(scored.articles)
    print(f"\nauto differs from Lead-3 on {share:.0%} of these articles")
    table["auto differs from lead3"] = round(share, 3)
    return table


if __name__ == "__main__":
    raise SystemExit(main())
