"""Loading every input kind: encodings, Markdown, HTML, stdin, and URLs from a local server."""

from __future__ import annotations

import io
import os
import subprocess
import sys
from pathlib import Path

import pytest

from reader.document import Document, load_document
from reader.document.decode import decode_bytes
from reader.document.fetch import redact_url
from reader.document.markdown import parse_markdown
from reader.errors import ReaderError

WAR_AND_PEACE = Path(__file__).resolve().parents[2] / "shared" / "data" / "books" / "war_and_peace_pg2600.txt"
TEXT = "The first paragraph says caf\u00e9 and na\u00efve.\n\nThe second paragraph ends here.\n"


def paragraphs(doc: Document) -> list[str]:
    return [doc.text[p.start : p.end] for p in doc.paragraphs]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# --- encodings -------------------------------------------------------------------------------------------

@pytest.mark.parametrize(
    "data",
    [
        pytest.param(TEXT.encode("utf-8"), id="utf-8"),
        pytest.param(b"\xef\xbb\xbf" + TEXT.encode("utf-8"), id="utf-8-bom"),
        pytest.param(TEXT.encode("utf-16"), id="utf-16-native-bom"),
        pytest.param(b"\xff\xfe" + TEXT.encode("utf-16-le"), id="utf-16-le-bom"),
        pytest.param(b"\xfe\xff" + TEXT.encode("utf-16-be"), id="utf-16-be-bom"),
        pytest.param(TEXT.encode("utf-16-le"), id="utf-16-le-no-bom"),
        pytest.param(TEXT.encode("utf-16-be"), id="utf-16-be-no-bom"),
        pytest.param(TEXT.encode("utf-32"), id="utf-32-bom"),
        pytest.param(TEXT.encode("latin-1"), id="latin-1"),
        pytest.param(TEXT.replace("\n", "\r\n").encode("utf-8"), id="crlf"),
        pytest.param(TEXT.replace("\n", "\r").encode("utf-8"), id="lone-cr"),
    ],
)
def test_encodings_and_line_endings(tmp_path: Path, data: bytes, unchanged) -> None:
    path = write(tmp_path, "article.txt", data)
    check = unchanged(path)
    doc = load_document(str(path))
    assert paragraphs(doc) == ["The first paragraph says caf\u00e9 and na\u00efve.", "The second paragraph ends here."]
    assert "\r" not in doc.text and "\ufeff" not in doc.text
    assert doc.meta.format == "text" and doc.source == str(path)
    check()


def test_cp1252_curly_quotes_and_euro(tmp_path: Path) -> None:
    text = "He said \u201cthe price is \u20ac5\u201d \u2014 and that\u2019s final.\n\nA second paragraph follows.\n"
    doc = load_document(str(write(tmp_path, "quotes.txt", text.encode("cp1252"))))
    assert paragraphs(doc)[0] == "He said \u201cthe price is \u20ac5\u201d \u2014 and that\u2019s final."


def test_legacy_encoding_found_deep_in_a_large_file(tmp_path: Path) -> None:
    data = b"plain ascii line\n" * 300_000 + "caf\u00e9 at the end\n".encode("latin-1")
    doc = load_document(str(write(tmp_path, "big.txt", data)))
    assert doc.text.endswith("caf\u00e9 at the end")


def test_mostly_utf8_with_one_corrupt_byte_keeps_the_utf8(tmp_path: Path) -> None:
    data = ("S\u00e3o Paulo and Z\u00fcrich. " * 20).encode("utf-8") + b"\xff broken byte."
    doc = load_document(str(write(tmp_path, "mixed.txt", data)))
    assert "S\u00e3o Paulo" in doc.text and "\ufffd" in doc.text


def test_cyrillic_legacy_encoding() -> None:
    text = "\u041f\u0440\u0438\u0432\u0435\u0442, \u043a\u0430\u043a \u0434\u0435\u043b\u0430? " * 40
    assert decode_bytes(text.encode("cp1251"), "x") == text


def test_html_meta_charset_is_honoured(tmp_path: Path) -> None:
    page = ("<html><head><meta charset='windows-1252'><title>T</title></head><body><article><h1>Caf\u00e9s</h1>"
            + "<p>The caf\u00e9 on the corner \u201creopened\u201d on Monday after a long renovation. " * 3
            + "</p></article></body></html>")
    doc = load_document(str(write(tmp_path, "page.html", page.encode("cp1252"))))
    assert "\u201creopened\u201d" in doc.text and "caf\u00e9" in doc.text


