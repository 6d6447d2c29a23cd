"""Pilot tests: the TUI stays usable on hostile documents.

Rich/Textual markup in the text is shown literally (never styles, links or actions), escape sequences never reach
a rendered segment, a 5 MB line without spaces and 100,000 tiny paragraphs mount, scroll and search, and names
containing markup are shown literally in the People pane. (How fast: bench/bench_startup.py --huge.)
"""

from __future__ import annotations

import re
import string
import tracemalloc

import pytest
from textual.widget import Widget
from textual.widgets import OptionList

from reader.document.build import document_from_plain_text
from reader.document.model import Document, Span
from reader.nlp.people import Person
from reader.ui.app import ReaderApp
from reader.ui.article_view import ArticleView
from reader.ui.header import ArticleHeader
from reader.ui.messages import PeopleReady
from reader.ui.panes import PeoplePane, SummaryPane

SIZE = (140, 40)
# Anything a terminal would treat as control: C0 except LF, DEL, C1, ESC; bidi overrides/isolates.
CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")

MARKUP = ["[bold]", "[/]", "[@click=app.quit]", "[link=file:///etc/passwd]x[/link]", "[red on white]", "[/bold]",
          "[b]", "[i]", "\\[escaped]", "[on red]", "[link='https://evil.example']here[/link]"]
MARKUP_TEXT = "\n\n".join([
    "Senator Alice Walker met Bob Jones in Paris on Monday. Walker said the talks went well.",
    "Look [bold]here[/] and [@click=app.quit]click me[/] or [link=file:///etc/passwd]x[/link] now.",
    "Jones replied [red on white]loudly[/] that [/] closes nothing, and [/bold] neither does \\[escaped].",
    "[b]Walker[/b] and [i]Jones[/i] agreed to meet again. [on red]Jones[/] left [link='https://evil.example']here[/link].",
    "Walker thanked Jones. The meeting ended after an hour, and both said the talks would continue next month.",
])


def line_text(widget: Widget, y: int) -> str:
    return "".join(segment.text for segment in widget.render_line(y))


def widget_lines(widget: Widget) -> list[str]:
    """What the widget shows (Line API widgets: the article view, option lists)."""
    return [line_text(widget, y) for y in range(widget.size.height)]


def assert_segments_clean(widget: Widget, y: int) -> None:
    for segment in widget.render_line(y):
        assert "\x1b" not in segment.text, repr(segment.text)
        assert CONTROL.search(segment.text) is None, repr(segment.text)
        assert not segment.control, segment


async def every_row(app: ReaderApp, pilot, view: ArticleView) -> list[str]:
    """Every row of the article, page by page, checking each rendered segment on the way."""
    rows: dict[int, str] = {}
    total = len(view.layout_rows)
    top = 0
    while top < max(1, total):
        view.scroll_to(y=top, animate=False, immediate=True)
        await pilot.pause()
        height = view.scrollable_content_region.height  # measured per page: a progress bar may come and go
        first = int(view.scroll_offset.y)  # the last page is clamped to max_scroll_y
        for y in range(height):
            if first + y < total:
                assert_segments_clean(view, y)
                rows[first + y] = line_text(view, y)
        top = first + max(1, height)
    view.scroll_to(y=0, animate=False, immediate=True)
    await pilot.pause()
    return [rows[row] for row in sorted(rows)]


def find_cell(rows: list[str], needle: str) -> tuple[int, int] | None:
    for y, row in enumerate(rows):
        x = row.find(needle)
        if x >= 0:
            return x, y
    return None


