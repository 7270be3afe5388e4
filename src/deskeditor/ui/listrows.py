"""The article list's rows: what a row shows, and a cache that reads them a page at a time."""

from __future__ import annotations

import html
import re
from collections import OrderedDict
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Generic, NamedTuple, TypeVar

from deskeditor.core.models import Article, ArticleId, ArticleSummary, ListQuery, Status
from deskeditor.core.store import Store
from deskeditor.ui import operations
from deskeditor.ui.listloader import BackgroundReads
from deskeditor.ui.operations import OperationError

MARK_STYLE = "background-color:#ffe066;color:#000000;font-weight:bold"
_MARKS = re.compile(r"(<mark>.*?</mark>)", re.S)


def summary_of(article: Article) -> ArticleSummary:
    """The list row of an article just saved, without asking the store again."""
    content = article.content
    return ArticleSummary(
        id=article.id,
        headline=content.headline,
        section=content.section,
        status=content.status,
        updated_at=article.updated_at,
        created_at=article.created_at,
        body_chars=len(content.body),
        tags=content.tags,
    )


def short_local_time(moment: datetime, now: datetime | None = None) -> str:
    """Local time of day for today's edits, a local date and time for older ones."""
    local = moment.astimezone()
    today = (now or datetime.now().astimezone()).date()
    # Formatted by hand: strftime imports the time module on every call, and under
    # PySide's import hook that made it a third of the cost of reading a page of rows.
    clock = f"{local.hour:02d}:{local.minute:02d}"
    if local.date() == today:
        return clock
    return f"{local.year:04d}-{local.month:02d}-{local.day:02d} {clock}"


def snippet_rich_text(snippet_html: str) -> str:
    """Qt rich text from a search snippet: the <mark> spans stay emphasised, all else is text.

    Qt's HTML subset has no <mark>, so it becomes a styled span; every other piece is
    unescaped and escaped again, so nothing in an article can become markup here.
    """
    pieces = []
    for piece in _MARKS.split(snippet_html):
        if piece.startswith("<mark>") and piece.endswith("</mark>"):
            inner = html.escape(html.unescape(piece[6:-7]))
            pieces.append(f'<span style="{MARK_STYLE}">{inner}</span>')
        else:
            pieces.append(html.escape(html.unescape(piece)))
    return "".join(pieces)


class ListRow(NamedTuple):
    """A cached row: the summary and its cells as shown, formatted once."""

    summary: ArticleSummary
    cells: tuple[str, str, str, str, int]


class RowReader:
    """Reads list rows from the store, on the UI thread or the worker; cells formatted once."""

    def __init__(self, store: Store, labels: dict[Status, str], untitled: str, page: int) -> None:
        self._store = store
        self._labels = labels
        self._untitled = untitled
        self._page = page

    def row(self, summary: ArticleSummary, now: datetime | None = None) -> ListRow:
        cells = (
            self._labels.get(summary.status, summary.status.value),
            summary.section,
            summary.headline.strip() or self._untitled,
            short_local_time(summary.updated_at, now),
            summary.body_chars,
        )
        return ListRow(summary, cells)

    def rows(self, ids: list[ArticleId]) -> dict[ArticleId, ListRow]:
        now = datetime.now().astimezone()
        return {
            summary.id: self.row(summary, now) for summary in operations.summaries(self._store, ids)
        }

    def ids_and_rows(
        self, query: ListQuery, near: ArticleId | None
    ) -> tuple[list[ArticleId], dict[ArticleId, ListRow]]:
        """A query's ids, and the rows shown first: the top, and those around `near`.

        Read on the worker with the ids, they spare the repaint after a new query a
        read from the store.
        """
        ids = operations.article_ids(self._store, query)
        starts = {0}
        if near is not None:
            try:
                page = ids.index(near) // self._page * self._page
            except ValueError:
                pass
            else:
                starts.update({page, max(0, page - self._page)})
        found: dict[ArticleId, ListRow] = {}
        for start in sorted(starts):
            found.update(self.rows(ids[start : start + self._page]))
        return ids, found


V = TypeVar("V")
Read = Callable[[list[ArticleId]], dict[ArticleId, V]]


