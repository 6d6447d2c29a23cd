"""Person-annotated dev data from ../shared/data/dev (never shipped), with the fixed train/held-out split that
``tools/train_tagger.py`` trains on and ``bench/eval_ner.py`` reports.

Every example is an :class:`Example`: a text, its sentence spans and the gold person spans (character offsets).

- WikiGold (145 Wikipedia documents, IO tags): tokens joined by spaces, a sentence per line. Held out: every
  fifth document (index % 5 == 4).
- Broad Twitter Corpus, sections a, b, e, f, g, h (a tweet per example). Held out: every fifth tweet of
  section g (news accounts), the section reported; sections a-h are otherwise all training data. For
  training, @handles and title words are stripped from gold spans (the pipeline never names a handle and
  peels titles).
- GUM Wikinews (24 articles): gold spans are the word-bounded occurrences of the name forms of every person
  cluster that is a singular proper name (title words stripped, longest form first), in the text the reader
  builds. Held out: every third article (index % 3 == 2).

The decision thresholds of :mod:`reader.nlp.people.crf_detection` are chosen on a *tune* part of the training
data (WikiGold and BTC g index % 5 == 2, GUM index % 3 == 1) with a model trained without it; the shipped
model is then trained on all training data. Held-out examples are never used for either. For error analysis
on more training data, :func:`set_tune_fold` moves the WikiGold and BTC g tune part to another training fold
(0, 1 or 3; the held-out fold 4 never).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# ../shared/data from the repository root; a git worktree one level deeper (wt/<name>) looks one more up
SHARED = next(
    (p / "shared" / "data" / "dev" for p in (ROOT.parent, ROOT.parent.parent) if (p / "shared" / "data" / "dev").exists()),
    ROOT.parent / "shared" / "data" / "dev",
)
WIKIGOLD = SHARED / "ner" / "wikigold" / "wikigold.conll.txt"
BTC_DIR = SHARED / "ner" / "btc"
GUM = SHARED / "summaries" / "gum_wikinews_news.jsonl"
HELD_OUT_FOLD = 4  # WikiGold and BTC g: index % 5
TUNE_FOLD = 2


def set_tune_fold(fold: int) -> None:
    """Make WikiGold and BTC g fold ``fold`` (index % 5) the tune part: error analysis on another training
    fold, with a model trained ``--without-tune``. The held-out fold is refused."""
    global TUNE_FOLD
    if fold not in range(5) or fold == HELD_OUT_FOLD:
        raise ValueError(f"tune fold must be 0-3, not {fold}")
    TUNE_FOLD = fold


@dataclass
class Example:
    text: str
    sentences: list[tuple[int, int]]
    gold: list[tuple[int, int]]
    source: str
    held_out: bool
    article: dict = field(default_factory=dict)  # GUM only: the raw record
    tune: bool = False  # a training example set aside when the decision thresholds are chosen


def read_conll(path: Path, per_tweet: bool) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (token, tag)."""
    docs: list[list[list[tuple[str, str]]]] = []
    doc: list[list[tuple[str, str]]] = []
    sent: list[tuple[str, str]] = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            if sent:
                doc.append(sent)
                sent = []
            if per_tweet and doc:
                docs.append(doc)
                doc = []
            continue
        parts = line.split("\t") if "\t" in line else line.split(" ")
        token, tag = parts[0], parts[-1]
        if token == "-DOCSTART-":
            if sent:
                doc.append(sent)
                sent = []
            if doc:
                docs.append(doc)
            doc = []
            continue
        sent.append((token, tag))
    if sent:
        doc.append(sent)
    if doc:
        docs.append(doc)
    return docs


def _is_title(token: str) -> bool:
    from reader.nlp.people.lexicon import TITLE_HEADS, TITLE_MODIFIERS, norm

    k = norm(token)
    return k in TITLE_HEADS or k in TITLE_MODIFIERS


def _is_org_or_place(token: str) -> bool:
    from reader.nlp.people import lexicon as lx

    k = lx.norm(token)
    return lx.is_org_cue(k) or k in lx.places() or k in lx.nationalities()


