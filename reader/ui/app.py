"""The Textual app: a thin shell around the reading screen.

It opens documents (loading one in a worker after the first paint when asked to), holds the keys that work on
every screen, and is the one place worker failures are reported. Reading happens in ``ReaderScreen``; the
side-pane tabs are ``reader.ui.panes``.
"""

from __future__ import annotations


from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.worker import Worker, WorkerState

from reader.cache import AnalysisCache
from reader.document.model import Document
from reader.errors import ReaderError
from reader.nlp.analysis import SummaryOptions
from reader.nlp.summarizers import DEFAULT_ALGORITHM
from reader.state import StateStore
from reader.ui.cached_analysis import AnalysisRunner
from reader.ui.library_screen import LibraryScreen, LibrarySource, note_opened
from reader.ui.loading_screen import LoadingScreen, PendingDocument
from reader.ui.messages import WorkFailed
from reader.ui.reader_screen import ReaderScreen

__all__ = ["PendingDocument", "ReaderApp", "ReaderScreen"]

LOAD_GROUP = "load"


class ReaderApp(App[None]):
    """Read a Document, or one still to be loaded (``PendingDocument``)."""

    CSS_PATH = "reader.tcss"
    TITLE = "reader"

    BINDINGS = [Binding("q", "quit", "Quit", id="app.quit")]

    def __init__(self, document: Document | PendingDocument | LibrarySource, *, algorithm: str = DEFAULT_ALGORITHM,
                 sentences: str | None = None, state: StateStore | None = None,
                 cache: AnalysisCache | None = None) -> None:
        super().__init__()
        self.options = SummaryOptions(algorithm, sentences)
        self.state = state  # None: remember nothing (tests, snapshots)
        self.analysis = AnalysisRunner(cache)  # cache None: analyse every time (tests, snapshots)
        self.load_error: ReaderError | None = None
        """Why the document could not be loaded (the app then exits with status 2)."""
        self._opening = document

    async def on_mount(self) -> None:
        if isinstance(self._opening, LibrarySource):
            await self.push_screen(LibraryScreen(self._opening, self.state, self.analysis.cache))
        elif isinstance(self._opening, Document):
            note_opened(self.state, self._opening)
            await self.push_screen(ReaderScreen(self._opening, self.options, self.state))
        else:
            await self.push_screen(LoadingScreen(self._opening.name))
            self.run_worker(self._opening.load, thread=True, group=LOAD_GROUP, exit_on_error=False,
                            description=f"open {self._opening.name}")

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
        elif event.state == WorkerState.ERROR:
            error = worker.error
            self.load_error = error if isinstance(error, ReaderError) else ReaderError(f"{worker.description}: {error}")
            self.exit(return_code=self.load_error.exit_code)

    def on_work_failed(self, message: WorkFailed) -> None:
        """A worker failed: its message in the widget that asked for the work, a notification, no crash."""
        text = f"{message.description} failed: {message.error}"
        if message.where is not None:
            message.where.show_error(text)
        self.notify(text, severity="error", timeout=8)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = False) -> None:
        """Notifications may quote the article (names, search text): never parse them as markup."""
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)
