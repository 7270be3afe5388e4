"""The preview's sandbox: a private profile, a request blocker, a page that refuses navigation."""

from __future__ import annotations

import logging

from PySide6.QtCore import QObject, QUrl, Signal
from PySide6.QtWebEngineCore import (
    QWebEnginePage,
    QWebEngineProfile,
    QWebEngineSettings,
    QWebEngineUrlRequestInfo,
    QWebEngineUrlRequestInterceptor,
)
from typing_extensions import override

from deskeditor.ui.qtsetup import PREVIEW_SCHEME

log = logging.getLogger(__name__)

# Only our own scheme may be fetched. data: URLs never reach the network, so they are
# harmless; everything else (http, https, ftp, ws, file, ...) is blocked. One hole no
# interceptor sees: <link rel=preconnect> opens a socket without making a request (tried
# with QtWebEngine 6.11), so pages must not contain one; the sanitizer drops <link> from
# article bodies and our template has none.
ALLOWED_SCHEMES = frozenset({PREVIEW_SCHEME.decode(), "data"})

_Attr = QWebEngineSettings.WebAttribute
_SETTINGS: dict[QWebEngineSettings.WebAttribute, bool] = {
    _Attr.JavascriptEnabled: False,
    _Attr.JavascriptCanOpenWindows: False,
    _Attr.JavascriptCanAccessClipboard: False,
    # Let requests for remote and file URLs reach RequestBlocker instead of being refused
    # silently by Chromium: the blocker refuses them all the same, and it can report each
    # one (request_blocked), e.g. to tell the user a remote image is not shown.
    _Attr.LocalContentCanAccessRemoteUrls: True,
    _Attr.LocalContentCanAccessFileUrls: True,
    _Attr.AutoLoadIconsForPage: False,
    _Attr.TouchIconsEnabled: False,
    _Attr.DnsPrefetchEnabled: False,
    _Attr.HyperlinkAuditingEnabled: False,
    _Attr.PluginsEnabled: False,
    _Attr.PdfViewerEnabled: False,
    _Attr.WebGLEnabled: False,
    _Attr.LocalStorageEnabled: False,
    _Attr.NavigateOnDropEnabled: False,
    _Attr.ErrorPageEnabled: False,
    # Every refresh is a load; with focus-on-navigation each one would steal the keyboard
    # from the body editor the user is typing in.
    _Attr.FocusOnNavigationEnabled: False,
}


class RequestBlocker(QWebEngineUrlRequestInterceptor):
    """Blocks every request that is not for our own scheme, so nothing leaves the machine."""

    blocked = Signal(str)  # the blocked URL

    @override
    def interceptRequest(self, info: QWebEngineUrlRequestInfo) -> None:
        url = info.requestUrl()
        if url.scheme().lower() in ALLOWED_SCHEMES:
            return
        info.block(True)
        self.blocked.emit(url.toString())


def make_private_profile(parent: QObject | None = None) -> QWebEngineProfile:
    """An off-the-record profile (nothing written to disk) with the sandbox settings applied."""
    # A profile built without a storage name is off the record: Qt then enforces an
    # in-memory cache and no persistent cookies, so nothing reaches the user's disk.
    profile = QWebEngineProfile(parent)
    settings = profile.settings()
    for attribute, on in _SETTINGS.items():
        settings.setAttribute(attribute, on)
    return profile


class PreviewPage(QWebEnginePage):
    """Refuses every navigation except the one page load the view itself just started."""

    def __init__(self, profile: QWebEngineProfile, parent: QObject | None = None) -> None:
        super().__init__(profile, parent)
        self._expected: tuple[QUrl, QWebEnginePage.NavigationType] | None = None

    def load_page(self, url: QUrl) -> None:
        """Load url; the first time the view shows a page."""
        self._expect(url, QWebEnginePage.NavigationType.NavigationTypeTyped)
        self.load(url)

    def reload_page(self) -> None:
        """Load the current page again (Chromium then restores its scroll position)."""
        self._expect(self.url(), QWebEnginePage.NavigationType.NavigationTypeReload)
        self.triggerAction(QWebEnginePage.WebAction.Reload)

    def _expect(self, url: QUrl, type: QWebEnginePage.NavigationType) -> None:
        self._expected = (QUrl(url), type)

    @override
    def acceptNavigationRequest(
        self, url: QUrl | str, type: QWebEnginePage.NavigationType, isMainFrame: bool, /
    ) -> bool:
        # Each expectation admits one navigation: link clicks, form posts, meta refreshes,
        # history steps and the context menu's Reload are all refused.
        accepted = isMainFrame and self._expected == (QUrl(url), type)
        if accepted:
            self._expected = None
        else:
            log.debug("preview refused navigation to %s (%s)", QUrl(url).toString(), type)
        return accepted

    @override
    def createWindow(self, type: QWebEnginePage.WebWindowType, /) -> QWebEnginePage:
        # target=_blank links and "open in new window" would get a new page; there is none.
        return None  # type: ignore[return-value]

    @override
    def javaScriptConsoleMessage(
        self,
        level: QWebEnginePage.JavaScriptConsoleMessageLevel,
        message: str,
        lineNumber: int,
        sourceID: str,
        /,
    ) -> None:
        # Chromium reports refused loads and markup problems here; they are not the
        # user's business and must not reach Qt's warning log.
        log.debug("preview console (%s) %s:%d: %s", level, sourceID, lineNumber, message)
