"""Class and id words that name page regions, kept as plain data.

Why a separate module: pages say what a box is in its class and id ("sidebar",
"related-posts", "byline", "kommentare"), in English or the site's language, and several
steps read those names: body pruning and scoring (``body/prune``, ``body/score``,
``body/listing``, ``body/images``), the byline, dateline and headline finders
(``meta/byline``, ``meta/headline``, ``meta/regions``). The words live here so a
newcomer finds them by topic and a language is added in one place.

Two forms: word sets are compared with the words a tokeniser cut out of a class/id string
(each reader's tokeniser differs, see its docstring); ``*_TOKENS`` strings are regex
alternations that the reading module wraps in its own token boundaries.
"""

from __future__ import annotations

# --- body extraction: which boxes are boilerplate (body/prune.py, body/score.py) ---

# Class/id words that name a non-article region. Matched against the
# hyphen/underscore-separated parts of each class token and of the id.
NEGATIVE_WORDS = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "menus", "breadcrumb", "breadcrumbs", "footer",
        "sidebar", "sidebars", "share", "sharing", "shares", "social",
        "sociable", "addthis", "sharethis", "related", "recommended", "recommendations",
        "recirc", "newsletter", "subscribe", "subscription", "signup", "promo", "promos",
        "advert", "advertisement", "advertising", "ad", "ads", "adsense", "adslot", "dfp",
        "sponsor", "sponsored", "cookie", "cookies", "consent", "popup", "modal", "overlay",
        "masthead", "skip", "toolbar", "pagination", "pager", "tags", "tagcloud", "byline",
        "comment", "comments", "commentlist", "respond", "disqus", "outbrain", "taboola",
        "trending", "popular", "mostread", "most", "banner", "teaser", "teasers", "rail",
        "print", "copyright", "login", "signin", "author", "bio", "meta",
        "timestamp", "jump", "toc", "hidden", "offscreen", "sr", "screenreader", "tools",
        "utility", "follow", "rss", "syndication", "links", "blogroll", "archive", "archives",
        "categories", "category", "lightbox", "gallery", "slideshow", "carousel", "video",
        "player", "header", "topbar", "bottom", "secondary", "complementary", "extra",
        "credit", "credits", "enlarge", "zoom", "rating", "vote", "votes",
        "likes", "reactions", "emoji", "feedback", "survey", "poll", "donate", "paywall",
        "alert", "notice", "message", "messages", "flash", "error", "side", "sharedaddy",
        "piano", "offer", "regwall", "subscriber", "upsell", "signature", "sig", "postsig",
        "nocontent", "recent", "recentposts", "copyrights", "fineprint", "disclaimer", "disclaimers",
        "gdpr", "ccpa", "onetrust", "didomi", "usercentrics", "cookiebot", "fides", "truste",
        "osano", "cookielaw", "cookiebanner", "cookienotice",
        # the same regions named in other languages
        "autor", "auteur", "rubrik", "kommentar", "kommentare", "teilen", "werbung", "anzeige",
        "partage", "commentaires", "publicite", "compartir", "comentarios", "publicidad",
    }
)  # fmt: skip

# Words that, in a class/id, mark the article itself.
POSITIVE_WORDS = frozenset(
    {
        "article", "articlebody", "body", "content", "entry", "main", "post", "story", "text",
        "blog", "hentry", "postbody", "storybody", "richtext", "prose", "column", "page",
        "single", "news", "inhalt", "artikel", "contenu", "contenido", "testo",
    }
)  # fmt: skip

# Negative words strong enough to override a positive one in the same name
# ("related-posts", "share-article", "entry-footer").
STRONG_NEGATIVE_WORDS = frozenset(
    {
        "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs", "footer", "sidebar",
        "share", "sharing", "social", "sociable", "addthis", "sharethis", "related",
        "recommended", "recirc", "newsletter", "subscribe", "promo", "advert", "advertisement",
        "ad", "ads", "sponsor", "sponsored", "cookie", "consent", "popup", "modal", "comment",
        "comments", "commentlist", "respond", "disqus", "outbrain", "taboola", "trending",
        "mostread", "tags", "byline", "credit", "meta", "paywall", "print",
        "timestamp", "author", "bio", "tools", "toolbar", "teaser", "teasers",
        "autor", "auteur", "kommentar", "kommentare", "teilen", "werbung", "anzeige", "partage",
        "commentaires", "publicite", "compartir", "comentarios", "publicidad", "sharedaddy",
        "piano", "regwall", "upsell", "copyright", "secondary", "nocontent", "recent", "recentposts", "copyrights", "fineprint",
        "disclaimer", "disclaimers", "gdpr", "ccpa", "onetrust", "didomi", "usercentrics",
        "cookiebot", "fides", "truste", "osano", "cookielaw", "cookiebanner", "cookienotice",
    }
)  # fmt: skip

# Joined class names that mark the article text itself; their ancestors are never pruned.
CONTENT_MARKERS = frozenset(
    {
        "entrycontent", "entrybody", "postbody", "postcontent", "posttext", "postentry",
        "articlebody", "articlecontent", "articletext", "storybody", "storycontent", "storytext",
        "blogpost", "contentbody", "bodytext", "maincontent", "articlebodytext", "itemprop",
    }
)  # fmt: skip

# Regions of long, link-poor text that are still not the article: the size
# guard that rescues misnamed article wrappers must not rescue these.
COMMENT_REGION_WORDS = frozenset(
    {
        "comment", "comments", "commentlist", "commentbody", "respond", "disqus", "replies",
        "reply", "kommentar", "kommentare", "commentaires", "comentarios", "discussion",
    }
)  # fmt: skip

