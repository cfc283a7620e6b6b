"""The MkDocs plugin `explainer` (listed in the package's default mkdocs.yml): what every
explainer site gets from the package rather than from its own files.

- The site's styles and scripts, served from the package (a project's `docs/assets/` is
  for its own files): citation tooltips, the Pagefind search page's loader, and Mermaid,
  served by the site itself since Material otherwise fetches it from unpkg.com and
  diagrams stay blank on an intranet or where third-party scripts are blocked.
- An Atom feed of the newest explainers (`feed.xml`), announced on every page.
- Open Graph and Twitter card tags on every page, so a shared link shows a card.
"""

from __future__ import annotations

import datetime as dt
import html
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

ASSETS = Path(__file__).resolve().parent / "assets"
FOLDER = "assets/explainer"
STYLES = ("explainer.css",)
# Loaded on every page, in this order; mermaid.min.js only when a page draws a diagram.
SCRIPTS = ("search.js", "mermaid-loader.js", "cite.js")
FILES = (*STYLES, *SCRIPTS, "mermaid.min.js", "mermaid-LICENSE.txt")
FEED = "feed.xml"
FEED_ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedEntry:
    date: dt.date
    title: str
    summary: str
    url: str


def _is_explainer(page: Page) -> bool:
    uri = page.file.src_uri
    return uri.startswith("explainers/") and uri.count("/") == 1 and uri != "explainers/index.md"


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def atom_feed(entries: list[FeedEntry], site_name: str, description: str, site_url: str) -> str:
    """The newest explainers as an Atom feed. Dates are the articles' own, so the same
    site gives the same bytes (no build time in it); undated explainers are left out."""
    ET.register_namespace("", ATOM)
    newest = sorted(entries, key=lambda e: (-e.date.toordinal(), e.title, e.url))[:FEED_ENTRIES]
    feed = ET.Element(f"{{{ATOM}}}feed")

    def add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
        el = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
        el.text = text
        return el

    add(feed, "title", site_name)
    if description:
        add(feed, "subtitle", description)
    add(feed, "link", href=site_url, rel="alternate")
    add(feed, "link", href=site_url + FEED, rel="self")
    add(feed, "id", site_url)
    add(feed, "updated", f"{newest[0].date.isoformat()}T00:00:00Z" if newest else "1970-01-01T00:00:00Z")
    for e in newest:
        entry = add(feed, "entry")
        add(entry, "title", e.title)
        add(entry, "link", href=e.url, rel="alternate")
        add(entry, "id", e.url)
        add(entry, "updated", f"{e.date.isoformat()}T00:00:00Z")
        if e.summary:
            add(entry, "summary", e.summary)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _meta(page: Page, key: str) -> str:
    """A front-matter text as plain text: the generator writes it HTML-escaped (Material
    prints the title through `striptags`, which un-escapes)."""
    return html.unescape(str(page.meta.get(key) or ""))


def head_tags(page: Page, config: MkDocsConfig) -> str:
    """<link rel="alternate"> to the feed, and the Open Graph / Twitter card tags."""
    title = _meta(page, "title") or str(page.title or config.site_name)
    description = _meta(page, "description") or config.site_description or ""
    tags = [("link", {"rel": "alternate", "type": "application/atom+xml", "title": config.site_name,
                      "href": get_relative_url(FEED, page.url)})]  # fmt: skip
    properties = {
        "og:type": "article" if _is_explainer(page) else "website",
        "og:site_name": config.site_name,
        "og:title": title,
        "og:description": description,
    }
    if page.canonical_url:
        properties["og:url"] = page.canonical_url
    tags += [("meta", {"property": k, "content": v}) for k, v in properties.items() if v]
    cards = {"twitter:card": "summary", "twitter:title": title, "twitter:description": description}
    tags += [("meta", {"name": k, "content": v}) for k, v in cards.items() if v]
    return "".join(
        f"<{tag} " + " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in attrs.items()) + ">\n"
        for tag, attrs in tags
    )


class ExplainerPlugin(BasePlugin):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.entries: list[FeedEntry] = []
        for name in STYLES:
            if f"{FOLDER}/{name}" not in config.extra_css:
                config.extra_css.append(f"{FOLDER}/{name}")
        for name in SCRIPTS:
            if f"{FOLDER}/{name}" not in map(str, config.extra_javascript):
                config.extra_javascript.append(f"{FOLDER}/{name}")
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for name in FILES:
            uri = f"{FOLDER}/{name}"
            if files.get_file_from_path(uri) is None:  # a file of the same name in docs/ wins
                files.append(File.generated(config, uri, abs_src_path=str(ASSETS / name)))
        return files

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if _is_explainer(page):
            date = _date(page.meta.get("date"))
            if date is not None:
                url = page.canonical_url or page.url
                title = _meta(page, "title") or str(page.title)
                self.entries.append(FeedEntry(date, title, _meta(page, "description"), url))
        head = output.find("</head>")
        return output if head < 0 else output[:head] + head_tags(page, config) + output[head:]

    def on_post_build(self, config: MkDocsConfig) -> None:
        site_url = config.site_url or ""
        feed = atom_feed(self.entries, config.site_name, config.site_description or "", site_url)
        (Path(config.site_dir) / FEED).write_text(feed, encoding="utf-8")
