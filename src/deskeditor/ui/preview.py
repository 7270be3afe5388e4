"""The preview pane: a sandboxed web view showing a whole HTML page, and its debounced updater."""

from __future__ import annotations

import enum
import json
import time
from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtWebEngineCore import QWebEngineLoadingInfo, QWebEnginePage, QWebEngineScript
from PySide6.QtWebEngineWidgets import QWebEngineView
from PySide6.QtWidgets import QWidget

from deskeditor.ui.previewpage import PreviewPage, RequestBlocker, make_private_profile
from deskeditor.ui.previewscheme import PAGE_HOST, PAGE_PATH, Resource, SchemeHandler, page_url
from deskeditor.ui.qtsetup import PREVIEW_SCHEME

# JavaScript is off for the page itself (the main world); scripts we run in the
# application world still work and cannot be seen or touched by the page.
APP_WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld
HTML_CONTENT_TYPE = b"text/html;charset=utf-8"
# PySide 6.11 turns a JavaScript array result into "", so the position comes back as JSON.
_READ_SCROLL = "JSON.stringify([window.scrollX, window.scrollY])"
_STUCK_AFTER_S = 10.0
_Status = QWebEngineLoadingInfo.LoadStatus


class _State(enum.Enum):
    IDLE = enum.auto()  # the page shown has settled
    MEASURING = enum.auto()  # reading the scroll position before a reload
    LOADING = enum.auto()  # our load is in flight
    RESTORING = enum.auto()  # loaded; putting the scroll position back exactly


