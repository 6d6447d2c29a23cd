"""The "auto" summary: guards, the learned ranker's features and selection, the book path."""

from __future__ import annotations

import subprocess
import sys

import pytest

from reader.document.build import document_from_plain_text
from reader.document.markdown import markdown_document
from reader.nlp.summary import DEFAULT_ALGORITHM, summarize
from reader.nlp.summary.guards import (
    footer_start, is_attribution, is_bare_quotation, is_eligible, opens_with_reference, words_of,
)
from reader.nlp.summary.ranker import (
    FEATURES, NEWS_MIN_WORDS, Forest, LeadPolicy, Model, centrality, choose, feature_rows, load_model,
    repeated_bigrams, select, with_lead_bonus,
)

# A news article whose lead is a dateline and a one-line teaser; the story is told later.
ARTICLE = """Monday, March 3, 2025

Read on.

The city council of Springfield voted on Monday to close the old river bridge after engineers found deep cracks in its main supports.

The bridge carried about 20,000 cars a day between the east and west banks of the river.

Engineers said the cracks in the bridge supports had grown quickly over the winter and could not be repaired safely.

Council members said a new bridge would cost about 80 million dollars and take four years to build.

Commuters will use a ferry service and a temporary bridge downstream while the river bridge is closed.

He said it was the right decision.

Local shop owners near the bridge worried that fewer customers would reach the east bank.

---

Sources: City of Springfield press office, "Council closes the river bridge", March 3, 2025.
"""


def texts(doc, summary) -> list[str]:
    return [doc.text[s.start : s.end] for s in summary.spans]


@pytest.mark.parametrize("sentence", [
    "Read on.",                                       # fewer than 6 words
    "The minister said, among other things,",         # ends open
    "And then there were the others who came;",
    "It was the end of an era of plenty —",
    "CHAPTER IV. THE FIRST MEETING OF ALL OF THEM",   # chapter title, all capitals
    "Chapter 12. In which the family goes to town",
    "[Illustration: “He came in with his hat in his hand”]",
    "This eBook is for the use of anyone anywhere under Project Gutenberg terms.",
    '"Sensitive government document found on rainy Ottawa street" — CBC.ca, August 15, 2008',  # attribution
    'Peter Zimonjic. "MP calls for probe into misplaced documents" — Edmonton Sun, August 16, 2008',
    "Officials said the talks would resume next week – Reuters, 3 May 2019.",
])
def test_guards_reject_what_is_never_a_summary_sentence(sentence: str) -> None:
    assert not is_eligible(sentence)


@pytest.mark.parametrize("sentence", [
    "The council voted on Monday to close the old bridge.",
    "“I am quite sure of it,” said she, with a smile.",
    "mr. bingley was good - looking and gentlemanlike .",  # the lower-cased training text is not "all capitals"
    "The council met on Tuesday — a week late, as it had on May 5, 2015.",  # a dash and a date, no attribution
    "Smith — the mayor, who was elected on June 3, 2020 — said nothing.",
])
def test_guards_accept_ordinary_sentences(sentence: str) -> None:
    assert is_eligible(sentence)


def test_bare_quotation_needs_narration_outside_the_quotes() -> None:
    assert is_bare_quotation("“Oh! my dear, I am sure of it, you must go and see him.”")
    assert not is_bare_quotation("“I am quite sure of it,” said she, “and so is he.”")
    assert not is_bare_quotation("She said she was sure of it.")


def test_reference_openers() -> None:
    assert opens_with_reference(words_of("He said it was fine."))
    assert opens_with_reference(words_of("But the plan failed."))
    assert not opens_with_reference(words_of("Engineers said it was fine."))


def test_footer_starts_at_a_trailing_sources_line_only() -> None:
    body = ["Paragraph one is here."] * 8
    assert footer_start(body + ["---", "Sources: Wikinews"]) == 8
    assert footer_start(["Sources: early mention is content."] + body) == 9  # not in the last 30%: no footer


def test_a_run_of_source_attributions_starts_the_footer() -> None:
    body = ["Paragraph one is here."] * 8
    cites = ['"Document found on street" — The Canadian Press, August 15, 2008', "Categories: Canada Politics"]
    assert footer_start(body + cites + ["---", "Source: Wikinews"]) == 8
    assert is_attribution(cites[0]) and not is_attribution(body[0])


