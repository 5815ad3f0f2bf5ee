"""Team mode: a Claimdesk database on a PostgreSQL server (a throw-away cluster, real server).

What the storage suite checks on both engines is not repeated here; these are the server's own
stories: opening, refusing, migrating all-or-nothing, the search machinery, the commands.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import select

import storage.revisions as revisions
import storage.schema as schema
from cli.main import main as cli
from storage.articles import NewArticle, NewClaim, add_article
from storage.errors import DatabaseTooNew, MigrationFailed, NotADatabase, ServerUnavailable
from storage.models import Outlet
from storage.schema import head_revision, open_location, open_server_database
from storage.search import search_article_ids, search_claim_ids
from tests.storage.test_schema import BROKEN_REVISION


def _plain(url: str) -> psycopg.Connection:
    return psycopg.connect(url, autocommit=True)


def test_a_new_server_database_is_migrated_and_names_the_server_not_a_file(pg_url):
    db = open_location(pg_url)
    try:
        assert db.path is None and db.is_server and db.dialect == "postgresql"
        assert db.location == pg_url  # no password in it to hide
        with db.read() as session:
            assert schema.current_revision(session.connection()) == head_revision()
            # A read is one snapshot, as a SQLite read transaction is.
            assert session.connection().exec_driver_sql(
                "SHOW transaction_isolation").scalar() == "repeatable read"
        with db.write() as session:  # a write holds the writers' lock
            assert session.connection().exec_driver_sql(
                "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' "
                "AND pid = pg_backend_pid()").scalar() == 1
    finally:
        db.dispose()


def test_upgrade_from_the_first_revision_keeps_data(pg_url):
    first = open_server_database(pg_url, upgrade_to="0001")
    with first.write_connection() as conn:
        conn.exec_driver_sql("INSERT INTO outlet (name, created_at) VALUES ('Kyiv Post', now())")
    first.dispose()
    db = open_server_database(pg_url)
    try:
        with db.read() as session:
            assert schema.current_revision(session.connection()) == head_revision()
            assert session.execute(select(Outlet.name)).scalars().all() == ["Kyiv Post"]
    finally:
        db.dispose()


def test_a_failed_migration_rolls_back_completely_on_the_server(pg_url, tmp_path, monkeypatch):
    db = open_server_database(pg_url)
    with db.write_connection() as conn:
        conn.exec_driver_sql("INSERT INTO outlet (name, created_at) VALUES ('Meduza', now())")
    db.dispose()
    head_before = head_revision()
    migrations = tmp_path / "migrations"
    shutil.copytree(Path(schema.__file__).parent / "migrations", migrations)
    (migrations / "versions" / "9999_broken.py").write_text(
        BROKEN_REVISION.format(head=head_before))
    monkeypatch.setattr(revisions, "MIGRATIONS", migrations)

    with pytest.raises(MigrationFailed, match="rolled back") as info:
        open_server_database(pg_url)
    assert info.value.backup is None  # no backup is pretended
    with _plain(pg_url) as conn:
        columns = [r[0] for r in conn.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_name = 'outlet'")]
        scratch = conn.execute("SELECT to_regclass('scratch')").fetchone()[0]
        version = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        names = [r[0] for r in conn.execute("SELECT name FROM outlet")]
    assert "country" not in columns and scratch is None
    assert version == head_before and names == ["Meduza"]


def test_a_newer_schema_and_another_programs_database_are_refused_untouched(pg_cluster):
    newer = pg_cluster.create_database()
    foreign = pg_cluster.create_database()
    try:
        open_server_database(newer).dispose()
        with _plain(newer) as conn:
            conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
        with pytest.raises(DatabaseTooNew, match="newer version"):
            open_server_database(newer)
        with _plain(newer) as conn:
            assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
                "from_the_future",)

        with _plain(foreign) as conn:
            conn.execute("CREATE TABLE bookmarks (url text)")
        with pytest.raises(NotADatabase, match="another program"):
            open_location(foreign)
        with _plain(foreign) as conn:
            tables = {r[0] for r in conn.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        assert tables == {"bookmarks"}
    finally:
        pg_cluster.drop_database(newer)
        pg_cluster.drop_database(foreign)


def test_an_unreachable_server_is_one_sentence_without_the_password(pg_cluster):
    url = f"postgresql://ana:s3cret@127.0.0.1:{pg_cluster.port}/no_such_database"
    with pytest.raises(ServerUnavailable) as info:
        open_location(url)
    assert "s3cret" not in str(info.value)
    assert "postgresql://ana@127.0.0.1" in str(info.value) and "no_such_database" in str(info.value)


def _store(db, title: str, text: str, claimant: str | None = None) -> int:
    claims = [NewClaim(sentence=text, start=0, end=len(text), claimant=claimant)]
    with db.write() as session:
        return add_article(session, NewArticle(outlet="Sample: Wire", text=text,
                                               content_hash=str(hash(text)), title=title),
                           claims, actor="ana")


def test_search_uses_the_gin_index_folds_accents_and_finds_cyrillic(pg_url):
    db = open_location(pg_url)
    try:
        _store(db, "Café talks", "The café in Kyiv hosted Zelenskyy's adviser.", "Mr. Ermak")
        uk = _store(db, "Київ", "Київ заявив, що Росія окупувала близько 18% території.")
        with db.read() as session:
            assert search_claim_ids(session, "cafe") == search_claim_ids(session, "CAFÉ") != []
            assert search_claim_ids(session, "ерм") == []
            assert len(search_claim_ids(session, "erm")) == 1  # the claimant is searched too
            assert len(search_claim_ids(session, "київ окуп")) == 1  # prefixes, every word
            assert search_article_ids(session, "КИЇВ") == [uk]
            # Query syntax typed as text is searched for as words, never parsed.
            for typed in ("kyiv & !café", "'", "\\", "a:* | b", "(", "<->", "18%"):
                search_claim_ids(session, typed)
            assert search_claim_ids(session, "kyiv & !café") != []
            conn = session.connection()
            conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
            plan = "\n".join(r[0] for r in conn.exec_driver_sql(
                "EXPLAIN SELECT id FROM claim WHERE claimdesk_fts "
                "@@ claimdesk_prefix_query('kyiv')"))
            assert "claim_fts_gin" in plan
    finally:
        db.dispose()


def test_the_commands_work_on_a_server_and_backups_are_refused_with_the_reason(
        pg_url, tmp_path, capsys):
    article = tmp_path / "a.txt"
    article.write_text("Title: Minsk\nOutlet: Kyiv Ledger\n---\nThe second Minsk agreement "
                       "was signed on 12 February 2015 in Belarus, with 13 points.\n",
                       encoding="utf-8")
    assert cli(["import", "--db", pg_url, str(article)]) == 0
    assert cli(["search", "--db", pg_url, "minsk"]) == 0
    assert "Minsk agreement" in capsys.readouterr().out
    assert cli(["info", "--db", pg_url]) == 0
    out = capsys.readouterr().out
    assert pg_url in out and "articles: 1" in out
    assert cli(["check", "--db", pg_url]) == 0
    out = capsys.readouterr().out
    assert "the database is sound" in out and "pg_amcheck" in out
    assert cli(["backup", "--db", pg_url]) == 2
    assert "the server's business" in capsys.readouterr().err
    assert cli(["match", "--db", pg_url]) == 0
    # The exports read the server as they read a file; a ClaimReview file merges back in.
    pdf, csv_out, review = tmp_path / "b.pdf", tmp_path / "c.csv", tmp_path / "r.json"
    assert cli(["report", "--db", pg_url, "--out", str(pdf), "--status", "all"]) == 0
    assert pdf.read_bytes().startswith(b"%PDF")
    assert cli(["export", "--db", pg_url, "--format", "csv", "--out", str(csv_out)]) == 0
    assert "Minsk agreement" in csv_out.read_text(encoding="utf-8")
    assert cli(["export", "--db", pg_url, "--format", "claimreview", "--status", "all",
                "--base-url", "https://checks.example.org", "--out", str(review)]) == 0
    assert cli(["import-claimreview", "--db", pg_url, str(review)]) == 0
    with _plain(pg_url) as conn:  # damage the search machinery: the check notices
        conn.execute("DROP INDEX claim_fts_gin")
    capsys.readouterr()
    assert cli(["check", "--db", pg_url]) == 1
    assert "search index claim_fts_gin is missing" in capsys.readouterr().out


def test_a_writer_waits_for_another_then_says_busy_while_readers_go_on(pg_url, monkeypatch):
    import storage.database as database
    from storage.errors import DatabaseBusy

    db = open_location(pg_url)
    _store(db, "Before", "Russia controls about 18 percent of Ukraine, ISW says.")
    monkeypatch.setattr(database, "BUSY_TIMEOUT_MS", 300)
    try:
        with _plain(pg_url) as other:  # another Claimdesk in the middle of a long write
            other.execute("BEGIN")
            other.execute("SELECT pg_advisory_xact_lock(%s)", (database.WRITER_LOCK_KEY,))
            with pytest.raises(DatabaseBusy, match="being written by another"):
                _store(db, "Blocked", "A second article that has to wait for the first.")
            with db.read() as session:  # reading is never blocked by a writer
                assert search_claim_ids(session, "isw") != []
            other.execute("COMMIT")
        _store(db, "After", "A third article, stored once the other writer is done.")
    finally:
        db.dispose()


def test_a_server_that_goes_away_is_a_sentence_and_nothing_half_saved(pg_url):
    from bench.pg_cluster import _free_port
    from storage.database import Database, make_server_engine
    from storage.errors import ServerConnectionLost

    dead = f"postgresql://ana@127.0.0.1:{_free_port()}/claims"
    gone = Database(None, make_server_engine(dead), location=dead)
    try:
        with pytest.raises(ServerUnavailable, match="could not connect"), gone.read() as s:
            s.execute(select(Outlet.id)).all()
        with pytest.raises(ServerUnavailable), gone.write():
            pass
    finally:
        gone.dispose()

    db = open_location(pg_url)
    try:
        with pytest.raises(ServerConnectionLost, match="was lost"), db.write() as session:
            session.add(Outlet(name="Half-saved"))
            session.flush()
            pid = session.connection().exec_driver_sql("SELECT pg_backend_pid()").scalar()
            with _plain(pg_url) as admin:  # the server ends this connection (a restart)
                admin.execute("SELECT pg_terminate_backend(%s)", (pid,))
            session.execute(select(Outlet.id)).all()
        _store(db, "Later", "The next save works again on a fresh connection, ISW says.")
        with db.read() as session:
            assert session.execute(select(Outlet.name)).scalars().all() == ["Sample: Wire"]
    finally:
        db.dispose()


def test_an_ordinary_role_without_extension_rights_gets_search_without_accent_folding(
        pg_cluster):
    # The usual newsroom set-up: a login role that owns nothing but may create tables in
    # the schema; it may not create extensions, so search works without unaccent.
    url = pg_cluster.create_database("plain")
    name = url.rsplit("/", 1)[1]
    with _plain(url) as admin:
        admin.execute("DROP ROLE IF EXISTS checker")
        admin.execute("CREATE ROLE checker LOGIN")
        admin.execute(f'REVOKE CREATE ON DATABASE "{name}" FROM PUBLIC')
        admin.execute("GRANT CREATE, USAGE ON SCHEMA public TO checker")
    checker_url = url.replace("claimdesk@", "checker@")
    db = open_location(checker_url)
    try:
        _store(db, "Café", "The café in Kyiv reopened, the mayor said.")
        with db.read() as session:
            assert len(search_claim_ids(session, "café")) == 1
            assert len(search_claim_ids(session, "kyiv")) == 1
            assert search_claim_ids(session, "cafe") == []  # no unaccent on this server
        with _plain(url) as admin:
            assert admin.execute(
                "SELECT count(*) FROM pg_extension WHERE extname = 'unaccent'").fetchone() == (0,)
    finally:
        db.dispose()
        pg_cluster.drop_database(url)
        with _plain(pg_cluster.url()) as admin:
            admin.execute("DROP ROLE IF EXISTS checker")
