"""Where the installed generator came from, and what a site needs so that its Pages
workflow (`pip install -r requirements.txt` on GitHub's runner) installs the same one.

pip records where a distribution came from in its `direct_url.json` (PEP 610): there
is none when it was installed by name from an index; otherwise it holds the wheel or
archive file, the folder (a checkout, editable or not) or the git URL. A version pin
only works for a generator on PyPI; a wheel or a checkout travels with the site as a
file under `vendor/`, and a git URL as a direct reference pinned to its commit.
"""

from __future__ import annotations

import hashlib
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import tomllib
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlparse
from urllib.request import url2pathname

from . import __version__
from .errors import ExplainerError

DISTRIBUTION = "seed-explainer"
VENDOR = "vendor"
# What a checkout holds besides its sources: not copied into the wheel's build.
CHECKOUT_LOCAL = (
    ".venv",
    ".git",
    "site",
    ".cache",
    ".explainer",
    "node_modules",
    "*.egg-info",
    "build",
    "dist",
    ".*_cache",
)
# Wheels record their files' dates: a fixed one (the earliest a zip file holds, 1980)
# makes the same sources the same bytes, so `explainer upgrade` of an unchanged
# checkout changes nothing.
REPRODUCIBLE = {"SOURCE_DATE_EPOCH": "315532800"}


@dataclass(frozen=True)
class Origin:
    """`kind`: "index" (installed by name), "file" (a wheel or an sdist on this
    machine), "checkout" (a folder of sources) or "url" (git, or an archive on the web)."""

    kind: str
    version: str
    location: str = ""  # the file or folder, or the URL as pip can install it again
    sha256: str = ""  # of the file, when pip recorded it

    def describe(self) -> str:
        if self.kind == "index":
            return "installed by name from PyPI (or another package index)"
        return {"file": "installed from the file", "checkout": "installed from the checkout"}.get(
            self.kind, "installed from"
        ) + f" {self.location}"


@dataclass(frozen=True)
class SiteInstall:
    """The line of the site's requirements.txt that installs the generator, and the
    file under vendor/ that the line names (if any)."""

    version: str
    requirement: str
    vendored: str = ""  # a file name under vendor/
    data: bytes = b""


def origin_from_direct_url(info: dict[str, object] | None, version: str) -> Origin:
    """The Origin that a distribution's `direct_url.json` (parsed; None when absent) tells."""
    if info is None:
        return Origin("index", version)
    url = str(info.get("url", ""))
    parsed = urlparse(url)
    path = url2pathname(unquote(parsed.path))
    # A repository on this machine is a checkout: GitHub's runner cannot fetch it.
    if parsed.scheme == "file" and ("dir_info" in info or "vcs_info" in info):
        return Origin("checkout", version, path)
    if "vcs_info" in info:
        vcs = info["vcs_info"]
        assert isinstance(vcs, dict)
        commit = vcs.get("commit_id") or vcs.get("requested_revision")
        located = f"{vcs.get('vcs', 'git')}+{url}" + (f"@{commit}" if commit else "")
        return Origin("url", version, _with_subdirectory(located, info))
    if parsed.scheme != "file":
        return Origin("url", version, _with_subdirectory(url, info))
    archive = info.get("archive_info")
    hashes = archive.get("hashes", {}) if isinstance(archive, dict) else {}
    return Origin("file", version, path, str(hashes.get("sha256", "")) if isinstance(hashes, dict) else "")


def _with_subdirectory(url: str, info: dict[str, object]) -> str:
    sub = info.get("subdirectory")
    return f"{url}#subdirectory={sub}" if sub else url


def installed_origin() -> Origin:
    """Where the generator that is running came from, as pip recorded it."""
    package = Path(__file__).resolve().parent
    for dist in metadata.distributions(name=DISTRIBUTION):
        # An installer writes INSTALLER; an .egg-info a build left beside the sources
        # (found first when the checkout is on sys.path) has none, and says nothing.
        if dist.read_text("INSTALLER") is None:
            continue
        text = dist.read_text("direct_url.json")
        origin = origin_from_direct_url(json.loads(text) if text else None, dist.version)
        if _runs_from(dist, origin, package):
            return origin
    # Sources imported without being installed (PYTHONPATH), or not the ones installed.
    if (package.parent / "pyproject.toml").is_file():
        return Origin("checkout", __version__, str(package.parent))
    raise ExplainerError(f"cannot tell where this generator came from: {DISTRIBUTION} is not installed")


def _runs_from(dist: metadata.Distribution, origin: Origin, package: Path) -> bool:
    """Whether the running `package` is the one `dist` installed."""
    if Path(str(dist.locate_file("generator/__init__.py"))).resolve().parent == package:
        return True
    # Installed in editable mode: the sources stay in the checkout.
    return origin.kind == "checkout" and package.is_relative_to(Path(origin.location).resolve())


