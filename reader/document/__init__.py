"""Load a file, URL or standard input into one immutable :class:`Document`.

Only the light modules are imported here; markdown-it, trafilatura and urllib are imported by the loader
when a Markdown file, an HTML page or a URL is actually read, so opening a ``.txt`` stays fast.
"""

from reader.document.load import load_document
from reader.document.model import Document, Metadata, Paragraph, Span

__all__ = ["Document", "Metadata", "Paragraph", "Span", "load_document"]
