"""Words of reader comments and forum posts: the class/id words of a comment and its parts,
the texts of its controls, the verbs and labels around a commenter's name, kept as plain
data.

Why a separate module: every comment system names its markup, in the site's language or
in English ("comment", "kommentar", "postbit", "reply"), and prints the same few words
around each item ("Ann says:", "Reply", "3 Kommentare"). ``comments/hints`` compiles these
into its word tests; ``comments/sections``, ``comments/text`` and ``comments/records`` read
a few more. All regex fragments here are alternations that the reading module wraps; those
that ``comments/hints`` compiles are written in lower case (its tests run on lowercased text,
see ``comments.hints.Lowered``), the others are read with ``re.IGNORECASE``.
Dates in comments use the month names of ``calendar``.
"""

from __future__ import annotations

# --- class/id words of a comment or post (comments/hints.py: STRONG_ITEM, WEAK_ITEM) ---

# Class/id words of a single comment or post (strong: comment-specific in several languages).
STRONG_ITEM_WORDS = (
    r"comment|kommentar|komment|commentaire|comentario|commento|coment|reactie|reaktion"
    r"|disqus|dsq-|talkback|leserbrief|respuesta|reponse|réponse|antwort|reply|replies"
    r"|bbp-reply|reader-?response"
)

# Words that name forum posts and messages, but also blog articles ("post-123"), so a group
# carrying only these needs at least two members.
WEAK_ITEM_WORDS = (
    r"post|message|msg|beitrag|entry|topic|thread|discussion|answer|response|note|contribution"
    r"|forum|bbcode|windowbg|postbit|talk"
)


# --- class/id words of the parts of an item (comments/hints.py) ---

# Class/id substrings of the element holding an item's author name, strong enough alone.
STRONG_AUTHOR_WORDS = r"author|user-?name|poster|\bfn\b|nick|autor|auteur|autore|commenter|byline|\bby\b|username|nutzer|verfasser"

# Class/id substrings that may name the author element (weaker: NOT_AUTHOR_WORDS rule a
# candidate out).
AUTHOR_WORDS = (
    r"author|user|poster|nick|\bname\b|username|autor|auteur|autore|benutzer|nutzer|verfasser|member|\bfn\b|vcard"
    r"|utilisateur|usuario|utente|gebruiker|naam|nombre|\bnom\b|mitglied"
    r"|commenter|byline|profile|usr|who|person|writer|signature-name"
)

# Class/id substrings of the parts of an author box that are not the name (avatar, rank,
# post count, badges, buttons).
NOT_AUTHOR_WORDS = (
    r"avatar|photo|image|img|pic|title|rank|stats|info-list|count|signature|extra|tag|label"
    r"|field|badge|role|status|online|level|joined|since|location|posts|karma|info|desc|text|body|content|message|date"
    r"|icons|buttons|actions|tools|controls|options|menu"
)

# Class/id substrings of an item's date element, or of the meta line that holds it.
DATE_WORDS = (
    r"date|time|posted|timestamp|datum|fecha|zeit|when|ago|published|created|meta|heure|data|info|details"
    r"|byline|head"
)

# Class/id names of the element holding an item's text.
TEXT_WORDS = (
    r"comment[-_]?(?:body|content|text|message|entry)|commenttext|commentbody|postbody|post[-_]?(?:body|content|text|message|entry)"
    r"|message[-_]?(?:body|content|text)|messagecontent|bbwrapper|bbcode|postcontent|post_message|msgbody|msg-body"
    r"|usercontent|cooked|inhalt|texto|contenido"
    r"|(?<![a-z])(?:content|text|body|message|entry|inner|post|msg|beitrag)(?![a-z])"
)

# Class/id substrings of a like counter, of a dislike counter, and of a list of who liked.
LIKE_WORDS = r"like|vote|upvote|score|point|karma|thumb|recommend|gefaellt|gefällt|kudos|reaction|plus|rating|heart|love"
DISLIKE_WORDS = r"dislike|downvote|vote-?down|thumbs?-?down|negative|minus|unlike|contra"
LIKED_BY_WORDS = (
    r"liked-?by|likedby|likers|who-?liked|likes-?list|reactions-?list|reaction-?users|likes-?users"
)

