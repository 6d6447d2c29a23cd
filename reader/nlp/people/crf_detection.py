"""The learned half of detection: the CRF (:mod:`.tagger`) reads the heuristic's decision as a feature and
then has the last word on which name forms are people.

1. Marks: a token inside a candidate whose form evidence accepts (or a lone candidate that is the surname of
   an accepted full name) is ``"acc"``; a token of any other candidate is ``"cand"``.
2. Votes: for each form, the CRF's probability that its tokens are a person's name, averaged over the tokens
   of at most ``MAX_VOTES`` occurrences (the first ones; a novel's "Pierre" needs no 2,000 votes).
3. Decision: a form evidence accepted stays when its vote reaches ``KEEP``, or it has person context of its
   own (title, role noun, speech verb, appositive...), or it is the full name of a person named alone by
   context ("Xi Jinping" ... "Xi said"), or the lists alone shape it as a name (given name or initial +
   census surname, "S. Fleming"; a romanised East Asian given name, "Yau Wai-ching"), or its evidence score
   reaches ``STRONG``: the CRF has seen little sports news, so it vetoes only forms the rules half-believe.
   Any other form is accepted when its vote reaches ``ACCEPT_NEW`` (``ACCEPT_NEW_LONE`` for a lone token)
   and it is no thing: its last word is no ordinary word that is not a census surname, its first word
   is no surname of an accepted full name ("Warhol Polaroid" beside "Andy Warhol"), and its own context does
   not speak against a person (``evidence.context_score`` below zero: mostly after a place preposition or
   "the town of", "the Rice", "its"; "in Coleman", "from Cochabamba" stay places whatever the CRF says). A form the rules reject
   outright (places, organisation words, months, fused pairs) is not put to the vote, nor one evidence split
   as two names run together ("Rhett Butler Hattie McDaniel").

The thresholds are chosen by ``tools/train_tagger.py --tune`` on a part of the training data.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from reader.nlp.people import evidence
from reader.nlp.people import lexicon as lx
from reader.nlp.people import tagger as tg
from reader.nlp.people.candidates import Candidate, country_like
from reader.nlp.people.context import Form, PeopleContext

MAX_VOTES = 6
ACCEPT_NEW = 0.75  # a form of two or more tokens evidence did not accept (the tune grid's 0.6 gains 0.01 of
# weighted news F1 but accepts "Steelkilt Charlemagne" in Moby-Dick: bench/eval_novel_people.py)
ACCEPT_NEW_LONE = 0.6  # a lone token evidence did not accept
KEEP = 0.3  # a form evidence accepted...
STRONG = 3.0  # ...or accepted with at least this score


def marks_of(candidates: Iterable[Candidate], accepted: set[Form]) -> dict[int, str]:
    """Token start offset -> "acc" or "cand"."""
    surnames = {k[-1] for k in accepted if len(k) >= 2}
    marks: dict[int, str] = {}
    for cand in candidates:
        ok = cand.key in accepted or (len(cand.key) == 1 and cand.key[0] in surnames)
        for start, _end in cand.offsets:
            marks[start] = "acc" if ok else "cand"
    return marks


def form_votes(
    ctx: PeopleContext, marks: dict[int, str], undecided: Callable[[Form], bool] | None = None
) -> dict[Form, float | None]:
    """Form -> mean CRF person probability over the tokens of its first ``MAX_VOTES`` occurrences.

    With ``undecided`` (the forms whose decision depends on their vote), a form it says no to is not tagged
    when one of its occurrences surely gets a probability (:func:`.tagger.surely_tagged`): its vote is None.
    In a novel that spares two thirds of the tagging."""
    doc = ctx.doc
    chosen: list[Candidate] = []
    seen: dict[Form, int] = {}
    for cand in ctx.candidates:
        n = seen.get(cand.key, 0)
        if n < MAX_VOTES and cand.key not in ctx.rejected:
            seen[cand.key] = n + 1
            chosen.append(cand)
    sentences = doc.sentences
    spared: set[Form] = set()
    if undecided is not None:
        for cand in chosen:
            if cand.key not in spared and not undecided(cand.key) and _surely_voted(doc, cand):
                spared.add(cand.key)
        chosen = [cand for cand in chosen if cand.key not in spared]
    wanted = {s for cand in chosen for s, _ in cand.offsets}
    ids = sorted({doc.sentence_index_at(cand.start) for cand in chosen})
    spans = [(sentences[i].start, sentences[i].end) for i in ids if 0 <= i < len(sentences)]
    probs = tg.person_probabilities(doc.text, spans, wanted, marks)
    total: dict[Form, list[float]] = {}
    for cand in chosen:
        ps = [probs[s] for s, _ in cand.offsets if s in probs]
        if ps:
            entry = total.setdefault(cand.key, [0.0, 0])
            entry[0] += sum(ps) / len(ps)
            entry[1] += 1
    votes: dict[Form, float | None] = {k: s / n for k, (s, n) in total.items()}
    votes.update(dict.fromkeys(spared))
    return votes


def _surely_voted(doc, cand: Candidate) -> bool:
    """One of the candidate's tokens surely gets a probability when its sentence is tagged."""
    i = doc.sentence_index_at(cand.start)
    if not 0 <= i < len(doc.sentences):
        return False
    span = doc.sentences[i]
    return any(tg.surely_tagged(doc.text, start, span.start, span.end) for start, _ in cand.offsets)


