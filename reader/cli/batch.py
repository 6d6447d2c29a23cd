"""``reader analyze FOLDER_OR_FILES --jobs N``: many inputs, analysed in parallel, reported in input order.

A folder stands for its .txt, .md and .html files (searched recursively, hidden ones skipped, sorted by path).
With ``--jobs N`` (N > 1; 0 = one per core) the inputs are analysed in a process pool; at most a few per worker
are in flight, so a million files need no more memory than ten. Output is one JSON line (or one report) per
input, in input order; a bad input is one ``reader: ...`` line on stderr and the others go on; the exit status is
2 at the end if any failed. A progress bar is drawn on stderr when stderr is a terminal.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from dataclasses import dataclass
from typing import Any

from reader.errors import ReaderError
from reader.library import ANALYSABLE_SUFFIXES, analysable_files

__all__ = ["expand_sources", "run_batch", "wants_batch"]

IN_FLIGHT_PER_JOB = 4


@dataclass(frozen=True)
class Task:
    """One input to analyse: its source, the bytes of stdin for "-", and the analysis options."""

    source: str
    stdin: bytes | None
    options: dict[str, Any]
    as_json: bool
    about: str | None = None


@dataclass(frozen=True)
class Outcome:
    output: str | None  # the JSON line or report; None when it failed
    error: str | None = None
    source: str = ""  # the input as shown (sanitised)
    warnings: tuple[str, ...] = ()  # ``Metadata.warnings`` of an input that loaded


def wants_batch(args: argparse.Namespace) -> bool:
    """Whether ``reader analyze`` needs this module: parallel jobs or a folder among the sources."""
    return args.jobs != 1 or any(os.path.isdir(source) for source in args.sources if source != "-")


def expand_sources(sources: Iterable[str]) -> Iterator[str | ReaderError]:
    """Each source as it is, a folder as its analysable files in path order; an empty folder as an error."""
    for source in sources:
        if source == "-" or not os.path.isdir(source):
            yield source
            continue
        files = analysable_files(source)
        if not files:
            yield ReaderError(f"{source}: no {', '.join(ANALYSABLE_SUFFIXES[:-1])} or "
                              f"{ANALYSABLE_SUFFIXES[-1]} files in this folder")
        yield from (str(path) for path in files)


def run_batch(args: argparse.Namespace, report: Callable[[ReaderError], int],
              warn: Callable[[str, str], None], write: Callable[[str], None]) -> int:
    """Analyse every source of ``args`` (``--jobs`` workers), print in input order; the exit status.

    ``report`` prints an input's error, ``warn(source, warning)`` each warning of an input that loaded, ``write``
    an input's output (raising ``OutputError`` when it cannot)."""
    if args.jobs < 0:
        raise ReaderError(f"--jobs must be 0 (one per core) or a number of workers, not {args.jobs}")
    jobs = args.jobs if args.jobs > 0 else (os.cpu_count() or 1)
    options = {"algorithm": args.algorithm, "sentences": args.sentences, "summary": not args.no_summary,
               "people": not args.no_people}
    items = list(expand_sources(args.sources))
    stdin = sys.stdin.buffer.read() if "-" in items else None
    tasks = [item if isinstance(item, ReaderError)
             else Task(item, stdin if item == "-" else None, options, args.json, args.about) for item in items]
    jobs = min(jobs, max(1, len(tasks)))  # one input: no pool to start
    status = 0
    with _progress(len(tasks)) as advance:
        for outcome in _outcomes(tasks, jobs):
            if outcome.error is not None:
                status = report(ReaderError(outcome.error))
            else:
                for warning in outcome.warnings:
                    warn(outcome.source, warning)
                write(outcome.output or "")
            advance()
    return status


def analyse_task(task: Task) -> Outcome:
    """Load, analyse and format one input (runs in a worker process); every failure becomes one line."""
    from reader.cli.quotes_report import analysis_output
    from reader.cli.report import analyse
    from reader.document.load import load_document

    try:
        stdin = io.BytesIO(task.stdin) if task.stdin is not None else None
        document = load_document(task.source, stdin=stdin)
        result = analyse(document, **task.options)
        return Outcome(analysis_output(result, as_json=task.as_json, about=task.about), source=document.source,
                       warnings=document.meta.warnings)
    except ReaderError as error:
        return Outcome(None, str(error))
    except MemoryError:
        return Outcome(None, f"{task.source}: not enough memory to analyse it")
    except Exception as error:  # one bad file must not stop the others
        detail = " ".join(str(error).split())[:200]
        return Outcome(None, f"{task.source}: could not be analysed ({type(error).__name__}: {detail})")


def _outcomes(tasks: list[Task | ReaderError], jobs: int) -> Iterator[Outcome]:
    if jobs == 1:
        for task in tasks:
            yield Outcome(None, str(task)) if isinstance(task, ReaderError) else analyse_task(task)
        return
    window = jobs * IN_FLIGHT_PER_JOB
    queue = iter(tasks)
    _warm_up(next((task for task in tasks if isinstance(task, Task)), None))
    pool = ProcessPoolExecutor(max_workers=jobs)
    pending: deque[tuple[Task | ReaderError, Future[Outcome] | None]] = deque()

    def submit(task: Task | ReaderError) -> None:
        pending.append((task, None if isinstance(task, ReaderError) else pool.submit(analyse_task, task)))

    try:
        for task in queue:
            submit(task)
            if len(pending) >= window:
                break
        while pending:
            task, future = pending.popleft()
            if future is None:
                yield Outcome(None, str(task))
            else:
                try:
                    yield future.result()
                except BrokenProcessPool:
                    # a worker died (killed for memory?) and took the pool's other inputs with it: this input
                    # runs again alone, to tell whether it was the one; the rest go on in a fresh pool
                    pool.shutdown(wait=False, cancel_futures=True)
                    yield _alone(task)
                    pool = ProcessPoolExecutor(max_workers=jobs)
                    retry = [queued for queued, _ in pending]
                    pending.clear()
                    for queued in retry:
                        submit(queued)
            for task in queue:
                submit(task)
                break
    finally:
        pool.shutdown(wait=False, cancel_futures=True)


def _alone(task: Task) -> Outcome:
    with ProcessPoolExecutor(max_workers=1) as solo:
        try:
            return solo.submit(analyse_task, task).result()
        except BrokenProcessPool:
            return Outcome(None, f"{task.source}: the process analysing it stopped unexpectedly (out of memory?)")


def _warm_up(task: Task | None) -> None:
    """Import the analysis and load its data once, before the workers fork: they share it instead of each
    spending a second or two on imports (where workers are forked; elsewhere this costs one tiny analysis)."""
    if task is None:
        return
    from reader.document.build import document_from_plain_text
    from reader.nlp.analysis import analyse

    warm_up = document_from_plain_text("Anna Smith met Bob Jones in Paris. Smith said it went well.\n", "<warm-up>")
    try:
        analyse(warm_up, **{**task.options, "sentences": None})
    except ReaderError:
        pass


def _progress(total: int):
    """A context giving ``advance()``: a progress bar on stderr when it is a terminal, else nothing."""
    if total < 2 or not sys.stderr.isatty():
        return nullcontext(lambda: None)
    return _RichProgress(total)


class _RichProgress:
    def __init__(self, total: int) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self._progress = Progress(TextColumn("analysing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                  console=Console(stderr=True), transient=True)
        self._task = self._progress.add_task("analyse", total=total)

    def __enter__(self) -> Callable[[], None]:
        self._progress.start()
        return lambda: self._progress.advance(self._task)

    def __exit__(self, *exc: object) -> None:
        self._progress.stop()
