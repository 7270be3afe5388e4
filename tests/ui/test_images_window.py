"""Photos in the window: Insert → Image…, the photo dialog, lead photo, alt text before export."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from photofiles import photo_bytes, photo_file
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence, QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWebEngineCore import QWebEngineScript
from PySide6.QtWidgets import QFileDialog, QMenu, QToolBar, QWidget
from pytestqt.qtbot import QtBot

from deskeditor.core.models import ArticleContent, Language
from deskeditor.core.store import Store
from deskeditor.ui.bodyimages import body_photos
from deskeditor.ui.exporting import export_article_page
from deskeditor.ui.imagedialog import ImageDialog
from deskeditor.ui.mainwindow import MainWindow
from deskeditor.ui.prompts import AltTextAnswer
from deskeditor.ui.sessionstate import SessionState, session_settings

NEVER_MS = 3_600_000
TIMEOUT_MS = 10_000
MakeWindow = Callable[..., MainWindow]
Focus = Callable[[QWidget], None]


class AltAnswers:
    """The answer to "photos without alt text", and the questions asked."""

    def __init__(self) -> None:
        self.answer = AltTextAnswer.EXPORT
        self.questions: list[tuple[list[str], bool]] = []


@pytest.fixture
def alt_answers(prompts: Any) -> AltAnswers:
    answers = AltAnswers()

    def ask(parent: QWidget, photos: list[str], *, can_add: bool) -> AltTextAnswer:
        answers.questions.append((list(photos), can_add))
        return answers.answer

    prompts.missing_alt_text = ask  # the window's prompts answer this question too
    return answers


def sha_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def window_with_photo(
    make_window: MakeWindow, store: Store, *, alt: str = "", body_alt: str = ""
) -> tuple[MainWindow, str]:
    sha = store.add_image(photo_bytes(size=(400, 300)), alt=alt).sha256
    store.create_article(
        ArticleContent(headline="Harbour", body=f"Ships.\n\n![{body_alt}](asset:{sha})\n")
    )
    return make_window(autosave_ms=NEVER_MS), sha


def test_insert_image_is_in_the_insert_menu_and_toolbar_with_a_free_shortcut(
    make_window: MakeWindow, store: Store
) -> None:
    store.create_article(ArticleContent(headline="One"))
    window = make_window()
    action = window.extras.photos.insert_action

    menu = window.menuBar().findChild(QMenu, "insertMenu")
    assert menu is not None and action in menu.actions()
    toolbar = window.findChild(QToolBar, "mainToolBar")
    assert toolbar is not None and action in toolbar.actions()
    assert action.shortcut() == QKeySequence("Ctrl+Shift+P")
    others = [
        other.shortcut()
        for other in window.findChildren(QAction)
        if other is not action and not other.shortcut().isEmpty()
    ]
    assert action.shortcut() not in others


def test_insert_image_dialog_inserts_the_chosen_photo_and_saves_it(
    qtbot: QtBot, make_window: MakeWindow, store: Store, tmp_path: Path
) -> None:
    article = store.create_article(ArticleContent(headline="Port", body="Text.\n"))
    window = make_window(autosave_ms=NEVER_MS)
    data = photo_bytes()
    path = photo_file(tmp_path, "ship.jpg", data)

    window.extras.photos.insert_action.trigger()
    dialog = window.findChild(QFileDialog, "insertImageDialog")
    assert dialog is not None
    assert "*.jpg *.jpeg *.png *.webp *.gif" in dialog.nameFilters()[0]
    dialog.selectFile(str(path))
    dialog.accept()

    assert window.save_now()
    assert f"![](asset:{sha_of(data)})" in store.get_article(article.id).content.body


def test_a_bad_file_is_reported_once_through_the_window(
    make_window: MakeWindow, store: Store, prompts: Any, tmp_path: Path
) -> None:
    store.create_article(ArticleContent(headline="Port", body="Text.\n"))
    window = make_window(autosave_ms=NEVER_MS)

    window.extras.photos.insert_files([photo_file(tmp_path, "broken.png", b"not a png")])

    assert len(prompts.warnings) == 1
    assert prompts.warnings[0].startswith("Cannot insert the image: broken.png")
    assert window.editor.body_edit.markdown() == "Text.\n"


def test_photo_details_action_is_enabled_on_a_photo_only(
    make_window: MakeWindow, store: Store
) -> None:
    window, _sha = window_with_photo(make_window, store)
    body = window.editor.body_edit
    details = window.extras.photos.details_action

    menu = window.menuBar().findChild(QMenu, "insertMenu")
    assert menu is not None

    cursor = body.textCursor()
    cursor.setPosition(2)
    body.setTextCursor(cursor)
    menu.aboutToShow.emit()
    assert not details.isEnabled()
    photo = next(body_photos(body.document()))
    cursor.setPosition(photo.position)
    body.setTextCursor(cursor)
    menu.aboutToShow.emit()
    assert details.isEnabled()


def open_dialog_by_double_click(qtbot: QtBot, window: MainWindow) -> ImageDialog:
    body = window.editor.body_edit
    images = window.extras.photos.images
    qtbot.waitUntil(images.all_shown, timeout=TIMEOUT_MS)
    photo = next(body_photos(body.document()))
    cursor = QTextCursor(body.document())
    cursor.setPosition(photo.position)
    rect = body.cursorRect(cursor)
    qtbot.mouseDClick(
        body.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(rect.left() + 50, rect.center().y()),
    )
    dialog = window.extras.photos.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def test_double_click_opens_the_dialog_and_ok_stores_the_words(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    window, sha = window_with_photo(make_window, store)
    article_id = window.autosaver.article_id
    assert article_id is not None

    dialog = open_dialog_by_double_click(qtbot, window)
    assert dialog.credit_edit.placeholderText() == "Photo: Reuters"
    assert not dialog.lead_check.isChecked()
    dialog.alt_edit.setText("Container ships at dusk")
    dialog.caption_edit.setText("The port at night.")
    dialog.credit_edit.setText("Photo: Reuters")
    dialog.lead_check.setChecked(True)
    dialog.accept()

    stored = store.image(sha)
    assert (stored.alt, stored.caption, stored.credit) == (
        "Container ships at dusk",
        "The port at night.",
        "Photo: Reuters",
    )
    assert window.save_now()
    content = store.get_article(article_id).content
    assert content.body == f"Ships.\n\n![Container ships at dusk](asset:{sha})\n"
    assert content.feature_image == sha


def test_korean_article_offers_a_korean_credit_example(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    sha = store.add_image(photo_bytes(size=(400, 300))).sha256
    store.create_article(
        ArticleContent(
            headline="부산항", body=f"선박들.\n\n![](asset:{sha})\n", language=Language.KO
        )
    )
    window = make_window(autosave_ms=NEVER_MS)

    dialog = window.extras.photos.edit_photo(sha)

    assert dialog is not None
    assert dialog.credit_edit.placeholderText() == "사진=연합뉴스"
    dialog.reject()


def test_unchecking_lead_photo_clears_it_and_cancel_changes_nothing(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    sha = store.add_image(photo_bytes(), alt="A ship").sha256
    article = store.create_article(
        ArticleContent(headline="Lead", body=f"![A ship](asset:{sha})\n", feature_image=sha)
    )
    window = make_window(autosave_ms=NEVER_MS)

    dialog = window.extras.photos.edit_photo(sha)
    assert dialog is not None and dialog.lead_check.isChecked()
    dialog.caption_edit.setText("never saved")
    dialog.reject()
    assert store.image(sha).caption == ""
    assert window.editor.feature_image() == sha

    dialog = window.extras.photos.edit_photo(sha)
    assert dialog is not None
    dialog.lead_check.setChecked(False)
    dialog.accept()
    assert window.save_now()
    assert store.get_article(article.id).content.feature_image == ""


def export_shortcut(window: MainWindow) -> None:
    QTest.keyClick(
        window.editor.body_edit,
        Qt.Key.Key_E,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )


def test_export_names_photos_without_alt_text_and_can_export_anyway(
    make_window: MakeWindow,
    store: Store,
    prompts: Any,
    alt_answers: AltAnswers,
    tmp_path: Path,
    focus: Focus,
) -> None:
    window, _sha = window_with_photo(make_window, store)
    focus(window.editor.body_edit)
    prompts.export_to = tmp_path / "page.html"

    alt_answers.answer = AltTextAnswer.CANCEL
    export_shortcut(window)
    assert len(alt_answers.questions) == 1
    assert alt_answers.questions[0][0] == ["1. 400 × 300 photo"]
    assert not prompts.export_to.exists()

    alt_answers.answer = AltTextAnswer.EXPORT
    export_shortcut(window)
    assert prompts.export_to.exists()


def test_export_does_not_ask_when_every_photo_has_alt_text(
    make_window: MakeWindow,
    store: Store,
    prompts: Any,
    alt_answers: AltAnswers,
    tmp_path: Path,
    focus: Focus,
) -> None:
    window, _sha = window_with_photo(make_window, store, alt="Ships in the harbour")
    focus(window.editor.body_edit)
    prompts.export_to = tmp_path / "page.html"

    export_shortcut(window)

    assert alt_answers.questions == []
    assert prompts.export_to.exists()


def test_add_alt_text_opens_the_photo_dialog_instead_of_exporting(
    make_window: MakeWindow,
    store: Store,
    prompts: Any,
    alt_answers: AltAnswers,
    tmp_path: Path,
    session_file: Path,
) -> None:
    window, sha = window_with_photo(make_window, store)
    article_id = window.autosaver.article_id
    assert article_id is not None
    prompts.export_to = tmp_path / "page.html"
    alt_answers.answer = AltTextAnswer.ADD
    photos = window.extras.photos

    written = export_article_page(
        window,
        store,
        window.renderer,
        SessionState(session_settings(session_file)),
        prompts,
        article_id,
        photos=photos.photos(),
        add_alt=photos.edit_photo,
    )

    assert written is None and not prompts.export_to.exists()
    assert alt_answers.questions[0][1] is True  # "Add alt text" was offered
    dialog = photos.dialog
    assert dialog is not None and dialog.sha256 == sha
    assert dialog.alt_edit.hasFocus() or dialog.focusWidget() is dialog.alt_edit
    dialog.alt_edit.setText("Ships")
    dialog.accept()
    assert window.save_now()
    assert f"![Ships](asset:{sha})" in store.get_article(article_id).content.body


def test_the_window_preview_serves_photos_from_the_store(
    qtbot: QtBot, make_window: MakeWindow, store: Store
) -> None:
    window, sha = window_with_photo(make_window, store, alt="Ships")
    results: list[Any] = []

    with qtbot.waitSignal(window.preview.page_shown, timeout=20_000):
        window.preview_updater.refresh_now()  # the window's own render, photos and all

    def width() -> int:
        window.preview.page().runJavaScript(
            "(() => { const i = document.querySelector('figure img');"
            " return i && i.complete ? i.naturalWidth : -1; })()",
            QWebEngineScript.ScriptWorldId.ApplicationWorld,
            results.append,
        )
        qtbot.waitUntil(lambda: bool(results), timeout=20_000)
        return int(results.pop())

    qtbot.waitUntil(lambda: width() == 400, timeout=20_000)
    window.preview.page().runJavaScript(
        "document.querySelector('figure img').src",
        QWebEngineScript.ScriptWorldId.ApplicationWorld,
        results.append,
    )
    qtbot.waitUntil(lambda: bool(results), timeout=20_000)
    assert results.pop() == f"deskeditor://asset/{sha}"
