"""What is kept in memory: keys of control values, and values built once."""

import threading
import time

from components import memo


def test_a_shelf_builds_a_value_once_for_readers_asking_at_the_same_time():
    shelf = memo.Shelf(2)
    builds = []

    def build():
        builds.append(1)
        time.sleep(0.2)  # long enough for every reader to ask while it is being built
        return "frames"

    answers = []
    readers = [threading.Thread(target=lambda: answers.append(shelf.get("key", build))) for _ in range(4)]
    for reader in readers:
        reader.start()
    for reader in readers:
        reader.join()
    assert answers == ["frames"] * 4
    assert len(builds) == 1


def test_a_shelf_keeps_the_last_keys_used():
    shelf = memo.Shelf(2)
    built = []

    def value(key):
        return shelf.get(key, lambda: built.append(key) or key.upper())

    assert [value("a"), value("b"), value("a"), value("c")] == ["A", "B", "A", "C"]
    assert built == ["a", "b", "c"]  # "a" was kept
    value("a")
    value("b")  # dropped when "c" came: "a" had been used since
    assert built == ["a", "b", "c", "b"]


def test_frozen_values_thaw_back_and_keys_follow_values():
    value = {"geo.center.lon": 62.0, "list": [1, [2, 3]]}
    assert memo.thawed(memo.frozen(value)) == value
    assert hash(memo.frozen(value)) == hash(memo.frozen(dict(reversed(list(value.items())))))
    assert memo.drawn_key(["CSTO"], None) == memo.drawn_key(["CSTO"], None)
    assert memo.drawn_key(["CSTO"], None) != memo.drawn_key(["SCO"], None)
