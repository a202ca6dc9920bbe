"""Files that appear at their target path only when complete.

Every exporter writes through :class:`AtomicFile`: the bytes go to a hidden
temporary file in the *same folder* as the target (so the final
``os.replace`` is a rename on one file system, which POSIX and Windows make
atomic), and the target is replaced only on :meth:`AtomicFile.commit`. A crash,
an exception or Ctrl-C mid-batch therefore leaves either the old target or the
new complete one, never half a file, and :meth:`AtomicFile.abort` removes the
temporary file.

``append=True`` starts the temporary file as a copy of the existing target, so
a resumed job can add records and still publish atomically; that costs one
copy of the old file per run, which is why long resumable jobs should prefer
writing a new part file per run (the same class serves both).
"""

from __future__ import annotations

import contextlib
import io
import os
import secrets
import shutil
from pathlib import Path
from types import TracebackType
from typing import IO, Any

_TEMP_ATTEMPTS = 100


def _create_temp(folder: Path, name: str) -> tuple[Path, int]:
    """Create a fresh hidden temp file next to the target.

    ``os.open`` with ``O_EXCL`` and mode 0o666 (not ``tempfile.mkstemp``) so the
    published file gets the user's umask permissions instead of 0600.
    """
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    for _ in range(_TEMP_ATTEMPTS):
        temp = folder / f".{name}.{secrets.token_hex(6)}.tmp"
        try:
            return temp, os.open(temp, flags, 0o666)
        except FileExistsError:
            continue
    raise FileExistsError(f"could not create a temporary file in {folder}")


class AtomicFile:
    """A text (or binary) file published to ``target`` only on :meth:`commit`.

    Use it as a context manager (commit on success, abort on any exception) or
    call :meth:`open`, :meth:`commit` and :meth:`abort` yourself when the
    lifetime spans several calls, as exporters do.
    """

    def __init__(
        self,
        target: str | os.PathLike[str],
        *,
        append: bool = False,
        binary: bool = False,
        encoding: str = "utf-8",
        newline: str | None = None,
        fsync: bool = True,
    ) -> None:
        self.target = Path(target)
        self.append = append
        self.binary = binary
        self.encoding = encoding
        self.newline = newline
        self.fsync = fsync
        self.temp_path: Path | None = None
        self._stream: IO[Any] | None = None

    @property
    def stream(self) -> IO[Any]:
        if self._stream is None:
            raise RuntimeError(f"{self.target}: not open")
        return self._stream

    def open(self) -> IO[Any]:
        """Create the temporary file (seeded with the old target when appending)."""
        if self._stream is not None:
            raise RuntimeError(f"{self.target}: already open")
        folder = self.target.parent
        if not folder.is_dir():
            raise FileNotFoundError(f"no such folder: {folder}")
        temp, fd = _create_temp(folder, self.target.name)
        self.temp_path = temp
        try:
            raw = os.fdopen(fd, "wb")
            if self.append and self.target.exists():
                with open(self.target, "rb") as old:
                    shutil.copyfileobj(old, raw)
            if self.binary:
                self._stream = raw
            else:
                self._stream = io.TextIOWrapper(raw, encoding=self.encoding, newline=self.newline)
        except BaseException:
            self._discard()
            raise
        return self._stream

    def commit(self) -> None:
        """Flush to disk and move the temporary file over the target."""
        self.sync()
        self.publish()

    def sync(self) -> None:
        """Flush and close the temporary file (first half of :meth:`commit`)."""
        stream = self.stream
        try:
            stream.flush()
            if self.fsync:
                os.fsync(stream.fileno())
            stream.close()
        except BaseException:
            self._discard()
            raise

    def publish(self) -> None:
        """Rename the synced temporary file over the target (second half of :meth:`commit`)."""
        temp = self.temp_path
        if temp is None or self._stream is None or not self._stream.closed:
            raise RuntimeError(f"{self.target}: sync() before publish()")
        try:
            os.replace(temp, self.target)
        except BaseException:
            self._discard()
            raise
        self._stream = None
        self.temp_path = None

    def abort(self) -> None:
        """Drop everything written; the target is left as it was. Safe to call twice."""
        self._discard()

    def _discard(self) -> None:
        stream, temp = self._stream, self.temp_path
        self._stream = None
        self.temp_path = None
        if stream is not None:
            with contextlib.suppress(OSError):
                stream.close()
        if temp is not None:
            with contextlib.suppress(FileNotFoundError):
                os.unlink(temp)

    def __enter__(self) -> IO[Any]:
        return self.open()

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        if exc_type is None:
            self.commit()
        else:
            self.abort()


def commit_all(files: list[AtomicFile]) -> None:
    """Commit several files together: all are synced before the first rename.

    Several renames cannot be one atomic step, but with every byte on disk
    before the first ``os.replace`` the window for a mixed state is a few
    syscalls. If anything fails, the not-yet-published files are aborted.
    """
    published = 0
    try:
        for atomic in files:
            atomic.sync()
        for atomic in files:
            atomic.publish()
            published += 1
    except BaseException:
        for rest in files[published:]:
            rest.abort()
        raise
