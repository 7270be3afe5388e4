"""The main window's layout between runs: geometry, splitter sizes and the preview's visibility."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QSplitter

from deskeditor.ui.sessionstate import SessionState

DEFAULT_SIZE = (1400, 860)


def restore_layout(
    window: QMainWindow,
    splitter: QSplitter,
    preview_action: QAction,
    session: SessionState,
    default_sizes: Sequence[int],
) -> None:
    """Put the window back as it was closed, or in its default layout the first time."""
    geometry = session.geometry()
    if geometry is None or not window.restoreGeometry(geometry):
        window.resize(*DEFAULT_SIZE)
    state = session.window_state()
    if state is not None:
        window.restoreState(state)
    sizes = session.splitter_state()
    if sizes is None or not splitter.restoreState(sizes):
        splitter.setSizes(list(default_sizes))
    # The action's toggled signal shows or hides the preview.
    preview_action.setChecked(session.preview_visible())


def save_layout(
    window: QMainWindow, splitter: QSplitter, preview_action: QAction, session: SessionState
) -> None:
    session.set_geometry(window.saveGeometry())
    session.set_window_state(window.saveState())
    session.set_splitter_state(splitter.saveState())
    session.set_preview_visible(preview_action.isChecked())
