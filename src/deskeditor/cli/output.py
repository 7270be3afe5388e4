"""What the command line prints: JSON objects with the promised keys, tables, one-line errors."""

from __future__ import annotations

import html
import json
import sys
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime

from deskeditor.core.language import article_language
from deskeditor.core.models import Article

PROG = "deskeditor"


def article_json(article: Article, *, with_body: bool = False) -> dict[str, object]:
    """The JSON object for one article, with the keys the CLI promises scripts."""
    content = article.content
    data: dict[str, object] = {
        "id": article.id,
        "headline": content.headline,
        "subhead": content.subhead,
        "byline": content.byline,
        "section": content.section,
        "tags": list(content.tags),
        "status": content.status.value,
        "language": article_language(content).value,
    }
    if with_body:
        data["body"] = content.body
    data["created_at"] = iso(article.created_at)
    data["updated_at"] = iso(article.updated_at)
    return data


def iso(moment: datetime) -> str:
    """A timestamp for scripts: ISO 8601 in UTC, with its offset."""
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def local_time(moment: datetime) -> str:
    """A timestamp for people: the machine's local time, to the minute."""
    return moment.astimezone().strftime("%Y-%m-%d %H:%M")


def plain_snippet(snippet_html: str) -> str:
    """A search snippet for a terminal: each hit in [brackets], entities as text.

    The store escapes everything in a snippet except its <mark> tags, so those are the
    only markup to replace.
    """
    marked = snippet_html.replace("<mark>", "[").replace("</mark>", "]")
    return html.unescape(marked)


def plural(count: int, noun: str) -> str:
    """`1 word`, `2 words`: English nouns that take a plain -s."""
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def print_json(data: object) -> None:
    print(json.dumps(data, ensure_ascii=False, indent=2))


def cell(text: str) -> str:
    """Table cells stay on one line whatever the field holds."""
    return " ".join(text.split())


def display_width(text: str) -> int:
    """Terminal columns: Hangul and other wide characters take two."""
    return sum(2 if unicodedata.east_asian_width(char) in "WF" else 1 for char in text)


def pad(text: str, width: int) -> str:
    return text + " " * (width - display_width(text))


def table_lines(rows: Sequence[Sequence[str]]) -> list[str]:
    """Rows in columns lined up on screen; the last column runs free (headlines, labels)."""
    if not rows:
        return []
    last = len(rows[0]) - 1
    widths = [max(display_width(row[column]) for row in rows) for column in range(last)]
    return [
        "  ".join(
            [*(pad(text, width) for text, width in zip(row[:last], widths, strict=True)), row[last]]
        ).rstrip()
        for row in rows
    ]


def print_table(rows: Sequence[Sequence[str]]) -> None:
    for line in table_lines(rows):
        print(line)


def describe(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror and error.filename:
        return f"{error.filename}: {error.strerror}."
    return str(error)


def report(message: str) -> None:
    """One line on stderr, whatever newlines the message carried."""
    print(f"{PROG}: error: {' '.join(message.split())}", file=sys.stderr, flush=True)
