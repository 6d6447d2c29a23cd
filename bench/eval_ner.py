"""Person detection of reader.nlp.people on the dev sets in ../shared/data/dev (never shipped).

Prints, for the held-out part of each set (bench/ner_data.py: the part tools/train_tagger.py never trains on)
and for the whole set (the whole set includes the CRF's training data: it is shown only to compare with the
figures measured before the tagger):

- exact-span person-mention P/R/F1 of ``find_people`` mentions on WikiGold and BTC section g;
- GUM Wikinews: exact-span mention P/R/F1 against the mentions derived from its person clusters, and
  person-level P/R (a found person matches a gold cluster when they share a last name token; recall over the
  singular named persons, precision over all person clusters: as bench/eval_people.py); "named in the text"
  counts for recall only the gold persons whose name occurs in the article text the reader gets (the shared
  GUM texts are cut short: some clusters are named only in the missing part, so no reader can find them);
- time per GUM article (mean and max) and for War and Peace (``find_people`` only, after the Document's
  sentences are split).

Run: ``python bench/eval_ner.py [--heuristic]`` (``--heuristic``: the detector without the CRF, i.e. the
figures before the tagger). ``-v`` prints samples of errors; ``--errors`` prints every miss and false hit of the tune parts in context
(``--training``: the rows say "training part" and count the examples not held out, to choose a rule by
without looking at held-out figures; ``--model /tmp/tune.crfsuite``: a model made by ``tools/train_tagger.py --without-tune``, which has not seen
them; ``--fold K`` with a model trained ``--without-tune --fold K``: WikiGold/BTC g fold K, 0, 1 or 3). Exits 0
with a message if ../shared is absent.
"""

from __future__ import annotations

import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import ner_data  # noqa: E402
from reader.document.build import document_from_plain_text  # noqa: E402
from reader.nlp.people import find_people  # noqa: E402
from reader.nlp.people import tagger as tg  # noqa: E402
from reader.nlp.people.lexicon import norm  # noqa: E402

VERBOSE = "-v" in sys.argv
ERRORS = "--errors" in sys.argv  # every miss and false hit of the tune parts, in context


def _flag_value(flag: str) -> str | None:
    """The word after ``flag`` on the command line ("" when the flag ends it; None when it is absent)."""
    if flag not in sys.argv:
        return None
    i = sys.argv.index(flag) + 1
    return sys.argv[i] if i < len(sys.argv) else ""


MODEL = _flag_value("--model")
TRAINING = "--training" in sys.argv  # rows over the training parts instead of the held-out ones (to choose by)
FOLD = _flag_value("--fold")  # another tune fold (--errors)


def _in_context(text: str, start: int, end: int, width: int = 45) -> str:
    left = text[max(0, start - width) : start].replace("\n", " / ")
    right = text[end : end + width].replace("\n", " / ")
    return f"{left}[[{text[start:end]}]]{right}"


def print_errors(name: str, examples: list[ner_data.Example], found: dict[int, list]) -> None:
    """Misses and false hits of the tune examples (error analysis never reads held-out data; with a model
    trained without the tune part, ``--model``, the CRF has not seen them either), a tab-separated line each:
    set, MISS or FALSE (``~`` when it overlaps a span of the other side), the span in context."""
    for ex in examples:
        if not ex.tune:
            continue
        pred = {(s.start, s.end) for p in found[id(ex)] for s in p.mentions}
        gold = set(ex.gold)
        for kind, spans, other in (("FALSE", pred - gold, gold), ("MISS", gold - pred, pred)):
            for s, e in sorted(spans):
                overlap = any(s < oe and os_ < e for os_, oe in other)
                tag = f"{kind}{'~' if overlap else ''}"
                print(f"{name}\t{tag}\t{_in_context(ex.text, s, e)}")


def _print_first_use(kind: str, text: str, name: str, keys: set[str]) -> None:
    """Every use of the gold person's last-name tokens, in context."""
    uses = [m for k in keys for m in re.finditer(rf"(?<!\w){re.escape(k)}(?!\w)", text, re.IGNORECASE)]
    for m in sorted(uses, key=lambda m: m.start()) or [None]:
        where = _in_context(text, m.start(), m.end()) if m else "(not written)"
        print(f"GUM\t{kind}\t{name}\t{where}")


def prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def mention_row(name: str, examples: list[ner_data.Example], found: dict[int, list]) -> str:
    n_pred = n_gold = tp = 0
    fps: list[str] = []
    fns: list[str] = []
    for ex in examples:
        pred = {(s.start, s.end) for p in found[id(ex)] for s in p.mentions}
        gold = set(ex.gold)
        tp += len(pred & gold)
        n_pred += len(pred)
        n_gold += len(gold)
        fps += [ex.text[s:e] for s, e in sorted(pred - gold)]
        fns += [ex.text[s:e] for s, e in sorted(gold - pred)]
    p, r, f = prf(tp, n_pred, tp, n_gold)
    if VERBOSE:
        print(f"{name} false hits: {fps[:150]}\n{name} misses: {fns[:150]}\n")
    return f"| {name} | {len(examples)} | {n_gold} | {n_pred} | {p:.3f} | {r:.3f} | {f:.3f} |"


def _last_tokens(strings: list[str]) -> set[str]:
    out = set()
    for s in strings:
        toks = [norm(t) for t in s.replace("'s", "").split() if t[:1].isupper() and not ner_data._is_title(t)]
        if toks:
            out.add(toks[-1])
    return out