def test_auto_leaves_list_items_out_while_enough_prose_is_left() -> None:
    items = "\n".join(f"- The council also agreed to change rule number {k} about the parking of the buses."
                      for k in range(6))
    text = ARTICLE.replace("He said it was the right decision.",
                           f"The plan differs from the first one in six ways:\n\n{items}")
    doc = markdown_document(text, "list.md")
    assert any(p.kind == "item" for p in doc.paragraphs)
    for count in (3, 6):
        assert not any("rule number" in p for p in texts(doc, summarize(doc, "auto", count)))
    only_items = markdown_document("Changes:\n\n" + items, "items.md")
    assert len(texts(only_items, summarize(only_items, "auto", 2))) == 2  # a list alone is still summarized


def test_centrality_prefers_the_sentence_sharing_the_texts_words() -> None:
    content = [["the", "bridge", "cracks", "council"], ["bridge", "council", "vote"], ["bridge", "cracks"],
               ["the", "weather", "sunny"], ["the", "of", "2024"]]
    scores = centrality(content, frozenset({"the", "of"}))
    assert scores[4] == 0.0  # no content word
    assert scores[3] == 0.0
    assert min(scores[:3]) > 0.0


def test_feature_rows_match_the_shipped_model() -> None:
    model = load_model()
    sentences = ["The council closed the bridge on Monday.", "It had 20 cracks, engineers said."]
    rows = feature_rows(sentences, [words_of(s) for s in sentences], model.stop_words)
    assert len(rows) == 2 and all(len(r) == len(FEATURES) == len(model.weights) for r in rows)
    assert len(model.scores(rows)) == 2


# Two trees of depth 2 over two features. Tree 1 splits on feature 0 at 0.5, then on feature 1 at 10 (left) and
# stopped early on the right (its leaf 3.0 repeated). Tree 2 is a single split on feature 1 at 5.
FOREST = Forest.from_json({
    "depth": 2,
    "features": [[0, 1, 0], [1, 0, 0]],
    "thresholds": [[0.5, 10.0, 0.0], [5.0, 0.0, 0.0]],
    "leaves": [[1.0, 2.0, 3.0, 3.0], [-0.5, -0.5, 0.5, 0.5]],
})


def test_forest_walks_each_tree_to_its_leaf_and_sums_them() -> None:
    rows = [[0.5, 10.0], [0.2, 11.0], [0.9, 0.0], [0.9, 7.0]]  # a value equal to its threshold goes left
    assert FOREST.scores(rows) == [1.0 + 0.5, 2.0 + 0.5, 3.0 - 0.5, 3.0 + 0.5]


def test_model_scores_average_the_regression_and_the_trees() -> None:
    linear = Model((2.0, 0.0), 1.0, (0.0, 0.0), (1.0, 1.0), frozenset(), LeadPolicy())
    both = Model((2.0, 0.0), 1.0, (0.0, 0.0), (1.0, 1.0), frozenset(), LeadPolicy(), FOREST)
    rows = [[0.2, 11.0], [0.9, 0.0]]
    assert linear.scores(rows) == pytest.approx([1.4, 2.8])
    assert both.scores(rows) == pytest.approx([(1.4 + 2.5) / 2, (2.8 + 2.5) / 2])


def test_a_lightgbm_tree_becomes_a_complete_tree_that_routes_the_same() -> None:
    import importlib.util
    from pathlib import Path

    path = Path(__file__).resolve().parents[1] / "tools" / "train_ranker.py"
    spec = importlib.util.spec_from_file_location("train_ranker", path)
    train_ranker = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(train_ranker)
    dump = {"split_feature": 0, "threshold": 0.5, "decision_type": "<=", "left_child": {"leaf_value": 1.0},
            "right_child": {"split_feature": 1, "threshold": 2.0, "decision_type": "<=",
                            "left_child": {"leaf_value": 2.0}, "right_child": {"leaf_value": 3.0}}}
    features, thresholds, leaves = train_ranker._complete(dump, 2)
    assert leaves == [1.0, 1.0, 2.0, 3.0]  # the early leaf fills both leaves below it
    forest = Forest.from_json({"depth": 2, "features": [features], "thresholds": [thresholds], "leaves": [leaves]})
    assert forest.scores([[0.1, 9.0], [0.7, 2.0], [0.7, 2.5]]) == [1.0, 2.0, 3.0]


def test_the_shipped_model_has_its_trees() -> None:
    model = load_model()
    assert model.forest is not None and model.forest.features.max() < len(FEATURES)
    sentences = [s for s in ARTICLE.split("\n") if len(s.split()) > 5]
    tokens = [words_of(s) for s in sentences]
    rows = feature_rows(sentences, tokens, model.stop_words)
    trees = model.forest.scores(rows)
    assert len(trees) == len(rows) and len(set(trees)) > 1  # the trees tell the sentences apart


