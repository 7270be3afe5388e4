"""Exceptions the core raises; each carries one clear, user-facing sentence."""

from __future__ import annotations


class DeskeditorError(Exception):
    """Base class: str(error) is a complete message fit to show a user."""


class StoreError(DeskeditorError):
    """The store could not be opened, read or written."""


class NotAStoreError(StoreError):
    """The file exists but is not a deskeditor store (it is left untouched)."""


class StoreTooNewError(StoreError):
    """The store was written by a newer deskeditor whose schema this version does not know."""


class ArticleNotFoundError(DeskeditorError):
    """No article has the requested id."""


class ImportFileError(DeskeditorError):
    """A file could not be imported."""


class ExportError(DeskeditorError):
    """An export could not be written."""
