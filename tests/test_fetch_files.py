"""Local files, folders and stdin as page sources."""

from __future__ import annotations

import gzip
import io
import random
import sys
import tracemalloc
from pathlib import Path

import pytest
from _server import gzip_bomb, page

from extractor.fetch import (
    DecodeError,
    FileFetcher,
    NotFound,
    NotHTML,
    Page,
    StdinFetcher,
    TooLarge,
    iter_file_pages,
    read_page,
    read_stdin_page,
)
from extractor.jobs.batch import scrape
from extractor.model import Article, ErrorRecord

MB = 1024 * 1024
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4


def test_read_page_keeps_bytes_and_uses_file_uri(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_bytes(page("Local"))
    got = read_page(path)
    assert got.body == page("Local")
    assert got.status == 200
    assert got.url == got.final_url == path.resolve().as_uri()
    assert got.fetched_at.tzinfo is not None


def test_url_sidecar_gives_original_address(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_bytes(page("Saved"))
    (tmp_path / "story.url").write_text("https://news.example.org/2024/story\n")
    got = read_page(tmp_path / "story.html")
    assert got.final_url == "https://news.example.org/2024/story"
    assert got.url.startswith("file://")


def test_url_sidecar_of_a_gz_page(tmp_path: Path) -> None:
    (tmp_path / "story.html.gz").write_bytes(gzip.compress(page("Saved gz")))
    (tmp_path / "story.url").write_text("https://news.example.org/2024/gz\n")
    assert read_page(tmp_path / "story.html.gz").final_url == "https://news.example.org/2024/gz"


def test_file_uri_is_accepted(tmp_path: Path) -> None:
    path = tmp_path / "a b.html"
    path.write_bytes(page("Spaces"))
    assert FileFetcher().fetch(path.resolve().as_uri()).body == page("Spaces")


def test_errors_are_typed(tmp_path: Path) -> None:
    with pytest.raises(NotFound):
        read_page(tmp_path / "missing.html")
    with pytest.raises(NotFound):
        read_page(tmp_path)
    (tmp_path / "big.html").write_bytes(b"<html>" + b"x" * 5000)
    with pytest.raises(TooLarge):
        read_page(tmp_path / "big.html", max_bytes=1000)
    (tmp_path / "notes.txt").write_bytes(b"just words")
    with pytest.raises(NotHTML):
        read_page(tmp_path / "notes.txt")
    (tmp_path / "page.txt").write_bytes(page("Sniffed"))
    assert read_page(tmp_path / "page.txt").status == 200


def test_folder_is_walked_in_order_and_failures_are_yielded(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "a.html").write_bytes(page("A"))
    (tmp_path / "b" / "c.htm").write_bytes(page("C"))
    (tmp_path / "b" / "skip.css").write_bytes(b"body{}")
    items = list(iter_file_pages([tmp_path, tmp_path / "nope.html"]))
    assert [Path(p.extra["path"]).name for p in items[:2]] == ["a.html", "c.htm"]  # type: ignore[union-attr]
    assert isinstance(items[2], NotFound)


def test_stdin_page() -> None:
    got = read_stdin_page("https://example.org/x", stream=io.BytesIO(page("Piped")))
    assert got.url == "https://example.org/x"
    assert got.body == page("Piped")
    assert read_stdin_page(stream=io.BytesIO(b"<p>x</p>")).url == "stdin:"
    with pytest.raises(TooLarge):
        read_stdin_page(stream=io.BytesIO(b"x" * 100), max_bytes=10)
    fetcher = StdinFetcher(stream=io.BytesIO(page("Once")))
    assert fetcher.fetch("u").body == fetcher.fetch("u").body == page("Once")


# ---------------------------------------------------------------- gzip: one capped reader


def test_gz_page_is_read_and_gz_bomb_is_too_large(tmp_path: Path) -> None:
    (tmp_path / "ok.html.gz").write_bytes(gzip.compress(page("Zipped")))
    assert read_page(tmp_path / "ok.html.gz").body == page("Zipped")
    bomb = tmp_path / "bomb.html.gz"
    bomb.write_bytes(gzip_bomb(200 * MB))  # ~200 KB on disk
    tracemalloc.start()
    try:
        with pytest.raises(TooLarge) as info:
            read_page(bomb, max_bytes=4 * MB)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert "expands past" in info.value.reason
    assert peak < 8 * MB  # the cap and a chunk, never the 200 MB
    (tmp_path / "cut.html.gz").write_bytes(gzip.compress(page("Cut") * 10)[:80])
    with pytest.raises(DecodeError):
        read_page(tmp_path / "cut.html.gz")


def test_folder_with_a_gz_bomb_still_yields_its_good_pages(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_bytes(page("A"))
    (tmp_path / "b.html.gz").write_bytes(gzip_bomb(3 * MB))
    (tmp_path / "c.htm.gz").write_bytes(gzip.compress(page("C")))
    items = list(iter_file_pages([tmp_path], max_bytes=MB))
    assert [Path(i.extra["path"]).name if isinstance(i, Page) else type(i).__name__ for i in items] == [
        "a.html",
        "TooLarge",
        "c.htm.gz",
    ]
    assert isinstance(items[2], Page)
    assert items[2].body == page("C")


def test_stdin_gz_is_undone_within_the_cap() -> None:
    got = read_stdin_page("https://example.org/z", stream=io.BytesIO(gzip.compress(page("Piped gz"))))
    assert got.body == page("Piped gz")
    with pytest.raises(TooLarge):
        read_stdin_page(stream=io.BytesIO(gzip_bomb(3 * MB)), max_bytes=MB)


def test_scrape_files_and_stdin_accept_html_gz(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "one.html.gz").write_bytes(gzip.compress(page("Gz in a folder")))
    (tmp_path / "two.html.gz").write_bytes(gzip.compress(page("Gz by name")))
    records = list(scrape(files=[str(tmp_path / "site"), str(tmp_path / "two.html.gz")]))
    assert sorted(r.headline or "" for r in records if isinstance(r, Article)) == [
        "Gz by name",
        "Gz in a folder",
    ]
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(gzip.compress(page("Gz on stdin")))))
    [record] = list(scrape(stdin=True, stdin_url="https://example.org/gz"))
    assert isinstance(record, Article)
    assert record.headline == "Gz on stdin"


# ---------------------------------------------------------------- binary input


def test_binary_files_are_not_html_whatever_their_name(tmp_path: Path) -> None:
    (tmp_path / "image.html").write_bytes(PNG)
    (tmp_path / "doc.htm").write_bytes(b"%PDF-1.4\n1 0 obj << >> endobj\n" + bytes(range(256)))
    (tmp_path / "noise.html").write_bytes(random.Random(7).randbytes(4096))
    (tmp_path / "page.html").write_bytes(page("Real"))
    items = {
        Path(i.extra["path"]).name if isinstance(i, Page) else Path(i.url).name: i
        for i in iter_file_pages([tmp_path])
    }
    assert isinstance(items["page.html"], Page)
    for name, why in (("image.html", "PNG"), ("doc.htm", "PDF"), ("noise.html", "control characters")):
        item = items[name]
        assert isinstance(item, NotHTML), name
        assert why in item.reason, name


def test_binary_stdin_is_not_html_and_scrape_records_it(monkeypatch: pytest.MonkeyPatch) -> None:
    with pytest.raises(NotHTML):
        read_stdin_page(stream=io.BytesIO(PNG))
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(random.Random(1).randbytes(2048))))
    [record] = list(scrape(stdin=True, stdin_url="https://example.org/noise"))
    assert isinstance(record, ErrorRecord)
    assert record.error == "NotHTML"


def test_utf16_and_shift_jis_files_are_still_pages(tmp_path: Path) -> None:
    html = page("東京の記事").decode()
    (tmp_path / "u16.html").write_bytes(html.encode("utf-16"))
    (tmp_path / "sjis.html").write_bytes(
        html.replace("<head>", "<head><meta charset=shift_jis>").encode("shift_jis")
    )
    records = list(scrape(files=[str(tmp_path)]))
    assert [r.headline for r in records if isinstance(r, Article)] == ["東京の記事", "東京の記事"]