class PageCache(Generic[V]):
    """Values for the ids of a list, read in pages of `page` ids, at most `limit` kept.

    The pages around the one looked at are read ahead on the worker, so that
    scrolling on finds its rows waiting. A page that is not in yet is read at once
    (a few milliseconds) when the caller waits; when it does not (a view painting),
    it is read on the worker too and `arrived(first row, count)` says when it is in:
    a page of a 100,000-article store not in the disk cache took up to a second to
    read, and the window must not freeze on it.
    """

    def __init__(
        self,
        read: Read[V],
        *,
        page: int,
        limit: int,
        reads: BackgroundReads | None = None,
        failed: Callable[[str], None],
        arrived: Callable[[int, int], None] | None = None,
    ) -> None:
        self._read = read
        self.page = page
        self.limit = limit
        self._reads = reads
        self._failed = failed
        self._arrived = arrived
        self.pages_not_ready = 0
        """How many pages were asked for (not waiting) before they were in (diagnostics)."""
        self._shown_empty: set[int] = set()  # first ids of those pages, until they come
        self._values: OrderedDict[ArticleId, V] = OrderedDict()
        self._ahead: set[int] = set()  # first ids of the pages being read ahead
        self._around: tuple[int, int] | None = None  # (row of the page, list length) looked at
        self._version = 0  # moves on every change, so that a late read-ahead is dropped

    def __len__(self) -> int:
        return len(self._values)

    def __contains__(self, article_id: object) -> bool:
        return article_id in self._values

    def get(self, ids: Sequence[ArticleId], row: int, *, wait: bool = True) -> V | None:
        """The value of ids[row]; if it is not cached, its page is read now, or (not
        waiting, with a worker) on the worker, and None is the answer for now."""
        article_id = ids[row]
        value = self._values.get(article_id)
        start = row - row % self.page
        if value is not None:
            self._values.move_to_end(article_id)
        elif not wait and self._reads is not None:
            first = ids[start]
            if first not in self._shown_empty:
                self._shown_empty.add(first)
                self.pages_not_ready += 1
            if first not in self._ahead:  # else it is on its way already
                self._ahead.add(first)
                self._start_reading(list(ids[start : start + self.page]), start)
        else:
            try:
                found = self._read(list(ids[start : start + self.page]))
            except OperationError as error:
                self._failed(str(error))
                return None
            self.fill(found)
            value = self._values.get(article_id)
        if self._reads is not None:
            self._read_ahead(ids, row)
        return value

    def _read_ahead(self, ids: Sequence[ArticleId], row: int) -> None:
        start = row - row % self.page
        # A repaint asks for every cell of every visible row; the pages around are
        # looked at once per page, not on each of those calls.
        if self._around == (start, len(ids)):
            return
        self._around = (start, len(ids))
        # Two pages on (scrolling on may outrun one read) and one back.
        for other in (start + self.page, start + 2 * self.page, start - self.page):
            if not 0 <= other < len(ids):
                continue
            first = ids[other]
            if first in self._values or first in self._ahead:
                continue
            self._ahead.add(first)
            self._start_reading(list(ids[other : other + self.page]), other)

    def _start_reading(self, page: list[ArticleId], start: int) -> None:
        assert self._reads is not None
        version = self._version

        def arrived(found: dict[ArticleId, V]) -> None:
            self._ahead.discard(page[0])
            if version == self._version:  # nothing changed meanwhile: the rows are current
                self.fill(found)
            if page[0] in self._shown_empty and self._arrived is not None:
                # Shown empty meanwhile: asked for again (and read again if the list
                # changed under them).
                self._shown_empty.discard(page[0])
                self._arrived(start, len(page))

        def failed(message: str) -> None:
            self._ahead.discard(page[0])
            self._around = None
            if page[0] in self._shown_empty:  # a read-ahead's failure goes unsaid
                self._shown_empty.discard(page[0])
                self._failed(message)

        self._reads.run(lambda: self._read(page), arrived, failed)

    def fill(self, found: dict[ArticleId, V]) -> None:
        """Keep values read elsewhere (the oldest go when over the limit)."""
        for article_id, value in found.items():
            self._values[article_id] = value
            self._values.move_to_end(article_id)
        while len(self._values) > self.limit:
            self._values.popitem(last=False)

    def peek(self, article_id: ArticleId) -> V | None:
        """The cached value, without reading anything."""
        return self._values.get(article_id)

    def put(self, article_id: ArticleId, value: V) -> None:
        self._changed()
        self._values[article_id] = value

    def pop(self, article_id: ArticleId) -> None:
        self._changed()
        self._values.pop(article_id, None)

    def clear(self) -> None:
        self._changed()
        self._values.clear()
        self._ahead.clear()
        self._shown_empty.clear()

    def _changed(self) -> None:
        """Reads started before now are stale: dropped when they come, and asked again."""
        self._version += 1
        self._around = None
