"""Support code for the tests: the local test web and helpers shared by several test packages."""
