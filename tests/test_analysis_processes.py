"""The analysis stages in worker processes (``reader.ui.analysis_processes``): the same typed results as the stages
run in this process, cancellation, a crashed process reported (and replaced), nothing left running after exit."""

from __future__ import annotations

import os
import signal
from dataclasses import dataclass

import pytest
from textual.worker import WorkerFailed

from reader.nlp import analysis
from reader.nlp.analysis import Cancelled, SummaryOptions
from reader.ui.analysis_processes import AnalysisProcessFailed, AnalysisProcesses
from reader.ui.app import ReaderApp
from reader.ui.cached_analysis import AnalysisRunner
from reader.ui.panes import PeoplePane, SummaryPane

from .conftest import settle


@dataclass(frozen=True)
class KilledWhileSummarising(SummaryOptions):
    """Options whose use kills the process summarising (as the out-of-memory killer would)."""

    def resolved_count(self, document):  # runs in the lane's process, which imports this module
        os.kill(os.getpid(), signal.SIGKILL)


def alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture
def processes():
    pool = AnalysisProcesses()
    yield pool
    pool.close()


@pytest.fixture(autouse=True)
def no_saved_corrections(tmp_path, monkeypatch):
    monkeypatch.setenv("READER_DATA_DIR", str(tmp_path / "data"))


def test_the_processes_give_the_results_of_the_stages_and_the_sentences(processes, seed_document, seed_path):
    from reader.document.build import document_from_plain_text

    local = document_from_plain_text(seed_path.read_text("utf-8"), str(seed_path))
    people = processes.people(seed_document)
    assert people == analysis.people_stage(local)
    assert processes.summary(seed_document, SummaryOptions()) == analysis.summary_stage(local)
    assert processes.summary(seed_document, SummaryOptions("lexrank", count=3)) == analysis.summary_stage(
        local, SummaryOptions("lexrank", count=3))
    assert processes.quotes(seed_document, people) == analysis.quotes_stage(local, people)
    assert seed_document.sentences == local.sentences  # adopted from the process that split them
    assert len(processes.pids()) == 2  # people in one process, summary and quotes in the other


def test_a_cancelled_task_raises_cancelled_and_the_next_one_is_answered(processes, seed_document):
    with pytest.raises(Cancelled):
        processes.summary(seed_document, SummaryOptions(), should_stop=lambda: True)
    assert processes.summary(seed_document, SummaryOptions()) == analysis.summary_stage(seed_document)


def test_a_process_killed_mid_task_is_an_error_and_is_replaced(processes, seed_document):
    processes.summary(seed_document, SummaryOptions())
    first = set(processes.pids())
    with pytest.raises(AnalysisProcessFailed, match="signal 9"):
        processes.summary(seed_document, KilledWhileSummarising())
    assert processes.summary(seed_document, SummaryOptions()) == analysis.summary_stage(seed_document)
    assert len(set(processes.pids()) - first) == 1  # a new summary process, the people one kept


def test_close_terminates_the_processes_and_later_tasks_are_cancelled(seed_document):
    pool = AnalysisProcesses()
    pool.people(seed_document)
    pool.summary(seed_document, SummaryOptions())
    pids = pool.pids()
    pool.close()
    assert pids and not any(alive(pid) for pid in pids)
    with pytest.raises(Cancelled):
        pool.people(seed_document)


def test_the_runner_caches_quotes_per_people_list(cache, seed_document, processes):
    runner = AnalysisRunner(cache, processes)
    people = runner.people(seed_document)
    quotes = runner.quotes(seed_document, people)
    assert quotes == analysis.quotes_stage(seed_document, people)
    assert cache.get_quotes(seed_document, people) == quotes
    fewer = [p for p in people if p.key != quotes[0].speaker]  # as if the reader hid the first speaker
    assert cache.get_quotes(seed_document, fewer) is None  # a corrected list never reads the old quotes
    assert runner.quotes(seed_document, fewer) == analysis.quotes_stage(seed_document, fewer)


async def test_the_app_analyses_in_processes_and_leaves_none_running_when_it_exits(seed_document):
    app = ReaderApp(seed_document, processes=True)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        assert app.reader.query_one(PeoplePane).found == analysis.people_stage(seed_document)
        assert app.reader.query_one(SummaryPane).summary == analysis.summary_stage(seed_document)
        assert app.reader.quotes == analysis.quotes_stage(seed_document)
        pids = app.analysis.processes.pids()
        assert len(pids) == 2
        await pilot.press("q")
    assert not any(alive(pid) for pid in pids)


async def test_a_crashed_process_is_the_panes_error_line_and_the_other_tab_still_works(seed_document):
    app = ReaderApp(seed_document, processes=True)
    app.options = KilledWhileSummarising()
    async with app.run_test(size=(120, 36)) as pilot:
        try:
            await settle(pilot)
        except WorkerFailed:  # the summary's worker failed while settle waited for it
            await settle(pilot)
        info = str(app.reader.query_one(SummaryPane).info.render())
        assert info.startswith("summarise failed: the analysis process stopped unexpectedly (signal 9)")
        assert app.reader.query_one(PeoplePane).found == analysis.people_stage(seed_document)
        pids = app.analysis.processes.pids()
    assert not any(alive(pid) for pid in pids)


def test_the_processes_import_no_textual():
    """What the forkserver preloads (then every lane) is the NLP layer: no Textual, no Rich."""
    import subprocess
    import sys

    check = ("import sys; from reader.ui.analysis_processes import PRELOAD\n"
             "for name in PRELOAD: __import__(name)\n"
             "print(','.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))")
    result = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == ""


def test_where_no_process_can_start_the_stages_run_in_the_thread(seed_document, monkeypatch, processes):
    def cannot_start(self):
        raise OSError("no shared memory here")

    from multiprocessing.context import ForkServerProcess

    monkeypatch.setattr(ForkServerProcess, "start", cannot_start)
    runner = AnalysisRunner(None, processes)
    assert runner.people(seed_document) == analysis.people_stage(seed_document)
    assert runner.processes is None  # and the next ones too


def test_the_lanes_run_at_a_lower_priority_than_the_ui(processes, seed_document):
    from reader.ui.analysis_processes import LANE_NICENESS

    processes.people(seed_document)
    (pid,) = processes.pids()
    assert os.getpriority(os.PRIO_PROCESS, pid) == min(19, os.nice(0) + LANE_NICENESS)
