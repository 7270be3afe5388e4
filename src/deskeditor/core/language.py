"""Tell Korean from English text, for the page's lang attribute and its date line."""

from __future__ import annotations

import re

from deskeditor.core.models import ArticleContent, Language

# Hangul syllables, the conjoining and compatibility jamo, and the half-width jamo.
_HANGUL = re.compile(
    r"[\uac00-\ud7a3\u1100-\u11ff\u3130-\u318f\ua960-\ua97f\ud7b0-\ud7ff\uffa0-\uffdc]+"
)
# Any letter in any script ([^\W\d_] is "word character but not a digit or underscore").
_LETTER = re.compile(r"[^\W\d_]+")
# Han characters (美, 與野) are common in Korean headlines but say nothing about
# Korean versus English, so they count on neither side.
_HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# URLs and e-mail addresses are Latin whatever the language around them. The
# lookbehinds let a match start only where a word starts, which keeps the scan
# linear on a long unbroken string (pasted base64, say) instead of quadratic.
_ADDRESSES = re.compile(r"(?<![A-Za-z0-9+.-])[A-Za-z][A-Za-z0-9+.-]*://\S+|(?<!\S)[^\s@]+@\S+")

KOREAN_SHARE = 0.25
"""Hangul share of the letters from which a text counts as Korean.

A syllable block is one letter, while an English word is several, so a Korean story
dense with English names and acronyms ("삼성전자가 NVIDIA에 HBM3E를") sits well
below one half; English text quoting a Korean name stays far below a quarter.
"""


BODY_SAMPLE_CHARS = 4000
"""How much of the body article_language reads: a story does not switch language
halfway, and the preview calls this on every refresh of a 10,000-word article."""


def _count(pattern: re.Pattern[str], text: str) -> int:
    # Matching runs, not single characters, keeps a 10,000-word story to a few ms.
    return sum(map(len, pattern.findall(text)))


def detect_language(text: str) -> Language:
    """Korean when enough of the letters are Hangul, else English; empty text is Korean."""
    if "://" in text or "@" in text:  # The cheap test spares most texts a regex pass.
        text = _ADDRESSES.sub(" ", text)
    letters = _count(_LETTER, text) - _count(_HAN, text)
    if letters <= 0:
        return Language.KO  # Nothing to go on: the desk writes in Korean by default.
    hangul = _count(_HANGUL, text)
    return Language.KO if hangul >= KOREAN_SHARE * letters else Language.EN


def article_language(content: ArticleContent) -> Language:
    """The article's chosen language, else the one detected from its text.

    Detection reads the headline, the subhead and the first BODY_SAMPLE_CHARS of the body.
    """
    if content.language is not None:
        return content.language
    sample = content.body[:BODY_SAMPLE_CHARS]
    return detect_language("\n".join((content.headline, content.subhead, sample)))
