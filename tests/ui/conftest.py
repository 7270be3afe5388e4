"""GUI test setup: URL schemes and QtWebEngine must be prepared before the QApplication."""

from __future__ import annotations

from deskeditor.ui.qtsetup import prepare_qt_before_application

prepare_qt_before_application()
