"""Readers of page metadata, one module per markup syntax (extruct-style).

- ``jsonld``: <script type="application/ld+json">
- ``metatags``: <meta> (OpenGraph, Twitter, Dublin Core, Parse.ly, citation_*...) and <link>
- ``microdata``: itemprop attributes
- ``byline``: visible bylines and datelines near the headline
- ``headline``: headline choice by agreement, standfirst
- ``authors``: cleaning, splitting and rejecting author strings
- ``regions``: which page regions hold someone else's metadata (comments, related lists)

``combine.extract_metadata`` combines them with one precedence: the one entry point the
rest of the package uses.
"""

from .combine import extract_metadata

__all__ = ["extract_metadata"]
