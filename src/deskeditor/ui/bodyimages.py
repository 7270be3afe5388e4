"""Photos in the body editor: shown at its width from the library, inserted, found under a click."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMimeData,
    QObject,
    QPoint,
    QRect,
    QTimer,
    QUrl,
    Signal,
)
from PySide6.QtGui import QColor, QImage, QTextCursor, QTextDocument, QTextFormat, QTextImageFormat
from typing_extensions import override

from deskeditor.core.images import ASSET_SCHEME
from deskeditor.core.models import ImageAsset
from deskeditor.ui.imageinsert import ImageSource, insert_photos, mime_sources, read_file
from deskeditor.ui.operations import OperationError
from deskeditor.ui.photolibrary import PhotoLibrary

if TYPE_CHECKING:
    from deskeditor.ui.bodyedit import BodyEdit

P = QTextFormat.Property
OBJECT_CHAR = "\ufffc"  # what a QTextDocument holds where an image stands
MIN_WIDTH = 120
PLACEHOLDER_ASPECT = 2 / 3  # until the photo's own is known
RESIZE_DELAY_MS = 150
PLACEHOLDER_COLOR = QColor(128, 128, 128, 48)  # visible on light and dark palettes


@dataclass(frozen=True, slots=True)
class BodyPhoto:
    """A photo in the body: where it stands and what its Markdown says."""

    position: int
    sha256: str
    alt: str
    title: str


def asset_sha(name: str) -> str:
    """The sha256 of an "asset:<sha256>" image name; empty for any other name."""
    return name[len(ASSET_SCHEME) :] if name.startswith(ASSET_SCHEME) else ""


def photo_at(document: QTextDocument, position: int) -> BodyPhoto | None:
    """The asset: photo whose character is at position, if one is."""
    if document.characterAt(position) != OBJECT_CHAR:
        return None
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
    fmt = cursor.charFormat()  # with a selection: the selected character's
    if not fmt.isImageFormat():
        return None
    image = fmt.toImageFormat()
    sha = asset_sha(image.name())
    if not sha:
        return None
    return BodyPhoto(
        position, sha, image.stringProperty(P.ImageAltText), image.stringProperty(P.ImageTitle)
    )


def body_photos(document: QTextDocument) -> Iterator[BodyPhoto]:
    """Every asset: photo of the document, in order."""
    block = document.begin()
    while block.isValid():
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            if fragment.charFormat().isImageFormat():
                for offset in range(fragment.length()):
                    photo = photo_at(document, fragment.position() + offset)
                    if photo is not None:
                        yield photo
            iterator += 1
        block = block.next()


def set_photo_alt(document: QTextDocument, position: int, alt: str) -> None:
    """Change the Markdown alt text of the photo at position (an edit: it can be undone)."""
    cursor = QTextCursor(document)
    cursor.setPosition(position)
    cursor.movePosition(QTextCursor.MoveOperation.NextCharacter, QTextCursor.MoveMode.KeepAnchor)
    fmt = QTextImageFormat(cursor.charFormat().toImageFormat())
    fmt.setProperty(P.ImageAltText, alt)
    cursor.setCharFormat(fmt)


class BodyImages(QObject):
    """The body's photos: answers its loadResource, inserts, and reports refusals.

    The body shows each photo at the editor's width (never wider than the display
    copy). A copy not yet in memory shows as a grey box while the library's worker
    reads and scales it, so a long article with many photos opens at once.
    """

    refused = Signal(object)  # an OperationError: a photo could not be inserted
    photo_activated = Signal(int)  # double-clicked photo: its document position
    photos_shown = Signal()  # every photo the body names is on screen (or known missing)

    def __init__(self, edit: BodyEdit, library: PhotoLibrary) -> None:
        super().__init__(edit)
        self._edit = edit
        self._library = library
        self._placeholders: dict[tuple[int, int], QImage] = {}
        self._relayout = QTimer(self)
        self._relayout.setSingleShot(True)
        self._relayout.setInterval(0)  # photos arriving together are laid out once
        self._relayout.timeout.connect(self._lay_out_again)
        self._resize = QTimer(self)
        self._resize.setSingleShot(True)
        self._resize.setInterval(RESIZE_DELAY_MS)
        self._resize.timeout.connect(self._rescale)
        self._width = 0
        library.image_ready.connect(self._on_ready)
        library.image_failed.connect(lambda _sha: self._relayout.start())
        edit.viewport().installEventFilter(self)

    @property
    def library(self) -> PhotoLibrary:
        return self._library

    # Showing --------------------------------------------------------------------------

    def fit_width(self) -> int:
        """The width a photo takes in the body: the text column's."""
        margin = 2 * self._edit.document().documentMargin()
        return max(MIN_WIDTH, int(self._edit.viewport().width() - margin - 4))

    def resource(self, name: QUrl) -> QImage:
        """The image for an asset: name: the photo at the body's width, or a grey box."""
        sha = name.path()
        width = self.fit_width()
        self._width = width
        image = self._library.scaled_image(sha, width)
        if image is not None:
            return image
        return self._placeholder(width, round(width * PLACEHOLDER_ASPECT))

    def all_shown(self) -> bool:
        """Whether every photo in the body shows at the body's width (or is known missing)."""
        width = self.fit_width()
        document = self._edit.document()
        for photo in body_photos(document):
            if self._library.is_missing(photo.sha256):
                continue
            shown = document.resource(QTextDocument.ResourceType.ImageResource, _url(photo))
            wanted = self._library.scaled_image(photo.sha256, width)
            if not isinstance(shown, QImage) or wanted is None:
                return False
            if shown.cacheKey() != wanted.cacheKey():
                return False
        return True

    def _placeholder(self, width: int, height: int) -> QImage:
        key = (width, height)
        if key not in self._placeholders:
            image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(PLACEHOLDER_COLOR)
            self._placeholders[key] = image
        return self._placeholders[key]

    def _on_ready(self, sha: str) -> None:
        image = self._library.scaled_image(sha, self.fit_width())
        if image is not None:
            # Overrides what the document cached from resource() (the grey box).
            self._edit.document().addResource(
                QTextDocument.ResourceType.ImageResource, QUrl(f"{ASSET_SCHEME}{sha}"), image
            )
            self._relayout.start()

    def _lay_out_again(self) -> None:
        document = self._edit.document()
        # Not an edit: no contentsChanged, so no autosave and nothing to undo.
        document.markContentsDirty(0, document.characterCount())
        self._edit.viewport().update()
        if self.all_shown():
            self.photos_shown.emit()

    @override
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize and self._width:
            self._resize.start()
        return False

    def _rescale(self) -> None:
        width = self.fit_width()
        if width == self._width:
            return
        self._width = width
        for photo in body_photos(self._edit.document()):
            self._library.request(photo.sha256, width)

    # Finding --------------------------------------------------------------------------

    def photo_under(self, point: QPoint) -> BodyPhoto | None:
        """The photo drawn at a viewport point (a double-click's), if any."""
        edit = self._edit
        cursor = edit.cursorForPosition(point)
        for position in (cursor.position(), cursor.position() - 1):
            photo = photo_at(edit.document(), position) if position >= 0 else None
            if photo is not None and self._rect_of(position).contains(point):
                return photo
        return None

    def photo_at_cursor(self) -> BodyPhoto | None:
        """The photo just after or just before the text cursor (or selected)."""
        cursor = self._edit.textCursor()
        document = self._edit.document()
        for position in (cursor.selectionStart(), cursor.position(), cursor.position() - 1):
            if position >= 0:
                photo = photo_at(document, position)
                if photo is not None:
                    return photo
        return None

    def _rect_of(self, position: int) -> QRect:
        before = QTextCursor(self._edit.document())
        before.setPosition(position)
        left = self._edit.cursorRect(before)
        before.setPosition(position + 1)
        right = self._edit.cursorRect(before)
        return QRect(left.left(), left.top(), right.left() - left.left(), left.height())

    # Inserting ------------------------------------------------------------------------

    def insert_mime(self, mime: QMimeData) -> bool:
        """A paste or drop of photos: store them and place them at the cursor."""
        return self.insert_sources(mime_sources(mime))

    def insert_files(self, paths: Sequence[Path]) -> bool:
        """Insert → Image…: the chosen files, in order."""
        return self.insert_sources([read_file(path) for path in paths])

    def insert_sources(self, sources: Sequence[ImageSource | str]) -> bool:
        """Store each photo, then place those stored; one message names every refusal.

        True when every photo went in. A refused photo changes nothing in the body.
        """
        assets: list[ImageAsset] = []
        problems: list[str] = []
        for source in sources:
            if isinstance(source, str):
                problems.append(source)
                continue
            try:
                assets.append(self._library.add(source.data, source.name))
            except OperationError as error:
                problems.append(str(error.__cause__ or error))
        if assets:
            cursor = self._edit.textCursor()
            insert_photos(cursor, assets)
            self._edit.setTextCursor(cursor)
            self._edit.ensureCursorVisible()
        if problems:
            title = QCoreApplication.translate("BodyEdit", "Cannot insert the image")
            self.refused.emit(OperationError(f"{title}: {' '.join(problems)}"))
        return not problems


def _url(photo: BodyPhoto) -> QUrl:
    return QUrl(f"{ASSET_SCHEME}{photo.sha256}")
