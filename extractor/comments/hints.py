"""The word tests of comment detection, compiled once from ``core.lexicon.comments`` (and
the month names of ``core.lexicon.calendar``), where the words are kept as data so they
can grow without code changes.

Why regexes over class/id words: every comment system names its markup, in the site's
language or in English, and those names are the cheapest strong signal there is. They only
*help* the structural test in detect.py (repeated items that each carry an author, a date
and a text); they never decide alone.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..core.lexicon.calendar import MONTHS_SEVEN_LANGUAGES, RELATIVE_DAY_WORDS
from ..core.lexicon.comments import (
    ACCOUNT_STAT_WORDS,
    AUTHOR_WORDS,
    BUTTON_TEXTS,
    CHROME_TEXTS,
    COUNT_WORDS,
    DATE_WORDS,
    DELETED_AUTHOR_NAMES,
    DISLIKE_WORDS,
    FIELD_LABELS,
    IN_REPLY_TO_WORDS,
    JOINED_WORDS,
    LIKE_WORDS,
    LIKED_BY_WORDS,
    NOISE_TOKENS,
    NOT_AUTHOR_WORDS,
    PERMALINK_WORDS,
    READ_MORE_TEXTS,
    SAYS_END_WORDS,
    SAYS_WORDS,
    STRONG_AUTHOR_WORDS,
    STRONG_ITEM_WORDS,
    TEXT_WORDS,
    WEAK_ITEM_WORDS,
    WROTE_VERBS,
)


class Lowered:
    """A case-insensitive word test, run as a case-sensitive regex on lowercased text.

    Why: re's IGNORECASE makes alternations of literal words 3-8 times slower, and these
    tests run on every class string, counter and short text of a page. Only for yes/no
    tests (search/match return bools): positions would refer to the lowercased text.
    The pattern must be written in lower case.
    """

    __slots__ = ("_regex", "pattern")

    def __init__(self, pattern: str) -> None:
        self.pattern = pattern
        self._regex = re.compile(pattern)

    def search(self, text: str) -> bool:
        return self._regex.search(text.lower()) is not None

    def match(self, text: str) -> bool:
        return self._regex.match(text.lower()) is not None


_DIGITS_AS_ZERO = bytes.maketrans(b"123456789", b"000000000")


def numberless(words: str) -> str:
    """The attribute words with every ASCII digit read as 0, as a cache key.

    Why: ids number comments ("comment-1234", "comment-1235"), so caches keyed by the
    raw class/id string missed on nearly every element of a comment. No word table here
    names a digit (and \\b treats all digits alike), so every test answers the same on
    the key as on the words. Done on UTF-8 bytes, where str.translate with a table took
    five times as long (a digit's byte never occurs inside another character's bytes).
    """
    return words.encode("utf-8", "surrogatepass").translate(_DIGITS_AS_ZERO).decode("utf-8", "surrogatepass")


def class_id_key(classes: str | None, node_id: str | None) -> str:
    """An element's class and id words as one cache key for the word tables: class strings
    repeat over a page as they are, ids once their numbers are read alike (numberless)."""
    return f"{classes or ''} {numberless(node_id) if node_id else ''}"


STRONG_ITEM = Lowered(STRONG_ITEM_WORDS)
WEAK_ITEM = Lowered(WEAK_ITEM_WORDS)
NOISE_TOKEN = Lowered(rf"^(?:{NOISE_TOKENS})$")
# Ids that number comments or posts: comment-123, post_45, p11011, msg_2, dsq-comment-9.
# A one-letter prefix (p11, c-5) must stand alone or after a separator: "main-wrap1" and
# "top1" are layout boxes, not numbered posts.
NUMBERED_ID = re.compile(
    r"^((?:[a-z_-]*?(?:comment|kommentar|post|msg|message|reply|entry|li-comment|div-comment|dsq-comment"
    r"|elComment|answer|note)|(?:[a-z]+[-_])?[pmcr])[-_]?)\d+$",
    re.IGNORECASE,
)
SCHEMA_ITEM = re.compile(
    r"schema\.org/(?:Comment|UserComments|DiscussionForumPosting|Answer|SocialMediaPosting)\b", re.IGNORECASE
)
ITEM_DATA_ATTRS = (
    "data-author",
    "data-comment-id",
    "data-commentid",
    "data-post-id",
    "data-postid",
    "data-comment",
    "data-pid",
)

# Parts of an item.
STRONG_AUTHOR_HINT = Lowered(STRONG_AUTHOR_WORDS)
BUTTON_WORDS = Lowered(rf"\b(?:{BUTTON_TEXTS})\b")
AUTHOR_HINT = Lowered(AUTHOR_WORDS)
NOT_AUTHOR_HINT = Lowered(NOT_AUTHOR_WORDS)
DATE_HINT = Lowered(DATE_WORDS)
TEXT_HINT = Lowered(TEXT_WORDS)
TEXT_ITEMPROPS = frozenset({"text", "commenttext", "articlebody", "description", "content", "reviewbody"})
LIKE_HINT = Lowered(LIKE_WORDS)
DISLIKE_HINT = Lowered(DISLIKE_WORDS)
LIKED_BY_HINT = Lowered(LIKED_BY_WORDS)
PROFILE_HREF = Lowered(
    r"(?:^|/)(?:users?|members?|profiles?|u|people|benutzer|mitglied|mitglieder|usuarios?|utilisateurs?|membres?|author|autor)"
    r"(?:/|[-_.]?\d)"
    r"|viewprofile|showuser|profile\.php|member\.php|user_?info|user_?profile=|user_id=|userid=|uid=|[?&;]u=\d|[?&;]user=|mode=viewprofile|action=profile|showprofile|memberlist"
    r"|/~"
)
# Substrings one of which every PROFILE_HREF match contains: a plain `in` test rules out
# most links before the (slow, many-branched) regex runs.
_PROFILE_WORDS = (
    "user",
    "member",
    "profil",
    "/u",
    "people",
    "benutzer",
    "mitglied",
    "usuario",
    "utilisateur",
    "membre",
    "author",
    "autor",
    "uid=",
    "u=",
    "/~",
)


@lru_cache(maxsize=8192)
def profile_href(href: str) -> bool:
    """A link to a person's profile page (cached: author tests ask once per link and group)."""
    lowered = href.lower()
    return (lowered.startswith("u") or any(w in lowered for w in _PROFILE_WORDS)) and bool(
        PROFILE_HREF.search(href)
    )


