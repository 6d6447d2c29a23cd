"""Quote attribution in news copy (reader.nlp.quotes), on text written here: the forms added for issue 15's
second round ("in the words of X", a spokesperson *for* X, names the People list knows only in part)."""

from __future__ import annotations

import re

import pytest

from reader.document.build import document_from_plain_text
from reader.document.model import Span
from reader.nlp.people import find_people
from reader.nlp.quotes import find_quotes
from reader.nlp.results import Person


def speakers_of(text: str) -> list[str | None]:
    doc = document_from_plain_text(text, "test")
    people = find_people(doc)
    names = {p.key: p.name for p in people}
    return [names.get(q.speaker) for q in find_quotes(doc, people)]


@pytest.mark.parametrize("lead", ["In the words of Anna Berg, ", "In Anna Berg’s own words: ", "in the words of Anna Berg "])
def test_in_the_words_of_gives_the_speaker(lead: str) -> None:
    text = f"Anna Berg has run the port since 2015. The harbour stayed shut, {lead}“nothing moves until the storm has passed.”\n"
    assert speakers_of(text) == ["Anna Berg"]


def test_in_someone_elses_words_is_not_the_subjects_quote() -> None:
    text = "Anna Berg met Tom Hale on Monday. Berg closed the port, in Tom Hale’s words, “far too late.”\n"
    assert speakers_of(text) == ["Tom Hale"]


@pytest.mark.parametrize("sentence", [
    "A spokeswoman for Anna Berg said: “There is no comment.”",
    "“There is no comment,” an aide to Berg said.",
    "An aide to Anna Berg told reporters: “There is no comment.”",
    "A lawyer for Anna Berg, who asked not to be named, said: “There is no comment.”",
    "The family of Anna Berg said in a statement: “There is no comment.”",
])
def test_someone_speaking_for_a_person_is_not_that_person(sentence: str) -> None:
    text = f"Anna Berg won the vote on Sunday.\n\n{sentence}\n"
    assert speakers_of(text) == [None]


def test_the_person_before_a_prepositional_phrase_in_the_appositive_is_the_speaker() -> None:
    text = "Tom Hale met Anna Berg on Sunday. Later Tom Hale, standing next to Anna Berg, said: “We have a deal.”\n"
    assert speakers_of(text) == ["Tom Hale"]


def test_a_speaker_the_people_list_knows_without_the_particle_of_the_surname() -> None:
    # a People list that knows "Suleiman" only, its mentions without the article (as a detector that drops
    # it leaves them): the quote of "General Suleiman al-Amr" is his, and nobody is invented
    text = ("General Suleiman met the press. Officials praised General Suleiman for his work.\n\n"
            "General Suleiman al-Amr, in remarks to state television, said \"All those who were hurt are in hospital.\"\n")
    doc = document_from_plain_text(text, "test")
    short = [Span(m.start(), m.end()) for m in re.finditer("Suleiman", text)]
    suleiman = Person(name="Suleiman", aliases=("Suleiman",), titles=(), mentions=tuple(short),
                      key="suleiman")
    assert [q.speaker for q in find_quotes(doc, [suleiman])] == ["suleiman"]


def test_according_to_without_a_quote_makes_that_person_the_one_a_later_pronoun_means() -> None:
    text = ("“It is painful,” Mayor Helen Carver said on Monday. The talks were led by her chief of staff, "
            "Diane Okoro.\n\n"
            "According to Okoro, the depot will close in March. “We will publish the timetable next week,” she said.\n")
    assert speakers_of(text) == ["Helen Carver", "Diane Okoro"]


def test_a_title_opening_the_clause_before_an_appositive_is_the_person_with_that_title() -> None:
    text = ("Health Minister Rajesh Kumar met the nurses on Monday. Beatrice Mensah led the union side.\n\n"
            "The minister, asked whether he would resign, said: “Absolutely not.”\n")
    assert speakers_of(text) == ["Rajesh Kumar"]


def test_a_title_nobody_on_the_list_holds_gives_no_speaker() -> None:
    text = ("Health Minister Rajesh Kumar met the nurses on Monday.\n\n"
            "The nurse, asked whether she would go back to work, said: “Not yet.”\n")
    assert speakers_of(text) == [None]


