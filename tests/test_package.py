"""The generator as a newsroom gets it: the wheel, installed in a fresh virtual
environment outside this repository, makes a new site that builds.

Slow (pip installs the dependencies, from its cache when warm); run in CI. Times are
printed, not asserted: bench/RESULTS.md records them.
"""

from __future__ import annotations

import html
import json
import os
import re
import shutil
import subprocess
import sys
import time
import venv
from pathlib import Path

import pytest

from tests.conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow
# What a checkout holds besides the sources: not copied into the wheel's build.
LOCAL = (".venv", ".git", "site", ".cache", ".explainer", "node_modules", "*.egg-info", "build", ".*_cache")


def run(args: list[str], cwd: Path, timeout: int = 600) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        args, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout, check=False
    )
    assert result.returncode == 0, f"{' '.join(args)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def test_wheel_in_a_fresh_environment_makes_a_site(tmp_path: Path) -> None:
    # The wheel, built from a copy of the sources (the build leaves files beside them).
    source = tmp_path / "src"
    shutil.copytree(
        ROOT,
        source,
        ignore=shutil.ignore_patterns(*LOCAL),
    )
    wheels = tmp_path / "wheels"
    run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(wheels), str(source)],
        tmp_path,
    )
    (wheel,) = wheels.glob("seed_explainer-*.whl")

    fresh = tmp_path / "env"
    venv.create(fresh, with_pip=True)
    pip = [str(fresh / "bin" / "python"), "-m", "pip"]
    run([*pip, "install", "--quiet", "--upgrade", "pip"], tmp_path)  # as any fresh set-up does
    start = time.perf_counter()
    install = run([*pip, "install", "--quiet", str(wheel)], tmp_path, timeout=900)
    installed = time.perf_counter() - start
    # No warning from the install itself (this machine's pip may note index folders it
    # cannot read: not the package's doing).
    noise = [
        line
        for line in install.stderr.splitlines()
        if line.strip() and "is ignored: it is neither" not in line
    ]
    assert noise == [], noise
    explainer = str(fresh / "bin" / "explainer")
    # Not importing from this checkout: the installed package carries its own data.
    where = run(
        [str(fresh / "bin" / "python"), "-c", "import generator; print(generator.__file__)"], tmp_path
    )
    assert str(fresh) in where.stdout

    start = time.perf_counter()
    init = run([explainer, "init", "mysite"], tmp_path)
    site = tmp_path / "mysite"
    first = run([explainer, "build"], site)
    built = time.perf_counter() - start
    print(f"\ninstall {installed:.1f} s, init + build {built:.1f} s")
    assert "1 seed: 1 analysed, 0 unchanged" in first.stderr, first.stderr
    # As on a second push: one new seed, and only it is analysed.
    shutil.copy(FIXTURES / "pages" / "isles-win.html", site / "seeds" / "isles-win.html")
    build = run([explainer, "build"], site)

    for output in (init, first, build):
        assert "warning" not in (output.stdout + output.stderr).lower(), output.stderr
    assert "2 seeds: 1 analysed, 1 unchanged" in build.stderr
    out = site / "site"
    for page in ("index.html", "explainers/example/index.html", "explainers/isles-win/index.html",
                 "systems/nasams/index.html", "search/index.html"):  # fmt: skip
        assert (out / page).is_file(), page
    assert json.loads((out / "pagefind" / "shards.json").read_text())["bundles"]
    assert "<entry>" in (out / "feed.xml").read_text()
    page = (out / "explainers" / "isles-win" / "index.html").read_text()
    # Escaped once: the browser reads the title back as the page has it.
    titles = re.findall(r'<meta content="([^"]*)" property=og:title>', page)
    assert [html.unescape(t) for t in titles] == [
        "Nelson's OT goal lifts Isles past Rangers & extends streak"
    ]
    assert "assets/explainer/cite.js" in page
    # A second build with nothing new analyses nothing.
    again = run([explainer, "build"], site)
    assert "0 analysed, 2 unchanged" in again.stderr
