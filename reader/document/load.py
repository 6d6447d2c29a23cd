"""One entry point for every input: a file path, ``-`` for stdin, or an http(s) URL.

Every problem with the input becomes a ``ReaderError`` whose one-line message names the source and the
problem. Files are only ever opened read-only (``open(path, "rb")``). Heavy modules are imported only when
needed: markdown-it for Markdown, trafilatura for HTML, urllib for URLs, so a ``.txt`` opens fast.
"""

from __future__ import annotations

import os
import stat
import sys
from typing import BinaryIO, Literal

from reader.document.build import Parts, build_parts, plain_text_parts
from reader.document.decode import binary_kind, decode_bytes, normalise_newline_bytes, sniff_html_charset
from reader.document.model import Document
from reader.sanitize import sanitise
from reader.errors import ReaderError

Format = Literal["text", "markdown", "html"]
STDIN = "-"
STDIN_NAME = "<stdin>"
DEFAULT_MAX_BYTES = 200 * 1024 * 1024
MARKDOWN_SUFFIXES = frozenset({".md", ".markdown", ".mdown", ".mkd", ".mkdn"})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml", ".shtml"})
_HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})
_MARKDOWN_TYPES = frozenset({"text/markdown", "text/x-markdown"})
_TEXT_TYPES = frozenset({"application/json", "application/xml", "application/javascript", "application/x-sh"})
_BINARY_TYPE_FAMILIES = ("image/", "audio/", "video/", "font/")
_BINARY_TYPES = frozenset({"application/pdf", "application/zip", "application/gzip", "application/x-gzip",
                           "application/epub+zip", "application/msword", "application/x-tar", "application/wasm"})


def load_document(
    source: str,
    *,
    stdin: BinaryIO | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    timeout: float | None = None,
    max_download_bytes: int | None = None,
) -> Document:
    """Load ``source`` (a path, ``-`` for stdin, or an http(s) URL) into a Document.

    ``max_bytes`` caps files and stdin; ``timeout`` (default 15 s, one deadline for the whole download) and
    ``max_download_bytes`` (default 20 MB) apply to URLs.
    """
    if not source or not source.strip():
        raise ReaderError("no input given: pass a file path, a URL, or '-' for standard input")
    if source == STDIN:
        return _load_stdin(stdin, max_bytes)
    if is_url(source):
        return _load_url(source, timeout, max_download_bytes)
    return _load_path(source, max_bytes)


def is_url(source: str) -> bool:
    """True for anything of the form ``scheme://...`` (supported or not: ftp:// and file:// are refused later)."""
    scheme, sep, _ = source.partition("://")
    return bool(sep) and scheme.isascii() and scheme[:1].isalpha() and all(c.isalnum() or c in "+.-" for c in scheme)


def display_name(source: str) -> str:
    """The source as given, safe to print: undecodable bytes as U+FFFD, control characters and line breaks removed.

    Ordinary names (spaces included) are kept exactly, so ``Metadata.source`` is the path the user typed.
    """
    safe = source.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    safe = sanitise(safe).replace("\n", " ")
    return safe if safe.strip() else repr(source)


