"""Derive the compact name and word lists shipped in ``reader/nlp/data/`` from ``../shared/data/nlp/``.

Run from the repository root: ``python tools/build_name_lists.py [--shared ../shared/data/nlp]``.
Output (deterministic, sorted, lowercase, one entry per line):

- ``given_names.txt.gz``   ``name<TAB>m|f|mf<TAB>census rank`` (best rank among male/female lists; 0 = not in
  the census lists; the gender is the census one used at least 4 times as often as the other, "mf" when
  neither dominates; for names outside the census, the Kantrowitz lists it is in) from the US Census 1990
  given names (public domain) and the
  Kantrowitz names corpus (free with credit; its README is kept in ``NAMES_README.txt``).
- ``given_names_world.txt.gz``  ``name<TAB>m|f|mf``: the given names of the ``nomquamgender`` package's data (MIT licence; ``pip install --no-deps nomquamgender``, read as data, not
  imported) that at least ``NQG_SOURCES`` of its sources list, at least ``NQG_COUNT`` times, and that are no
  ordinary English word, place, nationality, month/day, title or organisation word (rank 0, gender from its
  p(female): f at 0.95 or more, m at 0.05 or less, else mf: a wrong gender keeps people apart). Foreign given names the census lists lack
  ("Takuya", "Nader", "Kofi", "Enver", "Suleiman").
- ``surnames.txt.gz``      ``name<TAB>rank`` for the US Census 1990 surnames (public domain), top ``--surnames`` by frequency.
- ``words.txt.gz``         the lowercase entries of the Unix ``words`` list (public domain): ordinary English words.
- ``nationalities.txt``    public-domain gazetteer (nltk gazetteers ``nationalities.txt``), as is.
- ``countries.txt``        public-domain gazetteer (nltk gazetteers ``isocountries.txt``), as is.

The other ``*.txt`` files there are our own hand lists (titles, role nouns, cue words ...), edited by hand and
loaded by ``reader.nlp.people.lexicon.word_list``; this script does not touch them.
"""

from __future__ import annotations

import argparse
import gzip
import importlib.util
import io
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "reader" / "nlp" / "data"

README_HEAD = """Name and word lists used by reader.nlp.people (derived by tools/build_name_lists.py)

given_names.txt.gz  US Census Bureau, 1990 Census name files (dist.male.first, dist.female.first): public domain;
                    merged with the Kantrowitz Names Corpus (male.txt, female.txt), used with credit:
                    Names Corpus, Version 1.3, Copyright (C) 1991 Mark Kantrowitz, additions by Bill Ross.
given_names_world.txt.gz  given names (frequent, in many sources, no English word) from the data of the
                    nomquamgender package 0.1.4 (Ian Van Buskirk, https://github.com/ianvanbuskirk/nomquamgender),
                    MIT licence: Copyright (c) 2022 Ian Van Buskirk. Permission is hereby granted, free of
                    charge, to any person obtaining a copy of this software and associated documentation files
                    (the "Software"), to deal in the Software without restriction, including without limitation
                    the rights to use, copy, modify, merge, publish, distribute, sublicense, and/or sell copies
                    of the Software, and to permit persons to whom the Software is furnished to do so, subject
                    to the following conditions: The above copyright notice and this permission notice shall be
                    included in all copies or substantial portions of the Software. THE SOFTWARE IS PROVIDED "AS
                    IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE
                    WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO
                    EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
                    LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN
                    CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
surnames.txt.gz     US Census Bureau, 1990 Census name file dist.all.last: public domain.
words.txt.gz        Unix "words" list (web2, Webster's Second International, 1934), lowercase entries: public domain.
nationalities.txt   nltk gazetteers nationalities.txt: public domain.
countries.txt       nltk gazetteers isocountries.txt: public domain.

The Kantrowitz corpus README, which must accompany any copy of names derived from it, follows verbatim.
----------------------------------------------------------------------------------------------------------
"""


