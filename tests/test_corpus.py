"""The connected site over a corpus of seeds, and the editor's regeneration workflow."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from generator import pipeline
from generator.cli import main
from generator.pipeline import generate
from generator.project import Project
from tests.conftest import FIXTURES, SEED, make_project

CORPUS = sorted(p for p in (FIXTURES / "corpus").iterdir() if p.suffix != ".yml")


def page(project: Project, rel: str) -> str:
    return (project.docs / rel).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project = make_project(tmp_path_factory.mktemp("corpus") / "proj", [SEED, *CORPUS])
    assert main(["--project", str(project.root), "build", "--jobs", "1", "--no-pagefind"]) == 0
    return project


def test_every_seed_has_an_explainer(corpus: Project) -> None:
    names = sorted(p.stem for p in (corpus.docs / "explainers").glob("*.md"))
    assert names == sorted(["index", "000_ed7684f39ec5ab6e", *(p.stem for p in CORPUS)])


def test_entity_pages_say_what_it_is_and_its_part_in_each_story(corpus: Project) -> None:
    su57 = page(corpus, "systems/su-57.md")
    assert (
        '<p class="entity-what">fighter aircraft (Russia) <small>(knowledge pack: systems)</small></p>'
        in su57
    )
    assert "<li><strong>Category:</strong> fighter aircraft</li>" in su57
    assert "<li><strong>Origin:</strong> Russia</li>" in su57
    assert 'href="../../explainers/000_ed7684f39ec5ab6e/"' in su57
    assert 'href="../../explainers/101-su57-offer/"' in su57
    assert "140 Su-57 fighters" in su57  # a sentence naming it, folded under its story
    assert "sentences naming it</summary>" in su57
    putin = page(corpus, "stakeholders/vladimir-putin.md")
    assert "President of Russia" in putin.split("## ", 1)[0]  # what he is, from the pack
    named_with = putin.split("## Named with", 1)[1]
    assert '<a href="../india/">India</a> <small>(' in named_with
    # names no pack lists still get pages, marked as such
    assert "Not in the knowledge packs" in page(corpus, "systems/silver-hare.md")
    # explainer bullets link to entity pages
    assert '<a href="../../systems/su-57/"><strong>Su-57</strong></a>' in page(
        corpus, "explainers/101-su57-offer.md"
    )


def test_timeline_is_in_date_order_with_links(corpus: Project) -> None:
    rows = [r for r in page(corpus, "timeline.md").splitlines() if r.startswith("<tr><td>")]
    links = [re.search(r'href="\.\./explainers/([\w-]+)/#(s\d+)"', r) for r in rows]
    assert rows and all(links)
    labels = [r.removeprefix("<tr><td>").split("</td>")[0] for r in rows]
    assert labels[0] == "December 2019" and labels[-1] == "19 March 2026"
    assert labels.index("4–5 December 2025") > labels.index("27 November 2025")


def test_conflicting_figures_shown_on_both_explainers_and_entity(corpus: Project) -> None:
    for rel in ("explainers/000_ed7684f39ec5ab6e.md", "explainers/101-su57-offer.md", "systems/su-57.md"):
        text = page(corpus, rel)
        assert "Conflicting reports" in text, rel
        assert "140" in text and "120 aircraft" in text
    own = page(corpus, "explainers/000_ed7684f39ec5ab6e.md").split("Conflicting reports", 1)[1]
    assert (
        '<a href="../101-su57-offer/#s1">Russia pitches Su-57 production in India ahead of summit</a>' in own
    )
    assert "Conflicting reports" in page(corpus, "questions.md")


def test_conflicting_dates_for_one_event(corpus: Project) -> None:
    note = page(corpus, "systems/silver-hare.md")
    assert "date of the launch (Silver Hare): 12 March 2026" in note and "19 March 2026" in note
    assert "Conflicting reports" not in page(corpus, "explainers/104-chip-controls.md")


def test_related_explainers_ranked_by_shared_entities(corpus: Project) -> None:
    related = page(corpus, "explainers/101-su57-offer.md").split("## Related explainers", 1)[1]
    first = next(line for line in related.splitlines() if line.startswith("<li>"))
    assert 'href="../000_ed7684f39ec5ab6e/"' in first and "Su-57" in first
    lander = page(corpus, "explainers/105-lander-delay.md").split("## Related explainers", 1)[1]
    first = next(line for line in lander.splitlines() if line.startswith("<li>"))
    assert first.startswith('<li><a href="../103-lunar-lander/">Start-up')


def test_tags_from_front_matter_and_main_entities(corpus: Project) -> None:
    chips = page(corpus, "explainers/104-chip-controls.md").split(
        '<p class="explainer-tags" data-pagefind-ignore>', 1
    )[1]
    chips = chips.split("</p>", 1)[0]
    # the editor's tags lead to tag pages, the main country and system to their own pages
    assert '<a class="md-tag" href="../../tags/technology/">technology</a>' in chips
    assert '<a class="md-tag" href="../../tags/sanctions/">sanctions</a>' in chips
    assert '<a class="md-tag" href="../../stakeholders/china/">China</a>' in chips
    assert '<a class="md-tag" href="../../systems/h20/">H20</a>' in chips
    tagged = page(corpus, "tags/sanctions.md")
    assert "explainers/104-chip-controls/" in tagged and "1 explainer is tagged “sanctions”," in tagged
    assert "2 explainers are tagged “space”," in page(corpus, "tags/space.md")
    index = page(corpus, "tags.md")
    assert '<a href="sanctions/">sanctions</a> · 1 explainer<' in index


def test_glossary_from_packs_and_seeds(corpus: Project) -> None:
    glossary = page(corpus, "glossary.md")
    assert "<strong>CAATSA</strong>: Countering America's Adversaries Through Sanctions Act" in glossary
    assert glossary.count("CAATSA") == 1 and 'href="../explainers/101-su57-offer/#s6"' in glossary


def test_html_seed_uses_trafilatura_body_and_metadata(corpus: Project) -> None:
    text = page(corpus, "explainers/106-saved-page.md")
    assert text.startswith('---\ntitle: "Poland orders more K2 tanks"')
    assert "Article date: 1 August 2025" in text and "Source: Test Defence Daily" in text
    assert "Ten gadgets" not in text and "Subscribe" not in text  # boilerplate dropped
    assert "<strong>K2 Black Panther</strong></a>" in text


def test_unchanged_seeds_are_not_reanalysed(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", [SEED, CORPUS[0]])
    first = generate(project, jobs=1)
    assert (first.analysed, first.cached) == (2, 0)
    again = generate(project, jobs=1)
    assert (again.analysed, again.cached) == (0, 2) and again.write.written == []
    (project.seeds / CORPUS[0].name).write_text(CORPUS[0].read_text() + "\nA new sentence was added.\n")
    third = generate(project, jobs=1)
    assert (third.analysed, third.cached) == (1, 1)


def test_removing_a_seed_removes_its_pages_and_mentions(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", [SEED, *CORPUS[:2]])
    (project.docs / "notes.md").write_text("hand-written\n")
    generate(project, jobs=1)
    assert (project.docs / "systems" / "power-of-siberia-2.md").exists()  # the story's main actor
    (project.seeds / "102-power-of-siberia.txt").unlink()
    (project.seeds / "102-power-of-siberia.yml").unlink()
    report = generate(project, jobs=1)
    assert "explainers/102-power-of-siberia.md" in report.write.removed
    assert not (project.docs / "systems" / "power-of-siberia-2.md").exists()
    assert "102-power-of-siberia" not in page(project, "timeline.md")
    assert "102-power-of-siberia" not in page(project, "stakeholders/russia.md")
    assert (project.docs / "notes.md").read_text() == "hand-written\n"


def test_editor_overrides_survive_regeneration(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p", [SEED])
    sidecar = project.seeds / "000_ed7684f39ec5ab6e.yml"
    sidecar.write_text(
        sidecar.read_text()
        + "summary: India is weighing more Russian arms despite US sanctions risk.\n"
        + "drop: [Asia]\npin: [S-500]\nrename: {Donbas: Donbas region}\n"
        + 'questions: ["Will deliveries start before 2030?"]\n'
    )
    for _ in range(2):  # a second, cached run must keep them too
        generate(project, jobs=1)
        text = page(project, "explainers/000_ed7684f39ec5ab6e.md")
        brief = text.split("## In brief", 1)[1].split("\n## ", 1)[0]
        assert "despite US sanctions risk. <small>(editor's summary)</small>" in brief
        assert 'class="cite"' not in brief  # the editor's words replace the article's sentences
        assert "<strong>Asia</strong>" not in text
        systems = text.split("## Key systems", 1)[1].split("## What to watch", 1)[0]
        assert systems.index("S-500") < systems.index("Su-57")
        assert "<strong>Donbas region</strong>" in text and "(editor)" in text
        assert "Will deliveries start before 2030? <small>(editor's question)</small>" in text


def test_parallel_analysis_matches_serial(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = make_project(tmp_path / "serial", [SEED, *CORPUS])
    generate(serial, jobs=1)
    monkeypatch.setattr(pipeline, "PARALLEL_THRESHOLD", 2)
    parallel = make_project(tmp_path / "parallel", [SEED, *CORPUS])
    report = generate(parallel, jobs=2)
    assert report.analysed == len(CORPUS) + 1

    def files(p: Project) -> dict[str, bytes]:
        return {str(f.relative_to(p.docs)): f.read_bytes() for f in sorted(p.docs.rglob("*.md"))}

    assert files(serial) == files(parallel)


def test_new_copies_normalises_and_refuses_duplicates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path / "p", [])
    article = tmp_path / "draft.txt"
    article.write_text("Officials  confirmed the  S-400 delivery.\r\n\r\n\r\n")
    args = [
        "--project",
        str(project.root),
        "new",
        str(article),
        "--title",
        "S-400 delivered",
        "--date",
        "2026-01-05",
    ]
    assert main(args) == 0
    created = Path(capsys.readouterr().out.strip())
    assert created == project.seeds / "s-400-delivered.txt"
    assert created.read_text() == "Officials  confirmed the  S-400 delivery.\n"
    assert "date: '2026-01-05'" in created.with_suffix(".yml").read_text()
    assert main(args) == 2  # same words again: refused
    assert "already in the corpus" in capsys.readouterr().err
    assert main(["--project", str(project.root), "new", str(article), "--date", "soon"]) == 2


def test_check_validates_and_lists_review_notes(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    project = make_project(tmp_path / "p", [SEED])
    assert main(["--project", str(project.root), "check"]) == 0
    out = capsys.readouterr().out
    assert "[s3] unknown_designation" in out and "[s3] transliteration" in out
    (project.seeds / "bad.md").write_text("---\ndate: tomorrow\n---\nText.")
    assert main(["--project", str(project.root), "check"]) == 1
    assert "bad.md" in capsys.readouterr().err
    shutil.rmtree(project.root)


def test_html_extraction_is_the_same_every_time() -> None:
    from generator.seeds import read_seed

    html_seed = FIXTURES / "corpus" / "106-saved-page.html"
    first, second = read_seed(html_seed), read_seed(html_seed)
    assert first.text == second.text and first.text.count("\n\n") == 4
