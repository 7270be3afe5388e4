"""Photos for export: each page's PhotoTable, and the image files an export writes once."""

from __future__ import annotations

import base64
import io
from dataclasses import dataclass
from enum import Enum
from pathlib import Path
from typing import Protocol

from PIL import Image

from deskeditor.core.errors import DeskeditorError
from deskeditor.core.figures import PhotoTable, asset_sha, body_assets
from deskeditor.core.images import DISPLAY_WIDTH, EXTENSIONS
from deskeditor.core.models import Article, ImageAsset

IMAGES_FOLDER = "images"
"""Where an edition or a Markdown export puts its photos, beside the pages."""

INLINED_CACHE = 32
"""Inlined photos remembered across the pages of one export, so one on many pages is read once."""

WORD_MEDIA_TYPES = frozenset({"image/jpeg", "image/png", "image/gif"})
"""What python-docx can place; a WebP photo is converted to PNG for Word."""


class ImageLibrary(Protocol):
    """Where an export reads photos from: the Store has these methods."""

    def image(self, sha256: str) -> ImageAsset: ...

    def image_data(self, sha256: str) -> tuple[bytes, str]: ...

    def display_image(self, sha256: str, width: int = ...) -> tuple[bytes, str]: ...


class PhotoMode(Enum):
    """How an output carries its photos."""

    EMBED = "embed"
    """Data URIs in a standalone HTML page."""
    DISPLAY_FILES = "display files"
    """Display copies written to images/ and linked relatively (an edition)."""
    ORIGINAL_FILES = "original files"
    """Originals written to images/ and linked relatively (Markdown)."""
    WORD = "word"
    """Display copies handed to the Word writer, in a format Word places."""
    WORDS = "words"
    """Only captions and credits (plain text)."""


@dataclass(frozen=True, slots=True)
class ImageFile:
    """One photo file an export writes: where, what bytes, and what to call it in an error."""

    path: Path
    data: bytes
    what: str


def article_photos(article: Article) -> frozenset[str]:
    """Every photo an article shows: the body's and the lead photo."""
    body = article.content.body
    shas = body_assets(body) if "asset:" in body else frozenset()
    lead = asset_sha(article.content.feature_image)
    return shas | {lead} if lead else shas


class PhotoExport:
    """Gathers the photos of one export: a PhotoTable per page, each image file once.

    Reads the store in this process; the tables it makes are plain data, so the
    export's worker processes render with them and never open the store.
    """

    def __init__(self, library: ImageLibrary, mode: PhotoMode, out_dir: Path) -> None:
        self._library = library
        self._mode = mode
        self._out_dir = Path(out_dir)
        self._assets: dict[str, ImageAsset | None] = {}
        self._hrefs: dict[str, str] = {}
        self._word: dict[str, tuple[bytes, str]] = {}
        self._pending: list[ImageFile] = []
        self.problems: list[str] = []
        """One line per photo the export could not include (shown as a placeholder)."""

    def table(self, article: Article) -> PhotoTable | None:
        """The photos one page needs, or None when it shows none."""
        shas = article_photos(article)
        if not shas:
            return None
        assets: dict[str, ImageAsset] = {}
        hrefs: dict[str, str] = {}
        data: dict[str, tuple[bytes, str]] = {}
        for sha in sorted(shas):
            asset = self._asset(sha, article)
            if asset is None:
                continue
            href = self._href(asset)
            if href is None:
                continue
            assets[sha], hrefs[sha] = asset, href
            if self._mode is PhotoMode.WORD:
                data[sha] = self._word[sha]
        inlined = self._mode in (PhotoMode.EMBED, PhotoMode.WORD)
        if inlined and len(self._hrefs) > INLINED_CACHE:
            # The tables keep what they need; a long export must not hold every photo.
            # (File hrefs are never forgotten: they are what writes each file once.)
            self._hrefs.clear()
            self._word.clear()
        return PhotoTable(assets=assets, hrefs=hrefs, data=data)

    def take_files(self) -> list[ImageFile]:
        """The image files found since the last call, each photo's file only once."""
        files, self._pending = self._pending, []
        return files

    def _asset(self, sha: str, article: Article) -> ImageAsset | None:
        if sha not in self._assets:
            try:
                self._assets[sha] = self._library.image(sha)
            except DeskeditorError:
                self._assets[sha] = None
                self.problems.append(
                    f"article {int(article.id)}: photo {sha[:12]}… is not in the store; "
                    "a placeholder stands in for it"
                )
        return self._assets[sha]

    def _href(self, asset: ImageAsset) -> str | None:
        sha = asset.sha256
        if sha in self._hrefs:
            return self._hrefs[sha]
        try:
            href = self._make_href(asset)
        except (DeskeditorError, OSError, ValueError) as error:
            self._assets[sha] = None
            self.problems.append(f"photo {sha[:12]}… could not be read ({error}); left out")
            return None
        self._hrefs[sha] = href
        return href

    def _make_href(self, asset: ImageAsset) -> str:
        sha = asset.sha256
        mode = self._mode
        if mode is PhotoMode.WORDS:
            return asset.uri
        if mode is PhotoMode.WORD:
            self._word[sha] = word_picture(*self._library.display_image(sha, DISPLAY_WIDTH))
            return asset.uri
        if mode is PhotoMode.ORIGINAL_FILES:
            data, media_type = self._library.image_data(sha)
        else:
            # The page shows at most DISPLAY_WIDTH pixels: a 20 MB original would only
            # make the page slow to open, and, inlined, four thirds as heavy again.
            data, media_type = self._library.display_image(sha, DISPLAY_WIDTH)
        if mode is PhotoMode.EMBED:
            return f"data:{media_type};base64,{base64.b64encode(data).decode('ascii')}"
        name = f"{IMAGES_FOLDER}/{sha}.{EXTENSIONS.get(media_type, 'bin')}"
        self._pending.append(ImageFile(self._out_dir / name, data, f"photo {sha[:12]}…"))
        return name


def word_picture(data: bytes, media_type: str) -> tuple[bytes, str]:
    """The photo in a format Word places: JPEG, PNG and GIF as they are, others as PNG."""
    if media_type in WORD_MEDIA_TYPES:
        return data, media_type
    with Image.open(io.BytesIO(data)) as image:
        converted = image.convert("RGBA")
    buffer = io.BytesIO()
    converted.save(buffer, "PNG")
    return buffer.getvalue(), "image/png"
