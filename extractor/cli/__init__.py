"""The ``extractor`` command line: ``extract``, ``scrape``, ``fixtures`` and ``demo``.

``main`` is the entry point of the ``extractor`` script (``extractor.cli:main``),
of ``python -m extractor`` and of the checkout's ``cli.py``. Nothing else in the
package imports this one: it is the top floor.
"""

from __future__ import annotations

from .main import main

__all__ = ["main"]
