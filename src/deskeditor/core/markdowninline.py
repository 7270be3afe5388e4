"""Inline Markdown for marked runs: escaping, emphasis delimiters, links, code and breaks."""

from __future__ import annotations

import re
from functools import cache, lru_cache

from deskeditor.core.markdownblocks import LINE_BREAK, PLAIN, Marks, Run
from deskeditor.core.markdownescape import (
    code_span,
    escape_line_start,
    escape_text,
    image_markdown,
    link_target,
    protect_edges,
)
from deskeditor.core.markdowntidy import tidy_runs

Token = str | tuple[str, str, str]  # a mark name, or ("link", href, title)

# What <url> may hold: Python-Markdown's autolink runs after backticks, escapes and
# links, so a URL with `, \, [ or ] (or &, decoded as an entity) is written [url](url).
_AUTOLINK = re.compile(r"(?:https?|ftp)://[A-Za-z0-9\-._~:/?#@!$'()*+,;=%]+\Z")
_TAGS = {"underline": "u", "sub": "sub", "sup": "sup"}  # marks only HTML can say
_EMPHASIS = {"bold": ("strong", "**"), "italic": ("em", "*"), "strike": ("del", "~~")}
DELIMITER = "\0"  # stands for a neighbouring delimiter not yet chosen


# Spans ------------------------------------------------------------------------------------


@cache
def _tokens(marks: Marks) -> tuple[Token, ...]:
    """Mark tokens in nesting preference: links outside, code always innermost."""
    tokens: list[Token] = []
    if marks.href is not None:
        tokens.append(("link", marks.href, marks.title))
    for name in ("underline", "sub", "sup", "strike", "bold", "italic", "code"):
        if getattr(marks, name):
            tokens.append(name)
    return tuple(tokens)


@lru_cache(maxsize=4096)  # one entry per distinct marks, links included
def _lone_token(marks: Marks) -> Token | None:
    """The one mark of a run that _lone_span can write: not an image, not an HTML-only mark."""
    tokens = _tokens(marks)
    if marks.image or len(tokens) != 1 or tokens[0] in _TAGS:
        return None
    return tokens[0]


def _char_class(char: str) -> str:
    """CommonMark's view of a delimiter's neighbour: space, punctuation or other."""
    if not char or char.isspace():
        return "space"
    return "other" if char.isalnum() else "punct"


class _Span:
    """An open mark while a line is written; its delimiters are chosen when it closes."""

    __slots__ = ("after_closer", "before", "index", "inside_emphasis", "token")

    def __init__(self, token: Token, index: int, before: str, after_closer: str) -> None:
        self.inside_emphasis = False
        self.token = token
        self.index = index  # position of the opener placeholder in the output list
        self.before = before  # the character just before the opener ("\0" for a delimiter)
        self.after_closer = after_closer  # the closer the opener directly follows, if any


def _is_autolink(line: list[Run], n: int) -> bool:
    """A whole link whose text is its plain address: written <https://…>."""
    text, marks = line[n]
    if marks.href != text or marks != Marks(href=text) or not _AUTOLINK.match(text):
        return False
    before = line[n - 1][1].href if n else None
    after = line[n + 1][1].href if n + 1 < len(line) else None
    return text not in (before, after)


def inline_markdown(runs: list[Run], *, context: str = "text") -> str:
    """Inline Markdown for runs; context is "text", "heading" or "cell".

    Hard breaks are "  \\n" in text (the next line escaped like a line start) and <br>
    in headings and cells, where a line cannot end; marks continue across them.
    Results are remembered: between two saves most paragraphs have not changed.
    """
    return _inline(tuple(runs), context)


@lru_cache(maxsize=8192)
def _inline(runs: tuple[Run, ...], context: str) -> str:
    line = tidy_runs(runs)
    if not line:
        return ""
    if len(line) == 1 and line[0][1] == PLAIN and line[0][0] != LINE_BREAK:
        result = escape_text(line[0][0], in_cell=context == "cell")  # the common plain line
    else:
        result = _spans(line, context)
    if context == "heading" and result.endswith("#"):
        result = result[:-1] + "\\#"  # trailing hashes close an ATX heading
    if context != "text":
        return protect_edges(result)
    if "\n" not in result:  # no hard break: one line, the usual paragraph
        return escape_line_start(protect_edges(result))
    lines = result.split("\n")
    for n, text in enumerate(lines):
        last = n == len(lines) - 1
        body = protect_edges(text if last else text[:-2])  # "  " ends every line but the last
        lines[n] = escape_line_start(body) + ("" if last else "  ")
    return "\n".join(lines)


