"""The middle pane: section, headline, subhead, byline, desk metadata and the article body."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from deskeditor.core.counts import MANUSCRIPT_PAGE_CHARS, count_plain_text
from deskeditor.core.models import SECTIONS, Article, ArticleContent
from deskeditor.ui.bodyedit import BodyEdit
from deskeditor.ui.countsmeter import CountsMeter
from deskeditor.ui.metadatapanel import MetadataPanel


class ArticleEditor(QWidget):
    """Edits the content of one loaded article; it never talks to the store itself."""

    content_changed = Signal()  # the user edited a field
    counts_changed = Signal(object)  # a CountsReport for the body (and the selection)

    def __init__(
        self,
        parent: Any = None,
        *,
        sections: Sequence[str] = SECTIONS,
        page_chars: int = MANUSCRIPT_PAGE_CHARS,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self._article: Article | None = None
        self._feature_image = ""  # the lead photo's sha256, set through the photo dialog

        self.section_edit = QComboBox(self)
        self.section_edit.setObjectName("sectionEdit")
        self.section_edit.setEditable(True)
        # Typed sections are kept with the article, not added to everyone's list.
        self.section_edit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.set_sections(sections)
        self.section_edit.setCurrentIndex(-1)
        self.headline_edit = self._line_edit("headlineEdit", self.tr("Headline"))
        self.headline_count = self._count_label("headlineCount")
        self.subhead_edit = self._line_edit("subheadEdit", self.tr("Subhead"))
        self.subhead_count = self._count_label("subheadCount")
        self.byline_edit = self._line_edit("bylineEdit", self.tr("Byline"))
        self.metadata = MetadataPanel(self)
        self.body_edit = BodyEdit(self)
        self.body_edit.setObjectName("bodyEdit")
        self.counts = CountsMeter(
            self.body_edit,
            language=self.metadata.language,
            target=self.metadata.target_length,
            page_chars=page_chars,
            parent=self,
        )

        fields = QFormLayout()
        fields.addRow(self.tr("&Section"), self.section_edit)
        fields.addRow(
            self._caption(self.tr("&Headline"), self.headline_edit),
            self._with_count(self.headline_edit, self.headline_count),
        )
        fields.addRow(
            self._caption(self.tr("S&ubhead"), self.subhead_edit),
            self._with_count(self.subhead_edit, self.subhead_count),
        )
        fields.addRow(self.tr("&Byline"), self.byline_edit)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(fields)
        layout.addWidget(self.metadata)
        layout.addWidget(self.body_edit, 1)
        self._connect()

    def _line_edit(self, name: str, placeholder: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(placeholder)
        return edit

    def _count_label(self, name: str) -> QLabel:
        label = QLabel(self)
        label.setObjectName(name)
        label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        label.setMinimumWidth(label.fontMetrics().horizontalAdvance("0000"))
        label.setEnabled(False)  # greyed: a reading, not a control
        return label

    def _caption(self, text: str, buddy: QWidget) -> QLabel:
        # A row holding a layout gets no buddy from QFormLayout: Alt+H must still work.
        label = QLabel(text, self)
        label.setBuddy(buddy)
        return label

    @staticmethod
    def _with_count(edit: QLineEdit, count: QLabel) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(edit, 1)
        row.addWidget(count)
        return row

    def _connect(self) -> None:
        # Enter walks down the form as on a paper: headline, subhead, then the body.
        self.headline_edit.returnPressed.connect(self.subhead_edit.setFocus)
        self.subhead_edit.returnPressed.connect(self.body_edit.setFocus)
        self.byline_edit.returnPressed.connect(self.body_edit.setFocus)
        for edit in (self.headline_edit, self.subhead_edit, self.byline_edit):
            edit.textEdited.connect(self.content_changed)
        # editTextChanged also fires for programmatic changes; load() blocks signals.
        self.section_edit.editTextChanged.connect(self.content_changed)
        self.body_edit.body_changed.connect(self.content_changed)
        self.metadata.changed.connect(self.content_changed)
        # Target length and language change the copyfit and the reading time.
        self.metadata.changed.connect(self.counts.schedule)
        self.counts.counts_changed.connect(self.counts_changed)
        self.headline_edit.textChanged.connect(
            lambda text: self._show_field_counts(self.headline_count, text)
        )
        self.subhead_edit.textChanged.connect(
            lambda text: self._show_field_counts(self.subhead_count, text)
        )
        chain: list[QWidget] = [
            self.section_edit,
            self.headline_edit,
            self.subhead_edit,
            self.byline_edit,
            *self.metadata.field_order(),
            self.body_edit,
        ]
        for before, after in zip(chain, chain[1:], strict=False):
            self.setTabOrder(before, after)

    def _show_field_counts(self, label: QLabel, text: str) -> None:
        figures = count_plain_text(text)
        label.setText(f"{figures.chars:,}" if text else "")
        label.setToolTip(
            self.tr("{chars:,} characters, {no_spaces:,} without spaces, {words:,} words").format(
                chars=figures.chars, no_spaces=figures.chars_no_spaces, words=figures.words
            )
        )

    @property
    def article(self) -> Article | None:
        """The article as last loaded (its content is what the store had then)."""
        return self._article

    def set_sections(self, names: Sequence[str]) -> None:
        """Offer the managed section list; the current article's section stays as it is."""
        current = self.section_edit.currentText()
        self.section_edit.blockSignals(True)
        try:
            self.section_edit.clear()
            self.section_edit.addItems(list(names))
            self.section_edit.setCurrentText(current)
        finally:
            self.section_edit.blockSignals(False)

    def set_page_chars(self, page_chars: int) -> None:
        """Count 원고지 pages of 200 or 150 characters (a preference)."""
        self.counts.set_page_chars(page_chars)

    def load(self, article: Article) -> None:
        """Show an article; this is not an edit, so content_changed is not emitted."""
        self._article = article
        content = article.content
        self._feature_image = content.feature_image
        self.section_edit.blockSignals(True)
        try:
            self.section_edit.setCurrentText(content.section)
        finally:
            self.section_edit.blockSignals(False)
        self.headline_edit.setText(content.headline)
        self.subhead_edit.setText(content.subhead)
        self.byline_edit.setText(content.byline)
        self.metadata.load(article)
        self.body_edit.set_markdown(content.body)
        self.counts.refresh_now()

    def content(self) -> ArticleContent:
        """What the fields hold now; fields the editor does not show stay as loaded."""
        base = self._article.content if self._article is not None else ArticleContent()
        edited = replace(
            base,
            section=self.section_edit.currentText().strip(),
            headline=self.headline_edit.text(),
            subhead=self.subhead_edit.text(),
            byline=self.byline_edit.text(),
            body=self.body_edit.markdown(),
            feature_image=self._feature_image,
        )
        return self.metadata.apply_to(edited)

    def feature_image(self) -> str:
        """The lead photo's sha256, or "" for none."""
        return self._feature_image

    def set_feature_image(self, sha256: str) -> None:
        """Make a photo the lead photo ("" for none); an edit, saved like the others."""
        if sha256 != self._feature_image:
            self._feature_image = sha256
            self.content_changed.emit()

    def current_article(self) -> Article | None:
        """The loaded article with the content as edited, for the preview and export."""
        if self._article is None:
            return None
        return replace(self._article, content=self.content())

    def saved(self, article: Article) -> None:
        """The store accepted a save: remember its timestamps without touching the fields."""
        if self._article is not None and self._article.id == article.id:
            self._article = article
            self.metadata.saved(article)

    def focus_headline(self) -> None:
        self.headline_edit.setFocus()
        self.headline_edit.selectAll()