# --- Markdown --------------------------------------------------------------------------------------------

MARKDOWN = """---
title: "Front Matter Title"
author: Ann Example
date: 2024-05-01
---

# Big Heading

Some *emphasis*, **strong**, `code`, a [link text](https://example.com) and ![alt words](img.png).
A soft-wrapped second line.

## Second level

> A quoted line
> continues here.

- first item
- second *item*

3. third
4. fourth

```python
def f():
    return 1
```

| Name | Age |
|------|-----|
| Ann  | 31  |

<div class="note">Inline <b>html</b> block</div>

<!-- a comment that is not shown -->
"""


def test_markdown_rendering(tmp_path: Path) -> None:
    doc = load_document(str(write(tmp_path, "notes.md", MARKDOWN.encode())))
    assert doc.meta.format == "markdown"
    assert (doc.title, doc.meta.author, doc.meta.date) == ("Front Matter Title", "Ann Example", "2024-05-01")
    got = [(doc.text[p.start : p.end], p.kind, p.level) for p in doc.paragraphs]
    assert got == [
        ("Big Heading", "heading", 1),
        ("Some emphasis, strong, code, a link text and alt words. A soft-wrapped second line.", "text", 0),
        ("Second level", "heading", 2),
        ("A quoted line continues here.", "quote", 0),
        ("\u2022 first item", "item", 0),
        ("\u2022 second item", "item", 0),
        ("3. third", "item", 0),
        ("4. fourth", "item", 0),
        ("def f():\n    return 1", "code", 0),
        ("Name | Age", "table", 0),
        ("Ann | 31", "table", 0),
        ("Inline html block", "text", 0),
    ]
    assert "---" not in doc.text and "title:" not in doc.text and "comment" not in doc.text


def test_markdown_title_is_the_first_level_one_heading() -> None:
    assert parse_markdown("Intro\n\n## Sub\n\n# Real Title\n\n# Another\n").title == "Real Title"
    assert parse_markdown("## Only a subheading\n\ntext\n").title is None


def test_leading_thematic_break_is_not_front_matter() -> None:
    result = parse_markdown("---\nJust prose here, not YAML at all.\n---\n\nMore prose.\n")
    assert any("Just prose here" in block.text for block in result.blocks)


def test_markdown_extensions(tmp_path: Path) -> None:
    for suffix in (".md", ".markdown", ".MD"):
        doc = load_document(str(write(tmp_path, "a" + suffix, b"# Title\n\nBody *text*.\n")))
        assert doc.meta.format == "markdown" and doc.title == "Title" and paragraphs(doc) == ["Title", "Body text."]


# --- HTML ------------------------------------------------------------------------------------------------

def test_html_extraction_drops_boilerplate_and_reads_metadata(tmp_path: Path, article_html: str) -> None:
    path = write(tmp_path, "page.html", article_html.encode())
    doc = load_document(str(path))
    assert doc.meta.format == "html"
    assert doc.title == "Ocean Currents Shift Faster Than Expected"
    assert doc.meta.author == "Jane Writer" and doc.meta.date == "2024-03-05"
    heads = [(doc.text[p.start : p.end], p.level) for p in doc.paragraphs if p.kind == "heading"]
    assert ("What the data show", 2) in heads
    assert "National Oceanography Centre" in doc.text and "Nature, surprised" in doc.text
    for boilerplate in ("Privacy policy", "All rights reserved", "World news", "tracking", "color: red"):
        assert boilerplate not in doc.text


def test_html_structure_survives_and_text_is_never_reparsed_as_markup(tmp_path: Path) -> None:
    page = (
        "<html><body><article><h1>Report</h1>"
        "<p>2024. A year of *stars* and _under_ lines, written with enough words to be an article.</p>"
        "<p># not a heading, just a paragraph that starts with a hash sign and goes on.</p>"
        "<blockquote><p>A quoted sentence that stands on its own in the article.</p></blockquote>"
        "<ol><li>first step</li><li>second step</li></ol>"
        "<table><tr><th>Name</th><th>Age</th></tr><tr><td>Ann</td><td>31</td></tr></table>"
        "<pre><code>x = 1\n    y = 2</code></pre>"
        "<p>A closing paragraph of the article with a few more words in it.</p></article></body></html>"
    )
    doc = load_document(str(write(tmp_path, "report.html", page.encode())))
    got = [(doc.text[p.start : p.end], p.kind) for p in doc.paragraphs]
    assert ("Report", "heading") in got
    assert ("2024. A year of *stars* and _under_ lines, written with enough words to be an article.", "text") in got
    assert ("# not a heading, just a paragraph that starts with a hash sign and goes on.", "text") in got
    assert ("A quoted sentence that stands on its own in the article.", "quote") in got
    assert ("1. first step", "item") in got and ("2. second step", "item") in got
    assert ("Name | Age", "table") in got and ("Ann | 31", "table") in got
    assert ("x = 1\n    y = 2", "code") in got


