"""The outlet a speaker talked to is where the words were said, not a party to the story
(generator/analyze/audience.py). The articles are written for these tests."""

from __future__ import annotations

import pytest

from generator.analyze import analyze
from generator.analyze.audience import is_outlet_name
from generator.analyze.packs import KnowledgeBase
from tests.test_realnews import names, seed


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (
            "The Harbour Board has delayed the new ferry terminal. Board chairman Alan Pryce told "
            "BBC Radio 4's Today programme the delay would cost £3m.",
            "BBC",
        ),
        (
            "Shares in Keldor Mining fell after the results. Speaking to the Daily Courier, chief "
            "executive Maria Santos said the mine would reopen in May.",
            "Daily Courier",
        ),
        (
            "The Harbour Board has delayed the new ferry terminal. In an interview with Radio Westmoor, "
            "Alan Pryce said the delay would cost £3m.",
            "Radio Westmoor",
        ),
        (
            "Keldor Mining will close its second mine. The union said on Twitter that the closure "
            "would cost 400 jobs.",
            "Twitter",
        ),
    ],
)
def test_an_outlet_named_only_as_the_one_told_is_not_in_whos_who(
    kb: KnowledgeBase, text: str, outlet: str
) -> None:
    d = analyze(seed(text), kb)
    assert outlet not in names(d)
    assert any(a.claim for a in d.attributions), "the words are still reported, with their speaker"


def test_an_outlet_that_acts_in_the_story_stays(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "The BBC has cut 200 jobs at its Glasgow studios. Union leader Jane Marr told the BBC "
            "the cuts were a betrayal."
        ),
        kb,
    )
    assert "BBC" in names(d)


def test_a_body_told_is_a_party_not_an_outlet(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Daniel Webb was arrested in Ohio on Monday. In a recorded interview with the FBI, Webb "
            "admitted the kidnapping. Webb told the FBI he acted alone."
        ),
        kb,
    )
    assert "FBI" in names(d)


def test_a_name_says_it_is_an_outlet() -> None:
    assert is_outlet_name("South Wales Evening Post")
    assert is_outlet_name("Radio Westmoor")
    assert not is_outlet_name("Crown Prosecution Service")
