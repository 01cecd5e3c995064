"""Figures kept in memory, keyed by the view they draw.

A classroom asks for the same few views again and again (the same dates, the same
organizations), and building a figure costs 5–30 ms (a view's frames, a figure for
every period, many times that): each is built once and then answered from memory, up
to `KEPT` figures per view, least recently used dropped first. Keys are the validated
controls (`state.Controls`, a frozen dataclass) and the day.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

__all__ = ["FRAMES_KEPT", "KEPT", "Shelf"]

KEPT = 64
FRAMES_KEPT = 8  # a view's frames: a figure for each period, each choice of the other controls


class Shelf:
    """Values that take long to build (a view's frames, a second or so), each built once.

    Like `functools.lru_cache`, the last `size` keys are kept; unlike it, a key asked for
    again while its value is being built (a reader moving the date on while the frames
    are on their way, in another thread) waits for that build instead of starting another.
    """

    def __init__(self, size: int):
        self._size = size
        self._kept: OrderedDict[Hashable, object] = OrderedDict()
        self._building: dict[Hashable, threading.Lock] = {}
        self._lock = threading.Lock()

    def get(self, key: Hashable, build: Callable[[], object]) -> object:
        """The value for `key`, built by `build()` if it is not kept."""
        with self._lock:
            if key in self._kept:
                self._kept.move_to_end(key)
                return self._kept[key]
            building = self._building.setdefault(key, threading.Lock())
        with building:
            with self._lock:
                if key in self._kept:
                    return self._kept[key]
            value = build()
            with self._lock:
                self._kept[key] = value
                self._building.pop(key, None)
                while len(self._kept) > self._size:
                    self._kept.popitem(last=False)
        return value
