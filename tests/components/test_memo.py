"""What is kept in memory: keys of control values, and values built once."""

import threading
import time

from components import memo, state


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


def test_controls_are_a_key_that_follows_their_values():
    zoom = {"geo.center.lon": 62.0, "geo.projection.scale": 2}
    view = state.ViewState(orgs=("CSTO",), region=("CSTO",))
    first, second = (
        state.Controls.of(view, zoom=zoom),
        state.Controls.of(view, zoom=dict(reversed(zoom.items()))),
    )
    assert first == second and hash(first) == hash(second) and first.key() == second.key()
    assert first.key() != state.Controls.of(view, zoom=zoom, mode="dark").key()
    assert state.Controls.of(view, zoom={"geo.center.lon": float("nan"), "x": "1"}).zoom == ()
    assert state.Controls.of(view, mode="<script>").mode == "light"
