"""Markdown (CommonMark, plus tables and strikethrough) to blocks, with markdown-it-py.

Headings become heading blocks, paragraphs text blocks, block quotes quote blocks, list items item blocks
with a "• " or "1. " prefix, code blocks keep their lines; inline markup is dropped (emphasis, code spans
and links become their text, images their alt text), HTML blocks become their text, and each table row is
one block with its cells joined by " | ". YAML front matter (``---`` ... ``---``) gives title, author and
date and is not shown.

markdown-it stops at its nesting limit and silently drops everything after it (a list 10 levels deep loses the
rest of the document). The limit is raised to ``MAX_NESTING`` (deeper would overflow its recursion), and when
any source line with text is still not covered by a block, the whole document is shown as plain text instead,
with a warning, so no text is ever lost.

markdown-it's tokens take about ten times the memory of the text, so a long document is parsed in sections of
about ``SECTION_CHARS``, cut only at a blank line before a line that starts at the margin, outside fenced code.
"""

from __future__ import annotations

import html as _html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain

from reader.document import build
from reader.document.build import Block, Parts, build_parts, plain_text_blocks, too_many_paragraphs
from reader.document.model import Document, Metadata
from reader.sanitize import normalise_newlines, sanitise

BULLET = "• "
_FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
_FRONT_MATTER_MAX = 16 * 1024
_LEADING_NEWLINES = re.compile(r"\n*")
_YAML_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*)$")
_YAML_LINE = re.compile(r"^(?:[A-Za-z_][\w-]*[ \t]*:.*|[ \t]+.*|-(?:[ \t].*)?|#.*)$")
_TAG = re.compile(r"<[^<>]*>")
_COMMENT = re.compile(r"<!--.*?(?:-->|\Z)", re.S)
_SCRIPT_OR_STYLE = re.compile(r"<(script|style)\b[^<>]*>.*?(?:</\1\s*>|\Z)", re.S | re.I)
SECTION_CHARS = 256 * 1024
_FENCE = re.compile(r"^ {0,3}(?:`{3,}|~{3,})", re.M)
MAX_NESTING = 100  # markdown-it's own default (20) is 9 list levels; 1,000 overflows its recursion
# Tokens whose line map covers source text that is shown (containers are not: their lines may have been dropped).
_TEXT_BLOCKS = frozenset({"paragraph_open", "heading_open", "fence", "code_block", "html_block", "hr", "table_open"})
# What a line without shown text may hold: quote and list markers, or a link reference definition.
_NO_TEXT_LINE = re.compile(r"[ \t>]*(?:(?:[-+*]|\d{1,9}[.)])(?=[ \t]|$)[ \t>]*)*(?:\[[^\]]+\]:.*)?")


@dataclass(frozen=True, slots=True)
class MarkdownResult:
    blocks: list[Block]
    title: str | None = None
    author: str | None = None
    date: str | None = None
    warnings: tuple[str, ...] = ()


def markdown_document(text: str, source: str) -> Document:
    """A Document from Markdown source text, built section by section (the blocks are never all held at once)."""
    return build_parts(markdown_parts(text, source))


def markdown_parts(text: str, source: str) -> Parts:
    """The blocks of Markdown text, parsed a section at a time while they are read, and the front matter.
    A text that surely has more than MAX_PARAGRAPHS blocks is refused before the parse (``surely_too_many_blocks``)."""
    if surely_too_many_blocks(text):
        raise too_many_paragraphs(source)
    front, sections, warnings = _parse(text)
    del text  # the sections generator holds the only reference
    first, first_h1 = next(sections, ([], None))
    meta = Metadata(source=source, title=front.get("title") or first_h1, author=front.get("author"),
                    date=front.get("date"), format="markdown")
    return Parts(chain(first, chain.from_iterable(blocks for blocks, _ in sections)), meta, sanitised=True,
                 warnings=warnings)


def parse_markdown(text: str) -> MarkdownResult:
    """Blocks and front-matter metadata of Markdown text (title falls back to the first level-1 heading of the
    first section, i.e. of the first ~256 KB)."""
    front, sections, warnings = _parse(text)
    blocks: list[Block] = []
    first_h1: str | None = None
    for index, (section_blocks, h1) in enumerate(sections):
        blocks.extend(section_blocks)
        if index == 0:
            first_h1 = h1
    return MarkdownResult(blocks, front.get("title") or first_h1, front.get("author"), front.get("date"),
                          tuple(warnings))


def _parse(text: str) -> tuple[dict[str, str], Iterator[tuple[list[Block], str | None]], list[str]]:
    """Front matter, the blocks (and first level-1 heading) of each section as they are parsed, and a list that
    receives the warnings while the sections are consumed. Each section is sanitised on its own: a 200 MB text
    is never copied whole."""
    text = normalise_newlines(text)
    front, start = _front_matter(text, _LEADING_NEWLINES.match(text).end())  # type: ignore[union-attr]
    warnings: list[str] = []
    return front, _section_blocks(text, start, warnings), warnings


