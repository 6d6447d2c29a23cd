"""People named in a document, each with every mention located (an X-Ray-like people list).

Design: *detect, link, propagate*, pure Python and deterministic; the stages share one
:class:`~reader.nlp.people.context.PeopleContext`.

Detection (which capitalised runs are names of people):

1. :mod:`.candidates` finds capitalised runs inside sentences and cleans each segment with the rules in
   ``SEGMENT_RULES`` (titles, function words, nationalities peeled; repeats collapsed).
2. :mod:`.evidence` scores each distinct form over all its occurrences (``OCCURRENCE_RULES`` add context
   evidence, ``FORM_RULES`` work on whole forms, the weights are in ``Weights``) and accepts forms.

Linking (which names are the same person, which person a lone mention means):

   :mod:`.places` then rejects the forms used where places go ("in Kent", "at Tarútino").
3. :mod:`.linking` groups accepted forms into people and links lone surnames, given names and spelling
   variants to them (``LONE_FORM_RULES``).
4. :mod:`.mentions` locates every mention: longest matching form wins at each position; shared short forms
   are resolved per occurrence.

Word lists live in ``reader/nlp/data/*.txt`` and are loaded by :mod:`.lexicon` only.

Public API: :func:`find_people` (in :mod:`.pipeline`, imported on first use) and :class:`Person`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reader.nlp.results import Person

if TYPE_CHECKING:
    from reader.nlp.people.pipeline import find_people

__all__ = ["Person", "find_people"]


def __getattr__(name: str) -> object:
    """``find_people`` imported on first use: the light modules of this package (``corrections``) must not load
    the detector, its name lists and model (the UI imports corrections on the way to its first paint)."""
    if name == "find_people":
        from reader.nlp.people.pipeline import find_people

        return find_people
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
