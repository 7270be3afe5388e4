"""The article list as a lazy table model: it holds ids and fetches rows in cached pages."""

from __future__ import annotations

from collections import OrderedDict
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from typing_extensions import override

from deskeditor.core.models import Article, ArticleId, ArticleSummary, Status
from deskeditor.core.store import Store
from deskeditor.ui import operations
from deskeditor.ui.operations import OperationError

AnyIndex = QModelIndex | QPersistentModelIndex

HEADLINE, SECTION, STATUS, MODIFIED, LENGTH = range(5)
COLUMN_COUNT = 5
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1


def summary_of(article: Article) -> ArticleSummary:
    """The list row of an article just saved, without asking the store again."""
    content = article.content
    return ArticleSummary(
        id=article.id,
        headline=content.headline,
        section=content.section,
        status=content.status,
        updated_at=article.updated_at,
        created_at=article.created_at,
        body_chars=len(content.body),
        tags=content.tags,
    )


def short_local_time(moment: datetime, now: datetime | None = None) -> str:
    """Local time of day for today's edits, a local date and time for older ones."""
    local = moment.astimezone()
    today = (now or datetime.now().astimezone()).date()
    return local.strftime("%H:%M") if local.date() == today else local.strftime("%Y-%m-%d %H:%M")


class ArticleListModel(QAbstractTableModel):
    """Live articles, newest first; only the rows a view asks for are read from the store.

    The id list of even 100,000 articles is one cheap query; summaries are read a
    page at a time when a row is first shown and kept in a bounded cache.
    """

    load_failed = Signal(str)  # message, when rows could not be read

    PAGE_SIZE = 100
    CACHE_LIMIT = 2000

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self._store = store
        self._ids: list[ArticleId] = []
        self._cache: OrderedDict[ArticleId, ArticleSummary] = OrderedDict()
        self._headers = (
            self.tr("Headline"),
            self.tr("Section"),
            self.tr("Status"),
            self.tr("Modified"),
            self.tr("Length"),
        )
        self._status_labels = {
            Status.DRAFT: self.tr("Draft"),
            Status.DESK: self.tr("Desk"),
            Status.READY: self.tr("Ready"),
            Status.PUBLISHED: self.tr("Published"),
        }

    def reload(self) -> None:
        """Read the id list again (at start and after a failure)."""
        try:
            ids = operations.article_ids(self._store)
        except OperationError as error:
            ids = []
            self.load_failed.emit(str(error))
        self.beginResetModel()
        self._ids = ids
        self._cache.clear()
        self.endResetModel()

    def article_id(self, row: int) -> ArticleId | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: ArticleId) -> int | None:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return None

    def summary(self, row: int) -> ArticleSummary | None:
        """The row's summary, reading its page from the store when it is not cached."""
        article_id = self.article_id(row)
        if article_id is None:
            return None
        cached = self._cache.get(article_id)
        if cached is not None:
            self._cache.move_to_end(article_id)
            return cached
        self._fetch_page(row)
        return self._cache.get(article_id)

    def _fetch_page(self, row: int) -> None:
        start = row - row % self.PAGE_SIZE
        page = self._ids[start : start + self.PAGE_SIZE]
        try:
            found = operations.summaries(self._store, page)
        except OperationError as error:
            self.load_failed.emit(str(error))
            return
        for summary in found:
            self._cache[summary.id] = summary
            self._cache.move_to_end(summary.id)
        while len(self._cache) > self.CACHE_LIMIT:
            self._cache.popitem(last=False)

    def cached_count(self) -> int:
        """How many summaries are held in memory (for tests and diagnostics)."""
        return len(self._cache)

    def article_saved(self, article: Article) -> None:
        """Show a saved article's new row; an edited one moves to the top (newest first)."""
        new = summary_of(article)
        row = self.row_of(article.id)
        if row is None:
            self.article_added(article)
            return
        old = self._cache.get(article.id)
        self._cache[article.id] = new
        moved = old is None or old.updated_at != new.updated_at
        if moved and row != 0:
            # Persistent indexes (the view's selection and current row) follow the move.
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), 0)
            del self._ids[row]
            self._ids.insert(0, article.id)
            self.endMoveRows()
            row = 0
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    def article_added(self, article: Article) -> None:
        """A new article goes on top."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._ids.insert(0, article.id)
        self._cache[article.id] = summary_of(article)
        self.endInsertRows()

    def article_removed(self, article_id: ArticleId) -> None:
        row = self.row_of(article_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self._cache.pop(article_id, None)
        self.endRemoveRows()

    @override
    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._ids)

    @override
    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:
        return 0 if parent.isValid() else COLUMN_COUNT

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < COLUMN_COUNT
        ):
            return self._headers[section]
        return None

    @override
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return (
            Qt.ItemFlag.ItemIsEnabled
            | Qt.ItemFlag.ItemIsSelectable
            | Qt.ItemFlag.ItemNeverHasChildren
        )

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._ids):
            return None
        if role == ARTICLE_ID_ROLE:
            return int(self._ids[index.row()])
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == LENGTH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        summary = self.summary(index.row())
        if summary is None:
            return None
        return self._display(summary, index.column())

    def _display(self, summary: ArticleSummary, column: int) -> str | int | None:
        if column == HEADLINE:
            return summary.headline.strip() or self.tr("Untitled")
        if column == SECTION:
            return summary.section
        if column == STATUS:
            return self._status_labels.get(summary.status, summary.status.value)
        if column == MODIFIED:
            return short_local_time(summary.updated_at)
        if column == LENGTH:
            return summary.body_chars
        return None
