"""Words about people as pages name them: job titles and "staff" words that are no
author's name, labels before a byline, words between several names, kept as plain data.

Why a separate module: author strings arrive from JSON-LD, meta tags and visible bylines
("By Jane Doe and John Roe, Staff Writers", "Autor: Max Muster", "The Herald Staff"), and
``meta/authors`` cleans them with these lists; ``meta/byline`` follows links to author
pages by their path words. The lists are per language where pages differ, so adding a
language is a data change. Regex fragments are strings (alternations) that the reading
module wraps in its own pattern.
"""

from __future__ import annotations

# --- links to an author's page (meta/byline.py) ---

# Path segments of author and staff pages ("/author/jane-doe/", "/autor/max/"), matched
# between slashes, case-insensitively.
AUTHOR_PAGE_PATHS = r"author|authors|autor|auteur|writers?|people|staff|profile|reporters?"


# --- names that are no person (meta/authors.py) ---

# Whole strings that are never a person, even if a source says so.
JUNK_NAMES = frozenset(
    [
        "by",
        "von",
        "par",
        "por",
        "staff",
        "admin",
        "administrator",
        "editor",
        "editors",
        "author",
        "authors",
        "anonymous",
        "unknown",
        "guest",
        "none",
        "null",
        "undefined",
        "redaktion",
        "newsroom",
        "team",
        "web",
        "desk",
        "wire",
        "wires",
        "news",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "today",
        "yesterday",
        # abbreviated days and months, read from a dateline next to a byline ("Sat, 20 Dec")
        "mon",
        "tue",
        "wed",
        "thu",
        "fri",
        "sat",
        "sun",
        "jan",
        "feb",
        "mar",
        "apr",
        "jun",
        "jul",
        "aug",
        "sep",
        "sept",
        "oct",
        "nov",
        "dec",
        # links and buttons beside a forum post's or an author's name
        "post",
        "posts",
        "edited",
        "reply",
        "quote",
        "jumptobottom",
        "ourpeople",
        "ourteam",
        "meettheteam",
    ]
)

# What a site's name may carry around it when it signs as the author ("CBC News", "The Herald Staff").
SITE_AFFIXES = frozenset(
    [
        "the",
        "news",
        "staff",
        "team",
        "editors",
        "editorial",
        "desk",
        "online",
        "redaktion",
        "newsroom",
        "com",
        "magazine",
        "media",
        "digital",
        "reporters",
        "writers",
        "wire",
    ]
)


# Words that make a name an organisation's, not a person's ("Daily Herald", "Acme Labs"):
# a site called after its owner ("Sara Harberson", on saraharberson.com) signs with a person's
# name, which is kept even though it is the site's (meta/authors.py).
ORGANISATION_WORDS = frozenset(
    {"inc", "llc", "ltd", "gmbh", "co", "corp", "company", "group", "institute", "university",
     "college", "school", "academy", "association", "foundation", "society", "council", "agency",
     "times", "post", "journal", "daily", "weekly", "review", "report", "insider", "tribune",
     "herald", "gazette", "network", "labs", "lab", "studio", "studios", "store", "shop", "blog",
     "press", "publishing", "health", "clinic", "center", "centre", "solutions", "services",
     "software", "systems", "technologies", "tech", "ventures", "partners", "capital", "club"}
)  # fmt: skip


# Strong organisation words: a byline name holding one names an organisation, not a person
# ("Levitate Media", "Example Tribune", "Acme Group", "Reuters News"), and goes to the record's
# ``publisher`` (meta/authors.py). Narrower than ORGANISATION_WORDS, which only decides whether
# a site's own name reads as its owner's: words that are also surnames ("Post", "Review",
# "Times", "Club") are left out.
ORGANISATION_NAME_WORDS = frozenset(
    {"inc", "llc", "ltd", "plc", "gmbh", "corp", "corporation", "company", "group", "institute",
     "university", "college", "academy", "association", "foundation", "society", "council",
     "agency", "network", "labs", "laboratory", "publishing", "publications", "newspaper",
     "magazine", "tribune", "gazette", "herald", "news", "press", "media", "verlag", "zeitung",
     "nachrichten", "journal", "broadcasting", "studios"}
)  # fmt: skip

