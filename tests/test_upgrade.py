"""Where the generator came from, and the files that make a site's Pages workflow
install the same one: `explainer init` writes them, `explainer upgrade` refreshes them,
and neither touches a file the editor wrote."""

from __future__ import annotations

import hashlib
import json
import zipfile
from pathlib import Path

import pytest

from generator import upgrade
from generator.cli import main
from generator.newsite import init_site
from generator.origin import Origin, origin_from_direct_url, site_install
from generator.site import MANIFEST
from generator.upgrade import REQUIREMENTS, generator_line


def fake_wheel(folder: Path, version: str, body: str = "") -> Path:
    """A wheel file as far as the site's files care: its name, and a RECORD."""
    path = folder / f"seed_explainer-{version}-py3-none-any.whl"
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w") as wheel:
        wheel.writestr("generator/__init__.py", f'__version__ = "{version}"\n{body}')
        record = f"generator/__init__.py,{version}{body}\n"
        wheel.writestr(f"seed_explainer-{version}.dist-info/RECORD", record)
    return path


def wheel_origin(path: Path) -> Origin:
    return Origin("file", "", str(path), hashlib.sha256(path.read_bytes()).hexdigest())


def wheel_site(tmp_path: Path) -> tuple[Path, Path]:
    """A site made by the generator installed from a wheel of 0.3.0: (site, wheel)."""
    wheel = fake_wheel(tmp_path / "downloads", "0.3.0")
    init_site(tmp_path / "desk", origin=wheel_origin(wheel))
    return tmp_path / "desk", wheel


def use(monkeypatch: pytest.MonkeyPatch, origin: Origin) -> None:
    """Make `explainer upgrade` see the generator as installed from `origin`."""
    monkeypatch.setattr(upgrade, "installed_origin", lambda: origin)


def test_where_the_generator_came_from_as_pip_records_it() -> None:
    assert origin_from_direct_url(None, "0.3.0") == Origin("index", "0.3.0")
    wheel = {
        "url": "file:///home/ed/Down%20loads/seed_explainer-0.3.0-py3-none-any.whl",
        "archive_info": {"hash": "sha256=ab", "hashes": {"sha256": "ab"}},
    }
    assert origin_from_direct_url(wheel, "0.3.0") == Origin(
        "file", "0.3.0", "/home/ed/Down loads/seed_explainer-0.3.0-py3-none-any.whl", "ab"
    )
    editable = {"url": "file:///work/explainer", "dir_info": {"editable": True}}
    assert origin_from_direct_url(editable, "0.3.0") == Origin("checkout", "0.3.0", "/work/explainer")
    git = {
        "url": "https://github.com/newsroom/explainer",
        "vcs_info": {"vcs": "git", "commit_id": "1a2b3c", "requested_revision": "main"},
    }
    origin = origin_from_direct_url(git, "0.3.0")
    assert site_install(origin).requirement == (
        "seed-explainer @ git+https://github.com/newsroom/explainer@1a2b3c"  # the commit, not the branch
    )
    local_git = {"url": "file:///work/explainer", "vcs_info": {"vcs": "git", "commit_id": "1a2b3c"}}
    assert origin_from_direct_url(local_git, "0.3.0").kind == "checkout"  # not fetchable by the runner
    web = {"url": "https://example.org/seed_explainer-0.3.0.tar.gz", "archive_info": {}}
    assert site_install(origin_from_direct_url(web, "0.3.0")).requirement == (
        "seed-explainer @ https://example.org/seed_explainer-0.3.0.tar.gz"
    )


def test_a_site_from_pypi_pins_the_version(tmp_path: Path) -> None:
    report = init_site(tmp_path / "desk", origin=Origin("index", "0.3.0"))
    assert generator_line((tmp_path / "desk" / REQUIREMENTS).read_text()) == "seed-explainer==0.3.0"
    assert not (tmp_path / "desk" / "vendor").exists()
    assert report.requirement == "seed-explainer==0.3.0" and "PyPI" in report.origin


def test_a_site_from_a_wheel_carries_it(tmp_path: Path) -> None:
    wheel = fake_wheel(tmp_path / "downloads", "0.3.0")
    site = tmp_path / "desk"
    init_site(site, origin=wheel_origin(wheel))
    assert (site / "vendor" / wheel.name).read_bytes() == wheel.read_bytes()
    assert generator_line((site / REQUIREMENTS).read_text()) == f"./vendor/{wheel.name}"
    manifest = json.loads((site / MANIFEST).read_text())["files"]
    assert set(manifest) == {REQUIREMENTS, f"vendor/{wheel.name}"}


