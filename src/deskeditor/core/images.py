"""Photos: checked, identified and measured with Pillow; display copies scaled once."""

from __future__ import annotations

import hashlib
import io
import re
import warnings
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from deskeditor.core.errors import DeskeditorError

DEFAULT_MAX_IMAGE_BYTES = 20 * 1024 * 1024
DISPLAY_WIDTH = 1200
"""Width of the copy the editor and preview show; the original is kept untouched."""

# Formats a browser shows everywhere; anything else is refused rather than converted.
MEDIA_TYPES: dict[str, str] = {
    "JPEG": "image/jpeg",
    "PNG": "image/png",
    "WEBP": "image/webp",
    "GIF": "image/gif",
}
EXTENSIONS: dict[str, str] = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/gif": "gif",
}
ASSET_SCHEME = "asset:"
ASSET_REFERENCE = re.compile(r"asset:([0-9a-f]{64})")


class ImageError(DeskeditorError):
    """An image that cannot be stored: corrupt, too big, or of an unsupported format."""


@dataclass(frozen=True, slots=True)
class ImageFacts:
    """What the store records about a photo's bytes."""

    sha256: str
    media_type: str
    width: int
    height: int
    byte_size: int

    @property
    def uri(self) -> str:
        """The stable reference the Markdown body uses."""
        return f"{ASSET_SCHEME}{self.sha256}"

    @property
    def extension(self) -> str:
        return EXTENSIONS[self.media_type]


def examine_image(
    data: bytes, *, name: str = "the image", max_bytes: int = DEFAULT_MAX_IMAGE_BYTES
) -> ImageFacts:
    """Check that the bytes are a whole, supported image and measure them."""
    if len(data) > max_bytes:
        raise ImageError(
            f"{name} is {len(data) / 1e6:.1f} MB; images may be at most {max_bytes / 1e6:.0f} MB."
        )
    if not data:
        raise ImageError(f"{name} is empty.")
    try:
        with warnings.catch_warnings():
            # A decompression bomb is an error here, not a warning.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                kind = image.format or ""
                width, height = image.size
                image.load()  # decodes every byte: a truncated file fails here
    except (UnidentifiedImageError, Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ImageError(f"{name} is not an image deskeditor can read.") from None
    except (OSError, SyntaxError, ValueError) as error:
        raise ImageError(f"{name} is damaged or truncated ({error}).") from error
    if kind not in MEDIA_TYPES:
        raise ImageError(f"{name} is a {kind or 'unknown'} image; use JPEG, PNG, WebP or GIF.")
    return ImageFacts(
        sha256=hashlib.sha256(data).hexdigest(),
        media_type=MEDIA_TYPES[kind],
        width=width,
        height=height,
        byte_size=len(data),
    )


def display_copy(data: bytes, *, width: int = DISPLAY_WIDTH) -> tuple[bytes, str] | None:
    """A copy at most `width` pixels wide for the editor and preview, or None if small enough.

    JPEG for photos, PNG where there is transparency; animated GIFs are left alone.
    """
    with Image.open(io.BytesIO(data)) as image:
        if image.width <= width or getattr(image, "is_animated", False):
            return None
        height = max(1, round(image.height * width / image.width))
        # A JPEG can be decoded at 1/2, 1/4 or 1/8 of its size directly (never below the
        # target): a 4000-pixel photo then scales in a fraction of the time.
        image.draft("RGB", (width, height))
        scaled = image.convert("RGBA" if _has_alpha(image) else "RGB").resize(
            (width, height), Image.Resampling.LANCZOS
        )
    buffer = io.BytesIO()
    if scaled.mode == "RGBA":
        scaled.save(buffer, "PNG", optimize=True)
        return buffer.getvalue(), "image/png"
    scaled.save(buffer, "JPEG", quality=85, optimize=True)
    return buffer.getvalue(), "image/jpeg"


def _has_alpha(image: Image.Image) -> bool:
    return image.mode in ("RGBA", "LA", "PA") or "transparency" in image.info


def referenced_assets(markdown_text: str) -> set[str]:
    """The sha256 of every asset a Markdown text refers to."""
    return set(ASSET_REFERENCE.findall(markdown_text))
