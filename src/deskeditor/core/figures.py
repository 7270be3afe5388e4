"""Photos in rendered pages: asset: images become captioned figures, missing ones placeholders."""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Protocol

from deskeditor.core.errors import ArticleNotFoundError
from deskeditor.core.images import ASSET_REFERENCE, DISPLAY_WIDTH
from deskeditor.core.models import ImageAsset, Language

ResolvedPhotos = tuple[tuple[str, ImageAsset | None, str], ...]
"""(sha256, asset or None, href) for each photo a body uses, in sha256 order."""

# nh3 serializes every attribute value double-quoted with '"' escaped, so a value never
# holds a '"' and these patterns cannot be fooled by an attribute that contains '>'.
_ATTRIBUTES = r'((?:\s+[^\s="/>]+(?:="[^"]*")?)*)\s*/?>'
_IMG = re.compile(r"<img" + _ATTRIBUTES)
# An image alone in its paragraph is a figure; an image inside running text stays inline.
_PHOTO_PARAGRAPH = re.compile(r"<p>\s*(<img" + _ATTRIBUTES + r")\s*</p>")
_ATTRIBUTE = re.compile(r'\s+([^\s="/>]+)(?:="([^"]*)")?')

MISSING_LABEL: dict[Language, str] = {
    Language.KO: "사진을 찾을 수 없습니다",
    Language.EN: "Photo not found",
}
"""What a placeholder says where a photo the body names is not in the store."""


@dataclass(frozen=True, slots=True)
class Photos:
    """How a page finds its photos: the stored words of each, and the URL it is shown from."""

    lookup: Callable[[str], ImageAsset | None]
    """sha256 -> asset, None if the store does not hold it."""
    href: Callable[[ImageAsset], str]
    """asset -> the src URL for this output (preview URL, data URI, relative file)."""


@dataclass(frozen=True, slots=True)
class PhotoTable:
    """Photos as plain data: the assets and their hrefs, picklable for export workers."""

    assets: Mapping[str, ImageAsset]
    hrefs: Mapping[str, str]
    data: Mapping[str, tuple[bytes, str]] = field(default_factory=dict)
    """Bytes and media type by sha256, for outputs that carry the photo itself (Word)."""

    def photos(self) -> Photos:
        return Photos(lookup=self.assets.get, href=lambda asset: self.hrefs[asset.sha256])


def with_image_alts(html_text: str) -> str:
    """Give every <img> without alt text an empty one.

    Markdown images always carry alt; raw HTML ones may not, and an image without alt is
    invalid HTML that screen readers announce by file name. Empty alt marks it decorative.
    """
    if "<img" not in html_text:
        return html_text

    def fix(match: re.Match[str]) -> str:
        attributes = match.group(1)
        if "alt" in (name for name, _ in _ATTRIBUTE.findall(attributes)):
            return match.group()
        return f'<img{attributes} alt="">'

    return _IMG.sub(fix, html_text)


class ImageLookup(Protocol):
    """Anything that finds a stored photo's words by sha256: the Store does."""

    def image(self, sha256: str) -> ImageAsset: ...


def store_photos(
    store: ImageLookup, href: Callable[[ImageAsset], str] = lambda asset: asset.uri
) -> Photos:
    """Photos looked up in the store, one query each; a photo it lacks is None."""

    def lookup(sha256: str) -> ImageAsset | None:
        try:
            return store.image(sha256)
        except ArticleNotFoundError:
            return None

    return Photos(lookup=lookup, href=href)


def asset_sha(reference: str) -> str:
    """The sha256 in "asset:<sha256>" or a bare sha256; empty if it is neither."""
    text = reference.strip().removeprefix("asset:")
    return text if re.fullmatch(r"[0-9a-f]{64}", text) else ""


def resolve(shas: set[str] | frozenset[str], photos: Photos) -> ResolvedPhotos:
    """Look up each photo once; the result is also the render cache's key.

    It holds every word a figure prints and every href, so a caption edited in the store
    or another output's URLs make a different key, and a stale page is never served.
    """
    resolved: list[tuple[str, ImageAsset | None, str]] = []
    for sha in sorted(shas):
        asset = photos.lookup(sha)
        resolved.append((sha, asset, photos.href(asset) if asset is not None else ""))
    return tuple(resolved)


def display_size(asset: ImageAsset) -> tuple[int, int]:
    """The size the page shows: the display copy's, never wider than DISPLAY_WIDTH.

    width and height only reserve the box (so text does not jump as photos load);
    CSS scales the photo to the column.
    """
    if asset.width <= DISPLAY_WIDTH:
        return asset.width, asset.height
    return DISPLAY_WIDTH, max(1, round(asset.height * DISPLAY_WIDTH / asset.width))


def caption_html(asset: ImageAsset | None, title: str) -> str:
    """The escaped figcaption contents: caption (the store's, else the Markdown title), credit."""
    caption = (asset.caption if asset else "").strip() or title.strip()
    credit = (asset.credit if asset else "").strip()
    parts = [html.escape(caption)] if caption else []
    if credit:
        parts.append(f'<span class="credit">{html.escape(credit)}</span>')
    return " ".join(parts)


