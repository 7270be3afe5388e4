"""The article list as a lazy table model: ids per query, rows fetched in cached pages."""

from __future__ import annotations

import html
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from typing_extensions import override

from deskeditor.core.models import Article, ArticleId, ArticleSummary, ListQuery, SortKey
from deskeditor.core.store import Store
from deskeditor.ui import operations
from deskeditor.ui.listloader import BackgroundReads
from deskeditor.ui.listrows import (
    ListRow,
    PageCache,
    RowReader,
    snippet_rich_text,
    summary_of,
)
from deskeditor.ui.operations import OperationError
from deskeditor.ui.statusbadge import STATUS_ROLE, status_labels

AnyIndex = QModelIndex | QPersistentModelIndex

STATUS, SECTION, HEADLINE, MODIFIED, LENGTH = range(5)
COLUMN_COUNT = 5
ARTICLE_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SNIPPET_ROLE = Qt.ItemDataRole.UserRole + 3
"""A search hit's excerpt as escaped HTML with <mark> around the hits ("" outside a search)."""

SORT_KEYS = {
    STATUS: SortKey.STATUS,
    SECTION: SortKey.SECTION,
    HEADLINE: SortKey.HEADLINE,
    MODIFIED: SortKey.UPDATED,
    LENGTH: SortKey.LENGTH,
}
SORT_COLUMNS = {key: column for column, key in SORT_KEYS.items()}
# A first click on a date or a length shows the largest first; on text, A to Z.
FIRST_ORDER = {MODIFIED: Qt.SortOrder.DescendingOrder, LENGTH: Qt.SortOrder.DescendingOrder}

_DISPLAY = Qt.ItemDataRole.DisplayRole.value
_TOOLTIP = Qt.ItemDataRole.ToolTipRole.value
_ALIGNMENT = Qt.ItemDataRole.TextAlignmentRole.value
# The roles answered; a view asks for seven per cell and a repaint must not wait on that.
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _ALIGNMENT, STATUS_ROLE, ARTICLE_ID_ROLE, SNIPPET_ROLE})
_RIGHT_ALIGNED = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_ROW_FLAGS = (
    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
)


