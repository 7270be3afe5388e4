"""The rows of the History dialog: one article's revisions with time, kind, label and length."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from typing_extensions import override

from deskeditor.core.models import RevisionId, RevisionKind, RevisionSummary, Status
from deskeditor.ui.metadatapanel import is_korean, status_name

TIME, KIND, LABEL, LENGTH = range(4)
REVISION_ID_ROLE = Qt.ItemDataRole.UserRole + 1

_Index = QModelIndex | QPersistentModelIndex


def kind_name(kind: RevisionKind) -> str:
    names = {
        RevisionKind.AUTO: QCoreApplication.translate("RevisionListModel", "Automatic"),
        RevisionKind.LABELLED: QCoreApplication.translate("RevisionListModel", "Saved version"),
        RevisionKind.STATUS: QCoreApplication.translate(
            "RevisionListModel", "Before status change"
        ),
        RevisionKind.RESTORE: QCoreApplication.translate("RevisionListModel", "Before restore"),
    }
    return names[kind]


def status_label(label: str, korean: bool = False) -> str:
    """The store's "desk → ready" label with the statuses named for people."""
    parts = [part.strip() for part in label.split("→")]
    try:
        statuses = [Status(part) for part in parts]
    except ValueError:
        return label
    return " → ".join(status_name(status, korean) for status in statuses)


class RevisionListModel(QAbstractTableModel):
    """A small in-memory table: an article keeps tens of revisions, not thousands."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[RevisionSummary] = []

    def set_revisions(self, revisions: Sequence[RevisionSummary]) -> None:
        self.beginResetModel()
        self._rows = list(revisions)
        self.endResetModel()

    def revision(self, row: int) -> RevisionSummary | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, revision_id: RevisionId) -> int | None:
        for row, summary in enumerate(self._rows):
            if summary.id == revision_id:
                return row
        return None

    @override
    def rowCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else len(self._rows)

    @override
    def columnCount(self, parent: _Index = QModelIndex()) -> int:
        return 0 if parent.isValid() else 4

    @override
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        summary = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == TIME:
                return summary.created_at.astimezone().strftime("%Y-%m-%d %H:%M:%S")
            if column == KIND:
                return kind_name(summary.kind)
            if column == LABEL:
                if summary.kind is RevisionKind.STATUS:
                    return status_label(summary.label, is_korean(QLocale()))
                return summary.label
            if column == LENGTH:
                return f"{summary.body_chars:,}"
        if role == Qt.ItemDataRole.TextAlignmentRole and column == LENGTH:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and column == LENGTH:
            return QCoreApplication.translate(
                "RevisionListModel", "Length of the body text as stored, in characters"
            )
        if role == REVISION_ID_ROLE:
            return int(summary.id)
        return None

    @override
    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        titles = (
            QCoreApplication.translate("RevisionListModel", "Time"),
            QCoreApplication.translate("RevisionListModel", "Kind"),
            QCoreApplication.translate("RevisionListModel", "Label"),
            QCoreApplication.translate("RevisionListModel", "Length"),
        )
        return titles[section] if 0 <= section < len(titles) else None
