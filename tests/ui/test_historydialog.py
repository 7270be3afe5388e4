"""History dialog on a real store: lists revisions, shows a readable diff, restores."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QInputDialog, QWidget
from pytestqt.qtbot import QtBot

from deskeditor.core.diffing import DiffOp, Segment
from deskeditor.core.errors import StoreError
from deskeditor.core.models import (
    Article,
    ArticleContent,
    ArticleId,
    RevisionId,
    RevisionKind,
    Status,
)
from deskeditor.core.store import Store
from deskeditor.ui.articleeditor import ArticleEditor
from deskeditor.ui.historydialog import HistoryDialog, ask_version_label
from deskeditor.ui.revisionlistmodel import KIND, LABEL, LENGTH, TIME, RevisionListModel

T0 = datetime(2026, 3, 19, 1, 0, tzinfo=UTC)
FIRST = "정부는 데이터센터를 짓기로 했다.\n\n전력 공급이 관건이다."
SECOND = "정부는 데이터센터가 들어선다고 밝혔다.\n\n전력 공급이 관건이다."


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        self.now += timedelta(minutes=1)
        return self.now


class Answers:
    """The dialog's confirmation, answered by the test; it remembers the questions."""

    def __init__(self, answer: bool) -> None:
        self.answer = answer
        self.questions: list[str] = []

    def __call__(self, parent: QWidget, title: str, text: str) -> bool:
        self.questions.append(text)
        return self.answer


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "store.sqlite3", clock=Clock())
    yield store
    store.close()


@pytest.fixture
def article(store: Store) -> Article:
    """An article with a labelled version of FIRST, then edited to SECOND."""
    created = store.create_article(ArticleContent(headline="데이터센터", body=FIRST))
    store.save_version(created.id, "데스크 송고 전")
    return store.save_article(
        created.id, ArticleContent(headline="데이터센터", body=SECOND), keep_revision=True
    )


def make_dialog(
    qtbot: QtBot, store: Store, article_id: ArticleId, answer: bool = True
) -> tuple[HistoryDialog, Answers]:
    answers = Answers(answer)
    dialog = HistoryDialog(store, article_id, confirm=answers)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, answers


def test_the_list_shows_every_revision_newest_first(
    qtbot: QtBot, store: Store, article: Article, qtmodeltester: object
) -> None:
    dialog, _ = make_dialog(qtbot, store, article.id)
    model = dialog.model
    assert isinstance(model, RevisionListModel)
    qtmodeltester.check(model)  # type: ignore[attr-defined]
    revisions = store.revisions(article.id)
    assert model.rowCount() == len(revisions) == 2
    auto, labelled = revisions
    assert (auto.kind, labelled.kind) == (RevisionKind.AUTO, RevisionKind.LABELLED)
    assert model.index(0, KIND).data() == "Automatic"
    assert model.index(1, KIND).data() == "Saved version"
    assert model.index(1, LABEL).data() == "데스크 송고 전"
    assert model.index(1, LENGTH).data() == f"{len(FIRST):,}"
    assert model.index(1, TIME).data() == labelled.created_at.astimezone().strftime(
        "%Y-%m-%d %H:%M:%S"
    )
    assert dialog.selected_revision() == auto


def test_the_diff_shows_a_changed_particle_inside_the_word(
    qtbot: QtBot, store: Store, article: Article
) -> None:
    dialog, _ = make_dialog(qtbot, store, article.id)
    dialog.select_row(1)  # the labelled version, with FIRST
    shown = dialog.diff_view.fragments()
    assert shown[0] == Segment(DiffOp.EQUAL, "Body")
    body = shown[1:]
    assert body[:3] == [
        Segment(DiffOp.EQUAL, "정부는 데이터센터"),
        Segment(DiffOp.DELETE, "를"),
        Segment(DiffOp.INSERT, "가"),
    ]
    deleted = "".join(s.text for s in body if s.op is DiffOp.DELETE)
    inserted = "".join(s.text for s in body if s.op is DiffOp.INSERT)
    assert "짓기로" in deleted and "들어선다고" in inserted
    assert Segment(DiffOp.EQUAL, "전력 공급이 관건이다.") in body


