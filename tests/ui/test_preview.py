"""The preview pane: shows the given page, refreshes debounced, keeps scroll, stays sandboxed."""

from __future__ import annotations

import http.server
import socket
import threading
import urllib.request
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QBuffer, QIODevice, QUrl
from PySide6.QtGui import QColor, QImage
from PySide6.QtWebEngineCore import QWebEnginePage, QWebEngineProfile, QWebEngineScript
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot
from typing_extensions import override

from deskeditor import paths
from deskeditor.core.models import Article, ArticleContent, ArticleId
from deskeditor.core.render import Renderer
from deskeditor.ui.preview import PreviewUpdater, PreviewView
from deskeditor.ui.previewscheme import Resource

APP_WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld
LOAD_TIMEOUT_MS = 20_000  # first WebEngine start-up on a loaded CI machine is slow


def page(body: str, *, title: str = "preview", head: str = "") -> str:
    return (
        f'<!doctype html><html lang="ko"><head><meta charset="utf-8"><title>{title}</title>'
        f"{head}</head><body>{body}</body></html>"
    )


def long_page(paragraphs: int, *, marker: str = "") -> str:
    body = "".join(f"<p>Paragraph {i} of a long story. {marker}</p>" for i in range(paragraphs))
    return page(body)


@pytest.fixture
def view(qtbot: QtBot) -> Iterator[PreviewView]:
    view = PreviewView()
    view.resize(800, 600)
    view.show()
    yield view
    delete_now(qtbot, view)


def delete_now(qtbot: QtBot, widget: QWidget) -> None:
    """deleteLater() and wait for it here, not in some later test's event loop."""
    # (qtbot.waitSignal(widget.destroyed) cannot disconnect from a deleted object.)
    gone: list[bool] = []
    widget.destroyed.connect(lambda: gone.append(True))
    widget.deleteLater()
    qtbot.waitUntil(lambda: bool(gone), timeout=LOAD_TIMEOUT_MS)


def show(qtbot: QtBot, view: PreviewView, html: str) -> None:
    with qtbot.waitSignal(view.page_shown, timeout=LOAD_TIMEOUT_MS):
        view.show_html(html)


def run_js(qtbot: QtBot, view: PreviewView, source: str) -> Any:
    """Evaluate source in the application world (the page's own JavaScript is off)."""
    results: list[Any] = []
    view.page().runJavaScript(source, APP_WORLD, results.append)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=LOAD_TIMEOUT_MS)
    return results[0]


def scroll_y(view: PreviewView) -> float:
    return view.page().scrollPosition().y()


def test_view_is_named_for_external_tests(view: PreviewView) -> None:
    assert view.objectName() == "previewView"


def test_shows_the_given_html(qtbot: QtBot, view: PreviewView) -> None:
    show(qtbot, view, page("<h1 id='headline'>국회, 예산안 통과</h1>", title="오늘의 기사"))

    assert run_js(qtbot, view, "document.title") == "오늘의 기사"
    assert run_js(qtbot, view, "document.getElementById('headline').textContent") == (
        "국회, 예산안 통과"
    )
    assert view.url().scheme() == "deskeditor"


def test_utf8_without_meta_charset(qtbot: QtBot, view: PreviewView) -> None:
    show(qtbot, view, "<!doctype html><title>한글 제목</title><p id=p>본문</p>")

    assert run_js(qtbot, view, "document.title") == "한글 제목"
    assert run_js(qtbot, view, "document.getElementById('p').textContent") == "본문"


def test_page_above_two_megabytes_loads(qtbot: QtBot, view: PreviewView) -> None:
    body = "".join(
        f"<p>Paragraph {i}: {'lorem ipsum dolor sit amet ' * 4}</p>" for i in range(25_000)
    )
    html = page(body + "<p id='last'>마지막 문단</p>")
    assert len(html.encode()) > 3_000_000

    show(qtbot, view, html)

    assert run_js(qtbot, view, "document.getElementById('last').textContent") == "마지막 문단"
    assert run_js(qtbot, view, "document.getElementsByTagName('p').length") == 25_001


def test_rapid_schedules_coalesce_into_one_render(qtbot: QtBot, view: PreviewView) -> None:
    renders: list[int] = []

    def render() -> str:
        renders.append(1)
        return page(f"<p>render {len(renders)}</p>")

    updater = PreviewUpdater(view, render, delay_ms=50)
    with qtbot.waitSignal(view.page_shown, timeout=LOAD_TIMEOUT_MS):
        for _ in range(10):
            updater.schedule()
        assert renders == []  # nothing rendered on the keystroke path

    assert len(renders) == 1
    assert run_js(qtbot, view, "document.body.textContent") == "render 1"


