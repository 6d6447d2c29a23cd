"""“About <person>” (reader.nlp.about) and the CLI's quotes / --about output."""

from __future__ import annotations

import json

from reader.cli.main import main
from reader.document.build import document_from_plain_text
from reader.nlp.about import about, closest_people, find_person
from reader.nlp.people import find_people

TEXT = (
    "Maria Lopez was elected mayor of Dunmore in 2019 after twenty years as a teacher.\n\n"
    "Tom Hale, a farmer, opposed the new bridge from the start.\n\n"
    "Maria Lopez said the bridge would open in June. She has promised a vote on the budget.\n\n"
    "“Yes,” said Maria Lopez.\n\n"
    "The bridge cost more than planned, and Maria Lopez asked the state for help with the bridge.\n\n"
    "Tom Hale sold his farm in May.\n"
)


def test_about_returns_the_persons_sentences_in_document_order() -> None:
    doc = document_from_plain_text(TEXT, "test")
    people = find_people(doc)
    maria = find_person(people, "maria lopez")
    spans = about(doc, people, maria, count=3)
    texts = [doc.text[s.start : s.end] for s in spans]
    assert len(texts) == 3 and list(spans) == sorted(spans)
    assert all("Tom Hale sold" not in t for t in texts)
    assert "“Yes,” said Maria Lopez." not in texts  # bare dialogue is penalised


def test_a_following_pronoun_sentence_counts_as_about_the_person() -> None:
    doc = document_from_plain_text(TEXT, "test")
    people = find_people(doc)
    spans = about(doc, people, find_person(people, "Lopez"), count=10)
    assert any(doc.text[s.start : s.end].startswith("She has promised") for s in spans)


def test_names_match_any_alias_ignoring_accents_and_case() -> None:
    doc = document_from_plain_text("Natásha Rostóva laughed. Natásha sang. Then Natásha Rostóva left.\n", "t")
    people = find_people(doc)
    assert find_person(people, "NATASHA").name == "Natásha Rostóva"
    assert find_person(people, "rostova") is not None
    assert find_person(people, "Pierre") is None
    assert [p.name for p in closest_people(people, "Natasa")] == ["Natásha Rostóva"]


def test_about_is_deterministic(seed_document) -> None:
    people = find_people(seed_document)
    trump = find_person(people, "Trump")
    assert about(seed_document, people, trump) == about(seed_document, people, trump)


def test_cli_json_has_quotes_and_about(tmp_path, capsys) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, "utf-8")
    assert main(["analyze", str(path), "--json", "--no-summary", "--about", "LOPEZ"]) == 0
    out = json.loads(capsys.readouterr().out)
    text = out["text"]
    (quote,) = out["quotes"]
    assert quote["text"] == text[quote["start"] : quote["end"]] == "“Yes,”"
    assert quote["speaker"] == "maria-lopez" and quote["speaker_name"] == "Maria Lopez"
    assert out["about"]["key"] == "maria-lopez" and out["about"]["name"] == "Maria Lopez"
    assert all(s["text"] == text[s["start"] : s["end"]] for s in out["about"]["sentences"])


def test_cli_unknown_person_is_a_one_line_error_listing_the_closest(tmp_path, capsys) -> None:
    path = tmp_path / "a.txt"
    path.write_text(TEXT, "utf-8")
    assert main(["analyze", str(path), "--about", "Lopes"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert captured.err.count("\n") == 1 and "Maria Lopez" in captured.err


def test_cli_unknown_person_like_nobody_lists_the_most_mentioned(tmp_path, capsys) -> None:
    """A name like none in the list still tells the user what the list holds: its most mentioned people."""
    path = tmp_path / "a.txt"
    path.write_text(TEXT, "utf-8")
    assert main(["analyze", str(path), "--about", "Qwxyzk"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert "most mentioned: Maria Lopez" in captured.err
