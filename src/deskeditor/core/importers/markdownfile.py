"""Markdown files (with optional YAML front matter) → article content."""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import replace
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

import yaml

from deskeditor.core.errors import ImportFileError
from deskeditor.core.importers.decoding import decode_text
from deskeditor.core.importers.photos import ImportedArticle, PhotoCollector
from deskeditor.core.importers.sniffing import read_bytes
from deskeditor.core.models import ArticleContent, Language, Status

# Front matter is a YAML block that opens on the very first line with "---" and
# closes with "---" (or YAML's own end marker "..."), as Jekyll, Hugo and Pandoc write it.
_OPENING = re.compile(r"---[ \t]*")
_CLOSING = re.compile(r"(?:---|\.\.\.)[ \t]*")

# A CommonMark ATX level-1 heading: up to three spaces, "#", a space, the text,
# optionally closed by a run of "#". "#hashtag" with no space is not a heading.
_H1 = re.compile(r" {0,3}#[ \t]+(?P<text>.*?)(?:[ \t]+#+)?[ \t]*")
_FENCE = re.compile(r" {0,3}(?P<fence>`{3,}|~{3,})")
# An inline image: ![alt](url "title"), the url bare or in <>, the title in "" or ''.
_IMAGE = re.compile(
    r"!\[(?P<alt>(?:\\.|[^\]\\])*)\]\(\s*(?P<url><[^>\n]*>|[^\s)]+)"
    r"(?:\s+(?P<title>\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])*'))?\s*\)"
)
_UNESCAPE = re.compile(r"\\(.)")


def read_markdown_file(path: Path) -> ArticleContent:
    """The article content of a Markdown file (UTF-8, UTF-16 or a legacy Korean encoding)."""
    name = str(path)
    return parse_markdown_article(decode_text(read_bytes(path), name), source=name)


def parse_markdown_article(text: str, *, source: str = "") -> ArticleContent:
    """The article content of decoded Markdown text; ``source`` names it in errors."""
    return _parse(text, source or "the text")[0]


def read_markdown_article(text: str, name: str, folder: Path) -> ImportedArticle:
    """The article in a Markdown file, with the images it shows from files beside it.

    Each ![alt](path "title") whose path is a file in `folder` (or below) becomes a
    stored photo: the title is its caption, and the front matter's `photos` list (as
    deskeditor's Markdown export writes it) gives back alt, caption and credit; the
    front matter's `image` becomes the lead photo.
    """
    content, meta = _parse(text, name)
    photos = PhotoCollector(name, folder)
    words = _photo_words(meta)
    body = adopt_markdown_images(content.body, photos, words)
    lead = meta.get("image")
    feature = ""
    if isinstance(lead, str) and lead.strip():
        known = words.get(lead.strip(), {})
        uri = photos.add_file(lead.strip(), alt=known.get("alt", ""))
        feature = uri.removeprefix("asset:") if uri else ""
    for file, known in words.items():
        sha = photos.sha_of(file)
        if sha:
            photos.describe(sha, caption=known.get("caption", ""), credit=known.get("credit", ""))
    return photos.article(replace(content, body=body, feature_image=feature))


def _photo_words(meta: Mapping[str, object]) -> dict[str, dict[str, str]]:
    """The front matter's photos: [{file, alt, caption, credit}], by file; junk ignored."""
    found: dict[str, dict[str, str]] = {}
    items = meta.get("photos")
    for item in items if isinstance(items, list) else []:
        if isinstance(item, Mapping) and isinstance(item.get("file"), str):
            found[item["file"].strip()] = {
                key: _single_line(_scalar_text(item.get(key) or ""))
                for key in ("alt", "caption", "credit")
            }
    return found


