"""The pages of a long list kept in memory: the ones seen last, and the ones being read.

The lazy table models (ui/models/lazy_table.py, ui/models/rfa_table.py) read their rows a
page at a time; this cache says which row a position shows, asks for a missing page once
(until it arrives or the list is replaced) and forgets the least recently used pages
beyond `max_pages`. No Qt here: the models turn what it says into Qt signals.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from typing import Generic, TypeVar

Row = TypeVar("Row")


class PageCache(Generic[Row]):
    """Pages of `page_size` rows by page number, the most recently used last."""

    def __init__(self, page_size: int, max_pages: int) -> None:
        self.page_size = page_size
        self.max_pages = max_pages
        self._pages: OrderedDict[int, list[Row]] = OrderedDict()
        self._pending: set[int] = set()

    def __len__(self) -> int:
        return len(self._pages)

    def reset(self, first_page: list[Row]) -> None:
        """Hold only the first page of a new list; nothing is being read for it yet."""
        self._pages = OrderedDict({0: first_page})
        self._pending = set()

    def row_at(self, position: int, fetch: Callable[[int], None]) -> Row | None:
        """The row at a position if its page is in memory; else None, and `fetch(page)` is
        called (once a page, until it arrives)."""
        page = position // self.page_size
        rows = self._pages.get(page)
        if rows is None:
            if page not in self._pending:
                self._pending.add(page)
                fetch(page)
            return None
        self._pages.move_to_end(page)
        offset = position - page * self.page_size
        return rows[offset] if offset < len(rows) else None

    def store(self, page: int, rows: list[Row], count: int) -> range:
        """Keep a page that arrived; the positions (of a list of `count`) it covers."""
        self._pending.discard(page)
        self._pages[page] = rows
        while len(self._pages) > self.max_pages:
            self._pages.popitem(last=False)
        first = page * self.page_size
        return range(first, min(count, first + self.page_size))

    def position_of(self, matches: Callable[[Row], bool]) -> int | None:
        """The position of the first row in memory that `matches` (None when none does)."""
        for page, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if matches(row):
                    return page * self.page_size + offset
        return None
