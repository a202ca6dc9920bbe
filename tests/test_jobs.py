"""Batch jobs: the scrape() generator, the scrape subcommand, resumable outputs."""

from __future__ import annotations

import argparse
import csv
import json
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from _server import LocalServer, Response, page

from extractor.cli.scrape import add_scrape_parser, options_from_args
from extractor.export import CsvAppender, JsonExporter, JsonlAppender, OutputLocked, open_output
from extractor.jobs.batch import ScrapeOptions, scrape, url_hash
from extractor.model import Article, ErrorRecord

ROOT = Path(__file__).resolve().parent.parent
CLI = (
    "import argparse, sys\n"
    "from extractor.cli.scrape import add_scrape_parser, options_from_args\n"
    "p = argparse.ArgumentParser(prog='cli.py'); add_scrape_parser(p.add_subparsers(dest='command'))\n"
    "a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))\n"
)


def run_cli(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="cli.py")
    add_scrape_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(argv)
    return int(args.func(args))


@pytest.fixture
def server() -> LocalServer:
    with LocalServer() as srv:
        srv.routes["/broken"] = Response(500)
        srv.routes["/gone"] = Response(404)
        srv.routes["/pdf"] = Response(body=b"%PDF", headers={"Content-Type": "application/pdf"})
        srv.fallback = lambda req: Response(body=page(f"Story {req.path.strip('/')}"))
        yield srv


def lines(path: Path) -> list[dict]:
    raw = path.read_bytes()
    assert raw.endswith(b"\n")
    return [json.loads(line) for line in raw.splitlines()]


def url_file(tmp_path: Path, urls: list[str], name: str = "urls.txt") -> Path:
    path = tmp_path / name
    path.write_text("# inputs\n" + "\n".join(urls) + "\n\n")
    return path


# ---------------------------------------------------------------- library


def test_scrape_is_lazy_and_yields_records(server: LocalServer) -> None:
    gen = scrape([server.url("/a"), server.url("/gone"), server.url("/pdf")], delay=0, retries=0)
    time.sleep(0.1)
    assert server.hits == []  # nothing happens until iteration starts
    records = list(gen)
    by_url = {r.url: r for r in records}
    assert isinstance(by_url[server.url("/a")], Article)
    assert by_url[server.url("/a")].headline == "Story a"
    assert by_url[server.url("/gone")].error == "NotFound"  # type: ignore[union-attr]
    assert by_url[server.url("/pdf")].error == "NotHTML"  # type: ignore[union-attr]


def test_scrape_stops_early_without_fetching_everything(server: LocalServer) -> None:
    gen = scrape((server.url(f"/p{i}") for i in range(200)), delay=0, workers=2)
    first = next(gen)
    gen.close()
    assert isinstance(first, Article)
    time.sleep(0.2)
    assert len([h for h in server.hits if h.path.startswith("/p")]) < 20


def test_scrape_dedups_and_skips(server: LocalServer) -> None:
    urls = [
        server.url("/a"),
        server.url("/a#x"),
        server.url("/a?utm_source=feed"),
        server.url("/b"),
        server.url("/c"),
    ]
    records = list(scrape(urls, delay=0, skip=[server.url("/c")]))
    assert sorted(r.url for r in records) == [server.url("/a"), server.url("/b")]


def test_scrape_with_extraction_processes(server: LocalServer) -> None:
    records = list(scrape([server.url(f"/p{i}") for i in range(4)], delay=0, processes=1))
    assert sorted(r.headline for r in records) == [f"Story p{i}" for i in range(4)]  # type: ignore[union-attr]


def test_scrape_from_a_worker_thread(server: LocalServer) -> None:
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(1) as pool:
        records = pool.submit(lambda: list(scrape([server.url("/t")], delay=0))).result(timeout=30)
    assert [r.url for r in records] == [server.url("/t")]


def test_include_exclude_patterns(server: LocalServer) -> None:
    urls = [server.url("/news/1"), server.url("/news/video/2"), server.url("/sport/3")]
    records = list(scrape(urls, delay=0, include="/news/", exclude="/video/"))
    assert [r.url for r in records] == [server.url("/news/1")]


def test_unknown_option_is_an_error() -> None:
    with pytest.raises(TypeError, match="dealy"):
        list(scrape(["http://127.0.0.1:9/"], dealy=0))


