"""The one error type the user sees: a message that fits on one line.

A message often quotes something from outside (a file name, a URL, a server's header, an option the user
typed, an exception's text), so every message is sanitised here, once, for every place it is shown (the CLI's
error line, the UI's notifications): no escape sequence, control or invisible character, no line break.
"""

from __future__ import annotations

from reader.sanitize import sanitise_line


class ReaderError(Exception):
    """A problem with the user's input or environment, reported as one line and exit status 2."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        message = terminal_safe(message)
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


MESSAGE_LIMIT = 2000  # characters: a long URL still fits, a hostile megabyte-long header does not


def terminal_safe(text: object) -> str:
    """Any text from outside as one line that is safe to print: sanitised, whitespace collapsed, length capped."""
    return sanitise_line(str(text), limit=MESSAGE_LIMIT) or "?"
