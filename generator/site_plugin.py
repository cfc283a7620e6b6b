"""The MkDocs plugin `explainer` (mkdocs.yml: `plugins: [explainer]`): adds the
generator's own scripts to every site it builds.

- Mermaid, served from the site itself: Material otherwise fetches it from unpkg.com,
  so diagrams stay blank on an intranet or where third-party scripts are blocked.
- Citation tooltips: a citation shows its source sentence on hover and on focus.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files

ASSETS = Path(__file__).resolve().parent / "assets"
FOLDER = "assets/explainer"
# Loaded on every page, in this order; mermaid.min.js only when a page draws a diagram.
SCRIPTS = ("mermaid-loader.js", "cite.js")
FILES = (*SCRIPTS, "mermaid.min.js", "mermaid-LICENSE.txt")


class ExplainerPlugin(BasePlugin):
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        for name in SCRIPTS:
            if f"{FOLDER}/{name}" not in map(str, config.extra_javascript):
                config.extra_javascript.append(f"{FOLDER}/{name}")
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        for name in FILES:
            uri = f"{FOLDER}/{name}"
            if files.get_file_from_path(uri) is None:  # a file of the same name in docs/ wins
                files.append(File.generated(config, uri, abs_src_path=str(ASSETS / "explainer" / name)))
        return files
