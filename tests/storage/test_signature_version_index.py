"""Revision 0005: counting the signed claims (matching's word weights, twice per import) reads
the index on claim_signature.version, not the table's rows, in a database upgraded to it."""

from __future__ import annotations

from sqlalchemy import inspect, text

from storage.schema import open_database


def test_an_upgraded_database_counts_signatures_on_the_index(db_path):
    old = open_database(db_path, upgrade_to="0004_measures")
    old.dispose()
    db = open_database(db_path)
    try:
        with db.read() as session:
            names = {ix["name"] for ix in inspect(session.connection()).get_indexes(
                "claim_signature")}
            plan = " ".join(str(row[-1]) for row in session.execute(text(
                "EXPLAIN QUERY PLAN SELECT count(*) FROM claim_signature")))
        assert "ix_claim_signature_version" in names
        assert "ix_claim_signature_version" in plan
    finally:
        db.dispose()
