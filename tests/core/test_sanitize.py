"""The sanitizer against hostile Markdown and raw HTML bodies, and what it must keep."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest

from deskeditor.core.markup import MarkdownConverter
from deskeditor.core.sanitize import ALLOWED_URL_SCHEMES, sanitize_html

FORBIDDEN_TAGS = frozenset(
    {
        "script", "iframe", "frame", "frameset", "object", "embed", "applet", "style", "link",
        "meta", "base", "form", "input", "button", "textarea", "svg", "math", "template",
        "noscript", "xmp", "video", "audio", "source",
    }
)  # fmt: skip
URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "xlink:href", "poster"})


class Collector(HTMLParser):
    """Every element with its attributes, and the text outside them."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.elements: list[tuple[str, dict[str, str]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.elements.append((tag, {name: value or "" for name, value in attrs}))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def collect(html: str) -> Collector:
    collector = Collector()
    collector.feed(html)
    collector.close()
    return collector


def as_browser_reads(url: str) -> str:
    """Tabs and newlines anywhere, and leading controls and spaces, do not count."""
    return re.sub(r"[\t\n\r]", "", url).lstrip("".join(map(chr, range(0x21))))


def scheme(url: str) -> str | None:
    match = re.match(r"([a-z][a-z0-9+.-]*):", as_browser_reads(url).lower())
    return match.group(1) if match else None


def problems(html: str) -> list[str]:
    """Everything in html that could run code, load a frame or leave the allow-list."""
    found = []
    for tag, attrs in collect(html).elements:
        if tag in FORBIDDEN_TAGS:
            found.append(f"<{tag}>")
        for name, value in attrs.items():
            if name.startswith("on"):
                found.append(f"{tag}[{name}]")
            if name == "style" and (tag not in {"td", "th"} or "text-align" not in value):
                found.append(f"{tag}[style={value}]")
            if name in URL_ATTRIBUTES:
                url_scheme = scheme(value)
                if url_scheme is not None and url_scheme not in ALLOWED_URL_SCHEMES:
                    found.append(f"{tag}[{name}={value}]")
                if as_browser_reads(value).replace("\\", "/").startswith("//"):
                    found.append(f"{tag}[{name}={value}] (another host)")
    return found


HOSTILE_BODIES = {
    "script block": "<script>alert(1)</script>\n\n본문",
    "inline script": "본문 <script>alert(1)</script> 계속",
    "img onerror": "<img src=x onerror=alert(1)>",
    "handler on allowed tag": '<a href="https://example.com" onmouseover="alert(1)">x</a>',
    "markdown javascript link": "[눌러 보세요](javascript:alert(1))",
    "markdown javascript link, mixed case": "[x](JaVaScRiPt:alert(1))",
    "markdown javascript link, tab entity": "[x](jav&#x09;ascript:alert(1))",
    "raw html javascript link, tab entity": '<a href="java&#9;script:alert(1)">x</a>',
    "javascript link behind spaces": '<a href="  javascript:alert(1)">x</a>',
    "markdown javascript image": "![사진](javascript:alert(1))",
    "raw html javascript link": '<a href="javascript:alert(1)">x</a>',
    "entity-encoded javascript link": '<a href="&#106;avascript:alert(1)">x</a>',
    "vbscript link": '<a href="vbscript:msgbox(1)">x</a>',
    "markdown data link": "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "raw data image": '<img src="data:image/svg+xml,<svg onload=alert(1)>">',
    "iframe": '<iframe src="https://evil.example/"></iframe>',
    "iframe with script inside": "<iframe><script>alert(1)</script></iframe>",
    "style element": "<style>body { display: none }</style>\n\n본문",
    "style attribute": '<p style="position:fixed;top:0">덮어쓰기</p>',
    "object and embed": '<object data="x.swf"><embed src="x.swf"></object>',
    "svg with script": "<svg onload=alert(1)><script>alert(2)</script></svg>",
    "svg use xlink": '<svg><use xlink:href="data:image/svg+xml,x"/></svg>',
    "math": '<math><maction actiontype="statusline" href="javascript:alert(1)">x</maction></math>',
    "form": '<form action="https://evil.example"><input name=q><button>보내기</button></form>',
    "meta refresh": '<meta http-equiv="refresh" content="0;url=https://evil.example">',
    "base": '<base href="https://evil.example/">',
    "noscript": "<noscript><img src=x onerror=alert(1)></noscript>",
    "scheme-relative image": "![x](//evil.example/pixel.png)",
    "scheme-relative link": '<a href="\\\\evil.example\\share">x</a>',
    "scheme-relative with tab entity": '<img src="/&#9;/evil.example/pixel.png">',
}


@pytest.mark.parametrize("body", HOSTILE_BODIES.values(), ids=HOSTILE_BODIES.keys())
def test_hostile_bodies_are_neutralized(body: str) -> None:
    converter = MarkdownConverter()
    # The case is only worth something if Python-Markdown really let the danger through.
    assert problems(converter.to_unsafe_html(body)) != []
    assert problems(converter.to_html(body)) == []


@pytest.mark.parametrize(
    "body",
    [
        "<script>alert(1)</script>",
        "<style>.x{}</style>",
        "<iframe><script>alert(1)</script></iframe>",
        "<noscript>alert(1)</noscript>",
    ],
)
def test_removed_elements_leave_no_text_behind(body: str) -> None:
    text = "".join(collect(MarkdownConverter().to_html(body)).text)
    assert "alert" not in text and ".x{}" not in text


def test_sanitize_html_alone_handles_raw_html() -> None:
    html = '<p onclick="x()">a<script>b()</script><a href="javascript:c()">d</a></p>'
    assert problems(html) != []
    assert sanitize_html(html) == "<p>a<a>d</a></p>"


def test_news_markup_survives() -> None:
    body = (
        "## 소제목\n\n### 작은 제목\n\n"
        "**굵게** *기울임* ~~취소선~~ `코드`\n\n"
        "- 하나\n- 둘\n\n3. 셋\n4. 넷\n\n"
        "> 인용문\n\n---\n\n"
        '[기사](https://example.com/a?b=1&c=2 "제목") [메일](mailto:desk@example.com) '
        "[전화](tel:+82-2-123-4567) [위](#top) [상대](../other.html)\n\n"
        '![사진 설명](https://example.com/photo.jpg "캡션") ![자산](asset:images/1.png)\n\n'
        "| 항목 | 값 |\n|:---|---:|\n| 가 | 1 |\n\n"
        "```python\nprint('안녕')\n```\n"
    )
    html = MarkdownConverter().to_html(body)
    elements = collect(html).elements
    tags = {tag for tag, _ in elements}
    expected_tags = {"h2", "h3", "strong", "em", "del", "code", "ul", "ol", "li", "blockquote"}
    assert expected_tags | {"hr", "a", "img", "table", "th", "td", "pre"} <= tags
    hrefs = [attrs["href"] for tag, attrs in elements if tag == "a"]
    assert hrefs == [
        "https://example.com/a?b=1&c=2",
        "mailto:desk@example.com",
        "tel:+82-2-123-4567",
        "#top",
        "../other.html",
    ]
    srcs = [attrs["src"] for tag, attrs in elements if tag == "img"]
    assert srcs == ["https://example.com/photo.jpg", "asset:images/1.png"]
    assert ("ol", {"start": "3"}) in elements
    assert ("th", {"style": "text-align:right"}) in elements
    assert ("code", {"class": "language-python"}) in elements
    assert problems(html) == []
