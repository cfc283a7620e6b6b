"""`explainer init`: a new site that builds, with its feed and link-preview tags, and
templates a site can override by name."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

import pytest

import generator
from generator import origin
from generator.cli import main
from generator.newsite import FILES, init_site
from generator.site_plugin import ATOM, FEED_ENTRIES, FeedEntry, atom_feed
from generator.upgrade import generator_line
from tests.conftest import elements

pytestmark = pytest.mark.slow
ROOT = Path(__file__).resolve().parent.parent


def test_init_creates_a_site_and_never_overwrites(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = tmp_path / "city-desk"
    assert main(["init", str(site)]) == 0
    for rel in FILES:
        assert (site / rel).is_file(), rel
    mkdocs = (site / "mkdocs.yml").read_text()
    assert 'site_name: "City Desk"' in mkdocs and "INHERIT: .explainer/mkdocs-defaults.yml" in mkdocs
    assert ".cache/" in (site / ".gitignore").read_text()
    assert generator_line((site / "requirements.txt").read_text())
    assert (site / ".explainer" / "mkdocs-defaults.yml").is_file()
    # A folder with something in it is refused...
    capsys.readouterr()
    assert main(["init", str(site)]) == 2
    assert "not empty" in capsys.readouterr().err
    # ... and --force adds what is missing, leaving what is there (edited or not) alone.
    (site / "README.md").write_text("Our own notes.\n")
    (site / "seeds" / "example.txt").unlink()
    assert main(["init", "--force", str(site)]) == 0
    assert (site / "README.md").read_text() == "Our own notes.\n"
    assert (site / "seeds" / "example.txt").is_file()
    assert "kept README.md" in capsys.readouterr().err


def test_a_site_made_from_a_checkout_carries_a_wheel_of_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "desk"
    checkout = origin.Origin("checkout", "", str(ROOT))
    init_site(site, origin=checkout)
    (wheel,) = (site / "vendor").iterdir()
    assert wheel.name == f"seed_explainer-{generator.__version__}-py3-none-any.whl"
    assert generator_line((site / "requirements.txt").read_text()) == f"./vendor/{wheel.name}"
    with zipfile.ZipFile(wheel) as archive:
        names = set(archive.namelist())
        meta = archive.read(f"seed_explainer-{generator.__version__}.dist-info/METADATA").decode()
    # The package's data travels in it, and the version written once is the wheel's.
    assert {"generator/templates/explainer.md.j2", "generator/scaffold/pages.yml"} <= names
    assert f"\nVersion: {generator.__version__}\n" in meta
    # The checkout built again, unchanged, makes no change to the site.
    monkeypatch.setattr(origin, "_BUILT", {})
    monkeypatch.setattr("generator.upgrade.installed_origin", lambda: checkout)
    capsys.readouterr()
    assert main(["--project", str(site), "upgrade"]) == 0
    assert "nothing changed" in capsys.readouterr().err


def test_an_initialised_site_builds_with_feed_and_cards(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "desk"
    assert main(["init", str(site)]) == 0
    (site / "seeds" / "isles.html").write_bytes(
        (Path(__file__).parent / "fixtures/pages/isles-win.html").read_bytes()
    )
    capsys.readouterr()
    assert main(["--project", str(site), "build", "--jobs", "1"]) == 0
    err = capsys.readouterr().err
    assert "2 seeds: 2 analysed, 0 unchanged" in err and "warning" not in err.lower()
    built = site / "site"
    page = (built / "explainers" / "example" / "index.html").read_text()
    assert "Northland plans to buy four NASAMS" in page
    assert (built / "pagefind" / "shards.json").is_file()
    assert (built / "assets" / "explainer" / "mermaid.min.js").is_file()
    # The feed: both explainers, newest first, with their In brief as summary.
    feed = ET.parse(built / "feed.xml").getroot()
    entries = feed.findall(f"{{{ATOM}}}entry")
    titles = [e.findtext(f"{{{ATOM}}}title") for e in entries]
    assert titles == [
        "Example article: Northland plans to buy NASAMS air defences",  # 2026-03-02
        "Nelson's OT goal lifts Isles past Rangers & extends streak",  # 2026-02-08
    ]
    link = entries[0].find(f"{{{ATOM}}}link")
    assert link is not None and link.get("href") == "https://example.org/explainers/example/"
    assert (entries[0].findtext(f"{{{ATOM}}}summary") or "").startswith("Northland plans to buy")
    # Every page announces the feed and carries a card.
    for html in (
        page,
        (built / "systems" / "nasams" / "index.html").read_text(),
        (built / "index.html").read_text(),
    ):
        tags = elements(html)
        assert any(t == "link" and a.get("type") == "application/atom+xml" and
                   re.fullmatch(r"[./]*feed.xml", a.get("href") or "") for t, a in tags)  # fmt: skip
        assert ("meta", {"property": "og:site_name", "content": "Desk"}) in tags
        assert ("meta", {"name": "twitter:card", "content": "summary"}) in tags
    tags = elements(page)
    assert ("meta", {"property": "og:type", "content": "article"}) in tags
    title = "Example article: Northland plans to buy NASAMS air defences"
    assert ("meta", {"property": "og:title", "content": title}) in tags
    assert ("meta", {"property": "og:url", "content": "https://example.org/explainers/example/"}) in tags


def test_a_template_in_the_site_overrides_the_packages(tmp_path: Path) -> None:
    site = tmp_path / "desk"
    assert main(["init", str(site)]) == 0
    (site / "templates" / "glossary.md.j2").write_text("---\ntitle: Terms\n---\n\n# Our own glossary page\n")
    assert main(["--project", str(site), "generate", "--jobs", "1"]) == 0
    assert "# Our own glossary page" in (site / "docs" / "glossary.md").read_text()
    # The other pages still come from the package's templates.
    assert "## In brief" in (site / "docs" / "explainers" / "example.md").read_text()
    # Removing the override brings the package's page back.
    (site / "templates" / "glossary.md.j2").unlink()
    assert main(["--project", str(site), "generate", "--jobs", "1"]) == 0
    assert "# Our own glossary page" not in (site / "docs" / "glossary.md").read_text()


def test_feed_is_newest_first_bounded_and_escaped() -> None:
    entries = [
        FeedEntry(dt.date(2025, 1, 1) + dt.timedelta(days=i), f"Story {i} <b>&", "", f"https://x.org/e/{i}/")
        for i in range(FEED_ENTRIES + 5)
    ]
    root = ET.fromstring(atom_feed(entries, "Desk", "", "https://x.org/"))
    titles = [e.findtext(f"{{{ATOM}}}title") for e in root.findall(f"{{{ATOM}}}entry")]
    assert len(titles) == FEED_ENTRIES
    assert titles[0] == f"Story {FEED_ENTRIES + 4} <b>&"  # escaped in the XML, intact when read
    assert root.findtext(f"{{{ATOM}}}updated") == "2025-02-24T00:00:00Z"  # the newest article's day
    assert atom_feed(entries, "Desk", "", "https://x.org/") == atom_feed(
        entries[::-1], "Desk", "", "https://x.org/"
    )


def test_an_undated_seed_is_in_the_feed_on_the_day_first_seen_and_stays_there(tmp_path: Path) -> None:
    from generator.first_seen import record_seen

    site = tmp_path / "desk"
    assert main(["init", str(site)]) == 0
    (site / "seeds" / "plain.txt").write_text(
        "Harbour board approves the new ferry terminal\n\n"
        "The Calder harbour board approved a new ferry terminal on Monday. "
        "The terminal will open next year, the board said.\n",
        encoding="utf-8",
    )
    # As if an earlier run had first seen it: the feed keeps that day, not the build's.
    (site / ".explainer-seen.json").write_text('{"seeds": {"plain.txt": "2020-01-02"}}\n')
    assert main(["--project", str(site), "build", "--jobs", "1"]) == 0
    feed = ET.parse(site / "site" / "feed.xml").getroot()
    entries = {e.findtext(f"{{{ATOM}}}title"): e for e in feed.findall(f"{{{ATOM}}}entry")}
    plain = entries["Harbour board approves the new ferry terminal"]
    assert plain.findtext(f"{{{ATOM}}}updated") == "2020-01-02T00:00:00Z"
    category = plain.find(f"{{{ATOM}}}category")
    assert category is not None and category.get("term") == "undated"
    dated = next(e for t, e in entries.items() if t != "Harbour board approves the new ferry terminal")
    assert dated.find(f"{{{ATOM}}}category") is None
    seen = tmp_path / "seen.json"
    assert record_seen(seen, ["a.txt"], dt.date(2026, 1, 5)) == {"a.txt": "2026-01-05"}
    assert record_seen(seen, ["a.txt", "b.txt"], dt.date(2026, 3, 1)) == {
        "a.txt": "2026-01-05",
        "b.txt": "2026-03-01",
    }
