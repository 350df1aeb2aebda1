"""Sizes and durations as the views write them."""

from __future__ import annotations


def human_size(count: float) -> str:
    """Bytes as B, KiB, MiB or GiB with one decimal."""
    for unit in ("B", "KiB", "MiB"):
        if count < 1024:
            return f"{count:.0f} {unit}" if unit == "B" else f"{count:.1f} {unit}"
        count /= 1024
    return f"{count:.1f} GiB"


def human_time(seconds: float) -> str:
    """A duration as m:ss or h:mm:ss."""
    whole = int(max(0, seconds))
    hours, rest = divmod(whole, 3600)
    return f"{hours}:{rest // 60:02d}:{rest % 60:02d}" if hours else f"{rest // 60}:{rest % 60:02d}"
