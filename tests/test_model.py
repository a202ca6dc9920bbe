"""The record types: JSON-safe dicts that round-trip exactly, and picklable."""

from __future__ import annotations

import ast
import json
import pickle
from dataclasses import replace
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from extractor.model import Article, Block, Comment, ErrorRecord, Image, PageMeta, Quote

CET = timezone(timedelta(hours=1))


def _full_article() -> Article:
    return Article(
        url="https://news.example/a?utm_source=x",
        canonical_url="https://news.example/a",
        headline="Headline",
        standfirst="Update: statement",
        authors=["Jane Roe", "John Doe"],
        published=datetime(2018, 11, 22, 10, 15, tzinfo=CET),
        published_raw="22 Nov 2018, 10:15",
        modified=datetime(2018, 11, 23, 8, 0, tzinfo=timezone.utc),
        modified_raw="2018-11-23T08:00:00Z",
        language="en",
        site_name="Example News",
        section="Tech",
        tags=["huawei", "5g"],
        description="A description",
        images=[Image(src="https://news.example/i.jpg", alt="alt", caption="cap", credit="AP")],
        blocks=[Block("heading", "Sub", 2), Block("paragraph", "Text, with “quotes”\nand lines.")],
        quotes=[Quote(text="We are surprised", kind="block", speaker="HUAWEI", span=(0, 16), block_index=1)],
        comments=[
            Comment(
                text="First!\n😂",
                id="c1",
                author="CJ",
                published=datetime(2018, 11, 26, tzinfo=timezone.utc),
                likes=3,
                liked_by=["Sorin"],
            ),
            Comment(text="Reply", id="c2", parent_id="c1", depth=1, author_deleted=True),
        ],
        comment_count=2,
        fetched_at=datetime(2018, 11, 27, 12, 0, tzinfo=timezone.utc),
        warnings=["something odd"],
    )


def test_to_dict_is_json_safe_and_round_trips_exactly() -> None:
    article = _full_article()
    data = json.loads(json.dumps(article.to_dict()))
    assert Article.from_dict(data) == article
    assert data["body"] == "Sub\nText, with “quotes”\nand lines."
    assert data["published"] == "2018-11-22T10:15:00+01:00"


def test_empty_article_round_trips() -> None:
    assert Article.from_dict(json.loads(json.dumps(Article().to_dict()))) == Article()


def test_record_keys_keep_their_order() -> None:
    """The JSON/JSONL record and the CSV columns read these keys in this order."""
    assert list(_full_article().to_dict()) == [
        "url",
        "canonical_url",
        "headline",
        "standfirst",
        "authors",
        "published",
        "published_raw",
        "modified",
        "modified_raw",
        "language",
        "site_name",
        "section",
        "tags",
        "description",
        "images",
        "published_source",
        "author_urls",
        "publisher",
        "blocks",
        "body",
        "quotes",
        "comments",
        "comment_count",
        "page_type",
        "paywalled",
        "fetched_at",
        "warnings",
    ]


def test_page_fields_live_in_meta_and_read_and_write_as_attributes() -> None:
    article = _full_article()
    assert article.meta.headline == article.headline == "Headline"
    assert article.authors is article.meta.authors
    article.headline = "New"
    article.authors = ["Ann Lee"]
    assert article.meta.headline == "New"
    assert article.meta.authors == ["Ann Lee"]
    assert article.to_dict()["headline"] == "New"


def test_meta_or_keywords_build_the_same_article() -> None:
    by_keywords = Article(url="u", headline="H", authors=["A"], blocks=[Block("paragraph", "t")])
    by_meta = Article(url="u", meta=PageMeta(headline="H", authors=["A"]), blocks=[Block("paragraph", "t")])
    assert by_keywords == by_meta
    assert replace(by_meta, meta=replace(by_meta.meta, headline="G")).headline == "G"
    with pytest.raises(TypeError):
        Article(meta=PageMeta(), headline="H")


def test_body_is_derived_from_blocks() -> None:
    article = Article(blocks=[Block("paragraph", "a"), Block("caption", "b")])
    assert article.body == "a\nb"


def test_records_pickle() -> None:
    article = _full_article()
    assert pickle.loads(pickle.dumps(article)) == article
    error = ErrorRecord(
        url="u", error="NotFound", message="404", time=datetime(2020, 1, 1, tzinfo=timezone.utc)
    )
    assert pickle.loads(pickle.dumps(error)) == error
    assert ErrorRecord.from_dict(json.loads(json.dumps(error.to_dict()))) == error


# The one exception, inside the methods that call them (issue 18): Article.to_markdown() and
# to_html() import their renderers when called, so loading the model imports nothing.
RENDERERS = {"markup.markdown", "markup.html"}


def test_model_imports_nothing_from_the_package() -> None:
    source = Path(__file__).resolve().parents[1] / "extractor" / "model.py"
    tree = ast.parse(source.read_text(encoding="utf-8"))
    in_functions = {
        id(inner) for node in ast.walk(tree) if isinstance(node, ast.FunctionDef) for inner in ast.walk(node)
    }
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom):
            if id(node) in in_functions and node.level == 1 and node.module in RENDERERS:
                continue
            assert node.level == 0
            assert not (node.module or "").startswith("extractor")
