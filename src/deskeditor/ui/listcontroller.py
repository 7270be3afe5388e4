"""The list's side of the window: the chosen row opens, and the Trash is shown read-only."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, QSignalBlocker

from deskeditor.core.models import ArticleId
from deskeditor.core.store import Store
from deskeditor.ui import operations
from deskeditor.ui.actions import WindowActions
from deskeditor.ui.autosave import Autosaver
from deskeditor.ui.listpane import ListPane
from deskeditor.ui.operations import OperationError
from deskeditor.ui.trashview import TrashView


class ListHost(Protocol):
    """What the controller asks of the window, which owns the editing side."""

    autosaver: Autosaver

    def open_article(self, article_id: ArticleId) -> bool: ...

    def show_empty_state(self) -> None: ...

    def show_trash_page(self) -> None: ...

    def trashed_article_shown(self) -> None: ...

    def focus_editor(self) -> None: ...

    def tell(self, message: str) -> None: ...


class ListController(QObject):
    """Opens what the list makes current, switches to the Trash and back, picks successors.

    The view's current row is the one truth: a click, the arrow keys and Enter in the
    search box all make a row current, and this opens it (or, in the Trash, shows it).
    When no article is named, the first one listed opens once the rows are in.
    """

    def __init__(
        self,
        host: ListHost,
        store: Store,
        pane: ListPane,
        trash_view: TrashView,
        commands: WindowActions,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._host = host
        self._store = store
        self._pane = pane
        self._model = pane.model
        self._trash_view = trash_view
        self._commands = commands
        self._live_article: ArticleId | None = None  # open when the Trash was shown
        self._open_first_when_listed = False
        pane.view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        pane.view.activated.connect(self._on_row_activated)
        self._model.query_applied.connect(self._on_query_applied)
        trash_view.article_shown.connect(self._on_trashed_shown)
        commands.show_trash.toggled.connect(self.show_trash)

    @property
    def live_article(self) -> ArticleId | None:
        """The article that was open when the Trash was shown (reopened on the way back)."""
        return self._live_article

    # --- opening ------------------------------------------------------------------------

    def open_initial(self, requested: ArticleId | None, last: ArticleId | None) -> None:
        """--open wins, then the article open at the last close, then the newest one.

        While a big store's list is still being read, a named article opens at once
        and the newest one when the list is in.
        """
        for candidate in (requested, last):
            if candidate is not None and self._is_live(candidate):
                self._host.open_article(candidate)
                return
        if requested is not None:
            self._host.tell(self.tr("There is no article with id {id}.").format(id=requested))
        if self._model.is_loading:
            self._open_first_when_listed = True
        else:
            self._open_first()

    def _is_live(self, article_id: ArticleId) -> bool:
        """Whether an article exists outside the Trash (asked quietly: a stale id is no error)."""
        if not self._model.is_loading:
            return self._model.row_of(article_id) is not None
        try:
            return not operations.load_article(self._store, article_id).is_deleted
        except OperationError:
            return False

    def _open_first(self) -> None:
        first = self._model.article_id(0)
        if first is None:
            self._host.show_empty_state()
        else:
            self._host.open_article(first)

    def _on_current_row_changed(
        self,
        current: QModelIndex | QPersistentModelIndex,
        _previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        article_id = self._model.article_id(current.row()) if current.isValid() else None
        if self._pane.in_trash:
            self._trash_view.show_id(article_id)
            return
        autosaver = self._host.autosaver
        if article_id is None or article_id == autosaver.article_id:
            return
        if not self._host.open_article(article_id) and autosaver.article_id is not None:
            # The edits could not be saved: keep them on screen and the list on them.
            self._pane.select_article(autosaver.article_id)

    def _on_row_activated(self, _index: QModelIndex) -> None:
        """Enter (or a double click) on the open article's row: go and edit it."""
        if self._host.autosaver.article_id is not None:
            self._host.focus_editor()

    def _on_query_applied(self) -> None:
        """The first rows are in, or back from the Trash with nothing to reopen: open the top."""
        if self._open_first_when_listed and not self._pane.in_trash:
            self._open_first_when_listed = False
            self._open_first()

    def article_deleted(self, article_id: ArticleId) -> None:
        """The open article went to the Trash: its row goes, and its neighbour opens."""
        autosaver = self._host.autosaver
        row = self._model.row_of(article_id) or 0
        # Stop tracking first: removing the row moves the view's current index, and
        # that must not try to save the article that is gone.
        autosaver.track(None)
        self._model.article_removed(article_id)
        if autosaver.article_id is None:
            neighbour = self._model.article_id(min(row, self._model.rowCount() - 1))
            if neighbour is None:
                self._host.show_empty_state()
            else:
                self._host.open_article(neighbour)

    # --- the Trash ----------------------------------------------------------------------

    def show_trash(self, shown: bool) -> None:
        """Switch the list to the Trash (saving the open article first) and back."""
        if shown == self._pane.in_trash:
            return
        autosaver = self._host.autosaver
        if shown:
            if not autosaver.save_now(force=True):
                with QSignalBlocker(self._commands.show_trash):  # unsaved edits stay on screen
                    self._commands.show_trash.setChecked(False)
                return
            self._live_article = autosaver.article_id
            autosaver.track(None)
            self._pane.set_trash(True)
            self._trash_view.show_article(None)
            self._host.show_trash_page()
            return
        live, self._live_article = self._live_article, None
        self._trash_view.show_article(None)
        self._commands.restore.setEnabled(False)
        self._model.keep_near = live
        self._pane.set_trash(False)
        if live is None or not self._host.open_article(live):
            self._open_first_when_listed = True

    def _on_trashed_shown(self) -> None:
        if self._pane.in_trash:
            shown = self._trash_view.article
            self._model.keep_near = shown.id if shown is not None else None
            self._host.trashed_article_shown()
