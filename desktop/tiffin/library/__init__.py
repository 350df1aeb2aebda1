"""The library: Tiffin's SQLite store of sources, items and enclosures, with full-text search."""
