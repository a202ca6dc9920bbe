"""WARC archives written here with warcio and read back as pages."""

from __future__ import annotations

import io
from collections import Counter
from datetime import datetime, timezone
from pathlib import Path

import pytest
from _server import page
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor.fetch import NotFound, NotHTML, Page, Truncated, WarcFetcher, iter_warc_pages
from extractor.jobs.batch import JobSummary, ScrapeOptions, iter_outcomes, scrape
from extractor.model import Article, ErrorRecord

DATE = "2023-04-05T06:07:08Z"


def _response(
    writer: WARCWriter,
    url: str,
    body: bytes,
    status: str = "200 OK",
    ctype: str = "text/html",
    *,
    length: int | None = None,
    warc_headers: dict[str, str] | None = None,
) -> None:
    headers = StatusAndHeaders(
        status,
        [("Content-Type", ctype), ("Content-Length", str(len(body) if length is None else length))],
        protocol="HTTP/1.1",
    )
    record = writer.create_warc_record(
        url,
        "response",
        payload=io.BytesIO(body),
        http_headers=headers,
        warc_headers_dict={"WARC-Date": DATE, **(warc_headers or {})},
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
    assert [type(e) for e in errors] == [NotFound]
    assert errors[0].url.endswith("/gone")


def test_random_access_by_url(tmp_path: Path) -> None:
    fetcher = WarcFetcher([make_warc(tmp_path / "crawl.warc.gz")])
    assert fetcher.fetch("https://news.example.org/two").body == page("Two")
    with pytest.raises(NotFound):
        fetcher.fetch("https://news.example.org/absent")
    with pytest.raises(NotFound):
        fetcher.fetch("https://news.example.org/logo.png")


def test_missing_archive_is_an_error_item(tmp_path: Path) -> None:
    items = list(iter_warc_pages([tmp_path / "nope.warc.gz"]))
    assert len(items) == 1
    assert isinstance(items[0], NotFound)


def test_scrape_reads_archives(tmp_path: Path) -> None:
    records = list(scrape(warcs=[str(make_warc(tmp_path / "crawl.warc.gz"))]))
    articles = sorted((r for r in records if isinstance(r, Article)), key=lambda a: a.url or "")
    assert [a.url for a in articles] == ["https://news.example.org/one", "https://news.example.org/two"]
    assert articles[0].headline == "One"
    assert articles[0].fetched_at == datetime(2023, 4, 5, 6, 7, 8, tzinfo=timezone.utc)
    assert [r.error for r in records if isinstance(r, ErrorRecord)] == ["NotFound"]


# ---------------------------------------------------------------- truncated records


def _two_pages(path: Path, *, gzip: bool, paragraphs: int = 60) -> tuple[bytes, int]:
    """An archive of two pages, and the offset where the second record starts."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=gzip)
        _response(writer, "https://news.example.org/one", page("One", paragraphs))
        boundary = fh.tell()
        _response(writer, "https://news.example.org/two", page("Two", paragraphs))
    return path.read_bytes(), boundary


@pytest.mark.parametrize("gzip", [True, False])
@pytest.mark.parametrize("keep", [0.7, 0.8, 0.9, 0.97])
def test_a_record_cut_short_is_truncated_not_ok(tmp_path: Path, gzip: bool, keep: float) -> None:
    whole, first_end = _two_pages(tmp_path / "whole.warc", gzip=gzip)
    cut = tmp_path / "cut.warc"
    cut.write_bytes(whole[: first_end + int((len(whole) - first_end) * keep)])
    items = list(iter_warc_pages([cut]))
    pages = [i for i in items if isinstance(i, Page)]
    assert [p.url for p in pages] == ["https://news.example.org/one"]
    assert pages[0].body == page("One", 60)
    assert len(items) == 2, items
    assert isinstance(items[1], Truncated), items
    assert items[1].url == "https://news.example.org/two"
    assert "missing" in items[1].reason
    records = list(scrape(warcs=[str(cut)]))
    assert sorted(r.error for r in records if isinstance(r, ErrorRecord)) == ["Truncated"]


@pytest.mark.parametrize("gzip", [True, False])
def test_a_cut_anywhere_never_passes_a_partial_page_and_never_stops_the_job(
    tmp_path: Path, gzip: bool
) -> None:
    whole, first_end = _two_pages(tmp_path / "whole.warc", gzip=gzip, paragraphs=6)
    cut = tmp_path / "cut.warc"
    step = 2 if gzip else 5
    for end in range(first_end + 1, len(whole), step):  # inside the second record: headers, status line, body
        cut.write_bytes(whole[:end])
        skipped: Counter[str] = Counter()
        items = list(iter_warc_pages([cut], skipped=skipped))  # raises nothing
        assert isinstance(items[0], Page), end
        assert items[0].body == page("One", 6), end
        rest = items[1:]
        if any(
            isinstance(i, Page) for i in rest
        ):  # only when nothing of the payload is missing (a gzip trailer)
            assert [i.body for i in rest if isinstance(i, Page)] == [page("Two", 6)], end
        else:  # an error for the cut record, or (a header block cut right after "Content-Length:") a skip counted
            assert [type(i) for i in rest] == [Truncated] or (not rest and sum(skipped.values()) == 1), (
                end,
                rest,
            )


def test_declared_truncation_and_short_payload_are_truncated(tmp_path: Path) -> None:
    path = tmp_path / "marked.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        _response(writer, "https://e.org/cut", page("Cut", 5), warc_headers={"WARC-Truncated": "length"})
        _response(writer, "https://e.org/short", page("Short", 5), length=len(page("Short", 5)) + 500)
        _response(writer, "https://e.org/fine", page("Fine", 5))
    items = {i.url: i for i in iter_warc_pages([path])}
    assert isinstance(items["https://e.org/cut"], Truncated)
    assert "WARC-Truncated" in items["https://e.org/cut"].reason
    assert isinstance(items["https://e.org/short"], Truncated)
    assert isinstance(items["https://e.org/fine"], Page)
    with pytest.raises(Truncated):
        WarcFetcher([path]).fetch("https://e.org/cut")


# ---------------------------------------------------------------- binary and skipped records


def test_binary_payload_labelled_html_is_not_html(tmp_path: Path) -> None:
    path = tmp_path / "mixed.warc.gz"
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        _response(writer, "https://e.org/png", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 8)
        _response(
            writer, "https://e.org/pdf", b"%PDF-1.4\n" + bytes(range(256)), ctype="text/html; charset=utf-8"
        )
        _response(writer, "https://e.org/page", page("Page"))
    items = {i.url: i for i in iter_warc_pages([path])}
    assert isinstance(items["https://e.org/png"], NotHTML)
    assert "PNG" in items["https://e.org/png"].reason
    assert isinstance(items["https://e.org/pdf"], NotHTML)
    assert isinstance(items["https://e.org/page"], Page)


def test_skipped_records_are_counted_in_the_summary(tmp_path: Path) -> None:
    path = make_warc(tmp_path / "crawl.warc.gz")  # one image, one redirect besides the pages
    skipped: Counter[str] = Counter()
    list(iter_warc_pages([path], skipped=skipped))
    assert skipped == Counter({"not HTML": 1, "redirect": 1})
    summary = JobSummary()
    for outcome in iter_outcomes([], ScrapeOptions(warcs=(str(path),)), stats=summary):
        summary.add(outcome)
    assert summary.ok == 2
    assert summary.failed == Counter({"NotFound": 1})
    assert summary.to_dict()["archive_skipped"] == {"not HTML": 1, "redirect": 1}
    assert "2 archive records skipped, not pages (not HTML 1, redirect 1)" in summary.format()
