"""What every subcommand shares about talking to the terminal: stdout, stderr and exit codes.

It sits below :mod:`extractor.cli.main` so that the subcommands (``extract``,
``demo``) can use it without importing the module that registers them.

Exit codes: 0 every page extracted, 1 some pages failed (the others are still
written) or the output could not be written, 2 usage error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import io
import os
import sys
from collections.abc import Callable
from typing import IO

PROG = "extractor"


# Units printed after a default, by the option's metavar ('--delay S' -> '(default: 1.0 s)').
_UNITS = {"S": " s", "MB": " MB", "SIZE": " bytes"}


class HelpFormatter(argparse.RawDescriptionHelpFormatter):
    """Every option that has a default says it in ``--help`` ('(default: 1.0 s)'), so a
    newcomer never has to read the code to learn what a run does without the flag.

    Flags (store_true/false), options without a default and help texts that already
    state their default are left as written.
    """

    def _get_help_string(self, action: argparse.Action) -> str | None:
        text = action.help or ""
        default = action.default
        if (
            not action.option_strings
            or action.nargs == 0
            or default is None
            or default is argparse.SUPPRESS
            or default == []
            or "default" in text
            or "%(default)" in text
        ):
            return action.help
        unit = _UNITS.get(str(action.metavar), "")
        return f"{text} (default: %(default)s{unit})"


class UsageError(Exception):
    """A problem with the command line found after parsing; reported with exit code 2."""


def ratio(value: str) -> float:
    """argparse type for a number from 0 to 1: --quote-confidence (extract, scrape),
    --threshold (fixtures check)."""
    try:
        bar = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0.0 <= bar <= 1.0:
        raise argparse.ArgumentTypeError(f"must be from 0 to 1: {value!r}")
    return bar


def run_guarded(run: Callable[[], int]) -> int:
    """``run()``'s exit code, with the failures a command line can meet turned into codes and one line.

    ``SystemExit`` is argparse's way of ending ``--help``, ``--version`` and usage
    errors; a failed write leaves nothing partial behind (the exporters publish
    atomically), so one line on stderr is all that is left to say.
    """
    try:
        return run()
    except SystemExit as exc:  # argparse: --help, --version and usage errors
        return exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 2)
    except UsageError as exc:
        print(f"{PROG}: error: {exc}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # e.g. `| head`: the reader left; stop quietly like other Unix tools
        silence_stdout()
        return 1
    except OSError as exc:  # the output could not be written; nothing partial was left behind
        print(f"{PROG}: error: cannot write output: {exc}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted; no output written", file=sys.stderr)
        return 130


def stderr_printer(quiet: bool) -> Callable[[str], None]:
    """``say(message)``: one ``extractor: message`` line on stderr, or nothing when ``quiet``."""

    def say(message: str) -> None:
        if not quiet:
            print(f"{PROG}: {message}", file=sys.stderr)

    return say


def silence_stdout() -> None:
    """Point stdout at devnull so the interpreter's final flush does not raise again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, io.UnsupportedOperation):
        pass


def utf8_stdout() -> IO[str]:
    """stdout as UTF-8 text whatever the locale, since records are UTF-8 by contract."""
    stream = sys.stdout
    if getattr(stream, "encoding", "utf-8").lower().replace("-", "") != "utf8":
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            reconfigure(encoding="utf-8")
    return stream
