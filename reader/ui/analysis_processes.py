"""The analysis stages in worker processes: two cores really used, and a UI thread that never waits for the GIL.

Two lanes, each one process: people in one, summary and quotes in the other (quotes then wait for the summary).
The processes are forked on the first task from a ``forkserver`` started with the app, which meanwhile (while
the text loads and paints) imports the NLP modules and runs each stage once on a tiny text
(``reader.ui.lane_warm_up``): both lanes start warm, and a reopened book whose analysis is cached forks none.
The forkserver and the lanes run at a lower priority (``LANE_NICENESS``): on a busy machine the UI comes first.

A task sends the document (text, paragraphs, metadata; only when the lane does not hold it already, so quotes
after the summary reuse its sentences) and gets back the result encoded as in the analysis cache
(``reader.cache.encode_*``: plain lists, quick to pickle), decoded here into the usual result types, with the
sentence spans the lane split, which the UI's document adopts (``Document.adopt_sentences``).

- Cancellation: a shared flag per task, polled by the stage as its ``should_stop``; the waiting thread returns at
  once with ``Cancelled`` and the lane's next task first drains the dropped reply.
- A process that dies (killed, out of memory) is reported as ``AnalysisProcessFailed`` (the pane's error line)
  and replaced at the lane's next task.
- ``close()`` (the app calls it when it exits) terminates the processes: quitting is instant, nothing survives.
- A lane's process ignores SIGINT and writes nothing to the terminal (its stdout and stderr go to /dev/null).

Nothing here imports Textual: the lane processes run ``serve`` from this module with the NLP layer only.
"""

from __future__ import annotations

import multiprocessing
from multiprocessing import forkserver
import os
import signal
import threading
from collections.abc import Callable, Sequence
from multiprocessing.connection import Connection, wait
from typing import Any

from reader.cache import decode_people, decode_quotes, decode_spans, decode_summary, encode_people, encode_quotes
from reader.cache import encode_spans, encode_summary
from reader.document.model import Document, Span
from reader.errors import ReaderError
from reader.nlp.analysis import Cancelled, ShouldStop, SummaryOptions, never
from reader.nlp.results import Person, Quote, Summary

__all__ = ["AnalysisProcessFailed", "AnalysisProcesses", "LANE_OF_STAGE", "ProcessesUnavailable", "start_processes"]

LANE_OF_STAGE = {"people": 0, "summary": 1, "quotes": 1, "sentences": 1}
PRELOAD = ["reader.ui.lane_warm_up", "numpy", "scipy.sparse", "nltk", "reader.document.sentences", "reader.nlp.analysis",
           "reader.nlp.people", "reader.nlp.summary", "reader.nlp.quotes", __name__]  # the first lowers the priority
LANE_NICENESS = 10  # the forkserver's and the lanes' (``nice``): the UI process comes first
POLL_SECONDS = 0.05
SLOTS = 64  # cancellation flags, reused in turn: far more than the tasks ever in flight (one per lane)
WARM_TEXT = ('Mr. John Smith met Anna Pavlovna in Moscow. "We shall win," said John. Anna laughed.\n\n'
             "The war began in the spring. Pierre came home late.\n")


class AnalysisProcessFailed(ReaderError):
    """The process running a stage stopped before answering (killed, out of memory)."""


class ProcessesUnavailable(AnalysisProcessFailed):
    """No analysis process can be started here (the caller runs the stage itself)."""


