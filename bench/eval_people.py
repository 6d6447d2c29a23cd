"""Evaluate reader.nlp.people on public NER data in ../shared/data (never shipped with the project).

- WikiGold (Wikipedia, IO tags; documents split at -DOCSTART-) and BTC section g (tweets from news accounts,
  BIO tags; one document per tweet): person-mention precision/recall/F1, exact spans and partial (overlap).
  Text is rebuilt by joining tokens with spaces, one sentence per line.
- GUM Wikinews (24 news articles): person-level recall against the gold clusters of named persons
  (``named_persons`` with ``singular_proper_name``; a found person matches a gold cluster when one of its name
  forms shares its last token with one of the cluster's name strings or identity); precision against all
  person clusters (``persons``), since GUM also clusters people it does not count as named. GUM's "person"
  type includes groups and fictional characters ("Taliban", "Rohingya", "Nightwing"), which caps recall.

Run: ``python bench/eval_people.py`` from the repository root. Exits 0 with a message if ../shared is absent.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.ner_data import read_conll  # noqa: E402  (one CoNLL reader for every NER evaluation)
from bench.shared_data import shared_data  # noqa: E402

SHARED = shared_data() / "dev"

from reader.document.build import document_from_plain_text  # noqa: E402
from reader.document.model import Document, Metadata, Paragraph  # noqa: E402
from reader.nlp.people import find_people  # noqa: E402
from reader.nlp.people.lexicon import TITLE_HEADS, TITLE_MODIFIERS, norm  # noqa: E402


def build(doc: list[list[tuple[str, str]]]) -> tuple[str, list[tuple[int, int]]]:
    """Text (tokens joined by spaces, a sentence per line) and gold PER spans."""
    lines: list[str] = []
    gold: list[tuple[int, int]] = []
    offset = 0
    for sent in doc:
        parts: list[str] = []
        pos = offset
        current: list[int] | None = None
        prev_tag = "O"
        for token, tag in sent:
            start = pos
            end = start + len(token)
            is_per = tag.endswith("PER")
            begins = is_per and (tag.startswith("B-") or not prev_tag.endswith("PER"))
            if current is not None and (not is_per or begins):
                gold.append((current[0], current[1]))
                current = None
            if is_per:
                if current is None:
                    current = [start, end]
                else:
                    current[1] = end
            parts.append(token)
            pos = end + 1
            prev_tag = tag
        if current is not None:
            gold.append((current[0], current[1]))
        line = " ".join(parts)
        lines.append(line)
        offset += len(line) + 1
    return "\n".join(lines), gold


def predict(text: str) -> list[tuple[int, int]]:
    # The Document is built directly (a paragraph per line) so gold offsets stay valid: the plain-text
    # builder would sanitise characters and change line separators.
    paragraphs, pos = [], 0
    for line in text.split("\n"):
        if line:
            paragraphs.append(Paragraph(pos, pos + len(line)))
        pos += len(line) + 1
    doc = Document(text, tuple(paragraphs), Metadata(source="eval"))
    return [(s.start, s.end) for p in find_people(doc) for s in p.mentions]


def prf(tp_p: int, n_pred: int, tp_g: int, n_gold: int) -> tuple[float, float, float]:
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def eval_conll(name: str, path: Path, per_tweet: bool) -> list[str]:
    docs = read_conll(path, per_tweet)
    n_pred = n_gold = exact = over_p = over_g = 0
    started = time.perf_counter()
    examples_fp: list[str] = []
    examples_fn: list[str] = []
    for doc in docs:
        text, gold = build(doc)
        if not text.strip():
            continue
        pred = predict(text)
        gold_set, pred_set = set(gold), set(pred)
        n_pred += len(pred_set)
        n_gold += len(gold_set)
        exact += len(gold_set & pred_set)
        for s, e in pred_set:
            if any(s < ge and gs < e for gs, ge in gold_set):
                over_p += 1
            elif len(examples_fp) < 120:
                examples_fp.append(text[s:e])
        for s, e in gold_set:
            if any(s < pe and ps < e for ps, pe in pred_set):
                over_g += 1
            elif len(examples_fn) < 120:
                examples_fn.append(text[s:e])
    elapsed = time.perf_counter() - started
    p, r, f = prf(exact, n_pred, exact, n_gold)
    op, or_, of = prf(over_p, n_pred, over_g, n_gold)
    rows = [
        f"| {name} exact | {len(docs)} | {n_gold} | {n_pred} | {p:.3f} | {r:.3f} | {f:.3f} | {elapsed:.1f} s |",
        f"| {name} overlap | {len(docs)} | {n_gold} | {n_pred} | {op:.3f} | {or_:.3f} | {of:.3f} | |",
    ]
    if "-v" in sys.argv:
        print(f"{name} false positives (sample): {examples_fp}")
        print(f"{name} missed (sample): {examples_fn}")
    return rows


def _surnames(strings: list[str]) -> set[str]:
    out = set()
    for s in strings:
        toks = [norm(t) for t in s.replace("'s", "").split() if t[:1].isupper()]
        toks = [t for t in toks if t not in TITLE_HEADS and t not in TITLE_MODIFIERS]
        if toks:
            out.add(toks[-1])
    return out


def eval_wikinews(path: Path) -> list[str]:
    gold_n = gold_hit = found_n = found_hit = 0
    missed: list[str] = []
    extra: list[str] = []
    started = time.perf_counter()
    for line in path.read_text("utf-8").splitlines():
        art = json.loads(line)
        clusters = [c for c in art["named_persons"] if c.get("singular_proper_name")]
        gold = [(c.get("identity") or c["name_strings"][0], _surnames(c["name_strings"] + ([c["identity"]] if c.get("identity") else []))) for c in clusters]
        gold = [(name, keys) for name, keys in gold if keys]
        doc = document_from_plain_text(art["article"], art.get("id", "wikinews"))
        found = find_people(doc)
        found_keys = [{norm(a.split()[-1]) for a in p.aliases} for p in found]
        gold_n += len(gold)
        for name, keys in gold:
            if any(keys & fk for fk in found_keys):
                gold_hit += 1
            elif len(missed) < 200:
                missed.append(name)
        found_n += len(found)
        every = [_surnames(c["name_strings"] + ([c["identity"]] if c.get("identity") else [])) for c in art["persons"]]
        for p, fk in zip(found, found_keys):
            if any(keys & fk for keys in every):
                found_hit += 1
            elif len(extra) < 40:
                extra.append(p.name)
    elapsed = time.perf_counter() - started
    p, r, f = prf(found_hit, found_n, gold_hit, gold_n)
    if "-v" in sys.argv:
        print(f"wikinews missed: {missed}")
        print(f"wikinews found but not gold: {extra}")
    return [f"| GUM Wikinews persons (person-level) | 24 | {gold_n} | {found_n} | {p:.3f} | {r:.3f} | {f:.3f} | {elapsed:.1f} s |"]


def eval_seed() -> list[str]:
    """Mention-level scores on the seed article against tests/data/seed_people_gold.json.

    Gold mentions are every word-bounded occurrence of a gold person's name forms, longest form first.
    A predicted mention is correct when its span is a gold span of the gold person matched to its predicted
    person (matched by the largest number of shared spans)."""
    import re

    gold_doc = json.loads((ROOT / "tests" / "data" / "seed_people_gold.json").read_text("utf-8"))
    path = ROOT / gold_doc["source"]
    doc = document_from_plain_text(path.read_text("utf-8"), str(path))
    text = doc.text
    forms = sorted(((f, g["name"]) for g in gold_doc["people"] for f in g["forms"]), key=lambda x: -len(x[0]))
    taken = [False] * len(text)
    gold: dict[tuple[int, int], str] = {}
    for form, name in forms:
        pattern = re.escape(form).replace(r"\ ", r"\s+")
        for m in re.finditer(rf"(?<![\w]){pattern}(?![\w])", text):
            if any(taken[m.start() : m.end()]):
                continue
            if form == "Andrej Duda" and text.startswith(" Duda", m.end()):
                span = (m.start(), m.end() + 5)
            else:
                span = m.span()
            for i in range(*span):
                taken[i] = True
            gold[span] = name
    found = find_people(doc)
    n_pred = sum(len(p.mentions) for p in found)
    correct = 0
    for p in found:
        spans = [(s.start, s.end) for s in p.mentions]
        votes: dict[str, int] = {}
        for sp in spans:
            if sp in gold:
                votes[gold[sp]] = votes.get(gold[sp], 0) + 1
        best = max(votes, key=votes.get) if votes else None
        correct += sum(1 for sp in spans if gold.get(sp) == best)
    p_, r_, f_ = prf(correct, n_pred, correct, len(gold))
    return [f"| seed article (mentions, linked to the right person) | 1 | {len(gold)} | {n_pred} | {p_:.3f} | {r_:.3f} | {f_:.3f} | |"]


def main() -> int:
    if not SHARED.exists():
        print(f"skipped: {SHARED} is not available (evaluation data is not shipped with the project)")
        return 0
    rows = ["| data | docs | gold | predicted | P | R | F1 | time |", "|---|---|---|---|---|---|---|---|"]
    rows += eval_seed()
    wikigold = SHARED / "ner" / "wikigold" / "wikigold.conll.txt"
    btc = SHARED / "ner" / "btc" / "g.conll"
    wikinews = SHARED / "summaries" / "gum_wikinews_news.jsonl"
    if wikigold.exists():
        rows += eval_conll("WikiGold PER", wikigold, per_tweet=False)
    if btc.exists():
        rows += eval_conll("BTC g PER", btc, per_tweet=True)
    if wikinews.exists():
        rows += eval_wikinews(wikinews)
    print("\n".join(rows))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
