"""Bodies by their whole names: an owner before a curly possessive, an office "of" its
subject, a federal agency whose name has an "and", a state's department that is not the
federal one (text written for the tests)."""

from __future__ import annotations

from generator.analyze import analyze
from generator.analyze.packs import KnowledgeBase
from tests.test_realnews import seed


def names(text: str, kb: KnowledgeBase) -> set[str]:
    return {s.name for s in analyze(seed(text), kb).stakeholders}


def test_an_owner_before_a_curly_possessive_is_not_part_of_the_name(kb: KnowledgeBase) -> None:
    found = names(
        "Talent manager Scooter Braun bought the label in June. Braun’s Ithaca Holdings paid "
        "$300m for it. The Women’s Institute said it was glad.",
        kb,
    )
    assert {"Ithaca Holdings", "Women’s Institute"} <= found
    assert "Braun’s Ithaca Holdings" not in found


def test_an_office_of_its_subject_is_named_whole(kb: KnowledgeBase) -> None:
    d = analyze(
        seed("A 2019 report by the DHS Office of Inspector General found children lacked blankets."), kb
    )
    assert [(a.source, a.claim) for a in d.attributions] == [
        ("DHS Office of Inspector General", "children lacked blankets")
    ]


def test_an_agency_whose_name_has_an_and_is_one_body(kb: KnowledgeBase) -> None:
    found = names(
        "Customs and Border Protection, part of Homeland Security, did not accept the offer. "
        "The Michigan Department of Health and Human Services said cases rose.",
        kb,
    )
    assert "U.S. Customs and Border Protection" in found
    assert not {"Border Protection", "Customs", "U.S. Department of Health and Human Services"} & found


def test_a_post_in_a_body_is_no_part_of_its_name(kb: KnowledgeBase) -> None:
    found = names(
        "“Space exploration requires an entire ecosystem,” said Michael Sims, CEO and Founder of "
        "Ceres Robotics Inc.",
        kb,
    )
    assert "Ceres Robotics Inc." in found
    assert not any(name.startswith(("Founder", "CEO")) for name in found)


def test_a_family_by_its_surname_is_no_place_or_body(kb: KnowledgeBase) -> None:
    found = names(
        "Joe Biden spoke on Monday in Ohio. Hunter Biden sat on the board of a gas company. "
        "Critics said the Bidens profited from the post.",
        kb,
    )
    assert {"Joe Biden", "Hunter Biden"} <= found
    assert "Bidens" not in found
