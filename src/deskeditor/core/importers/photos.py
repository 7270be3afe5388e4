"""Images inside an imported file: checked, named by SHA-256, stored with the article."""

from __future__ import annotations

import base64
import binascii
import os
import re
from dataclasses import dataclass, field, replace
from pathlib import Path
from urllib.parse import unquote, urlsplit

import lxml.html
from lxml.html import HtmlElement

from deskeditor.core.images import (
    DEFAULT_MAX_IMAGE_BYTES,
    ImageError,
    ImageFacts,
    examine_image,
    referenced_assets,
)
from deskeditor.core.models import ArticleContent

_REMOTE_SCHEMES = frozenset({"http", "https", "ftp"})
# .invalid is reserved: this host never resolves, and the URL never leaves the importer.
_STAND_IN = "https://photo.deskeditor.invalid/{sha}.jpg"
_STAND_IN_PATTERN = re.compile(r"https://photo\.deskeditor\.invalid/([0-9a-f]{64})\.jpg")


@dataclass(frozen=True, slots=True)
class ImportedPhoto:
    """One image of an imported file, checked and measured, with the words found for it."""

    data: bytes
    facts: ImageFacts
    alt: str = ""
    caption: str = ""
    credit: str = ""


@dataclass(frozen=True, slots=True)
class ImportedArticle:
    """What one file gives: the article, the photos its body refers to, what was left out."""

    content: ArticleContent
    photos: tuple[ImportedPhoto, ...] = ()
    skipped: tuple[str, ...] = ()
    """One line per image that could not be brought in, naming it and why."""


@dataclass
class PhotoCollector:
    """Gathers the images of one file: each good one once, each bad one as a message."""

    source: str
    folder: Path | None = None
    """Where relative image paths are looked up; only files inside it are read."""
    max_bytes: int = DEFAULT_MAX_IMAGE_BYTES
    photos: dict[str, ImportedPhoto] = field(default_factory=dict)
    skipped: list[str] = field(default_factory=list)
    _by_reference: dict[str, str] = field(default_factory=dict)

    def add(self, data: bytes, label: str, *, alt: str = "", caption: str = "") -> str | None:
        """Check the bytes; the asset: URI the body should use, or None if skipped."""
        try:
            facts = examine_image(data, name=label, max_bytes=self.max_bytes)
        except ImageError as error:
            self.skipped.append(f"{self.source}: {error} It was left out.")
            return None
        known = self.photos.get(facts.sha256)
        if known is None:
            self.photos[facts.sha256] = ImportedPhoto(data, facts, alt.strip(), caption.strip())
        elif not known.alt and alt.strip():
            self.photos[facts.sha256] = replace(known, alt=alt.strip())
        return facts.uri

    def add_file(self, reference: str, *, alt: str = "", caption: str = "") -> str | None:
        """A relative path from the file to an image beside it; None if it is not one."""
        path = self.local_path(reference)
        if path is None:
            return None
        label = f"the image {reference!r}"
        try:
            size = path.stat().st_size
            if size > self.max_bytes:
                # Refused before reading: the check in add() would say the same, later.
                limit = self.max_bytes / 1e6
                raise ImageError(
                    f"{label} is {size / 1e6:.1f} MB; images may be at most {limit:.0f} MB."
                )
            data = path.read_bytes()
        except ImageError as error:
            self.skipped.append(f"{self.source}: {error} It was left out.")
            return None
        except OSError as error:
            reason = error.strerror or str(error)
            self.skipped.append(f"{self.source}: {label} cannot be read ({reason}); left out.")
            return None
        uri = self.add(data, label, alt=alt, caption=caption)
        if uri is not None:
            self._by_reference[reference.strip()] = uri.removeprefix("asset:")
        return uri

    def local_path(self, reference: str) -> Path | None:
        """The file a relative reference names, if it exists inside the folder.

        Absolute paths and anything outside the file's folder are not read: a file
        sent by someone else must not pull the importer's own pictures into the store.
        """
        if self.folder is None:
            return None
        url = urlsplit(reference.strip())
        if url.scheme or url.netloc or not url.path or url.path.startswith(("/", "\\")):
            return None
        folder = os.path.realpath(self.folder)
        path = os.path.realpath(os.path.join(folder, unquote(url.path)))
        if os.path.commonpath([folder, path]) != folder or not os.path.isfile(path):
            return None
        return Path(path)

    def add_data_uri(self, uri: str, label: str, *, alt: str = "", caption: str = "") -> str | None:
        """An image inlined as a base64 data: URI (a page saved as a single file)."""
        header, _, payload = uri.partition(",")
        if not header.endswith(";base64"):
            self.skipped.append(f"{self.source}: {label} is not a base64 image; left out.")
            return None
        if len(payload) * 3 // 4 > self.max_bytes:
            limit = self.max_bytes / 1e6
            self.skipped.append(
                f"{self.source}: {label} is over {limit:.0f} MB; images may be at most "
                f"{limit:.0f} MB. It was left out."
            )
            return None
        try:
            data = base64.b64decode(payload, validate=False)
        except (ValueError, binascii.Error):
            self.skipped.append(f"{self.source}: {label} is not valid base64; left out.")
            return None
        return self.add(data, label, alt=alt, caption=caption)

    def sha_of(self, reference: str) -> str:
        """The sha256 of a photo already taken from this reference, or empty."""
        return self._by_reference.get(reference.strip(), "")

    def describe(self, sha256: str, *, caption: str = "", credit: str = "") -> None:
        """Words found later for a photo already taken (a caption under it, front matter)."""
        photo = self.photos.get(sha256)
        if photo is not None:
            self.photos[sha256] = replace(
                photo,
                caption=photo.caption or caption.strip(),
                credit=photo.credit or credit.strip(),
            )

    def article(self, content: ArticleContent) -> ImportedArticle:
        """The finished import: the photos the article uses; skipped images noted for the desk."""
        note = "\n".join(part for part in (content.editor_note, *self.skipped) if part)
        used = referenced_assets(content.body) | {content.feature_image}
        return ImportedArticle(
            content=replace(content, editor_note=note),
            photos=tuple(photo for sha, photo in self.photos.items() if sha in used),
            skipped=tuple(self.skipped),
        )


