"""Reading published fact-checks: every format fact-checkers have on disk, and broken ones."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ingest.factcheck_ratings import rating_from_text, rating_from_value
from ingest.factcheck_readers import BadItem, ReadItem, UnreadableChecks, read_checks


def _review(claim: str, url: str = "https://checks.example/1", **extra: object) -> dict:
    item = {"@context": "https://schema.org", "@type": "ClaimReview", "claimReviewed": claim,
            "url": url, "author": {"@type": "Organization", "name": "Sample Checkers"},
            "datePublished": "2025-03-04T10:00:00+00:00", "inLanguage": "en",
            "reviewRating": {"@type": "Rating", "alternateName": "Mostly False",
                             "ratingValue": 2, "bestRating": 5, "worstRating": 1},
            "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "A. Speaker"}}}
    item.update(extra)
    return item


def _read(path: Path) -> tuple[str, list[ReadItem], list[BadItem]]:
    kind, items = read_checks(path)
    items = list(items)
    return (kind, [i for i in items if isinstance(i, ReadItem)],
            [i for i in items if isinstance(i, BadItem)])


def _write(tmp_path: Path, name: str, value: object) -> Path:
    path = tmp_path / name
    path.write_text(value if isinstance(value, str) else json.dumps(value), encoding="utf-8")
    return path


def test_one_claimreview_object_with_every_field(tmp_path):
    kind, good, bad = _read(_write(tmp_path, "one.json", _review(
        "The city's budget doubled in 2024", name="Did the budget double?")))
    assert kind == "json" and not bad
    check = good[0].check
    assert check.claim == "The city's budget doubled in 2024"
    assert check.title == "Did the budget double?"
    assert (check.rating_text, check.rating) == ("Mostly False", "mostly_false")
    assert check.publisher == "Sample Checkers" and check.claimant == "A. Speaker"
    assert check.url == "https://checks.example/1"
    assert check.review_date.isoformat() == "2025-03-04" and check.language == "en"


@pytest.mark.parametrize("shape", ["array", "graph", "datafeed", "datafeeditem"])
def test_containers_fact_check_feeds_use(tmp_path, shape):
    reviews = [_review(f"Claim number {n} about bridges", f"https://checks.example/{n}")
               for n in range(3)]
    value = {
        "array": reviews,
        "graph": {"@context": "https://schema.org", "@graph": [{"@type": "WebSite"}, *reviews]},
        "datafeed": {"@type": "DataFeed", "dataFeedElement": reviews},
        "datafeeditem": {"@type": "DataFeed", "dataFeedElement": [
            {"@type": "DataFeedItem", "item": [r]} for r in reviews]},
    }[shape]
    _, good, bad = _read(_write(tmp_path, "feed.json", value))
    assert [g.check.claim for g in good] == [f"Claim number {n} about bridges" for n in range(3)]
    assert not bad


def test_google_fact_check_tools_claim_search(tmp_path):
    value = {"claims": [
        {"text": "Wind farms caused the blackout", "claimant": "A blogger",
         "claimDate": "2025-01-01T00:00:00Z", "claimReview": [
             {"publisher": {"name": "Checker One", "site": "one.example"},
              "url": "https://one.example/wind", "title": "No, wind farms did not",
              "reviewDate": "2025-01-03T00:00:00Z", "textualRating": "False",
              "languageCode": "en"},
             {"publisher": {"site": "two.example"}, "url": "https://two.example/wind",
              "textualRating": "Faux", "languageCode": "fr"}]},
        {"text": "A claim nobody reviewed", "claimReview": []},
    ], "nextPageToken": "abc"}
    _, good, bad = _read(_write(tmp_path, "google.json", value))
    assert [(g.check.publisher, g.check.rating, g.check.language) for g in good] == [
        ("Checker One", "false", "en"), ("two.example", "false", "fr")]
    assert good[0].check.review_date.isoformat() == "2025-01-03"
    assert good[0].check.claimant == "A blogger"
    assert [b.where for b in bad] == ["claims[1]"]


def test_claimreview_embedded_in_a_saved_page(tmp_path):
    page = ("<html><head><script type='application/ld+json'>"
            + json.dumps({"@type": "Organization", "name": "X"}) + "</script>"
            + '<script type="application/ld+json">' + json.dumps(_review("Bread prices tripled"))
            + "</script><script>var x = 1;</script></head><body>text</body></html>")
    kind, good, bad = _read(_write(tmp_path, "page.html", page))
    assert kind == "html" and [g.check.claim for g in good] == ["Bread prices tripled"]
    assert not bad
    with pytest.raises(UnreadableChecks, match="without any ClaimReview"):
        read_checks(_write(tmp_path, "plain.html", "<html><body>no data</body></html>"))


def test_csv_with_a_header_and_bad_rows_by_line(tmp_path):
    text = ("Claim,Rating,URL,Publisher,Date,Language\n"
            "Trains run on time 95% of days,Half True,https://c.example/t,Rail Check,2025-02-01,en\n"
            ",False,https://c.example/empty,Rail Check,2025-02-01,en\n"
            "\"A claim, with a comma\",Pants on Fire,javascript:alert(1),X,not a date,en\n"
            "too,many,cells,in,this,row,here\n")
    kind, good, bad = _read(_write(tmp_path, "checks.csv", text))
    assert kind == "csv"
    assert [(g.check.claim, g.check.rating, g.check.url) for g in good] == [
        ("Trains run on time 95% of days", "half_true", "https://c.example/t"),
        ("A claim, with a comma", "false", None)]
    assert good[1].dropped_link and good[1].check.review_date is None
    assert [(b.where, b.reason.split(" (")[0]) for b in bad] == [
        ("line 3", "no claim text"), ("line 5", "7 cells under a header of 6")]


def test_csv_without_a_claim_column_is_refused(tmp_path):
    with pytest.raises(UnreadableChecks, match="\"claim\" column"):
        read_checks(_write(tmp_path, "x.csv", "rating,url\nFalse,https://a.example\n"))


def test_markup_and_script_links_never_survive(tmp_path):
    value = [_review("<script>alert(1)</script><b>Bold</b> &lt;i&gt;claim&lt;/i&gt;",
                     url="javascript:alert(document.cookie)",
                     author={"name": "<img src=x onerror=alert(1)>Evil\u0000 Corp"},
                     name="Title\twith\ncontrol\x07chars"),
             _review("Data URL claim", url="data:text/html,<script>x</script>"),
             _review("File URL claim", url="file:///etc/passwd")]
    _, good, bad = _read(_write(tmp_path, "hostile.json", value))
    assert not bad
    first = good[0].check
    assert "<" not in first.claim and ">" not in first.claim
    assert first.claim == "alert(1) Bold claim"
    assert first.publisher == "Evil Corp" and first.title == "Title with control chars"
    assert all(g.check.url is None and g.dropped_link for g in good)


def test_bad_json_keeps_the_items_before_the_break(tmp_path):
    good_part = json.dumps([_review("First", "https://a.example/1"),
                            _review("Second", "https://a.example/2")])
    _, good, bad = _read(_write(tmp_path, "cut.json", good_part[:-1] + ', {"claimRev'))
    assert [g.check.claim for g in good] == ["First", "Second"]
    assert bad[0].where == "file" and "after 2 items" in bad[0].reason
    _, good, bad = _read(_write(tmp_path, "garbage.json", "{this is not json"))
    assert not good and "not valid JSON" in bad[0].reason


def test_missing_fields_and_wrong_types_are_named(tmp_path):
    value = {"@type": "DataFeed", "dataFeedElement": [
        {"@type": "ClaimReview", "url": "https://a.example/x"},
        {"@type": "ClaimReview", "claimReviewed": ["a", "list"]},
        {"@type": "ClaimReview", "claimReviewed": "x" * 6000},
        "just a string",
        {"@type": "ClaimReview", "claimReviewed": "Fine", "reviewRating": "weird",
         "datePublished": 20250101, "author": [1, 2]},
    ]}
    _, good, bad = _read(_write(tmp_path, "gaps.json", value))
    assert [g.check.claim for g in good] == ["Fine"]
    assert good[0].check.review_date is None and good[0].check.rating is None
    assert [b.where for b in bad] == [f"dataFeedElement[{n}]" for n in range(4)]
    assert "longer than 5,000" in bad[2].reason


def test_binary_and_empty_files_are_refused(tmp_path):
    with pytest.raises(UnreadableChecks, match="binary"):
        read_checks(_write(tmp_path, "x.json", "\0\1\2"))
    with pytest.raises(UnreadableChecks, match="empty"):
        read_checks(_write(tmp_path, "y.json", ""))


def test_a_50_mb_feed_is_streamed(tmp_path):
    """50 MB of DataFeed: read item by item (the reader is a generator; a fraction of the
    items is enough to show it streams without reading the whole file into memory)."""
    path = tmp_path / "big.json"
    padding = "x" * 2000
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"@type": "DataFeed", "dataFeedElement": [')
        n = 0
        while fh.tell() < 50 * 1024 * 1024:
            fh.write(("," if n else "") + json.dumps(_review(
                f"Claim {n} {padding}"[:4000], f"https://a.example/{n}")))
            n += 1
        fh.write("]}")
    _, items = read_checks(path)
    count = sum(1 for item in items if isinstance(item, ReadItem))
    assert count == n


def test_ratings_map_onto_our_scale():
    assert rating_from_text("Pants on Fire!") == "false"
    assert rating_from_text("MOSTLY TRUE") == "mostly_true"
    assert rating_from_text("False. The photo is from 2014.") == "false"
    assert rating_from_text("Mostly false: the figure is older") == "mostly_false"
    assert rating_from_text("Falsehood") is None
    assert rating_from_text("Satire") is None
    assert rating_from_value(1, 5, 1) == "false"
    assert rating_from_value(10, 10, 0) == "true"
    assert rating_from_value(7, 5, 1) is None



_json = st.recursive(
    st.none() | st.booleans() | st.floats(allow_nan=False) | st.text(max_size=30)
    | st.sampled_from(["ClaimReview", "DataFeed", "javascript:x", "https://a.example/",
                       "2025-01-01"]),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(
        st.sampled_from(["@type", "claimReviewed", "url", "author", "reviewRating",
                         "dataFeedElement", "@graph", "item", "claims", "claimReview", "text",
                         "name", "alternateName", "datePublished", "inLanguage",
                         "itemReviewed"]), children, max_size=5),
    max_leaves=25)


@settings(max_examples=150, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(value=_json, suffix=st.sampled_from([".json", ".html", ".csv"]))
def test_any_json_shape_gives_items_or_a_sentence(tmp_path, value, suffix):
    """Whatever the structure, reading never raises anything but UnreadableChecks, and every
    good item has a claim and no link other than http(s)."""
    text = json.dumps(value)
    if suffix == ".html":
        text = f'<script type="application/ld+json">{text}</script>'
    path = tmp_path / f"any{suffix}"
    path.write_text(text, encoding="utf-8")
    try:
        _, items = read_checks(path)
        items = list(items)
    except UnreadableChecks as exc:
        assert str(exc)
        return
    for item in items:
        assert isinstance(item, ReadItem | BadItem)
        if isinstance(item, ReadItem):
            assert item.check.claim.strip()
            assert item.check.url is None or item.check.url.startswith(("http://", "https://"))


@settings(max_examples=100, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.binary(max_size=300), suffix=st.sampled_from([".json", ".html", ".csv"]))
def test_any_bytes_give_items_or_a_sentence(tmp_path, data, suffix):
    path = tmp_path / f"bytes{suffix}"
    path.write_bytes(data)
    try:
        _, items = read_checks(path)
        items = list(items)
    except UnreadableChecks as exc:
        assert str(exc)
        return
    assert all(isinstance(item, ReadItem | BadItem) for item in items)
