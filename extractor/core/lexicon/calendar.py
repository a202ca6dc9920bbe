"""Month and weekday names and relative-date words, per language, kept as plain data.

Why a separate module: every part that reads dates from text (``core/dates``, the
byline and dateline finders in ``meta/``, the header trimming in ``body/``, the comment
detector, the page-type test, the quote finder's time words) needs month names in some
form, and each needs its own spelling of the list: a case-insensitive regex fragment, a
capitalised one, a set of tokens. They are kept side by side here so a language can be
added where the others are. Regex fragments are strings: alternations, a few already wrapped
in a non-capturing group as their reader used them; the using module builds its pattern
around them, and none of them capture.
"""

from __future__ import annotations

# --- English month and weekday names ---

# English month names, full and abbreviated, in calendar order: core/dates.py numbers them
# (index + 1) to read "Dec. 22, 2016" without dateparser.
ENGLISH_MONTH_NAMES: tuple[tuple[str, ...], ...] = (
    ("jan", "january"),
    ("feb", "february"),
    ("mar", "march"),
    ("apr", "april"),
    ("may",),
    ("jun", "june"),
    ("jul", "july"),
    ("aug", "august"),
    ("sep", "sept", "september"),
    ("oct", "october"),
    ("nov", "november"),
    ("dec", "december"),
)

# The same as one alternation, each name with its optional rest (core/dates.py finds
# "January 3, 2020" and "3 Jan 2020" in running text, case-insensitively).
ENGLISH_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)

# English month abbreviations (pagetype.py: forum dates like "Jan 12"), read case-insensitively.
ENGLISH_MONTH_ABBREVIATIONS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"

# English month names, capitalised as a dateline writes them ("Dec 3", "December 3"), with a
# dot; case-sensitive (meta/authors.py cuts "Jane Doe December 3" after the name).
ENGLISH_MONTH_CAPITALISED = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"

# The first three letters of English weekday names (core/dates.py skips "Tue., " before a date).
ENGLISH_WEEKDAY_PREFIXES = "mon|tue|wed|thu|fri|sat|sun"

# English weekday names as tokens (the quote finder's time words: "said Thursday that").
ENGLISH_WEEKDAYS: frozenset[str] = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


# --- Month names in several languages ---

# Month names and abbreviations in en/de/fr/es/it/pt/nl, lower case, without a dot
# (comments/hints.py: is this short text a date?).
MONTHS_SEVEN_LANGUAGES = (
    r"jan(?:uary|uar|vier|eiro|uari)?|feb(?:ruary|ruar|rero|braio|ruari)?|fév(?:rier)?|mar(?:ch|s|zo|ço)?|märz|maart"
    r"|apr(?:il|ile)?|avr(?:il)?|abr(?:il)?|may|mai|mayo|maggio|maio|mei|jun(?:e|i|io)?|juin|giugno|jul(?:y|i|io)?"
    r"|juil(?:let)?|luglio|aug(?:ust|ustus)?|août|ago(?:sto)?|sep(?:t(?:ember|embre)?)?|set(?:embro|tembre)?"
    r"|oct(?:ober|obre|ubre)?|okt(?:ober)?|ott(?:obre)?|out(?:ubro)?|nov(?:ember|embre|iembre)?|dec(?:ember)?"
    r"|dez(?:ember)?|déc(?:embre)?|dic(?:iembre|embre)?"
)

# Month names and their prefixes in en/de/fr/es/ru, with any ending and a dot, as one group
# (body/trim.py: a date written in a header line, case-insensitively).
MONTH_PREFIXES_EN_DE_FR_ES_RU = (
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|januar|februar|märz|mai|juni|juli|okt|dez|"
    r"janvier|février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|"
    r"янв|фев|мар|апр|ма[йя]|июн|июл|авг|сен|окт|ноя|дек)\w*\.?"
)


# --- Relative dates ---

