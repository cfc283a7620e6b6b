"""The generator as a newsroom gets it, before it is on PyPI: the release build (sdist
and wheel), `explainer init` run by the wheel installed in a fresh virtual environment,
then, in another fresh environment, the site's own Pages workflow: its install step,
with no package index (only the site's files and the generator's dependencies), then
its check and build steps.

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
import yaml

from generator import __version__
from generator.origin import CHECKOUT_LOCAL
from tests.conftest import FIXTURES, ROOT

pytestmark = pytest.mark.slow


def run(
    args: list[str], cwd: Path, timeout: int = 600, env: dict[str, str] | None = None
) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "VIRTUAL_ENV")}
    result = subprocess.run(
        args,
        cwd=cwd,
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, f"{' '.join(args)}\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    return result


def fresh_venv(folder: Path) -> Path:
    """A new virtual environment with a current pip, as any set-up (and setup-python) has."""
    venv.create(folder, with_pip=True)
    run(
        [str(folder / "bin" / "python"), "-m", "pip", "install", "--quiet", "--upgrade", "pip"], folder.parent
    )
    return folder / "bin"


def release_build(tmp_path: Path) -> tuple[Path, Path]:
    """The sdist and the wheel, as the release workflow makes them (`python -m build`:
    the sdist, then the wheel from it), from a copy of the sources."""
    source = tmp_path / "src"
    shutil.copytree(ROOT, source, ignore=shutil.ignore_patterns(*CHECKOUT_LOCAL))
    dist = tmp_path / "dist"
    run([sys.executable, "-m", "build", "--outdir", str(dist), str(source)], tmp_path)
    sdist = dist / f"seed_explainer-{__version__}.tar.gz"
    wheel = dist / f"seed_explainer-{__version__}-py3-none-any.whl"
    assert sorted(dist.iterdir()) == [wheel, sdist]  # the version written once is both files'
    return sdist, wheel


def workflow_steps(site: Path) -> tuple[str, list[dict[str, str]]]:
    """The generated Pages workflow's install step, and the steps that run `explainer`."""
    pages = yaml.safe_load((site / ".github" / "workflows" / "pages.yml").read_text())
    steps = [s for s in pages["jobs"]["build"]["steps"] if "run" in s]
    (install,) = [s["run"] for s in steps if "pip install" in s["run"]]
    return install, [s for s in steps if s["run"].startswith("explainer ")]


def runner_env(bin_dir: Path, wheelhouse: Path) -> dict[str, str]:
    """The runner, without the package index: pip finds the generator's dependencies in
    `wheelhouse`, and the generator itself only where requirements.txt points."""
    return {
        "PATH": f"{bin_dir}{os.pathsep}{os.environ['PATH']}",
        "PIP_CONFIG_FILE": os.devnull,  # no index or find-links from this machine's pip.conf
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(wheelhouse),
        "SITE_URL": "https://example.org/",
    }


def test_a_site_made_from_the_wheel_publishes_with_its_own_workflow(tmp_path: Path) -> None:
    _, wheel = release_build(tmp_path)

    # The editor: the wheel in a fresh environment (init needs nothing but the
    # generator: the full install is the runner's, below), then a new site.
    editor = fresh_venv(tmp_path / "editor")
    run([str(editor / "pip"), "install", "--quiet", "--no-deps", str(wheel)], tmp_path)
    run([str(editor / "explainer"), "init", "mysite"], tmp_path)
    site = tmp_path / "mysite"
    assert (site / "vendor" / wheel.name).read_bytes() == wheel.read_bytes()

    # The generator's dependencies, and nothing else, where the runner's pip can find them.
    wheelhouse = tmp_path / "wheelhouse"
    run(
        [sys.executable, "-m", "pip", "wheel", "--quiet", "--wheel-dir", str(wheelhouse), str(wheel)],
        tmp_path,
    )
    (wheelhouse / wheel.name).unlink()
    assert not list(wheelhouse.glob("seed_explainer*"))

    # The runner: another fresh environment, and the workflow's own steps in the site's root.
    runner = fresh_venv(tmp_path / "runner")
    env = runner_env(runner, wheelhouse)
    install_step, explainer_steps = workflow_steps(site)
    start = time.perf_counter()
    install = run(["bash", "-e", "-c", install_step], site, timeout=900, env=env)
    installed = time.perf_counter() - start
    assert [line for line in install.stderr.splitlines() if line.strip()] == []  # no warning
    origin = run(
        [str(runner / "python"), "-c", "import importlib.metadata as m; "
         "print(m.distribution('seed-explainer').read_text('direct_url.json'))"],
        site,
    )  # fmt: skip
    assert json.loads(origin.stdout)["url"] == (site / "vendor" / wheel.name).as_uri()
    # Installed from the site's own copy (as its README's set-up does), the generator
    # finds the site up to date.
    assert "nothing changed" in run([str(runner / "explainer"), "upgrade"], site).stderr

    start = time.perf_counter()
    first = publish(site, explainer_steps, env)
    built = time.perf_counter() - start
    print(f"\nrunner's install {installed:.1f} s, check + build {built:.1f} s")
    # `explainer check` analyses the seed; the build reuses its analysis.
    assert "1 seeds checked: 0 errors, 0 warnings" in first["check"].stderr, first["check"].stderr
    assert "1 seed: 0 analysed, 1 unchanged (cached), 0 failed" in first["build"].stderr
    # As on a second push: one seed more.
    shutil.copy(FIXTURES / "pages" / "isles-win.html", site / "seeds" / "isles-win.html")
    second = publish(site, explainer_steps, env)
    assert "2 seeds: 0 analysed, 2 unchanged (cached), 0 failed" in second["build"].stderr
    for output in (*first.values(), *second.values()):
        assert "warning:" not in (output.stdout + output.stderr).lower(), output.stderr
    check_built_site(site / "site")


def publish(
    site: Path, steps: list[dict[str, str]], env: dict[str, str]
) -> dict[str, subprocess.CompletedProcess[str]]:
    """The workflow's `explainer` steps, run as its runner does: by verb."""
    outputs = {
        step["run"].split()[1]: run(["bash", "-e", "-c", step["run"]], site, env=env) for step in steps
    }
    assert list(outputs) == ["check", "build"]
    return outputs


def check_built_site(out: Path) -> None:
    for page in ("index.html", "explainers/example/index.html", "explainers/isles-win/index.html",
                 "systems/nasams/index.html", "search/index.html"):  # fmt: skip
        assert (out / page).is_file(), page
    assert json.loads((out / "pagefind" / "shards.json").read_text())["bundles"]
    assert "<entry>" in (out / "feed.xml").read_text()
    page = (out / "explainers" / "isles-win" / "index.html").read_text()
    # Escaped once: the browser reads the title back as the page has it (pages are minified).
    titles = re.findall(r'<meta content="([^"]*)" property=og:title>', page)
    assert [html.unescape(t) for t in titles] == [
        "Nelson's OT goal lifts Isles past Rangers & extends streak"
    ]
    assert "<link href=https://example.org/explainers/isles-win/ rel=canonical>" in page  # SITE_URL
    assert "assets/explainer/cite.js" in page