def test_options_build_accepts_lists() -> None:
    opts = ScrapeOptions.build(sitemaps=["a"], warcs="b.warc", delay=0)
    assert opts.sitemaps == ("a",)
    assert opts.warcs == ("b.warc",)
    assert opts.http_options().delay == 0


# ---------------------------------------------------------------- command line


def test_cli_exact_form(server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    urls = [server.url(f"/p{i}") for i in range(5)] + [server.url("/gone"), server.url("/pdf")]
    out = tmp_path / "out.jsonl"
    code = run_cli(
        [
            "scrape",
            "--urls",
            str(url_file(tmp_path, urls)),
            "--format",
            "jsonl",
            "--output",
            str(out),
            "--delay",
            "0",
        ]
    )
    assert code == 1  # some pages failed; they are error records, the job still ran to the end
    records = lines(out)
    assert sorted(r["url"] for r in records) == sorted(urls)
    errors = {r["url"]: r for r in records if "error" in r}
    assert errors[server.url("/gone")]["error"] == "NotFound"
    assert errors[server.url("/gone")]["message"]
    assert errors[server.url("/gone")]["time"]
    summary = capsys.readouterr().err
    assert "5 ok, 2 failed" in summary
    assert "NotFound 1" in summary
    assert "pages/s" in summary


def test_cli_quiet_prints_nothing(
    server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run_cli(["scrape", server.url("/a"), "--output", str(tmp_path / "o.jsonl"), "--delay", "0", "--quiet"])
    assert capsys.readouterr().err == ""


def test_cli_to_stdout(server: LocalServer, capsys: pytest.CaptureFixture[str]) -> None:
    run_cli(["scrape", server.url("/a"), "--delay", "0", "-q"])
    assert json.loads(capsys.readouterr().out)["url"] == server.url("/a")


def test_cli_needs_a_source(capsys: pytest.CaptureFixture[str]) -> None:
    assert run_cli(["scrape", "--output", "x.jsonl"]) == 2


def test_cli_files_source(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    (tmp_path / "site" / "one.html").write_bytes(page("Saved one"))
    out = tmp_path / "o.jsonl"
    run_cli(["scrape", "--files", str(tmp_path / "site"), "--output", str(out), "-q"])
    [record] = lines(out)
    assert record["headline"] == "Saved one"
    assert record["url"].startswith("file://")


# ---------------------------------------------------------------- resuming


def test_jsonl_resume_skips_done_and_repairs_torn_line(server: LocalServer, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    first = [server.url(f"/p{i}") for i in range(4)]
    run_cli(["scrape", *first, "--output", str(out), "--delay", "0", "-q"])
    with open(out, "ab") as fh:
        fh.write(b'{"url": "' + server.url("/p9").encode() + b'", "headline": "to')  # a kill mid-write
    everything = first + [server.url(f"/p{i}") for i in range(4, 10)]
    run_cli(["scrape", *everything, "--output", str(out), "--delay", "0", "-q"])
    records = lines(out)
    assert Counter(r["url"] for r in records) == Counter(everything)
    hits = Counter(h.path for h in server.hits)
    assert all(hits[f"/p{i}"] == 1 for i in range(10))


def test_retry_errors_replaces_error_records(server: LocalServer, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    argv = [
        "scrape",
        server.url("/a"),
        server.url("/broken"),
        "--output",
        str(out),
        "--delay",
        "0",
        "--retries",
        "0",
        "-q",
    ]
    run_cli(argv)
    assert {r["url"]: r.get("error") for r in lines(out)}[server.url("/broken")] == "HTTPError"
    run_cli(argv)  # plain rerun: the failure is already recorded
    assert len(server.hits_for("/broken")) == 1
    server.routes["/broken"] = Response(body=page("Fixed"))
    run_cli([*argv, "--retry-errors"])
    records = {r["url"]: r for r in lines(out)}
    assert len(lines(out)) == 2
    assert records[server.url("/broken")]["headline"] == "Fixed"
    assert len(server.hits_for("/a")) == 1


def test_overwrite_starts_afresh(server: LocalServer, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    run_cli(["scrape", server.url("/a"), "--output", str(out), "--delay", "0", "-q"])
    run_cli(["scrape", server.url("/b"), "--output", str(out), "--delay", "0", "-q", "--overwrite"])
    assert [r["url"] for r in lines(out)] == [server.url("/b")]


def test_csv_output_resumes_through_journal(server: LocalServer, tmp_path: Path) -> None:
    out = tmp_path / "out.csv"
    first = [server.url("/p0"), server.url("/p1"), server.url("/gone")]
    run_cli(
        ["scrape", *first, "--format", "csv", "--output", str(out), "--delay", "0", "-q", "--retries", "0"]
    )
    # A second job starts on the finished output (its journal marks the tables' sizes), tears
    # rows that were never journalled, and is killed before its commit point: a real SIGKILL,
    # so the journal stays behind as it would.
    killed = (
        "import os, signal, sys\n"
        "from extractor.export import CsvAppender\n"
        "out = sys.argv[1]\n"
        "writer = CsvAppender(out)\n"
        "writer.sync()\n"
        "open(out, 'ab').write(b'x,y,\"half a row')\n"
        "open(out[:-4] + '.quotes.csv', 'ab').write(b'orphan,row\\r\\n')\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run([sys.executable, "-c", killed, str(out)], check=False)
    assert done.returncode == -signal.SIGKILL
    assert (tmp_path / "out.csv.progress").exists()
    everything = [*first, server.url("/p2")]
    run_cli(["scrape", *everything, "--format", "csv", "--output", str(out), "--delay", "0", "-q"])
    with open(out, newline="", encoding="utf-8") as fh:
        articles = list(csv.DictReader(fh))
    with open(tmp_path / "out.errors.csv", newline="", encoding="utf-8") as fh:
        errors = list(csv.DictReader(fh))
    assert sorted(r["url"] for r in articles) == [server.url("/p0"), server.url("/p1"), server.url("/p2")]
    assert [(r["url"], r["error"]) for r in errors] == [(server.url("/gone"), "NotFound")]
    assert b"orphan" not in (tmp_path / "out.quotes.csv").read_bytes()


def test_output_is_locked_against_a_second_job(tmp_path: Path) -> None:
    first = JsonlAppender(tmp_path / "o.jsonl")
    try:
        with pytest.raises(OutputLocked):
            JsonlAppender(tmp_path / "o.jsonl")
        with pytest.raises(OutputLocked):
            CsvAppender(tmp_path / "o.csv"), CsvAppender(tmp_path / "o.csv")
    finally:
        first.close()


def test_appender_done_uses_keys(tmp_path: Path) -> None:
    path = tmp_path / "o.jsonl"
    writer = JsonlAppender(path, key=url_hash)
    writer.write(Article(url="https://e.org/a"))
    writer.write(ErrorRecord("https://e.org/b", "NotFound", "gone"))
    writer.close()
    again = JsonlAppender(path, key=url_hash)
    assert again.done == {url_hash("https://e.org/a"), url_hash("https://e.org/b")}
    assert again.resumed == 2
    again.close()


def _spawn(argv: list[str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", CLI, *argv], env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )


def _wait_for_lines(path: Path, count: int, timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if path.exists() and path.read_bytes().count(b"\n") >= count:
            return
        time.sleep(0.02)
    raise AssertionError(f"{path} never reached {count} lines")


@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT])
def test_killed_job_resumes_with_each_url_once(tmp_path: Path, sig: signal.Signals) -> None:
    with LocalServer() as srv:
        srv.fallback = lambda req: Response(body=page(f"Story {req.path}"), delay=0.02)
        urls = [srv.url(f"/p{i}") for i in range(80)]
        out = tmp_path / "out.jsonl"
        argv = [
            "scrape",
            "--urls",
            str(url_file(tmp_path, urls)),
            "--output",
            str(out),
            "--delay",
            "0",
            "--workers",
            "2",
        ]
        proc = _spawn(argv)
        _wait_for_lines(out, 15)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=20)
        if sig != signal.SIGKILL:
            assert proc.returncode == 130
            assert b"interrupted" in err
        partial = out.read_bytes().count(b"\n")
        assert 15 <= partial < 80
        proc = _spawn(argv)
        _, err = proc.communicate(timeout=60)
        assert proc.returncode == 0, err
    records = lines(out)
    assert Counter(r["url"] for r in records) == Counter(urls)
    assert all(r.get("headline", "").startswith("Story") for r in records)


def test_scrape_without_comments(server: LocalServer) -> None:
    page_file = Path(__file__).resolve().parents[1] / "fixtures" / "wordpress-blog-threaded" / "page.html"
    server.routes["/wp"] = Response(body=page_file.read_bytes())
    [with_comments] = list(scrape([server.url("/wp")], delay=0))
    [without] = list(scrape([server.url("/wp")], delay=0, comments=False))
    assert len(with_comments.comments) >= 3
    assert without.comments == []
    assert without.headline == with_comments.headline  # type: ignore[union-attr]


def test_scrape_with_a_quote_confidence_bar(server: LocalServer) -> None:
    page_file = Path(__file__).resolve().parents[1] / "fixtures" / "huawei-sample" / "page.html"
    server.routes["/h"] = Response(body=page_file.read_bytes())
    [default] = list(scrape([server.url("/h")], delay=0))
    [strict] = list(scrape([server.url("/h")], delay=0, quote_confidence=0.9))
    assert isinstance(default, Article)
    assert isinstance(strict, Article)
    assert 0 < len(strict.quotes) < len(default.quotes)
    assert all((q.confidence or 0.0) >= 0.9 for q in strict.quotes)
    parser = argparse.ArgumentParser(prog="cli.py")
    add_scrape_parser(parser.add_subparsers(dest="command", required=True))
    args = parser.parse_args(["scrape", server.url("/h"), "--quote-confidence", "0.9"])
    assert options_from_args(args).quote_confidence == 0.9
    with pytest.raises(ValueError, match="from 0 to 1"):
        ScrapeOptions(quote_confidence=1.5)


# ---------------------------------------------------------------- paused hosts (circuit breaker)


def test_two_broken_urls_do_not_cost_a_hosts_healthy_pages(server: LocalServer) -> None:
    """Issue 16 case 2: 2 broken URLs (4 failed attempts each) used to pause the host and turn 20 of
    20 healthy pages into HostUnavailable records; the breaker counts URLs, not attempts."""
    server.routes["/b1"] = server.routes["/b2"] = Response(500)
    healthy = [server.url(f"/p{i}") for i in range(20)]
    records = list(
        scrape([server.url("/b1"), server.url("/b2"), *healthy], delay=0, retries=3, backoff=0.01, workers=1)
    )
    by_url = {r.url: r for r in records}
    assert len(records) == 22
    assert [getattr(by_url[u], "headline", None) for u in healthy] == [f"Story p{i}" for i in range(20)]
    assert {by_url[server.url(p)].error for p in ("/b1", "/b2")} == {"HTTPError"}  # type: ignore[union-attr]
    assert len(server.hits_for("/b1")) == 4  # its retries were spent, as before


def test_paused_hosts_urls_are_fetched_after_the_pause(server: LocalServer) -> None:
    """A host that fails for a while is paused; its other URLs wait and are fetched after the pause."""
    outage = iter(range(2))  # the first two requests of pages fail, then the host is back
    server.fallback = lambda req: (
        Response(500) if next(outage, None) is not None else Response(body=page(f"Story {req.path}"))
    )
    server.routes["/robots.txt"] = Response(404)
    urls = [server.url(f"/p{i}") for i in range(10)]
    records = list(scrape(urls, delay=0, retries=0, workers=1, breaker_threshold=2, breaker_cooldown=0.2))
    by_url = {r.url: r for r in records}
    assert sorted(by_url) == sorted(urls)
    assert len(records) == 10
    assert [by_url[u].error for u in urls[:2]] == ["HTTPError", "HTTPError"]  # type: ignore[union-attr]
    assert all(isinstance(by_url[u], Article) for u in urls[2:])  # none was lost to the pause
    pages = [h for h in server.hits if h.path.startswith("/p")]
    assert len(pages) == 10
    assert pages[2].at - pages[1].at >= 0.2


def _down_host_job(server: LocalServer, tmp_path: Path) -> tuple[list[str], list[str]]:
    server.routes["/robots.txt"] = Response(404)
    server.fallback = Response(500)
    urls = [server.url(f"/p{i}") for i in range(10)]
    argv = ["scrape", "--urls", str(url_file(tmp_path, urls)), "--output", str(tmp_path / "out.jsonl"),
            "--delay", "0", "--retries", "0", "--workers", "1",
            "--host-failures", "2", "--host-cooldown", "0.05", "--host-pauses", "1"]  # fmt: skip
    return urls, argv


def test_host_that_stays_down_is_left_for_the_next_run(
    server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    urls, argv = _down_host_job(server, tmp_path)
    out = tmp_path / "out.jsonl"
    assert run_cli(argv) == 3  # distinct exit status: URLs were left unfetched
    summary = capsys.readouterr().err
    written = lines(out)
    # Two failed URLs paused the host; after the pause one more failed and it was given up.
    assert [r["error"] for r in written] == ["HTTPError"] * 3
    assert "0 ok, 3 failed" in summary
    assert "not fetched: 7 (host paused" in summary
    assert "rerun" in summary
    assert len([h for h in server.hits if h.path.startswith("/p")]) == 3  # the 7 others: no request
    # The host comes back: a plain rerun fetches the URLs that were never requested.
    server.fallback = lambda req: Response(body=page(f"Story {req.path}"))
    assert run_cli(argv) == 0
    records = {r["url"]: r for r in lines(out)}
    assert sorted(records) == sorted(urls)
    assert len(lines(out)) == 10
    assert sum("headline" in r for r in records.values()) == 7
    assert "7 ok, 0 failed" in capsys.readouterr().err


def test_unreachable_host_costs_only_the_urls_that_trip_the_breaker(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """URLs queued behind a dead host's robots.txt see the pause too: they are not tried, and not lost."""
    import socket

    with socket.socket() as sock:  # a port nobody listens on: connection refused
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    urls = [f"http://127.0.0.1:{port}/p{i}" for i in range(12)]
    out = tmp_path / "out.jsonl"
    argv = ["scrape", *urls, "--output", str(out), "--delay", "0", "--retries", "0", "--workers", "8",
            "--host-failures", "2", "--host-pauses", "0"]  # fmt: skip
    assert run_cli(argv) == 3
    assert [r["error"] for r in lines(out)] == ["NetworkError"] * 2  # the two that paused it, no more
    assert "not fetched: 10 (host paused" in capsys.readouterr().err


def test_summary_and_dict_report_unfetched_urls(server: LocalServer, tmp_path: Path) -> None:
    from extractor.jobs.batch import run_job

    urls, _ = _down_host_job(server, tmp_path)
    options = ScrapeOptions.build(delay=0, retries=0, workers=1, breaker_threshold=1,
                                  breaker_cooldown=0.05, breaker_max_pauses=0)  # fmt: skip
    writer = open_output("jsonl", tmp_path / "o.jsonl")
    summary = run_job(urls, options, writer, quiet=True)
    host = server.base.removeprefix("http://")
    assert summary.to_dict()["not_fetched"] == {host: 9}
    assert summary.ok == 0
    assert sum(summary.failed.values()) == 1
    assert f"not fetched: 9 (host paused: {host} 9)" in summary.format()


def test_run_job_writes_into_any_record_writer(server: LocalServer, tmp_path: Path) -> None:
    """An exporter is a RecordWriter too: run_job writes into it and closes it, which publishes the file."""
    from extractor.jobs.batch import run_job

    out = tmp_path / "o.json"
    exporter = JsonExporter(out)
    exporter.start_exporting()
    urls = [server.url("/a"), server.url("/gone")]
    summary = run_job(urls, ScrapeOptions.build(delay=0, retries=0), exporter, quiet=True)
    assert summary.ok == 1
    assert exporter.items_exported == 1
    assert exporter.errors_exported == 1
    assert sorted(r["url"] for r in json.loads(out.read_text(encoding="utf-8"))) == sorted(urls)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_resume_retries_urls_recorded_as_not_requested(server: LocalServer, tmp_path: Path, fmt: str) -> None:
    """Outputs written before this fix hold HostUnavailable records for pages never requested:
    a plain rerun fetches them (and leaves one record per URL) instead of skipping them."""
    out = tmp_path / f"out.{fmt}"
    writer = JsonlAppender(out, key=url_hash) if fmt == "jsonl" else CsvAppender(out, key=url_hash)
    writer.write(Article(url=server.url("/p0"), headline="Story /p0"))
    writer.write(ErrorRecord(server.url("/gone"), "NotFound", "HTTP 404"))
    writer.write(ErrorRecord(server.url("/p1"), "HostUnavailable", "host paused for 60s more"))
    writer.close()
    urls = [server.url("/p0"), server.url("/gone"), server.url("/p1")]
    assert run_cli(["scrape", *urls, "--format", fmt, "--output", str(out), "--delay", "0", "-q"]) == 0
    assert [h.path for h in server.hits if h.path != "/robots.txt"] == ["/p1"]
    if fmt == "jsonl":
        records = {r["url"]: r.get("error", "ok") for r in lines(out)}
        assert len(lines(out)) == 3
    else:
        with open(out, newline="", encoding="utf-8") as fh:
            records = {r["url"]: "ok" for r in csv.DictReader(fh)}
        with open(tmp_path / "out.errors.csv", newline="", encoding="utf-8") as fh:
            errors = list(csv.DictReader(fh))
        assert len(errors) == 1
        records.update({r["url"]: r["error"] for r in errors})
    assert records == {server.url("/p0"): "ok", server.url("/gone"): "NotFound", server.url("/p1"): "ok"}


# ---------------------------------------------------------------- malformed URLs


BAD_URLS = [
    "http://h:99999/",
    "http://[::1/",
    "http:///no-host",
    "ftp://h/file",
    "http://h/a\x01b",
    "http://[zz::1]/",
]


def test_malformed_urls_become_error_records_and_the_job_goes_on(
    server: LocalServer, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """Issue 16 case 9: one URL with a bad port in --urls crashed the whole job with a traceback."""
    good = [server.url(f"/p{i}") for i in range(3)]
    urls = [good[0], *BAD_URLS[:3], good[1], *BAD_URLS[3:], good[2]]
    out = tmp_path / "out.jsonl"
    code = run_cli(["scrape", "--urls", str(url_file(tmp_path, urls)), "--output", str(out), "--delay", "0"])
    assert code == 1
    records = {r["url"]: r for r in lines(out)}
    assert len(lines(out)) == len(urls)
    assert sorted(records) == sorted(urls)
    assert all(records[u]["headline"].startswith("Story") for u in good)
    for bad in BAD_URLS:
        assert records[bad]["error"] == "InvalidURL", bad
        assert records[bad]["message"], bad
    assert "3 ok, 6 failed (InvalidURL 6)" in capsys.readouterr().err


def test_malformed_urls_from_a_sitemap_and_as_sitemaps(server: LocalServer, tmp_path: Path) -> None:
    listed = [server.url("/p0"), "http://h:99999/story", "http://[::1/story"]
    server.routes["/sitemap.xml"] = Response(
        body=(
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            + "".join(f"<url><loc>{u}</loc></url>" for u in listed)
            + "</urlset>"
        ).encode(),
        headers={"Content-Type": "application/xml"},
    )
    out = tmp_path / "out.jsonl"
    argv = ["scrape", "--sitemap", server.url("/sitemap.xml"), "--sitemap", "http://h:99999/",
            "--sitemap", "http://[::1/", "--output", str(out), "--delay", "0", "-q"]  # fmt: skip
    assert run_cli(argv) == 1
    records = {r["url"]: r.get("error", "ok") for r in lines(out)}
    assert records == {
        server.url("/p0"): "ok",
        "http://h:99999/story": "InvalidURL",
        "http://[::1/story": "InvalidURL",
        "http://h:99999/": "InvalidURL",
        "http://[::1/": "InvalidURL",
    }


def test_scrape_with_adds_the_bodys_renderings_to_jsonl(server: LocalServer, tmp_path: Path) -> None:
    """scrape --with markdown,html puts body_markdown and body_html after body, like extract."""
    out = tmp_path / "out.jsonl"
    run_cli(
        ["scrape", server.url("/p0"), "--output", str(out), "--delay", "0", "-q", "--with", "markdown,html"]
    )
    record = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    keys = list(record)
    assert keys[keys.index("body") + 1 : keys.index("body") + 3] == ["body_markdown", "body_html"]
    assert record["body"].split("\n")[0] in record["body_markdown"]
    assert record["body_html"].startswith("<")