def test_html_without_article_text_is_an_error(tmp_path: Path, expect_error, unchanged) -> None:
    path = write(tmp_path, "empty.html", b"<html><head><title>x</title><script>var a = 1;</script></head><body></body></html>")
    check = unchanged(path)
    expect_error(lambda: load_document(str(path)), "empty.html", "no article text")
    check()


def test_html_fallback_for_tiny_pages(tmp_path: Path) -> None:
    doc = load_document(str(write(tmp_path, "tiny.htm", b"<p>Hello there.</p>")))
    assert doc.text == "Hello there."


def test_extensionless_file_sniffed_as_html(tmp_path: Path, article_html: str) -> None:
    doc = load_document(str(write(tmp_path, "saved_page", article_html.encode())))
    assert doc.meta.format == "html" and "<" not in doc.text


def test_xhtml_with_xml_declaration(tmp_path: Path) -> None:
    page = ('<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml"><body><article>'
            + "<p>An XHTML page with enough words in its paragraph to count as an article body text.</p>" * 3
            + "</article></body></html>")
    doc = load_document(str(write(tmp_path, "page.xhtml", page.encode())))
    assert "XHTML page" in doc.text


# --- stdin -----------------------------------------------------------------------------------------------

def test_stdin_plain_text() -> None:
    doc = load_document("-", stdin=io.BytesIO(TEXT.encode("utf-16")))
    assert doc.source == "<stdin>" and doc.meta.format == "text" and len(doc.paragraphs) == 2


def test_stdin_html_and_markdown_are_sniffed(article_html: str) -> None:
    html = load_document("-", stdin=io.BytesIO(b"\n  " + article_html.encode()))
    assert html.meta.format == "html" and html.title == "Ocean Currents Shift Faster Than Expected"
    md = load_document("-", stdin=io.BytesIO(b"# A Title\n\nSome *text*.\n"))
    assert md.meta.format == "markdown" and md.title == "A Title" and md.paragraphs[0].kind == "heading"


def test_stdin_text_stream_is_accepted() -> None:
    doc = load_document("-", stdin=io.StringIO("A line of text from a text stream."))  # type: ignore[arg-type]
    assert doc.text == "A line of text from a text stream."


def test_stdin_errors(expect_error) -> None:
    expect_error(lambda: load_document("-", stdin=io.BytesIO(b"")), "<stdin>", "empty")
    expect_error(lambda: load_document("-", stdin=io.BytesIO(b"x" * 101), max_bytes=100), "<stdin>", "too large")
    expect_error(lambda: load_document("-", stdin=io.BytesIO(b"\x1f\x8b\x08\x00rest")), "<stdin>", "gzip")


# --- file errors -----------------------------------------------------------------------------------------

def test_missing_file_and_directory(tmp_path: Path, expect_error) -> None:
    expect_error(lambda: load_document(str(tmp_path / "nope.txt")), "nope.txt", "no such file")
    expect_error(lambda: load_document(str(tmp_path)), str(tmp_path), "directory")
    expect_error(lambda: load_document(""), "no input")


def test_path_through_a_file_is_an_error(tmp_path: Path, expect_error, unchanged) -> None:
    path = write(tmp_path, "file.txt", b"text")
    check = unchanged(path)
    expect_error(lambda: load_document(str(path / "child.txt")), "child.txt", "no such file")
    check()


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read a chmod 000 file")
def test_unreadable_file(tmp_path: Path, expect_error) -> None:
    path = write(tmp_path, "secret.txt", b"text")
    path.chmod(0)
    try:
        expect_error(lambda: load_document(str(path)), "secret.txt", "permission denied")
    finally:
        path.chmod(0o600)


