"""The ``reader`` command end to end: ``--version``/``--help``, ``reader analyze`` (JSON and the human report),
options, stdin, and every error case (one ``reader: ...`` line on stderr, exit status 2, the input untouched).

A few cases run the real command in a subprocess (``python -m reader``); the rest call ``reader.cli.main.main``
in-process with ``capsys``. Nothing here touches the internet: the "unreachable URL" is a closed local port.
"""

from __future__ import annotations

import io
import json
import os
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from reader import __version__
from reader.cli.main import main
from reader.nlp.summarizers import ALGORITHMS

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "sample_articles" / "trump_foreign_policy.txt"
SEED_ARG = "sample_articles/trump_foreign_policy.txt"  # relative, as a user types it (cwd=ROOT)
SHORT_TEXT = "Alice Walker met Bob Jones in Paris. They talked for an hour. Walker said the talks went well.\n"
TIMEOUT = 60


def run_reader(*args: str, stdin: bytes | None = None, **kwargs: Any) -> subprocess.CompletedProcess[str]:
    """The real command, as a user runs it: ``python -m reader ARGS`` in the repository, stdin not a TTY."""
    env = {**os.environ, "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"}
    return subprocess.run(
        [sys.executable, "-m", "reader", *args],
        input=stdin.decode("utf-8") if stdin is not None else None,
        stdin=subprocess.DEVNULL if stdin is None else None,
        capture_output=True, text=True, encoding="utf-8", cwd=ROOT, env=env, timeout=TIMEOUT, **kwargs,
    )


def assert_one_error_line(stderr: str, *words: str) -> str:
    """stderr is exactly one line ``reader: ...`` (no traceback) containing every word."""
    lines = stderr.splitlines()
    assert len(lines) == 1, stderr
    line = lines[0]
    assert line.startswith("reader: "), stderr
    assert "Traceback" not in stderr and "Error(" not in line, stderr
    for word in words:
        assert word.lower() in line.lower(), (word, line)
    return line


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    """``main([...])`` in-process: (exit status, stdout, stderr). argparse's SystemExit counts as the status."""
    try:
        status = main(list(args))
    except SystemExit as exit_:
        status = exit_.code if isinstance(exit_.code, int) else (0 if exit_.code is None else 1)
    out, err = capsys.readouterr()
    return status, out, err


