"""The MkDocs plugin `explainer` (listed in the package's default mkdocs.yml): what every
explainer site gets from the package rather than from its own files.

- The site's styles and scripts, served from the package (a project's `docs/assets/` is
  for its own files): citation tooltips, the Pagefind search page's loader, and Mermaid,
  served by the site itself since Material otherwise fetches it from unpkg.com and
  diagrams stay blank on an intranet or where third-party scripts are blocked.
- An Atom feed of the newest explainers (`feed.xml`), announced on every page.
- Open Graph and Twitter card tags on every page, so a shared link shows a card.
- Pages as small as they can be: minified HTML (minify-html), the icon as a file.
- What an incremental build needs (see sitebuild.py): MkDocs told which files are newer
  than the live site's, the list of the site's files, and the feed read from every
  explainer's front matter, built this time or not.
"""

from __future__ import annotations

import datetime as dt
import html
import os
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

ASSETS = Path(__file__).resolve().parent / "assets"
THEME = Path(__file__).resolve().parent / "theme"  # templates over Material's (see main.html)
FOLDER = "assets/explainer"
STYLES = ("explainer.css",)
# Loaded on every page, in this order; mermaid.min.js only when a page draws a diagram.
SCRIPTS = ("search.js", "mermaid-loader.js", "cite.js")
LOGO = "logo.svg"  # a file, not Material's inline icon: every page would carry the icon twice
FILES = (*STYLES, *SCRIPTS, LOGO, "mermaid.min.js", "mermaid-LICENSE.txt")
FEED = "feed.xml"
FEED_ENTRIES = 50
ATOM = "http://www.w3.org/2005/Atom"


@dataclass(frozen=True)
class FeedEntry:
    date: dt.date
    title: str
    summary: str
    url: str
    undated: bool = False  # dated by the day the project first saw it


def _is_one_of(page: Page, folder: str) -> bool:
    """Whether the page is one of `folder`'s own ("explainers/x.md"), not its index."""
    uri = page.file.src_uri
    return uri.startswith(f"{folder}/") and uri.count("/") == 1 and uri != f"{folder}/index.md"


def _front_matter(page: Page) -> Mapping[str, Any]:
    """A page's front matter, read from its file when the page was not built (an
    incremental build reads only the pages it rebuilds)."""
    if page.meta or not page.file.abs_src_path:
        return page.meta
    from mkdocs.utils.meta import get_data

    with open(page.file.abs_src_path, encoding="utf-8-sig", errors="strict") as handle:
        head = handle.read(4096)  # the front matter opens the file; its end is far before this
    end = head.find("\n---", 4)
    return get_data(head[: end + 5])[1] if head.startswith("---") and end > 0 else {}


def _date(value: Any) -> dt.date | None:
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        return None


def atom_feed(entries: list[FeedEntry], site_name: str, description: str, site_url: str) -> str:
    """The newest explainers as an Atom feed. Dates are the articles' own, or for an
    undated one the day the project first saw it (recorded, so the same site gives the
    same bytes: no build time in it), marked with the category "undated"."""
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
        if e.undated:
            add(
                entry,
                "category",
                term="undated",
                label="Undated article, listed on the day the site first had it",
            )
        if e.summary:
            add(entry, "summary", e.summary)
    ET.indent(feed)
    return ET.tostring(feed, encoding="unicode", xml_declaration=True) + "\n"


def _meta(page: Page, key: str, meta: Mapping[str, Any] | None = None) -> str:
    """A front-matter text as plain text: the generator writes it HTML-escaped (Material
    prints the title through `striptags`, which un-escapes)."""
    return html.unescape(str((page.meta if meta is None else meta).get(key) or ""))


def minify(output: str) -> str:
    """The page without what a browser does not need: whitespace between tags, optional
    quotes and closing tags, comments."""
    import minify_html

    return str(minify_html.minify(output, minify_js=False, minify_css=False))


