"""``python -m extractor``: the same command line as the ``extractor`` script."""

import sys

from .cli.main import main

sys.exit(main())