def _written(text: str, keys: set[str]) -> bool:
    """One of the gold person's last-name tokens occurs in the text (GUM's article text is cut short: some
    clusters name people only in the part that is missing)."""
    return any(re.search(rf"(?<!\w){re.escape(k)}(?!\w)", text, re.IGNORECASE) for k in keys)


def person_row(
    name: str, examples: list[ner_data.Example], found: dict[int, list], errors: bool = False, written: bool = False
) -> str:
    """Person-level P/R; with ``errors`` every missed gold person and extra found person of the tune part is
    printed (tab-separated: GUM, PERSON-MISS or PERSON-FALSE, the name and its first use in context); with
    ``written`` only the gold persons whose name occurs in the article text count for recall."""
    gold_n = gold_hit = found_n = found_hit = 0
    missed: list[str] = []
    extra: list[str] = []
    for ex in examples:
        art = ex.article
        gold = []
        for c in art["named_persons"]:
            if c.get("singular_proper_name"):
                keys = _last_tokens(c["name_strings"] + ([c["identity"]] if c.get("identity") else []))
                if keys and (not written or _written(ex.text, keys)):
                    gold.append((c.get("identity") or c["name_strings"][0], keys))
        every = [_last_tokens(c["name_strings"] + ([c["identity"]] if c.get("identity") else [])) for c in art["persons"]]
        people = found[id(ex)]
        found_keys = [{norm(a.split()[-1]) for a in p.aliases} for p in people]
        gold_n += len(gold)
        for gname, keys in gold:
            if any(keys & fk for fk in found_keys):
                gold_hit += 1
            else:
                missed.append(gname)
                if errors and ex.tune:
                    _print_first_use("PERSON-MISS", ex.text, gname, keys)
        found_n += len(people)
        for p, fk in zip(people, found_keys):
            if any(keys & fk for keys in every):
                found_hit += 1
            else:
                extra.append(p.name)
                if errors and ex.tune:
                    m = p.mentions[0]
                    print(f"GUM\tPERSON-FALSE\t{p.name}\t{_in_context(ex.text, m.start, m.end)}")
    p, r, f = prf(found_hit, found_n, gold_hit, gold_n)
    if VERBOSE:
        print(f"{name} missed people: {missed}\n{name} extra people: {extra}\n")
    return f"| {name} | {len(examples)} | {gold_n} | {found_n} | {p:.3f} | {r:.3f} | {f:.3f} |"


def run(examples: list[ner_data.Example]) -> tuple[dict[int, list], list[float]]:
    found: dict[int, list] = {}
    times: list[float] = []
    for ex in examples:
        doc = ner_data.document_of(ex)
        doc.sentences  # split before timing: the reader does it once per document
        started = time.perf_counter()
        found[id(ex)] = find_people(doc)
        times.append(time.perf_counter() - started)
    return found, times


def war_and_peace_seconds() -> tuple[float, float] | None:
    path = ner_data.SHARED.parent / "books" / "pg2600.txt"
    if not path.exists():
        candidates = sorted((ner_data.SHARED.parent / "books").glob("*2600*"))
        if not candidates:
            return None
        path = candidates[0]
    doc = document_from_plain_text(path.read_text("utf-8", errors="replace"), str(path))
    doc.sentences
    started = time.perf_counter()
    cpu = time.process_time()
    find_people(doc)
    return time.perf_counter() - started, time.process_time() - cpu


def main() -> int:
    if not ner_data.available():
        print(f"skipped: {ner_data.SHARED} is not available (evaluation data is not shipped with the project)")
        return 0
    if FOLD is not None:
        if not FOLD.isdigit() or int(FOLD) not in (0, 1, 2, 3):
            print(f"--fold must be 0, 1, 2 or 3, not {FOLD!r}", file=sys.stderr)
            return 2
        ner_data.set_tune_fold(int(FOLD))
    if MODEL is not None and not Path(MODEL).is_file():
        print(f"--model needs a model file, not {MODEL!r}", file=sys.stderr)
        return 2
    if "--heuristic" in sys.argv:
        tg.ENABLED = False
    if MODEL:
        tg.use_model(MODEL)
    print(f"tagger: {'on' if tg.ENABLED and tg.model_available() else 'off'}")
    wikigold = ner_data.wikigold()
    btc_g = [e for e in ner_data.btc(for_training=False) if e.source == "btc-g"]
    gum = ner_data.gum()
    rows = ["| data | docs | gold | predicted | P | R | F1 |", "|---|---|---|---|---|---|---|"]
    timings: list[float] = []
    for name, examples in (("WikiGold PER exact", wikigold), ("BTC g PER exact", btc_g), ("GUM mentions exact", gum)):
        found, times = run(examples)
        if name.startswith("GUM"):
            timings = times
        held = [e for e in examples if e.held_out != TRAINING]
        if ERRORS:
            print_errors(name.split(" PER")[0].split(" mentions")[0], examples, found)
        rows.append(mention_row(f"{name}, held-out", held, found))
        rows.append(mention_row(f"{name}, all", examples, found))
        if name.startswith("GUM"):
            rows.append(person_row("GUM persons (person-level), held-out", held, found))
            rows.append(person_row("GUM persons (person-level), all", examples, found, ERRORS))
            rows.append(person_row("GUM persons named in the text, held-out", held, found, written=True))
            rows.append(person_row("GUM persons named in the text, all", examples, found, written=True))
    print("\n".join(row.replace("held-out", "training part") if TRAINING else row for row in rows))
    print(f"time per GUM article: mean {sum(timings) / len(timings):.3f} s, max {max(timings):.3f} s")
    wp = war_and_peace_seconds()
    if wp is not None:
        print(f"War and Peace find_people: {wp[0]:.2f} s wall, {wp[1]:.2f} s CPU")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