PERMALINK_HINT = Lowered(PERMALINK_WORDS)

# Whole texts of controls inside an item ("chrome"): dropped from the comment text. Besides
# the words, runs of arrows and bullets, empty brackets and bare counts ("12 likes").
CHROME_TEXT = Lowered(
    rf"^(?:{CHROME_TEXTS}"
    r"|[↑↓▲▼+\-|·•#]+|\(\s*\)|\d+\s*(?:points?|likes?|replies|reply)?)$"
)
# Account statistics shown beside a name ("152 Fans", "3,401 posts"): never the name.
ACCOUNT_STAT = Lowered(rf"^[\d.,]+\s*(?:{ACCOUNT_STAT_WORDS})$")
# Display names of accounts that no longer exist.
DELETED_AUTHOR = Lowered(rf"^\W*(?:{DELETED_AUTHOR_NAMES})\W*$")
# "in reply to", as the words sit before a link to the parent.
IN_REPLY_TO = Lowered(IN_REPLY_TO_WORDS)
# Visible comment counts: "Comments (5)", "5 Comments", "12 Kommentare", "3 réponses".
DECLARED_COUNT = re.compile(
    rf"^\W*(?:(\d[\d.,]*)\s+(?:{COUNT_WORDS})\b(?:\s+(?:on|to|for|zu|zum|zur|sur|à|a|en|su|op)\b.*)?"
    rf"|(?:{COUNT_WORDS})\s*[(\[:]?\s*(\d[\d.,]*)\s*[)\]]?)\W*$",
    re.IGNORECASE,
)

# Date-looking text, used only to decide whether an element carries a date (parsing is
# left to extractor.core.dates). Months in en/de/fr/es/it/pt/nl, numeric dates, clock times,
# weekday names and relative phrases.
# Alternatives grouped by what they start with (a digit run, a word, a dash), each group
# behind one cheap test: a search tries every position of the text, and the earlier
# flat list of sixteen assertion-led alternatives was five times slower for the same
# matches. Only whether a match exists is ever asked, so grouping changes no answer.
DATE_LIKE = Lowered(
    r"(?=\d)(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})(?!\d)"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?:{MONTHS_SEVEN_LANGUAGES})\b|\b\d{{1,2}}:\d{{2}}\b"
    r"|\d+\s*(?:sec|second|min|minute|hour|hr|day|week|month|year|yr)s?\s+ago\b"
    r"|\b\d+\s+\w+\s+fa\b|\d+\s+\w+\s+geleden"
    r"|\b\d+\s+(?:monat|monate|woche|wochen|tag|tage|jahr|jahre|stunde|stunden|minute|minuten)\b)"
    rf"|\b(?:(?:{MONTHS_SEVEN_LANGUAGES})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{4}}\b)"
    rf"|(?:{RELATIVE_DAY_WORDS})\b"
    r"|vor\s+\d+\s+\w+|il y a\s+\d+|hace\s+\d+|há\s+\d+)"
    rf"|-(?:{MONTHS_SEVEN_LANGUAGES})-\d{{4}}"
)

