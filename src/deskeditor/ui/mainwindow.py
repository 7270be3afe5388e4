"""The main window: article list, editor and preview side by side, wired to autosave."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QMainWindow,
    QSplitter,
    QStackedWidget,
    QTableView,
    QWidget,
)
from typing_extensions import override

from deskeditor import __version__
from deskeditor.core.export import export_filename
from deskeditor.core.models import Article, ArticleId
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store
from deskeditor.ui import operations
from deskeditor.ui.actions import build_menus, build_toolbar, create_actions
from deskeditor.ui.articleeditor import ArticleEditor
from deskeditor.ui.articlelistmodel import HEADLINE, ArticleListModel
from deskeditor.ui.autosave import DEBOUNCE_MS, Autosaver
from deskeditor.ui.emptystate import EmptyState
from deskeditor.ui.operations import OperationError
from deskeditor.ui.preview import PreviewUpdater, PreviewView
from deskeditor.ui.prompts import Prompts
from deskeditor.ui.sessionstate import SessionState
from deskeditor.ui.statusbar import EditorStatusBar

BLANK_PAGE = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body></body></html>"
DEFAULT_SPLITTER_SIZES = (320, 640, 520)
PREVIEW_DELAY_MS = 200
"""Quiet time before the preview refreshes: with ~50 ms to render and load a 10,000-word
article, the refreshed page is up within 300 ms after typing stops."""


class MainWindow(QMainWindow):
    """One store, one window: everything it needs comes in through the constructor."""

    closed = Signal()  # the window saved its work and session and has closed

    def __init__(
        self,
        store: Store,
        renderer: Renderer,
        session: SessionState,
        *,
        prompts: Prompts | None = None,
        open_article: ArticleId | None = None,
        autosave_ms: int = DEBOUNCE_MS,
        app: QGuiApplication | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._store = store
        self._renderer = renderer
        self._session = session
        self.prompts = prompts if prompts is not None else Prompts(self)
        self._warned_about_save = False
        self._close_despite_failure = False

        self.commands = create_actions(self)
        self.model = ArticleListModel(store, self)
        self.list_view = self._build_list()
        self.editor = ArticleEditor(self)
        self.empty_state = EmptyState(self.commands.new, self)
        self.middle = QStackedWidget(self)
        self.middle.setObjectName("middlePane")
        self.middle.addWidget(self.empty_state)
        self.middle.addWidget(self.editor)
        self.preview = PreviewView(self)
        self.preview_updater = PreviewUpdater(
            self.preview, self._render_preview, delay_ms=PREVIEW_DELAY_MS, parent=self
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for pane in (self.list_view, self.middle, self.preview):
            self.splitter.addWidget(pane)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.status = EditorStatusBar(self)
        self.setStatusBar(self.status)

        groups = self._format_groups()
        build_menus(self.menuBar(), self.commands, groups)
        build_toolbar(self, self.commands, groups)
        # Delete is bound to the list (WidgetWithChildrenShortcut) and offered in the menu.
        self.list_view.addAction(self.commands.delete)
        self.setTabOrder(self.list_view, self.editor.section_edit)

        self.autosaver = Autosaver(store, self.editor.content, debounce_ms=autosave_ms, parent=self)
        application = app or QGuiApplication.instance()
        if isinstance(application, QGuiApplication):
            self.autosaver.watch_application(application)
        self._connect()

        self.model.reload()
        self._restore_session()
        self._open_initial(open_article)

    def _build_list(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("articleList")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTabKeyNavigation(False)  # Tab leaves the list for the editor
        view.setWordWrap(False)
        view.verticalHeader().hide()
        # Fixed row heights keep a view over 100,000 rows from measuring each one.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = view.horizontalHeader()
        header.setSectionResizeMode(HEADLINE, QHeaderView.ResizeMode.Stretch)
        header.setHighlightSections(False)
        return view

    def _format_groups(self) -> Sequence[Sequence[QAction]]:
        groups = getattr(self.editor.body_edit, "format_action_groups", None)
        if callable(groups):
            return list(groups())
        return [self.editor.body_edit.format_actions()]

    def _connect(self) -> None:
        commands = self.commands
        commands.new.triggered.connect(self.new_article)
        commands.save.triggered.connect(self.save_now)
        commands.export.triggered.connect(self.export_html)
        commands.delete.triggered.connect(self.delete_article)
        commands.toggle_preview.toggled.connect(self.preview.setVisible)
        commands.focus_list.triggered.connect(self.list_view.setFocus)
        commands.about.triggered.connect(self._about)
        selection = self.list_view.selectionModel()
        selection.currentRowChanged.connect(self._on_current_row_changed)
        self.editor.content_changed.connect(self.autosaver.note_change)
        self.editor.content_changed.connect(self.preview_updater.schedule)
        self.editor.body_edit.body_changed.connect(self._update_counts)
        self.autosaver.article_saved.connect(self._on_saved)
        self.autosaver.save_failed.connect(self._on_save_failed)
        self.model.load_failed.connect(self.status.showMessage)

    # --- opening and switching ----------------------------------------------------

    def _open_initial(self, requested: ArticleId | None) -> None:
        """--open wins, then the article open at the last close, then the newest one."""
        for candidate in (requested, self._session.last_article()):
            if candidate is not None and self.model.row_of(candidate) is not None:
                self.open_article(candidate)
                return
        if requested is not None:
            self.status.showMessage(
                self.tr("There is no article with id {id}.").format(id=requested)
            )
        first = self.model.article_id(0)
        if first is None:
            self._show_empty_state()
        else:
            self.open_article(first)

    def open_article(self, article_id: ArticleId) -> bool:
        """Save the current article, then load another; False (and nothing changes) on failure."""
        if article_id == self.autosaver.article_id:
            return True
        if not self.autosaver.save_now(force=True):
            return False
        try:
            article = operations.load_article(self._store, article_id)
        except OperationError as error:
            self.report(error)
            return False
        self._show_article(article)
        return True

    def _show_article(self, article: Article) -> None:
        self.editor.load(article)
        self.autosaver.track(article.id)
        self.middle.setCurrentWidget(self.editor)
        self._enable_article_commands(True)
        self._select_row_of(article.id)
        self._update_title()
        self._update_counts()
        self.preview_updater.refresh_now()

    def _show_empty_state(self) -> None:
        self.autosaver.track(None)
        self.middle.setCurrentWidget(self.empty_state)
        self._enable_article_commands(False)
        self._update_title()
        self.preview_updater.refresh_now()

    def _enable_article_commands(self, enabled: bool) -> None:
        """Save, export and delete need an open article (the body keeps its own actions)."""
        for action in (self.commands.save, self.commands.export, self.commands.delete):
            action.setEnabled(enabled)

    def _select_row_of(self, article_id: ArticleId) -> None:
        row = self.model.row_of(article_id)
        if row is None:
            return
        index = self.model.index(row, HEADLINE)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.list_view.selectionModel().setCurrentIndex(index, flags)
        self.list_view.scrollTo(index)

    def _on_current_row_changed(
        self,
        current: QModelIndex | QPersistentModelIndex,
        _previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        article_id = self.model.article_id(current.row()) if current.isValid() else None
        if article_id is None or article_id == self.autosaver.article_id:
            return
        if not self.open_article(article_id) and self.autosaver.article_id is not None:
            # The edits could not be saved: keep them on screen and the list on them.
            self._select_row_of(self.autosaver.article_id)

    # --- commands -----------------------------------------------------------------

    def new_article(self) -> None:
        if not self.autosaver.save_now(force=True):
            return
        try:
            article = operations.create_article(self._store)
        except OperationError as error:
            self.report(error)
            return
        self.model.article_added(article)
        self._show_article(article)
        self.editor.focus_headline()

    def save_now(self) -> bool:
        saved = self.autosaver.save_now(force=True)
        if saved and self.autosaver.article_id is not None:
            self.status.show_saved(datetime.now())
        return saved

    def delete_article(self) -> None:
        article_id = self.autosaver.article_id
        if article_id is None:
            return
        headline = self.editor.headline_edit.text().strip() or self.tr("Untitled")
        if not self.prompts.confirm_delete(self, headline):
            return
        # The deleted copy keeps the latest text, so a restore gives back everything.
        if not self.autosaver.save_now(force=True):
            return
        try:
            operations.delete_article(self._store, article_id)
        except OperationError as error:
            self.report(error)
            return
        row = self.model.row_of(article_id) or 0
        # Stop tracking first: removing the row moves the view's current index, and
        # that must not try to save the article that is gone.
        self.autosaver.track(None)
        self.model.article_removed(article_id)
        if self.autosaver.article_id is None:
            neighbour = self.model.article_id(min(row, self.model.rowCount() - 1))
            if neighbour is None:
                self._show_empty_state()
            else:
                self.open_article(neighbour)
        self.status.showMessage(self.tr("Article deleted."), 5000)

    def export_html(self) -> None:
        if self.autosaver.article_id is None or not self.autosaver.save_now(force=True):
            return
        try:
            article = operations.load_article(self._store, self.autosaver.article_id)
        except OperationError as error:
            self.report(error)
            return
        folder = self._session.export_dir() or Path.home()
        path = self.prompts.export_path(self, folder / export_filename(article))
        if path is None:
            return
        try:
            written = operations.export_article(self._renderer, article, path)
        except OperationError as error:
            self.report(error)
            return
        self._session.set_export_dir(written.parent)
        self.status.showMessage(self.tr("Exported to {path}").format(path=written), 10000)

    def report(self, error: OperationError) -> None:
        """The one place a failed action is shown to the user."""
        self.status.showMessage(str(error), 10000)
        self.prompts.warn(self, self.tr("deskeditor"), str(error))

    def _about(self) -> None:
        self.prompts.about(
            self,
            self.tr("About deskeditor"),
            self.tr("<b>deskeditor {version}</b><p>A desktop newsroom editor.</p>").format(
                version=__version__
            ),
        )

    # --- feedback -------------------------------------------------------------------

    def _on_saved(self, article: Article) -> None:
        self._warned_about_save = False
        self._close_despite_failure = False
        self.editor.saved(article)
        self.model.article_saved(article)
        self.status.show_saved(datetime.now())
        self._update_title()

    def _on_save_failed(self, message: str) -> None:
        self.status.show_save_error(message)
        if not self._warned_about_save:
            # Once per failure streak: a box on every retry would make typing impossible.
            self._warned_about_save = True
            self.prompts.warn(
                self,
                self.tr("Not saved"),
                self.tr("{message}\n\nYour text stays in the editor; saving is retried.").format(
                    message=message
                ),
            )

    def _update_counts(self) -> None:
        self.status.show_counts(self.editor.body_edit.toPlainText())

    def _update_title(self) -> None:
        # Qt appends the application display name ("— deskeditor") on desktop platforms.
        if self.autosaver.article_id is None:
            self.setWindowTitle("")
        else:
            self.setWindowTitle(self.editor.headline_edit.text().strip() or self.tr("Untitled"))

    def _render_preview(self) -> str:
        article = self.editor.current_article() if self.autosaver.article_id is not None else None
        return BLANK_PAGE if article is None else self._renderer.article_page(article)

    # --- session ----------------------------------------------------------------------

    def _restore_session(self) -> None:
        geometry = self._session.geometry()
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(1400, 860)
        state = self._session.window_state()
        if state is not None:
            self.restoreState(state)
        splitter = self._session.splitter_state()
        if splitter is None or not self.splitter.restoreState(splitter):
            self.splitter.setSizes(list(DEFAULT_SPLITTER_SIZES))
        visible = self._session.preview_visible()
        self.commands.toggle_preview.setChecked(visible)
        self.preview.setVisible(visible)

    def _save_session(self) -> None:
        session = self._session
        session.set_geometry(self.saveGeometry())
        session.set_window_state(self.saveState())
        session.set_splitter_state(self.splitter.saveState())
        session.set_preview_visible(self.commands.toggle_preview.isChecked())
        session.set_last_article(self.autosaver.article_id)
        session.sync()

    @override
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.autosaver.save_now(force=True) and not self._close_despite_failure:
            # Never lose a story silently: stay open once, so the text can be copied out.
            self._close_despite_failure = True
            event.ignore()
            self.prompts.warn(
                self,
                self.tr("Not saved"),
                self.tr("The last changes could not be saved. Close again to quit without them."),
            )
            return
        self._save_session()
        self.autosaver.stop()
        super().closeEvent(event)
        self.closed.emit()
