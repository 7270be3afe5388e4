"""HTML read into Blocks: containers, marks, whitespace, and what never arrives."""

from __future__ import annotations

from deskeditor.core.htmlreader import html_to_blocks, safe_href
from deskeditor.core.markdownblocks import LINE_BREAK, OBJECT_CHAR, PLAIN, Block, Kind, Marks


def places(blocks: list[Block]) -> list[tuple[str, int, int, int]]:
    return [
        ("".join(text for text, _ in block.runs) or block.kind.value, block.quote, block.depth,
         block.inner_quote)
        for block in blocks
    ]  # fmt: skip


def test_whitespace_collapses_as_a_browser_does() -> None:
    blocks = html_to_blocks("<p>  a \n <b> b </b>  c<br>\n  d </p><p>\u00a0 x\u3000</p>")
    assert [(text, marks.bold) for text, marks in blocks[0].runs] == [
        ("a ", False),
        ("b ", True),
        (f"c{LINE_BREAK}d", False),
    ]
    assert blocks[1].runs == [("\u00a0 x\u3000", PLAIN)]  # only HTML's own spaces collapse


def test_a_break_keeps_the_marks_around_it() -> None:
    (block,) = html_to_blocks("<p><strong>a<br>b</strong></p>")
    assert block.runs == [(f"a{LINE_BREAK}b", Marks(bold=True))]


def test_quotes_outside_and_inside_list_items() -> None:
    html = (
        "<blockquote><p>q</p><ul><li><p>item</p><blockquote><p>inner</p></blockquote>"
        "<pre><code>code\n</code></pre></li></ul></blockquote><p>out</p>"
    )
    assert places(html_to_blocks(html)) == [
        ("q", 1, 0, 0),
        ("item", 1, 0, 0),
        ("inner", 1, 1, 1),
        ("code", 1, 1, 0),
        ("out", 0, 0, 0),
    ]


def test_loose_items_are_those_whose_text_is_a_paragraph() -> None:
    blocks = html_to_blocks("<ul><li>tight</li><li>\n<p>loose</p>\n<p>more</p></li></ul>")
    assert [(block.list_key is not None, block.loose, block.depth) for block in blocks] == [
        (True, False, 0),
        (True, True, 0),
        (False, False, 1),
    ]


def test_lists_get_keys_numbers_and_starts() -> None:
    html = '<ol start="7"><li>a</li><li>b<ul><li>c</li></ul></li></ol><ul><li>d</li></ul>'
    blocks = html_to_blocks(html)
    assert [(b.list_key, b.ordered, b.number, b.depth) for b in blocks] == [
        (1, True, 7, 0),
        (1, True, 8, 0),
        (2, False, 1, 1),
        (3, False, 1, 0),
    ]


def test_marks_from_tags_and_from_word_processor_styles() -> None:
    html = (
        "<p><u>u</u><ins>i</ins><sub>2</sub><sup>3</sup><s>s</s><kbd>k</kbd>"
        '<span style="font-weight:700">b</span><b style="font-weight:normal">n</b>'
        '<span style="font-style:italic">it</span><span style="text-decoration:line-through">'
        "x</span></p>"
    )
    runs = html_to_blocks(html)[0].runs
    assert runs == [
        ("ui", Marks(underline=True)),
        ("2", Marks(sub=True)),
        ("3", Marks(sup=True)),
        ("s", Marks(strike=True)),
        ("k", Marks(code=True)),
        ("b", Marks(bold=True)),
        ("n", PLAIN),
        ("it", Marks(italic=True)),
        ("x", Marks(strike=True)),
    ]


def test_links_images_and_unsafe_targets() -> None:
    html = (
        '<p><a href="https://x.org" title="T">x</a> <a href="javascript:alert(1)">bad</a> '
        '<img src="https://x.org/p.png" alt="A" title="I"><img src="data:image/png;base64,xx">'
        "</p>"
    )
    runs = html_to_blocks(html)[0].runs
    assert runs[0] == ("x", Marks(href="https://x.org", title="T"))
    assert runs[1] == (" bad ", PLAIN)
    assert runs[2] == (OBJECT_CHAR, Marks(image=("https://x.org/p.png", "A", "I")))
    assert len(runs) == 3
    assert html_to_blocks('<p><img src="https://x.org/p.png"></p>', images=False) == []
    assert safe_href(" /relative ") == "/relative"
    assert safe_href("vbscript:x") is None


def test_tables_keep_alignment_and_flatten_what_a_cell_cannot_hold() -> None:
    html = (
        '<table><tr><th style="text-align:right">h</th><th align="center">g</th></tr>'
        "<tr><td><p>a</p><p>b</p></td><td><table><tr><td>nested</td></tr></table></td></tr>"
        "</table>"
    )
    (table,) = html_to_blocks(html)
    assert table.kind is Kind.TABLE
    assert table.aligns == ["right", "center"]
    assert table.rows[1] == [[(f"a{LINE_BREAK}b", PLAIN)], [("nested", PLAIN)]]


def test_a_header_only_table_loses_the_empty_row_python_markdown_adds() -> None:
    (table,) = html_to_blocks("<table><tr><th>h</th></tr><tr><td></td></tr></table>")
    assert table.rows == [[[("h", PLAIN)]]]


def test_code_keeps_its_language_and_every_space() -> None:
    (code,) = html_to_blocks('<pre><code class="language-py">  a\n\tb\n</code></pre>')
    assert (code.kind, code.language, code.code) == (Kind.CODE, "py", "  a\n\tb")


def test_pasted_pages_bring_no_scripts_styles_or_head() -> None:
    html = (
        "<html><head><title>t</title><style>p{}</style></head><body><script>x()</script>"
        "<nav><p>menu</p></nav><p>text<button>share</button></p></body></html>"
    )
    assert [block.runs for block in html_to_blocks(html)] == [
        [("menu", PLAIN)],
        [("text", PLAIN)],
    ]


def test_an_unclosed_head_ends_where_the_body_starts() -> None:
    blocks = html_to_blocks('<meta charset="utf-8"><head><xml>x</xml><p>body</p>')
    assert blocks[0].runs == [("body", PLAIN)]


def test_headings_in_items_and_rules() -> None:
    blocks = html_to_blocks("<ul><li><h2>h</h2></li></ul><hr><blockquote><hr></blockquote>")
    assert (blocks[0].heading, blocks[0].list_key) == (2, 1)
    assert [(b.kind, b.quote) for b in blocks[1:]] == [(Kind.RULE, 0), (Kind.RULE, 1)]
