"""HTML page to blocks and metadata: trafilatura finds the article and its title, author and date.

trafilatura extracts the main text as its XML (so headings, lists, quotes, code and tables survive, and
article text is never re-parsed as markup) plus title, author and date; navigation, footers and other
boilerplate are left out. When it finds nothing (tiny or odd pages), a linear-time visible-text scan of the page
is used instead; when that is empty too, the page has no article text.

trafilatura's work grows faster than the page (a million ``<br>`` takes minutes and a gigabyte), lxml's parse of one
element is quadratic in its attributes (a million take hours), and lxml drops the text inside more than 255 nested
elements without a word. So a page with more than ``MAX_ELEMENTS`` tags, an element with more than
``MAX_ATTRIBUTES`` attributes, or nesting deeper than ``MAX_DEPTH`` goes straight to the linear scan, and the Document says so in
``Metadata.warnings`` (all of the page's visible text is shown, not only the article).

Scripts and styles are cut out before parsing (a 20 MB inline script costs one linear scan), and
trafilatura's loggers are silenced so nothing is printed over the terminal UI.
"""

from __future__ import annotations

import html as _html
import logging
import re
from collections.abc import Iterator
from functools import lru_cache
from itertools import chain

from reader.document.build import Block, Parts, build_parts
from reader.document.model import Document, Metadata
from reader.sanitize import sanitise
from reader.errors import ReaderError

_SCRIPT_OPEN = re.compile(r"<(script|style)\b([^<>]*)>", re.I)
_SCRIPT_CLOSE = {"script": re.compile(r"</script\s*>", re.I), "style": re.compile(r"</style\s*>", re.I)}
_JSON_LD = re.compile(r"""type\s*=\s*["']?application/ld\+json""", re.I)
_JSON_LD_MAX = 256 * 1024
_XML_DECLARATION = re.compile(r"\A\s*<\?xml[^<>]*\?>")
_COMMENT_OPEN = "<!--"
# One tag, comment-free; "[^<>]" keeps the scan linear even for "<a <a <a ..." without any ">".
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)[^<>]*>|<[!?][^<>]*>")
_BLOCK_TAGS = frozenset(
    "address article aside blockquote body br dd details dialog div dl dt fieldset figcaption figure footer form "
    "h1 h2 h3 h4 h5 h6 header hr html li main nav ol p pre section summary table tbody td tfoot th thead tr ul "
    "title head caption".split()
)
_SKIPPED_TAGS = frozenset("head nav header footer aside noscript template svg math form button select iframe".split())
_TITLE = re.compile(r"<title\b[^<>]*>([^<]{1,500})", re.I)
_WHITESPACE = re.compile(r"\s+")
_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "readability", "charset_normalizer")
MAX_ELEMENTS = 50_000  # tags; about 6 s of trafilatura on a loaded 2-core machine (news pages have 1-5k)
MAX_DEPTH = 200  # nesting levels; lxml silently drops text below 255
# Elements that do not nest: void elements, and those whose end tag is optional (an unclosed <p> closes itself).
_NOT_NESTING = frozenset(
    "area base br col embed hr img input link meta param source track wbr p li dt dd option optgroup tr td th "
    "thead tbody tfoot colgroup caption rt rp".split()
)


def html_document(text: str, source: str, url: str | None = None) -> Document:
    """A Document from an HTML page (``url`` helps trafilatura resolve metadata; it is never fetched)."""
    return build_parts(html_parts(text, source, url))


def html_parts(text: str, source: str, url: str | None = None) -> Parts:
    """The article's blocks and metadata (the page itself is not kept once its blocks are read).

    The linear scan of a big page yields its blocks while the Document is built: a list of a 190 MB page's
    blocks held ~1.5x the page, and their small strings pinned the allocator's arenas to the end."""
    page = _prepared(text)
    del text  # the caller drops its reference too: the page lives as long as the blocks still to read
    too_complex = markup_beyond_bounds(page)
    extracted = _trafilatura_xml(page, url) if too_complex is None else None
    if extracted is not None:
        blocks, title, author, date = extracted
        if blocks:
            return Parts(_drained(blocks), Metadata(source=source, title=title, author=author, date=date,
                                                    format="html"))
    title = page_title(page)
    scanned = iter_visible_text_blocks(page)
    del page
    first = next(scanned, None)
    if first is None:
        raise ReaderError(f"{source}: no article text found in the HTML page")
    warnings = (f"{too_complex}: showing all of the page's visible text, not only the article",) if too_complex else ()
    return Parts(chain((first,), scanned), Metadata(source=source, title=title, format="html", warnings=warnings))


