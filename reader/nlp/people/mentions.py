"""Propagate people to every located mention.

Every candidate segment is matched left to right against the alias table, longest form first, so
"Melania Trump" is one mention of Melania Trump and never a mention of Donald Trump. Nothing inside an
organisation/place name is a mention ("the Clinton Foundation", "Trump Tower", as in CoNLL annotation);
lone-token matches are skipped for months and place names
("May", "Washington"), and at the start of a sentence when the word is written in lowercase in the document
more often than it is capitalised mid-sentence (an ordinary word there, "Young", not the surname).
"""

from __future__ import annotations

from reader.nlp.people import lexicon as lx
from reader.nlp.people.candidates import Candidate


def propagate(
    candidates: list[Candidate],
    alias: dict[tuple[str, ...], int],
    lowercase_seen: dict[str, int],
    capitalised: dict[str, int],
    n_people: int,
) -> tuple[list[list[tuple[int, int, str]]], list[dict[str, int]]]:
    """Per person: mentions as (start, end, surface form) in document order, and title phrase counts."""
    maxlen = max((len(k) for k in alias), default=1)
    mentions: list[list[tuple[int, int, str]]] = [[] for _ in range(n_people)]
    titles: list[dict[str, int]] = [{} for _ in range(n_people)]
    places = lx.places()
    for cand in candidates:
        if cand.org:
            continue  # inside an organisation/place name ("Eberhard Faber GmbH", "Trump Tower") nothing is a person
        key = cand.key
        n = len(key)
        i = 0
        while i < n:
            for length in range(min(maxlen, n - i), 0, -1):
                form = key[i : i + length]
                pid = alias.get(form)
                if pid is None:
                    continue
                if length == 1:
                    tok = form[0]
                    if cand.org or tok in lx.MONTHS_DAYS or tok in places:
                        continue
                    if i == 0 and cand.initial and lowercase_seen.get(tok, 0) > capitalised.get(tok, 0):
                        continue
                surface = " ".join(cand.surface[i : i + length])
                mentions[pid].append((cand.offsets[i][0], cand.offsets[i + length - 1][1], surface))
                if i == 0 and length == n and cand.title:
                    titles[pid][cand.title] = titles[pid].get(cand.title, 0) + 1
                i += length
                break
            else:
                i += 1
    return mentions, titles
