"""Search in scripts without spaces (one Han character finds its items), Urdu written with
zero-width non-joiners, and words joined by an apostrophe."""

from __future__ import annotations

from tiffin.library import queries
from tiffin.library.models import NewItem
from tiffin.library.search import fts_query, search
from tiffin.library.store import Store

ZWNJ = "\u200c"


def _items(store: Store, *items: NewItem) -> None:
    source, _ = queries.add_source(store, "http://a.test/f")
    queries.save_items(store, source.id, list(items), 1.0)


def test_han_text_is_found_by_one_two_or_more_characters(store: Store) -> None:
    _items(
        store,
        NewItem("1", "", "台北集會", text="反對黨今天在台北舉行集會"),
        NewItem("2", "", "天氣", text="台北今天下雨"),
        NewItem("3", "", "經濟新聞", text="股市上漲"),
        NewItem("4", "", "集會延期", text="高雄的集會延期到明天"),
        NewItem("5", "", "Sports", text="The match ended late"),
    )
    assert {h.title for h in search(store, "集")} == {"台北集會", "集會延期"}
    assert {h.title for h in search(store, "台北")} == {"台北集會", "天氣"}
    assert {h.title for h in search(store, "舉行集會")} == {"台北集會"}
    assert {h.title for h in search(store, "集會 台北")} == {"台北集會"}
    hit = search(store, "舉行集會")[0]
    assert "[舉行集會]" in hit.marked("[", "]")
    assert "[集]" in search(store, "集")[0].marked("[", "]")


def test_japanese_thai_and_mixed_queries(store: Store) -> None:
    _items(
        store,
        NewItem("1", "", "東京のニュース", text="今日は東京で集会がありました"),
        NewItem("2", "", "ข่าววันนี้", text="การชุมนุมในกรุงเทพ"),
        NewItem("3", "", "Rally in 東京", text="the opposition rally in 東京"),
    )
    assert {h.title for h in search(store, "集会")} == {"東京のニュース"}
    assert {h.title for h in search(store, "ชุมนุม")} == {"ข่าววันนี้"}
    assert {h.title for h in search(store, "rally 東京")} == {"Rally in 東京"}


def test_the_trigram_index_follows_updates_and_deletes(store: Store) -> None:
    _items(store, NewItem("1", "", "宵禁", text="道路封閉"))
    assert [h.title for h in search(store, "封閉")] == ["宵禁"]
    source = queries.list_sources(store)[0]
    queries.save_items(store, source.id, [NewItem("1", "", "宵禁解除", text="open")], 2.0)
    assert search(store, "封閉") == []
    assert [h.title for h in search(store, "解除")] == ["宵禁解除"]
    queries.delete_source(store, source.id)
    assert search(store, "宵禁") == []


def test_urdu_with_zero_width_non_joiners_and_latin_still_work(store: Store) -> None:
    word = f"جلسہ{ZWNJ}گاہ"
    _items(
        store,
        NewItem("1", "", "خبریں", text=f"اسلام آباد کی {word} میں اتوار کو"),
        NewItem("2", "", "Rally", text="Opposition gathers on Sunday"),
    )
    assert [h.title for h in search(store, word)] == ["خبریں"]
    assert [h.title for h in search(store, "جلسہ")] == ["خبریں"]
    assert [h.title for h in search(store, "gath")] == ["Rally"]


def test_an_apostrophe_joins_a_word_instead_of_matching_every_t(store: Store) -> None:
    _items(
        store,
        NewItem("1", "", "Quote", text="We don't give up, said the leader"),
        NewItem("2", "", "Other", text="The talks took time"),
    )
    assert fts_query("don't") == '"don t"'
    (hit,) = search(store, "don't")
    assert hit.title == "Quote"
    marked = hit.marked("[", "]")
    assert "[don't]" in marked and "[the]" not in marked
