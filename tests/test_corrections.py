"""The reader's corrections to the people list: pure application (merge, split, hide, undo) and storage."""

from __future__ import annotations

import json
import os
from dataclasses import replace

import pytest

from reader.corrections import (
    CorrectionsWarning,
    apply_saved_corrections,
    corrections_path,
    load_corrections,
    save_corrections,
)
from reader.document.build import document_from_plain_text
from reader.document.model import Span
from reader.nlp.people.corrections import Correction, apply_corrections, hide, merge, split, undo
from reader.nlp.results import Person

TEXT = (
    "Elizabeth Bennet walked to Netherfield. Elizabeth said she was tired. Lizzy laughed. "
    "Charles Bingley met her there. Bingley smiled. Lizzy answered him. Jane Bennet wrote a letter. Kent said no."
)


@pytest.fixture()
def doc():
    return document_from_plain_text(TEXT, "novel.txt")


def spans(text: str, *written: str) -> tuple[Span, ...]:
    """Every occurrence of each form as a whole name (a longer form listed first wins its place)."""
    import re

    taken: list[Span] = []
    for form in written:
        for m in re.finditer(rf"\b{re.escape(form)}\b", text):
            if not any(s.start <= m.start() < s.end for s in taken):
                taken.append(Span(m.start(), m.end()))
    return tuple(sorted(taken))


def people_list() -> list[Person]:
    """A people list as find_people could give it (built by hand, so these tests do not move with its rules)."""
    return [
        Person("Elizabeth Bennet", ("Elizabeth Bennet", "Elizabeth"), (), spans(TEXT, "Elizabeth Bennet", "Elizabeth"), "elizabeth-bennet"),
        Person("Lizzy", ("Lizzy",), (), spans(TEXT, "Lizzy"), "lizzy"),
        Person("Charles Bingley", ("Charles Bingley", "Bingley"), (), spans(TEXT, "Charles Bingley", "Bingley"), "charles-bingley"),
        Person("Jane Bennet", ("Jane Bennet",), (), spans(TEXT, "Jane Bennet"), "jane-bennet"),
        Person("Kent", ("Kent",), (), spans(TEXT, "Kent"), "kent"),
    ]


@pytest.fixture()
def people():
    return people_list()


def by_name(people, name):
    return next(p for p in people if p.name == name)


def test_merge_moves_every_mention_and_alias_to_the_target(doc, people) -> None:
    lizzy, elizabeth = by_name(people, "Lizzy"), by_name(people, "Elizabeth Bennet")
    out = apply_corrections(people, [merge(lizzy.key, elizabeth.key)], doc.text)
    merged = by_name(out, "Elizabeth Bennet")
    assert merged.key == elizabeth.key
    assert set(merged.mentions) == set(elizabeth.mentions) | set(lizzy.mentions)
    assert list(merged.mentions) == sorted(merged.mentions)
    assert "Lizzy" in merged.aliases and "Lizzy" not in [p.name for p in out]
    assert out[0] is merged  # most mentioned first


def test_split_makes_an_alias_a_person_of_its_own_and_can_be_merged_again(doc, people) -> None:
    elizabeth = by_name(people, "Elizabeth Bennet")
    out = apply_corrections(people, [split(elizabeth.key, "elizabeth")], doc.text)  # alias matched case-free
    kept, off = by_name(out, "Elizabeth Bennet"), by_name(out, "Elizabeth")
    assert [doc.text[m.start : m.end] for m in off.mentions] == ["Elizabeth"]
    assert "Elizabeth" not in kept.aliases and len(kept.mentions) == len(elizabeth.mentions) - 1
    assert off.key == "elizabeth" and off.key not in {p.key for p in people}
    again = apply_corrections(people, [split(elizabeth.key, "Elizabeth"), merge("elizabeth", elizabeth.key)], doc.text)
    assert by_name(again, "Elizabeth Bennet").mentions == elizabeth.mentions


def test_hide_removes_a_person_and_later_corrections_on_it_are_skipped(doc, people) -> None:
    kent = by_name(people, "Kent")
    jane = by_name(people, "Jane Bennet")
    out = apply_corrections(people, [hide(kent.key), merge(kent.key, jane.key)], doc.text)
    assert "Kent" not in [p.name for p in out]
    assert by_name(out, "Jane Bennet").mentions == jane.mentions


def test_corrections_for_missing_people_or_aliases_are_skipped(doc, people) -> None:
    out = apply_corrections(
        people,
        [merge("nobody", people[0].key), merge(people[0].key, "nobody"), split(people[0].key, "Zebedee")],
        doc.text,
    )
    assert out == people


def test_undo_drops_the_last_correction(doc, people) -> None:
    done = [hide(by_name(people, "Kent").key), merge(by_name(people, "Lizzy").key, by_name(people, "Elizabeth Bennet").key)]
    assert apply_corrections(people, undo(done), doc.text) == apply_corrections(people, done[:1], doc.text)
    assert undo([]) == []


