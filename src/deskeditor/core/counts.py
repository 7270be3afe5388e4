"""Korean-aware counts of the text a reader sees: characters, words, 원고지 pages, reading time."""

from __future__ import annotations

import html
import math
import re
from dataclasses import dataclass
from enum import StrEnum

import regex

from deskeditor.core.markup import MarkdownConverter
from deskeditor.core.models import Language

MANUSCRIPT_PAGE_CHARS = 200
"""A standard 원고지 page; some desks count 150-character pages (an option)."""

READING_RATE_KO_CHARS_PER_MINUTE = 500
"""Korean reading speed, in characters without spaces per minute (adult silent reading)."""
READING_RATE_EN_WORDS_PER_MINUTE = 230
"""English reading speed, in words per minute."""

_GRAPHEME = regex.compile(r"\X")
# Invisible to a reader, so not characters: zero-width space, word joiner, BOM, soft
# hyphen. ZWJ/ZWNJ stay: they live inside emoji and Indic clusters.
_INVISIBLE = re.compile("[\u200b\u2060\ufeff\u00ad]")
_LINE_BREAKS = "\n\r\u2028\u2029\x0b\x0c\x85"
_TAG = re.compile(r"<[^>]*>")
_HTML_SPACE = re.compile(r"[ \t\r\f]+")
_BLOCK_END = re.compile(r"</(p|h[1-6]|li|blockquote|pre|tr|figcaption)>|<br\s*/?>|<hr\s*/?>", re.I)


@dataclass(frozen=True, slots=True)
class TextCounts:
    """Counts for one piece of text (headline, subhead or body)."""

    chars: int
    """User-perceived characters (extended grapheme clusters) with spaces, no line breaks."""
    chars_no_spaces: int
    words: int
    """Whitespace-separated words; for Korean this is the 어절 count."""
    paragraphs: int
    manuscript_pages: float
    """chars / page size, one decimal, rounded up (원고지 매수)."""
    reading_minutes: float

    def as_json(self) -> dict[str, int | float]:
        """The keys `deskeditor show --json` promises."""
        return {
            "chars": self.chars,
            "chars_no_spaces": self.chars_no_spaces,
            "words": self.words,
            "paragraphs": self.paragraphs,
            "manuscript_pages": self.manuscript_pages,
        }


class Fit(StrEnum):
    """Where a text stands against the desk's target length."""

    SHORT = "short"
    FITS = "fits"
    OVER = "over"


@dataclass(frozen=True, slots=True)
class Copyfit:
    """The copyfit meter: short / fits / over, with the difference in characters."""

    fit: Fit
    difference: int
    """chars minus target: negative when short, positive when over."""


def _grapheme_count(text: str) -> int:
    if text.isascii():
        return len(
            text
        )  # every ASCII character is its own cluster (CRLF excepted, removed earlier)
    return sum(1 for _ in _GRAPHEME.finditer(text))


def manuscript_pages(chars: int, page_chars: int = MANUSCRIPT_PAGE_CHARS) -> float:
    """원고지 매수: characters with spaces ÷ page size, one decimal, rounded up."""
    tenths = math.ceil(chars * 10 / page_chars) if chars else 0
    return tenths / 10


def count_plain_text(
    text: str,
    language: Language = Language.KO,
    *,
    page_chars: int = MANUSCRIPT_PAGE_CHARS,
) -> TextCounts:
    """Counts for text as a reader sees it (already free of Markdown syntax)."""
    lines = re.split(r"\r\n|[" + _LINE_BREAKS + "]", _INVISIBLE.sub("", text))
    paragraphs = sum(1 for line in lines if line.strip())
    joined = "".join(lines)
    chars = _grapheme_count(joined)
    no_spaces = "".join(joined.split())
    chars_no_spaces = _grapheme_count(no_spaces)
    words = len(text.split())
    if language is Language.KO:
        minutes = chars_no_spaces / READING_RATE_KO_CHARS_PER_MINUTE
    else:
        minutes = words / READING_RATE_EN_WORDS_PER_MINUTE
    return TextCounts(
        chars=chars,
        chars_no_spaces=chars_no_spaces,
        words=words,
        paragraphs=paragraphs,
        manuscript_pages=manuscript_pages(chars, page_chars),
        reading_minutes=round(minutes, 1),
    )


def visible_text(markdown_text: str, converter: MarkdownConverter | None = None) -> str:
    """The text a reader sees: Markdown rendered, tags and URLs dropped, one block per line."""
    rendered = (converter or MarkdownConverter()).to_html(markdown_text)
    # A newline inside a paragraph is a soft wrap, white space to a reader; only the
    # ends of blocks (and <br>) break lines.
    with_breaks = _BLOCK_END.sub("\n", rendered.replace("\n", " "))
    lines = html.unescape(_TAG.sub("", with_breaks)).split("\n")
    # Runs of ASCII white space collapse as a browser collapses them (NBSP does not).
    return "\n".join(_HTML_SPACE.sub(" ", line).strip(" ") for line in lines)


def count_markdown(
    markdown_text: str,
    language: Language = Language.KO,
    *,
    converter: MarkdownConverter | None = None,
    page_chars: int = MANUSCRIPT_PAGE_CHARS,
) -> TextCounts:
    """Counts for a Markdown body, on the text a reader sees."""
    return count_plain_text(visible_text(markdown_text, converter), language, page_chars=page_chars)


def copyfit(chars: int, target: int, *, tolerance: float = 0.05) -> Copyfit:
    """Compare a length with the target; within ±tolerance of it counts as fitting."""
    difference = chars - target
    slack = round(target * tolerance)
    if difference < -slack:
        return Copyfit(Fit.SHORT, difference)
    if difference > slack:
        return Copyfit(Fit.OVER, difference)
    return Copyfit(Fit.FITS, difference)
