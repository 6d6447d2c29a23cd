"""The Textual app: a thin shell around the reading screen.

It opens documents (loading one in a worker after the first paint when asked to), holds the keys that work on
every screen, and is the one place worker failures are reported. Reading happens in ``ReaderScreen``; the
side-pane tabs are ``reader.ui.panes``.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Iterable
from functools import partial

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen
from textual.notifications import SeverityLevel
from textual.worker import Worker, WorkerState

from reader.cache import AnalysisCache
from reader.document.model import Document
from reader.config import Config
from reader.errors import ReaderError, terminal_safe
from reader.nlp.analysis import SummaryOptions
from reader.nlp.summarizers import DEFAULT_ALGORITHM
from reader.sanitize import sanitise
from reader.state import StateStore
from reader.ui.analysis_processes import start_processes
from reader.ui.cached_analysis import AnalysisRunner
from reader.ui.help_screen import display_key
from reader.ui.library_screen import LibraryScreen, LibrarySource, note_opened
from reader.ui.loading_screen import LoadingScreen, PendingDocument
from reader.ui.messages import WorkFailed
from reader.ui.reader_screen import ReaderScreen

__all__ = ["PendingDocument", "ReaderApp", "ReaderScreen", "binding_ids"]


def binding_ids() -> set[str]:
    """Every binding id a keymap may name (``[keys]`` in the settings file): those of every screen and widget of
    reader's UI (the People list's corrections and the library's keys included, not only the reading screen's)."""
    from textual.dom import DOMNode

    ids = set()
    pending = [DOMNode]
    while pending:
        cls = pending.pop()
        pending.extend(cls.__subclasses__())
        if cls.__module__.startswith("reader.ui."):
            ids.update(b.id for b in cls.__dict__.get("BINDINGS", ()) if isinstance(b, Binding) and b.id)
    return ids

LOAD_GROUP = "load"
EXIT_SIGNALS = (signal.SIGTERM, signal.SIGHUP, signal.SIGINT)
"""Signals that end the app as ``q`` does (reading position saved, terminal restored), with status 128 + signal:
SIGHUP is the terminal closing, SIGTERM a shutdown or ``kill``, SIGINT a ``kill -INT`` (ctrl+c is a key here)."""


class ReaderApp(App[None]):
    """Read a Document, or one still to be loaded (``PendingDocument``)."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"

    BINDINGS = [Binding("q", "quit", "Quit", id="app.quit")]

    def __init__(self, document: Document | PendingDocument | LibrarySource, *, algorithm: str | None = None,
                 sentences: str | None = None, state: StateStore | None = None,
                 cache: AnalysisCache | None = None, config: Config | None = None, processes: bool = False) -> None:
        super().__init__()
        self.config = config  # None: the defaults, nothing remembered (tests, snapshots)
        remembered = config.algorithm if config is not None else None
        self.options = SummaryOptions(algorithm or remembered or DEFAULT_ALGORITHM, sentences)
        self.state = state  # None: remember nothing (tests, snapshots)
        # cache None: analyse every time; processes False: in threads of this process (tests, snapshots)
        self.analysis = AnalysisRunner(cache, start_processes() if processes else None)
        self.load_error: ReaderError | None = None
        """Why the document could not be loaded (the app then exits with status 2)."""
        self._opening = document
        self.exit_signal: int | None = None
        """The signal that ended the app (SIGTERM, SIGHUP, SIGINT), if one did: the process exits 128 + it."""
        self._signal_handlers: dict[int, object] = {}

    def run(self, *args, headless: bool = False, **kwargs):
        """Run in the terminal; without one to read keys from (``reader x </dev/null``, cron) one line, not a
        screen nobody can quit."""
        if not headless and not os.isatty(0):
            if self.analysis.processes is not None:
                self.analysis.processes.close()
            raise ReaderError("the reader needs a terminal to read keys from, and standard input is not one "
                              "(for text output: reader analyze SOURCE)")
        return super().run(*args, headless=headless, **kwargs)

    async def on_mount(self) -> None:
        self._catch_exit_signals()
        self._apply_config()
        if isinstance(self._opening, LibrarySource):
            await self.push_screen(LibraryScreen(self._opening, self.state, self.analysis.cache))
        elif isinstance(self._opening, Document):
            note_opened(self.state, self._opening)
            await self.push_screen(ReaderScreen(self._opening, self.options, self.state))
        else:
            await self.push_screen(LoadingScreen(self._opening.name))
            self.run_worker(partial(_load_unless_cancelled, self._opening), thread=True, group=LOAD_GROUP,
                            exit_on_error=False, description=f"open {self._opening.name}")

    def on_unmount(self) -> None:
        """Quitting: the analysis processes are terminated at once (a task still running is dropped)."""
        if self.analysis.processes is not None:
            self.analysis.processes.close()
        self._release_exit_signals()

    # ------------------------------------------------------------------ signals: end as q does
    def _catch_exit_signals(self) -> None:
        """From now on SIGTERM, SIGHUP and SIGINT end the app as ``q`` does (see ``EXIT_SIGNALS``)."""
        if threading.current_thread() is not threading.main_thread():
            return  # only the main thread may set handlers (an app run from a thread keeps the defaults)
        loop = asyncio.get_running_loop()
        for number in EXIT_SIGNALS:
            self._signal_handlers[number] = signal.signal(number, partial(self._on_exit_signal, loop))

    def _release_exit_signals(self) -> None:
        while self._signal_handlers:
            number, handler = self._signal_handlers.popitem()
            signal.signal(number, handler)

    def _on_exit_signal(self, loop: asyncio.AbstractEventLoop, number: int, _frame: object) -> None:
        """The signal handler (main thread, between two bytecodes): note the signal, let go of a terminal that hung
        up, and leave the rest to the event loop."""
        if self.exit_signal is None:
            self.exit_signal = number
        if number == signal.SIGHUP and _terminal_hung_up():
            _detach_from_terminal()  # the screen's last writes and the key reader's reads go nowhere, never block
        try:
            loop.call_soon_threadsafe(self._exit_after_signal)
        except RuntimeError:  # the loop is closed: the app is ending already
            pass

    def _exit_after_signal(self) -> None:
        """Save the reading position at once (nothing is lost if the terminal cannot be restored), then quit."""
        reader = self.reader
        if reader is not None:
            reader.save_position()
        self.exit(return_code=128 + (self.exit_signal or 0))

    def panic(self, *renderables) -> None:
        """A terminal that hung up fails the key reader's thread: that is the signal's exit, not a crash to show."""
        if self.exit_signal is not None:
            self.exit(return_code=128 + self.exit_signal)
        else:
            super().panic(*renderables)

    # ------------------------------------------------------------------ settings
    def _apply_config(self) -> None:
        """The remembered theme and the user's key bindings (Textual's keymap, by binding id)."""
        config = self.config
        if config is None:
            return
        if config.theme is not None:
            if config.theme in self.available_themes:
                self.theme = config.theme
            else:
                config.warnings.append(f"{config.path}: unknown theme {config.theme!r}; ignored")
        known = binding_ids()
        unknown = sorted(set(config.keys) - known)
        if unknown:
            config.warnings.append(f"{config.path}: unknown binding id {', '.join(unknown)} in [keys] "
                                   "(the ids are listed in the help, F1); ignored")
        self.set_keymap({binding_id: keys for binding_id, keys in config.keys.items() if binding_id in known})
        self.show_config_warnings()

    def show_config_warnings(self) -> None:
        if self.config is not None:
            for warning in self.config.warnings:
                self.notify(warning, severity="warning", timeout=8)
            self.config.warnings.clear()

    def remember(self, **values: str) -> None:
        """Keep a choice (theme, algorithm) for the next run, if there is a settings file."""
        if self.config is not None and any(getattr(self.config, k) != v for k, v in values.items()):
            self.config.remember(**values)
            self.show_config_warnings()

    def watch_theme(self, theme: str) -> None:
        if self.is_mounted:
            self.remember(theme=theme)

    # ------------------------------------------------------------------ commands
    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The command palette (ctrl+p): Textual's commands, then every key binding of the screen with its keys."""
        yield from super().get_system_commands(screen)
        keys: dict[str, list[str]] = {}
        found = {}
        for key, entry in screen.active_bindings.items():
            binding = entry.binding
            if binding.id is None or binding.system or not binding.description:
                continue
            keys.setdefault(binding.id, []).append(binding.key_display or display_key(key))
            found.setdefault(binding.id, entry)
        for binding_id, entry in found.items():
            yield SystemCommand(entry.binding.description, "key: " + " / ".join(dict.fromkeys(keys[binding_id])),
                                partial(entry.node.run_action, entry.binding.action))

    def action_help_quit(self) -> None:
        """ctrl+c: say how to quit, in plain words (Textual's own notice would show its markup literally here)."""
        keys = [display_key(key) for key, entry in self.active_bindings.items()
                if entry.binding.action in ("quit", "app.quit")]
        self.notify(f"Press {' or '.join(dict.fromkeys(keys)) or 'ctrl+q'} to quit.", title="Do you want to quit?")

    @property
    def reader(self) -> ReaderScreen | None:
        """The reading screen, once a document is open (the help may be on top of it)."""
        return next((s for s in reversed(self.screen_stack) if isinstance(s, ReaderScreen)), None)

    def open_document(self, document: Document) -> ReaderScreen:
        """Read ``document``, in place of the one open now (whose reading position is saved)."""
        screen = ReaderScreen(document, self.options, self.state)
        note_opened(self.state, document)
        while len(self.screen_stack) > 2 and not isinstance(self.screen, (LibraryScreen, ReaderScreen, LoadingScreen)):
            self.pop_screen()  # the help, over the reading screen
        if isinstance(self.screen, (ReaderScreen, LoadingScreen)):
            self.switch_screen(screen)
        else:
            self.push_screen(screen)
        return screen

    # ------------------------------------------------------------------ workers: the one error policy
    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group != LOAD_GROUP:
            return
        if event.state == WorkerState.SUCCESS and isinstance(worker.result, Document):
            self.open_document(worker.result)
        elif event.state == WorkerState.SUCCESS and isinstance(worker.result, BaseException):
            self._load_failed(worker.result, worker.description)
        elif event.state == WorkerState.ERROR:
            self._load_failed(worker.error, worker.description)

    def _load_failed(self, error: BaseException | None, description: str) -> None:
        self.load_error = error if isinstance(error, ReaderError) else ReaderError(f"{description}: {error}")
        self.exit(return_code=self.load_error.exit_code)

    def on_work_failed(self, message: WorkFailed) -> None:
        """A worker failed: its message in the widget that asked for the work, a notification, no crash."""
        text = terminal_safe(f"{message.description} failed: {message.error}")  # exception text may quote a path
        if message.where is not None:
            message.where.show_error(text)
        self.notify(text, severity="error", timeout=8)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Notifications may quote the article (names, search text) or a setting from the user's file (a binding id
        in [keys]): never parse them as markup, and sanitise them (no escape reaches the terminal)."""
        super().notify(sanitise(message), title=sanitise(title), severity=severity, timeout=timeout, markup=markup)


def _terminal_hung_up() -> bool:
    """True once the terminal is gone: writing to it fails (EIO)."""
    try:
        os.write(2, b"")
    except OSError:
        return True
    return False


def _detach_from_terminal() -> None:
    """Standard input, output and error on /dev/null, in place of a terminal that hung up."""
    try:
        devnull = os.open(os.devnull, os.O_RDWR)
    except OSError:
        return
    for fd in (0, 1, 2):
        try:
            os.dup2(devnull, fd)
        except OSError:
            pass
    os.close(devnull)


def _load_unless_cancelled(pending: PendingDocument) -> Document | BaseException | None:
    """The worker that loads ``pending``: the load itself runs in a daemon thread, so quitting (q, SIGTERM) while
    a huge file loads is not held up until it is read: the worker stops waiting once it is cancelled at exit.
    Returns the Document, or the error the load raised (the worker itself succeeds), or None when cancelled."""
    from textual.worker import get_current_worker

    worker = get_current_worker()
    outcome: dict[str, object] = {}
    done = threading.Event()

    def load() -> None:
        try:
            outcome["document"] = pending.load()
        except BaseException as error:  # noqa: BLE001 - handed on to on_worker_state_changed, which reports it
            outcome["error"] = error
        finally:
            done.set()

    threading.Thread(target=load, name="reader-load", daemon=True).start()
    while not done.wait(0.1):  # a poll for cancellation, not a timeout: the load may take minutes
        if worker.is_cancelled:
            return None
    return outcome.get("error") or outcome["document"]  # type: ignore[return-value]
