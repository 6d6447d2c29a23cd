"""Train the person-name CRF shipped as reader/nlp/data/person_crf.crfsuite (reproducible: fixed data order,
split and parameters; crfsuite's L-BFGS is deterministic).

Reads ../shared/data/dev (see bench/ner_data.py for the data and the held-out split): WikiGold, all Broad
Twitter Corpus sections and GUM Wikinews person clusters, training parts only. Prints the held-out table of
the CRF on its own (exact-span person-mention P/R/F1); the whole pipeline is measured by bench/eval_ner.py.

Run from the repository root: ``python tools/train_tagger.py [--tune] [--out PATH] [--c1 X] [--c2 Y]
[--iterations N] [--minfreq N] [--without-tune]``. ``--tune`` first trains without the tune part and prints the threshold grid
(copy the chosen values into reader/nlp/people/crf_detection.py). About a minute per model on one core; the
whole ``--tune`` run about five minutes. ``--without-tune --out /tmp/tune.crfsuite`` makes the model for
``bench/eval_ner.py --errors --model /tmp/tune.crfsuite`` (error analysis on the tune part); ``--fold K``
(0, 1 or 3) moves the WikiGold/BTC g part left out to another training fold (give eval_ner.py the same).
"""

from __future__ import annotations

import argparse
import gzip
import tempfile
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import ner_data  # noqa: E402
from reader.nlp.people import tagger as tg  # noqa: E402
from reader.nlp.people.crf_detection import heuristic_marks_of  # noqa: E402

DEFAULT_OUT = ROOT / "reader" / "nlp" / "data" / tg.MODEL_NAME.removesuffix(".gz")


def sequences(ex: ner_data.Example):
    """(features, labels) for every stretch the tagger would tag."""
    doc = ner_data.document_of(ex)
    assert doc.text == ex.text
    marks = heuristic_marks_of(doc)
    lines = tg.Lines(ex.text)
    gold_chars = bytearray(len(ex.text))
    for s, e in ex.gold:
        gold_chars[s:e] = b"\1" * (e - s)
    for sent in doc.sentences:
        tokens = tg.tokenize(ex.text, sent.start, sent.end)
        for lo, hi in tg.stretches(tokens):
            part = tokens[lo:hi]
            labels = [tg.PERSON if gold_chars[t.start] and gold_chars[t.end - 1] else tg.OTHER for t in part]
            yield tg.sequence_features(lines, part, marks, lo == 0, hi == len(tokens)), labels, marks


def span_prf(examples, spans_of) -> tuple[int, int, int]:
    tp = n_pred = n_gold = 0
    for ex in examples:
        pred = set(spans_of(ex))
        gold = set(ex.gold)
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
    return tp, n_pred, n_gold


def fmt(name: str, tp: int, n_pred: int, n_gold: int) -> str:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return f"| {name} | {n_gold} | {n_pred} | {p:.3f} | {r:.3f} | {f:.3f} |"


def usable(ex: ner_data.Example) -> bool:
    """Tweets that name someone in lowercase or by a handle only are left out: the pipeline never names a
    lowercase word, and they teach the CRF that any word may be a name."""
    return all(ex.text[s:e][:1].isupper() for s, e in ex.gold)


def train(examples, out: Path, args) -> None:
    import pycrfsuite

    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    n_seq = 0
    for ex in examples:
        for feats, labels, _ in sequences(ex):
            trainer.append(feats, labels)
            n_seq += 1
    print(f"{n_seq} training sequences, features built in {time.perf_counter() - started:.1f} s", flush=True)
    trainer.set_params(
        {
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.iterations,
            "feature.possible_transitions": True,
            "feature.minfreq": args.minfreq,
        }
    )
    out.parent.mkdir(parents=True, exist_ok=True)
    trainer.train(str(out))
    if out == DEFAULT_OUT:  # the shipped model is gzipped (mtime 0: the same bytes for the same model)
        packed = gzip.compress(out.read_bytes(), compresslevel=9, mtime=0)
        out.with_name(tg.MODEL_NAME).write_bytes(packed)
        out.unlink()
        out = out.with_name(tg.MODEL_NAME)
    print(f"trained in {time.perf_counter() - started:.1f} s -> {out} ({out.stat().st_size / 1e6:.2f} MB)", flush=True)


GRID = {  # ties go to the first value: the one that keeps more of the heuristic's decision
    "STRONG": (3.0, 3.5),
    "KEEP": (0.2, 0.3, 0.45),
    "ACCEPT_NEW": (0.75, 0.6),
    "ACCEPT_NEW_LONE": (1.01, 0.95, 0.8, 0.6),
}
# The goal is newswire: WikiGold and GUM count twice as much as the tweets of BTC section g.
OBJECTIVE = {"WikiGold": 0.4, "BTC g": 0.2, "GUM": 0.4}


