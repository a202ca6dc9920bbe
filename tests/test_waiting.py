"""WaitingUrls: URLs parked until their host's pause ends."""

from __future__ import annotations

from extractor.jobs.waiting import WaitingUrls


def test_urls_come_back_when_their_time_comes_in_time_order() -> None:
    waiting = WaitingUrls()
    waiting.park("http://b.example/1", 10.0)
    waiting.park("http://a.example/1", 5.0)
    waiting.park("http://a.example/2", 5.0)
    assert len(waiting) == 3
    assert waiting.seconds_to_next(4.0) == 1.0
    assert waiting.pop_ready(4.9) is None
    assert [waiting.pop_ready(5.0), waiting.pop_ready(5.0), waiting.pop_ready(5.0)] == [
        "http://a.example/1",
        "http://a.example/2",  # ties keep the order they were parked in
        None,
    ]
    assert waiting.by_host() == {"b.example": 1}
    assert waiting.pop_ready(11.0) == "http://b.example/1"
    assert waiting.seconds_to_next(11.0) is None
    assert not waiting
