"""Revision and status bookkeeping inside one store transaction."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from deskeditor.core.articlerows import content_json, row_content
from deskeditor.core.models import ArticleContent, RevisionKind, Status
from deskeditor.core.retention import RevisionStamp, revisions_to_prune
from deskeditor.core.schema import ArticleRow, RevisionRow, StatusChangeRow

AUTO_REVISION_INTERVAL = timedelta(minutes=5)


def record_revision(
    session: Session,
    row: ArticleRow,
    kind: RevisionKind,
    now: datetime,
    *,
    label: str = "",
    content: ArticleContent | None = None,
) -> RevisionRow:
    """Store a copy of every field of the article as it stands in the row."""
    snapshot = content if content is not None else row_content(row)
    revision = RevisionRow(
        article_id=row.id,
        created_at=now,
        kind=kind.value,
        label=label,
        body_chars=len(snapshot.body),
        content=content_json(snapshot),
    )
    session.add(revision)
    if kind is RevisionKind.AUTO:
        row.last_revision_at = now
    session.flush()
    return revision


def auto_revision_due(row: ArticleRow, now: datetime) -> bool:
    """Every five minutes of editing, the text as it was is kept."""
    return row.last_revision_at is None or now - row.last_revision_at >= AUTO_REVISION_INTERVAL


def record_status_change(
    session: Session, row: ArticleRow, new_status: Status, now: datetime
) -> None:
    """Log the change, keep a revision of the text before it, and stamp publication."""
    record_revision(session, row, RevisionKind.STATUS, now, label=f"{row.status} → {new_status}")
    session.add(
        StatusChangeRow(
            article_id=row.id, from_status=row.status, to_status=new_status.value, changed_at=now
        )
    )
    row.status_changed_at = now
    if new_status is Status.PUBLISHED and row.published_at is None:
        row.published_at = now


def prune_revisions(session: Session, article_id: int, now: datetime) -> int:
    """Apply the retention policy to one article's revisions; returns how many went."""
    stamps = [
        RevisionStamp(id=row.id, created_at=row.created_at, kind=RevisionKind(row.kind))
        for row in session.execute(
            select(RevisionRow.id, RevisionRow.created_at, RevisionRow.kind).where(
                RevisionRow.article_id == article_id
            )
        )
    ]
    doomed = revisions_to_prune(stamps, now)
    if doomed:
        session.execute(delete(RevisionRow).where(RevisionRow.id.in_(doomed)))
    return len(doomed)
