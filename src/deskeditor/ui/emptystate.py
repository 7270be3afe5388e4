"""What the middle pane shows while the store holds no article: how to start."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


class EmptyState(QWidget):
    """A short invitation and a button bound to the New Article action."""

    def __init__(self, new_action: QAction, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("emptyState")
        shortcut = new_action.shortcut().toString()
        self.message = QLabel(
            self.tr(
                "<h2>No articles yet</h2>"
                "<p>Press <b>{shortcut}</b> or use <i>File → New Article</i>"
                " to write your first story.</p>"
                "<p>Everything you type is saved automatically.</p>"
            ).format(shortcut=shortcut),
            self,
        )
        self.message.setObjectName("emptyStateMessage")
        self.message.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message.setWordWrap(True)
        self.button = QPushButton(self.tr("New Article"), self)
        self.button.setObjectName("emptyStateNewButton")
        self.button.clicked.connect(new_action.trigger)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.message)
        layout.addWidget(self.button, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
