"""Connections to the library database: one writer behind a lock, one reader per thread, WAL."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from tiffin.errors import StoreError
from tiffin.library.migrations import migrate


def _connect(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(path, isolation_level=None, check_same_thread=False, timeout=30.0)
    db.row_factory = sqlite3.Row
    db.execute("PRAGMA foreign_keys = ON")
    db.execute("PRAGMA busy_timeout = 30000")
    return db


class Store:
    """The library database file, opened in WAL mode and migrated to the latest schema.

    Writes go through `write()`, which serialises them on the one writer connection and wraps
    them in a transaction. Reads go through `read()`, a connection of the calling thread's own,
    so readers never wait for the writer. Raises SchemaTooNew for a file from a newer Tiffin and
    StoreError when the file cannot be opened as a database.
    """

    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._writer = _connect(path)
            self._writer.execute("PRAGMA journal_mode = WAL")
            self._writer.execute("PRAGMA synchronous = NORMAL")
            migrate(self._writer, path)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"cannot open the library at {path}: {exc}") from exc
        self._lock = threading.Lock()
        self._local = threading.local()
        # Every reader opened, and those inside a read() now. close() closes only the idle ones;
        # a reader still busy in another thread closes itself when its read ends, because
        # closing a connection under a running statement crashes the process.
        self._readers: list[sqlite3.Connection] = []
        self._busy: set[sqlite3.Connection] = set()
        self._closed = False
        self._readers_lock = threading.Lock()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """Yield the writer connection inside one transaction; roll back if the block raises."""
        with self._lock:
            if self._closed:
                raise StoreError(f"the library at {self.path} is closed")
            db = self._writer
            db.execute("BEGIN IMMEDIATE")
            try:
                yield db
            except BaseException:
                db.execute("ROLLBACK")
                raise
            db.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[sqlite3.Connection]:
        """Yield this thread's reader connection, inside a read transaction for a stable view.

        Raises StoreError once the store is closed (a background read that outlived its window).
        """
        with self._readers_lock:
            if self._closed:
                raise StoreError(f"the library at {self.path} is closed")
            db: sqlite3.Connection | None = getattr(self._local, "db", None)
            if db is None:
                db = _connect(self.path)
                db.execute("PRAGMA query_only = ON")
                self._local.db = db
                self._readers.append(db)
            self._busy.add(db)
        try:
            db.execute("BEGIN")
            try:
                yield db
            finally:
                db.execute("COMMIT")
        finally:
            with self._readers_lock:
                self._busy.discard(db)
                if self._closed:
                    db.close()

    def close(self) -> None:
        """Close every connection this store opened; readers still busy close when they end."""
        with self._readers_lock:
            self._closed = True
            for db in self._readers:
                if db not in self._busy:
                    db.close()
            self._readers.clear()
        with self._lock:
            self._writer.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
