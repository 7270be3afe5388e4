"""Photos in the preview: served from the store through deskeditor://asset/, never the network."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import pytest
from photofiles import photo_bytes
from PySide6.QtCore import QUrl
from PySide6.QtWebEngineCore import QWebEngineScript
from pytestqt.qtbot import QtBot
from typing_extensions import override

from deskeditor import paths
from deskeditor.core.models import Article, ArticleContent, ArticleId
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store
from deskeditor.ui.photolibrary import ASSET_HOST, PhotoLibrary, asset_href
from deskeditor.ui.preview import PreviewView
from deskeditor.ui.previewscheme import Resource, asset_route

APP_WORLD = QWebEngineScript.ScriptWorldId.ApplicationWorld
LOAD_TIMEOUT_MS = 20_000


@pytest.fixture
def library(qtbot: QtBot, store: Store) -> Iterator[PhotoLibrary]:
    library = PhotoLibrary(store)
    yield library
    library.shutdown()


@pytest.fixture
def view(qtbot: QtBot, library: PhotoLibrary) -> Iterator[PreviewView]:
    view = PreviewView()
    view.scheme_handler.add_later_route(ASSET_HOST, asset_route(library.fetch_copy))
    view.resize(800, 600)
    view.show()
    yield view
    gone: list[bool] = []
    view.destroyed.connect(lambda: gone.append(True))
    view.deleteLater()
    qtbot.waitUntil(lambda: bool(gone), timeout=LOAD_TIMEOUT_MS)


def run_js(qtbot: QtBot, view: PreviewView, source: str) -> Any:
    results: list[Any] = []
    view.page().runJavaScript(source, APP_WORLD, results.append)
    qtbot.waitUntil(lambda: len(results) == 1, timeout=LOAD_TIMEOUT_MS)
    return results[0]


def article(body: str, feature_image: str = "") -> Article:
    now = datetime(2024, 5, 1, tzinfo=UTC)
    content = ArticleContent(headline="Harbour", body=body, feature_image=feature_image)
    return Article(id=ArticleId(1), content=content, created_at=now, updated_at=now)


def natural_width(qtbot: QtBot, view: PreviewView, selector: str) -> int:
    source = f"(() => {{ const i = document.querySelector('{selector}'); "
    source += "return i && i.complete ? i.naturalWidth : -1; })()"
    width = -1

    def loaded() -> bool:
        nonlocal width
        width = int(run_js(qtbot, view, source))
        return width != -1

    qtbot.waitUntil(loaded, timeout=LOAD_TIMEOUT_MS)
    return width


def test_asset_route_serves_the_display_copy(
    qtbot: QtBot, store: Store, library: PhotoLibrary
) -> None:
    asset = store.add_image(photo_bytes(size=(2000, 1000)))
    answers: list[Resource | None] = []
    route = asset_route(library.fetch_copy)

    route(QUrl(asset_href(asset)), answers.append)
    qtbot.waitUntil(lambda: len(answers) == 1, timeout=LOAD_TIMEOUT_MS)
    route(QUrl(f"deskeditor://asset/{'0' * 64}"), answers.append)
    route(QUrl("deskeditor://asset/../etc/passwd"), answers.append)
    qtbot.waitUntil(lambda: len(answers) == 3, timeout=LOAD_TIMEOUT_MS)

    served = answers[0]
    assert served is not None
    assert (served.data, served.content_type.decode()) == store.display_image(asset.sha256)
    assert answers[1:] == [None, None]


def test_preview_shows_the_photo_as_a_figure_with_caption_and_credit(
    qtbot: QtBot, store: Store, library: PhotoLibrary, view: PreviewView
) -> None:
    asset = store.add_image(
        photo_bytes(size=(1600, 900)), alt="Ships", caption="The port.", credit="Photo: Reuters"
    )
    renderer = Renderer(paths.templates_dir(), paths.css_dir())
    html = renderer.article_page(article(f"![](asset:{asset.sha256})\n"), photos=library.photos())
    assert f'src="deskeditor://asset/{asset.sha256}"' in html

    with qtbot.waitSignal(view.page_shown, timeout=LOAD_TIMEOUT_MS):
        view.show_html(html)

    assert natural_width(qtbot, view, "figure img") == 1200  # the display copy
    caption = run_js(qtbot, view, "document.querySelector('figcaption').textContent")
    assert "The port." in caption and "Photo: Reuters" in caption


class _Counting(http.server.ThreadingHTTPServer):
    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _Handler)
        self.paths: list[str] = []


class _Handler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        assert isinstance(self.server, _Counting)
        self.server.paths.append(self.path)
        self.send_response(200)
        self.end_headers()

    @override
    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture
def http_server() -> Iterator[_Counting]:
    server = _Counting()
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=10)


def test_a_page_with_photos_makes_no_network_request(
    qtbot: QtBot,
    store: Store,
    library: PhotoLibrary,
    view: PreviewView,
    http_server: _Counting,
) -> None:
    asset = store.add_image(photo_bytes(size=(300, 200)), alt="Ships")
    base = f"http://127.0.0.1:{http_server.server_address[1]}"
    renderer = Renderer(paths.templates_dir(), paths.css_dir())
    body = f"![](asset:{asset.sha256})\n\n![remote]({base}/remote.png)\n"
    html = renderer.article_page(article(body, asset.sha256), photos=library.photos())
    blocked: list[str] = []
    view.request_blocked.connect(blocked.append)

    with qtbot.waitSignal(view.page_shown, timeout=LOAD_TIMEOUT_MS):
        view.show_html(html)

    assert natural_width(qtbot, view, "figure img") == 300  # the lead photo, from the store
    assert html.count("<figure") == 2  # the lead photo, and the photo in the body
    qtbot.waitUntil(lambda: f"{base}/remote.png" in blocked, timeout=LOAD_TIMEOUT_MS)
    assert http_server.paths == []