def _load_path(path: str, max_bytes: int) -> Document:
    shown = display_name(path)
    try:
        info = os.stat(path)
    except FileNotFoundError:
        hint = " (for a web page, give the full URL with https://)" if path.startswith("www.") else ""
        raise ReaderError(f"{shown}: no such file{hint}") from None
    except NotADirectoryError:
        raise ReaderError(f"{shown}: no such file (a part of the path is not a directory)") from None
    except PermissionError:
        raise ReaderError(f"{shown}: permission denied") from None
    except ValueError:
        raise ReaderError(f"{shown}: not a valid file name") from None
    except OSError as error:
        raise ReaderError(f"{shown}: cannot open ({_reason(error)})") from None
    if stat.S_ISDIR(info.st_mode):
        raise ReaderError(f"{shown}: is a directory, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ReaderError(f"{shown}: not a regular file ({_file_kind(info.st_mode)}); to read a pipe, use '-' and redirect it")
    if info.st_size > max_bytes:
        raise ReaderError(f"{shown}: file too large ({_size(info.st_size)}; the limit is {_size(max_bytes)})")
    try:
        with _open_regular_file(path, shown) as handle:
            # sized to the file: read(n) allocates n bytes first (a 30 MB file held a 200 MB buffer while read)
            data = handle.read(min(info.st_size, max_bytes) + 1)
            if len(data) > info.st_size:  # the file grew since stat: read on, still within the limit
                data += handle.read(max(0, max_bytes + 1 - len(data)))
    except PermissionError:
        raise ReaderError(f"{shown}: permission denied") from None
    except IsADirectoryError:
        raise ReaderError(f"{shown}: is a directory, not a file") from None
    except OSError as error:
        raise ReaderError(f"{shown}: cannot read the file ({_reason(error)})") from None
    if len(data) > max_bytes:
        raise ReaderError(f"{shown}: file too large (more than {_size(max_bytes)})")
    if not data:
        raise ReaderError(f"{shown}: empty file, nothing to read")
    suffix = os.path.splitext(path)[1].lower()
    if suffix in MARKDOWN_SUFFIXES:
        kind: Format | None = "markdown"
    elif suffix in HTML_SUFFIXES:
        kind = "html"
    elif suffix == ".txt":
        kind = "text"
    else:
        kind = None if _looks_like_html(data) else "text"
    data = normalise_newline_bytes(data)  # CRLF to LF before decoding: the text is then never copied for it
    text, kind = decode_input(data, shown, kind)
    del data  # a 200 MB file's bytes are not kept alive while its text is built
    parts = document_parts(text, shown, kind)
    del text  # the parts hold the only reference: the text goes once its last paragraph is read
    return build_parts(parts)


_OPEN_FLAGS = os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_NOCTTY", 0) | getattr(os, "O_CLOEXEC", 0)


def _open_regular_file(path: str, shown: str) -> BinaryIO:
    """``path`` opened for reading, when what was opened is (still) a regular file.

    Between the ``stat`` and the ``open`` the name can be made to point at a FIFO (whose blocking open would wait
    for a writer forever) or a device: the open does not block, and the opened file itself is checked."""
    fd = os.open(path, _OPEN_FLAGS)
    try:
        mode = os.fstat(fd).st_mode
        if not stat.S_ISREG(mode):
            kind = "a directory" if stat.S_ISDIR(mode) else _file_kind(mode)
            raise ReaderError(f"{shown}: not a regular file ({kind}; it was replaced while being opened)")
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def _load_stdin(stdin: BinaryIO | None, max_bytes: int) -> Document:
    if stdin is None:
        if sys.stdin is None:
            raise ReaderError(f"{STDIN_NAME}: no standard input")
        if sys.stdin.isatty():
            raise ReaderError(f"{STDIN_NAME}: standard input is a terminal; pipe text in, or give a file or URL")
        stdin = sys.stdin.buffer
    try:
        data = stdin.read(max_bytes + 1)
        if isinstance(data, str):  # a text stream was passed instead of its .buffer
            data = data.encode("utf-8", "surrogateescape")
    except OSError as error:
        raise ReaderError(f"{STDIN_NAME}: cannot read standard input ({_reason(error)})") from None
    if len(data) > max_bytes:
        raise ReaderError(f"{STDIN_NAME}: input too large (more than {_size(max_bytes)})")
    if not data:
        raise ReaderError(f"{STDIN_NAME}: empty input, nothing to read")
    data = normalise_newline_bytes(data)
    text, kind = decode_input(data, STDIN_NAME, None)
    del data
    parts = document_parts(text, STDIN_NAME, kind)
    del text
    return build_parts(parts)


def _load_url(url: str, timeout: float | None, max_download_bytes: int | None) -> Document:
    from reader.document import fetch

    response = fetch.fetch(
        url,
        timeout=fetch.DEFAULT_TIMEOUT if timeout is None else timeout,
        max_bytes=fetch.DEFAULT_MAX_BYTES if max_download_bytes is None else max_download_bytes,
    )
    shown = fetch.redact_url(url)
    ctype = response.content_type
    if not response.body:
        raise ReaderError(f"{shown}: the server sent an empty page")
    if ctype.startswith(_BINARY_TYPE_FAMILIES) or ctype in _BINARY_TYPES:
        raise ReaderError(f"{shown}: not a text or HTML page (content type {ctype})")
    path = response.url.split("?", 1)[0].split("#", 1)[0].lower()
    kind: Format | None
    if ctype in _HTML_TYPES:
        kind = "html"
    elif ctype in _MARKDOWN_TYPES or path.endswith(tuple(MARKDOWN_SUFFIXES)):
        kind = "markdown"
    elif ctype.startswith("text/") or ctype in _TEXT_TYPES:
        kind = "text"
    else:  # missing or generic type (application/octet-stream): look at the bytes
        kind = "html" if path.endswith(tuple(HTML_SUFFIXES)) else None
    document = document_from_bytes(response.body, shown, kind, declared=response.charset, url=response.url)
    if response.incomplete:
        return document.with_warnings(f"the download is incomplete: {response.incomplete}; the end of the text is missing")
    return document


def document_from_bytes(
    data: bytes, source: str, kind: Format | None, *, declared: str | None = None, url: str | None = None
) -> Document:
    """Decode ``data`` and build a Document in the given format (``None``: decide from the content)."""
    text, kind = decode_input(data, source, kind, declared)
    return document_from_text(text, source, kind, url)


def decode_input(data: bytes, source: str, kind: Format | None, declared: str | None = None) -> tuple[str, Format]:
    """The text of ``data`` and its format (``None``: decided from the content)."""
    if kind is None and _looks_like_html(data):
        kind = "html"
    if kind == "html":
        return decode_bytes(data, source, declared or sniff_html_charset(data)), "html"
    text = decode_bytes(data, source, declared)
    if kind is None:
        kind = "markdown" if _looks_like_markdown(text) else "text"
    return text, kind


def document_from_text(text: str, source: str, kind: Format, url: str | None = None) -> Document:
    """A Document from decoded text in the given format."""
    return build_parts(document_parts(text, source, kind, url))


def document_parts(text: str, source: str, kind: Format, url: str | None = None) -> Parts:
    """The blocks and metadata of decoded text in the given format, not built yet (see ``Parts``)."""
    if kind == "html":
        from reader.document.html import html_parts

        return html_parts(text, source, url)
    if kind == "markdown":
        from reader.document.markdown import markdown_parts

        return markdown_parts(text, source)
    return plain_text_parts(text, source)


def _looks_like_html(data: bytes) -> bool:
    if binary_kind(data) is not None:
        return False
    head = data[:1024].lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if b"\x00" in head[:16]:  # UTF-16: decode the start first
        try:
            head = decode_bytes(data[:1024], "").lstrip("\ufeff \t\r\n").lower().encode("ascii", "ignore")
        except ReaderError:
            return False
    return head.startswith((b"<!doctype html", b"<html"))


def _looks_like_markdown(text: str) -> bool:
    """Front matter or a first line that is an ATX heading ("# Title")."""
    head = text[:2048].lstrip("\ufeff \t\r\n")
    if head.startswith("---") and "\ntitle:" in head.lower():
        return True
    first = head.split("\n", 1)[0]
    hashes = len(first) - len(first.lstrip("#"))
    return 1 <= hashes <= 6 and first[hashes : hashes + 1] == " " and bool(first[hashes:].strip())


def _file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe"
    if stat.S_ISCHR(mode):
        return "a character device"
    if stat.S_ISBLK(mode):
        return "a block device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def _reason(error: OSError) -> str:
    return (error.strerror or type(error).__name__).rstrip(".").lower()


def _size(n: int) -> str:
    if n >= 1024 * 1024:
        return f"{n / (1024 * 1024):.1f} MB".replace(".0 MB", " MB")
    if n >= 1024:
        return f"{n / 1024:.0f} KB"
    return f"{n} bytes"
