"""Sharing without internet: verified bundles for a USB stick, and the library on the LAN."""
