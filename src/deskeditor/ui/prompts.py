"""The questions the window asks the user, behind one object so tests can answer them."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget


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
