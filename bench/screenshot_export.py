"""Screenshots of what export writes, rendered by Chromium: a Korean article and an edition.

Usage: python bench/screenshot_export.py docs/   (needs /usr/bin/chromium)
Writes export-article.png and export-edition.png into the folder.
"""

from __future__ import annotations

import dataclasses
import io
import subprocess
import sys
import tempfile
from pathlib import Path

from PIL import Image, ImageDraw

from deskeditor import paths
from deskeditor.core.edition import export_edition
from deskeditor.core.export import export_article
from deskeditor.core.models import ArticleContent
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store
from screenshot import ARTICLE

CHROMIUM = "/usr/bin/chromium"
OTHERS = (
    ("반도체 수출 석 달 연속 증가", "경제", "수출이 석 달 연속 늘었다."),
    ("서울시, 심야버스 노선 확대", "사회", "서울시가 심야버스 노선을 늘린다."),
    ("전력망 특별법 국회 통과 촉각", "정치", "여야가 전력망 특별법을 논의한다."),
    ("Seoul stocks close higher on chip rally", "IT·과학", "Chipmakers led the gains."),
    ("송전탑 갈등, 주민 보상이 관건", "산업", "송전탑 건설을 둘러싼 갈등이 이어진다."),
)


def photo() -> bytes:
    """A made-up landscape (sky, hills, pylons), so the page shows a real figure."""
    image = Image.new("RGB", (1600, 900), (150, 190, 230))
    draw = ImageDraw.Draw(image)
    draw.polygon(
        [(0, 650), (500, 420), (1000, 600), (1600, 380), (1600, 900), (0, 900)], (80, 130, 80)
    )
    for x in (300, 800, 1300):
        draw.line([(x, 700), (x + 40, 250), (x + 80, 700)], (60, 60, 60), 8)
        draw.line([(x - 20, 330), (x + 100, 330)], (60, 60, 60), 6)
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", quality=85)
    return buffer.getvalue()


def shoot(page: Path, output: Path, height: int) -> None:
    subprocess.run(
        [
            CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
            f"--window-size=1200,{height}", f"--screenshot={output}", page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )  # fmt: skip


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs").resolve()
    work = Path(tempfile.mkdtemp(prefix="deskeditor-shots-"))
    store = Store.open(work / "store.sqlite3")
    sha = store.add_image(
        photo(),
        alt="능선을 따라 늘어선 송전탑",
        caption="수도권으로 이어지는 송전선로",
        credit="사진=연합뉴스",
    ).sha256
    body = ARTICLE.body.replace(
        "## 지역 분산이 관건", f"![능선을 따라 늘어선 송전탑](asset:{sha})\n\n## 지역 분산이 관건"
    )
    for headline, section, text in OTHERS:
        store.create_article(ArticleContent(headline=headline, section=section, body=text))
    main_article = store.create_article(dataclasses.replace(ARTICLE, body=body))
    renderer = Renderer(paths.templates_dir(), paths.css_dir())
    page = export_article(renderer, main_article, work / "article.html", library=store)
    edition = work / "edition"
    export_edition(renderer, store.articles(store.article_ids()), edition, library=store)
    store.close()
    shoot(page, out / "export-article.png", 1450)
    shoot(edition / "index.html", out / "export-edition.png", 1100)
    print(f"wrote {out / 'export-article.png'} and {out / 'export-edition.png'} (pages in {work})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
