"""The questions the window asks the user, behind one object so tests can answer them."""

from __future__ import annotations

import enum
from collections.abc import Sequence
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from deskeditor.ui.listfilters import DateRangeDialog


class AltTextAnswer(enum.Enum):
    """What to do about photos without alt text before an export."""

    ADD = enum.auto()  # open the photo dialog instead of exporting
    EXPORT = enum.auto()  # export anyway
    CANCEL = enum.auto()


class Prompts(QObject):
    """Real dialogs; tests pass a subclass that answers without showing anything."""

    def confirm_delete(self, parent: QWidget, headline: str) -> bool:
        answer = QMessageBox.question(
            parent,
            self.tr("Delete article"),
            self.tr("Delete “{headline}”? It can be restored later.").format(headline=headline),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def export_path(self, parent: QWidget, suggested: Path) -> Path | None:
        # Qt's own dialog behaves the same on every platform (and can be driven in tests).
        chosen, _filter = QFileDialog.getSaveFileName(
            parent,
            self.tr("Export HTML"),
            str(suggested),
            self.tr("HTML pages (*.html)"),
            options=QFileDialog.Option.DontUseNativeDialog,
        )
        return Path(chosen) if chosen else None

    def missing_alt_text(
        self, parent: QWidget, photos: Sequence[str], *, can_add: bool
    ) -> AltTextAnswer:
        """Photos lack alt text: add it, export anyway, or cancel (photos: one line each)."""
        box = QMessageBox(parent)
        box.setIcon(QMessageBox.Icon.Warning)
        box.setObjectName("missingAltBox")
        box.setWindowTitle(self.tr("Photos without alt text"))
        box.setText(
            self.tr(
                "{count} photo(s) have no alt text: readers who cannot see them get no words."
            ).format(count=len(photos))
        )
        box.setInformativeText("\n".join(photos))
        add = box.addButton(self.tr("Add Alt Text…"), QMessageBox.ButtonRole.AcceptRole)
        add.setVisible(can_add)
        anyway = box.addButton(self.tr("Export Anyway"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(add if can_add else anyway)
        box.exec()
        clicked = box.clickedButton()
        if clicked is add:
            return AltTextAnswer.ADD
        return AltTextAnswer.EXPORT if clicked is anyway else AltTextAnswer.CANCEL

    def confirm_empty_trash(self, parent: QWidget, count: int) -> bool:
        answer = QMessageBox.warning(
            parent,
            self.tr("Empty Trash"),
            self.tr(
                "Remove the {count} article(s) in the Trash for good? This cannot be undone."
            ).format(count=count),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def date_range(self, parent: QWidget, start: date, end: date) -> tuple[date, date] | None:
        """The list's custom date filter: a range of days, or None when cancelled."""
        dialog = DateRangeDialog(start, end, parent)
        try:
            return dialog.chosen() if dialog.exec() == DateRangeDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()

    def warn(self, parent: QWidget, title: str, message: str) -> None:
        """A warning that does not block: typing goes on while it is shown."""
        box = QMessageBox(
            QMessageBox.Icon.Warning, title, message, QMessageBox.StandardButton.Ok, parent
        )
        box.setModal(False)
        box.setObjectName("warningBox")
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.show()

    def about(self, parent: QWidget, title: str, text: str) -> None:
        QMessageBox.about(parent, title, text)
