"""Short, safe one-line excerpts of the article for the side pane."""

from __future__ import annotations

from rich.text import Text

from reader.document.model import Span

MAX_PROMPT_CHARS = 600  # a pathological 5 MB "sentence" must not be re-wrapped on every render
KWIC_SIDE = 28


def clip(text: str, start: int, end: int, limit: int = MAX_PROMPT_CHARS) -> str:
    """``text[start:end]`` on one line, shortened to ``limit`` characters with an ellipsis."""
    piece = " ".join(text[start : min(end, start + limit * 2)].split())
    return piece if len(piece) <= limit and end - start <= limit * 2 else piece[: limit - 1].rstrip() + "…"


def keyword_in_context(text: str, span: Span, side: int = KWIC_SIDE) -> Text:
    """One line: up to ``side`` characters either side of the mention, the mention in bold."""
    left = " ".join(text[max(0, span.start - side * 2) : span.start].split())[-side:]
    right = " ".join(text[span.end : span.end + side * 2].split())[:side]
    if span.start > 0 and text[span.start - 1].isspace():
        left += " "
    if span.end < len(text) and text[span.end].isspace():
        right = " " + right
    return Text.assemble(("…" + left, "dim"), (" ".join(text[span.start:span.end].split()), "bold"), (right + "…", "dim"))
