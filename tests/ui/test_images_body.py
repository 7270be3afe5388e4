"""Photos in the body editor: inserted from files, drops and pastes, shown scaled, round-tripped."""

from __future__ import annotations

import io
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from photofiles import photo_bytes, photo_file
from PIL import Image
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragMoveEvent,
    QDropEvent,
    QImage,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from deskeditor.core.store import Store
from deskeditor.ui import photolibrary
from deskeditor.ui.bodyedit import BodyEdit
from deskeditor.ui.bodyimages import BodyImages, body_photos
from deskeditor.ui.operations import OperationError
from deskeditor.ui.photolibrary import PhotoLibrary

TIMEOUT_MS = 10_000


@pytest.fixture
def library(qtbot: QtBot, store: Store) -> Iterator[PhotoLibrary]:
    library = PhotoLibrary(store)
    yield library
    library.shutdown()  # the worker is idle before the store closes


@pytest.fixture
def edit(qtbot: QtBot, library: PhotoLibrary) -> BodyEdit:
    edit = BodyEdit()
    qtbot.addWidget(edit)
    edit.set_photo_library(library)
    edit.resize(500, 400)
    edit.show()
    qtbot.waitExposed(edit)
    return edit


def images_of(edit: BodyEdit) -> BodyImages:
    assert edit.images is not None
    return edit.images


def asset_count(store_path: Path) -> int:
    with sqlite3.connect(store_path) as connection:
        return int(connection.execute("SELECT count(*) FROM assets").fetchone()[0])


def sha_of(data: bytes) -> str:
    import hashlib

    return hashlib.sha256(data).hexdigest()


def wait_shown(qtbot: QtBot, edit: BodyEdit) -> None:
    qtbot.waitUntil(images_of(edit).all_shown, timeout=TIMEOUT_MS)


def shown_image(edit: BodyEdit, sha: str) -> QImage:
    image = edit.document().resource(QTextDocument.ResourceType.ImageResource, QUrl(f"asset:{sha}"))
    assert isinstance(image, QImage)
    return image


def test_insert_file_stores_the_photo_and_writes_an_asset_reference(
    qtbot: QtBot, edit: BodyEdit, store: Store, tmp_path: Path
) -> None:
    data = photo_bytes(size=(300, 200))
    edit.set_markdown("Before.\n")
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)

    assert images_of(edit).insert_files([photo_file(tmp_path, "harbour.jpg", data)])

    sha = sha_of(data)
    assert edit.markdown() == f"Before.\n\n![](asset:{sha})\n"
    assert store.image(sha).media_type == "image/jpeg"
    assert store.image_data(sha)[0] == data


def test_the_same_photo_twice_is_stored_once(
    edit: BodyEdit, store_path: Path, tmp_path: Path
) -> None:
    data = photo_bytes()
    images = images_of(edit)
    images.insert_files([photo_file(tmp_path, "a.jpg", data)])
    images.insert_files([photo_file(tmp_path / "copy", "b.jpg", data)])

    sha = sha_of(data)
    assert edit.markdown().count(f"asset:{sha}") == 2
    assert asset_count(store_path) == 1


def test_inserted_photo_takes_the_alt_text_the_store_has(
    edit: BodyEdit, store: Store, tmp_path: Path
) -> None:
    data = photo_bytes()
    asset = store.add_image(data, alt="부산항 야경")

    images_of(edit).insert_files([photo_file(tmp_path, "port.jpg", data)])

    assert edit.markdown() == f"![부산항 야경](asset:{asset.sha256})\n"


def test_photo_goes_between_the_halves_of_a_paragraph(edit: BodyEdit, tmp_path: Path) -> None:
    data = photo_bytes()
    edit.set_markdown("## Head and tail\n")
    cursor = edit.textCursor()
    cursor.setPosition(len("Head "))
    edit.setTextCursor(cursor)

    images_of(edit).insert_files([photo_file(tmp_path, "p.png", data, kind="PNG")])

    assert edit.markdown() == f"## Head\n\n![](asset:{sha_of(data)})\n\n## and tail\n"
    edit.undo()
    assert edit.markdown() == "## Head and tail\n"


