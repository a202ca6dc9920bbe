"""The article header's byline and date lines, and trailing orphan headings, trimmed off.

Why a module of its own: the byline and date line recognisers decide which short header
lines the record already holds in its own fields; the listing detector asks the same
date line question of the chosen text.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..core.lexicon.calendar import DATELINE_LABELS, MONTH_PREFIXES_EN_DE_FR_ES_RU
from ..model import Block

_BYLINE = re.compile(
    r"^(?:(?:posted|written|published|words|text|story|photos?)\s+)?"
    r"(?:by|von|par|por|door|di|av|af)\s+[^\W\d_][^.!?]{0,80}$",
    re.IGNORECASE,
)
_DATELINE_WORDS = re.compile(rf"^{DATELINE_LABELS}\b[^.!?]{{0,80}}$", re.IGNORECASE)
# A date written as a date: numeric (2024/05/20, 20.05.2024, 2023年10月5日) or with a month name.
_DATE_IN_LINE = re.compile(
    rf"\d{{1,4}}\s*[./\-年]\s*\d{{1,2}}\s*[./\-月]\s*\d{{1,4}}"
    rf"|\b{MONTH_PREFIXES_EN_DE_FR_ES_RU}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+(?:19|20)\d{{2}}"
    rf"|\b\d{{1,2}}\.?\s+{MONTH_PREFIXES_EN_DE_FR_ES_RU}\s+(?:19|20)\d{{2}}",
    re.IGNORECASE,
)


def is_dateline(text: str) -> bool:
    """A short line that states a date: "Published 3 March 2024", "2024/05/20 14:30 | By X".

    Few words, so that a sentence mentioning a year ("drained in 2019") is never one.
    """
    if _DATELINE_WORDS.match(text):
        return True
    return len(text) < 70 and len(text.split()) <= 8 and bool(_DATE_IN_LINE.search(text))


def trim_blocks(blocks: list[Block], authors: Sequence[str] = (), dated: bool = False) -> list[Block]:
    """Drop the article header's byline and date lines, and trailing orphan headings.

    Only short lines before the first real paragraph are candidates, so a
    sentence that starts with "By" in the text is never touched; and only
    lines whose content the record already holds in its own fields: a byline
    that names one of the extracted authors, a date line when the page's date
    was extracted. Anything else stays text rather than being lost.
    """
    surnames = {a.split()[-1].casefold() for a in authors if a.split()}
    out: list[Block] = []
    in_header = True
    for block in blocks:
        if in_header and (block.kind == "table" or (block.kind == "paragraph" and len(block.text) >= 120)):
            in_header = False  # a table of data is the article's, never a header's byline or date
        if in_header and block.kind != "caption" and len(block.text) < 100:
            text = block.text
            folded = text.casefold()
            if _BYLINE.match(text) and any(name in folded for name in surnames):
                continue
            if dated and is_dateline(text):
                continue
        out.append(block)
    while out and out[-1].kind == "heading":
        out.pop()
    return out
