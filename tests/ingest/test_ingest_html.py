"""Saved web pages: article text without page furniture, metadata from <head>, and hostile pages."""

from __future__ import annotations

import datetime
import threading
import urllib.request
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from ingest import RejectedFile, read_document

PAGE = """<!DOCTYPE html>
<html lang="uk-UA">
<head>
  <meta charset="utf-8">
  <title>Порт відновив роботу | Harbor Weekly</title>
  <meta property="og:site_name" content="Harbor Weekly">
  <meta name="author" content="By Anna Kovalenko">
  <meta property="article:published_time" content="2025-03-14T22:30:00+02:00">
  <link rel="canonical" href="https://harbor.example/port-reopened">
  <script>document.write("<p>injected by script</p>")</script>
  <style>p { color: red }</style>
</head>
<body class="page has-ads">
  <header><a href="/">Harbor Weekly</a> Subscribe now</header>
  <nav><ul><li>Home</li><li>World</li></ul></nav>
  <div class="cookie-banner">We use cookies &amp; trackers</div>
  <article>
    <h1>Порт відновив роботу</h1>
    <p>Перший   абзац
       статті &mdash; з&nbsp;числом 4,1&nbsp;млн.</p>
    <p>Рядок один<br>рядок два</p>
    <div class="article-share-buttons">Share on Facebook</div>
    <ul><li>Пункт перший</li><li>Пункт <b>другий</b> і далі</li></ul>
    <figure><img src="https://cdn.example/photo.jpg" alt="photo"><figcaption>Підпис до фото</figcaption></figure>
    <iframe src="https://video.example/embed">iframe fallback text</iframe>
    <noscript>Enable JavaScript</noscript>
    <section id="comments"><p>A reader's comment</p></section>
  </article>
  <aside>Most read: something else</aside>
  <footer>© Harbor Weekly</footer>
</body>
</html>
"""

EXPECTED_TEXT = (
    "Порт відновив роботу\n\n"
    "Перший абзац статті — з числом 4,1 млн.\n\n"
    "Рядок один\nрядок два\n\n"
    "Пункт перший\n\n"
    "Пункт другий і далі\n\n"
    "Підпис до фото"
)


def write(tmp_path: Path, content: str | bytes, name: str = "page.html") -> Path:
    path = tmp_path / name
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def test_article_text_is_plain_paragraphs_without_page_furniture(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, PAGE))

    assert doc.text == EXPECTED_TEXT
    assert doc.source_format == "html"


def test_metadata_comes_from_the_head(tmp_path: Path) -> None:
    doc = read_document(write(tmp_path, PAGE))

    assert doc.title == "Порт відновив роботу"  # site name stripped from <title>
    assert doc.outlet == "Harbor Weekly"
    assert doc.author == "Anna Kovalenko"
    assert doc.published == datetime.date(2025, 3, 14)
    assert doc.url == "https://harbor.example/port-reopened"
    assert doc.language == "uk"
    assert doc.encoding == "utf-8"


def test_og_title_time_element_and_only_http_urls(tmp_path: Path) -> None:
    page = """<html><head>
      <meta property="og:title" content="OG headline">
      <title>Other title</title>
      <link rel="canonical" href="javascript:alert(document.cookie)">
      <meta property="og:url" content="http://news.example/a?b=1">
    </head><body><main><p>Body text of the story.</p>
      <time datetime="2023-07-09">9 July</time></main></body></html>"""
    doc = read_document(write(tmp_path, page, "x.htm"))

    assert doc.title == "OG headline"
    assert doc.url == "http://news.example/a?b=1"
    assert doc.published == datetime.date(2023, 7, 9)
    assert doc.text == "Body text of the story.\n\n9 July"


def test_page_without_a_safe_url_has_none(tmp_path: Path) -> None:
    page = '<html><head><link rel="canonical" href="file:///etc/passwd"></head><body><p>Text.</p></body></html>'
    assert read_document(write(tmp_path, page)).url is None


def test_meta_charset_windows_1251(tmp_path: Path) -> None:
    page = PAGE.replace('charset="utf-8"', 'charset="windows-1251"').replace("©", "(c)")
    doc = read_document(write(tmp_path, page.encode("cp1251")))

    assert doc.text == EXPECTED_TEXT
    assert doc.encoding == "windows-1251"
    assert "decoded as windows-1251" in doc.warnings


