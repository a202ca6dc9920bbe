"""The datatrove step (issue 17): a WARC written here, read by datatrove's WarcReader, through ExtractorStep.

End to end as a corpus builder runs it (reader, step, writer under datatrove's own
executor), and the step's record of what it kept and dropped in datatrove's statistics.
"""

from __future__ import annotations

import gzip
import io
import json
from pathlib import Path
from typing import Any

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extractor import extract_article

pytest.importorskip("datatrove")
pytest.importorskip("magic")  # WarcReader's content sniffing (python-magic), part of the extra
pytest.importorskip("cchardet")  # WarcReader's charset guess (faust-cchardet), part of the extra

from datatrove.data import Document
from datatrove.executor import LocalPipelineExecutor
from datatrove.pipeline.extractors.base import BaseExtractor
from datatrove.pipeline.readers import WarcReader
from datatrove.pipeline.writers import JsonlWriter

from extractor.datatrove import ExtractorStep, article_metadata

CRAWLED = "2024-05-02T10:00:00Z"


def article_page(title: str, author: str, lang: str = "en") -> bytes:
    return (
        f"<!doctype html><html lang='{lang}'><head><meta charset='utf-8'><title>{title} | Daily</title>"
        "<meta property='og:site_name' content='The Daily Example'>"
        "<meta property='article:published_time' content='2024-05-01T08:30:00+02:00'>"
        f"<meta name='author' content='{author}'></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/sport'>Sport</a></nav>"
        f"<article><h1>{title}</h1><p class='byline'>By {author}</p>"
        "<p>The council met on Tuesday, and after a long debate the vote was close: seven to six in favour.</p>"
        "<p>“We will build the bridge this year,” said the mayor, who spoke for twenty minutes.</p>"
        "<p>Work on the river crossing starts in June; the budget is forty million euros over three years.</p>"
        "</article><footer>© The Daily Example. All rights reserved.</footer></body></html>"
    ).encode()


EMPTY_PAGE = b"<!doctype html><html><head><title>Nothing</title></head><body></body></html>"
PAGES = {
    "https://daily.example/2024/05/bridge": article_page("Council backs the bridge", "Ann Lee"),
    "https://daily.example/2024/05/budget": article_page("Budget passes at last", "Bo Chen"),
    "https://daily.example/empty": EMPTY_PAGE,
}


