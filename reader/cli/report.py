"""Output of ``reader analyze``: the JSON object (one per input) and the short human-readable report."""

from __future__ import annotations

import json
import textwrap
from typing import Any

from reader.document.model import Document, Span
from reader.errors import ReaderError
from reader.nlp.analysis import Analysis, analyse
from reader.wording import count_of

__all__ = ["analyse", "analysis_to_dict", "json_line", "human_report", "check_count_spec"]


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
    return out


def json_line(result: Analysis) -> str:
    return json.dumps(analysis_to_dict(result), ensure_ascii=False) + "\n"


def human_report(result: Analysis, width: int = 88) -> str:
    doc = result.document
    lines = [doc.title or doc.source, "=" * min(width, len(doc.title or doc.source))]
    if doc.meta.author or doc.meta.date:
        lines.append(" · ".join(part for part in (doc.meta.author, doc.meta.date) if part))
    lines.append(f"source: {doc.source}")
    lines.append(f"{count_of(doc.word_count, 'word')} · {count_of(len(doc.sentences), 'sentence')} · "
                 f"{count_of(len(doc.paragraphs), 'paragraph')} · {doc.reading_time} to read")
    if result.summary is not None:
        lines += ["", f"Summary ({result.summary.algorithm}, {count_of(len(result.summary.spans), 'sentence')}):"]
        for span in result.summary.spans:
            sentence = " ".join(doc.text[span.start : span.end].split())
            lines.append(textwrap.fill(sentence, width, initial_indent="  • ", subsequent_indent="    "))
    if result.people is not None:
        lines += ["", f"People ({len(result.people)}):"]
        for person in result.people[:40]:
            titles = f" ({', '.join(person.titles)})" if person.titles else ""
            lines.append(f"  {len(person.mentions):>4}  {person.name}{titles}")
        if len(result.people) > 40:
            lines.append(f"  … and {len(result.people) - 40} more")
    return "\n".join(lines) + "\n\n"