def closed_port() -> int:
    """A local TCP port nobody listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(autouse=True)
def _run_in_repo(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.setenv("READER_STATE_DIR", str(tmp_path / "state"))  # never the user's reading positions


@pytest.fixture(scope="module")
def seed_json() -> dict[str, Any]:
    """``reader analyze SEED --json`` run for real, parsed."""
    result = run_reader("analyze", SEED_ARG, "--json")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == 1, "one input: one JSON object on one line"
    return json.loads(lines[0])


# --- version and help --------------------------------------------------------------------------------------


def test_version_end_to_end() -> None:
    result = run_reader("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"reader {__version__}"
    assert result.stderr == ""


def test_help(capsys) -> None:
    status, out, err = call(capsys, "--help")
    assert status == 0 and err == ""
    assert out.startswith("usage: reader")
    assert "SOURCE" in out and "--algorithm" in out and "--sentences" in out and "--version" in out
    assert "reader analyze" in out


def test_analyze_help(capsys) -> None:
    status, out, err = call(capsys, "analyze", "--help")
    assert status == 0 and err == ""
    assert out.startswith("usage: reader analyze")
    for option in ("--json", "--no-summary", "--no-people", "--algorithm", "--sentences"):
        assert option in out
    for name in ALGORITHMS:
        assert name in out


# --- analyze --json on the seed article ---------------------------------------------------------------------


def test_seed_json_keys_and_stats(seed_json) -> None:
    for key in ("source", "title", "text", "stats", "paragraphs", "sentences", "summary", "people"):
        assert key in seed_json, key
    assert seed_json["source"] == SEED_ARG
    text = seed_json["text"]
    assert text == text.strip() and text
    stats = seed_json["stats"]
    assert abs(stats["sentences"] - 73) <= 3
    assert stats["sentences"] == len(seed_json["sentences"])
    assert stats["words"] == len(text.split())
    assert stats["reading_minutes"] > 0


def test_seed_json_paragraph_and_sentence_spans(seed_json) -> None:
    text = seed_json["text"]
    paragraphs = seed_json["paragraphs"]
    assert paragraphs
    previous = 0
    for para in paragraphs:
        assert previous <= para["start"] < para["end"] <= len(text), para
        assert para["kind"] in ("text", "heading", "quote", "item", "code")
        assert text[para["start"] : para["end"]].strip()
        previous = para["end"]
    sentences = seed_json["sentences"]
    previous = 0
    para_index = 0
    for sent in sentences:
        assert previous <= sent["start"] < sent["end"] <= len(text), sent
        assert text[sent["start"] : sent["end"]].strip()
        previous = sent["end"]
        while paragraphs[para_index]["end"] <= sent["start"]:
            para_index += 1
        para = paragraphs[para_index]
        assert para["start"] <= sent["start"] and sent["end"] <= para["end"], (sent, para)


def test_seed_json_summary(seed_json) -> None:
    text = seed_json["text"]
    summary = seed_json["summary"]
    assert summary["algorithm"] == "auto"
    picked = summary["sentences"]
    assert len(picked) == 5  # the news-length default
    document_sentences = {(s["start"], s["end"]) for s in seed_json["sentences"]}
    starts = [s["start"] for s in picked]
    assert starts == sorted(starts) and len(set(starts)) == len(starts), "document order, no repeats"
    for sent in picked:
        assert sent["text"] == text[sent["start"] : sent["end"]]
        assert (sent["start"], sent["end"]) in document_sentences


def test_seed_json_people(seed_json) -> None:
    text = seed_json["text"]
    people = seed_json["people"]
    assert people
    counts = [len(person["mentions"]) for person in people]
    assert counts == sorted(counts, reverse=True), "most-mentioned first"
    assert people[0]["name"] == "Donald Trump"
    names = [person["name"] for person in people]
    assert "Vladimir Putin" in names
    for person in people:
        assert person["name"] and isinstance(person["aliases"], list) and isinstance(person["titles"], list)
        assert person["mentions"]
        previous_end = 0
        for mention in person["mentions"]:
            assert 0 <= mention["start"] < mention["end"] <= len(text)
            assert mention["text"] == text[mention["start"] : mention["end"]]
            assert mention["start"] >= previous_end, "mentions ascending and disjoint"
            previous_end = mention["end"]


def test_json_in_process_equals_the_real_command(capsys, seed_json) -> None:
    status, out, err = call(capsys, "analyze", SEED_ARG, "--json")
    assert status == 0 and err == ""
    assert json.loads(out) == seed_json


# --- several inputs, options ----------------------------------------------------------------------------------


def test_several_inputs_give_json_lines_in_input_order(capsys, tmp_path) -> None:
    short = tmp_path / "short.txt"
    short.write_text(SHORT_TEXT, encoding="utf-8")
    sources = [str(short), SEED_ARG, "sample_articles/harbour_interview.txt", str(short)]
    status, out, err = call(capsys, "analyze", *sources, "--json", "--no-people")
    assert status == 0 and err == ""
    assert out.endswith("\n")
    lines = out.splitlines()
    assert len(lines) == len(sources)
    objects = [json.loads(line) for line in lines]
    assert [obj["source"] for obj in objects] == sources
    assert objects[0]["text"] == SHORT_TEXT.strip() == objects[3]["text"]


@pytest.mark.parametrize(("spec", "expected"), [
    ("3", lambda total: 3),
    ("10%", lambda total: round(total * 0.10)),
    ("1", lambda total: 1),
    ("100%", lambda total: total),
    ("1000", lambda total: total),  # more than the text has: all of them
])
def test_sentences_option(capsys, spec, expected) -> None:
    status, out, err = call(capsys, "analyze", SEED_ARG, "--json", "--no-people", "--sentences", spec)
    assert status == 0, err
    data = json.loads(out)
    picked = data["summary"]["sentences"]
    assert len(picked) == expected(data["stats"]["sentences"])
    assert [s["start"] for s in picked] == sorted({s["start"] for s in picked})


@pytest.mark.parametrize("spec", ["abc", "0", "-3", "150%", "3.5", ""])
def test_bad_sentences_value_is_one_line_and_status_2(capsys, spec, unchanged) -> None:
    check = unchanged(SEED)
    status, out, err = call(capsys, "analyze", SEED_ARG, "--sentences", spec)
    assert status == 2
    assert out == ""
    assert_one_error_line(err)
    check()


def test_bad_sentences_value_end_to_end() -> None:
    result = run_reader("analyze", SEED_ARG, "--sentences", "abc", "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert_one_error_line(result.stderr, "abc")


@pytest.mark.parametrize("algorithm", list(ALGORITHMS))
def test_every_algorithm_works(capsys, algorithm) -> None:
    status, out, err = call(capsys, "analyze", SEED_ARG, "--json", "--no-people", "--algorithm", algorithm,
                            "--sentences", "4")
    assert status == 0, err
    data = json.loads(out)
    assert data["summary"]["algorithm"] == algorithm
    picked = data["summary"]["sentences"]
    assert len(picked) == 4
    assert [s["start"] for s in picked] == sorted(s["start"] for s in picked)
    sentences = {(s["start"], s["end"]) for s in data["sentences"]}
    for sent in picked:
        assert (sent["start"], sent["end"]) in sentences
        assert sent["text"] == data["text"][sent["start"] : sent["end"]]


def test_unknown_algorithm_is_a_usage_error_not_a_traceback(capsys) -> None:
    status, out, err = call(capsys, "analyze", SEED_ARG, "--algorithm", "bogus")
    assert status == 2 and out == ""
    assert "Traceback" not in err
    assert "bogus" in err and "invalid choice" in err
    assert err.count("\n") == 1 and err.startswith("reader: ") and "reader analyze --help" in err


def test_unknown_algorithm_end_to_end() -> None:
    result = run_reader("analyze", SEED_ARG, "--algorithm", "bogus")
    assert result.returncode == 2 and result.stdout == ""
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("reader: argument --algorithm")


def test_no_summary_and_no_people(capsys) -> None:
    status, out, err = call(capsys, "analyze", SEED_ARG, "--json", "--no-summary")
    assert status == 0, err
    data = json.loads(out)
    assert "summary" not in data and data["people"]
    status, out, err = call(capsys, "analyze", SEED_ARG, "--json", "--no-people")
    assert status == 0, err
    data = json.loads(out)
    assert "people" not in data and data["summary"]["sentences"]
    status, out, err = call(capsys, "analyze", SEED_ARG, "--json", "--no-people", "--no-summary")
    assert status == 0, err
    data = json.loads(out)
    assert "people" not in data and "summary" not in data and data["sentences"]


def test_human_report(capsys, seed_json) -> None:
    status, out, err = call(capsys, "analyze", SEED_ARG)
    assert status == 0 and err == ""
    assert f"{seed_json['stats']['words']:,} words" in out
    assert "Summary (auto, 5 sentences)" in out
    assert f"People ({len(seed_json['people'])})" in out
    assert "Donald Trump" in out and "Vladimir Putin" in out
    first_summary = " ".join(seed_json["summary"]["sentences"][0]["text"].split()[:4])
    assert first_summary in " ".join(out.split())
    with pytest.raises(json.JSONDecodeError):
        json.loads(out)


def test_human_report_without_summary_and_people(capsys) -> None:
    status, out, err = call(capsys, "analyze", SEED_ARG, "--no-summary", "--no-people")
    assert status == 0 and err == ""
    assert "1,481 words" in out
    assert "Summary" not in out and "People" not in out


# --- stdin ----------------------------------------------------------------------------------------------------


class _Stdin:
    def __init__(self, data: bytes) -> None:
        self.buffer = io.BytesIO(data)


def test_stdin_dash(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(SHORT_TEXT.encode("utf-8")))
    status, out, err = call(capsys, "analyze", "-", "--json")
    assert status == 0, err
    data = json.loads(out)
    assert data["text"] == SHORT_TEXT.strip()
    assert data["stats"]["words"] == len(SHORT_TEXT.split())
    names = [person["name"] for person in data["people"]]
    assert "Alice Walker" in names


def test_stdin_dash_end_to_end() -> None:
    result = run_reader("analyze", "-", "--json", "--no-people", stdin=SEED.read_bytes())
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["stats"]["words"] == 1481
    assert len(data["summary"]["sentences"]) == 5


def test_no_numpy_warnings_on_stderr_for_tiny_texts() -> None:
    result = run_reader("analyze", "-", "--json", "--sentences", "1", "--no-people", stdin=b"Putin\n\nTrump\n")
    assert result.returncode == 0
    assert len(json.loads(result.stdout)["summary"]["sentences"]) == 1
    assert result.stderr == ""


def test_empty_stdin_is_an_error(capsys, monkeypatch) -> None:
    monkeypatch.setattr(sys, "stdin", _Stdin(b""))
    status, out, err = call(capsys, "analyze", "-")
    assert status == 2 and out == ""
    assert_one_error_line(err)


# --- errors ---------------------------------------------------------------------------------------------------


def _error_input(kind: str, tmp_path: Path) -> tuple[str, Path | None]:
    """A source of the given kind of error, and the path whose bytes must not change (if any)."""
    if kind == "missing":
        return str(tmp_path / "no-such-article.txt"), None
    if kind == "directory":
        folder = tmp_path / "folder.txt"
        folder.mkdir()
        (folder / "inside.txt").write_text(SHORT_TEXT, encoding="utf-8")
        return str(folder), folder / "inside.txt"
    if kind == "binary":
        path = tmp_path / "image.txt"
        path.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
        return str(path), path
    if kind == "empty":
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")
        return str(path), path
    if kind == "whitespace":
        path = tmp_path / "blank.txt"
        path.write_bytes(b"  \n\n\t\r\n   ")
        return str(path), path
    if kind == "url":
        return f"http://127.0.0.1:{closed_port()}/article.html", None
    raise AssertionError(kind)


ERROR_KINDS = ["missing", "directory", "binary", "empty", "whitespace", "url"]


@pytest.mark.parametrize("kind", [k for k in ERROR_KINDS if k != "directory"])  # analyze FOLDER: test_batch.py
def test_error_inputs_are_one_line_and_status_2(capsys, tmp_path, unchanged, kind) -> None:
    source, keep = _error_input(kind, tmp_path)
    check = unchanged(keep) if keep is not None else None
    for extra in ([], ["--json"]):
        status, out, err = call(capsys, "analyze", source, *extra)
        assert status == 2, (kind, err)
        assert out == ""
        assert_one_error_line(err)
    if check is not None:
        check()
    if kind == "missing":
        assert not Path(source).exists(), "an error must not create the input"


@pytest.mark.parametrize("kind", ["missing", "binary", "url"])
def test_error_inputs_end_to_end(tmp_path, unchanged, kind) -> None:
    source, keep = _error_input(kind, tmp_path)
    check = unchanged(keep) if keep is not None else None
    result = run_reader("analyze", source, "--json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert_one_error_line(result.stderr)
    if check is not None:
        check()


def test_one_failing_input_among_several(capsys, tmp_path, unchanged) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SHORT_TEXT, encoding="utf-8")
    binary, keep = _error_input("binary", tmp_path)
    check = unchanged(keep)
    missing = str(tmp_path / "missing.txt")
    sources = [str(good), missing, SEED_ARG, binary, str(good)]
    status, out, err = call(capsys, "analyze", *sources, "--json", "--no-summary")
    assert status == 2
    objects = [json.loads(line) for line in out.splitlines()]
    assert [obj["source"] for obj in objects] == [str(good), SEED_ARG, str(good)]
    lines = err.splitlines()
    assert len(lines) == 2 and all(line.startswith("reader: ") for line in lines), err
    assert "missing.txt" in lines[0] and "image.txt" in lines[1]
    assert "Traceback" not in err
    check()


def test_one_failing_input_among_several_end_to_end(tmp_path) -> None:
    good = tmp_path / "good.txt"
    good.write_text(SHORT_TEXT, encoding="utf-8")
    result = run_reader("analyze", str(good), str(tmp_path / "missing.txt"), str(good), "--json", "--no-summary")
    assert result.returncode == 2
    assert [json.loads(line)["source"] for line in result.stdout.splitlines()] == [str(good), str(good)]
    assert_one_error_line(result.stderr, "missing.txt")


def test_url_input(capsys, http_server) -> None:
    url = http_server.url("/article.html")
    status, out, err = call(capsys, "analyze", url, "--json", "--no-summary")
    assert status == 0, err
    data = json.loads(out)
    assert data["source"] == url and data["format"] == "html"
    assert "Atlantic currents" in data["text"] and "tracking" not in data["text"]
    assert data["stats"]["words"] == len(data["text"].split())
    assert any(person["name"] == "Alice Brown" for person in data["people"])


def test_closed_stdout_is_not_a_traceback() -> None:
    sources = [SEED_ARG, "sample_articles/family_firm.txt", "sample_articles/harbour_interview.txt", SEED_ARG]
    process = subprocess.Popen(
        [sys.executable, "-m", "reader", "analyze", *sources, "--no-people"],
        stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT,
    )
    try:
        first = process.stdout.readline()  # the first report has started: then the reader goes away, like head -1
        process.stdout.close()
        _, stderr = process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
    assert first.startswith(b"sample_articles/")
    text = stderr.decode("utf-8", "replace")
    assert "Traceback" not in text and "BrokenPipeError" not in text, text
    assert len(text.splitlines()) <= 1


# --- `reader SOURCE` (the UI) fails before any UI starts ------------------------------------------------------


def test_open_missing_file_fails_before_the_ui(tmp_path) -> None:
    missing = tmp_path / "nothing-here.txt"
    result = run_reader(str(missing))
    assert result.returncode == 2
    assert result.stdout == "", "no UI output (escape sequences) before the error"
    assert_one_error_line(result.stderr, "nothing-here.txt")
    assert not missing.exists()


def test_open_with_bad_sentences_fails_before_the_ui() -> None:
    result = run_reader(SEED_ARG, "--sentences", "abc")
    assert result.returncode == 2
    assert result.stdout == ""
    assert_one_error_line(result.stderr, "abc")


def test_open_stdin_without_a_terminal_fails_before_the_ui() -> None:
    """`cat article | reader -` with no terminal to read keys from: one line, not a hung or broken UI."""
    result = run_reader("-", stdin=SHORT_TEXT.encode("utf-8"), start_new_session=True)
    assert result.returncode == 2
    assert result.stdout == ""
    assert_one_error_line(result.stderr, "terminal")


@pytest.mark.parametrize("kind", ["empty", "url"])  # a FOLDER opens the library: test_library_screen.py
def test_open_error_inputs_in_process(capsys, tmp_path, unchanged, kind) -> None:
    source, keep = _error_input(kind, tmp_path)
    check = unchanged(keep) if keep is not None else None
    status, out, err = call(capsys, source)
    assert status == 2 and out == ""
    assert_one_error_line(err)
    if check is not None:
        check()


CRASHING_APP = """
import sys
from reader.ui.app import ReaderApp
from reader.ui.article_view import ArticleView
run = ReaderApp.run
ReaderApp.run = lambda self, *args, **kwargs: run(self, headless=True, size=(80, 24))
def broken(self, y):
    raise RuntimeError("a bug while rendering")
