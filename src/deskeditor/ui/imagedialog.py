"""The small dialog for a photo's alt text, caption, credit and lead-photo mark."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from deskeditor.core.models import ImageAsset, Language

CREDIT_EXAMPLES: dict[Language, str] = {
    Language.KO: "사진=연합뉴스",
    Language.EN: "Photo: Reuters",
}
THUMBNAIL_WIDTH = 320


@dataclass(frozen=True, slots=True)
class PhotoWords:
    """What the dialog gives back: the words of a photo and whether it leads the article."""

    alt: str
    caption: str
    credit: str
    lead: bool


class ImageDialog(QDialog):
    """Alt text (for readers who cannot see the photo), caption, credit, lead photo."""

    def __init__(
        self,
        asset: ImageAsset,
        *,
        alt: str,
        lead: bool,
        language: Language = Language.EN,
        thumbnail: QImage | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("imageDialog")
        self.setWindowTitle(self.tr("Photo Details"))
        self.sha256 = asset.sha256
        self.thumbnail = QLabel(self)
        self.thumbnail.setObjectName("imageThumbnail")
        self.thumbnail.setAlignment(Qt.AlignmentFlag.AlignCenter)
        if thumbnail is not None and not thumbnail.isNull():
            pixmap = QPixmap.fromImage(thumbnail)
            if pixmap.width() > THUMBNAIL_WIDTH:
                pixmap = pixmap.scaledToWidth(
                    THUMBNAIL_WIDTH, Qt.TransformationMode.SmoothTransformation
                )
            self.thumbnail.setPixmap(pixmap)
        size = QLabel(
            self.tr("{width} × {height} pixels, {kb:,} kB").format(
                width=asset.width, height=asset.height, kb=round(asset.byte_size / 1024)
            ),
            self,
        )
        size.setEnabled(False)  # greyed: a reading, not a field
        self.alt_edit = QLineEdit(alt, self)
        self.alt_edit.setObjectName("imageAltEdit")
        self.alt_edit.setPlaceholderText(
            self.tr("What the photo shows, for readers who cannot see it")
        )
        self.caption_edit = QLineEdit(asset.caption, self)
        self.caption_edit.setObjectName("imageCaptionEdit")
        self.caption_edit.setPlaceholderText(self.tr("Shown under the photo"))
        self.credit_edit = QLineEdit(asset.credit, self)
        self.credit_edit.setObjectName("imageCreditEdit")
        self.credit_edit.setPlaceholderText(CREDIT_EXAMPLES[language])
        self.lead_check = QCheckBox(self.tr("&Lead photo (top of the page, shared previews)"), self)
        self.lead_check.setObjectName("imageLeadCheck")
        self.lead_check.setChecked(lead)

        form = QFormLayout(self)
        form.addRow(self.thumbnail)
        form.addRow(size)
        form.addRow(self.tr("&Alt text:"), self.alt_edit)
        form.addRow(self.tr("&Caption:"), self.caption_edit)
        form.addRow(self.tr("C&redit:"), self.credit_edit)
        form.addRow(self.lead_check)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        form.addRow(buttons)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        # Alt text is what export asks for when it is missing; the caption comes next.
        (self.alt_edit if not alt.strip() else self.caption_edit).setFocus()

    def words(self) -> PhotoWords:
        return PhotoWords(
            alt=self.alt_edit.text().strip(),
            caption=self.caption_edit.text().strip(),
            credit=self.credit_edit.text().strip(),
            lead=self.lead_check.isChecked(),
        )
