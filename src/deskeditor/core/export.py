"""Export: articles as files in a folder (HTML, Markdown, Word, plain text), written atomically."""

from __future__ import annotations

import multiprocessing
import os
import threading
from collections import deque
from collections.abc import Callable, Iterable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor, ThreadPoolExecutor
from enum import StrEnum
from pathlib import Path

from deskeditor.core.atomic import (
    discard_staged,
    fsync_directory,
    place_staged,
    sync_staged,
    write_staged,
)
from deskeditor.core.errors import ExportError
from deskeditor.core.figures import PhotoTable
from deskeditor.core.models import Article
from deskeditor.core.photoexport import ImageLibrary, PhotoExport, PhotoMode
from deskeditor.core.render import Edition, Renderer, RenderSettings


class ExportFormat(StrEnum):
    """The file formats an article exports to; the value is the file extension."""

    HTML = "html"
    MARKDOWN = "md"
    DOCX = "docx"
    TEXT = "txt"


WRITER_THREADS = 4
"""Threads writing temp files while pages render; the flush to disk happens once, in
finish(), so they only copy bytes into the page cache."""

CHUNK_SIZE = 50
"""Articles per task handed to a worker process: big enough that sending them costs
little, small enough that both cores stay busy until the end."""

PARALLEL_FROM = 200
"""Below this many articles, starting worker processes costs more than it saves."""

PageJob = tuple[Article, ExportFormat, Edition | None, Path]
"""One file to make: the article, its format, the edition it belongs to (if any), the path."""

RenderJob = tuple[Article, ExportFormat, Edition | None, PhotoTable | None]
"""What a worker renders: a job's article, format and edition, with the photos it shows."""

Warn = Callable[[str], None]
"""Told one line for each photo an export could not include; the export goes on."""

_PHOTO_MODES = {
    ExportFormat.MARKDOWN: PhotoMode.ORIGINAL_FILES,
    ExportFormat.DOCX: PhotoMode.WORD,
    ExportFormat.TEXT: PhotoMode.WORDS,
}


def export_filename(article: Article, fmt: ExportFormat = ExportFormat.HTML) -> str:
    """The file name for an article's export, e.g. "article-12.html".

    Built from the id alone: stable across edits, unique within a store, and safe on
    every OS (a headline may hold "/", ":" or "?", or be empty).
    """
    return f"article-{int(article.id)}.{fmt.value}"


def reason(error: OSError) -> str:
    """The OS's words for why a file operation failed."""
    return error.strerror or str(error) or type(error).__name__


def photo_mode(fmt: ExportFormat, edition: bool = False) -> PhotoMode:
    """How a format carries photos: a lone page inlines them, an edition links files."""
    if fmt is ExportFormat.HTML:
        return PhotoMode.DISPLAY_FILES if edition else PhotoMode.EMBED
    return _PHOTO_MODES[fmt]


def document_bytes(
    renderer: Renderer,
    article: Article,
    fmt: ExportFormat,
    edition: Edition | None = None,
    photos: PhotoTable | None = None,
) -> bytes:
    """The article's file in one format, as the bytes to write."""
    if fmt is ExportFormat.HTML:
        shown = photos.photos() if photos else None
        return renderer.article_page(article, edition, shown).encode("utf-8")
    # Imported on use: Markdown and text need little, Word needs python-docx and lxml.
    if fmt is ExportFormat.DOCX:
        from deskeditor.core.docxexport import article_docx

        return article_docx(renderer, article, photos)
    from deskeditor.core.exportformats import article_markdown, article_text

    if fmt is ExportFormat.MARKDOWN:
        return article_markdown(article, renderer.settings.tz, photos).encode("utf-8")
    return article_text(renderer, article, photos).encode("utf-8")


