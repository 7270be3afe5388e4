"""Edits the managed section list: add, rename, remove and reorder."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QItemSelectionModel, QStringListModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


def clean_names(names: Sequence[str]) -> list[str]:
    """Trimmed, non-empty, each once, in order (as the store keeps them)."""
    return list(dict.fromkeys(name.strip() for name in names if name.strip()))


class SectionsEditor(QWidget):
    """A list the user edits in place (double-click or F2 renames), with buttons beside it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sectionsEditor")
        self.model = QStringListModel(self)
        self.view = QListView(self)
        self.view.setObjectName("sectionList")
        self.view.setModel(self.model)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.add_button = self._button(
            "addSectionButton", self.tr("&Add"), lambda: self.add_section()
        )
        self.remove_button = self._button(
            "removeSectionButton", self.tr("&Remove"), lambda: self.remove_current()
        )
        self.up_button = self._button(
            "sectionUpButton", self.tr("Move &Up"), lambda: self.move_current(-1)
        )
        self.down_button = self._button(
            "sectionDownButton", self.tr("Move &Down"), lambda: self.move_current(1)
        )
        buttons = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.view.selectionModel().currentChanged.connect(self._update_buttons)
        self.model.rowsInserted.connect(self._update_buttons)
        self.model.rowsRemoved.connect(self._update_buttons)
        self._update_buttons()

    def _button(self, name: str, text: str, slot: Callable[[], object]) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setAutoDefault(False)  # Enter in the list edits, it does not press Add
        button.clicked.connect(slot)
        return button

    def set_names(self, names: Sequence[str]) -> None:
        self.model.setStringList(list(names))
        self._update_buttons()

    def names(self) -> list[str]:
        return clean_names(self.model.stringList())

    def current_row(self) -> int:
        return self.view.currentIndex().row()

    def set_current_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.view.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect
        )

    def add_section(self, name: str = "") -> None:
        """Append a section; without a name, open the new row for typing."""
        row = self.model.rowCount()
        self.model.insertRows(row, 1)
        index = self.model.index(row, 0)
        self.model.setData(index, name or self.tr("New section"))
        self.set_current_row(row)
        if not name:
            self.view.edit(index)

    def remove_current(self) -> None:
        row = self.current_row()
        if row >= 0:
            self.model.removeRows(row, 1)
            self.set_current_row(min(row, self.model.rowCount() - 1))

    def move_current(self, step: int) -> None:
        row = self.current_row()
        target = row + step
        if row < 0 or not 0 <= target < self.model.rowCount():
            return
        names = self.model.stringList()
        names[row], names[target] = names[target], names[row]
        self.model.setStringList(names)
        self.set_current_row(target)

    def _update_buttons(self) -> None:
        row = self.current_row()
        count = self.model.rowCount()
        self.remove_button.setEnabled(row >= 0)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
