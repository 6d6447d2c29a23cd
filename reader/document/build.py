"""Turn extracted text into a Document: sanitise, find paragraphs, unwrap hard-wrapped lines.

Every loader ends here, so the rules for what the reader shows live in one place:
paragraphs are separated by exactly one blank line in ``Document.text``; text inside a paragraph is
one line, except code blocks, which keep their lines.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable, Iterator
from itertools import chain, islice
from dataclasses import dataclass, field

from reader.document.title_page import TITLE_PAGE_BLOCKS, title_page
from reader.document.model import BlockKind, Document, Metadata, Paragraphs, kind_code
from reader.sanitize import normalise_newlines, sanitise, sanitise_line
from reader.errors import ReaderError

PARAGRAPH_SEPARATOR = "\n\n"
_SEPARATOR_BYTES = PARAGRAPH_SEPARATOR.encode()
MAX_PARAGRAPHS = 1_000_000  # War and Peace has 12,000; the app's layout and sentences cost ~200 bytes each
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")
_SPACES = re.compile(r"[ \t\u00a0]+")
_HEADING_SCAN_LIMIT = 2_000  # raw characters; a heading or headline is far shorter even with its line breaks
_GUTENBERG_START = re.compile(r"^[ \t]*\*\*\* ?START OF (?:THE|THIS) PROJECT GUTENBERG E(?:BOOK|TEXT).*$", re.M | re.I)
_GUTENBERG_END = re.compile(r"^[ \t]*\*\*\* ?END OF (?:THE|THIS) PROJECT GUTENBERG E(?:BOOK|TEXT).*$", re.M | re.I)
_GUTENBERG_TITLE = re.compile(r"^Title:[ \t]*(.+(?:\n[ \t]+\S.*)*)", re.M)  # indented lines go on with it
_GUTENBERG_AUTHOR = re.compile(r"^Authors?:[ \t]*(.+(?:\n[ \t]+\S.*)*)", re.M)
_GUTENBERG_FIRST_LINE = re.compile(r"^\W*The Project Gutenberg e(?:Book|Text) of (.+?)(?:, by (.+?))?[ \t]*$",
                                   re.I | re.M)


@dataclass(frozen=True, slots=True)
class Block:
    """One paragraph-level block produced by a format converter (plain text, Markdown, HTML)."""

    text: str
    kind: BlockKind = "text"
    level: int = 0


@dataclass(frozen=True, slots=True)
class Parts:
    """What a format converter makes of a text before the Document is built: its blocks (often a generator that
    still reads the source text), the metadata, and warnings that may grow while the blocks are read.

    Loading a big file hands the Parts on and drops its own reference to the source text, so the source is freed
    as soon as the last block is read (``build_parts``), before the Document's text is made."""

    blocks: Iterable[Block]
    meta: Metadata
    sanitised: bool = False
    warnings: list[str] = field(default_factory=list)


def build_parts(parts: Parts) -> Document:
    """The Document of ``parts`` (warnings found while reading the blocks included)."""
    document = build_document(parts.blocks, parts.meta, sanitised=parts.sanitised)
    return document.with_warnings(*parts.warnings)


