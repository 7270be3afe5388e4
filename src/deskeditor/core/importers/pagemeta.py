"""What a saved news page says about itself: Open Graph, article:, meta tags and JSON-LD."""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass

from lxml.html import HtmlElement

from deskeditor.core.models import Language

# schema.org types a news page uses for its story.
_ARTICLE_TYPES = frozenset(
    {"NewsArticle", "Article", "ReportageNews", "AnalysisNewsArticle", "OpinionNewsArticle",
     "BackgroundNewsArticle", "ReviewNewsArticle", "BlogPosting", "Report"}
)  # fmt: skip
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " : ", " < ")


@dataclass(frozen=True, slots=True)
class PageMeta:
    """The page's own account of its story; empty strings where it says nothing."""

    headline: str = ""
    alternative_headline: str = ""
    description: str = ""
    author: str = ""
    published: str = ""
    modified: str = ""
    section: str = ""
    tags: tuple[str, ...] = ()
    url: str = ""
    language: Language | None = None


def page_metadata(document: HtmlElement) -> PageMeta:
    """JSON-LD first (the most structured), then Open Graph and article:, then plain meta."""
    meta = _meta_tags(document)
    story = _json_ld_story(document)

    def first(*values: object) -> str:
        for value in values:
            text = " ".join(_as_text(value).split())
            if text:
                return text
        return ""

    site = first(meta.get("og:site_name"))
    return PageMeta(
        headline=first(
            story.get("headline"),
            meta.get("og:title"),
            meta.get("twitter:title"),
            _page_title(document, site),
        ),
        alternative_headline=first(story.get("alternativeHeadline")),
        description=first(
            meta.get("og:description"),
            meta.get("description"),
            meta.get("twitter:description"),
            story.get("description"),
        ),
        author=first(
            _people(story.get("author")),
            _not_a_link(meta.get("article:author", "")),
            meta.get("author"),
            meta.get("dc.creator"),
        ),
        published=first(
            story.get("datePublished"),
            meta.get("article:published_time"),
            meta.get("pubdate"),
            meta.get("date"),
            meta.get("dc.date"),
        ),
        modified=first(story.get("dateModified"), meta.get("article:modified_time")),
        section=first(_first_item(story.get("articleSection")), meta.get("article:section")),
        tags=_tags(meta, story),
        url=first(meta.get("og:url"), _canonical(document), story.get("url")),
        language=_language(document.get("lang", "") or meta.get("og:locale", "")),
    )


def _meta_tags(document: HtmlElement) -> dict[str, str]:
    """name= and property= metas by lowercased key; the first of each wins (article:tag: all)."""
    found: dict[str, str] = {}
    tags: list[str] = []
    for element in document.iter("meta"):
        key = (element.get("property") or element.get("name") or "").strip().lower()
        content = element.get("content")
        if not key or content is None:
            continue
        if key == "article:tag":
            tags.append(content)
        found.setdefault(key, content)
    found["article:tag"] = "\x1f".join(tags)
    return found


def _json_ld_story(document: HtmlElement) -> dict[str, object]:
    for script in document.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            continue  # pages ship broken JSON-LD often enough; it is only a hint
        for item in _json_objects(data):
            kinds = item.get("@type")
            kinds = kinds if isinstance(kinds, list) else [kinds]
            if any(kind in _ARTICLE_TYPES for kind in kinds if isinstance(kind, str)):
                return item
    return {}


def _json_objects(data: object) -> Iterator[dict[str, object]]:
    """Every object in a JSON-LD block: top level, in lists and in @graph."""
    if isinstance(data, list):
        for item in data:
            yield from _json_objects(item)
    elif isinstance(data, dict):
        yield data
        yield from _json_objects(data.get("@graph"))


def _as_text(value: object) -> str:
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    return ""


def _people(value: object) -> str:
    """JSON-LD authors: a name, a Person, or a list of either."""
    items = value if isinstance(value, list) else [value]
    names: list[str] = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        text = " ".join(_as_text(name).split())
        if text and text not in names:
            names.append(text)
    return ", ".join(names)


def _not_a_link(value: str) -> str:
    """article:author is often a profile URL, which is no byline."""
    return "" if value.strip().lower().startswith(("http://", "https://", "//")) else value


def _first_item(value: object) -> object:
    return value[0] if isinstance(value, list) and value else value


def _tags(meta: dict[str, str], story: dict[str, object]) -> tuple[str, ...]:
    keywords = story.get("keywords")
    if meta.get("article:tag"):
        items = meta["article:tag"].split("\x1f")
    elif isinstance(keywords, list):
        items = [_as_text(item) for item in keywords]
    else:
        text = _as_text(keywords) or meta.get("news_keywords") or meta.get("keywords") or ""
        items = text.split(",")
    cleaned = (" ".join(item.split()) for item in items)
    return tuple(dict.fromkeys(tag for tag in cleaned if tag))


def _page_title(document: HtmlElement, site: str) -> str:
    """<title> without the site's name, which pages append ("Headline | Daily")."""
    title = document.find(".//title")
    text = " ".join((title.text_content() if title is not None else "").split())
    if site:
        for separator in _TITLE_SEPARATORS:
            head, found, tail = text.rpartition(separator)
            if found and tail.strip() == site:
                return head.strip()
    return text


def _canonical(document: HtmlElement) -> str:
    for link in document.iter("link"):
        if (link.get("rel") or "").strip().lower() == "canonical":
            return link.get("href") or ""
    return ""


def _language(tag: str) -> Language | None:
    code = tag.strip().lower().replace("_", "-").split("-")[0]
    return Language(code) if code in {language.value for language in Language} else None
