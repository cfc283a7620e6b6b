"""The built site in a real browser: Debian's Chromium driven by Playwright, offline.

Material loads Mermaid from a CDN; here that request is answered with the npm copy
in tests/browser/node_modules, and every other request off 127.0.0.1 is refused,
so a page that needs the network fails the test instead of hanging.
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
        elif "mermaid" in url and url.endswith(".js"):
            r.fulfill(path=str(MERMAID), content_type="application/javascript")  # type: ignore[attr-defined]
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
    cite = page.locator("#open-questions ~ ul a.cite").first  # type: ignore[attr-defined]
    target = "#" + str(cite.get_attribute("href")).split("#", 1)[1]  # Material makes hrefs absolute
    cite.click()
    page.wait_for_function(f"location.hash === '{target}'")  # type: ignore[attr-defined]
    sentence = page.locator(f"li{target}")  # type: ignore[attr-defined]
    assert sentence.evaluate("el => getComputedStyle(el).outlineStyle") == "solid"
    assert sentence.evaluate(
        "el => el.getBoundingClientRect().top >= 0 && el.getBoundingClientRect().top < innerHeight"
    )
    other = page.locator("li#s1")  # type: ignore[attr-defined]
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


def test_diagrams_render(page: object, site: str) -> None:
    page.goto(site + EXPLAINER)  # type: ignore[attr-defined]
    # Material replaces each <pre class="mermaid"> with a rendered <div class="mermaid">.
    page.wait_for_function("document.querySelectorAll('div.mermaid').length === 2", timeout=15_000)  # type: ignore[attr-defined]
    assert page.locator("pre.mermaid").count() == 0  # type: ignore[attr-defined]


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


def test_search_index_holds_explainers_and_entity_pages_only(built: Project) -> None:
    """Lists and archive parts repeat the explainers; each page indexed costs every reader
    bytes, so Pagefind indexes only explainers and entity pages."""
    entry = json.loads((built.site / "pagefind" / "pagefind-entry.json").read_text())
    indexed = entry["languages"]["en"]["page_count"]
    docs = built.docs
    explainers = [p for p in (docs / "explainers").glob("*.md") if p.name != "index.md"]
    entities = [
        p for d in ("systems", "stakeholders") for p in (docs / d).glob("*.md") if p.name != "index.md"
    ]
    assert len(explainers) == 8 and indexed == len(explainers) + len(entities)