def is_remote(reference: str) -> bool:
    return urlsplit(reference.strip()).scheme.lower() in _REMOTE_SCHEMES


def adopt_page_images(document: HtmlElement, photos: PhotoCollector) -> None:
    """A saved page's own images (files beside it, data: URIs) taken in, before extraction.

    Each one's src becomes a stand-in URL that the story extractor keeps as it is (it
    keeps only http URLs that end like an image file); settle_page_images turns it into
    the photo's asset: URI. A <figcaption> becomes the photo's caption.
    """
    for image in list(document.iter("img")):
        src = (image.get("src") or "").strip()
        if not src or is_remote(src):
            continue
        figure = next(image.iterancestors("figure"), None)
        caption_element = figure.find(".//figcaption") if figure is not None else None
        caption = ""
        if caption_element is not None:
            caption = " ".join(caption_element.text_content().split())
        alt = " ".join((image.get("alt") or "").split())
        label = f"the image {src[:60]!r}"
        if src.startswith("data:"):
            uri = photos.add_data_uri(src, label, alt=alt, caption=caption)
        elif photos.local_path(src) is not None:
            uri = photos.add_file(src, alt=alt, caption=caption)
        else:
            uri = None
            photos.skipped.append(
                f"{photos.source}: {label} is not a file beside the page; left out."
            )
        if uri is None:
            image.drop_tree()  # reported above; its tail text stays
            continue
        image.set("src", _STAND_IN.format(sha=uri.removeprefix("asset:")))
        if caption_element is not None:
            caption_element.drop_tree()


def settle_page_images(story: HtmlElement) -> None:
    """The extracted story's images: stored photos by asset: URI, remote ones as plain links.

    A remote image is never fetched, and left as an image it would be fetched by every
    reader of the exported page: a link keeps the reference and loads nothing.
    """
    for image in list(story.iter("img")):
        src = (image.get("src") or "").strip()
        stand_in = _STAND_IN_PATTERN.fullmatch(src)
        parent = image.getparent()
        if stand_in is not None:
            image.set("src", f"asset:{stand_in.group(1)}")
        elif is_remote(src) and parent is not None:
            alt = " ".join((image.get("alt") or "").split())
            link = lxml.html.Element("a", href=src)
            link.text = alt or src
            link.tail = image.tail
            parent.replace(image, link)
        else:
            image.drop_tree()
