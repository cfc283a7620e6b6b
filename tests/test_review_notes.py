"""Review notes an editor can act on (analyze/anonymity.py, claims.py, check.py): only sources the
article does not identify are flagged, and `explainer check` leads with what matters."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator.analyze.anonymity import anonymous, unsourced
from generator.check import ranked_notes
from generator.cli import main
from generator.dossier import Dossier, Flag, Sentence, Stakeholder, Statement
from tests.conftest import SEED, make_project

NAMED = [
    Stakeholder("Harriet Vane", "person", sentences=["s1"]),
    Stakeholder("Lumen Insurance", "organization", sentences=["s2"]),
    Stakeholder("Daily Courier", "media", sentences=["s6"]),
    Stakeholder("Ken Doctor", "person", sentences=["s9"]),
]


@pytest.mark.parametrize(
    "phrase",
    [
        "two people familiar with the matter",
        "people close to the talks",
        "analysts",
        "Most mainstream economists",
        "industry officials",
        "critics",
        "one analyst quoted by the Daily Courier",
        "Some consumers",
        "reports",
        "late September revelations",
        "researchers",
        "Other proponents of the bill",
        "US officials",  # a country's officials could be any of thousands
        "Lumen Insurance sources",  # anonymous by choice, though of a body the article names
        "insiders at Lumen Insurance",
        "the global entertainment industry",  # a whole trade, no one in it named
        "one neo-bank CEO",
    ],
)
def test_sources_the_article_does_not_identify_are_flagged(phrase: str) -> None:
    assert anonymous(phrase, 4, NAMED)


@pytest.mark.parametrize(
    "phrase",
    [
        "the insurer",  # refers back to Lumen Insurance
        "the prime minister",
        "his lawyer",
        "a spokesman",  # speaks for someone the article names
        "a Lumen Insurance spokeswoman",
        "Lumen Insurance reports",
        "veteran industry analyst Ken Doctor",  # named after all
        "Only 18% of all searchers",  # data, not a source
        "Almost 50% of those questioned",
        "the sales figures",
        "people",
        "Other indicators",  # data
        "some measures",
        "Lumen Insurance officials",
        "agency officials",  # of a body the article names
        "Lumen Insurance scientists",
        "researchers at Lumen Insurance",
        "Lumen Insurance's other employees",
        "a Lumen Insurance executive",
    ],
)
def test_named_referred_back_and_data_are_not_flagged(phrase: str) -> None:
    assert not anonymous(phrase, 4, NAMED)


def test_the_expert_refers_back_only_to_someone_given_that_role() -> None:
    assert anonymous("the expert", 4, NAMED)
    assert not anonymous("the expert", 4, [*NAMED, Stakeholder("Ann Lee", "person", role="health expert")])


def test_a_survey_is_anonymous_unless_its_publisher_is_named_beside_it() -> None:
    assert not anonymous("a survey", 3, NAMED)  # Lumen Insurance is named in s2
    assert anonymous("a survey", 9, NAMED)  # nobody who publishes surveys is near s9


@pytest.mark.parametrize(
    ("phrase", "sentence"),
    [
        ("market analysts", "Sales tripled, said market analysts Chart-Track."),
        ("research by message analysts", "By research by message analysts the Radicati Group, it rose."),
        ("a case report", "It was, according to a case report published in the journal BMJ Case Reports."),
        ("Other studies", "Other studies indicate that water boosts metabolism (10, 11)."),
    ],
)
def test_a_source_named_in_its_own_sentence_is_not_flagged(phrase: str, sentence: str) -> None:
    assert not anonymous(phrase, 20, NAMED, sentence)


def test_analysts_followed_by_a_day_are_still_unnamed() -> None:
    assert anonymous("market analysts", 20, NAMED, "Sales tripled, said market analysts Monday.")


def test_reportedly_needs_no_note_beside_the_outlet_and_allegedly_none() -> None:
    assert not unsourced("reportedly", 5, NAMED)  # the Daily Courier, s6
    assert unsourced("reportedly", 12, NAMED)
    assert unsourced("it is understood", 5, NAMED)
    assert not unsourced("allegedly", 12, NAMED)


LEDE = {
    1: "Most homes will still be offline in 2030, a study says.",
    2: "Around nine million people will miss out, predicts the report by telecoms group Vantel.",
    3: "The plan cost $4m, reports say.",
    4: "The mayor will reportedly resign.",
    5: "She made the decision on Monday, according to a new Harbour Ledger report.",
    6: "The board met twice.",
    7: "The club reportedly sold its ground.",
    8: "The fee was £2m.",
    9: "Nobody else commented.",
    10: "The deal was first disclosed by the Independent newspaper.",
}


def test_a_lede_study_is_the_publisher_named_later_and_reports_the_outlet_credited_beside_them() -> None:
    assert not anonymous("a study", 1, [], LEDE[1], LEDE)  # "the report by telecoms group Vantel"
    assert not unsourced("reportedly", 4, [], LEDE)  # "according to a new Harbour Ledger report", s5
    told = {3: LEDE[3], 4: "A council aide told the Harbour Ledger newspaper the sum."}
    assert not anonymous("reports", 3, [], LEDE[3], told)
    assert anonymous("reports", 3, [], LEDE[3], LEDE)
    # a hedge two sentences after the outlet's report goes on with it; one three sentences
    # before an outlet is credited is not that outlet's
    assert not unsourced("reportedly", 7, [], LEDE)
    assert unsourced("reportedly", 7, [], {**LEDE, 5: "She made the decision on Monday."})
    assert anonymous("a study", 1, [], LEDE[1], {1: LEDE[1], 2: "Around nine million will miss out."})


TELEGRAPH = [Stakeholder("Sunday Herald", "media", sentences=["s9"])]


@pytest.mark.parametrize(
    "after",
    [
        "The firm will say so on Friday, the Sunday Herald reported.",
        'Her coach told the Times: "Not before 2006."',
        "The Daily Herald poll suggests that 45% would vote against.",
        "A study by the Pew Internet Project found that players are popular.",
        "According to a new book, Brown's Britain by journalist Robert Peston, he went back on it.",
    ],
)
def test_a_ledes_vague_source_is_the_one_the_next_sentences_name(after: str) -> None:
    lede = {1: "The group will sell its media arm, reports claim.", 2: "It made £3m last year.", 3: after}
    assert not anonymous("reports", 1, TELEGRAPH, lede[1], lede)
    assert not anonymous("a poll", 1, TELEGRAPH, "Voters are split, according to a poll.", {**lede, 1: "x"})
    # the same sentences after a claim deep in the article do not unpack it
    body = {n + 10: t for n, t in lede.items()}
    assert anonymous("reports", 11, [], body[11], body)


def test_a_ledes_experts_are_the_body_the_next_sentence_has_say_so_but_not_a_hedge() -> None:
    named = [Stakeholder("Spamhaus", "organization", sentences=["s2"]), *NAMED]
    lede = {1: "Spam could soon soar, say experts.", 2: "Anti-spam group Spamhaus is warning about a virus."}
    assert not anonymous("experts", 1, named, lede[1], lede)
    assert anonymous("experts", 1, NAMED, lede[1], lede)
    hedge = {1: "The minister's wife is said to have praised the court.", 2: "Spamhaus said she was not."}
    assert unsourced("is said to", 1, named, hedge)  # saying something else is not the source


def test_a_named_body_reporting_after_the_lede_owns_its_reports() -> None:
    named = [Stakeholder("OneStat.com", "organization", sentences=["s2"])]
    lede = {1: "Explorer's share fell below 90%, reports say.", 2: "Net monitor OneStat.com has reported it."}
    assert not anonymous("reports", 1, named, lede[1], lede)
    assert anonymous("reports", 1, [], lede[1], lede)


def test_researchers_the_article_has_just_named_and_a_work_whose_publisher_is_in_the_phrase() -> None:
    named = [Stakeholder("Institute of Education", "organization", sentences=["s2"])]
    article = {
        2: "Academics from the Institute of Education found that games help.",
        3: "It helps, researchers say.",
    }
    assert not anonymous("researchers", 3, named, article[3], article)
    assert anonymous("researchers", 3, named, article[3], {3: article[3]})
    assert not anonymous("a recent report from analysts Gartner", 15, NAMED)
    assert not anonymous("Lumen Insurance’s scientists", 4, NAMED)  # a typographic apostrophe
    authority = [Stakeholder("Internet Names Authority", "organization", sentences=["s30"])]
    assert not anonymous("Ina officials", 4, authority)  # the authority's initials
    assert not anonymous("technology analysts", 9, NAMED, "So say technology analysts, TDG Research, today.")


def test_workers_beside_the_firm_they_work_for_are_its() -> None:
    assert not anonymous("Other employees", 3, NAMED)  # Lumen Insurance, s2
    assert anonymous("Other employees", 12, NAMED)


def test_officials_of_a_ministry_the_article_names_by_its_field() -> None:
    mod = [Stakeholder("Ministry of Defence", "organization", sentences=["s1"])]
    assert not anonymous("A senior defence official", 4, mod)
    assert anonymous("A senior health official", 4, mod)


def _dossier(slug: str, flags: list[Flag]) -> Dossier:
    return Dossier(
        slug=slug,
        title=slug,
        date=None,
        sentences=[Sentence(f"s{i}", "x") for i in range(1, 6)],
        brief=[Statement("x", ["s1"])],
        flags=flags,
        seed_file=f"{slug}.txt",
    )


def test_check_ranks_spelling_then_figures_then_the_in_brief_and_groups_the_rest() -> None:
    plain = Flag("unnamed_source", "Critics say it is a mistake.", None, ["s4"], "critics")
    brief = Flag("unnamed_source", "Analysts doubt the plan.", None, ["s1"], "analysts")
    figure = Flag("unattributed", "It reportedly cost $4bn.", None, ["s3"], "reportedly")
    spelling = Flag("unknown_designation", "Su-5", "Su-57", ["s2"], "Su-5")
    first, rest = ranked_notes([_dossier("a", [plain, brief]), _dossier("b", [figure, spelling])], "seeds")
    assert [(n.seed, n.flag.kind, n.why_first) for n in first] == [
        ("seeds/b.txt", "unknown_designation", "spelling"),
        ("seeds/b.txt", "unattributed", "a figure or date rests on it"),
        ("seeds/a.txt", "unnamed_source", "in the In brief"),
    ]
    assert {kind: [n.flag for n in notes] for kind, notes in rest.items()} == {"unnamed_source": [plain]}


def test_check_can_show_only_what_changed_since_the_last_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path / "p", [SEED])
    assert main(["--project", str(project.root), "generate", "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["--project", str(project.root), "check", "--changed"]) == 0
    captured = capsys.readouterr()
    assert "Su-5" not in captured.out and "0 added or changed" in captured.err
    shutil.copy(SEED, project.seeds / "copy.txt")
    assert main(["--project", str(project.root), "check", "--changed"]) == 0
    captured = capsys.readouterr()
    assert "seeds/copy.txt [s3] unknown_designation (spelling)" in captured.out
    assert SEED.name not in captured.out and "1 added or changed" in captured.err
