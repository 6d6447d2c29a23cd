"""Evaluate the people list on novels against our own gold lists (bench/gold/novels/*.json).

A gold list names the main characters, the forms the story uses for each ("Mrs. Bennet", "Lizzy"; a form with a
title overrides the bare name: "Miss Bingley" is Caroline, bare "Bingley" is Charles; so does "little"/"young":
"little Nicholas" is the grandson; ``also_named``: display names that are another's form, "Nicholas
Bolkónski"), pairs that must stay apart, places/ships/chapter titles that must not be people, and names of the
front matter that must not be people. A gold whose ``book`` sits beside it (our own stories) is read from there.

Every found mention is given a gold owner by its form: the title written just before it plus the name ("Mrs."
+ "Bennet"), else the bare name, unless the title's gender contradicts that owner ("Mrs. Bingley" is not
Charles); mentions whose form is in no gold list are ignored. Per character:

- entry: the found person holding most of the character's mentions (named by its display name);
- share: the part of the character's mentions in that entry (1.0 = one entry per character);
- forms: the character's gold forms found in that entry / its gold forms found at all;
- foreign: mentions in the entry that belong to another gold character;
- named: the entry's display name is one of the character's forms, or one without its title ("Reynolds" for
  "Mrs. Reynolds"; not "Jane Fairfax" for Jane Bennet);
- ok: found, named, share >= 0.9, foreign <= 5 % of the entry's gold-owned mentions, and no other character's
  entry.

Plus per book: non-people found as people (their name or an alias), front-matter names found, apart pairs
merged, and the score (ok characters / characters). Run: ``python bench/eval_novel_people.py [book-stem ...]``.
"""

from __future__ import annotations

import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.shared_data import shared_data  # noqa: E402
from reader.document.build import document_from_plain_text  # noqa: E402
from reader.nlp.people import find_people  # noqa: E402
from reader.nlp.people import lexicon as lx  # noqa: E402
from reader.nlp.results import Person  # noqa: E402
from reader.nlp.text import fold  # noqa: E402

GOLD = ROOT / "bench" / "gold" / "novels"
_TITLE_BEFORE = re.compile(r"([A-Z][\w]*\.?)[ \t]+\Z")


_AGE_BEFORE = re.compile(r"\b([Ll]ittle|[Yy]oung)[ \t]+\Z")


def age_before(text: str, start: int) -> str | None:
    """"little"/"young" written just before a mention ("little Nicholas": the grandson, not the old prince)."""
    m = _AGE_BEFORE.search(text, max(0, start - 8), start)
    return m.group(1).lower() if m else None


def title_before(text: str, start: int) -> str | None:
    """The title word written just before a mention ("Mrs." before "Bennet"), if any."""
    m = _TITLE_BEFORE.search(text, max(0, start - 16), start)
    if m and lx.is_title_head(lx.norm(m.group(1))):
        return m.group(1)
    return None


def title_gender(title: str | None) -> str | None:
    if title is None:
        return None
    key = lx.norm(title)
    return "m" if key in lx.MALE_TITLES else "f" if key in lx.FEMALE_TITLES else None


class Gold:
    def __init__(self, data: dict) -> None:
        self.book: str = data["book"]
        self.characters: list[dict] = data["characters"]
        self.by_id = {c["id"]: c for c in self.characters}
        self.owner: dict[str, str] = {}
        for c in self.characters:
            for form in c["forms"]:
                self.owner[fold(form)] = c["id"]
        self.apart: list[list[str]] = data.get("apart", [])
        self.not_people = [fold(n) for n in data.get("not_people", [])]
        self.front = [fold(n) for n in data.get("front_matter_names", [])]

    def owner_of(self, text: str, start: int, end: int) -> tuple[str | None, str]:
        surface = text[start:end]
        age = age_before(text, start)
        if age is not None and (owner := self.owner.get(fold(f"{age} {surface}"))) is not None:
            return owner, f"{age} {surface}"
        title = title_before(text, start)
        if title is not None:
            owner = self.owner.get(fold(f"{title} {surface}"))
            if owner is not None:
                return owner, f"{title} {surface}"
        owner = self.owner.get(fold(surface))
        gender = title_gender(title)
        if owner is not None and gender is not None and self.by_id[owner]["gender"] != gender:
            return None, surface
        return owner, surface


