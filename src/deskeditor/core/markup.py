"""Markdown -> sanitized HTML with the one set of Python-Markdown extensions the app uses."""

from __future__ import annotations

import markdown

from deskeditor.core.sanitize import sanitize_html

# Chosen once, here, and used by the preview, the export and the editor's loader alike.
MARKDOWN_EXTENSIONS: tuple[str, ...] = (
    "tables",
    "fenced_code",
    "sane_lists",
    "pymdownx.tilde",  # ~~strikethrough~~
)
MARKDOWN_EXTENSION_CONFIGS: dict[str, dict[str, object]] = {
    "pymdownx.tilde": {"subscript": False},
}


class MarkdownConverter:
    """A Python-Markdown instance built once and reset before every conversion."""

    def __init__(self) -> None:
        self._md = markdown.Markdown(
            extensions=list(MARKDOWN_EXTENSIONS),
            extension_configs=MARKDOWN_EXTENSION_CONFIGS,
            output_format="html",
        )

    def to_html(self, text: str) -> str:
        """The sanitized HTML fragment for a Markdown text."""
        self._md.reset()
        return sanitize_html(self._md.convert(text))

    def to_unsafe_html(self, text: str) -> str:
        """Python-Markdown's raw output, for comparisons in tests; never show it."""
        self._md.reset()
        return self._md.convert(text)
