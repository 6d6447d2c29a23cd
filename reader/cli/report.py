"""Output of ``reader analyze``: the JSON object (one per input) and the short human-readable report."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from reader.document.model import Document, Span
from reader.errors import ReaderError
from reader.nlp import analysis
from reader.nlp.analysis import Analysis
from reader.nlp.results import Person, Quote
from reader.wording import count_of

__all__ = ["analyse", "analysis_to_dict", "json_line", "human_report", "check_count_spec", "quotes_json", "shortened"]

MAX_SHOWN_CHARS = 400
"""The longest sentence or quote the human-readable report prints whole (about five lines); ``--json`` keeps all."""


def analyse(document: Document, **options: Any) -> Analysis:
    """``reader.nlp.analysis.analyse`` with the reader's saved corrections to the People list (``reader.corrections``),
    as the UI shows it: what ``reader analyze``, ``--jobs`` and ``reader.analyze_text`` all run."""
    from reader.corrections import load_corrections

    return analysis.analyse(document, corrections=load_corrections(document), **options)


def check_count_spec(spec: str) -> None:
    """Reject a bad ``--sentences`` value before the UI starts (the same rule as ``reader analyze``)."""
    from reader.nlp.summary import parse_count

    try:
        parse_count(spec, 1000)
    except ValueError as error:
        raise ReaderError(str(error)) from None


def _span_json(doc: Document, span: Span) -> dict[str, Any]:
    return {"start": span.start, "end": span.end, "text": doc.text[span.start : span.end]}


def analysis_to_dict(result: Analysis) -> dict[str, Any]:
    doc = result.document
    out: dict[str, Any] = {
        "source": doc.source,
        "title": doc.title,
        "author": doc.meta.author,
        "date": doc.meta.date,
        "format": doc.meta.format,
        "warnings": list(doc.meta.warnings),  # what is missing or cut (a truncated download, dropped parts, caps)
        "text": doc.text,
        "stats": {"words": doc.word_count, "sentences": len(doc.sentences), "reading_minutes": doc.reading_minutes},
        "paragraphs": [{"start": p.start, "end": p.end, "kind": p.kind} for p in doc.paragraphs],
        "sentences": [{"start": s.start, "end": s.end} for s in doc.sentences],
        "chapters": [{"title": c.title, "start": c.start, "end": c.end, "level": c.level} for c in doc.chapters],
    }
    if result.summary is not None:
        out["summary"] = {
            "algorithm": result.summary.algorithm,
            "sentences": [_span_json(doc, span) for span in result.summary.spans],
        }
        if result.summary.note:
            out["summary"]["note"] = result.summary.note
    if result.people is not None:
        out["people"] = [
            {
                "key": person.key,
                "name": person.name,
                "aliases": list(person.aliases),
                "titles": list(person.titles),
                "mentions": [_span_json(doc, span) for span in person.mentions],
            }
            for person in result.people
        ]
    if result.quotes is not None:
        out["quotes"] = quotes_json(doc.text, result.quotes, result.people or [])
    return out


def quotes_json(text: str, quotes: list[Quote], people: list[Person]) -> list[dict[str, Any]]:
    """``"quotes"``: every quotation with its span, text, parts and speaker (key and display name, or null)."""
    names = {p.key: p.name for p in people}
    return [
        {
            "start": q.span.start,
            "end": q.span.end,
            "text": text[q.span.start : q.span.end],
            "parts": [{"start": p.start, "end": p.end} for p in q.parts],
            "speaker": q.speaker,
            "speaker_name": names.get(q.speaker) if q.speaker else None,
            "how": q.how,
        }
        for q in quotes
    ]


def json_line(result: Analysis) -> str:
    return json.dumps(analysis_to_dict(result), ensure_ascii=False) + "\n"


def shortened(text: str, limit: int = MAX_SHOWN_CHARS) -> str:
    """``text`` on one line (whitespace runs as one space), cut after a word with "…" when longer than ``limit``.
    Only a bounded prefix is read: a 5 MB sentence costs no more than a short one."""
    prefix = text[: limit * 8 + 1]
    line = " ".join(prefix.split())
    if len(line) <= limit and (len(prefix) == len(text) or text[len(prefix):].isspace()):
        return line
    cut = line[:limit]
    word_end = cut.rfind(" ")
    return (cut[:word_end] if word_end > limit // 2 else cut).rstrip(" ,;:") + "…"


def human_report(result: Analysis, width: int = 88) -> str:
    doc = result.document
    heading = shortened(doc.title or doc.source, width)
    lines = [heading, "=" * len(heading)]
    if doc.meta.author or doc.meta.date:
        lines.append(" · ".join(part for part in (doc.meta.author, doc.meta.date) if part))
    lines.append(f"source: {doc.source}")
    lines.append(f"{count_of(doc.word_count, 'word')} · {count_of(len(doc.sentences), 'sentence')} · "
                 f"{count_of(len(doc.paragraphs), 'paragraph')} · {doc.reading_time} to read")
    if result.summary is not None:
        lines += ["", f"Summary ({result.summary.algorithm}, {count_of(len(result.summary.spans), 'sentence')}):"]
        for span in result.summary.spans:
            sentence = shortened(doc.text[span.start : span.end])
            lines.append(textwrap.fill(sentence, width, initial_indent="  • ", subsequent_indent="    "))
    if result.people is not None:
        lines += ["", f"People ({len(result.people)}):"]
        for person in result.people[:40]:
            titles = f" ({', '.join(person.titles)})" if person.titles else ""
            lines.append(f"  {len(person.mentions):>4}  {person.name}{titles}")
        if len(result.people) > 40:
            lines.append(f"  … and {len(result.people) - 40} more")
    if result.quotes is not None:
        lines += ["", quotes_line(result.quotes, result.people or [])]
    return "\n".join(lines) + "\n\n"


def quotes_line(quotes: list[Quote], people: list[Person]) -> str:
    attributed = [q for q in quotes if q.speaker]
    line = f"Quotes: {count_of(len(quotes), 'quote')}, {len(attributed)} attributed"
    counts: dict[str, int] = {}
    for q in attributed:
        counts[q.speaker] = counts.get(q.speaker, 0) + 1  # type: ignore[index]
    names = {p.key: p.name for p in people}
    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
    if top:
        line += " (" + ", ".join(f"{names[k]} {n}" for k, n in top) + ")"
    return line