def test_photo_is_shown_at_the_editor_width_keeping_its_aspect(
    qtbot: QtBot, edit: BodyEdit, store: Store, tmp_path: Path
) -> None:
    data = photo_bytes(size=(2400, 1600))
    images_of(edit).insert_files([photo_file(tmp_path, "wide.jpg", data)])
    wait_shown(qtbot, edit)

    image = shown_image(edit, sha_of(data))
    width = images_of(edit).fit_width()
    assert width < 500
    assert image.width() == width
    assert abs(image.height() - width * 2 / 3) <= 1
    assert store.image_data(sha_of(data))[0] == data  # the stored original never changes


def test_small_photo_is_not_enlarged(qtbot: QtBot, edit: BodyEdit, tmp_path: Path) -> None:
    data = photo_bytes(size=(120, 90))
    images_of(edit).insert_files([photo_file(tmp_path, "small.jpg", data)])
    wait_shown(qtbot, edit)

    assert shown_image(edit, sha_of(data)).size().toTuple() == (120, 90)


def test_photos_follow_the_editor_width(qtbot: QtBot, edit: BodyEdit, tmp_path: Path) -> None:
    data = photo_bytes(size=(1600, 900))
    images_of(edit).insert_files([photo_file(tmp_path, "wide.jpg", data)])
    wait_shown(qtbot, edit)
    before = shown_image(edit, sha_of(data)).width()

    edit.resize(360, 400)
    qtbot.waitUntil(lambda: shown_image(edit, sha_of(data)).width() < before, timeout=TIMEOUT_MS)

    assert shown_image(edit, sha_of(data)).width() == images_of(edit).fit_width()


def test_photos_arriving_are_not_an_edit(qtbot: QtBot, edit: BodyEdit, store: Store) -> None:
    asset = store.add_image(photo_bytes(size=(900, 600)))
    changes: list[bool] = []
    edit.body_changed.connect(lambda: changes.append(True))

    edit.set_markdown(f"Text.\n\n![](asset:{asset.sha256})\n")
    wait_shown(qtbot, edit)

    assert changes == []
    assert not edit.document().isModified()
    assert not edit.document().isUndoAvailable()


def test_reopened_article_shows_its_photos_from_memory(
    qtbot: QtBot, edit: BodyEdit, store: Store
) -> None:
    shas = [
        store.add_image(photo_bytes(size=(800, 600), color=c)).sha256
        for c in ("red", "green", "blue")
    ]
    markdown = "".join(f"![](asset:{sha})\n\n" for sha in shas).rstrip() + "\n"
    edit.set_markdown(markdown)
    wait_shown(qtbot, edit)

    edit.set_markdown("Another article.\n")
    edit.set_markdown(markdown)

    assert images_of(edit).all_shown()  # no wait: the scaled copies are in memory


def test_missing_photo_shows_a_placeholder_without_error(qtbot: QtBot, edit: BodyEdit) -> None:
    missing = "ab" * 32
    with qtbot.waitSignal(images_of(edit).photos_shown, timeout=TIMEOUT_MS):
        edit.set_markdown(f"![gone](asset:{missing})\n")
        images_of(edit).resource(QUrl(f"asset:{missing}"))

    assert images_of(edit).library.is_missing(missing)
    assert edit.markdown() == f"![gone](asset:{missing})\n"


@pytest.mark.parametrize(
    "markdown",
    [
        "![부산항 야경](asset:{sha})\n",
        'Text before.\n\n![Night port](asset:{sha} "Busan at night")\n\nText after.\n',
        "> ![quoted](asset:{sha})\n",
        "- item ![inline](asset:{sha}) in a list\n",
    ],
)
def test_markdown_round_trip_of_a_photo_is_exact(
    qtbot: QtBot, edit: BodyEdit, store: Store, markdown: str
) -> None:
    sha = store.add_image(photo_bytes()).sha256
    text = markdown.format(sha=sha)
    edit.set_markdown(text)
    wait_shown(qtbot, edit)

    assert edit.markdown() == text


def test_inserted_photo_round_trips_through_markdown(
    qtbot: QtBot, edit: BodyEdit, tmp_path: Path
) -> None:
    images_of(edit).insert_files([photo_file(tmp_path, "x.webp", photo_bytes(kind="WEBP"))])
    written = edit.markdown()
    assert written.startswith("![](asset:")

    edit.set_markdown(written)
    assert edit.markdown() == written


