"""Text for the search index: Hangul/CJK as overlapping bigrams, other words whole.

Korean attaches particles to nouns (데이터센터를, 정부는), so a word index misses them
and a trigram index cannot answer two-syllable queries. Indexing every pair of
adjacent syllables, as Lucene's CJK analyzer does, finds any query of two or more
syllables anywhere inside a longer form; a one-syllable query becomes a prefix match
on the bigrams. The tokens are plain words, so any full-text engine that splits on
spaces can hold them (SQLite FTS5 here, PostgreSQL's tsvector later).
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterator
from dataclasses import dataclass
from operator import add

# Hangul syllables and jamo, CJK ideographs, kana: scripts written without spaces
# between morphemes, indexed as bigrams.
_CJK = (
    "\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff"
    "\ua960-\ua97f\uac00-\ud7af\ud7b0-\ud7ff\uf900-\ufaff"
)
_RUN = re.compile(rf"(?P<cjk>[{_CJK}]+)|(?P<word>[^\W{_CJK}]+)")
_RUN_PAIR = re.compile(rf"([{_CJK}]+)|([^\W{_CJK}]+)")  # _RUN as (cjk, word) for findall
_MARKDOWN_URL = re.compile(r"\]\([^)]*\)|<https?://[^>]*>")


@dataclass(frozen=True, slots=True)
class QueryPart:
    """One piece of a parsed query: a phrase of index tokens, optionally a prefix."""

    tokens: tuple[str, ...]
    prefix: bool


def _bigrams(run: str) -> Iterator[str]:
    if len(run) == 1:
        yield run
        return
    for start in range(len(run) - 1):
        yield run[start : start + 2]


def index_text(text: str) -> str:
    """The text as the index stores it: space-separated tokens, lower-cased words."""
    tokens: list[str] = []
    extend = tokens.extend
    append = tokens.append
    # findall and one lower() of the joined text keep the per-run work in C: this is the
    # hot loop of indexing. Lowering the whole equals lowering each word, because spaces
    # separate the tokens (even the context-dependent final sigma stops at a space) and
    # no CJK character has a lower case.
    for cjk, word in _RUN_PAIR.findall(_MARKDOWN_URL.sub("]", text)):
        if len(cjk) > 1:
            extend(map(add, cjk[:-1], cjk[1:]))  # neighbours paired in C
        else:
            append(cjk or word)
    return " ".join(tokens).lower()


def parse_query(query: str) -> list[QueryPart]:
    """A user's query as index phrases; every part must match (AND)."""
    parts: list[QueryPart] = []
    for match in _RUN.finditer(query):
        if match.group("cjk"):
            run = match.group("cjk")
            # One syllable: any bigram that starts with it (or the lone syllable).
            parts.append(QueryPart(tuple(_bigrams(run)), prefix=len(run) == 1))
        else:
            parts.append(QueryPart((match.group("word").lower(),), prefix=True))
    return parts


def _quoted(token: str) -> str:
    return '"' + token.replace('"', '""') + '"'


def fts5_match(parts: list[QueryPart]) -> str:
    """An FTS5 MATCH expression for the parsed query, every token quoted (no syntax leaks)."""
    expressions = []
    for part in parts:
        phrase = " + ".join(_quoted(token) for token in part.tokens)
        if part.prefix:
            phrase += " *"
        expressions.append(f"({phrase})" if len(part.tokens) > 1 else phrase)
    return " AND ".join(expressions)


_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_AUTOLINK = re.compile(r"<(?:https?|mailto):[^>]*>")
_EMPHASIS = re.compile(r"(\*\*|__|~~|[*_`])")
_LINE_MARKERS = re.compile(r"^\s{0,12}(?:#{1,6}\s+|>\s?|[-*+]\s+|\d+[.)]\s+|\|)", re.M)


def markdown_plain(markdown_text: str) -> str:
    """A cheap, approximate reader's text of Markdown for snippets: syntax and URLs gone.

    Rendering every hit through Python-Markdown costs milliseconds each; a snippet
    needs only the words, so the syntax is stripped instead.
    """
    text = _LINK.sub(r"\1", markdown_text)
    text = _AUTOLINK.sub("", text)
    text = _LINE_MARKERS.sub("", text)
    return _EMPHASIS.sub("", text)


def query_terms(query: str) -> list[str]:
    """The query's literal pieces, for highlighting in the original text."""
    return [match.group(0) for match in _RUN.finditer(query)]


def snippet_html(text: str, query: str, *, width: int = 60, markdown: bool = False) -> str:
    """A short, escaped excerpt around the first hit with every hit in <mark>.

    With markdown=True the text is Markdown and its syntax is stripped, but only in a
    window around the first hit: a hit list reads 50 whole bodies, the window is cheap.
    """
    terms = sorted({term for term in query_terms(query) if term}, key=len, reverse=True)
    pattern = (
        re.compile("|".join(re.escape(term) for term in terms), re.IGNORECASE) if terms else None
    )
    first = pattern.search(text) if pattern else None
    around = first.start() if first else 0
    window = text[max(0, around - 4 * width) : around + 4 * width]
    cut_before = around > 4 * width
    flat = " ".join((markdown_plain(window) if markdown else window).split())
    hit = pattern.search(flat) if pattern else None
    start = max(0, hit.start() - width // 3) if hit else 0
    excerpt = flat[start : start + width]
    pieces: list[str] = ["…" if start or cut_before else ""]
    cursor = 0
    for found in pattern.finditer(excerpt) if pattern else ():
        pieces.append(html.escape(excerpt[cursor : found.start()]))
        pieces.append("<mark>" + html.escape(found.group(0)) + "</mark>")
        cursor = found.end()
    pieces.append(html.escape(excerpt[cursor:]))
    if start + width < len(flat) or around + 4 * width < len(text):
        pieces.append("…")
    return "".join(pieces)
