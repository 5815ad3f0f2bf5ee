"""Reading a saved web page: article text as plain paragraphs, metadata from <head>, nothing fetched."""

from __future__ import annotations

import copy
import re
from collections import Counter

import lxml.html
from lxml import etree

from ingest.dates import parse_date
from ingest.document import ParsedDocument, RejectedFile
from ingest.encoding import decode_text
from ingest.language import guess_language, normalize_language
from ingest.metadata import Metadata, clean_field, clean_url

# Elements that never hold article text.
_DROP_TAGS = (
    "script", "style", "noscript", "iframe", "frame", "object", "embed", "applet", "nav",
    "header", "footer", "aside", "form", "svg", "math", "template", "button", "select",
    "textarea", "input", "canvas", "audio", "video", "dialog", "head",
)
# class/id words that mark page furniture. Matched as whole words of the attribute
# ("article-share-buttons" has "share"), so "shared-story" or "loading" do not match.
_NOISE_WORDS = frozenset({
    "nav", "navbar", "navigation", "menu", "breadcrumb", "breadcrumbs",
    "comment", "comments", "disqus",
    "ad", "ads", "advert", "adverts", "advertisement", "advertising", "adsbygoogle",
    "sponsored", "promo",
    "share", "sharing", "social",
    "cookie", "cookies", "consent", "gdpr",
    "newsletter", "subscribe", "paywall", "popup", "modal", "sidebar", "related",
})
_NOISE_ROLES = frozenset({"navigation", "banner", "contentinfo", "complementary", "search", "dialog"})
# An element that looks like furniture but holds this share of the text is the article itself
# wearing an unlucky class name ("page has-ads").
_NOISE_MAX_TEXT_SHARE = 0.5
# An <article> much smaller than the page's text is a teaser card, not the story.
_ARTICLE_MIN_TEXT_SHARE = 0.25

_BLOCK_TAGS = frozenset({
    "address", "article", "blockquote", "body", "caption", "center", "dd", "details", "div",
    "dl", "dt", "fieldset", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr",
    "li", "main", "ol", "p", "pre", "section", "summary", "table", "tbody", "thead", "tfoot",
    "tr", "ul",
})
_CELL_TAGS = frozenset({"td", "th"})

_NOISE_PATTERN = re.compile(
    r"(?<![a-z0-9])(?:" + "|".join(sorted(_NOISE_WORDS, key=len, reverse=True)) + r")(?![a-z0-9])"
)
_BLANK_LINES = re.compile(r"\n{3,}")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)
# Control characters are not allowed in an lxml string; browsers show them as nothing.
_XML_INVALID = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# An XML declaration and a DOCTYPE with an internal subset (entity definitions) at the top of
# the file: the HTML parser never expands those entities, but would show the subset as text.
_PROLOG = re.compile(r"\A\s*(?:<\?xml[^>]*>\s*)?(?:<!DOCTYPE[^\[>]*(?:\[[^\]]*\]\s*)?>)?", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]{0,200}?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_XML_ENCODING = re.compile(rb"<\?xml[^>]{0,100}?encoding\s*=\s*[\"']([A-Za-z0-9_.:-]+)", re.IGNORECASE)
_CHARSET_SNIFF_BYTES = 4096
# A paragraph of ours is article text when this share of its word pairs is in trafilatura's
# text; what is kept must hold this share of trafilatura's pairs, else our whole text is used.
_PARAGRAPH_MIN_SHARE = 0.6
_LIBRARY_MIN_SHARE = 0.6
_WORD = re.compile(r"[^\W_]+")
# A short paragraph opening like this links to another story.
_TEASER = re.compile(
    r"(?:read\s+(?:more|also|next)|see\s+also|related(?:\s+stories)?|more\s+on\s+this(?:\s+story)?|"
    r"читайте\s+(?:також|также)|дивіться\s+також|смотрите\s+также|по\s+теме|на\s+тему)\s*[:»›—-]",
    re.IGNORECASE,
)
_TEASER_MAX_WORDS = 30

_TITLE_KEYS = ("og:title", "twitter:title", "dc.title")
_OUTLET_KEYS = ("og:site_name", "application-name")
_AUTHOR_KEYS = ("author", "article:author", "byl", "dc.creator", "parsely-author", "sailthru.author")
_DATE_KEYS = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate",
    "publishdate", "publish-date", "dc.date", "dc.date.issued", "dcterms.created",
    "dcterms.date", "sailthru.date", "parsely-pub-date",
)
_URL_KEYS = ("og:url", "twitter:url")
_TITLE_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ")


def read_html(data: bytes) -> ParsedDocument:
    """Parse an HTML file's bytes into a ParsedDocument (source_format ``html``)."""
    decoded = decode_text(data, declared=_declared_charset(data))
    source = _XML_INVALID.sub(" ", _PROLOG.sub("", decoded.text, count=1))
    root = _parse(source)
    if root is None:
        raise RejectedFile("the web page has no readable text")

    meta = _page_metadata(root)
    own = _article_text(root)
    text = _drop_teasers(_choose_text(library_article_text(source), own, meta.title))
    if not text:
        raise RejectedFile("the web page has no readable text")
    meta.language = meta.language or guess_language(text)
    meta.warnings = decoded.warnings + meta.warnings
    return ParsedDocument(
        text=text, source_format="html", encoding=decoded.encoding, **meta.fields()
    )


