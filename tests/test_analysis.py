"""reader.nlp.analysis: one call for everything, and the size limit that keeps huge inputs fast and bounded."""

from __future__ import annotations

import pytest

from reader.cli.main import main
from reader.document.build import document_from_plain_text
from reader.errors import ReaderError
from reader.nlp import analysis
from reader.ui.app import ReaderApp
from reader.ui.article_view import ArticleView


def test_analyse_runs_summary_and_people(seed_document) -> None:
    result = analysis.analyse(seed_document, sentences="3")
    assert len(result.summary.spans) == 3
    assert result.people[0].name == "Donald Trump"
    skipped = analysis.analyse(seed_document, summary=False, people=False)
    assert skipped.summary is None and skipped.people is None


def test_bad_sentence_count_is_a_reader_error(seed_document) -> None:
    with pytest.raises(ReaderError):
        analysis.analyse(seed_document, sentences="lots")


def test_too_long_text_is_refused_with_one_line(monkeypatch, tmp_path, capsys) -> None:
    monkeypatch.setattr(analysis, "MAX_ANALYSIS_CHARS", 1000)
    path = tmp_path / "long.txt"
    path.write_text("Anna Smith walked home. " * 100)
    assert main(["analyze", str(path), "--json"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "too long to analyse" in err
    short = document_from_plain_text("Anna Smith walked home.", "t")
    assert analysis.analysis_refusal(short) is None


async def test_too_long_text_still_opens_and_says_why(monkeypatch, settle) -> None:
    monkeypatch.setattr(analysis, "MAX_ANALYSIS_CHARS", 1000)
    doc = document_from_plain_text("Anna Smith walked home. " * 100, "long.txt")
    app = ReaderApp(doc)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert not list(app.workers)
        assert "too long to analyse" in str(app.reader.query_one("#status").render())
        assert app.reader.query_one(ArticleView).virtual_size.height > 10
        await pilot.press("slash", *"smith", "enter")
        await settle(pilot)
        assert str(app.reader.query_one("#status").render()).startswith("/smith  1/100")


def test_bad_sentences_option_is_reported_once_before_reading_inputs(capsys, seed_path) -> None:
    assert main(["analyze", str(seed_path), str(seed_path), "--sentences", "lots"]) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1 and captured.err.startswith("reader: ")


# --- stages: one path for the CLI and the UI, one cancellation protocol ---------------------------------------


@pytest.mark.parametrize("stage", sorted(analysis.STAGES))
def test_every_stage_raises_cancelled_when_told_to_stop(seed_document, stage) -> None:
    with pytest.raises(analysis.Cancelled):
        analysis.STAGES[stage].run(seed_document, analysis.SummaryOptions(), lambda: True)


def test_a_stage_that_is_not_stopped_gives_its_result(seed_document) -> None:
    options = analysis.SummaryOptions("luhn", "3")
    summary = analysis.STAGES["summary"].run(seed_document, options, analysis.never)
    assert summary.algorithm == "luhn" and len(summary.sentence_indices) == 3
    assert analysis.summary_stage(seed_document, analysis.SummaryOptions("luhn", count=4)).sentence_indices
    people = analysis.STAGES["people"].run(seed_document, options, analysis.never)
    assert people[0].name == "Donald Trump"


def test_the_cli_runs_the_same_stage_functions_as_the_ui(monkeypatch, seed_path, capsys) -> None:
    """``reader analyze`` goes through the stage functions the UI's panes call (patching one changes both)."""
    from reader.nlp.results import Person

    marker = [Person("Stage Marker", ("Stage Marker",), (), ())]
    monkeypatch.setattr(analysis, "people_stage", lambda document, should_stop=analysis.never: marker)
    assert main(["analyze", str(seed_path), "--json", "--no-summary"]) == 0
    assert '"name": "Stage Marker"' in capsys.readouterr().out
