"""Wording that tells what a page or a box on it is: paywalls, consent notices, live
blogs and forums, and the boilerplate lines around an article, kept as plain data.

Why a separate module: the page-type test (``pagetype``) and body extraction
(``body/prune``, ``body/emit``) recognise these by their class names and by the sentences
they show ("Subscribe to continue reading", "We use cookies ..."); those words and phrases
live here, per language, so adding one is a data change. Regex fragments are strings
(alternations); the reading module builds its pattern around them.
"""

from __future__ import annotations

# --- consent notices (body/prune.py) ---

# Names of consent notices, the consent platforms' own prefixes included: such a notice is
# never the article, however long its list of purposes and vendors. ("cookies" alone also
# names a documentation section about cookies; such regions are judged by their words.)
CONSENT_WORDS = frozenset(
    {"consent", "gdpr", "ccpa", "onetrust", "didomi", "usercentrics",
     "cookiebot", "fides", "truste", "osano", "cookielaw", "cookiebanner", "cookienotice"}
)  # fmt: skip
# What a consent notice asks the reader to agree to; body/prune.py looks for one of them
# near "cookies" at the start of a box's text.
CONSENT_TEXT_WORDS = r"consent|partners|privacy|preferences|accept|personali[sz]|tracking"


# --- live blogs and forums: class/id words of their repeated entries (pagetype.py) ---

# Class/id words of repeated entries. Checked per word so "post" does not fire on "poster-frame".
# A live blog's updates:
LIVE_BLOG_WORDS = frozenset(
    {"live", "liveblog", "liveupdate", "liveupdates", "update", "updates", "ticker", "timeline"}
)
# A forum's posts:
FORUM_WORDS = frozenset(
    {"post", "posts", "postbit", "postbody", "message", "messages", "reply", "replies", "topic", "thread"}
)
# An entry's author box: entries that mostly carry one are forum posts.
ENTRY_AUTHOR_WORDS = frozenset({"author", "user", "username", "poster", "member", "profile", "avatar"})


# --- paywalls (pagetype.py) ---

# Whole class/id words (or hyphen-joined tokens) of wall boxes. Bare "premium" or
# "locked" are left out: they also name badges and menu items on free pages.
PAYWALL_WORDS = frozenset(
    {
        "paywall",
        "paywalled",
        "regwall",
        "piano",
        "subscriberonly",
        "subscribersonly",
        "premiumcontent",
        "premiumwall",
        "articlelocked",
        "contentlocked",
    }
)


# --- boilerplate lines inside article containers (body/emit.py) ---

# Whole-line boilerplate that sits inside article containers: share prompts, "Read more",
# comment counts, credits, "Lesen Sie auch", "関連記事". A verbose regex (spaces are not
# matched), read case-insensitively; body/emit.py anchors it to the whole line.
BOILERPLATE_LINES = r"""
        (?:liked|enjoyed|like)\s+this\s+(?:article|story|post)\b.* |
        share\s+(?:this|now|on|via)\b.* | share$ | tweet$ | email$ | print$ | pin\s+it$ |
        (?:join|start)\s+the\s+(?:discussion|conversation)\b.* |
        (?:read|see|view|show)\s+(?:more|also|all|full)\b.{0,60} |
        continue\s+reading\b.{0,60} | click\s+here\b.{0,80} |
        (?:sign\s+up|subscribe)\b.{0,120} | (?:advertisement|anzeige|publicité|werbung|ad)$ |
        (?:related|more)\s+(?:articles?|stories|posts|news|coverage)\b.{0,40} |
        (?:leave|write|post|add)\s+(?:a|new|your)\s+(?:comment|reply)\b.{0,80} |
        \d+\s+comments?$ | comments?\s*\(\d+\)$ | no\s+comments(?:\s+yet)?\.?$ |
        (?:lesen\s+sie\s+(?:auch|mehr)|mehr\s+zum\s+thema|lire\s+aussi|à\s+lire\s+aussi|
           voir\s+aussi|leer\s+más|lee\s+también|leggi\s+anche)\b.{0,120} |
        (?:photo|image|picture|bild|foto)\s*:.{0,60} | ©.{0,80} | \(c\)\s.{0,60} |
        (?:all\s+rights\s+reserved|copyright\b).{0,80} |
        follow\s+us\b.{0,80} | (?:already\s+a\s+subscriber|bereits\s+abonnent|déjà\s+abonné)\b.{0,60} |
        (?:subscribe|weiterlesen\s+mit|continue\s+reading\s+with)\b.{0,80} |
        関連記事 | 関連ニュース | 相關新聞 | 相关新闻 | 延伸閱讀 | 延伸阅读 | 推荐阅读 |
        اقرأ\s+أيضا.{0,60} | читайте\s+также.{0,60} | смотрите\s+также.{0,60} | like\s+this:? | loading\.{0,3} | like\s+loading\.{0,3} | (?:last\s+)?updated?:?$ | (?:tags?|topics?|filed\s+under|themen|schlagw(?:orte|örter)|stichw(?:orte|örter)|mots[-\s]clés|étiquettes|sujets|etiquetas|temas|argomenti|parole\s+chiave)\s*:.{0,200}
    """


# --- paywall sentences (pagetype.py) ---

# The sentence a wall shows where the text stops, as one alternation (read case-insensitively).
WALL_TEXTS = (
    r"subscribe (?:now )?to (?:continue|keep) reading|to (?:continue|keep) reading,? (?:please )?"
    r"(?:subscribe|sign in|log in|register)|(?:this|the) (?:article|story|content) is (?:only )?"
    r"(?:available|reserved|exclusive) (?:to|for) (?:subscribers|members)|subscribers only|"
    r"already a subscriber\?|reserved for subscribers|"
    r"weiterlesen mit|nur für abonnenten|réservé aux abonnés|il vous reste \d+ ?% de cet article|"
    r"exclusivo para (?:suscriptores|assinantes)|riservato agli abbonati"
)

# Every wall sentence above contains one of these (lower case): a plain substring test on the
# page's text rules the wall sentence out on most pages before the regex runs
# (tests/test_pagetype.py holds one sentence per alternative).
WALL_HINTS = (
    "subscri",
    "continue reading",
    "keep reading",
    "to members",
    "for members",
    "weiterlesen",
    "abonn",
    "vous reste",
    "exclusivo para",
    "riservato",
)


# --- markup the steps look elements up by (core/index.py) ---

# Attributes that carry a date as seconds since 1970 on comment and post markup
# (comments/detect.py, comments/records.py).
EPOCH_ATTRS = ("data-time", "data-timestamp", "data-utime", "data-xutime", "data-unix", "data-epoch")
# The attributes PageIndex groups elements by (besides class and id): date markup
# (metadata's dateline, comment detection), bylines (rel=author, itemprop).
INDEXED_ATTRIBUTES = frozenset({"datetime", "itemprop", "rel", *EPOCH_ATTRS})