def test_repeated_bigrams_count_content_pairs_another_sentence_shares() -> None:
    tokens = [words_of(s) for s in (
        "the prime minister of the country met the river council",
        "the prime minister said the river council had a plan",
        "of the people in the town none were there",
    )]
    stops = frozenset({"the", "of", "in", "a", "had", "were", "there"})
    # "the prime", "prime minister", "the river", "river council" are shared; "of the" is two stop words
    assert repeated_bigrams(tokens, stops) == [4, 4, 0]


def test_select_blocks_a_sentence_repeating_a_trigram() -> None:
    tokens = [words_of(s) for s in (
        "the river bridge was closed on monday by the council",
        "the river bridge was closed after cracks were found",
        "a ferry will carry commuters across in the meantime",
    )]
    assert select([3.0, 2.0, 1.0], tokens, 2) == [0, 2]


def test_select_takes_a_pronoun_sentence_only_after_its_antecedent() -> None:
    tokens = [words_of(s) for s in ("one two three four five six", "seven eight nine ten eleven twelve",
                                    "he said thirteen fourteen fifteen sixteen")]
    assert select([1.0, 2.0, 3.0], tokens, 1) == [1]
    assert select([1.0, 2.0, 3.0], tokens, 2) == [1, 2]  # sentence 1 is picked first, then 2 may follow it


def test_the_lead_bonus_goes_to_the_first_sentences_that_may_be_picked() -> None:
    assert with_lead_bonus([0.0, 0.0, 0.0, 0.0], 2, 1.0) == [1.0, 1.0, 0.0, 0.0]
    # a dateline or a teaser line is not the lead: the bonus skips to the first real sentences
    assert with_lead_bonus([0.0, 0.0, 0.0, 0.0], 2, 1.0, allowed=[False, True, True, True]) == [0.0, 1.0, 1.0, 0.0]
    # the lede (the first sentence that may be picked) gets the first bonus on top
    assert with_lead_bonus([0.0, 0.0, 0.0, 0.0], 2, 1.0, allowed=[False, True, True, True],
                           first_bonus=0.5) == [0.0, 1.5, 1.0, 0.0]


SENTENCES = [[f"word{k}x{j}" for j in range(10)] for k in range(5)]  # ten words each, no shared trigram


def test_choose_keeps_the_lead_unless_a_later_sentence_beats_it_by_the_margin() -> None:
    assert choose([1.0, 0.9, 0.8, 1.7, 0.0], SENTENCES, 3, LeadPolicy(lead_bonus=1.0)) == [0, 1, 2]
    assert choose([1.0, 0.9, 0.8, 1.9, 0.0], SENTENCES, 3, LeadPolicy(lead_bonus=1.0)) == [0, 1, 3]  # 1.9 > 1.8
    assert choose([1.0, 0.9, 0.8, 1.7, 0.0], SENTENCES, 3, LeadPolicy()) == [0, 1, 3]  # no bonus: the scores


def test_choose_keeps_the_lede_by_a_wider_margin() -> None:
    scores = [0.8, 0.9, 1.0, 2.0, 0.0]  # the later sentence beats the weakest lead sentence, the lede, by 1.2
    assert choose(scores, SENTENCES, 3, LeadPolicy(lead_bonus=1.0)) == [1, 2, 3]
    assert choose(scores, SENTENCES, 3, LeadPolicy(lead_bonus=1.0, first_bonus=0.5)) == [0, 2, 3]


def test_choose_prefers_the_shorter_of_two_equal_sentences_with_a_length_penalty() -> None:
    long_one = [f"long{j}" for j in range(40)]
    tokens = [SENTENCES[0], long_one, SENTENCES[1]]
    assert choose([1.0, 0.5, 0.5], tokens, 2, LeadPolicy()) == [0, 1]  # a tie: document order
    assert choose([1.0, 0.5, 0.5], tokens, 2, LeadPolicy(length_penalty=0.2)) == [0, 2]


def test_choose_never_picks_a_short_sentence_when_enough_long_ones_remain() -> None:
    short = words_of("the council met on monday again")
    assert len(short) < NEWS_MIN_WORDS
    tokens = [SENTENCES[0], short, *SENTENCES[1:]]
    assert choose([5.0, 4.0, 1.0, 1.0, 1.0, 1.0], tokens, 3, LeadPolicy(lead_bonus=1.0)) == [0, 2, 3]  # the lead skips it
    assert choose([5.0, 4.0, 1.0], tokens[:3], 3, LeadPolicy(lead_bonus=1.0)) == [0, 1, 2]  # too few long ones: all


