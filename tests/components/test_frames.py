"""A view's frames draw, for every day, the figure the server would draw for that day."""

import datetime as dt
import random

import pytest

import data
from components import frames, state, summary
from components.map import callbacks as map_callbacks
from components.map.figure import TITLE as MAP_TITLE
from components.overlap import callbacks as overlap_callbacks
from components.overlap.figure import TITLE as OVERLAP_TITLE
from data import PartialDate

TODAY = dt.date(2026, 11, 28)
CONTROLS = [
    state.Controls(orgs=("CSTO", "SCO")),
    state.Controls(orgs=("CSTO", "SCO", "NATO"), statuses=("member", "observer", "suspended"), mode="dark"),
    state.Controls(orgs=("SCO",), country="IND"),
    state.Controls(orgs=("CSTO", "SCO"), region=("CSTO", "SCO")),
    state.Controls(orgs=()),
]


def days_to_check(starts, seed):
    """Each period's first and last day, and a few random days."""
    rng = random.Random(seed)
    days = set(starts) | {start - dt.timedelta(days=1) for start in starts[1:]} | {TODAY}
    span = (TODAY - state.EARLIEST_DATE).days
    days |= {state.EARLIEST_DATE + dt.timedelta(days=rng.randrange(span + 1)) for _ in range(8)}
    return sorted(days)


def titled(frame, title, day):
    """What the browser draws from `frame` for `day` (see `figureOn` in assets/blocs.js)."""
    layout = dict(frame["layout"])
    layout["title"] = {**layout["title"], "text": title + PartialDate.of_day(day).label()}
    return {"data": frame["data"], "layout": layout}


@pytest.mark.parametrize("controls", CONTROLS)
def test_map_frames_draw_what_the_server_draws(controls):
    bundle = map_callbacks.map_frames(controls, TODAY)
    starts = [dt.date.fromisoformat(day) for day in bundle["days"]]
    for day in days_to_check(starts, seed=len(controls.orgs)):
        drawn = map_callbacks.map_figure.__wrapped__(controls, day)
        frame = frames.frame_on(bundle, day)
        assert frame["data"] == drawn["data"], day
        assert frame["annotations"] == drawn["layout"].get("annotations", []), day
        assert bundle["title"] + PartialDate.of_day(day).label() == drawn["layout"]["title"]["text"]


@pytest.mark.parametrize("controls", CONTROLS)
def test_overlap_frames_draw_what_the_server_draws(controls):
    bundle = overlap_callbacks.overlap_frames(controls, TODAY)
    starts = [dt.date.fromisoformat(day) for day in bundle["days"]]
    for day in days_to_check(starts, seed=len(controls.orgs)):
        drawn = overlap_callbacks.draw_overlap(controls, day)
        frame = {key: value for key, value in frames.frame_on(bundle, day).items() if key != "summary"}
        assert titled(frame, bundle["title"], day) == drawn, day
    assert bundle["title"] == OVERLAP_TITLE


def test_periods_start_where_a_membership_starts_or_ends():
    memberships = data.bundled_dataset().memberships
    starts = frames.period_starts(memberships, orgs=["CSTO"], today=TODAY)
    assert starts[0] == state.EARLIEST_DATE
    assert starts == sorted(set(starts))
    assert dt.date(2012, 12, 19) in starts  # Uzbekistan's membership suspended
    assert dt.date(1999, 4, 20) in starts  # three states leave the treaty
    assert all(day <= TODAY for day in starts)
    assert dt.date(2001, 6, 15) not in starts  # the SCO's founding is not the CSTO's
    assert len(frames.period_starts(memberships, orgs=[], today=TODAY)) == 1


def test_equal_frames_are_sent_once():
    bundle = map_callbacks.map_frames(state.Controls(), TODAY)
    assert len(bundle["frames"]) == len(bundle["days"])
    assert len(bundle["unique"]) < len(bundle["days"])
    assert sorted(set(bundle["frames"])) == list(range(len(bundle["unique"])))
    assert bundle["title"] == MAP_TITLE


def test_frames_are_made_once_for_every_zoom_of_the_map():
    zoomed = state.Controls(zoom=(("geo.projection.scale", 5.0),))
    assert map_callbacks.map_frames(zoomed, TODAY) is map_callbacks.map_frames(state.Controls(), TODAY)
    assert zoomed.key() != state.Controls().key()  # but the figure drawn for each differs


def test_a_frame_is_picked_by_the_last_period_started_on_or_before_the_day():
    bundle = frames.bundle(
        [dt.date(1949, 1, 1), dt.date(2000, 1, 1), dt.date(2010, 6, 15)],
        lambda day: {"data": [day.year]},
        title="As of ",
    )
    assert frames.frame_on(bundle, dt.date(1999, 12, 31)) == {"data": [1949]}
    assert frames.frame_on(bundle, dt.date(2000, 1, 1)) == {"data": [2000]}
    assert frames.frame_on(bundle, dt.date(2010, 6, 14)) == {"data": [2000]}
    assert frames.frame_on(bundle, dt.date(2026, 1, 1)) == {"data": [2010]}


def sentence_on(bundle, day):
    """The summary the browser writes for `day` (see `sentenceOn` in assets/blocs.js)."""
    words = frames.frame_on(bundle, day)["summary"]
    return summary.compose(words, day, today=TODAY, reviewed=data.bundled_dataset().reviewed)


@pytest.mark.parametrize("controls", [*CONTROLS, state.Controls(statuses=())])
def test_overlap_frames_say_what_the_server_says(controls):
    dataset = data.bundled_dataset()
    orgs, statuses = controls.orgs, controls.statuses
    bundle = overlap_callbacks.overlap_frames(controls, TODAY)
    starts = [dt.date.fromisoformat(day) for day in bundle["days"]]
    for day in days_to_check(starts, seed=len(orgs)):
        said = summary.sentence_for(dataset, list(orgs), day.isoformat(), list(statuses), TODAY)
        assert sentence_on(bundle, day) == said, day