def image_mime(image: QImage) -> QMimeData:
    mime = QMimeData()
    mime.setImageData(image)
    return mime


def test_pasting_image_data_stores_a_png(edit: BodyEdit, store: Store) -> None:
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("orange"))
    QApplication.clipboard().setMimeData(image_mime(image))

    edit.paste()

    photos = list(body_photos(edit.document()))
    assert len(photos) == 1
    stored = store.image(photos[0].sha256)
    assert (stored.media_type, stored.width, stored.height) == ("image/png", 40, 30)


def test_pasting_an_image_file_url_inserts_the_photo(edit: BodyEdit, tmp_path: Path) -> None:
    data = photo_bytes(kind="GIF")
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo_file(tmp_path, "anim.gif", data)))])
    mime.setText(str(tmp_path / "anim.gif"))  # file managers add the path as text too

    edit.insertFromMimeData(mime)

    assert edit.markdown() == f"![](asset:{sha_of(data)})\n"


def test_copied_text_with_a_picture_of_itself_pastes_as_text(edit: BodyEdit) -> None:
    # Word and spreadsheets put an image of the selection beside its text.
    image = QImage(40, 30, QImage.Format.Format_RGB32)
    image.fill(QColor("white"))
    mime = image_mime(image)
    mime.setText("The copied words")

    edit.insertFromMimeData(mime)

    assert edit.markdown() == "The copied words\n"


def drop(edit: BodyEdit, mime: QMimeData, point: QPoint) -> QDropEvent:
    viewport = edit.viewport()
    action = Qt.DropAction.CopyAction
    buttons = Qt.MouseButton.LeftButton
    mods = Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(point, action, mime, buttons, mods)
    QApplication.sendEvent(viewport, enter)
    assert enter.isAccepted()
    QApplication.sendEvent(viewport, QDragMoveEvent(point, action, mime, buttons, mods))
    event = QDropEvent(QPointF(point), action, mime, buttons, mods)
    QApplication.sendEvent(viewport, event)
    return event


def test_dropping_an_image_file_inserts_it_where_dropped(edit: BodyEdit, tmp_path: Path) -> None:
    data = photo_bytes()
    edit.set_markdown("First paragraph.\n\nSecond paragraph.\n")
    second = edit.document().findBlockByNumber(1)
    cursor = QTextCursor(second)
    point = edit.cursorRect(cursor).center()
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(photo_file(tmp_path, "d.jpg", data)))])

    event = drop(edit, mime, point)

    assert event.isAccepted()
    assert edit.markdown() == (
        f"First paragraph.\n\n![](asset:{sha_of(data)})\n\nSecond paragraph.\n"
    )


def truncated_jpeg() -> bytes:
    data = photo_bytes(size=(400, 300))
    return data[: len(data) // 2]


def bmp_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), "red").save(buffer, "BMP")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("corrupt.jpg", b"\xff\xd8\xff\xe0 this is not really a jpeg", "damaged"),
        ("truncated.jpg", truncated_jpeg(), "damaged or truncated"),
        ("notes.png", b"just some text, no picture", "not an image"),
        ("icon.png", bmp_bytes(), "use JPEG, PNG, WebP or GIF"),
        ("empty.gif", b"", "empty"),
    ],
)
def test_bad_files_get_one_message_and_change_nothing(
    qtbot: QtBot,
    edit: BodyEdit,
    store_path: Path,
    tmp_path: Path,
    name: str,
    content: bytes,
    words: str,
) -> None:
    edit.set_markdown("Unchanged.\n")
    errors: list[OperationError] = []
    images_of(edit).refused.connect(errors.append)

    assert not images_of(edit).insert_files([photo_file(tmp_path, name, content)])

    assert edit.markdown() == "Unchanged.\n"
    assert not edit.document().isUndoAvailable()
    assert len(errors) == 1
    message = str(errors[0])
    assert message.startswith("Cannot insert the image:")
    assert name in message and words in message
    assert "Traceback" not in message
    assert asset_count(store_path) == 0