def test_a_lone_surname_the_people_list_missed_is_its_one_holder() -> None:
    # the People list links neither sentence-initial "Mills" here to Sandra Mills
    text = ("The port's chief executive, Sandra Mills, met the union on Friday. Kevin Doyle led the union side.\n\n"
            "Mills struck a different tone later.\n\nMills later told reporters: “I have nothing to add.”\n")
    assert speakers_of(text) == ["Sandra Mills"]


def test_a_surname_that_is_part_of_another_name_is_not_taken_for_its_holder() -> None:
    text = ("The port's chief executive, Sandra Mills, met the union on Friday.\n\n"
            "The rival firm Hartford Mills said: “We are not involved.”\n")
    assert speakers_of(text) == [None]


@pytest.mark.parametrize("tag", ["said retired docker Bill Hanley, 82", "said the union steward Bill Hanley"])
def test_a_role_between_the_inverted_verb_and_the_name(tag: str) -> None:
    text = f"Bill Hanley worked at the port for 45 years.\n\n“It is a sad day for Harwick,” {tag}.\n"
    assert speakers_of(text) == ["Bill Hanley"]


def test_no_role_reading_over_a_preposition() -> None:
    text = "Bill Hanley worked at the port for 45 years.\n\n“It is a sad day for Harwick,” said a letter to Bill Hanley.\n"
    assert speakers_of(text) == [None]


def test_a_titled_surname_is_not_taken_for_the_one_holder_of_that_surname() -> None:
    text = ("The port's chief executive, Sandra Mills, met the union on Friday.\n\n"
            "Her husband arrived later. Mr. Mills told reporters: “We are proud of her.”\n")
    assert speakers_of(text) == [None]


@pytest.mark.parametrize("sentence", ["Anna Berg’s spokesman said: “The minister will not resign.”",
                                      "“The minister will not resign,” Anna Berg’s spokesman said.",
                                      "“The minister will not resign,” said Anna Berg’s spokesman."])
def test_a_persons_spokesman_is_not_that_person(sentence: str) -> None:
    assert speakers_of(f"Anna Berg met the press on Monday.\n\n{sentence}\n") == [None]


def test_a_relative_clause_between_the_name_and_the_verb() -> None:
    text = "Tom Hale, who has led the union since 2019 and who opposed the plan, said the vote was “a disgrace.”\n"
    assert speakers_of(text) == ["Tom Hale"]


# --- round 6: pronouns after a speaker of unknown gender, sentence-initial surnames, quotes over paragraphs

def test_a_pronoun_goes_to_the_only_person_named_even_when_their_gender_is_unknown() -> None:
    # "Zorvath" is in no list of given names: nobody else is there for the "he" to mean
    text = "Zorvath Kemel, the director of the port, spoke on Monday. “We are ready for the season,” he said.\n"
    assert speakers_of(text) == ["Zorvath Kemel"]


def test_an_unknown_gender_speaker_is_the_pronouns_person_when_everyone_else_named_is_of_the_other_gender() -> None:
    text = ("Zorvath Kemel said the port was ready. Anna Berg said the city agreed with him. "
            "“We will open in May,” he said.\n")
    assert speakers_of(text) == ["Zorvath Kemel"]


@pytest.mark.parametrize("other", ["Tom Hale", "Orla Quint"])
def test_a_pronoun_stays_unattributed_when_another_person_may_be_meant(other: str) -> None:
    # Tom is a man; "Orla" (unknown gender) may be the "he" as well
    text = f"Zorvath Kemel and {other} met on Monday. “We will open in May,” he said.\n"
    assert speakers_of(text) == [None]


def test_a_lone_surname_opening_a_sentence_after_a_capitalised_word_is_its_one_holder() -> None:
    # "Boston." ends the sentence before: it is no first name of another "Mills"
    text = ("Sandra Mills chairs the harbour board. The vote was held in Boston. "
            "Mills told reporters: “It came too late.”\n")
    assert speakers_of(text) == ["Sandra Mills"]


def test_a_title_of_the_holders_gender_before_a_lone_surname_is_that_person() -> None:
    # a People list that does not link "Mrs. Harlow" to Jane Harlow (a detector may leave it apart)
    text = ("Jane Harlow has taught at the school for thirty years. Jane Harlow plans to retire in June.\n\n"
            "“I will miss the children,” Mrs. Harlow said.\n")
    doc = document_from_plain_text(text, "test")
    mentions = tuple(Span(m.start(), m.end()) for m in re.finditer("Jane Harlow", text))
    jane = Person(name="Jane Harlow", aliases=("Jane Harlow",), titles=(), mentions=mentions, key="jane-harlow")
    assert [q.speaker for q in find_quotes(doc, [jane])] == ["jane-harlow"]
    mister = text.replace("Mrs. Harlow", "Mr. Harlow")  # her husband, maybe: not her
    assert [q.speaker for q in find_quotes(document_from_plain_text(mister, "test"), [jane])] == [None]


