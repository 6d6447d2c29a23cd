"""The ``reader`` command: open an article in the terminal, or analyse articles without the UI.

    reader [SOURCE]                 read SOURCE (file, URL or - for stdin); a FOLDER: its library; no SOURCE:
                                    the recently opened files (the bundled sample on a first run)
    reader analyze SOURCE... [--json]

Errors in the input are one line on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from reader import __version__
from reader.errors import ReaderError
from reader.nlp.summarizers import ALGORITHMS, DEFAULT_ALGORITHM

if TYPE_CHECKING:
    from reader.document.model import Document
    from reader.ui.library_screen import LibrarySource
    from reader.ui.loading_screen import PendingDocument

SAMPLE_NAME = "trump_foreign_policy.txt"


def bundled_sample() -> Path:
    """The seed article shipped in ``sample_articles/`` next to the package."""
    candidates = [
        Path(__file__).resolve().parents[2] / "sample_articles" / SAMPLE_NAME,
        Path(sys.prefix) / "share" / "reader" / "sample_articles" / SAMPLE_NAME,
    ]
    for path in candidates:
        if path.is_file():
            return path
    raise ReaderError("no bundled sample article found; pass a file to read: reader ARTICLE")


class _Parser(argparse.ArgumentParser):
    """argparse, with usage errors as one line (``reader: ...``, exit status 2) like every other error."""

    def error(self, message: str) -> NoReturn:
        raise ReaderError(f"{message} (see {self.prog} --help)")

    def _print_message(self, message: str, file=None) -> None:
        """--help and --version: written as every output is (an unwritable stdout is one line and status 2)."""
        if message:
            write_output(message)


def _add_summary_options(parser: argparse.ArgumentParser, remembered: bool = False) -> None:
    default = "the last one used, else " + DEFAULT_ALGORITHM if remembered else DEFAULT_ALGORITHM
    parser.add_argument("--algorithm", "-a", default=None if remembered else DEFAULT_ALGORITHM,
                        choices=list(ALGORITHMS), metavar="NAME",
                        help=f"summary algorithm: {', '.join(ALGORITHMS)} (default: {default})")
    parser.add_argument("--sentences", "-n", metavar="N|N%",
                        help="summary length as a number of sentences or a percentage (default: 5 for news, "
                             "scaled up for longer texts)")


def open_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader",
        description="Read an article in the terminal, with an extractive summary, the people it names and "
                    "jump-to-mention.",
        epilog="Also: reader analyze SOURCE... [--json]  (no UI; see reader analyze --help). "
               "Inside the app press ? for every key.",
    )
    parser.add_argument("source", nargs="?", metavar="SOURCE",
                        help="a .txt, .md or .html file, an http(s) URL, - for stdin, or a FOLDER to browse as a "
                             "library (default: the recently opened files; on a first run the bundled sample)")
    _add_summary_options(parser, remembered=True)
    parser.add_argument("--version", action="version", version=f"reader {__version__}")
    return parser


def analyze_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="reader analyze",
        description="Analyse articles without the UI: text, paragraphs, sentences, summary and people.",
    )
    parser.add_argument("sources", nargs="+", metavar="SOURCE", help="files, URLs, or - for stdin")
    parser.add_argument("--json", action="store_true",
                        help="print one JSON object per input (JSON Lines when there are several)")
    parser.add_argument("--no-summary", action="store_true", help="skip the summary")
    parser.add_argument("--no-people", action="store_true", help="skip the people list")
    parser.add_argument("--jobs", "-j", type=int, default=1, metavar="N",
                        help="analyse N inputs at once in worker processes (0: one per core; default: 1); "
                             "a FOLDER stands for its .txt, .md and .html files")
    parser.add_argument("--about", metavar="NAME", help="also print the sentences that say the most about NAME "
                                                        "(any name of a person of the People list)")
    _add_summary_options(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    _reserve_standard_fds()
    try:
        if args and args[0] == "analyze":
            return run_analyze(analyze_parser().parse_args(args[1:]))
        return run_app(open_parser().parse_args(args))
    except OutputError as error:
        _silence_stdout()  # what is still buffered can never be written either
        return _report(error)
    except ReaderError as error:
        return _report(error)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `reader analyze ... | head`: the reader of our output left; stop quietly, as cat does.
        _silence_stdout()
        return 1
    except MemoryError:
        return _report(ReaderError("not enough memory for this input"))
    except Exception as error:  # noqa: BLE001 - a bug or a broken install: still one line, never a traceback
        if os.environ.get("READER_DEBUG"):
            raise
        internal = ReaderError(f"internal error ({type(error).__name__}: {error}); set READER_DEBUG=1 to see where")
        internal.exit_code = 1
        return _report(internal)


def _report(error: ReaderError) -> int:
    """The one way an error reaches the user: one line on stderr (its text is sanitised by ReaderError, so
    nothing from outside reaches the terminal raw); returns the exit status. A closed stderr only loses the line."""
    _stderr_line(f"reader: {error}")
    return error.exit_code


def _report_warnings(document) -> None:
    """What the user should know about an input that still loaded (a download cut short): one line each."""
    for warning in document.meta.warnings:  # sanitised when the Document was built
        _warn(document.source, warning)


def _warn(source: str, warning: str) -> None:
    _stderr_line(f"reader: warning: {source}: {warning}")


def _stderr_line(line: str) -> None:
    stream = sys.stderr
    if stream is None:
        return
    try:
        stream.write(line + "\n")
        stream.flush()
    except (OSError, UnicodeEncodeError, ValueError):
        try:  # a stderr whose encoding cannot show the line (PYTHONIOENCODING=ascii): show it escaped
            stream.buffer.write((line + "\n").encode("ascii", "backslashreplace"))
            stream.buffer.flush()
        except (OSError, AttributeError, ValueError):
            pass


class OutputError(ReaderError):
    """Standard output is closed, full, or cannot encode the text; nothing more can be written."""


def write_output(text: str) -> None:
    """Write ``text`` to stdout now, or raise ``OutputError`` naming why it cannot be written."""
    stream = sys.stdout
    if stream is None:
        raise OutputError("cannot write the output: standard output is closed")
    try:
        stream.write(text)
        stream.flush()
    except BrokenPipeError:
        raise
    except UnicodeEncodeError as error:
        raise OutputError(f"cannot write the output: its encoding ({stream.encoding}) cannot represent "
                          f"{error.object[error.start]!r} (U+{ord(error.object[error.start]):04X}); "
                          "set PYTHONIOENCODING=utf-8") from None
    except (OSError, ValueError) as error:  # ValueError: a closed file object
        reason = getattr(error, "strerror", None) or str(error) or type(error).__name__
        raise OutputError(f"cannot write the output ({str(reason).rstrip('.').lower()})") from None


def _reserve_standard_fds() -> None:
    """A closed standard descriptor (``reader analyze x >&-``) on /dev/null: else the next file or pipe opened (a
    worker pool's) would take its number, and what is written to stdout would go there. ``sys.stdout`` stays None,
    so the output is still refused with one line; a closed stdin reads as empty."""
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:
            try:
                devnull = os.open(os.devnull, os.O_RDWR)  # the lowest free number: this one
            except OSError:
                return
            if devnull != fd:
                os.dup2(devnull, fd)
                os.close(devnull)
    if sys.stdin is None:  # closed at start (``<&-``): read as empty, so "-" is the usual one-line error
        sys.stdin = open(0, "r", closefd=False)  # noqa: SIM115 - lives as long as the process


def _silence_stdout() -> None:
    """Point stdout at /dev/null, so the interpreter's final flush of unwritable output prints nothing."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)
    except OSError:
        pass


def run_analyze(args: argparse.Namespace) -> int:
    from reader.cli.quotes_report import analysis_output
    from reader.cli.report import analyse, check_count_spec
    from reader.document.load import load_document

    if args.sentences is not None:
        check_count_spec(args.sentences)  # once, before any input is read
    from reader.cli.batch import run_batch, wants_batch

    if wants_batch(args):
        return run_batch(args, _report, _warn, write_output)
    status = 0
    for source in args.sources:
        try:
            document = load_document(source, stdin=sys.stdin.buffer)
            result = analyse(document, algorithm=args.algorithm, sentences=args.sentences,
                             summary=not args.no_summary, people=not args.no_people)
            output = analysis_output(result, as_json=args.json, about=args.about)
        except ReaderError as error:
            status = _report(error)
            continue
        _report_warnings(document)
        write_output(output)
    return status


def run_app(args: argparse.Namespace) -> int:
    if args.sentences is not None:
        from reader.cli.report import check_count_spec

        check_count_spec(args.sentences)  # before a possibly slow download
    from reader.cache import AnalysisCache
    from reader.config import load_config
    from reader.state import StateStore

    state = StateStore()
    opening = _library(args.source, state) or _open(args.source or str(bundled_sample()))
    from reader.ui.app import ReaderApp

    app = ReaderApp(opening, algorithm=args.algorithm, sentences=args.sentences, state=state, cache=AnalysisCache(),
                    config=load_config(), processes=True)
    app.run()
    if app.exit_signal is not None:  # SIGTERM, SIGHUP: ended as q does, with the shell's status for the signal
        return 128 + app.exit_signal
    if app.load_error is not None:
        return _report(app.load_error)
    return app.return_code or 0  # Textual sets 1 when the UI crashed


INSTANT_LOAD_BYTES = 1_000_000


def _library(source: str | None, state: object) -> LibrarySource | None:
    """A FOLDER, or no SOURCE once something was read (the recently opened files): the library screen."""
    from reader.library import recently_opened
    from reader.ui.library_screen import LibrarySource

    if source is not None:
        return LibrarySource(folder=Path(source)) if os.path.isdir(source) else None
    recent = tuple(Path(item.source) for item in recently_opened(state) if os.path.isfile(item.source))
    return LibrarySource(files=recent) if recent else None


def _open(source: str) -> Document | PendingDocument:
    """The document now, or a ``PendingDocument`` the app loads in a worker after its first paint.

    URLs and big files load in the app (the reader sees the loading state at once). Small files, stdin, and any
    input without a terminal to paint on load first: a typo fails with one line before any screen is drawn.
    """
    from reader.document.load import STDIN, display_name, is_url, load_document
    from reader.ui.loading_screen import PendingDocument

    if source != STDIN and sys.stdin.isatty() and sys.stdout.isatty() and (is_url(source) or _is_big_file(source)):
        return PendingDocument(display_name(source), lambda: load_document(source))
    document = load_document(source, stdin=sys.stdin.buffer)
    if source == STDIN:
        _reattach_terminal()
    return document


def _is_big_file(path: str) -> bool:
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return False  # load_document says what is wrong, before the UI
    return stat.S_ISREG(info.st_mode) and info.st_size > INSTANT_LOAD_BYTES


def _reattach_terminal() -> None:
    """After reading the article from a pipe, read keys from the terminal instead."""
    try:
        tty = os.open("/dev/tty", os.O_RDONLY)
    except OSError:
        raise ReaderError("stdin was the article, and there is no terminal to read keys from") from None
    os.dup2(tty, 0)
    os.close(tty)


if __name__ == "__main__":
    sys.exit(main())
