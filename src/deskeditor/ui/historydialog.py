"""File → History: an article's revisions, a diff of each against the current text, and restore."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import (
    QCoreApplication,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from deskeditor.core.diffing import diff_content
from deskeditor.core.errors import DeskeditorError
from deskeditor.core.models import (
    Article,
    ArticleId,
    Language,
    Revision,
    RevisionId,
    RevisionSummary,
    Status,
)
from deskeditor.ui.diffview import DiffView
from deskeditor.ui.metadatapanel import is_korean, status_name
from deskeditor.ui.revisionlistmodel import LABEL, TIME, RevisionListModel

Confirm = Callable[[QWidget, str, str], bool]
"""Asks a yes/no question: (parent, title, text) → yes."""


class HistoryStore(Protocol):
    """The store calls the dialog makes (Store itself fits; so does an operations wrapper)."""

    def get_article(self, article_id: ArticleId) -> Article: ...

    def revisions(self, article_id: ArticleId) -> list[RevisionSummary]: ...

    def get_revision(self, revision_id: RevisionId) -> Revision: ...

    def restore_article_revision(
        self, article_id: ArticleId, revision_id: RevisionId
    ) -> Article: ...


def ask_yes_no(parent: QWidget, title: str, text: str) -> bool:
    answer = QMessageBox.question(
        parent,
        title,
        text,
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def ask_version_label(parent: QWidget) -> str | None:
    """File → Save Version…: the label for the version, or None when cancelled."""
    label, ok = QInputDialog.getText(
        parent,
        QCoreApplication.translate("HistoryDialog", "Save Version"),
        QCoreApplication.translate("HistoryDialog", "Label for this version (e.g. “to the desk”):"),
    )
    return label.strip() if ok else None


class HistoryDialog(QDialog):
    """Lists the revisions; the one selected is compared with the article as it is now."""

    revision_restored = Signal(object)  # the Article as restored: reload the editor with it

    def __init__(
        self,
        store: HistoryStore,
        article_id: ArticleId,
        *,
        confirm: Confirm = ask_yes_no,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("historyDialog")
        self.setWindowTitle(self.tr("History"))
        self._store = store
        self._article_id = article_id
        self._article: Article | None = None
        self._confirm = confirm

        self.model = RevisionListModel(self)
        self.list_view = QTableView(self)
        self.list_view.setObjectName("revisionList")
        self.list_view.setModel(self.model)
        self.list_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.list_view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.list_view.verticalHeader().hide()
        header = self.list_view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LABEL, QHeaderView.ResizeMode.Stretch)
        self.diff_view = DiffView(self)
        self.error_label = QLabel(self)
        self.error_label.setObjectName("historyError")
        self.error_label.setStyleSheet("color: #c00000;")
        self.error_label.setWordWrap(True)
        self.error_label.hide()

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.restore_button = QPushButton(self.tr("&Restore This Version…"), self)
        self.restore_button.setObjectName("restoreButton")
        self.restore_button.setToolTip(
            self.tr("Make this version current; the text it replaces is kept as a revision")
        )
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)

        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.list_view)
        splitter.addWidget(self.diff_view)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([440, 560])
        layout = QVBoxLayout(self)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.resize(1000, 640)

        self.list_view.selectionModel().currentRowChanged.connect(self._on_current_row_changed)
        self.reload()

    def _fail(self, action: str, error: DeskeditorError) -> None:
        self.error_label.setText(f"{action}: {error}")
        self.error_label.show()

    def reload(self, select: RevisionId | None = None) -> None:
        """Read the article and its revisions again; select a revision, else the newest."""
        self.error_label.hide()
        try:
            self._article = self._store.get_article(self._article_id)
            revisions = self._store.revisions(self._article_id)
        except DeskeditorError as error:
            self._fail(self.tr("Cannot read the history"), error)
            revisions = []
        self.model.set_revisions(revisions)
        row = self.model.row_of(select) if select is not None else None
        self.select_row(row if row is not None else 0)
        if not revisions:
            self.diff_view.setPlainText(self.tr("This article has no earlier versions yet."))
        self.restore_button.setEnabled(bool(revisions))

    def select_row(self, row: int) -> None:
        if self.model.revision(row) is None:
            return
        flags = (
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows
        )
        self.list_view.selectionModel().setCurrentIndex(self.model.index(row, TIME), flags)

    def selected_revision(self) -> RevisionSummary | None:
        return self.model.revision(self.list_view.currentIndex().row())

    def _on_current_row_changed(
        self,
        current: QModelIndex | QPersistentModelIndex,
        _previous: QModelIndex | QPersistentModelIndex,
    ) -> None:
        summary = self.model.revision(current.row())
        if summary is not None:
            self.show_revision(summary.id)

    def show_revision(self, revision_id: RevisionId) -> None:
        """Diff the revision (old) against the article as it is now (new)."""
        if self._article is None:
            return
        try:
            revision = self._store.get_revision(revision_id)
        except DeskeditorError as error:
            self._fail(self.tr("Cannot read the revision"), error)
            return
        captions = self.field_captions()
        diffs = diff_content(revision.content, self._article.content, self._describe)
        self.diff_view.show_diff([(captions.get(d.field, d.field), d.segments) for d in diffs])

    def restore_selected(self) -> Article | None:
        """Make the selected revision current, after confirmation; None when nothing happened."""
        summary = self.selected_revision()
        if summary is None:
            return None
        when = self.model.index(self.model.row_of(summary.id) or 0, TIME).data()
        question = self.tr(
            "Restore the version of {time}? The current text is kept in the history."
        ).format(time=when)
        if not self._confirm(self, self.tr("Restore version"), question):
            return None
        try:
            article = self._store.restore_article_revision(self._article_id, summary.id)
        except DeskeditorError as error:
            self._fail(self.tr("Cannot restore the version"), error)
            return None
        self.reload(select=summary.id)
        self.revision_restored.emit(article)
        return article

    def _describe(self, field: str, value: object) -> str | None:
        """Statuses and languages by name, as the editor shows them."""
        if isinstance(value, Status):
            return status_name(value, is_korean(self.locale()))
        if isinstance(value, Language):
            return "한국어" if value is Language.KO else "English"
        if field == "language":
            return self.tr("Auto")  # None: detected from the text
        return None

    def field_captions(self) -> dict[str, str]:
        return {
            "headline": self.tr("Headline"),
            "subhead": self.tr("Subhead"),
            "byline": self.tr("Byline"),
            "section": self.tr("Section"),
            "status": self.tr("Status"),
            "tags": self.tr("Tags"),
            "slug": self.tr("Slug"),
            "summary": self.tr("Summary"),
            "language": self.tr("Language"),
            "target_length": self.tr("Target length"),
            "editor_note": self.tr("Editor's note"),
            "feature_image": self.tr("Lead photo"),
            "body": self.tr("Body"),
        }
