"""A small newsroom in a real temporary database: hostile claim text, Cyrillic, conflicts, all statuses."""

from __future__ import annotations

import datetime as dt
import hashlib
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import select

from storage.articles import NewArticle, NewClaim, add_article
from storage.database import Database
from storage.groups import create_group
from storage.models import Claim
from storage.schema import open_database
from storage.verdicts import EvidenceItem, VerdictDraft, save_verdict, set_status

ACTOR = "tester"
LONG_URL = "https://example.org/" + "/".join(["segment-" + "x" * 20] * 10) + "/end?q=1&r=2"
LONG_WORD = "Донецьк" + "W" * 193
assert len(LONG_URL) >= 300 and len(LONG_WORD) == 200

CYRILLIC = "Київ заявив, що Зеленский підписав угоду 12 лютого 2015 року."
MARKUP = (
    'The ministry said <font size=40>huge</font> and <a href="javascript:alert(1)">x</a> '
    'with <img src="/etc/passwd"/> from AT&T when a<b and x<y.'
)
LONGISH = f"The long source {LONG_URL} claims {LONG_WORD} is a word."
KURSK_OK = "Ukraine held about 79 of the 470 square miles it once held in Kursk."
KURSK_BAD = "Ukraine's foothold in Kursk had shrunk to about 120 square miles, from 470."
UNRATED = "Russia controls about a fifth of Ukraine's territory."
APPROVED = "The ceasefire proposal covered 30 days."
DRAFT = "Russian forces gained 110 square miles in the past month."


def _fig(text: str, value: float, unit: str = "sq mi", kind: str = "area") -> dict:
    return {"text": text, "value": value, "unit": unit, "kind": kind}


def _article(session, outlet: str, title: str, url: str | None, day: dt.date,
             sentences: list[tuple[str, list[dict]]]) -> list[int]:
    text = " ".join(s for s, _ in sentences)
    claims, pos = [], 0
    for sentence, figures in sentences:
        start = text.index(sentence, pos)
        claims.append(NewClaim(sentence=sentence, start=start, end=start + len(sentence),
                               category="territory", figures=figures, claimant="Ministry"))
        pos = start + len(sentence)
    article_id = add_article(
        session,
        NewArticle(outlet=outlet, text=text, content_hash=hashlib.sha256(text.encode()).hexdigest(),
                   title=title, url=url, published=day, language="en"),
        claims, actor=ACTOR,
    )
    return list(session.execute(select(Claim.id).where(Claim.article_id == article_id)
                                .order_by(Claim.start)).scalars())


def _publish(session, group_id: int, draft: VerdictDraft, *, to: str = "published") -> None:
    version = save_verdict(session, group_id, draft, expected_version=None, actor=ACTOR)
    steps = {"draft": [], "in_review": ["in_review"], "approved": ["in_review", "approved"],
             "published": ["in_review", "approved", "published"]}[to]
    for status in steps:
        version = set_status(session, group_id, status, expected_version=version, actor=ACTOR)


@dataclass
class Newsroom:
    """The database and its group ids by name; the texts are attributes so tests can use them
    (test modules cannot import this conftest)."""

    CYRILLIC = CYRILLIC
    MARKUP = MARKUP
    LONGISH = LONGISH
    LONG_URL = LONG_URL
    LONG_WORD = LONG_WORD
    KURSK_OK = KURSK_OK
    KURSK_BAD = KURSK_BAD
    UNRATED = UNRATED
    APPROVED = APPROVED
    DRAFT = DRAFT

    db: Database
    path: Path
    cyrillic: int
    markup: int
    longish: int
    kursk: int
    unrated: int
    approved: int
    draft: int

    @property
    def published(self) -> list[int]:
        return [self.cyrillic, self.markup, self.longish, self.kursk]


