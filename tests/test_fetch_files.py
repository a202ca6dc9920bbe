"""Local files, folders and stdin as page sources."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from _server import page

from extractor.fetch import (
    FileFetcher,
    NotFound,
    NotHTML,
    StdinFetcher,
    TooLarge,
    iter_file_pages,
    read_page,
    read_stdin_page,
)


def test_read_page_keeps_bytes_and_uses_file_uri(tmp_path: Path) -> None:
    path = tmp_path / "story.html"
    path.write_bytes(page("Local"))
    got = read_page(path)
    assert got.body == page("Local") and got.status == 200
    assert got.url == got.final_url == path.resolve().as_uri()
    assert got.fetched_at.tzinfo is not None


def test_url_sidecar_gives_original_address(tmp_path: Path) -> None:
    (tmp_path / "story.html").write_bytes(page("Saved"))
    (tmp_path / "story.url").write_text("https://news.example.org/2024/story\n")
    got = read_page(tmp_path / "story.html")
    assert got.final_url == "https://news.example.org/2024/story"
    assert got.url.startswith("file://")


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
    assert got.url == "https://example.org/x" and got.body == page("Piped")
    assert read_stdin_page(stream=io.BytesIO(b"<p>x</p>")).url == "stdin:"
    with pytest.raises(TooLarge):
        read_stdin_page(stream=io.BytesIO(b"x" * 100), max_bytes=10)
    fetcher = StdinFetcher(stream=io.BytesIO(page("Once")))
    assert fetcher.fetch("u").body == fetcher.fetch("u").body == page("Once")
