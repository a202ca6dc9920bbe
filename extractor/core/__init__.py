"""The ground floor: what every step of the pipeline shares, importing nothing above it.

- ``tree``: text -> lxml tree (a parse that keeps content after stray end tags, as browsers
  do) and the node helpers every extractor uses
- ``index``: ``PageIndex``, built once right after parsing: document order and the elements
  grouped by class/id text, read by metadata and page type instead of their own walks
- ``names``: the one reading of class/id names as region words (body pruning, foreign
  regions of the metadata)
- ``decode``: bytes -> text, the way a browser would read the page
- ``dates``: date strings in any language -> timezone-aware datetimes
- ``urls``: resolving the links a page gives
- ``headers``: case-insensitive HTTP header lookup
- ``lexicon``: the word lists (quotation marks and speech cues per language, ...)
- ``atomic``: files that appear at their path only when complete
- ``limits``: per-page time and memory limits (extraction in a worker that can be stopped)

Why the package exports module names rather than functions: importing ``extractor.core``
must stay cheap (``limits`` loads multiprocessing, ``dates`` loads dateparser), so each
caller imports the module it needs; each module's public names are its non-underscore ones.
"""

__all__ = ["atomic", "dates", "decode", "headers", "index", "lexicon", "limits", "names", "tree", "urls"]