def _drained(blocks: list[Block]) -> Iterator[Block]:
    """The blocks in order, each let go of once read (the list of a page's blocks is not held to the end)."""
    blocks.reverse()
    while blocks:
        yield blocks.pop()


def _prepared(text: str) -> str:
    """The page as the extractors read it: sanitised, without its XML declaration, scripts and styles.

    Sanitised first: lxml drops the ESC of "ESC ] 0 ; title BEL" but keeps the rest, which the sanitiser could
    then no longer recognise as one escape sequence."""
    return strip_scripts(_XML_DECLARATION.sub("", sanitise(text), count=1))


def markup_beyond_bounds(page: str) -> str | None:
    """Why the page is too big or too deep for the article extractor, or None; one linear pass at most."""
    tags = page.count("<")
    if tags > MAX_ELEMENTS:
        return f"the page has about {tags:,} elements (more than {MAX_ELEMENTS:,} is too many to find the article in)"
    if too_many_attributes(page):
        return f"an element has more than {MAX_ATTRIBUTES:,} attributes"
    if tags <= MAX_DEPTH:
        return None
    depth = 0
    for match in _TAG.finditer(page):
        name = match.group(2)
        if not name:
            continue
        name = name.lower()
        if name in _NOT_NESTING or match.group(0).endswith("/>"):
            continue
        if match.group(1):
            depth = max(0, depth - 1)
            continue
        depth += 1
        if depth > MAX_DEPTH:
            return f"elements nested more than {MAX_DEPTH} levels deep"
    return None


MAX_ATTRIBUTES = 256  # per element (real ones have a few dozen at most); lxml checks each against the others: 40k take 2 s
_ATTRIBUTE_CHARS = 2  # the shortest attribute with its separator ("a ")
# A start tag followed by enough characters before the next "<" to hold more than MAX_ATTRIBUTES attributes (a quoted
# value may hold ">", so only "<" ends the stretch); each character is looked at from one "<" only: linear.
_LONG_START_TAG = re.compile(rf"<[A-Za-z][^\s/<>]*+(?=[^<]{{{MAX_ATTRIBUTES * _ATTRIBUTE_CHARS}}})")
# One attribute as HTML reads it: a name, then maybe "=" and a quoted (perhaps unterminated) or bare value.
_ATTRIBUTE = re.compile(r"""[\s/]*+[^\s/>][^\s/>=]*+(?:\s*+=\s*+(?:"[^"]*+"?|'[^']*+'?|[^\s>]*+))?""")


def too_many_attributes(page: str) -> bool:
    """Whether an element of ``page`` has more than MAX_ATTRIBUTES attributes (lxml's parse of it is quadratic).
    Only start tags with a long stretch after them are read, attribute by attribute up to the cap: linear."""
    for tag in _LONG_START_TAG.finditer(page):
        position = tag.end()
        for _ in range(MAX_ATTRIBUTES + 1):
            attribute = _ATTRIBUTE.match(page, position)
            if attribute is None:
                break
            position = attribute.end()
        else:
            return True
    return False


def strip_scripts(page: str) -> str:
    """The page without ``<script>``/``<style>`` contents (small JSON-LD metadata scripts are kept)."""
    if "<" not in page:
        return page
    parts: list[str] = []
    pos = 0
    while True:
        opening = _SCRIPT_OPEN.search(page, pos)
        if opening is None:
            break
        name = opening.group(1).lower()
        closing = _SCRIPT_CLOSE[name].search(page, opening.end())
        end = closing.end() if closing else len(page)
        keep = name == "script" and _JSON_LD.search(opening.group(2)) and end - opening.start() <= _JSON_LD_MAX
        parts.append(page[pos : end if keep else opening.start()])
        pos = end
    parts.append(page[pos:])
    return "".join(parts)


def _trafilatura_xml(page: str, url: str | None):
    """(blocks, title, author, date) of the main text found by trafilatura, or None."""
    _quiet_loggers()
    import trafilatura
    from lxml import etree

    try:
        xml = trafilatura.extract(
            page,
            url=url,
            output_format="xml",
            include_formatting=True,
            include_links=False,
            include_images=False,
            include_tables=True,
            include_comments=False,
            with_metadata=True,
            deduplicate=False,
        )
        if not xml:
            return None
        root = etree.fromstring(xml.encode("utf-8"), etree.XMLParser(huge_tree=True, resolve_entities=False))
        main = root.find("main")
        blocks: list[Block] = []
        _xml_blocks(main if main is not None else root, blocks, "text")
    except Exception:  # noqa: BLE001 - trafilatura/lxml give up on some pathological pages; the plain scan still works
        return None
    blocks = [block for block in blocks if block.text.strip()]
    title = root.get("title") or next((b.text for b in blocks if b.kind == "heading" and b.level == 1), None)
    return blocks, title, root.get("author"), root.get("date")


