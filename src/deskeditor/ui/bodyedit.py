"""The article body: a rich-text editor whose document is stored as Markdown."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QMimeData, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QFont,
    QFontDatabase,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QTextEdit, QWidget
from typing_extensions import override

from deskeditor.core.markdownblocks import Block
from deskeditor.core.markdownsource import unsupported_message
from deskeditor.core.markup import MarkdownConverter
from deskeditor.ui import blockediting, imageinsert
from deskeditor.ui.bodyactions import build_actions
from deskeditor.ui.bodyimages import BodyImages
from deskeditor.ui.linkdialog import LinkDialog
from deskeditor.ui.linkhelpers import apply_link, link_dialog_for
from deskeditor.ui.markdowndocument import document_markdown, load_markdown
from deskeditor.ui.markdowntyping import MarkdownTyping
from deskeditor.ui.pastecleaner import ASYNC_THRESHOLD, PasteJob, fragment_for, insert_plain_text
from deskeditor.ui.photolibrary import PhotoLibrary
from deskeditor.ui.textformats import is_bold, is_ordered, is_verbatim, quote_levels


class BodyEdit(QTextEdit):
    """Rich text in, Markdown out: every format it offers is one the serializer can write.

    Tab and Shift+Tab change the nesting of list items. Outside a list they move the
    focus on, as in the other fields of the article: a tab character would not survive
    in a Markdown paragraph anyway. In a code block, Tab inserts a tab.
    Undo and redo are the QTextEdit's own; the window's Edit menu routes to them.
    The source view shows the same body as Markdown text in the same widget.
    """

    body_changed = Signal()  # the user changed the text or its formatting
    unsupported_content = Signal(str)  # a loaded body holds what cannot be formatted; a note
    paste_finished = Signal(bool)  # a big paste went in (True) or was cancelled (False)

    # Made by bodyactions.build_actions.
    bold_action: QAction
    italic_action: QAction
    strike_action: QAction
    heading2_action: QAction
    heading3_action: QAction
    paragraph_action: QAction
    bullet_action: QAction
    numbered_action: QAction
    outdent_action: QAction
    indent_action: QAction
    quote_action: QAction
    link_action: QAction
    rule_action: QAction
    plain_paste_action: QAction
    source_action: QAction

    def __init__(
        self, parent: QWidget | None = None, converter: MarkdownConverter | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("bodyEdit")
        self.setTabChangesFocus(False)  # Tab reaches keyPressEvent; see the class docstring
        self._converter = converter
        self._loading = False
        self._source = False
        self._rich_font = self.document().defaultFont()
        self._paste: PasteJob | None = None
        self._typing = MarkdownTyping(self)
        self._images: BodyImages | None = None  # photos, once a library is given
        self._groups = build_actions(self)
        self.document().contentsChanged.connect(self._on_contents_changed)
        self.cursorPositionChanged.connect(self._update_actions)
        self.currentCharFormatChanged.connect(self._update_actions)
        self._update_actions()

    # Public API --------------------------------------------------------------------------

    def set_markdown(self, markdown: str) -> None:
        """Show a Markdown text; not an edit: no body_changed and nothing to undo.

        Emits unsupported_content when part of it is kept as Markdown source.
        """
        if self._paste is not None:
            self._paste.cancel()
        blocks = self._show(markdown)
        self.document().clearUndoRedoStacks()
        self.document().setModified(False)
        self.setTextCursor(QTextCursor(self.document()))
        self._update_actions()
        message = unsupported_message(blocks)
        if message:
            self.unsupported_content.emit(message)

    def markdown(self) -> str:
        """The body as Markdown, in either view."""
        if self._source:
            text = self.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")
            return text if not text or text.endswith("\n") else text + "\n"
        return document_markdown(self.document())

    def format_actions(self) -> list[QAction]:
        """The formatting actions in toolbar order."""
        return [action for group in self._groups for action in group]

    def format_action_groups(self) -> list[list[QAction]]:
        """The same actions in the groups a toolbar separates."""
        return [list(group) for group in self._groups]

    def source_view_action(self) -> QAction:
        """Checkable View → Markdown Source: the body as Markdown text, and back."""
        return self.source_action

    def set_photo_library(self, library: PhotoLibrary) -> BodyImages:
        """Show, insert and paste photos from this library (before the first article loads)."""
        self._images = BodyImages(self, library)
        return self._images

    @property
    def images(self) -> BodyImages | None:
        """The body's photos, if a library was given."""
        return self._images

    def paste_plain_action(self) -> QAction:
        """Edit → Paste as Plain Text (Ctrl+Shift+V)."""
        return self.plain_paste_action

    def is_source_view(self) -> bool:
        return self._source

    def set_source_view(self, on: bool) -> None:
        """Switch between rich text and Markdown source; the text itself does not change."""
        if on == self._source:
            return
        before = self.markdown()
        if self._paste is not None:
            self._paste.cancel()
        if on:
            self._rich_font = self.document().defaultFont()  # the widget's font, as set now
        self._source = on
        self.source_action.setChecked(on)
        blocks = self._show(before)
        self.document().clearUndoRedoStacks()
        self.setTextCursor(QTextCursor(self.document()))
        self._update_actions()
        if self.markdown() != before:
            self.body_changed.emit()  # foreign Markdown now written as the editor writes it
        elif not on and unsupported_message(blocks):
            self.unsupported_content.emit(unsupported_message(blocks))

    def set_markdown_typing(self, enabled: bool) -> None:
        """Turn Markdown-style typing ("## " makes a heading, "**x**" bold) on or off."""
        self._typing.enabled = enabled

    def markdown_typing(self) -> bool:
        return self._typing.enabled

    def _show(self, markdown: str) -> list[Block]:
        self._loading = True
        try:
            if self._source:
                mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
                mono.setStyleHint(QFont.StyleHint.TypeWriter)
                mono.setFixedPitch(True)
                self.document().setDefaultFont(mono)
                self.setPlainText(markdown)
                return []
            self.document().setDefaultFont(self._rich_font)
            if self._converter is None:
                self._converter = MarkdownConverter()
            return load_markdown(self.document(), markdown, self._converter)
        finally:
            self._loading = False

    # Actions -----------------------------------------------------------------------------

    def _update_actions(self) -> None:
        fmt = self.currentCharFormat()
        cursor = self.textCursor()
        level = cursor.blockFormat().headingLevel()
        for action in self.format_actions():
            action.setEnabled(not self._source)
        if self._source:
            return
        self.bold_action.setChecked(is_bold(fmt, level))
        self.italic_action.setChecked(fmt.fontItalic())
        self.strike_action.setChecked(fmt.fontStrikeOut())
        self.heading2_action.setChecked(level == 2)
        self.heading3_action.setChecked(level == 3)
        self.paragraph_action.setChecked(level == 0)
        text_list = cursor.currentList()
        ordered = text_list is not None and is_ordered(text_list.format())
        self.bullet_action.setChecked(text_list is not None and not ordered)
        self.numbered_action.setChecked(ordered)
        self.indent_action.setEnabled(text_list is not None)
        self.outdent_action.setEnabled(text_list is not None)
        self.quote_action.setChecked(any(quote_levels(cursor.blockFormat())))

    def _on_contents_changed(self) -> None:
        if not self._loading:
            self.body_changed.emit()

    # Formats -----------------------------------------------------------------------------

    def _merge(self, fmt: QTextCharFormat) -> None:
        # Without a selection this sets the format for what is typed next, as word processors do.
        self.mergeCurrentCharFormat(fmt)
        self._update_actions()

    def toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        level = self.textCursor().blockFormat().headingLevel()
        bold = is_bold(self.currentCharFormat(), level)
        if level:  # the heading itself is Bold; bold words in it are Black
            fmt.setFontWeight(QFont.Weight.Bold if bold else QFont.Weight.Black)
        else:
            fmt.setFontWeight(QFont.Weight.Normal if bold else QFont.Weight.Bold)
        self._merge(fmt)

    def toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.currentCharFormat().fontItalic())
        self._merge(fmt)

    def toggle_strike(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontStrikeOut(not self.currentCharFormat().fontStrikeOut())
        self._merge(fmt)

    def set_heading(self, level: int) -> None:
        """Make the selected blocks headings of a level, or paragraphs for 0."""
        blockediting.set_heading(self, level)
        self._update_actions()

    def toggle_list(self, ordered: bool) -> None:
        """Start a list, switch its kind, or take the selected items out of it."""
        blockediting.toggle_list(self, ordered)
        self._update_actions()

    def change_list_level(self, delta: int) -> None:
        """Nest the selected list items one level deeper (1) or shallower (-1)."""
        blockediting.change_list_level(self, delta)
        self._update_actions()

    def toggle_quote(self) -> None:
        blockediting.toggle_quote(self)
        self._update_actions()

    def insert_rule(self) -> None:
        blockediting.insert_rule(self)

    def edit_link(self) -> LinkDialog:
        """Open the link dialog for the selection or the link at the cursor (not modal-blocking)."""
        dialog, cursor = link_dialog_for(self)
        dialog.accepted.connect(lambda: apply_link(self, cursor, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    # Keys, input and paste ---------------------------------------------------------------

    @override
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            keys = QKeySequence(event.keyCombination())
            own = [*self.format_actions(), self.plain_paste_action, self.source_action]
            if any(action.shortcut() == keys and action.isEnabled() for action in own):
                # Our shortcut wins over a text-editing binding (Ctrl+K deletes to the end
                # of the line on X11), so the action fires instead of the key press.
                event.ignore()
                return True
        return super().event(event)

    @override
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        mods = event.modifiers()
        cursor = self.textCursor()
        verbatim = self._source or is_verbatim(cursor.blockFormat())
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not mods & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            back = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            if self._source and not back:
                cursor.insertText("    ")  # Markdown nests by four spaces
                return
            if cursor.currentList() is not None and not self._source:
                self.change_list_level(-1 if back else 1)
                return
            if not verbatim or back:
                # QTextEdit only gives up the focus while tabChangesFocus is on.
                self.setTabChangesFocus(True)
                self.focusNextPrevChild(not back)
                self.setTabChangesFocus(False)
                return
        elif (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not mods & ~Qt.KeyboardModifier.KeypadModifier
            and not verbatim
            and (self._typing.before_enter() or blockediting.handle_enter(self, cursor))
        ):
            self._update_actions()
            return
        super().keyPressEvent(event)
        if not self._source and event.text():
            self._typing.after_typing(event.text())

    @override
    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        super().inputMethodEvent(event)
        if not self._source and event.commitString():
            self._typing.after_typing(event.commitString())

    @override
    def canInsertFromMimeData(self, source: QMimeData) -> bool:
        if self._images is not None and not self._source and imageinsert.has_image(source):
            return True
        return source.hasHtml() or source.hasText() or super().canInsertFromMimeData(source)

    @override
    def insertFromMimeData(self, source: QMimeData) -> None:
        """Paste rich text reduced to what Markdown keeps: no fonts, colours or styles."""
        if self._paste is not None:
            return  # a big paste is still going in
        if self._images is not None and not self._source and imageinsert.has_image(source):
            self._images.insert_mime(source)  # photos (files or image data) go to the store
            return
        cursor = self.textCursor()
        if source.hasHtml() and not self._source and not is_verbatim(cursor.blockFormat()):
            html = source.html()
            if len(html) > ASYNC_THRESHOLD:
                self._start_paste(html, source.text())
                return
            fragment = fragment_for(html)
            if fragment is not None:
                cursor.insertFragment(fragment)
                self.ensureCursorVisible()
                return
        if source.hasText():
            insert_plain_text(cursor, source.text())
            self.ensureCursorVisible()
            return
        super().insertFromMimeData(source)

    @override
    def loadResource(self, type: int, name: QUrl | str) -> Any:
        # Photos come from the store, scaled to the editor's width; see BodyImages.
        url = QUrl(name)
        if (
            self._images is not None
            and type == QTextDocument.ResourceType.ImageResource
            and url.scheme() == "asset"
        ):
            return self._images.resource(url)
        return super().loadResource(type, name)

    @override
    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if self._images is not None and not self._source:
            photo = self._images.photo_under(event.position().toPoint())
            if photo is not None:
                event.accept()
                self._images.photo_activated.emit(photo.position)  # opens the photo's dialog
                return
        super().mouseDoubleClickEvent(event)

    def paste_plain(self) -> None:
        """The clipboard's text without any formatting."""
        mime = QGuiApplication.clipboard().mimeData()
        if mime is not None and mime.hasText() and not self.isReadOnly():
            insert_plain_text(self.textCursor(), mime.text())
            self.ensureCursorVisible()

    def _start_paste(self, html: str, text: str) -> None:
        job = PasteJob(self, html, text)
        self._paste = job
        job.finished.connect(self._paste_done)
        job.start()

    def _paste_done(self, complete: bool) -> None:
        self._paste = None
        self.ensureCursorVisible()
        self._update_actions()
        self.paste_finished.emit(complete)
