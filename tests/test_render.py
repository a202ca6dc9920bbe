"""Pages that need JavaScript (issue 18, item 3): rendered in headless Chromium, politely.

The page under test is an app shell served on loopback: an empty ``<div id="root">`` whose
article a script writes from JSON it fetches. The browser tests need the ``render`` extra
(Playwright) and a Chromium; without them they are skipped with the reason, except in CI
(``CI`` set), where ``.ci/run`` installs both and a missing one must fail, not hide. The
app-shell rule and the usage errors need no browser and always run.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from _server import LocalServer, Response, page

import extractor.jobs.batch as batch
from extractor.cli.scrape import add_scrape_parser
from extractor.fetch import DEFAULT_USER_AGENT, BrowserRenderer, looks_like_app_shell, needs_rendering
from extractor.fetch.render import render_unavailable
from extractor.jobs import scrape
from extractor.model import Article, ErrorRecord

ROOT = Path(__file__).resolve().parent.parent
MISSING = render_unavailable()
needs_browser = pytest.mark.skipif(
    MISSING is not None and not os.environ.get("CI"),
    reason=f"rendering tests need the render extra and Chromium: {MISSING}",
)

MARKER = "harbour pilots"
STORY = {
    "title": "Night shift on the estuary",
    "paragraphs": [
        (
            f"The {MARKER} of the estuary work through the night, guiding container ships past the"
            " sandbanks that move a little with every winter storm, and they say no two nights are alike."
        ),
        (
            "Most of them trained for a decade before taking a vessel alone, first as deckhands, then as"
            " mates, learning every buoy, every current and every bend of the channel by heart."
        ),
        (
            "The port authority says traffic has doubled since the new terminal opened, and it is now"
            " hiring a second crew so that the pilots on duty can rest between the longest crossings."
        ),
    ],
}
SHELL = (
    b"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Estuary</title></head><body>"
    b"<div id='root'></div><noscript>You need to enable JavaScript to run this app.</noscript>"
    b"<script src='/static/app.js'></script></body></html>"
)
APP_JS = """
fetch('/api/story.json').then(r => r.json()).then(story => {
  document.getElementById('root').innerHTML = '<article><h1>' + story.title + '</h1>'
    + story.paragraphs.map(p => '<p>' + p + '</p>').join('') + '</article>';
});
fetch('/private/stats').catch(() => {});
fetch('OTHER/track').catch(() => {});
const img = new Image(); img.src = '/static/photo.png';
"""
HANG = b"<!doctype html><html><body><div id='app'></div><script>for (;;) {}</script></body></html>"
HUGE = (
    b"<!doctype html><html><body><div id='app'></div>"
    b"<script>document.getElementById('app').textContent = 'x'.repeat(300000);</script></body></html>"
)
ROBOTS = b"User-agent: *\nDisallow: /private/\n"


@pytest.fixture
def other() -> Iterator[LocalServer]:
    """Another host (another port): the browser must not reach it by default."""
    with LocalServer() as srv:
        srv.fallback = Response(body=b"tracked")
        yield srv


@pytest.fixture
def server(other: LocalServer) -> Iterator[LocalServer]:
    with LocalServer() as srv:
        js = APP_JS.replace("OTHER", other.base).encode()
        srv.routes["/robots.txt"] = Response(body=ROBOTS, headers={"Content-Type": "text/plain"})
        srv.routes["/shell"] = Response(body=SHELL)
        srv.routes["/private/shell"] = Response(body=SHELL)
        srv.routes["/static/app.js"] = Response(body=js, headers={"Content-Type": "text/javascript"})
        srv.routes["/api/story.json"] = Response(
            body=json.dumps(STORY).encode(), headers={"Content-Type": "application/json"}
        )
        srv.routes["/private/stats"] = Response(body=b"{}", headers={"Content-Type": "application/json"})
        srv.routes["/static/photo.png"] = Response(body=b"\x89PNG", headers={"Content-Type": "image/png"})
        srv.routes["/hang"] = Response(body=HANG)
        srv.routes["/huge"] = Response(body=HUGE)
        srv.fallback = lambda req: Response(body=page(f"Static {req.path.strip('/')}"))
        yield srv


@pytest.fixture
def renderers(monkeypatch: pytest.MonkeyPatch) -> list[BrowserRenderer]:
    """Every renderer a job creates, to count its browser launches and navigations."""
    made: list[BrowserRenderer] = []

    class Recording(BrowserRenderer):
        def __init__(self, *args: object, **kwargs: object) -> None:
            super().__init__(*args, **kwargs)  # type: ignore[arg-type]
            made.append(self)

    monkeypatch.setattr(batch, "BrowserRenderer", Recording)
    return made


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="cli.py")
    add_scrape_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


def by_url(records: list[Article | ErrorRecord]) -> dict[str, Article | ErrorRecord]:
    return {record.url: record for record in records}


# ---------------------------------------------------------------- the automatic rule (no browser)


def test_an_app_shell_is_told_from_a_page_with_text() -> None:
    assert looks_like_app_shell(SHELL)
    assert looks_like_app_shell(b"<html><body><div id='__next'>Loading...</div><script src='/a.js'></script>")
    assert looks_like_app_shell(b"<body><app-root></app-root><script type='module' src='/main.js'></script>")
    # A <noscript> asking for JavaScript, in any language, beside a script.
    assert looks_like_app_shell(
        b"<body><main></main><noscript>Bitte aktivieren Sie JavaScript.</noscript><script>boot()</script>"
    )
    # Server-side rendered: the mount point holds the article.
    assert not looks_like_app_shell(
        b"<body><div id='root'><article><h1>Title</h1><p>"
        + b"Real text here. " * 20
        + b"</p></article></div>"
        b"<script src='/a.js'></script>"
    )
    # An empty mount point but nothing that would fill it (data only).
    assert not looks_like_app_shell(
        b"<body><div id='app'></div><script type='application/ld+json'>{}</script></body>"
    )
    assert not looks_like_app_shell(page("A static story"))


def test_only_a_shell_with_no_body_text_needs_rendering() -> None:
    assert needs_rendering("", SHELL)
    assert needs_rendering("You need to enable JavaScript to run this app.", SHELL)
    assert not needs_rendering("A long body. " * 40, SHELL)  # the shell-looking page had its text
    assert not needs_rendering("", page("A static story"))  # short, but no browser would help


def test_render_without_a_browser_is_a_usage_error(
    server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    out = tmp_path / "out.jsonl"
    code = run_cli(
        ["scrape", server.url("/shell"), "--render", "--browser", "/nonexistent/chromium", "-o", str(out)]
    )
    assert code == 2
    assert "browser not found: /nonexistent/chromium" in capsys.readouterr().err
    assert not out.exists()
    assert server.hits == []
    with pytest.raises(batch.RenderUnavailable, match="browser not found"):
        list(scrape([server.url("/shell")], render="always", browser="/nonexistent/chromium"))


def test_auto_mode_without_a_browser_keeps_the_shell_record_with_a_warning(server: LocalServer) -> None:
    records = list(scrape([server.url("/shell")], delay=0, browser="/nonexistent/chromium"))
    assert len(records) == 1
    article = records[0]
    assert isinstance(article, Article)
    assert MARKER not in article.body
    assert batch.NOT_RENDERED in article.warnings


def test_an_unknown_render_mode_is_an_error() -> None:
    with pytest.raises(ValueError, match="render must be one of"):
        list(scrape(["http://127.0.0.1:9/"], render="sometimes"))


# ---------------------------------------------------------------- in the browser


@pytest.mark.skipif(
    not os.environ.get("CI"), reason="CI only: there the render extra and Chromium must be installed"
)
def test_ci_has_the_render_extra_and_a_chromium() -> None:
    assert MISSING is None, MISSING


@needs_browser
def test_render_writes_the_scripts_text_into_the_record(
    server: LocalServer, other: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    static, rendered = tmp_path / "static.jsonl", tmp_path / "rendered.jsonl"
    assert run_cli(["scrape", server.url("/shell"), "--no-render", "--delay", "0", "-o", str(static)]) == 0
    before = json.loads(static.read_text())
    assert MARKER not in before["body"]
    assert server.hits_for("/static/app.js") == []  # --no-render: no browser, no scripts fetched

    capsys.readouterr()
    assert run_cli(["scrape", server.url("/shell"), "--render", "--delay", "0", "-o", str(rendered)]) == 0
    after = json.loads(rendered.read_text())
    assert after["url"] == server.url("/shell")
    assert after["headline"] == STORY["title"]
    assert after["body"].split("\n") == STORY["paragraphs"]
    assert "1 pages rendered in a browser" in capsys.readouterr().err

    # Every request of the browser went through the fetcher (our User-Agent, robots.txt read),
    # the page itself was fetched once per run, and nothing else was let through.
    assert {hit.headers.get("User-Agent") for hit in server.hits} == {DEFAULT_USER_AGENT}
    assert len(server.hits_for("/shell")) == 2  # once without, once with --render
    assert len(server.hits_for("/api/story.json")) == 1
    assert server.hits_for("/private/stats") == []  # robots.txt disallows it
    assert server.hits_for("/static/photo.png") == []  # images are not fetched
    assert other.hits == []  # another host: not by default


@needs_browser
def test_auto_mode_renders_the_app_shell_and_not_a_static_page(
    server: LocalServer, renderers: list[BrowserRenderer]
) -> None:
    records = list(scrape([server.url("/a"), server.url("/b")], delay=0))
    assert sorted(r.headline for r in records if isinstance(r, Article)) == ["Static a", "Static b"]
    assert [r.launches for r in renderers] == [0]  # a job of ordinary pages starts no browser
    assert not renderers[0].started
    assert server.hits_for("/static/app.js") == []

    found = by_url(list(scrape([server.url("/shell"), server.url("/c")], delay=0)))
    shell, static = found[server.url("/shell")], found[server.url("/c")]
    assert isinstance(shell, Article)
    assert MARKER in shell.body
    assert isinstance(static, Article)
    assert static.headline == "Static c"
    assert (renderers[1].launches, renderers[1].navigations) == (1, 1)  # the shell only
    assert len(server.hits_for("/shell")) == 1  # rendered from the document already fetched


@needs_browser
def test_robots_txt_is_checked_before_the_browser_opens_the_page(
    server: LocalServer, renderers: list[BrowserRenderer]
) -> None:
    records = list(scrape([server.url("/private/shell")], delay=0, render="always"))
    assert len(records) == 1
    assert isinstance(records[0], ErrorRecord)
    assert records[0].error == "RobotsDisallowed"
    assert server.hits_for("/private/shell") == []
    assert [hit.path for hit in server.hits] == ["/robots.txt"]
    assert (renderers[0].launches, renderers[0].navigations) == (0, 0)


@needs_browser
def test_a_page_whose_script_never_ends_is_an_error_record_and_the_job_goes_on(
    server: LocalServer, renderers: list[BrowserRenderer]
) -> None:
    urls = [server.url("/hang"), server.url("/huge"), server.url("/shell")]
    started = time.monotonic()
    found = by_url(
        list(scrape(urls, delay=0, render="always", render_timeout=3, max_bytes=200_000, workers=1))
    )
    assert time.monotonic() - started < 30
    hang, huge, shell = (found[u] for u in urls)
    assert isinstance(hang, ErrorRecord)
    assert hang.error == "RenderError"
    assert "did not finish loading within 3s" in hang.message
    assert isinstance(huge, ErrorRecord)
    assert huge.error == "TooLarge"  # what its script wrote is over the size cap
    assert isinstance(shell, Article)
    assert MARKER in shell.body
    assert (renderers[0].launches, renderers[0].navigations) == (1, 3)  # one browser for the job


@needs_browser
def test_the_browsers_requests_keep_the_hosts_delay(server: LocalServer) -> None:
    records = list(scrape([server.url("/shell")], delay=0.4, render="always"))
    assert isinstance(records[0], Article)
    starts = [hit.at for hit in server.hits if hit.path != "/robots.txt"]
    assert [hit.path for hit in server.hits if hit.path != "/robots.txt"] == [
        "/shell",
        "/static/app.js",
        "/api/story.json",
    ]
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert min(gaps) >= 0.35, gaps


@needs_browser
def test_other_hosts_only_when_asked_and_then_through_the_fetcher(
    server: LocalServer, other: LocalServer
) -> None:
    records = list(scrape([server.url("/shell")], delay=0, render="always", render_other_hosts=True))
    assert isinstance(records[0], Article)
    assert [hit.path for hit in other.hits] == ["/robots.txt", "/track"]  # its own robots.txt first
    assert {hit.headers.get("User-Agent") for hit in other.hits} == {DEFAULT_USER_AGENT}


@needs_browser
def test_closing_the_renderer_ends_the_pages_still_rendering(server: LocalServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    from extractor.fetch import HttpFetcher, HttpOptions, RenderError, RenderOptions

    with HttpFetcher(HttpOptions(delay=0)) as fetcher:
        renderer = BrowserRenderer(fetcher, RenderOptions(timeout=60))
        with ThreadPoolExecutor(1) as pool:
            pending = pool.submit(renderer.render, fetcher.fetch(server.url("/hang")))
            deadline = time.monotonic() + 30
            while renderer.navigations == 0:
                assert time.monotonic() < deadline, "the page never opened"
                time.sleep(0.05)
            time.sleep(0.5)
            started = time.monotonic()
            renderer.close()
            with pytest.raises(RenderError, match="stopped"):
                pending.result(timeout=30)
            assert time.monotonic() - started < 15
        with pytest.raises(RenderError, match="closed"):
            renderer.render(fetcher.fetch(server.url("/shell")))


@needs_browser
def test_ctrl_c_ends_the_job_and_leaves_no_browser_behind(server: LocalServer, tmp_path: Path) -> None:
    """The browser and Playwright's driver inherit the job's environment: a token put there
    finds every process the job started, whoever their parent is after the interrupt."""
    token = uuid.uuid4().hex
    out = tmp_path / "out.jsonl"
    proc = subprocess.Popen(
        [sys.executable, "cli.py", "scrape", server.url("/hang"), "--render", "--delay", "0", "-o", str(out)],
        cwd=ROOT,
        env={**os.environ, "EXTRACTOR_RENDER_TEST": token},
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        start_new_session=True,  # its own process group, as a terminal's foreground job
    )
    try:
        deadline = time.monotonic() + 30
        while not server.hits_for("/hang") or len(_processes_with(token)) < 3:
            assert time.monotonic() < deadline, "the browser never started"
            assert proc.poll() is None, proc.stderr.read() if proc.stderr else ""
            time.sleep(0.1)
        time.sleep(0.5)  # the page is loading in the browser now
        os.killpg(proc.pid, signal.SIGINT)  # Ctrl-C: the whole foreground group
        assert proc.wait(timeout=30) == 130
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
    deadline = time.monotonic() + 10
    while _processes_with(token) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert _processes_with(token) == []


def _processes_with(token: str) -> list[int]:
    """Live processes whose environment holds ``token`` (zombies have none)."""
    found = []
    needle = f"EXTRACTOR_RENDER_TEST={token}".encode()
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if needle in (entry / "environ").read_bytes().split(b"\0"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found
