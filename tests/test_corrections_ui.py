"""Issue 11 in the UI: m / x / d / u in the People list change it, are saved per document (READER_DATA_DIR in
tmp_path) and come back when the document is opened again, in the UI and in ``reader analyze``."""

from __future__ import annotations

import json

import pytest

from reader.cli.main import main
from reader.corrections import corrections_path
from reader.ui.app import ReaderApp
from reader.ui.people_corrections import PickFromList

from .conftest import settle

SIZE = (120, 36)


@pytest.fixture(autouse=True)
def data_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))
    return tmp_path / "data"


def names(app: ReaderApp) -> list[str]:
    return [p.name for p in app.reader.people]


def person(app: ReaderApp, name: str):
    return next(p for p in app.reader.people if p.name == name)


async def highlight(pilot, app: ReaderApp, name: str) -> None:
    """Focus the People list and move its cursor to ``name``."""
    await pilot.press("p", "home", *["down"] * names(app).index(name))


def details(app: ReaderApp) -> str:
    return str(app.reader.query_one("#person-details").render())


async def test_m_merges_the_selected_person_into_one_picked_from_a_filtered_list(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        woodward, fried = person(app, "Bob Woodward"), person(app, "Daniel Fried")
        await highlight(pilot, app, "Daniel Fried")
        assert "Fried" in details(app), "the aliases of the highlighted person are shown"
        await pilot.press("m")
        await pilot.pause()
        assert isinstance(app.screen, PickFromList)
        await pilot.press(*"woodw")
        await pilot.pause()
        picker = app.screen.query_one("#pick-list")
        assert picker.option_count == 1, "the list is filtered by what was typed"
        await pilot.press("enter")
        await settle(pilot)
        assert "Daniel Fried" not in names(app)
        merged = person(app, "Bob Woodward")
        assert len(merged.mentions) == len(woodward.mentions) + len(fried.mentions)
        await highlight(pilot, app, "Bob Woodward")
        assert "Fried" in details(app), "a merge shows in the aliases"
        quoted = sum(1 for q in app.reader.quotes if q.speaker == merged.key)
        assert quoted >= sum(1 for q in analysis_quotes(seed_document) if q.speaker == fried.key), \
            "the quotes follow the merge"


def analysis_quotes(document):
    from reader.nlp import analysis

    return analysis.quotes_stage(document)


async def test_escape_in_the_picker_changes_nothing(seed_document, data_dir) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = names(app)
        await pilot.press("p", "m")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        assert names(app) == before and not corrections_path(seed_document).exists()


async def test_x_splits_an_alias_off_d_hides_u_undoes(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        original = names(app)
        trump = person(app, "Donald Trump")
        bare = [m for m in trump.mentions if seed_document.text[m.start:m.end] == "Trump"]
        await highlight(pilot, app, "Donald Trump")
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, PickFromList)
        await pilot.press(*"trump")  # both forms match; the first row is the most used one, bare "Trump"
        await pilot.press("enter")
        await settle(pilot)
        split_off = person(app, "Trump")
        assert split_off.mentions == tuple(bare)
        assert len(person(app, "Donald Trump").mentions) == len(trump.mentions) - len(bare)

        await highlight(pilot, app, "Biden")
        await pilot.press("d")
        await settle(pilot)
        assert "Biden" not in names(app)

        await pilot.press("p", "u")
        await settle(pilot)
        assert "Biden" in names(app) and "Trump" in names(app)
        await pilot.press("p", "u")
        await settle(pilot)
        assert names(app) == original
        assert not corrections_path(seed_document).exists(), "nothing left to remember"
        await pilot.press("p", "u")
        await settle(pilot)
        assert names(app) == original, "undo with nothing to undo changes nothing"


async def test_corrections_persist_across_a_reopen_and_reader_analyze_applies_them(seed_document, seed_path,
                                                                                   capsys) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await highlight(pilot, app, "Ivan Gershkovich")
        await pilot.press("d")
        await settle(pilot)
        corrected = names(app)
    assert "Ivan Gershkovich" not in corrected
    again = ReaderApp(seed_document)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert names(again) == corrected
    assert main(["analyze", str(seed_path), "--json", "--no-summary"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert [p["name"] for p in out["people"]] == corrected


async def test_the_keys_belong_to_the_people_list_only(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        before = names(app)
        app.reader.article.focus()
        await pilot.press("d", "m")
        await settle(pilot)
        assert not isinstance(app.screen, PickFromList)
        assert names(app) == before


async def test_a_damaged_corrections_file_is_set_aside_with_a_warning(seed_document) -> None:
    path = corrections_path(seed_document)
    path.parent.mkdir(parents=True)
    path.write_text("{not json", "utf-8")
    app = ReaderApp(seed_document)
    said: list[str] = []
    shown = app.notify
    app.notify = lambda message, **options: (said.append(message), shown(message, **options))  # type: ignore[method-assign]
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert any("damaged" in message for message in said), said
        assert "Donald Trump" in names(app)
    assert not path.exists() and path.with_name(path.name + ".corrupt").exists()


async def test_after_a_merge_the_cursor_is_on_the_merged_person(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await highlight(pilot, app, "Biden")
        await pilot.press("m", *"gershk", "enter")
        await settle(pilot)
        assert "Biden" in details(app) and "Gershkovich" in details(app)


async def test_the_details_of_a_person_end_with_an_ellipsis_when_cut(seed_document) -> None:
    """At 80x24 the aliases, titles and quotes of Donald Trump take more than the details' three rows: the last
    row ends with an ellipsis, never with a word cut (his '8 quotes' showed as '8')."""
    app = ReaderApp(seed_document)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("p")
        await settle(pilot)
        details = app.reader.query_one("#person-details")
        rows = [details.render_line(y).text.strip() for y in range(details.size.height)]
        assert rows and rows[-1] and len(rows) <= 3, rows
        assert rows[-1].endswith("…") or "quotes" in rows[-1], rows


async def test_the_merge_picker_shows_its_list_at_40x8(seed_document) -> None:
    app = ReaderApp(seed_document)
    async with app.run_test(size=(40, 8)) as pilot:
        await settle(pilot)
        await pilot.press("p", "m")
        await settle(pilot)
        assert isinstance(app.screen, PickFromList)
        choices = app.screen.query_one("#pick-list")
        box = choices.parent.content_region  # the list's rows inside its box, not clipped away below it
        assert min(choices.region.bottom, box.bottom) - choices.region.y >= 3, (choices.region, box)
        await pilot.press(*"putin", "enter")
        await settle(pilot)
        assert app.screen is app.reader


async def test_the_undo_toast_names_a_merged_or_hidden_person_by_name_never_by_key(seed_document) -> None:
    """The person merged or hidden has left the list when u undoes it: the toast still says their name."""
    from .test_config import recorded_notifications

    app = ReaderApp(seed_document)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        messages = recorded_notifications(app)
        fried = person(app, "Daniel Fried")
        await highlight(pilot, app, "Daniel Fried")
        await pilot.press("d")
        await settle(pilot)
        assert "Daniel Fried" not in names(app)
        await pilot.press("p", "u")
        await settle(pilot)
        undone = [m for m in messages if m.startswith("Undone")]
        assert undone == ["Undone: hide Daniel Fried"], messages
        assert fried.key not in undone[0]


def test_a_correction_of_a_person_never_seen_is_named_from_its_key() -> None:
    """A correction from an earlier session whose person is not in the list: a readable name, not the slug."""
    from reader.nlp.people.corrections import hide, merge
    from reader.ui.people_corrections import describe

    assert describe(hide("mr-collins"), {}) == "hide Mr Collins"
    assert describe(merge("lizzy", "elizabeth-bennet"), {"elizabeth-bennet": "Elizabeth Bennet"}) == \
        "merge Lizzy into Elizabeth Bennet"
    assert describe(hide("jane-2"), {}) == "hide Jane (2)"
