"""Run the command line from a checkout: ``python cli.py extract page.html``."""

from extractor.cli import main

if __name__ == "__main__":
    raise SystemExit(main())
