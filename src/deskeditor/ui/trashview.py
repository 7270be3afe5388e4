"""The Trash's middle pane: a deleted article is read in the preview, restored or removed."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from deskeditor.core.models import Article, ArticleId, ListQuery
from deskeditor.core.store import Store
from deskeditor.ui import operations
from deskeditor.ui.actions import WindowActions
from deskeditor.ui.articlelistmodel import ArticleListModel
from deskeditor.ui.operations import OperationError
from deskeditor.ui.prompts import Prompts


class TrashView(QWidget):
    """Shows which deleted article is chosen; deleted articles are never edited.

    Editing a deleted article would mean autosaving into the Trash, where nobody
    looks; so it is shown read-only in the preview, and Restore brings it back to edit.
    """

    article_shown = Signal()  # another deleted article (or none) is shown: the preview follows

    def __init__(
        self,
        store: Store,
        model: ArticleListModel,
        prompts: Prompts,
        commands: WindowActions,
        *,
        report: Callable[[OperationError], None],
        tell: Callable[[str], None],
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("trashView")
        self._store = store
        self._model = model
        self._prompts = prompts
        self._restore_action = commands.restore
        commands.restore.triggered.connect(self.restore)
        commands.empty_trash.triggered.connect(self.empty_trash)
        self._report = report
        self._tell = tell
        self._article: Article | None = None
        self.title = QLabel(self)
        self.title.setObjectName("trashTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        self.title.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setObjectName("trashMessage")
        self.message.setWordWrap(True)
        self.restore_button = QPushButton(self.tr("Restore"), self)
        self.restore_button.setObjectName("trashRestoreButton")
        self.restore_button.clicked.connect(commands.restore.trigger)
        commands.restore.enabledChanged.connect(self.restore_button.setEnabled)
        model.query_applied.connect(self._on_rows)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.message)
        layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        self.show_article(None)

    @property
    def article(self) -> Article | None:
        """The deleted article shown, if any."""
        return self._article

    def show_id(self, article_id: ArticleId | None) -> None:
        if article_id is None:
            self.show_article(None)
            return
        if self._article is not None and self._article.id == article_id:
            return
        try:
            self.show_article(operations.load_article(self._store, article_id))
        except OperationError as error:
            self.show_article(None)
            self._report(error)

    def show_article(self, article: Article | None) -> None:
        self._article = article
        self._restore_action.setEnabled(article is not None)
        self.restore_button.setEnabled(article is not None)
        if article is None:
            self._describe_trash()
        else:
            deleted = article.deleted_at.astimezone() if article.deleted_at else None
            self.title.setText(article.content.headline.strip() or self.tr("Untitled"))
            self.message.setText(
                self.tr(
                    "Deleted {when}. Deleted articles are read-only: restore this one to edit it."
                ).format(when=f"{deleted:%Y-%m-%d %H:%M}" if deleted else "")
            )
        self.article_shown.emit()

    def _describe_trash(self) -> None:
        self.title.setText(self.tr("Trash"))
        self.message.setText(
            self.tr("Choose a deleted article to read it; restore it to edit it.")
            if self._model.rowCount()
            else self.tr("The Trash is empty.")
        )

    def _on_rows(self) -> None:
        if self._article is None and self._model.query.deleted:
            self._describe_trash()  # the Trash's rows are in: say whether it is empty

    def restore(self) -> ArticleId | None:
        """Bring the shown article back; the list moves on to its neighbour in the Trash."""
        article = self._article
        if article is None:
            return None
        try:
            operations.restore_article(self._store, article.id)
        except OperationError as error:
            self._report(error)
            return None
        # Forget it first: removing its row moves the view to a neighbour, shown next.
        self.show_article(None)
        self._model.article_removed(article.id)
        if self._article is None:  # no neighbour took its place: say what is left
            self.show_article(None)
        headline = article.content.headline.strip() or self.tr("Untitled")
        self._tell(self.tr("“{headline}” is back in the article list.").format(headline=headline))
        return article.id

    def empty_trash(self) -> int:
        """Remove every deleted article for good, after asking; returns how many went."""
        try:
            count = len(operations.article_ids(self._store, ListQuery(deleted=True)))
        except OperationError as error:
            self._report(error)
            return 0
        if count == 0:
            self._tell(self.tr("The Trash is empty."))
            return 0
        if not self._prompts.confirm_empty_trash(self.window(), count):
            return 0
        try:
            removed = operations.empty_trash(self._store)
        except OperationError as error:
            self._report(error)
            return 0
        if self._model.target_query.deleted:
            self._article = None
            self._model.reload()
            self.show_article(None)
        self._tell(self.tr("{count} article(s) removed for good.").format(count=removed))
        return removed
