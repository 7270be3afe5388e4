"""Photo storage inside one store session: add once, describe, scale, and clean up."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, defer

from deskeditor.core.errors import ArticleNotFoundError
from deskeditor.core.images import ImageFacts, display_copy, referenced_assets
from deskeditor.core.models import ImageAsset, VacuumReport
from deskeditor.core.schema import ArticleRow, AssetDisplayRow, AssetRow, RevisionRow


def image_asset(row: AssetRow) -> ImageAsset:
    return ImageAsset(
        sha256=row.sha256,
        media_type=row.media_type,
        width=row.width,
        height=row.height,
        byte_size=row.byte_size,
        alt=row.alt,
        caption=row.caption,
        credit=row.credit,
        created_at=row.created_at,
    )


def asset_row(session: Session, sha256: str, *, with_data: bool = False) -> AssetRow:
    """A photo's row; its bytes (megabytes) are read only when asked for or touched."""
    options = () if with_data else (defer(AssetRow.data),)
    row = session.get(AssetRow, sha256, options=options)
    if row is None:
        raise ArticleNotFoundError(f"There is no image {sha256[:12]}… in the store.")
    return row


def add(
    session: Session,
    data: bytes,
    facts: ImageFacts,
    now: datetime,
    *,
    alt: str,
    caption: str,
    credit: str,
) -> ImageAsset:
    """Store the bytes unless the same photo is already there; words fill in blanks only."""
    row = session.get(AssetRow, facts.sha256, options=(defer(AssetRow.data),))
    if row is None:
        row = AssetRow(
            sha256=facts.sha256,
            media_type=facts.media_type,
            width=facts.width,
            height=facts.height,
            byte_size=facts.byte_size,
            alt=alt,
            caption=caption,
            credit=credit,
            created_at=now,
            data=data,
        )
        session.add(row)
    else:
        row.alt = row.alt or alt
        row.caption = row.caption or caption
        row.credit = row.credit or credit
    session.flush()
    return image_asset(row)


def display(session: Session, sha256: str, width: int) -> tuple[bytes, str]:
    """The photo scaled to at most `width` pixels, made on first use and kept."""
    cached = session.get(AssetDisplayRow, (sha256, width))
    if cached is not None:
        return cached.data, cached.media_type
    row = asset_row(session, sha256, with_data=True)
    scaled = display_copy(row.data, width=width)
    if scaled is None:
        return row.data, row.media_type
    data, media_type = scaled
    session.add(AssetDisplayRow(sha256=sha256, width=width, media_type=media_type, data=data))
    return data, media_type


def referenced(session: Session) -> set[str]:
    """Every image an article body, a revision or a lead-photo field still refers to."""
    found: set[str] = set()
    for body, feature in session.execute(select(ArticleRow.body, ArticleRow.feature_image)):
        found |= referenced_assets(body)
        if feature:
            found.add(feature)
    for (content,) in session.execute(select(RevisionRow.content)):
        found |= referenced_assets(str(content.get("body", "")))
        if content.get("feature_image"):
            found.add(str(content["feature_image"]))
    return found


def vacuum(session: Session) -> VacuumReport:
    """Remove images nothing refers to; never one a revision still needs."""
    keep = referenced(session)
    unused = [sha for sha in session.scalars(select(AssetRow.sha256)) if sha not in keep]
    freed = 0
    if unused:
        freed = (
            session.scalar(
                select(func.coalesce(func.sum(AssetRow.byte_size), 0)).where(
                    AssetRow.sha256.in_(unused)
                )
            )
            or 0
        )
        session.execute(delete(AssetDisplayRow).where(AssetDisplayRow.sha256.in_(unused)))
        session.execute(delete(AssetRow).where(AssetRow.sha256.in_(unused)))
    return VacuumReport(removed_images=len(unused), freed_bytes=int(freed))