_XML_BLOCK_TAGS = frozenset({"p", "head", "list", "item", "quote", "code", "table", "row", "cell", "div", "main"})


def _xml_blocks(element, blocks: list[Block], kind: str) -> None:
    """Blocks of trafilatura's XML: head -> heading, p -> text, quote -> quote, list item -> item, code, table rows."""
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "head":
            rend = child.get("rend") or "h2"
            level = int(rend[1]) if len(rend) == 2 and rend[0] == "h" and rend[1] in "123456" else 2
            blocks.append(Block(_inline(child), "heading", level))
        elif tag == "p":
            blocks.append(Block(_inline(child), kind))
        elif tag == "quote":
            if (child.text or "").strip():
                blocks.append(Block(_inline(child), "quote"))
            else:
                _xml_blocks(child, blocks, "quote")
        elif tag == "list":
            ordered = (child.get("rend") or "").lower() == "ol"
            number = 0
            for item in child:
                if item.tag != "item":
                    continue
                number += 1
                marker = f"{number}. " if ordered else "• "
                content = _inline(item)
                if content.strip():
                    blocks.append(Block(marker + content, "item"))
                _xml_blocks(item, blocks, "item")  # nested lists and paragraphs inside the item
        elif tag == "code":
            blocks.append(Block("".join(child.itertext()), "code"))
        elif tag == "table":
            for row in child.iter("row"):
                cells = [" ".join(_inline(cell).split()) for cell in row if cell.tag == "cell"]
                if any(cells):
                    blocks.append(Block(" | ".join(cells), "table"))
        elif tag in ("div", "main", "item", "cell"):
            _xml_blocks(child, blocks, kind)


def _inline(element) -> str:
    """The element's text with inline markup (hi, ref, lb, del ...) flattened; nested blocks left out."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "lb":
            parts.append("\n")
        elif tag == "graphic":
            parts.append(child.get("alt") or "")
        elif tag not in _XML_BLOCK_TAGS and tag:
            parts.append(_inline(child))
        parts.append(child.tail or "")
    return "".join(parts)


@lru_cache(maxsize=1)
def _quiet_loggers() -> None:
    for name in _QUIET_LOGGERS:
        logger = logging.getLogger(name)
        logger.addHandler(logging.NullHandler())
        logger.propagate = False
        logger.setLevel(logging.CRITICAL + 1)


def page_title(page: str) -> str | None:
    """The text of the page's ``<title>`` (outside comments), or None."""
    match = _TITLE.search(_strip_comments(page))
    return (_html.unescape(match.group(1)).strip() or None) if match else None


def iter_visible_text_blocks(page: str) -> Iterator[Block]:
    """Blocks of the page's visible text outside navigation, headers, footers and forms, one at a time; linear.

    A flat scan over tags (no tree), so nesting depth and malformed markup cost nothing extra.
    """
    page = _strip_comments(page)
    current: list[str] = []
    heading = 0
    skip = 0

    def flush() -> Block | None:
        nonlocal heading
        content = _WHITESPACE.sub(" ", _html.unescape("".join(current))).strip()
        current.clear()
        level, heading = heading, 0
        if not content:
            return None
        return Block(content, "heading", level) if level else Block(content)

    pos = 0
    for match in _TAG.finditer(page):
        if not skip:
            current.append(page[pos : match.start()])
        pos = match.end()
        name = (match.group(2) or "").lower()
        if not name:
            continue
        closing = match.group(1) == "/"
        if name == "body" and not closing:
            skip = 0  # an unclosed <head> ends where the body starts
        elif name in _SKIPPED_TAGS:
            if closing:
                skip = max(0, skip - 1)
            elif not match.group(0).endswith("/>"):
                skip += 1
            if name in _BLOCK_TAGS and (block := flush()) is not None:
                yield block
            continue
        if name in _BLOCK_TAGS:
            if (block := flush()) is not None:
                yield block
            if not closing and len(name) == 2 and name[0] == "h" and name[1].isdigit():
                heading = int(name[1])
    if not skip:
        current.append(page[pos:])
    if (block := flush()) is not None:
        yield block


def _strip_comments(page: str) -> str:
    parts: list[str] = []
    pos = 0
    while True:
        start = page.find(_COMMENT_OPEN, pos)
        if start == -1:
            break
        parts.append(page[pos:start])
        end = page.find("-->", start + 4)
        pos = len(page) if end == -1 else end + 3
    parts.append(page[pos:])
    return "".join(parts)
