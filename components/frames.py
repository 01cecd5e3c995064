"""A view's figures for every date at once, so the browser can move the date by itself.

The map and the overlap diagram change with the as-of date only where a membership
starts or ends. Between two such days they draw the same figure, but for the day named
in the title. So for a choice of the other controls the server sends, once, a view's
*frames*: the days on which a period starts, and the figure of each period with the
title's day left out. The browser then redraws the view for any date without a round
trip (`route` in assets/blocs.js) and asks the server only when the frames it holds were
made for other controls.

Frames are JSON (a `dcc.Store`'s data)::

    {"key": <drawn key of the controls>, "title": "Member states as of ",
     "days": ["1949-01-01", "1992-05-15", ...], "frames": [0, 1, 1, 2, ...],
     "unique": [<frame>, ...]}

`frames[i]` indexes the frame of the period starting on `days[i]`; equal frames are
sent once. A frame is `{"data": [...], "annotations": [...]}` (the rest of the layout
is the figure's own) or, for a view whose layout changes with the date, `{"data": [...],
"layout": {...}}`; the overlap diagram's also hold the sentence that puts the view in
words (`"summary"`, see `components.summary.sentences`).
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Collection, Sequence

import pandas as pd

from . import state

__all__ = ["bundle", "frame_on", "period_starts"]


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
    """The frame `frames` hold for `day`: as `route` in assets/blocs.js picks it."""
    text = day.isoformat()
    index = max(i for i, start in enumerate(frames["days"]) if start <= text)
    return frames["unique"][frames["frames"][index]]
