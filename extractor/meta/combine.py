"""Page metadata: headline, standfirst, authors, dates, language, site, section, tags...

Each field is read from every syntax that can state it (see ``extractor.meta``)
and the first good value wins in one fixed precedence, strongest first:

    JSON-LD > OpenGraph / article:* > itemprop microdata > other <meta>
    (Dublin Core, Parse.ly, Sailthru, citation_*, name=date...) > <time> and
    dated elements near the headline > visible byline / dateline text

"Good" means it survives junk rejection: site names, "Staff" or "By" are not
authors; dates in comments or related lists are never looked at.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any

from ..core.dates import names_a_year, normalise_language, parse_date
from ..core.index import PageIndex
from ..core.lexicon.calendar import COARSE_RELATIVE_UNITS, ENGLISH_MONTH_NAMES, ENGLISH_MONTHS
from ..core.tree import HtmlElement, collapse_ws
from ..core.urls import absolute_url, url_host, url_path
from ..model import Comment, Image, PageMeta
from .authors import clean_authors, clean_organisation, name_key, names_the_site, sort_names
from .byline import (
    VisibleDate,
    find_byline_names,
    find_comment_count,
    find_visible_dates,
)
from .headline import agrees, choose_headline, find_standfirst, headline_like, site_name_from_title
from .jsonld import JsonLdArticle, page_items, read_article
from .metatags import (
    AUTHOR_KEYS,
    DESCRIPTION_KEYS,
    IMAGE_KEYS,
    MODIFIED_KEYS,
    OG_PUBLISHED_KEYS,
    OTHER_PUBLISHED_KEYS,
    PUBLISHED_KEY_PATTERN,
    PUBLISHER_KEYS,
    SECTION_KEYS,
    SITE_NAME_KEYS,
    TAG_KEYS,
    MetaTags,
    link_href,
    read_meta,
)
from .microdata import Microdata, read_microdata
from .pagedate import find_page_date
from .regions import headline_nodes, in_foreign_region, is_home_link, main_h1

__all__ = ["Metadata", "extract_metadata", "thread_author"]

_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)")
# '/2023/october/03/', '/2019/dec/5/': the month spelled out in English.
_URL_NAMED_MONTH = re.compile(rf"/((?:19|20)\d{{2}})/({ENGLISH_MONTHS})/(\d{{1,2}})(?:/|-|$)", re.IGNORECASE)
_MONTH_NUMBERS = {names[0]: number for number, names in enumerate(ENGLISH_MONTH_NAMES, start=1)}


@dataclass(slots=True)
class Metadata:
    """The page's metadata (``page``, handed to the Article as it is) and how it was found.

    The other fields serve the rest of the extraction and are not part of the
    record: the body extractor's cross-check, where the date and authors came
    from (a listing page drops what it did not state about itself; the date's source is
    the record's own ``published_source``), the stated
    comment count (the record's may come from the comment section) and warnings.
    """

    page: PageMeta = field(default_factory=PageMeta)
    comment_count: int | None = None
    article_body: str | None = None  # JSON-LD articleBody, a cross-check for the body
    warnings: list[str] = field(default_factory=list)
    # Where the authors came from ("json-ld", "meta", "microdata", "byline").
    authors_source: str | None = None
    # The publisher to keep if the visible byline turns out not to be the page's own (an index
    # page's bylines are its teasers'): ``page.publisher`` unless that was read from a byline.
    publisher_unless_byline: str | None = None
    # The page calls itself an article (og:type, or a JSON-LD article node): a short text
    # beside long link lists is then the article, not the intro of a listing.
    declares_article: bool = False


@dataclass(slots=True)
class _Sources:
    """Everything read from the page once, shared by the field choosers."""

    tree: HtmlElement
    url: str | None
    meta: MetaTags
    ld: JsonLdArticle
    micro: Microdata
    h1: HtmlElement | None
    language: str | None
    site_keys: list[str]
    fetched_at: datetime | None
    _visible_dates: list[VisibleDate] | None = None
    index: PageIndex | None = None

    def visible_dates(self) -> list[VisibleDate]:
        """Dates shown near the headline, searched once per page and only if needed."""
        if self._visible_dates is None:
            self._visible_dates = find_visible_dates(
                self.tree,
                self.h1,
                language=self.language,
                fetched_at=self.fetched_at,
                index=self.index,
            )
        return self._visible_dates


def _language(tree: HtmlElement, meta: MetaTags, ld: JsonLdArticle) -> str | None:
    candidates = (
        tree.get("lang"),
        tree.get("xml:lang"),
        meta.first("content-language", "dc.language", "language", "og:locale"),
        ld.language,
    )
    for value in candidates:
        lang = normalise_language(value)
        if lang:
            return lang
    return None


def _site_name(src: _Sources, headline: str | None) -> str | None:
    meta, ld = src.meta, src.ld
    value = meta.first("og:site_name") or ld.site_name or ld.publisher or meta.first("application-name")
    return collapse_ws(value) or site_name_from_title(src.tree.findtext(".//title"), headline)


def _host_key(url: str | None) -> str | None:
    """'https://www.example-news.co.uk/x' -> 'examplenews' (the registrable label)."""
    if not url:
        return None
    labels = url_host(url).split(".")[:-1]  # the TLD never names the site
    labels = [lbl for lbl in labels if lbl not in ("www", "m", "amp", "mobile", "edition")]
    while len(labels) > 1 and labels[-1] in ("co", "com", "org", "net", "ac", "go", "ne", "or", "gov", "edu"):
        labels.pop()
    return name_key(labels[-1]) if labels else None


def _site_keys(meta: MetaTags, ld: JsonLdArticle, url: str | None) -> list[str]:
    """Comparison keys of the site's names (twitter:site is left out: it is
    often the author's own handle on personal sites)."""
    names = [v for key in SITE_NAME_KEYS if key != "twitter:site" for v in meta.all(key)]
    names += [ld.site_name or "", ld.publisher or ""]
    keys = [name_key(v) for v in names if v]
    host = _host_key(url)
    if host:
        keys.append(host)
    return list(dict.fromkeys(k for k in keys if k))


def _headline(src: _Sources) -> str | None:
    nodes = headline_nodes(src.tree)
    # An h1 linking to the front page is the site's name: a site key, not a candidate.
    site_keys = src.site_keys + [name_key(h.text_content()) for h in nodes if is_home_link(h)]
    h1s = [collapse_ws(h.text_content()) for h in nodes if not is_home_link(h)]
    if src.h1 is not None:
        first = collapse_ws(src.h1.text_content())
        h1s = [first, *[h for h in h1s if h != first]]
    title_tag = src.tree.findtext(".//title")
    structured = [
        src.ld.headline,
        src.micro.headline,
        *(src.meta.all("og:title")),
        *(src.meta.all("twitter:title")),
        src.meta.first("parsely-title", "sailthru.title", "dc.title", "citation_title", "title"),
        title_tag,
    ]
    h1s = [h for h in h1s if h and len(h) <= 300]
    titles = [t for t in structured if t]
    if not any(agrees(h, t) for h in h1s for t in titles):
        # Forums and some CMSs put the site name in the h1 and the title in an h2.
        for node in src.tree.iter("h2"):
            text = collapse_ws(node.text_content())
            if text and headline_like(text) and any(agrees(text, t) for t in titles):
                return text
    return choose_headline(h1s, structured, site_keys)


def _meta_author_strings(meta: MetaTags) -> list[str]:
    """Values of the first author key that has any (article:author is often a URL), or of a
    later key that lists more people, the first key's among them (name="author" with the first
    of a paper's authors, citation_author with all of them)."""
    found: list[str] = []
    for key in AUTHOR_KEYS:
        values = [v for v in meta.all(key) if v and not v.startswith(("http://", "https://", "/"))]
        if not values:
            continue
        if not found or (len(values) > len(found) and _extends(clean_authors(values), clean_authors(found))):
            found = values
    return found


_AUTHOR_PATH = re.compile(
    r"/(?:authors?|editors?|people|staff|writers?|contributors?|profiles?|autor|auteur)/"
    r"([a-z]+(?:-[a-z]+){1,3})/?$"
)


def _names_from_author_urls(meta: MetaTags) -> list[str]:
    """'https://site/editors/jane-doe' -> 'Jane Doe': the last resort when the
    only author statement is a profile URL."""
    names: list[str] = []
    for key in AUTHOR_KEYS:
        for value in meta.all(key):
            match = _AUTHOR_PATH.search(url_path(value)) if value.startswith("http") else None
            if match:
                names.append(" ".join(w.capitalize() for w in match.group(1).split("-")))
    return names


def _is_username(name: str) -> bool:
    return bool(re.fullmatch(r"[a-z][a-z0-9_.-]+", name))


# JSON-LD types whose author is a user of the site, named as the site shows it.
_USER_POSTS = frozenset({"discussionforumposting", "socialmediaposting"})


def _login_names(source: str, names: list[str], src: _Sources) -> bool:
    """Are these user names a CMS login standing in for the author's name ("jdoe")? Not when
    microdata marks them up (it marks the visible name itself) nor on a forum post, where the
    user name is the name."""
    if source == "microdata" or (source == "json-ld" and src.ld.type in _USER_POSTS):
        return False
    return all(_is_username(n) for n in names)


@dataclass(slots=True)
class _Authors:
    """The people found, where, their profile URLs, and the organisations named as author."""

    people: list[str] = field(default_factory=list)
    source: str | None = None
    urls: dict[str, str] = field(default_factory=dict)
    # Organisations named where the author is stated (a JSON-LD Organization author, the
    # site's own name, "By Reuters", "The Acme Team"), in the order read; the last ones from
    # the visible byline, whose count is ``from_byline``.
    organisations: list[str] = field(default_factory=list)
    from_byline: int = 0


def _authors(src: _Sources) -> _Authors:
    """The people who wrote the page, where they were read, each one's profile URL, and the
    organisations named as its author. Structured data first (JSON-LD, meta, microdata), then
    the nearest visible byline; an organisation named there stops the search, as the byline
    is then the organisation's ("By Acme Team"), not a teaser's further down."""
    out = _Authors()
    for name, is_person in src.ld.authors:
        org = None if is_person else clean_organisation(name, src.site_keys)
        if org and org not in out.organisations:
            out.organisations.append(org)
    persons = [name for name, is_person in src.ld.authors if is_person]
    ordered: list[tuple[str, list[str]]] = [
        ("json-ld", persons),
        ("meta", _meta_author_strings(src.meta)),
        ("microdata", src.micro.authors),
    ]
    searched: list[_Byline | None] = []

    def byline() -> _Byline | None:
        if not searched:
            searched.append(_nearest_byline(src))
        return searched[0]

    for source, raw in ordered:
        sorted_names = sort_names(raw, src.site_keys, stated=True)
        out.organisations += [o for o in sorted_names.organisations if o not in out.organisations]
        names = sorted_names.people
        if not names:
            continue
        visible = byline()
        if _login_names(source, names, src) or all(names_the_site(n, src.site_keys) for n in names):
            # A CMS login name ("jdoe") in a tag: the visible byline spells the person out. A
            # name that is also the site's may be its owner's or the brand's ("One Tree
            # Planted"): a byline naming someone else is the better witness.
            others = visible.people if visible else []
            if visible and others and not all(names_the_site(n, src.site_keys) for n in others):
                _take_byline(out, visible, src)
                return out
        elif visible and _extends(visible.people, names):
            # The byline names everyone, the structured data only the first ("Rui Ma" of four).
            out.people, out.source = visible.people, source
            out.urls = _urls_of(visible.people, {**visible.links, **src.ld.author_urls}, src)
            return out
        out.people, out.source, out.urls = names, source, _urls_of(names, src.ld.author_urls, src)
        return out
    visible = byline()
    if visible:
        _take_byline(out, visible, src)
        if out.people:
            return out
    names = clean_authors(_names_from_author_urls(src.meta), src.site_keys)
    if names:
        out.people, out.source, out.urls = names, "meta-url", _urls_of(names, src.ld.author_urls, src)
    return out


@dataclass(slots=True)
class _Byline:
    """The nearest visible byline that names anyone: its people, organisations and links."""

    people: list[str]
    organisations: list[str]
    links: dict[str, str]


def _nearest_byline(src: _Sources) -> _Byline | None:
    """The nearest visible byline that still names a person or an organisation after cleaning
    (a byline that names only organisations ends the search: it is the page's)."""
    for candidate in find_byline_names(src.tree, src.h1, src.index):
        sorted_names = sort_names(candidate.names, src.site_keys)
        if sorted_names.people or sorted_names.organisations:
            return _Byline(sorted_names.people, sorted_names.organisations, candidate.links)
    return None


def _take_byline(out: _Authors, byline: _Byline, src: _Sources) -> None:
    if byline.people:
        out.people, out.source = byline.people, "byline"
        out.urls = _urls_of(byline.people, byline.links, src)
    new = [o for o in byline.organisations if o not in out.organisations]
    out.organisations += new
    out.from_byline = len(new)


_HONORIFIC = re.compile(r"^(?:dr|prof|mr|mrs|ms|mx|sir|dame)\.?\s+", re.IGNORECASE)


def _person_key(name: str) -> str:
    return name_key(_HONORIFIC.sub("", name))


def _extends(visible: list[str], stated: list[str]) -> bool:
    """Does the byline name everyone the structured data names, and more people (each with
    a given name and a surname: a lone word beside the names is a section, "DESIGN")?"""
    shown = {_person_key(n) for n in visible}
    known = {_person_key(n) for n in stated}
    more = [n for n in visible if _person_key(n) not in known]
    return bool(more) and known <= shown and all(len(n.split()) >= 2 for n in more)


def thread_author(opening: Comment) -> dict[str, Any]:
    """The page fields a thread's opening post gives when the page named no author: its
    writer (as cleaned as any author; a forum user name is a name) and their profile URL."""
    people = clean_authors([opening.author or ""], stated=True)
    if not people:
        return {}
    urls = {people[0]: opening.author_url} if opening.author_url else {}
    return {"authors": people[:1], "author_urls": urls}


def _stated_publisher(src: _Sources) -> str | None:
    """The publisher the page states: JSON-LD, microdata, then a publisher <meta> (not a URL:
    article:publisher is mostly a social-media page)."""
    candidates = [src.ld.publisher, src.micro.publisher]
    candidates += [v for key in PUBLISHER_KEYS for v in src.meta.all(key)]
    for value in candidates:
        org = clean_organisation(value, src.site_keys) if value else None
        if org:
            return org
    return None


def _publisher(found: _Authors, src: _Sources) -> tuple[str | None, str | None]:
    """The record's publisher, and the one to keep if the byline is not the page's.

    With people as authors, the publisher the page states comes first (the people's employer
    or the site); without any, the organisation named as the author does ("By Reuters" on a
    portal whose JSON-LD publisher is the portal), as it is what the page gives for its author.
    """
    stated = _stated_publisher(src)
    named = found.organisations
    structured = named[: len(named) - found.from_byline]
    if found.people:
        first = stated or (named[0] if named else None)
        fallback = stated or (structured[0] if structured else None)
    else:
        first = named[0] if named else stated
        fallback = structured[0] if structured else stated
    return first, fallback


def _urls_of(names: list[str], stated: dict[str, str], src: _Sources) -> dict[str, str]:
    """Each name's URL among ``stated`` (link or object name -> URL), matched by name key
    (the name inside a "By Jane Doe" link text counts), absolute against the page URL."""
    if not stated:
        return {}
    by_key: dict[str, str] = {}
    for text, href in stated.items():
        for name in clean_authors([text]) or [text]:
            by_key.setdefault(name_key(name), href)
    out: dict[str, str] = {}
    for name in names:
        found = by_key.get(name_key(name))
        if found:
            out[name] = absolute_url(found, src.url)
    return out


def _parse(raw: str | None, src: _Sources) -> datetime | None:
    return parse_date(raw, language=src.language, fetched_at=src.fetched_at) if raw else None


def _swapped(value: datetime, other: datetime) -> bool:
    """Do the two dates differ only by day and month trading places?"""
    return value.day != value.month and (value.year, value.month, value.day) == (
        other.year,
        other.day,
        other.month,
    )


def _url_date(url: str | None, fetched_at: datetime | None) -> tuple[datetime, str] | None:
    path = url_path(url) if url else ""
    match = _URL_DATE.search(path)
    named = None if match else _URL_NAMED_MONTH.search(path)
    if match is not None:
        month = match.group(2)
    elif named is not None:
        match, month = named, str(_MONTH_NUMBERS[named.group(2).lower()[:3]])
    else:
        return None
    raw = "-".join((match.group(1), month.zfill(2), match.group(3).zfill(2)))
    value = parse_date(raw, fetched_at=fetched_at)
    return (value, raw) if value is not None else None


def _structured_published(src: _Sources) -> list[tuple[str, str]]:
    """(source, raw) publication dates from structured data, strongest first."""
    ordered: list[tuple[str, str | None]] = [("json-ld", src.ld.published_raw)]
    ordered += [("meta", v) for k in OG_PUBLISHED_KEYS for v in src.meta.all(k)]
    ordered.append(("microdata", src.micro.published_raw))
    ordered += [("meta", v) for k in OTHER_PUBLISHED_KEYS for v in src.meta.all(k)]
    ordered += [("meta", v) for v in src.meta.matching(PUBLISHED_KEY_PATTERN)]
    return [(source, raw) for source, raw in ordered if raw]


def _published(src: _Sources) -> tuple[datetime | None, str | None, str | None]:
    structured = _structured_published(src)
    for index, (source, raw) in enumerate(structured):
        value = _parse(raw, src)
        if value is not None:
            later = [r for _s, r in structured[index + 1 :]]
            if _is_utc_with_time(value):
                value = _localise(value, later, src)
            if _AMBIGUOUS_NUMERIC.match(raw.strip()):
                value = _read_as_shown(value, src)
            shown = _shown_instead(value, later, src)
            if shown is not None:
                return shown.value, shown.raw, "visible"
            return value, raw, source
    visible = src.visible_dates()
    # A page that only shows "updated ..." still dates the article best with it; a vague
    # "1 year ago" comes last, as it cannot name the day.
    ordered = [d for d in visible if not d.modified and not _vague(d.raw)]
    ordered += [d for d in visible if d.modified and not _vague(d.raw)]
    from_url = _url_date(src.url, src.fetched_at)
    for found in ordered + [d for d in visible if _vague(d.raw)]:
        if from_url is not None and _swapped(found.value, from_url[0]):
            # '03/10/2023' under '/2023/october/03/': the URL says which number is the day.
            return from_url[0], found.raw, "visible"
        return found.value, found.raw, "visible"
    if from_url is not None:
        return from_url[0], from_url[1], "url"
    # A page that states only when it was last modified (article:modified_time,
    # dateModified) is dated by that: the only date it gives for its text.
    stated = _stated_modified(src)
    if stated is not None:
        return stated
    anywhere = find_page_date(
        src.index or PageIndex(src.tree), language=src.language, fetched_at=src.fetched_at
    )
    if anywhere is not None:
        return anywhere[0], anywhere[1], "visible"
    return None, None, None


# How far from the headline (in elements) a shown date is the article's own dateline.
_NEAR_HEADLINE = 12
_VAGUE = re.compile(rf"\b(?:{COARSE_RELATIVE_UNITS})", re.IGNORECASE)


def _vague(raw: str) -> bool:
    """'1 year ago', 'vor 3 Monaten': a relative date too coarse to name a day."""
    return not names_a_year(raw) and _VAGUE.search(raw) is not None


def _stated_modified(src: _Sources) -> tuple[datetime, str, str] | None:
    """(value, raw, source) of the first modification date the page states in structured
    data (JSON-LD, then <meta>, then microdata); the source is named "...-modified"."""
    meta = src.meta.first_with_key(MODIFIED_KEYS)
    for source, raw in (
        ("json-ld-modified", src.ld.modified_raw),
        ("meta-modified", meta[1] if meta else None),
        ("microdata-modified", src.micro.modified_raw),
    ):
        value = _parse(raw, src)
        if value is not None and raw:
            return value, raw, source
    return None


# '03-09-2026', '3/9/2026': day and month in an order the string does not tell (ISO does).
_AMBIGUOUS_NUMERIC = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}")


def _read_as_shown(value: datetime, src: _Sources) -> datetime:
    """A numeric structured date read with day and month the other way round when the page
    shows that reading ('03-09-2026' beside 'March 9, 2026'): the separator alone does not
    tell a US month-first date from a day-first one."""
    for shown in src.visible_dates():
        if not shown.modified and names_a_year(shown.raw) and _swapped(value, shown.value):
            return value.replace(month=value.day, day=value.month)
    return value


def _shown_instead(value: datetime, later_raws: list[str], src: _Sources) -> VisibleDate | None:
    """The date shown under the headline, when the structured one should yield to it.

    Structured data is right far more often than a date found in the page's text, but
    some templates fill it wrongly, and then the page's own dateline is the better
    witness. Only a full date (with its year; no "Jun 9", no "2 days ago") next to the
    headline that is not labelled as an update is considered, and it wins when
    - another structured statement gives its day (two sources against one), or
    - it is earlier and the structured publication date is not credible: it is the
      same instant as the stated modification (a template that stamps every save into
      both) or later than it (a pair that cannot both be true).
    """
    shown = [
        d
        for d in src.visible_dates()
        if d.distance <= _NEAR_HEADLINE and not d.modified and names_a_year(d.raw)
    ]
    if not shown or shown[0].value.date() == value.date():
        return None
    first = shown[0]
    for raw in later_raws[:6]:
        other = _parse(raw, src)
        if other is not None and other.date() == first.value.date():
            return first
    if first.value >= value:
        return None
    stated = _stated_modified(src)
    if stated is not None and (abs((stated[0] - value).total_seconds()) < 60 or stated[0] < value):
        return first
    return None


def _is_utc_with_time(value: datetime) -> bool:
    return value.utcoffset() == timedelta(0) and (value.hour, value.minute) != (0, 0)


def _localise(value: datetime, other_raws: list[str], src: _Sources) -> datetime:
    """Restate a UTC timestamp in the page's local time when the page shows it.

    Many CMSs write UTC into meta tags while the page displays local time
    ("Dec. 22, 2016, 6:47 p.m." for 00:47Z the next day). The publication
    day a reader sees is the local one, so when another stated time differs
    from the UTC one by a whole-quarter-hour offset of at most 14 hours, that
    offset is adopted (the instant is unchanged).
    """
    others = [_parse(raw, src) for raw in other_raws[:6]]
    others += [d.value for d in src.visible_dates() if not d.modified]
    for other in others:
        offset = _wall_clock_offset(value, other)
        if offset is not None:
            return value.astimezone(timezone(offset))
    return _on_url_day(value, src)


def _on_url_day(value: datetime, src: _Sources) -> datetime:
    """A UTC timestamp restated on the day its URL names ('/2025/12/18/' for 02:41Z on the
    19th: the evening before, in the Americas), when a zone of at most 14 hours reaches
    that day. The smallest such offset is taken: the instant stays exact, and the day, the
    one thing the URL states, is the page's own."""
    from_url = _url_date(src.url, src.fetched_at)
    if from_url is None or from_url[0].date() == value.date():
        return value
    for hours in range(1, 15):
        for sign in (-1, 1):
            shifted = value.astimezone(timezone(timedelta(hours=sign * hours)))
            if shifted.date() == from_url[0].date():
                return shifted
    return value


def _wall_clock_offset(utc_value: datetime, other: datetime | None) -> timedelta | None:
    if other is None:
        return None
    if other.utcoffset() not in (None, timedelta(0)):
        # The other source states its offset: it is the same instant, locally.
        same = abs((other - utc_value).total_seconds()) < 120
        return other.utcoffset() if same else None
    if (other.hour, other.minute) == (0, 0):
        return None  # a date without a time says nothing about the offset
    diff = (other.replace(tzinfo=None) - utc_value.replace(tzinfo=None)).total_seconds()
    seconds = round(diff / 900) * 900  # offsets are whole quarter hours
    if seconds == 0 or abs(seconds) > 14 * 3600 or abs(diff - seconds) > 90:
        return None
    return timedelta(seconds=seconds)


def _modified(src: _Sources) -> tuple[datetime | None, str | None]:
    stated = _stated_modified(src)
    if stated is not None:
        return stated[0], stated[1]
    for visible in src.visible_dates():
        if visible.modified:
            return visible.value, visible.raw
    return None, None


def _canonical(src: _Sources) -> str | None:
    href = link_href(src.tree, "canonical") or src.meta.first("og:url") or src.ld.url
    if not href:
        return None
    return absolute_url(href, src.url)


def _images(src: _Sources) -> list[Image]:
    alt = src.meta.first("og:image:alt", "twitter:image:alt")
    found: list[tuple[str, str | None, str | None]] = [(u, None, c) for u, c in src.ld.images]
    for key in IMAGE_KEYS:
        found.extend((v, alt, None) for v in src.meta.all(key))
    out: list[Image] = []
    seen: set[str] = set()
    for raw, image_alt, caption in found:
        src_url = absolute_url(raw, src.url)
        if not src_url or src_url in seen or src_url.startswith("data:"):
            continue
        seen.add(src_url)
        out.append(Image(src=src_url, alt=image_alt, caption=caption))
    return out


def _section(src: _Sources, headline: str | None) -> str | None:
    value = (
        src.meta.first(SECTION_KEYS[0])
        or src.ld.section
        or src.micro.section
        or src.meta.first(*SECTION_KEYS[1:])
    )
    if value:
        return value
    categories = _rel_links(src, "category")
    if categories:
        return categories[0]
    crumbs = [c for c in src.ld.breadcrumb if not headline or name_key(c) != name_key(headline)]
    return crumbs[-1] if len(crumbs) > 1 else None


def _split_tags(values: list[str]) -> list[str]:
    tags: list[str] = []
    for value in values:
        tags.extend(t.strip() for t in re.split(r"[,;]", value) if t.strip())
    return tags


_XML_SPACE = re.compile(r"[ \t\r\n]+")


def _rel_links(src: _Sources, kind: str) -> list[str]:
    """Texts of the post's rel="tag" links (WordPress and others): rel="category tag"
    are its categories (kind "category"), plain rel="tag" its tags (kind "tag").
    Tag clouds in sidebars are foreign regions and skipped. (The page index lists the
    elements with a rel attribute: no walk of the whole tree.)"""
    index = src.index if src.index is not None else PageIndex(src.tree)
    out: list[str] = []
    for link in index.having("rel"):
        rel_words = _XML_SPACE.split(link.get("rel") or "")
        if link.tag != "a" or "tag" not in rel_words:
            continue
        is_category = "category" in (link.get("rel") or "").lower().split()
        if is_category != (kind == "category") or in_foreign_region(link):
            continue
        text = collapse_ws(link.text_content())
        if text and text not in out:
            out.append(text)
    return out


def _tags(src: _Sources) -> list[str]:
    options = [src.meta.all("article:tag"), src.ld.keywords, src.micro.keywords]
    options += [_split_tags(src.meta.all(k)) for k in TAG_KEYS[1:]]
    options.append(_rel_links(src, "tag"))
    for tags in options:
        if tags:
            return list({t.casefold(): t for t in reversed(tags)}.values())[::-1]
    return []


def _headline_element(tree: HtmlElement, headline: str) -> HtmlElement | None:
    key = name_key(headline)
    for node in tree.iter("h2", "h3", "h4", "b", "strong", "font", "span", "p", "td", "div"):
        text = node.text_content()
        if len(text) < 2 * len(headline) + 20 and name_key(text) == key:
            return node
    return None


def extract_metadata(
    tree: HtmlElement,
    url: str | None = None,
    *,
    fetched_at: datetime | None = None,
    index: PageIndex | None = None,
) -> Metadata:
    """Read every metadata syntax of the page once and choose each field by precedence.

    ``index`` is the tree's ``PageIndex`` when the caller has one (built here otherwise)."""
    warnings: list[str] = []
    index = index if index is not None else PageIndex(tree)
    meta = read_meta(tree)
    ld = read_article(page_items(tree, index, warnings), url)
    src = _Sources(
        tree=tree,
        url=url,
        meta=meta,
        ld=ld,
        micro=read_microdata(tree),
        h1=main_h1(tree),
        language=_language(tree, meta, ld),
        site_keys=_site_keys(meta, ld, url),
        fetched_at=fetched_at,
        index=index,
    )
    headline = _headline(src)
    if src.h1 is None and headline:
        # Pages without an <h1> (old table layouts, forums) still show the headline
        # somewhere; bylines and datelines are searched near that element.
        src.h1 = _headline_element(tree, headline)
    found = _authors(src)
    publisher, publisher_unless_byline = _publisher(found, src)
    published, published_raw, published_source = _published(src)
    modified, modified_raw = _modified(src)
    if modified is not None and published is not None and modified < published:
        # A page is not modified before it is published: one of the two is some other
        # date (a template's stale dateModified); the publication date is the one kept.
        modified, modified_raw = None, None
    comment_count = ld.comment_count if ld.comment_count is not None else src.micro.comment_count
    if comment_count is None:
        comment_count = find_comment_count(tree, src.index)
    page = PageMeta(
        headline=headline,
        standfirst=find_standfirst(src.h1, headline),
        authors=found.people,
        published=published,
        published_raw=published_raw,
        modified=modified,
        modified_raw=modified_raw,
        language=src.language,
        site_name=_site_name(src, headline),
        section=_section(src, headline),
        tags=_tags(src),
        description=meta.first(*DESCRIPTION_KEYS) or ld.description or src.micro.description,
        canonical_url=_canonical(src),
        images=_images(src),
        published_source=published_source,
        author_urls=found.urls,
        publisher=publisher,
    )
    return Metadata(
        page=page,
        comment_count=comment_count,
        article_body=ld.article_body,
        warnings=warnings,
        authors_source=found.source,
        publisher_unless_byline=publisher_unless_byline,
        declares_article=ld.type is not None or (meta.first("og:type") or "").strip().lower() == "article",
    )
