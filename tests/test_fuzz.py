"""Property-based tests: whatever the seed text or metadata, the generator reports a
clear error or produces Markdown that renders safely and builds."""

from __future__ import annotations

import datetime as dt
import functools
import random
import re
import shutil
import tempfile
from pathlib import Path

import markdown
import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.analyze import analyze_many
from generator.analyze.packs import KnowledgeBase
from generator.cli import main
from generator.errors import SeedError
from generator.project import Project
from generator.render import environment, render_explainer
from generator.seeds import FIELDS, Seed, read_seed
from tests.conftest import ROOT, make_project

FRAGMENTS = [
    "India is reportedly considering buying 140 Su-57 fighters from Russia.",
    "According to Reuters, citing two officials, the S-400 could arrive on December 4-5.",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    "[x](javascript:alert(3))",
    "![i](http://e/x.png)",
    "<!-- c -->",
    "{{ config }}",
    "{% raw %}",
    '!!! note "t"',
    "??? x",
    '--8<-- "a.md"',
    "*bold* _em_ `code`",
    "| a | b |",
    "# heading",
    "> quote",
    "1. item",
    "- item",
    "{: .cls #id }",
    "&amp; &lt;",
    "\\",
    "С-400 and C-500 and Su-5.",
    "It is unclear whether talks will resume.",
    "The potential deal, if finalized, would be worth $5 billion.",
    "\u200b\u202e",
    "🙂",
    "Ω≈ç√",
    "x" * 3000,
    ":smile:",
    "[^1]",
    "*[HTML]: Hyper",
    "$$x$$",
    "~~del~~",
    "==mark==",
]
SEPARATORS = [" ", "\n", "\n\n", "\r\n", "\t", ""]


@functools.cache
def site_markdown() -> tuple[list[object], dict[str, object]]:
    """The Markdown extensions and settings of the real site, from mkdocs.yml."""
    from mkdocs.config import load_config

    from generator.site import write_mkdocs_defaults

    with tempfile.TemporaryDirectory() as folder:
        shutil.copy(ROOT / "mkdocs.yml", Path(folder) / "mkdocs.yml")
        (Path(folder) / "docs").mkdir()
        write_mkdocs_defaults(Project(Path(folder)).mkdocs_defaults)
        config = load_config(str(Path(folder) / "mkdocs.yml"))
    return config.markdown_extensions, config.mdx_configs


def hostile_text(rng: random.Random, noise: str = "") -> str:
    parts = [rng.choice(FRAGMENTS) for _ in range(rng.randint(1, 8))]
    text = "".join(p + rng.choice(SEPARATORS) for p in parts)
    return text + noise


class _Stats:
    rendered = 0
    rejected = 0


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False), st.text(max_size=200))
def test_any_text_renders_to_safe_markdown(kb: KnowledgeBase, rng: random.Random, noise: str) -> None:
    text = hostile_text(rng, noise)
    seed = Seed(
        path=Path("fuzz.txt"), slug="fuzz", title=text[:80] or "t", date=dt.date(2025, 1, 1), text=text
    )
    ((_, result),) = analyze_many([seed], kb)
    if isinstance(result, str):
        assert result.startswith("fuzz.txt: ") and "internal error" not in result
        _Stats.rejected += 1
        return
    page = render_explainer(
        environment(), result, {"entity_links": {}, "related": [], "conflicts": [], "tag_links": []}
    )
    extensions, configs = site_markdown()
    html = markdown.markdown(page.split("---", 2)[2], extensions=extensions, extension_configs=configs)
    tags = re.findall(r"<([a-zA-Z][\w-]*)([^>]*)>", html)
    allowed = {
        "h1",
        "h2",
        "h3",
        "p",
        "ul",
        "ol",
        "li",
        "a",
        "strong",
        "small",
        "br",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "div",
        "em",
        "span",
    }
    for name, attrs in tags:
        if name in ("pre", "code"):  # only the diagrams' code blocks, built from sanitised labels
            assert name == "code" or 'class="mermaid"' in attrs, attrs
            continue
        assert name in allowed, name
        assert not re.search(r"\son\w+\s*=", attrs), attrs
        assert "javascript:" not in attrs
    assert "<!--" not in html
    _Stats.rendered += 1


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_read_or_clear_error(tmp_path_factory: pytest.TempPathFactory, data: bytes) -> None:
    path = tmp_path_factory.mktemp("b") / "seed.txt"
    path.write_bytes(data)
    try:
        seed = read_seed(path)
    except SeedError as err:
        assert str(path) in str(err)
    else:
        assert seed.text.strip()


META_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=False)
    | st.text(max_size=30)
    | st.dates().map(str),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=8), children, max_size=3)
    ),
    max_leaves=6,
)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from([*FIELDS, "author", "Title", "x"]), META_VALUES, max_size=6))
def test_any_front_matter_read_or_clear_error(tmp_path_factory: pytest.TempPathFactory, meta: dict) -> None:
    path = tmp_path_factory.mktemp("m") / "seed.md"
    path.write_text("---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\nThe S-400 arrived.\n")
    try:
        seed = read_seed(path)
    except SeedError as err:
        assert str(path) in str(err)
    else:
        assert seed.slug and seed.title and seed.text == "The S-400 arrived."


def test_fuzzed_seeds_build_with_mkdocs_strict(tmp_path: Path) -> None:
    project = make_project(tmp_path / "p")
    rng = random.Random(2026)
    for i in range(12):
        (project.seeds / f"fuzz-{i:02d}.txt").write_text(hostile_text(rng), encoding="utf-8")
    status = main(["--project", str(project.root), "build", "--jobs", "1", "--no-pagefind"])
    assert status in (0, 1)  # 1: some fuzz seeds have no sentences; the rest must build
    assert len(list((project.site / "explainers").glob("fuzz-*/index.html"))) >= 6
