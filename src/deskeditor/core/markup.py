"""Markdown -> sanitized HTML with the one set of Python-Markdown extensions the app uses."""

from __future__ import annotations

import markdown
from markdown.treeprocessors import InlineProcessor
from markdown.util import AtomicString

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

# Every inline pattern of the chosen set can match only where one of its strings occurs
# in the text it scans; Python-Markdown tries each pattern on each text node regardless,
# which is most of a conversion's time. A pattern not listed is always tried.
INLINE_TRIGGERS: dict[str, tuple[str, ...]] = {
    "backtick": ("`", "\\"),
    "escape": ("\\",),
    "reference": ("[",),
    "link": ("[",),
    "image_link": ("![",),
    "image_reference": ("![",),
    "short_reference": ("[",),
    "short_image_ref": ("![",),
    "autolink": ("<",),
    "automail": ("<",),
    "linebreak": ("  \n",),
    "html": ("<",),
    "entity": ("&",),
    "em_strong": ("*", "_"),
    "em_strong2": ("*", "_"),
    "not_strong": ("*", "_"),
    "delimiter": ("~",),
}
INLINE_PRIORITY = 20
"""Python-Markdown's own priority for its inline tree processor, which ours replaces."""


class TriggeredInlineProcessor(InlineProcessor):
    """Python-Markdown's inline processor, skipping patterns that cannot match the text.

    Same output by construction (a skipped pattern is one whose regex finds nothing), and
    tests compare it with the stock processor on random and real articles.
    """

    def __init__(self, md: markdown.Markdown) -> None:
        super().__init__(md)
        # The patterns in priority order, each with the strings one of which it needs
        # (None: always tried), and every such string, for a quick look at plain text.
        registry = md.inlinePatterns
        by_index = {
            registry.get_index_for_name(name): strings
            for name, strings in INLINE_TRIGGERS.items()
            if name in registry
        }
        self._patterns: list[tuple[object, tuple[str, ...] | None]] = [
            (pattern, by_index.get(index)) for index, pattern in enumerate(registry)
        ]
        self._all_known = all(triggers is not None for _, triggers in self._patterns)
        self._any_trigger = tuple(
            {text for _, triggers in self._patterns for text in triggers or ()}
        )

    # Python-Markdown's private loop over the patterns (name-mangled __handleInline), kept
    # step for step: a pattern is tried from start_index on, a match keeps the same pattern
    # going from after its placeholder, a miss moves on to the next pattern from 0.
    def _InlineProcessor__handleInline(  # noqa: N802
        self, data: str, pattern_index: int = 0
    ) -> str:
        if isinstance(data, AtomicString):
            return data
        if self._all_known and all(text not in data for text in self._any_trigger):
            return data  # plain prose: nothing can match
        apply = self._InlineProcessor__applyPattern  # type: ignore[attr-defined]
        patterns = self._patterns
        start_index = 0
        while pattern_index < len(patterns):
            pattern, triggers = patterns[pattern_index]
            if triggers is not None and all(data.find(t, start_index) < 0 for t in triggers):
                pattern_index, start_index = pattern_index + 1, 0
                continue
            data, matched, start_index = apply(pattern, data, pattern_index, start_index)
            if not matched:
                pattern_index += 1
        return data


def build_markdown(*, fast_inline: bool = True) -> markdown.Markdown:
    """A Python-Markdown instance with the app's extensions (fast_inline off: stock, for tests)."""
    md = markdown.Markdown(
        extensions=list(MARKDOWN_EXTENSIONS),
        extension_configs=MARKDOWN_EXTENSION_CONFIGS,
        output_format="html",
    )
    if fast_inline:
        md.treeprocessors.register(TriggeredInlineProcessor(md), "inline", INLINE_PRIORITY)
    return md


class MarkdownConverter:
    """A Python-Markdown instance built once and reset before every conversion."""

    def __init__(self) -> None:
        self._md = build_markdown()

    def to_html(self, text: str) -> str:
        """The sanitized HTML fragment for a Markdown text."""
        self._md.reset()
        return sanitize_html(self._md.convert(text))

    def to_unsafe_html(self, text: str) -> str:
        """Python-Markdown's raw output, for comparisons in tests; never show it."""
        self._md.reset()
        return self._md.convert(text)