def build(doc: list[list[tuple[str, str]]], clean: bool = False) -> tuple[str, list[tuple[int, int]], list[tuple[int, int]]]:
    """Text (tokens joined by spaces, a sentence per line), sentence spans and gold PER spans. With ``clean``,
    leading title words and @handles are dropped from gold spans."""
    lines: list[str] = []
    sentences: list[tuple[int, int]] = []
    gold: list[tuple[int, int]] = []
    offset = 0
    for sent in doc:
        spans: list[list[tuple[int, int, str]]] = []
        pos = offset
        prev_tag = "O"
        parts: list[str] = []
        for token, tag in sent:
            start, end = pos, pos + len(token)
            is_per = tag.endswith("PER")
            begins = is_per and (tag.startswith("B-") or not prev_tag.endswith("PER"))
            if is_per:
                if begins or not spans:
                    spans.append([])
                spans[-1].append((start, end, token))
            parts.append(token)
            pos = end + 1
            prev_tag = tag if is_per else "O"
        for toks in spans:
            if clean:
                toks = [t for t in toks if not t[2].startswith(("@", "#"))]
                while toks and _is_title(toks[0][2]) and len(toks) > 1:
                    toks = toks[1:]
            if toks:
                gold.append((toks[0][0], toks[-1][1]))
        line = " ".join(parts)
        lines.append(line)
        sentences.append((offset, offset + len(line)))
        offset += len(line) + 1
    return "\n".join(lines), sentences, gold


def wikigold() -> list[Example]:
    out = []
    for i, doc in enumerate(read_conll(WIKIGOLD, per_tweet=False)):
        text, sents, gold = build(doc)
        if text.strip():
            out.append(Example(text, sents, gold, "wikigold", i % 5 == HELD_OUT_FOLD, tune=i % 5 == TUNE_FOLD))
    return out


def btc(for_training: bool) -> list[Example]:
    """Section g's held-out fifth is marked ``held_out``; with ``for_training`` gold spans are cleaned."""
    out = []
    for section in "abefgh":
        path = BTC_DIR / f"{section}.conll"
        if not path.exists():
            continue
        for i, doc in enumerate(read_conll(path, per_tweet=True)):
            text, sents, gold = build(doc, clean=for_training)
            if text.strip():
                out.append(
                    Example(
                        text,
                        sents,
                        gold,
                        f"btc-{section}",
                        section == "g" and i % 5 == HELD_OUT_FOLD,
                        tune=section == "g" and i % 5 == TUNE_FOLD,
                    )
                )
    return out


def gum_name_forms(cluster: dict) -> list[str]:
    """Name strings of a cluster with title words (and anything before the last title word) removed."""
    forms = set()
    for s in cluster["name_strings"] + ([cluster["identity"]] if cluster.get("identity") else []):
        toks = [t for t in re.sub(r"['’]s\b", "", s).split() if t]
        cut = 0
        for j, t in enumerate(toks[:-1]):
            if _is_title(t) or not t[:1].isupper() or _is_org_or_place(t):
                cut = j + 1
        toks = toks[cut:]
        if toks and all(t[:1].isupper() for t in toks):
            forms.add(" ".join(toks))
            if len(toks) >= 2:
                forms.add(toks[-1])
    return sorted(forms, key=lambda f: (-len(f), f))


def gum() -> list[Example]:
    from reader.document.build import document_from_plain_text

    out = []
    for i, line in enumerate(GUM.read_text("utf-8").splitlines()):
        art = json.loads(line)
        doc = document_from_plain_text(art["article"], art.get("id", "wikinews"))
        text = doc.text
        taken = [False] * len(text)
        gold = []
        forms = sorted(
            {f for c in art["persons"] if c.get("singular_proper_name") for f in gum_name_forms(c)},
            key=lambda f: (-len(f), f),
        )
        for form in forms:
            pattern = re.escape(form).replace(r"\ ", r"\s+")
            for m in re.finditer(rf"(?<![\w]){pattern}(?![\w])", text):
                if not any(taken[m.start() : m.end()]):
                    taken[m.start() : m.end()] = [True] * (m.end() - m.start())
                    gold.append(m.span())
        sents = [(s.start, s.end) for s in doc.sentences]
        out.append(Example(text, sents, sorted(gold), "gum", i % 3 == 2, art, tune=i % 3 == 1))
    return out


def document_of(ex: Example):
    """The Document the reader would build: GUM through the plain-text builder (its text is ``ex.text``), the
    CoNLL sets directly, a paragraph per line, so gold offsets stay valid."""
    from reader.document.build import document_from_plain_text
    from reader.document.model import Document, Metadata, Paragraph

    if ex.source == "gum":
        return document_from_plain_text(ex.article["article"], ex.article.get("id", "wikinews"))
    paragraphs, pos = [], 0
    for line in ex.text.split("\n"):
        if line:
            paragraphs.append(Paragraph(pos, pos + len(line)))
        pos += len(line) + 1
    return Document(ex.text, tuple(paragraphs), Metadata(source="eval"))


def available() -> bool:
    return WIKIGOLD.exists() and BTC_DIR.exists() and GUM.exists()
