"""The deskeditor:// URL scheme handler: serves the preview page and its photos from memory."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QIODevice, QObject, QUrl
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlSchemeHandler
from typing_extensions import override

from deskeditor.ui.qtsetup import PREVIEW_SCHEME

log = logging.getLogger(__name__)

# The host part of a deskeditor:// URL picks the route: deskeditor://preview/page is
# answered by the "preview" route, deskeditor://asset/<sha256> by the "asset" route (photos,
# which may have to be read and scaled first: that route answers later, see add_later_route).
PAGE_HOST = "preview"
PAGE_PATH = "/page"
_SHA256 = re.compile(r"[0-9a-f]{64}")


@dataclass(frozen=True, slots=True)
class Resource:
    """One response body and its content type (e.g. b"text/html;charset=utf-8")."""

    content_type: bytes
    data: bytes


Route = Callable[[QUrl], Resource | None]
"""Answers a URL of its host, or returns None for "not found"."""

Reply = Callable[[Resource | None], None]
LaterRoute = Callable[[QUrl, Reply], None]
"""Calls reply (now or later, on the GUI thread) with the resource, or None for "not found"."""


def page_url() -> QUrl:
    """The preview page's URL: deskeditor://preview/page."""
    return QUrl(f"{PREVIEW_SCHEME.decode()}://{PAGE_HOST}{PAGE_PATH}")


class SchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers deskeditor:// requests from in-memory routes, one per URL host."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._routes: dict[str, LaterRoute] = {}

    def add_route(self, host: str, route: Route) -> None:
        """Serve deskeditor://<host>/... with route, replacing any earlier route for host."""
        self._routes[host.lower()] = lambda url, reply: reply(route(url))

    def add_later_route(self, host: str, route: LaterRoute) -> None:
        """Like add_route, for answers that take a while: the page loads on meanwhile."""
        self._routes[host.lower()] = route

    @override
    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        if job.requestMethod() != b"GET":
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        url = job.requestUrl()
        route = self._routes.get(url.host().lower())
        if route is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        # WebEngine deletes a job whose page went away (a refresh overtook it); a late
        # answer must then not touch it.
        alive = [True]
        job.destroyed.connect(lambda: alive.clear())

        def reply(resource: Resource | None) -> None:
            if alive:
                alive.clear()
                _answer(job, resource)

        try:
            route(url, reply)
        except Exception:
            # A job never answered leaves its page loading forever.
            log.exception("preview route for %s failed", url.toString())
            if alive:
                alive.clear()
                job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)


def _answer(job: QWebEngineUrlRequestJob, resource: Resource | None) -> None:
    if resource is None:
        job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
        return
    # WebEngine reads the device after reply() returns, so the buffer must live as long
    # as the job: parenting it to the job deletes both together.
    buffer = QBuffer(job)
    buffer.setData(resource.data)
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    job.reply(resource.content_type, buffer)


def asset_route(
    fetch: Callable[[str, Callable[[tuple[bytes, str] | None], None]], None],
) -> LaterRoute:
    """The route for deskeditor://asset/<sha256>: the photo's display copy, as fetch hands it.

    fetch(sha256, done) calls done((bytes, media type)) or done(None) for an unknown photo.
    """

    def route(url: QUrl, reply: Reply) -> None:
        sha = url.path().removeprefix("/")
        if not _SHA256.fullmatch(sha):
            reply(None)
            return
        fetch(
            sha,
            lambda copy: reply(None if copy is None else Resource(copy[1].encode(), copy[0])),
        )

    return route
