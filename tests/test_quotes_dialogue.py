"""Dialogue in novels (reader.nlp.quotes), on text written here: the rules added for issue 15's second round
(a reply tagged only "replied he", "said her mother" after a turn addressed to her daughter, a parent spoken to as
"mamma")."""

from __future__ import annotations

from reader.document.build import document_from_plain_text
from reader.nlp.people import find_people
from reader.nlp.quotes import find_quotes

# (the daughters' "Miss" keeps the People list from taking "Mrs. Harlow" for one of them)
FAMILY = ("Mrs. Harlow liked visitors. Mr. Harlow liked his library. Mrs. Harlow had two daughters.\n\n"
          "Miss Clara Harlow, the elder, read all day. Miss Ada Harlow sang. Clara was clever.\n\n")


def speakers_of(text: str) -> list[str | None]:
    doc = document_from_plain_text(text, "test")
    people = find_people(doc)
    names = {p.key: p.name for p in people}
    return [names.get(q.speaker) for q in find_quotes(doc, people)]


def test_a_reply_tagged_with_a_pronoun_goes_to_the_one_spoken_with_when_only_they_fit() -> None:
    text = FAMILY + ("“My dear Mr. Harlow,” said his lady to him one day, “you never listen to me.”\n\n"
                     "“They are none of them much to hear,” replied he: “all silly girls.”\n")
    assert speakers_of(text) == ["Mrs. Harlow", "Mr. Harlow"]


def test_said_her_mother_after_a_turn_addressed_to_the_daughter_is_her_mother() -> None:
    text = FAMILY + ("Mr. Harlow came in from the garden and looked at the hat on the table.\n\n"
                     "“I hope the vicar will like it, Clara.”\n\n“We cannot know what the vicar likes,” said her mother.\n")
    assert speakers_of(text)[-1] == "Mrs. Harlow"


def test_the_parent_spoken_to_as_mamma_answers_next() -> None:
    # Ada spoke before Clara, but Clara speaks to her mother: the mother answers, not Ada
    text = FAMILY + ("“Is it raining?”\n\n“No.”\n\n“Good.”\n\n"  # (a text with dialogue: quote-only paragraphs)
                     "Mrs. Harlow sat down by the fire.\n\n“The vicar never calls,” said Ada Harlow.\n\n"
                     "“But you forget, mamma,” said Clara Harlow, “that we shall meet him on Sunday.”\n\n"
                     "“I do not believe he will come at all.”\n")
    assert speakers_of(text)[-1] == "Mrs. Harlow"


def test_a_lead_in_paragraph_with_a_pronoun_and_an_adverb_before_the_verb_introduces_its_speaker() -> None:
    text = FAMILY + ("Mr. Harlow had called on the vicar that morning. Seeing his daughter at work on a hat, he "
                     "suddenly addressed her with,--\n\n“I hope the vicar will like it, Clara.”\n")
    assert speakers_of(text)[-1] == "Mr. Harlow"


def test_a_turn_after_narration_in_which_one_person_starts_to_speak_is_theirs() -> None:
    exchange = "“Is it raining?”\n\n“No.”\n\n“Good.”\n\n"  # (a text with dialogue: quote-only paragraphs)
    text = FAMILY + exchange + ("Mrs. Harlow made no reply; but, unable to contain herself, began scolding one of "
                                "her daughters.\n\n“Do stop humming, Ada, for heaven’s sake!”\n")
    assert speakers_of(text)[-1] == "Mrs. Harlow"


def test_a_turn_after_narration_in_which_the_person_does_not_start_to_speak_is_not_guessed() -> None:
    exchange = "“Is it raining?”\n\n“No.”\n\n“Good.”\n\n"
    text = FAMILY + exchange + "Mrs. Harlow looked out of the window at the garden.\n\n“Do stop humming, Ada!”\n"
    assert speakers_of(text)[-1] is None


def test_said_her_mother_after_the_daughter_answered_is_the_daughters_mother() -> None:
    # "her" would be Kitty (the last speaker named), whose mother the list does not know; Clara answered last
    exchange = "“Is it raining?”\n\n“No.”\n\n“Good.”\n\n"
    text = FAMILY + exchange + ("Kitty came to stay at Fenwick in May. Kitty was a cousin.\n\n"
                                "“When is the ball to be, Clara?” asked Kitty.\n\n“To-morrow fortnight.”\n\n"
                                "“Ay, so it is,” cried her mother, “and the vicar will be away.”\n")
    assert speakers_of(text)[-2:] == ["Clara Harlow", "Mrs. Harlow"]


# --- round 6: a reply tagged with a pronoun, after narration, goes to the one the turn before spoke to

_BALL = ("“Is it raining?”\n\n“No.”\n\n“Good.”\n\n"  # (a text with dialogue: quote-only paragraphs)
         "Miss Clara Harlow, the elder, read all day. Miss Ada Harlow sang. Mr. Thomas Vane came to dine.\n\n"
         "“I like the rain,” said Clara Harlow.\n\n"
         "Clara Harlow sat down at the pianoforte and played a long sonata.\n\n")