def adopt_markdown_images(
    body: str, photos: PhotoCollector, words: Mapping[str, Mapping[str, str]]
) -> str:
    """Local image references turned into asset: URIs, outside code blocks; others kept."""
    name = photos.source

    def image(match: re.Match[str]) -> str:
        alt, target = match.group("alt"), match.group("url").strip("<>")
        title = match.group("title") or ""
        known = words.get(target, {})
        plain_alt = _UNESCAPE.sub(r"\1", alt).strip() or known.get("alt", "")
        caption = _UNESCAPE.sub(r"\1", title[1:-1]) if title else ""
        if photos.local_path(target) is None:
            if not urlsplit(target).scheme and not target.startswith(("/", "#")):
                photos.skipped.append(
                    f"{name}: the image {target!r} is not a file beside it; the reference stays."
                )
            return match.group()  # a web address or an absolute path: kept, never read
        uri = photos.add_file(target, alt=plain_alt, caption=caption or known.get("caption", ""))
        if uri is None:
            return ""  # reported; the article imports without it
        start, end = match.span("url")
        whole = match.string
        return whole[match.start() : start] + uri + whole[end : match.end()]

    lines = body.split("\n")
    for index in _outside_code_blocks(lines):
        if "![" in lines[index]:
            lines[index] = _IMAGE.sub(image, lines[index])
    return "\n".join(lines)


def _parse(text: str, name: str) -> tuple[ArticleContent, dict[str, object]]:
    # A BOM (common from Windows tools) would hide a leading "---" or "# " line, and
    # Windows or old Mac line endings would defeat the line-based parsing below.
    lines = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    meta, body_start = _split_front_matter(lines, name)
    body_lines = lines[body_start:]

    headline = _single_line(_field(meta, "headline", name) or _field(meta, "title", name))
    if not headline:
        headline, body_lines = _take_first_heading(body_lines)

    # Our own keys first, then the Hugo/Jekyll keys our Markdown export writes, so an
    # exported file (or a static site's post) comes back whole.
    content = ArticleContent(
        headline=headline,
        subhead=_single_line(_first_field(meta, ("subhead", "subtitle", "deck"), name)),
        byline=_single_line(_field(meta, "byline", name) or _authors(meta, name)),
        section=_single_line(_field(meta, "section", name) or _first_category(meta, name)),
        body="\n".join(body_lines).strip("\n"),
        tags=_tags(meta.get("tags"), name),
        status=_status(meta.get("status"), name, draft=meta.get("draft")),
        language=_language(meta.get("language") or meta.get("lang"), name),
        summary=_first_field(meta, ("summary", "description"), name).strip(),
        slug=_single_line(_field(meta, "slug", name)),
    )
    return content, meta


def _first_field(meta: Mapping[str, object], keys: tuple[str, ...], name: str) -> str:
    """The first of several synonymous text fields that is set."""
    for key in keys:
        text = _field(meta, key, name)
        if text.strip():
            return text
    return ""


def _authors(meta: Mapping[str, object], name: str) -> str:
    """A byline from Hugo's `authors` list or Jekyll's `author`."""
    authors = meta.get("authors")
    if isinstance(authors, list):
        return ", ".join(_scalar_text(item) for item in authors if isinstance(item, str | int))
    return _field(meta, "author", name) if not isinstance(meta.get("author"), dict) else ""


def _first_category(meta: Mapping[str, object], name: str) -> str:
    """The section from Hugo/Jekyll `categories` (a list or one text)."""
    categories = meta.get("categories")
    if isinstance(categories, list):
        return next((_scalar_text(item) for item in categories if isinstance(item, str)), "")
    return _field(meta, "categories", name)


def _split_front_matter(lines: list[str], name: str) -> tuple[dict[str, object], int]:
    """The front matter mapping (empty if there is none) and the index of the first body line."""
    if not lines or not _OPENING.fullmatch(lines[0]):
        return {}, 0
    for index in range(1, len(lines)):
        if _CLOSING.fullmatch(lines[index]):
            return _load_yaml("\n".join(lines[1:index]), name), index + 1
    raise ImportFileError(
        f"Cannot import {name}: the front matter opened by '---' on line 1 is never closed."
    )


