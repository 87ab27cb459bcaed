"""Drive the dashboard in a real Chromium: build a database, serve the app, record every request.

The pieces are plain functions and small classes so that the browser test (and anyone checking
the app by hand) can use them without pytest::

    with running_app(build_database(tmp / "claims.sqlite"), log=tmp / "app.log") as app:
        with sync_playwright() as pw, open_browser(pw, tmp / "profile") as browser:
            page = browser.context.new_page()
            page.goto(app.url + "?province=Yazd")        # a filter such as «یزد» through the URL
            wait_for_charts(page)
            assert not browser.requests.outside()          # nothing left 127.0.0.1

Debian's ``chromium`` is used as it is (no ``playwright install``); see the field notes, "Real browser".
"""

from __future__ import annotations

import contextlib
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:  # playwright is imported only by callers that drive a browser
    from playwright.sync_api import BrowserContext, Page, Playwright, Request, WebSocket

REPO = Path(__file__).resolve().parents[1]
APP = REPO / "dashboard" / "app" / "main.py"
SEEDS = REPO / "seeds"

# Flags that keep Chromium quiet: no sandbox (containers), no GPU, no calls home of its own.
CHROMIUM_ARGS = (
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# What streamlit prints when its port was taken after we chose it.
PORT_TAKEN = re.compile(r"Port \d+ is not available|already in use")
LOCAL_HOSTS = frozenset({"127.0.0.1", "localhost", "::1"})
LOCAL_SCHEMES = frozenset({"data", "blob", "about", "chrome-extension", "devtools"})

# Selectors of what the app draws (Streamlit's own data-testid attributes).
PLOTLY_CHART = '[data-testid="stPlotlyChart"]'
PLOTLY_SVG = f"{PLOTLY_CHART} .main-svg"


def chromium_path() -> str | None:
    """The ``chromium`` on PATH, or None (the browser test is skipped then)."""
    return shutil.which("chromium")


def free_port() -> int:
    """A TCP port on 127.0.0.1 that nothing listens on right now."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def build_database(db: Path, seeds: Path = SEEDS, timeout: float = 120.0) -> Path:
    """Ingest ``seeds`` into a new SQLite file ``db`` with the product's own CLI; returns ``db``.

    Runs ``python -m dashboard ingest SEEDS --db DB`` (with ``CLAIMS_DB=DB`` too). A failure raises
    RuntimeError carrying the command's stderr, so a broken ingest reads as such, not as a blank page.
    """
    env = {**os.environ, "CLAIMS_DB": str(db)}
    cmd = [sys.executable, "-m", "dashboard", "ingest", str(seeds), "--db", str(db)]
    done = subprocess.run(cmd, cwd=REPO, env=env, capture_output=True, text=True, timeout=timeout, check=False)
    if done.returncode != 0 or not db.exists():
        raise RuntimeError(
            f"building the test database failed (exit {done.returncode}): {' '.join(cmd)}\n"
            f"stdout: {done.stdout.strip()}\nstderr: {done.stderr.strip()}"
        )
    return db


@dataclass
class AppServer:
    """A ``streamlit run`` of the app on 127.0.0.1, stopped by its PID."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def url(self) -> str:
        """The app's base address, ``http://127.0.0.1:PORT/``."""
        return f"http://127.0.0.1:{self.port}/"

    def log_text(self) -> str:
        """What the server printed so far (for failure messages)."""
        try:
            return self.log.read_text(encoding="utf-8", errors="replace")
        except OSError:
            return ""

    def wait_healthy(self, timeout: float = 60.0) -> None:
        """Poll ``/_stcore/health`` until it answers ``ok``; raise with the server log if it never does."""
        deadline = time.monotonic() + timeout
        health = f"{self.url}_stcore/health"
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the app exited with {self.process.returncode}:\n{self.log_text()}")
            try:
                with urllib.request.urlopen(health, timeout=2) as resp:
                    if resp.status == 200 and resp.read().strip() == b"ok":
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.2)
        raise RuntimeError(f"the app did not answer {health} within {timeout:.0f} s:\n{self.log_text()}")

    def stop(self, timeout: float = 10.0) -> None:
        """Stop the server by its PID (its own process group): SIGTERM, then SIGKILL."""
        if self.process.poll() is not None:
            return
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signal.SIGTERM)
        try:
            self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(timeout=timeout)


def start_app(db: Path, log: Path, app: Path = APP, port: int | None = None) -> AppServer:
    """Start ``streamlit run APP`` headless on 127.0.0.1 with ``CLAIMS_DB=db``; output goes to ``log``."""
    port = port or free_port()
    cmd = [
        sys.executable,
        "-m",
        "streamlit",
        "run",
        str(app),
        "--server.headless",
        "true",
        "--server.address",
        "127.0.0.1",
        "--server.port",
        str(port),
        "--browser.gatherUsageStats",
        "false",
    ]
    env = {**os.environ, "CLAIMS_DB": str(db)}
    with log.open("wb") as out:
        process = subprocess.Popen(
            cmd,
            cwd=REPO,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
            start_new_session=True,
        )
    return AppServer(process=process, port=port, log=log)


