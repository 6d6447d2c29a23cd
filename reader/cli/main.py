"""The ``reader`` command: open an article in the terminal, or analyse articles without the UI.

    reader [SOURCE]                 read SOURCE (file, URL or - for stdin); no SOURCE: the bundled sample
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


def _add_summary_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--algorithm", "-a", default=DEFAULT_ALGORITHM, choices=list(ALGORITHMS), metavar="NAME",
                        help=f"summary algorithm: {', '.join(ALGORITHMS)} (default: {DEFAULT_ALGORITHM})")
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
                        help="a .txt, .md or .html file, an http(s) URL, or - for stdin "
                             "(default: the bundled sample article)")
    _add_summary_options(parser)
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
    parser.add_argument("--about", metavar="NAME", help="also print the sentences that say the most about NAME "
                                                        "(any name of a person of the People list)")
    _add_summary_options(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        if args and args[0] == "analyze":
            return run_analyze(analyze_parser().parse_args(args[1:]))
        return run_app(open_parser().parse_args(args))
    except ReaderError as error:
        return _report(error)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # `reader analyze ... | head`: the reader of our output left; stop quietly, as cat does.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


def _report(error: ReaderError) -> int:
    """The one way an error reaches the user: one line on stderr; returns the exit status."""
    print(f"reader: {error}", file=sys.stderr)
    return error.exit_code


def run_analyze(args: argparse.Namespace) -> int:
    from reader.cli.quotes_report import analysis_output
    from reader.cli.report import analyse, check_count_spec
    from reader.document.load import load_document

    if args.sentences is not None:
        check_count_spec(args.sentences)  # once, before any input is read
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
        sys.stdout.write(output)
        sys.stdout.flush()
    return status


def run_app(args: argparse.Namespace) -> int:
    if args.sentences is not None:
        from reader.cli.report import check_count_spec

        check_count_spec(args.sentences)  # before a possibly slow download
    source = args.source or str(bundled_sample())
    opening = _open(source)
    from reader.state import StateStore
    from reader.ui.app import ReaderApp

    app = ReaderApp(opening, algorithm=args.algorithm, sentences=args.sentences, state=StateStore())
    app.run()
    if app.load_error is not None:
        return _report(app.load_error)
    return app.return_code or 0  # Textual sets 1 when the UI crashed


INSTANT_LOAD_BYTES = 1_000_000


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
