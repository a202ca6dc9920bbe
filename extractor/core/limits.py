"""Per-page time and memory limits: extraction in a worker process that can be stopped.

Why a process: a thread cannot be stopped at all, and a signal alarm only reaches the
main thread and only between bytecodes, so it cannot stop lxml's C code (a parse, an
XPath) or a C extension's loop. A process can be killed whatever it runs, and the
operating system caps its address space (``RLIMIT_AS``), so a page that would eat the
machine's memory fails alone. Workers are kept and reused: the common page costs one
pickle round trip through a pipe, not a process start; a worker is replaced only after
it was killed (time limit), died, or ran into its memory limit.

A page over a limit raises :class:`TimeLimit` or :class:`MemoryLimit`; both are
:class:`ExtractionError`, whose ``kind`` (the class name) is what jobs write into the
``error`` field of the page's error record, and the job goes on with the next page.

The memory limit is enforced on Linux (``RLIMIT_AS`` and ``/proc``); elsewhere it is not
applied. The time limit works wherever :mod:`multiprocessing` does.
"""

from __future__ import annotations

import atexit
import contextlib
import math
import os
import pickle
import signal
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, Future
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from multiprocessing.connection import Connection
    from multiprocessing.context import BaseContext
    from multiprocessing.process import BaseProcess

try:
    import resource
except ImportError:  # pragma: no cover - Windows: no rlimits, so no memory limit
    resource = None  # type: ignore[assignment]

T = TypeVar("T")

# The job defaults (``--page-time-limit``, ``--page-memory-limit``): a normal page takes
# tens of milliseconds and a few tens of MB (a 7 MB page of 80,000 paragraphs: 15 s and
# 115 MB), so these only stop pages that would otherwise stall or swamp a job.
DEFAULT_TIME_LIMIT = 30.0  # seconds
DEFAULT_MEMORY_LIMIT = 2048.0  # MB above what the worker held before the page

_MB = 1024 * 1024
# How long a new worker may take to start (imports under spawn can be slow on a busy machine).
_START_TIMEOUT = 120.0


class ExtractionError(Exception):
    """A page could not be extracted. ``kind`` (the class name) is the error type written to outputs."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason

    @property
    def kind(self) -> str:
        return type(self).__name__

    def __str__(self) -> str:
        return self.reason


class _LimitExceeded(ExtractionError):
    """A page went over one of its limits (``limit``: the bound it went over)."""

    def __init__(self, reason: str, limit: float | None = None) -> None:
        super().__init__(reason)
        self.limit = limit

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.reason, self.limit))


class TimeLimit(_LimitExceeded):
    """The page's extraction ran longer than its time limit; the worker was stopped."""


class MemoryLimit(_LimitExceeded):
    """The page's extraction needed more memory than its limit (MB); the worker was replaced."""


def check_limit(value: float | None, name: str) -> float | None:
    """``None`` or 0 mean no limit; a negative or non-finite limit is a caller's mistake."""
    if value is None or value == 0:
        return None
    if not math.isfinite(value) or value < 0:
        raise ValueError(f"{name} must be a positive number of {'seconds' if 'time' in name else 'MB'}, or 0")
    return float(value)


# ---------------------------------------------------------------- the worker process


@dataclass(frozen=True, slots=True)
class _Task:
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    memory_limit: float | None  # MB
    time_limit: float | None  # seconds: the worker's own CPU-time backstop


def _vm() -> tuple[int, int] | None:
    """(address space now, its peak so far) in bytes, from /proc (None where there is none)."""
    size = peak = None
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmPeak:"):
                    peak = int(line.split()[1]) * 1024
                elif line.startswith("VmSize:"):
                    size = int(line.split()[1]) * 1024
                    break  # VmPeak comes first
    except (OSError, ValueError, IndexError):
        return None
    return (size, peak) if size is not None and peak is not None else None


