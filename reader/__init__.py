"""reader: read articles and whole books in the terminal.

Layers (each imports only the ones above it in this list):

* ``reader.document`` -- load a file, URL or stdin into one immutable :class:`~reader.document.Document`.
* ``reader.nlp`` -- sentences' words, summaries, people and mentions; pure Python, no Textual.
* ``reader.ui`` -- the Textual app: renders a Document and its analysis, and navigates.
* ``reader.cli`` -- the ``reader`` command.

Python API: ``reader.analyze_text(text) -> dict`` (see ``reader.api``), the JSON of ``reader analyze --json``.
"""

__version__ = "0.1.0"
__all__ = ["analyze_text"]


def __getattr__(name: str):
    # ``import reader`` stays light: the analysis is imported on first use of the API
    if name == "analyze_text":
        from reader.api import analyze_text

        return analyze_text
    raise AttributeError(f"module 'reader' has no attribute {name!r}")