class AnalysisProcesses:
    """The lanes (their forkserver starts at once): ``people``, ``summary``, ``quotes`` from a worker thread;
    ``close()`` when the app exits."""

    def __init__(self, lanes: int = 2) -> None:
        self._context = multiprocessing.get_context("forkserver")
        self._context.set_forkserver_preload(PRELOAD)
        # Started now, before Textual takes over stdout and stderr (the resource tracker passes stderr's file
        # descriptor on, and Textual's stand-in has none): the imports begin at once, in the background.
        forkserver.ensure_running()
        self._flags = self._context.Array("b", SLOTS, lock=False)
        self._slot = 0
        self._slot_lock = threading.Lock()
        self._lanes = [_Lane(self._context, self._flags) for _ in range(lanes)]
        self._closed = threading.Event()

    # ------------------------------------------------------------------ lifecycle
    def _ensure_running(self, lane: _Lane, stop: Callable[[], bool]) -> None:
        lane.ensure_running(stop)
        if self._closed.is_set():  # closed while the process was starting
            lane.terminate()
            raise Cancelled

    def close(self) -> None:
        """Terminate every lane's process now (a task waiting on one ends with Cancelled)."""
        self._closed.set()
        for lane in self._lanes:
            lane.closed = True
            lane.terminate()

    def pids(self) -> list[int]:
        """The process ids of the running lanes (for tests and the bench)."""
        return [pid for lane in self._lanes if (pid := lane.pid()) is not None]

    # ------------------------------------------------------------------ stages
    # Each takes the document's ``sentences`` when they are known already (from the cache): the lane does not
    # split them again.
    def people(self, document: Document, should_stop: ShouldStop = never,
               sentences: Sequence[Span] | None = None) -> list[Person]:
        """``analysis.people_stage`` (no corrections: the caller applies them) in the people lane."""
        value = self._run("people", document, (), should_stop, sentences)
        return decode_people(value, len(document.text))

    def summary(self, document: Document, options: SummaryOptions, should_stop: ShouldStop = never,
                sentences: Sequence[Span] | None = None) -> Summary:
        value = self._run("summary", document, (options,), should_stop, sentences)
        return decode_summary(value, len(document.text))

    def sentences(self, document: Document, should_stop: ShouldStop = never) -> tuple[Span, ...]:
        """The sentence spans, split in the summary lane (which keeps them for the summary), adopted here."""
        value = self._run("sentences", document, (), should_stop, None)
        document.adopt_sentences(decode_spans(value, len(document.text)))
        return document.sentences

    def quotes(self, document: Document, people: Sequence[Person], should_stop: ShouldStop = never,
               sentences: Sequence[Span] | None = None) -> list[Quote]:
        value = self._run("quotes", document, (encode_people(list(people)),), should_stop, sentences)
        return decode_quotes(value, len(document.text))

    def _run(self, stage: str, document: Document, args: tuple[Any, ...], should_stop: ShouldStop,
             sentences: Sequence[Span] | None) -> Any:
        if self._closed.is_set():
            raise Cancelled
        lane = self._lanes[LANE_OF_STAGE[stage] % len(self._lanes)]
        with self._slot_lock:
            slot = self._slot
            self._slot = (slot + 1) % SLOTS
        with lane.lock:
            if self._closed.is_set():
                raise Cancelled
            stop = lambda: should_stop() or self._closed.is_set()  # noqa: E731
            lane.drain()
            self._ensure_running(lane, stop)
            self._flags[slot] = 0
            lane.send(slot, stage, document, args, sentences)
            kind, value, spans = lane.receive(stop, on_stop=lambda: self._cancel(slot))
            lane.held(document if kind == "ok" else None)
        if spans is not None:
            document.adopt_sentences(decode_spans(spans, len(document.text)))
        if kind == "error":
            raise value
        return value

    def _cancel(self, slot: int) -> None:
        self._flags[slot] = 1


def start_processes() -> AnalysisProcesses | None:
    """The lanes, or None where processes cannot be made (no forkserver, no shared memory): threads then."""
    try:
        return AnalysisProcesses()
    except (OSError, ValueError, RuntimeError):
        return None


class _Lane:
    """One process and its pipe; used under ``lock`` by one task at a time."""

    def __init__(self, context: Any, flags: Any) -> None:
        self.lock = threading.Lock()
        self._context = context
        self._flags = flags
        self._process: Any = None
        self._conn: Connection | None = None
        self._held: Document | None = None  # the document the process holds (with its sentences)
        self._owed = 0  # replies of cancelled tasks still to be read and dropped
        self._starting: threading.Event | None = None  # set once the process being started is up (or failed)
        self._start_error: ProcessesUnavailable | None = None
        self.closed = False

    def pid(self) -> int | None:
        process = self._process
        return process.pid if process is not None and process.is_alive() else None

    def ensure_running(self, stop: Callable[[], bool]) -> None:
        """Start the process if it is not running. Forking waits for the forkserver's imports: that runs in a
        daemon thread, so that a task asked to stop (the app quitting) returns at once with Cancelled."""
        if self._starting is None and self._process is not None and self._process.is_alive():
            return
        if self._starting is None:
            self._discard()
            self._starting = threading.Event()
            threading.Thread(target=self._start, args=(self._starting,), name="reader-analysis-start",
                             daemon=True).start()
        while not self._starting.wait(POLL_SECONDS):
            if stop():
                raise Cancelled  # the start goes on; the lane's next task waits for it
        self._starting = None
        error, self._start_error = self._start_error, None
        if error is not None:
            raise error

    def _start(self, done: threading.Event) -> None:
        parent, child = self._context.Pipe()
        process = self._context.Process(target=serve, args=(child, self._flags), name="reader-analysis", daemon=True)
        try:
            process.start()
            self._process, self._conn = process, parent
        except (OSError, ValueError) as error:
            parent.close()
            self._start_error = ProcessesUnavailable(f"no analysis process could start ({error})")
        finally:
            child.close()
            if self.closed:  # the app quit while the process was starting
                self.terminate()
            done.set()

    def send(self, slot: int, stage: str, document: Document, args: tuple[Any, ...],
             sentences: Sequence[Span] | None) -> None:
        payload = None
        if document is not self._held:
            known = encode_spans(tuple(sentences)) if sentences is not None else None
            payload = (document.text, document.paragraphs, document.meta, known)
            self._held = None  # until the reply says the process holds it (and sent its sentences)
        assert self._conn is not None
        try:
            self._conn.send((slot, stage, payload, args))
        except (OSError, ValueError) as error:  # the process died
            self._discard()
            raise AnalysisProcessFailed(f"the analysis process stopped ({error})") from None

    def held(self, document: Document | None) -> None:
        """The process holds ``document`` now, and the UI's copy its sentences (None: send it again next time)."""
        self._held = document

    def receive(self, stop: Callable[[], bool], on_stop: Callable[[], None]) -> tuple[str, Any, list[int] | None]:
        """The reply of the task just sent; Cancelled (the reply then owed) as soon as ``stop()`` says so."""
        conn, process = self._conn, self._process
        assert conn is not None and process is not None
        while not stop():
            try:
                ready = wait([conn, process.sentinel], timeout=POLL_SECONDS)
                if conn in ready:
                    return conn.recv()
            except (EOFError, OSError):
                ready = [process.sentinel]
            if ready and not stop():
                process.join(1.0)
                code = process.exitcode
                self._discard()
                how = f"signal {-code}" if code is not None and code < 0 else f"exit status {code}"
                raise AnalysisProcessFailed(f"the analysis process stopped unexpectedly ({how})")
        on_stop()
        self._owed += 1
        raise Cancelled

    def drain(self) -> None:
        """Read the replies of cancelled tasks first (each stops at its next poll of its flag); a process that
        died meanwhile is dropped (the next task starts another)."""
        conn, process = self._conn, self._process
        while self._owed and conn is not None and process is not None:
            try:
                if conn not in wait([conn, process.sentinel]):
                    raise EOFError
                conn.recv()
                self._owed -= 1
            except (EOFError, OSError):
                self._discard()
                return

    def terminate(self) -> None:
        """Stop the process now (called without the lock: a task waiting on it sees it end)."""
        process = self._process
        if process is None:
            return
        process.terminate()
        process.join(1.0)
        if process.is_alive():
            process.kill()
            process.join(1.0)

    def _discard(self) -> None:
        process, conn = self._process, self._conn
        self._process = self._conn = self._held = None
        self._owed = 0
        if conn is not None:
            conn.close()
        if process is not None and process.is_alive():
            process.terminate()
            process.join(1.0)


