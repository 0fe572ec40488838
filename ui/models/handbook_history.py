"""Back and forward through handbook sections, as in a web browser, with scroll positions."""

from __future__ import annotations

from dataclasses import dataclass

MAX_PLACES = 100


@dataclass
class Place:
    """A section visited, and how far down it the officer had read (0 to 1)."""

    slug: str
    scroll: float = 0.0


class History:
    """Places visited; visiting a new one drops the places ahead of the current one."""

    def __init__(self) -> None:
        self.places: list[Place] = []
        self.index = -1

    @property
    def current(self) -> Place | None:
        """The place shown now."""
        return self.places[self.index] if self.index >= 0 else None

    def visit(self, slug: str) -> None:
        """A new place: it becomes current and there is nothing ahead any more."""
        del self.places[self.index + 1:]
        self.places.append(Place(slug))
        del self.places[:-MAX_PLACES]
        self.index = len(self.places) - 1

    def remember_scroll(self, fraction: float) -> None:
        """Note how far down the current place has been read."""
        if self.current is not None:
            self.current.scroll = fraction

    def can_go_back(self) -> bool:
        """There is a place before this one."""
        return self.index > 0

    def can_go_forward(self) -> bool:
        """There is a place ahead of this one."""
        return self.index < len(self.places) - 1

    def back(self) -> Place | None:
        """Step back; the place to show, or None at the start."""
        if not self.can_go_back():
            return None
        self.index -= 1
        return self.places[self.index]

    def forward(self) -> Place | None:
        """Step forward; the place to show, or None at the end."""
        if not self.can_go_forward():
            return None
        self.index += 1
        return self.places[self.index]