def test_refresh_now_renders_at_once(qtbot: QtBot, view: PreviewView) -> None:
    renders: list[int] = []

    def render() -> str:
        renders.append(1)
        return page("<p id=p>now</p>")

    updater = PreviewUpdater(view, render, delay_ms=10_000)
    updater.schedule()
    with qtbot.waitSignal(view.page_shown, timeout=LOAD_TIMEOUT_MS):
        updater.refresh_now()
        assert len(renders) == 1

    assert run_js(qtbot, view, "document.getElementById('p').textContent") == "now"


def test_scroll_position_survives_a_refresh(qtbot: QtBot, view: PreviewView) -> None:
    show(qtbot, view, long_page(400))
    run_js(qtbot, view, "window.scrollTo(0, 3000)")
    qtbot.waitUntil(lambda: abs(scroll_y(view) - 3000) < 1, timeout=LOAD_TIMEOUT_MS)

    show(qtbot, view, long_page(400, marker="edited"))

    assert "edited" in run_js(qtbot, view, "document.body.textContent")
    assert abs(run_js(qtbot, view, "window.scrollY") - 3000) < 5
    # page().scrollPosition() mirrors drawn frames, so it may take a frame to follow.
    qtbot.waitUntil(lambda: abs(scroll_y(view) - 3000) < 5, timeout=LOAD_TIMEOUT_MS)


def test_scroll_position_survives_a_refresh_when_zoomed(qtbot: QtBot, view: PreviewView) -> None:
    # page().scrollPosition() is scaled by the zoom factor; window.scrollTo() is not.
    view.setZoomFactor(1.5)
    show(qtbot, view, long_page(400))
    run_js(qtbot, view, "window.scrollTo(0, 2000)")
    qtbot.waitUntil(lambda: abs(scroll_y(view) - 3000) < 1, timeout=LOAD_TIMEOUT_MS)

    show(qtbot, view, long_page(400, marker="edited"))

    assert abs(run_js(qtbot, view, "window.scrollY") - 2000) < 5
    qtbot.waitUntil(lambda: abs(scroll_y(view) - 3000) < 5, timeout=LOAD_TIMEOUT_MS)


def test_scroll_position_survives_refreshes_overtaking_each_other(
    qtbot: QtBot, view: PreviewView
) -> None:
    show(qtbot, view, long_page(400))
    run_js(qtbot, view, "window.scrollTo(0, 2000)")
    qtbot.waitUntil(lambda: abs(scroll_y(view) - 2000) < 1, timeout=LOAD_TIMEOUT_MS)

    # Each time, a second refresh starts while the first is loading.
    for round_ in range(6):

        def refresh_again(round_: int = round_) -> None:
            view.loadStarted.disconnect(refresh_again)
            view.show_html(long_page(400, marker=f"two {round_}"))

        view.loadStarted.connect(refresh_again)
        with qtbot.waitSignal(view.page_shown, timeout=LOAD_TIMEOUT_MS):
            view.show_html(long_page(400, marker=f"one {round_}"))

        assert f"two {round_}" in run_js(qtbot, view, "document.body.textContent")
        assert abs(run_js(qtbot, view, "window.scrollY") - 2000) < 5


def test_scroll_position_survives_back_to_back_refreshes(qtbot: QtBot, view: PreviewView) -> None:
    show(qtbot, view, long_page(400))
    run_js(qtbot, view, "window.scrollTo(0, 2500)")
    qtbot.waitUntil(lambda: abs(scroll_y(view) - 2500) < 1, timeout=LOAD_TIMEOUT_MS)

    # Each refresh starts the moment the previous one is shown, when page().scrollPosition()
    # may not have caught up with the restored position yet.
    for edit in range(8):
        show(qtbot, view, long_page(400, marker=f"edit {edit}"))

    assert "edit 7" in run_js(qtbot, view, "document.body.textContent")
    assert abs(run_js(qtbot, view, "window.scrollY") - 2500) < 5


def article_page(body: str) -> str:
    """The page the app shows: the real template and stylesheet around a Markdown body."""
    renderer = Renderer(paths.templates_dir(), paths.css_dir(), tz=UTC)
    moment = datetime(2026, 3, 19, 9, 0, tzinfo=UTC)
    content = ArticleContent(
        headline="반도체 수출 급증", byline="김기자", section="경제", body=body
    )
    return renderer.article_page(
        Article(id=ArticleId(1), content=content, created_at=moment, updated_at=moment)
    )


