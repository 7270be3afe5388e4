"""Real photo files for the GUI photo tests, encoded by Pillow."""

from __future__ import annotations

import io
from pathlib import Path

from PIL import Image


def photo_bytes(
    kind: str = "JPEG", size: tuple[int, int] = (640, 480), color: str = "teal"
) -> bytes:
    """An image of the given format and size, encoded for real."""
    image = Image.new("RGB", size, color)
    buffer = io.BytesIO()
    if kind == "GIF":
        image = image.convert("P")
    image.save(buffer, kind)
    return buffer.getvalue()


def photo_file(folder: Path, name: str, data: bytes | None = None, **options: object) -> Path:
    """Write a photo (or the given bytes) to folder/name and return the path."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_bytes(data if data is not None else photo_bytes(**options))  # type: ignore[arg-type]
    return path
