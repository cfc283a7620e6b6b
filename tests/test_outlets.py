"""The press as a source: a paper's whole name, an outlet's review or report, the
outlets the media pack knows, and a participle the parse hangs on a noun (text written
for the tests)."""

from __future__ import annotations

from generator.analyze import analyze
from generator.analyze.packs import KnowledgeBase
from tests.test_realnews import seed


def test_a_papers_name_keeps_its_masthead_word(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "The campaign cost the state roughly $449,000, according to the Sioux Falls Argus "
            "Leader. Senate Leader, Ahmad Lawan, raised a motion on Tuesday."
        ),
        kb,
    )
    assert [(a.source, a.claim) for a in d.attributions][:1] == [
        ("Sioux Falls Argus Leader", "The campaign cost the state roughly $449,000")
    ]
    names = {s.name for s in d.stakeholders}
    assert "Sioux Falls Argus" not in names and "Senate Leader" not in names


def test_an_outlets_review_is_the_outlets_claim(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Google Stadia launches tomorrow. According to The Verge’s Stadia review, the "
            "streaming platform does not run its launch title at full resolution. Eurogamer’s "
            "review said the game renders at a lower resolution."
        ),
        kb,
    )
    found = [(a.source, a.named) for a in d.attributions]
    assert found == [("The Verge", True), ("Eurogamer", True)]
    assert {(s.name, s.kind) for s in d.stakeholders} >= {("The Verge", "media"), ("Eurogamer", "media")}


def test_a_company_named_like_its_paper_stays_the_company(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Daily Mail & General Trust said profits rose. The Hollywood Foreign Press "
            "Association said the show would go on."
        ),
        kb,
    )
    assert [a.source for a in d.attributions] == [
        "Daily Mail and General Trust",
        "Hollywood Foreign Press Association",
    ]


def test_a_verb_the_parse_reads_as_an_adjective_says_nothing(kb: KnowledgeBase) -> None:
    d = analyze(
        seed(
            "Prior to launch Google promised players would be able to tap into powerful 10.7 "
            "teraflop hardware, allowing anybody to play games at 4k."
        ),
        kb,
    )
    assert [a.claim for a in d.attributions if a.claim.startswith("Prior")] == []
