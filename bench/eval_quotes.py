"""Evaluate quote attribution (reader.nlp.quotes) against our own gold annotations.

Gold: ``tests/data/seed_quotes_gold.json`` (the sample article) and ``bench/gold/quotes/*.json`` (the other
sample articles, the Wikinews samples and Pride and Prejudice chapters I-II from ../shared/data; for those only
offsets and speaker names are stored). Each gold quote has ``start``, ``end`` and ``speaker`` (a name, or null
when the text does not say who spoke); ``accept`` maps a gold speaker to the other People-list display names that
count as them (besides the speaker's own name: "Bennet" for Mr. Bennet when the list has no title).

A predicted quote matches the gold quote it overlaps. Attribution precision = right speakers / quotes given a
speaker; recall = right speakers / gold quotes with a speaker. Sets: news (articles) and novel (dialogue), and
their held-out parts (gold files whose ``note`` says they were annotated before any rule was changed for them)
and the rest ("tuned-on": the gold the rules were developed against). "news held-out, written" are articles written
for this evaluation (``bench/gold/quotes/texts/``, several speakers, pronouns, interrupted quotes, "according to",
a spokeswoman speaking for someone), annotated by reading before their attributions were looked at; "news tuned-on,
written r7" are articles written the same way in round 7 (``texts/tuned_*``), whose misses the rules were fixed on.
The other gold was drafted from the program's output and then corrected by reading each quote (so it may
favour the program on borderline cases).
Sets whose source is in ../shared/data are skipped when that folder is absent.

Run: ``python bench/eval_quotes.py [--misses | --misses-all]`` (``--misses`` prints each tuned-on gold speaker not
found, in context, for error analysis; ``--misses-all`` the held-out ones too, and their wrong speakers, which are
otherwise counted without being printed) from the repository root (``READER_SHARED_DATA=/path/to/shared/data`` elsewhere).
"""

from __future__ import annotations

import json
import os
import sys
import time
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("READER_SHARED_DATA", ROOT.parent / "shared" / "data"))  # override from a worktree
sys.path.insert(0, str(ROOT))

from reader.document.build import document_from_plain_text  # noqa: E402
from reader.document.load import load_document  # noqa: E402
from reader.nlp.people import find_people  # noqa: E402
from reader.nlp.quotes import find_quotes  # noqa: E402

GOLD = [ROOT / "tests" / "data" / "seed_quotes_gold.json", *sorted((ROOT / "bench" / "gold" / "quotes").glob("*.json"))]


def fold(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name.casefold())
    return " ".join("".join(ch for ch in decomposed if not unicodedata.combining(ch)).split())


def source_path(source: str) -> Path:
    local = ROOT / source.split("#")[0]
    return local if local.exists() else SHARED / source.split("#")[0]


def load(source: str):
    """A gold file's document: a path, or ``file.jsonl#N`` for the Nth article of a JSON Lines file (GUM)."""
    path = source_path(source)
    if "#" not in source:
        return load_document(str(path))
    index = int(source.split("#")[1])
    with path.open(encoding="utf-8") as lines:
        row = json.loads(next(line for i, line in enumerate(lines) if i == index))
    return document_from_plain_text(row["article"], source)


def show_miss(path: Path, doc, g: dict, q, names: dict[str, str]) -> None:
    """One missed gold attribution with the text around it (``--misses``), for error analysis."""
    context = doc.text[max(0, g["start"] - 200): g["end"] + 120].replace("\n", " ¶ ")
    got = "no quote" if q is None else ("no speaker" if q.speaker is None else f"{names[q.speaker]} ({q.how})")
    print(f"  MISS {path.stem} {g['start']}: gold {g['speaker']}, got {got}\n      {context}")