def _write_gz(path: Path, lines: list[str]) -> None:
    data = ("\n".join(lines) + "\n").encode("utf-8")
    with open(path, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as fh:
        fh.write(data)


def _census(path: Path) -> list[str]:
    return [line.split()[0].lower() for line in path.read_text(encoding="ascii").splitlines() if line.strip()]


def _census_freq(path: Path) -> dict[str, float]:
    out: dict[str, float] = {}
    for line in path.read_text(encoding="ascii").splitlines():
        if line.strip():
            parts = line.split()
            out[parts[0].lower()] = float(parts[1])
    return out


DOMINANT = 4.0  # a census gender used at least this many times as often as the other is the name's gender
NQG_ONE_GENDER = 0.95  # share of one gender in the nomquamgender data for a world name to have that gender
NQG_SOURCES = 10  # a nomquamgender name listed by at least this many of its sources...
NQG_COUNT = 300  # ...and counted at least this many times


def nqg_data() -> Path | None:
    """The name data file of the installed ``nomquamgender`` package (found, not imported: it needs pandas)."""
    spec = importlib.util.find_spec("nomquamgender")
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "name_data.json"
    return path if path.exists() else None


def nqg_given_names(path: Path, known: set[str], ordinary: set[str]) -> dict[str, set[str]]:
    """Given names of the nomquamgender data that no list here has (see the module docstring), with gender."""
    sys.path.insert(0, str(ROOT))
    from reader.nlp.people import lexicon as lx

    out: dict[str, set[str]] = {}
    for name, (sources, count, p_female, *_rest) in json.loads(path.read_text("utf-8")).items():
        if not (name.isascii() and name.isalpha() and len(name) >= 3 and sources >= NQG_SOURCES and count >= NQG_COUNT):
            continue
        if name in known or name in ordinary or name in lx.places() or name in lx.nationalities():
            continue
        if name in lx.MONTHS_DAYS or lx.is_title_head(name, roles=True) or name in lx.ORG_CUES:
            continue
        # a gender only when the sources nearly agree: "petya" (0.91) is a Bulgarian woman and a Russian boy
        out[name] = {"f"} if p_female >= NQG_ONE_GENDER else {"m"} if p_female <= 1 - NQG_ONE_GENDER else {"m", "f"}
    return out


def build(shared: Path, n_surnames: int) -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    genders: dict[str, set[str]] = {}
    ranks: dict[str, int] = {}
    census = shared / "census_1990"
    for gender, member in (("m", "dist.male.first"), ("f", "dist.female.first")):
        for rank, name in enumerate(_census(census / member), 1):
            genders.setdefault(name, set()).add(gender)
            ranks[name] = min(ranks.get(name, rank), rank)
    with zipfile.ZipFile(shared / "names.zip") as zf:
        for member, g in (("names/male.txt", "m"), ("names/female.txt", "f")):
            for line in zf.read(member).decode("latin-1").splitlines():
                name = line.strip().lower()
                if name and name.isalpha():
                    genders.setdefault(name, set()).add(g)
        names_readme = zf.read("names/README").decode("latin-1")
    # census names: the census decides, by the dominant frequency ("peter" is male although 0.001% of women
    # are Peter; "bill" is male although the Kantrowitz female list has it)
    male, female = _census_freq(census / "dist.male.first"), _census_freq(census / "dist.female.first")
    for name in male.keys() | female.keys():
        fm, ff = male.get(name, 0.0), female.get(name, 0.0)
        genders[name] = {"m"} if fm >= DOMINANT * ff else {"f"} if ff >= DOMINANT * fm else {"m", "f"}
    with zipfile.ZipFile(shared / "words.zip") as zf:
        words = {w.strip() for w in zf.read("words/en").decode("utf-8").splitlines()}
    nqg = nqg_data()
    if nqg is None:
        sys.exit("nomquamgender is not installed: pip install --no-deps 'nomquamgender>=0.1.4,<0.2'")
    world = nqg_given_names(nqg, set(genders), {w for w in words if w and w[0].islower()})
    _write_gz(
        OUT / "given_names.txt.gz",
        [f"{n}\t{''.join(sorted(g, reverse=True))}\t{ranks.get(n, 0)}" for n, g in sorted(genders.items())],
    )
    _write_gz(OUT / "given_names_world.txt.gz", [f"{n}\t{''.join(sorted(g, reverse=True))}" for n, g in sorted(world.items())])

    surnames = _census(census / "dist.all.last")[:n_surnames]
    _write_gz(OUT / "surnames.txt.gz", [f"{n}\t{i + 1}" for i, n in enumerate(surnames)])

    _write_gz(OUT / "words.txt.gz", sorted(w for w in words if w and w[0].islower() and w.isalpha()))

    with zipfile.ZipFile(shared / "gazetteers.zip") as zf:
        for member, target in (("gazetteers/nationalities.txt", "nationalities.txt"), ("gazetteers/isocountries.txt", "countries.txt")):
            raw = zf.read(member)
            try:
                text = raw.decode("utf-8")
            except UnicodeDecodeError:
                text = raw.decode("latin-1")
            lines = sorted({line.strip() for line in text.splitlines() if line.strip()})
            (OUT / target).write_text("\n".join(lines) + "\n", encoding="utf-8")

    (OUT / "NAMES_README.txt").write_text(README_HEAD + names_readme, encoding="utf-8")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=ROOT.parent / "shared" / "data" / "nlp")
    parser.add_argument("--surnames", type=int, default=40000, help="how many census surnames to keep (by frequency)")
    args = parser.parse_args()
    build(args.shared, args.surnames)
    for path in sorted(OUT.iterdir()):
        print(f"{path.stat().st_size:>9}  {path.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
