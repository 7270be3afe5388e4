"""Typed values the whole application speaks in: ids, articles, list rows."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import NewType

ArticleId = NewType("ArticleId", int)

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


@dataclass(frozen=True, slots=True)
class Article:
    """A stored article: its content plus identity and timestamps (aware UTC)."""

    id: ArticleId
    content: ArticleContent
    created_at: datetime
    updated_at: datetime
    deleted_at: datetime | None = None

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
