"""The status bar: the body's character counts and whether the last save reached the store."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QLabel, QStatusBar

LINE_BREAKS = ("\n", "\r", "\u2028", "\u2029")


def character_counts(text: str) -> tuple[int, int]:
    """Characters with spaces and without any whitespace, as Korean desks count copy.

    Line breaks are not characters of the copy, so they count in neither figure.
    """
    # Built from C-level str methods: this runs on every keystroke in long articles.
    breaks = sum(text.count(mark) for mark in LINE_BREAKS)
    without_spaces = sum(map(len, text.split()))
    return len(text) - breaks, without_spaces


class EditorStatusBar(QStatusBar):
    """Permanent labels for counts and save state; transient messages use showMessage()."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("statusBar")
        self.counts_label = QLabel(self)
        self.counts_label.setObjectName("countsLabel")
        self.save_label = QLabel(self)
        self.save_label.setObjectName("saveLabel")
        self.addPermanentWidget(self.counts_label)
        self.addPermanentWidget(self.save_label)
        self.show_counts("")

    def show_counts(self, text: str) -> None:
        with_spaces, without_spaces = character_counts(text)
        self.counts_label.setText(
            self.tr("{with_spaces} characters ({without_spaces} without spaces)").format(
                with_spaces=with_spaces, without_spaces=without_spaces
            )
        )

    def show_saved(self, when: datetime) -> None:
        self.save_label.setStyleSheet("")
        self.save_label.setText(
            self.tr("Saved {time}").format(time=when.astimezone().strftime("%H:%M:%S"))
        )

    def show_save_error(self, message: str) -> None:
        # Red so that it is seen: a failing save is the one thing a journalist must notice.
        self.save_label.setStyleSheet("color: #c00000; font-weight: bold;")
        self.save_label.setText(self.tr("Not saved: {message}").format(message=message))

    def clear_save_state(self) -> None:
        self.save_label.setStyleSheet("")
        self.save_label.setText("")
