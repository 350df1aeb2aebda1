"""`tiffin settings`: budgets, the cap, the download window and the proxy set from the command
line, as a home server without the settings dialog sets them; then obeyed by `tiffin net`."""

from __future__ import annotations

import json
from pathlib import Path

from cli.test_cli import tiffin
from support.testweb import TestWeb


def test_settings_are_set_checked_and_shown(tmp_path: Path) -> None:
    home = tmp_path / "home"
    for name, value, said in [
        ("daily_budget", "500M", "daily_budget = 524288000"),
        ("bandwidth_cap", "1.5M/s", "bandwidth_cap = 1572864"),
        ("media_window", "23-6", "media_window = 23-6"),
        ("proxy_mode", "blocked", "proxy_mode = blocked"),
    ]:
        done = tiffin(home, "settings", name, value)
        assert done.returncode == 0 and done.stdout.strip() == said, done
    done = tiffin(home, "settings", "proxy", "socks5://me:hunter2@127.0.0.1:9050")
    assert done.stdout.startswith("proxy = socks5://me@127.0.0.1:9050; its password is kept in")
    shown = json.loads(tiffin(home, "settings", "--json").stdout)
    assert shown["media_window"] == [23, 6] and shown["proxy"] == "socks5://me@127.0.0.1:9050"
    assert "hunter2" not in (home / "config" / "settings.json").read_text()
    assert tiffin(home, "settings", "media_window", "none").stdout.strip() == "media_window = none"

    for name, value, error in [
        ("daily_budget", "lots", "'lots' is not a size"),
        ("media_window", "9-9", "different start and end"),
        ("proxy", "ftp://x:1", "a proxy address starts with one of"),
        ("proxy_mode", "sometimes", "proxy_mode is one of off, all, blocked"),
        ("colour", "red", "there is no setting 'colour'"),
    ]:
        done = tiffin(home, "settings", name, value)
        assert done.returncode != 0 and error in done.stderr, done


def test_net_json_names_each_hosts_path(web: TestWeb, tmp_path: Path) -> None:
    home = tmp_path / "home"
    feed = web.add_fixture("feeds/atp.rss")
    assert tiffin(home, "add", feed).returncode == 0
    assert tiffin(home, "refresh").returncode == 0
    assert tiffin(home, "settings", "proxy", "http://127.0.0.1:9").returncode == 0
    hosts = json.loads(tiffin(home, "net", "--json").stdout)
    assert [(h["path"], h["proxy"]) for h in hosts] == [("proxy", "http://127.0.0.1:9")]
    assert tiffin(home, "settings", "proxy_mode", "blocked").returncode == 0
    hosts = json.loads(tiffin(home, "net", "--json").stdout)
    assert [(h["state"], h["path"], h["proxy"]) for h in hosts] == [("good", "direct", None)]
