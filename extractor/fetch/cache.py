"""On-disk HTTP cache with conditional revalidation (ETag / Last-Modified).

Why not requests-cache: it reads the whole response into memory before our
size cap and bomb checks can run, and it caches by status code alone. Here
only pages that passed every check (2xx, HTML, under the cap, not a block
page) are ever stored, so an error or challenge page can never be served back
as good. One file per URL, replaced atomically, so concurrent threads or
processes and a kill mid-write never leave a torn entry.
"""

from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass, replace
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path

from ..core.atomic import AtomicFile
from .page import Page


def default_cache_dir() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "extractor" / "http"


@dataclass(slots=True, frozen=True)
class CacheEntry:
    page: Page
    stored_at: float  # wall clock (time.time()): entries outlive the process

    def validators(self) -> dict[str, str]:
        """Headers for a conditional request: 304 then means our copy is still good."""
        out: dict[str, str] = {}
        etag = self.page.header("etag")
        if etag:
            out["If-None-Match"] = etag
        last_modified = self.page.header("last-modified")
        if last_modified:
            out["If-Modified-Since"] = last_modified
        return out

    def is_fresh(self, ttl: float | None, now: float | None = None) -> bool:
        """Fresh = usable without asking the server. A user TTL overrides the server's headers."""
        now = time.time() if now is None else now
        age = now - self.stored_at
        if ttl is not None:
            return age < ttl
        lifetime = freshness_lifetime(self.page)
        return lifetime is not None and age < lifetime


def _cache_control(page: Page) -> dict[str, str]:
    value = page.header("cache-control") or ""
    out: dict[str, str] = {}
    for part in value.split(","):
        name, _, arg = part.strip().partition("=")
        if name:
            out[name.lower()] = arg.strip().strip('"')
    return out


def freshness_lifetime(page: Page) -> float | None:
    """Seconds the server says the page stays fresh (RFC 9111 max-age, then Expires)."""
    cc = _cache_control(page)
    if "no-cache" in cc or "must-revalidate" in cc:
        return None
    for key in ("s-maxage", "max-age"):
        if key in cc:
            try:
                return float(cc[key])
            except ValueError:
                return None
    expires, date = page.header("expires"), page.header("date")
    if expires:
        try:
            exp = parsedate_to_datetime(expires)
            ref = parsedate_to_datetime(date) if date else datetime.now(timezone.utc)
            return (exp - ref).total_seconds()
        except (TypeError, ValueError):
            return None
    return None


def is_storable(page: Page) -> bool:
    return "no-store" not in _cache_control(page)


class DiskCache:
    """URL -> last good Page, one file each under ``directory``."""

    def __init__(self, directory: str | os.PathLike[str] | None = None, *, ttl: float | None = None) -> None:
        self.directory = Path(directory) if directory is not None else default_cache_dir()
        self.ttl = ttl
        self.directory.mkdir(parents=True, exist_ok=True)

    def _path(self, url: str) -> Path:
        key = hashlib.sha256(url.encode("utf-8")).hexdigest()
        return self.directory / key[:2] / f"{key}.page"

    def get(self, url: str) -> CacheEntry | None:
        try:
            with open(self._path(url), "rb") as fh:
                meta = json.loads(fh.readline())
                body = fh.read()
        except (OSError, ValueError):
            return None
        if meta.get("url") != url or len(body) != meta.get("size"):
            return None  # hash collision or a foreign / damaged file: treat as a miss
        page = Page(
            url=url,
            final_url=meta["final_url"],
            status=int(meta["status"]),
            headers=dict(meta["headers"]),
            body=body,
            fetched_at=datetime.fromisoformat(meta["fetched_at"]),
            elapsed=0.0,
            from_cache=True,
        )
        return CacheEntry(page, float(meta["stored_at"]))

    def put(self, page: Page, *, stored_at: float | None = None) -> None:
        """Store a page that passed every check. Callers must not pass error or block pages."""
        if not is_storable(page):
            return
        meta = {
            "url": page.url,
            "final_url": page.final_url,
            "status": page.status,
            "headers": dict(page.headers),
            "fetched_at": page.fetched_at.isoformat(),
            "stored_at": time.time() if stored_at is None else stored_at,
            "size": len(page.body),
        }
        path = self._path(page.url)
        path.parent.mkdir(parents=True, exist_ok=True)
        with AtomicFile(path, binary=True, fsync=False) as fh:
            fh.write(json.dumps(meta, ensure_ascii=True).encode("ascii") + b"\n")
            fh.write(page.body)

    def revalidated(self, entry: CacheEntry, headers: dict[str, str]) -> Page:
        """A 304 arrived: refresh the stored time and headers (RFC 9111 4.3.4), keep the body."""
        merged = dict(entry.page.headers)
        lower = {k.lower(): k for k in merged}
        for key, value in headers.items():
            if key.lower() in ("content-length", "content-encoding", "transfer-encoding"):
                continue
            merged[lower.get(key.lower(), key)] = value
        page = replace(entry.page, headers=merged, from_cache=False)
        self.put(page)
        return replace(page, from_cache=True)
