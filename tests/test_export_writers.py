"""Every writer, exporter or appender, passes the same RecordWriter contract and writes the exporter's bytes.

One abstract class, one subclass per writer. The byte comparison with the
exporter of the same format is what keeps one serialisation per format: an
appender that built its JSON lines or CSV rows another way would fail it.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from test_export import formula_article, make_records, shared_canonical

from extractor.export import (
    CsvAppender,
    CsvExporter,
    Exporter,
    JsonlAppender,
    JsonLinesExporter,
    Record,
    RecordWriter,
    StreamWriter,
    get_exporter,
    table_paths,
)


def inputs() -> list[tuple[Record, str | None]]:
    """Records with and without a source, articles and errors, formula text, a shared canonical URL."""
    records = [*make_records(), formula_article(), shared_canonical(1), shared_canonical(2)]
    return [(record, f"input-{index}.html" if index % 3 else None) for index, record in enumerate(records)]


class WriterContract:
    """What every RecordWriter does; subclasses say how to open one and where its output is."""

    fmt: str  # the format of the reference exporter

    def open(self, target: Path) -> RecordWriter:
        """A writer ready to take records, writing to ``target``."""
        raise NotImplementedError

    def reference(self, target: Path) -> Exporter:
        """The exporter of the same format with the same kind of target, not yet started."""
        return get_exporter(self.fmt, target)

    def output(self, target: Path) -> dict[str, bytes]:
        """Every output written for ``target``, by file name (journals excluded: exporters have none)."""
        paths = table_paths(target).values() if self.fmt == "csv" else [target]
        return {path.name: path.read_bytes() for path in paths}

    def write_all(self, writer: RecordWriter) -> None:
        for index, (record, source) in enumerate(inputs()):
            writer.write(record, source=source)
            if index == 2:
                writer.sync()
        writer.close()

    def test_is_a_record_writer(self, tmp_path: Path) -> None:
        writer = self.open(tmp_path / f"out.{self.fmt}")
        assert isinstance(writer, RecordWriter)
        writer.close()

    def test_a_new_output_has_nothing_done(self, tmp_path: Path) -> None:
        writer = self.open(tmp_path / f"out.{self.fmt}")
        assert writer.resumed == 0
        assert not writer.done
        writer.close()

    def test_writes_what_the_exporter_writes(self, tmp_path: Path) -> None:
        ours, theirs = tmp_path / "ours", tmp_path / "theirs"
        ours.mkdir()
        theirs.mkdir()
        self.write_all(self.open(ours / f"out.{self.fmt}"))
        written = self.output(ours / f"out.{self.fmt}")
        with self.reference(theirs / f"out.{self.fmt}") as exporter:
            for record, source in inputs():
                exporter.export_item(record, key=source)
        assert written == self.output(theirs / f"out.{self.fmt}")
        assert all(written.values())

    def test_close_twice_is_harmless(self, tmp_path: Path) -> None:
        writer = self.open(tmp_path / f"out.{self.fmt}")
        writer.write(make_records()[0], source=None)
        writer.close()
        writer.close()


class ExporterWriterContract(WriterContract):
    """An exporter used as a RecordWriter: started by the caller, finished by ``close()``."""

    def open(self, target: Path) -> RecordWriter:
        exporter = self.reference(target)
        exporter.start_exporting()
        return exporter

    def test_files_appear_on_close(self, tmp_path: Path) -> None:
        target = tmp_path / f"out.{self.fmt}"
        writer = self.open(target)
        writer.write(make_records()[0])
        writer.sync()
        assert not target.exists()
        writer.close()
        assert target.exists()

    def test_a_with_block_around_close_finishes_once(self, tmp_path: Path) -> None:
        target = tmp_path / f"out.{self.fmt}"
        with self.reference(target) as exporter:
            exporter.write(make_records()[0])
            exporter.close()
        assert self.output(target)


class TestJsonExporter(ExporterWriterContract):
    fmt = "json"


class TestJsonLinesExporter(ExporterWriterContract):
    fmt = "jsonl"


class TestCsvExporter(ExporterWriterContract):
    fmt = "csv"


class StreamContract(WriterContract):
    """A writer to an open stream; each writer (and its reference exporter) gets a new one."""

    stream: io.StringIO

    def output(self, target: Path) -> dict[str, bytes]:
        return {"stream": self.stream.getvalue().encode("utf-8")}


class TestCsvExporterToStream(StreamContract):
    fmt = "csv"

    def open(self, target: Path) -> RecordWriter:
        exporter = self.reference(target)
        exporter.start_exporting()
        return exporter

    def reference(self, target: Path) -> Exporter:
        self.stream = io.StringIO(newline="")
        return CsvExporter(self.stream)


class ResumableContract(WriterContract):
    """An appender: reopening its output reports the records and URLs already there."""

    def test_reopened_output_reports_what_it_holds(self, tmp_path: Path) -> None:
        target = tmp_path / f"out.{self.fmt}"
        self.write_all(self.open(target))
        again = self.open(target)
        try:
            records = [record for record, _ in inputs()]
            assert again.resumed == len(records)
            assert again.done == {record.url for record in records if record.url}
        finally:
            again.close()


class TestJsonlAppender(ResumableContract):
    fmt = "jsonl"

    def open(self, target: Path) -> RecordWriter:
        return JsonlAppender(target, key=str)


class TestCsvAppender(ResumableContract):
    fmt = "csv"

    def open(self, target: Path) -> RecordWriter:
        return CsvAppender(target, key=str)

    def test_a_finished_job_leaves_no_progress_file(self, tmp_path: Path) -> None:
        """The journal exists while the job runs (a kill leaves it to cut torn rows back) and
        goes when the writer closes; the next run resumes from the tables alone."""
        target = tmp_path / "out.csv"
        writer = self.open(target)
        writer.write(make_records()[0])
        writer.sync()
        assert (tmp_path / "out.csv.progress").exists()
        self.write_all(writer)
        assert sorted(p.name for p in tmp_path.iterdir() if p.suffix == ".progress") == []
        again = self.open(target)
        try:
            assert again.resumed == len(list(inputs())) + 1
        finally:
            again.close()
        assert not (tmp_path / "out.csv.progress").exists()


class TestStreamWriter(StreamContract):
    fmt = "jsonl"

    def open(self, target: Path) -> RecordWriter:
        self.stream = io.StringIO()
        return StreamWriter(self.stream)

    def reference(self, target: Path) -> Exporter:
        self.stream = io.StringIO()
        return JsonLinesExporter(self.stream)


@pytest.mark.parametrize("fmt", ["jsonl", "csv"])
def test_open_output_returns_a_record_writer(tmp_path: Path, fmt: str) -> None:
    from extractor.export import open_output

    writer = open_output(fmt, tmp_path / f"out.{fmt}")
    assert isinstance(writer, RecordWriter)
    writer.close()