def test_select_relaxes_its_rules_rather_than_return_too_few() -> None:
    tokens = [words_of("the same words again and again here")] * 3
    assert select([3.0, 2.0, 1.0], tokens, 2) == [0, 1]


def test_select_with_groups_spreads_the_picks() -> None:
    tokens = [words_of(f"sentence number {i} is about something else {i}") for i in range(6)]
    assert select([6, 5, 4, 3, 2, 1], tokens, 2, groups=[0, 0, 0, 1, 1, 1]) == [0, 3]


def test_auto_is_the_default_and_never_picks_a_fragment_or_the_footer() -> None:
    assert DEFAULT_ALGORITHM == "auto"
    doc = document_from_plain_text(ARTICLE, "bridge.txt")
    summary = summarize(doc, count=3)
    picked = texts(doc, summary)
    assert summary.algorithm == "auto" and len(picked) == 3
    assert "Read on." not in picked and not any("Sources" in p or "2025" in p for p in picked)
    assert "He said it was the right decision." not in picked  # its antecedent is not picked
    assert picked[0].startswith("The city council of Springfield voted")
    assert picked != [doc.text[s.start : s.end] for s in doc.sentences[:3]]


def test_auto_picks_the_same_sentences_whatever_the_layout() -> None:
    doc = document_from_plain_text(ARTICLE, "bridge.txt")
    lines = "\n".join(doc.text[s.start : s.end] for s in doc.sentences)
    relaid = document_from_plain_text(lines, "bridge-lines.txt")
    assert texts(relaid, summarize(relaid, "auto", 3)) == texts(doc, summarize(doc, "auto", 3))


def test_auto_does_not_import_sumy_nor_lightgbm() -> None:
    code = ("import sys; from reader.document.build import document_from_plain_text; "
            "from reader.nlp.summary import summarize; "
            f"doc = document_from_plain_text({ARTICLE!r}, 'a'); summarize(doc, 'auto'); "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sumy', 'lightgbm', 'sklearn')))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "[]"


def test_a_book_gets_one_narrated_sentence_from_each_stretch() -> None:
    paragraphs = []
    for chapter in range(10):
        paragraphs.append(f"CHAPTER {chapter + 1}.")
        for k in range(50):
            paragraphs.append(f"“Oh my dear, the ball number {k} is tonight and we must all go,” said nobody.")
            paragraphs.append(f"“I am sure you must be quite tired of chapter {chapter} and of the ball {k}.”")
            paragraphs.append(f"The family of chapter {chapter} walked to the village number {k} across the fields.")
    doc = document_from_plain_text("\n\n".join(paragraphs), "book.txt")
    summary = summarize(doc, "auto", 10)
    picked = texts(doc, summary)
    assert len(picked) == 10 and summary.note
    assert not any(p.startswith("CHAPTER") or is_bare_quotation(p) for p in picked)
    assert [p for p in picked if "chapter" in p] == picked
    chapters = [int(p.split("chapter ")[1].split()[0]) for p in picked]
    assert chapters == sorted(chapters) and len(set(chapters)) >= 8  # spread from start to end


def test_an_indented_gutenberg_end_line_drops_the_licence() -> None:
    story = "\n\n".join(f"The old sailor number {k} told the children a long story about the sea." for k in range(5))
    raw = ("The Project Gutenberg eBook of A Tale\n\nTitle: A Tale\n\nAuthor: Someone\n\n"
           "*** START OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\n" + story +
           "\n\n            *** END OF THE PROJECT GUTENBERG EBOOK A TALE ***\n\n"
           "Updated editions will replace the previous one, and the Project Gutenberg License applies.")
    doc = document_from_plain_text(raw, "tale.txt")
    assert doc.title == "A Tale"
    assert "Gutenberg" not in doc.text and "License" not in doc.text


def test_select_only_picks_allowed_sentences_but_they_count_as_antecedents() -> None:
    tokens = [words_of(s) for s in ("one two three four five six", "he said seven eight nine ten",
                                    "eleven twelve thirteen fourteen fifteen sixteen")]
    assert select([3.0, 2.0, 1.0], tokens, 1, allowed=[False, True, True]) == [2]  # 1 has no picked antecedent
    assert select([3.0, 2.0, 1.0], tokens, 2, allowed=[True, True, False]) == [0, 1]


def test_auto_never_picks_the_tail_of_a_broken_sentence() -> None:
    text = ARTICLE.replace("Local shop owners near the bridge worried",
                           "[Illustration]\n\nlocal shop owners near the bridge worried")
    doc = document_from_plain_text(text, "broken.txt")
    for count in range(1, 10):
        assert not any(p[0].islower() for p in texts(doc, summarize(doc, "auto", count)))