# Wire and press agencies that sign articles as the author ("By Reuters", "AFP"), as name_key
# keys (casefolded, no spaces or punctuation). An organisation, never a person. Ambiguous
# short forms (PA, CNA, ANI: a credential, an abbreviation, a given name) are left out.
NEWS_AGENCIES = frozenset(
    {"reuters", "associatedpress", "theassociatedpress", "ap", "afp", "agencefrancepresse",
     "bloomberg", "dpa", "upi", "xinhua", "efe", "ansa", "kyodo", "kyodonews", "yonhap", "tass",
     "pti", "ians", "aap", "bernama", "belga", "anp", "ritzau", "lusa", "europapress", "epd",
     "kna", "jiji", "jijipress", "thecanadianpress", "canadianpress", "pressassociation",
     "agenziaansa", "agenciaefe", "apa", "sda", "keystonesda"}
)  # fmt: skip

# Words of a collective byline: a newsroom, team or desk signing for the organisation
# ("The Acme Team", "Podium Staff", "Redaktion", "TOI Lifestyle Desk"). Such a byline names
# no person; what is left after these words, department words and articles, when it names
# the site, is the organisation (meta/authors.py).
COLLECTIVE_WORDS = frozenset(
    {"staff", "team", "teams", "desk", "editorial", "editors", "newsroom", "redaktion",
     "rédaction", "redaction", "redacción", "redaccion", "redazione", "redactie", "bureau",
     "contributor", "contributors", "crew", "staffers"}
)  # fmt: skip
# Words that describe a team's field, not its organisation, right before the collective word
# ("Marketing Team", "TOI Lifestyle Desk", "ACO Rankings Team"), and the small words there.
DEPARTMENT_WORDS = frozenset(
    {"the", "our", "by", "and", "of", "from", "a", "an", "marketing", "content", "engineering",
     "sales", "support", "lifestyle", "news", "rankings", "blog", "research", "product",
     "communications", "comms", "social", "web", "digital", "online", "writing", "writers",
     "editor", "editing", "reporters", "creative", "tech", "science", "health", "business",
     "sports", "travel", "food", "politics", "opinion", "features", "guest", "community",
     "customer", "success", "growth", "strategy", "design", "hr", "legal", "finance",
     "investing", "security", "development", "insights", "video"}
)  # fmt: skip
# Organisation words of scripts without spaces: an editorial department ("ASCII編集部").
CJK_ORGANISATION_SUFFIXES = ("編集部", "編輯部", "编辑部", "新聞社", "新闻社", "通信社", "編集局")


# --- bylines as strings (meta/authors.py) ---

# Labels before a name ("Autor:", "Texte :", "記者：") in several languages and scripts;
# meta/authors.py strips one when a separator follows it.
AUTHOR_LABELS = (
    r"authors?|autor(?:in|en)?|auteure?s?|autore|writers?|reporters?|text|texte|bylines?|contributors?|"
    r"автор|корреспондент|الكاتب|כתב|"
    r"著者|作者|筆者|文|記者|執筆者?|取材"
)
# Labels that open a byline with "by" ("Written by", "Article by", "Posted by"), and the
# forum labels before a thread's author ("Thread starter", "Started by", "Topic author").
BY_LABELS = r"(?:written|posted|published|reported|reporting|article|story|words|post|blog)\s+by"
THREAD_STARTER_LABELS = (
    r"thread\s+starter|topic\s+starter|started\s+by|topic\s+author|thread\s+author|original\s+poster"
)
# Labels that head the author's name with no separator, alone in an element beside it
# ("<h3>Author</h3><p>Jane Doe</p>"); the looser AUTHOR_LABELS ("Text", "文") need one.
BARE_AUTHOR_LABELS = r"authors?|autor(?:in|en)?|auteure?s?|autore|writers?|bylines?|著者|作者|筆者|記者"
# Lower-case words that never stand in a name ("Insights from", "Human in the Loop",
# "Paul Warren for Amika", "I review different modules"): a candidate holding one is a
# phrase, not a person. Name particles (van, de, von, da, bin, al...) are not among them.
PHRASE_WORDS = frozenset(
    {"the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or",
     "is", "are", "was", "were", "be", "been", "this", "that", "these", "those", "my", "your",
     "our", "his", "her", "their", "its", "we", "you", "he", "she", "it", "they", "using",
     "about", "more", "all", "not", "no", "as", "if", "so", "here", "there", "how", "what",
     "why", "when", "who", "read", "view", "see", "get", "new", "only", "into", "over"}
)  # fmt: skip

