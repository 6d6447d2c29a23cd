"""reader: read articles and whole books in the terminal.

Layers (each imports only the ones above it in this list):

* ``reader.document`` -- load a file, URL or stdin into one immutable :class:`~reader.document.Document`.
* ``reader.nlp`` -- sentences' words, summaries, people and mentions; pure Python, no Textual.
* ``reader.ui`` -- the Textual app: renders a Document and its analysis, and navigates.
* ``reader.cli`` -- the ``reader`` command.
"""

__version__ = "0.1.0"
