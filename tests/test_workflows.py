"""The GitHub Actions workflows: this repository's (Pages, release) and the one every
new site gets, as actionlint reads them; and the release's check of its tag."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import yaml

from generator import __version__
from generator.newsite import init_site
from generator.origin import Origin
from tests.conftest import ROOT

WORKFLOWS = ROOT / ".github" / "workflows"
ACTIONLINT = Path(sys.executable).parent / "actionlint"  # from the test extra


def actionlint(*files: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(ACTIONLINT), "-no-color", "-oneline", *map(str, files)],
        capture_output=True,
        text=True,
        check=False,
    )


def test_workflows_pass_actionlint(tmp_path: Path) -> None:
    init_site(tmp_path / "desk", origin=Origin("index", __version__))
    generated = tmp_path / "desk" / ".github" / "workflows" / "pages.yml"
    ours = sorted(WORKFLOWS.glob("*.yml"))
    assert [p.name for p in ours] == ["pages.yml", "release.yml"]
    result = actionlint(*ours, generated)
    assert result.returncode == 0, result.stdout + result.stderr
    # The linter is really reading them: a misspelt input is an error.
    broken = tmp_path / "broken.yml"
    broken.write_text(generated.read_text().replace("cache-dependency-path:", "cache-dependency-paths:"))
    assert 'input "cache-dependency-paths" is not defined' in actionlint(broken).stdout


def test_release_refuses_a_tag_that_is_not_the_version_built(tmp_path: Path) -> None:
    release = yaml.safe_load((WORKFLOWS / "release.yml").read_text())
    (check,) = [
        s["run"]
        for s in release["jobs"]["build"]["steps"]
        if s.get("name") == "The tag names the version built"
    ]
    dist = tmp_path / "dist"
    dist.mkdir()
    for name in (f"seed_explainer-{__version__}.tar.gz", f"seed_explainer-{__version__}-py3-none-any.whl"):
        (dist / name).touch()

    def tagged(tag: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            ["bash", "-e", "-c", check],
            cwd=tmp_path,
            env={"GITHUB_REF_NAME": tag, "PATH": "/usr/bin:/bin"},
            capture_output=True,
            text=True,
            check=False,
        )

    assert tagged(f"v{__version__}").returncode == 0
    wrong = tagged("v9.9.9")
    assert wrong.returncode != 0 and "v9.9.9 is not the version built" in wrong.stdout
    # The release publishes with PyPI's trusted publishing, from the `pypi` environment.
    publish = release["jobs"]["publish"]
    assert publish["permissions"] == {"id-token": "write"} and publish["environment"]["name"] == "pypi"
    assert publish["steps"][-1]["uses"] == "pypa/gh-action-pypi-publish@release/v1"
