"""The main window: article list, editor and preview side by side, wired to autosave."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QCloseEvent, QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import QMainWindow, QSplitter, QStackedWidget, QWidget
from typing_extensions import override

from deskeditor import __version__, paths
from deskeditor.core.models import SECTIONS, Article, ArticleId
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store
from deskeditor.ui import operations
from deskeditor.ui.actions import build_menus, build_toolbar, create_actions, format_groups
from deskeditor.ui.articleeditor import ArticleEditor
from deskeditor.ui.autosave import DEBOUNCE_MS, Autosaver
from deskeditor.ui.emptystate import EmptyState
from deskeditor.ui.exporting import export_article_page
from deskeditor.ui.listcontroller import ListController
from deskeditor.ui.listpane import ListPane
from deskeditor.ui.operations import OperationError
from deskeditor.ui.preferences import AppPreferences, preferences_settings
from deskeditor.ui.preview import PreviewUpdater, PreviewView
from deskeditor.ui.prompts import Prompts
from deskeditor.ui.sessionstate import SessionState
from deskeditor.ui.statusbar import EditorStatusBar
from deskeditor.ui.transfer import dropped_paths
from deskeditor.ui.trashview import TrashView
from deskeditor.ui.windowextras import WindowExtras
from deskeditor.ui.windowlayout import restore_layout, save_layout

BLANK_PAGE = "<!DOCTYPE html><html><head><meta charset='utf-8'></head><body></body></html>"
DEFAULT_SPLITTER_SIZES = (440, 560, 460)
STARTUP_WAIT_MS = 100
"""How long start-up waits for the article list. A small store's list is in by then and
the window opens complete; a big one's (about 300 ms at 100,000 articles) fills in
after the window is shown, rather than holding it back."""
PREVIEW_DELAY_MS = 120
"""Quiet time before the preview refreshes: rendering a 10,000-word article takes 20-45 ms
and loading it 50-90 ms, so the refreshed page is up within 300 ms after typing stops,
with room left for a busy machine."""


class MainWindow(QMainWindow):
    """One store, one window: everything it needs comes in through the constructor.

    The list shows either the live articles, which open in the editor, or the Trash,
    whose articles are shown read-only (see TrashView) until restored.
    """

    closed = Signal()  # the window saved its work and session and has closed

    def __init__(
        self,
        store: Store,
        renderer: Renderer,
        session: SessionState,
        *,
        prompts: Prompts | None = None,
        preferences: AppPreferences | None = None,
        open_article: ArticleId | None = None,
        autosave_ms: int = DEBOUNCE_MS,
        app: QGuiApplication | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mainWindow")
        self._store = store
        self._renderer = renderer
        self.preferences = preferences or AppPreferences(
            preferences_settings(paths.preferences_file())
        )
        self._session = session
        self.prompts = prompts if prompts is not None else Prompts(self)
        self._warned_about_save = False
        self._close_despite_failure = False

        self.commands = create_actions(self)
        commands = self.commands
        self.list_pane = ListPane(store, commands, self.prompts, self)
        self.model = self.list_pane.model
        self.list_view = self.list_pane.view
        # The first id list is read on the worker while the rest of the window is built.
        self.model.refresh()
        try:
            sections = operations.sections(store)
        except OperationError:
            sections = list(SECTIONS)  # the built-in list, if the store's cannot be read
        self.editor = ArticleEditor(
            self, sections=sections, page_chars=self.preferences.manuscript_page_chars()
        )
        self.empty_state = EmptyState(self.commands.new, self)
        self.waiting = QWidget(self)  # the middle pane while a big store's list is read
        self.waiting.setObjectName("waitingPane")
        self.trash_view = TrashView(
            store,
            self.model,
            self.prompts,
            commands,
            report=self.report,
            tell=self.tell,
            parent=self,
        )
        self.middle = QStackedWidget(self)
        self.middle.setObjectName("middlePane")
        for page in (self.waiting, self.empty_state, self.editor, self.trash_view):
            self.middle.addWidget(page)
        self.preview = PreviewView(self)
        self.preview_updater = PreviewUpdater(
            self.preview, self._render_preview, delay_ms=PREVIEW_DELAY_MS, parent=self
        )
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        for pane in (self.list_pane, self.middle, self.preview):
            self.splitter.addWidget(pane)
        self.splitter.setChildrenCollapsible(False)
        self.setCentralWidget(self.splitter)
        self.status = EditorStatusBar(self)
        self.setStatusBar(self.status)

        groups = format_groups(self.editor.body_edit)
        build_menus(self.menuBar(), self.commands, groups)
        build_toolbar(self, self.commands, groups)
        # Delete is bound to the list (WidgetWithChildrenShortcut) and offered in the menu.
        self.list_view.addAction(self.commands.delete)
        self.setTabOrder(self.list_view, self.editor.section_edit)

        self.extras = WindowExtras(self)
        self.setAcceptDrops(True)
        self.editor.body_edit.set_markdown_typing(self.preferences.markdown_typing())

        self.autosaver = Autosaver(store, self.editor.content, debounce_ms=autosave_ms, parent=self)
        application = app or QGuiApplication.instance()
        if isinstance(application, QGuiApplication):
            self.autosaver.watch_application(application)
        self.browsing = ListController(
            self, store, self.list_pane, self.trash_view, self.commands, self
        )
        self._connect()

        self.model.finish_loading(STARTUP_WAIT_MS)
        restore_layout(
            self, self.splitter, self.commands.toggle_preview, session, DEFAULT_SPLITTER_SIZES
        )
        self.browsing.open_initial(open_article, session.last_article())

    def _connect(self) -> None:
        commands = self.commands
        commands.new.triggered.connect(self.new_article)
        commands.save.triggered.connect(self.save_now)
        commands.export.triggered.connect(self.export_html)
        commands.delete.triggered.connect(self.delete_article)
        commands.toggle_preview.toggled.connect(self.preview.setVisible)
        commands.focus_list.triggered.connect(self.list_view.setFocus)
        commands.about.triggered.connect(self._about)
        self.editor.content_changed.connect(self.autosaver.note_change)
        self.editor.content_changed.connect(self.preview_updater.schedule)
        self.editor.counts_changed.connect(self.status.show_report)
        self.editor.body_edit.unsupported_content.connect(
            lambda message: self.status.showMessage(message, 10000)
        )
        self.preferences.manuscript_page_chars_changed.connect(self.editor.set_page_chars)
        self.preferences.markdown_typing_changed.connect(self.editor.body_edit.set_markdown_typing)
        self.autosaver.article_saved.connect(self._on_saved)
        self.autosaver.save_failed.connect(self._on_save_failed)
        self.model.load_failed.connect(self.status.showMessage)

    # --- opening and switching ----------------------------------------------------

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
        self.model.keep_near = article.id
        self.middle.setCurrentWidget(self.editor)
        self._enable_article_commands(True)
        self.list_pane.select_article(article.id)
        self._update_title()
        self.preview_updater.refresh_now()

    def show_empty_state(self) -> None:
        self.autosaver.track(None)
        self.model.keep_near = None
        self.middle.setCurrentWidget(self.empty_state)
        self._enable_article_commands(False)
        self.status.clear_counts()
        self._update_title()
        self.preview_updater.refresh_now()

    def _enable_article_commands(self, enabled: bool) -> None:
        """Save, export and delete need an open article (the body keeps its own actions)."""
        for action in (self.commands.save, self.commands.export, self.commands.delete):
            action.setEnabled(enabled)
        self.extras.set_article_open(enabled)

    # --- what the list controller needs of the window --------------------------------

    def show_trash_page(self) -> None:
        """The Trash is listed: its middle pane shows, and nothing can be edited."""
        self._enable_article_commands(False)
        self.middle.setCurrentWidget(self.trash_view)

    def trashed_article_shown(self) -> None:
        self._update_title()
        self.preview_updater.refresh_now()

    def focus_editor(self) -> None:
        self.editor.body_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def tell(self, message: str) -> None:
        self.status.showMessage(message, 10000)

    # --- commands -----------------------------------------------------------------

    def new_article(self) -> None:
        if self.list_pane.in_trash:
            self.commands.show_trash.setChecked(False)
        if not self.autosaver.save_now(force=True):
            return
        try:
            article = operations.create_article(self._store, self.preferences.new_article_content())
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
        self.browsing.article_deleted(article_id)
        self.status.showMessage(self.tr("Article deleted."), 5000)

    def export_html(self) -> None:
        article_id = self.autosaver.article_id
        if article_id is None or not self.autosaver.save_now(force=True):
            return
        try:
            written = export_article_page(
                self,
                self._store,
                self._renderer,
                self._session,
                self.prompts,
                article_id,
                photos=self.extras.photos.photos(),
                add_alt=self.extras.photos.edit_photo,
            )
        except OperationError as error:
            self.report(error)
            return
        if written is not None:
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

    # --- what the extras need of the window -----------------------------------------

    @property
    def store(self) -> Store:
        return self._store

    @property
    def renderer(self) -> Renderer:
        return self._renderer

    def current_article_id(self) -> ArticleId | None:
        article = self.editor.current_article()
        return article.id if article is not None and not self.list_pane.in_trash else None

    @override
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if dropped_paths(event.mimeData()):
            event.acceptProposedAction()

    @override
    def dropEvent(self, event: QDropEvent) -> None:
        files = dropped_paths(event.mimeData())
        if files:
            event.acceptProposedAction()
            self.extras.import_paths(files)

    def _update_title(self) -> None:
        # Qt appends the application display name ("— deskeditor") on desktop platforms.
        if self.list_pane.in_trash:
            self.setWindowTitle(self.tr("Trash"))
        elif self.autosaver.article_id is None:
            self.setWindowTitle("")
        else:
            self.setWindowTitle(self.editor.headline_edit.text().strip() or self.tr("Untitled"))

    def _render_preview(self) -> str:
        if self.list_pane.in_trash:
            article = self.trash_view.article
        elif self.autosaver.article_id is not None:
            article = self.editor.current_article()
        else:
            article = None
        if article is None:
            return BLANK_PAGE
        return self._renderer.article_page(article, photos=self.extras.photos.photos())

    def _save_session(self) -> None:
        save_layout(self, self.splitter, self.commands.toggle_preview, self._session)
        self._session.set_last_article(self.autosaver.article_id or self.browsing.live_article)
        self._session.sync()

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
        self.list_pane.shutdown()  # no read may outlive the window: the store closes next
        super().closeEvent(event)
        self.closed.emit()
