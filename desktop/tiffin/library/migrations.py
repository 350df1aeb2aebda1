"""The schema as an ordered list of steps; PRAGMA user_version holds the number applied.

Each step is one small function run inside a transaction. Before an existing database is
upgraded it is copied aside as `library.sqlite.bak-v<old>`. Append new steps; never edit old ones.
"""

from __future__ import annotations

import contextlib
import logging
import sqlite3
from collections.abc import Callable
from pathlib import Path

from tiffin.errors import SchemaTooNew

logger = logging.getLogger(__name__)


def _run_script(db: sqlite3.Connection, script: str) -> None:
    """Run statements one by one: executescript() would commit and break the step's transaction."""
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            db.execute(pending)
            pending = ""
    if pending.strip():
        raise ValueError(f"incomplete SQL statement in migration: {pending!r}")


def _v1_initial(db: sqlite3.Connection) -> None:
    _run_script(
        db,
        """
        CREATE TABLE sources (
            id INTEGER PRIMARY KEY,
            url TEXT NOT NULL UNIQUE,
            title TEXT NOT NULL DEFAULT '',
            site_url TEXT NOT NULL DEFAULT '',
            folder TEXT NOT NULL DEFAULT '',
            added_at REAL NOT NULL,
            last_fetched_at REAL,
            last_success_at REAL,
            last_error TEXT
        );
        CREATE TABLE items (
            id INTEGER PRIMARY KEY,
            source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
            dedup_key TEXT NOT NULL,
            guid TEXT NOT NULL DEFAULT '',
            url TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            author TEXT NOT NULL DEFAULT '',
            summary_html TEXT NOT NULL DEFAULT '',
            content_html TEXT NOT NULL DEFAULT '',
            text TEXT NOT NULL DEFAULT '',
            published REAL,
            fetched_at REAL NOT NULL,
            read INTEGER NOT NULL DEFAULT 0,
            UNIQUE (source_id, dedup_key)
        );
        CREATE INDEX items_by_source_date ON items (source_id, published DESC);
        CREATE INDEX items_by_date ON items (published DESC);
        CREATE TABLE enclosures (
            id INTEGER PRIMARY KEY,
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            url TEXT NOT NULL,
            type TEXT NOT NULL DEFAULT '',
            length INTEGER,
            UNIQUE (item_id, url)
        );
        CREATE VIRTUAL TABLE items_fts USING fts5(
            title, text, content='items', content_rowid='id',
            tokenize='unicode61 remove_diacritics 2'
        );
        CREATE TRIGGER items_fts_insert AFTER INSERT ON items BEGIN
            INSERT INTO items_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        CREATE TRIGGER items_fts_delete AFTER DELETE ON items BEGIN
            INSERT INTO items_fts (items_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
        END;
        CREATE TRIGGER items_fts_update AFTER UPDATE OF title, text ON items BEGIN
            INSERT INTO items_fts (items_fts, rowid, title, text)
            VALUES ('delete', old.id, old.title, old.text);
            INSERT INTO items_fts (rowid, title, text) VALUES (new.id, new.title, new.text);
        END;
        """,
    )


def _v2_fetch_backoff(db: sqlite3.Connection) -> None:
    """Remember when a server asked us to come back, and how many fetches failed in a row."""
    db.execute("ALTER TABLE sources ADD COLUMN retry_after REAL")
    db.execute("ALTER TABLE sources ADD COLUMN error_count INTEGER NOT NULL DEFAULT 0")
    db.execute("CREATE INDEX items_unread ON items (source_id) WHERE read = 0")


def _v3_index_new_items_in_code(db: sqlite3.Connection) -> None:
    """New items enter the search index from queries.save_items: the same FTS5 insert made by an
    AFTER INSERT trigger took 2.5 times as long (1.49 s against 0.58 s for 18,000 items)."""
    db.execute("DROP TRIGGER items_fts_insert")