def _piece(line: list[Run], n: int, context: str) -> Run:
    """The Markdown of run n's own text, and the marks it is written with."""
    text, marks = line[n]
    if text == LINE_BREAK:
        # A Markdown line break needs text before it on its line and after it.
        followed = 0 < n < len(line) - 1 and line[n + 1][0] != LINE_BREAK
        return ("  \n" if context == "text" and followed else "<br>"), marks
    if marks.image:
        return image_markdown(*marks.image), marks
    if marks.code:
        return code_span(text), marks
    if marks.href is not None and _is_autolink(line, n):
        return f"<{text}>", PLAIN
    in_cell = context == "cell"
    return escape_text(
        text, in_link=marks.href is not None, in_cell=in_cell, in_strike=marks.strike
    ), marks


def _spans(line: list[Run], context: str) -> str:
    in_cell = context == "cell"
    out: list[str] = []
    stack: list[_Span] = []
    closers: set[int] = set()  # indices in out of closing delimiters
    count = len(line)
    ahead: Run | None = None  # the next run's piece, when _lone_span needed it already
    for n, (text, marks) in enumerate(line):
        if ahead is not None:
            (piece, marks), ahead = ahead, None
        elif marks == PLAIN and text != LINE_BREAK:  # what _piece gives, without the call
            piece = escape_text(text, in_cell=in_cell)
        elif (
            not stack
            and marks != PLAIN
            and (token := _lone_token(marks)) is not None
            and text != LINE_BREAK
            and (n + 1 == count or line[n + 1][1] == PLAIN)
            and not (isinstance(token, tuple) and _is_autolink(line, n))
        ):
            # The usual bold word or link: one mark between unmarked runs, written directly.
            ahead = _piece(line, n + 1, context) if n + 1 < count else None
            _lone_span(out, closers, text, token, ahead[0][:1] if ahead else "", context)
            continue
        else:
            piece, marks = _piece(line, n, context)
        if not stack and marks == PLAIN:  # plain text between spans: nothing to open or close
            out.append(piece)
            continue
        wanted = _tokens(marks)
        open_tokens = [span.token for span in stack]
        opening = [t for t in wanted if t not in open_tokens]
        keep = 0
        for span in stack:
            if span.token not in wanted or (span.token == "code" and opening):
                break  # nothing nests inside a code span: close it and open again
            keep += 1
        while len(stack) > keep:
            span = stack.pop()
            after = DELIMITER if len(stack) > keep or opening else piece[:1]
            _close(out, span, after, closers)
        if keep < len(open_tokens):
            opening = [t for t in wanted if t not in open_tokens[:keep]]
        if len(opening) > 1:
            opening.sort(key=lambda t: (t == "code", -_reach(line, n, t)))
        for token in opening:
            before = _before(stack, out)
            if isinstance(token, tuple) and _ends_with_bang(out):
                out[-1] = out[-1][:-1] + "\\!"  # "![" would start an image
            previous = _last_piece(out)
            span = _Span(token, len(out), before, out[previous] if previous in closers else "")
            # Link text is parsed on its own, so only emphasis opened inside the link counts.
            for outer in reversed(stack):
                if outer.token in ("bold", "italic") or isinstance(outer.token, tuple):
                    span.inside_emphasis = not isinstance(outer.token, tuple)
                    break
            stack.append(span)
            out.append("")
        out.append(piece)
    while stack:
        _close(out, stack.pop(), "", closers)
    return "".join(out)