def test_a_pronoun_after_a_quote_over_several_paragraphs_looks_before_the_quote() -> None:
    text = ("Tom Hale spoke after the match.\n\n“We played well in the first half.\n\n"
            "“In the second half we fell apart,” he said.\n")
    assert speakers_of(text) == ["Tom Hale"]


_UNION = "Marta Kowalczyk leads the Baltic Ports Union. Derek Ashby runs the ferry company.\n\n"


@pytest.mark.parametrize("sentence, speaker", [
    ("Kowalczyk responded by saying \"the strike will go on.\"", "Marta Kowalczyk"),
    ("\"We have made a fair offer,\" company chief executive Derek Ashby told reporters.", "Derek Ashby"),
    ("\"The strike will go on,\" said the union's leader, Marta Kowalczyk.", "Marta Kowalczyk"),
])
def test_a_speaker_named_after_role_words_or_a_verb_with_by_saying(sentence: str, speaker: str) -> None:
    assert speakers_of(_UNION + sentence + "\n") == [speaker]


def test_role_words_before_a_name_do_not_reach_over_a_function_word() -> None:
    text = _UNION + "\"We have made a fair offer,\" the union heard as Derek Ashby spoke.\n"
    assert speakers_of(text) == [None]


@pytest.mark.parametrize("text, speaker", [
    ("Prime Minister Anna Lindqvist spoke in parliament. Tom Hale asked the first question.\n\n"
     "\"We will not raise taxes,\" the prime minister said.\n", "Anna Lindqvist"),
    ("Derek Ashby, chief executive of the ferry company, met the union. Marta Kowalczyk led the union side.\n\n"
     "\"We have made a fair offer,\" said the chief executive.\n", "Derek Ashby"),
    ("Derek Ashby, chief executive of the ferry company, met the union. Marta Kowalczyk led the union side.\n\n"
     "The chief executive, asked about the strike, said: \"We have made a fair offer.\"\n", "Derek Ashby"),
    ("Foreign Minister Jan Olsen met Defence Minister Erik Dahl in Oslo.\n\n"
     "\"We are close to a deal,\" the defence minister told reporters.\n", "Erik Dahl"),
    ("Foreign Minister Jan Olsen met Defence Minister Erik Dahl in Oslo.\n\n"
     "\"We are close to a deal,\" the foreign minister told reporters.\n", "Jan Olsen"),
])
def test_a_title_of_several_words_refers_to_the_one_who_holds_all_of_it(text: str, speaker: str) -> None:
    assert speakers_of(text) == [speaker]


@pytest.mark.parametrize("title", ["the defence minister", "the deputy minister", "the deputy chief executive",
                                   "the former chief executive"])
def test_a_title_nobody_holds_in_full_gives_no_speaker(title: str) -> None:
    text = ("Foreign Minister Jan Olsen met Derek Ashby, chief executive of the ferry company, in Oslo.\n\n"
            f"\"We are close to a deal,\" {title} told reporters.\n")
    assert speakers_of(text) == [None]


@pytest.mark.parametrize("sentence", ["Kowalczyk did not hold back: \"It is an insult.\"",
                                      "Kowalczyk had a simple message for the company: \"It is an insult.\"",
                                      "Asked about the offer, Kowalczyk was blunt.\n\n\"It is an insult.\""])
def test_the_subject_of_the_sentence_before_a_colon_or_a_quote_only_paragraph(sentence: str) -> None:
    assert speakers_of(_UNION + sentence + "\n") == ["Marta Kowalczyk"]


@pytest.mark.parametrize("sentence", ["Kowalczyk had a letter from Ashby: \"The offer is final.\"",
                                      "Kowalczyk heard the chant from the crowd: \"No deal, no ferries!\"",
                                      "Kowalczyk could hear the crowd outside: \"No deal, no ferries!\""])
def test_words_the_subject_received_or_heard_before_a_colon_are_not_theirs(sentence: str) -> None:
    assert speakers_of(_UNION + sentence + "\n") == [None]