class PreviewView(QWebEngineView):
    """Shows one whole HTML page, served from memory, with no scripts and no network."""

    page_shown = Signal()  # a refresh has loaded and its scroll position is restored
    request_blocked = Signal(str)  # the URL of a request that was refused

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("previewView")
        # Lifetimes: the page is our child and the profile is the page's child, so Qt
        # finishes deleting the page before it deletes the profile (the other order warns
        # "Release of profile requested but WebEnginePage still not deleted"). The scheme
        # handler and the request blocker are the profile's children and go last.
        profile = make_private_profile()
        self._page = PreviewPage(profile, self)
        profile.setParent(self._page)
        self._scheme = SchemeHandler(profile)
        self._scheme.add_route(PAGE_HOST, self._serve_page)
        profile.installUrlSchemeHandler(PREVIEW_SCHEME, self._scheme)
        # PySide 6.11 leaves an interceptor owned by Python despite its parent: without
        # this reference it is deleted when __init__ returns and nothing is intercepted.
        self._blocker = RequestBlocker(profile)
        self._blocker.blocked.connect(self.request_blocked)
        profile.setUrlRequestInterceptor(self._blocker)
        self.setPage(self._page)

        self._url = page_url()
        self._html = b""  # the newest page asked for
        self._served_html: bytes | None = None  # what the scheme handler last sent
        self._shown_html: bytes | None = None  # what the loaded page shows; None: nothing
        self._state = _State.IDLE
        self._state_since = 0.0
        self._ticket = 0  # tells a late callback whether it still belongs to the current step
        self._scroll = (0, 0)  # CSS pixels, as window.scrollTo() takes them
        self._page.loadingChanged.connect(self._on_loading_changed)
        self._page.renderProcessTerminated.connect(self._on_render_process_terminated)

    @property
    def scheme_handler(self) -> SchemeHandler:
        """The deskeditor:// handler of this view's profile, for adding routes (e.g. assets)."""
        return self._scheme

    def show_html(self, html: str) -> None:
        """Show this whole page, keeping the current scroll position."""
        self._html = html.encode("utf-8", errors="replace")
        if self._state is not _State.IDLE and not self._stuck():
            # One refresh at a time: when the one in flight ends it sees that _html has
            # changed and loads again. (Overlapping loads made Qt report the end of one
            # under the URL of the other.)
            return
        if self._html == self._shown_html:
            # Typing and undoing renders the same page: nothing to load, nothing to flicker.
            self.page_shown.emit()
            return
        if self._shown_html is None:
            self._load()  # nothing shown yet, so nothing to scroll back to
            return
        # Ask the page itself: page().scrollPosition() is scaled by the zoom factor and
        # lags the renderer by a frame, so just after a refresh it can still read 0.
        ticket = self._enter(_State.MEASURING)
        self._run_in_app_world(_READ_SCROLL, lambda result: self._on_measured(ticket, result))

    def _on_measured(self, ticket: int, result: object) -> None:
        # Qt answers pending scripts with "" when the page goes away with the view.
        if ticket != self._ticket or not shiboken6.isValid(self):
            return
        if isinstance(result, str) and result:
            x, y = json.loads(result)
            self._scroll = (round(x), round(y))
        self._load()

    def _load(self) -> None:
        self._enter(_State.LOADING)
        if self._shown_html is None:
            self._page.load_page(self._url)
        else:
            # A reload, not a load of a new URL, so Chromium puts the scroll position back
            # before the new document's first frame; with a new URL the top of the page
            # flashed in about one refresh in three.
            self._page.reload_page()

    def _serve_page(self, url: QUrl) -> Resource | None:
        if url.path() != PAGE_PATH:
            return None
        self._served_html = self._html
        return Resource(HTML_CONTENT_TYPE, self._html)

    def _on_loading_changed(self, info: QWebEngineLoadingInfo) -> None:
        # Refused navigations (link clicks) report here too, under their own URL.
        if self._state is not _State.LOADING or info.url() != self._url:
            return
        status = info.status()
        if status == _Status.LoadStartedStatus:
            return
        if status != _Status.LoadSucceededStatus:
            self._enter(_State.IDLE)  # the next show_html() tries again
            return
        self._shown_html = self._served_html
        # Chromium's own restore drifts (2 px a refresh with late-loading fonts, as scroll
        # anchoring shifts it), and it ignores images that came in since: set it exactly.
        x, y = self._scroll
        source = f"if (scrollX !== {x} || scrollY !== {y}) window.scrollTo({x}, {y});"
        ticket = self._enter(_State.RESTORING)
        self._run_in_app_world(source, lambda _result: self._on_restored(ticket))

    def _on_restored(self, ticket: int) -> None:
        if ticket != self._ticket or not shiboken6.isValid(self):
            return  # overtaken, or Qt is tearing the view down
        if self._html != self._shown_html:
            self._load()  # show_html() was called meanwhile; keep the same position
            return
        self._enter(_State.IDLE)
        self.page_shown.emit()

    def _enter(self, state: _State) -> int:
        self._state = state
        self._state_since = time.monotonic()
        self._ticket += 1
        return self._ticket

    def _stuck(self) -> bool:
        # Never let a lost callback or load signal freeze the preview for good.
        return time.monotonic() - self._state_since > _STUCK_AFTER_S

    def _run_in_app_world(self, source: str, callback: Callable[[object], None]) -> None:
        self._page.runJavaScript(source, APP_WORLD, callback)

    def _on_render_process_terminated(
        self, status: QWebEnginePage.RenderProcessTerminationStatus, code: int
    ) -> None:
        # The page is gone, and so are pending callbacks: the next refresh loads afresh.
        self._shown_html = None
        self._enter(_State.IDLE)


class PreviewUpdater(QObject):
    """Renders and shows the preview once typing pauses: many schedule() calls, one render."""

    def __init__(
        self,
        view: PreviewView,
        render: Callable[[], str],
        *,
        delay_ms: int = 250,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._view = view
        self._render = render
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(delay_ms)
        self._timer.timeout.connect(self.refresh_now)
        # A refresh due after the window closed would reach a deleted view.
        view.destroyed.connect(self._timer.stop)

    def schedule(self) -> None:
        """Refresh after delay_ms without another call; each call restarts the wait."""
        self._timer.start()

    def refresh_now(self) -> None:
        """Render and show immediately, dropping any scheduled refresh."""
        self._timer.stop()
        self._view.show_html(self._render())