# A line after a blank line that starts (at most 3 spaces in) with a letter, or with a bullet or a heading mark and
# a letter: a paragraph, a list item or a heading with text, so one block more, read as Markdown or as plain text.
_BLOCK_START = re.compile(r"\n[ \t\r]*\n(?:[ \t\r]*\n)*[ ]{0,3}(?:(?:[-+*]|#{1,6})[ \t]+)?[^\W\d_]")
# What can hold blank lines and letters without making blocks: fenced code and HTML blocks (a comment, <pre>).
_HOLDS_BLANK_LINES = re.compile(r"^[ ]{0,3}(?:<|`{3}|~{3})", re.M)


def surely_too_many_blocks(text: str) -> bool:
    """Whether ``text`` has more block starts (``_BLOCK_START``) than the paragraph cap, counted by one linear scan
    before the parse (a 190 MB text was refused only after ~60% of it was parsed, a minute of work). Each start is
    a block of its own (a lower bound: blocks without a blank line before them are not counted), so only a text
    the build would refuse is refused. A text with fenced code or HTML at the margin is not estimated (their
    blank lines and letters may make no block); the build's own count still refuses it."""
    limit = build.MAX_PARAGRAPHS
    if text.count("\n") // 2 <= limit or _HOLDS_BLANK_LINES.search(text):
        return False
    start = _LEADING_NEWLINES.match(text).end()  # type: ignore[union-attr]  # always matches (maybe empty)
    after_front_matter = start + _FRONT_MATTER_MAX + 8 if text.startswith("---", start) else 0
    for count, _ in enumerate(_BLOCK_START.finditer(text, after_front_matter), 1):
        if count > limit:
            return True
    return False


def _section_blocks(text: str, start: int, warnings: list[str]) -> Iterator[tuple[list[Block], str | None]]:
    for low, high in _sections(text, start):
        section = sanitise(text[low:high])
        if estimated_tokens(section) > MAX_SECTION_TOKENS:
            # a table, list or emphasis run that cannot be cut at a blank line: its tokens would take hundreds
            # of times its size (a 4 MB table took 2.7 GB and 40 s); every word is kept as plain text
            _warn(warnings, "Markdown too dense with markup to parse in one piece: shown as plain text")
            yield plain_text_blocks(section), None
            continue
        tokens = _parser().parse(section)
        blocks, h1 = _blocks(tokens)
        if "&" in section:  # the parser decodes "&#x202e;", "&ZeroWidthSpace;" ... after the source was sanitised
            blocks = [Block(sanitise(block.text), block.kind, block.level) for block in blocks]
        dropped = section.strip() and (not any(b.text.strip() for b in blocks) or _dropped_text(section, tokens))
        del tokens
        if dropped:
            # markdown-it dropped what lies deeper than its nesting limit: keep every word of it as plain text
            blocks, h1 = plain_text_blocks(section), None
            _warn(warnings, f"Markdown nested more than {MAX_NESTING // 2} levels deep: shown as plain text")
        yield blocks, h1


def _warn(warnings: list[str], warning: str) -> None:
    if warning not in warnings:
        warnings.append(warning)


MAX_SECTION_TOKENS = 400_000  # markdown-it tokens of one section: ~330 bytes each, so ~130 MB at most
_TOKENS_PER_LINE = 6  # a list item line: item, paragraph and inline open/close, its text
_TOKENS_PER_MARK = 3  # a table cell (open, inline, close), an emphasis or a link delimiter
_MARKS = "|*_`[<&"


def estimated_tokens(section: str) -> int:
    """About how many tokens markdown-it makes of ``section`` (a few C-speed counts): prose makes few, a table
    or a list line many (a 256 KB table: ~260k tokens, 86 MB)."""
    return section.count("\n") * _TOKENS_PER_LINE + sum(section.count(mark) for mark in _MARKS) * _TOKENS_PER_MARK


def _sections(text: str, start: int = 0) -> list[tuple[int, int]]:
    """``text[start:]`` as consecutive ranges of about SECTION_CHARS that Markdown parses the same apart as
    together."""
    ranges: list[tuple[int, int]] = []
    while len(text) - start > SECTION_CHARS:
        cut = text.find("\n\n", start + SECTION_CHARS)
        while cut != -1 and (cut + 2 >= len(text) or text[cut + 2].isspace()
                             or len(_FENCE.findall(text, start, cut)) % 2):
            cut = text.find("\n\n", cut + 2)
        if cut == -1:
            break
        ranges.append((start, cut + 2))
        start = cut + 2
    ranges.append((start, len(text)))
    return ranges


