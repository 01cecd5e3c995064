"""One writer per component property.

Every (component, property) a callback writes is written by that callback alone: two
writers of one thing make the page's state depend on which answered last. The one
exception is not a callback's output and so is not listed here: the URL's `date`, which
`moveDate` (assets/blocs.js) puts in the address bar with the History API, telling
dcc.Location as the browser's Back would (components/filters.py says why).
"""

import json
from collections import Counter

import pytest

import app as dashboard

# (component id, property): why it may have a second writer. Keep it short, and say why.
ALLOWED: dict[tuple[str, str], str] = {}


def written(dependencies: list[dict]) -> Counter:
    """How many callbacks write each (component id, property), from Dash's dependency list."""
    counts: Counter = Counter()
    for dependency in dependencies:
        outputs = dependency["output"]
        parts = outputs[2:-2].split("...") if outputs.startswith("..") else [outputs]
        for part in parts:
            target, _, prop = part.rpartition(".")
            prop = prop.split("@")[0]  # `allow_duplicate` marks an output with a hash
            counts[(target, prop)] += 1
    return counts


def second_writers(dependencies: list[dict]) -> dict[tuple[str, str], int]:
    return {key: count for key, count in written(dependencies).items() if count > 1 and key not in ALLOWED}


@pytest.fixture(scope="module")
def dependencies():
    return dashboard.server.test_client().get("/_dash-dependencies").get_json()


def test_every_component_property_has_one_writer(dependencies):
    assert second_writers(dependencies) == {}


def test_no_callback_asks_for_a_duplicate_output(dependencies):
    assert not [d["output"] for d in dependencies if "@" in d["output"]]


def test_the_check_sees_a_second_writer_however_it_is_written(dependencies):
    twice = [
        *dependencies,
        {"output": "..url.search...filters-orgs.value.."},
        {"output": '{"type":"frames-answer","view":"map"}.data@1a2b'},
    ]
    found = second_writers(twice)
    assert ("url", "search") in found
    assert (json.dumps({"type": "frames-answer", "view": "map"}, separators=(",", ":")), "data") in found


def test_the_sync_callback_writes_the_url_and_every_control_but_the_date(dependencies):
    sync = next(d for d in dependencies if "url.search" in d["output"])
    targets = {part for part in sync["output"].strip(".").split("...")}
    assert "filters-date.value" not in targets and "filters-year.value" not in targets
    date = next(d for d in dependencies if "filters-date.value" in d["output"])
    assert date["clientside_function"]["function_name"] == "moveDate"
