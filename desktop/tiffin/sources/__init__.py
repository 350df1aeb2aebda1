"""What to get: parsing feeds (RSS, Atom, JSON Feed), OPML lists, and feed autodiscovery."""
