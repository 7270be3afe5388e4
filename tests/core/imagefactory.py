"""Real image files made with Pillow for the photo tests."""

from __future__ import annotations

import io

from PIL import Image


def image_bytes(kind: str = "JPEG", size: tuple[int, int] = (64, 48), color: str = "teal") -> bytes:
    """An image of the given format and size, encoded for real."""
    mode = "RGBA" if kind == "PNG" else "RGB"
    image = Image.new(mode, size, color)
    buffer = io.BytesIO()
    if kind == "GIF":
        image = image.convert("P")
    image.save(buffer, kind)
    return buffer.getvalue()


def noisy_jpeg(size: tuple[int, int], seed: int = 0) -> bytes:
    """A photo-like JPEG (noise does not compress), for size-sensitive tests and benches."""
    image = Image.effect_noise(size, 64 + seed % 32).convert("RGB")
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=95)
    return buffer.getvalue()
