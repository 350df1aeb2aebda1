"""The PySide6 shell over the core: windows, dialogs, item models and worker threads."""
