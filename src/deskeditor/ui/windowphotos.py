"""The window's photo commands: Insert → Image…, the photo dialog, lead photo, preview route."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMenu, QToolBar

from deskeditor.core.figures import Photos
from deskeditor.core.language import article_language
from deskeditor.ui.bodyimages import BodyImages, BodyPhoto, body_photos, photo_at, set_photo_alt
from deskeditor.ui.imagedialog import ImageDialog, PhotoWords
from deskeditor.ui.imageinsert import IMAGE_FILTER
from deskeditor.ui.operations import OperationError
from deskeditor.ui.photolibrary import ASSET_HOST, PhotoLibrary
from deskeditor.ui.previewscheme import asset_route

if TYPE_CHECKING:
    from deskeditor.ui.mainwindow import MainWindow

INSERT_IMAGE_SHORTCUT = "Ctrl+Shift+P"  # P for picture; Ctrl+Shift+I is File → Import


class WindowPhotos(QObject):
    """Photos for one window: its library, the body's photos, the actions and the dialog."""

    def __init__(self, window: MainWindow, parent: QObject | None = None) -> None:
        super().__init__(parent or window)
        self._window = window
        self.library = PhotoLibrary(window.store, self)
        body = window.editor.body_edit
        self.images: BodyImages = body.set_photo_library(self.library)
        self.images.refused.connect(window.report)
        self.images.photo_activated.connect(self.edit_photo_at)
        self._folder = Path.home()
        self.dialog: ImageDialog | None = None  # the open photo dialog, if any

        self.insert_action = QAction(self.tr("&Image…"), window)
        self.insert_action.setObjectName("insertImageAction")
        self.insert_action.setShortcut(QKeySequence(INSERT_IMAGE_SHORTCUT))
        self.insert_action.setToolTip(
            self.tr("Insert a photo ({keys})").format(
                keys=self.insert_action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            )
        )
        self.insert_action.triggered.connect(self.ask_image_files)
        self.details_action = QAction(self.tr("Photo &Details…"), window)
        self.details_action.setObjectName("photoDetailsAction")
        self.details_action.setToolTip(self.tr("Alt text, caption, credit and lead photo"))
        self.details_action.triggered.connect(self.edit_photo_at_cursor)
        self._article_open = True
        self.update_details()

        menu = window.menuBar().findChild(QMenu, "insertMenu")
        if menu is not None:
            menu.addActions([self.insert_action, self.details_action])
            # Checked when the menu opens, not on every cursor move: loading an article
            # moves the cursor dozens of times, and the action has no shortcut.
            menu.aboutToShow.connect(self.update_details)
        toolbar = window.findChild(QToolBar, "mainToolBar")
        if toolbar is not None:
            toolbar.addSeparator()
            toolbar.addAction(self.insert_action)
        window.preview.scheme_handler.add_later_route(
            ASSET_HOST, asset_route(self.library.fetch_copy)
        )
        window.closed.connect(self.library.shutdown)  # before the store closes

    def photos(self) -> Photos:
        """How the preview page finds its photos (pass to Renderer.article_page)."""
        return self.library.photos()

    def set_article_open(self, is_open: bool) -> None:
        self._article_open = is_open
        self.insert_action.setEnabled(is_open)
        self.update_details()

    def update_details(self) -> None:
        """Enable Photo Details… when the cursor is beside a photo."""
        on_photo = self.images.photo_at_cursor() is not None
        self.details_action.setEnabled(self._article_open and on_photo)

    # Inserting ------------------------------------------------------------------------

    def ask_image_files(self) -> QFileDialog:
        """Insert → Image…: a file dialog for photos; the chosen ones go in at the cursor."""
        dialog = QFileDialog(self._window, self.tr("Insert Image"), str(self._folder))
        dialog.setObjectName("insertImageDialog")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog)  # the same on every platform
        dialog.setFileMode(QFileDialog.FileMode.ExistingFiles)
        dialog.setNameFilters(IMAGE_FILTER.split(";;"))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.filesSelected.connect(lambda names: self.insert_files([Path(n) for n in names]))
        dialog.open()
        return dialog

    def insert_files(self, paths: list[Path]) -> None:
        if not paths:
            return
        self._folder = paths[0].parent
        self._window.editor.body_edit.setFocus()
        self.images.insert_files(paths)

    # The photo dialog -----------------------------------------------------------------

    def edit_photo_at_cursor(self) -> ImageDialog | None:
        photo = self.images.photo_at_cursor()
        return self.edit_photo_at(photo.position) if photo is not None else None

    def edit_photo_at(self, position: int) -> ImageDialog | None:
        """Open the dialog for the photo at a body position (a double-click's)."""
        photo = photo_at(self._window.editor.body_edit.document(), position)
        return self._open_dialog(photo.sha256, photo) if photo is not None else None

    def edit_photo(self, sha256: str) -> ImageDialog | None:
        """Open the dialog for a photo by its sha256 (its first place in the body, if any)."""
        document = self._window.editor.body_edit.document()
        photo = next((p for p in body_photos(document) if p.sha256 == sha256), None)
        return self._open_dialog(sha256, photo)

    def _open_dialog(self, sha256: str, photo: BodyPhoto | None) -> ImageDialog | None:
        window = self._window
        asset = self.library.asset(sha256)
        if asset is None:
            window.report(
                OperationError(self.tr("This photo is not in the store; it cannot be described."))
            )
            return None
        editor = window.editor
        alt = (photo.alt if photo is not None else "").strip() or asset.alt
        dialog = ImageDialog(
            asset,
            alt=alt,
            lead=editor.feature_image() == sha256,
            language=article_language(editor.content()),
            thumbnail=self.library.scaled_image(sha256, self.images.fit_width()),
            parent=window,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.apply(sha256, photo, dialog.words()))
        dialog.destroyed.connect(lambda: setattr(self, "dialog", None))
        self.dialog = dialog
        dialog.open()
        return dialog

    def apply(self, sha256: str, photo: BodyPhoto | None, words: PhotoWords) -> None:
        """Store the words, put the alt text in the body, mark the lead photo, refresh."""
        window = self._window
        try:
            self.library.describe(sha256, alt=words.alt, caption=words.caption, credit=words.credit)
        except OperationError as error:
            window.report(error)
            return
        document = window.editor.body_edit.document()
        if photo is not None:
            here = photo_at(document, photo.position)
            if here is not None and here.sha256 == sha256 and here.alt != words.alt:
                # The Markdown alt wins over the store's in the page, so they must agree.
                set_photo_alt(document, photo.position, words.alt)
        editor = window.editor
        if words.lead:
            editor.set_feature_image(sha256)
        elif editor.feature_image() == sha256:
            editor.set_feature_image("")
        # A new caption or credit changes the page even when the body stays the same.
        window.preview_updater.schedule()
