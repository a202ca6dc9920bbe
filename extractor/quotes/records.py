"""The small records the passes hand each other.

Why a separate module: every step (mark scanning, attribution, direct quotes, reported
speech, resolution) builds or reads these, so they sit below all of them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Token = tuple[int, int, str]
Span = tuple[int, int]


@dataclass(slots=True)
class Mark:
    """One closed top-level quotation: opener index and the index after its closer.

    A quotation running over several paragraphs (the opening mark repeated at each
    paragraph start) is one mark per paragraph; ``continued`` marks the later ones, so
    a paragraph with its own attribution ('"B," she said.') can start a new statement.
    """

    start: int
    end: int
    continued: bool = False


@dataclass(slots=True)
class Found:
    """A quote under construction, before speakers are resolved."""

    start: int
    end: int
    text: str
    kind: str
    speaker: str | None
    speaker_pos: int | None
    cue: str | None
    addressee: str | None = None
    resolved: str | None = None  # filled in order, so later pronouns can reuse it
    # the quoted parts of a joined statement ('"A," he said, who ... "B."'); empty: the whole span
    parts: list[Span] = field(default_factory=list)
    # what the cue takes: FORM_CLAUSE (what was said), FORM_OBJECT ('defended the plan': the
    # target of a speech act) or FORM_TOPIC ('explains how X works': what the words were about)
    form: str = "clause"


FORM_CLAUSE, FORM_OBJECT, FORM_TOPIC = "clause", "object", "topic"

# How a text reports speech: as news copy, or as the rest of the web (``extract_quotes``)
Register = Literal["news", "web"]


@dataclass(slots=True)
class AttributionRecord:
    """Where 'he said' sits (so reported-speech search skips it), who and which cue."""

    start: int
    end: int
    speaker: Span | None
    cue: str
    addressee: Span | None = None
    content_end: int | None = None  # '"A" to drive up prices, she said': the statement runs past the mark
    content_start: int | None = None  # 'A, she said. "B."': the statement starts before the attribution
