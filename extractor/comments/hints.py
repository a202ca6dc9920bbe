"""Word tables for comment detection, kept as data so they can grow without code changes.

Why regexes over class/id words: every comment system names its markup, in the site's
language or in English, and those names are the cheapest strong signal there is. They only
*help* the structural test in detect.py (repeated items that each carry an author, a date
and a text); they never decide alone.
"""

from __future__ import annotations

import re
from functools import lru_cache


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


# Class/id words of a single comment or post (strong: comment-specific in several languages).
STRONG_ITEM = Lowered(
    r"comment|kommentar|komment|commentaire|comentario|commento|coment|reactie|reaktion"
    r"|disqus|dsq-|talkback|leserbrief|respuesta|reponse|réponse|antwort|reply|replies"
    r"|bbp-reply|reader-?response")
# Words that name forum posts and messages, but also blog articles ("post-123"), so a group
# carrying only these needs at least two members.
WEAK_ITEM = Lowered(
    r"post|message|msg|beitrag|entry|topic|thread|discussion|answer|response|note|contribution"
    r"|forum|bbcode|windowbg|postbit|talk")
# Class tokens that say nothing about identity (zebra striping, state, per-user) and so
# must not split one group of items into several.
NOISE_TOKEN = Lowered(
    r"^(?:odd|even|alt\d*|bg\d|row\d|first|last|parent|clearfix|clear|hentry|byuser|bypostauthor"
    r"|(?:thread|comment)-(?:odd|even|alt)|depth-?\d+|level-?\d+|.*author.*|.*user.*|is-.*|has-.*"
    r"|js-.*|ng-.*|selected|active|new|unread|read|highlight\w*|sticky|moderator|admin|staff)$")
# Ids that number comments or posts: comment-123, post_45, p11011, msg_2, dsq-comment-9.
# A one-letter prefix (p11, c-5) must stand alone or after a separator: "main-wrap1" and
# "top1" are layout boxes, not numbered posts.
NUMBERED_ID = re.compile(
    r"^((?:[a-z_-]*?(?:comment|kommentar|post|msg|message|reply|entry|li-comment|div-comment|dsq-comment"
    r"|elComment|answer|note)|(?:[a-z]+[-_])?[pmcr])[-_]?)\d+$",
    re.IGNORECASE,
)
SCHEMA_ITEM = re.compile(r"schema\.org/(?:Comment|UserComments|DiscussionForumPosting|Answer|SocialMediaPosting)\b",
                         re.IGNORECASE)
ITEM_DATA_ATTRS = ("data-author", "data-comment-id", "data-commentid", "data-post-id", "data-postid",
                   "data-comment", "data-pid")

# Parts of an item.
STRONG_AUTHOR_HINT = Lowered(
    r"author|user-?name|poster|\bfn\b|nick|autor|auteur|autore|commenter|byline|\bby\b|username|nutzer|verfasser")
# Texts of buttons that sit in author areas ("Quote", "Reply with quote").
BUTTON_WORDS = Lowered(
    r"\b(?:quote|reply|zitat|zitieren|antworten|répondre|citer|citant|responder|citar|rispondi|report|melden|signaler"
    r"|profile|profil|pm|message privé|private message|send|senden)\b")
AUTHOR_HINT = Lowered(
    r"author|user|poster|nick|\bname\b|username|autor|auteur|autore|benutzer|nutzer|verfasser|member|\bfn\b|vcard"
    r"|utilisateur|usuario|utente|gebruiker|naam|nombre|\bnom\b|mitglied"
    r"|commenter|byline|profile|usr|who|person|writer|signature-name")
NOT_AUTHOR_HINT = Lowered(r"avatar|photo|image|img|pic|title|rank|stats|info-list|count|signature|extra|tag|label"
                             r"|field|badge|role|status|online|level|joined|since|location|posts|karma|info|desc|text|body|content|message|date"
                             r"|icons|buttons|actions|tools|controls|options|menu")
DATE_HINT = Lowered(
    r"date|time|posted|timestamp|datum|fecha|zeit|when|ago|published|created|meta|heure|data|info|details"
    r"|byline|head")
