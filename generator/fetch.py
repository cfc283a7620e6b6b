"""Fetch an article page from its address, for `explainer new URL`.

trafilatura's fetcher does the download (urllib3: redirects within http and https only,
the body read in chunks and cut off past a size). Here it is held to a timeout, a size
limit and a few redirects, never falls back to an unverified TLS connection, and by
default refuses addresses on private networks; its failures, which it only logs, are
turned into one clear sentence.
"""

from __future__ import annotations

import logging
import re
import threading
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from .errors import ExplainerError

TIMEOUT = 20  # seconds per attempt
MAX_BYTES = 20_000_000  # a news page with inline images is rarely a tenth of this
MAX_REDIRECTS = 3


@dataclass(frozen=True)
class Fetched:
    data: bytes
    url: str  # where the page was found, after redirects


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def _reason(messages: list[str], timeout: int, max_bytes: int) -> str:
    text = " ".join(messages)
    if "MAX_FILE_SIZE" in text:
        return f"the page is larger than {max_bytes:,} bytes"
    if re.search(r"timed? ?out", text, re.I):
        return f"the server did not answer within {timeout} s"
    if "No host specified" in text or "URLSchemeUnknown" in text or "Not supported URL scheme" in text:
        return "it redirects away from the web (only http:// and https:// are followed)"
    if "redirect" in text.lower():
        return "too many redirects (a redirect loop?)"
    if "SSRF" in text or "non-public address" in text:
        return "the address is on a private network (pass --allow-private-network to fetch it)"
    if "SSL" in text:
        return "the secure connection failed (certificate or TLS error)"
    if re.search(r"Name or service not known|nodename nor servname|getaddrinfo|resolve", text):
        return "the server's name could not be resolved"
    if re.search(r"Connection refused|NewConnectionError", text):
        return "the server refused the connection"
    last = messages[-1] if messages else "no response"
    return re.sub(r"\s+", " ", last)[:200]


def check_address(url: str) -> None:
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ExplainerError(f"not a web address: {url!r} (only http:// and https:// pages can be fetched)")


def fetch_page(
    url: str, timeout: int = TIMEOUT, max_bytes: int = MAX_BYTES, allow_private: bool = False
) -> Fetched:
    """The page's bytes, or an ExplainerError saying why not."""
    check_address(url)
    from trafilatura.downloads import fetch_response
    from trafilatura.settings import use_config

    config = use_config()
    config.set("DEFAULT", "DOWNLOAD_TIMEOUT", str(timeout))
    config.set("DEFAULT", "MAX_FILE_SIZE", str(max_bytes))
    config.set("DEFAULT", "MAX_REDIRECTS", str(MAX_REDIRECTS))
    config.set("DEFAULT", "SSRF_PROTECTION", str(not allow_private))
    config.set("DEFAULT", "INSECURE_SSL_FALLBACK", "False")
    collect = _Collect()
    loggers = [logging.getLogger(name) for name in ("trafilatura", "urllib3")]
    saved = [logger.propagate for logger in loggers]
    for logger in loggers:  # their messages (retries, failures) become one sentence of ours
        logger.addHandler(collect)
        logger.propagate = False
    # One deadline for the whole fetch: trafilatura retries a read that timed out, with
    # pauses between tries. The download runs in a daemon thread, left behind at the
    # deadline (it ends with the process).
    result: list[Any] = []
    worker = threading.Thread(target=lambda: result.append(fetch_response(url, config=config)), daemon=True)
    try:
        worker.start()
        worker.join(timeout)
    finally:
        for logger, propagate in zip(loggers, saved, strict=True):
            logger.removeHandler(collect)
            logger.propagate = propagate
    if not result:
        raise ExplainerError(f"could not fetch {url}: the server did not answer within {timeout} s")
    response = result[0]
    if response is None or response.data is None:
        raise ExplainerError(f"could not fetch {url}: {_reason(collect.messages, timeout, max_bytes)}")
    if response.status != 200:
        raise ExplainerError(f"could not fetch {url}: the server answered HTTP {response.status}")
    final = response.url or url
    if urlsplit(final).scheme not in ("http", "https"):
        raise ExplainerError(f"could not fetch {url}: it redirects to {final!r}")
    kind = (response.headers or {}).get("content-type", "")
    if kind and "html" not in kind.lower() and not response.data.lstrip()[:1] == b"<":
        raise ExplainerError(f"could not use {url}: it is {kind.split(';')[0]}, not a web page")
    return Fetched(bytes(response.data), final)
