"""extractor: structured extraction of news and article pages."""

from .article import extract_article
from .model import Article, Block, Comment, ErrorRecord, Image, Quote
from .quotes import extract_quotes

__all__ = [
    "Article",
    "Block",
    "Comment",
    "ErrorRecord",
    "Image",
    "Quote",
    "extract_article",
    "extract_quotes",
]
__version__ = "0.1.0"