def test_a_reply_tagged_she_after_narration_goes_to_the_one_the_turn_before_spoke_to() -> None:
    # Clara spoke last among the women (and began a sentence since): without the address the "she" was Clara's
    text = _BALL + ("Soon afterwards Mr. Vane said,--\n\n“Will you not dance, Ada, now that the rain has stopped?”\n\n"
                    "She smiled, but made no answer. He asked again.\n\n“Oh,” said she, “I heard you the first time.”\n")
    assert speakers_of(text)[-3:] == ["Thomas Vane", "Ada Harlow", "Ada Harlow"]


def test_no_reply_by_address_when_someone_is_named_in_the_narration_between() -> None:
    text = _BALL + ("Soon afterwards Mr. Vane said,--\n\n“Will you not dance, Ada, now that the rain has stopped?”\n\n"
                    "Clara Harlow smiled, but Ada made no answer.\n\n“Oh,” said she, “I heard you the first time.”\n")
    assert speakers_of(text)[-1] != "Ada Harlow"


# --- round 7: the turn spoken to by name is forgotten at a turn of unknown speaker; a polite "Miss Harlow" is the
# one of the sisters the scene names

def test_the_turn_spoken_to_by_name_is_forgotten_when_an_unknown_speaker_takes_a_turn() -> None:
    # the voice at the door spoke after Ada was asked: the "she" who answers it is not Ada by address
    text = _BALL + ("Soon afterwards Mr. Vane said,--\n\n“Will you not dance, Ada, now that the rain has stopped?”\n\n"
                    "“Nonsense!” cried a voice from the door.\n\n“Oh,” said she, “I heard you the first time.”\n")
    assert "Ada Harlow" not in speakers_of(text)[-2:]


def test_reset_forgets_the_turn_spoken_to_by_name() -> None:
    from reader.nlp.quotes.dialogue import Exchange
    from reader.nlp.quotes.spans import locate
    from reader.nlp.quotes.tags import Attributor

    text = FAMILY + "“Will you not dance, Ada?” said Mr. Harlow.\n"
    doc = document_from_plain_text(text, "test")
    people = find_people(doc)
    att = Attributor(doc, people)
    raws = locate(doc.text, doc.paragraphs)
    harlow = next(i for i, p in enumerate(people) if p.name == "Mr. Harlow")
    exchange = Exchange(doc.text, doc.paragraphs, att)
    exchange.end(raws[-1:], {harlow})
    assert exchange.last_address is not None
    exchange.reset()
    assert exchange.last_address is None


# (the elder sister is "Miss Harlow", as Jane is "Miss Bennet")
_SISTERS = ("Miss Clara Harlow was the elder sister. Miss Harlow read all day. Miss Ada Harlow sang. Mr. Thomas Vane "
            "came to dine.\n\n"
            "“Is it raining?”\n\n“No.”\n\n“Good.”\n\n"  # (a text with dialogue: quote-only paragraphs)
            "“I like the rain,” said Clara Harlow.\n\n"
            "Clara Harlow sat down at the pianoforte and played a long sonata.\n\n")


def test_a_reply_to_a_polite_title_and_surname_goes_to_the_sister_the_scene_names() -> None:
    # "Miss Harlow" is Clara or Ada; Mr. Vane drew near Ada: she answers (not Clara, who began a sentence since
    # she last spoke)
    text = _SISTERS + ("Soon afterwards Mr. Vane, drawing near Ada, said to her,--\n\n"
                       "“Will you not dance, Miss Harlow, now that the rain has stopped?”\n\n"
                       "She smiled, but made no answer. He asked again.\n\n“Oh,” said she, “I heard you the first time.”\n")
    assert speakers_of(text)[-3:] == ["Thomas Vane", "Ada Harlow", "Ada Harlow"]


def test_a_reply_to_a_polite_title_and_surname_is_not_guessed_when_the_scene_names_both_sisters() -> None:
    text = _SISTERS + ("Soon afterwards Mr. Vane, drawing near Ada and Clara, said to them,--\n\n"
                       "“Will you not dance, Miss Harlow, now that the rain has stopped?”\n\n"
                       "She smiled, but made no answer. He asked again.\n\n“Oh,” said she, “I heard you the first time.”\n")
    assert speakers_of(text)[-1] != "Ada Harlow"


def test_the_answer_to_a_turn_of_unknown_speaker_that_calls_someone_by_name_is_theirs() -> None:
    exchange = "“Is it raining?”\n\n“No.”\n\n“Good.”\n\n"  # (a text with dialogue: quote-only paragraphs)
    text = FAMILY + exchange + ("Mr. Harlow came in from the garden.\n\n“Then, my dear, you may ask the vicar.”\n\n"
                                "“Impossible, Mr. Harlow, impossible, when I do not know him myself!”\n\n"
                                "“I honour your caution. A fortnight is very little.”\n")
    assert speakers_of(text)[-1] == "Mr. Harlow"


def test_a_name_in_the_middle_of_a_turn_of_unknown_speaker_is_not_whom_it_speaks_to() -> None:
    exchange = "“Is it raining?”\n\n“No.”\n\n“Good.”\n\n"
    text = FAMILY + exchange + ("Mr. Harlow came in from the garden.\n\n“Then, my dear, you may ask the vicar.”\n\n"
                                "“I met the vicar and his cousin, Mr. Harlow. How strange these things are!”\n\n"
                                "“I honour your caution. A fortnight is very little.”\n")
    assert speakers_of(text)[-1] != "Mr. Harlow"
