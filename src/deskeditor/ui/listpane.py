"""The left pane: search box, filter bar, the article list and the Trash toggle."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QAction, QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from deskeditor.core.models import ArticleId, ListQuery
from deskeditor.core.store import Store
from deskeditor.ui import operations
from deskeditor.ui.actions import WindowActions
from deskeditor.ui.articlelistmodel import (
    HEADLINE,
    LENGTH,
    MODIFIED,
    SECTION,
    STATUS,
    ArticleListModel,
)
from deskeditor.ui.listfilters import FilterBar
from deskeditor.ui.listloader import BackgroundReads
from deskeditor.ui.listrows import snippet_rich_text
from deskeditor.ui.prompts import Prompts
from deskeditor.ui.statusbadge import StatusBadgeDelegate, status_labels

SEARCH_DELAY_MS = 200
"""Quiet time after a keystroke before the list is searched: a word is typed, not each letter."""

CHOICES_DELAY_MS = 1000
"""The filter choices are read this long after the pane is first shown, not during start-up."""


class SearchEdit(QLineEdit):
    """The search box: Escape clears it (or, when empty, leaves it); Down goes to the list."""

    leave_down = Signal()  # Down arrow: move into the list
    leave_back = Signal()  # Escape with nothing to clear

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            if self.text():
                self.clear()
            else:
                self.leave_back.emit()
            return
        if event.key() == Qt.Key.Key_Down:
            self.leave_down.emit()
            return
        super().keyPressEvent(event)


class ListPane(QWidget):
    """Builds the list's query from the search box, filters, header and Trash toggle.

    Choosing a row makes it the view's current row; the window opens whatever is
    current, so a click, the arrow keys and Enter in the search box all open the same way.
    """

    def __init__(
        self,
        store: Store,
        commands: WindowActions,
        prompts: Prompts,
        parent: Any = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("listPane")
        self._store = store
        self._trash = False
        self._open_when_loaded = False
        self._choices_asked = False
        self._shut_down = False
        self.reads = BackgroundReads(self)
        # The list never waits on the disk: a row not read yet is shown empty for a moment.
        self.model = ArticleListModel(store, self, reads=self.reads, wait_for_rows=False)

        self.search_edit = SearchEdit(self)
        self.search_edit.setObjectName("searchEdit")
        self.search_edit.setPlaceholderText(self.tr("Search headlines, text and tags"))
        self.search_edit.setClearButtonEnabled(True)
        self.search_edit.setAccessibleName(self.tr("Search"))
        self.filter_bar = FilterBar(prompts.date_range, parent=self)
        self.snippet_label = QLabel(self)
        self.snippet_label.setObjectName("snippetLabel")
        self.snippet_label.setTextFormat(Qt.TextFormat.RichText)
        self.snippet_label.setWordWrap(True)
        self.snippet_label.hide()
        self.count_label = QLabel(self)
        self.count_label.setObjectName("listCountLabel")

        bar = QHBoxLayout()
        bar.setContentsMargins(0, 0, 0, 0)
        self.trash_button = self._tool_button("trashButton", commands.show_trash)
        self.restore_button = self._tool_button("restoreButton", commands.restore)
        self.empty_trash_button = self._tool_button("emptyTrashButton", commands.empty_trash)
        for button in (self.trash_button, self.restore_button, self.empty_trash_button):
            bar.addWidget(button)
        bar.addStretch(1)
        bar.addWidget(self.count_label)
        # Made last, so that the focus chain runs search, filters, Trash buttons, then the
        # list, and Tab from the list goes on to the editor.
        self.view = self._build_view()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.search_edit)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.snippet_label)
        layout.addLayout(bar)
        self._show_trash_buttons(False)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_query)
        self._choices_timer = QTimer(self)
        self._choices_timer.setSingleShot(True)
        self._choices_timer.setInterval(CHOICES_DELAY_MS)
        self._choices_timer.timeout.connect(self.refresh_choices)
        commands.find.triggered.connect(self.focus_search)
        self.search_edit.textChanged.connect(self._on_search_text)
        self.search_edit.returnPressed.connect(self.open_hit)
        self.search_edit.leave_down.connect(self.enter_list)
        self.search_edit.leave_back.connect(self.view.setFocus)
        self.filter_bar.changed.connect(self.apply_query)
        self.filter_bar.tags_wanted.connect(self.refresh_choices)
        self.model.query_applied.connect(self._on_query_applied)
        self.model.loading_changed.connect(self._on_loading_changed)
        self.view.selectionModel().currentRowChanged.connect(self._on_current_changed)

    def _tool_button(self, name: str, action: QAction) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        return button

    def _build_view(self) -> QTableView:
        view = QTableView(self)
        view.setObjectName("articleList")
        view.setModel(self.model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setTabKeyNavigation(False)  # Tab leaves the list for the editor
        view.setWordWrap(False)
        view.setItemDelegateForColumn(STATUS, StatusBadgeDelegate(view))
        view.verticalHeader().hide()
        # Fixed row heights keep a view over 100,000 rows from measuring each one.
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = view.horizontalHeader()
        header.setHighlightSections(False)
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(HEADLINE, QHeaderView.ResizeMode.Stretch)
        # Widths from the font, never from the rows: measuring 100,000 rows is what stalls.
        metrics = view.fontMetrics()
        badge = max(metrics.horizontalAdvance(label) for label in status_labels().values())
        for column, sample, extra in (
            (STATUS, "", badge + 24),
            (SECTION, "IT·과학", 16),
            (MODIFIED, "2026-12-31 23:59", 16),
            (LENGTH, "99,999", 16),
        ):
            header.resizeSection(column, metrics.horizontalAdvance(sample) + extra)
        # The store sorts: set the indicator to its default order before sorting is enabled,
        # so enabling it asks for the order already shown.
        header.setSortIndicator(MODIFIED, Qt.SortOrder.DescendingOrder)
        view.setSortingEnabled(True)
        return view

    # --- the query --------------------------------------------------------------------------

    @property
    def in_trash(self) -> bool:
        return self._trash

    def set_trash(self, trash: bool) -> None:
        """Show the Trash (or the live articles) with the same search and filters."""
        self._trash = trash
        self._show_trash_buttons(trash)
        self.apply_query()

    def _show_trash_buttons(self, trash: bool) -> None:
        self.restore_button.setVisible(trash)
        self.empty_trash_button.setVisible(trash)

    def search_text(self) -> str:
        return self.search_edit.text().strip()

    def wanted_query(self) -> ListQuery:
        filters = self.filter_bar.filters()
        base = self.model.target_query
        return ListQuery(
            sort=base.sort,
            descending=base.descending,
            section=filters.section,
            status=filters.status,
            tag=filters.tag,
            updated_from=filters.updated_from,
            updated_until=filters.updated_until,
            deleted=self._trash,
            text=self.search_text(),
        )

    def apply_query(self) -> None:
        """Ask the model for the rows the controls describe (now, without the search delay)."""
        self._search_timer.stop()
        query = self.wanted_query()
        # Hits come best first; the header cannot re-sort them, so it shows no order then.
        self.view.setSortingEnabled(not query.text)
        self.model.set_query(query)
        self._update_count()

    def _on_search_text(self, text: str) -> None:
        if text.strip():
            self._search_timer.start()
        else:
            self.apply_query()  # clearing restores the list at once

    def focus_search(self) -> None:
        self.search_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_edit.selectAll()

    def open_hit(self) -> None:
        """Enter in the search box: open the chosen hit, or the top one, once the hits are in."""
        self.apply_query()
        if self.model.is_loading:
            self._open_when_loaded = True
        else:
            self._open_current_or_top()

    def _open_current_or_top(self) -> None:
        self._open_when_loaded = False
        current = self.view.currentIndex()
        row = current.row() if current.isValid() else 0
        if self.model.rowCount() > row:
            self.select_row(row)
            self.view.setFocus(Qt.FocusReason.OtherFocusReason)

    def enter_list(self) -> None:
        """Down from the search box: into the list, on its first row if none is chosen."""
        self.view.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self.view.currentIndex().isValid() and self.model.rowCount():
            self.select_row(0)

    def select_article(self, article_id: ArticleId) -> None:
        """Make the article's row current, if it is listed."""
        row = self.model.row_of(article_id)
        if row is not None:
            self.select_row(row)

    def select_row(self, row: int) -> None:
        index = self.model.index(row, HEADLINE)
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.view.selectionModel().setCurrentIndex(index, flags)
        self.view.scrollTo(index)

    def _on_query_applied(self) -> None:
        """New rows (sorted, filtered, Trash): the article the window shows stays chosen.

        Search hits are left unchosen, so that Enter in the search box opens the top hit.
        """
        near = self.model.keep_near
        row = self.model.row_of(near) if near is not None and not self.model.query.text else None
        if row is not None:
            self.select_row(row)
        self._update_count()
        self._update_snippet(self.view.currentIndex())
        if self._open_when_loaded:
            self._open_current_or_top()

    def _on_current_changed(
        self,
        current: QModelIndex | QPersistentModelIndex,
        _previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        self._update_snippet(current)

    def _update_snippet(self, current: QModelIndex | QPersistentModelIndex) -> None:
        snippet = self.model.snippet(current.row()) if current.isValid() else ""
        self.snippet_label.setText(snippet_rich_text(snippet))
        self.snippet_label.setVisible(bool(snippet))

    def _on_loading_changed(self, _loading: bool) -> None:
        self._update_count()

    def _update_count(self) -> None:
        if self.model.is_loading:
            self.count_label.setText(self.tr("Loading…"))
            return
        count = self.model.rowCount()
        if self.model.query.text:
            text = self.tr("{count} hits")
        elif self.model.query.deleted:
            text = self.tr("{count} in the Trash")
        else:
            text = self.tr("{count} articles")
        self.count_label.setText(text.format(count=f"{count:,}"))

    # --- choices for the filters ------------------------------------------------------------

    @override
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._choices_asked:
            # Not during start-up: listing the tags of 100,000 articles takes half a second.
            self._choices_asked = True
            self._choices_timer.start()

    def refresh_choices(self) -> None:
        """Read sections and tags off the UI thread (tags take a while in a big store)."""
        if self._shut_down:
            return
        store = self._store
        self.reads.run(
            lambda: operations.sections(store), self.filter_bar.set_sections, self._report
        )
        self.reads.run(lambda: operations.tags(store), self.filter_bar.set_tags, self._report)

    def _report(self, message: str) -> None:
        self.model.load_failed.emit(message)

    def shutdown(self) -> None:
        """Stop searching and reading (before the store closes)."""
        self._shut_down = True
        self._search_timer.stop()
        self._choices_timer.stop()
        self.model.wait_for_reads()