# Relative phrases ("3 hours ago", "vor 2 Tagen", "il y a", "hace", "gisteren") in the
# languages of the date hint list, and in Chinese and Japanese: core/dates.py calls
# dateparser on a short text only when one of them is there. The first list is matched
# after a word boundary, the CJK one anywhere.
RELATIVE_DATE_HINTS = (
    r"ago|yesterday|today|just now|vor\s+\d|gestern|heute|il y a|hier|aujourd|hace|ayer|hoy|"
    r"fa\b|ieri|oggi|há\s+\d|ontem|hoje|geleden|gisteren|vandaag"
)
RELATIVE_DATE_HINTS_CJK = "前|昨日|今日"

# Units of a relative date too coarse to name a day ("1 year ago", "vor 3 Monaten", "il y a
# 2 mois", "hace 5 meses"): meta/combine.py ranks such a date after every exact one.
COARSE_RELATIVE_UNITS = (
    r"years?|months?|yrs?|mos?\b|jahr|monat|ans?\b|années?|mois|años?|mes(?:es)?\b|ann[oi]\b|mes[ei]\b|"
    r"jaar|maand|年|月|ヶ月|か月"
)

# Days named without digits ("yesterday", "gestern", "aujourd'hui") in en/de/fr/es/it/nl,
# lower case (comments/hints.py: a comment's date without a number).
RELATIVE_DAY_WORDS = (
    r"yesterday|today|just now|gestern|heute|hier|aujourd'hui|ayer|hoy|ieri|oggi|gisteren|vandaag"
)


# --- Labels of a dateline ---

# The label a dateline starts with ("Updated", "Veröffentlicht am", "Publié le"), as one group
# (body/trim.py drops such a line from the article's header).
DATELINE_LABELS = (
    r"(?:updated|published|posted|last\s+modified|veröffentlicht(?:\s+am)?|aktualisiert(?:\s+am)?|"
    r"stand|publié(?:\s+le)?|mis\s+à\s+jour(?:\s+le)?|actualizado|publicado|pubblicato|aggiornato)"
)

# Substrings saying that a visible date is an update ("Updated", "aktualisiert", "mis à jour",
# "更新"), searched case-insensitively in the date's element and its neighbours.
MODIFIED_WORDS = r"updat|modif|aktualisiert|mis à jour|actualiz|aggiornat|更新"
# Labels a page writes before the article's own date, anywhere on the page ("Posted on
# 13 April 2023", "Last updated: November 13, 2025", "Veröffentlicht am"): the text says
# what the date is, wherever the template put it (meta/byline.py).
DATE_LABELS = (
    r"posted|published|publish date|date published|updated|last updated|last modified|released|"
    r"veröffentlicht|aktualisiert|publié|mis à jour|publicado|actualizado|pubblicato|aggiornato|"
    r"gepubliceerd|bijgewerkt"
)

# Class, id or itemprop words of an element that holds the page's date ("post-date",
# "entry_update", "published", "datum", "fecha"), matched as substrings of the lower-cased
# names: meta/pagedate.py's page-wide last look, when nothing near the headline is dated.
PAGE_DATE_NAME_CUES = r"date|datum|fecha|time(?!line)|publish|posted|entry[_-]?update|fa-clock|fa-calendar"

# Labels of dates that are not the page's publication: a forum's "Last post", a member's
# "Joined" / "Member since", a price's "Valid until" (meta/pagedate.py skips such a date).
OTHER_DATE_LABELS = (
    r"last\s+post|last\s+reply|last\s+activity|join(?:ed|\s+date)|member\s+since|registered|"
    r"valid\s+(?:until|through)|expires?|deadline|event\s+date|mitglied\s+seit|dabei\s+seit|inscrit"
)

# English words without which a digit-free English text names no date or time for dateparser
# (core/dates.py asks it only then: each call costs milliseconds): time units, relative and
# deictic words, times of day. Month and weekday names are matched beside them.
ENGLISH_DATE_WORDS = (
    r"second|minute|min|hour|hr|day|week|fortnight|month|year|decade|ago|now|today|tonight|"
    r"tomorrow|yesterday|last|next|this|noon|midnight|morning|afternoon|evening|night"
)
