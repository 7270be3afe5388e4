"""Photos into the body: from files, drops and the clipboard, stored first, then placed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMimeData
from PySide6.QtGui import QImage, QTextBlockFormat, QTextCursor, QTextFormat, QTextImageFormat

from deskeditor.core.images import DEFAULT_MAX_IMAGE_BYTES
from deskeditor.core.models import ImageAsset

P = QTextFormat.Property
IMAGE_SUFFIXES = frozenset({".jpg", ".jpeg", ".png", ".webp", ".gif"})
IMAGE_FILTER = "Images (*.jpg *.jpeg *.png *.webp *.gif);;All files (*)"
PASTED_NAME = "The pasted image"


@dataclass(frozen=True, slots=True)
class ImageSource:
    """Bytes to store and the name a message about them uses."""

    data: bytes
    name: str


def image_paths(mime: QMimeData) -> list[Path]:
    """The local image files among dropped or copied URLs (by their suffix)."""
    if not mime.hasUrls():
        return []
    paths = [Path(url.toLocalFile()) for url in mime.urls() if url.isLocalFile()]
    return [path for path in paths if path.suffix.lower() in IMAGE_SUFFIXES]


def has_image(mime: QMimeData) -> bool:
    """Whether a paste or drop is a photo: image files, or image data without text.

    Word and spreadsheets put a picture of the copied text beside the text; that text
    is what the writer meant, so image data counts only where there is no text.
    """
    if image_paths(mime):
        return True
    return mime.hasImage() and not (mime.hasText() and mime.text().strip())


def read_file(path: Path, max_bytes: int = DEFAULT_MAX_IMAGE_BYTES) -> ImageSource | str:
    """The file's bytes, or a message why they cannot be had (missing, unreadable, too big)."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            # Refused before reading: a 2 GB file need not be read to be told it is too big.
            limit = f"{max_bytes / 1e6:.0f}"
            return f"{path.name} is {size / 1e6:.1f} MB; images may be at most {limit} MB."
        return ImageSource(path.read_bytes(), path.name)
    except OSError as error:
        return f"{path.name} cannot be read ({error.strerror or error})."


def png_bytes(image: QImage) -> bytes:
    """Clipboard image data as a PNG (lossless, and every browser shows it)."""
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub wants bytes; str works
    buffer.close()
    return bytes(array.data())


def mime_sources(mime: QMimeData) -> list[ImageSource | str]:
    """What a paste or drop offers: files first; else the image data as PNG."""
    paths = image_paths(mime)
    if paths:
        return [read_file(path) for path in paths]
    image = mime.imageData()
    if isinstance(image, QImage) and not image.isNull():
        return [ImageSource(png_bytes(image), PASTED_NAME)]
    return [f"{PASTED_NAME} is empty."]


def photo_format(asset: ImageAsset) -> QTextImageFormat:
    """The body's stand-in for ![alt](asset:<sha256>): the alt is the stored photo's."""
    image = QTextImageFormat()
    image.setName(asset.uri)
    image.setProperty(P.ImageAltText, asset.alt)
    image.setProperty(P.ImageTitle, "")
    return image


def insert_photos(cursor: QTextCursor, assets: Sequence[ImageAsset]) -> None:
    """Put each photo in a paragraph of its own (a figure with its caption), one undo step.

    The text around the cursor keeps its paragraphs: the photos go between the halves.
    """
    if not assets:
        return
    cursor.beginEditBlock()
    try:
        cursor.removeSelectedText()
        original = cursor.blockFormat()
        plain = QTextBlockFormat(original)
        plain.setHeadingLevel(0)  # a photo is not a heading, even dropped into one
        plain.clearProperty(P.FontSizeAdjustment)
        for asset in assets:
            if cursor.atBlockStart():
                cursor.setBlockFormat(plain)
            else:
                cursor.insertBlock(plain)
            cursor.insertImage(photo_format(asset))
        if not cursor.atBlockEnd():
            cursor.insertBlock(original)
    finally:
        cursor.endEditBlock()
