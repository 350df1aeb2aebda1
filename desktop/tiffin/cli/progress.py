"""A one-line progress bar on a terminal; silent when the output is piped."""

from __future__ import annotations

import shutil
import sys
from typing import TextIO

from tiffin.progress import Step


class ProgressBar:
    """Draws `[#####.....] 12/50 label` on stderr when it is a terminal, nothing otherwise."""

    def __init__(self, stream: TextIO | None = None) -> None:
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty()

    def __call__(self, step: Step) -> None:
        if not self.enabled or step.total <= 0:
            return
        width = max(10, min(40, shutil.get_terminal_size().columns - 40))
        filled = width * step.done // step.total
        label = step.label[-30:]
        self.stream.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {step.done}/{step.total} {label:<30}"
        )
        self.stream.flush()

    def close(self) -> None:
        """End the bar's line."""
        if self.enabled:
            self.stream.write("\n")
            self.stream.flush()