TEXT_HINT = Lowered(
    r"comment[-_]?(?:body|content|text|message|entry)|commenttext|commentbody|postbody|post[-_]?(?:body|content|text|message|entry)"
    r"|message[-_]?(?:body|content|text)|messagecontent|bbwrapper|bbcode|postcontent|post_message|msgbody|msg-body"
    r"|usercontent|cooked|inhalt|texto|contenido"
    r"|(?<![a-z])(?:content|text|body|message|entry|inner|post|msg|beitrag)(?![a-z])")
TEXT_ITEMPROPS = frozenset({"text", "commenttext", "articlebody", "description", "content", "reviewbody"})
LIKE_HINT = Lowered(r"like|vote|upvote|score|point|karma|thumb|recommend|gefaellt|gefällt|kudos|reaction|plus|rating|heart|love")
DISLIKE_HINT = Lowered(r"dislike|downvote|vote-?down|thumbs?-?down|negative|minus|unlike|contra")
LIKED_BY_HINT = Lowered(r"liked-?by|likedby|likers|who-?liked|likes-?list|reactions-?list|reaction-?users|likes-?users")
PROFILE_HREF = Lowered(
    r"(?:^|/)(?:users?|members?|profiles?|u|people|benutzer|mitglied|mitglieder|usuarios?|utilisateurs?|membres?|author|autor)"
    r"(?:/|[-_.]?\d)"
    r"|viewprofile|showuser|profile\.php|member\.php|user_?info|user_?profile=|user_id=|userid=|uid=|[?&;]u=\d|[?&;]user=|mode=viewprofile|action=profile|showprofile|memberlist"
    r"|/~")
# Substrings one of which every PROFILE_HREF match contains: a plain `in` test rules out
# most links before the (slow, many-branched) regex runs.
_PROFILE_WORDS = ("user", "member", "profil", "/u", "people", "benutzer", "mitglied", "usuario", "utilisateur",
                  "membre", "author", "autor", "uid=", "u=", "/~")


@lru_cache(maxsize=8192)
def profile_href(href: str) -> bool:
    """A link to a person's profile page (cached: author tests ask once per link and group)."""
    lowered = href.lower()
    return (lowered.startswith("u") or any(w in lowered for w in _PROFILE_WORDS)) and bool(PROFILE_HREF.search(href))


PERMALINK_HINT = Lowered(r"permalink|bookmark|comment-?link|post-?link|share-?link|anchor")

# Whole texts of controls inside an item ("chrome"): dropped from the comment text.
CHROME_TEXT = Lowered(
    r"^(?:reply|reply to (?:this|comment)|gefällt mir:?|likes?:|reply with quote|quote|multi-?quote|report|report abuse|report post|flag"
    r"|link to (?:this )?comment|link|permalink|share|edit|delete|like|likes?|unlike|dislike|recommend|upvote|downvote"
    r"|vote up|vote down|thanks|thank|top|back to top|go to top|antworten|zitieren|melden|teilen|bearbeiten|löschen"
    r"|gefällt mir|nach oben|répondre|citer|signaler|partager|modifier|j'aime|responder|citar|denunciar|compartir"
    r"|me gusta|rispondi|cita|segnala|condividi|mi piace|reageer|beantwoorden|log in to reply|login to reply"
    r"|sign in to reply|cancel reply|leave a (?:comment|reply)|post a comment|add (?:a )?comment|was this helpful\??|helpful\??|show more|read more|mehr|weiterlesen|collapse|expand|hide|show|more|less"
    r"|rate this:?"
    r"|[↑↓▲▼+\-|·•#]+|\(\s*\)|\d+\s*(?:points?|likes?|replies|reply)?)$")
# Controls that count as chrome only inside a line of separated controls ("History | |"):
# alone, a comment may consist of the word.
LISTED_CONTROLS = frozenset({"history", "edit history", "view history", "hide replies", "show replies"})
# Account statistics shown beside a name ("152 Fans", "3,401 posts"): never the name.
ACCOUNT_STAT = Lowered(r"^[\d.,]+\s*(?:fans?|followers?|posts?|comments?|points?|karma|likes?|reputation|beiträge"
                       r"|abonnenten)$")
