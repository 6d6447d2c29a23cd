"""Train the "auto" summary ranker: logistic regression and boosted trees on greedy-oracle labels of CNN/DailyMail.

    .venv/bin/pip install -e '.[train]'   # LightGBM and rouge-score, for this script only
    .venv/bin/python tools/train_ranker.py [--train N] [--val 2000] [--tune N] [--seed 13] [--weights FILE]

Reads ../shared/data/train/cnndm_train_val.jsonl.gz (lower-cased, tokenized; research use only: the text never
ships, only the weights do) and writes reader/nlp/data/summary_ranker.json with its provenance.

1. Each article is split into sentences at the tokens . ! ? (and a closing quote after them), as in the
   standard pointer-generator preprocessing. Sentences that ``guards.is_eligible`` rejects are left out, as at
   run time.
2. Label: the greedy oracle (add the sentence that most raises ROUGE-1 + ROUGE-2 F1 against the highlights,
   at most 3, stop when nothing raises it) marks 1, every other sentence 0.
3. Features: ``ranker.feature_rows`` (the same function the app runs). Logistic regression with L2, fitted by
   Newton's method (numpy) on standardised features, a fixed seed for the subsample; and boosted trees
   (LightGBM, TREE_PARAMS: binary log-loss, depth 4, 200 trees, one thread, fixed seed; the optional extra
   ``train``), exported as complete binary trees (``ranker.Forest``, checked against LightGBM's own scores).
   The app scores a sentence by the mean of the two (on CNN/DM validation, the mean beat either alone and the
   regression with a tuned policy by +0.1/+0.2/+0.1 ROUGE-1/2/Lsum; a LambdaRank forest and an MMR redundancy
   penalty did not help).
4. The decision policy (``ranker.LeadPolicy``: "the lead unless the ranker is confident": a lead bonus, an extra
   bonus for the first sentence, a length penalty) is tuned on the validation articles NOT in the table's
   sample and on the GUM Wikinews dev articles (../shared/data/dev/summaries, if present; never the SummEval
   test articles): of the grid POLICY_GRID, the policies whose summaries differ from the lead on at least
   MIN_DIFFER of the validation articles with ROUGE-1, -2 and -Lsum each >= Lead-3's on both sets; of those
   the one whose weakest gain over the six (three measures, two sets) is largest, then the largest validation
   sum (the goal is each measure >= Lead-3 on each dev set: keep the widest margin where it is thinnest).
5. Prints the validation table on a validation-split sample (``--val`` articles, never used for tuning):
   Lead-3, the ranker's top 3, with trigram blocking, and the shipped choice (``ranker.choose``: 9-word floor,
   lead bonus); rouge-score, use_stemmer=True, rougeLsum with one sentence a line; each with its difference to
   Lead-3 and a 95% paired bootstrap interval.
``--weights FILE`` re-tunes the policy of an existing weight file and prints its table (no training).
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
from reader.nlp.summary.ranker import FEATURES, Forest, LeadPolicy, Model, choose, feature_rows, select  # noqa: E402

ORACLE_SIZE = 3
L2 = 1.0
# Boosted trees (LightGBM, binary log-loss on the same labels and features), averaged with the regression: the
# trees bend where the linear model cannot (a long lede, a central sentence late in a short article); depth 4,
# 200 trees, at least 200 sentences a leaf, one thread and a fixed seed (deterministic).
TREE_DEPTH = 4
TREE_ROUNDS = 200
TREE_PARAMS = {"objective": "binary", "learning_rate": 0.1, "max_depth": TREE_DEPTH, "num_leaves": 2 ** TREE_DEPTH,
               "min_data_in_leaf": 200, "seed": 13, "deterministic": True, "num_threads": 1,
               "force_row_wise": True, "verbose": -1}
LEAD_BONUSES = (0.0, 0.25, 0.4, 0.5, 0.6, 0.75, 1.0)
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
    parser.add_argument("--weights", type=Path, help="re-tune the policy of this weight file (no training)")
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
        forest = model.get("forest")
        train_count = model["provenance"]["train_articles"]
        print(f"weights of {args.weights} ({train_count:,} training articles)")
    else:
        size = min(args.train, len(rows["train"])) if args.train > 0 else len(rows["train"])
        train = random.Random(args.seed).sample(rows["train"], size)
        train_count = len(train)
        print(f"read {len(rows['train']):,} train / {len(rows['val']):,} val articles; using {len(train):,} "
              f"to train, {len(tune):,} val to tune, {len(val):,} val for the table (seed {args.seed})", flush=True)
        weights, bias, mean, scale, forest = train_model(train, stop_words)
        print(f"features + oracle + fit: {time.perf_counter() - started:.0f} s", flush=True)
    del rows
    ranker = Model(tuple(weights), bias, tuple(mean), tuple(scale), stop_words, LeadPolicy(),
                   Forest.from_json(forest) if forest else None)
    policy, tuned_on = tune_policy(tune, stop_words, ranker)
    table = validate(val, stop_words, ranker, policy)
    model = {
        "about": "Sentence ranker for reader's 'auto' summary: the mean of a logistic regression, score = bias + "
                 "sum(weights * (features - mean) / scale), and of boosted trees ('forest', ranker.Forest), then "
                 "the decision policy (ranker.LeadPolicy). Built by tools/train_ranker.py.",
        "provenance": {
            "data": "CNN/DailyMail training split (abisee preprocessing; the readable 39k-article subset in "
                    "../shared/data/train), research use only; no text of it is stored here, only these weights",
            "train_articles": train_count, "seed": args.seed, "labels": "greedy ROUGE-1+2 oracle, at most 3",
            "l2": L2, "trees": {k: v for k, v in TREE_PARAMS.items() if k != "verbose"} | {"rounds": TREE_ROUNDS},
            "policy": tuned_on,
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
    text = json.dumps(model, indent=1)
    if forest:  # one line per tree row: the file stays readable and small
        text = text[: text.rindex("}")].rstrip() + ',\n "forest": ' + _compact_forest(forest) + "\n}"
    args.out.write_text(text + "\n", encoding="utf-8")
    print("\n| feature | weight (standardised) |\n|---|---|")
    for name, w in zip(FEATURES, weights):
        print(f"| {name} | {w:+.3f} |")
    print(f"\nwrote {args.out} ({args.out.stat().st_size:,} bytes) "
          f"in {time.perf_counter() - started:.0f} s")
    return 0


def _compact_forest(forest: dict) -> str:
    lines = [f'  "depth": {forest["depth"]}']
    for key in ("features", "thresholds", "leaves"):
        rows = ",\n   ".join(json.dumps(row, separators=(",", ":")) for row in forest[key])
        lines.append(f'  "{key}": [\n   {rows}\n  ]')
    return "{\n" + ",\n".join(lines) + "\n }"


def train_model(train, stop_words) -> tuple[np.ndarray, float, np.ndarray, np.ndarray, dict]:
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
    forest = fit_forest(x, y)
    return weights, bias, mean, scale, forest


def fit_forest(x: np.ndarray, y: np.ndarray) -> dict:
    """LightGBM trees (TREE_PARAMS) as complete binary trees (``ranker.Forest``), checked against LightGBM."""
    try:
        import lightgbm
    except ImportError:
        raise SystemExit("the trees need LightGBM: pip install -e '.[train]'") from None
    booster = lightgbm.train(TREE_PARAMS, lightgbm.Dataset(x, y), TREE_ROUNDS)
    trees = [_complete(tree["tree_structure"], TREE_DEPTH) for tree in booster.dump_model()["tree_info"]]
    forest = {"depth": TREE_DEPTH, "features": [t[0] for t in trees], "thresholds": [t[1] for t in trees],
              "leaves": [t[2] for t in trees]}
    sample = x[:: max(1, len(x) // 20_000)]
    expected = booster.predict(sample, raw_score=True)
    got = np.asarray(Forest.from_json(forest).scores(sample))
    print(f"trees: {len(trees)}, largest difference to LightGBM on {len(sample):,} sentences "
          f"{np.abs(got - expected).max():.2e}", flush=True)
    return forest


def _complete(root: dict, depth: int) -> tuple[list[int], list[float], list[float]]:
    """A LightGBM tree as a complete binary tree of ``depth`` levels (``ranker.Forest``); the leaves hold the
    tree's shrunken values. A leaf above the last level fills every leaf below it (its split rows are 0)."""
    inner = 2 ** depth - 1
    features, thresholds, leaves = [0] * inner, [0.0] * inner, [0.0] * (inner + 1)

    def fill(node: dict, k: int, level: int) -> None:
        if "leaf_value" in node:
            low = high = k
            while low < inner:
                low, high = 2 * low + 1, 2 * high + 2
            for leaf in range(low - inner, high - inner + 1):
                leaves[leaf] = round(float(node["leaf_value"]), 7)
            return
        if level >= depth or node["decision_type"] != "<=":
            raise ValueError("a tree deeper than TREE_DEPTH or with a categorical split")
        features[k] = int(node["split_feature"])
        thresholds[k] = float(node["threshold"])
        fill(node["left_child"], 2 * k + 1, level + 1)
        fill(node["right_child"], 2 * k + 2, level + 1)

    fill(root, 0, 0)
    return features, thresholds, leaves


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
    def validation(cls, rows, stop_words, ranker: Model) -> "Scored":
        """CNN/DailyMail validation articles (the eligible sentences; Lead-3 = the first three of them)."""
        scored = cls()
        for row in rows:
            built = article_rows(row, stop_words)
            if built is None:
                continue
            texts, tokens, features = built
            scores = ranker.scores(features)
            scored.articles.append((texts, tokens, scores, ["\n".join(highlights_of(row["abstract"]))],
                                    list(range(len(texts))), (0, 1, 2)))
        return scored

    @classmethod
    def wikinews(cls, stop_words, ranker: Model) -> "Scored":
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
            scores = ranker.scores(feature_rows(texts, tokens, stop_words))
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


