"""HTML export: file names, exact contents, folders, and one-line errors."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from deskeditor import paths
from deskeditor.core.errors import ExportError
from deskeditor.core.export import export_article_html, export_articles_html, export_filename
from deskeditor.core.models import Article, ArticleContent, ArticleId
from deskeditor.core.render import Renderer

KST = timezone(timedelta(hours=9), "KST")
CREATED = datetime(2026, 3, 18, 16, 0, tzinfo=UTC)


def make_article(article_id: int, headline: str = "국회, 예산안 통과") -> Article:
    content = ArticleContent(
        headline=headline,
        subhead="여야 합의",
        byline="홍길동 기자 hong@example.com",
        section="정치",
        body="본문 **강조**\n\n<script>alert(1)</script>",
    )
    return Article(ArticleId(article_id), content, created_at=CREATED, updated_at=CREATED)


@pytest.fixture
def renderer() -> Renderer:
    return Renderer(paths.templates_dir(), paths.css_dir(), tz=KST)


def test_file_name_is_stable_and_safe_everywhere() -> None:
    assert export_filename(make_article(12)) == "article-12.html"
    hostile = make_article(12, headline='CON: a/b\\c?*"<>|.. ')
    assert export_filename(hostile) == "article-12.html"
    assert re.fullmatch(r"[a-z0-9.-]+", export_filename(make_article(987654321)))


def test_export_reads_back_as_exactly_the_rendered_page(renderer: Renderer, tmp_path: Path) -> None:
    article = make_article(12)
    target = tmp_path / "기사.html"
    assert export_article_html(renderer, article, target) == target
    assert target.read_bytes().decode("utf-8") == renderer.article_page(article)
    page = target.read_text(encoding="utf-8")
    assert "<script>" not in page and "alert(1)" not in page


def test_export_replaces_an_older_export(renderer: Renderer, tmp_path: Path) -> None:
    target = tmp_path / "article-12.html"
    target.write_text("stale", encoding="utf-8")
    export_article_html(renderer, make_article(12), target)
    assert target.read_text(encoding="utf-8") == renderer.article_page(make_article(12))
    assert [p.name for p in tmp_path.iterdir()] == ["article-12.html"]


def test_unwritable_target_is_one_clear_export_error(renderer: Renderer, tmp_path: Path) -> None:
    blocker = tmp_path / "report"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    target = blocker / "article-12.html"
    with pytest.raises(ExportError) as caught:
        export_article_html(renderer, make_article(12), target)
    message = str(caught.value)
    assert "\n" not in message
    assert str(target) in message and "article 12" in message
    assert isinstance(caught.value.__cause__, OSError)
    assert blocker.read_text(encoding="utf-8") == "a file, not a folder"


def test_directory_in_the_way_is_left_intact(renderer: Renderer, tmp_path: Path) -> None:
    target = tmp_path / "article-12.html"
    target.mkdir()
    (target / "keep.txt").write_text("keep", encoding="utf-8")
    with pytest.raises(ExportError):
        export_article_html(renderer, make_article(12), target)
    assert (target / "keep.txt").read_text(encoding="utf-8") == "keep"
    assert [p.name for p in tmp_path.iterdir()] == ["article-12.html"]


def test_export_many_creates_the_folder_and_one_page_each(
    renderer: Renderer, tmp_path: Path
) -> None:
    articles = [make_article(3), make_article(1, headline="Budget passes"), make_article(20)]
    out_dir = tmp_path / "out" / "2026-03-19"
    written = export_articles_html(renderer, articles, out_dir)
    assert written == [
        out_dir / "article-3.html",
        out_dir / "article-1.html",
        out_dir / "article-20.html",
    ]
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(p.name for p in written)
    for article, path in zip(articles, written, strict=True):
        assert path.read_text(encoding="utf-8") == renderer.article_page(article)


def test_export_many_into_an_existing_folder(renderer: Renderer, tmp_path: Path) -> None:
    (tmp_path / "other.txt").write_text("x", encoding="utf-8")
    export_articles_html(renderer, [make_article(5)], tmp_path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["article-5.html", "other.txt"]


def test_export_many_into_a_file_is_an_export_error(renderer: Renderer, tmp_path: Path) -> None:
    out_file = tmp_path / "out"
    out_file.write_text("not a folder", encoding="utf-8")
    with pytest.raises(ExportError, match="out") as caught:
        export_articles_html(renderer, [make_article(5)], out_file)
    assert "\n" not in str(caught.value)
    assert out_file.read_text(encoding="utf-8") == "not a folder"


def test_export_of_nothing_writes_nothing(renderer: Renderer, tmp_path: Path) -> None:
    assert export_articles_html(renderer, [], tmp_path / "empty") == []
    assert list((tmp_path / "empty").iterdir()) == []


def test_one_failing_file_among_many_names_its_article(renderer: Renderer, tmp_path: Path) -> None:
    (tmp_path / "article-2.html").mkdir()  # a folder where article 2's page should go
    articles = [make_article(1), make_article(2), make_article(3)]
    with pytest.raises(ExportError) as caught:
        export_articles_html(renderer, articles, tmp_path)
    message = str(caught.value)
    assert "article 2" in message and str(tmp_path / "article-2.html") in message
    assert "\n" not in message
    # The other pages were written whole; no temp file is left behind.
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "article-1.html",
        "article-2.html",
        "article-3.html",
    ]
    assert (tmp_path / "article-3.html").read_text(encoding="utf-8") == renderer.article_page(
        make_article(3)
    )
