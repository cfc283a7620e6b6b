"""`explainer new URL` against a local web server: a page saved with its metadata, and a
clear refusal for everything else (slow, huge, missing, looping, not a web page)."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
import yaml

from generator.cli import main
from generator.project import Project
from tests.conftest import FIXTURES, make_project

PAGE = (FIXTURES / "pages" / "isles-win.html").read_bytes()
HUGE = 21_000_000  # past the 20,000,000-byte limit


class Pages(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass

    def _send(self, status: int, body: bytes, kind: str = "text/html; charset=utf-8") -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_GET(self) -> None:
        if self.path in ("/article.html", "/copy.html"):
            self._send(200, PAGE)
        elif self.path == "/slow.html":
            time.sleep(3)
            self._send(200, PAGE)
        elif self.path == "/huge.html":
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.end_headers()
            chunk = b"<p>" + b"x" * 65_530 + b"</p>"
            try:
                for _ in range(HUGE // len(chunk) + 1):
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client stopped reading at its limit
        elif self.path == "/loop.html":
            self.send_response(302)
            self.send_header("Location", "/loop.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/to-file.html":
            self.send_response(302)
            self.send_header("Location", "file:///etc/passwd")
            self.send_header("Content-Length", "0")
            self.end_headers()
        elif self.path == "/report.pdf":
            self._send(200, b"%PDF-1.7 not a page", "application/pdf")
        else:
            self._send(404, b"<h1>Not found</h1>")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # a client that gave up (timeout, size limit) is what these tests want


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = Server(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()


def new(project: Project, *args: str) -> int:
    return main(["--project", str(project.root), "new", *args])


def seeds_of(project: Project) -> list[str]:
    return sorted(p.name for p in project.seeds.iterdir())


def test_a_page_is_saved_with_its_address_title_and_date(
    tmp_path: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path / "p")
    url = f"{server}/article.html"
    assert new(project, url, "--allow-private-network") == 0
    saved = Path(capsys.readouterr().out.strip())
    assert saved.suffix == ".html" and saved.read_bytes() == PAGE  # the page as fetched
    meta = yaml.safe_load(saved.with_suffix(".yml").read_text())
    assert meta["url"] == url
    assert meta["title"] == "Nelson's OT goal lifts Isles past Rangers & extends streak"
    assert str(meta["date"]) == "2026-02-08"
    # The same address again, or the same article at another address: refused, nothing added.
    before = seeds_of(project)
    assert new(project, url, "--allow-private-network") == 2
    assert "already in the corpus" in capsys.readouterr().err
    assert new(project, f"{server}/copy.html", "--allow-private-network") == 2
    assert "already in the corpus" in capsys.readouterr().err
    assert seeds_of(project) == before
    # And the saved page builds like any other seed.
    assert main(["--project", str(project.root), "generate", "--jobs", "1"]) == 0
    assert (project.docs / "explainers" / f"{saved.stem}.md").exists()


@pytest.mark.parametrize(
    ("path", "options", "message"),
    [
        ("/slow.html", ["--timeout", "1"], "did not answer within 1 s"),
        ("/huge.html", [], "larger than 20,000,000 bytes"),
        ("/gone.html", [], "HTTP 404"),
        ("/loop.html", [], "too many redirects"),
        ("/to-file.html", [], "redirects away from the web"),
        ("/report.pdf", [], "application/pdf, not a web page"),
    ],
)
def test_what_cannot_be_fetched_is_refused_clearly(
    tmp_path: Path,
    server: str,
    capsys: pytest.CaptureFixture[str],
    path: str,
    options: list[str],
    message: str,
) -> None:
    project = make_project(tmp_path / "p")
    start = time.monotonic()
    assert new(project, f"{server}{path}", "--allow-private-network", *options) == 2
    err = capsys.readouterr().err
    assert message in err and err.startswith("error: ") and "Traceback" not in err
    assert seeds_of(project) == []  # nothing half-written
    assert time.monotonic() - start < 10  # one deadline for the fetch, retries included


def test_only_web_addresses_and_public_ones_by_default(
    tmp_path: Path, server: str, capsys: pytest.CaptureFixture[str]
) -> None:
    project = make_project(tmp_path / "p")
    assert new(project, "ftp://example.org/article.html") == 2
    assert "only http:// and https://" in capsys.readouterr().err
    assert new(project, "file:///etc/passwd") == 2
    assert "only http:// and https://" in capsys.readouterr().err
    # An intranet or local address only when the editor says so.
    assert new(project, f"{server}/article.html") == 2
    assert "private network" in capsys.readouterr().err
    assert seeds_of(project) == []