def _dropped_text(text: str, tokens) -> bool:
    """True when a source line with text is covered by no text block (markdown-it gave up inside it)."""
    lines = text.split("\n")
    covered = bytearray(len(lines) + 1)
    for token in tokens:
        if token.type in _TEXT_BLOCKS and token.map:
            start, end = token.map
            covered[start:end] = b"\x01" * (end - start)
    for number, line in enumerate(lines):
        if not covered[number] and line.strip() and _NO_TEXT_LINE.fullmatch(line) is None:
            return True
    return False


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """YAML front matter as simple ``key: value`` pairs (lists joined by ", "), and the text after it."""
    values, end = _front_matter(text, 0)
    return values, text[end:]


def _front_matter(text: str, start: int) -> tuple[dict[str, str], int]:
    """The front matter at ``text[start:]`` (values sanitised) and where the text after it starts."""
    if not text.startswith("---", start):
        return {}, start
    match = _FRONT_MATTER.match(text[start : start + _FRONT_MATTER_MAX + 8])
    if not match:
        return {}, start
    lines = sanitise(match.group(1)).split("\n")
    if not all(_YAML_LINE.match(line) for line in lines if line.strip()):
        return {}, start  # a thematic break followed by prose, not front matter
    values: dict[str, str] = {}
    key: str | None = None
    for line in lines:
        item = _YAML_KEY.match(line)
        if item:
            key, value = item.group(1).lower(), _unquote(item.group(2))
            if value.startswith("[") and value.endswith("]"):
                value = ", ".join(_unquote(v) for v in value[1:-1].split(",") if v.strip())
            if value:
                values[key] = value
        elif key and line.strip().startswith("- "):  # block list: "author:\n  - A\n  - B"
            entry = _unquote(line.strip()[2:])
            if entry:
                values[key] = f"{values[key]}, {entry}" if key in values else entry
    if "authors" in values and "author" not in values:
        values["author"] = values["authors"]
    return values, start + match.end()


def _unquote(value: str) -> str:
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        value = value[1:-1]
    return value.strip()


@lru_cache(maxsize=1)
def _parser():
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable(["table", "strikethrough"])


def _blocks(tokens) -> tuple[list[Block], str | None]:
    blocks: list[Block] = []
    first_h1: str | None = None
    lists: list[bool] = []  # stack: ordered?
    quote_depth = 0
    prefix: str | None = None  # the marker waiting for the first paragraph of a list item
    heading_level = 0
    row: list[str] | None = None

    def kind() -> str:
        if lists:
            return "item"
        return "quote" if quote_depth else "text"

    for token in tokens:
        kind_of = token.type
        if kind_of == "heading_open":
            heading_level = int(token.tag[1:]) if token.tag[1:].isdigit() else 1
        elif kind_of == "heading_close":
            heading_level = 0
        elif kind_of == "blockquote_open":
            quote_depth += 1
        elif kind_of == "blockquote_close":
            quote_depth = max(0, quote_depth - 1)
        elif kind_of in ("bullet_list_open", "ordered_list_open"):
            lists.append(kind_of == "ordered_list_open")
        elif kind_of in ("bullet_list_close", "ordered_list_close"):
            if lists:
                lists.pop()
        elif kind_of == "list_item_open":
            ordered = lists[-1] if lists else False
            prefix = f"{token.info or 1}. " if ordered else BULLET
        elif kind_of == "list_item_close":
            prefix = None
        elif kind_of == "tr_open":
            row = []
        elif kind_of == "tr_close":
            if row is not None and any(cell.strip() for cell in row):
                blocks.append(Block(" | ".join(cell.strip() for cell in row), "table"))
            row = None
        elif kind_of == "inline":
            content = _inline_text(token)
            if row is not None:
                row.append(content)
            elif heading_level:
                blocks.append(Block(content, "heading", heading_level))
                if heading_level == 1 and first_h1 is None and content.strip():
                    first_h1 = " ".join(content.split())
            else:
                if prefix is not None:
                    content, prefix = prefix + content, None
                blocks.append(Block(content, kind()))
        elif kind_of in ("fence", "code_block"):
            blocks.append(Block(token.content, "code"))
            prefix = None
        elif kind_of == "html_block":
            content = html_fragment_text(token.content)
            if content.strip():
                blocks.append(Block(content, kind()))
    return blocks, first_h1


def _inline_text(token) -> str:
    parts: list[str] = []
    for child in token.children or ():
        kind = child.type
        if kind in ("text", "code_inline"):
            parts.append(child.content)
        elif kind == "image":
            parts.append(child.content)  # the alt text
        elif kind in ("softbreak", "hardbreak"):
            parts.append("\n")
        elif kind == "html_inline" and child.content.lower().startswith("<br"):
            parts.append("\n")
    return "".join(parts)


def html_fragment_text(fragment: str) -> str:
    """The visible text of a small HTML fragment (comments, scripts, styles and tags removed)."""
    fragment = _COMMENT.sub("", fragment)
    fragment = _SCRIPT_OR_STYLE.sub("", fragment)
    return _html.unescape(_TAG.sub(" ", fragment))