def fill_newsroom(db: Database) -> dict[str, int]:
    """Articles, claims, groups, verdicts and evidence; returns the group ids by name."""
    with db.write() as s:
        a = _article(s, "Sample: Ранкова хвиля", "Від Мінська до Стамбула", "https://example.org/uk/1",
                     dt.date(2025, 6, 3), [(CYRILLIC, [])])
        b = _article(s, "Sample: Harbour <Street> & Review", "Q&A: <b>bold</b> claims",
                     "javascript:alert(document.cookie)", dt.date(2025, 3, 14),
                     [(MARKUP, []), (LONGISH, [])])
        c = _article(s, "Sample: Northern Ledger", "Kursk arithmetic", "https://example.org/k?a=1&b=2",
                     dt.date(2025, 3, 12),
                     [(KURSK_OK, [_fig("79", 79), _fig("470 square miles", 470)]),
                      (UNRATED, [_fig("a fifth", 20, "percent", "share")]),
                      (APPROVED, [_fig("30 days", 30, "day", "duration")]),
                      (DRAFT, [_fig("110 square miles", 110)])])
        d = _article(s, "Sample: Baltic Morning Post", "Kursk foothold shrinks", None,
                     dt.date(2025, 3, 16),
                     [(KURSK_BAD, [_fig("about 120 square miles", 120), _fig("470", 470)])])
        ids = {
            "cyrillic": create_group(s, a, actor=ACTOR),
            "markup": create_group(s, [b[0]], actor=ACTOR),
            "longish": create_group(s, [b[1]], actor=ACTOR),
            "kursk": create_group(s, [c[0], d[0]], actor=ACTOR),
            "unrated": create_group(s, [c[1]], actor=ACTOR),
            "approved": create_group(s, [c[2]], actor=ACTOR),
            "draft": create_group(s, [c[3]], actor=ACTOR),
        }
        _publish(s, ids["cyrillic"], VerdictDraft(
            rating="false", summary="Минск-2 was signed on 12 February 2015, not by Зеленский.",
            rationale="Line one.\nLine two <i>not italic</i>.\n\nSecond paragraph.",
            reviewer="Олена Ревізор",
            evidence=[EvidenceItem(title="Package of Measures", publisher="OSCE",
                                   url="https://example.org/minsk2", published=dt.date(2015, 2, 12),
                                   quote="Signed in Minsk", note="Primary source.")]))
        _publish(s, ids["markup"], VerdictDraft(
            rating="misleading", summary="<b>Not bold</b> & not a tag.", rationale="a<b",
            reviewer="R. <script>", evidence=[
                EvidenceItem(title="<img src='/etc/passwd'/>", url="javascript:alert(2)"),
                EvidenceItem(title="File link", url="file:///etc/passwd")]))
        _publish(s, ids["longish"], VerdictDraft(
            rating="unverifiable", summary=LONG_WORD, rationale=LONG_URL, reviewer="R",
            evidence=[EvidenceItem(title="Long", url=LONG_URL)]))
        _publish(s, ids["kursk"], VerdictDraft(
            rating="mostly_false", summary="About 79 sq mi, not 120.", rationale="ISW data.",
            reviewer="R", evidence=[EvidenceItem(title="War Report Card", publisher="Russia Matters",
                                                 url="https://example.org/rm", published=dt.date(2025, 3, 12))]))
        _publish(s, ids["approved"], VerdictDraft(rating="true", summary="Yes.", reviewer="R"),
                 to="approved")
        _publish(s, ids["draft"], VerdictDraft(rating="true", summary="Draft.", reviewer="R"),
                 to="draft")
    return ids


def make_newsroom(path: Path) -> Newsroom:
    db = open_database(path)
    return Newsroom(db=db, path=path, **fill_newsroom(db))


@pytest.fixture(scope="session")
def _newsroom_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, dict[str, int]]:
    """Built once (migrations and all); each test gets a copy of the closed file."""
    path = tmp_path_factory.mktemp("template") / "newsroom.sqlite"
    room = make_newsroom(path)
    ids = {k: getattr(room, k) for k in ("cyrillic", "markup", "longish", "kursk", "unrated",
                                         "approved", "draft")}
    room.db.dispose()  # the last connection closing checkpoints and removes the WAL
    assert not path.with_name(path.name + "-wal").exists()
    return path, ids


@pytest.fixture(scope="session")
def texts() -> type[Newsroom]:
    """The hostile and Cyrillic texts (attributes of Newsroom), without building a database."""
    return Newsroom


@pytest.fixture(scope="session")
def newsroom_factory(_newsroom_template):
    """Makes a newsroom database at a path, for module-scoped fixtures."""
    template, ids = _newsroom_template

    def make(path: Path) -> Newsroom:
        shutil.copyfile(template, path)
        return Newsroom(db=open_database(path), path=path, **ids)

    return make


@pytest.fixture
def newsroom(tmp_path: Path, newsroom_factory):
    room = newsroom_factory(tmp_path / "newsroom.sqlite")
    yield room
    room.db.dispose()
