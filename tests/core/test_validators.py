"""The exported pages pass the real checkers: the W3C Nu HTML Checker and axe-core in chromium.

Every page is checked in one vnu run and one browser run per session, so the JVM and
chromium start once. Under CI (CI=true) missing tools fail the tests; elsewhere they
skip them, saying what to install (scripts/test installs everything).
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from deskeditor import paths
from deskeditor.core.edition import export_edition
from deskeditor.core.export import export_article_html
from deskeditor.core.models import Article, ArticleContent, ArticleId, Language, Status
from deskeditor.core.render import Renderer
from deskeditor.core.store import Store

from imagefactory import image_bytes

VALIDATORS = Path(__file__).resolve().parents[2] / "tools" / "validators"
VNU_JAR = VALIDATORS / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_SCRIPT = VALIDATORS / "axe.mjs"
CHROMIUM = Path(os.environ.get("CHROMIUM", "/usr/bin/chromium"))
UNDER_CI = os.environ.get("CI", "").strip().lower() in {"1", "true", "yes"}
TIMEOUT = 600  # seconds for one whole run; a hung browser must not hang CI forever

KST = timezone(timedelta(hours=9), "KST")
CREATED = datetime(2026, 3, 19, 1, 35, tzinfo=UTC)

KOREAN_BODY = """국회는 19일 본회의를 열어 내년도 예산안을 **재석 280명 중 찬성 250명**으로
통과시켰다. 총지출은 *677조원*으로 정부안보다 ~~4조원~~ 3조원 줄었다.

## 무엇이 바뀌나

