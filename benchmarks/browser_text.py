"""Does our parse keep the text a browser shows? Chromium's body.innerText against our tree.

    python benchmarks/browser_text.py PAGES_DIR [--stray-only] [--limit N]

For every page (.html or .html.gz), headless Chromium (Debian's ``chromium-headless-shell``,
driven over its DevTools pipe) loads the decoded page and reports ``document.body.innerText``;
we parse the same text with ``extractor.core.tree.parse_html`` and take every text node of the
body but scripts, styles and templates. The score of a page is the share of the browser's
words (counted with repeats) that our text holds: what a reader sees that our tree lost.
Our text also holds what CSS hides, so the other direction says nothing and is not scored.

``--stray-only`` keeps the pages whose first ``</body>`` or ``</html>`` is followed by at
least 30 words of text (stray end tags in ad slots and templates), the case this checks.

Offline by construction: every host name resolves to nothing and the proxy is a closed
local port, so nothing the page links to is fetched; the page's scripts are disabled, as
our extractor runs none (so <noscript> content shows, and is kept in our text too).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections import Counter
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from extractor.core.decode import decode_html
from extractor.core.tree import parse_html

_END = re.compile(r"</(?:body|html)\s*>", re.IGNORECASE)
_NOT_SHOWN = re.compile(
    r"<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->", re.DOTALL | re.IGNORECASE
)
_TAG = re.compile(r"<[^>]*>")
_WORD = re.compile(r"\w+")


def page_text(path: Path) -> str:
    data = path.read_bytes()
    return decode_html(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data)[0]


def has_stray_end(text: str, words: int = 30) -> bool:
    match = _END.search(text)
    if match is None:
        return False
    return len(_TAG.sub(" ", _NOT_SHOWN.sub(" ", text[match.end() :])).split()) >= words


def our_text(text: str) -> str:
    body = parse_html(text).find("body")
    if body is None:
        return ""
    for node in body.xpath(".//script|.//style|.//template"):
        node.drop_tree()
    return " ".join(body.itertext())


class Chromium:
    """One headless Chromium, spoken to over --remote-debugging-pipe (fds 3 and 4)."""

    def __init__(self, binary: str) -> None:
        to_chrome_r, self._to_chrome = os.pipe()
        self._from_chrome, from_chrome_w = os.pipe()
        # Above 4, so putting them on 3 and 4 in the child cannot overwrite one another.
        child_r, child_w = os.dup(to_chrome_r), os.dup(from_chrome_w)
        os.close(to_chrome_r)
        os.close(from_chrome_w)
        self._profile = tempfile.mkdtemp(prefix="browser_text_")

        flags = [
            "--remote-debugging-pipe",
            "--no-sandbox",
            "--disable-gpu",
            "--no-first-run",
            "--host-resolver-rules=MAP * ~NOTFOUND",
            "--proxy-server=http://127.0.0.1:9",
            "--disable-background-networking",
            f"--user-data-dir={self._profile}",
            "about:blank",
        ]
        # The shell puts the pipe ends on fds 3 and 4, where Chromium looks for them.
        move = f'exec "$0" "$@" 3<&{child_r} 4>&{child_w} {child_r}<&- {child_w}>&-'
        self._proc = subprocess.Popen(
            ["sh", "-c", move, binary, *flags],
            pass_fds=(child_r, child_w),
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        os.close(child_r)
        os.close(child_w)
        self._buffer = b""
        self._id = 0
        target = self._call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self._session = self._call("Target.attachToTarget", {"targetId": target, "flatten": True})[
            "sessionId"
        ]
        self._call("Page.enable")
        self._call("Emulation.setScriptExecutionDisabled", {"value": True})

    def _receive(self) -> dict[str, Any]:
        while b"\0" not in self._buffer:
            chunk = os.read(self._from_chrome, 1 << 16)
            if not chunk:
                raise EOFError("chromium closed the pipe")
            self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)  # type: ignore[no-any-return]

    def _call(self, method: str, params: dict[str, Any] | None = None, until: str | None = None) -> Any:
        self._id += 1
        message: dict[str, Any] = {"id": self._id, "method": method, "params": params or {}}
        if getattr(self, "_session", None):
            message["sessionId"] = self._session
        os.write(self._to_chrome, json.dumps(message).encode() + b"\0")
        result, seen = None, until is None
        while result is None or not seen:
            reply = self._receive()
            if reply.get("id") == self._id:
                result = reply
            elif reply.get("method") == until:
                seen = True
        if "error" in result:
            raise RuntimeError(f"{method}: {result['error']}")
        return result["result"]

    def inner_text(self, html_file: Path) -> str:
        self._call("Page.navigate", {"url": html_file.resolve().as_uri()}, until="Page.loadEventFired")
        expression = "document.body ? document.body.innerText : ''"
        reply = self._call("Runtime.evaluate", {"expression": expression, "returnByValue": True})
        return str(reply["result"].get("value") or "")

    def close(self) -> None:
        self._proc.terminate()
        self._proc.wait(10)
        shutil.rmtree(self._profile, ignore_errors=True)


def recall(browser: str, ours: str) -> tuple[int, int]:
    """(browser words our text holds, browser words), counted with repeats, case-folded."""
    seen, kept = Counter(_WORD.findall(browser.lower())), Counter(_WORD.findall(ours.lower()))
    return sum(min(n, kept[w]) for w, n in seen.items()), sum(seen.values())


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument(
        "--stray-only", action="store_true", help="only pages with text after </body> or </html>"
    )
    parser.add_argument("--limit", type=int, default=None, help="at most N pages (after --stray-only)")
    parser.add_argument("--chromium", default="chromium-headless-shell", help="the browser binary")
    args = parser.parse_args()
    binary = shutil.which(args.chromium)
    if binary is None:
        print(f"{args.chromium} not found (apt-get install chromium-headless-shell)", file=sys.stderr)
        return 2
    pages = sorted(
        p for p in args.folder.rglob("*") if p.is_file() and p.name.endswith((".html", ".html.gz"))
    )
    texts = [(p, page_text(p)) for p in pages]
    if args.stray_only:
        texts = [(p, t) for p, t in texts if has_stray_end(t)]
    texts = texts[: args.limit] if args.limit else texts
    browser = Chromium(binary)
    total_kept = total = 0
    try:
        with tempfile.TemporaryDirectory() as tmp:
            for path, text in texts:
                copy = Path(tmp) / "page.html"
                copy.write_text("\ufeff" + text, encoding="utf-8")  # the BOM fixes the decoding
                kept, words = recall(browser.inner_text(copy), our_text(text))
                total_kept, total = total_kept + kept, total + words
                print(
                    f"{path.name:30s} {words:7d} browser words, "
                    f"{kept / words if words else 1:6.3f} in our tree"
                )
    finally:
        browser.close()
    print(f"{len(texts)} pages: {total_kept / total if total else 1:.3f} of the browser's words in our tree")
    return 0


if __name__ == "__main__":
    sys.exit(main())