def test_file_larger_than_the_limit(tmp_path: Path, expect_error, unchanged) -> None:
    path = write(tmp_path, "big.txt", b"word " * 1000)
    check = unchanged(path)
    expect_error(lambda: load_document(str(path), max_bytes=1000), "big.txt", "too large")
    check()


def test_fifo_is_refused_without_blocking(tmp_path: Path, expect_error) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    expect_error(lambda: load_document(str(fifo)), "pipe", "not a regular file")


def test_binary_and_empty_files(tmp_path: Path, expect_error, unchanged) -> None:
    png = write(tmp_path, "picture.txt", b"\x89PNG\r\n\x1a\n" + bytes(64))
    empty = write(tmp_path, "empty.txt", b"")
    blank = write(tmp_path, "blank.md", b"  \n\t\n\r\n")
    checks = [unchanged(p) for p in (png, empty, blank)]
    expect_error(lambda: load_document(str(png)), "picture.txt", "binary file (PNG image)")
    expect_error(lambda: load_document(str(empty)), "empty.txt", "empty")
    expect_error(lambda: load_document(str(blank)), "blank.md", "no readable text")
    for check in checks:
        check()


def test_file_is_opened_read_only(tmp_path: Path, monkeypatch) -> None:
    path = write(tmp_path, "a.txt", b"Some text.")
    real_open = os.open
    flags: list[int] = []

    def spy(file, mode, *args, **kwargs):
        if str(file) == str(path):
            flags.append(mode)
        return real_open(file, mode, *args, **kwargs)

    monkeypatch.setattr(os, "open", spy)
    load_document(str(path))
    assert len(flags) == 1 and flags[0] & os.O_ACCMODE == os.O_RDONLY
    assert not flags[0] & (os.O_CREAT | os.O_TRUNC | os.O_APPEND)
    assert os.stat(path).st_size == len(b"Some text.")


def test_source_is_the_path_as_given(tmp_path: Path) -> None:
    path = write(tmp_path, "my  article (draft).txt", b"Text of the draft.")
    assert load_document(str(path)).source == str(path)


def test_control_characters_in_the_file_name_are_not_echoed(tmp_path: Path, expect_error) -> None:
    message = expect_error(lambda: load_document(str(tmp_path / "evil\x1b[2Jname.txt")), "no such file")
    assert "\x1b" not in message


# --- URLs (local server only) ----------------------------------------------------------------------------

def test_url_html(http_server) -> None:
    url = http_server.url("/article.html")
    doc = load_document(url, timeout=5)
    assert doc.meta.format == "html" and doc.source == url
    assert doc.title == "Ocean Currents Shift Faster Than Expected" and "Privacy policy" not in doc.text
    path, headers = http_server.requests[-1]
    assert headers["User-Agent"] == "reader/0.1.0"


def test_url_plain_text_markdown_charset_gzip_and_redirect(http_server) -> None:
    plain = load_document(http_server.url("/plain.txt"), timeout=5)
    assert plain.meta.format == "text" and "caf\u00e9 and \u201cquotes\u201d" in plain.text
    latin = load_document(http_server.url("/latin1.txt"), timeout=5)
    assert latin.text == plain.text
    md = load_document(http_server.url("/notes"), timeout=5)
    assert md.meta.format == "markdown" and paragraphs(md) == ["Notes", "Some markdown text with a link."]
    assert load_document(http_server.url("/gzip"), timeout=5).text == plain.text
    assert load_document(http_server.url("/redirect"), timeout=5).text == plain.text
    assert load_document(http_server.url("/untyped"), timeout=5).meta.format == "html"


def test_url_credentials_are_sent_but_never_shown(http_server, expect_error) -> None:
    url = http_server.url("/auth").replace("http://", "http://alice:s3cret@")
    doc = load_document(url, timeout=5)
    assert doc.text == "Secret page text for authorised readers."
    assert "s3cret" not in doc.source and "alice" not in doc.source
    bad = http_server.url("/missing").replace("http://", "http://alice:s3cret@")
    message = expect_error(lambda: load_document(bad, timeout=5), "404")
    assert "s3cret" not in message and "alice" not in message
    assert redact_url("https://u:p@example.com:8443/a?b=1") == "https://example.com:8443/a?b=1"