def choose_thresholds(tune_sets: dict[str, list], model: Path) -> dict[str, float]:
    """The decision thresholds with the best weighted exact-span F1 (:data:`OBJECTIVE`) over the tune parts
    (model trained without them); every config is printed."""
    import itertools

    import reader.nlp.people as people
    from reader.nlp.people import crf_detection

    tg.use_model(str(model))
    real_votes = crf_detection.form_votes
    memo: dict[str, dict] = {}

    def votes(ctx, marks, *_):  # the same for every threshold (all forms: the thresholds change which need one)
        if ctx.text not in memo:
            memo[ctx.text] = real_votes(ctx, marks)
        return memo[ctx.text]

    crf_detection.form_votes = votes
    docs = {name: [(ner_data.document_of(ex), set(ex.gold)) for ex in exs] for name, exs in tune_sets.items()}
    best = (-1.0, {})
    try:
        for values in itertools.product(*GRID.values()):
            config = dict(zip(GRID, values))
            for k, v in config.items():
                setattr(crf_detection, k, v)
            f1s = []
            objective = 0.0
            for name, pairs in docs.items():
                tp = n_pred = n_gold = 0
                for doc, gold in pairs:
                    pred = {(m.start, m.end) for p in people.find_people(doc) for m in p.mentions}
                    tp += len(pred & gold)
                    n_pred += len(pred)
                    n_gold += len(gold)
                p = tp / n_pred if n_pred else 0.0
                r = tp / n_gold if n_gold else 0.0
                f1s.append(2 * p * r / (p + r) if p + r else 0.0)
                objective += OBJECTIVE[name] * f1s[-1]
            mean = objective
            print(f"{config} -> " + " ".join(f"{f:.3f}" for f in f1s) + f" objective {mean:.4f}", flush=True)
            if mean > best[0]:
                best = (mean, config)
    finally:
        crf_detection.form_votes = real_votes
        tg.use_model(None)
    print(f"best thresholds: {best[1]} (weighted tune F1 {best[0]:.4f})")
    return best[1]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", type=Path, default=DEFAULT_OUT)
    ap.add_argument("--c1", type=float, default=0.3)
    ap.add_argument("--c2", type=float, default=0.05)
    ap.add_argument("--iterations", type=int, default=200)
    ap.add_argument("--minfreq", type=float, default=2)
    ap.add_argument("--tune", action="store_true", help="first choose the decision thresholds on the tune part")
    ap.add_argument(
        "--without-tune", action="store_true", help="leave the tune part out (a model for error analysis on it)"
    )
    ap.add_argument(
        "--fold",
        type=int,
        choices=(0, 1, 2, 3),
        default=ner_data.TUNE_FOLD,
        help="WikiGold/BTC g tune fold for --without-tune",
    )
    args = ap.parse_args()
    if args.fold != ner_data.TUNE_FOLD:
        if args.tune:
            print("--fold is for error analysis (--without-tune); --tune uses the fixed tune fold", file=sys.stderr)
            return 2
        ner_data.set_tune_fold(args.fold)
    if not ner_data.available():
        print(f"skipped: {ner_data.SHARED} is not available")
        return 0
    sets = {"WikiGold": ner_data.wikigold(), "BTC": ner_data.btc(for_training=True), "GUM": ner_data.gum()}
    training = [ex for exs in sets.values() for ex in exs if not ex.held_out and usable(ex)]
    if args.without_tune:
        training = [ex for ex in training if not ex.tune]
    if args.tune:
        model_a = Path(tempfile.mkdtemp()) / "tune.crfsuite"
        train([ex for ex in training if not ex.tune], model_a, args)
        btc_g = [e for e in ner_data.btc(for_training=False) if e.tune]
        choose_thresholds(
            {"WikiGold": [e for e in sets["WikiGold"] if e.tune], "BTC g": btc_g, "GUM": [e for e in sets["GUM"] if e.tune]},
            model_a,
        )
    train(training, args.out, args)

    tg.use_model(str(args.out) if args.out != DEFAULT_OUT else None)

    def crf_spans(ex):
        doc = ner_data.document_of(ex)
        return tg.tag_person_spans(ex.text, [(s.start, s.end) for s in doc.sentences], heuristic_marks_of(doc))

    held = {
        "WikiGold held-out": [e for e in sets["WikiGold"] if e.held_out],
        "BTC g held-out": [e for e in ner_data.btc(for_training=False) if e.held_out],
        "GUM held-out (mentions)": [e for e in sets["GUM"] if e.held_out],
    }
    print("CRF alone, exact spans, held-out parts:")
    print("| data | gold | predicted | P | R | F1 |\n|---|---|---|---|---|---|")
    for name, examples in held.items():
        print(fmt(name, *span_prf(examples, crf_spans)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
