"""Quoted statements and reported speech with speaker attribution (issue 4).

How it works, in three linear passes over the text:

1. ``_scan_marks`` pairs quotation marks of every style in one left-to-right
   scan with a small bounded stack, so unbalanced marks cost nothing extra and
   a quotation that runs over several paragraphs (opening mark repeated at each
   paragraph start, closing mark only at the end) stays one quotation.
2. Direct quotes: a quotation that starts a sentence (or follows "X said:") and
   has an attribution next to it ('"...," he said.') becomes a statement; the
   quotations right after the attribution join it ("A," he said. "B."), as
   they continue the same speaker's words. Quotations inside a sentence (scare
   quotes, titles) are never statements on their own; they only make reported
   speech "mixed". Interview transcripts ("HOST: ..." paragraphs, two labels
   or more) give one statement per turn.
3. Reported speech: every speech cue outside quotations ("said", "told",
   "according to", "sagte", "laut") is read with its sentence: speaker before
   and content after ("X said that ..."), or content before and speaker after
   ("..., X said."). The content ends where the sentence (or the clause, when a
   second cue such as ", adding" follows) ends.

Everything language-specific is data in ``core.lexicon.quotes``. No step looks further
than a bounded window around a cue, so a 1 MB text or a paragraph without any
punctuation stays linear.

Where each part lives (the steps above, one module each, lowest first):

- ``records``: ``_Mark``, ``_Found``, ``_Attribution`` and the ``Token``/``Span`` aliases.
- ``tables``: sets and regexes derived from ``core.lexicon.quotes``, and limits.
- ``sentences``: sentence ends, paragraph bounds, tokens and spans.
- ``marks``: step 1, pairing quotation marks (``_scan_marks``).
- ``speakers``: the noun phrase naming a speaker or addressee next to a cue.
- ``content``: where the words of a statement start and end around a cue.
- ``attribution``: 'he said' next to a quotation, 'X said:' introductions.
- ``direct``: step 2, direct quotes, transcript turns, whole-statement patterns.
- ``according``: 'according to X', its source and the words of the sentence that are its.
- ``reported``: step 3, reported speech and reports continued by quotations.
- ``resolve``: the full name a pronoun or short speaker form refers to.
- ``register``: whether a text reads as news, and what off-news text keeps.
- ``confidence``: each record's probability of being a right attribution (a logistic model
  over its form, weights in ``confidence_weights``, trained by
  ``benchmarks/train_quote_confidence.py``) and the bar that drops the doubtful ones.
- ``pipeline``: ``extract_quotes``, the passes in order over one text.
- ``blocks``: ``extract_block_quotes``, the same over an article's body blocks.
"""

from __future__ import annotations

from .blocks import extract_block_quotes
from .confidence import checked_bar
from .pipeline import extract_quotes
from .records import Register
from .register import reads_as_news

__all__ = ["Register", "checked_bar", "extract_block_quotes", "extract_quotes", "reads_as_news"]