def build_document(blocks: Iterable[Block], meta: Metadata, *, sanitised: bool = False) -> Document:
    """Join blocks into the one immutable text, recording each paragraph's span.

    ``sanitised=True`` says the blocks' text already went through ``sanitise`` (it is not run again per block).
    The text is gathered as UTF-8 and decoded once at the end: a str with one curly quote takes 2 bytes a
    character, so holding every block as a str and then their join took twice the final text on top of it.
    """
    gathered = bytearray()
    starts, ends, kinds, levels = array("q"), array("q"), bytearray(), bytearray()  # the Paragraphs' columns
    offset = 0
    for block in blocks:
        text = _clean_block(block, sanitised)
        low, high = (0, len(text)) if block.kind == "code" else _stripped_bounds(text)  # code keeps its indent
        if low == high:
            continue
        if len(starts) >= MAX_PARAGRAPHS:
            raise too_many_paragraphs(meta.source)
        if starts:
            gathered += _SEPARATOR_BYTES
            offset += len(PARAGRAPH_SEPARATOR)
        _gather(gathered, text, low, high)
        starts.append(offset)
        ends.append(offset + high - low)
        kinds.append(kind_code(block.kind))
        levels.append(block.level)
        offset += high - low
    del blocks  # a generator over the source text: finished, so the source can be freed before the join
    block = text = None  # type: ignore[assignment]  # so is the last block: a 100 MB line is the source itself
    if not starts:
        raise ReaderError(f"{meta.source}: no readable text (the input is empty or only whitespace)")
    clean_meta = Metadata(
        source=sanitise(meta.source).replace("\n", " "),
        title=sanitise_line(meta.title),
        author=sanitise_line(meta.author),
        date=sanitise_line(meta.date),
        format=meta.format,
        warnings=tuple(line for line in (sanitise_line(w, limit=500) for w in meta.warnings) if line),
    )
    text = gathered.decode("utf-8", "surrogatepass")
    del gathered
    return Document(text, Paragraphs.from_columns(starts, ends, kinds, levels), clean_meta)


def too_many_paragraphs(source: str) -> ReaderError:
    """The refusal of a text with more than MAX_PARAGRAPHS paragraphs (a converter may find it before parsing)."""
    return ReaderError(f"{sanitise_line(source)}: too many paragraphs (more than {MAX_PARAGRAPHS:,}) "
                       "to read as an article or a book")


_GATHER_SLICE = 1 << 20


def _gather(gathered: bytearray, text: str, low: int, high: int) -> None:
    """Append ``text[low:high]`` as UTF-8, a slice at a time for a huge paragraph (a 100 MB line is neither
    stripped nor encoded as a whole copy)."""
    if low == 0 and high == len(text) and high <= _GATHER_SLICE:
        gathered += text.encode("utf-8", "surrogatepass")
        return
    for start in range(low, high, _GATHER_SLICE):
        gathered += text[start : min(high, start + _GATHER_SLICE)].encode("utf-8", "surrogatepass")


def _stripped_bounds(text: str) -> tuple[int, int]:
    """Where ``text.strip()`` would start and end (without making that copy)."""
    low, high = 0, len(text)
    while low < high and text[low].isspace():
        low += 1
    while high > low and text[high - 1].isspace():
        high -= 1
    return low, high


def _clean_block(block: Block, sanitised: bool) -> str:
    text = block.text if sanitised else sanitise(block.text)
    if block.kind == "code":
        lines = [line.rstrip() for line in text.split("\n")]
        while lines and not lines[0]:
            lines.pop(0)
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(lines)
    if "\n" in text:
        text = text.replace("\n", " ")
    if "  " in text or "\t" in text or "\u00a0" in text:
        text = _SPACES.sub(" ", text)
    return text


def plain_text_blocks(text: str) -> list[Block]:
    """Paragraphs of plain text.

    With blank lines in the text, blank lines separate paragraphs and the lines inside one are joined
    (hard-wrapped text such as Project Gutenberg books). Without any blank line, every line is a paragraph
    (news text saved one paragraph per line). ``text`` must already be sanitised.
    """
    return list(iter_plain_text_blocks(text))


def iter_plain_text_blocks(text: str, clean: Callable[[str], str] | None = None) -> Iterator[Block]:
    """``plain_text_blocks`` one at a time: a 200 MB text is never held twice as a list of chunks.

    ``clean`` (``sanitise``) is applied to each paragraph's raw text first, so that what makes a heading is decided
    on the text as it will be shown: "A\x1b[31m" is the heading "A", as re-reading the shown "A" finds.
    """
    for chunk in _chunks(text):
        if clean is not None:
            chunk = clean(chunk)
        if chunk.strip():
            yield _plain_block(chunk)


