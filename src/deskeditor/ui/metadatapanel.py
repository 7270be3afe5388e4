"""The article's desk metadata in a collapsible panel: status, tags, slug, summary, length, note."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from typing_extensions import override

from deskeditor.core.dates import timestamp
from deskeditor.core.models import Article, ArticleContent, Language, Status

TARGET_MAX = 200_000
"""Characters: far beyond any story, short of a typo's worth of zeros."""
TARGET_STEP = 100

_TAG_SEPARATORS = re.compile(r"[,，、]")

# The desk's own words, as the Korean export prints them: shown whenever the interface
# speaks Korean, whether or not a translation catalogue is installed.
KOREAN_STATUS = {
    Status.DRAFT: "초고",
    Status.DESK: "데스킹",
    Status.READY: "출고 대기",
    Status.PUBLISHED: "출고",
}
KOREAN_STAMPS = ("입력", "수정", "출고")


def parse_tags(text: str) -> tuple[str, ...]:
    """Tags from a comma-separated line: trimmed, without a leading #, each once, in order."""
    tags = (part.strip().lstrip("#").strip() for part in _TAG_SEPARATORS.split(text))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def is_korean(locale: QLocale) -> bool:
    return locale.language() == QLocale.Language.Korean


def status_name(status: Status, korean: bool) -> str:
    """The status as the desk calls it, in the interface language."""
    if korean:
        return KOREAN_STATUS[status]
    names = {
        Status.DRAFT: QCoreApplication.translate("MetadataPanel", "Draft"),
        Status.DESK: QCoreApplication.translate("MetadataPanel", "Desk"),
        Status.READY: QCoreApplication.translate("MetadataPanel", "Ready"),
        Status.PUBLISHED: QCoreApplication.translate("MetadataPanel", "Published"),
    }
    return names[status]


