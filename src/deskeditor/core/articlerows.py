"""Conversion between ORM rows and the typed models, private to the store."""

from __future__ import annotations

from typing import Any

from deskeditor.core.models import (
    Article,
    ArticleContent,
    ArticleId,
    ArticleSummary,
    Language,
    Revision,
    RevisionId,
    RevisionKind,
    RevisionSummary,
    Status,
)
from deskeditor.core.schema import ArticleRow, RevisionRow
from deskeditor.core.searchindex import IndexedText


def row_content(row: ArticleRow) -> ArticleContent:
    """The editable fields of a stored article."""
    return ArticleContent(
        headline=row.headline,
        subhead=row.subhead,
        byline=row.byline,
        section=row.section,
        body=row.body,
        tags=tuple(row.tags),
        status=Status(row.status),
        language=Language(row.language) if row.language else None,
        slug=row.slug_choice,
        summary=row.summary,
        target_length=row.target_length,
        editor_note=row.editor_note,
        feature_image=row.feature_image,
    )


def row_article(row: ArticleRow) -> Article:
    return Article(
        id=ArticleId(row.id),
        content=row_content(row),
        created_at=row.created_at,
        updated_at=row.updated_at,
        deleted_at=row.deleted_at,
        published_at=row.published_at,
        status_changed_at=row.status_changed_at,
        slug=row.slug or "",
    )


def apply_content(row: ArticleRow, content: ArticleContent) -> None:
    """Copy every editable field onto the row (slug and status bookkeeping are the store's)."""
    row.headline = content.headline
    row.subhead = content.subhead
    row.byline = content.byline
    row.section = content.section
    row.body = content.body
    row.tags = list(dict.fromkeys(content.tags))
    row.status = content.status.value
    row.language = content.language.value if content.language else None
    row.slug_choice = content.slug
    row.summary = content.summary
    row.target_length = content.target_length
    row.editor_note = content.editor_note
    row.feature_image = content.feature_image
    row.body_chars = len(content.body)


def content_json(content: ArticleContent) -> dict[str, Any]:
    """Every field as JSON, for a revision."""
    return {
        "headline": content.headline,
        "subhead": content.subhead,
        "byline": content.byline,
        "section": content.section,
        "body": content.body,
        "tags": list(content.tags),
        "status": content.status.value,
        "language": content.language.value if content.language else None,
        "slug": content.slug,
        "summary": content.summary,
        "target_length": content.target_length,
        "editor_note": content.editor_note,
        "feature_image": content.feature_image,
    }


def json_content(data: dict[str, Any]) -> ArticleContent:
    """A revision's fields back as content; keys missing from older revisions take defaults."""
    defaults = ArticleContent()
    language = data.get("language")
    return ArticleContent(
        headline=str(data.get("headline", defaults.headline)),
        subhead=str(data.get("subhead", defaults.subhead)),
        byline=str(data.get("byline", defaults.byline)),
        section=str(data.get("section", defaults.section)),
        body=str(data.get("body", defaults.body)),
        tags=tuple(str(tag) for tag in data.get("tags", ())),
        status=Status(data.get("status", defaults.status.value)),
        language=Language(language) if language else None,
        slug=str(data.get("slug", defaults.slug)),
        summary=str(data.get("summary", defaults.summary)),
        target_length=data.get("target_length"),
        editor_note=str(data.get("editor_note", defaults.editor_note)),
        feature_image=str(data.get("feature_image", defaults.feature_image)),
    )


def row_revision(row: RevisionRow) -> Revision:
    return Revision(
        id=RevisionId(row.id),
        article_id=ArticleId(row.article_id),
        created_at=row.created_at,
        kind=RevisionKind(row.kind),
        label=row.label,
        content=json_content(row.content),
    )


def row_revision_summary(row: RevisionRow) -> RevisionSummary:
    return RevisionSummary(
        id=RevisionId(row.id),
        article_id=ArticleId(row.article_id),
        created_at=row.created_at,
        kind=RevisionKind(row.kind),
        label=row.label,
        body_chars=row.body_chars,
    )


def summary_from_columns(row: Any) -> ArticleSummary:
    """A list row from a SELECT of the summary columns (see listquery.SUMMARY_COLUMNS)."""
    return ArticleSummary(
        id=ArticleId(row.id),
        headline=row.headline,
        section=row.section,
        status=Status(row.status),
        updated_at=row.updated_at,
        created_at=row.created_at,
        body_chars=row.body_chars,
        tags=tuple(row.tags),
    )


def bulk_row(row: ArticleRow, slug: str | None) -> dict[str, Any]:
    """A new row's columns as a dict for an executemany INSERT."""
    return {
        column.key: getattr(row, column.key)
        for column in ArticleRow.__table__.columns
        if column.key not in ("slug", "deleted_at")
    } | {"slug": slug, "deleted_at": None}


def indexed_text(row: ArticleRow) -> IndexedText:
    """The fields of a row that the search index holds."""
    return IndexedText(row.headline, row.subhead, row.body, list(row.tags))
