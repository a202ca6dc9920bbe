"""``python -m extractor``: the same command line as the ``extractor`` script."""

import sys

from .cli import main

sys.exit(main())
