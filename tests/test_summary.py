"""Extractive summaries: every sumy algorithm offline, positions kept exact, books handled by the vectorized
LexRank and bounded candidate pools."""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.document.build import document_from_plain_text
from reader.document.model import Document, Metadata, Paragraph
from reader.nlp.summary import (
    ALGORITHMS,
    DEFAULT_ALGORITHM,
    Summary,
    SummaryCancelled,
    default_count_for,
    default_sentence_count,
    parse_count,
    summarize,
)
from reader.nlp.summary import sumy_adapter
from reader.nlp.summary.features import Stemmer, features_of, stem, stop_words, sumy_words
from reader.nlp.summary.vector_lexrank import lexrank_scores, rank_order
from reader.nlp.summary.guards import is_eligible

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "sample_articles" / "trump_foreign_policy.txt"
# ../shared/data next to the checkout (a git worktree under /work/wt/ has it one level further up)
SHARED_BOOKS = next((p / "shared" / "data" / "books" for p in (ROOT.parent, ROOT.parent.parent)
                     if (p / "shared" / "data" / "books").is_dir()), ROOT.parent / "shared" / "data" / "books")
ALL = list(ALGORITHMS)


@pytest.fixture(scope="module")
def seed() -> Document:
    return document_from_plain_text(SEED.read_text(encoding="utf-8"), str(SEED))


def generated_text(n_words: int, seed: int = 7) -> str:
    """Deterministic English-like text: topical paragraphs drawn from a Zipf-weighted vocabulary."""
    rng = random.Random(seed)
    common = ("the of and to in that was for with on as his by at from they this had not are but".split())
    topics = [
        "river bridge water boat flood bank fisher current stone mill".split(),
        "army general soldier battle march cannon officer horse camp order".split(),
        "council budget school teacher vote mayor tax parent class city".split(),
        "garden flower season rain harvest farmer field apple tree soil".split(),
        "letter sister brother marriage ball dance visit mother daughter house".split(),
    ]
    general = [f"{a}{b}" for a in ("ver", "pro", "sal", "mon", "tri", "bel", "cor", "dun") for b in ("ant", "ist", "ory", "eld", "ine")]
    paragraphs: list[str] = []
    words = 0
    while words < n_words:
        topic = rng.choice(topics)
        sentences = []
        for _ in range(rng.randint(2, 6)):
            length = rng.randint(6, 24)
            tokens = []
            for _ in range(length):
                r = rng.random()
                pool = common if r < 0.45 else topic if r < 0.8 else general
                tokens.append(pool[min(int(rng.paretovariate(1.2)) - 1, len(pool) - 1)])
            sentences.append(" ".join(tokens).capitalize() + ".")
            words += length
        paragraphs.append(" ".join(sentences))
    return "\n\n".join(paragraphs)


def sumy_lexrank(doc: Document, count: int) -> tuple[int, ...]:
    """sumy's own LexRankSummarizer on the whole document, mapped back to sentence indices."""
    feats = features_of(doc)
    positions = list(range(len(feats.candidates)))
    model, sentences = sumy_adapter.build_document(doc, feats, positions)
    chosen = sumy_adapter.run(sumy_adapter.make_summarizer("lexrank", Stemmer()), model, sentences, count)
    return tuple(feats.candidates[p] for p in chosen)


def assert_valid(doc: Document, summary: Summary, count: int) -> None:
    assert len(summary.sentence_indices) == count
    assert list(summary.sentence_indices) == sorted(set(summary.sentence_indices))
    assert summary.spans == tuple(doc.sentences[i] for i in summary.sentence_indices)
    for span in summary.spans:
        assert doc.text[span.start : span.end].strip() == doc.text[span.start : span.end] != ""


# --- the API ---------------------------------------------------------------------------------------------

def test_algorithms_in_ui_order_with_auto_default() -> None:
    assert ALL == ["auto", "lexrank", "textrank", "lsa", "luhn", "edmundson", "sumbasic", "kl", "reduction"]
    assert DEFAULT_ALGORITHM == ALL[0] == "auto"
    assert all(info.name == name and info.label and info.description for name, info in ALGORITHMS.items())


@pytest.mark.parametrize("algorithm", ALL)
@pytest.mark.parametrize("count", [3, 5])
def test_every_algorithm_on_the_seed(seed: Document, algorithm: str, count: int) -> None:
    summary = summarize(seed, algorithm, count)
    assert summary.algorithm == algorithm
    assert summary.note is None  # a news article: sumy ran on the whole text
    assert_valid(seed, summary, count)