ArticleView.render_line = broken
from reader.cli.main import main
sys.exit(main())
"""


def test_a_crash_of_the_app_exits_non_zero(tmp_path: Path) -> None:
    """A bug in the UI (here: painting the article raises) ends ``reader FILE`` with Textual's status for a crash,
    1, through ``reader.cli.main`` (``run_app`` returns ``app.return_code``; before commit dd99f26 it returned 0
    whatever happened): scripts and shells see a failure, and the error is shown."""
    env = {**os.environ, **{name: str(tmp_path) for name in ("READER_STATE_DIR", "READER_CACHE_DIR",
                                                             "READER_DATA_DIR", "READER_CONFIG_DIR")}}
    result = subprocess.run([sys.executable, "-c", CRASHING_APP, "sample_articles/family_firm.txt"], cwd=ROOT,
                            env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert result.returncode == 1, result.stdout[-500:] + result.stderr[-500:]
    assert "RuntimeError" in result.stdout + result.stderr and "a bug while rendering" in result.stdout + result.stderr


# --- the trial as a new user (round 7): bad inputs, closed output, Ctrl+C, long sentences -----------------------

def bullet_items(report: str) -> list[str]:
    """The bulleted sentences of a human-readable report, each joined back into one line."""
    items: list[str] = []
    in_item = False
    for line in report.splitlines():
        if line.startswith("  • "):
            items.append(line[4:])
            in_item = True
        elif in_item and line.startswith("    "):
            items[-1] += " " + line.strip()
        else:
            in_item = False
    return items


def test_a_very_long_sentence_is_shortened_in_the_report_and_whole_in_json(capsys, tmp_path) -> None:
    """A one-line sentence of megabytes was printed whole: the report shows its start and an ellipsis."""
    words = " ".join(f"word{i % 97}" for i in range(6_000))
    path = tmp_path / "long.txt"
    path.write_text(f"Alice Walker met Bob Jones in Paris. Walker said that {words} went well.\n", "utf-8")
    status, out, err = call(capsys, "analyze", str(path), "--sentences", "2", "--about", "Walker")
    assert status == 0, err
    long_ones = [item for item in bullet_items(out) if "word0" in item]
    assert len(long_ones) == 2, out[:2000]  # in the summary and in the About sentences
    assert all(item.endswith("…") and len(item) <= 401 for item in long_ones), long_ones
    assert len(out) < 5_000
    status, out, _ = call(capsys, "analyze", str(path), "--json", "--sentences", "2", "--about", "Walker")
    data = json.loads(out)
    for block in (data["summary"], data["about"]):  # every sentence whole, as long as it is
        assert max(len(s["text"]) for s in block["sentences"]) > 5_000


def test_jobs_honour_about(capsys, tmp_path) -> None:
    """``--jobs`` ignored --about (an unknown name even exited 0) and left the quotes out of the report."""
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(SHORT_TEXT, "utf-8")
    sources = [str(tmp_path / "a.txt"), str(tmp_path / "b.txt")]
    status, out, err = call(capsys, "analyze", "--jobs", "2", "--about", "Nobody Known", *sources)
    assert status == 2 and out == ""
    assert [line.startswith("reader: no person named 'Nobody Known'") for line in err.splitlines()] == [True, True]
    status, out, err = call(capsys, "analyze", "--jobs", "2", "--about", "Walker", *sources)
    assert status == 0, err
    assert out.count("About Alice Walker") == 2 and out.count("Quotes:") == 2
    status, single, _ = call(capsys, "analyze", "--about", "Walker", *sources)
    assert single == out


def _without_stdout() -> None:
    os.close(1)


@pytest.mark.parametrize("args", [("analyze", SEED_ARG), ("analyze", "--json", SEED_ARG),
                                  ("analyze", "-j", "2", SEED_ARG, SEED_ARG), ("--version",), ("analyze", "--help")])
def test_a_closed_stdout_is_one_line_and_status_2(args) -> None:
    """``reader analyze x >&-``: with --jobs the pool's pipe took descriptor 1 (a traceback and a hang)."""
    result = subprocess.run([sys.executable, "-m", "reader", *args], stdin=subprocess.DEVNULL, stderr=subprocess.PIPE,
                            text=True, cwd=ROOT, timeout=TIMEOUT * 3, preexec_fn=_without_stdout)
    assert result.returncode == 2
    assert_one_error_line(result.stderr, "standard output is closed")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="no /dev/full")