def write_warc(path: Path) -> Path:
    """A small crawl: a warcinfo and a request record, three HTML responses and an image."""
    with open(path, "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warcinfo_record(path.name, {"software": "test"}))
        request = StatusAndHeaders("GET / HTTP/1.1", [("Host", "daily.example")], is_http_request=True)
        writer.write_record(
            writer.create_warc_record("https://daily.example/", "request", http_headers=request)
        )
        bodies = [*PAGES.items(), ("https://daily.example/logo.png", b"\x89PNG\r\n\x1a\n" + bytes(64))]
        for url, body in bodies:
            ctype = "image/png" if url.endswith(".png") else "text/html; charset=utf-8"
            headers = StatusAndHeaders(
                "200 OK", [("Content-Type", ctype), ("Content-Length", str(len(body)))], protocol="HTTP/1.1"
            )
            record = writer.create_warc_record(
                url,
                "response",
                payload=io.BytesIO(body),
                http_headers=headers,
                warc_headers_dict={"WARC-Date": CRAWLED},
            )
            writer.write_record(record)
    return path


@pytest.fixture
def crawl(tmp_path: Path) -> Path:
    folder = tmp_path / "crawl"
    folder.mkdir()
    write_warc(folder / "crawl.warc.gz")
    return folder


def stat_totals(step: Any) -> dict[str, int]:
    return {label: int(metric.total) for label, metric in step.stats.stats.items()}


def test_warc_through_reader_and_step(crawl: Path) -> None:
    step = ExtractorStep()
    docs = list(step.run(WarcReader(str(crawl)).run()))
    assert [doc.metadata["url"] for doc in docs] == list(PAGES)[:2]  # the empty page is dropped
    for doc in docs:
        expected = extract_article(PAGES[doc.metadata["url"]], doc.metadata["url"], comments=False)
        assert expected.body
        assert doc.text == expected.body
        assert "<p>" not in doc.text
        assert "All rights reserved" not in doc.text
        assert doc.metadata["date"] == CRAWLED  # the reader's crawl time stays
        assert doc.metadata["fetched_at"] == "2024-05-02T10:00:00+00:00"  # and anchored the extraction
        assert doc.metadata["site_name"] == "The Daily Example"
        assert doc.metadata["published"] == "2024-05-01T08:30:00+02:00"
        assert doc.metadata["language"] == "en"
        assert doc.metadata["page_type"] == "article"
        assert doc.metadata["headline"] == expected.headline
        assert doc.metadata["authors"] == expected.authors
        assert expected.authors  # the byline was read, so the check above compares something
    assert docs[0].metadata["headline"] == "Council backs the bridge"
    assert docs[1].metadata["authors"] == ["Bo Chen"]
    totals = stat_totals(step)
    assert (totals["total"], totals["extracted"], totals["forwarded"], totals["dropped"]) == (3, 3, 2, 1)
    assert totals["doc_len"] == sum(len(doc.text) for doc in docs)


def test_end_to_end_under_datatrove_executor(crawl: Path, tmp_path: Path) -> None:
    """Reader, step and writer as a pipeline: the corpus file holds the body texts and metadata."""
    out = tmp_path / "corpus"
    executor = LocalPipelineExecutor(
        pipeline=[WarcReader(str(crawl)), ExtractorStep(quotes=True), JsonlWriter(str(out))],
        tasks=1,
        workers=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    [corpus_file] = sorted(out.iterdir())
    with gzip.open(corpus_file, "rt", encoding="utf-8") as fh:
        written = [json.loads(line) for line in fh]
    assert [doc["metadata"]["url"] for doc in written] == list(PAGES)[:2]
    for doc in written:
        expected = extract_article(PAGES[doc["metadata"]["url"]], doc["metadata"]["url"], comments=False)
        assert doc["text"] == expected.body
        assert doc["metadata"]["headline"] == expected.headline
        assert [q["text"] for q in doc["metadata"]["quotes"]] == [q.text for q in expected.quotes]
    assert any(doc["metadata"]["quotes"] for doc in written)  # the mayor's words were found
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text(encoding="utf-8"))
    [ours] = [s for s in stats if "extractor" in s["name"]]
    counts = {k: ours["stats"][k] for k in ("total", "extracted", "forwarded", "dropped")}
    assert counts == {"total": 3, "extracted": 3, "forwarded": 2, "dropped": 1}


def test_failures_are_counted_and_skipped_never_fatal(monkeypatch: pytest.MonkeyPatch) -> None:
    """A page over its time limit, over its memory limit, or raising: counted as datatrove's extractors do."""
    from extractor import datatrove as step_module
    from extractor.core.limits import MemoryLimit, TimeLimit

    outcomes: dict[str, BaseException] = {
        "slow": TimeLimit("over 30 s", 30),
        "huge": MemoryLimit("over 2048 MB", 2048),
        "bug": RuntimeError("boom"),
    }

    def fake_extract(html: str, url: str | None, **_: Any) -> Any:
        if url in outcomes:
            raise outcomes[url]
        return extract_article(html, url, comments=False)

    monkeypatch.setattr(step_module, "extract_article", fake_extract)
    good = PAGES["https://daily.example/2024/05/bridge"].decode()
    docs = [Document(text=good, id=name, metadata={"url": name}) for name in ("slow", "huge", "bug", "ok")]
    step = ExtractorStep()
    kept = list(step.run(iter(docs)))
    assert [doc.id for doc in kept] == ["ok"]
    totals = stat_totals(step)
    assert {k: totals.get(k) for k in ("timeout", "broken_process", "clean_error", "forwarded")} == {
        "timeout": 1,
        "broken_process": 1,
        "clean_error": 1,
        "forwarded": 1,
    }


def test_metadata_is_the_json_record_without_the_text_and_prefixable(crawl: Path) -> None:
    docs = list(ExtractorStep(metadata_prefix="page_", comments=True).run(WarcReader(str(crawl)).run()))
    expected = extract_article(PAGES[docs[0].metadata["url"]], docs[0].metadata["url"])
    keys = set(expected.to_dict()) - {"body", "blocks", "quotes"}
    assert {f"page_{k}" for k in keys} <= set(docs[0].metadata)
    assert "page_body" not in docs[0].metadata
    assert docs[0].metadata["url"] == docs[0].metadata["page_url"]  # the reader's key kept, ours beside
    assert docs[0].metadata["page_comments"] == []
    assert json.loads(json.dumps(docs[0].metadata)) == docs[0].metadata  # JSON-safe as it is


def test_the_quote_bar_filters_the_quotes_in_metadata(crawl: Path) -> None:
    every = list(ExtractorStep(quotes=True, quote_confidence=0.0).run(WarcReader(str(crawl)).run()))
    strict = list(ExtractorStep(quotes=True, quote_confidence=1.0).run(WarcReader(str(crawl)).run()))
    assert any(doc.metadata["quotes"] for doc in every)
    for loose, tight in zip(every, strict, strict=True):
        assert tight.metadata["quotes"] == [q for q in loose.metadata["quotes"] if q["confidence"] >= 1.0]
    with pytest.raises(ValueError, match="from 0 to 1"):
        ExtractorStep(quote_confidence=-0.1)


def test_article_metadata_has_every_key_for_every_page() -> None:
    """One shape for every document, so writers that infer columns from the first rows miss none."""
    rich = extract_article(PAGES["https://daily.example/2024/05/bridge"], "https://daily.example/a")
    bare = extract_article(b"<html><body><p>Just one short line here.</p></body></html>")
    assert list(article_metadata(rich)) == list(article_metadata(bare))


def test_step_is_a_datatrove_extractor_that_survives_copying() -> None:
    """The executor deep-copies the pipeline per task (and pickles it for worker processes)."""
    import copy
    import pickle

    step = ExtractorStep(time_limit=5, memory_limit=0)
    assert isinstance(step, BaseExtractor)
    clone = pickle.loads(pickle.dumps(copy.deepcopy(step)))
    assert (clone.time_limit, clone.memory_limit) == (5, 0)
    page = PAGES["https://daily.example/2024/05/budget"].decode()
    assert clone.extract(page) == extract_article(page, comments=False).body
