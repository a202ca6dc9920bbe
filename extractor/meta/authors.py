"""Author strings -> clean person names, and the organisations a byline names instead.

Bylines arrive as "By Jane Doe and John Roe, Staff Writers | Jan 3, 2020",
"Von Max Muster", "jane@example.com", "@handle", "Staff", a URL, or the site's
own name. One string may hold several people; one person may be listed by
several sources. This module only cleans, splits, sorts and dedupes; which
source to trust is decided by the caller.

Each name is sorted into one of three kinds: a person (the record's ``authors``), an
organisation ("By Reuters", the site's own name, "Levitate Media", "The Acme Team":
the record's ``publisher``, since ``authors`` holds people only), or junk (job titles,
"Staff", dates, page furniture), which is dropped.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

from ..core.lexicon.calendar import ENGLISH_MONTH_CAPITALISED
from ..core.lexicon.people import (
    AND_WORDS,
    AUTHOR_LABELS,
    CJK_ORGANISATION_SUFFIXES,
    COLLECTIVE_WORDS,
    CREDENTIALS,
    DEPARTMENT_WORDS,
    JOB_TITLE_WORDS,
    JUNK_NAMES,
    NAME_PARTICLES,
    NEWS_AGENCIES,
    ORGANISATION_NAME_WORDS,
    ORGANISATION_WORDS,
    PHRASE_WORDS,
    ROLE_WORDS,
    SITE_AFFIXES,
    THREAD_STARTER_LABELS,
    TITLE_OPENERS,
)

__all__ = [
    "SortedNames",
    "clean_authors",
    "clean_organisation",
    "is_junk_name",
    "name_key",
    "name_kind",
    "names_the_site",
    "sort_names",
    "split_names",
]

PERSON: Literal["person"] = "person"
ORGANISATION: Literal["organisation"] = "organisation"
Kind = Literal["person", "organisation"]

_PREFIX = re.compile(
    r"^(?:this\s+(?:post|article|story|piece|guide|review|page)\s+(?:was|is|has\s+been)\s+)?"
    r"(?:(?:written|posted|published|reported|reporting|story|text|words|compiled|interview|"
    r"article|post|blog)\s+)?"
    r"(?:by|von|par|por|door|di|av|af|from|بقلم|מאת)(?:\b|(?=\s))\s*[:\-]?\s*",
    re.IGNORECASE,
)
# "BySummer Swann", "AuthorVenteur": a label run together with the name (adjacent elements
# joined by text_content()); only before a capital, so "Byron" and "Authority" stay.
_GLUED_LABEL = re.compile(r"^(?:By|Author|Written by|Posted by)(?=[A-Z][a-z])")
_LABEL = re.compile(
    rf"^(?:(?:{AUTHOR_LABELS})\s*[:：●|]|(?:{THREAD_STARTER_LABELS})\s*[:：]?|"
    r"(?:authors?|autor|auteur)\s+(?=(?-i:[A-Z])\S*\s+\S))\s*",  # "Author Jane Doe", not "Authors List"
    re.IGNORECASE,
)
# Separators between people; 'y'/'e' (es/pt "and") only in lower case, as they
# are also initials.
_SPLIT = re.compile(
    rf"\s*(?:[,;|/、，＆&]|\s(?:{AND_WORDS})\s|\s(?:y|e)\s)\s*",
    re.IGNORECASE,
)
_TRAILING_META = re.compile(
    r"\s*(?:\b(?:published|updated|posted|last updated|veröffentlicht|aktualisiert|publié|mis à jour|on)\b|"
    r"(?<![\w.-])\d|\s-\s|[|•·–—(\[»«<＜]).*$",
    re.IGNORECASE,
)
# "Jane DoePublished March 3" (adjacent elements run together by text_content()).
_GLUED_META = re.compile(
    r"(?<=[a-z.])(?:Published|Updated|Posted|Last|Veröffentlicht|Aktualisiert|Publié).*$"
)
# A dateline after the name: "Jane Doe December 3", "Jane DoeDec 3".
_DATE_TAIL = re.compile(rf"(?:\s+|\s*[-–—]\s*|(?<=[A-Za-z])){ENGLISH_MONTH_CAPITALISED}\s*\d.*$")
# A news dateline: "WESTPORT, Wash. July 24, 2012", "NEW YORK, Jan. 3".
_DATELINE = re.compile(
    rf"^[A-Z][A-Z'.-]+(?:\s[A-Z][A-Z'.-]+)*,\s+(?:[A-Z][a-z]{{1,6}}\.?\s+)?{ENGLISH_MONTH_CAPITALISED}\s*\d"
)
# "Jane DoeNEW YORK DAILY NEWS": a name glued to an upper-case credit line. Only after a name
# of two words or more: "PaulWBryant", "FutureBSD" are one handle.
_GLUED_CAPS = re.compile(r"(?<=[a-z])(?=[A-Z]{2,})")
# A lower-case letter meeting a capital: where a title run together with the name may begin.
_CASE_SEAM = re.compile(r"(?<=[a-z])(?=([A-Z][\w-]*))")
# Parts of a byline between commas (semicolons, bars): a part that holds a job title is the
# title, whole ("Paul Frew, Home and Digital Security Expert"), not more people.
_COMMA_PART = re.compile(r"\s*[,;|]\s*")
# Post-nominal letters not in the CREDENTIALS list: one short word with two capitals ("CEPF®").
_POST_NOMINAL = re.compile(r"[A-Z][A-Za-z.®-]{0,7}")
# "Jane Doe in Politics", "Jane Doe at Acme": where the author writes or works (_without_section)
_IN_SECTION = re.compile(r"\s+(?:in\s+.*|at(?:\s+.*)?)$")
# "Doe, Jane" (library order, as Dublin Core and some CMSs write it).
_INVERTED = re.compile(r"^([A-Z][\w'’-]+),\s*([A-Z][\w'’-]+(?:\s+[A-Z]\.?)?)$")
_EMAIL = re.compile(r"\S+@\S+\.\w+")
_URL = re.compile(r"https?://|www\.|\.(?:com|org|net|html?)\b", re.IGNORECASE)
_JOB_TITLE = re.compile(rf"\b(?:{JOB_TITLE_WORDS})\b", re.IGNORECASE)
_ROLE_WORDS = re.compile(
    rf"\b(?:{ROLE_WORDS})\b",
    re.IGNORECASE,
)
_NON_WORD = re.compile(r"[\W_]+")
_SPACES = re.compile(r"\s+")
_DIGIT = re.compile(r"\d")
_USERNAME = re.compile(r"[a-z][a-z0-9_.-]{2,30}")
# A one-word handle that carries digits: letters first (two at least), digits after them.
_HANDLE = re.compile(r"[A-Za-z][A-Za-z_.-]*[A-Za-z][A-Za-z_.-]*\d[A-Za-z0-9_.-]{0,28}")
_MAX_WORDS = 6
_MAX_LEN = 60


def name_key(name: str) -> str:
    """Comparison key: NFKC, casefolded, punctuation and spacing removed."""
    text = unicodedata.normalize("NFKC", name).casefold()
    return _NON_WORD.sub("", text)


def _strip_decoration(text: str) -> str:
    text = unicodedata.normalize("NFKC", html.unescape(text) if "&" in text else text)
    text = _SPACES.sub(" ", text).strip(" \t\n-–—:|,;•·")
    text = _GLUED_LABEL.sub("", text)
    for _ in range(2):
        text = _LABEL.sub("", _PREFIX.sub("", text)).strip(" -–—:|,;")
    return text


def split_names(text: str) -> list[str]:
    """'By A, B and C' -> ['A', 'B', 'C'], decoration removed, nothing rejected yet."""
    text = _strip_decoration(text)
    if not text or text.startswith(("http://", "https://", "www.", "@", "/")):
        return []  # a profile URL or a handle names no one in a printable way
    if _DATELINE.match(text):
        return []  # "WESTPORT, Wash. July 24, 2012 (AP)": where the story was filed
    text = _DATE_TAIL.sub("", _GLUED_META.sub("", _EMAIL.sub(" | ", text)))
    text = _unglue(_OTHER_CREDIT.sub("", text))
    inverted = _INVERTED.match(text)
    if inverted:
        return [f"{inverted.group(2)} {inverted.group(1)}"]
    names: list[str] = []
    for part in _people_parts(text):
        if _OTHER_ROLE.match(part.strip()) or _REVIEW_SIGNATURE.search(part):
            continue  # "design: Scott McDaniel", "Fotos: Ana Ruiz": a credit for other work
        part = _MIDDLE_BRACKETS.sub(r"\1", _strip_decoration(part))
        if " " in part:  # a handle keeps its digits ("Pippin06")
            part = _AFFILIATION_MARK.sub("", part)
        if not _is_cjk(part):
            part = _without_section(_TRAILING_META.sub("", part)).strip(" -–—:|,;.'\"")
            part = _without_trailing_title(part)
        if part:
            names.append(part)
    return names


# Credits for other work after the author's name: "By Jo Li, DVM. Reviewed by Al Roe".
_OTHER_CREDIT = re.compile(
    r"(?:^|[.,;|]\s*|\s+)(?:medically\s+)?(?:reviewed|fact[- ]?checked|edited|illustrat(?:ed|ions?)|"
    r"photograph(?:ed|s)|photos?|translated|additional\s+reporting)\s+by\b.*$",
    re.IGNORECASE,
)
# "Paramita (Guha) Ghosh": a name in brackets inside the name is part of it (a trailing one,
# "Jean-Luc Aufranc (CNXSoft)", is a nickname or the site, cut off with the rest).
_MIDDLE_BRACKETS = re.compile(r"\(([^()]{2,30})\)(?=\s+[^\W\d_])")
# "John WarrenReviewed 06/08/2024": a customer review's signature, not a byline.
_REVIEW_SIGNATURE = re.compile(r"(?<=\S)(?-i:Reviewed)\b|\sreviewed\s+(?:on\s+)?\d", re.IGNORECASE)
# "Jennifer Huberty1", "Jeni Green1,2": a paper's affiliation marks after a name of two words.
_AFFILIATION_MARK = re.compile(r"(?<=[^\W\d_])\d{1,2}(?:,\d{1,2})*\*?$")
# "design: Scott McDaniel": a label naming some other work than writing (the author's own
# labels, "Author:", "Texte :", are stripped before this is asked).
_OTHER_ROLE = re.compile(
    rf"^(?!(?:{AUTHOR_LABELS})\s*[:：])[^\W\d_]+(?:\s[^\W\d_]+)?\s*[:：]\s*\S", re.IGNORECASE
)
# Role words a person's title ends with ("Content Writer", "Senior Correspondent").
_PERSON_ROLE = re.compile(
    r"writers?|reporters?|correspondents?|columnists?|editors?|contributors?|photographers?|journalists?|authors?",
    re.IGNORECASE,
)
_AND_START = re.compile(rf"^(?:{AND_WORDS}|&|＆)\b", re.IGNORECASE)


def _people_parts(text: str) -> list[str]:
    """The byline's parts that may name people: a part after a comma that is a job title or
    credentials is left out, and so are the parts after a title that do not start a new name
    with "and" (the employer: "Jane Doe, Director of Operations, Acme Van Lines")."""
    parts: list[str] = []
    after_title = False
    for index, segment in enumerate(_COMMA_PART.split(text)):
        if index > 0 and _is_title_or_credential(segment):
            after_title = True
            continue
        if after_title and not _AND_START.match(segment.strip()):
            continue
        after_title = False
        parts += _SPLIT.split(_AND_START.sub("", segment.strip()))
    return parts


def _without_section(part: str) -> str:
    """'Rob Lane in Science' -> 'Rob Lane', 'Ree in Pioneer Woman' -> 'Ree', 'David at' (its
    date cut off) -> 'David'; but "Human in the Loop" is a phrase, not a name and a section."""
    match = _IN_SECTION.search(part)
    if match is None:
        return part
    after = match.group().split()[1:]
    if len(part[: match.start()].split()) < 2 and after and not after[0][:1].isupper():
        return part
    return part[: match.start()]


def _without_trailing_title(name: str) -> str:
    """'Meghan Neville Content Marketing Coordinator' -> 'Meghan Neville': an author card's
    name and title run into one text. The title is two words or more, from a word that opens
    one ("Former", "Content", "Senior") to a job word at the end; a lone trailing word
    ("Luxury Travel Expert", the site's name) is not cut off."""
    words = name.split()
    for i in range(2, len(words) - 1):
        opens = words[i].casefold() in TITLE_OPENERS or _JOB_TITLE.fullmatch(words[i])
        if opens and (_JOB_TITLE.fullmatch(words[-1]) or _PERSON_ROLE.fullmatch(words[-1])):
            return " ".join(words[:i])
    return name


def _unglue(text: str) -> str:
    """Cut a name from what text_content() ran into it: an upper-case credit line
    ("Jane DoeNEW YORK DAILY NEWS") or a job title ("Mateusz HabernyFounder at Oakywood")."""
    for match in _CASE_SEAM.finditer(text):
        start = match.start()
        before = _COMMA_PART.split(text[:start])[-1].strip()
        token = before.rsplit(" ", 1)[-1]
        if any(c.isupper() for c in token[1:]):
            continue  # a seam inside a word already glued ("KondratEdTech"): only the first counts
        word = match.group(1).casefold()
        if word in TITLE_OPENERS or _JOB_TITLE.fullmatch(word) or _ROLE_WORDS.fullmatch(word):
            # The title runs to the end of its part of the byline: cut it out.
            end = _COMMA_PART.search(text, start)
            return _unglue(text[:start] + (text[end.start() :] if end else ""))
        if _GLUED_CAPS.match(text, start) is not None and " " in before:
            return f"{text[:start]} | {_unglue(text[start:])}"
    return text


def _is_title_or_credential(segment: str) -> bool:
    """Is a part of a byline after a comma a job title ("Senior Director of Operations") or
    post-nominal letters ("MD", "PhD, RD")? Then it names no one more."""
    segment = segment.strip()
    if _JOB_TITLE.search(segment):
        return True
    words = segment.split()
    if not words or len(words) > 2:
        return False
    if all(name_key(w) in CREDENTIALS or w.isdigit() for w in words):
        return True  # "MD", "PhD", "E-RYT 200"
    key = name_key(segment)
    short_caps = _POST_NOMINAL.fullmatch(segment) is not None and sum(c.isupper() for c in segment) >= 2
    return short_caps and len(key) <= 6 and key not in NEWS_AGENCIES


def _is_cjk(text: str) -> bool:
    return any(
        "\u3040" <= ch <= "\u30ff" or "\u4e00" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af" for ch in text
    )


def _names_site(key: str, site: str) -> bool:
    """True when ``key`` is the site's own name, give or take a word like "News" or "Staff".

    Only whole affixes count: "CBC News" on a site called "CBC" is the site,
    while a name that merely contains the site's name plus other words
    ("Example Submissions" on example.com, a person whose blog is named after
    them on a longer domain) is kept.
    """
    if key == site:
        return True
    longer, shorter = (key, site) if len(key) > len(site) else (site, key)
    if len(shorter) < 3 or shorter not in longer:
        return False
    rest = longer.replace(shorter, " ", 1).split()
    return all(_affix_words(part) for part in rest)


def _affix_words(text: str) -> bool:
    """'newsstaff' -> True: the text is a run of site affixes."""
    if not text:
        return True
    return any(text.startswith(a) and _affix_words(text[len(a) :]) for a in SITE_AFFIXES)


_PERSON_WORD = re.compile(r"[A-Z][a-z'’-]*[A-Z]?[a-z'’-]+|[A-Z]\.?")  # "McCravy", "O'Neil" too


def _owners_name(name: str) -> bool:
    """Does a name the site also goes by read as a person's ("Sara Harberson" on her own
    site): two to four capitalised words (or initials), none of them a site affix or an
    organisation's word ("CBC News", "Acme Labs", "Daily Herald" are not)."""
    words = name.split()
    if not 2 <= len(words) <= 4 or not all(_PERSON_WORD.fullmatch(w) for w in words):
        return False
    return not any(w.lower().strip(".") in SITE_AFFIXES or w.lower() in ORGANISATION_WORDS for w in words)


def is_junk_name(name: str, site_keys: Iterable[str] = ()) -> bool:
    """True for strings that are not a person's name (an organisation's, the site's own, junk)."""
    return name_kind(name, site_keys) != PERSON


_WORD = re.compile(r"[\w'’.-]+")
# Between an organisation's name and a tagline or the site's name ("AIHR | Academy to Innovate HR").
_TAGLINE_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
# A capital inside a word, after a lower-case letter ("McDonald" has one, "DeVito" one).
_INNER_CAPITAL = re.compile(r"(?<=[a-z])[A-Z]")


def _words_of(name: str) -> list[str]:
    return [w.strip(".").casefold() for w in _WORD.findall(name)]


def _shares_site(key: str, site_keys: Iterable[str]) -> bool:
    """Does ``key`` name the site, exactly or as a part of four letters or more ("netgear"
    in "netgearorbi", "greatday" in "greatdayimprovements")?"""
    for site in site_keys:
        if not site:
            continue
        shorter, longer = (key, site) if len(key) <= len(site) else (site, key)
        if (len(shorter) >= 4 and shorter in longer) or key == site:
            return True
    return False


def organisation_of_collective(name: str, site_keys: Iterable[str] = ()) -> str | None:
    """'Podium Staff' -> 'Podium', 'The Upwork Team' -> 'Upwork': the organisation a collective
    byline signs for, when what is left after the collective words (with the department words
    just before them: "Lifestyle Desk", "Editorial Team") names the site ("Marketing Team" and
    "Staff Clinician" name no organisation: None)."""
    words = name.split()
    keep = [True] * len(words)
    for i, word in enumerate(words):
        if word.strip(".,").casefold() in COLLECTIVE_WORDS:
            keep[i] = False
            j = i - 1
            while j >= 0 and words[j].strip(".,").casefold() in DEPARTMENT_WORDS:
                keep[j] = False
                j -= 1
    kept = [w for w, k in zip(words, keep, strict=True) if k]
    while kept and kept[0].casefold() in ("the", "our", "by", "from"):
        kept.pop(0)
    rest = " ".join(kept).strip(" -–—:|,;&")
    key = name_key(rest)
    if len(key) < 2 or not _shares_site(key, site_keys):
        return None
    return rest


def names_the_site(name: str, site_keys: Iterable[str]) -> bool:
    """Is ``name`` the site's own name (give or take "News", "Staff"...)? A person's name
    that is also the site's ("Sara Harberson" on her own site) counts too."""
    key = name_key(name)
    return any(_names_site(key, site) for site in site_keys if site)


def name_kind(name: str, site_keys: Iterable[str] = (), *, stated: bool = False) -> Kind | None:
    """What a cleaned candidate name is: a person, an organisation, or neither (None: junk).

    ``stated``: the name comes from a field that states the author (JSON-LD, <meta>,
    microdata), where a name in lower case ("kirstin boatto") is still a name; in visible
    text a line without a capitalised word is a sentence or a label.
    """
    key = name_key(name)
    if len(key) < 2 or len(name) > _MAX_LEN:
        return None
    if key in NEWS_AGENCIES:
        return ORGANISATION
    if key in JUNK_NAMES or name.startswith("@") or _URL.search(name) or "@" in name:
        return None
    sites = [k for k in site_keys if k]
    if any(_names_site(key, site) for site in sites) and not _owners_name(name):
        return ORGANISATION
    if _is_cjk(name):
        return ORGANISATION if name.endswith(CJK_ORGANISATION_SUFFIXES) else PERSON
    words = name.split()
    if len(key) <= 2 and name.isupper() and not stated:
        return None  # "CM", "CO" in visible text: an avatar's initials, a state
    if len(words) == 1 and _HANDLE.fullmatch(name):
        return PERSON  # a forum or social handle with digits ("LingoLover94", "josh_wilmot90")
    if len(words) > _MAX_WORDS or _DIGIT.search(name):
        return None
    if len(words) > 1 and any(len(_INNER_CAPITAL.findall(w)) >= 2 for w in words):
        return None  # "Sofia KondratEdTech": a name run into a title ("EdTech Content writer")
    lowered = _words_of(name)
    if any(w in COLLECTIVE_WORDS for w in lowered):
        return ORGANISATION if organisation_of_collective(name, sites) else None
    if len(words) > 1 and any(w in ORGANISATION_NAME_WORDS for w in lowered[1:]):
        return ORGANISATION  # "Levitate Media", "Example Tribune" (a first word may be a given name)
    if _ROLE_WORDS.search(name) or _JOB_TITLE.search(name):
        return None
    if len(words) > 1 and any(w[:1].isupper() for w in words):
        lower = [w for w in words if w.islower() and w not in NAME_PARTICLES]
        if len(lower) >= 2 or any(w in PHRASE_WORDS for w in lower):
            return None  # "Insights from", "Your favourite family meals": a phrase, not a name
    if len(words) == 1 and _USERNAME.fullmatch(name):
        return PERSON  # a username ("jdoe"); generic words are in the junk lists
    # A name has at least one capitalised word; "the team" has none. Scripts
    # without case (Arabic, Hebrew, Thai...) cannot be judged this way.
    cased = [w for w in words if w[:1].lower() != w[:1].upper()]
    if cased and not any(w[:1].isupper() for w in cased):
        return PERSON if stated and len(words) <= 4 and all(w.isalpha() for w in words) else None
    return PERSON


def clean_organisation(name: str, site_keys: Iterable[str] = ()) -> str | None:
    """An organisation's name as the record gives it: a label ("By ...") removed, a collective
    byline reduced to the organisation it signs for; None when no name is left (a URL, an
    e-mail address, a team that names no organisation)."""
    text = _strip_decoration(name)
    if not text or (_URL.search(text) and " " not in text) or "@" in text or len(text) > _MAX_LEN:
        return None
    if not any(c.isalpha() for c in text):
        return None  # "262588213843476": a social network's page id
    parts = [p.strip() for p in _TAGLINE_SEPARATOR.split(text) if p.strip()]
    if len(parts) > 1:
        # "Acme - The Voice of Widgets", "Forum Name - Acme.org": the part naming the site, else the first.
        text = next((p for p in parts if _shares_site(name_key(p), site_keys)), parts[0])
    if any(w in COLLECTIVE_WORDS for w in _words_of(text)):
        return organisation_of_collective(text, site_keys)
    return text


@dataclass(slots=True)
class SortedNames:
    """The people and the organisations of some author strings, each deduped in first-seen order."""

    people: list[str] = field(default_factory=list)
    organisations: list[str] = field(default_factory=list)


def sort_names(raw: Iterable[str], site_keys: Iterable[str] = (), *, stated: bool = False) -> SortedNames:
    """Split and clean author strings, sorting each name into people and organisations
    (junk dropped). ``stated``: see :func:`name_kind`."""
    sites = [k for k in site_keys if k]
    out = SortedNames()
    seen: set[str] = set()
    for text in raw:
        if not text:
            continue
        for name in split_names(text):
            key = name_key(name)
            if key in seen:
                continue
            seen.add(key)
            kind = name_kind(name, sites, stated=stated)
            if kind == PERSON:
                out.people.append(name)
            elif kind == ORGANISATION:
                org = clean_organisation(name, sites)
                if org and org not in out.organisations:
                    out.organisations.append(org)
    return out


def clean_authors(raw: Iterable[str], site_keys: Iterable[str] = (), *, stated: bool = False) -> list[str]:
    """Split, clean, reject and dedupe author strings, keeping first-seen order: the people."""
    return sort_names(raw, site_keys, stated=stated).people