def head_tags(page: Page, config: MkDocsConfig) -> str:
    """<link rel="alternate"> to the feed, and the Open Graph / Twitter card tags."""
    title = _meta(page, "title") or str(page.title or config.site_name)
    description = _meta(page, "description") or config.site_description or ""
    tags = [("link", {"rel": "alternate", "type": "application/atom+xml", "title": config.site_name,
                      "href": get_relative_url(FEED, page.url)})]  # fmt: skip
    properties = {
        "og:type": "article" if _is_one_of(page, "explainers") else "website",
        "og:site_name": config.site_name,
        "og:title": title,
        "og:description": description,
    }
    if page.canonical_url:
        properties["og:url"] = page.canonical_url
    tags += [("meta", {"property": k, "content": v}) for k, v in properties.items() if v]
    # Twitter's card reads og:title and og:description when its own are missing.
    tags.append(("meta", {"name": "twitter:card", "content": "summary"}))
    return "".join(
        f"<{tag} " + " ".join(f'{k}="{html.escape(v, quote=True)}"' for k, v in attrs.items()) + ">\n"
        for tag, attrs in tags
    )


# Written on every build, whatever changed (MkDocs' own and this plugin's).
ALWAYS_WRITTEN = ("404.html", "sitemap.xml", "sitemap.xml.gz", FEED)


def feed_entries(files: Files) -> list[FeedEntry]:
    """Every explainer, dated by its article or, undated, by the day the project first saw
    it; every story with the date of its latest report (a story is in the feed again when
    it grows); from their front matter (built this time or not)."""
    entries = []
    for file in files.documentation_pages():
        page = file.page
        story = page is not None and _is_one_of(page, "stories")
        if page is None or not (story or _is_one_of(page, "explainers")):
            continue
        meta = _front_matter(page)
        date = _date(meta.get("date")) or _date(meta.get("seen"))
        if date is not None:
            title = _meta(page, "title", meta) or str(page.title)
            title = f"Story: {title}" if story else title
            url = page.canonical_url or page.url
            entries.append(
                FeedEntry(date, title, _meta(page, "description", meta), url, not meta.get("date"))
            )
    return entries


class ExplainerPlugin(BasePlugin):
    # Set by sitebuild.build_site for an incremental build: the site being updated (the
    # build itself writes into an empty staging folder).
    live: Path | None = None
    generated: frozenset[str] = frozenset()  # docs/ pages the generator wrote
    changed: frozenset[str] = frozenset()  # of them, those whose bytes changed since

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.written: set[str] = set()
        # After a site's own custom_dir, before Material's templates.
        dirs = config.theme.dirs
        custom = 1 if config.theme.custom_dir else 0
        if str(THEME) not in dirs:
            dirs.insert(custom, str(THEME))
        if not config.theme.get("logo") and not (config.theme.get("icon") or {}).get("logo"):
            config.theme["logo"] = f"{FOLDER}/{LOGO}"
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
        self.files = files
        self.site_files = [f.dest_uri for f in files if f.inclusion.is_included()] + list(ALWAYS_WRITTEN)
        if self.live is not None:
            self._compare_with(files, self.live)
        return files

    def _compare_with(self, files: Files, live: Path) -> None:
        """What a dirty build writes: a generated page whose bytes changed since the
        live site was built (the docs manifest says, whatever times a checkout gave the
        files), any other file newer than its copy in the live site, anything the live
        site lacks. Answered once: MkDocs asks twice a page."""
        for file in files:
            target = live / file.dest_uri
            try:
                if file.src_uri in self.generated:
                    modified = file.src_uri in self.changed or not target.exists()
                else:
                    src = os.stat(file.abs_src_path) if file.abs_src_path else None
                    modified = src is None or target.stat().st_mtime < src.st_mtime
            except OSError:
                modified = True
            file.is_modified = lambda answer=modified: answer  # type: ignore[method-assign,misc]

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """Material's templates compiled once, not on every build (most of a small
        build's time): Jinja's own bytecode cache, checked against each template's source."""
        from jinja2 import FileSystemBytecodeCache

        folder = Path(config.config_file_path or ".").resolve().parent / ".explainer" / "templates-compiled"
        folder.mkdir(parents=True, exist_ok=True)
        env.bytecode_cache = FileSystemBytecodeCache(str(folder))
        return env

    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        self.written.add(page.file.dest_uri)
        head = output.find("</head>")
        if head >= 0:
            output = output[:head] + head_tags(page, config) + output[head:]
        return minify(output)

    def on_post_build(self, config: MkDocsConfig) -> None:
        site_url = config.site_url or ""
        entries = feed_entries(self.files)
        feed = atom_feed(entries, config.site_name, config.site_description or "", site_url)
        (Path(config.site_dir) / FEED).write_text(feed, encoding="utf-8")
