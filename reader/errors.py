"""The one error type the user sees: a message that fits on one line."""

from __future__ import annotations


class ReaderError(Exception):
    """A problem with the user's input or environment, reported as one line and exit status 2."""

    exit_code = 2

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message