정부는 [기획재정부 발표](https://example.com/budget)에서 다음을 밝혔다.

1. 반도체 연구개발 예산 증액
2. 청년 주거 지원 확대
    - 월세 지원 대상 확대
    - 전세 대출 이자 지원

### 분야별 증감

| 분야 | 올해 | 내년 | 증감 |
|:---|---:|---:|:---:|
| 보건·복지 | 242조원 | 252조원 | +4.1% |
| 국방 | 59조원 | 61조원 | +3.4% |

> "민생을 위한 예산"이라고 여당 원내대표는 말했다.

![본회의장 전경](https://example.com/photo.jpg)

```
표결 결과: 찬성 250 반대 20 기권 10
```

---

관련 문의는 hong@example.com 으로.
"""

ENGLISH_BODY = """The National Assembly passed next year's budget on Thursday by **250 votes**
to 20, after *weeks* of talks.

## What changes

- More money for chip research
- Housing support for young people

> "A budget for livelihoods," the floor leader said.
"""

HOSTILE = "</title><script>alert(1)</script>\"'<>& </SCRIPT> <!--"
HOSTILE_BODY = """<script>alert(1)</script>

[click](javascript:alert(1)) <img src=x onerror=alert(2)> <iframe src="https://evil.example"></iframe>

<div style="position:fixed;top:0">overlay</div> <a href="//evil.example/x">scheme-relative</a>

<form action="https://evil.example"><input name="q"></form> </article></main><h1>fake</h1>
"""


def article(article_id: int, **fields: object) -> Article:
    return Article(
        ArticleId(article_id),
        ArticleContent(**fields),  # type: ignore[arg-type]
        created_at=CREATED,
        updated_at=CREATED + timedelta(hours=3),
        published_at=CREATED + timedelta(minutes=20),
    )


KOREAN = article(
    1,
    headline="국회, 내년도 예산안 통과… 총지출 677조원",
    subhead="여야 합의로 본회의 처리\n정부안보다 3조원 감액",
    byline="홍길동·김민지 기자 hong@example.com",
    section="정치",
    body=KOREAN_BODY,
    tags=("예산", "국회"),
    status=Status.PUBLISHED,
    summary="국회가 19일 677조원 규모의 내년도 예산안을 통과시켰다.",
    editor_note="데스크: 표 수치 재확인",
)
ENGLISH = article(
    2,
    headline="Assembly passes next year's budget",
    subhead="Spending set at 677 trillion won",
    byline="By Jane Park jane@example.com",
    section="정치",
    body=ENGLISH_BODY,
    tags=("budget",),
    language=Language.EN,
    summary="The National Assembly passed a 677 trillion won budget.",
)
HOSTILE_ARTICLE = article(
    3,
    headline=HOSTILE,
    subhead=HOSTILE,
    byline=f"{HOSTILE} x@example.com",
    section=HOSTILE,
    body=HOSTILE_BODY,
    tags=(HOSTILE, "</script>"),
    summary=HOSTILE,
)
EMPTY = article(4)

BROKEN_PAGE = """<!DOCTYPE html>
<html><head><title>broken</title></head>
<body><p><img src="x.png"></p><div><span></div><a href="#"></a>
<p style="color:#ddd;background:#fff">pale</p></body></html>
"""


@dataclass(frozen=True)
class Pages:
    folder: Path
    checked: dict[str, Path]
    """The pages that must pass, by name."""
    broken: Path
    """A page both checkers must complain about: proof they are really checking."""
    stylesheet: Path


def missing_tools() -> list[str]:
    missing = []
    if shutil.which("java") is None:
        missing.append("java (Debian: default-jre-headless)")
    if shutil.which("node") is None:
        missing.append("node")
    if not VNU_JAR.is_file() or not (VALIDATORS / "node_modules" / "axe-core").is_dir():
        missing.append(f"vnu-jar, axe-core and playwright-core (npm ci in {VALIDATORS})")
    if not CHROMIUM.is_file():
        missing.append(f"{CHROMIUM} (Debian: chromium)")
    return missing


def require_tools() -> None:
    missing = missing_tools()
    if not missing:
        return
    message = "validators not installed: " + "; ".join(missing) + " (scripts/test installs them)"
    if UNDER_CI:
        pytest.fail(message)  # CI must check the pages, never skip silently
    pytest.skip(message)


@pytest.fixture(scope="session")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Pages:
    folder = tmp_path_factory.mktemp("validated")
    renderer = Renderer(paths.templates_dir(), paths.css_dir(), tz=KST)
    checked: dict[str, Path] = {}
    # Photos come from a real store: a lead photo, a figure with caption and credit,
    # an inline image, and a photo the store lacks (its placeholder must pass too).
    store = Store.open(folder / "photos.sqlite3")
    lead = store.add_image(image_bytes("JPEG", (1600, 900)), alt="국회 본회의장", caption="본회의")
    figure = store.add_image(
        image_bytes("PNG", (320, 200)), caption="19일 표결 모습", credit="사진=연합뉴스"
    )
    photos = article(
        5,
        headline="사진이 있는 기사",
        byline="홍길동 기자",
        section="정치",
        body=f"본문\n\n![표결 장면]({figure.uri})\n\n글 안의 ![작은 사진]({figure.uri}) 사진\n\n"
        f"![사라진 사진](asset:{'ab' * 32})",
        feature_image=lead.sha256,
    )
    checked["article-photos"] = export_article_html(
        renderer, photos, folder / "article-photos.html", library=store
    )
    for name, item in [
        ("article-ko", KOREAN),
        ("article-en", ENGLISH),
        ("article-hostile", HOSTILE_ARTICLE),
        ("article-empty", EMPTY),
    ]:
        checked[name] = export_article_html(renderer, item, folder / f"{name}.html")
    edition = folder / "edition"
    others = [
        article(10 + i, headline=f"경제 기사 {i}", section="경제", body="본문", byline="기자")
        for i in range(8)
    ]
    export_edition(
        renderer, [KOREAN, ENGLISH, HOSTILE_ARTICLE, EMPTY, photos, *others], edition, library=store
    )
    store.close()
    checked["edition-index"] = edition / "index.html"
    checked["edition-section"] = edition / "section-economy.html"
    checked["edition-article-ko"] = edition / "article-1.html"
    checked["edition-article-hostile"] = edition / "article-3.html"
    checked["edition-article-photos"] = edition / "article-5.html"
    broken = folder / "broken.html"
    broken.write_text(BROKEN_PAGE, encoding="utf-8")
    return Pages(folder, checked, broken, edition / "style.css")


def vnu_key(path: Path) -> str:
    return path.resolve().as_uri().replace("file:///", "file:/")


@dataclass(frozen=True)
class Reports:
    vnu: dict[str, list[dict[str, object]]]
    """Nu HTML Checker messages per file URL (pages and the stylesheet)."""
    axe: dict[str, dict[str, list[dict[str, object]]]]
    """axe-core violations per page path and viewport."""


@pytest.fixture(scope="session")
def reports(pages: Pages) -> Reports:
    """Both checkers over every page: one JVM and one browser, running side by side."""
    require_tools()
    files = [*pages.checked.values(), pages.broken]
    vnu = subprocess.Popen(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--exit-zero-always"]
        + ["--also-check-css", *map(str, files), str(pages.stylesheet)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    axe = subprocess.Popen(
        ["node", str(AXE_SCRIPT), *map(str, files)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=VALIDATORS,
        env={**os.environ, "CHROMIUM": str(CHROMIUM)},
    )
    try:
        _, vnu_err = vnu.communicate(timeout=TIMEOUT)
        axe_out, axe_err = axe.communicate(timeout=TIMEOUT)
    finally:
        for process in (vnu, axe):
            if process.poll() is None:
                process.kill()
                process.wait()
    assert vnu.returncode == 0, vnu_err[-2000:]
    assert axe.returncode == 0, axe_err[-2000:]
    by_file: dict[str, list[dict[str, object]]] = {
        vnu_key(path): [] for path in [*files, pages.stylesheet]
    }
    for message in json.loads(vnu_err)["messages"]:  # vnu writes its report on stderr
        by_file.setdefault(str(message.get("url", "")), []).append(message)
    return Reports(vnu=by_file, axe=json.loads(axe_out))


PAGE_NAMES = [
    "article-ko",
    "article-en",
    "article-hostile",
    "article-empty",
    "edition-index",
    "edition-section",
    "edition-article-ko",
    "edition-article-hostile",
    "article-photos",
    "edition-article-photos",
]


def errors(messages: list[dict[str, object]]) -> list[str]:
    return [
        f"{m.get('lastLine')}:{m.get('firstColumn')} {m.get('message')}"
        for m in messages
        if m.get("type") in {"error", "non-document-error"}
    ]


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_validator_nu_html_checker_finds_no_errors(
    pages: Pages, reports: Reports, name: str
) -> None:
    assert errors(reports.vnu[vnu_key(pages.checked[name])]) == []


def test_validator_nu_css_check_of_the_shared_stylesheet(pages: Pages, reports: Reports) -> None:
    assert errors(reports.vnu[vnu_key(pages.stylesheet)]) == []


@pytest.mark.parametrize("name", PAGE_NAMES)
def test_validator_axe_finds_no_violations(pages: Pages, reports: Reports, name: str) -> None:
    assert reports.axe[str(pages.checked[name])] == {"desktop": [], "phone": []}


def test_validators_do_catch_a_broken_page(pages: Pages, reports: Reports) -> None:
    assert errors(reports.vnu[vnu_key(pages.broken)]), "vnu passed a broken page"
    found = {v["id"] for v in reports.axe[str(pages.broken)]["desktop"]}
    assert {"image-alt", "html-has-lang", "link-name", "color-contrast"} <= found
