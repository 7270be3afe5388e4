"""Photo checks: supported formats pass with their facts; everything else gets a clear error."""

from __future__ import annotations

import hashlib
import io

import pytest
from PIL import Image

from deskeditor.core.images import (
    ImageError,
    display_copy,
    examine_image,
    referenced_assets,
)

from imagefactory import image_bytes


@pytest.mark.parametrize(
    ("kind", "media_type"),
    [("JPEG", "image/jpeg"), ("PNG", "image/png"), ("WEBP", "image/webp"), ("GIF", "image/gif")],
)
def test_supported_formats_are_measured(kind: str, media_type: str) -> None:
    data = image_bytes(kind, (120, 80))
    facts = examine_image(data)
    assert (facts.media_type, facts.width, facts.height) == (media_type, 120, 80)
    assert facts.sha256 == hashlib.sha256(data).hexdigest()
    assert facts.uri == f"asset:{facts.sha256}"


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"", "is empty"),
        (b"this is a text file, not a photo", "not an image"),
        (image_bytes("BMP"), "BMP image; use JPEG, PNG, WebP or GIF"),
        (image_bytes("JPEG", (400, 300))[:200], "damaged or truncated"),
    ],
)
def test_unusable_files_are_refused_with_a_reason(data: bytes, message: str) -> None:
    with pytest.raises(ImageError, match=message):
        examine_image(data, name="photo.jpg")


def test_size_limit_is_configurable() -> None:
    data = image_bytes("PNG", (300, 300))
    with pytest.raises(ImageError, match="at most 0 MB"):
        examine_image(data, max_bytes=100)
    assert examine_image(data, max_bytes=len(data)).byte_size == len(data)


def test_decompression_bomb_is_refused() -> None:
    buffer = io.BytesIO()
    Image.new("1", (20000, 20000)).save(buffer, "PNG")  # tiny file, 400 megapixels
    with pytest.raises(ImageError, match="not an image"):
        examine_image(buffer.getvalue())


def test_display_copy_is_scaled_and_small_images_are_left_alone() -> None:
    big = image_bytes("JPEG", (3000, 2000))
    scaled = display_copy(big, width=1200)
    assert scaled is not None
    data, media_type = scaled
    with Image.open(io.BytesIO(data)) as image:
        assert image.size == (1200, 800)
    assert media_type == "image/jpeg"
    assert display_copy(image_bytes("JPEG", (800, 600)), width=1200) is None


def test_transparent_images_stay_png_when_scaled() -> None:
    scaled = display_copy(image_bytes("PNG", (2400, 100)), width=1200)
    assert scaled is not None and scaled[1] == "image/png"


def test_references_are_found_in_markdown() -> None:
    sha = "a" * 64
    text = f"![사진](asset:{sha})\n\n[link](asset:{'b' * 64}) asset:short"
    assert referenced_assets(text) == {sha, "b" * 64}
