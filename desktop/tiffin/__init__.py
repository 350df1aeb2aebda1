"""Tiffin: pack news, video and livestreams while the line is good; read and watch offline."""

__version__ = "0.1.0"