def _v4_full_articles(db: sqlite3.Connection) -> None:
    """Full articles: the extracted page per item, its raw page kept compressed for a later
    re-extraction, and the pictures it uses (remote address -> stored file)."""
    _run_script(
        db,
        """
        ALTER TABLE sources ADD COLUMN full_articles INTEGER;
        ALTER TABLE items ADD COLUMN article_state TEXT NOT NULL DEFAULT '';
        ALTER TABLE items ADD COLUMN article_html TEXT NOT NULL DEFAULT '';
        ALTER TABLE items ADD COLUMN article_note TEXT NOT NULL DEFAULT '';
        ALTER TABLE items ADD COLUMN lang TEXT NOT NULL DEFAULT '';
        CREATE INDEX items_article_pending ON items (source_id) WHERE article_state = '';
        CREATE TABLE pages (
            item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
            url TEXT NOT NULL,
            fetched_at REAL NOT NULL,
            body BLOB NOT NULL
        );
        CREATE TABLE images (
            url TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            mime TEXT NOT NULL,
            bytes INTEGER NOT NULL,
            width INTEGER NOT NULL,
            height INTEGER NOT NULL
        );
        CREATE TABLE item_images (
            item_id INTEGER NOT NULL REFERENCES items(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            PRIMARY KEY (item_id, name)
        ) WITHOUT ROWID;
        """,
    )


def _v5_downloads(db: sqlite3.Connection) -> None:
    """Video and audio: the download queue (ordered by position), where each file and its
    subtitles and thumbnail ended up (relative to the media folder), where the user stopped
    playing it; channel sources (listed by yt-dlp) and each source's rules for queueing new
    entries; an item's duration and live status (not_live, is_live, is_upcoming, was_live)."""
    _run_script(
        db,
        """
        CREATE TABLE downloads (
            id INTEGER PRIMARY KEY,
            item_id INTEGER REFERENCES items(id) ON DELETE SET NULL,
            url TEXT NOT NULL,
            quality TEXT NOT NULL DEFAULT '',
            title TEXT NOT NULL DEFAULT '',
            status TEXT NOT NULL,
            position REAL NOT NULL,
            path TEXT,
            bytes_total INTEGER,
            bytes_done INTEGER NOT NULL DEFAULT 0,
            duration REAL,
            error TEXT,
            added_at REAL NOT NULL,
            finished_at REAL,
            played INTEGER NOT NULL DEFAULT 0,
            resume_at REAL NOT NULL DEFAULT 0,
            UNIQUE (url, quality)
        );
        CREATE INDEX downloads_queue ON downloads (status, position);
        ALTER TABLE downloads ADD COLUMN subtitle_langs TEXT NOT NULL DEFAULT '';
        ALTER TABLE downloads ADD COLUMN want_thumbnail INTEGER NOT NULL DEFAULT 1;
        ALTER TABLE downloads ADD COLUMN subtitles TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE downloads ADD COLUMN thumbnail TEXT;
        ALTER TABLE sources ADD COLUMN kind TEXT NOT NULL DEFAULT 'feed';
        ALTER TABLE sources ADD COLUMN media_rules TEXT;
        ALTER TABLE items ADD COLUMN duration REAL;
        ALTER TABLE items ADD COLUMN live_status TEXT NOT NULL DEFAULT '';
        """,
    )


def _v6_recordings(db: sqlite3.Connection) -> None:
    """Live recordings share the downloads table but not the download queue."""
    db.execute("ALTER TABLE downloads ADD COLUMN live INTEGER NOT NULL DEFAULT 0")


def _v7_line_observations(db: sqlite3.Connection) -> None:
    """What transfers said about the line to each host (net/line.py judges the state)."""
    _run_script(
        db,
        """
        CREATE TABLE line_observations (
            id INTEGER PRIMARY KEY,
            host TEXT NOT NULL,
            at REAL NOT NULL,
            kind TEXT NOT NULL,
            bytes INTEGER NOT NULL DEFAULT 0,
            seconds REAL NOT NULL DEFAULT 0,
            rtt REAL,
            url TEXT NOT NULL DEFAULT '',
            detail TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX line_observations_at ON line_observations (at);
        """,
    )


