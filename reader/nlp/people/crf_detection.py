"""The learned half of detection: the CRF (:mod:`.tagger`) reads the heuristic's decision as a feature and
then has the last word on which name forms are people.

1. Marks: a token inside a candidate whose form evidence accepts (or a lone candidate that is the surname of
   an accepted full name) is ``"acc"``; a token of any other candidate is ``"cand"``.
2. Votes: for each form, the CRF's probability that its tokens are a person's name, averaged over the tokens
   of at most ``MAX_VOTES`` occurrences (the first ones; a novel's "Pierre" needs no 2,000 votes).
3. Decision: a form is accepted when its vote reaches ``ACCEPT_NEW``, or ``KEEP`` if evidence accepted it;
   a form the rules reject outright (places, organisation words, months, fused pairs) needs ``OVERRULE``.
"""

from __future__ import annotations

from collections.abc import Iterable

from reader.nlp.people import tagger as tg
from reader.nlp.people.candidates import Candidate

Form = tuple[str, ...]
MAX_VOTES = 6
ACCEPT_NEW = 0.55
KEEP = 0.3
OVERRULE = 0.9


def marks_of(candidates: Iterable[Candidate], accepted: set[Form]) -> dict[int, str]:
    """Token start offset -> "acc" or "cand"."""
    surnames = {k[-1] for k in accepted if len(k) >= 2}
    marks: dict[int, str] = {}
    for cand in candidates:
        ok = cand.key in accepted or (len(cand.key) == 1 and cand.key[0] in surnames)
        for start, _end in cand.offsets:
            marks[start] = "acc" if ok else "cand"
    return marks


def form_votes(doc, candidates: list[Candidate], marks: dict[int, str]) -> dict[Form, float]:
    """Form -> mean CRF person probability over the tokens of its first ``MAX_VOTES`` occurrences."""
    chosen: list[Candidate] = []
    seen: dict[Form, int] = {}
    for cand in candidates:
        n = seen.get(cand.key, 0)
        if n < MAX_VOTES:
            seen[cand.key] = n + 1
            chosen.append(cand)
    wanted = {s for cand in chosen for s, _ in cand.offsets}
    sentence_ids = sorted({doc.sentence_index_at(cand.start) for cand in chosen})
    sentences = doc.sentences
    spans = [(sentences[i].start, sentences[i].end) for i in sentence_ids if 0 <= i < len(sentences)]
    probs = tg.person_probabilities(doc.text, spans, wanted, marks)
    total: dict[Form, list[float]] = {}
    for cand in chosen:
        ps = [probs[s] for s, _ in cand.offsets if s in probs]
        if ps:
            entry = total.setdefault(cand.key, [0.0, 0])
            entry[0] += sum(ps) / len(ps)
            entry[1] += 1
    return {k: s / n for k, (s, n) in total.items()}


def revise(doc, candidates: list[Candidate], accepted: set[Form], rejected: set[Form]) -> set[Form]:
    """The accepted forms once the CRF has voted (``accepted`` itself when the model is unavailable)."""
    if not tg.ENABLED or not candidates or not tg.model_available():
        return accepted
    votes = form_votes(doc, candidates, marks_of(candidates, accepted))
    out = set()
    for key, vote in votes.items():
        if key in rejected:
            ok = vote >= OVERRULE
        elif key in accepted:
            ok = vote >= KEEP
        else:
            ok = vote >= ACCEPT_NEW
        if ok:
            out.add(key)
    return out


class _Captured(Exception):
    pass


def heuristic_marks_of(doc) -> dict[int, str]:
    """Marks from the heuristic detection of :func:`reader.nlp.people.find_people` run on ``doc``."""
    import reader.nlp.people as people

    seen: dict[str, object] = {}
    real_name_links, real_link = people.name_links, people.link

    def name_links(text, candidates):
        seen["candidates"] = list(candidates)
        return real_name_links(text, candidates)

    def link(stats, accepted, *args, **kwargs):
        seen["accepted"] = set(accepted)
        raise _Captured

    people.name_links, people.link = name_links, link
    try:
        people.find_people(doc)
    except _Captured:
        pass
    finally:
        people.name_links, people.link = real_name_links, real_link
    if "accepted" not in seen:
        return {}
    return marks_of(seen["candidates"], seen["accepted"])


def install_prototype_hook() -> None:
    """Until detection calls :func:`revise` itself: wrap the linking call of find_people so the CRF revises
    the accepted forms first."""
    import reader.nlp.people as people

    if getattr(people.link, "_crf_hook", False):
        return
    real_name_links, real_link = people.name_links, people.link
    state: dict[str, object] = {}

    def name_links(text, candidates):
        state["candidates"] = list(candidates)
        return real_name_links(text, candidates)

    def link(stats, accepted, rejected, *args, **kwargs):
        doc = state.get("doc")
        if doc is not None:
            accepted = revise(doc, state["candidates"], set(accepted), rejected)
        return real_link(stats, accepted, rejected, *args, **kwargs)

    link._crf_hook = True
    real_find = people.find_people

    def find_people(doc, should_stop=None):
        state["doc"] = doc
        return real_find(doc, should_stop)

    people.name_links, people.link = name_links, link
    people.find_people_with_crf = find_people
