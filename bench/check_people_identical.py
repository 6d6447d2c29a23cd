"""Fingerprints of the whole people output, per input: proof that a speed-up changed nothing.

For every input the people stage's result (``find_people``: each person's name, key, aliases, titles and every
mention span, in list order) is hashed (SHA-256, first 16 hex digits). Inputs: the four books in
../shared/data/books, every file in sample_articles/, the Wikinews samples in ../shared/data/samples, and the
dev sets that bench/eval_ner.py, bench/eval_people.py and bench/eval_novel_people.py read (WikiGold documents,
every Broad Twitter Corpus section, GUM Wikinews; one fingerprint per set, over its documents in order).

Run: ``python bench/check_people_identical.py [--save FILE] [--compare FILE] [--only books,articles,dev]
[--heuristic]``
(``READER_SHARED_DATA=/path/to/shared/data`` from a git worktree). ``--save`` writes the fingerprints (and one
per dev document, to find what changed) as JSON; ``--compare`` prints, per input, whether it matches the saved
one and exits 1 when any differs. ``--heuristic`` fingerprints the detector without the CRF (what
``bench/eval_ner.py --heuristic`` and ``tools/train_tagger.py`` read). Inputs whose data is absent are skipped with a message.
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.shared_data import shared_data  # noqa: E402
from reader.document.load import load_document  # noqa: E402
from reader.nlp.people import find_people  # noqa: E402
from reader.nlp.results import Person  # noqa: E402

SHARED = Path(os.environ.get("READER_SHARED_DATA") or shared_data())


def fingerprint(people: list[Person]) -> str:
    """A short hash of everything the people stage returns, in order."""
    digest = hashlib.sha256()
    for p in people:
        record = [p.name, p.key, list(p.aliases), list(p.titles), [(m.start, m.end) for m in p.mentions]]
        digest.update(json.dumps(record, ensure_ascii=False).encode("utf-8"))
        digest.update(b"\n")
    return digest.hexdigest()[:16]


def file_inputs() -> list[tuple[str, Path]]:
    """(group, path) of the books, the sample articles and the Wikinews samples that exist."""
    out = [("books", p) for p in sorted((SHARED / "books").glob("*.txt")) if not p.name.startswith("LICENSE")]
    out += [("articles", p) for p in sorted((ROOT / "sample_articles").iterdir()) if p.is_file() and p.name != "README.md"]
    out += [("articles", p) for p in sorted((SHARED / "samples").glob("wikinews_*.txt"))]
    return out


def dev_sets() -> dict[str, list]:
    """Dev set name -> its examples, as bench/ner_data.py reads them (empty when absent)."""
    import bench.ner_data as ner_data

    if not ner_data.available():
        return {}
    btc = ner_data.btc(for_training=False)
    sets: dict[str, list] = {"wikigold": ner_data.wikigold(), "gum": ner_data.gum()}
    for ex in btc:
        sets.setdefault(ex.source, []).append(ex)
    return sets


def run(groups: set[str]) -> dict[str, dict]:
    """Input name -> {"fp": fingerprint, "people": count, "docs": per-document fingerprints (dev sets)}."""
    results: dict[str, dict] = {}
    for group, path in file_inputs():
        if group not in groups:
            continue
        people = find_people(load_document(str(path)))
        results[f"{group}/{path.name}"] = {"fp": fingerprint(people), "people": len(people)}
        print(f"{group}/{path.name}\t{results[f'{group}/{path.name}']['fp']}\t{len(people)} people", flush=True)
    if "dev" in groups:
        import bench.ner_data as ner_data

        sets = dev_sets()
        if not sets:
            print(f"dev sets skipped: {ner_data.SHARED} is not available")
        for name, examples in sets.items():
            docs = [fingerprint(find_people(ner_data.document_of(ex))) for ex in examples]
            whole = hashlib.sha256("\n".join(docs).encode()).hexdigest()[:16]
            results[f"dev/{name}"] = {"fp": whole, "people": len(docs), "docs": docs}
            print(f"dev/{name}\t{whole}\t{len(docs)} documents", flush=True)
    return results


def compare(results: dict[str, dict], saved: dict[str, dict]) -> bool:
    same = True
    for name, now in results.items():
        before = saved.get(name)
        if before is None:
            print(f"{name}\tnot in the saved file")
            continue
        ok = before["fp"] == now["fp"]
        same &= ok
        line = f"{name}\t{'identical' if ok else 'DIFFERENT'}"
        if not ok and "docs" in now:
            changed = [i for i, (a, b) in enumerate(zip(before["docs"], now["docs"])) if a != b]
            line += f" (documents {changed[:20]})"
        print(line)
    return same


def main(argv: list[str]) -> int:
    groups = {"books", "articles", "dev"}
    if "--heuristic" in argv:
        from reader.nlp.people import tagger

        tagger.ENABLED = False
    if "--only" in argv:
        groups = set(argv[argv.index("--only") + 1].split(","))
    results = run(groups)
    if "--save" in argv:
        Path(argv[argv.index("--save") + 1]).write_text(json.dumps(results, indent=1), "utf-8")
    if "--compare" in argv:
        saved = json.loads(Path(argv[argv.index("--compare") + 1]).read_text("utf-8"))
        return 0 if compare(results, saved) else 1
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