@pytest.mark.parametrize(
    ("path", "words"),
    [
        ("/missing", ("HTTP error 404", "Not Found")),
        ("/error", ("HTTP error 500",)),
        ("/loop", ("too many redirects",)),
        ("/chain/0", ("too many redirects",)),
        ("/to-ftp", ("unsupported URL scheme 'ftp'",)),
        ("/to-file", ("unsupported URL scheme 'file'",)),
        ("/image.png", ("not a text or HTML page", "image/png")),
        ("/png-as-text", ("binary file (PNG image)",)),
        ("/empty", ("empty",)),
    ],
)
def test_url_errors(http_server, expect_error, path: str, words: tuple[str, ...]) -> None:
    url = http_server.url(path)
    message = expect_error(lambda: load_document(url, timeout=5), url, *words)
    assert message.startswith(url)


def test_url_timeouts_are_one_overall_deadline(http_server, expect_error) -> None:
    for path in ("/slow-headers", "/slow-body"):
        # the server takes 5 s in all; the error proves the 0.5 s deadline fired first (timing is in bench/)
        expect_error(lambda: load_document(http_server.url(path), timeout=0.5), "timed out after 0.5 s")


def test_url_size_cap(http_server, expect_error) -> None:
    expect_error(lambda: load_document(http_server.url("/huge-declared"), timeout=5, max_download_bytes=100_000),
                 "too large")
    expect_error(lambda: load_document(http_server.url("/endless"), timeout=5, max_download_bytes=1024 * 1024),
                 "too large", "1 MB")


@pytest.mark.parametrize("url", ["ftp://example.com/file.txt", "file:///etc/passwd", "gopher://x/", "javascript://x"])
def test_unsupported_schemes_are_refused_without_network(url: str, expect_error) -> None:
    expect_error(lambda: load_document(url), "unsupported URL scheme")


def test_unreachable_host(expect_error) -> None:
    # a port nobody listens on, on the loopback interface: refused at once, no internet needed
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    expect_error(lambda: load_document(f"http://127.0.0.1:{port}/x", timeout=3), "connection refused")


# --- speed and import weight -----------------------------------------------------------------------------

@pytest.mark.skipif(not WAR_AND_PEACE.exists(), reason="../shared is not present")
def test_war_and_peace_loads_with_its_metadata() -> None:
    doc = load_document(str(WAR_AND_PEACE))  # its load time is measured by bench/bench_startup.py
    assert doc.title == "War and Peace" and doc.meta.author == "Leo Tolstoy"
    assert "\r" not in doc.text


def test_loading_text_does_not_import_heavy_modules(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"Just some text.")
    code = (
        "import sys; from reader.document import load_document; load_document(sys.argv[1]); "
        "print(sorted(m for m in ('trafilatura', 'markdown_it', 'urllib.request', 'charset_normalizer', 'lxml') "
        "if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[]"


def test_errors_are_reader_errors_with_exit_code_two(tmp_path: Path) -> None:
    with pytest.raises(ReaderError) as info:
        load_document(str(tmp_path / "missing.txt"))
    assert info.value.exit_code == 2


# --- the paragraphs of a Document ------------------------------------------------------------------------

def test_paragraphs_read_like_a_tuple_of_paragraph_and_survive_pickling(tmp_path: Path) -> None:
    """A Document keeps its paragraphs as columns of integers (memory); what every caller does with them works."""
    import pickle

    from reader.document.model import Metadata, Paragraph

    doc = load_document(str(write(tmp_path, "a.md", b"# Title\n\nOne. Two.\n\n- an item\n\n```\ncode\n```\n")))
    expected = (Paragraph(0, 5, "heading", 1), Paragraph(7, 16, "text", 0), Paragraph(18, 27, "item", 0),
                Paragraph(29, 33, "code", 0))
    assert doc.paragraphs == expected and tuple(doc.paragraphs) == expected and list(doc.paragraphs) == list(expected)
    assert doc.paragraphs[-1] == expected[-1] and doc.paragraphs[1:3] == expected[1:3] and len(doc.paragraphs) == 4
    assert [doc.paragraph_index_at(offset) for offset in (0, 6, 7, 30, 10**9)] == [0, 0, 1, 3, 3]
    again = pickle.loads(pickle.dumps(doc.paragraphs))
    assert again == doc.paragraphs and hash(again) == hash(expected)
    built = Document(doc.text, expected, doc.meta)  # any sequence given is taken
    assert built == doc and hash(built) == hash(doc)
    with pytest.raises(ValueError):
        Document("x", (Paragraph(0, 1, "banner"),), Metadata(source="x"))  # type: ignore[arg-type]
