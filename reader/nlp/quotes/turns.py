"""After attribution: untagged quote-only turns in runs of dialogue get their speaker by place (A, B, A, B)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from reader.document.model import Paragraph
from reader.nlp.quotes.shapes import opens_paragraph, untagged_turn

if TYPE_CHECKING:
    from reader.nlp.quotes.spans import Raw
    from reader.nlp.quotes.tags import Attributor


def turn_taking(text: str, raws: list[Raw], speakers: list[int | None], hows: list[str],
                 paragraphs: Sequence[Paragraph], att: Attributor) -> None:
    """Quote-only paragraphs in a run of dialogue take turns: A, B, then A, B, ... (two speakers alternating)."""
    # one entry per paragraph that holds quotes: (paragraph, quote indices)
    by_paragraph: list[tuple[int, list[int]]] = []
    for i, raw in enumerate(raws):
        if not (by_paragraph and by_paragraph[-1][0] == raw.paragraph) and not opens_paragraph(text, raw, paragraphs):
            continue  # a turn of dialogue opens its paragraph with the quote; narration with a quote is not one
        if by_paragraph and by_paragraph[-1][0] == raw.paragraph:
            by_paragraph[-1][1].append(i)
        else:
            by_paragraph.append((raw.paragraph, [i]))
    turn_speaker: list[int | None] = []
    for indices in (ix for _, ix in by_paragraph):
        own = {speakers[i] for i in indices}
        turn_speaker.append(own.pop() if len(own) == 1 else None)

    def adjacent(n: int, m: int) -> bool:  # turn m follows turn n directly (no narration between)
        return raws[by_paragraph[n][1][-1]].last_paragraph + 1 == by_paragraph[m][0]

    def fill(n: int, a_at: int, b_at: int) -> None:
        indices = by_paragraph[n][1]
        if turn_speaker[n] is not None or len(indices) != 1 or not untagged_turn(text, raws[indices[0]], paragraphs):
            return
        if not (0 <= a_at < len(by_paragraph) and 0 <= b_at < len(by_paragraph)):
            return
        lo, hi = min(n, a_at, b_at), max(n, a_at, b_at)
        if not all(adjacent(k, k + 1) for k in range(lo, hi)):
            return
        a, b = turn_speaker[a_at], turn_speaker[b_at]
        if a is None or b is None or a == b:
            return
        beyond = a_at + (a_at - b_at)  # the turn before A, B (or after B, A): a third speaker makes it no pair
        if (0 <= beyond < len(by_paragraph) and adjacent(min(beyond, a_at), max(beyond, a_at))
                and turn_speaker[beyond] not in (None, a, b)):
            return
        q = raws[indices[0]]
        if any(pid == a for _, _, pid in att.mentions.between(q.parts[0][0], q.parts[-1][1])):
            return  # "Impossible, Mr. Bennet": the person addressed is not the one speaking
        speakers[indices[0]] = a
        hows[indices[0]] = "turn-taking"
        turn_speaker[n] = a

    _alternate_runs(text, raws, by_paragraph, turn_speaker, speakers, hows, paragraphs, att, adjacent)
    for n in range(len(by_paragraph)):  # A, B, [A]
        fill(n, n - 2, n - 1)
    for n in range(len(by_paragraph) - 1, -1, -1):  # [A], B, A
        fill(n, n + 2, n + 1)


def _alternate_runs(text: str, raws: list[Raw], by_paragraph: list[tuple[int, list[int]]],
                    turn_speaker: list[int | None], speakers: list[int | None], hows: list[str],
                    paragraphs: Sequence[Paragraph], att: Attributor, adjacent: Callable[[int, int], bool]) -> None:
    """A run of adjacent dialogue paragraphs whose known turns (at least three) all fit two speakers taking
    strict turns (S at even places, T at odd): its unknown quote-only turns get their speaker by place."""
    n = 0
    while n < len(by_paragraph):
        m = n
        while m + 1 < len(by_paragraph) and adjacent(m, m + 1):
            m += 1
        run = range(n, m + 1)
        known = {k: turn_speaker[k] for k in run if turn_speaker[k] is not None}
        by_parity: dict[int, set[int]] = {0: set(), 1: set()}
        for k, pid in known.items():
            by_parity[(k - n) % 2].add(pid)
        if (len(known) >= 3 and len(by_parity[0]) == 1 and len(by_parity[1]) == 1
                and by_parity[0] != by_parity[1]):
            for k in run:
                indices = by_paragraph[k][1]
                if turn_speaker[k] is not None or len(indices) != 1:
                    continue
                q = raws[indices[0]]
                if not untagged_turn(text, q, paragraphs):
                    continue
                pid = next(iter(by_parity[(k - n) % 2]))
                if any(p == pid for _, _, p in att.mentions.between(q.parts[0][0], q.parts[-1][1])):
                    continue  # addressed by name: not the speaker
                speakers[indices[0]] = pid
                hows[indices[0]] = "turn-taking"
                turn_speaker[k] = pid
        n = m + 1