@contextlib.contextmanager
def running_app(db: Path, log: Path, app: Path = APP, timeout: float = 60.0, attempts: int = 3) -> Iterator[AppServer]:
    """The app serving ``db``, healthy on entry and stopped on exit.

    A port taken between choosing it and binding it (another process won the race) costs a retry
    on a new port, up to ``attempts`` starts.
    """
    for attempt in range(1, attempts + 1):
        server = start_app(db, log, app)
        try:
            server.wait_healthy(timeout)
            break
        except RuntimeError:
            server.stop()
            if attempt == attempts or not PORT_TAKEN.search(server.log_text()):
                raise
    try:
        yield server
    finally:
        server.stop()


def is_local_url(url: str) -> bool:
    """True for addresses that stay on this machine: 127.0.0.1/localhost, ``data:``, ``blob:``.

    >>> is_local_url("http://127.0.0.1:8501/_stcore/health"), is_local_url("https://cdn.plot.ly/un/world_110m.json")
    (True, False)
    """
    parts = urlsplit(url)
    if parts.scheme in LOCAL_SCHEMES:
        return True
    return parts.scheme in {"http", "https", "ws", "wss"} and (parts.hostname or "") in LOCAL_HOSTS


@dataclass
class RequestLog:
    """Every request (and websocket) the browser made, in order."""

    urls: list[str] = field(default_factory=list)

    def on_request(self, request: Request) -> None:
        """Hook for ``context.on("request")``."""
        self.urls.append(request.url)

    def on_websocket(self, ws: WebSocket) -> None:
        """Hook for ``page.on("websocket")`` (websockets are not requests in playwright)."""
        self.urls.append(ws.url)

    def outside(self) -> list[str]:
        """The addresses that left the machine (should stay empty)."""
        return [url for url in self.urls if not is_local_url(url)]


@dataclass
class Browser:
    """A Chromium profile with its request log."""

    context: BrowserContext
    requests: RequestLog

    def new_page(self) -> Page:
        """A fresh tab whose websockets are logged too."""
        page = self.context.new_page()
        page.on("websocket", self.requests.on_websocket)
        return page


@contextlib.contextmanager
def open_browser(pw: Playwright, profile: Path, executable: str | None = None) -> Iterator[Browser]:
    """Debian Chromium, headless, in a persistent profile under ``profile``; every request is logged."""
    context = pw.chromium.launch_persistent_context(
        str(profile),
        executable_path=executable or chromium_path(),
        headless=True,
        args=list(CHROMIUM_ARGS),
        accept_downloads=True,
        viewport={"width": 1400, "height": 1000},
        locale="fa-IR",
    )
    log = RequestLog()
    context.on("request", log.on_request)
    try:
        yield Browser(context=context, requests=log)
    finally:
        context.close()


def wait_for_charts(page: Page, count: int = 1, timeout: float = 60_000) -> None:
    """Wait until at least ``count`` plotly charts have drawn their SVG (plotly.js loads late)."""
    page.wait_for_function(
        "([sel, n]) => document.querySelectorAll(sel).length >= n", arg=[PLOTLY_SVG, count], timeout=timeout
    )


def wait_for_idle_app(page: Page, timeout: float = 30_000) -> None:
    """Wait until Streamlit has finished the current run (its status widget says nothing is running)."""
    page.wait_for_selector('[data-testid="stApp"][data-test-script-state="notRunning"]', timeout=timeout)


def full_page_screenshot(page: Page, path: Path) -> Path:
    """Screenshot the whole page, below the fold too.

    Streamlit scrolls inside its own container, so ``full_page=True`` alone stops at the window:
    the window is stretched to the content's height for the shot, then put back.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    size = page.viewport_size or {"width": 1400, "height": 1000}
    height = page.evaluate(
        """() => Math.max(document.documentElement.scrollHeight,
            ...[...document.querySelectorAll('[data-testid="stMain"], [data-testid="stAppViewContainer"] *')]
                .filter(el => el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY !== 'visible')
                .map(el => el.scrollHeight + el.getBoundingClientRect().top))"""
    )
    page.set_viewport_size({"width": size["width"], "height": min(int(height) + 40, 12_000)})
    try:
        page.wait_for_timeout(300)  # settling: let plotly redraw at the new size
        page.screenshot(path=str(path), full_page=True)
    finally:
        page.set_viewport_size(size)
    return path
