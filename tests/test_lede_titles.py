"""A lede that gives a speaker by title alone and names them a sentence or two on, and
a title that stands for the last speaker (text written for the tests)."""

from __future__ import annotations

from generator.analyze import analyze
from generator.analyze.packs import KnowledgeBase
from tests.test_realnews import said, seed

LEDE = (
    "The harbour authority's chairman has said he is willing to delay the new berthing fees. "
    "In a speech to shippers, Walter Brennan promised a review of the charges. "
    'Mr Brennan said the authority would "listen to every operator" before the summer.'
)


def test_the_ledes_title_is_the_person_named_next(kb: KnowledgeBase) -> None:
    a = said(analyze(seed(LEDE), kb), "delay the new berthing fees")
    assert (a.source, a.named, a.role) == ("Walter Brennan", True, "harbour authority's chairman")


def test_not_where_someone_is_named_before_the_title(kb: KnowledgeBase) -> None:
    text = "Ports minister Ada Quill met shippers on Monday. " + LEDE
    a = said(analyze(seed(text), kb), "delay the new berthing fees")
    assert (a.source, a.named) == ("the harbour authority's chairman", False)


def test_not_where_the_next_person_holds_another_office(kb: KnowledgeBase) -> None:
    text = (
        "The chancellor has said the economy will grow faster than forecast this year. "
        "But shadow chancellor Walter Brennan said the figures did not add up. "
        'Mr Brennan said voters would "see through" the claims.'
    )
    a = said(analyze(seed(text), kb), "grow faster than forecast")
    assert (a.source, a.named) == ("the chancellor", False)


def test_not_where_the_person_named_next_never_speaks(kb: KnowledgeBase) -> None:
    text = (
        "The harbour authority's chairman has said he is willing to delay the new berthing fees. "
        "Shippers led by Walter Brennan had asked for the delay. The fees were due in June."
    )
    a = said(analyze(seed(text), kb), "delay the new berthing fees")
    assert a.named is False


def test_an_office_is_the_last_speaker_only_where_the_article_gives_them_it(kb: KnowledgeBase) -> None:
    # "The chancellor" after Mr Cable spoke is someone else (the article never calls Cable
    # chancellor); after Chancellor Walter Brennan spoke, it is him.
    other = (
        "Mr Cable said taxation would go up under all three of the main parties. "
        'The chancellor meanwhile insisted his spending plans were "affordable".'
    )
    assert said(analyze(seed(other), kb), "affordable").source != "Cable"
    same = (
        "Chancellor Walter Brennan said taxation would not go up. "
        'The chancellor also insisted his spending plans were "affordable".'
    )
    assert said(analyze(seed(same), kb), "affordable").source == "Walter Brennan"


def test_the_chancellor_is_not_the_shadow_chancellor_who_spoke_before(kb: KnowledgeBase) -> None:
    text = (
        "Shadow chancellor Walter Brennan said the figures did not add up. "
        "The chancellor said the economy would grow faster than forecast."
    )
    a = said(analyze(seed(text), kb), "grow faster than forecast")
    assert a.source != "Walter Brennan"


def test_a_capitalised_office_is_no_name_nor_the_shadow_who_holds_its_title(kb: KnowledgeBase) -> None:
    text = (
        "Tory shadow chancellor Walter Brennan spoke on Monday. Gordon Brown has addressed the "
        "conference behind closed doors. The Chancellor said the Conservatives' plans would see "
        "some £50bn in spending cuts."
    )
    a = said(analyze(seed(text), kb), "spending cuts")
    assert (a.source, a.named) == ("the Chancellor", False)