def test_scroll_position_does_not_drift(qtbot: QtBot, view: PreviewView) -> None:
    # On this page Chromium's own restore on reload moved up 2 px on every refresh.
    paragraph = "정부는 오늘 반도체 수출이 크게 늘었다고 발표했다. 국회는 예산안을 통과시켰다.\n\n"
    show(qtbot, view, article_page(paragraph * 300))
    run_js(qtbot, view, "window.scrollTo(0, 4000)")
    for edit in range(1, 6):
        show(qtbot, view, article_page(paragraph * 300 + f"수정 {edit}"))

    assert run_js(qtbot, view, "window.scrollY") == 4000


def test_same_html_again_is_shown_without_reloading(qtbot: QtBot, view: PreviewView) -> None:
    html = page("<p>unchanged</p>")
    show(qtbot, view, html)

    with qtbot.assertNotEmitted(view.loadStarted):
        show(qtbot, view, html)


def test_hidden_view_still_refreshes(qtbot: QtBot, view: PreviewView) -> None:
    # The main window can hide the preview pane; refreshes must still finish.
    view.hide()

    show(qtbot, view, page("<p id='p'>hidden</p>"))

    assert run_js(qtbot, view, "document.getElementById('p').textContent") == "hidden"


def png_bytes(width: int, height: int) -> bytes:
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("teal"))
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")  # type: ignore[call-overload]  # the stub says bytes; only str works
    return bytes(buffer.data().data())


def test_more_routes_serve_images_on_our_scheme(qtbot: QtBot, view: PreviewView) -> None:
    png = png_bytes(7, 5)

    def asset(url: QUrl) -> Resource | None:
        return Resource(b"image/png", png) if url.path() == "/abc" else None

    def broken(url: QUrl) -> Resource | None:
        raise RuntimeError("a route failed")

    view.scheme_handler.add_route("asset", asset)
    view.scheme_handler.add_route("broken", broken)
    show(
        qtbot,
        view,
        page(
            "<img id='found' src='deskeditor://asset/abc'><img id='lost' src='deskeditor://asset/x'>"
            "<img id='broken' src='deskeditor://broken/y'>"
        ),
    )

    assert run_js(qtbot, view, "document.getElementById('found').naturalWidth") == 7
    assert run_js(qtbot, view, "document.getElementById('lost').naturalWidth") == 0
    assert run_js(qtbot, view, "document.getElementById('broken').naturalWidth") == 0


def test_javascript_in_the_page_does_not_run(qtbot: QtBot, view: PreviewView) -> None:
    show(
        qtbot,
        view,
        page(
            "<script>document.title = 'pwned'</script>"
            "<img src='data:,' onerror=\"document.body.dataset.x = 'pwned'\">",
            title="safe",
            head="<script>document.title = 'pwned'</script>",
        ),
    )

    assert run_js(qtbot, view, "document.title") == "safe"
    assert run_js(qtbot, view, "document.body.dataset.x || ''") == ""
    assert view.title() == "safe"


# Our own scheme passes the request blocker, so only the page's navigation check stops it;
# that includes the very URL of the page shown.
LINK_TARGETS = [
    "https://example.com/",
    "deskeditor://preview/page?v=999",
    "deskeditor://preview/page",
]


@pytest.mark.parametrize("href", LINK_TARGETS)
def test_clicking_a_link_navigates_nowhere(qtbot: QtBot, view: PreviewView, href: str) -> None:
    show(qtbot, view, page(f"<a id='link' href='{href}'>link</a>"))
    url = view.url()

    # A refused navigation still ends in loadFinished(False); wait for that, not for time.
    with qtbot.waitSignal(view.loadFinished, timeout=LOAD_TIMEOUT_MS) as finished:
        run_js(qtbot, view, "document.getElementById('link').click()")

    assert finished.args == [False]
    assert view.url() == url
    assert run_js(qtbot, view, "document.getElementById('link').textContent") == "link"


@pytest.mark.parametrize(
    "target",
    [*LINK_TARGETS, "file:///etc/hostname"],
)
def test_loading_another_url_is_refused(qtbot: QtBot, view: PreviewView, target: str) -> None:
    show(qtbot, view, page("<p id='p'>ours</p>"))
    url = view.url()

    with qtbot.waitSignal(view.loadFinished, timeout=LOAD_TIMEOUT_MS) as finished:
        view.load(QUrl(target))

    assert finished.args == [False]
    assert view.url() == url
    assert run_js(qtbot, view, "document.getElementById('p').textContent") == "ours"


def test_reload_from_outside_is_refused(qtbot: QtBot, view: PreviewView) -> None:
    # The context menu offers Reload; only the view's own refreshes may load the page.
    show(qtbot, view, page("<p id='p'>ours</p>"))

    with qtbot.waitSignal(view.loadFinished, timeout=LOAD_TIMEOUT_MS) as finished:
        view.page().triggerAction(QWebEnginePage.WebAction.Reload)

    assert finished.args == [False]


