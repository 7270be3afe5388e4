"""The one cleaning path for foreign HTML: structure kept, styling and anything unsafe dropped."""

from __future__ import annotations

from pathlib import Path

import pytest

from deskeditor.core.htmlclean import KEPT_TAGS, clean_html

PASTE = Path(__file__).parent / "fixtures" / "paste"


def clean(html: str) -> str:
    return clean_html(html)


# --- recorded clipboards ---------------------------------------------------------------------


def test_word_clipboard_keeps_structure_and_drops_word_markup() -> None:
    html = clean((PASTE / "word_clipboard.html").read_text(encoding="utf-8"))

    assert html.startswith("<h2>품목별 동향</h2><p>산업통상자원부는 <strong>19일</strong>")
    # Word's one-span-per-run bold merges; its list paragraphs become real nested lists.
    assert (
        "<ul><li>메모리<ul><li>HBM과 <strong>D램</strong></li></ul></li><li>시스템 반도체</li></ul>"
        in html
    )
    assert "<ol><li>첫째</li><li>둘째</li></ol>" in html
    assert "<blockquote><p>“수출 회복세가 이어지도록 지원하겠다”</p></blockquote>" in html
    assert '<td align="right">' in html and "메모리 | D램" in html
    assert '<a href="https://www.motie.go.kr/">산업부</a> 자료[1]' in html
    for junk in ("mso-", "Mso", "<o:p", "<span", "style=", "class=", "font-family", "·", "§",
                 "숨은 글", "file:", "<img", "StartFragment", "Version:0.9", "<!--"):  # fmt: skip
        assert junk not in html, junk


def test_google_docs_clipboard_maps_styles_to_semantics() -> None:
    html = clean((PASTE / "gdocs_clipboard.html").read_text(encoding="utf-8"))

    # The <b style="font-weight:normal" id="docs-internal-guid-…"> wrapper makes nothing bold.
    assert html.startswith("<h2>품목별 동향</h2><p>산업통상자원부는 <strong>19일</strong> 반도체")
    assert "<em>석 달 만에</em><del>발표할 예정</del>" in html
    assert "<code>export_rate()</code>" in html
    # Google Docs nests a list as a sibling <ul> inside the <ul>; it moves into the item.
    assert (
        "<ul><li>메모리<ul><li>HBM<ol><li>12단 적층</li></ol></li></ul></li>"
        "<li>시스템 반도체</li></ul>" in html
    )
    assert '<a href="https://www.motie.go.kr/">산업부</a>' in html  # out of Google's redirector
    assert '<img src="https://lh7-rt.googleusercontent.com/docsz/AD_4nXe-chart" alt="품목별' in html
    for junk in ("docs-internal-guid", "font-weight", "dir=", "aria-level", "role=", "<b ", "<br"):
        assert junk not in html, junk


def test_news_site_clipboard_drops_scripts_trackers_and_hidden_ads() -> None:
    html = clean((PASTE / "news_clipboard.html").read_text(encoding="utf-8"))

    assert "<h1>반도체 수출 석 달 만에 반등</h1>" in html
    assert "반등했다고 밝혔다.<br>3월 1일부터" in html
    assert "<p>고대역폭메모리(HBM) 수요가 <em>여전히 강하다</em>는 분석이 나온다.</p>" in html
    # Scheme-relative image made https; its caption a paragraph of its own.
    assert (
        '<img src="https://img.example.com/2026/03/19/fab.jpg" alt="경기 평택의 반도체 공장">'
        in html
    )
    assert "<p>경기 평택의 반도체 공장</p>" in html
    assert "<pre>rate = exports / base  # 12%\nprint(rate)</pre>" in html
    assert '<a href="/economy/dram">D램</a>' in html
    for junk in ("<script", "alert", "<style", "color", "광고 영역", "google-analytics",
                 "view.gif", "onerror", "onclick", "javascript:", "data:", "<font", "&nbsp;",
                 "\xa0", "facebook"):  # fmt: skip
        assert junk not in html, junk


def test_only_kept_tags_come_out_of_any_fixture() -> None:
    import lxml.html

    for fixture in PASTE.glob("*.html"):
        html = clean(fixture.read_text(encoding="utf-8"))
        tags = {el.tag for el in lxml.html.fragment_fromstring(html, create_parent="div").iter()}
        assert tags - {"div"} <= KEPT_TAGS, fixture.name


