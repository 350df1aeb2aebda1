"""Livestreams: waiting for scheduled streams and recording them segment by segment."""
