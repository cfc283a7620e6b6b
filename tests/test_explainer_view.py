"""How an explainer page regroups its Dossier: Who's who, What to watch, reading time."""

from __future__ import annotations

from generator.dossier import Attribution, Dossier, Event, Relation, Sentence, Stakeholder, Statement, System
from generator.explainer_view import reading_time, system_facts, what_to_watch, who_in, whos_who


def dossier(**fields: object) -> Dossier:
    return Dossier(slug="x", title="X", date="2025-12-01", **fields)  # type: ignore[arg-type]


def test_what_to_watch_puts_dated_events_ahead_first_soonest_first() -> None:
    d = dossier(
        events=[
            Event("2025-11-27", "November 27", "the ministry approved", ["s2"]),  # past: not shown
            Event("2026-03", "March", "deliveries start", ["s5"], ahead=True),
            Event("2025-12-04/2025-12-05", "December 4-5", "the visit", ["s1"], ahead=True),
            Event(None, "later this year", "a decision is due", ["s6"], ahead=True, undated="no fixed date"),
        ],
        questions=[
            Statement("Will the deal go ahead?", ["s3"]),
            Statement("Will deliveries start in March?", ["s5"]),  # the March event's own sentence
            Statement("Will the S-500 come before 2030?", [], editorial=True),
        ],
    )
    shown = [(w.date, w.text) for w in what_to_watch(d)]
    assert shown == [
        ("2025-12-04/2025-12-05", "the visit"),
        ("2026-03", "deliveries start"),
        (None, "Will the deal go ahead?"),
        (None, "a decision is due"),
        (None, "Will the S-500 come before 2030?"),
    ]


def test_whos_who_tells_each_relation_from_both_sides() -> None:
    d = dossier(
        stakeholders=[
            Stakeholder("India", "country", sentences=["s1"]),
            Stakeholder("Russia", "country", sentences=["s1"]),
            Stakeholder("United States", "country", sentences=["s4"]),
            Stakeholder("Bloomberg", "media", description="U.S. financial news company", pack="media"),
        ],
        relations=[
            Relation("India", "buys from", "Russia", ["s1", "s2"]),
            Relation("United States", "sanctions", "India", ["s4"]),
        ],
        attributions=[Attribution("Bloomberg", None, "India is weighing a deal", ["s2"])] * 2,
    )
    rows = whos_who(d)
    india = who_in(d, "India")
    assert india is not None
    assert [(x.verb, x.other, x.sentences) for x in india.doings] == [
        ("buys from", "Russia", ("s1", "s2")),
        ("is sanctioned by", "United States", ("s4",)),
    ]
    russia = who_in(d, "Russia")
    assert russia is not None and [(x.verb, x.other) for x in russia.doings] == [("sells to", "India")]
    assert [w.stakeholder.name for w in rows["country"]] == ["India", "Russia", "United States"]
    assert rows["media"][0].quoted == 2 and rows["person"] == []
    assert who_in(d, "China") is None


def test_system_facts_say_only_what_the_pack_holds() -> None:
    full = System("S-400", "surface-to-air missile system", "Russia", maker="Almaz-Antey", in_service=2007)
    full.operators = ["Russia", "India"]
    assert system_facts(full) == [
        "made by Almaz-Antey (Russia)",
        "in service since 2007",
        "operated by Russia, India",
    ]
    assert system_facts(System("Silver Hare", "lander", known=False)) == []
    assert system_facts(System("Zircon", "hypersonic missile", "Russia")) == ["from Russia"]
    console = System("Xbox", "games console", "United States", maker="Microsoft", in_service=2001)
    assert system_facts(console) == ["made by Microsoft (United States)", "launched in 2001"]


def test_reading_time_counts_the_brief_and_the_main_sections() -> None:
    sentence = " ".join(["word"] * 23)  # 23 words
    d = dossier(
        sentences=[Sentence(f"s{i}", sentence) for i in range(1, 41)],  # 920 words: 4 minutes
        brief=[Statement(sentence, ["s1"]), Statement(sentence, ["s2"])],  # 46 words: 12 s
        news=[Statement(sentence, ["s3"])] * 10,
    )
    r = reading_time(d, what_to_watch(d))
    assert (r.brief_seconds, r.article_minutes) == (10, 4)
    assert r.main_minutes == 2  # 46 + 230 words
    d.summary = " ".join(["word"] * 115)  # the editor's summary is what is read first
    assert reading_time(d, []).brief_seconds == 30
