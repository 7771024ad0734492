"""HTML pages: their markup rendered as the lines the pipeline reads, and what the markup says beside the text
(title, publication date, language, menus, contact links) as `Hints`.

One walk of the parsed tree (selectolax's Lexbor parser: see the README's dependencies) renders the text and
reads the signals: block elements, list items, table cells and line breaks end a line, inline elements join
theirs; scripts, styles, forms' option lists and hidden elements give no text. Each block becomes a paragraph
of its own (a blank line between blocks), as the pipeline reads paragraphs of plain text."""

from __future__ import annotations

import json
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterator

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ..steps.page import Hints

# Elements whose content is never page text (a form's option list is a menu of values, not prose).
_DROPPED = frozenset(("script", "style", "noscript", "template", "svg", "math", "select", "datalist", "iframe",
                      "object", "canvas", "button", "input", "textarea", "head", "-comment"))
# Elements that stand on lines of their own.
_BLOCKS = frozenset((
    "address", "article", "aside", "blockquote", "body", "caption", "center", "dd", "details", "dialog", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hgroup", "hr", "li", "main", "menu", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
    "tfoot", "th", "thead", "tr", "ul", "legend", "html",
))
_LISTS = frozenset(("ul", "ol", "menu"))
# Landmark roles of the page's furniture.
_FURNITURE_ROLES = frozenset(("navigation", "banner", "contentinfo", "complementary", "menu", "menubar"))
# Elements that are furniture wherever they stand (a <header> or <footer> only outside the article: there it
# holds the article's title, date and byline).
_FURNITURE_TAGS = {"nav": "<nav>", "aside": "<aside>", "figcaption": "<figcaption>"}
_PAGE_LEVEL_TAGS = {"header": "<header>", "footer": "<footer>"}
_ARTICLE_TAGS = frozenset(("article", "main"))
# A comment section, told by its id or class ("comments", "comment-list", "disqus_thread"), and a block of related
# stories ("related-posts"). (Share bars, newsletter boxes and breadcrumbs told the same way were measured: their
# names wrap articles too often.)
_COMMENTS = re.compile(r"(?:^|[\s_-])(?:comments?|disqus)(?:$|[\s_-])", re.IGNORECASE)
_RELATED = re.compile(r"(?:^|[\s_-])related(?:$|[\s_-])", re.IGNORECASE)
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# A list is a menu when it has MENU_MIN_ITEMS items or more, at most MENU_LINKS_PER_ITEM links an item, and its
# links hold at least _LINK_TEXT_SHARE of its text.
MENU_MIN_ITEMS = 3
MENU_LINKS_PER_ITEM = 1.5
_LINK_TEXT_SHARE = 0.8

