"""The built site in a real browser: Debian's Chromium driven by Playwright, offline.

Every request off the site (127.0.0.1) is refused and fails the test: diagrams must
draw with the Mermaid the site serves itself, as on an intranet.
"""

from __future__ import annotations

import functools
import json
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.cli import main
from generator.project import Project
from tests.conftest import FIXTURES, SEED, make_project

playwright_api = pytest.importorskip("playwright.sync_api")

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ASSETS = Path(__file__).resolve().parent / "browser" / "node_modules"
MERMAID = ASSETS / "mermaid" / "dist" / "mermaid.min.js"
AXE = ASSETS / "axe-core" / "axe.min.js"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]

if not (Path(CHROMIUM).exists() and MERMAID.exists() and AXE.exists()):
    if os.environ.get("CI"):
        raise RuntimeError(
            "browser tests need chromium and tests/browser/node_modules: run scripts/install-browser.sh"
        )
    pytest.skip(
        "chromium or browser test assets missing (scripts/install-browser.sh)", allow_module_level=True
    )

pytestmark = pytest.mark.slow
CORPUS = sorted(p for p in (FIXTURES / "corpus").iterdir() if p.suffix != ".yml")
EXPLAINER = "explainers/000_ed7684f39ec5ab6e/"


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Project:
    project: Project = make_project(tmp_path_factory.mktemp("browser") / "proj", [SEED, *CORPUS])
    (project.seeds / "zz-long-line.txt").write_text(
        "Officials said " + "averyverylongwordwithoutspaces" * 60 + ".\n"
    )
    assert main(["--project", str(project.root), "build", "--jobs", "1"]) == 0
    return project


@pytest.fixture(scope="module")
def site(built: Project) -> Iterator[str]:
    project = built
    server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(project.site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/"
    server.shutdown()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        instance = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser: object, site: str) -> Iterator[object]:
    context = browser.new_context()  # type: ignore[attr-defined]
    errors: list[str] = []
    blocked: list[str] = []

    def route(r: object) -> None:
        url = r.request.url  # type: ignore[attr-defined]
        if url.startswith(site):
            r.continue_()  # type: ignore[attr-defined]
        else:
            blocked.append(url)
            r.abort()  # type: ignore[attr-defined]

    context.route("**/*", route)
    tab = context.new_page()
    tab.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    tab.on("pageerror", lambda e: errors.append(str(e)))
    yield tab
    context.close()
    assert blocked == [], f"requests off the site: {blocked}"
    assert errors == [], f"console errors: {errors}"


def heading(page: object) -> str:
    """The page's h1 without the permalink mark the toc extension appends."""
    return str(page.locator("h1").inner_text()).removesuffix("¶").strip()  # type: ignore[attr-defined]


def test_search_finds_the_explainer_and_opens_it(page: object, site: str) -> None:
    page.goto(site + "search/")  # type: ignore[attr-defined]
    page.fill(".pagefind-modular-input", "S-400")  # type: ignore[attr-defined]
    result = page.locator(f".pagefind-modular-list-link[href$='/{EXPLAINER}']")  # type: ignore[attr-defined]
    result.first.wait_for(timeout=10_000)
    result.first.click()
    page.wait_for_url("**/" + EXPLAINER + "**")  # type: ignore[attr-defined]
    assert heading(page) == "India weighs Russian Su-57 fighters and S-500 air defences"


def test_search_page_takes_the_query_from_its_address(page: object, site: str) -> None:
    page.goto(site + "search/?query=Silver%20Hare")  # type: ignore[attr-defined]
    page.locator("#pagefind-summary", has_text="results for Silver Hare").wait_for(timeout=10_000)  # type: ignore[attr-defined]
    page.locator(".pagefind-modular-list-link").first.wait_for(timeout=10_000)  # type: ignore[attr-defined]
    assert page.input_value(".pagefind-modular-input") == "Silver Hare"  # type: ignore[attr-defined]
    assert not page.is_checked("#__search")  # type: ignore[attr-defined]  # Material's search dialog stays shut


def test_builtin_search_box_on_a_small_site(page: object, site: str) -> None:
    page.goto(site)  # type: ignore[attr-defined]
    page.click("input.md-search__input")  # type: ignore[attr-defined]
    page.keyboard.type("Su-57")  # type: ignore[attr-defined]  # Material searches on key events
    hit = page.locator(".md-search-result__link").first  # type: ignore[attr-defined]
    hit.wait_for(timeout=10_000)
    assert "Su-57" in page.locator(".md-search-result").inner_text()  # type: ignore[attr-defined]


