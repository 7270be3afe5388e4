"""The HTML allow-list applied to every body before it is shown or exported."""

from __future__ import annotations

import nh3

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "figcaption", "figure", "h1",
        "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "strong",
        "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
    }
)
ALLOWED_ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "ol": {"start"},
    "td": {"align", "style"},
    "th": {"align", "style"},
    "code": {"class"},
}
# Only schemes a news page needs; javascript:, vbscript: and data: links are dropped.
ALLOWED_URL_SCHEMES: frozenset[str] = frozenset({"http", "https", "mailto", "tel", "asset"})


def sanitize_html(html: str) -> str:
    """Remove everything not on the allow-list: scripts, handlers, frames, unsafe URLs."""
    return str(
        nh3.clean(
            html,
            tags=set(ALLOWED_TAGS),
            attributes=ALLOWED_ATTRIBUTES,
            url_schemes=set(ALLOWED_URL_SCHEMES),
            link_rel=None,
            filter_style_properties={"text-align"},
            strip_comments=True,
        )
    )