# Class/id substrings of a link to the item itself.
PERMALINK_WORDS = r"permalink|bookmark|comment-?link|post-?link|share-?link|anchor"

# Class tokens that say nothing about identity (zebra striping, state, per-user) and so
# must not split one group of items into several; each matches a whole token.
NOISE_TOKENS = (
    r"odd|even|alt\d*|bg\d|row\d|first|last|parent|clearfix|clear|hentry|byuser|bypostauthor"
    r"|(?:thread|comment)-(?:odd|even|alt)|depth-?\d+|level-?\d+|.*author.*|.*user.*|is-.*|has-.*"
    r"|js-.*|ng-.*|selected|active|new|unread|read|highlight\w*|sticky|moderator|admin|staff"
)


# --- texts inside an item: buttons, controls, account lines (comments/hints.py) ---

# Texts of buttons that sit in author areas ("Quote", "Reply with quote"), as whole words.
BUTTON_TEXTS = (
    r"quote|reply|zitat|zitieren|antworten|répondre|citer|citant|responder|citar|rispondi|report|melden|signaler"
    r"|profile|profil|pm|message privé|private message|send|senden"
)

# Whole texts of controls inside an item ("chrome": "Reply", "Report abuse", "Antworten",
# "J'aime"), dropped from the comment text.
CHROME_TEXTS = (
    r"reply|reply to (?:this|comment)|gefällt mir:?|likes?:|reply with quote|quote|multi-?quote|report|report abuse|report post|flag"
    r"|link to (?:this )?comment|link|permalink|share|edit|delete|like|likes?|unlike|dislike|recommend|upvote|downvote"
    r"|vote up|vote down|thanks|thank|top|back to top|go to top|antworten|zitieren|melden|teilen|bearbeiten|löschen"
    r"|gefällt mir|nach oben|répondre|citer|signaler|partager|modifier|j'aime|responder|citar|denunciar|compartir"
    r"|me gusta|rispondi|cita|segnala|condividi|mi piace|reageer|beantwoorden|log in to reply|login to reply"
    r"|sign in to reply|cancel reply|leave a (?:comment|reply)|post a comment|add (?:a )?comment|was this helpful\??|helpful\??|show more|read more|mehr|weiterlesen|collapse|expand|hide|show|more|less"
    r"|rate this:?"
)

# Controls that count as chrome only inside a line of separated controls ("History | |"):
# alone, a comment may consist of the word.
LISTED_CONTROLS = frozenset({"history", "edit history", "view history", "hide replies", "show replies"})

# What a number beside a name counts when it is an account statistic ("152 Fans", "3,401 posts").
ACCOUNT_STAT_WORDS = r"fans?|followers?|posts?|comments?|points?|karma|likes?|reputation|beiträge|abonnenten"

# Display names of accounts that no longer exist ("[deleted]", "Gelöschter Benutzer").
DELETED_AUTHOR_NAMES = (
    r"deactivated (?:account|user)|deleted(?: user| account| member)?|\[deleted\]|\[removed\]|account deleted"
    r"|gelöschte[rs]? (?:benutzer|nutzer|user|account|mitglied)|benutzer gelöscht|utilisateur supprimé|compte supprimé"
    r"|usuario eliminado|cuenta eliminada|utente cancellato|verwijderd account|verwijderde gebruiker"
)

# "in reply to", as the words sit before a link to the parent.
IN_REPLY_TO_WORDS = r"in reply to|replying to|reply to|als antwort auf|antwort auf|en réponse à|en respuesta a|in risposta a|@"


# --- counts and headings of a comment section (comments/hints.py) ---

# Visible comment counts: "Comments (5)", "5 Comments", "12 Kommentare", "3 réponses".
COUNT_WORDS = (
    r"comments?|responses?|replies|reactions?|kommentare?|leserkommentare?|commentaires?|réponses?"
    r"|comentarios?|respuestas?|commenti|reacties|antworten|opinions?|thoughts"
)