# ---------------------------------------------------------------------------------------------- in the process


def serve(conn: Connection, flags: Any) -> None:
    """A lane's process: answer tasks until the pipe closes (the app has gone)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # ctrl+c in the terminal is the app's
    silence_output()
    document: Document | None = None
    while True:
        try:
            slot, stage, payload, args = conn.recv()
        except (EOFError, OSError):
            return
        spans = None
        if payload is not None:
            text, paragraphs, meta, known = payload
            document = Document(text, paragraphs, meta)
            if known is not None:
                document.adopt_sentences(decode_spans(known, len(text)))
        try:
            assert document is not None
            value = _compute(stage, document, args, lambda: flags[slot] != 0)
            reply: tuple[str, Any, Any] = ("ok", value, None)
        except Exception as error:  # sent back whole: Cancelled, ReaderError, or a bug shown as the pane's error
            reply = ("error", _picklable(error), None)
        if payload is not None and payload[3] is None and document is not None and reply[0] == "ok":
            spans = encode_spans(document.sentences)  # the UI's document adopts them: it never splits the book
        try:
            conn.send((reply[0], reply[1], spans))
        except (OSError, ValueError):
            return


def silence_output() -> None:
    """Standard output and error to /dev/null: nothing written over the UI's screen."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    os.close(devnull)


def _compute(stage: str, document: Document, args: tuple[Any, ...], should_stop: ShouldStop) -> Any:
    from reader.nlp import analysis

    if should_stop():
        raise Cancelled
    if stage == "people":
        return encode_people(analysis.people_stage(document, should_stop))
    if stage == "summary":
        return encode_summary(analysis.summary_stage(document, args[0], should_stop))
    if stage == "sentences":
        return encode_spans(document.sentences)
    if stage == "quotes":
        people = decode_people(args[0], len(document.text))
        return encode_quotes(analysis.quotes_stage(document, people, should_stop))
    raise ValueError(f"unknown stage {stage!r}")


def _picklable(error: Exception) -> Exception:
    import pickle

    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return ReaderError(f"{type(error).__name__}: {error}")
    return error


def warm_up() -> None:
    """Run each stage on a tiny text, so that what they load on first use (Punkt's parameters, the tagger, the
    name lists) is loaded (in the forkserver: once, before the lanes are forked from it)."""
    from reader.document.build import document_from_plain_text
    from reader.nlp import analysis

    try:
        document = document_from_plain_text(WARM_TEXT, "<warm-up>")
        people = analysis.people_stage(document)
        analysis.summary_stage(document)
        analysis.quotes_stage(document, people)
    except Exception:  # a real task will meet the same problem and report it
        pass