def test_claim_links_to_its_highlighted_source_sentence(page: object, site: str) -> None:
    page.goto(site + EXPLAINER)  # type: ignore[attr-defined]
    cite = page.locator("#what-to-watch ~ ul a.cite").first  # type: ignore[attr-defined]
    target = "#" + str(cite.get_attribute("href")).split("#", 1)[1]  # Material makes hrefs absolute
    cite.click()
    page.wait_for_function(f"location.hash === '{target}'")  # type: ignore[attr-defined]
    sentence = page.locator(f"li{target}")  # type: ignore[attr-defined]
    page.wait_for_function(  # type: ignore[attr-defined]
        f"getComputedStyle(document.querySelector('li{target}')).outlineStyle === 'solid'", timeout=5_000
    )
    assert sentence.evaluate(
        "el => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < innerHeight"
    )
    other = page.locator("li#s5" if target != "#s5" else "li#s6")  # type: ignore[attr-defined]
    assert other.evaluate("el => getComputedStyle(el).outlineStyle") == "none"


def test_entity_page_from_the_key_systems_table(page: object, site: str) -> None:
    page.goto(site + EXPLAINER)  # type: ignore[attr-defined]
    page.click("table a:has-text('Su-57')")  # type: ignore[attr-defined]
    page.wait_for_url("**/systems/su-57/")  # type: ignore[attr-defined]
    assert heading(page) == "Su-57"
    assert "Russia pitches Su-57 production" in page.locator("article").inner_text()  # type: ignore[attr-defined]


def test_dark_mode_toggle(page: object, site: str) -> None:
    page.goto(site)  # type: ignore[attr-defined]
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    before = page.evaluate(scheme)  # type: ignore[attr-defined]
    page.locator("form[data-md-component='palette'] label:visible").first.click()  # type: ignore[attr-defined]
    page.wait_for_function(f"{scheme} !== '{before}'")  # type: ignore[attr-defined]
    assert {before, page.evaluate(scheme)} == {"default", "slate"}  # type: ignore[attr-defined]


def test_diagrams_render_with_no_network_but_the_site(page: object, site: str) -> None:
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url))  # type: ignore[attr-defined]
    page.goto(site + EXPLAINER)  # type: ignore[attr-defined]
    # Material replaces each <pre class="mermaid"> with a rendered <div class="mermaid">.
    page.wait_for_function("document.querySelectorAll('div.mermaid').length === 2", timeout=15_000)  # type: ignore[attr-defined]
    assert page.locator("pre.mermaid").count() == 0  # type: ignore[attr-defined]
    assert site + "assets/explainer/mermaid.min.js" in loaded  # the site's own copy, no CDN
    # Each diagram keeps its text equivalent beside it, for screen readers.
    assert page.locator("#whos-who ~ div[data-pagefind-ignore] li", has_text="sanctions").count() >= 1  # type: ignore[attr-defined]


def test_pages_without_diagrams_do_not_load_mermaid(page: object, site: str) -> None:
    loaded: list[str] = []
    page.on("request", lambda r: loaded.append(r.url))  # type: ignore[attr-defined]
    page.goto(site + "glossary/")  # type: ignore[attr-defined]
    page.wait_for_load_state("networkidle")  # type: ignore[attr-defined]
    assert not [u for u in loaded if u.endswith("mermaid.min.js")]


def test_vendored_mermaid_is_the_pinned_npm_release() -> None:
    """scripts/vendor-mermaid.sh copies the version tests/browser/package.json pins."""
    from generator.site_plugin import ASSETS

    assert (ASSETS / "mermaid.min.js").read_bytes() == MERMAID.read_bytes()


def _section(page: object, heading_id: str) -> object:
    """The content between one h2 and the next."""
    return page.evaluate(  # type: ignore[attr-defined]
        """id => { const out = []; let el = document.getElementById(id).nextElementSibling;
                 while (el && el.tagName !== 'H2') { out.push(el.outerHTML); el = el.nextElementSibling; }
                 return out.join(''); }""",
        heading_id,
    )


def test_in_brief_comes_first_short_and_cited(page: object, site: str) -> None:
    page.goto(site + EXPLAINER)  # type: ignore[attr-defined]
    first = page.locator("article h2").first  # type: ignore[attr-defined]
    assert first.get_attribute("id") == "in-brief"
    brief = page.locator(".explainer-brief")  # type: ignore[attr-defined]
    cites = brief.locator("a.cite")
    words = len(str(brief.inner_text()).split()) - cites.count()
    assert 0 < words < 80
    # Each sentence of the brief is the article's own, followed by its citation.
    parts = brief.evaluate(
        "el => { const out = []; let text = '';"
        " for (const n of el.childNodes) { if (n.nodeType === 1 && n.matches('a.cite'))"
        " { out.push([text.trim(), n.getAttribute('href')]); text = ''; } else { text += n.textContent; } }"
        " out.push([text.trim(), null]); return out; }"
    )
    assert parts[-1] == ["", None], "text after the last citation is uncited"
    assert len(parts) >= 3  # two sentences at least
    for text, href in parts[:-1]:
        sid = href.split("#", 1)[1]
        assert text == page.locator(f"ol.source-text li#{sid}").inner_text().strip()  # type: ignore[attr-defined]