def site_install(origin: Origin) -> SiteInstall:
    """What a site's requirements.txt (and vendor/) hold to install `origin`'s generator."""
    if origin.kind == "index":
        return SiteInstall(origin.version, f"{DISTRIBUTION}=={origin.version}")
    if origin.kind == "url":
        return SiteInstall(origin.version, f"{DISTRIBUTION} @ {origin.location}")
    if origin.kind == "file":
        name, data = _installed_file(origin)
    else:
        name, data = build_wheel(Path(origin.location))
    # pip reads a path in a requirements file from the folder it runs in: the
    # workflow runs in the site's root.
    version = wheel_version(name) or origin.version
    return SiteInstall(version, f"./{VENDOR}/{name}", vendored=name, data=data)


def _installed_file(origin: Origin) -> tuple[str, bytes]:
    path = Path(origin.location)
    try:
        data = path.read_bytes()
    except OSError:
        raise ExplainerError(
            f"the generator was installed from {path}, which is no longer there: put the file "
            "back, or install the generator again (from PyPI, or from a wheel), then run this again"
        ) from None
    if origin.sha256 and hashlib.sha256(data).hexdigest() != origin.sha256:
        raise ExplainerError(
            f"{path} has changed since the generator was installed from it: install it again "
            f"(pip install --force-reinstall {path}), then run this again"
        )
    return path.name, data


def wheel_version(name: str) -> str:
    """The version in a wheel's or an sdist's file name ('' for another name)."""
    stem = name.removesuffix(".whl").removesuffix(".tar.gz")
    parts = stem.split("-")
    return parts[1] if stem != name and len(parts) >= 2 else ""


_BUILT: dict[str, tuple[str, bytes]] = {}


def build_wheel(checkout: Path) -> tuple[str, bytes]:
    """A wheel of the checkout as it is now: (file name, bytes). Built from a copy of
    the sources, so that the checkout gets no build/ folder (setuptools reuses one,
    and would ship files deleted since)."""
    if not (checkout / "pyproject.toml").is_file():
        raise ExplainerError(f"the generator was installed from {checkout}, which holds no pyproject.toml")
    with tempfile.TemporaryDirectory(prefix="explainer-wheel-") as tmp:
        source = Path(tmp) / "src"
        shutil.copytree(checkout, source, ignore=shutil.ignore_patterns(*CHECKOUT_LOCAL))
        key = _tree_digest(source)
        if key not in _BUILT:  # one build per process for the same sources
            _BUILT[key] = _pip_wheel(source, Path(tmp) / "wheel")
        return _BUILT[key]


def _tree_digest(folder: Path) -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def _pip_wheel(source: Path, out: Path) -> tuple[str, bytes]:
    command = [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "--wheel-dir", str(out)]
    if _build_backend_installed(source / "pyproject.toml"):
        command.append("--no-build-isolation")  # builds offline
    result = subprocess.run(
        [*command, str(source)],
        env={**os.environ, **REPRODUCIBLE},
        capture_output=True,
        text=True,
        check=False,
    )
    wheels = sorted(out.glob("*.whl"))
    if result.returncode != 0 or len(wheels) != 1:
        raise ExplainerError(
            f"could not build a wheel of the checkout ({' '.join(command)}):\n"
            + (result.stderr or result.stdout)[-2000:]
        )
    return wheels[0].name, wheels[0].read_bytes()


def _build_backend_installed(pyproject: Path) -> bool:
    """Whether this environment has what the build asks for: then it needs no index.
    Otherwise pip sets up the build in an environment of its own, from the index."""
    try:
        from packaging.requirements import Requirement
    except ImportError:
        return False
    requires = tomllib.loads(pyproject.read_text(encoding="utf-8"))["build-system"]["requires"]
    for text in requires:
        requirement = Requirement(text)
        try:
            installed = metadata.version(requirement.name)
        except metadata.PackageNotFoundError:
            return False
        if not requirement.specifier.contains(installed, prereleases=True):
            return False
    return True


def same_archive(data: bytes, path: Path) -> bool:
    """Whether the file at `path` holds `data`: the same bytes, or, for wheels, the
    same files (their RECORD lists each one's hash), whatever dates the zip holds."""
    on_disk = path.read_bytes()
    if on_disk == data:
        return True
    return path.suffix == ".whl" and _wheel_record(on_disk) == _wheel_record(data) != b""


def _wheel_record(data: bytes) -> bytes:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as wheel:
            names = [n for n in wheel.namelist() if n.endswith(".dist-info/RECORD")]
            return wheel.read(names[0]) if len(names) == 1 else b""
    except zipfile.BadZipFile:
        return b""
