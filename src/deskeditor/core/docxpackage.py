"""Parts of a Word package: photos placed with their alt text, and a zip with fixed dates."""

from __future__ import annotations

import io
import zipfile
from typing import Any

from docx.shared import Emu
from docx.text.paragraph import Paragraph

from deskeditor.core.figures import PhotoTable, asset_sha

ZIP_DATE = (1980, 1, 1, 0, 0, 0)
"""Every part of the package gets this date, so the same article gives the same bytes."""

PIXELS_PER_INCH = 96
"""How Word sizes a picture that has no resolution of its own."""
EMU_PER_INCH = 914_400


def stable_zip(document: Any) -> bytes:
    """The saved package, rewritten with fixed dates (python-docx stamps the current time)."""
    saved = io.BytesIO()
    document.save(saved)
    stable = io.BytesIO()
    with (
        zipfile.ZipFile(saved) as source,
        zipfile.ZipFile(stable, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for item in source.infolist():
            info = zipfile.ZipInfo(item.filename, date_time=ZIP_DATE)
            info.external_attr = 0o644 << 16
            # Level 1: a docx is written once and read by Word; size matters little here.
            target.writestr(info, source.read(item.filename), zipfile.ZIP_DEFLATED, compresslevel=1)
    return stable.getvalue()


class Pictures:
    """Places the photos of a PhotoTable where the body's <img src="asset:…"> stand."""

    def __init__(self, document: Any, photos: PhotoTable | None) -> None:
        self._photos = photos
        section = document.sections[0]
        # Never wider than the text column: the page's width less its margins.
        self._column = int(section.page_width - section.left_margin - section.right_margin)

    def place(self, paragraph: Paragraph, attrs: dict[str, str]) -> bool:
        """Add the photo as an inline picture; False when there is none to add."""
        sha = asset_sha(attrs.get("src", ""))
        if self._photos is None or sha not in self._photos.data:
            return False
        data, _ = self._photos.data[sha]
        asset = self._photos.assets[sha]
        natural = asset.width * EMU_PER_INCH // PIXELS_PER_INCH
        width = min(natural, self._column)
        height = max(1, round(width * asset.height / max(asset.width, 1)))
        shape = paragraph.add_run().add_picture(io.BytesIO(data), Emu(width), Emu(height))
        # Word's "Alt Text" is the drawing's description; screen readers read it.
        properties: Any = shape._inline.docPr
        properties.set("descr", attrs.get("alt", ""))
        properties.set("name", f"{sha[:12]}")
        paragraph.paragraph_format.keep_with_next = True  # the caption stays with its photo
        return True
