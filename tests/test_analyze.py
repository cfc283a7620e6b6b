"""Analyze stage on the real seed and on texts from other fields."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path

import pytest

from generator.analyze import analyze
from generator.analyze.dates import resolve
from generator.analyze.packs import KnowledgeBase
from generator.dossier import Dossier, Statement, from_json, to_json
from generator.seeds import Seed, read_seed
from tests.conftest import SEED


@pytest.fixture(scope="module")
def dossier(kb: KnowledgeBase) -> Dossier:
    return analyze(read_seed(SEED), kb)


def text_seed(text: str, date: dt.date | None = dt.date(2026, 5, 1)) -> Seed:
    return Seed(path=Path("x.txt"), slug="x", title="X", date=date, text=text)


def by_name(items: list, name: str):  # type: ignore[no-untyped-def]
    matches = [i for i in items if i.name == name]
    assert matches, f"{name} not in {[i.name for i in items]}"
    return matches[0]


def test_sentences_in_reading_order(dossier: Dossier) -> None:
    assert [s.id for s in dossier.sentences] == [f"s{i}" for i in range(1, 23)]
    assert dossier.sentences[6].text.startswith("In a recent development, The Times of India")


def test_stakeholders_merge_aliases_and_roles(dossier: Dossier) -> None:
    us = by_name(dossier.stakeholders, "United States")
    assert {"U.S.", "Washington", "American"} <= set(us.aliases)
    putin = by_name(dossier.stakeholders, "Vladimir Putin")
    assert (putin.kind, putin.role, putin.aliases) == ("person", "President of Russia", ["Putin"])
    assert putin.sentences == ["s1", "s16", "s17"]
    assert by_name(dossier.stakeholders, "Narendra Modi").role == "Prime Minister of India"
    # spaCy alone calls Bloomberg a place and Donbass a person.
    assert by_name(dossier.stakeholders, "Bloomberg").kind == "media"
    assert by_name(dossier.stakeholders, "Donbas").kind == "place"
    assert by_name(dossier.stakeholders, "The Times of India").kind == "media"
    assert "Western" not in [s.name for s in dossier.stakeholders]


def test_systems_with_facts_and_figures(dossier: Dossier) -> None:
    su57 = by_name(dossier.systems, "Su-57")  # spaCy alone misses it entirely
    assert (su57.category, su57.origin) == ("fighter aircraft", "Russia")
    assert su57.quantities == ["140", "seven squadrons"]
    assert "Su-5" in su57.aliases and "s3" in su57.sentences
    s400 = by_name(dossier.systems, "S-400")
    assert s400.quantities == ["five divisions"] and s400.sentences == ["s7", "s14"]
    assert by_name(dossier.systems, "S-500").aliases == ["C-500"]


def test_review_flags(dossier: Dossier) -> None:
    flags = {(f.kind, f.text, f.suggestion) for f in dossier.flags}
    assert ("unknown_designation", "Su-5", "Su-57") in flags
    assert ("transliteration", "C-500", "S-500") in flags
    unnamed = [f for f in dossier.flags if f.kind in ("unattributed", "unnamed_source")]
    assert [f.sentences for f in unnamed] == [["s9"]]  # "revelations", no source named
    assert "an unnamed source (“late September revelations”)" in unnamed[0].message


def test_a_hedge_inside_a_quotation_is_its_speakers_word(kb: KnowledgeBase) -> None:
    text = (
        "Ministers face questions\n\n"
        'Opposition leader Harriet Vane said the row would grow, warning: "This will not go away."\n\n'
        '"These revelations show how the cabinet works.\n\n'
        "The minister reportedly rejected the advice in March.\n"
    )
    flags = analyze(text_seed(text), kb).flags
    unattributed = [f.text for f in flags if f.kind == "unattributed"]
    assert unattributed == ["The minister reportedly rejected the advice in March."]


def test_events_dated_against_seed_date(dossier: Dossier) -> None:
    dates = {e.date: e for e in dossier.events}
    assert set(dates) == {"2025-09", "2025-11-27", "2025-12-04/2025-12-05"}
    assert dates["2025-12-04/2025-12-05"].sentences == ["s1", "s20"]  # "the December visit" merged
    assert dates["2025-09"].when == "late September"


def test_events_without_seed_date_keep_the_words(kb: KnowledgeBase) -> None:
    seed = replace(read_seed(SEED), date=None)
    events = analyze(seed, kb).events
    assert events and all(e.date is None for e in events)
    assert {e.when for e in events} >= {"December 4-5", "November 27"}


def test_attributions(dossier: Dossier) -> None:
    by_source = {a.source: a for a in dossier.attributions}
    bloomberg, toi = by_source["Bloomberg"], by_source["The Times of India"]
    assert (bloomberg.via, bloomberg.named) == ("an anonymous source", True)
    assert bloomberg.claim.startswith("India is reportedly considering negotiations")
    assert "S-400" in toi.claim and toi.sentences == ["s7"]
    revelations = by_source["late September revelations"]  # "revelations indicated that …"
    assert not revelations.named and revelations.sentences == ["s9"]


def test_questions_are_well_formed_and_grounded(dossier: Dossier) -> None:
    assert len(dossier.questions) >= 3
    for q in dossier.questions:
        assert re.match(r"^(Will|Is|Are|Could|Has|Have|Was|Were) [^?]+\?$", q.text), q.text
        assert "reportedly" not in q.text and ",," not in q.text and "  " not in q.text
        assert q.sentences
    texts = {q.sentences[0]: q.text for q in dossier.questions}
    assert texts["s9"] == "Will India purchase 140 Su-57 fighters from Russia?"
    assert texts["s10"] == "Will the Su-57 procurement be finalized?"
    assert texts["s13"] == "Could a ‘technology transfer’ undermine American interests?"


def test_news_background_and_stakes_are_told_apart(dossier: Dossier) -> None:
    def ids(items: list[Statement]) -> list[str]:
        return [sid for item in items for sid in item.sentences]

    news, background, stakes = ids(dossier.news), ids(dossier.background), ids(dossier.stakes)
    assert "s7" in news  # "reported on November 27 that the ministry had approved"
    assert "s6" in background and "s6" not in news  # "India has long relied on Russia"
    assert {"s4", "s10"} <= set(stakes)  # "risks straining", "would mark a significant leap"
    lists = [ids(dossier.brief), news, background, stakes]
    every = [sid for sids in lists for sid in sids]
    assert len(every) == len(set(every)), "a sentence is shown in two lists"
    for sids in lists:
        assert sids == sorted(sids, key=lambda s: int(s[1:])), "lists keep the article's order"
    assert len(news) <= 4 and len(background) <= 4 and len(stakes) <= 3


def test_in_brief_says_what_happened_in_few_words(dossier: Dossier) -> None:
    brief = dossier.brief
    assert 2 <= len(brief) <= 3
    assert sum(len(b.text.split()) for b in brief) <= 80
    for b in brief:
        assert b.sentences and dossier.sentence_text(b.sentences[0]) == b.text  # the article's words
    assert "s1" in brief[0].sentences  # the lede
    assert any("Su-57" in b.text for b in brief)  # the main system, with its figure


def test_org_described_by_the_pack_and_by_the_article(kb: KnowledgeBase) -> None:
    text = (
        "Rosoboronexport, Russia's state arms export agency, said on Monday that talks went well.\n\n"
        "Orbital Forge Industries, a small drone maker based in Tallinn, said it had doubled output. "
        "The Indian Ministry of Defence declined to comment, and Reuters, which saw the letter, "
        "did not publish it."
    )
    d = analyze(text_seed(text), kb)
    who = {s.name: s for s in d.stakeholders}
    assert who["Rosoboronexport"].role == "Russia's state arms export agency"
    assert who["Rosoboronexport"].description and who["Rosoboronexport"].pack == "organizations"
    assert "Russia's state arms export agency" not in who  # a description, not a second body
    assert who["Orbital Forge Industries"].role == "small drone maker"  # clauses dropped, as for roles
    forge = who["Orbital Forge Industries"]
    assert not forge.known and forge.description is None
    assert who["Indian Ministry of Defence"].role is None  # no apposition: nothing invented
    assert who["Reuters"].role is None  # "which saw the letter" says nothing of what it is
    text = "Rosneft is merging with Gazprom, the world's biggest gas company, a move that will see it grow."
    who = {s.name: s for s in analyze(text_seed(text), kb).stakeholders}
    assert who["Gazprom"].role == "world's biggest gas company"  # the apposition ends at its comma


def test_dossier_json_round_trip(dossier: Dossier) -> None:
    assert from_json(to_json(dossier)) == dossier
    assert to_json(from_json(to_json(dossier))) == to_json(dossier)


def test_unknown_entities_from_other_fields(kb: KnowledgeBase) -> None:
    text = (
        "Lunar Outpost and the start-up Orbital Forge Industries said on March 3 that the "
        "Silver Hare lander would launch next year.\n\n"
        "Energy minister Ivan Sokolov said the Arctic Bridge pipeline could carry gas to Kazakhstan. "
        "Sokolov added that the XR-77 drone was tested."
    )
    d = analyze(text_seed(text), kb)
    systems = {s.name: s for s in d.systems}
    assert systems["Silver Hare"].category == "lander" and not systems["Silver Hare"].known
    assert systems["Arctic Bridge"].category == "pipeline" and not systems["Arctic Bridge"].known
    assert "XR-77" in systems and not systems["XR-77"].known
    people = [s for s in d.stakeholders if s.kind == "person"]
    sokolov = by_name(people, "Ivan Sokolov")
    assert not sokolov.known and "Sokolov" in sokolov.aliases  # merged by surname
    orgs = {s.name for s in d.stakeholders if s.kind == "organization"}
    assert "Orbital Forge Industries" in orgs and "Sokolov" not in orgs
    assert "Arctic" not in {s.name for s in d.stakeholders}  # part of the pipeline's name
    assert by_name(d.stakeholders, "Kazakhstan").known


def test_cyrillic_designation_is_flagged(kb: KnowledgeBase) -> None:
    d = analyze(text_seed("Russia deployed the С-400 near the border."), kb)  # Cyrillic Es
    assert [(f.kind, f.suggestion) for f in d.flags] == [("transliteration", "S-400")]
    assert by_name(d.systems, "S-400").aliases == ["С-400"]


def test_paragraph_break_ends_a_sentence(kb: KnowledgeBase) -> None:
    d = analyze(text_seed("Heading without a full stop\n\nThe S-400 arrived."), kb)
    assert [s.text for s in d.sentences] == ["Heading without a full stop", "The S-400 arrived."]


def test_no_sentence_starts_after_a_word_on_the_same_line(kb: KnowledgeBase) -> None:
    text = "Mr Howard told BBC Radio 4's Today programme Mr Blair had refused to answer. He was angry."
    d = analyze(text_seed(text), kb)
    assert [s.text for s in d.sentences] == [
        "Mr Howard told BBC Radio 4's Today programme Mr Blair had refused to answer.",
        "He was angry.",
    ]


@pytest.mark.parametrize(
    ("phrase", "ref", "expected"),
    [
        ("December 4-5", dt.date(2025, 12, 1), "2025-12-04/2025-12-05"),
        ("November 27", dt.date(2025, 12, 1), "2025-11-27"),
        ("late September", dt.date(2025, 12, 1), "2025-09"),
        ("January 10", dt.date(2025, 12, 20), "2026-01-10"),  # nearest year, not the seed's
        ("27 November 2023", None, "2023-11-27"),
        ("March 2024", None, "2024-03"),
        ("November 27", None, None),  # no year anywhere: never invented
        ("February 30", dt.date(2025, 1, 1), None),
        ("recent weeks", dt.date(2025, 1, 1), None),
        # part of a stated year: the year, or the month where the part says which
        ("the last quarter of 2004", None, "2004"),
        ("the first half of 2005", None, "2005"),
        ("the last week of 2003", None, "2003-12"),
        ("the first few weeks of 2005", None, "2005-01"),
        ("2004 - three of them", None, "2004"),
    ],
)
def test_date_resolution(phrase: str, ref: dt.date | None, expected: str | None) -> None:
    assert resolve(phrase, ref)[0] == expected


TUESDAY = dt.date(2019, 11, 19)


@pytest.mark.parametrize(
    ("phrase", "told", "expected"),
    [
        ("in April", "past", "2019-04"),  # "was evicted in April": before the article, not after
        ("in April", "future", "2020-04"),
        ("in April", "present", None),  # seven months either way: the year is not certain
        ("in November", "past", "2019-11"),
        ("in October", "unknown", "2019-10"),  # near enough to be sure
        ("Feb. 14", "future", "2020-02-14"),
        ("Tuesday", "past", "2019-11-19"),  # in an article of a Tuesday, that day
        ("on Monday", "past", "2019-11-18"),
        ("Friday", "past", "2019-11-15"),
        ("Wednesday", "past", None),  # the day after the article's: a time zone ahead, or six days back
        ("on Friday", "future", "2019-11-22"),
        ("Thursday morning", "conditional", "2019-11-21"),
        ("next Tuesday", "present", "2019-11-26"),
        ("last Tuesday", "past", "2019-11-12"),
        ("last month", "past", "2019-10"),
        ("next month", "future", "2019-12"),
        ("earlier this month", "past", "2019-11"),
        ("next year", "future", "2020"),
        ("next year", "past", None),  # "The next year, the Taliban released…": after another date
        ("the first half of next year", "future", "2020-01-01/2020-06-30"),
        ("last week", "past", None),  # no fixed point: shown as written
        ("in the coming weeks", "future", None),
        ("yesterday", "past", "2019-11-18"),
        ("Today", "present", None),  # "Today, plague infections are rare"
        ("November 3—nine days before", "past", "2019-11-03"),
        ("1889", "past", "1889"),
    ],
)
def test_dates_by_tense(phrase: str, told: str, expected: str | None) -> None:
    assert resolve(phrase, TUESDAY, told)[0] == expected


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("The 48-year-old Australian was evicted in April and sentenced to 50 weeks.", "2019-04"),
        ("Sentencing is scheduled for Feb. 14.", "2020-02-14"),
        ("The hearing is scheduled to take place in London in February.", "2020-02"),
        ("He was due to be released from prison in September.", "2019-09"),
        ("The launch has been moved to March 19, two people said.", "2020-03-19"),
        ("Next steps will be divulged in an all-company meeting on Friday, he said.", "2019-11-22"),
        ("Bloomberg News reported on Friday that the company faces scrutiny.", "2019-11-15"),
        ("Lawmakers will ask about Trump's July 25 call with the president.", "2019-07-25"),
        ("He failed to deliver on his vow that Britain would leave the EU on Oct. 31.", "2019-10-31"),
        ("The weather should ease by Thursday morning, officials said.", "2019-11-21"),
        ("Roughly 13,000 troops remain, 18 years after the September 11, 2001 attacks.", "2001-09-11"),
    ],
)
def test_dates_in_sentences_follow_their_tense(kb: KnowledgeBase, sentence: str, expected: str) -> None:
    seed = replace(text_seed(sentence), date=TUESDAY)
    assert [e.date for e in analyze(seed, kb).events if e.date] == [expected]


def test_house_number_is_no_year(kb: KnowledgeBase) -> None:
    seed = replace(
        text_seed("Police stopped a car driven by Jon Blair, 29, of 1909 Jolinda Drive."), date=TUESDAY
    )
    assert [e.date for e in analyze(seed, kb).events] == []


def test_relations_each_grounded_in_a_sentence(dossier: Dossier) -> None:
    found = {(r.source, r.kind, r.target): r.sentences for r in dossier.relations}
    assert found == {
        ("India", "buys from", "Russia"): ["s2", "s4", "s6", "s9"],
        ("United States", "opposes", "India"): ["s4"],
        ("India", "partners with", "Russia"): ["s11"],
        ("United States", "sanctions", "India"): ["s14"],
    }


def test_relations_need_an_explicit_cue(kb: KnowledgeBase) -> None:
    text = (
        "The United States has warned that further purchases of Russian weapons could trigger sanctions.\n\n"
        "Russia will deliver the S-400 to India next year."
    )
    relations = {(r.source, r.kind, r.target) for r in analyze(text_seed(text), kb).relations}
    assert relations == {("Russia", "sells to", "India")}  # a warning is not a purchase


def test_events_ahead_of_the_article(dossier: Dossier, kb: KnowledgeBase) -> None:
    ahead = {e.when: e.ahead for e in dossier.events}
    assert ahead == {"late September": False, "November 27": False, "December 4-5": True}
    text = (
        "The council approved the plan on April 2. "
        "Its members will vote again later this month, and the works are due to start in 2027. "
        "The mayor first proposed the scheme in May 2024."
    )
    d = analyze(text_seed(text), kb)  # the article is dated 1 May 2026
    assert {e.when: e.ahead for e in d.events} == {
        "April 2": False,
        "later this month": True,
        "2027": True,
        "May 2024": False,
    }


def test_a_dateline_the_parser_made_a_sentence_is_no_part_of_the_story(kb: KnowledgeBase) -> None:
    text = (
        "OSLA, March 2 (Example Wire) - Northland plans to buy four NASAMS batteries from Norway, "
        "Defence Minister Anna Berg said on Monday.\n\nThe deal is worth about $1.2 billion, she said."
    )
    d = analyze(text_seed(text), kb)
    assert d.sentences[0].text.startswith("OSLA")  # the article as written, in Source text
    shown = [sid for s in [*d.brief, *d.news, *d.background, *d.stakes] for sid in s.sentences]
    dateline = [s.id for s in d.sentences if s.text.rstrip(" -—") == "OSLA, March 2 (Example Wire)"]
    assert not set(dateline) & set(shown)
    assert any("Northland plans" in b.text for b in d.brief)
