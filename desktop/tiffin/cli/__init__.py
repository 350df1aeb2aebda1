"""The headless `tiffin` subcommands, for scripts and home servers."""
