"""The public Python API: analyse a text without the UI, as ``reader analyze --json`` does.

``analyze_text`` is a plain, top-level, picklable function of a string that returns a JSON-ready dict, so it
maps unchanged over the items of a distributed engine when one machine is not enough::

    import dask.bag as db
    import reader

    results = db.from_sequence(texts, npartitions=64).map(reader.analyze_text)   # Dask
    results = spark.sparkContext.parallelize(texts).map(reader.analyze_text)    # Spark

Install the optional extra for Dask: ``pip install 'reader[dask]'``.
"""

from __future__ import annotations

from typing import Any, Literal

from reader.nlp.summarizers import DEFAULT_ALGORITHM

__all__ = ["analyze_text"]


def analyze_text(text: str, *, source: str = "<text>", format: Literal["text", "markdown", "html"] | None = None,
                 algorithm: str = DEFAULT_ALGORITHM, sentences: str | None = None, summary: bool = True,
                 people: bool = True) -> dict[str, Any]:
    """Analyse ``text`` and return the same dict as one line of ``reader analyze --json``.

    ``format`` is "text", "markdown" or "html"; None decides from the content, as for a file. ``source`` names
    the text in the result. ``algorithm`` and ``sentences`` ("7" or "10%") choose the summary as on the command
    line; ``summary=False`` / ``people=False`` skip a part. Keys: source, title, author, date, format, text,
    stats, paragraphs, sentences, chapters, summary, people (every offset indexes ``result["text"]``).

    Raises ``reader.errors.ReaderError`` (one line for a user) for a bad option, a binary or a too long text.
    """
    from reader.document.load import document_from_bytes
    from reader.cli.report import analyse, analysis_to_dict

    if not isinstance(text, str):
        raise TypeError(f"analyze_text needs a str, not {type(text).__name__}")
    data = text.encode("utf-8", "surrogatepass")
    document = document_from_bytes(data, source, format, declared="utf-8")
    result = analyse(document, algorithm=algorithm, sentences=sentences, summary=summary, people=people)
    return analysis_to_dict(result)