def test_status_and_metadata_changes_are_listed_with_captions(
    qtbot: QtBot, store: Store, article: Article
) -> None:
    store.save_article(
        article.id, ArticleContent(headline="데이터센터", body=SECOND, status=Status.DESK)
    )
    dialog, _ = make_dialog(qtbot, store, article.id)
    status_row = 0
    assert dialog.model.index(status_row, KIND).data() == "Before status change"
    assert dialog.model.index(status_row, LABEL).data() == "Draft → Desk"
    shown = dialog.diff_view.fragments()
    assert shown == [
        Segment(DiffOp.EQUAL, "Status"),
        Segment(DiffOp.DELETE, "Draft"),
        Segment(DiffOp.INSERT, "Desk"),
    ]  # named as the status combo names them; the body did not change


def test_restore_makes_the_revision_current_and_keeps_the_replaced_text(
    qtbot: QtBot, store: Store, article: Article
) -> None:
    editor = ArticleEditor()
    qtbot.addWidget(editor)
    editor.load(article)
    dialog, answers = make_dialog(qtbot, store, article.id)
    dialog.revision_restored.connect(editor.load)
    labelled = store.revisions(article.id)[1]
    dialog.select_row(1)
    with qtbot.waitSignal(dialog.revision_restored) as restored:
        result = dialog.restore_selected()
    assert answers.questions and "kept in the history" in answers.questions[0]
    assert result is not None and restored.args == [result]
    assert store.get_article(article.id).content.body == FIRST
    assert editor.body_edit.markdown().strip() == FIRST
    newest = store.revisions(article.id)[0]
    assert newest.kind is RevisionKind.RESTORE
    assert store.get_revision(newest.id).content.body == SECOND  # nothing is lost
    assert dialog.model.rowCount() == 3
    assert dialog.selected_revision() == labelled  # still selected, now equal to the text
    assert dialog.diff_view.toPlainText().startswith("No differences")


def test_a_declined_restore_changes_nothing(qtbot: QtBot, store: Store, article: Article) -> None:
    dialog, answers = make_dialog(qtbot, store, article.id, answer=False)
    dialog.select_row(1)
    with qtbot.assertNotEmitted(dialog.revision_restored):
        assert dialog.restore_selected() is None
    assert len(answers.questions) == 1
    assert store.get_article(article.id).content.body == SECOND
    assert len(store.revisions(article.id)) == 2


class FailingRestore:
    """The store, except that restoring fails as a locked database would."""

    def __init__(self, store: Store) -> None:
        self._store = store
        self.get_article = store.get_article
        self.revisions = store.revisions
        self.get_revision = store.get_revision

    def restore_article_revision(self, article_id: ArticleId, revision_id: RevisionId) -> Article:
        raise StoreError("The store could not complete the operation: database is locked.")


def test_a_failed_restore_is_shown_in_the_dialog(
    qtbot: QtBot, store: Store, article: Article
) -> None:
    dialog = HistoryDialog(FailingRestore(store), article.id, confirm=Answers(True))
    qtbot.addWidget(dialog)
    dialog.show()
    with qtbot.assertNotEmitted(dialog.revision_restored):
        assert dialog.restore_selected() is None
    assert dialog.error_label.isVisible()
    assert "database is locked" in dialog.error_label.text()


def test_a_new_article_has_no_history_yet(qtbot: QtBot, store: Store) -> None:
    created = store.create_article()
    dialog, _ = make_dialog(qtbot, store, created.id)
    assert dialog.model.rowCount() == 0
    assert not dialog.restore_button.isEnabled()
    assert "no earlier versions" in dialog.diff_view.toPlainText()


def test_save_version_asks_for_a_label(qtbot: QtBot) -> None:
    parent = QWidget()
    qtbot.addWidget(parent)

    def answer() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.setTextValue("  데스크 송고 전 ")
        dialog.accept()

    QTimer.singleShot(0, answer)
    assert ask_version_label(parent) == "데스크 송고 전"

    def cancel() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, QInputDialog)
        dialog.reject()

    QTimer.singleShot(0, cancel)
    assert ask_version_label(parent) is None
