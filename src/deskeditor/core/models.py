"""Typed values the whole application speaks in: ids, articles, list rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import NewType

ArticleId = NewType("ArticleId", int)
RevisionId = NewType("RevisionId", int)

SECTIONS: tuple[str, ...] = (
    "정치",
    "경제",
    "사회",
    "산업",
    "국제",
    "문화",
    "스포츠",
    "IT·과학",
    "오피니언",
)
"""Sections offered in the section combo box before the user adds their own."""


class Status(StrEnum):
    """Where an article stands in the desk's workflow."""

    DRAFT = "draft"
    DESK = "desk"
    READY = "ready"
    PUBLISHED = "published"


class Language(StrEnum):
    """Languages the editor, counts and export know."""

    KO = "ko"
    EN = "en"


@dataclass(frozen=True, slots=True)
class ArticleContent:
    """Everything a journalist edits in one article; the body is Markdown."""

    headline: str = ""
    subhead: str = ""
    byline: str = ""
    section: str = ""
    body: str = ""
    tags: tuple[str, ...] = ()
    status: Status = Status.DRAFT
    language: Language | None = None
    """None means "detect from the text" (see core.language)."""
    slug: str = ""
    """The URL name the user chose; empty means "follow the headline" (see Article.slug)."""
    summary: str = ""
    """One or two sentences, used as the page's meta description."""
    target_length: int | None = None
    """The length the desk asked for, in characters with spaces."""
    editor_note: str = ""
    """An internal note for the desk; never exported."""
    feature_image: str = ""
    """sha256 of the lead photo (shown atop the page and in social cards), or empty."""


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article: its content plus identity and timestamps (aware UTC)."""

    id: ArticleId
    content: ArticleContent
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None
    published_at: datetime | None = None
    """When the article first reached Published."""
    status_changed_at: datetime | None = None
    slug: str = ""
    """The effective, unique slug: the user's, or one made from the headline."""

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    """One row of the article list: what the list shows, without the body."""

    id: ArticleId
    headline: str
    section: str
    status: Status
    updated_at: datetime
    created_at: datetime
    body_chars: int
    """Length of the body in characters (the Markdown source, as stored)."""
    tags: tuple[str, ...] = field(default=())


class RevisionKind(StrEnum):
    """Why a revision was recorded."""

    AUTO = "auto"
    """First change after opening, and every few minutes of editing."""
    LABELLED = "labelled"
    """File → Save Version, with the user's label."""
    STATUS = "status"
    """Just before a status change."""
    RESTORE = "restore"
    """Just before an older revision was restored."""


@dataclass(frozen=True, slots=True)
class Revision:
    """A stored copy of every field of an article at one moment."""

    id: RevisionId
    article_id: ArticleId
    created_at: datetime
    kind: RevisionKind
    label: str
    content: ArticleContent


@dataclass(frozen=True, slots=True)
class RevisionSummary:
    """One row of the history list: when, why, how long."""

    id: RevisionId
    article_id: ArticleId
    created_at: datetime
    kind: RevisionKind
    label: str
    body_chars: int


class SortKey(StrEnum):
    """Columns the article list can be sorted by."""

    UPDATED = "updated"
    CREATED = "created"
    HEADLINE = "headline"
    SECTION = "section"
    STATUS = "status"
    LENGTH = "length"


@dataclass(frozen=True, slots=True)
class ListQuery:
    """Which articles the list shows, and in what order."""

    sort: SortKey = SortKey.UPDATED
    descending: bool = True
    section: str | None = None
    status: Status | None = None
    tag: str | None = None
    updated_from: datetime | None = None
    updated_until: datetime | None = None
    """Exclusive upper bound."""
    deleted: bool = False
    """True lists the Trash."""
    text: str = ""
    """A search query; when set, hits come best first (sort applies only without it)."""


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result: the article and a highlighted excerpt (escaped HTML with <mark>)."""

    id: ArticleId
    headline: str
    section: str
    status: Status
    updated_at: datetime
    snippet_html: str


@dataclass(frozen=True, slots=True)
class StatusChange:
    """One step of an article through the desk's workflow."""

    article_id: ArticleId
    from_status: Status
    to_status: Status
    changed_at: datetime


@dataclass(frozen=True, slots=True)
class ImageAsset:
    """A stored photo: its identity, measurements and the words that go with it."""

    sha256: str
    media_type: str
    width: int
    height: int
    byte_size: int
    alt: str
    caption: str
    credit: str
    created_at: datetime

    @property
    def uri(self) -> str:
        """The reference a Markdown body uses: asset:<sha256>."""
        return f"asset:{self.sha256}"


@dataclass(frozen=True, slots=True)
class VacuumReport:
    """What store maintenance removed."""

    removed_images: int
    freed_bytes: int