def test_too_big_a_file_is_refused_before_it_is_read(
    edit: BodyEdit, store_path: Path, tmp_path: Path
) -> None:
    big = tmp_path / "huge.jpg"
    with big.open("wb") as file:
        file.truncate(21 * 1024 * 1024)  # sparse: no 21 MB written
    errors: list[OperationError] = []
    images_of(edit).refused.connect(errors.append)

    images_of(edit).insert_files([big])

    assert [str(e) for e in errors] == [
        "Cannot insert the image: huge.jpg is 22.0 MB; images may be at most 21 MB."
    ]
    assert edit.markdown() == ""
    assert asset_count(store_path) == 0


def test_missing_file_is_reported(edit: BodyEdit, tmp_path: Path) -> None:
    errors: list[OperationError] = []
    images_of(edit).refused.connect(errors.append)

    images_of(edit).insert_files([tmp_path / "gone.jpg"])

    assert len(errors) == 1 and "gone.jpg cannot be read" in str(errors[0])


def test_good_photos_go_in_when_one_of_several_is_bad(edit: BodyEdit, tmp_path: Path) -> None:
    good = photo_bytes()
    errors: list[OperationError] = []
    images_of(edit).refused.connect(errors.append)

    images_of(edit).insert_files(
        [photo_file(tmp_path, "good.jpg", good), photo_file(tmp_path, "bad.jpg", b"nope")]
    )

    assert edit.markdown() == f"![](asset:{sha_of(good)})\n"
    assert len(errors) == 1 and "bad.jpg" in str(errors[0]) and "good.jpg" not in str(errors[0])


def test_double_click_on_a_photo_activates_it(qtbot: QtBot, edit: BodyEdit, store: Store) -> None:
    sha = store.add_image(photo_bytes(size=(200, 150))).sha256
    edit.set_markdown(f"Text.\n\n![](asset:{sha})\n")
    wait_shown(qtbot, edit)
    photo = next(body_photos(edit.document()))
    cursor = QTextCursor(edit.document())
    cursor.setPosition(photo.position)
    rect = edit.cursorRect(cursor)
    on_photo = QPoint(rect.left() + 100, rect.top() + rect.height() // 2)

    with qtbot.waitSignal(images_of(edit).photo_activated) as signal:
        qtbot.mouseDClick(edit.viewport(), Qt.MouseButton.LeftButton, pos=on_photo)

    assert signal.args == [photo.position]


def test_double_click_on_text_selects_a_word(qtbot: QtBot, edit: BodyEdit, store: Store) -> None:
    sha = store.add_image(photo_bytes(size=(200, 150))).sha256
    edit.set_markdown(f"Words here.\n\n![](asset:{sha})\n")
    activated: list[int] = []
    images_of(edit).photo_activated.connect(activated.append)
    cursor = QTextCursor(edit.document())
    cursor.setPosition(2)

    qtbot.mouseDClick(
        edit.viewport(), Qt.MouseButton.LeftButton, pos=edit.cursorRect(cursor).center()
    )

    assert activated == []
    assert edit.textCursor().selectedText() == "Words"


def test_the_library_keeps_a_bounded_number_of_scaled_photos(
    qtbot: QtBot, library: PhotoLibrary, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(photolibrary, "SCALED_LIMIT", 2)
    colors = ("red", "green", "blue")
    shas = [store.add_image(photo_bytes(size=(300, 200), color=c)).sha256 for c in colors]
    for sha in shas:
        with qtbot.waitSignal(library.image_ready, timeout=TIMEOUT_MS):
            library.request(sha, 100)

    assert library.scaled_image(shas[0], 100) is None  # the oldest was let go
    assert all(library.scaled_image(sha, 100) is not None for sha in shas[1:])


def test_a_photo_copied_and_pasted_inside_the_body_stays_a_photo(
    qtbot: QtBot, edit: BodyEdit, store: Store
) -> None:
    sha = store.add_image(photo_bytes(), alt="배").sha256
    edit.set_markdown(f"앞.\n\n![배](asset:{sha})\n\n뒤.")
    wait_shown(qtbot, edit)
    edit.selectAll()
    copied = edit.createMimeDataFromSelection()
    cursor = edit.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.End)
    edit.setTextCursor(cursor)
    edit.insertFromMimeData(copied)
    assert edit.markdown().count(f"asset:{sha}") == 2
