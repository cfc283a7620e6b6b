"""The files that make a site's Pages workflow install the generator the editor uses:
the generator's line in `requirements.txt` and, for a generator that is not on PyPI,
its wheel under `vendor/`. `explainer init` writes them; `explainer upgrade` brings
them to the generator installed now.

The rules are the ones docs/ has (generator/site.py): the site's manifest
(`.explainer-manifest.json` in its root) lists the files the generator wrote, with
their digests. A file it does not list, or one edited since, is the editor's: never
overwritten or deleted; the report says what to change by hand instead.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from .origin import (
    DISTRIBUTION,
    VENDOR,
    SiteInstall,
    installed_origin,
    same_archive,
    site_install,
    wheel_version,
)
from .site import MANIFEST, manifest_text, read_manifest, sha256, write_atomic

REQUIREMENTS = "requirements.txt"
TEMPLATE = Path(__file__).resolve().parent / "scaffold" / REQUIREMENTS
# The generator's line, in each form the generator writes: a pin, a direct reference,
# a path to its wheel or sdist.
_GENERATOR_LINE = re.compile(
    r"^\s*(seed[-_.]explainer\s*(==|@).*|\S*\bseed_explainer-[^/\s]+\.(whl|tar\.gz))\s*$", re.I
)


@dataclass
class InstallReport:
    before: str  # the generator's line in requirements.txt before ('' if none)
    new_version: str
    requirement: str  # the line that installs the generator now
    written: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)  # the editor's files, left as they are
    notes: list[str] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.written or self.removed)

    def versions(self) -> str:
        """'seed-explainer 0.3.0 -> 0.4.0', or the earlier line when it names no version."""
        old = line_version(self.before)
        if old:
            return f"{DISTRIBUTION} {old} -> {self.new_version}"
        return f"`{self.before or 'no generator named'}` -> {DISTRIBUTION} {self.new_version}"


def requirements_text(requirement: str) -> str:
    return TEMPLATE.read_text(encoding="utf-8").replace("{requirement}", requirement)


def generator_line(text: str) -> str:
    """The line of a requirements file that installs the generator ('' if none does)."""
    return next((line.strip() for line in text.splitlines() if _GENERATOR_LINE.match(line)), "")


def line_version(line: str) -> str:
    if "==" in line:
        return line.split("==", 1)[1].split(";")[0].strip()
    return wheel_version(line.rsplit("/", 1)[-1])


def upgrade_site(root: Path) -> InstallReport:
    """Point the site at the generator installed now."""
    return install_files(root, site_install(installed_origin()), replace=True)


def install_files(root: Path, install: SiteInstall, replace: bool) -> InstallReport:
    """Write the files that install `install` into the site at `root`. `replace`: a file
    the generator wrote (and nobody edited since) may be replaced; without it, as in
    `explainer init --force`, every file already there stays as it is."""
    requirements = root / REQUIREMENTS
    before = generator_line(requirements.read_text(encoding="utf-8")) if requirements.is_file() else ""
    report = InstallReport(before, install.version, install.requirement)
    old = read_manifest(root)
    new = dict(old)
    if install.vendored:
        vendored = f"{VENDOR}/{install.vendored}"
        if not _put(root, vendored, install.data, old, new, report, replace, same_archive):
            report.notes.append(
                f"{vendored} is not the file the generator wrote there; left as it is, and "
                f"{REQUIREMENTS} with it. Move it away, then run `explainer upgrade` again."
            )
            return report
    text = requirements_text(install.requirement).encode("utf-8")
    if _put(root, REQUIREMENTS, text, old, new, report, replace, _same_bytes):
        _remove_earlier(root, install, old, new, report)
    else:
        change = f"make its line `{before}` read" if before else "add the line"
        report.notes.append(
            f"{REQUIREMENTS} is the editor's (not as the generator wrote it); left as it is. "
            f"For the Pages workflow to install {DISTRIBUTION} {install.version}, {change} "
            f"`{install.requirement}`, then delete the files under {VENDOR}/ it no longer names."
        )
    if new != old:
        write_atomic(root / MANIFEST, manifest_text(new))
        report.written.append(MANIFEST)
    return report


def _same_bytes(data: bytes, path: Path) -> bool:
    return path.read_bytes() == data


def _put(
    root: Path,
    rel: str,
    data: bytes,
    old: dict[str, str],
    new: dict[str, str],
    report: InstallReport,
    replace: bool,
    same: Callable[[bytes, Path], bool],
) -> bool:
    """Make `rel` hold `data` unless it is the editor's: whether it now does."""
    path = root / rel
    if path.is_file():
        on_disk = sha256(path.read_bytes())
        if same(data, path):
            new[rel] = on_disk  # already as the generator would write it
            return True
        if not replace or old.get(rel) != on_disk:
            report.kept.append(rel)
            return False
    write_atomic(path, data)
    new[rel] = sha256(data)
    report.written.append(rel)
    return True


def _remove_earlier(
    root: Path, install: SiteInstall, old: dict[str, str], new: dict[str, str], report: InstallReport
) -> None:
    """The generator's files under vendor/ that requirements.txt no longer names."""
    current = f"{VENDOR}/{install.vendored}" if install.vendored else ""
    for rel in sorted(old):
        if not rel.startswith(f"{VENDOR}/") or rel == current:
            continue
        path = root / rel
        if path.is_file() and sha256(path.read_bytes()) != old[rel]:
            report.kept.append(rel)
            report.notes.append(f"{rel} was changed by hand since the generator wrote it; left as it is")
            continue
        path.unlink(missing_ok=True)
        del new[rel]
        report.removed.append(rel)
    vendor = root / VENDOR
    if report.removed and vendor.is_dir() and not any(vendor.iterdir()):
        vendor.rmdir()
