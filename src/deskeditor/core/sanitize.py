"""The HTML allow-list applied to every body before it is shown or exported."""

from __future__ import annotations

import nh3

ALLOWED_TAGS: frozenset[str] = frozenset(
    {
        "a", "abbr", "b", "blockquote", "br", "code", "del", "em", "figcaption", "figure", "h1",
        "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "li", "ol", "p", "pre", "s", "strong",
        "sub", "sup", "table", "tbody", "td", "tfoot", "th", "thead", "tr", "u", "ul",
    }
)  # fmt: skip
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
# Dropped together with their content. Stripping only the tag would turn the raw text
# inside these elements (an iframe's fallback, a noscript block) into visible junk.
REMOVED_WITH_CONTENT: frozenset[str] = frozenset(
    {"script", "style", "iframe", "noscript", "noembed", "noframes", "xmp", "template"}
)
_URL_ATTRIBUTES: frozenset[str] = frozenset({"href", "src"})
# How browsers read a URL: tabs and newlines anywhere are ignored, and so are
# control characters and spaces in front; a backslash counts as a slash.
_URL_IGNORED = str.maketrans("", "", "\t\n\r")
_URL_LEADING = "".join(chr(code) for code in range(0x21))


def _is_scheme_relative(url: str) -> bool:
    """True for "//host/x" and its disguises, which point at another host.

    nh3 passes these as relative URLs; in a page opened from disk they become
    file://host/x, which Windows fetches over SMB: a request leaving the machine.
    """
    normalized = url.translate(_URL_IGNORED).lstrip(_URL_LEADING).replace("\\", "/")
    return normalized.startswith("//")


def _filter_attribute(tag: str, attribute: str, value: str) -> str | None:
    # Must never raise: nh3 reports errors through sys.unraisablehook, not to us.
    if attribute in _URL_ATTRIBUTES and _is_scheme_relative(value):
        return None
    return value


def sanitize_html(html: str) -> str:
    """Remove everything not on the allow-list: scripts, handlers, frames, unsafe URLs."""
    return str(
        nh3.clean(
            html,
            tags=set(ALLOWED_TAGS),
            clean_content_tags=set(REMOVED_WITH_CONTENT),
            attributes=ALLOWED_ATTRIBUTES,
            attribute_filter=_filter_attribute,
            url_schemes=set(ALLOWED_URL_SCHEMES),
            link_rel=None,
            filter_style_properties={"text-align"},
            strip_comments=True,
        )
    )
