"""The body editor's actions: formatting in toolbar order, plain-text paste, source view."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence

if TYPE_CHECKING:
    from deskeditor.ui.bodyedit import BodyEdit

SOURCE_VIEW_SHORTCUT = "Ctrl+/"  # free in the window; Ctrl+Alt+M is the usual alternative


def _action(
    edit: BodyEdit,
    name: str,
    text: str,
    slot: Callable[[], object],
    shortcut: str = "",
    checkable: bool = False,
    *,
    hint: str = "",
) -> QAction:
    action = QAction(text, edit)
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
    edit.addAction(action)
    return action


def build_actions(edit: BodyEdit) -> list[list[QAction]]:
    """Create the editor's actions (as its attributes); returns the toolbar's groups."""

    def act(
        name: str, text: str, slot: Callable[[], object], shortcut: str = "",
        checkable: bool = False, *, hint: str = "",
    ) -> QAction:  # fmt: skip
        return _action(edit, name, text, slot, shortcut, checkable, hint=hint)

    edit.bold_action = act(
        "boldAction",
        QCoreApplication.translate("BodyEdit", "&Bold"),
        edit.toggle_bold,
        "Ctrl+B",
        True,
    )
    edit.italic_action = act(
        "italicAction",
        QCoreApplication.translate("BodyEdit", "&Italic"),
        edit.toggle_italic,
        "Ctrl+I",
        True,
    )
    edit.strike_action = act(
        "strikethroughAction",
        QCoreApplication.translate("BodyEdit", "&Strikethrough"),
        edit.toggle_strike,
        "Ctrl+Shift+X",
        True,
    )
    edit.heading2_action = act(
        "heading2Action",
        QCoreApplication.translate("BodyEdit", "Heading &2"),
        lambda: edit.set_heading(2),
        "Ctrl+2",
        True,
    )
    edit.heading3_action = act(
        "heading3Action",
        QCoreApplication.translate("BodyEdit", "Heading &3"),
        lambda: edit.set_heading(3),
        "Ctrl+3",
        True,
    )
    edit.paragraph_action = act(
        "paragraphAction",
        QCoreApplication.translate("BodyEdit", "&Normal Paragraph"),
        lambda: edit.set_heading(0),
        "Ctrl+0",
        True,
    )
    headings = QActionGroup(edit)
    headings.setExclusionPolicy(QActionGroup.ExclusionPolicy.ExclusiveOptional)  # h1, h4
    for action in (edit.heading2_action, edit.heading3_action, edit.paragraph_action):
        headings.addAction(action)
    edit.bullet_action = act(
        "bulletListAction",
        QCoreApplication.translate("BodyEdit", "B&ulleted List"),
        lambda: edit.toggle_list(False),
        "Ctrl+Shift+8",
        True,
    )
    edit.numbered_action = act(
        "numberedListAction",
        QCoreApplication.translate("BodyEdit", "N&umbered List"),
        lambda: edit.toggle_list(True),
        "Ctrl+Shift+7",
        True,
    )
    # Tab is handled in keyPressEvent (it moves the focus outside lists), so it is only a hint.
    edit.outdent_action = act(
        "outdentAction",
        QCoreApplication.translate("BodyEdit", "&Decrease List Level"),
        lambda: edit.change_list_level(-1),
        hint="Shift+Tab",
    )
    edit.indent_action = act(
        "indentAction",
        QCoreApplication.translate("BodyEdit", "&Increase List Level"),
        lambda: edit.change_list_level(1),
        hint="Tab",
    )
    edit.quote_action = act(
        "blockQuoteAction",
        QCoreApplication.translate("BodyEdit", "Block &Quote"),
        edit.toggle_quote,
        "Ctrl+Shift+9",
        True,
    )
    edit.link_action = act(
        "linkAction", QCoreApplication.translate("BodyEdit", "&Link…"), edit.edit_link, "Ctrl+K"
    )
    edit.rule_action = act(
        "horizontalRuleAction",
        QCoreApplication.translate("BodyEdit", "Horizontal &Rule"),
        edit.insert_rule,
    )
    groups = [
        [edit.bold_action, edit.italic_action, edit.strike_action],
        [edit.heading2_action, edit.heading3_action, edit.paragraph_action],
        [edit.bullet_action, edit.numbered_action, edit.outdent_action, edit.indent_action],
        [edit.quote_action, edit.link_action, edit.rule_action],
    ]
    edit.plain_paste_action = act(
        "pastePlainAction",
        QCoreApplication.translate("BodyEdit", "Paste as &Plain Text"),
        edit.paste_plain,
        "Ctrl+Shift+V",
    )
    edit.source_action = act(
        "sourceViewAction",
        QCoreApplication.translate("BodyEdit", "&Markdown Source"),
        lambda: None,
        SOURCE_VIEW_SHORTCUT,
        True,
    )
    # A View menu entry: active wherever the window is, not only in the body.
    edit.source_action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    edit.source_action.toggled.connect(edit.set_source_view)
    return groups