# Lower-case words inside names ("Jan van der Berg", "Michelina C. de la Maza", "Ibn al-Arabi").
NAME_PARTICLES = frozenset(
    {"van", "von", "der", "den", "de", "del", "della", "di", "da", "dos", "das", "du", "la", "le",
     "lo", "bin", "binti", "ibn", "al", "el", "ter", "ten", "zu", "af", "av", "y", "e", "st",
     "mac", "mc", "dit", "op", "het", "'t", "d'"}
)  # fmt: skip


# "and" between people's names (en, de, fr, nl, da/no, sv) and "with"/"mit"; the one-letter
# Spanish/Portuguese "y"/"e" are kept apart in meta/authors.py (they are also initials).
AND_WORDS = r"and|und|et|with|mit|en|og|och"
# Job titles, staff and credit words, and page furniture: a candidate name holding one of
# them as a whole word is a role or a label, not a person ("Staff Writer", "Redaktion",
# "Getty Images"); meta/authors.py searches case-insensitively.
# Job titles a byline gives after a comma ("Jane Doe, Senior Director of Operations"): a part
# of the byline that holds one is the title, not another person (meta/authors.py).
JOB_TITLE_WORDS = (
    r"director|manager|coordinator|specialist|expert|consultant|officer|ceo|cto|cfo|coo|cmo|"
    r"founder|co-founder|cofounder|president|vp|engineer|developer|designer|marketer|strategist|"
    r"analyst|scientist|researcher|professor|lecturer|attorney|lawyer|nutritionist|dietitian|"
    r"therapist|practitioner|advisor|adviser|instructor|executive|owner|partner|associate|"
    r"assistant|senior|head\s+of|chief|veterinarian|physician|surgeon|clinician|pharmacist|"
    r"psychologist|psychiatrist|counsell?or|journalist|economist|educator|winemaker|sommelier|"
    r"illustrator|historian"
)
# Words that open a job title run together with the name before it ("Jane DoeFounder at Acme",
# "Matt CheckHead Winemaker", "Liza BurkeMarketing Director"): where a name's lower-case letter
# meets one of them, the title begins (meta/authors.py). Besides the job and role words.
TITLE_OPENERS = frozenset(
    {"head", "lead", "principal", "tech", "research", "marketing", "content", "product",
     "sales", "software", "growth", "digital", "social", "brand", "community", "operations",
     "former", "chief", "co-founder", "cofounder", "founder", "managing", "general", "deputy",
     "creative", "technical", "global", "regional", "licensed", "certified", "registered"}
)  # fmt: skip
# Post-nominal letters after a name ("Jane Doe, MD", "Jo Li, PhD, RD"): credentials, not
# people, as name_key keys. A short all-capital part after a comma counts too (meta/authors.py).
CREDENTIALS = frozenset(
    {"md", "do", "phd", "dds", "dmd", "dvm", "vmd", "rn", "np", "lpn", "bsn", "msn", "mph", "ms",
     "ma", "ba", "bs", "bsc", "msc", "mba", "jd", "esq", "llm", "cpa", "cfa", "cfp", "chfc",
     "clu", "rd", "rdn", "ld", "cdn", "cdces", "lvt", "cpt", "cscs", "ryt", "eryt", "ibclc",
     "lcsw", "lmft", "lpc", "psyd", "edd", "dnp", "pharmd", "od", "dpt", "otr", "slp", "ccc",
     "cccslp", "atc", "mfa", "mphil", "dphil", "frcp", "mrcp", "mbbs", "mbchb", "facp",
     "facs", "faap", "fand", "cepf", "crpc", "cpp", "psp", "cissp", "pmp", "aprn", "fnp",
     "fnpc", "pac", "dc", "lac", "nd", "cnm", "crnp", "lmhc", "lcpc", "ncc", "bcba"}
)  # fmt: skip
ROLE_WORDS = (
    r"staff|writers?|reporters?|correspondents?|editors?|editorial|contributors?|contributing|columnists?|"
    r"photographers?|producers?|interns?|freelancers?|desk|bureau|team|newsroom|redaktion|"
    r"rédaction|redacción|redazione|administrators?|admin|webmaster|moderators?|anonymous|unknown|"
    r"follow|twitter|facebook|email|e-mail|profile|articles|posts|bio|"
    r"illustrations?|illustrated|graphics|video|photos?|images?|getty|shutterstock|"
    r"updated|published|posted|share|comments?|subscribe|sponsored|partner|authors?|archive|rss|feed|"
    r"account|sign|login|newsletter|menu|search|home"
)
