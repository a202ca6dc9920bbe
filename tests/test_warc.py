"""WARC archives written here with warcio and read back as pages."""

from __future__ import annotations

import io
from datetime import datetime, timezone
from pathlib import Path

import pytest
from _server import page
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.fetch import NotFound, WarcFetcher, iter_warc_pages
from extractor.jobs import scrape
from extractor.model import Article, ErrorRecord

DATE = "2023-04-05T06:07:08Z"


def _response(
    writer: WARCWriter, url: str, body: bytes, status: str = "200 OK", ctype: str = "text/html"
) -> None:
    headers = StatusAndHeaders(
        status, [("Content-Type", ctype), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
    )
    record = writer.create_warc_record(
        url, "response", payload=io.BytesIO(body), http_headers=headers, warc_headers_dict={"WARC-Date": DATE}
    )
    writer.write_record(record)


def make_warc(path: Path, *, gzip: bool = True) -> Path:
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        req = StatusAndHeaders("GET /one HTTP/1.1", [("Host", "news.example.org")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record("https://news.example.org/one", "request", http_headers=req)
        )
        _response(writer, "https://news.example.org/one", page("One"))
        _response(writer, "https://news.example.org/logo.png", b"\x89PNG....", ctype="image/png")
        _response(writer, "https://news.example.org/gone", b"<html>gone</html>", status="404 Not Found")
        _response(writer, "https://news.example.org/moved", b"", status="301 Moved Permanently")
        _response(writer, "https://news.example.org/two", page("Two"), ctype="text/html; charset=utf-8")
    return path


@pytest.mark.parametrize("gzip", [True, False])
def test_response_records_become_pages(tmp_path: Path, gzip: bool) -> None:
    items = list(iter_warc_pages([make_warc(tmp_path / "crawl.warc", gzip=gzip)]))
    pages = [i for i in items if not isinstance(i, Exception)]
    errors = [i for i in items if isinstance(i, Exception)]
    assert [p.url for p in pages] == ["https://news.example.org/one", "https://news.example.org/two"]
    assert pages[0].body == page("One")
    assert pages[0].fetched_at == datetime(2023, 4, 5, 6, 7, 8, tzinfo=timezone.utc)
    assert pages[1].header("content-type") == "text/html; charset=utf-8"
    assert [type(e) for e in errors] == [NotFound] and errors[0].url.endswith("/gone")


def test_random_access_by_url(tmp_path: Path) -> None:
    fetcher = WarcFetcher([make_warc(tmp_path / "crawl.warc.gz")])
    assert fetcher.fetch("https://news.example.org/two").body == page("Two")
    with pytest.raises(NotFound):
        fetcher.fetch("https://news.example.org/absent")
    with pytest.raises(NotFound):
        fetcher.fetch("https://news.example.org/logo.png")


def test_missing_archive_is_an_error_item(tmp_path: Path) -> None:
    items = list(iter_warc_pages([tmp_path / "nope.warc.gz"]))
    assert len(items) == 1 and isinstance(items[0], NotFound)


def test_scrape_reads_archives(tmp_path: Path) -> None:
    records = list(scrape(warcs=[str(make_warc(tmp_path / "crawl.warc.gz"))]))
    articles = sorted((r for r in records if isinstance(r, Article)), key=lambda a: a.url or "")
    assert [a.url for a in articles] == ["https://news.example.org/one", "https://news.example.org/two"]
    assert articles[0].headline == "One"
    assert articles[0].fetched_at == datetime(2023, 4, 5, 6, 7, 8, tzinfo=timezone.utc)
    assert [r.error for r in records if isinstance(r, ErrorRecord)] == ["NotFound"]