# Field labels that sit where a name would ("Username", "Autor:").
FIELD_LABEL = Lowered(rf"^(?:{FIELD_LABELS})\s*:?$")
# Account dates ("Joined Mar 2017", "Mitglied seit"), which are not post dates.
JOINED = Lowered(rf"\b(?:{JOINED_WORDS})\b")

# Words around a bare name: "<b>Ann</b> says:", "by <a>Ann</a>", "von <strong>Ann</strong>".
SAYS_AFTER = Lowered(rf"^\s*(?:{SAYS_WORDS})\b")
BY_BEFORE = Lowered(
    r"(?:^|\s)(?:by|von|par|por|da|door|posted by|written by|geschrieben von|publié par)\s*:?\s*$"
)

# "Read more" links end excerpts of other pages (teasers), never a comment.
READ_MORE = Lowered(rf"^\s*(?:{READ_MORE_TEXTS})\b")

# Date phrases without digits ("yesterday", "gestern"): the only DATE_LIKE matches a text
# without digits can have, so digit-free texts are tested against this short list only.
DATELESS_WORDS = Lowered(rf"\b(?:{RELATIVE_DAY_WORDS})\b")
_DIGIT = re.compile(r"\d")


def date_like(text: str) -> bool:
    """Cheap test first: most text has no digit and is no date."""
    if text.isspace():
        return False
    if _DIGIT.search(text):
        return bool(DATE_LIKE.search(text))
    return bool(DATELESS_WORDS.search(text))


SAYS_END = Lowered(rf"\b(?:{SAYS_END_WORDS})\s*[:,]?\s*$")

# A comment's head line in plain text: "Ann schrieb am 21.06.2022:", "Ann wrote:", "Ann says:".
WROTE_LINE = re.compile(
    rf"^\s*(?P<name>[^\s:|,.][^:|\n]{{0,39}}?)\s+(?:{'|'.join(WROTE_VERBS)})\b\s*(?:(?:am|on|le|el|il|op)\b\s*)?"
    r"(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# A comment's footer line, as blog engines print it under the comment's paragraphs
# ("Posted by: Ann | Mar 26, 2007 2:00 PM"): the comment is the run of blocks above it.
FOOTER_LEAD = Lowered(
    r"^\W*(?:posted|written|submitted|geschrieben|verfasst|publié|escrito|scritto)\s+(?:by|von|par|por|da)\b"
)
FOOTER_NAME = re.compile(
    r"^\W*(?:posted|written|submitted|geschrieben|verfasst|publié|escrito|scritto)\s+(?:by|von|par|por|da)\s*:?\s*"
    r"(?P<name>[^|@\n]{1,60}?)\s*(?:\||\bat\b|\bon\b|\bam\b|\ble\b|,|\s-\s|–|•|·)",
    re.IGNORECASE,
)
# Headings that open a comment list ("Comments", "12 Responses", "Kommentare").
COMMENT_HEADING = Lowered(rf"\b(?:{COUNT_WORDS}|discussion|diskussion|leave a reply)\b")
# A heading that is nothing but the section's title or count ("1 Comment", "No Reactions",
# "Leave a Reply"): never a commenter's words, even when an item was drawn wide.
SECTION_HEADING = Lowered(
    rf"^\W*(?:(?:no|one|\d+)\s*)?(?:{COUNT_WORDS})(?:\s*(?:\(\d+\)|no reactions?|\d+))*\W*$"
    r"|^\W*(?:leave a (?:comment|reply)|post a comment|add (?:a )?comment|write a comment|kommentar schreiben"
    r"|laisser un commentaire|deja un comentario)\W*$"
)
# What is left of a byline once its name and date are taken out: "Written by", "Posted by -".
BYLINE_LEFTOVER = Lowered(
    r"^\W*(?:(?:posted|written|submitted|geschrieben|verfasst|publié)\s+)?(?:by|von|par|por)?\W*"
    r"(?:(?:on|at|am|um|le|el|il)\W+)?"
    r"(?:(?:writes|wrote|says|said|schreibt|schrieb|a écrit|escribió|scrive)\W*)?"
    r"(?:(?:reply|up|report|flag|recs?)\W*)*$"
)