def squeeze(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def flat(text: str) -> str:
    """Without any whitespace: a long item may wrap in the narrow side pane."""
    return re.sub(r"\s+", "", text)


# --- markup -------------------------------------------------------------------------------------------------------


async def test_markup_in_the_text_is_rendered_literally_and_keys_keep_working(settle) -> None:
    doc = document_from_plain_text(MARKUP_TEXT, "[bold]evil[b] [@click=app.quit]name.txt")
    app = ReaderApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        view = app.reader.query_one(ArticleView)
        rows = await every_row(app, pilot, view)
        shown = squeeze(" ".join(row.strip() for row in rows))
        for piece in MARKUP:
            assert piece in shown, piece
        assert squeeze(doc.text.replace("\n\n", " ")) in shown, "every character of the text is on screen"
        header = str(app.reader.query_one(ArticleHeader).render())
        assert "[bold]evil[b] [@click=app.quit]name.txt" in header
        await settle(pilot)

        # clicking where the text says [@click=app.quit] must not run the action
        cell = find_cell(widget_lines(view), "[@click=app.quit]")
        assert cell is not None
        await pilot.click(ArticleView, offset=(cell[0] + 3, cell[1]))
        await pilot.pause()
        assert app.is_running and app.return_code is None

        # the summary pane shows its sentences literally
        await pilot.press("s")
        await pilot.pause()
        summary_list = app.reader.query_one("#summary-list", OptionList)
        summary_shown = squeeze(" ".join(widget_lines(summary_list)))
        for index in app.reader.summary.sentence_indices:
            sentence = doc.text[doc.sentences[index].start : doc.sentences[index].end]
            for piece in MARKUP:
                if piece in sentence:
                    assert flat(piece) in flat(summary_shown), (piece, summary_shown)
        await pilot.press("enter")

        # every key, in an order a user might press them
        await pilot.press("j", "j", "k", "space", "b", "ctrl+d", "ctrl+u", "G", "g", "end", "home")
        await pilot.press("p", "enter", "n", "n", "N", "escape", "escape", "s", "down", "enter")
        await pilot.press("plus", "minus", "w", "t", "t", "w", "tab", "tab", "question_mark", "escape")
        await pilot.press("slash", *"walker", "enter", "n", "N", "escape")
        await settle(pilot)
        assert app.is_running and app.return_code is None
        for piece in ("[@click=app.quit]", "[/]"):
            view.scroll_to(y=0, animate=False, immediate=True)
            await pilot.pause()
            assert piece in " ".join(widget_lines(view))


async def test_tiny_and_changing_terminal_sizes_with_a_hostile_document(settle) -> None:
    doc = document_from_plain_text(MARKUP_TEXT + "\n\n" + "".join(ESCAPES) + " \u4e2d\u6587" * 30, "tiny.txt")
    app = ReaderApp(doc)
    async with app.run_test(size=(4, 2)) as pilot:
        await settle(pilot)
        await pilot.press("G", "g", "p", "enter", "n", "s", "enter", "slash", "w", "enter", "w", "t", "t")
        for size in [(1, 1), (3, 2), (12, 4), (200, 60), (9, 3), SIZE]:
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.press("j", "G", "n", "space")
        assert app.is_running
        view = app.reader.query_one(ArticleView)
        for y in range(view.scrollable_content_region.height):
            assert_segments_clean(view, y)


@pytest.mark.parametrize("query", ["[/]", "[@click=app.quit]", "[bold]", "[link=file:///etc/passwd]x[/link]"])
async def test_searching_for_markup_shows_the_query_literally(query: str, settle) -> None:
    """The status line quotes the query: it must not be parsed as markup (an unmatched '[/]' used to crash the app
    with MarkupError; '[@click=app.quit]' used to make the status line a clickable quit)."""
    doc = document_from_plain_text(MARKUP_TEXT, "markup.txt")
    app = ReaderApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("slash", *query, "enter")
        await settle(pilot)
        assert app.is_running
        hits = app.reader.query_one(ArticleView).layer_spans("search")
        assert len(hits) == doc.text.lower().count(query.lower()) > 0
        status = str(app.reader.query_one("#status").render())
        assert status.startswith(f"/{query}  1/{len(hits)}"), status


# --- escape sequences ---------------------------------------------------------------------------------------------

ESCAPES = [
    "\x1b[31mred\x1b[0m", "\x1b[2J\x1b[H", "\x1b]0;pwned title\x07", "\x1b]8;;file:///etc/passwd\x1b\\link\x1b]8;;\x1b\\",
    "\x1b]52;c;ZWNobyBwd25lZA==\x07", "\x1bP1$tq\x1b\\", "\x1b[6n", "\x1b7\x1b8", "\x1bc", "\x9b31m", "\x9d0;t\x9c",
    "\x90q\x9c", "\x1b[?1049h", "\x1b[?1000h", "\x07", "\x08\x08\x08", "\r", "\x00", "\x7f", "\u202e", "\u2066",
    "\x1b", "\x1b[", "\x1b]unterminated",
]


async def test_escape_sequences_never_reach_a_rendered_segment(settle) -> None:
    paragraphs = []
    for i, escape in enumerate(ESCAPES):
        paragraphs.append(f"Reporter Jane Doe{escape} wrote paragraph {i} about Mayor Tom Lee.{escape} "
                          f"Lee{escape} answered{escape} every question{escape} at length, said Doe.")
    text = "\n\n".join(paragraphs) + "\n\n" + "".join(ESCAPES) + " Final words from Jane Doe."
    doc = document_from_plain_text(text, "escapes.txt")
    assert "\x1b" not in doc.text and CONTROL.search(doc.text) is None
    app = ReaderApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        view = app.reader.query_one(ArticleView)
        rows = await every_row(app, pilot, view)
        assert len(rows) == len(view.layout_rows)
        assert "Final words from Jane Doe." in " ".join(rows)
        for widget in (app.reader.query_one("#header"), app.reader.query_one("#status")):
            text = str(widget.render())
            assert "\x1b" not in text and CONTROL.search(text) is None, repr(text)
        for tab, list_id in (("s", "#summary-list"), ("p", "#people-list")):
            await pilot.press(tab)
            await pilot.pause()
            option_list = app.reader.query_one(list_id, OptionList)
            assert option_list.option_count > 0
            for y in range(option_list.size.height):
                assert_segments_clean(option_list, y)
        await pilot.press("enter")  # a person's mentions (keyword in context) are rendered too
        await pilot.pause()
        mentions = app.reader.query_one("#mentions-list", OptionList)
        assert mentions.option_count > 0
        for y in range(mentions.size.height):
            assert_segments_clean(mentions, y)
        assert app.is_running


async def test_escape_sequences_in_the_source_name_are_not_rendered(settle) -> None:
    """A Document built directly (not through load_document, which cleans the name) still has a clean source."""
    doc = document_from_plain_text("Some text here.", "escapes\x1b]0;pwned\x07\x1b[2J.txt")
    app = ReaderApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        header = str(app.reader.query_one("#header").render())
        await settle(pilot)
        assert "\x1b" not in header and CONTROL.search(header) is None, repr(header)


# --- huge documents -----------------------------------------------------------------------------------------------


FIVE_MB = "abcdefghijklmnopqrstuvwxyz0123456789" * 140_000  # 5,040,000 characters, no space, no sentence end


def _without_analysis(monkeypatch: pytest.MonkeyPatch) -> None:
    """The article view alone: the summary and people workers do nothing."""
    monkeypatch.setattr(SummaryPane, "start", lambda self: None)
    monkeypatch.setattr(PeoplePane, "start", lambda self: None)


async def test_a_5_mb_line_without_spaces_mounts_and_scrolls_at_once(monkeypatch, settle) -> None:
    _without_analysis(monkeypatch)
    text = FIVE_MB[:2_500_000] + "NEEDLE" + FIVE_MB[2_500_000:]
    doc = document_from_plain_text(text, "one-line.txt")
    app = ReaderApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        view = app.reader.query_one(ArticleView)
        await pilot.pause()
        assert len(view.layout_rows) > 50_000
        assert line_text(view, 0).strip().startswith("abcdefgh")
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y > 50_000
        last = [line for line in widget_lines(view) if line.strip()][-1].strip()
        assert doc.text.endswith(last), last
        await pilot.press("g")
        await pilot.pause()
        assert view.scroll_y == 0

        await pilot.press("space", "space", "ctrl+d", "j", "k", "end", "home")
        await pilot.press("slash", *"needle", "enter")
        await settle(pilot)
        assert view.layer_spans("search") == [Span(2_500_000, 2_500_006)]
        assert view.is_offset_visible(2_500_000)
        assert "NEEDLE" in "".join(widget_lines(view))
        assert app.is_running


async def test_a_5_mb_line_is_analysed_and_the_summary_pane_stays_fast(settle) -> None:
    """A 5 MB "sentence" used to go whole into the summary OptionList and be re-wrapped on every render (the app
    froze ~25 s once the summary was shown)."""
    doc = document_from_plain_text(FIVE_MB, "one-line.txt")
    app = ReaderApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.is_running
        await pilot.press("s", "G", "g")
        await pilot.pause()
        assert app.reader.summary is not None and app.reader.summary.sentence_indices == (0,)
        assert app.reader.people == []
        summary_list = app.reader.query_one("#summary-list", OptionList)
        assert summary_list.option_count == 1
        length = len(str(summary_list.get_option_at_index(0).prompt))
        assert length <= 2_000, f"a {length:,}-character prompt"
        await pilot.press("escape", "slash", *"zzz", "enter")
        await settle(pilot)
        assert "not found" in str(app.reader.query_one("#status").render())
        assert app.is_running


def _pseudo_word(i: int) -> str:
    """A distinct lowercase word for every i (so paragraphs do not all share the same words)."""
    letters = ""
    i += 26 * 27
    while i:
        i, r = divmod(i, 26)
        letters = string.ascii_lowercase[r] + letters
    return letters


async def test_a_hundred_thousand_tiny_paragraphs(settle) -> None:
    text = "\n\n".join(f"{_pseudo_word(i).capitalize()} {_pseudo_word(7 * i + 3)}." for i in range(100_000))
    doc = document_from_plain_text(text, "tiny.txt")
    assert len(doc.paragraphs) == 100_000
    app = ReaderApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        view = app.reader.query_one(ArticleView)
        await pilot.pause()
        assert len(view.layout_rows) == 2 * 100_000 - 1
        await settle(pilot)  # the analysis of 100,000 sentences takes a few seconds of GIL-bound threads
        await pilot.press("G")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y
        last = doc.text[doc.paragraphs[-1].start : doc.paragraphs[-1].end]
        assert last in "".join(widget_lines(view))
        await pilot.press("g")
        await pilot.pause()
        assert view.scroll_y == 0
        await pilot.press("space", "b", "end", "home")
        await pilot.pause()
        assert view.scroll_y == 0
        needle = doc.text[doc.paragraphs[77_777].start : doc.paragraphs[77_777].end]
        await pilot.press("slash", *needle.lower(), "enter")
        await pilot.pause()
        assert view.is_offset_visible(doc.paragraphs[77_777].start)
        assert app.is_running
        assert app.reader.summary is not None and app.reader.summary.sentence_indices


def _summary_peak_memory(paragraphs: int) -> tuple[int, tuple[int, ...]]:
    from reader.nlp.summary import summarize

    doc = document_from_plain_text("\n\n".join(f"Line {i} ok." for i in range(paragraphs)), "repetitive.txt")
    assert len(doc.sentences) == paragraphs
    tracemalloc.start()
    try:
        summary = summarize(doc)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    return peak, summary.sentence_indices


def test_summary_of_100k_repetitive_tiny_paragraphs_fits_in_memory() -> None:
    """All 100,000 paragraphs stem to ('line',): every pair is similar. The LexRank graph used to keep N^2 edges
    (the summary worker was OOM-killed and took the app down)."""
    peak, indices = _summary_peak_memory(100_000)
    assert indices
    assert peak < 256 * 2**20, f"peak {peak / 2**20:.0f} MB"


def test_summary_of_10k_repetitive_tiny_paragraphs_stays_under_half_a_gigabyte() -> None:
    peak, indices = _summary_peak_memory(10_000)
    assert indices
    assert peak < 512 * 2**20, f"peak {peak / 2**20:.0f} MB for 10,000 three-word sentences"


# --- wide characters ----------------------------------------------------------------------------------------------


async def test_wide_characters_are_all_on_screen(settle) -> None:
    """Rows are cut by terminal cells: a row of 50 CJK characters is 100 cells and used to be cropped."""
    text = "\u4e2d\u6587\u6587\u672c" * 60 + "\n\n" + "\U0001f600" * 120
    doc = document_from_plain_text(text, "wide.txt")
    app = ReaderApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        view = app.reader.query_one(ArticleView)
        rows = await every_row(app, pilot, view)
        shown = "".join(row.strip() for row in rows)
        assert shown == doc.text.replace("\n\n", ""), "every character is on screen"
        await settle(pilot)


# --- names with markup --------------------------------------------------------------------------------------------

EVIL_NAMES = ["[bold]Alice[/] Walker", "Bob [@click=app.quit]Jones", "[link=file:///etc/passwd]Eve[/link]",
              "Zed [/] Quinn"]


def _people_with_markup_names(doc: Document) -> list[Person]:
    people = []
    for name in EVIL_NAMES:
        mentions = tuple(Span(m.start(), m.end()) for m in re.finditer(re.escape(name), doc.text))
        assert mentions, name
        people.append(Person(name=name, aliases=(name,), titles=("[i]Dr.[/i]",), mentions=mentions))
    return people


def _evil_names_doc() -> Document:
    sentences = [f"{name} spoke first, and then {name} spoke again." for name in EVIL_NAMES]
    return document_from_plain_text("\n\n".join(sentences + ["Nobody else spoke at the meeting."]), "names.txt")


async def test_names_with_markup_are_shown_literally_in_the_people_pane(settle) -> None:
    doc = _evil_names_doc()
    app = ReaderApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for person in app.reader.people:  # whatever the people finder made of it, shown as it is
            assert CONTROL.search(person.name) is None
        app.reader.query_one(PeoplePane).post_message(PeopleReady(_people_with_markup_names(doc)))
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        people_list = app.reader.query_one("#people-list", OptionList)
        assert people_list.option_count == len(EVIL_NAMES)
        shown = " ".join(widget_lines(people_list))
        for name in EVIL_NAMES:
            assert flat(name) in flat(shown), (name, shown)
        assert "[i]Dr.[/i]" in shown
        # clicking the [@click=app.quit] name must not quit
        cell = find_cell(widget_lines(people_list), "[@click=app.quit]")
        assert cell is not None
        await pilot.click("#people-list", offset=(cell[0] + 2, cell[1]))
        await pilot.pause()
        assert app.is_running and app.return_code is None


@pytest.mark.parametrize("index", range(len(EVIL_NAMES)))
async def test_selecting_a_person_with_a_markup_name_shows_it_literally(index: int, settle) -> None:
    """The status line quotes the person's name: not markup (a name with an unmatched '[/]' used to crash)."""
    doc = _evil_names_doc()
    app = ReaderApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.reader.query_one(PeoplePane).post_message(PeopleReady(_people_with_markup_names(doc)))
        await pilot.pause()
        await pilot.press("p", *["down"] * index, "enter")
        await settle(pilot)
        assert app.is_running
        name = EVIL_NAMES[index]
        title = str(app.reader.query_one("#mentions-title").render())
        assert name in title
        mentions = app.reader.query_one("#mentions-list", OptionList)
        assert flat(name) in flat(" ".join(widget_lines(mentions)))
        status = str(app.reader.query_one("#status").render())
        assert status.startswith(f"{name}  1/2"), status
        await pilot.press("n", "n", "N", "escape")
        assert app.is_running


# --- small terminals ----------------------------------------------------------------------------------------------


def _every_reader_key() -> list[str]:
    """Every key bound on the reading screen (the article's, the screen's, the app's), q last."""
    from textual.binding import Binding

    from reader.ui.app import ReaderScreen

    keys = [key for cls in (ArticleView, ReaderScreen, ReaderApp) for binding in cls.BINDINGS
            if isinstance(binding, Binding) for key in binding.key.split(",")]
    return [key for key in dict.fromkeys(keys) if key != "q"]


LIST_KEYS = ("down", "pagedown", "pagedown", "pageup", "end", "home", "up", "enter")


@pytest.mark.parametrize("size", [(40, 8), (100, 9)])
async def test_every_key_in_a_small_terminal(size, seed_document, settle) -> None:
    """100x9, Summary tab, PageDown used to crash inside Textual's OptionList (its row cache is empty while the list
    has no room): KeyError, and the app died."""
    from reader.ui.help_screen import HelpScreen

    app = ReaderApp(seed_document)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        for tab in ("s", "p"):
            await pilot.press(tab, *LIST_KEYS)
            await settle(pilot)
        await pilot.press("p", "enter", "tab", *LIST_KEYS)
        for key in _every_reader_key():
            await pilot.press(key)
            if key == "slash":
                await pilot.press("t", "h", "e", "enter")
            if isinstance(app.screen, HelpScreen):
                await pilot.press("j", "pagedown", "G", "escape")
            await settle(pilot)
        assert app.is_running and app.return_code is None
        await pilot.press("q")
    assert app.return_code == 0


# --- file and folder names in the library (issue 9, round three) ----------------------------------------------------


async def test_file_and_folder_names_with_escapes_reach_the_library_screen_clean(tmp_path, state, cache, settle) -> None:
    """A file without a title is listed by its name, and the header names the folder: both come from outside."""
    folder = tmp_path / "lib\x1b]2;pwned\x07\u202e"
    folder.mkdir()
    (folder / "note\x1b]52;c;aGk=\x07\x9b2J.txt").write_text("Anna Smith met Bob Jones in Paris. Smith said it went well.\n")
    from reader.ui.library_screen import LibrarySource

    app = ReaderApp(LibrarySource(folder=folder), state=state, cache=cache)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        shown = []
        for widget in app.screen.query("*"):
            if hasattr(widget, "render_line") and widget.size.height:
                for y in range(widget.size.height):
                    assert_segments_clean(widget, y)
                    shown.append(line_text(widget, y))
    assert any("note" in line for line in shown), shown


# --- round four: settings from a file are from outside too ------------------------------------------------------


async def test_escapes_in_the_settings_file_never_reach_a_notification(tmp_path, settle) -> None:
    """An unknown binding id in [keys] was echoed raw into a notification (ESC [2J cleared the terminal)."""
    from reader.config import load_config

    (tmp_path / "config.toml").write_text('theme = "x\\u001b]2;pwned\\u0007"\nalgorithm = "y\\u009b2J"\n[keys]\n'
                                          '"\\u001b[2J\\u202e" = "q"\n"\\u009d0;x\\u0007" = "q"\n', encoding="utf-8")
    config = load_config(tmp_path / "config.toml")
    app = ReaderApp(document_from_plain_text("Some text here. Jane Doe met Tom Lee.", "a.txt"), config=config)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await settle(pilot)
        toasts = [str(toast.render()) for screen in app.screen_stack for toast in screen.query("Toast")]
        assert any("[keys]" in text for text in toasts), toasts
        for text in toasts:
            assert "\x1b" not in text and CONTROL.search(text) is None, repr(text)


HOSTILE_HEAD = ("<html><head><title>Ti\x1b]2;pwned\x07tle \x9b2J\u202eevil\u2066</title>"
                '<meta name="author" content="Ann \x1b[2J\x9d0;x\x07Smith \u202e\u200b">'
                "</head><body><article><p>" + "Anna Smith met Bob Jones in Paris. " * 30 + "</p></article></body></html>")


async def test_escapes_and_bidi_in_an_html_title_and_author_never_reach_the_header(tmp_path, settle) -> None:
    """The header shows the page's <title> and meta author: text from the page, sanitised like the article."""
    from reader.document import load_document

    path = tmp_path / "page.html"
    path.write_text(HOSTILE_HEAD, encoding="utf-8")
    doc = load_document(str(path))
    app = ReaderApp(doc)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        header = str(app.reader.query_one("#header").render())
        assert "Title" in header and "Ann" in header, header
        assert CONTROL.search(header) is None and "\u200b" not in header, repr(header)
        status = str(app.reader.query_one("#status").render())
        assert CONTROL.search(status) is None, repr(status)
