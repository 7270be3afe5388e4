"""The main window's actions, menus and toolbar, built in one place with standard shortcuts."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication, QComboBox, QMainWindow, QMenuBar, QToolBar, QWidget

from deskeditor.ui.bodyedit import BodyEdit


@dataclass(frozen=True, slots=True)
class WindowActions:
    """Every action of the main window, so handlers and tests can reach them by name."""

    new: QAction
    save: QAction
    export: QAction
    delete: QAction
    quit: QAction
    undo: QAction
    redo: QAction
    cut: QAction
    copy: QAction
    paste: QAction
    select_all: QAction
    toggle_preview: QAction
    focus_list: QAction
    find: QAction
    show_trash: QAction
    restore: QAction
    empty_trash: QAction
    about: QAction


def _action(
    parent: QWidget,
    name: str,
    text: str,
    shortcut: QKeySequence.StandardKey | str | None = None,
    *,
    tip: str = "",
) -> QAction:
    action = QAction(text, parent)
    action.setObjectName(name)
    if isinstance(shortcut, QKeySequence.StandardKey):
        action.setShortcuts(shortcut)
    elif shortcut:
        action.setShortcut(QKeySequence(shortcut))
    if tip:
        action.setStatusTip(tip)
    return action


def _on_focus_widget(method: str) -> Callable[[], None]:
    """A handler that runs an edit command (undo, copy, ...) on whichever widget has focus."""

    def run() -> None:
        widget = QApplication.focusWidget()
        if isinstance(widget, QComboBox) and widget.lineEdit() is not None:
            widget = widget.lineEdit()
        command = getattr(widget, method, None) if widget is not None else None
        if callable(command):
            command()

    return run


def create_actions(window: QMainWindow) -> WindowActions:
    """Actions owned by the window; the caller connects the file commands to its handlers."""
    key = QKeySequence.StandardKey
    actions = WindowActions(
        new=_action(
            window,
            "newAction",
            QCoreApplication.translate("actions", "&New Article"),
            key.New,
            tip=QCoreApplication.translate("actions", "Start a new article"),
        ),
        save=_action(
            window,
            "saveAction",
            QCoreApplication.translate("actions", "&Save"),
            key.Save,
            tip=QCoreApplication.translate("actions", "Save now (autosave runs anyway)"),
        ),
        export=_action(
            window,
            "exportAction",
            QCoreApplication.translate("actions", "&Export HTML…"),
            "Ctrl+Shift+E",
        ),
        delete=_action(
            window,
            "deleteAction",
            QCoreApplication.translate("actions", "&Delete Article…"),
            key.Delete,
        ),
        quit=_action(
            window, "quitAction", QCoreApplication.translate("actions", "&Quit"), "Ctrl+Q"
        ),
        undo=_action(
            window, "undoAction", QCoreApplication.translate("actions", "&Undo"), key.Undo
        ),
        redo=_action(
            window, "redoAction", QCoreApplication.translate("actions", "&Redo"), key.Redo
        ),
        cut=_action(window, "cutAction", QCoreApplication.translate("actions", "Cu&t"), key.Cut),
        copy=_action(
            window, "copyAction", QCoreApplication.translate("actions", "&Copy"), key.Copy
        ),
        paste=_action(
            window, "pasteAction", QCoreApplication.translate("actions", "&Paste"), key.Paste
        ),
        select_all=_action(
            window,
            "selectAllAction",
            QCoreApplication.translate("actions", "Select &All"),
            key.SelectAll,
        ),
        toggle_preview=_action(
            window, "togglePreviewAction", QCoreApplication.translate("actions", "&Preview"), "F9"
        ),
        focus_list=_action(
            window,
            "focusListAction",
            QCoreApplication.translate("actions", "Go to Article &List"),
            "Ctrl+L",
        ),
        find=_action(
            window,
            "findAction",
            QCoreApplication.translate("actions", "&Find Articles…"),
            key.Find,
            tip=QCoreApplication.translate("actions", "Search the articles"),
        ),
        show_trash=_action(
            window,
            "showTrashAction",
            QCoreApplication.translate("actions", "&Trash"),
            "Ctrl+Shift+T",
            tip=QCoreApplication.translate("actions", "Show deleted articles"),
        ),
        restore=_action(
            window,
            "restoreAction",
            QCoreApplication.translate("actions", "&Restore Article"),
            "Ctrl+Shift+R",
            tip=QCoreApplication.translate(
                "actions", "Bring the chosen article back from the Trash"
            ),
        ),
        empty_trash=_action(
            window,
            "emptyTrashAction",
            QCoreApplication.translate("actions", "E&mpty Trash…"),
            tip=QCoreApplication.translate("actions", "Remove the deleted articles for good"),
        ),
        about=_action(
            window, "aboutAction", QCoreApplication.translate("actions", "&About deskeditor")
        ),
    )
    # Delete acts on the list only (see MainWindow); in a text field the key deletes text.
    actions.delete.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
    actions.show_trash.setCheckable(True)
    actions.restore.setEnabled(False)  # only with a deleted article chosen in the Trash
    actions.toggle_preview.setCheckable(True)
    actions.toggle_preview.setChecked(True)
    actions.quit.triggered.connect(window.close)
    for action, method in (
        (actions.undo, "undo"),
        (actions.redo, "redo"),
        (actions.cut, "cut"),
        (actions.copy, "copy"),
        (actions.paste, "paste"),
        (actions.select_all, "selectAll"),
    ):
        action.triggered.connect(_on_focus_widget(method))
    return actions


def build_menus(
    menu_bar: QMenuBar, actions: WindowActions, format_groups: Sequence[Sequence[QAction]]
) -> None:
    file_menu = menu_bar.addMenu(QCoreApplication.translate("actions", "&File"))
    file_menu.setObjectName("fileMenu")
    file_menu.addActions([actions.new, actions.save, actions.export])
    file_menu.addSeparator()
    file_menu.addActions([actions.delete, actions.restore, actions.empty_trash])
    file_menu.addSeparator()
    file_menu.addAction(actions.quit)

    edit_menu = menu_bar.addMenu(QCoreApplication.translate("actions", "&Edit"))
    edit_menu.setObjectName("editMenu")
    edit_menu.addActions([actions.undo, actions.redo])
    edit_menu.addSeparator()
    edit_menu.addActions([actions.cut, actions.copy, actions.paste])
    edit_menu.addSeparator()
    edit_menu.addAction(actions.select_all)

    # Filled by WindowExtras (Image…), which owns the photo actions and their store access.
    insert_menu = menu_bar.addMenu(QCoreApplication.translate("actions", "&Insert"))
    insert_menu.setObjectName("insertMenu")

    format_menu = menu_bar.addMenu(QCoreApplication.translate("actions", "F&ormat"))
    format_menu.setObjectName("formatMenu")
    for index, group in enumerate(format_groups):
        if index:
            format_menu.addSeparator()
        format_menu.addActions(list(group))

    view_menu = menu_bar.addMenu(QCoreApplication.translate("actions", "&View"))
    view_menu.setObjectName("viewMenu")
    view_menu.addActions([actions.toggle_preview, actions.focus_list, actions.find])
    view_menu.addSeparator()
    view_menu.addAction(actions.show_trash)

    help_menu = menu_bar.addMenu(QCoreApplication.translate("actions", "&Help"))
    help_menu.setObjectName("helpMenu")
    help_menu.addAction(actions.about)


def build_toolbar(
    window: QMainWindow, actions: WindowActions, format_groups: Sequence[Sequence[QAction]]
) -> QToolBar:
    toolbar = window.addToolBar(QCoreApplication.translate("actions", "Main toolbar"))
    toolbar.setObjectName("mainToolBar")
    toolbar.addActions([actions.new, actions.save, actions.export])
    for group in format_groups:
        toolbar.addSeparator()
        toolbar.addActions(list(group))
    return toolbar


def format_groups(body_edit: BodyEdit) -> list[list[QAction]]:
    """The body editor's formatting actions in the groups menus and toolbars separate."""
    return [list(group) for group in body_edit.format_action_groups()]
