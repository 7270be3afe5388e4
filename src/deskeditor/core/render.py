"""The one renderer, shared by the preview and every export: article, front and section pages."""

from __future__ import annotations

import base64
import hashlib
import json
import re
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, tzinfo
from pathlib import Path

import jinja2
from markupsafe import Markup, escape

from deskeditor.core.dates import date_line, iso_datetime, local_moment, timestamp
from deskeditor.core.figures import (
    Photos,
    ResolvedPhotos,
    body_assets,
    lead_photo,
    resolve,
    with_figures,
    with_image_alts,
)
from deskeditor.core.language import article_language
from deskeditor.core.markup import MarkdownConverter
from deskeditor.core.models import Article, Language

TEMPLATE_NAME = "article.html.j2"
FRONT_TEMPLATE_NAME = "front.html.j2"
SECTION_TEMPLATE_NAME = "section.html.j2"
CSS_NAME = "article.css"
EDITION_CSS_NAME = "edition.css"

UNTITLED: dict[Language, str] = {Language.KO: "제목 없음", Language.EN: "Untitled"}
"""What stands in for an empty headline, in the article's language."""

LABELS: dict[Language, dict[str, str]] = {
    Language.KO: {
        "published": "입력",
        "updated": "수정",
        "more": "더보기",
        "sections": "섹션",
        "front": "1면",
    },
    Language.EN: {
        "published": "Published",
        "updated": "Updated",
        "more": "More",
        "sections": "Sections",
        "front": "Front page",
    },
}
"""The words a page prints around the journalist's text, in the page's language."""

OG_LOCALES: dict[Language, str] = {Language.KO: "ko_KR", Language.EN: "en_US"}

_EMAIL = re.compile(r"[\w.%+-]+@[\w-]+(?:\.[\w-]+)+")
# A byline's dateline prefix ("워싱턴=") and its trailing job titles are not the name.
_DATELINE_PREFIX = re.compile(r"^.*=\s*")
_ROLES = re.compile(
    r"(?:\s*(?:선임|수석|객원|인턴|전문|사진|영상)?"
    r"(?:기자|특파원|논설위원|편집위원|통신원|칼럼니스트|에디터|PD))+$"
)
_AUTHOR_SEPARATORS = re.compile(r"\s*(?:[·,/&]|\band\b|\s및\s)\s*")
# In JSON-LD inside <script>, "</script" or "<!--" would end or confuse the element;
# \u escapes keep the JSON identical once parsed.
_JSON_IN_SCRIPT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})


@dataclass(frozen=True, slots=True)
class RenderSettings:
    """Everything a Renderer is built from; picklable, so worker processes can build one too."""

    templates_dir: Path
    css_dir: Path
    tz: tzinfo | None = None


@dataclass(frozen=True, slots=True)
class SectionLink:
    """One section of an edition: the article field it matches, its shown name, its page."""

    key: str
    name: str
    href: str


@dataclass(frozen=True, slots=True)
class Edition:
    """What the pages of an exported edition share: name, language, stylesheet, navigation.

    Every href is relative to the edition's folder, where all its pages sit side by side.
    """

    title: str
    language: Language
    date_line: str
    sections: tuple[SectionLink, ...]
    stylesheet: str = "style.css"
    home: str = "index.html"

    def section_link(self, key: str) -> SectionLink | None:
        return next((link for link in self.sections if link.key == key), None)


@dataclass(frozen=True, slots=True)
class Headline:
    """One line of a front or section page: an article's headline, its page and its time."""

    text: str
    href: str
    subhead: str
    lang: str
    datetime_iso: str
    time_text: str


@dataclass(frozen=True, slots=True)
class SectionBlock:
    """One section on the front page: its link and its newest headlines."""

    link: SectionLink
    headlines: tuple[Headline, ...]


def byline_authors(byline: str) -> list[str]:
    """The people a byline names: "워싱턴=홍길동·김철수 특파원" gives 홍길동 and 김철수."""
    text = _EMAIL.sub(" ", byline)
    text = _DATELINE_PREFIX.sub("", " ".join(text.split()))
    text = re.sub(r"^[Bb]y\s+", "", text)
    names = (_ROLES.sub("", part).strip() for part in _AUTHOR_SEPARATORS.split(text))
    return [name for name in names if name]


def byline_markup(byline: str) -> Markup:
    """The byline as HTML: its text escaped, each e-mail address a mailto: link."""
    parts: list[str] = []
    position = 0
    for match in _EMAIL.finditer(byline):
        parts.append(escape(byline[position : match.start()]))
        address = escape(match.group())
        parts.append(Markup(f'<a href="mailto:{address}">{address}</a>'))
        position = match.end()
    parts.append(escape(byline[position:]))
    return Markup("").join(parts)


