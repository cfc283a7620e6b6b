"""Speech news reports without "said": a demand ("called for"), a judgement ("described
the win as …"), and speech denied ("Neither … nor … would say") (text written for the
tests)."""

from __future__ import annotations

from generator.analyze import analyze
from generator.analyze.packs import KnowledgeBase
from tests.test_realnews import seed


def claims(text: str, kb: KnowledgeBase) -> list[tuple[str, str]]:
    return [(a.source, a.claim) for a in analyze(seed(text), kb).attributions]


def test_called_for_is_a_demand_of_its_subject(kb: KnowledgeBase) -> None:
    found = claims(
        "Liberia's economy grew last year. The IMF has called for the findings to be made "
        "public. MPs called for an inquiry into the deaths.",
        kb,
    )
    assert ("International Monetary Fund", "called for the findings to be made public") in found
    assert any(source == "MPs" and claim.startswith("called for an inquiry") for source, claim in found)


def test_a_plan_that_calls_for_something_says_nothing(kb: KnowledgeBase) -> None:
    found = claims(
        "The state budget calls for the sell-off of 20% of its holdings. The original recipe "
        "called for three cups of sugar.",
        kb,
    )
    assert found == []


def test_described_as_without_a_quotation_is_what_the_speaker_said(kb: KnowledgeBase) -> None:
    found = claims(
        "Carlos Moya described Spain's Davis Cup victory as the highlight of his career after "
        "he beat Andy Roddick.",
        kb,
    )
    assert found == [("Carlos Moya", "Spain's Davis Cup victory as the highlight of his career")]


def test_people_describing_themselves_in_a_survey_make_no_claim(kb: KnowledgeBase) -> None:
    found = claims("Some 8% of the population described themselves as coming from a minority.", kb)
    assert found == []


def test_neither_nor_would_say_is_nothing_said(kb: KnowledgeBase) -> None:
    found = claims(
        "Michael Howard and Oliver Letwin set out the plan. Neither Mr Howard nor Mr Letwin "
        "would say exactly how they would use that cash.",
        kb,
    )
    assert not any("use that cash" in claim for _, claim in found)


def test_quoted_as_saying_is_the_one_quoted_through_the_one_quoting(kb: KnowledgeBase) -> None:
    # Without it the quotation went to the last person named before it.
    d = analyze(
        seed(
            "Finance Minister John Ruiz said on Monday that the budget was sound. \"It's above all a "
            "question of "
            'sovereignty," Reuters quoted a central bank official as saying. The AFP news agency '
            "quoted him as saying that prices would rise. The governor was quoted as saying the "
            "plan would work."
        ),
        kb,
    )
    found = {a.claim: (a.source, a.via, a.named) for a in d.attributions}
    assert found["It's above all a question of sovereignty"] == ("a central bank official", "Reuters", False)
    assert found["prices would rise"][:2] == ("John Ruiz", "The AFP news agency")
    assert found["the plan would work"][0] == "the governor"


def test_a_clubs_boss_is_a_person_not_the_club(kb: KnowledgeBase) -> None:
    found = claims(
        'Jose Mourinho was angry after the game. "We lost," the Chelsea boss said. Newcastle manager '
        'Graeme Souness was furious. "He will not play again," the Newcastle boss said.',
        kb,
    )
    assert ("the Chelsea boss", "We lost") in found
    assert ("Graeme Souness", "He will not play again") in found


def test_a_report_that_dates_what_someone_said_is_the_reporters_claim_too(kb: KnowledgeBase) -> None:
    found = claims(
        "Kurt Volker said he first discussed the delay with the Ukrainians at the end of August, "
        "after Politico reported the aid had been paused. Smith said Jones told him whether it "
        "would rain.",
        kb,
    )
    assert ("Politico", "the aid had been paused") in found
    assert any(source == "Kurt Volker" and claim.startswith("he first discussed") for source, claim in found)
    assert not any(source == "Jones" for source, _ in found)


def test_the_noun_a_person_was_named_beside_is_that_person_later(kb: KnowledgeBase) -> None:
    found = claims(
        "The suspect, Michael Webb, was convicted last Thursday. A family friend found the "
        "suspect's car. The suspect said he needed to get dressed.",
        kb,
    )
    assert found == [("Michael Webb", "he needed to get dressed")]


def test_told_to_is_an_instruction_and_a_document_that_says_is_its_issuers(kb: KnowledgeBase) -> None:
    found = claims(
        "SoftBank chief Masayoshi Son told WeWork executives to look for new sources of revenue. "
        "He told reporters that he was happy. Amazon published a blog post that said customers "
        "could now listen for free. The ministry issued a statement that said talks had failed.",
        kb,
    )
    assert found == [
        ("Masayoshi Son", "told WeWork executives to look for new sources of revenue"),
        ("Masayoshi Son", "he was happy"),
        ("Amazon", "customers could now listen for free"),
    ]


def test_a_quotation_tagged_with_a_verb_of_quoting_is_its_speakers(kb: KnowledgeBase) -> None:
    found = claims('Jane Roe was at home. "Please come," she begged.', kb)
    assert found == [("Jane Roe", "Please come")]


def test_a_quotation_whose_he_cannot_be_the_woman_before_is_nobodys(kb: KnowledgeBase) -> None:
    assert claims('Mary Roe was at home. "We will win the cup," he said.', kb) == []
    assert claims('Mary Roe was at home. "We will win the cup," she said.', kb) == [
        ("Mary Roe", "We will win the cup")
    ]


def test_a_quotation_carried_to_its_speaker_leaves_its_tag_out(kb: KnowledgeBase) -> None:
    found = claims(
        "Alan Milburn spoke to reporters on Monday. Mr Milburn brushed aside questions over why the "
        "chancellor was not present at the Cabinet meeting to discuss election strategy. "
        "\"I'm not privy to everybody's diary,\" he said.",
        kb,
    )
    assert ("Alan Milburn", "I'm not privy to everybody's diary") in found
    assert not any("he said" in claim for _, claim in found)


def test_what_a_speaker_told_an_outlet_came_through_it(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            '"This is how storms begin," Dr. Ana Ruiz, a member of the group, told NBC News. '
            '"It could get out of control." "These are people as well," Ruiz added. '
            "Tom Hale said in an interview with CNN that the fund was safe."
        ),
        kb,
    )
    told = {a.claim: a.via for a in d.attributions}
    assert told["This is how storms begin"] == "NBC News"
    assert told["It could get out of control."] == "NBC News"  # the quotation goes on
    assert told["These are people as well"] == "NBC News"  # "added": the same interview
    assert told["the fund was safe"] == "CNN"


def test_according_to_inside_a_quotation_is_no_source(kb: KnowledgeBase) -> None:
    d = analyze(
        seed('"Viewers will choose what they see according to their own tastes," Peter Hall said.'), kb
    )
    assert [(a.source, a.via) for a in d.attributions] == [("Peter Hall", None)]


def test_a_group_named_by_its_initials_and_its_members(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "The doctors, members of a recently formed group Nurses for Clean Water, NFCW, have "
            "offered to run a clinic. The doctors said that the water was unsafe."
        ),
        kb,
    )
    assert "Nurses for Clean Water" in [s.name for s in d.stakeholders]
    assert [(a.source, a.claim) for a in d.attributions] == [
        ("Nurses for Clean Water", "the water was unsafe")
    ]
