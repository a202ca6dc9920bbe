"""The clock the HTTP fetcher paces hosts by.

Why a seam: pacing (a host's delay, Retry-After, the circuit breaker's pauses) is about
time passing, and tests of it should not sleep for real or race the machine's load. The
fetcher asks one object what time it is and to wait; the default is the process's
monotonic clock and a real wait, a test passes a clock it advances by hand (as httpx's
tests pass a mock transport). Socket deadlines (a slow-drip body) stay on real time:
they bound real I/O.
"""

from __future__ import annotations

import threading
import time
from typing import Protocol


class Clock(Protocol):
    def now(self) -> float:
        """Seconds on a monotonic scale."""

    def wait(self, event: threading.Event, seconds: float) -> bool:
        """Wait ``seconds`` or until ``event`` is set; True if it was set."""


class SystemClock:
    """time.monotonic and a real wait on the event."""

    def now(self) -> float:
        return time.monotonic()

    def wait(self, event: threading.Event, seconds: float) -> bool:
        return event.wait(seconds)


SYSTEM_CLOCK = SystemClock()
