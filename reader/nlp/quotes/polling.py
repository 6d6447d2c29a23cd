"""Cooperative cancellation: ``should_stop`` is polled every so often; :class:`Stopped` abandons the work."""

from __future__ import annotations

from collections.abc import Callable


POLL_EVERY = 64  # paragraphs, quotes or reporting verbs between two polls of ``should_stop``


class Stopped(Exception):
    """``should_stop`` returned True: the work is abandoned (find_quotes returns [])."""


def never() -> bool:
    return False


def poll(should_stop: Callable[[], bool]) -> None:
    if should_stop():
        raise Stopped
