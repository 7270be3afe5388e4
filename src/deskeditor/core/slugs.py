"""URL slugs made from headlines, Hangul kept, unique across the store."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable

MAX_SLUG_LENGTH = 80
_NOT_WORD = re.compile(r"[^\w]+")


def slugify(text: str) -> str:
    """Lower-case words joined by hyphens; Hangul and other letters stay as they are."""
    normal = unicodedata.normalize("NFKC", text).lower()
    slug = _NOT_WORD.sub("-", normal).replace("_", "-").strip("-")
    slug = re.sub("-{2,}", "-", slug)
    return slug[:MAX_SLUG_LENGTH].rstrip("-")


def unique_slug(base: str, is_taken: Callable[[str], bool]) -> str:
    """base, or base-2, base-3 … whichever is free first."""
    candidate = base
    number = 2
    while is_taken(candidate):
        suffix = f"-{number}"
        candidate = base[: MAX_SLUG_LENGTH - len(suffix)] + suffix
        number += 1
    return candidate