def test_default_length_on_the_seed(seed: Document) -> None:
    assert default_sentence_count(seed) == 5
    assert len(summarize(seed).sentence_indices) == 5


def test_unknown_algorithm_lists_the_valid_names(seed: Document) -> None:
    with pytest.raises(ValueError, match="auto, lexrank, textrank, lsa, luhn, edmundson, sumbasic, kl, reduction"):
        summarize(seed, "bart")


@pytest.mark.parametrize("count", [0, -2])
def test_bad_count_is_rejected(seed: Document, count: int) -> None:
    with pytest.raises(ValueError, match="positive"):
        summarize(seed, "lexrank", count)


def test_determinism_in_process(seed: Document) -> None:
    first = [summarize(seed, a, 4) for a in ALL]
    again = document_from_plain_text(SEED.read_text(encoding="utf-8"), str(SEED))
    assert [summarize(again, a, 4) for a in ALL] == first


def test_cancel_hook_abandons_the_computation() -> None:
    doc = document_from_plain_text(generated_text(3_000, seed=3), "cancel")
    calls: list[int] = []

    def stop() -> bool:
        calls.append(1)
        return len(calls) > 2

    with pytest.raises(SummaryCancelled):
        summarize(doc, "lsa", 3, should_stop=stop)
    assert summarize(doc, "lsa", 3, should_stop=lambda: False).sentence_indices  # still works afterwards


# --- short and degenerate texts ----------------------------------------------------------------------------

SHORT = {
    1: "The bridge reopened on Monday after repairs.",
    2: "The bridge reopened on Monday after repairs. Traffic returned to normal by noon.",
    3: "The bridge reopened on Monday after repairs.\nTraffic returned to normal by noon.\nThe mayor thanked the crews.",
}


@pytest.mark.parametrize("n", [1, 2, 3])
@pytest.mark.parametrize("algorithm", ALL)
def test_short_texts_return_every_sentence(n: int, algorithm: str) -> None:
    doc = document_from_plain_text(SHORT[n], f"short{n}")
    assert len(doc.sentences) == n
    assert default_sentence_count(doc) == n
    for count in (None, n, 5):
        summary = summarize(doc, algorithm, count)
        assert summary.sentence_indices == tuple(range(n))
        assert "all are shown" in (summary.note or "")


@pytest.mark.parametrize("algorithm", ALL)
def test_three_sentences_two_wanted(algorithm: str) -> None:
    doc = document_from_plain_text(SHORT[3], "short3")
    summary = summarize(doc, algorithm, 2)
    assert_valid(doc, summary, 2)


@pytest.mark.parametrize("algorithm", [a for a in ALL if a != "auto"])
def test_text_without_content_words(algorithm: str) -> None:
    doc = document_from_plain_text("It is.\nIt was not.\nWe are here.\nSo it is.", "stop-words-only")
    summary = summarize(doc, algorithm, 2)
    assert_valid(doc, summary, 2)
    assert summary.sentence_indices == (0, 1)


def test_auto_shows_fragments_only_when_nothing_else_is_left() -> None:
    doc = document_from_plain_text("It is.\nIt was not.\nWe are here.\nSo it is.", "stop-words-only")
    summary = summarize(doc, "auto", 2)
    assert summary.sentence_indices == (0, 1) and "the first ones are shown" in (summary.note or "")
    fuller = document_from_plain_text("It is.\nThe council voted on Monday to close the bridge.\nSo it is.\nWe are.", "t")
    summary = summarize(fuller, "auto", 2)
    assert summary.sentence_indices == (1,) and "only 1 sentences" in (summary.note or "")


def test_no_summarizable_sentence() -> None:
    text = "print('hello')"
    doc = Document(text, (Paragraph(0, len(text), "code"),), Metadata(source="code"))
    summary = summarize(doc, "lexrank", 3)
    assert summary.sentence_indices == () and summary.spans == ()