def _lone_span(
    out: list[str], closers: set[int], text: str, token: Token, after: str, context: str
) -> None:
    """What _spans writes for a run with one mark whose neighbours have none, found faster.

    The opener follows a piece of plain text (or the line's start) and the closer comes
    before one (or the line's end), so no delimiter is glued to another and none is
    inside emphasis: of _close's checks only the characters around the span remain.
    """
    in_cell = context == "cell"
    if token == "code":
        out += ["", code_span(text)]  # as _spans leaves it: an empty opener placeholder
        return
    if isinstance(token, tuple):
        piece = escape_text(text, in_link=True, in_cell=in_cell)
        if _ends_with_bang(out):
            out[-1] = out[-1][:-1] + "\\!"  # "![" would start an image
        out += ["[", piece, "]" + link_target(token[1], token[2])]
        return
    piece = escape_text(text, in_cell=in_cell, in_strike=token == "strike")
    before = out[-1][-1] if out else ""  # the last piece is never empty
    first, last = piece[0], piece[-1]
    tag, delimiter = _EMPHASIS[token]
    # _close's character classes, spelt out: a space never counts as a letter or digit.
    if token == "strike":
        usable = first.isalnum() and last.isalnum() and "~" not in (before, after)
    else:
        usable = not (first.isspace() or last.isspace()) and not (
            token == "italic" and before == after == "*"
        )
    if usable:
        out += [delimiter, piece, delimiter]
    else:
        out += [f"<{tag}>", piece, f"</{tag}>"]
    closers.add(len(out) - 1)


def _ends_with_bang(out: list[str]) -> bool:
    last = out[-1] if out else ""
    body = last[:-1]
    return last.endswith("!") and (len(body) - len(body.rstrip("\\"))) % 2 == 0


def _reach(line: list[Run], n: int, token: Token) -> int:
    """How many characters a mark keeps going from run n: longer spans open first."""
    total = 0
    for text, marks in line[n:]:
        if token not in _tokens(marks):
            break
        total += len(text)
    return total


def _last_piece(out: list[str]) -> int:
    for n in range(len(out) - 1, -1, -1):
        if out[n]:
            return n
    return -1


def _before(stack: list[_Span], out: list[str]) -> str:
    """What precedes a new opener as the * processor will see it."""
    if stack and stack[-1].index == len(out) - 1:
        token = stack[-1].token
        if isinstance(token, tuple):
            return ""  # the start of a link text
        if token in _TAGS:
            return ">"
        return DELIMITER if token in ("bold", "italic") else "~"
    return _last(out)


def _last(out: list[str]) -> str:
    for piece in reversed(out):
        if piece:
            return piece[-1]
    return ""


def _close(out: list[str], span: _Span, after: str, closers: set[int]) -> None:
    """Write the delimiters of a finished span, falling back to HTML tags where needed."""
    token = span.token
    if isinstance(token, tuple):
        out[span.index] = "["
        out.append("]" + link_target(token[1], token[2]))
        return
    if token == "code":
        return  # the run was written as a whole code span already
    if token in _TAGS:
        out[span.index] = f"<{_TAGS[token]}>"
        out.append(f"</{_TAGS[token]}>")
        return
    pieces = [piece for piece in out[span.index + 1 :] if piece]
    inner_first, inner_last = (pieces[0][0], pieces[-1][-1]) if pieces else ("", "")
    first, last = _char_class(inner_first), _char_class(inner_last)
    tag, delimiter = _EMPHASIS[token]
    # Delimiters need a non-space inside and must not run into a delimiter closed just before.
    usable = (
        pieces and "space" not in (first, last) and not span.after_closer.endswith(delimiter[0])
    )
    if token == "strike":
        # pymdownx.tilde runs apart from the * processor with CommonMark's punctuation rules;
        # ~~ is only reliable around letters and digits.
        usable = usable and first == last == "other" and "~" not in (span.before, after)
    elif token == "italic" and span.before == after == "*":
        usable = False  # ***x*** is read as strong around em whatever the nesting
    elif out[span.index + 1 : span.index + 2] in (["*"], ["**"]) and _delimiters(out, span) > 2:
        # "***" opening more than one inner span: Python-Markdown pairs the stars wrongly.
        usable = False
    elif span.inside_emphasis and span.before not in ("", DELIMITER) and not span.before.isspace():
        # Glued to the text before it, an inner ** could also close the outer span.
        usable = False
    if usable:
        out[span.index] = delimiter
        out.append(delimiter)
    else:
        out[span.index] = f"<{tag}>"
        out.append(f"</{tag}>")
    closers.add(len(out) - 1)


def _delimiters(out: list[str], span: _Span) -> int:
    return sum(piece in ("*", "**") for piece in out[span.index + 1 :])