def figure_html(
    asset: ImageAsset | None,
    href: str,
    *,
    alt: str = "",
    title: str = "",
    language: Language = Language.EN,
    css_class: str = "",
    lazy: bool = True,
) -> str:
    """One <figure>: the photo with its caption and credit, or an accessible placeholder.

    Every value is escaped here; nothing from the store or the body is trusted as markup.
    """
    alt = alt.strip() or (asset.alt.strip() if asset else "")
    caption = caption_html(asset, title)
    figcaption = f"<figcaption>{caption}</figcaption>" if caption else ""
    if asset is None:
        label = MISSING_LABEL[language]
        spoken = f"{label}: {alt}" if alt else label
        return (
            f'<figure class="photo photo-missing{_extra(css_class)}">'
            f'<span class="photo-placeholder" role="img" aria-label="{html.escape(spoken)}">'
            f"{html.escape(label)}</span>{figcaption}</figure>"
        )
    width, height = display_size(asset)
    return (
        f'<figure class="photo{_extra(css_class)}">'
        f'<img src="{html.escape(href)}" alt="{html.escape(alt)}" width="{width}" '
        f'height="{height}" loading="{"lazy" if lazy else "eager"}" decoding="async">'
        f"{figcaption}</figure>"
    )


def _extra(css_class: str) -> str:
    return f" {css_class}" if css_class else ""


def with_figures(fragment: str, resolved: ResolvedPhotos, language: Language) -> str:
    """Turn the asset: images of sanitized HTML into figures (alone) or plain images (inline).

    Runs after nh3, on its serialization: attribute values are unescaped, then every
    value written back is escaped again, so the result is as safe as nh3's.
    """
    if "asset:" not in fragment:
        return fragment
    table = {sha: (asset, href) for sha, asset, href in resolved}

    def paragraph(match: re.Match[str]) -> str:
        attributes = _attributes(match.group(2))
        sha = _asset_of(attributes)
        if sha is None:
            return match.group()
        asset, href = table.get(sha, (None, ""))
        return figure_html(
            asset,
            href,
            alt=attributes.get("alt", ""),
            title=attributes.get("title", ""),
            language=language,
        )

    def inline(match: re.Match[str]) -> str:
        attributes = _attributes(match.group(1))
        sha = _asset_of(attributes)
        if sha is None:
            return match.group()
        asset, href = table.get(sha, (None, ""))
        alt = attributes.get("alt", "").strip() or (asset.alt.strip() if asset else "")
        if asset is None:
            label = MISSING_LABEL[language]
            spoken = f"{label}: {alt}" if alt else label
            return (
                f'<span class="photo-placeholder" role="img" aria-label="{html.escape(spoken)}">'
                f"{html.escape(label)}</span>"
            )
        width, height = display_size(asset)
        title = attributes.get("title", "")
        title_attribute = f' title="{html.escape(title)}"' if title else ""
        return (
            f'<img src="{html.escape(href)}" alt="{html.escape(alt)}"{title_attribute} '
            f'width="{width}" height="{height}" loading="lazy" decoding="async">'
        )

    return _IMG.sub(inline, _PHOTO_PARAGRAPH.sub(paragraph, fragment))


def _attributes(text: str) -> dict[str, str]:
    return {name: html.unescape(value or "") for name, value in _ATTRIBUTE.findall(text)}


def _asset_of(attributes: Mapping[str, str]) -> str | None:
    match = ASSET_REFERENCE.fullmatch(attributes.get("src", "").strip())
    return match.group(1) if match else None


def body_assets(markdown_text: str) -> frozenset[str]:
    """Every sha256 a Markdown body names as asset:<sha256>."""
    return frozenset(ASSET_REFERENCE.findall(markdown_text))


@dataclass(frozen=True, slots=True)
class MissingAlt:
    """A photo a body shows with no alt text anywhere: not in the Markdown, not in the store."""

    sha256: str
    asset: ImageAsset | None
    """None when the store does not hold the photo at all."""


_MARKDOWN_IMAGE = re.compile(r"!\[((?:\\.|[^\]\\])*)\]\(\s*<?asset:([0-9a-f]{64})>?")


def missing_alt(markdown_text: str, photos: Photos, *, feature_image: str = "") -> list[MissingAlt]:
    """Photos that a reader who cannot see them would get no words for, in page order.

    One entry per photo: a photo used twice counts once, and has alt if any use gives it.
    The lead photo (feature_image, a sha256 or asset: URI) has only the store's alt.
    """
    alts: dict[str, bool] = {}
    if asset_sha(feature_image):
        alts[asset_sha(feature_image)] = False
    for match in _MARKDOWN_IMAGE.finditer(markdown_text):
        sha = match.group(2)
        alts[sha] = alts.get(sha, False) or bool(match.group(1).strip())
    found: list[MissingAlt] = []
    for sha, has_alt in alts.items():
        if has_alt:
            continue
        asset = photos.lookup(sha)
        if asset is None or not asset.alt.strip():
            found.append(MissingAlt(sha, asset))
    return found


@dataclass(frozen=True, slots=True)
class LeadPhoto:
    """The article's lead photo as a page shows it: a figure atop the body, a social-card URL."""

    figure: str
    """Escaped <figure> HTML, or empty when the article has no lead photo."""
    card_url: str
    """For og:image, twitter:image and JSON-LD: empty when there is no URL to give."""


def lead_photo(feature_image: str, photos: Photos | None, language: Language) -> LeadPhoto:
    """The lead photo of an article, looked up through photos.

    A data: URI is never a card URL: crawlers do not read one, and repeating the photo in
    three more places would quadruple the weight of a standalone page.
    """
    sha = asset_sha(feature_image)
    if not sha or photos is None:
        return LeadPhoto("", "")
    ((_, asset, href),) = resolve({sha}, photos)
    figure = figure_html(asset, href, language=language, css_class="lead-photo", lazy=False)
    card_url = href if asset is not None and not href.startswith("data:") else ""
    return LeadPhoto(figure, card_url)
