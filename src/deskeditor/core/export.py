"""HTML export: each article as one standalone page, written atomically."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from deskeditor.core.atomic import atomic_write_text
from deskeditor.core.errors import ExportError
from deskeditor.core.models import Article
from deskeditor.core.render import Renderer


def export_filename(article: Article) -> str:
    """The file name for an article's page, e.g. "article-12.html".

    Built from the id alone: stable across edits, unique within a store, and safe on
    every OS (a headline may hold "/", ":" or "?", or be empty).
    """
    return f"article-{int(article.id)}.html"


def _reason(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__


def export_article_html(renderer: Renderer, article: Article, path: Path) -> Path:
    """Write the article's page to path (UTF-8, atomically) and return path.

    Raises ExportError with one line naming the file and the reason.
    """
    path = Path(path)
    page = renderer.article_page(article)
    try:
        atomic_write_text(path, page, encoding="utf-8")
    except OSError as error:
        raise ExportError(
            f"Could not export article {int(article.id)} to {path}: {_reason(error)}."
        ) from error
    return path


def export_articles_html(
    renderer: Renderer, articles: Sequence[Article], out_dir: Path
) -> list[Path]:
    """Write one page per article into out_dir (created if needed); return the paths."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"Could not create the folder {out_dir}: {_reason(error)}.") from error
    return [
        export_article_html(renderer, article, out_dir / export_filename(article))
        for article in articles
    ]