# Region words recognised inside compounds as well ("relatedposts", "newsletterbox").
COMPOUND_WORDS = (
    "related",
    "newsletter",
    "sharing",
    "social",
    "sidebar",
    "breadcrumb",
    "advert",
    "paywall",
    "consent",
)


# --- words of class tokens that say how an element looks, not what it is (body/prune.py) ---

# First parts of utility class tokens that style an element (colour, type, box) and say
# nothing about what it holds.
STYLE_PREFIXES = frozenset(
    {
        "text",
        "bg",
        "border",
        "btn",
        "button",
        "color",
        "font",
        "fill",
        "stroke",
        "overflow",
        "badge",
        "shadow",
        "outline",
        "rounded",
        "opacity",
        "leading",
        "tracking",
        "decoration",
    }
)

# Words that make a class token a layout flag of the element ("with-sidebar", "has-comments",
# "hide-read-more-ad": what the element shows or hides inside it, not what it is).
LAYOUT_FLAGS = frozenset({"with", "has", "no", "without", "hide"})

# First parts of class tokens that hide the element itself ("is-hidden", "visually-hidden").
HIDING_PREFIXES = frozenset({"is", "visually", "u", "sr", "screen", "a11y", "js", "hidden"})


# --- boxes inside the chosen text (body/listing.py, body/images.py) ---

# Class words of the container of one post or story.
ENTRY_WORDS = frozenset(
    {
        "hentry",
        "entry",
        "post",
        "article",
        "story",
        "blogpost",
        "articlebody",
        "postbody",
        "entrycontent",
        "postcontent",
    }
)

# Class words of a credit span inside a figcaption ("credit", "photographer"): split off the caption.
CREDIT_WORDS = frozenset({"credit", "credits", "copyright", "photographer", "source", "courtesy"})


# --- page-type evidence (pagetype.py; its tokeniser also joins a token's parts) ---

# Class/id words of reader comments: repeated entries inside them are comments, not live-blog
# updates or forum posts.
COMMENT_LIST_WORDS = frozenset({"comment", "comments", "commentlist", "discussion"})

# Class/id words of rails and widgets beside the article: teasers inside them do not make
# the page an index.
RAIL_WORDS = frozenset(
    {
        "sidebar",
        "related",
        "recent",
        "widget",
        "rail",
        "module",
        "promo",
        "teaser",
        "teasers",
        "more",
        "footer",
    }
)

# Class/id words that begin or end with "date"/"time" but name no timestamp ("update",
# "candidate", "timeline").
NOT_STAMP_WORDS = frozenset(
    {"update", "updates", "timeline", "times", "timer", "validate", "candidate", "mandate"}
)


# --- metadata that belongs to someone else: comments, teaser lists (meta/regions.py) ---

# Class/id tokens of regions whose dates and names are not the article's (comments,
# related-article lists, sidebars). Alternations; meta/regions.py matches them as whole
# tokens between spaces, "_" or "-".
COMMENT_TOKENS = r"comments?|commentlist|replies|reply|respond|discussion|disqus"
# Region words (core/names.py: whole tokens, first and last parts) of boxes whose dates and
# bylines belong to other articles: related and recommended lists, sidebars and rails,
# recirculation widgets. "widget" and "newsletter" are not among them: page builders name
# every block a widget ("elementor-widget"), and newsletter platforms name the post itself
# ("newsletter-post"); a sidebar's widgets sit in a sidebar or an <aside> anyway.
FOREIGN_REGION_WORDS = frozenset(
    {"related", "relatedposts", "sidebar", "rightrail", "siderail", "popular", "trending",
     "mostread", "outbrain", "taboola", "morestories", "readmore", "readnext", "nextarticle",
     "promo", "teaser", "teasers"}
)  # fmt: skip
# ... and word beginnings: "recommended", "recommendations", "recirculation".
FOREIGN_REGION_PREFIXES = ("recommend", "recirc")


# --- the article's byline, dateline and standfirst (meta/byline.py, meta/headline.py) ---

# Class/id tokens of a byline and of a dateline (whole tokens, as above).
BYLINE_TOKENS = (
    r"by-?line|byl|bylines|author|authors|authorname|author-?name|contributors?|writer|"
    r"creator|reporter|autor|auteur|signature|firma"
)
# Substrings of class/id names of parts of an author box that hold no byline (bio, avatar,
# job title, social links), searched anywhere in the name.
NOT_BYLINE_TOKENS = (
    r"bio|avatar|image|img|photo|pic|thumb|desc|about|social|follow|twitter|mail|title|job|role|position|"
    r"label|prefix|icon|more|count|comment"
)
DATE_TOKENS = (
    r"date|dates|time|datetime|timestamp|published|pubdate|pub-?date|posted|post-?date|"
    r"dateline|updated|modified|publish|publication|meta|metadata|byline|entry-?meta|post-?meta|article-?meta|"
    r"datum|fecha|data"
)

# Class/id tokens of a standfirst (the summary under the headline), whole tokens as above.
STANDFIRST_TOKENS = (
    r"sub-?title|subtitle|standfirst|dek|deck|sub-?head(?:line|ing)?|summary|lede|lead|"
    r"intro|strapline|strap|excerpt|teaser-text|description|abstract|article-?summary"
)
# Substrings of the class/id of a box that wraps the headline (meta/headline.py).
HEADER_WORDS = r"header|heading|hero|headline|title|intro"
