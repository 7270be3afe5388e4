"""The middle pane: section, headline, subhead, byline and the rich-text body of one article."""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from deskeditor.core.models import SECTIONS, Article, ArticleContent
from deskeditor.ui.bodyedit import BodyEdit


class ArticleEditor(QWidget):
    """Edits the content of one loaded article; it never talks to the store itself."""

    content_changed = Signal()  # the user edited a field

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self._article: Article | None = None

        self.section_edit = QComboBox(self)
        self.section_edit.setObjectName("sectionEdit")
        self.section_edit.setEditable(True)
        # Typed sections are kept with the article, not added to everyone's list.
        self.section_edit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.section_edit.addItems(list(SECTIONS))
        self.section_edit.setCurrentIndex(-1)
        self.headline_edit = self._line_edit("headlineEdit", self.tr("Headline"))
        self.subhead_edit = self._line_edit("subheadEdit", self.tr("Subhead"))
        self.byline_edit = self._line_edit("bylineEdit", self.tr("Byline"))
        self.body_edit = BodyEdit(self)
        self.body_edit.setObjectName("bodyEdit")

        fields = QFormLayout()
        fields.addRow(self.tr("&Section"), self.section_edit)
        fields.addRow(self.tr("&Headline"), self.headline_edit)
        fields.addRow(self.tr("S&ubhead"), self.subhead_edit)
        fields.addRow(self.tr("&Byline"), self.byline_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(fields)
        layout.addWidget(self.body_edit, 1)

        # Enter walks down the form as on a paper: headline, subhead, then the body.
        self.headline_edit.returnPressed.connect(self.subhead_edit.setFocus)
        self.subhead_edit.returnPressed.connect(self.body_edit.setFocus)
        self.byline_edit.returnPressed.connect(self.body_edit.setFocus)
        for edit in (self.headline_edit, self.subhead_edit, self.byline_edit):
            edit.textEdited.connect(self.content_changed)
        # editTextChanged also fires for programmatic changes; load() blocks signals.
        self.section_edit.editTextChanged.connect(self.content_changed)
        self.body_edit.body_changed.connect(self.content_changed)

        self.setTabOrder(self.section_edit, self.headline_edit)
        self.setTabOrder(self.headline_edit, self.subhead_edit)
        self.setTabOrder(self.subhead_edit, self.byline_edit)
        self.setTabOrder(self.byline_edit, self.body_edit)

    def _line_edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    @property
    def article(self) -> Article | None:
        """The article as last loaded (its content is what the store had then)."""
        return self._article

    def load(self, article: Article) -> None:
        """Show an article; this is not an edit, so content_changed is not emitted."""
        self._article = article
        content = article.content
        self.section_edit.blockSignals(True)
        try:
            self.section_edit.setCurrentText(content.section)
        finally:
            self.section_edit.blockSignals(False)
        self.headline_edit.setText(content.headline)
        self.subhead_edit.setText(content.subhead)
        self.byline_edit.setText(content.byline)
        self.body_edit.set_markdown(content.body)

    def content(self) -> ArticleContent:
        """What the fields hold now; status, tags and language stay as loaded."""
        base = self._article.content if self._article is not None else ArticleContent()
        return replace(
            base,
            section=self.section_edit.currentText().strip(),
            headline=self.headline_edit.text(),
            subhead=self.subhead_edit.text(),
            byline=self.byline_edit.text(),
            body=self.body_edit.markdown(),
        )

    def current_article(self) -> Article | None:
        """The loaded article with the content as edited, for the preview and export."""
        if self._article is None:
            return None
        return replace(self._article, content=self.content())

    def saved(self, article: Article) -> None:
        """The store accepted a save: remember its timestamps without touching the fields."""
        if self._article is not None and self._article.id == article.id:
            self._article = article

    def focus_headline(self) -> None:
        self.headline_edit.setFocus()
        self.headline_edit.selectAll()
