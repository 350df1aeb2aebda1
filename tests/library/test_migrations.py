"""Schema migrations: a database made by the first schema opens and upgrades in place."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tiffin.errors import SchemaTooNew
from tiffin.library import queries
from tiffin.library.migrations import LATEST, current_version, migrate
from tiffin.library.models import NewItem
from tiffin.library.search import search
from tiffin.library.store import Store


def _first_schema_database(path: Path) -> None:
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, path, target=1)
    db.execute("INSERT INTO sources (url, title, added_at) VALUES ('http://old.test/f', 'Old', 1)")
    db.execute(
        "INSERT INTO items (source_id, dedup_key, guid, title, text, fetched_at, read)"
        " VALUES (1, 'guid:x', 'x', 'Kept item', 'survives the upgrade', 1, 1)"
    )
    db.close()


def test_first_schema_database_upgrades_in_place(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    _first_schema_database(path)
    with Store(path) as store:
        with store.read() as db:
            assert current_version(db) == LATEST
            columns = {r[1] for r in db.execute("PRAGMA table_info(sources)")}
        assert {"retry_after", "error_count"} <= columns
        (item,) = queries.list_items(store)
        assert item.title == "Kept item" and item.read
        queries.save_items(store, 1, [NewItem("y", "", "New item", text="written later")], 3.0)
        assert [h.title for h in search(store, "survives")] == ["Kept item"]
        assert [h.title for h in search(store, "written")] == ["New item"]
        queries.record_fetch_error(store, 1, "boom", 2.0, retry_at=99.0)
        assert queries.get_source(store, 1).retry_after == 99.0
    backup = tmp_path / "library.sqlite.bak-v1"
    assert backup.exists()
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    old.close()


def test_newer_schema_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite"
    Store(path).close()
    db = sqlite3.connect(path)
    db.execute(f"PRAGMA user_version = {LATEST + 1}")
    db.close()
    before = path.read_bytes()
    with pytest.raises(SchemaTooNew, match="update Tiffin"):
        Store(path)
    assert path.read_bytes() == before