def score_file(path: Path, misses: bool = False, errors: bool = True) -> dict[str, int] | None:
    gold = json.loads(path.read_text("utf-8"))
    src = source_path(gold["source"])
    if not src.exists():
        return None
    doc = load(gold["source"])
    people = find_people(doc)
    names = {p.key: p.name for p in people}
    lo, hi = gold.get("range", [0, len(doc.text)])
    predicted = [q for q in find_quotes(doc, people) if lo <= q.span.start < hi]
    accept = gold.get("accept", {})
    counts = {"gold_quotes": len(gold["quotes"]), "found": 0, "gold_attributed": 0, "attributed": 0, "right": 0}
    for g in gold["quotes"]:
        if g["speaker"]:
            counts["gold_attributed"] += 1
    for q in predicted:
        match = next((g for g in gold["quotes"] if q.span.start < g["end"] and g["start"] < q.span.end), None)
        if match is not None:
            counts["found"] += 1
        if q.speaker is None:
            continue
        counts["attributed"] += 1
        if match is None or not match["speaker"]:
            if errors:
                print(f"  {path.stem}: {q.span.start} attributed to {names[q.speaker]}, gold: no speaker")
            continue
        ok = {fold(n) for n in [match["speaker"], *accept.get(match["speaker"], [])]}
        if fold(names[q.speaker]) in ok:
            counts["right"] += 1
        elif errors:
            print(f"  {path.stem}: {q.span.start} attributed to {names[q.speaker]} ({q.how}), gold: {match['speaker']}")
    if misses:
        for g in gold["quotes"]:
            q = next((q for q in predicted if q.span.start < g["end"] and g["start"] < q.span.end), None)
            if g["speaker"] and (q is None or q.speaker is None):
                show_miss(path, doc, g, q, names)
    return counts


def main() -> int:
    totals: dict[str, dict[str, int]] = {}
    started = time.perf_counter()
    for path in GOLD:
        gold_note = json.loads(path.read_text("utf-8")).get("note", "")
        held_out = gold_note.startswith("held out")
        # misses are printed for the tuned-on gold only (the held-out gold is not for error analysis), unless asked
        # so are the wrong speakers: counted for every file, printed for the held-out ones only with --misses-all
        counts = score_file(path, misses="--misses-all" in sys.argv or ("--misses" in sys.argv and not held_out),
                            errors="--misses-all" in sys.argv or not held_out)
        if counts is None:
            print(f"skip {path.name}: its source is not in ../shared/data")
            continue
        group = "novel" if "pride" in path.stem else "news"
        groups = [group, f"{group} held-out" if held_out else f"{group} tuned-on"]
        if "fresh check" in gold_note:  # the newest held-out articles, also reported on their own
            groups.append(f"{group} held-out, fresh")
        if "written check" in gold_note:  # articles written for the evaluation (bench/gold/quotes/texts), held out
            groups.append(f"{group} held-out, written")
            if "(r6-quotes" in gold_note:  # the newest of them, never measured before round 6 ended
                groups.append(f"{group} held-out, written r6")
        if "written for round 7" in gold_note:  # tuned-on articles written for error analysis (texts/tuned_*)
            groups.append(f"{group} tuned-on, written r7")
        if held_out and path.stem.startswith("gum_"):  # the real Wikinews articles (GUM) among the held-out
            groups.append(f"{group} held-out, GUM")
        for name in groups:
            total = totals.setdefault(name, dict.fromkeys(counts, 0))
            for k, v in counts.items():
                total[k] += v
        print(f"{path.stem:28} quotes {counts['found']}/{counts['gold_quotes']}  attributed {counts['attributed']}"
              f"  right {counts['right']}  gold with speaker {counts['gold_attributed']}")
    for group, t in totals.items():
        precision = t["right"] / t["attributed"] if t["attributed"] else 0.0
        recall = t["right"] / t["gold_attributed"] if t["gold_attributed"] else 0.0
        print(f"{group}: attribution precision {precision:.3f}  recall {recall:.3f}  "
              f"({t['right']} right of {t['attributed']} attributed, {t['gold_attributed']} gold with a speaker; "
              f"quotes found {t['found']}/{t['gold_quotes']})")
    print(f"({time.perf_counter() - started:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