def _chunks(text: str) -> Iterator[str]:
    """The paragraphs' raw text: split at blank lines, or at every line when there is none (no copy of ``text``)."""
    low, high = 0, len(text)
    while low < high and text[low] == "\n":
        low += 1
    while high > low and text[high - 1] == "\n":
        high -= 1
    if _BLANK_LINE.search(text, low, high):
        position = low
        for separator in _BLANK_LINE.finditer(text, low, high):
            yield text[position : separator.start()]
            position = separator.end()
        yield text[position:high]
        return
    position = low
    while position <= high:
        newline = text.find("\n", position, high)
        if newline == -1:
            yield text[position:high]
            return
        yield text[position:newline]
        position = newline + 1


def _plain_block(chunk: str) -> Block:
    """A short single line in capitals ("CHAPTER IV", "BOOK ONE: 1805") is a heading."""
    if not chunk.isupper() or len(chunk) > _HEADING_SCAN_LIMIT:  # cheap tests first: a book is one chunk a line
        return Block(chunk)
    line = " ".join(chunk.split())  # decided on the text as it will be shown, so re-reading it agrees
    if len(line) <= 60 and not line.endswith((".", ",", ";")):
        return Block(line, "heading", 2)
    return Block(chunk)


def document_from_plain_text(text: str, source: str, title: str | None = None) -> Document:
    """A Document from plain text; a Project Gutenberg header and licence footer are dropped."""
    return build_parts(plain_text_parts(text, source, title))


def plain_text_parts(text: str, source: str, title: str | None = None) -> Parts:
    """The paragraphs of plain text, read lazily; each is sanitised as it is built (no sanitised copy of a whole
    200 MB text). A Project Gutenberg header gives the title and author and is dropped, with the licence footer."""
    author = None
    text = normalise_newlines(text)  # paragraphs are found on LF line ends
    start = _GUTENBERG_START.search(text)
    if start:
        header = sanitise(text[: start.start()])
        title, author = _gutenberg_header(header, title)
        end = _GUTENBERG_END.search(text, start.end())
        text = text[start.end() : end.start() if end else len(text)]
    blocks = iter_plain_text_blocks(text, clean=sanitise)
    del text  # the generator holds the only reference: the source goes once its last paragraph is read
    head = list(islice(blocks, TITLE_PAGE_BLOCKS))  # a headline or a title page; the rest is read block by block
    if title is None and _is_headline(head):
        title = " ".join(head[0].text.split())
        head[0] = Block(title, "heading", 1)
    if title is None or author is None:
        page_title, page_author = title_page([block.text for block in head])
        title, author = title or page_title, author or page_author
    return Parts(chain(head, blocks), Metadata(source=source, title=title, author=author), sanitised=True)


def _is_headline(blocks: list[Block]) -> bool:
    """A first line that reads like a headline: short, several words, no closing punctuation, text follows."""
    if len(blocks) < 3:
        return False
    if len(blocks[0].text) > _HEADING_SCAN_LIMIT:  # never split a 50 MB first line into words to find out
        return False
    first = " ".join(blocks[0].text.split())  # as it will be shown: a hard-wrapped line is joined
    return (len(first) <= 120 and len(first.split()) >= 3
            and not first.endswith((".", ",", ";", ":", "!", "?", "\"", "”")))


def _gutenberg_header(header: str, title: str | None) -> tuple[str | None, str | None]:
    """(title, author) from a Project Gutenberg header: its Title: and Author: fields, else its first line ("The
    Project Gutenberg eBook of Pride and Prejudice, by Jane Austen"), as older headers have only that."""
    first_line = _GUTENBERG_FIRST_LINE.search(header[:_HEADING_SCAN_LIMIT])
    title = title or _first_group(_GUTENBERG_TITLE, header) or (first_line and first_line.group(1))
    return title, _first_group(_GUTENBERG_AUTHOR, header) or (first_line and first_line.group(2)) or None


def _first_group(pattern: re.Pattern[str], text: str) -> str | None:
    match = pattern.search(text)
    return " ".join(match.group(1).split()) if match else None
