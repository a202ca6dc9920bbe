"""Date strings -> timezone-aware datetimes, with the page's language as a hint.

Why this module exists: pages state dates in every form (ISO-8601, RFC 2822,
epoch seconds, "03.01.2020", "January 3, 2020", "2020年1月3日", "3 hours ago",
"vor 2 Tagen"). dateparser reads nearly all of them but costs about a
millisecond per call and, without a language list, tries every language it
knows (slow and prone to absurd readings). So the cheap, unambiguous forms are
parsed here first, dateparser only sees what is left, always with a short,
fixed language list, and results are memoised in a bounded cache.

Conventions:
- A stated UTC offset is kept as stated (the page's local day is what a reader
  sees and what a publication "day" means); it is never converted to UTC.
- A value without an offset is taken as UTC; a date-only value becomes
  midnight UTC.
- Relative dates resolve against ``fetched_at`` (the only clock used).
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from functools import lru_cache
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from .lexicon.calendar import (
    ENGLISH_DATE_WORDS,
    ENGLISH_MONTH_NAMES,
    ENGLISH_MONTHS,
    ENGLISH_WEEKDAY_PREFIXES,
    RELATIVE_DATE_HINTS,
    RELATIVE_DATE_HINTS_CJK,
)

__all__ = ["find_date_in_text", "names_a_year", "normalise_language", "parse_date"]

# dateparser is tried with [hint, "en"]; without a hint, with this short list.
DEFAULT_LANGUAGES: tuple[str, ...] = ("en", "de", "fr", "es", "it", "pt", "nl")
# Languages dateparser knows under their primary tag (a small, useful subset).
_DATEPARSER_LANGUAGES = frozenset(
    [
        "en",
        "de",
        "fr",
        "es",
        "it",
        "pt",
        "nl",
        "sv",
        "da",
        "no",
        "nb",
        "fi",
        "pl",
        "cs",
        "sk",
        "hu",
        "ro",
        "ru",
        "uk",
        "tr",
        "el",
        "ja",
        "zh",
        "ko",
        "ar",
        "he",
        "id",
        "vi",
        "ca",
        "hr",
        "sl",
        "bg",
    ]
)
_MIN_YEAR = 1990
# Languages whose news sites (nearly) all share one time zone; the others
# (en, es, pt, ar...) span many and get UTC for an unstated offset. Russian
# spans eleven zones, but its national and most regional outlets publish in
# Moscow time, so that is the best reading of an unstated offset.
_LANGUAGE_ZONES = {
    "de": "Europe/Berlin", "fr": "Europe/Paris", "it": "Europe/Rome", "nl": "Europe/Amsterdam",
    "pl": "Europe/Warsaw", "cs": "Europe/Prague", "sk": "Europe/Bratislava", "hu": "Europe/Budapest",
    "da": "Europe/Copenhagen", "sv": "Europe/Stockholm", "nb": "Europe/Oslo", "no": "Europe/Oslo",
    "fi": "Europe/Helsinki", "el": "Europe/Athens", "ro": "Europe/Bucharest", "bg": "Europe/Sofia",
    "hr": "Europe/Zagreb", "sl": "Europe/Ljubljana", "tr": "Europe/Istanbul", "uk": "Europe/Kyiv",
    "ja": "Asia/Tokyo", "ko": "Asia/Seoul", "zh": "Asia/Shanghai", "he": "Asia/Jerusalem",
    "ru": "Europe/Moscow", "be": "Europe/Minsk",
}  # fmt: skip
_MAX_YEAR = 2100
_MAX_FUTURE = timedelta(days=1)  # a day past the fetch covers every time zone (UTC+14 at most)

_SPACES = re.compile(r"\s+")
_LETTER = re.compile(r"[A-Za-z]")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}")
_COMPACT_OFFSET = re.compile(r"([+-]\d{2})(\d{2})$")
_LONG_FRACTION = re.compile(r"(\.\d{6})\d+")
_EPOCH = re.compile(r"^\d{10}(?:\d{3})?(?:\.\d+)?$")
_YMD = re.compile(r"(?<!\d)(\d{4})[/.-](\d{1,2})[/.-](\d{1,2})(?!\d)")
_DMY_OR_MDY = re.compile(r"(?<!\d)(\d{1,2})([/.-])(\d{1,2})\2(\d{4})(?!\d)")
_CJK_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_CJK_TIME = re.compile(r"(\d{1,2})\s*[:時]\s*(\d{1,2})")
# Substrings of running text that look like a date, for find_date_in_text().
_DATE_IN_TEXT = re.compile(
    r"\d{4}-\d{2}-\d{2}(?:[T ]\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2})?)?"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*\d{1,2}\s*[:時]\s*\d{1,2}分?)?"
    rf"|\b(?:{ENGLISH_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?"
    rf"|\b\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{ENGLISH_MONTHS})\.?,?\s+\d{{4}}"
    r"(?:,?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?)?"
    # other languages' month names: "3. März 2024, 14:30 Uhr", "12 janvier 2023 à 09h15"
    r"|\b\d{1,2}\.?\s+[^\W\d_]{3,12}\.?,?\s+\d{4}"
    r"(?:,?\s*(?:à|a|um|alle|om|kl\.?|-)?\s*\d{1,2}\s*[:h.]\s*\d{2}(?:\s*Uhr)?)?"
    r"|(?<!\d)\d{1,2}[/.-]\d{1,2}[/.-]\d{4}(?!\d)"
    r"(?P<time>,?\s*(?:à|a|um|alle|om|kl\.?|at|@|-)?\s*\d{1,2}\s*[:h]\s*\d{2}(?!\d)(?:\s*(?:Uhr|[ap]\.?m\.?))?)?"
    r"|(?<!\d)\d{4}/\d{1,2}/\d{1,2}(?!\d)",
    re.IGNORECASE,
)
# Relative phrases in the languages the hint list covers; matched to decide that
# a short text is worth a dateparser call at all.
_RELATIVE_HINT = re.compile(
    rf"\b({RELATIVE_DATE_HINTS})|{RELATIVE_DATE_HINTS_CJK}",
    re.IGNORECASE,
)


def parse_timestamp(value: str, *, naive_is_utc: bool = True) -> datetime:
    """An ISO 8601 timestamp as machines write it (our records, WARC headers, sitemaps, flags).

    Why apart from :func:`parse_date`: these strings are exact by contract, so a bad one is
    an error (``ValueError``) for the caller to report, not something to guess at. A trailing
    ``Z`` is accepted on every Python (``fromisoformat`` takes it only from 3.11); a value
    without an offset is UTC unless ``naive_is_utc`` is false (then it stays naive).
    """
    text = value.strip()
    if text.endswith(("Z", "z")):
        text = text[:-1] + "+00:00"
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None and naive_is_utc:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed


def normalise_language(value: str | None) -> str | None:
    """'en-US', 'en_GB', 'DE' -> 'en', 'de': the primary subtag, lowercased.

    Only the primary subtag is kept because that is what date parsing, stop
    lists and quote rules key on; regional variants would only fragment them.
    """
    if not value:
        return None
    tag = re.split(r"[-_,;\s]", value.strip().lower(), maxsplit=1)[0]
    if not re.fullmatch(r"[a-z]{2,3}", tag):
        return None
    return tag


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo is not None else value.replace(tzinfo=timezone.utc)


def _plausible(value: datetime, fetched_at: datetime | None) -> bool:
    """Reject dates before the web-news era or (well) after the fetch.

    Without ``fetched_at`` only absurd years are rejected: reading the clock
    here would make the result depend on when the code runs.
    """
    if value.year < _MIN_YEAR:
        return False
    if fetched_at is None:
        return value.year <= _MAX_YEAR
    return _aware(value) <= _aware(fetched_at + _MAX_FUTURE)


def _parse_iso(raw: str) -> datetime | None:
    """ISO-8601 as pages write it: 'Z', '+0100', long fractions, space for 'T'."""
    text = raw.strip()
    if _ISO_DATE.match(text):
        return datetime.fromisoformat(text)
    if not _ISO_LIKE.match(text):
        return None
    text = text.replace(" ", "T", 1).replace("z", "Z")
    if text.endswith("Z"):
        text = text[:-1] + "+00:00"
    text = _COMPACT_OFFSET.sub(r"\1:\2", text)
    text = _LONG_FRACTION.sub(r"\1", text)
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        return None


def _parse_epoch(raw: str) -> datetime | None:
    if not _EPOCH.match(raw):
        return None
    seconds = float(raw)
    if seconds > 1e11:  # milliseconds
        seconds /= 1000
    return datetime.fromtimestamp(seconds, tz=timezone.utc)


def _parse_rfc2822(raw: str) -> datetime | None:
    """'Mon, 03 Jan 2020 10:00:00 GMT' (feeds, HTTP-style meta values)."""
    if not re.match(r"^(?:[A-Za-z]{3},\s*)?\d{1,2}\s+[A-Za-z]{3}\s+\d{4}\s+\d{1,2}:\d{2}", raw):
        return None
    try:
        return _aware(parsedate_to_datetime(raw))
    except (TypeError, ValueError, IndexError):
        return None


def _safe_date(year: int, month: int, day: int, hour: int = 0, minute: int = 0) -> datetime | None:
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:
        return None


def _parse_numeric(raw: str, language: str | None) -> datetime | None:
    """Numeric dates: Y-M-D always; D.M.Y / M/D/Y by separator and language.

    A dot means day first everywhere; a slash means month first only for
    English (US habit) unless the first number cannot be a month.
    """
    text = raw.strip()
    cjk = _CJK_DATE.search(text)
    if cjk:
        hm = _CJK_TIME.search(text, cjk.end())
        hour, minute = (int(hm.group(1)), int(hm.group(2))) if hm else (0, 0)
        return _safe_date(int(cjk.group(1)), int(cjk.group(2)), int(cjk.group(3)), hour, minute)
    if len(text) > 12 or _LETTER.search(text):
        return None
    ymd = _YMD.fullmatch(text)
    if ymd:
        return _safe_date(int(ymd.group(1)), int(ymd.group(2)), int(ymd.group(3)))
    other = _DMY_OR_MDY.fullmatch(text)
    if not other:
        return None
    first, sep, second, year = int(other.group(1)), other.group(2), int(other.group(3)), int(other.group(4))
    month_first = sep == "/" and language in (None, "en") and first <= 12
    if month_first:
        return _safe_date(year, first, second)
    return _safe_date(year, second, first)


_MONTH_NUMBERS = {name: number for number, names in enumerate(ENGLISH_MONTH_NAMES, start=1) for name in names}
_TZ_ABBREVIATIONS = {
    "utc": 0,
    "gmt": 0,
    "z": 0,
    "est": -300,
    "edt": -240,
    "cst": -360,
    "cdt": -300,
    "mst": -420,
    "mdt": -360,
    "pst": -480,
    "pdt": -420,
    "bst": 60,
    "cet": 60,
    "cest": 120,
    "ist": 330,
    "jst": 540,
    "kst": 540,
    "aest": 600,
    "aedt": 660,
    "et": -300,
    "pt": -480,
}
_TIME_PART = (
    r"(?:,?\s*(?:at\s+|-\s+|\|\s*)?(?P<h>\d{1,2})[:.](?P<mi>\d{2})(?::\d{2})?\s*(?P<ap>[ap])?\.?\s*(?:m\.?)?"
    r"(?:\s*(?P<tz>[A-Za-z]{1,4}|[+-]\d{2}:?\d{2}))?)?"
)
_WEEKDAY_PART = rf"(?:(?:{ENGLISH_WEEKDAY_PREFIXES})[a-z]*\.?,?\s+)?"
_EN_MDY = re.compile(
    rf"^{_WEEKDAY_PART}(?P<mon>[a-z]{{3,9}})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}}){_TIME_PART}$",
    re.IGNORECASE,
)
_EN_DMY = re.compile(
    rf"^{_WEEKDAY_PART}(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<mon>[a-z]{{3,9}})\.?,?\s+(?P<y>\d{{4}}){_TIME_PART}$",
    re.IGNORECASE,
)


def _parse_english(raw: str) -> datetime | None:
    """'Dec. 22, 2016, 6:47 p.m.', '1 June 2019 at 08:34 PM EDT' without dateparser.

    English month names are by far the most common non-numeric form; parsing
    them here keeps dateparser (about a millisecond a call) for the rest.
    """
    match = _EN_MDY.match(raw) or _EN_DMY.match(raw)
    if match is None:
        return None
    month = _MONTH_NUMBERS.get(match.group("mon").lower())
    if month is None:
        return None
    hour, minute = 0, 0
    if match.group("h") is not None:
        hour, minute = int(match.group("h")), int(match.group("mi"))
        ampm = (match.group("ap") or "").lower()
        if ampm == "p" and hour < 12:
            hour += 12
        elif ampm == "a" and hour == 12:
            hour = 0
    tz = None
    if match.group("tz"):
        tz = _offset_of(match.group("tz"))
        if tz is None:
            return None  # an unknown zone name: let dateparser decide
    try:
        return datetime(int(match.group("y")), month, int(match.group("d")), hour, minute, tzinfo=tz)
    except ValueError:
        return None


_EN_MD_NO_YEAR = re.compile(
    rf"^(?:on\s+)?{_WEEKDAY_PART}(?P<mon>[a-z]{{3,9}})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?:,?\s*(?:at\s+|@\s*|-\s+)?(?P<h>\d{{1,2}}):(?P<mi>\d{{2}})\s*(?P<ap>[ap])?\.?\s*(?:m\.?)?)?$",
    re.IGNORECASE,
)
_NUMERIC_WITH_TIME = re.compile(
    r"^(?P<a>\d{1,2})(?P<sep>[/.-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{4}|\d{2}),?\s*(?:at\s+|@\s*|-\s+)?"
    r"(?P<h>\d{1,2}):(?P<mi>\d{2})(?::\d{2})?\s*(?P<ap>[ap])?\.?\s*(?:m\.?)?$",
    re.IGNORECASE,
)
_RELATIVE_EN = re.compile(
    r"^(?:about\s+|posted\s+)?(?P<n>\d+|an?|one)\s+(?P<unit>sec|second|min|minute|hr|hour|day|week)s?\s+ago$",
    re.IGNORECASE,
)
_UNIT_SECONDS = {
    "sec": 1,
    "second": 1,
    "min": 60,
    "minute": 60,
    "hr": 3600,
    "hour": 3600,
    "day": 86400,
    "week": 604800,
}


def _clock(hour: int, ampm: str | None) -> int:
    ampm = (ampm or "").lower()
    if ampm == "p" and hour < 12:
        return hour + 12
    if ampm == "a" and hour == 12:
        return 0
    return hour


def _parse_yearless(raw: str, fetched_at: datetime | None) -> datetime | None:
    """'Tuesday July 24, 11:35AM', 'Thursday, November 8 at 4:12 pm': comment dates that
    leave out the year. The year is the fetch's, or the one before when that would put
    the date in the future (what a reader assumes, and what dateparser's "prefer past"
    gives, at a fraction of its cost)."""
    if fetched_at is None:
        return None
    match = _EN_MD_NO_YEAR.match(raw)
    if match is None:
        return None
    month = _MONTH_NUMBERS.get(match.group("mon").lower())
    if month is None:
        return None
    hour = minute = 0
    if match.group("h") is not None:
        hour, minute = _clock(int(match.group("h")), match.group("ap")), int(match.group("mi"))
    base = fetched_at.astimezone(timezone.utc).replace(tzinfo=None)
    value = _safe_date(base.year, month, int(match.group("d")), hour, minute)
    if value is not None and value > base + _MAX_FUTURE:
        value = _safe_date(base.year - 1, month, int(match.group("d")), hour, minute)
    return value


def _parse_numeric_time(raw: str, language: str | None, fetched_at: datetime | None) -> datetime | None:
    """'10/29/12 2:29 PM', '07.15.12 at 11:59', '11-07-2012, 05:53 pm': numeric dates with
    a clock time. Month first for English (or no language) with '/' or '-', and wherever
    the second number cannot be a month; two-digit years are this century's unless that
    lies in the future."""
    match = _NUMERIC_WITH_TIME.match(raw)
    if match is None:
        return None
    first, second, sep = int(match.group("a")), int(match.group("b")), match.group("sep")
    month_first = (sep in "/-" and language in (None, "en") and first <= 12) or (second > 12 >= first)
    month, day = (first, second) if month_first else (second, first)
    year = int(match.group("y"))
    if year < 100:
        now = (fetched_at or datetime.now(timezone.utc)).year  # only the century is read
        year += 2000 if 2000 + year <= now + 1 else 1900
    return _safe_date(
        year, month, day, _clock(int(match.group("h")), match.group("ap")), int(match.group("mi"))
    )


_CLOCK_ONLY = re.compile(
    r"^(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\s*(?:(?P<ap>[ap])\.?\s*m\.?)?$", re.IGNORECASE
)


def _parse_clock_only(raw: str, fetched_at: datetime | None) -> datetime | None:
    """'7:28 PM', '16:05': a stamp with no day means the latest such time up to the fetch
    (sites print today's posts that way). Read in UTC, as the fetch time is."""
    match = _CLOCK_ONLY.match(raw)
    if match is None or fetched_at is None:
        return None
    base = fetched_at.astimezone(timezone.utc)
    value = base.replace(
        hour=_clock(int(match.group("h")), match.group("ap")),
        minute=int(match.group("mi")),
        second=0,
        microsecond=0,
    )
    return value - timedelta(days=1) if value > base else value


def _parse_relative_en(raw: str, fetched_at: datetime | None) -> datetime | None:
    """'5 mins ago', 'about 1 hour ago', 'a day ago' against the fetch time (UTC)."""
    if fetched_at is None:
        return None
    match = _RELATIVE_EN.match(raw)
    if match is None:
        return None
    count = match.group("n").lower()
    number = 1 if count in ("a", "an", "one") else int(count)
    seconds = number * _UNIT_SECONDS[match.group("unit").lower()]
    return fetched_at.astimezone(timezone.utc) - timedelta(seconds=seconds)


def _offset_of(name: str) -> timezone | None:
    numeric = re.fullmatch(r"([+-])(\d{2}):?(\d{2})", name)
    if numeric:
        total = int(numeric.group(2)) * 60 + int(numeric.group(3))
        return timezone(timedelta(minutes=total if numeric.group(1) == "+" else -total))
    minutes = _TZ_ABBREVIATIONS.get(name.lower())
    return timezone(timedelta(minutes=minutes)) if minutes is not None else None


def _dateparser_languages(language: str | None) -> tuple[str, ...]:
    if language and language in _DATEPARSER_LANGUAGES:
        return (language,) if language == "en" else (language, "en")
    return DEFAULT_LANGUAGES


def _stated_offset(raw: str) -> timezone | None:
    """The UTC offset a string states ('EST', '+0530', 'GMT'), if any.

    dateparser would otherwise convert to its TIMEZONE setting (losing the
    page's local day) or use the machine's zone (not reproducible), so the
    wall time is parsed naive and the stated offset attached afterwards.
    """
    try:
        from dateparser.timezone_parser import pop_tz_offset_from_string  # type: ignore[import-untyped]
    except ImportError:  # pragma: no cover - private helper moved
        return None
    tz = pop_tz_offset_from_string(raw)[1]
    offset = tz.utcoffset(None) if tz is not None else None
    return timezone(offset) if offset is not None else None


def _parse_with_dateparser(raw: str, language: str | None, base: datetime | None) -> datetime | None:
    import dateparser  # type: ignore[import-untyped]  # lazily: importing takes ~0.3 s

    settings: dict[str, object] = {
        "RETURN_AS_TIMEZONE_AWARE": False,
        "PREFER_DATES_FROM": "past",
        "PREFER_DAY_OF_MONTH": "first",
    }
    if base is not None:
        settings["RELATIVE_BASE"] = base.astimezone(timezone.utc).replace(tzinfo=None)
    try:
        value: datetime | None = dateparser.parse(
            raw, languages=list(_dateparser_languages(language)), settings=settings
        )
    except (ValueError, TypeError, OverflowError, AttributeError):
        return None
    if value is None:
        return None
    if value.tzinfo is not None:
        return value
    if _RELATIVE_HINT.search(raw):
        return value.replace(tzinfo=timezone.utc)  # computed from the UTC base
    stated = _stated_offset(raw)
    return value.replace(tzinfo=stated) if stated is not None else value


_ENGLISH_DATE_WORD = re.compile(
    rf"\b(?:{ENGLISH_MONTHS}|{ENGLISH_DATE_WORDS}|(?:{ENGLISH_WEEKDAY_PREFIXES})[a-z]*)s?\b", re.IGNORECASE
)


def _may_name_a_date(raw: str, language: str | None) -> bool:
    """Could dateparser read a date in ``raw``? An English text with no digit and none of
    the words a date or time is written with ('Posts by Jane Doe', 'USA TODAY' is one:
    'today') is not one. Why: dateparser takes milliseconds a call, and most strings the
    readers hand over that reach it ('2 min read', bylines, labels) are no dates. Other
    languages always go to it."""
    if language != "en":
        return True
    return any(ch.isdigit() for ch in raw) or _ENGLISH_DATE_WORD.search(raw) is not None


@lru_cache(maxsize=4096)
def _parse_cached(raw: str, language: str | None, fetched_at: datetime | None) -> datetime | None:
    """Pure and hashable-argument only, so it can be memoised safely."""
    for fast in (_parse_iso, _parse_epoch, _parse_rfc2822):
        try:
            value = fast(raw)
        except (ValueError, OverflowError, OSError):
            value = None
        if value is not None:
            value = _with_zone(value, language)
            return value if _plausible(value, fetched_at) else None
    value = _parse_numeric(raw, language) or _parse_english(raw)
    if value is None and language in (None, "en"):
        value = (
            _parse_yearless(raw, fetched_at)
            or _parse_numeric_time(raw, language, fetched_at)
            or _parse_relative_en(raw, fetched_at)
        )
    elif value is None:
        value = _parse_numeric_time(raw, language, fetched_at)
    if value is None:
        value = _parse_clock_only(raw, fetched_at)
        if value is not None:
            return value
    if value is None and len(raw) <= 80 and _may_name_a_date(raw, language):
        value = _parse_with_dateparser(raw, language, fetched_at)
    if value is None:
        return None
    value = _with_zone(value, language)
    return value if _plausible(value, fetched_at) else None


def _with_zone(value: datetime, language: str | None) -> datetime:
    """Give a value without a stated offset its zone.

    A time of day with no offset is the site's local time; for languages
    whose news sites sit in one zone (de -> Europe/Berlin, ja -> Asia/Tokyo)
    that zone is the best reading, otherwise UTC. A date without a time
    stays midnight UTC: shifting it into a zone would only move the day.
    """
    if value.tzinfo is not None:
        return value
    zone_name = _LANGUAGE_ZONES.get(language or "")
    if zone_name is None or (value.hour, value.minute, value.second) == (0, 0, 0):
        return value.replace(tzinfo=timezone.utc)
    try:
        return value.replace(tzinfo=ZoneInfo(zone_name))
    except (ZoneInfoNotFoundError, ValueError):  # pragma: no cover - system without tzdata
        return value.replace(tzinfo=timezone.utc)


_YEAR_RE = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def names_a_year(text: str) -> bool:
    """Does the text write a four-digit year (19xx/20xx)? A date shown with its year names
    its day for sure; 'Jun 9' or '2 days ago' leaves the year to be guessed."""
    return _YEAR_RE.search(text) is not None


def parse_date(
    raw: str | None, *, language: str | None = None, fetched_at: datetime | None = None
) -> datetime | None:
    """Parse one date string; None when it is not a plausible date.

    ``language`` is the page's language (any BCP-47-ish form); ``fetched_at``
    anchors relative dates ("3 hours ago", "vor 2 Tagen", "il y a 5 minutes",
    "yesterday") and bounds how far in the future a date may be.
    """
    if not raw:
        return None
    text = _SPACES.sub(" ", raw.replace("\xa0", " ")).strip()
    if not text or len(text) > 200:
        return None
    if fetched_at is not None and fetched_at.tzinfo is None:
        fetched_at = fetched_at.replace(tzinfo=timezone.utc)
    return _parse_cached(text, normalise_language(language), fetched_at)


def find_date_in_text(
    text: str | None, *, language: str | None = None, fetched_at: datetime | None = None
) -> tuple[datetime, str] | None:
    """First date found in running text (a dateline, a byline): (value, raw substring).

    Only substrings that look like dates are handed to the parser, because
    dateparser given a whole sentence either fails or invents a date.
    """
    if not text:
        return None
    for match in _DATE_IN_TEXT.finditer(text):
        raw = match.group(0).strip()
        value = parse_date(raw, language=language, fetched_at=fetched_at)
        if value is None and match.group("time"):  # a clock form the parsers do not read: the day alone
            raw = text[match.start() : match.start("time")].strip()
            value = parse_date(raw, language=language, fetched_at=fetched_at)
        if value is not None:
            return value, raw
    short = text.strip()
    if len(short) <= 40 and _RELATIVE_HINT.search(short):
        value = parse_date(short, language=language, fetched_at=fetched_at)
        if value is not None:
            return value, short
    return None