def _v8_data_usage(db: sqlite3.Connection) -> None:
    """Bytes on the wire per local day, for the daily and monthly budgets."""
    db.execute("CREATE TABLE data_usage (day TEXT PRIMARY KEY, bytes INTEGER NOT NULL)")


def _v9_events(db: sqlite3.Connection) -> None:
    """Events ("the rally, Sunday 18:00") and what is tagged for them: sources and downloads."""
    db.execute(
        "CREATE TABLE events (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE,"
        " at REAL NOT NULL, created_at REAL NOT NULL)"
    )
    for table in ("sources", "downloads"):
        db.execute(
            f"ALTER TABLE {table} ADD COLUMN event_id INTEGER"
            " REFERENCES events(id) ON DELETE SET NULL"
        )


def _v10_observation_paths(db: sqlite3.Connection) -> None:
    """The way each observed transfer went (direct or through the proxy)."""
    db.execute("ALTER TABLE line_observations ADD COLUMN path TEXT NOT NULL DEFAULT ''")


def _v11_item_packers(db: sqlite3.Connection) -> None:
    """Who packed an imported item (the packer's key fingerprint; "" for what was fetched)."""
    db.execute("ALTER TABLE items ADD COLUMN packer TEXT NOT NULL DEFAULT ''")


# Scripts written without spaces between words (Han, kana, Thai, Lao, Myanmar, Khmer) and
# Hangul, whose words carry their particles: unicode61 makes a whole run one token, so these
# items are also indexed by trigrams. Ranges for SQLite's GLOB, which compares code points.
NO_SPACES_PREFIX = 2000
# As a character class's inside, for SQLite's GLOB and Python's re alike (search.py).
NO_SPACES_RANGES = (
    "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u4dbf"
    "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
)
NO_SPACES_GLOB = f"*[{NO_SPACES_RANGES}]*"


def _v12_trigram_index(db: sqlite3.Connection) -> None:
    """A trigram index of the items in scripts without spaces. New items enter it from
    search.index_new_item (as items_fts, v3: a GLOB in an insert trigger cost the refresh a
    second of its write lock); an updated or deleted item is followed by triggers. Whether an
    item needs it is judged on the start of its title and text, NO_SPACES_PREFIX characters."""
    head = f"substr(new.title || ' ' || new.text, 1, {NO_SPACES_PREFIX})"
    _run_script(
        db,
        f"""
        CREATE VIRTUAL TABLE items_trigrams USING fts5(title, text, tokenize='trigram');
        CREATE TRIGGER items_trigrams_delete AFTER DELETE ON items BEGIN
            DELETE FROM items_trigrams WHERE rowid = old.id;
        END;
        CREATE TRIGGER items_trigrams_update AFTER UPDATE OF title, text ON items BEGIN
            DELETE FROM items_trigrams WHERE rowid = old.id;
            INSERT INTO items_trigrams (rowid, title, text)
            SELECT new.id, new.title, new.text WHERE {head} GLOB '{NO_SPACES_GLOB}';
        END;
        INSERT INTO items_trigrams (rowid, title, text)
            SELECT id, title, text FROM items
            WHERE substr(title || ' ' || text, 1, {NO_SPACES_PREFIX}) GLOB '{NO_SPACES_GLOB}';
        """,
    )


def _v13_source_icons(db: sqlite3.Connection) -> None:
    """Each source's site icon, kept for offline (a small PNG; NULL when none could be had,
    tried again later)."""
    _run_script(
        db,
        """
        CREATE TABLE source_icons (
            source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
            png BLOB,
            fetched_at REAL NOT NULL
        );
        """,
    )