def _load_yaml(block: str, name: str) -> dict[str, object]:
    try:
        # safe_load builds only plain data (no arbitrary Python objects from a file we were sent).
        data = yaml.safe_load(block)
    except yaml.YAMLError as error:
        raise ImportFileError(f"Cannot import {name}: {_yaml_reason(error)}.") from error
    if data is None:
        return {}
    if not isinstance(data, Mapping):
        raise ImportFileError(f"Cannot import {name}: the front matter must be 'key: value' lines.")
    # "Title:" as some tools write it is the same key as "title:".
    return {str(key).strip().lower(): value for key, value in data.items()}


def _yaml_reason(error: yaml.YAMLError) -> str:
    """A one-line reason; PyYAML's own str() spans several lines."""
    if isinstance(error, yaml.MarkedYAMLError) and error.problem_mark is not None:
        # +2: the mark counts from 0, and the block starts on the file's second line.
        line = error.problem_mark.line + 2
        return f"invalid YAML front matter at line {line} ({error.problem or error.context})"
    return "invalid YAML front matter"


def _field(meta: Mapping[str, object], key: str, name: str) -> str:
    """A text field; YAML numbers, dates and booleans become the text they stand for."""
    value = meta.get(key)
    if value is None:
        return ""
    if isinstance(value, list | dict):
        raise ImportFileError(f"Cannot import {name}: '{key}' must be text, not a list.")
    return _scalar_text(value)


def _scalar_text(value: object) -> str:
    if isinstance(value, bool):  # before int: bool is an int, and "True" is Python's spelling
        return "true" if value else "false"
    if isinstance(value, datetime | date):
        return value.isoformat()
    return str(value).strip()


def _single_line(text: str) -> str:
    """Headline-like fields live in one-line inputs: collapse newlines and runs of spaces."""
    return " ".join(text.split())


def _tags(value: object, name: str) -> tuple[str, ...]:
    """Tags from a YAML list or a comma-separated string: stripped, non-empty, no repeats."""
    if value is None:
        return ()
    if isinstance(value, list):
        items: list[str] = []
        for item in value:
            if isinstance(item, list | dict):
                raise ImportFileError(f"Cannot import {name}: each tag must be text.")
            if item is not None:
                items.append(_scalar_text(item))
    elif isinstance(value, dict):
        raise ImportFileError(f"Cannot import {name}: 'tags' must be a list or a text.")
    else:
        items = _scalar_text(value).split(",")
    tags = (_single_line(item) for item in items)
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def _status(value: object, name: str, *, draft: object = None) -> Status:
    """The status field; without one, Hugo/Jekyll's `draft: false` means published."""
    if value is None or value == "":
        return Status.PUBLISHED if draft is False else Status.DRAFT
    text = _scalar_text(value).lower()
    if text not in {status.value for status in Status}:
        allowed = ", ".join(status.value for status in Status)
        raise ImportFileError(f"Cannot import {name}: unknown status '{text}' (use {allowed}).")
    return Status(text)


def _language(value: object, name: str) -> Language | None:
    """None (detect from the text) when absent, else one of the known languages."""
    if value is None or value == "":
        return None
    text = _scalar_text(value).lower()
    if text not in {language.value for language in Language}:
        allowed = ", ".join(language.value for language in Language)
        raise ImportFileError(f"Cannot import {name}: unknown language '{text}' (use {allowed}).")
    return Language(text)


def _take_first_heading(lines: list[str]) -> tuple[str, list[str]]:
    """The first level-1 heading outside code blocks, and the lines without it."""
    for index in _outside_code_blocks(lines):
        heading = _H1.fullmatch(lines[index])
        if heading and heading["text"].strip():
            return _single_line(heading["text"]), lines[:index] + lines[index + 1 :]
    return "", lines


def _outside_code_blocks(lines: list[str]) -> Iterator[int]:
    """The indexes of lines outside fenced code blocks (fence lines themselves excluded)."""
    fence = ""
    for index, line in enumerate(lines):
        marker = _FENCE.match(line)
        if fence:
            # A fence closes only with the same character, at least as long as it opened.
            if marker and marker["fence"][0] == fence[0] and len(marker["fence"]) >= len(fence):
                fence = ""
        elif marker:
            fence = marker["fence"]
        else:
            yield index