def test_news_and_background_are_apart(page: object, site: str) -> None:
    page.goto(site + EXPLAINER)  # type: ignore[attr-defined]
    news, background = _section(page, "whats-new"), _section(page, "background")
    # (Material makes the links absolute: match their ends.)
    assert '#s7"' in str(news) and '#s7"' not in str(background)  # the S-400 approval
    assert '#s6"' in str(background) and '#s6"' not in str(news)  # "has long relied"


def test_key_systems_say_what_each_system_is(page: object, site: str) -> None:
    page.goto(site + EXPLAINER)  # type: ignore[attr-defined]
    row = str(page.locator("#key-systems ~ div tr", has_text="Su-57").first.inner_text())  # type: ignore[attr-defined]
    assert "fighter aircraft" in row and "made by Sukhoi" in row and "in service since 2020" in row
    assert "knowledge pack: systems" in row


def test_citation_tooltip_on_hover_and_on_focus(page: object, site: str) -> None:
    page.goto(site + EXPLAINER)  # type: ignore[attr-defined]
    cite = page.locator(".explainer-brief a.cite").nth(1)  # type: ignore[attr-defined]
    sid = str(cite.get_attribute("href")).split("#", 1)[1]
    sentence = str(page.locator(f"ol.source-text li#{sid}").inner_text()).strip()  # type: ignore[attr-defined]
    tip = page.locator(".cite-tip[role=tooltip]")  # type: ignore[attr-defined]
    cite.hover()
    tip.wait_for(state="visible", timeout=5_000)
    assert sentence in str(tip.inner_text())
    assert cite.get_attribute("aria-describedby") == tip.get_attribute("id")
    page.mouse.move(0, 0)  # type: ignore[attr-defined]
    tip.wait_for(state="detached", timeout=5_000)
    # The keyboard: tab onto a citation, read it, close it with Escape.
    for _ in range(200):  # Tab from the top until the citation has the focus
        page.keyboard.press("Tab")  # type: ignore[attr-defined]
        if cite.evaluate("el => el === document.activeElement"):
            break
    else:
        raise AssertionError("the citation cannot be reached with Tab")
    tip.wait_for(state="visible", timeout=5_000)
    assert sentence in str(tip.inner_text())
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    tip.wait_for(state="detached", timeout=5_000)


def test_long_unbroken_text_does_not_break_the_layout(page: object, site: str) -> None:
    page.goto(site + "explainers/zz-long-line/")  # type: ignore[attr-defined]
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "path", ["", EXPLAINER, "systems/su-57/", "search/", "timeline/", "questions/", "tags/"]
)
def test_no_serious_accessibility_violations(page: object, site: str, path: str) -> None:
    page.goto(site + path)  # type: ignore[attr-defined]
    # Check the page as a reader gets it: diagrams drawn, search UI mounted.
    page.wait_for_function("document.querySelectorAll('pre.mermaid').length === 0", timeout=15_000)  # type: ignore[attr-defined]
    if path == "search/":
        page.locator(".pagefind-modular-input").wait_for()  # type: ignore[attr-defined]
    page.add_script_tag(path=str(AXE))  # type: ignore[attr-defined]
    violations = page.evaluate(  # type: ignore[attr-defined]
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    serious = [v for v in violations if v["impact"] in ("serious", "critical")]
    assert serious == [], serious


def test_search_index_holds_explainers_stories_and_entity_pages_only(built: Project) -> None:
    """Lists and archive parts repeat the explainers; each page indexed costs every reader
    bytes, so Pagefind indexes only explainers, stories and the pages of entities many
    explainers name, split in bundles the search page merges."""
    bundles = json.loads((built.site / "pagefind" / "shards.json").read_text())["bundles"]
    assert len(bundles) >= 2
    indexed = 0
    for bundle in bundles:
        entry = json.loads((built.site / "pagefind" / bundle / "pagefind-entry.json").read_text())
        indexed += entry["languages"]["en"]["page_count"]
    docs = built.docs
    explainers = [p for p in (docs / "explainers").glob("*.md") if p.name != "index.md"]
    entities = [
        p
        for d in ("systems", "stakeholders", "stories")
        for p in (docs / d).glob("*.md")
        if p.name != "index.md" and "search_index: true" in p.read_text()
    ]
    assert len(explainers) == 8 and entities and indexed == len(explainers) + len(entities)
