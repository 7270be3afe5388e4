"""The article body: a rich-text editor whose document is stored as Markdown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QFont,
    QKeyEvent,
    QKeySequence,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextDocumentFragment,
    QTextFormat,
    QTextList,
)
from PySide6.QtWidgets import QTextEdit, QWidget

from deskeditor.ui.linkdialog import LinkDialog
from deskeditor.ui.markdowndocument import (
    HEADING_SIZES,
    HtmlReader,
    build_document,
    char_format,
    document_markdown,
    is_code,
    is_ordered,
    link_format,
    list_format,
    load_markdown,
    rule_format,
    set_quote_level,
)
from deskeditor.ui.markdownwriter import PLAIN

_P = QTextFormat.Property
_LINK_PROPERTIES = (
    _P.IsAnchor,
    _P.AnchorHref,
    _P.TextToolTip,
    _P.TextUnderlineStyle,
    _P.ForegroundBrush,
)


class BodyEdit(QTextEdit):
    """Rich text in, Markdown out: every format it offers is one the serializer can write.

    Tab and Shift+Tab change the nesting of list items. Outside a list they move the
    focus on, as in the other fields of the article: a tab character would not survive
    in a Markdown paragraph anyway. In a code block, Tab inserts a tab.
    Undo and redo are the QTextEdit's own; the window's Edit menu routes to them.
    """

    body_changed = Signal()  # the user changed the text or its formatting

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("bodyEdit")
        self.setTabChangesFocus(False)  # Tab reaches keyPressEvent; see the class docstring
        self._loading = False
        self._groups: list[list[QAction]] = []
        self._build_actions()
        self.document().contentsChanged.connect(self._on_contents_changed)
        self.cursorPositionChanged.connect(self._update_actions)
        self.currentCharFormatChanged.connect(self._update_actions)
        self._update_actions()

    # Public API --------------------------------------------------------------------------

    def set_markdown(self, markdown: str) -> None:
        """Show a Markdown text; not an edit: no body_changed and nothing to undo."""
        self._loading = True
        try:
            load_markdown(self.document(), markdown)
        finally:
            self._loading = False
        self.document().clearUndoRedoStacks()
        self.document().setModified(False)
        self.setTextCursor(QTextCursor(self.document()))
        self._update_actions()

    def markdown(self) -> str:
        return document_markdown(self.document())

    def format_actions(self) -> list[QAction]:
        """The formatting actions in toolbar order."""
        return [action for group in self._groups for action in group]

    def format_action_groups(self) -> list[list[QAction]]:
        """The same actions in the groups a toolbar separates."""
        return [list(group) for group in self._groups]

    # Actions -----------------------------------------------------------------------------

    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object],
        shortcut: str = "",
        checkable: bool = False,
        *,
        hint: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        action.setCheckable(checkable)
        keys = shortcut or hint
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            # Only while the body (or its toolbar) has focus: Ctrl+B in the headline does nothing.
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        label = text.replace("&", "").rstrip(".…")
        if keys:
            native = QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)
            label = f"{label} ({native})"
        action.setToolTip(label)
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        tr = self.tr
        act = self._action
        self.bold_action = act("boldAction", tr("&Bold"), self._toggle_bold, "Ctrl+B", True)
        self.italic_action = act("italicAction", tr("&Italic"), self._toggle_italic, "Ctrl+I", True)
        self.strike_action = act(
            "strikethroughAction", tr("&Strikethrough"), self._toggle_strike, "Ctrl+Shift+X", True
        )
        self.heading2_action = act(
            "heading2Action", tr("Heading &2"), lambda: self.set_heading(2), "Ctrl+2", True
        )
        self.heading3_action = act(
            "heading3Action", tr("Heading &3"), lambda: self.set_heading(3), "Ctrl+3", True
        )
        self.paragraph_action = act(
            "paragraphAction", tr("&Normal Paragraph"), lambda: self.set_heading(0), "Ctrl+0", True
        )
        headings = QActionGroup(self)
        headings.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)  # h1, h4
        for action in (self.heading2_action, self.heading3_action, self.paragraph_action):
            headings.addAction(action)
        self.bullet_action = act(
            "bulletListAction", tr("B&ulleted List"), lambda: self.toggle_list(False),
            "Ctrl+Shift+8", True,
        )  # fmt: skip
        self.numbered_action = act(
            "numberedListAction", tr("N&umbered List"), lambda: self.toggle_list(True),
            "Ctrl+Shift+7", True,
        )  # fmt: skip
        # Tab is handled in keyPressEvent (it moves the focus outside lists), so it is only a hint.
        self.outdent_action = act(
            "outdentAction", tr("&Decrease List Level"), lambda: self.change_list_level(-1),
            hint="Shift+Tab",
        )  # fmt: skip
        self.indent_action = act(
            "indentAction", tr("&Increase List Level"), lambda: self.change_list_level(1),
            hint="Tab",
        )  # fmt: skip
        self.quote_action = act(
            "blockQuoteAction", tr("Block &Quote"), self.toggle_quote, "Ctrl+Shift+9", True
        )
        self.link_action = act("linkAction", tr("&Link…"), self.edit_link, "Ctrl+K")
        self.rule_action = act("horizontalRuleAction", tr("Horizontal &Rule"), self.insert_rule)
        self._groups = [
            [self.bold_action, self.italic_action, self.strike_action],
            [self.heading2_action, self.heading3_action, self.paragraph_action],
            [self.bullet_action, self.numbered_action, self.outdent_action, self.indent_action],
            [self.quote_action, self.link_action, self.rule_action],
        ]

    def _update_actions(self) -> None:
        fmt = self.currentCharFormat()
        cursor = self.textCursor()
        level = cursor.blockFormat().headingLevel()
        self.bold_action.setEnabled(not level)  # headings are bold by definition
        self.bold_action.setChecked(fmt.fontWeight() >= QFont.Weight.DemiBold)
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
        self.quote_action.setChecked(cursor.blockFormat().intProperty(_P.BlockQuoteLevel) > 0)

    def _on_contents_changed(self) -> None:
        if not self._loading:
            self.body_changed.emit()

    # Character formats -------------------------------------------------------------------

    def _merge(self, fmt: QTextCharFormat) -> None:
        # Without a selection this sets the format for what is typed next, as word processors do.
        self.mergeCurrentCharFormat(fmt)
        self._update_actions()

    def _toggle_bold(self) -> None:
        fmt = QTextCharFormat()
        bold = self.currentCharFormat().fontWeight() >= QFont.Weight.DemiBold
        fmt.setFontWeight(QFont.Weight.Normal if bold else QFont.Weight.Bold)
        self._merge(fmt)

    def _toggle_italic(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontItalic(not self.currentCharFormat().fontItalic())
        self._merge(fmt)

    def _toggle_strike(self) -> None:
        fmt = QTextCharFormat()
        fmt.setFontStrikeOut(not self.currentCharFormat().fontStrikeOut())
        self._merge(fmt)

    # Block formats -----------------------------------------------------------------------

    def _selected_blocks(self) -> list[QTextBlock]:
        cursor = self.textCursor()
        document = self.document()
        block = document.findBlock(cursor.selectionStart())
        last = document.findBlock(cursor.selectionEnd())
        blocks = [block]
        while block != last and block.isValid():
            block = block.next()
            blocks.append(block)
        return blocks

    def set_heading(self, level: int) -> None:
        """Make the selected blocks headings of a level, or paragraphs for 0."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block in self._selected_blocks():
            edit = QTextCursor(block)
            fmt = block.blockFormat()
            if fmt.headingLevel() == level and not is_code(fmt):
                continue  # Ctrl+0 on a paragraph must not undo its bold text
            fmt.setHeadingLevel(level)
            if is_code(fmt):  # a code line becomes ordinary text
                for prop in (_P.BlockCodeFence, _P.BlockCodeLanguage, _P.BlockNonBreakableLines):
                    fmt.clearProperty(prop)
            edit.setBlockFormat(fmt)
            look = QTextCharFormat()
            look.setFontWeight(QFont.Weight.Bold if level else QFont.Weight.Normal)
            look.setProperty(_P.FontSizeAdjustment, HEADING_SIZES.get(level, 0))
            look.setFontFixedPitch(False)
            edit.movePosition(QTextCursor.MoveOperation.EndOfBlock, QTextCursor.MoveMode.KeepAnchor)
            edit.mergeCharFormat(look)
            edit.mergeBlockCharFormat(look)
        cursor.endEditBlock()
        self._update_actions()

    def toggle_list(self, ordered: bool) -> None:
        """Start a list, switch its kind, or take the selected items out of it."""
        cursor = self.textCursor()
        current = cursor.currentList()
        cursor.beginEditBlock()
        if current is None:
            cursor.createList(list_format(ordered, 0))
        elif is_ordered(current.format()) == ordered:
            for block in self._selected_blocks():
                text_list = block.textList()
                if text_list is not None:
                    text_list.remove(block)
                    _set_indent(block, 0)
        else:
            depth = current.format().indent() - 1
            current.setFormat(list_format(ordered, depth, current.format().start()))
        cursor.endEditBlock()
        self._update_actions()

    def change_list_level(self, delta: int) -> None:
        """Nest the selected list items one level deeper (1) or shallower (-1)."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block in self._selected_blocks():
            text_list = block.textList()
            if text_list is None:
                continue
            fmt = text_list.format()
            depth = fmt.indent() - 1 + delta
            if depth < 0:
                text_list.remove(block)
                _set_indent(block, 0)
                continue
            previous = block.previous()
            if delta > 0 and (not previous.isValid() or previous.textList() is None):
                continue  # a first item has no item to nest under
            target = _list_at(block, depth)
            if target is not None:
                target.add(block)
            else:
                QTextCursor(block).createList(list_format(is_ordered(fmt), depth))
        cursor.endEditBlock()
        self._update_actions()

    def toggle_quote(self) -> None:
        quoted = self.textCursor().blockFormat().intProperty(_P.BlockQuoteLevel) > 0
        cursor = self.textCursor()
        cursor.beginEditBlock()
        for block in self._selected_blocks():
            fmt = block.blockFormat()
            set_quote_level(fmt, 0 if quoted else 1)
            QTextCursor(block).setBlockFormat(fmt)
        cursor.endEditBlock()
        self._update_actions()

    def insert_rule(self) -> None:
        """A horizontal rule after the current block, with the cursor in a paragraph after it."""
        cursor = self.textCursor()
        cursor.beginEditBlock()
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
        plain = char_format(PLAIN)
        if cursor.block().length() > 1:
            cursor.insertBlock(rule_format(), plain)
        else:
            cursor.setBlockFormat(rule_format())
        cursor.insertBlock(QTextBlockFormat(), plain)
        cursor.endEditBlock()
        self.setTextCursor(cursor)

    # Links -------------------------------------------------------------------------------

    def edit_link(self) -> LinkDialog:
        """Open the link dialog for the selection or the link at the cursor (not modal-blocking)."""
        cursor = self.textCursor()
        fmt = cursor.charFormat()
        existing = fmt.isAnchor() and bool(fmt.anchorHref())
        if existing and not cursor.hasSelection():
            cursor = _anchor_extent(cursor, fmt.anchorHref())
        text = cursor.selectedText().replace("\u2029", " ").replace("\u2028", " ")
        dialog = LinkDialog(self, text=text, url=fmt.anchorHref() if existing else "",
                            title=fmt.toolTip() if existing else "", existing=existing)  # fmt: skip
        dialog.accepted.connect(lambda: self._apply_link(cursor, dialog))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _apply_link(self, cursor: QTextCursor, dialog: LinkDialog) -> None:
        cursor.beginEditBlock()
        if dialog.removed:
            _clear_link(cursor)
        else:
            text = dialog.link_text() or dialog.url()
            link = link_format(dialog.url(), dialog.link_title())
            if text != cursor.selectedText():
                base = cursor.charFormat()
                base.merge(link)
                start = cursor.selectionStart()
                cursor.insertText(text, base)
                end = cursor.position()  # Qt counts UTF-16 units: not len(text) for emoji
                cursor.setPosition(start)
                cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
            _clear_link(cursor)
            cursor.mergeCharFormat(link)
        cursor.endEditBlock()
        after = QTextCursor(cursor)
        after.setPosition(cursor.selectionEnd())
        self.setTextCursor(after)
        typing = after.charFormat()
        for prop in _LINK_PROPERTIES:
            typing.clearProperty(prop)
        self.setCurrentCharFormat(typing)  # typing on after a link is not part of it
        self.setFocus()

    # Keys and paste ----------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent):
            keys = QKeySequence(event.keyCombination())
            if any(action.shortcut() == keys for action in self.format_actions()):
                # Our shortcut wins over a text-editing binding (Ctrl+K deletes to the end
                # of the line on X11), so the action fires instead of the key press.
                event.ignore()
                return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key = event.key()
        mods = event.modifiers()
        cursor = self.textCursor()
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab) and not mods & (
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
        ):
            back = key == Qt.Key.Key_Backtab or bool(mods & Qt.KeyboardModifier.ShiftModifier)
            if cursor.currentList() is not None:
                self.change_list_level(-1 if back else 1)
                return
            if not is_code(cursor.blockFormat()):
                # QTextEdit only gives up the focus while tabChangesFocus is on.
                self.setTabChangesFocus(True)
                self.focusNextPrevChild(not back)
                self.setTabChangesFocus(False)
                return
        elif (
            key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not mods & ~Qt.KeyboardModifier.KeypadModifier
            and self._handle_enter(cursor)
        ):
            return
        super().keyPressEvent(event)

    def _handle_enter(self, cursor: QTextCursor) -> bool:
        """Enter where the default would be wrong: after a heading, in empty items and quotes."""
        block = cursor.block()
        fmt = cursor.blockFormat()
        empty = block.length() == 1
        if fmt.headingLevel() and cursor.atBlockEnd() and not cursor.hasSelection():
            after = QTextBlockFormat()
            set_quote_level(after, fmt.intProperty(_P.BlockQuoteLevel))
            cursor.insertBlock(after, char_format(PLAIN))
            self.setTextCursor(cursor)
            return True
        if empty and cursor.currentList() is not None:
            self.change_list_level(-1)  # Enter on an empty item ends (one level of) the list
            return True
        if empty and fmt.intProperty(_P.BlockQuoteLevel) > 0:
            set_quote_level(fmt, fmt.intProperty(_P.BlockQuoteLevel) - 1)
            cursor.setBlockFormat(fmt)
            return True
        return False

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 (Qt override)
        """Paste rich text reduced to what Markdown keeps: no fonts, colours or styles."""
        if source.hasHtml() and not is_code(self.textCursor().blockFormat()):
            blocks = HtmlReader.read(source.html(), images=False)
            if blocks:
                scratch = QTextDocument()
                build_document(scratch, blocks)
                self.textCursor().insertFragment(QTextDocumentFragment(scratch))
                self.ensureCursorVisible()
                return
        if source.hasText():
            self.textCursor().insertText(source.text(), self.currentCharFormat())
            self.ensureCursorVisible()
            return
        super().insertFromMimeData(source)


def _set_indent(block: QTextBlock, indent: int) -> None:
    fmt = block.blockFormat()
    fmt.setIndent(indent)
    QTextCursor(block).setBlockFormat(fmt)


def _list_at(block: QTextBlock, depth: int) -> QTextList | None:
    """The list a block joins at a nesting depth: the nearest earlier one at that depth,
    unless a shallower item (the new parent) comes first."""
    previous = block.previous()
    while previous.isValid() and previous.textList() is not None:
        text_list = previous.textList()
        level = text_list.format().indent() - 1
        if level == depth:
            return text_list
        if level < depth:
            return None
        previous = previous.previous()
    return None


def _anchor_extent(cursor: QTextCursor, href: str) -> QTextCursor:
    """A cursor selecting the whole link around the cursor, within its block."""
    block = cursor.block()
    position = cursor.position()
    start = end = position
    it = block.begin()
    spans: list[tuple[int, int]] = []
    while not it.atEnd():
        fragment = it.fragment()
        fmt = fragment.charFormat()
        if fmt.isAnchor() and fmt.anchorHref() == href:
            first = fragment.position()
            if spans and spans[-1][1] == first:
                spans[-1] = (spans[-1][0], first + fragment.length())
            else:
                spans.append((first, first + fragment.length()))
        it += 1
    for first, last in spans:
        if first <= position <= last:
            start, end = first, last
            break
    extent = QTextCursor(cursor.document())
    extent.setPosition(start)
    extent.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return extent


def _clear_link(cursor: QTextCursor) -> None:
    """Remove link formatting from the selection, keeping bold, italic and the rest."""
    document = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    pieces: list[tuple[int, int, QTextCharFormat]] = []
    block = document.findBlock(start)
    while block.isValid() and block.position() <= end:
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            first = max(start, fragment.position())
            last = min(end, fragment.position() + fragment.length())
            if first < last and fragment.charFormat().isAnchor():
                pieces.append((first, last, fragment.charFormat()))
            it += 1
        block = block.next()
    # Formats are set after the walk: setting them merges and splits the fragments.
    for first, last, fmt in pieces:
        for prop in _LINK_PROPERTIES:
            fmt.clearProperty(prop)
        piece = QTextCursor(document)
        piece.setPosition(first)
        piece.setPosition(last, QTextCursor.MoveMode.KeepAnchor)
        piece.setCharFormat(fmt)
