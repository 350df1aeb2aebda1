"""HTTP validators (ETag, Last-Modified) kept between runs in a diskcache, keyed by URL."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import diskcache


class ValidatorCache:
    """Remembers the validators of the last successful fetch of each address."""

    def __init__(self, folder: Path) -> None:
        self._cache = diskcache.Cache(str(folder / "validators"))

    def get(self, url: str) -> Mapping[str, str]:
        """The validators stored for `url` (may be empty)."""
        value = self._cache.get(url)
        return value if isinstance(value, dict) else {}

    def put(self, url: str, validators: Mapping[str, str]) -> None:
        """Store validators for `url`; an empty mapping forgets the address."""
        if validators:
            self._cache.set(url, dict(validators))
        else:
            self._cache.delete(url)

    def close(self) -> None:
        """Close the cache's database."""
        self._cache.close()