class MetadataPanel(QWidget):
    """Edits the metadata of the loaded content; the timestamps line stays visible when folded."""

    changed = Signal()  # the user edited a field
    expanded_changed = Signal(bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("metadataPanel")
        self._article: Article | None = None
        self._edited: set[str] = set()
        self._loading = False

        self.toggle_action = QAction(self.tr("Article &Details"), self)
        self.toggle_action.setObjectName("toggleDetailsAction")
        self.toggle_action.setCheckable(True)
        self.toggle_action.setShortcut(QKeySequence("Ctrl+Shift+D"))
        self.toggle_action.setStatusTip(self.tr("Show or hide status, tags, slug and notes"))
        self.toggle_button = QToolButton(self)
        self.toggle_button.setObjectName("detailsToggle")
        self.toggle_button.setDefaultAction(self.toggle_action)
        self.toggle_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.toggle_button.setAutoRaise(True)
        # Out of the Tab chain: Tab runs byline → body while folded; the action's shortcut
        # (and the View menu) reach it from the keyboard.
        self.toggle_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.timestamps_label = QLabel(self)
        self.timestamps_label.setObjectName("timestampsLabel")
        self.timestamps_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.fields = QWidget(self)
        self.fields.setObjectName("metadataFields")
        self.status_edit = QComboBox(self.fields)
        self.status_edit.setObjectName("statusEdit")
        self.language_edit = QComboBox(self.fields)
        self.language_edit.setObjectName("languageEdit")
        self.target_edit = QSpinBox(self.fields)
        self.target_edit.setObjectName("targetLengthEdit")
        self.target_edit.setRange(0, TARGET_MAX)
        self.target_edit.setSingleStep(TARGET_STEP)
        self.target_edit.setGroupSeparatorShown(True)
        self.tags_edit = QLineEdit(self.fields)
        self.tags_edit.setObjectName("tagsEdit")
        self.slug_edit = QLineEdit(self.fields)
        self.slug_edit.setObjectName("slugEdit")
        self.summary_edit = self._plain_edit("summaryEdit")
        self.note_edit = self._plain_edit("editorNoteEdit")
        self._label_fields()
        self._lay_out()
        self._connect()
        self._fold(False)  # the body keeps its room until the details are asked for

    def _plain_edit(self, name: str) -> QPlainTextEdit:
        edit = QPlainTextEdit(self.fields)
        edit.setObjectName(name)
        edit.setTabChangesFocus(True)
        lines = 2.6  # two lines and the frame: a summary is a sentence or two
        edit.setFixedHeight(int(edit.fontMetrics().lineSpacing() * lines) + 8)
        return edit

    def _label_fields(self) -> None:
        """Texts that depend on the interface language (set again when it changes)."""
        korean = is_korean(self.locale())
        self.toggle_action.setText(self.tr("Article &Details"))
        self.toggle_button.setToolTip(self.toggle_action.statusTip())
        current = self.status_edit.currentIndex()
        self.status_edit.blockSignals(True)
        self.status_edit.clear()
        for status in Status:
            self.status_edit.addItem(status_name(status, korean), status.value)
        self.status_edit.setCurrentIndex(max(current, 0))
        self.status_edit.blockSignals(False)
        self.status_edit.setToolTip(self.tr("Draft → Desk → Ready → Published; changes are logged"))
        current = self.language_edit.currentIndex()
        self.language_edit.blockSignals(True)
        self.language_edit.clear()
        # Item data are plain strings: Qt hands enum members back as str anyway.
        self.language_edit.addItem(self.tr("Auto"), "")
        # Each language named in itself, as language menus do.
        self.language_edit.addItem("한국어", Language.KO.value)
        self.language_edit.addItem("English", Language.EN.value)
        self.language_edit.setCurrentIndex(max(current, 0))
        self.language_edit.blockSignals(False)
        self.target_edit.setSpecialValueText(self.tr("No target"))
        self.target_edit.setSuffix(self.tr(" chars"))
        self.target_edit.setToolTip(self.tr("Length the desk asked for, in characters with spaces"))
        self.tags_edit.setPlaceholderText(self.tr("Tags, separated by commas"))
        self.slug_edit.setToolTip(self.tr("The page's URL name; empty follows the headline"))
        self.summary_edit.setPlaceholderText(self.tr("Summary (the page's meta description)"))
        note = self.tr("Editor's note: internal, for the desk; never exported")
        self.note_edit.setPlaceholderText(note)
        self.note_edit.setToolTip(note)
        self._show_timestamps()

    def _lay_out(self) -> None:
        grid = QGridLayout(self.fields)
        grid.setContentsMargins(0, 0, 0, 0)
        row0 = (
            (self.tr("Sta&tus"), self.status_edit),
            (self.tr("&Language"), self.language_edit),
            (self.tr("Ta&rget"), self.target_edit),
        )
        for column, (caption, widget) in enumerate(row0):
            grid.addWidget(self._caption(caption, widget), 0, column * 2)
            grid.addWidget(widget, 0, column * 2 + 1)
        rows = (
            (self.tr("T&ags"), self.tags_edit),
            (self.tr("Slu&g"), self.slug_edit),
            (self.tr("Su&mmary"), self.summary_edit),
            (self.tr("&Note"), self.note_edit),
        )
        for row, (caption, widget) in enumerate(rows, start=1):
            grid.addWidget(self._caption(caption, widget), row, 0)
            grid.addWidget(widget, row, 1, 1, 6)
        grid.setColumnStretch(6, 1)  # the short fields of the first row keep their size
        header = QHBoxLayout()
        header.setContentsMargins(0, 0, 0, 0)
        header.addWidget(self.toggle_button)
        header.addWidget(self.timestamps_label, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(header)
        layout.addWidget(self.fields)

    def _caption(self, text: str, buddy: QWidget) -> QLabel:
        label = QLabel(text, self.fields)
        label.setBuddy(buddy)
        return label

    def _connect(self) -> None:
        self.toggle_action.toggled.connect(self._on_toggled)
        self.toggle_action.triggered.connect(self._on_triggered)
        self.status_edit.currentIndexChanged.connect(lambda: self._edit("status"))
        self.language_edit.currentIndexChanged.connect(lambda: self._edit("language"))
        self.target_edit.valueChanged.connect(lambda: self._edit("target_length"))
        self.tags_edit.textEdited.connect(lambda: self._edit("tags"))
        self.slug_edit.textEdited.connect(lambda: self._edit("slug"))
        self.summary_edit.textChanged.connect(lambda: self._edit("summary"))
        self.note_edit.textChanged.connect(lambda: self._edit("editor_note"))

    def _edit(self, field: str) -> None:
        if self._loading:
            return
        self._edited.add(field)
        if field == "status":
            self._show_timestamps()
        self.changed.emit()

    # --- folding ----------------------------------------------------------------------

    def is_expanded(self) -> bool:
        return self.toggle_action.isChecked()

    def set_expanded(self, expanded: bool) -> None:
        """Unfold or fold the fields (toggled, and so expanded_changed, fire on a change)."""
        self.toggle_action.setChecked(expanded)

    def _fold(self, expanded: bool) -> None:
        self.fields.setVisible(expanded)
        self.toggle_button.setArrowType(
            Qt.ArrowType.DownArrow if expanded else Qt.ArrowType.RightArrow
        )

    def _on_toggled(self, expanded: bool) -> None:
        self._fold(expanded)
        self.expanded_changed.emit(expanded)

    def _on_triggered(self, expanded: bool) -> None:
        # Opened by the user (shortcut, menu or button): they came to edit a field.
        if expanded:
            self.status_edit.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def field_order(self) -> list[QWidget]:
        """The fields in Tab order."""
        return [
            self.status_edit,
            self.language_edit,
            self.target_edit,
            self.tags_edit,
            self.slug_edit,
            self.summary_edit,
            self.note_edit,
        ]

    # --- content ----------------------------------------------------------------------

    def load(self, article: Article) -> None:
        """Show an article's metadata; not an edit, so changed is not emitted."""
        self._article = article
        self._edited.clear()
        content = article.content
        self._loading = True
        try:
            self.status_edit.setCurrentIndex(self.status_edit.findData(content.status.value))
            language = self.language_edit.findData(content.language or "")
            self.language_edit.setCurrentIndex(max(language, 0))
            self.target_edit.setValue(content.target_length or 0)
            self.tags_edit.setText(", ".join(content.tags))
            self.slug_edit.setText(content.slug)
            self.summary_edit.setPlainText(content.summary)
            self.note_edit.setPlainText(content.editor_note)
        finally:
            self._loading = False
        self._show_slug(article)
        self._show_timestamps()

    def saved(self, article: Article) -> None:
        """The store accepted a save: new timestamps and effective slug; the fields stay."""
        self._article = article
        self._show_slug(article)
        self._show_timestamps()

    def apply_to(self, content: ArticleContent) -> ArticleContent:
        """content with the fields the user edited; untouched fields keep content's values."""
        edited = self._edited
        if "status" in edited:
            content = replace(content, status=self.status())
        if "language" in edited:
            content = replace(content, language=self.language())
        if "target_length" in edited:
            content = replace(content, target_length=self.target_length())
        if "tags" in edited:
            content = replace(content, tags=parse_tags(self.tags_edit.text()))
        if "slug" in edited:
            content = replace(content, slug=self.slug_edit.text().strip())
        if "summary" in edited:
            content = replace(content, summary=self.summary_edit.toPlainText().strip())
        if "editor_note" in edited:
            content = replace(content, editor_note=self.note_edit.toPlainText())
        return content

    def status(self) -> Status:
        try:
            return Status(self.status_edit.currentData())
        except ValueError:
            return Status.DRAFT

    def language(self) -> Language | None:
        try:
            return Language(self.language_edit.currentData())
        except ValueError:
            return None  # "" is Auto

    def target_length(self) -> int | None:
        return self.target_edit.value() or None

    # --- display ----------------------------------------------------------------------

    def _show_slug(self, article: Article) -> None:
        # The placeholder is the slug the page gets when the field stays empty.
        self.slug_edit.setPlaceholderText(article.slug or self.tr("made from the headline"))

    def _show_timestamps(self) -> None:
        article = self._article
        if article is None:
            self.timestamps_label.clear()
            return
        korean = is_korean(self.locale())
        language = Language.KO if korean else Language.EN
        if korean:
            words = KOREAN_STAMPS
        else:
            words = (self.tr("Created"), self.tr("Updated"), self.tr("Published"))
        parts = [status_name(self.status(), korean)]
        stamps = (article.created_at, article.updated_at, article.published_at)
        for word, moment in zip(words, stamps, strict=True):
            if moment is not None:
                parts.append(f"{word} {_local_stamp(moment, language)}")
        self.timestamps_label.setText(" · ".join(parts))

    @override
    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (QEvent.Type.LocaleChange, QEvent.Type.LanguageChange):
            self._label_fields()
        super().changeEvent(event)


def _local_stamp(moment: datetime, language: Language) -> str:
    local = moment.astimezone()  # the reporter's own clock
    tz = local.tzinfo
    assert tz is not None
    return timestamp(local, language, tz)