# --- round 7: forms found by the articles written for the tuned-on gold (bench/gold/quotes/texts/tuned_*)

def test_in_the_words_of_a_role_then_the_name_gives_the_named_speaker() -> None:
    text = ("Gwen Aldous has run the port since 2015. Tom Hale chairs the council.\n\n"
            "In the words of the harbour master, Gwen Aldous, the port is “at the limit of what it can handle”.\n")
    assert speakers_of(text) == ["Gwen Aldous"]


def test_in_the_words_of_a_role_then_a_name_far_from_the_quote_is_not_guessed() -> None:
    text = ("Gwen Aldous has run the port since 2015.\n\n"
            "In the words of the harbour master, Gwen Aldous, the port, which was built in 1880 by the railway company "
            "and rebuilt twice since then after the great storms, is “at the limit”.\n")
    assert speakers_of(text) == [None]


def test_an_inverted_verb_then_an_organisation_and_a_role_before_the_name() -> None:
    text = ("Keith Morrow has supported the team since childhood. Lee Hammond is the captain.\n\n"
            "“It is a great day for the club,” said Rovers chairman Keith Morrow, 61.\n")
    assert speakers_of(text) == ["Keith Morrow"]


def test_a_possessive_organisation_before_a_role_is_not_the_speakers_role() -> None:
    text = ("Alireza Mehraban coached the team. According to the Afghan team's coach, Alireza Mehraban, the robot "
            "named “Better Idea” scored two points.\n")
    assert speakers_of(text) == [None]


def test_a_name_after_an_organisation_and_a_role_opens_the_sentence_for_a_later_pronoun() -> None:
    # "he" is the manager who opens the paragraph, not the substitute named in the one before
    text = ("Harford Rovers won 2-1, with substitute Danny Obi scoring late.\n\n"
            "Rovers manager Phil Garside could not hide his delight. “I told the lads we were still in it,” he said.\n")
    assert speakers_of(text) == ["Phil Garside"]


def test_a_participle_after_a_comma_is_the_sentence_subjects() -> None:
    text = ("Senator Ruth Calloway on Thursday defended her vote against the water bill, saying it would “hand the "
            "rivers to the farm lobby”.\n")
    assert speakers_of(text) == ["Ruth Calloway"]


def test_a_participle_after_another_person_is_named_is_not_guessed() -> None:
    text = ("Ruth Calloway is a senator. Dale Hoskins wrote the bill.\n\n"
            "Ruth Calloway praised Dale Hoskins on Thursday, saying the bill was “a good start”.\n")
    assert speakers_of(text) == [None]


def test_a_quote_only_paragraph_after_one_about_the_person_whose_quote_came_before() -> None:
    text = ("Senator Ruth Calloway on Thursday defended her vote, saying it would “hand the rivers to the farm lobby”.\n\n"
            "Calloway, a Democrat who has represented the valley for 12 years, spoke for nearly an hour.\n\n"
            "“I grew up on a farm. My brother still runs it.\n\n"
            "“But this bill does not protect farmers.”\n")
    assert speakers_of(text) == ["Ruth Calloway", "Ruth Calloway"]


def test_a_quote_only_paragraph_after_one_about_a_person_whose_quote_was_someone_elses() -> None:
    text = ("Dale Hoskins wrote the bill. “It is fair,” said Dale Hoskins.\n\n"
            "Ruth Calloway, a Democrat who has represented the valley for 12 years, spoke for nearly an hour.\n\n"
            "“I grew up on a farm. My brother still runs it.”\n")
    assert speakers_of(text)[-1] is None


def test_a_role_before_the_name_then_the_title_in_capitals_refers_to_them() -> None:
    text = ("The local MP, Harriet Greene, has called the decision “short-sighted”. Alan Brooks runs the school.\n\n"
            "The MP told reporters outside the school: “When the school goes, the shop goes.”\n")
    assert speakers_of(text) == ["Harriet Greene", "Harriet Greene"]


def test_a_relative_clause_after_a_name_gives_no_role() -> None:
    from reader.nlp.quotes.traits import appositive_roles

    text = "Mayor Helen Okafor, who proposed the levy, spoke first. Tom Hale, the harbour master, spoke next.\n"
    doc = document_from_plain_text(text, "test")
    people = find_people(doc)
    roles = {people[pid].name: role for pid, role in appositive_roles(doc.text, people).items()}
    assert roles == {"Tom Hale": "harbour master"}
