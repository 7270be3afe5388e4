"""An exported page shows its photo in a real browser with no network (chromium, headless)."""

from __future__ import annotations

import os
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from PIL import Image

from deskeditor import paths
from deskeditor.core.edition import export_edition
from deskeditor.core.export import export_article_html
from deskeditor.core.models import ArticleContent
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store

from imagefactory import image_bytes

CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
UNDER_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
MAGENTA = (255, 0, 255)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = Store.open(tmp_path / "store.sqlite3")
    yield opened
    opened.close()


def screenshot(page: Path, folder: Path) -> Image.Image:
    """The page as chromium draws it, with every network request sent to a dead proxy."""
    if not CHROMIUM.is_file():
        message = f"{CHROMIUM} is not installed (Debian: chromium)"
        if UNDER_CI:
            pytest.fail(message)
        pytest.skip(message)
    shot = folder / "shot.png"
    subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         f"--user-data-dir={folder / 'profile'}",
         # Port 9 (discard) answers nothing: a page that needed the network would show no photo.
         "--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
         "--window-size=1000,1400", f"--screenshot={shot}", page.resolve().as_uri()],
        check=True, capture_output=True, timeout=120,
    )  # fmt: skip
    with Image.open(shot) as image:
        return image.convert("RGB")


def magenta_pixels(image: Image.Image) -> int:
    colours = image.getcolors(maxcolors=image.width * image.height) or []
    return sum(count for count, colour in colours if colour == MAGENTA)


@pytest.mark.parametrize("edition", [False, True], ids=["single page", "edition page"])
def test_the_exported_page_shows_its_photo_with_no_network(
    store: Store, tmp_path: Path, edition: bool
) -> None:
    photo = store.add_image(image_bytes("PNG", (400, 200), "magenta"), alt="분홍 사각형")
    article = store.create_article(
        ArticleContent(headline="사진 기사", body=f"짧은 본문\n\n![]({photo.uri})")
    )
    renderer = Renderer(paths.templates_dir(), paths.css_dir())
    if edition:
        export_edition(renderer, [article], tmp_path / "edition", library=store)
        page = tmp_path / "edition" / f"article-{int(article.id)}.html"
    else:
        page = export_article_html(renderer, article, tmp_path / "page.html", library=store)

    drawn = screenshot(page, tmp_path)

    # 400 × 200 CSS pixels of photo (a little less where the edges are smoothed).
    assert magenta_pixels(drawn) > 0.9 * 400 * 200
