"""The storage suite runs against every engine: ``db`` follows the ``db_url`` parameter."""

from __future__ import annotations

import pytest


@pytest.fixture
def db(db_url: str):
    from storage.schema import open_location

    database = open_location(db_url)
    yield database
    database.dispose()