def tune_policy(tune, stop_words, ranker: Model) -> tuple[LeadPolicy, str]:
    scored = Scored.validation(tune, stop_words, ranker)
    wikinews = Scored.wikinews(stop_words, ranker)
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


def _bootstrap(deltas: np.ndarray, resamples: int = 2000, seed: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """95% percentile interval of the mean of each column of ``deltas`` (one row per article: paired)."""
    rng = np.random.default_rng(seed)
    means = np.stack([deltas[rng.integers(0, len(deltas), len(deltas))].mean(axis=0) for _ in range(resamples)])
    return np.percentile(means, 2.5, axis=0), np.percentile(means, 97.5, axis=0)


def validate(val, stop_words, ranker: Model, policy: LeadPolicy) -> dict[str, dict[str, float]]:
    scored = Scored.validation(val, stop_words, ranker)
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
    print("| system | ROUGE-1 | ROUGE-2 | ROUGE-Lsum | Δ R-1 [95%] | Δ R-2 [95%] | Δ R-Lsum [95%] |\n"
          "|---|---|---|---|---|---|---|")
    table = {}
    lead = np.asarray(systems["lead3"])
    for name, values in systems.items():
        means = np.asarray(values).mean(axis=0)
        table[name] = {m: round(float(v), 2) for m, v in zip(METRICS, means)}
        cells = [f"{v:.2f}" for v in means]
        if name != "lead3":
            deltas = np.asarray(values) - lead
            low, high = _bootstrap(deltas)
            cells += [f"{d:+.2f} [{lo:+.2f}, {hi:+.2f}]" for d, lo, hi in zip(deltas.mean(axis=0), low, high)]
        else:
            cells += ["", "", ""]
        print(f"| {name} | " + " | ".join(cells) + " |")
    share = differ / len(scored.articles)
    print(f"\nauto differs from Lead-3 on {share:.0%} of these articles")
    table["auto differs from lead3"] = round(share, 3)
    return table


if __name__ == "__main__":
    raise SystemExit(main())
