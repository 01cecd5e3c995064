"""Figures kept in memory, keyed by the view they draw.

A classroom asks for the same few views again and again (the same dates, the same
organizations), and building a figure costs tens of milliseconds: each is built once
and then answered from memory, up to `KEPT` figures per view, least recently used
dropped first. Keys are control values after validation, made hashable by `frozen`.
"""

from __future__ import annotations

__all__ = ["KEPT", "frozen", "thawed"]

KEPT = 64


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
