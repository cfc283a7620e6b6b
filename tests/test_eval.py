"""Quality gate: the first seed against its hand-written reference annotations."""

from __future__ import annotations

import pytest

from generator.evaluate import Score, evaluate_file, format_table
from tests.conftest import GOLD, SEED


@pytest.fixture(scope="module")
def scores() -> dict[str, Score]:
    _, result = evaluate_file(GOLD, SEED.parent)
    return {s.section: s for s in result}


def test_every_required_item_is_found(scores: dict[str, Score]) -> None:
    for section, s in scores.items():
        assert s.recall == 1.0, f"{section}: missing {s.missing}"


def test_stakeholder_and_system_precision(scores: dict[str, Score]) -> None:
    assert scores["stakeholders"].precision >= 0.9, scores["stakeholders"].extra
    assert scores["systems"].precision == 1.0, scores["systems"].extra


def test_every_question_is_on_a_reference_theme(scores: dict[str, Score]) -> None:
    assert scores["open questions (themes)"].precision == 1.0, scores["open questions (themes)"].extra


def test_events_all_dated_and_nothing_spurious(scores: dict[str, Score]) -> None:
    assert scores["events (dated)"].found == 3
    assert scores["events (dated)"].precision == 1.0


def test_background_sentences_are_reference_context(scores: dict[str, Score]) -> None:
    assert scores["background"].precision == 1.0, scores["background"].extra


def test_table_lists_every_section(scores: dict[str, Score]) -> None:
    table = format_table("x", list(scores.values()))
    for section in scores:
        assert section in table
