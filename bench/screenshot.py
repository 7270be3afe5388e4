"""Take the README screenshot: the real window with a Korean article, under Xvfb.

Usage: xvfb-run -s "-screen 0 1600x1000x24" python bench/screenshot.py docs/screenshot.png
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from deskeditor.core.models import ArticleContent, Language, Status
from deskeditor.core.store import Store

ARTICLE = ArticleContent(
    headline="AI 데이터센터 전력 수요 급증…정부, 송전망 확충 서두른다",
    subhead="2030년까지 데이터센터 전력 수요 두 배 전망, 지역 분산 유도책도 검토",
    byline="홍길동 기자 hong@example.com",
    section="산업",
    status=Status.DESK,
    language=Language.KO,
    tags=("데이터센터", "전력망", "AI"),
    body=(
        "인공지능(AI) 확산으로 **데이터센터**를 새로 짓겠다는 신청이 몰리면서 정부가 "
        "송전망 확충 계획을 앞당기기로 했다.\n\n"
        "산업통상자원부는 19일 발표한 *전력수급 점검 결과*에서 수도권 데이터센터의 전력 "
        "수요가 2030년까지 지금의 두 배로 늘어날 것으로 내다봤다.\n\n"
        "## 지역 분산이 관건\n\n"
        "정부는 다음과 같은 대책을 검토하고 있다.\n\n"
        "- 비수도권 데이터센터에 전기요금 할인\n"
        "- 송전선로 인허가 기간 단축\n"
        "    - 주민 보상 현실화\n"
        "- 재생에너지 직접 구매 허용\n\n"
        "> 전력망이 받쳐주지 못하면 AI 경쟁에서 뒤처질 수밖에 없다.\n\n"
        "업계는 [전력망 특별법](https://example.com/law)의 조속한 통과를 요구하고 있다."
    ),
)


def main() -> int:
    output = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshot.png").resolve()
    folder = Path(tempfile.mkdtemp())
    store = Store.open(folder / "store.sqlite3")
    for headline, section in (
        ("반도체 수출 석 달 연속 증가", "경제"),
        ("서울시, 심야버스 노선 확대", "사회"),
        ("Seoul stocks close higher on chip rally", "IT·과학"),
    ):
        store.create_article(ArticleContent(headline=headline, section=section, body="본문"))
    article = store.create_article(ARTICLE)
    store.close()

    import os

    os.environ["DESKEDITOR_CONFIG_DIR"] = str(folder / "config")
    from deskeditor.app import main as run_window
    from deskeditor.ui.qtsetup import prepare_qt_before_application

    prepare_qt_before_application()
    app = QApplication([])

    def shoot() -> None:
        window = next(w for w in app.topLevelWidgets() if w.isVisible())
        window.resize(1560, 940)

        def grab() -> None:
            screen = app.primaryScreen()
            screen.grabWindow(0).copy(window.frameGeometry()).save(str(output))
            print(f"saved {output}")
            window.close()

        QTimer.singleShot(4000, grab)

    QTimer.singleShot(1500, shoot)
    return run_window(["--db", str(folder / "store.sqlite3"), "--open", str(article.id)])


if __name__ == "__main__":
    sys.exit(main())
