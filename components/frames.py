"""A view's figures for every date at once, so the browser can move the date by itself.

The map and the overlap diagram change with the as-of date only where a membership
starts or ends. Between two such days they draw the same figure, but for the day named
in the title. So for a choice of the other controls the server sends, once, a view's
*frames*: the days on which a period starts, and the figure of each period with the
title's day left out. The browser then redraws the view for any date without a round
trip and asks the server only when the frames it holds were made for other controls.

Frames are one feature, not a thread through every view. A view describes itself as a
`FramedView` (its graph, the controls it is drawn for, how to draw itself for those
controls and a day) and calls `register` once; this module owns the rest:

- the view's stores (`stores`), with pattern-matching ids `{"type": "frames-<part>",
  "view": <name>}` (`store_id`): the server's last `answer` (the key of the controls it
  was drawn for, its day, the figure), the `frames`, the day `shown`, and the browser's
  requests for a day (`date-request`) and for frames (`frames-request`);
- the server's callbacks: the answer for the controls and a day, and the frames;
- two browser callbacks in assets/blocs.js: `ask`, which requests a day, or frames, when
  the date moves and the browser has no frames for the figure it shows; and `show`, the one
  writer of the graph's figure (and of the view's words, for a view that has them), which
  draws the answer or, for the date shown, the frame.

Frames are JSON (a `dcc.Store`'s data)::

    {"key": <Controls.key()>, "title": "Member states as of ",
     "days": ["1949-01-01", "1992-05-15", ...], "frames": [0, 1, 1, 2, ...],
     "unique": [<frame>, ...]}

`frames[i]` indexes the frame of the period starting on `days[i]`; equal frames are
sent once. A frame is `{"data": [...], "annotations": [...]}` (the rest of the layout
is the figure's own) or, for a view whose layout changes with the date, `{"data": [...],
"layout": {...}}`; a view with words (the overlap diagram's sentence, see
`components.summary.sentences`) also has them in each frame, as `"summary"`.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, replace

import dash
import pandas as pd
from dash import ClientsideFunction, Input, Output, State, clientside_callback, dcc

from . import ids, memo, state

__all__ = ["PARTS", "FramedView", "bundle", "frame_on", "period_starts", "register", "store_id", "stores"]

PARTS = ("answer", "frames", "shown", "date-request", "frames-request")


def store_id(view: str, part: str) -> dict:
    """The id of one of a framed view's stores (`part` one of `PARTS`)."""
    assert part in PARTS, part
    return {"type": f"frames-{part}", "view": view}


@dataclass(frozen=True)
class FramedView:
    """What a view tells the frames machinery about itself.

    Attributes:
        name: the view's name, in its stores' ids ("map").
        graph_id: its graph.
        title: the title's text before the day's label.
        inputs: the controls it is drawn for, the date aside, as callback inputs.
        controls: their values (in the order of `inputs`) as validated `state.Controls`.
        draw: the whole figure for controls and a day.
        frame: the frame for controls and a day (see the module's docstring).
        orgs_of: the organizations whose memberships' changes start a period.
        words_id: the element that says the view in words, if any: each frame's
            `"summary"` is written there.
        words: the words for controls (`{"always": ...}` or `{"present": ..., "past": ...}`).
    """

    name: str
    graph_id: str
    title: str
    inputs: tuple[Input, ...]
    controls: Callable[..., state.Controls]
    draw: Callable[[state.Controls, dt.date], dict]
    frame: Callable[[state.Controls, dt.date], dict]
    orgs_of: Callable[[state.Controls], Collection[str]] = lambda controls: controls.orgs
    words_id: str | None = None
    words: Callable[[state.Controls, dt.date], dict] | None = None


def stores(view: FramedView, *, key: str, day: dt.date) -> list[dcc.Store]:
    """The view's stores, for a page that comes with its figure drawn for `key` on `day`."""
    initial = {"answer": {"key": key, "day": day.isoformat()}, "shown": day.isoformat()}
    return [
        dcc.Store(id=store_id(view.name, part), data=initial.get(part), storage_type="memory")
        for part in PARTS
    ]


def period_starts(memberships: pd.DataFrame, *, orgs: Collection[str], today: dt.date) -> list[dt.date]:
    """The first day of every period in which the memberships of `orgs` do not change, up to `today`.

    The first period starts on the earliest day a reader may ask for; each other one
    on a day a membership of `orgs` (any status) starts or ends.
    """
    rows = memberships[memberships["family"].isin(list(orgs))]
    days = pd.concat([rows["start_day"], rows["end_day"].dropna()])
    changes = {day.date() for day in days if state.EARLIEST_DATE < day.date() <= today}
    return [state.EARLIEST_DATE, *sorted(changes)]