def test_new_window_links_open_nothing(qtbot: QtBot, view: PreviewView) -> None:
    show(qtbot, view, page("<a id='link' target='_blank' href='https://example.com/'>x</a>"))
    url = view.url()
    windows_before = len(QApplication.topLevelWidgets())

    run_js(qtbot, view, "document.getElementById('link').click()")
    run_js(qtbot, view, "1")  # one more round trip through the engine

    assert len(QApplication.topLevelWidgets()) == windows_before
    assert view.url() == url


def test_profile_is_private_to_the_view(view: PreviewView) -> None:
    profile = view.page().profile()
    assert profile.isOffTheRecord()
    assert profile is not QWebEngineProfile.defaultProfile()
    assert profile.parent() is view.page()  # so the page is deleted before its profile


class _CountingServer(http.server.ThreadingHTTPServer):
    """Records every TCP connection and every request path it gets."""

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.connections = 0
        self.paths: list[str] = []

    @override
    def get_request(self) -> tuple[socket.socket, Any]:
        self.connections += 1
        return super().get_request()


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        assert isinstance(self.server, _CountingServer)
        self.server.paths.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"ok")

    @override
    def log_message(self, format: str, *args: Any) -> None:
        pass  # keep the test output clean


@pytest.fixture
def http_server() -> Iterator[_CountingServer]:
    server = _CountingServer()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


def test_no_request_leaves_the_machine(
    qtbot: QtBot, view: PreviewView, http_server: _CountingServer
) -> None:
    port = http_server.server_address[1]
    base = f"http://127.0.0.1:{port}"
    # The server really answers, so "no requests" below means none were made.
    with urllib.request.urlopen(f"{base}/probe", timeout=10) as response:
        assert response.read() == b"ok"
    assert http_server.paths == ["/probe"]
    connections_before = http_server.connections

    remote = {
        f"{base}/x.png",
        f"{base}/style.css",
        f"{base}/font.woff2",
        "https://example.com/tracker.png",
        "file:///etc/hostname",
    }
    blocked: list[str] = []
    view.request_blocked.connect(blocked.append)
    html = page(
        f"<img src='{base}/x.png'><img src='https://example.com/tracker.png'>"
        "<img src='file:///etc/hostname'><p>text</p>",
        head=(
            f"<link rel='stylesheet' href='{base}/style.css'>"
            f"<style>@font-face {{ font-family: F; src: url({base}/font.woff2) }}"
            " p { font-family: F }</style>"
        ),
    )
    show(qtbot, view, html)
    qtbot.waitUntil(lambda: remote <= set(blocked), timeout=LOAD_TIMEOUT_MS)

    assert http_server.paths == ["/probe"]
    assert http_server.connections == connections_before


def test_refresh_keeps_keyboard_focus_in_the_editor(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    editor = QLineEdit()
    view = PreviewView()
    layout = QVBoxLayout(window)
    layout.addWidget(editor)
    layout.addWidget(view)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=LOAD_TIMEOUT_MS)
    editor.setFocus()
    qtbot.waitUntil(editor.hasFocus, timeout=LOAD_TIMEOUT_MS)

    show(qtbot, view, page("<p>one</p>"))
    show(qtbot, view, page("<p>two</p>"))

    assert editor.hasFocus()
    delete_now(qtbot, window)


def test_deleting_the_view_releases_page_before_profile(qtbot: QtBot) -> None:
    view = PreviewView()
    show(qtbot, view, page("<p>bye</p>"))
    page_obj: QWebEnginePage = view.page()
    profile = page_obj.profile()
    destroyed: list[str] = []
    page_obj.destroyed.connect(lambda: destroyed.append("page"))
    profile.destroyed.connect(lambda: destroyed.append("profile"))

    # A warning here ("Release of profile requested but WebEnginePage still not
    # deleted") fails the test through qt_log_level_fail.
    delete_now(qtbot, view)

    assert destroyed == ["page", "profile"]


def test_deleting_the_view_mid_refresh_is_quiet(qtbot: QtBot) -> None:
    view = PreviewView()
    show(qtbot, view, long_page(50))
    with qtbot.waitSignal(view.loadStarted, timeout=LOAD_TIMEOUT_MS):
        view.show_html(long_page(50, marker="next"))

    # Load signals arriving while Qt tears the view down must not touch it (pytest-qt
    # fails the test on an exception there, qt_log_level_fail on a warning).
    shiboken6.delete(view)
