"""Word lists, kept as plain immutable data apart from the code that uses them.

Why a home of their own: the extractors are language-neutral machinery; what differs
between languages (quotation marks, reporting verbs, month names, "Kommentare", "Staff
Writer", "Subscribe to continue reading") lives here, so adding a language or a word means
adding data, not touching a scanner. One module per topic:

- ``quotes``: quotation-mark pairs and speech-cue tables per language, and the quote
  finder's small word sets (pronouns, joiners, clause openers, adverbs before a cue ...)
- ``calendar``: month and weekday names and relative-date words in several languages
- ``regions``: class/id words naming page regions (navigation, sharing, sidebars, bylines,
  datelines, standfirsts) for body pruning and the metadata finders
- ``pages``: wording of paywalls, consent notices, live blogs and forums, and the
  boilerplate lines inside article text
- ``people``: job titles, staff and label words that are no author's name, "and" between
  names, author page paths
- ``comments``: class/id words and texts of reader comments and forum posts

The package exports the modules, not their words, so importing it stays cheap; read a
list as ``from extractor.core.lexicon.calendar import ENGLISH_MONTHS``.
"""

from . import calendar, comments, pages, people, quotes, regions

__all__ = ["calendar", "comments", "pages", "people", "quotes", "regions"]