class _MemoryWatch:
    """The address-space cap for one task, and whether the task ran into it.

    The cap is what the worker held before the task plus the limit, so the limit is what
    one page may add. Not every refused allocation surfaces as ``MemoryError``: libxml2
    reports an unnamed parse error, and a step may catch the error and carry on with less.
    So the peak (``VmPeak``, which sits at the cap after a refusal) is read too.
    """

    def __init__(self, limit_mb: float | None) -> None:
        self.cap: int | None = None
        self.limit = 0  # bytes
        self.reliable_peak = False
        self.end: tuple[int, int] | None = None  # (size, peak) once released
        self._saved: tuple[int, int] | None = None
        vm = _vm() if limit_mb is not None and resource is not None else None
        if vm is None or limit_mb is None or resource is None:
            return
        size, peak = vm
        soft, hard = resource.getrlimit(resource.RLIMIT_AS)
        cap = size + int(limit_mb * _MB)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        self.limit = cap - size
        # VmPeak only grows; it tells about this task only when earlier ones stayed well below.
        self.reliable_peak = peak < cap - self.margin(self.limit)
        self._saved = (soft, hard)
        self.cap = cap
        resource.setrlimit(resource.RLIMIT_AS, (cap, hard))

    @staticmethod
    def margin(limit: int) -> int:
        """How close to the cap a failing task must have come for its failure to count as memory."""
        return max(8 * _MB, limit // 8)

    def release(self) -> None:
        """Lift the cap (the reply must not fail for it) and note where the task left the worker."""
        if self._saved is not None and resource is not None:
            resource.setrlimit(resource.RLIMIT_AS, self._saved)
            self._saved = None
            self.end = _vm()

    def reached(self, margin: int) -> bool:
        """Did the task come within ``margin`` bytes of the cap?"""
        if self.cap is None or not self.reliable_peak or self.end is None:
            return False
        return self.end[1] >= self.cap - margin

    def crowded(self) -> bool:
        """Is this worker's peak now too high for the next task's watch to read? Then it retires."""
        if self.end is None:
            return False
        size, peak = self.end
        return peak >= size + self.limit - self.margin(self.limit)


@contextlib.contextmanager
def _cpu_backstop(seconds: float | None) -> Iterator[None]:
    """A CPU-time cap of twice the time limit, so a worker whose parent died cannot spin forever.

    The parent stops a slow task by the clock long before this; the kernel's SIGXCPU only
    matters for an orphan.
    """
    if seconds is None or resource is None:
        yield
        return
    soft, hard = resource.getrlimit(resource.RLIMIT_CPU)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    cap = int(usage.ru_utime + usage.ru_stime + 2 * seconds + 5)
    if hard != resource.RLIM_INFINITY:
        cap = min(cap, hard)
    resource.setrlimit(resource.RLIMIT_CPU, (cap, hard))
    try:
        yield
    finally:
        resource.setrlimit(resource.RLIMIT_CPU, (soft, hard))


def _picklable(exc: BaseException) -> BaseException:
    """The exception itself when it survives the trip to the parent, else its text.

    (lxml's errors carry an unpicklable error log.) The fallback keeps the message the
    parent would have written had the page been extracted in-process.
    """
    try:
        pickle.loads(pickle.dumps(exc))
    except Exception:
        return ExtractionError(f"{type(exc).__name__}: {exc}")
    return exc


def _run_task(task: _Task) -> tuple[str, Any, bool]:
    """Run one task under its limits -> (status, value or exception, retire the worker afterwards)."""
    watch = _MemoryWatch(task.memory_limit)
    try:
        with _cpu_backstop(task.time_limit):
            value = task.fn(*task.args, **task.kwargs)
    except MemoryError:
        watch.release()
        return "memory", None, True
    except Exception as exc:
        watch.release()
        if watch.reached(watch.margin(watch.limit)):
            return "memory", None, True
        return "error", _picklable(exc), watch.crowded()
    watch.release()
    # A refused allocation that a step swallowed leaves the peak at the cap.
    if watch.reached(_MB):
        return "memory", None, True
    return "ok", value, watch.crowded()


def _worker_main(
    conn: Connection, initializer: Callable[..., object] | None, initargs: tuple[Any, ...]
) -> None:
    """The worker's loop: one task in, one reply out, until the parent closes the pipe."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle
    if resource is not None:
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(resource.RLIMIT_CORE, (0, resource.getrlimit(resource.RLIMIT_CORE)[1]))
    if initializer is not None:
        initializer(*initargs)
    conn.send(("ready",))
    while True:
        try:
            task = conn.recv()
        except (EOFError, OSError):
            return
        status, value, retire = _run_task(task)
        try:
            conn.send((status, value, retire))
        except Exception as exc:
            error = ExtractionError(f"cannot send the result back: {type(exc).__name__}: {exc}")
            conn.send(("error", error, retire))
        if retire:
            return


# ---------------------------------------------------------------- the parent's side


def _context() -> BaseContext:
    """forkserver where there is one: forking a process that runs threads (a job's fetch threads)
    is unsafe, and a fork server that has already imported the extractor (and the job module
    whose ``extract_page`` jobs send) starts a worker in about 20 ms where spawn takes a second."""
    import multiprocessing

    if "forkserver" in multiprocessing.get_all_start_methods():
        ctx = multiprocessing.get_context("forkserver")
        # No effect once the process's fork server runs (started by an earlier pool).
        ctx.set_forkserver_preload(["__main__", "extractor.extract", "extractor.jobs.batch"])
        return ctx
    return multiprocessing.get_context("spawn")


def can_start_workers() -> bool:
    """A daemonic process (a ``multiprocessing.Pool`` worker) may not start processes."""
    import multiprocessing

    return not multiprocessing.current_process().daemon


def _signal_name(code: int | None) -> str:
    if code is not None and code < 0:
        try:
            return signal.Signals(-code).name
        except ValueError:
            return f"signal {-code}"
    return f"exit code {code}"


class _Worker:
    """One worker process and the pipe to it; restarted on demand after it was stopped."""

    def __init__(
        self, context: BaseContext, initializer: Callable[..., object] | None, initargs: tuple[Any, ...]
    ):
        self._context = context
        self._initializer = initializer
        self._initargs = initargs
        self._process: BaseProcess | None = None
        self._conn: Connection | None = None

    def _start(self) -> Connection:
        if not can_start_workers():
            raise RuntimeError(
                "page limits need a worker process, which a daemonic process (a multiprocessing.Pool "
                "worker) cannot start: call without limits there, or use a ProcessPoolExecutor"
            )
        parent, child = self._context.Pipe()
        process = self._context.Process(  # type: ignore[attr-defined]
            target=_worker_main,
            args=(child, self._initializer, self._initargs),
            daemon=True,
            name="extractor-page-worker",
        )
        process.start()
        child.close()
        self._process, self._conn = process, parent
        try:
            ready = parent.poll(_START_TIMEOUT) and parent.recv() == ("ready",)
        except (EOFError, OSError):
            ready = False
        if not ready:
            code = self.stop(kill=True)
            raise ExtractionError(f"the extraction worker did not start ({_signal_name(code)})")
        return parent

    def stop(self, kill: bool = False) -> int | None:
        """End the process (politely: close its pipe; or kill it) and forget it; returns its exit code."""
        process, conn = self._process, self._conn
        self._process = self._conn = None
        if conn is not None:
            conn.close()
        if process is None:
            return None
        if kill:
            process.kill()
        process.join(1.0 if not kill else None)
        if process.exitcode is None:
            process.kill()
            process.join()
        code = process.exitcode
        process.close()
        return code

    def kill_now(self) -> None:
        """Kill the process from another thread, leaving the pipe to the thread that waits on it."""
        process = self._process
        if process is not None:
            with contextlib.suppress(ValueError, OSError):
                process.kill()

    def run(self, task: _Task, time_limit: float | None) -> Any:
        """Send one task and wait for its answer, at most ``time_limit`` seconds."""
        conn = self._conn or self._start()
        status: str = ""
        value: Any = None
        retire = False
        try:
            try:
                conn.send(task)
            except (BrokenPipeError, ConnectionResetError):
                self.stop(kill=True)  # it died while idle (killed from outside): one fresh start
                conn = self._start()
                conn.send(task)
            answered = conn.poll(time_limit)
            if answered:
                status, value, retire = conn.recv()
        except (EOFError, ConnectionResetError):
            code = self.stop(kill=True)
            if task.memory_limit is not None:
                raise MemoryLimit(
                    f"extraction died ({_signal_name(code)}) "
                    f"under a memory limit of {task.memory_limit:g} MB",
                    task.memory_limit,
                ) from None
            raise ExtractionError(f"the extraction process died ({_signal_name(code)})") from None
        except BaseException:
            # Interrupted, or the task could not be sent: the pipe may hold half a message or
            # an answer that would be taken for the next task's. A fresh worker is cheap.
            self.stop(kill=True)
            raise
        if not answered:
            self.stop(kill=True)
            raise TimeLimit(f"extraction took longer than {time_limit:g} s and was stopped", time_limit)
        if retire:
            self.stop()  # the worker ends itself after such a task; wait for it
        if status == "memory":
            raise MemoryLimit(f"extraction needed more than {task.memory_limit:g} MB and was stopped",
                              task.memory_limit)  # fmt: skip
        if status == "error":
            raise value
        return value


class LimitedPool(Executor):
    """Worker processes that run picklable calls under a per-call time and memory limit.

    ``max_workers`` calls run at once (default: the number of CPUs); more callers wait for
    a free worker, and the wait does not count against their time limit. Workers start on
    first use and are reused. ``initializer(*initargs)`` runs in every new worker, as for
    :class:`concurrent.futures.ProcessPoolExecutor`.

    ``submit`` is synchronous: it runs the call in the calling thread (waiting for a worker
    and for the result) and returns a finished future. That is what a job's fetch threads
    want, and it lets a job take this pool or a ProcessPoolExecutor alike.
    """

    def __init__(
        self,
        max_workers: int | None = None,
        *,
        time_limit: float | None = None,
        memory_limit: float | None = None,
        initializer: Callable[..., object] | None = None,
        initargs: tuple[Any, ...] = (),
    ) -> None:
        if max_workers is not None and max_workers < 1:
            raise ValueError("max_workers must be at least 1")
        self.max_workers = max_workers or os.cpu_count() or 1
        self.time_limit = check_limit(time_limit, "time_limit")
        self.memory_limit = check_limit(memory_limit, "memory_limit")
        self._initializer = initializer
        self._initargs = initargs
        self._context: BaseContext | None = None
        self._idle: list[_Worker] = []
        self._busy: set[_Worker] = set()
        self._created = 0
        self._closed = False
        self._cond = threading.Condition()

    def call(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``fn(*args, **kwargs)`` in a worker under the pool's limits; raises what it raises,
        or :class:`TimeLimit` / :class:`MemoryLimit`."""
        return self.call_with_limits(
            fn, args, kwargs, time_limit=self.time_limit, memory_limit=self.memory_limit
        )

    def call_with_limits(
        self,
        fn: Callable[..., T],
        args: tuple[Any, ...] = (),
        kwargs: dict[str, Any] | None = None,
        *,
        time_limit: float | None,
        memory_limit: float | None,
    ) -> T:
        """Like :meth:`call`, with this call's own limits (seconds, MB; None: none)."""
        task = _Task(fn, args, kwargs or {}, check_limit(memory_limit, "memory_limit"),
                     check_limit(time_limit, "time_limit"))  # fmt: skip
        worker = self._acquire()
        try:
            result: T = worker.run(task, task.time_limit)
        except (OSError, ExtractionError):
            if self._closed:
                raise RuntimeError("the extraction pool was shut down") from None
            raise
        finally:
            self._release(worker)
        return result

    def submit(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> Future[T]:
        future: Future[T] = Future()
        try:
            future.set_result(self.call(fn, *args, **kwargs))
        except Exception as exc:
            future.set_exception(exc)
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop every worker; calls running now fail, later ones raise RuntimeError."""
        with self._cond:
            self._closed = True
            idle, self._idle = self._idle, []
            busy = list(self._busy)
            self._cond.notify_all()
        for worker in busy:
            worker.kill_now()
        for worker in idle:
            worker.stop()

    def _acquire(self) -> _Worker:
        with self._cond:
            while True:
                if self._closed:
                    raise RuntimeError("the extraction pool was shut down")
                if self._idle:
                    worker = self._idle.pop()
                    break
                if self._created < self.max_workers:
                    if self._context is None:
                        self._context = _context()
                    worker = _Worker(self._context, self._initializer, self._initargs)
                    self._created += 1
                    break
                self._cond.wait()
            self._busy.add(worker)
            return worker

    def _release(self, worker: _Worker) -> None:
        with self._cond:
            self._busy.discard(worker)
            closed = self._closed
            if not closed:
                self._idle.append(worker)
                self._cond.notify()
        if closed:
            worker.stop(kill=True)


# ---------------------------------------------------------------- the library's pool

_shared: LimitedPool | None = None
_shared_lock = threading.Lock()


def _forget_shared() -> None:
    """In a forked child the parent's workers are not ours to use."""
    global _shared
    _shared = None


def _close_shared() -> None:
    if _shared is not None:
        _shared.shutdown()


if hasattr(os, "register_at_fork"):
    os.register_at_fork(after_in_child=_forget_shared)
atexit.register(_close_shared)


def shared_pool() -> LimitedPool:
    """The pool behind ``extract_article(..., time_limit=...)``: one per process, made on first use."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = LimitedPool()
        return _shared


def run_limited(
    fn: Callable[..., T],
    args: tuple[Any, ...],
    kwargs: dict[str, Any],
    *,
    time_limit: float | None,
    memory_limit: float | None,
) -> T:
    """``fn(*args, **kwargs)`` in the shared pool under these limits."""
    return shared_pool().call_with_limits(fn, args, kwargs, time_limit=time_limit, memory_limit=memory_limit)
