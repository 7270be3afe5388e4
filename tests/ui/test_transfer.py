"""Copy as HTML and file import: the clipboard carries both forms; a bad file costs no other."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from photofiles import photo_bytes
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from deskeditor import paths
from deskeditor.core.models import ArticleContent
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store
from deskeditor.ui.transfer import article_mime_data, dropped_paths, file_urls, import_files


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store.sqlite3")
    yield opened
    opened.close()


@pytest.fixture
def renderer() -> Renderer:
    return Renderer(paths.templates_dir(), paths.css_dir())


def test_copy_as_html_puts_rich_and_plain_text_on_the_clipboard(
    qapp: QApplication, store: Store, renderer: Renderer
) -> None:
    article = store.create_article(
        ArticleContent(
            headline="정부 <발표>",
            subhead="부제",
            byline="홍길동 기자 hong@example.com",
            body="**데이터센터**를 짓는다.\n\n<script>alert(1)</script>",
        )
    )
    clipboard = QApplication.clipboard()
    clipboard.setMimeData(article_mime_data(renderer, article))
    mime = clipboard.mimeData()
    assert mime.hasHtml() and mime.hasText()
    html = mime.html()
    assert "<h1>정부 &lt;발표&gt;</h1>" in html
    assert "<strong>데이터센터</strong>를" in html
    assert "<script" not in html
    assert "정부 <발표>" in mime.text() and "**" not in mime.text()
    assert "홍길동 기자" in mime.text()


def test_copy_as_html_carries_photos_inline_not_as_asset_references(
    qapp: QApplication, store: Store, renderer: Renderer
) -> None:
    photo = store.add_image(
        photo_bytes(size=(300, 200)), alt="송전탑", caption="송전선로", credit="사진=연합뉴스"
    )
    article = store.create_article(
        ArticleContent(headline="전력망", body=f"앞 문단.\n\n![송전탑]({photo.uri})\n")
    )
    mime = article_mime_data(renderer, article, store)
    html = mime.html()
    assert "asset:" not in html
    assert 'src="data:image/' in html and "<figcaption>" in html and "사진=연합뉴스" in html
    assert "송전선로" in mime.text()


def test_dropped_paths_keep_local_files_only(tmp_path: Path) -> None:
    mime = QMimeData()
    mime.setUrls([*file_urls([tmp_path / "a.md", tmp_path / "folder"])])
    assert dropped_paths(mime) == [tmp_path / "a.md", tmp_path / "folder"]


def test_import_creates_good_files_and_reports_bad_ones(tmp_path: Path, store: Store) -> None:
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "one.md").write_text("# 첫 기사\n\n본문", encoding="utf-8")
    (folder / "two.txt").write_text("둘째 기사\n\n본문입니다", encoding="utf-8")
    (folder / "broken.docx").write_bytes(b"\x89PNG\r\n\x1a\n" + b"\0" * 64)
    seen: list[str] = []
    result = import_files(store, [folder], lambda done, name: seen.append(name) or True)
    assert len(result.created) == 2
    assert {store.get_article(i).content.headline for i in result.created} == {
        "첫 기사",
        "둘째 기사",
    }
    assert len(result.failures) == 1 and "broken.docx" in result.failures[0]
    assert sorted(seen) == ["broken.docx", "one.md", "two.txt"]


def test_import_can_be_stopped(tmp_path: Path, store: Store) -> None:
    for number in range(3):
        (tmp_path / f"{number}.md").write_text(f"# {number}", encoding="utf-8")
    result = import_files(store, [tmp_path], lambda done, name: done < 1)
    assert result.stopped and len(result.created) == 1
