"""Word lists, kept as plain immutable data apart from the code that uses them.

Why a home of their own: the extractors are language-neutral machinery; what differs
between languages (quotation marks, reporting verbs, "according to" / "laut") lives here,
so adding a language means adding data, not touching a scanner.

- ``quotes``: quotation-mark pairs and speech-cue tables per language
"""

__all__ = ["quotes"]