class ArticleListModel(QAbstractTableModel):
    """The articles a ListQuery selects; only the rows a view shows are read from the store.

    The id list of even 100,000 articles is one query, run on a worker thread when
    the query changes (sort, filter, search, Trash) so the window never waits on it;
    summaries are read a page at a time when a row is first shown, into a bounded cache.
    With wait_for_rows off (the window's list), a row whose page is not in yet is
    shown empty and filled in when the worker has read it, rather than read on the
    UI thread: a page of a big store not in the disk cache can take a second.
    """

    load_failed = Signal(str)  # message, when rows could not be read
    loading_changed = Signal(bool)  # a new query started (True) or its rows are in (False)
    query_applied = Signal()  # the rows of a new query replaced the old ones

    PAGE_SIZE = 100
    SNIPPET_PAGE = 20
    CACHE_LIMIT = 2000

    def __init__(
        self,
        store: Store,
        parent: Any = None,
        *,
        reads: BackgroundReads | None = None,
        wait_for_rows: bool = True,
    ) -> None:
        super().__init__(parent)
        self._store = store
        self._wait_for_rows = wait_for_rows
        self._reads = reads if reads is not None else BackgroundReads(self)
        self._query = ListQuery()
        self._pending: ListQuery | None = None
        self._ticket: int | None = None
        # Edits made while a query runs, replayed on its result (it may predate them).
        self._added_meanwhile: list[ArticleId] = []
        self._removed_meanwhile: set[tuple[ArticleId, bool]] = set()  # (id, from the Trash)
        self._ids: list[ArticleId] = []
        self._edits = 0  # counts edits, so that rows read before one are not shown after it
        self.keep_near: ArticleId | None = None
        """The article the window keeps chosen: its rows are read with each new id list."""
        self._rows = RowReader(store, status_labels(), self.tr("Untitled"), self.PAGE_SIZE)
        self._cache = PageCache(
            self._rows.rows,
            page=self.PAGE_SIZE,
            limit=self.CACHE_LIMIT,
            reads=self._reads,
            failed=self.load_failed.emit,
            arrived=self._rows_arrived,
        )
        # Snippets are read for a hit that is pointed at or chosen: never read ahead.
        self._snippets = PageCache(
            lambda ids: operations.snippets(self._store, ids, self._query.text),
            page=self.SNIPPET_PAGE,
            limit=self.CACHE_LIMIT,
            failed=self.load_failed.emit,
        )
        self._headers = (
            self.tr("Status"),
            self.tr("Section"),
            self.tr("Headline"),
            self.tr("Modified"),
            self.tr("Length"),
        )

    # --- the query ------------------------------------------------------------------------

    @property
    def query(self) -> ListQuery:
        """The query whose rows are shown."""
        return self._query

    @property
    def target_query(self) -> ListQuery:
        """The query being loaded, or the one shown when none is."""
        return self._pending if self._pending is not None else self._query

    @property
    def is_loading(self) -> bool:
        return self._pending is not None

    def reload(self) -> None:
        """Read the wanted query's ids now, on this thread (at start, after Empty Trash)."""
        query = self.target_query
        was_loading = self.is_loading
        self._cancel_pending()
        try:
            ids = operations.article_ids(self._store, query)
        except OperationError as error:
            ids = []
            self.load_failed.emit(str(error))
        self._reset(query, ids)
        if was_loading:
            self.loading_changed.emit(False)
        self.query_applied.emit()

    def refresh(self) -> None:
        """Read the wanted query's ids again on the worker (the rows shown stay till then)."""
        query = self.target_query
        self._cancel_pending()
        self._start(query)

    def finish_loading(self, timeout_ms: int = -1) -> bool:
        """Wait (at most timeout_ms) for the rows being read and show them now; True if shown."""
        self._reads.finish(timeout_ms)
        return not self.is_loading

    def set_query(self, query: ListQuery) -> None:
        """Show another query's rows once the worker has read them (the old rows stay till then)."""
        if query == self.target_query:
            return
        was_loading = self.is_loading
        self._cancel_pending()
        if query == self._query:
            if was_loading:  # back to the rows on show: nothing to read
                self.loading_changed.emit(False)
                self.query_applied.emit()
            return
        self._start(query)

    def _start(self, query: ListQuery) -> None:
        self._pending = query
        self._added_meanwhile.clear()
        self._removed_meanwhile.clear()
        near = self.keep_near
        edits = self._edits
        self._ticket = self._reads.run(
            lambda: self._rows.ids_and_rows(query, near),
            lambda found: self._loaded(query, found[0], found[1] if edits == self._edits else {}),
            lambda message: self._load_failed(query, message),
        )
        self.loading_changed.emit(True)

    def wait_for_reads(self) -> None:
        """Finish with the worker (before the store closes); a pending query is dropped."""
        self._cancel_pending()
        self._reads.wait()

    def _cancel_pending(self) -> None:
        if self._ticket is not None:
            self._reads.cancel(self._ticket)
        self._ticket = None
        self._pending = None

    def _loaded(
        self, query: ListQuery, ids: list[ArticleId], rows: dict[ArticleId, ListRow]
    ) -> None:
        self._ticket = None
        self._pending = None
        gone = {
            article_id for article_id, trash in self._removed_meanwhile if trash == query.deleted
        }
        if gone:
            ids = [article_id for article_id in ids if article_id not in gone]
        if self._added_meanwhile and not query.deleted:
            known = set(ids)
            ids[:0] = [added for added in self._added_meanwhile if added not in known]
        self._reset(query, ids)
        self._cache.fill(rows)
        self.loading_changed.emit(False)
        self.query_applied.emit()

    def _load_failed(self, query: ListQuery, message: str) -> None:
        self.load_failed.emit(message)
        self._loaded(query, [], {})

    def _reset(self, query: ListQuery, ids: list[ArticleId]) -> None:
        self.beginResetModel()
        self._query = query
        self._ids = ids
        self._cache.clear()
        self._snippets.clear()
        self.endResetModel()

    @override
    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Re-query in the column's order (the store sorts; nothing is sorted here)."""
        key = SORT_KEYS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        self.set_query(replace(self.target_query, sort=key, descending=descending))

    # --- rows -------------------------------------------------------------------------------

    def article_id(self, row: int) -> ArticleId | None:
        return self._ids[row] if 0 <= row < len(self._ids) else None

    def row_of(self, article_id: ArticleId) -> int | None:
        try:
            return self._ids.index(article_id)
        except ValueError:
            return None

    def summary(self, row: int) -> ArticleSummary | None:
        """The row's summary, reading its page from the store when it is not cached."""
        entry = self._entry(row, wait=True)
        return entry.summary if entry is not None else None

    def _entry(self, row: int, *, wait: bool) -> ListRow | None:
        if not 0 <= row < len(self._ids):
            return None
        return self._cache.get(self._ids, row, wait=wait)

    def _rows_arrived(self, first: int, count: int) -> None:
        """Rows shown empty while their page was read: the view asks for them again."""
        last = min(first + count, len(self._ids)) - 1
        if first <= last:
            self.dataChanged.emit(self.index(first, 0), self.index(last, COLUMN_COUNT - 1))

    def pages_not_ready(self) -> int:
        """How many pages a view reached before their rows were read (for benchmarks)."""
        return self._cache.pages_not_ready

    def snippet(self, row: int) -> str:
        """A search hit's excerpt (escaped HTML with <mark>), or "" outside a search."""
        if not 0 <= row < len(self._ids) or not self._query.text.strip():
            return ""
        return self._snippets.get(self._ids, row) or ""

    def cached_count(self) -> int:
        """How many summaries are held in memory (for tests and diagnostics)."""
        return len(self._cache)

    # --- edits made in the window -------------------------------------------------------------

    def _keeps_newest_first(self) -> bool:
        """True when a saved article belongs at the top: the plain newest-first list."""
        query = self._query
        return query.sort is SortKey.UPDATED and query.descending and not query.text.strip()

    def article_saved(self, article: Article) -> None:
        """Show a saved article's new row; in the newest-first list an edited one moves up.

        In any other order the row is updated where it stands (as mail clients do) and
        takes its sorted place at the next query: rows jumping while one types would
        lose the reader's place.
        """
        new = summary_of(article)
        row = self.row_of(article.id)
        self._edits += 1
        if row is None:
            return
        old = self._cache.peek(article.id)
        self._cache.put(article.id, self._rows.row(new))
        moved = old is None or old.summary.updated_at != new.updated_at
        if moved and row != 0 and self._keeps_newest_first():
            # Persistent indexes (the view's selection and current row) follow the move.
            self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), 0)
            del self._ids[row]
            self._ids.insert(0, article.id)
            self.endMoveRows()
            row = 0
        self.dataChanged.emit(self.index(row, 0), self.index(row, COLUMN_COUNT - 1))

    def article_added(self, article: Article) -> None:
        """A new article goes on top, whatever the order, so that it is seen."""
        self._edits += 1
        if self.is_loading:
            self._added_meanwhile.append(article.id)
        if self._query.deleted:
            return
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._ids.insert(0, article.id)
        self._cache.put(article.id, self._rows.row(summary_of(article)))
        self.endInsertRows()

    def article_removed(self, article_id: ArticleId) -> None:
        """The article left this list (deleted, restored or removed for good)."""
        self._edits += 1
        if self.is_loading:
            self._removed_meanwhile.add((article_id, self._query.deleted))
        row = self.row_of(article_id)
        if row is None:
            return
        self.beginRemoveRows(QModelIndex(), row, row)
        del self._ids[row]
        self._cache.pop(article_id)
        self._snippets.pop(article_id)
        self.endRemoveRows()

    # --- Qt's model interface -------------------------------------------------------------------

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
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < COLUMN_COUNT:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._headers[section]
        if role == Qt.ItemDataRole.InitialSortOrderRole:
            return FIRST_ORDER.get(section, Qt.SortOrder.AscendingOrder).value
        return None

    @override
    def flags(self, index: AnyIndex) -> Qt.ItemFlag:
        return _ROW_FLAGS if index.isValid() else Qt.ItemFlag.NoItemFlags

    @override
    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # The hot path of every repaint: cheap exits first, cells formatted once per row.
        if role not in _ROLES:
            return None
        row = index.row()
        if not 0 <= row < len(self._ids):  # an invalid index has row -1
            return None
        column = index.column()
        wait = self._wait_for_rows
        if role == _DISPLAY:
            entry = self._entry(row, wait=wait)
            return entry.cells[column] if entry is not None else None
        if role == _ALIGNMENT:
            return _RIGHT_ALIGNED if column == LENGTH else None
        if role == ARTICLE_ID_ROLE:
            return int(self._ids[row])
        if role == SNIPPET_ROLE:
            return self.snippet(row)
        entry = self._entry(row, wait=wait)
        if entry is None:
            return None
        if role == STATUS_ROLE:
            return entry.summary.status.value if column == STATUS else None
        if self._query.text.strip():  # the tooltip of a search hit: its snippet
            return self._hit_tooltip(entry.summary, row)
        return entry.cells[column]

    def _hit_tooltip(self, summary: ArticleSummary, row: int) -> str:
        headline = html.escape(summary.headline.strip() or self.tr("Untitled"))
        return f"<qt><b>{headline}</b><br>{snippet_rich_text(self.snippet(row))}</qt>"