def test_headings_are_never_picked_but_guide_edmundson() -> None:
    body = generated_text(400, seed=11).split("\n\n")
    blocks = ["Flood warnings on the river"] + body
    text = "\n\n".join(blocks)
    paragraphs = []
    offset = 0
    for i, block in enumerate(blocks):
        paragraphs.append(Paragraph(offset, offset + len(block), "heading" if i == 0 else "text", 1 if i == 0 else 0))
        offset += len(block) + 2
    doc = Document(text, tuple(paragraphs), Metadata(source="headed"))
    assert doc.sentences[0] == paragraphs[0].span
    for algorithm in ALL:
        summary = summarize(doc, algorithm, 3)
        assert 0 not in summary.sentence_indices
        assert_valid(doc, summary, 3)
    bonus = sumy_adapter.edmundson_bonus_words(doc, features_of(doc))
    assert bonus[:3] == ["flood", "river", "warnings"]  # heading words: most common first, then alphabetical


WORDS = ["river", "bridge", "council", "budget", "school", "army", "horse", "the", "of", "and", "it", "was",
         "garden", "rain", "letter", "ball", "42", "U.S.", "don’t", "Trump’s", "well-known"]


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    paragraphs=st.lists(
        st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=12), min_size=1, max_size=4),
        min_size=1, max_size=6,
    ),
    count=st.integers(min_value=1, max_value=8),
)
def test_any_small_text_gives_a_valid_summary(paragraphs: list[list[list[str]]], count: int) -> None:
    text = "\n\n".join(" ".join(" ".join(words).capitalize() + "." for words in sentences) for sentences in paragraphs)
    doc = document_from_plain_text(text, "generated")
    n = len(features_of(doc).candidates)
    for algorithm in ALL:
        summary = summarize(doc, algorithm, count)
        if algorithm == "auto" and count < n:  # auto leaves out fragments, even when that leaves fewer
            assert_valid_auto(doc, summary, count)
        else:
            assert_valid(doc, summary, min(count, n))


def assert_valid_auto(doc: Document, summary: Summary, count: int) -> None:
    assert len(summary.sentence_indices) <= count
    assert list(summary.sentence_indices) == sorted(set(summary.sentence_indices))
    if len(summary.sentence_indices) < count:
        assert summary.note and "fit for a summary" in summary.note
    elif summary.note and "the first ones are shown" in summary.note:
        assert summary.sentence_indices == tuple(range(count))
        return
    for span in summary.spans:
        assert is_eligible(doc.text[span.start : span.end])


# --- duplicate sentences keep their own positions ------------------------------------------------------------

REPEATED = "The city council approved the new school budget after a long public debate."
DUPLICATES = "\n\n".join([
    f"{REPEATED} Teachers said the school budget would pay for new books. Parents asked the council about class sizes.",
    "The weather was mild on Tuesday. A local bakery opened a second shop downtown.",
    f"Council members praised the budget vote. The mayor will sign the school budget next week. {REPEATED}",
])


@pytest.mark.parametrize("algorithm", ALL)
def test_duplicate_sentences_map_to_distinct_positions(algorithm: str) -> None:
    doc = document_from_plain_text(DUPLICATES, "dup")
    texts = [doc.text[s.start : s.end] for s in doc.sentences]
    assert texts[0] == texts[7] == REPEATED and texts.count(REPEATED) == 2
    for count in (2, 3, 7):
        summary = summarize(doc, algorithm, count)
        assert_valid(doc, summary, count)


@pytest.mark.parametrize("algorithm", ["textrank", "lsa", "luhn", "edmundson", "reduction"])
def test_both_copies_of_a_central_sentence_are_picked(algorithm: str) -> None:
    # These algorithms rate the repeated sentence highest, so a 2-sentence summary is both copies: the first
    # and the last sentence. Mapping by text equality would have returned index 0 twice.
    doc = document_from_plain_text(DUPLICATES, "dup")
    summary = summarize(doc, algorithm, 2)
    assert summary.sentence_indices == (0, 7)
    assert summary.spans[0] != summary.spans[1]
    assert [doc.text[s.start : s.end] for s in summary.spans] == [REPEATED, REPEATED]


def test_identical_sentences_everywhere() -> None:
    doc = document_from_plain_text("\n\n".join(["The city council approved the budget."] * 4 + ["Birds sing."]), "same")
    for algorithm in ALL:
        summary = summarize(doc, algorithm, 3)
        assert_valid(doc, summary, 3)


# --- Edmundson's words come from the text ------------------------------------------------------------------

