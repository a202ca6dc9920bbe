"""Scrape benchmarks against a local server (nothing leaves the machine).

    python benchmarks/scrape_bench.py throughput [--rounds 4] [--processes 0 2]
    python benchmarks/scrape_bench.py memory     [--urls 10000]
    python benchmarks/scrape_bench.py resume     [--urls 2000]
    python benchmarks/scrape_bench.py all
    python benchmarks/scrape_bench.py serve --folder fixtures --port 8765 --urls-out urls.txt

serve: a local site for trying the main job end to end, e.g. then
``python cli.py scrape --urls urls.txt --format jsonl --output out.jsonl --delay 0``.

throughput: ~50 pages (the bundled fixtures plus generated article pages)
served over HTTP/1.1 keep-alive from a separate process; ``scrape()`` with
politeness off (no delay, no robots, per-host limit = workers); pages/s.
memory: a 10,000-URL CLI job (the server answers every path with one small
page); the job's RSS sampled from /proc at start, middle and end.
resume: the same kind of job SIGKILLed halfway, rerun, and the output
checked for each URL exactly once.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CLI = (
    "import argparse, sys\n"
    "from extractor.cli.scrape import add_scrape_parser\n"
    "p = argparse.ArgumentParser(prog='cli.py'); add_scrape_parser(p.add_subparsers(dest='command'))\n"
    "a = p.parse_args(sys.argv[1:]); sys.exit(a.func(a))\n"
)
WORDS = [
    "council",
    "budget",
    "river",
    "school",
    "election",
    "market",
    "museum",
    "transport",
    "hospital",
    "energy",
    "climate",
    "court",
    "harbour",
    "festival",
    "report",
    "minister",
    "village",
    "research",
    "water",
    "housing",
    "library",
    "coast",
    "railway",
    "farmers",
    "police",
]


def synthetic_page(i: int, rng: random.Random) -> bytes:
    """A generated news-like page: nav, article with paragraphs and a quote, comments, footer."""
    title = " ".join(rng.choice(WORDS).title() for _ in range(6))
    paras = "".join(
        "<p>" + " ".join(rng.choice(WORDS) for _ in range(rng.randint(30, 80))) + ".</p>"
        for _ in range(rng.randint(6, 30))
    )
    quote = '<p>"We will look at every option," said Alex Moreno, a spokesperson.</p>'
    comments = "".join(
        f"<li class='comment'><span class='author'>user{j}</span>"
        f"<p>{' '.join(rng.choice(WORDS) for _ in range(20))}</p></li>"
        for j in range(rng.randint(0, 8))
    )
    nav = "".join(f"<a href='/section/{w}'>{w}</a>" for w in WORDS[:12])
    return (
        f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>{title}</title>"
        f"<meta property='og:title' content='{title}'><meta name='author' content='Sam Writer'>"
        f"<meta property='article:published_time' content='2024-03-{1 + i % 28:02d}T10:00:00Z'></head>"
        f"<body><nav>{nav}</nav><main><article><h1>{title}</h1><p class='byline'>By Sam Writer</p>"
        f"{paras}{quote}</article>"
        f"<section id='comments'><h2>Comments</h2><ol>{comments}</ol></section></main>"
        f"<footer>Contact, About, Privacy</footer></body></html>"
    ).encode()


def build_site(folder: Path, count: int = 50) -> list[str]:
    rng = random.Random(7)
    names = []
    for fixture in sorted((ROOT / "fixtures").glob("*/page.html")):
        name = f"{fixture.parent.name}.html"
        (folder / name).write_bytes(fixture.read_bytes())
        names.append(name)
    for i in range(count - len(names)):
        name = f"story-{i}.html"
        (folder / name).write_bytes(synthetic_page(i, rng))
        names.append(name)
    return names


# ---------------------------------------------------------------- server (runs in its own process)


def serve(folder: str | None, port_file: str | None, port: int = 0, urls_out: str | None = None) -> None:
    """Serve every *.html under ``folder`` by its relative path (or one small page for any path)."""
    small = synthetic_page(0, random.Random(1))
    root = Path(folder) if folder else None
    pages = (
        {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*.html"))} if root else {}
    )

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            return None

        def do_GET(self) -> None:
            name = self.path.split("?", 1)[0].lstrip("/")
            body = pages.get(name, small if not pages else None)
            if body is None:
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    class Quiet(ThreadingHTTPServer):
        daemon_threads = True

        def handle_error(self, request: object, client_address: object) -> None:
            return None  # a killed client resets its connections: expected in the resume test

    httpd = Quiet(("127.0.0.1", port), Handler)
    base = f"http://127.0.0.1:{httpd.server_address[1]}"
    if urls_out:
        Path(urls_out).write_text("".join(f"{base}/{name}\n" for name in pages))
    if port_file:
        Path(port_file).write_text(str(httpd.server_address[1]))
    else:
        print(f"serving {len(pages) or 'one page for any path'} on {base}", file=sys.stderr, flush=True)
    httpd.serve_forever()


class Server:
    def __init__(self, folder: Path | None) -> None:
        self.port_file = Path(tempfile.mktemp(suffix=".port"))
        args = [sys.executable, __file__, "_serve", "--port-file", str(self.port_file)]
        if folder:
            args += ["--folder", str(folder)]
        self.proc = subprocess.Popen(args)
        while not self.port_file.exists() or not self.port_file.read_text():
            time.sleep(0.05)
        self.base = f"http://127.0.0.1:{self.port_file.read_text()}"

    def close(self) -> None:
        self.proc.terminate()
        self.proc.wait()
        self.port_file.unlink(missing_ok=True)


# ---------------------------------------------------------------- measurements


def throughput(rounds: int, processes: list[int], workers: int) -> None:
    from extractor.extract import extract_article
    from extractor.jobs.batch import scrape
    from extractor.model import Article

    with tempfile.TemporaryDirectory() as tmp:
        names = build_site(Path(tmp))
        server = Server(Path(tmp))
        try:
            urls = [f"{server.base}/{n}?r={r}" for r in range(rounds) for n in names]
            print(
                f"{len(names)} pages x {rounds} rounds = {len(urls)} URLs, workers={workers}, politeness off"
            )
            print(f"{'processes':>9} {'limits':>6} {'pages':>6} {'ok':>5} {'seconds':>8} {'pages/s':>8}")
            bodies = [(Path(tmp) / n).read_bytes() for n in names] * rounds
            start = time.perf_counter()
            for body in bodies:
                extract_article(body, "https://example.org/a")
            elapsed = time.perf_counter() - start
            print(f"{'(extract only, no HTTP, 1 thread)':>34} {len(bodies) / elapsed:>6.1f} pages/s")
            # limits "on": the default per-page time and memory limits (extraction in worker
            # processes that can be stopped); "off": --page-time-limit 0 --page-memory-limit 0.
            for procs in processes:
                for limits in ("off", "on"):
                    off = {"page_time_limit": 0, "page_memory_limit": 0} if limits == "off" else {}
                    start = time.perf_counter()
                    records = list(scrape(urls, delay=0, robots=False, per_host=workers, workers=workers,
                                          processes=procs, **off))  # fmt: skip
                    elapsed = time.perf_counter() - start
                    ok = sum(isinstance(r, Article) for r in records)
                    print(f"{procs:>9} {limits:>6} {len(records):>6} {ok:>5} {elapsed:>8.2f} "
                          f"{len(records) / elapsed:>8.1f}")  # fmt: skip
        finally:
            server.close()


def _rss_kb(pid: int) -> tuple[int, int]:
    fields = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, value = line.partition(":")
        fields[key] = value.strip()
    return int(fields["VmRSS"].split()[0]), int(fields["VmHWM"].split()[0])


def _job(
    base: str, tmp: Path, count: int, extra: list[str] | None = None
) -> tuple[list[str], Path, list[str]]:
    urls = [f"{base}/page/{i}" for i in range(count)]
    url_file = tmp / "urls.txt"
    url_file.write_text("\n".join(urls) + "\n")
    out = tmp / "out.jsonl"
    argv = ["scrape", "--urls", str(url_file), "--format", "jsonl", "--output", str(out), "--delay", "0",
            "--ignore-robots", "--per-host", "8", "--workers", "8", *(extra or [])]  # fmt: skip
    return urls, out, argv


def _spawn(argv: list[str]) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(
        [sys.executable, "-c", CLI, *argv], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )


def _lines(path: Path) -> int:
    try:
        with open(path, "rb") as fh:
            return sum(chunk.count(b"\n") for chunk in iter(lambda: fh.read(1 << 20), b""))
    except FileNotFoundError:
        return 0


def memory(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        server = Server(None)
        try:
            _, out, argv = _job(server.base, tmp, count)
            proc = _spawn(argv)
            marks = {
                "start": count // 100,
                "25%": count // 4,
                "middle": count // 2,
                "75%": 3 * count // 4,
                "end": count - count // 100,
            }
            samples: dict[str, tuple[int, int, int]] = {}
            started = time.monotonic()
            while proc.poll() is None:
                done = _lines(out)
                for name, at in marks.items():
                    if name not in samples and done >= at:
                        with contextlib.suppress(FileNotFoundError):
                            samples[name] = (done, *_rss_kb(proc.pid))
                time.sleep(0.1)
            elapsed = time.monotonic() - started
            err = proc.stderr.read().decode() if proc.stderr else ""
        finally:
            server.close()
        print(f"{count}-URL job: {elapsed:.1f}s, {_lines(out)} lines written, exit {proc.returncode}")
        print(f"{'point':>7} {'records':>8} {'RSS MB':>7} {'peak MB':>8}")
        for name in marks:
            if name in samples:
                done, rss, hwm = samples[name]
                print(f"{name:>7} {done:>8} {rss / 1024:>7.1f} {hwm / 1024:>8.1f}")
        print(err.strip().splitlines()[-3:] if err.strip() else "")


def resume(count: int) -> None:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        server = Server(None)
        try:
            urls, out, argv = _job(server.base, tmp, count)
            proc = _spawn(argv)
            while _lines(out) < count // 2 and proc.poll() is None:
                time.sleep(0.01)
            os.kill(proc.pid, signal.SIGKILL)
            proc.wait()
            raw = out.read_bytes()
            killed_at = raw.count(b"\n")
            torn = not raw.endswith(b"\n")
            proc = _spawn(argv)
            _, err = proc.communicate()
        finally:
            server.close()
        records = [json.loads(line) for line in out.read_bytes().splitlines()]
        counts = Counter(r["url"] for r in records)
        print(f"killed (SIGKILL) with {killed_at} complete lines written; torn last line: {torn}")
        print(
            f"rerun exit {proc.returncode}; stderr summary: "
            f"{' | '.join(err.decode().strip().splitlines()[-3:])}"
        )
        print(
            f"final: {len(records)} lines, {len(counts)} distinct URLs of {len(urls)}; "
            f"missing {len(set(urls) - set(counts))}, duplicated {sum(1 for c in counts.values() if c > 1)}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("what", choices=("throughput", "memory", "resume", "all", "serve", "_serve"))
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--processes", type=int, nargs="+", default=[0, 2])
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--urls", type=int, default=10_000)
    parser.add_argument("--folder")
    parser.add_argument("--port-file")
    parser.add_argument("--port", type=int, default=0, help="serve: port to listen on")
    parser.add_argument("--urls-out", help="serve: write the served page URLs here, one a line")
    args = parser.parse_args()
    if args.what in ("serve", "_serve"):
        serve(args.folder, args.port_file, args.port, args.urls_out)
        return
    if args.what in ("throughput", "all"):
        throughput(args.rounds, args.processes, args.workers)
    if args.what in ("memory", "all"):
        memory(args.urls)
    if args.what in ("resume", "all"):
        resume(args.urls)


if __name__ == "__main__":
    main()