def test_largest_article_wins_over_teaser_cards(tmp_path: Path) -> None:
    story = "<p>" + "The real story text goes on. " * 20 + "</p>"
    page = f"""<html><body>
      <article class="teaser"><p>Teaser one</p></article>
      <article>{story}</article>
      <article class="teaser"><p>Teaser two</p></article></body></html>"""
    doc = read_document(write(tmp_path, page))

    assert doc.text.startswith("The real story text goes on.")
    assert "Teaser" not in doc.text


def test_hidden_and_noise_blocks_are_dropped(tmp_path: Path) -> None:
    page = """<html><body><div class="ad-slot">Buy now</div>
      <p style="display: none">Hidden</p><p hidden>Also hidden</p>
      <div role="navigation">Sections</div>
      <div class="shared-story"><p>Kept: "shared" is not "share".</p></div>
      </body></html>"""
    doc = read_document(write(tmp_path, page))

    assert doc.text == 'Kept: "shared" is not "share".'


def test_article_inside_a_noise_named_wrapper_is_kept(tmp_path: Path) -> None:
    story = "The article text sits inside a wrapper with an unlucky class name. " * 3
    page = f"""<html><body><div id="ads-wrapper">
      <p>{story}</p><div class="ad">Buy now</div></div></body></html>"""
    doc = read_document(write(tmp_path, page))

    assert doc.text == story.strip()


def test_page_without_text_is_rejected(tmp_path: Path) -> None:
    page = "<html><head><title>Only a title</title><script>alert(1)</script></head><body><nav>Menu</nav></body></html>"
    with pytest.raises(RejectedFile, match="no readable text"):
        read_document(write(tmp_path, page))


def _laughs(levels: int) -> str:
    """A page whose DOCTYPE defines entities ten times nested ``levels`` deep: ``&lol{levels};``
    is 10**levels "lol"s once expanded (9 levels: 3 GB, the billion laughs)."""
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">'
        for i in range(1, levels + 1)
    )
    return (f'<?xml version="1.0"?>\n<!DOCTYPE html [{entities}]>\n<html><body><p>Start '
            f'&lol{levels}; end</p></body></html>')