# --- formatting ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p><b>a</b> <i>b</i> <s>c</s> <strike>d</strike> <tt>e</tt></p>",
         "<p><strong>a</strong> <em>b</em> <del>c</del> <del>d</del> <code>e</code></p>"),
        ('<p><span style="font-weight:bold">a</span><span style="font-weight: 600">b</span></p>',
         "<p><strong>ab</strong></p>"),
        ('<p><span style="FONT-STYLE: italic; font-weight: 700">a</span></p>',
         "<p><strong><em>a</em></strong></p>"),
        ('<p><b style="font-weight:normal">plain</b></p>', "<p>plain</p>"),
        ('<p><i style="font-style:normal">plain</i></p>', "<p>plain</p>"),
        ('<p><span style="text-decoration: underline line-through">x</span></p>',
         "<p><del>x</del></p>"),
        ('<p><span style="font-family: Consolas, monospace">f(x)</span></p>',
         "<p><code>f(x)</code></p>"),
        ("<p><strong><b>twice</b></strong></p>", "<p><strong>twice</strong></p>"),
        ("<h2><b>heading</b></h2>", "<h2>heading</h2>"),
        ("<p><u>under</u><font color=red>red</font><sup>1</sup></p>", "<p>underred1</p>"),
        ("<p>a<strong> </strong>b</p>", "<p>a b</p>"),
        ("<pre><b>x</b>  y\n\tz</pre>", "<pre>x  y\n\tz</pre>"),
        ("<p><code><em>x</em></code></p>", "<p><code>x</code></p>"),
    ],
)  # fmt: skip
def test_inline_formatting(html: str, expected: str) -> None:
    assert clean(html) == expected


def test_bold_paragraph_style_wraps_its_text() -> None:
    assert clean('<p style="font-weight:bold">All bold</p>') == "<p><strong>All bold</strong></p>"


# --- blocks ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<div>one</div><div>two</div>", "<p>one</p><p>two</p>"),
        ("loose <b>text</b>", "<p>loose <strong>text</strong></p>"),
        ("<div>lead<div>inner</div>tail</div>", "<p>lead</p><p>inner</p><p>tail</p>"),
        ("<section><article><p>x</p></article></section>", "<p>x</p>"),
        ("<p>&nbsp;</p><p> </p><p><br></p><p>x<br></p><h3></h3>", "<p>x</p>"),
        ("<blockquote>quoted <i>words</i></blockquote>",
         "<blockquote><p>quoted <em>words</em></p></blockquote>"),
        ("<dl><dt>term</dt><dd>meaning</dd></dl>", "<p>term</p><p>meaning</p>"),
        ('<ol start="3"><li>c</li></ol>', '<ol start="3"><li>c</li></ol>'),
        ("<ul><li><p>tight</p></li></ul>", "<ul><li>tight</li></ul>"),
        ("<ul><li><p>a</p><p>b</p></li></ul>", "<ul><li><p>a</p><p>b</p></li></ul>"),
        ("<table><caption>Cap</caption><tfoot><tr><td>f</td></tr></tfoot></table>",
         "<p>Cap</p><table><tbody><tr><td>f</td></tr></tbody></table>"),
        ('<table><tr><th style="text-align:center" width=9>h</th></tr></table>',
         '<table><tbody><tr><th align="center">h</th></tr></tbody></table>'),
        ("<p>a</p><hr><p>b</p>", "<p>a</p><hr><p>b</p>"),
    ],
)  # fmt: skip
def test_blocks(html: str, expected: str) -> None:
    assert clean(html) == expected


def test_word_list_markers_decide_ordered_lists_and_their_start() -> None:
    item = (
        "<p style='mso-list:l0 level{level} lfo1'><span style='mso-list:Ignore'>{marker}"
        "<span>&nbsp;&nbsp;</span></span>{text}</p>"
    )
    html = "".join(
        item.format(level=level, marker=marker, text=text)
        for level, marker, text in [(1, "3.", "c"), (1, "4.", "d"), (2, "①", "i"), (2, "②", "ii")]
    )
    assert clean(html) == '<ol start="3"><li>c</li><li>d<ol><li>i</li><li>ii</li></ol></li></ol>'