def ensure_folder(out_dir: Path) -> Path:
    """Create out_dir (and its parents) if needed; ExportError if that fails."""
    out_dir = Path(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ExportError(f"Could not create the folder {out_dir}: {reason(error)}.") from error
    if not out_dir.is_dir():
        raise ExportError(f"Could not create the folder {out_dir}: it is a file.")
    return out_dir


class FileWriter:
    """Many files written as one batch, each atomically.

    Pages are written to temp files on a few threads as they come; finish() flushes them
    to disk together and renames each into place, so a reader never sees half a page.
    Failures are raised by finish(), as an ExportError naming the first file that failed.
    """

    def __init__(self, threads: int = WRITER_THREADS) -> None:
        self._pool = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="export-write")
        self._pending: list[tuple[Future[Path], Path, str]] = []
        # Rendering can outrun the disk: a bounded queue keeps a 10,000-page export from
        # holding every page in memory at once.
        self._room = threading.BoundedSemaphore(threads * 4)

    def __enter__(self) -> FileWriter:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        # Temp files of a batch that never reached finish() (an error on the way).
        discard_staged(self._staged_so_far())

    def write(self, path: Path, data: bytes, what: str) -> None:
        """Queue one file; `what` names it in an error ("article 12", "the front page")."""
        self._room.acquire()
        future = self._pool.submit(write_staged, path, data)
        future.add_done_callback(lambda _: self._room.release())
        self._pending.append((future, path, what))

    def finish(self) -> list[Path]:
        """Put every queued file in place; return their paths in the order they were queued.

        A file that cannot be placed is reported (the first one, naming its article); the
        others are placed whole.
        """
        pending, self._pending = self._pending, []
        staged: list[tuple[Path, Path, str]] = []
        failure: ExportError | None = None
        for future, path, what in pending:
            error = future.exception()
            if error is None:
                staged.append((future.result(), path, what))
            elif failure is None:
                failure = _failure(what, path, error)
        try:
            sync_staged([temp for temp, _, _ in staged])
        except OSError as error:
            discard_staged([temp for temp, _, _ in staged])
            raise _failure("the export", staged[0][1].parent, error) from error
        placed: list[Path] = []
        for temp, path, what in staged:
            try:
                place_staged(temp, path)
                placed.append(path)
            except OSError as error:
                failure = failure or _failure(what, path, error)
        for folder in dict.fromkeys(path.parent for path in placed):
            fsync_directory(folder)
        if failure is not None:
            raise failure
        return placed

    def _staged_so_far(self) -> list[Path]:
        return [
            future.result()
            for future, _, _ in self._pending
            if future.done() and not future.cancelled() and future.exception() is None
        ]


def _failure(what: str, path: Path, error: BaseException) -> ExportError:
    failure = ExportError(f"Could not export {what} to {path}: {_describe(error)}.")
    failure.__cause__ = error
    return failure


def _describe(error: BaseException) -> str:
    return reason(error) if isinstance(error, OSError) else str(error) or type(error).__name__


def _what(article: Article) -> str:
    return f"article {int(article.id)}"


def run_jobs(
    renderer: Renderer,
    jobs: Sequence[PageJob],
    *,
    workers: int = 1,
    photos: PhotoExport | None = None,
) -> list[Path]:
    """Render every job on `workers` processes and write the files; return their paths.

    Workers only render; this process writes, so the renderers never share their
    interpreter with the writing threads. The files are the same bytes whatever the
    number of workers, and the paths come in job order, then the photo files written.
    Photos are looked up here, chunk by chunk, and sent along with their pages.
    """
    with FileWriter() as writer:
        feed = _PhotoFeed(writer, photos)
        if workers <= 1 or len(jobs) < 2 * CHUNK_SIZE:
            for job in jobs:
                article, fmt, edition, path = job
                data = document_bytes(renderer, article, fmt, edition, feed.table(article))
                writer.write(path, data, _what(article))
            return feed.ordered(writer.finish())
        chunks = [jobs[start : start + CHUNK_SIZE] for start in range(0, len(jobs), CHUNK_SIZE)]
        # Spawned, not forked: a fork of a process running Qt or other threads can
        # deadlock, and spawn is what Windows and macOS do anyway.
        with ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(renderer.settings,),
        ) as pool:
            # A few chunks ahead per worker keeps every core busy without holding the
            # whole export in memory while the disk catches up.
            window = 3 * workers
            in_flight: deque[tuple[Sequence[PageJob], Future[list[bytes]]]] = deque()
            for chunk in chunks:
                work = [(a, fmt, ed, feed.table(a)) for a, fmt, ed, _ in chunk]
                in_flight.append((chunk, pool.submit(_worker_render, work)))
                if len(in_flight) >= window:
                    _queue_chunk(writer, *in_flight.popleft())
            while in_flight:
                _queue_chunk(writer, *in_flight.popleft())
        return feed.ordered(writer.finish())


