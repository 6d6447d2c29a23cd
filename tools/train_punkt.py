"""Train the Punkt sentence-splitter parameters that ship in ``reader/document/data/punkt_en.json``.

Training text: the public-domain US presidential speeches in ``../shared/data/nlp/`` (state_union.zip,
inaugural.zip), plus a hand list of abbreviations common in news that speeches rarely contain.
Run once: ``python tools/train_punkt.py [SHARED_NLP_DIR]``. Deterministic for the same input.
"""

from __future__ import annotations

import json
import sys
import zipfile
from pathlib import Path

from nltk.tokenize.punkt import PunktTrainer

# Abbreviations that end with a period but rarely end a sentence in news and books (lowercase, no final dot).
EXTRA_ABBREVIATIONS = """
mr mrs ms dr prof sr jr st mt ft rev fr hon gov sen rep reps sens gen lt col maj capt cmdr adm sgt cpl pvt
supt insp det atty pres supt messrs mme mlle esq
jan feb mar apr jun jul aug sep sept oct nov dec
mon tue tues wed thu thur thurs fri sat sun
inc co corp ltd llc bros assn dept univ est approx vs etc e.g i.e cf al viz
no nos vol vols pp p ch fig figs ed eds op sec art
ave blvd rd hwy mass calif conn fla ill ind kan md mich minn miss mo neb nev okla ore pa penn tenn tex va vt wash wis wyo ariz colo del ga ky la
u.s u.k u.n u.s.a d.c a.m p.m e.u n.y l.a
""".split()


def training_text(nlp_dir: Path) -> str:
    parts: list[str] = []
    for name in ("state_union.zip", "inaugural.zip"):
        with zipfile.ZipFile(nlp_dir / name) as archive:
            for info in sorted(archive.infolist(), key=lambda i: i.filename):
                if info.filename.endswith(".txt"):
                    parts.append(archive.read(info).decode("utf-8", "replace"))
    return "\n\n".join(parts)


def main() -> None:
    nlp_dir = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared/data/nlp"
    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    trainer.train(training_text(nlp_dir), finalize=True)
    params = trainer.get_params()
    abbreviations = set(params.abbrev_types) | set(EXTRA_ABBREVIATIONS)
    # Single letters are initials ("George W. Bush"); Punkt's orthographic heuristic handles them, but listing
    # them makes "W." reliably non-final.
    abbreviations |= set("abcdefghijklmnopqrstuvwxyz")
    data = {
        "about": "Punkt parameters trained by tools/train_punkt.py on public-domain US presidential speeches",
        "abbrev_types": sorted(abbreviations),
        "collocations": sorted([list(c) for c in params.collocations]),
        "sent_starters": sorted(params.sent_starters),
        "ortho_context": dict(sorted(params.ortho_context.items())),
    }
    out = Path(__file__).resolve().parents[1] / "reader/document/data/punkt_en.json"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    print(f"wrote {out}: {len(data['abbrev_types'])} abbreviations, {len(data['collocations'])} collocations, "
          f"{len(data['sent_starters'])} sentence starters, {len(data['ortho_context'])} ortho entries")


if __name__ == "__main__":
    main()