def _v14_live_items_index(db: sqlite3.Connection) -> None:
    """The few live and upcoming items, indexed apart: what to record and each event's streams
    are found without reading the whole items table (a 100k-item library read 160 MB for it)."""
    _run_script(
        db,
        """
        CREATE INDEX items_live ON items (source_id)
            WHERE live_status IN ('is_live', 'is_upcoming');
        """,
    )


def _v15_healing(db: sqlite3.Connection) -> None:
    """What a recording lacks and its healing from the replay: seconds lost (`gaps`), the
    stretches kept as sound only, and the heal's state, note, tries and next try."""
    _run_script(
        db,
        """
        ALTER TABLE downloads ADD COLUMN gaps REAL NOT NULL DEFAULT 0;
        ALTER TABLE downloads ADD COLUMN audio_only TEXT NOT NULL DEFAULT '[]';
        ALTER TABLE downloads ADD COLUMN heal TEXT NOT NULL DEFAULT '';
        ALTER TABLE downloads ADD COLUMN heal_note TEXT;
        ALTER TABLE downloads ADD COLUMN heal_tries INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE downloads ADD COLUMN heal_after REAL NOT NULL DEFAULT 0;
        """,
    )


def _v16_article_versions(db: sqlite3.Connection) -> None:
    """Which method's reading of a page was kept, the most different one left (its method on
    the item, its HTML aside, read only when asked for), and when what was kept looks short,
    the words the page's paragraphs hold (else 0)."""
    _run_script(
        db,
        """
        ALTER TABLE items ADD COLUMN article_method TEXT NOT NULL DEFAULT '';
        ALTER TABLE items ADD COLUMN article_other TEXT NOT NULL DEFAULT '';
        ALTER TABLE items ADD COLUMN article_short INTEGER NOT NULL DEFAULT 0;
        CREATE TABLE article_others (
            item_id INTEGER PRIMARY KEY REFERENCES items(id) ON DELETE CASCADE,
            html TEXT NOT NULL
        );
        """,
    )


STEPS: tuple[Callable[[sqlite3.Connection], None], ...] = (
    _v1_initial,
    _v2_fetch_backoff,
    _v3_index_new_items_in_code,
    _v4_full_articles,
    _v5_downloads,
    _v6_recordings,
    _v7_line_observations,
    _v8_data_usage,
    _v9_events,
    _v10_observation_paths,
    _v11_item_packers,
    _v12_trigram_index,
    _v13_source_icons,
    _v14_live_items_index,
    _v15_healing,
    _v16_article_versions,
)
LATEST = len(STEPS)


def current_version(db: sqlite3.Connection) -> int:
    """The schema version recorded in the database (0 for a new file)."""
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def migrate(db: sqlite3.Connection, path: Path | None, target: int = LATEST) -> int:
    """Bring the database at `path` (open as `db`) up to `target`; returns the old version.

    Raises SchemaTooNew when the file is newer than this code knows.
    """
    old = current_version(db)
    if old > LATEST:
        raise SchemaTooNew(
            f"the library at {path} has schema version {old}, but this Tiffin knows only up to "
            f"{LATEST}; update Tiffin to open it (the file was left unchanged)"
        )
    if old >= target:
        return old
    if old > 0 and path is not None and path.exists():
        backup = path.with_name(f"{path.name}.bak-v{old}")
        backup.unlink(missing_ok=True)
        # SQLite's backup API copies a consistent database, WAL included, whoever else has it open.
        with contextlib.closing(sqlite3.connect(backup)) as copy:
            db.backup(copy)
        logger.info("copied library schema v%d aside to %s before upgrading", old, backup)
    for version in range(old + 1, target + 1):
        step = STEPS[version - 1]
        db.execute("BEGIN IMMEDIATE")
        try:
            step(db)
            db.execute(f"PRAGMA user_version = {version}")
        except BaseException:
            db.execute("ROLLBACK")
            raise
        db.execute("COMMIT")
        logger.info("library schema upgraded to v%d (%s)", version, step.__name__)
    return old