class _PhotoFeed:
    """Each page's photos, and their files queued on the writer as they turn up."""

    def __init__(self, writer: FileWriter, photos: PhotoExport | None) -> None:
        self._writer = writer
        self._photos = photos
        self._files: list[Path] = []

    def table(self, article: Article) -> PhotoTable | None:
        if self._photos is None:
            return None
        table = self._photos.table(article)
        for file in self._photos.take_files():
            if not self._files:
                ensure_folder(file.path.parent)
            self._writer.write(file.path, file.data, file.what)
            self._files.append(file.path)
        return table

    def ordered(self, written: list[Path]) -> list[Path]:
        """The pages in job order, then the photo files."""
        files = set(self._files)
        return [path for path in written if path not in files] + self._files


def _queue_chunk(
    writer: FileWriter, chunk: Sequence[PageJob], rendered: Future[list[bytes]]
) -> None:
    for (article, _, _, path), data in zip(chunk, rendered.result(), strict=True):
        writer.write(path, data, _what(article))


def default_workers(count: int) -> int:
    """How many processes to render `count` articles on: every core, once it pays."""
    if count < PARALLEL_FROM:
        return 1
    return max(1, min(os.cpu_count() or 1, 8))


_worker_renderer: Renderer | None = None


def _start_worker(settings: RenderSettings) -> None:
    global _worker_renderer  # one per worker process, built once from picklable settings
    _worker_renderer = Renderer.from_settings(settings)


def _worker_render(jobs: Sequence[RenderJob]) -> list[bytes]:
    if _worker_renderer is None:
        raise RuntimeError("export worker started without a renderer")
    return [document_bytes(_worker_renderer, *job) for job in jobs]


def photo_export(
    library: ImageLibrary | None, fmt: ExportFormat, out_dir: Path, *, edition: bool = False
) -> PhotoExport | None:
    """The photo gatherer for one export into out_dir; None when there is no store to read."""
    return PhotoExport(library, photo_mode(fmt, edition), out_dir) if library else None


def report_problems(photos: PhotoExport | None, warn: Warn | None) -> None:
    if photos is not None and warn is not None:
        for line in photos.problems:
            warn(line)


def export_article(
    renderer: Renderer,
    article: Article,
    path: Path,
    fmt: ExportFormat = ExportFormat.HTML,
    *,
    library: ImageLibrary | None = None,
    warn: Warn | None = None,
) -> Path:
    """Write the article in one format to path (atomically) and return path.

    Its photos come from library (the store): inlined in HTML and Word, written into an
    images/ folder beside a Markdown file. Raises ExportError with one line naming the
    file and the reason.
    """
    path = Path(path)
    photos = photo_export(library, fmt, path.parent)
    with FileWriter() as writer:
        feed = _PhotoFeed(writer, photos)
        data = document_bytes(renderer, article, fmt, None, feed.table(article))
        writer.write(path, data, _what(article))
        writer.finish()
    report_problems(photos, warn)
    return path


def export_article_html(
    renderer: Renderer,
    article: Article,
    path: Path,
    *,
    library: ImageLibrary | None = None,
    warn: Warn | None = None,
) -> Path:
    """Write the article's standalone page to path (UTF-8, atomically) and return path.

    Its photos, read from library (the store), are inlined: the one file stands alone.
    """
    return export_article(renderer, article, path, ExportFormat.HTML, library=library, warn=warn)


def export_articles(
    renderer: Renderer,
    articles: Iterable[Article],
    out_dir: Path,
    fmt: ExportFormat = ExportFormat.HTML,
    *,
    workers: int = 1,
    library: ImageLibrary | None = None,
    warn: Warn | None = None,
) -> list[Path]:
    """Write one file per article into out_dir (created if needed); return the paths.

    The articles' files come first, in order, then any photo files (Markdown's images/).
    """
    out_dir = ensure_folder(out_dir)
    jobs = [(article, fmt, None, out_dir / export_filename(article, fmt)) for article in articles]
    photos = photo_export(library, fmt, out_dir)
    written = run_jobs(renderer, jobs, workers=workers, photos=photos)
    report_problems(photos, warn)
    return written


def export_articles_html(
    renderer: Renderer, articles: Sequence[Article], out_dir: Path
) -> list[Path]:
    """Write one standalone page per article into out_dir; return the paths."""
    return export_articles(renderer, articles, out_dir, ExportFormat.HTML)
