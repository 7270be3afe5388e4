"""The small dialog that adds, edits or removes a link in the body."""

from __future__ import annotations

import re

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QPushButton,
    QWidget,
)

# "example.com/path" or "www.example.com" typed without a scheme.
_BARE_DOMAIN = re.compile(r"^(?:www\.)?[\w-]+(?:\.[\w-]+)+(?:[/?#]\S*)?$")
_EMAIL = re.compile(r"^[^@\s/]+@[\w-]+(?:\.[\w-]+)+$")
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:")


def normalized_url(url: str) -> str:
    """A URL as a journalist types it, completed with https:// or mailto: when missing."""
    url = url.strip()
    if not url or _SCHEME.match(url) or url.startswith(("/", "#", ".")):
        return url
    if _EMAIL.match(url):
        return "mailto:" + url
    if _BARE_DOMAIN.match(url):
        return "https://" + url
    return url


class LinkDialog(QDialog):
    """Link text, address and optional title; "Remove link" when editing an existing link."""

    def __init__(
        self,
        parent: QWidget | None = None,
        *,
        text: str = "",
        url: str = "",
        title: str = "",
        existing: bool = False,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("linkDialog")
        self.setWindowTitle(self.tr("Edit Link") if existing else self.tr("Insert Link"))
        self.removed = False
        self.text_edit = QLineEdit(text, self)
        self.text_edit.setObjectName("linkTextEdit")
        self.url_edit = QLineEdit(url, self)
        self.url_edit.setObjectName("linkUrlEdit")
        self.url_edit.setPlaceholderText("https://")
        self.title_edit = QLineEdit(title, self)
        self.title_edit.setObjectName("linkTitleEdit")
        self.title_edit.setPlaceholderText(self.tr("Optional, shown on hover"))

        form = QFormLayout(self)
        form.addRow(self.tr("&Text:"), self.text_edit)
        form.addRow(self.tr("&Address:"), self.url_edit)
        form.addRow(self.tr("T&itle:"), self.title_edit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.remove_button = QPushButton(self.tr("&Remove Link"), self)
        self.remove_button.setObjectName("removeLinkButton")
        self.remove_button.setVisible(existing)
        buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        form.addRow(buttons)

        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        self.remove_button.clicked.connect(self.remove_link)
        self.url_edit.textChanged.connect(self._update_ok)
        self._update_ok()
        # The address is what is usually missing; the text comes from the selection.
        (self.url_edit if text or not url else self.text_edit).setFocus()

    def remove_link(self) -> None:
        self.removed = True
        self.accept()

    def link_text(self) -> str:
        return self.text_edit.text()

    def url(self) -> str:
        return normalized_url(self.url_edit.text())

    def link_title(self) -> str:
        return self.title_edit.text().strip()

    def _update_ok(self) -> None:
        self.ok_button.setEnabled(bool(self.url_edit.text().strip()))
