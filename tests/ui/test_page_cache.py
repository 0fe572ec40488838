"""The page cache behind the lazy list models (ui/models/page_cache.py)."""

from __future__ import annotations

from ui.models.page_cache import PageCache


def test_a_missing_page_is_asked_for_once_and_shown_once_stored():
    cache: PageCache[str] = PageCache(page_size=10, max_pages=3)
    cache.reset([f"r{n}" for n in range(10)])
    asked: list[int] = []
    assert cache.row_at(3, asked.append) == "r3"
    assert cache.row_at(25, asked.append) is None
    assert cache.row_at(27, asked.append) is None
    assert asked == [2]
    assert cache.store(2, ["a", "b", "c", "d", "e", "f"], count=26) == range(20, 26)
    assert cache.row_at(25, asked.append) == "f"
    assert cache.row_at(27, asked.append) is None  # past the rows the page holds
    assert asked == [2]


def test_the_least_recently_used_page_goes_first():
    cache: PageCache[int] = PageCache(page_size=2, max_pages=2)
    cache.reset([0, 1])
    cache.store(1, [2, 3], count=10)
    cache.row_at(0, lambda _page: None)  # page 0 is now the most recently used
    cache.store(2, [4, 5], count=10)
    assert len(cache) == 2
    asked: list[int] = []
    assert cache.row_at(2, asked.append) is None
    assert asked == [1]
    assert cache.position_of(lambda row: row == 5) == 5
    assert cache.position_of(lambda row: row == 3) is None


def test_a_new_list_forgets_the_pages_asked_for():
    cache: PageCache[int] = PageCache(page_size=2, max_pages=4)
    cache.reset([0, 1])
    asked: list[int] = []
    cache.row_at(4, asked.append)
    cache.reset([7, 8])
    cache.row_at(4, asked.append)
    assert asked == [2, 2]
    assert len(cache) == 1
