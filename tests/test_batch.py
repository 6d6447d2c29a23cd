"""`reader analyze FOLDER_OR_FILES --json --jobs N`: parallel, input order, bad files reported, chapters in JSON."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

import reader.cli.batch as batch
from reader.cli.main import main

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "sample_articles"
BOOK = "\n\n".join(["A Short Book", "CHAPTER I.", "Anna Petrova walked to the river and sat down. " * 4,
                    "CHAPTER II.", "Ivan Sokolov found Anna at the river. Anna smiled at Ivan. " * 4]) + "\n"


def call(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        status = main(list(args))
    except SystemExit as exit_:
        status = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()
    return status, out, err


@pytest.fixture
def library(tmp_path: Path) -> Path:
    folder = tmp_path / "library"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    shutil.copy(SAMPLES / "family_firm.txt", folder / "b_family.txt")
    shutil.copy(SAMPLES / "city_budget.md", folder / "a_city.md")
    shutil.copy(SAMPLES / "museum_reopening.html", folder / "sub" / "c_museum.html")
    (folder / "d_book.txt").write_text(BOOK, "utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF-1.4 not analysed")
    (folder / ".hidden" / "e.txt").write_text("hidden", "utf-8")
    (folder / ".f.txt").write_text("hidden", "utf-8")
    return folder


def sources(out: str) -> list[str]:
    return [Path(json.loads(line)["source"]).name for line in out.splitlines()]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_folder_is_its_text_files_in_path_order(capsys, library, jobs):
    status, out, err = call(capsys, "analyze", str(library), "--json", "--jobs", jobs)
    assert status == 0 and err == ""
    assert sources(out) == ["a_city.md", "b_family.txt", "d_book.txt", "c_museum.html"]  # sub/ sorts after d_


def test_parallel_output_equals_sequential_output(capsys, library):
    files = [str(p) for p in sorted(library.rglob("*.txt")) if ".hidden" not in p.parts and p.name[0] != "."]
    files += [str(SAMPLES / "trump_foreign_policy.txt")] * 3
    _, sequential, _ = call(capsys, "analyze", *files, "--json")
    status, parallel, _ = call(capsys, "analyze", *files, "--json", "--jobs", "2")
    assert status == 0 and parallel == sequential
    assert len(parallel.splitlines()) == len(files)


def test_a_bad_file_is_one_line_and_the_others_go_on(capsys, library):
    (library / "b_broken.txt").write_bytes(b"\x00\x01\x02binary")
    status, out, err = call(capsys, "analyze", str(library), str(library / "missing.txt"), "--json", "--jobs", "2")
    assert status == 2
    assert sources(out) == ["a_city.md", "b_family.txt", "d_book.txt", "c_museum.html"]
    lines = err.splitlines()
    assert len(lines) == 2 and all(line.startswith("reader: ") for line in lines)
    assert "b_broken.txt" in lines[0] and "missing.txt" in lines[1]
    assert "Traceback" not in err


def test_an_empty_folder_is_an_error_line(capsys, tmp_path):
    (tmp_path / "empty").mkdir()
    status, out, err = call(capsys, "analyze", str(tmp_path / "empty"), str(SAMPLES / "family_firm.txt"), "--json")
    assert status == 2 and len(out.splitlines()) == 1
    assert err.startswith("reader: ") and "no .txt" in err and len(err.splitlines()) == 1


def test_a_negative_job_count_is_refused(capsys):
    status, out, err = call(capsys, "analyze", str(SAMPLES / "family_firm.txt"), "--jobs", "-1")
    assert status == 2 and out == "" and err.startswith("reader: ") and "--jobs" in err


def test_stdin_among_parallel_inputs(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(BOOK.encode())))
    status, out, _ = call(capsys, "analyze", "-", str(SAMPLES / "family_firm.txt"), "--json", "--jobs", "2")
    assert status == 0
    first, second = (json.loads(line) for line in out.splitlines())
    assert first["source"] == "<stdin>" or first["text"].startswith("A Short Book")
    assert {p["name"] for p in first["people"]} >= {"Anna Petrova", "Ivan Sokolov"}


def test_human_reports_in_parallel_keep_the_order(capsys, library):
    status, out, _ = call(capsys, "analyze", str(library / "b_family.txt"), str(library / "d_book.txt"), "-j", "2")
    assert status == 0
    assert out.index("b_family.txt") < out.index("d_book.txt")


def test_chapters_in_the_json(capsys, library):
    status, out, _ = call(capsys, "analyze", str(library / "d_book.txt"), "--json")
    data = json.loads(out)
    assert status == 0
    assert [(c["title"], c["level"]) for c in data["chapters"]] == [("CHAPTER I", 2), ("CHAPTER II", 2)]
    first, second = data["chapters"]
    assert data["text"][first["start"] :].startswith("CHAPTER I.")
    assert first["end"] == second["start"] and second["end"] == len(data["text"])


REAL_ANALYSE_TASK = batch.analyse_task


def dying_worker(task):
    """A worker that dies, as when the system kills it for memory, on files named *crash*."""
    import os

    if "crash" in task.source:
        os._exit(1)
    return REAL_ANALYSE_TASK(task)


def test_a_worker_that_dies_costs_only_its_own_input(capsys, tmp_path, monkeypatch):
    import multiprocessing

    if multiprocessing.get_start_method() != "fork":
        pytest.skip("the replacement worker reaches the pool only when workers are forked")
    monkeypatch.setattr(batch, "analyse_task", dying_worker)
    names = ["a.txt", "b_crash.txt", "c.txt", "d.txt", "e_crash.txt", "f.txt"]
    for name in names:
        shutil.copy(SAMPLES / "family_firm.txt", tmp_path / name)
    status, out, err = call(capsys, "analyze", str(tmp_path), "--json", "--jobs", "2")
    assert status == 2
    assert sources(out) == ["a.txt", "c.txt", "d.txt", "f.txt"]
    lines = err.splitlines()
    assert len(lines) == 2 and "b_crash.txt" in lines[0] and "e_crash.txt" in lines[1]
    assert all(line.startswith("reader: ") and "stopped unexpectedly" in line for line in lines)