def evaluate(gold: Gold, text: str, people: list[Person]) -> tuple[list[dict], dict]:
    held: dict[str, Counter] = defaultdict(Counter)  # character -> person index -> mentions
    forms_in: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    owned_in: list[Counter] = [Counter() for _ in people]  # person -> character -> mentions
    for i, p in enumerate(people):
        for span in p.mentions:
            owner, form = gold.owner_of(text, span.start, span.end)
            if owner is None:
                continue
            held[owner][i] += 1
            forms_in[owner][i].add(fold(form))
            owned_in[i][owner] += 1
    rows: list[dict] = []
    entry_of: dict[str, int] = {}
    for c in gold.characters:
        cid = c["id"]
        total = sum(held[cid].values())
        if not total:
            rows.append({"id": cid, "name": c["name"], "entry": "-", "share": 0.0, "forms": "0/0", "foreign": 0, "ok": False})
            continue
        entry, n = held[cid].most_common(1)[0]
        entry_of[cid] = entry
        found_forms = set().union(*forms_in[cid].values())
        own_forms = forms_in[cid][entry]
        foreign = sum(v for k, v in owned_in[entry].items() if k != cid)
        rows.append(
            {
                "id": cid,
                "name": c["name"],
                "entry": people[entry].name,
                "mentions": total,
                "share": n / total,
                "forms": f"{len(own_forms)}/{len(found_forms)}",
                "foreign": foreign,
                "foreign_share": foreign / max(1, sum(owned_in[entry].values())),
            }
        )
    shared_entries = Counter(entry_of.values())
    for row in rows:
        if row["entry"] == "-":
            continue
        alone = shared_entries[entry_of[row["id"]]] == 1
        c = gold.by_id[row["id"]]
        forms = {fold(f) for f in c["forms"] + c.get("also_named", [])} | {fold(c["name"])}
        untitled = {f.split(" ", 1)[1] for f in forms if " " in f and lx.is_title_head(lx.norm(f.split(" ", 1)[0]))}
        row["named"] = fold(row["entry"]) in forms | untitled
        row["ok"] = row["named"] and row["share"] >= 0.9 and row["foreign_share"] <= 0.05 and alone
        row["shared"] = not alone
    names = [(p.name, {fold(a) for a in p.aliases} | {fold(p.name)}) for p in people]
    not_people = sorted({n for n, aliases in names for bad in gold.not_people if bad in aliases or fold(n) == bad})
    front = sorted({n for n, aliases in names for bad in gold.front if bad in aliases or fold(n) == bad})
    merged = [f"{a}+{b}" for a, b in gold.apart if a in entry_of and entry_of.get(a) == entry_of.get(b)]
    ok = sum(1 for r in rows if r["ok"])
    summary = {
        "ok": ok,
        "characters": len(rows),
        "score": ok / len(rows),
        "not_people": not_people,
        "front": front,
        "merged": merged,
        "people": len(people),
    }
    return rows, summary


def main(argv: list[str]) -> int:
    books = shared_data() / "books"
    if not books.exists():
        print(f"{books} is not available (the books are not shipped with the project): only our own story")
    golds = sorted(GOLD.glob("*.json"))
    if argv:
        golds = [g for g in golds if g.stem in argv]
    overall: list[tuple[str, dict]] = []
    for path in golds:
        gold = Gold(json.loads(path.read_text("utf-8")))
        source = GOLD / gold.book if (GOLD / gold.book).exists() else books / gold.book  # our own story ships
        if not source.exists():
            print(f"{gold.book}: skipped (not available)")
            continue
        doc = document_from_plain_text(source.read_text("utf-8-sig"), str(source))
        doc.sentences
        started = time.perf_counter()
        people = find_people(doc)
        elapsed = time.perf_counter() - started
        rows, summary = evaluate(gold, doc.text, people)
        print(f"\n## {path.stem} ({summary['people']} people, find_people {elapsed:.2f} s)\n")
        print("| character | entry | mentions | share in entry | forms in entry | foreign mentions | ok |")
        print("|---|---|---|---|---|---|---|")
        for r in rows:
            flag = "yes" if r["ok"] else "shared entry" if r.get("shared") else "misnamed" if r.get("named") is False else "no"
            print(
                f"| {r['name']} | {r['entry']} | {r.get('mentions', 0)} | {r['share']:.2f} | {r['forms']} | "
                f"{r['foreign']} | {flag} |"
            )
        print(
            f"\nscore {summary['ok']}/{summary['characters']} = {summary['score']:.2f}; "
            f"non-people found: {summary['not_people'] or 'none'}; front matter found: {summary['front'] or 'none'}; "
            f"apart pairs merged: {summary['merged'] or 'none'}"
        )
        overall.append((path.stem, summary))
    if overall:
        print("\n| book | characters ok | score | non-people | front matter | merged pairs |")
        print("|---|---|---|---|---|---|")
        for stem, s in overall:
            print(
                f"| {stem} | {s['ok']}/{s['characters']} | {s['score']:.2f} | {len(s['not_people'])} | "
                f"{len(s['front'])} | {len(s['merged'])} |"
            )
        mean = sum(s["score"] for _, s in overall) / len(overall)
        print(f"\noverall (mean of book scores): {mean:.2f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