def test_edmundson_words_are_the_documents_own(seed: Document) -> None:
    from sumy.parsers.parser import DocumentParser

    feats = features_of(seed)
    bonus = sumy_adapter.edmundson_bonus_words(seed, feats)
    seed_words = {w.lower() for w in sumy_words(seed.text)}
    assert 5 <= len(bonus) <= 20
    assert set(bonus) <= seed_words
    assert "trump" in bonus
    czech = set(DocumentParser.SIGNIFICANT_WORDS) | set(DocumentParser.STIGMA_WORDS)
    summarizer = sumy_adapter.make_summarizer("edmundson", Stemmer(), bonus)
    for words in (summarizer.bonus_words, summarizer.stigma_words, summarizer.null_words):
        assert not {stem(w) for w in czech} & set(words)
    assert summarizer.bonus_words <= {stem(w) for w in seed_words}
    assert summarizer.null_words == frozenset(stem(w) for w in stop_words())
    assert {"perhaps", "maybe"} <= set(sumy_adapter.STIGMA_WORDS)


# --- our sumy subclasses and the vectorized LexRank pick what sumy picks ---------------------------------------

def test_faster_lsa_and_luhn_pick_what_sumy_picks(seed: Document) -> None:
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.luhn import LuhnSummarizer

    feats = features_of(seed)
    model, sentences = sumy_adapter.build_document(seed, feats, list(range(len(feats.candidates))))
    for name, stock_class in (("lsa", LsaSummarizer), ("luhn", LuhnSummarizer)):
        ours = sumy_adapter.make_summarizer(name, Stemmer())
        stock = stock_class(Stemmer())
        stock.stop_words = stop_words()
        for count in (3, 5, 10):
            assert sumy_adapter.run(ours, model, sentences, count) == sumy_adapter.run(stock, model, sentences, count)


def vectorized_picks(doc: Document, count: int) -> tuple[int, ...]:
    feats = features_of(doc)
    order = rank_order(lexrank_scores(feats.stems))
    return tuple(sorted(feats.candidates[p] for p in order[:count].tolist()))


@pytest.mark.parametrize("count", [3, 5, 10, 20])
def test_vectorized_lexrank_matches_sumy_on_the_seed(seed: Document, count: int) -> None:
    assert vectorized_picks(seed, count) == sumy_lexrank(seed, count)


@pytest.fixture(scope="module")
def generated() -> Document:
    doc = document_from_plain_text(generated_text(6_500), "generated")
    assert sum(features_of(doc).word_counts) > ALGORITHMS["lexrank"].word_limit
    return doc


def test_vectorized_lexrank_matches_sumy_on_a_6k_word_text(generated: Document) -> None:
    for count in (5, 15):
        expected = sumy_lexrank(generated, count)
        assert vectorized_picks(generated, count) == expected
        summary = summarize(generated, "lexrank", count)
        assert summary.note and "vectorized LexRank" in summary.note
        assert summary.sentence_indices == expected


@pytest.mark.skipif(not SHARED_BOOKS.is_dir(), reason="../shared/data/books is not available")
def test_vectorized_lexrank_matches_sumy_on_pride_and_prejudice() -> None:
    path = SHARED_BOOKS / "pride_and_prejudice_pg1342.txt"
    book = document_from_plain_text(path.read_text(encoding="utf-8-sig"), str(path))
    paragraphs, words = [], 0
    for p in book.paragraphs:
        paragraphs.append(book.text[p.start : p.end])
        words += len(paragraphs[-1].split())
        if words > 5_000:
            break
    doc = document_from_plain_text("\n\n".join(paragraphs), "pp-5k")
    assert vectorized_picks(doc, 5) == sumy_lexrank(doc, 5)


def test_long_texts_use_a_bounded_pool(generated: Document) -> None:
    n = len(features_of(generated).candidates)
    for algorithm in ALL:
        summary = summarize(generated, algorithm, 5)
        assert_valid(generated, summary, 5)
        limit = ALGORITHMS[algorithm].word_limit
        if algorithm in ("kl", "reduction"):  # limits below 6.5k words
            assert summary.note == (
                f"{ALGORITHMS[algorithm].label} ran on the {summary.note.split()[4]} highest-ranked sentences "
                f"(LexRank) of {n:,}"
            )
        elif algorithm == "auto":
            assert summary.note == "central sentences, one from each of 5 equal stretches of the text"
        elif algorithm != "lexrank":
            assert summary.note is None, (algorithm, limit)