def test_application_is_deterministic(doc, people) -> None:
    fixes = [split(by_name(people, "Elizabeth Bennet").key, "Elizabeth"), hide(by_name(people, "Kent").key)]
    assert apply_corrections(people, fixes, doc.text) == apply_corrections(people_list(), fixes, doc.text)


def test_json_round_trip_and_invalid_entries() -> None:
    for c in (merge("a", "b"), split("a", "Lizzy"), hide("a")):
        assert Correction.from_json(json.loads(json.dumps(c.to_json()))) == c
    for bad in ({"op": "merge", "key": "a"}, {"op": "explode", "key": "a"}, {"op": "hide"}, ["hide", "a"], {"op": "split", "key": "a"}):
        with pytest.raises(ValueError):
            Correction.from_json(bad)


# --- storage --------------------------------------------------------------------------------------------


@pytest.fixture()
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def test_saved_corrections_are_applied_when_the_same_text_is_opened_again(doc, people, data_dir) -> None:
    fix = [merge(by_name(people, "Lizzy").key, by_name(people, "Elizabeth Bennet").key), hide(by_name(people, "Kent").key)]
    path = save_corrections(doc, fix)
    assert path.parent == data_dir / "corrections" and path.exists()
    reopened = document_from_plain_text(TEXT, "/elsewhere/copy.txt")  # keyed by content, not by path
    assert load_corrections(reopened) == fix
    assert apply_saved_corrections(reopened, people_list()) == apply_corrections(people, fix, doc.text)
    other = document_from_plain_text(TEXT + " Mary Bennet sang.", "novel.txt")
    assert load_corrections(other) == []


def test_saving_is_atomic_and_an_empty_list_removes_the_file(doc, people, data_dir) -> None:
    path = save_corrections(doc, [hide(people[0].key)])
    assert sorted(os.listdir(path.parent)) == [path.name]  # no temporary file left behind
    save_corrections(doc, [])
    assert not path.exists() and load_corrections(doc) == []


def test_a_corrupt_file_is_set_aside_with_a_warning(doc, people, data_dir) -> None:
    path = corrections_path(doc)
    path.parent.mkdir(parents=True)
    path.write_text("{not json", "utf-8")
    with pytest.warns(CorrectionsWarning, match="set aside"):
        assert apply_saved_corrections(doc, people) == people
    assert not path.exists() and (path.parent / (path.name + ".corrupt")).read_text("utf-8") == "{not json"
    save_corrections(doc, [hide(people[0].key)])  # a new file can be written afterwards
    assert load_corrections(doc) == [hide(people[0].key)]


def test_without_the_override_the_xdg_data_folder_is_used(doc, tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("READER_DATA_DIR", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert corrections_path(doc).is_relative_to(tmp_path / "xdg" / "reader")


COLLINS_BOOK = "".join(
    f"CHAPTER {n}\n\n{text} " + "the rain fell softly on the fields and the road was long and grey. " * 6 + "\n\n"
    for n, text in (
        ("I", "Mr. Collins bowed. Mr. Collins said he was honoured. Collins smiled. Ahab stood. Ahab said no."),
        ("II", "Mr. Collins wrote. Captain Ahab shouted. Ahab said he would go. Ahab walked away."),
    )
)


def test_a_key_is_made_from_the_name_without_its_display_title() -> None:
    """"Mr. Collins" is shown with the title he usually carries in a book, but keyed by his name: the key does
    not move when only the display does."""
    from reader.nlp.people import find_people

    found = find_people(document_from_plain_text(COLLINS_BOOK, "novel.txt"))
    collins = next(p for p in found if p.name == "Mr. Collins")
    assert collins.key == "collins"


def test_a_saved_correction_applies_when_the_book_is_analysed_again(data_dir) -> None:
    from reader.nlp.people import find_people

    document = document_from_plain_text(COLLINS_BOOK, "novel.txt")
    first = find_people(document)
    collins = next(p for p in first if p.name == "Mr. Collins")
    save_corrections(document, [hide(collins.key)])
    reopened = document_from_plain_text(COLLINS_BOOK, "novel.txt")
    shown = apply_saved_corrections(reopened, find_people(reopened))
    assert "Mr. Collins" not in [p.name for p in shown] and "Ahab" in [p.name for p in shown]


def test_a_key_saved_from_the_display_name_still_finds_its_person(doc, people) -> None:
    """Corrections saved before keys left the display titles out name the person by the display name's key
    ("mr-collins"): they still apply, and a current key is never taken for an old one."""
    shown = [replace(p, name="Mr. Collins") if p.key == "charles-bingley" else p for p in people]
    shown = [replace(p, key="collins") if p.name == "Mr. Collins" else p for p in shown]
    out = apply_corrections(shown, [merge("lizzy", "mr-collins"), hide("kent")], doc.text)
    collins = next(p for p in out if p.key == "collins")
    assert "Lizzy" in collins.aliases and "Kent" not in [p.name for p in out]
