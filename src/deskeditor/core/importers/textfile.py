"""Plain text → article: the first line is the headline, blank lines separate paragraphs."""

from __future__ import annotations

from deskeditor.core.markdownescape import escape_line_start, escape_text
from deskeditor.core.models import ArticleContent


def parse_plain_text(text: str) -> ArticleContent:
    """Text that merely looks like Markdown (# , *, 1., <b>) stays literal: it is escaped."""
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    # Leading spaces would make an indented code block, and paragraph indents (often a
    # full-width space in Korean text) are layout, not content; trailing ones a hard break.
    lines = [line.strip() for line in lines]
    first = next((index for index, line in enumerate(lines) if line), len(lines))
    headline = " ".join(lines[first].split()) if first < len(lines) else ""
    paragraphs: list[list[str]] = [[]]
    for line in lines[first + 1 :]:
        if line:
            paragraphs[-1].append(escape_line_start(escape_text(line)))
        elif paragraphs[-1]:
            paragraphs.append([])
    body = "\n\n".join("\n".join(paragraph) for paragraph in paragraphs if paragraph)
    return ArticleContent(headline=headline, body=body)
