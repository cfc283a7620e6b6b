"""The analysis on news as wires write it: who said what, who the people are, which
names are systems, when things happened and what is still open. The article is
written for these tests (tests/fixtures/wild/wire-story.txt); every check names
the behaviour it pins."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.analyze import analyze
from generator.analyze.nlp import load_nlp
from generator.analyze.packs import KnowledgeBase
from generator.analyze.people import role_phrase
from generator.dossier import Attribution, Dossier
from generator.seeds import Seed, read_seed
from tests.conftest import FIXTURES

WIRE = FIXTURES / "wild" / "wire-story.txt"
WEDNESDAY = dt.date(2026, 3, 11)


@pytest.fixture(scope="module")
def wire(kb: KnowledgeBase) -> Dossier:
    return analyze(replace(read_seed(WIRE), date=WEDNESDAY), kb)


def seed(text: str, date: dt.date | None = WEDNESDAY) -> Seed:
    return Seed(path=Path("t.txt"), slug="t", title="T", date=date, text=text)


def said(d: Dossier, words: str) -> Attribution:
    return next(a for a in d.attributions if words in a.claim)


def names(d: Dossier, kind: str | None = None) -> list[str]:
    return [s.name for s in d.stakeholders if kind is None or s.kind == kind]


# --- Who said what --------------------------------------------------------------------


def test_claim_then_speaker_by_title_alone(wire: Dossier) -> None:
    # "…, its chief executive said on Tuesday": the title is given to a name two lines on.
    a = said(wire, "delayed the Kestrel interconnector")
    assert (a.source, a.named) == ("Marta Lindqvist", True)
    assert not a.claim.startswith("GENEVA")  # the dateline is no part of the claim


def test_told_reporters_that(wire: Dossier) -> None:
    a = said(wire, "laid in 2027")
    assert a.source == "Marta Lindqvist" and a.role == "authority's chief executive"


def test_quotation_by_surname_and_quotation_running_on(wire: Dossier) -> None:
    first = said(wire, "We cannot connect a grid")
    second = said(wire, "The suppliers are booked")
    assert first.source == second.source == "Marta Lindqvist" and first.quote and second.quote


def test_she_added_is_the_last_woman_named(wire: Dossier) -> None:
    assert said(wire, "2.4 billion euros").source == "Marta Lindqvist"


def test_unnamed_sources_are_kept_marked_and_flagged(wire: Dossier) -> None:
    people = said(wire, "second supplier")
    officials = said(wire, "winter supplies")
    assert (people.source, people.named) == ("two people familiar with the talks", False)
    assert (officials.source, officials.named) == ("Officials", False)
    flagged = {f.sentences[0] for f in wire.flags if f.kind == "unnamed_source"}
    assert {people.sentences[0], officials.sentences[0]} <= flagged


def test_speaker_after_the_verb_with_apposition(wire: Dossier) -> None:
    a = said(wire, "setback, not a failure")
    assert a.source == "Piotr Nowak" and a.role == "spokesman for the Polish energy ministry"


def test_declined_to_comment_is_no_claim(wire: Dossier) -> None:
    assert not any(a.source == "Bank of the Baltic Coast" for a in wire.attributions)


def test_according_to_and_citing(kb: KnowledgeBase) -> None:
    d = analyze(seed("According to Reuters, citing two officials, the plant will close in May."), kb)
    ((a,),) = [d.attributions]
    assert (a.source, a.via) == ("Reuters", "two officials") and a.claim == "the plant will close in May"


def test_he_is_no_one_named_in_the_quotation_nor_in_a_clause_within(kb: KnowledgeBase) -> None:
    # A name inside the quotation, or a subject inside "whether …", is not who "he" is;
    # a speaker spaCy tags as nothing or as an organisation is found by role or "who".
    text = (
        "Senator Ben Carter said the charges against the two guards were overdue.\n\n"
        '"Heads needed to roll the day Jeffrey Epstein died," he said.\n\n'
        "Eswar Prasad, a trade professor at Cornell, said the talks had stalled.\n\n"
        '"By hyping up expectations, Trump makes a deal less likely," he said.\n\n'
        "Montell Figgins, who represents one of the guards, said his client would plead not guilty.\n\n"
        "Figgins declined to say whether Thomas slept on the night Epstein died.\n\n"
        '"When all the evidence is presented, you will see it differently," he said.'
    )
    d = analyze(seed(text), kb)
    assert [(a.sentences[0], a.source) for a in d.attributions] == [
        ("s1", "Ben Carter"),
        ("s2", "Ben Carter"),
        ("s3", "Eswar Prasad"),
        ("s4", "Eswar Prasad"),
        ("s5", "Montell Figgins"),
        ("s7", "Montell Figgins"),
    ]
    assert {"Eswar Prasad", "Montell Figgins"} <= set(names(d, "person"))


def test_she_is_a_woman_named_lately_not_a_man(kb: KnowledgeBase) -> None:
    # Neil is a man's name, "his mother" makes Charlie Walsh a man: "she" is neither; a
    # quotation closed by a straight mark spaCy leaves on its own does not run on.
    text = (
        "Neil Gaiman said the novels had shaped a generation of writers.\n\n"
        "The books went out of print after the author died in 2006.\n\n"
        "Later, Ford visited his editor Teresa Nielsen Hayden at her office in New York.\n\n"
        '"Life was not long enough," she recalled, "for him to do everything."\n\n'
        "Charlie Walsh still laughs at the memory of his mother singing in the car.\n\n"
        '"She sang it every night," he said.'
    )
    d = analyze(seed(text), kb)
    assert [(a.sentences[0], a.source) for a in d.attributions] == [
        ("s1", "Neil Gaiman"),
        ("s4", "Teresa Nielsen Hayden"),
        ("s6", "Charlie Walsh"),
    ]


def test_a_quotation_runs_on_while_open_and_no_further(kb: KnowledgeBase) -> None:
    text = (
        '"We lost that game," coach Anthony Lynn said on Monday.\n\n'
        '"I know it got overshadowed, but we did not play well. We were on the field too much. '
        "That's our fault.\"\n\n"
        "The team travels to Denver next week. It has lost four of its last five games.\n\n"
        '"We will be ready," Lynn said. The team has not won in Denver since 2012.'
    )
    d = analyze(seed(text), kb)
    quoted = [a.sentences[0] for a in d.attributions if a.source == "Anthony Lynn"]
    assert quoted == ["s1", "s2", "s3", "s4", "s7"]


@pytest.mark.parametrize("verb", ["hinted", "joked", "concluded", "speculated"])
def test_more_ways_of_saying(kb: KnowledgeBase, verb: str) -> None:
    text = f"Studio chief Kevin Marsh {verb} that the service had kept most of its subscribers."
    assert said(analyze(seed(text), kb), "kept most of its subscribers").source == "Kevin Marsh"


def test_what_a_person_is_before_the_name_is_no_part_of_it_and_a_genre_is_no_one(kb: KnowledgeBase) -> None:
    text = "Striker Tomas Ruud reportedly wants to leave the club.\n\nHis R&B album sold well, R&B fans said."
    d = analyze(seed(text), kb)
    ruud = next(h for h in d.stakeholders if h.name == "Tomas Ruud")
    assert ruud.kind == "person" and ruud.role == "Striker"
    assert "R&B" not in names(d)


def test_a_surname_that_is_also_a_word_speaks(kb: KnowledgeBase) -> None:
    text = (
        '"The market is growing," says Chris Early, a vice president at Ubisoft.\n\n'
        "Early says there is a chance that future games could be built for the platform."
    )
    assert said(analyze(seed(text), kb), "future games").source == "Chris Early"


def test_a_nickname_is_a_person(kb: KnowledgeBase) -> None:
    text = (
        "One recruit calls himself Heretic.\n\n"
        "In one of his latest posts, Heretic asks whether anyone has seen trawlers on the road.\n\n"
        'He concludes: "Keep it blogged."'
    )
    d = analyze(seed(text), kb)
    assert next(h for h in d.stakeholders if h.name == "Heretic").kind == "person"
    assert said(d, "Keep it blogged").source == "Heretic"


def test_he_is_the_last_subject_not_the_last_name(kb: KnowledgeBase) -> None:
    text = (
        "Tom Reyes was arrested in April for a call to the offices of Senator Ana Ortiz.\n\n"
        "During the call, he said the senator should resign."
    )
    assert said(analyze(seed(text), kb), "should resign").source == "Tom Reyes"


def test_he_after_a_title_is_its_holder_or_no_one_not_the_man_named_before(kb: KnowledgeBase) -> None:
    text = (
        "Police chief Sir Alan Brook backed the plan last month.\n\n"
        "The pressure prompted the home secretary to order a review.\n\n"
        'He told MPs: "If we get the right response, we will change the law."'
    )
    sources = {a.source for a in analyze(seed(text), kb).attributions if "right response" in a.claim}
    assert "Alan Brook" not in sources  # the article does not say who the home secretary is
    held = "Home Secretary Tom Riley opened the debate.\n\n" + text
    assert said(analyze(seed(held), kb), "right response").source == "Tom Riley"


def test_a_sentence_does_not_start_after_a_word_and_a_quotation_runs_over_lost_paragraphs(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Tory leader Michael Howard spoke on Thursday.\n\n"
        "Mr Howard told BBC Radio 4's Today programme Mr Blair had changed his mind again. "
        'He said: "We have had three positions in three months. "It is no surprise Gordon Brown told '
        "him: 'I cannot believe you.'\"\n"
    )
    d = analyze(seed(text), kb)
    assert len(d.sentences) == 4  # the programme and "Mr Blair" are one sentence
    assert said(d, "three positions").source == "Michael Howard"
    assert "Gordon Brown" not in {a.source for a in d.attributions}  # he speaks inside Howard's words
    roles = {h.role for h in d.stakeholders if "Blair" in h.name}
    assert not any(r and "programme" in r for r in roles)  # no title runs on through "Mr"


def test_he_is_not_a_man_named_only_as_an_owner_since(kb: KnowledgeBase) -> None:
    text = (
        "Tom Reyes says he felt bound to visit the financier Victor Crane in person.\n\n"
        "The visit meant three days at Crane's island mansion.\n\n"
        "Was that wise?\n\n"
        'He told the BBC: "I had to go and see him and talk to him."'
    )
    assert said(analyze(seed(text), kb), "go and see him").source == "Tom Reyes"


def test_a_quotation_that_closes_in_a_later_paragraph_does_not_carry_on_after_it(kb: KnowledgeBase) -> None:
    text = (
        "Indian writer Rohit Gupta edits a group blog.\n\n"
        '"We started publishing these messages," says Mr Gupta.\n\n'
        '"The blogger was describing scenes on the shore. And this came by text message. '
        '"We had no pictures on radio or TV." '
        "Soon, thousands of readers were logging on to read the accounts.\n"
    )
    d = analyze(seed(text), kb)
    assert not any("thousands of readers" in a.claim for a in d.attributions)


def test_a_quotation_left_open_goes_on_over_paragraphs_and_saying_has_the_verbs_subject(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Marta Olsen has dismissed fears that her plans for tax cuts are too modest.\n\n"
        "She defended the package, saying it was a plan for a first budget.\n\n"
        'Interviewed on a radio show, Ms Olsen said: "It is true that I am attacked on one side.\n\n'
        '"On the other side, there are people who want much bigger cuts.\n\n'
        '"I think we have got it about right."\n\n'
        "The plans came as the campaign gathered pace.\n"
    )
    d = analyze(seed(text), kb)
    assert said(d, "a plan for a first budget").source == "Marta Olsen"
    assert said(d, "much bigger cuts").source == "Marta Olsen"
    assert said(d, "got it about right").source == "Marta Olsen"
    assert not any("campaign gathered pace" in a.claim for a in d.attributions)


def test_the_writer_speaks_again_where_a_lost_paragraph_break_left_a_quotation_open(
    kb: KnowledgeBase,
) -> None:
    text = (
        'Tomas Berg, chief executive of Rebelworks, added: "We have survived five transitions. '
        '"Each one has cost jobs. All companies said they were investing in new tools to keep '
        "teams small.\n"
    )
    d = analyze(seed(text), kb)
    assert said(d, "five transitions").source == "Tomas Berg"
    assert said(d, "investing in new tools").source != "Tomas Berg"
    assert not any("five transitions" in a.claim and a.source != "Tomas Berg" for a in d.attributions)


def test_a_speaker_set_off_by_commas_and_a_quotation_after_reported_words(kb: KnowledgeBase) -> None:
    text = (
        "Allen Weiner is a research director at Gartner.\n\n"
        "It has achieved this dominance, Mr Weiner believes, by a canny combination of deals.\n\n"
        "Then, says Mr Weiner, the blogging world found out about the site.\n\n"
        "The cost has been put at $40,000 a day, said Jason Stilwell, a manager at the county office.\n\n"
        "Gary Dunn warned that companies could face a short supply of talent.\n\n"
        '"If companies are hiring bigger teams, at some point the talent is going to run out."\n\n'
        "Gordon Brown refused to comment on the book, saying nobody should be distracted from government.\n\n"
        "He pointed out that it was 30 years since the act. He pointed to the door.\n"
    )
    d = analyze(seed(text), kb)
    assert "canny combination" in said(d, "this dominance").claim
    assert said(d, "blogging world found out").source == "Allen Weiner"
    assert "a manager at the county office" not in said(d, "$40,000 a day").claim
    assert said(d, "the talent is going to run out").source == "Gary Dunn"
    assert said(d, "nobody should be distracted").source == "Gordon Brown"
    assert said(d, "30 years since the act").source == "Gordon Brown"
    assert not any("door" in a.claim for a in d.attributions)


def test_a_sentence_opening_with_more_is_story_and_a_link_label_is_not(kb: KnowledgeBase) -> None:
    text = (
        "The fighting went on through the summer.\n\n"
        "More than 2,500 civilians have been killed this year, according to the United Nations.\n\n"
        "Related: Ten things the Rivertown council said about the floods\n\n"
        "Photo: the Rivertown council said nothing of the kind\n"
    )
    d = analyze(seed(text), kb)
    assert said(d, "2,500 civilians").source == "United Nations"
    assert "United Nations" in names(d)
    assert not any("Rivertown" in a.source or "Rivertown" in a.claim for a in d.attributions)


def test_that_said_is_no_speaker_and_the_clause_that_opens_is_the_claim(kb: KnowledgeBase) -> None:
    text = (
        "Border seizures rose again this year.\n\n"
        "That said, the DEA says that the southern border remains the main entry point for heroin.\n\n"
        "The merged firm may not break the trend; Ann Reed has said that she expects $300m in savings.\n\n"
        "“It was an attempt to mislead voters,’’ Will Moy told the BBC. “And I think it is "
        "misleading for a party to behave that way.”\n"
    )
    d = analyze(seed(text), kb)
    assert "main entry point" in said(d, "southern border").claim
    assert not any(a.claim.startswith("That said") for a in d.attributions)
    assert said(d, "$300m in savings").source == "Ann Reed"
    assert "break the trend" not in said(d, "$300m in savings").claim
    assert said(d, "misleading for a party").source == "Will Moy"


def test_a_spokesman_an_apposition_and_a_report_speak_for_their_body(kb: KnowledgeBase) -> None:
    text = (
        "Cinematographer Jon Mathers lost to The Aviator.\n\n"
        'A spokesman for the Northfield Film Council said: "It is disappointing."\n\n'
        'He added: "It was extraordinary to have 24 nominees."\n\n'
        "The group which represents the schools, the Northern Colleges Association, said fees would rise.\n\n"
        "The National Audit Office looked at the Dome sale.\n\n"
        "The NAO report said that the sale avoided many of the problems of the first attempt.\n\n"
        "Sir Jon Burns, head of the NAO, said the scheme had not been applied.\n\n"
        '"Many problems can be traced to the planning phase," the report says.\n'
    )
    d = analyze(seed(text), kb)
    assert said(d, "24 nominees").source == "Northfield Film Council"
    assert said(d, "fees would rise").source == "Northern Colleges Association"
    assert said(d, "avoided many of the problems").source == "National Audit Office"
    assert said(d, "traced to the planning phase").source == "National Audit Office"
    assert "NAO" not in names(d)


def test_calling_urging_expecting_and_two_bodies_saying_one_thing(kb: KnowledgeBase) -> None:
    text = (
        'The Arab League called it an "extremely adverse development".\n\n'
        "Ian Hamilton urged people to be cautious of believing assertions made by suppliers.\n\n"
        "Edmunds Research expects 16.6 million vehicles will be sold this year.\n\n"
        "The United Nations and the European Union stressed the decision would not change the reality.\n\n"
        'Untreated pneumonic plague is "always fatal", says WHO.\n\n'
        "Robben had been expected to be out for weeks, but Jean Meersseman hinted that he could be fit.\n\n"
        'Lawyer David Oblon called the term "outrageous" and said his client believed he was innocent.\n\n'
        "Broadband grew fastest in countries such as the UK, France and Spain, said the report.\n\n"
        'Delta declined to explain what it calls "internal employee matters".\n'
    )
    d = analyze(seed(text), kb)
    assert said(d, "extremely adverse development").source == "Arab League"
    assert said(d, "cautious of believing").source == "Ian Hamilton"
    assert said(d, "16.6 million vehicles").source == "Edmunds Research"
    assert {a.source for a in d.attributions if "change the reality" in a.claim} == {
        "United Nations",
        "European Union",
    }
    assert said(d, "always fatal").source == "World Health Organization"
    assert said(d, "could be fit").source == "Jean Meersseman"
    oblon = said(d, "outrageous")
    assert oblon.source == "David Oblon" and "his client believed he was innocent" in oblon.claim
    assert not any(a.source in ("United Kingdom", "France", "Spain") for a in d.attributions)
    assert not any("internal employee matters" in a.claim for a in d.attributions)


def test_an_acronym_never_tagged_is_the_body_named_in_full(kb: KnowledgeBase) -> None:
    text = (
        "The Higher Education Funding Council for England published its findings on Monday.\n\n"
        "The Hefce report said teenagers in the richest areas had a far better chance of a place.\n\n"
        "The group which represents vice-chancellors, Universities North, said fees would help.\n"
    )
    d = analyze(seed(text), kb)
    assert said(d, "far better chance").source == "Higher Education Funding Council for England"
    assert said(d, "fees would help").source == "Universities North"


def test_judging_something_as_something_is_a_claim_and_rejecting_alone_is_not(kb: KnowledgeBase) -> None:
    text = (
        "The Pentagon rejected these accusations as “patently false,” and analysts agreed the "
        "claims were wrong.\n\n"
        'Vince Cable also branded the Tory plans as "fantasy economics".\n\n'
        "The exchange rejected the offer in December, saying it undervalued the business.\n\n"
        "Employee Steve Castro tells the paper that he fought with the man.\n"
    )
    d = analyze(seed(text), kb)
    pentagon = said(d, "patently false")
    assert "analysts" not in pentagon.claim
    assert said(d, "fantasy economics").source == "Vince Cable"
    assert said(d, "fantasy economics").claim.endswith('"fantasy economics"')  # the closing mark kept
    assert said(d, "undervalued the business").claim.startswith("it undervalued")
    assert said(d, "fought with the man").source == "Steve Castro"


def test_a_coordinated_verb_of_saying_has_its_own_speaker_and_a_quotation_runs_on(kb: KnowledgeBase) -> None:
    text = (
        "The Pentagon rejected these accusations as “patently false,” and both independent analysts "
        "and sources in the camp told Polygraph.info the Russian claims are false.\n\n"
        'Eve Trew admitted it would be "very difficult" to reverse the trend and said young dancers '
        'were no longer willing to make sacrifices. "You have to be dedicated and very disciplined.\n'
    )
    d = analyze(seed(text), kb)
    analysts = said(d, "Russian claims are false")
    assert not analysts.named and "analysts" in analysts.source
    assert said(d, "very disciplined").source == "Eve Trew"


def test_a_hedge_outside_a_short_claim_is_noted_and_a_survey_keeps_its_finding(kb: KnowledgeBase) -> None:
    text = (
        "Newspaper chains have cut jobs for a decade.\n\n"
        "Earlier this year, Gatehouse Media reportedly laid off more than 60 employees (the company "
        "would not disclose the number but called it “immaterial”) and rivals cut more.\n\n"
        "Surveys of economists have shown that the majority expect borrowing costs to stay at 2%.\n"
    )
    d = analyze(seed(text), kb)
    assert any(f.kind == "unattributed" and f.sentences == ["s2"] for f in d.flags)
    assert [a.source for a in d.attributions if a.sentences == ["s3"]] == ["Surveys of economists"]


def test_a_work_speaks_for_the_author_the_article_names(kb: KnowledgeBase) -> None:
    text = (
        "A letter sent to Omar Lind said his passport would not be renewed.\n\n"
        "A statement by Vantel said few users would be affected by the fault.\n\n"
        'The letter, from the Home Office, says: "The minister has decided."'
    )
    d = analyze(seed(text), kb)
    assert said(d, "passport would not be renewed").source == "Home Office"
    assert said(d, "few users").source == "Vantel"
    other = (
        "Last year a street survey found that 70% would trade a password.\n\n"
        "In a separate survey by Vantel, 80% agreed."
    )
    assert not said(analyze(seed(other), kb), "trade a password").named  # another survey, not Vantel's


def test_a_quotation_tagged_at_its_end_belongs_to_that_speaker_from_its_first_sentence(
    kb: KnowledgeBase,
) -> None:
    # The speaker named only after the third sentence spoke all three; the speaker of the
    # paragraph before, who was only quoted a few words, did not go on.
    text = (
        'The mayor testified, describing the harbour as "calm" before the storm.\n\n'
        '"We believe that the plant is safe. And we are thankful for the work of the crews. '
        'My hope is that the town will rebuild," said Governor Lena Holt.'
    )
    d = analyze(seed(text), kb)
    holt = [a for a in d.attributions if a.source == "Lena Holt"]
    assert [a.sentences for a in holt] == [["s2", "s3", "s4"]]
    assert holt[0].claim.startswith("We believe that the plant is safe")
    assert not any(set(a.sentences) & {"s2", "s3"} for a in d.attributions if a.source != "Lena Holt")


def test_no_source_that_is_no_one(kb: KnowledgeBase) -> None:
    text = (
        "Fifty-one percent said the inquiry should go on.\n\n"
        "One user wrote that the plague was coming. Another wrote that it was the year of the rat.\n\n"
        "Our initial testing showed the battery lasts ten hours.\n\n"
        "Two people familiar with the talks said the deal was close."
    )
    sources = {a.source for a in analyze(seed(text), kb).attributions}
    assert not sources & {"Fifty-one percent", "Another", "Our initial testing"}
    assert "two people familiar with the talks" in {s.lower() for s in sources}


# --- People and organisations -----------------------------------------------------------


def test_surname_and_honorific_join_the_full_name(wire: Dossier) -> None:
    lindqvist = next(s for s in wire.stakeholders if s.name == "Marta Lindqvist")
    assert {"Lindqvist", "Ms Lindqvist"} <= set(lindqvist.aliases)
    assert "Lindqvist" not in names(wire)


def test_role_from_the_articles_own_words(wire: Dossier) -> None:
    roles = {s.name: s.role for s in wire.stakeholders if s.kind == "person"}
    assert roles["Jonas Berg"] == "her predecessor"


def test_no_role_that_is_several_people_or_a_bare_former(kb: KnowledgeBase) -> None:
    text = (
        "The state has been hard for the two other candidates in the race — Sarah Miller and "
        "Emma Watson — despite months of campaign events.\n\n"
        "The former James Cooper said he would not run again.\n\n"
        "David Brown, one of his editors at the publisher, said the book would sell."
    )
    roles = {s.name: s.role for s in analyze(seed(text), kb).stakeholders if s.kind == "person"}
    assert roles.get("Sarah Miller") is None and roles.get("James Cooper") is None
    assert roles["David Brown"] == "one of his editors at the publisher"


def test_a_role_the_parse_cut_before_its_company_ends_on_no_preposition(kb: KnowledgeBase) -> None:
    # On a real page the parser ended the apposition at "at", before the company.
    words = "division vice president, Nissan Sales & Regional Operations at Nissan North America Inc."
    doc = load_nlp(kb)(f"Kershaw, {words}")
    cut = [w for w in doc if w.text != "Kershaw" and w.i <= next(w.i for w in doc if w.text == "at")][1:]
    assert role_phrase(cut) == "division vice president, Nissan Sales & Regional Operations"


def test_a_company_name_split_at_a_place_inside_it_is_one_organisation(kb: KnowledgeBase) -> None:
    text = "Kari Nordmann works at Nissan North America Inc. in Tennessee.\n\nShe sells cars."
    d = analyze(seed(text), kb)
    assert "Nissan North America" in names(d, "organization") and "Nissan North" not in names(d)


def test_a_role_is_one_persons_own(kb: KnowledgeBase) -> None:
    text = (
        "Prime Minister Boris Johnson and opposition Labour Party leader Jeremy Corbyn met on Tuesday.\n\n"
        "The prize went to researchers Richard Axel and Linda Buck.\n\n"
        "The man who took the child, Michael Webb, was sentenced to life.\n\n"
        "Investigators looked at Joe Biden and his son Hunter Biden. Nobody said Vice President "
        "Biden had done anything wrong."
    )
    roles = {s.name: s.role for s in analyze(seed(text), kb).stakeholders if s.kind == "person"}
    assert roles["Jeremy Corbyn"] == "opposition Labour Party leader"
    assert roles["Richard Axel"] is None and roles["Michael Webb"] is None
    assert roles.get("Hunter Biden") != "Vice President"


def test_products_spacy_took_for_people_are_systems(kb: KnowledgeBase) -> None:
    # spaCy's small model tags these as persons on real pages; relabel.py reads their shape.
    from generator.analyze.mentions import Mention
    from generator.analyze.relabel import products_named_as_people
    from generator.analyze.text import Text

    t = Text.from_doc(load_nlp(kb)("Fans bought the Switch Lite. Jar of ® Honey. Max Verstappen won."))

    def person(name: str) -> Mention:
        start = next(w.i for w in t.tokens if w.text == name.split()[0])
        return Mention(start, start + len(name.split()), name, "PERSON", "s1")

    people = [person("Switch Lite"), person("® Honey"), person("Max Verstappen")]
    products, symbols = products_named_as_people(t, people)
    assert [m.name for m in products] == ["Switch Lite"] and [m.name for m in symbols] == ["® Honey"]


def test_a_speakers_role_leaves_out_the_clause_about_them(kb: KnowledgeBase) -> None:
    text = (
        "Bruce Bagley, a professor of international studies at the University of Miami who has "
        "studied the drug trade, said there are no hard data."
    )
    a = said(analyze(seed(text), kb), "no hard data")
    assert (
        a.source == "Bruce Bagley"
        and a.role == "professor of international studies at the University of Miami"
    )


def test_a_name_spacy_tagged_as_two_kinds_is_one_stakeholder() -> None:
    from generator.analyze.entities import _Collector, _one_kind_per_name
    from generator.analyze.mentions import Found

    out = _Collector()
    out.add("organization:WeWork", Found(None, "WeWork", "organization"), "WeWork", "s1", 0, 1)
    out.add("organization:WeWork", Found(None, "WeWork", "organization"), "WeWork", "s2", 5, 6)
    out.add("place:WeWork", Found(None, "WeWork", "place"), "WeWork", "s3", 9, 10)
    braun = Found(None, "Scooter Braun", "person", role="talent manager")
    out.add("person:Scooter Braun", braun, "Scooter Braun", "s1", 2, 4)
    out.add(
        "organization:Scooter Braun",
        Found(None, "Scooter Braun", "organization"),
        "Scooter Braun",
        "s2",
        7,
        9,
    )
    out.add(
        "organization:Scooter Braun",
        Found(None, "Scooter Braun", "organization"),
        "Scooter Braun",
        "s4",
        11,
        13,
    )
    _one_kind_per_name(out)
    kinds = {f.name: (f.kind, sorted(f.sentences)) for f in out.found.values()}
    assert kinds == {
        "WeWork": ("organization", ["s1", "s2", "s3"]),
        "Scooter Braun": ("person", ["s1", "s2", "s4"]),
    }
    assert {s.kind for s in out.spans if s.name == "WeWork"} == {"organization"}


def test_dateline_is_no_stakeholder(wire: Dossier) -> None:
    assert "Test Wire" not in names(wire) and "GENEVA" not in names(wire)


def test_organisations_whole_and_no_joined_names(wire: Dossier, kb: KnowledgeBase) -> None:
    assert "Bank of the Baltic Coast" in names(wire, "organization")
    assert "Polish energy ministry" in names(wire, "organization")
    d = analyze(seed("Flooding closed roads in Orange and Riverside counties on Monday."), kb)
    assert not any(" and " in n for n in names(d))


def test_state_abbreviations_are_the_states(kb: KnowledgeBase) -> None:
    # "Phoenix, AZ @ Ak-Chin Pavilion" in a tour listing, "Lincoln, Neb." in a wire story:
    # spaCy's organisations "AZ @ Ak-Chin Pavilion" and "Neb." are Arizona and Nebraska.
    text = (
        "The band plays the Pepsi Center in Denver on Friday.\n\n"
        "Aug. 30 -- Phoenix, AZ @ Ak-Chin Pavilion\n\n"
        "The mayor of Lincoln, Neb., welcomed the news."
    )
    places = {h.name: h.sentences for h in analyze(seed(text), kb).stakeholders if h.kind == "place"}
    assert places["Arizona"] == ["s2"] and places["Nebraska"] == ["s3"]
    assert not any("@" in name or name in ("AZ", "Neb.") for name in places)


def test_postal_codes_are_states_only_where_they_stand_for_one(kb: KnowledgeBase) -> None:
    text = (
        "Sept. 3 -- Alpharetta, GA @ Ameris Bank Amphitheatre\n\n"
        "Sept. 5 -- Kansas City, MO @ Starlight Theatre\n\n"
        "A CT scan at the hospital found the cause, said Dr. Omar Haddad, MD, who treated the singer."
    )
    d = analyze(seed(text), kb)
    kinds = {h.name: h.kind for h in d.stakeholders}
    assert kinds["Georgia (U.S. state)"] == "place" and kinds["Missouri"] == "place"
    assert "Georgia" not in kinds and not {"Connecticut", "Maryland", "GA", "MO", "CT"} & set(kinds)


def test_an_embedded_tweets_signature_and_a_date_alone_are_no_story(kb: KnowledgeBase) -> None:
    text = (
        "The governor defended the campaign on Monday.\n\n"
        "I love that they trademarked it. Nobody will take your slogan.\n\n"
        "— Robert Maguire (@RobertMaguire_)\n\n"
        "November 18, 2019\n\n"
        "The campaign cost the state $449,000."
    )
    d = analyze(seed(text), kb)
    assert "Robert Maguire" not in names(d)
    assert not any(e.text.startswith("November 18") for e in d.events)


def test_a_designation_one_digit_from_a_known_one_is_another_model(kb: KnowledgeBase) -> None:
    # The pack knows the RS-24 missile; "RS-25 engines" are a rocket's, not a typo for it.
    text = "Workers installed the four RS-25 engines in the rocket's core stage on Monday."
    d = analyze(seed(text), kb)
    assert "Yars" not in [s.name for s in d.systems]
    assert not any(f.kind == "unknown_designation" for f in d.flags)


def test_a_one_word_pack_system_counts_only_where_the_article_means_it(kb: KnowledgeBase) -> None:
    # The packs list the Tor air defence system, the Lancet munition and the M1 Abrams
    # tank; a film director, a publisher and a journal share their names.
    elsewhere = (
        "The film was directed by J.J. Abrams, who also produced the sequel.\n\n"
        "Her editor at Tor said the novel would be published in March.\n\n"
        "The Lancet Commission on pollution found nine million deaths."
    )
    assert analyze(seed(elsewhere), kb).systems == []
    meant = (
        "Russia moved Tor-M2 batteries to the border on Monday.\n\n"
        "Ukraine said it had destroyed a Tor near the town.\n\n"
        "The army will receive 30 more Abrams tanks next year."
    )
    assert {s.name for s in analyze(seed(meant), kb).systems} == {"Tor", "M1 Abrams"}


def test_a_players_name_spacy_took_for_a_team_is_a_person(kb: KnowledgeBase) -> None:
    # spaCy's small model tags both players as organisations; a given name nearly always
    # one gender's makes them people, but not a hospital or a newspaper named after one.
    text = (
        "Brad Marchand scored twice and Boone Jenner added a goal as Columbus beat Boston.\n\n"
        "President Donald Trump made a trip to Walter Reed hospital on Saturday, and Denver Post "
        "reporters asked why."
    )
    kinds = {h.name: h.kind for h in analyze(seed(text), kb).stakeholders}
    assert kinds["Brad Marchand"] == kinds["Boone Jenner"] == "person"
    assert kinds.get("Walter Reed") != "person" and kinds.get("Denver Post") != "person"


def test_no_score_in_a_name(kb: KnowledgeBase) -> None:
    text = (
        "Emma Watson cruised past Sarah Miller 6-2, 6-1 in the final on Sunday.\n\n"
        "Miller later said that Watson had played the best tennis of her life.\n\n"
        "Oslo: James Cooper 2 goals, 1 assist."
    )
    people = names(analyze(seed(text), kb), "person")
    assert "Sarah Miller" in people and "James Cooper" in people
    assert not any(any(c.isdigit() for c in name) for name in people)


def test_single_word_person_needs_evidence(kb: KnowledgeBase) -> None:
    d = analyze(seed("Siri answered in French. Jedi fans queued outside. Smith said prices would rise."), kb)
    assert names(d, "person") == ["Smith"]


def test_two_people_with_one_surname_stay_two(kb: KnowledgeBase) -> None:
    text = (
        "Police arrested Elena Burton, 32, and Victor Burton, 57, on Monday.\n\n"
        "Burton was held on a $70,000 bond, police said."
    )
    people = names(analyze(seed(text), kb), "person")
    assert "Elena Burton" in people and "Victor Burton" in people


# --- Named systems ---------------------------------------------------------------------


def test_ship_and_telescope_found_whole(wire: Dossier) -> None:
    systems = {s.name: s.category for s in wire.systems}
    assert systems["USS Gerald R. Ford"] == "ship"
    assert systems["James Webb Space Telescope"] == "space telescope"
    assert "USS Gerald R. Ford" not in names(wire)


@pytest.mark.parametrize(
    ("sentence", "system"),
    [
        ("The airline ordered ten Boeing 787-9 jets on Monday.", "Boeing 787 Dreamliner"),
        ("The Embraer E195-E2 entered service with the carrier last year.", "Embraer E195-E2"),
        ("Investigators examined Flight 302 data, the agency said.", "Flight 302"),
        ("The Blue Ghost lander touched down near the crater.", "Blue Ghost"),
        ("The Laser Interferometer Gravitational-Wave Observatory saw the merger.", None),
        ("Disney launched the Disney+ streaming service on Tuesday.", "Disney+"),
        ("Apple said its Apple Arcade subscription service would open in November.", "Apple Arcade"),
        ("Users of the WhatsApp messaging app rose by a third.", "WhatsApp"),
        ("The new 16-inch Lumen Pro features a redesigned keyboard.", "16-inch Lumen Pro"),
        ("Rivals include Microsoft's Project xCloud, analysts said.", "Project xCloud"),
        ("The studio launched Harbour+ on Tuesday to long queues.", "Harbour+"),
        ("The tech giant's game streaming service, Vantara, launched on Tuesday.", "Vantara"),
        ("The Energy Department's Brightfield Initiative funds solar research.", "Brightfield Initiative"),
    ],
)
def test_named_systems_beyond_the_packs(kb: KnowledgeBase, sentence: str, system: str | None) -> None:
    found = [s.name for s in analyze(seed(sentence), kb).systems]
    expected = system or "Laser Interferometer Gravitational-Wave Observatory"
    assert expected in found
    assert not any(n.startswith(("The ", "Investigators")) for n in found)


def test_a_service_needs_a_word_saying_what_kind(kb: KnowledgeBase) -> None:
    assert analyze(seed("The Tory service of the nation was praised by all."), kb).systems == []
    assert analyze(seed("He praised the service, Harriet Vane, and left."), kb).systems == []


def test_consumer_products_from_the_pack(kb: KnowledgeBase) -> None:
    text = "Apple sold more iPhone handsets, and Sony cut the price of the PlayStation 2 console."
    systems = {s.name: s for s in analyze(seed(text), kb).systems}
    assert systems["iPhone"].category == "smartphone" and systems["iPhone"].maker == "Apple"
    assert systems["PlayStation 2"].origin == "Japan"
    # one plain word is the product only where the article shows it: here no Apple, no browser
    assert analyze(seed("The Safari park opened a new lion enclosure."), kb).systems == []


# --- Dates and questions ---------------------------------------------------------------


def test_dates_placed_by_tense(wire: Dossier) -> None:
    dates = {e.when: e for e in wire.events}
    assert dates["April"].date == "2025-04" and dates["April"].relative  # was appointed: before March
    assert dates["Tuesday"].date == "2026-03-10"
    assert dates["last month"].date == "2026-02"
    assert dates["2027"].date == "2027" and not dates["2027"].relative


def test_a_year_that_names_a_thing_dates_no_event(kb: KnowledgeBase) -> None:
    # A model year, a bond's maturity, "the 2028 hopeful": which one, not when. An
    # occasion's year does date it.
    text = (
        "The 2031 Corvid hatchback will go on sale in Oslo next month.\n\n"
        "Meanwhile, Brightwater's 2029 bond weakened sharply on Tuesday.\n\n"
        "Voters met the newest 2028 presidential hopeful, Ana Ruiz, at a diner.\n\n"
        "Ruiz lost the 2024 election to a rival from the same party."
    )
    d = analyze(seed(text), kb)
    dated = {(e.date, e.sentences[0]) for e in d.events}
    assert dated == {("2026-04", "s1"), ("2026-03-10", "s2"), ("2024", "s4")}
    assert not any(e.ahead for e in d.events if e.sentences == ["s2"])  # not "ahead in 2029"


def test_a_weekday_beside_a_day_fixes_its_year(kb: KnowledgeBase) -> None:
    # Article of Wednesday 11 March 2026. "Monday night (March 9)" is that Monday, not a
    # Monday ahead nor a March 9 of next year; "Friday, March 13" is this Friday.
    text = (
        "The band played during the group's set Monday night (March 9) at the Oslo Arena.\n\n"
        "Tickets for the tour go on sale Friday, March 13 at the box office.\n\n"
        "Prices will drop during the Black Friday season, the shop said."
    )
    d = analyze(seed(text), kb)
    dated = sorted((e.date, e.when, e.ahead) for e in d.events)
    assert dated == [("2026-03-09", "March 9", False), ("2026-03-13", "Friday, March 13", True)]


def test_a_day_after_with_is_told_as_the_verb_the_with_hangs_on(kb: KnowledgeBase) -> None:
    # Article of Wednesday 11 March 2026: talks that went on into Tuesday night went on this
    # Tuesday; told with "with" and a participle, the clause has no tense of its own.
    text = (
        "Negotiations between the club and the manager's representatives intensified over the "
        "last few days, with talks continuing into Tuesday night."
    )
    d = analyze(seed(text), kb)
    assert [e.date for e in d.events] == ["2026-03-10"]


def test_a_season_the_article_places_is_dated_by_its_year(kb: KnowledgeBase) -> None:
    # Article of Wednesday 11 March 2026: last spring is 2025's, last fall 2025's (this
    # autumn is to come), next summer 2026's; "the summer" alone and winter stay undated.
    text = (
        "Students took the exam last spring. The singer left the label last fall. "
        "The stadium opens next summer. Sales rose in the summer of 2019. "
        "The band toured in the summer. Prices rose this winter."
    )
    d = analyze(seed(text), kb)
    assert sorted((e.sentences[0], e.date) for e in d.events if e.date) == [
        ("s1", "2025"),
        ("s2", "2025"),
        ("s3", "2026"),
        ("s4", "2019"),
    ]


def test_a_bound_or_span_with_its_year_is_dated_one_relative_to_an_unknown_time_not(
    kb: KnowledgeBase,
) -> None:
    text = (
        "Inflation is expected to remain between 3% and 6% until at least 2008. "
        "A year ago, the agency said a probe could land on the moon as early as next year. "
        "Between 1990 and 2004, 25 inmates died in the jail. The society published reports in 1997 and 2001."
    )
    d = analyze(seed(text), kb)
    # a span of years is dated at its start; two years joined by "and" are no span
    assert sorted((e.sentences[0], e.date) for e in d.events if e.date) == [("s1", "2008"), ("s3", "1990")]


def test_companies_news_names_alone_are_stakeholders_and_their_arms_their_own(kb: KnowledgeBase) -> None:
    # The packs know Sony, Nintendo and Nokia, which the tagger often misses; an arm named
    # after its parent is its own body; a maker's name before its model leaves the list
    # of phones a list of systems.
    text = (
        "Microsoft, Sony and Nintendo are expected to release new consoles in the next 18 months. "
        "Sony Pictures Entertainment said filming would begin next year. More powerful smartphones "
        "like the XDA II, Nokia 6600, SonyEricsson P900 and the Orange E200 are becoming common."
    )
    d = analyze(seed(text), kb)
    assert {"Sony", "Nintendo", "Sony Pictures Entertainment"} <= set(names(d, "organization"))
    assert said(d, "filming").source == "Sony Pictures Entertainment"
    assert "SonyEricsson P900" in {s.name for s in d.systems}


def test_a_count_as_of_a_day_and_a_deed_one_decided_to_do_are_told_in_the_past(kb: KnowledgeBase) -> None:
    # Article of Wednesday 11 March 2026: "as of October 20" is the October just gone, though
    # eight months before and in a present clause; "decided to weigh in … on Monday" is this Monday.
    text = (
        "He remains a major shareholder, with 24.4% of the company as of October 20. "
        "Sheldon Richardson decided to weigh in on the fight on Monday, saying the league should act."
    )
    d = analyze(seed(text), kb)
    assert sorted((e.sentences[0], e.date) for e in d.events if e.date) == [
        ("s1", "2025-10-20"),
        ("s2", "2026-03-09"),
    ]


def test_rights_groups_and_agencies_by_their_short_names(kb: KnowledgeBase) -> None:
    text = (
        "At least 106 protesters have been killed, Amnesty said. Unicef and the British Red Cross "
        "sent supplies to the camps."
    )
    d = analyze(seed(text), kb)
    assert {"Amnesty International", "UNICEF"} <= set(names(d, "organization"))
    assert "International Committee of the Red Cross" not in names(d)


def test_a_line_of_a_list_gets_no_year_guessed(kb: KnowledgeBase) -> None:
    # A tour's list of dates: with no verb, nothing says which year a "March 2" is in.
    text = "The band will tour next year.\n\nMarch 2 -- Oslo Arena, Oslo\n\nMarch 5 -- Spektrum"
    d = analyze(seed(text), kb)
    listed = [e for e in d.events if e.when.startswith("March")]
    assert [(e.date, e.undated) for e in listed] == [(None, "year not certain")] * 2


def test_the_dateline_opens_no_section(kb: KnowledgeBase) -> None:
    # The article text keeps "OSLA, Norway (Test Wire) —"; what the page retells does not,
    # and the clause it opens is still read in the past.
    text = (
        "OSLA, Norway (Test Wire) — About forty fishermen gathered in a harbour hall on Tuesday "
        "night when they were told that Fjordline Energy would buy the Sandvik hydro plant.\n\n"
        "The deal is expected to close in June after a review by regulators."
    )
    d = analyze(seed(text), kb)
    assert d.sentences[0].text.startswith("OSLA, Norway (Test Wire) — About forty")
    assert d.brief and d.brief[0].text.startswith("About forty fishermen gathered")
    tuesday = next(e for e in d.events if e.sentences == ["s1"])
    assert tuesday.date == "2026-03-10" and tuesday.text.startswith("About forty fishermen")
    assert all("Test Wire" not in s.text for s in [*d.brief, *d.news, *d.background, *d.stakes])


def test_in_brief_leaves_out_lead_ins_list_marks_and_tweet_signatures(kb: KnowledgeBase) -> None:
    text = (
        "Fjordline Energy launched its streaming service today.\n\n"
        "Here's what the early reviews of the Fjordline service say:\n\n"
        "- Fjordline chief executive Kari Nordmann has told staff she wants a profit by 2028.\n\n"
        "Nordmann's plan was well received by investors.\n\n"
        "— Fjordline Energy (@fjordline) March 10, 2026"
    )
    brief = [b.text for b in analyze(seed(text), kb).brief]
    assert "Fjordline chief executive Kari Nordmann has told staff she wants a profit by 2028." in brief
    assert not any(b.endswith(":") or b.startswith("-") or "@fjordline" in b for b in brief)


def test_in_brief_opens_with_the_lede_and_leaves_out_captions_echoes_and_quotation_tails(
    kb: KnowledgeBase,
) -> None:
    title = "Fjordline Energy buys Sandvik hydro plant from Norway"
    text = (
        "The town of Sandvik ended a year of talks on Tuesday, when its hydro plant was bought "
        "by a buyer.\n\n"
        f"{title}\n\n"
        "Kari Nordmann and Fjordline Energy engineers at the Sandvik plant in Norway with "
        "Norway's regulators\n\n"
        '"Fjordline Energy has bought a plant that Norway needs. The turbines at Sandvik will run for '
        'Fjordline Energy for decades, and Norway keeps its jobs," Kari Nordmann said.\n\n'
        "[2] Fjordline Energy Review: Sandvik, Norway and Kari Nordmann in 2026\n\n"
        "Kari Nordmann runs Fjordline Energy."
    )
    brief = [b.text for b in analyze(replace(seed(text), title=title), kb).brief]
    assert brief[0].startswith("The town of Sandvik ended a year of talks")
    assert not any(
        b.startswith(("Fjordline Energy buys", "Kari Nordmann and", "The turbines", "[2]")) for b in brief
    )


def test_it_inside_whether_is_the_clause_it_sits_in_not_the_reporter(kb: KnowledgeBase) -> None:
    # "it" is WeWork, under scrutiny, not Bloomberg News, which reported it; a question
    # naming the wrong company would be a wrong fact.
    text = (
        "Bloomberg News reported on Friday that WeWork is facing scrutiny from the U.S. Securities "
        "and Exchange Commission over whether it violated financial rules as it sought its public "
        "listing.\n\nAmong the issues is whether WeWork's founder and former CEO, Adam Neumann, "
        "indulged in self-dealing.\n\n"
        "A spokeswoman for Neumann declined to comment."
    )
    d = analyze(seed(text), kb)
    assert not any("Bloomberg" in q.text for q in d.questions)
    assert any(q.text.startswith("Did WeWork violate financial rules") for q in d.questions)
    assert (
        next(s.role for s in d.stakeholders if s.name == "Adam Neumann") == "WeWork's founder and former CEO"
    )
    assert not any("declined to comment" in b.text for b in d.brief)


def test_a_question_names_nobody_the_text_does_not_make_sure_of(kb: KnowledgeBase) -> None:
    # "he" is Rudolph, named in a possessive, not the analyst who was the last subject;
    # "it" is the car, not the company. Asking about the wrong one states a wrong fact.
    text = (
        "Analyst Jason Kerr said the fight was ugly.\n\n"
        "Quarterback Mason Rudolph's role in the fight and whether he deserves any punishment "
        "was a hot topic.\n\n"
        "Nissan showed the new Sentra in Los Angeles on Monday, but it could make its Asian debut "
        "at the Bangkok show next year."
    )
    questions = [q.text for q in analyze(seed(text), kb).questions]
    assert not any("Jason Kerr" in q or "Nissan" in q for q in questions)


def test_the_condition_a_hedged_outcome_waits_on_is_asked(kb: KnowledgeBase) -> None:
    # "it" (the deal) is named nowhere, so the outcome is not asked; its condition is, and
    # "US" in "US President" is no first-person "us".
    text = (
        "The first phase of the trade deal was meant to be limited.\n\n"
        "But it may grow into something bigger if US President Donald Trump agrees to Beijing's "
        "demands to roll back tariffs, people familiar with the talks say.\n\n"
        "The launch could slip if something goes wrong."
    )
    questions = [q.text for q in analyze(seed(text), kb).questions]
    assert "Will US President Donald Trump agree to Beijing's demands to roll back tariffs?" in questions
    assert not any(q.startswith(("Could it", "Will something")) for q in questions)


def test_a_month_gets_its_year_from_its_own_clause(kb: KnowledgeBase) -> None:
    # Article of Wednesday 11 March 2026.
    text = (
        "In his last physical exam, conducted in February, he weighed 243 pounds.\n\n"
        "Mr. Lund canceled an increase in fees planned for Jan. 15, and made no other change.\n\n"
        "The historian went in search of stories about the city and from May onward they will be "
        "published online.\n\n"
        "Sales are still down from the September high of 21.8 percent.\n\n"
        "Prices are below the July peak, and analysts watch the April vote."
    )
    dates = {e.when: e.date for e in analyze(seed(text), kb).events}
    assert dates["February"] == "2026-02" and dates["Jan. 15"] == "2026-01-15"
    assert dates["May"] == "2026-05"
    assert dates.get("July") is None  # July 2025 is too far back, July 2026 a guess
    assert dates["September"] == "2025-09"  # the last September, not the one to come


def test_what_the_article_says_is_not_told_is_asked(kb: KnowledgeBase) -> None:
    text = (
        "The ministry set a target of 30 GW. No details were given on how the targets will be achieved.\n\n"
        "It is unclear when the plant will reopen.\n\n"
        "The company declined to say when the lander would be ready."
    )
    questions = {q.text for q in analyze(seed(text), kb).questions}
    assert {
        "How will the targets be achieved?",
        "When will the plant reopen?",
        "When will the lander be ready?",
    } <= questions


def test_in_brief_leaves_out_a_headline_reworded_a_no_comment_and_a_stat_line(kb: KnowledgeBase) -> None:
    title = "HS Roundup: Viera defeats Rockledge to stay unbeaten"
    text = (
        "New York, NY – Viera beat Rockledge 70-44 on Tuesday to stay unbeaten in the county league.\n\n"
        "High School Roundup: Viera defeats Rockledge to stay unbeaten\n\n"
        "Astronaut (NR): Jaden Siemans 7 saves, Viera and Rockledge.\n\n"
        "The Rockledge coach had no comment on the Viera defeat.\n\n"
        "Viera plays Rockledge again in the regional final next week."
    )
    d = analyze(replace(seed(text), title=title), kb)
    brief = [b.text for b in d.brief]
    assert brief[0].startswith("Viera beat Rockledge 70-44")  # the press-release dateline cut
    assert not any(b.startswith(("High School", "Astronaut", "The Rockledge coach")) for b in brief)


def test_numbers_names_and_a_speakers_tomorrow_date_nothing(kb: KnowledgeBase) -> None:
    text = (
        "The chip earned a total score of 2072 in the graphics test.\n\n"
        "Euro 2028 qualifying is over, and the pilot flew during the Falklands War (1982).\n\n"
        '"Can you give me until tomorrow?" the actress asked the director in 2019.'
    )
    events = {e.when: e.date for e in analyze(seed(text), kb).events}
    assert "2072" not in events and "2028" not in events and "tomorrow" not in events
    assert events["1982"] == "1982" and events["2019"] == "2019"


def test_a_weekday_nights_event_is_the_last_one(kb: KnowledgeBase) -> None:
    # Article of Wednesday 11 March 2026: "Monday night's loss" was two days back.
    text = "The coach knows the playoff hopes are slim after Monday night's loss to the Chiefs."
    events = {e.when: e.date for e in analyze(seed(text), kb).events}
    assert events["Monday"] == "2026-03-09"


def test_without_an_article_date_nothing_relative_is_resolved(kb: KnowledgeBase) -> None:
    d = analyze(seed("The plant closed on Tuesday and reopened in April 2025.", date=None), kb)
    dates = {e.when: e for e in d.events}
    assert dates["Tuesday"].date is None and dates["Tuesday"].undated == "article date not known"
    assert dates["April 2025"].date == "2025-04"


def test_open_questions_from_pending_claims(wire: Dossier) -> None:
    questions = [q.text for q in wire.questions]
    assert "Will the European Commission extend its grant?" in questions
    assert "Is the authority considering a second supplier in South Korea?" in questions
    assert all(q.endswith("?") and q[0].isupper() for q in questions)


def test_questions_end_where_the_clause_asked_about_ends(kb: KnowledgeBase) -> None:
    text = (
        "Hatchbacks may have become the favourite of most city drivers, but that does not mean "
        "the sedan is finished.\n\n"
        "Brightwater could win the contract for the Oslo tram line, or so its backers hope.\n\n"
        "After a long silence, there was news on the ferry plan, two people familiar with the "
        "matter said.\n\n"
        "Reporter Ana Ruiz can be reached at ana@example.org."
    )
    questions = [q.text for q in analyze(seed(text), kb).questions]
    assert "Could hatchbacks have become the favourite of most city drivers?" in questions
    assert "Could Brightwater win the contract for the Oslo tram line?" in questions
    assert "Is it confirmed that after a long silence, there was news on the ferry plan?" in questions
    assert not any("reached" in q or re.search(r"[,;:–—-]\?$", q) for q in questions)


def test_an_interviewers_questions_are_not_open_questions(kb: KnowledgeBase) -> None:
    text = (
        "Q: What are your hobbies?\n\n"
        "Q: Favourite childhood memory?\n\n"
        "The question that has dogged the tram project: who will pay for the second line?"
    )
    questions = [q.text for q in analyze(seed(text), kb).questions]
    assert questions == ["Who will pay for the second line?"]


def test_pronoun_subject_of_a_question_is_resolved(kb: KnowledgeBase) -> None:
    text = (
        "Prosecutors charged Julian Ortega with fraud on Monday.\n\n"
        "If convicted, he could face ten years in prison."
    )
    questions = [q.text for q in analyze(seed(text), kb).questions]
    assert "Could Julian Ortega face ten years in prison?" in questions


def test_a_speaker_by_surname_or_behind_a_role_is_the_person_named(kb: KnowledgeBase) -> None:
    text = (
        "Ken Doctor has followed the newspaper trade for decades. "
        "The merger leaves the papers with less room to cut, said veteran industry analyst Ken Doctor. "
        "Talks between the two chains have resumed, Doctor said."
    )
    d = analyze(seed(text), kb)
    for words in ("less room to cut", "Talks between the two chains"):
        a = said(d, words)
        assert (a.source, a.named) == ("Ken Doctor", True)


def test_a_team_and_position_before_a_name_are_the_role(kb: KnowledgeBase) -> None:
    text = "Browns DL Sheldon Richardson said the quarterback had asked for the fight on Thursday."
    d = analyze(seed(text), kb)
    assert "Sheldon Richardson" in names(d, "person")
    assert not any("DL" in n for n in names(d))


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A report by Amnesty International found that 106 protesters died.", "Amnesty International"),
        ("Barack Obama spoke. Obama administration officials said a deal was close.", "Obama administration"),
        ("The Scottish government said the new plan would cost three million pounds.", "Scottish government"),
        ("Spurs hired Jose Mourinho. “I am excited to be here,” the 56-year-old said.", "Jose Mourinho"),
        ("Alden Capital bought shares. Alden said on Tuesday it was the top shareholder.", "Alden Capital"),
    ],
)
def test_the_source_is_who_the_sentence_gives_it_to(kb: KnowledgeBase, text: str, source: str) -> None:
    d = analyze(seed(text), kb)
    assert [(a.source, a.named) for a in d.attributions] == [(source, True)]


def test_an_age_with_no_one_named_before_it_is_no_source(kb: KnowledgeBase) -> None:
    d = analyze(seed("Spurs lost again. “I am excited to be here,” the 56-year-old said."), kb)
    assert d.attributions == []


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("Osama bin Laden was killed in 2011. Bin Laden hid in Abbottabad for years.", "Osama bin Laden"),
        ("Vincent van Gogh painted it in 1889. Van Gogh sold few paintings.", "Vincent van Gogh"),
        ("Donald J. Trump met reporters. Trump said the wall was nearly built.", "Donald Trump"),
    ],
)
def test_one_entry_per_person_and_no_half_names(kb: KnowledgeBase, text: str, person: str) -> None:
    assert names(analyze(seed(text), kb), "person") == [person]


def test_a_title_and_surname_name_the_packs_office_holder(kb: KnowledgeBase) -> None:
    d = analyze(seed("Michelle Obama spoke on Monday. President Obama said the deal was close."), kb)
    assert sorted(names(d, "person")) == ["Barack Obama", "Michelle Obama"]
    assert said(d, "the deal was close").source == "Barack Obama"
    # a surname alone, or after no title of the office, is not the pack's
    assert names(analyze(seed("Mr Cameron said the film would open in June."), kb), "person") == ["Cameron"]


def test_a_capitalised_police_after_capitalised_words_is_a_name(kb: KnowledgeBase) -> None:
    from generator.analyze.speakers import _capitalised_body

    nlp = load_nlp(kb)

    def subject(text: str) -> bool:
        doc = nlp(text)
        subj = next(w for w in doc if w.dep_ == "nsubj")
        return _capitalised_body(subj, list(subj.subtree))

    assert subject("On Tuesday, Indiana State Police said 5,000 people entered.")
    assert not subject("On Tuesday, state police said 5,000 people entered.")
    assert not subject("On Tuesday, U.S. officials said 5,000 people entered.")


def test_a_weekday_naming_a_kind_of_thing_is_no_date(kb: KnowledgeBase) -> None:
    d = analyze(seed("McClatchy plans to end Saturday publication of its papers, it said."), kb)
    assert not any(e.when == "Saturday" for e in d.events)
    d = analyze(seed("Stocks fell Monday morning, traders said."), kb)
    assert [e.date for e in d.events if e.when.startswith("Monday")] == [
        (WEDNESDAY - dt.timedelta(days=2)).isoformat()
    ]


def test_an_age_further_back_is_the_one_person_named_there(kb: KnowledgeBase) -> None:
    one = "Spurs hired Jose Mourinho. The club sacked its coach. Staff met. “I am glad,” the 56-year-old said"
    assert [a.source for a in analyze(seed(one), kb).attributions] == ["Jose Mourinho"]
    two = one.replace("The club sacked its coach.", "Daniel Levy sacked the coach.")
    assert analyze(seed(two), kb).attributions == []


def test_a_speaker_goes_on_speaking_but_is_not_expected_to(kb: KnowledgeBase) -> None:
    d = analyze(seed("Acme Corp went on to say that profits rose by a third."), kb)
    assert [a.source for a in d.attributions] == ["Acme Corp"]
    expected = analyze(seed("Acme Corp is expected to announce that profits rose by a third."), kb)
    assert expected.attributions == []


def test_the_governor_is_the_one_the_article_is_about_or_no_one(kb: KnowledgeBase) -> None:
    text = (
        "Republican Gov. Eric Dalworth said teachers deserve a raise. "
        "Kentucky Gov. Matt Brevin faced a similar protest last year. "
        "Dalworth met union leaders on Monday. "
        "Teachers say Dalworth has ignored them for years. "
        "The governor said the state would wait for a pay commission to report."
    )
    d = analyze(seed(text), kb)
    assert said(d, "pay commission").source == "Eric Dalworth"
    # named as often as each other: either could be "the governor", so neither is
    even = text.replace("Teachers say Dalworth", "Teachers say Brevin")
    assert said(analyze(seed(even), kb), "pay commission").source not in ("Eric Dalworth", "Matt Brevin")


def test_two_countries_bodies_speaking_together_are_one_source_not_one_country(kb: KnowledgeBase) -> None:
    d = analyze(seed("The Russian and Syrian defense ministries said the convoy had been attacked."), kb)
    assert [a.source for a in d.attributions] == ["Russian and Syrian defense ministries"]


def test_an_opening_word_in_ing_is_not_a_first_name(kb: KnowledgeBase) -> None:
    text = (
        "Apple chief executive Tim Cook spoke on Tuesday. "
        'Hosting Cook at the summit "is our dream," Marc Benioff said. '
        "Cook said privacy was a human right."
    )
    d = analyze(seed(text), kb)
    assert "Hosting Cook" not in names(d)
    assert said(d, "human right").source == "Tim Cook"


def test_the_brokerage_and_company_management_are_the_body_named(kb: KnowledgeBase) -> None:
    brokerage = "Analysts at Kotak Securities expect a slowdown. Demand could weaken, the brokerage said."
    assert said(analyze(seed(brokerage), kb), "could weaken").source == "Kotak Securities"
    retailer = "Harbor Depot reported higher sales. Company management said the outlook was strong."
    assert said(analyze(seed(retailer), kb), "outlook was strong").source == "Harbor Depot"


def test_who_speaks_for_a_body_a_country_or_the_last_speaker(kb: KnowledgeBase) -> None:
    text = (
        "The Fabian Society's Sundar Katwala said the change was long overdue. "
        "The political reform group's general secretary told reporters the rules were out of date. "
        "The Christian Medical Fellowship opposed the bill. "
        "The Making Decisions Alliance backed it. "
        "The reform will not change the law, the alliance said. "
        "Three leading UK video game companies predicted that more firms would close. "
        "The letter, from the Home Office, says the passport will not be issued."
    )
    d = analyze(seed(text), kb)
    assert said(d, "overdue").source == "Sundar Katwala"  # a name spaCy takes for a building
    assert "Fabian Society" not in names(d, "person")  # a given name, then a body's word
    assert said(d, "out of date").source == "Sundar Katwala"  # his title, in the next sentence
    assert said(d, "change the law").source == "Making Decisions Alliance"
    games = said(d, "firms would close")
    assert not games.named and "companies" in games.source  # of the UK, not the UK
    assert said(d, "passport").source == "Home Office"


def test_a_title_with_its_owner_is_the_person_given_that_title(kb: KnowledgeBase) -> None:
    text = (
        "An identical letter has been sent to Feroz Abbasi, the men's solicitor says. "
        "The men's solicitor, Louise Christian, has raised questions about torture."
    )
    assert said(analyze(seed(text), kb), "identical letter").source == "Louise Christian"


def test_one_analyst_quoted_by_an_agency_is_no_one_named_before(kb: KnowledgeBase) -> None:
    text = (
        "Shawn Burns, an analyst at Harbour Securities, said the bid was too low. "
        '"A partnership is more sensible," said one analyst quoted by the Agence France Presse news agency.'
    )
    source = said(analyze(seed(text), kb), "more sensible")
    assert not source.named and "analyst" in source.source


# --- Sixth round: what a reading of 420 attributions on unannotated pages found --------


def test_a_person_of_a_nation_is_the_person_not_the_country(kb: KnowledgeBase) -> None:
    text = (
        "Andy Roddick said his side were beaten after the United States lost to Croatia. "
        '"I had my chances and just didn\'t convert them," said the American. '
        "The US said the meeting was much more efficient than before."
    )
    d = analyze(seed(text), kb)
    assert said(d, "convert them").source == "Andy Roddick"
    assert said(d, "more efficient").source == "United States"  # the country, by its name


def test_an_age_epithet_is_the_subject_before_not_a_name_in_passing(kb: KnowledgeBase) -> None:
    text = (
        "Kelli White was introduced to Victor Conte through her coach Remy Korchemy. "
        "The 27-year-old believes doping is so common in sport that she felt compelled to cheat."
    )
    assert said(analyze(seed(text), kb), "so common").source == "Kelli White"


def test_he_after_a_name_the_parser_joined_to_a_place(kb: KnowledgeBase) -> None:
    text = (
        '"He has worked hard to get back," Kevin Keegan said. '
        "Robbie Fowler's double strike helped City clinch a dramatic win at Carrow Road and Keegan "
        "sympathised with Norwich boss Nigel Worthington afterwards. "
        '"I feel a bit for Nigel Worthington," he said.'
    )
    assert said(analyze(seed(text), kb), "feel a bit").source == "Kevin Keegan"


def test_a_denial_keeps_its_verb(kb: KnowledgeBase) -> None:
    d = analyze(seed("Kelly Holmes emphatically denied she planned to retire."), kb)
    assert said(d, "planned to retire").claim == "denied she planned to retire"


def test_a_persons_lawyer_or_rep_speaks_not_the_person(kb: KnowledgeBase) -> None:
    text = (
        "Tim Morrison testified on Thursday. "
        "Morrison's lawyer said the question was outside the scope of his testimony. "
        "Taylor Swift's rep told Fox News that this was not the whole truth. "
        "Kenteris' lawyer Gregory Ioannidis said the decision was not unexpected. "
        "The new chairman of the Bar Council, Guy Mansfield QC, warned there was a real risk of abuse."
    )
    d = analyze(seed(text), kb)
    lawyer = said(d, "scope of his testimony")
    assert (lawyer.source, lawyer.named) == ("Morrison's lawyer", False)
    assert said(d, "whole truth").source == "Taylor Swift's rep"
    assert said(d, "not unexpected").source == "Gregory Ioannidis"  # the lawyer named
    assert "Mansfield" in said(d, "real risk").source  # the nearer subject, not the body's chairman


def test_followers_of_a_person_are_not_the_person(kb: KnowledgeBase) -> None:
    text = "Some of Donald Trump's defenders on social media were claiming that the ambassador was rich."
    a = said(analyze(seed(text), kb), "ambassador was rich")
    assert not a.named and "defenders" in a.source


def test_a_production_company_is_no_person(kb: KnowledgeBase) -> None:
    text = (
        "Big Machine Label Group said on Monday it had reached a deal with Dick Clark Productions. "
        "Dick Clark Productions denied it had settled on an arrangement with the music label. "
        "“At no time did Dick Clark Productions agree to a statement with Big Machine Label Group,” "
        "the production company said."
    )
    d = analyze(seed(text), kb)
    assert "Dick Clark Productions" in names(d, "organization")
    assert said(d, "At no time").source == "Dick Clark Productions"


def test_who_obtained_a_statement_did_not_write_it(kb: KnowledgeBase) -> None:
    text = (
        "Big Machine Records issued a statement on Monday. "
        "The statement, which was obtained by Variety, claimed that the companies had come to terms."
    )
    assert said(analyze(seed(text), kb), "come to terms").source == "Big Machine Records"


def test_a_body_within_a_body_is_not_the_body(kb: KnowledgeBase) -> None:
    text = (
        "The IAAF has met anti-doping officials and coaches. "
        '"Nothing was decided to change things," said an IAAF spokesman. '
        "The two task forces will report back to the IAAF Council in April."
    )
    d = analyze(seed(text), kb)
    assert said(d, "Nothing was decided").source == "IAAF"
    assert {"IAAF", "IAAF Council"} <= set(names(d))


def test_many_doctors_and_a_signed_letter_are_not_the_last_doctor(kb: KnowledgeBase) -> None:
    text = (
        "Physicians are volunteering their time to provide the shots, said Luz Contreras Arroyo, a doctor. "
        "The doctors said they also have an established volunteer network of physicians. "
        "“This alarming mortality rate constitutes an emergency,” says the letter signed by seven physicians."
    )
    d = analyze(seed(text), kb)
    assert said(d, "volunteer network").source == "the doctors"
    assert said(d, "alarming mortality").source != "Luz Contreras Arroyo"


def test_who_speaks_of_two_subjects_the_parser_gave_one_verb(kb: KnowledgeBase) -> None:
    text = (
        "A spokesperson who did not wish to be named because of agency policy said in a statement "
        "that the agency never has administered vaccines."
    )
    assert said(analyze(seed(text), kb), "administered vaccines").source == "a spokesperson"


def test_a_study_is_not_the_condition_it_studied(kb: KnowledgeBase) -> None:
    text = (
        "Binge eating disorder (BED) affects millions. "
        "One small study in 50 people with BED showed that yoga led to a significant reduction in binging."
    )
    a = said(analyze(seed(text), kb), "reduction in binging")
    assert not a.named and "study" in a.source


def test_a_report_by_a_body_is_the_body_s_not_the_last_speaker_s(kb: KnowledgeBase) -> None:
    text = (
        "Millions will miss essential services, predicts the report by the Institute for Fiscal Studies. "
        '"Access tends to be taken up by those who already have it," said Adrian Hosford, a director. '
        "Those on low incomes will account for a quarter of the have-nots, the report forecasts."
    )
    assert said(analyze(seed(text), kb), "quarter of the have-nots").source == "Institute for Fiscal Studies"


def test_an_inference_of_the_writer_is_no_one_s_claim(kb: KnowledgeBase) -> None:
    text = (
        "The talk by Angel Gambino drew a large crowd, suggesting that even operators are interested. "
        "Apple says that is what you can expect from the new laptop."
    )
    d = analyze(seed(text), kb)
    assert not any("operators are interested" in a.claim for a in d.attributions)
    assert said(d, "what you can expect").claim.startswith("that is")


def test_a_speaker_set_off_by_commas_with_who_they_are(kb: KnowledgeBase) -> None:
    text = "This system, says Richard Locksley, a professor at the university, helps direct the hormone."
    a = said(analyze(seed(text), kb), "This system")
    assert (a.source, a.claim) == ("Richard Locksley", "This system helps direct the hormone")


def test_kin_speak_for_themselves_and_a_named_lawyer_for_himself(kb: KnowledgeBase) -> None:
    text = (
        "Mike Ford wrote books for decades. "
        "Ford's now-deceased father told Starner that his son was brilliant. "
        '"A decision is now expected by mid-March," said one of their lawyers, Michalis Dimitrakopoulos. '
        "Guitarist Brian May has said he expects to tour. "
        'May said: "Suddenly the band is rising again."'
    )
    d = analyze(seed(text), kb)
    assert said(d, "son was brilliant").source == "Ford's now-deceased father"
    assert said(d, "mid-March").source == "Michalis Dimitrakopoulos"
    assert said(d, "rising again").source == "Brian May"  # a surname, not "may"


def test_a_name_given_and_what_someone_may_argue_are_no_claims(kb: KnowledgeBase) -> None:
    text = (
        "Everyone called him Mike. "
        "Others may argue that the plan is too costly. "
        'Mr Brown called the plan a "landmark decision".'
    )
    claims = [a.claim for a in analyze(seed(text), kb).attributions]
    assert claims == ['the plan a "landmark decision"']


def test_a_person_name_does_not_open_with_the_verb_before_it(kb: KnowledgeBase) -> None:
    text = (
        '"I was unable to walk," wrote 43-year-old Martin Taylor. '
        "Dr Dempsey picked up the phone and rang Taylor. "
        '"I have not had any dizzy turns since," Taylor said.'
    )
    d = analyze(seed(text), kb)
    assert "rang Taylor" not in names(d)
    assert said(d, "dizzy turns").source == "Martin Taylor"


def test_a_competition_named_after_a_body_is_not_the_body(kb: KnowledgeBase) -> None:
    text = (
        "Portugal won the first UEFA Nations League in June. "
        "Each group winner will play a semifinal, according to UEFA."
    )
    d = analyze(seed(text), kb)
    assert said(d, "semifinal").source == "UEFA"


def test_a_claim_ends_where_the_writer_sets_another_party_against_it(kb: KnowledgeBase) -> None:
    text = (
        "BMW said it would produce 100,000 cars a year, but the target was quickly reached. "
        "China said it is committed to the city, while the city's police deny accusations of brutality. "
        "Krispy Kreme added that it had enough cash, but it could not borrow any more. "
        "Paul Shefrin said the host was recovering and there was no cause for alarm. "
        "Sean Robertson told reporters that the claim was false and that the United States was not "
        "preventing people from leaving."
    )
    d = analyze(seed(text), kb)
    assert said(d, "100,000 cars").claim == "it would produce 100,000 cars a year"
    assert said(d, "committed to the city").claim == "it is committed to the city"
    assert "could not borrow" in said(d, "enough cash").claim  # what it said, going on
    assert "no cause for alarm" in said(d, "recovering").claim
    assert "not preventing" in said(d, "claim was false").claim  # "and that": said too


def test_a_company_taken_for_a_place_is_the_company(kb: KnowledgeBase) -> None:
    text = (
        "Electrolux saw its shares rise 14% on Tuesday after it said it would move plants abroad. "
        "Electrolux's subsidiary brands include AEG, Zanussi and Frigidaire. "
        "The company said it was speeding up its restructuring programme."
    )
    d = analyze(seed(text), kb)
    assert "Electrolux" in names(d, "organization")
    assert said(d, "restructuring programme").source == "Electrolux"  # not AEG, the last named


def test_according_to_covers_its_own_clause(kb: KnowledgeBase) -> None:
    text = (
        "It is unclear whether Hawley's film is still based on the 2016 plan — both Hemsworth and Pine "
        "were said to have run into contractual issues in 2018, according to The Hollywood Reporter. "
        "Most victims had no insurance: according to estimates from India, only one-quarter of those "
        "affected were wealthy enough to afford it."
    )
    d = analyze(seed(text), kb)
    assert said(d, "contractual issues").claim.startswith("both Hemsworth")
    assert said(d, "one-quarter").claim.startswith("only one-quarter")


def test_a_player_by_position_is_the_player_not_the_club(kb: KnowledgeBase) -> None:
    text = (
        "Ryan Giggs admits he had briefly considered retirement from the international game. "
        "The Manchester United wing revealed how his manager talked him into playing on."
    )
    assert said(analyze(seed(text), kb), "talked him into").source == "Ryan Giggs"


def test_a_product_spacy_took_for_a_company_is_a_system(kb: KnowledgeBase) -> None:
    text = "Reviewers liked the MacBook Pro. Korean Air said it would fly the route daily."
    d = analyze(seed(text), kb)
    assert "MacBook Pro" in [s.name for s in d.systems]
    assert "MacBook Pro" not in names(d)
    assert "Korean Air" not in [s.name for s in d.systems]  # an airline, whatever its last word


def test_a_name_drawn_over_a_verb_is_no_body(kb: KnowledgeBase) -> None:
    text = (
        "Rudolph and Garrett argued in a heated exchange before Garrett hit Rudolph in the head "
        "with the helmet."
    )
    assert not any("hit" in n for n in names(analyze(seed(text), kb)))


def test_a_score_after_a_name_is_no_part_of_it(kb: KnowledgeBase) -> None:
    # spaCy splits "3-0" into three tokens; the name is "Chile" and no system is "Chile 3-0".
    d = analyze(seed("Spain topped Group A after beating Chile 3-0. Chile now face Argentina in Lima."), kb)
    assert "Chile" in names(d)
    assert not any("3-0" in n for n in names(d) + [s.name for s in d.systems])


def test_a_body_no_entity_names_speaks_by_its_name(kb: KnowledgeBase) -> None:
    # spaCy tags only "Scottish", or nothing: the capitalised name after "the" that
    # speaks is an organisation's, and the claim is credited to it by name.
    d = analyze(
        seed(
            "The Scottish Executive said ministers would be notified. "
            "The Observer reported on Sunday that 3,000 jobs could be lost. "
            "Plans should be in the manifesto, the Trade and Industry Secretary has said."
        ),
        kb,
    )
    # (The Observer is in the media pack: a paper, by its full name)
    assert {(a.source, a.named) for a in d.attributions} >= {
        ("Scottish Executive", True),
        ("The Observer", True),
    }
    assert ("the Trade and Industry Secretary", False) in {(a.source, a.named) for a in d.attributions}
    assert "Scottish Executive" in names(d, "organization") and "The Observer" in names(d, "media")
    assert not any("Secretary" in n for n in names(d))


def test_and_inside_one_name_is_no_two_names(kb: KnowledgeBase) -> None:
    text = "The Health and Safety Executive said it was trying to get workers more involved in safety."
    assert said(analyze(seed(text), kb), "workers more involved").source == "Health and Safety Executive"


def test_the_paper_is_the_newspaper_named_before(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "The tie-up has been delayed, according to the Financial Times. "
            "The paper said Chinese officials had been irritated by the disclosure."
        ),
        kb,
    )
    assert (said(d, "irritated").source, said(d, "irritated").named) == ("Financial Times", True)


def test_a_body_before_its_spokesman_speaks(kb: KnowledgeBase) -> None:
    # spaCy takes "Defra" for a person; a person's spokesman would be "Smith's spokesman".
    d = analyze(seed('A Defra spokesman said: "We welcome the report."'), kb)
    assert (said(d, "welcome").source, said(d, "welcome").role, said(d, "welcome").named) == (
        "Defra",
        "spokesman",
        True,
    )


def test_it_after_a_claim_naming_a_country_is_who_spoke_before(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "A letter from the Home Office said his British passport would not be issued. "
            "This suggested he would act against UK targets if he left Britain, it said."
        ),
        kb,
    )
    assert said(d, "act against UK targets").source == "Home Office"
    # A country named in passing is not "it": the report that spoke the sentence before is;
    # a country that is the subject of the sentence before still is.
    d = analyze(
        seed(
            "A study by analysts Jupiter Research suggested that broadband was changing habits. "
            "The threat to TV was greatest where broadband was on the up, in particular the UK, France "
            "and Spain, said the report. "
            "It said TV companies faced a major long-term threat."
        ),
        kb,
    )
    assert said(d, "major long-term threat").source == "Jupiter Research"
    d = analyze(seed("Iran rejected the offer on Monday. It said the deal was unfair."), kb)
    assert said(d, "deal was unfair").source == "Iran"
    # A company may speak of itself.
    d = analyze(seed("Microsoft released its results on Monday. Microsoft shares rose 3%, it said."), kb)
    assert said(d, "shares rose").source == "Microsoft"


def test_a_bishop_by_forms_of_address_and_by_title(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "The plot of the novel is laughable, a clergyman has said. "
            "The Da Vinci Code claims Jesus was not crucified. "
            "The Bishop of Durham, the Rt Rev Dr Tom Wright, described the novel as a great thriller. "
            "Despite enjoying the book, the Bishop said there was a lack of evidence for its claims. "
            "A great deal of evidence proves the Biblical version was true, according to the Bishop. "
            '"The evidence for Jesus is astonishingly good," he said.'
        ),
        kb,
    )
    assert "Rt Rev Dr" not in names(d) and "Da Vinci Code" not in names(d, "person")
    assert {said(d, w).source for w in ("lack of evidence", "Biblical version", "astonishingly good")} == {
        "Tom Wright"
    }
    assert next(s.role for s in d.stakeholders if s.name == "Tom Wright") == "Bishop of Durham"


def test_a_cardinal_spacy_took_for_a_body_and_an_archbishop_beside_him(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Billions spent on war should have reduced poverty, Cardinal Cormac Murphy-O'Connor has said. "
            "Both the Cardinal and Archbishop of Canterbury Dr Rowan Williams appealed for more time. "
            "The cardinal said 2005 should be the year for campaigning."
        ),
        kb,
    )
    assert said(d, "reduced poverty").source == "Cormac Murphy-O'Connor"
    assert said(d, "year for campaigning").source == "Cormac Murphy-O'Connor"
    assert next(s.role for s in d.stakeholders if s.name == "Rowan Williams") == "Archbishop of Canterbury"


def test_the_company_the_government_and_sources_close_to_someone(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Menatep said the sale was illegal. The court met in Moscow on Monday. "
            "Rosneft officials were unavailable for comment. "
            "But the company has said it intends to take action against Menatep."
        ),
        kb,
    )
    assert said(d, "take action").source == "Rosneft"  # the subject just before, not who spoke last
    d = analyze(
        seed(
            "The Electoral Commission on Thursday said it was satisfied the question was clear. "
            "The government has suggested the referendum could take place in spring 2006."
        ),
        kb,
    )
    assert not any("referendum" in a.claim for a in d.attributions)  # not the commission's
    d = analyze(
        seed(
            "Damian Hockney quit the party on Monday. "
            "Sources close to Mr Hockney said eight other members were planning to leave."
        ),
        kb,
    )
    assert (said(d, "planning to leave").source, said(d, "planning to leave").named) == (
        "Sources close to Mr Hockney",
        False,
    )


def test_the_report_is_not_the_spokeswomans_who_answered_it(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "The call was made in a report into the BBC's Freeview service. "
            'A BBC spokeswoman said: "We share the interest in value for money." '
            "The report said the Freeview service has had an impressive take up."
        ),
        kb,
    )
    assert said(d, "impressive take up").source != "BBC"


def test_a_place_spacy_took_for_a_person_writes_no_report(kb: KnowledgeBase) -> None:
    text = "According to a report in the Argus Leader of Sioux Falls, the governor launched the campaign."
    d = analyze(seed(text), kb)
    assert ("Sioux Falls", "place") in {(s.name, s.kind) for s in d.stakeholders}
    assert said(d, "launched the campaign").source != "Sioux Falls"


def test_fans_a_book_and_a_statement_from_a_company_spacy_took_for_a_place(kb: KnowledgeBase) -> None:
    d = analyze(seed("A fan was injured. Liverpool fans claimed the trouble was sparked by chants."), kb)
    assert (said(d, "sparked").source, said(d, "sparked").named) == ("Liverpool fans", False)
    d = analyze(
        seed(
            "Gordon Brown denied the claims. "
            "Brown's Britain, by Robert Peston, says there is mutual animosity between the two men."
        ),
        kb,
    )
    assert said(d, "mutual animosity").source == "Robert Peston"
    d = analyze(
        seed(
            "Lycos Europe launched the screensaver last week. "
            "According to figures gathered by Netcraft, some of the sites were knocked offline. "
            "In a statement from Lycos Europe ending the scheme, the company denied it was at fault. "
            '"There is nothing to suggest that the screensaver has brought down any sites," it said.'
        ),
        kb,
    )
    assert said(d, "at fault").source == said(d, "nothing to suggest").source == "Lycos"


def test_the_party_leader_who_spoke_two_sentences_before(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Michael Howard is to make a pitch for the ethnic vote. "
            'He will say Conservatives "share the same values" as minorities. '
            "And that he wants to build a better country. "
            'But the Tory leader will argue against quotas saying they are "outdated and unjust".'
        ),
        kb,
    )
    assert said(d, "outdated and unjust").source == "Michael Howard"


def test_a_company_is_not_its_product_nor_its_tv_arm(kb: KnowledgeBase) -> None:
    d = analyze(seed("IBM's Workplace software is new. IBM said the money will fund research."), kb)
    assert said(d, "fund research").source == "IBM"
    d = analyze(seed("Marvel TV made the series. Marvel said it would appeal against the ruling."), kb)
    assert said(d, "appeal").source == "Marvel"


def test_a_company_spacy_took_for_a_person_is_called_it(kb: KnowledgeBase) -> None:
    text = (
        "Yukos filed for bankruptcy in Houston. "
        "Yukos had claimed it had moved $27m into two Texas bank accounts. "
        "Deutsche Bank's lawyer, Hugh Ray, told the court the papers were backdated. "
        "But he said that the papers were drawn up after Yukos made its bankruptcy application. "
        "Manchester United said the board had received a detailed proposal."
    )
    d = analyze(seed(text), kb)
    kinds = {s.name: s.kind for s in d.stakeholders}
    assert kinds.get("Yukos") == "organization" and kinds.get("Manchester United") == "organization"
    assert said(d, "drawn up after").source == "Hugh Ray"


def test_railway_lines_tunnels_dams_and_a_model_the_pack_does_not_list(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Campaigners want to reopen the Waverley Line to Carlisle. "
            "The accident on the East Coast Main Line and a fire in the Channel Tunnel caused delays. "
            "Microsoft will unveil the Xbox 2 in the summer, and Apple sold the iPod 4 million times. "
            "New Line made the film and Norwegian Cruise Line carried its stars."
        ),
        kb,
    )
    systems = {s.name for s in d.systems}
    assert {"Waverley Line", "East Coast Main Line", "Channel Tunnel", "Xbox 2", "iPod"} <= systems
    assert not systems & {"Xbox", "New Line", "Norwegian Cruise Line", "Cruise Line", "iPod 4"}


def test_a_name_spacy_cut_in_three_is_one(kb: KnowledgeBase) -> None:
    text = (
        "It was led by Digby Jones, director general of the UK's Confederation of British Industry (CBI). "
        "The CBI said the rules were too costly."
    )
    d = analyze(seed(text), kb)
    assert "Confederation of British Industry" in names(d, "organization")
    assert not any(n in ("Confederation of British", "CBI") for n in names(d))


def test_a_claim_taken_with_its_he_added_keeps_only_the_words(kb: KnowledgeBase) -> None:
    from generator.analyze.claims import strip_claim

    assert strip_claim('He added: "The whole world is waiting for this album"') == (
        "The whole world is waiting for this album"
    )
    assert strip_claim("Smith said that is fine") == "Smith said that is fine"  # no colon, no quote


def test_the_company_is_the_one_the_subjects_before_it_lead_back_to(kb: KnowledgeBase) -> None:
    text = (
        "Russian oil and gas company Yukos is due in a US court on Thursday. "
        "Its main unit was sold for $9.4bn to state oil firm Rosneft. "
        "Yukos filed for bankruptcy in Houston. "
        "The company and its main shareholders have vowed to go after Rosneft and any other buyer. "
        "The company wants damages of $20bn, claiming the unit was sold at less than market value. "
        '"We think we can win," said Mike Lake, a Yukos spokesman.'
    )
    d = analyze(seed(text), kb)
    kinds = {s.name: s.kind for s in d.stakeholders}
    assert kinds.get("Yukos") == "organization"  # "company Yukos", though spaCy saw a person
    assert kinds.get("Mike Lake") == "person"  # a given name: no lake
    assert said(d, "less than market value").source == "Yukos"


def test_a_broker_based_in_a_city_is_no_country(kb: KnowledgeBase) -> None:
    text = (
        '"I do not think it will make much difference," said one London-based broker. '
        "He forecast the takeover bid would succeed."
    )
    d = analyze(seed(text), kb)
    assert {(a.source, a.named) for a in d.attributions} == {("one London-based broker", False)}


def test_they_are_the_last_unnamed_speakers_only_if_no_others_came_between(kb: KnowledgeBase) -> None:
    text = (
        "Critics claim the record is at best patchy. "
        "A year ago, ministers launched their plan and Thursday's figures offer a progress check. "
        "They will say that more than 2,600 orders were issued."
    )
    d = analyze(seed(text), kb)
    assert not any(a.source.lower() == "critics" and "2,600" in a.claim for a in d.attributions)
    d = analyze(seed("Critics claim the record is patchy. They say more than 2,600 orders were issued."), kb)
    assert said(d, "2,600").source == "Critics"


def test_the_one_believed_speaks_for_themselves(kb: KnowledgeBase) -> None:
    text = "My husband called him later, but the manager believed the waitress, who said that I started it."
    d = analyze(seed(text), kb)
    assert said(d, "I started it").source == "the waitress"


def test_a_countrys_association_is_a_body_of_its_own(kb: KnowledgeBase) -> None:
    d = analyze(seed("Germany's BdB private banks association said the rules were too strict."), kb)
    # named from its own name (BdB), as "Korea's Hyundai" is Hyundai; not Germany
    assert said(d, "too strict").source == "BdB private banks association"
    d = analyze(seed("Britain's biggest union said the rules were too strict."), kb)
    assert said(d, "too strict").source != "United Kingdom"


def test_a_companys_national_arm_is_the_company(kb: KnowledgeBase) -> None:
    d = analyze(seed("Sales grew by 20% last year, according to eBay UK."), kb)
    assert said(d, "Sales grew").source == "eBay UK"
    d = analyze(seed("The UK said the rules were too strict."), kb)
    assert said(d, "too strict").source == "United Kingdom"


def test_a_that_clause_of_a_joined_clause_is_not_the_speakers(kb: KnowledgeBase) -> None:
    text = (
        "Steven Gerrard has admitted that Liverpool have little chance of winning the cup. "
        'Last season he described qualification for the Champions League as the "be all and end all" '
        "- and rumours persist that he will leave Anfield if the Reds fail."
    )
    assert not any("leave Anfield" in a.claim for a in analyze(seed(text), kb).attributions)


def test_names_spacy_ran_on_past_a_dash_or_into_a_thing(kb: KnowledgeBase) -> None:
    text = (
        "A Blu-ray disc will store 50GB of data, the makers said. "
        '"We have a much greater need for storage," Richard Doherty, one of the pioneers of Blu-ray, '
        "told the BBC. She was elected with three other ethnic minority MPs - Keith Vaz, Paul Boateng "
        "and Bernie Grant - in 1987. Fund manager Florian Hamm - Borussia Dortmund's largest investor - "
        "said he would only invest more money if he got a greater say."
    )
    d = analyze(seed(text), kb)
    people = names(d, "person")
    assert "Blu-ray disc" not in people and "Keith Vaz" in people and "Florian Hamm" in people
    assert said(d, "need for storage").source == "Richard Doherty"
    assert said(d, "invest more money").source == "Florian Hamm"


# --- Ninth round: epithets, papers, speakers of their own --------------------------------


def test_an_epithet_is_the_player_not_the_manager_named_in_a_clause_about_him(kb: KnowledgeBase) -> None:
    text = (
        "Chelsea's David Marchand believes his team will win the title this season. "
        "Marchand has been given new belief by the influence manager Luis Ortega has had since he "
        "arrived in the summer. And the French midfielder believes Ortega is the right man for the job. "
        '"It is only right that a great squad gets a great manager like Ortega," he said. '
        '"He thinks of everything."'
    )
    d = analyze(seed(text), kb)
    assert said(d, "right man for the job").source == "David Marchand"
    assert said(d, "great squad").source == "David Marchand"
    assert said(d, "thinks of everything").source == "David Marchand"


def test_one_of_a_nation_is_no_body_and_stands_for_the_man_before(kb: KnowledgeBase) -> None:
    text = (
        "Carlos Vidal has fuelled talk of a move to Porto. "
        "The Spaniard said he was sorry to leave the chairman, Jorge Pinto, behind. "
        '"I want to play for Porto," the 23-year-old told a radio station. '
        "Porto's Jorge Pinto is calm, but the Scot admitted he had not spoken to Vidal."
    )
    d = analyze(seed(text), kb)
    assert "Spaniard" not in names(d) and "Scot" not in names(d)
    assert said(d, "play for Porto").source == "Carlos Vidal"


def test_the_paper_is_the_daily_named_before_not_the_outlet_reporting(kb: KnowledgeBase) -> None:
    text = (
        "BBC Sport looks at the reaction in the Madrid press. "
        "And Spanish daily El Diario accuses English reporters of a witch-hunt. "
        '"They wanted to divert attention from a poor display," the paper says.'
    )
    assert said(analyze(seed(text), kb), "poor display").source == "El Diario"


def test_a_verb_inside_the_quotation_lends_no_speaker_to_a_participle(kb: KnowledgeBase) -> None:
    text = (
        "The Madrid paper loved the display, with Xavi singled out as the biggest star. "
        '"Xavi did things on Sunday which were worthy of Maradona," the paper beams, adding, '
        '"What a work-rate, what dynamism, what vision, what a midfield player!"'
    )
    assert not any(a.source == "Xavi" for a in analyze(seed(text), kb).attributions)


def test_a_short_quotation_with_its_own_speaker_does_not_run_on_from_the_last(kb: KnowledgeBase) -> None:
    text = (
        "Tom Brandt said the launch plan was risky. "
        '"With eight launches, the odds of success fall to about half," he concluded. '
        '"Oh my," Lucas responded with a sigh.'
    )
    d = analyze(seed(text), kb)
    assert said(d, "odds of success").source == "Tom Brandt"
    assert not any("Oh my" in a.claim and a.source == "Tom Brandt" for a in d.attributions)


def test_a_brief_line_inside_a_quotation_does_not_end_it(kb: KnowledgeBase) -> None:
    text = (
        "Mara Quell says her old label has blocked her. "
        '"I just want to sing my own songs," she said. "That\'s it. '
        'I have tried to settle this quietly through my lawyers but nothing has come of it."'
    )
    assert said(analyze(seed(text), kb), "settle this quietly").source == "Mara Quell"


def test_they_after_a_body_with_a_plural_verb_is_that_body(kb: KnowledgeBase) -> None:
    text = (
        "Northgate Records have twice denied doing anything wrong. "
        '"At no point did we stop her from performing," they said in a statement on Friday.'
    )
    assert said(analyze(seed(text), kb), "At no point").source == "Northgate Records"


def test_they_after_two_bodies_is_neither(kb: KnowledgeBase) -> None:
    text = (
        "Labour and the Tories have attacked the plan as unworkable. "
        "Inevitably they insist there is no need to raise taxes to pay for it."
    )
    assert not any("raise taxes" in a.claim for a in analyze(seed(text), kb).attributions)


def test_a_name_that_opens_a_list_has_no_role_from_it(kb: KnowledgeBase) -> None:
    text = (
        "A row involving Mara Quell, her former record label and a couple of big name politicians "
        'is ending. "I just want to sing my own songs," Quell said.'
    )
    assert said(analyze(seed(text), kb), "my own songs").role is None


def test_a_participle_after_a_platform_is_the_poster_s_not_the_platform_s(kb: KnowledgeBase) -> None:
    text = (
        "Then, last week, Mara Quell posted on Twitter accusing Northgate Records of trying to stop "
        "her performing her old songs at the awards."
    )
    assert not any(a.source == "Twitter" for a in analyze(seed(text), kb).attributions)


def test_an_accusation_keeps_whom_and_of_what(kb: KnowledgeBase) -> None:
    text = "Opposition leader Dara Venn has accused Tomas Reel of performing U-turns over the housing rules."
    accused = said(analyze(seed(text), kb), "U-turns")
    assert (accused.source, accused.claim[:28]) == ("Dara Venn", "accused Tomas Reel of perfor")


def test_a_demand_keeps_its_object_and_clause(kb: KnowledgeBase) -> None:
    text = (
        "Home affairs spokesman Ivo Marsh also demanded assurances that the evidence against the men "
        "was not gained under torture."
    )
    demand = said(analyze(seed(text), kb), "under torture")
    assert (demand.source, demand.claim[:27]) == ("Ivo Marsh", "demanded assurances that th")


def test_a_promise_to_act_is_the_promiser_s_unless_another_reports_it(kb: KnowledgeBase) -> None:
    text = (
        "Dara Venn promised to raise the issue in parliament next week. "
        "Donor nations have promised to give $717m in relief over six months, "
        "according to the United Nations. "
        "The ban threatens to reignite tensions between the regulator and the tobacco firm."
    )
    d = analyze(seed(text), kb)
    assert said(d, "raise the issue").claim.startswith("promised to raise")
    assert said(d, "$717m").source == "United Nations"
    assert not any("reignite" in a.claim for a in d.attributions)


def test_a_claim_the_parse_hung_on_the_object_of_said_or_told(kb: KnowledgeBase) -> None:
    text = (
        "The unions said more than 15,000 people registered for the rally. "
        "Ivo Marsh told the Evening Programme there was a danger people would feel under pressure."
    )
    d = analyze(seed(text), kb)
    assert "15,000 people registered" in said(d, "rally").claim
    danger = said(d, "a danger")
    assert (danger.source, danger.claim[:16]) == ("Ivo Marsh", "there was a dang")


def test_a_that_clause_of_a_second_speech_verb_is_its_claim(kb: KnowledgeBase) -> None:
    text = (
        'The Pentagon told reporters its policy "condemns and prohibits" torture and said there was '
        "no evidence that any detainee was abused."
    )
    assert "there was no evidence" in said(analyze(seed(text), kb), "any detainee").claim


def test_a_question_holds_no_claim_of_what_others_said_in_it(kb: KnowledgeBase) -> None:
    text = (
        'Dara Venn questioned why there was "such a rush" to pass the bill when Ivo Marsh had indicated '
        "he was not planning to use the powers straight away."
    )
    d = analyze(seed(text), kb)
    assert any(a.source == "Ivo Marsh" and "not planning" in a.claim for a in d.attributions)
    assert said(d, "such a rush").claim.startswith("questioned why")


def test_a_participle_after_a_denial_says_more(kb: KnowledgeBase) -> None:
    text = (
        "Noel Varga, the chief executive, was asked about the delay. "
        "But Mr Varga has denied this, telling French media that there is no overrun in the budget."
    )
    overrun = said(analyze(seed(text), kb), "no overrun")
    assert (overrun.source, overrun.claim[:14]) == ("Noel Varga", "there is no ov")


def test_a_relative_clause_takes_no_that_clause_beyond_it(kb: KnowledgeBase) -> None:
    text = "The smugglers who threaten the coast today are well aware that the navy has failed to stop them."
    assert not any("navy" in a.claim for a in analyze(seed(text), kb).attributions)


def test_a_pledge_keeps_the_words_between_it_and_its_clause(kb: KnowledgeBase) -> None:
    text = "Tomas Reel spoke on Monday. He pledged childcare would be a centrepiece of the manifesto."
    assert said(analyze(seed(text), kb), "centrepiece").claim.startswith("pledged childcare would be")


def test_the_party_is_the_party_named_lately(kb: KnowledgeBase) -> None:
    text = (
        "Pensioners are being promised energy savings by the Liberal Democrats. "
        "The party says the plans could save the average pensioner £100 every year. "
        "Labour hit back at the Tory proposals on Monday. "
        "The party on Tuesday challenged the Tories to publish the full report."
    )
    d = analyze(seed(text), kb)
    assert said(d, "£100").source == "Liberal Democrats"
    assert said(d, "full report").source == "Labour Party"


def test_what_a_named_body_or_researchers_found_is_theirs(kb: KnowledgeBase) -> None:
    text = (
        "The Fenwick Institute found that most households had cut their spending. "
        "Researchers found that the drug halved the number of deaths. "
        "The CBI found some firms managed to raise prices for the first time in nine years. "
        "Northgate found themselves fighting to avoid a third defeat in a row."
    )
    d = analyze(seed(text), kb)
    assert said(d, "households").source == "Fenwick Institute"
    assert (said(d, "halved").source, said(d, "halved").named) == ("Researchers", False)
    assert said(d, "raise prices").source == "CBI"
    assert not any("third defeat" in a.claim for a in d.attributions)


def test_a_study_commissioned_by_bodies_is_not_theirs_and_it_goes_on(kb: KnowledgeBase) -> None:
    text = (
        "A study in 2000, which was commissioned by the executive, Fenwick Borough Council and "
        "Arden Enterprise, found that a half-hourly service to Leeds could cover its operating costs. "
        "It also found that a freight line could be reinstated."
    )
    d = analyze(seed(text), kb)
    assert [(a.source, a.named) for a in d.attributions] == [("a study in 2000", False)] * 2


def test_a_quotation_opened_after_one_closed_goes_on_with_its_speaker(kb: KnowledgeBase) -> None:
    text = (
        '"I think the bank has a fair amount of room," said Dara Venn, chief economist at Fenwick. '
        '"While prices have moved up, they have not moved up a lot." "If growth should slow, the '
        "bank would feel it can pause its rises. "
        '"But if growth picked up, I think the bank would be ready to act more quickly."'
    )
    d = analyze(seed(text), kb)
    assert said(d, "pause its rises").source == "Dara Venn"
    assert said(d, "act more quickly").source == "Dara Venn"


def test_a_lede_s_report_is_the_one_the_article_names_later(kb: KnowledgeBase) -> None:
    text = (
        "Teenagers from well-off homes are six times more likely to go to university than the poorest, "
        "a report says.\n\n"
        "The Fenwick Institute report, drawing on benefits data, said the gap had barely changed."
    )
    lede = said(analyze(seed(text), kb), "six times")
    assert (lede.source, lede.named) == ("Fenwick Institute", True)


def test_a_figure_reported_is_the_reporter_s_but_not_one_still_to_come(kb: KnowledgeBase) -> None:
    text = (
        "Northgate Air reported a loss of $387m for the fourth quarter, against a $111m loss a year "
        "earlier. According to analysts' forecasts, Fenwick Bank will report profits of $9.4bn later "
        "this month."
    )
    d = analyze(seed(text), kb)
    loss = said(d, "$387m")
    assert (loss.source, loss.claim[:17]) == ("Northgate Air", "reported a loss o")
    assert not any(a.source == "Fenwick Bank" for a in d.attributions)


def test_a_firm_whose_name_ends_in_research_is_named(kb: KnowledgeBase) -> None:
    text = "Market research firm Jupiter Research said sales of music downloads would double next year."
    found = said(analyze(seed(text), kb), "double")
    assert (found.source, found.named) == ("Jupiter Research", True)


def test_a_participle_on_an_issued_statement_is_the_issuer_s(kb: KnowledgeBase) -> None:
    text = "Northgate Records released a statement saying it would appeal against the ruling."
    assert said(analyze(seed(text), kb), "appeal").source == "Northgate Records"


def test_the_authors_of_a_study_published_in_a_journal_are_not_the_journal(kb: KnowledgeBase) -> None:
    text = (
        "The authors of the research published in the journal Fenwick Psychiatry argued that the rise "
        'in such conditions is "a potential public health concern".'
    )
    found = said(analyze(seed(text), kb), "public health")
    assert (found.source, found.named) == ("the authors of the research", False)


def test_a_question_asked_by_another_does_not_run_on_a_quotation(kb: KnowledgeBase) -> None:
    text = (
        '"It depends on what the builder is willing to invest," said Tomas Reel. "What is the plan '
        'if those rockets are not ready by 2024," Ivo Marsh asked.'
    )
    d = analyze(seed(text), kb)
    assert not any(a.source == "Tomas Reel" and "rockets" in a.claim for a in d.attributions)


def test_a_fuller_claim_takes_the_place_of_its_part(kb: KnowledgeBase) -> None:
    text = (
        "Dara Venn revealed the news in a video earlier in the episode, noting that she and her husband "
        "had lived through every parent's \u201cworst nightmare.\u201d"
    )
    assert said(analyze(seed(text), kb), "nightmare").claim.startswith("she and her husband")


def test_the_statement_of_an_issuer_the_sentence_does_not_name_is_no_one_else_s(kb: KnowledgeBase) -> None:
    text = (
        'Dara Venn told reporters: "We plan to cut the public services."\n\n'
        "In a statement, the group said the comment had been taken out of context.\n\n"
        '"She fully supports the group\'s policies," said the statement.'
    )
    d = analyze(seed(text), kb)
    assert not any(a.source == "Dara Venn" and "fully supports" in a.claim for a in d.attributions)


def test_a_clause_of_time_or_contrast_before_the_speaker_is_no_claim(kb: KnowledgeBase) -> None:
    text = (
        "Less than four years after the new car was launched, Northgate Motors said on Wednesday it was "
        "doubling production. While some of the solutions are already in use, a region like Leeds "
        "demands deployment on a far bigger scale."
    )
    d = analyze(seed(text), kb)
    assert not any(a.claim.startswith(("Less than", "While")) for a in d.attributions)


@pytest.mark.parametrize(
    "text",
    [
        # a date is no figure reported
        "Fenwick Weekly reported details of the reunion tour that stops at the Arden Arena on July 22.",
        # "found it difficult" is no finding
        "Dara Venn found it difficult to talk about her brother's death and the events around it.",
        # things named for a company promise nothing
        "Prices are high, and the Black Friday Northgate deals promise to be even better than usual.",
        # a report word a heading ran into is no finder
        "Eat regular meals. Summary Studies show that skipping certain foods may be associated with "
        "increased cravings.",
    ],
)
def test_no_one_says_anything_here(kb: KnowledgeBase, text: str) -> None:
    assert analyze(seed(text), kb).attributions == []


def test_former_before_a_body_s_name_is_the_person_s_not_the_body_s(kb: KnowledgeBase) -> None:
    text = "Former National Security Council official Dara Venn told investigators she saw the meeting."
    bodies = names(analyze(seed(text), kb), "organization")
    assert "National Security Council" in bodies and "Former National Security Council" not in bodies


def test_a_makers_model_a_drug_by_its_kind_and_no_enzyme_are_systems_named(kb: KnowledgeBase) -> None:
    text = (
        "Toyota put its rise in sales down to strong results for its redesigned Avalon sedan. "
        "It was a family friend who spotted Webb's Ford sedan. Regulators said doctors should be "
        "cautious with painkillers such as Celebrex and Bextra, known as COX-2 inhibitors. "
        "Patients who took Cox-2 drugs were at risk."
    )
    systems = {s.name for s in analyze(seed(text), kb).systems}
    assert {"Avalon", "Celebrex", "Bextra"} <= systems
    assert not systems & {"Ford", "COX-2", "Cox-2"}


def test_companies_named_once_the_sentence_calls_companies_are_stakeholders(kb: KnowledgeBase) -> None:
    text = (
        "US car firms General Motors (GM) and Ford have cut production. US sales at GM sank 12%. "
        "Chrysler, the US unit of Germany's DaimlerChrysler, was the only automaker to gain share. "
        "Korea's Hyundai was another big gainer. "
        "Jim Press, vice president of Toyota's US sales arm, said sales rose."
    )
    d = analyze(seed(text), kb)
    kinds = {s.name: s.kind for s in d.stakeholders}
    for company in ("Chrysler", "DaimlerChrysler", "Hyundai"):
        assert kinds.get(company) == "organization", company
    assert "Korea's Hyundai" not in kinds  # a place's company is the company
    assert "GM" not in kinds and "GM" in next(s.aliases for s in d.stakeholders if s.name == "General Motors")
    assert kinds.get("Jim Press") == "person"


def test_a_prosecutor_with_a_is_one_person_not_a_body(kb: KnowledgeBase) -> None:
    text = "The three were charged by a Greek prosecutor. Swedish prosecutors dropped the case."
    names = {s.name for s in analyze(seed(text), kb).stakeholders}
    assert "Greek prosecutor" not in names and "Swedish prosecutors" in names


def test_a_law_the_tagger_took_for_a_body_is_a_law(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Ministers will change the Mental Welfare Bill after criticism from peers. Lord Harlow "
            "said the Mental Welfare Bill gave doctors too much power."
        ),
        kb,
    )
    assert "Mental Welfare Bill" not in names(d)
    assert [(g.term, g.kind) for g in d.glossary if "Bill" in g.term] == [("Mental Welfare Bill", "law")]


def test_the_government_of_an_article_naming_none_is_its_countrys(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Prime Minister Tony Blair met union leaders on Monday. The minimum wage will rise in "
            "October, the government has announced. Tony Blair said the rise was fair. The "
            "government says most of those on the minimum wage are women."
        ),
        kb,
    )
    assert "UK government" in names(d, "organization")
    assert said(d, "minimum wage will rise").source == "UK government"
    assert said(d, "most of those").source == "UK government"


def test_the_government_is_not_a_companys_country(kb: KnowledgeBase) -> None:
    # Twitter is a U.S. company: no known person or body of a state is named, so the
    # government is that of the country the article is about.
    d = analyze(
        seed(
            "Plague has been confirmed in two patients in China. Chinese doctors in Beijing posted "
            "the news on Twitter. Though the government has tried to reassure the public, the "
            "government said more cases were possible in China."
        ),
        kb,
    )
    assert [n for n in names(d) if "government" in n.lower()] == ["Government of China"]
    assert said(d, "more cases").source == "Government of China"


def test_a_surname_alone_is_the_person_the_text_names_in_full(kb: KnowledgeBase) -> None:
    # The tagger sees "Hitler", not "Adolf Hitler"; the text writes the full name.
    d = analyze(
        seed(
            "The house where Adolf Hitler was born will be turned into a police station, the "
            "minister said. Although Hitler was born in Braunau in 1889, the town has long argued "
            "about the building."
        ),
        kb,
    )
    assert "Adolf Hitler" in names(d, "person")


def test_a_product_written_like_a_name_is_no_person(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Mac Mini heralds a small revolution. The Mac Mini was launched by Apple in January. "
            "Reviewers say the Mini is quiet and cheap."
        ),
        kb,
    )
    assert "Mac Mini" not in names(d, "person")