# Display names of accounts that no longer exist.
DELETED_AUTHOR = Lowered(
    r"^\W*(?:deactivated (?:account|user)|deleted(?: user| account| member)?|\[deleted\]|\[removed\]|account deleted"
    r"|gelöschte[rs]? (?:benutzer|nutzer|user|account|mitglied)|benutzer gelöscht|utilisateur supprimé|compte supprimé"
    r"|usuario eliminado|cuenta eliminada|utente cancellato|verwijderd account|verwijderde gebruiker)\W*$")
# "in reply to", as the words sit before a link to the parent.
IN_REPLY_TO = Lowered(
    r"in reply to|replying to|reply to|als antwort auf|antwort auf|en réponse à|en respuesta a|in risposta a|@")
# Visible comment counts: "Comments (5)", "5 Comments", "12 Kommentare", "3 réponses".
COUNT_WORDS = (
    r"comments?|responses?|replies|reactions?|kommentare?|leserkommentare?|commentaires?|réponses?"
    r"|comentarios?|respuestas?|commenti|reacties|antworten|opinions?|thoughts"
)
DECLARED_COUNT = re.compile(
    rf"^\W*(?:(\d[\d.,]*)\s+(?:{COUNT_WORDS})\b(?:\s+(?:on|to|for|zu|zum|zur|sur|à|a|en|su|op)\b.*)?"
    rf"|(?:{COUNT_WORDS})\s*[(\[:]?\s*(\d[\d.,]*)\s*[)\]]?)\W*$",
    re.IGNORECASE,
)

# Date-looking text, used only to decide whether an element carries a date (parsing is
# left to extractor.core.dates). Months in en/de/fr/es/it/pt/nl, numeric dates, clock times,
# weekday names and relative phrases.
_MONTHS = (
    r"jan(?:uary|uar|vier|eiro|uari)?|feb(?:ruary|ruar|rero|braio|ruari)?|fév(?:rier)?|mar(?:ch|s|zo|ço)?|märz|maart"
    r"|apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|may|mai|mayo|maggio|maio|mei|jun(?:e|i|io)?|juin|giugno|jul(?:y|i|io)?"
    r"|juil(?:let)?|luglio|aug(?:ust|ustus)?|août|ago(?:sto)?|sep(?:t(?:ember|embre)?)?|set(?:embro|tembre)?"
    r"|oct(?:ober|obre|ubre)?|okt(?:ober)?|ott(?:obre)?|out(?:ubro)?|nov(?:ember|embre|iembre)?|dec(?:ember)?"
    r"|dez(?:ember)?|déc(?:embre)?|dic(?:iembre|embre)?"
)
# Alternatives grouped by what they start with (a digit run, a word, a dash), each group
# behind one cheap test: a search tries every position of the text, and the earlier
# flat list of sixteen assertion-led alternatives was five times slower for the same
# matches. Only whether a match exists is ever asked, so grouping changes no answer.
DATE_LIKE = Lowered(
    r"(?=\d)(?<!\d)(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}(?!\d)|\d{1,2}[-/.]\d{1,2}[-/.](?:\d{4}|\d{2})(?!\d)"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:of\s+)?(?:{_MONTHS})\b|\b\d{{1,2}}:\d{{2}}\b"
    r"|\d+\s*(?:sec|second|min|minute|hour|hr|day|week|month|year|yr)s?\s+ago\b"
    r"|\b\d+\s+\w+\s+fa\b|\d+\s+\w+\s+geleden"
    r"|\b\d+\s+(?:monat|monate|woche|wochen|tag|tage|jahr|jahre|stunde|stunden|minute|minuten)\b)"
    rf"|\b(?:(?:{_MONTHS})\.?\s+(?:\d{{1,2}}(?:st|nd|rd|th)?\b|\d{{4}}\b)"
    r"|(?:yesterday|today|just now|gestern|heute|hier|aujourd'hui|ayer|hoy|ieri|oggi|gisteren|vandaag)\b"
    r"|vor\s+\d+\s+\w+|il y a\s+\d+|hace\s+\d+|há\s+\d+)"
    rf"|-(?:{_MONTHS})-\d{{4}}")