def bundle(starts: Sequence[dt.date], draw: Callable[[dt.date], dict], *, title: str) -> dict:
    """The frames (without their key) of a view drawn by `draw` on each day of `starts`.

    Args:
        starts: the first day of each period, ascending (see `period_starts`).
        draw: the frame for a day: a figure's `data` with its `annotations` or its `layout`,
            whose title text (if any) is dropped.
        title: the title's text before the day's label.
    """
    unique: list[dict] = []
    seen: dict[str, int] = {}
    frames = []
    for day in starts:
        frame = draw(day)
        layout = frame.get("layout")
        if layout is not None and "title" in layout:
            frame = {**frame, "layout": {**layout, "title": {**layout["title"], "text": ""}}}
        text = json.dumps(frame, sort_keys=True)
        if text not in seen:
            seen[text] = len(unique)
            unique.append(frame)
        frames.append(seen[text])
    return {"title": title, "days": [day.isoformat() for day in starts], "frames": frames, "unique": unique}


def frame_on(frames: dict, day: dt.date) -> dict:
    """The frame `frames` hold for `day`: as `frameOn` in assets/blocs.js picks it."""
    text = day.isoformat()
    index = max(i for i, start in enumerate(frames["days"]) if start <= text)
    return frames["unique"][frames["frames"][index]]


class _Frames:
    """The frames of one view, built once per choice of controls (and day of today)."""

    def __init__(self, view: FramedView, memberships: Callable[[], pd.DataFrame]):
        self._view = view
        self._memberships = memberships
        self._kept = memo.Shelf(memo.FRAMES_KEPT)

    def get(self, controls: state.Controls, today: dt.date) -> dict:
        # Frames draw no zoom (the figure shown keeps its own layout): one set serves every zoom.
        controls = replace(controls, zoom=())
        return self._kept.get((controls, today), lambda: self._build(controls, today))

    def _build(self, controls: state.Controls, today: dt.date) -> dict:
        view = self._view
        starts = period_starts(self._memberships(), orgs=view.orgs_of(controls), today=today)

        def draw(day: dt.date) -> dict:
            frame = view.frame(controls, day)
            return {**frame, "summary": view.words(controls, day)} if view.words else frame

        return bundle(starts, draw, title=view.title)


def answer(view: FramedView, controls: state.Controls, day: dt.date) -> dict:
    """What the server answers for `controls` on `day`: their key, the day, the figure (and words)."""
    given = {"key": controls.key(), "day": day.isoformat(), "figure": view.draw(controls, day)}
    if view.words:
        given["summary"] = view.words(controls, day)
    return given


def register(view: FramedView, *, memberships: Callable[[], pd.DataFrame]) -> Callable[..., dict]:
    """Register the callbacks that draw `view` and send its frames.

    Args:
        view: the view.
        memberships: the membership table whose changes start the frames' periods.

    Returns:
        The view's frames for controls and today (cached), for tests and benchmarks.
    """
    kept = _Frames(view, memberships)
    controls_count = len(view.inputs)

    # The answer is sent whole, never as a patch of the one the browser holds: a patch
    # would need that answer (a whole figure) in the request, or a figure to patch.
    @dash.callback(
        Output(store_id(view.name, "answer"), "data"),
        *view.inputs,
        Input(store_id(view.name, "date-request"), "data"),
        State(ids.FILTERS_DATE, "value"),
        prevent_initial_call=True,  # the page comes with the default view drawn
    )
    def _answer(*values):
        controls = view.controls(*values[:controls_count])
        return answer(view, controls, state.day_from_control(values[-1]))

    @dash.callback(
        Output(store_id(view.name, "frames"), "data"),
        Input(store_id(view.name, "frames-request"), "data"),
        *(State(i.component_id, i.component_property) for i in view.inputs),
    )  # also once at load, for the figure the page comes with
    def _send_frames(_asked, *values):
        controls = view.controls(*values)
        return {"key": controls.key(), **kept.get(controls, dt.date.today())}

    clientside_callback(
        ClientsideFunction("blocs", "ask"),
        Output(store_id(view.name, "date-request"), "data"),
        Output(store_id(view.name, "frames-request"), "data"),
        Input(ids.FILTERS_DATE, "value"),
        *view.inputs,
        State(store_id(view.name, "frames"), "data"),
        State(store_id(view.name, "answer"), "data"),
        State(store_id(view.name, "shown"), "data"),
        State(ids.FILTERS_DATE, "max"),
        State(ids.FILTERS_DATE, "min"),
        prevent_initial_call=True,
    )
    words = [Output(view.words_id, "children")] if view.words_id else []
    clientside_callback(
        ClientsideFunction("blocs", "show"),
        Output(view.graph_id, "figure"),
        Output(store_id(view.name, "shown"), "data"),
        *words,
        Input(store_id(view.name, "answer"), "data"),
        Input(store_id(view.name, "frames"), "data"),
        Input(ids.FILTERS_DATE, "value"),
        State(view.graph_id, "figure"),
        State(store_id(view.name, "shown"), "data"),
        State(ids.FILTERS_DATE, "max"),
        State(ids.FILTERS_DATE, "min"),
        State(ids.PAGE_CONFIG, "data"),  # the review date, which the words name after it
        prevent_initial_call=True,
    )
    return kept.get