def test_billion_laughs_is_never_expanded(tmp_path: Path, monkeypatch) -> None:
    """Without a clock: no parser is ever handed the entity definitions, and the page reads
    whole in the sandbox (whose memory and time limits would turn an expansion into a
    refusal)."""
    page = _laughs(9)
    path = write(tmp_path, page, "bomb.html")

    doc = read_document(path)  # sandboxed, as an import reads it

    assert "lollol" not in doc.text
    assert len(doc.text) < 100
    assert doc.text.startswith("Start")

    import lxml.html
    import trafilatura

    handed: list[str] = []
    real_parse, real_extract = lxml.html.document_fromstring, trafilatura.extract

    def parse(source, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        handed.append(source)
        return real_parse(source, *args, **kwargs)

    def extract(source, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        handed.append(source)
        return real_extract(source, *args, **kwargs)

    monkeypatch.setattr(lxml.html, "document_fromstring", parse)
    monkeypatch.setattr(trafilatura, "extract", extract)
    doc = read_document(path, sandboxed=False)

    assert len(handed) >= 2  # our reader's parse and trafilatura's
    texts = [s.decode("utf-8", "replace") if isinstance(s, bytes) else s for s in handed]
    assert all("<!ENTITY" not in text and "<!DOCTYPE" not in text for text in texts)
    assert "lollol" not in doc.text and doc.text.startswith("Start")


def test_the_parsers_themselves_never_expand_entities_a_page_defines(tmp_path: Path) -> None:
    """Even handed the definitions (three levels: a thousand "lol"s, cheap to expand, so an
    expansion would show in the text instead of taking the machine down), neither our HTML
    parse nor trafilatura expands them."""
    from ingest.html_reader import _article_text, _parse, library_article_text

    page = _laughs(3).replace("end</p>", "end of a paragraph long enough to be an article.</p>")

    ours = _article_text(_parse(page))
    library = library_article_text(page) or ""

    assert "&lol3;" in library and "lollol" not in library
    assert "Start" in ours and "lollol" not in ours
    assert "lollol" not in read_document(write(tmp_path, page, "small.html")).text


def test_external_entity_does_not_read_local_files(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-CONTENT")
    page = (
        f'<?xml version="1.0"?><!DOCTYPE html [<!ENTITY xxe SYSTEM "{secret.as_uri()}">]>'
        "<html><body><p>Before &xxe; after</p></body></html>"
    )
    doc = read_document(write(tmp_path, page, "xxe.htm"))

    assert "TOP-SECRET" not in doc.text
    assert doc.text.startswith("Before")


class _RecordingHandler(BaseHTTPRequestHandler):
    requests: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 (name fixed by http.server)
        self.requests.append(self.path)
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self.wfile.write(b"<!ENTITY remote 'REMOTE-CONTENT'>")

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def local_server() -> Iterator[str]:
    """An HTTP server on localhost that records every request made to it."""
    _RecordingHandler.requests = []
    server = ThreadingHTTPServer(("127.0.0.1", 0), _RecordingHandler)
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_nothing_is_fetched_from_the_network(tmp_path: Path, local_server: str) -> None:
    page = f"""<!DOCTYPE html SYSTEM "{local_server}/doctype.dtd" [
      <!ENTITY % remote SYSTEM "{local_server}/param.dtd"> %remote;
      <!ENTITY ext SYSTEM "{local_server}/entity.txt">]>
    <html><head><link rel="stylesheet" href="{local_server}/style.css">
      <script src="{local_server}/app.js"></script></head>
    <body><p>Text &ext; here.</p><img src="{local_server}/pixel.png">
      <iframe src="{local_server}/frame.html"></iframe>
      <object data="{local_server}/object.swf"></object>
      <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="{local_server}/include.xml"/>
    </body></html>"""
    doc = read_document(write(tmp_path, page))

    assert "REMOTE-CONTENT" not in doc.text
    assert _RecordingHandler.requests == []
    # The server does answer, so an empty log above means nothing was asked of it.
    with urllib.request.urlopen(f"{local_server}/probe", timeout=5) as response:
        assert response.status == 200
    assert _RecordingHandler.requests == ["/probe"]


# --- issue #21: the article body as trafilatura reads it, ours as the fallback ---------------

PAGES = Path(__file__).resolve().parent / "pages"
_WORD_RE = __import__("re").compile(r"[^\W_]+")


def _word_scores(got: str, expected: str) -> tuple[float, float]:
    from collections import Counter

    g, e = Counter(_WORD_RE.findall(got.lower())), Counter(_WORD_RE.findall(expected.lower()))
    common = sum((g & e).values())
    return common / max(1, sum(g.values())), common / max(1, sum(e.values()))


@pytest.mark.parametrize("name", sorted(p.stem for p in PAGES.glob("*.html")))
def test_news_page_body_without_boilerplate(name, tmp_path):
    # Pages written for the project in the shape of real news sites (en, uk, ru): menus,
    # related links inside the story, newsletter boxes, comments, cookie banners, footers.
    source = PAGES / f"{name}.html"
    expected = (PAGES / f"{name}.expected.txt").read_text(encoding="utf-8")
    doc = read_document(source)
    precision, recall = _word_scores(doc.text, expected)
    assert precision >= 0.85 and recall >= 0.85, (precision, recall, doc.text)


def test_boilerplate_of_news_pages_is_left_out():
    texts = {p.stem: read_document(p).text for p in PAGES.glob("*.html")}
    for name, furniture in {
        "en_wire": ("Cookie settings", "Comments (12)", "Sign up now", "Read more", "More from World"),
        "uk_news": ("Читайте також", "Популярне", "Коментарі", "Усі права захищено"),
        "ru_news": ("Самое читаемое", "Курсы валют", "Все права защищены"),
        "en_magazine": ("You might also like", "Great piece", "Write a comment"),
    }.items():
        for words in furniture:
            assert words not in texts[name], (name, words)
    assert texts["en_wire"].startswith("Envoys agree on second prisoner swap after Geneva round\n\n")


def test_our_reader_is_the_fallback_when_the_library_finds_nothing(monkeypatch):
    from ingest import html_reader

    page = (PAGES / "en_wire.html").read_bytes()
    monkeypatch.setattr(html_reader, "library_article_text", lambda source: None)
    text = html_reader.read_html(page).text
    assert "390 people to be released" in text and "175 people on each side" in text


def test_our_paragraphs_are_kept_where_the_library_found_the_story():
    from ingest import html_reader

    own = "Headline\n\nHome | World | Sport\n\nThe first paragraph of the story.\n\nThe second one."
    library = "The first paragraph of the story. The second one. iframe fallback text"
    assert html_reader._choose_text(library, own, "Headline") == (
        "Headline\n\nThe first paragraph of the story.\n\nThe second one."
    )
    assert html_reader._choose_text(None, own) == own
    # What is kept lost most of what the library found: our whole text.
    assert html_reader._choose_text("Entirely different words about something else here.", own) == own