def json_for_script(data: object) -> Markup:
    """JSON that is safe inside <script type="application/ld+json"> and parses unchanged."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.translate(_JSON_IN_SCRIPT))


def script_hash(text: str) -> str:
    """The CSP source that names one inline script by its SHA-256."""
    digest = base64.b64encode(hashlib.sha256(text.encode("utf-8")).digest()).decode("ascii")
    return f"'sha256-{digest}'"


def display_moment(article: Article) -> datetime:
    """The moment shown as 입력 (Published): first publication, else creation."""
    return article.published_at or article.created_at


class Renderer:
    """Builds pages from the templates and stylesheets, all loaded once.

    Safe to share between threads (the preview may render off the UI thread while
    an export runs): the Markdown converter, which keeps state, is behind a lock.
    """

    def __init__(self, templates_dir: Path, css_dir: Path, *, tz: tzinfo | None = None) -> None:
        """tz is the zone for date lines; None means the machine's local zone."""
        self._settings = RenderSettings(Path(templates_dir), Path(css_dir), tz)
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
        # Every template is compiled now, the included and extended ones too: a template
        # folder replaced or removed while the app runs changes nothing until restart.
        for name in self._environment.list_templates(extensions=["j2"]):
            self._environment.get_template(name)
        self._template = self._environment.get_template(TEMPLATE_NAME)
        self._front_template = self._environment.get_template(FRONT_TEMPLATE_NAME)
        self._section_template = self._environment.get_template(SECTION_TEMPLATE_NAME)
        self._css = Markup(_read_css(Path(css_dir) / CSS_NAME))
        edition_css = _read_css(Path(css_dir) / EDITION_CSS_NAME)
        self._edition_css = f"{self._css.rstrip()}\n\n{edition_css}"
        self._converter = MarkdownConverter()
        self._lock = threading.Lock()
        # The preview re-renders on every pause in typing, often with the body
        # unchanged (the headline was edited): one remembered result skips the work.
        # Keyed on the photos' words and hrefs too: a caption edited in the store, or
        # another output's URLs, must never get the page rendered before.
        self._last_key: tuple[str, ResolvedPhotos | None, Language] | None = None
        self._last_html = ""

    @classmethod
    def from_settings(cls, settings: RenderSettings) -> Renderer:
        return cls(settings.templates_dir, settings.css_dir, tz=settings.tz)

    @property
    def settings(self) -> RenderSettings:
        return self._settings

    def date_line(self, moment: datetime, language: Language) -> str:
        """The date line for a moment, in this renderer's zone."""
        local = local_moment(moment, self._tz)
        return date_line(local, language, local.tzinfo or UTC)

    @property
    def edition_stylesheet(self) -> str:
        """The one stylesheet file an edition's pages share: the article's and the edition's."""
        return self._edition_css

    def body_html(
        self,
        markdown_text: str,
        photos: Photos | None = None,
        *,
        language: Language = Language.EN,
    ) -> str:
        """The sanitized HTML fragment for a Markdown body (every image with alt text).

        With photos, each asset: image alone in its paragraph becomes a captioned figure
        (inline ones a sized image); language is that of a missing photo's placeholder.
        """
        resolved = resolve(body_assets(markdown_text), photos) if photos else None
        key = (markdown_text, resolved, language)
        with self._lock:
            if key != self._last_key:
                fragment = with_image_alts(self._converter.to_html(markdown_text))
                if resolved is not None:
                    fragment = with_figures(fragment, resolved, language)
                self._last_html = fragment
                self._last_key = key
            return self._last_html

    def article_fragment(self, article: Article, photos: Photos | None = None) -> str:
        """The article as an HTML fragment to paste elsewhere: headline, subhead, body, byline.

        No page, no styles: a CMS or mail program keeps the structure and applies its own.
        """
        content = article.content
        parts = [f"<h1>{escape(content.headline.strip())}</h1>"] if content.headline.strip() else []
        if content.subhead.strip():
            parts.append(f"<p><strong>{escape(content.subhead.strip())}</strong></p>")
        language = article_language(content)
        lead = lead_photo(content.feature_image, photos, language)
        if lead.figure:
            parts.append(lead.figure)
        parts.append(self.body_html(content.body, photos, language=language))
        if content.byline.strip():
            parts.append(f"<p>{escape(content.byline.strip())}</p>")
        return "\n".join(parts)

    def article_page(
        self, article: Article, edition: Edition | None = None, photos: Photos | None = None
    ) -> str:
        """The whole HTML5 page: nothing runs (its one script is JSON-LD data), nothing loads.

        Standalone (the preview, a single export) it carries its CSS inline; inside an
        edition it links the edition's shared stylesheet and shows its navigation.
        """
        content = article.content
        language = article_language(content)
        labels = LABELS[language]
        headline = content.headline.strip()
        subhead = content.subhead.strip()
        section = content.section.strip()
        summary = content.summary.strip()
        byline = content.byline.strip()
        tags = [tag for tag in content.tags if tag.strip()]
        lead = lead_photo(content.feature_image, photos, language)
        published = local_moment(display_moment(article), self._tz)
        modified = local_moment(max(article.updated_at, published), self._tz)
        zone = published.tzinfo or UTC  # astimezone() always sets it; this is for mypy
        published_text = timestamp(published, language, zone)
        modified_text = timestamp(modified, language, zone)
        published_iso = iso_datetime(published, self._tz)
        modified_iso = iso_datetime(modified, self._tz)
        structured: dict[str, object] = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": headline or UNTITLED[language],
            "alternativeHeadline": subhead,
            "description": summary,
            "author": [{"@type": "Person", "name": name} for name in byline_authors(byline)],
            "datePublished": published_iso,
            "dateModified": modified_iso,
            "articleSection": section,
            "keywords": tags,
            "inLanguage": language.value,
            "image": [lead.card_url] if lead.card_url else [],
        }
        json_ld = json_for_script({key: value for key, value in structured.items() if value})
        section_link = edition.section_link(section) if edition else None
        return self._template.render(
            lang=language.value,
            labels=labels,
            og_locale=OG_LOCALES[language],
            title=headline or UNTITLED[language],
            headline=headline,
            untitled=UNTITLED[language],
            section=section,
            section_href=section_link.href if section_link else "",
            subhead=subhead,
            byline=byline,
            byline_html=byline_markup(byline),
            description=summary,
            tags=tags,
            date_line=date_line(published, language, zone),
            published_iso=published_iso,
            published_text=published_text,
            modified_iso=modified_iso,
            # Shown only when it says something: an edit after the article went out.
            modified_text=modified_text if modified_text != published_text else "",
            json_ld=json_ld,
            # The JSON-LD block never runs (it is data), but a policy of 'none' reads to
            # checkers as blocking it; naming its hash allows that one block and no other.
            script_src=Markup(script_hash(json_ld)),
            # Sanitized by nh3 in body_html: the only value the template trusts.
            body=Markup(self.body_html(content.body, photos, language=language)),
            # Escaped in figures.figure_html, like the body's figures.
            lead_figure=Markup(lead.figure),
            card_image=lead.card_url,
            css=self._css,
            edition=edition,
            edition_labels=LABELS[edition.language] if edition else labels,
            masthead_heading=False,
            current_href=section_link.href if section_link else "",
        )

    def front_page(self, edition: Edition, blocks: Sequence[SectionBlock]) -> str:
        """An edition's index.html: one block per section, newest headlines first."""
        return self._front_template.render(
            lang=edition.language.value,
            labels=LABELS[edition.language],
            title=edition.title,
            edition=edition,
            edition_labels=LABELS[edition.language],
            masthead_heading=True,
            script_src=Markup("'none'"),
            blocks=blocks,
            current_href=edition.home,
        )

    def section_page(
        self, edition: Edition, link: SectionLink, headlines: Sequence[Headline]
    ) -> str:
        """One section's page in an edition: every headline it holds, newest first."""
        return self._section_template.render(
            lang=edition.language.value,
            labels=LABELS[edition.language],
            title=f"{link.name} - {edition.title}",
            edition=edition,
            edition_labels=LABELS[edition.language],
            masthead_heading=False,
            script_src=Markup("'none'"),
            link=link,
            headlines=headlines,
            current_href=link.href,
        )

    def headline(self, article: Article, href: str) -> Headline:
        """The line a front or section page shows for an article."""
        content = article.content
        language = article_language(content)
        moment = local_moment(display_moment(article), self._tz)
        return Headline(
            text=content.headline.strip() or UNTITLED[language],
            href=href,
            subhead=content.subhead.strip(),
            lang=language.value,
            datetime_iso=iso_datetime(moment, self._tz),
            time_text=timestamp(moment, language, moment.tzinfo or UTC),
        )


def _read_css(path: Path) -> str:
    css = path.read_text(encoding="utf-8")
    if "</style" in css.lower():
        # Inlined raw into <style>; this would end the element early.
        raise ValueError(f"{path.name} must not contain '</style'")
    return css
