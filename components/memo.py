"""Figures kept in memory, keyed by the view they draw.

A classroom asks for the same few views again and again (the same dates, the same
organizations), and building a figure costs 5–30 ms (a view's frames, a figure for
every period, many times that): each is built once and then answered from memory, up
to `KEPT` figures per view, least recently used dropped first. Keys are control values
after validation, made hashable by `frozen`.
"""

from __future__ import annotations

import hashlib
import json
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable

__all__ = ["FRAMES_KEPT", "KEPT", "Shelf", "drawn_key", "frozen", "thawed"]

KEPT = 64
FRAMES_KEPT = 8  # a view's frames: a figure for each period, each choice of the other controls


def frozen(value: object) -> object:
    """`value` with its lists made tuples and its dicts sorted tuples of items, recursively."""
    if isinstance(value, list | tuple):
        return tuple(frozen(item) for item in value)
    if isinstance(value, dict):
        return ("dict", tuple(sorted((str(key), frozen(item)) for key, item in value.items())))
    return value


def thawed(value: object) -> object:
    """The lists and dicts that `frozen` made hashable, back as lists and dicts."""
    if isinstance(value, tuple) and len(value) == 2 and value[0] == "dict" and isinstance(value[1], tuple):
        return {key: thawed(item) for key, item in value[1]}
    if isinstance(value, tuple):
        return [thawed(item) for item in value]
    return value


def drawn_key(*values: object) -> str:
    """A short fingerprint of control values, kept in the browser beside the figure drawn for them.

    A view may answer a change of date alone with a patch (or nothing) only if the browser
    shows a figure drawn for the same other values. Dash drops a request still in flight
    when the same callback is asked again, so a quick change of date can follow, say, a
    change of organizations whose figure never arrived: the stored fingerprint is then
    the old one, and the view sends its whole figure.
    """
    text = json.dumps(values, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(text.encode()).hexdigest()[:16]


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
