"""``Metadata.warnings`` reach the user (issue 9): a text that loaded but is incomplete or was altered (a download
cut short, markup too deep for the extractor, Markdown shown as plain text) says so in ``reader analyze`` (a JSON
field, a stderr line, also for folders and ``--jobs``) and in the app (a notification on open, the Info tab)."""

from __future__ import annotations

import io
import json
from pathlib import Path

from rich.console import Console
from textual.widgets import Static

from reader.document.build import document_from_plain_text
from reader.ui.app import ReaderApp
from reader.ui.panes.info import InfoPane

from .test_config import recorded_notifications
from .test_hostile_inputs import assert_one_clean_line, http_response, raw_server, reader_process

SIZE = (120, 36)
DEEP_PAGE = ("<html><body>" + "<div>" * 300 + "<p>Anna Smith met Bob Jones in Paris. Smith said the talks went well."
             "</p>" + "</div>" * 300 + "</body></html>")
PLAIN = "Anna Smith met Bob Jones in Paris. Smith said the talks went well.\n"


def deep_page(folder: Path, name: str = "deep.html") -> Path:
    path = folder / name
    path.write_text(DEEP_PAGE)
    return path


def test_analyze_json_lists_the_warnings(tmp_path: Path) -> None:
    result = reader_process("analyze", str(deep_page(tmp_path)), "--json", "--no-people", "--no-summary")
    assert result.returncode == 0, result.stderr
    warnings = json.loads(result.stdout)["warnings"]
    assert len(warnings) == 1 and "nested more than" in warnings[0]


def test_analyze_json_of_a_complete_input_has_an_empty_warning_list(tmp_path: Path) -> None:
    path = tmp_path / "ok.txt"
    path.write_text(PLAIN)
    result = reader_process("analyze", str(path), "--json", "--no-people", "--no-summary")
    assert result.returncode == 0 and json.loads(result.stdout)["warnings"] == []
    assert result.stderr == b""


def test_analyze_text_mode_prints_one_warning_line_on_stderr(tmp_path: Path) -> None:
    result = reader_process("analyze", str(deep_page(tmp_path)), "--no-people", "--no-summary")
    assert result.returncode == 0 and b"Anna Smith" not in result.stderr
    assert_one_clean_line(result.stderr, "warning", "deep.html", "nested more than")


def test_a_short_download_is_a_warning_in_json_too() -> None:
    body = b"The first half of an article. The rest never arrived"
    response = http_response(body, b"Content-Type: text/plain", b"Content-Length: %d" % (len(body) + 5000))
    with raw_server({"/": response}) as url:
        result = reader_process("analyze", url + "/", "--json", "--no-people", "--no-summary")
    assert result.returncode == 0
    assert any("incomplete" in warning for warning in json.loads(result.stdout)["warnings"])


def test_a_folder_and_jobs_report_each_inputs_warnings(tmp_path: Path) -> None:
    """The batch path (a FOLDER, --jobs) used to drop the warnings: only the one-by-one path printed them."""
    deep_page(tmp_path, "a.html")
    (tmp_path / "b.txt").write_text(PLAIN)
    for extra in ((), ("--jobs", "2")):
        result = reader_process("analyze", str(tmp_path), "--json", "--no-people", "--no-summary", *extra)
        assert result.returncode == 0, result.stderr
        objects = [json.loads(line) for line in result.stdout.splitlines()]
        assert [bool(o["warnings"]) for o in objects] == [True, False]
        assert_one_clean_line(result.stderr, "warning", "a.html", "nested more than")


def warned_document():
    doc = document_from_plain_text(PLAIN * 3, "cut.txt")
    return doc.with_warnings("the download is incomplete: the server sent 2 KB of the 9 KB it announced",
                             "Markdown nested \x1b]2;pwned\x07more than 50 levels deep: shown as plain text")


async def test_the_app_notifies_the_warnings_on_open(settle) -> None:
    app = ReaderApp(warned_document())
    shown = recorded_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
    assert any("download is incomplete" in message for message in shown), shown
    assert any("shown as plain text" in message and "\x1b" not in message for message in shown), shown


async def test_the_info_tab_lists_the_warnings(settle) -> None:
    app = ReaderApp(warned_document())
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        console = Console(file=io.StringIO(), width=100)
        console.print(app.reader.query_one(InfoPane).query_one("#info-stats", Static).content)
        shown = " ".join(console.file.getvalue().split())
    assert "Warning" in shown and "download is incomplete" in shown and "shown as plain text" in shown
    assert "\x1b" not in shown


async def test_a_complete_document_shows_no_warning(settle) -> None:
    app = ReaderApp(document_from_plain_text(PLAIN * 3, "ok.txt"))
    shown = recorded_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("i")
        console = Console(file=io.StringIO(), width=100)
        console.print(app.reader.query_one(InfoPane).query_one("#info-stats", Static).content)
        assert "Warning" not in console.file.getvalue()
    assert not any("incomplete" in message for message in shown)
