"""HTML fragments (feed entries) to plain text: one line per block, whitespace collapsed."""

from __future__ import annotations

import html
import re

from lxml import etree
from lxml import html as lxml_html

_BLOCKS = frozenset(
    {"p", "div", "br", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr", "table"}
    | {"section", "article", "header", "footer", "figure", "figcaption", "pre", "hr", "dd", "dt", "dl"}
    | {"aside", "main", "nav"}
)
_DROP = ("script", "style", "noscript", "template")
_SPACES = re.compile(r"[ \t\u00a0\u2009\u200b\f\v]+")
_TAG = re.compile(r"<[a-zA-Z!/]")


def html_to_text(fragment: str) -> str:
    """Text of an HTML fragment; a fragment without tags is only unescaped."""
    if not _TAG.search(fragment):
        return _lines(html.unescape(fragment))
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return _lines(html.unescape(re.sub(r"<[^>]+>", " ", fragment)))
    for bad in root.iter(*_DROP):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCKS:
            el.tail = "\n" + (el.tail or "")
            if el.tag.lower() != "br":
                el.text = "\n" + (el.text or "")
    return _lines(root.text_content())


def _lines(text: str) -> str:
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)