def _parse(source: str) -> lxml.html.HtmlElement | None:
    # The HTML parser never loads DTDs or external entities; no_network is belt and braces.
    parser = lxml.html.HTMLParser(
        no_network=True, remove_comments=True, remove_pis=True, default_doctype=False
    )
    try:
        return lxml.html.document_fromstring(source, parser=parser)
    except (etree.ParserError, etree.XMLSyntaxError, ValueError):
        return None


def own_article_text(source: str) -> str:
    """The article text our own rules find in a page's decoded HTML (the fallback reader)."""
    root = _parse(_XML_INVALID.sub(" ", _PROLOG.sub("", source, count=1)))
    return _article_text(root) if root is not None else ""


def library_article_text(source: str) -> str | None:
    """The article text trafilatura finds, one paragraph per block as our reader writes it, or
    None when trafilatura is not installed, fails, or finds nothing.

    Only the already-decoded string is handed over: trafilatura parses it with lxml and fetches
    nothing (no URL is given, so it has nothing to resolve or download).
    """
    try:
        import trafilatura
    except ImportError:
        return None
    try:
        extracted = trafilatura.extract(
            source, output_format="txt", include_comments=False, include_tables=False,
            include_images=False, include_links=False, include_formatting=False, with_metadata=False,
            deduplicate=False,
        )
    except (MemoryError, RecursionError):
        raise  # the sandbox restarts its worker for these
    except Exception:  # noqa: BLE001 - any other failure of the library falls back to our reader
        return None
    if not extracted:
        return None
    paragraphs = [" ".join(line.split()) for line in extracted.splitlines()]
    return "\n\n".join(p for p in paragraphs if p) or None


def _choose_text(library: str | None, own: str, title: str | None = None) -> str:
    """Our paragraphs that trafilatura also judged to be the article (plus the headline).

    trafilatura is better at telling the story from the page around it (related links,
    newsletter boxes, comment threads, layout tables); our reader writes cleaner paragraphs
    (no iframe or noscript fallback text, <br> kept, one block per paragraph). So a paragraph
    of ours is kept when most of its word pairs are in trafilatura's text. Our text is used whole
    when trafilatura found nothing, or when what is kept lost most of what it found.
    """
    if not library or not own:
        return own  # our reader found no text at all: nothing trafilatura says can be kept
    found = Counter(_pairs(library))
    kept: list[str] = []
    for i, paragraph in enumerate(own.split("\n\n")):
        pairs = _pairs(paragraph)
        inside = sum(1 for pair in pairs if found[pair] > 0)
        if pairs and inside >= _PARAGRAPH_MIN_SHARE * len(pairs) or (i < 3 and title and paragraph.strip() == title):
            kept.append(paragraph)
    text = "\n\n".join(kept)
    covered = sum((Counter(_pairs(text)) & found).values())
    if covered < _LIBRARY_MIN_SHARE * sum(found.values()):
        return own
    return text


def _pairs(text: str) -> list[tuple[str, str]]:
    """Word pairs of a text (a one-word text: the word with itself), lower-cased."""
    words = _WORD.findall(text.lower())
    return list(zip(words, words[1:], strict=False)) if len(words) > 1 else [(w, w) for w in words]


def _drop_teasers(text: str) -> str:
    """Without "Read more: <link>" / "Читайте також: ..." lines that point to other stories."""
    kept = [p for p in text.split("\n\n") if not (_TEASER.match(p) and len(p.split()) <= _TEASER_MAX_WORDS)]
    return "\n\n".join(kept) if kept else text


def _declared_charset(data: bytes) -> str | None:
    head = data[:_CHARSET_SNIFF_BYTES]
    match = _META_CHARSET.search(head) or _XML_ENCODING.search(head)
    return match.group(1).decode("ascii") if match else None


def _page_metadata(root: lxml.html.HtmlElement) -> Metadata:
    metas: dict[str, str] = {}
    for meta in root.iter("meta"):
        name = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        key = (name or "").strip().lower()
        content = (meta.get("content") or "").strip()
        if key and content:
            metas.setdefault(key, content)

    outlet = clean_field(_first(metas, _OUTLET_KEYS))
    title = clean_field(_first(metas, _TITLE_KEYS))
    if title is None:
        title = _strip_site_name(_head_title(root), outlet)
    if title is None:
        heading = next(root.iter("h1"), None)
        title = clean_field(heading.text_content()) if heading is not None else None

    author = None
    for key in _AUTHOR_KEYS:
        candidate = clean_field(metas.get(key))
        # article:author is often a profile URL rather than a name.
        if candidate and clean_url(candidate) is None:
            author = re.sub(r"^by\s+", "", candidate, flags=re.IGNORECASE)
            break

    published = None
    for key in _DATE_KEYS:
        if key in metas:
            published = parse_date(metas[key])
            if published:
                break
    if published is None:
        for time in root.iter("time"):
            published = parse_date(time.get("datetime") or "")
            if published:
                break

    url = None
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            url = clean_url(link.get("href"))
            break
    url = url or clean_url(_first(metas, _URL_KEYS))

    language = normalize_language(root.get("lang") or root.get("xml:lang") or "")
    if language is None and "content-language" in metas:
        language = normalize_language(metas["content-language"])

    return Metadata(
        title=title, outlet=outlet, author=clean_field(author), url=url,
        published=published, language=language,
    )


