"""Article HTML from Word or a web page → the Markdown body, through the one cleaning path."""

from __future__ import annotations

import re

from deskeditor.core.htmlclean import clean_html
from deskeditor.core.htmlreader import html_to_blocks
from deskeditor.core.markdownblocks import write_markdown

_HEADING_TAG = re.compile(r"<(/?)h([1-6])>")


def body_markdown(html: str) -> str:
    """Clean, then convert; a level-1 heading left in the body is demoted (h1 is the headline)."""
    cleaned = clean_html(html)
    if "<h1>" in cleaned:
        # clean_html leaves headings without attributes, so the tags match exactly.
        cleaned = _HEADING_TAG.sub(lambda m: f"<{m[1]}h{min(6, int(m[2]) + 1)}>", cleaned)
    # The editor's own reader and writer: one Markdown dialect in the whole project.
    return write_markdown(html_to_blocks(cleaned)).strip("\n")
