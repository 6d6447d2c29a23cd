"""The article: a line-virtualised ScrollView that renders only the rows on screen.

Mounting a whole book costs one wrap pass (``reader.ui.layout``); scrolling, highlighting and jumping
cost only the visible rows. Highlights are named layers of character spans (summary sentences, the selected
person's mentions, search hits, the current target), styled by component classes in ``reader.tcss``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass

from rich.segment import Segment
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.document.model import Document, Span
from reader.ui.jumps import JumpList
from reader.ui.layout import QUOTE_PREFIX, Layout, wrap_document

MAX_TEXT_WIDTH = 80

# Layers are drawn in this order; later layers win where they overlap.
LAYER_ORDER = ("summary", "quoted", "search", "mention", "current")


@dataclass(frozen=True, slots=True)
class _Layer:
    starts: list[int]
    ends: list[int]

    @classmethod
    def of(cls, spans: Sequence[Span]) -> "_Layer":
        ordered = sorted(spans)
        return cls([s.start for s in ordered], [s.end for s in ordered])

    def overlapping(self, start: int, end: int) -> list[tuple[int, int]]:
        """Spans that overlap ``[start, end)``. Spans of one layer are disjoint, so their ends are sorted too."""
        hits = []
        i = bisect_left(self.starts, end) - 1
        while i >= 0 and self.ends[i] > start:
            hits.append((self.starts[i], self.ends[i]))
            i -= 1
        return hits


class ArticleView(ScrollView, can_focus=True):
    """Shows ``Document.text`` wrapped to a readable width, centred, with paragraph spacing."""

    COMPONENT_CLASSES = {
        "article-view--heading",
        "article-view--quote",
        "article-view--code",
        "article-view--summary",
        "article-view--quoted",
        "article-view--search",
        "article-view--mention",
        "article-view--current",
    }

    BINDINGS = [
        Binding("j,down", "lines(1)", "Line down", show=False, id="article.down"),
        Binding("k,up", "lines(-1)", "Line up", show=False, id="article.up"),
        Binding("space,pagedown,ctrl+f", "page_down", "Page down", show=False, id="article.page-down"),
        Binding("b,pageup,ctrl+b", "page_up", "Page up", show=False, id="article.page-up"),
        Binding("ctrl+d", "half_page(1)", "Half page down", show=False, id="article.half-down"),
        Binding("ctrl+u", "half_page(-1)", "Half page up", show=False, id="article.half-up"),
        Binding("g,home", "scroll_home", "Top of the article", show=False, id="article.top"),
        Binding("G,end", "scroll_end", "End of the article", show=False, id="article.bottom"),
    ]

    progress: reactive[float] = reactive(0.0)
    """Position of the first row on screen in the article (0.0 at the top, 1.0 at the end)."""

    class Scrolled(Message):
        """The reading position changed."""

        def __init__(self, progress: float) -> None:
            super().__init__()
            self.progress = progress

    def __init__(self, document: Document, *, name: str | None = None, id: str | None = None) -> None:
        super().__init__(name=name, id=id)
        self.document = document
        self._layout: Layout | None = None
        self._layers: dict[str, _Layer] = {}
        self._pending: tuple[int, bool] | None = None
        self.jumps = JumpList()
        self._count = ""

    # ----------------------------------------------------------------- counts (10j, 50%, 5n as in less)
    def on_key(self, event: events.Key) -> None:
        if event.character is not None and event.character.isdigit() and (self._count or event.character != "0"):
            self._count = (self._count + event.character)[-9:]
            event.stop()
            event.prevent_default()

    @property
    def pending_count(self) -> int | None:
        """The number typed before a key (``10`` of ``10j``), None when there is none."""
        return int(self._count) if self._count else None

    def take_count(self, default: int = 1) -> int:
        """The count typed before this key (``default`` when none), forgotten once taken."""
        count, self._count = self.pending_count, ""
        return count if count is not None else default

    # ----------------------------------------------------------------- layout
    @property
    def text_width(self) -> int:
        """Wrap width: the view's width less the scrollbar and a margin, whether or not the scrollbar is drawn yet
        (so the first layout does not depend on when Textual decides to show it)."""
        return max(8, min(MAX_TEXT_WIDTH, self.size.width - self.styles.scrollbar_size_vertical - 4))

    @property
    def layout_rows(self) -> Layout:
        if self._layout is None:
            self._relayout()
        assert self._layout is not None
        return self._layout

    def _relayout(self) -> None:
        width = self.text_width
        if self._layout is not None and self._layout.width == width:
            return
        anchor = self.top_offset if self._layout is not None else None
        self._layout = wrap_document(self.document, width)
        self.virtual_size = Size(width, len(self._layout))
        if anchor is not None:
            self.scroll_to(y=self._layout.row_at(anchor), animate=False, immediate=True)

    def on_resize(self) -> None:
        self._relayout()
        if self._pending is not None:
            (offset, top), self._pending = self._pending, None
            self.scroll_to_offset(offset, top=top)
        self.refresh()
        self._update_progress(resized=True)

    @property
    def top_offset(self) -> int:
        """Character offset of the first row on screen."""
        layout = self._layout
        if layout is None or not len(layout):
            return 0
        return layout.starts[min(int(self.scroll_offset.y), len(layout) - 1)]

    @property
    def bottom_offset(self) -> int:
        """Character offset just past the last row on screen (where a backward search starts, as in less)."""
        layout = self._layout
        if layout is None or not len(layout):
            return 0
        last = min(int(self.scroll_offset.y) + max(1, self.scrollable_content_region.height), len(layout)) - 1
        return layout.ends[last]

    def origin(self, direction: int) -> int:
        """Where a search or n / N starts: the top of the view going forward, its bottom going backward."""
        return self.top_offset if direction > 0 else self.bottom_offset

    def row_of(self, offset: int) -> int:
        return self.layout_rows.row_at(offset)

    # ---------------------------------------------------------- highlighting
    def set_layer(self, name: str, spans: Sequence[Span]) -> None:
        """Replace the spans highlighted as ``name`` (one of LAYER_ORDER); empty clears it."""
        if name not in LAYER_ORDER:
            raise ValueError(f"unknown layer {name!r}")
        if spans:
            self._layers[name] = _Layer.of(spans)
        else:
            self._layers.pop(name, None)
        self.refresh()

    def layer_spans(self, name: str) -> list[Span]:
        layer = self._layers.get(name)
        return [Span(s, e) for s, e in zip(layer.starts, layer.ends)] if layer else []

    # -------------------------------------------------------------- jumping
    def scroll_to_offset(self, offset: int, *, animate: bool = False, top: bool = False) -> None:
        """Scroll so that character ``offset`` is a third of the way down the screen (``top``: on the first row)."""
        if self._layout is None or not self.size.height:
            self._pending = (offset, top)  # not laid out yet: jump once we have a size
            return
        row = self.row_of(offset)
        height = self.scrollable_content_region.height
        target = row if top else max(0, row - height // 3)
        if target != int(self.scroll_offset.y):
            # force: right after the first layout Textual may not yet allow scrolling (no scrollbar computed)
            self.scroll_to(y=target, animate=animate, duration=0.15, immediate=not animate, force=True)
        self.refresh()

    def is_offset_visible(self, offset: int) -> bool:
        row = self.row_of(offset)
        top = int(self.scroll_offset.y)
        return top <= row < top + self.scrollable_content_region.height

    def jump(self, offset: int, *, top: bool = False) -> None:
        """Go to ``offset`` (see ``scroll_to_offset``), remembering where the view was in the jump list."""
        self.jumps.record(self.top_offset)
        self.scroll_to_offset(offset, top=top)

    def go_back(self) -> bool:
        offset = self.jumps.back(self.top_offset)
        if offset is not None:
            self.scroll_to_offset(offset, top=True)
        return offset is not None

    def go_forward(self) -> bool:
        offset = self.jumps.forward(self.top_offset)
        if offset is not None:
            self.scroll_to_offset(offset, top=True)
        return offset is not None

    # ---------------------------------------------------------------- keys
    def action_lines(self, direction: int) -> None:
        self.scroll_relative(y=direction * self.take_count(), animate=False)

    def action_page_down(self) -> None:
        self.scroll_relative(y=self.take_count() * self.scrollable_content_region.height, animate=False)

    def action_page_up(self) -> None:
        self.scroll_relative(y=-self.take_count() * self.scrollable_content_region.height, animate=False)

    def action_scroll_home(self) -> None:
        self.take_count()
        self.jumps.record(self.top_offset)
        self.scroll_to(y=0, animate=False)  # a book is tens of thousands of rows: jump, do not glide

    def action_scroll_end(self) -> None:
        self.take_count()
        self.jumps.record(self.top_offset)
        self.scroll_to(y=self.max_scroll_y, animate=False)

    def action_half_page(self, direction: int) -> None:
        self.scroll_relative(y=direction * self.take_count() * max(1, self.scrollable_content_region.height // 2),
                             animate=False)

    def watch_scroll_y(self, old: float, new: float) -> None:
        super().watch_scroll_y(old, new)
        self._update_progress()

    def _update_progress(self, resized: bool = False) -> None:
        """How far into the article the first row on screen is: 0% at the top, 100% at the end. Posted when it
        changes, and on every resize (more or fewer rows on screen: the reading position moves though the top
        row stays)."""
        if self._layout is None:
            return
        end = self.max_scroll_y
        progress = 1.0 if end <= 0 else min(1.0, self.scroll_offset.y / end)
        if progress != self.progress or resized:
            self.progress = progress
            self.post_message(self.Scrolled(progress))

    # -------------------------------------------------------------- render
    def render_line(self, y: int) -> Strip:
        width = self.scrollable_content_region.width
        base = self.rich_style
        layout = self.layout_rows
        row = int(self.scroll_offset.y) + y
        if row >= len(layout) or layout.paras[row] < 0:
            return Strip.blank(width, base)
        start, end = layout.starts[row], layout.ends[row]
        paragraph = self.document.paragraphs[layout.paras[row]]
        line = Text(self.document.text[start:end], no_wrap=True, end="")
        prefix = ""
        if paragraph.kind == "heading":
            line.stylize(self.get_component_rich_style("article-view--heading", partial=True))
        elif paragraph.kind == "quote":
            prefix = QUOTE_PREFIX
            line.stylize(self.get_component_rich_style("article-view--quote", partial=True))
        elif paragraph.kind in ("code", "table"):
            line.stylize(self.get_component_rich_style("article-view--code", partial=True))
        for name in LAYER_ORDER:
            layer = self._layers.get(name)
            if layer is None:
                continue
            style = self.get_component_rich_style(f"article-view--{name}", partial=True)
            for s, e in layer.overlapping(start, end):
                line.stylize(style, max(s, start) - start, min(e, end) - start)
        margin = max(0, (width - layout.width) // 2)
        segments = [Segment(" " * margin + prefix, base)] if margin or prefix else []
        segments.extend(line.render(self.app.console))
        strip = Strip(segments).apply_style(base)
        return strip.adjust_cell_length(width, base)
