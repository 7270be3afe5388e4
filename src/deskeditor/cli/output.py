"""What the command line prints: JSON objects with the promised keys, tables, one-line errors."""

from __future__ import annotations

import json
import sys
import unicodedata
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
    return moment.astimezone(UTC).isoformat(timespec="seconds")


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


def describe(error: Exception) -> str:
    if isinstance(error, OSError) and error.strerror and error.filename:
        return f"{error.filename}: {error.strerror}."
    return str(error)


def report(message: str) -> None:
    """One line on stderr, whatever newlines the message carried."""
    print(f"{PROG}: error: {' '.join(message.split())}", file=sys.stderr, flush=True)