def test_init_refuses_a_wheel_that_is_gone_or_changed_and_writes_nothing(tmp_path: Path) -> None:
    wheel = fake_wheel(tmp_path / "downloads", "0.3.0")
    origin = wheel_origin(wheel)
    fake_wheel(tmp_path / "downloads", "0.3.0", body="# rebuilt since")
    with pytest.raises(Exception, match="has changed since the generator was installed"):
        init_site(tmp_path / "a", origin=origin)
    wheel.unlink()
    with pytest.raises(Exception, match="no longer there"):
        init_site(tmp_path / "b", origin=origin)
    assert not (tmp_path / "a").exists() and not (tmp_path / "b").exists()


def test_upgrade_replaces_the_wheel_and_says_what_changed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site, old = wheel_site(tmp_path)
    new = fake_wheel(tmp_path / "downloads", "0.4.0")
    use(monkeypatch, wheel_origin(new))
    capsys.readouterr()
    assert main(["--project", str(site), "upgrade"]) == 0
    err = capsys.readouterr().err
    assert "seed-explainer 0.3.0 -> 0.4.0" in err
    assert f"wrote vendor/{new.name}" in err and "wrote requirements.txt" in err
    assert f"removed vendor/{old.name}" in err
    assert [p.name for p in (site / "vendor").iterdir()] == [new.name]
    assert generator_line((site / REQUIREMENTS).read_text()) == f"./vendor/{new.name}"
    # Run again: nothing to do, and it says so.
    assert main(["--project", str(site), "upgrade"]) == 0
    assert "nothing changed: the site already installs seed-explainer 0.4.0" in capsys.readouterr().err


def test_upgrade_to_pypi_drops_the_wheel(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site, _ = wheel_site(tmp_path)
    use(monkeypatch, Origin("index", "0.4.0"))
    capsys.readouterr()
    assert main(["--project", str(site), "upgrade"]) == 0
    assert "seed-explainer 0.3.0 -> 0.4.0" in capsys.readouterr().err
    assert generator_line((site / REQUIREMENTS).read_text()) == "seed-explainer==0.4.0"
    assert not (site / "vendor").exists()
    assert set(json.loads((site / MANIFEST).read_text())["files"]) == {REQUIREMENTS}


def test_upgrade_leaves_the_editors_requirements_and_says_what_to_change(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site, old = wheel_site(tmp_path)
    edited = (site / REQUIREMENTS).read_text() + "mkdocs-rss-plugin==1.17.1\n"
    (site / REQUIREMENTS).write_text(edited)
    new = fake_wheel(tmp_path / "downloads", "0.4.0")
    use(monkeypatch, wheel_origin(new))
    capsys.readouterr()
    assert main(["--project", str(site), "upgrade"]) == 1  # something is left to the editor
    err = capsys.readouterr().err
    assert (site / REQUIREMENTS).read_text() == edited
    assert f"make its line `./vendor/{old.name}` read `./vendor/{new.name}`" in err
    # The new wheel is there for that line; the old one stays while the file names it.
    assert sorted(p.name for p in (site / "vendor").iterdir()) == [old.name, new.name]


def test_upgrade_keeps_a_vendored_file_changed_by_hand(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    site, old = wheel_site(tmp_path)
    fake_wheel(site / "vendor", "0.3.0", body="# patched by the editor")
    use(monkeypatch, Origin("index", "0.4.0"))
    assert main(["--project", str(site), "upgrade"]) == 1
    assert (site / "vendor" / old.name).is_file()
    assert generator_line((site / REQUIREMENTS).read_text()) == "seed-explainer==0.4.0"


def test_a_requirements_file_not_written_by_the_generator_is_never_replaced(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "desk"
    init_site(site, origin=Origin("index", "0.3.0"))
    (site / MANIFEST).unlink()  # as in a site made before the manifest
    use(monkeypatch, Origin("index", "0.4.0"))
    assert main(["--project", str(site), "upgrade"]) == 1
    assert "make its line `seed-explainer==0.3.0` read `seed-explainer==0.4.0`" in capsys.readouterr().err
    assert generator_line((site / REQUIREMENTS).read_text()) == "seed-explainer==0.3.0"
    # init --force adds what is missing and leaves requirements.txt alone too.
    (site / "vendor").mkdir()
    report = init_site(site, force=True, origin=Origin("index", "0.5.0"))
    assert REQUIREMENTS in report.kept and REQUIREMENTS not in report.written


def test_upgrade_from_a_git_url_names_the_line_it_replaces(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    site = tmp_path / "desk"
    init_site(site, origin=Origin("url", "0.3.0", "git+https://github.com/newsroom/explainer@1a2b3c"))
    use(monkeypatch, Origin("index", "0.4.0"))
    capsys.readouterr()
    assert main(["--project", str(site), "upgrade"]) == 0
    err = capsys.readouterr().err
    assert (
        "`seed-explainer @ git+https://github.com/newsroom/explainer@1a2b3c` -> seed-explainer 0.4.0" in err
    )
