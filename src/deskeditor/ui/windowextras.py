"""The window's article tools beyond editing: versions, history, preferences, import, photos."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QMenu, QProgressDialog

from deskeditor.core.models import Article, ArticleId
from deskeditor.ui import operations
from deskeditor.ui.historydialog import HistoryDialog, ask_version_label, ask_yes_no
from deskeditor.ui.operations import OperationError
from deskeditor.ui.preferencesdialog import PreferencesDialog
from deskeditor.ui.transfer import article_mime_data, import_files
from deskeditor.ui.windowphotos import WindowPhotos

if TYPE_CHECKING:
    from deskeditor.ui.mainwindow import MainWindow

IMPORT_FILTER = "Articles (*.md *.markdown *.txt *.html *.htm *.docx);;All files (*)"


class WindowExtras(QObject):
    """Adds its actions to the window's menus and handles them; one instance per window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        body = window.editor.body_edit
        self.import_files = self._action(
            self.tr("&Import…"), "importFiles", QKeySequence("Ctrl+Shift+I"), self.ask_import
        )
        self.save_version = self._action(
            self.tr("Save &Version…"), "saveVersion", QKeySequence("Ctrl+Shift+S"), self.ask_version
        )
        self.history = self._action(
            self.tr("&History…"), "showHistory", QKeySequence("Ctrl+Shift+H"), self.show_history
        )
        self.copy_html = self._action(
            self.tr("Copy as &HTML"), "copyAsHtml", QKeySequence("Ctrl+Alt+C"), self.copy_as_html
        )
        self.preferences = self._action(
            self.tr("&Preferences…"), "preferences", QKeySequence("Ctrl+,"), self.show_preferences
        )
        self.preferences.setMenuRole(QAction.MenuRole.PreferencesRole)
        self._add_to(
            "fileMenu",
            [self.import_files, None, self.save_version, self.history],
            before=window.commands.delete,
        )
        self._add_to(
            "editMenu",
            [body.paste_plain_action(), self.copy_html, None, self.preferences],
            before=None,
        )
        self._add_to(
            "viewMenu",
            [None, body.source_view_action(), window.editor.metadata.toggle_action],
            before=None,
        )
        self.article_actions = (self.save_version, self.history, self.copy_html)
        # Before any article loads: the body needs the photo library to show its photos.
        self.photos = WindowPhotos(window, self)

    def _action(self, text: str, name: str, keys: QKeySequence, slot: object) -> QAction:
        action = QAction(text, self._window)
        action.setObjectName(name)
        action.setShortcut(keys)
        action.setToolTip(f"{text.replace('&', '').rstrip('…')} ({keys.toString()})")
        action.triggered.connect(slot)
        return action

    def _add_to(
        self, menu_name: str, actions: Sequence[QAction | None], *, before: QAction | None
    ) -> None:
        menu = self._window.menuBar().findChild(QMenu, menu_name)
        if menu is None:
            return
        for action in actions:
            if action is None:
                separator = QAction(menu)
                separator.setSeparator(True)
                menu.insertAction(before, separator) if before else menu.addAction(separator)
            elif before is not None:
                menu.insertAction(before, action)
            else:
                menu.addAction(action)
        if before is not None:
            menu.insertSeparator(before)

    def set_article_open(self, is_open: bool) -> None:
        for action in self.article_actions:
            action.setEnabled(is_open)
        self.photos.set_article_open(is_open)

    # --- handlers ---------------------------------------------------------------

    def ask_version(self) -> None:
        window = self._window
        article_id = window.current_article_id()
        if article_id is None or not window.autosaver.save_now(force=True):
            return
        label = ask_version_label(window)
        if label is None:
            return
        try:
            operations.save_version(window.store, article_id, label)
        except OperationError as error:
            window.report(error)
            return
        window.status.showMessage(self.tr("Version “{label}” saved").format(label=label), 5000)

    def show_history(self) -> None:
        window = self._window
        article_id = window.current_article_id()
        if article_id is None or not window.autosaver.save_now(force=True):
            return
        dialog = HistoryDialog(window.store, article_id, confirm=ask_yes_no, parent=window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.revision_restored.connect(self._article_restored)
        dialog.open()

    def show_preferences(self) -> None:
        window = self._window
        dialog = PreferencesDialog(window.preferences, window.store, window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.sections_changed.connect(window.editor.set_sections)
        dialog.open()

    def copy_as_html(self) -> None:
        window = self._window
        article = window.editor.current_article()
        if article is None:
            return
        clipboard = QGuiApplication.clipboard()
        clipboard.setMimeData(article_mime_data(window.renderer, article, window.store))
        window.status.showMessage(self.tr("Article copied as HTML and as text"), 5000)

    def ask_import(self) -> None:
        names, _ = QFileDialog.getOpenFileNames(
            self._window, self.tr("Import articles"), str(Path.home()), IMPORT_FILTER
        )
        if names:
            self.import_paths([Path(name) for name in names])

    def import_paths(self, paths: Sequence[Path]) -> None:
        """Import files and folders (File → Import…, or dropped on the window)."""
        window = self._window
        if not window.autosaver.save_now(force=True):
            return
        progress = QProgressDialog(self.tr("Importing…"), self.tr("Stop"), 0, 0, window)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(500)

        def step(done: int, name: str) -> bool:
            progress.setLabelText(self.tr("Importing {name}…").format(name=name))
            progress.setValue(done)
            QApplication.processEvents()
            return not progress.wasCanceled()

        result = import_files(window.store, paths, step)
        progress.close()
        self._imported(result.created)
        message = self.tr("Imported {count} article(s)").format(count=len(result.created))
        if result.failures:
            message += self.tr("; {count} file(s) could not be imported").format(
                count=len(result.failures)
            )
            window.prompts.warn(window, self.tr("Import"), "\n".join(result.failures))
        window.status.showMessage(message, 10000)

    def _article_restored(self, article: Article) -> None:
        """The History dialog made an old revision current: show it as stored."""
        self._window.model.article_saved(article)
        self._window.open_article(article.id)

    def _imported(self, created: list[ArticleId]) -> None:
        """New articles arrived from files: list them and open the last one."""
        window = self._window
        for article_id in created:
            try:
                window.model.article_added(operations.load_article(window.store, article_id))
            except OperationError as error:
                window.report(error)
                return
        if created:
            window.open_article(created[-1])
