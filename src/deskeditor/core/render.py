"""The one renderer, shared by the preview and the HTML export: article to standalone page."""

from __future__ import annotations

import threading
from datetime import UTC, tzinfo
from pathlib import Path

import jinja2
from markupsafe import Markup

from deskeditor.core.dates import date_line, iso_datetime, local_moment
from deskeditor.core.language import article_language
from deskeditor.core.markup import MarkdownConverter
from deskeditor.core.models import Article, Language

TEMPLATE_NAME = "article.html.j2"
CSS_NAME = "article.css"

UNTITLED: dict[Language, str] = {Language.KO: "제목 없음", Language.EN: "Untitled"}
"""What stands in for an empty headline, in the article's language."""


class Renderer:
    """Builds article pages from one template and one stylesheet, both loaded once.

    Safe to share between threads (the preview may render off the UI thread while
    an export runs): the Markdown converter, which keeps state, is behind a lock.
    """

    def __init__(self, templates_dir: Path, css_dir: Path, *, tz: tzinfo | None = None) -> None:
        """tz is the zone for date lines; None means the machine's local zone."""
        self._tz = tz
        self._environment = jinja2.Environment(
            loader=jinja2.FileSystemLoader(templates_dir),
            # On for every template, whatever its file name: headline, subhead,
            # byline and section are user text and must never become markup.
            autoescape=True,
            undefined=jinja2.StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
            keep_trailing_newline=True,
            auto_reload=False,
        )
        self._template = self._environment.get_template(TEMPLATE_NAME)
        css = (Path(css_dir) / CSS_NAME).read_text(encoding="utf-8")
        if "</style" in css.lower():
            # Inlined raw into <style>; this would end the element early.
            raise ValueError(f"{CSS_NAME} must not contain '</style'")
        self._css = Markup(css)
        self._converter = MarkdownConverter()
        self._lock = threading.Lock()
        # The preview re-renders on every pause in typing, often with the body
        # unchanged (the headline was edited): one remembered result skips the work.
        self._last_markdown: str | None = None
        self._last_html = ""

    def body_html(self, markdown_text: str) -> str:
        """The sanitized HTML fragment for a Markdown body."""
        with self._lock:
            if markdown_text != self._last_markdown:
                self._last_html = self._converter.to_html(markdown_text)
                self._last_markdown = markdown_text
            return self._last_html

    def article_page(self, article: Article) -> str:
        """The whole standalone HTML5 page: CSS inlined, no scripts, no external fonts or CSS."""
        content = article.content
        language = article_language(content)
        headline = content.headline.strip()
        created = local_moment(article.created_at, self._tz)
        return self._template.render(
            lang=language.value,
            title=headline or UNTITLED[language],
            headline=headline,
            untitled=UNTITLED[language],
            section=content.section.strip(),
            subhead=content.subhead.strip(),
            byline=content.byline.strip(),
            description=content.summary.strip(),
            datetime_iso=iso_datetime(created, self._tz),
            # astimezone() always sets tzinfo; 'or UTC' is there for the type checker.
            date_line=date_line(created, language, created.tzinfo or UTC),
            # Sanitized by nh3 in body_html: the only value the template trusts.
            body=Markup(self.body_html(content.body)),
            css=self._css,
        )
