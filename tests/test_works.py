"""Titles of works are no stakeholders (generator/analyze/works.py), on text written for
these tests: the cues that tell a title, and the names beside it that stay."""

from __future__ import annotations

from generator.analyze import analyze
from generator.analyze.packs import KnowledgeBase
from tests.test_realnews import names, seed


def test_titles_told_by_their_kind_or_a_part_in_them_are_no_parties(kb: KnowledgeBase) -> None:
    text = (
        "Actress Sophie Okonedo was nominated for an Oscar for her performance in Hotel Kigali. "
        "Kate Winslet was praised for her lead role in Bright Rain of the Quiet Hills. "
        "Andrea Arnold won the short film award for her gritty drama Hornet. "
        "Charles Hart wrote the songs of The Lantern of the Harbour movie."
    )
    found = names(analyze(seed(text), kb))
    assert {"Sophie Okonedo", "Kate Winslet", "Andrea Arnold", "Charles Hart"} <= set(found)
    assert not any(
        w in name for name in found for w in ("Kigali", "Bright Rain", "Quiet Hills", "Hornet", "Lantern")
    )


def test_the_names_beside_a_title_stay(kb: KnowledgeBase) -> None:
    text = (
        "The romantic comedy directed by Sofia Marlow won several awards. "
        "Top of the Pops turned to the star of Elvis Presley musical Jailhouse Stomp. "
        "The drama was named best film of the year by the Los Angeles Film Critics Association. "
        "Primer won the top prize at the Sundance film festival."
    )
    found = names(analyze(seed(text), kb))
    assert {"Sofia Marlow", "Elvis Presley", "Los Angeles Film Critics Association"} <= set(found)
    assert "Jailhouse Stomp" not in found