# --- links, images and safety ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ('<p><a href="javascript:alert(1)">x</a></p>', "<p>x</p>"),
        ('<p><a href="#section">x</a><a name="anchor">y</a></p>', "<p>xy</p>"),
        ('<p><a href="//evil.example/x">x</a></p>', '<p><a href="https://evil.example/x">x</a></p>'),
        ('<p><a href="/\\evil.example">x</a></p>', "<p><a>x</a></p>"),
        ('<p><a href="https://e.com/" title="T" target=_blank rel=x>x</a></p>',
         '<p><a href="https://e.com/" title="T">x</a></p>'),
        ('<p><img src="https://e.com/a.jpg" alt="A" title="T" width=600 onerror="x()"></p>',
         '<p><img src="https://e.com/a.jpg" alt="A" title="T"></p>'),
        ('<p>x<img src="data:image/png;base64,AAAA"><img src="file:///C:/a.png"><img></p>',
         "<p>x</p>"),
        ("<p>x<svg><script>alert(1)</script></svg><iframe src=x></iframe></p>", "<p>x</p>"),
        ('<p onclick="x()" id="a" class="b" style="color:red">x</p>', "<p>x</p>"),
        ("<p>x<!-- comment --><!--[if gte mso 9]><xml>junk</xml><![endif]--></p>", "<p>x</p>"),
        ("<p>x<span hidden>h</span><span style='display: none'>n</span></p>", "<p>x</p>"),
        ("<p>x<noscript>enable js</noscript><button>Share</button></p>", "<p>x</p>"),
    ],
)  # fmt: skip
def test_links_images_and_unsafe_markup(html: str, expected: str) -> None:
    assert clean(html) == expected


@pytest.mark.parametrize(
    "image",
    [
        '<img src="https://e.com/a.gif" width="1" height="1">',
        '<img src="https://e.com/a.gif" style="width:1px;height:1px">',
        '<img src="https://e.com/a.gif" width="0" height="0">',
        '<img src="https://www.facebook.com/tr?id=1&ev=PageView">',
        '<img src="https://stats.g.doubleclick.net/x.gif">',
        '<img src="https://e.com/pixel.gif?u=1">',
        '<img src="https://e.com/b/ss/suite/1/x">',
    ],
)
def test_tracking_images_are_dropped(image: str) -> None:
    assert clean(f"<p>text{image}</p>") == "<p>text</p>"


def test_ordinary_images_with_tracking_words_are_kept() -> None:
    html = '<p><img src="https://e.com/analytics-team.jpg" alt="팀" width="640"></p>'
    assert clean(html) == '<p><img src="https://e.com/analytics-team.jpg" alt="팀"></p>'


# --- odd input -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "html", ["", "   ", "<!-- only a comment -->", "<!DOCTYPE html>", "\x00\x01"]
)
def test_empty_input_gives_empty_output(html: str) -> None:
    assert clean(html) == ""


def test_text_escapes_survive_as_text() -> None:
    assert clean("<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 5 &gt; 3</p>") == (
        "<p>&lt;script&gt;alert(1)&lt;/script&gt; &amp; 5 &gt; 3</p>"
    )


def test_xhtml_with_an_xml_declaration() -> None:
    html = '<?xml version="1.0" encoding="utf-8"?><html><body><p>한글</p></body></html>'
    assert clean(html) == "<p>한글</p>"


def test_deep_nesting_does_not_overflow() -> None:
    # No recursion in the passes; libxml2 itself stops nesting at 2,048 levels.
    html = "<div>" * 2000 + "<p>deep</p>" + "</div>" * 2000
    assert clean(html) == "<p>deep</p>"


def test_large_paste_stays_intact() -> None:
    paragraph = (
        '<p class="MsoNormal"><span style="font-weight:700">굵게</span> 본문 문장입니다.'
        "<o:p></o:p></p>"
    )
    html = clean(paragraph * 20_000)
    assert html.count("<p><strong>굵게</strong> 본문 문장입니다.</p>") == 20_000


def test_cleaning_twice_changes_nothing() -> None:
    for fixture in PASTE.glob("*.html"):
        once = clean(fixture.read_text(encoding="utf-8"))
        assert clean(once) == once, fixture.name
