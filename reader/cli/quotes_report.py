"""``reader analyze`` output for quotes and ``--about NAME``: the JSON fields and the human-readable lines.

Kept apart from report.py so the quotes/about feature is one module: :func:`analysis_output` is what the CLI
calls for each analysed input.
"""

from __future__ import annotations

import json
import textwrap
from typing import Any

from reader.errors import ReaderError
from reader.nlp.analysis import Analysis
from reader.nlp.results import Person
from reader.wording import count_of

__all__ = ["analysis_output", "about_json", "person_named"]


def person_named(people: list[Person], name: str) -> Person:
    """The person ``name`` names (any alias, accents and case ignored), or a one-line error naming the closest."""
    from reader.nlp.about import closest_people, find_person

    person = find_person(people, name)
    if person is not None:
        return person
    closest = closest_people(people, name)
    if closest:
        hint = f"; closest: {', '.join(p.name for p in closest)}"
    elif people:  # nothing alike: the most mentioned, so the user sees what the list holds
        most = sorted(people, key=lambda p: -len(p.mentions))[:3]
        hint = f"; most mentioned: {', '.join(p.name for p in most)}"
    else:
        hint = " (it is empty)"
    raise ReaderError(f"no person named {name!r} in the People list{hint}")


def about_json(result: Analysis, person: Person) -> dict[str, Any]:
    """``"about"``: the sentences that say the most about ``person``, in document order."""
    from reader.nlp.about import about

    text = result.document.text
    spans = about(result.document, result.people or [], person)
    return {"key": person.key, "name": person.name,
            "sentences": [{"start": s.start, "end": s.end, "text": text[s.start : s.end]} for s in spans]}


def analysis_output(result: Analysis, *, as_json: bool, about: str | None = None) -> str:
    """What ``reader analyze`` prints for one input: the report plus quotes (when people were found) and the
    ``--about`` sentences. An unknown ``about`` name raises ReaderError before anything is printed."""
    from reader.cli.report import analysis_to_dict, human_report, shortened

    if about is not None and result.people is None:
        from dataclasses import replace

        from reader.corrections import load_corrections
        from reader.nlp.analysis import people_stage

        result = replace(result, people=people_stage(result.document, corrections=load_corrections(result.document)))
    person = person_named(result.people or [], about) if about is not None else None
    if as_json:
        out = analysis_to_dict(result)
        if person is not None:
            out["about"] = about_json(result, person)
        return json.dumps(out, ensure_ascii=False) + "\n"
    lines = [human_report(result).rstrip("\n")]
    if person is not None:
        block = about_json(result, person)
        lines += ["", f"About {person.name} ({count_of(len(block['sentences']), 'sentence')}):"]
        for sentence in block["sentences"]:
            lines.append(textwrap.fill(shortened(sentence["text"]), 88, initial_indent="  • ",
                                       subsequent_indent="    "))
    return "\n".join(lines) + "\n\n"
