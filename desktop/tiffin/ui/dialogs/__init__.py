"""Dialogs of the Tiffin window."""