def test_too_many_sentences_for_a_pool_falls_back_to_lexrank(generated: Document) -> None:
    summary = summarize(generated, "kl", 200)
    assert summary.note and "ranked by vectorized LexRank instead" in summary.note
    assert summary.sentence_indices == summarize(generated, "lexrank", 200).sentence_indices


# --- lengths -----------------------------------------------------------------------------------------------

def test_default_count_grows_slowly_and_is_capped() -> None:
    assert [default_count_for(n) for n in (0, 1, 4, 5, 60)] == [0, 1, 4, 5, 5]
    assert default_count_for(100) == 6
    assert 10 <= default_count_for(1_000) <= 15
    assert 20 <= default_count_for(6_000) <= 30
    assert default_count_for(33_467) == default_count_for(10**6) == 40
    counts = [default_count_for(n) for n in range(60, 40_000, 97)]
    assert counts == sorted(counts)


@pytest.mark.parametrize(
    ("spec", "n", "expected"),
    [("5", 100, 5), (" 7 ", 100, 7), ("500", 40, 40), ("10%", 100, 10), ("10 %", 73, 7), ("1%", 10, 1),
     ("100%", 73, 73), ("2.5%", 400, 10), ("3", 0, 0)],
)
def test_parse_count(spec: str, n: int, expected: int) -> None:
    assert parse_count(spec, n) == expected


@pytest.mark.parametrize("spec", ["", "five", "0", "-3", "3.5", "0%", "150%", "%", "5 sentences", "1e3"])
def test_parse_count_rejects(spec: str) -> None:
    with pytest.raises(ValueError) as info:
        parse_count(spec, 100)
    assert "\n" not in str(info.value) and "summary" in str(info.value)


# --- offline: no nltk data, no download, no textual; same picks whatever the hash seed ------------------------

OFFLINE_SCRIPT = textwrap.dedent(
    """
    import json, sys
    import nltk

    def refuse(*args, **kwargs):
        raise RuntimeError("nltk.download must not be called")

    nltk.download = refuse
    nltk.downloader.download = refuse
    from reader.document.build import document_from_plain_text
    from reader.nlp.summary import ALGORITHMS, summarize

    lazy = "sumy" not in sys.modules  # importing the summary API must not load sumy (1.6 s) before it is used
    path = sys.argv[1]
    doc = document_from_plain_text(open(path, encoding="utf-8").read(), path)
    result = {a: list(summarize(doc, a, 5).sentence_indices) for a in ALGORITHMS}
    result["lazy"] = lazy
    result["textual_imported"] = any(m == "textual" or m.startswith("textual.") for m in sys.modules)
    print(json.dumps(result))
    """
)


def test_every_algorithm_runs_without_nltk_data(tmp_path: Path, seed: Document) -> None:
    empty = tmp_path / "nltk_data"
    empty.mkdir()
    outputs = []
    for hash_seed in ("1", "2"):
        env = {**os.environ, "NLTK_DATA": str(empty), "PYTHONHASHSEED": hash_seed, "HOME": str(tmp_path)}
        done = subprocess.run([sys.executable, "-c", OFFLINE_SCRIPT, str(SEED)], env=env, capture_output=True,
                              text=True, timeout=120, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        outputs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    assert outputs[0] == outputs[1]
    assert outputs[0].pop("textual_imported") is False
    assert outputs[0].pop("lazy") is True
    assert outputs[0] == {a: list(summarize(seed, a, 5).sentence_indices) for a in ALL}
    assert not list(empty.iterdir())


def test_table_rows_are_never_summary_sentences() -> None:
    from reader.document.markdown import markdown_document

    rows = "\n".join(f"| Item {i} | budget line {i} grows | {i} |" for i in range(6))
    text = ("# Budget\n\nThe council approved the budget on Tuesday after a long debate about libraries.\n\n"
            "| Item | Change | Amount |\n|---|---|---|\n" + rows + "\n\n"
            "The library budget grows while the parks budget shrinks this year.\n\n"
            "Critics said the budget ignores the parks and the libraries.\n")
    doc = markdown_document(text, "budget.md")
    table_rows = {i for i, s in enumerate(doc.sentences) if "|" in doc.text[s.start:s.end]}
    assert len(table_rows) == 7
    for algorithm in ALGORITHMS:
        picked = summarize(doc, algorithm, 3).sentence_indices
        assert not table_rows & set(picked), algorithm
