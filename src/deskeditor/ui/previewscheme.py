"""The deskeditor:// URL scheme handler: serves the preview page (and later assets) from memory."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QBuffer, QIODevice, QObject, QUrl
from PySide6.QtWebEngineCore import QWebEngineUrlRequestJob, QWebEngineUrlSchemeHandler
from typing_extensions import override

from deskeditor.ui.qtsetup import PREVIEW_SCHEME

log = logging.getLogger(__name__)

# The host part of a deskeditor:// URL picks the route: deskeditor://preview/page is
# answered by the "preview" route; a later issue adds "asset" for deskeditor://asset/<sha256>.
PAGE_HOST = "preview"
PAGE_PATH = "/page"


@dataclass(frozen=True, slots=True)
class Resource:
    """One response body and its content type (e.g. b"text/html;charset=utf-8")."""

    content_type: bytes
    data: bytes


Route = Callable[[QUrl], Resource | None]
"""Answers a URL of its host, or returns None for "not found"."""


def page_url() -> QUrl:
    """The preview page's URL: deskeditor://preview/page."""
    return QUrl(f"{PREVIEW_SCHEME.decode()}://{PAGE_HOST}{PAGE_PATH}")


class SchemeHandler(QWebEngineUrlSchemeHandler):
    """Answers deskeditor:// requests from in-memory routes, one per URL host."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._routes: dict[str, Route] = {}

    def add_route(self, host: str, route: Route) -> None:
        """Serve deskeditor://<host>/... with route, replacing any earlier route for host."""
        self._routes[host.lower()] = route

    @override
    def requestStarted(self, job: QWebEngineUrlRequestJob) -> None:
        if job.requestMethod() != b"GET":
            job.fail(QWebEngineUrlRequestJob.Error.RequestDenied)
            return
        url = job.requestUrl()
        route = self._routes.get(url.host().lower())
        try:
            resource = route(url) if route is not None else None
        except Exception:
            # A job never answered leaves its page loading forever.
            log.exception("preview route for %s failed", url.toString())
            job.fail(QWebEngineUrlRequestJob.Error.RequestFailed)
            return
        if resource is None:
            job.fail(QWebEngineUrlRequestJob.Error.UrlNotFound)
            return
        # WebEngine reads the device after reply() returns, so the buffer must live as long
        # as the job: parenting it to the job deletes both together.
        buffer = QBuffer(job)
        buffer.setData(resource.data)
        buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        job.reply(resource.content_type, buffer)
