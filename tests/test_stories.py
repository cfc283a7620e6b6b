"""Stories: which articles tell one story, and the story's explainer (corpus/stories.py,
corpus/story_pages.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.cli import main
from generator.corpus import build_corpus
from generator.corpus.identity import resolve
from generator.corpus.overrides import parse_overrides
from generator.corpus.scoring import story_scores
from generator.corpus.stories import StoryGroup, copies_in, detect
from generator.dossier import Dossier, Event, Sentence, Stakeholder, Statement
from generator.errors import SeedError
from generator.project import Project
from generator.seeds import read_seed
from tests.conftest import make_project


def report(
    slug: str, title: str, text: list[str], actors: dict[str, str], date: str | None = None
) -> Dossier:
    """An article: its sentences, and each actor (name -> kind) named in every sentence
    that contains its name."""
    sentences = [Sentence(f"s{i + 1}", t) for i, t in enumerate(text)]
    stakeholders = [
        Stakeholder(name, kind, sentences=[s.id for s in sentences if name in s.text], known=False)
        for name, kind in actors.items()
    ]
    return Dossier(
        slug=slug,
        title=title,
        date=date,
        sentences=sentences,
        stakeholders=[h for h in stakeholders if h.sentences],
        brief=[Statement(sentences[0].text, ["s1"])],
        seed_file=f"{slug}.txt",
    )


YUKOS = {"Yukos": "organization", "Yuganskneftegaz": "organization", "Rosneft": "organization"}
SALE = [
    report(
        "y1",
        "Yukos unit to be sold at auction",
        [
            "Russia will auction Yuganskneftegaz, the main unit of Yukos, to settle its tax bill.",
            "Yukos says the sale of Yuganskneftegaz is illegal.",
            "The auction of Yuganskneftegaz is set for 19 December.",
        ],
        YUKOS,
        "2004-11-20",
    ),
    report(
        "y2",
        "Yukos files for bankruptcy in Houston",
        [
            "Yukos has filed for bankruptcy in Houston to stop the auction of Yuganskneftegaz.",
            "The Yuganskneftegaz auction would go ahead, Russian officials said.",
        ],
        YUKOS,
        "2004-12-15",
    ),
    report(
        "y3",
        "Rosneft buys Yuganskneftegaz after Yukos auction",
        [
            "State-owned Rosneft has bought Yuganskneftegaz, the unit of Yukos sold at auction.",
            "Rosneft paid for Yuganskneftegaz through a shell company that won the Yukos auction.",
        ],
        YUKOS,
        "2004-12-23",
    ),
]
OIL_MARKET = report(
    "m1",
    "Oil prices rise on supply fears",
    [
        "Oil prices rose on Tuesday as traders worried about supplies from Russia.",
        "Shares in Yukos were also higher.",
    ],
    {"Yukos": "organization"},
    "2004-12-14",
)
OTHER_OIL = report(
    "o1",
    "BP profits rise on oil prices",
    [
        "BP said its profits rose as oil prices reached record levels.",
        "BP will return more cash to shareholders, BP said.",
    ],
    {"BP": "organization"},
    "2004-12-16",
)


def told(groups: list[StoryGroup]) -> list[tuple[str, ...]]:
    """The stories of more than one article."""
    return [g.members for g in groups if len(g.members) > 1]


def test_reports_of_one_saga_are_one_story_and_a_passing_mention_is_not() -> None:
    corpus = [*SALE, OIL_MARKET, OTHER_OIL]
    stories = detect(corpus, resolve(corpus))
    assert told(stories) == [("y1", "y2", "y3")]
    assert sorted(g.members for g in stories if len(g.members) == 1) == [("m1",), ("o1",)]


def test_a_long_silence_splits_a_story() -> None:
    later = report(
        "y9",
        "Yukos unit back at auction",
        [
            "Russia will auction Yuganskneftegaz again, years after the Yukos affair.",
            "The Yuganskneftegaz sale is new, officials said.",
        ],
        YUKOS,
        "2008-06-01",
    )
    corpus = [*SALE, later]
    assert told(detect(corpus, resolve(corpus))) == [("y1", "y2", "y3")]


def test_the_same_report_filed_twice_is_named_as_a_copy() -> None:
    copy = report("y1b", SALE[0].title, [s.text for s in SALE[0].sentences], YUKOS, "2004-11-20")
    corpus = [*SALE, copy]
    (story,) = [g for g in detect(corpus, resolve(corpus)) if len(g.members) > 1]
    assert story.copies == {"y1b": "y1"} and story.reports == ["y1", "y2", "y3"]
    assert copies_in(SALE) == {}


def test_two_versions_under_one_headline_are_one_story_and_a_recurring_headline_is_not() -> None:
    # No actor of theirs is rare enough to propose a story: only the headline and the
    # shared runs of words tell that two versions report one speech.
    speech = [
        "The chancellor told party members in Gateshead that the economy was strong.",
        "He said the government would keep interest rates and inflation low for families.",
        "Party members cheered as he promised more money for schools and hospitals.",
    ]
    first = report("c1", "Chancellor rallies party voters", speech, {})
    update = report(
        "c2",
        "Chancellor rallies party voters",
        [*speech[:2], "Opposition leaders said the promises could not be paid for without higher taxes."],
        {},
    )
    weekly = [
        report("q1", "Questions to the minister", ["Members asked about rail fares and bus routes."], {}),
        report("q2", "Questions to the minister", ["Members asked about farm subsidies and quotas."], {}),
    ]
    corpus = [first, update, *weekly]
    assert told(detect(corpus, resolve(corpus))) == [("c1", "c2")]
    assert told(detect(corpus, resolve(corpus), apart=[("c1", "c2")])) == []


def test_reports_whose_only_actor_is_in_every_story_meet_by_their_heaviest_words() -> None:
    # The Justice Department is in more articles than may propose a story; the case's
    # rare words (tobacco, racketeering) still bring its two reports together.
    agency = {"Justice Department": "organization"}

    def filed(slug: str, title: str, text: str) -> Dossier:
        return report(slug, title, [text, "The Justice Department gave no more details."], agency)

    fillers = [
        filed(f"f{i}", f"Report number {i}", f"The Justice Department on topic{i} and item{i}.")
        for i in range(60)
    ]
    case = [
        filed(
            "t1",
            "Court rejects tobacco racketeering case",
            "A court rejected the Justice Department tobacco racketeering case.",
        ),
        filed(
            "t2", "Appeal in tobacco racketeering case", "The Justice Department appealed the tobacco ruling."
        ),
    ]
    corpus = [*fillers, *case]
    assert told(detect(corpus, resolve(corpus))) == [("t1", "t2")]


def test_the_editor_joins_keeps_apart_and_names_stories() -> None:
    corpus = [*SALE, OIL_MARKET, OTHER_OIL]
    ids = resolve(corpus)
    joined = detect(corpus, ids, join=[("m1", "y2")], apart=[("y3", "y1")])
    members = sorted(sorted(s) for s in told(joined))
    assert ["m1", "y1", "y2"] in members and all("y3" not in m or "y1" not in m for m in members)
    alone = [*SALE[:2], report("y3", SALE[2].title, [s.text for s in SALE[2].sentences], YUKOS, "2004-12-23")]
    alone[2].story = "own"
    assert told(detect(alone, resolve(alone))) == [("y1", "y2")]
    for d in (OIL_MARKET, OTHER_OIL):
        d.story = "oil-week"
    named = detect([OIL_MARKET, OTHER_OIL], resolve([OIL_MARKET, OTHER_OIL]))
    assert told(named) == [("m1", "o1")]
    OIL_MARKET.story = OTHER_OIL.story = None


def test_the_story_page_tells_what_is_new_merges_the_timeline_and_answers_questions() -> None:
    first, second, third = (
        report(d.slug, d.title, [s.text for s in d.sentences], YUKOS, d.date) for d in SALE
    )
    first.events = [
        Event(
            "2004-12-19",
            "19 December",
            "The auction of Yuganskneftegaz is set for 19 December.",
            ["s3"],
            ahead=True,
        )
    ]
    third.events = [
        Event(
            "2004-12-19",
            "on Sunday",
            "Rosneft paid for Yuganskneftegaz through a shell company that won the Yukos auction.",
            ["s2"],
        )
    ]
    second.events = [
        Event(
            "2004-12-20",
            "Monday",
            "The Yuganskneftegaz auction would go ahead, Russian officials said.",
            ["s2"],
        )
    ]
    corpus = build_corpus([first, second, third, OIL_MARKET, OTHER_OIL])
    (story,) = corpus.stories.values()
    assert [d.slug for d in story.reports] == ["y1", "y2", "y3"] and story.title == third.title
    assert [c.slug for c in story.brief] == ["y3"]
    assert any("shell company" in c.text for c in story.new)
    (question,) = [q for q in story.questions if q.slug == "y1"]
    assert question.answer is not None and question.answer.slug == "y3"
    assert [d.subject for d in story.disagreements] == ["date of the auction (Yuganskneftegaz)"]
    assert corpus.story_of("y2") is story and corpus.story_of("m1") is None
    assert {a.name for a in story.actors} >= {"Yukos", "Yuganskneftegaz", "Rosneft"}


def test_story_addresses_stay_put_as_reports_arrive() -> None:
    first = build_corpus([*SALE[:2]])
    (path,) = [s.path for s in first.stories.values()]
    later = build_corpus([*SALE], book=first.addresses)
    assert [s.path for s in later.stories.values()] == [path]
    overrides = parse_overrides({"stories": {"apart": [["y1", "y2"]]}})
    assert build_corpus([*SALE], overrides=overrides).stories
    assert not build_corpus([*SALE], overrides=overrides).stories.keys() - {path}


def test_story_scores_count_b_cubed_and_mention_only_joins() -> None:
    labels = {
        "section": "b",
        "stories": {"sale": {"articles": ["b-1.txt", "b-2.txt", "b-3.txt"]}},
        "duplicates": [["b-1.txt", "b-4.txt"]],
        "mention_only": {"sale": ["b-5.txt"]},
    }
    system = {"b-1.txt": "x", "b-2.txt": "x", "b-3.txt": "y", "b-4.txt": "x", "b-5.txt": "y", "b-6.txt": "z"}
    scores = story_scores(labels, system)
    # Labelled: sale = {1, 2, 3, 4 (the copy of 1)}; the system splits off 3.
    assert scores.labelled.items == 4
    assert round(scores.labelled.precision, 3) == 1.0
    assert round(scores.labelled.recall, 3) == round((3 / 4 * 3 + 1 / 4) / 4, 3)
    assert scores.section.items == 6  # b-5 and b-6 as stories of their own
    assert scores.mention_only_joined == [("b-5.txt", "sale")]


SAGA = {
    "harbour-1.md": (
        "Brightwater Harbour sale proposed",
        "2025-03-03",
        "The Calder Council has proposed selling Brightwater Harbour to Maren Shipping. "
        "Maren Shipping offered 40 million pounds for Brightwater Harbour. "
        "Council leader Ada Reyes said the Brightwater Harbour sale would pay for new schools.",
    ),
    "harbour-2.md": (
        "Brightwater Harbour sale faces vote",
        "2025-03-10",
        "Councillors will vote on the Brightwater Harbour sale to Maren Shipping next week. "
        "Maren Shipping raised its Brightwater Harbour offer to 45 million pounds. "
        "Ada Reyes said the Calder Council would decide on 17 March.",
    ),
    "harbour-3.md": (
        "Calder Council approves Brightwater Harbour sale",
        "2025-03-18",
        "The Calder Council approved the sale of Brightwater Harbour to Maren Shipping on Monday. "
        "Maren Shipping will pay 45 million pounds for Brightwater Harbour. "
        "Ada Reyes said the vote on Brightwater Harbour was a good day for Calder.",
    ),
    "orchestra.md": (
        "Tovey Orchestra names new conductor",
        "2025-03-12",
        "The Tovey Orchestra has named Ilse Brandt as its new conductor. "
        "Ilse Brandt will lead the Tovey Orchestra from September. "
        "The orchestra said Ilse Brandt had been its guest conductor for two years.",
    ),
}


def saga_project(folder: Path, own: str | None = None) -> Project:
    project = make_project(folder)
    for name, (title, date, text) in SAGA.items():
        story = "story: own\n" if name == own else ""
        meta = f"---\ntitle: {title}\ndate: {date}\n{story}---\n\n"
        (project.seeds / name).write_text(meta + text + "\n", encoding="utf-8")
    return project


def test_stories_reach_the_site_and_the_stories_command(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = saga_project(tmp_path / "p")
    assert main(["--project", str(project.root), "generate", "--jobs", "1"]) == 0
    capsys.readouterr()
    assert main(["--project", str(project.root), "stories", "--json"]) == 0
    stories = json.loads(capsys.readouterr().out)["stories"]
    assert set(stories[0]) == {"slug", "title", "url", "seeds", "updated"}
    saga = stories[0]
    assert saga["seeds"] == ["seeds/harbour-1.md", "seeds/harbour-2.md", "seeds/harbour-3.md"]
    assert saga["title"] == "Calder Council approves Brightwater Harbour sale"
    assert saga["updated"] == "2025-03-18"
    assert saga["url"] == f"stories/{saga['slug']}/"
    assert [s["seeds"] for s in stories[1:]] == [["seeds/orchestra.md"]]
    assert stories[1]["url"] == "explainers/orchestra/"
    page = (project.docs / "stories" / f"{saga['slug']}.md").read_text(encoding="utf-8")
    for report in ("harbour-1", "harbour-2", "harbour-3"):
        assert f"../../explainers/{report}/" in page
    assert "../../explainers/orchestra/" not in page
    explainer = (project.docs / "explainers" / "harbour-1.md").read_text(encoding="utf-8")
    assert f'href="../../stories/{saga["slug"]}/"' in explainer
    listing = (project.docs / "stories" / "index.md").read_text(encoding="utf-8")
    assert f'href="{saga["slug"]}/"' in listing
    labels = tmp_path / "labels.yml"
    labels.write_text(
        "section: harbour\nstories:\n  sale:\n    articles: [harbour-1.md, harbour-2.md, harbour-3.md]\n"
        "mention_only:\n  sale: [orchestra.md]\n",
        encoding="utf-8",
    )
    assert main(["--project", str(project.root), "eval", "--stories", str(labels)]) == 0
    table = capsys.readouterr().out
    assert "| labels, labelled stories | 3 | 1.000 | 1.000 | 1.000 | 0 |" in table


def test_story_own_keeps_an_article_out_of_its_story(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = saga_project(tmp_path / "p", own="harbour-2.md")
    assert main(["--project", str(project.root), "stories", "--json"]) == 0
    told = [s["seeds"] for s in json.loads(capsys.readouterr().out)["stories"]]
    assert ["seeds/harbour-1.md", "seeds/harbour-3.md"] in told and ["seeds/harbour-2.md"] in told


def test_a_bad_story_name_is_refused_with_its_file(tmp_path: Path) -> None:
    project = saga_project(tmp_path / "p")
    (project.seeds / "bad.md").write_text(
        "---\nstory: Not A Name!\n---\n\nSome text here.\n", encoding="utf-8"
    )
    with pytest.raises(SeedError, match="story"):
        read_seed(project.seeds / "bad.md", project.seeds)
    with pytest.raises(ValueError, match="two explainers"):
        parse_overrides({"stories": {"join": [["only-one"]]}})


def test_a_story_named_in_most_headlines_keeps_only_reports_that_name_it_or_match_it_closely() -> None:
    from generator.corpus.stories import Features, Vector, _named_apart

    def feat(slug: str, headline: set[str], words: dict[str, float]) -> Features:
        return Features(
            slug, None, Vector.of({"person:jamie foxx": 1.0}), Vector.of(words), frozenset(headline)
        )

    oscars = {"oscar": 2.0, "academi": 2.0, "nomin": 1.0, "ceremoni": 1.0}
    feats = {f"o{i}": feat(f"o{i}", {"oscar", f"w{i}"}, oscars) for i in range(6)}
    feats["bafta"] = feat("bafta", {"bafta", "glori"}, {"bafta": 3.0, "london": 2.0, "oscar": 0.5})
    feats["retold"] = feat("retold", {"academi", "night"}, oscars)  # the same report in other words
    members = [*feats]
    parts = _named_apart(members, feats, {})
    assert parts == [[*(f"o{i}" for i in range(6)), "retold"], ["bafta"]]
    assert _named_apart(members, feats, {"bafta": "oscars"}) == [members]  # the editor's word stands


def test_a_big_story_no_headline_word_names_is_told_again_more_strictly() -> None:
    from generator.corpus.stories import Features, Vector, _named_apart

    def feat(slug: str, words: dict[str, float]) -> Features:
        return Features(slug, None, Vector.of({"org:lib dems": 1.0}), Vector.of(words), frozenset({slug}))

    students = {"student": 3.0, "fees": 2.0, "campaign": 1.0}
    buyers = {"homebuyer": 3.0, "stamp": 2.0, "campaign": 1.0}
    feats = {f"s{i}": feat(f"s{i}", students) for i in range(3)} | {
        f"b{i}": feat(f"b{i}", buyers) for i in range(3)
    }
    assert _named_apart([*feats], feats, {}) == [["s0", "s1", "s2"], ["b0", "b1", "b2"]]
    # a story its headlines name is not split: "Yukos" in every headline
    named = {k: Features(f.slug, None, f.actors, f.words, frozenset({"yukos", k})) for k, f in feats.items()}
    assert _named_apart([*named], named, {}) == [[*named]]


def test_an_article_read_before_its_story_joins_it_in_the_last_look_and_a_passing_one_stays_alone() -> None:
    from generator.corpus.stories import Features, Vector, _settled

    common = Vector.of({"person:prime minister": 1.0})  # an actor in hundreds of articles

    def feat(slug: str, words: dict[str, float]) -> Features:
        return Features(slug, None, common, Vector.of(words))

    budget = {"budget": 3.0, "chancellor": 2.0, "spending": 2.0, "tax": 1.0}
    feats = {
        "a-early": feat("a-early", {"budget": 3.0, "chancellor": 2.0, "date": 2.0}),
        "b1": feat("b1", budget),
        "b2": feat("b2", {**budget, "pensions": 1.0}),
        "c-passing": feat("c-passing", {"budget": 0.5, "hospital": 3.0, "nurses": 3.0}),
    }
    groups = [["a-early"], ["b1", "b2"], ["c-passing"]]
    assert _settled(groups, feats, {}, {}) == [["a-early", "b1", "b2"], ["c-passing"]]
    # the editor's word stands: an article the editor put in a story of its own stays there
    assert _settled(groups, feats, {"a-early": "own"}, {}) == groups
    assert _settled(groups, feats, {}, {"a-early": {"b2"}}) == groups  # corpus.yml keeps them apart


def test_a_story_is_named_by_the_word_most_of_its_headlines_share_not_every_common_one() -> None:
    """Five of seven Bafta reports name the Bafta, four a film that won there: the film's
    Oscar hopes in a headline without "Bafta" are not the Bafta story."""
    from generator.corpus.stories import Features, Vector, _named_apart

    def feat(slug: str, headline: set[str], words: dict[str, float]) -> Features:
        return Features(
            slug, None, Vector.of({"person:mike leigh": 1.0}), Vector.of(words), frozenset(headline)
        )

    bafta = {"bafta": 3.0, "ceremoni": 2.0, "london": 1.0}
    feats = {f"b{i}": feat(f"b{i}", {"bafta", f"w{i}"}, bafta) for i in range(3)}
    feats |= {f"v{i}": feat(f"v{i}", {"bafta", "vera", f"x{i}"}, bafta) for i in range(2)}
    feats["vera-award"] = feat("vera-award", {"vera", "scoop"}, {"scoop": 2.0, "award": 2.0, "bafta": 0.3})
    feats["oscar-hopes"] = feat("oscar-hopes", {"vera", "oscar"}, {"oscar": 3.0, "nomin": 2.0, "bafta": 0.3})
    parts = _named_apart([*feats], feats, {})
    assert parts == [["b0", "b1", "b2", "v0", "v1"], ["vera-award"], ["oscar-hopes"]]
