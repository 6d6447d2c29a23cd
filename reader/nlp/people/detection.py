"""Detection, the first stage of :func:`reader.nlp.people.find_people`: which capitalised runs are names of
people. Fills a :class:`~reader.nlp.people.context.PeopleContext` in this order:

1. candidates (:mod:`.candidates`): capitalised runs cleaned into name forms, inside the story only
   (:mod:`.story`: no front matter, chapter titles or licences);
2. evidence (:mod:`.evidence`): rules score every form and accept some;
3. list lines (:mod:`.list_lines`): names in results tables, scorer lists and line-ups are accepted outright
   (the team before a line-up is no person);
4. the learned tagger (:mod:`.crf_detection`): the CRF reads steps 2-3 as a feature and has the last word
   on each form (step 3's forms stay);
5. all-caps headlines (:mod:`.list_lines`): words of names accepted in the body become candidates there.
"""

from __future__ import annotations

from collections.abc import Callable

from reader.document.model import Document
from reader.nlp.people import crf_detection, evidence
from reader.nlp.people.candidates import find_candidates, lowercase_words, sentence_starts, split_fused_relatives
from reader.nlp.people.context import PeopleContext
from reader.nlp.people.list_lines import headline_candidates, lineup_teams, list_line_forms
from reader.nlp.people.story import Story, find_story


def detect_people(
    doc: Document,
    should_stop: Callable[[], bool] | None = None,
    story: Story | None = None,
    learned: bool = True,
    headlines: bool = True,
) -> PeopleContext | None:
    """The detection stage on ``doc`` (None when ``should_stop`` asked to stop), candidates only inside the
    ``story`` (:func:`.story.find_story` of the text when not given); ``learned=False`` leaves the CRF out and
    ``headlines=False`` step 5 (together: the heuristic decision the CRF reads as a feature)."""
    text = doc.text
    if story is None:
        story = find_story(text)
    ctx = PeopleContext(doc, text, sentence_starts(text, doc.sentences), lowercase_words(text), should_stop)
    candidates = find_candidates(text, ctx.sentence_starts, should_stop, ctx.lowercase_seen)
    if ctx.stopped():
        return None
    # "Buddha for Mary" names a work; prefaces, tables of contents, chapter titles and licences are not the story
    candidates = [c for c in candidates if not c.work and story.contains(c.start)]
    ctx.candidates = split_fused_relatives(text, candidates)
    evidence.detect(ctx)
    listed = list_line_forms(text, ctx.candidates)
    teams = lineup_teams(text, ctx.candidates)
    ctx.accepted = (ctx.accepted | listed) - teams
    if ctx.stopped():
        return None
    if learned:
        ctx.accepted = (crf_detection.revise(ctx) | listed) - teams
    extra = [c for c in headline_candidates(text, ctx.accepted) if story.contains(c.start)] if headlines else []
    if extra:
        ctx.candidates = sorted([*ctx.candidates, *extra], key=lambda c: c.start)
    return None if ctx.stopped() else ctx