def _first(metas: dict[str, str], keys: tuple[str, ...]) -> str | None:
    return next((metas[key] for key in keys if metas.get(key)), None)


def _head_title(root: lxml.html.HtmlElement) -> str | None:
    for title in root.iter("title"):
        # <title> inside an inline <svg> is a tooltip, not the page title.
        if not any(parent.tag == "svg" for parent in title.iterancestors()):
            return clean_field(title.text_content())
    return None


def _strip_site_name(title: str | None, outlet: str | None) -> str | None:
    """"Headline | Outlet" → "Headline" when the outlet's name is known; otherwise unchanged."""
    if title is None or outlet is None:
        return title
    for separator in _TITLE_SEPARATORS:
        if title.endswith(separator + outlet):
            return title[: -len(separator + outlet)].strip() or title
        if title.startswith(outlet + separator):
            return title[len(outlet + separator):].strip() or title
    return title


def _article_text(root: lxml.html.HtmlElement) -> str:
    for element in list(root.iter(*_DROP_TAGS)):
        _drop(element)
    body = root.find("body")
    if body is None:
        return ""
    content = _content_root(body)
    cleaned = _drop_noise(content)
    text = _block_text(cleaned)
    if not text:
        # Never lose a whole article to a class-name rule: fall back to the uncleaned content.
        text = _block_text(content)
    return text


def _drop(element: lxml.html.HtmlElement) -> None:
    if element.getparent() is not None:
        element.drop_tree()  # keeps the element's tail text, which belongs to its parent


def _content_root(body: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """The element holding the story: the largest <article>, else <main>, else <body>."""
    page_length = len(body.text_content())
    articles = [(len(a.text_content().strip()), a) for a in body.iter("article")]
    if articles:
        length, article = max(articles, key=lambda pair: pair[0])
        if length and length >= _ARTICLE_MIN_TEXT_SHARE * page_length:
            return article
    for candidate in body.xpath(".//*[@itemprop='articleBody'] | .//main | .//*[@role='main']"):
        if candidate.text_content().strip():
            return candidate
    return body


def _drop_noise(content: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """A copy of ``content`` without navigation, comments, ads, share and cookie blocks."""
    content = copy.deepcopy(content)
    total = len(content.text_content()) or 1
    for element in list(content.iterdescendants()):
        if not isinstance(element.tag, str) or not _is_noise(element):
            continue
        share = len(element.text_content()) / total
        if share < _NOISE_MAX_TEXT_SHARE:
            _drop(element)
    return content


def _is_noise(element: lxml.html.HtmlElement) -> bool:
    if element.get("hidden") is not None or element.get("aria-hidden") == "true":
        return True
    if _HIDDEN_STYLE.search(element.get("style") or ""):
        return True
    if (element.get("role") or "").lower() in _NOISE_ROLES:
        return True
    names = f"{element.get('class') or ''} {element.get('id') or ''}"
    return names != " " and _NOISE_PATTERN.search(names.lower()) is not None


def _block_text(root: lxml.html.HtmlElement) -> str:
    """Plain text: one paragraph per block element, blank lines between, <br> as a newline."""
    paragraphs: list[str] = []
    lines: list[list[str]] = [[]]
    pre_depth = 0

    def add(fragment: str | None) -> None:
        if not fragment:
            return
        if pre_depth:
            first, *rest = fragment.split("\n")
            lines[-1].append(first)
            lines.extend([part] for part in rest)
        else:
            lines[-1].append(fragment)

    def flush() -> None:
        # str.split() splits on every Unicode space, &nbsp; included.
        collapsed = [" ".join("".join(parts).split()) for parts in lines]
        paragraph = "\n".join(collapsed).strip("\n")
        if len(collapsed) > 2:
            paragraph = _BLANK_LINES.sub("\n\n", paragraph)
        if paragraph:
            paragraphs.append(paragraph)
        lines[:] = [[]]

    for event, element in etree.iterwalk(root, events=("start", "end")):
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            if tag in _BLOCK_TAGS:
                flush()
            elif tag == "br":
                lines.append([])
            elif tag in _CELL_TAGS:
                add(" ")
            if tag == "pre":
                pre_depth += 1
            add(element.text)
        else:
            if tag == "pre":
                pre_depth -= 1
            if tag in _BLOCK_TAGS:
                flush()
            if element is not root:
                add(element.tail)
    flush()
    return "\n\n".join(paragraphs)