# --- words around a commenter's name (comments/hints.py, comments/records.py) ---

# Field labels that sit where a name would ("Username", "Autor:"), with an optional colon.
FIELD_LABELS = (
    r"user ?name|user|author|name|nick(?:name)?|poster|member|benutzer(?:name)?|autor|auteur|nom|nombre|usuario"
    r"|posts?|joined|registered|location|rank|group|beiträge|wohnort|mitglied seit|messages|inscrit"
)
# Account dates ("Joined Mar 2017", "Mitglied seit"), which are not post dates.
JOINED_WORDS = (
    r"joined|registered|member since|join date|seit|since|registriert|mitglied seit|dabei seit|angemeldet|inscrit|inscription"
    r"|registrado|miembro desde|iscritto|lid sinds|last (?:seen|visit|active|edited)|zuletzt|dernière visite|edited"
    r"|bearbeitet|modifié"
)

# Verbs after a bare name: "<b>Ann</b> says:", "Ann schrieb", "Ann a écrit" (comments/hints.py
# SAYS_AFTER; comments/records.py cuts them off an author's name).
SAYS_WORDS = (
    r"says|said|wrote|writes|schreibt|schrieb|sagt|meint|dit|a écrit|écrit|dice|escribió|scrive|ha scritto"
    r"|schreef|zegt"
)
# The same verbs ending a text before the comment ("Ann says:"); this list has no "écrit" or
# "ha scritto".
SAYS_END_WORDS = (
    r"says|said|wrote|writes|schreibt|schrieb|sagt|meint|dit|a écrit|dice|escribió|scrive|schreef|zegt"
)

# "Read more" links end excerpts of other pages (teasers), never a comment.
READ_MORE_TEXTS = (
    r"read more|continue reading|more\s*»|weiterlesen|mehr lesen|lire la suite|leer más|seguir leyendo"
    r"|continua a leggere|leia mais|lees meer"
)

# Verbs of a comment's head line in plain text ("Ann schrieb am 21.06.2022:", "Ann wrote:"):
# comments/hints.py joins them into WROTE_LINE, comments/records.py looks for them first.
WROTE_VERBS = (
    "schrieb",
    "schreibt",
    "wrote",
    "writes",
    "says",
    "said",
    "a écrit",
    "écrit",
    "escribió",
    "escribe",
    "scrive",
    "ha scritto",
    "schreef",
    "schrijft",
)


# --- the comment section and its form (comments/sections.py) ---

# Class/id/name words of a comment form's text field.
FORM_FIELD_WORDS = r"comment|message|reply|body|text|kommentar|commentaire|comentario|antwort|respuesta|post"
# Class/id words of a comment counter or link, not of the section itself.
NOT_SECTION_WORDS = r"no-?comments?-?(?:count)?\b|comment-?count|comments?-?link|comments?-?num|meta"
# Class/id words of the box that holds the comments (and their form).
SECTION_WORDS = (
    r"comment|kommentar|commentaire|comentario|commento|disqus|respond|reply|replies"
    r"|discussion|reactions|leserbrief|talkback"
)


# --- parts of a comment that are not its text (comments/text.py, comments/records.py) ---

# Class/id words of parts inside a comment that are not its words: signature, edit note,
# reply links and toolbars, the author's box, screen-reader-only text.
NOT_TEXT_WORDS = (
    r"signature|\bsig\b|editedby|edited-by|lastedit|last-edit|post-?footer|postfooter|reply-?link"
    r"|comment-?reply|share|social|report|toolbar|actions|controls|avatar|userinfo|user-info|postprofile"
    r"|likes-?bar|reactions|sr-only|screen-reader|visually-hidden"
)

# Class words of a quoted earlier post inside a comment (forum software's quote boxes).
QUOTE_BOX_WORDS = r"quote|zitat|citation|cita\b|bbcode_quote|bbCodeBlock"