# Field labels that sit where a name would ("Username", "Autor:").
FIELD_LABEL = Lowered(
    r"^(?:user ?name|user|author|name|nick(?:name)?|poster|member|benutzer(?:name)?|autor|auteur|nom|nombre|usuario"
    r"|posts?|joined|registered|location|rank|group|beiträge|wohnort|mitglied seit|messages|inscrit)\s*:?$")
# Account dates ("Joined Mar 2017", "Mitglied seit"), which are not post dates.
JOINED = Lowered(
    r"\b(?:joined|registered|member since|join date|seit|since|registriert|mitglied seit|dabei seit|angemeldet|inscrit|inscription"
    r"|registrado|miembro desde|iscritto|lid sinds|last (?:seen|visit|active|edited)|zuletzt|dernière visite|edited"
    r"|bearbeitet|modifié)\b")

# Words around a bare name: "<b>Ann</b> says:", "by <a>Ann</a>", "von <strong>Ann</strong>".
SAYS_AFTER = Lowered(
    r"^\s*(?:says|said|wrote|writes|schreibt|schrieb|sagt|meint|dit|a écrit|écrit|dice|escribió|scrive|ha scritto"
    r"|schreef|zegt)\b")
BY_BEFORE = Lowered(r"(?:^|\s)(?:by|von|par|por|da|door|posted by|written by|geschrieben von|publié par)\s*:?\s*$")

# "Read more" links end excerpts of other pages (teasers), never a comment.
READ_MORE = Lowered(
    r"^\s*(?:read more|continue reading|more\s*»|weiterlesen|mehr lesen|lire la suite|leer más|seguir leyendo"
    r"|continua a leggere|leia mais|lees meer)\b")

# Date phrases without digits ("yesterday", "gestern"): the only DATE_LIKE matches a text
# without digits can have, so digit-free texts are tested against this short list only.
DATELESS_WORDS = Lowered(
    r"\b(?:yesterday|today|just now|gestern|heute|hier|aujourd'hui|ayer|hoy|ieri|oggi|gisteren|vandaag)\b")
_DIGIT = re.compile(r"\d")


def date_like(text: str) -> bool:
    """Cheap test first: most text has no digit and is no date."""
    if text.isspace():
        return False
    if _DIGIT.search(text):
        return bool(DATE_LIKE.search(text))
    return bool(DATELESS_WORDS.search(text))


SAYS_END = Lowered(
    r"\b(?:says|said|wrote|writes|schreibt|schrieb|sagt|meint|dit|a écrit|dice|escribió|scrive|schreef|zegt)\s*[:,]?\s*$")

# A comment's head line in plain text: "Ann schrieb am 21.06.2022:", "Ann wrote:", "Ann says:".
WROTE_VERBS = ("schrieb", "schreibt", "wrote", "writes", "says", "said", "a écrit", "écrit", "escribió", "escribe",
               "scrive", "ha scritto", "schreef", "schrijft")
WROTE_LINE = re.compile(
    rf"^\s*(?P<name>[^\s:|,.][^:|\n]{{0,39}}?)\s+(?:{'|'.join(WROTE_VERBS)})\b\s*(?:(?:am|on|le|el|il|op)\b\s*)?"
    r"(?P<rest>.*)$",
    re.IGNORECASE | re.DOTALL,
)
# A comment's footer line, as blog engines print it under the comment's paragraphs
# ("Posted by: Ann | Mar 26, 2007 2:00 PM"): the comment is the run of blocks above it.
FOOTER_LEAD = Lowered(r"^\W*(?:posted|written|submitted|geschrieben|verfasst|publié|escrito|scritto)\s+(?:by|von|par|por|da)\b")
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
    r"|laisser un commentaire|deja un comentario)\W*$")
# What is left of a byline once its name and date are taken out: "Written by", "Posted by -".
BYLINE_LEFTOVER = Lowered(r"^\W*(?:(?:posted|written|submitted|geschrieben|verfasst|publié)\s+)?(?:by|von|par|por)?\W*"
                          r"(?:(?:on|at|am|um|le|el|il)\W+)?"
                          r"(?:(?:writes|wrote|says|said|schreibt|schrieb|a écrit|escribió|scrive)\W*)?"
                          r"(?:(?:reply|up|report|flag|recs?)\W*)*$")
