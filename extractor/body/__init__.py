"""Main-text detection: which part of the page is the article, as ordered blocks.

The algorithm is general (no per-site rules) and runs in one pass over the tree:

1. *Prune* what is never article text: scripts, forms with inputs, hidden
   nodes, the comment sections found earlier, and containers whose class/id
   names them as navigation, sharing, related links, ads or newsletters
   (unless they hold most of the page's text, which happens on sloppy sites).
2. *Segment* the rest into text runs, the way a browser breaks lines: a run
   ends at every block-level element and at ``<br>``. Each run knows its
   owner element and how much of its text is link text.
3. *Score* containers readability-style from the runs they hold (length,
   commas), weighted by tag and class hints and penalised by link density;
   pick the best container and the siblings that look like more of it.
4. *Emit* the runs inside the chosen containers as typed blocks, dropping
   link lists and boilerplate lines (share prompts, "Read more", credits).

The tree is pruned in place: ``extract_article`` parses a fresh tree per
call and runs the body step last, so no other step sees the pruned tree.

Where each part lives (the steps above, one module each):

- ``prune``: step 1, the class/id words that name regions and what they remove.
- ``segment``: step 2, ``Run`` records and the segmenter that makes them.
- ``score``: step 3, scoring containers and choosing the article's, with fallback regions.
- ``listing``: step 3b, pages that list items rather than hold one article.
- ``emit``: step 4, runs as typed blocks; a thread's posts as blocks.
- ``images``: the chosen containers' images, captions and credits.
- ``trim``: the header's byline and date lines and trailing headings, dropped.
- ``pipeline``: ``extract_body`` and ``BodyResult``, the steps in order with their fallbacks.
"""

from __future__ import annotations

from .emit import thread_blocks
from .pipeline import NO_TEXT, BodyResult, extract_body

__all__ = ["NO_TEXT", "BodyResult", "extract_body", "thread_blocks"]