@pytest.mark.parametrize("args", [("--version",), ("--help",), ("analyze", "--no-people", SEED_ARG)])
def test_a_full_disk_is_one_line_and_status_2(args) -> None:
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "reader", *args], stdin=subprocess.DEVNULL, stdout=full,
                                stderr=subprocess.PIPE, text=True, cwd=ROOT, timeout=TIMEOUT)
    assert result.returncode == 2
    assert_one_error_line(result.stderr, "no space left")


def test_ctrl_c_while_a_big_input_loads_exits_130_quietly() -> None:
    """SIGINT to the whole process group (what Ctrl+C sends) while the input is still being read."""
    import signal

    process = subprocess.Popen([sys.executable, "-m", "reader", "analyze", "-"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, start_new_session=True)
    try:
        # a pipe holds 64 KB: once this write returns, the reader has read most of it and waits for the rest
        process.stdin.write(SHORT_TEXT.encode() * 20_000)
        process.stdin.flush()
        os.killpg(process.pid, signal.SIGINT)
        out, err = process.communicate(timeout=TIMEOUT)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
    assert process.returncode == 130
    assert out == b"" and b"Traceback" not in err and len(err.splitlines()) <= 1, err[-500:]


def test_the_app_without_a_terminal_is_one_line_not_a_screen_nobody_can_quit(tmp_path) -> None:
    """``reader FILE </dev/null`` (cron, a script) drew a screen that waited for keys forever."""
    for source in (SEED_ARG, str(tmp_path)):  # a file, and a FOLDER (its library)
        result = run_reader(source)
        assert result.returncode == 2
        assert_one_error_line(result.stderr, "terminal")


def _without_stdin() -> None:
    os.close(0)


@pytest.mark.parametrize("args, words", [(("analyze", SEED_ARG, "--no-people"), None), (("analyze", "-"), "empty"),
                                         ((SEED_ARG,), "terminal")])
def test_a_closed_stdin_is_no_internal_error(args, words) -> None:
    """``reader analyze x <&-`` was "internal error (AttributeError ...)" even for a file."""
    result = subprocess.run([sys.executable, "-m", "reader", *args], capture_output=True, text=True, cwd=ROOT,
                            timeout=TIMEOUT, preexec_fn=_without_stdin)
    if words is None:
        assert result.returncode == 0 and result.stdout.startswith(SEED_ARG) and result.stderr == ""
    else:
        assert result.returncode == 2
        assert_one_error_line(result.stderr, words)
