"""Pages that need JavaScript: render them in headless Chromium, with the fetcher's manners.

Some pages ship an empty shell (``<div id="root"></div>`` and a script bundle) and write
the article with JavaScript; the static HTML has no text to extract. :class:`BrowserRenderer`
loads such a page in a headless Chromium (Playwright, the ``render`` extra, driving the
system's browser: Debian's ``chromium``; Playwright's own browser downloads are never used)
and hands back the rendered HTML as a :class:`Page`, which then goes through the normal
extraction.

Design choices, and why:

- The browser has no network of its own. Every request it makes is intercepted and either
  answered from the job's :class:`HttpFetcher` (so robots.txt, the per-host delay and
  concurrency, the circuit breaker, retries, the size cap and the cache all apply to the
  browser exactly as to plain fetching, with no second scheduler) or refused. The page's own
  document is the one the fetcher already fetched (robots.txt was checked before the browser
  opened anything, and the document is not requested twice). As a second wall, Chromium is
  started with a proxy on a loopback port that nobody listens on (loopback included) and a
  resolver that resolves nothing, so a request that slipped past the interception (a
  WebSocket, a preconnect) fails instead of leaving the machine.
- What is fetched for the browser: GET requests only (a crawler never sends requests that may
  change state on the server), for documents, scripts and XHR/fetch calls (images, media,
  fonts and style sheets are refused: they cost requests and write no text), to the page's
  own host unless ``other_hosts`` (then other hosts' robots.txt and pacing apply in turn).
- Playwright's sync API is bound to one thread, and the scrape job fetches on a pool of
  threads, so the renderer owns one thread running an asyncio loop with one browser process,
  started on the first page that needs it (a job that renders nothing starts nothing) and
  reused for every page; each page gets a fresh browser context (no cookies or storage carried
  from page to page, and a script that never ends hangs only its own renderer process).
- Every page has one time budget (``timeout``): navigation until the load event, then at most
  ``settle`` seconds for the network to go quiet (the XHRs that fetch the article after the
  bundle ran), then reading the DOM. A page over it is a :class:`RenderError`, never a hang.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import contextlib
import importlib.util
import shutil
import socket
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from selectolax.lexbor import LexborHTMLParser

from .http import HttpFetcher
from .page import HTML_TYPES, FetchError, HostUnavailable, Page, RobotsDisallowed, TooLarge
from .urls import host_key

if TYPE_CHECKING:  # the render extra is optional: imported for real only when a browser starts
    from playwright.async_api import Browser, Playwright, Request, Route
    from typing_extensions import Self


class RenderError(FetchError):
    """The browser could not render the page: it did not finish loading in time (a script that
    never ends), it crashed, or the browser could not be started."""


class RenderUnavailable(RuntimeError):
    """Rendering was asked for, but Playwright or a Chromium executable is missing."""


# Executables tried in order when none is given: Debian's chromium first (the package the
# README names), then other distributions' names, then the headless-only build.
BROWSER_NAMES = (
    "chromium",
    "chromium-browser",
    "chromium-headless-shell",
    "google-chrome-stable",
    "google-chrome",
)

INSTALL_HINT = "pip install 'extractor[render]' and the system's Chromium (Debian: apt-get install chromium)"


def find_browser(browser: str | None = None) -> str | None:
    """The Chromium executable to drive: ``browser`` (a path or a name on PATH), else the first
    of :data:`BROWSER_NAMES` on PATH; None when there is none."""
    if browser:
        return shutil.which(browser)
    for name in BROWSER_NAMES:
        found = shutil.which(name)
        if found:
            return found
    return None


def render_unavailable(browser: str | None = None) -> str | None:
    """Why pages cannot be rendered here (a sentence for the user), or None when they can.

    Checked before a job starts, so ``scrape --render`` without the extra is a usage error
    and not one error record per page.
    """
    if importlib.util.find_spec("playwright") is None:
        return f"rendering needs Playwright: {INSTALL_HINT}"
    if find_browser(browser) is None:
        what = f"browser not found: {browser}" if browser else "no Chromium executable on PATH"
        return f"rendering needs a Chromium: {what}; {INSTALL_HINT}"
    return None


# ---------------------------------------------------------------- when a page needs a browser

# Ids the common frameworks' templates mount the application on (React and Vite: root, Vue:
# app, Next.js: __next, Nuxt: __nuxt, Gatsby: ___gatsby, SvelteKit: svelte, and the usual
# variants). A name, not a site: any page built the same way is caught.
MOUNT_IDS = frozenset(
    {
        "root",
        "app",
        "__next",
        "__nuxt",
        "___gatsby",
        "svelte",
        "app-root",
        "react-root",
        "main-app",
        "spa-root",
    }
)
# Elements frameworks mark as their root: Angular's <app-root>, React's data-reactroot,
# Angular's ng-version / AngularJS's ng-app, Vue 3's data-v-app.
MOUNT_TAGS = frozenset({"app-root"})
MOUNT_ATTRIBUTES = ("data-reactroot", "ng-version", "ng-app", "data-v-app")
MOUNT_MAX_TEXT = 40  # a mount point showing "Loading…" is still empty
SHELL_MAX_BODY = 200  # characters of extracted body under which a page "has no text"
_SHELL_SCAN_BYTES = 2 * 1024 * 1024


def looks_like_app_shell(html: bytes | str) -> bool:
    """True when the static HTML is an application shell: at least one executable script, and
    either an empty mount point (an element with one of :data:`MOUNT_IDS`, or a framework's
    root marker, holding at most :data:`MOUNT_MAX_TEXT` characters of text) or a ``<noscript>``
    that mentions JavaScript ("You need to enable JavaScript to run this app.", "Bitte
    aktivieren Sie JavaScript": the word is the same in most languages).

    Both signals are common on pages that do have text (an empty widget container, a comment
    box's noscript note), which is why a job only asks this of a page whose extracted body is
    short (:func:`needs_rendering`).
    """
    text = html[:_SHELL_SCAN_BYTES].decode("utf-8", "replace") if isinstance(html, bytes) else html
    tree = LexborHTMLParser(text)
    if not any(_executable(node.attributes.get("type")) for node in tree.css("script")):
        return False
    if any("javascript" in node.text().lower() for node in tree.css("noscript")):
        return True
    tree.strip_tags(["script", "style", "template", "noscript"])
    for node in tree.css("[id], app-root, [data-reactroot], [ng-version], [ng-app], [data-v-app]"):
        marked = (
            (node.attributes.get("id") or "").strip().lower() in MOUNT_IDS
            or node.tag in MOUNT_TAGS
            or any(name in node.attributes for name in MOUNT_ATTRIBUTES)
        )
        if marked and len(" ".join(node.text().split())) <= MOUNT_MAX_TEXT:
            return True
    return False


def _executable(script_type: str | None) -> bool:
    """A script the browser runs: no type, a JavaScript type or ``module``; not data (JSON-LD,
    an import map) nor a template, which many pages with text carry too."""
    kind = (script_type or "").strip().lower()
    return kind in ("", "module") or "javascript" in kind or "ecmascript" in kind


def needs_rendering(body: str, html: bytes | str) -> bool:
    """The automatic rule: the static page gave (almost) no body text, *and* it is an app shell.

    Both halves are needed: a short page that is not a shell (a photo, a brief) gains nothing
    from a browser, and a shell-looking page that has its text (server-side rendered) needs none.
    """
    return len(body.strip()) < SHELL_MAX_BODY and looks_like_app_shell(html)


# ---------------------------------------------------------------- the renderer


@dataclass(frozen=True, slots=True)
class RenderOptions:
    """How pages are rendered; politeness and size limits come from the fetcher's HttpOptions."""

    browser: str | None = None  # Chromium executable (path or name); None: find_browser()
    timeout: float = 30.0  # seconds for one page: loading, settling and reading its HTML
    settle: float = 5.0  # at most this long (within timeout) for the network to go quiet after load
    pages: int = 2  # pages open in the browser at once (each is a renderer process: memory)
    other_hosts: bool = False  # let scripts and XHRs come from hosts other than the page's


# Request kinds the browser may have: the document, its scripts and the data they fetch.
RENDER_RESOURCES = frozenset({"document", "script", "xhr", "fetch"})
# Launch flags: no background traffic of Chromium's own (updates, sync, metrics), and the second
# wall described above (the proxy flags are added at launch with the dead port).
_BROWSER_ARGS = (
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-default-apps",
    "--disable-extensions",
    "--no-first-run",
    "--disable-gpu",
    "--disable-quic",
    "--host-resolver-rules=MAP * ~NOTFOUND",
    "--proxy-bypass-list=<-loopback>",
)
# Headers that described the bytes on the wire; the fetcher hands the browser decoded bytes.
_WIRE_HEADERS = frozenset(
    {"content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive", "trailer"}
)
_LAUNCH_TIMEOUT = 30.0
_CLOSE_TIMEOUT = 5.0
_MAX_LAUNCHES = 3  # a browser that keeps crashing is given up (every later page: RenderError)
_SCRIPT_CACHE_BYTES = 32 * 1024 * 1024  # bundles shared by a site's pages are fetched once a job


@dataclass(slots=True)
class _PageState:
    """One page being rendered: its already-fetched document, answered once."""

    page: Page
    host: str
    document: Page | None = None
    refused: dict[str, int] = field(default_factory=dict)


class BrowserRenderer:
    """One headless Chromium for a job, fed only by ``fetcher``. Thread-safe: any thread may call
    :meth:`render`; :meth:`close` ends the browser (also when pages are still rendering)."""

    def __init__(self, fetcher: HttpFetcher, options: RenderOptions | None = None) -> None:
        self.fetcher = fetcher
        self.options = options or RenderOptions()
        self.launches = 0  # browser processes started (1 for a job, unless one crashed)
        self.navigations = 0  # pages opened in the browser
        self._lock = threading.Lock()
        self._closed = False
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._pool: concurrent.futures.ThreadPoolExecutor | None = None
        self._dead_port: socket.socket | None = None
        # Owned by the loop thread.
        self._playwright: Playwright | None = None
        self._browser: Browser | None = None
        self._launch_lock = asyncio.Lock()
        self._slots = asyncio.Semaphore(max(1, self.options.pages))
        self._launch_error: str | None = None
        self._tasks: set[asyncio.Task[Page]] = set()
        self._futures: dict[concurrent.futures.Future[Page], str] = {}  # pages under way -> URL
        # Shared with the fetch threads, under _scripts_lock.
        self._scripts: OrderedDict[str, Page] = OrderedDict()
        self._scripts_size = 0
        self._scripts_lock = threading.Lock()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def started(self) -> bool:
        """Whether anything (the loop thread, the browser) was started."""
        return self._loop is not None

    # -- public

    def render(self, page: Page) -> Page:
        """``page`` (fetched by the fetcher) as the browser shows it once its scripts ran.

        The result keeps ``url``, status and fetch time; ``final_url`` is where the browser
        ended (a script may navigate), the body is the rendered DOM as UTF-8. Raises
        RenderError (and TooLarge over the fetcher's size cap), never anything else.
        """
        with self._lock:  # scheduled under the lock, so close() sees every page it must end
            if self._closed:
                raise RenderError(page.url, "the browser is closed (the job is ending)")
            loop = self._start()
            future = asyncio.run_coroutine_threadsafe(self._render(page), loop)
            self._futures[future] = page.url
        try:
            return future.result()
        except concurrent.futures.CancelledError:
            raise RenderError(page.url, "stopped: the job closed the browser") from None
        finally:
            with self._lock:
                self._futures.pop(future, None)

    def close(self) -> None:
        """Close the browser and the driver, and stop the thread. Safe to call twice; pages still
        rendering end with a RenderError. Bounded in time: what does not close politely is
        ended with the driver process."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            loop, thread = self._loop, self._thread
        if loop is not None and thread is not None:
            shutdown = asyncio.run_coroutine_threadsafe(self._shutdown(), loop)
            with contextlib.suppress(Exception, concurrent.futures.CancelledError):
                shutdown.result(timeout=4 * _CLOSE_TIMEOUT)
            loop.call_soon_threadsafe(loop.stop)
            thread.join(timeout=_CLOSE_TIMEOUT)
            if not thread.is_alive():
                loop.close()
        with self._lock:
            waiting = list(self._futures.items())
        for future, url in waiting:  # pages the stopped loop will never finish: callers must not wait
            with contextlib.suppress(Exception):  # finished meanwhile
                future.set_exception(RenderError(url, "stopped: the job closed the browser"))
        if self._pool is not None:
            self._pool.shutdown(wait=False, cancel_futures=True)
        if self._dead_port is not None:
            self._dead_port.close()

    # -- the loop thread

    def _start(self) -> asyncio.AbstractEventLoop:
        """The loop thread, started on first use (called under ``_lock``)."""
        if self._loop is None:
            loop = asyncio.new_event_loop()
            thread = threading.Thread(target=loop.run_forever, name="render", daemon=True)
            thread.start()
            # Fetches for the browser wait on host pacing: threads, so the loop never blocks.
            self._pool = concurrent.futures.ThreadPoolExecutor(
                max_workers=max(4, 2 * self.options.pages), thread_name_prefix="render-fetch"
            )
            self._loop, self._thread = loop, thread
        return self._loop

    async def _shutdown(self) -> None:
        # Only the pages' tasks: Playwright's own (its connection) must live to close the browser.
        pending = list(self._tasks)
        for task in pending:
            task.cancel()
        if pending:
            with contextlib.suppress(Exception):
                await asyncio.wait(pending, timeout=_CLOSE_TIMEOUT)
        if self._browser is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._browser.close(), _CLOSE_TIMEOUT)
        if self._playwright is not None:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(self._playwright.stop(), _CLOSE_TIMEOUT)

    async def _render(self, page: Page) -> Page:
        from playwright.async_api import Error as PlaywrightError

        task = asyncio.current_task()
        if task is not None:
            self._tasks.add(task)
        try:
            browser = await self._ensure_browser(page.url)
            async with self._slots:
                self.navigations += 1
                return await self._render_page(browser, page)
        except FetchError:
            raise
        except PlaywrightError as exc:
            raise RenderError(page.url, f"browser error: {_first_line(exc)}") from None
        except Exception as exc:  # never a crash: any failure of one page is that page's record
            raise RenderError(page.url, f"{type(exc).__name__}: {_first_line(exc)}") from None
        finally:
            if task is not None:
                self._tasks.discard(task)

    async def _ensure_browser(self, url: str) -> Browser:
        from playwright.async_api import Error as PlaywrightError
        from playwright.async_api import async_playwright

        async with self._launch_lock:
            if self._launch_error is not None:
                raise RenderError(url, self._launch_error)
            if self._browser is not None and self._browser.is_connected():
                return self._browser
            if self.launches >= _MAX_LAUNCHES:
                self._launch_error = f"the browser crashed {self.launches} times; not started again"
                raise RenderError(url, self._launch_error)
            executable = find_browser(self.options.browser)
            if executable is None:
                self._launch_error = render_unavailable(self.options.browser) or "no browser"
                raise RenderError(url, self._launch_error)
            if self._dead_port is None:
                # Bound and never listening: connecting to it is refused, and no one else can take it.
                self._dead_port = socket.socket()
                self._dead_port.bind(("127.0.0.1", 0))
            port = self._dead_port.getsockname()[1]
            try:
                if self._playwright is None:
                    self._playwright = await async_playwright().start()
                self._browser = await self._playwright.chromium.launch(
                    executable_path=executable,
                    headless=True,
                    args=[*_BROWSER_ARGS, f"--proxy-server=http://127.0.0.1:{port}"],
                    timeout=_LAUNCH_TIMEOUT * 1000,
                )
            except (PlaywrightError, OSError) as exc:
                self._launch_error = f"the browser {executable} could not be started: {_first_line(exc)}"
                raise RenderError(url, self._launch_error) from None
            self.launches += 1
            return self._browser

    async def _render_page(self, browser: Browser, page: Page) -> Page:
        from playwright.async_api import Error as PlaywrightError
        from playwright.async_api import TimeoutError as PlaywrightTimeout

        opts = self.options
        started = time.monotonic()
        deadline = started + opts.timeout
        state = _PageState(page, host_key(page.final_url), document=page)
        context = await browser.new_context(
            user_agent=self.fetcher.options.user_agent, service_workers="block", accept_downloads=False
        )
        try:

            async def handle(route: Route) -> None:
                try:
                    await self._answer(state, route)
                except Exception:  # unanswered, the request would hold the page until its timeout
                    with contextlib.suppress(Exception):  # the page may be gone already
                        await route.abort("failed")

            await context.route("**/*", handle)
            tab = await context.new_page()
            try:
                await tab.goto(page.final_url, wait_until="load", timeout=opts.timeout * 1000)
            except PlaywrightTimeout:
                raise RenderError(
                    page.url,
                    f"the page did not finish loading within {opts.timeout:g}s"
                    " (a script that never ends, or requests that never come back)",
                ) from None
            except PlaywrightError as exc:
                raise RenderError(page.url, f"navigation failed: {_first_line(exc)}") from None
            settle = min(opts.settle, deadline - time.monotonic())
            if settle > 0:
                # The network never going quiet (polling, a live ticker) is no failure: take the DOM as it is.
                with contextlib.suppress(PlaywrightTimeout):
                    await tab.wait_for_load_state("networkidle", timeout=settle * 1000)
            try:
                html = await asyncio.wait_for(tab.content(), max(1.0, deadline - time.monotonic()))
            except asyncio.TimeoutError:
                raise RenderError(
                    page.url,
                    f"a script kept the page busy past {opts.timeout:g}s; its HTML could not be read",
                ) from None
            final_url = tab.url
        finally:
            with contextlib.suppress(Exception):
                await asyncio.wait_for(context.close(), _CLOSE_TIMEOUT)
        body = html.encode("utf-8")
        max_bytes = self.fetcher.options.max_bytes
        if len(body) > max_bytes:
            raise TooLarge(page.url, f"rendered HTML larger than {max_bytes} bytes")
        headers = {k: v for k, v in page.headers.items() if k.lower() not in ("content-type", *_WIRE_HEADERS)}
        headers["Content-Type"] = "text/html; charset=utf-8"  # what content() gives, whatever the page said
        return Page(
            page.url,
            final_url if final_url.startswith(("http://", "https://")) else page.final_url,
            page.status,
            headers,
            body,
            page.fetched_at,
            page.elapsed + (time.monotonic() - started),
            page.from_cache,
            {**page.extra, "rendered": True, "refused": dict(state.refused)},
        )

    # -- the browser's requests

    async def _answer(self, state: _PageState, route: Route) -> None:
        """Answer one request of the browser from the fetcher, or refuse it. The page may be gone
        (closed after its timeout) by the time a slow fetch comes back: then fulfilling raises."""
        request = route.request
        document = state.document
        if document is not None and request.is_navigation_request() and _in_main_frame(request):
            state.document = None  # the page itself: already fetched (robots.txt checked, paced)
            headers = _browser_headers(document, document=True)
            await route.fulfill(status=document.status, headers=headers, body=document.body)
            return
        refusal = self._refusal(state, request)
        if refusal is not None:
            state.refused[refusal] = state.refused.get(refusal, 0) + 1
            await route.abort("blockedbyclient")
            return
        try:
            got = await self._in_thread(request.url, request.resource_type)
        except FetchError as exc:
            if isinstance(exc, (RobotsDisallowed, HostUnavailable)) or exc.status is None:
                key = "robots" if isinstance(exc, RobotsDisallowed) else "failed"
                state.refused[key] = state.refused.get(key, 0) + 1
                await route.abort("blockedbyclient" if key == "robots" else "failed")
            else:  # the server's answer (404, 500): the script sees it as a browser would
                await route.fulfill(status=exc.status, body=b"")
            return
        await route.fulfill(status=got.status, headers=_browser_headers(got), body=got.body)

    def _in_thread(self, url: str, resource_type: str) -> asyncio.Future[Page]:
        """:meth:`_fetch` on a fetch thread. Not ``run_in_executor``: a fetch still waiting for
        its host's turn when the job ends must not call back into a closed loop."""
        loop = asyncio.get_running_loop()
        result: asyncio.Future[Page] = loop.create_future()

        def settle(done: concurrent.futures.Future[Page]) -> None:
            if result.done():
                return
            if done.cancelled():
                result.cancel()
            elif done.exception() is not None:
                result.set_exception(done.exception())  # type: ignore[arg-type]
            else:
                result.set_result(done.result())

        def finished(done: concurrent.futures.Future[Page]) -> None:
            with contextlib.suppress(RuntimeError):  # the loop is closed: the page is long gone
                loop.call_soon_threadsafe(settle, done)

        assert self._pool is not None  # started with the loop
        self._pool.submit(self._fetch, url, resource_type).add_done_callback(finished)
        return result

    def _refusal(self, state: _PageState, request: Request) -> str | None:
        """Why the browser may not have this request (a key counted in the page's ``extra``), or None."""
        if request.method != "GET":
            return "method"
        if request.resource_type not in RENDER_RESOURCES:
            return "type"
        if not request.url.startswith(("http://", "https://")):
            return "scheme"
        if not self.options.other_hosts and host_key(request.url) != state.host:
            return "host"
        return None

    def _fetch(self, url: str, resource_type: str) -> Page:
        """Runs on a fetch thread: the fetcher does robots.txt, pacing, retries and the size cap."""
        cacheable = resource_type == "script"
        if cacheable:
            with self._scripts_lock:
                hit = self._scripts.get(url)
                if hit is not None:
                    self._scripts.move_to_end(url)
                    return hit
        got = self.fetcher.fetch(url, accept=HTML_TYPES if resource_type == "document" else None)
        no_store = "no-store" in (got.header("cache-control") or "").lower()
        if cacheable and got.status == 200 and not no_store and len(got.body) <= _SCRIPT_CACHE_BYTES // 8:
            with self._scripts_lock:
                if url not in self._scripts:
                    self._scripts[url] = got
                    self._scripts_size += len(got.body)
                while self._scripts_size > _SCRIPT_CACHE_BYTES:
                    _, old = self._scripts.popitem(last=False)
                    self._scripts_size -= len(old.body)
        return got


def _in_main_frame(request: Request) -> bool:
    try:
        return request.frame.parent_frame is None
    except Exception:  # a request with no frame (a worker's): not the page's navigation
        return False


def _browser_headers(page: Page, *, document: bool = False) -> dict[str, str]:
    """The response headers as the browser should see them: the fetcher's body is decoded, so
    the transfer headers go; a page the fetcher took as HTML by sniffing is labelled HTML."""
    headers = {k: v for k, v in page.headers.items() if k.lower() not in _WIRE_HEADERS}
    if document and page.content_type is None:
        headers["Content-Type"] = "text/html"
    return headers


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