def heuristic_marks_of(doc) -> dict[int, str]:
    """The marks the CRF reads for ``doc`` (detection without the CRF); for training."""
    from reader.nlp.people.detection import detect_people

    ctx = detect_people(doc, learned=False, headlines=False)
    return marks_of(ctx.candidates, ctx.accepted) if ctx is not None else {}


def _name_shaped(st: evidence.FormStats) -> bool:
    """Shaped like a name by the lists alone: a known given name or an initial first and a census surname
    last ("S. Fleming", "Dean Jones"), or a romanised East Asian given name last ("Yau Wai-ching")."""
    key = st.key
    if len(key) < 2:
        return False
    if (key[0] in lx.given_names() or len(key[0]) == 1) and key[-1] in lx.surnames():
        return True
    return evidence.syllabic_given_name(st)


def _ends_with_a_thing(key: Form) -> bool:
    """"Warhol Polaroid": the last word is an ordinary English word and no census surname."""
    return lx.is_ordinary(key[-1]) and key[-1] not in lx.surnames()


def _kept_whatever_the_vote(ctx: PeopleContext, st: evidence.FormStats) -> bool:
    """An accepted form with person context, the full name of a person, shaped like a name or strongly scored."""
    return (
        evidence.person_context(st)
        or st.full_of_person
        or _name_shaped(st)
        or evidence.score(st, ctx.lowercase_seen) >= STRONG
    )


def _may_come_in(key: Form, st: evidence.FormStats, surnames: set[str], teams: set[Form] = frozenset()) -> bool:
    """A form evidence did not accept that a high enough vote lets in: no thing, no surname of an accepted full
    name first, no context against a person, no team of a results line (:func:`teams_after_countries`)."""
    return (
        not _ends_with_a_thing(key)
        and key[0] not in surnames
        and evidence.context_score(st) >= 0
        and key not in teams
    )


_COUNTRY_BRACKET_BEFORE = re.compile(r"\([ \t]*([^()\n]{2,30}?)[ \t]*\)[ \t]*\Z")


_ROLE_THEN_NAME = re.compile(r"[ \t]+([a-z][\w-]*)[ \t]+[A-Z]")


def attributive_before_roles(ctx: PeopleContext) -> set[Form]:
    """Lone words written only as the team, firm or party of a role before a name ("Williams driver Damon
    Hill", "Ferrari driver Michael Schumacher", "Salomon analyst Sue Hanley") or as a possessive before an
    accepted full name ("Ferrari's Michael Schumacher"): what the person works for or comes from."""
    seen: dict[Form, bool] = {}
    cands = ctx.candidates
    for i, cand in enumerate(cands):
        if len(cand.key) != 1:
            continue
        m = _ROLE_THEN_NAME.match(ctx.text, cand.ctx_end)
        attributive = m is not None and cand.ctx_end == cand.end and m.group(1) in lx.ROLE_NOUNS
        if not attributive and cand.ctx_end > cand.end and i + 1 < len(cands):
            # "Ferrari's Michael Schumacher", "Britain's Tim Henman": a possessive before an accepted full name
            nxt = cands[i + 1]
            gap = ctx.text[cand.ctx_end : nxt.start]
            attributive = len(nxt.key) >= 2 and nxt.key in ctx.accepted and gap.strip() == "" and "\n" not in gap
        seen[cand.key] = seen.get(cand.key, True) and attributive
    return {k for k, only in seen.items() if only}


def teams_after_countries(ctx: PeopleContext) -> set[Form]:
    """Lone words written right after an athlete's bracketed country in a results line: the team or sponsor
    ("1. Mario Cipollini (Italy) Saeco 4:33:02", "3. Djamolidine Abdoujaparov (Uzbekistan) Refin"), not a
    person."""
    out: set[Form] = set()
    for cand in ctx.candidates:
        if len(cand.key) == 1 and cand.title is None:
            m = _COUNTRY_BRACKET_BEFORE.search(ctx.text, max(0, cand.start - 40), cand.start)
            if m and country_like(m.group(1)):
                out.add(cand.key)
    return out


def revise(ctx: PeopleContext) -> set[Form]:
    """The accepted forms once the CRF has voted (``ctx.accepted`` itself when the model is unavailable)."""
    if not tg.ENABLED or not ctx.candidates or not tg.model_available():
        return ctx.accepted
    unfused = set(evidence.accepted_forms(ctx)) - ctx.accepted  # two names run together: evidence split them
    surnames = {k[-1] for k in ctx.accepted if len(k) >= 2}
    teams = teams_after_countries(ctx) | attributive_before_roles(ctx)

    def undecided(key: Form) -> bool:  # the decision below depends on the vote
        if key in unfused:
            return False
        st = ctx.stats[key]
        if key in ctx.accepted:
            return not _kept_whatever_the_vote(ctx, st)
        return _may_come_in(key, st, surnames, teams)

    votes = form_votes(ctx, marks_of(ctx.candidates, ctx.accepted), undecided)
    out = set()
    for key, vote in votes.items():
        if key in unfused:
            continue
        st = ctx.stats[key]
        if key in ctx.accepted:
            ok = (vote is not None and vote >= KEEP) or _kept_whatever_the_vote(ctx, st)
        else:
            needed = ACCEPT_NEW if len(key) >= 2 else ACCEPT_NEW_LONE
            ok = vote is not None and vote >= needed and _may_come_in(key, st, surnames, teams)
        if ok:
            out.add(key)
    return out