# Where the title of the page is told, the most trusted first.
_TITLE_METAS = ("og:title", "twitter:title")
# Where the publication date is told, the most trusted first: JSON-LD, then metas, then a <time> element.
_DATE_METAS = (
    "article:published_time", "og:article:published_time", "datepublished", "date", "pubdate", "publishdate",
    "publish-date", "publish_date", "dc.date", "dc.date.issued", "dcterms.date", "dcterms.created",
    "dcterms.issued", "sailthru.date", "parsely-pub-date", "article.published", "published_time",
)
_ISO_DAY = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
# What separates the parts of a <title> ("Headline | Site", "Site - Headline").
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-–—·•:»«]|::)\s+")
_PHONE_CHARS = re.compile(r"[^\d+]")
MIN_PHONE_DIGITS = 6
# A line is scored as a paragraph of the article (see _Rendering) from this length in a paragraph element, from
# MIN_TEXT_BLOCK_CHARS in another block (a <div> of text), never in these (list items and cells are menus and
# tables as often as text, headings and captions are no paragraphs).
MIN_PARAGRAPH_CHARS = 25
MIN_TEXT_BLOCK_CHARS = 200
_PARAGRAPH_CHARS = {"p": MIN_PARAGRAPH_CHARS, "pre": MIN_PARAGRAPH_CHARS, "blockquote": MIN_PARAGRAPH_CHARS} | {
    tag: 0 for tag in ("li", "td", "th", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6", "caption", "figcaption")
}
# What a paragraph weighs for the block above the one holding it, and the next (times this again): a block that
# holds several wrapped paragraphs outweighs each wrapper (measured on the article-extraction benchmark).
ABOVE_WEIGHT = 0.8
# The article's element is widened to the block above it while that holds at most this much more paragraph text.
WIDEN_SHARE = 1.0
# The elements that may say something beside the text: metas, links, JSON-LD, the title, first-level headings,
# publication times, contact links, and hidden elements (see _signal_nodes).
_SIGNAL_SELECTOR = ", ".join((
    "meta", "link[rel]", 'script[type="application/ld+json"]', "title", "h1", "time[datetime]",
    'a[href^="mailto:" i]', 'a[href^="tel:" i]', 'a[href^="callto:" i]',
    "[hidden]", '[aria-hidden="true" i]', '[style*="none" i]', '[style*="hidden" i]',
))
_CONTACT_SCHEMES = ("mailto:", "tel:", "callto:")
# The elements that may be furniture (each then judged by _furniture_signal), and the one that schema.org's
# microdata names the article's body (itemprop="articleBody", as news and press-release CMSs write it).
_FURNITURE_SELECTOR = (
    "nav, aside, figcaption, header, footer, form, ul, ol, menu, [role], [id*=comment i], [class*=comment i], "
    "[id*=disqus i], [class*=related i], [id*=related i], [itemprop~=articleBody i]"
)
# A form holding one of these wraps the page (as some site builders do), not a search, sign-up or comment form.
_PAGE_FORM_CONTENT = "article, main, h1"
_ARTICLE_BODY = "articlebody"  # the itemprop value, in lower case
# What the walk's stack holds where a link ends; a line that is a web address is text, even as a link's.
_LINK_END = "</a>"
_WEB_ADDRESS = re.compile(r"(?:https?://|www\.)\S+$", re.IGNORECASE)


@dataclass(frozen=True)
class Rendered:
    text: str  # one line per block of text, a blank line between blocks
    url: str | None  # the canonical link, else og:url
    hints: Hints


def render(markup: str) -> Rendered:
    """The page's text as lines, its URL and its hints."""
    tree = LexborHTMLParser(markup)
    marked = _signal_nodes(tree)
    metas = _metas(marked)  # before the scripts go: JSON-LD is one
    signals = _body_signals(marked)
    _drop_unseen(tree, marked)
    root = tree.body or tree.root
    rendering = _render_lines(root, *_marked_blocks(tree)) if root is not None else _Rendering({}, None)
    html = tree.root
    hints = Hints(
        titles=_titles(signals, metas),
        date=_date(metas, signals),
        language=_language(html.attributes.get("lang") if html is not None else None),
        furniture=rendering.marked,
        content=rendering.content(),
        links=frozenset(rendering.links),
        emails=signals.emails,
        phones=signals.phones,
    )
    url = metas.get("canonical") or metas.get("og:url") or None
    return Rendered("\n\n".join(rendering.lines), url, hints)


@dataclass(frozen=True)
class _Signals:
    """What the body's markup says: its first-level headings (the article's apart), the datetime of its <time>
    elements (the article's first), its mailto: and tel: link targets."""

    h1_in_article: list[str]
    h1: list[str]
    times: list[str]
    emails: tuple[str, ...]
    phones: tuple[str, ...]


def _signal_nodes(tree: LexborHTMLParser) -> list[LexborNode]:
    """The elements that may say something beside the text (_SIGNAL_SELECTOR), each once, in document order:
    one query, as each query walks the whole tree."""
    nodes: list[LexborNode] = []
    seen: set[int] = set()
    for node in tree.css(_SIGNAL_SELECTOR):
        if node.mem_id not in seen:  # a node matching two selectors is given twice
            seen.add(node.mem_id)
            nodes.append(node)
    return nodes


def _body_signals(marked: list[LexborNode]) -> _Signals:
    """The signals of the body among the `marked` nodes (see _Signals)."""
    headings = [node for node in marked if node.tag == "h1"]
    times = [node for node in marked if node.tag == "time" and "datetime" in node.attributes]
    in_article = [_words(h.text(separator=" ")) for h in headings if _in_article(h)]
    datetimes = [t.attributes.get("datetime") or "" for t in times if _in_article(t)]
    datetimes += [t.attributes.get("datetime") or "" for t in times]
    emails, phones = [], []
    for link in marked:
        href = (link.attributes.get("href") or "") if link.tag == "a" else ""
        if not href.lower().startswith(_CONTACT_SCHEMES):
            continue
        scheme, _, target = href.strip().partition(":")
        if scheme.lower() == "mailto":
            address = target.split("?")[0].strip().lower()
            if "@" in address:
                emails.append(address)
        elif sum(c.isdigit() for c in target) >= MIN_PHONE_DIGITS:
            phones.append(_PHONE_CHARS.sub("", target))
    return _Signals(
        h1_in_article=[h for h in in_article if h],
        h1=[h for h in (_words(h.text(separator=" ")) for h in headings) if h],
        times=datetimes,
        emails=tuple(dict.fromkeys(emails)),
        phones=tuple(dict.fromkeys(phones)),
    )


def _words(text: str) -> str:
    return " ".join(text.split())


def _drop_unseen(tree: LexborHTMLParser, marked: list[LexborNode]) -> None:
    """Remove what a reader never sees: hidden elements (among the `marked` nodes), then scripts, styles,
    option lists (_DROPPED)."""
    hidden = [node for node in marked if _hidden(node.attributes)]
    for node in reversed(hidden):  # the innermost first: a node inside a removed one is never touched again
        node.decompose()
    tree.strip_tags(list(_DROPPED))


def _hidden(attributes: dict[str, str | None]) -> bool:
    """Hidden from readers: the `hidden` attribute, aria-hidden="true", or an inline display:none."""
    if "hidden" in attributes or (attributes.get("aria-hidden") or "").lower() == "true":
        return True
    return _HIDDEN_STYLE.search(attributes.get("style") or "") is not None


def _marked_blocks(tree: LexborHTMLParser) -> tuple[dict[int, str], int | None]:
    """The elements that are the page's furniture, by their node's memory id, with the signal that says so; and
    the id of the element the microdata names the article's body (furniture never is), None unless exactly one
    is named (two are a teaser's and the article's, or two articles: the text's weight then decides)."""
    found: dict[int, str] = {}
    bodies: list[int] = []
    for node in tree.css(_FURNITURE_SELECTOR):
        signal = _furniture_signal(node)
        if signal:
            found[node.mem_id] = signal
        elif _ARTICLE_BODY in (node.attributes.get("itemprop") or "").lower().split():
            bodies.append(node.mem_id)
    return found, bodies[0] if len(bodies) == 1 else None


def _furniture_signal(node: LexborNode) -> str:
    """The signal making an element the page's furniture, or ""."""
    tag = node.tag
    if tag in _FURNITURE_TAGS:
        return _FURNITURE_TAGS[tag]
    if tag in _PAGE_LEVEL_TAGS:
        return "" if _in_article(node) else _PAGE_LEVEL_TAGS[tag]
    if tag in _LISTS:
        return "menu-like list" if _is_menu(node) else ""
    if tag == "form":
        return "" if node.css_first(_PAGE_FORM_CONTENT) is not None else "<form>"
    attributes = node.attributes
    role = (attributes.get("role") or "").lower()
    if role in _FURNITURE_ROLES:
        return f'role="{role}"'
    names = f'{attributes.get("id") or ""} {attributes.get("class") or ""}'
    if _COMMENTS.search(names):
        return "comment section"
    if _RELATED.search(names):
        return "related stories"
    return ""


def _in_article(node: LexborNode) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in _ARTICLE_TAGS or (parent.attributes.get("role") or "") == "main":
            return True
        parent = parent.parent
    return False


class _Rendering:
    """The walk's state: the lines so far, the furniture signal of the lines rendered inside furniture and, to
    find the article's element, the weight of text in each block. A line of text scores for the block holding
    its own block (in full) and the two above (each at ABOVE_WEIGHT of the one below): the block whose
    paragraphs weigh most holds the article, unless the microdata names its body. Blocks are known by their
    node's memory id."""

    def __init__(self, furniture: dict[int, str], article_body: int | None) -> None:
        self.furniture_of = furniture  # furniture elements by id, with their signal
        self.article_body = article_body  # the element the microdata names the article's body, by id
        self.lines: list[str] = []
        self.marked: dict[int, str] = {}  # line number -> furniture signal
        self.parts: list[str] = []  # the words of the line being gathered
        self.signal = ""  # the furniture signal of the element being walked, "" in content
        self.pre = 0  # depth of <pre> elements: their line breaks are kept
        self.link = 0  # depth of <a> elements
        self.link_chars = 0  # characters of the line being gathered (as written) that stand in a link
        self.links: list[int] = []  # numbers of the lines mostly of a link's text (see `end_line`)
        # The blocks the walk is in, outermost first (0: the root's place): id, index of their first line, and
        # from which length their own lines count as paragraphs (0: never).
        self.open: list[tuple[int, int, int]] = [(0, 0, 0)]
        self.text_below: list[int] = [0]  # characters of paragraph text below each open block so far
        self.weights: dict[int, float] = {}  # paragraph text scored by each block
        # Of each closed block with paragraph text below it: its enclosing block, how much text, its lines
        # (first index, last index + 1).
        self.parent: dict[int, int] = {}
        self.total: dict[int, int] = {}
        self.spans: dict[int, tuple[int, int]] = {}

    def end_line(self) -> None:
        """The words gathered so far become a line (spaces normalised), noted as furniture inside furniture,
        noted when half of its text or more is a link's (a web address shown as such aside: that is text),
        scored as a paragraph when it is one."""
        gathered = "".join(self.parts)
        text = " ".join(gathered.split())
        self.parts.clear()
        link_chars, self.link_chars = self.link_chars, 0
        if not text:
            return
        self.lines.append(text)
        if link_chars and 2 * link_chars >= len(gathered) and not _WEB_ADDRESS.match(text):
            self.links.append(2 * len(self.lines) - 1)
        if self.signal:
            self.marked[2 * len(self.lines) - 1] = self.signal  # a blank line between lines
        elif 0 < self.open[-1][2] <= len(text):
            weights = self.weights
            weight = float(len(text))
            for holder, _, _ in self.open[-2:-5:-1]:  # the block holding the paragraph's own, and two above
                weights[holder] = weights.get(holder, 0.0) + weight
                weight *= ABOVE_WEIGHT
            self.text_below[-1] += len(text)

    def enter(self, key: int, tag: str) -> None:
        """A block element opens: a line ends; the block may open furniture."""
        if self.parts:
            self.end_line()
        self.open.append((key, len(self.lines), _PARAGRAPH_CHARS.get(tag, MIN_TEXT_BLOCK_CHARS)))
        self.text_below.append(0)
        self.signal = self.signal or self.furniture_of.get(key, "")
        self.pre += tag == "pre"

    def leave(self, signal: str, pre: int) -> None:
        """A block element closes: a line ends, the context it changed comes back."""
        if self.parts:
            self.end_line()
        key, first, _ = self.open.pop()
        below = self.text_below.pop()
        if below or key == self.article_body:  # only such a block can hold the article (see `content`)
            self.text_below[-1] += below
            self.parent[key] = self.open[-1][0]
            self.total[key] = below
            self.spans[key] = (first, len(self.lines))
        self.signal, self.pre = signal, pre

    def content(self) -> tuple[int, int] | None:
        """The first and last line numbers of the article's element: the one the microdata names the article's
        body, else the heaviest block (see `_heaviest_block`); None on a page without either."""
        best = self.article_body if self.article_body in self.spans else self._heaviest_block()
        first, end = self.spans.get(best, (0, 0)) if best is not None else (0, 0)
        return (2 * first + 1, 2 * end - 1) if first < end else None

    def _heaviest_block(self) -> int | None:
        """The block whose paragraphs weigh most, widened to the blocks above it while they hold little more
        paragraph text (a lead or a last paragraph in a wrapper of its own); None on a page without paragraphs."""
        weights = self.weights
        weights.pop(0, None)
        if not weights:
            return None
        best = max(weights, key=weights.__getitem__)
        above = self.parent.get(best, 0)
        while above and self.total.get(above, 0) <= WIDEN_SHARE * self.total.get(best, 0):
            best, above = above, self.parent.get(above, 0)
        return best


def _render_lines(root: LexborNode, furniture: dict[int, str], article_body: int | None) -> _Rendering:
    """The text below `root` as lines, with the furniture signal of each line rendered inside furniture, the
    lines mostly of a link's text and the article's element (line numbers count in the text the lines make, a
    blank line between two). One iterative depth-first walk (deep pages would exhaust Python's recursion): a
    block's end is a tuple on the stack holding the context to restore, a link's end is _LINK_END."""
    rendering = _Rendering(furniture, article_body)
    parts = rendering.parts
    stack: list[Any] = [root]
    while stack:
        node = stack.pop()
        if node.__class__ is tuple:
            rendering.leave(*node)
            continue
        if node is _LINK_END:
            rendering.link -= 1
            continue
        tag = node.tag
        if tag == "-text":
            text = node.text_content or ""
            if rendering.link:
                rendering.link_chars += len(text)
            if rendering.pre and "\n" in text:
                first, *rest = text.split("\n")
                parts.append(first)
                for piece in rest:
                    rendering.end_line()
                    parts.append(piece)
            else:
                parts.append(text)
            continue
        if tag in _BLOCKS:
            stack.append((rendering.signal, rendering.pre))
            rendering.enter(node.mem_id, tag)
        elif tag == "br":
            if parts:
                rendering.end_line()
            continue
        elif not tag or tag[0] == "-":  # a comment, a processing instruction
            continue
        elif tag == "a":
            stack.append(_LINK_END)
            rendering.link += 1
        child = node.last_child
        while child is not None:
            stack.append(child)
            child = child.prev
    if parts:
        rendering.end_line()
    return rendering


def _is_menu(node: LexborNode) -> bool:
    """A list whose items are mostly one link each (a menu, a list of related stories): MENU_MIN_ITEMS items
    or more, hardly more links than items, and its links hold nearly all of its text."""
    items = sum(child.tag == "li" for child in node.iter())
    if items < MENU_MIN_ITEMS:
        return False
    links = node.css("a")
    if not items <= len(links) <= MENU_LINKS_PER_ITEM * items:
        return False
    link_text = sum(len(link.text(strip=True)) for link in links)
    return link_text >= _LINK_TEXT_SHARE * len(node.text(strip=True))


def _metas(marked: list[LexborNode]) -> dict[str, str]:
    """The page's metas by lower-case name or property (the first of each), its canonical link as "canonical",
    the dates of its JSON-LD as "ld:datePublished", and its <title> as "<title>" (from the `marked` nodes)."""
    found: dict[str, str] = {}
    title = None
    for node in marked:
        tag, attributes = node.tag, node.attributes
        if tag == "meta":
            key = attributes.get("property") or attributes.get("name") or attributes.get("itemprop")
            content = attributes.get("content")
            if key and content and content.strip():
                found.setdefault(key.strip().lower(), content.strip())
        elif tag == "link":
            if "canonical" in (attributes.get("rel") or "").lower().split() and attributes.get("href"):
                found.setdefault("canonical", (attributes.get("href") or "").strip())
        elif tag == "script" and (attributes.get("type") or "").lower() == "application/ld+json":
            published = _json_ld_date(node.text())
            if published:
                found.setdefault("ld:datepublished", published)
        elif tag == "title" and title is None:
            title = node
    if title is not None:
        text = " ".join(title.text().split())
        if text:
            found["<title>"] = text
    return found


def _json_ld_date(data: str) -> str:
    """The first datePublished (else dateCreated) of a JSON-LD block, "" when none or the block is broken."""
    try:
        document = json.loads(data)
    except ValueError:
        return ""
    for key in ("datePublished", "dateCreated"):
        value = _find_key(document, key)
        if value:
            return value
    return ""


def _find_key(document: Any, key: str) -> str:
    """The first string value of `key` in nested dicts and lists (a @graph, a list of items)."""
    stack = [document]
    while stack:
        item = stack.pop(0)
        if isinstance(item, dict):
            value = item.get(key)
            if isinstance(value, str) and value.strip():
                return value.strip()
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return ""


def _titles(signals: _Signals, metas: dict[str, str]) -> tuple[tuple[str, str], ...]:
    """Headline candidates with their signals, the one most signals give first (a kicker or a teaser title
    that one signal adds is not what the others say), then in order of trust: the article's <h1>, og:title,
    twitter:title, the <title> without the site's name, another <h1>. A title given by several signals keeps
    the most trusted one's name."""
    found = [pair for pair in _title_signals(signals, metas) if pair[0]]
    votes = Counter(title for title, _ in found)
    first_of: dict[str, tuple[str, str]] = {}
    for title, signal in found:
        first_of.setdefault(title, (title, signal))
    return tuple(sorted(first_of.values(), key=lambda pair: -votes[pair[0]]))  # sorted() keeps ties in order


def _title_signals(signals: _Signals, metas: dict[str, str]) -> list[tuple[str, str]]:
    """(title, signal) from every signal that gives one, in order of trust."""
    found: list[tuple[str, str]] = []
    if signals.h1_in_article:
        found.append((signals.h1_in_article[0], "<h1>"))
    for name in _TITLE_METAS:
        if name in metas:
            found.append((" ".join(metas[name].split()), name))
    if "<title>" in metas:
        found.append((_without_site_name(metas["<title>"], metas.get("og:site_name", "")), "<title>"))
    if not signals.h1_in_article and len(signals.h1) == 1:  # the page's only <h1>, outside an article
        found.append((signals.h1[0], "<h1>"))
    return found


def _without_site_name(title: str, site_name: str) -> str:
    """The <title> without the site's name: of its parts ("Headline | Site", "Section | Site - Headline"), the
    longest that is not the site's name (`og:site_name`, when the page gives it)."""
    parts = [part for part in _TITLE_SEPARATORS.split(title) if part]
    site = site_name.casefold()
    kept = [part for part in parts if not site or part.casefold() not in site]
    return max(kept or parts, key=len) if len(parts) > 1 else title


def _date(metas: dict[str, str], signals: _Signals) -> tuple[str, str] | None:
    """The publication day (YYYY-MM-DD) with its signal: JSON-LD datePublished, a date meta, then <time>."""
    candidates = [(metas.get("ld:datepublished", ""), "JSON-LD datePublished")]
    candidates += [(metas.get(name, ""), name) for name in _DATE_METAS]
    candidates += [(value, "<time datetime>") for value in signals.times[:1]]
    for value, signal in candidates:
        day = _ISO_DAY.match(value.strip())
        if day and 1 <= int(day[2]) <= 12 and 1 <= int(day[3]) <= 31:
            return day[0], signal
    return None


def _language(declared: str | None) -> str | None:
    """The ISO 639-1 part of a declared language ("en-GB" -> "en"), None when it has none."""
    code = (declared or "").strip().lower().replace("_", "-").split("-")[0]
    return code if len(code) == 2 and code.isalpha() else None
